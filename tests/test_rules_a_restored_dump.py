"""A project backed up as SQL (`sqlite3 p.tahqiq .dump`) and restored, or copied with the
shell's `.clone`, holds every table, trigger, index and row, but not the marks naming it a
project (PRAGMA application_id and user_version): it was refused everywhere as «not a
Tahqiq project» (rv201). Its version is judged from its schema, and opening marks it again
after a copy of it is kept; a file of another program's tables is still refused."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from store.cli.main import main
from store.core import claims, schema, search
from store.core.project import Project, check_file, integrity_problems
from store.errors import NotAProject

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SQLITE3 = shutil.which("sqlite3")
TEXT = "قال الوزير إن نسبة البطالة بلغت 40 بالمئة في عام 2019.\n"


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


def _project(folder: Path) -> Path:
    """A project of one article and one claim with a note, closed."""
    path, text = folder / "p.tahqiq", folder / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    article = run("import", str(text), "--project", str(path)).split("\t")[0]
    run("tag", article, "--quote", "نسبة البطالة", "--label", "verified", "--note",
        "checked: 007", "--project", str(path))
    return path


def _dumped(source: Path, target: Path) -> None:
    """`sqlite3 source .dump | sqlite3 target`, as a nightly backup and its restore do."""
    dump = subprocess.run([SQLITE3, str(source), ".dump"], capture_output=True, check=True)
    subprocess.run([SQLITE3, str(target)], input=dump.stdout, capture_output=True, check=True)


def _cloned(source: Path, target: Path) -> None:
    """The shell's `.clone` (it prints errors of its own at FTS5's tables)."""
    subprocess.run([SQLITE3, str(source), f".clone {target}"], capture_output=True)


def _copied(source: Path, target: Path) -> None:
    """What .dump gives, without the shell: the schema as it is written and every row, in a
    fresh file without marks (Python's iterdump fails on FTS5's tables)."""
    conn = sqlite3.connect(target)
    conn.execute("ATTACH ? AS old", [str(source)])
    entries = conn.execute("SELECT type, name, sql FROM old.sqlite_master "
                           "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    tables = [name for kind, name, _ in entries if kind == "table"]
    for kind, name, sql in entries:  # (FTS5 makes its own shadow tables)
        if kind == "table" and not name.startswith("search_index_"):
            conn.execute(sql)
    for name in tables:
        if not sql_is_virtual(entries, name):
            conn.execute(f'DELETE FROM main."{name}"')
            conn.execute(f'INSERT INTO main."{name}" SELECT * FROM old."{name}"')
    for kind, _, sql in entries:
        if kind in ("index", "trigger"):
            conn.execute(sql)
    conn.commit()
    conn.close()


def sql_is_virtual(entries: list[tuple[str, str, str]], name: str) -> bool:
    return any(n == name and sql.upper().startswith("CREATE VIRTUAL") for _, n, sql in entries)


WAYS = {"dump": _dumped, "clone": _cloned, "copied": _copied}


def _unmarked(way: str, folder: Path) -> Path:
    if way != "copied" and SQLITE3 is None:
        pytest.skip("no sqlite3 shell")
    restored = folder / "restored.tahqiq"
    WAYS[way](_project(folder), restored)
    conn = sqlite3.connect(restored)
    marks = conn.execute("SELECT * FROM pragma_application_id, pragma_user_version").fetchone()
    conn.close()
    assert marks == (0, 0)
    return restored


@pytest.mark.parametrize("way", sorted(WAYS))
def test_a_project_restored_from_an_sql_dump_opens_marked_again_its_copy_kept(
        tmp_path, way, capsys):
    """`tahqiq check` reads it as it is; the first command opens it as schema 9 (the oldest
    of 9 to 13, alike: the upgrade folds the search index again where it would differ),
    says so once, keeps the file as it was beside it, and finds its claim and its words."""
    restored = _unmarked(way, tmp_path)
    before = restored.read_bytes()
    assert run("check", "--project", str(restored)) == "restored.tahqiq: no damage found\n"
    assert restored.read_bytes() == before  # (checking writes nothing)
    capsys.readouterr()
    listed = run("claims", "--project", str(restored))
    assert "نسبة البطالة" in listed and "checked: 007" in listed
    said = capsys.readouterr().err
    assert said.count("had lost the marks that name it a Tahqiq project") == 1
    assert "taken as a project of schema 9 and upgraded, a copy kept as " \
           "restored.tahqiq.schema9.bak" in said
    kept = tmp_path / "restored.tahqiq.schema9.bak"
    assert check_file(kept) == 9  # (the copy as the file was: unmarked still)
    assert run("search", "البطالة", "--project", str(restored)).strip()
    assert run("check", "--project", str(restored)) == "restored.tahqiq: no damage found\n"
    run("claims", "--project", str(restored))
    assert "had lost" not in capsys.readouterr().err  # said once
    with Project.open(restored, "tester") as project:
        assert project.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert project.schema_version == schema.SCHEMA_VERSION
        assert project.opening_note is None and project.upgraded is None
        assert [c.note for c in claims.list_claims(project)] == ["checked: 007"]
        assert search.search(project, "007")


def test_a_restored_project_is_merged_as_it_is(tmp_path):
    """A colleague's restored file is merged: it was refused as not a project."""
    restored = _unmarked("copied", tmp_path)
    before, mine = restored.read_bytes(), str(tmp_path / "mine.tahqiq")
    run("new", "--project", mine)
    run("merge", str(restored), "--project", mine)
    assert "checked: 007" in run("claims", "--project", mine)
    assert restored.read_bytes() == before


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_each_schemas_file_without_its_marks_is_judged_by_its_tables(tmp_path, version):
    """Each older schema's file, its marks gone, is taken as its own version (9 to 12 as
    9) and upgraded as the marked file is: the same claims."""
    marked, unmarked = tmp_path / "marked.tahqiq", tmp_path / "unmarked.tahqiq"
    shutil.copyfile(FIXTURES / f"schema{version}.tahqiq", marked)
    shutil.copyfile(marked, unmarked)
    conn = sqlite3.connect(unmarked)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    judged = min(version, schema.READABLE_SINCE)
    assert check_file(unmarked) == judged
    with Project.open(marked, "tester") as project:
        expected = sorted((c.id, c.note) for c in claims.list_claims(project))
    with Project.open(unmarked, "tester") as project:
        assert project.upgraded is not None and project.upgraded[0] == judged
        assert f"schema {judged} and upgraded" in project.opening_note
        assert sorted((c.id, c.note) for c in claims.list_claims(project)) == expected
        assert integrity_problems(unmarked) == []


def test_another_programs_database_is_still_not_a_project(tmp_path):
    """Tables not Tahqiq's, no marks: refused as before, left as it was."""
    other = tmp_path / "other.tahqiq"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO articles VALUES ('a', 'text')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotAProject, match="^other.tahqiq is an SQLite database but not a "
                                          "Tahqiq project; it was left untouched.$"):
        Project.open(other, "tester")
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "other.tahqiq"]


def test_tahqiqs_tables_of_no_schema_without_marks_are_refused_saying_what_may_have_happened(
        tmp_path):
    """A restored file another program changed too (a trigger of its own) matches no
    schema: refused, saying its marks are gone and what keeps it from a schema, unwritten."""
    restored = _unmarked("copied", tmp_path)
    conn = sqlite3.connect(restored)
    conn.execute("CREATE TRIGGER audit AFTER INSERT ON claims BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    before = restored.read_bytes()
    with pytest.raises(NotAProject) as refused:
        Project.open(restored, "tester")
    assert str(refused.value) == (
        "restored.tahqiq is an SQLite database but not a Tahqiq project: it holds Tahqiq's "
        "tables without the marks that name a project (sqlite3's .dump and .clone keep "
        "none), but they are not those of any of its schemas (its trigger audit was not "
        "made by Tahqiq); it was left untouched.")
    assert restored.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_a_refused_upgrade_leaves_the_restored_file_unmarked(tmp_path, monkeypatch):
    """Marked again in the upgrade's transaction: an upgrade that fails leaves the file
    as it was, its marks still gone, and no copy beside it."""
    restored = _unmarked("copied", tmp_path)
    before = restored.read_bytes()

    def fails(db):
        raise sqlite3.OperationalError("no such column: nothing")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:-1], fails])
    with pytest.raises(NotAProject, match="^restored.tahqiq is damaged"):  # (the upgrade's)
        Project.open(restored, "tester")
    assert restored.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))
