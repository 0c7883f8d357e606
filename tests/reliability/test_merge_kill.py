"""Merge under failure: a merge killed at any moment leaves the project as it was before
it or as it is after it - never in between - and the colleague's file untouched.

A merge of a colleague's project with new articles, 1,500 new claims and appearances,
reviews, edits of shared claims (some in conflict) and a new label runs in a child
process (merge_child.py), killed with SIGKILL 30 times: a third at one of the steps the
merge reports (inside its transaction), the rest after a random delay spread over the
time a whole merge takes, so kills land before, inside and after the commit. Half the
time the colleague's file is open in their Tahqiq (a ``-wal`` beside it: the merge reads
a private copy), half the time closed (read in place, immutable).
After each kill the project opens, passes SQLite's integrity check, and holds exactly
the rows it held before the merge or exactly those an uninterrupted merge leaves
(``merge_conflict`` entries compared without the moment they were written).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from reliability_support import ARTICLE, HERE

from store.core import appearances, articles, claims, labels
from store.core.project import Project
from store.errors import DuplicateClaim
from store.review import reviews

KILLS = 30
TABLES = ("articles", "labels", "claims", "appearances", "reviews", "history", "settings",
          "dismissals", "search_entries", "search_pending")
OUTCOMES: Counter[str] = Counter()


def build(folder: Path) -> tuple[Path, Path]:
    """(my project, the colleague's), sharing 60 claims on one article."""
    mine, theirs = folder / "mine.tahqiq", folder / "theirs" / "theirs.tahqiq"
    theirs.parent.mkdir()
    with Project.open(mine, "mine") as project:
        article = articles.add_article(project, ARTICLE, "Treaty")
        shared = [appearances.create_claim(project, article.id, i, i + 5, "verified").claim_id
                  for i in range(0, 300, 5)]
    shutil.copyfile(mine, theirs)
    with Project.open(theirs, "theirs") as project, project.transaction():
        labels.add_label(project, "misleading", "Misleading", "#AA5500")
        for claim in shared[::2]:
            claims.update_claim(project, claim, label="disputed", note="their view")
            project.annotator = "their editor"  # (a review is of someone else's verdict)
            reviews.review_claim(project, claim, "reject", "no source")
            project.annotator = "theirs"
        for n in range(5):
            text = f"Article {n}. " + ARTICLE.replace("المعاهدة", f"المعاهدة {n}")
            other = articles.add_article(project, text, f"Article {n}")
            room = len(text) - 20
            for i in range(300):  # each span once: the start moves, then the length grows
                start = i * 5 % room
                try:
                    appearances.create_claim(project, other.id, start,
                                             start + 5 + i * 5 // room, "misleading",
                                             note=f"note {n} {i}")
                except DuplicateClaim:  # the same words as another span, spaces aside
                    continue
    with Project.open(mine, "mine") as project:
        for claim in shared[::3]:  # every sixth claim is changed on both sides
            claims.update_claim(project, claim, note="my view")
    for path in (mine, theirs):
        with Project.open(path, "checkpoint") as project:
            project.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return mine, theirs


def dump(path: Path) -> str:
    """A digest of every row, merge_conflict entries without their time."""
    digest = hashlib.sha256()
    with Project.open(path, "checker", create=False) as project:
        assert project.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for table in TABLES:
            cols = [row[1] for row in project.execute(f"PRAGMA table_info({table})")]
            order = "key" if table == "labels" else "rowid"
            for row in project.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                record = dict(zip(cols, row, strict=True))
                if table == "history" and record["action"] == "merge_conflict":
                    record.pop("at")
                digest.update(repr(sorted(record.items())).encode())
    return digest.hexdigest()


def untouched(path: Path) -> tuple:
    """The colleague's file as the merge must leave it: bytes, time, and what is beside it."""
    stat = path.stat()
    return (hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns,
            sorted(p.name for p in path.parent.iterdir()))


class Merge:
    """A merge in a process forked by merge_child.py's server: its output read from a
    named pipe, SIGKILLed by its id, its end told by the server (Popen's words)."""

    def __init__(self, server: subprocess.Popen, mine: Path, theirs: Path) -> None:
        # A killed merge cannot remove the private copy it makes of a file being written
        # (tahqiq-merge-*): keep those beside the test's files rather than in the
        # system's temporary folder.
        scratch = mine.parent / "tmp"
        scratch.mkdir(exist_ok=True)
        fifo = mine.parent / "out.fifo"
        os.mkfifo(fifo)
        self.server = server
        server.stdin.write(f"{mine}\t{theirs}\t{fifo}\t{scratch}\n")
        server.stdin.flush()
        self.pid = int(server.stdout.readline())
        self.stdout = fifo.open(encoding="utf-8")
        self.returncode: int | None = None

    def send_signal(self, sig: int) -> None:
        os.kill(self.pid, sig)

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self.server.stdin.write("ended?\n")
            self.server.stdin.flush()
            self.returncode = int(self.server.stdout.readline())
            self.stdout.close()
        return self.returncode

    def communicate(self, timeout: float | None = None) -> tuple[str, None]:
        out = self.stdout.read()
        self.wait()
        return out, None


def merge_server() -> subprocess.Popen:
    """merge_child.py --serve: one Python and its imports for the 31 merges, each still a
    process of its own that a SIGKILL ends (a process each took 0.25 s of CPU to start)."""
    return subprocess.Popen([sys.executable, str(HERE / "merge_child.py"), "--serve"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, TAHQIQ_USER="mine"))


def start_merge(server: subprocess.Popen, mine: Path, theirs: Path) -> Merge:
    proc = Merge(server, mine, theirs)
    assert proc.stdout.readline() == "merging\n"
    return proc


def fresh_copy(mine: Path, folder: Path) -> Path:
    folder.mkdir()
    copy = folder / mine.name
    shutil.copyfile(mine, copy)
    return copy


class _Summary:
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if OUTCOMES:
            terminalreporter.write_line(
                f"merge killed {sum(OUTCOMES.values())} times: the project as before it "
                f"{OUTCOMES['before']} times, as after it {OUTCOMES['after']} times, "
                "never in between; the colleague's file untouched every time")


def test_a_merge_killed_anywhere_is_all_or_nothing(tmp_path, request):
    if not request.config.pluginmanager.has_plugin("merge-kill-summary"):
        request.config.pluginmanager.register(_Summary(), "merge-kill-summary")
    mine, theirs = build(tmp_path)
    server = merge_server()
    try:
        before = dump(mine)
        whole = fresh_copy(mine, tmp_path / "whole")
        started = time.monotonic()
        proc = start_merge(server, whole, theirs)
        assert proc.communicate(timeout=300)[0].splitlines()[-1] == "merged"
        duration = time.monotonic() - started
        after = dump(whole)
        assert after != before

        rng = random.Random(20261130)
        colleague_open = None
        for n in range(KILLS):
            if n % 2 == 0:  # their Tahqiq has the file open: a -wal beside it
                colleague_open = Project.open(theirs, "theirs", create=False)
            elif colleague_open is not None:
                colleague_open.close()
            theirs_before = untouched(theirs)
            copy = fresh_copy(mine, tmp_path / f"kill-{n}")
            proc = start_merge(server, copy, theirs)
            if n % 3 == 0:
                for _ in range(rng.randint(1, 3)):  # inside the transaction, at a step
                    proc.stdout.readline()
            else:
                time.sleep(rng.uniform(0, duration * 1.3))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            assert untouched(theirs) == theirs_before, "the merge wrote to the colleague's file"
            state = dump(copy)
            assert state in (before, after), f"kill {n} left the project half-merged"
            OUTCOMES["before" if state == before else "after"] += 1
        if colleague_open is not None:
            colleague_open.close()
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    assert sum(OUTCOMES.values()) == KILLS
