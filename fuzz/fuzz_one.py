#!/usr/bin/env python3
"""Run one fuzz target under atheris: ``fuzz_one.py TARGET [libFuzzer options] CORPUS...``.

The target's module is imported with store/ (and the libraries the target names in its
``INSTRUMENT``) instrumented, so atheris is guided by the project's own branches.
``fuzz/run`` calls this; it can also be run by hand to replay a crash file:
``.venv/bin/python fuzz/fuzz_one.py text_import fuzz/crashes/text_import/crash-…``.
"""

from __future__ import annotations

import importlib
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TAHQIQ_USER", "fuzzer")


def main() -> None:
    import atheris

    name, args = sys.argv[1], [sys.argv[0], *sys.argv[2:]]
    with atheris.instrument_imports(include=["store"]):
        target = importlib.import_module(f"targets.{name}")
    atheris.Setup(args, target.test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
