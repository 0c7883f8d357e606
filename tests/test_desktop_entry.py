"""`tahqiq --install-desktop`: menu entry, icons and file type, for the current user.

Every test writes into a temporary XDG_DATA_HOME and XDG_CONFIG_HOME (conftest's
isolated_home). The freedesktop tools (desktop-file-utils, shared-mime-info, xdg-utils)
are used where installed; on Debian: apt-get install desktop-file-utils shared-mime-info
xdg-utils.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui import desktop_entry

FAKE_TAHQIQ = ["/opt/Tahqiq bundle/tahqiq"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils "
                    "shared-mime-info xdg-utils)")
    return path


def entry_keys(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def home(isolated_home) -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def test_install_writes_the_entry_every_icon_and_the_mime_type(home):
    written = desktop_entry.install(command=FAKE_TAHQIQ)
    assert sorted(written) == sorted(desktop_entry.installed_files(home))
    keys = entry_keys(home / "applications" / "tahqiq.desktop")
    assert keys["Name"] == "Tahqiq" and keys["Name[ar]"] == "تحقيق"
    assert "الادعاءات" in keys["Comment[ar]"] and keys["Comment"]
    assert keys["Exec"] == '"/opt/Tahqiq bundle/tahqiq" %f'
    assert keys["TryExec"] == FAKE_TAHQIQ[0]
    assert keys["Icon"] == "tahqiq" and keys["MimeType"] == "application/x-tahqiq;"
    for side in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = home / f"icons/hicolor/{side}x{side}/apps/tahqiq.png"
        width, height = struct.unpack(">II", png.read_bytes()[16:24])
        assert (width, height) == (side, side)
    svg = home / "icons/hicolor/scalable/apps/tahqiq.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_the_mime_type_names_tahqiq_files_by_extension_and_by_content(home):
    desktop_entry.install(command=FAKE_TAHQIQ)
    root = ET.parse(home / "mime/packages/tahqiq.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-tahqiq"
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.tahqiq"
    inner = mime.find(f"{MIME_NS}magic/{MIME_NS}match/{MIME_NS}match")
    # The same application_id the store writes into every project.
    from store.core.project import Project

    project = Project.open(home / "check.tahqiq", "tester")
    project.close()
    header = (home / "check.tahqiq").read_bytes()[:100]
    assert header.startswith(b"SQLite format 3")
    assert struct.unpack(">I", header[68:72])[0] == int(inner.get("value"), 16)


def test_update_mime_database_accepts_the_type(home):
    need("update-mime-database")
    desktop_entry.install(command=FAKE_TAHQIQ)
    globs = (home / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-tahqiq:*.tahqiq" in globs
    assert (home / "mime" / "application" / "x-tahqiq.xml").is_file()
    assert b"TQIQ" in (home / "mime" / "magic").read_bytes()


def test_desktop_file_validate_accepts_the_entry(home):
    validate = need("desktop-file-validate")
    desktop_entry.install(command=["/tmp/odd $name/it's \"quoted\"\\tahqiq 100%"])
    result = subprocess.run([validate, str(home / "applications" / "tahqiq.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_exec_arguments_are_quoted_as_the_spec_asks():
    assert desktop_entry.exec_argument("/usr/bin/tahqiq") == "/usr/bin/tahqiq"
    assert desktop_entry.exec_argument("/a b/t") == '"/a b/t"'
    # inside quotes: \" \` \$ \\ ; then every backslash doubled for the string escape
    assert desktop_entry.exec_argument('a"b') == '"a\\\\"b"'
    assert desktop_entry.exec_argument("$x") == '"\\\\$x"'
    assert desktop_entry.exec_argument("50%") == "50%%"


def test_xdg_mime_finds_tahqiq_as_the_default_application(home):
    xdg_mime = need("xdg-mime")
    desktop_entry.install(command=FAKE_TAHQIQ)
    query = [xdg_mime, "query", "default", "application/x-tahqiq"]
    found = subprocess.run(query, capture_output=True, text=True)
    assert found.stdout.strip() == "tahqiq.desktop"
    desktop_entry.uninstall()
    gone = subprocess.run(query, capture_output=True, text=True)
    assert gone.stdout.strip() == ""


def test_uninstall_leaves_an_empty_data_folder_as_it_was(home):
    home.mkdir(parents=True)
    desktop_entry.install(command=FAKE_TAHQIQ)
    removed = desktop_entry.uninstall()
    assert sorted(removed) == sorted(desktop_entry.installed_files(home))
    assert list(home.iterdir()) == []
    mimeapps = Path(os.environ["XDG_CONFIG_HOME"]) / "mimeapps.list"
    assert not mimeapps.exists()


def test_uninstall_leaves_other_applications_alone(home):
    other_entry = home / "applications" / "other.desktop"
    other_entry.parent.mkdir(parents=True)
    other_entry.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other %f\n"
                           "MimeType=text/x-other;\n", encoding="utf-8")
    other_type = home / "mime" / "packages" / "other.xml"
    other_type.parent.mkdir(parents=True)
    other_type.write_text(
        '<?xml version="1.0"?><mime-info xmlns="http://www.freedesktop.org/standards/'
        'shared-mime-info"><mime-type type="text/x-other"><glob pattern="*.other"/>'
        "</mime-type></mime-info>", encoding="utf-8")
    mimeapps = Path(os.environ["XDG_CONFIG_HOME"]) / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    mimeapps.write_text("[Default Applications]\ntext/x-other=other.desktop\n",
                        encoding="utf-8")
    desktop_entry.install(command=FAKE_TAHQIQ)
    desktop_entry.uninstall()
    assert other_entry.is_file() and other_type.is_file()
    assert "text/x-other=other.desktop" in mimeapps.read_text(encoding="utf-8")
    assert "tahqiq" not in mimeapps.read_text(encoding="utf-8")
    leftovers = [name for name, data in snapshot(home).items()
                 if b"tahqiq" in data or "tahqiq" in name]
    assert leftovers == []


def test_the_command_line_installs_with_the_running_tahqiq_and_without_qt(home):
    """Through the installed console script: Exec= is that script, and Qt stays unloaded."""
    tahqiq = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    assert tahqiq is not None
    result = subprocess.run([tahqiq, "--install-desktop"], capture_output=True, text=True,
                            timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="none"))
    assert result.returncode == 0, result.stderr
    assert "application menu" in result.stdout
    keys = entry_keys(home / "applications" / "tahqiq.desktop")
    assert keys["Exec"] == f"{desktop_entry.exec_argument(tahqiq)} %f"
    probe = ("import sys; from gui.launcher import main; main(['--uninstall-desktop']); "
             "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (home / "applications" / "tahqiq.desktop").exists()


def test_other_systems_are_told_the_installer_does_it(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    assert desktop_entry.main(["--install-desktop"]) == 1
    assert "installer" in capsys.readouterr().err


def test_an_unwritable_data_folder_is_one_line(home, capsys):
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the folder should be", encoding="utf-8")
    assert desktop_entry.main(["--install-desktop"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("tahqiq: error: cannot write") and error.count("\n") == 1


@pytest.fixture
def other_copy(home, tmp_path) -> str:
    """A bundle's menu entry, that bundle still where it was unpacked."""
    program = tmp_path / "opt" / "tahqiq bundle" / "tahqiq"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    desktop_entry.install(command=[str(program)])
    return str(program)


def test_uninstalling_another_copys_entry_is_refused_naming_it_unless_forced(
        home, other_copy, capsys):
    """A pip copy's --uninstall-desktop removed the bundle's menu entry, saying «Removed
    Tahqiq from the application menu (12 files)» (rv280). It is refused in one line that
    names the copy and how to remove it; --force removes it."""
    entry = home / "applications" / "tahqiq.desktop"
    assert desktop_entry.main(["--uninstall-desktop"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("tahqiq: error: ") and error.count("\n") == 1
    assert other_copy in error and "--force" in error
    assert entry.is_file() and desktop_entry.entry_program(home) == other_copy
    assert desktop_entry.main(["--uninstall-desktop", "--force"]) == 0
    assert "Removed Tahqiq" in capsys.readouterr().out and not entry.exists()
    assert desktop_entry.main(["--install-desktop", "--force"]) == 2  # (uninstall's alone)


def test_a_copy_removes_its_own_entry_and_a_gone_copys(home, other_copy, tmp_path):
    """This environment's ``tahqiq`` script and its ``python -m gui`` are one copy; an
    entry whose copy was deleted has no copy left to remove it, and is removed."""
    script = str(Path(sys.executable).parent / "tahqiq")
    desktop_entry.install(command=[script])
    assert desktop_entry.another_copy(home, [sys.executable, "-P", "-m", "gui"]) is None
    assert desktop_entry.another_copy(home, [other_copy]) == script
    desktop_entry.install(command=[str(tmp_path / "deleted" / "tahqiq")])
    assert desktop_entry.uninstall(command=[script]) != []


def test_installing_over_another_copys_entry_says_it_now_opens_this_one(
        home, other_copy, capsys):
    """Installing again from another copy silently pointed the entry at it (rv280)."""
    assert desktop_entry.main(["--install-desktop"]) == 0
    out = capsys.readouterr().out
    this = desktop_entry.launch_command()[0]
    assert other_copy in out and f"now opens this one, {this}" in out
    assert desktop_entry.entry_program(home) == this
    assert desktop_entry.main(["--install-desktop"]) == 0  # (again: nothing to say)
    assert "another copy" not in capsys.readouterr().out
