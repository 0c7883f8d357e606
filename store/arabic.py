"""Arabic text tools for the store and the command line (no Qt).

Search folding lives in ``arabic_fold``, display and PDF repair in
``arabic_display``; import from here so callers need not know the split.
"""

from __future__ import annotations

from store.arabic_display import (
    base_direction,
    display_for_terminal,
    is_rtl_text,
    looks_like_visual_pdf_text,
    repair_pdf_text,
)
from store.arabic_fold import Folded, find_all, fold, fold_query

__all__ = [
    "Folded",
    "base_direction",
    "display_for_terminal",
    "find_all",
    "fold",
    "fold_query",
    "is_rtl_text",
    "looks_like_visual_pdf_text",
    "repair_pdf_text",
]
