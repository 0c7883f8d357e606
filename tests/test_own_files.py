"""rv99: Tahqiq's own files (settings, the name file) damaged or unwritable on a real machine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _ini() -> Path:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "tahqiq.ini"


@pytest.mark.parametrize("lines", [
    "[window]\ngeometry=hello world\nstate=junk\n",      # typed or cut short by hand
    "[window]\ngeometry=@Rect(0 0 10 10)\n",             # another type altogether
    "[reader]\npointSize=big\n",
    "[reader]\npointSize=nan\n",
    "[reader]\npointSize=10, 12\n",                       # a list
])
def test_a_layout_of_the_wrong_type_opens_the_window_as_a_first_start(qtbot, tmp_path, lines,
                                                                       errors):
    """A value of the wrong type in the settings file raised in the window's making: the
    window never opened again (an uncaught error at every start) until the file was
    found and fixed."""
    from gui.app import create_window

    _ini().write_text(lines, encoding="utf-8")
    window = create_window(tmp_path / "desk.tahqiq")
    qtbot.addWidget(window)
    window.show()
    window.close()


def test_a_recent_list_that_is_not_a_list_is_an_empty_one(qapp, tmp_path):
    from gui import settings

    _ini().write_text("[General]\nrecent=@Rect(1 2 3 4)\n", encoding="utf-8")
    assert settings.recent_projects() == []
    project = tmp_path / "desk.tahqiq"
    project.write_bytes(b"")
    settings.add_recent_project(project)
    assert settings.recent_projects() == [str(project.resolve())]


def test_a_name_whose_folder_is_a_file_is_not_kept_and_does_not_raise(monkeypatch, tmp_path):
    from store.core import stamps

    in_the_way = tmp_path / "config"
    in_the_way.write_text("not a folder")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(in_the_way))
    assert stamps.save_annotator("Samira Hassan") is False


def test_a_name_that_cannot_be_kept_is_still_this_runs(qapp, monkeypatch, tmp_path):
    """The name typed in «Who is tagging?» was dropped when its file could not be written
    (a folder in its place, a folder that cannot be written): the window then signed
    every claim with the login name, unsaid."""
    from gui import settings

    kept = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json"
    kept.mkdir(parents=True)  # a folder where the file should be
    monkeypatch.setattr(settings, "_name_not_kept", "")
    assert settings.set_annotator_name("Samira Hassan") is False
    assert settings.annotator_name() == "Samira Hassan"
    assert str(kept) in settings.name_not_kept()


def test_settings_that_cannot_be_written_are_said_once(qtbot, tmp_path, errors, monkeypatch):
    """rv181: the settings file left read-only (one `sudo tahqiq`, a full disk): the review
    comment typed and not filed, the places and the recent projects were gone at the next
    start without a word, though the window promises to keep them. Said once, naming it."""
    from conftest import tag_quote

    from gui import settings
    from gui.app import create_window

    monkeypatch.setattr(settings, "_unwritable", "")
    monkeypatch.setattr(settings, "_unwritable_said", False)
    ini = _ini()
    ini.mkdir()  # a folder where the file should be: not written, even by root
    window = create_window(tmp_path / "desk.tahqiq")
    qtbot.addWidget(window)
    window.files.paste_as_article("Unemployment fell to 5 percent, the minister said.")
    tag_quote(window, "Unemployment fell", "disputed")
    window.claims_panel.editor.review_comment.setText("Reuters says 6 percent")
    window.close()  # (its layout, then its place: both fail, said once)
    assert len(errors) == 1 and str(ini) in errors[0], errors


@pytest.mark.parametrize("depth", [0, 1])
def test_a_file_where_a_new_projects_folder_should_be_is_said(tmp_path, depth):
    """XDG_DATA_HOME (or ~/.local/share/tahqiq) a file: opening the default project
    said «Something went wrong: NotADirectoryError» in the window (rv99)."""
    from store.core.project import Project
    from store.errors import StorageError

    in_the_way = tmp_path / "share"
    in_the_way.write_text("not a folder")
    path = in_the_way / "tahqiq" / "default.tahqiq" if depth else in_the_way / "p.tahqiq"
    with pytest.raises(StorageError, match="is a file where a folder should be"):
        Project.open(path, "me")
    assert in_the_way.read_text() == "not a folder"
