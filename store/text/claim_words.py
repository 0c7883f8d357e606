"""Words as claims are compared: each word's *key*.

A key is a light stem of the folded word (the article's forms وال بال كال فال لل ال and
common suffixes; English plural, -ed, -ing), with a lone proclitic و ب ل ف ك dropped only
where the claims use the shorter word, names of two words joined, and a short table of
synonyms a news desk accepts without argument (a capital for its country, the two Arabic
month calendars, حق النقض/الفيتو/veto, treaty/agreement). Stop words have no key; numbers,
negations and named actors are told apart, because they are how a sentence sharing a
claim's words states another claim. ``store.text.matching`` compares claims by these keys.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal, InvalidOperation

from store.text.fold import TATWEEL, fold


def _folded_set(words: str) -> frozenset[str]:
    return frozenset(fold(word).text for word in words.split())


# Numbers said in words, and the feminine dual (ساعتين: two hours), for telling numbers apart.
_NUMBER_WORDS = {fold(w).text: str(n) for n, ws in enumerate((
    "", "واحد واحدة one", "اثنان اثنين اثنتين اثنتان two", "ثلاث ثلاثة three",
    "أربع أربعة four", "خمس خمسة five", "ست ستة six", "سبع سبعة seven", "ثماني ثمانية eight",
    "تسع تسعة nine", "عشر عشرة ten")) for w in ws.split()}
# Tens, for a figure said in words with its scale («خمسين ألف» is 50,000).
_NUMBER_WORDS.update({fold(w).text: str(10 * n) for n, ws in enumerate((
    "عشرون عشرين twenty", "ثلاثون ثلاثين thirty", "أربعون أربعين forty", "خمسون خمسين fifty",
    "ستون ستين sixty", "سبعون سبعين seventy", "ثمانون ثمانين eighty", "تسعون تسعين ninety"),
    2) for w in ws.split()})
# Hundreds, in one word or two («ثلاثمائة», «ثلاث مئة» as a scale below), and the halves and
# quarters a scale after them multiplies («نصف مليون» is 500,000): «مائة مليار دولار» was
# offered for «مليار دولار», «نصف السكان» for «ربع السكان» (rv258).
_NUMBER_WORDS.update({fold(w).text: str(100 * n) for n, ws in enumerate((
    "مئة مائة hundred", "مئتين مائتين مئتان مائتان مئتا مائتا مئتي مائتي", "ثلاثمئة ثلاثمائة",
    "أربعمئة أربعمائة", "خمسمئة خمسمائة", "ستمئة ستمائة", "سبعمئة سبعمائة",
    "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة", "تسعمئة تسعمائة"), 1) for w in ws.split()})
_NUMBER_WORDS.update({fold(w).text: figure for figure, ws in (
    ("0.5", "نصف half"), ("0.25", "ربع quarter")) for w in ws.split()})
_COUNTS = dict(_NUMBER_WORDS)  # (a number said in words: what a scale after it multiplies)
# The teens, a unit before «عشر» («خمسة عشر» is 15, as «أحد عشر» and «اثنا عشر» are).
_TEN = _folded_set("عشر عشرة")
_TENS = frozenset({"10", *(str(10 * n) for n in range(2, 10))})
_UNITS = {**{word: int(n) for word, n in _COUNTS.items() if n.isdigit() and int(n) < 10},
          **{fold(w).text: n for n, ws in ((1, "أحد إحدى"), (2, "اثنا اثني اثنتا اثنتي"))
             for w in ws.split()}}
# The words a number said in several ends on (``spoken``): «عشر» of «خمسة عشر», tens or a
# unit with «و» («خمسة وعشرون», «مئة وخمسة»).
# Hundreds with «و» too: «ألف وخمسمئة», «ألفان ومئتا» (1,500, 2,200; ``_with_thousands``).
SPOKEN_ENDS = _TEN | {"و" + word for word, n in _COUNTS.items()
                      if n.isdigit() and int(n) < 1000 and "\u0600" <= word[0] <= "\u06ff"}
# A thousand, or thousands, before what a number adds to them: «ألف وخمسمئة», «ألفان
# ومئتا», «ثلاثة آلاف وعشرون», "one thousand five hundred" (rv283).
_THOUSANDS = _folded_set("ألف ألفا ألفان ألفين آلاف thousand")
# Thirds, and a count of thirds or quarters («ثلثا السكان», "two thirds": not «ثلث», "a
# third"); no decimal for a scale to multiply.
_NUMBER_WORDS.update({fold(w).text: figure for figure, ws in (
    ("1/3", "ثلث third"), ("2/3", "ثلثا ثلثي ثلثين")) for w in ws.split()})
# A figure's scale said alone, one or two of it («مليار دولار», «ملياري دولار»: two
# billion, a word apart), and its currency («مليار يورو» is not «مليار دولار»): told apart
# as its number is.
_NUMBER_WORDS.update({fold(w).text: figure for figure, ws in (
    ("1000000000000", "تريليون تريليونا ترليون ترليونا trillion"),
    ("2000000000000", "تريليوني تريليونين تريليونان ترليوني ترليونين ترليونان"),
    ("1000000000", "مليار مليارا billion"), ("2000000000", "ملياري مليارين ملياران"),
    ("1000000", "مليون مليونا million"), ("2000000", "مليوني مليونين مليونان"),
    ("1000", "ألف ألفا thousand"), ("2000", "ألفي ألفين ألفان"),
    ("dollar", "دولار دولارا دولارات الدولار dollar dollars"),
    ("euro", "يورو اليورو euro euros"), ("pound", "جنيه جنيها جنيهات الجنيه pound pounds"),
    ("riyal", "ريال ريالا ريالات الريال riyal riyals"),
    ("dinar", "دينار دينارا دنانير الدينار dinar dinars"),
    ("dirham", "درهم درهما دراهم الدرهم dirham dirhams"),
    ("lira", "ليرة ليرات الليرة lira"), ("rouble", "روبل روبلات الروبل rouble ruble roubles"),
    ("yuan", "يوان اليوان yuan"), ("yen", "الين yen"), ("rupee", "روبية rupee rupees"),
    ("shekel", "شيكل شيكلات shekel shekels"), ("franc", "فرنك فرنكات الفرنك franc francs"))
    for w in ws.split()})
# A number word is keyed as its figure: «مئة شخص», «ثلاثمائة», «ألفين» are «100 شخص», «300»,
# «2000» (fx100). From three: «واحد», «اثنان», "one", "two" say what a singular or a dual
# does (no count, ``_counted``), and halves and quarters ("the third quarter") stay words.
_KEYED = {word: n for word, n in _NUMBER_WORDS.items() if n.isdigit() and int(n) >= 3}
_DIGIT_WORDS = {word: n for word, n in _NUMBER_WORDS.items() if n.isdigit()}
# A scale's dual before what it counts, its «ن» dropped, is spelt as its singular with
# tanween: «مليارا دولار» is two billion, «أنفق مليارا على» one (``_dual_before``).
_ALIF_DUALS = _folded_set("ألفا مليونا مليارا تريليونا ترليونا")
# A currency's sign says what its word does: «€5 billion» is not «$5 billion», nor
# «5 مليارات €» «5 مليارات دولار» (signs fell out of the words, and both were offered at
# 0.87-0.97; rv221). ¥ is read as the yen, as English news writes it.
CURRENCY_SIGNS = "$€£¥₽﷼₺₹₪₩₴₦"
_NUMBER_WORDS.update(zip(CURRENCY_SIGNS, ("dollar", "euro", "pound", "yen", "rouble", "riyal",
                                          "lira", "rupee", "shekel", "won", "hryvnia", "naira"),
                         strict=True))
_CURRENCIES = frozenset(_NUMBER_WORDS[sign] for sign in CURRENCY_SIGNS) | {"franc"}
# A currency's code, its country said with its word («جنيه مصري», "Egyptian pounds", "C$")
# and its Arabic abbreviation («ج.م»): its word and its country's money, so «500 جنيه» is
# still «500 ج.م» but «500 EGP» is not «$500», nor «500 ر.س» «500 دولار» (offered at
# 0.88; rv258). A code is one next to a figure only: "try", "rub" and "mad" are words.
_MONIES = (  # country, its currency's words, code, adjectives (Arabic ones are inflected)
    ("us", "dollar", "usd", "أمريكي أميركي american us"),
    ("ca", "dollar", "cad", "كندي canadian c"),
    ("au", "dollar", "aud", "أسترالي australian au"),
    ("nz", "dollar", "nzd", "نيوزيلندي نيوزلندي zealand nz"),
    ("hk", "dollar", "hkd", "هونغ هونج kong hk"),
    ("sg", "dollar", "sgd", "سنغافوري singapore"),
    ("tw", "dollar", "twd", "تايواني taiwan nt"), ("eu", "euro", "eur", ""),
    ("gb", "pound", "gbp", "إسترليني استرليني sterling british"),
    ("eg", "pound", "egp", "مصري egyptian ج.م"), ("sd", "pound", "sdg", "سوداني sudanese ج.س"),
    ("lb", "lira pound", "lbp", "لبناني lebanese ل.ل"),
    ("sy", "lira pound", "syp", "سوري syrian ل.س"),
    ("tr", "lira", "try", "تركي turkish"), ("sa", "riyal", "sar", "سعودي saudi ر.س"),
    ("qa", "riyal", "qar", "قطري qatari ر.ق"), ("om", "riyal", "omr", "عماني omani ر.ع"),
    ("ye", "riyal", "yer", "يمني yemeni ر.ي"), ("ae", "dirham", "aed", "إماراتي emirati"),
    ("ma", "dirham", "mad", "مغربي moroccan د.م"), ("kw", "dinar", "kwd", "كويتي kuwaiti د.ك"),
    ("jo", "dinar", "jod", "أردني jordanian"), ("iq", "dinar", "iqd", "عراقي iraqi د.ع"),
    ("bh", "dinar", "bhd", "بحريني bahraini د.ب"), ("ly", "dinar", "lyd", "ليبي libyan د.ل"),
    ("tn", "dinar", "tnd", "تونسي tunisian د.ت"), ("dz", "dinar", "dzd", "جزائري algerian د.ج"),
    ("cn", "yuan", "cny rmb", "صيني chinese"), ("jp", "yen", "jpy", "ياباني japanese"),
    ("ru", "rouble", "rub", "روسي russian"), ("in", "rupee", "inr", "هندي indian"),
    ("il", "shekel", "ils", "إسرائيلي israeli"), ("ch", "franc", "chf", "سويسري swiss"))
_CODES = {code: (*currency.split(), f"¤{country}") for country, currency, codes, _ in _MONIES
          for code in codes.split()}
_MONEY_OF = {fold(inflected).text: f"¤{country}" for country, _, _, words in _MONIES
             for word in words.split() if "." not in word
             for inflected in ((word, word + "ة", "ال" + word, "ال" + word + "ة")
                               if "\u0600" <= word[0] <= "\u06ff" else (word,))}
# («د.إ» and «د.أ», the dirham and the dinar, are one when folded: either.)
_ABBREVIATED = {tuple(fold(word).text.split(".")): (*currency.split(), f"¤{country}")
                for country, currency, _, words in _MONIES for word in words.split()
                if "." in word} | {("د", "ا"): ("dirham", "dinar")}
# The dollars of other countries: a claim's «$», «دولار» said with no country is the US
# dollar's, not «C$», «دولار كندي» (offered at 0.96; rv264), «NZ$», «HK$», «دولار هونغ كونغ»
# (its first word read: «هونغ» after «دولار», "Kong" before "dollars"; rv269). Not «A$» or
# «S$»: words lose their glue, and «a $5 billion fund», «Canada's $5 billion» are the US's.
_OTHER_DOLLARS = frozenset(f"¤{country}" for country, currency, _, _ in _MONIES
                           if "dollar" in currency.split() and country != "us")
_MONEY_WORDS = frozenset(_CODES) | frozenset(_MONEY_OF) | {b for _, b in _ABBREVIATED}
# What a figure counts, said right after it: a plural scale («3 مليارات»: Arabic counts
# three to ten in the plural, «15 مليار» in the singular) and a duration's unit, told
# apart as a currency is: «3 آلاف دولار» was offered for «3 مليارات دولار», «خمسة أشهر»
# for «خمس سنوات». Only after a figure: «سنة 2020» is a date, as «عام 2020» is, and
# «ملايين الدولارات» no figure.
_COUNTED = {fold(w).text: unit for unit, ws in (
    ("1e12", "تريليونات ترليونات trillions"), ("1e9", "مليارات billions"),
    ("1e6", "ملايين millions"), ("1e3", "آلاف thousands"),
    ("/3", "أثلاث thirds"), ("/4", "أرباع quarters"),
    ("years", "سنة سنوات سنين عام أعوام عاما years"), ("months", "شهر أشهر شهور شهرا months"),
    ("weeks", "أسبوع أسابيع أسبوعا weeks"), ("days", "يوم أيام يوما days")) for w in ws.split()}
# A plural scale alone is an order of magnitude: «آلاف الدولارات» is not «ملايين الدولارات»,
# nor the «3 آلاف» of a figure; «الملايين» and «بآلاف» are too, and tens and hundreds.
_MAGNITUDES = {word: f"~{unit}" for word, unit in _COUNTED.items() if unit[0].isdigit()}
_MAGNITUDES.update({fold(w).text: f"~{unit}" for unit, ws in (
    ("1e1", "عشرات dozens"), ("1e2", "مئات hundreds")) for w in ws.split()})
_MAGNITUDES.update({fold(prefix).text + word: magnitude  # (one look-up a word)
                    for word, magnitude in list(_MAGNITUDES.items())
                    for prefix in ("و", "ف", "وبال", "بال", "وال", "ال", "وب", "ب")})


# A figure in folded text, as one word: digits, and the decimal or thousands separators
# between them (folding makes ٫ and ٬ "." and ","). Cut at its separators, «3.5» and
# «5.3» were the same two numbers, and a claim of 3.5% was offered for 5.3% at 95%. A
# decimal written without its zero, where no word stands right before its point, too: «.5%»
# was read as 5% (rv258). (The point first, then what stands before it.)
NUMBER = r"(?:\d+(?:[.,]\d+)+|\.(?<![^\W_]\.)\d+)"
# A minus before a figure, where no word or figure stands right before it (not the dash of
# «3-5»): «-2%» and «2%» were the same figure, offered at 97%.
# (The minus first, then what stands before it: a look behind tried at every character
# took a fifth of tokenising an article.) Nor the dash of «5%-7%», a range read as 5 and -7.
SIGNED = rf"-(?<![^\W_.,]-)(?<!\d%-)(?<!\d[{CURRENCY_SIGNS}]-)(?:{NUMBER}|\d+)"
# A minus after a figure with a percent sign, as RTL pages store «-5%»: «%5-» is one word
# «5-» (-5), and the «-» of «5%-» one of its own, a sign as «minus» is; not the dash of a
# range («5%-7%»). Read as no sign, both were offered as 5% at 0.97 (rv258).
MINUS_AFTER = r"\d(?<=%\d)\d*(?:[.,]\d+)*-(?![^\W_]|%)|-(?<=\d%-)(?![^\W_]|%)"
_NUMBER = re.compile(rf"-?(?:{NUMBER}|\d+)-?")
# A year with its era glued to it, as Arabic news writes one: «2022م», «1445هـ» (folded
# «1445ه»), the year's figure; read as a word of its own, no figure, a claim about 2023
# was offered for «2022م» (rv168). Four digits only: «5م» is five million, «300م» three
# hundred metres — a figure with a unit, and one word, as «5m» and «5k» are two.
_YEAR_WITH_ERA = re.compile(r"[12]\d{3}[مه]")
_GROUPS = re.compile(r"[.,]")
_FIGURE_STARTS = frozenset("-.0123456789")
# A figure's scale after it: «50 ألف», «50 thousand», «5 billion», «3 مليارات» are one value
# each, as «50,000» and «5bn» are; compared by their words, «50 ألف» was 0.18 like «50,000»
# and «$5bn» missed for «$5 billion» (rv221). «5%» is its figure: so are «5 percent», «5
# بالمئة», «5 في المئة», «5 per cent».
_SCALES = {fold(w).text: 10 ** n for n, ws in (
    (3, "ألف ألفا آلاف thousand thousands"), (6, "مليون مليونا ملايين million millions mn mln"),
    (9, "مليار مليارا مليارات billion billions bn bln"),
    (12, "تريليون تريليونا تريليونات ترليون ترليونا ترليونات trillion trillions tn"),
    (2, "مئة مائة hundred")) for w in ws.split()}
_PERCENT = _folded_set("بالمئة بالمائة percent pct")
_HUNDREDTH = _folded_set("المئة المائة cent")  # after «في», «per»
_PER = _folded_set("في per")
FIGURE_ENDS = frozenset(_SCALES) | _PERCENT | _HUNDREDTH
PERCENT_ENDS = _PERCENT | _HUNDREDTH  # (the figure ends that say it is a percentage)
# A figure with its scale's letter glued to it: «5bn», «$5m», «20k».
GLUED_SCALE = "tn|trn|bln|bn|b|mln|mn|m|k"
_SUFFIXED = re.compile(rf"(\.?\d+(?:[.,]\d+)*)({GLUED_SCALE})")
_SUFFIXES = {"k": 10 ** 3, "m": 10 ** 6, "mn": 10 ** 6, "mln": 10 ** 6, "b": 10 ** 9,
             "bn": 10 ** 9, "bln": 10 ** 9, "tn": 10 ** 12, "trn": 10 ** 12}


def is_number(word: str) -> bool:
    """Whether the folded *word* is a figure written in digits (3, 3.5, 24,000, -2). (The
    expression only for what starts like one: matching asks of every word it meets.)"""
    if word.isdigit():
        return True
    return word[:1] in _FIGURE_STARTS and (_NUMBER.fullmatch(word) is not None
                                           or _YEAR_WITH_ERA.fullmatch(word) is not None)


def number_key(word: str) -> str:
    """A figure as one spelling. Groups of three digits after a separator are thousands,
    written with commas or points (24,000, 24.000 and ٢٤٬٠٠٠ are 24000; 1.500.000 is
    1500000); a last group of another length is a decimal (3,5 and 3.5 are 3.5; 1,234.5
    is 1234.5). Anything else (a dotted date) is kept as written, commas as points."""
    if word.startswith("-"):
        return "-" + number_key(word[1:])
    if word.endswith("-"):  # («%5-»: MINUS_AFTER)
        return "-" + number_key(word[:-1])
    if word.startswith("."):
        return "0" + word  # (.5 is 0.5, and .500 no thousands)
    if _YEAR_WITH_ERA.fullmatch(word):
        return word[:-1]  # (the year: its era said)
    groups = _GROUPS.split(word)
    if len(groups) == 1:
        return word
    if all(len(group) == 3 for group in groups[1:]):
        return "".join(groups)
    if all(len(group) == 3 for group in groups[1:-1]):
        return "".join(groups[:-1]) + "." + groups[-1]
    return word.replace(",", ".")


def _scaled(figure: str, scale: int) -> str | None:
    """*figure* times *scale* in digits (1.5 and a million: 1500000); None for no figure."""
    try:
        return format((Decimal(figure) * scale).normalize(), "f")
    except InvalidOperation:  # (a dotted date)
        return None


def _figure(word: str) -> str | None:
    """The value of a figure said in one word, in digits or words («5bn» is 5000000000),
    proclitics glued before its digits too: «بـ150 بالمئة» was no figure with its percent
    words, «بـ150%» one (rv249)."""
    if word[:1] in _FIGURE_STARTS:
        if is_number(word):
            return number_key(word)
        if (glued := _SUFFIXED.fullmatch(word)) is not None:
            return _scaled(number_key(glued[1]), _SUFFIXES[glued[2]])
        return None
    if (word[:1] in _GLUED_BEFORE and (digits := word.lstrip(_GLUED_BEFORE))[:1].isdigit()
            and (value := _figure(digits)) is not None):
        return value
    return _SAID_COUNTS.get(word)


def _glued(table: dict[str, str]) -> dict[str, str]:
    """*table* with «و», «ف», «ب», «ل» glued before its words too («ومئة», «بمئة»,
    «لثلاثمائة», «وبألفين»; «بمئة» was no figure, fx100): one look-up a word, as numbers_in
    asks of every word. «ب» and «ل» only before three letters or more: «لست» ("I am not")
    is no six."""
    glued = dict(table)
    for word, value in table.items():
        if "\u0600" <= word[0] <= "\u06ff":
            for prefix in ("و", "ف", *(("ب", "ل", "وب", "ول", "فب", "فل") if len(word) >= 3
                                       else ())):
                glued.setdefault(prefix + word, value)
    return glued


_SAID_COUNTS = _glued(_COUNTS)
_SAID_DIGITS = _glued(_DIGIT_WORDS)
# Keyed with «و» and the rest glued too: «وخمسمئة» was keyed as a stem, and the claims'
# «500» took it for its own (rv283).
_KEYED = _glued(_KEYED)


def _unit(word: str) -> int | None:
    return _UNITS.get(word, _UNITS.get(bare(word)))


def spoken(words: Sequence[str], at: int) -> tuple[int, str] | None:
    """Where the number said in words that ends on *words[at]* starts, and its value: a
    unit before «عشر» («خمسة عشر», «أحد عشر»: 15, 11), a unit before tens with «و» («خمسة
    وعشرون»: 25; not «خمسة وعشرة», five and ten), a unit before «مئة» («ثلاث مئة»), and
    hundreds before any of those with «و» («مئة وخمسون», «ثلاثمئة وخمسة عشر»: 150, 315);
    a thousand or thousands before all that with «و» (``_with_thousands``). None where
    *words[at]* is no number word. Read by its last word alone, «خمسة عشر ألفا» was 10,000
    and offered for «10 آلاف» (fx100)."""
    if (said := _below_thousand(words, at)) is None:
        return None
    return _with_thousands(words, *said)


def _with_thousands(words: Sequence[str], start: int, value: str) -> tuple[int, str]:
    """The number below a thousand said from *words[start]* (its *value*) with the thousand
    or thousands said before it, where it starts on «و» («ألف وخمسمئة», «ألفان ومئتا»,
    «ألف وعشرون», «ثلاثة آلاف وخمسمئة»: 1,500, 2,200, 1,020, 3,500) or, in English, on its
    number word ("one thousand five hundred"). Read apart, «ألف وخمسمئة» was two figures,
    1,000 and 500, offered for «قتل 1000 شخص» and «قتل 500 شخص», refused for «قتل 1500
    شخص» (rv283). Plain «آلاف» (no count before it) is an order of magnitude, no figure."""
    before = start - 1
    if before < 0 or words[before] not in _THOUSANDS or not value.isdigit() \
            or int(value) >= 1000 or not (words[start][0] == "و"
                                          or words[start].isascii() and words[start].isalpha()):
        return start, value
    if (ended := figure_ended(words, before)) is not None:  # («ثلاثة آلاف», «15 ألفا»)
        first, thousands = ended
    elif (thousands := _NUMBER_WORDS.get(words[before], "")).isdigit():  # («ألف», «ألفان»)
        first = before
    else:
        return start, value
    return first, str(int(thousands) + int(value))


def _below_thousand(words: Sequence[str], at: int) -> tuple[int, str] | None:
    """``spoken`` below a thousand: the number said up to *words[at]* without the thousands
    before it («ألف وثلاث مئة»: «ثلاث» is three hundreds, not 1,003 hundreds)."""
    word = words[at]
    if (value := _SAID_COUNTS.get(word)) is None or not value.isdigit():
        return None
    n, start = int(value), at
    if at and (unit := _unit(words[at - 1])) is not None and (
            n == 10 and word in _TEN or 20 <= n < 100 and word[0] == "و"
            or n == 100 and word[0] != "و"):
        n, start = (unit * 100 if n == 100 else n + unit), at - 1
    if n < 100 and start and words[start][0] == "و" and (
            hundreds := _SAID_COUNTS.get(words[start - 1])) is not None \
            and hundreds.isdigit() and int(hundreds) % 100 == 0 and 100 <= int(hundreds) < 1000:
        n, start = n + int(hundreds), start - 1
        if hundreds == "100" and words[start][0] != "و" and start \
                and (unit := _unit(words[start - 1])) is not None:
            n, start = n + 100 * (unit - 1), start - 1  # («ثلاث مئة وخمسون»)
    return start, str(n)


# Units a scale's dual counts whose first letter is a proclitic's (``_dual_before``).
_COUNTED_UNITS = _folded_set("برميل لتر كيلومتر كيلوغرام كيلوجرام كيلو فدان لاجئ")


def _dual_before(words: Sequence[str], at: int) -> bool:
    """Whether the scale *words[at]* spelt with its alif («مليارا», «ألفا») is the dual
    counting the word after it, its «ن» dropped («مليارا دولار», «ألفا جندي»: two billion
    dollars, two thousand soldiers; read as one, fx100), not the singular's tanween («أنفق
    مليارا على», «مليونا ونصف», «مليارا سنويا»): a currency or a unit after it, or a noun
    with no proclitic, article or tanween (no stop word, figure or other number word).
    When in doubt, the singular: a missed dual costs less than a wrong figure, and «أنفق
    مليارا لدعم», «المتحور ألفا بسرعة» read as two billion and 2,000 were offered for «2
    مليار دولار» and «2000» (0.86, 0.83), not «مليارا» for «مليار دولار» (rv283)."""
    if at + 1 >= len(words):
        return False
    after = words[at + 1]
    if (said := _NUMBER_WORDS.get(after)) is not None:
        return said in _CURRENCIES
    return after in _COUNTED_UNITS or (
        after[0].isalpha() and after[0] not in PROCLITICS and after[-1] != "ا"
        and not after.startswith("ال") and not is_stop(after)
        and _SAID_COUNTS.get(after) is None)


def figure_ended(words: Sequence[str], at: int) -> tuple[int, str] | None:
    """Where the figure that the word at *at* ends (its scale or percent) starts, and its
    value: «50 ألف» is 50000 from its «50», «5 في المئة» 5."""
    word, start = words[at], at - 1
    if word in _HUNDREDTH:
        if start < 1 or words[start] not in _PER:
            return None
        start -= 1
    elif word not in _SCALES and word not in _PERCENT:
        return None
    if start < 0 or (figure := _figure(words[start])) is None:
        return None
    if (said := _below_thousand(words, start)) is not None:
        start, figure = said  # («خمسة عشر ألفا»: 15,000)
    value = _scaled(figure, _SCALES[word]) if word in _SCALES else figure
    if value is not None and _SCALES.get(word) == 100:  # («ألف وثلاث مئة»: 1,300)
        return _with_thousands(words, start, value)
    return None if value is None else (start, value)


# Words saying that the figure right after them is below zero: «minus 5%», «سالب 5%» were
# read as 5% (rv258); and the «-» after «5%» (MINUS_AFTER), the figure before it.
_MINUS = _folded_set("minus negative سالب ناقص")
SIGNS = _MINUS | {"-"}


def _below_zero(value: str) -> str:
    return value if value.startswith("-") else "-" + value


def sign_figures(words: Sequence[str], keys: list[str | None], signs: Iterable[int]) -> None:
    """Key the figure a sign word (at *signs*) makes negative as its negative value, the
    sign word as a stop word: «minus 5%» is «-5%»."""
    for i in signs:
        j = i - 1 if words[i] == "-" else i + 1
        if 0 <= j < len(keys) and (key := keys[j]) is not None and is_number(key):
            keys[j], keys[i] = _below_zero(key), None


# What joins a range's figures («25 to 30 percent», «بين 25% و30%», «25-30%»; – is folded -).
RANGE_WORDS = _folded_set("and to or و إلى حتى أو")
YEAR = re.compile(r"(?:19|20)\d\d")  # (no range's first figure: "rose in 2023 to 5%")
_RANGE_STARTS = _folded_set("between from بين من")
_CHANGE_STARTS = _folded_set("from من")


def range_first(words: Sequence[str], at: int) -> int | None:
    """The first figure of the range whose second is the figure *words[at]*: «5» of «between
    $5 and $7», «بين 5 و7», «من 5 إلى 7», «5-7» (no word between: the dash is none). Read
    from the words alone, as keys are, so a range word needs a range's start or a currency
    before its first figure: the 3 of "rose 3% to $7 billion" is a percentage. A first
    figure may end on its own scale or percent words: «من 3 آلاف إلى 6 آلاف» was no range,
    and «إلى 3 آلاف» alone was offered for it at 0.74 (rv264)."""
    word, i = words[at], at - 1
    if is_number(word):
        while i >= 0 and words[i] in CURRENCY_SIGNS:  # («$7»)
            i -= 1
        if i == at - 1 and i >= 0 and _figure_not_year(words[i]):
            return i  # («5-7»)
        if i < 0 or words[i] not in RANGE_WORDS:
            return None
        i -= 1
    elif word[:1] != "و" or not is_number(word[1:]):  # («و7»: its own range word)
        return None
    if i >= 1 and words[i] in FIGURE_ENDS and (ended := figure_ended(words, i)) is not None:
        i = ended[0]
    return i if i >= 1 and _figure_not_year(words[i]) and (
        words[i - 1] in CURRENCY_SIGNS or bare(words[i - 1]) in _RANGE_STARTS) else None


def a_change(words: Sequence[str], first: int) -> bool:
    """Whether the range whose first figure is *words[first]* says a change, «from X to Y»
    («من 5 إلى 7»): its second figure said alone is the new level, no span cut to one end."""
    i = first - 1
    while i >= 0 and words[i] in CURRENCY_SIGNS:
        i -= 1
    return i >= 0 and bare(words[i]) in _CHANGE_STARTS


# A month's keys, and English «may» (a stop word): a day's number next to one is a date.
MONTHS = frozenset({"@jan", "@feb", "@mar", "@apr", "@may", "@jun", "@jul", "@aug", "@sep", "@oct",
                    "@nov", "@dec"})

_OF_MONTH = _folded_set("من شهر")  # («26 من شهر مايو»: the day's month after them)


def a_day(words: Sequence[str], keys: Sequence[str | None], at: int) -> bool:
    """Whether the figure *words[at]* is a day with its month next to it: after it («26
    May», «7 أكتوبر», «7 تشرين الأول», «26 من شهر مايو») or before it («May 26») where the
    month has no day before it. «On 26 May, 21 people» read 21 as a day and «26 من مايو» 26
    as a count, and the claim said either way was refused as swapped (0.38; rv272)."""
    if not _a_date(words[at]):
        return False
    if _a_month(words, keys, _past_of_month(words, at, 1)):
        return True
    return _a_month(words, keys, at - 1) and not (
        (day := _past_of_month(words, at - 1, -1)) >= 0 and _a_date(words[day]))


def _a_date(word: str) -> bool:
    return word.isdigit() and 1 <= int(word) <= 31


def _past_of_month(words: Sequence[str], at: int, step: int) -> int:
    """The word next to *at* on the side of *step*, past «من» and «شهر» between a day and
    its month."""
    i = at + step
    while 0 <= i < len(words) and words[i] in _OF_MONTH and abs(i - at) < 3:
        i += step
    return i


def _a_month(words: Sequence[str], keys: Sequence[str | None], i: int) -> bool:
    return 0 <= i < len(words) and (keys[i] in MONTHS or words[i] == "may")


def a_count(words: Sequence[str], keys: Sequence[str | None], at: int) -> bool:
    """Whether the word at *at* is a figure that may count what follows it, in digits or a
    number word («100», «مئة», "five"): no year, nor a month's day."""
    return (value := _figure(words[at])) is not None and not YEAR.fullmatch(value) \
        and not a_day(words, keys, at)


def _figure_not_year(word: str) -> bool:
    return is_number(word) and not YEAR.fullmatch(word)


def join_figures(words: Sequence[str], keys: list[str | None], ends: Iterable[int]) -> None:
    """Key a figure with its scale or percent (at *ends*) as its value, the rest JOINED; a
    range's first figure takes its second's scale: «$5 and $7 billion» is five billion to
    seven, not 5 to seven billion (rv258). A scale's dual spelt as its singular with
    tanween, before what it counts, is two of it («مليارا دولار»: ``_dual_before``). A
    scale ``join_spoken`` joined into a longer number is left to it: «ثلاث مئة وخمسون» read
    again here was 300, and refused for «350» (0.26; rv283)."""
    for i in ends:
        if keys[i] == JOINED:  # (in a number said in words, read whole: «ثلاث مئة وخمسون»)
            continue
        if (found := figure_ended(words, i)) is None:
            if words[i] in _ALIF_DUALS and keys[i] is not None and _dual_before(words, i):
                keys[i] = str(2 * int(_NUMBER_WORDS[words[i]]))
        else:
            start, keys[start] = found
            for j in range(start + 1, i + 1):
                if keys[j] is not None:
                    keys[j] = JOINED
            if words[i] in _SCALES and (first := range_first(words, start)) is not None and \
                    not ended_by(words, first, FIGURE_ENDS) and \
                    (key := keys[first]) is not None and is_number(key):
                keys[first] = _scaled(key, _SCALES[words[i]]) or key


def join_spoken(words: Sequence[str], keys: list[str | None], ends: Iterable[int]) -> None:
    """Key a number said in several words (``spoken``; its last words at *ends*) as its
    value on its first word, the rest JOINED: «خمسة عشر» is «15», not «5» and «10»."""
    for i in ends:
        if (said := spoken(words, i)) is not None and said[0] < i:
            start, keys[start] = said
            for j in range(start + 1, i + 1):
                if keys[j] is not None:
                    keys[j] = JOINED


def ended_by(words: Sequence[str], i: int, ends: frozenset[str] | set[str]) -> bool:
    """Whether the figure *words[i]* is ended by its own words of *ends*, one or two
    words after it: FIGURE_ENDS, a range's first figure with its own scale or percent
    («3 آلاف» of «من 3 آلاف إلى 6 آلاف»), not its second's to take; PERCENT_ENDS, a
    percentage («5 في المئة», "5 percent"). (One loop, written twice before, rv278.)"""
    return any(j < len(words) and words[j] in ends
               and (ended := figure_ended(words, j)) is not None and ended[0] == i
               for j in (i + 1, i + 2))


def numbers_in(words: Sequence[str]) -> set[str]:
    """The figures some words state: digits and number words (with the scale after them,
    one value), the feminine dual, a scale said alone or twice, a currency, and what a
    figure counts (``_COUNTED``)."""
    found: list[str] = []
    places: list[int] = []  # the word of each
    figure: str | None = None  # what the word before stated
    for at, word in enumerate(words):
        if word.isdigit():  # (most figures: no separator to read)
            figure = _below_zero(word) if at and words[at - 1] in _MINUS else word
        elif word in FIGURE_ENDS and found and (ended := figure_ended(words, at)) is not None:
            # (the figure it ends: the last one read, with its sign word; and its range's
            # first figure, with its scale)
            start, figure = ended
            found[-1] = figure = _below_zero(figure) if start and words[start - 1] in _MINUS \
                else figure
            while len(places) > 1 and places[-2] >= start:  # ("one thousand five hundred")
                del found[-2], places[-2]
            if word in _SCALES and (first := range_first(words, start)) in places and \
                    not ended_by(words, first, FIGURE_ENDS):
                n = places.index(first)
                found[n] = _scaled(found[n], _SCALES[word]) or found[n]
            continue
        elif word == "-" and figure is not None and is_number(figure):
            found[-1] = figure = _below_zero(figure)  # («5%-»)
            continue
        elif (value := _figure(word)) is not None:
            figure = _below_zero(value) if at and words[at - 1] in _MINUS else value
        elif (number := _NUMBER_WORDS.get(word, _NUMBER_WORDS.get(bare(word)))
              or _SAID_DIGITS.get(word)) is not None:
            figure = str(2 * int(number)) if word in _ALIF_DUALS and _dual_before(words, at) \
                else number
        elif figure is not None and (counted := _COUNTED.get(word)) is not None:
            figure = counted
        elif (magnitude := _MAGNITUDES.get(word)) is not None:
            figure = magnitude
        elif len(word) >= 6 and word.endswith(("تين", "تان")):
            figure = "2"
        elif word in _MONEY_WORDS and (money := _money(words, at, figure)):
            found.extend(money)
            figure = money[-1]
            continue
        else:
            figure = None
            continue
        if at and word in SPOKEN_ENDS and (said := spoken(words, at)) is not None \
                and said[0] < at:  # («خمسة عشر», «خمسة وعشرون», «مئة وخمسون»)
            figure = said[1]
            while places and places[-1] >= said[0]:
                found.pop()
                places.pop()
        found.append(figure)
        places.append(at)
    return set(found)


def _money(words: Sequence[str], at: int, before: str | None) -> tuple[str, ...]:
    """What currency the word at *at* says by its code, its country or its abbreviation
    (with the word before it, which stated *before*); () for none."""
    word = words[at]
    if (money := _ABBREVIATED.get((words[at - 1], word) if at else ())) is not None:
        return money
    after = words[at + 1] if at + 1 < len(words) else ""
    if (country := _MONEY_OF.get(word)) is not None:  # («جنيه مصري», "Egyptian pounds")
        return (country,) if before in _CURRENCIES or _NUMBER_WORDS.get(after) in _CURRENCIES \
            else ()
    if word in _CODES and (after[:1].isdigit() or at and (words[at - 1][:1].isdigit()
                                                          or words[at - 1] in FIGURE_ENDS)):
        return _CODES[word]
    return ()


def another_dollar(claimed: Collection[str], said: Collection[str]) -> bool:
    """Whether figures *said* (``numbers_in``) name another country's dollar where those
    *claimed* say the dollar with no country (the US dollar)."""
    return "dollar" in claimed and not _OTHER_DOLLARS.isdisjoint(said) \
        and not any(figure[:1] == "¤" for figure in claimed)


# Words that say the opposite of each other, by group and side: a sentence with one where
# the claim has another states another claim, as a negation does («انخفضت» for
# «ارتفعت», «أقل من ألف» for «أكثر من ألف», «العام المقبل» for «العام الماضي»). Read with
# a proclitic, an article or a tanween's alif too («بانخفاض», «الارتفاع», «انخفاضا»);
# «ارتفاعا» for «انخفاضا», "grew" for "shrank", «هذا العام» for «العام الماضي» were
# offered (rv258). No noun a rise or fall is not: «نقص» (a shortage), "contract". A noun
# naming what rises or falls (_MOVERS: «growth fell», «ارتفع الانكماش») takes its side only
# where no other word takes one of its group: taking none, «نموا» was offered for «انكماشا»
# (0.77; rv264), and with both, «growth fell» opposed nothing to «growth rose» (rv265).
# A slowdown is a fall, a speeding up a rise: with no side, «تباطأ النمو» and "growth slowed"
# took the rise's of «growth», refused for «تراجع النمو», "growth fell" (0.37; rv272).
_OPPOSITES = (
    ("ارتفع ارتفعت يرتفع ترتفع ارتفاع ارتفعا ارتفعوا زاد زادت يزيد تزيد زيادة ازداد ازدادت "
     "يزداد تزداد تزايد تزايدت يتزايد صعد صعدت يصعد تصعد صعود نما نمت ينمو تنمو قفز قفزت "
     "يقفز تقفز قفزة نمو نموا growth rose rise rises risen rising increased increase "
     "increases increasing grew grow grows grown growing jumped jump jumps surged surge surges "
     "soared soar soars climbed climb climbs gained تسارع تسارعت يتسارع تتسارع accelerated "
     "accelerate accelerates accelerating",
     "انخفض انخفضت ينخفض تنخفض انخفاض انخفضا تراجع تراجعت يتراجع تتراجع هبط هبطت يهبط "
     "تهبط هبوط قلت يقل تقل نقصت ينقص تنقص هوى هوت يهوي تهوي تقلص تقلصت يتقلص تتقلص "
     "انكمش انكمشت ينكمش تنكمش انكماش fell fall falls fallen falling decreased decrease "
     "decreases decreasing dropped drop drops dropping declined decline declines declining "
     "shrank shrink shrinks shrunk shrinking contracted contraction tumbled tumble tumbles "
     "plunged plunge plunges slumped slump slumps sank تباطأ تباطأت يتباطأ تتباطأ تباطؤ slow "
     "slowed slows slowing slowdown eased"),
    ("أكثر أعلى أكبر more higher larger greater", "أقل أدنى أصغر less fewer lower smaller"),
    ("الماضي الماضية السابق السابقة last previous", "المقبل المقبلة القادم القادمة next",
     "الحالي الحالية الجاري الجارية current"),
)
_SIDES = {fold(word).text: (group, side) for group, sides in enumerate(_OPPOSITES)
          for side, words in enumerate(sides) for word in words.split()}
_MOVERS = _folded_set("نمو نموا growth انكماش contraction")
# «هذا العام», "this year": the present side, before a period only.
_THIS = (_folded_set("هذا هذه this"), _folded_set("العام السنة الشهر الأسبوع الربع year month "
                                                     "week quarter"), _SIDES[fold("الحالي").text])
_ARTICLES = ("وبال", "وال", "بال", "فال", "لل", "ال")


# «تراجعت الحكومة عن قرارها» is backing down, not a fall: a verb of these with «عن» in
# the three words after it, and no figure before that, takes no side («تراجعت الصادرات 5%
# عن العام الماضي» is a fall; «تراجع الدولار عن أعلى مستوياته», one too, takes none: no
# side is only no penalty).
_BACKING = _folded_set("تراجع تراجعت يتراجع تتراجع")
_FROM = fold("عن").text


@functools.lru_cache(maxsize=1 << 15)  # (as key_of's: a text repeats its words)
def _side(word: str) -> tuple[int, int, bool] | None:
    """The side of _OPPOSITES a folded word takes, read without a proclitic or an article,
    and without a tanween's alif, if it takes none as it is; and whether it is a mover's."""
    forms = [word]
    if len(word) >= 4 and word[0] in PROCLITICS:
        forms.append(word[1:])
    forms += [word[len(article):] for article in _ARTICLES
              if word.startswith(article) and len(word) - len(article) >= 3]
    forms += [form[:-1] for form in forms if form.endswith("ا") and len(form) >= 5]
    return next(((*_SIDES[form], form in _MOVERS) for form in forms if form in _SIDES), None)


def sides_in(words: Sequence[str]) -> frozenset[tuple[int, int]]:
    """The sides of _OPPOSITES some folded words take; a mover's, of a group no other word
    takes a side of."""
    this, periods, present = _THIS
    sides = {side for at, word in enumerate(words)
             if ((side := _side(word)) is not None
                 and not (bare(word) in _BACKING and _backing_down(words, at)))
             or (word in this and at + 1 < len(words) and words[at + 1] in periods
                 and (side := (*present, False)))}
    told = {group for group, _, mover in sides if not mover}
    return frozenset((group, side) for group, side, mover in sides
                     if not mover or group not in told)


def _backing_down(words: Sequence[str], at: int) -> bool:
    """Whether the verb at *at* is followed by «عن» within three words, no figure between."""
    following = list(words[at + 1:at + 4])
    return _FROM in following and not numbers_in(following[:following.index(_FROM)])


def opposite(sides: frozenset[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """What says the opposite of *sides*: the other sides of each group they take alone."""
    return frozenset((group, other) for group, side in sides
                     for other in range(len(_OPPOSITES[group])) if other != side) - sides


NEGATORS = _folded_set("لا لم لن ليس ليست ليسا ليسوا لسنا لست غير عدم not no never nor cannot t")
# Words denying what follows them: «نفى المسؤول أن روسيا نشرت…», «Officials denied Russia
# deployed…» say the claim's words to deny them (offered at 0.95 and 1.0; rv221), as «لا
# صحة لـ…», «not true that» and «false that» do (a negator before a word of these).
DENIALS = _folded_set("نفى نفت ينفي تنفي نفوا ينفون كذب كذبت deny denied denies denying false "
                      "untrue baseless")
_TRUE = _folded_set("صحة صحيح صحيحا true")


# Where a new clause starts, reporting or turning: a denial before one denies something
# else («ونفى بيسكوف ذلك وقال إن…», "denied the report but said…" halved the claim; rv226).
CLAUSE_STARTS = _folded_set("قال قالت وقال وقالت أكد أكدت وأكد وأكدت أضاف أضافت وأضاف وأضافت "
                            "وإن لكن ولكن لكنه بل said says added confirmed but")
# Who says or whom a claim is from, before it: a country or leader there is no actor of it.
ATTRIBUTION = CLAUSE_STARTS | _folded_set("إن أن بأن أنه إنه بحسب وفق وفقا that according")
# What joins a clause to another: a rise or fall before one is the other clause's («انخفض
# التضخم و البطالة…», "prices fell while unemployment…", "exports fell then unemployment…";
# the stop words among them, "then", "after", «بعد», were crossed as "in" is; rv281).
CONJUNCTIONS = _folded_set("و أو ثم بينما فيما حين حيث بعد قبل منذ لأن "
                           "and or while whereas as when then so after before since")
# What stands between a rise or fall and what rises or falls, being neither: a degree or
# speed of it («انخفاض حاد في البطالة», «تراجعا طفيفا في», "a steep decline in") or a measure
# of the thing ("the rate of unemployment", «معدل البطالة»). Crossed walking back from the
# claim's words, as stop words are: «انخفاض حاد في البطالة في مصر» was offered for «ارتفعت
# البطالة في مصر» (0.812; «انخفاض في البطالة…» 0.406) as that of another noun (rv283).
# Arabic adjectives are written masculine and read feminine, with a tanween's alif and
# with an article too («الحادة», «حادا»); «بشكل ملحوظ» after a verb before its subject
# («انخفضت بشكل ملحوظ البطالة»). No English adverb: one follows its verb, whose subject
# is then before it, another noun ("exports fell sharply unemployment…").
_DEGREES_AR = "حاد كبير طفيف ملحوظ سريع بطيء واضح شديد قوي ضخم هائل بسيط متسارع تدريجي مفاجئ لافت"
DEGREES = frozenset(f"{article}{form}" for word in _folded_set(_DEGREES_AR)
                    for form in (word, word + "ا", word + "ه")
                    for article in ("", "ال")) | _folded_set(
    "بشكل بصورة بشدة بقوة معدل معدلات نسبة نسب مستوى مستويات عدد أعداد حجم "
    "sharp steep slight marked significant dramatic modest small big large huge sudden rapid "
    "slow gradual notable substantial considerable further "
    "rate rates level levels number numbers share proportion percentage")


def denies(words: Sequence[str], at: int) -> bool:
    """Whether the folded word at *at* denies what follows it (with the negator before it);
    a negated denial affirms («did not deny that», «لا ينفي أن»; halved, rv226)."""
    word = bare(words[at])
    negated = at > 0 and bare(words[at - 1]) in NEGATORS
    return (word in DENIALS and not negated) or (word in _TRUE and negated)
STOP_WORDS = NEGATORS | _folded_set(
    # Arabic particles, pronouns, auxiliaries and reporting verbs: they carry no claim.
    "في من على إلى الى عن مع أن إن أنه إنه أنها إنها بأن بأنه بأنها لأن أنهم إنهم بأنهم "
    "بأنهما لأنهم التي الذي الذين اللذين "
    "اللتين اللواتي هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن أنا أنت ما ماذا او أو أم ثم قد لقد "
    "كان كانت كانوا يكون تكون كل بعض أي أية حتى منذ عند بعد قبل بين أيضا كما لكن لكنه حيث إذا "
    "إذ الا إلا سوى عبر خلال لها له لهم لهما عليه عليها عليهم منه منها فيه فيها به بها إليه "
    "إليها عنه عنها ذاته نفسه نفسها التى قال قالت يقول تقول وقال أضاف أضافت أكد أكدت أشار "
    "أشارت وفق وفقا بحسب حسب وذلك ومن وفي يا هناك هنا بينهما بينهم بينها "
    # English function words.
    "the a an of in on at to for from by with and or but is are was were be been being has have "
    "had it its this that these those as than then so such which who whom whose what when where "
    "while said says say also he she they them his her their we our you your i me my would will "
    "could can may might should do does did there here about into over after before during "
    "since s u"
)

# Groups of words a desk treats as one, keyed by a neutral name. Each word is stemmed
# below, so the table is written in plain spelling. Phrases (two words) are in _PHRASES.
_SYNONYMS: dict[str, str] = {
    "@ru": "روسيا الروسي الروسية موسكو الكرملين russia russian moscow kremlin",
    "@nk": "pyongyang",
    "@us": "أمريكا أميركا الأمريكي الأمريكية الأميركي الأميركية واشنطن america american "
           "washington usa",
    "@cn": "الصين الصيني الصينية بكين china chinese beijing",
    "@ua": "أوكرانيا الأوكراني الأوكرانية كييف ukraine ukrainian kyiv kiev",
    "@ir": "إيران الإيراني الإيرانية طهران iran iranian tehran",
    "@jp": "اليابان الياباني اليابانية طوكيو japan japanese tokyo",
    "@sk": "سيول seoul",
    "@ps": "فلسطين الفلسطيني الفلسطينية palestine palestinian",
    "@il": "إسرائيل الإسرائيلي الإسرائيلية israel israeli",
    "@putin": "بوتين putin",
    "@kim": "كيم kim",
    "@veto": "الفيتو النقض veto vetoed",
    "@sign": "وقع وقعت ووقع أبرم أبرمت signed",
    "@attack": "هجوم لهجوم اعتداء لاعتداء attack",
    "@treaty": "معاهدة المعاهدة معاهدات اتفاق اتفاقا الاتفاق اتفاقية الاتفاقية treaty pact "
               "agreement accord",
    "@year": "عام عاما أعوام سنة سنوات year",
    "@jan": "يناير january", "@feb": "فبراير شباط february", "@mar": "مارس آذار march",
    "@apr": "أبريل نيسان april", "@may": "مايو أيار", "@jun": "يونيو حزيران june",
    "@jul": "يوليو تموز july", "@aug": "أغسطس august", "@sep": "سبتمبر أيلول september",
    "@oct": "أكتوبر october", "@nov": "نوفمبر november", "@dec": "ديسمبر december",
}
_PHRASES: dict[str, tuple[str, ...]] = {
    "@putin": ("فلاديمير بوتين", "vladimir putin"),
    "@kim": ("كيم جونغ أون", "كيم جونج أون", "كيم جونغ اون", "kim jong un"),
    "@xi": ("شي جين بينغ", "xi jinping"),
    "@nk": ("كوريا الشمالية", "بيونغ يانغ", "بيونج يانج", "north korea"),
    "@sk": ("كوريا الجنوبية", "south korea"),
    "@us": ("الولايات المتحدة", "united states", "u s"),
    "@gb": ("المملكة المتحدة", "united kingdom"),
    "@un": ("الأمم المتحدة", "united nations"),
    "@unsc": ("مجلس الأمن", "security council"),
    "@veto": ("حق النقض",),
    "@nato": ("حلف شمال الأطلسي", "حلف الناتو"),
    "@jan": ("كانون الثاني",), "@oct": ("تشرين الأول",), "@nov": ("تشرين الثاني",),
    "@dec": ("كانون الأول",),
}
# Countries the desk's news names most, with their capitals and demonyms (the
# Arabic stemmer makes «المصري» «المصرية» «مصر»; a name the stemmer would take for a common
# word - البحرين, المغرب, عمان - is left out). Each is an actor: «…to the Polish border» was
# offered for «…to the Ukrainian border», «في تونس» for «في مصر» (rv221).
_COUNTRIES = (
    "pl بولندا البولندي poland polish warsaw", "by بيلاروسيا البيلاروسي belarus belarusian minsk",
    "eg مصر المصري القاهرة egypt egyptian cairo", "tn تونس التونسي tunisia tunisian tunis",
    "sy سوريا سورية السوري دمشق syria syrian damascus",
    "iq العراق العراقي بغداد iraq iraqi baghdad", "lb لبنان اللبناني بيروت lebanon lebanese beirut",
    "jo الأردن الأردني jordan jordanian", "sa السعودية السعودي الرياض saudi riyadh",
    "ae الإمارات الإماراتي أبوظبي emirates emirati uae", "qa قطر القطري الدوحة qatar qatari doha",
    "kw الكويت الكويتي kuwait kuwaiti", "ye اليمن اليمني صنعاء yemen yemeni sanaa",
    "ly ليبيا الليبي طرابلس libya libyan tripoli", "sd السودان السوداني الخرطوم sudan sudanese",
    "dz الجزائر الجزائري algeria algerian algiers",
    "tr تركيا التركي أنقرة turkey türkiye turkiye turkish ankara",
    "fr فرنسا الفرنسي باريس france french paris", "de ألمانيا الألماني برلين germany german berlin",
    "gb بريطانيا البريطاني لندن britain british uk london",
    "it إيطاليا الإيطالي روما italy italian",
    "es إسبانيا الإسباني مدريد spain spanish madrid", "in الهند الهندي نيودلهي india indian delhi",
    "pk باكستان الباكستاني pakistan pakistani islamabad",
    "af أفغانستان الأفغاني كابول afghanistan afghan kabul", "ca كندا الكندي canada canadian ottawa",
    "br البرازيل البرازيلي brazil brazilian", "ve فنزويلا الفنزويلي venezuela venezuelan",
    "hu المجر المجري هنغاريا hungary hungarian budapest", "tw تايوان التايواني taiwan taiwanese",
)
# Leaders, actors by their own keys (no synonym: «بايدم», a typo, is still «بايدن»), with
# their countries: «الرئيس الأمريكي» for «بايدن» names no other actor (halved; rv226).
_LEADERS = (("us", "بايدن biden ترامب trump"), ("ua", "زيلينسكي zelensky"),
            ("il", "نتنياهو netanyahu"), ("tr", "أردوغان erdogan"), ("fr", "ماكرون macron"))
_SYNONYMS.update({f"@{row.split()[0]}": row.split(None, 1)[1] for row in _COUNTRIES})
# Actors: a sentence naming another of them where the claim's is missing states
# another claim (a US veto is not a Russian one).
ACTORS = frozenset({"@ru", "@nk", "@us", "@cn", "@ua", "@ir", "@jp", "@ps", "@il", "@sk",
                    "@un", "@nato", "@putin", "@kim", "@xi",
                    *(f"@{row.split()[0]}" for row in _COUNTRIES)})

_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Light10's suffixes in its order (ة folded to ه), the pronouns هم/هما, and the past
# tense's feminine ت.
_AR_SUFFIXES = ("هما", "هم", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "ت")
PROCLITICS = "وبلفك"
_GLUED_BEFORE = PROCLITICS + TATWEEL  # (before a figure: «بـ150», «لل2019»)
# أصدقائهم and أصدقاء, مسئول and مسؤول: the seat of a hamza varies with what follows.
_HAMZA_SEATS = str.maketrans("ئؤ", "ءء")


def stem(word: str) -> str:
    """Light stem of one folded word: Light10-style for Arabic, plural/-ed/-ing for Latin.

    Light on purpose: a root stemmer merges words a fact-checker keeps apart
    (كتب، كاتب، مكتبة); stripping clitics and inflection only joins spellings of
    one word. A lone proclitic (و ب ل ف ك) is not stripped here: وثيقة and وقع
    begin with و themselves, so ``ClaimIndex`` strips one only where the
    shorter word is one the claims use.
    """
    if is_number(word):
        return word
    if "\u0600" <= word[0] <= "\u06ff":
        word = word.translate(_HAMZA_SEATS)
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix):]
                break
        for suffix in _AR_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix, keep in (("ing", 3), ("ed", 3), ("es", 3), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def is_stop(word: str) -> bool:
    """A folded word that carries no claim (a particle, or one behind a conjunction)."""
    return word in STOP_WORDS or (word[0] in "وف" and word[1:] in STOP_WORDS) or (
        len(word) == 1 and not word.isdigit())


# Keys are kept for the words met last: a project's claims and an article repeat a few
# thousand words a million times (the benchmark's 50,000 claims: 1,087,044 words, 870
# distinct), and stemming each again was most of the time an index of them took to build.
KEYS_KEPT = 1 << 15


@functools.lru_cache(maxsize=KEYS_KEPT)
def key_of(word: str) -> str | None:
    """The key of one folded word, or None for a stop word."""
    if is_stop(word):
        return None
    if is_number(word):
        return number_key(word)
    if word[0] in _FIGURE_STARTS and (glued := _SUFFIXED.fullmatch(word)) is not None:
        return _scaled(number_key(glued[1]), _SUFFIXES[glued[2]]) or word
    if (figure := _KEYED.get(word)) is not None:
        return figure
    stemmed = _unclitic(stem(word), SYNONYMS)
    return SYNONYMS.get(stemmed, stemmed)


def _unclitic(key: str, known: Iterable[str], least: int = 4) -> str:
    """``key`` without a one-letter proclitic when only that form is known (لروسيا)."""
    if key not in known and len(key) >= least and key[0] in PROCLITICS and key[1:] in known:
        return key[1:]
    return key


def _folded_stem(word: str) -> str:
    return stem(fold(word).text)


SYNONYMS: dict[str, str] = {
    _folded_stem(word): name for name, words in _SYNONYMS.items() for word in words.split()
}
# An actor's own country (a leader's; a capital's is a synonym already).
HOME: dict[str | None, str] = {
    **{key_of(fold(word).text): f"@{country}" for country, words in _LEADERS
       for word in words.split()},
    "@putin": "@ru", "@kim": "@nk", "@xi": "@cn"}
ACTORS |= HOME.keys() - {None}
PHRASES: dict[tuple[str | None, ...], str] = {
    tuple(key_of(fold(w).text) for w in phrase.split()): name
    for name, phrases in _PHRASES.items() for phrase in phrases
}
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str | None, ...], str]]] = defaultdict(list)
for _words_, _name_ in PHRASES.items():
    _PHRASES_BY_FIRST[_words_[0]].append((_words_, _name_))
PHRASE_FIRST = frozenset(_PHRASES_BY_FIRST)
JOINED = "+"  # the key of a name's second word: part of the name, not a word of its own


def join_phrases(keys: list[str | None], starts: Iterable[int]) -> None:
    """Key a name of several words as one: the first takes the name, the rest are JOINED.

    A first word of two letters is read with a proclitic too (وشي جين بينغ، بحق النقض):
    the name's other words confirm it, as nothing would a lone word of three letters.
    """
    for i in starts:
        k = keys[i]
        if k is None or k == JOINED:
            continue
        for words, name in _PHRASES_BY_FIRST.get(_unclitic(k, PHRASE_FIRST, 3), ()):
            if tuple(keys[i + 1:i + len(words)]) == words[1:]:
                keys[i] = name
                keys[i + 1:i + len(words)] = [JOINED] * (len(words) - 1)
                break


def resolved(word: str, key: str, vocabulary: frozenset[str], alias: dict[str, str]) -> str | None:
    """The claims' key for a word they spell with (or without) a proclitic (لكوريا، وبالحرب)."""
    if key in alias:
        return alias[key]
    for _ in range(2):
        if len(word) < 4 or word[0] not in PROCLITICS:
            break
        word = word[1:]
        shorter = key_of(word)
        if shorter is None or shorter in vocabulary:
            return shorter
        if shorter in alias:
            return alias[shorter]
    return key


def key_words(words: list[str] | tuple[str, ...], vocabulary: frozenset[str] = frozenset(),
               alias: dict[str, str] | None = None, shortest: bool = False) -> list[str | None]:
    """Keys of folded words: stop words None, names joined, proclitics resolved.

    ``shortest`` (for the claims themselves) takes the form without proclitic
    whenever the claims use it, even if they use both (واكبر and أكبر).
    """
    alias = alias or {}
    table: dict[str, str | None] = {}
    for word in set(words):
        key = key_of(word)
        if key is not None and vocabulary and (shortest or key not in vocabulary):
            key = key if key.startswith("@") else resolved(word, key, vocabulary, alias)
        table[word] = key
    keys = [table[w] for w in words]
    firsts = {w for w, k in table.items()
              if k is not None and (k in PHRASE_FIRST or k[1:] in PHRASE_FIRST)}
    if firsts:
        join_phrases(keys, [i for i, w in enumerate(words) if w in firsts])
    if not SPOKEN_ENDS.isdisjoint(table):
        join_spoken(words, keys, [i for i, w in enumerate(words) if w in SPOKEN_ENDS])
    if not FIGURE_ENDS.isdisjoint(table):
        join_figures(words, keys, [i for i, w in enumerate(words) if w in FIGURE_ENDS])
    if not SIGNS.isdisjoint(table):
        sign_figures(words, keys, [i for i, w in enumerate(words) if w in SIGNS])
    return keys


def bare(word: str) -> str:
    """A word without a leading conjunction, for comparing spellings."""
    return word[1:] if len(word) >= 3 and word[0] in "وف" else word


def trim(text: str) -> str:
    """Text without surrounding spaces, punctuation and quote marks (marks on letters stay),
    but with a figure's sign and point: a claim starting on «-5%» or «.5%», or ending on
    «%5-» or «5%-» (MINUS_AFTER), was trimmed to 5% and offered for it (rv258); and with
    a currency's sign next to a figure: «$5 billion…» trimmed to «5 billion…» was offered
    for «€5 billion…», «C$5 billion…» (rv264)."""
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PZSC" and not (
            text[start] in "-." + CURRENCY_SIGNS and text[start + 1:start + 2].isdigit()):
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PZSC" and not (
            text[end - 1] in CURRENCY_SIGNS and text[end - 2:end - 1].isdigit()):
        end -= 1
    return text[start:_minus_after(text, start, end)]


def _minus_after(text: str, start: int, end: int) -> int:
    """*end*, or past the minus after the figure *text* ends on there («%5-», «5%-»)."""
    if not text[end - 1:end].isdigit():
        return end
    if text[end:end + 2] in ("%-", "\u066a-"):
        after = end + 2
    else:
        first = end
        while first > start and (text[first - 1].isdigit() or text[first - 1] in ".,\u066b\u066c"):
            first -= 1
        if text[end:end + 1] != "-" or text[first - 1:first] not in ("%", "\u066a"):
            return end
        after = end + 1
    following = text[after:after + 1]
    return end if following.isalnum() or following in ("%", "\u066a") else after
