"""Accessibility: verdicts readable without colour, enough contrast, text exposed to readers."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QColor

from resources import label_set


def relative_luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + \
        0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_helper_matches_wcag_reference_values():
    assert round(contrast(QColor("#000000"), QColor("#FFFFFF")), 1) == 21.0
    assert round(contrast(QColor("#777777"), QColor("#FFFFFF")), 2) == 4.48


def test_default_label_colours_meet_wcag_aa_against_the_text():
    text = QColor("#000000")  # article text drawn over a highlight
    for label in label_set()["labels"]:
        assert contrast(QColor(label["color"]), text) >= 4.5, label["key"]
        # and a deeper overlap shade stays readable too
        assert contrast(QColor(label["color"]).darker(136), text) >= 4.5, label["key"]


def test_each_verdict_has_its_own_underline(window):
    styles = {}
    for label in window.session.labels():
        fmt = window.article_pane.reader.highlighter.look(label.key, 1)
        styles[label.key] = fmt.underlineStyle()
    assert len(set(styles.values())) == len(styles)


def test_the_legend_shows_each_verdicts_underline(window):
    """rv72: the underline styles tell verdicts apart without colour, but nothing said
    which was which (the legend showed the colours alone). Each verdict's swatch in the
    legend holds its underline, drawn in its style: no two alike, the solid one whole."""
    from PySide6.QtWidgets import QLabel, QWidget

    lines = {}
    for label in window.session.labels():
        chip = window.article_pane.legend.findChild(QWidget, f"legend_{label.key}")
        picture = chip.findChildren(QLabel)[0].pixmap().toImage()
        ink = window.article_pane.reader.highlighter.look(label.key, 1).underlineColor()
        row = picture.height() - round(3 * picture.devicePixelRatio())
        lines[label.key] = tuple(picture.pixelColor(x, row).name() == ink.name()
                                 for x in range(4, picture.width() - 4))
    assert len(set(lines.values())) == len(lines) == 3
    assert all(lines["verified"]) and any(lines["unchecked"]) and not all(lines["unchecked"])


def test_reader_exposes_its_text_to_screen_readers(window):
    interface = QAccessible.queryAccessibleInterface(window.article_pane.reader)
    text = interface.textInterface()
    assert text is not None
    article = window.article_pane.reader.toPlainText()
    assert text.text(0, 50) == article[:50]
    assert interface.text(QAccessible.Text.Name) == "Article text"


def test_a_label_is_read_as_the_words_it_shows(window, qtbot):
    """Seven labels had an accessible name, which a screen reader says instead of their
    text: "Quoted claim" for the quote, "Matches found" for «2 of 18», "Who is tagging"
    for «Tagging as: tester»… What they are for is their description now."""
    from conftest import SAMPLE_QUOTE, tag_quote

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    editor = window.claims_panel.editor
    for label in (editor.quote, editor.meta, window.annotator_label,
                  window.article_pane.header):
        interface = QAccessible.queryAccessibleInterface(label)
        assert label.text() and interface.text(QAccessible.Text.Name) == label.text()
        assert interface.text(QAccessible.Text.Description)


def test_the_tabs_of_panels_sharing_a_place_have_a_name(window, qtbot):
    """The tab bar Qt makes for Articles and Search was the one control Tab reached that
    a screen reader could not name."""
    from PySide6.QtWidgets import QTabBar

    qtbot.waitUntil(lambda: bool(window.findChildren(QTabBar)) and all(
        bar.accessibleName() for bar in window.findChildren(QTabBar)))
