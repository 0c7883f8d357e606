"""Where a search term matches in folded text: at the start of a word.

A fact-checker searching «24» means the number 24, not the «24» inside «2024» or
«245»; searching «معاهدة» they mean the word, which Arabic writes glued to its
clitics: «المعاهدة», «بالمعاهدة», «وللمعاهدة». So a term matches where a word
starts, or right after a clitic prefix at a word start, and may run on into the
rest of the word («معاهد» finds «معاهدة», «عاما» finds «عامًا»), because Arabic
suffixes (ة، ات، ها، هم، ين…) carry the same word. A term ending in a digit must
end the number: «24» does not find «245», «24.5» or «24,000»; one starting with a digit
must start it: «5%» does not find the «5%» of «3.5%», nor «000» that of «24,000» (a year
does find the end of a dotted date, «2023» in «07.10.2023»).

The clitic prefixes are the conjunctions و and ف, the prepositions ب، ل، ك and
the article ال, alone or stacked as Arabic stacks them: وال، فال، بال، كال، لل
(ل before ال), ولل، وب، فب، وك، وبال، فبال، وكال… The future prefix س is left out on
purpose: it would let «لام» find «سلام». A prefix is only ever *before* the term, with
one exception Arabic spelling makes: the preposition ل before the article drops the
article's alef, so a term written with the article («الحكومة») is also found after that
ل at a word start («للحكومة», «وللحكومة»), as the term without its alef («لحكومة»,
the article's lam and the word). «لحكومة» alone, «a government», is not a hit of it.

A phrase is its words in order, whatever separates them in the text: a few spaces, line
breaks or punctuation marks («النقض، في مارس» holds «النقض في مارس»; a claim
copied from another outlet rarely keeps the same commas). In the phrase as typed, a run
of spaces and those marks holding a space is such a gap; a mark inside a word («3.5»,
«U.S.») or at the phrase's ends is looked for as it is.

Matching works on folded text (``store.text.fold``), where harakat and tatweel are
gone and digits are ASCII, so the same check serves articles, notes and the index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# An optional conjunction, then the article (after an optional ب or ك), لل, or a
# preposition; or a conjunction alone. At most four letters («وبال»).
CLITIC_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بلك])|[وف])"
_LONGEST_PREFIX = 4
# How far around a hit its checks look, in folded characters: starts_word before it,
# number_goes_on after it.
LOOKS_BEFORE = _LONGEST_PREFIX + 1
LOOKS_AFTER = 2
# How far before a hit number_came_before looks for a group of digits and its separator
# (its lookbehind reads the character before those too).
NUMBER_LOOKS_BEFORE = 24
_CLITIC_LETTERS = frozenset("وفبلكا")
# What comes before a word start: a break (anything but a letter or digit; the start
# of the text is given one) and maybe clitics. «_» too: a hashtag joins its words with
# it («#خان_يونس», «#Gaza_Now»), and in Latin text too a fact-checker wants «smith» found
# in a handle «@john_smith» or a file's «report_2024» — an extra hit over a missed one
# (rv196: search for «يونس» or «خان يونس» found nothing in a tweet's hashtag).
_BEFORE_WORD = re.compile(rf"[\W_]{CLITIC_PREFIX}?\Z")
# What continues a number: another digit, or a decimal or thousands separator and a
# digit (folding has made every digit ASCII).
_NUMBER_GOES_ON = re.compile(r"\d|[.,\u066b\u066c]\d")
# A number of one group and a separator, right before a word start: what follows it is
# its decimals («5» of «3.5»). Not after a dotted day and month («07.10.»).
_NUMBER_CAME = re.compile(r"(?<![\d.,\u066b\u066c])\d+[.,\u066b\u066c]\Z")
_LEADING_DIGITS = re.compile(r"\d*")


# What may separate the words of a phrase besides white space: the marks that stand
# between words in news text, Arabic and Latin, and the «_» a hashtag writes for a space
# («#خان_يونس» holds «خان يونس»). Not %, /, & or @: they carry meaning.
GAP_PUNCTUATION = ",.;:!?\u060c\u061b\u061f\u2026\"'\u00ab\u00bb()[]{}\u2039\u203a" \
    "\u201c\u201d\u2018\u2019\u201e\u201a\u2013\u2014-\u00b7_"
# The marks that end or open a sentence or a quotation around words pasted with them
# (not a dash: «-3» is a number; not «_», which ends no sentence).
END_MARKS = GAP_PUNCTUATION.translate(dict.fromkeys(map(ord, "-\u2013\u2014_")))
_PUNCTUATION_CLASS = re.escape(GAP_PUNCTUATION)
# A gap in the typed phrase: a run of marks and spaces holding a space.
_TERM_GAP = re.compile(rf"[{_PUNCTUATION_CLASS}]*\s[\s{_PUNCTUATION_CLASS}]*")
# A gap in the folded text: at most MAX_GAP characters, so that the index can narrow a
# phrase's texts to those holding its words that close (search._near), leaving out most
# texts where other words stand between them; news text rarely puts more between two words.
MAX_GAP = 5
TEXT_GAP = rf"[\s{_PUNCTUATION_CLASS}]{{1,{MAX_GAP}}}"

ARTICLE = "ال"
# The preposition ل where a word starts: after a break, maybe after و or ف.
_LAM_STARTS_WORD = re.compile(r"[\W_][وف]?ل\Z")
_LAM_LOOKS_BEFORE = 3  # characters before a hit follows_lam reads


def after_lam(term: str) -> str | None:
    """How the folded *term* is written after the preposition ل, when it begins with the
    article: without the article's alef («الحكومه» → «لحكومه»); None otherwise."""
    return term[1:] if term.startswith(ARTICLE) and len(term) > len(ARTICLE) else None


def follows_lam(text: str, at: int) -> bool:
    """Whether the preposition ل stands right before *at* in the folded *text*, where a
    word starts (maybe after و or ف): «لل» of «للحكومه», «ولل» of «وللحكومه»."""
    before = text[max(0, at - _LAM_LOOKS_BEFORE):at]
    if at <= _LAM_LOOKS_BEFORE:
        before = " " + before  # the start of the text is a break too
    return _LAM_STARTS_WORD.search(before) is not None


def phrase_words(term: str) -> list[str]:
    """The words of the folded *term*, split at its gaps (one word: ``[term]``)."""
    return [word for word in _TERM_GAP.split(term) if word] or [term]


def is_gap(ch: str) -> bool:
    """Whether the folded character *ch* may stand between the words of a phrase."""
    return ch.isspace() or ch in GAP_PUNCTUATION


def merged(first: list[tuple[int, int]], second: list[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    """Two lists of hits as one, left to right; a hit overlapping one kept before it is
    dropped (the term's own hits and its hits after ل never overlap in real words)."""
    if not second:
        return first
    if not first:
        return second
    kept: list[tuple[int, int]] = []
    for span in sorted(first + second):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def find_spans(term: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-overlapping hit of the folded *term* (a word or a
    phrase) in the folded *text*, left to right: where it starts a word (after clitics),
    and, for a term with the article, as ``after_lam`` writes it after the preposition ل.

    A hit's span is the term itself, without the clitic before it: the hit on
    «بالمعاهدة» for «معاهدة» is «معاهدة», as an editor's find would show it (and on
    «للمعاهدة» for «المعاهدة», «لمعاهدة»). A term that does not start with a letter or
    digit («(EPA)», «-3») has no word start to respect and matches wherever it occurs.
    """
    words = phrase_words(term)
    own = list(_spans(words, text, starts_word))
    dropped = after_lam(words[0])
    yield from merged(own, list(_spans([dropped, *words[1:]], text, follows_lam))
                      if dropped else [])


def _spans(words: list[str], text: str, starts: Callable[[str, int], bool]
           ) -> Iterator[tuple[int, int]]:
    """The hits of the phrase of *words* in *text* where *starts* accepts what comes
    before them. A word's occurrences are found with ``str.find`` and then checked,
    which is many times faster than a regex that must try every position for a word
    start; a phrase's with a regex of its words and the gaps between them."""
    at_word_start = words[0][:1].isalnum()
    digits = leading_digits(words[0])
    whole_number = words[-1][-1:].isdigit()
    if len(words) == 1:
        term = words[0]

        def occurrence(at: int) -> tuple[int, int] | None:
            at = text.find(term, at)
            return None if at < 0 else (at, at + len(term))
    else:
        search = re.compile(TEXT_GAP.join(map(re.escape, words))).search

        def occurrence(at: int) -> tuple[int, int] | None:
            found = search(text, at)
            return None if found is None else found.span()

    found = occurrence(0)
    while found is not None:
        at, end = found
        if (not at_word_start or starts(text, at)) \
                and not number_came_before(text, at, digits) \
                and not (whole_number and number_goes_on(text, end)):
            yield found
            found = occurrence(end)
        else:
            found = occurrence(at + 1)


def ends_number(term: str, following: str) -> bool:
    """Whether *term* followed by the character *following* would end a number where
    the term does: False only for a term ending in a digit followed by another."""
    return not (term[-1:].isdigit() and following.isdigit())


def occurs(term: str, text: str) -> bool:
    """Whether the folded *term* has a hit in the folded *text*."""
    return next(find_spans(term, text), None) is not None


def number_goes_on(text: str, at: int) -> bool:
    """Whether a number ending before *at* in the folded *text* goes on there."""
    return _NUMBER_GOES_ON.match(text, at) is not None


def leading_digits(term: str) -> int:
    """How many digits the folded *term* starts with."""
    return _LEADING_DIGITS.match(term).end()  # type: ignore[union-attr]


def number_came_before(text: str, at: int, digits: int) -> bool:
    """Whether a term starting with *digits* digits at *at* in the folded *text* would be
    the decimals of a number before it («5» in «3.5», «35» in «0.35»). A group of four
    digits or more is a number of its own there (a year: «2019.2020»)."""
    return 0 < digits <= 3 and _NUMBER_CAME.search(
        text, max(0, at - NUMBER_LOOKS_BEFORE), at) is not None


def starts_word(text: str, at: int) -> bool:
    """Whether a word starts at *at* in the folded *text*, maybe after clitics."""
    if at == 0:
        return True
    previous = text[at - 1]
    if previous not in _CLITIC_LETTERS:  # the common cases, without a regex
        return not previous.isalnum()
    before = text[max(0, at - _LONGEST_PREFIX - 1):at]
    if at <= _LONGEST_PREFIX:
        before = " " + before  # the start of the text is a break too
    return _BEFORE_WORD.search(before) is not None
