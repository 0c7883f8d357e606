"""Qt item models over store results. They read; they never write."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from gui.cell_pictures import Looks
from gui.i18n import review_line
from gui.places import ArticlePlaces
from gui.plain_text import plain_tip
from gui.session import Session
from gui.table_columns import text_alignment
from store.collector import with_room
from store.core.links import readable_link
from store.core.records import Appearance, Place, Review
from store.core.stamps import shown_time
from store.errors import TahqiqError
from store.text.display import by_name
from store.text.fold import fold_for_index, fold_query

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
ArticleIdRole = Qt.ItemDataRole.UserRole + 2
# The roles the claims table answers, as ints (compared at every cell of every repaint)
_DISPLAY, _TOOLTIP, _DECORATION, _ALIGNMENT, _CLAIM_ID = map(int, (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole, ClaimIdRole))

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """The project's articles, oldest first, with their claim counts.

    Sized for 50,000 articles: the list of ids comes from an index (no text is read), a
    title is read with those around it when its row is first shown, a claim count only
    when its tooltip is (both kept until the list or that article's claims change: an
    edit asks nothing), and a change of the list moves, inserts or removes the rows that
    changed instead of refilling the view.
    """

    TITLES_AROUND = 32, 224  # rows read before and after a row shown, with it

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._titles: dict[str, str] = {}  # of the rows shown, and those around them
        self._counts: dict[str, tuple[int, int]] = {}  # claims, places
        session.articlesChanged.connect(self.reload)
        session.claimsReset.connect(self._recount_all)
        session.appearancesChanged.connect(self._recount)
        self.reload()

    def reload(self) -> None:
        """Catch up with the project's list: rows gone are removed, new ones inserted,
        those whose title changed repainted; a reordering (rare) resets."""
        ids = self.session.article_ids()
        shown, self._titles = self._titles, {}
        if not self._ids:  # the first fill: nothing to compare (14 ms of 50,000 rows)
            self.beginResetModel()
            self._set_ids(ids)
            self.endResetModel()
            return
        kept = set(ids) & set(self._ids)
        if [i for i in self._ids if i in kept] != [i for i in ids if i in kept]:
            self.beginResetModel()
            self._set_ids(ids)
            self.endResetModel()
            return
        for row in reversed(range(len(self._ids))):  # removals, last first
            if self._ids[row] not in kept:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        at = 0  # ids[at] and self._ids[at] stand for the same article from here on
        while at < len(ids):
            if ids[at] in kept:
                at += 1
                continue
            stop = at + 1  # new rows come in runs: one insertion per run
            while stop < len(ids) and ids[stop] not in kept:
                stop += 1
            self.beginInsertRows(QModelIndex(), at, stop - 1)
            self._ids[at:at] = ids[at:stop]
            self.endInsertRows()
            at = stop
        self._set_ids(self._ids)
        self._titles = self.session.article_titles(list(shown)) if shown else {}
        for article_id, title in self._titles.items():
            if title != shown[article_id]:
                row = self.index(self._row_of[article_id])
                self.dataChanged.emit(row, row)

    def _set_ids(self, ids: list[str]) -> None:
        self._ids = ids
        self._row_of = {article_id: row for row, article_id in enumerate(ids)}

    def title(self, row: int) -> str:
        """The title of the article at *row* ("" for one gone since the list was read)."""
        article_id = self._ids[row]
        title = self._titles.get(article_id)
        if title is None:
            if self.session.closed:  # a closed window's list, laid out again (a language
                return ""            # changed): nothing more is read from its project
            before, after = self.TITLES_AROUND
            around = self._ids[max(0, row - before):row + after]
            self._titles.update(self.session.article_titles(
                [i for i in around if i not in self._titles]))
            title = self._titles.setdefault(article_id, "")
        return title

    def _recount_all(self) -> None:
        """Many claims changed (a merge, another writer): counts are asked again."""
        self._counts.clear()

    def _recount(self, places: list[Appearance]) -> None:
        """Some claims changed: their articles' counts are asked again when shown."""
        for article_id in {a.article_id for a in places}:
            self._counts.pop(article_id, None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        article_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self.title(index.row())
            counts = self._counts.get(article_id)
            if counts is None:
                counts = self._counts[article_id] = self.session.live_counts(article_id)
            claims, places = counts
            said = self.tr("%n claim(s)", "", claims)
            if places != claims:  # one claim at two places is one claim, in two places
                said += " " + self.tr("(%n place(s))", "", places)
            return plain_tip(f"{title}\n{said}\n{article_id}")
        if role == ArticleIdRole:
            return article_id
        return None

    def row_of(self, article_id: str) -> int:
        return self._row_of.get(article_id, -1)

    def first_id(self) -> str | None:
        """The oldest article's id (None in an empty project)."""
        return self._ids[0] if self._ids else None

    def ids(self) -> list[str]:
        return list(self._ids)


class ClaimsTableModel(QAbstractTableModel):
    """The claims of the current article, one row per place a claim appears in it;
    updated row by row, not reset per edit.

    Rows are light places (``store.core.records.Place``: the words' span, verdict and
    who tagged them), which is all the order, the filters and the reader need. A quote
    is cut from the article's text, which the window holds (a live place's quote is
    ``text[start:end]``, as the store keeps it); a row is read in full (note, sources,
    times) only for a column showing them, with a window of its neighbours in one query.
    So an article with 50,000 claims opens and edits without 50,000 full records in
    memory, and a tag far from the last, which scrolls the table to rows it never
    showed, reads none of them. Sorting by a column the places lack reads them all.

    The model sorts itself with a key per column: a proxy would call data() tens of
    thousands of times to sort 5,000 claims. A changed claim moves to its sorted place,
    found by binary search on its key (no index rebuilt per edit).
    """

    COLUMNS = ("quote", "label", "note", "sources", "annotator", "review", "updated")
    FULL_COLUMNS = frozenset({"note", "sources", "updated"})  # sorting by them reads all
    WINDOW = 24  # rows read in full together until the view says how many it shows
    ABOVE = 2  # of them, rows above the one asked for (a view asks for its rows top down)
    KEPT = 4000  # full rows kept before the oldest reads are dropped (not while sorting)
    FIRST_ROWS = 100  # rows read before the first paint of a long article: a page and more
    MANY_CHANGED = 32  # places changed at once, beyond which their rows are found by a scan

    def __init__(self, session: Session, parent: QObject | None = None, *,
                 follow_resets: bool = True):
        """*follow_resets*: read every row again when another program wrote the project.
        A window that shows the article anew then (reading its places once, for the
        reader and the table) says False: the table read them twice, 50,000 places at
        once, before the window read them again."""
        super().__init__(parent)
        self.session = session
        self.article_id: str | None = None
        self._text = ""  # the article's, which the quotes are cut from
        self._claims: list[Place] = []
        self._reviews: dict[str, Review] = {}
        self._by_id: dict[str, Place] = {}  # the rows' places (a row is found by its key)
        self._full: dict[str, Appearance] = {}  # rows read in full
        self._filter_texts: dict[str, str] = {}  # what the text filter looks in, by row
        self._filter_texts_from = 0  # (prepare_filter_texts: the rows before it have them)
        self._source: ArticlePlaces | None = None  # the article's places, still coming
        self._sort_column = 0
        self._descending = False
        self._window = self.WINDOW
        self._rows: dict[str, int] = {}  # (refresh: the rows of many places changed)
        self._stayed: list[int] = []  # (refresh: rows updated where they stand, untold)
        session.appearancesChanged.connect(self.refresh)
        if follow_resets:
            session.claimsReset.connect(self.reload)
        session.labelsChanged.connect(self._labels_changed)
        self._headers = (self.tr("Quote"), self.tr("Verdict"), self.tr("Note"),
                         self.tr("Sources"), self.tr("Annotator"), self.tr("Review"),
                         self.tr("Last change"))

    def set_article(self, article_id: str | None,
                    claims: ArticlePlaces | list[Place] | list[Appearance] | None = None,
                    text: str | None = None) -> None:
        """Show an article's claims: its places as they are read (gui.places: the
        rows read so far, the others added at the end as they come), a list of them,
        or None to read them here; *text* is the article's (read here if not given)."""
        self.article_id = article_id
        self._text = self._article_text() if text is None else text
        self._detach()
        if isinstance(claims, ArticlePlaces):
            if self._sort_column or self._descending:  # another order: every row first
                claims.read_all()
            claims.read_at_least(self.FIRST_ROWS)
            if not claims.complete:
                self._source = claims
                claims.arrived.connect(self._arrived)
            claims = claims.so_far()
        self._reload(claims)

    def reload(self, claims: list[Place] | list[Appearance] | None = None) -> None:
        """Every row again (the project changed under the window: its text may have)."""
        self._detach()
        self._text = self._article_text()
        self._reload(claims)

    def _article_text(self) -> str:
        if self.article_id is None:
            return ""
        try:
            return self.session.article(self.article_id).text
        except TahqiqError:  # gone under the window: it shows another next
            return ""

    def _reload(self, claims: list[Place] | list[Appearance] | None) -> None:
        self.beginResetModel()
        if claims is None:
            claims = self.session.places_in(self.article_id) if self.article_id else []
        self._full = {c.id: c for c in claims if isinstance(c, Appearance)}
        self._filter_texts, self._filter_texts_from = {}, 0
        places = [c if isinstance(c, Place) else Place.of(c) for c in claims]
        self._reviews = self.session.current_reviews(self.article_id) if self.article_id else {}
        if self.COLUMNS[self._sort_column] in self.FULL_COLUMNS:
            self._read_all(places)
        if self._sort_column or self._descending or not _in_order(places):
            places.sort(key=self._key, reverse=self._descending)
        # else: the store lists places in reading order, the table's first order
        self._claims = with_room(places)  # (a tag inserts a row)
        self._by_id = {c.id: c for c in places}
        self.endResetModel()

    # -- rows still being read -----------------------------------------------------------
    def _arrived(self, places: list[Place]) -> None:
        """The article's next places in reading order: rows after every row held (the
        table is in reading order while they come: any other order, and any change,
        reads them all first)."""
        first = len(self._claims)
        self.beginInsertRows(QModelIndex(), first, first + len(places) - 1)
        self._claims.extend(places)
        self._by_id.update(zip(map(_PLACE_ID, places), places, strict=True))
        self.endInsertRows()
        if self._source is not None and self._source.complete:
            self._detach()

    def hold_all(self) -> None:
        """Every row, now (before anything that looks at all of them)."""
        if self._source is not None:
            self._source.read_all()
            self._detach()

    def _detach(self) -> None:
        if self._source is not None:
            self._source.arrived.disconnect(self._arrived)
            self._source = None
            with_room(self._claims)  # (extended by blocks: a tag inserts a row)

    # -- reading rows in full ------------------------------------------------------------
    def _full_of(self, place: Place) -> Appearance:
        full = self._full.get(place.id)
        if full is None:
            self._read_around(self._find(place))
            full = self._full[place.id]
        return full

    def set_rows_in_view(self, rows: int) -> None:
        """How many rows the view shows at once: a row read in full brings that many of
        its neighbours, not a fixed window. Each row read is two lookups in the project
        (its place, its claim): a tag in the short list of a 1280x820 window read 24
        rows for the five it shows, 0.7-1.5 ms of the tag."""
        self._window = max(rows, 1) + 2 * self.ABOVE

    def _read_around(self, row: int) -> None:
        """Read the rows around *row* in full, in one query: what the view shows from
        there, and a row or two either side."""
        if len(self._full) > self.KEPT and self.COLUMNS[self._sort_column] \
                not in self.FULL_COLUMNS:
            self._full.clear()
        low = max(0, row - self.ABOVE)
        wanted = [p.id for p in self._claims[low:low + self._window] if p.id not in self._full]
        self._full.update(self.session.appearances_by_id(wanted))

    def _read_all(self, places: list[Place]) -> None:
        missing = [p.id for p in places if p.id not in self._full]
        if missing:
            self._full.update(self.session.appearances_by_id(missing))

    def read_all(self) -> None:
        """Every row in full (before a text filter looks into every column)."""
        self.hold_all()
        self._read_all(self._claims)

    def prepare_filter_texts(self, limit: int) -> bool:
        """Make the text filter's words of the next *limit* rows (:meth:`filter_text`),
        reading them in full; True once every row has them. A text filter first typed
        over 50,000 claims made them all at once: 2 s with the window still."""
        self.hold_all()
        kept, rows = self._filter_texts, self._claims
        at = self._filter_texts_from  # (rows come and go: one passed by here has its
        todo = []  # words made when the filter asks, as before)
        while at < len(rows) and len(todo) < limit:
            if rows[at].id not in kept:
                todo.append(rows[at])
            at += 1
        self._filter_texts_from = at
        self._read_all(todo)
        for place in todo:
            self.filter_text(place)
        return at >= len(rows)

    # -- sorting ---------------------------------------------------------------------
    def _key(self, claim: Place) -> tuple:
        column = self.COLUMNS[self._sort_column]
        place = (claim.start, claim.end, claim.created, claim.id)  # the store's reading order
        if column == "label":
            label = self.session.label(claim.label)
            return (label.position if label else 1 << 30, *place)
        if column == "annotator":
            return (*by_name(claim.annotator), *place)
        if column == "review":
            review = self._reviews.get(claim.claim_id)
            return (review.decision if review else "", *place)
        if column in self.FULL_COLUMNS:
            full = self._full[claim.id]
            if column == "note":  # (as the filter reads it: «أحمد» beside «احمد»)
                return (fold_for_index(full.note.casefold()) or "", *place)
            if column == "sources":
                return (len(full.sources), *place)
            return (full.last_change, *place)
        return place

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.hold_all()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self.place_at(p.row()) for p in persistent]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self.COLUMNS[column] in self.FULL_COLUMNS:
            self._read_all(self._claims)
        self._claims.sort(key=self._key, reverse=self._descending)
        moved = [self.index(self._find(claim), p.column()) if claim else QModelIndex()
                 for p, claim in zip(persistent, held, strict=True)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _find(self, claim: Place) -> int:
        """The row of a place the model holds (as it holds it): binary search on its sort
        key; a key that changed under the model (a review or a label's position, when
        sorted by them) is found by a scan."""
        row = self._rows.get(claim.id)  # (refresh: where it stood before the change)
        if row is not None and row < len(self._claims) and self._claims[row].id == claim.id:
            return row
        key = self._key(claim)
        low, high = 0, len(self._claims)
        while low < high:
            middle = (low + high) // 2
            other = self._key(self._claims[middle])
            if (other > key) if self._descending else (other < key):
                low = middle + 1
            else:
                high = middle
        if low < len(self._claims) and self._claims[low].id == claim.id:
            return low
        return next(i for i, c in enumerate(self._claims) if c.id == claim.id)

    def _insertion_row(self, claim: Place) -> int:
        """Where *claim* belongs in the sorted list (binary search: few key calls)."""
        key = self._key(claim)
        low, high = 0, len(self._claims)
        while low < high:
            middle = (low + high) // 2
            other = self._key(self._claims[middle])
            before = other > key if self._descending else other < key
            if before or other == key:
                low = middle + 1
            else:
                high = middle
        return low

    # -- keeping up with the store ------------------------------------------------------
    def refresh(self, places: list[Appearance]) -> None:
        """Insert, update, move or remove the rows of the places that changed. A note
        saved on a Tag All claim of 3,000 places asked its review 3,000 times, sought
        each row and told the view of each: 0.8 s (rv243). Its review is asked once, the
        rows are found where they were, and the rows that stay are told at once."""
        # A review, or a new verdict making the claim's review one of an earlier verdict.
        statuses = {claim_id: self.session.current_review(claim_id)
                    for claim_id in dict.fromkeys(place.claim_id for place in places)}
        if len(places) > self.MANY_CHANGED:
            self._rows = {place.id: row for row, place in enumerate(self._claims)}
        try:
            for place in places:
                self._refresh_row(place, statuses[place.claim_id])
        finally:
            self._rows = {}
            self._tell_stayed()

    def _tell_stayed(self) -> None:
        """One dataChanged over the rows updated where they stand (before rows move)."""
        if self._stayed:
            low, high = min(self._stayed), max(self._stayed)
            self._stayed = []
            self.dataChanged.emit(self.index(low, 0), self.index(high, len(self.COLUMNS) - 1))

    def _refresh_row(self, changed: Appearance, status: Review | None) -> None:
        self._filter_texts.pop(changed.id, None)
        held = self._by_id.get(changed.id)
        row = self._find(held) if held is not None else None
        before = self._reviews.get(changed.claim_id)
        if status is not None:
            self._reviews[changed.claim_id] = status
        else:
            self._reviews.pop(changed.claim_id, None)
        alive = not changed.is_deleted and changed.article_id == self.article_id
        place = Place.of(changed)
        if row is not None and alive and self.COLUMNS[self._sort_column] == "review" \
                and self._reviews.get(changed.claim_id) != before:
            # Every row of the claim took its new review at once, the rows of its other
            # places too: a row moved alone would be placed among rows out of order.
            self._by_id[place.id] = place
            self._full[place.id] = changed
            self._claims[row] = place
            self._tell_stayed()
            self.sort(self._sort_column, Qt.SortOrder.DescendingOrder if self._descending
                      else Qt.SortOrder.AscendingOrder)
            return
        if row is not None and not alive:
            self._tell_stayed()
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._claims[row]
            del self._by_id[place.id]
            self._full.pop(place.id, None)
            self.endRemoveRows()
        elif row is not None:
            self._by_id[place.id] = place
            self._full[place.id] = changed
            self._update_row(row, place)
        elif alive:
            self._full[place.id] = changed
            row = self._insertion_row(place)
            self._tell_stayed()
            self.beginInsertRows(QModelIndex(), row, row)
            self._claims.insert(row, place)
            self._by_id[place.id] = place
            self.endInsertRows()

    def _update_row(self, row: int, claim: Place) -> None:
        if self._in_place(row, claim):  # (a note, a source: no key moves)
            self._claims[row] = claim
            self._stayed.append(row)
            return
        del self._claims[row]
        target = self._insertion_row(claim)
        self._claims.insert(row, claim)
        destination = target if target <= row else target + 1  # in pre-move numbering
        self._tell_stayed()
        if destination not in (row, row + 1):
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            del self._claims[row]
            self._claims.insert(target, claim)
            self.endMoveRows()
            row = target
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _in_place(self, row: int, claim: Place) -> bool:
        """Whether *claim*, changed, still sorts between its row's neighbours."""
        key = self._key(claim)
        after = (lambda a, b: a > b) if self._descending else (lambda a, b: a < b)
        return (row == 0 or after(self._key(self._claims[row - 1]), key)) and (
            row == len(self._claims) - 1 or after(key, self._key(self._claims[row + 1])))

    def _labels_changed(self) -> None:
        self._filter_texts, self._filter_texts_from = {}, 0  # (a verdict's name is in them)
        if self._claims:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._claims) - 1, 1))

    def claims(self) -> list[Place]:
        """Every claim of the article as places (light records), hidden layers included,
        in table order; :meth:`claim_at` reads one in full."""
        self.hold_all()
        return list(self._claims)

    def review_of(self, claim_id: str) -> Review | None:
        """A claim's status (by the claim's id): its newest review that still stands."""
        return self._reviews.get(claim_id)

    def place_at(self, row: int) -> Place | None:
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def claim_at(self, row: int) -> Appearance | None:
        """The row's place in full (read with its neighbours if it was not yet)."""
        place = self.place_at(row)
        return None if place is None else self._full_of(place)

    def place_of(self, claim_id: str) -> Place | None:
        """A row's place by its id (None if no row holds it), as the table holds it."""
        self.hold_all()
        return self._by_id.get(claim_id)

    def row_of(self, claim_id: str) -> int:
        self.hold_all()
        held = self._by_id.get(claim_id)
        return -1 if held is None else self._find(held)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        place = self.place_at(index.row()) if index.isValid() else None
        return None if place is None else self._cell(place, self.COLUMNS[index.column()],
                                                     int(role))

    def _cell(self, place: Place, column: str, role: int) -> Any:
        """The value of *role* for *place* in *column* (role as an int: an enum member is
        built per call from an int, a cost at every cell)."""
        if role == _DISPLAY:
            return self._value(place, column, role)
        if role == _TOOLTIP:
            return plain_tip(self._value(place, column, role))
        if role == _CLAIM_ID:
            return place.id
        if role == _DECORATION and column == "label":
            label = self.session.label(place.label)
            return QColor(label.color) if label else None
        if role == _ALIGNMENT and column == "quote":
            return text_alignment(self._quote(place))
        if role == _ALIGNMENT and column == "note":
            return text_alignment(self._full_of(place).note)
        return None

    def looks(self, index: Index) -> Looks | None:
        """What a cell is drawn from (gui.cell_pictures), asked at every cell of every
        repaint: of the roles Qt's delegate draws, this model answers three, its text,
        its verdict's colour and its alignment (tests/test_cell_pictures holds the
        others empty, and these the same as the roles' own answers)."""
        return self.looks_at(index.row(), index.column())

    def looks_at(self, row: int, column_number: int) -> Looks | None:
        """:meth:`looks` of the cell at *row* and *column_number*."""
        place = self.place_at(row)
        if place is None:
            return None
        column = self.COLUMNS[column_number]
        label = self.session.label(place.label) if column == "label" else None
        return (self._value(place, column, _DISPLAY), label.color if label else None,
                self._cell(place, column, _ALIGNMENT))

    def _quote(self, place: Place) -> str:
        return self._text[place.start:place.end]

    def filter_text(self, place: Place) -> str:
        """What the text filter looks in for a row: every cell as shown (the sources' links
        for their count), case folded, and
        the quote and the note folded as search folds them (store.text.fold). Made when
        a filter first asks and kept until the row, the article or the labels change:
        Qt's own filter asked data() for seven cells of every row at every key typed
        (1.3 s with 50,000 claims), and knew nothing of folding."""
        kept = self._filter_texts.get(place.id)
        if kept is None:
            # The links themselves, as stored and as shown, not their count: «archive.ph»
            # or «bbc» found no claim citing them, and «2» every claim with two (rv73).
            # Not the time of the last change: its digits («2026-12-06 20:32») matched
            # about every figure typed, «12» or «20» listing each claim (rv187).
            cells = (self._value(place, column, _DISPLAY) for column in self.COLUMNS
                     if column not in ("sources", "updated"))
            sources = self._full_of(place).sources
            links = [*sources, *(shown for shown in map(readable_link, sources)
                                 if shown not in sources)]
            kept = self._filter_texts[place.id] = "\n".join(
                [str(cell).casefold() for cell in (*cells, *links) if cell]
                + [fold_for_index(f"{self._quote(place)}\n{self._full_of(place).note}")])
        return kept

    def _value(self, place: Place, column: str, role: int) -> Any:
        if column == "label":
            label = self.session.label(place.label)
            return label.name(self.session.language) if label else place.label
        if column == "annotator":
            return place.annotator
        if column == "review":
            review = self._reviews.get(place.claim_id)
            if review is None:
                return ""
            if role == _TOOLTIP:  # (it named the decision by its key: «omar: reject»)
                return review_line(review)
            return f"{'✓' if review.decision == 'accept' else '✗'} {review.reviewer}"
        if column == "quote":
            quote = self._quote(place)
            return quote if role == _TOOLTIP else _one_line(quote)
        claim = self._full_of(place)
        if column == "note":
            return claim.note if role == _TOOLTIP else _one_line(claim.note)
        if column == "sources":
            if role == _TOOLTIP:
                return "\n".join(claim.sources)
            return len(claim.sources)
        if column == "updated":
            return shown_time(claim.last_change)
        return None


class ClaimsFilterModel(QSortFilterProxyModel):
    """Filters on text, verdict, annotator and review; sorting is the source model's.

    Verdict, annotator and review are read from the rows' places; only a text filter
    reads every row in full (once, when it is typed)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._label: str | None = None
        self.hidden_annotators: set[str] = set()
        self.unreviewed_only = False
        self._text = ""
        self._folded_text = ""  # the text filter folded (store.text.fold)
        self._model: ClaimsTableModel | None = None
        # The place being worked on (the editor's), shown while it is chosen whatever the
        # filters say, as a mail client keeps the open message under «Unread»: a note
        # reworded without the filter's word hid its row at the note's pause, mid-sentence,
        # the editor emptied and the typing went on into the Known Claims list (Y accepted
        # a claim there, digits relabelled it; rv97). A filter set again decides anew.
        self.kept: str | None = None

    def setSourceModel(self, model: ClaimsTableModel) -> None:  # noqa: N802 - Qt's name
        self._model = model  # kept: filterAcceptsRow runs once per row, 50,000 times
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def looks(self, index: Index) -> Looks | None:
        """A cell's looks from the claims model, asked directly: through Qt's data() it
        was a call into Python per cell, and then one per role. With no filter every
        row shows, in the model's order (sorting is the model's), so a cell's row is
        the model's: Qt's mapToSource asked the model's row and column counts in
        Python for every cell, 8 µs of the 20 its looks cost."""
        model = self._model
        if model is None:
            return None
        if not (self._label or self.hidden_annotators or self.unreviewed_only or self._text
                ) and self.rowCount() == model.rowCount():
            return model.looks_at(index.row(), index.column())
        return model.looks(self.mapToSource(index))

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt's name
        if pattern:
            self.sourceModel().read_all()
        self._text = pattern.casefold()
        self._folded_text = fold_query(pattern)
        self._deciding_anew(lambda: super(ClaimsFilterModel, self).setFilterFixedString(
            pattern))  # (refilters; the matching is ours)

    def set_hidden_annotators(self, hidden: set[str]) -> None:
        self._change_filter(lambda: setattr(self, "hidden_annotators", set(hidden)))

    def set_unreviewed_only(self, on: bool) -> None:
        self._change_filter(lambda: setattr(self, "unreviewed_only", bool(on)))

    def _change_filter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            def refilter() -> None:
                self.beginFilterChange()
                change()
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            def refilter() -> None:
                change()
                self.invalidateFilter()
        self._deciding_anew(refilter)

    def keep(self, place_id: str | None) -> None:
        """Show *place_id*'s row while it is chosen; the row chosen before is filtered
        again (kept for good, every claim reviewed under «Not yet reviewed» stayed) once
        the event that chose is done: a claim deleted is unchosen from inside Qt's
        removal of its row, and filtering another row there corrupted the proxy (rv100:
        the list lost a claim still to review, or the window crashed)."""
        before, self.kept = self.kept, place_id
        if before is not None and before != place_id:
            QTimer.singleShot(0, self, lambda: self._filter_again(before))

    def _filter_again(self, place_id: str) -> None:
        model = self._model
        if place_id == self.kept or model is None or not (
                self._label or self.hidden_annotators or self.unreviewed_only or self._text):
            return
        row = model.row_of(place_id)
        if row >= 0:  # (the proxy filters a row again when its data changes)
            model.dataChanged.emit(model.index(row, 0),
                                   model.index(row, model.columnCount() - 1))

    def _deciding_anew(self, refilter: Callable[[], None]) -> None:
        """*refilter* with the place worked on shown only if the filters now show it."""
        kept, self.kept = self.kept, None
        refilter()
        model = self._model
        row = -1 if kept is None or model is None else model.row_of(kept)
        if row >= 0 and self.mapFromSource(model.index(row, 0)).isValid():
            self.kept = kept

    def set_label_filter(self, key: str | None) -> None:
        self._change_filter(lambda: setattr(self, "_label", key or None))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not (self._label or self.hidden_annotators or self.unreviewed_only or self._text):
            return True  # no filter: every row, without a look
        model = self._model
        place = model.place_at(source_row) if model is not None else None
        if place is None:
            return False
        if place[0] == self.kept:
            return True
        if self._label is not None and place.label != self._label:
            return False
        if place.annotator in self.hidden_annotators:
            return False
        if self.unreviewed_only and model.review_of(place.claim_id) is not None:
            return False
        return not self._text or self._finds(model, place, self._text, self._folded_text)

    def text_accepts(self, place: Place, pattern: str) -> bool:
        """Whether a text filter of *pattern* would show the row of *place*."""
        model = self._model
        return not pattern or (model is not None and self._finds(
            model, place, pattern.casefold(), fold_query(pattern)))

    @staticmethod
    def _finds(model: ClaimsTableModel, place: Place, text: str, folded: str) -> bool:
        # The cells as they read, or the words folded: «اقوى معاهده» finds «أقوى
        # معاهدة», harakat and hamza forms aside, as Find and Search do.
        words = model.filter_text(place)
        return text in words or bool(folded and folded in words)


_READING_KEY = operator.itemgetter(3, 4, 7, 0)  # a Place's start, end, created, id
_PLACE_ID = operator.itemgetter(0)


def _in_order(places: list[Place]) -> bool:
    """Whether *places* are already in reading order (as the store lists them): by
    (start, end, created, id), compared without a Python call per place."""
    keys = list(map(_READING_KEY, places))
    return all(map(operator.le, keys, keys[1:]))


def _one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
