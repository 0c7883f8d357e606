"""What a normal (not editable) install holds: every package of the checkout, and no
file left from an earlier build."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import struct
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


def script(name):
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"),
                                                  str(ROOT / "scripts" / name))
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
    build = script("build-bundle")
    monkeypatch.setattr(build, "ROOT", checkout)
    monkeypatch.setattr(build, "BUILD", checkout / "build")
    monkeypatch.setattr(build, "VENV", checkout / "build" / "venv")
    monkeypatch.setattr(sys, "argv", ["build-bundle", "--fresh"])
    installed = []

    def run(*command, cwd=checkout):
        if command[1:4] == ("-m", "pip", "install") and "--upgrade" not in command:
            source = Path(str(command[-1]).removesuffix("[bundle]"))
            installed.append(sorted(path.relative_to(source).as_posix()
                                    for path in source.rglob("*") if path.is_file()))

    monkeypatch.setattr(build, "run", run)
    assert build.main() == 0
    assert installed == [["pyproject.toml", "seeds/__init__.py", "seeds/sample.txt"]]


def elf_with_runpath(runpath: str) -> bytes:
    """A little-endian 64-bit ELF file holding only a dynamic section with a RUNPATH."""
    strings = b"\0" + runpath.encode() + b"\0"
    dynamic = struct.pack("<qQqQ", 29, 1, 0, 0)  # DT_RUNPATH (its string at 1), DT_NULL
    table = 64 + len(strings) + len(dynamic)
    header = b"\x7fELF\x02\x01\x01" + bytes(9) + struct.pack(
        "<HHIQQQIHHHHHH", 3, 62, 1, 0, 0, table, 0, 64, 0, 0, 64, 3, 0)
    sections = [bytes(64), struct.pack("<IIQQQQIIQQ", 0, 3, 0, 0, 64, len(strings), 0, 0, 1, 0),
                struct.pack("<IIQQQQIIQQ", 0, 6, 0, 0, 64 + len(strings), len(dynamic), 1, 0,
                            8, 16)]
    return header + strings + dynamic + b"".join(sections)


def test_the_bundle_test_finds_the_build_machines_folders_in_the_bundle(tmp_path):
    """The bundle carried the checkout's file:// address (pip's direct_url.json) and the
    build Python's lib folder as the RUNPATH of libpython and lib-dynload's modules,
    searched for libm at every start: packaging/tahqiq.spec drops both, and
    scripts/test-bundle fails on either, so CI notices one coming back."""
    files = {"tahqiq": elf_with_runpath("$ORIGIN/_internal"),
             "_internal/libpython3.11.so.1.0": elf_with_runpath("/home/me/.pyenv/lib"),
             "_internal/python3.11/lib-dynload/_ssl.so": elf_with_runpath(
                 "$ORIGIN:/home/me/.pyenv/lib"),
             "_internal/libQt6Core.so.6": elf_with_runpath("$ORIGIN"),
             "_internal/tahqiq-0.1.0.dist-info/direct_url.json": b'{"url": "file:///home/me"}',
             "_internal/tahqiq-0.1.0.dist-info/METADATA": b"Name: tahqiq"}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    test = script("test-bundle")
    assert test.runpaths(tmp_path / "_internal/python3.11/lib-dynload/_ssl.so") == [
        "$ORIGIN", "/home/me/.pyenv/lib"]
    assert test.build_machine_paths(tmp_path) == [
        "_internal/tahqiq-0.1.0.dist-info/direct_url.json",
        "_internal/libpython3.11.so.1.0: RUNPATH /home/me/.pyenv/lib",
        "_internal/python3.11/lib-dynload/_ssl.so: RUNPATH /home/me/.pyenv/lib"]
    for name in ("_internal/libpython3.11.so.1.0", "_internal/python3.11/lib-dynload/_ssl.so",
                 "_internal/tahqiq-0.1.0.dist-info/direct_url.json"):
        (tmp_path / name).unlink()
    assert test.build_machine_paths(tmp_path) == []
