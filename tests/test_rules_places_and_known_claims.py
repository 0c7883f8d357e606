"""What a fact-checker relies on in a claim's places and in claims recognised across
articles, each guarded against a small change to store/core/appearances.py,
store/core/known_claims.py or store/text/matching.py (an off-by-one, a dropped check, a
swapped order) that the rest of the suite let pass (rv162's mutation review; rv155's is
test_rules_search_and_deletion.py)."""

from __future__ import annotations

import pytest

from store.core import appearances, articles, claims, known_claims
from store.errors import DuplicateClaim
from store.text.matching import ClaimIndex, KnownClaim


def _found(index: ClaimIndex, text: str, **kw) -> list[tuple[str, str, float]]:
    """(words suggested, kind, score) of every suggestion in *text*."""
    return [(text[s.start:s.end], s.kind, s.score) for s in index.find(text, **kw)]


def _tag(project, article, quote: str, label: str = "disputed", occurrence: int = 1):
    return appearances.tag_quote(project, article.id, quote, label, occurrence=occurrence)


# -- store/text/matching.py: what is recognised, and how it is told --------------------
def test_a_claim_word_with_its_preposition_finds_the_word_without_it():
    """«بغزة» in the claim is «غزة» after «في» in the new text: the same place, the claim
    said again in other words (a paraphrase at 0.96), not a claim cut short at 0.6. (A
    four-letter word with its proclitic is aliased as a longer one is.)"""
    index = ClaimIndex([KnownClaim("c", "القصف بغزة أوقع عشرات الضحايا", "", "x")])
    assert _found(index, "وقال المسؤول إن القصف في غزة أوقع عشرات الضحايا أمس.") == [
        ("القصف في غزة أوقع عشرات الضحايا", "paraphrase", 0.96)]


def test_a_claim_tagged_from_fi_is_suggested_without_the_wa_the_text_puts_before_it():
    """«وفي مارس …» for a claim tagged from «في مارس …»: the conjunction is left out, and
    what is left is the claim's own words, exactly (accepted, its quote is the claim's)."""
    index = ClaimIndex([KnownClaim("c", "في مارس أنهت روسيا مراقبة العقوبات", "", "x")])
    text = "وقال التقرير إنه وفي مارس أنهت روسيا مراقبة العقوبات بالفيتو."
    assert _found(index, text) == [("في مارس أنهت روسيا مراقبة العقوبات", "exact", 1.0)]


TREATY = "أقوى معاهدة على الإطلاق"


def test_a_claim_said_three_times_in_one_sentence_is_offered_three_times():
    """Each time the words come back is a place to tag, however many times one sentence
    (commas, not full stops, between them) says them: the third was left unoffered."""
    index = ClaimIndex([KnownClaim("c", TREATY, "", "x")])
    text = f"قال إنها {TREATY}، نعم {TREATY}، بل {TREATY} بلا شك."
    assert [(text[s.start:s.end], s.kind) for s in index.find(text)] == [(TREATY, "exact")] * 3


def test_the_claims_words_right_after_its_own_place_are_offered():
    """A claim is not offered back on the words it is tagged on in this article, and only
    on those: the same words starting where its place ends (no space between) are a
    second place, offered."""
    own = ClaimIndex([KnownClaim("c", TREATY + "،", "", "art", 0, len(TREATY) + 1)])
    text = TREATY + "،" + TREATY + " قالها مرتين."
    [hit] = own.find(text, skip_article="art")
    assert (hit.start, hit.end) == (len(TREATY) + 1, 2 * len(TREATY) + 1)


def test_a_scan_stops_as_soon_as_its_limit_of_places_is_found():
    """*limit* places found, the scan ends, says so, and gives that many (an article
    that holds every claim many times over is bounded by it)."""
    index = ClaimIndex([KnownClaim("c", TREATY, "", "x"),
                        KnownClaim("d", "أعز صديق للشعب الكوري", "", "x")])
    text = f"قال إنها {TREATY}. ووصفه بأنه أعز صديق للشعب الكوري."
    found, whole = index.scan(text, limit=1)
    assert (len(found), whole) == (1, False)
    found, whole = index.scan(text)
    assert (len(found), whole) == (2, True)
    # reached by the last claim looked for, the scan read everything: it is whole (it
    # said not, and the panel «…repeats known claims too often to search it all», rv162)
    found, whole = index.scan(text, limit=2)
    assert (len(found), whole) == (2, True)


@pytest.mark.parametrize(("between", "whole"), [(6, True), (7, False)])
def test_a_claims_words_are_one_window_up_to_six_words_more_than_it_has(between, whole):
    """A seven-word claim is looked for in runs of at most thirteen words: its first word
    six stop words away from the rest is still the claim said whole; seven away, it is
    some other sentence's word, and the claim is offered cut short without it."""
    claim = "الحكومة أنفقت مليارات الدولارات لدعم المزارعين الفقراء"
    index = ClaimIndex([KnownClaim("c", claim, "", "x")])
    stops = ["في", "ذلك", "من", "على", "هذا", "التي", "كما"][:between]
    first, *rest = claim.split()
    text = "قال الوزير إن " + " ".join([first, *stops, *rest]) + " أمس."
    [(words, kind, score)] = _found(index, text)
    assert words.startswith(first) is whole
    assert words.endswith(rest[-1]) and kind == "abbreviated"
    assert (score == 0.96) is whole


def test_a_window_is_not_stretched_over_four_foreign_words_for_one_claim_word():
    """Ten content words, the last said after four words of another matter: the claim is
    offered on its nine words in a row (0.8), not on a span stretched over the other
    matter to take the tenth (0.71), which accepted would quote the other matter too."""
    claim = "الحكومة أنفقت مليارات الدولارات لدعم المزارعين الفقراء بمحافظة الجنوب الشرقي"
    index = ClaimIndex([KnownClaim("c", claim, "", "x")])
    *words, last = claim.split()
    text = ("قال الوزير إن " + " ".join([*words, "الرئيس", "زار", "المستشفى", "الجديد", last])
            + " أمس.")
    assert _found(index, text) == [(" ".join(words), "abbreviated", 0.8)]
    # (three words of the other matter are worth the tenth word: taken, each costs)
    text = "قال الوزير إن " + " ".join([*words, "الرئيس", "زار", "المستشفى", last]) + " أمس."
    assert _found(index, text) == [(text[14:-5], "abbreviated", 0.7692)]


def test_every_word_in_order_with_another_small_word_is_a_paraphrase():
    """«أقوى معاهدة في الإطلاق» for «… على الإطلاق»: every content word there, in order, as
    many words as the claim; only a stop word differs. It is the claim reworded, not cut
    short ("abbreviated" tells the checker words are missing)."""
    index = ClaimIndex([KnownClaim("c", TREATY, "", "x")])
    assert _found(index, "قال إنها أقوى معاهدة في الإطلاق.") == [
        ("أقوى معاهدة في الإطلاق", "paraphrase", 0.96)]


def test_a_name_spelled_otherwise_makes_the_match_a_paraphrase():
    """«ميركيل» for «ميركل»: a name transliterated otherwise is the claim in other words
    (a paraphrase), even where the sentence stops a word short of the claim."""
    claim = "المستشارة ميركل زارت واشنطن الأسبوع الماضي لبحث التجارة"
    index = ClaimIndex([KnownClaim("c", claim, "", "x")])
    text = "وقالت الصحيفة إن المستشارة ميركيل زارت واشنطن الأسبوع الماضي لبحث."
    assert _found(index, text) == [
        ("المستشارة ميركيل زارت واشنطن الأسبوع الماضي لبحث", "paraphrase", 0.85)]


def test_a_word_of_its_own_inside_a_three_word_claim_breaks_it():
    """A claim of three content words is a phrase: «أقوى معاهدة دفاعية على الإطلاق» says
    something narrower than «أقوى معاهدة على الإطلاق», and is not offered as it."""
    index = ClaimIndex([KnownClaim("c", TREATY, "", "x")])
    assert _found(index, "قال إنها أقوى معاهدة دفاعية على الإطلاق.") == []
    assert _found(index, "قال إنها أقوى معاهدة بين البلدين على الإطلاق.") == []


def test_the_claims_sentence_without_its_figure_is_not_offered():
    """A figure weighs at least three words: «أنفقت على إعادة إعمار المدارس» leaves out
    what was checked («3 مليارات دولار») and is not offered as the claim (0.57); with the
    figure and without the government, it is (0.66)."""
    index = ClaimIndex([
        KnownClaim("c", "الحكومة أنفقت 3 مليارات دولار على إعادة إعمار المدارس", "", "x"),
        KnownClaim("d", "الرئيس زار المستشفى الجديد", "", "x")])
    assert _found(index, "وقال إن الحكومة أنفقت على إعادة إعمار المدارس.") == []
    assert _found(index, "وقال إن الحكومة أنفقت على إعادة إعمار المدارس.", min_score=0.5) == [
        ("الحكومة أنفقت على إعادة إعمار المدارس", "abbreviated", 0.57)]
    assert _found(index, "أنفقت 3 مليارات دولار على المدارس") == [
        ("أنفقت 3 مليارات دولار على المدارس", "abbreviated", 0.658)]


# The scores a checker reads beside each kind of suggestion (the list sorts by them, and
# the bar of 0.6 cuts by them): what each rule takes off, pinned where it shows.
SCORED = [
    ("treaty", "ووصف الجانبان الاتفاق بأنه المعاهدة الأقوى على الإطلاق، فيما رحبت موسكو.",
     ("المعاهدة الأقوى على الإطلاق", "reordered", 0.95)),
    ("munitions", "Officials in Seoul said Pyongyang has shipped more than 10,000 containers "
                  "of munitions to Moscow, fuelling the war.",
     ("Pyongyang has shipped more than 10,000 containers of munitions to Moscow",
      "paraphrase", 0.8017)),
    ("pledge", "وتعهد كيم بتقديم الدعم الكامل للحرب الروسية في أوكرانيا، معتبرا أن موسكو محقة.",
     ("وتعهد كيم بتقديم الدعم الكامل للحرب الروسية في أوكرانيا", "abbreviated", 0.875)),
    ("treaty", "قال لافروف إن ما وقعه الرئيسان هو أقوى معاهدة، مؤكدا أنها لا تستهدف أحدا.",
     ("أقوى معاهدة", "abbreviated", 0.6477)),
]


@pytest.mark.parametrize(("claim_id", "text", "expected"), SCORED)
def test_each_kind_of_match_keeps_its_score(claim_id, text, expected):
    """A reordered claim loses a twentieth; a reworded one a tenth of the reworded words'
    weight; a claim cut short the weight it left out, by the claims' IDF weights."""
    from test_matching import ALL
    hits = [(text[s.start:s.end], s.kind, s.score)
            for s in ClaimIndex(ALL).find(text) if s.claim_id == claim_id]
    assert hits == [expected]


@pytest.mark.parametrize(("said", "offered"), [
    ("وقال الوزير: لم يقل إن الحكومة أنفقت المال في المدارس.", False),
    ("وقال الوزير: لم يقل الوزير إن الحكومة أنفقت المال في المدارس.", True),
])
def test_a_negation_three_words_before_the_claim_denies_it(said, offered):
    """«لم يقل إن …»: a negation up to three words before the words found says the claim
    is not made there (its score halved, under the bar); four words away it is another
    clause's."""
    index = ClaimIndex([KnownClaim("c", "الحكومة أنفقت المال على المدارس", "", "x")])
    assert bool(_found(index, said)) is offered


def test_a_claim_ending_on_its_figure_is_offered_beside_another_figure():
    """«… بلغ 40 و 3 جرحى»: the claim's figure is the last word found, and it is there;
    the other figure after it (the wounded) is no other count of the claim's."""
    index = ClaimIndex([KnownClaim("c", "عدد ضحايا الهجوم على السوق بلغ 40", "", "x")])
    assert _found(index, "عدد ضحايا هجوم السوق بلغ 40 و 3 جرحى") == [
        ("عدد ضحايا هجوم السوق بلغ 40", "paraphrase", 0.96)]


def test_another_figure_two_words_after_the_words_found_is_another_count():
    """The claim's «500» not there, and «700» two words past the words found: the text
    gives its own count, another claim (its score cut below the bar); three words past,
    it counts something else, but the claim's «500 مصاب» said «مصابين» with no figure is
    its count left out, another claim too (rv264)."""
    index = ClaimIndex([KnownClaim("c", "المستشفيات استقبلت 500 مصاب خلال الهجوم على المدينة",
                                   "", "x")])
    words = "المستشفيات استقبلت مصابين خلال الهجوم على المدينة"
    assert _found(index, f"وقال إن {words} وعددهم 700.") == []
    assert _found(index, f"وقال إن {words} وعددهم 700.", min_score=0.0) == [
        (words, "abbreviated", 0.2729)]  # (0.6821, less three fifths)
    assert _found(index, f"وقال إن {words} بلغ عددهم 700.", min_score=0.0) == [
        (words, "abbreviated", 0.2729)]


def test_the_other_actor_of_the_claim_in_the_sentence_is_no_other_actor():
    """«روسيا أرسلت … إلى كوريا الشمالية» said without North Korea: Russia, the claim's
    own actor, in the sentence does not make it another actor's claim; only an actor the
    claim does not have does («إلى الصين»)."""
    index = ClaimIndex([KnownClaim(
        "c", "روسيا أرسلت ذخائر وصواريخ إلى كوريا الشمالية الشهر الماضي", "", "x")])
    assert _found(index, "وقالت التقارير إن روسيا أرسلت ذخائر وصواريخ الشهر الماضي.") == [
        ("روسيا أرسلت ذخائر وصواريخ الشهر الماضي", "abbreviated", 0.8571)]
    assert _found(index, "وقالت التقارير إن روسيا أرسلت ذخائر وصواريخ إلى الصين الشهر "
                         "الماضي.") == []


def test_a_four_letter_word_one_letter_off_is_another_word():
    """«إسلام» is not «سلام» misspelt: a word of four letters is too short to be matched
    a letter off (the sentence is the claim with one word replaced, 0.67, not the claim
    said again, 0.96)."""
    index = ClaimIndex([KnownClaim("c", "الحكومة تريد سلام شامل مع الجيران في المنطقة", "", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert _found(index, "وقال إن الحكومة تريد إسلام شامل مع الجيران في المنطقة.") == [
        ("الحكومة تريد إسلام شامل مع الجيران في المنطقة", "abbreviated", 0.6667)]
    # (nor the other way: «سلام» in the text for the claim's «إسلام»)
    index = ClaimIndex([KnownClaim("c", "الحكومة تريد إسلام شامل مع الجيران في المنطقة", "", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert _found(index, "وقال إن الحكومة تريد سلام شامل مع الجيران في المنطقة.") == [
        ("الحكومة تريد سلام شامل مع الجيران في المنطقة", "abbreviated", 0.6667)]


def test_a_five_letter_name_with_one_letter_mistyped_is_the_same_name():
    """«بايدم» for «بايدن» (a typo; four fifths alike): the claim said again, offered as a
    paraphrase at 0.96, not as a claim with its actor replaced."""
    index = ClaimIndex([KnownClaim("c", "الرئيس بايدن وقع المرسوم الجديد بشأن النفط", "", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert _found(index, "وقالت الوكالة إن الرئيس بايدم وقع المرسوم الجديد بشأن النفط.") == [
        ("الرئيس بايدم وقع المرسوم الجديد بشأن النفط", "paraphrase", 0.96)]


def test_a_word_in_the_place_of_the_claims_last_or_first_past_its_own_stop_words():
    """The outline stopped just before the word replaced: «…الحدود مع إستونيا» was offered
    for «…الحدود مع أوكرانيا» at 0.86, as the claim cut where the sentence ends is; «في
    منطقة اليورو» for «في مصر», «قال المتحدث إن» for «قال بوتين إن» at 0.77-0.80. The word
    there past the claim's own «مع», «في», «إن» now costs what a substitution inside does
    (rv221); where the sentence ends, or says nothing before, the claim is cut as before."""
    claims = [KnownClaim("troops", "نشرت روسيا 50 ألف جندي على الحدود مع أوكرانيا", "", "x"),
              KnownClaim("prices", "ارتفع التضخم إلى 5% في مصر", "", "x"),
              KnownClaim("said", "قال بوتين إن المعاهدة أقوى اتفاق في تاريخ البلدين", "", "x"),
              KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")]
    index = ClaimIndex(claims)
    for said, score in (("نشرت روسيا 50 ألف جندي على الحدود مع إستونيا.", 0.7283),
                        ("نشرت روسيا 50 ألف جندي على الحدود.", 0.8642)):
        assert _found(index, said) == [("نشرت روسيا 50 ألف جندي على الحدود", "abbreviated",
                                        score)], said
    assert _found(index, "ارتفع التضخم إلى 5% في منطقة اليورو") == []
    assert _found(index, "ارتفع التضخم إلى 5%.") == [("ارتفع التضخم إلى 5%", "abbreviated",
                                                     0.7707)]
    for said, score in (("قال المتحدث إن المعاهدة أقوى اتفاق في تاريخ البلدين.", 0.6),
                        ("المعاهدة أقوى اتفاق في تاريخ البلدين.", 0.8)):
        assert _found(index, said) == [("المعاهدة أقوى اتفاق في تاريخ البلدين", "abbreviated",
                                        score)], said


@pytest.mark.parametrize(("claim", "said"), [
    ("Russia deployed 50,000 troops to the Ukrainian border",
     "Russia deployed 50,000 troops to the Polish border."),
    ("نشرت روسيا 50 ألف جندي على الحدود مع أوكرانيا",
     "نشرت روسيا 50 ألف جندي على الحدود مع بيلاروسيا."),
    ("ارتفع التضخم إلى 5% في مصر", "ارتفع التضخم إلى 5% في تونس"),
    ("قال بوتين إن المعاهدة أقوى اتفاق في تاريخ البلدين",
     "قال بايدن إن المعاهدة أقوى اتفاق في تاريخ البلدين."),
    ("Inflation in Egypt rose to 5% last year", "Inflation in Tunisia rose to 5% last year."),
])
def test_another_country_or_leader_is_another_actor(claim, said):
    """Offered at 0.70-0.87 with the other's verdict (rv221): the actors were 15 names;
    countries, their capitals and demonyms, and a few leaders are actors now."""
    index = ClaimIndex([KnownClaim("c", claim, "verified", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert _found(index, said) == [], said
    assert [c for *_, c in [(s.claim_id,) for s in index.find(claim)]] == ["c"]


@pytest.mark.parametrize(("claim", "said"), [
    ("روسيا نشرت 100 ألف جندي على الحدود مع أوكرانيا",
     "وقال وزير الخارجية الفرنسي إن روسيا نشرت 100 ألف جندي على الحدود."),
    ("Russia has deployed 100,000 troops on the border with Ukraine",
     "The French foreign minister said Russia has deployed 100,000 troops on the border."),
    ("مصر تستورد 13 مليون طن من القمح سنويا",
     "وتستورد البلاد 13 مليون طن من القمح سنويا، معظمها من روسيا وأوكرانيا."),
    ("ارتفع معدل التضخم في مصر إلى 35 في المائة",
     "ارتفع معدل التضخم إلى 35 في المائة، وهو أعلى من نظيره في تركيا."),
    ("بايدن وقع قانونا بقيمة 95 مليار دولار لمساعدة أوكرانيا",
     "وقع الرئيس الأمريكي قانونا بقيمة 95 مليار دولار لمساعدة أوكرانيا وإسرائيل وتايوان."),
    ("Macron announced 3 billion euros of military aid for Ukraine",
     "The French president announced 3 billion euros of military aid for Ukraine."),
    ("Turkey hosts 3.6 million Syrian refugees",
     "Türkiye hosts 3.6 million Syrian refugees, more than Germany."),
])
def test_an_actor_beside_the_claim_but_not_in_it_is_no_other_actor(claim, said):
    """Another country or leader anywhere in the sentence halved a repeat whose own actor
    was left out or said otherwise (0.33-0.44, rv226): one who speaks before «إن»/"said",
    one named past a comma, a leader's own country («الرئيس الأمريكي» for «بايدن»), and
    «Türkiye» is Turkey. Inside the window, or where the claim was cut, another is still
    another claim (test_another_country_or_leader_is_another_actor)."""
    index = ClaimIndex([KnownClaim("c", claim, "verified", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert [s.claim_id for s in index.find(said)] == ["c"], said


@pytest.mark.parametrize("said", [
    "قال الوزير إن الحكومة أنفقت مليارات الدولارات لدعم الفقراء بمحافظة الجنوب الغربية أمس.",
    "قال الوزير إن الرئيس الحكومة أنفقت مليارات الدولارات لدعم الفقراء بمحافظة الجنوب.",
])
def test_a_word_beside_a_claim_found_to_its_first_and_last_word_stands_in_for_nothing(said):
    """A word missing inside the claim («المزارعين»), and the text running on past its
    last word, or before its first: the claim was not cut there, so the word beside it is
    no stand-in for the missing one (only the missing word's weight is lost, 0.89)."""
    claim = "الحكومة أنفقت مليارات الدولارات لدعم المزارعين الفقراء بمحافظة الجنوب"
    index = ClaimIndex([KnownClaim("c", claim, "", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    assert _found(index, said) == [
        ("الحكومة أنفقت مليارات الدولارات لدعم الفقراء بمحافظة الجنوب", "abbreviated", 0.8889)]


def test_the_claims_first_small_word_is_taken_along_at_the_start_of_a_text():
    """«في مارس …» cut short, first in the text: the suggestion starts at «في» as the
    claim does, there as after a colon (accepted, its quote reads as the claim's)."""
    index = ClaimIndex([KnownClaim("c", "في مارس أنهت روسيا مراقبة العقوبات الدولية", "", "x")])
    for text in ("في مارس أنهت روسيا مراقبة العقوبات. وقال آخرون غير ذلك.",
                 "وقال: في مارس أنهت روسيا مراقبة العقوبات."):
        assert _found(index, text) == [
            ("في مارس أنهت روسيا مراقبة العقوبات", "abbreviated", 0.8333)], text


@pytest.mark.parametrize("text", ["وقال إن روسيا أنهت مراقبة العقوبات الدولية",
                                  "وقال إن روسيا أنهت مراقبة العقوبات الدولية. في الصباح"])
def test_a_claim_ending_on_a_small_word_is_found_where_the_text_or_sentence_ends(text):
    """The claim's last small word («في») is looked for after the words found only inside
    their sentence: at the end of the text, or before the next sentence's «في», the
    suggestion ends on the last word found."""
    index = ClaimIndex([KnownClaim("c", "أنهت روسيا مراقبة العقوبات الدولية في", "", "x")])
    assert _found(index, text) == [("روسيا أنهت مراقبة العقوبات الدولية", "reordered", 0.95)]


def test_a_percent_sign_is_taken_along_after_a_figure_only():
    """«20%» is a figure with its sign; «المدارس%» (a typo, a table's column glued on) is
    a word and a stray sign: the suggestion, the claim's words, stays exact without it."""
    claim = "الحكومة أنفقت مليارات الدولارات على إعادة إعمار المدارس"
    index = ClaimIndex([KnownClaim("c", claim, "", "x")])
    for sign in ("%", "٪"):
        assert _found(index, f"وقال إن {claim}{sign} من الميزانية.") == [(claim, "exact", 1.0)]


@pytest.mark.parametrize(("claim", "text", "suggested"), [
    ("بلغ التضخم 35 في المائة", "بلغ التضخم 35% في مارس.", "بلغ التضخم 35%"),
    ("ارتفع معدل البطالة إلى 5 في المائة", "وقال الجهاز إن معدل البطالة ارتفع إلى 5 في المئة.",
     "معدل البطالة ارتفع إلى 5 في المئة"),
    ("ارتفع معدل البطالة إلى 5%", "وقال الجهاز إن معدل البطالة ارتفع إلى 5 في المائة.",
     "معدل البطالة ارتفع إلى 5 في المائة"),
    ("Unemployment rose to 5%", "Officials said unemployment rose to 5 percent last year.",
     "unemployment rose to 5 percent"),
])
def test_a_figure_is_suggested_whole_with_its_percent_words(claim, text, suggested):
    """The suggestion (the quote an Accept tags and exports) ended on «35% في», the claim's
    «في» of «في المائة» taken along before «مارس», on «5 في» without «المئة», on «rose to
    5» without «percent» (rv226): a figure is one unit, its percent words with it."""
    index = ClaimIndex([KnownClaim("c", claim, "", "x")])
    assert [text[s.start:s.end] for s in index.find(text)] == [suggested]


@pytest.mark.parametrize("claim", [
    "ارتفع الدين العام إلى تسعين مليار دولار؛ وهو أعلى مستوى له منذ عشر سنوات",
    "أغلقت السلطات ثلاثة معابر حدودية أمس. ومنعت دخول الشاحنات المحملة بالمساعدات الطبية",
    "الحكومة ترفع أسعار الوقود بنسبة ثلاثين بالمئة\nوقال وزير المالية إن القرار يبدأ مطلع الشهر",
    "Debt rose to $90 billion; the highest in ten years",
])
def test_a_claim_over_a_sentence_end_is_suggested_where_its_words_come_back(claim):
    """A claim tagged over «؛», a full stop or a headline's line break was looked for only
    inside one sentence: word for word elsewhere, it was not suggested, or only its first
    clause at 0.71 (rv224): its words in a row over as many ends, in the same places, are
    it."""
    index = ClaimIndex([KnownClaim("c", claim, "", "x"),
                        KnownClaim("d", "الوزير زار المستشفى الجديد", "", "x")])
    text = f"نقلت الوكالة ما يلي:\n{claim}.\n\nانتهى الخبر."
    assert _found(index, text) == [(claim, "exact", 1.0)]


def test_the_claims_first_small_word_is_taken_along_only_before_its_first_word():
    """«في» is taken along where it stands before the claim's first word, not before
    whatever word the text puts first («في روسيا» for a claim that begins «في مارس»)."""
    index = ClaimIndex([KnownClaim("c", "في مارس أنهت روسيا مراقبة العقوبات", "", "x")])
    assert _found(index, "وقال إن الأمر في روسيا أنهت في مارس مراقبة العقوبات.") == [
        ("روسيا أنهت في مارس مراقبة العقوبات", "reordered", 0.95)]


def test_the_claims_last_small_word_is_taken_along_only_after_its_last_word():
    """«… الدولية في» said in another order: the suggestion ends on «في» where the text
    has it after the claim's last word, and not after whatever word the text puts last
    (a dangling «في» in the quote an Accept makes)."""
    index = ClaimIndex([KnownClaim("c", "أنهت روسيا مراقبة العقوبات الدولية في", "", "x")])
    assert _found(index, "وقال إن روسيا أنهت مراقبة العقوبات الدولية في مارس.") == [
        ("روسيا أنهت مراقبة العقوبات الدولية في", "reordered", 0.95)]
    assert _found(index, "وقال إن الدولية أنهت روسيا مراقبة العقوبات في مارس.") == [
        ("الدولية أنهت روسيا مراقبة العقوبات", "reordered", 0.95)]


def test_a_lower_bar_asked_for_offers_what_reaches_it():
    """`tahqiq known --min-score 0.3` offers what scores 0.3 and more: the first four of
    a claim's eleven content words, 0.36 (it was held back as under 0.4)."""
    claim = "وزير الصحة افتتح المستشفى الجديد بحضور المحافظ وعدد كبير من الأطباء والممرضين"
    index = ClaimIndex([KnownClaim("c", claim, "", "x"),
                        KnownClaim("d", "الرئيس زار المدرسة القديمة", "", "x")])
    text = "قال التقرير. وزير الصحة افتتح المستشفى. وانتهى"
    assert _found(index, text, min_score=0.3) == [
        ("وزير الصحة افتتح المستشفى", "abbreviated", 0.3636)]
    assert _found(index, text) == []


def test_of_two_windows_as_good_the_first_is_offered():
    """«أقوى معاهدة على الإطلاق، أقوى من كل ما سبق»: the claim's words, then one of them
    again. The words as the claim has them are offered (exact), not the as-good run
    from its second word to the repeated one («معاهدة على الإطلاق، أقوى», reordered)."""
    index = ClaimIndex([KnownClaim("c", TREATY, "", "x")])
    assert _found(index, "قال إنها أقوى معاهدة على الإطلاق، أقوى من كل ما سبق.") == [
        (TREATY, "exact", 1.0)]


# -- store/core/known_claims.py: the window's matcher and what it leaves out ------------
SAID = "المستشفيات استقبلت أكثر من ألف مصاب"
OTHER = "أعز صديق للشعب الكوري"


def _hits(found) -> list[tuple[str, int, int]]:
    return sorted((h.claim_id, h.start, h.end) for h in found)


def test_the_matcher_answers_for_an_articles_text_as_it_is_now(project):
    """The matcher keeps its answer per article text: the article's text edited (a line
    added above the claim), the suggestion is where the words are now, as a search
    afresh has it, not at the old offsets (an Accept there would tag other words)."""
    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    _tag(project, one, SAID)
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    matcher = known_claims.Matcher()
    assert _hits(matcher.find(project, two.id).hits) == _hits(
        known_claims.find_known_claims(project, two.id))
    from store.core import retext
    retext.set_article_text(project, two.id, f"سطر جديد في أوله.\nوأكد المدير أن {SAID} خلال "
                                             "الأسبوع.")
    [hit] = matcher.find(project, two.id).hits
    text = articles.get_article(project, two.id).text
    assert text[hit.start:hit.end] == SAID
    assert _hits([hit]) == _hits(known_claims.find_known_claims(project, two.id))


def test_a_claim_tagged_since_found_past_the_limit_is_cut_and_said_to_be(project,
                                                                        monkeypatch):
    """A claim tagged after the matcher was built, found in an article more often than
    the limit: the answer holds the limit's number of places and says it is not whole
    (the panel says more may be found), as for the claims it was built with."""
    monkeypatch.setattr(known_claims.Matcher, "LIMIT", 5)
    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس.\nووصفه بأنه {OTHER}.",
                               "one")
    _tag(project, one, SAID)
    many = articles.add_article(project, f"وأكد المدير أن {SAID}.\n"
                                + "\n".join([f"ووصفه بأنه {OTHER}."] * 12), "many")
    matcher = known_claims.Matcher()
    first = matcher.find(project, many.id)
    assert first.complete and len(first.hits) == 1
    _tag(project, one, OTHER, "verified")  # looked for by the small second index
    found = matcher.find(project, many.id)
    assert not found.complete
    assert len(found.hits) == 5


def test_a_suggestion_half_on_a_dismissed_span_is_not_offered_again(project):
    """A dismissal holds for the words give or take: a suggestion sharing half the
    shorter of the two spans with it is the same words, not offered again."""
    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    treaty = _tag(project, one, SAID)
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع الماضي كله.",
                               "two")
    [hit] = known_claims.find_known_claims(project, two.id)
    length = hit.end - hit.start  # 35: a span of 34 sharing 17 with it is half the shorter
    assert length == 35
    known_claims.dismiss(project, two.id, treaty.claim_id, hit.start + 18, hit.start + 52)
    assert known_claims.find_known_claims(project, two.id) == []


def test_a_claim_checked_twice_in_one_article_names_that_article_once(project):
    """Where it was checked: each article's title once, however many places there."""
    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} مساء.",
                               "one")
    first = _tag(project, one, SAID)
    appearances.tag_quote(project, one.id, SAID, None, occurrence=2, same_as=first.claim_id)
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    [hit] = known_claims.find_known_claims(project, two.id)
    assert hit.checked_in == ("one",)


def test_the_index_is_built_again_only_past_fifty_claims_changed(project, monkeypatch):
    """Fifty claims changed since the build are looked for with the small second index;
    the fifty-first has the whole built again (about a second per 10,000 claims)."""
    words = [f"كلمة{chr(0x628 + i % 20)}{chr(0x628 + i // 20)}" for i in range(51)]
    article = articles.add_article(project, " ".join(words), "words")
    matcher = known_claims.Matcher()
    matcher.find(project, article.id)
    builds = []
    real_build = known_claims.build_index
    monkeypatch.setattr(known_claims, "build_index", lambda p: builds.append(1) or real_build(p))
    at = 0
    for word in words[:50]:
        at = article.text.index(word, at)
        appearances.create_claim(project, article.id, at, at + len(word), "verified")
    matcher.find(project, article.id)
    assert builds == []
    at = article.text.index(words[50])
    appearances.create_claim(project, article.id, at, at + len(words[50]), "verified")
    matcher.find(project, article.id)
    assert builds == [1]


# -- store/core/appearances.py: a claim's places ---------------------------------------
def test_words_selected_with_the_spaces_before_them_are_my_place_there(project):
    """A selection taking five spaces and a direction mark before my tagged words (a
    drag from the line's start) is those words: a verdict chosen for it relabels my
    claim, rather than making a second claim of mine on the same words."""
    text = "قال:     \u200f" + SAID + " أمس."
    article = articles.add_article(project, text, "one")
    place = _tag(project, article, SAID)
    assert place.start == 10
    assert appearances.own_place_at(project, article.id, 4, place.end).id == place.id


def test_words_unlinked_in_one_clock_tick_are_not_offered_their_old_claim(project,
                                                                          monkeypatch):
    """An Unlink's new claim and its words' link to it stamped at one time (a coarse
    clock, as Windows' is, gives two calls the same time): the words split off are still
    known to be split from the old claim, which is not offered on them."""
    from datetime import UTC, datetime, timedelta

    from store.core import history, stamps

    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                        "المؤتمر.", "one")
    first = _tag(project, one, SAID)
    second = appearances.tag_quote(project, one.id, SAID, None, occurrence=2,
                                   same_as=first.claim_id)
    tick = (datetime.now(UTC) + timedelta(seconds=5)).strftime(stamps.TIME_FORMAT)
    for module in (stamps, history, appearances):
        monkeypatch.setattr(module, "utcnow", lambda: tick)
    split = appearances.unlink(project, second.id)
    monkeypatch.undo()
    assert split.updated == tick
    assert known_claims.find_known_claims(project, one.id) == []


def test_harakat_with_a_space_between_them_are_no_words_to_tag(project):
    """A selection of two stray marks with a space between («ً َ») holds no words: the
    tag is refused, as for one mark alone, and no claim is made of them."""
    from store.errors import InvalidSpan

    text = "قال ً َ أمس"
    article = articles.add_article(project, text, "one")
    assert "harakat" in str(appearances.no_words("\u064b \u064e"))
    with pytest.raises(InvalidSpan):
        appearances.create_claim(project, article.id, 4, 7, "disputed")
    assert appearances.list_appearances(project, article.id) == []


@pytest.mark.parametrize("sign", ["،", ".", "%", "“"])
def test_punctuation_alone_is_no_words_to_tag(project, sign):
    """A verdict key (or `tag --quote`) on a lone comma, full stop, percent sign or
    quotation mark made a claim of it, which the table, the CSV, ClaimReview and the
    packet then carried as a claim (rv238): refused as spaces and harakat alone are."""
    from store.errors import InvalidSpan

    text = f"قال الوزير {sign} إن النمو بلغ 5%، وهذا “جيد”."
    article = articles.add_article(project, text, "one")
    at = text.index(sign)
    assert "punctuation" in str(appearances.no_words(f" {sign} "))
    with pytest.raises(InvalidSpan, match="punctuation"):
        appearances.create_claim(project, article.id, at - 1, at + 2, "disputed")
    with pytest.raises(InvalidSpan, match="punctuation"):
        appearances.tag_quote(project, article.id, sign, "disputed")
    assert appearances.list_appearances(project, article.id) == []


@pytest.mark.parametrize("words", ["24", "٢٤", "5%", "و", "“جيد”", "👍🏽", "🇸🇾"])
def test_a_figure_or_a_one_letter_word_still_tags(project, words):
    """The refusal of punctuation alone leaves a figure (Arabic-Indic too), a figure with
    its sign, a one-letter word, a quoted word and an emoji (a post's reaction) to tag."""
    text = f"قال الوزير {words} أمس."
    article = articles.add_article(project, text, "one")
    assert appearances.tag_quote(project, article.id, words, "disputed").quote == words


def test_an_older_files_claim_on_a_comma_still_merges_imports_and_moves_back(
        project, tmp_path, monkeypatch):
    """A claim an older Tahqiq made of a lone comma is no new tag: a merge of its file and
    a sheet of it bring it, its verdict changes, and a move of it undone takes it back."""
    from store.core.project import Project
    from store.exchange import exporting, merge
    from store.exchange.csv_format import import_claims_csv
    from store.exchange.seeding import open_or_create

    text = "قال الوزير إن النمو بلغ 5%، وهذا جيد."
    older = open_or_create(tmp_path / "older.tahqiq", "alice")
    article = articles.add_article(older, text, "one")
    with monkeypatch.context() as m:  # (as an older Tahqiq tagged it)
        m.setattr(appearances, "no_words", lambda quote, signs=False: None)
        comma = appearances.tag_quote(older, article.id, "،", "disputed")
    (tmp_path / "older.csv").write_text(exporting.export_text(older, "csv"),
                                        encoding="utf-8")
    mine = open_or_create(tmp_path / "mine.tahqiq", "bob")
    merge.merge_project(mine, tmp_path / "older.tahqiq")
    sheet = Project.in_memory("carol")
    articles.add_article(sheet, text, "one")
    import_claims_csv(sheet, tmp_path / "older.csv")
    for other in (mine, sheet):
        assert [p.quote for p in appearances.list_appearances(other)] == ["،"]
    assert appearances.tag_quote(older, article.id, "،", "verified").id == comma.id
    words = text.index("جيد")
    moved = appearances.move(older, comma.id, words, words + 3)
    back = appearances.move_step(older, comma.id, (moved.start, moved.end, "جيد"),
                                 (comma.start, comma.end, "،"))
    assert (back.quote, claims.get_claim(older, comma.claim_id).label) == ("،", "verified")
    for each in (older, mine, sheet):
        each.close()


def test_my_words_at_the_articles_start_are_mine_with_their_tanween(project):
    """A place made without the tanween of its last letter («كلاما» of «كلاماً»), first
    in the article: the word selected whole, tanween and all, is that place (a verdict
    chosen relabels it), as it is anywhere else in the text."""
    article = articles.add_article(project, "كلاماً قاله الوزير أمس.", "one")
    place = appearances.create_claim(project, article.id, 0, 5, "disputed")
    assert place.quote == "كلاما"
    assert appearances.own_place_at(project, article.id, 0, 6).id == place.id


def test_an_articles_places_read_in_parts_are_its_places_once_each(project):
    """The window reads a long article's places a part at a time (by ranges of where
    they start): the parts put together are the whole, in reading order, none twice and
    none left out, a place starting right at a part's edge too."""
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    first = _tag(project, article, SAID)
    second = _tag(project, article, SAID, "verified", occurrence=2)
    whole = appearances.list_places(project, article.id)
    assert [p.id for p in whole] == [first.id, second.id]
    edge = second.start
    parts = (appearances.list_places(project, article.id, 0, edge)
             + appearances.list_places(project, article.id, edge, None))
    assert parts == whole


def test_undoing_a_tag_whose_words_a_colleague_linked_since_is_refused(project):
    """I tag words; a colleague (merged in) links them to their claim; my Undo of the tag
    would untag their claim's words, unsaid: refused, and their words stay tagged."""
    from store.errors import ChangedSince

    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. وقال {OTHER}.", "one")
    mine = _tag(project, article, SAID)
    me, project.annotator = project.annotator, "omar"
    theirs = _tag(project, article, OTHER, "verified")
    appearances.link(project, mine.id, theirs.claim_id)
    project.annotator = me
    with pytest.raises(ChangedSince):
        appearances.untag_made(project, [mine.id], mine.claim_id)
    place = appearances.get_appearance(project, mine.id)
    assert (place.deleted, place.claim_id) == (None, theirs.claim_id)


def test_words_untagged_then_tagged_again_are_not_restored_once_their_claim_went(project):
    """Words of a claim untagged, then tagged again by me with another verdict, then the
    claim deleted (its other words untagged): restoring the first words from Deleted
    Claims is refused (tagged again since they went), whenever the claim went; restored,
    they were my second verdict on the same words."""
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    first = _tag(project, article, SAID)
    second = appearances.tag_quote(project, article.id, SAID, None, occurrence=2,
                                   same_as=first.claim_id)
    appearances.delete(project, first.id)
    again = appearances.create_claim(project, article.id, first.start, first.end, "verified")
    appearances.delete(project, second.id)  # the claim goes with its last words
    assert claims.get_claim(project, first.claim_id).is_deleted
    with pytest.raises(DuplicateClaim):
        appearances.restore(project, first.id)
    assert [p.id for p in appearances.list_appearances(project, article.id)] == [again.id]


def test_tag_same_as_run_twice_gives_the_same_place(project):
    """`tag --same-as C --quote …` in a script run twice: the second run finds the words
    already that claim's and gives the place, not an error that stops the script."""
    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    first = _tag(project, one, SAID)
    place = appearances.tag_quote(project, two.id, SAID, None, same_as=first.claim_id)
    again = appearances.tag_quote(project, two.id, SAID, None, same_as=first.claim_id)
    assert again.id == place.id
    assert len(appearances.list_appearances(project, two.id)) == 1


def test_a_claim_restored_leaves_out_words_untagged_by_hand_in_an_article_restored(project):
    """Words I untagged by hand stay untagged when their claim is restored, though their
    article was deleted and restored since: only words the article's deletion untagged
    come back with the claim (article_deletion), not every untagged word there."""
    from store.core import article_deletion

    one = articles.add_article(project, f"قال الوزير إن {SAID} أمس.", "one")
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    first = _tag(project, one, SAID)
    second = appearances.tag_quote(project, two.id, SAID, None, same_as=first.claim_id)
    appearances.delete(project, second.id)  # untagged by hand
    article_deletion.delete_article(project, two.id)
    article_deletion.restore_article(project, two.id)
    appearances.delete(project, first.id)  # the claim goes with its last words
    appearances.restore_claim(project, first.claim_id)
    assert [p.id for p in appearances.appearances_of(project, first.claim_id)] == [first.id]
    assert appearances.get_appearance(project, second.id).deleted is not None


def test_tag_all_over_words_untagged_by_a_faster_clock_is_after_their_untagging(project):
    """Words of mine untagged at a time ahead of this clock (a colleague's, merged in),
    then Tag All over them and others: the new claim is stamped after that untagging, so
    a restore of the old claim there is refused (tagged again since), not a second
    verdict of mine on the same words."""
    from datetime import UTC, datetime, timedelta

    from store.core import stamps

    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    spans = appearances.quote_spans(article.text, SAID)
    old = appearances.create_claim(project, article.id, *spans[1], "disputed")
    ahead = (datetime.now(UTC) + timedelta(hours=1)).strftime(stamps.TIME_FORMAT)
    appearances.delete(project, old.id, at=ahead)
    new = appearances.tag_all(project, article.id, spans, "verified")
    assert all(place.created > ahead for place in new)
    with pytest.raises(DuplicateClaim):
        appearances.restore(project, old.id)


def _ahead(hours: int = 1) -> str:
    """A time hours ahead of this clock's (a colleague's faster clock, merged in)."""
    from datetime import UTC, datetime, timedelta

    from store.core import stamps
    return (datetime.now(UTC) + timedelta(hours=hours)).strftime(stamps.TIME_FORMAT)


def _said_twice(project):
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    first = _tag(project, article, SAID)
    second = appearances.tag_quote(project, article.id, SAID, None, occurrence=2,
                                   same_as=first.claim_id)
    return article, first, second


def test_a_claim_restored_brings_back_the_words_i_untagged_last(project):
    """A colleague's faster clock untagged one place of the claim; I untag its other,
    last, words, and it goes. Restored, it comes back on the words I untagged last, not
    on the colleague's (stamped ahead): my untagging is stamped after theirs."""
    _article, first, second = _said_twice(project)
    appearances.delete(project, first.id, at=_ahead())
    appearances.delete(project, second.id)
    appearances.restore_claim(project, first.claim_id)
    assert [p.id for p in appearances.appearances_of(project, first.claim_id)] == [second.id]


def test_undoing_a_tag_after_a_faster_clocks_untagging_restores_the_claim_on_it(project):
    """The undo of my Tag All on a claim, after a colleague's faster clock untagged the
    claim's other words: my untagging is the last, and a restore of the claim brings
    back my words."""
    _article, first, second = _said_twice(project)
    appearances.delete(project, first.id, at=_ahead())
    appearances.untag_made(project, [second.id], first.claim_id)
    assert claims.get_claim(project, first.claim_id).is_deleted
    appearances.restore_claim(project, first.claim_id)
    assert [p.id for p in appearances.appearances_of(project, first.claim_id)] == [second.id]


def test_undoing_a_tag_that_added_words_to_a_claim_a_colleague_changed_goes_ahead(project):
    """My tag added words to a claim that keeps its other words: the undo takes only my
    words back, whatever verdict a colleague gave the claim since (it deletes nothing of
    theirs, so nothing is refused)."""
    _article, first, second = _said_twice(project)
    me, project.annotator = project.annotator, "omar"
    claims.update_claim(project, first.claim_id, label="verified")
    project.annotator = me
    [undone] = appearances.untag_made(project, [second.id], first.claim_id,
                                      {"label": "disputed"})
    assert undone.deleted is not None
    assert claims.get_claim(project, first.claim_id).label == "verified"


def test_tag_all_on_a_claim_is_stamped_after_the_latest_untagging_of_its_words(project):
    """Tag All Occurrences on a claim, over two words of mine untagged at two times ahead
    of this clock: its places are stamped after the later of the two, so the old claim
    untagged last is not restored beside them (a second verdict of mine)."""
    elsewhere = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    claim = _tag(project, elsewhere, SAID, "verified")
    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. ثم كرر أن {SAID} في "
                                            "المؤتمر.", "one")
    spans = appearances.quote_spans(article.text, SAID)
    olds = [appearances.create_claim(project, article.id, *span, "disputed") for span in spans]
    appearances.delete(project, olds[0].id, at=_ahead(1))
    appearances.delete(project, olds[1].id, at=_ahead(2))
    appearances.add_all(project, claim.claim_id, article.id, spans)
    with pytest.raises(DuplicateClaim):
        appearances.restore(project, olds[1].id)


def test_words_untagged_twice_from_one_claim_are_listed_once_to_restore(project):
    """The same words of one claim untagged, tagged as it again, and untagged again: Edit
    ▸ Deleted Claims lists them once (one thing to restore), not once per untagging."""
    article, first, second = _said_twice(project)
    appearances.delete(project, second.id)
    again = appearances.add(project, first.claim_id, article.id, second.start, second.end)
    appearances.delete(project, again.id)
    listed = [(p.claim_id, p.start, p.end) for group in appearances.deleted_in(project,
                                                                               article.id)
              for p in group]
    assert listed == [(first.claim_id, second.start, second.end)]


def test_words_tagged_again_as_their_claim_are_not_listed_to_restore(project):
    """One place of a claim untagged, then its words tagged as the claim again (a Tag All
    again): Edit ▸ Deleted Claims listed them, and their Restore was always refused,
    «These words are already tagged as this claim.» They are not listed; the claim
    deleted, it is listed whole, once (rv246)."""
    article, first, second = _said_twice(project)
    appearances.delete(project, second.id)
    again = appearances.add(project, first.claim_id, article.id, second.start, second.end)
    with pytest.raises(DuplicateClaim):  # (the refusal stays, a guard)
        appearances.restore(project, second.id)
    assert appearances.deleted_in(project, article.id) == []
    claims.delete_claim(project, first.claim_id)
    assert [[p.id for p in group] for group in appearances.deleted_in(project, article.id)] \
        == [[first.id, again.id]]


def _listed(project, article) -> list[list[str]]:
    return [[p.id for p in group] for group in appearances.deleted_in(project, article.id)]


def test_a_claim_deleted_whose_words_i_tagged_again_with_its_verdict_is_not_listed(project):
    """A Tag All, its claim deleted, and a Tag All on the same words again (a new claim):
    Deleted Claims listed the first, and its Restore was refused «You already tagged these
    words as disputed.», the label's key. It is not listed while all its places are held;
    one of them untagged again, it is (rv252)."""
    article, first, second = _said_twice(project)
    claims.delete_claim(project, first.claim_id)
    spans = [(first.start, first.end), (second.start, second.end)]
    again = appearances.tag_all(project, article.id, spans, "disputed")
    assert _listed(project, article) == []
    with pytest.raises(DuplicateClaim) as refused:  # (the refusal stays, a guard)
        appearances.restore_claim(project, first.claim_id)
    assert str(refused.value) == "You already tagged these words as Disputed."
    assert refused.value.params["label"].names == {"ar": "موضع خلاف"}
    appearances.delete(project, again[1].id)
    assert _listed(project, article) == [[again[1].id], [first.id, second.id]]


def test_a_claim_deleted_whose_words_i_tagged_again_with_another_verdict_is_listed(project):
    """Tagged again since with another verdict, the words have the deleted claim's no more:
    it is listed, and the refusal of its Restore says how to bring it back."""
    article, first, second = _said_twice(project)
    claims.delete_claim(project, first.claim_id)
    appearances.tag_all(project, article.id, [(first.start, first.end),
                                              (second.start, second.end)], "verified")
    assert _listed(project, article) == [[first.id, second.id]]
    with pytest.raises(DuplicateClaim, match="tagged again since, as Verified"):
        appearances.restore_claim(project, first.claim_id)


def test_my_place_moves_onto_its_own_words_with_their_tanween(project):
    """A place made without the tanween of its last word («كلاما») moved to take it
    («كلاماً»): the words are its own, not another claim of mine, and it moves."""
    article = articles.add_article(project, "قال الوزير كلاماً كثيرا أمس.", "one")
    at = article.text.index("كلاما")
    place = appearances.create_claim(project, article.id, at, at + 5, "disputed")
    moved = appearances.move(project, place.id, at, at + 6)
    assert (moved.start, moved.end, moved.quote) == (at, at + 6, "كلاماً")


def test_a_redone_unlink_leaves_the_verdict_a_colleague_gave_its_claim_since(project):
    """Unlink, Undo, then a colleague takes the split claim up again (links words of
    theirs to it and gives it their verdict): Redo puts my words on it with their verdict,
    not the one my words had (which would overwrite theirs, unsaid)."""
    article, first, second = _said_twice(project)
    split = appearances.unlink(project, second.id)
    appearances.link(project, second.id, first.claim_id)  # the Undo
    assert claims.get_claim(project, split.claim_id).is_deleted
    me, project.annotator = project.annotator, "omar"
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    theirs = _tag(project, two, SAID, "unchecked")
    appearances.link(project, theirs.id, split.claim_id)
    claims.update_claim(project, split.claim_id, label="verified")
    project.annotator = me
    redone = appearances.unlink(project, second.id, claim_id=split.claim_id)
    assert redone.claim_id == split.claim_id
    assert claims.get_claim(project, split.claim_id).label == "verified"


def test_undoing_a_move_to_a_claim_a_colleague_moved_the_words_from_names_them(project):
    """My words linked to a claim, then a colleague (merged in) links them to theirs: the
    undo of my link is refused, and the message names the colleague who moved them,
    not me («You moved these words…» read as my own doing)."""
    from store.errors import ChangedSince

    article = articles.add_article(project, f"قال الوزير إن {SAID} أمس. وقال {OTHER}.", "one")
    mine = _tag(project, article, SAID)
    target = _tag(project, article, OTHER, "verified")
    appearances.link_all(project, [(mine.id, target.claim_id)])
    me, project.annotator = project.annotator, "omar"
    two = articles.add_article(project, f"وأكد المدير أن {SAID} خلال الأسبوع.", "two")
    theirs = _tag(project, two, SAID, "unchecked")
    appearances.link(project, mine.id, theirs.claim_id)
    project.annotator = me
    with pytest.raises(ChangedSince, match="omar"):
        appearances.link_all(project, [(mine.id, mine.claim_id)],
                             on={mine.id: target.claim_id})


def test_words_moved_off_a_claim_that_keeps_other_words_go_whatever_its_verdict(project):
    """A step that moves words off a claim which keeps other words deletes nothing: it
    goes ahead though a colleague changed that claim's verdict since (only a claim the
    step would delete, with their verdict, is guarded)."""
    article, first, second = _said_twice(project)
    other = _tag(project, article, "الوزير", "unchecked")
    me, project.annotator = project.annotator, "omar"
    claims.update_claim(project, first.claim_id, label="verified")
    project.annotator = me
    [moved] = appearances.link_all(project, [(second.id, other.claim_id)],
                                   expect={first.claim_id: {"label": "disputed"}})
    assert moved.claim_id == other.claim_id
    assert claims.get_claim(project, first.claim_id).label == "verified"


def test_a_restore_refused_for_words_tagged_again_says_how(project):
    """Words untagged, then tagged again by me: restoring the old claim there is refused,
    and the message says which: the same verdict (only a copy) or another one since."""
    article, first, second = _said_twice(project)
    appearances.delete(project, second.id)
    appearances.create_claim(project, article.id, second.start, second.end, "disputed")
    with pytest.raises(DuplicateClaim, match="You already tagged these words as"):
        appearances.restore(project, second.id)
    appearances.delete(project, first.id)
    appearances.create_claim(project, article.id, first.start, first.end, "verified")
    with pytest.raises(DuplicateClaim, match="tagged again since"):
        appearances.restore(project, first.id)
