"""The house rules for text, each guarded against the mistake that would break it unseen:
code points and UTF-16 meet in gui/offsets.py, a claim keeps its quote with its context
(store/text/anchoring.py, store/core/retext.py), and the exports carry both selectors
(store/exchange/jsonld.py, csv_format.py). Each test fails under at least one small change
to those modules (an off-by-one, a swapped side, a dropped check) that the rest of the
suite let pass (rv152's mutation review)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import utf16_index

from gui.offsets import OffsetMap
from store.core import appearances, articles, claims, history, retext, settings
from store.core.project import Project
from store.core.stamps import utcnow
from store.errors import AnchorLost, CsvRejected
from store.exchange import csv_format, exporting
from store.exchange.csv_format import import_claims_csv
from store.text import anchoring


# -- gui/offsets.py ----------------------------------------------------------------------
def test_a_whole_selection_after_an_emoji_is_its_words_and_no_more():
    """Words selected whole, after an emoji, become exactly their code points: not one
    more character at the end (a tag taking in the space after the words)."""
    text = "😀 said yes. 🇸🇾 no"
    offsets = OffsetMap(text)
    start, end = text.index("said"), text.index("said") + len("said yes")
    assert offsets.span_to_code_points(utf16_index(text, start), utf16_index(text, end)) == (
        start, end)
    assert offsets.span_to_code_points(0, offsets.length_u16) == (0, len(text))


def test_a_selection_starting_between_the_halves_of_an_emoji_takes_it_whole():
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.span_to_code_points(2, 4) == (1, 3)  # second half of 😀 to the end


def test_a_place_ending_on_an_emoji_is_shown_to_its_last_half():
    """A claim whose words end with an emoji is highlighted over the whole pair."""
    text = "x نعم 😀 y"
    offsets = OffsetMap(text)
    start, end = 2, text.index("😀") + 1
    assert offsets.span_to_utf16(start, end) == (utf16_index(text, start),
                                                 utf16_index(text, end))
    assert offsets.span_to_utf16(0, len(text)) == (0, offsets.length_u16)


def test_the_first_character_outside_the_basic_plane_counts_two():
    """U+10000, the first astral code point (LINEAR B SYLLABLE B008 A), is two UTF-16
    units like every other."""
    text = "\U00010000x"
    offsets = OffsetMap(text)
    assert not offsets.same_units
    assert offsets.to_utf16(1) == 2 == utf16_index(text, 1)
    assert offsets.length_u16 == 3


# -- store/text/anchoring.py -------------------------------------------------------------
def test_the_whole_stored_prefix_outscores_all_but_its_farthest_character():
    """The place whose words are preceded by the whole stored prefix wins over one that
    differs only in the prefix's farthest character, even when that one is nearer the
    old position."""
    text = "XB said yes. YB said yes."
    assert anchoring.locate(text, "yes", "XB said ", "", hint=21) == 8


def test_the_whole_stored_suffix_outscores_all_but_its_farthest_character():
    text = "yes. X1 yes. X2"
    assert anchoring.locate(text, "yes", "", ". X1", hint=8) == 0


def test_the_old_position_is_kept_only_when_its_prefix_is_still_the_claims():
    """The same words now stand at the claim's old offsets, after another prefix: the
    claim's own words (its prefix before them) are found, not the old offsets."""
    text = "A said yes. B said yes."
    assert anchoring.locate(text, "yes", "A said ", "", hint=19) == 7


def test_words_still_at_the_old_offsets_but_outside_what_an_edit_rewrote_are_not_taken():
    """*within*: the quote stood in what an edit rewrote, so it must now touch what the
    edit wrote there; the same words with the same context elsewhere, even at the old
    offsets, were other words (locate's contract, as set_article_text calls it)."""
    assert anchoring.locate("yes. yes.", "yes", "", ".", hint=5, within=(0, 3)) == 0
    assert anchoring.locate("yes. yes.", "yes", "", ".", hint=5, within=(4, 9)) == 5


def test_a_vowel_mark_put_after_a_claims_last_letter_leaves_it_inside_a_word(project):
    """A haraka is part of its letter's word: the text given its tashkeel («محمدٌ»)
    no longer holds the claim's «محمد» as a word of its own, and a haraka before the
    words («مُحمد») leaves «حمد» inside one."""
    text = "قال محمد اليوم إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "محمد", "disputed")
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, text.replace("محمد", "محمدٌ"))
    assert err.value.claim_ids == [place.id]
    assert not anchoring.edges_kept("قال مُحمد", 6, "حمد", " ", "")


def test_a_vowel_mark_before_a_claims_words_does_not_make_them_a_word_of_their_own(project):
    """rv178: starts_word read the kasra of «الإِسلام» as a break before «سلام», not as the
    alef's: the claim on the word «سلام» moved silently onto its end, where «الإسلام»
    without it was refused. A clitic with its haraka («وَالحكومة») still leaves a word."""
    text = "قال رئيس لجنة سلام المدينة إن الاتفاق انتهى."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "سلام", "disputed")
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, text.replace("سلام", "الإِسلام"))
    assert err.value.claim_ids == [place.id]
    assert appearances.get_appearance(project, place.id).start == text.index("سلام")
    assert anchoring.locate("قالت الحُكومة", "كومة", " ", "") is None
    assert anchoring.locate("قالت وَالحكومة", "حكومة", " ", "") == 9
    assert anchoring.locate("قالت وَالحكومة", "الحكومة", " ", "") == 7
    assert anchoring.locate("قالت حكومةٌ", "حكومة", " ", "") is None  # its own letter's


def test_the_text_folded_to_read_a_claims_edges_grows_twice_as_far_each_time(monkeypatch):
    """What folding removes (16,000 tatweels before «سلام») is stepped over by folding
    twice as far back each time: five more characters at a time folded the slice again
    and again, six seconds for one claim (rv186). Counted in characters folded."""
    from store.text import unfolded_find

    folded = []
    real = anchoring.fold_for_index
    monkeypatch.setattr(anchoring, "fold_for_index", lambda t: folded.append(len(t)) or real(t))
    text = "كتاب" + "\u0640" * 16_000 + "سلام"
    assert not anchoring.edges_kept(text, text.index("سلام"), "سلام", "", "")
    assert sum(folded) < 4 * len(text)
    real_few = unfolded_find._fold_few
    folded.clear()
    monkeypatch.setattr(unfolded_find, "_fold_few", lambda t: folded.append(len(t)) or real_few(t))
    assert unfolded_find._folded_before(text, text.index("سلام")) == "كتاب"[-4:]
    assert unfolded_find._folded_after("12" + "\u0640" * 16_000 + "3", 2) == "3"
    assert sum(folded) < 8 * len(text)


def test_a_claim_at_the_texts_start_is_not_found_glued_to_a_digit_put_before_it(project):
    """A claim at the very start of the text has no prefix; its start was still a word's
    edge: «5%» with a «1» typed before it is «15%», not the claim."""
    text = "5% هي البطالة هذا العام، و15% العام الماضي."
    article = articles.add_article(project, text, "t")
    place = appearances.create_claim(project, article.id, 0, 2, "disputed")
    assert place.prefix == ""
    with pytest.raises(AnchorLost):
        retext.set_article_text(project, article.id, "1" + text)
    assert not anchoring.edges_kept("15% x", 1, "5%", "", " x")


def test_the_prefix_is_matched_from_the_quote_outwards():
    """The words nearest the quote count: «… said yes» matches a stored «AB said » better
    than «AB xxxx yes», which shares only the prefix's far end."""
    assert anchoring.locate("ZZ said yes. AB xxxx yes.", "yes", "AB said ", "") == 8


def test_a_place_near_the_texts_start_counts_the_prefix_it_has_room_for():
    """A quote five characters into the text can match only five of its prefix's: those
    count (a slice from a negative offset counted none)."""
    assert anchoring.locate("said yes. ZZ kaid yes.", "yes", "XY said ", "") == 5


def test_the_suffix_tells_two_places_with_the_same_prefix_apart():
    assert anchoring.locate("yes A. yes B.", "yes", "", " B.", hint=0) == 7


@pytest.mark.parametrize(("text", "quote", "edited"), [
    ("البطالة 5% هذا العام.", "5%", "البطالة 15% هذا العام."),  # starts a word, ends with %
    ("it cost $5 today.", "$5", "it cost $50 today."),  # starts with $, ends a word
])
def test_an_edge_is_kept_whichever_end_of_the_quote_is_a_letter(project, text, quote, edited):
    """«5%» made «15%», «$5» made «$50»: the side of the quote that was a word's edge is
    inside a number now, though the quote's other end is no letter."""
    article = articles.add_article(project, text, "t")
    appearances.tag_quote(project, article.id, quote, "disputed")
    with pytest.raises(AnchorLost):
        retext.set_article_text(project, article.id, edited)


# -- store/core/retext.py ---------------------------------------------------------------
def test_of_two_places_found_on_the_same_words_the_one_they_fit_best_keeps_them(project):
    """A repeated word deleted: both places of a Tag All claim are found on the one «no»
    left. The place whose context it fits best is the words; the other is named lost."""
    text = "the minister said no. no, he said again."
    article = articles.add_article(project, text, "t")
    first = appearances.tag_quote(project, article.id, "no", "disputed")
    second = appearances.tag_quote(project, article.id, "no", None, occurrence=2,
                                   same_as=first.claim_id)
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, "the minister said no, he said again.")
    assert err.value.claim_ids == [second.id]


def test_a_repeated_word_deleted_at_the_texts_end_loses_the_last_place():
    """«no no» made «no»: the texts share «…Then: no» from the start, so the last «no» is
    what the edit took away (the shared start and end do not overlap): that place is
    named lost, not the one whose words are still there."""
    project = Project.in_memory("tester")
    article = articles.add_article(project, "He said: no. Then: no no", "t")
    first = appearances.tag_quote(project, article.id, "no", "disputed", occurrence=2)
    last = appearances.tag_quote(project, article.id, "no", None, occurrence=3,
                                 same_as=first.claim_id)
    with pytest.raises(AnchorLost) as err:
        retext.set_article_text(project, article.id, "He said: no. Then: no")
    assert err.value.claim_ids == [last.id]


@pytest.mark.parametrize("copies", [8, 6])
def test_words_the_edit_did_not_touch_keep_their_place_in_repeated_lines(project, copies):
    """A typo mended just after a claim's words in a text of repeated lines: their whole
    context now stands in several other lines (8), none of them more theirs than
    another; or once more (6), in a line the edit did not write - another copy, there
    before the edit, where the claim went unsaid (rv152). The words, which the edit did
    not touch, keep their place."""
    line = "the deal failed. "
    article = articles.add_article(project, line * copies, "t")
    place = appearances.tag_quote(project, article.id, "deal", "disputed", occurrence=2)
    retext.set_article_text(project, article.id,
                            line + "the deal fails. " + line * (copies - 2))
    after = appearances.get_appearance(project, place.id)
    assert (after.start, after.end) == (place.start, place.end)


def test_words_whose_whole_context_now_stands_once_after_a_copy_go_with_it(project):
    """«the deal » typed again before «the deal failed.»: the claim's words, with their
    whole context, are the second «deal» now - at the quote, not where its prefix
    begins."""
    article = articles.add_article(project, "the deal failed.", "t")
    place = appearances.tag_quote(project, article.id, "deal", "disputed")
    new = "the deal the deal failed."
    retext.set_article_text(project, article.id, new)
    after = appearances.get_appearance(project, place.id)
    assert (after.start, after.quote, new[after.start:after.end]) == (13, "deal", "deal")


def test_a_text_change_is_in_the_articles_history(project):
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "t")
    new = retext.set_article_text(project, article.id, "قال الوزير إن النمو بلغ 6%.")
    [entry] = [e for e in history.for_entity(project, article.id) if e.action == "retext"]
    assert (entry.before, entry.after) == ({"fingerprint": article.fingerprint},
                                           {"fingerprint": new.fingerprint})


# -- store/exchange/jsonld.py ------------------------------------------------------------
def publishing(project):
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    return project


def w3c_by_id(project) -> dict[str, dict]:
    return {a["id"]: a for a in json.loads(exporting.export_text(project, "w3c"))}


def reviews_by_id(project) -> dict[str, dict]:
    return {r["@id"]: r for r in json.loads(exporting.export_text(project, "claimreview"))}


def test_w3c_exact_is_the_stored_words_even_with_a_space_at_their_end(project):
    """A place as an older Tahqiq made it, a double-clicked word with the space after it,
    is exported as it stands: exact is text[start:end], the words the positions hold."""
    text = "قال الوزير كلاما ثم غادر."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    project.conn.execute('UPDATE appearances SET "end" = "end" + 1, quote = quote || \' \' '
                         "WHERE id = ?", [place.id])
    [note] = w3c_by_id(project).values()
    quote, position = note["target"]["selector"]
    assert quote["exact"] == text[position["start"]:position["end"]] == "الوزير "


def test_w3c_body_has_no_comment_when_the_claim_has_no_note(project):
    article = articles.add_article(project, "قال الوزير كلاما ثم غادر.", "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    body = w3c_by_id(project)[f"urn:uuid:{place.id}"]["body"]
    assert [part["purpose"] for part in body] == ["assessing", "identifying"]


def test_w3c_body_links_only_web_sources_a_merged_file_brought(project):
    """A colleague's file can hold any text as a source («javascript:…»): W3C, like
    ClaimReview, links web links only."""
    article = articles.add_article(project, "قال الوزير كلاما ثم غادر.", "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed",
                                  sources=["https://evidence.example/1"])
    project.conn.execute("UPDATE claims SET sources = ? WHERE id = ?",
                         [json.dumps(["javascript:alert(1)", "https://evidence.example/1"]),
                          place.claim_id])
    assert claims.get_claim(project, place.claim_id).sources[0] == "javascript:alert(1)"
    body = w3c_by_id(project)[f"urn:uuid:{place.id}"]["body"]
    assert [part["source"] for part in body if part["purpose"] == "linking"] == [
        "https://evidence.example/1"]


def test_w3c_creator_is_who_tagged_these_words_not_who_made_the_claim(project):
    text = "قال الوزير كلاما. ثم قال الوزير كلاما آخر."
    article = articles.add_article(project, text, "t")
    mine = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    colleague = Project.open(project.path, "colleague", create=False)
    try:
        at = text.rindex("الوزير")
        theirs = appearances.add(colleague, mine.claim_id, article.id, at, at + 6)
    finally:
        colleague.close()
    notes = w3c_by_id(project)
    assert notes[f"urn:uuid:{mine.id}"]["creator"]["name"] == "tester"
    assert notes[f"urn:uuid:{theirs.id}"]["creator"]["name"] == "colleague"


def test_claimreview_reviews_the_words_of_the_claims_first_place(project):
    """A claim tagged first on «قال الوزير», then on other words: claimReviewed is the
    first place's words."""
    first = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    second = articles.add_article(project, "نص المقال الثاني عن الاقتصاد.", "b")
    place = appearances.tag_quote(project, first.id, "قال الوزير", "disputed")
    at = second.text.index("الاقتصاد")
    appearances.add(project, place.claim_id, second.id, at, at + len("الاقتصاد"))
    review = reviews_by_id(publishing(project))[f"urn:uuid:{place.claim_id}"]
    assert review["claimReviewed"] == "قال الوزير"
    assert len(review["itemReviewed"]["appearance"]) == 2


def test_a_verdict_rated_at_the_worst_end_of_the_scale_keeps_its_rating(project):
    """«disputed» is rated 1, the scale's worst: a rating at either end is on the scale."""
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    rating = reviews_by_id(publishing(project))[f"urn:uuid:{place.claim_id}"]["reviewRating"]
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (1, 1, 5)


def test_an_articles_date_another_program_stored_with_spaces_is_still_its_date(project):
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    project.conn.execute("UPDATE articles SET published = ' 2024-06-19 ', language = ' ar ' "
                         "WHERE id = ?", [article.id])
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    [work] = reviews_by_id(publishing(project))[f"urn:uuid:{place.claim_id}"][
        "itemReviewed"]["appearance"]
    assert work["datePublished"] == "2024-06-19" and work["inLanguage"] == "ar"


def test_a_claims_place_on_a_deleted_article_is_not_reviewed(project):
    """An article deleted with a place still tagged on it (a file another program wrote;
    Tahqiq untags them with the article) is no appearance of the claim."""
    first = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    second = articles.add_article(project, "ثم قال الوزير إن النمو بلغ 5%.", "b")
    place = appearances.tag_quote(project, first.id, "قال الوزير", "disputed")
    at = second.text.index("قال الوزير")
    appearances.add(project, place.claim_id, second.id, at, at + len("قال الوزير"))
    project.conn.execute("UPDATE articles SET deleted = ? WHERE id = ?",
                         ["2025-03-04T10:00:00.000000Z", second.id])
    [work] = reviews_by_id(publishing(project))[f"urn:uuid:{place.claim_id}"][
        "itemReviewed"]["appearance"]
    assert work["headline"] == "a"


def test_w3c_modified_is_the_claims_last_change_when_its_verdict_changed_later(project):
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    place = appearances.tag_quote(project, article.id, "قال الوزير", "unchecked")
    relabelled = claims.update_claim(project, place.claim_id, label="disputed")
    assert relabelled.updated > place.updated
    note = w3c_by_id(project)[f"urn:uuid:{place.id}"]
    assert (note["created"], note["modified"]) == (place.created, relabelled.updated)


def test_claimreview_is_modified_when_one_of_its_places_is_untagged(project):
    """Words of the claim untagged (itemReviewed loses an article) are a modification,
    which neither the claim's nor the remaining places' own times tell."""
    first = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "a")
    second = articles.add_article(project, "ثم قال الوزير إن النمو بلغ 5%.", "b")
    place = appearances.tag_quote(project, first.id, "قال الوزير", "disputed")
    at = second.text.index("قال الوزير")
    other = appearances.add(project, place.claim_id, second.id, at, at + len("قال الوزير"))
    old = "2025-03-04T10:00:00.000000Z"
    project.conn.execute("UPDATE claims SET created = ?, updated = ?", [old, old])
    project.conn.execute("UPDATE appearances SET created = ?, updated = ?", [old, old])
    project.conn.execute("UPDATE articles SET updated = ?", [old])
    assert reviews_by_id(publishing(project))[f"urn:uuid:{place.claim_id}"][
        "dateModified"] == "2025-03-04"
    appearances.delete(project, other.id)
    review = reviews_by_id(project)[f"urn:uuid:{place.claim_id}"]
    assert len(review["itemReviewed"]["appearance"]) == 1
    assert review["dateModified"] == utcnow()[:10]


# -- store/exchange/csv_format.py --------------------------------------------------------
def exported_rows(project) -> tuple[list[str], list[list[str]]]:
    header, *rows = csv.reader(io.StringIO(
        exporting.export_text(project, "csv").removeprefix("\ufeff"), newline=""))
    return header, rows


def sheet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([header, *rows])
    return path


@pytest.mark.parametrize(("inside", "said"), [
    (" ", "the quote is only spaces"),
    ("\u200f", "the quote is only harakat or other marks"),
    ("\u064b", "the quote is only harakat or other marks")])
def test_a_sheets_place_on_no_words_is_refused(project, tmp_path, inside, said):
    """Offsets moved in a sheet onto a space, a direction mark or a haraka alone, with
    the quote cell that character to match: no claim is made of it (a mark alone was
    made one, an invisible quote, where the window refuses to tag such words: rv152)."""
    text = f"قال الوزير{inside.strip()} إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    appearances.tag_quote(project, article.id, "الوزير", "disputed")
    header, [row] = exported_rows(project)
    at = text.index(inside)
    cells = {"start": str(at), "end": str(at + 1), "quote": inside, "prefix": text[:at],
             "suffix": text[at + 1:at + 33]}
    for name, value in cells.items():
        row[header.index(name)] = value
    dest = Project.in_memory("importer")
    articles.add_article(dest, text, "t")
    with pytest.raises(CsvRejected) as info:
        import_claims_csv(dest, sheet(tmp_path / "place.csv", header, [row]))
    assert info.value.problems == [(2, said)]
    assert appearances.list_appearances(dest) == []


def test_a_cell_a_spreadsheet_gave_back_without_its_apostrophe_keeps_its_lead(project,
                                                                              tmp_path):
    """Excel keeps the export's leading apostrophe as a text mark and saves the cell
    without it: «-2 نقطة» typed or given back so is the note, its «-» kept (only the one
    apostrophe the export added is ever taken away)."""
    text = "قال الوزير إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed", note="-2 نقطة")
    header, [row] = exported_rows(project)
    assert row[header.index("note")] == "'-2 نقطة"
    row[header.index("note")] = "-2 نقطة"
    dest = Project.in_memory("importer")
    articles.add_article(dest, text, "t")
    import_claims_csv(dest, sheet(tmp_path / "excel.csv", header, [row]))
    assert claims.get_claim(dest, place.claim_id).note == "-2 نقطة"


def test_a_cell_with_a_semicolon_is_quoted_for_sheets_that_split_on_it(project):
    """LibreOffice's Text Import splits on semicolons too (and Excel in France or
    Germany): a note holding one is written in quotes, one cell."""
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "t")
    appearances.tag_quote(project, article.id, "الوزير", "disputed", note="أولا؛ ثانيا; ثالثا")
    data = exporting.export_text(project, "csv")
    assert ',"أولا؛ ثانيا; ثالثا",' in data


def test_the_csv_columns_are_in_the_documented_order(project):
    """The file contract is the columns in csv_format's table, in that order: quote, then
    prefix, then suffix (a sheet's formulas and a newsroom's scripts read them by place)."""
    documented = re.findall(r"^``(\w+)``  ", csv_format.__doc__, re.MULTILINE)
    article = articles.add_article(project, "قال الوزير إن النمو بلغ 5%.", "t")
    appearances.tag_quote(project, article.id, "الوزير", "disputed")
    header, [row] = exported_rows(project)
    assert header == documented == list(csv_format.CSV_COLUMNS)
    assert [row[header.index(name)] for name in ("quote", "prefix", "suffix")] == [
        "الوزير", "قال ", " إن النمو بلغ 5%."]
    assert header[6:9] == ["quote", "prefix", "suffix"]


def test_a_short_prefix_cell_a_windows_editor_gave_crlf_line_ends_is_the_texts_own(
        project, tmp_path):
    """A sheet's own short prefix (fewer characters than an export writes) holding a line
    break, saved by an editor that made it CRLF: the same words, found by their length
    as the project keeps them, not refused as «prefix does not match»."""
    text = "عنوان المقال\nقال الوزير إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    header, [row] = exported_rows(project)
    row[header.index("prefix")] = "المقال\r\nقال "
    dest = Project.in_memory("importer")
    articles.add_article(dest, text, "t")
    import_claims_csv(dest, sheet(tmp_path / "crlf.csv", header, [row]))
    assert appearances.get_appearance(dest, place.id).prefix == "المقال\nقال "


def test_a_new_place_a_sheet_without_place_ids_puts_onto_a_space_is_refused(project, tmp_path):
    """A sheet without the appearance_id column names places by claim and offsets: a row
    whose offsets take in the space after the words (one off, the quote cell to match)
    makes no place on words and a space."""
    text = "قال الوزير إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    header, [row] = exported_rows(project)
    row[header.index("end")] = str(place.end + 1)
    row[header.index("quote")] = "الوزير "
    row[header.index("suffix")] = text[place.end + 1:place.end + 33]
    at = header.index("appearance_id")
    del header[at], row[at]
    dest = Project.in_memory("importer")
    articles.add_article(dest, text, "t")
    with pytest.raises(CsvRejected) as info:
        import_claims_csv(dest, sheet(tmp_path / "space.csv", header, [row]))
    assert "take in a space beside the words" in info.value.problems[0][1]


def test_an_offset_a_sheet_padded_with_zeros_is_still_its_number(project, tmp_path):
    """«0000000000000004» (a cell formatted to 16 digits) is 4: only its own digits count
    against the longest offset read."""
    text = "قال الوزير إن النمو بلغ 5%."
    article = articles.add_article(project, text, "t")
    place = appearances.tag_quote(project, article.id, "الوزير", "disputed")
    header, [row] = exported_rows(project)
    row[header.index("start")] = str(place.start).zfill(16)
    dest = Project.in_memory("importer")
    articles.add_article(dest, text, "t")
    import_claims_csv(dest, sheet(tmp_path / "zeros.csv", header, [row]))
    assert appearances.get_appearance(dest, place.id).start == place.start
