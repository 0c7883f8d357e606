"""A file imported before this cleaning (6 December 2026's evening: direction marks'
spaces moved, a line judged as stored, a Mac's separators made line breaks, edge lines of
tabs cut) is found again when imported again: it was a second article of the same story,
its claims on the first (rv204). Each first text is what the cleaning before stored."""

from __future__ import annotations

import pytest

from store.core import articles
from store.core.project import Project
from store.exchange import importing

CASES = [  # (the file's text, as the cleaning before stored it)
    ("قال الوزير\n\u202b[ad_1]\u202c\nإن الحرب بدأت.", "قال الوزير\n[ad_1]\nإن الحرب بدأت."),
    ("خبر\nSTORY\n\t\u00ad", "خبر\nSTORY\n\t"),
    ("\u202bأعلنت أن عدد المدارس بلغ \u202a 12000\u202cمدرسة\u202c",
     "أعلنت أن عدد المدارس بلغ  12000مدرسة"),
    ("قال إن الحرب\u2028بدأت في مارس", "قال إن الحرب\u2028بدأت في مارس"),
]


@pytest.mark.parametrize(("raw", "stored_before"), CASES)
@pytest.mark.parametrize("streamed", [False, True])
def test_a_file_imported_before_is_found_again(tmp_path, monkeypatch, raw, stored_before,
                                               streamed):
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 0 if streamed else 1 << 40)
    path = tmp_path / "story.txt"
    path.write_text(raw, encoding="utf-8")
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        before = articles.add_article(project, stored_before, "خبر")
        outcome = importing.import_file(project, path)
        assert (outcome.created, outcome.article.id) == (False, before.id)
        assert len(articles.list_articles(project)) == 1


def test_a_file_holding_none_of_it_asks_for_no_older_reading(tmp_path, monkeypatch):
    """The older cleaning is asked only of a text it could have stored otherwise."""
    asked = []
    monkeypatch.setattr(importing, "cleaning_before_marks_moved",
                        lambda raw: asked.append(raw) or raw)
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        importing.import_text(project, "قال الوزير إن الحرب بدأت في مارس.\n")
        importing.import_text(project, "خبر آخر\n")
    assert asked == []
