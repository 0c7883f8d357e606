"""Scrape markers within a line are taken away too, not only one alone on its line
(issue 4 item 3; rv288): «…مع كيم. [ad_1]», «[ad_2] وقال…» and «تاريخية.[ad_3]» were
stored, and a title ended in one. Taken away, they leave no doubled space, no space before
punctuation and no space at a line's ends; the clean-up report counts them as before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import articles
from store.core.project import Project
from store.exchange import importing
from store.text.clean import clean_field, clean_text

CASES = [  # (the text, as stored)
    ("وقع بوتين اتفاقا مع كيم. [ad_1]\n[ad_2] وقال مسؤولون إن الاتفاق مهم.\n"
     "وأضافوا أن الزيارة تاريخية.[ad_3]\n",
     "وقع بوتين اتفاقا مع كيم.\nوقال مسؤولون إن الاتفاق مهم.\nوأضافوا أن الزيارة تاريخية."),
    ("قال الوزير [ad_1] إن الحرب بدأت.", "قال الوزير إن الحرب بدأت."),
    ("قال الوزير[ad_1] إن الحرب بدأت.", "قال الوزير إن الحرب بدأت."),
    ("قال الوزير [ad_1][AD_2]  إن الحرب بدأت.", "قال الوزير إن الحرب بدأت."),
    ("قال الوزير إن الحرب بدأت [ad_1] .\nسطر", "قال الوزير إن الحرب بدأت.\nسطر"),
    ("قال الوزير إن الحرب بدأت [advert] ؟\nسطر", "قال الوزير إن الحرب بدأت؟\nسطر"),
    ("سطر\n\t[ad_4] قال الوزير", "سطر\n\tقال الوزير"),  # (a line's indentation kept)
    ("سطر\n[ad_1]\nقال الوزير", "سطر\n\nقال الوزير"),  # (alone on its line: as before)
    ("a [ad_[ad_1]1] b", "a b"),
]


@pytest.mark.parametrize(("raw", "stored"), CASES)
def test_markers_within_a_line_are_taken_away_and_counted(raw, stored):
    cleaned = clean_text(raw)
    assert cleaned.text == stored
    count = len(re.findall(r"\[ad", raw, re.IGNORECASE))
    assert cleaned.changes[0].startswith(f"removed {count} scrape marker")


WORDS = ["قال", "الوزير", "war", "2024", "«بدأت»"]
# Where a marker is put at a gap between words (W the word, G the gap, M the marker)
STYLES = {"": "WG", "space before": "W MG", "glued before": "WMG", "space after": "WGM ",
          "glued after": "WGM"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ". ", "، ", "\n"]),
                          st.sampled_from(sorted(STYLES)), st.sampled_from(["ad_1", "AD_2"])),
                min_size=1, max_size=12))
def test_a_text_with_markers_is_stored_as_the_text_without_them(parts):
    """Markers put anywhere in a text of words, with a space on either side or none:
    what is stored is the text as written without them, and each is counted."""
    plain = "".join(word + gap for word, gap, *_ in parts)
    marked = "".join(STYLES[style].replace("W", word).replace("G", gap)
                     .replace("M", f"[{marker}]") for word, gap, style, marker in parts)
    cleaned = clean_text(marked)
    assert cleaned.text == clean_text(plain).text
    count = sum(bool(style) for _, _, style, _ in parts)
    assert (count == 0) == (not any("scrape marker" in c for c in cleaned.changes))
    if count:
        assert cleaned.changes[0].startswith(f"removed {count} scrape marker")


def test_a_title_holds_no_marker(tmp_path):
    """A title taken from the text's first line, a page's <title> or given holds none."""
    assert clean_field("قمة بوتين وكيم [ad_1]", True) == "قمة بوتين وكيم"
    page = ("<html><head><title>قمة بوتين وكيم [ad_1]</title></head><body><article>"
            "<p>" + "وقع بوتين اتفاقا مع كيم في بيونغ يانغ يوم الأربعاء. " * 8 + "</p>"
            "</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "first.txt").write_text("وقع بوتين اتفاقا مع كيم. [ad_1]\nوقال.\n",
                                        encoding="utf-8")
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        for name in ("page.html", "first.txt"):
            outcome = importing.import_file(project, tmp_path / name)
            assert "[ad_1]" not in outcome.article.title
            assert "[ad_1]" not in outcome.article.text
        given = importing.import_text(project, "نص آخر تماما.", title="[ad_2] عنوان")
        assert given.article.title == "عنوان"
        assert all("[ad" not in row["title"] for row in articles.list_articles(project))


def test_a_file_imported_when_a_marker_within_a_line_was_kept_is_found_again(tmp_path):
    raw = "قال الوزير [ad_1] إن الحرب بدأت.\n"
    (tmp_path / "story.txt").write_text(raw, encoding="utf-8")
    with Project.open(tmp_path / "p.tahqiq", "tester") as project:
        before = articles.add_article(project, raw.strip(), "خبر")
        outcome = importing.import_file(project, tmp_path / "story.txt")
        assert (outcome.created, outcome.article.id) == (False, before.id)
