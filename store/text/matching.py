"""Where a search term matches in folded text: at the start of a word.

A fact-checker searching «24» means the number 24, not the «24» inside «2024» or
«245»; searching «معاهدة» they mean the word, which Arabic writes glued to its
clitics: «المعاهدة», «بالمعاهدة», «وللمعاهدة». So a term matches where a word
starts, or right after a clitic prefix at a word start, and may run on into the
rest of the word («معاهد» finds «معاهدة», «عاما» finds «عامًا»), because Arabic
suffixes (ة، ات، ها، هم، ين…) carry the same word. A term ending in a digit must
end the number: «24» does not find «245», «24.5» or «24,000».

The clitic prefixes are the conjunctions و and ف, the prepositions ب، ل، ك and
the article ال, alone or stacked as Arabic stacks them: وال، فال، بال، كال، لل
(ل before ال), ولل، وب، فب، وك، وبال، فبال، وكال… The future prefix س is left out on
purpose: it would let «لام» find «سلام». A prefix is only ever *before* the term:
«المعاهدة» as a query does not find «للمعاهدة», which drops the article's alef.

Patterns work on folded text (``store.text.fold``), where harakat and tatweel are
gone and digits are ASCII, so one pattern serves articles, notes and the index.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# An optional conjunction, then the article (after an optional ب or ك), لل, or a
# preposition; or a conjunction alone.
CLITIC_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بلك])|[وف])"
# What continues a number: another digit, or a decimal or thousands separator and a
# digit (folding has made every digit ASCII).
_NUMBER_GOES_ON = r"(?!\d|[.,\u066b\u066c]\d)"


@functools.lru_cache(maxsize=256)
def term_pattern(term: str) -> re.Pattern[str]:
    """The pattern of one folded *term* (a word or a phrase), at a word start.

    The term itself is group 1, so a hit's span leaves the clitic out: the hit on
    «بالمعاهدة» for «معاهدة» is «معاهدة», as an editor's find would show it. A term
    that does not start with a letter or digit («(EPA)», «-3») has no word start to
    respect and matches wherever it occurs.
    """
    body = f"({re.escape(term)})"
    if term[:1].isalnum():
        body = rf"(?<!\w){CLITIC_PREFIX}?" + body
    if term[-1:].isdigit():
        body += _NUMBER_GOES_ON
    return re.compile(body)


def find_spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) in *text* of each non-overlapping hit of *pattern*, left to right."""
    for match in pattern.finditer(text):
        yield match.span(1)
