"""Keys whose action is off, and what a screen reader hears (rv197): Y, X and N off fell
through to the claims table, which chose another claim for the next verdict key; a
project search's result and a source link added or refused were shown, never said."""

from __future__ import annotations

from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication
from test_gui_dialogs import read_only_window  # noqa: F401 - a fixture
from test_gui_keyboard import announced  # noqa: F401 - a fixture

ARTICLE = "Nobody came. Yesterday it rained. Xenon glows. غدا نلتقي."


def typed(widget, key: int, text: str) -> None:
    """*key* pressed on *widget*, typing *text* (a letter of the Arabic layout, say)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))


def claim_of(window, words: str) -> str:
    text = window.article_pane.reader.plain_text()
    return next(p.id for p in window.claims_panel.claims() if text[p.start:p.end] == words)


def english_claims(window) -> None:
    """Claims starting with the letters of Y, X and N, and with «غ» (Y's Arabic twin)."""
    window.files.paste_as_article(ARTICLE)
    for words in ("came", "Nobody", "Yesterday", "Xenon", "غدا"):
        tag_quote(window, words, "verified")


def test_y_and_x_with_no_known_claim_say_why_and_keep_the_chosen_claim(window, errors):
    """Accept and Dismiss Known Claim off (no suggestion here): Y, X and «غ» fell through
    to the claims table, whose search chose «Yesterday», «Xenon» or «غدا» unsaid, and the
    next verdict key relabelled that claim."""
    english_claims(window)
    came = claim_of(window, "came")
    window.select_claim(came)
    view = window.claims_panel.view
    view.setFocus()
    assert not window.findChild(QAction, "accept_suggestion").isEnabled()
    for key, text, said in ((Qt.Key.Key_Y, "y", "No known claim to accept here."),
                            (0x063A, "غ", "No known claim to accept here."),
                            (Qt.Key.Key_X, "x", "No known claim to dismiss here.")):
        window.statusBar().clearMessage()
        typed(view, key, text)
        assert window.current_claim_id() == came, text
        assert window.statusBar().currentMessage() == said
    assert errors == []


def test_n_with_no_claim_chosen_says_why_and_chooses_none(window, errors):
    """Edit Note off (no claim chosen): N fell through to the claims table, which chose
    «Nobody», the claim the next verdict key then relabelled."""
    english_claims(window)
    view = window.claims_panel.view
    view.clearSelection()
    view.setCurrentIndex(window.claims_panel.proxy.index(-1, -1))
    view.setFocus()
    assert window.current_claim_id() is None
    assert not window.findChild(QAction, "edit_note").isEnabled()
    typed(view, Qt.Key.Key_N, "n")
    assert window.current_claim_id() is None
    assert window.statusBar().currentMessage() == "Select a claim to write its note first."
    assert errors == []


def test_the_keys_off_in_a_read_only_project_say_so(read_only_window):  # noqa: F811
    """Read-only, N, Y and X («ء») say so where they fell through in silence."""
    reader = read_only_window.article_pane.reader
    reader.setFocus()
    for key, text in ((Qt.Key.Key_N, "n"), (Qt.Key.Key_Y, "y"), (0x0621, "ء")):
        read_only_window.statusBar().clearMessage()
        typed(reader, key, text)
        assert read_only_window.statusBar().currentMessage() == \
            "This project is open read-only.", text


def test_a_project_search_says_what_it_found(window, qtbot, announced):  # noqa: F811
    """Its «No matches» or count was shown and never said (Find in Article says its
    «No matches»); a query run again says nothing new, nor does a refill the window
    makes after a change."""
    window.findChild(QAction, "search_project").trigger()
    panel = window.search_panel
    panel.query.setText("كلمة لا توجد في المقال")
    panel.run()
    assert announced == ["No matches"]
    panel.run()  # (Enter after the typing's pause)
    assert announced == ["No matches"]
    panel.query.setText("بوتين")
    panel.run()
    assert len(announced) == 2 and announced[-1] == panel.summary.text()
    assert announced[-1].endswith("matches")
    tag_quote(window, "بوتين", "verified")  # the results sought again: nothing said of it
    qtbot.waitUntil(lambda: "quote" in {h.kind for h in panel.hits}, timeout=3000)
    assert announced[-1].startswith("Tagged ") and len(announced) == 3


def test_a_source_link_added_or_refused_is_said(window, announced):  # noqa: F811
    """The field emptied in silence when a link was added, and a refusal was shown
    below it alone: a screen reader's user heard neither."""
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    editor = window.claims_panel.editor
    editor.new_source.setText("https://example.org/report")
    editor.commit_new_source()
    said = "Source added: \u2066https://example.org/report\u2069"
    assert window.statusBar().currentMessage() == announced[-1] == said
    editor.new_source.setText("https://example.org/a https://example.org/b")
    editor.commit_new_source()
    assert announced[-1] == ("Sources added: \u2066https://example.org/a\u2069, "
                             "\u2066https://example.org/b\u2069")
    editor.new_source.setText("ftp://example.org/x")
    editor.commit_new_source()
    assert editor.error.isVisible()
    assert announced[-1] == "'ftp://example.org/x' is not a web link (http:// or https://)."


def test_a_link_the_claim_already_has_is_said_so(window, announced):  # noqa: F811
    """A link typed again (or pasted among others already there) emptied the field unsaid:
    added or lost, a screen reader's user could not tell (rv199)."""
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    editor = window.claims_panel.editor
    editor.new_source.setText("https://example.org/report")
    editor.commit_new_source()
    before = len(announced)
    editor.new_source.setText("https://example.org/report")
    editor.commit_new_source()
    assert editor.new_source.text() == ""
    assert announced[before:] == ["The claim already has this source."]
    assert window.claims_panel.editor.claim.sources == ("https://example.org/report",)
