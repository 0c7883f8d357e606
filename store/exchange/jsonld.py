"""Claims for publishing: W3C Web Annotations and schema.org ClaimReview (JSON-LD).

``w3c``          one Web Annotation per appearance: the words, where they are, and the
                 claim's verdict, note and sources (https://www.w3.org/TR/annotation-model/)
``claimreview``  one ClaimReview per claim, every appearance in ``itemReviewed``, ready
                 for search engines (https://schema.org/ClaimReview, and Google's required
                 properties: ``url``, ``claimReviewed``, ``reviewRating.alternateName``,
                 plus ``author``). A claim still ``unchecked``, or whose verdict was
                 rejected in review, is not a published verdict: it is left out and
                 reported as skipped; so is one of two claims checked alike on the
                 same words, which are published once (as the other). A review of an
                 earlier verdict is no review (store.review.reviews.stands): such a
                 claim is published as unreviewed claims are.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from itertools import groupby
from operator import attrgetter
from typing import Any

from store.core.appearances import BY_ARTICLE_LIST, LIST_ORDER, LIVE
from store.core.articles import is_language_tag, schema_date
from store.core.labels import list_labels, rating_scale, stand_in
from store.core.links import as_iri, is_web_link, trimmed_link
from store.core.project import Project, id_chunks
from store.core.records import Appearance, Claim, Label, Place, Review, appearance_select
from store.core.settings import ProjectSettings, get_settings, project_language
from store.errors import Message, NotPublishable
from store.review.disagreements import find_agreements, find_disagreements
from store.review.reviews import current_reviews

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_CONTEXT = "https://schema.org"
NOT_A_VERDICT = "unchecked"  # the label a claim has before anyone checked it


def urn(record_id: str, kind: str = "claim") -> str:
    try:
        return uuid.UUID(record_id).urn
    except ValueError:
        return f"urn:tahqiq:{kind}:{record_id}"


def article_url(article: dict[str, Any]) -> str | None:
    """The article's web address, if its URL is a web link: the field is free-form (imports
    bring other forms), and any other value is left out of the exports."""
    url = trimmed_link(article.get("url") or "")  # (as sources)
    return as_iri(url) if is_web_link(url) else None


def article_iri(article: dict[str, Any]) -> str:
    """The article's web address if it has one, else a URN naming it in this project."""
    return article_url(article) or f"urn:tahqiq:article:{article['id']}"


def article_metadata(project: Project) -> dict[str, dict[str, Any]]:
    """Every article's id, title, fingerprint, metadata and deletion, without the (large)
    texts."""
    return {row["id"]: row for row in project.query(
        "SELECT id, title, fingerprint, outlet, url, published, language, deleted, updated "
        "FROM articles")}


# -- W3C Web Annotation ------------------------------------------------------------------
def w3c_annotation(appearance: Appearance, article: dict[str, Any]) -> dict[str, Any]:
    """One appearance as a W3C Web Annotation.

    The verdict is an ``assessing`` TextualBody holding the label key, the note a
    ``commenting`` one, each source a SpecificResource with purpose ``linking`` (the
    model's way to give an external resource a purpose), and the claim the words are an
    appearance of an ``identifying`` SpecificResource (so annotations of one claim can be
    told together). The target carries a TextQuoteSelector and a TextPositionSelector over
    the stored text.

    A place whose id another program left NULL (``check`` names it) has no IRI to give:
    its annotation is written without an ``id``, as the JSON export writes it null and the
    CSV an empty cell, rather than the export going down on it (rv286) or an id being made
    up that no other export or listing of the project would show.
    """
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": appearance.label}]
    if appearance.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": appearance.note,
                     "format": "text/plain"})
    body += [{"type": "SpecificResource", "purpose": "linking", "source": as_iri(url)}
             for url in appearance.sources if is_web_link(url)]  # (see claim_review)
    body.append({"type": "SpecificResource", "purpose": "identifying",
                 "source": urn(appearance.claim_id)})
    named = {} if appearance.id is None else {"id": urn(appearance.id)}
    return {
        "@context": W3C_CONTEXT,
        **named,
        "type": "Annotation",
        "motivation": "assessing",
        "creator": {"type": "Person", "name": appearance.annotator},
        "created": appearance.created,
        "modified": appearance.last_change,
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": article_iri(article),
            "selector": [
                {"type": "TextQuoteSelector", "exact": appearance.quote,
                 "prefix": appearance.prefix, "suffix": appearance.suffix},
                {"type": "TextPositionSelector", "start": appearance.start,
                 "end": appearance.end},
            ],
        },
    }


# -- schema.org ClaimReview --------------------------------------------------------------
class LeftOut(Message):
    """Why a claim was left out of a ClaimReview export, said as the command line says it
    (it *is* that sentence: «tahqiq: skipped claim ID: why», which scripts read), with
    what an interface needs to say it in its reader's words, not by claim ids it shows
    nowhere (rv284): the reason's *kind* (``unchecked``, ``rejected``, ``contested`` or
    ``published``), the words of the claim left out (*quote*, its first place's, as
    ``claimReviewed`` would have held) and, for ``published``, the id of the claim
    published for those words (``params["claim"]``) and that claim's words
    (*published_quote*). Whose each claim is (*annotator*, *published_annotator*: who
    first tagged it) tells apart colleagues' claims on the same words, which the words
    alone do not: three such lines read alike, and the checker could not see whose note
    and sources to copy into whose (rv285)."""

    kind: str
    quote: str
    published_quote: str
    annotator: str
    published_annotator: str

    @classmethod
    def of(cls, reason: Message, kind: str, quote: str, published_quote: str = "",
           annotator: str = "", published_annotator: str = "") -> LeftOut:
        left = cls.__new__(cls, reason.template, **reason.params)
        left.kind, left.quote, left.published_quote = kind, quote, published_quote
        left.annotator, left.published_annotator = annotator, published_annotator
        return left

    def given(self, **params: object) -> LeftOut:
        return LeftOut.of(super().given(**params), self.kind, self.quote,
                          self.published_quote, self.annotator, self.published_annotator)


Skipped = list[tuple[str, Message]]
"""(claim id, why) of each claim a ClaimReview export left out: the why a
:class:`LeftOut`."""


def claim_reviews(project: Project, article_id: str | None = None,
                  skipped: Skipped | None = None, each: Callable[[int], None] | None = None
                  ) -> Iterator[dict[str, Any]]:
    """One ClaimReview per claim of the project (or appearing in the article
    *article_id*, with every place it appears), in the order of their first places, made
    as they are taken: the claims' places are read CLAIMS_AT_ONCE claims at a time, not
    all at once (100,000 claims took 375 MB). A claim without a final, unrejected verdict
    is added to *skipped* instead; *each* is called with the number of claims done after
    each one.

    NotPublishable at once if the project lacks the organisation or the fact-check URL
    template: without them no ClaimReview is complete (File ▸ Project Settings, or
    ``tahqiq settings --organization NAME --url-template URL``).
    """
    settings = get_settings(project)
    if not settings.publishes_claimreview:
        raise NotPublishable(
            "ClaimReview needs the organisation that publishes the fact-checks and the "
            "address of each one: set them in Project Settings, or with tahqiq settings "
            "--organization NAME --url-template URL (like {example}, where {{id}} stands "
            "for the claim's id).", example="https://factcheck.example/claims/{id}")
    return _claim_reviews(project, article_id, settings, [] if skipped is None else skipped,
                          each)


def _claim_reviews(project: Project, article_id: str | None, settings: ProjectSettings,
                   skipped: Skipped, each: Callable[[int], None] | None
                   ) -> Iterator[dict[str, Any]]:
    labels = {label.key: label for label in list_labels(project)}
    language, scale = project_language(project), rating_scale()
    status = current_reviews(project)  # a review of an earlier verdict is none
    claims, contested, repeated = _claims_and_contested(project, article_id, status)
    articles = article_metadata(project)
    published_words = _first_quotes(project, set(repeated.values()), articles)
    # (the deleted articles left out here, not in each query: finding them reads the
    # article rows, 7 ms for 10,000 articles)
    dead = {key for key, article in articles.items() if article["deleted"] is not None}
    done = 0
    for chunk, marks in id_chunks(claims, CLAIMS_AT_ONCE):
        with closing(project.execute(appearance_select(
                f"{LIVE} AND a.claim_id IN ({marks})", "a.claim_id, a.created, a.id"),
                chunk)) as rows:
            live = (place for place in map(Appearance.from_values, rows)
                    if place.article_id not in dead)
            places = {claim_id: list(group)
                      for claim_id, group in groupby(live, key=attrgetter("claim_id"))}
        checked = _first_verdicts(project, chunk, marks)
        moved = _places_changed(project, chunk, marks)
        for claim_id in chunk:
            # (no places: a claim deleted since the claims were read, outside a snapshot)
            if ordered := places.get(claim_id):  # by when each was written
                claim = ordered[0].claim
                why = _left_out(claim, ordered[0].quote, status.get(claim_id),
                                contested.get(claim_id), repeated.get(claim_id),
                                published_words)
                if why is None:
                    yield claim_review(ordered, articles, labels.get(claim.label)
                                       or stand_in(claim.label), language,
                                       scale, settings.organization,
                                       settings.claim_url(claim_id), checked.get(claim_id),
                                       moved.get(claim_id))
                else:
                    skipped.append((claim_id, why))
            done += 1
            if each is not None:
                each(done)


def _first_verdicts(project: Project, claim_ids: list[str], marks: str) -> dict[str, str]:
    """When each of *claim_ids* (*marks*: their placeholders) was first given a verdict,
    as its history tells: a claim tagged «unchecked» on the 1st, a request to check it,
    and given its verdict on the 20th was published as checked on the 1st (rv98). An entry
    another program wrote, not JSON, tells none (json_extract() failed the export: rv254)."""
    return dict(project.execute(
        "SELECT entity_id, min(at) FROM history WHERE entity_id IN "
        f"({marks}) AND entity = 'claim' AND after IS NOT NULL AND CASE WHEN "
        "json_valid(after) THEN json_extract(after, '$.label') END <> ? GROUP BY entity_id",
        [*claim_ids, NOT_A_VERDICT]))


def _places_changed(project: Project, claim_ids: list[str], marks: str) -> dict[str, str]:
    """When each of *claim_ids* last had its words changed: a place moved (its quote is
    ``claimReviewed``), tagged, untagged or restored (each is ``itemReviewed``), which the
    claim's own ``updated`` does not tell (rv105)."""
    return dict(project.execute(
        "SELECT claim_id, max(max(updated, coalesce(deleted, ''))) FROM appearances "
        f"WHERE claim_id IN ({marks}) GROUP BY claim_id", claim_ids))


def _left_out(claim: Claim, quote: str, review: Review | None, other: Place | None,
              published: str | None = None,
              published_words: dict[str, tuple[str, str]] | None = None) -> LeftOut | None:
    """Why a claim (its words *quote*) is not published (None: it is): no verdict yet,
    its verdict rejected in review, another annotator's verdict on its words (*other*),
    or their same verdict, published as the claim *published* (its words and whose it is
    in *published_words*)."""
    whose = claim.annotator
    if claim.label == NOT_A_VERDICT:
        return LeftOut.of(Message("no verdict yet ({label})", label=claim.label),
                          "unchecked", quote, annotator=whose)
    if review is not None and review.decision == "reject":
        return LeftOut.of(Message("its verdict was rejected in review"), "rejected", quote,
                          annotator=whose)
    if other is not None:
        return LeftOut.of(Message(
            "{annotator} gave its words another verdict ({label}): settle the "
            "disagreement first", annotator=other.annotator, label=other.label),
            "contested", quote, annotator=whose)
    if published is not None:
        words, theirs = (published_words or {}).get(published, ("", ""))
        return LeftOut.of(Message(
            "its words are published as claim {claim}, with the same verdict and that "
            "claim's own note and sources: copy this one's there to publish them",
            claim=published), "published", quote, words, whose, theirs)
    return None


def _first_quotes(project: Project, claim_ids: set[str],
                  articles: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """The words of each of *claim_ids*: its first live place's (by when each was
    written, in an article not deleted), as its ClaimReview's ``claimReviewed``; and
    whose claim it is (who first tagged it)."""
    quotes: dict[str, tuple[str, str]] = {}
    for chunk, marks in id_chunks(sorted(claim_ids), CLAIMS_AT_ONCE):
        with closing(project.execute(
                f"SELECT a.claim_id, a.article_id, a.quote, c.annotator FROM appearances a "
                f"JOIN claims c ON c.id = a.claim_id WHERE {LIVE} AND a.claim_id IN "
                f"({marks}) ORDER BY a.claim_id, a.created, a.id", chunk)) as rows:
            for claim_id, article, quote, annotator in rows:
                if article in articles and articles[article]["deleted"] is None:
                    quotes.setdefault(claim_id, (quote, annotator))
    return quotes


CLAIMS_AT_ONCE = 500


def count_claims_reviewed(project: Project, article_id: str | None = None) -> int:
    """How many claims claim_reviews looks at (published or skipped)."""
    where, params = _live(article_id)
    return project.execute("SELECT count(DISTINCT a.claim_id) FROM appearances a JOIN "
                           f"claims c ON c.id = a.claim_id WHERE {where}", params).fetchone()[0]


def _claims_and_contested(project: Project, article_id: str | None,
                          status: dict[str, Review]
                          ) -> tuple[list[str], dict[str, Place], dict[str, str]]:
    """The claims claim_reviews looks at, in the order of their first places; those
    among them whose words another annotator tagged with another verdict (the
    Disagreements panel's pairs), each with that other place; and those whose words
    another claim with the same verdict is published for (:func:`_published_once`),
    each with that claim's id. Both sides of a disagreement stay unpublished until it
    is settled: two ClaimReviews of the same words with opposite ratings went out
    without a word; and once settled (or where both agreed from the start), both went
    out with one rating, two fact-checks of the same words (rv203). A side with no
    verdict yet (unchecked: a request to check) or whose verdict was rejected in
    review holds nothing back.

    Read from the light places (:class:`Place`) of the articles the claims appear in,
    an article at a time, in reading order."""
    def standing(place: Place) -> bool:
        review = status.get(place.claim_id)
        return place.label != NOT_A_VERDICT and not (review and review.decision == "reject")

    live, _ = _live(None)
    where, params = live, []
    wanted: set[str] | None = None  # every claim of the project
    if article_id is not None:
        in_article, in_params = _live(article_id)
        wanted = {row[0] for row in project.execute(
            "SELECT a.claim_id FROM appearances a JOIN claims c ON c.id = a.claim_id "
            f"WHERE {in_article}", in_params)}
        # (the articles where the article's claims have places; a place since deleted
        # may add one, whose pairs concern no claim looked at)
        where = (f"{live} AND a.article_id IN (SELECT b.article_id FROM appearances b "
                 "WHERE b.deleted IS NULL AND b.claim_id IN (SELECT claim_id FROM "
                 "appearances WHERE article_id = ?))")
        params = [article_id]
    claims: dict[str, None] = {}
    contested: dict[str, Place] = {}
    twins: dict[str, set[str]] = {}  # each claim's agreeing ones on its words
    with closing(project.execute(
            'SELECT a.id, a.claim_id, a.article_id, a.start, a."end", c.label, a.annotator, '
            f"a.created FROM appearances a JOIN claims c ON c.id = a.claim_id{BY_ARTICLE_LIST} "
            f"WHERE {where} ORDER BY {LIST_ORDER}", params)) as rows:
        for _, in_article in groupby(map(Place._make, rows), key=attrgetter("article_id")):
            places = list(in_article)
            claims.update((place.claim_id, None) for place in places
                          if wanted is None or place.claim_id in wanted)
            for pair in find_disagreements(places):
                if standing(pair.first) and standing(pair.second):
                    contested.setdefault(pair.first.claim_id, pair.second)
                    contested.setdefault(pair.second.claim_id, pair.first)
            for pair in find_agreements(places):
                if standing(pair.first) and standing(pair.second):
                    twins.setdefault(pair.first.claim_id, set()).add(pair.second.claim_id)
                    twins.setdefault(pair.second.claim_id, set()).add(pair.first.claim_id)
    # (a claim held back by a disagreement is published for no one's words)
    twins = {claim: others - contested.keys() for claim, others in twins.items()
             if claim not in contested}
    return list(claims), contested, _published_once(project, twins, status)


def _published_once(project: Project, twins: dict[str, set[str]],
                    status: dict[str, Review]) -> dict[str, str]:
    """Of claims checked alike on the same words (*twins*: each one's), those left out,
    each with the claim published for its words: the one accepted in review first,
    else the first tagged, then the next among those on other words. A claim is left
    out for a published one only: words overlapping only a claim left out are
    published. Decided over every article the claims looked at appear in, so an
    article's export leaves out what the project's does (unless a chain of such
    words runs on through articles it does not read)."""
    created: dict[str, str] = {}
    for chunk, marks in id_chunks(list(twins), CLAIMS_AT_ONCE):
        created.update(project.execute(
            f"SELECT id, created FROM claims WHERE id IN ({marks})", chunk))

    def first(claim_id: str) -> tuple[bool, str, str]:
        review = status.get(claim_id)
        return review is None or review.decision != "accept", created[claim_id], claim_id

    published: set[str] = set()
    repeated: dict[str, str] = {}
    for claim_id in sorted(twins, key=first):
        if shown := published & twins[claim_id]:
            repeated[claim_id] = min(shown, key=first)
        else:
            published.add(claim_id)
    return repeated


def claim_review(places: list[Appearance], articles: dict[str, dict[str, Any]], label: Label,
                 language: str, scale: tuple[int, int], organization: str,
                 url: str, checked: str | None = None, places_changed: str | None = None
                 ) -> dict[str, Any]:
    """One claim (appearing at *places*, the first first) as a schema.org ClaimReview;
    *checked*: when it was first given a verdict (its creation when not known).

    ``reviewRating.alternateName`` is the verdict in the project's language (the
    human-readable verdict search engines show), ``identifier`` its key; the numeric
    rating comes from the label and is left out when it is outside the scale.
    """
    claim = places[0].claim
    worst, best = scale
    # Its last change: the claim's, its words' (*places_changed*: a move, a place added or
    # untagged) and its articles' details (itemReviewed): a claim moved to other words, or
    # its article given its address, was published anew as unmodified (rv105).
    modified = max(claim.updated, places_changed or "",
                   *(p.updated for p in places),
                   *(articles[p.article_id].get("updated") or "" for p in places))
    # (name too: Google recommends it beside the alternateName it shows)
    verdict = label.name(language)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict, "name": verdict,
                              "identifier": label.key}
    if worst <= label.rating <= best:
        rating.update(ratingValue=label.rating, bestRating=best, worstRating=worst)
    author = {"@type": "Organization", "name": organization}
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "@id": urn(claim.id),
        "url": as_iri(url),
        "claimReviewed": places[0].quote,
        # First published when the claim was checked (first given a verdict: tagged
        # «unchecked», it was not yet); a later change (a verdict, a typo in the note)
        # is a modification, and moved datePublished along with it.
        "datePublished": (checked or claim.created)[:10],
        "dateModified": modified[:10],
        "author": author,
        "reviewRating": rating,
        "itemReviewed": _claim(places, articles),
    }
    if language:
        review["inLanguage"] = language
    if claim.note:
        review["reviewBody"] = claim.note
    # Web links only: a colleague's file, merged, can hold any text as a source
    # («javascript:…», «file:///…»), which Tahqiq itself refuses.
    if cited := [source for source in claim.sources if is_web_link(source)]:
        review["citation"] = [{"@type": "CreativeWork", "url": as_iri(source)}
                              for source in cited]
    return review


def _claim(places: list[Appearance], articles: dict[str, dict[str, Any]]
           ) -> dict[str, Any]:
    """The claim reviewed: each article it appears in, once (in order of its first place
    there), and, where the articles are dated, the first of the earliest day (days alone
    compared: a time's offset is not always given) as its ``firstAppearance`` and that day
    as its ``datePublished`` (Google recommends both: the first the checker knows
    of, as the project holds no claimant and no date of its own for a claim)."""
    works = [_appearance(articles[article_id])
             for article_id in dict.fromkeys(p.article_id for p in places)]
    claim: dict[str, Any] = {"@type": "Claim", "appearance": works}
    if dated := [work for work in works if "datePublished" in work]:
        first = min(dated, key=lambda work: work["datePublished"][:10])
        claim.update(datePublished=first["datePublished"][:10], firstAppearance=first)
    return claim


def _appearance(article: dict[str, Any]) -> dict[str, Any]:
    """Where a claim appeared: the article as a CreativeWork (URL, outlet, date)."""
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.get("title") or ""}
    if (url := article_url(article)) is not None:
        work["url"] = url
    published = (article.get("published") or "").strip()
    if date := schema_date(published):  # free-form "published" metadata is left out
        work["datePublished"] = date
    if article.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    language = (article.get("language") or "").strip()
    if is_language_tag(language):  # so is a free-form one ("Arabic")
        work["inLanguage"] = language
    return work


def live_appearance_rows(project: Project, article_id: str | None = None) -> sqlite3.Cursor:
    """Live appearances of live claims on live articles, in reading order, as rows for
    ``Appearance.from_values``, read as they are taken (an export of 100,000 writes each
    as it comes); close the cursor when done."""
    where, params = _live(article_id)
    return project.execute(appearance_select(where, LIST_ORDER, BY_ARTICLE_LIST), params)


def count_live_appearances(project: Project, article_id: str | None = None) -> int:
    where, params = _live(article_id)
    return project.execute("SELECT count(*) FROM appearances a JOIN claims c ON c.id = "
                           f"a.claim_id WHERE {where}", params).fetchone()[0]


def _live(article_id: str | None) -> tuple[str, list[str]]:
    where = f"{LIVE} AND a.article_id NOT IN (SELECT id FROM articles WHERE deleted IS NOT NULL)"
    if article_id is None:
        return where, []
    return f"a.article_id = ? AND {where}", [article_id]
