"""The ``tahqiq`` command line (filled in with the exchange issue)."""

from __future__ import annotations

COMMANDS: dict[str, object] = {}


def main(argv: list[str]) -> int:
    return 2
