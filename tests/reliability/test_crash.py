"""Crash: writers killed with SIGKILL at random moments lose nothing that was confirmed.

A store process and a loop of ``tahqiq tag`` commands tag the same project at the
same time, and are killed 40 and 10 times. Each prints a claim id only after the
call that made it returned, so every id read from their output must be in the file,
which must pass SQLite's integrity check and open in the app.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from reliability_support import (
    HERE,
    QUOTES,
    TAHQIQ,
    LineReader,
    assert_consistent,
    make_project,
)

from store.core import appearances
from store.core.project import Project

STORE_KILLS = 40
CLI_KILLS = 10


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the child and everything it started (a shell loop and its command)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


class Tagger:
    """A tagger_child.py process forked by its server (--serve), in a session of its own:
    its output read from a named pipe, its standard error from a file, its end told by
    the server (Popen's words, for kill_group)."""

    def __init__(self, server: subprocess.Popen, folder: Path, *args: str) -> None:
        fifo, self.err = folder / "out.fifo", folder / "err.txt"
        os.mkfifo(fifo)
        self.server = server
        server.stdin.write("\t".join([*args, str(fifo), str(self.err)]) + "\n")
        server.stdin.flush()
        self.pid = int(server.stdout.readline())
        self.stdout = fifo.open(encoding="utf-8")  # (once it leads its own session)
        self.returncode: int | None = None
        self.stderr = io.StringIO()

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self.server.stdin.write("ended?\n")
            self.server.stdin.flush()
            self.returncode = int(self.server.stdout.readline())
            self.stderr = io.StringIO(self.err.read_text(encoding="utf-8"))
        return self.returncode


def tagger_server() -> subprocess.Popen:
    """tagger_child.py --serve: one Python and its imports for the 40 store writers, each
    still a process of its own that a SIGKILL ends (a process each took 0.25 s of CPU to
    start; a kill while Python itself starts up tells nothing of the store)."""
    return subprocess.Popen([sys.executable, str(HERE / "tagger_child.py"), "--serve"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def store_writer_kills(path: Path, article_id: str, rng: random.Random) -> dict[str, str]:
    """Start, let tag, SIGKILL; STORE_KILLS times. Returns {claim id: live|deleted}."""
    confirmed: dict[str, str] = {}
    server = tagger_server()
    try:
        for round_ in range(STORE_KILLS):
            folder = path.parent / f"writer-{round_}"
            folder.mkdir()
            proc = Tagger(server, folder, str(path), article_id, "0", "crasher")
            _let_tag_and_kill(proc, round_, rng, confirmed)
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    return confirmed


def _let_tag_and_kill(proc: Tagger, round_: int, rng: random.Random,
                      confirmed: dict[str, str]) -> None:
    reader = LineReader(proc.stdout)
    if round_ % 4 == 0:  # anywhere: just forked, opening, recovering the WAL, tagging
        time.sleep(rng.uniform(0, 0.15))
    elif reader.first.wait(20):  # in the middle of tagging
        time.sleep(rng.uniform(0, 0.04))
    kill_group(proc)
    reader.join(10)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert proc.stderr.read() == ""
    for line in reader.lines:
        claim_id, _when, state = line.split("\t")
        confirmed[claim_id] = state


def cli_writer_kills(path: Path, article_id: str, rng: random.Random,
                     confirmed: dict[str, str], failures: list[str]) -> None:
    """A shell loop of ``tahqiq tag`` commands, SIGKILLed (shell and command) CLI_KILLS times."""
    quotes = " ".join(shlex.quote(q) for q in QUOTES)
    script = (f"quotes=({quotes}); while :; do "
              f"{shlex.quote(str(TAHQIQ))} tag --project {shlex.quote(str(path))} "
              # a new name each time: one person tagging the same words and verdict
              # twice is refused, rightly
              f"--annotator \"cli$RANDOM$RANDOM\" {article_id} "
              f"--quote=\"${{quotes[RANDOM % {len(QUOTES)}]}}\" "
              "--label verified --note 'from the command line' || exit 1; done")
    for round_ in range(CLI_KILLS):
        proc = subprocess.Popen(["bash", "-c", script], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        reader = LineReader(proc.stdout)
        if round_ == CLI_KILLS - 1 and not confirmed:  # (a busy machine: no command has
            reader.first.wait(30)  # finished within the others' 0.6 s; the last lets one)
        time.sleep(rng.uniform(0.05, 0.6))
        kill_group(proc)
        reader.join(10)
        if proc.returncode != -signal.SIGKILL:
            failures.append(f"the tag loop ended by itself ({proc.returncode}): "
                            f"{proc.stderr.read()}")
        elif err := proc.stderr.read():
            failures.append(err)
        for claim_id in reader.lines:
            confirmed[claim_id] = "live"


def test_killed_writers_lose_nothing_confirmed(tmp_path, qtbot, errors):
    path = tmp_path / "crash.tahqiq"
    article_id = make_project(path)
    seed = random.randrange(2**32)
    rng, cli_rng = random.Random(seed), random.Random(seed + 1)
    from_cli: dict[str, str] = {}
    cli_failures: list[str] = []
    cli = threading.Thread(target=cli_writer_kills,
                           args=(path, article_id, cli_rng, from_cli, cli_failures))
    cli.start()
    try:
        from_store = store_writer_kills(path, article_id, rng)
    finally:
        cli.join(120)
    assert not cli_failures, cli_failures
    assert len(from_store) > STORE_KILLS  # the kills did land while tagging
    assert from_cli, "no tahqiq tag command finished between kills"

    live = set(assert_consistent(path))
    with Project.open(path, "checker", create=False) as project:
        for claim_id, state in {**from_store, **from_cli}.items():
            # AppearanceNotFound here: a confirmed claim was lost
            claim = appearances.get_appearance(project, claim_id)
            assert claim.is_deleted == (state == "deleted"), (seed, claim_id)
            assert (claim_id in live) == (state == "live")
        on_article = len(appearances.list_appearances(project, article_id))

    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    assert window.current_article == article_id
    assert window.claims_panel.model.rowCount() == on_article
    assert errors == []
    window.close()
