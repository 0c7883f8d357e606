"""Deleting an article imported by mistake: its tagged words go with it and come back
with it; the command line and the window do it, undo brings it back, and a merge takes
the later of a deletion and a restore, in any order."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtWidgets import QApplication
from test_cli import SEED, imported_seed, proj, tahqiq_here  # noqa: F401 - fixtures

from store.core import appearances, article_deletion, articles, claims, history, search
from store.core.project import Project
from store.errors import ArticleNotFound
from store.exchange import exporting, merge

TEXT = "قال الوزير إن المعاهدة أقوى معاهدة على الإطلاق. وقال الوزير كذا."
OTHER = "نشرت الصحيفة أن المعاهدة أقوى معاهدة على الإطلاق في تاريخ البلدين."


def _claim_at(project, article, words, label="disputed"):
    start = article.text.index(words)
    return appearances.create_claim(project, article.id, start, start + len(words), label)


@pytest.fixture
def two_articles(tmp_path):
    project = Project.open(tmp_path / "p.tahqiq", "me")
    first = articles.add_article(project, TEXT, "الأول")
    second = articles.add_article(project, OTHER, "الثاني")
    yield project, first, second
    project.close()


def test_a_deleted_article_goes_with_its_claims_and_comes_back_with_them(two_articles):
    project, first, second = two_articles
    alone = _claim_at(project, first, "قال الوزير")
    shared = _claim_at(project, first, "أقوى معاهدة على الإطلاق")
    start = second.text.index("أقوى معاهدة")
    elsewhere = appearances.add(project, shared.claim_id, second.id, start,
                                start + len("أقوى معاهدة على الإطلاق"))
    untagged = article_deletion.delete_article(project, first.id)
    assert sorted(untagged) == sorted([alone.id, shared.id])
    assert [row["id"] for row in articles.list_articles(project)] == [second.id]
    assert claims.get_claim(project, alone.claim_id).is_deleted  # left with no place
    assert not claims.get_claim(project, shared.claim_id).is_deleted  # still elsewhere
    assert [p.id for p in appearances.list_appearances(project)] == [elsewhere.id]
    assert {hit.article_id for hit in search.search(project, "الوزير")} == set()
    assert first.id not in exporting.export_text(project, "csv")
    assert [e.action for e in history.for_entity(project, first.id)] == \
        ["create", "delete"]
    with pytest.raises(ArticleNotFound):
        article_deletion.delete_article(project, first.id)
    restored, refused = article_deletion.restore_article(project, first.id)
    assert refused is None and sorted(p.id for p in restored) == sorted(untagged)
    assert len(articles.list_articles(project)) == 2
    assert not claims.get_claim(project, alone.claim_id).is_deleted
    assert {hit.article_id for hit in search.search(project, "الوزير")} == {first.id}


def _two_copies(tmp_path):
    """Huda's project of one tagged article, and Omar's copy of it."""
    mine = tmp_path / "mine.tahqiq"
    with Project.open(mine, "huda") as project:
        article = articles.add_article(project, TEXT, "t")
        _claim_at(project, article, "قال الوزير")
    theirs = tmp_path / "theirs.tahqiq"
    shutil.copy(mine, theirs)
    return mine, theirs, article


def test_an_article_deleted_in_one_copy_is_deleted_in_both_whatever_the_merge_order(
        tmp_path):
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(theirs, "omar") as project:
        article_deletion.delete_article(project, article.id)
    for into, other in ((mine, theirs), (theirs, mine)):
        with Project.open(into, "x") as project:
            summary = merge.merge_project(project, other)
            assert articles.list_articles(project) == []
            assert appearances.list_appearances(project) == []
            assert summary.deleted_articles == (into == mine)
    with Project.open(mine, "huda") as project:  # and one brought back later wins
        assert [e.action for e in history.for_entity(project, article.id)] == \
            ["create", "delete"]
        article_deletion.restore_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        summary = merge.merge_project(project, mine)
        assert summary.restored_articles == 1
        assert [row["id"] for row in articles.list_articles(project)] == [article.id]
        assert len(appearances.list_appearances(project)) == 1


def test_the_command_line_deletes_and_restores_an_article(proj):  # noqa: F811
    path, article_id, _ = proj
    tagged = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                         "--project", str(path))
    assert tagged.returncode == 0, tagged.stderr
    gone = tahqiq_here("article", article_id[:8], "--delete", "--project", str(path))
    assert gone.returncode == 0, gone.stderr
    assert "deleted\t" in gone.stdout and "1 tagged place untagged" in gone.stderr
    assert tahqiq_here("articles", "--project", str(path)).stdout == ""
    assert tahqiq_here("claims", "--project", str(path)).stdout == ""
    # A script deleting twice ends as the first time did (it said «No article», exit 1;
    # restoring twice was a usage error): a note, exit 0, as `claim` does.
    again = tahqiq_here("article", article_id[:8], "--delete", "--project", str(path))
    assert again.returncode == 0 and "already deleted" in again.stderr
    back = tahqiq_here("article", article_id[:8], "--restore", "--project", str(path))
    assert back.returncode == 0, back.stderr
    assert "deleted\t" not in back.stdout and "with 1 tagged place" in back.stderr
    twice = tahqiq_here("article", article_id[:8], "--restore", "--project", str(path))
    assert twice.returncode == 0 and "nothing to restore" in twice.stderr
    assert len(tahqiq_here("claims", "--project", str(path)).stdout.splitlines()) == 1
    both = tahqiq_here("article", article_id, "--delete", "--title", "x", "--project", str(path))
    assert both.returncode == 2
    # deleted, then imported again: the same article back, with its words, and said
    assert tahqiq_here("article", article_id, "--delete", "--project", str(path)).returncode == 0
    again = tahqiq_here("import", str(SEED), "--project", str(path))
    assert again.stdout.startswith(article_id) and "brought back" in again.stderr
    assert len(tahqiq_here("claims", "--project", str(path)).stdout.splitlines()) == 1


def test_the_window_deletes_the_article_shown_and_undo_brings_it_back(window, monkeypatch,
                                                                       tmp_path):
    from gui import dialogs

    session = window.session
    first = window.current_article
    other = session.import_text(OTHER, repair_pdf=False, source_name="t").article.id
    window.show_article(first)
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: (
        asked.append(question), True)[1])
    window.action_set.delete_article.trigger()
    assert "1 tagged place" in asked[0]
    assert window.article_model.ids() == [other] and window.current_article == other
    # the title set apart in the step's name (an Arabic one's «…» came before its first word)
    said = window.undo_stack.undoText()
    assert said.startswith("Delete article “\u2068") and said.endswith("\u2069”")
    window.undo_stack.undo()
    assert window.current_article == first and len(window.article_model.ids()) == 2
    text = window.article_pane.reader.plain_text()
    assert [text[p.start:p.end] for p in window.claims_panel.claims()] == [SAMPLE_QUOTE]
    window.undo_stack.redo()
    assert window.article_model.ids() == [other]
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: False)
    window.action_set.delete_article.trigger()  # «No»: nothing happens
    assert window.article_model.ids() == [other]


def test_a_deleted_articles_details_are_not_changed_until_it_is_back(two_articles):
    """Article Properties open while a colleague deleted the article: what was typed is
    refused, not written into an article no one sees (rv150)."""
    project, first, _ = two_articles
    article_deletion.delete_article(project, first.id)
    with pytest.raises(ArticleNotFound, match="deleted meanwhile"):
        articles.update_metadata(project, first.id, title="جديد", outlet="وكالة")
    assert articles.get_article(project, first.id).title == "الأول"
    article_deletion.restore_article(project, first.id)
    assert articles.update_metadata(project, first.id, outlet="وكالة").outlet == "وكالة"


def test_whether_an_article_is_deleted_is_read_without_its_text(two_articles):
    """A search hit is checked before the window opens its article (rv169)."""
    project, first, second = two_articles
    article_deletion.delete_article(project, first.id)
    assert (articles.is_deleted(project, first.id), articles.is_deleted(project, second.id)) \
        == (True, False)
    article_deletion.restore_article(project, first.id)
    assert not articles.is_deleted(project, first.id)
    with pytest.raises(ArticleNotFound):
        articles.is_deleted(project, "nobody")


def test_a_deleted_articles_text_imported_again_brings_it_back(two_articles):
    """It became a second article of the same text beside the deleted one, which merges,
    matching articles by text, could not tell apart."""
    from store.exchange import importing

    project, first, _ = two_articles
    place = _claim_at(project, first, "قال الوزير")
    article_deletion.delete_article(project, first.id)
    outcome = importing.import_text(project, TEXT)
    assert outcome.article_id == first.id and outcome.created
    assert importing.BROUGHT_BACK in outcome.changes
    assert len(articles.list_articles(project)) == 2
    assert appearances.get_appearance(project, place.id).deleted is None


def test_a_colleagues_later_work_in_an_article_i_deleted_brings_it_back(tmp_path):
    """Omar tagged in an article Huda had deleted, not knowing: merged, his claims went
    out of sight with the article. The later work wins, as the later of a deletion and
    a restore does, in either merge order."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(mine, "huda") as project:
        article_deletion.delete_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        late = _claim_at(project, articles.get_article(project, article.id), "أقوى معاهدة")
    for into, other in ((mine, theirs), (theirs, mine)):
        with Project.open(into, "x") as project:
            merge.merge_project(project, other)
            assert [row["id"] for row in articles.list_articles(project)] == [article.id]
            assert [p.id for p in appearances.list_appearances(project)] == [late.id]


def test_a_title_edited_in_an_older_copy_does_not_bring_a_deleted_article_back(tmp_path):
    """A merge brought the article back, by the time of Omar's title edit in a copy
    from before Huda deleted it, without its words (restore then said it was not
    deleted): a change to its details is no restore."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(mine, "huda") as project:
        article_deletion.delete_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        articles.update_metadata(project, article.id, title="عنوان جديد")
    for into, other in ((mine, theirs), (theirs, mine)):
        with Project.open(into, "x") as project:
            summary = merge.merge_project(project, other)
            assert articles.list_articles(project) == [] and not summary.restored_articles
    with Project.open(theirs, "omar") as project:
        restored, _ = article_deletion.restore_article(project, article.id)
        assert [p.quote for p in restored] == ["قال الوزير"]


def test_restoring_an_article_both_deleted_brings_back_both_ones_words(tmp_path):
    """Each had tagged other words, then each deleted the article: the restore brought
    back only the later deleter's words."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(theirs, "omar") as project:
        _claim_at(project, articles.get_article(project, article.id), "أقوى معاهدة",
                  "verified")
    with Project.open(mine, "huda") as project:
        article_deletion.delete_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        article_deletion.delete_article(project, article.id)
    with Project.open(mine, "huda") as project:
        summary = merge.merge_project(project, theirs)
        assert not summary.deleted_articles  # deleted here already
        restored, refused = article_deletion.restore_article(project, article.id)
        assert refused is None
        assert sorted(p.quote for p in restored) == ["أقوى معاهدة", "قال الوزير"]


def _deleted_whole_then_its_first_article(project, first, second):
    """A claim in both articles, deleted whole, then the first article deleted: the
    claim's place in the first, and in the second."""
    shared = _claim_at(project, first, "أقوى معاهدة على الإطلاق")
    start = second.text.index("أقوى معاهدة")
    there = appearances.add(project, shared.claim_id, second.id, start,
                            start + len("أقوى معاهدة على الإطلاق"))
    claims.delete_claim(project, shared.claim_id)
    article_deletion.delete_article(project, first.id)
    return shared, there


def test_a_claim_deleted_before_its_article_comes_back_without_that_place(two_articles):
    """Its place in the deleted article stayed tagged, and restoring the claim showed
    it there again: «Also in» a deleted article, listed by `tahqiq claims`."""
    project, first, second = two_articles
    shared, there = _deleted_whole_then_its_first_article(project, first, second)
    appearances.restore_claim(project, shared.claim_id)
    assert [p.id for p in appearances.list_appearances(project)] == [there.id]
    # The article brought back: the claim, live again, stands on its words there too.
    restored, _ = article_deletion.restore_article(project, first.id)
    assert [p.id for p in restored] == [shared.id]


def test_a_claim_restored_after_its_article_comes_back_there_too(two_articles):
    """The claim deleted whole, its article deleted and restored (its words there left
    untagged: the claim was deleted), then the claim restored: it came back without them,
    where restoring it before the article brought back all (rv151)."""
    project, first, second = two_articles
    shared, there = _deleted_whole_then_its_first_article(project, first, second)
    assert article_deletion.restore_article(project, first.id) == ([], None)
    appearances.restore_claim(project, shared.claim_id)
    assert sorted(p.id for p in appearances.list_appearances(project)) == \
        sorted([shared.id, there.id])
    assert appearances.deleted_in(project, first.id) == []


def _shared_and_alone(path):
    """A project of two articles: a claim in both, and one in the first alone."""
    with Project.open(path, "huda") as project:
        first = articles.add_article(project, TEXT, "الأول")
        second = articles.add_article(project, OTHER, "الثاني")
        shared = _claim_at(project, first, "أقوى معاهدة على الإطلاق")
        start = second.text.index("أقوى معاهدة")
        appearances.add(project, shared.claim_id, second.id, start,
                        start + len("أقوى معاهدة على الإطلاق"))
        alone = _claim_at(project, first, "قال الوزير")
    return first.id, second.id, shared.claim_id, alone.claim_id


def test_an_article_restored_leaves_a_claim_a_colleague_deleted_since(tmp_path):
    """Huda deleted an article; Omar deleted, in his copy, a claim of its words that
    stood in another article too. Merged, restoring the article brought Omar's claim
    back at every place it had, and the next merge undid his deletion in his copy
    (rv151). The claim the article's deletion took comes back; Omar's stays deleted,
    the restore says so, and restoring that claim brings its words there back."""
    mine, theirs = tmp_path / "mine.tahqiq", tmp_path / "theirs.tahqiq"
    first, second, shared, alone = _shared_and_alone(mine)
    shutil.copy(mine, theirs)
    with Project.open(mine, "huda") as project:
        article_deletion.delete_article(project, first)
    with Project.open(theirs, "omar") as project:
        claims.delete_claim(project, shared)
    with Project.open(mine, "huda") as project:
        merge.merge_project(project, theirs)
    back = tahqiq_here("article", first, "--restore", "--project", str(mine),
                       env={"TAHQIQ_USER": "huda"})
    assert back.returncode == 0, back.stderr
    assert "with 1 tagged place; not all: omar deleted the claim of “أقوى معاهدة على " \
           "الإطلاق” since; its words here come back with it" in back.stderr
    with Project.open(mine, "huda") as project:
        assert [p.claim_id for p in appearances.list_appearances(project)] == [alone]
        assert claims.get_claim(project, shared).is_deleted
    with Project.open(theirs, "omar") as project:
        merge.merge_project(project, mine)
        assert claims.get_claim(project, shared).is_deleted
        appearances.restore_claim(project, shared)
        assert sorted(p.article_id for p in appearances.appearances_of(project, shared)) \
            == sorted([first, second])


def test_a_claim_a_later_article_deletion_took_comes_back_with_either_article(tmp_path):
    """A claim deleted because its last words went, with another article deleted since,
    is no claim deleted on its own: restoring the first article brings it back."""
    first, second, shared, _ = _shared_and_alone(tmp_path / "p.tahqiq")
    with Project.open(tmp_path / "p.tahqiq", "huda") as project:
        article_deletion.delete_article(project, first)
        article_deletion.delete_article(project, second)
        assert claims.get_claim(project, shared).is_deleted
        restored, refused = article_deletion.restore_article(project, first)
        assert refused is None and len(restored) == 2
        assert [p.article_id for p in appearances.appearances_of(project, shared)] == [first]


def test_an_article_a_merge_brought_back_gets_its_words_back_from_restore(tmp_path):
    """Huda tagged words and deleted the article; Omar deleted it and brought it back in
    his copy. Merged, the article was live without Huda's words (each claim's deletion
    stands in a merge), and restore said it was not deleted: it brings them back."""
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(mine, "huda") as project:
        _claim_at(project, articles.get_article(project, article.id), "أقوى معاهدة")
        article_deletion.delete_article(project, article.id)
    with Project.open(theirs, "omar") as project:
        article_deletion.delete_article(project, article.id)
        article_deletion.restore_article(project, article.id)
    with Project.open(mine, "huda") as project:
        summary = merge.merge_project(project, theirs)
        assert summary.restored_articles == 1 and "--restore" in "\n".join(summary.lines())
        assert article_deletion.untagged_by_deletions(project, article.id) >= 1
        restored, refused = article_deletion.restore_article(project, article.id)
        assert refused is None and "أقوى معاهدة" in [p.quote for p in restored]
        assert article_deletion.untagged_by_deletions(project, article.id) == 0
        assert article_deletion.restore_article(project, article.id) == ([], None)


def test_the_deleted_articles_are_listed_latest_first_with_who_and_their_words(tmp_path):
    mine, theirs, article = _two_copies(tmp_path)
    with Project.open(theirs, "omar") as project:  # a colleague's deletion, merged
        other = articles.add_article(project, OTHER, "الثاني")
        _claim_at(project, other, "أقوى معاهدة")
        _claim_at(project, other, "تاريخ البلدين")
        article_deletion.delete_article(project, other.id)
    with Project.open(mine, "huda") as project:
        assert article_deletion.deleted_articles(project) == []
        merge.merge_project(project, theirs)
        article_deletion.delete_article(project, article.id)
        listed = article_deletion.deleted_articles(project)
        assert [(a.id, a.title, a.deleted_by, a.places) for a in listed] == [
            (article.id, "t", "huda", 1), (other.id, "الثاني", "omar", 2)]
        assert listed[0].deleted == articles.get_article(project, article.id).deleted
        assert article_deletion.brought_back_by(project, other.id) is None
        article_deletion.restore_article(project, other.id)
        assert [a.id for a in article_deletion.deleted_articles(project)] == [article.id]
        # who brought it back: a list read before offered it still (rv169)
        assert article_deletion.brought_back_by(project, other.id) == "huda"
        assert article_deletion.brought_back_by(project, article.id) is None


def test_the_command_line_lists_the_deleted_articles(proj):  # noqa: F811
    path, article_id, _ = proj
    assert tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                       "--annotator", "huda", "--project", str(path)).returncode == 0
    assert tahqiq_here("articles", "--deleted", "--project", str(path)).stdout == ""
    assert tahqiq_here("article", article_id, "--delete", "--annotator", "huda",
                       "--project", str(path)).returncode == 0
    listed = tahqiq_here("articles", "--deleted", "--project", str(path))
    assert listed.returncode == 0, listed.stderr
    fields = listed.stdout.rstrip("\n").split("\t")
    assert fields[0] == article_id and fields[2].startswith("deleted=20")
    assert fields[2].endswith(" by=huda places=1")
    assert tahqiq_here("articles", "--project", str(path)).stdout == ""


def test_the_window_lists_deleted_articles_and_restores_one_as_an_undo_step(
        window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui import dialogs
    from gui.deleted_articles import DeletedArticlesDialog

    session = window.session
    first = window.current_article
    other = session.import_text(OTHER, repair_pdf=False, source_name="t").article.id
    window.show_article(first)
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: True)
    window.action_set.delete_article.trigger()
    assert window.statusBar().currentMessage().startswith("Deleted the article «")
    window.undo_stack.clear()  # deleted in an earlier session: no undo left
    shown: list[DeletedArticlesDialog] = []
    monkeypatch.setattr(DeletedArticlesDialog, "exec", lambda dialog: (
        shown.append(dialog), QDialog.DialogCode.Rejected)[1])
    window.findChild(type(window.action_set.deleted_articles),
                     "deleted_articles").trigger()
    dialog = shown[0]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "1"
    assert dialog.table.item(0, 0).text() == " ".join(session.article(first).title.split())
    assert dialog.restore_button.isEnabled()
    said: list[str] = []
    dialog.said.connect(said.append)
    dialog.restore_button.click()
    assert said and said[0].startswith("Restored the article «") and "1 tagged place." in said[0]
    assert window.statusBar().currentMessage() == said[0]  # (and to a screen reader)
    assert dialog.table.isHidden() and not dialog.empty.isHidden()
    assert window.current_article == first and set(window.article_model.ids()) == {first,
                                                                                  other}
    text = window.article_pane.reader.plain_text()
    assert [text[p.start:p.end] for p in window.claims_panel.claims()] == [SAMPLE_QUOTE]
    window.undo_stack.undo()  # deleted again
    assert window.article_model.ids() == [other]
    dialog.refresh()
    assert dialog.table.rowCount() == 1


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_a_note_being_typed_as_an_article_deletion_is_undone_or_redone(window, monkeypatch,
                                                                       qtbot, errors, step):
    """A note still being typed when the toolbar's Undo or Redo of a deleted article was
    clicked: the note was pushed from inside the step. On undo it landed above the step
    undone (the stack no longer saying what the file held: every later undo refused,
    «You changed this claim since…»); on redo Qt deleted the step being redone under it
    and the window crashed. Undo saves the note first, as its own step, and takes it
    back (Redo brings it back); Redo redoes the deletion and saves the note after it."""
    from gui import dialogs

    session, stack = window.session, window.undo_stack
    first = window.current_article
    other = session.import_text(OTHER, repair_pdf=False, source_name="t").article.id
    window.show_article(first)
    tag_quote(window, SAMPLE_QUOTE, "disputed")
    place = window.current_claim_id()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    window.show_article(other)
    window.action_set.delete_article.trigger()
    if step == "redo":
        stack.undo()  # the article back: the note is typed before its deletion is redone
    window.show_article(first)
    window.claims_panel.select_claim(place)
    window.claims_panel.editor.note.setPlainText("checked with the ministry")
    window.article_pane.reader.setFocus()
    window.action_set.undo.trigger() if step == "undo" else window.action_set.redo.trigger()
    if step == "undo":
        assert stack.text(stack.count() - 1) == "Edit note"
        assert stack.index() == stack.count() - 1  # the note, taken back
        assert session.appearance(place).note == ""
        stack.redo()
    qtbot.waitUntil(lambda: stack.text(stack.count() - 1).startswith("Edit"), timeout=3000)
    assert stack.index() == stack.count()  # the note is the last step, done
    assert session.appearance(place).note == "checked with the ministry"
    while stack.canUndo():  # every step undoes: none is refused
        stack.undo()
        QApplication.processEvents()
    assert errors == []
    assert window.article_model.ids() == [first, other]
    assert window.claims_panel.claims() == []
