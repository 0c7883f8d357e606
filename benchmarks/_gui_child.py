"""GUI measurements, one fresh process each (started by benchmarks/run.py).

    _gui_child.py floor-start TEXT_FILE      a bare PySide6 window showing the text
    _gui_child.py app-start PROJECT          `tahqiq PROJECT` through the launcher
    _gui_child.py floor-open TEXT_FILE SPANS_FILE
                                             a bare QPlainTextEdit and a highlighter that
                                             applies precomputed spans: open, scroll
    _gui_child.py session PROJECT ARTICLE_ID EDITS SEED PANEL
                                             Tahqiq's window: open ARTICLE_ID, scroll it,
                                             tag, relabel, undo, redo (PANEL: "open" shows
                                             the Disagreements panel first)

The start modes print one JSON line with ``painted``: time.perf_counter() when the first
paint of the text view's viewport has been handled (perf_counter is CLOCK_MONOTONIC on
Linux, so the parent subtracts its own reading taken just before it started this
process). The others print one JSON line of samples in milliseconds. Imports are inside
the modes so the floors pay for PySide6 only.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _paint_watch(widget, on_painted):
    """Call on_painted(begin) once the first Paint event of *widget* has been handled
    (again after ``watch.seen = False``)."""
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


def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _vmhwm_mb(pid: int | str = "self") -> float | None:
    """Peak RSS of this process image alone (ru_maxrss also counts the parent's at exec),
    or of process *pid* (the window's matcher)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


# -- start-up ---------------------------------------------------------------------------
def floor_start(text_file: str) -> None:
    """A bare window showing the text as the reader shows it (same face, wrapping and
    paragraph direction): the least a window showing this article can cost."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([sys.argv[0]])
    view = _bare_reader(QPlainTextEdit)
    with open(text_file, encoding="utf-8") as fh:
        view.setPlainText(fh.read())
    view.resize(1280, 820)
    _paint_watch(view.viewport(), lambda begin: _report_and_exit(
        {"painted": time.perf_counter(), "paint_began": begin}))
    view.show()
    app.exec()


def app_start(project: str) -> None:
    """`tahqiq PROJECT` as a user starts it: gui.launcher.main, argument parsing, the
    settings, the project, the window; the clock stops after the reader's first paint."""
    import gc

    # The launcher pauses the collector before it imports the window's modules; this
    # child imports them ahead of it (to watch the window), so it pauses it first too,
    # or its start-up would pay collections that `tahqiq PROJECT` never runs.
    gc.disable()
    import gui.app

    opened = gui.app.open_window

    def open_and_watch(*args, **kwargs):
        window = opened(*args, **kwargs)
        if window is None:
            _report_and_exit({"error": "could not open the project"})
        _paint_watch(window.article_pane.reader.viewport(), lambda begin: _report_and_exit(
            {"painted": time.perf_counter(), "paint_began": begin}))
        return window

    gui.app.open_window = open_and_watch
    from gui.launcher import main

    main([project])


# -- the open floor ---------------------------------------------------------------------
def _segments(text: str, spans: list, formats) -> dict[int, list]:
    """{block number: [(start16, length16, format)]}: what the app's highlighter paints
    for these spans, cut where any span starts or ends, computed ahead of the clock."""
    from gui.offsets import utf16_length

    blocks: dict[int, list] = {}
    starts, at = [], 0
    lines = text.split("\n")
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    import bisect

    per_block: dict[int, list] = {}
    for start, end, label, annotator in spans:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        for number in range(first, last + 1):
            per_block.setdefault(number, []).append((start, end, label, annotator))
    for number, covering in per_block.items():
        base, line = starts[number], lines[number]
        cuts = {0, len(line)}
        local = []
        for start, end, label, annotator in covering:
            a, b = max(start - base, 0), min(end - base, len(line))
            if a < b:
                local.append((a, b, label, annotator, end - start))
                cuts.update((a, b))
        edges = sorted(cuts)
        out = []
        for a, b in zip(edges, edges[1:], strict=False):
            over = [s for s in local if s[0] <= a and b <= s[1]]
            if over:
                inner = min(over, key=lambda s: s[4])
                key = (inner[2], min(len(over), 4),
                       len({s[3] for s in over}) > 1 and len({s[2] for s in over}) > 1)
                a16 = utf16_length(line[:a])
                out.append((a16, utf16_length(line[a:b]), formats(key)))
        blocks[number] = out
    return blocks


def floor_open(text_file: str, spans_file: str) -> None:
    """The least any reader can do: set the text, paint precomputed formats, scroll."""
    from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([sys.argv[0]])
    with open(text_file, encoding="utf-8") as fh:
        text = fh.read()
    with open(spans_file, encoding="utf-8") as fh:
        spans = json.load(fh)
    cache: dict = {}
    colors = {"unchecked": "#BDBDBD", "verified": "#A5D6A7", "disputed": "#EF9A9A"}

    def formats(key):
        if key not in cache:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colors.get(key[0], "#DDDDDD")).darker(100 + 18 * (key[1] - 1)))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            cache[key] = fmt
        return cache[key]

    segments = _segments(text, spans, formats)

    class Floor(QSyntaxHighlighter):
        def highlightBlock(self, _text):  # noqa: N802 - Qt's name
            for start, length, fmt in segments.get(self.currentBlock().blockNumber(), ()):
                self.setFormat(start, length, fmt)

    view = _bare_reader(QPlainTextEdit)
    view.resize(1280, 820)
    highlighter = Floor(None)
    view.show()
    app.processEvents()
    painted: list[float] = []
    _paint_watch(view.viewport(), lambda begin: painted.append(time.perf_counter()))
    rss_before = _maxrss_mb()
    t0 = time.perf_counter()
    view.setPlainText(text)
    highlighter.setDocument(view.document())
    highlighter.rehighlight()
    while not painted:
        app.processEvents()
    out = {"open_ms": (painted[-1] - t0) * 1000, "rss_start_mb": rss_before,
           "rss_open_mb": _maxrss_mb()}
    out.update(_scroll(view, app))
    out["rss_end_mb"] = _maxrss_mb()
    _report_and_exit(out)


def _bare_reader(cls):
    """A QPlainTextEdit set up as Tahqiq's reader is (its face and size, wrapping,
    paragraph direction and justification, margins), so both lay out the same text the
    same way; none of Tahqiq's own logic."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextOption

    from gui.fonts import reader_font

    view = cls()
    view.setReadOnly(True)
    view.setFont(reader_font())
    view.setLineWrapMode(cls.LineWrapMode.WidgetWidth)
    view.setWordWrapMode(QTextOption.WrapMode.WordWrap)
    option = view.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    option.setAlignment(Qt.AlignmentFlag.AlignJustify)
    view.document().setDefaultTextOption(option)
    view.document().setDocumentMargin(18)
    return view


def _scroll(view, app) -> dict:
    """The whole text a page at a time, each step painted at once; the slowest step."""
    bar = view.verticalScrollBar()
    bar.setValue(0)
    view.viewport().repaint()
    steps = []
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
        t0 = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        steps.append((time.perf_counter() - t0) * 1000)
    app.processEvents()
    return {"scroll_steps": len(steps), "scroll_max_ms": max(steps),
            "scroll_mean_ms": sum(steps) / len(steps)}


# -- the session ------------------------------------------------------------------------
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


def session(project: str, article_id: str, edits: int, seed: int, panel: str) -> None:
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
    painted: list[float] = []
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

    def pause(seconds: float) -> None:
        """A person pausing: the event loop runs (timers, deferred work), no one acts."""
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            qapp.processEvents()
            time.sleep(0.005)
        settle()

    unpainted = [0]  # edits that painted nothing of the reader

    def to_idle(action) -> float:
        """Milliseconds the window is busy with *action*: the call, the repaint of what
        it changed, the events it queued, and the work it left to timers (panels
        catching up), run once they are due. The wait for the timers is not counted.
        The repaint is the one the edit asks Qt for (processEvents paints it), not one
        forced on the whole reader: the reader repaints the paragraph an edit changed
        (gui.reader.ReaderLayout). An edit that painted nothing of the reader is an
        error, never a fast sample."""
        watch.seen = False
        t0 = time.perf_counter()
        action()
        qapp.processEvents()
        busy = time.perf_counter() - t0
        if not watch.seen:
            unpainted[0] += 1
        time.sleep(0.2)  # every timer an edit starts (150 ms) is due now
        t0 = time.perf_counter()
        settle()
        return (busy + time.perf_counter() - t0) * 1000

    if panel == "open":
        window.review_tools.disagreements_dock.show()
    window.show()
    wait_paint()
    settle()
    pause(0.5)  # a person looks at the window before choosing another article
    out: dict = {"rss_start_mb": _maxrss_mb()}

    # 1. open the big article: from the call to the end of the first paint
    painted.clear()
    watch.seen = False
    t0 = time.perf_counter()
    window.show_article(article_id)
    out["open_ms"] = (wait_paint() - t0) * 1000
    while window.reading_places:  # the places read after the first paint (gui.places)
        qapp.processEvents()
    settle()
    out["open_idle_ms"] = (time.perf_counter() - t0) * 1000
    out["rss_open_mb"] = _maxrss_mb()
    out["blocks"] = reader.document().blockCount()

    # 2. scroll the whole article a page at a time, each step painted at once
    out.update(_scroll(reader, qapp))
    settle()
    out["rss_scrolled_mb"] = _maxrss_mb()

    session_ = window.session
    text = session_.article(article_id).text
    existing = window.claims_panel.claims()  # the window's own places: memory is measured
    out["claims_before"] = len(existing)
    out["disagreements"] = len(window.review_tools.disagreements.rows)
    labels = [lab.key for lab in session_.labels()]

    # 3. tag one more span: the first of the session, then the others
    def tag_one() -> float:
        start, end = random_span(text, rng)
        reader.select_span(start, end)
        settle()
        label = rng.choice(labels)
        return to_idle(lambda: window.tag(label))

    pause(0.5)  # the user reads before the first action; preloading may run now
    out["first_tag_ms"] = tag_one()
    out["rss_first_tag_mb"] = _maxrss_mb()
    out["tag_ms"] = [tag_one() for _ in range(edits)]
    out["claims_after"] = len(window.claims_panel.claims())

    # 4. relabel a claim, undo, redo
    relabel_ms, undo_ms, redo_ms = [], [], []
    for place in rng.sample(existing, edits):
        window.select_claim(place.id)  # scrolls it into view, as a click on it would
        settle()
        new_label = rng.choice([k for k in labels if k != place.label])
        relabel_ms.append(to_idle(lambda p=place, label=new_label: window.undo_stack.push(
            EditClaim(session_, session_.appearance(p.id), label=label))))
        undo_ms.append(to_idle(window.undo_stack.undo))
        redo_ms.append(to_idle(window.undo_stack.redo))
        if session_.appearance(place.id).label != new_label:
            out["error"] = f"relabel of {place.id} did not stick"
    out["relabel_ms"], out["undo_ms"], out["redo_ms"] = relabel_ms, undo_ms, redo_ms
    out["disagreements_after"] = len(window.review_tools.disagreements.rows)
    if unpainted[0]:
        out["error"] = f"{unpainted[0]} edits did not repaint the reader"
    out["rss_end_mb"] = _maxrss_mb()
    out["vmhwm_end_mb"] = _vmhwm_mb()
    matcher = window.session.matcher_pid
    out["matcher_vmhwm_mb"] = _vmhwm_mb(matcher) if matcher is not None else None
    _report_and_exit(out)


def main(argv: list[str]) -> None:
    mode, args = argv[1], argv[2:]
    if mode == "floor-start":
        floor_start(args[0])
    elif mode == "app-start":
        app_start(args[0])
    elif mode == "floor-open":
        floor_open(args[0], args[1])
    elif mode == "session":
        session(args[0], args[1], int(args[2]), int(args[3]), args[4])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv)
