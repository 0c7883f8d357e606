"""Search queries: what a person types → folded terms → hits (store.core.search).

The project holds the corpus's article and the sample article, with claims whose notes are
hostile strings. Every hit must point into its text: its span inside the article (or the
note), and its context showing exactly those characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from harness import Finding, door, text_of
from seed_inputs import ARTICLE, HOSTILE_STRINGS, QUOTES, rolled_back, sample_project

from store.core import search
from store.core.project import Project

_project: Project | None = None
QUERIES = ("معاهدة", "المعاهدة الجديدة", '"أقوى معاهدة" الصادرات', "عاما", "24", "202",
           "تين", "=SUM(A1", "AND OR NOT", '"', '""', "-", "*", "ملاحظة", "٤٠", "40%",
           "بيونغ يانغ 😀", "سيُوقَّع", "ـــ", "ال", "و", "The minister", "\u0640\u064b",
           '"الدفاع، «المشترك» - في"', "to, 24 . . x", '"( a ) b"',
           "مدرسہ", "مدرسه", "ہی", "بھی", "گے", "خانه", "ترجمۀ", "زکوٰۃ", "می\u200cشود",
           "ۂ", "\u0654")


def seeds() -> Iterator[bytes]:
    for query in (*QUERIES, *QUOTES, *HOSTILE_STRINGS, ARTICLE[:200]):
        yield query.encode()


def test_one_input(data: bytes) -> None:
    global _project
    if _project is None:
        _project = sample_project()
    query = text_of(data)
    with rolled_back(_project) as project:
        hits = door(lambda: search.search(project, query, limit=100))
        if isinstance(hits, list):
            texts = dict(project.execute("SELECT id, text FROM articles").fetchall())
            notes = dict(project.execute("SELECT id, note FROM claims").fetchall())
            for hit in hits:
                _check(hit, notes[hit.claim_id] if hit.kind == "note" else texts[hit.article_id])


def _check(hit: search.SearchHit, text: str) -> None:
    if not (0 <= hit.start < hit.end <= len(text)):
        raise Finding(f"hit {hit.start}-{hit.end} is outside its text of {len(text)}")
    if hit.context[hit.context_start:hit.context_end] != text[hit.start:hit.end]:
        raise Finding(f"hit {hit.start}-{hit.end}: its context shows other characters")
