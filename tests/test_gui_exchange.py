"""File ▸ Export, Import Claims and Merge run off the GUI thread and refresh the window."""

from __future__ import annotations

import csv
import io
import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import (
    ROOT,
    SAMPLE_QUOTE,
    import_files,
    imports_refused_after_one,
    select_in_reader,
    stored,
    tag_quote,
)
from PySide6.QtCore import Qt

from gui.tasks import Task
from store.core import appearances, articles
from store.core.project import Project


def tag_sample(window, label="disputed"):
    text = window.article_pane.reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    window.tag(label)


def finish(qtbot, task: Task) -> None:
    """Wait for the worker thread, then let its queued signals reach the window."""
    task.wait(60)
    qtbot.wait(50)


def test_export_current_article_as_csv_and_w3c(window, qtbot, tmp_path):
    tag_sample(window)
    target = tmp_path / "out.csv"
    task = window.files.export("csv", target, window.current_article)
    task.wait(20)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["quote"] == SAMPLE_QUOTE and row["label"] == "disputed"
    w3c = tmp_path / "out.jsonld"
    task = window.files.export("w3c", w3c, None)
    task.wait(20)
    qtbot.waitUntil(lambda: w3c.exists(), timeout=20000)
    (annotation,) = json.loads(w3c.read_text("utf-8"))
    assert annotation["motivation"] == "assessing"


def test_a_claimreview_export_says_which_claims_it_left_out_and_why(window, qtbot, tmp_path,
                                                                    monkeypatch):
    """The command line printed each claim ClaimReview left out; the window said only
    «Exported to …», so an unchecked claim or one in disagreement went unpublished
    unnoticed. A summary says how many and why."""
    from gui import dialogs
    from gui.i18n import quoted
    from store.text.display import isolated_name

    tag_sample(window, "unchecked")
    window.session.update_project_settings(organization="مسبار",
                                           url_template="https://misbar.example/{id}")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_info",
                        lambda parent, title, message: shown.append((title, message)))
    target = tmp_path / "reviews.json"
    finish(qtbot, window.files.export("claimreview", target, None))
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert json.loads(target.read_text("utf-8")) == []
    words = quoted(dialogs.shortened(SAMPLE_QUOTE))  # (which claim: rv284; whose: rv285)
    whose = isolated_name(window.session.annotator)
    assert shown == [("Exported to reviews.json", "1 claim left out of ClaimReview:\n"
                      f"  no verdict yet (Unchecked): 1\n    {words}: {whose}'s")]
    shown.clear()
    finish(qtbot, window.files.export("csv", tmp_path / "claims.csv", None))
    qtbot.waitUntil(lambda: (tmp_path / "claims.csv").exists(), timeout=20000)
    qtbot.wait(50)
    assert shown == []  # nothing is left out of the other formats


def test_an_exports_status_line_sets_a_name_led_by_digits_apart(window, qtbot, tmp_path):
    """«Exported to 2026-06.csv» put the name in bare: in an Arabic line its figures are
    reordered («csv.06-2026», as rv276 saw in the questions); it is set apart as every
    other file name among the interface's words is."""
    from store.text.display import isolated

    tag_sample(window)
    said: list[str] = []
    window.files.statusMessage.connect(said.append)
    finish(qtbot, window.files.export("csv", tmp_path / "2026-06.csv", None))
    qtbot.waitUntil(lambda: any("2026-06.csv" in s for s in said), timeout=20000)
    assert f"Exported to {isolated('2026-06.csv')}" in said


def test_cancelled_export_reports_and_leaves_no_file(window, qtbot, tmp_path):
    from store.core.project import Project
    from store.exchange import exporting

    tag_sample(window)
    path, target = window.session.path, tmp_path / "cancelled.csv"

    def work(progress):
        with Project.open(path) as own:
            return exporting.export_file(own, "csv", target, None, progress)

    task = Task(work)
    failures: list[str] = []
    task.failed.connect(failures.append)
    task.cancel()  # the user pressed Cancel before the first progress report
    with qtbot.waitSignal(task.done, timeout=20000):
        task.start()
    assert failures and "cancel" in failures[0].lower()
    assert not target.exists() and list(tmp_path.glob("*.part")) == []


def _two_articles(tmp_path) -> list[Path]:
    paths = [tmp_path / "first.txt", tmp_path / "second.txt"]
    paths[0].write_text("الخبر الأول عن الموازنة.\n", encoding="utf-8")
    paths[1].write_text("The second story, on the budget.\n", encoding="utf-8")
    return paths


def _cancel_after(window, monkeypatch, step: str) -> None:
    """Cancel pressed as the import's *step* (a function of store.exchange.importing) ends
    for the first file."""
    from gui.tasks import running_for
    from store.exchange import importing

    done = getattr(importing, step)

    def then_cancel(*args, **kwargs):
        outcome = done(*args, **kwargs)
        for task in running_for(window):
            task.cancel()
        return outcome

    monkeypatch.setattr(importing, step, then_cancel)


def test_cancel_while_files_are_read_imports_none_of_them(window, qtbot, tmp_path,
                                                          monkeypatch):
    """Cancel pressed while a 300-page report was read let the reading end, then stored
    it, and with several files stored every one read by then (rv128)."""
    before = window.session.article_ids()
    _cancel_after(window, monkeypatch, "load_file")
    import_files(qtbot, window, *_two_articles(tmp_path))
    assert window.session.article_ids() == before
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was imported."


def test_cancel_while_files_are_stored_keeps_those_stored(window, qtbot, tmp_path,
                                                          monkeypatch):
    """Cancel between two files being stored: the first stays (it was committed), the
    second is not stored, and the status bar says so."""
    before = window.session.article_ids()
    _cancel_after(window, monkeypatch, "import_loaded")
    import_files(qtbot, window, *_two_articles(tmp_path))
    [new] = set(window.session.article_ids()) - set(before)
    assert window.session.article_title(new) == "الخبر الأول عن الموازنة."
    assert window.statusBar().currentMessage() == "Import cancelled: 1 of 2 files imported."


def test_a_full_disk_stops_the_import_at_its_file_and_names_those_not_imported(
        window, qtbot, tmp_path, monkeypatch, errors):
    """The project full (or busy: each file waited its own 15 s) as the second of three
    files is stored: the third is not tried, and one line names both, where the box said
    «The disk is full; the change was not saved.» once per file, naming none (rv260)."""
    paths = [*_two_articles(tmp_path), tmp_path / "third.txt"]
    paths[2].write_text("The third story.\n", encoding="utf-8")
    tried = imports_refused_after_one(monkeypatch)
    before = window.session.article_ids()
    import_files(qtbot, window, *paths)
    assert tried == ["first.txt", "second.txt"]
    assert errors == ["The disk is full: second.txt, third.txt were not imported."]
    [new] = set(window.session.article_ids()) - set(before)
    assert window.session.article_title(new) == "الخبر الأول عن الموازنة."
    assert "cancelled" not in window.statusBar().currentMessage()


def test_a_task_sends_the_window_a_few_reports_of_many(qtbot):
    """Work reporting each of 200,000 records sends the window a report every
    REPORT_EVERY or every hundredth of the way, each further on, the last among them,
    and is asked to go on at every one."""
    from gui import tasks

    reports: list[tuple[int, int]] = []
    answers: list[bool] = []
    total = 200_000

    def work(progress):
        began = time.monotonic()
        for done in range(total + 1):
            answers.append(progress(done, total))
        return time.monotonic() - began

    task = Task(work)
    task.progressed.connect(lambda done, of: reports.append((done, of)))
    took: list[float] = []
    task.succeeded.connect(took.append)
    with qtbot.waitSignal(task.done, timeout=60000):
        task.start()
    assert reports[-1] == (total, total) and len(answers) == total + 1 and all(answers)
    assert len(reports) <= took[0] / tasks.REPORT_EVERY + 100 + 2
    assert [done for done, _ in reports] == sorted({done for done, _ in reports})


def test_a_task_that_reports_seldom_is_shown_where_it_is(qtbot):
    """Reports a moment apart each reach the window (none is dropped for coming soon
    after another, and left standing while the work goes on)."""
    reports: list[tuple[int, int]] = []
    going = threading.Event()

    def work(progress):
        progress(0, 3)
        progress(1, 3)
        progress(2, 3)
        going.wait(20)
        progress(3, 3)

    task = Task(work)
    task.progressed.connect(lambda done, of: reports.append((done, of)))
    with qtbot.waitSignal(task.done, timeout=30000):
        task.start()
        qtbot.waitUntil(lambda: (reports[-1:] == [(2, 3)]), timeout=5000)
        going.set()
    assert reports[-1] == (3, 3)


def test_merge_brings_a_colleagues_claims_into_the_open_window(window, qtbot, tmp_path,
                                                               errors):
    path = window.session.path
    colleague = tmp_path / "colleague.tahqiq"
    shutil.copy(path, colleague)
    for suffix in ("-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():
            shutil.copy(path.with_name(path.name + suffix), tmp_path / f"colleague.tahqiq{suffix}")
    from store.core.project import Project

    with Project.open(colleague, "colleague") as other:
        article_id = appearances.list_appearances(other) == [] and \
            other.db.execute("SELECT id FROM articles").fetchone()[0]
        appearances.tag_quote(other, article_id, SAMPLE_QUOTE, "verified")
    task = window.files.bring_in(colleague, "Merging…")
    finish(qtbot, task)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() == 1, timeout=5000)
    assert window.claims_panel.model.claim_at(0).annotator == "colleague"
    assert any(message.startswith("info:") for message in errors)


def test_review_packet_from_the_window(window, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication
    from test_packet import pdf_text

    from store.exchange import exporting

    tag_sample(window)
    target = tmp_path / "packet.pdf"
    cursors = []  # a busy cursor while it is written (rv89: 50 s for 10,000 claims)
    write = exporting.export_packet

    def written(*args, **kwargs):
        cursor = QGuiApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return write(*args, **kwargs)

    monkeypatch.setattr(exporting, "export_packet", written)
    assert window.files.export_packet(window.current_article, "pdf", target)
    assert SAMPLE_QUOTE in pdf_text(target)
    assert cursors == [Qt.CursorShape.WaitCursor] and QGuiApplication.overrideCursor() is None


def test_import_runs_off_the_gui_thread_and_reports_refusals(window, qtbot, tmp_path, errors):
    good = tmp_path / "windows-1256.txt"
    good.write_bytes("وقع الرئيس اتفاقا للدفاع المشترك مع كوريا الشمالية".encode("cp1256"))
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    import_files(qtbot, window, good, bad)
    assert window.article_model.rowCount() == 2
    assert window.article_pane.reader.toPlainText().startswith("وقع الرئيس")
    assert any("binary" in message for message in errors)
    from store.core import articles

    shown = articles.get_article(stored(window), window.current_article)
    assert shown.encoding == "Windows-1256"


def test_one_import_shows_its_refusals_in_one_box_in_the_files_order(window, qtbot,
                                                                    tmp_path, errors):
    """A file refused on storing (a mark alone: «holds no text») and one refused on
    reading (an empty file) were two boxes for one import, the storing's last (rv235)."""
    import codecs

    files = [tmp_path / name for name in ("mark.txt", "empty.txt", "good.txt")]
    files[0].write_bytes(codecs.BOM_UTF8 + "\u200f\n".encode())
    files[1].write_bytes(b"")
    files[2].write_text("قال الوزير إن الاتفاق مهم.\n", "utf-8")
    import_files(qtbot, window, *files)
    assert window.article_model.rowCount() == 2  # (the sample and good.txt)
    (box,) = errors
    assert [line.split(" ", 1)[0] for line in box.split("\n")] == ["mark.txt", "empty.txt"]



def test_several_files_imported_are_each_named(window, qtbot, tmp_path):
    """Three files imported at once: the status bar named the last alone (and a second
    import of two, only the last as already there)."""
    paths = []
    for n in range(1, 5):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Article number {n} says the minister met the envoy.",
                             encoding="utf-8")
    import_files(qtbot, window, *paths[:3])
    said = window.statusBar().currentMessage()
    assert said.startswith("Imported 3 articles: ")
    assert all(f"Article number {n}" in said for n in (1, 2, 3))
    import_files(qtbot, window, *paths[1:])
    said = window.statusBar().currentMessage()
    assert said.startswith("Imported 1 article: ") and "Article number 4" in said
    assert "2 already in this project: " in said and "Article number 3" in said


def test_dropping_files_imports_them(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.txt"
    path.write_text("An English article dropped on the window.", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=20000)


def test_a_word_document_dropped_or_chosen_is_imported(window, qtbot, tmp_path, monkeypatch):
    """A press release as a .docx was refused («copy the article's text»): dropped, it
    is read as its reader sees it, and the status bar says what was left out; the Import
    dialog offers Word and OpenDocument files among articles."""
    from PySide6.QtWidgets import QFileDialog

    from store.exchange import word_document

    _drop(window, ROOT / "tests" / "fixtures" / "documents" / "sample.docx")
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=20000)
    said = window.statusBar().currentMessage()
    assert said.startswith("Imported «بيان صحفي: المعاهدة الجديدة»")
    assert "Left out the document's deleted tracked changes" in window.files.import_report
    # (content not imported is said, not only counted in the report: rv120, rv240)
    assert said.endswith(
        "). Left out the document's deleted tracked changes, comments and hidden text."), said
    assert window.article_pane.reader.toPlainText().startswith(
        "بيان صحفي: المعاهدة الجديدة\nقال الوزير")
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *args, **kwargs: (offered.append(args[3]), ([], ""))[1]))
    window.files.import_dialog()
    articles_filter = offered[0].split(";;")[0]
    assert all(f"*{suffix}" in articles_filter.split("(")[1]
               for suffix in word_document.SUFFIXES)


def test_several_files_imported_say_what_was_left_out_of_them(window, qtbot, tmp_path):
    """One document imported said what was left out of it (its tracked deletions,
    comments); two imported at once said nothing of either (rv115)."""
    other = tmp_path / "copied.txt"
    other.write_text("The ofﬁcial said the plan is ready.", encoding="utf-8")
    window.resize(1280, 800)  # (the status line counts first, and names what fits)
    import_files(qtbot, window, ROOT / "tests" / "fixtures" / "documents" / "sample.docx",
                 other)
    said = window.statusBar().currentMessage()
    assert said.startswith("Imported 2 articles: «\u2068بيان صحفي: المعاهدة الجديدة\u2069», ")
    assert said.endswith(". 1 document had parts left out; 1 other change — see Import "
                         "Report."), said
    report = window.files.import_report.splitlines()
    assert "بيان صحفي" in report[0] and report[0].endswith(
        "»: Left out the document's deleted tracked changes, comments and hidden text.")
    assert report[1].endswith("»: Wrote 1 ligature as plain letters (ﬁ as fi)."), report


def test_several_files_imported_add_up_their_counts_and_say_what_was_left_out_first(
        window, qtbot, tmp_path):
    """Three files at once said «wrote 1 ligature» (the last file's count, of 6) and hid
    the Word document's left-out deletions behind «…» (rv120)."""
    import unicodedata

    first = tmp_path / "a.txt"
    first.write_text(unicodedata.normalize("NFD", "ofﬁcial ﬁve ﬁnal ﬁgures ﬂow café\n\n\n\n"
                                                  "more"), encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("The ofﬁcial said.", encoding="utf-8")
    import_files(qtbot, window, first, second,
                 ROOT / "tests" / "fixtures" / "documents" / "sample.docx")
    said = window.files.import_report
    assert "Left out the document's deleted tracked changes" in said, said
    assert "Wrote 5 ligatures as plain letters" in said, said
    said = window.statusBar().currentMessage()  # (which document, in the report: rv252)
    assert said.endswith(" 1 document had parts left out; 4 other changes — see Import "
                         "Report."), said


def _drop(window, *paths):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_a_dropped_project_file_is_opened_or_merged_as_the_user_chooses(
        window, qtbot, tmp_path, monkeypatch, errors):
    """A project file dropped on the window was refused as «not an article»: the user
    is asked whether to open it or merge it in."""
    from gui import dialogs

    colleague = tmp_path / "colleague.tahqiq"
    with Project.open(colleague, "omar") as project:
        articles.add_article(project, "A colleague's article, dropped on the window.", "x")
    answers, asked, opened = ["open", None, "merge"], [], []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, question, choices: (
        asked.append((question, [key for key, _text in choices])), answers.pop(0))[1])
    window.files.openRequested.disconnect()  # (not a second window here)
    window.files.openRequested.connect(lambda path, new: opened.append((path, new)))
    _drop(window, colleague)
    assert opened == [(str(colleague), False)] and "colleague.tahqiq" in asked[0][0]
    assert asked[0][1] == ["open", "merge"]
    _drop(window, colleague)  # Cancel: nothing
    assert len(opened) == 1 and window.article_model.rowCount() == 1 and errors == []
    _drop(window, colleague)
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert errors[0].startswith("info: Merged") and len(asked) == 3
    assert window.article_model.rowCount() == 2
    text = tmp_path / "article.txt"
    text.write_text("An English article dropped beside a project.", encoding="utf-8")
    _drop(window, colleague, text)  # not asked: the article imported, the project not
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 3, timeout=20000)
    assert len(asked) == 3 and "drop «colleague.tahqiq» alone" in errors[1]


@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_an_export_that_cannot_be_written_is_an_error_not_saved(window, qtbot, tmp_path,
                                                                 errors, fmt):
    tag_sample(window)
    target = tmp_path / "no" / "such" / f"x.{fmt}"
    said: list[str] = []
    window.files.statusMessage.connect(said.append)
    if fmt == "pdf":
        assert not window.files.export_packet(window.current_article, "pdf", target)
    else:
        window.files.export(fmt, target, None).wait(20)
        qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert len(errors) == 1 and "Could not write" in errors[0] and "\n" not in errors[0]
    assert not any("saved" in s.lower() or "exported" in s.lower() for s in said)
    assert not target.parent.exists()


def press_on_sample(window, qtbot, key: Qt.Key) -> None:
    """Select the sample quote in the reader and press *key*, as a checker tags."""
    reader = window.article_pane.reader
    text = reader.toPlainText()
    start = text.index(SAMPLE_QUOTE)
    select_in_reader(window, start, start + len(SAMPLE_QUOTE))
    reader.setFocus()
    qtbot.keyClick(reader, key)


def labels_file(path, who: str, *added: tuple[str, str]):
    """A colleague's project with labels (key, shortcut) added."""
    from store.core import labels
    from store.core.project import Project

    with Project.open(path, who) as other:
        for key, shortcut in added:
            labels.add_label(other, key, key.title(), "#AA7700", shortcut=shortcut)
    return path


def test_two_colleagues_labels_on_one_key_merged_the_key_still_tags(window, qtbot, tmp_path,
                                                                    errors):
    """Amal's "satire" and Badr's younger "misleading", each on the free key 4, merged
    into the open window: 4 tags as the older label (both on it, Qt found the key
    ambiguous and it tagged nothing), and the merge's summary says which lost it."""
    for path in (labels_file(tmp_path / "amal.tahqiq", "amal", ("satire", "4")),
                 labels_file(tmp_path / "badr.tahqiq", "badr", ("misleading", "4"))):
        finish(qtbot, window.files.bring_in(path, "Merging…"))
    qtbot.waitUntil(lambda: "misleading" in window.action_set.tags, timeout=5000)
    assert window.action_set.tags["satire"].shortcut().toString() == "4"
    assert window.action_set.tags["misleading"].shortcut().isEmpty()
    press_on_sample(window, qtbot, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() == 1, timeout=5000)
    assert window.claims_panel.model.claim_at(0).label == "satire"
    # (told by the labels' names, not their keys: rv104)
    assert any("Misleading" in message and "Satire" in message for message in errors)


def test_a_project_holding_two_labels_on_one_key_is_mended_on_opening(qtbot, tmp_path,
                                                                      errors):
    """A project written before such a pair was refused: opening it leaves the key to
    the older label (it tagged nothing), in the label's history, and the window says
    which label has no key now."""
    from gui.app import create_window
    from gui.i18n import TsTranslator
    from store.core import history, labels
    from store.core.project import Project
    from store.exchange.seeding import open_or_create

    path = tmp_path / "old.tahqiq"
    with open_or_create(path, "colleague") as old:
        labels.add_label(old, "satire", "Satire", "#0077AA", shortcut="4")
        with old.transaction():  # as a Tahqiq that did not refuse it wrote it
            old.execute("INSERT INTO labels (key, name_en, color, shortcut, position, "
                        "created, updated) VALUES ('misleading', 'Misleading', '#AA7700', "
                        "'4', 9, '2999-01-01T00:00:00.000000Z', '2999-01-01T00:00:00.000000Z')")
    win = create_window(path, remember=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: any(m.startswith("info:") for m in errors), timeout=5000)
    assert "Misleading" in errors[-1] and "Satire" in errors[-1]
    arabic = TsTranslator((Path(__file__).resolve().parent.parent / "resources" /
                           "translations" / "tahqiq_ar.ts").read_text("utf-8"))
    assert arabic.translate("MainWindow", "Verdict shortcuts changed")
    assert win.session.label("misleading").shortcut == ""
    press_on_sample(win, qtbot, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: win.claims_panel.model.rowCount() == 1, timeout=5000)
    assert win.claims_panel.model.claim_at(0).label == "satire"
    win.close()
    with Project.open(path, "colleague", create=False) as mended:
        entry = history.for_entity(mended, "misleading")[-1]
        assert (entry.before["shortcut"], entry.after["shortcut"]) == ("4", "")


def test_a_summary_sets_its_figures_in_a_column_of_their_own(qapp):
    """The merge summary lined its figures up with spaces, which only a fixed-width font
    keeps (and an Arabic one scattered): its «  what: figure» lines are a table."""
    from PySide6.QtGui import QTextDocument

    from gui.dialogs import summary_html
    from gui.i18n import message_text
    from store.exchange.merge import MergeSummary

    lines = MergeSummary(new_claims=14, conflicts=1, source="a<b>.tahqiq").lines()
    html = summary_html("\n".join(message_text(line) for line in lines))
    document = QTextDocument()
    document.setHtml(html)
    tables = [frame for frame in document.rootFrame().childFrames()]
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows(), table.columns()) == (len(lines) - 1, 2)
    cells = {table.cellAt(r, 0).firstCursorPosition().block().text():
             table.cellAt(r, 1).firstCursorPosition().block().text()
             for r in range(table.rows())}
    assert cells["new claims"] == "14"
    assert cells["conflicts"].startswith("1 (the losing version")
    assert document.toPlainText().startswith("Merged a<b>.tahqiq:")  # escaped, kept


def test_imported_claims_are_summed_up_under_their_own_title(window, qtbot, tmp_path,
                                                            monkeypatch):
    """Import Claims (CSV) showed its summary as «Merged claims.csv»."""
    from gui import dialogs

    tag_sample(window)
    target = tmp_path / "claims.csv"
    finish(qtbot, window.files.export("csv", target, None))
    titles: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, message:
                        titles.append(title))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window.files.import_claims_dialog()
    qtbot.waitUntil(lambda: bool(titles), timeout=20000)
    assert titles == ["Imported claims from claims.csv"]


def test_a_summary_keeps_a_sentence_whole_and_reads_from_the_right_in_arabic(qapp):
    """An indented sentence holding a colon (a freed shortcut's) was split into a row's
    two cells; an Arabic summary's table stood at the left, names on the left."""
    from PySide6.QtGui import QTextDocument

    from gui.dialogs import summary_html

    message = ("Merged x:\n  new claims:       12\n"
               "  Bogus: the older label keeps the key 1; press a new one")
    document = QTextDocument()
    document.setHtml(summary_html(message))
    (table,) = document.rootFrame().childFrames()
    assert table.rows() == 1
    assert "Bogus: the older label keeps the key 1" in document.toPlainText()
    arabic = summary_html("دُمج x:\n  ادعاءات جديدة: 12", rtl=True)
    assert arabic.index(">12<") < arabic.index(">ادعاءات جديدة<")  # figure, then name
    assert "align='right'" in arabic


def test_an_extension_added_to_a_typed_name_asks_before_replacing(window, tmp_path,
                                                                  monkeypatch):
    """«claims» typed, «claims.csv» written: the save dialog asked about «claims» only,
    and an existing claims.csv was replaced without a word."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

    from gui import dialogs

    existing = tmp_path / "claims.csv"
    existing.write_text("kept", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / "claims"), "")))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question:
                        asked.append(question) or False)

    def ok() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, ok)
    window.files.export_dialog(window.current_article)
    assert asked == ["claims.csv already exists. Replace it?"]
    assert existing.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize(("typed", "kind", "written", "fmt"), [
    ("review-packet.pdf", "HTML (*.html)", "review-packet.pdf", "pdf"),
    ("review-packet.html", "PDF (*.pdf)", "review-packet.html", "html"),
    ("packet", "HTML (*.html)", "packet.html", "html"),
    ("packet", "PDF (*.pdf)", "packet.pdf", "pdf"),
])
def test_a_review_packet_is_what_its_name_says(window, tmp_path, monkeypatch, typed, kind,
                                               written, fmt):
    """The HTML file type chosen with the name «review-packet.pdf» wrote HTML into a .pdf;
    a name typed without an extension got none. The name's extension says the format, and
    a name without one takes the file type's."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / typed), kind)))
    window.files.packet_dialog(window.current_article)
    assert [p.name for p in tmp_path.iterdir()] == [written]
    assert (tmp_path / written).read_bytes().startswith(b"%PDF") == (fmt == "pdf")


def test_a_pasted_article_is_said_plainly_and_a_second_paste_cleans_nothing(window):
    """Ctrl+Shift+V said «Imported «…» ().» (a paste has no encoding), the cleaning joined
    on in lower case after the full stop, and pasting the same again said what was
    cleaned from an import that did not happen."""
    said: list[str] = []
    window.files.statusMessage.connect(said.append)
    text = "قال المتحدث\x07 إن الاتفاق سيوقع غدًا."
    window.files.paste_as_article(text)
    assert "()" not in said[-1] and said[-1].startswith("Imported «")
    assert said[-1].endswith(". On the way in: 1 change, in the Import Report."), said[-1]
    assert window.files.import_report.endswith(": Removed 1 control character.")
    window.files.paste_as_article(text)
    assert said[-1].endswith("is already in this project.") and "emoved" not in said[-1]


def test_an_import_that_brings_nothing_new_hides_the_last_imports_report(window, qtbot,
                                                                         tmp_path):
    """The same text pasted again, or files already in the project imported again: the
    last import's Import Report stayed on the status bar, as if this import's (rv240)."""
    from PySide6.QtWidgets import QToolButton

    text = "قال المتحدث\x07 إن الاتفاق سيوقع غدًا."
    window.files.paste_as_article(text)
    button = window.statusBar().findChild(QToolButton, "importReport")
    assert button.isVisible()
    window.files.paste_as_article(text)
    assert not button.isVisible() and window.files.import_report == ""
    path = tmp_path / "copied.txt"
    path.write_text("The ofﬁcial said the plan is ready.", encoding="utf-8")
    import_files(qtbot, window, path)
    assert button.isVisible()
    import_files(qtbot, window, path)
    assert window.statusBar().currentMessage().endswith("is already in this project.")
    assert not button.isVisible() and window.files.import_report == ""


def _dragged(target, urls: list, text: str | None = None) -> bool:
    """Drag *urls* (QUrls; and *text*, as some file managers offer a path too) onto
    *target* and drop them there, as Qt delivers a drag; whether the drag was taken."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setUrls(urls)
    if text is not None:
        data.setText(text)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    enter = QDragEnterEvent(QPoint(5, 5), actions, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)  # (passed on up to whoever takes it)
    QApplication.sendEvent(target, QDropEvent(QPointF(5, 5), actions, data,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))
    return enter.isAccepted()


def test_a_file_dropped_on_a_text_field_is_imported_not_typed_into_it(window, qtbot, tmp_path):
    """A file dragged onto the window lands where the pointer is: on the note (or the
    claims' filter, the new link, the search) it was typed into the field as
    «file:///…» — the note saved so — and never imported."""
    from PySide6.QtCore import QUrl

    tag_quote(window, SAMPLE_QUOTE, "verified")
    # (the window's fields are watched from its first paint on, as a user first sees it)
    qtbot.waitUntil(lambda: window._painted)
    qtbot.wait(1)
    editor = window.claims_panel.editor
    path = tmp_path / "dropped.txt"
    path.write_text("An English article dropped on a field.", encoding="utf-8")
    fields = {editor.note.viewport(): editor.note.toPlainText, editor.new_source:
              editor.new_source.text, window.claims_panel.filter_edit:
              window.claims_panel.filter_edit.text}
    for field, text in fields.items():
        assert _dragged(field, [QUrl.fromLocalFile(str(path))], str(path))
        assert text() == ""
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=20000)


def test_a_paste_of_files_or_a_link_is_not_an_article_of_their_addresses(window, qtbot,
                                                                        errors, tmp_path):
    """Paste as New Article with files copied in a file manager made an article of their
    «file:///…» addresses, and with a browser's address copied, an article of the link.
    Copied files come in as if dropped; a link is refused, saying why; a page copied as
    HTML alone comes in as its text (it was «The clipboard holds no text»)."""
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtWidgets import QApplication

    path = tmp_path / "copied.txt"
    path.write_text("An English article copied in a file manager.", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    data.setText(str(path))
    QApplication.clipboard().setMimeData(data)
    window.files.paste_as_article()
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=20000)
    assert "copied in a file manager" in window.article_pane.reader.toPlainText()

    QApplication.clipboard().setText("https://www.bbc.com/arabic/articles/c0000000 \n")
    assert window.files.paste_as_article() is None
    assert errors and "a link, not an article's text" in errors[-1]
    html = QMimeData()
    html.setHtml("<p dir='rtl'>مقال <b>نُسخ</b> من صفحة&nbsp;ويب</p>")
    QApplication.clipboard().setMimeData(html)
    article = window.files.paste_as_article()
    assert article is not None and window.session.article(article).text == "مقال نُسخ من صفحة ويب"
    assert window.article_model.rowCount() == 3


def test_a_link_dragged_from_a_browser_is_refused_saying_why(window, errors):
    """A link dragged from a browser's tab was taken (the pointer said it could be
    dropped), and then nothing happened, nothing said."""
    from PySide6.QtCore import QUrl

    assert _dragged(window, [QUrl("https://www.aljazeera.net/news/2024/3/1/x")])
    assert errors and "does not download web pages" in errors[-1]
    assert window.article_model.rowCount() == 1


def _projects_opened(monkeypatch) -> list[tuple[str, bool]]:
    """The projects the window would open, each with whether it is made anew, as File ▸
    New Project asks gui.app (which opens it in a window of its own, this one closed)."""
    opened: list[tuple[str, bool]] = []
    monkeypatch.setattr("gui.app.switch_project",
                        lambda window, path, language, new=False: opened.append((path, new)))
    return opened


def _confirm_answering(monkeypatch, *answers: bool) -> list[tuple[str, str]]:
    """Each question a dialog asks answered in turn with *answers*: the questions, with
    their titles, as they are asked."""
    from gui import dialogs

    left, asked = list(answers), []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: asked.append(
        (title, question)) or left.pop(0))
    return asked


def test_a_new_project_like_this_one_takes_its_labels_and_settings_not_its_work(
        window, monkeypatch, tmp_path, errors):
    """A newsroom's own verdicts and ClaimReview settings were the default set again in
    every new project, to be made again by hand. File ▸ New Project Like This One starts
    one with them (the same keys: the two merge verdict for verdict), and nothing else."""
    from PySide6.QtWidgets import QFileDialog

    from store.core import labels, settings

    session = window.session
    session.update_label("disputed", name_en="Misleading", name_ar="مضلل", color="#FFA500")
    session.add_label("satire", "Satire", "#AA88FF", name_ar="ساخر", shortcut="5")
    session.update_project_settings(organization="مسبار",
                                    url_template="https://misbar.example/c/{id}")
    tag_quote(window, SAMPLE_QUOTE, "satire")
    wanted = tmp_path / "next story"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(wanted), "")))
    opened = _projects_opened(monkeypatch)
    window.action_set.new_project_like.trigger()
    made = tmp_path / "next story.tahqiq"
    assert opened == [(str(made), False)] and errors == []
    with Project.open(made, "me", create=False) as new:
        shape = [(lab.key, lab.name_en, lab.name_ar, lab.color, lab.shortcut, lab.rating)
                 for lab in labels.list_labels(new)]
        assert shape == [(lab.key, lab.name_en, lab.name_ar, lab.color, lab.shortcut,
                          lab.rating) for lab in session.labels()]
        assert settings.get_settings(new).organization == "مسبار"
        assert articles.list_articles(new) == []
    window.action_set.new_project_like.trigger()  # there already: said, left as it is
    assert errors and "is there already" in errors[-1] and len(opened) == 1


def test_a_new_project_like_this_one_refused_says_the_file_another_wrote_in_was_kept(
        window, monkeypatch, tmp_path, errors):
    """File ▸ New Project Like This One refused after another window wrote in the new
    file: the file stays, as `tahqiq new` and `import` say on a note, but the window said
    the refusal alone and the person took the file for gone (fx108). The note is the
    error's second line; refused with no one else's write, the file goes, unsaid."""
    from PySide6.QtWidgets import QFileDialog

    from store.core import labels, templates
    from store.errors import InvalidLabel

    wanted = tmp_path / "next.tahqiq"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(wanted), "")))
    opened, unmaking, taken = _projects_opened(monkeypatch), templates.unmaking, labels.take_labels

    def refused(project, wanted_labels):  # (one label made, the next refused)
        taken(project, wanted_labels[:1])
        raise InvalidLabel("'{color}' is not a colour like #RRGGBB.", color="red")

    monkeypatch.setattr(templates.labels, "take_labels", refused)
    for colleague in (True, False):
        def unmaking_after_a_colleague(path, colleague=colleague):
            unmake = unmaking(path)

            def unmake_after() -> object:
                if colleague:  # (another window, its own connection, adds a label)
                    with Project.open(path, "sara", create=False) as other:
                        labels.add_label(other, "satire", "Satire", "#CE93D8")
                return unmake()
            return unmake_after

        monkeypatch.setattr(templates, "unmaking", unmaking_after_a_colleague)
        errors.clear()
        window.action_set.new_project_like.trigger()
        assert opened == []
        if colleague:
            assert errors == ["'red' is not a colour like #RRGGBB.\nnext.tahqiq was "
                              "kept, not removed: another window or program wrote in it "
                              "meanwhile."]
            with Project.open(wanted, "me", create=False) as kept:
                assert "satire" in [label.key for label in labels.list_labels(kept)]
            for made in tmp_path.glob("next.tahqiq*"):
                made.unlink()
        else:
            assert errors == ["'red' is not a colour like #RRGGBB."]
            assert not list(tmp_path.glob("next.tahqiq*"))


def test_a_new_projects_name_typed_without_its_ending_asks_before_opening_the_project_there(
        window, monkeypatch, tmp_path, errors):
    """rv181: «week» typed in File ▸ New Project's dialog, which asked about «week» (no
    such file), and week.tahqiq, a project with work in it, was opened as the new one,
    unsaid. It is asked, as an export's name given its ending is."""
    from PySide6.QtWidgets import QFileDialog


    existing = tmp_path / "week.tahqiq"
    Project.open(existing, "me").close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / "week"), "")))
    asked = _confirm_answering(monkeypatch, False, True)
    opened = _projects_opened(monkeypatch)
    window.files.new_project()
    assert asked == [("New Project", "week.tahqiq already exists. Open it?")] and opened == []
    window.files.new_project()
    assert opened == [(str(existing), False)] and len(asked) == 2 and errors == []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / "fresh"), "")))
    window.files.new_project()  # nothing there: nothing to ask
    assert opened[-1] == (str(tmp_path / "fresh.tahqiq"), True) and len(asked) == 2


def test_a_new_project_over_a_project_the_dialog_offered_to_replace_asks_before_opening_it(
        window, monkeypatch, tmp_path, errors):
    """rv259: «week.tahqiq» typed whole in File ▸ New Project's dialog and its «Replace?»
    confirmed, the project there was opened as the new one, its work and all: nothing
    was replaced, nothing said. It is asked as a name given its ending is, the project
    left as it was; the window's own project is said to be the one open now."""
    from PySide6.QtWidgets import QFileDialog

    from gui.i18n import TsTranslator

    existing = tmp_path / "week.tahqiq"
    with Project.open(existing, "me") as project:
        articles.add_article(project, "Words of the week.", "Week")
    chosen = [str(existing)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (chosen[0], "")))
    asked = _confirm_answering(monkeypatch, False, True)
    opened = _projects_opened(monkeypatch)
    window.files.new_project()
    assert asked == [("New Project", "week.tahqiq already exists. Open it?")] and opened == []
    window.files.new_project()
    assert opened == [(str(existing), False)] and len(asked) == 2 and errors == []
    with Project.open(existing, "me", create=False) as project:
        assert len(articles.list_articles(project)) == 1
    own = window.session.path
    for chosen[0] in (str(own), str(own)[:-len(".tahqiq")]):  # (typed whole, or not)
        window.files.new_project()
    assert errors == [f"info: {own.name} is the project open now."] * 2
    assert len(asked) == 2 and len(opened) == 1
    assert window.session.article_list() and window.isVisible()
    arabic = TsTranslator((Path(__file__).resolve().parent.parent / "resources" /
                           "translations" / "tahqiq_ar.ts").read_text("utf-8"))
    assert "المشروع المفتوح الآن" in arabic.translate("ProjectFiles",
                                                      "%s is the project open now.")


def test_an_older_project_opened_from_new_project_says_it_is_upgrading(
        window, monkeypatch, tmp_path, errors):
    """rv276: File ▸ New Project over an older project, «Open it?» answered Yes, opened it
    as a project made anew: its upgrade from an older Tahqiq, seconds for a big one, ran
    with no «Upgrading …» on the status bar, which Open Project shows. It is opened as the
    project there that it is; a name typed where nothing is is still made anew."""
    from PySide6.QtWidgets import QApplication, QFileDialog

    from gui import dialogs
    from gui.session import Session

    old = tmp_path / "old.tahqiq"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema12.tahqiq", old)
    chosen = [str(tmp_path / "old")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (chosen[0], "")))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: True)
    seen, opened = [], Session.open

    def open_seen(*args):
        seen.append(window.statusBar().currentMessage())
        return opened(*args)

    monkeypatch.setattr(Session, "open", open_seen)
    window.files.new_project()
    assert seen == ["Upgrading \u2068old.tahqiq\u2069 from an older Tahqiq…"] and errors == []
    (other,) = [w for w in QApplication.topLevelWidgets()
                if w is not window and w.isVisible() and hasattr(w, "session")]
    assert other.session.upgraded is not None and other.session.path == old
    made = _projects_opened(monkeypatch)
    chosen[0] = str(tmp_path / "fresh")
    other.files.new_project()
    (tmp_path / "empty.tahqiq").write_bytes(b"")
    chosen[0] = str(tmp_path / "empty")  # («Open it?» said Yes: a project made in it)
    other.files.new_project()
    assert made == [(str(tmp_path / "fresh.tahqiq"), True),
                    (str(tmp_path / "empty.tahqiq"), True)]
    other.close()


@pytest.mark.parametrize("typed", ["dir", "dir.tahqiq"])
def test_a_new_project_named_as_a_folder_there_is_said_to_be_a_folder(
        window, monkeypatch, tmp_path, errors, typed):
    """rv276: «dir» typed in File ▸ New Project where a folder dir.tahqiq is asked
    «dir.tahqiq already exists. Open it?», and its Yes said «Cannot read …: Is a
    directory.» It is said at once, nothing asked, nothing opened."""
    from PySide6.QtWidgets import QFileDialog

    from gui import dialogs

    (tmp_path / "dir.tahqiq").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / typed), "")))
    asked, opened = [], []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: asked.append(
        question) or True)
    monkeypatch.setattr("gui.app.switch_project",
                        lambda window, path, language, new=False: opened.append(path))
    window.files.new_project()
    window.files.new_project(like_this=True)
    assert errors == ["dir.tahqiq is a folder, not a Tahqiq project."] * 2
    assert asked == [] and opened == [] and window.isVisible()


def test_a_file_of_a_network_share_dropped_or_pasted_is_no_article_of_its_address(
        window, qtbot, errors):
    """A file dragged from a network share in a file manager comes as «smb://…» (not a
    file on this computer): the drop made an article of its address, as a paste did."""
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtWidgets import QApplication

    _dragged(window, [QUrl("smb://newsroom-nas/desk/story.txt")])
    copied = QMimeData()
    copied.setUrls([QUrl("sftp://host/home/me/story.txt")])
    copied.setText("sftp://host/home/me/story.txt")
    QApplication.clipboard().setMimeData(copied)
    assert window.files.paste_as_article() is None
    assert window.article_model.rowCount() == 1 and len(errors) == 2


def test_a_file_dropped_on_the_find_bar_is_imported_not_typed_into_it(window, qtbot,
                                                                     tmp_path):
    """The find bar is made when first opened, after the window: its query took a
    dropped file's path as text («…/article.txt» searched for), nothing imported."""
    from PySide6.QtCore import QUrl

    window.action_set.find_in_article.trigger()
    query = window.article_pane.find_bar.findChild(type(window.claims_panel.filter_edit),
                                                  "findQuery")
    query.clear()
    path = tmp_path / "dropped.txt"
    path.write_text("An English article dropped on the find bar.", encoding="utf-8")
    _dragged(query, [QUrl.fromLocalFile(str(path))], str(path))
    assert query.text() == ""
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=20000)


def _words_checked_alike(path: Path, words: dict[str, str] | None = None
                         ) -> dict[str, str]:
    """A project at *path* where five annotators tagged overlapping words of one sentence
    Disputed (ClaimReview publishes the first, sara's, once for all of them: the other
    four are left out for it) and one claim of another article is still unchecked: each
    left-out claim's words by annotator (or *words*, tagged in their order)."""
    from store.core import settings

    text = "The mayor said unemployment fell to 3 percent last year."
    words = words or {
        "sara": "unemployment fell to 3 percent", "ali": "The mayor said unemployment",
        "omar": "unemployment fell", "lina": "fell to 3 percent",
        "huda": "3 percent last year"}
    with Project.open(path, "sara") as project:
        settings.update_settings(project, organization="Desk",
                                 url_template="https://fc.example/{id}")
        article = articles.add_article(project, text, "Council approves budget")
        for annotator, quote in words.items():
            project.annotator = annotator
            appearances.tag_quote(project, article.id, quote, "disputed")
        other = articles.add_article(project, "The budget grew by half.", "Budget")
        appearances.tag_quote(project, other.id, "grew by half", "unchecked")
    return words


def _claimreview_box_said(qtbot, monkeypatch, path, language: str) -> str:
    """What the box after a ClaimReview export of *path*'s project, in *language*'s
    window, says (the application left in English after)."""
    from gui import dialogs
    from gui.app import create_window

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info",
                        lambda parent, title, message: shown.append(message))
    win = create_window(path, language=language)
    try:
        finish(qtbot, win.files.export("claimreview", path.parent / "reviews.json", None))
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    finally:
        win.close()
        win.deleteLater()
        if language != "en":
            create_window(language="en").close()  # leave the application in English
    (said,) = shown
    return said


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_claimreview_boxs_left_out_claims_are_named_by_their_words(
        qtbot, tmp_path, monkeypatch, errors, language):
    """The box after a ClaimReview export gave each claim left out for another published
    for its words a line of its own, «its words are published as claim a5438899-a36c-…:
    copy this one's there to publish them: 1», naming by an id the window shows nowhere
    the claim that publishes them, and «this one» by nothing; in Arabic the id broke
    mid-UUID (rv284). Now each reason is one line with its count, and under it the words
    of a few of its claims, isolated: the claim left out and the one published for it."""
    from html import escape

    from gui.dialogs import summary_html
    from gui.i18n import quoted
    from store.text.display import isolated_name

    path = tmp_path / "alike.tahqiq"
    words = _words_checked_alike(path)
    said = _claimreview_box_said(qtbot, monkeypatch, path, language)
    with Project.open(path, "sara") as project:
        ids = [row[0] for row in project.execute("SELECT id FROM claims")]
    assert not any(claim_id[:8] in said for claim_id in ids), said  # no claim by its id
    published = quoted(words["sara"])
    left = [f"    {quoted(words[name])}: " + (
        f"{isolated_name(name)}'s, published as {isolated_name('sara')}'s {published}"
        if language == "en" else f"ادعاء {isolated_name(name)}، منشورةً في ادعاء "
        f"{isolated_name('sara')} {published}")
        for name in ("ali", "omar", "lina")]  # their reading order; huda's the 4th
    # (in the box, each set under its reason, in the line's direction)
    assert f"padding-{'left' if language == 'en' else 'right'}: 16px'>" \
        f"{chr(0x200e) if language == 'en' else chr(0x200f)}{escape(left[0].strip())}" \
        in summary_html(said, rtl=language == "ar")
    if language == "en":
        assert said.splitlines() == [
            "5 claims left out of ClaimReview:",
            "  their words are published as another claim with the same verdict, with "
            "that claim's own note and sources: copy theirs into it to publish them: 4",
            *left, "    and 1 more", "  no verdict yet (Unchecked): 1",
            f"    {quoted('grew by half')}: {isolated_name('huda')}'s"]
    else:
        lines = said.splitlines()
        assert len(lines) == 8 and lines[0] == "تُركت 5 ادعاءات خارج ClaimReview:"
        assert lines[1].startswith("  كلماتها منشورة في ادعاء آخر") and lines[1].endswith(": 4")
        assert lines[2:5] == left and lines[5] == "    وادعاء آخر"
        assert lines[6].endswith(": 1")
        assert lines[7] == f"    {quoted('grew by half')}: ادعاء {isolated_name('huda')}"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_colleagues_claims_on_the_same_words_are_told_apart_by_whose_they_are(
        qtbot, tmp_path, monkeypatch, errors, language):
    """Colleagues who tagged the same words with the same verdict had, in the box after
    a ClaimReview export, each a line ««words», published as «words»», alike to the
    letter: the checker could not tell whose note and sources to copy into whose; four
    such claims read as three identical lines and «and 1 more» (rv285). Now the claims
    alike in all a line says share one line, which says whose they are, and whose the
    one published, the words said once."""
    from gui.i18n import quoted
    from store.text.display import isolated_name

    path = tmp_path / "same.tahqiq"
    treaty = "unemployment fell to 3 percent"
    _words_checked_alike(path, {name: treaty for name in ("sara", "omar", "lina", "huda")})
    said = _claimreview_box_said(qtbot, monkeypatch, path, language)
    omar, lina, huda, sara = map(isolated_name, ("omar", "lina", "huda", "sara"))
    lines = said.splitlines()
    assert len(lines) == 5 and lines[1].endswith(": 3"), said  # one line for all three
    if language == "en":
        assert lines[2] == (f"    {quoted(treaty)}: {omar}'s, {lina}'s and {huda}'s, "
                            f"published as {sara}'s")
        assert lines[4] == f"    {quoted('grew by half')}: {huda}'s"
    else:
        assert lines[2] == (f"    {quoted(treaty)}: ادعاء {omar}، ادعاء {lina} وادعاء "
                            f"{huda}، منشورةً في ادعاء {sara}")
        assert lines[4] == f"    {quoted('grew by half')}: ادعاء {huda}"
