"""Schema migrations: a project written by every released schema opens in today's Tahqiq
with every record intact, after a backup of the file as it was.

tests/fixtures/schemaN.tahqiq is a project written with the first N migrations, and
schemaN.json every row it held (tests/fixtures/make_fixtures.py writes both, once per
released schema version). The tests open and merge copies; the fixtures stay as they are.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from reliability_support import assert_consistent, snapshot

from store.core import schema, search
from store.core.project import Project
from store.errors import ProjectReadOnly
from store.exchange import merge
from store.review import reviews

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VERSIONS = sorted(int(p.stem.removeprefix("schema")) for p in FIXTURES.glob("schema*.tahqiq"))
TABLES = {"articles": "id", "labels": "key", "claims": "id", "reviews": "id", "history": "id"}
# Schema 4: a claim's spans moved to appearances; the project keeps settings and dismissals.
TABLES_SINCE_4 = {**TABLES, "appearances": "id", "settings": "key", "dismissals": "id"}
CLAIM_COLUMNS_4 = ("id", "label", "note", "sources", "annotator", "created", "updated",
                   "updated_by", "deleted", "deleted_by")
APPEARANCE_COLUMNS_4 = ("id", "claim_id", "article_id", "start", "end", "quote", "annotator",
                        "created", "updated", "prefix", "suffix", "updated_by", "deleted",
                        "deleted_by")


def tables(version: int) -> dict[str, str]:
    return TABLES_SINCE_4 if version >= 4 else TABLES


def rows(path: Path, version: int = schema.SCHEMA_VERSION) -> dict[str, dict[str, dict]]:
    """{table: {key: row}} of a project file, read without writing to it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return {table: {row[key]: dict(row) for row in conn.execute(f"SELECT * FROM {table}")}
                for table, key in tables(version).items()}
    finally:
        conn.close()


def expected(version: int) -> dict[str, dict[str, dict]]:
    """Every row of the fixture, as its manifest lists them."""
    manifest = json.loads((FIXTURES / f"schema{version}.json").read_text("utf-8"))
    assert manifest["schema_version"] == version
    return {table: {row[key]: row for row in manifest[table]}
            for table, key in tables(version).items()}


def expected_now(version: int) -> dict[str, dict[str, dict]]:
    """The fixture's rows as today's schema holds them: before schema 4, each claim is a
    claim (its verdict, note, sources) with one appearance (its span) of the same id;
    before schema 9, a review does not say which verdict it was of (label NULL)."""
    want = expected(version)
    if version < 9:
        want["reviews"] = {i: {**row, "label": None} for i, row in want["reviews"].items()}
    if version >= 4:
        return want
    old = want["claims"]
    want["claims"] = {i: {c: row[c] for c in CLAIM_COLUMNS_4} for i, row in old.items()}
    want["appearances"] = {i: {c: row["id"] if c == "claim_id" else row[c]
                               for c in APPEARANCE_COLUMNS_4} for i, row in old.items()}
    want["settings"], want["dismissals"] = {}, {}
    return want


def test_every_released_schema_has_a_fixture():
    assert VERSIONS[:1] == [1], "the first released schema needs a fixture"
    missing = [v for v in range(1, schema.SCHEMA_VERSION) if v not in VERSIONS]
    assert not missing, (f"no fixture for schema {missing}: run tests/fixtures/make_fixtures.py "
                         "with the schema as released")
    if schema.SCHEMA_VERSION not in VERSIONS:
        pytest.skip(f"schema {schema.SCHEMA_VERSION} has no fixture yet: when it is released, "
                    f"run python tests/fixtures/make_fixtures.py {schema.SCHEMA_VERSION}")


@pytest.fixture(params=VERSIONS, ids=[f"schema{v}" for v in VERSIONS])
def old_project(request, tmp_path):
    """(version, a copy of its fixture); checks afterwards that the fixture is untouched."""
    fixture = FIXTURES / f"schema{request.param}.tahqiq"
    before = snapshot(fixture)
    assert before[2] == [], "a fixture must be committed without -wal or -shm beside it"
    copy = tmp_path / "old.tahqiq"
    shutil.copyfile(fixture, copy)
    yield request.param, copy
    assert snapshot(fixture) == before


def test_an_old_project_opens_with_every_record(old_project):
    version, path = old_project
    assert rows(path, version) == expected(version)  # the fixture holds what its manifest says
    with Project.open(path, "tester") as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        # a review from before schema 9 counts for the verdict its claim has
        assert set(reviews.current_reviews(project)) == {
            row["claim_id"] for row in expected(version)["reviews"].values()}
        # a figure's Arabic sign (٪, folded since schema 11) is found typed either way
        for typed in ("40%", "40٪"):
            assert {h.article_title for h in search.search(project, typed)} == {
                "المعاهدة الجديدة", "Exports"}, typed
    now, want = rows(path), expected_now(version)
    for table in TABLES_SINCE_4:
        assert now[table] == want[table], table  # nothing lost or changed by migrating
    # and searchable: notes are found; live claims where they appear (two more since v4)
    assert len(assert_consistent(path)) == (3 if version < 4 else 5)
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    if version < schema.SCHEMA_VERSION:  # the file as it was, kept before migrating
        assert rows(backup, version) == expected(version)
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.close()
    else:
        assert not backup.exists()


def test_the_command_line_says_it_upgraded_an_old_project(old_project, capsys):
    """An old project was upgraded, and a copy of it kept, without a word on stderr: the
    first command that opens it says so, the next says nothing. The command line's entry
    point in this process (what it says comes from the file, not the process: it is found
    upgraded the second time); the oldest schema's first command in a process of its own,
    as the installed program runs it."""
    import os
    import subprocess
    import sys

    from gui.launcher import main

    version, path = old_project
    if version == 1:
        exe = [sys.executable, "-c", "import sys; from gui.launcher import main; "
               "sys.exit(main(sys.argv[1:]))"]
        run = subprocess.run([*exe, "articles", "--project", str(path)],
                             capture_output=True, text=True, timeout=120,
                             env=dict(os.environ, TAHQIQ_USER="tester"))
        first_status, first_err = run.returncode, run.stderr
    else:
        first_status = main(["articles", "--project", str(path)])
        first_err = capsys.readouterr().err
    again_status = main(["articles", "--project", str(path)])
    again_err = capsys.readouterr().err
    assert first_status == again_status == 0
    if version < schema.SCHEMA_VERSION:
        assert first_err == (
            f"tahqiq: note: {path.name} was upgraded from schema {version} to "
            f"{schema.SCHEMA_VERSION}; the file as it was is kept as "
            f"{path.name}.schema{version}.bak"
            + ("; an older Tahqiq opens a copy `tahqiq copy-for-older FILE` writes"
               if version >= schema.READABLE_SINCE else "") + "\n")
    else:
        assert first_err == ""
    assert again_err == ""


def test_the_window_says_it_upgraded_an_old_project(old_project, qapp):
    """The window opened an old project upgraded without a word: its status bar says so,
    and where the file as it was is kept."""
    from gui.app import create_window

    version, path = old_project
    window = create_window(path)
    try:
        said = window.statusBar().currentMessage()
        if version < schema.SCHEMA_VERSION:
            assert said.startswith("This project was upgraded from an older Tahqiq")
            copy = (". An older Tahqiq opens a copy saved with File ▸ Save a Copy for an "
                    "Older Tahqiq." if version >= schema.READABLE_SINCE else "")
            assert said.endswith(f"kept as {path.name}.schema{version}.bak{copy}")
        else:
            assert "upgraded" not in said
    finally:
        window.close()


def test_an_old_project_merges_into_a_new_one(old_project, tmp_path):
    version, path = old_project
    want = expected_now(version)
    with Project.open(tmp_path / "new.tahqiq", "tester") as project:
        summary = merge.merge_file(project, path)
    # (what was made and deleted there shows nowhere, and is counted apart)
    gone = {i for i, claim in want["claims"].items() if claim["deleted"] is not None}
    shown = [i for i, place in want["appearances"].items()
             if place["deleted"] is None and place["claim_id"] not in gone]
    assert summary.new_claims == len(want["claims"]) - len(gone)
    assert summary.new_appearances == len(shown)
    assert summary.new_tombstones == len(want["claims"]) + len(want["appearances"]) - \
        summary.new_claims - summary.new_appearances
    now = rows(tmp_path / "new.tahqiq")
    for table in ("articles", "claims", "appearances", "reviews", "dismissals"):
        assert now[table] == want[table], table
    # All history comes, but for the labels this project had already (their story in
    # the other file is of a record that is not ours).
    brought = {key for key, row in want["history"].items()
               if row["entity"] != "label" or row["entity_id"] not in ("unchecked", "verified",
                                                                        "disputed")}
    assert brought <= set(now["history"])


def test_an_old_read_only_project_says_it_needs_upgrading(old_project, monkeypatch):
    version, path = old_project
    if version == schema.SCHEMA_VERSION:
        pytest.skip("the current schema needs no upgrade")
    before = snapshot(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda target, mode, *a, **k: False if (
        Path(target) == path and mode & os.W_OK) else real_access(target, mode, *a, **k))
    with pytest.raises(ProjectReadOnly, match="needs upgrading"):
        Project.open(path, "tester")
    assert snapshot(path) == before
