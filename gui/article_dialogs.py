"""Article Properties and the PDF-repair preview."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.i18n import error_text, filled
from gui.plain_text import plain_label
from gui.reader import align_paragraphs, layout_direction
from store.core.articles import is_iso_date, is_language_tag
from store.core.links import is_web_link, trimmed_link
from store.core.records import Article
from store.errors import TahqiqError
from store.text.display import isolated

if TYPE_CHECKING:
    from store.exchange.importing import LoadedFile


class ArticlePropertiesDialog(QDialog):
    """Title, outlet, URL, publication date and language; encoding and source for reference.

    OK saves the changes (*save*) and closes only once they are saved: a refusal (the
    article deleted by a colleague meanwhile) is shown and the dialog stays open with
    what was typed, as Project Settings does (saved after the dialog closed, a refusal
    lost all of it, rv169)."""

    FIELDS = ("title", "outlet", "url", "published", "language")

    def __init__(self, article: Article, parent: QWidget | None = None,
                 save: Callable[[dict[str, str]], object] | None = None):
        super().__init__(parent)
        self.setObjectName("articlePropertiesDialog")
        self.setWindowTitle(self.tr("Article Properties"))
        self.article = article
        self._save = save
        names = {"title": self.tr("Title"), "outlet": self.tr("Outlet"), "url": self.tr("URL"),
                 "published": self.tr("Published (YYYY-MM-DD)"),
                 "language": self.tr("Language (e.g. ar, en)")}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in self.FIELDS:
            edit = QLineEdit(getattr(article, field))
            edit.setCursorPosition(0)  # a long title shows its start, not its end
            edit.setObjectName(f"property_{field}")
            edit.setAccessibleName(names[field])
            if field in ("url", "published", "language"):
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.edits[field] = edit
            form.addRow(names[field], edit)
        # What is kept but left out of the exports, said under its field as it is typed.
        # Only said: the fields are free-form by design (imports bring other forms),
        # and the store keeps whatever is typed.
        hints = {"url": (lambda url: is_web_link(trimmed_link(url)), self.tr(
                     "Not a web link (http:// or https://): it will be left out of JSON-LD "
                     "exports.")),
                 "published": (is_iso_date, self.tr(
                     "Not a date as YYYY-MM-DD: it will be left out of ClaimReview "
                     "exports.")),
                 "language": (is_language_tag, self.tr(
                     "Not a language code such as ar, en or ar-EG: it will be left out of "
                     "JSON-LD exports."))}
        for field, (fits, said) in hints.items():
            hint = plain_label(said)
            hint.setObjectName(f"{field}Hint")
            hint.setWordWrap(True)
            form.insertRow(form.getWidgetPosition(self.edits[field])[0] + 1, "", hint)
            show = functools.partial(self._show_hint, hint, fits)
            self.edits[field].textChanged.connect(show)
            show(getattr(article, field))
        # (names isolated: «000_8ae1.txt» was torn at its «_» in the Arabic line)
        # (one pass: a name holding «%3», as «page%3Fid=5.html», took the count's place)
        # (the length counted: «1 characters», and Arabic's «5 حرفًا» for most lengths)
        info = plain_label(filled(self.tr(
            "Encoding: %1 · Source: %2 · %n character(s)", "", len(article.text)),
            isolated(article.encoding or '—'), isolated(article.source_name or '—')))
        info.setAccessibleName(self.tr("Import details"))
        form.addRow(info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)
        self._fitted = self.height()  # the height _fit last gave
        self._fit()

    def changes(self) -> dict[str, str]:
        """Only the fields the user changed."""
        return {f: e.text().strip() for f, e in self.edits.items()
                if e.text().strip() != getattr(self.article, f)}

    def accept(self) -> None:
        """Save the changes; on a refusal say why and stay open with the typing."""
        if (changes := self.changes()) and self._save is not None:
            try:
                self._save(changes)
            except TahqiqError as exc:
                dialogs.show_error(self, error_text(exc))
                return
        super().accept()

    def _show_hint(self, hint: QLabel, fits: Callable[[str], bool], text: str) -> None:
        text = text.strip()
        hint.setVisible(bool(text) and not fits(text))
        self._fit()

    def _fit(self) -> None:
        """Fit the height to the hints shown: a window keeps its height (Qt sizes a dialog
        by its fields' minimum, not by what its wrapped lines need at its width), and the
        wrapped lines of a hint would overlap the fields around it. A dialog the user
        made taller is left as tall (it still grows for a hint)."""
        if (layout := self.layout()) is None:
            return
        ours = self.height() == self._fitted  # not resized by the user since
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed < 0:  # nothing wraps
            needed = layout.totalMinimumSize().height()
        if needed > self.height() or ours and needed != self.height():
            self.resize(self.width(), needed)
            self._fitted = self.height()


class TwoTextsDialog(QDialog):
    """Two texts side by side and a choice between them (or Cancel): ``exec()`` returns
    FIRST or SECOND for the button pressed, 0 for Cancel."""

    FIRST, SECOND = 1, 2

    def __init__(self, explanation: str, panes: list[tuple[str, str, str]],
                 choices: tuple[str, str], parent: QWidget | None = None):
        """*panes*: (heading, text, object name) of each; *choices*: the two buttons."""
        super().__init__(parent)
        said = plain_label(explanation)
        said.setWordWrap(True)
        row = QHBoxLayout()
        for heading, text, name in panes:
            column = QVBoxLayout()
            column.addWidget(plain_label(heading))
            view = QPlainTextEdit(text)
            view.setObjectName(name)
            align_paragraphs(view, layout_direction(text))  # Arabic at the right
            view.setAccessibleName(heading)
            view.setReadOnly(True)
            column.addWidget(view)
            row.addLayout(column)
        buttons = QDialogButtonBox()
        first = buttons.addButton(choices[0], QDialogButtonBox.ButtonRole.AcceptRole)
        second = buttons.addButton(choices[1], QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        first.setDefault(True)
        first.clicked.connect(lambda: self.done(self.FIRST))
        second.clicked.connect(lambda: self.done(self.SECOND))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)  # (an 800-pixel screen shows all of it)


class PdfRepairDialog(TwoTextsDialog):
    """Before/after preview of repairing visual-order Arabic pasted from a PDF."""

    REPAIR, KEEP = TwoTextsDialog.FIRST, TwoTextsDialog.SECOND

    def __init__(self, before: str, after: str, parent: QWidget | None = None):
        super().__init__(
            self.tr("This text looks like Arabic copied out of a PDF: its letters are in "
                    "the shapes a PDF draws (presentation forms), often in visual order, and "
                    "search cannot find its words. Tahqiq can turn it back into ordinary "
                    "Arabic text."),
            [(self.tr("As pasted"), before, "pdfBefore"),
             (self.tr("Repaired"), after, "pdfAfter")],
            (self.tr("Repair"), self.tr("Keep as Pasted")), parent)
        self.setObjectName("pdfRepairDialog")
        self.setWindowTitle(self.tr("Repair Text Copied from a PDF?"))


def ask_pdf_repair(parent: QWidget | None, before: str, after: str) -> bool | None:
    """True to repair, False to keep the text as pasted, None to cancel (tests replace it)."""
    result = dialogs.run(PdfRepairDialog(before, after, parent))
    return {PdfRepairDialog.REPAIR: True, PdfRepairDialog.KEEP: False}.get(result)


class EncodingDialog(TwoTextsDialog):
    """Two plausible readings of a file's bytes, side by side: the checker sees which one
    is Arabic (a short Windows-1256 file reads as ISO-8859-6 too, as other words)."""

    PREVIEW = 600  # characters of each reading

    def __init__(self, chosen: LoadedFile, other: LoadedFile, parent: QWidget | None = None,
                 place: tuple[int, int] = (1, 1)):
        """*place*: this file's number among the files being imported, and how many."""
        # (the name isolated, as Article Properties has it: «000_8ae1.txt» was drawn
        # «8ae1.txt_000» in the Arabic sentence)
        super().__init__(
            filled(self.tr("%1 reads as Arabic in two code pages, as different words. "
                           "Tahqiq chose %2; pick the one that reads right."),
                   isolated(chosen.name), isolated(chosen.encoding)),
            [(loaded.encoding, loaded.text[:self.PREVIEW], name)
             for loaded, name in ((chosen, "encodingChosen"), (other, "encodingOther"))],
            (self.tr("Use %s") % chosen.encoding, self.tr("Use %s") % other.encoding), parent)
        self.setObjectName("encodingDialog")
        title = self.tr("Which Reading Is Right?")
        if place[1] > 1:
            title += " " + filled(self.tr("(file %1 of %2)"), place[0], place[1])
        self.setWindowTitle(title)
        cancel = self.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Leave This File Out"))


def ask_encoding(parent: QWidget | None, chosen: LoadedFile, other: LoadedFile,
                 place: tuple[int, int] = (1, 1)) -> LoadedFile | None:
    """The reading the user picks, confirmed, or None to leave the file out (tests
    replace it)."""
    result = dialogs.run(EncodingDialog(chosen, other, parent, place))
    picked = {EncodingDialog.FIRST: chosen, EncodingDialog.SECOND: other}.get(result)
    return picked.confirmed() if picked is not None else None
