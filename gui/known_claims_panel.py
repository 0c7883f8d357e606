"""Known Claims: claims checked elsewhere that appear in the article on screen.

The matcher runs off the GUI thread (KnownClaimsFinder), a moment after the article or its
claims change, so it never delays typing or tagging; its answer for an article no longer
on screen is dropped. The panel lists each suggestion with the claim's verdict, note and
where it was checked; one key accepts the selected one (the words become an appearance of
that claim), another dismisses it (never suggested again for those words).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.plain_text import plain_label, plain_tip
from gui.session import Session
from gui.table_columns import fit_columns, own_direction_cells, text_alignment
from gui.tasks import Task
from store.core.records import KnownClaimHit, KnownClaimsFound

Index = QModelIndex | QPersistentModelIndex
SETTLE_MS = 400  # after the last change, before the matcher runs


class KnownClaimsModel(QAbstractTableModel):
    COLUMNS = ("words", "verdict", "checked", "note", "score")

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.hits: list[KnownClaimHit] = []
        self.text = ""
        self._headers = (self.tr("Words here"), self.tr("Verdict"), self.tr("Checked in"),
                         self.tr("Note"), self.tr("Match"))

    def set_hits(self, text: str, hits: list[KnownClaimHit]) -> None:
        self.beginResetModel()
        self.text, self.hits = text, list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit, column = self.hits[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "words":
                return " ".join(self.text[hit.start:hit.end].split())
            if column == "verdict":
                return self.session.label_name(hit.claim.label)
            if column == "checked":
                return "، ".join(hit.checked_in)
            if column == "note":
                return " ".join(hit.claim.note.split())
            return f"{hit.suggestion.score:.0%}"
        if role == Qt.ItemDataRole.ToolTipRole and column in ("words", "note", "checked"):
            return plain_tip({"words": hit.claim.quote, "note": hit.claim.note,
                              "checked": "\n".join(hit.checked_in)}[column])
        if role == Qt.ItemDataRole.DecorationRole and column == "verdict":
            label = self.session.label(hit.claim.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("words", "checked", "note"):
            return text_alignment(self.data(index))
        return None



class KnownClaimsPanel(QWidget):
    chosen = Signal(object)  # the KnownClaimHit picked in the list
    acceptRequested = Signal()
    dismissRequested = Signal()
    chosenGone = Signal(object)  # the KnownClaimHit chosen, gone from a new answer

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("knownClaimsPanel")
        self._read_only = session.read_only
        self.model = KnownClaimsModel(session, self)
        self.view = QTableView()
        self.view.setObjectName("knownClaimsView")
        own_direction_cells(self.view)
        self.view.setAccessibleName(self.tr("Claims checked elsewhere that appear here"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab goes on to Accept and Dismiss; arrows move
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setAccessibleName(self.tr("Known claim columns"))
        # A right click or the Menu key on a row: Accept, Dismiss (the window sets it).
        self.row_actions: Callable[[], Sequence[QAction]] = list
        fit_columns(self.view, (0, 90, 110, 160, 60), stretch=0, hidden=(3,),
                    key="knownClaims", names=KnownClaimsModel.COLUMNS,
                    row_actions=lambda: self.row_actions())
        self.summary = plain_label()
        self.summary.setObjectName("knownClaimsSummary")
        self.summary.setAccessibleDescription(self.tr("Known claims found"))
        self.summary.setWordWrap(True)  # wraps in a narrow dock rather than widen the window
        self.accept_button = QPushButton(self.tr("Accept (Y)"))
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.setAccessibleName(
            self.tr("Accept: these words are the claim checked elsewhere"))
        self.dismiss_button = QPushButton(self.tr("Dismiss (X)"))
        self.dismiss_button.setObjectName("dismissSuggestion")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss: never suggest it here again"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.dismiss_button.clicked.connect(self.dismissRequested)
        self._complete: bool | None = None  # no answer yet
        self._quiet = False  # choosing again after a new answer: the reader stays
        self._picked: KnownClaimHit | None = None  # the person's choice in this article
        self._gone = False  # ... not in the list now: Y and X take no other in its place
        self.set_hits("", [])

    def set_hits(self, text: str, hits: list[KnownClaimHit],
                 complete: bool | None = True) -> None:
        """Show the matcher's answer (*complete* None: none, the list empty meanwhile).
        It comes again a moment after every edit, mostly the same: an answer that
        changes nothing changes nothing here either, and one that does keeps the
        suggestion the person had chosen, while it is still found. One no longer found
        (a colleague accepted or dismissed it) is said, and Y and X take no other until
        the person chooses again: they took the first row, other words perhaps out of
        view (rv224)."""
        if (text, hits, complete) == (self.model.text, self.model.hits, self._complete):
            return
        if text != self.model.text:
            self._picked, self._gone = None, False  # another article: nothing chosen
        self._complete = complete
        self.model.set_hits(text, hits)
        if self._picked is not None and complete is not None:
            found = self._choose_quietly(self._picked)
            if not found and not self._gone:
                self.chosenGone.emit(self._picked)
            self._gone = not found
        if complete is None:
            summary = ""  # (the caller says why)
        elif not complete:
            summary = self.tr("%n known claim(s) in this article, from the first places "
                              "found: it repeats known claims too often to search it all.",
                              "", len(hits))
        elif hits:
            summary = self.tr("%n known claim(s) in this article", "", len(hits))
        else:
            summary = self.tr("No claim checked elsewhere appears here.")
        self.summary.setText(summary)
        for button in (self.accept_button, self.dismiss_button):  # (as the Tag menu's)
            button.setEnabled(bool(hits) and not self._read_only)
        # An empty list is no stop for Tab: every round stopped there, and showed nothing
        # to say it had the focus (the empty claims table is skipped too).
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus if hits else Qt.FocusPolicy.NoFocus)

    def looking(self, text: str) -> None:
        """An article just shown, its answer not come yet: the panel said «No claim checked
        elsewhere appears here» for the half second the matcher was still looking (and a
        screenshot caught it so)."""
        self.set_hits(text, [], None)
        self.summary.setText(self.tr("Looking for claims checked elsewhere…"))

    def failed(self, text: str, said: str) -> None:
        """The search could not be made: said so, not «No claim checked elsewhere appears
        here» (a false all-clear, rv146)."""
        self.set_hits(text, [], None)
        self.summary.setText(said)

    def hits(self) -> list[KnownClaimHit]:
        return self.model.hits

    def drop(self, hit: KnownClaimHit) -> None:
        """A suggestion accepted or dismissed leaves the list at once (it stayed, chosen,
        until the matcher's next answer a moment later); the one after it is chosen, for
        the next Y or X."""
        if hit not in self.model.hits:
            return
        row = self.model.hits.index(hit)
        left = [h for h in self.model.hits if h is not hit]
        self._picked = None  # (taken: not gone unsaid)
        self.set_hits(self.model.text, left, self._complete)
        if left:
            self.choose(left[min(row, len(left) - 1)])

    def labels_changed(self) -> None:
        """A verdict's name or colour changed: the rows show it."""
        if self.model.hits:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(
                len(self.model.hits) - 1, len(self.model.COLUMNS) - 1))

    def current_hit(self) -> KnownClaimHit | None:
        """The selected suggestion, else the first (the best) while none was chosen:
        none, after the one chosen went (chosen_gone)."""
        chosen = self._chosen()
        if chosen is not None or self._gone:
            return chosen
        return self.model.hits[0] if self.model.hits else None

    def chosen_gone(self) -> bool:
        """The suggestion the person chose is no longer in the list, nor another chosen."""
        return self._gone

    def _chosen(self) -> KnownClaimHit | None:
        """The suggestion the person chose (None: nothing chosen)."""
        index = self.view.selectionModel().currentIndex()
        if index.isValid() and 0 <= index.row() < len(self.model.hits):
            return self.model.hits[index.row()]
        return None

    def _choose_quietly(self, chosen: KnownClaimHit) -> bool:
        """Choose the suggestion again after the list changed (the same claim on the same
        words, in the new answer), without the reader going to it (it is where the person
        left it)."""
        hit = next((h for h in self.model.hits
                    if (h.claim_id, h.start, h.end) == (chosen.claim_id, chosen.start,
                                                        chosen.end)), None)
        if hit is None:
            return False
        self._quiet = True
        try:
            self.choose(hit)
        finally:
            self._quiet = False
        self._picked = hit
        return True

    def choose(self, hit: KnownClaimHit) -> None:
        if hit in self.model.hits:
            # Not QTableView.selectRow: with a column hidden in a right-to-left table it
            # selects nothing (Qt 6.11).
            self.view.selectionModel().setCurrentIndex(
                self.model.index(self.model.hits.index(hit), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid() and 0 <= current.row() < len(self.model.hits):
            self._picked, self._gone = self.model.hits[current.row()], False
            self.chosen.emit(self._picked)


class KnownClaimsFinder(QObject):
    """Runs the matcher for an article in a worker thread, one run at a time, a moment
    after the last request; the newest request wins."""

    found = Signal(str, object)  # article id, KnownClaimsFound
    failed = Signal(str)  # a one-line message: the search could not be made

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._wanted: str | None = None
        self._running: Task | None = None
        self._again = False
        self._asked = 0  # requests so far: a run's answer counts only if none came after it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)
        self._closed = False
        self._retried = -1  # the request a failed run was made again for

    def request(self, article_id: str | None) -> None:
        self._wanted = article_id
        self._asked += 1
        if self._running is not None:
            self._running.cancel()  # its answer would be dropped: stop spending on it
        if article_id is not None and not self._closed:
            self._timer.start()

    def _start(self) -> None:
        if self._running is not None:
            self._again = True  # asked again meanwhile: run once more when this one ends
            return
        if self._wanted is None or self._closed:
            return
        article_id = self._wanted
        if self.session.path is None:  # a project in memory has no worker connection
            return
        asked = self._asked
        task = Task(lambda _progress: self.session.find_known_claims(
            article_id, stop=lambda: task.cancelled), self)
        task.succeeded.connect(lambda found: self._answer(asked, article_id, found))
        task.failed.connect(lambda said: self._failed(asked, said))
        task.done.connect(self._finished)
        task.done.connect(task.deleteLater)
        self._running = task
        task.start()

    def _answer(self, asked: int, article_id: str, found: KnownClaimsFound | None) -> None:
        """Show a run's hits unless the article or its claims changed since it started:
        stale offsets would outline, and let Y accept, the wrong words."""
        if asked == self._asked and found is not None:
            self.found.emit(article_id, found)

    def _failed(self, asked: int, said: str) -> None:
        """Say why the search could not be made, and make it once more: a matcher's
        process that died is started again by the next search, and the article on
        screen went without its known claims until the person changed something."""
        if self._closed:
            return
        self.failed.emit(said)
        if asked == self._asked and self._retried != asked:
            self._retried = asked
            self._again = True  # (run again as it ends: _finished)

    def _finished(self) -> None:
        self._running = None
        if self._again and not self._closed:
            self._again = False
            self._start()

    def busy(self) -> bool:
        """A run asked for, under way, or still to come (a screenshot waits for none)."""
        return self._timer.isActive() or self._running is not None

    def wait(self, timeout: float = 30.0) -> None:
        """Let a run in progress finish (tests, and closing the project)."""
        if self._running is not None:
            self._running.wait(timeout)

    def shutdown(self) -> None:
        self._closed = True
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()  # the window is closing: no answer is wanted
            # A run blocked writing to a child that reads no more (stopped: its input
            # pipe full) sees no cancel: the child ended, its write fails (the window
            # waited 30 s for it at quit, rv146).
            self.session.end_matcher()
        self.wait()
