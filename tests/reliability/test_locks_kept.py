"""Opening the project again in the same process (a worker's connection) must not drop
the locks that tell other processes the file is in use: else one of them, closing,
deletes the -wal the window still writes to - its changes then reach no other reader,
and a crash loses them."""

from __future__ import annotations

import subprocess
import sys

from store.core import articles
from store.core.project import Project

COUNT = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "print(c.execute('SELECT count(*) FROM articles').fetchone()[0]); c.close()")


def count_elsewhere(path) -> int:
    """Articles another process reads in the file (and it closes its connection after)."""
    done = subprocess.run([sys.executable, "-c", COUNT, str(path)], capture_output=True,
                          text=True, check=True)
    return int(done.stdout)


def test_a_second_connection_here_leaves_other_processes_seeing_every_change(tmp_path):
    path = tmp_path / "desk.tahqiq"
    window = Project.open(path, "tester")
    try:
        articles.add_article(window, "The first article.", "one")
        with Project.open(path, "tester", create=False):  # a worker's own connection
            pass
        assert count_elsewhere(path) == 1
        articles.add_article(window, "The second article.", "two")
        assert path.with_name(path.name + "-wal").exists()
        assert count_elsewhere(path) == 2
    finally:
        window.close()
    assert count_elsewhere(path) == 2


def test_merging_a_file_another_window_has_open_keeps_its_locks(tmp_path):
    """Two windows in one process, one merging the other's file: the merge's copy of it
    must not drop the other window's locks either."""
    from store.exchange import merge

    theirs_path = tmp_path / "theirs.tahqiq"
    theirs = Project.open(theirs_path, "colleague")
    mine = Project.open(tmp_path / "mine.tahqiq", "tester")
    try:
        articles.add_article(theirs, "Their first article.", "one")  # still in the -wal
        merge.merge_file(mine, theirs_path)
        assert [a["title"] for a in articles.list_articles(mine)] == ["one"]
        assert count_elsewhere(theirs_path) == 1
        articles.add_article(theirs, "Their second article.", "two")
        assert count_elsewhere(theirs_path) == 2
    finally:
        mine.close()
        theirs.close()


def test_the_same_file_by_another_name_is_known_as_open(tmp_path):
    """A hard link (or, on macOS, another letter case) names the same file, whose locks
    a plain descriptor's close would drop all the same."""
    import os

    from store.core.project import is_open_here

    path = tmp_path / "desk.tahqiq"
    window = Project.open(path, "tester")
    try:
        other = tmp_path / "link.tahqiq"
        os.link(path, other)
        assert is_open_here(path) and is_open_here(other)
        assert not is_open_here(tmp_path / "elsewhere.tahqiq")
    finally:
        window.close()
    assert not is_open_here(path)
