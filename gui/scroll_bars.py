"""A scroll bar that is painted again only when what it shows changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SIGNAL, SLOT, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QScrollBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

# What a scroll bar draws from its range and value: where its handle is (and how long),
# whether it has no range (QCommonStyle draws it disabled then) and whether it stands at
# either end (where a style may grey that end's arrow out), and its state.
_Look = tuple[tuple[int, int, int, int], bool, bool, bool, int]
_QUIET = (QScrollBar.SliderChange.SliderRangeChange, QScrollBar.SliderChange.SliderValueChange,
          QScrollBar.SliderChange.SliderStepsChange)


class SteadyScrollBar(QScrollBar):
    """A table of 50,000 claims or 100,000 disagreements gains a row with each tag. Its
    range grows by one, the handle stays where it was to the pixel, and Qt paints the
    whole scroll bar again: 0.3 ms of a tag for each such bar (the Disagreements
    panel's, and the claims table's when the new row is near the last). This one skips
    that paint when the handle, the ends and the state it drew last are unchanged; any
    other change (a resize, the mouse over it, the style) is painted as Qt paints it.

    It tells what it draws by asking the style, whose Python type PySide takes 7 ms to
    make (QStyle, with its hundreds of enum values): nothing before the window's first
    paint needs it, so until :func:`prepare` has made it, while the window is idle, the
    bar paints as Qt's does."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._drawn: _Look | None = None  # what the last full paint showed

    def _look(self) -> _Look | None:
        if _style is None:
            return None
        option_class, scroll_bar, handle_part = _style
        option = option_class()
        self.initStyleOption(option)
        handle = self.style().subControlRect(scroll_bar, option, handle_part, self)
        return ((handle.x(), handle.y(), handle.width(), handle.height()),
                option.sliderValue == option.minimum, option.sliderValue == option.maximum,
                option.minimum == option.maximum, option.state.value)

    def sliderChange(self, change: QScrollBar.SliderChange) -> None:  # noqa: N802 - Qt's name
        if change in _QUIET and self._drawn is not None and self._drawn == self._look():
            return  # the paint QAbstractSlider would ask for would draw the same pixels
        super().sliderChange(change)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        look = self._look()
        # A paint of part of the bar (the arrow under the mouse) shows the look it drew
        # there only; the rest is of the look before, which is kept only if the same.
        whole = event.rect().contains(self.rect())
        self._drawn = look if whole or self._drawn == look else None
        super().paintEvent(event)


# Made by prepare(): the option class, and what a scroll bar's handle is to the style.
_style: tuple[type[QStyleOptionSlider], QStyle.ComplexControl, QStyle.SubControl] | None = None


def prepare() -> None:
    """Make what steady scroll bars ask the style (7 ms, once): they paint as Qt's do
    until then. The running style's own Python type is made too (0.3 ms, by the first
    call to ``style()``), else by the first tag, whose new row changes the bar."""
    global _style
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

    _style = (QStyleOptionSlider, QStyle.ComplexControl.CC_ScrollBar,
              QStyle.SubControl.SC_ScrollBarSlider)
    if isinstance(QApplication.instance(), QApplication):
        QApplication.style()


def steady_vertical_bar(view: QAbstractItemView) -> None:
    """Give *view* a vertical SteadyScrollBar. The scroll area connects the bar it is
    given to itself, but the item view's own slots were connected to the bar it made,
    which goes: they are connected again, in C++, as the view connected them."""
    bar = SteadyScrollBar()
    view.setVerticalScrollBar(bar)
    QObject.connect(bar, SIGNAL("actionTriggered(int)"),
                    view, SLOT("verticalScrollbarAction(int)"))
    QObject.connect(bar, SIGNAL("valueChanged(int)"),
                    view, SLOT("verticalScrollbarValueChanged(int)"))
