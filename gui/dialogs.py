"""The one door for messages to the user (tests replace these functions).

The app's dialogs live in gui/settings_dialogs.py and load when first opened; the
message boxes' Qt classes too are made when first shown, not at start-up (PySide makes
a Qt class's Python type, with its enums, at its first use).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gui.plain_text import plain_box

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget


def shortened(quote: str, limit: int = 40) -> str:
    """A quote short enough for the status bar, on one line (a claim across a PDF's line
    break or a document's tab put its break in the line, rv121), cut at a word when it
    is not short."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    cut = quote[:limit].rsplit(" ", 1)[0] if " " in quote[:limit] else quote[:limit]
    return cut.rstrip() + "…"


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A waiting cursor while the window works in its own thread: the person sees it is
    at work, not stuck (a Tag All of thousands, an agreement report or a review packet
    of a long article: seconds)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def run(dialog: QDialog) -> int:
    """*dialog* shown and answered (``exec``), then deleted once control is back in the
    event loop: a dialog whose own widgets' signals reach it through a lambda was never
    freed — Deleted Claims kept its whole table, one more at every opening."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def show_error(parent: QWidget | None, message: str, title: str = "") -> None:
    """Every error the user sees goes through here (tests replace it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    title = title or QCoreApplication.translate("MainWindow", "Tahqiq")  # «تحقيق» in Arabic
    box = QMessageBox(QMessageBox.Icon.Warning, title, in_interface_direction(message),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    plain_box(box)
    run(box)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """A summary the user reads and dismisses (tests replace it). Its indented lines
    "  what: how many" are set as a table, the figures in a column of their own: lined
    up with spaces they only lined up in a fixed-width font (and not in Arabic)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    html = summary_html(message, QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)
    screen = (parent.screen() if parent is not None else QApplication.primaryScreen())
    if _text_height(html, BOX_TEXT_WIDTH) + BOX_FRAME > \
            screen.availableGeometry().height() * SCREEN_SHARE:
        # A message box cannot scroll, nor be resized: Getting Started in a large font or
        # at 150% ran off a laptop's screen, and its OK button with it.
        run(_scrolling_info(parent, title, html))
        return
    box = QMessageBox(QMessageBox.Icon.Information, title, "",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("infoDialog")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(html)
    run(box)


SCREEN_SHARE = 0.85  # of the screen's free height, the most a dialog takes at first
# About the width a message box wraps a long text at, and what it adds around the text
# (its title bar is the window system's): its own size hint, before it is shown, is that
# of the text on one line, 1,400 pixels wide and a fifth of its height.
BOX_TEXT_WIDTH, BOX_FRAME = 380, 110


LINE_PIXELS = 14  # the usual font's line, which a dialog's size in pixels is given for


def fit_screen(dialog: QWidget, width: int, height: int) -> None:
    """Size *dialog* at *width* x *height*, grown with the font and kept within the
    screen: fixed sizes cut the keys in Keyboard Shortcuts at a 16-point font, and at
    150% put its Close button below a laptop's screen."""
    scale = max(1.0, dialog.fontMetrics().height() / LINE_PIXELS)
    room = dialog.screen().availableGeometry()
    dialog.resize(min(round(width * scale), round(room.width() * 0.9)),
                  min(round(height * scale), round(room.height() * SCREEN_SHARE)))


def _text_height(html: str, width: int) -> float:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    document = QTextDocument()
    document.setDefaultFont(QApplication.font())
    document.setHtml(html)
    document.setTextWidth(width)
    return document.size().height()


def _scrolling_info(parent: QWidget | None, title: str, html: str) -> QDialog:
    """A summary too long for the screen: its text in a view that scrolls, in a dialog
    that fits the screen and can be resized."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("infoDialog")
    dialog.setWindowTitle(title)
    text = QTextBrowser()
    text.setOpenLinks(False)
    text.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    fit_screen(dialog, 600, 10_000)  # as wide as a page, as tall as the screen allows
    return dialog


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes-or-no question, No the default (tests replace it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, in_interface_direction(question),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirmDialog")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    plain_box(box)
    run(box)
    return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, question: str,
           choices: list[tuple[str, str]]) -> str | None:
    """A question of several answers, each (key, button text), the first the default;
    the key chosen, None for Cancel (tests replace it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, in_interface_direction(question),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("choiceDialog")
    plain_box(box)
    buttons = {box.addButton(text, QMessageBox.ButtonRole.AcceptRole): key
               for key, text in choices}
    box.setDefaultButton(next(iter(buttons)))
    run(box)
    return buttons.get(box.clickedButton())


def in_interface_direction(message: str) -> str:
    """*message* with each line read in the interface's direction: a plain text's line
    takes the direction of its first letter, so an Arabic message that starts with a
    file's name («bad.pdf ملف PDF، …») was laid out from the left, its sentence read
    from the middle. A right-to-left mark opens each line of an Arabic interface, a
    left-to-right mark each line of an English one («الانتخابات.tahqiq is text, not a
    Tahqiq project…» was laid out from the right, its full stop first; rv93)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    mark = "\u200f" if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft \
        else "\u200e"
    return "\n".join(line if line.startswith(mark) else mark + line
                     for line in message.split("\n"))


def summary_html(message: str, rtl: bool = False) -> str:
    """*message* as rich text: each indented "what: figure" line (a figure: it starts with
    a digit) a row of a table, and each line indented further below one (a few of what
    it counts: rv284) a row indented under it, other lines paragraphs; *rtl*:
    the table and the paragraphs laid out from the right (a QTextBrowser does not take
    its widget's direction for a table)."""
    from html import escape

    parts: list[str] = []
    rows: list[str] = []
    table = "<table cellspacing='2'" + (" align='right'>" if rtl else ">")
    for line in message.splitlines():
        what, colon, figure = line.rpartition(": ")
        # (a colon inside an isolated name or title - «Budget 2025: 3 billion» - is its
        # own, not the one before a figure)
        inside = sum(what.count(mark) for mark in "\u2066\u2067\u2068") > what.count("\u2069")
        if line.startswith("  ") and colon and what.strip() and not inside \
                and figure.strip()[:1].isdigit():
            side = " align='right'" if rtl else ""
            cells = [f"<td{side}>{escape(what.strip())}</td>",
                     f"<td{side} style='padding: 0 12px'>{escape(figure.strip())}</td>"]
            # Qt's rich text does not mirror a table's columns: the name at the right.
            rows.append("<tr>" + "".join(cells[::-1] if rtl else cells) + "</tr>")
            continue
        if line.startswith("    ") and rows:  # under a row: what it counts, below its
            # words, in the interface's direction: a mark, as a cell takes no «dir» and a
            # line of quotes took the direction of the first one's words (Arabic, in English)
            side, mark = ("right", "\u200f") if rtl else ("left", "\u200e")
            rows.append(f"<tr><td colspan='2' align='{side}' style='padding-{side}: 16px'>"
                        f"{mark}{escape(line.strip())}</td></tr>")
            continue
        if rows:
            parts.append(table + "".join(rows) + "</table>")
            rows = []
        parts.append(f"<p{' dir=rtl' if rtl else ''}>{escape(line.strip())}</p>")
    if rows:
        parts.append(table + "".join(rows) + "</table>")
    return "".join(parts)


def ask_annotator(parent: QWidget | None, current: str, unreadable: str = "") -> str | None:
    """Ask who is tagging; None if the user cancelled. *unreadable*: the file a name was
    kept in and cannot be read, said (asked again as on a first run, unsaid, the person
    took the login name offered and became a second annotator, rv70)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

    from store.text.display import isolated

    said = QWidget.tr("Your name is recorded on every claim and change you make:")
    if unreadable:
        said = QWidget.tr("The name you gave before, kept in %1, cannot be read. Give it "
                          "again, as you wrote it then:").replace(
                              "%1", isolated(unreadable, "\u2066")) \
            + "\n" + said
    name, ok = QInputDialog.getText(
        parent, QWidget.tr("Who is tagging?"), said, QLineEdit.EchoMode.Normal, current)
    name = name.strip()
    return name if ok and name else None
