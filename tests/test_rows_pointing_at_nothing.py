"""Rows pointing at rows another program deleted (rv288). The README invites opening a
project in sqlite-utils or Datasette, whose connections leave SQLite's foreign keys
unenforced: a claim deleted there leaves its places pointing at nothing, a label deleted
there leaves its claims' verdict pointing at nothing. `tahqiq check` said «no damage
found» of both; a colleague's merge of the first was refused in SQL's words («damaged or
not a Tahqiq project (FOREIGN KEY constraint failed)»); the ClaimReview export of the
second was a KeyError traceback, and `articles` and the summary lost its claims from
their counts. Each file here is damaged with Python's sqlite3, foreign keys off, as those
programs do."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE

from store.cli.main import main
from store.core import appearances, articles, settings, soundness
from store.core.project import integrity_problems
from store.errors import NotAProject
from store.exchange.merge import merge_project
from store.exchange.seeding import open_or_create

OTHER_QUOTE = "صداقة نارية"


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


def damaged(path: Path, *statements: str) -> None:
    """*statements* run as sqlite3 or Datasette would (foreign keys off: Python's default)."""
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA foreign_keys").fetchone() == (0,)
        for statement in statements:
            raw.execute(statement)
    raw.close()


@pytest.fixture
def bob(tmp_path) -> tuple[Path, list[str]]:
    """Bob's closed project: two claims on the sample article (disputed, verified), and
    the ids of their places, in the order they were tagged."""
    project = open_or_create(tmp_path / "bob.tahqiq", "bob")
    aid = articles.list_articles(project)[0]["id"]
    places = [appearances.tag_quote(project, aid, SAMPLE_QUOTE, "disputed"),
              appearances.tag_quote(project, aid, OTHER_QUOTE, "verified")]
    settings.update_settings(project, organization="Org",
                             url_template="https://fc.example/{id}")
    project.close()
    return tmp_path / "bob.tahqiq", [place.claim_id for place in places]


# -- a claim deleted: its places point at nothing -------------------------------------------
def test_check_names_places_whose_claim_another_program_deleted(bob, capsys):
    path, (first, second) = bob
    damaged(path, f"DELETE FROM claims WHERE id IN ('{first}', '{second}')")
    said = (f"2 rows of appearances point at missing rows of claims (appearances.claim_id "
            f"holds {first}, the first), as another program left it")
    assert integrity_problems(path) == [said]
    capsys.readouterr()
    assert run("check", "--project", str(path), status=1) == ""
    assert f"bob.tahqiq is damaged ({said})" in capsys.readouterr().err


def test_one_such_row_is_said_as_one(bob):
    path, (first, _) = bob
    damaged(path, f"DELETE FROM claims WHERE id = '{first}'")
    assert integrity_problems(path) == [
        f"a row of appearances points at a missing row of claims (appearances.claim_id "
        f"holds {first}), as another program left it"]


def test_the_merge_says_the_colleagues_file_is_damaged_in_its_own_words(bob, tmp_path):
    """Not «damaged or not a Tahqiq project (FOREIGN KEY constraint failed)»: it is a
    project, damaged; `check` on it names what; nothing of ours changed."""
    path, (first, _) = bob
    damaged(path, f"DELETE FROM claims WHERE id = '{first}'")
    kept = path.read_bytes()
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        before = [list(alice.query(f"SELECT * FROM {t}")) for t in ("claims", "appearances")]
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, path)
        after = [list(alice.query(f"SELECT * FROM {t}")) for t in ("claims", "appearances")]
    finally:
        alice.close()
    said = str(refused.value)
    assert said == (f"bob.tahqiq is damaged: a row of appearances points at a missing row "
                    f"of claims (appearances.claim_id holds {first}), as another program "
                    "left it; `tahqiq check` on it names all it finds. Nothing was merged, "
                    "and this project is as it was.")
    assert "not a Tahqiq project" not in said and "FOREIGN KEY" not in said
    assert after == before
    assert path.read_bytes() == kept


def test_a_failed_foreign_key_the_rules_missed_is_said_so_too(bob, tmp_path, monkeypatch):
    """SQLite's own refusal, met while the rows are copied, in the same words."""
    path, (first, _) = bob
    damaged(path, f"DELETE FROM claims WHERE id = '{first}'")
    monkeypatch.setattr(soundness, "points_at_nothing", lambda conn, database="main": iter(()))
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, path)
    finally:
        alice.close()
    assert str(refused.value) == (
        "bob.tahqiq is damaged: rows of it point at rows missing from it, as another "
        "program left them; `tahqiq check` on it names them. Nothing was merged, and this "
        "project is as it was.")


def test_an_honest_file_checks_clean(bob):
    path, _ = bob
    assert integrity_problems(path) == []
    assert run("check", "--project", str(path)) == "bob.tahqiq: no damage found\n"
