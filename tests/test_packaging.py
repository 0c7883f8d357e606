"""What a normal (not editable) install holds: every package of the checkout, and no
file left from an earlier build."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
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


def build_bundle_script():
    loader = importlib.machinery.SourceFileLoader("build_bundle",
                                                  str(ROOT / "scripts" / "build-bundle"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


def test_a_file_deleted_from_the_checkout_is_not_in_the_next_bundle(tmp_path, monkeypatch):
    """pip built the checkout in place, and setuptools' build/lib kept a seed article
    deleted since: it was a new user's sample in every bundle built after, --fresh too."""
    checkout = tmp_path / "checkout"
    for name, text in {"pyproject.toml": "", "seeds/sample.txt": "now",
                       "seeds/__init__.py": "", "build/lib/seeds/removed.txt": "then",
                       "build/bdist.linux-x86_64/wheel/seeds/removed.txt": "then",
                       "build/venv/bin/python": "", "dist/tahqiq/tahqiq": "",
                       "tahqiq.egg-info/SOURCES.txt": "seeds/removed.txt",
                       "seeds/__pycache__/__init__.cpython-311.pyc": ""}.items():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_text(text, "utf-8")
    script = build_bundle_script()
    monkeypatch.setattr(script, "ROOT", checkout)
    monkeypatch.setattr(script, "BUILD", checkout / "build")
    monkeypatch.setattr(script, "VENV", checkout / "build" / "venv")
    monkeypatch.setattr(sys, "argv", ["build-bundle", "--fresh"])
    installed = []

    def run(*command, cwd=checkout):
        if command[1:4] == ("-m", "pip", "install") and "--upgrade" not in command:
            source = Path(str(command[-1]).removesuffix("[bundle]"))
            installed.append(sorted(path.relative_to(source).as_posix()
                                    for path in source.rglob("*") if path.is_file()))

    monkeypatch.setattr(script, "run", run)
    assert script.main() == 0
    assert installed == [["pyproject.toml", "seeds/__init__.py", "seeds/sample.txt"]]
