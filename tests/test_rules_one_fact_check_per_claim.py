"""ClaimReview publishes the same words checked alike once: two annotators' claims sharing
words and their verdict (tagged so, or settled with Adopt) went out as two fact-checks of
one claim, two addresses and two bodies, and the export said nothing (rv203). The one
published is the one accepted in review, else the first tagged; the others are skipped
and said, naming it. W3C and CSV stay one record per place."""

from __future__ import annotations

import csv
import io
import json

import pytest

from store.core import appearances, articles, claims, settings, stamps
from store.exchange import exporting
from store.review import reviews

TEXT = "The mayor said unemployment fell to 3 percent last year."
WORDS = "unemployment fell to 3 percent"


@pytest.fixture
def article(project):
    settings.update_settings(project, organization="Desk",
                             url_template="https://fc.example/{id}")
    return articles.add_article(project, TEXT, "Council approves budget")


def tag(project, article, annotator: str, words: str = WORDS, label: str = "disputed",
        note: str = ""):
    project.annotator = annotator
    return appearances.tag_quote(project, article.id, words, label, note=note).claim_id


def claimreview(project, article_id=None) -> tuple[dict[str, dict], dict[str, str]]:
    """The published ClaimReviews by claim id, and why each skipped claim was left out."""
    skipped: list = []
    published = json.loads(exporting.export_text(project, "claimreview", article_id,
                                                  skipped=skipped))
    return ({r["@id"].removeprefix("urn:uuid:"): r for r in published},
            {claim: str(reason) for claim, reason in skipped})


def same_words(claim: str) -> str:
    return (f"its words are published as claim {claim}, with the same verdict and that "
            "claim's own note and sources: copy this one's there to publish them")


def test_two_annotators_agreeing_on_the_same_words_publish_one_fact_check(project, article):
    sara = tag(project, article, "sara", note="BLS says 4.1")
    omar = tag(project, article, "omar", note="Wrong year")
    published, skipped = claimreview(project)
    assert list(published) == [sara]  # the first tagged, with its own note
    assert published[sara]["reviewBody"] == "BLS says 4.1"
    assert skipped == {omar: same_words(sara)}
    # one article's export leaves out the same
    assert claimreview(project, article.id) == (published, skipped)


def test_overlapping_words_checked_alike_are_one_fact_check_too(project, article):
    """The disagreements' overlap: sharing a word is the same words."""
    sara = tag(project, article, "sara", "mayor said unemployment fell")
    omar = tag(project, article, "omar", "fell to 3 percent")
    published, skipped = claimreview(project)
    assert list(published) == [sara] and skipped == {omar: same_words(sara)}


def test_the_claim_accepted_in_review_is_the_one_published(project, article):
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar")
    project.annotator = "editor"
    reviews.review_claim(project, omar, "accept", "the better sources")
    published, skipped = claimreview(project)
    assert list(published) == [omar] and skipped == {sara: same_words(omar)}


def test_a_disagreement_settled_with_adopt_publishes_the_words_once(project, article):
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar", label="verified")
    published, skipped = claimreview(project)
    assert not published and "settle the disagreement first" in skipped[omar]
    project.annotator = "editor"
    claims.update_claim(project, omar, label="disputed")  # Adopt sara's verdict
    published, skipped = claimreview(project)
    assert list(published) == [sara] and skipped == {omar: same_words(sara)}


def test_only_a_published_claim_holds_its_words_back(project, article):
    """sara's words share «unemployment» with omar's, his share «3» with lina's: his are
    left out for sara's, and lina's, which share nothing with sara's, are published."""
    sara = tag(project, article, "sara", "mayor said unemployment")
    omar = tag(project, article, "omar", "unemployment fell to 3")
    lina = tag(project, article, "lina", "3 percent last year")
    published, skipped = claimreview(project)
    assert sorted(published) == sorted([sara, lina]) and skipped == {omar: same_words(sara)}


def test_a_rejected_or_contested_claim_holds_no_agreeing_one_back(project, article):
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar")
    project.annotator = "editor"
    reviews.review_claim(project, sara, "reject", "not what he said")
    published, skipped = claimreview(project)
    assert list(published) == [omar] and skipped == {sara: "its verdict was rejected in review"}
    # a third verdict on the words holds both back, as a disagreement, not as the same words
    lina = tag(project, article, "lina", label="verified")
    published, skipped = claimreview(project)
    assert not published and skipped[lina].endswith("settle the disagreement first")
    assert skipped[omar].endswith("settle the disagreement first")


def test_one_annotators_claims_inside_each_other_are_both_published(project, article):
    """One annotator's claim within another of theirs is a claim of its own (as for the
    disagreements); two claims of the same words only a merge of two copies makes."""
    whole = tag(project, article, "sara")
    part = tag(project, article, "sara", "3 percent")
    published, skipped = claimreview(project)
    assert sorted(published) == sorted([whole, part]) and not skipped


def test_w3c_and_csv_keep_every_annotators_words(project, article):
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar")
    w3c = json.loads(exporting.export_text(project, "w3c"))
    assert {a["creator"]["name"] for a in w3c} == {"sara", "omar"}
    text = exporting.export_text(project, "csv").removeprefix("\ufeff")
    assert {r["claim_id"] for r in csv.DictReader(io.StringIO(text, newline=""))} == \
        {sara, omar}


def test_the_reason_is_translated(project):
    from conftest import ROOT

    ts = (ROOT / "resources" / "translations" / "tahqiq_ar.ts").read_text("utf-8")
    source = same_words("{claim}")
    at = ts.index(f"<source>{source}</source>")
    assert 'type="unfinished"' not in ts[at:ts.index("</message>", at)]


def test_the_command_line_names_the_claim_left_out_and_the_one_published(tmp_path, capsys):
    from store.cli.main import main

    (tmp_path / "a.txt").write_text(f"Council approves budget\n\n{TEXT}\n", "utf-8")
    path = str(tmp_path / "p.tahqiq")

    def run(*argv: str) -> str:
        out = io.StringIO()
        assert main([*argv, "--project", path], out) == 0
        return out.getvalue().strip()

    article = run("import", str(tmp_path / "a.txt")).split("\t")[0]
    run("settings", "--organization", "Desk", "--url-template", "https://fc.example/{id}")
    sara, omar = (run("--annotator", name, "tag", article, "--quote", WORDS,
                      "--label", "disputed") for name in ("sara", "omar"))
    capsys.readouterr()
    published = json.loads(run("export", "--format", "claimreview"))
    assert [r["url"] for r in published] == [f"https://fc.example/{sara}"]
    assert f"tahqiq: skipped claim {omar}: {same_words(sara)}" in capsys.readouterr().err


def test_a_skipped_claims_reason_carries_its_kind_and_both_claims_words(project, article):
    """The window names a left-out claim by its words, and the claim published for them
    by theirs, not by ids it shows nowhere (rv284): each reason says its kind and the
    words, and is still the command line's sentence naming the published claim's id."""
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar", words="unemployment fell")
    project.annotator = "lina"
    other = articles.add_article(project, "Taxes rose again.", "Taxes")
    lina = appearances.tag_quote(project, other.id, "Taxes rose", "unchecked").claim_id
    skipped: list = []
    exporting.export_text(project, "claimreview", skipped=skipped)
    why = dict(skipped)
    assert set(why) == {omar, lina}
    assert (why[omar].kind, why[omar].quote, why[omar].published_quote) == (
        "published", "unemployment fell", WORDS)
    assert why[omar] == same_words(sara) and why[omar].params["claim"] == sara
    assert (why[lina].kind, why[lina].quote, why[lina].published_quote) == (
        "unchecked", "Taxes rose", "")


def test_a_skipped_claims_reason_says_whose_claim_it_is_and_whose_is_published(
        project, article):
    """Colleagues' claims on the same words read alike by their words alone, and the
    window could not say whose note and sources to copy into whose (rv285): each reason
    carries who tagged the claim left out and, for words published as another, who
    tagged that one; its sentence, the command line's, is as it was."""
    sara = tag(project, article, "sara")
    omar = tag(project, article, "omar")
    lina = tag(project, article, "lina", label="unchecked")
    skipped: list = []
    exporting.export_text(project, "claimreview", skipped=skipped)
    why = dict(skipped)
    assert set(why) == {omar, lina}
    assert (why[omar].annotator, why[omar].published_annotator,
            why[omar].quote, why[omar].published_quote) == ("omar", "sara", WORDS, WORDS)
    assert (why[lina].annotator, why[lina].published_annotator) == ("lina", "")
    assert str(why[omar]) == same_words(sara)
    given = why[omar].given(claim="x")  # (what a reason is given keeps whose it is)
    assert (given.annotator, given.published_annotator) == ("omar", "sara")


def test_a_left_out_claim_is_named_by_its_first_live_places_words(project, article):
    """A reason names each claim by its first place's words (by when each was tagged) in
    an article not deleted, as its ClaimReview's ``claimReviewed`` would hold them: not a
    later place's, nor those of a place left live in a deleted article (a merge, another
    program). Sara's claim: words in an article since deleted, then WORDS, then other
    words elsewhere; Omar's, same verdict: WORDS, then yet other words. Omar's is left
    out, named by WORDS, and published as Sara's, named by WORDS too (rv286: the left-out
    line's words taken from the last place, or the published claim's from its last place
    or a deleted article's, passed every test)."""
    gone = articles.add_article(project, "An old line: jobless rate down to 3.", "Old")
    later = articles.add_article(project, "Elsewhere: the jobless rate halved, and more.",
                                 "Later")
    project.annotator = "sara"
    sara = appearances.tag_quote(project, gone.id, "jobless rate down to 3",
                                 "disputed").claim_id
    appearances.tag_quote(project, article.id, WORDS, None, same_as=sara)
    appearances.tag_quote(project, later.id, "the jobless rate halved", None, same_as=sara)
    omar = tag(project, article, "omar")
    appearances.tag_quote(project, later.id, "and more", None, same_as=omar)
    project.execute("UPDATE articles SET deleted = ? WHERE id = ?",
                    [stamps.utcnow(), gone.id])  # (its place left live)
    skipped: list = []
    published = json.loads(exporting.export_text(project, "claimreview", skipped=skipped))
    why = dict(skipped)
    assert set(why) == {omar}
    assert (why[omar].kind, why[omar].quote, why[omar].published_quote) == (
        "published", WORDS, WORDS)
    assert [review["claimReviewed"] for review in published] == [WORDS]
