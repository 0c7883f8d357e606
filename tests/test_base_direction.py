"""A text's own direction read from its first characters (fx112): the claims table asks
it of every cell at every repaint, and the Rust engine resolved the whole text for it."""

from __future__ import annotations

import random
import unicodedata

from bidi import get_base_level

import store.text.display as display
from store.text.display import base_direction, is_rtl_text


def engine(text: str) -> str:
    return "rtl" if text and get_base_level(text) == 1 else "ltr"


def test_a_quote_is_read_without_the_engine(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(display, "get_base_level",
                        lambda text: asked.append(text) or get_base_level(text))
    quote = "«" + "قال الوزير إن الاتفاق سيوقع في العاشر من الشهر المقبل " * 3 + "»"
    assert is_rtl_text(quote)
    assert not is_rtl_text("2026-12-07 — The minister said, «قال»")
    assert not is_rtl_text("12, 345")  # no strong character: left to right
    assert asked == []


def test_the_engine_still_decides_past_a_separator_or_an_isolate(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(display, "get_base_level",
                        lambda text: asked.append(text) or get_base_level(text))
    assert base_direction("123\nابج") == "ltr"  # the first paragraph's
    assert base_direction("\u2067abc\u2069ابج") == "rtl"  # an isolate is passed over
    assert base_direction("\U0001d6c1ب") == engine("\U0001d6c1ب")  # beyond the first plane
    assert len(asked) == 3


def test_the_same_answer_as_the_engine():
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        for tail in ("a", "ب"):
            text = chr(code) + tail
            assert base_direction(text) == engine(text), hex(code)
    pool = [chr(c) for c in [*range(0x20, 0x7F), *range(0x600, 0x700), *range(0x2000, 0x2070),
                             *range(0x300, 0x370), 0x5D0, 0x85, 0x1D6C1, 0x1171E, 0x1E900]]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert base_direction(text) == engine(text), repr(text)


def _dominant_one_by_one(text: str, default: str) -> str:
    """dominant_direction as it was, each character classed in turn (fx124)."""
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        rtl += kind in ("R", "AL")
        ltr += kind == "L"
    return default if rtl == ltr else "rtl" if rtl > ltr else "ltr"


def test_the_dominant_direction_counted_once_a_character_is_the_same_answer():
    """Each distinct character classed once (fx124: the reader asks it of 20,000
    characters at every article shown): the same answer as classing each in turn, on
    mixed texts, ties and texts without a strong letter too."""
    pool = ("abcXYZéß" "ابجدهوزةىي" "אבג" "0123456789٠١٢" " .,;:«»()%٪+-"
            "\u064b\u0651\u200f\u200e\u2067\u2069\n\t" "\U0001d6c1\U00010900\U0001e900")
    rng = random.Random(124)
    texts = ["", "123 ,.", "ab جد", "abc جد", "ab جده", "\u200f\u200e", "ابج abc دهو"]
    for _ in range(400):
        texts.append("".join(rng.choice(pool) for _ in range(rng.randrange(0, 300))))
    texts += [("قال الوزير " * 50) + ("The minister " * 45),
              ("The minister " * 50) + ("قال الوزير " * 60)]
    for text in texts:
        for default in ("ltr", "rtl"):
            assert display.dominant_direction(text, default) == \
                _dominant_one_by_one(text, default), (text, default)


def test_the_dominant_direction_classes_each_distinct_character_once(monkeypatch):
    classed: list[str] = []
    monkeypatch.setattr(display, "_bidi_class",
                        lambda char: classed.append(char) or unicodedata.bidirectional(char))
    text = ("قال الوزير إن الاتفاق سيوقع " * 800)[:20_000]
    assert display.dominant_direction(text, "ltr") == "rtl"
    assert sorted(classed) == sorted(set(text))
