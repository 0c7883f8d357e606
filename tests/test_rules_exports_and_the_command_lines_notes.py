"""The exports and the command line's notes, pinned where mutation testing found them
unwatched (rv195: store/exchange/exporting.py, jsonld.py and store/cli/*.py): a text
imported again told nothing, firstAppearance, the W3C links and modified, the worst
rating kept."""

from __future__ import annotations

import io
import json

import pytest

from store.cli.main import main


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


# -- store/cli/articles.py -----------------------------------------------------------------
def test_a_text_imported_again_is_not_said_to_have_had_its_letters_rewritten(tmp_path,
                                                                            capsys):
    """The note «wrote N ligatures as plain letters» is for an article that came in: a
    file already in the project adds nothing, and is only said to be there."""
    text = tmp_path / "a.txt"
    text.write_text("The ofﬁcial said the ﬁgures rose by 5% this year.\n", encoding="utf-8")
    project = str(tmp_path / "p.tahqiq")
    run("import", str(text), "--project", project)
    assert "ligature" in capsys.readouterr().err
    run("import", str(text), "--project", project)
    again = capsys.readouterr().err
    assert "already in the project" in again
    assert "ligature" not in again


# -- store/exchange/jsonld.py: ClaimReview's dates ------------------------------------------
@pytest.fixture
def two_dated(project):
    """One claim's words in two articles published the same day, the first (where it was
    tagged first) with a time, the second with the day alone."""
    from store.core import appearances, articles, settings

    first = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة في المئة.", "أول",
                                 published="2024-06-19T10:00:00+03:00")
    second = articles.add_article(project, "نقلا عن الوكالة: قال الوزير إن النمو بلغ خمسة.",
                                  "ثان", published="2024-06-19")
    place = appearances.tag_quote(project, first.id, "قال الوزير", "disputed")
    appearances.tag_quote(project, second.id, "قال الوزير", "disputed",
                          same_as=place.claim_id)
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    return project


def _reviewed_claim(project) -> dict:
    from store.exchange import exporting

    (review,) = json.loads(exporting.export_text(project, "claimreview"))
    return review["itemReviewed"]


def test_claim_first_appearance_is_the_first_article_of_the_earliest_day(two_dated):
    """Days alone are compared: of two articles of the same day, the first the claim
    appears in is its firstAppearance, whether or not its date carries a time."""
    claim = _reviewed_claim(two_dated)
    assert [work["headline"] for work in claim["appearance"]] == ["أول", "ثان"]
    assert claim["firstAppearance"]["headline"] == "أول"
    assert claim["datePublished"] == "2024-06-19"  # a Date, not the first's DateTime


def test_an_articles_date_kept_with_spaces_still_dates_its_appearance(two_dated):
    """A published date a merge or another program kept with spaces round it is read as
    the date it is (schema_date refuses the spaces)."""
    two_dated.execute("UPDATE articles SET published = ' 2024-06-18 ' WHERE title = 'ثان'")
    claim = _reviewed_claim(two_dated)
    assert claim["appearance"][1]["datePublished"] == "2024-06-18"
    assert claim["firstAppearance"]["headline"] == "ثان"


def test_a_document_imported_again_is_not_said_to_have_left_anything_out(tmp_path, capsys):
    """«left out the document's deleted tracked changes…» is said of the article that came
    in; the same document again adds nothing, and is only said to be there."""
    import shutil

    from conftest import ROOT

    document = tmp_path / "sample.docx"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "documents" / "sample.docx", document)
    project = str(tmp_path / "p.tahqiq")
    run("import", str(document), "--project", project)
    assert "left out the document's" in capsys.readouterr().err
    run("import", str(document), "--project", project)
    again = capsys.readouterr().err
    assert "already in the project" in again
    assert "left out" not in again


# -- store/exchange/exporting.py: the CSV written cell by cell -------------------------------
def test_raw_csv_of_a_batch_written_cell_by_cell_leaves_sources_as_they_are(project):
    """A batch holding a value the schema does not (a place's start stored as a
    fraction by another program) is written by csv_cells: --raw keeps its sources as
    they are there too, as the quick path does; without --raw they are escaped."""
    import csv

    from store.core import appearances, articles
    from store.exchange import csv_format, exporting

    article = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة.", "عنوان")
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.execute("UPDATE claims SET sources = '[\"=HYPERLINK(1)\"]' WHERE id = ?",
                    [place.claim_id])
    project.execute("UPDATE appearances SET start = start + 0.5 WHERE id = ?", [place.id])
    column = csv_format.CSV_COLUMNS.index("sources")

    def sources(raw: bool) -> str:
        text = exporting.export_text(project, "csv", raw=raw).removeprefix("\ufeff")
        return list(csv.reader(io.StringIO(text)))[1][column]

    assert sources(raw=True) == "=HYPERLINK(1)"
    assert sources(raw=False) == "'=HYPERLINK(1)"


# -- store/exchange/jsonld.py: W3C bodies -------------------------------------------------
def test_w3c_links_only_web_sources(project):
    """A colleague's file, merged, can hold any text as a source («javascript:…»,
    «file:///…»), which Tahqiq itself refuses: the W3C export links web sources only,
    as ClaimReview cites them."""
    from store.core import appearances, articles
    from store.exchange import exporting

    article = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة.", "عنوان")
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.execute("UPDATE claims SET sources = ? WHERE id = ?",
                    [json.dumps(["javascript:alert(1)", "file:///etc/passwd",
                                 "https://evidence.example/1"]), place.claim_id])
    (annotation,) = json.loads(exporting.export_text(project, "w3c"))
    linked = [body["source"] for body in annotation["body"] if body["purpose"] == "linking"]
    assert linked == ["https://evidence.example/1"]


def test_w3c_modified_is_the_claims_last_change_when_later_than_its_words(project):
    """A verdict changed after tagging is a change to each of the claim's annotations:
    ``modified`` is the later of the words' and the claim's change."""
    from store.core import appearances, articles, claims
    from store.exchange import exporting

    article = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة.", "عنوان")
    place = appearances.tag_quote(project, article.id, "قال الوزير", "disputed")
    project.execute("UPDATE appearances SET updated = '2024-01-01T00:00:00.000000Z' "
                    "WHERE id = ?", [place.id])
    changed = claims.update_claim(project, place.claim_id, label="verified")
    (annotation,) = json.loads(exporting.export_text(project, "w3c"))
    assert annotation["modified"] == changed.updated != "2024-01-01T00:00:00.000000Z"


# -- store/exchange/jsonld.py: ClaimReview's articles -------------------------------------
def test_claimreview_leaves_out_a_deleted_article_its_live_words_are_in(two_dated):
    """Words left live in an article deleted (a merge, another program): the ClaimReview
    names the live articles only, as the W3C and CSV exports do."""
    two_dated.execute("UPDATE articles SET deleted = '2024-07-01T00:00:00.000000Z' "
                      "WHERE title = 'ثان'")
    claim = _reviewed_claim(two_dated)
    assert [work["headline"] for work in claim["appearance"]] == ["أول"]


def test_claimreview_is_modified_on_the_day_one_of_its_places_was_untagged(two_dated):
    """Words untagged change itemReviewed: dateModified is that day, though nothing else
    of the claim, its other words or its articles changed since."""
    from store.core import appearances

    old = "2024-06-20T00:00:00.000000Z"
    for table in ("claims", "appearances", "articles"):
        two_dated.execute(f"UPDATE {table} SET updated = ?", [old])
    second = two_dated.execute("SELECT p.id FROM appearances p JOIN articles a ON "
                               "a.id = p.article_id WHERE a.title = 'ثان'").fetchone()[0]
    appearances.delete(two_dated, second, at="2024-07-02T10:00:00.000000Z")
    from store.exchange import exporting

    (review,) = json.loads(exporting.export_text(two_dated, "claimreview"))
    assert review["dateModified"] == "2024-07-02"
    assert [work["headline"] for work in review["itemReviewed"]["appearance"]] == ["أول"]


def test_a_verdict_rated_the_worst_of_the_scale_keeps_its_rating(project):
    """The scale's ends are in it: a verdict rated the worst (1 of 1-5) is published with
    its ratingValue, as the best is."""
    from store.core import appearances, articles, labels, settings
    from store.exchange import exporting

    worst, best = labels.rating_scale()
    by_rating = {label.rating: label.key for label in labels.list_labels(project)}
    assert {worst, best} <= set(by_rating)  # the default set rates both ends
    article = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة. وقال آخر غير ذلك.",
                                   "عنوان")
    appearances.tag_quote(project, article.id, "قال الوزير", by_rating[worst])
    appearances.tag_quote(project, article.id, "وقال آخر", by_rating[best])
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    published = json.loads(exporting.export_text(project, "claimreview"))
    assert sorted(review["reviewRating"].get("ratingValue") for review in published) == [
        worst, best]
