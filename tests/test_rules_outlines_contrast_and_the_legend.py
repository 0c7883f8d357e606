"""rv185: what the window's drawing and accessibility helpers decide, pinned where the
suite did not notice a change (mutation testing of gui/contrast.py, outlines.py,
scroll_bars.py, flow_layout.py, icons.py, fonts.py and the reader's looks)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor


def test_an_outline_on_a_dark_reader_is_seen_at_wcags_3_to_1_not_less(qapp):
    """A navy verdict's outline on a dark reader: its first lighter shade reads at
    1.99:1, below WCAG's 3:1 for a line that must be seen; the next one is taken."""
    from gui.contrast import contrast, outline_on, underline_on

    dark = QColor("#1e1e1e")
    for color in map(QColor, ("#1A237E", "#4CAF50", "#303F9F", "#888888")):
        assert contrast(outline_on(color, dark), dark) >= 3.0, color.name()
    # the underline on a verdict's own colour, likewise (#4CAF50's light shade: 2.78:1)
    for color in map(QColor, ("#1A237E", "#B71C1C", "#4CAF50", "#888888", "#000000")):
        assert contrast(underline_on(color, color), color) >= 3.0, color.name()


def test_each_overlap_on_a_dark_verdict_is_a_shade_of_its_own(qapp):
    """Words under two, three and four claims of a dark verdict are drawn each a step
    lighter (a dark colour does not darken): three overlaps were not told from two."""
    from gui.contrast import deeper

    for color in map(QColor, ("#000000", "#202020", "#0D1440")):
        shades = [deeper(color, steps).lightness() for steps in range(4)]
        assert shades == sorted(set(shades)), (color.name(), shades)
    for color in map(QColor, ("#FFE082", "#A5D6A7", "#1A237E")):  # darker each step
        shades = [deeper(color, steps).lightness() for steps in range(4)]
        assert shades == sorted(set(shades), reverse=True), (color.name(), shades)


@pytest.mark.parametrize(("text", "window"), [("#000000", "#ffffff"), ("#ffffff", "#000000"),
                                              ("#000000", "#efefef")])
def test_text_said_in_passing_is_faded_as_far_as_4_5_to_1_allows(qapp, text, window):
    """Who tagged a claim and when is said in passing: faded from the text toward the
    window, as far as 4.5:1 allows, so it reads as secondary (not near the text's 21:1)."""
    from PySide6.QtGui import QPalette

    from gui.contrast import contrast, secondary_text

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    shown = secondary_text(palette)
    assert 4.5 <= contrast(shown, QColor(window)) < 7, shown.name()


def test_text_said_in_passing_on_a_theme_too_faint_to_fade_is_the_text(qapp):
    """A theme whose own text reads below 4.5:1 (grey on white): nothing fainter is
    made of it; what is said in passing is the text itself, never the window's colour
    (text drawn in its background's colour is no text at all)."""
    from PySide6.QtGui import QPalette

    from gui.contrast import secondary_text

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#888888"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    assert secondary_text(palette).name() == "#888888"


@pytest.mark.parametrize(("code", "said"), [
    ("#8C8C99", "grey (#8C8C99)"),  # a bluish grey is a grey, not blue
    ("#D9D9D9", "light grey (#D9D9D9)"),  # not white
    ("#F0F0F0", "white (#F0F0F0)"),
    ("#0F0F0F", "black (#0F0F0F)"),
    ("#1A1A1A", "dark grey (#1A1A1A)"),
    ("#FF3300", "red (#FF3300)"),
    ("#FF4000", "orange (#FF4000)"),  # hue 15: the first of orange
    ("#80C0FF", "light blue (#80C0FF)"),
    ("#800000", "dark red (#800000)"),
    ("#00FFCC", "cyan (#00FFCC)"),
])
def test_a_colour_is_said_by_its_name_at_the_bounds(qapp, code, said):
    """What a screen reader says of a verdict's colour, at the edges of the words it
    uses: a colour is told by the right name, light or dark as it is."""
    from gui.contrast import colour_words

    assert colour_words(QColor(code)) == said


def test_a_keycap_is_drawn_in_the_themes_field_colours(qapp):
    """A key shown as a keycap is a field's cap (Base), its letter the field's text and
    its edge the border grey, in the palette's colours as they are now."""
    from PySide6.QtGui import QPalette

    from gui.icons import keycap_style

    palette = QPalette()
    for role, code in ((QPalette.ColorRole.Base, "#101820"), (QPalette.ColorRole.Window, "#303030"),
                       (QPalette.ColorRole.Text, "#e0e0e0"),
                       (QPalette.ColorRole.WindowText, "#c0c0c0"),
                       (QPalette.ColorRole.Mid, "#606060")):
        palette.setColor(role, QColor(code))
    style = keycap_style(palette)
    assert "background: #101820;" in style and "color: #e0e0e0;" in style
    assert "border: 1px solid #606060;" in style


def test_a_verdicts_tag_icon_is_its_colour_paler_when_disabled_and_keyless_past_one_key(qapp):
    """Disabled, a verdict's toolbar tag is the same picture paler (its colour is what
    it is known by; Qt's greyed default looked like an unticked box); a shortcut of more
    than one key (Ctrl+4) is not squeezed onto the tag: the colour alone."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from gui.icons import tag_icon

    def image(icon, mode=QIcon.Mode.Normal):
        return icon.pixmap(QSize(22, 22), 1.0, mode).toImage()

    icon = tag_icon("#9EE6A0", "2")
    normal, pale = image(icon), image(icon, QIcon.Mode.Disabled)
    at = (3, 11)  # on the tag's colour, clear of the key
    shown, faded = QColor(normal.pixelColor(*at)), QColor(pale.pixelColor(*at))
    assert shown.alpha() == 255 and 100 <= faded.alpha() <= 130
    assert abs(faded.hslHue() - shown.hslHue()) <= 3 and faded.hslSaturation() > 100
    assert image(tag_icon("#9EE6A0", "Ctrl+4")) == image(tag_icon("#9EE6A0", ""))
    assert image(tag_icon("#9EE6A0", "2")) != image(tag_icon("#9EE6A0", ""))


@pytest.mark.parametrize(("direction", "wide_side"), [
    ("RightArrow", "left"), ("LeftArrow", "right"), ("UpArrow", "bottom"), ("DownArrow", "top")])
def test_a_disclosure_arrow_points_the_way_it_is_asked(qapp, direction, wide_side):
    """The history's disclosure arrow: a triangle whose point is on the side it points
    to (a right-to-left interface asks for a left one), its base on the other."""
    from PySide6.QtCore import QSize, Qt

    from gui.icons import arrow_icon

    image = arrow_icon(getattr(Qt.ArrowType, direction), QColor("#000000"), 20).pixmap(
        QSize(20, 20), 1.0).toImage()

    def inked(points):
        return sum(QColor(image.pixelColor(x, y)).alpha() > 128 for x, y in points)

    sides = {"left": inked((3, y) for y in range(20)), "right": inked((16, y) for y in range(20)),
             "top": inked((x, 3) for x in range(20)), "bottom": inked((x, 16) for x in range(20))}
    opposite = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[wide_side]
    assert sides[wide_side] > 2 * sides[opposite], sides


def test_the_legends_outline_key_is_dashed_and_a_swatch_has_a_darker_edge(qapp):
    """The legend's key to suggestions is a dashed square, as the reader outlines them
    (a solid one reads as a tag's swatch); a verdict's swatch has an edge darker than its
    fill, so a pale verdict is seen on a pale window."""
    from gui.icons import outline_swatch, swatch

    key = outline_swatch("#000000", 24).toImage()
    top = [QColor(key.pixelColor(x, 1)).alpha() for x in range(4, 20)]
    assert max(top) > 128 and min(top) < 64, top  # dashes and gaps along the edge
    chip = swatch("#FFE08A", 24).toImage()
    edge, fill = QColor(chip.pixelColor(12, 0)), QColor(chip.pixelColor(12, 12))
    assert fill.name() == "#ffe08a" and edge.lightness() < fill.lightness() - 30


def _wrapped_reader(qtbot, monkeypatch):
    from conftest import reader_showing

    text = " ".join(["كلمة"] * 60) + "\nword"
    view = reader_showing(qtbot, monkeypatch, text, [], [], 10**6)
    layout = view.document().firstBlock().layout()
    assert layout.lineCount() > 2
    return view, layout.lineAt(0), layout.lineAt(1)


def test_an_outline_is_one_box_on_each_line_its_words_take_and_no_other(qtbot, monkeypatch):
    """Words outlined up to the end of a wrapped line, or from the start of the next,
    have a box on that line only: not a sliver of a box at the edge of the line beside."""
    from gui.outlines import rects

    view, first, second = _wrapped_reader(qtbot, monkeypatch)
    wrap = second.textStart()
    assert len(rects(view, 0, wrap)) == 1
    assert len(rects(view, wrap, wrap + 4)) == 1
    assert len(rects(view, wrap - 4, wrap + 4)) == 2
    (box,) = rects(view, wrap, wrap + 4)
    across = rects(view, wrap - 4, wrap + 4)
    assert across[1] == box  # each line's box holds its own words, no more
    assert across[0] == rects(view, wrap - 4, wrap)[0]
    # and the whole of a word: from its first letter's edge to its last's
    word = abs(second.cursorToX(wrap + 4)[0] - second.cursorToX(wrap)[0])
    assert word > 10 and abs(box.width() - word) < 0.5


def _highlighted(spans, labels=(("a", "#FFE08A"), ("b", "#9EE6A0")),
                 text="abcdefghijklmnopqrstuvwxyz"):
    """The reader's highlighter on *text* with *spans*: (start, length, format) of each run."""
    from PySide6.QtGui import QTextCharFormat, QTextDocument
    from PySide6.QtWidgets import QPlainTextDocumentLayout

    from gui.reader import ClaimHighlighter
    from store.core.records import Label

    doc = QTextDocument(text)
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    highlighter = ClaimHighlighter(doc)
    highlighter.set_labels([Label(key, key.upper(), color, n)
                            for n, (key, color) in enumerate(labels)])
    highlighter.reset(spans)
    highlighter.rehighlight()
    runs = [(r.start, r.length, QTextCharFormat(r.format))  # (copied: Qt's go with the list)
            for r in doc.firstBlock().layout().formats()]
    return highlighter, doc, runs


def test_nested_claims_show_the_innermost_verdict_a_shade_deeper_at_each_depth(qapp):
    """Claims inside claims (one checker's): the words take the innermost claim's
    verdict, a step deeper for each claim over them, up to four; one checker's two
    verdicts on the same words are no disagreement (no stripes, no wave, not bold)."""
    from PySide6.QtGui import QFont, QTextCharFormat

    from gui.contrast import deeper
    from gui.reader import Span

    a, b = QColor("#FFE08A"), QColor("#9EE6A0")
    _, _, runs = _highlighted([Span("1", 0, 24, "a", "me"), Span("2", 2, 20, "b", "me"),
                               Span("3", 4, 16, "a", "me"), Span("4", 6, 12, "b", "me"),
                               Span("5", 8, 10, "a", "me")])
    shown = [(start, length, fmt.background().color().name()) for start, length, fmt in runs]
    assert shown == [(0, 2, a.name()), (2, 2, deeper(b, 1).name()), (4, 2, deeper(a, 2).name()),
                     (6, 2, deeper(b, 3).name()), (8, 2, deeper(a, 3).name()),
                     (10, 2, deeper(b, 3).name()), (12, 4, deeper(a, 2).name()),
                     (16, 4, deeper(b, 1).name()), (20, 4, a.name())]
    assert len({name for _, _, name in shown}) == 5  # each verdict and depth a shade apart
    for _, _, fmt in runs:
        assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.fontWeight() != QFont.Weight.Bold and fmt.background().textureImage().isNull()


def test_a_disagreement_looks_the_same_whichever_verdict_came_first(qapp):
    """Two checkers disagreeing, a then b in one place and b then a in another: the same
    stripes (in the same order), the same red wave, the words bold, in both."""
    from PySide6.QtGui import QTextCharFormat

    from gui.reader import DISAGREEMENT_COLOR, Span

    _, _, runs = _highlighted([Span("1", 0, 8, "a", "me"), Span("2", 2, 8, "b", "you"),
                               Span("3", 10, 18, "b", "me"), Span("4", 12, 18, "a", "you")])
    together = [fmt for start, length, fmt in runs if (start, length) in ((2, 6), (12, 6))]
    first, second = together
    for fmt in (first, second):
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.underlineColor().name() == QColor(DISAGREEMENT_COLOR).name()
    assert first.background().textureImage() == second.background().textureImage()


def test_a_claim_to_the_end_of_its_paragraph_is_highlighted_to_its_last_letter(qapp):
    from gui.reader import Span

    _, _, runs = _highlighted([Span("1", 20, 26, "a", "me")])
    assert [(start, length) for start, length, _ in runs] == [(20, 6)]


def test_a_verdict_recoloured_is_drawn_in_its_new_colour(qapp):
    """A verdict given a new colour (Project Settings): the words already tagged with it
    take the new colour, not the look made of the old one."""
    from gui.reader import Span
    from store.core.records import Label

    highlighter, doc, runs = _highlighted([Span("1", 0, 6, "a", "me")])
    assert runs[0][2].background().color().name() == "#ffe08a"
    highlighter.set_labels([Label("a", "A", "#B3D9FF", 0), Label("b", "B", "#9EE6A0", 1)])
    highlighter.rehighlight()
    (run,) = doc.firstBlock().layout().formats()
    assert run.format.background().color().name() == "#b3d9ff"


def test_six_verdicts_have_six_underlines_and_the_seventh_starts_again(qapp):
    from gui.reader import UNDERLINES, Span

    labels = tuple((f"v{n}", "#FFE08A") for n in range(7))
    _, _, runs = _highlighted([Span(str(n), 2 * n, 2 * n + 1, f"v{n}", "me") for n in range(7)],
                              labels)
    assert [fmt.underlineStyle() for _, _, fmt in runs] == [*UNDERLINES, UNDERLINES[0]]


def test_the_text_on_a_disagreements_stripes_reads_on_each_stripe(qapp):
    """A disagreement between a grey verdict and a navy one: the words cross both
    stripes, so their colour is the one that reads on the worse of the two (white: black
    was chosen for the first verdict alone, 1.4:1 on the navy)."""
    from gui.contrast import contrast
    from gui.reader import Span

    grey, navy = QColor("#9E9E9E"), QColor("#1A237E")
    _, _, runs = _highlighted([Span("1", 0, 6, "a", "me"), Span("2", 0, 6, "b", "you")],
                              (("a", grey.name()), ("b", navy.name())))
    (text,) = {fmt.foreground().color().name() for _, _, fmt in runs}
    assert min(contrast(QColor(text), grey), contrast(QColor(text), navy)) > 2.5, text


def test_the_reader_reads_in_amiri_and_the_window_speaks_in_noto(qapp):
    """The reading face is Amiri (a naskh for long reading), shipped with the app; the
    interface's sans face stands in only when Amiri is missing."""
    from PySide6.QtGui import QFontInfo

    from gui.fonts import READER_FAMILY, UI_FAMILY, reader_font, register_fonts

    assert {READER_FAMILY, UI_FAMILY} <= set(register_fonts())
    font = reader_font()
    assert font.families()[:2] == [READER_FAMILY, UI_FAMILY]
    assert QFontInfo(font).family() == READER_FAMILY == "Amiri"


def _flow(qtbot, direction, width):
    """A FlowLayout of three 50x20 chips (and a hidden one), gap 6, margins 3/4/5/7, in
    a widget *width* wide laid out in *direction*."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtWidgets import QWidget

    from gui.flow_layout import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    host.setLayoutDirection(direction)
    layout = FlowLayout(host, spacing=6)
    layout.setContentsMargins(3, 4, 5, 7)
    chips = []
    for _ in range(4):
        chip = QWidget(host)
        chip.setFixedSize(QSize(50, 20))
        layout.addWidget(chip)
        chips.append(chip)
    chips[3].setFixedSize(QSize(80, 20))
    chips[3].hide()  # hidden: takes no room
    layout.setGeometry(QRect(0, 0, width, 200))
    return layout, chips[:3], host


def test_the_legend_wraps_chips_that_fit_and_mirrors_them_right_to_left(qtbot):
    """The verdict legend's flow: chips in a row while they fit (to the pixel), the next
    row a gap below, the height it takes with both margins; in Arabic the first chip
    is at the right edge, mirrored exactly."""
    from PySide6.QtCore import QRect, Qt

    ltr, rtl = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
    exact = 3 + 50 + 6 + 50 + 5  # two chips and the margins: 114
    layout, chips, _host = _flow(qtbot, ltr, exact)
    assert [c.geometry() for c in chips] == [QRect(3, 4, 50, 20), QRect(59, 4, 50, 20),
                                             QRect(3, 30, 50, 20)]
    assert layout.hasHeightForWidth() and layout.heightForWidth(exact) == 4 + 20 + 6 + 20 + 7
    assert layout.heightForWidth(exact - 1) == 4 + 3 * 20 + 2 * 6 + 7
    assert layout.heightForWidth(1000) == 4 + 20 + 7
    assert layout.heightForWidth(30) == 4 + 3 * 20 + 2 * 6 + 7  # no empty row first
    layout, chips, _host2 = _flow(qtbot, rtl, exact)
    assert [c.geometry() for c in chips] == [QRect(exact - 5 - 50, 4, 50, 20),
                                             QRect(exact - 5 - 106, 4, 50, 20),
                                             QRect(exact - 5 - 50, 30, 50, 20)]
    assert layout.sizeHint().width() == 3 + 3 * 50 + 2 * 6 + 5  # one row, hidden left out
    assert layout.minimumSize().width() == 3 + 50 + 5


def test_a_disagreements_stripes_run_diagonally(qapp):
    """The stripes of a disagreement run at 45 degrees (a tile that repeats seamlessly
    both ways), each verdict a band of the same width."""
    from gui.reader import stripes

    image = stripes(("#FFE08A", "#9EE6A0")).textureImage()
    side = image.width()
    assert side == image.height() and side >= 10
    for y in range(1, side):
        for x in range(side - 1):
            assert image.pixel(x + 1, y - 1) == image.pixel(x, y)
    assert len({image.pixel(x, 0) for x in range(side)}) == 2
    assert sum(image.pixel(x, 0) == image.pixel(0, 0) for x in range(side)) == side // 2


def test_words_of_a_verdict_the_project_lacks_are_a_neutral_grey(qapp):
    """A claim whose verdict is not in the project's scale (a colleague's, not yet
    merged in) is still shown, in a light neutral grey with black text."""
    from gui.reader import Span

    _, _, runs = _highlighted([Span("1", 0, 6, "theirs", "you")])
    (run,) = runs
    assert run[2].background().color().name() == "#dddddd"
    assert run[2].foreground().color().name() == "#000000"


def test_an_outline_is_drawn_around_its_words_in_a_shade_seen_on_a_dark_reader(qtbot, monkeypatch):
    """A suggestion of a navy verdict on a dark reader: the dashed box is drawn where its
    words are (the caret's place at each end lies on the box's edge) and in the lighter
    shade outline_on picks, not the navy itself (1.01:1 there)."""
    from conftest import reader_showing
    from PySide6.QtGui import QPalette, QTextCursor

    from gui.contrast import outline_on
    from gui.outlines import rects

    view = reader_showing(qtbot, monkeypatch, "word " * 10 + "\n" + "كلمة " * 10, [], [], 10**6)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    view.setPalette(palette)
    start = 50 + 1  # the second paragraph; its second word at start + 5
    (box,) = rects(view, start + 5, start + 9)
    assert len(rects(view, 0, 4)) == 1  # the first paragraph's first word
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 5)
    caret = view.cursorRect(cursor)
    assert abs(box.top() - caret.top()) <= 2 and abs(box.bottom() - caret.bottom()) <= 2
    assert min(abs(box.left() - caret.center().x()), abs(box.right() - caret.center().x())) <= 2
    view.set_suggestions([(start + 5, start + 9, "#1A237E")])
    image = view.viewport().grab().toImage()
    seen = outline_on(QColor("#1A237E"), QColor("#1e1e1e")).name()
    colours = [QColor(image.pixel(x, y)).name() for x in range(image.width())
               for y in range(image.height())]
    assert colours.count(seen) > 10 and colours.count("#1a237e") == 0


def test_words_of_a_paragraph_scrolled_half_out_of_view_are_still_outlined(qtbot, monkeypatch):
    """Scrolled line by line, a paragraph's last line can be all that is left at the top
    of the reader: the suggestion on its words is outlined there."""
    from conftest import reader_showing

    from gui.outlines import rects

    view = reader_showing(qtbot, monkeypatch, ("word " * 25 + "\n") * 20, [], [], 10**6)
    layout = view.document().firstBlock().layout()
    last = layout.lineAt(layout.lineCount() - 1)
    view.verticalScrollBar().setValue(layout.lineCount() - 1)
    qtbot.wait(10)
    geometry = view.blockBoundingGeometry(view.document().firstBlock()).translated(
        view.contentOffset())
    assert 0 < geometry.bottom() < 50 + 1 and geometry.top() < 0  # one line left in view
    (box,) = rects(view, last.textStart(), last.textStart() + 4)
    assert box.bottom() > 0



def test_the_legend_and_toolbar_pictures_are_drawn_once_a_process(qapp, monkeypatch):
    """fx124: every window drew its toolbar's tag icons and its legend's swatches anew
    (~1.5 ms of each window's start). Drawn once for a colour and key, the same pixels
    as drawn afresh; another colour or key is drawn for itself, and painting on a
    picture handed out leaves the kept one as it was."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QPainter, QTextCharFormat

    from gui import icons

    fresh_tag = icons._tag_icon
    drawn: list[str] = []
    for name in ("_tag_icon", "_outline_swatch", "_underlined_swatch"):
        real = getattr(icons, name)
        monkeypatch.setattr(icons, name, lambda *a, real=real, name=name, **k: (
            drawn.append(name), real(*a, **k))[1])

    def pixels(picture):
        if hasattr(picture, "pixmap"):
            picture = picture.pixmap(QSize(22, 22))
        return picture.toImage()

    dotted = QTextCharFormat.UnderlineStyle.DotLine
    for _ in range(3):
        assert pixels(icons.tag_icon("#3A7BD5", "7")) == pixels(fresh_tag("#3A7BD5", "7"))
        icons.outline_swatch(QColor("#3A7BD5"))
        icons.underlined_swatch("#3A7BD5", dotted, QColor("#000000"))
    assert sorted(drawn) == ["_outline_swatch", "_tag_icon", "_underlined_swatch"]
    icons.tag_icon("#3A7BD5", "8")
    icons.tag_icon("#3A7BD6", "7")
    icons.underlined_swatch("#3A7BD5", QTextCharFormat.UnderlineStyle.DashUnderline,
                            QColor("#000000"))
    assert len(drawn) == 6
    given = icons.outline_swatch(QColor("#3A7BD5"))
    kept = given.toImage()
    painter = QPainter(given)
    painter.fillRect(given.rect(), QColor("#FF0000"))
    painter.end()
    assert icons.outline_swatch(QColor("#3A7BD5")).toImage() == kept != given.toImage()
