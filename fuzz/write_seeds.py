#!/usr/bin/env python3
"""Write a target's seed inputs into a corpus folder: ``write_seeds.py TARGET FOLDER``.

Each seed is named by its SHA-1, as libFuzzer names what it adds, so writing them again
adds nothing new. A target's ``TOKENS`` (words of its format: CSV columns, HTML tags) go to
``FOLDER.dict``, a libFuzzer dictionary that fuzz/run passes on, and its ``MAX_LEN`` (the
longest input worth trying) to ``FOLDER.max_len``.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    name, folder = sys.argv[1], Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    target = importlib.import_module(f"targets.{name}")
    for data in target.seeds():
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    max_len = getattr(target, "MAX_LEN", 0)
    if max_len:
        folder.with_suffix(".max_len").write_text(str(max_len), "ascii")
    tokens = getattr(target, "TOKENS", ())
    if tokens:
        lines = ['"' + "".join(f"\\x{b:02x}" for b in token.encode()) + '"' for token in tokens]
        folder.with_suffix(".dict").write_text("\n".join(lines) + "\n", "ascii")


if __name__ == "__main__":
    main()
