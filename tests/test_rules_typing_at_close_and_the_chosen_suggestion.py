"""What closing and switching with typing not saved, and the Known Claims panel's «the
suggestion I chose is gone», must do and leave alone: cases the suite let pass (rv231)."""

from __future__ import annotations

from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from test_gui_closing import _refuse_writes


def _box(name: str) -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name
                 and w.isVisible()), None)


def _answer(seen: list, *roles: str) -> None:
    """Click the buttons of *roles*, one each time «Typing Not Saved» is shown, keeping
    in *seen* each box's button roles and which is the default."""
    def answer() -> None:
        if (box := _box("typingNotSavedClosing")) is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(([box.buttonRole(b).name for b in box.buttons()],
                     box.buttonRole(box.defaultButton()).name))
        next(b for b in box.buttons() if box.buttonRole(b).name == roles[0]).click()
        if roles[1:]:
            _answer(seen, *roles[1:])

    QTimer.singleShot(20, answer)


def test_try_again_still_refused_asks_again(window, qtbot, errors, monkeypatch):
    """Try Again while the file is still held: the note is still not saved, so the box
    comes again (the window closed on the first Try Again, the note lost unsaid), and
    Try Again is its default (Enter tries again, not Cancel)."""
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    window.claims_panel.editor.note.setPlainText("From the 2019 survey, table 4.")
    seen: list = []
    _answer(seen, "AcceptRole", "RejectRole")  # Try Again (still refused), then Cancel
    window.close()
    window.typing_given_up = True  # (the fixture's own close)
    assert window.isVisible() and len(seen) == 2
    assert seen[0][1] == "AcceptRole"  # the default: Try Again
    assert window.claims_panel.editor.note.toPlainText() == "From the 2019 survey, table 4."


def test_a_refused_note_after_one_waiting_for_its_claim_offers_try_again(
        window, qtbot, errors, monkeypatch):
    """A note that waited for its deleted claim, then a note on a claim there refused for
    a busy file: Try Again is offered (the first box's «deleted since» stayed, no Try
    Again, though this one could be saved once the file is free)."""
    editor = window.claims_panel.editor
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    editor.note_waits_for_its_claim = True  # (an earlier save: its claim deleted since)
    _refuse_writes(window, monkeypatch)
    editor.note.setPlainText("Table 4.")
    seen: list = []
    _answer(seen, "RejectRole")
    window.close()
    window.typing_given_up = True
    assert window.isVisible() and len(seen) == 1
    roles, default = seen[0]
    assert "AcceptRole" in roles and default == "AcceptRole"


def test_a_switch_that_opened_nothing_asks_again_at_the_close(window, qtbot, errors,
                                                              monkeypatch, tmp_path):
    """Close Without Saving for a switch, the other project not opened (open_window
    refused it): the window stays, and its next close asks again about a note refused,
    not losing it unasked."""
    import gui.app as app

    tag_quote(window, SAMPLE_QUOTE, "disputed")
    _refuse_writes(window, monkeypatch)
    window.claims_panel.editor.note.setPlainText("Table 4.")
    monkeypatch.setattr(app, "open_window", lambda *a, **k: None)
    seen: list = []
    _answer(seen, "DestructiveRole")
    app.switch_project(window, str(tmp_path / "other.tahqiq"), "en", new=True)
    assert window.isVisible() and len(seen) == 1
    _answer(seen, "RejectRole")  # asked again: Cancel
    window.close()
    window.typing_given_up = window.isVisible()  # (the fixture's own close)
    assert window.isVisible() and len(seen) == 2


def _two_suggestions(window, qtbot, tmp_path):
    """The copy's article shown with two suggestions (the matcher's and one more made
    from it, as test_gui_known_claims does): its id and the two."""
    from dataclasses import replace

    from test_gui_known_claims import open_copy, tag_sample

    from store.core.records import KnownClaimsFound

    tag_sample(window)
    open_copy(window, qtbot, tmp_path)
    window.finder.wait()
    qtbot.waitUntil(lambda: not window.finder.busy(), timeout=20000)
    article = window.current_article
    [hit] = window.known_claims.hits()
    other = hit._replace(suggestion=replace(hit.suggestion, start=0, end=4))
    window._suggestions_found(article, KnownClaimsFound([hit, other]))
    return article, hit, other, KnownClaimsFound


def test_a_chosen_suggestion_gone_is_said_once_and_again_after_another_goes(
        window, qtbot, tmp_path):
    """The chosen suggestion gone is said once, not again at each of the matcher's
    answers after every edit (the status line said it over whatever came since); chosen
    again and gone again, it is said again."""
    from dataclasses import replace

    article, hit, other, found = _two_suggestions(window, qtbot, tmp_path)
    panel, said = window.known_claims, []
    panel.chosenGone.connect(said.append)
    panel.choose(other)
    window._suggestions_found(article, found([hit]))  # gone
    assert said == [other] and panel.chosen_gone()
    third = hit._replace(suggestion=replace(hit.suggestion, start=5, end=9))
    window._suggestions_found(article, found([hit, third]))  # another answer, still gone
    assert said == [other] and panel.current_hit() is None
    panel.choose(third)  # chosen again
    assert not panel.chosen_gone() and panel.current_hit() == third
    window._suggestions_found(article, found([hit]))  # and gone again: said again
    assert said == [other, third] and panel.chosen_gone()


def test_a_failed_search_is_not_said_as_the_chosen_suggestion_gone(window, qtbot,
                                                                    tmp_path):
    """The matcher's process dying empties the list: the status line says the search
    stopped, not «The known claim you chose … is no longer suggested» over it, and once
    searched again the suggestion chosen is chosen again."""
    article, hit, other, found = _two_suggestions(window, qtbot, tmp_path)
    panel, said = window.known_claims, []
    panel.chosenGone.connect(said.append)
    panel.choose(other)
    window.finder.failed.emit("The search for known claims stopped unexpectedly.")
    assert said == [] and not panel.chosen_gone()
    assert window.statusBar().currentMessage() == (
        "The search for known claims stopped unexpectedly.")
    window._suggestions_found(article, found([hit, other]))
    assert panel.current_hit() == other and said == []


def test_the_last_suggestion_accepted_leaves_the_next_one_the_default(window, qtbot,
                                                                      tmp_path):
    """The only suggestion chosen and accepted is not «gone» (said over «Accepted: …»),
    and a suggestion the matcher offers later is Y's and X's default, not refused with
    «The known claim you chose is no longer suggested here»."""
    from dataclasses import replace

    article, hit, other, found = _two_suggestions(window, qtbot, tmp_path)
    panel, said = window.known_claims, []
    window._suggestions_found(article, found([hit]))
    panel.chosenGone.connect(said.append)
    panel.choose(hit)
    window.accept_suggestion()
    assert panel.hits() == [] and said == [] and not panel.chosen_gone()
    assert window.statusBar().currentMessage().startswith("Accepted:")
    later = hit._replace(suggestion=replace(hit.suggestion, start=0, end=4))
    window._suggestions_found(article, found([later]))
    assert panel.current_hit() == later and said == []
