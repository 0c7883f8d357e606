"""What a normal (not editable) install holds: every package of the checkout."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_checkout_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    find = config["packages"]["find"]
    installed = set(find_packages(str(ROOT), include=find["include"]))
    ours = {str(init.parent.relative_to(ROOT)).replace("/", ".")
            for top in ("store", "gui", "resources", "seeds")
            for init in (ROOT / top).rglob("__init__.py")}
    assert {"store.core", "store.cli", "store.text", "store.exchange", "store.review"} <= ours
    assert ours <= installed, sorted(ours - installed)
    assert not {p for p in installed if p.startswith(("tests", "benchmarks", "fuzz"))}
