"""An undo or a redo that would delete a claim a colleague changed since, or bring back
one they deleted, is refused with a message, as a tag's undo is: Unlink's undo, Link's
redo and Restore claim's undo did it without a word (rv144). The colleague writes the
same file from another program (the command line, another window); the window sees it
at its next look (Session.refresh)."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_QUOTE

from store.core import appearances, articles, claims
from store.core.project import Project
from store.exchange.seeding import open_or_create


@pytest.fixture
def two_places(tmp_path):
    """A claim on the sample quote and on «بوتين», and a second claim on «روسيا»."""
    path = tmp_path / "p.tahqiq"
    with open_or_create(path, "me") as project:
        article = articles.list_articles(project)[0]["id"]
        text = articles.get_article(project, article).text
        first = appearances.tag_quote(project, article, SAMPLE_QUOTE, "disputed")
        start, end = appearances.quote_span(text, "بوتين")
        second = appearances.add(project, first.claim_id, article, start, end)
        other = appearances.tag_quote(project, article, "روسيا", "verified")
    return path, first, second, other


@pytest.fixture
def window_on(qtbot):
    from gui.app import create_window

    def make(path):
        window = create_window(path, remember=False)
        qtbot.addWidget(window)
        return window

    return make


def _as_colleague(path, change) -> None:
    with Project.open(path, "colleague", create=False) as colleague:
        change(colleague)


def _read(path, claim_id: str):
    with Project.open(path, "reader", create=False) as reader:
        return claims.get_claim(reader, claim_id)


@pytest.mark.parametrize("since", ["edited", "deleted"])
def test_an_unlink_undone_keeps_a_colleagues_work_since(two_places, window_on, errors,
                                                        qtbot, since):
    from gui.commands import Unlink

    path, first, second, _ = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(Unlink(session, session.appearance(second.id)))
    split = session.appearance(second.id).claim_id
    if since == "edited":
        _as_colleague(path, lambda p: claims.update_claim(p, split, label="verified",
                                                          note="found it"))
    else:
        _as_colleague(path, lambda p: claims.delete_claim(p, first.claim_id))
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))  # (said once the step is over)

    with Project.open(path, "reader", create=False) as reader:
        place = appearances.get_appearance(reader, second.id)
    assert place.claim_id == split  # not joined back
    if since == "edited":
        assert (place.label, place.note) == ("verified", "found it")
        assert errors == ["colleague changed this claim since; going back would overwrite "
                          "that."]
    else:
        assert _read(path, first.claim_id).is_deleted
        assert errors == ["colleague deleted the claim these words go back to since; going "
                          "back would bring it back."]
    assert window.undo_stack.canUndo()  # the refused step is still the one to undo


def test_an_unlink_undone_with_nothing_changed_joins_the_words_back(two_places, window_on,
                                                                    errors):
    from gui.commands import Unlink

    path, first, second, _ = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(Unlink(session, session.appearance(second.id)))
    split = session.appearance(second.id).claim_id
    window.undo_stack.take_back()
    assert errors == []
    assert session.appearance(second.id).claim_id == first.claim_id
    assert _read(path, split).is_deleted
    window.undo_stack.redo()
    assert session.appearance(second.id).claim_id == split


def test_a_link_redone_keeps_a_colleagues_note_since_the_undo(two_places, window_on,
                                                             errors, qtbot):
    from gui.commands import Link

    path, first, _, other = two_places
    window = window_on(path)
    session = window.session
    places = [session.appearance(first.id), session.appearance(other.id)]
    window.undo_stack.push(Link(session, places, first.claim_id))
    assert _read(path, other.claim_id).is_deleted
    window.undo_stack.take_back()
    assert not _read(path, other.claim_id).is_deleted
    _as_colleague(path, lambda p: claims.update_claim(p, other.claim_id,
                                                      note="Putin quote checked"))
    session.refresh()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(errors))

    kept = _read(path, other.claim_id)
    assert (kept.is_deleted, kept.note) == (False, "Putin quote checked")
    assert session.appearance(other.id).claim_id == other.claim_id
    assert errors == ["colleague changed this claim since; going back would overwrite that."]


def test_a_restored_claim_undone_keeps_a_colleagues_verdict_since(two_places, window_on,
                                                                 errors, qtbot):
    from gui.commands import RestoreClaim

    path, _, _, other = two_places
    with Project.open(path, "me", create=False) as project:
        appearances.delete(project, other.id)  # the claim goes with its only words
    window = window_on(path)
    session = window.session
    window.undo_stack.push(RestoreClaim(session, [other.id]))
    assert not _read(path, other.claim_id).is_deleted
    _as_colleague(path, lambda p: claims.update_claim(p, other.claim_id, label="disputed",
                                                      note="colleague note"))
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))

    kept = _read(path, other.claim_id)
    assert (kept.is_deleted, kept.label, kept.note) == (False, "disputed", "colleague note")
    assert errors == ["colleague changed this claim since; going back would overwrite that."]


def test_a_note_typed_while_a_colleagues_came_in_is_undone_to_theirs(two_places, window_on,
                                                                      errors, qtbot):
    """A note being typed when a colleague's note came in was saved over theirs (the
    window saves the typing before it shows what came in); its undo put back the note
    shown before the typing, not the colleague's it had replaced (rv144)."""
    path, first, _, _ = two_places
    with Project.open(path, "me", create=False) as project:
        claims.update_claim(project, first.claim_id, note="first note")
    window = window_on(path)
    window.claims_panel.select_claim(first.id)
    editor = window.claims_panel.editor
    editor.note.setPlainText("my typed note")  # (its pause not over)
    _as_colleague(path, lambda p: claims.update_claim(p, first.claim_id,
                                                      note="colleague note"))
    window.session.refresh()
    qtbot.waitUntil(lambda: _read(path, first.claim_id).note == "my typed note")
    window.undo_stack.take_back()
    assert _read(path, first.claim_id).note == "colleague note"
    window.undo_stack.redo()
    assert _read(path, first.claim_id).note == "my typed note"
    assert errors == []


def test_a_label_change_undone_keeps_another_windows_colour_since(two_places, window_on,
                                                                  errors, qtbot):
    """Undo of a colour change put the old colour back over the one another window (or
    program) gave the label since (rv144); a name trimmed as stored still undoes."""
    from gui.commands import EditLabel
    from store.core import labels

    path = two_places[0]
    window = window_on(path)
    session = window.session
    window.undo_stack.push(EditLabel(session, session.label("disputed"),
                                     {"name_en": "  Contested "}))
    window.undo_stack.take_back()
    assert errors == [] and session.label("disputed").name_en == "Disputed"
    window.undo_stack.redo()
    window.undo_stack.push(EditLabel(session, session.label("disputed"), {"color": "#112233"}))
    _as_colleague(path, lambda p: labels.update_label(p, "disputed", color="#445566"))
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))
    with Project.open(path, "reader", create=False) as reader:
        assert labels.get_label(reader, "disputed").color == "#445566"
    assert errors == ["This label was changed since, in another window or program; going "
                      "back would overwrite that."]


def test_a_tag_undone_after_its_article_was_deleted_is_refused(two_places, window_on,
                                                               errors, qtbot):
    """Undo of a tag whose article a colleague deleted since untagged nothing and said
    nothing, and the words came back tagged with the article (rv144): it is refused, as
    its redo is, until the article is back."""
    from gui.commands import TagSpan
    from store.core import article_deletion

    path, first, _, _ = two_places
    window = window_on(path)
    session = window.session
    article = first.article_id
    start, end = appearances.quote_span(session.article(article).text, "مجلس الأمن")
    step = TagSpan(session, article, start, end, "verified")
    window.undo_stack.push(step)
    _as_colleague(path, lambda p: article_deletion.delete_article(p, article))
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].startswith("The article of these words was deleted; bring it back first")
    assert window.undo_stack.canUndo()
    _as_colleague(path, lambda p: article_deletion.restore_article(p, article))
    session.refresh()
    window.undo_stack.take_back()
    with Project.open(path, "reader", create=False) as reader:
        assert appearances.get_appearance(reader, step.appearance_id).deleted is not None


@pytest.mark.parametrize("who", ["colleague", "tester"])
def test_an_unlink_undone_keeps_words_a_colleague_unlinked_into_their_claim(
        two_places, window_on, errors, qtbot, who):
    """A colleague unlinked the same words into a claim of their own with their verdict
    since: Undo of my Unlink took the words off it and deleted their claim, verdict and
    note with it, unsaid (rv151). Done by me in another window, it says «You»."""
    from gui.commands import Unlink

    path, first, second, _ = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(Unlink(session, session.appearance(second.id)))

    def theirs(p):
        split = appearances.unlink(p, second.id)
        claims.update_claim(p, split.claim_id, label="verified", note="their check")
        return split.claim_id

    with Project.open(path, who, create=False) as colleague:
        their_claim = theirs(colleague)
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))

    kept = _read(path, their_claim)
    assert (kept.is_deleted, kept.label, kept.note) == (False, "verified", "their check")
    assert session.appearance(second.id).claim_id == their_claim
    assert errors == [{
        "colleague": "colleague moved these words to another claim since; going back "
                     "would take them off it.",
        "tester": "You moved these words to another claim since, in another window or from "
              "the command line; going back would take them off it."}[who]]
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1)  # back over the refused undo


def test_a_link_undone_keeps_words_a_colleague_unlinked_into_their_claim(
        two_places, window_on, errors, qtbot):
    from gui.commands import Link

    path, first, _, other = two_places
    window = window_on(path)
    session = window.session
    places = [session.appearance(first.id), session.appearance(other.id)]
    window.undo_stack.push(Link(session, places, first.claim_id))
    with Project.open(path, "colleague", create=False) as colleague:
        split = appearances.unlink(colleague, other.id)
        claims.update_claim(colleague, split.claim_id, note="their check")
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))

    assert (_read(path, split.claim_id).is_deleted, _read(path, split.claim_id).note) == (
        False, "their check")
    assert session.appearance(other.id).claim_id == split.claim_id
    assert _read(path, other.claim_id).is_deleted  # (not brought back for nothing)
    assert errors == ["colleague moved these words to another claim since; going back "
                      "would take them off it."]
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1)


@pytest.mark.parametrize("step", ["Unlink", "Link"])
def test_a_redo_keeps_words_a_colleague_linked_elsewhere_since_the_undo(
        two_places, window_on, errors, qtbot, step):
    """The redo of an Unlink, or of a Link, after a colleague linked the words to their
    claim since the undo: their claim lost them, and its verdict and note with them."""
    from gui.commands import Link, Unlink

    path, first, second, other = two_places
    window = window_on(path)
    session = window.session
    if step == "Unlink":
        window.undo_stack.push(Unlink(session, session.appearance(second.id)))
    else:
        window.undo_stack.push(Link(session, [session.appearance(second.id)],
                                    other.claim_id))
    window.undo_stack.take_back()
    assert session.appearance(second.id).claim_id == first.claim_id and errors == []
    with Project.open(path, "colleague", create=False) as colleague:
        split = appearances.unlink(colleague, second.id)
        claims.update_claim(colleague, split.claim_id, note="their check")
    session.refresh()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(errors))

    assert session.appearance(second.id).claim_id == split.claim_id
    assert _read(path, split.claim_id).note == "their check"
    assert errors == ["colleague moved these words to another claim since; going back "
                      "would take them off it."]
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0)  # back under the refused redo
    assert window.undo_stack.canRedo()


def test_an_unlink_redone_after_a_colleague_untagged_the_words_is_refused(
        two_places, window_on, errors, qtbot):
    """The redo of an Unlink after a colleague untagged the words since its undo made a
    claim of their own, live with no words: listed and exported, shown nowhere."""
    from gui.commands import Unlink

    path, first, second, _other = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(Unlink(session, session.appearance(second.id)))
    made = session.appearance(second.id).claim_id
    window.undo_stack.take_back()
    with Project.open(path, "colleague", create=False) as colleague:
        appearances.delete(colleague, second.id)
    session.refresh()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(errors))

    assert errors == ["These words were untagged since by colleague; bring them back first "
                      "(Edit ▸ Deleted Claims…)."]
    place = session.appearance(second.id)
    assert (place.claim_id, place.is_deleted) == (first.claim_id, True)
    assert _read(path, made).is_deleted  # (no claim live with no words)
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0)


def test_an_article_deletion_undone_leaves_a_claim_a_colleague_deleted_since(
        tmp_path, window_on, errors, qtbot):
    """Undo of Delete Article brought back the claim a colleague deleted since, at every
    place it had, in the other article too (rv151): it stays deleted, and the window
    says why its words there were left."""
    from gui.commands import DeleteArticle

    path = tmp_path / "p.tahqiq"
    with open_or_create(path, "me") as project:
        article = articles.list_articles(project)[0]["id"]
        other = articles.add_article(project, f"نشرت الصحيفة {SAMPLE_QUOTE} أمس.", "t").id
        claim = appearances.tag_quote(project, article, SAMPLE_QUOTE, "disputed").claim_id
        appearances.tag_quote(project, other, SAMPLE_QUOTE, None, same_as=claim)
    window = window_on(path)
    session = window.session
    window.undo_stack.push(DeleteArticle(session, article, "t"))
    _as_colleague(path, lambda p: claims.delete_claim(p, claim))
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].startswith(f"colleague deleted the claim of “{SAMPLE_QUOTE}” since; "
                                "its words here come back with it")
    assert _read(path, claim).is_deleted
    assert session.article(article).deleted is None  # the article is back, without them
    with Project.open(path, "reader", create=False) as reader:
        assert appearances.appearances_of(reader, claim) == []


REVIEWED = "colleague reviewed this claim since; going back would set their review aside."


def _review(path, claim_id: str, who: str = "colleague") -> None:
    from store.review import reviews

    with Project.open(path, who, create=False) as reviewer:
        reviews.review_claim(reviewer, claim_id, "accept", "checked against the ministry")


def test_a_tag_undone_after_a_colleague_reviewed_its_claim_is_refused(two_places, window_on,
                                                                     errors, qtbot):
    """An editor accepted the claim I had just tagged; my Undo deleted it, their review
    with it, without a word (rv211)."""
    from gui.commands import TagSpan

    path, first, _, _ = two_places
    window = window_on(path)
    session = window.session
    start, end = appearances.quote_span(session.article(first.article_id).text, "مجلس الأمن")
    step = TagSpan(session, first.article_id, start, end, "verified")
    window.undo_stack.push(step)
    _review(path, step.appearance_id)
    session.refresh()
    window.undo_stack.take_back()
    qtbot.waitUntil(lambda: bool(errors))

    assert errors == [REVIEWED]
    assert not _read(path, step.appearance_id).is_deleted


@pytest.mark.parametrize("change", ["label", "note"])
def test_a_claim_edit_undone_after_a_colleague_reviewed_it(two_places, window_on, errors,
                                                           qtbot, change):
    """My verdict, accepted by an editor since, was undone to the one before it, their
    acceptance no longer counting, unsaid (rv211): refused. A note undone leaves the
    review standing (reviews.stands), and goes back."""
    from gui.commands import EditClaim

    path, _, _, other = two_places
    window = window_on(path)
    session = window.session
    edit = {"label": "disputed"} if change == "label" else {"note": "Kremlin transcript"}
    window.undo_stack.push(EditClaim(session, session.appearance(other.id), **edit))
    _review(path, other.claim_id)
    session.refresh()
    window.undo_stack.take_back()

    if change == "label":
        qtbot.waitUntil(lambda: bool(errors))
        assert errors == [REVIEWED]
        assert _read(path, other.claim_id).label == "disputed"
    else:
        assert errors == []
        assert _read(path, other.claim_id).note == ""


@pytest.mark.parametrize("spelled", ["tester", "Tester"])
def test_a_verdict_redone_after_my_own_review_since_is_done(two_places, window_on, errors,
                                                            qtbot, spelled):
    """My own review, filed in another window since the undo, does not refuse the redo,
    as someone else's would; nor filed under another spelling of my name (the project
    takes «Tester» and «tester» as one person: reviews.same_person)."""
    from gui.commands import EditClaim

    path, _, _, other = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(EditClaim(session, session.appearance(other.id), label="disputed"))
    window.undo_stack.take_back()
    _review(path, other.claim_id, spelled)  # (the verdict back to me's: tester may review)
    session.refresh()
    window.undo_stack.redo()

    assert errors == []
    assert _read(path, other.claim_id).label == "disputed"


@pytest.mark.parametrize("since", ["edited", "reviewed"])
def test_a_claim_deletion_redone_keeps_a_colleagues_work_since_the_undo(
        two_places, window_on, errors, qtbot, since):
    """Undo of Delete claim, a colleague's verdict and note (or review) on the claim,
    then Redo: the claim went with its last words, their work with it, unsaid (rv211)."""
    from gui.commands import DeleteClaim

    path, _, _, other = two_places
    window = window_on(path)
    session = window.session
    window.undo_stack.push(DeleteClaim(session, other.id))
    window.undo_stack.take_back()
    assert not _read(path, other.claim_id).is_deleted
    if since == "edited":
        _as_colleague(path, lambda p: claims.update_claim(p, other.claim_id, label="disputed",
                                                          note="confirmed by the ministry"))
    else:
        _review(path, other.claim_id)
    session.refresh()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(errors))

    assert not _read(path, other.claim_id).is_deleted
    assert errors == ([REVIEWED] if since == "reviewed" else
                      ["colleague changed this claim since; going back would overwrite that."])
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0)


def test_a_claim_deletion_redone_with_nothing_changed_deletes_it(two_places, window_on,
                                                                 errors):
    from gui.commands import DeleteClaim

    path, _, _, other = two_places
    window = window_on(path)
    window.undo_stack.push(DeleteClaim(window.session, other.id))
    window.undo_stack.take_back()
    window.undo_stack.redo()
    assert errors == []
    assert _read(path, other.claim_id).is_deleted
