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
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE

from store.cli.main import main
from store.core import appearances, articles, labels, settings, soundness
from store.core.project import integrity_problems
from store.errors import NotAProject
from store.exchange import exporting
from store.exchange.merge import merge_project
from store.exchange.seeding import open_or_create
from store.review.summary import project_summary

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


# -- a label deleted: its claims' verdict points at nothing ---------------------------------
@pytest.fixture
def verified_gone(bob) -> tuple[Path, str]:
    """Bob's file, the row of its label «verified» deleted, one claim carrying it."""
    path, (_, second) = bob
    damaged(path, "DELETE FROM labels WHERE key = 'verified'")
    return path, second


def test_check_and_the_merge_name_a_verdict_whose_label_is_gone(verified_gone, tmp_path,
                                                                 capsys):
    path, _ = verified_gone
    said = "a row of claims points at a missing row of labels (claims.label holds verified)"
    assert integrity_problems(path) == [f"{said}, as another program left it"]
    capsys.readouterr()
    run("check", "--project", str(path), status=1)
    assert said in capsys.readouterr().err
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject, match=re.escape(f"bob.tahqiq is damaged: {said}")):
            merge_project(alice, path)
    finally:
        alice.close()


def test_every_export_gives_such_a_verdict_by_its_key(verified_gone, tmp_path):
    """ClaimReview was a KeyError traceback. The claim leaves with its verdict named by
    its key and no rating (the label's rating went with its row); the CSV, JSON, W3C
    exports and the review packet carry the key as they did."""
    path, gone = verified_gone
    project = open_or_create(path, "bob")
    try:
        reviews = json.loads(exporting.export_text(project, "claimreview"))
        rows = exporting.export_text(project, "csv")
        whole = exporting.project_json(project)
        w3c = json.loads(exporting.export_text(project, "w3c"))
        aid = articles.list_articles(project)[0]["id"]
        exporting.export_packet(project, aid, "html", tmp_path / "packet.html")
    finally:
        project.close()
    by_id = {review["url"].rsplit("/", 1)[1]: review for review in reviews}
    rating = by_id[gone]["reviewRating"]
    assert (rating["name"], rating["alternateName"], rating["identifier"]) == ("verified",) * 3
    assert "ratingValue" not in rating
    assert f"{gone}," in rows and ",verified," in rows
    assert {c["id"]: c["label"] for c in whole["claims"]}[gone] == "verified"
    assert "verified" in {body["value"] for a in w3c for body in a["body"]
                          if body.get("purpose") == "assessing"}
    assert ">verified<" in (tmp_path / "packet.html").read_text("utf-8")


def test_the_counts_keep_such_claims_under_their_key(verified_gone):
    """`articles` printed «unchecked=0 disputed=0», the summary counted the claim under
    no verdict: both count it under its key now."""
    path, _ = verified_gone
    listed = run("articles", "--project", str(path))
    assert listed.rstrip("\n").endswith("unchecked=0 disputed=1 verified=1")
    project = open_or_create(path, "bob")
    try:
        by_label = {label.key: count for label, count in project_summary(project).by_label}
    finally:
        project.close()
    assert by_label["verified"] == 1 and by_label["disputed"] == 1


def test_the_counts_of_a_sound_file_name_its_labels_alone(bob):
    path, _ = bob
    project = open_or_create(path, "bob")
    try:
        counted = [label for label, _ in project_summary(project).by_label]
        assert counted == labels.list_labels(project)
    finally:
        project.close()
    assert run("articles", "--project", str(path)).rstrip("\n").endswith(
        "unchecked=0 verified=1 disputed=1")  # (the labels' own order)


def test_the_window_shows_such_a_verdict_by_its_key_in_grey(verified_gone, qtbot, errors):
    """The window opens the file; the claims table names the verdict by its key, in the
    grey the reader highlights its words in (it had no colour); nothing can tag with it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from gui.app import create_window

    path, gone = verified_gone
    shutil.copyfile(path, path.with_name("copy.tahqiq"))
    window = create_window(path.with_name("copy.tahqiq"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.claims_panel.model
    column = model.COLUMNS.index("label")
    shown = {model.data(model.index(row, column)):
             model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole)
             for row in range(model.rowCount())}
    assert len(shown) == 2
    assert shown["verified"] == QColor(labels.GONE_COLOR)
    assert "verified" not in [label.key for label in window.session.labels()]
    assert errors == []
    window.close()
