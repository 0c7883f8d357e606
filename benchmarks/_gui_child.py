"""GUI measurements, one fresh process each (started by benchmarks/run.py).

    _gui_child.py bare TEXT_FILE            a bare PySide6 window showing the text
    _gui_child.py app PROJECT               Tahqiq's main window on PROJECT
    _gui_child.py session PROJECT ARTICLE_ID EDITS SEED
                                            open ARTICLE_ID, scroll it, tag, relabel, undo, redo

``bare`` and ``app`` print one JSON line with ``painted``: time.perf_counter() when the
first paint of the text view's viewport has been handled (perf_counter is
CLOCK_MONOTONIC on Linux, so the parent subtracts its own reading taken just before it
started this process). ``session`` prints one JSON line of samples in milliseconds.
Imports are inside the modes so ``bare`` pays for PySide6 only.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _paint_watch(widget, on_painted):
    """Call on_painted(begin) once the first Paint event of *widget* has been handled."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                begin = time.perf_counter()
                # Runs after this paint event (and the flush it belongs to) is done.
                QTimer.singleShot(0, lambda: on_painted(begin))
            return False

    watch = Watch(widget)
    watch.seen = False
    widget.installEventFilter(watch)
    return watch


def _report_and_exit(data: dict) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()
    os._exit(0)  # no closeEvent: nothing is written to settings, every run starts alike


def bare(text_file: str) -> None:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([sys.argv[0]])
    view = QPlainTextEdit()
    with open(text_file, encoding="utf-8") as fh:
        view.setPlainText(fh.read())
    view.resize(1280, 820)
    _paint_watch(view.viewport(), lambda begin: _report_and_exit(
        {"painted": time.perf_counter(), "paint_began": begin}))
    view.show()
    app.exec()


def app(project: str) -> None:
    # What gui.app.main does for `tahqiq PROJECT`, with an annotator already set.
    from gui.app import ensure_app, open_window

    qapp = ensure_app([sys.argv[0]])
    window = open_window(project)
    if window is None:
        _report_and_exit({"error": "could not open the project"})
    _paint_watch(window.article_pane.reader.viewport(), lambda begin: _report_and_exit(
        {"painted": time.perf_counter(), "paint_began": begin}))
    window.show()
    qapp.exec()


# -- session ---------------------------------------------------------------------------------
def random_span(text: str, rng) -> tuple[int, int]:
    """Whole words inside one paragraph, 15 to 140 code points."""
    while True:
        start = rng.randrange(len(text) - 200)
        while start > 0 and text[start - 1] not in " \n":
            start -= 1
        end = start + rng.randint(15, 140)
        stop = text.find("\n", start)
        end = min(end, stop if stop != -1 else len(text))
        while end < len(text) and text[end] not in " \n":
            end += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
        if end - start >= 4 and text[start:end].strip():
            return start, end


def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _vmhwm_mb() -> float | None:
    """Peak RSS of this process image alone (ru_maxrss also counts the parent's at exec)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def session(project: str, article_id: str, edits: int, seed: int) -> None:
    import random

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from gui.app import create_window
    from gui.commands import EditClaim

    rng = random.Random(seed)
    window = create_window(project)
    qapp = QApplication.instance()
    reader = window.article_pane.reader
    viewport = reader.viewport()
    painted = []
    watch = _paint_watch(viewport, lambda begin: painted.append(time.perf_counter()))

    def wait_paint() -> float:
        while not painted:
            qapp.processEvents()
        return painted[-1]

    def settle() -> None:
        for _ in range(3):
            qapp.processEvents()
        # What the event loop does between events and processEvents() does not: delete
        # the objects deleteLater() was called on (a window in exec() never keeps them).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    window.show()
    wait_paint()
    settle()
    out: dict = {"rss_start_mb": _maxrss_mb()}

    # 1. open the big article: from the call to the end of the first paint
    painted.clear()
    watch.seen = False
    t0 = time.perf_counter()
    window.show_article(article_id)
    out["open_ms"] = (wait_paint() - t0) * 1000
    settle()
    out["rss_open_mb"] = _maxrss_mb()
    out["blocks"] = reader.document().blockCount()

    # 2. scroll the whole article a page at a time, each step painted at once
    bar = reader.verticalScrollBar()
    bar.setValue(0)
    viewport.repaint()
    steps = []
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
        t0 = time.perf_counter()
        bar.setValue(value)
        viewport.repaint()
        steps.append((time.perf_counter() - t0) * 1000)
    out["scroll_steps"] = len(steps)
    out["scroll_max_ms"] = max(steps)
    out["scroll_mean_ms"] = sum(steps) / len(steps)
    out["scroll_total_ms"] = sum(steps)
    settle()
    out["rss_scrolled_mb"] = _maxrss_mb()

    session_ = window.session
    text = session_.article(article_id).text
    existing = session_.claims_of(article_id)
    out["claims_before"] = len(existing)
    labels = [lab.key for lab in session_.labels()]

    # 3. tag one more span: window.tag() with a selection, until the reader is repainted
    tag_ms, tag_settled_ms = [], []
    for _ in range(edits):
        start, end = random_span(text, rng)
        reader.select_span(start, end)
        settle()
        label = rng.choice(labels)
        t0 = time.perf_counter()
        window.tag(label)
        viewport.repaint()
        t1 = time.perf_counter()
        if session_.project.db.conn.in_transaction:
            out["error"] = "tag() returned before its transaction committed"
        qapp.processEvents()  # what else the action queued (table, editor repaints)
        t2 = time.perf_counter()
        tag_ms.append((t1 - t0) * 1000)
        tag_settled_ms.append((t2 - t0) * 1000)
        settle()
    out["tag_ms"], out["tag_settled_ms"] = tag_ms, tag_settled_ms

    # Work an edit leaves for later (timers, e.g. panels that catch up after an edit):
    # the event-loop turn that runs it freezes the window just as long.
    deferred_ms = []
    for _ in range(3):
        time.sleep(0.3)
        settle()
        start, end = random_span(text, rng)
        reader.select_span(start, end)
        settle()
        window.tag(rng.choice(labels))
        viewport.repaint()
        qapp.processEvents()
        time.sleep(0.3)  # every pending timer is due now
        t0 = time.perf_counter()
        qapp.processEvents()
        deferred_ms.append((time.perf_counter() - t0) * 1000)
        settle()
    out["deferred_ms"] = deferred_ms
    out["claims_after"] = len(session_.claims_of(article_id))

    # 4. relabel a claim, undo, redo: each until the reader is repainted
    relabel_ms, undo_ms, redo_ms = [], [], []
    for claim in rng.sample(existing, edits):
        window.select_claim(claim.id)  # scrolls it into view, as a click on it would
        settle()
        new_label = rng.choice([k for k in labels if k != claim.label])
        t0 = time.perf_counter()
        current = session_.claim(claim.id)
        window.undo_stack.push(EditClaim(session_, current, label=new_label))
        viewport.repaint()
        relabel_ms.append((time.perf_counter() - t0) * 1000)
        settle()
        t0 = time.perf_counter()
        window.undo_stack.undo()
        viewport.repaint()
        undo_ms.append((time.perf_counter() - t0) * 1000)
        settle()
        t0 = time.perf_counter()
        window.undo_stack.redo()
        viewport.repaint()
        redo_ms.append((time.perf_counter() - t0) * 1000)
        settle()
        if session_.claim(claim.id).label != new_label:
            out["error"] = f"relabel of {claim.id} did not stick"
    out["relabel_ms"], out["undo_ms"], out["redo_ms"] = relabel_ms, undo_ms, redo_ms
    out["rss_end_mb"] = _maxrss_mb()
    out["vmhwm_end_mb"] = _vmhwm_mb()
    _report_and_exit(out)


def main(argv: list[str]) -> None:
    mode = argv[1]
    if mode == "bare":
        bare(argv[2])
    elif mode == "app":
        app(argv[2])
    elif mode == "session":
        session(argv[2], argv[3], int(argv[4]), int(argv[5]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv)
