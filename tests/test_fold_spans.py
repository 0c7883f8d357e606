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
