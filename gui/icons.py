"""Tahqiq's own icon, and icons drawn by the app itself (colour swatches)."""

from __future__ import annotations

import atexit
import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTextCharFormat,
)

import resources
from gui.contrast import text_on


def keycap_style(palette: QPalette) -> str:
    """A key as a keyboard draws it: a cap of the field colour with a darker lower edge,
    in *palette*'s colours written out (a style sheet's «palette(base)» is read once,
    and a key stayed white when the theme turned dark)."""
    def colour(role: QPalette.ColorRole) -> str:
        return palette.color(role).name()

    roles = QPalette.ColorRole
    return (f"border: 1px solid {colour(roles.Mid)}; border-bottom-width: 2px; "
            f"border-radius: 3px; background: {colour(roles.Base)}; "
            f"color: {colour(roles.Text)}; padding: 0px 4px; font-weight: bold;")


def _canvas(size: int, height: int | None = None) -> QPixmap:
    """A transparent square of *size* pixels (*height* high, if given) as the window
    lays it out, drawn at the screens' highest scale: a picture drawn at 1x was blurred
    on a 200% screen."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if app is not None else 1.0
    pixmap = QPixmap(round(size * ratio), round((height or size) * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def color_icon(color: str | QColor, size: int = 14) -> QIcon:
    pixmap = _canvas(size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def swatch(color: str | QColor, size: int = 12) -> QPixmap:
    """A verdict's colour as a rounded square with an edge, visible on any background."""
    return _rounded(color, size, QRectF(0.5, 0.5, size - 1, size - 1), 2.5, 160)


def underlined_swatch(color: str | QColor, line: QTextCharFormat.UnderlineStyle,
                      line_color: QColor, height: int = 12, width: int = 26) -> QPixmap:
    """:func:`_underlined_swatch`, drawn once a process for each verdict look (_drawn)."""
    return QPixmap(_drawn(_underlined_swatch, _argb(color), line,
                          _argb(line_color), height, width))


def _underlined_swatch(color: str | QColor, line: QTextCharFormat.UnderlineStyle,
                       line_color: QColor, height: int = 12, width: int = 26) -> QPixmap:
    """A verdict as the reader marks words with it, for the legend: its colour, and the
    underline that tells it without colour, in its style (dotted, dashed…): a reader
    who does not tell red from green had no key to the underlines (rv72)."""
    line_color = QColor(line_color)
    pixmap = _rounded(color, width, QRectF(0.5, 0.5, width - 1, height - 1), 2.5, 160,
                      height)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    baseline = height - 3
    if line == QTextCharFormat.UnderlineStyle.WaveUnderline:  # (no pen draws a wave)
        painter.setPen(QPen(line_color, 1))
        painter.drawPolyline(QPolygonF([QPointF(x, baseline - (x % 4 == 0) * 2 + 1)
                                        for x in range(2, width - 2, 2)]))
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # Flat ends, as Qt draws a text's underline: a pen's square caps lengthen each
        # dot and dash by a pixel on a scaled screen (dots read as dashes at 200%).
        painter.setPen(QPen(line_color, 1, _PENS.get(line, Qt.PenStyle.SolidLine),
                            Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(2, baseline), QPointF(width - 3, baseline))
    painter.end()
    return pixmap


# The reader's underline styles (gui.reader.UNDERLINES) as a pen draws them
_PENS = {QTextCharFormat.UnderlineStyle.DotLine: Qt.PenStyle.DotLine,
         QTextCharFormat.UnderlineStyle.SingleUnderline: Qt.PenStyle.SolidLine,
         QTextCharFormat.UnderlineStyle.DashUnderline: Qt.PenStyle.DashLine,
         QTextCharFormat.UnderlineStyle.DashDotLine: Qt.PenStyle.DashDotLine,
         QTextCharFormat.UnderlineStyle.DashDotDotLine: Qt.PenStyle.DashDotDotLine}


def outline_swatch(color: str | QColor, size: int = 12) -> QPixmap:
    """:func:`_outline_swatch`, drawn once a process for each colour (_drawn)."""
    return QPixmap(_drawn(_outline_swatch, _argb(color), size))


def _outline_swatch(color: str | QColor, size: int = 12) -> QPixmap:
    """A dashed rounded square: how the reader outlines a claim checked elsewhere
    (gui.outlines), for the legend."""
    pixmap = _canvas(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), 1.5, Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([2, 1.5])
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 2.5, 2.5)
    painter.end()
    return pixmap


def tag_icon(color: str | QColor, key: str, size: int = 22) -> QIcon:
    """:func:`_tag_icon`, drawn once a process for each verdict's colour and key (_drawn;
    the key's face is the application's, as it is now)."""
    return QIcon(_drawn(_tag_icon, _argb(color), key, size,
                        face=QGuiApplication.font().toString()))


def _tag_icon(color: str | QColor, key: str, size: int = 22, face: str = "") -> QIcon:
    """A verdict's toolbar icon: a tag in its colour with its key on it (a one-character
    key; the tooltip and the menu name any other). The same picture,
    paler, when the action is disabled: Qt's greyed default looks like an unticked
    checkbox, and the colour is what the verdict is known by."""
    pixmap = _rounded(color, size, QRectF(1, 2, size - 2, size - 4), 4, 170)
    if len(key) == 1:  # a longer shortcut (Ctrl+4) would not fit: the colour alone then
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.6))
        painter.setFont(font)
        painter.setPen(text_on(QColor(color)))  # (a dark verdict's key was #111 on it)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, key)
        painter.end()
    pale = _canvas(size)
    painter = QPainter(pale)
    painter.setOpacity(0.45)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pale, QIcon.Mode.Disabled)
    return icon


def arrow_icon(direction: Qt.ArrowType, color: QColor, size: int = 10) -> QIcon:
    """A solid triangle pointing *direction* (a disclosure arrow), drawn here rather than
    taken from the style: the style's arrows need QStyle, whose Python type PySide makes
    with its ten enums (5 ms of the window's start-up)."""
    a, b, c = 1.5, size / 2, size - 1.5  # near edge, middle, far edge
    corners = {Qt.ArrowType.RightArrow: ((a, a), (c, b), (a, c)),
               Qt.ArrowType.LeftArrow: ((c, a), (a, b), (c, c)),
               Qt.ArrowType.UpArrow: ((a, c), (b, a), (c, c))
               }.get(direction, ((a, a), (c, a), (b, c)))  # down
    pixmap = _canvas(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in corners]))
    painter.end()
    return QIcon(pixmap)


@functools.lru_cache(maxsize=256)
def _kept(draw: Callable[..., object], ratio: float, *args: object, **kwargs: object) -> object:
    return draw(*args, **kwargs)


def _argb(color: str | QColor) -> str:
    return QColor(color).name(QColor.NameFormat.HexArgb)


def _drawn(draw: Callable[..., object], *args: object, **kwargs: object) -> object:
    """*draw*'s picture of *args* (colours by their #AARRGGBB), drawn once a process at the
    screens' scale as it is: every window drew its legend's swatches and its toolbar's
    tag icons anew, ~1.5 ms of each window's start (fx124). The caller hands out a copy
    (QPixmap and QIcon share their pixels until one is painted on)."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if app is not None else 1.0
    if not _let_go_at_exit:  # before the application is: a picture kept past it crashed
        _let_go_at_exit.append(atexit.register(_kept.cache_clear))  # (LIFO: runs first)
    return _kept(draw, ratio, *args, **kwargs)


_let_go_at_exit: list[object] = []


def _rounded(color: str | QColor, size: int, rect: QRectF, radius: float, edge: int,
             height: int | None = None) -> QPixmap:
    """A transparent square pixmap (*height* high, if given) holding *rect* filled with
    *color*, its edge darker."""
    pixmap = _canvas(size, height)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(color).darker(edge), 1.2))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(rect, radius, radius)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """The application icon, from the PNGs that scripts/make-icons renders (no SVG
    renderer needed at run time, so the bundle leaves QtSvg out)."""
    icon = QIcon()
    for png in (resources.FOLDER / "icons").iterdir():
        stem = png.name.removesuffix(".png")
        if png.name.endswith(".png") and stem.startswith("tahqiq-"):
            side = int(stem.removeprefix("tahqiq-"))
            icon.addFile(str(png), QSize(side, side))
    return icon
