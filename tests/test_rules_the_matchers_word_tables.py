"""The matcher's word tables (store/text/claim_words.py) where they missed common words, and
a sentence with another figure, currency or direction was offered as the claim (rv258):
hundreds and trillions, currency codes and abbreviations, fractions, and the forms of a
rise and a fall."""

from __future__ import annotations

import re

import pytest

from store.text.claim_words import numbers_in, sides_in
from store.text.fold import fold
from store.text.matching import ClaimIndex, KnownClaim


def _offered(claim: str, said: str) -> list[str]:
    """The claims offered in *said*, the claim *claim* (Disputed) known."""
    return [s.claim_id for s in ClaimIndex([KnownClaim("c", claim, "disputed", "desk")]).find(said)]


def _figures(text: str) -> set[str]:
    """The figures of *text*, its words read as the matcher's are (digits, letters, signs)."""
    return numbers_in(re.findall(r"\d+|[^\W\d_]+|\$", fold(text).text))


@pytest.mark.parametrize(("claim", "said"), [
    # a hundred, a trillion: no scale word left out
    ("بلغ عجز الموازنة مائة مليار دولار العام الماضي في مصر",
     "بلغ عجز الموازنة مليار دولار العام الماضي في مصر."),
    ("Egypt's budget deficit reached a hundred billion dollars last year",
     "Egypt's budget deficit reached a billion dollars last year."),
    ("بلغ دين مصر 5 تريليون دولار العام الماضي", "بلغ دين مصر 5 دولار العام الماضي."),
    ("Egypt's debt reached $5tn last year", "Egypt's debt reached $5bn last year."),
    # a currency by its code or its Arabic abbreviation
    ("The ministry paid $500 to every displaced family in Gaza",
     "The ministry paid EUR 500 to every displaced family in Gaza."),
    ("The ministry paid $500 to every displaced family in Gaza",
     "The ministry paid 500 EGP to every displaced family in Gaza."),
    ("دفعت الوزارة 500 دولار لكل أسرة نازحة في غزة", "دفعت الوزارة 500 ج.م لكل أسرة نازحة في غزة."),
    ("دفعت الوزارة 500 دولار لكل أسرة نازحة في غزة", "دفعت الوزارة 500 ر.س لكل أسرة نازحة في غزة."),
    ("دفعت الوزارة 500 دولار كندي لكل أسرة نازحة", "دفعت الوزارة 500 دولار أمريكي لكل أسرة نازحة."),
    # fractions
    ("نصف سكان مصر يعيشون تحت خط الفقر حسب البنك الدولي",
     "ربع سكان مصر يعيشون تحت خط الفقر حسب البنك الدولي."),
    ("Half of Egyptians live below the poverty line, the World Bank says",
     "A quarter of Egyptians live below the poverty line, the World Bank says."),
    ("A third of Egyptians live below the poverty line, the World Bank says",
     "Two thirds of Egyptians live below the poverty line, the World Bank says."),
    # a rise for a fall, in the forms news writes
    ("سجلت صادرات مصر ارتفاعا بنسبة 5% العام الماضي",
     "سجلت صادرات مصر انخفاضا بنسبة 5% العام الماضي."),
    ("زادت صادرات مصر بنسبة 5% العام الماضي", "قلت صادرات مصر بنسبة 5% العام الماضي."),
    ("نما اقتصاد مصر بنسبة 5% العام الماضي", "انكمش اقتصاد مصر بنسبة 5% العام الماضي."),
    ("سجلت صادرات مصر زيادة بنسبة 5% العام الماضي",
     "سجلت صادرات مصر بانخفاض بنسبة 5% العام الماضي."),
    ("Egypt's exports grew by 5% last year", "Egypt's exports shrank by 5% last year."),
    ("Egypt recorded a 5% rise in exports last year",
     "Egypt recorded a 5% drop in exports last year."),
    ("Egypt's exports rose 5% last year", "Egypt's exports drop 5% last year."),
    ("Egypt's exports rose 5% last year", "Egypt's exports rose 5% this year."),
    ("ارتفعت صادرات مصر 5% العام الماضي", "ارتفعت صادرات مصر 5% العام الحالي."),
])
def test_another_figure_currency_or_direction_in_common_words_is_another_claim(claim, said):
    """Each was offered at 0.68-0.96 (rv258)."""
    assert _offered(claim, said) == [], said


@pytest.mark.parametrize(("claim", "said"), [
    ("بلغ عجز الموازنة مائة مليار دولار العام الماضي في مصر",
     "بلغ عجز الموازنة 100 مليار دولار العام الماضي في مصر."),
    ("Egypt's debt reached 5 trillion dollars last year",
     "Egypt's debt reached 5tn dollars last year."),
    ("دفعت الوزارة 500 جنيه لكل أسرة نازحة في غزة",
     "دفعت الوزارة 500 جنيه مصري لكل أسرة نازحة في غزة."),
    ("The ministry paid $500 to every displaced family in Gaza",
     "The ministry paid US$500 to every displaced family in Gaza."),
    ("نصف سكان مصر يعيشون تحت خط الفقر حسب البنك الدولي",
     "نصف سكان مصر يعيشون تحت خط الفقر حسب البنك الدولي."),
    ("سجلت صادرات مصر ارتفاعا بنسبة 5% العام الماضي",
     "سجلت صادرات مصر ارتفاعا بنسبة 5% العام الماضي."),
    ("Egypt's exports rose 5% this year", "Egypt's exports rose 5% this year, officials said."),
])
def test_the_same_figure_currency_or_direction_is_still_offered(claim, said):
    assert _offered(claim, said) == ["c"], said


@pytest.mark.parametrize(("one", "other"), [
    ("مئة مليار", "100 مليار"), ("ثلاثمائة", "300"), ("ثلاث مئة", "300"), ("خمسة عشر", "15"),
    ("خمسة وعشرون", "25"), ("a hundred billion", "100 billion"), ("5 تريليون", "5tn"),
    ("نصف مليون", "500 ألف"), ("500 EGP", "500 جنيه مصري"), ("500 ج.م", "Egyptian pounds 500"),
    ("500 ر.س", "500 ريال سعودي"), ("C$500", "500 Canadian dollars"), ("ثلثا", "ثلثي"),
])
def test_a_figure_said_in_other_words_is_the_same_figure(one, other):
    assert _figures(one) == _figures(other) != set()


def test_a_code_is_a_currency_next_to_a_figure_only():
    """"try", "rub", "mad" are words too: a currency only with a figure beside them."""
    assert _figures("they try to rub it in") == set()
    assert _figures("500 TRY") == {"500", "lira", "¤tr"}


@pytest.mark.parametrize(("one", "other"), [
    ("ارتفاعا", "انخفاضا"), ("بارتفاع", "بانخفاض"), ("الارتفاع", "للانخفاض"), ("زادت", "نقصت"),
    ("نما", "انكمش"), ("grew", "shrank"), ("jumped", "tumbled"), ("rise", "declines"),
    ("this year", "last year"), ("العام الحالي", "العام المقبل"), ("هذا العام", "العام الماضي"),
])
def test_the_forms_of_opposite_words_take_opposite_sides(one, other):
    mine, theirs = (sides_in(fold(text).text.split()) for text in (one, other))
    assert mine and theirs and mine.isdisjoint(theirs)


def test_this_is_a_side_before_a_period_only():
    assert sides_in(fold("this ministry said").text.split()) == frozenset()


@pytest.mark.parametrize(("claim", "said"), [
    ("Economic growth fell to 2% in 2024", "Economic growth rose to 2% in 2024."),
    ("تراجع النمو الاقتصادي في مصر إلى 2% العام الماضي",
     "ارتفع النمو الاقتصادي في مصر إلى 2% العام الماضي."),
    ("انخفض معدل النمو الاقتصادي في مصر إلى 2% العام الماضي",
     "ارتفع معدل النمو الاقتصادي في مصر إلى 2% العام الماضي."),
])
def test_growth_said_falling_is_not_growth_said_rising(claim, said):
    """«growth», «نمو» on the rise's side made «growth fell» hold both sides, opposed to
    nothing: «growth rose» was offered at 0.64-0.76 (rv265). The noun names what moves."""
    assert _offered(claim, said) == [], said
    assert _offered(claim, said.replace("rose", "fell").replace("ارتفع", "تراجع")) == ["c"]
    assert sides_in(fold("growth fell تراجع النمو").text.split()) == {(0, 1)}


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("Economic growth slowed to 2% in 2024", "Economic growth fell to 2% in 2024.", True),
    ("Growth slowed to 2% in the third quarter", "Growth fell to 2% in the third quarter.", True),
    ("تراجع النمو الاقتصادي إلى 2% في 2024", "تباطأ النمو الاقتصادي إلى 2% في 2024.", True),
    ("ارتفع النمو الاقتصادي إلى 3% في 2024", "تباطأ النمو الاقتصادي إلى 3% في 2024.", False),
    ("Growth rose to 3% in 2024", "Growth slowed to 3% in 2024.", False),
    ("Growth accelerated to 3% in 2024", "Growth rose to 3% in 2024.", True),
    ("تسارع النمو الاقتصادي إلى 3% في 2024", "تباطأ النمو الاقتصادي إلى 3% في 2024.", False),
])
def test_growth_slowing_is_growth_falling(claim, said, same):
    """«slowed», «تباطأ» took no side, so «growth» alone made "growth slowed" a rise:
    refused for "growth fell" at 0.37 (rv272). A slowdown falls, a speeding up rises."""
    assert _offered(claim, said) == (["c"] if same else []), said
    assert sides_in(fold("slowdown eased تباطؤ يتباطأ").text.split()) == {(0, 1)}
    assert sides_in(fold("accelerated تسارع يتسارع").text.split()) == {(0, 0)}


@pytest.mark.parametrize(("claim", "said"), [
    ("حقق الاقتصاد المصري نموا بنسبة 5% العام الماضي",
     "حقق الاقتصاد المصري انكماشا بنسبة 5% العام الماضي."),
    ("سجل الاقتصاد المصري نموا بنسبة 5% العام الماضي",
     "سجل الاقتصاد المصري تراجعا بنسبة 5% العام الماضي."),
    ("حقق الاقتصاد المصري انكماشا بنسبة 5% العام الماضي",
     "حقق الاقتصاد المصري نموا بنسبة 5% العام الماضي."),
    ("Egypt's economy posted growth of 5% last year",
     "Egypt's economy posted contraction of 5% last year."),
    ("ارتفع الانكماش الاقتصادي في مصر إلى 2% العام الماضي",
     "تراجع الانكماش الاقتصادي في مصر إلى 2% العام الماضي."),
    ("Economic contraction rose to 2% in 2024", "Economic contraction fell to 2% in 2024."),
])
def test_growth_said_as_a_noun_is_no_contraction(claim, said):
    """«نموا» took no side (its tanween's alif is stripped from 5 letters up) and «growth»
    none since rv265: «نموا» was offered for «انكماشا» and «تراجعا» at 0.77 (rv264). A noun
    naming what moves takes its side where no other word of its group takes one: the verb's
    in «ارتفع الانكماش», «contraction rose»."""
    assert _offered(claim, said) == [], said
    assert _offered(claim, claim + ".") == ["c"]
    assert sides_in(fold("نموا growth").text.split()) == {(0, 0)}
    assert sides_in(fold("contraction rose ارتفع الانكماش").text.split()) == {(0, 0)}


@pytest.mark.parametrize(("claim", "said", "same"), [
    # a rise or fall said before the subject, a word or two back
    ("Unemployment rose to 5% in 2023", "A fall in unemployment to 5% in 2023.", False),
    ("ارتفعت البطالة إلى 5% في 2023", "تراجع في البطالة إلى 5% في 2023.", False),
    ("Prices rose by 5% last year", "A fall in prices by 5% last year.", False),
    ("Growth rose to 3% in 2023", "A slowdown in growth to 3% in 2023.", False),
    ("Unemployment rose to 5% in 2023", "A sharp fall in unemployment to 5% in 2023.", False),
    ("Unemployment rose to 5% in 2023",
     "The figures show a fall in unemployment to 5% in 2023.", False),
    # restated the same way round
    ("Unemployment rose to 5% in 2023", "A rise in unemployment to 5% in 2023.", True),
    ("Unemployment rose to 5%", "A rise in unemployment to 5%.", True),
    ("ارتفعت البطالة إلى 5% في 2023", "ارتفاع في البطالة إلى 5% في 2023.", True),
    ("Prices rose by 5% last year", "A rise in prices by 5% last year.", True),
    # another clause's fall, or the window's own rise after it
    ("Unemployment rose to 5% in 2023", "Prices fell and unemployment rose to 5% in 2023.", True),
    ("Unemployment rose to 5% in 2023",
     "Despite falling prices unemployment rose to 5% in 2023.", True),
    ("Unemployment rose to 5% in 2023",
     "Inflation fell and unemployment reached 5% in 2023.", True),
    ("ارتفعت البطالة إلى 5% في 2023", "انخفض التضخم وبلغت البطالة 5% في 2023.", True),
])
def test_a_fall_in_the_subject_said_before_it_is_a_fall(claim, said, same):
    """Opposite words were looked for only right next to the window: "a fall in
    unemployment", «تراجع في البطالة», "a slowdown in growth" were offered at 0.82 for
    "unemployment rose", «ارتفعت البطالة», "growth rose" (rv274), where "unemployment fell",
    «انخفاض البطالة» are refused (0.32). A rise or fall a couple of words before the subject,
    across stop words and in its clause, takes a side too."""
    assert _offered(claim, said) == (["c"] if same else []), said


_EGYPT = "Egypt's unemployment rose to 5% in 2023"
_EGYPT_AR = "البطالة في مصر ارتفعت إلى 5% عام 2023"


@pytest.mark.parametrize(("claim", "plain", "said"), [
    # another noun's rise or fall, a content word between it and the claim's words
    (_EGYPT, "Egypt's unemployment reached 5% in 2023.",
     "Despite falling prices Egypt's unemployment reached 5% in 2023."),
    (_EGYPT, "Egypt's unemployment reached 5% in 2023.",
     "Amid falling exports Egypt's unemployment reached 5% in 2023."),
    (_EGYPT_AR, "البطالة في مصر بلغت 5% عام 2023.",
     "مع تراجع الصادرات البطالة في مصر بلغت 5% عام 2023."),
    (_EGYPT_AR, "البطالة في مصر بلغت 5% عام 2023.",
     "رغم انخفاض الأسعار البطالة في مصر بلغت 5% عام 2023."),
    # another clause's, a conjunction between (a stop word, crossed as "in" was)
    (_EGYPT, "Egypt's unemployment reached 5% in 2023.",
     "Exports fell sharply then Egypt's unemployment reached 5% in 2023."),
    (_EGYPT, "Egypt's unemployment reached 5% in 2023.",
     "Exports fell then Egypt's unemployment reached 5% in 2023."),
    (_EGYPT, "Egypt's unemployment reached 5% in 2023.",
     "Exports fell after Egypt's unemployment reached 5% in 2023."),
    (_EGYPT_AR, "البطالة في مصر بلغت 5% عام 2023.",
     "تراجعت الصادرات ثم البطالة في مصر بلغت 5% عام 2023."),
    (_EGYPT_AR, "البطالة في مصر بلغت 5% عام 2023.",
     "تراجعت بعد البطالة في مصر بلغت 5% عام 2023."),
])
def test_another_nouns_rise_or_fall_before_the_claim_is_not_its(claim, plain, said):
    """A rise or fall two words before the claim's was read as the claim's since rv274:
    "amid falling exports Egypt's unemployment reached 5%", «مع تراجع الصادرات البطالة في
    مصر بلغت 5%» were no longer offered for "Egypt's unemployment rose to 5%" (0.739, 0.769
    before; rv281). A content word between, not the claim's, makes it that word's; a clause
    joined by "then", "after", «بعد» is another clause. Offered as the plain sentence is."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk")])
    expected = [s.score for s in index.find(plain)]
    assert expected, plain
    assert [s.score for s in index.find(said)] == pytest.approx(expected), said


@pytest.mark.parametrize("said", [
    "A fall in Egypt's unemployment to 5% in 2023.",
    "A sharp fall in Egypt's unemployment to 5% in 2023.",
    "The fall of Egypt's unemployment to 5% in 2023.",
    "تراجع في البطالة في مصر إلى 5% عام 2023.",
    "انخفاض البطالة في مصر إلى 5% عام 2023.",
])
def test_a_fall_in_the_claims_own_subject_is_still_a_fall(said):
    """Only stop words between a fall and the claim's words: the fall is the claim's."""
    claim = _EGYPT_AR if re.search(r"[\u0600-\u06ff]", said) else _EGYPT
    assert _offered(claim, said) == [], said


_ROSE_AR = "ارتفعت البطالة في مصر إلى 5%"
_ROSE = "Egypt's unemployment rose to 5%"


@pytest.mark.parametrize(("claim", "said"), [
    # an adjective of degree or speed after the fall noun, with shadda, tanween, article
    (_ROSE_AR, "انخفاض حاد في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "تراجع كبير في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "انخفاض طفيف في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "انخفاض حادّ في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "شهدت مصر انخفاضا حادا في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "الانخفاض الحاد في البطالة في مصر إلى 5%"),
    (_ROSE_AR, "سجلت تراجعا ملحوظا في البطالة في مصر إلى 5%"),
    # a measure of the thing, and a verb's adverbial before its subject
    (_ROSE_AR, "تراجع ملحوظ في معدل البطالة في مصر إلى 5%"),
    (_ROSE_AR, "تراجع معدل البطالة في مصر إلى 5%"),
    (_ROSE_AR, "انخفضت بشكل ملحوظ البطالة في مصر إلى 5%"),
    (_ROSE, "a steep decline in the rate of Egypt's unemployment to 5%"),
    (_ROSE, "A sharp fall in the level of Egypt's unemployment to 5%."),
    (_ROSE, "A significant decline in the number of Egypt's unemployed to 5%."),
])
def test_a_fall_of_some_degree_in_the_claims_subject_is_a_fall(claim, said):
    """A content word not the claim's between a fall and the claim's words made the fall
    that word's (rv281), an adjective of it too: «انخفاض حاد في البطالة في مصر إلى 5%», "a
    steep decline in the rate of Egypt's unemployment to 5%" were offered for «ارتفعت
    البطالة في مصر إلى 5%» at 0.812 (rv283), where «انخفاض في البطالة…» is refused (0.406).
    A degree of the rise or fall, a measure of what rises or falls, is crossed."""
    assert _offered(claim, said) == [], said
    assert _offered(claim, claim + ".") == ["c"]


@pytest.mark.parametrize(("claim", "said", "plain"), [
    # the same way round, a degree said: offered
    (_ROSE_AR, "ارتفاع حاد في البطالة في مصر إلى 5%", None),
    (_ROSE_AR, "زيادة كبيرة في معدل البطالة في مصر إلى 5%", None),
    (_ROSE, "A steep rise in the rate of Egypt's unemployment to 5%.", None),
    # another noun's fall, of some degree: offered as the plain sentence is
    (_ROSE_AR, "مع تراجع كبير في الصادرات البطالة في مصر بلغت 5%", "البطالة في مصر بلغت 5%"),
    (_ROSE_AR, "مع تراجع الصادرات الحاد البطالة في مصر بلغت 5%", "البطالة في مصر بلغت 5%"),
    (_ROSE, "Amid a sharp fall in exports Egypt's unemployment reached 5%.",
     "Egypt's unemployment reached 5%."),
    (_ROSE, "Exports fell sharply then Egypt's unemployment reached 5%.",
     "Egypt's unemployment reached 5%."),
])
def test_a_degree_crossed_makes_no_other_rise_or_fall_the_claims(claim, said, plain):
    """Crossing a degree or measure word (rv283) keeps a rise said the claim's way round
    offered, and another noun's fall, a content word of its own between, not the claim's."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk")])
    if plain is None:
        assert [s.claim_id for s in index.find(said)] == ["c"], said
        return
    expected = [s.score for s in index.find(plain)]
    assert expected, plain
    assert [s.score for s in index.find(said)] == pytest.approx(expected), said
