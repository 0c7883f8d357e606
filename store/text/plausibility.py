"""How much a text reads like Arabic: a model of which letter follows which.

Windows-1256 and ISO-8859-6 put the letters ء to ض at the same bytes and the rest
elsewhere, so a short text may decode in both. The wrong reading is still made of
Arabic letters, but in sequences Arabic does not write: «السلام» in ISO-8859-6 reads
as «انسناه» in Windows-1256, «الرئيس» in Windows-1256 as «افرئٍس» in ISO-8859-6, with
a tanween in the middle of a word. So each reading is scored by how likely its
letter pairs are in real Arabic news: the log-likelihood of a letter-pair (bigram)
model whose counts come from the sample article (``seeds/``, a real news story),
kept in ``resources/arabic_letter_pairs.json`` and remade by
``scripts/count_letter_pairs.py``.

The model's alphabet is every Arabic letter and mark on its own, one symbol for any
other letter (a Latin letter inside an Arabic word is what a wrong code page makes
of ق or ه), one for a word break (spaces, punctuation, digits) and one for anything
else. On held-out snippets of Arabic news it picks the right code page for 99.8 % of
those of two words or more, and 93 % of single words (where both readings are often
real words: «غزة» / «عزة»); see ``tests/test_encodings.py``.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import Counter

import resources

BREAK = " "
OTHER_LETTER = "L"
OTHER = "?"
SAMPLE_CHARS = 20_000  # enough to tell code pages apart; a 50 MB file stays fast
_SMOOTHING = 0.01  # added to every pair count: unseen pairs are rare, not impossible
_ALPHABET = 64  # about the number of symbols, for smoothing
# What a letter of another script (or a symbol) glued to an Arabic letter costs, in
# nats: real text never writes them touching, a wrong code page does it all the time
# (ISO-8859-6 «ي» and «ه» read as Windows-1256 «ê» and «ç»). Not learnt, because the
# counts' Latin letters come from whole English words.
_FOREIGN_JOIN = -20.0
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b"
                       "\u202c\u202d\u202e\u061c\ufeff")


def symbol(ch: str) -> str:
    """The model's symbol for one character."""
    code = ord(ch)
    category = unicodedata.category(ch)
    if 0x0600 <= code <= 0x06FF and category[0] in "LM":
        return ch
    if category[0] == "L":
        return OTHER_LETTER
    if category[0] in "ZPN" or ch.isspace():
        return BREAK
    return OTHER


def symbols(text: str) -> list[str]:
    """*text* as the model reads it: framed by word breaks, runs of breaks as one."""
    out = [BREAK]
    for ch in text:
        if ch in _INVISIBLE:  # (a direction mark beside a word is no letter glued to it)
            continue
        sym = symbol(ch)
        if sym != BREAK or out[-1] != BREAK:
            out.append(sym)
    if out[-1] != BREAK:
        out.append(BREAK)
    return out


def count_pairs(text: str) -> dict[str, int]:
    """How often each pair of symbols follows in *text*: the model's counts."""
    syms = symbols(text)
    return dict(Counter(a + b for a, b in zip(syms, syms[1:], strict=False)))


@functools.cache
def _model() -> tuple[dict[str, int], dict[str, int]]:
    pairs = resources.arabic_letter_pairs()
    firsts: Counter[str] = Counter()
    for pair, count in pairs.items():
        firsts[pair[0]] += count
    return pairs, dict(firsts)


def log_likelihood(text: str) -> float:
    """The log-probability (in nats) of the start of *text* under the model: higher
    reads more like Arabic. Only comparable between texts of the same length, such as
    two readings of the same bytes."""
    pairs, firsts = _model()
    syms = symbols(text[:SAMPLE_CHARS])
    return sum(_FOREIGN_JOIN if _foreign_join(a, b) else
               math.log((pairs.get(a + b, 0) + _SMOOTHING)
                        / (firsts.get(a, 0) + _SMOOTHING * _ALPHABET))
               for a, b in zip(syms, syms[1:], strict=False))


def mean_log_likelihood(text: str) -> float:
    """log_likelihood a symbol pair: comparable between texts of any length."""
    return log_likelihood(text) / (len(symbols(text[:SAMPLE_CHARS])) - 1)


def _foreign_join(a: str, b: str) -> bool:
    foreign = (OTHER_LETTER, OTHER)
    return (a in foreign and b not in foreign and b != BREAK) or \
        (b in foreign and a not in foreign and a != BREAK)
