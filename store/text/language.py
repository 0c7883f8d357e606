"""Which language an article is written in, told from its letters and commonest words.

A news article is long and written in one language, so two plain signals suffice and
no model has to be shipped or downloaded: the script most of its letters belong to,
and then, where a script serves several languages, the letters or the short function
words («the», «de», «und»…) only one of them uses. Detection is offline, needs no
dependency and takes a few milliseconds on the part of the text it reads. When the
signals are weak (a few words, two scripts mixed) the answer is "", not a guess: an empty
language is honest, a wrong one is copied into every export.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

SAMPLE_CHARS = 20_000
MIN_LETTERS = 3  # «غزة» is Arabic; fewer letters than this tell nothing
_WORD = re.compile(r"[^\W\d_]+")

# Letters Persian and Urdu write and Arabic does not (Arabic writes ي and ك).
_PERSIAN = re.compile("[\u06cc\u06a9\u067e\u0686\u0698\u06af]")  # ی ک پ چ ژ گ
_URDU = re.compile("[\u06d2\u06c1\u06ba\u0679\u0688\u0691\u06be]")  # ے ہ ں ٹ ڈ ڑ ھ
# The commonest short words of each language written in Latin letters; a word on two
# lists («de», «a») counts for each, shared out.
_LATIN_WORDS = {
    "en": "the of and to in is that for it on was with as by at from are be this have "
          "has an not said which",
    "fr": "le la les des du de et est un une que dans pour sur pas par au aux qui il "
          "elle ont sont avec ce cette",
    "es": "el la los las de del y a que en un una por con para es se no al lo su sus "
          "fue como más",
    "de": "der die das und ist nicht ein eine den dem des mit von zu auf für sich im "
          "auch wird sie",
    "it": "il lo la gli le di del della che e è a un una per non con sono nel alla al "
          "da come anche",
    "pt": "o a os as de do da dos das e que em um uma para com não por no na se é "
          "foi mais",
    "nl": "de het een en van in is dat op te met zijn voor niet aan er die wordt ook",
}
_LATIN = {lang: frozenset(words.split()) for lang, words in _LATIN_WORDS.items()}


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language *text* is written in ("ar", "en", "fr"…), or
    "" when its letters do not say clearly."""
    sample = text[:SAMPLE_CHARS]
    if _PRESENTATION_FORMS.search(sample):  # copied out of a PDF: base letters
        sample = unicodedata.normalize("NFKC", sample)
    scripts = Counter({script: len(letters.findall(sample))
                       for script, letters in _script_letters().items()})
    total = sum(scripts.values())
    if total < MIN_LETTERS:
        return ""
    script, count = scripts.most_common(1)[0]
    if count * 3 < total * 2:  # no script has two letters in three
        return ""
    if script == "arabic":
        return _arabic_script_language(sample, count)
    if script == "latin":
        return _latin_language(sample)
    if script == "cyrillic":
        return "uk" if _UKRAINIAN.search(sample) else "ru"
    return _ONE_LANGUAGE[script]


# The letters of each script (counted with a regex each: a loop over characters would
# take ten times as long).
_SCRIPT_RANGES = {
    "arabic": "\u0621-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\u08a0-\u08ff",
    "latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "cyrillic": "\u0400-\u0481\u048a-\u04ff",
    "greek": "\u0386-\u03ce",
    "hebrew": "\u05d0-\u05ea",
    "devanagari": "\u0904-\u0939",
    "thai": "\u0e01-\u0e30",
    "kana": "\u3041-\u30ff",
    "han": "\u4e00-\u9fff",
    "hangul": "\uac00-\ud7af",
}


@functools.cache
def _script_letters() -> dict[str, re.Pattern[str]]:
    """A pattern for each script's letters, compiled at the first detection: the Han and
    Hangul ranges took 7 ms of every start that imports this module (the window's), most
    of which detect no language."""
    return {script: re.compile(f"[{letters}]") for script, letters in _SCRIPT_RANGES.items()}


_ONE_LANGUAGE = {"greek": "el", "hebrew": "he", "devanagari": "hi", "thai": "th",
                 "kana": "ja", "han": "zh", "hangul": "ko"}
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")


def _arabic_script_language(sample: str, letters: int) -> str:
    """Arabic, unless the letters only Persian or Urdu write are frequent: a Persian
    name in an Arabic article brings one or two, a Persian text one in ten."""
    if len(_URDU.findall(sample)) >= max(2, 0.02 * letters):
        return "ur"
    if len(_PERSIAN.findall(sample)) >= max(2, 0.03 * letters):
        return "fa"
    return "ar"


def _latin_language(sample: str) -> str:
    """The language whose common words weigh most in the text, if clearly ahead. A word
    on several lists («de», «la») counts for each of them, shared out."""
    words = _WORD.findall(sample.lower())
    scores: Counter[str] = Counter({lang: 0 for lang in _LATIN})
    for word in words:
        langs = _SHARING.get(word, ())
        for lang in langs:
            scores[lang] += 1 / len(langs)
    (best, score), (_, second) = scores.most_common(2)
    if score >= 1.5 and score >= 0.05 * len(words) and score >= 1.3 * second:
        return best
    return ""


_SHARING: dict[str, tuple[str, ...]] = {}
for _lang, _common in _LATIN.items():
    for _word in _common:
        _SHARING[_word] = (*_SHARING.get(_word, ()), _lang)
