"""Damage a merge meets is said of the file that holds it (rv199): this project's own
file, an index another program rewrote, was said to be the colleague's sound file
(«colleague.tahqiq is damaged or not a Tahqiq project (database disk image is
malformed)»), and the damaged one was never named."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from store.core import appearances, article_deletion, articles
from store.core.project import Project, integrity_problems
from store.errors import NotAProject, StorageError
from store.exchange import merge
from store.exchange.merge import merge_project

TEXT = "The minister said exports rose by 40 percent in 2019, critics said."
OTHER = "Another story: the bridge cost 3 million dollars."


def _pair(folder: Path) -> tuple[Path, Path]:
    """Mine with one tagged article; the colleague's copy, which deleted it and added
    another (merging it writes over my appearances' index)."""
    mine, theirs = folder / "mine.tahqiq", folder / "colleague.tahqiq"
    with Project.open(mine, "me") as project:
        article = articles.add_article(project, TEXT, "t")
        appearances.create_claim(project, article.id, 4, 12, "verified", note="n1")
    shutil.copy(mine, theirs)
    with Project.open(theirs, "colleague", create=False) as project:
        other = articles.add_article(project, OTHER, "t2")
        appearances.create_claim(project, other.id, 0, 7, "verified", note="n2")
        article_deletion.delete_article(project, article.id)
    return mine, theirs


def _index_rewritten(path: Path) -> None:
    """An index's SQL pointed at another column (writable_schema): the file opens."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute("UPDATE sqlite_master SET sql = replace(sql, '(\"claim_id\")', "
                    "'(\"article_id\")') WHERE name = 'idx_appearances_claim_id'")


def _stale_index(path: Path) -> None:
    """A new article's id changed in the articles' key index only: the file opens (the
    quick check does not compare an index with its table), and the merge's lookup of
    that article finds nothing."""
    with Project.open(path, "colleague", create=False) as project:
        article_id = next(a["id"] for a in articles.list_articles(project)
                          if a["title"] == "t2")
    with contextlib.closing(sqlite3.connect(path)) as raw:
        (root,) = raw.execute("SELECT rootpage FROM sqlite_master "
                              "WHERE name = 'sqlite_autoindex_articles_1'").fetchone()
        size = raw.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    page = slice((root - 1) * size, root * size)
    data[page] = bytes(data[page]).replace(article_id.encode(),
                                           b"X" + article_id[1:].encode())
    path.write_bytes(bytes(data))


def test_damage_in_this_projects_file_names_it_not_the_colleagues(tmp_path):
    mine, theirs = _pair(tmp_path)
    _index_rewritten(mine)
    assert integrity_problems(theirs) == []
    with Project.open(mine, "me", create=False) as project:
        before = articles.list_articles(project)
        with pytest.raises(StorageError) as caught:
            merge_project(project, theirs)
        assert str(caught.value) == (
            "This project's file, mine.tahqiq, is damaged (row 1 missing from index "
            "idx_appearances_claim_id); nothing was merged, and what was saved before is "
            "kept: `tahqiq check` tells what is damaged.")
        assert articles.list_articles(project) == before
        assert not project.conn.in_transaction


def test_damage_in_the_colleagues_file_still_names_theirs(tmp_path):
    mine, theirs = _pair(tmp_path)
    _stale_index(theirs)
    assert integrity_problems(theirs) and integrity_problems(mine) == []
    with Project.open(mine, "me", create=False) as project:
        before = articles.list_articles(project)
        with pytest.raises(NotAProject) as caught:
            merge_project(project, theirs)
        assert str(caught.value).startswith("colleague.tahqiq is damaged")
        assert "mine.tahqiq" not in str(caught.value)
        assert articles.list_articles(project) == before


def test_a_merge_that_works_checks_neither_file(tmp_path, monkeypatch):
    """The check reads the whole project: only once a merge has failed."""
    mine, theirs = _pair(tmp_path)
    monkeypatch.setattr(merge, "_own_damage", lambda project: pytest.fail("checked"))
    with Project.open(mine, "me", create=False) as project:
        assert merge_project(project, theirs).new_articles == 1
