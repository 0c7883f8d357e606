"""What a packager and a user installing the wheel or the sdist meet (rv200): the floors
pyproject declares are the versions the code needs, the sdist carries what its tests
read, and the launchers' words and menu entry start and name the right thing."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def declared() -> dict[str, Requirement]:
    return {(r := Requirement(line)).name.lower(): r
            for line in PYPROJECT["project"]["dependencies"]}


def floor(name: str) -> Version:
    return min(Version(spec.version) for spec in declared()[name].specifier
               if spec.operator == ">=")


@pytest.mark.parametrize(("name", "needed"), [
    # Under 3.x a table's insert commits, which releases the savepoint of the transaction
    # around it: the first start failed («no such savepoint: tahqiq_1») and left a
    # half-made default project, with 3.37-3.39 kept by pip as meeting >=3.36.
    ("sqlite-utils", "4.0"),
    ("lxml", "5.3"),  # trafilatura 2.0's own floor: >=5.2 could not be met
])
def test_a_declared_floor_is_what_the_code_needs(name, needed):
    assert floor(name) >= Version(needed)


def test_what_is_installed_meets_every_floor_pyproject_declares():
    """The suite runs on what a user's pip would keep: nothing below what is declared."""
    for name, requirement in declared().items():
        assert requirement.specifier.contains(version(name), prereleases=True), \
            (name, version(name), str(requirement.specifier))


def test_the_menu_entry_of_python_m_gui_starts_tahqiq_not_a_gui_py_in_the_home_folder(
        tmp_path, monkeypatch):
    """Not started by a tahqiq script, the entry said `python -m gui %f`: a menu runs it in
    the home folder, whose gui.py (or gui/) stood in for Tahqiq's, as -P keeps the
    matcher's child from a «store» in the working folder."""
    from gui import desktop_entry

    monkeypatch.setattr(sys, "argv", [str(ROOT / "gui" / "__main__.py")])
    assert desktop_entry.main(["--install-desktop"]) == 0
    entry = Path(os.environ["XDG_DATA_HOME"]) / "applications" / "tahqiq.desktop"
    exec_line = next(line.removeprefix("Exec=") for line in
                     entry.read_text("utf-8").splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f")
    (tmp_path / "gui.py").write_text("print('a gui.py of the home folder')\n", "utf-8")
    result = subprocess.run([*shlex.split(exec_line.removesuffix(" %f")), "--version"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("tahqiq "), result.stdout + result.stderr


@pytest.mark.parametrize("argv", [
    ["--lang", "ar", "summary"],
    ["--lang", "ar", "--project", "p.tahqiq", "summary"],
    ["--project", "p.tahqiq", "--lang", "ar", "summary"],
])
def test_a_command_after_the_apps_options_is_said_to_go_first(tmp_path, monkeypatch, capsys,
                                                              argv):
    """With --project too, the word was taken for a second project: «give the project
    once», though it was given once."""
    from gui.launcher import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("gc.disable", lambda: None)  # (until a first paint never come)
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert "'summary' is a command: put it first" in said and "once" not in said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, loading", [(["articles"], "store.cli"),
                                           (["p.tahqiq"], "gui.app")])
def test_ctrl_c_while_the_modules_load_is_one_line(monkeypatch, capsys, argv, loading):
    """Ctrl+C in `tahqiq`'s first third of a second, before the command line or the
    window answer it, was a traceback through the imports (rv210)."""
    import builtins

    from gui.launcher import main

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == loading:
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("gc.disable", lambda: None)  # (the window's, never come)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    try:
        status = main(argv)
    except KeyboardInterrupt:  # (not let through to stop the test run)
        pytest.fail("the interrupt went through the launcher")
    assert status == 130
    assert capsys.readouterr().err == "tahqiq: error: interrupted\n"


def test_two_projects_are_still_one_too_many(tmp_path, capsys):
    from gui.app import parse_options

    with pytest.raises(SystemExit):
        parse_options([str(tmp_path / "a.tahqiq"), "--project", str(tmp_path / "b.tahqiq")])
    assert "give the project once" in capsys.readouterr().err


def test_the_licence_is_a_file_that_the_metadata_names():
    """pyproject said `license = { text = "MIT" }` with no LICENSE anywhere: the text the
    MIT licence asks to travel with every copy was in neither the wheel nor the sdist, and
    setuptools stops building that table form after 2027-02-18."""
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n") and "Copyright (c) " in text
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    setuptools = next(Requirement(line) for line in PYPROJECT["build-system"]["requires"]
                      if line.startswith("setuptools"))
    assert not setuptools.specifier.contains("76.9")  # the first to read license-files: 77


def test_the_sdist_carries_every_file_its_tests_read(monkeypatch):
    """MANIFEST.in as setuptools itself reads it, over this checkout. The sdist held the
    test files alone: without conftest.py a packager's pytest ran them against his own
    $XDG_CONFIG_HOME (and wrote its tahqiq.ini there), and none of the fixtures they open
    was in it; nor was the changelog."""
    from setuptools.command.egg_info import FileList

    monkeypatch.chdir(ROOT)
    files = FileList()
    for line in (ROOT / "MANIFEST.in").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            files.process_template_line(line)
    shipped = {name.replace(os.sep, "/") for name in files.files}
    tests = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("*")
             if path.is_file() and "__pycache__" not in path.parts
             and path.suffix not in (".pyc", ".pyo")}
    assert {"tests/conftest.py", "CHANGELOG.md", "LICENSE", "README.md"} <= shipped
    assert {"fixtures", "reliability"} <= {name.split("/")[1] for name in tests if
                                           name.count("/") > 1}
    assert tests <= shipped, sorted(tests - shipped)[:5]
    assert not [name for name in shipped if "__pycache__" in name or name.endswith(".pyc")]
