"""Issue 2 item 3: the default project (default.tahqiq in the data folder) is made on the
first run with the sample articles. Named by its path - `tahqiq --project <that path>
import x`, the window opened on it - it was made empty, and a plain `tahqiq` never
seeded it after (rv288). The store says whether a path is the default project's
(is_default_project); both the window and the commands ask it."""

from __future__ import annotations

import io
import os

import pytest
from conftest import SAMPLE_QUOTE

from store.cli.main import main
from store.core import articles
from store.core.paths import default_project_path, is_default_project
from store.core.project import Project
from store.exchange import seeding


def sample_titles(tmp_path) -> set[str]:
    with seeding.open_or_create(tmp_path / "sample.tahqiq", "tester") as project:
        return {row["title"] for row in articles.list_articles(project)}


def spellings(tmp_path, monkeypatch) -> list[str]:
    """The default project's path as given, relative and through a symbolic link too."""
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(path.parent)
    tmp_path.mkdir(exist_ok=True)
    link = tmp_path / "link"
    link.symlink_to(path.parent, target_is_directory=True)
    return [str(path), path.name, str(link / path.name),
            str(path.parent / ".." / path.parent.name / path.name)]


def test_the_store_tells_the_default_projects_path_however_spelled(tmp_path, monkeypatch):
    for spelled in spellings(tmp_path, monkeypatch):
        assert is_default_project(spelled), spelled
    assert not is_default_project(tmp_path / "default.tahqiq")
    seeding.open_or_create(default_project_path(), "tester").close()  # (once it is there)
    assert all(is_default_project(spelled)
               for spelled in spellings(tmp_path / "again", monkeypatch))


@pytest.mark.parametrize("which", range(4))
def test_a_command_naming_the_default_project_makes_it_with_the_sample(
        tmp_path, monkeypatch, which):
    titles = sample_titles(tmp_path)
    (tmp_path / "mine.txt").write_text("نص قصير عن الزيارة.\n", encoding="utf-8")
    path = (tmp_path / "mine.txt").resolve()
    spelled = spellings(tmp_path, monkeypatch)[which]
    assert main(["--project", spelled, "import", str(path)], io.StringIO()) == 0
    with Project.open(default_project_path(), "tester") as project:
        assert {row["title"] for row in articles.list_articles(project)} == {
            *titles, "نص قصير عن الزيارة."}
    out = io.StringIO()
    assert main(["articles"], out) == 0  # (and plain `tahqiq` sees the same project)
    assert len(out.getvalue().splitlines()) == len(titles) + 1


def test_a_link_looping_on_itself_is_no_default_project(tmp_path):
    loop = tmp_path / "default.tahqiq"
    loop.symlink_to(loop)
    assert not is_default_project(loop)


def test_another_path_is_made_empty(tmp_path):
    (tmp_path / "mine.txt").write_text("نص قصير عن الزيارة.\n", encoding="utf-8")
    other = tmp_path / "other.tahqiq"
    assert main(["--project", str(other), "import", str(tmp_path / "mine.txt")],
                io.StringIO()) == 0
    with Project.open(other, "tester") as project:
        assert len(articles.list_articles(project)) == 1
    assert not default_project_path().exists()


def test_an_existing_default_project_is_not_seeded_again(tmp_path):
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    Project.open(path, "tester").close()  # (made empty: the user deleted the sample, say)
    out = io.StringIO()
    assert main(["--project", str(path), "articles"], out) == 0 and out.getvalue() == ""


def test_the_window_opened_on_the_default_projects_path_shows_the_sample(
        qtbot, errors, tmp_path, monkeypatch):
    from gui.app import create_window

    titles = sample_titles(tmp_path)
    window = create_window(str(default_project_path()), "en", remember=False)
    try:
        qtbot.addWidget(window)
        assert {row["title"] for row in window.session.article_list()} == titles
        assert SAMPLE_QUOTE in window.article_pane.reader.toPlainText()
        assert os.path.samefile(window.session.path, default_project_path())
    finally:
        window.close()
    assert errors == []
