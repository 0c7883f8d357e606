#!/usr/bin/env python3
"""Remake ``resources/arabic_letter_pairs.json``, the counts behind
``store.text.plausibility`` (which code page a legacy Arabic file is in).

    python scripts/count_letter_pairs.py

The counts come from the sample article in ``seeds/``: real Arabic news, shipped
with Tahqiq. ``tests/test_encodings.py`` checks the file is what this makes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("seeds/putin-kim-treaty.txt",)
TARGET = ROOT / "resources" / "arabic_letter_pairs.json"


def letter_pairs_json() -> str:
    sys.path.insert(0, str(ROOT))
    from store.text.plausibility import count_pairs

    text = "\n".join((ROOT / source).read_text("utf-8") for source in SOURCES)
    counts = count_pairs(text)
    return json.dumps(dict(sorted(counts.items())), ensure_ascii=False, indent=0) + "\n"


if __name__ == "__main__":
    TARGET.write_text(letter_pairs_json(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
