"""Two writers: the app, a store process and ``tahqiq merge`` write one project at once.

Nobody sees "database is locked", no write is lost, and the open window shows the
other processes' changes within about a second (it polls ``PRAGMA data_version``
every second), without a restart.

The writers run for WRITE_SECONDS (5 s, to keep the suite fast; set
TAHQIQ_WRITE_SECONDS for a longer soak).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from reliability_support import (
    ARTICLE,
    HERE,
    TAHQIQ,
    LineReader,
    assert_consistent,
    make_project,
)

from gui.models import ClaimIdRole
from gui.session import POLL_INTERVAL_MS
from store.core import appearances
from store.core.project import Project

WRITE_SECONDS = float(os.environ.get("TAHQIQ_WRITE_SECONDS", "5"))
COLLEAGUE_CLAIMS = 60
# One poll interval, plus time for the reload on a busy two-core machine.
CATCH_UP_SECONDS = POLL_INTERVAL_MS / 1000 + 0.5


def colleague_file(path, article_id, tmp_path):
    """A copy of the project in which a colleague tagged COLLEAGUE_CLAIMS claims."""
    theirs = tmp_path / "colleague.tahqiq"
    shutil.copyfile(path, theirs)
    with Project.open(theirs, "colleague") as project:
        made = [appearances.create_claim(project, article_id, i, i + 5, "disputed").id
                for i in range(COLLEAGUE_CLAIMS)]
    return theirs, made


def test_app_store_and_merge_write_at_once(tmp_path, qtbot, errors):
    path = tmp_path / "shared.tahqiq"
    article_id = make_project(path, n_claims=0)
    theirs, merged_ids = colleague_file(path, article_id, tmp_path)

    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    assert window.current_article == article_id
    writer = subprocess.Popen(
        [sys.executable, str(HERE / "tagger_child.py"), str(path), article_id,
         str(WRITE_SECONDS), "store-process"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = LineReader(writer.stdout)
    deadline = time.monotonic() + WRITE_SECONDS + 60
    merge_at = time.monotonic() + WRITE_SECONDS / 3
    merge, merged_at = None, None
    # Words (a claim holds no white space at its ends), each once: a second verdict on
    # words the window already tagged relabels that claim.
    spans = sorted({(i + len(w) - len(w.lstrip()), i + len(w.rstrip()))
                    for i in range(0, len(ARTICLE) - 7, 3) if (w := ARTICLE[i:i + 7]).strip()})
    tagged = 0
    labels = ("verified", "disputed", "unchecked")
    while writer.poll() is None:  # the app tags through its window meanwhile
        assert time.monotonic() < deadline, "the store process does not finish"
        if tagged < len(labels) * len(spans):  # each span once per label: a tag, then
            start, end = spans[tagged % len(spans)]  # relabels (never the same verdict)
            window.claims_panel.view.clearSelection()
            window.article_pane.reader.select_span(start, end)
            window.tag(labels[tagged // len(spans)])
            tagged += 1
        if merge is None and time.monotonic() > merge_at:
            merge = subprocess.Popen([str(TAHQIQ), "merge", "--project", str(path), str(theirs)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        elif merge is not None and merged_at is None and merge.poll() is not None:
            merged_at = time.time()  # just after it committed
        qtbot.wait(20)
    output.join(30)
    err = writer.stderr.read()
    assert merge is not None, "the writers stopped before the merge began"
    merge_out, merge_err = merge.communicate(timeout=60)
    merged_at = merged_at or time.time()

    assert (writer.returncode, err) == (0, "")  # no "database is locked" or anything else
    assert (merge.returncode, merge_err) == (0, ""), merge_err
    assert f"new claims:       {COLLEAGUE_CLAIMS}" in merge_out
    assert errors == []  # the window showed no error either
    assert window.undo_stack.count() == tagged  # every tag in the window was saved
    lines = [line.split("\t") for line in output.lines]
    assert lines.pop() == ["done"]
    last_write = max(float(lines[-1][1]), merged_at)
    from_store = {claim_id: state for claim_id, _, state in lines}
    made = min(tagged, len(spans))  # the window's claims; the later passes relabel them
    expected = made + COLLEAGUE_CLAIMS + sum(s == "live" for s in from_store.values())

    # The window catches up by itself (nothing else runs its event loop meanwhile).
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() == expected,
                    timeout=int(CATCH_UP_SECONDS * 3000))
    lag = time.time() - last_write
    print(f"{expected} claims from three writers; the window caught up {lag:.2f} s "
          "after the last write")
    assert lag <= CATCH_UP_SECONDS, f"the window caught up {lag:.2f} s after the last write"

    live = set(assert_consistent(path))  # and it shows exactly what is in the file
    model = window.claims_panel.model
    assert {model.index(row, 0).data(ClaimIdRole) for row in range(model.rowCount())} == live
    with Project.open(path, "checker", create=False) as project:
        by_app = [c.id for c in appearances.list_appearances(project) if c.annotator == "tester"]
    assert len(by_app) == made
    assert set(merged_ids) <= live
    for claim_id, state in from_store.items():
        assert (claim_id in live) == (state == "live")
    window.close()
