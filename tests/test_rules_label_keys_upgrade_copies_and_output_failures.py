"""What stop 79's store code must do where mutants of it passed the suite (rv232): a
colleague's label typed as its name, the upgrade copy kept when the file cannot be read
afresh, the search index's check where it cannot run, one person's name in another case,
the names a merge's freed shortcut is told by, and what the command line says of an output
it could not write whole."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from pathlib import Path

import pytest

from store.core import appearances, articles, claims, stamps
from store.core import project as project_module
from store.core.project import Project, search_index_damage
from store.exchange import exporting
from store.exchange.csv_format import import_claims_csv


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([header, *rows])
    return path


# -- csv_format._label: a colleague's row naming a label ------------------------------------

def test_a_colleagues_row_may_name_a_label_by_the_name_the_window_shows(
        sample_project, sample_article, tmp_path):
    """Only a key-shaped cell on a colleague's row (its claim a UUID not ours) is their
    project's key: «Disputed» typed there is the label here of that name, and it is no key
    read as a name, so the summary says nothing of it (mutants: every cell on such a row
    taken for a key, refused as an unknown label; every name read listed in the summary)."""
    for quote in ("روسيا", "كوريا الشمالية"):
        appearances.tag_quote(sample_project, sample_article.id, quote, "unchecked")
    header, *rows = list(csv.reader(io.StringIO(
        exporting.export_text(sample_project, "csv").removeprefix("\ufeff"), newline="")))
    for row in rows:
        row[header.index("label")] = "Disputed"
    dest = Project.open(tmp_path / "dest.tahqiq", "importer")
    try:
        articles.add_article(dest, sample_article.text, "نسخة")
        result = import_claims_csv(dest, _write_csv(tmp_path / "badr.csv", header, rows))
        assert result.names_read == []
        assert {claim.label for claim in claims.list_claims(dest)} == {"disputed"}
        assert len(claims.list_claims(dest)) == 2
    finally:
        dest.close()


# -- project._changed_from: the upgrade's copy ----------------------------------------------

def test_a_file_that_cannot_be_read_afresh_keeps_its_upgrade_copy(tmp_path):
    """Whether an upgrade committed is read afresh; a file that cannot be read (gone, not a
    database) is taken as changed, so the copy of the file as it was is kept, not deleted
    (mutant: False). A schema lower than the one judged is a change too."""
    assert project_module._changed_from(tmp_path / "gone.tahqiq", 9) is True
    garbage = tmp_path / "garbage.tahqiq"
    garbage.write_bytes(b"not a database, " * 256)
    assert project_module._changed_from(garbage, 9) is True
    older = tmp_path / "older.tahqiq"
    with contextlib.closing(sqlite3.connect(older)) as raw:
        raw.execute("PRAGMA user_version=5")
    assert project_module._changed_from(older, 9) is True
    assert project_module._changed_from(older, 5) is False


# -- project.search_index_damage / integrity_problems ---------------------------------------

def test_where_the_search_index_check_cannot_run_it_finds_no_damage(tmp_path):
    """No search index to check (opening says that, not the check): None, and the write
    lock the check took is given back (mutant: SQLite's «no such table» said as damage)."""
    with contextlib.closing(sqlite3.connect(tmp_path / "plain.db", isolation_level=None)
                            ) as conn:
        conn.execute("CREATE TABLE t(x)")
        assert search_index_damage(conn) is None
        assert not conn.in_transaction


# -- stamps.same_person ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "other"), [("Strauß", "STRAUSS"), ("straße", " Strasse ")])
def test_one_persons_name_in_another_case_is_one_person(name, other):
    """Case aside as Unicode folds it (casefold, not lower: «ß» is «ss»): my
    own review under «STRAUSS» refused undo as someone else's."""
    assert stamps.same_person(name, other)


# -- labels.label_named: a shortcut freed by a merge ---------------------------------------------

def test_a_freed_shortcut_names_its_label_with_its_key_beside_a_name_typed_otherwise(
        tmp_path):
    """Two labels whose names differ only as a person types them («False» and «false»,
    «كاذب» and «كاذبٌ») are two labels of one name to whoever reads the merge's summary:
    the one that lost its shortcut is named with its key (mutant: names compared byte for
    byte, «give false a new one» could be either)."""
    from store.core import labels
    from store.exchange.merge import merge_project

    amal = Project.open(tmp_path / "amal.tahqiq", "amal")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.update_label(amal, "disputed", name_en="False", name_ar="كاذب")
    labels.add_label(amal, "satire", "Satire", "#0077AA", shortcut="4", name_ar="ساخر")
    labels.add_label(badr, "misleading", "false", "#AA7700", shortcut="4", name_ar="كاذبٌ")
    badr.close()
    try:
        [freed] = merge_project(amal, badr.path).freed_shortcuts
        assert "give false (misleading) a new one" in str(freed.message())
        assert freed.names[0].names["ar"] == "\u2067كاذبٌ (misleading)\u2069"
    finally:
        amal.close()


def test_a_freed_shortcuts_label_with_no_arabic_name_is_named_in_english_there(tmp_path):
    """A label a colleague gave no Arabic name is named in an Arabic summary as the window
    shows it, by its English name, not its key (mutant: «misleading»)."""
    from store.core import labels
    from store.exchange.merge import merge_project

    amal = Project.open(tmp_path / "amal.tahqiq", "amal")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.add_label(amal, "satire", "Satire", "#0077AA", shortcut="4", name_ar="ساخر")
    labels.add_label(badr, "misleading", "Misleading", "#AA7700", shortcut="4")
    badr.close()
    try:
        [freed] = merge_project(amal, badr.path).freed_shortcuts
        assert [name.names["ar"] for name in freed.names] == ["Misleading", "ساخر"]
    finally:
        amal.close()


@pytest.mark.parametrize(("english", "arabic", "said_en", "said_ar"), [
    ("False", "مضلل", "False (misleading)", "مضلل"),
    ("Misleading", "كاذب", "Misleading", "\u2067كاذب (misleading)\u2069"),
])
def test_a_freed_shortcuts_label_takes_its_key_only_in_the_language_its_name_is_shared(
        tmp_path, english, arabic, said_en, said_ar):
    """Amal's «disputed» is False/كاذب. Badr's «misleading» shares its name in one language
    only: the key follows the name in that language, the other left as it was (mutants:
    each language's name judged by the other's)."""
    from store.core import labels
    from store.exchange.merge import merge_project

    amal = Project.open(tmp_path / "amal.tahqiq", "amal")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.update_label(amal, "disputed", name_en="False", name_ar="كاذب")
    labels.add_label(amal, "satire", "Satire", "#0077AA", shortcut="4", name_ar="ساخر")
    labels.add_label(badr, "misleading", english, "#AA7700", shortcut="4", name_ar=arabic)
    badr.close()
    try:
        [freed] = merge_project(amal, badr.path).freed_shortcuts
        assert f"give {said_en} a new one" in str(freed.message())
        assert freed.names[0].names["ar"] == said_ar
    finally:
        amal.close()


# -- cli.commands: standard output that could not take it all -------------------------------

def test_output_not_written_whole_is_said_in_the_systems_words_only():
    """`tahqiq export > /dev/full`: «No space left on device: the output was not written
    whole», not Python's «[Errno 28] …» before it (mutant: the exception as it prints)."""
    import errno
    import os

    from store.cli.commands import not_written_whole

    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert not_written_whole(full) == (f"{os.strerror(errno.ENOSPC)}: the output was not "
                                       "written whole")


def test_output_closed_sends_what_is_left_of_standard_output_nowhere():
    """Once standard output failed, what is left goes to the null device rather than
    failing again at exit (mutant: left where it was)."""
    import os
    import sys

    from store.cli.commands import output_closed

    kept = os.dup(sys.stdout.fileno())
    try:
        output_closed()
        now, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    finally:
        os.dup2(kept, sys.stdout.fileno())
        os.close(kept)
    assert (now.st_dev, now.st_ino, now.st_rdev) == (null.st_dev, null.st_ino, null.st_rdev)
