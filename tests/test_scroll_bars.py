"""The claims table's and the Disagreements panel's scroll bars (gui.scroll_bars) skip
the paints that would draw the same pixels, and show on screen what Qt's own scroll
bar draws, after any change of range, value or page."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import SIGNAL, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollBar, QTableView, QVBoxLayout, QWidget

from gui import scroll_bars
from gui.app import create_window
from gui.review_panels import PairsView
from gui.scroll_bars import SteadyScrollBar

SIGNALS = ("actionTriggered(int)", "valueChanged(int)", "rangeChanged(int,int)",
           "sliderMoved(int)", "sliderPressed()", "sliderReleased()")


class _Paints(QObject):
    def __init__(self, widget: QWidget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def bars(qtbot):
    """A steady bar and Qt's own, side by side in a shown window, the range of a table
    of 50,000 rows; what the steady bar asks the style made, as the window makes it once
    idle (test_gui_start)."""
    scroll_bars.prepare()
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    steady, plain = SteadyScrollBar(Qt.Orientation.Vertical), QScrollBar(Qt.Orientation.Vertical)
    for bar in (steady, plain):
        layout.addWidget(bar)
        bar.setRange(0, 50_000)
        bar.setPageStep(7)
    window.resize(40, 500)
    window.show()
    qtbot.waitExposed(window)
    _settle()
    return window, steady, plain


def _on_screen(window: QWidget, bar: QScrollBar):
    """The bar's pixels as the window shows them (its backing store), not drawn anew."""
    shot = window.screen().grabWindow(window.winId()).copy(bar.geometry()).toImage()
    drawn = bar.grab().toImage()
    return shot.convertToFormat(drawn.format()), drawn


def test_a_row_more_or_less_that_moves_no_pixel_paints_nothing(bars):
    window, steady, plain = bars
    for bar in (steady, plain):
        bar.setValue(20_000)  # a row in the middle of the table
    _settle()
    steady_paints, plain_paints = _Paints(steady), _Paints(plain)
    for bar in (steady, plain):
        bar.setMaximum(bar.maximum() + 1)  # a tag's new row, far below the view
    _settle()
    assert plain_paints.count >= 1  # what Qt's own bar does
    assert steady_paints.count == 0
    for bar in (steady, plain):
        bar.setValue(bar.value() + 1)  # one row on, at 50,000 rows: the same pixel
    _settle()
    assert steady_paints.count == 0
    for bar in (steady, plain):
        bar.setValue(bar.maximum() - 10)  # far on: the handle moves
    _settle()
    assert steady_paints.count == 1
    on_screen, drawn = _on_screen(window, steady)
    assert on_screen == drawn


def test_until_the_style_is_asked_the_bar_paints_as_qts(bars, monkeypatch):
    """Before scroll_bars.prepare (the window's start, up to its first paint) the bar
    asks nothing of the style and paints on every change, as Qt's bar does."""
    window, steady, _ = bars
    monkeypatch.setattr(scroll_bars, "_style", None)
    steady.setValue(20_000)
    _settle()
    paints = _Paints(steady)
    steady.setMaximum(steady.maximum() + 1)
    _settle()
    assert paints.count == 1
    on_screen, drawn = _on_screen(window, steady)
    assert on_screen == drawn


@pytest.mark.parametrize("rows", [50_000, 300, 12])
def test_the_bar_on_screen_is_what_qt_draws_after_any_change(bars, rows):
    """Random ranges, values and pages, each painted as the event loop paints it; after
    each, the steady bar on screen equals Qt's bar drawn from scratch in the same state
    (its ends, an empty range and a handle moving by single pixels among them)."""
    window, steady, _ = bars
    rng = random.Random(rows)
    steady.setRange(0, rows)
    _settle()
    for _ in range(60):
        change = rng.choice(["range", "value", "value", "page", "end"])
        if change == "range":
            steady.setMaximum(max(0, steady.maximum() + rng.choice([-1, 1, 2, -rows // 3])))
        elif change == "value":
            steady.setValue(steady.value() + rng.choice([-1, 1, 3, rows // 7, -rows // 5]))
        elif change == "page":
            steady.setPageStep(rng.choice([1, 7, 40, rows]))
        else:
            steady.setValue(rng.choice([steady.minimum(), steady.maximum()]))
        _settle()
        fresh = QScrollBar(Qt.Orientation.Vertical)
        fresh.setRange(steady.minimum(), steady.maximum())
        fresh.setPageStep(steady.pageStep())
        fresh.setValue(steady.value())
        fresh.resize(steady.size())
        on_screen, _ = _on_screen(window, steady)
        assert on_screen == fresh.grab().toImage().convertToFormat(on_screen.format()), \
            (change, steady.minimum(), steady.maximum(), steady.value(), steady.pageStep())


def test_the_tables_keep_every_connection_of_their_scroll_bars(qtbot):
    """The item view's own slots (hover after scrolling, fetching more rows) were
    connected to the bar it made: the steady bar is connected as that one was."""
    window = create_window(language="en")
    qtbot.addWidget(window)
    plain = QTableView()
    for view in (window.claims_panel.view, window.review_tools.disagreements.table):
        assert isinstance(view.verticalScrollBar(), SteadyScrollBar)
        for signal in SIGNALS:
            assert view.verticalScrollBar().receivers(SIGNAL(signal)) == \
                plain.verticalScrollBar().receivers(SIGNAL(signal)), (view, signal)
    assert isinstance(PairsView().verticalScrollBar(), SteadyScrollBar)
    window.close()
