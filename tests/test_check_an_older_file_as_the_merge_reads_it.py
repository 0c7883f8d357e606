"""`tahqiq check` of a file an older Tahqiq wrote names what the merge refuses it for
(rv285): the merge upgrades a copy of a file older than schema 9 and runs every rule of
store.core.soundness on it, while `check` ran only the UTF-8 one on such a file, so a
schema-5 file with a NULL review id was «no damage found», exit 0, and `tahqiq merge`
refused it as damaged («reviews.id is empty»). Check now judges an upgraded copy in a
temporary folder, removed after; the user's file is left byte for byte, and a current
file makes no copy."""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from store.cli.main import main
from store.core import project as project_module
from store.core import schema, soundness
from store.core.project import integrity_problems
from store.errors import ImportRejected, NotAProject, StorageError
from store.exchange.merge import merge_project
from store.exchange.seeding import open_or_create

FIXTURES = Path(__file__).parent / "fixtures"

DAMAGES = [
    ("schema5", "UPDATE reviews SET id = NULL WHERE rowid = 1", "reviews.id is empty"),
    ("schema5", "UPDATE reviews SET id = 'bad' || char(9) || 'id' WHERE rowid = 1",
     r"reviews.id holds bad\tid, which is no id"),
    ("schema5", "UPDATE history SET id = NULL WHERE rowid = 1", "history.id is empty"),
    ("schema5", "UPDATE labels SET key = NULL WHERE key = 'unchecked'",
     "labels.key is empty"),
    ("schema1", "UPDATE history SET id = NULL WHERE rowid = 1", "history.id is empty"),
    ("schema8", "UPDATE reviews SET decision = 'maybe'",
     "reviews.decision holds maybe, which is neither accept nor reject"),
]


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


@pytest.fixture
def temporary(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, here: what check leaves in it is seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _colleague(tmp_path: Path, fixture: str, update: str | None = None) -> Path:
    theirs = tmp_path / "theirs" / "bob.tahqiq"
    theirs.parent.mkdir()
    shutil.copyfile(FIXTURES / f"{fixture}.tahqiq", theirs)
    if update:
        with sqlite3.connect(theirs) as raw:
            raw.execute(update)
        raw.close()
    return theirs


def _merge_refusal(tmp_path: Path, theirs: Path) -> str:
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, theirs)
    finally:
        alice.close()
    return str(refused.value)


def _check_and_merge_name(tmp_path, capsys, temporary, theirs, said: str) -> None:
    """The merge refuses *theirs* naming *said*, and `check` (the store's and the command
    line's) names it in the same words; neither wrote the file, the upgraded copy is gone."""
    kept = theirs.read_bytes()
    assert f"({said})" in _merge_refusal(tmp_path, theirs)
    assert integrity_problems(theirs) == [f"{said}, as another program left it"]
    capsys.readouterr()
    assert run("check", "--project", str(theirs), status=1) == ""
    assert f"bob.tahqiq is damaged ({said}, as another program left it)" \
        in capsys.readouterr().err
    assert theirs.read_bytes() == kept  # neither wrote it
    assert sorted(p.name for p in theirs.parent.iterdir()) == ["bob.tahqiq"]
    assert list(temporary.iterdir()) == []  # the upgraded copy is gone


@pytest.mark.parametrize("fixture, update, said", DAMAGES)
def test_check_names_what_the_merge_refuses_in_an_older_file(tmp_path, capsys, temporary,
                                                             fixture, update, said):
    theirs = _colleague(tmp_path, fixture, update)
    _check_and_merge_name(tmp_path, capsys, temporary, theirs, said)


@pytest.mark.parametrize("version", range(1, schema.MERGED_TABLES_SINCE))
def test_an_honest_older_file_checks_clean(tmp_path, temporary, version):
    theirs = _colleague(tmp_path, f"schema{version}")
    kept = theirs.read_bytes()
    assert integrity_problems(theirs) == []
    assert theirs.read_bytes() == kept
    assert list(temporary.iterdir()) == []


def test_a_current_file_is_checked_without_a_copy(tmp_path, monkeypatch):
    """Check of a current file costs what it did: nothing is copied nor upgraded."""
    mine = open_or_create(tmp_path / "mine.tahqiq", "me")
    mine.close()

    def no_copy(*args, **kwargs):
        raise AssertionError("a current file was copied to be checked")

    monkeypatch.setattr(project_module, "_upgraded_copy_problems", no_copy)
    assert integrity_problems(tmp_path / "mine.tahqiq") == []


def test_a_row_pointing_at_a_missing_one_is_said_in_plain_words(tmp_path):
    """Before schema 14 check and merge refuse a place whose claim is gone; said «a row of
    appearances points at a missing row of claims», not «a appearances row»."""
    theirs = _colleague(tmp_path, "schema13",
                        "DELETE FROM claims WHERE id = (SELECT claim_id FROM appearances "
                        "LIMIT 1)")
    said = "a row of appearances points at a missing row of claims"
    assert said in _merge_refusal(tmp_path, theirs)
    with pytest.raises(NotAProject, match=said):
        integrity_problems(theirs)


MOVED = [
    ("schema5", "quote = 'كلمات أخرى'", "claim places not holding their words at their "
     "offsets", "has claims whose words are not where it puts them"),
    ("schema8", "quote = 'كلمات أخرى'", "claim places not holding their words at their "
     "offsets", "has claims whose words are not where it puts them"),
    ("schema5", "prefix = 'سياق آخر'", "claim places whose prefix or suffix is not the "
     "text beside their words", "which is not the text before its words"),
]


@pytest.mark.parametrize("fixture, change, said, refused", MOVED)
def test_check_of_an_older_file_names_places_the_merge_refuses(tmp_path, capsys, temporary,
                                                              fixture, change, said, refused):
    """rv286: `check` of a schema-5 (or 8) file whose place's quote another program changed
    said «no damage found», and the merge refused it («has claims whose words are not where
    it puts them»): the places are checked on the upgraded copy too, as on a current file."""
    theirs = _colleague(tmp_path, fixture, f"UPDATE appearances SET {change} WHERE rowid = "
                        "(SELECT min(rowid) FROM appearances)")
    kept = theirs.read_bytes()
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises((NotAProject, ImportRejected)) as merged:
            merge_project(alice, theirs)
    finally:
        alice.close()
    assert refused in str(merged.value)
    problems = integrity_problems(theirs)
    assert len(problems) == 1 and problems[0].startswith(said) \
        and problems[0].endswith(": 1")
    capsys.readouterr()
    assert run("check", "--project", str(theirs), status=1) == ""
    assert f"bob.tahqiq is damaged ({said}" in capsys.readouterr().err
    assert theirs.read_bytes() == kept
    assert list(temporary.iterdir()) == []


def _blob_text(tmp_path: Path, fixture: str) -> Path:
    """*fixture* whose first article's text another program stored as bytes (its UTF-8)."""
    theirs = tmp_path / "theirs" / "bob.tahqiq"
    theirs.parent.mkdir()
    shutil.copyfile(FIXTURES / f"{fixture}.tahqiq", theirs)
    raw = sqlite3.connect(theirs)
    raw.create_function("tahqiq_fold", 1, lambda text: text)  # (the search's triggers)
    with raw:
        raw.execute("UPDATE articles SET text = CAST(text AS BLOB) WHERE rowid = 1")
    raw.close()
    return theirs


@pytest.mark.parametrize("fixture", ["schema5", "schema9"])
def test_check_of_an_older_file_names_a_text_its_upgrade_fails_on(tmp_path, capsys,
                                                                  temporary, fixture):
    """rv286: the upgrade of a schema-5 copy whose article text is a blob fails («The change
    was not saved: user-defined function raised exception.», check's and the merge's
    words, though neither writes the file); both now name it as of a schema-9 file."""
    theirs = _blob_text(tmp_path, fixture)
    _check_and_merge_name(tmp_path, capsys, temporary, theirs,
                          "articles.text holds a blob value")


def test_a_failed_upgrades_wrong_kinds_are_read_once(tmp_path, temporary, monkeypatch):
    """The opening of the upgraded copy finds the blob (WrongKinds carries it): `check` and
    the merge say it from there, not by reading every row of the file again."""
    theirs = _blob_text(tmp_path, "schema5")
    asked = []
    real = soundness.wrong_kinds
    monkeypatch.setattr(soundness, "wrong_kinds", lambda *args: asked.append(1) or real(*args))
    found = integrity_problems(theirs)
    assert found == ["articles.text holds a blob value, as another program left it"]
    assert len(asked) == 1
    asked.clear()
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject, match="articles.text holds a blob value"):
            merge_project(alice, theirs)
    finally:
        alice.close()
    assert len(asked) == 1
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("fixture", ["schema5", "schema9"])
def test_opening_ones_own_older_file_names_a_text_its_upgrade_fails_on(tmp_path, capsys,
                                                                      fixture):
    """fx121: opening one's own older file whose article text another program stored as
    bytes said «The change was not saved: user-defined function raised exception.», in
    the window and on the command line: a change the user did not make, and no damage.
    Said now as the opening says other damage, as `check` names it; nothing written."""
    mine = _blob_text(tmp_path, fixture)
    kept = mine.read_bytes()
    said = ("bob.tahqiq is damaged (articles.text holds a blob value, as another program "
            "left it); it was left untouched.")
    for create in (True, False):
        with pytest.raises(NotAProject) as refused:
            project_module.Project.open(mine, "me", create=create)
        assert str(refused.value) == said
    capsys.readouterr()
    assert run("--project", str(mine), "articles", status=1) == ""
    assert capsys.readouterr().err == f"tahqiq: error: {said}\n"
    assert mine.read_bytes() == kept
    assert not list(mine.parent.glob("*.bak"))


def test_a_refused_upgrade_of_a_file_in_wal_mode_leaves_nothing_beside_it(tmp_path, capsys):
    """Another program left the file in WAL mode: its refused upgrade («… is damaged (…); it
    was left untouched.») left an empty -wal and a 32 KB -shm beside it, made by the
    read-only look at its schema after the refusal."""
    mine = _blob_text(tmp_path, "schema5")
    raw = sqlite3.connect(mine)
    assert raw.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    raw.close()
    kept = mine.read_bytes()
    with pytest.raises(NotAProject, match="it was left untouched"):
        project_module.Project.open(mine, "me")
    assert run("--project", str(mine), "articles", status=1) == ""
    assert sorted(path.name for path in mine.parent.iterdir()) == ["bob.tahqiq"]
    assert mine.read_bytes() == kept


def test_an_upgrade_failing_on_what_no_rule_names_is_said_as_it_fails(tmp_path, temporary,
                                                                     monkeypatch):
    """An upgrade of the copy that fails where the kinds are sound is no «no damage found»:
    said as the upgrade's failure, as the merge says it."""
    theirs = _colleague(tmp_path, "schema5")
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")  # (made before: it migrates)

    def failing(db):
        raise sqlite3.OperationalError("the upgrade met something new")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:5], failing,
                                                *schema.MIGRATIONS[6:]])
    with pytest.raises(StorageError, match="the upgrade met something new"):
        integrity_problems(theirs)
    with pytest.raises(StorageError, match="the upgrade met something new"):  # (opening it)
        project_module.Project.open(theirs, "bob", create=False)
    assert not list(theirs.parent.glob("*.bak"))
    try:
        with pytest.raises(StorageError, match="the upgrade met something new"):
            merge_project(alice, theirs)
    finally:
        alice.close()
    assert list(temporary.iterdir()) == []


def _not_utf8(tmp_path: Path, column: str) -> Path:
    """The schema-5 fixture whose first row of *column* («claims.note», «articles.text»)
    another program wrote as text that is not UTF-8 (its search's triggers, which would
    read it, set aside while it is written)."""
    theirs = tmp_path / "theirs" / "bob.tahqiq"
    theirs.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema5.tahqiq", theirs)
    table, name = column.split(".")
    raw = sqlite3.connect(theirs)
    triggers = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                           "tbl_name = ?", [table]).fetchall()
    with raw:
        for trigger, _ in triggers:
            raw.execute(f"DROP TRIGGER {trigger}")
        raw.execute(f"UPDATE {table} SET {name} = CAST(CAST({name} AS BLOB) || x'ff42' AS "
                    "TEXT) WHERE rowid = 1")
        for _, sql in triggers:
            raw.execute(sql)
    assert raw.execute(f"SELECT typeof({name}) FROM {table} WHERE rowid = 1").fetchone() \
        == ("text",)
    raw.close()
    return theirs


@pytest.mark.parametrize("column", ["claims.note", "articles.text"])
def test_opening_ones_own_older_file_names_text_that_is_not_utf8(tmp_path, capsys, column):
    """rv287: the UTF-8 half of soundness.wrong_kinds, which nothing tested (returning its
    wrong kinds alone passed every test): one's own schema-5 file whose note (or article
    text) another program wrote as bytes that are not UTF-8 fails its upgrade, and the
    opening names it as damage, the file as it was, no .bak."""
    mine = _not_utf8(tmp_path, column)
    kept = mine.read_bytes()
    said = (f"bob.tahqiq is damaged ({column} holds text that is not UTF-8, as another "
            "program left it); it was left untouched.")
    with pytest.raises(NotAProject) as refused:
        project_module.Project.open(mine, "me")
    assert str(refused.value) == said
    capsys.readouterr()
    assert run("--project", str(mine), "articles", status=1) == ""
    assert capsys.readouterr().err == f"tahqiq: error: {said}\n"
    assert mine.read_bytes() == kept
    assert sorted(p.name for p in mine.parent.iterdir()) == ["bob.tahqiq"]


@pytest.mark.parametrize("column", ["claims.note", "articles.text"])
def test_merging_an_older_file_names_text_that_is_not_utf8(tmp_path, temporary, column):
    """rv287: merging a colleague's such schema-5 file is refused naming the column, and
    nothing of it is written here nor left in the temporary folder."""
    theirs = _not_utf8(tmp_path, column)
    kept = theirs.read_bytes()
    assert _merge_refusal(tmp_path, theirs) == (
        f"bob.tahqiq is damaged or not a Tahqiq project ({column} holds text that is not "
        "UTF-8).")
    assert theirs.read_bytes() == kept
    assert list(temporary.iterdir()) == []
