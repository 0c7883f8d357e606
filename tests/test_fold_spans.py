"""Mapping folded spans back without folding: the same as the offset map gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text import fold as fold_module
from store.text.fold import REMOVED, SparseFolded, fold, fold_for_index

TEXT = st.text(alphabet="ابتةأإآىيو 1٢" + REMOVED + "a", min_size=1, max_size=80)


@settings(max_examples=500, deadline=None)
@given(TEXT, st.integers(0, 80), st.integers(0, 80), st.text(alphabet="ابةأ" + REMOVED, max_size=3))
def test_sparse_folding_is_folding(text, a, b, query):
    folded, sparse = fold(text), SparseFolded(text)
    assert sparse.text == folded.text
    start, end = sorted((min(a, len(folded.text)), min(b, len(folded.text))))
    assert sparse.to_original(start, end) == folded.to_original(start, end)
    assert sparse.find_all(query) == folded.find_all(query)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_the_offset_map_lists_every_kept_character(text):
    folded = fold(text)
    kept = [i for i, ch in enumerate(text) if ch not in REMOVED]
    assert list(folded.offsets) == kept


@settings(max_examples=300)
@given(st.text(st.sampled_from("aBأإآةىيـ\u064b\u0651٣۴ 😀\u200f"), max_size=60), st.integers(1, 7))
def test_the_index_folds_a_long_text_piece_by_piece_as_it_folds_it_whole(text, piece):
    saved = fold_module._INDEX_PIECE
    fold_module._INDEX_PIECE = piece
    try:
        assert fold_for_index(text) == fold(text).text
    finally:
        fold_module._INDEX_PIECE = saved


def test_no_character_folds_into_one_that_folds_again():
    """A long text is folded one kind of character after another (fold._fold_piece): the
    same as all at once only while nothing folding gives is folded again."""
    table = fold_module._table()
    assert not [(chr(code), into) for code, into in table.items()
                if into and any(ord(ch) in table for ch in into)]


@settings(max_examples=300)
@given(st.text(st.sampled_from("aBأإآةىيـ\u064b\u0651٣۴ 😀\u200fΣİ"), max_size=80),
       st.integers(1, 9), st.integers(0, 12))
def test_a_long_text_folded_a_kind_of_character_at_a_time_is_folded_as_fold_does(
        text, piece, kinds):
    """With the lengths patched small: pieces folded by str.replace (few kinds of
    characters folding changes) or by the regex (more kinds than *kinds*)."""
    saved = fold_module._INDEX_PIECE, fold_module._REPLACE_FROM, fold_module._REPLACED_AT_MOST
    fold_module._INDEX_PIECE, fold_module._REPLACE_FROM, fold_module._REPLACED_AT_MOST = \
        piece, 1, kinds
    try:
        assert fold_for_index(text) == fold(text).text
    finally:
        fold_module._INDEX_PIECE, fold_module._REPLACE_FROM, \
            fold_module._REPLACED_AT_MOST = saved


def test_a_long_arabic_text_is_folded_as_fold_does():
    text = ("أقوى مُعَاهَدَةٌ على الإطلاق، ١٩ يونيو ٢٠٢٤ ـ Σ İ\u200f " * 400)
    assert len(text) >= fold_module._REPLACE_FROM
    assert fold_for_index(text) == fold(text).text
