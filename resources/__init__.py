"""Files Tahqiq ships beside its code: the default label set, translations, icons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent
"""Where the files are: beside this module, in a checkout, an installed wheel and the
bundle alike (PyInstaller puts a package's data where its modules would be). A path,
not importlib.resources, which takes 3 ms to load: the store loads this package when it
starts, and the window's start-up reads its icons from here."""


def label_set() -> dict[str, Any]:
    """The default verdict labels and rating scale, from ``labels.json``."""
    return json.loads((FOLDER / "labels.json").read_text("utf-8"))


def triggers() -> dict[str, list[list[Any]]]:
    """The SQL of each trigger of a project, by the schema version that made it anew
    (``store.core.schema.triggers``)."""
    return json.loads((FOLDER / "triggers.json").read_text("utf-8"))


def arabic_letter_pairs() -> dict[str, int]:
    """Letter-pair counts of real Arabic news (``store.text.plausibility``'s model)."""
    return json.loads((FOLDER / "arabic_letter_pairs.json").read_text("utf-8"))
