"""A working day in one window: what is closed is gone, nothing piles up.

A checker keeps Tahqiq open all day; a helper drove one window through a day's actions
and found three things left behind at every turn (a closed window, a closed dialog, a
language's translator), each growing the process without bound."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid


def deleted_later() -> None:
    """Run the deletions Qt waits to do until control is back in the event loop."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_a_window_switched_away_from_is_deleted_with_its_session(qtbot, errors, tmp_path):
    """File ▸ Open, a new project and the language switched each closed the window and
    left it in memory, its undo stack and all (4.5 MB, 480 objects a time): its menus
    had no parent, and the connections of its session's signals kept both alive."""
    from gui.app import create_window, switch_project
    from gui.mainwindow import MainWindow

    window = create_window(tmp_path / "first.tahqiq", remember=False)
    window.show()
    qtbot.waitExposed(window)
    deleted_later()
    before = len(QApplication.topLevelWidgets())
    session = window.session
    switch_project(window, str(tmp_path / "second.tahqiq"), "en", new=True)
    deleted_later()
    assert not isValid(window) and not isValid(session)
    assert len(QApplication.topLevelWidgets()) == before  # the new window, in its place
    (other,) = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    assert other.session.path.name == "second.tahqiq"
    other.close()


@pytest.mark.parametrize("action", ["deleted_claims", "deleted_articles", "preferences",
                                    "article_properties", "keyboard_shortcuts", "edit_labels",
                                    "project_settings"])
def test_a_dialog_closed_is_deleted(window, monkeypatch, action):
    """Deleted Claims kept its whole table after it closed, one more at every opening
    (38 objects a time), as did Deleted Articles, Preferences and Article Properties:
    their own widgets' signals reached them through lambdas."""
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    deleted_later()
    before = len(window.findChildren(QDialog))
    window.findChild(QAction, action).trigger()
    deleted_later()
    assert len(window.findChildren(QDialog)) == before


def test_switching_languages_leaves_no_translator_behind(qapp):
    """Each switch to Arabic left Qt's own translator (160 KB) with the application."""
    from gui import i18n

    language = i18n.current()
    try:
        for _ in range(3):
            i18n.install(qapp, "ar")
            i18n.install(qapp, "en")
        deleted_later()
        assert qapp.findChildren(QTranslator) == []
    finally:
        i18n.install(qapp, language)


def test_a_claims_history_is_told_again_only_once_the_log_grew(window, monkeypatch):
    """Choosing a claim told its whole history again each time, History folded or not:
    with 2,000 entries (every pause in typing a note is one), 30 ms of every choice.
    Told once now, and again once anything was written."""
    from conftest import SAMPLE_QUOTE, tag_quote

    from store.review import story

    tag_quote(window, "صداقة نارية", "verified")
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    first, second = (place.id for place in window.claims_panel.claims())
    told: list[object] = []
    tell_all = story.tell_all
    monkeypatch.setattr(story, "tell_all", lambda *a, **k: told.append(a) or tell_all(*a, **k))
    for _ in range(3):
        window.select_claim(first)
        window.select_claim(second)
    assert len(told) <= 2
    toggle = window.claims_panel.editor.history_toggle
    assert toggle.text() == "History (1)"
    window.session.update_claim(second, note="checked against the UN record")
    assert toggle.text() == "History (2)"


def test_a_note_saved_tells_no_history_whole_again(window, monkeypatch):
    """A note saved made both claims one moves between tell their whole story again
    (any write dropped every history told), History folded or not: 600 saves in, 31 ms
    of each instead of 8 (rv243). The lines a save adds are told alone, as they read
    told whole."""
    from conftest import SAMPLE_QUOTE, tag_quote

    from store.core import history
    from store.review import story

    tag_quote(window, "صداقة نارية", "verified")
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    first, second = window.claims_panel.claims()
    editor = window.claims_panel.editor
    told: list[object] = []
    def counted(tell):
        return lambda *a, **k: told.append(a) or tell(*a, **k)

    monkeypatch.setattr(story, "tell_all", counted(story.tell_all))
    monkeypatch.setattr(history, "for_claim", counted(history.for_claim))
    window.select_claim(first.id)
    window.select_claim(second.id)
    told.clear()
    for n in range(6):
        shown = (first, second)[n % 2]
        window.select_claim(shown.id)
        editor.note.setPlainText(f"note version {n}")
        editor.commit_note()
        window.select_claim((second, first)[n % 2].id)
    assert told == []
    assert editor.history_toggle.text() == "History (4)"  # tagged, three notes
    kept = window.session.history_lines(first.claim_id)
    window.session._told = {}  # told whole, from the log
    assert window.session.history_lines(first.claim_id) == kept and len(kept) == 4
    assert "note" in kept[-1]


def test_a_note_on_a_tag_all_claim_asks_its_review_once(window, monkeypatch):
    """A note saved on a Tag All claim of 3,000 places asked the claim's review once a
    place, and told the claims table of each row apart: 0.8 s of a 420 ms save (rv243)."""
    from conftest import select_in_reader

    text = window.article_pane.reader.toPlainText()
    start = text.index("بوتين")
    select_in_reader(window, start, start + len("بوتين"))
    window.findChild(QAction, "all_occurrences").trigger()
    places = window.claims_panel.claims()
    assert len(places) >= 3 and len({p.claim_id for p in places}) == 1
    model = window.claims_panel.model
    asked: list[str] = []
    current_review = window.session.current_review
    monkeypatch.setattr(window.session, "current_review",
                        lambda claim_id: asked.append(claim_id) or current_review(claim_id))
    told: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: told.append((top.row(), bottom.row())))
    window.session.update_claim(places[0].claim_id, note="checked against the record")
    assert asked.count(places[0].claim_id) == 1
    assert told == [(0, len(places) - 1)]
    assert all(model.claim_at(row).note == "checked against the record"
               for row in range(len(places)))


def test_a_label_renamed_in_another_window_leaves_the_history_told(window):
    """Another window renamed a label just before this one's poll, after a claim was
    chosen here: the poll's label check set the kept histories to their shape before
    76c24fe, and every claim chosen then raised TypeError, History empty, until the
    project was opened again (rv251)."""
    from conftest import SAMPLE_QUOTE, tag_quote

    from store.core import labels
    from store.core.project import Project

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    claim = window.claims_panel.claims()[0]
    session = window.session
    session.history_lines(claim.claim_id)
    other = Project.open(session.path, "colleague")
    labels.update_label(other, "disputed", name_en="Contested")
    other.close()
    session.history_lines(claim.claim_id)  # (caught up with the rename before the poll)
    assert session.refresh()
    told = session.history_lines(claim.claim_id)
    assert told and "Contested" in told[0]


def test_a_history_asked_again_is_kept_longest(window):
    """The kept histories dropped the one told first, not the one asked longest ago: a
    claim chosen between each of 63 others was told whole again at the 65th (rv251)."""
    from gui.session import TOLD_KEPT

    session = window.session
    kept = [f"claim-{n}" for n in range(TOLD_KEPT + 1)]
    for claim_id in kept[1:TOLD_KEPT]:
        session.history_lines(kept[0])
        session.history_lines(claim_id)
    session.history_lines(kept[0])
    session.history_lines(kept[TOLD_KEPT])
    assert kept[0] in session._told and kept[1] not in session._told
