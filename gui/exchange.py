"""File ▸ Export, Import Claims and Merge: dialogs in front of store functions run as tasks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui import article_dialogs, dialogs
from gui.i18n import error_text, message_text
from gui.tasks import Progress, Task, run_with_progress
from store.errors import TahqiqError
from store.project import Project

FORMAT_NAMES = {
    "csv": (QT_TRANSLATE_NOOP("ExportDialog", "CSV for spreadsheets"), "csv"),
    "json": (QT_TRANSLATE_NOOP("ExportDialog", "Whole project as JSON"), "json"),
    "w3c": (QT_TRANSLATE_NOOP("ExportDialog", "W3C Web Annotation (JSON-LD)"), "jsonld"),
    "claimreview": (QT_TRANSLATE_NOOP("ExportDialog", "schema.org ClaimReview (JSON-LD)"),
                    "jsonld"),
}


class ExportDialog(QDialog):
    """Choose a format and whether to export the current article or the whole project."""

    def __init__(self, parent: QWidget | None, article_title: str | None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Claims"))
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Export format"))
        for key, (name, _ext) in FORMAT_NAMES.items():
            self.format.addItem(self.tr(name), key)
        self.current = QRadioButton(self.tr("Current article: %s") % (article_title or ""))
        self.current.setAccessibleName(self.tr("Export the current article"))
        self.whole = QRadioButton(self.tr("Whole project"))
        self.whole.setAccessibleName(self.tr("Export the whole project"))
        self.current.setEnabled(article_title is not None)
        (self.current if article_title is not None else self.whole).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        scope = QVBoxLayout()
        scope.addWidget(self.current)
        scope.addWidget(self.whole)
        form.addRow(self.tr("Claims of"), scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, bool]:
        return self.format.currentData(), self.current.isChecked()


def _own_connection(path: Path, annotator: str) -> Project:
    """A task's own connection: SQLite connections stay on the thread that made them."""
    return Project.open(path, annotator, create=False)


def export(window, fmt: str, target: str | Path, article_id: str | None) -> Task:
    project = window.session.project
    path, annotator = project.path, project.annotator

    def work(progress: Progress) -> Path:
        from store import exporting

        with _own_connection(path, annotator) as own:
            return exporting.export_file(own, fmt, target, article_id, progress)

    return run_with_progress(
        window, window.tr("Exporting…"), work,
        lambda result: window.statusBar().showMessage(
            window.tr("Exported to %s") % Path(result).name, 8000),
        lambda message: dialogs.show_error(window, message))


def export_dialog(window) -> None:
    title = None
    if window.current_article:
        title = window.session.article(window.current_article).title
    dialog = ExportDialog(window, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    fmt, current_only = dialog.choice()
    _name, extension = FORMAT_NAMES[fmt]
    target, _ = QFileDialog.getSaveFileName(
        window, window.tr("Export Claims"), f"claims.{extension}",
        f"{FORMAT_NAMES[fmt][0]} (*.{extension})")
    if target:
        export(window, fmt, target, window.current_article if current_only else None)


def bring_in(window, source: str | Path, label: str) -> Task:
    """Merge a colleague's project or import a Tahqiq CSV, then show what came in."""
    project = window.session.project
    path, annotator = project.path, project.annotator

    def work(progress: Progress):
        from store import merge, search

        with _own_connection(path, annotator) as own:
            summary = merge.merge_file(own, source, progress)
            search.catch_up(own)  # index the new notes here, not in the first search
            return summary

    def finished(summary) -> None:
        window.session.check_outside_changes()
        dialogs.show_info(window, window.tr("Merged %s") % Path(source).name,
                          "\n".join(message_text(line) for line in summary.lines()))

    return run_with_progress(window, label, work, finished,
                             lambda message: dialogs.show_error(window, message))


def merge_dialog(window) -> None:
    source, _ = QFileDialog.getOpenFileName(
        window, window.tr("Merge Colleague's Project"), "",
        window.tr("Tahqiq projects (*.tahqiq);;Tahqiq CSV (*.csv);;All files (*)"))
    if source:
        bring_in(window, source, window.tr("Merging…"))


def import_claims_dialog(window) -> None:
    source, _ = QFileDialog.getOpenFileName(
        window, window.tr("Import Claims"), "", window.tr("Tahqiq CSV (*.csv)"))
    if source:
        bring_in(window, source, window.tr("Importing claims…"))



def packet_dialog(window) -> None:
    """File ▸ Export Review Packet: the current article as PDF or HTML."""
    if not window.current_article:
        return
    target, chosen = QFileDialog.getSaveFileName(
        window, window.tr("Export Review Packet"), "review-packet.pdf",
        window.tr("PDF (*.pdf);;HTML (*.html)"))
    if target:
        fmt = "html" if target.lower().endswith((".html", ".htm")) or "HTML" in chosen else "pdf"
        export_packet_to(window, fmt, target)


def export_packet_to(window, fmt: str, target: str | Path) -> None:
    """Write the packet (a second or less, even for a long article) and say where."""
    from gui.packet import export_packet

    try:
        export_packet(window.session.project, window.current_article, fmt, target,
                      window.session.language)
    except (OSError, TahqiqError) as exc:
        dialogs.show_error(window, error_text(exc))
        return
    window.statusBar().showMessage(window.tr("Review packet saved to %s") % Path(target).name,
                                   8000)


def import_articles(window, paths: list[str | Path]) -> Task:
    """Import article files off the GUI thread: read and decode, ask about PDF repair,
    then store — a 10 MB file never freezes the window."""
    from store import importing

    project = window.session.project
    db_path, annotator = project.path, project.annotator

    def load(progress: Progress) -> list:
        loaded = []
        for done, path in enumerate(paths, 1):
            try:
                loaded.append((path, importing.load_file(path), None))
            except TahqiqError as exc:
                loaded.append((path, None, error_text(exc)))
            if not progress(done, len(paths)):
                break
        return loaded

    def store(items: list) -> None:
        def work(progress: Progress) -> list:
            outcomes = []
            with _own_connection(db_path, annotator) as own:
                for done, (loaded, repair) in enumerate(items, 1):
                    try:
                        outcomes.append(importing.import_loaded(own, loaded, repair_pdf=repair))
                    except TahqiqError as exc:
                        outcomes.append(error_text(exc))
                    progress(done, len(items))
            return outcomes

        run_with_progress(window, window.tr("Importing…"), work, finished,
                          lambda message: dialogs.show_error(window, message))

    def loaded_all(loaded: list) -> None:
        from store.arabic import looks_like_visual_pdf_text

        problems = [message for _path, _file, message in loaded if message]
        items = []
        for _path, file, _message in loaded:
            if file is None:
                continue
            repair = False
            if looks_like_visual_pdf_text(file.text[:20000]):
                before, after = importing.preview_pdf_repair(file.text)
                choice = article_dialogs.ask_pdf_repair(window, before, after)
                if choice is None:
                    continue
                repair = choice
            items.append((file, repair))
        if problems:
            dialogs.show_error(window, "\n".join(problems))
        if items:
            store(items)

    def finished(outcomes: list) -> None:
        window.session.check_outside_changes()
        errors = [o for o in outcomes if isinstance(o, str)]
        done = [o for o in outcomes if not isinstance(o, str)]
        if done:
            window.article_model.reload()
            window.imported(done[-1])
        if errors:
            dialogs.show_error(window, "\n".join(errors))

    return run_with_progress(window, window.tr("Reading…"), load, loaded_all,
                             lambda message: dialogs.show_error(window, message))
