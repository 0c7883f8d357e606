"""Another program writes the project while someone works in the window.

Nothing typed may be lost, and the claim being edited, the words selected, the list's
filters and the known claim chosen stay in front of the user.
"""

from __future__ import annotations

from pathlib import Path

from conftest import select_in_reader
from PySide6.QtCore import Qt
from reliability_support import make_project

from gui.models import ClaimIdRole
from store.core import appearances, article_deletion, articles
from store.core.project import Project
from store.review import reviews


def test_a_note_being_typed_survives_an_outside_change(tmp_path, qtbot, errors):
    path = tmp_path / "project.tahqiq"
    article_id = make_project(path)
    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    claim_id = window.claims_panel.model.index(0, 0).data(ClaimIdRole)
    window.select_claim(claim_id)
    note = window.claims_panel.editor.note
    typed = note.toPlainText() + " and more"
    note.setFocus()
    note.moveCursor(note.textCursor().MoveOperation.End)
    qtbot.keyClicks(note, " and more")  # typing; the idle timer has not fired

    with Project.open(path, "colleague") as other:  # meanwhile, another program writes
        appearances.create_claim(other, article_id, 0, 4, "verified")
    assert window.session.refresh()  # what the one-second poll does

    assert window.claims_panel.model.rowCount() == 4  # the window shows the other's claim...
    assert window.current_claim_id() == claim_id  # ...and still the claim being edited
    assert note.toPlainText() == typed  # with what was typed
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with Project.open(path, "checker") as project:
        assert appearances.get_appearance(project, claim_id).note == typed
    assert errors == []
    window.close()


def test_a_place_whose_offsets_another_program_wrote_as_text_opens(tmp_path, qtbot, errors):
    """A place's start or end written as text or bytes by another program (SQLite takes
    any type in any column) ended the window's opening in a TypeError traceback (rv130).
    The window opens on the article with the other places; `tahqiq check` names the
    damage (tests/reliability/test_damaged_files.py)."""
    import sqlite3

    from gui.app import create_window

    path = tmp_path / "typed.tahqiq"
    article_id = make_project(path, n_claims=3)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE appearances SET start = 'abc' WHERE rowid = 1")
        raw.execute("UPDATE appearances SET \"end\" = x'00' WHERE rowid = 2")
    raw.close()
    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_article == article_id
    qtbot.waitUntil(lambda: not window.reading_places, timeout=5000)
    with Project.open(path, "tester") as project:
        (sound,) = [a for a in appearances.list_appearances(project, article_id)
                    if isinstance(a.start, int) and isinstance(a.end, int)]
    assert [row.id for row in window.claims_panel.claims()] == [sound.id]
    window.close()


# -- what the person was doing, kept across another program's write (rv150) ----------------
def _window_on(path: Path, qtbot, article_id: str):
    from gui.app import create_window

    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_article(article_id)
    return window


def _a_colleague_writes(window, path: Path, article_id: str) -> None:
    """Another program's write somewhere else in the project, and the poll's catch-up."""
    with Project.open(path, "colleague") as other:
        articles.update_metadata(other, article_id, outlet="وكالة")
    assert window.session.refresh()


def test_words_selected_stay_selected_and_take_the_verdict_key(tmp_path, qtbot, errors):
    """A claim chosen, other words selected to tag them: a colleague's write put the chosen
    claim's words back in the selection, and the verdict key relabelled that claim."""
    path = tmp_path / "p.tahqiq"
    text = "قال الوزير 😀 إن الاقتصاد نما بسرعة. وقال 🇸🇦 أيضا إن البطالة انخفضت كثيرا."
    with Project.open(path, "me") as project:
        article = articles.add_article(project, text, "مقال")
        other = articles.add_article(project, "نص آخر فيه كلمات", "آخر")
    window = _window_on(path, qtbot, article.id)
    start = text.index("الاقتصاد نما")
    select_in_reader(window, start, start + len("الاقتصاد نما"))
    window.tag("verified")
    mine = window.current_claim_id()
    start = text.index("البطالة انخفضت")  # after two characters beyond the BMP
    select_in_reader(window, start, start + len("البطالة انخفضت"))

    _a_colleague_writes(window, path, other.id)

    assert window.article_pane.reader.selected_span() == (start, start + len("البطالة انخفضت"))
    assert window.current_claim_id() == mine
    window.tag("disputed")
    with Project.open(path, "me") as project:
        made = {a.quote: a.label for a in appearances.list_appearances(project, article.id)}
    assert made == {"الاقتصاد نما": "verified", "البطالة انخفضت": "disputed"}
    assert errors == []
    window.close()


def test_the_claims_lists_filters_stay_on(tmp_path, qtbot, errors):
    """A reviewer going through «Not yet reviewed» of one verdict accepts the claim chosen
    (its row stays while chosen): a colleague's write cleared every filter."""
    path = tmp_path / "p.tahqiq"
    article_id = make_project(path, n_claims=6, annotator="colleague")  # (theirs to review)
    with Project.open(path, "me") as project:
        other = articles.add_article(project, "نص آخر فيه كلمات", "آخر")
    window = _window_on(path, qtbot, article_id)
    panel = window.claims_panel
    panel.unreviewed.setChecked(True)
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("disputed"))
    shown = panel.proxy.rowCount()
    assert 0 < shown < panel.model.rowCount()
    panel.step(1)
    chosen = window.current_claim_id()
    window.action_set.review_accept.trigger()
    with Project.open(path, "me") as project:
        assert reviews.reviews_for(project, appearances.get_appearance(project, chosen).claim_id)
    _a_colleague_writes(window, path, other.id)

    assert panel.unreviewed.isChecked()
    assert panel.verdict_filter.currentData() == "disputed"
    assert window.current_claim_id() == chosen  # (reviewed, kept while it is chosen)
    assert panel.proxy.rowCount() == shown
    panel.step(1)  # the next claim still to review, not one reviewed already
    assert window.current_claim_id() != chosen
    with Project.open(path, "me") as project:
        assert appearances.get_appearance(project, window.current_claim_id()).label == \
            "disputed"
    assert errors == []
    window.close()


def test_properties_typed_for_an_article_deleted_meanwhile_are_refused(tmp_path, qtbot,
                                                                        errors):
    """Article Properties open on A while a colleague deletes A: the window went on to
    B, and OK wrote what was typed for A over B's title (no undo for an article's
    details)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.article_dialogs import ArticlePropertiesDialog

    path = tmp_path / "p.tahqiq"
    with Project.open(path, "me") as project:
        b = articles.add_article(project, "النص الأول هنا عن شيء ما", "الأول")
        a = articles.add_article(project, "النص الثاني هنا عن شيء آخر", "الثاني")
    window = _window_on(path, qtbot, a.id)
    seen = {}

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ArticlePropertiesDialog)
        with Project.open(path, "colleague") as other:
            article_deletion.delete_article(other, a.id)
        assert window.session.refresh()
        seen["shown"] = window.current_article
        dialog.edits["title"].setText("Typed for A")
        dialog.accept()
        seen["open"] = dialog.isVisible()  # (refused: open with the typing, rv169)
        dialog.reject()

    QTimer.singleShot(100, in_dialog)
    window.edit_article_properties()
    assert seen["shown"] == b.id and seen["open"]
    with Project.open(path, "me") as project:
        assert articles.get_article(project, b.id).title == "الأول"
        assert articles.get_article(project, a.id).title == "الثاني"
    assert len(errors) == 1 and "deleted meanwhile" in errors[0]
    window.close()


def test_the_known_claim_chosen_stays_chosen(tmp_path, qtbot, errors):
    """The second of two suggestions chosen: a colleague's write emptied the list and
    refilled it with none chosen, and Y accepted the first, other words, another verdict."""
    from PySide6.QtGui import QAction

    first, second = "ارتفعت الأسعار بنسبة كبيرة", "انخفضت البطالة إلى النصف"
    path = tmp_path / "p.tahqiq"
    old = f"قال التقرير إن {first} هذا العام. وأضاف أن {second} منذ الربيع."
    new = f"في خطاب اليوم: {first} كما قال. ثم قال إن {second} بفضل الحكومة."
    with Project.open(path, "me") as project:
        checked = articles.add_article(project, old, "القديم")
        for words, label in ((first, "verified"), (second, "disputed")):
            start = old.index(words)
            appearances.create_claim(project, checked.id, start, start + len(words), label)
        article = articles.add_article(project, new, "الجديد")
    window = _window_on(path, qtbot, article.id)
    panel = window.known_claims
    qtbot.waitUntil(lambda: len(panel.hits()) == 2, timeout=30000)
    panel.choose(next(h for h in panel.hits() if new[h.start:h.end] == second))

    _a_colleague_writes(window, path, checked.id)

    assert new[panel.current_hit().start:panel.current_hit().end] == second
    qtbot.waitUntil(lambda: not window.finder.busy(), timeout=30000)
    window.findChild(QAction, "accept_suggestion").trigger()  # Y
    with Project.open(path, "me") as project:
        made = [(a.quote, a.label) for a in appearances.list_appearances(project, article.id)]
    assert made == [(second, "disputed")]
    assert errors == []
    window.close()
