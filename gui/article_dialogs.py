"""Article Properties and the PDF-repair preview."""

from __future__ import annotations

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

from store.core.records import Article

if TYPE_CHECKING:
    from store.exchange.importing import LoadedFile


class ArticlePropertiesDialog(QDialog):
    """Title, outlet, URL, publication date and language; encoding and source for reference."""

    FIELDS = ("title", "outlet", "url", "published", "language")

    def __init__(self, article: Article, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articlePropertiesDialog")
        self.setWindowTitle(self.tr("Article Properties"))
        self.article = article
        names = {"title": self.tr("Title"), "outlet": self.tr("Outlet"), "url": self.tr("URL"),
                 "published": self.tr("Published (YYYY-MM-DD)"),
                 "language": self.tr("Language (e.g. ar, en)")}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in self.FIELDS:
            edit = QLineEdit(getattr(article, field))
            edit.setObjectName(f"property_{field}")
            edit.setAccessibleName(names[field])
            if field in ("url", "published", "language"):
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.edits[field] = edit
            form.addRow(names[field], edit)
        info = QLabel(self.tr("Encoding: %1 · Source: %2 · %3 characters")
                      .replace("%1", article.encoding or "—")
                      .replace("%2", article.source_name or "—")
                      .replace("%3", str(len(article.text))))
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

    def changes(self) -> dict[str, str]:
        """Only the fields the user changed."""
        return {f: e.text().strip() for f, e in self.edits.items()
                if e.text().strip() != getattr(self.article, f)}


class PdfRepairDialog(QDialog):
    """Before/after preview of repairing visual-order Arabic pasted from a PDF."""

    REPAIR, KEEP = 1, 2

    def __init__(self, before: str, after: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfRepairDialog")
        self.setWindowTitle(self.tr("Repair Text Copied from a PDF?"))
        explanation = QLabel(self.tr(
            "This text looks like Arabic copied out of a PDF: its letters are in presentation "
            "forms and in visual order. Tahqiq can turn it back into ordinary Arabic text."))
        explanation.setWordWrap(True)
        panes = QHBoxLayout()
        for title, text, name in ((self.tr("As pasted"), before, "pdfBefore"),
                                  (self.tr("Repaired"), after, "pdfAfter")):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            view = QPlainTextEdit(text)
            view.setObjectName(name)
            view.setAccessibleName(title)
            view.setReadOnly(True)
            column.addWidget(view)
            panes.addLayout(column)
        buttons = QDialogButtonBox()
        repair = buttons.addButton(self.tr("Repair"), QDialogButtonBox.ButtonRole.AcceptRole)
        keep = buttons.addButton(self.tr("Keep as Pasted"),
                                 QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        repair.clicked.connect(lambda: self.done(self.REPAIR))
        keep.clicked.connect(lambda: self.done(self.KEEP))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(panes)
        layout.addWidget(buttons)
        self.resize(820, 420)


def ask_pdf_repair(parent: QWidget | None, before: str, after: str) -> bool | None:
    """True to repair, False to keep the text as pasted, None to cancel (tests replace it)."""
    result = PdfRepairDialog(before, after, parent).exec()
    return {PdfRepairDialog.REPAIR: True, PdfRepairDialog.KEEP: False}.get(result)


class EncodingDialog(QDialog):
    """Two plausible readings of a file's bytes, side by side: the checker sees which one
    is Arabic (a short Windows-1256 file reads as ISO-8859-6 too, as other words)."""

    PREVIEW = 600  # characters of each reading

    def __init__(self, chosen: LoadedFile, other: LoadedFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("encodingDialog")
        self.setWindowTitle(self.tr("Which Reading Is Right?"))
        explanation = QLabel(self.tr(
            "%1 reads as Arabic in two code pages, as different words. Tahqiq chose %2; "
            "pick the one that reads right.").replace("%1", chosen.name)
            .replace("%2", chosen.encoding))
        explanation.setWordWrap(True)
        panes = QHBoxLayout()
        for loaded, name in ((chosen, "encodingChosen"), (other, "encodingOther")):
            column = QVBoxLayout()
            column.addWidget(QLabel(loaded.encoding))
            view = QPlainTextEdit(loaded.text[:self.PREVIEW])
            view.setObjectName(name)
            view.setAccessibleName(self.tr("The file read as %s") % loaded.encoding)
            view.setReadOnly(True)
            column.addWidget(view)
            panes.addLayout(column)
        buttons = QDialogButtonBox()
        keep = buttons.addButton(self.tr("Use %s") % chosen.encoding,
                                 QDialogButtonBox.ButtonRole.AcceptRole)
        switch = buttons.addButton(self.tr("Use %s") % other.encoding,
                                   QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        keep.setDefault(True)
        keep.clicked.connect(lambda: self.done(1))
        switch.clicked.connect(lambda: self.done(2))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(panes)
        layout.addWidget(buttons)
        self.resize(820, 380)


def ask_encoding(parent: QWidget | None, chosen: LoadedFile, other: LoadedFile
                 ) -> LoadedFile | None:
    """The reading the user picks, or None to leave the file out (tests replace it)."""
    return {1: chosen, 2: other}.get(EncodingDialog(chosen, other, parent).exec())
