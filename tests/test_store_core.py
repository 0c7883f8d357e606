"""The project file: schema, claims, tombstones, history, offsets, refusing foreign files."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from datetime import datetime

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, claims, history, labels, retext, schema, sqlfunctions
from store.core import project as project_module
from store.core.project import Project
from store.core.schema import APPLICATION_ID, SCHEMA_VERSION
from store.errors import (
    AnchorLost,
    AppearanceNotFound,
    ArticleNotFound,
    ClaimNotFound,
    DuplicateClaim,
    InvalidLabel,
    InvalidSource,
    InvalidSpan,
    LabelNotFound,
    NotAProject,
    NoWordsLeft,
    QuoteNotFound,
    SchemaTooNew,
    StorageError,
)
from store.text import anchoring


def test_new_project_has_schema_version_wal_and_default_labels(project):
    assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert project.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert [lab.key for lab in labels.list_labels(project)] == ["unchecked", "verified",
                                                                "disputed"]
    assert {"articles", "labels", "claims", "reviews", "history"} <= set(
        project.db.table_names())


def test_claim_lifecycle_is_recorded_with_who_and_when(project):
    article = articles.add_article(project, "نص المقال عن معاهدة", "عنوان")
    start = article.text.index("معاهدة")
    claim = appearances.create_claim(project, article.id, start, start + 6, "unchecked")
    assert claim.quote == "معاهدة" and claim.prefix == "نص المقال عن " and claim.suffix == ""
    claims.update_claim(project, claim.id, label="disputed")
    claims.update_claim(project, claim.id, note="see UN record",
                        sources=["https://un.org/x"])
    claims.delete_claim(project, claim.id)
    entries = [e for e in history.for_entity(project, claim.id) if e.entity == "claim"]
    assert [e.action for e in entries] == ["create", "relabel", "edit", "delete"]
    assert all(e.who == "tester" and e.at.endswith("Z") for e in entries)
    assert entries[1].before["label"] == "unchecked" and entries[1].after["label"] == "disputed"


def test_delete_leaves_a_tombstone_that_restore_revives(project):
    article = articles.add_article(project, "one two three", "t")
    claim = appearances.create_claim(project, article.id, 4, 7, "verified")
    claims.delete_claim(project, claim.id)
    assert appearances.list_appearances(project, article.id) == []
    tomb = appearances.get_appearance(project, claim.id)
    assert tomb.is_deleted and tomb.claim.deleted_by == "tester" and tomb.quote == "two"
    assert [c.id for c in appearances.list_appearances(project, include_deleted=True)] == [claim.id]
    claims.restore_claim(project, claim.id)
    assert [c.id for c in appearances.list_appearances(project, article.id)] == [claim.id]


def test_the_deleted_claims_of_an_article_are_found_without_reading_every_place(project):
    """Deleted Claims opened 190-410 ms with 50,000 claims: every place of the article was
    joined to its claim to keep the few deleted (rv86). Now the article's places are read
    from two indexes and the deleted claims from their table; what it finds is the same:
    words untagged, and words whose claim went (by a colleague, a merge), latest first."""
    text = " ".join(f"word{n}" for n in range(40))
    article = articles.add_article(project, text, "t")
    other = articles.add_article(project, text + " more", "t2")
    live = [appearances.create_claim(project, article.id, 6 * n, 6 * n + 5, "verified")
            for n in range(10)]
    appearances.delete(project, live[2].id)  # untagged here
    claims.delete_claim(project, live[5].claim_id)  # its claim deleted
    gone_elsewhere = appearances.create_claim(project, other.id, 0, 5, "verified")
    claims.delete_claim(project, gone_elsewhere.claim_id)
    asked: list[str] = []
    project.conn.set_trace_callback(asked.append)
    try:
        groups = appearances.deleted_in(project, article.id)
    finally:
        project.conn.set_trace_callback(None)
    assert [[p.id for p in group] for group in groups] == [[live[5].id], [live[2].id]]
    statement = next(sql for sql in asked if "EXCEPT" in sql)
    plan = " ".join(row[3] for row in project.conn.execute("EXPLAIN QUERY PLAN " + statement))
    assert "COVERING INDEX idx_appearances_article_id_start (article_id=?)" in plan
    assert "COVERING INDEX appearances_live (article_id=?)" in plan
    assert "SEARCH a USING INDEX" not in plan and "SCAN a" not in plan


def test_offsets_are_code_points_even_after_emoji(project):
    text = "😀🇸🇾 قال: «أقوى معاهدة على الإطلاق» 👍"
    article = articles.add_article(project, text, "emoji")
    quote = "أقوى معاهدة على الإطلاق"
    claim = appearances.tag_quote(project, article.id, quote, "disputed")
    assert (claim.start, claim.end) == (text.index(quote), text.index(quote) + len(quote))
    assert text[claim.start:claim.end] == quote
    assert claim.prefix == text[:claim.start] and claim.suffix == text[claim.end:]
    row = project.db.execute("SELECT start, end FROM appearances").fetchone()
    assert row == (text.index(quote), text.index(quote) + len(quote))


def test_a_quote_copied_with_its_quotation_marks_or_full_stop_is_found(project):
    """`tag --quote '"أقوى معاهدة على الإطلاق"'` said the quote was not in the article,
    which has “…” around it; so did the quote with the full stop it was copied with.
    Search finds both; so does a tag now, on the words alone. Marks that are in the
    article are kept."""
    text = "وصفاها بأنها “أقوى معاهدة على الإطلاق”. وقال (بوتين) ذلك."
    article = articles.add_article(project, text, "t")
    for typed in ('"أقوى معاهدة على الإطلاق"', "«أقوى معاهدة على الإطلاق».",
                  "أقوى معاهدة على الإطلاق."):
        assert appearances.quote_spans(text, typed) == [
            (text.index("أقوى"), text.index("”"))], typed
    assert appearances.quote_spans(text, "(بوتين)") == [(text.index("("), text.index(")") + 1)]
    claim = appearances.tag_quote(project, article.id, '"أقوى معاهدة على الإطلاق".', "disputed")
    assert claim.quote == "أقوى معاهدة على الإطلاق"
    with pytest.raises(QuoteNotFound, match="^The quote is not in the article.$"):
        appearances.tag_quote(project, article.id, '"معاهدة أقوى"', "verified")


def test_a_claims_history_names_the_article_of_each_place_and_leaves_out_others(project):
    """A claim in several articles told «tagged “…”» once per place, all alike; and words
    linked to it brought the story of the claim they had before (tagged, untagged,
    tagged again under another verdict), which read as this claim's."""
    from store.review import story

    first = articles.add_article(project, "قال بوتين إن المعاهدة قوية", "الأول")
    second = articles.add_article(project, "كرر بوتين أن المعاهدة قوية", "الثاني")
    kept = appearances.tag_quote(project, first.id, "المعاهدة قوية", "verified")
    other = appearances.tag_quote(project, second.id, "المعاهدة قوية", "unchecked")
    appearances.delete(project, other.id)
    appearances.restore(project, other.id)
    appearances.link(project, other.id, kept.claim_id)
    entries = history.for_claim(project, kept.claim_id)
    places = [e for e in entries if e.entity == "appearance"]
    assert [e.action for e in places] == ["create", "link"]
    titles = {first.id: "الأول", second.id: "الثاني"}
    lines = [str(story.tell(e, article_title=titles.get)) for e in places]
    assert lines[0].endswith("in «الأول»") and lines[1].endswith("in «الثاني»")
    assert not str(story.tell(places[0])).endswith("»")
    # The window's lines: the tag that made the claim and its first place is one line;
    # the words linked later are theirs.
    assert [line.split("  ", 2)[2] for line in story.tell_all(entries, article_title=titles.get)
            ] == ["created as verified: “المعاهدة قوية” in «الأول»",
                  "“المعاهدة قوية” joined this claim in «الثاني»"]
    # Unlink: the new claim and the words moved to it are one thing done, not «split
    # off» and then «“…” joined this claim», as if the words had been linked by hand
    split = appearances.unlink(project, other.id)
    assert [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(project, split.claim_id))] == [
        "split off as a claim of its own (verified): “المعاهدة قوية”"]
    # ...undone and done again: when the words left it, they had «joined this claim»
    appearances.link(project, other.id, kept.claim_id)
    appearances.unlink(project, other.id, claim_id=split.claim_id)
    told = [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(project, split.claim_id), claim_id=split.claim_id)]
    assert told == ["split off as a claim of its own (verified): “المعاهدة قوية”",
                    "“المعاهدة قوية” moved to another claim", "deleted",
                    "split off as a claim of its own (verified): “المعاهدة قوية”"]


def test_a_tag_all_is_one_line_of_its_claims_history(project):
    """Tag All Occurrences read as a dozen «tagged “…”» lines for one key pressed: its
    places are written at one time and told as one line, as are those a second Tag All
    adds; a place added alone keeps its own line."""
    from store.review import story

    article = articles.add_article(project, "قال الوزير كذا. ثم قال الوزير كذا. وقال الوزير "
                                   "كذا مرة ثالثة. قال الوزير أيضا. قال الوزير", "t")
    starts = [m.start() for m in re.finditer("قال الوزير", article.text)]
    spans = [(start, start + len("قال الوزير")) for start in starts]
    made = appearances.tag_all(project, article.id, spans[:3], "disputed")
    appearances.add_all(project, made[0].claim_id, article.id, spans[3:])
    claims.update_claim(project, made[0].claim_id, label="verified")
    told = [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(project, made[0].claim_id))]
    assert told == ["created as disputed: “قال الوزير” (3 places)",
                    "tagged “قال الوزير” (2 places)", "label: disputed → verified"]
    assert len({p.created for p in made}) == 1


def test_the_undo_and_redo_of_a_tag_all_are_a_line_each_and_restore_brings_all_back(
        project):
    """A Tag All undone read as a dozen «untagged “…”» lines, redone as a dozen «tagged
    “…” again»: each is one line, at one time. Restoring the claim afterwards (the
    command line's `restore`) brought back one of the places untagged together: it
    brings them all."""
    from store.review import story

    article = articles.add_article(project, "قال الوزير كذا. ثم قال الوزير كذا. وقال الوزير "
                                   "كذا.", "t")
    spans = [(m.start(), m.end()) for m in re.finditer("قال الوزير", article.text)]
    made = appearances.tag_all(project, article.id, spans, "disputed")
    claim_id, ids = made[0].claim_id, [place.id for place in made]
    made_as = {"label": "disputed", "note": "", "sources": ()}
    appearances.untag_made(project, ids[::-1], claim_id, made_as)
    restored, refused = appearances.restore_all(project, ids)
    assert [p.id for p in restored] == ids and refused is None
    told = [line.split("  ", 2)[2] for line in story.tell_all(
        history.for_claim(project, claim_id), claim_id=claim_id)]
    assert told == ["created as disputed: “قال الوزير” (3 places)",
                    "untagged “قال الوزير” (3 places)", "deleted", "restored",
                    "tagged “قال الوزير” again (3 places)"]
    appearances.untag_made(project, ids[::-1], claim_id, made_as)
    appearances.restore_claim(project, claim_id)
    assert sorted(p.start for p in appearances.appearances_of(project, claim_id)) == \
        [start for start, _ in spans]
    # One of them tagged again since: the others come back, and it is told (the whole
    # restore was refused for it).
    appearances.untag_made(project, ids[::-1], claim_id, made_as)
    again = appearances.create_claim(project, article.id, *spans[1], "verified")
    told: list[str] = []
    appearances.restore_claim(project, claim_id, refused=lambda exc: told.append(str(exc)))
    assert sorted(p.start for p in appearances.appearances_of(project, claim_id)) == \
        [spans[0][0], spans[2][0]]
    assert len(told) == 1 and "Verified" in told[0]
    assert appearances.get_appearance(project, again.id).deleted is None


def _tag_all_work(project, count: int) -> dict[str, int]:
    """What a Tag All of *count* places, its undo and its redo read: the article's text
    (a window of it, or whole) and the places built from rows, each counted."""
    from store.core import records

    text = "".join(f"قال الوزير {n}. " for n in range(count))
    article = articles.add_article(project, text, f"t{count}")
    spans = [(m.start(), m.end()) for m in re.finditer("قال الوزير", text)]
    counts = {"texts": 0, "places": 0}

    def traced(sql: str) -> None:
        counts["texts"] += "substr(text" in sql or "SELECT * FROM articles" in sql

    built = records.Appearance.from_values

    def counted(*args, **kwargs):
        counts["places"] += 1
        return built(*args, **kwargs)

    records.Appearance.from_values = counted
    project.conn.set_trace_callback(traced)
    try:
        made = appearances.tag_all(project, article.id, spans, "disputed")
        ids = [place.id for place in made]
        appearances.untag_made(project, ids[::-1], made[0].claim_id)
        restored, refused = appearances.restore_all(project, ids)
    finally:
        project.conn.set_trace_callback(None)
        records.Appearance.from_values = built
    assert len(restored) == count and refused is None
    return counts


def test_a_tag_all_its_undo_and_redo_read_the_text_once_and_each_place_a_few_times(
        project):
    """Undoing a Tag All of 3,000 places in a 6 MB report froze the window for 44 s: each
    place untagged read every place of the claim left (4.7 million records built), and
    each place tagged or brought back read its window of the text (4 ms each in so long
    a text). The text is read once by each, and the places built grow with their
    number, not its square."""
    small, large = _tag_all_work(project, 20), _tag_all_work(project, 80)
    assert small["texts"] <= 3 and large["texts"] <= 3
    assert large["places"] <= 4.5 * small["places"]


def test_a_tag_all_over_words_i_tagged_extends_my_claim_and_keeps_my_others(project):
    """Tag All Occurrences over words I had tagged put a new claim, with the first
    verdict, beside mine on them: my two verdicts on the same words, kept out of
    ClaimReview. The other words become places of my claim there (the one at the
    chosen words first); words I tagged as a third claim are left as they are."""
    article = articles.add_article(project, "قال الوزير كذا. ثم قال الوزير كذا. وقال الوزير "
                                   "كذا مرة ثالثة. قال الوزير أيضا.", "t")
    starts = [m.start() for m in re.finditer("قال الوزير", article.text)]
    spans = [(start, start + len("قال الوزير")) for start in starts]
    verified = appearances.create_claim(project, article.id, *spans[1], "verified")
    other = appearances.create_claim(project, article.id, *spans[3], "disputed")
    plan = appearances.plan_tag_all(project, article.id, spans, chosen=spans[0])
    assert plan == (verified.claim_id, [spans[0], spans[2]], 1)
    plan = appearances.plan_tag_all(project, article.id, spans, chosen=spans[3])
    assert plan == (other.claim_id, [spans[0], spans[2]], 1)
    appearances.add_all(project, verified.claim_id, article.id, [spans[0], spans[2]])
    again = appearances.plan_tag_all(project, article.id, spans, verified.claim_id)
    assert again == (verified.claim_id, [], 1)  # (nothing left to tag)
    fresh = articles.add_article(project, "قال الوزير ثم قال الوزير", "u")
    assert appearances.plan_tag_all(project, fresh.id, [(0, 10), (14, 24)]) == \
        (None, [(0, 10), (14, 24)], 0)


def test_a_note_written_over_is_told_by_who_wrote_it_not_who_changed_the_claim_last(
        project):
    """«note edited; huda's note read “…”» named the claim's last author: Samira's own
    note, edited after Huda only changed the verdict, read as Huda's, and Huda's note
    written over by Samira after a verdict of hers went untold."""
    from store.review import story

    article = articles.add_article(project, "قال الوزير إن الصادرات ارتفعت. ثم قال الوزير كذا.",
                                   "t")

    def told(claim_id: str) -> list[str]:
        return [line.split("  ", 2)[2] for line in story.tell_all(
            history.for_claim(project, claim_id), claim_id=claim_id)]

    def as_(name: str) -> Project:
        project.annotator = name
        return project

    first = appearances.tag_quote(as_("samira"), article.id, "الصادرات ارتفعت", "unchecked",
                                  note="نص سميرة")
    claims.update_claim(as_("huda"), first.claim_id, label="verified")
    claims.update_claim(as_("samira"), first.claim_id, note="نص سميرة، مصحح")
    assert told(first.claim_id)[-1] == "note edited"
    second = appearances.tag_quote(as_("huda"), article.id, "قال الوزير كذا", "unchecked",
                                   note="نص هدى")
    claims.update_claim(as_("samira"), second.claim_id, label="disputed")
    claims.update_claim(as_("samira"), second.claim_id, note="نص سميرة")
    assert told(second.claim_id)[-1] == "note edited; huda's note read “نص هدى”"
    entries = history.for_claim(project, second.claim_id)  # the command line says it too
    note_by = story.note_writers(entries)
    assert story.describe(entries[-1], note_by.get(entries[-1].id)).endswith(
        "edit  note edited; huda's note read “نص هدى”")
    claims.update_claim(as_("samira"), second.claim_id, note="نص هدى")  # her edit undone
    claims.update_claim(as_("huda"), second.claim_id, note="نص هدى، مصحح")
    assert told(second.claim_id)[-2:] == ["note edited", "note edited"]  # (huda's own)
    claims.update_claim(as_("Huda"), second.claim_id, note="نص هدى الأخير")  # (her laptop)
    assert told(second.claim_id)[-1] == "note edited"  # one person's name, spelt otherwise


def test_tag_same_as_on_words_i_tagged_makes_them_a_place_of_that_claim(project):
    """`tag --same-as C4` on words I had tagged as C3 left C3 on them and put C4 there too:
    my two verdicts on the same words, both published in ClaimReview. The words join C4
    (C3, live nowhere else, goes), as linking does."""
    text = "The minister said inflation fell to 2% and growth reached 3% this year."
    article = articles.add_article(project, text, "t")
    mine = appearances.tag_quote(project, article.id, "inflation fell to 2%", "disputed")
    other = appearances.tag_quote(project, article.id, "growth reached 3%", "verified")
    joined = appearances.tag_quote(project, article.id, "inflation fell to 2%", None,
                                   same_as=other.claim_id)
    assert joined.id == mine.id and joined.claim_id == other.claim_id
    live = appearances.list_appearances(project, article.id)
    assert sorted((p.quote, p.claim_id) for p in live) == sorted([
        ("inflation fell to 2%", other.claim_id), ("growth reached 3%", other.claim_id)])
    assert claims.get_claim(project, mine.claim_id).is_deleted


def test_nth_occurrence_and_missing_quote(project):
    article = articles.add_article(project, "abc x abc y abc", "t")
    assert appearances.tag_quote(project, article.id, "abc", "verified", occurrence=3).start == 12
    with pytest.raises(QuoteNotFound, match="only 3 time"):
        appearances.tag_quote(project, article.id, "abc", "verified", occurrence=4)
    # «appears not at all in the article; occurrence 1 not found», for these too:
    with pytest.raises(QuoteNotFound, match="^The quote is not in the article.$"):
        appearances.tag_quote(project, article.id, "xyz", "verified")
    for empty in ("", "   ", "َّ", "ـ"):  # nothing, spaces, harakat, tatweel
        with pytest.raises(QuoteNotFound, match="The quote is empty"):
            appearances.tag_quote(project, article.id, empty, "verified")


@pytest.mark.parametrize("span", [(-1, 3), (3, 3), (5, 2), (0, 999)])
def test_bad_spans_are_refused(project, span):
    article = articles.add_article(project, "some text here", "t")
    with pytest.raises(InvalidSpan):
        appearances.create_claim(project, article.id, *span, "verified")
    assert project.db["claims"].count == 0


def test_sources_must_be_web_links_and_unknown_labels_are_refused(project):
    article = articles.add_article(project, "some text here", "t")
    for not_a_link in ("javascript:x", "http://", "http://user@", "\x01https://a.org/1",
                       "https://a.org/\x00", "https://a.org/a b",
                       "https://evil.example/\u202emoc.cbb.www//:sptth",
                       "https://a.org/\u2067x\u2069", "https://a.org/\u200fx"):
        with pytest.raises(InvalidSource):
            appearances.create_claim(project, article.id, 0, 4, "verified",
                                     sources=[not_a_link])
    with pytest.raises(LabelNotFound):
        appearances.create_claim(project, article.id, 0, 4, "nonsense")
    claim = appearances.create_claim(project, article.id, 0, 4, "verified",
                                sources=[" https://a.org/1 ", "https://a.org/1", ""])
    assert claim.sources == ("https://a.org/1",)


def test_a_direction_mark_copied_at_a_links_end_is_left_out(project):
    """A link copied out of Arabic text brings an RLM or LRM at its ends: those go (one
    inside the link is refused, above)."""
    article = articles.add_article(project, "some text here", "t")
    made = appearances.create_claim(
        project, article.id, 0, 4, "verified",
        sources=["\u200fhttps://ar.wikipedia.org/wiki/معاهدة\u200e", "\u061chttps://a.org/1 "])
    assert claims.get_claim(project, made.claim_id).sources == (
        "https://ar.wikipedia.org/wiki/معاهدة", "https://a.org/1")


def test_failed_write_rolls_back_everything(project, monkeypatch):
    article = articles.add_article(project, "some text here", "t")
    before = (project.db["claims"].count, project.db["history"].count)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(history, "record", boom)
    with pytest.raises(RuntimeError):
        appearances.create_claim(project, article.id, 0, 4, "verified")
    assert (project.db["claims"].count, project.db["history"].count) == before


def test_changes_are_committed_at_once(tmp_path):
    path = tmp_path / "p.tahqiq"
    writer = Project.open(path, "a")
    article = articles.add_article(writer, "text to check", "t")
    appearances.create_claim(writer, article.id, 0, 4, "verified")
    reader = sqlite3.connect(path)  # a second connection sees it without any save step
    assert reader.execute("SELECT quote FROM appearances").fetchall() == [("text",)]
    reader.close()
    writer.close()


def copy_alone(path, target):
    """The project file copied without the -wal beside it, as a person attaches it."""
    target.write_bytes(path.read_bytes())
    reader = sqlite3.connect(target)
    try:
        return reader.execute("SELECT quote FROM appearances").fetchall()
    finally:
        reader.close()


def test_a_checkpoint_puts_every_change_in_the_project_file_itself(tmp_path):
    """Committed work lies in the -wal until SQLite folds it in: the project file copied
    alone while the project was open lacked it. After checkpoint() it is in the file."""
    path = tmp_path / "p.tahqiq"
    writer = Project.open(path, "a")
    try:
        article = articles.add_article(writer, "text to check", "t")
        appearances.create_claim(writer, article.id, 0, 4, "verified")
        assert copy_alone(path, tmp_path / "before.tahqiq") == []
        assert writer.checkpoint()
        assert copy_alone(path, tmp_path / "after.tahqiq") == [("text",)]
        reader = Project.open(path, "b")  # a reader on an older snapshot holds pages back
        try:
            reader.conn.execute("BEGIN")
            reader.conn.execute("SELECT count(*) FROM appearances").fetchone()
            appearances.create_claim(writer, article.id, 5, 7, "verified")
            assert not writer.checkpoint()
            reader.conn.rollback()
            assert writer.checkpoint()
        finally:
            reader.close()
        assert copy_alone(path, tmp_path / "later.tahqiq") == [("text",), ("to",)]
    finally:
        writer.close()


def test_reanchoring_follows_text_changes_and_refuses_to_orphan(project):
    article = articles.add_article(project, "intro. the strongest treaty ever. end", "t")
    claim = appearances.tag_quote(project, article.id, "the strongest treaty ever", "disputed")
    retext.set_article_text(project, article.id,
                              "a new lead paragraph.\nintro. the strongest treaty ever. end")
    moved = appearances.get_appearance(project, claim.id)
    assert moved.start == claim.start + len("a new lead paragraph.\n")
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, "all different now")
    assert err.value.claim_ids == [claim.id]
    assert str(err.value) == \
        "The new text no longer holds the words of 1 claim; nothing changed."
    assert articles.get_article(project, article.id).text.startswith("a new lead")


def test_a_place_whose_words_are_gone_is_not_moved_onto_another_of_its_claim(project):
    """Tag All over two places of the same words; the first sentence corrected: its
    place has no words left, and the other place of its claim is no place for it (the
    claim twice on the same words) - the change is refused, as for any lost place."""
    text = "the deal failed today. they said the deal failed again."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "the deal failed", "disputed")
    second = appearances.tag_quote(project, article.id, "the deal failed", None, occurrence=2,
                                   same_as=first.claim_id)
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, text.replace("deal failed today",
                                                                  "deal held today"))
    assert err.value.claim_ids == [first.id]
    assert [(a.id, a.start) for a in appearances.list_appearances(project, article.id)] == [
        (first.id, first.start), (second.id, second.start)]


def test_words_untagged_before_the_text_changed_come_back_on_their_words(project):
    """An undo after a text change: untagged words, and a deleted claim's, move with the
    text where they are found again, and are not tagged again on other words where
    they are not."""
    text = "intro. the strongest treaty ever. then the deal failed. end"
    article = articles.add_article(project, text, "t")
    untagged = appearances.tag_quote(project, article.id, "the strongest treaty ever",
                                     "disputed")
    appearances.delete(project, untagged.id)
    gone_claim = appearances.tag_quote(project, article.id, "the deal failed", "verified")
    claims.delete_claim(project, gone_claim.claim_id)
    doomed = appearances.tag_quote(project, article.id, "intro", "verified")
    appearances.delete(project, doomed.id)
    new_text = "a new lead.\n" + text.replace("intro", "preface")
    retext.set_article_text(project, article.id, new_text)  # tombstones never block it

    back = appearances.restore(project, untagged.id)
    assert new_text[back.start:back.end] == back.quote == "the strongest treaty ever"
    back = appearances.restore(project, gone_claim.id)
    assert new_text[back.start:back.end] == back.quote == "the deal failed"
    assert not back.is_deleted
    with pytest.raises(AnchorLost):  # "intro" is gone: its offsets hold other words
        appearances.restore(project, doomed.id)
    assert appearances.get_appearance(project, doomed.id).is_deleted


def test_words_now_inside_longer_words_or_numbers_are_lost(project):
    """«5%» corrected to «6%» moved the claim into the «15%» of another sentence, and
    «12» into «120»: a side of the quote that was a word's edge must still be one."""
    text = "البطالة 5% هذا العام، و15% العام الماضي. بلغ 12 مليونا."
    article = articles.add_article(project, text, "t")
    rate = appearances.tag_quote(project, article.id, "5%", "disputed")
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, text.replace("البطالة 5%", "البطالة 6%"))
    assert err.value.claim_ids == [rate.id]
    appearances.delete(project, rate.id)
    count = appearances.tag_quote(project, article.id, "بلغ 12", "verified")
    with pytest.raises(AnchorLost):
        retext.set_article_text(project, article.id, text.replace("بلغ 12", "بلغ 120"))
    moved = "مقدمة. " + text
    retext.set_article_text(project, article.id, moved)  # whole words, moved: found
    after = appearances.get_appearance(project, count.id)
    assert moved[after.start:after.end] == "بلغ 12" and after.start == count.start + 7


def test_an_edit_at_a_claims_edges_keeps_it_on_its_own_words(project):
    """Quotation marks put around the second of two identical sentences sent its claim
    to the first: the first's one matching space outscored the second's place."""
    text = "قال: البطالة انخفضت إلى 7% هذا العام. ثم كرر: البطالة انخفضت إلى 7% هذا العام."
    article = articles.add_article(project, text, "t")
    second = text.rindex("البطالة")
    claim = appearances.create_claim(project, article.id, second,
                                     second + len("البطالة انخفضت إلى 7%"), "disputed")
    quoted = text[:second] + "«البطالة انخفضت إلى 7%» هذا العام."
    retext.set_article_text(project, article.id, quoted)
    after = appearances.get_appearance(project, claim.id)
    assert after.start == second + 1 and quoted[after.start:after.end] == claim.quote


def test_a_claim_whose_words_are_gone_is_not_moved_onto_other_claims_words(project):
    """The first of two identical sentences deleted: its claim moved onto the second,
    where another claim stood, and made a disagreement that never was."""
    text = "أولا: الاتفاق فشل تماما. ثانيا: الاتفاق فشل تماما."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "الاتفاق فشل تماما", "disputed")
    appearances.tag_quote(project, article.id, "الاتفاق فشل تماما", "verified", occurrence=2)
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, "ثانيا: الاتفاق فشل تماما.")
    assert err.value.claim_ids == [first.id]


def test_a_lead_added_above_repeated_sentences_keeps_each_claim_on_its_own(project):
    """Two places with the same words and the same context on both sides: a lead added
    at the top put both claims on the first, or refused a Tag All claim."""
    filler = "ولا جديد في الأمر على الإطلاق هنا. "
    line = "ارتفعت الأسعار بنسبة 5% "
    text = filler * 2 + line + filler * 3 + line + filler * 2
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "ارتفعت الأسعار بنسبة 5%", "disputed")
    second = appearances.tag_quote(project, article.id, "ارتفعت الأسعار بنسبة 5%", None,
                                   occurrence=2, same_as=first.claim_id)
    other = appearances.tag_quote(project, article.id, "ارتفعت الأسعار بنسبة 5%",
                                  "verified", occurrence=2)
    lead = "عنوان جديد للمقال في أوله. " * 8 + "\n"  # longer than the places are apart
    retext.set_article_text(project, article.id, lead + text)
    for place in (first, second, other):
        assert appearances.get_appearance(project, place.id).start == place.start + len(lead)


def deleted_whole_then_words_lost(project):
    """A claim of two places, deleted whole; then the text loses one place's words. Its
    first place."""
    text = "المصدر: «المساعدات وصلت كاملة». وفي الشمال: «المساعدات وصلت كاملة» أيضا."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "المساعدات وصلت كاملة", "disputed")
    appearances.tag_quote(project, article.id, "المساعدات وصلت كاملة", None, occurrence=2,
                          same_as=first.claim_id)
    claims.delete_claim(project, first.claim_id)
    retext.set_article_text(project, article.id, text.replace(
        "وفي الشمال: «المساعدات وصلت كاملة» أيضا.", "وفي الشمال لم يصل شيء."))
    return first


def test_a_claim_deleted_whole_is_not_restored_onto_words_its_text_lost(project):
    """A claim of two places deleted whole, then the text lost one place's words:
    restoring it brought that place back live on other words («لم يصل شيء»)."""
    first = deleted_whole_then_words_lost(project)
    for restore in (lambda: appearances.restore(project, first.id),
                    lambda: appearances.restore_claim(project, first.claim_id)):
        with pytest.raises(AnchorLost):
            restore()
        assert claims.get_claim(project, first.claim_id).is_deleted


def test_locate_prefers_matching_context():
    text = "A said yes. B said yes. C said yes."
    prefix, suffix = "B said ", ". C"
    assert anchoring.locate(text, "yes", prefix, suffix, hint=0) == 19


def test_not_a_project_files_are_refused_untouched(tmp_path):
    junk = tmp_path / "junk.tahqiq"
    junk.write_bytes(b"\x89PNG random bytes" * 20)
    other = tmp_path / "other.tahqiq"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    for path in (junk, other):
        data = path.read_bytes()
        with pytest.raises(NotAProject):
            Project.open(path)
        assert path.read_bytes() == data


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.tahqiq"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.execute("CREATE TABLE articles(id)")
    con.commit()
    con.close()
    data = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version"):
        Project.open(path)
    assert path.read_bytes() == data
    assert not (tmp_path / "future.tahqiq-wal").exists()


def test_a_newer_schema_that_adds_a_partial_index_is_newer_not_damaged(tmp_path):
    """A newer Tahqiq's file whose upgrade added a partial index (as schema 5 and 8
    did) was called «damaged (its index reviews_live was not made by Tahqiq)», by
    opening and by `tahqiq check`, not «update Tahqiq»: its schema was judged before
    its version (rv159)."""
    from store.core.project import integrity_problems

    path = tmp_path / "future.tahqiq"
    Project.open(path).close()
    with contextlib.closing(sqlite3.connect(path)) as newer:
        newer.execute("CREATE INDEX reviews_live ON reviews (claim_id) "
                      "WHERE label IS NOT NULL")
        newer.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
        newer.commit()
    data = path.read_bytes()
    for read in (Project.open, integrity_problems):
        with pytest.raises(SchemaTooNew, match="newer version"):
            read(path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("upgraded_from", [None, *range(1, SCHEMA_VERSION)])
def test_the_indexes_opening_restores_are_those_the_schema_makes(tmp_path, upgraded_from):
    """schema.INDEXES, which opening makes again when another program dropped one, is what
    the migrations make: for a new file, for one upgraded from each older schema, and
    (as far as it goes) for that older one itself."""
    path = tmp_path / "p.tahqiq"
    if upgraded_from is not None:  # and it had those INDEXES gives its version
        path.write_bytes((ROOT / "tests" / "fixtures" / f"schema{upgraded_from}.tahqiq")
                         .read_bytes())
        with contextlib.closing(sqlite3.connect(path)) as old:
            assert schema.missing_indexes(old, upgraded_from) == []
    with Project.open(path) as project:
        made = {name: " ".join(sql.split()) for name, sql in project.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert made == {name: " ".join(sql.split()) for name, (_, sql) in schema.INDEXES.items()}



@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_the_triggers_opening_accepts_are_those_the_migrations_make(version):
    """schema.triggers() (resources/triggers.json), against which opening checks a file's
    triggers, is what the migrations make up to each version (a migration that changes a
    trigger without it would have every project it upgraded refused as changed by
    another program), and the file of that version the code of its day made holds
    exactly those."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    sqlfunctions.register_functions(conn)
    for migration in schema.MIGRATIONS[:version]:
        migration(sqlite_utils.Database(conn))
    made = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    assert made == {name: [sql for since, sql in versions if since <= version][-1]
                    for name, versions in schema.triggers().items() if versions[0][0] <= version}
    assert schema.foreign_triggers(conn, version) == []
    fixture = ROOT / "tests" / "fixtures" / f"schema{version}.tahqiq"
    if fixture.exists():  # (the current schema's is made once it is released)
        with contextlib.closing(sqlite3.connect(f"{fixture.as_uri()}?mode=ro&immutable=1",
                                                uri=True)) as old:  # (nothing beside it)
            assert schema.foreign_triggers(old, version) == []

@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_the_columns_opening_asks_for_are_those_the_migrations_make(tmp_path, version):
    """schema.COLUMNS, whose columns a file lacking one is refused for, is what the
    migrations make up to each version, and the file of that version the code of its day
    made lacks none: a column added since (reviews.label, schema 9) is not missing from an
    older file. Each one dropped is (rv184), an older file's too. Each is of the type
    INTEGER_COLUMNS says, INTEGER or else TEXT: one of another affinity is refused (rv189)."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    sqlfunctions.register_functions(conn)
    for migration in schema.MIGRATIONS[:version]:
        migration(sqlite_utils.Database(conn))
    made: dict[str, str] = {}
    for table, column, declared, *_ in schema.table_columns(conn):
        made[table] = f"{made.get(table, '')} {column}".strip()
        assert declared in ("TEXT", "INTEGER") or table.startswith("search_index")
    assert {t: c for t, c in made.items() if not t.startswith("search_index")} == {
        table: [made for since, made in versions if since <= version][-1]
        for table, versions in schema.COLUMNS.items() if versions[0][0] <= version}
    assert not schema.retyped_columns(schema.table_columns(conn))
    assert schema.foreign_constraints(conn) == []  # FOREIGN_KEYS and UNIQUE_KEYS hold them
    fixture = ROOT / "tests" / "fixtures" / f"schema{version}.tahqiq"
    if fixture.exists():  # (the current schema's is made once it is released)
        path = tmp_path / fixture.name
        path.write_bytes(fixture.read_bytes())
        assert project_module.check_file(path, full=True) == version
        with contextlib.closing(sqlite3.connect(path)) as old:
            old.execute("ALTER TABLE history DROP COLUMN who")
            old.commit()
        with pytest.raises(NotAProject, match=r"damaged \(its table history lacks its "
                                              r"column who\); it was left untouched"):
            project_module.check_file(path)


def test_a_write_a_rule_of_the_file_refuses_is_not_saved_in_a_sentence(tmp_path):
    """A write the file's rules refuse (a rule another program added, in a file opened
    before the check refused it) fails as any write does, with a StorageError the window
    and the command line say in one line: no raw sqlite3.IntegrityError (rv189)."""
    from store.review import reviews

    with Project.open(tmp_path / "p.tahqiq", "ana") as project:
        article = articles.add_article(project, "Exports rose by 40 percent.", "T")
        claim = appearances.create_claim(project, article.id, 0, 11, "verified").claim_id
        project.execute("CREATE UNIQUE INDEX one_review ON reviews (claim_id)")
        project.annotator = "bob"
        reviews.review_claim(project, claim, "accept")
        project.annotator = "cy"
        with pytest.raises(StorageError, match=r"not saved: UNIQUE constraint failed: "
                                               r"reviews.claim_id"):
            reviews.review_claim(project, claim, "reject")


@pytest.mark.parametrize("journal, locking", [
    ("DELETE", ["BEGIN EXCLUSIVE"]),  # a rollback journal: an exclusive lock keeps readers out
    ("WAL", ["PRAGMA locking_mode=EXCLUSIVE", "BEGIN EXCLUSIVE"]),  # so does WAL's own one
])
def test_a_project_another_program_locks_even_for_reading_is_busy_not_damaged(
        tmp_path, monkeypatch, journal, locking):
    """Opening to read changes nothing: while another program's lock keeps even readers
    out, it says the file is busy, not that a change was lost or that the file is
    damaged."""
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr(project_module, "CHECK_TIMEOUT_SECONDS", 0.2)
    path = tmp_path / "busy.tahqiq"
    Project.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute(f"PRAGMA journal_mode={journal}")
        for statement in locking:
            other.execute(statement)
        with pytest.raises(StorageError) as refused:
            Project.open(path, create=False)
        assert str(refused.value) == ("Another program kept busy.tahqiq busy, so it could "
                                      "not be opened; try again once it is done.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    Project.open(path, create=False).close()


def test_an_older_project_another_program_locks_is_busy_not_a_change_lost(
        tmp_path, monkeypatch):
    """A project of schema 13 another program holds (BEGIN EXCLUSIVE): a read (`tahqiq
    claims`) that only had to upgrade it said «Another program kept the project busy; the
    change was not saved.», as the upgrade's transaction() words a busy write; opening
    changes nothing the user asked for (rv262)."""
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr(project_module, "CHECK_TIMEOUT_SECONDS", 0.2)
    path = tmp_path / "old.tahqiq"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        m.setattr(schema, "SCHEMA_VERSION", 13)
        Project.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as refused:
            Project.open(path, create=False)
        assert str(refused.value) == ("Another program kept old.tahqiq busy, so it could "
                                      "not be opened; try again once it is done.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Project.open(path, create=False) as project:
        assert project.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("version", [0, -5, -(2 ** 31)])
def test_a_schema_version_below_one_is_damage_refused_untouched(tmp_path, version):
    """Found by fuzzing a colleague's file for merge: with our application id, a version
    below 1 ran the wrong migration (-5: the fourth) or none that exists (IndexError)."""
    path = tmp_path / "odd.tahqiq"
    Project.open(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={version}")
    con.commit()
    con.close()
    data = path.read_bytes()
    with pytest.raises(NotAProject, match=rf"damaged \(its schema version is {version}\)"):
        Project.open(path)
    assert path.read_bytes() == data
    if version < 0:  # the same with no table at all: nothing to upgrade from
        empty = tmp_path / "empty.tahqiq"
        con = sqlite3.connect(empty)
        con.execute(f"PRAGMA application_id={APPLICATION_ID}")
        con.execute(f"PRAGMA user_version={version}")
        con.commit()
        con.close()
        with pytest.raises(NotAProject, match="damaged"):
            Project.open(empty)


def test_first_run_seeds_the_sample_without_scrape_markers(sample_project, sample_article):
    assert "[ad_1]" not in sample_article.text and "[ad_2]" not in sample_article.text
    assert "أقوى معاهدة على الإطلاق" in sample_article.text
    assert sample_article.language == "ar"
    # It opens on the story, not on the scrape's newsletter sign-up, and ends on it too.
    assert sample_article.text.startswith("وقع فلاديمير بوتين اتفاقا مع كيم جونغ أون")
    assert "اشترك" not in sample_article.text
    assert sample_article.text.endswith("مع كل من يرغب في ذلك.")


@settings(max_examples=1000)
@given(text=st.text(st.sampled_from("ab \n\r\t\x0b\x1c\x85\u2028\u00a0\u3000و"), max_size=400),
       limit=st.integers(1, 100))
def test_the_title_is_the_first_line_however_long_the_text(text, limit):
    """Only the first line is looked at now (a 50 MB article was split into every line);
    the title is what splitting gave, kept as a title is (a tab in it a space)."""
    from store.text.clean import clean_field

    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    expected = clean_field(first) if len(first) <= limit \
        else clean_field(first[:limit].rsplit(" ", 1)[0]) + "…"
    assert articles.derive_title(text, limit) == expected



def test_a_title_cleared_is_the_first_line_again(project):
    """Article Properties with the title emptied: the list shows the text's first line,
    as for an article imported without a title, not a blank row."""
    article = articles.add_article(project, "السطر الأول\nوالثاني", "عنوان")
    assert articles.update_metadata(project, article.id, title="  ").title == "السطر الأول"
    assert articles.update_metadata(project, article.id, title=" جديد ").title == "جديد"


def test_words_tagged_again_meanwhile_are_not_brought_back_twice(project):
    """Tag, untag (undo), the same person tags the same words with the same verdict from
    another window, then redo: refused, as that tag itself would be (a second copy)."""
    article = articles.add_article(project, "intro. the strongest treaty ever. end", "t")
    first = appearances.tag_quote(project, article.id, "the strongest treaty ever", "disputed")
    appearances.delete(project, first.id)
    appearances.tag_quote(project, article.id, "the strongest treaty ever", "disputed")
    with pytest.raises(DuplicateClaim):
        appearances.restore(project, first.id)
    assert len(appearances.list_appearances(project, article.id)) == 1


def test_words_tagged_again_with_another_verdict_are_not_shown_twice_by_a_restore(project):
    """Claim deleted, its words tagged again as another verdict, then the claim restored
    (Deleted Claims, `claim --restore`) or named by `tag --same-as`: one person would
    show two verdicts on the same words, and a ClaimReview published both. Refused,
    saying which claim holds them; nothing changes."""
    article = articles.add_article(project, "the strongest treaty ever, said Putin.", "t")
    first = appearances.tag_quote(project, article.id, "the strongest treaty ever", "disputed")
    claims.delete_claim(project, first.claim_id)
    again = appearances.tag_quote(project, article.id, "the strongest treaty ever", "verified")
    assert again.claim_id != first.claim_id
    with pytest.raises(DuplicateClaim, match=f"as Verified \\(claim {again.claim_id[:8]}\\)"):
        appearances.restore_claim(project, first.claim_id)
    with pytest.raises(DuplicateClaim, match="tagged again since"):
        appearances.restore(project, first.id)
    with pytest.raises(ClaimNotFound, match="restore it first"):
        appearances.tag_quote(project, article.id, "Putin", None, same_as=first.claim_id)
    assert claims.get_claim(project, first.claim_id).is_deleted
    live = appearances.list_appearances(project, article.id)
    assert [(p.claim_id, p.label) for p in live] == [(again.claim_id, "verified")]
    # Untagged instead of deleted: the same.
    appearances.delete(project, again.id)
    third = appearances.tag_quote(project, article.id, "the strongest treaty ever", "disputed")
    with pytest.raises(DuplicateClaim, match="as Disputed"):
        appearances.restore(project, again.id)
    # Once the words are free, the restore brings the claim back where it was.
    appearances.delete(project, third.id)
    assert appearances.restore_claim(project, first.claim_id).deleted is None
    assert [p.claim_id for p in appearances.list_appearances(project, article.id)] == [
        first.claim_id]


def test_an_article_opened_as_a_project_is_told_to_be_imported(tmp_path):
    """File ▸ Open Project on an article said only «not an SQLite database»; a text
    file is told how an article comes in. Other data is still said to be no database,
    and neither is changed."""
    for name, data, said in (
            ("story.txt", "قال المتحدث إن الاتفاق سيوقع".encode(), "is text, not a Tahqiq "
             "project: to read an article, import it"),
            ("page.html", b"<html><body>news</body></html>", "is text, not a Tahqiq project"),
            ("utf16.txt", "قال المتحدث".encode("utf-16"), "is text, not a Tahqiq project"),
            ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "it is not an SQLite database")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(NotAProject, match=said):
            Project.open(path)
        assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "photo.png", "story.txt",
                                                          "utf16.txt"]


def test_an_empty_file_of_another_kind_is_not_made_a_project(tmp_path):
    """File ▸ Open on an empty notes.txt: refused, left as it was (it became a project,
    with a -wal and -shm beside it); an empty NAME.tahqiq is a new project, as before."""
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"")
    with pytest.raises(NotAProject):
        Project.open(notes)
    assert notes.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt"]
    empty = tmp_path / "new.tahqiq"
    empty.write_bytes(b"")
    with Project.open(empty) as project:
        assert project.schema_version == SCHEMA_VERSION



def test_a_shortcut_another_label_has_is_refused(project):
    """Two labels on one key: Qt finds the key ambiguous and it tags nothing, silently."""
    before = {label.key: label.shortcut for label in labels.list_labels(project)}
    first, second = sorted(before)[:2]
    with pytest.raises(InvalidLabel):  # the same key, however it is written
        labels.update_label(project, second, shortcut=f" {before[first].upper()} ")
    with pytest.raises(InvalidLabel):
        labels.add_label(project, "false", "False", "#B00020", shortcut=before[first])
    assert {label.key: label.shortcut for label in labels.list_labels(project)} == before
    labels.update_label(project, first, shortcut="9")  # a free key: fine, the old freed
    assert labels.update_label(project, second, shortcut=before[first]).shortcut == \
        before[first]


def test_a_key_the_window_keeps_or_its_arabic_twin_is_no_labels_shortcut(project):
    """A label on «a» (Accept Claim), «r», «n», «y», «x», or on «ش», the A key with an
    Arabic layout, was accepted and then tagged nothing; so was «١» beside a label on
    «1»: one key in two layouts."""
    key = labels.list_labels(project)[0].key
    for shortcut in ("a", "R", "n", "y", "x", "ش", "ق", "غ"):
        with pytest.raises(InvalidLabel, match="window's own commands"):
            labels.update_label(project, key, shortcut=shortcut)
        with pytest.raises(InvalidLabel, match="window's own commands"):
            labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut=shortcut)
    labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut="9")
    with pytest.raises(InvalidLabel, match="already tags as 'Satire'"):
        labels.update_label(project, key, shortcut="٩")
    assert labels.update_label(project, key, shortcut="s").shortcut == "s"


def test_a_labels_shortcut_is_one_key_and_none_of_the_windows(project):
    """rv91: «10» was taken and shown in the legend, but Qt binds it to nothing, and 1
    then 0 tagged the words as the first verdict, then relabelled them as 0's; Ctrl+Z,
    F1, Delete or Esc on a label were taken, and both it and Undo, Help, Delete Claim or
    closing a bar then did nothing (Qt finds the key ambiguous)."""
    key = labels.list_labels(project)[0].key
    for shortcut in ("10", "qq", "١٠", "Hyper+1", "F36", "Ctrl+"):
        with pytest.raises(InvalidLabel, match="is not one key"):
            labels.update_label(project, key, shortcut=shortcut)
        with pytest.raises(InvalidLabel, match="is not one key"):
            labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut=shortcut)
    for shortcut in ("Ctrl+Z", "ctrl+shift+z", "F1", "Del", "Delete", "Esc", "Return",
                     "Tab", "Alt+F", "Ctrl++", "Shift+F3", "Ctrl+C"):
        with pytest.raises(InvalidLabel, match="window's own commands"):
            labels.update_label(project, key, shortcut=shortcut)
    for shortcut in ("Ctrl+1", "F2", "Shift+1", "Alt+1", "w", "ض", "+"):
        assert labels.update_label(project, key, shortcut=shortcut).shortcut == shortcut
    labels.update_label(project, key, shortcut="Ctrl+Shift+9")
    with pytest.raises(InvalidLabel, match="already tags as"):  # one key, written twice
        labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut="Shift+Ctrl+9")
    for label in labels.list_labels(project):  # (a label's own key, given again, is its own)
        assert labels.update_label(project, label.key, shortcut=label.shortcut,
                                   name_en=label.name_en + ".").shortcut == label.shortcut
    labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut="q")
    with pytest.raises(InvalidLabel, match="already tags as 'Satire'"):  # Q's Arabic twin
        labels.update_label(project, key, shortcut="ض")


def test_a_shortcut_an_older_tahqiq_took_that_tags_nothing_is_cleared_and_said(tmp_path):
    """rv92: an older Tahqiq took «10» or Ctrl+Z for a label. Merged in, Undo went dead
    (Qt finds Ctrl+Z ambiguous) and nothing was said; a project started like such a
    project was refused. Each is cleared and said, as a key shared by two labels is; a
    project started like it is made, without those keys."""
    from store.core.templates import start_like
    from store.exchange import merge

    theirs = Project.open(tmp_path / "theirs.tahqiq", "colleague")
    labels.add_label(theirs, "satire", "Satire", "#CE93D8", shortcut="7")
    labels.add_label(theirs, "opinion", "Opinion", "#80CBC4", shortcut="8")
    theirs.execute("UPDATE labels SET shortcut = 'Ctrl+Z' WHERE key = 'satire'")  # (as an
    theirs.execute("UPDATE labels SET shortcut = '10' WHERE key = 'opinion'")  # older one)
    theirs.close()
    mine = Project.open(tmp_path / "mine.tahqiq", "me")
    summary = merge.merge_file(mine, tmp_path / "theirs.tahqiq")
    assert {label.key: label.shortcut for label in labels.list_labels(mine)
            if label.key in ("satire", "opinion")} == {"satire": "", "opinion": ""}
    said = "\n".join(str(line) for line in summary.lines())
    assert "Label Satire had the shortcut Ctrl+Z, which tags nothing here" in said
    assert "Label Opinion had the shortcut 10" in said
    mine.close()
    with Project.open(tmp_path / "theirs.tahqiq", "colleague") as model:
        like = start_like(tmp_path / "like.tahqiq", model, "me")
    assert {label.key: label.shortcut for label in labels.list_labels(like)
            if label.key in ("satire", "opinion")} == {"satire": "", "opinion": ""}
    like.close()


def test_the_arabic_layouts_punctuation_keys_are_twins_too(project):
    """rv92: «;» and «ك» (one key in the two layouts) were two labels' keys."""
    key = labels.list_labels(project)[0].key
    labels.add_label(project, "satire", "Satire", "#CCCCCC", shortcut=";")
    with pytest.raises(InvalidLabel, match="already tags as 'Satire'"):
        labels.update_label(project, key, shortcut="ك")


def test_a_redone_unlink_copies_the_verdict_the_words_have_now(project):
    """Unlink, undo (link back), the claim relabelled, redo (unlink into the same new
    claim): the copy shows the claim's verdict, note and sources now, not the ones it
    was made with."""
    article = articles.add_article(project, "one claim said twice: one claim", "t")
    first = appearances.create_claim(project, article.id, 0, 9, "verified", note="old")
    second = appearances.add(project, first.claim_id, article.id, 22, 31)
    split = appearances.unlink(project, second.id)
    appearances.link(project, second.id, first.claim_id)  # undo
    claims.update_claim(project, first.claim_id, label="disputed", note="new",
                        sources=["https://example.org/new"])

    again = appearances.unlink(project, second.id, claim_id=split.claim_id)  # redo

    copy = claims.get_claim(project, again.claim_id)
    assert again.claim_id == split.claim_id
    assert (copy.label, copy.note, copy.sources) == ("disputed", "new",
                                                     ("https://example.org/new",))
    assert not copy.is_deleted
    assert claims.get_claim(project, first.claim_id).label == "disputed"


def test_a_labels_rating_is_a_whole_number(project):
    """A rating typed as text is stored as its number; one that is no number is refused
    with a message (the labels table reverted it without a word)."""
    from store.core import labels
    from store.errors import InvalidLabel

    assert labels.update_label(project, "verified", rating=" 4 ").rating == 4
    with pytest.raises(InvalidLabel, match="whole number"):
        labels.update_label(project, "verified", rating="four")
    with pytest.raises(InvalidLabel, match="whole number"):
        labels.add_label(project, "odd", "Odd", "#123456", rating="1.5")
    assert labels.get_label(project, "verified").rating == 4


def test_a_claim_update_expecting_values_refuses_a_change_made_since(project):
    """What an undo runs: it expects the values its step left and is refused when
    someone changed them since; a field it does not put back may have changed."""
    from store.errors import ChangedSince

    article = articles.add_article(project, "the strongest treaty ever", "t")
    place = appearances.create_claim(project, article.id, 4, 12, "verified")
    claims.update_claim(project, place.claim_id, note="theirs")
    assert claims.update_claim(project, place.claim_id, label="disputed",
                               expect={"label": "verified"}).label == "disputed"
    # my own change, in another window: said as mine («tester changed» read as another's)
    with pytest.raises(ChangedSince, match="^You changed this claim since, in another "):
        claims.update_claim(project, place.claim_id, label="unchecked",
                            expect={"label": "verified"})
    project.annotator = "omar"
    with pytest.raises(ChangedSince, match=f"^{place.annotator} changed this claim since"):
        claims.update_claim(project, place.claim_id, sources=[],
                            expect={"sources": ["https://example.org"]})
    assert claims.get_claim(project, place.claim_id).label == "disputed"


def test_a_tag_holds_words_not_the_white_space_at_their_ends(project):
    """Selecting by word takes the space after the last one: the claim holds the words
    (its quote, highlight and exports), the same words tagged again are the same claim,
    and a span of nothing but white space is refused."""
    article = articles.add_article(project, "Putin  signed the treaty.\nThen", "t")
    place = appearances.create_claim(project, article.id, 5, 14, "verified")
    assert (place.start, place.end, place.quote) == (7, 13, "signed")
    with pytest.raises(DuplicateClaim):
        appearances.create_claim(project, article.id, 6, 13, "verified")
    again = appearances.add(project, place.claim_id, article.id, 17, 26)
    assert (again.start, again.end, again.quote) == (18, 25, "treaty.")
    with pytest.raises(InvalidSpan):
        appearances.create_claim(project, article.id, 25, 26, "verified")
    assert appearances.own_place_at(project, article.id, 6, 14).id == place.id
    assert appearances.own_place_at(project, article.id, 25, 26) is None


def test_a_tag_leaves_the_direction_marks_at_its_ends_out(project):
    """Found by a review (rv59): a double-click on a name a web text wraps in RLMs
    selects them too, and the claim kept them invisibly (in its quote, the CSV, Copy
    Claim); the same word selected by keys then became a second claim of mine."""
    article = articles.add_article(project, "قال \u200fترامب\u200f إن 999\u200f و\u061c12", "t")
    text = article.text
    name = text.index("ترامب")
    place = appearances.create_claim(project, article.id, name - 1, name + 6, "verified")
    assert (place.start, place.end, place.quote) == (name, name + 5, "ترامب")
    assert place.prefix.endswith("\u200f") and place.suffix.startswith("\u200f")
    assert appearances.own_place_at(project, article.id, name, name + 5).id == place.id
    assert appearances.own_place_at(project, article.id, name - 1, name + 7).id == place.id
    with pytest.raises(DuplicateClaim):
        appearances.create_claim(project, article.id, name, name + 5, "verified")
    number = text.index("999")
    assert appearances.create_claim(project, article.id, number, number + 4, "disputed"
                                    ).quote == "999"
    twelve = text.index("12")
    assert appearances.create_claim(project, article.id, twelve - 1, twelve + 2, "disputed"
                                    ).quote == "12"


def test_a_longer_word_is_not_my_claim_on_its_stem(project):
    """Found by a review (rv62) of the test above's change: «claims» tagged after
    «claim» relabelled the claim on «claim» and made none (the letter s was read as
    white space, from a regex class's «\\s»)."""
    article = articles.add_article(project, "He said the claims were false.", "t")
    first = appearances.tag_quote(project, article.id, "claim", "verified")
    assert appearances.own_place_at(project, article.id, first.start, first.end + 1) is None
    second = appearances.tag_quote(project, article.id, "claims", "disputed")
    assert second.claim_id != first.claim_id
    assert {p.quote: p.label for p in appearances.list_appearances(project)} == {
        "claim": "verified", "claims": "disputed"}


def test_a_restore_keeps_what_stood_beside_the_words_and_never_doubles_a_claim(project):
    """Found by a review of the refusal above. Tag All Occurrences puts a claim of mine on
    words another claim of mine holds: undoing the delete of that other claim is no
    "tagged again since", and was refused. And the same claim brought back onto words it
    holds again (tag --same-as, Tag All, then Deleted Claims) made it twice there."""
    article = articles.add_article(project, "قال بوتين إن بوتين سيزور", "t")
    first, second = appearances.quote_spans(article.text, "بوتين")
    mine = appearances.create_claim(project, article.id, *second, "verified")
    other = appearances.create_claim(project, article.id, *first, "disputed")
    appearances.add(project, other.claim_id, article.id, *second)  # Tag All Occurrences
    appearances.delete(project, mine.id)
    assert appearances.restore(project, mine.id).deleted is None  # the undo
    appearances.delete(project, mine.id)
    claims.delete_claim(project, mine.claim_id)
    assert appearances.restore_claim(project, mine.claim_id).deleted is None
    # The same claim twice on the same words: refused, as a tag of them is.
    untagged = appearances.add(project, other.claim_id, article.id, first[0], first[1] + 3)
    appearances.delete(project, untagged.id)
    appearances.add(project, other.claim_id, article.id, first[0], first[1] + 3)
    with pytest.raises(DuplicateClaim, match="already tagged as this claim"):
        appearances.restore(project, untagged.id)
    assert sorted((p.claim_id, p.start, p.end) for p in appearances.list_appearances(
        project, article.id)) == sorted([
            (other.claim_id, *first), (other.claim_id, first[0], first[1] + 3),
            (other.claim_id, *second), (mine.claim_id, *second)])


def test_a_claim_whose_words_were_linked_away_is_not_restored_to_show_nowhere(project):
    """Link made a claim's words places of another, and tombstoned it: `claim --restore`
    printed its id, exited 0 and brought back a claim live nowhere. It is refused, and
    stays deleted."""
    article = articles.add_article(project, "قال بوتين إن بوتين سيزور", "t")
    first, second = appearances.quote_spans(article.text, "بوتين")
    kept = appearances.create_claim(project, article.id, *first, "verified")
    gone = appearances.create_claim(project, article.id, *second, "disputed")
    appearances.link(project, gone.id, kept.claim_id)
    assert claims.get_claim(project, gone.claim_id).is_deleted
    with pytest.raises(NoWordsLeft, match="linked to another claim"):
        appearances.restore_claim(project, gone.claim_id)
    assert claims.get_claim(project, gone.claim_id).is_deleted
    assert appearances.get_appearance(project, gone.id).claim_id == kept.claim_id


@pytest.mark.parametrize("step", ["link", "unlink"])
def test_untagged_words_are_neither_linked_nor_split_off(project, step):
    """Untagged words linked to a claim made them its place, and brought the claim back
    live with no words; split off, they made a claim of their own so: listed and
    exported, shown nowhere (a property test of merges found it, rv151). Refused, saying
    they are to be brought back first (or their claim, deleted with them)."""
    article = articles.add_article(project, "قال بوتين إن بوتين سيزور موسكو", "t")
    first, second = appearances.quote_spans(article.text, "بوتين")
    both = appearances.create_claim(project, article.id, *first, "verified")
    untagged = appearances.create_claim(project, article.id, *second, "verified")
    appearances.link(project, untagged.id, both.claim_id)
    other = appearances.tag_quote(project, article.id, "موسكو", "disputed")
    alone = appearances.tag_quote(project, article.id, "سيزور", "disputed")
    appearances.delete(project, untagged.id)  # (its claim keeps its other words)
    appearances.delete(project, alone.id)  # (its claim deleted with them)

    def step_on(place: str) -> None:
        if step == "link":
            appearances.link(project, place, other.claim_id)
        else:
            appearances.unlink(project, place)

    with pytest.raises(AppearanceNotFound, match="untagged since by tester"):
        step_on(untagged.id)
    with pytest.raises(ClaimNotFound, match="restore it first"):
        step_on(alone.id)
    assert appearances.get_appearance(project, untagged.id).claim_id == both.claim_id
    assert claims.get_claim(project, alone.claim_id).is_deleted
    live = [c.id for c in claims.list_claims(project)]
    assert len(live) == 2 and all(appearances.appearances_of(project, c) for c in live)


def test_marks_alone_are_not_a_claim(project):
    """`tahqiq tag --quote "ً"` made a claim of one tanween (found as written), and a
    selection of a haraka alone would too; a claim needs a letter."""
    article = articles.add_article(project, "قال: عامًا ـ ثم \u200fانتهى", "t")
    for quote in ("\u064b", "ـ", "\u200f"):
        with pytest.raises(InvalidSpan, match="harakat or other marks"):
            appearances.tag_quote(project, article.id, quote, "verified")
    start = article.text.index("ـ")
    with pytest.raises(InvalidSpan, match="harakat or other marks"):
        appearances.create_claim(project, article.id, start - 1, start + 2, "verified")
    assert appearances.list_appearances(project, article.id) == []
    made = appearances.tag_quote(project, article.id, "عامًا", "verified")
    assert made.quote == "عامًا"


def test_a_quote_typed_with_spaces_around_tags_its_words_at_that_occurrence(project):
    """`tahqiq tag --quote " s"`: the second place the typed quote occurs, space and all,
    is found, and the claim holds its words only (found by fuzzing fuzz/targets/tag_quote,
    whose check had not heard of the trimming)."""
    article = articles.add_article(project, "as is, so is\nthis", "t")
    place = appearances.tag_quote(project, article.id, " is", "verified", occurrence=2)
    assert (place.start, place.end, place.quote) == (10, 12, "is")
    place = appearances.tag_quote(project, article.id, " so ", "disputed")
    assert (place.start, place.end, place.quote) == (7, 9, "so")


def test_words_trimmed_from_a_selection_keep_the_quote_selector_of_the_words(project):
    """The quote, prefix and suffix of words whose selection took white space along are
    those the words themselves would have (they are found again by them after a text
    change), and the text is read once for it."""
    from store.text import anchoring

    text = "x" * 40 + " \n the strongest treaty ever  \n" + "y" * 40
    article = articles.add_article(project, text, "t")
    at = text.index("the")
    reads: list[str] = []
    project.conn.set_trace_callback(lambda sql: reads.append(sql) if "substr(text" in sql
                                    else None)
    place = appearances.create_claim(project, article.id, at - 3, at + 28, "verified")
    project.conn.set_trace_callback(None)
    end = at + len("the strongest treaty ever")
    assert (place.start, place.end) == (at, end)
    assert (place.quote, place.prefix, place.suffix) == anchoring.quote_selector(text, at, end)
    assert len(reads) == 1


def test_mine_on_these_words_when_a_place_carries_a_short_prefix(project):
    """A place whose prefix and suffix are shorter than the white space between it and
    the selection's ends (a CSV may bring them empty) is still mine on these words: the
    text is read to tell."""
    text = "The minister said unemployment fell by 40 percent last year."
    article = articles.add_article(project, text, "t")
    start = text.index("unemployment")
    end = start + len("unemployment fell")
    place = appearances.create_claim(project, article.id, start, end, "verified")
    project.execute("UPDATE appearances SET prefix = '', suffix = '' WHERE id = ?",
                    [place.id])
    assert appearances.own_place_at(project, article.id, start - 1, end + 1).id == place.id
    assert appearances.own_place_at(project, article.id, start, end + 4) is None


def test_the_article_list_is_ids_in_order_and_titles_asked_by_id(project):
    """The window's list: every live article's id, oldest first, and the titles of any
    ids asked for, more than one query's worth of them at once; an id that names no
    article is left out."""
    made = [articles.add_article(project, f"نص رقم {n}", f"عنوان {n}") for n in range(520)]
    assert articles.list_ids(project) == [a.id for a in made]
    titles = articles.titles_of(project, [*reversed(articles.list_ids(project)), "nobody"])
    assert titles == {a.id: f"عنوان {n}" for n, a in enumerate(made)}
    assert articles.title_of(project, made[7].id) == "عنوان 7"
    with pytest.raises(ArticleNotFound):
        articles.title_of(project, "nobody")


def test_a_text_change_is_stored_composed_and_the_same_text_changes_nothing(project):
    """The same text set again wrote a retext and a «moved: 18–39 → 18–39» for each
    place, and two colleagues' identical corrections then merged as a conflict; a text
    given decomposed (NFD) was stored so, unlike an imported one."""
    import unicodedata

    text = "قال الوزير إن التضخم بلغ 3% في مارس."
    article = articles.add_article(project, text, "t")
    claim = appearances.tag_quote(project, article.id, "التضخم بلغ 3%", "disputed")
    entries = history.last_entry(project)
    retext.set_article_text(project, article.id, text)
    assert history.last_entry(project) == entries
    assert appearances.get_appearance(project, claim.id) == claim
    decomposed = unicodedata.normalize("NFD", "Café. " + text)
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    stored = retext.set_article_text(project, article.id, decomposed).text
    assert stored == unicodedata.normalize("NFC", decomposed)


def test_a_tag_all_place_beside_a_claim_of_the_same_verdict_comes_back_on_redo(project):
    """Two «معاهدة» tagged Verified as two claims; Tag All from the second added it at
    the first's words too. Undo, then Redo: «You already tagged these words as
    verified», the place lost, and the redo stuck for good."""
    text = "وقع الزعيمان معاهدة. وقال إن المعاهدة معاهدة دفاع."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "معاهدة", "verified")
    second = appearances.tag_quote(project, article.id, "معاهدة", "verified", occurrence=3)
    added = appearances.add(project, second.claim_id, article.id, first.start, first.end)
    appearances.delete(project, added.id)  # the undo
    back = appearances.restore(project, added.id)  # the redo
    assert not back.is_deleted and (back.start, back.claim_id) == (first.start, second.claim_id)


@pytest.mark.parametrize("through_a_link", [False, True])
def test_another_files_wal_left_beside_a_project_is_refused_before_it_is_written(
        tmp_path, through_a_link):
    """A project copied over this one (a backup put back) with the -wal of a program
    that stopped left beside it: the first command replayed that log into the file,
    listed none of its claims with status 0, and folded the log in for good. Opened
    through a symbolic link (~/current.tahqiq), the -wal was looked for beside the link,
    not beside the file where SQLite keeps it, and so it was (rv159)."""
    import shutil
    import subprocess
    import sys

    def project_with(path, claims_made: int) -> None:
        with Project.open(path, "tester") as made:
            text = " ".join(f"كلمة{n}" for n in range(200))
            article = articles.add_article(made, text, path.stem)
            for n in range(claims_made):
                appearances.tag_quote(made, article.id, f"كلمة{n}", "verified")

    project_with(tmp_path / "mine.tahqiq", 3)
    project_with(tmp_path / "other.tahqiq", 40)
    stopped = ("import os, sys\n"
               "from store.core import appearances, articles\n"
               "from store.core.project import Project\n"
               "p = Project.open(sys.argv[1], 'tester', create=False)\n"
               "article = articles.list_articles(p)[0]['id']\n"
               "appearances.tag_quote(p, article, 'كلمة150', 'disputed')\n"
               "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", stopped, str(tmp_path / "other.tahqiq")],
                   check=True)
    path = tmp_path / "project.tahqiq"
    shutil.copy(tmp_path / "mine.tahqiq", path)
    shutil.copy(tmp_path / "other.tahqiq-wal", tmp_path / "project.tahqiq-wal")
    before = path.read_bytes()
    opened, wal = path, "project.tahqiq-wal"
    if through_a_link:  # (the message names the -wal where it is: not beside the link)
        (tmp_path / "elsewhere").mkdir()
        opened, wal = tmp_path / "elsewhere" / "current.tahqiq", f"{path.resolve()}-wal"
        opened.symlink_to(path)
    with pytest.raises(NotAProject, match=f"move {re.escape(wal)} away"):
        Project.open(opened, "tester", create=False)
    assert path.read_bytes() == before
    (tmp_path / "project.tahqiq-wal").rename(tmp_path / "stray-wal")
    (tmp_path / "project.tahqiq-shm").unlink(missing_ok=True)
    with Project.open(path, "tester", create=False) as project:
        assert len(appearances.list_appearances(project)) == 3


def test_an_edit_near_untouched_words_leaves_them_on_their_own(project):
    """An edit within a context's length of two identical sentences' claims sent both to
    the second: words the edit did not touch were sought again over the whole text."""
    text = "Inflation fell to 3% this year. Minister: Inflation fell to 3% this year."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "Inflation fell to 3%", "verified")
    second = appearances.tag_quote(project, article.id, "Inflation fell to 3%", "disputed",
                                   occurrence=2)
    new = text.replace("this year. Minister", "this year, he said. Minister")
    retext.set_article_text(project, article.id, new)
    assert appearances.get_appearance(project, first.id).start == 0
    assert appearances.get_appearance(project, second.id).start == new.rindex("Inflation")


def test_a_clitic_put_before_a_claim_leaves_it_whole(project):
    """«إن الحكومة» corrected to «إن والحكومة» was refused: a clitic joined to a word
    leaves it a word of its own, as Tag All and search find it."""
    text = "قال إن الحكومة رفعت الأسعار."
    article = articles.add_article(project, text, "t")
    claim = appearances.tag_quote(project, article.id, "الحكومة رفعت الأسعار", "disputed")
    new = text.replace("إن الحكومة", "إن والحكومة")
    retext.set_article_text(project, article.id, new)
    after = appearances.get_appearance(project, claim.id)
    assert new[after.start:after.end] == claim.quote


def test_a_deleted_claims_place_left_by_a_text_change_is_no_damage(project, tmp_path):
    """A claim deleted whole keeps a place whose words a text change took away, where it
    was: `check` called such a file damaged, and merging it was refused."""
    from store.core.project import integrity_problems
    from store.exchange.merge import merge_project

    deleted_whole_then_words_lost(project)
    project.backup(tmp_path / "sent.tahqiq")
    assert integrity_problems(tmp_path / "sent.tahqiq") == []
    with Project.open(tmp_path / "other.tahqiq", "other") as other:
        merged = merge_project(other, tmp_path / "sent.tahqiq")  # (a claim and its places,
        assert (merged.new_claims, merged.new_tombstones) == (0, 3)  # deleted: none shows)


def test_a_twin_restored_since_the_place_went_still_refuses_it(project):
    """Untagged B, then untagged A on the same words with the same verdict, then B
    restored: restoring A made two of one person's verdicts on those words."""
    text = "قال الوزير إن التضخم بلغ 3% في مارس."
    article = articles.add_article(project, text, "t")
    b = appearances.tag_quote(project, article.id, "التضخم بلغ 3%", "verified")
    appearances.delete(project, b.id)
    a = appearances.tag_quote(project, article.id, "التضخم بلغ 3%", "verified")
    appearances.delete(project, a.id)
    appearances.restore(project, b.id)
    with pytest.raises(DuplicateClaim):
        appearances.restore(project, a.id)


@pytest.mark.parametrize("said", [5, 6, 7, 8])
def test_a_file_whose_tables_are_newer_than_its_version_says_is_damaged(tmp_path, said,
                                                                        monkeypatch):
    """A project whose version another program lowered was upgraded again, and refused
    with «The change was not saved: table article_pieces already exists», as though this
    disk had failed. It is a damaged file, said in one line as any damage is, and left as
    it was: not «damaged or not a Tahqiq project (…: duplicate column name: label)» (rv189),
    and `tahqiq check` finds it too."""
    path = tmp_path / "lowered.tahqiq"
    Project.open(path, "tester").close()
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA user_version = {said}")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match=f"its tables are not those of schema {said}"):
        project_module.check_file(path, full=True)
    for found_by in ("the check", "the upgrade"):
        if found_by == "the upgrade":  # (a lowered version the check does not see)
            monkeypatch.setattr(schema, "later_columns", lambda columns, version: [])
        with pytest.raises(NotAProject, match=fr"^lowered.tahqiq is damaged \(its tables are "
                                              fr"not those of schema {said}, the version it "
                                              r"gives\); it was left untouched.$"):
            Project.open(path, "tester")
        assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_two_long_names_alike_but_at_their_end_keep_a_copy_each_when_upgraded(tmp_path):
    """Two projects named near the limit, alike but at their end, shortened to one
    «….tahqiq.schema9.bak»: the second upgrade wrote over the first's copy, and the first
    was told its file as it was is kept there (rv159)."""
    stem = "مشروع" * 24  # 240 bytes
    kept = {}
    for last in "اب":
        path = tmp_path / f"{stem[:-1]}{last}.tahqiq"
        path.write_bytes((ROOT / "tests" / "fixtures" / "schema9.tahqiq").read_bytes())
        with contextlib.closing(sqlite3.connect(path)) as old:
            old.execute("UPDATE articles SET title = ?", [last])
            old.commit()
        with Project.open(path, "tester") as project:
            kept[last] = project.upgraded[1]
    assert kept["ا"] != kept["ب"]
    for last, copy in kept.items():
        with contextlib.closing(sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)) as old:
            assert {row[0] for row in old.execute("SELECT title FROM articles")} == {last}


@pytest.mark.parametrize("stopped", ["writing its copy", "after its copy"])
def test_an_upgrade_stopped_leaves_one_copy_after_the_next(tmp_path, stopped):
    """The copy an upgrade stopped (killed) while writing is written over by the next
    upgrade, and one it finished is the copy: no second copy for each stop (rv159)."""
    path = tmp_path / "old.tahqiq"
    path.write_bytes((ROOT / "tests" / "fixtures" / "schema9.tahqiq").read_bytes())
    copy = tmp_path / "old.tahqiq.schema9.bak"
    if stopped == "writing its copy":  # (killed: its -journal beside it)
        import subprocess
        import sys

        killed = ("import os, sqlite3, sys\n"
                  "steps = iter(range(2))\n"
                  "def step(*_):\n"
                  "    if next(steps, None) is None: os._exit(9)\n"
                  "sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]), pages=2,"
                  " progress=step)\n")
        assert subprocess.run([sys.executable, "-c", killed, path, copy]).returncode == 9
        assert (tmp_path / "old.tahqiq.schema9.bak-journal").exists()
    else:
        with contextlib.closing(sqlite3.connect(path)) as old, \
                contextlib.closing(sqlite3.connect(copy)) as made:
            old.backup(made)
    with Project.open(path, "tester") as project:
        assert project.upgraded == (9, copy)
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == [copy.name]
    with contextlib.closing(sqlite3.connect(copy)) as kept:
        assert kept.execute("PRAGMA user_version").fetchone()[0] == 9
        assert kept.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_write_that_must_wait_for_another_program_says_so_around_the_wait(project):
    """on_wait is entered when, and only when, a write finds another program writing:
    the window tells the user around it (it waited up to 15 seconds without a word)."""
    import threading
    import time

    waits: list[str] = []

    @contextlib.contextmanager
    def told():
        waits.append("waiting")
        yield
        waits.append("done")

    project.on_wait = told
    articles.add_article(project, "نص أول", "one")
    assert waits == []  # no one else writing: no wait to tell of
    other = sqlite3.connect(project.path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, other.rollback).start()
    began = time.monotonic()
    articles.add_article(project, "نص ثان", "two")
    assert waits == ["waiting", "done"] and time.monotonic() - began >= 0.25
    assert project.conn.execute("PRAGMA busy_timeout").fetchone()[0] == \
        project_module.BUSY_TIMEOUT_SECONDS * 1000  # as it was
    other.execute("BEGIN IMMEDIATE")
    with project.not_waiting(), pytest.raises(StorageError, match="busy"):
        articles.add_article(project, "نص ثالث", "three")  # refused at once, untold
    other.rollback()
    other.close()
    assert waits == ["waiting", "done"]
    assert [a["title"] for a in articles.list_articles(project)] == ["one", "two"]


def test_a_project_in_a_folder_that_cannot_be_searched_cannot_be_read(tmp_path,
                                                                      monkeypatch):
    """rv181: Path.exists raised PermissionError (Python 3.11) for a folder without its
    x bit or on a stale network mount, a traceback where an unreadable file is said."""
    import errno
    import os

    folder, real = tmp_path / "locked", os.stat
    folder.mkdir()

    def stat(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(NotAProject, match=r"^Cannot read .*p\.tahqiq: Permission denied\.$"):
        Project.open(folder / "p.tahqiq", "me")


def test_a_new_projects_name_leaves_room_for_sqlites_side_files(tmp_path):
    """A name of about 121 Arabic letters was made as an empty file and refused as
    «unable to open database file»: SQLite's «NAME-journal» was too long for the
    folder. It is refused before anything is made, saying why; a name with room works."""
    from store.errors import StorageError

    too_long = tmp_path / ("ا" * 121 + ".tahqiq")  # 249 bytes, and «-journal» makes 257
    with pytest.raises(StorageError, match="too long for a project"):
        Project.open(too_long, "me")
    assert list(tmp_path.iterdir()) == []
    with Project.open(tmp_path / ("ا" * 120 + ".tahqiq"), "me") as project:
        assert project.schema_version == schema.SCHEMA_VERSION


def test_a_project_named_too_long_elsewhere_is_refused_in_one_sentence(tmp_path):
    """A name of 124 Arabic letters (255 bytes: a colleague's copy, renamed on another
    system) was refused as «File name too long: NAME.tahqiq-wal», a file never seen, and
    in the window as «Something went wrong: OSError» (rv93). Said, and left untouched."""
    from store.errors import StorageError

    made = Project.open(tmp_path / ("ت" * 120 + ".tahqiq"), "me")  # 247 bytes: allowed
    made.close()
    renamed = made.path.rename(tmp_path / ("ت" * 124 + ".tahqiq"))
    before = renamed.read_bytes()
    with pytest.raises(StorageError, match="too long to open as a project here.*Rename"):
        Project.open(renamed, "me")
    assert renamed.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [renamed]


@pytest.mark.parametrize("letters", [121, 124, 130])
def test_a_copy_to_a_name_too_long_is_refused_saying_so(tmp_path, letters):
    """Back Up to such a name ended in «Something went wrong: OSError» (rv93)."""
    from store.errors import StorageError

    with Project.open(tmp_path / "p.tahqiq", "me") as project, \
            pytest.raises(StorageError, match="too long for a project"):
        project.backup(tmp_path / ("ت" * letters + ".tahqiq"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.tahqiq"]


@pytest.mark.parametrize("ending", ["-backup", "-recovered-12", ".tahqiq.schema9"])
def test_a_name_beside_a_long_one_is_shortened_to_fit(tmp_path, ending):
    """The names Tahqiq makes beside a project (a copy, the copy kept before an upgrade)
    were longer than the file system takes when the project's own name was near it."""
    from store.core.paths import fits, name_beside

    path = tmp_path / ("ت" * 120 + ".tahqiq")  # 247 bytes: room for «-journal» only
    beside = name_beside(path, ending)
    assert fits(beside) and beside.parent == tmp_path
    assert beside.name.endswith(f"{ending}.tahqiq") and beside.name.startswith("ت" * 100)
    assert name_beside(tmp_path / "p.tahqiq", ending).name == f"p{ending}.tahqiq"


def test_a_quote_typed_without_the_marks_on_its_last_letter_takes_them(project):
    """`tag --quote خانه` left the ezafe's hamza of «خانهٔ» outside the claim, «كلاما»
    the tanween of «كلاماً»: search and Ctrl+F take them, on the letter they sit on."""
    text = "قال الوزير إن خانهٔ الشعب قال كلاماً."
    for typed, words in (("خانه", "خانهٔ"), ("كلاما", "كلاماً"), ("الوزير", "الوزير")):
        (start, end), = appearances.quote_spans(text, typed)
        assert text[start:end] == words, typed


@pytest.mark.parametrize("text, typed, words", [
    ("مدرسۂ ما اور مدرسہ ان کا", "مدرسہ", ["مدرسۂ", "مدرسہ"]),
    ("وہ گۓ اور ہم گے", "گے", ["گۓ", "گے"]),
    ("خانهٔ ما و خانه", "خانه", ["خانهٔ", "خانه"])])
def test_a_quote_without_the_ezafes_hamza_counts_the_word_with_it(project, text, typed,
                                                                  words):
    """Urdu writes the ezafe's hamza on ہ and ے as one letter (ۂ ۓ): `tag --quote مدرسہ`
    took the bare word further on as the first occurrence, and «--occurrence 2» said
    there was only one; Persian's «خانهٔ», where the hamza is a mark of its own, counted
    already. Each is an occurrence, in the order of the text."""
    assert [text[start:end] for start, end in appearances.quote_spans(text, typed)] == words
    article = articles.add_article(project, text, "t")
    second = appearances.tag_quote(project, article.id, typed, "verified", occurrence=2)
    assert second.quote == words[1]


def test_words_tagged_without_the_marks_on_their_last_letter_are_the_same_words(project):
    """A place made without its tanween (or the ezafe's hamza, folded since schema 13)
    and a quote or Tag All that takes it: `tag --quote` again made a second claim of mine
    on the same words, and Tag All a twin place of the claim beside the first."""
    from store.text.fold import find_like, fold

    text = "قال كلاماً كثيراً. ثم قال كلاماً آخر."
    article = articles.add_article(project, text, "t")
    bare = text.index("كلاما")
    first = appearances.create_claim(project, article.id, bare, bare + len("كلاما"),
                                     "disputed")  # (as the command line made it before)
    again = appearances.tag_quote(project, article.id, "كلاما", "verified")
    assert again.claim_id == first.claim_id and again.label == "verified"
    spans = find_like(fold(text), bare, bare + len("كلاما"))
    assert spans[0] == (bare, bare + len("كلاماً"))
    plan = appearances.plan_tag_all(project, article.id, spans, first.claim_id)
    assert plan.spans == spans[1:]
    project.annotator = "omar"  # a colleague's Tag All onto my claim: the same words too
    assert appearances.plan_tag_all(project, article.id, spans, first.claim_id).spans == \
        spans[1:]


def test_a_place_on_exactly_the_words_wins_over_one_without_their_marks(project):
    """Two claims of mine on «كلام» and «كلامٌ» (the second made before marks were the
    same words): a verdict key on «كلامٌ» relabelled the first."""
    text = "قال إن هذا كلامٌ مهم."
    article = articles.add_article(project, text, "t")
    at = text.index("كلام")
    bare = appearances.create_claim(project, article.id, at, at + 4, "verified")
    whole = appearances.create_claim(project, article.id, at, at + 5, "disputed")
    assert appearances.own_place_at(project, article.id, at, at + 5).id == whole.id
    assert appearances.own_place_at(project, article.id, at, at + 4).id == bare.id
    tagged = appearances.tag_quote(project, article.id, "كلامٌ", "unchecked")
    assert tagged.id == whole.id and tagged.label == "unchecked"


def test_times_are_shown_in_the_computers_time_zone(project, monkeypatch):
    """Stored in UTC and shown so with nothing to say it, a checker's edit in Beirut
    read as made two hours earlier, in the window and in `tahqiq history`."""
    import time

    from store.core.stamps import shown_time
    from store.review import story

    article = articles.add_article(project, "some text here", "t")
    made = appearances.create_claim(project, article.id, 0, 4, "verified")
    created = claims.get_claim(project, made.claim_id).created
    try:
        monkeypatch.setenv("TZ", "Asia/Kathmandu")  # UTC+05:45, all year
        time.tzset()
        assert shown_time("2026-11-29T15:40:02.547998Z") == "2026-11-29 21:25"
        assert shown_time("2026-11-29T15:40:02.547998Z", seconds=True) == "2026-11-29 21:25:02"
        local = datetime.fromisoformat(created).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        assert local != created[:19].replace("T", " ")
        told = story.tell_all(history.for_claim(project, made.claim_id))
        assert str(told[0]).startswith(local)
        assert story.describe(history.for_claim(project, made.claim_id)[0]).startswith(
            created[:19].replace("T", " "))  # (the command line's: UTC, as the README says)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown_time("yesterday") == "yesterday"  # (written by another program)


def test_an_articles_details_hold_no_control_or_override(project, tmp_path):
    """A sidecar's title «ESC ]0;…BEL» retitled the terminal that listed it (the escape goes
    whole since rv268), an RLO in it turned the rest of the article list's row backwards,
    and a C1 «\\x9b» (a terminal's escape on its own) stayed in an imported text."""
    from store.exchange import importing

    (tmp_path / "a.txt").write_text("نص\x9b المقال.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(
        {"title": "عنوان\x1b]0;PWNED\x07 \u202eكاذب", "outlet": "وكالة\nالأنباء"}),
        encoding="utf-8")
    outcome = importing.import_file(project, tmp_path / "a.txt")
    stored = articles.get_article(project, outcome.article_id)
    assert (stored.title, stored.outlet) == ("عنوان كاذب", "وكالة الأنباء")
    assert stored.text.strip() == "نص المقال."
    edited = articles.update_metadata(project, stored.id, title="\u202eأ\x00ب ", url="")
    assert edited.title == "أب"


def test_an_article_address_loses_the_direction_marks_at_its_ends(project):
    """rv56: a source loses an RLM copied at its end; an article's address kept it and
    was then no web link, left out of W3C and ClaimReview (with a note on the command line)."""
    from store.core import articles
    from store.exchange import jsonld

    article = articles.add_article(project, "نص المقال.", "عنوان")
    changed = articles.update_metadata(project, article.id, url="https://example.com/a\u200f")
    assert changed.url == "https://example.com/a"
    assert jsonld.article_url({"url": "\u200fhttps://example.com/b\u200f"}) == "https://example.com/b"


def test_a_project_with_room_for_its_wal_but_not_a_journal_still_opens(tmp_path):
    """rv96: a name of 249 to 251 bytes (122 Arabic letters), opened and written in WAL
    mode before, was refused as «too long to open as a project here»."""
    made = Project.open(tmp_path / "p.tahqiq", "me")
    made.close()
    renamed = made.path.rename(tmp_path / ("ت" * 122 + ".tahqiq"))  # 251 bytes
    with Project.open(renamed, "me") as project:
        assert project.path == renamed


def test_a_name_of_control_characters_alone_is_no_name(monkeypatch):
    """A name kept without its controls (rv245) that had nothing else signed changes with
    an empty name, which a sheet of them then refused («annotator is empty»)."""
    from store.core.stamps import default_annotator

    monkeypatch.setenv("TAHQIQ_USER", "huda")
    assert Project.in_memory("\x1b\u202e").annotator == default_annotator() == "huda"
    assert Project.in_memory("ق \u202e").annotator == "ق"
    assert Project.in_memory("").annotator == ""  # (none given: as before)
