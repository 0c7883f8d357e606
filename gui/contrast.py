"""The colour of text drawn on a colour of our own (a verdict's highlight, its cell in
the labels list): black or white, whichever reads better, whatever the desktop's theme.

A highlight sets its background only, so words took the theme's text colour: under a
dark theme, light grey on a verdict's pastel, 1.0-1.3:1, the claims a checker tagged
all but gone. WCAG 2's contrast ratio (relative luminance) decides.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from store.core.colours import contrast_ratio, relative_luminance

BLACK, WHITE = "#000000", "#ffffff"


def _luminance(color: QColor) -> float:
    return relative_luminance(color.redF(), color.greenF(), color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    return contrast_ratio(_luminance(first), _luminance(second))


def text_on(*backgrounds: QColor) -> QColor:
    """Black or white: the one whose worst contrast with *backgrounds* (the stripes of a
    disagreement: text crosses each) is best."""
    return max((QColor(BLACK), QColor(WHITE)),
               key=lambda text: min(contrast(text, back) for back in backgrounds))


def problem_red(background: QColor) -> QColor:
    """The red a problem is told in, on *background*: a dark one on a light window, a
    light one on a dark window (#B00020 read at 1.9:1 on a dark theme's #2b2b2b)."""
    return max((QColor("#B00020"), QColor("#FF8A80")),
               key=lambda red: contrast(red, background))


MARK_CONTRAST = 3.0  # WCAG's least for a line or a shape that must be seen


def outline_on(color: QColor, background: QColor) -> QColor:
    """The line a verdict's *color* outlines words with on *background*: its darker
    shade, as on a light page; on a dark one, where a dark verdict's shade all but
    vanished (navy 1.01:1), the first lighter shade that is seen."""
    return _seen([color.darker(160), color.lighter(160), color.lighter(250),
                  color.lighter(400)], background)


def underline_on(color: QColor, background: QColor) -> QColor:
    """The colour of the underline that tells a verdict of *color* without colour, on
    *background* (its highlight): its deep shade, or a light one on a dark verdict (a
    black verdict's shade is black: the line was gone, 1.0:1, rv72)."""
    return _seen([color.darker(220), color.darker(300), color.lighter(250),
                  color.lighter(400)], background)


def _seen(shades: list[QColor], background: QColor) -> QColor:
    """The first of *shades* seen on *background*; else black or white, whichever is
    (no shade of pure black is any lighter)."""
    return next((shade for shade in shades if contrast(shade, background) >= MARK_CONTRAST),
                text_on(background))


def deeper(color: QColor, steps: int) -> QColor:
    """*color* made deeper by *steps* (claims overlapping words, each a step): darker,
    or, for a colour too dark to darken much, lighter (black's darker shade is black,
    and its overlaps were not seen)."""
    if steps <= 0:
        return QColor(color)
    if color.lightness() >= 48:
        return color.darker(100 + 18 * steps)
    light = min(0.12 * steps, 0.5)  # toward white
    return QColor.fromRgbF(*(channel + (1 - channel) * light
                             for channel in color.getRgbF()[:3]))


def secondary_text(palette: QPalette) -> QColor:
    """The colour of text said in passing (who tagged a claim and when, how to tag one):
    the window's text faded toward its background as far as WCAG AA's 4.5:1 allows.
    The palette's border grey (mid) read at 1.7:1, and did not follow a high-contrast
    theme."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    for share in (0.55, 0.65, 0.75, 0.85):
        faded = QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in zip(
            text.getRgbF()[:3], window.getRgbF()[:3], strict=True)))
        if contrast(faded, window) >= 4.5:
            return faded
    return text


# Hue bounds (degrees) of the colour names colour_words uses, the last wrapping to red.
_HUES = ((15, "red"), (40, "orange"), (70, "yellow"), (165, "green"), (200, "cyan"),
         (255, "blue"), (315, "purple"), (350, "pink"), (360, "red"))


def colour_words(color: QColor) -> str:
    """A colour as words a screen reader can say, its code after them: «light blue
    (#B3D9FF)». A verdict's colour was read out as «#B3D9FF», which says nothing to
    someone who cannot see it."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("colours", text)

    lightness, code = color.lightnessF(), color.name().upper()
    if color.hslSaturationF() < 0.15 or color.hslHue() < 0:
        if lightness > 0.92 or lightness < 0.08:
            return f"{tr('white') if lightness > 0.92 else tr('black')} ({code})"
        name = tr("grey")
    else:
        name = tr(next(name for bound, name in _HUES if color.hslHue() < bound))
    if lightness > 0.7:
        name = tr("light %1").replace("%1", name)
    elif lightness < 0.35:
        name = tr("dark %1").replace("%1", name)
    return f"{name} ({code})"
