"""The claims table's cells are drawn once and then from their pictures
(gui.cell_pictures): the table looks exactly as when every cell is drawn, after every
change, and a tag draws only the cells it changed."""

from __future__ import annotations

import pytest
from conftest import fresh, select_in_reader, tag_quote
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gui.app import create_window
from gui.cell_pictures import VIEWPORTS_KEPT, CellPictures
from gui.table_columns import OwnDirectionDelegate

QUOTES = ("أقوى معاهدة على الإطلاق", "بوتين", "كيم جونغ أون", "الدول الغربية")


@pytest.fixture(params=["en", "ar"])
def shown(request, qtbot, errors):
    """The first-run window in each interface language, shown at a common size."""
    win = create_window(language=request.param)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    if request.param == "ar":
        create_window(language="en").close()  # leave the application in English


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _tag(window, quote: str, label: str) -> None:
    tag_quote(window, quote, label)
    _settle()


def _tag_many(window, count: int) -> None:
    """Tag the first three letters of each of the article's first *count* words."""
    text = window.article_pane.reader.plain_text()
    words = [i for i in range(1, len(text) - 4) if text[i - 1] == " " and text[i] != " "]
    for start in words[:count]:
        select_in_reader(window, start, start + 3)
        window.tag("disputed")
    _settle()


def _table(window):
    view = window.claims_panel.view
    delegate = view.itemDelegate()
    assert isinstance(delegate, CellPictures)
    return view, delegate


def _drawn_directly(view, pictures: CellPictures):
    """The table's viewport with every cell drawn by the style, as before pictures."""
    direct = OwnDirectionDelegate(view)
    view.setItemDelegate(direct)
    image = fresh(view.viewport())
    view.setItemDelegate(pictures)
    direct.deleteLater()
    return image


def _from_pictures(view, pictures: CellPictures):
    """The viewport once every cell in view is shown from its picture (a cell is drawn
    in place when first seen, into its picture when seen again)."""
    for _ in range(2):
        fresh(view.viewport())
    drawn = pictures.drawn
    image = fresh(view.viewport())
    assert pictures.drawn == drawn  # no cell drawn: all from pictures
    return image


def _looks_drawn(view, pictures: CellPictures) -> None:
    assert _from_pictures(view, pictures) == _drawn_directly(view, pictures)


def test_the_table_looks_as_when_every_cell_is_drawn(shown, qtbot):
    """Tags of every verdict, a selection, a relabel, a verdict's new colour and a
    narrower column: each time, the table from pictures is the table drawn cell by cell
    (pixel for pixel, English and Arabic quotes, either interface direction)."""
    view, pictures = _table(shown)
    for quote, label in zip(QUOTES, ("disputed", "verified", "unchecked", "disputed"),
                            strict=True):
        _tag(shown, quote, label)
    _looks_drawn(view, pictures)
    place = shown.claims_panel.claims()[1]
    shown.select_claim(place.id)
    _settle()
    _looks_drawn(view, pictures)
    shown.session.update_claim(place.id, label="verified")
    _settle()
    _looks_drawn(view, pictures)
    before = _from_pictures(view, pictures)
    shown.session.update_label("verified", color="#3050C0")
    _settle()
    after = fresh(view.viewport())
    assert after != before  # the verdict's colour shows, not a picture of the old one
    _looks_drawn(view, pictures)
    view.setColumnWidth(1, view.columnWidth(1) - 20)
    _settle()
    _looks_drawn(view, pictures)


def _words(window, count: int) -> list[str]:
    text = window.article_pane.reader.plain_text()
    return list(dict.fromkeys(w for w in text.split() if len(w) > 4 and w.isalpha()))[:count]


def test_a_tag_draws_only_the_cells_it_changed(shown, qtbot):
    """After a tag Qt repaints every row in view; the rows whose look did not change come
    from their pictures, where the rows below the new one moved to too: what is drawn is
    the new row, the one that lost the selection, and a row new at the bottom. A repaint
    with nothing changed draws no cell."""
    view, pictures = _table(shown)
    words = _words(shown, 12)
    for word in words[:5] + words[6:]:
        _tag(shown, word, "disputed")
    columns = sum(not view.isColumnHidden(c) for c in range(view.model().columnCount()))
    shown_rows = view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1
    assert shown_rows > 4
    for _ in range(2):  # shown once, then drawn into pictures
        view.viewport().repaint()
    drawn = pictures.drawn
    view.viewport().repaint()
    assert pictures.drawn == drawn
    _tag(shown, words[5], "verified")  # between the others, in reading order
    view.viewport().repaint()
    assert 0 < pictures.drawn - drawn <= 3 * columns < shown_rows * columns


@pytest.mark.parametrize("change", ["palette", "font"])
def test_a_new_palette_or_font_draws_every_cell_again(shown, qtbot, change):
    view, pictures = _table(shown)
    for quote in QUOTES[:2]:
        _tag(shown, quote, "disputed")
    before = _from_pictures(view, pictures)
    if change == "palette":
        palette = view.palette()
        palette.setColor(QPalette.ColorRole.Text, QColor("#7A1FA2"))
        view.setPalette(palette)
    else:
        font = view.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        view.setFont(font)
    _settle()
    after = fresh(view.viewport())
    assert after != before
    _looks_drawn(view, pictures)


def test_pictures_are_kept_within_twice_the_viewport(shown, qtbot):
    """Scrolling a long table keeps at most two viewports' worth of pictures."""
    view, pictures = _table(shown)
    _tag_many(shown, 60)
    for row in range(0, view.model().rowCount(), 3):
        view.scrollTo(view.model().index(row, 0))
        view.viewport().repaint()
    viewport = view.viewport()
    ratio = viewport.devicePixelRatioF()
    assert 0 < pictures.kept_bytes <= (
        VIEWPORTS_KEPT * viewport.width() * viewport.height() * 4 * ratio * ratio)


def test_rows_shown_for_the_first_time_make_no_pictures(shown, qtbot):
    """A table that jumps to rows it never showed (a tag far from the last one) draws
    them in place: a picture costs more than that, and pays only when shown again."""
    view, pictures = _table(shown)
    _tag_many(shown, 60)
    pictures.forget()  # as if the rows shown while tagging had never been
    view.scrollToTop()
    for _ in range(2):
        view.viewport().repaint()
    kept = pictures.kept_bytes
    assert kept > 0
    view.scrollToBottom()
    view.viewport().repaint()
    assert pictures.kept_bytes == kept
    view.viewport().repaint()
    assert pictures.kept_bytes > kept


def test_a_cells_looks_are_the_values_it_is_drawn_from(shown, qtbot):
    """The claims model's looks of a cell are its answers for the roles Qt draws from:
    text, verdict colour and alignment; it answers none of the others (a role answered
    and not in the looks would leave a picture stale)."""
    from PySide6.QtCore import Qt

    from gui.cell_pictures import DRAWN_ROLES

    for quote, label in zip(QUOTES, ("disputed", "verified", "unchecked", "disputed"),
                            strict=True):
        _tag(shown, quote, label)
    model = shown.claims_panel.view.model()
    answered = {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole),
                int(Qt.ItemDataRole.TextAlignmentRole)}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text, colour, alignment = model.looks(index)
            assert text == index.data(Qt.ItemDataRole.DisplayRole)
            decoration = index.data(Qt.ItemDataRole.DecorationRole)
            assert (colour is None) == (decoration is None)
            if colour is not None:
                assert QColor(colour) == decoration
            assert alignment == index.data(Qt.ItemDataRole.TextAlignmentRole)
            assert all(index.data(role) is None for role in DRAWN_ROLES
                       if role not in answered)


def _filled(option) -> tuple:
    """What the style draws a cell from, of what a delegate fills in."""
    icon = None if option.icon.isNull() else option.icon.pixmap(option.decorationSize)
    return (option.text, option.features.value, option.displayAlignment.value,
            option.direction, option.decorationPosition, option.decorationSize.toTuple(),
            None if icon is None else icon.toImage(), option.index.row(),
            option.index.column())


def test_every_column_is_filled_as_qt_fills_it(shown, qtbot):
    """A cell's option, filled from its looks (in one call), is the one Qt's delegate
    fills from the model's roles, in every column: a note across lines in either script,
    the sources counted in the interface's digits, a review's mark, the verdict's
    colour; and the table drawn from it is the table Qt draws."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QStyleOptionViewItem

    view, pictures = _table(shown)
    for quote, label in zip(QUOTES, ("disputed", "verified", "unchecked", "disputed"),
                            strict=True):
        _tag(shown, quote, label)
    places = shown.claims_panel.claims()
    session = shown.session
    session.update_claim(places[0].claim_id, note="مصدر أول\nthen English",
                         sources=["https://example.org/a", "https://example.org/b"])
    session.update_claim(places[1].claim_id, note="Checked against the record.\nسطر ثان")
    session.set_annotator("Editor")
    session.review(places[2].claim_id, "accept", "ok")
    _settle()
    model = view.model()
    for column in range(model.columnCount()):
        view.setColumnHidden(column, False)
    view.setLocale(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))  # ٢, not 2
    _settle()
    direct = OwnDirectionDelegate(view)
    base = QStyleOptionViewItem()
    view.initViewItemOption(base)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            ours, qts = QStyleOptionViewItem(base), QStyleOptionViewItem(base)
            pictures.initStyleOption(ours, index)
            direct.initStyleOption(qts, index)
            assert _filled(ours) == _filled(qts), (row, column)
    _looks_drawn(view, pictures)


def _table_of(qtbot, values: list[tuple]):
    """A table of one column whose cells are *values* (text, colour, alignment) given as
    the roles Qt's delegate draws them from (None: the role left out)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(len(values), 1)
    for row, (text, colour, alignment) in enumerate(values):
        item = QStandardItem()
        if text is not None:
            item.setData(text, Qt.ItemDataRole.DisplayRole)
        if colour is not None:
            item.setData(QColor(colour), Qt.ItemDataRole.DecorationRole)
        if alignment is not None:
            item.setData(alignment, Qt.ItemDataRole.TextAlignmentRole)
        model.setItem(row, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    return view


def test_looks_fill_the_option_as_qt_fills_it_from_roles(qtbot):
    """Whatever a model's looks hold, text across lines in either script, a number, a
    colour, an alignment or nothing, the option is the one Qt's delegate fills from the
    same values given as roles."""
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    values = [("first line\nsecond", None, None), ("سطر أول\nسطر ثان", "#C0392B", None),
              (12345, None, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)),
              ("", "#2E7D32", None), (None, None, None), ("plain", None, None)]
    view = _table_of(qtbot, values)
    model = view.model()
    view.setLocale(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    pictures = CellPictures(view, looks=lambda index: values[index.row()])
    direct = OwnDirectionDelegate(view)
    base = QStyleOptionViewItem()
    view.initViewItemOption(base)
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        base.direction = direction
        for row in range(len(values)):
            index = model.index(row, 0)
            ours, qts = QStyleOptionViewItem(base), QStyleOptionViewItem(base)
            pictures.initStyleOption(ours, index)
            direct.initStyleOption(qts, index)
            assert _filled(ours) == _filled(qts), (direction, values[row])


def test_a_cell_drawn_into_its_picture_asks_its_looks_once(qtbot):
    """A picture is keyed by its cell's looks, and the cell drawn into it is filled from
    the same looks: one call into the model a cell, whether drawn in place, into its
    picture or from it (a tag draws every cell in view into a new picture, each call
    passing through the filter model into Python)."""
    from conftest import fresh
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(6, 2)
    for row in range(6):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"cell {row}.{column}"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    asked: list[tuple[int, int]] = []

    def looks(index):
        asked.append((index.row(), index.column()))
        return model.data(index), None, None

    pictures = CellPictures(view, looks)
    view.setItemDelegate(pictures)
    view.show()
    qtbot.waitExposed(view)
    cells = sorted((row, column) for row in range(6) for column in range(2))
    for drawn in (12, 12, 0):  # in place, into pictures, from them
        asked.clear()
        before = pictures.drawn
        fresh(view.viewport())
        assert pictures.drawn - before == drawn
        assert sorted(asked) == cells


_SCALED_TABLE = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from conftest import fresh, select_in_reader
from gui.app import create_window
window = create_window(remember=False)
window.resize(1280, 820)
window.show()
text = window.article_pane.reader.plain_text()
words = [i for i in range(1, len(text) - 4) if text[i - 1] == " " and text[i] != " "]
for start in words[:40]:
    select_in_reader(window, start, start + 3)
    window.tag("disputed")
for _ in range(5):
    app.processEvents()
view = window.claims_panel.view
pictures = view.itemDelegate()
pictures.forget()
first = fresh(view.viewport())  # every cell drawn in place
for _ in range(2):
    again = fresh(view.viewport())  # from pictures, where they may be
print(sum(first.pixel(x, y) != again.pixel(x, y)
          for y in range(first.height()) for x in range(first.width())))
"""


def test_on_a_125_percent_screen_the_table_looks_the_same_at_every_paint(tmp_path):
    """rv85: at 125% a row's top falls between device pixels (45 is 56.25); its cells'
    pictures, put at a whole pixel, showed the text a pixel lower and the swatch a
    pixel right of the same cells drawn in place (6,480 pixels moved in 127 rows)."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    home = tmp_path / "home"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_SCALE_FACTOR="1.25",
               QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    run = subprocess.run([sys.executable, "-c", _SCALED_TABLE, str(ROOT / "tests")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split()[-1] == "0"


def test_a_cell_turned_to_its_texts_direction_is_turned_from_flags_made_once(qtbot,
                                                                               monkeypatch):
    """fx112: a cell whose text runs against the view's direction (an Arabic quote in the
    English window, an English name in the Arabic one) is turned once for each kind of
    option, and every later cell like it takes the same flags, made then: each flag read,
    combined or compared in Python was an enum built, a dozen a cell. The options stay
    the ones Qt's delegate fills."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    import gui.cell_pictures as cell_pictures

    turned: list[str] = []
    turn = cell_pictures.turn_option
    monkeypatch.setattr(cell_pictures, "turn_option",
                        lambda option, own: turned.append(option.text) or turn(option, own))
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    values = [(f"قال الوزير {row}", "#C0392B" if row % 2 else None,
               right if row % 3 else None) for row in range(12)]
    view = _table_of(qtbot, values)
    model = view.model()
    pictures = CellPictures(view, looks=lambda index: values[index.row()])
    direct = OwnDirectionDelegate(view)
    base = QStyleOptionViewItem()
    view.initViewItemOption(base)
    base.direction = Qt.LayoutDirection.LeftToRight
    for alternate in (False, True):  # (the view's features differ on alternate rows)
        if alternate:
            base.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
        for row in range(len(values)):
            index = model.index(row, 0)
            ours, qts = QStyleOptionViewItem(base), QStyleOptionViewItem(base)
            pictures.initStyleOption(ours, index)
            direct.initStyleOption(qts, index)
            assert _filled(ours) == _filled(qts), (alternate, values[row])
    assert len(turned) == 2  # with its own alignment or the view's


def test_with_no_filter_a_cells_looks_skip_the_filter_models_mapping(shown, qtbot):
    """fx112: with no filter the filter model shows every row in the model's order, and a
    cell's looks are read at its own row, without Qt's mapToSource (which asked the
    model's row and column counts in Python, for every cell of every repaint); with a
    filter, through the mapping. Either way they are the cell's answers for its roles."""
    from PySide6.QtCore import Qt

    for quote, label in zip(QUOTES, ("disputed", "verified", "unchecked", "disputed"),
                            strict=True):
        _tag(shown, quote, label)
    proxy = shown.claims_panel.proxy
    mapped: list[int] = []
    to_source = proxy.mapToSource
    # (only a cell's: Qt's rowCount maps the root through it too, in Python once patched)
    proxy.mapToSource = lambda index: (index.isValid() and mapped.append(index.row())
                                       ) or to_source(index)

    def looks_as_roles() -> tuple[int, int]:
        """The rows shown, and the calls to mapToSource the looks of their cells made."""
        rows, mappings = proxy.rowCount(), 0
        for row in range(rows):
            for column in range(proxy.columnCount()):
                index = proxy.index(row, column)
                before = len(mapped)
                text, colour, alignment = proxy.looks(index)
                mappings += len(mapped) - before
                assert text == index.data(Qt.ItemDataRole.DisplayRole)
                assert (colour is None) == (index.data(Qt.ItemDataRole.DecorationRole) is None)
                assert alignment == index.data(Qt.ItemDataRole.TextAlignmentRole)
        return rows, mappings

    try:
        assert looks_as_roles() == (4, 0)
        proxy.set_label_filter("disputed")
        assert looks_as_roles() == (2, 2 * proxy.columnCount())
        proxy.set_label_filter(None)
        assert looks_as_roles() == (4, 0)
    finally:
        del proxy.mapToSource
