"""How far apart two colours read, as WCAG 2 measures it (relative luminance, contrast
ratio): the text drawn on a verdict's colour is black or white by it, in the window
(gui.contrast, from Qt's colours) and in the review packet (from a label's #RRGGBB)."""

from __future__ import annotations

from collections.abc import Sequence


def relative_luminance(red: float, green: float, blue: float) -> float:
    """WCAG 2's relative luminance of an sRGB colour, its channels from 0 to 1."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def luminance(color: str) -> float:
    """The relative luminance of a colour written #RRGGBB."""
    return relative_luminance(*(int(color[at:at + 2], 16) / 255 for at in (1, 3, 5)))


def contrast_ratio(first: float, second: float) -> float:
    """WCAG 2's contrast ratio, 1 to 21, of two colours' relative luminances."""
    light, dark = sorted((first, second), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(background: str, inks: Sequence[str] = ("#000000", "#FFFFFF")) -> str:
    """Of *inks* (colours written #RRGGBB), the one that reads best on *background*."""
    back = luminance(background)
    return max(inks, key=lambda ink: contrast_ratio(luminance(ink), back))
