"""The widgets and models of reviewing colleagues' work: annotator layers,
disagreements, agreement figures (gui.review_tools puts them in the window)."""

from __future__ import annotations

import zlib
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.icons import color_icon
from gui.plain_text import plain_action_text, plain_label, plain_tip
from gui.scroll_bars import steady_vertical_bar
from gui.table_columns import own_direction_cells, starting_side, text_alignment
from store.review.disagreements import Disagreement, pair_order
from store.text.display import by_name, isolated, isolated_name

GONE_KEPT = 100  # pairs gone while current, each made current again if an Undo brings it back


def annotator_colors(names: list[str]) -> dict[str, QColor]:
    """A colour per person, apart from the others': one of HUES steps of the hue circle,
    chosen by the name (a CRC, not hashlib: that loads OpenSSL, 3.4 MB the window
    otherwise never needs), so a person keeps it from article to article; a step another
    name here took gives way to the next free one. A hue taken straight from the hash
    gave Huda and Badr two greens 22° apart."""
    taken: dict[int, str] = {}
    for name in sorted(names):
        step = zlib.crc32(name.encode("utf-8")) % HUES
        while step in taken and len(taken) < HUES:
            step = (step + 1) % HUES
        taken.setdefault(step, name)
    steps = {name: step for step, name in taken.items()}
    return {name: QColor.fromHsl(steps.get(name, 0) * 360 // HUES, 150, 120) for name in names}


HUES = 12  # 30° apart


class LayersPanel(QWidget):
    """One checkbox per annotator: show or hide their claims in the reader and the table."""

    hiddenChanged = Signal(object)  # set[str] of hidden annotators

    def __init__(self, me: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layersPanel")
        self.me = me
        self.list = QListWidget()
        self.list.setObjectName("annotatorLayers")
        own_direction_cells(self.list, checkable=True)  # a Latin name keeps its order
        self.list.setAccessibleName(self.tr("Annotators: tick to show their claims"))
        mine = QPushButton(self.tr("Mine Only"))
        mine.setObjectName("layersMineOnly")
        mine.setAccessibleName(self.tr("Show only my claims"))
        everyone = QPushButton(self.tr("Everyone"))
        everyone.setObjectName("layersEveryone")
        everyone.setAccessibleName(self.tr("Show everyone's claims"))
        buttons = QHBoxLayout()
        buttons.addWidget(mine)
        buttons.addWidget(everyone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.hidden: set[str] = set()
        self._mine_only = False  # annotators who come later are hidden too
        self._shown: tuple[list[str], str, set[str]] | None = None  # the list's names, me, hidden
        self.list.itemChanged.connect(self._item_changed)
        mine.clicked.connect(self.mine_only)
        everyone.clicked.connect(self.everyone)

    def set_annotators(self, names: list[str]) -> None:
        """The annotators of the article shown. After Mine Only, those new to the list
        (a long article's places still being read, a colleague's file merged) come
        hidden: Mine Only shows the person's own claims, not those of everyone known
        when it was clicked."""
        names = sorted(set(names) | ({self.me} if self.me else set()), key=by_name)
        others = {name for name in names if name != self.me}
        if self._mine_only and not others <= self.hidden:
            self.hidden |= others
            self._fill(names)
            self.hiddenChanged.emit(set(self.hidden))
            return
        self._fill(names)

    def _fill(self, names: list[str]) -> None:
        shown = (names, self.me, self.hidden)
        if shown == self._shown:
            return  # as the list shows: an edit rarely brings a new annotator
        self._shown = (names, self.me, set(self.hidden))
        self.list.blockSignals(True)
        self.list.clear()
        colors = annotator_colors(names)
        for name in names:
            # One's own name isolated (U+2068...U+2069): "(you)" then reads after it in
            # the interface's language, whichever script the name is in.
            # (tr outside the f-string: pyside6-lupdate reads no call inside one, and
            # dropped the string from the translations)
            you = self.tr(" (you)")
            label = f"{isolated(name)}{you}" if name == self.me else name
            item = QListWidgetItem(color_icon(colors[name], 12), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in self.hidden
                               else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_hidden(self, hidden: set[str]) -> None:
        self.hidden = set(hidden)
        self.set_annotators(self.names())
        self.hiddenChanged.emit(set(self.hidden))

    def take_layers_of(self, other: LayersPanel) -> None:
        """The layers *other* hides (the window this one replaces in another language),
        and those Mine Only will hide: a colleague hidden for a blind review showed
        again after a language switch (rv259)."""
        self._mine_only = other._mine_only
        self.set_hidden(other.hidden)

    def show_layer(self, name: str) -> None:
        """*name* ticked again (a claim of theirs chosen): a layer of the person's own
        choosing, as a click on the box."""
        self._mine_only = False
        self.set_hidden(self.hidden - {name})

    def mine_only(self) -> None:
        self._mine_only = True
        self.set_hidden({n for n in self.names() if n != self.me})

    def everyone(self) -> None:
        self._mine_only = False
        self.set_hidden(set())

    def _item_changed(self, item: QListWidgetItem) -> None:
        self._mine_only = False  # a layer of the person's own choosing
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.hidden.discard(name)
        else:
            self.hidden.add(name)
        if self._shown is not None:  # as the list shows it now: a box ticked back by
            # Everyone was left unticked, its layer shown
            self._shown = (self._shown[0], self.me, set(self.hidden))
        self.hiddenChanged.emit(set(self.hidden))


def pair_ids(d: Disagreement) -> frozenset[str]:
    """Which pair *d* is, whatever its places now hold (either may now come first)."""
    return frozenset((d.first.id, d.second.id))


class DisagreementsModel(QAbstractTableModel):
    """Rows of disagreements: the shared words, then each side's annotator and verdict."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[Disagreement] = []
        self.text = ""
        self.label_name = str
        self.label_color: Callable[[str], str] = lambda _key: "#888888"
        self._headers = (self.tr("Words"), self.tr("First"), self.tr("Second"))

    def set_rows(self, rows: list[Disagreement], text: str, label_name: Callable[[str], str],
                 label_color: Callable[[str], str] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.text, self.label_name = rows, text, label_name
        if label_color is not None:
            self.label_color = label_color
        self.endResetModel()

    def apply(self, changes: list[tuple[list[Disagreement], list[Disagreement]]]) -> None:
        """Remove and insert the pairs of each change in turn (``DisagreementIndex.update``
        gives them), a few rows at a time: an article with 100,000 disagreements is not
        reset for one edit. The rows stay in the index's order. A pair that still holds
        (one side reviewed, noted, relabelled by a colleague) keeps its row, changed in
        place or moved: taken out and put back, its row being current, Qt made the
        neighbour current, and the Adopt buttons acted on another pair (rv203). Pairs
        added side by side (a new claim over several others: six or seven a tag at 50,000
        claims) go in as one block, one shift of the rows after them."""
        for added, removed in changes:
            holding = {pair_ids(d): d for d in added}
            for d in removed:
                at = bisect_left(self.rows, pair_order(d), key=pair_order)
                if not (at < len(self.rows) and self.rows[at] is d):
                    continue
                now = holding.pop(pair_ids(d), None)
                if now is not None:
                    self._put_in_place(at, now)
                    continue
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at]
                self.endRemoveRows()
            added = sorted((d for d in added if holding.get(pair_ids(d)) is d), key=pair_order)
            first = 0
            while first < len(added):
                at = bisect_left(self.rows, pair_order(added[first]), key=pair_order)
                after = pair_order(self.rows[at]) if at < len(self.rows) else None
                last = first + 1  # the block: every pair that sorts before the row at *at*
                while last < len(added) and (after is None
                                             or pair_order(added[last]) <= after):
                    last += 1
                self.beginInsertRows(QModelIndex(), at, at + last - first - 1)
                self.rows[at:at] = added[first:last]
                self.endInsertRows()
                first = last

    def _put_in_place(self, at: int, d: Disagreement) -> None:
        """The pair at row *at* as it is now: in place, or moved where its order puts it
        (a side's words moved), the view's current row going with it."""
        to = bisect_left(self.rows, pair_order(d), key=pair_order)  # (the old one still in)
        if to not in (at, at + 1):
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), to)
            del self.rows[at]
            at = to - 1 if to > at else to
            self.rows.insert(at, d)
            self.endMoveRows()
        else:
            self.rows[at] = d
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                start, end = row.span
                words = self.text[start:end]
                return words if role == Qt.ItemDataRole.DisplayRole else plain_tip(words)
            if role == Qt.ItemDataRole.TextAlignmentRole:  # Arabic at the right, as quotes
                start, end = row.span
                return text_alignment(self.text[start:end])
            return None
        claim = row.first if index.column() == 1 else row.second
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The verdict first: a narrow panel (a large font) cut «colleague: Verif…» to
            # «colleague: …», the name kept and the verdict, what the row is about, gone.
            said = f"{self.label_name(claim.label)} ({isolated_name(claim.annotator)})"
            return said if role == Qt.ItemDataRole.DisplayRole else plain_tip(said)
        if role == Qt.ItemDataRole.DecorationRole:  # the verdict's colour, as everywhere:
            return QColor(self.label_color(claim.label))  # a person's read as a verdict
        return None


class PairsView(QTableView):
    """The table of disagreements. An edit changes the pairs around its claim, most often
    far below the rows in view (an article of 50,000 claims can hold 100,000 pairs), yet
    Qt lays a table out again after rows come or go and repaints every row it shows,
    though none of them moved: the panel's largest cost in an edit. Rows that come or go
    past the last one in view (:meth:`changing`) are laid out quietly: the scroll bar
    follows them, the rows in view are not painted again. Not at the end of the rows,
    before or after: scrolling by rows, Qt lines the last row up with the bottom edge
    there and the first row in view with the top edge elsewhere, so the rows in view
    move."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        steady_vertical_bar(self)  # the rows an edit adds below do not move its handle
        self._below = -1  # during changing(): the last row in view (-1: any change shows)
        self._quiet = False  # the next layout repaints nothing (every change was below)
        self._changed = False  # whether rows came or went during changing()

    def setModel(self, model: QAbstractTableModel) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        model.rowsInserted.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.rowsMoved.connect(self._row_moved)
        model.modelAboutToBeReset.connect(self._forget_quiet)

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Rows are inserted and removed inside: quietly if all of them lie below the
        rows in view."""
        self._quiet = self._changed = False
        bar = self.verticalScrollBar()
        # -1: any change shows (the rows end in view, or the view is at their end)
        self._below = self.rowAt(self.viewport().height() - 1) \
            if bar.value() < bar.maximum() else -1
        try:
            yield
        finally:
            self._quiet = self._below >= 0 and self._changed
            self._below = -1

    def _rows_changed(self, _parent: QModelIndex, first: int, _last: int) -> None:
        self._changed = True
        if first <= self._below:
            self._below = -1  # rows in view moved: laid out and painted as Qt does

    def _row_moved(self, parent: QModelIndex, first: int, last: int,
                   _destination: QModelIndex, row: int) -> None:
        self._rows_changed(parent, min(first, row), last)

    def _forget_quiet(self) -> None:
        self._quiet = False

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt's name
        if self._quiet:
            self._quiet = False
            bar = self.verticalScrollBar()
            value = bar.value()
            self.updateGeometries()  # the scroll bar's range
            if bar.value() == value < bar.maximum():  # not brought to the end
                header = self.verticalHeader()  # QTableView pauses it while rows go
                if not header.updatesEnabled():
                    header.setUpdatesEnabled(True)
                return
        super().doItemsLayout()


class DisagreementsPanel(QWidget):
    """Overlapping claims with different verdicts, side by side; one click adopts a verdict."""

    adopt = Signal(str, str)  # winning claim id, claim to relabel
    show = Signal(int, int)  # code-point span to select in the reader
    claimChosen = Signal(str)  # the place of the row's side to choose, as a click on it
    # A row made current again by an Undo: the place of its side to choose, then the
    # other side's (either chosen already is left so), chosen without a word said.
    claimBack = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("disagreementsPanel")
        self.model = DisagreementsModel(self)
        self.table = PairsView()
        self.table.setObjectName("disagreementsView")
        own_direction_cells(self.table)
        self.table.setAccessibleName(self.tr("Disagreements between annotators"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the Adopt buttons; arrows move
        # The words and each side share the width: the last column alone took what the
        # others did not need, and «colleague: موضع خلاف» broke in two in the narrow First.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setAccessibleName(self.tr("Disagreement columns"))
        self.table.verticalHeader().setVisible(False)
        self.adopt_first = QPushButton(self.tr("Adopt First Verdict"))
        self.adopt_first.setObjectName("adoptFirst")
        self.adopt_first.setAccessibleName(self.tr("Give both claims the first verdict"))
        self.adopt_second = QPushButton(self.tr("Adopt Second Verdict"))
        self.adopt_second.setObjectName("adoptSecond")
        self.adopt_second.setAccessibleName(self.tr("Give both claims the second verdict"))
        self._none = self.tr("No disagreements in this article.")
        self._kept: Disagreement | None = None  # the pair current when the rows went
        # The pairs whose row went while current (an Adopt, a side relabelled to agree),
        # the latest last, with the column that was current: one an Undo brings back is
        # made current again (fx108), and shown as a click on that cell shows it (fx113).
        self._gone: deque[tuple[frozenset[str], int]] = deque(maxlen=GONE_KEPT)
        self._rows_moving = False  # the current row moved by the rows: not shown by itself
        self.empty = plain_label(self._none)
        # (wrapped, and alone when shown: on one line beside the buttons it widened the
        # window the panel was opened in, 800 px to 864)
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty, 1)
        buttons.addWidget(self.adopt_first)
        buttons.addWidget(self.adopt_second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        # (any cell: Left and Right go from one side's claim to the other's)
        self.table.selectionModel().currentChanged.connect(self._current_moved)
        self.table.clicked.connect(self._show_row)
        self.adopt_first.clicked.connect(lambda: self.adopt_row(self.current_row(), first=True))
        self.adopt_second.clicked.connect(
            lambda: self.adopt_row(self.current_row(), first=False))
        self._update_buttons()

    @property
    def rows(self) -> list[Disagreement]:
        return self.model.rows

    def set_disagreements(self, rows: list[Disagreement], text: str,
                          label_name: Callable[[str], str],
                          label_color: Callable[[str], str] | None = None) -> None:
        """The rows anew (another article, one read again, the panel opened). A pair
        gone while current that is among them is made current and shown, as when an
        edit brings it back (:meth:`_bring_back_current`): an Undo of its Adopt made
        after going to another article goes back to its article, whose rows are set
        anew, and the pair came back with no row current, nothing selected in the
        reader, no claim chosen and the Adopt buttons greyed (rv285). Otherwise the
        pair current before, if it holds."""
        kept, self._kept = self._current_pair() or self._kept, None
        self.model.set_rows(rows, text, label_name, label_color)
        if not self._bring_back_current(rows) and kept is not None:
            self._make_current(kept)
        self.empty.setText(self._none)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def set_waiting(self) -> None:
        """No rows, while the article's places are still being read: said so."""
        self._kept = self._current_pair() or self._kept
        self.model.set_rows([], "", self.model.label_name)
        self.empty.setText(self.tr("Looking for disagreements…"))
        self.empty.setVisible(True)
        self._update_buttons()

    def apply_changes(self, changes: list[tuple[list[Disagreement], list[Disagreement]]]
                      ) -> None:
        """The pairs edits added and removed since the rows were set."""
        before, column = self._current_pair(), self.table.currentIndex().column()
        with self.table.changing(), self._moved_by_rows():
            self.model.apply(changes)
        now = self._current_pair()
        if before is not None and (now is None or pair_ids(now) != pair_ids(before)):
            # (Qt made its neighbour current, or none)
            self._gone.append((pair_ids(before), column))
        self._bring_back_current(d for added, _removed in changes for d in added)
        self.empty.setVisible(not self.rows)
        self._update_buttons()

    def _bring_back_current(self, back: Iterable[Disagreement]) -> bool:
        """A pair whose row went while current, back (Adopt, then Undo): its row current
        again. It came back under the neighbour Qt had made current when it went, or under
        none with the last pair settled, the Adopt buttons greyed, and they acted on
        another pair or waited for the row to be chosen again (fx108). The latest gone of
        those back, as a pair kept through changes is (:meth:`_make_current`), and shown
        as a click on it shows it: its words selected in the reader, its claim chosen
        (the side of the column that was current). Made current alone, the reader and
        the editor stayed on the pair read meanwhile while the Adopt buttons acted on
        this one, and Adopt settled a pair the person was not reading (rv284). Its claim
        is chosen in silence (:attr:`claimBack`): the status line keeps what the Undo
        did, not «Chosen: …». Every pair back is gone no more: its entries are dropped,
        or one left would make its row current when it next came back from going while
        another was current (rv285). Whether one was made current."""
        if not self._gone:
            return False
        gone = {ids for ids, _column in self._gone}
        back = {ids: d for d in back if (ids := pair_ids(d)) in gone}
        if not back:
            return False
        latest = next(entry for entry in reversed(self._gone) if entry[0] in back)
        self._gone = deque((entry for entry in self._gone if entry[0] not in back),
                           maxlen=GONE_KEPT)
        ids, column = latest
        if (at := self._make_current(back[ids], column)) < 0:
            return False
        pair = self.rows[at]
        side, other = ((pair.second, pair.first) if column == 2
                       else (pair.first, pair.second))
        self.show.emit(*pair.span)
        self.claimBack.emit(side.id, other.id)
        return True

    def forget_gone(self) -> None:
        """The rows are no longer kept up to date (the panel closed, an edit made
        meanwhile): the pairs gone from them are forgotten. One an Undo brought back
        then was made current when the panel was opened again, taking the reader's
        selection from the words read since; kept, it made its row current when it next
        came back from going while another row was current (rv285)."""
        self._gone.clear()

    def current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def _current_pair(self) -> Disagreement | None:
        row = self.current_row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @contextmanager
    def _moved_by_rows(self) -> Iterator[None]:
        """The current row moved here by the rows changing, not by the person: not shown
        (:meth:`_current_moved`)."""
        self._rows_moving = True
        try:
            yield
        finally:
            self._rows_moving = False

    def _make_current(self, kept: Disagreement, column: int = 0) -> int:
        """The pair that was current before the rows were set anew (a colleague's write
        arriving reads the article again) current again, if it still holds: the rows
        reset, no pair was current, and the Adopt buttons went idle under the person
        settling it. Looked for where its order puts it, then (its words moved) along
        the rows, which were just read whole. Its row, or -1 (gone); *column*'s cell
        current."""
        ids = pair_ids(kept)
        at = bisect_left(self.rows, pair_order(kept), key=pair_order)
        if not (at < len(self.rows) and pair_ids(self.rows[at]) == ids):
            at = next((n for n, d in enumerate(self.rows) if pair_ids(d) == ids), -1)
        if at < 0:
            return at
        with self._moved_by_rows():  # (the reader keeps its selection, as for an edit)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(at, max(column, 0)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        return at

    def adopt_row(self, row: int, *, first: bool) -> None:
        """Make both claims of a disagreement carry one side's verdict."""
        if 0 <= row < len(self.rows):
            d = self.rows[row]
            winner, loser = (d.first, d.second) if first else (d.second, d.first)
            self.adopt.emit(winner.id, loser.id)

    def _show_row(self, index: QModelIndex) -> None:
        """Select the row's words in the reader (a click on a row, or the keys moving),
        and choose its claim, as a click on its words in the reader does: the Second
        column's cell the second side's, any other the first's. The words alone were
        selected, the claims table and the editor left at «no claim selected», and the
        note and sources to read before adopting a verdict had to be looked for (rv282)."""
        if index.isValid() and index.row() < len(self.rows):
            pair = self.rows[index.row()]
            self.show.emit(*pair.span)
            self.claimChosen.emit((pair.second if index.column() == 2 else pair.first).id)

    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The arrow keys (or Page Down, Home…) moved to another row: its words are shown,
        as a click shows them; they were shown only for a click, so the keyboard went
        through the rows blind, and the Adopt buttons act on this row. Only while the
        table has the focus, and never for a row made current by the rows changing (an
        adopted pair gone, a colleague's edit): it must not take the reader's selection
        from the words the person is tagging, nor put «Chosen: …» over what the Adopt
        just settled. Focus alone told them apart only where a button takes the focus
        when clicked: where it does not (macOS), the table kept it, and the row after
        an adopted pair was shown and its «Chosen» replaced the Adopt's words (rv284)."""
        if self.table.hasFocus() and not self._rows_moving:
            self._show_row(current)

    def _update_buttons(self, *_args: object) -> None:
        row = self.current_row()
        has = 0 <= row < len(self.rows)
        for button in (self.adopt_first, self.adopt_second):
            button.setEnabled(has)
            button.setVisible(bool(self.rows))  # (none to adopt: the words say so, alone)
        if has:
            d = self.rows[row]
            for button, claim in ((self.adopt_first, d.first), (self.adopt_second, d.second)):
                button.setText(self.tr("Adopt %s")
                               % plain_action_text(self.model.label_name(claim.label)))


class ReportDialog(QDialog):
    """A report of the store's, with the counts it comes from: its sentences, and its
    indented lines (each annotator's counts, each pair's agreement) as a table, a name in
    one cell and its figures in the next. Set as lines of a fixed-width font, the report
    read as a dump, and in Arabic a line opening on a Latin name read «3 :layla»."""

    def __init__(self, lines: list[str], title: str, name: str, accessible: str,
                 parent: QWidget | None = None):
        from PySide6.QtWidgets import QTextBrowser

        from gui.dialogs import summary_html

        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.setWindowTitle(title)
        text = QTextBrowser()
        text.setObjectName(f"{name}Text")
        text.setAccessibleName(accessible)
        # Each sentence is one of the interface: in its direction, from its side.
        option = text.document().defaultTextOption()
        option.setTextDirection(self.layoutDirection())
        option.setAlignment(starting_side(self.layoutDirection()))
        text.document().setDefaultTextOption(option)
        text.setHtml(summary_html("\n".join(lines),
                                  self.layoutDirection() == Qt.LayoutDirection.RightToLeft))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialogs.fit_screen(self, 640, 420)


class AgreementDialog(ReportDialog):
    """Agreement figures for one article or the project (*scope*)."""

    def __init__(self, lines: list[str], scope: str, parent: QWidget | None = None):
        super().__init__(lines, self.tr("Agreement — %s") % scope, "agreement",
                         self.tr("Agreement report"), parent)


class SummaryDialog(ReportDialog):
    """The project in figures (Review ▸ Summary)."""

    def __init__(self, lines: list[str], parent: QWidget | None = None):
        super().__init__(lines, self.tr("Project Summary"), "summary",
                         self.tr("Project summary"), parent)
