"""Exports: JSON dump, W3C Web Annotations, schema.org ClaimReview, progress and cancelling."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from store.core import appearances, articles, claims, labels, settings
from store.core.project import Project
from store.core.records import Claim
from store.core.stamps import utcnow
from store.errors import ArticleNotFound, ExportCancelled, InvalidSetting, NotPublishable
from store.exchange import exporting, jsonld
from store.review import reviews

SAMPLE_QUOTE = "أقوى معاهدة على الإطلاق"  # in the seeded sample article
TEXT = "🇸🇾 ok 😀 قال الوزير \"إن النمو بلغ 5٪\"، ثم غادر.\nسطر ثانٍ عن التضخم."
ARABIC_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@pytest.fixture
def two(project):
    """Two articles (one with web metadata), live and deleted claims, and reviews."""
    first = articles.add_article(project, TEXT, "مقال أول", url="https://news.example/a",
                                 published="2024-06-19", outlet="وكالة", language="ar")
    second = articles.add_article(project, "نص المقال الثاني عن الاقتصاد.", "مقال ثانٍ")
    made = {
        "ok": appearances.tag_quote(project, first.id, "ok", "verified", note="=1+1\nسطر",
                               sources=["https://evidence.example/1", "https://e.example/2"]),
        "minister": appearances.tag_quote(project, first.id, "قال الوزير", "disputed"),
        "economy": appearances.tag_quote(project, second.id, "الاقتصاد", "unchecked"),
        "gone": appearances.tag_quote(project, first.id, "التضخم", "disputed"),
    }
    made["gone"] = claims.delete_claim(project, made["gone"].id)
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    return project, first, second, made


def add_review(project, claim_id: str, decision: str, created: str) -> None:
    with project.transaction():
        project.db["reviews"].insert({"id": f"r-{claim_id}-{created}", "claim_id": claim_id,
                                      "reviewer": "rev", "decision": decision,
                                      "comment": "تعليق", "created": created})


def test_formats_are_the_documented_four():
    assert exporting.FORMATS == ("csv", "json", "w3c", "claimreview")


def test_unknown_format_and_unknown_article_are_refused(project):
    with pytest.raises(ValueError, match="unknown export format"):
        exporting.export_text(project, "xml")
    with pytest.raises(ArticleNotFound):
        exporting.export_text(project, "csv", "no-such-article")


# -- json ------------------------------------------------------------------------------------
def test_json_gives_back_every_claim_field_exactly(two):
    project, *_ = two
    data = exporting.read_project_json(exporting.export_bytes(project, "json"))

    assert {"articles", "labels", "claims", "appearances", "reviews", "history"} <= set(data)
    rebuilt = [Claim(**dict(c, sources=tuple(c["sources"]))) for c in data["claims"]]
    assert rebuilt == claims.list_claims(project, include_deleted=True)
    assert any(c.is_deleted for c in rebuilt)  # tombstones are part of the dump
    assert all(isinstance(c["sources"], list) for c in data["claims"])
    assert data["appearances"] == [
        a.to_row() for a in appearances.list_appearances(project, include_deleted=True)]


def test_json_holds_articles_labels_reviews_and_history(two):
    project, first, second, made = two
    add_review(project, made["ok"].id, "accept", utcnow())
    data = json.loads(exporting.export_text(project, "json"))

    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert texts == {first.id: TEXT, second.id: articles.get_article(project, second.id).text}
    by_id = {a["id"]: a for a in data["articles"]}
    assert (by_id[first.id]["url"], by_id[first.id]["title"]) == ("https://news.example/a",
                                                                  "مقال أول")
    assert [lab["key"] for lab in data["labels"]] == [x.key for x in labels.list_labels(project)]
    assert [(r["claim_id"], r["decision"]) for r in data["reviews"]] == [(made["ok"].id, "accept")]
    stored = project.query("SELECT id FROM history ORDER BY at, rowid")
    assert [h["id"] for h in data["history"]] == [r["id"] for r in stored]
    [created] = [h for h in data["history"] if h["entity_id"] == first.id]
    assert created["after"]["title"] == "مقال أول"  # before/after are objects, not strings


def test_json_of_one_article_is_that_article_only(two):
    project, first, second, made = two
    add_review(project, made["economy"].id, "reject", utcnow())
    data = json.loads(exporting.export_text(project, "json", second.id))

    assert [a["id"] for a in data["articles"]] == [second.id]
    assert [c["id"] for c in data["claims"]] == [made["economy"].id]
    assert [r["claim_id"] for r in data["reviews"]] == [made["economy"].id]
    assert {h["entity_id"] for h in data["history"]} == {second.id, made["economy"].id}


def test_json_keeps_arabic_and_emoji_as_characters(two):
    project, *_ = two
    text = exporting.export_text(project, "json")
    assert "قال الوزير" in text and "🇸🇾" in text
    assert "\\u06" not in text and "\\ud83" not in text


# -- csv extras ----------------------------------------------------------------------------
def test_csv_review_status_is_the_latest_decision(two):
    project, _, _, made = two
    add_review(project, made["ok"].id, "accept", "2024-01-01T00:00:00.000000Z")
    add_review(project, made["ok"].id, "reject", "2024-02-01T00:00:00.000000Z")
    add_review(project, made["minister"].id, "accept", "2024-01-01T00:00:00.000000Z")
    text = exporting.export_text(project, "csv").removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = {r["claim_id"]: r["review_status"] for r in reader}
    assert rows[made["ok"].id] == "rejected"
    assert rows[made["minister"].id] == "accepted"
    assert rows[made["economy"].id] == ""


def test_csv_rows_follow_the_article_list_then_reading_order(project):
    """Rows came in the order of the articles' ids, random to whoever reads the
    spreadsheet: they follow the article list (the order articles came in), and within
    an article the places' order in its text. A place whose article row is missing (a
    damaged file) still has its row, last."""
    made = [articles.add_article(project, f"مقال رقم {n}: قال الوزير كلاما ثم كلاما آخر",
                                 f"title {n}") for n in range(8)]
    for article in reversed(made):  # (tagged in another order than they came in)
        for word in ("كلاما آخر", "قال الوزير"):
            appearances.tag_quote(project, article.id, word, "disputed")
    with project.transaction():  # six came in at one tick of a coarse clock
        project.execute("UPDATE articles SET created = ? WHERE id IN (?, ?, ?, ?, ?, ?)",
                        [made[1].created, *(article.id for article in made[1:7])])
    listed = [row["id"] for row in articles.list_articles(project)]
    assert listed == [article.id for article in made]
    assert sorted(listed) != listed  # (ids in another order than the list: the point)
    project.execute("PRAGMA foreign_keys = OFF")  # (another program's damage)
    project.execute("DELETE FROM articles WHERE id = ?", [made[3].id])
    project.execute("PRAGMA foreign_keys = ON")
    text = exporting.export_text(project, "csv").removeprefix("\ufeff")
    rows = [(r["article_id"], int(r["start"]), r["article_title"])
            for r in csv.DictReader(io.StringIO(text, newline=""))]
    kept = [article.id for article in made if article is not made[3]]
    starts = sorted(made[0].text.index(word) for word in ("كلاما آخر", "قال الوزير"))
    assert [(row[0], row[1]) for row in rows[:-2]] == [
        (article_id, start) for article_id in kept for start in starts]
    assert [(row[0], row[2]) for row in rows[-2:]] == [(made[3].id, "")] * 2


def test_claims_of_deleted_articles_are_left_out_of_live_formats(two):
    project, first, second, made = two
    with project.transaction():
        project.db["articles"].update(second.id, {"deleted": utcnow()})
    ids = {row[0] for row in jsonld.live_appearance_rows(project)}  # (the place's id first)
    assert ids == {made["ok"].id, made["minister"].id}
    assert made["economy"].id not in exporting.export_text(project, "w3c")
    assert made["economy"].id in exporting.export_text(project, "json")


# -- W3C Web Annotation ----------------------------------------------------------------------
def test_w3c_annotations_carry_consistent_selectors(two):
    project, first, second, made = two
    annotations = json.loads(exporting.export_text(project, "w3c"))
    texts = {first.id: TEXT, second.id: articles.get_article(project, second.id).text}
    by_id = {a["id"]: a for a in annotations}

    assert isinstance(annotations, list) and len(annotations) == 3  # the tombstone is left out
    for claim in appearances.list_appearances(project):
        note = by_id[f"urn:uuid:{claim.id}"]
        assert note["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert (note["type"], note["motivation"]) == ("Annotation", "assessing")
        assert note["creator"] == {"type": "Person", "name": "tester"}
        assert (note["created"], note["modified"]) == (claim.created, claim.last_change)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", note["created"])
        quote, position = note["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        text = texts[claim.article_id]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"] == claim.quote
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        assert quote["prefix"] and quote["suffix"]
    assert by_id[f"urn:uuid:{made['ok'].id}"]["target"]["source"] == "https://news.example/a"
    assert by_id[f"urn:uuid:{made['economy'].id}"]["target"]["source"] == \
        f"urn:tahqiq:article:{second.id}"


def test_w3c_bodies_hold_verdict_note_and_sources(two):
    project, _, _, made = two
    by_id = {a["id"]: a for a in json.loads(exporting.export_text(project, "w3c"))}
    assert by_id[f"urn:uuid:{made['ok'].id}"]["body"] == [
        {"type": "TextualBody", "purpose": "assessing", "value": "verified"},
        {"type": "TextualBody", "purpose": "commenting", "value": "=1+1\nسطر",
         "format": "text/plain"},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://evidence.example/1"},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://e.example/2"},
        {"type": "SpecificResource", "purpose": "identifying",
         "source": f"urn:uuid:{made['ok'].claim_id}"},
    ]
    assert by_id[f"urn:uuid:{made['minister'].id}"]["body"][0] == {
        "type": "TextualBody", "purpose": "assessing", "value": "disputed"}


def test_w3c_position_counts_code_points_after_an_emoji(two):
    project, _, _, made = two
    [note] = [a for a in json.loads(exporting.export_text(project, "w3c"))
              if a["id"] == f"urn:uuid:{made['minister'].id}"]
    position = note["target"]["selector"][1]
    assert (position["start"], position["end"]) == (TEXT.index("قال"), TEXT.index("قال") + 10)
    assert position["start"] == 8  # flag (2) + space + "ok" + space + 😀 (1) + space


# -- schema.org ClaimReview ------------------------------------------------------------------
# Properties each type may carry, from the schema.org type pages (schema.org/Thing,
# /CreativeWork, /Review, /ClaimReview, /Claim, /Rating, /Person, /Organization):
# own properties plus the ones inherited. Only the part of CreativeWork we could use.
THING = {"additionalType", "alternateName", "description", "disambiguatingDescription",
         "identifier", "image", "mainEntityOfPage", "name", "potentialAction", "sameAs",
         "subjectOf", "url"}
CREATIVE_WORK = THING | {"about", "abstract", "author", "citation", "creator", "dateCreated",
                         "dateModified", "datePublished", "headline", "inLanguage", "isBasedOn",
                         "keywords", "publisher", "sourceOrganization", "text"}
REVIEW = CREATIVE_WORK | {"associatedClaimReview", "associatedMediaReview", "associatedReview",
                          "itemReviewed", "negativeNotes", "positiveNotes", "reviewAspect",
                          "reviewBody", "reviewRating"}
VOCABULARY = {
    "Thing": THING,
    "CreativeWork": CREATIVE_WORK,
    "ClaimReview": REVIEW | {"claimReviewed"},
    "Claim": CREATIVE_WORK | {"appearance", "claimInterpreter", "firstAppearance"},
    "Rating": THING | {"author", "bestRating", "ratingExplanation", "ratingValue",
                       "reviewAspect", "worstRating"},
    "Person": THING | {"address", "affiliation", "email", "familyName", "givenName",
                       "jobTitle", "worksFor"},
    "Organization": THING | {"address", "email", "legalName", "logo", "member"},
}
CREATIVE_WORKS = {"CreativeWork", "Claim", "ClaimReview"}
# Expected types of the properties whose values are objects (schema.org "Expected Type").
RANGES = {
    "author": {"Person", "Organization"}, "publisher": {"Person", "Organization"},
    "reviewRating": {"Rating"}, "itemReviewed": set(VOCABULARY), "appearance": CREATIVE_WORKS,
    "firstAppearance": CREATIVE_WORKS, "citation": CREATIVE_WORKS,
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$")


def vocabulary_problems(node: dict, path: str = "$", expected: set[str] | None = None
                        ) -> list[str]:
    """Every key used where schema.org does not define it, recursively."""
    kind = node.get("@type")
    if kind not in VOCABULARY:
        return [f"{path}: unknown @type {kind!r}"]
    problems = [] if expected is None or kind in expected else [f"{path}: {kind} not allowed"]
    for key, value in node.items():
        if key in ("@context", "@type", "@id"):
            continue
        if key not in VOCABULARY[kind]:
            problems.append(f"{path}.{key}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                problems += vocabulary_problems(item, f"{path}.{key}", RANGES.get(key))
            elif key in RANGES:
                problems.append(f"{path}.{key}: expected an object")
            elif key.startswith("date") and not DATE.match(str(item)):
                problems.append(f"{path}.{key}: {item!r} is not a date")
    return problems


def test_the_vocabulary_check_catches_mistakes():
    assert vocabulary_problems({"@type": "ClaimReview", "rating": 1}) == [
        "$.rating: not a property of ClaimReview"]
    assert vocabulary_problems({"@type": "ClaimReview", "author": {"@type": "Rating"}}) == [
        "$.author: Rating not allowed"]
    assert vocabulary_problems({"@type": "Rating", "ratingValue": 1, "datePublished": "x"}) == [
        "$.datePublished: not a property of Rating", "$.datePublished: 'x' is not a date"]


GOOGLE_REQUIRED = (("url",), ("claimReviewed",), ("reviewRating", "alternateName"),
                   ("author", "name"))  # Google's ClaimReview structured data


def test_claimreview_uses_only_schema_org_vocabulary_and_has_what_google_requires(two):
    project, *_ = two
    reviews = json.loads(exporting.export_text(project, "claimreview"))
    assert len(reviews) == 2  # the unchecked claim is no published verdict
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert vocabulary_problems(review) == []
        for path in GOOGLE_REQUIRED:
            value = review
            for key in path:
                value = value[key]
            assert isinstance(value, str) and value.strip(), path


def test_claimreview_needs_the_organisation_and_the_url(project):
    with pytest.raises(NotPublishable, match="organisation"):
        exporting.export_text(project, "claimreview")
    with pytest.raises(InvalidSetting):
        settings.update_settings(project, url_template="https://misbar.example/claims/")


@pytest.mark.parametrize("template", [
    "https://[x/{id}", "https://@/{id}", "javascript:alert('{id}')", "https://m.example/ {id}",
    "\x01https://m.example/{id}", "https://m.example/{id}{", "https://m.example/{id}/{foo}",
    "https://m.example/{ id }/{id}"])
def test_a_claim_address_that_is_no_web_link_is_refused_with_its_message(project, template):
    """Not a traceback: «https://[x/{id}» made urlsplit raise ValueError. A brace left
    beside {id} (a typo) went into every published address."""
    with pytest.raises(InvalidSetting, match="is not a web address"):
        settings.update_settings(project, url_template=template)
    assert settings.get_settings(project).url_template == ""


def test_a_claim_address_pasted_with_direction_marks_at_its_ends_is_kept_without_them(
        project):
    """Copied out of right-to-left text, the address came with an RLM at each end and was
    refused as «not a web address», for marks no one can see."""
    settings.update_settings(project, url_template="\u200fhttps://misbar.example/c/{id}\u200f")
    assert settings.get_settings(project).url_template == "https://misbar.example/c/{id}"


def test_unchecked_and_rejected_claims_are_skipped_and_said(two):
    project, _, _, made = two
    add_review(project, made["minister"].claim_id, "reject", "2030-01-01T00:00:00.000000Z")
    skipped: list = []
    reviews = json.loads(exporting.export_text(project, "claimreview", skipped=skipped))
    assert [r["@id"] for r in reviews] == [f"urn:uuid:{made['ok'].claim_id}"]
    assert sorted(claim for claim, _ in skipped) == sorted(
        [made["minister"].claim_id, made["economy"].claim_id])
    assert {str(reason) for _, reason in skipped} == {
        "its verdict was rejected in review", "no verdict yet (unchecked)"}


def test_words_two_annotators_gave_opposite_verdicts_are_not_published_until_settled(two):
    """Huda «verified», Badr «disputed» on the same words, merged: ClaimReview published
    both, opposite ratings on one claim, without a word (the Disagreements panel listed
    the pair). Both are skipped and said until one verdict is adopted."""
    project, first, _, made = two
    project.annotator = "Badr"
    badr = appearances.tag_quote(project, first.id, "ok", "disputed")
    project.annotator = "tester"
    skipped: list = []
    published = json.loads(exporting.export_text(project, "claimreview", skipped=skipped))
    assert f"urn:uuid:{made['ok'].claim_id}" not in {r["@id"] for r in published}
    reasons = {claim: str(reason) for claim, reason in skipped}
    assert reasons[made["ok"].claim_id] == \
        "Badr gave its words another verdict (disputed): settle the disagreement first"
    assert reasons[badr.claim_id] == \
        "tester gave its words another verdict (verified): settle the disagreement first"
    # one article's export sees the disagreement too, through the claim's other words
    third = "نص آخر فيه ok أيضا."
    elsewhere = articles.add_article(project, third, "مقال ثالث")
    appearances.add(project, made["ok"].claim_id, elsewhere.id, third.index("ok"),
                    third.index("ok") + 2)
    skipped.clear()
    json.loads(exporting.export_text(project, "claimreview", elsewhere.id, skipped=skipped))
    assert [claim for claim, _ in skipped] == [made["ok"].claim_id]
    project.annotator = "Badr"
    claims.update_claim(project, badr.claim_id, label="verified")  # Adopt First Verdict
    published = json.loads(exporting.export_text(project, "claimreview"))
    # settled, the words are published once: as the first tagged (rv203)
    assert f"urn:uuid:{made['ok'].claim_id}" in {r["@id"] for r in published}
    assert f"urn:uuid:{badr.claim_id}" not in {r["@id"] for r in published}
    # a colleague's «unchecked» (a request to check) or rejected verdict holds nothing back
    claims.update_claim(project, badr.claim_id, label="unchecked")
    published = json.loads(exporting.export_text(project, "claimreview"))
    assert f"urn:uuid:{made['ok'].claim_id}" in {r["@id"] for r in published}
    claims.update_claim(project, badr.claim_id, label="disputed")
    project.annotator = "editor"
    reviews.review_claim(project, badr.claim_id, "reject", "the sources say otherwise")
    published = json.loads(exporting.export_text(project, "claimreview"))
    assert f"urn:uuid:{made['ok'].claim_id}" in {r["@id"] for r in published}


def test_a_review_of_an_earlier_verdict_counts_in_no_export(two):
    """A review is of the verdict the claim had: relabelled since, the claim is not
    reviewed in the CSV, and ClaimReview treats it as any claim nobody reviewed."""
    from store.review import reviews

    project, _, _, made = two
    project.annotator = "editor"  # a review is someone else's
    reviews.review_claim(project, made["ok"].claim_id, "accept", "agreed: verified")
    reviews.review_claim(project, made["minister"].claim_id, "reject", "he said it")
    project.annotator = "tester"
    claims.update_claim(project, made["ok"].claim_id, label="disputed")
    claims.update_claim(project, made["minister"].claim_id, label="verified")
    text = exporting.export_text(project, "csv").removeprefix("\ufeff")
    rows = {r["claim_id"]: (r["label"], r["review_status"])
            for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows[made["ok"].claim_id] == ("disputed", "")
    assert rows[made["minister"].claim_id] == ("verified", "")
    skipped: list = []
    published = json.loads(exporting.export_text(project, "claimreview", skipped=skipped))
    # the rejection was of "disputed": "verified" is published as an unreviewed claim is
    assert {r["@id"]: r["reviewRating"]["identifier"] for r in published} == {
        f"urn:uuid:{made['ok'].claim_id}": "disputed",
        f"urn:uuid:{made['minister'].claim_id}": "verified"}
    assert [claim for claim, _ in skipped] == [made["economy"].claim_id]
    # relabelled back to what was rejected: the rejection speaks for the claim again
    claims.update_claim(project, made["minister"].claim_id, label="disputed")
    text = exporting.export_text(project, "csv").removeprefix("\ufeff")
    rows = {r["claim_id"]: r["review_status"]
            for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows[made["minister"].claim_id] == "rejected"


def test_one_claimreview_per_claim_with_every_appearance(two):
    """Every article the claim appears in, each once (a claim tagged twice in one)."""
    project, first, second, made = two
    articles.update_metadata(project, second.id, url="https://other.example/b",
                             outlet="منصة", published="2024-07-01")
    at = articles.get_article(project, second.id).text.index("الاقتصاد")
    appearances.add(project, made["ok"].claim_id, second.id, at, at + 8)
    at = articles.get_article(project, second.id).text.index("الثاني")
    appearances.add(project, made["ok"].claim_id, second.id, at, at + 6)  # there twice
    [ok] = [r for r in json.loads(exporting.export_text(project, "claimreview", second.id))]
    assert ok["@id"] == f"urn:uuid:{made['ok'].claim_id}"
    assert [a["url"] for a in ok["itemReviewed"]["appearance"]] == [
        "https://news.example/a", "https://other.example/b"]
    assert ok["itemReviewed"]["appearance"][1]["publisher"] == {"@type": "Organization",
                                                                "name": "منصة"}


def test_a_claim_first_appeared_in_its_earliest_dated_article(two):
    """Google recommends the Claim's datePublished and firstAppearance: the earliest dated
    article it appears in (the first the checker knows of), whatever the order of the
    article list; without a dated article, neither is written."""
    project, first, second, made = two
    at = articles.get_article(project, second.id).text.index("الاقتصاد")
    appearances.add(project, made["minister"].claim_id, second.id, at, at + 8)

    def claim() -> dict:
        [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                    if r["@id"] == f"urn:uuid:{made['minister'].claim_id}"]
        return review["itemReviewed"]

    articles.update_metadata(project, second.id, url="https://other.example/b",
                             published="2024-05-02T08:30:00+03:00")
    reviewed = claim()
    assert [a["url"] for a in reviewed["appearance"]] == [
        "https://news.example/a", "https://other.example/b"]  # the list's order, as before
    assert reviewed["datePublished"] == "2024-05-02"
    assert reviewed["firstAppearance"] == reviewed["appearance"][1]
    for article in (first, second):
        articles.update_metadata(project, article.id, published="")
    assert set(claim()) == {"@type", "appearance"}


def test_claimreview_reads_its_claims_a_few_at_a_time(two, monkeypatch):
    """The claims' places are read CLAIMS_AT_ONCE claims at a time (all at once, 100,000
    claims took 375 MB): one claim at a time, the same reviews in the same order, a
    claim in two articles among them."""
    project, first, second, made = two
    at = articles.get_article(project, second.id).text.index("الثاني")
    appearances.add(project, made["minister"].claim_id, second.id, at, at + 6)
    whole = exporting.export_text(project, "claimreview")
    monkeypatch.setattr(jsonld, "CLAIMS_AT_ONCE", 1)
    assert exporting.export_text(project, "claimreview") == whole
    reviews = json.loads(whole)
    assert sorted(len(r["itemReviewed"]["appearance"]) for r in reviews) == [1, 2]


def test_claimreviews_read_outside_a_snapshot_pass_over_a_claim_deleted_meanwhile(
        two, monkeypatch):
    """claim_reviews on its own (no snapshot): a claim another program deletes after the
    claims were listed is left out, not a KeyError."""
    project, *_ = two
    monkeypatch.setattr(jsonld, "CLAIMS_AT_ONCE", 1)
    published = [c.id for c in claims.list_claims(project) if c.label != "unchecked"]
    other = Project.open(project.path, "colleague")
    reviews: list[str] = []
    try:
        for review in jsonld.claim_reviews(project):
            reviews.append(review["@id"].removeprefix("urn:uuid:"))
            if len(reviews) == 1:  # the other one is still to come
                gone = next(i for i in published if i != reviews[0])
                claims.delete_claim(other, gone)
    finally:
        other.close()
    assert len(published) == 2 and reviews == [i for i in published if i != gone]


def test_claimreview_is_published_when_checked_and_modified_when_changed(two):
    """datePublished followed every change to the claim: a typo fixed in the note told
    search engines a fact-check from last year was new. It is the day the claim was
    checked; dateModified the day of its last change."""
    project, _, _, made = two
    claim_id = made["ok"].claim_id
    project.conn.execute("UPDATE claims SET created = '2025-03-04T10:00:00.000000Z' "
                         "WHERE id = ?", [claim_id])
    project.conn.execute("UPDATE history SET at = '2025-03-04T10:00:00.000000Z' "
                         "WHERE entity_id = ?", [claim_id])  # (tagged then)
    claims.update_claim(project, claim_id, note="typo fixed")
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{claim_id}"]
    assert review["datePublished"] == "2025-03-04"
    assert review["dateModified"] == claims.get_claim(project, claim_id).updated[:10] > \
        "2025-03-04"


def test_claimreview_is_published_on_the_day_the_claim_was_first_given_a_verdict(two):
    """Tagged «unchecked» on the 1st (a request to check it) and given its verdict on the
    20th, a claim was published as checked on the 1st, before any verdict existed (rv98).
    datePublished is the day of its first verdict; a verdict taken back to «unchecked»
    and given again does not move it."""
    project, first, _, _ = two
    place = appearances.create_claim(project, first.id, 0, 3, "unchecked")
    claim_id = place.claim_id
    project.conn.execute("UPDATE claims SET created = '2025-11-01T09:05:00.000000Z' "
                         "WHERE id = ?", [claim_id])
    project.conn.execute("UPDATE history SET at = '2025-11-01T09:05:00.000000Z' "
                         "WHERE entity_id = ?", [claim_id])
    claims.update_claim(project, claim_id, label="disputed")
    project.conn.execute("UPDATE history SET at = '2025-11-20T14:00:00.000000Z' "
                         "WHERE entity_id = ? AND at > '2025-11-02'", [claim_id])
    claims.update_claim(project, claim_id, label="unchecked")
    claims.update_claim(project, claim_id, label="verified")

    def published() -> str:
        [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                    if r["@id"] == f"urn:uuid:{claim_id}"]
        return review["datePublished"]

    assert published() == "2025-11-20"


def test_claimreview_reads_past_a_history_entry_that_is_not_json(two):
    """A colleague's history entry another program wrote, its «after» not JSON, merged as
    it was: the ClaimReview export failed whole («malformed JSON», rv254). It tells no
    verdict; the first that does is the day published."""
    project, first, _, _ = two
    claim_id = appearances.create_claim(project, first.id, 0, 3, "unchecked").claim_id
    project.conn.execute("UPDATE history SET at = '2025-11-01T09:05:00.000000Z', "
                         "after = '{' WHERE entity_id = ?", [claim_id])
    claims.update_claim(project, claim_id, label="disputed")
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{claim_id}"]
    assert review["datePublished"] == claims.get_claim(project, claim_id).updated[:10]


def test_claimreview_fields_come_from_the_claim_label_and_article(two):
    project, first, second, made = two
    by_id = {r["@id"]: r for r in json.loads(exporting.export_text(project, "claimreview"))}
    ok = by_id[f"urn:uuid:{made['ok'].id}"]
    assert ok["url"] == f"https://misbar.example/claims/{made['ok'].claim_id}"
    assert ok["claimReviewed"] == "ok"
    assert ok["datePublished"] == made["ok"].claim.created[:10]
    assert ok["dateModified"] == made["ok"].claim.updated[:10]
    assert ok["author"] == {"@type": "Organization", "name": "مسبار"}
    # The project's articles are Arabic: the verdict's name is the Arabic one.
    assert ok["reviewRating"] == {"@type": "Rating", "alternateName": "صحيح", "name": "صحيح",
                                  "identifier": "verified", "ratingValue": 5,
                                  "bestRating": 5, "worstRating": 1}
    work = {"@type": "CreativeWork", "headline": "مقال أول", "url": "https://news.example/a",
            "datePublished": "2024-06-19",
            "publisher": {"@type": "Organization", "name": "وكالة"}, "inLanguage": "ar"}
    assert ok["itemReviewed"] == {"@type": "Claim", "appearance": [work],
                                  "datePublished": "2024-06-19", "firstAppearance": work}
    assert ok["reviewBody"] == "=1+1\nسطر"
    assert [c["url"] for c in ok["citation"]] == list(made["ok"].sources)
    minister = by_id[f"urn:uuid:{made['minister'].id}"]
    assert "reviewBody" not in minister and "citation" not in minister
    settings.update_settings(project, language="en")
    by_id = {r["@id"]: r for r in json.loads(exporting.export_text(project, "claimreview"))}
    assert by_id[f"urn:uuid:{made['ok'].id}"]["reviewRating"]["alternateName"] == "Verified"


def test_a_language_that_is_no_language_code_is_left_out_of_the_appearance(two):
    """schema.org's inLanguage wants a BCP 47 code: a free-form language typed in Article
    Properties («Arabic») is kept in the project and left out of ClaimReview, as a free-form
    date is; a code with a region is one."""
    project, first, _, made = two
    for typed, expected in (("Arabic", None), ("ar-EG", "ar-EG"), ("klingon", None)):
        articles.update_metadata(project, first.id, language=typed)
        [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                    if r["@id"] == f"urn:uuid:{made['ok'].id}"]
        assert review["itemReviewed"]["appearance"][0].get("inLanguage") == expected, typed
        assert articles.get_article(project, first.id).language == typed


def test_a_rating_outside_the_scale_is_left_out(two):
    project, first, _, _ = two
    labels.add_label(project, "satire", "Satire", "#CCCCCC")  # rating 0: not on the 1-5 scale
    claim = appearances.tag_quote(project, first.id, "غادر", "satire")
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{claim.id}"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Satire",
                                      "name": "Satire", "identifier": "satire"}


@pytest.mark.parametrize("stored", [None, "high", 4.5])
def test_a_rating_another_program_wrote_as_no_number_is_left_out(two, stored):
    """A colleague's file merged in can hold a label whose rating is NULL or text (written
    with sqlite-utils, say): ClaimReview leaves the rating out, where comparing it with the
    scale ended the export in a traceback."""
    project, first, _, _ = two
    labels.add_label(project, "misleading", "Misleading", "#CCCCCC", rating=4)
    project.conn.execute("UPDATE labels SET rating = ? WHERE key = 'misleading'", [stored])
    claim = appearances.tag_quote(project, first.id, "غادر", "misleading")
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{claim.id}"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Misleading",
                                      "name": "Misleading", "identifier": "misleading"}
    assert labels.get_label(project, "misleading").rating == 0


# -- every format ----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", exporting.FORMATS)
def test_arabic_is_written_exactly_without_reshaping(sample_project, sample_article, fmt):
    appearances.tag_quote(sample_project, sample_article.id, SAMPLE_QUOTE, "disputed",
                          note="ملاحظة: “اقتباس” مع تشكيل اتفاقًا")
    settings.update_settings(sample_project, organization="مسبار",
                             url_template="https://misbar.example/{id}")
    data = exporting.export_bytes(sample_project, fmt)
    text = data.decode("utf-8")
    assert SAMPLE_QUOTE in text and "“اقتباس” مع تشكيل اتفاقًا" in text
    assert not ARABIC_PRESENTATION_FORMS.search(text.removeprefix("\ufeff"))
    assert data.startswith(codecs.BOM_UTF8) == (fmt == "csv")


@pytest.mark.parametrize("fmt", exporting.FORMATS)
def test_progress_runs_from_zero_to_total(two, fmt):
    project, *_ = two
    seen = []
    exporting.export_text(project, fmt, progress=lambda done, total: seen.append((done, total)))
    total = seen[0][1]
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    # CSV reports once per batch of CSV_BATCH records, the others once per record.
    step = exporting.CSV_BATCH if fmt == "csv" else 1
    assert [done for done, _ in seen] == [*range(0, total, step), total]
    assert total >= 3  # claims or appearances (claimreview counts claims, published or not)


def test_csv_progress_counts_the_records_written_not_the_places_left_out(two):
    """The CSV export counts its records from the places without joining each one (its
    claim deleted, its article deleted by a colleague's merge: left out of the count);
    a place whose claim is missing altogether (a damaged file) is found out as the
    records are written, and the last report says so."""
    project, first, second, made = two
    third = articles.add_article(project, "نص ثالث عن التجارة.", "مقال ثالث")
    appearances.tag_quote(project, third.id, "التجارة", "verified")
    with project.transaction():  # as a merged tombstone leaves it: its places live
        project.conn.execute("UPDATE articles SET deleted = ? WHERE id = ?",
                             [utcnow(), third.id])

    def reports(article_id=None):
        seen = []
        written = exporting.write_csv(project, io.StringIO(), article_id,
                                      lambda done, total: seen.append((done, total)))
        return written, seen

    assert reports() == (3, [(0, 3), (3, 3)])  # "gone" and the third article's left out
    assert reports(first.id) == (2, [(0, 2), (2, 2)])
    assert reports(third.id) == (0, [(0, 0)])
    project.conn.execute("PRAGMA foreign_keys = OFF")
    with project.transaction():
        project.conn.execute("DELETE FROM claims WHERE id = ?", [made["economy"].claim_id])
    assert reports() == (2, [(0, 3), (2, 3), (2, 2)])


@pytest.mark.parametrize("fmt", ["csv", "json", "w3c"])
def test_a_cancelled_export_stops_reading_the_project(two, tmp_path, monkeypatch, fmt):
    """The records are read as they are written; a cancelled export ends its read, so
    nothing keeps the project's log from being folded back into it."""
    project, *_ = two
    monkeypatch.setattr(exporting, "CSV_BATCH", 1)  # cancelled with records still unread
    # (the error kept, as whoever reports it keeps it: its traceback holds the cursor)
    with pytest.raises(ExportCancelled) as cancelled:
        exporting.export_file(project, fmt, tmp_path / "out.txt",
                              progress=lambda done, total: done < 1)
    other = sqlite3.connect(project.path)
    try:
        with other:
            other.execute("UPDATE articles SET title = title")  # a change after the read
        busy, *_ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0 and cancelled.traceback


@pytest.mark.parametrize("fmt", exporting.FORMATS)
def test_an_export_stopped_by_a_damaged_claim_stops_reading_the_project(two, tmp_path, fmt):
    """A claim whose note is not UTF-8 (a file damaged outside Tahqiq) stops an export
    halfway; its reads of the project end with it, the error kept."""
    project, first, *_ = two
    with project.transaction():
        project.conn.execute("UPDATE claims SET note = CAST(X'FF' AS TEXT) WHERE id = ?",
                             [claims.list_claims(project)[0].id])
    with pytest.raises(Exception) as stopped:  # (what SQLite's decoding raises)
        exporting.export_file(project, fmt, tmp_path / "out.txt")
    other = sqlite3.connect(project.path)
    try:
        busy, *_ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0 and stopped.traceback


def test_json_writes_a_history_value_orjson_cannot(two):
    """A history entry's JSON holding an integer beyond 64 bits (another program wrote
    it) is written as json writes it, not refused."""
    project, *_ = two
    with project.transaction():
        project.conn.execute(
            "INSERT INTO history (id, entity, entity_id, action, who, at, before, after) "
            "VALUES ('h-big', 'claim', 'x', 'edit', 'them', '2030-01-01T00:00:00Z', "
            "'{\"n\": 123456789012345678901234567890}', NULL)")
    data = exporting.read_project_json(exporting.export_text(project, "json"))
    [entry] = [e for e in data["history"] if e["id"] == "h-big"]
    assert entry["before"] == {"n": 123456789012345678901234567890}


@pytest.mark.parametrize("fmt", ["json", "w3c", "claimreview"])
def test_json_exports_are_written_as_their_records_are_read(two, fmt):
    """Each record is written before the next is made (a project's records built whole
    first took a gigabyte for 100,000 claims): at each report of progress the stream
    holds more than at the one before, from the second record on (ClaimReview reports
    each claim, and writes those it publishes)."""
    project, *_ = two
    stream = io.StringIO(newline="")
    sizes = []
    exporting.export_to(project, fmt, stream,
                        progress=lambda done, total: sizes.append(len(stream.getvalue())))
    if fmt == "claimreview":  # a report a claim: the stream grows by those published
        grew = sum(before < after for before, after in pairwise(sizes))
        assert grew == len(json.loads(stream.getvalue())) == 2 and len(sizes) == 4
        return
    assert len(sizes) >= 4
    assert all(before < after for before, after in pairwise(sizes[2:]))
    assert sizes[-1] < len(stream.getvalue())
    json.loads(stream.getvalue())


def test_an_export_reads_the_project_as_it_was_when_it_began(two):
    """A claim tagged by another program while an export is being written is in
    neither its count nor its records: the export reads one view of the project."""
    project, first, *_ = two
    other = Project.open(project.path, "colleague")
    totals = []

    def tag_meanwhile(done, total):
        totals.append(total)
        if done == 0:  # (json: its counts read, its records not yet)
            appearances.tag_quote(other, first.id, "غادر", "verified")

    try:
        for fmt in ("json", "w3c"):
            before = json.loads(exporting.export_text(project, fmt))
            assert json.loads(exporting.export_text(project, fmt, progress=tag_meanwhile)
                              ) == before
            assert len(set(totals)) == 1
            totals.clear()
            after = json.loads(exporting.export_text(project, fmt))
            assert len(after["claims"] if fmt == "json" else after) == \
                len(before["claims"] if fmt == "json" else before) + 1
            claims.delete_claim(other, claims.list_claims(other)[-1].id)
    finally:
        other.close()


# (a float with an exponent from -5 to -9 is written 1e-7 by orjson, 1e-07 by json; one
# that is not a number, null and NaN: a project holds no floats)
_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(
    allow_nan=False, allow_infinity=False).filter(lambda f: "e-0" not in repr(f)) | \
    st.text(st.characters(codec="utf-8"))


@settings_(max_examples=200, deadline=None)
@given(st.recursive(_JSON_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=5), inner, max_size=4), max_leaves=30), st.randoms())
def test_json_written_as_read_is_what_json_dump_writes(value, random):
    """The exports write lists given as iterators an item at a time: what they write
    is json.dump's indented text, byte for byte, whichever lists are iterators."""
    def some_lists_iterated(data, streamed: bool = True):
        """*data* with some of its lists as iterators, where _dump takes them: alone,
        in another, or as a value of a dict that holds one itself, so written apart."""
        if not streamed:
            return data
        if isinstance(data, list):
            iterated = random.random() < 0.6
            items = [some_lists_iterated(item, iterated) for item in data]
            return iter(items) if iterated else items
        if isinstance(data, dict):
            values = {key: some_lists_iterated(item) for key, item in data.items()}
            if any(isinstance(item, Iterator) for item in values.values()):
                return values
        return data

    stream = io.StringIO(newline="")
    exporting._dump(some_lists_iterated(value), stream)
    assert stream.getvalue() == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", exporting.FORMATS)
def test_cancelling_leaves_an_existing_file_alone(two, tmp_path, fmt):
    project, *_ = two
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.txt"
    target.write_text("previous export", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        exporting.export_file(project, fmt, target, progress=lambda done, total: done < 2)
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in folder.iterdir()] == ["out.txt"]  # no partial file left


def test_export_file_writes_what_export_text_returns(two, tmp_path):
    project, first, *_ = two
    for fmt in exporting.FORMATS:
        path = exporting.export_file(project, fmt, tmp_path / f"x{exporting.SUFFIXES[fmt]}",
                                     first.id)
        assert path.read_bytes() == exporting.export_bytes(project, fmt, first.id)
    assert b"\r\r\n" not in (tmp_path / "x.csv").read_bytes()


def test_an_export_through_a_link_writes_the_file_it_points_to(two, tmp_path):
    """latest.csv, a link to shared/claims.csv: the export replaces the shared file and
    the link stays a link (it was replaced by a file of its own, the shared one left)."""
    project, first, *_ = two
    shared = tmp_path / "shared" / "claims.csv"
    shared.parent.mkdir()
    shared.write_bytes(b"old")
    link = tmp_path / "latest.csv"
    link.symlink_to(shared)
    exporting.export_file(project, "csv", link, first.id)
    assert link.is_symlink() and shared.read_bytes() == exporting.export_bytes(
        project, "csv", first.id)
    assert sorted(p.name for p in shared.parent.iterdir()) == ["claims.csv"]  # no leftovers


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_never_replaces_a_project_file(two, tmp_path, fmt):
    """`export -o self.tahqiq` replaced the open project with the CSV, and said nothing:
    a database (this project, a colleague's) is refused, and left as it was."""
    import shutil

    from store.core.project import Project
    from store.errors import ExportFailed

    project, first, *_ = two
    colleague = tmp_path / "colleague.tahqiq"
    Project.open(colleague, "colleague").close()
    before = colleague.read_bytes()
    for target in (project.path, colleague):
        with pytest.raises(ExportFailed, match="is a database .* never replaces one"):
            exporting.export_file(project, fmt, target, first.id)
    assert colleague.read_bytes() == before
    assert len(articles.list_articles(project)) == 2  # the open project is whole
    shutil.copy(colleague, tmp_path / "renamed.csv")  # whatever it is called
    with pytest.raises(ExportFailed):
        exporting.export_file(project, fmt, tmp_path / "renamed.csv", first.id)
    # nor the log beside an open project: the window's committed claims were in it
    log = Path(f"{project.path}-wal")
    assert log.exists()
    before = log.read_bytes()
    for companion in (log, Path(f"{project.path}-shm"), Path(f"{colleague}-journal")):
        with pytest.raises(ExportFailed, match="is a database .* never replaces one"):
            exporting.export_file(project, fmt, companion, first.id)
    link = tmp_path / "latest.csv"  # a link named like an export, to the log
    link.symlink_to(log)
    with pytest.raises(ExportFailed, match="is a database .* never replaces one"):
        exporting.export_file(project, fmt, link, first.id)
    assert log.read_bytes() == before and not Path(f"{colleague}-journal").exists()


def test_an_export_to_a_pipe_writes_into_it(two, tmp_path):
    """`-o fifo`, `-o /dev/stdout`: the export was renamed over the pipe, which became a
    regular file (and its reader waited for ever; as root, /dev/null was replaced). A
    file that is not a regular one is written into, and stays what it was."""
    import os
    import stat
    import threading

    project, first, *_ = two
    pipe = tmp_path / "out" / "claims.csv"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()))
    reader.start()
    exporting.export_file(project, "csv", pipe, first.id)
    reader.join(10)
    assert read == [exporting.export_bytes(project, "csv", first.id)]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in pipe.parent.iterdir()] == ["claims.csv"]  # nothing beside


def test_bytes_in_a_text_column_stop_a_csv_export_with_a_sentence(tmp_path):
    """Found by fuzzing the project file: one's own project damaged outside Tahqiq, bytes
    where text belongs; the CSV export stopped at csv's TypeError (the JSON export
    already said a sentence)."""
    import gzip
    from pathlib import Path

    from store.core.project import Project
    from store.errors import ProjectError

    found = Path(__file__).parent / "reliability" / "found" / "blob-in-text.tahqiq.gz"
    path = tmp_path / "damaged.tahqiq"
    path.write_bytes(gzip.decompress(found.read_bytes()))
    _bring_to_todays_schema(path)
    with Project.open(path, "me") as project, \
            pytest.raises(ProjectError, match="holds bytes where text belongs"):
        exporting.export_text(project, "csv")


def _bring_to_todays_schema(path) -> None:
    """Migrate a damaged file found at an older schema as it is: its references are
    broken, which an upgrade through Project.open rightly refuses, and what it tests is
    one's own project of today damaged outside Tahqiq."""
    import sqlite3

    import sqlite_utils

    from store.core import schema, sqlfunctions

    conn = sqlite3.connect(path)
    sqlfunctions.register_functions(conn)  # (v14 keeps notes by tahqiq_note, as Tahqiq's)
    try:
        with conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for migrate in schema.MIGRATIONS[version:]:
                migrate(sqlite_utils.Database(conn))
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
    finally:
        conn.close()


@pytest.mark.parametrize(("url", "named_by_it"), [
    ("https://news.example/a", True), ("HTTP://news.example/a?x=1#b", True),
    ("  https://news.example/a  ", True), ("javascript:alert(1)", False),
    ("file:///etc/passwd", False), ("http://", False), ("https://news.example/a b", False),
    ("http://[::1", False), ("news.example/a", False), ("", False), ("http://@", False),
    ("http://user@", False), ("\x01http://news.example/a", False), ("http://x\x00y", False),
    ("http://[::1]/a", True), ("https://خبر.example/مقال", True)])
def test_an_article_is_named_by_its_url_only_when_that_is_a_web_link(url, named_by_it):
    """An annotation names the article by its URL, and a ClaimReview gives it, when a
    reader can follow it; any other value (kept as typed: imports bring other forms)
    gives the annotation its URN and is left out of the ClaimReview."""
    article = {"id": "a1", "url": url, "title": "t"}
    assert jsonld.article_iri(article) == (url.strip() if named_by_it else "urn:tahqiq:article:a1")
    assert jsonld._appearance(article).get("url") == (url.strip() if named_by_it else None)


def test_a_link_a_json_ld_iri_may_not_hold_is_percent_encoded(two):
    """An article address or a source with «<», «"», «\\», «|» or a stray «%» (browsers
    follow them; the link check lets them through) went into the JSON-LD exports as it
    was, and JSON-LD drops a statement whose IRI is not well formed. What an IRI may not
    hold is percent-encoded there; an escape already there and Arabic letters stay."""
    project, first, _, made = two
    articles.update_metadata(project, first.id, url='https://example.org/تقرير?a=<2>&b="x"')
    claims.update_claim(project, made["ok"].claim_id,
                        sources=["https://example.org/a\\\\b|c%zz%20"])
    [annotation] = [a for a in json.loads(exporting.export_text(project, "w3c"))
                    if a["id"] == f"urn:uuid:{made['ok'].id}"]
    assert annotation["target"]["source"] == "https://example.org/تقرير?a=%3C2%3E&b=%22x%22"
    [linking] = [b for b in annotation["body"] if b.get("purpose") == "linking"]
    assert linking["source"] == "https://example.org/a%5C%5Cb%7Cc%25zz%20"
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{made['ok'].claim_id}"]
    assert review["citation"] == [{"@type": "CreativeWork",
                                   "url": "https://example.org/a%5C%5Cb%7Cc%25zz%20"}]
    assert review["itemReviewed"]["appearance"][0]["url"] == annotation["target"]["source"]
    settings.update_settings(project, url_template='https://f.example/{id}|<x>"y%zz')
    [review] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                if r["@id"] == f"urn:uuid:{made['ok'].claim_id}"]
    assert review["url"] == f"https://f.example/{made['ok'].claim_id}%7C%3Cx%3E%22y%25zz"


@pytest.mark.parametrize("fmt", ["w3c", "claimreview"])
def test_jsonld_is_safe_inside_an_html_script_block(project, fmt):
    """A ClaimReview is pasted into a page's <script type="application/ld+json">: an
    article's words «</script><img …>» in the quote, the title or a note must not end
    the block (RFC 8259 lets «<» be written \\u003c: the same JSON)."""
    from html.parser import HTMLParser

    hostile = "</script><img src=x onerror=alert(1)> & <!--"
    article = articles.add_article(project, f"قال المتحدث إن الخبر {hostile} كاذب.", hostile)
    appearances.tag_quote(project, article.id, f"الخبر {hostile} كاذب", "disputed",
                          note=hostile, sources=["https://a.example/?q=<x>&y=1"])
    settings.update_settings(project, organization="<b>Org</b>",
                             url_template="https://misbar.example/claims/{id}")
    text = exporting.export_text(project, fmt)
    assert not set("<>&") & set(text)
    data = json.loads(text)
    assert hostile in json.dumps(data, ensure_ascii=False)  # the words themselves stay

    tags = []

    class Page(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Page().feed(f'<script type="application/ld+json">{text}</script><p>')
    assert tags == ["script", "p"]


@pytest.mark.parametrize(("published", "expected"), [
    ("2024-03-05", "2024-03-05"), ("2024-03-05 10:00", "2024-03-05T10:00"),
    ("2024-03-05T10:00:00+03:00", "2024-03-05T10:00:00+03:00"),
    ("2024-W10-2", None), ("20240305T1000", None), ("2024-03-05T10:00+0300", None),
    ("٢٠٢٤-٠٣-٠٥", "2024-03-05"), ("۲۰۲۴-۰۳-۰۵ ۱۰:۰۰", "2024-03-05T10:00"),
    ("٢٠٢٤-١٣-٠٥", None)])
def test_an_articles_date_is_published_only_in_schema_orgs_form(project, published, expected):
    """Python's fromisoformat let a week date, a basic-format time and «+0300» into
    datePublished, none of them a schema.org Date or DateTime; a space for the T, as
    people type it, is written as the T. A date typed in Arabic-Indic or Persian digits,
    as an Arabic keyboard types them, was no date (rv98): it is written in 0-9."""
    article = articles.add_article(project, "قال المتحدث إن الخبر كاذب.", "t")
    articles.update_metadata(project, article.id, published=published)
    appearances.tag_quote(project, article.id, "الخبر كاذب", "disputed")
    settings.update_settings(project, organization="Org",
                             url_template="https://f.example/claims/{id}")
    [review] = json.loads(exporting.export_text(project, "claimreview"))
    [appearance] = review["itemReviewed"]["appearance"]
    assert appearance.get("datePublished") == expected
    assert vocabulary_problems(review) == []


def test_claimreview_is_modified_when_its_words_or_articles_change(two):
    """A claim moved to other words changed its claimReviewed, and its article given an
    address its itemReviewed, while dateModified kept the day it was checked: a consumer
    that updates what changed since kept the old quote and article (rv105)."""
    project, first, _, made = two
    claim_id = made["minister"].claim_id
    old = "2025-03-04T10:00:00.000000Z"
    for table in ("claims", "appearances"):
        project.conn.execute(f"UPDATE {table} SET created = ?, updated = ? WHERE id = ?",
                             [old, old, claim_id])
    project.conn.execute("UPDATE articles SET updated = ?", [old])
    project.conn.execute("UPDATE history SET at = ? WHERE entity_id = ?", [old, claim_id])

    def review() -> dict:
        [one] = [r for r in json.loads(exporting.export_text(project, "claimreview"))
                 if r["@id"] == f"urn:uuid:{claim_id}"]
        return one

    assert review()["dateModified"] == "2025-03-04"
    text = articles.get_article(project, first.id).text
    at = text.index("قال الوزير")
    appearances.move(project, claim_id, at, at + len("قال"))
    moved = review()
    assert moved["claimReviewed"] == "قال"
    assert moved["datePublished"] == "2025-03-04"
    assert moved["dateModified"] == utcnow()[:10]
    project.conn.execute("UPDATE appearances SET updated = ? WHERE id = ?", [old, claim_id])
    assert review()["dateModified"] == "2025-03-04"
    articles.update_metadata(project, first.id, url="https://news.example/moved")
    assert review()["dateModified"] == utcnow()[:10]
