"""The Arabic interface: every visible string translated, the frame mirrored right-to-left."""

from __future__ import annotations

import re

import pytest
from conftest import (
    ROOT,
    SAMPLE_QUOTE,
    first_run_project,
    import_files,
    stored,
    tag_quote,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QToolButton,
    QWidget,
)

from gui import settings_dialogs
from gui.app import create_window
from gui.article_dialogs import ArticlePropertiesDialog, EncodingDialog, PdfRepairDialog
from gui.deleted_articles import DeletedArticlesDialog
from gui.project_files import ExportDialog
from gui.review_panels import AgreementDialog, SummaryDialog
from store.exchange.importing import LoadedFile

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Words that are the same in an Arabic interface: formats, protocols, key names.
ALLOWED = re.compile(r"\b(CSV|JSON|JSON-LD|W3C|ClaimReview|schema\.org|PDF|HTML|https?|"
                     r"Ctrl|Shift|Alt|Tab|Enter|Home|End|Del|Delete|txt|htm|html|tahqiq|csv|"
                     r"pdf|YYYY|MM|DD|ar|en|UTC|UTF|Backspace|Return|Esc|Escape)\b")


def untranslated(text: str) -> bool:
    """English words left in a string the Arabic interface shows."""
    return bool(LATIN_WORD.search(ALLOWED.sub("", text)))


def without_data(text: str, *data: str) -> str:
    """Drop what is data, not interface: names, file names, a language's own name."""
    for value in ("tester", "English", "misleading", *data):
        text = text.replace(value, "")
    return text


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        kind = type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)) and w.text():
            found.append((kind, w.text()))
        if isinstance(w, QLineEdit) and w.placeholderText():
            found.append((kind + ".placeholder", w.placeholderText()))
        if isinstance(w, QPlainTextEdit) and w.placeholderText():
            found.append((kind + ".placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            found += [(kind, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, (QDockWidget, QDialog, QGroupBox)):
            found.append((kind + ".title", w.windowTitle() if not isinstance(w, QGroupBox)
                          else w.title()))
        if isinstance(w, QTableWidget):
            found += [(kind + ".header", w.horizontalHeaderItem(c).text())
                      for c in range(w.columnCount()) if w.horizontalHeaderItem(c)]
        if w.accessibleName():
            found.append((kind + ".accessibleName", w.accessibleName()))
    return found


def menu_texts(window) -> list[tuple[str, str]]:
    texts = []
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(("menu", menu.title()))
        texts += [("action", a.text()) for a in menu.actions() if a.text()]
    texts += [("action.tip", a.toolTip()) for a in window.findChildren(QAction) if a.statusTip()]
    return texts


@pytest.fixture
def arabic_window(qtbot, errors, tmp_path_factory):
    from shiboken6 import isValid

    from gui import i18n
    from gui.app import ensure_app

    first_run_project(tmp_path_factory)
    win = create_window(language="ar")
    win.show()
    yield win
    if isValid(win):  # (a window switched away from, to another project, is deleted)
        win.close()
    # Leave the application in English, as a window opened in English would (a window
    # made and closed for it cost each test a second window).
    i18n.install(ensure_app(), "en")


def test_layout_is_mirrored_and_content_keeps_its_own_direction(arabic_window):
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic_window.claims_panel.view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic_window.article_pane.reader.document().firstBlock().textDirection() == \
        Qt.LayoutDirection.RightToLeft


def test_main_window_has_no_untranslated_text(arabic_window):
    texts = visible_texts(arabic_window) + menu_texts(arabic_window)
    model = arabic_window.claims_panel.model
    texts += [("header", model.headerData(c, Qt.Orientation.Horizontal))
              for c in range(model.columnCount())]
    leftovers = [(kind, text) for kind, text in texts if untranslated(without_data(text))]
    assert leftovers == []
    # the window and its message boxes were titled «Tahqiq» (the menu entry says تحقيق)
    assert arabic_window.windowTitle().endswith(" — تحقيق")


def test_dialogs_have_no_untranslated_text(arabic_window, qtbot):
    session = arabic_window.session
    article = session.article(arabic_window.current_article)
    made = [
        settings_dialogs.LabelsDialog(session, arabic_window),
        settings_dialogs.NewLabelDialog(session, arabic_window),
        settings_dialogs.ProjectSettingsDialog(session, arabic_window),
        settings_dialogs.PreferencesDialog("tester", "ar", arabic_window),
        settings_dialogs.ShortcutsDialog(arabic_window.action_set.shortcut_rows(), arabic_window),
        ExportDialog(arabic_window, article.title),
        unpublishable := ExportDialog(arabic_window, article.title,
                                      publishes_claimreview=lambda: False,
                                      open_settings=lambda parent: None),
        ArticlePropertiesDialog(article, arabic_window),
        PdfRepairDialog("before", "after", arabic_window),
        AgreementDialog([], "x", arabic_window),
        SummaryDialog(session.summary_lines(), arabic_window),
        DeletedArticlesDialog(session, arabic_window.undo_stack, arabic_window),
        EncodingDialog(LoadedFile("short.txt", "لبنان", "Windows-1256"),
                       LoadedFile("short.txt", "فبلال", "ISO-8859-6"), arabic_window),
    ]
    unpublishable.format.setCurrentIndex(unpublishable.format.findData("claimreview"))
    leftovers = []
    for dialog in made:
        dialog.show()
        texts = visible_texts(dialog)
        if isinstance(dialog, settings_dialogs.LabelsDialog):  # label keys are data, not interface
            texts = [(k, t) for k, t in texts if t not in ("unchecked", "verified", "disputed")]
        if isinstance(dialog, PdfRepairDialog):
            texts = [(k, t) for k, t in texts if t not in ("before", "after")]
        leftovers += [(type(dialog).__name__, k, t) for k, t in texts
                      if untranslated(without_data(t, article.source_name, "short.txt",
                                                   "Windows-1256", "ISO-8859-6",
                                                   "https://factcheck.example/claims/{id}"))]
        dialog.close()
    assert leftovers == []


def test_shortcuts_work_the_same_in_arabic(arabic_window):
    keys = [k.toString() for k in arabic_window.findChild(QAction, "tag_disputed").shortcuts()]
    assert keys == ["3", "٣", "۳"]  # (and the Persian layout's: rv107)
    assert arabic_window.findChild(QAction, "tag_disputed").text() == "موضع خلاف"


def test_qt_own_strings_are_translated(arabic_window):
    from PySide6.QtCore import QCoreApplication

    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    assert cancel and any("\u0600" <= ch <= "\u06ff" for ch in cancel)


def test_claim_history_reads_in_arabic(arabic_window):
    from conftest import SAMPLE_QUOTE, select_in_reader

    text = arabic_window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(arabic_window, start, start + len(SAMPLE_QUOTE))
    arabic_window.tag("unchecked")
    arabic_window.tag("disputed")
    lines = [arabic_window.claims_panel.editor.history.item(i).text()
             for i in range(arabic_window.claims_panel.editor.history.count())]
    assert len(lines) == 2  # the tag made the claim and its place: one line
    assert f"أُنشئ: بحكم «لم يُتحقق منه»: «{SAMPLE_QUOTE}»" in lines[0]
    assert "الحكم: لم يُتحقق منه ← موضع خلاف" in lines[1]
    assert not any(untranslated(without_data(line)) for line in lines)


def test_claim_history_lines_are_laid_out_as_arabic_sentences(arabic_window, qtbot):
    """The history list was laid out left to right whatever the interface: an Arabic
    line ("time  name  وُسم «…»") came out with its guillemets and its "%" at the wrong
    ends, and started on the left. In the Arabic interface each line is a right-to-left
    paragraph: its day and time stand at the right, where the line starts, then the
    name, and its sentence reads as it does on its own."""
    from conftest import select_in_reader

    reader = arabic_window.article_pane.reader
    text = reader.toPlainText()
    quote = "منذ 24 عامًا"
    start = text.index(quote)
    select_in_reader(arabic_window, start, start + len(quote))
    arabic_window.tag("unchecked")
    editor = arabic_window.claims_panel.editor
    editor.history_toggle.setChecked(True)
    qtbot.waitUntil(lambda: editor.history.count() >= 1, timeout=3000)
    lines = [editor.history.item(i).text() for i in range(editor.history.count())]
    drawn = dict((text, direction) for text, direction, _alignment
                 in cells_as_drawn(editor.history))
    assert set(drawn) == set(lines)
    for line in lines:
        at, who, sentence = line.split("  ", 2)
        assert who == "\u2068tester\u2069" and any("\u0600" <= ch <= "\u06ff" for ch in sentence)
        visual = drawn_left_to_right(line, drawn[line])
        day, time = at.split(" ")  # read from the right: the day, then the time
        # (the name isolated: the marks themselves are not drawn, and the reference
        # reordering places them loosely)
        shown = visual.replace("\u2068", "").replace("\u2069", "")
        assert shown.endswith(f"  tester  {time} {day}"), visual
        assert drawn_left_to_right(sentence, Qt.LayoutDirection.RightToLeft) in visual, line
    assert any(f"«{quote}»" in line for line in lines)


def test_store_errors_are_shown_in_arabic(arabic_window, qtbot, tmp_path, errors):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    import_files(qtbot, arabic_window, empty)
    assert errors and not untranslated(without_data(errors[-1], "empty.txt"))


def test_a_string_without_translation_shows_in_english_not_empty(arabic_window):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "No such sentence here") == \
        "No such sentence here"


def test_import_notes_merge_summary_and_agreement_read_in_arabic(arabic_window, qtbot,
                                                                 tmp_path, errors):
    from gui.i18n import message_text
    from store.exchange import seeding
    from store.review import agreement

    arabic_window.files.paste_as_article("[ad_1]\nنص قصير منسوخ من موقع.\n\n\n\nسطر آخر.")
    status = arabic_window.statusBar().currentMessage()
    report = arabic_window.files.import_report
    assert "أُزيلت علامة نسخ آلي واحدة" in report and "«تقرير الاستيراد»" in status
    assert not untranslated(without_data(status, "[ad_1]"))
    assert not untranslated(without_data(report, "[ad_1]"))

    colleague = seeding.open_or_create(tmp_path / "colleague.tahqiq", "colleague")
    colleague.close()
    task = arabic_window.files.bring_in(tmp_path / "colleague.tahqiq", "…")
    task.wait(60)
    qtbot.waitUntil(lambda: any(m.startswith("info:") for m in errors), timeout=10000)
    summary = next(m for m in errors if m.startswith("info:"))
    assert "ادعاءات جديدة" in summary
    assert not untranslated(without_data(summary[len("info:"):], "colleague.tahqiq"))

    report = agreement.agreement(stored(arabic_window))
    lines = [message_text(line) for line in report.lines()]
    assert lines[-1].startswith("معامل ألفا لكريبندورف")
    # no pairs to compare: the figures that cannot be had are said in Arabic («n/a»)
    assert "n/a" in str(report.lines()[-1]) and not any("n/a" in line for line in lines)
    assert "غير متاح" in lines[-1]


def test_a_refused_csv_lists_its_problems_in_arabic(arabic_window, tmp_path, errors):
    from gui.i18n import error_text
    from store.errors import CsvRejected
    from store.exchange import csv_format

    bad = tmp_path / "bad.csv"
    bad.write_text("claim_id,quote\nx,y\n", encoding="utf-8")
    try:
        csv_format.import_claims_csv(stored(arabic_window), bad)
    except CsvRejected as exc:
        text = error_text(exc)
    assert "السطر 1: أعمدة ناقصة:" in text
    assert not untranslated(without_data(text, "bad.csv", "article_id", "article_sha256",
                                         "claim_id", "start", "end", "label", "annotator",
                                         "created", "updated"))


def drawn_left_to_right(text: str, direction: Qt.LayoutDirection) -> str:
    """*text* in the order Qt draws it, left to right, in a paragraph of *direction*."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    font = QFont()
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" as one glyph would hide the "i"
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10000)
    layout.endLayout()
    flags = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
             | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes)
    placed = sorted((position.x(), at) for run in layout.lineAt(0).glyphRuns(-1, -1, flags)
                    for position, at in zip(run.positions(), run.stringIndexes(), strict=True))
    return "".join(text[at] for at in dict.fromkeys(at for _x, at in placed))


def cells_as_drawn(view, checks: list[int] | None = None
                   ) -> list[tuple[str, Qt.LayoutDirection, Qt.AlignmentFlag]]:
    """Each cell's text, direction and alignment as the view hands them to its style;
    *checks*, if given, gets the x of each check box's centre."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    drawn: list[tuple[str, Qt.LayoutDirection, Qt.AlignmentFlag]] = []

    class Recording(QProxyStyle):
        def drawControl(self, element, option, painter, widget=None):  # noqa: N802
            if element == QStyle.ControlElement.CE_ItemViewItem and option.text:
                drawn.append((option.text, option.direction,
                              QStyle.visualAlignment(option.direction,
                                                     option.displayAlignment)))
            super().drawControl(element, option, painter, widget)

        def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802
            if element == QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck \
                    and checks is not None:
                checks.append(option.rect.center().x())
            super().drawPrimitive(element, option, painter, widget)

    style = Recording(view.style().name())
    view.setStyle(style)
    view.viewport().grab()
    view.setStyle(None)
    return drawn


def test_left_to_right_values_keep_their_order_in_right_to_left_tables(arabic_window):
    """A key, a colour, an English sentence: each cell in its own direction, still at the
    column's (right) edge. Qt drew "Ctrl+," as ",+Ctrl" and "#FFE08A" as "FFE08A#"."""
    shortcuts = settings_dialogs.ShortcutsDialog(arabic_window.action_set.shortcut_rows(),
                                                 arabic_window)
    arabic_window.session.update_label("verified", description="Two sources agree.")
    labels = settings_dialogs.LabelsDialog(arabic_window.session, arabic_window)
    seen: list[str] = []
    for dialog in (shortcuts, labels):
        dialog.resize(1100, 1400)
        dialog.show()
        for text, direction, alignment in cells_as_drawn(dialog.table):
            seen.append(text)
            assert drawn_left_to_right(text, direction) == text or \
                any("\u0600" <= ch <= "\u06ff" for ch in text), (text, direction)
            assert alignment & Qt.AlignmentFlag.AlignRight, text
        dialog.close()
    assert {"Ctrl+,", "#FFE08A", "Two sources agree."} <= set(seen)
    assert any(text.startswith("Ctrl++") for text in seen)
    from gui.table_columns import OwnDirectionDelegate  # the other lists draw as these

    views = [arabic_window.claims_panel.view, arabic_window.articles_view,
             arabic_window.search_panel.results, arabic_window.claims_panel.editor.sources,
             arabic_window.known_claims.view, arabic_window.review_tools.disagreements.table]
    assert all(isinstance(view.itemDelegate(), OwnDirectionDelegate) for view in views)


def legend_tips(window) -> dict[str, str]:
    layout = window.article_pane.legend.layout()
    chips = [layout.itemAt(i).widget() for i in range(layout.count())]
    return {chip.objectName(): chip.toolTip() for chip in chips if chip is not None}


def test_the_default_labels_are_described_in_arabic(arabic_window):
    """The legend's tooltips gave the default labels' English descriptions (labels.json
    has no Arabic one). A description as shipped is translated; one the user wrote is
    shown as written."""
    tips = legend_tips(arabic_window)
    assert set(tips) == {"legend_unchecked", "legend_verified", "legend_disputed",
                         "legend_suggestion"}  # the dashed outline's, shown with one
    assert not [tip for tip in tips.values() if untranslated(tip)]
    assert tips["legend_unchecked"].endswith("\nادعاء يستحق التحقق منه ولم يتحقق منه أحد بعد.")
    arabic_window.session.update_label("verified", description="Two sources agree.")
    assert legend_tips(arabic_window)["legend_verified"].endswith("\nTwo sources agree.")
    assert stored(arabic_window).conn.execute(  # the stored text is never translated
        "SELECT description FROM labels WHERE key = 'unchecked'").fetchone()[0] == \
        "A claim worth checking that nobody has verified yet."
    import resources  # the descriptions translated are those labels.json ships
    from gui.article_pane import DEFAULT_DESCRIPTIONS

    shipped = {spec["description"] for spec in resources.label_set()["labels"]}
    assert shipped == DEFAULT_DESCRIPTIONS


def test_qt_own_file_dialog_reads_in_arabic(arabic_window, qtbot, tmp_path):
    """Qt's file dialog (where there is no native one) kept "Look in:", "Files of type:"
    and the Type column's "Folder" in English: PySide6's qtbase_ar.qm lacks Qt 6's
    strings for them, so the application's translation supplies them."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QTreeView

    (tmp_path / "evidence").mkdir()
    dialog = QFileDialog(arabic_window, "x", str(tmp_path), "*.tahqiq")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 1)
    folder_type = tree.rootIndex().model().index(0, 2, tree.rootIndex()).data()
    texts = [text for _kind, text in visible_texts(dialog)
             if text not in (str(tmp_path), "x")] + [folder_type]
    dialog.close()
    assert [text for text in texts if untranslated(text)] == []
    assert folder_type == "مجلد"
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Drive") == "قرص"


def test_the_labels_dialog_shows_the_default_descriptions_in_arabic(arabic_window, qtbot):
    """Edit ▸ Labels showed a default label's stored English description in the Arabic
    interface (the legend translates it). It shows the translation; one the user wrote
    shows as typed; the translation is never saved back as if it had been typed."""
    session = arabic_window.session
    session.update_label("verified", description="Two sources agree.")
    labels = settings_dialogs.LabelsDialog(session, arabic_window)
    labels.show()
    qtbot.waitExposed(labels)
    table = labels.table
    column = settings_dialogs.LabelsDialog.COLUMNS.index("description")
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["unchecked"], column).text() == \
        "ادعاء يستحق التحقق منه ولم يتحقق منه أحد بعد."
    assert table.item(rows["disputed"], column).text() == \
        "الأدلة تناقض الادعاء، أو تطعن فيه مصادر موثوقة."
    assert table.item(rows["verified"], column).text() == "Two sources agree."

    def edit(row: int, col: int, typed: str | None) -> None:
        """Open the cell's editor, type (None: leave it as it opened), press Enter."""
        cell = table.model().index(row, col)
        table.setCurrentCell(row, col)
        table.editItem(table.item(row, col))
        editor = table.indexWidget(cell)
        assert isinstance(editor, QLineEdit)
        if typed is not None:
            editor.setText(typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.indexWidget(cell) is None, timeout=2000)

    shipped = "A claim worth checking that nobody has verified yet."
    edit(rows["unchecked"], column, None)  # opened and closed as it was
    edit(rows["unchecked"], column, "ادعاء يستحق التحقق منه ولم يتحقق منه أحد بعد.")
    edit(rows["unchecked"], settings_dialogs.LabelsDialog.COLUMNS.index("name_en"), "Open")
    assert session.label("unchecked").description == shipped
    assert session.label("unchecked").name_en == "Open"
    assert stored(arabic_window).conn.execute(
        "SELECT description FROM labels WHERE key = 'unchecked'").fetchone()[0] == shipped
    assert table.item(rows["unchecked"], column).text() == \
        "ادعاء يستحق التحقق منه ولم يتحقق منه أحد بعد."
    edit(rows["disputed"], column, "مصدران موثوقان ينفيانه.")  # typed: saved as typed
    assert session.label("disputed").description == "مصدران موثوقان ينفيانه."
    assert table.item(rows["disputed"], column).text() == "مصدران موثوقان ينفيانه."
    labels.close()


def test_annotator_layers_keep_their_order_and_the_check_box_its_side(arabic_window, qtbot):
    """The list of annotators had no own-direction cells (and the delegate left checkable
    cells alone): a Latin name ending in a full stop came out with it on the left, a
    handle's "@" at its end. Each name is drawn in its own direction, at the view's
    (right) edge, with its check box still at the right, where the Arabic names' are.
    One's own Latin name with «(أنت)» after it read left to right, «(أنت)» on the right:
    the name is isolated, and the line reads right to left, as the interface does."""
    from gui.table_columns import OwnDirectionDelegate

    layers = arabic_window.review_tools.layers
    arabic_window.review_tools.layers_dock.show()
    layers.set_annotators(["Dr. Who.", "@ali", "سلمى"])
    layers.list.resize(300, 200)
    assert isinstance(layers.list.itemDelegate(), OwnDirectionDelegate)
    checks: list[int] = []
    texts = cells_as_drawn(layers.list, checks)
    drawn = {text: (direction, alignment) for text, direction, alignment in texts}
    mine = "\u2068tester\u2069 (أنت)"
    assert set(drawn) == {"Dr. Who.", "@ali", "سلمى", mine}
    for text, (direction, alignment) in drawn.items():
        assert drawn_left_to_right(text, direction) == text or \
            any("\u0600" <= ch <= "\u06ff" for ch in text), (text, direction)
        assert alignment & Qt.AlignmentFlag.AlignRight, text
    assert drawn["Dr. Who."][0] == Qt.LayoutDirection.LeftToRight
    assert drawn["سلمى"][0] == Qt.LayoutDirection.RightToLeft
    assert drawn[mine][0] == Qt.LayoutDirection.RightToLeft
    width = layers.list.viewport().width()
    assert len(checks) == 4 and all(x > width - 40 for x in checks), (checks, width)


LONG_TITLES = ("وزير الاقتصاد يعلن أن التضخم انخفض إلى ثلاثة في المئة في الربع الأخير من العام",
               "Minister claims inflation fell to three percent in the last quarter of the year")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_long_article_title_shows_its_start(qtbot, errors, language):
    """The Articles list made its rows as wide as the longest title and scrolled: in the
    English interface an Arabic title showed its end, its start scrolled off (and an
    English one in the Arabic interface). Rows fit the list; a long title, Arabic or
    English, is drawn whole in its own direction and elided at its end, so what shows is
    its start; the tooltip holds it whole."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QProxyStyle, QStyle

    from store.core import articles

    win = create_window(language=language)
    qtbot.addWidget(win)
    win.show()
    try:
        for title in LONG_TITLES:
            articles.add_article(stored(win), title + ".", title)
        win.session.refresh()
        view = win.articles_view
        view.parentWidget().parentWidget().resizeDocks(
            [view.parentWidget()], [220], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: view.model().rowCount() == 3, timeout=5000)
        drawn: dict[str, tuple] = {}

        class Recording(QProxyStyle):
            def drawControl(self, element, option, painter, widget=None):  # noqa: N802
                if element == QStyle.ControlElement.CE_ItemViewItem and option.text:
                    drawn[option.text] = (option.direction, option.textElideMode,
                                          QRect(option.rect))
                super().drawControl(element, option, painter, widget)

        view.setStyle(Recording(view.style().name()))
        view.viewport().grab()
        view.setStyle(None)
        width = view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll to
        metrics = QFontMetrics(view.font())
        for title in LONG_TITLES:
            direction, elide, rect = drawn[title]
            assert metrics.horizontalAdvance(title) > width  # it is longer than the list
            assert rect.left() >= 0 and rect.right() < width, (title, rect, width)
            assert direction == (Qt.LayoutDirection.RightToLeft if title[0] == "و"
                                 else Qt.LayoutDirection.LeftToRight)
            assert elide == Qt.TextElideMode.ElideRight
            shown = metrics.elidedText(title, elide, rect.width() - 8)
            assert shown.endswith("…") and title.startswith(shown[:-1]), shown
            row = view.model().index([view.model().index(r).data() for r in range(3)]
                                     .index(title), 0)
            assert row.data(Qt.ItemDataRole.ToolTipRole).startswith(title + "\n")
    finally:
        win.close()
        if language != "en":
            create_window(language="en").close()


def test_the_agreement_report_reads_right_to_left_from_the_right(arabic_window, qtbot):
    """Project ▸ Agreement showed its Arabic report at the left, in a fixed-width font,
    and a line opening on a Latin name as «3 :tester». Each sentence reads right to left
    from the right; each annotator's name stands in a cell at the right of its counts."""
    from PySide6.QtWidgets import QTextBrowser

    lines = ["المدققون: tester, salma (المقالات: 1)",
             "  tester: 3 من الادعاءات، 1 منها بلا مطابقة",
             "  salma: 2 من الادعاءات، 0 منها بلا مطابقة", "الوحدات المتطابقة: 2 (الأزواج: 2)"]
    dialog = AgreementDialog(lines, "x", arabic_window)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QTextBrowser)
    document = text.document()
    right = text.viewport().width() - document.documentMargin()
    (table,) = document.rootFrame().childFrames()
    assert (table.rows(), table.columns()) == (2, 2)

    def drawn(block) -> tuple[float, float]:  # (left, right) where the line is drawn
        rect = block.layout().lineAt(0).naturalTextRect()
        x = document.documentLayout().blockBoundingRect(block).x()
        return x + rect.left(), x + rect.right()

    for row, name in enumerate(("tester", "salma")):
        cells = [table.cellAt(row, column).firstCursorPosition().block()
                 for column in range(2)]
        by_text = {block.text(): drawn(block) for block in cells}
        assert by_text[name][0] > by_text[lines[row + 1].split(": ")[1]][1]  # name right
        assert abs(by_text[name][1] - right) < 8
    block = document.firstBlock()
    assert block.text() == lines[0]
    assert block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert abs(drawn(block)[1] - right) < 8 and drawn(block)[0] > 100
    assert text.font().styleHint() != text.font().StyleHint.Monospace
    dialog.close()


@pytest.mark.parametrize("tagged", [True, False])
def test_the_agreement_reports_alpha_line_keeps_each_figure_beside_its_name(arabic_window,
                                                                        qtbot, tagged):
    """«D_o=⁨1.000⁩، D_e=⁨1.000⁩)» in a right-to-left line: the isolated figure after the
    last «D_e=» is neutral, so the line's end read right to left and put D_e's figure at
    the far left, before «D_o=» (rv207); an LRM after each figure made the two one
    left-to-right run, «D_e=…» after «D_o=…» from the left, wrong with «غير متاح» (rv212).
    Each «D_x=figure» reads left to right, the two in the line's order from the right."""
    from PySide6.QtWidgets import QTextBrowser

    from store.core import appearances
    from store.core.project import Project

    if tagged:
        tag_quote(arabic_window, SAMPLE_QUOTE, "verified")
        with Project.open(arabic_window.session.path, "salma") as other:
            appearances.tag_quote(other, arabic_window.current_article, SAMPLE_QUOTE,
                                  "disputed")
        arabic_window.session.refresh()
    dialog = AgreementDialog(arabic_window.session.agreement_lines(None), "x", arabic_window)
    dialog.resize(900, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    block = dialog.findChild(QTextBrowser).document().begin()
    while "D_e=" not in block.text():
        block = block.next()
    text, line = block.text(), block.layout().lineAt(0)

    def drawn(start: int, end: int) -> float:  # where text[start:end]'s middle is drawn
        inside = [line.cursorToX(at)[0] for at in range(start + 1, end)]
        return sum(inside) / len(inside)

    x = {}
    for name in ("D_o=", "D_e="):
        at = text.index(name)
        figure = at + 4 + (text[at + 4] == "\u2068")  # (a figure is isolated, «n/a» not)
        x[name], x[name + "figure"] = drawn(at, at + 4), drawn(figure, text.index("\u2069",
                                                                                  figure))
    assert "1.000" in text if tagged else "غير متاح" in text
    assert x["D_o=figure"] > x["D_o="] > x["D_e=figure"] > x["D_e="], (x, text)
    dialog.close()


@pytest.mark.parametrize("title", LONG_TITLES)
def test_article_properties_show_a_long_titles_start(arabic_window, qtbot, title):
    """Article Properties opened each field with its cursor at the end, so a title
    longer than the field showed its end, its start scrolled off. It opens at the
    start: the right end of an Arabic title, the left of an English one."""
    from store.core import articles

    article = articles.add_article(stored(arabic_window), title + ".", title + " " + title)
    dialog = ArticlePropertiesDialog(article, arabic_window)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.edits["title"]
    assert edit.fontMetrics().horizontalAdvance(edit.text()) > 2 * edit.width()
    assert edit.cursorPosition() == 0
    cursor = edit.cursorRect().center().x()
    if title[0] == "و":
        assert cursor > edit.width() - 30, cursor
    else:
        assert cursor < 30, cursor
    dialog.close()


def test_the_new_labels_colour_keeps_its_order(arabic_window, qtbot, monkeypatch):
    """New Label's colour button drew "#b3d9ff" as "b3d9ff#" (and "#c0ffee" as "c0ffee#")
    in the Arabic interface: it runs left to right."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QProxyStyle

    dialog = settings_dialogs.NewLabelDialog(arabic_window.session, arabic_window)
    monkeypatch.setattr(settings_dialogs.QColorDialog, "getColor",
                        lambda initial, parent: QColor("#C0FFEE"))
    dialog.show()
    qtbot.waitExposed(dialog)
    drawn: list[tuple[str, Qt.LayoutDirection]] = []

    class Recording(QProxyStyle):  # the label's text, in the direction it is laid out in
        def drawItemText(self, painter, rect, flags, palette, enabled, text,  # noqa: N802
                         role=QPalette.ColorRole.NoRole):
            drawn.append((text, painter.layoutDirection()))
            super().drawItemText(painter, rect, flags, palette, enabled, text, role)

    button = dialog.color_button
    button.click()  # a colour chosen: the button shows it
    button.setStyle(Recording(button.style().name()))
    button.grab()
    button.setStyle(None)
    assert drawn and drawn[-1][0] == "#c0ffee"
    assert all(drawn_left_to_right(text, direction) == text for text, direction in drawn)
    dialog.close()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_side_by_side_readings_stand_where_their_text_starts(qtbot, errors, language):
    """The encoding and PDF-repair previews showed an Arabic text at the left edge of its
    pane (QPlainTextEdit aligns every line left): it stands at the right, an English
    one at the left, in either interface."""
    from PySide6.QtWidgets import QPlainTextEdit

    win = create_window(language=language)
    qtbot.addWidget(win)
    try:
        dialog = EncodingDialog(LoadedFile("short.txt", "لبنان", "Windows-1256"),
                                LoadedFile("short.txt", "Lebanon", "ISO-8859-6"), win)
        dialog.show()
        qtbot.waitExposed(dialog)
        for name, at_right in (("encodingChosen", True), ("encodingOther", False)):
            view = dialog.findChild(QPlainTextEdit, name)
            line = view.document().firstBlock().layout().lineAt(0).naturalTextRect()
            middle = view.viewport().width() / 2
            assert (line.left() > middle) == at_right, (name, line, middle)
            assert (line.right() < middle) == (not at_right), (name, line, middle)
        dialog.close()
    finally:
        win.close()
        if language != "en":
            create_window(language="en").close()


def test_counts_take_arabic_plural_forms(arabic_window):
    """«3 ادعاء», «2 نتيجة»: every count took the first of its six forms. Each number now
    takes its own (none, one, two, three to ten, eleven to ninety-nine, a hundred on)."""
    from PySide6.QtCore import QCoreApplication

    def matches(n: int) -> str:
        return QCoreApplication.translate("SearchPanel", "%n match(es)", "", n)

    assert [matches(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 103, 111)] == [
        "لا نتائج", "نتيجة واحدة", "نتيجتان", "3 نتائج", "10 نتائج", "11 نتيجة",
        "99 نتيجة", "100 نتيجة", "103 نتائج", "111 نتيجة"]
    assert QCoreApplication.translate("MainWindow", "Tagged %n place(s).", "", 2) == \
        "وُسم موضعان."
    assert QCoreApplication.translate("ArticleListModel", "%n claim(s)", "", 5) == \
        "5 ادعاءات"


def test_counts_read_as_english_in_english(window):
    """«1 match(es)», «1 known claim(s)»: the English interface showed the source text."""
    from PySide6.QtCore import QCoreApplication

    def said(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, "", n)

    assert [said("SearchPanel", "%n match(es)", n) for n in (0, 1, 2)] == [
        "0 matches", "1 match", "2 matches"]
    assert said("KnownClaimsPanel", "%n known claim(s) in this article", 1) == \
        "1 known claim in this article"
    assert said("session", "Tag %n occurrence(s) as %1", 3) == "Tag 3 occurrences as %1"
    assert QCoreApplication.translate("MainWindow", "Tag") == "Tag"  # the rest untouched


def test_a_store_count_reads_as_english_in_english_and_arabic_in_arabic(window):
    """An import's «removed 1 control character(s)» in the window: English takes the
    count's form, as the command line does; Arabic takes the form of its six that goes
    with the number («أُزيل 1 من محارف التحكم» said one of them was removed, others
    left; «حُذف 3 سطر», «فيه 3 خلية» were wrong for most numbers: rv94)."""
    from gui.i18n import error_text, install
    from store.errors import Message
    from store.exchange.csv_format import problem_list

    def removed(n: int) -> Message:
        return Message("removed {count} control character(s)", count=n)

    assert error_text(removed(1)) == "removed 1 control character"
    assert error_text(removed(2)) == "removed 2 control characters"
    cells = [Message("has {cells} cell(s) but the header has {columns}", cells=n, columns=18)
             for n in (1, 2, 3, 11, 100, 103)]
    assert error_text(cells[0]) == "has 1 cell but the header has 18"
    try:
        install(QApplication.instance(), "ar")
        assert [error_text(removed(n)) for n in (1, 2, 3, 11, 100, 102)] == [
            "أُزيل محرف تحكم واحد", "أُزيل محرفا تحكم", "أُزيلت 3 محارف تحكم",
            "أُزيل 11 محرفَ تحكم", "أُزيل 100 محرف تحكم", "أُزيل 102 محرف تحكم"]
        assert [error_text(m).split(" لكن")[0] for m in cells] == [
            "فيه خلية واحدة", "فيه خليتان", "فيه 3 خلايا", "فيه 11 خلية", "فيه 100 خلية",
            "فيه 103 خلايا"]
        listed = problem_list([(line, cells[2]) for line in range(2, 15)], error_text)
        assert ";" not in listed and listed.count("؛ ") == 10  # (Latin «;»s, then «؛»)
        assert listed.endswith("؛ و3 مشكلات أخرى")
    finally:
        install(QApplication.instance(), "en")


def test_a_shortcut_taken_names_the_label_in_the_interface_language(window):
    """The Arabic Labels dialog said «الاختصار ١ يسم من قبل بـ«unchecked»»: the label's
    key, which is no one's name for it."""
    import pytest

    from gui.i18n import error_text, install
    from store.core import labels
    from store.errors import InvalidLabel

    with pytest.raises(InvalidLabel) as refused:
        labels.update_label(window.session._project, "disputed", shortcut="١")
    assert "Unchecked" in error_text(refused.value) and "'Unchecked'" in str(refused.value)
    try:
        install(QApplication.instance(), "ar")
        shown = error_text(refused.value)
        assert "لم يُتحقق منه" in shown and "unchecked" not in shown.lower()
    finally:
        install(QApplication.instance(), "en")


def test_a_cleared_shortcut_is_told_with_the_labels_names(window):
    """A merge's «كان للتصنيفين false وmisleading…» named the labels by their keys to an
    Arabic reader of «كاذب» (rv104)."""
    from gui.i18n import install, message_text
    from store.core import labels

    project = window.session._project
    labels.add_label(project, "false", "False", "#CC0000", name_ar="كاذب")
    with project.transaction():  # (as an older Tahqiq could leave them: one key, twice)
        project.conn.execute("UPDATE labels SET shortcut = '3', created = '2099-01-01' "
                             "WHERE key = 'false'")
    [freed] = labels.free_shared_shortcuts(project)
    assert "'False'" not in message_text(freed.message()) and "False" in message_text(
        freed.message())
    try:
        install(QApplication.instance(), "ar")
        shown = message_text(freed.message())
        assert "كاذب" in shown and "موضع خلاف" in shown and "false" not in shown.lower()
    finally:
        install(QApplication.instance(), "en")


def test_every_count_has_its_forms_in_both_languages():
    """Each "%n" source of the interface has all its forms, English and Arabic: one left
    out would read «(s)» again. (The store's counted messages have Arabic forms only:
    their English takes its «(s)» from the number, store.errors.english.)"""
    import xml.etree.ElementTree as ET

    from gui.i18n import plural_form

    def numerus(language: str) -> dict[str, int]:
        root = ET.parse(ROOT / f"resources/translations/tahqiq_{language}.ts").getroot()
        return {m.findtext("source"): len([f for f in m.iter("numerusform") if f.text])
                for m in root.iter("message")
                if m.get("numerus") == "yes" and "%n" in m.findtext("source")}

    english, arabic = numerus("en"), numerus("ar")
    assert set(english) == set(arabic) and len(arabic) >= 8
    assert set(english.values()) == {2} and set(arabic.values()) == {6}
    assert {plural_form("ar", n) for n in range(300)} == set(range(6))
    assert {plural_form("en", n) for n in range(300)} == {0, 1}


def test_the_count_forms_are_read_before_the_first_tag(qtbot, monkeypatch):
    """The English count forms were read at the first count shown, the editor's
    «History (%n)» on the first tag: 6 ms of it. The window reads them while it waits
    for its first action, after its first picture; English start-up does not."""
    from PySide6.QtWidgets import QApplication

    from gui import i18n, session
    from gui.app import create_window

    fresh = i18n.TsTranslator(i18n.ts_text("en"), numerus_only=True)
    assert fresh._unread is not None
    assert fresh.translate("MainWindow", "&File") is None and fresh._unread is not None
    called: list[bool] = []
    monkeypatch.setattr(session, "read_counts", lambda: called.append(True))
    win = create_window(language="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.session._prepared, timeout=10_000)
    assert called  # (windows of earlier tests may have asked too)
    win.close()
    QApplication.instance().installTranslator(fresh)
    i18n._installed.append(fresh)
    i18n.read_counts()
    assert fresh._unread is None
    assert fresh.translate("SearchPanel", "%n match(es)", None, 2) == "%n matches"


def test_a_count_missing_a_form_shows_its_source_not_a_blank():
    from gui.i18n import TsTranslator, plural_form

    ts = ('<TS version="2.1" language="ar_EG"><context><name>C</name>'
          '<message numerus="yes"><source>%n thing(s)</source><translation>\n  '
          '<numerusform>a</numerusform><numerusform></numerusform></translation></message>'
          '</context></TS>')
    assert TsTranslator(ts).translate("C", "%n thing(s)", None, 1) is None
    assert [plural_form("ar_EG", n) for n in (0, 1, 2, 5, 11, 100)] == [0, 1, 2, 3, 4, 5]


def test_deleted_claims_open_on_the_latest_chosen_in_arabic(arabic_window):
    """In a right-to-left table not yet shown, Qt's selectRow chose nothing: Restore
    stayed disabled in the Arabic interface."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    from store.core import appearances, claims
    from store.core.project import Project

    with Project.open(arabic_window.session.path, "Badr") as other:
        made = appearances.tag_quote(other, arabic_window.current_article, SAMPLE_QUOTE,
                                     "disputed")
        claims.delete_claim(other, made.claim_id)
    arabic_window.session.refresh()
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.table.currentRow(), dialog.restore_button.isEnabled()))
        dialog.reject()

    QTimer.singleShot(0, look)
    arabic_window.findChild(QAction, "deleted_claims").trigger()
    assert seen == [(0, True)]


def test_keys_ending_in_a_sign_read_left_to_right_in_the_arabic_menus(arabic_window):
    """«Ctrl++», «Ctrl+-» and «Ctrl+,» showed as «++Ctrl», «-+Ctrl», «,+Ctrl» in the
    Arabic menus: the menu is given them held left to right; the keys are unchanged, and
    the Keyboard Shortcuts list names the actions without them."""
    from PySide6.QtGui import QAction, QKeySequence

    for name, keys in (("zoom_in", "Ctrl++"), ("zoom_out", "Ctrl+-"),
                       ("preferences", "Ctrl+,")):
        action = arabic_window.findChild(QAction, name)
        text, shown = action.text().split("\t")
        assert shown == f"\u200e{keys}\u200e" and action.shortcut() == QKeySequence(keys)
        assert "\t" not in action.toolTip() and keys not in action.toolTip()
    rows = dict(arabic_window.action_set.shortcut_rows())
    assert not any("\t" in name for name in rows)
    assert rows["تكبير"].startswith("Ctrl++")


def test_switching_the_language_keeps_the_article_the_claim_and_the_size(window, qtbot):
    """Edit ▸ Preferences ▸ العربية rebuilt the window on the project: it showed the first
    article, no claim, at the size of the window before last. It comes back as it was."""
    from PySide6.QtWidgets import QApplication

    from gui.mainwindow import MainWindow
    from store.core import articles

    second = articles.add_article(stored(window), "قال الوزير إن الاتفاق سيوقع غدًا.", "ثانٍ")
    window.show_article(second.id)
    tag_quote(window, "الاتفاق", "disputed")
    claim = window.current_claim_id()
    window.resize(790, 640)  # (within the offscreen screen of 800 x 800)
    qtbot.wait(10)
    before = window.size()
    assert before.height() == 640
    window.apply_preferences(window.session.annotator, "ar")
    (other,) = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w is not window and w.isVisible()]
    qtbot.addWidget(other)
    assert other.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert (other.current_article, other.current_claim_id()) == (second.id, claim)
    assert other.size() == before
    assert not window.isVisible()
    other.close()


def _switched(window, qtbot, language: str, *, last: bool = True):
    """The window that replaced *window* in *language* (Edit ▸ Preferences); *last*: the
    test closes it (one switched again is deleted)."""
    from gui.mainwindow import MainWindow

    window.apply_preferences(window.session.annotator, language)
    (other,) = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w is not window and w.isVisible()]
    if last:
        qtbot.addWidget(other)
    return other


def test_switching_the_language_keeps_the_panels_filters_layers_and_search(window, qtbot):
    """Only the article, the claim and the comments typed came through a language switch:
    the claims' filters were cleared, a colleague hidden for a blind review showed again,
    the search was empty, and the panels were those of the last window in that direction
    (the Disagreements just opened, closed again) (rv259)."""
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    panel, layers = window.claims_panel, window.review_tools.layers
    panel.filter_edit.setText(SAMPLE_QUOTE[:5])
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("disputed"))
    panel.unreviewed.setChecked(True)
    layers.set_hidden({"Huda"})
    window.review_tools.disagreements_dock.show()
    window.known_dock.hide()
    window.search_dock.show()
    window.search_dock.raise_()
    window.search_panel.query.setText(SAMPLE_QUOTE)
    window.search_panel.run()
    found = len(window.search_panel.hits)
    assert found
    other = _switched(window, qtbot, "ar", last=False)
    panel = other.claims_panel
    assert (panel.filter_edit.text(), panel.verdict_filter.currentData(),
            panel.unreviewed.isChecked()) == (SAMPLE_QUOTE[:5], "disputed", True)
    assert other.review_tools.layers.hidden == {"Huda"}
    assert other.search_panel.query.text() == SAMPLE_QUOTE
    assert len(other.search_panel.hits) == found
    assert other.review_tools.disagreements_dock.isVisible()
    assert other.known_dock.isHidden() and other.search_panel.isVisible()
    # each on the other side, as the Arabic reader's line runs
    assert other.dockWidgetArea(other.search_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert other.dockWidgetArea(other.claims_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    back = _switched(other, qtbot, "en")
    assert back.review_tools.layers.hidden == {"Huda"}
    assert back.dockWidgetArea(back.search_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert back.review_tools.disagreements_dock.isVisible() and back.known_dock.isHidden()
    back.close()


def _words_in_view(window) -> bool:
    """Both ends of the words selected in the reader are inside its view."""
    from PySide6.QtGui import QTextCursor

    reader = window.article_pane.reader
    cursor = reader.textCursor()
    ends = [QTextCursor(cursor), QTextCursor(cursor)]
    ends[0].setPosition(cursor.selectionStart())
    ends[1].setPosition(cursor.selectionEnd())
    return all(reader.viewport().rect().contains(reader.cursorRect(end)) for end in ends)


@pytest.mark.parametrize("quote, zoom", [("وثيقة اختراق", 0), ("صداقة نارية", 3)])
def test_switching_the_language_keeps_the_chosen_claims_words_in_view(window, qtbot, quote,
                                                                      zoom):
    """The claim came back chosen, its words below the view: they were scrolled to
    before the new window was shown and laid out (rv276)."""
    window.resize(790, 760)
    window.zoom(zoom)
    tag_quote(window, quote, "disputed")
    qtbot.wait(50)
    assert _words_in_view(window)
    other = _switched(window, qtbot, "ar")
    reader = other.article_pane.reader
    assert reader.textCursor().selectedText() == quote
    assert _words_in_view(other)
    qtbot.wait(100)  # (and still, once painted)
    assert _words_in_view(other)
    other.resize(700, 700)  # (a window manager's size, coming in after the showing)
    assert _words_in_view(other)
    other.close()


@pytest.mark.parametrize("claim", [False, True])
def test_switching_the_language_keeps_the_place_read(window, qtbot, claim):
    """With no claim chosen, the end of the article came back at its top (rv276); with
    one chosen and scrolled away from, the place read is kept, not the claim's words."""
    window.resize(790, 760)
    if claim:
        tag_quote(window, SAMPLE_QUOTE, "disputed")
    qtbot.wait(50)
    bar = window.article_pane.reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    place = window.article_pane.reader.top_place()
    assert place > 0 and (window.current_claim_id() is not None) == claim
    assert not claim or not _words_in_view(window)
    other = _switched(window, qtbot, "ar")
    qtbot.wait(100)
    reader = other.article_pane.reader
    assert reader.top_place() == place
    assert reader.verticalScrollBar().value() == reader.verticalScrollBar().maximum()
    other.close()


def test_switching_the_language_keeps_the_find_bar_open_on_its_match(window, qtbot):
    """Ctrl+F's bar was closed by a language switch and its words lost (rv276): open, with
    its words, its count and the match it was on, selected and in view."""
    window.resize(790, 760)
    window.find_in_article()
    bar = window.article_pane.find_bar
    bar.query.setText("بوتين")
    assert len(bar.matches) > 1
    bar.step(1)
    chosen, count = bar.current, bar.count.text()
    words = window.article_pane.reader.selected_span()
    assert words == bar.matches[chosen]
    other = _switched(window, qtbot, "ar")
    qtbot.wait(50)
    found = other.article_pane.find_bar
    assert found.isVisible() and found.query.text() == "بوتين"
    assert found.current == chosen and found.matches == bar.matches
    assert found.count.text() != count and "2" in found.count.text()  # (in Arabic)
    assert other.article_pane.reader.selected_span() == words and _words_in_view(other)
    other.close()


def test_switching_the_language_keeps_the_import_report_in_the_new_language(window, qtbot):
    """The status bar's Import Report went with the window a language switch replaced:
    it is made again, in Arabic, from what the last import did (rv259)."""
    window.files.paste_as_article("قال المتحدث\x07 إن الاتفاق سيوقع غدًا في العاصمة.")
    english = window.files.import_report
    assert english
    other = _switched(window, qtbot, "ar")
    button = other.statusBar().findChild(QToolButton, "importReport")
    assert button is not None and button.isVisible() and not untranslated(button.text())
    report = other.files.import_report
    assert "الاتفاق" in report and not untranslated(report), report
    assert button.toolTip() and report != english
    other.close()


def _tab_groups(window) -> list[tuple[str, ...]]:
    """The panels of each tab bar shown on *window*, in their tabs' order (a tab's data is
    its dock's id; Qt keeps a bar it is not using off the window); one over the menu bar
    fails."""
    from PySide6.QtWidgets import QTabBar
    from shiboken6 import getCppPointer

    names = {getCppPointer(dock)[0]: dock.objectName()
             for dock in window.findChildren(QDockWidget)}
    groups = []
    for bar in window.findChildren(QTabBar):
        at = bar.rect().translated(bar.mapTo(window, bar.rect().topLeft()))
        if bar.isVisible() and bar.count() and at.intersects(window.rect()):
            assert not at.intersects(window.menuBar().geometry()), at
            groups.append(tuple(names[bar.tabData(i)] for i in range(bar.count())))
    return groups


def test_switching_the_language_leaves_no_copy_of_the_tabs(window, qtbot):
    """The panels placed as the old window's were added again where the new window had put
    them, and Qt kept them in both places: a second «Articles | Search» shown under the
    Annotators, after two switches one over the File and Edit menus, and the tabs reversed
    (rv268)."""
    window.search_dock.show()
    window.search_dock.raise_()
    before = _tab_groups(window)
    assert before == [("articlesDock", "searchDock")]
    other = _switched(window, qtbot, "ar", last=False)
    assert _tab_groups(other) == before and other.search_panel.isVisible()
    back = _switched(other, qtbot, "en")
    assert _tab_groups(back) == before and back.search_panel.isVisible()
    assert not back.findChild(QDockWidget, "articlesDock").widget().isVisible()
    back.close()


def test_claims_left_out_of_claimreview_name_their_verdict_in_arabic(arabic_window, qtbot,
                                                                    tmp_path, monkeypatch):
    """The summary of what ClaimReview left out read «لا حكم بعد (unchecked)»: the
    verdict's key, in English, where its Arabic name belongs."""
    from gui import dialogs

    window = arabic_window
    tag_quote(window, SAMPLE_QUOTE, "unchecked")
    window.session.update_project_settings(organization="مسبار",
                                           url_template="https://misbar.example/{id}")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, message: shown.append(message))
    window.files.export("claimreview", tmp_path / "reviews.json", None).wait(60)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    name = window.session.label_name("unchecked")
    assert name != "unchecked" and f"({name})" in shown[0] and "unchecked" not in shown[0]


def test_the_agreement_report_counts_without_a_noun_that_must_agree(arabic_window):
    """«6 ادعاء», «5 زوجًا», «5 وحدة», «10 قيمة»: an Arabic noun after a number takes its
    form from the number (ادعاءات, أزواج...), which a template cannot give; the figures
    stand after a label («الأزواج: 5») or as «6 من الادعاءات»."""
    window = arabic_window
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    lines = window.session.agreement_lines(None)
    assert any("الادعاءات" in line for line in lines), lines
    wrong = re.compile(r"\d+ (ادعاء|زوجًا|وحدة|قيمة|مقال)(?!\w)")
    assert not [line for line in lines if wrong.search(line)], lines


def test_a_window_started_in_arabic_opens_other_projects_in_arabic(arabic_window, qtbot,
                                                                  tmp_path, monkeypatch):
    """`tahqiq --lang ar`, the preference English: File ▸ Open made the next window
    English, and an opening that failed left the window half in each language, its
    error in English."""
    from gui import dialogs, i18n, settings
    from gui.mainwindow import MainWindow
    from store.exchange import seeding

    settings.set_language("en")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: shown.append(message))
    bad = tmp_path / "notes.tahqiq"
    bad.write_text("not a project, some notes\n" * 50, encoding="utf-8")
    arabic_window.openRequested.emit(str(bad), False)
    assert len(shown) == 1 and re.search("[\u0600-\u06ff]", shown[0]), shown
    assert i18n.current() == "ar" and arabic_window.isVisible()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    good = tmp_path / "other.tahqiq"
    seeding.open_or_create(good).close()
    arabic_window.openRequested.emit(str(good), False)
    (other,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                and w is not arabic_window and w.isVisible()]
    qtbot.addWidget(other)
    assert other.session.language == "ar" and i18n.current() == "ar"
    assert other.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # English chosen in its Preferences, the project then gone: it stays Arabic, whole
    good.unlink()
    good.write_text("not a project any more\n" * 50, encoding="utf-8")
    other.apply_preferences(other.session.annotator, "en")
    assert len(shown) == 2 and other.isVisible()
    assert i18n.current() == "ar" and QApplication.layoutDirection() == \
        Qt.LayoutDirection.RightToLeft
    other.close()


def test_an_arabic_message_starting_with_a_file_name_is_laid_out_from_the_right(
        qtbot, monkeypatch):
    """«bad.pdf ملف PDF، …»: a plain line takes its first letter's direction, so the
    message was laid out from the left and read from its middle. The file name now
    stands at the right, where an Arabic sentence starts."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox

    from gui import dialogs, i18n

    boxes: list = []

    def shown(box) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    message = "bad.pdf ملف PDF، وتحقيق لا يقرأ هذا النوع.\nnotes.txt ليس مشروعًا."
    i18n.install(QApplication.instance(), "ar")
    try:
        dialogs.show_error(None, message)
    finally:
        i18n.install(QApplication.instance(), "en")
    label = boxes[0].findChild(QLabel, "qt_msgbox_label")
    assert label.text().replace("\u200f", "") == message
    document = QTextDocument(label.text())  # each line a block, its direction Qt's
    blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
    assert [block.textDirection() for block in blocks] == [Qt.LayoutDirection.RightToLeft] * 2


def _positions(text: str, font) -> list[float]:
    """Where each cursor position of *text* falls when the line is laid out, its
    direction taken from the text, as a label takes it."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(4000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text) + 1)]


def _laid_out_whole(text: str, part: str, font) -> bool:
    """Whether *part* of *text* stands in one piece when laid out: its ends as far apart
    as its own width, not torn by the words around it."""
    from PySide6.QtGui import QFontMetricsF

    at = text.index(part)
    xs = _positions(text, font)[at:at + len(part) + 1]
    return abs(max(xs) - min(xs) - QFontMetricsF(font).horizontalAdvance(part)) < 2


def test_a_file_name_or_a_title_stands_whole_in_a_line_of_the_other_direction(
        arabic_window, qtbot):
    """Article Properties in Arabic tore «000_8ae1.txt» at its «_» («…txt · 5193_000»),
    and the English Export dialog put an Arabic title's «…» beside its first word."""
    from PySide6.QtWidgets import QRadioButton

    from store.core import articles

    name = "000_8ae169058506a477%3Fid=5.txt"  # (a «%3» took the count's place)
    article = articles.get_article(stored(arabic_window), arabic_window.current_article)
    dialog = ArticlePropertiesDialog(article._replace(source_name=name, encoding="utf-8"),
                                     arabic_window)
    (info,) = [label for label in dialog.findChildren(QLabel) if name in label.text()]
    assert _laid_out_whole(info.text(), name, info.font()), info.text()
    assert str(len(article.text)) in info.text().replace(name, "")
    create_window(language="en").close()  # the Export dialog of an English interface
    title = "بوتين وكيم جونغ أون يوقعان…"
    export = ExportDialog(arabic_window, title)
    (current,) = [b for b in export.findChildren(QRadioButton) if title in b.text()]
    text, at = current.text(), current.text().index(title)
    xs = _positions(text, current.font())
    # the «…» ends the title where it is read last: left of all its letters
    assert xs[at + len(title) - 1] <= min(xs[at + 1:at + len(title) - 1]) + 1, text


def test_the_two_readings_name_the_file_whole_in_arabic(arabic_window):
    """The two-readings dialog drew «000_8ae1.txt» as «8ae1.txt_000» in its Arabic
    sentence (rv169): the name and the code page are isolated there, as in Article
    Properties."""
    name = "000_8ae1.txt"
    dialog = EncodingDialog(LoadedFile(name, "لبنان " * 20, "Windows-1256"),
                            LoadedFile(name, "فبلال " * 20, "ISO-8859-6"), arabic_window, (2, 3))
    (said,) = [label for label in dialog.findChildren(QLabel) if name in label.text()]
    drawn = re.sub("[\u2066-\u2069]", "", drawn_left_to_right(  # (marks drawn as nothing)
        said.text(), Qt.LayoutDirection.RightToLeft))
    assert name in drawn and "Windows-1256" in drawn, drawn
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_help_says_which_tahqiq_this_is(qtbot, errors, monkeypatch, language):
    """The Help menu had the keyboard shortcuts only: no version, licence or project,
    which a bug report needs. Help ▸ About Tahqiq says them, in the interface's language."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from store import version

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "about",
                        lambda parent, title, text: shown.append((title, text)))
    window = create_window(language=language)
    qtbot.addWidget(window)
    try:
        about = window.findChild(QAction, "about")
        assert about in window.menuBar().actions()[-1].menu().actions()
        about.trigger()
        ((title, text),) = shown
        assert version() in text and sqlite3.sqlite_version in text
        assert str(window.session.path) in text and "MIT" in text
        assert (title, text[0]) == (
            ("عن تحقيق", "\u200f") if language == "ar" else ("About Tahqiq", "\u200e"))
    finally:
        window.close()
        create_window(language="en").close()  # leave the application in English


def test_an_english_message_opening_with_an_arabic_name_reads_left_to_right(qapp):
    """«الانتخابات 2026.tahqiq is text, not a Tahqiq project: …» took the direction of
    its first letter in the English interface: set from the right, its full stop and
    «.tahqiq» on the wrong side (rv93). Each line is opened by a left-to-right mark."""
    from gui.dialogs import in_interface_direction

    shown = in_interface_direction("الانتخابات 2026.tahqiq is empty.\n\nMake a new project?")
    assert [line[:1] for line in shown.split("\n")] == ["\u200e"] * 3
    assert shown.replace("\u200e", "") == "الانتخابات 2026.tahqiq is empty.\n\nMake a new project?"


def test_the_file_dialogs_types_read_their_patterns_left_to_right(arabic_window,
                                                                  monkeypatch):
    """«مشاريع تحقيق (*.tahqiq)» in a file dialog's list of types read «(tahqiq.*)»: the
    patterns took the Arabic name's direction. Every File menu dialog's types show
    their patterns as typed, and Qt still finds them between the brackets."""
    import re

    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def ask(*args, **kwargs):
        asked.append(args[3])
        return ([] if len(asked) == 3 else ""), ""

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(ask))
    files = arabic_window.files
    files.open_project()
    files.new_project()
    files.import_dialog()
    files.merge_dialog()
    files.import_claims_dialog()
    files.backup_dialog()
    files.packet_dialog(arabic_window.current_article)
    assert len(asked) == 7
    qt_reads = re.compile(r"^(.*)\(([a-zA-Z0-9_.,*? +;#\-\[\]@\{\}/!<>\$%&=^~:\|]*)\)$")
    for name_filter in (part for filters in asked for part in filters.split(";;")):
        patterns = qt_reads.match(name_filter).group(2)  # (QPlatformFileDialogHelper's)
        assert patterns.startswith("*")
        if patterns != "*":  # («(*)» reads the same both ways, its brackets mirrored)
            assert f"({patterns})" in drawn_left_to_right(
                name_filter, Qt.LayoutDirection.RightToLeft), name_filter


def test_an_articles_length_takes_the_form_its_number_needs(arabic_window):
    """Article Properties said «5 حرفًا» and «1200 حرفًا» (right only for 11 to 99) and
    in English «1 characters» (rv94)."""
    from store.core import articles

    article = articles.get_article(stored(arabic_window), arabic_window.current_article)

    def length_said(n: int) -> str:
        dialog = ArticlePropertiesDialog(article._replace(text="ن" * n, source_name="a.txt",
                                                          encoding="utf-8"), arabic_window)
        (info,) = [label for label in dialog.findChildren(QLabel) if "a.txt" in label.text()]
        return info.text().rsplit(" · ", 1)[1]

    assert [length_said(n) for n in (1, 2, 5, 11, 100, 1200, 1203)] == [
        "حرف واحد", "حرفان", "5 أحرف", "11 حرفًا", "100 حرف", "1200 حرف", "1203 أحرف"]
    try:
        create_window(language="en").close()
        assert [length_said(n) for n in (1, 2)] == ["1 character", "2 characters"]
    finally:
        create_window(language="ar").close()


def test_titles_named_together_are_apart_by_the_interfaces_comma(arabic_window):
    """Importing two files said «استُورد مقالان: «…», «…».», a Latin comma between
    Arabic titles (rv94)."""
    named = arabic_window.files._some_titles(["أ", "ب", "ج", "د"])
    assert "," not in named and named.count("، ") == 3 and named.endswith("، …")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_document_imported_among_others_is_said_within_a_1280px_window(qtbot, errors,
                                                                           tmp_path, language):
    """A Word document with a tracked deletion, a saved web page and two .txt imported at
    once: the status line ran 1,850 px for the 1,060 a 1,280-px window leaves it, cut at
    the first titles, so what was left out and the Import Report's count went unseen, and
    the titles ended «…, ….»; the Import Report button looked as flat as «Tagging as» beside
    it (rv252). The line counts first, and fits; the button is framed, reachable by Tab."""
    from PySide6.QtWidgets import QToolButton

    (tmp_path / "page.html").write_text(
        "<html><head><meta charset='utf-8'><title>Health ministry: vaccination rate reached "
        "25% and 30% in two regions | Example News</title></head><body><article><h1>Health "
        "ministry: vaccination rate reached 25% and 30% in two regions</h1><p>The ministry "
        "said vaccination rates reached 25% and 30% in the northern regions.</p></article>"
        "</body></html>", encoding="utf-8")
    for name, title in [("second", "Unemployment figures questioned by economists"),
                        ("third", "Minister claims unemployment fell by a quarter")]:
        (tmp_path / f"{name}.txt").write_text(f"{title}\n\nThe minister said it fell by 25%.",
                                              encoding="utf-8")
    window = create_window(language=language)
    try:
        window.show()
        window.resize(1280, 800)
        import_files(qtbot, window, ROOT / "tests" / "fixtures" / "documents" / "sample.docx",
                     *(tmp_path / n for n in ["page.html", "second.txt", "third.txt"]))
        bar = window.statusBar()
        said = bar.currentMessage()
        room = bar.width() - sum(w.width() for w in bar.children()
                                 if isinstance(w, QWidget) and w.isVisible())
        assert bar.fontMetrics().horizontalAdvance(said) <= room, said
        assert said == {"en": "Imported 4 articles. 1 document had parts left out; 1 other "
                              "change — see Import Report.",
                        "ar": "استُوردت 4 مقالات. تُرك بعض ما في مستند واحد؛ تغيير آخر — انظر "
                              "«تقرير الاستيراد»."}[language], said
        button = bar.findChild(QToolButton, "importReport")
        assert button.isVisible() and not button.autoRaise() and not button.icon().isNull()
        assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus and button.toolTip()
        assert button.accessibleName() == {"en": "Import Report", "ar": "تقرير الاستيراد"}[
            language]
    finally:
        window.close()
        create_window(language="en").close()  # leave the application in English


def test_arabic_menu_paths_point_the_way_arabic_reads():
    """«تحرير ▸ تراجع» pointed back, to the right, in a line read from right to left
    (▸ is not mirrored): the Arabic menu paths take ◂."""
    from pathlib import Path
    from xml.etree import ElementTree

    root = ElementTree.parse(Path(__file__).parent.parent / "resources" / "translations"
                             / "tahqiq_ar.ts").getroot()
    paths = ["".join(t.itertext()) for t in root.iter("translation")
             if "▸" in "".join(t.itertext()) or "◂" in "".join(t.itertext())]
    assert len(paths) >= 8 and not [text for text in paths if "▸" in text]



def test_a_source_links_menu_runs_right_to_left_in_arabic(arabic_window, qtbot):
    """The list of links reads left to right (addresses); its menu, made as the list's,
    took that direction in the Arabic window, its gutter on the wrong side."""
    from PySide6.QtWidgets import QMenu

    window = arabic_window
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    editor = window.claims_panel.editor
    editor.new_source.setText("https://example.org/a")
    editor.commit_new_source()
    at = editor.sources.visualItemRect(editor.sources.item(0)).center()
    editor.sources.customContextMenuRequested.emit(at)
    menu = window.findChild(QMenu, "sourceMenu")
    assert [a.text() for a in menu.actions()] == ["فتح الرابط", "نسخ الرابط"]
    assert menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
    menu.close()


def test_numbers_are_written_in_the_digits_of_the_interface_not_the_system():
    """On an Egyptian system (ar_EG) the claims table drew its counts «٠ ١ ٢» beside
    «2026-12-05», and a progress bar «٣٧٪», in either interface language, where every
    other number reads 0-9 (rv94). Qt writes numbers in the interface's language, 0-9."""
    import os
    import subprocess
    import sys

    script = (
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QApplication, QProgressBar\n"
        "from gui import i18n\n"
        "app = QApplication([])\n"
        "said = [QLocale.system().toString(37)]\n"
        "for language in ('en', 'ar'):\n"
        "    i18n.install(app, language)\n"
        "    bar = QProgressBar()\n"
        "    bar.setValue(37)\n"
        "    said += [QLocale().toString(1234), bar.text(), bar.locale().toString(2)]\n"
        "print('|'.join(said))\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=dict(env, LANG="ar_EG.UTF-8", QT_QPA_PLATFORM="offscreen"),
                            cwd=ROOT, timeout=60, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    system, *ours = result.stdout.strip().split("|")
    assert system == "٣٧"  # (the system's own digits: the test would prove nothing else)
    assert ours[:3] == ["1,234", "37%", "2"]
    assert ours[3] == "1,234" and "37" in ours[4] and ours[5] == "2"


def test_arabic_menu_paths_name_the_menus_as_the_arabic_menus_do(arabic_window):
    """A message's «المشروع ◂ الأوسمة…» sent the reader to a menu item that is called
    «التصنيفات…»: every «A ◂ B» in the Arabic translation names a menu and an item of it
    as the Arabic window shows them (rv104)."""
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QMenu

    def bare(text: str) -> str:
        return text.split("\t")[0].replace("&", "").replace("…", "").strip()

    menus = {bare(menu.title()): {bare(a.text()) for a in menu.actions() if a.text()}
             for menu in arabic_window.menuBar().findChildren(QMenu) if menu.title()}
    root = ET.parse(ROOT / "resources" / "translations" / "tahqiq_ar.ts").getroot()
    path = re.compile(r"(\S+) ◂ ([^(،؛:)«»]+?)(?=…|[(،؛:)«»]|$| أو | يعيد| لاحقًا)")
    wrong = []
    for node in root.iter("translation"):
        for text in [form.text or "" for form in node.iter("numerusform")] or [node.text or ""]:
            for menu, item in path.findall(text):
                menu, item = bare(menu.strip("«(")), bare(item).rstrip(".")
                if menu in menus and not any(shown.startswith(item) for shown in menus[menu]):
                    wrong.append((menu, item, text[:60]))
    assert not wrong


def test_the_first_start_speaks_the_first_of_the_systems_languages_tahqiq_speaks(qapp):
    """A French system listing Arabic second (LANGUAGE=fr:ar, as in Tunis or Casablanca)
    got the English interface at a first start: only the first language was asked
    (rv107). A Persian or German system gets English, as before."""
    from gui.i18n import system_language

    assert system_language(["fr-MA", "fr", "ar-MA", "ar"]) == "ar"
    assert system_language(["ar_EG"]) == "ar"
    assert system_language(["de-DE", "de", "en-US"]) == "en"
    assert system_language(["fa-IR", "fa"]) == system_language(["C"]) == "en"


def test_a_messages_values_keep_their_order_in_an_arabic_sentence(qapp):
    """A time, a file's name or a cell's value in an Arabic message had its digits and
    quotes reordered by the words around it («19T10:00:00Z-06-2024», rv138): each is set
    apart. An id stays as it is (a command copied with the controls around it was refused
    in a terminal), a list of lines reads from the right with the Arabic comma, and the
    columns a sheet re-typed are joined in Arabic (rv139)."""
    from gui.i18n import error_text, install
    from store.errors import Message
    from store.exchange.csv_format import sheet_dates_problem
    from store.exchange.merge import MergeSummary

    refused = Message("{column} '{value}' is not a UTC time like 2024-06-19T10:00:00Z",
                      column="created", value="06/12/2026 07:17")
    try:
        install(QApplication.instance(), "ar")
        said = error_text(refused)
        assert "\u206806/12/2026 07:17\u2069" in said and "\u2066" in said  # (the example)
        assert "created" in said and "\u2068created" not in said
        lines = [error_text(line) for line in MergeSummary(unplaced_lines=[2, 5, 17]).lines()]
        assert any("2، 5، 17" in line for line in lines)
        _, problem = sheet_dates_problem([(2, "created", "06/12"), (3, "updated", "06/12")])
        assert "created وupdated" in error_text(problem)
    finally:
        install(QApplication.instance(), "en")


def test_two_scraped_files_imported_keep_their_whole_cleaning_report(arabic_window, qtbot,
                                                                     tmp_path):
    """Two scraped articles imported at once in the Arabic window at its first size: the
    status line said what cleaning removed after both titles, 1,800 px of it, cut at the
    window's edge, and gone in 8 s (rv238). The line counts the changes and fits; the
    status bar's Import Report keeps what was removed from each, whole, in its tooltip."""
    from PySide6.QtWidgets import QToolButton

    sign_up = ("للحصول على تنبيهات مجانية للأخبار العاجلة يتم إرسالها مباشرة إلى صندوق "
               "الوارد الخاص بك، قم بالاشتراك في رسائل البريد الإلكتروني الخاصة بالأخبار "
               "العاجلة اشترك في رسائل البريد الإلكتروني الخاصة بالأخبار العاجلة")
    paths = []
    for n, who in enumerate(["بوتين", "بوتن"]):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(
            f"[ad_1]\n{sign_up}\nوقع فلاديمير {who} اتفاقا مع كيم جونغ أون يتضمن اتفاقا "
            "للدفاع المشترك إذا تعرضت أي من الدولتين لهجوم\nوقال إن القوة العالمية في "
            "مثل هذا الوضع من المرجح أن تتواصل مع كل من يرغب في ذلك.\n[ad_2]\n",
            encoding="utf-8")
    arabic_window.resize(1280, 820)
    import_files(qtbot, arabic_window, *paths)
    bar = arabic_window.statusBar()
    said = bar.currentMessage()
    assert said.endswith("في «تقرير الاستيراد».") and "[ad_1]" not in said, said
    button = bar.findChild(QToolButton, "importReport")
    assert button.isVisible() and button.text() == "تقرير الاستيراد"
    room = bar.width() - sum(w.width() for w in bar.children()
                             if isinstance(w, QWidget) and w.isVisible())
    assert bar.fontMetrics().horizontalAdvance(said) <= room, said
    report = arabic_window.files.import_report.splitlines()
    assert len(report) == 2 and all("[ad_1], [ad_2]" in line and "للحصول على تنبيهات" in line
                                    for line in report), report
    assert arabic_window.files.import_report in button.toolTip()


def test_a_file_name_led_by_digits_reads_in_its_order_in_arabic_questions_and_menus(
        arabic_window, qtbot, monkeypatch, tmp_path):
    """rv276: in the Arabic interface a plain-ASCII name was given to Qt bare, taken for
    one nothing reorders: New Project over «2026-06.tahqiq» asked «الملف
    tahqiq.06-2026 موجود. أتريد فتحه؟», and Open Recent read «june.tahqiq 12» for «12
    june.tahqiq». Each place sets the name apart, and it is drawn in its order."""
    from PySide6.QtWidgets import QFileDialog, QMenu

    from gui import dialogs, settings
    from store.core.project import Project

    names = ["2026-06.tahqiq", "12 june.tahqiq"]
    for name in names:
        Project.open(tmp_path / name, "me").close()
        settings.add_recent_project(tmp_path / name)
    said: list[str] = []  # the texts given to Qt
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: said.append(
        question) or False)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(text))
    chosen = [str(tmp_path / "2026-06")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (chosen[0], "")))
    arabic_window.files.new_project()  # «already exists. Open it?»
    (tmp_path / "2026-06.csv").write_text("")
    assert arabic_window.files._with_extension(  # an export's «Replace it?»
        str(tmp_path / "2026-06"), "csv", "Export Claims") is None
    window = create_window(tmp_path / "2026-07.tahqiq", language="ar", remember=False)
    qtbot.addWidget(window)
    chosen[0] = str(tmp_path / "2026-07")
    window.files.new_project()  # «is the project open now»
    menu = QMenu()
    window.files.fill_recent_menu(menu)
    said += [next(a.text() for a in menu.actions()
                  if a.toolTip() == str((tmp_path / name).resolve())) for name in names]
    window.close()
    assert len(said) == 5, said
    for name, text in zip(["2026-06.tahqiq", "2026-06.csv", "2026-07.tahqiq", *names],
                          said, strict=True):
        assert f"\u2068{name}\u2069" in text, text
        drawn = drawn_left_to_right(text, Qt.LayoutDirection.RightToLeft)
        assert name in drawn.translate(dict.fromkeys([0x2068, 0x2069])), (text, drawn)


def test_a_window_in_the_language_installed_installs_no_translator_again(qtbot,
                                                                          monkeypatch):
    """fx124: every window made installed its language's translators anew, the Arabic
    file read again and every widget of every window sent a LanguageChange (18 ms of an
    English window's CPU, 33 ms of an Arabic one's). Kept for a window of the language
    installed, made again for another."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from gui import i18n
    from gui.app import create_window

    app = QApplication.instance()

    class Changes(QObject):
        seen = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            self.seen += event.type() == QEvent.Type.LanguageChange
            return False

    probe, changes = QWidget(), Changes()
    probe.installEventFilter(changes)
    read: list[str] = []
    real = i18n.ts_text
    monkeypatch.setattr(i18n, "ts_text", lambda language: (read.append(language),
                                                           real(language))[1])
    language = i18n.current()
    try:
        for wanted, file_menu in (("ar", "&ملف"), ("en", "&File")):
            i18n.install(app, wanted)
            QApplication.processEvents()
            read.clear()
            changes.seen = 0
            for _ in range(2):
                win = create_window(language=wanted)
                qtbot.addWidget(win)
                QApplication.processEvents()
                assert win.menuBar().actions()[0].text() == file_menu
                win.close()
            assert read == [] and changes.seen == 0
        i18n.install(app, "ar")  # another language: its translators made
        assert read == ["ar"]
    finally:
        i18n.install(app, language)
