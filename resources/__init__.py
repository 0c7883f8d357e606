"""Files Tahqiq ships beside its code: the default label set, translations, icons."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def label_set() -> dict[str, Any]:
    """The default verdict labels and rating scale, from ``labels.json``."""
    return json.loads(resources.files(__name__).joinpath("labels.json").read_text("utf-8"))


def arabic_letter_pairs() -> dict[str, int]:
    """Letter-pair counts of real Arabic news (``store.text.plausibility``'s model)."""
    return json.loads(resources.files(__name__).joinpath("arabic_letter_pairs.json")
                      .read_text("utf-8"))
