"""Words from the project — a colleague's names and notes, a web page's title — shown as
the plain text they are.

Qt reads a label's, a message box's or a tooltip's text as rich text when it looks like
HTML (``Qt::mightBeRichText``): a colleague's name «<img src="file:///…">» read a local
file into the window, a title «<h1>…» pushed the claim editor's fields out of view, and
a question quoting «<b» lost its end. In a menu's or a button's text an «&» marks the
next letter as its key: «R&D Verified» read «RD Verified».
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # (its Python type is made when a box is first shown, not at start-up)
    from PySide6.QtWidgets import QMessageBox


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as it is, whatever it looks like."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> None:
    """A message box that shows its text as it is: a message quoting a colleague's name
    or an article's title that looked like HTML was drawn as HTML, the rest of it lost."""
    box.setTextFormat(Qt.TextFormat.PlainText)


TIP_CHARACTERS = 1500  # about a screenful in a tooltip's width


def plain_tip(text: str) -> str:
    """*text* for a tooltip, read as it is: a tooltip has no plain-text switch, so text
    that looks like HTML is handed over as HTML that shows it, wrapping as plain text
    does (Qt's own conversion made every space a no-break one: a long note was one line
    3,000 pixels wide). A long text is cut at a screenful, with «…»: a note of 5,000
    words made a tooltip 6,558 pixels high that took 370 ms to show (rv97)."""
    if len(text) > TIP_CHARACTERS:
        text = text[:TIP_CHARACTERS - 1] + "…"
    if not QtGui.mightBeRichText(text):
        return text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"  # (html.escape: 1 ms to load)


def plain_action_text(text: str) -> str:
    """*text* for a menu item, a button or a radio button: its «&» an «&», not a key."""
    return text.replace("&", "&&")


def shown_action_text(text: str) -> str:
    """What a menu item's *text* shows: its key's «&» gone, «&&» an «&» (a verdict
    «R&D Checked» read «R&&D Checked» in Getting Started, «RD Checked» among the
    shortcuts)."""
    return re.sub(r"&(.)", r"\1", text.split("\t")[0])
