"""``tag --quote`` anchoring: typed words → where they are in the article → a claim
(store.core.appearances.tag_quote, as ``tahqiq tag ARTICLE --quote TEXT --occurrence N``).

An input is ``QUOTE``, or ``ARTICLE\\x1fQUOTE\\x1fN`` to tag the N-th occurrence in an article
of its own (imported and cleaned first). A tagged claim must hold the article's own
characters at its offsets, and the typed words as they are written, when the article has
them, at the N-th place they occur.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from harness import Finding, door, text_of
from seed_inputs import ARTICLE, HOSTILE_STRINGS, QUOTES, SAMPLE, rolled_back, sample_project

from store.core import appearances, articles
from store.core.project import Project
from store.exchange import importing
from store.text import anchoring

_project: Project | None = None
SEP = "\x1f"


def seeds() -> Iterator[bytes]:
    for quote in (*QUOTES, *HOSTILE_STRINGS, "المعاهدة", "معاهده", "الاتفاق", "٤٠", "ال"):
        yield quote.encode()
        yield SEP.join((ARTICLE, quote, "2")).encode()
    yield SEP.join((SAMPLE[:2000], "بوتين", "3")).encode()
    yield SEP.join(("سيُوقَّع سيوقع سيُوقَّع", "سيوقع", "2")).encode()
    yield b" s"  # spaces around the words: the claim holds the words alone
    yield SEP.join(("سيوقع الوزير، سيوقع الرئيس", " سيوقع ", "2")).encode()
    # Urdu and Persian: the ezafe's hamza composed on ہ and ے (ۂ ۓ), a mark after ه
    for article, quote in (("مدرسۂ ما اور مدرسہ ان کا", "مدرسہ"), ("وہ گۓ اور ہم گے", "گے"),
                           ("خانهٔ ما و خانه", "خانه"), ("بھی کھو بھوک وہی", "ہی"),
                           ("ترجمۀ کتاب و ترجمه", "ترجمه")):
        yield SEP.join((article, quote, "2")).encode()


def test_one_input(data: bytes) -> None:
    global _project
    if _project is None:
        _project = sample_project()
    parts = text_of(data).split(SEP)
    with rolled_back(_project) as project:
        if len(parts) == 1:
            article_id = project.execute("SELECT id FROM articles WHERE text = ?",
                                         [ARTICLE]).fetchone()[0]
            quote, occurrence = parts[0], 1
        else:
            imported = door(lambda: importing.import_text(project, parts[0]))
            if not isinstance(imported, importing.ImportOutcome):
                return
            article_id, quote = imported.article.id, parts[1]
            occurrence = int(parts[2]) if len(parts) > 2 and parts[2].isascii() \
                and parts[2].isdigit() and int(parts[2][:5]) > 0 else 1
        tagged = door(lambda: appearances.tag_quote(project, article_id, quote, "disputed",
                                                    occurrence=occurrence))
        if isinstance(tagged, appearances.Appearance):
            _check(project, tagged, quote, occurrence)
            again = door(lambda: appearances.tag_quote(project, article_id, quote, None,
                                                       occurrence=occurrence,
                                                       same_as=tagged.claim_id))
            if isinstance(again, appearances.Appearance):
                _check(project, again, quote, occurrence)


def _check(project: Project, tagged: appearances.Appearance, quote: str, n: int) -> None:
    text = articles.get_article(project, tagged.article_id).text
    if text[tagged.start:tagged.end] != tagged.quote or not tagged.quote.strip():
        raise Finding(f"tagged {tagged.start}-{tagged.end}, which is not the stored quote")
    quote = quote.strip()  # (the spaces copied around a quote are no part of it, rv218)
    exact = anchoring.occurrences(text, quote)
    composed = unicodedata.normalize("NFC", quote + "\u0654")  # Urdu's ۂ ۓ: the same word
    if exact and quote[-1:] in "\u06c1\u06d2\u06d5" and len(composed) == len(quote):
        exact = sorted(exact + anchoring.occurrences(text, composed))
    if exact and tagged.start != exact[n - 1]:
        raise Finding(f"occurrence {n} of the quote is at {exact[n - 1]}, not at "
                      f"{tagged.start}")
