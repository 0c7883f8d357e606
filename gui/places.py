"""The places of the article on screen, read a part at a time.

Reading the 50,000 places of a long article took a third of a second, most of it
before the first paint, though the reader shows a screenful and the claims table a page.
An :class:`ArticlePlaces` reads the places in reading order by ranges of the text: what
the reader asks for as paragraphs come into view (:meth:`read_until`), what the table
shows first (:meth:`read_at_least`), then the rest after the first paint, a part per
turn of the event loop (:meth:`start`), each part announced with ``arrived``. Anything
that needs every place (a sort, a filter, selecting a claim, the panels, a change to the
claims) calls :meth:`read_all`, which reads what is left at once; the session does so
before it announces any change, so no view ever holds part of the places and a change.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from store.collector import no_collection
from store.core.records import Place

if TYPE_CHECKING:
    from collections.abc import Callable

READ_AHEAD = 8192  # code points read past the paragraph the reader asks for
STEP_MS = 12  # the reading of one part after the first paint: within a frame
STEP_PLACES = 4000  # places in the first part (about STEP_MS); the next follow its pace
WAIT_FOR_PAINT_MS = 200  # a window that does not paint (minimised) reads the rest anyway


class ArticlePlaces(QObject):
    """An article's live places (:class:`store.core.records.Place`), in reading order.

    Every place starting before :attr:`until` (a code point offset) has been read, and
    nothing else; each read adds the places of the next range and emits ``arrived``
    with them, so a view appends them after those it holds.
    """

    arrived = Signal(object)  # list[Place]: the next places in reading order
    completed = Signal()  # every place is read

    def __init__(self, read: Callable[..., list[Place]] | None, length: int,
                 parent: QObject | None = None):
        """*read(start_from, start_before, limit)*: the places starting in that range
        (``appearances.list_places``, as ``Session.open_places`` hands it); *length*: the
        text's, in code points."""
        super().__init__(parent)
        self._read = read
        self._length = length
        self._places: list[Place] = []
        self.until = 0
        self._done = read is None
        self._width = 0  # code points per part: set by the first (see _step)
        self._painted: SignalInstance | None = None  # whose emission starts the reading
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    @classmethod
    def of(cls, places: list[Place], parent: QObject | None = None) -> ArticlePlaces:
        """Places read already, whole."""
        done = cls(None, 0, parent)
        done._places = list(places)
        return done

    @property
    def complete(self) -> bool:
        """Whether every place is read (``completed`` was emitted)."""
        return self._done

    def so_far(self) -> list[Place]:
        """The places read until now, in reading order."""
        return self._places

    # -- reading ---------------------------------------------------------------------
    def read_until(self, offset: int) -> None:
        """Read every place starting before *offset* (and a little further)."""
        if self.reading and offset > self.until:
            self._take(max(offset, self.until + READ_AHEAD))

    def read_at_least(self, count: int) -> None:
        """Read until *count* places are read (or all are)."""
        while self.reading and len(self._places) < count:
            wanted = count - len(self._places)
            ahead = self._read(self.until, None, wanted + 1)
            if len(ahead) <= wanted:  # fewer than asked for: they are the last
                self._add(ahead, None)
                return
            last = ahead[-1].start  # places sharing it may lie past the limit: not yet
            if last > self.until:
                self._add([p for p in ahead if p.start < last], last)
            else:
                self._take(self.until + 1)

    def read_all(self) -> None:
        """Read every place left, now (a stopped reading reads no more)."""
        if self.reading:
            self._timer.stop()
            with no_collection():  # thousands of tuples, none in a cycle
                self._add(self._read(self.until, None, None), None)

    def start(self) -> None:
        """Read the rest a part at a time, a part per turn of the event loop."""
        if self.reading and not self._timer.isActive():
            self._timer.start(0)

    def start_after_paint(self, painted: SignalInstance) -> None:
        """:meth:`start` once *painted* is emitted (the reader's, at the end of a paint:
        the article's first picture comes first, and what that paint queued), or after
        WAIT_FOR_PAINT_MS if it is not (a minimised window)."""
        if self._done:
            return
        self._painted = painted
        painted.connect(self._after_paint)
        QTimer.singleShot(WAIT_FOR_PAINT_MS, self, self.start)

    def _after_paint(self) -> None:
        self._forget_paint()
        QTimer.singleShot(0, self, self.start)  # queued after what the paint queued

    def _forget_paint(self) -> None:
        if self._painted is not None:
            self._painted.disconnect(self._after_paint)
            self._painted = None

    @property
    def reading(self) -> bool:
        """Whether places are still to be read (other background work waits for them)."""
        return not self._done and not self._stopped

    def stop(self) -> None:
        """No more reading in the background (another article is shown)."""
        self._stopped = True
        self._timer.stop()
        self._forget_paint()

    def _step(self) -> None:
        if not self._width:  # the first part: STEP_PLACES at the density read so far
            density = len(self._places) / self.until if self.until else 0
            self._width = int(STEP_PLACES / density) if density else READ_AHEAD
        began = time.perf_counter()
        with no_collection():
            self._take(self.until + max(READ_AHEAD, self._width))
        took = (time.perf_counter() - began) * 1000
        # The next part as wide as fits in STEP_MS at this part's pace (x4 at most).
        self._width = int(self._width * min(4.0, STEP_MS / max(took, 0.5)))
        if not self._done:
            self._timer.start(0)

    def _take(self, before: int) -> None:
        if before > self._length:  # the last part: whatever starts after the text too
            self._add(self._read(self.until, None, None), None)
        else:
            self._add(self._read(self.until, before, None), before)

    def _add(self, places: list[Place], until: int | None) -> None:
        """*places*: every place from :attr:`until` up to *until* (None: to the end)."""
        self._places.extend(places)
        if until is None:
            self._done = True
            self._timer.stop()
        else:
            self.until = until
        if places:
            self.arrived.emit(places)
        if self._done:
            self.completed.emit()


