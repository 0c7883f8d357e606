"""Search against a reference that takes no shortcut: every text folded whole with its
offset map (store.text.fold.fold), every term looked for in it, every live place of the
article read. Whatever search does to be quick (hits found once in the bodies the index
holds, removed characters found by kind, claims read around the hits only, texts read a
page at a time) must give exactly this: the same hits, in the same order, with the same
kinds, offsets, claims, contexts and ``apart``."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, claims, search
from store.core.project import Project
from store.errors import DuplicateClaim, InvalidSpan
from store.text.fold import REMOVED, fold
from store.text.word_starts import find_spans, occurs

# Words folding changes (ة أ إ ى, Arabic-Indic digits, case), clitics, numbers.
WORDS = ["معاهدة", "المعاهدة", "بالمعاهدة", "للمعاهدة", "أقوى", "إتفاق", "الاتفاق", "على", "مصر",
         "٢٠٢٤", "2024", "24", "24.5", "Putin", "PUTIN", "و", "ال", "(EPA)", "-3"]
QUERIES = ["معاهده", "المعاهدة", "اقوى", "الاتفاق", "2024", "24", "putin", "على مصر",
           "معاهدة على", '"أقوى معاهدة"', "و", "ال", "(EPA)", "-3", "مصر 24", "ى"]


def _text(rng: random.Random) -> str:
    """Words with removed characters (harakat, tatweel, bidi and zero-width marks)
    sprinkled inside and between them, few or many, and spaces or punctuation
    between them."""
    out = []
    marks = rng.choice([0.0, 0.02, 0.3])
    for _ in range(rng.randint(1, 30)):
        word = "".join(ch + (rng.choice(REMOVED) if rng.random() < marks else "")
                       for ch in rng.choice(WORDS))
        out.append(word + rng.choice([" ", " ", "\n", "، ", " " + rng.choice(REMOVED),
                                      # punctuation between a phrase's words, up to the
                                      # longest gap (five) and beyond it
                                      " – ", "»، «", " . . "]))
    return "".join(out).strip() or "نص"


def _reference(project: Project, query: str) -> list[tuple]:
    """The hits search must give, computed the slow way."""
    conn = project.conn
    search.catch_up(project)
    order = conn.execute("SELECT kind, ref_id, article_id FROM search_entries "
                         "ORDER BY id").fetchall()
    titles = dict(conn.execute("SELECT id, title FROM articles WHERE deleted IS NULL"))
    hits = []
    for tier in search._tiers(query):
        for kind, ref_id, article_id in order:
            if article_id not in titles:
                continue
            table = "articles" if kind == "article" else "claims"
            column = "text" if kind == "article" else "note"
            text = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?",
                                [ref_id]).fetchone()[0]
            folded = fold(text)
            if tier.shown is not None and occurs(tier.shown, folded.text):
                continue
            if not all(occurs(term, folded.text) for term in tier.terms):
                continue
            found = sorted({span for term in tier.terms
                            for span in find_spans(term, folded.text)})
            places = conn.execute(
                'SELECT a.claim_id, a.start, a."end" FROM appearances a JOIN claims c '
                "ON c.id = a.claim_id WHERE a.article_id = ? AND a.deleted IS NULL "
                "AND c.deleted IS NULL ORDER BY a.rowid", [article_id]).fetchall()
            for span in found:
                start, end = folded.to_original(*span)
                if kind == "note":
                    hit_kind, claim_id = "note", ref_id
                else:
                    letters_end = search._letters_end(text, start, end)
                    around = [(c_end - c_start, n, claim_id)
                              for n, (claim_id, c_start, c_end) in enumerate(places)
                              if c_start <= start and letters_end <= c_end]
                    claim_id = min(around)[2] if around else None
                    hit_kind = "quote" if claim_id else "article"
                hits.append((hit_kind, article_id, titles[article_id], claim_id, start, end,
                             *search._context(text, start, end), tier.apart))
    return hits


def _as_tuples(hits: list[search.SearchHit]) -> list[tuple]:
    return [(h.kind, h.article_id, h.article_title, h.claim_id, h.start, h.end, h.context,
             h.context_start, h.context_end, h.apart) for h in hits]


@pytest.fixture(scope="module")
def reference_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("reference")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 2**32), st.integers(1, 4), st.integers(1, 6))
def test_search_gives_what_folding_every_text_whole_gives(reference_dir, seed, first, page):
    rng = random.Random(seed)
    project = Project.open(reference_dir / f"{seed}-{first}-{page}.tahqiq", "tester")
    try:
        texts = [_text(rng) for _ in range(rng.randint(1, 8))]
        ids = [articles.add_article(project, text, f"t{i}").id for i, text in enumerate(texts)]
        for _ in range(rng.randint(0, 12)):
            n = rng.randrange(len(texts))
            start = rng.randrange(len(texts[n]))
            end = rng.randint(start + 1, len(texts[n]))
            try:
                place = appearances.create_claim(
                    project, ids[n], start, end, rng.choice(["disputed", "verified"]),
                    note=rng.choice(["", "", _text(rng)]))
            except (InvalidSpan, DuplicateClaim):  # only spaces, or tagged already
                continue
            if rng.random() < 0.15:
                claims.delete_claim(project, place.id)
        if rng.random() < 0.2:  # its notes stay indexed, and are not shown
            with project.transaction():
                project.conn.execute("UPDATE articles SET deleted = 'now' WHERE id = ?",
                                     [rng.choice(ids)])
        # Small pages: hits of one text and claims of one page cross page edges.
        search._FIRST_PAGE, search._PAGE = first, page
        search._CLAIMS_AT_ONCE = rng.randint(1, 3)  # the claims of a page's hits, in pieces
        for query in rng.sample(QUERIES, 6):
            expected = _reference(project, query)
            assert _as_tuples(list(search.iter_hits(project, query))) == expected
            limit = rng.randint(0, len(expected) + 1)
            assert _as_tuples(search.search(project, query, limit)) == expected[:limit]
    finally:
        search._FIRST_PAGE, search._PAGE, search._CLAIMS_AT_ONCE = 16, 64, 300
        project.close()
