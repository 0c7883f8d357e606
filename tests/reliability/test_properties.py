"""Properties, 1,000 examples each (derandomized in CI, see tests/conftest.py).

Here: any text and any claim survive a CSV export and import, and a JSON export; a
quote is found again wherever the text around it moved. Kept elsewhere, not repeated:
code point <-> UTF-16 conversion is a bijection on valid positions
(tests/test_gui_units.py::test_code_point_utf16_conversion_is_a_bijection), and Arabic
folding never changes the length mapping it reports
(tests/test_arabic.py::test_offset_map_bookkeeping: one offset per folded character,
strictly increasing, inside the original, and mapping any folded span back to an
original span that folds to it), both at 1,000 examples.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterator

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from store.core import appearances, articles, retext, sqlfunctions
from store.core.project import Project
from store.errors import AnchorLost
from store.exchange import exporting
from store.exchange.csv_format import import_claims_csv
from store.text import anchoring
from store.text.fold import INVISIBLE

TEMPLATE = Project.in_memory("template")
LABELS = ("unchecked", "verified", "disputed")
EXAMPLES = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fresh(annotator: str) -> Project:
    """A new in-memory project: a copy of TEMPLATE (building the schema and labels each
    time costs some 4 ms an example; copying, a tenth of one)."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    TEMPLATE.conn.backup(conn)
    sqlfunctions.register_functions(conn)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA recursive_triggers=ON")
    return Project(conn, None, annotator)


_KEPT: dict[str, Project] = {}


@contextlib.contextmanager
def empty(role: str, annotator: str) -> Iterator[Project]:
    """A project as empty as :func:`fresh`'s, for one example: one copy of TEMPLATE per
    *role* kept for the worker, each example's work in a savepoint rolled back after it.
    A new connection per example cost some 2.7 ms of CPU in all (SQLite reading the
    schema again, and preparing each statement and its triggers again on first use) -
    some 11 of this file's 53 s; the store's own transactions become savepoints inside it
    (Project.transaction), as when a user's action runs inside another."""
    project = _KEPT.get(role)
    if project is None:
        project = _KEPT[role] = fresh(annotator)
    project.annotator = annotator
    project.conn.execute("SAVEPOINT example")
    try:
        yield project
    finally:
        project.conn.execute("ROLLBACK TO SAVEPOINT example")
        project.conn.execute("RELEASE SAVEPOINT example")


# Any character SQLite can store (no lone surrogates), weighted towards the ones that
# break things: Arabic with harakat, emoji (several code points, outside the BMP),
# bidi controls, CR/LF, NUL, quotes, commas and formula characters.
TRICKY = list("قالتٱلحكومةإنَّ ًٌٍَُِّْـ،؛؟«»0123456789٠١٢٣") + [
    "😀", "👍🏽", "🇸🇦", "\u202e", "\u2066", "\u200f", "\r", "\n", "\r\n", "\0", "\t", '"', "'",
    ",", "=", "+", "-", "@", " ", "\ufeff", "\x1b", "\u0301"]
CHARS = st.one_of(st.sampled_from(TRICKY), st.characters(blacklist_categories=("Cs",)))
# No whitespace nor control character: a URL holds none (validate_sources refuses them).
# What a link may hold (store.core.links.is_web_link): no space, control, direction mark,
# embedding, override or isolate.
URL_CHARS = st.one_of(st.sampled_from([c for c in TRICKY
                                       if not c.isspace() and c not in "\0\x1b"]),
                      st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
                      ).filter(lambda c: not re.match(r"[\u061c\u200e\u200f\u202a-\u202e"
                                                      r"\u2066-\u2069]", c))
TEXT = st.lists(CHARS, max_size=16).map("".join)


def is_word_char(ch: str) -> bool:
    """What a claim needs one of: a letter, digit or picture (not white space, a mark
    folding removes, nor punctuation or a symbol: «،» alone is refused, no_words)."""
    return appearances.no_words(ch) is None


def has_words(text: str) -> bool:
    return any(map(is_word_char, text))
NAME = st.lists(CHARS, min_size=1, max_size=6).map("".join).map(str.strip).filter(bool)
URL = st.builds("{}://{}.example/{}".format, st.sampled_from(["http", "https", "HTTPS"]),
                st.text(alphabet="abcxyz019-", min_size=1, max_size=4),
                st.lists(URL_CHARS, max_size=6).map("".join))


@st.composite
def tagged_article(draw):
    """An article text and 1-2 claims on it: (text, title, [(start, end, label, note,
    sources, annotator)])."""
    text = draw(st.lists(CHARS, min_size=1, max_size=40).map("".join).filter(has_words))
    solid = [i for i, ch in enumerate(text) if is_word_char(ch)]
    spans = []
    for _ in range(draw(st.integers(1, 2))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if not any(start <= i < end for i in solid):  # a claim needs words, not only
            # spaces, marks (harakat, tatweel, invisible controls) or signs
            start, end = solid[0], solid[0] + 1
        # and holds the words, not the spaces, direction marks and zero-width characters
        # around them (a tag leaves those out: «ق  \ufeff» and «ق» are one claim's words)
        while text[start].isspace() or text[start] in INVISIBLE:
            start += 1
        while text[end - 1].isspace() or text[end - 1] in INVISIBLE:
            end -= 1
        spans.append((start, end, draw(st.sampled_from(LABELS)), draw(TEXT),
                      draw(st.lists(URL, max_size=2)), draw(NAME)))
    return text, draw(TEXT), spans


@EXAMPLES
@given(tagged_article())
@example(("ق", "", [(0, 1, "unchecked", "", [], "ق"), (0, 1, "unchecked", "", [], "ق\x1b")]))
def test_any_claim_survives_csv_and_json(tmp_path_factory, case):
    text, title, spans = case
    with empty("source", "writer") as source, empty("target", "reader") as target:
        article = articles.add_article(source, text, title)
        made = []
        kept = []  # each name as the project keeps it («ق\x1b» is «ق»)
        for *_, annotator in spans:
            source.annotator = annotator
            kept.append(source.annotator)
        twins = zip(spans, kept, strict=True)
        assume(len({(s, e, la, who) for (s, e, la, *_), who in twins}) == len(spans))
        for (start, end, label, note, sources, _), annotator in zip(spans, kept, strict=True):
            source.annotator = annotator
            made.append(appearances.create_claim(source, article.id, start, end, label,
                                                 note=note, sources=sources))

        csv_path = tmp_path_factory.getbasetemp() / "roundtrip.csv"
        with open(csv_path, "w", encoding="utf-8", newline="") as stream:
            exporting.export_to(source, "csv", stream)
        copy = articles.add_article(target, text, "another title")
        assert import_claims_csv(target, csv_path).new == len(made)
        for claim in made:
            assert appearances.get_appearance(target, claim.id) == claim._replace(
                article_id=copy.id)

        data = exporting.read_project_json(exporting.export_text(source, "json"))
        [exported] = data["articles"]
        assert (exported["id"], exported["text"], exported["title"]) == (article.id, text,
                                                                         article.title)
        assert {c["id"]: c for c in data["claims"]} == {
            c.claim_id: exporting.claim_json(c.claim) for c in made}
        assert {a["id"]: a for a in data["appearances"]} == {c.id: c.to_row() for c in made}


@st.composite
def moved_quote(draw):
    """A text with a quote in it, and the same text with pieces inserted before and after
    the quote: (text, start, end, new text, new start)."""
    before, after = draw(TEXT), draw(TEXT)
    quote = draw(st.lists(CHARS, min_size=1, max_size=12).map("".join).filter(
        lambda q: q.strip().strip(INVISIBLE) == q and has_words(q)))
    # (a claim holds words: no white space or direction marks at its ends, not marks or
    # signs alone)
    cut_before = draw(st.integers(0, len(before)))
    cut_after = draw(st.integers(0, len(after)))
    inserted_before, inserted_after = draw(TEXT), draw(TEXT)
    text = before + quote + after
    moved = (before[:cut_before] + inserted_before + before[cut_before:] + quote
             + after[:cut_after] + inserted_after + after[cut_after:])
    return text, len(before), len(before) + len(quote), moved, len(before) + len(
        inserted_before)


@EXAMPLES
@given(moved_quote())
# Found by random runs: words at the text's end (or start) whose whole context stood once
# elsewhere were put there, with a letter glued on where the text had ended them.
@example(("قاقاا", 2, 5, "ققاقااقاا", 3))
@example(("ااق", 0, 1, "اااق", 0))
def test_a_quote_is_found_wherever_the_text_around_it_moved(case):
    """Found, unless what was inserted glued letters to a side of it that was a word's
    edge: «5%» is not the end of «15%». Then it is refused, or found where it still
    stands whole."""
    text, start, end, moved, new_start = case
    assume(unicodedata.normalize("NFC", moved) == moved)  # as a text is stored
    with empty("project", "tester") as project:
        article = articles.add_article(project, text, "t")
        claim = appearances.create_claim(project, article.id, start, end, "verified")
        quote = text[start:end]
        glued = not anchoring.edges_kept(moved, new_start, quote, claim.prefix, claim.suffix)

        try:
            retext.set_article_text(project, article.id, moved)
        except AnchorLost:
            assert glued
            return
        after = appearances.get_appearance(project, claim.id)

        assert (after.quote, after.end - after.start) == (quote, len(quote))
        assert moved[after.start:after.end] == quote
        assert anchoring.edges_kept(moved, after.start, quote, claim.prefix, claim.suffix)
        kept_context = (moved[:new_start].endswith(claim.prefix)
                        and moved[new_start + len(quote):].startswith(claim.suffix))
        context = claim.prefix + quote + claim.suffix
        if not glued and (len(anchoring.occurrences(moved, quote)) == 1 or (
                kept_context and len(anchoring.occurrences(moved, context)) == 1)):
            # The only place the quote is, or the only place with all its context: there.
            assert after.start == new_start
