"""Recognising known claims in new text: each kind of match, the sentences that share
words without stating the claim, exact offsets, the claim's own article, determinism,
and the labelled set in benchmarks/matching."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.text.fold import fold
from store.text.matching import (
    _MARK,
    _TOKEN,
    _WORD,
    DEFAULT_MIN_SCORE,
    ClaimIndex,
    KnownClaim,
    MatchingStopped,
    Suggestion,
)

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SAMPLE = (ROOT / "seeds" / "putin-kim-treaty.txt").read_text(encoding="utf-8")

TREATY = KnownClaim("treaty", "أقوى معاهدة على الإطلاق", "disputed", "sample")
RELATIONS = KnownClaim("relations", "أقوى علاقة بين موسكو وبيونغ يانغ منذ نهاية الحرب الباردة",
                       "disputed", "sample")
VETO = KnownClaim("veto", "في مارس/آذار، أنهى استخدام روسيا حق النقض (الفيتو) في مجلس الأمن "
                          "مراقبة عقوبات الأمم المتحدة ضد كوريا الشمالية بسبب برنامجها النووي",
                  "verified", "sample")
VISIT = KnownClaim("visit", "زيارته الأولى لبيونج يانج منذ 24 عامًا", "verified", "sample")
PARTNER = KnownClaim("partner", "بكين هي أكبر شريك تجاري لكوريا الشمالية", "verified", "sample")
COLD_WAR = KnownClaim("cold-war", "العلاقات بين روسيا وكوريا الشمالية ليست في أفضل حالاتها كما "
                                  "كانت خلال الحرب الباردة", "disputed", "sample")
TALKS = KnownClaim("talks", "أجرى الزعيمان محادثات فردية لمدة ساعتين تقريبًا", "", "sample")
PLEDGE = KnownClaim("pledge", "تعهد بتقديم الدعم الكامل للحرب الروسية في أوكرانيا", "", "sample")
FRIEND = KnownClaim("friend", "أعز صديق للشعب الكوري", "", "sample")
MUNITIONS = KnownClaim("munitions", "North Korea has sent more than 10,000 shipping containers "
                                    "of munitions to Russia", "verified", "en-desk")
LIMOUSINE = KnownClaim("limousine", "Putin gifted Kim a second Aurus limousine", "verified",
                       "en-desk")
WEAPONS = KnownClaim("weapons", "South Korea said it would consider supplying weapons to Ukraine",
                     "verified", "en-desk")
ALL = (TREATY, RELATIONS, VETO, VISIT, PARTNER, COLD_WAR, TALKS, PLEDGE, FRIEND, MUNITIONS,
       LIMOUSINE, WEAPONS)


@pytest.fixture(scope="module")
def index() -> ClaimIndex:
    return ClaimIndex(ALL)


def found(index: ClaimIndex, text: str, claim_id: str) -> list[tuple[str, str, float]]:
    """(words suggested, kind, score) of the suggestions of one claim in ``text``."""
    return [(text[s.start:s.end], s.kind, s.score) for s in index.find(text)
            if s.claim_id == claim_id]


def only(index: ClaimIndex, text: str, claim_id: str) -> tuple[str, str, float]:
    hits = found(index, text, claim_id)
    assert len(hits) == 1, hits
    return hits[0]


# --- one test per kind ------------------------------------------------------------------

def test_exact_appearance_is_suggested_on_its_words(index):
    text = "ووصف الزعيمان الوثيقة بأنها «أقوى معاهدة على الإطلاق» بين البلدين."
    assert only(index, text, "treaty") == ("أقوى معاهدة على الإطلاق", "exact", 1.0)
    text = "Officials said North Korea has sent more than 10,000 shipping containers of " \
           "munitions to Russia since last year."
    words, kind, score = only(index, text, "munitions")
    assert (words, kind, score) == (MUNITIONS.text, "exact", 1.0)


def test_a_bracket_the_words_open_is_closed_in_the_suggestion():
    """rv76: «بيونغ يانغ (EPA)» was suggested as «بيونغ يانغ (EPA»: the span ends at its
    last word, and the bracket it opened was left unclosed."""
    named = KnownClaim("named", "بيونغ يانغ (EPA)", "disputed", "sample")
    text = "وقالت وكالة بيونغ يانغ (EPA) إن الزيارة تاريخية."
    assert only(ClaimIndex([named]), text, "named")[0] == "بيونغ يانغ (EPA)"
    nested = KnownClaim("nested", "روسيا (الاتحاد (الروسي))", "disputed", "sample")
    text = "وقالت روسيا (الاتحاد (الروسي)) إن الزيارة تاريخية."
    assert only(ClaimIndex([nested]), text, "nested")[0] == "روسيا (الاتحاد (الروسي))"


def test_folded_spelling_harakat_tatweel_digits_and_quotes(index):
    text = "وجاءت القمة خلال زيارته الأُولى لبيونج يانج منذ ٢٤ عاماً، وسط قلق غربي."
    assert only(index, text, "visit") == ("زيارته الأُولى لبيونج يانج منذ ٢٤ عاماً", "folded", 0.97)
    text = "وقال إنها «أقوى مُعاهَدة علـى الاطلاق»."
    assert only(index, text, "treaty") == ("أقوى مُعاهَدة علـى الاطلاق", "folded", 0.97)
    text = "South Korea said it would “consider” supplying weapons to Ukraine."
    assert only(index, text, "weapons") == (
        "South Korea said it would “consider” supplying weapons to Ukraine", "folded", 0.97)


def test_reordered_words(index):
    text = "ووصف الجانبان الاتفاق بأنه المعاهدة الأقوى على الإطلاق، فيما رحبت موسكو."
    words, kind, score = only(index, text, "treaty")
    assert (words, kind) == ("المعاهدة الأقوى على الإطلاق", "reordered")
    assert score >= DEFAULT_MIN_SCORE
    text = "A second Aurus limousine, gifted by Putin to Kim, was paraded through the capital."
    words, kind, score = only(index, text, "limousine")
    assert (words, kind) == ("second Aurus limousine, gifted by Putin to Kim", "reordered")


def test_abbreviated_claim_and_longer_sentence_holding_it(index):
    text = "قال لافروف إن ما وقعه الرئيسان هو أقوى معاهدة، مؤكدا أنها لا تستهدف أحدا."
    assert only(index, text, "treaty")[:2] == ("أقوى معاهدة", "abbreviated")
    text = "وتعهد كيم بتقديم الدعم الكامل للحرب الروسية في أوكرانيا، معتبرا أن موسكو محقة."
    words, kind, score = only(index, text, "pledge")
    assert (words, kind) == ("وتعهد كيم بتقديم الدعم الكامل للحرب الروسية في أوكرانيا",
                             "abbreviated")
    assert score >= DEFAULT_MIN_SCORE
    text = "Officials said Shoigu visited Pyongyang in July 2023."
    shoigu = ClaimIndex([KnownClaim("shoigu", "Sergei Shoigu visited Pyongyang in July 2023")])
    [hit] = shoigu.find(text)
    assert (text[hit.start:hit.end], hit.kind) == ("Shoigu visited Pyongyang in July 2023",
                                                   "abbreviated")


@pytest.mark.parametrize("name", ["كيم جونغ أون", "شي جين بينغ"])
def test_a_name_of_several_words_with_its_conjunction_is_the_name(name):
    """«وشي جين بينغ» is Xi Jinping as «وكيم جونغ أون» is Kim: a first word of two
    letters with its «و» was left a word of its own, and the claim reworded was not
    offered for Xi (rv168)."""
    index = ClaimIndex([KnownClaim("c", f"وقع بوتين و{name} اتفاقا للتعاون العسكري", "", "x")])
    text = f"وقالت الوكالة إن {name} وبوتين وقعا اتفاقا للتعاون العسكري."
    assert [(text[s.start:s.end], s.kind) for s in index.find(text)] == [
        (f"{name} وبوتين وقعا اتفاقا للتعاون العسكري", "reordered")]


def test_paraphrase_with_synonyms_and_capitals(index):
    text = "لم يكن وصف الاتفاق بأنه «أقوى اتفاق على الإطلاق» مجرد مبالغة."
    assert only(index, text, "treaty")[:2] == ("أقوى اتفاق على الإطلاق", "paraphrase")
    text = "مشيرا إلى أن الصين أكبر شريك تجاري لبيونغ يانغ وأن روسيا تطمح إلى منافستها."
    assert only(index, text, "partner")[:2] == ("الصين أكبر شريك تجاري لبيونغ يانغ", "paraphrase")
    text = "Officials in Seoul said Pyongyang has shipped more than 10,000 containers of " \
           "munitions to Moscow, fuelling the war."
    assert only(index, text, "munitions")[:2] == (
        "Pyongyang has shipped more than 10,000 containers of munitions to Moscow", "paraphrase")


# --- sentences that share words but state something else --------------------------------

HARD_NEGATIVES = [
    ("treaty", "ويمكن أن يمثل الاتفاق أقوى علاقة بين موسكو وبيونغ يانغ منذ نهاية الحرب الباردة."),
    ("treaty", "ووصف الرئيس التحالف الثلاثي بأنه أقوى تحالف عسكري على الإطلاق في شرق آسيا."),
    ("treaty", "وقال نائب معارض إن ما جرى في بيونغ يانغ أضعف معاهدة على الإطلاق."),
    ("treaty", "أعلنت اليابان أنها وقعت مع أستراليا أقوى اتفاقية دفاعية في تاريخها."),
    ("veto", "استخدمت الولايات المتحدة حق النقض (الفيتو) في مجلس الأمن ضد مشروع قرار يوصي بمنح "
             "فلسطين العضوية الكاملة في الأمم المتحدة."),
    ("veto", "وفي مارس/آذار، استخدمت روسيا والصين حق النقض ضد مشروع قرار أمريكي في مجلس الأمن "
             "بشأن غزة."),
    ("cold-war", "ترى سيول أن العلاقات بين روسيا وكوريا الشمالية في أفضل حالاتها منذ الحرب "
                 "الباردة."),
    ("visit", "وصل رئيس الوزراء إلى سيول في زيارته الأولى لكوريا الجنوبية منذ 12 عاما."),
    ("partner", "وتعد طوكيو أكبر شريك تجاري لكوريا الجنوبية بعد بكين والولايات المتحدة."),
    ("talks", "وأجرى الزعيمان محادثات فردية لمدة ساعة واحدة تناولت التجارة."),
    ("pledge", "وتعهد رئيس الوزراء بتقديم الدعم الكامل لكوريا الجنوبية في مواجهة أي هجوم."),
    ("friend", "ورد بوتين بأن كيم هو أعز صديق للشعب الروسي في آسيا."),
    ("munitions", "Meanwhile, South Korea has sent more than 10,000 shipping containers of "
                  "humanitarian aid to Ukraine."),
    ("munitions", "North Korea has sent more than 1,000 containers of artillery shells to Russia."),
    ("weapons", "North Korea said it would consider supplying weapons to Russia if asked."),
    ("limousine", "Kim gifted Putin a pair of Pungsan hunting dogs in 2000."),
]


@pytest.mark.parametrize(("claim_id", "text"), HARD_NEGATIVES)
def test_hard_negative_scores_below_the_threshold(index, claim_id, text):
    low = [s for s in index.find(text, min_score=0.0) if s.claim_id == claim_id]
    assert all(s.score < DEFAULT_MIN_SCORE for s in low), [(text[s.start:s.end], s) for s in low]
    assert not [s for s in index.find(text) if s.claim_id == claim_id]


def test_another_figure_or_currency_is_another_claim():
    """«ملياري دولار» is two billion and «مليار يورو» another currency: each was offered
    as the checked «مليار دولار» (0.96 and 0.64), with its verdict."""
    funds = KnownClaim("funds", "الحكومة ستخصص مليار دولار لدعم المزارعين", "verified", "desk")
    index = ClaimIndex([funds])
    said = "وقال الوزير إن الحكومة ستخصص {} لدعم المزارعين هذا العام."
    assert [s.claim_id for s in index.find(said.format("مليار دولار"))] == ["funds"]
    assert [s.claim_id for s in index.find(said.format("مليار دولارٍ"))] == ["funds"]
    for other in ("ملياري دولار", "مليارين من الدولارات", "مليار يورو", "مليون دولار"):
        assert index.find(said.format(other)) == [], other


@pytest.mark.parametrize(("claim", "said"), [
    ("The deal is worth $5 billion to North Korea", "The deal is worth €5 billion to North Korea."),
    ("The deal is worth $5 billion to North Korea", "The deal is worth £5 billion to North Korea."),
    ("The deal is worth $5 billion to North Korea",
     "The deal is worth 5 billion euros to North Korea."),
    ("تبلغ قيمة الصفقة 5 مليارات دولار لكوريا الشمالية",
     "تبلغ قيمة الصفقة 5 مليارات € لكوريا الشمالية"),
    ("تبلغ قيمة الصفقة 5 مليارات $ لكوريا الشمالية",
     "تبلغ قيمة الصفقة 5 مليارات € لكوريا الشمالية"),
    ("تبلغ قيمة الصفقة 5 مليارات ¥ لكوريا الشمالية",
     "تبلغ قيمة الصفقة 5 مليارات ريال لكوريا الشمالية"),
])
def test_a_currency_sign_is_its_currency(claim, said):
    """Signs fell out of the words: «€5 billion» was offered for the Disputed «$5 billion»
    at 0.97, «5 مليارات €» for «5 مليارات دولار» at 0.87 (rv221). The same currency, sign
    for word, is still offered."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND])
    assert index.find(said) == [], said
    same = said.replace("€", "$").replace("£", "$").replace("euros", "dollars") \
        .replace("ريال", "¥")
    assert [s.claim_id for s in index.find(same)] == ["c"], same


TROOPS = "نشرت روسيا 50 ألف جندي على الحدود مع أوكرانيا"
DEPLOYED = "Russia deployed 50,000 troops to the Ukrainian border"


@pytest.mark.parametrize(("claim", "said", "same"), [
    (TROOPS, "وقال المسؤول إن روسيا نشرت 50,000 جندي على الحدود مع أوكرانيا.", True),
    (TROOPS, "وقال المسؤول إن روسيا نشرت خمسين ألف جندي على الحدود مع أوكرانيا.", True),
    ("نشرت روسيا 50,000 جندي على الحدود مع أوكرانيا",
     "وقال المسؤول إن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا.", True),
    (DEPLOYED, "Officials said Russia deployed 50 thousand troops to the Ukrainian border.", True),
    ("The deal is worth $5bn to North Korea", "The deal is worth $5 billion to North Korea.", True),
    ("The deal is worth $5 billion to North Korea",
     "The deal is worth five billion dollars to North Korea.", True),
    ("Unemployment fell to 5% in 2023", "Unemployment fell to five percent in 2023", True),
    ("ارتفع التضخم إلى 5% في مصر", "ارتفع التضخم إلى 5 في المئة في مصر", True),
    ("ارتفع التضخم إلى 5% في مصر", "ارتفع التضخم إلى 5 بالمئة في مصر", True),
    (TROOPS, "وقال المسؤول إن روسيا نشرت 50 جنديا على الحدود مع أوكرانيا.", False),
    (TROOPS, "وقال المسؤول إن روسيا نشرت 50 مليون جندي على الحدود مع أوكرانيا.", False),
    (DEPLOYED, "Officials said Russia deployed 50 troops to the Ukrainian border.", False),
    (DEPLOYED, "Officials said Russia deployed 50 million troops to the Ukrainian border.", False),
    ("The deal is worth $5 billion to North Korea", "The deal is worth $5 million to North Korea.",
     False),
    ("The deal is worth $5bn to North Korea", "The deal is worth $6bn to North Korea.", False),
    ("The deal is worth $5bn to North Korea", "The deal is worth $5m to North Korea.", False),
    ("Turkey hosts 3.6m Syrian refugees", "He said Turkey hosts 3.6 million Syrian refugees.",
     True),
    ("Turkey hosts 3.6 million Syrian refugees", "He said Turkey hosts 3.6m Syrian refugees.",
     True),
    ("The council spent £2.5 million on the new bridge",
     "Officials said the council spent £2.5m on the new bridge.", True),
    ("Turkey hosts 3.6m Syrian refugees", "He said Turkey hosts 3.6k Syrian refugees.", False),
    ("الحكومة خصصت 5 مليار", "قال إن الحكومة خصصت 5 مليارات دولار.", True),
    ("بلغ الدين الخارجي لمصر 165 مليار", "وقال البنك إن الدين الخارجي لمصر بلغ 165 مليارات دولار.",
     True),
    ("Egypt's external debt reached 165bn",
     "Egypt's external debt reached 165 billion dollars, the central bank said.", True),
    ("الحكومة خصصت 5 مليار", "قال إن الحكومة خصصت 5 ملايين دولار.", False),
    ("Unemployment fell to 5% in 2023", "Unemployment fell to 5.5% in 2023", False),
    ("Unemployment fell to 5% in 2023", "Unemployment fell to 50% in 2023", False),
    ("Unemployment fell to 5% in 2023", "Unemployment fell to six percent in 2023", False),
])
def test_a_figure_with_its_scale_is_its_value(claim, said, same):
    """«50 ألف» and «50,000», «50 thousand», «$5bn» and «$5 billion», «five percent» and
    «5%» state one figure, and were missed (0.13-0.30) compared word by word (rv221), as
    were «3.6m» and «3.6 million»: a decimal's glued «m» was a word, and «5 مليار» for «5
    مليارات دولار» at 0.38-0.4: the figure ending the claim was read without its scale,
    the currency after it taken for another number (rv226); another value, or scale, is
    still another claim."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


def test_another_scale_duration_or_opposite_word_is_another_claim():
    """Offered with the checked claim's verdict at 0.6–0.73: «3 آلاف» and «3 ملايين» for
    «3 مليارات» (a plural scale said nothing), «خمسة أشهر» for «خمس سنوات», and the
    opposite word: «انخفضت» for «ارتفعت», «أقل من» for «أكثر من», «العام المقبل» for
    «العام الماضي» (the outline stopping short of it). The claims themselves, and with
    a number said as Arabic counts it («15 مليار»), are still offered."""
    claims = [KnownClaim("spent", "الحكومة أنفقت 3 مليارات دولار على إعادة الإعمار", "verified",
                         "desk"),
              KnownClaim("exports", "الصادرات الزراعية تضاعفت خلال خمس سنوات", "disputed",
                         "desk"),
              KnownClaim("jobless", "نسبة البطالة ارتفعت إلى 14% في العام الماضي", "disputed",
                         "desk"),
              KnownClaim("injured", "المستشفيات استقبلت أكثر من ألف مصاب", "unchecked", "desk")]
    index = ClaimIndex(claims)
    for claim_id, said in (
            ("spent", "وأكد أن الحكومة أنفقت 3 آلاف دولار على إعادة الإعمار."),
            ("spent", "وأكد أن الحكومة أنفقت 3 ملايين دولار على إعادة الإعمار."),
            ("exports", "وذكر التقرير أن الصادرات الزراعية تضاعفت خلال خمسة أشهر فقط."),
            ("jobless", "وأظهرت الأرقام أن نسبة البطالة انخفضت إلى 14% في العام الماضي."),
            ("jobless", "ويتوقع الخبراء أن نسبة البطالة ارتفعت إلى 14% في العام المقبل."),
            ("injured", "وقال المدير إن المستشفيات استقبلت أقل من ألف مصاب.")):
        assert claim_id not in [s.claim_id for s in index.find(said)], said
        assert index.find(said) == [], said
    for claim_id, said in (
            ("spent", "وأكد أن الحكومة أنفقت 3 مليارات دولار على إعادة الإعمار."),
            ("exports", "وذكر التقرير أن الصادرات الزراعيّة تضاعفت خلال خمس سنوات."),
            ("jobless", "وأظهرت الأرقام أن نسبة البطالة ارتفعت إلى 14 % في العام الماضي."),
            ("injured", "وقال المدير إن المستشفيات استقبلت أكثر من ألف مصاب.")):
        assert [s.claim_id for s in index.find(said)] == [claim_id], said
    billions = ClaimIndex([KnownClaim("aid", "قدمت الدول المانحة 15 مليار دولار", "", "desk")])
    assert [s.claim_id for s in billions.find("وقد قدمت الدول المانحة 15 مليار دولار.")] == \
        ["aid"]
    assert billions.find("وقد قدمت الدول المانحة 15 ألف دولار.") == []


def test_a_year_with_the_gregorian_mim_glued_to_it_is_that_year():
    """Arabic news writes «2022م»: read as one word, no figure, the claim about 2023 was
    offered for it (0.72) though not for «2022», and a claim about 2019 was not offered
    for «2019م» (rv168)."""
    bread = ClaimIndex([KnownClaim("c", "ارتفعت أسعار الخبز في تونس بنسبة 20% في 2023",
                                   "disputed", "desk")])
    for year in ("2022", "2022م", "٢٠٢٢م"):
        assert bread.find(f"وقال التقرير إن أسعار الخبز في تونس ارتفعت بنسبة 20% في {year}.") \
            == [], year
    vote = ClaimIndex([KnownClaim("c", "أجريت الانتخابات الرئاسية في تونس عام 2019", "", "desk")])
    for year in ("2019", "2019م"):
        said = f"وقالت الهيئة إن الانتخابات الرئاسية أجريت في تونس عام {year}."
        assert [s.claim_id for s in vote.find(said)] == ["c"], year
    assert vote.find("وقالت الهيئة إن الانتخابات الرئاسية أجريت في تونس عام 2024م.") == []



def test_a_figure_keeps_the_unit_glued_to_it_and_its_words_whole():
    """A year's era is read off it, and nothing else glued to a figure: cut after its
    digits, «$5m» was offered at 0.96 for «$5k» and «$5» (the one-letter unit keys as
    nothing), and a claim about 2019 was offered on «2019م» up to its «م», which an
    Accept then tagged as a place ending inside a word (rv173)."""
    spent = ClaimIndex([KnownClaim("m", "The ministry spent $5m on the campaign", "", "desk"),
                        KnownClaim("a", "صرفت الوزارة 5م دولار على الحملة", "", "desk")])
    for said in ("Critics say the ministry spent $5k on the campaign.",
                 "Critics say the ministry spent $5 on the campaign.",
                 "صرفت الوزارة 5ك دولار على الحملة"):
        assert all(found.score < 0.9 for found in spent.find(said)), said
    vote = ClaimIndex([KnownClaim("c", "انخفضت البطالة في عام 2019", "", "desk")])
    said = "وقد انخفضت البطالة في عام 2019م وفق التقرير."
    [found] = vote.find(said)
    assert said[found.start:found.end] == "انخفضت البطالة في عام 2019م"

@pytest.mark.parametrize(("claim", "said"), [
    # a year named is a date, not a duration counted: «سنة 2020» is «عام 2020» (0.40)
    ("أجريت الانتخابات البرلمانية سنة 2020 في موعدها",
     "أجريت الانتخابات البرلمانية عام 2020 في موعدها بمشاركة 30% من الناخبين."),
    ("قضت المحكمة بسجن المعارض 30 عاما", "وقضت المحكمة أمس بسجن المعارض 30 سنة."),
    # backing down is no fall: «تراجعت … عن قرارها» beside «زيادة» (0.32)
    ("تراجعت الحكومة عن قرارها رفع أسعار الوقود",
     "وقد تراجعت الحكومة عن قرارها زيادة أسعار الوقود بعد الاحتجاجات."),
    ("تراجعت الحكومة المصرية عن قرارها",
     "قالت المصادر إن الحكومة المصرية تراجعت عن قرارها زيادة الضرائب على السجائر."),
    ("بلغت الخسائر ملايين الدولارات في الهجوم", "وقد بلغت الخسائر ملايين الدولارات في الهجوم."),
])
def test_dates_and_backing_down_are_no_units_nor_opposites(claim, said):
    """What the units and the opposite words must not take: a reviewer's true
    reappearances each lost to them."""
    index = ClaimIndex([KnownClaim("c", claim, "verified", "desk")])
    assert [s.claim_id for s in index.find(said)] == ["c"], said


@pytest.mark.parametrize(("claim", "said"), [
    # a fall compared with last year is still a fall (the «عن» after the figure)
    ("ارتفعت الصادرات 5% عن العام الماضي", "وقال التقرير إن تراجعت الصادرات 5% عن العام الماضي."),
    # an order of magnitude alone: thousands are not millions, with the article or «ب» too,
    # and tens of thousands not hundreds of thousands
    ("بلغت الخسائر آلاف الدولارات في الهجوم", "وقد بلغت الخسائر ملايين الدولارات في الهجوم."),
    ("نزح آلاف من السكان بسبب القتال", "وقال المسؤول إنه نزح الملايين من السكان بسبب القتال."),
    ("قدرت الخسائر بآلاف الدولارات", "وقد قدرت الخسائر بملايين الدولارات أمس."),
    ("شارك عشرات الآلاف في المسيرة", "وشارك مئات الآلاف في المسيرة."),
])
def test_a_fall_against_last_year_and_another_magnitude_are_other_claims(claim, said):
    """Each offered with the other's verdict by the first version of the rules for
    backing down (any «عن» near «تراجع») and for a plural scale (only after a figure)."""
    assert ClaimIndex([KnownClaim("c", claim, "verified", "desk")]).find(said) == []


def test_a_line_break_ends_a_sentence_as_headlines_and_lists_have_it():
    """A single line break ends a sentence: the sample, and pages a browser saved, end
    their headlines and list items with one alone. Read on into the next line, a list's
    «3 مليارات» was offered for the item before it (0.95), and a suggestion started in
    the headline. (The cost: a sentence wrapped by hand is offered from its second
    line only.)"""
    index = ClaimIndex([KnownClaim("bread", "الحكومة أنفقت 3 مليارات دولار على دعم الخبز",
                                   "verified", "desk")])
    assert index.find("الأرقام:\n- الحكومة أنفقت على دعم الخبز\n- 3 مليارات دولار للتعليم\n") \
        == []
    # (a paragraph or line separator as a line break: rv95)
    assert index.find("الأرقام:\u2029- الحكومة أنفقت على دعم الخبز\u2028- 3 مليارات دولار "
                      "للتعليم\u2029") == []


def test_a_figure_with_its_digits_swapped_is_another_claim():
    """«5.3%» was offered as the checked «3.5%» at 95% (and «2.1 مليون» as «1.2 مليون»):
    a figure was cut at its decimal point into two numbers, the same two. A figure is one
    word now, spelled one way: a decimal comma or an Arabic separator is the same figure,
    thousands separators are dropped, points as commas (a review found «24.000», as much of
    the world writes it, no longer met «24,000»)."""
    growth = KnownClaim("growth", "النمو الاقتصادي بلغ 3.5% في الربع الأول", "verified", "desk")
    refugees = KnownClaim("refugees", "عدد اللاجئين بلغ 1.2 مليون لاجئ", "disputed", "desk")
    shells = KnownClaim("shells", "أرسلت كوريا 24,000 قذيفة إلى روسيا", "verified", "desk")
    index = ClaimIndex([growth, refugees, shells])
    said = "وقالت الوزارة إن {} بحسب التقرير."
    for text, claim_id in (("النمو الاقتصادي بلغ 3.5% في الربع الأول", "growth"),
                           ("النمو الاقتصادي بلغ ٣٫٥٪ في الربع الأول", "growth"),
                           ("النمو الاقتصادي بلغ 3,5% في الربع الأول", "growth"),
                           ("عدد اللاجئين بلغ 1.2 مليون لاجئ", "refugees"),
                           ("أرسلت كوريا 24000 قذيفة إلى روسيا", "shells"),
                           ("أرسلت كوريا ٢٤٬٠٠٠ قذيفة إلى روسيا", "shells"),
                           ("أرسلت كوريا 24.000 قذيفة إلى روسيا", "shells")):
        assert [s.claim_id for s in index.find(said.format(text))] == [claim_id], text
    for other in ("النمو الاقتصادي بلغ 5.3% في الربع الأول",
                  "النمو الاقتصادي بلغ 35% في الربع الأول",
                  "عدد اللاجئين بلغ 2.1 مليون لاجئ", "عدد اللاجئين بلغ 12 مليون لاجئ",
                  "أرسلت كوريا 24 قذيفة إلى روسيا"):
        assert index.find(said.format(other)) == [], other


def test_a_figure_with_its_sign_flipped_is_another_claim():
    """«the economy grew -2% in 2023» was offered for «grew 2%» at 0.97: the minus was no
    part of the figure. It is, where no word or figure stands right before it (the dash of
    «3-5» is no sign)."""
    shrank = KnownClaim("shrank", "the economy grew -2% in 2023", "disputed", "desk")
    index = ClaimIndex([shrank])
    [hit] = index.find("Officials said the economy grew -2% in 2023, as feared.")
    text = "Officials said the economy grew -2% in 2023, as feared."
    assert text[hit.start:hit.end] == "the economy grew -2% in 2023"
    assert index.find("Officials said the economy grew 2% in 2023, as hoped.") == []


def test_a_figure_is_suggested_with_its_percent_sign():
    """The suggestion stopped at «20» of «20%»: accepted, the quote lost its sign."""
    exports = KnownClaim("exports", "الصادرات الزراعية ارتفعت بنسبة 20%", "disputed", "desk")
    index = ClaimIndex([exports])
    for sign in ("%", "٪"):
        text = f"وقالت الوزارة إن الصادرات الزراعية ارتفعت بنسبة 20{sign} خلال الربع الأول."
        [hit] = index.find(text)
        assert text[hit.start:hit.end] == f"الصادرات الزراعية ارتفعت بنسبة 20{sign}"


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("ارتفع التضخم إلى 5% في مارس", "ارتفع التضخم إلى 5 نقاط في مارس", False),
    ("ارتفع التضخم إلى 5% في مارس", "ارتفع التضخم إلى 5 درجات في مارس", False),
    ("Inflation rose to 5% in March", "Inflation rose to 5 points in March", False),
    ("Inflation rose to 5% in March", "Inflation rose to 5°C in March", False),
    ("ارتفع التضخم إلى 5 نقاط في أبريل", "ارتفع التضخم بشدة إلى 5% في أبريل", False),
    ("ارتفع التضخم إلى 5% في مارس", "ارتفع التضخم بشدة إلى 5% في مارس", True),
    ("ارتفع التضخم إلى 5% في مارس", "ارتفع التضخم بشدة إلى 5 في المئة في مارس", True),
    ("Inflation rose to 5% in March", "Inflation sharply rose to 5 percent in March", True),
    ("ارتفع التضخم إلى 5 نقاط في أبريل", "ارتفع التضخم بشدة إلى 5 نقاط في أبريل", True),
])
def test_a_percentage_and_a_figure_of_something_else_are_other_claims(claim, said, same):
    """«5%» and «5 نقاط» («5 points», "5°C") share the figure's digits, not its value: the
    claim was offered at 0.8-0.96 where its words were not in a row, and only its words in
    a row were told apart by the percent sign (rv225, rv237); a percent sign or words said
    with other words between still state it."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("ارتفعت نسبة البطالة في مصر إلى 5% في مارس الماضي",
     "ارتفعت نسبة البطالة في مصر إلى %5 في مارس الماضي.", True),
    ("ارتفعت نسبة البطالة في مصر إلى 5% في مارس الماضي",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت إلى %5 في شهر مارس الماضي.", True),
    ("%5 نسبة البطالة في مصر في مارس الماضي",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت إلى 5% في شهر مارس الماضي.", True),
    ("%5 نسبة البطالة في مصر في مارس الماضي",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت إلى 5 نقاط في شهر مارس الماضي.", False),
    ("ارتفعت نسبة البطالة في مصر إلى 5 نقاط في مارس الماضي",
     "وقال التقرير إن نسبة البطالة في مصر ارتفعت إلى %5 في شهر مارس الماضي.", False),
])
def test_a_percent_sign_typed_before_its_figure_makes_it_a_percentage(claim, said, same):
    """«%5», as some Arabic pages store «5%», was no percentage: refused word for word
    (rv225's row rule), and reworded at 0.33 where «5%» is 0.83 (rv249)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("the IMF expects inflation in Egypt to reach between 25 and 30 percent next year",
     "Analysts said the IMF expects inflation in Egypt to reach between 25% and 30% next year.",
     True),
    ("the IMF expects inflation in Egypt to reach between 25% and 30% next year",
     "Analysts said the IMF expects inflation in Egypt to reach between 25 and 30 percent next "
     "year.", True),
    ("the IMF expects inflation in Egypt to reach between 25% and 30% next year",
     "Analysts said the IMF expects inflation in Egypt to reach between 25-30% next year.", True),
    ("يتوقع صندوق النقد أن يتراوح التضخم في مصر بين 25% و30% العام المقبل",
     "وقال محللون إن صندوق النقد يتوقع أن يتراوح التضخم في مصر بين 25 و 30 في المئة العام "
     "المقبل.", True),
    ("يتوقع صندوق النقد أن يتراوح التضخم في مصر بين 25% و30% العام المقبل",
     "وقال محللون إن صندوق النقد يتوقع أن يتراوح التضخم في مصر بين 25 و30% العام المقبل.", True),
    ("يتوقع صندوق النقد أن يتراوح التضخم في مصر بين 25% و30% العام المقبل",
     "وقال محللون إن صندوق النقد يتوقع أن يتراوح التضخم في مصر بين 25 و30 نقطة العام المقبل.",
     False),
    ("Inflation in Egypt rose in 2023 to 30 percent, the IMF said",
     "The IMF said inflation in Egypt rose to 30 percent in 2023.", True),
])
def test_a_percentage_range_said_with_one_percent_word_is_the_same_range(claim, said, same):
    """«between 25 and 30 percent» says two percentages, as «between 25% and 30%» does:
    read as a 25 that is none, it was offered at 0.4 (0.96 before rv237's rule) and the
    Arabic not at all (rv249). A year is no range's first figure ("in 2023 to 30 percent")."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


FUEL = KnownClaim("fuel", "ارتفعت أسعار الوقود في لبنان 150 بالمئة منذ بداية العام")


@pytest.mark.parametrize(("said", "same"), [
    ("وارتفعت أسعار الوقود في لبنان بـ150 بالمئة منذ بداية العام الحالي.", True),
    ("وارتفعت أسعار الوقود في لبنان ب150 في المئة منذ بداية العام الحالي.", True),
    ("وارتفعت أسعار الوقود في لبنان وبـ150 بالمائة منذ بداية العام الحالي.", True),
    ("وارتفعت أسعار الوقود في لبنان بـ150% منذ بداية العام الحالي.", True),
    ("وارتفعت أسعار الوقود في لبنان بـ150 نقطة منذ بداية العام الحالي.", False),
])
def test_a_figure_with_a_proclitic_glued_to_it_is_said_with_its_percent_words(said, same):
    """«بـ150 بالمئة» was no figure ended by percent words, while «بـ150%» was a
    percentage: the claim's «150 بالمئة» fell from 0.84 to 0.34 (rv249)."""
    index = ClaimIndex([FUEL, FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["fuel"] if same else []), said


@pytest.mark.parametrize(("claim", "same"), [
    ("ارتفعت الأسعار بـ150 دولارا في لبنان منذ بداية العام", False),
    ("ارتفعت الأسعار ب150 دولارا في لبنان منذ بداية العام", False),
    ("ارتفعت الأسعار بـ150 في لبنان منذ بداية العام", False),
    ("ارتفعت الأسعار بـ150 بالمئة في لبنان منذ بداية العام", True),
    ("ارتفعت الأسعار بـ150% في لبنان منذ بداية العام", True),
])
def test_a_claims_figure_with_a_proclitic_glued_to_it_is_no_percentage_without_one(claim, same):
    """The claim's «بـ150» is keyed with its proclitic, and only digits were asked whether
    they are a percentage in one and not the other: «بـ150 دولارا» was offered at 0.84 for
    «150%», «بـ150» at 0.96, while «150 دولارا» was refused (rv250)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    said = "ارتفعت الأسعار 150% في لبنان منذ بداية العام."
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), claim


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("Inflation in Egypt rose to 5% last year", "Inflation in Egypt rose to .5% last year.",
     False),
    ("Inflation in Egypt rose to 5 percent last year",
     "Inflation in Egypt rose to .5 percent last year.", False),
    ("Inflation in Egypt rose to 0.5% last year", "Inflation in Egypt rose to .5% last year.",
     True),
    ("ارتفع التضخم في مصر إلى 0.5% العام الماضي", "ارتفع التضخم في مصر إلى .5% العام الماضي.",
     True),
    ("Egypt's debt rose to $0.5bn last year", "Egypt's debt rose to $.5 billion last year.",
     True),
])
def test_a_decimal_written_without_its_zero_is_that_decimal(claim, said, same):
    """«.5%» is 0.5%: its point was no figure's, and it was offered at 0.97 as 5% (rv258)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("نما اقتصاد مصر العام الماضي بنسبة %5-", "نما اقتصاد مصر العام الماضي بنسبة 5% وفق التقرير.",
     False),
    ("نما اقتصاد مصر العام الماضي بنسبة ٥٪-", "نما اقتصاد مصر العام الماضي بنسبة 5% وفق التقرير.",
     False),
    ("نما اقتصاد مصر العام الماضي بنسبة %5-", "نما اقتصاد مصر العام الماضي بنسبة -5% وفق التقرير.",
     True),
    ("-5% was the growth of Egypt's economy last year",
     "5% was the growth of Egypt's economy last year.", False),
    (".5% was the growth of Egypt's economy last year",
     "5% was the growth of Egypt's economy last year.", False),
    ("-5% was the growth of Egypt's economy last year",
     "So -5% was the growth of Egypt's economy last year.", True),
])
def test_a_claim_starting_or_ending_on_a_figure_keeps_its_sign_and_point(claim, said, same):
    """Trimmed of its punctuation, a claim starting on «-5%» or «.5%», or ending on «%5-»,
    lost its minus or point, and was offered at 0.97-1.0 for 5% (rv258)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


SPEND = "The government will spend between $5 and $7 billion on new hospitals this year"
TUNFIQ = "ستنفق الحكومة بين 5 و7 مليارات دولار على المستشفيات الجديدة هذا العام"


@pytest.mark.parametrize(("claim", "said", "same"), [
    (SPEND, "The government will spend $7 billion on new hospitals this year.", False),
    (SPEND, "The government will spend $5 billion on new hospitals this year.", False),
    (TUNFIQ, "ستنفق الحكومة 7 مليارات دولار على المستشفيات الجديدة هذا العام.", False),
    (SPEND, "The government will spend between $5 billion and $7 billion on new hospitals "
            "this year.", True),
    (TUNFIQ, "ستنفق الحكومة بين 5 مليارات و7 مليارات دولار على المستشفيات الجديدة هذا العام.",
     True),
    (TUNFIQ, "ستنفق الحكومة من 5 إلى 7 مليارات دولار على المستشفيات الجديدة هذا العام.", True),
    ("Egypt's exports rose 3% to $7 billion last year",
     "Egypt's exports rose 3 percent to $7 billion last year.", True),
])
def test_a_range_is_not_one_of_its_ends_and_its_first_figure_takes_its_scale(claim, said,
                                                                             same):
    """«between $5 and $7 billion» is five to seven billion: its 5 was read as 5, and the
    claim offered at 0.75 for «$7 billion» alone, one end of it missing as if a word were
    (rv258). A percentage before «to» starts no range."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


WAGE = "The minimum wage will rise from $7.25 to $15 an hour"
AJR = "سيرتفع الحد الأدنى للأجور في مصر من 3000 إلى 6000 جنيه"


@pytest.mark.parametrize(("claim", "said", "same"), [
    (WAGE, "The minimum wage will rise to $15 an hour.", True),
    (AJR, "سيرتفع الحد الأدنى للأجور في مصر إلى 6000 جنيه.", True),
    (WAGE, "The minimum wage will rise to $7.25 an hour.", False),
    (AJR, "سيرتفع الحد الأدنى للأجور في مصر إلى 3000 جنيه.", False),
    (WAGE, "The minimum wage will rise to $16 an hour.", False),
])
def test_a_changes_new_level_said_alone_is_the_claim(claim, said, same):
    """«from $7.25 to $15» is a change, not a span: «rise to $15» is what it says it rises
    to, and was offered at 0.31, as if one end of a range (rv265). Its old level alone is
    another claim."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


GREW = "Egypt's economy grew by 5% last year"
NAMA = "نما اقتصاد مصر بنسبة 5% العام الماضي"


@pytest.mark.parametrize(("claim", "said", "same"), [
    (GREW, "Egypt's economy grew by minus 5% last year.", False),
    (GREW, "Egypt's economy grew by negative 5 percent last year.", False),
    (NAMA, "نما اقتصاد مصر بنسبة سالب 5% العام الماضي.", False),
    (NAMA, "نما اقتصاد مصر بنسبة %5- العام الماضي.", False),
    (NAMA, "نما اقتصاد مصر بنسبة ٥٪- العام الماضي.", False),
    (GREW.replace("5%", "-5%"), "Egypt's economy grew by minus 5% last year.", True),
    (NAMA.replace("5%", "-5%"), "نما اقتصاد مصر بنسبة %5- العام الماضي.", True),
    (NAMA.replace("5%", "-5%"), "نما اقتصاد مصر بنسبة ٥٪- العام الماضي.", True),
    (NAMA.replace("5%", "سالب 5%"), "نما اقتصاد مصر بنسبة -5% العام الماضي.", True),
    ("Prices rose -7% in Egypt last year", "Prices rose 5%-7% in Egypt last year.", False),
    ("Prices rose 5%-7% in Egypt last year", "Prices in Egypt rose 5% to 7% last year.", True),
])
def test_a_figure_said_below_zero_in_words_or_with_its_minus_after_it_is_negative(claim, said,
                                                                                  same):
    """«minus 5%», «سالب 5%» and «%5-» (a minus after, as RTL pages store «-5%») say -5%:
    read as 5%, they were offered at 0.86-0.97 for it; the dash of «5%-7%» is a range's,
    no minus (rv258)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("Egypt's inflation hit 5% while unemployment hit 7% last year",
     "Egypt's inflation hit 7% while unemployment hit 5% last year.", False),
    ("Egypt's debt rose to $5 billion from $7 billion last year",
     "Egypt's debt rose to $7 billion from $5 billion last year.", False),
    ("ارتفع التضخم في مصر من 5% إلى 7% العام الماضي",
     "ارتفع التضخم في مصر من 7% إلى 5% العام الماضي.", False),
    ("ارتفع التضخم في مصر من 5% إلى 7% العام الماضي",
     "وقال التقرير إن التضخم في مصر ارتفع من 5% إلى 7% العام الماضي.", True),
])
def test_a_claims_figures_in_another_order_are_another_claim(claim, said, same):
    """The claim's figures swapped between its subjects or its range's ends state another
    claim: compared as sets, they were offered at 0.95 (rv258)."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("Israel killed 21 people in Rafah on 26 May", "On 26 May Israel killed 21 people in Rafah.",
     True),
    ("في 7 أكتوبر قتل 1200 شخص", "قتل 1200 شخص في 7 أكتوبر.", True),
    ("At least 45 people were killed and 120 injured in the attack",
     "At least 120 people were injured and 45 killed in the attack.", True),
    ("قتل 45 شخصا وأصيب 120 آخرون في الهجوم", "أصيب 120 شخصا وقتل 45 آخرون في الهجوم.", True),
    ("Wages rose 4% while prices rose 6%", "Prices rose 6% while wages rose 4%.", True),
    ("Oil prices fell 4% to $78 a barrel", "Oil prices fell to $78 a barrel, down 4%.", True),
    ("ارتفعت أسعار النفط 4% إلى 78 دولارا للبرميل",
     "ارتفعت أسعار النفط إلى 78 دولارا للبرميل بنسبة 4%.", True),
    ("The unemployment rate fell from 8% to 6%", "The unemployment rate fell to 6% from 8%.", True),
    ("The ruling party won 52% of the vote and 180 of the 300 seats",
     "The ruling party won 180 of the 300 seats with 52% of the vote.", True),
    ("Israel killed 21 people in Rafah on 26 May", "Israel killed 26 people in Rafah on 21 May.",
     False),
    ("Wages rose 4% while prices rose 6%", "Wages rose 6% while prices rose 4%.", False),
    ("At least 45 people were killed and 120 injured in the attack",
     "At least 120 people were killed and 45 injured in the attack.", False),
    ("قتل 45 شخصا وأصيب 120 آخرون في الهجوم", "قتل 120 شخصا وأصيب 45 آخرون في الهجوم.", False),
    ("The unemployment rate fell from 8% to 6%", "The unemployment rate fell from 6% to 8%.",
     False),
    ("Exports rose 5%, imports rose 7% and debt rose 9%",
     "Exports rose 7%, imports rose 5% and debt rose 9%.", False),
])
def test_a_claims_figures_moved_with_their_words_are_the_claim(claim, said, same):
    """Compared by their order alone, figures moved along with the words they go with (a
    date, subjects in another order, «down 4%» after the price) were refused at 0.33-0.38
    as if swapped (rv265); a figure by another's words, away from its own, is still another
    claim, and so is a day said for a count."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said", "same"), [
    ("21 people were killed on 26 May", "On 26 May, 21 people were killed.", True),
    ("12 people were killed on 7 October", "On 7 October, 12 people were killed.", True),
    ("قتلت إسرائيل 21 فلسطينيا في رفح في 26 مايو", "قتلت إسرائيل في 26 مايو 21 فلسطينيا في رفح.",
     True),
    ("في 26 مايو قتلت إسرائيل 21 شخصا في رفح", "في 26 من مايو قتلت إسرائيل 21 شخصا في رفح.", True),
    ("قتلت إسرائيل 21 فلسطينيا في رفح في 26 مايو",
     "قتلت إسرائيل 21 فلسطينيا في رفح في 26 من شهر مايو.", True),
    ("Israel killed 21 people in Rafah on May 26", "On May 26 Israel killed 21 people in Rafah.",
     True),
    ("21 people were killed on 26 May", "On 21 May, 26 people were killed.", False),
    ("قتلت إسرائيل 21 فلسطينيا في رفح في 26 مايو", "قتلت إسرائيل في 21 مايو 26 فلسطينيا في رفح.",
     False),
])
def test_a_months_day_is_the_figure_with_the_month_after_it(claim, said, same):
    """A count right after a day's month («26 May 21 people») was read as a second day, and
    a day with «من» or «من شهر» before its month as a count: the claim said so was refused
    at 0.35-0.40 as a day said for a count (rv272). A day said for a count is still not it."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND, TREATY])
    assert [s.claim_id for s in index.find(said)] == (["c"] if same else []), said


@pytest.mark.parametrize(("claim", "said"), [
    (TROOPS, "نفى المسؤول أن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا."),
    (TROOPS, "لا صحة للأنباء التي تقول إن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا."),
    (DEPLOYED, "Officials denied Russia deployed 50,000 troops to the Ukrainian border."),
    (DEPLOYED, "It is not true that Russia deployed 50,000 troops to the Ukrainian border."),
    ("Unemployment fell to 5% in 2023", "It is false that unemployment fell to 5% in 2023"),
])
def test_a_claim_said_after_a_denial_is_not_offered(claim, said):
    """The claim's words, denied just before them: offered at 0.95-1.0 as the claim
    (rv221). A claim that is itself a denial is found in its words, and a denial of
    something else, a comma before, takes nothing from it."""
    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"), FRIEND])
    assert [s.claim_id for s in index.find(said)] == [], said
    assert all(s.score <= 0.5 for s in index.find(said, min_score=0.0)), said
    denial = "نفى الكرملين أن روسيا نشرت قوات في بيلاروسيا"
    assert [s.claim_id for s in ClaimIndex([KnownClaim("d", denial)]).find(denial + ".")] == ["d"]
    other = "نفى الوزير الاتهامات، وقال إن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا."
    assert [s.claim_id for s in ClaimIndex([KnownClaim("c", TROOPS), FRIEND]).find(other)] == \
        ["c"]


@pytest.mark.parametrize("said", [
    "ونفى بيسكوف ذلك وقال إن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا.",
    "ونفت الوزارة هذه الأنباء وأكدت أن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا.",
    "قال إنه لا صحة للشائعات وإن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا.",
    "الكرملين لا ينفي أن روسيا نشرت 50 ألف جندي على الحدود مع أوكرانيا.",
])
def test_a_denial_of_something_else_or_a_denial_negated_takes_nothing_from_the_claim(said):
    """The claim's words, exactly, after a denial ended by a new clause (وقال، وأكدت، وإن،
    but said) or after a negated one («لا ينفي», "did not deny", which affirm): halved
    to 0.475-0.5 as if denied, and missed (rv226)."""
    index = ClaimIndex([KnownClaim("c", TROOPS, "disputed", "desk"), FRIEND])
    assert [(s.claim_id, s.score) for s in index.find(said)] == [("c", 0.95)], said  # reordered
    index = ClaimIndex([KnownClaim("c", DEPLOYED, "disputed", "desk"), FRIEND])
    for said in ("The Kremlin denied the report but said Russia deployed 50,000 troops to the "
                 "Ukrainian border.", "Peskov called the claims baseless and said Russia "
                 "deployed 50,000 troops to the Ukrainian border.", "The Kremlin did not deny "
                 "that Russia deployed 50,000 troops to the Ukrainian border."):
        assert [(s.claim_id, s.score) for s in index.find(said)] == [("c", 1.0)], said


def test_the_negated_and_the_affirmed_claim_are_told_apart(index):
    negated = "وقال إن العلاقات بين روسيا وكوريا الشمالية ليست في أفضل حالاتها كما كانت خلال " \
              "الحرب الباردة."
    assert only(index, negated, "cold-war")[1] == "exact"
    affirmed = negated.replace("ليست ", "")
    assert found(index, affirmed, "cold-war") == []


# --- offsets, the claim's own article, one suggestion per span ----------------------------

@settings(max_examples=60, deadline=None)
@given(before=st.sampled_from(["", "وقال: ", "قال إن «", "\u200f(", "ووصفها بأنها “"]),
       after=st.sampled_from(["", "».", "”. ", "، وأضاف", ")\n"]),
       marks=st.lists(st.sampled_from(["\u064e", "\u064b", "\u0651", "\u0640"]), max_size=3),
       seed=st.integers(0, 10_000))
def test_offsets_cover_exactly_the_words(before, after, marks, seed):
    """Harakat and tatweel anywhere in the words: the span starts on the first letter and
    ends after the last letter's own marks, never on a quote mark or a space."""
    rng = random.Random(seed)
    words = list(TREATY.text)
    for mark in marks:
        at = rng.randrange(1, len(words))
        if words[at - 1] != " ":
            words.insert(at, mark)
    quote = "".join(words)
    text = f"مقدمة الخبر. {before}{quote}{after} ثم خاتمة."
    [hit] = ClaimIndex([TREATY]).find(text)
    assert fold(text[hit.start:hit.end]).text == fold(quote).text.rstrip("\u0640")
    assert text[hit.start] == "أ"
    assert text[hit.end - 1] not in " «»“”\"().،"


def test_no_suggestion_on_the_claims_own_words_in_its_article():
    start = SAMPLE.index(TREATY.text)
    tagged = KnownClaim(TREATY.claim_id, TREATY.text, "disputed", "sample", start,
                        start + len(TREATY.text))
    index = ClaimIndex([tagged])
    everywhere = index.find(SAMPLE)
    assert (start, start + len(TREATY.text)) in [(s.start, s.end) for s in everywhere]
    own = index.find(SAMPLE, skip_article="sample")
    assert all(s.end <= start or s.start >= start + len(TREATY.text) for s in own)
    # The second, reworded appearance in the same article is still offered.
    assert [SAMPLE[s.start:s.end] for s in own] == ["أقوى معاهدة بينهما على الإطلاق"]
    # Scanning another article skips nothing.
    assert index.find(SAMPLE, skip_article="another") == everywhere


def test_own_words_are_found_from_the_quote_when_offsets_are_unknown():
    index = ClaimIndex([TREATY])  # tagged in "sample", offsets not given
    own = index.find(SAMPLE, skip_article="sample")
    assert [SAMPLE[s.start:s.end] for s in own] == ["أقوى معاهدة بينهما على الإطلاق"]


def test_one_suggestion_per_claim_and_span_whatever_its_wordings():
    wordings = [TREATY, KnownClaim("treaty", "المعاهدة الأقوى على الإطلاق"),
                KnownClaim("treaty", "أقوى معاهدة على الاطلاق")]
    text = "ووصف الزعيمان الوثيقة بأنها «أقوى معاهدة على الإطلاق» بين البلدين."
    assert [(s.claim_id, s.kind, s.score) for s in ClaimIndex(wordings).find(text)] == [
        ("treaty", "exact", 1.0)]


def test_suggestions_are_deterministic_and_best_first():
    claims = list(ALL)
    first = ClaimIndex(claims).find(SAMPLE)
    again = ClaimIndex(claims).find(SAMPLE)
    reversed_order = ClaimIndex(reversed(claims)).find(SAMPLE)
    assert first == again == reversed_order
    assert [s.score for s in first] == sorted((s.score for s in first), reverse=True)
    assert all(isinstance(s, Suggestion) and 0 <= s.score <= 1 for s in first)


def test_suggestions_do_not_depend_on_the_hash_seed():
    """A session suggests what the last one did for the same claims and text: the weights
    of a claim's words were added up in its set's order, which Python's hash seed decides,
    and the cold-war claim's words all there but not negated scored 0.5 (offered at a bar
    of 0.5) in some sessions and 0.49999999999999994 (not offered) in others."""
    text = "وقال المحلل إن العلاقات بين روسيا وكوريا الشمالية في أفضل حالاتها منذ الحرب الباردة."
    code = ("import json, sys\n"
            "from store.text.matching import ClaimIndex, KnownClaim\n"
            "claims = [KnownClaim(*c) for c in json.loads(sys.argv[1])]\n"
            "print(json.dumps([[s.start, s.end, s.claim_id, s.score, s.kind] for s in "
            "ClaimIndex(claims).find(sys.argv[2], min_score=0.5)]))\n")
    claims = json.dumps([[c.claim_id, c.text, c.label, c.article_id] for c in ALL])
    found = set()
    for seed in range(10):
        result = subprocess.run([sys.executable, "-c", code, claims, text], capture_output=True,
                                text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                                env={**os.environ, "PYTHONHASHSEED": str(seed)})
        assert result.returncode == 0, result.stderr
        found.add(result.stdout)
    start = text.index("العلاقات")
    assert [json.loads(one) for one in found] == [
        [[start, len(text) - 1, "cold-war", 0.5, "paraphrase"]]]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?؟\n\u2028\u2029;؛ \t\"'«»“”‘’)(،,a5ب_", max_size=40))
def test_sentence_marks_are_those_of_the_plain_pattern(text):
    """The pattern of sentence marks is written for speed (a class of characters first,
    its conditions after); it must find what the plain one finds, and so cut the same
    sentences and words."""
    plain = re.compile(r"[.!?؟](?=[\s\"'«»“”‘’)]|$)|[\n\u2028\u2029;؛]")
    assert [m.span() for m in _MARK.finditer(text)] == [m.span() for m in plain.finditer(text)]
    tokens = re.compile(f"{_WORD.pattern}|{plain.pattern}")
    assert _TOKEN.findall(text) == tokens.findall(text)


def test_empty_inputs():
    assert ClaimIndex([]).find(SAMPLE) == []
    assert ClaimIndex([TREATY]).find("") == []
    assert len(ClaimIndex([KnownClaim("x", " «» "), TREATY])) == 1


# --- the labelled set ---------------------------------------------------------------------

def _evaluation():
    spec = importlib.util.spec_from_file_location("matching_eval",
                                                  BENCHMARKS / "matching_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_labelled_set_exact_and_folded_all_found_and_precision_high():
    evaluation = _evaluation()
    claims, articles = evaluation.load_set()
    result = evaluation.evaluate(evaluation.lexical_finder(claims), articles)
    assert result["overall"]["positives"] >= 60
    assert result["overall"]["hard_negatives"] >= 40
    assert result["kinds"]["exact"]["recall"] == 1.0
    assert result["kinds"]["folded"]["recall"] == 1.0
    assert result["overall"]["precision"] >= 0.9


def test_a_claim_tagged_in_the_same_words_in_many_places_is_looked_for_once(monkeypatch):
    """Tag All in an article that repeats a claim gives it hundreds of places in the same
    words: a scan looks for those words once (it looked for them once per place, and an
    article repeating them took seconds per place more), and answers as before."""
    text = "\n".join(["وقال إنها أقوى معاهدة على الإطلاق."] * 40)
    places = [KnownClaim("treaty", TREATY.text, "disputed", "repeats", at, at + len(TREATY.text))
              for at in (m.start() for m in re.finditer(TREATY.text, text))]
    index = ClaimIndex([TREATY, *places, PARTNER])
    looked: list[str] = []
    matches = ClaimIndex._matches

    def counted(self, a, *args):
        looked.append(a.claim.claim_id)
        return matches(self, a, *args)

    monkeypatch.setattr(ClaimIndex, "_matches", counted)
    other = "وقال محللون إن الزعيمين وقعا أقوى معاهدة على الإطلاق في زيارة نادرة."
    assert [(s.claim_id, other[s.start:s.end]) for s in index.find(other)] == [
        ("treaty", TREATY.text)]
    assert sorted(looked) == ["partner", "treaty"]
    assert index.find(text, skip_article="repeats") == []  # never offered back on its words


def test_claims_in_the_same_words_each_keep_their_own_place():
    """An index reads each wording once, however many places share it (the same claim
    tagged all over an article, or another claim in the same words): each place still
    answers for its own claim, article and offsets."""
    text = "وقال إنها أقوى معاهدة على الإطلاق. ثم قال إنها أقوى معاهدة على الإطلاق."
    first, second = (m.start() for m in re.finditer(TREATY.text, text))
    mine = [KnownClaim("mine", TREATY.text, "disputed", "here", at, at + len(TREATY.text))
            for at in (first, second)]
    theirs = KnownClaim("theirs", f" «{TREATY.text}» ", "verified", "elsewhere")
    index = ClaimIndex([*mine, theirs, PARTNER])
    hits = index.find(text)
    assert sorted((s.claim_id, s.start) for s in hits) == [
        ("mine", first), ("mine", second), ("theirs", first), ("theirs", second)]
    # Its own places are skipped in its own article, and only there.
    assert [(s.claim_id, s.start) for s in index.find(text, skip_article="here")] == [
        ("theirs", first), ("theirs", second)]
    assert len(index.find(text, skip_article="elsewhere")) == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_a_scan_runs_without_the_collector_and_leaves_it_as_it_was(enabled):
    """A scan makes a set or list per claim and tuples per sentence, none in a cycle: the
    collector's passes over them (and over the whole index) were a twentieth of it. It
    runs paused, and leaves the collector as it was, a scan stopped midway too."""
    import gc

    passes: list[str] = []
    during: list[tuple[bool, int]] = []  # at each stop(): collecting?, passes so far

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(phase)

    def asked(give_up: bool = False) -> bool:
        during.append((gc.isenabled(), len(passes)))
        return give_up

    words = SAMPLE.split()
    index = ClaimIndex(KnownClaim(f"w{at}", " ".join(words[at:at + 6]), "verified", "sample")
                       for at in range(0, 1200, 6))  # 200: stop() is asked every 64
    text = " ".join([SAMPLE] * 20)
    gc.callbacks.append(seen)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        found, whole = index.scan(text, stop=asked)
        assert found and whole and len(during) > 1
        assert {collecting for collecting, _ in during} == {False}
        assert len({count for _, count in during}) == 1  # no pass between the first and last
        assert gc.isenabled() == enabled
        with pytest.raises(MatchingStopped):
            index.scan(text, stop=lambda: asked(give_up=True))
        assert gc.isenabled() == enabled
    finally:
        gc.callbacks.remove(seen)
        gc.enable() if was else gc.disable()


def test_a_text_without_sentence_marks_is_read_once_not_once_per_claim(monkeypatch):
    """A transcript has no sentence marks: its one sentence was read whole for every claim
    it might hold, and 160,000 characters took 19 s (rv237). A claim's words are found in
    the index of the text's keys, so the words read grow with the text, not with the text
    times the claims; what is found is the same."""
    read = [0]

    class Counted(tuple):
        def __getitem__(self, i):
            got = super().__getitem__(i)
            read[0] += len(got) if isinstance(i, slice) else 1
            return got

        def __iter__(self):
            read[0] += len(self)
            return super().__iter__()

    words = [w.strip(".،؛:!?؟") for w in SAMPLE.split()]
    words = [w for w in words if w]
    index = ClaimIndex(KnownClaim(f"w{at}", " ".join(words[at:at + 6]), "verified", "sample")
                       for at in range(0, 1200, 6))
    text = " ".join(words[:1200])
    plain = index.find(text)
    read_text = ClaimIndex._read

    def counted(self, text):
        doc = read_text(self, text)
        doc.keys = Counted(doc.keys)
        return doc

    monkeypatch.setattr(ClaimIndex, "_read", counted)
    assert index.find(text) == plain and len(plain) > 100
    assert read[0] < 3 * 1200  # (it was 200 claims times the 1,200 words)


def test_a_claim_said_thousands_of_times_in_one_sentence_costs_its_hits(monkeypatch):
    """A transcript repeating one claim: its best window was sought over a copy of the rest
    of the sentence's hits for each hit, their square (8 s for 6,000 times - rv237); now
    a hit reads at most the claim's length of those after it."""
    import store.text.matching as matching

    read = [0]

    class Counted(list):
        def __getitem__(self, i):
            got = super().__getitem__(i)
            read[0] += len(got) if isinstance(i, slice) else 1
            return got

    best_window = matching._best_window
    monkeypatch.setattr(matching, "_best_window",
                        lambda a, before, hits, *args: best_window(a, before, Counted(hits),
                                                                    *args))
    text = " ".join([TREATY.text] * 2000)
    found = ClaimIndex([TREATY, PARTNER]).find(text)
    assert len(found) == 3 and {s.claim_id for s in found} == {"treaty"}
    assert read[0] < 3 * 20 * 3 * 2000  # (54 million: the rest copied for 6,000 hits, thrice)


def test_a_scan_stopped_inside_one_claims_long_work_stops(monkeypatch):
    """stop() is asked between claims and inside a claim's long work (every so many of its
    sentences, places or hits): a claim said thousands of times in one sentence held a
    cancelled scan, and the search for the article opened next, 5-7 s (rv237)."""
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # asked first before the first claim: it goes on

    over_two = KnownClaim("two", "أقوى معاهدة. على الإطلاق")  # (its words in a row)
    for claim, end in ((TREATY, ""), (over_two, "."), (KnownClaim("one", "في بوتين"), "")):
        asked.clear()
        index = ClaimIndex([claim, PARTNER])
        with pytest.raises(MatchingStopped):
            index.scan(" ".join([claim.text + end] * 5000), stop=stop)
        assert len(asked) == 2
