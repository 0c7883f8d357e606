"""The article reader and its claim highlights.

Highlights are drawn by a QSyntaxHighlighter that reads spans from an index
kept outside the document, per text block. Adding, changing or removing one
claim re-highlights only the blocks that claim touches, so the cost of an edit
does not grow with the number of claims.
All offsets handed to Qt go through the article's OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from gui import outlines
from gui.contrast import deeper, text_on, underline_on
from gui.fonts import reader_font
from gui.offsets import OffsetMap, utf16_length
from gui.outlines import Outline, OutlineIndex
from gui.places import ArticlePlaces
from gui.table_columns import starting_side
from store.core.records import Appearance, Label, Place
from store.text.display import dominant_direction
from store.text.fold import INVISIBLE
from store.text.word_starts import END_MARKS

# What a word selected by a double-click is taken without at its ends (_trim_word): the
# punctuation of sentences and quotations, white space, and direction marks. (All in the
# Basic Multilingual Plane: one UTF-16 unit each.)
_AROUND_A_WORD = END_MARKS + " \u00a0" + INVISIBLE

# Underline styles tell verdicts apart without colour (colour-blind readers). The wave
# marks a disagreement (in red, the words bold and striped): the sixth verdict's, not the
# third's (Disputed, a default, told from a disagreement only by bold, rv72); six verdicts
# have six lines.
UNDERLINES = (
    QTextCharFormat.UnderlineStyle.DotLine,
    QTextCharFormat.UnderlineStyle.SingleUnderline,
    QTextCharFormat.UnderlineStyle.DashUnderline,
    QTextCharFormat.UnderlineStyle.DashDotLine,
    QTextCharFormat.UnderlineStyle.DashDotDotLine,
    QTextCharFormat.UnderlineStyle.WaveUnderline,
)


DISAGREEMENT_COLOR = "#C62828"
# Words found (the find bar's marks, the search results' hit): a lavender no default
# verdict has. Yellow, as it was, read as the Unchecked verdict's amber.
FOUND_BACKGROUND = "#D9C2FF"
STRIPE_BAND = 5  # pixels: each verdict's band where two verdicts disagree
# An article of more paragraphs is highlighted as they come into view: formatting every
# paragraph of a megabyte before the first paint took longer than laying out a screenful.
LAZY_BLOCKS = 200


class Span(NamedTuple):
    """One claim's highlight: the place's id, its UTF-16 span, verdict and annotator. A
    tuple: an article with 50,000 claims makes 50,000 - unless its text needs no UTF-16
    conversion, when the places themselves (store.core.records.Place, whose fields of
    these names are the same) serve, and none is made (4 MB at 50,000)."""

    id: str
    start: int  # UTF-16, document coordinates
    end: int
    label: str
    annotator: str = ""


class ClaimHighlighter(QSyntaxHighlighter):
    """Paints each block's spans; every distinct look (the innermost claim's verdict, how
    many claims overlap, whether two people disagree) is one QTextCharFormat, made once.

    Spans are found per block from the block starts read at :meth:`reset`, and each
    block is cut in one sweep over its spans' ends, so opening costs little more than
    applying the formats, and an edit re-highlights only the blocks it touches. In a
    long article (:meth:`set_lazy`) a block is highlighted only once :meth:`show_block`
    lets it, which the reader does as the block comes into view.
    """

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._doc = document  # kept while detached, so spans can be indexed before a repaint
        self._by_block: dict[int, list[Span]] = {}
        self._span_of: dict[str, Span] = {}
        self._formats: dict[str, tuple[QColor, QTextCharFormat.UnderlineStyle]] = {}
        self._looks: dict[tuple[str, int, bool], QTextCharFormat] = {}
        self._block_starts: list[int] = []
        self._next_starts: list[float] = []
        self._shown: set[int] | None = None  # blocks that may be highlighted; None: all
        self.hidden_annotators: set[str] = set()

    # -- the index -----------------------------------------------------------------
    def set_labels(self, labels: list[Label]) -> None:
        self._formats = {lab.key: (QColor(lab.color), UNDERLINES[i % len(UNDERLINES)])
                         for i, lab in enumerate(labels)}
        self._looks.clear()

    def reset(self, spans: list[Span]) -> None:
        """Index every span at once, by the paragraphs of the document's text: set it
        first (show_article does), or the spans are filed under the old text's."""
        self._by_block.clear()
        self._span_of.clear()
        starts = self._block_starts = []
        block = self._doc.begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._next_starts = [*starts[1:], float("inf")]  # where each block's successor starts
        self._add(spans)

    def add(self, spans: list[Span]) -> None:
        """Index more spans (an article's places as they are read); the blocks already
        highlighted between the first and the last of them are highlighted again."""
        if not spans:
            return
        self._add(spans)
        starts = self._block_starts
        first = bisect_right(starts, min(s.start for s in spans)) - 1
        last = bisect_right(starts, max(s.end for s in spans) - 1) - 1
        shown = range(len(starts)) if self._shown is None else self._shown
        doc = self._doc
        for number in sorted(n for n in shown if first <= n <= last):
            self.rehighlightBlock(doc.findBlockByNumber(number))

    def _add(self, spans: list[Span]) -> None:
        """Index *spans* by the block starts read at :meth:`reset`."""
        starts, next_start = self._block_starts, self._next_starts
        by_block, span_of = self._by_block, self._span_of
        for span in spans:
            span_of[span.id] = span
            first = bisect_right(starts, span.start) - 1  # starts[0] is 0: never -1
            if span.end <= next_start[first]:  # in one block, as most are: no second search
                blocks = (first,)
            else:
                blocks = range(first, bisect_right(starts, span.end - 1))
            for number in blocks:
                spans_here = by_block.get(number)
                if spans_here is None:
                    by_block[number] = [span]
                else:
                    spans_here.append(span)

    def set_lazy(self, lazy: bool) -> None:
        """Highlight only the blocks :meth:`show_block` lets from now on (none yet), or
        every block."""
        self._shown = set() if lazy else None

    @property
    def lazy(self) -> bool:
        return self._shown is not None

    def show_block(self, block: QTextBlock) -> None:
        """Highlight *block* from now on, and now (a block shown before is left alone)."""
        shown = self._shown
        if shown is not None and block.blockNumber() not in shown:
            shown.add(block.blockNumber())
            self.rehighlightBlock(block)

    def _blocks_of(self, span: Span) -> range:
        doc = self._doc
        first = doc.findBlock(span.start).blockNumber()
        last = doc.findBlock(max(span.start, span.end - 1)).blockNumber()
        return range(first, last + 1)

    def _index(self, span: Span) -> range:
        self._span_of[span.id] = span
        blocks = self._blocks_of(span)
        for number in blocks:
            self._by_block.setdefault(number, []).append(span)
        return blocks

    def _unindex(self, claim_id: str) -> range:
        span = self._span_of.pop(claim_id, None)
        if span is None:
            return range(0)
        blocks = self._blocks_of(span)
        for number in blocks:
            spans = self._by_block.get(number, [])
            if span in spans:
                spans.remove(span)
        return blocks

    def update_spans(self, changes: Iterable[tuple[str, Span | None]]) -> None:
        """Replace (or remove, with None) claims' spans and repaint their blocks only, each
        once, and of a long article only those shown (the others are highlighted when
        they come: show_block). A Tag All's 3,000 places, repainted place by place, block
        after block of a 6 MB report, froze the window for 2 s."""
        touched: set[int] = set()
        for claim_id, span in changes:
            touched.update(self._unindex(claim_id))
            if span is not None:
                touched.update(self._index(span))
        if self._shown is not None:
            touched &= self._shown
        doc = self._doc
        for number in sorted(touched):
            self.rehighlightBlock(doc.findBlockByNumber(number))

    def spans_at(self, position: int) -> list[Span]:
        """Spans covering a UTF-16 position, shortest (innermost) first."""
        block = self._doc.findBlock(position).blockNumber()
        hits = [s for s in self._by_block.get(block, []) if s.start <= position < s.end]
        return sorted(hits, key=lambda s: s.end - s.start)

    # -- drawing -----------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        if self._shown is not None and number not in self._shown:
            return  # not in view yet: highlighted when it comes (show_block)
        spans = self._by_block.get(number)
        if not spans:
            return
        base = self.currentBlock().position()
        length = utf16_length(text)
        # One sweep along the block: at each cut, the claims ending there leave and
        # those starting there join; each piece between cuts gets the look of the
        # claims covering it.
        events: list[tuple[int, int, tuple[int, str, str, str]]] = []
        for s in spans:
            a, b = max(s.start - base, 0), min(s.end - base, length)
            if a < b:
                claim = (s.end - s.start, s.label, s.annotator, s.id)
                events.append((a, 1, claim))
                events.append((b, 0, claim))
        events.sort()
        active: list[tuple[int, str, str, str]] = []
        labels: dict[str, int] = {}
        people: dict[str, int] = {}
        looks, look = self._looks, self.look
        at = 0
        for position, joining, claim in events:
            if position > at and active:
                innermost = min(active)
                key = (innermost[1], min(len(active), 4),
                       tuple(sorted(labels)) if len(labels) > 1 and len(people) > 1 else ())
                fmt = looks.get(key)
                if fmt is None:
                    fmt = looks[key] = look(*key)
                self.setFormat(at, position - at, fmt)
            at = position
            _, label, who, _ = claim
            if joining:
                active.append(claim)
                labels[label] = labels.get(label, 0) + 1
                people[who] = people.get(who, 0) + 1
            else:
                active.remove(claim)
                for counts, key_ in ((labels, label), (people, who)):
                    counts[key_] -= 1
                    if not counts[key_]:
                        del counts[key_]

    def look(self, label: str, depth: int, verdicts: tuple[str, ...] = ()) -> QTextCharFormat:
        """The format of words whose innermost claim has *label*, under *depth* claims;
        *verdicts*: the labels they disagree between, when two annotators do."""
        fmt = QTextCharFormat()
        color, underline = self._formats.get(label, (QColor("#DDDDDD"), UNDERLINES[0]))
        background = QColor(color)
        if depth > 1:  # overlaps: a deeper shade, so both claims stay visible
            background = deeper(background, min(depth - 1, 3))
        fmt.setBackground(background)
        fmt.setForeground(text_on(background))
        fmt.setUnderlineStyle(underline)
        # (on the deeper shade of overlaps: the flat highlight's line fell to 1.8:1 under
        # four claims, and the cue that tells verdicts apart without colour was gone, rv185)
        fmt.setUnderlineColor(underline_on(QColor(color), background))
        if len(verdicts) > 1:
            # Two people, two verdicts on the same words: a disagreement to settle. Both
            # verdicts show, in stripes of their colours, and the red wave says so
            # without colour.
            colors = tuple(self._formats.get(v, (QColor("#DDDDDD"),))[0].name()
                           for v in verdicts)
            fmt.setBackground(stripes(colors))
            fmt.setForeground(text_on(*map(QColor, colors)))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(DISAGREEMENT_COLOR))
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt


@cache
def stripes(colors: tuple[str, ...], band: int = STRIPE_BAND) -> QBrush:
    """Diagonal stripes of *colors*, one band each in turn; the tile repeats seamlessly
    (its side is one period both ways). Drawn at the screens' highest scale: at 1x, a
    200% screen showed the stripes' edges as steps of two pixels beside crisp text."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if app is not None else 1.0
    count = len(colors)
    side = max(round(band * count * ratio), count)  # device pixels
    image = QImage(side, side, QImage.Format.Format_RGB32)
    rgb = [QColor(c).rgb() for c in colors]
    for y in range(side):
        for x in range(side):
            image.setPixel(x, y, rgb[(x + y) % side * count // side])
    picture = QPixmap.fromImage(image)
    picture.setDevicePixelRatio(side / (band * count))
    return QBrush(picture)


class ReaderLayout(QPlainTextDocumentLayout):
    """The reader's document layout: a block whose formats change repaints itself alone.

    Qt 6's plain-text layout takes a change of formats (QSyntaxHighlighter marks the
    block dirty: its length counted as removed and as added) to run past the block's
    end, so it lays the block out again and repaints the whole reader, every paragraph
    in view, after every tag (the reader's largest cost in an edit). Within
    :meth:`formats_only`, such a change is told to the layout as what it is, a change
    inside one block: the block is laid out again at once, and only it is repainted.
    If that changed its number of lines (a disagreement's bold widens Latin words), what
    lies below it moved: the change is then told to Qt as Qt takes it, which lays out and
    repaints everything, as before. Qt cannot see that itself: by the time it is told,
    the block's old layout is gone, so the old and new heights it compares are the same.
    """

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats_only = False

    @contextmanager
    def formats_only(self) -> Iterator[None]:
        """Changes made inside change formats only, never text."""
        self._formats_only = True
        try:
            yield
        finally:
            self._formats_only = False

    def documentChanged(self, position: int, removed: int, added: int) -> None:  # noqa: N802
        if not (self._formats_only and removed == added):
            super().documentChanged(position, removed, added)
            return
        block = self.document().findBlock(position)
        lines = block.lineCount()  # as last laid out; laying it out again counts anew
        super().documentChanged(position, 0, added)
        if block.lineCount() != lines:
            super().documentChanged(position, removed, added)


class ArticleView(QPlainTextEdit):
    """Read-only, selectable article text; paragraphs take their own direction."""

    claimClicked = Signal(str)  # a click on a claim's words, or Enter with the caret in them
    caretInClaim = Signal(str)  # the caret, moved by a key, came into a claim's words
    suggestionClicked = Signal(int)  # which of set_suggestions' spans, in their order
    contextMenuRequested = Signal(QMenu)
    painted = Signal()  # at the end of each paint of the text
    zoomRequested = Signal(int)  # Ctrl+wheel: steps of a point, up or down

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self._wheel = 0  # Ctrl+wheel delta not yet a point of zoom
        document = QTextDocument(self)
        self._layout = ReaderLayout(document)
        document.setDocumentLayout(self._layout)
        self.setDocument(document)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFont(reader_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Lines wrap at the reader's width and a word wider than the reader (a long link)
        # breaks, so nothing lies beyond the right edge: no horizontal scroll bar, which
        # Qt would otherwise show for a line's trailing spaces.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCenterOnScroll(False)
        self.setCursorWidth(0)  # no caret until the reader has the focus (focusInEvent)
        # Each paragraph takes its direction from its own first strong letter. The whole
        # article is aligned by the direction most of its text has (as a page with dir=rtl
        # aligns an English quote right): QPlainTextEdit lays every block out with one
        # QTextOption, and the one alignment Qt resolves per paragraph, justify, tears
        # Arabic words apart at non-joining letters on lines with few spaces. Ragged
        # edges, whole words.
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        self.document().setDefaultTextOption(option)
        align_paragraphs(self, Qt.LayoutDirection.LeftToRight)
        self.document().setDocumentMargin(18)
        self.highlighter = ClaimHighlighter(self.document())
        self.offsets = OffsetMap("")
        self.updateRequest.connect(self._highlight_in_view)  # scrolled, resized, relaid
        self._highlighting = False
        self.article_id: str | None = None
        self._press: QPoint | None = None
        self._caret_claim: str | None = None  # the claim the caret was last in
        self._outlines: list[Outline] = []  # set_suggestions' order
        self._outlines_in_view = OutlineIndex()
        self._text = ""
        self._places: ArticlePlaces | None = None
        self._held_place: tuple[int, bool] | None = None  # see hold_place
        self.cursorPositionChanged.connect(self._let_go_of_place)
        self.verticalScrollBar().actionTriggered.connect(self._let_go_of_place)

    # -- content ------------------------------------------------------------------------
    def show_article(self, article_id: str | None, text: str,
                     claims: ArticlePlaces | list[Place] | list[Appearance], labels: list[Label]
                     ) -> None:
        """Show *text* with every claim highlighted, in one layout pass. *claims*: the
        article's places as they are read (gui.places), asked for as paragraphs come
        into view; or a list of them."""
        self._let_go_of_place()
        self.article_id = article_id
        self._text = text
        self.offsets = OffsetMap(text)
        self._outlines, self._outlines_in_view = [], OutlineIndex()
        align_paragraphs(self, layout_direction(text))
        self.highlighter.set_labels(labels)
        self.highlighter.setDocument(None)  # no per-block work while the text goes in
        self.setPlainText(text)
        if self._places is not None and not self._places.complete:
            self._places.arrived.disconnect(self._arrived)
        places = self._places = claims if isinstance(claims, ArticlePlaces) \
            else ArticlePlaces.of(claims)
        lazy = self.document().blockCount() > LAZY_BLOCKS
        if not lazy:
            places.read_all()  # every block is highlighted now
        self.highlighter.reset(self._visible_spans(places.so_far()))
        if not places.complete:
            places.arrived.connect(self._arrived)
        self.highlighter.setDocument(self.document())
        self.highlighter.set_lazy(lazy)
        if lazy:
            self._highlight_in_view()
        else:
            self.highlighter.rehighlight()  # now, not on the next event-loop turn

    def _arrived(self, places: list[Place]) -> None:
        """More of the article's places were read: indexed for the blocks to come."""
        self.highlighter.add(self._visible_spans(places))

    def span_for(self, claim: Place | Appearance) -> Span:
        start, end = self.offsets.span_to_utf16(claim.start, claim.end)
        return Span(claim.id, start, end, claim.label, claim.annotator)

    def update_claims(self, claims: Iterable[Place | Appearance]) -> None:
        """Show claims as they are now (tagged, relabelled, untagged) in one repaint."""
        hidden = self.highlighter.hidden_annotators
        with self._layout.formats_only():
            self.highlighter.update_spans(
                (claim.id, self.span_for(claim) if not claim.is_deleted
                 and claim.article_id == self.article_id and claim.annotator not in hidden
                 else None) for claim in claims)

    def set_labels(self, labels: list[Label]) -> None:
        self.highlighter.set_labels(labels)
        self.highlighter.rehighlight()

    def set_hidden_annotators(self, hidden: set[str],
                              claims: list[Place] | list[Appearance]) -> None:
        """Show only the claims of annotators not in *hidden*, keeping the text and scroll."""
        self.highlighter.hidden_annotators = set(hidden)
        self.highlighter.reset(self._visible_spans(claims))
        self.highlighter.rehighlight()

    def _visible_spans(self, claims: list[Place] | list[Appearance]) -> list[Span]:
        """Spans of the claims whose annotator's layer is shown: the one place that filters."""
        hidden = self.highlighter.hidden_annotators
        if self.offsets.same_units:  # no conversion: 50,000 claims open a tenth faster
            return [c for c in claims if c.annotator not in hidden]
        return [self.span_for(c) for c in claims if c.annotator not in hidden]

    def plain_text(self) -> str:
        """The article's text as stored (code points), not as Qt holds it."""
        return self._text

    # -- suggestions: claims checked elsewhere -----------------------------------------------
    def set_suggestions(self, spans: list[tuple[int, int, str]]) -> None:
        """Outline (start, end, colour) spans, code points, dashed: what a claim checked
        elsewhere looks like here until it is accepted or dismissed."""
        outlines = [Outline(*self.offsets.span_to_utf16(start, end), color)
                    for start, end, color in spans]
        if outlines == self._outlines:
            return  # the matcher's same answer after an edit: no repaint of the whole view
        self._outlines = outlines
        self._outlines_in_view = OutlineIndex(self._outlines)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._highlight_in_view()  # in case a way into view was missed: painted again
        super().paintEvent(event)
        outlines.paint(self, self._outlines_in_view)
        self.painted.emit()

    def _highlight_in_view(self, *_args: object) -> None:
        """Let the highlighter format the blocks in view that it has not yet (a long
        article's). Each is formatted before it is laid out, so it is laid out once; as
        the view scrolls, the new blocks are formatted before the paint."""
        if not self.highlighter.lazy or self._highlighting or not self.isVisible():
            return
        self._highlighting = True  # formatting asks for an update, which comes back here
        try:
            height = self.viewport().height()
            top = self.contentOffset().y()
            block = self.firstVisibleBlock()
            places = self._places
            while block.isValid() and top <= height:
                if not places.complete:  # the block's places first
                    places.read_until(self.offsets.to_code_point(
                        block.position() + block.length()))
                self.highlighter.show_block(block)
                top += self.blockBoundingRect(block).height()
                block = block.next()
        finally:
            self._highlighting = False

    # -- selection in code points -------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code points (start, end), or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def caret_position(self) -> int | None:
        """Where the caret is, in code points; None with no article shown."""
        if not self.plain_text():
            return None
        return self.offsets.to_code_point(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) and scroll them into view (nothing to do when
        they are selected and in view already: the words just tagged)."""
        if self.selected_span() == (start, end) and \
                self.viewport().rect().contains(self.cursorRect()):
            return
        start16, end16 = self.offsets.span_to_utf16(start, end)
        cursor = self.textCursor()
        cursor.setPosition(start16)
        cursor.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def cursor_span(self) -> tuple[int, int]:
        """The caret and the selection's other end (UTF-16, as Qt keeps them), to be
        put back by :meth:`put_cursor` on the same text shown again."""
        cursor = self.textCursor()
        return cursor.anchor(), cursor.position()

    def put_cursor(self, anchor: int, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- the place read -------------------------------------------------------------------
    def top_place(self) -> int:
        """The code point that starts the line at the top of the view: where one is
        reading, kept as text (:meth:`scroll_to_place`). Not the scroll bar's value: it
        counts lines of the paragraphs laid out so far, and each paragraph not yet laid
        out as one line, so the same number is other text once the text is shown again."""
        block = self.firstVisibleBlock()
        layout = block.layout()
        line = self.verticalScrollBar().value() - block.firstLineNumber()  # (the block's)
        start = block.position()
        if layout is not None and 0 < line < layout.lineCount():
            start += layout.lineAt(line).textStart()
        return self.offsets.to_code_point(start)

    def scroll_to_place(self, place: int) -> None:
        """The line holding code point *place* at the top of the view (as far as the
        text goes on below it). Laid out as they come into view, the paragraphs change
        their count of lines, so the scroll bar is set again until the line is there."""
        at = self.offsets.to_utf16(max(0, min(place, self.offsets.length)))
        bar = self.verticalScrollBar()
        for _ in range(8):
            block = self.document().findBlock(at)
            self._layout.ensureBlockLayout(block)
            line = block.layout().lineForTextPosition(at - block.position())
            number, start = (line.lineNumber(), line.textStart()) if line.isValid() else (0, 0)
            bar.setValue(block.firstLineNumber() + number)
            if self.top_place() == self.offsets.to_code_point(block.position() + start):
                return

    def selection_in_view(self) -> bool:
        """Both ends of the words selected (or the caret) are in the view."""
        cursor = self.textCursor()
        ends = [QTextCursor(cursor) for _ in range(2)]
        ends[0].setPosition(cursor.selectionStart())
        ends[1].setPosition(cursor.selectionEnd())
        view = self.viewport().rect()
        return all(view.contains(self.cursorRect(end)) for end in ends)

    HOLD_PLACE_MS = 2000  # after showing: the window manager's own size comes in this time

    def hold_place(self, place: int, selection_too: bool) -> None:
        """Show the line holding code point *place* at the top of the view and, with
        *selection_too*, the words selected in view, as the window this one replaces (in
        another language) showed them; again each time the reader is resized until the
        window has settled on its size (HOLD_PLACE_MS after it is shown), or the reader
        is scrolled, its caret moved or another article shown. Done once, before the
        window was shown and laid out, the end of the article came back at its top, and
        the claim chosen below the view (rv276)."""
        self._held_place = (place, selection_too)
        self._show_held_place()

    def _show_held_place(self) -> None:
        if self._held_place is None or not self.isVisible():
            return
        place, selection_too = self._held_place
        self.scroll_to_place(place)
        if selection_too and not self.selection_in_view():
            self.centerCursor()

    def _let_go_of_place(self) -> None:
        self._held_place = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._held_place is not None:
            self._show_held_place()
            QTimer.singleShot(self.HOLD_PLACE_MS, self, self._let_go_of_place)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._show_held_place()

    def character_at(self, point: QPoint) -> int | None:
        """The UTF-16 position of the character drawn under *point*; None beside the
        text. Not cursorForPosition's, the caret's place nearest the point: on the
        trailing half of a glyph (the left half of an Arabic letter, most of an emoji)
        that is the place after it, and in a right-to-left line it may be a letter or
        two away - a click on the end of a claim's highlight chose the claim beside it,
        or none. So the characters of the line under the point are asked where their
        glyphs are drawn, nearest that place first (a click asks a few)."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        if layout is None:
            return None
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft() \
            + layout.position()
        # (the middle of the pixel: the glyphs' edges fall between pixels)
        x, y = point.x() + 0.5 - origin.x(), point.y() + 0.5 - origin.y()
        line = next((line for line in map(layout.lineAt, range(layout.lineCount()))
                     if line.y() <= y < line.y() + line.height()), None)
        if line is None:
            return None
        caret = cursor.position() - block.position()
        starts, at = [], line.textStart()
        while at < line.textStart() + line.textLength():
            starts.append(at)
            following = layout.nextCursorPosition(at)
            at = following if following > at else at + 1
        for start in sorted(starts, key=lambda start: abs(start - caret)):
            end = layout.nextCursorPosition(start)
            for run in line.glyphRuns(start, max(end - start, 1)):
                drawn = run.boundingRect()
                if drawn.left() <= x < drawn.right():
                    return block.position() + start
        return None

    def claim_at(self, point: QPoint) -> str | None:
        position = self.character_at(point)
        spans = self.highlighter.spans_at(position) if position is not None else []
        return spans[0].id if spans else None

    def suggestion_at(self, point: QPoint) -> int | None:
        """The outlined suggestion under *point*, as its index in set_suggestions' list."""
        position = self.character_at(point)
        if position is None:
            return None
        return next((n for n, o in enumerate(self._outlines) if o.start <= position < o.end),
                    None)

    # -- events -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """The word of the letter double-clicked: Qt takes the word at the caret's place
        nearest the pointer, which on a last letter's trailing half is after it - «.»
        alone was selected of «التقرير.», and a verdict key tagged it (rv158)."""
        super().mouseDoubleClickEvent(event)
        at = self.character_at(event.position().toPoint())
        cursor = self.textCursor()
        if at is not None and not cursor.selectionStart() <= at < cursor.selectionEnd() \
                and self.document().characterAt(at).isalnum():
            cursor.setPosition(at)
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            self.setTextCursor(cursor)
        self._trim_word()

    def _trim_word(self) -> None:
        """A double-click selects a word as Qt finds it, which in Arabic takes the
        punctuation beside it along (عُقِدَتْ came with the guillemet before it, 2024م with
        the comma after it), where in English it does not: the marks that open or end a
        sentence or a quotation (``END_MARKS``), and any direction mark among them, are
        left out of its ends (not %, / or a dash: they belong to numbers)."""
        cursor = self.textCursor()
        selected = cursor.selectedText()
        words = selected.strip(_AROUND_A_WORD)
        if not words or words == selected:
            return
        start = cursor.selectionStart() + len(selected) - len(selected.lstrip(_AROUND_A_WORD))
        cursor.setPosition(start)
        # (in UTF-16 units, as the cursor counts: an emoji, a flag, a skin tone is two)
        cursor.setPosition(start + utf16_length(words), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        moved = self._press is not None and (point - self._press).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved \
                and not self.textCursor().hasSelection():
            claim_id = self.claim_at(point)
            if claim_id:
                self.claimClicked.emit(claim_id)
            else:
                suggestion = self.suggestion_at(point)
                if suggestion is not None:
                    self.suggestionClicked.emit(suggestion)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The keyboard's way to the claims in the text: a caret moved into a claim's
        words says so (tags are colour and underline alone: a screen reader said
        nothing), and Enter there selects the claim, as a click does."""
        collapsed = not self.textCursor().hasSelection()
        if collapsed and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                claim_id := self._claim_at_caret()):
            self.claimClicked.emit(claim_id)
            return
        super().keyPressEvent(event)
        claim_id = None if self.textCursor().hasSelection() else self._claim_at_caret()
        if claim_id != self._caret_claim:
            self._caret_claim = claim_id
            if claim_id:
                self.caretInClaim.emit(claim_id)

    def _claim_at_caret(self) -> str | None:
        spans = self.highlighter.spans_at(self.textCursor().position())
        return spans[0].id if spans else None

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setCursorWidth(1)  # a caret for keyboard selection, only while focused
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setCursorWidth(0)
        super().focusOutEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.contextMenuRequested.emit(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms as Ctrl+Plus and Ctrl+Minus do, through the window, which
        keeps the size for the next start (Qt's own wheel zoom was not kept)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # A point per notch (120): a touchpad's small deltas add up to one, or a
            # light swipe took the text to 48 pt.
            self._wheel += event.angleDelta().y()
            steps = int(self._wheel / 120)
            if steps:
                self._wheel -= steps * 120
                self.zoomRequested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom(self, steps: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, min(48.0, font.pointSizeF() + steps)))
        self.setFont(font)


def align_paragraphs(view: QPlainTextEdit, direction: Qt.LayoutDirection) -> None:
    """Every paragraph of *view* at the side a text of *direction* starts from (each
    keeps its own direction): QPlainTextEdit aligns them all with one option, left."""
    option = view.document().defaultTextOption()
    option.setAlignment(starting_side(direction))
    view.document().setDefaultTextOption(option)


def layout_direction(text: str, sample: int = 20_000) -> Qt.LayoutDirection:
    """Right to left when most strong letters of the first *sample* characters are
    (store.text.display.dominant_direction, a tie left to right): how an article's
    paragraphs are aligned."""
    rtl = dominant_direction(text[:sample], "ltr") == "rtl"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
