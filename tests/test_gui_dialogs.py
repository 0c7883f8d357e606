"""The project's dialogs through their real widgets: what a refusal leaves of the typing."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_QUOTE, select_in_reader, stored, tag_quote
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from gui.i18n import TsTranslator
from store.core.settings import get_settings


def while_open(then: Callable[[QDialog], None]) -> None:
    """Call *then* with the modal dialog about to open, once it is on screen; whatever
    *then* leaves open is cancelled after it (a test that fails never hangs on it)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            then(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def may_not_write(monkeypatch, path: Path) -> None:
    """Tell this process it may not write *path* (root, the tests' user in CI containers,
    may write any file)."""
    allowed = os.access
    monkeypatch.setattr(os, "access", lambda where, mode, **kw: False
                        if Path(where) == path and mode & os.W_OK else allowed(where, mode, **kw))


@pytest.fixture
def read_only_window(qtbot, errors, tmp_path, monkeypatch):
    """The main window on a project file this user may not write (as root, the tests'
    user in CI containers, may write any file: os.access is told otherwise for it)."""
    from gui.app import create_window
    from store.core.project import Project

    path = tmp_path / "shared.tahqiq"
    Project.open(path, "colleague").close()
    may_not_write(monkeypatch, path)
    win = create_window(path, remember=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.session.read_only
    yield win
    win.close()


def press_ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_refused_project_setting_keeps_the_dialog_open_with_the_typing(window, errors):
    """An address without {id} is refused: the dialog stays open with both fields as
    typed (it closed, and the organisation typed with it was lost too); corrected, OK
    saves and closes."""
    seen: list[tuple[bool, str, str]] = []

    def type_refuse_correct(dialog: QDialog) -> None:
        organization = dialog.findChild(QLineEdit, "settingOrganization")
        address = dialog.findChild(QLineEdit, "settingUrlTemplate")
        organization.setText("Fact Desk")
        address.setText("https://factcheck.example/claims/")
        press_ok(dialog)
        seen.append((dialog.isVisible(), organization.text(), address.text()))
        address.setText("https://factcheck.example/claims/{id}")
        press_ok(dialog)
        seen.append((dialog.isVisible(), organization.text(), address.text()))

    while_open(type_refuse_correct)
    window.edit_project_settings()
    assert seen == [(True, "Fact Desk", "https://factcheck.example/claims/"),
                    (False, "Fact Desk", "https://factcheck.example/claims/{id}")]
    assert len(errors) == 1 and "https://factcheck.example/claims/" in errors[0]
    saved = get_settings(stored(window))
    assert (saved.organization, saved.url_template) == (
        "Fact Desk", "https://factcheck.example/claims/{id}")


def test_refused_article_properties_keep_the_dialog_open_with_the_typing(window, errors):
    """A colleague deletes the article while its properties are open: OK is refused and
    the dialog stays open with what was typed (it closed first and saved after, and the
    title, outlet and date typed were lost, rv169)."""
    from store.core import article_deletion
    from store.core.project import Project

    article_id = window.current_article
    seen: list[tuple[bool, str, str]] = []

    def type_then_refused(dialog: QDialog) -> None:
        dialog.edits["title"].setText("عنوان صحّحته بعد ساعة من التحقق")
        dialog.edits["outlet"].setText("الجزيرة")
        with Project.open(window.session.path, "colleague", create=False) as colleague:
            article_deletion.delete_article(colleague, article_id)
        assert window.session.refresh()  # (the window's poll)
        press_ok(dialog)
        seen.append((dialog.isVisible(), dialog.edits["title"].text(),
                     dialog.edits["outlet"].text()))

    while_open(type_then_refused)
    window.edit_article_properties()
    assert seen == [(True, "عنوان صحّحته بعد ساعة من التحقق", "الجزيرة")]
    assert len(errors) == 1 and "deleted meanwhile" in errors[0]


def test_the_label_colour_cells_read_on_any_theme(window):
    """A colour cell showed its code in the theme's text colour on the colour itself:
    light grey on pastel under a dark theme (1.0-1.3:1)."""
    from gui.contrast import contrast
    from gui.settings_dialogs import LabelsDialog

    labels = LabelsDialog(window.session, window)
    table, column = labels.table, LabelsDialog.COLUMNS.index("color")
    palette = table.palette()
    palette.setColor(palette.ColorRole.Text, QColor("#e0e0e0"))  # a dark theme's
    table.setPalette(palette)
    for row in range(table.rowCount()):
        item = table.item(row, column)
        text = table.palette().color(palette.ColorRole.Text) if \
            item.foreground().style() == Qt.BrushStyle.NoBrush else item.foreground().color()
        assert contrast(text, item.background().color()) >= 4.5
    labels.close()


def test_a_refused_new_label_keeps_its_dialog_open_with_the_typing(window, errors):
    """A new label on a key another label has is refused: Add Label stays open with what
    was typed (it closed, and key, names and shortcut were lost); corrected, OK adds it."""
    from gui.settings_dialogs import LabelsDialog, NewLabelDialog

    labels = LabelsDialog(window.session, window)
    seen: list[tuple[bool, str, str, str]] = []

    def type_refuse_correct(dialog: NewLabelDialog) -> None:
        dialog.key.setText("misleading")
        dialog.name_en.setText("Misleading")
        dialog.name_ar.setText("مضلل")
        dialog.shortcut.setText("3")  # Disputed's
        press_ok(dialog)
        seen.append((dialog.isVisible(), dialog.key.text(), dialog.name_ar.text(),
                     dialog.shortcut.text()))
        dialog.shortcut.setText("7")
        press_ok(dialog)
        seen.append((dialog.isVisible(), dialog.key.text(), dialog.name_ar.text(),
                     dialog.shortcut.text()))

    while_open(type_refuse_correct)
    labels.add_label()
    assert seen == [(True, "misleading", "مضلل", "3"), (False, "misleading", "مضلل", "7")]
    assert len(errors) == 1 and "Disputed" in errors[0]
    added = window.session.label("misleading")
    assert added is not None and (added.name_ar, added.shortcut) == ("مضلل", "7")
    assert labels.table.item(labels.table.rowCount() - 1, 0).text() == "misleading"


def test_each_new_label_is_offered_a_colour_apart_from_the_labels_own(window, errors):
    """rv91: every new label was offered the same light blue; seven pressed OK looked
    alike in the reader and the legend. Each is offered a colour no label has."""
    from gui.settings_dialogs import NewLabelDialog
    from store.core.labels import SUGGESTED_COLOURS

    offered = []
    for n in range(len(SUGGESTED_COLOURS)):
        dialog = NewLabelDialog(window.session, window)
        colour = dialog.color.name().upper()
        assert colour not in {label.color.upper() for label in window.session.labels()}
        offered.append(colour)
        window.session.add_label(f"scale_{n}", f"Scale {n}", colour)
        dialog.deleteLater()
    assert sorted(offered) == sorted(SUGGESTED_COLOURS)


@pytest.mark.parametrize(("field", "typed", "said", "corrected", "stored_as"), [
    ("shortcut", "3", "Disputed", "8", "8"),  # Disputed's key, named
    ("rating", "four", "whole number", "4", 4),  # was reverted, with no word
])
def test_a_refused_label_edit_opens_its_cell_again_with_the_typing(
        window, qtbot, errors, field, typed, said, corrected, stored_as):
    """A label's shortcut edited to one another label has, or a rating that is not a
    number, is refused: the cell shows the label as stored and its editor opens again
    holding what was typed (the table was reloaded and the typing lost); corrected,
    Enter saves it."""
    from gui.settings_dialogs import LabelsDialog

    labels = LabelsDialog(window.session, window, window.undo_stack)  # as the window does
    labels.show()
    qtbot.waitExposed(labels)
    table = labels.table
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index("verified")
    column = LabelsDialog.COLUMNS.index(field)
    before = getattr(window.session.label("verified"), field)
    cell = table.model().index(row, column)
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    table.indexWidget(cell).setText(typed)
    qtbot.keyClick(table.indexWidget(cell), Qt.Key.Key_Return)  # committed queued
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    assert len(errors) == 1 and said in errors[0]
    assert getattr(window.session.label("verified"), field) == before
    assert table.item(row, column).text() == str(before)  # the table shows what is stored
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(cell), QLineEdit), timeout=2000)
    editor = table.indexWidget(cell)
    assert editor.text() == typed
    editor.setText(corrected)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.session.label("verified"), field) == stored_as,
                    timeout=2000)
    assert table.item(row, column).text() == corrected and len(errors) == 1
    labels.close()


@pytest.fixture
def labels_dialog(window, qtbot, monkeypatch):
    """Project ▸ Labels on screen, its colour dialog answering #123456 and Add Label's
    dialog never shown (a test never hangs on either): what each was asked is kept."""
    from PySide6.QtGui import QColor

    from gui import settings_dialogs

    asked: dict[str, list[str]] = {"colour": [], "new label": []}
    monkeypatch.setattr(settings_dialogs.QColorDialog, "getColor", lambda initial, parent: (
        asked["colour"].append(initial.name()) or QColor("#123456")))

    class NoNewLabel:
        def __init__(self, *_args: object) -> None:
            asked["new label"].append("opened")

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(settings_dialogs, "NewLabelDialog", NoNewLabel)
    labels = settings_dialogs.LabelsDialog(window.session, window, window.undo_stack)
    labels.asked = asked
    labels.show()
    qtbot.waitExposed(labels)
    labels.table.setFocus()
    yield labels
    labels.close()


def label_row(labels, key: str) -> int:
    return [labels.table.item(r, 0).text() for r in range(labels.table.rowCount())].index(key)


def test_a_label_renamed_or_recoloured_is_undone_by_edit_undo(window, qtbot, errors,
                                                              labels_dialog):
    """Found by a review (rv61): a label typed over by mistake in Project ▸ Labels
    could only be typed back - the window's Undo did not know it."""
    labels = labels_dialog
    row = label_row(labels, "disputed")
    column = labels.COLUMNS.index("name_en")
    labels.table.item(row, column).setText("Fabricated")
    assert window.session.label("disputed").name_en == "Fabricated"
    labels.apply("disputed", color="#ABCDEF")
    assert window.undo_stack.undoText() == "Change label " + window.session.label_name(
        "disputed")
    window.undo_stack.undo()
    assert window.session.label("disputed").color != "#ABCDEF"
    window.undo_stack.undo()
    assert window.session.label("disputed").name_en == "Disputed"
    assert labels.table.item(row, column).text() == "Disputed"  # the dialog shows it
    window.undo_stack.redo()
    assert window.session.label("disputed").name_en == "Fabricated"
    assert errors == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2,
                                 Qt.Key.Key_Space])
def test_a_label_is_recoloured_with_keys_only(window, qtbot, errors, labels_dialog, key):
    """The colour dialog opened only on a double-click: Enter, F2 and Space on the colour
    cell open it, and the colour chosen is saved."""
    from PySide6.QtGui import QColor

    from gui.settings_dialogs import LabelsDialog

    table, row = labels_dialog.table, label_row(labels_dialog, "verified")
    before = window.session.label("verified").color
    table.setCurrentCell(row, LabelsDialog.COLUMNS.index("color"))
    qtbot.keyClick(table, key)
    assert labels_dialog.asked == {"colour": [QColor(before).name()], "new label": []}
    assert window.session.label("verified").color == "#123456"
    assert table.item(row, LabelsDialog.COLUMNS.index("color")).text() == "#123456"
    assert labels_dialog.isVisible() and errors == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_the_labels_table_presses_no_button(qtbot, errors, labels_dialog, key):
    """Enter on a cell not being edited went on to the dialog, whose default button was
    Add Label: a New Label dialog opened. Enter on a name edits it, as F2 does; on a key
    cell it does nothing; the dialog stays open (Escape closes it)."""
    from gui.settings_dialogs import LabelsDialog

    table, row = labels_dialog.table, label_row(labels_dialog, "verified")
    table.setCurrentCell(row, LabelsDialog.COLUMNS.index("key"))
    qtbot.keyClick(table, key)
    assert labels_dialog.asked["new label"] == [] and labels_dialog.isVisible()
    assert table.state() != QAbstractItemView.State.EditingState
    name = table.model().index(row, LabelsDialog.COLUMNS.index("name_en"))
    table.setCurrentIndex(name)
    qtbot.keyClick(table, key)
    assert isinstance(table.indexWidget(name), QLineEdit)
    assert labels_dialog.asked["new label"] == [] and labels_dialog.isVisible()
    qtbot.keyClick(table.indexWidget(name), Qt.Key.Key_Escape)  # the edit, then the dialog
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not labels_dialog.isVisible() and errors == []


def test_a_read_only_projects_labels_cannot_be_edited_and_the_dialog_says_why(
        read_only_window, qtbot, errors):
    """No cell opens an editor and Add Label is off, with a line saying why (every edit
    was let through and then refused by the store, one message each)."""
    from gui.settings_dialogs import LabelsDialog

    labels = LabelsDialog(read_only_window.session, read_only_window)
    labels.show()
    qtbot.waitExposed(labels)
    table = labels.table
    notice = labels.findChild(QLabel, "readOnlyNotice")
    assert notice is not None and notice.isVisible()
    assert notice.text() == "This project is open read-only."
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert arabic.translate("LabelsDialog", notice.text()) == "هذا المشروع مفتوح للقراءة فقط."
    assert not labels.findChild(QPushButton, "addLabel").isEnabled()
    editable = [(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())
                if table.item(r, c).flags() & Qt.ItemFlag.ItemIsEditable]
    assert editable == []
    column = LabelsDialog.COLUMNS.index("name_en")
    name = table.visualItemRect(table.item(0, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=name)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=name)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.indexWidget(table.model().index(0, column)) is None and errors == []
    labels.close()


def test_a_read_only_projects_settings_cannot_be_edited_and_the_dialog_says_why(
        read_only_window, errors):
    """The settings are shown, not editable, with a line saying why and only Close (they
    could be typed, and OK was refused by the store)."""
    seen: dict[str, object] = {}

    def look(dialog: QDialog) -> None:
        notice = dialog.findChild(QLabel, "readOnlyNotice")
        buttons = dialog.findChild(QDialogButtonBox)
        seen.update(
            notice=notice.text() if notice is not None and notice.isVisible() else None,
            organization=dialog.findChild(QLineEdit, "settingOrganization").isReadOnly(),
            address=dialog.findChild(QLineEdit, "settingUrlTemplate").isReadOnly(),
            language=dialog.findChild(QComboBox, "settingLanguage").isEnabled(),
            ok=buttons.button(QDialogButtonBox.StandardButton.Ok) is not None,
            close=buttons.button(QDialogButtonBox.StandardButton.Close) is not None)

    while_open(look)
    read_only_window.edit_project_settings()
    assert seen == {"notice": "This project is open read-only.", "organization": True,
                    "address": True, "language": False, "ok": False, "close": True}
    assert errors == []
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert arabic.translate("ProjectSettingsDialog", seen["notice"]) == \
        "هذا المشروع مفتوح للقراءة فقط."


def test_article_properties_hint_at_a_publication_date_claimreview_leaves_out(window,
                                                                              errors):
    """A publication date that is not YYYY-MM-DD is kept (imports bring other forms) but
    left out of ClaimReview: a line under the field says so as it is typed, and goes
    when the date is one, or the field is empty; it never stops OK (there was no word
    of it at all)."""
    seen: list[tuple[str, str | None]] = []

    def type_dates(dialog: QDialog) -> None:
        published = dialog.findChild(QLineEdit, "property_published")
        for typed in ("2024-03-05", "March 2024", "", "2024-03-05T10:00", "5/3/2024"):
            published.setText(typed)
            hint = dialog.findChild(QLabel, "publishedHint")
            seen.append((typed, hint.text() if hint is not None and hint.isVisible()
                         else None))
        press_ok(dialog)

    while_open(type_dates)
    window.edit_article_properties()
    left_out = ("Not a date as YYYY-MM-DD: it will be left out of ClaimReview exports.")
    assert seen == [("2024-03-05", None), ("March 2024", left_out), ("", None),
                    ("2024-03-05T10:00", None), ("5/3/2024", left_out)]
    assert window.session.article(window.current_article).published == "5/3/2024"
    assert errors == []
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert "ClaimReview" in arabic.translate("ArticlePropertiesDialog", left_out)


def test_article_properties_hint_at_a_language_json_ld_leaves_out(window, errors):
    """A language that is no language code («Arabic») is kept but left out of JSON-LD,
    which wants BCP 47: a line under the field says so as it is typed."""
    seen: list[tuple[str, bool]] = []

    def type_languages(dialog: QDialog) -> None:
        language = dialog.findChild(QLineEdit, "property_language")
        for typed in ("ar", "Arabic", "ar-EG", "", "عربي"):
            language.setText(typed)
            seen.append((typed, dialog.findChild(QLabel, "languageHint").isVisible()))
        press_ok(dialog)

    while_open(type_languages)
    window.edit_article_properties()
    assert seen == [("ar", False), ("Arabic", True), ("ar-EG", False), ("", False),
                    ("عربي", True)]
    assert window.session.article(window.current_article).language == "عربي"
    assert errors == []


def held_whole(dialog: QDialog) -> None:
    """Article Properties' two hints each whole, above the field after it."""
    below = {"urlHint": "property_published", "publishedHint": "property_language"}
    for name, field in below.items():
        label = dialog.findChild(QLabel, name)
        assert label.height() >= label.heightForWidth(label.width()), name
        assert label.geometry().bottom() < dialog.findChild(QLineEdit, field).geometry().top()


def test_article_properties_hint_at_a_url_the_exports_cannot_name_it_by(window, errors):
    """A URL that is no http(s) link (a `javascript:` one, a bare domain) is kept but left
    out of the JSON-LD exports: a line under the field says so as it is typed, shown
    again when the dialog opens on such a value, and never stops OK."""
    seen: list[tuple[str, bool]] = []

    def type_urls(dialog: QDialog) -> None:
        url = dialog.findChild(QLineEdit, "property_url")
        hint = dialog.findChild(QLabel, "urlHint")
        for typed in ("https://news.example/a", "javascript:alert(1)", "",
                      "news.example/a", " http://news.example/b ",
                      "\u200fhttps://news.example/c\u200f"):
            url.setText(typed)
            seen.append((typed, hint.isVisible()))
        url.setText("javascript:alert(1)")
        dialog.findChild(QLineEdit, "property_published").setText("March 2024")
        held_whole(dialog)  # the dialog grew: wrapped hints overlapped the fields below
        press_ok(dialog)

    while_open(type_urls)
    window.edit_article_properties()
    assert seen == [("https://news.example/a", False), ("javascript:alert(1)", True),
                    ("", False), ("news.example/a", True), (" http://news.example/b ", False),
                    ("\u200fhttps://news.example/c\u200f", False)]  # (saved without marks)
    assert window.session.article(window.current_article).url == "javascript:alert(1)"
    reopened: list[bool] = []

    def look(dialog: QDialog) -> None:
        reopened.append(dialog.findChild(QLabel, "urlHint").isVisible())
        reopened.append(dialog.findChild(QLabel, "publishedHint").isVisible())
        held_whole(dialog)  # opened with both shown
        dialog.reject()

    while_open(look)
    window.edit_article_properties()
    assert reopened == [True, True]
    assert errors == []
    said = "Not a web link (http:// or https://): it will be left out of JSON-LD exports."
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    assert "https://" in arabic.translate("ArticlePropertiesDialog", said) != said


def test_article_properties_gives_back_the_height_its_hints_took(window, errors):
    """The dialog grows for a hint and shrinks by as much when the hint goes (it stayed
    tall, with a gap where the hint had been); a height the user gave it stays."""
    heights: list[int] = []

    def type_and_clear(dialog: QDialog) -> None:
        url = dialog.findChild(QLineEdit, "property_url")
        heights.append(dialog.height())
        url.setText("javascript:alert(1)")
        heights.append(dialog.height())
        hint = dialog.findChild(QLabel, "urlHint")
        assert hint.height() >= hint.heightForWidth(hint.width())
        url.setText("https://news.example/a")
        heights.append(dialog.height())
        dialog.resize(dialog.width(), heights[0] + 120)  # the user makes it taller
        url.setText("news.example/a")
        url.setText("")
        heights.append(dialog.height())
        dialog.reject()

    while_open(type_and_clear)
    window.edit_article_properties()
    opened, with_hint, without, user_made = heights
    assert with_hint > opened
    assert without == opened
    assert user_made == opened + 120
    assert errors == []


def test_claimreview_export_asks_for_the_settings_before_a_file(window, errors, tmp_path,
                                                                monkeypatch):
    """Choosing ClaimReview in a project without its publisher says so in the Export
    dialog, OK held back, with Project Settings a button away (it failed only after a
    file was named, pointing at the command line); once they are saved, the export runs.
    A file name typed without an extension gets the format's."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, caption, name, kinds: (asked.append(kinds),
                                              (str(tmp_path / "reviews"), kinds))[1]))
    seen: list[tuple[bool, bool, bool]] = []

    def fill_settings(settings: QDialog) -> None:
        settings.findChild(QLineEdit, "settingOrganization").setText("Tahqiq Desk")
        settings.findChild(QLineEdit, "settingUrlTemplate").setText(
            "https://factcheck.example/claims/{id}")
        press_ok(settings)

    def choose(dialog: QDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        hint = dialog.findChild(QLabel, "claimReviewNeedsSettings")
        button = dialog.findChild(QPushButton, "exportProjectSettings")
        formats = dialog.findChild(QComboBox, "exportFormat")
        seen.append((ok.isEnabled(), hint.isVisible(), button.isVisible()))
        height = dialog.height()
        formats.setCurrentIndex(formats.findData("claimreview"))
        seen.append((ok.isEnabled(), hint.isVisible(), button.isVisible()))
        while_open(fill_settings)
        button.click()
        seen.append((ok.isEnabled(), hint.isVisible(), button.isVisible()))
        heights.append((height, dialog.height()))  # the note's band gone with it
        ok.click()

    heights: list[tuple[int, int]] = []
    while_open(choose)
    window.files.export_dialog(window.current_article)
    assert seen == [(True, False, False), (False, True, True), (True, False, False)]
    assert heights[0][1] == heights[0][0]
    assert window.session.project_settings().organization == "Tahqiq Desk"
    target = tmp_path / "reviews.jsonld"
    for _ in range(200):  # the export runs off the GUI thread
        if target.exists():
            break
        QTest.qWait(50)
    assert target.exists() and not (tmp_path / "reviews").exists()
    assert asked == ["schema.org ClaimReview (JSON-LD) (*.jsonld)"]
    assert errors == []

@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_export_formats_name_what_the_file_holds_not_how_much(qtbot, errors, tmp_path,
                                                                  monkeypatch, language):
    """rv282: the JSON format was named «Whole project as JSON» while the scope below it
    stood at Current article: the file exported to archive the project held one article.
    No format names a scope (in either language); the scope chosen is what is written."""
    import json

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from gui.app import create_window

    window = create_window(tmp_path / "two.tahqiq", language=language)
    qtbot.addWidget(window)
    window.files.paste_as_article("The first article says the budget doubled.")
    window.files.paste_as_article("The second article says the deficit halved.")
    kinds: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, caption, name, types: (kinds.append(types),
                                              (str(tmp_path / f"out{len(kinds)}.json"),
                                               types))[1]))
    seen: list[tuple[list[str], str, str]] = []

    def choose(whole: bool) -> Callable[[QDialog], None]:
        def run(dialog: QDialog) -> None:
            formats = dialog.findChild(QComboBox, "exportFormat")
            names = [formats.itemText(n) for n in range(formats.count())]
            formats.setCurrentIndex(formats.findData("json"))
            scopes = [b for b in dialog.findChildren(QRadioButton)]
            (current,) = [b for b in scopes if b.isChecked()]  # the default scope
            (other,) = [b for b in scopes if b is not current]
            seen.append((names, formats.currentText(), other.text()))
            if whole:
                other.setChecked(True)
            press_ok(dialog)
        return run

    written = []
    for whole in (False, True):
        while_open(choose(whole))
        window.files.export_dialog(window.current_article)
        target = tmp_path / f"out{len(kinds)}.json"
        for _ in range(200):  # the export runs off the GUI thread
            if target.exists():
                break
            QTest.qWait(50)
        written.append(json.loads(target.read_text("utf-8")))
    window.close()
    if language == "ar":
        create_window(language="en").close()  # leave the application in English
    names, json_name, whole_project = seen[0]
    project = "project" if language == "en" else "المشروع"
    assert project in whole_project  # (the radio: the one place the scope is chosen)
    assert [n for n in names if project in n] == []
    assert "JSON" in json_name and kinds[0].startswith(json_name) and "(*.json)" in kinds[0]
    assert [len(d["articles"]) for d in written] == [1, 2]
    assert [d["tahqiq"]["format"] for d in written] == ["tahqiq-project"] * 2
    assert written[0]["tahqiq"]["article_id"] == written[0]["articles"][0]["id"]
    assert written[1]["tahqiq"]["article_id"] is None
    assert errors == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_export_dialog_fits_the_screen_whatever_the_articles_title(qtbot, errors,
                                                                       language):
    """rv212: «Current article: …» held the whole title, and a saved page's headline and
    sub-head (200 characters) made File ▸ Export… 1,280 pixels wide, its OK and Cancel
    off a laptop's screen. The title is shortened as the header's is, whole in the
    tooltip."""
    from gui.app import create_window

    window = create_window(language=language)
    qtbot.addWidget(window)
    title = ("بوتين وكيم جونغ أون يوقعان اتفاقًا للدفاع المشترك في بيونغ يانغ خلال أول زيارة "
             "للرئيس الروسي منذ 24 عامًا: معاهدة تقول موسكو إنها الأقوى على الإطلاق وتثير "
             "قلق الدول الغربية وحلفائها الآسيويين في سيول وطوكيو")
    window.session.update_article(window.current_article, title=title)
    seen: dict[str, object] = {}

    def look(dialog: QDialog) -> None:
        qtbot.wait(20)
        (current,) = [b for b in dialog.findChildren(QRadioButton) if b.isChecked()]
        seen.update(width=dialog.frameGeometry().width(), room=dialog.screen()
                    .availableGeometry().width(), text=current.text(), tip=current.toolTip())
        dialog.reject()

    while_open(look)
    window.files.export_dialog(window.current_article)
    window.close()
    if language == "ar":
        create_window(language="en").close()  # leave the application in English
    assert seen["width"] <= seen["room"] == 800  # (a laptop's 1093 pixels, and less)
    assert title[:40] in seen["text"] and "…" in seen["text"]
    assert seen["tip"] == title


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("title", ["Budget deficit plan", "خطة الحكومة لخفض العجز",
                                   "Deficit " * 12 + "<b>plan</b> & more"])
def test_a_screen_reader_hears_the_current_articles_title_whole(qtbot, errors, language,
                                                                title):
    """rv236: the radio button's accessible name «Export the current article» stands for
    its shown text, and only a title over 60 characters had a tooltip: a short title was
    never heard. Its description is the whole title, as plain text, at any length."""
    from PySide6.QtGui import QAccessible

    from gui.app import create_window
    from gui.project_files import ExportDialog

    window = create_window(language=language)
    qtbot.addWidget(window)
    dialog = ExportDialog(window, title)
    heard = QAccessible.queryAccessibleInterface(dialog.current)
    description = heard.text(QAccessible.Text.Description)
    dialog.close()
    window.close()
    if language == "ar":
        create_window(language="en").close()  # leave the application in English
    assert description == title


def test_a_labels_description_is_shown_whole_in_its_row(labels_dialog):
    """Rows one line tall clipped the default labels' descriptions, which wrap to two
    lines in their column: each row is as tall as its description needs."""
    from PySide6.QtCore import QRect

    table = labels_dialog.table
    column = labels_dialog.COLUMNS.index("description")
    metrics = table.fontMetrics()
    wrapped = 0
    for row in range(table.rowCount()):
        text = table.item(row, column).text()
        needed = metrics.boundingRect(QRect(0, 0, table.columnWidth(column) - 8, 10_000),
                                      Qt.TextFlag.TextWordWrap, text).height()
        wrapped += needed > metrics.height() * 1.5
        assert table.rowHeight(row) >= needed, (text, table.rowHeight(row), needed)
    assert wrapped  # the default descriptions do wrap at the dialog's width


def test_tab_leaves_the_dialogs_tables_for_their_buttons(window, qtbot):
    """Tab walked the cells of the Labels table and never left it: Add Label… (which had
    no mnemonic either) could not be reached by keyboard; the shortcut sheet trapped Tab
    too, and Deleted Claims reached Close before Restore."""
    from gui.deleted_claims import DeletedClaimsDialog
    from gui.settings_dialogs import LabelsDialog, ShortcutsDialog

    tag_quote(window, SAMPLE_QUOTE, "verified")
    window.delete_current_claim()  # (Deleted Claims lists it)
    labels = LabelsDialog(window.session, window)
    add = labels.findChild(QPushButton, "addLabel")
    assert add.text().startswith("&")
    sheet = ShortcutsDialog(window.action_set.shortcut_rows(), window)
    deleted = DeletedClaimsDialog(window.session, window.undo_stack, window.current_article,
                                  window)
    close = deleted.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    for dialog, table, after in ((labels, labels.table, add),
                                 (sheet, sheet.table, sheet.findChild(QDialogButtonBox).button(
                                     QDialogButtonBox.StandardButton.Close)),
                                 (deleted, deleted.table, deleted.restore_button)):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 800, dialog.objectName()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        table.selectRow(0)  # (Restore is on once a row is chosen)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, dialog.objectName()
        if dialog is deleted:
            qtbot.keyClick(after, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is close
        dialog.close()


def test_enter_in_deleted_claims_restores_the_chosen_claim_alone(window, qtbot):
    """Three claims deleted; Down to the second and Enter: it came back, and so did the
    one that moved into the first row (the table passed Enter on to the dialog, which
    pressed Restore again). One Enter, one claim, one undo step; the next is chosen."""
    from gui.deleted_claims import DeletedClaimsDialog

    text = window.article_pane.reader.toPlainText()
    for start in (0, 20, 40):
        select_in_reader(window, start, start + 8)
        window.tag("verified")
        window.delete_current_claim()
    assert window.claims_panel.claims() == []
    dialog = DeletedClaimsDialog(window.session, window.undo_stack, window.current_article,
                                 window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    chosen = dialog.places[dialog.table.currentRow()].quote
    steps = window.undo_stack.count()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert [text[p.start:p.end] for p in window.claims_panel.claims()] == [chosen]
    assert window.undo_stack.count() == steps + 1 and dialog.isVisible()
    assert len(dialog.places) == 2 and dialog.table.currentRow() == 1
    dialog.close()


def test_the_deleted_lists_follow_a_colleagues_restore_and_push_no_step_for_it(
        window, monkeypatch, errors):
    """A colleague brings back what Deleted Articles or Deleted Claims lists: the list
    followed nothing, Restore on the row said «Restored…» and pushed a step whose Undo
    deleted their live article with the claim they had made in it (rv169). The list
    follows the project, the row chosen kept; a restore read before their write came in
    pushes no step and says who brought it back."""
    from gui import dialogs
    from gui.deleted_articles import DeletedArticlesDialog
    from gui.deleted_claims import DeletedClaimsDialog
    from gui.i18n import quoted
    from store.core import appearances, article_deletion
    from store.core.project import Project
    from store.text.display import isolated

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    session, stack = window.session, window.undo_stack
    first = window.current_article
    ids = []
    for text in ("مقال ثان عن الطاقة الشمسية في المغرب", "مقال ثالث عن الرياح"):
        window.files.paste_as_article(text)
        ids.append(window.current_article)
        window.delete_article()
    listed = DeletedArticlesDialog(session, stack, window)
    said: list[str] = []
    listed.said.connect(said.append)
    assert [a.id for a in listed.articles] == ids[::-1]
    listed.table.selectRow(1)  # the second article, deleted first

    def colleague(work) -> None:
        with Project.open(session.path, "colleague", create=False) as project:
            work(project)

    def bring_back_and_tag(project) -> None:
        article_deletion.restore_article(project, ids[0])
        appearances.create_claim(project, ids[0], 16, 26, "disputed")

    colleague(lambda project: article_deletion.restore_article(project, ids[1]))
    assert session.refresh()  # (the window's poll): the list follows, its row kept
    assert [a.id for a in listed.articles] == [ids[0]] and listed.table.currentRow() == 0
    colleague(bring_back_and_tag)  # not yet seen by the window
    steps = stack.count()
    listed.restore_current()
    assert said == [f"{isolated('colleague')} brought the article "
                    f"{quoted('مقال ثان عن الطاقة الشمسية في المغرب')} back meanwhile."]
    assert stack.count() == steps and [a.id for a in listed.articles] == []
    stack.undo()  # the deletion of the third: the second and its claim stay
    assert not session.article(ids[0]).deleted and len(session.places_in(ids[0])) == 1
    listed.close()
    window.show_article(first)
    select_in_reader(window, 0, 12)
    window.tag("verified")
    place = window.claims_panel.claims()[0]
    window.delete_current_claim()
    deleted = DeletedClaimsDialog(session, stack, first, window)
    deleted.said.connect(said.append)
    assert [p.id for p in deleted.places] == [place.id]
    words = deleted.places[0].quote
    colleague(lambda project: appearances.restore_all(project, [place.id]))
    steps = stack.count()
    deleted.restore_current()
    assert said[-1] == f"{isolated('colleague')} brought back {quoted(words)} meanwhile."
    assert stack.count() == steps and [p.id for p in deleted.places] == []
    session.delete_appearance(place.id)  # the list follows the window's own untagging
    assert [p.id for p in deleted.places] == [place.id]
    deleted.close()
    assert errors == []
    arabic = TsTranslator((ROOT / "resources/translations/tahqiq_ar.ts").read_text("utf-8"))
    for context, english in (("DeletedArticlesDialog", "%2 brought the article %1 back meanwhile."),
                             ("DeletedClaimsDialog", "%2 brought back %1 meanwhile.")):
        assert "%1" in arabic.translate(context, english) != english


def test_a_tag_all_undone_is_one_row_of_deleted_claims_and_comes_back_whole(window):
    """A Tag All undone was listed a dozen times over, identical rows each restoring one
    place (`tahqiq claim --restore` brings them all): one row, restoring every place,
    one undo step."""
    from PySide6.QtGui import QAction

    from gui.deleted_claims import DeletedClaimsDialog

    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    start = text.index(word)
    select_in_reader(window, start, start + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    places = len(window.claims_panel.claims())
    window.undo_stack.undo()
    dialog = DeletedClaimsDialog(window.session, window.undo_stack, window.current_article,
                                 window)
    assert len(dialog.places) == 1 and len(dialog.groups[0]) == places
    assert dialog.table.item(0, 0).text() == f"{word} ({places} places)"
    dialog.restore_current()
    assert len(window.claims_panel.claims()) == places and dialog.places == []
    assert window.undo_stack.undoText() == "Restore claim"  # one step
    window.undo_stack.undo()
    assert window.claims_panel.claims() == []
    dialog.close()


def test_words_tagged_again_as_their_claim_are_not_offered_to_restore(window, errors):
    """One place of a Tag All untagged, then Tag All again from another: the words are
    the claim's again, yet Deleted Claims listed them, and Restore was refused «These
    words are already tagged as this claim.» with nothing said before (rv246)."""
    from PySide6.QtGui import QAction

    from gui.deleted_claims import DeletedClaimsDialog

    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    start = text.index(word)
    select_in_reader(window, start, start + len(word))
    tag_all = window.findChild(QAction, "all_occurrences")
    tag_all.trigger()
    places = window.claims_panel.claims()
    window.select_claim(places[1].id)
    window.delete_current_claim()
    window.select_claim(places[0].id)
    tag_all.trigger()
    assert len(window.claims_panel.claims()) == len(places)
    dialog = DeletedClaimsDialog(window.session, window.undo_stack, window.current_article,
                                 window)
    assert dialog.places == [] and dialog.table.isHidden() and not dialog.empty.isHidden()
    dialog.close()
    assert errors == []


def test_preferences_say_a_new_name_makes_ones_claims_a_colleagues(qtbot):
    """Renamed, one's own claims counted as a colleague's (one could accept one's own
    verdict), and the dialog said nothing: it says so as the name is changed."""
    from PySide6.QtWidgets import QLabel

    from gui.settings_dialogs import PreferencesDialog

    dialog = PreferencesDialog("Layla", "en")
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.findChild(QLabel, "nameChangeNote")
    assert not note.isVisible()
    dialog.name.setText("Layla Haddad")
    assert note.isVisible() and "«\u2068Layla\u2069»" in note.text()
    dialog.name.setText(" Layla ")  # the same name, spaces aside
    assert not note.isVisible()
    first = PreferencesDialog("", "en")  # no name yet (a first run): nothing to say
    qtbot.addWidget(first)
    first.show()
    first.name.setText("Layla")
    assert not first.findChild(QLabel, "nameChangeNote").isVisible()


def test_restoring_words_untagged_before_their_claim_went_undoes_whole(window, errors):
    """One place of a Tag All untagged, then the whole claim deleted: its row restored
    brings the claim back with all its places, and the undo untagged the words alone,
    leaving the claim live (a reviewer found it). The undo deletes the claim again; the
    claim, deleted last, is listed first."""
    from PySide6.QtGui import QAction

    from gui.deleted_claims import DeletedClaimsDialog

    session = window.session
    text = window.article_pane.reader.toPlainText()
    word = "بوتين"
    start = text.index(word)
    select_in_reader(window, start, start + len(word))
    window.findChild(QAction, "all_occurrences").trigger()
    places = window.claims_panel.claims()
    session.delete_appearance(places[0].id)
    session.delete_claim(places[0].claim_id)
    dialog = DeletedClaimsDialog(session, window.undo_stack, window.current_article, window)
    assert [len(group) for group in dialog.groups] == [len(places) - 1, 1]
    dialog.table.selectRow(1)
    dialog.restore_current()
    assert len(window.claims_panel.claims()) == len(places)
    window.undo_stack.undo()
    assert window.claims_panel.claims() == []
    assert session.appearance(places[0].id).claim.is_deleted
    dialog.close()
    assert errors == []


def test_a_verdict_key_in_a_read_only_project_says_why_it_does_nothing(read_only_window,
                                                                        qtbot, monkeypatch):
    """The verdict's action is disabled in a read-only project: its key did nothing and
    said nothing, in English or on an Arabic layout."""
    from PySide6.QtCore import Qt

    reader = read_only_window.article_pane.reader
    reader.setFocus()
    for key, text in ((Qt.Key.Key_3, "3"), (Qt.Key.Key_3, "٣")):
        read_only_window.statusBar().clearMessage()
        QApplication.sendEvent(reader, _typed(key, text))  # (Latin, then an Arabic layout)
        assert "read-only" in read_only_window.statusBar().currentMessage(), text
    # a shortcut typed in Arabic («٤» in New Label): its Latin twin is the same key
    session = read_only_window.session
    arabic = [label._replace(shortcut="٤") for label in session.labels()[:1]]
    monkeypatch.setattr(session, "labels", lambda: arabic)
    read_only_window.statusBar().clearMessage()
    QApplication.sendEvent(reader, _typed(Qt.Key.Key_4, "4"))
    assert "read-only" in read_only_window.statusBar().currentMessage()
    read_only_window.statusBar().clearMessage()
    qtbot.keyClick(reader, Qt.Key.Key_Right)  # any other key: nothing said
    assert read_only_window.statusBar().currentMessage() == ""


def _typed(key, text):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)


def test_a_verdicts_colour_is_said_in_words(window, monkeypatch):
    """A screen reader read a verdict's colour as «#B3D9FF» (the New Label button just
    «Colour»): it says «light blue (#B3D9FF)», in the interface's language."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from gui.contrast import colour_words
    from gui.settings_dialogs import LabelsDialog, NewLabelDialog

    assert colour_words(QColor("#B3D9FF")) == "light blue (#B3D9FF)"
    assert colour_words(QColor("#8B0000")) == "dark red (#8B0000)"
    assert colour_words(QColor("#FFFFFF")) == "white (#FFFFFF)"
    labels = LabelsDialog(window.session, window)
    cells = [labels.table.item(row, LabelsDialog.COLUMNS.index("color"))
             for row in range(labels.table.rowCount())]
    assert [c.data(Qt.ItemDataRole.AccessibleTextRole) for c in cells] == [
        colour_words(QColor(label.color)) for label in window.session.labels()]
    new = NewLabelDialog(window.session, window)
    assert new.color_button.accessibleName() == "Colour: light blue (#9FA8DA)"  # (offered)
    labels.close()
    new.close()


def test_known_claims_cannot_be_accepted_in_a_read_only_project(qtbot, errors, tmp_path,
                                                                monkeypatch):
    """Accept (Y) and Dismiss (X) stayed enabled in a read-only project and did nothing
    when pressed, silently; the Tag menu's items were disabled."""
    from conftest import SAMPLE_QUOTE
    from test_gui_known_claims import COPY

    from gui.app import create_window
    from store.core import appearances, articles
    from store.core.project import Project
    from store.exchange import seeding

    path = tmp_path / "shared.tahqiq"
    seeding.open_or_create(path, "colleague").close()
    with Project.open(path, "colleague") as project:
        first = articles.list_articles(project)[0]["id"]
        text = articles.get_article(project, first).text
        at = text.index(SAMPLE_QUOTE)
        appearances.create_claim(project, first, at, at + len(SAMPLE_QUOTE), "disputed")
        copy = articles.add_article(project, COPY, "copy").id
    may_not_write(monkeypatch, path)
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert window.session.read_only
    window.show_article(copy)
    panel = window.known_claims
    qtbot.waitUntil(lambda: bool(panel.hits()), timeout=20000)
    assert not panel.accept_button.isEnabled() and not panel.dismiss_button.isEnabled()
    window.close()


def test_a_read_only_project_still_lists_what_was_deleted(read_only_window):
    """Deleted Claims and Deleted Articles were disabled read-only: who deleted what, and
    when, is worth reading there too; only Restore is off."""
    from gui.deleted_articles import DeletedArticlesDialog

    actions = read_only_window.action_set
    assert actions.deleted_articles.isEnabled()
    assert actions.deleted_claims.isEnabled() == (read_only_window.current_article is not None)
    dialog = DeletedArticlesDialog(read_only_window.session, read_only_window.undo_stack,
                                   read_only_window)
    assert not dialog.restore_button.isEnabled()
    dialog.close()


def test_a_restore_from_the_deleted_list_is_said_after_an_undo_too(window):
    """A restore pushed after an undo replaces the undone steps, so the stack did not
    grow: the restore went unsaid."""
    from gui.deleted_claims import DeletedClaimsDialog

    text = window.article_pane.reader.plain_text()
    for words in ("بوتين", SAMPLE_QUOTE):
        start = text.index(words)
        select_in_reader(window, start, start + len(words))
        window.tag("disputed")
        window.delete_current_claim()
    window.undo_stack.undo()  # the second deletion undone
    dialog = DeletedClaimsDialog(window.session, window.undo_stack, window.current_article,
                                 window)
    said: list[str] = []
    dialog.said.connect(said.append)
    assert dialog.table.rowCount() >= 1
    dialog.restore_current()
    assert len(said) == 1 and said[0].startswith("Restored «")
    dialog.close()


def test_a_claim_chosen_in_a_read_only_project_does_not_offer_a_relabel(qtbot, errors,
                                                                        tmp_path, monkeypatch):
    """«Chosen: …. A verdict key relabels it.», then the key said the project was
    read-only: read-only, the choice is said without the offer."""
    from gui.app import create_window
    from store.core import appearances, articles
    from store.core.project import Project
    from store.exchange import seeding

    path = tmp_path / "shared.tahqiq"
    seeding.open_or_create(path, "colleague").close()
    with Project.open(path, "colleague") as project:
        first = articles.list_articles(project)[0]["id"]
        at = articles.get_article(project, first).text.index(SAMPLE_QUOTE)
        claim = appearances.create_claim(project, first, at, at + len(SAMPLE_QUOTE),
                                         "disputed")
    may_not_write(monkeypatch, path)
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.show_article(first)
    window.article_pane.reader.claimClicked.emit(claim.id)
    said = window.statusBar().currentMessage()
    assert said.startswith("Chosen: «") and "relabel" not in said
    window.close()


def test_a_new_verdict_leaves_the_editor_without_a_claim_blank(window):
    """With no claim chosen, a verdict added (Labels ▸ Add, or a merge bringing one)
    filled the editor's verdict box with «Unchecked», as if a claim were shown."""
    editor = window.claims_panel.editor
    assert window.current_claim_id() is None and editor.verdict.currentText() == ""
    window.session.add_label("false", "False", "#B71C1C", shortcut="4")
    assert editor.verdict.count() == 4 and editor.verdict.currentText() == ""


def test_keyboard_shortcuts_grow_with_the_font_within_the_screen(qtbot, monkeypatch):
    """At a 16-point font Keyboard Shortcuts stayed 520 pixels wide, its Keys column cut
    to «Ctrl+Sh»; at 150% it and Agreement were taller than a laptop's screen, Close
    below its edge. Both grow with the font, within the screen."""
    from PySide6.QtGui import QAction, QFont
    from PySide6.QtWidgets import QApplication

    from gui import dialogs
    from gui.app import create_window

    window = create_window(remember=False)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: shown.append(dialog))
    room = window.screen().availableGeometry()
    font = QApplication.font()
    try:
        QApplication.setFont(QFont(font.family(), 20))
        window.findChild(QAction, "keyboard_shortcuts").trigger()
        window.findChild(QAction, "show_agreement").trigger()
        shortcuts, agreement = shown
        for dialog in shown:
            assert dialog.width() <= room.width() * 0.9
            assert dialog.height() <= room.height() * dialogs.SCREEN_SHARE
        shortcuts.show()
        table = shortcuts.table
        assert table.columnWidth(1) >= table.sizeHintForColumn(1)
        assert shortcuts.width() > 520  # grown with the font
    finally:
        QApplication.setFont(font)
        for dialog in shown:
            dialog.close()
            dialog.deleteLater()


def test_the_new_label_colour_button_shows_the_colour(window, monkeypatch):
    """New Label's colour button showed only a code («#b3d9ff»): a sample of the colour
    beside it now, following the colour chosen."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    from gui.settings_dialogs import NewLabelDialog

    dialog = NewLabelDialog(window.session, window)
    button = dialog.color_button

    def sample() -> QColor:
        image = button.icon().pixmap(16, 16).toImage()
        return QColor(image.pixel(image.width() // 2, image.height() // 2))

    assert sample() == QColor("#9FA8DA")  # the colour offered (labels.suggested_colour)
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a: QColor("#B71C1C")))
    button.click()
    assert button.text() == "#b71c1c" and sample() == QColor("#B71C1C")
    dialog.deleteLater()


def test_the_summary_counts_the_project_and_names_the_articles_without_a_claim(
        window, qtbot, monkeypatch):
    """Review ▸ Summary: the editor's figures for the whole project, each claim once."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTextBrowser

    from gui import dialogs

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    shown = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: shown.append(dialog))
    window.findChild(QAction, "show_summary").trigger()
    (dialog,) = shown
    text = dialog.findChild(QTextBrowser, "summaryText").toPlainText()
    assert "Claims: 1" in text and "Disputed\t1" in text.replace("\n", "\t")
    assert f"\u2068{window.session.annotator}\u2069\t1" in text.replace("\n", "\t")  # (isolated)
    assert "not yet reviewed\t1" in text.replace("\n", "\t")
    dialog.deleteLater()


def test_a_claim_across_a_line_break_is_named_on_one_line(window, qtbot):
    """Tagged across a PDF copy's line break, the status bar said «since⏎March» on two
    lines (rv121)."""
    window.files.paste_as_article("Report\nPrices fell 40 percent since\nMarch, they said.")
    tag_quote(window, "since\nMarch", "disputed")
    said = window.statusBar().currentMessage()
    assert "since March" in said and "\n" not in said
