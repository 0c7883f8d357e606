"""`tahqiq check` names what the merge refuses a file for (rv278): a colleague's file
holding a time without microseconds or a blank annotator was refused by `tahqiq merge` as
damaged, while `tahqiq check` on the same file said «no damage found» and exited 0. One
set of rules now serves both (store.core.soundness): each damage below is refused by the
merge with its message, and named by `check`, which exits 1; an honest file checks clean."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE

from store.cli.main import main
from store.core import appearances, articles
from store.core.project import integrity_problems
from store.errors import NotAProject
from store.exchange import exporting, jsonld
from store.exchange.merge import merge_project
from store.exchange.seeding import open_or_create
from store.review import reviews

DAMAGES = [
    ("UPDATE claims SET updated = '2026-12-01T10:00:00Z'",
     "claims.updated holds 2026-12-01T10:00:00Z, which is no time Tahqiq writes"),
    ("UPDATE appearances SET annotator = ' '", "appearances.annotator is empty"),
    ("UPDATE claims SET id = 'claim\tone'", r"claims.id holds claim\tone, which is no id"),
    # An id left NULL (a key of text may be): merged as it was, left out or refused in
    # words of SQL, and «no damage found»
    ("UPDATE reviews SET id = NULL", "reviews.id is empty"),
    ("UPDATE history SET id = NULL WHERE rowid = 1", "history.id is empty"),
    ("UPDATE appearances SET id = NULL", "appearances.id is empty"),
    ("UPDATE claims SET id = NULL", "claims.id is empty"),
    ("UPDATE reviews SET decision = 'maybe'",
     "reviews.decision holds maybe, which is neither accept nor reject"),
    ("UPDATE claims SET note = CAST(x'5b2248ff225d' AS TEXT)",
     "claims.note holds text that is not UTF-8"),
    ("UPDATE articles SET fingerprint = 'abc'",
     "articles.fingerprint holds abc, which is not its text's"),
    # A label no Tahqiq makes (fx102: check said «no damage found» of them); on a label no
    # claim holds, so nothing but the label is amiss.
    ("UPDATE labels SET key = 'Bad Key' WHERE key = 'unchecked'",
     "labels.key holds Bad Key, which is no label key"),
    ("UPDATE labels SET key = 'unchecked\n' WHERE key = 'unchecked'",
     r"labels.key holds unchecked\n, which is no label key"),
    ("UPDATE labels SET key = NULL WHERE key = 'unchecked'",
     "labels.key is empty"),
    ("UPDATE labels SET color = 'red' WHERE key = 'unchecked'",
     "labels.color holds red, which is no colour"),
    ("UPDATE labels SET color = '#FF0000\"><script>' WHERE key = 'unchecked'",
     'labels.color holds #FF0000"><script>, which is no colour'),
    ("UPDATE labels SET color = '#FFF' WHERE key = 'verified'",
     "labels.color holds #FFF, which is no colour"),
    ("UPDATE labels SET color = x'23464646464646' WHERE key = 'unchecked'",
     "labels.color holds a blob value"),
    # A value of a kind its column may not hold, in the merge's words (fx107: check said
    # «no damage found» of them). SQLite keeps bytes as bytes in a TEXT column, and text
    # that is no number, or a fraction, in an INTEGER one.
    ("UPDATE claims SET note = x'6869'", "claims.note holds a blob value"),
    ("UPDATE labels SET position = 1.5 WHERE key = 'unchecked'",
     "labels.position holds a real value"),
    ("UPDATE labels SET rating = 'high' WHERE key = 'unchecked'",
     "labels.rating holds a text value"),
    ("UPDATE appearances SET start = x'00'", "appearances.start holds a blob value"),
    # (bytes that are not UTF-8 are bytes, read as such: not «text that is not UTF-8»;
    # a blob id, time or colour is not said again as «b'…', which is no id»)
    ("UPDATE history SET who = x'ff00'", "history.who holds a blob value"),
    ("UPDATE reviews SET id = x'41'", "reviews.id holds a blob value"),
    ("UPDATE claims SET updated = x'41'", "claims.updated holds a blob value"),
    ("UPDATE articles SET title = x'41'", "articles.title holds a blob value"),
]


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


def _checked_clean_then_merged(colleague: Path, tmp_path: Path):
    """What `check` and the merge make of an honest *colleague*: no damage found, and the
    merge's summary of taking it into a new project."""
    assert integrity_problems(colleague) == []
    assert run("check", "--project", str(colleague)) == "bob.tahqiq: no damage found\n"
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        return merge_project(alice, colleague)
    finally:
        alice.close()


@pytest.fixture
def colleague(tmp_path) -> Path:
    """Bob's closed project: the sample article, a claim on it, a review of it."""
    bob = open_or_create(tmp_path / "bob.tahqiq", "bob")
    aid = articles.list_articles(bob)[0]["id"]
    made = appearances.tag_quote(bob, aid, SAMPLE_QUOTE, "disputed", note="hi",
                                 sources=["https://un.org/a"])
    bob.annotator = "carol"  # (a review is someone else's)
    reviews.review_claim(bob, made.claim_id, "reject", "no")
    bob.close()
    return tmp_path / "bob.tahqiq"


def test_an_honest_file_checks_clean_and_merges(colleague, tmp_path):
    assert _checked_clean_then_merged(colleague, tmp_path).new_claims == 1


@pytest.mark.parametrize("update, said", DAMAGES)
def test_check_names_each_damage_the_merge_refuses(colleague, tmp_path, capsys, update,
                                                    said):
    with sqlite3.connect(colleague) as raw:
        raw.execute(update)
    raw.close()
    kept = tmp_path / "kept.tahqiq"
    shutil.copyfile(colleague, kept)
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, colleague)
        assert f"({said})" in str(refused.value)  # the merge's own words, as before
    finally:
        alice.close()
    assert integrity_problems(colleague) == [f"{said}, as another program left it"]
    capsys.readouterr()
    assert run("check", "--project", str(colleague), status=1) == ""
    assert f"bob.tahqiq is damaged ({said}, as another program left it)" \
        in capsys.readouterr().err
    assert colleague.read_bytes() == kept.read_bytes()  # neither wrote it


def test_check_names_every_kind_it_finds_at_once(colleague):
    """A file another program left with several kinds of damage: check lists them all
    (the merge stops at the first)."""
    with sqlite3.connect(colleague) as raw:
        for update, _ in DAMAGES[:4]:
            raw.execute(update)
    raw.close()
    time, annotator, made_id, decision = (said for _, said in DAMAGES[:4])
    found = [f"{said}, as another program left it" for said
             in (time, made_id, decision, annotator)]
    assert integrity_problems(colleague) == found


def test_the_command_names_every_damage_on_its_one_line(colleague, capsys, monkeypatch):
    """`tahqiq check` said only the first (rv281): a colleague mended it and ran it again
    for each. Every one is named on the error's one line; past ten, how many more."""
    import store.core.project as core_project

    with sqlite3.connect(colleague) as raw:
        for update, _ in DAMAGES[:4]:
            raw.execute(update)
    raw.close()
    found = integrity_problems(colleague)
    capsys.readouterr()
    assert run("check", "--project", str(colleague), status=1) == ""
    [line] = capsys.readouterr().err.splitlines()
    assert f"bob.tahqiq is damaged ({'; '.join(found)}); it was left untouched." in line
    many = [f"page {n} is damaged" for n in range(1, 14)]
    monkeypatch.setattr(core_project, "integrity_problems", lambda _path: many)
    assert run("check", "--project", str(colleague), status=1) == ""
    [line] = capsys.readouterr().err.splitlines()
    assert f"({'; '.join(many[:10])}; and 3 more)" in line and "page 11 " not in line


def test_new_like_a_folder_says_it_is_a_folder(tmp_path, capsys):
    """`tahqiq new --like d.tahqiq`, a folder, said «No project at d.tahqiq» where every
    other command says it is a folder (rv281)."""
    (tmp_path / "d.tahqiq").mkdir()
    run("new", "--project", str(tmp_path / "e.tahqiq"), "--like", str(tmp_path / "d.tahqiq"),
        status=1)
    assert "d.tahqiq is a folder, not a Tahqiq project." in capsys.readouterr().err
    assert not (tmp_path / "e.tahqiq").exists()


def test_check_names_a_labels_key_and_colour_at_once(colleague):
    """A bad key on one label, a bad colour on another: check names both, in the order
    the rows are stored (the merge refuses the first it meets)."""
    with sqlite3.connect(colleague) as raw:
        raw.execute("UPDATE labels SET color = 'blue' WHERE key = 'verified'")
        raw.execute("UPDATE labels SET key = 'Unchecked' WHERE key = 'unchecked'")
    raw.close()
    assert integrity_problems(colleague) == [
        f"{said}, as another program left it" for said in (
            "labels.key holds Unchecked, which is no label key",
            "labels.color holds blue, which is no colour")]


def test_two_labels_on_one_key_are_refused_by_both_in_the_same_words(colleague, tmp_path,
                                                                      capsys):
    """Another program rebuilt the labels table without its unique key and gave a second
    label the key «disputed»: the schema's rule, which both ask first."""
    with sqlite3.connect(colleague) as raw:
        made = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'labels'").fetchone()[0]
        raw.executescript(
            "PRAGMA foreign_keys = OFF; CREATE TABLE kept AS SELECT * FROM labels; "
            f"DROP TABLE labels; {made.replace('PRIMARY KEY', '')}; "
            "INSERT INTO labels SELECT * FROM kept; DROP TABLE kept; "
            "INSERT INTO labels SELECT key, 'Disputed again', 'مختلف فيه ثانية', color, '', "
            "description, rating, position + 10, created, updated FROM labels "
            "WHERE key = 'disputed';")
    raw.close()
    kept = colleague.read_bytes()
    said = "its table labels lacks its unique key (key)"
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, colleague)
        assert f"({said})" in str(refused.value)
    finally:
        alice.close()
    capsys.readouterr()
    assert run("check", "--project", str(colleague), status=1) == ""
    assert f"bob.tahqiq is damaged ({said})" in capsys.readouterr().err
    assert colleague.read_bytes() == kept


def test_honest_labels_check_clean_and_merge(colleague, tmp_path):
    """What a Tahqiq writes, at the rules' edges: a key of 32 letters, digits and «_», a
    colour in either case, two labels on one shortcut (a merge gives it to the older):
    check finds nothing, the merge takes them."""
    with sqlite3.connect(colleague) as raw:
        raw.execute("INSERT INTO labels (key, name_en, name_ar, color, shortcut, position, "
                    "created, updated) VALUES (?, 'Old rumour', 'إشاعة قديمة', '#abCDef', "
                    "'1', 9, '2026-12-01T10:00:00.000000Z', '2026-12-01T10:00:00.000000Z')",
                    ["r" + "_9" * 15 + "x"])
    raw.close()
    assert _checked_clean_then_merged(colleague, tmp_path).new_labels == 1


def test_check_names_a_wrong_kind_and_text_not_utf8_as_the_merge_meets_them(colleague,
                                                                             tmp_path):
    """Bytes in a label's name and a note not UTF-8: check names both, the kind first, as
    the merge refuses the kind first (fx107: one pass over each table asks both)."""
    with sqlite3.connect(colleague) as raw:
        raw.execute("UPDATE labels SET name_en = x'41' WHERE key = 'unchecked'")
        raw.execute("UPDATE claims SET note = CAST(x'5b2248ff225d' AS TEXT), "
                    "sources = x'41'")
    raw.close()
    said = ["labels.name_en holds a blob value", "claims.sources holds a blob value",
            "claims.note holds text that is not UTF-8"]
    found = integrity_problems(colleague)
    assert sorted(found) == sorted(f"{s}, as another program left it" for s in said)
    assert found[-1] == f"{said[-1]}, as another program left it"
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        with pytest.raises(NotAProject) as refused:
            merge_project(alice, colleague)
        assert "holds a blob value)" in str(refused.value)
    finally:
        alice.close()


def test_honest_kinds_check_clean_and_merge(colleague, tmp_path):
    """What a Tahqiq may write: NULL where a column may be empty (a note, a rating), a
    number as text in a note: check finds nothing, the merge takes them."""
    with sqlite3.connect(colleague) as raw:
        raw.execute("UPDATE claims SET note = NULL")
        raw.execute("UPDATE labels SET rating = NULL WHERE key = 'unchecked'")
        raw.execute("UPDATE reviews SET comment = '007'")
    raw.close()
    assert _checked_clean_then_merged(colleague, tmp_path).new_claims == 1


def test_ones_own_place_without_an_id_is_listed_and_exported_as_check_names_it(
        colleague, tmp_path, capsys):
    """Another program left a place's id NULL in one's own project: `check` names it, and
    `tahqiq claims` and the CSV export went down with a traceback on it (rv285); they
    show the place with an empty id, as the JSON export and the window do."""
    with sqlite3.connect(colleague) as raw:
        raw.execute("UPDATE appearances SET id = NULL")
    raw.close()
    project = str(colleague)
    aid = run("articles", "--project", project).split("\t", 1)[0]
    listed = run("claims", aid, "--project", project).splitlines()
    assert [line.split("\t")[-1] for line in listed] == [""]
    assert SAMPLE_QUOTE in listed[0]
    out = tmp_path / "claims.csv"
    run("export", "--format", "csv", "-o", str(out), "--project", project)
    header, record = out.read_text("utf-8-sig").splitlines()[:2]
    assert header.endswith(",appearance_id") and record.endswith(",")
    capsys.readouterr()
    run("check", "--project", project, status=1)
    assert "appearances.id is empty" in capsys.readouterr().err


def test_ones_own_place_without_an_id_leaves_in_the_w3c_export_without_one(
        colleague, tmp_path):
    """The W3C export went down on a place whose id another program left NULL (rv286: a
    traceback from uuid.UUID(None) on the command line, «Unexpected problem» in the
    window, no file written). The place leaves as an annotation without an ``id``, as the
    JSON export writes it null and the CSV an empty cell; the other places keep theirs."""
    bob = open_or_create(colleague, "bob")
    aid = articles.list_articles(bob)[0]["id"]
    other = appearances.tag_quote(bob, aid, "صداقة نارية", "verified")
    bob.close()
    with sqlite3.connect(colleague) as raw:
        raw.execute("UPDATE appearances SET id = NULL WHERE id <> ?", [other.id])
    raw.close()
    bob = open_or_create(colleague, "bob")
    try:
        stored = exporting.project_json(bob)["appearances"]
        annotations = json.loads(exporting.export_text(bob, "w3c"))
    finally:
        bob.close()
    assert sorted(place["id"] or "" for place in stored) == ["", other.id]
    by_words = {a["target"]["selector"][0]["exact"]: a for a in annotations}
    assert set(by_words) == {SAMPLE_QUOTE, "صداقة نارية"}
    assert "id" not in by_words[SAMPLE_QUOTE]
    assert by_words[SAMPLE_QUOTE]["type"] == "Annotation"
    assert by_words["صداقة نارية"]["id"] == jsonld.urn(other.id)
    out = tmp_path / "annotations.jsonld"
    run("export", "--format", "w3c", "-o", str(out), "--project", str(colleague))
    assert json.loads(out.read_text("utf-8")) == annotations


def test_what_the_merge_asks_of_each_table_is_worked_out_once_but_every_row_read_again(
        colleague, tmp_path, monkeypatch):
    """Merging the same colleague's file again and again (as annotators do all day), what
    the merge asks of each of its tables (their columns' kinds, SQLite's table_info read
    38 times) is worked out once for the two schemas (fx118); the rows are read every
    time: damage written since is refused in the same words."""
    from store.core import soundness

    soundness._PLANS.clear()
    asked = []
    real = soundness._kinds
    monkeypatch.setattr(soundness, "_kinds", lambda *args: asked.append(args[3]) or real(*args))
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    try:
        assert merge_project(alice, colleague).new_claims == 1
        tables = len(asked)
        assert tables > 5
        merge_project(alice, colleague)
        assert len(asked) == tables
        with sqlite3.connect(colleague) as raw:
            raw.execute("UPDATE claims SET note = x'6869'")
        raw.close()
        with pytest.raises(NotAProject, match=r"\(claims.note holds a blob value\)"):
            merge_project(alice, colleague)
        assert len(asked) == tables
    finally:
        alice.close()


def test_a_sound_file_is_asked_only_whether_a_row_is_wrong(colleague, tmp_path):
    """The rule of kinds and UTF-8 asks each table first whether any row breaks it; only
    a table where one does is read for what its row holds, to name it (fx130: SQLite
    compiling the reading statement, which repeats every test, was a third of the rule's
    cost in a small merge). A sound file's merge reads no table's kinds and bytes; damage
    is still named in the same words."""
    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    read: list[str] = []
    alice.conn.set_trace_callback(read.append)
    try:
        assert merge_project(alice, colleague).new_claims == 1
        assert not [sql for sql in read if sql.startswith("SELECT typeof(")]
        with sqlite3.connect(colleague) as raw:
            raw.execute("UPDATE claims SET note = x'6869'")
        raw.close()
        with pytest.raises(NotAProject, match=r"\(claims.note holds a blob value\)"):
            merge_project(alice, colleague)
        reading = [sql for sql in read if sql.startswith("SELECT typeof(")]
        assert len(reading) == 1 and "FROM merge_src.claims s" in reading[0]  # (that one)
    finally:
        alice.conn.set_trace_callback(None)
        alice.close()
