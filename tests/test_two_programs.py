"""Two programs writing one project at the same moment (a cron job's command line beside
the window, two scripts): what one looks for before it writes, the other cannot write in
between. Each test lets «the other program» act at the worst moment, from inside the
first one's look, and checks the file ends as one writer would have left it."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE

from store.core import appearances, articles
from store.core.project import Project
from store.core.schema import SCHEMA_VERSION
from store.errors import SchemaTooNew, StorageError
from store.exchange import importing, seeding

FIXTURES = Path(__file__).parent / "fixtures"


def _meanwhile(monkeypatch, module, name: str, act) -> list[BaseException]:
    """Run *act* once, the first time *module.name* is called; what it raised, kept."""
    real = getattr(module, name)
    raised: list[BaseException] = []
    done = []

    def looking(*args, **kwargs):
        if not done:
            done.append(True)
            try:
                act()
            except StorageError as exc:  # busy: the first program holds the write lock
                raised.append(exc)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, looking)
    return raised


def test_tagging_the_same_words_at_once_makes_one_claim(tmp_path, monkeypatch):
    """Two `tahqiq tag` runs on the same words by one person left two claims on one span
    (a second tag of your own words relabels your claim)."""
    path = tmp_path / "p.tahqiq"
    project = seeding.open_or_create(path, "samira")
    article = articles.list_articles(project)[0]["id"]
    other = Project.open(path, "samira")

    def other_tags() -> None:
        with other.not_waiting():
            appearances.tag_quote(other, article, SAMPLE_QUOTE, "verified")

    raised = _meanwhile(monkeypatch, appearances, "own_place_at", other_tags)
    appearances.tag_quote(project, article, SAMPLE_QUOTE, "disputed")
    monkeypatch.undo()
    mine = appearances.list_appearances(project, article)
    assert [(p.annotator, p.label) for p in mine] == [("samira", "disputed")]
    assert raised  # the other waited for the lock (here: was refused at once)
    other.close()
    project.close()


def test_importing_the_same_text_at_once_stores_it_once(tmp_path, monkeypatch):
    """Two imports of one folder, started together, stored the same article twice."""
    path = tmp_path / "p.tahqiq"
    project = seeding.open_or_create(path, "samira")
    other = Project.open(path, "samira")
    text = "نص مقال جديد عن المعاهدة.\n\nفقرة ثانية فيه."

    def other_imports() -> None:
        with other.not_waiting():
            importing.import_text(other, text)

    raised = _meanwhile(monkeypatch, importing, "_found_again", other_imports)
    importing.import_text(project, text)
    monkeypatch.undo()
    holding = [a for a in articles.list_articles(project) if a["title"].startswith("نص مقال")]
    assert len(holding) == 1 and raised
    other.close()
    project.close()


def test_two_programs_upgrading_an_old_file_at_once_do_not_call_it_damaged(
        tmp_path, monkeypatch):
    """Opening an old project beside another program opening it: the second read the
    schema version before the write lock, then ran again the upgrade the first had made
    («damaged or not a Tahqiq project … table already exists»)."""
    path = tmp_path / "old.tahqiq"
    shutil.copy(FIXTURES / "schema5.tahqiq", path)
    upgraded = []
    real = Project.schema_version

    def version(self: Project) -> int:
        said = real.fget(self)
        if not upgraded and said < 6:  # the other program upgrades it while this one waits
            upgraded.append(True)
            Project.open(path, "other").close()
        return said

    monkeypatch.setattr(Project, "schema_version", property(version))
    project = Project.open(path, "samira")
    monkeypatch.undo()
    assert upgraded and project.schema_version == real.fget(project)
    assert project.upgraded is None  # (the other program upgraded it, and says so: rv159)
    assert articles.list_articles(project)
    project.close()


def test_a_file_a_newer_tahqiq_upgrades_while_this_one_waits_is_refused_as_newer(
        tmp_path, monkeypatch):
    """A newer Tahqiq upgraded an old project while this one waited for the write lock
    to upgrade it: read again under the lock, the newer version was not refused; the
    file was opened for writing, and said «upgraded from schema 12» (rv159)."""
    path = tmp_path / "old.tahqiq"
    shutil.copy(FIXTURES / "schema12.tahqiq", path)
    with contextlib.closing(sqlite3.connect(path)) as before:
        queued = before.execute("SELECT count(*) FROM search_pending").fetchone()[0]
    real = Project.schema_version

    def version(self: Project) -> int:
        said = real.fget(self)
        if said == 12:  # the newer program upgrades it while this one waits
            with contextlib.closing(sqlite3.connect(path)) as newer:
                newer.execute("CREATE TABLE newer_things (x)")
                newer.execute("DROP TRIGGER search_claims_update")  # (renamed, say)
                newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
                newer.commit()
        return said

    monkeypatch.setattr(Project, "schema_version", property(version))
    with pytest.raises(SchemaTooNew, match=f"schema {SCHEMA_VERSION + 1}"):
        Project.open(path, "samira")
    monkeypatch.undo()
    with contextlib.closing(sqlite3.connect(path)) as left:
        assert left.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        # (nothing written: its search index was not queued again as this version's)
        assert left.execute("SELECT count(*) FROM search_pending").fetchone()[0] == queued


@pytest.mark.parametrize(("looked_for", "dropped"), [
    ("missing_triggers", "TRIGGER search_claims_update"),
    ("missing_indexes", "INDEX idx_appearances_claim_id")])
def test_two_programs_making_what_another_dropped_again_at_once_both_open(
        tmp_path, monkeypatch, looked_for, dropped):
    """A trigger or index another program dropped, seen missing by two programs opening
    the project at once: the second to get the write lock made it again too, and was
    refused («trigger … already exists», said as a change not saved: rv160)."""
    from store.core import schema

    path = tmp_path / "p.tahqiq"
    Project.open(path, "samira").close()
    with contextlib.closing(sqlite3.connect(path)) as other:
        made_again = other.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                   [dropped.split()[1]]).fetchone()[0]
        other.execute(f"DROP {dropped}")
    real = getattr(schema, looked_for)
    asked: list[bool] = []

    def looking(conn, version):
        missing = real(conn, version)
        if not asked:  # the other program makes it again, before this one's write lock
            asked.append(True)
            with contextlib.closing(sqlite3.connect(path)) as other:
                other.execute(made_again)
                other.commit()
        return missing

    monkeypatch.setattr(schema, looked_for, looking)
    Project.open(path, "samira").close()
    assert asked


def test_two_programs_making_one_new_file_give_it_its_verdicts_once(tmp_path, monkeypatch):
    """Two programs creating the same new project: each counted no verdicts and went to
    add the default ones, and the second found them there already."""
    import threading

    from store.core import labels

    path = tmp_path / "new.tahqiq"
    real = labels.install_default_labels
    other_done: list[object] = []

    def other_opens() -> None:
        try:
            Project.open(path, "other").close()
            other_done.append("opened")
        except Exception as exc:  # noqa: BLE001 - what the other program met
            other_done.append(exc)

    def install(project: Project) -> None:
        if not other_done:
            other = threading.Thread(target=other_opens)
            other.start()
            other.join(1.0)  # it finishes unless this one holds the write lock
            install.other = other
        real(project)

    monkeypatch.setattr(labels, "install_default_labels", install)
    project = Project.open(path, "samira")
    install.other.join(30)
    monkeypatch.undo()
    assert other_done == ["opened"]
    keys = [label.key for label in labels.list_labels(project)]
    assert keys and len(keys) == len(set(keys))
    project.close()


def test_importing_a_text_already_there_still_names_it_in_a_read_only_project(
        tmp_path, monkeypatch):
    """Looking under the write lock made an import of a text already in a project one
    may only read refuse as read-only, where it named the article already there."""
    import os

    path = tmp_path / "shared.tahqiq"
    text = "نص مقال جديد عن المعاهدة.\n\nفقرة ثانية فيه."
    with seeding.open_or_create(path, "samira") as project:
        first = importing.import_text(project, text).article_id
    writable = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if (
        mode & os.W_OK and str(p).startswith(str(tmp_path))) else writable(p, mode, *a, **k))
    with Project.open(path, "samira") as project:
        assert project.read_only
        again = importing.import_text(project, text)
    assert (again.article_id, again.created) == (first, False)
