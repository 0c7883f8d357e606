"""Arabic text tools: search folding with offsets, terminal display, PDF repair."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from store.text.display import _levels, base_direction, display_for_terminal, is_rtl_text
from store.text.fold import REMOVED, Folded, find_all, fold, fold_query
from store.text.pdf_text import looks_like_visual_pdf_text, needs_repair, repair_pdf_text

PRESENTATION = range(0xFE70, 0xFF00)


def _is_presentation(ch: str) -> bool:
    return 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFE


# --- folding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("مُعَاهَدَةٌ", "معاهده"),  # harakat out, ة → ه
        ("أإآٱا", "ااااا"),  # alef variants
        ("مصطفى", "مصطفي"),  # ى → ي
        ("کتاب ی", "كتاب ي"),  # Persian kaf and yeh
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("الرحمٰن", "الرحمن"),  # superscript alef
        ("كـــبير", "كبير"),  # tatweel
        ("\u200fقال\u061c \u202bنعم\u202c \u2067x\u2069\u200e", "قال نعم x"),
        ("a\u200bb\u200cc\u200dd\u2060e\ufeff", "abcde"),
        ("Reuters EPA", "reuters epa"),
        ("ΟΔΟΣ", "οδοσ"),  # per character: no final-sigma context
        ("İstanbul", "İstanbul"),  # İ lowers to two characters: kept
    ],
)
def test_fold_rules(raw: str, folded: str) -> None:
    assert fold(raw).text == folded


def test_fold_leaves_other_text_alone() -> None:
    text = "ء ك ي ه 😀 ﻻ (EPA) «نعم» 12"
    assert fold(text).text == text.lower()


def test_fold_gives_a_hamza_one_seat_and_figures_their_signs() -> None:
    """مسؤول and مسئول are one word written two ways; «١٢٫٥٪» is «12.5%»."""
    assert fold("مسؤول").text == fold("مسئول").text == "مسءول"
    assert fold("١٢٫٥٪ و١٬٠٠٠").text == "12.5% و1,000"


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("وقعت معاهدة السلام", "معاهده"),
        ("ما يسمى الإتفاق النووي", "الاتفاق"),
        ("في ١٩ يونيو ٢٠٢٤", "2024"),
        ("قال مسئول في الوزارة", "مسؤول"),
        ("ارتفعت ٢٠٪", "20%"),
        ("في ۱۹ يونيو ۲۰۲۴", "2024"),
        ("وكالة EPA للأنباء", "epa"),
    ],
)
def test_issue_examples_are_found(text: str, query: str) -> None:
    hits = find_all(text, query)
    assert len(hits) == 1
    start, end = hits[0]
    assert fold(text[start:end]).text == fold_query(query)


def test_hit_maps_to_exact_offsets_between_emoji() -> None:
    text = "😀 مُعَاهَدَةٌ 😀"
    assert find_all(text, "معاهدة") == [(2, 13)]
    assert text[2:13] == "مُعَاهَدَةٌ"  # the tanween after the last letter is included


def test_span_excludes_removed_characters_outside_the_letters() -> None:
    text = "\u200fـمُعاهدةـَ\u200d!"
    ((start, end),) = find_all(text, "معاهده")
    assert text[start:end] == "مُعاهدة"  # no mark, tatweel, control on either side
    inner = "مـــعـاهدة"
    assert find_all(inner, "معاهده") == [(0, len(inner))]  # tatweel inside is covered


def test_to_original_edges() -> None:
    folded = fold("\u200fاَب\u200f")
    assert folded.text == "اب"
    assert folded.to_original(0, 1) == (1, 3)
    assert folded.to_original(1, 1) == (3, 3)
    assert folded.to_original(2, 2) == (5, 5)
    with pytest.raises(ValueError):
        folded.to_original(1, 3)
    with pytest.raises(ValueError):
        folded.to_original(2, 1)


def test_find_all_is_non_overlapping_and_ignores_blank_queries() -> None:
    assert find_all("ااا اا", "اا") == [(0, 2), (4, 6)]
    assert find_all("نص", "  ") == []
    assert find_all("نص", "\u064e") == []
    assert find_all("قال: معاهدة ", " معاهده ") == [(5, 11)]


def test_folded_article_can_be_searched_repeatedly() -> None:
    folded = fold("أعلنت الحكومةُ أن الحكومة")
    assert isinstance(folded, Folded)
    assert folded.find_all("الحكومه") == [(6, 14), (18, 25)]
    assert folded.find_all("اعلنت") == [(0, 5)]


def test_folding_a_megabyte_finds_every_hit() -> None:
    # Speed is measured by benchmarks/run.py, not asserted here.
    line = "وقّع الرئيسُ «الإتفاقَ» في ١٩ يونيو ٢٠٢٤ (EPA) 😀\u200f\n"
    text = (line * (1_000_000 // len(line) + 1))[:1_000_000]
    folded = fold(text)
    hits = folded.find_all("الاتفاق")
    assert len(hits) == text.count("الإتفاقَ")
    assert all(fold(text[a:b]).text == "الاتفاق" for a, b in hits[:50])


ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
MIXED = (
    ARABIC_LETTERS
    + list("أإآٱىةکی")
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + ["😀", "👍🏽", "🇸🇦"]
    + list(REMOVED)
    + list(" .،()«»AaZz")
)
# Lists, not st.text: the emoji above are several code points each.
mixed_text = st.lists(st.one_of(st.sampled_from(MIXED), st.characters()), max_size=40).map("".join)


@settings(max_examples=1000)
@given(text=mixed_text, data=st.data())
def test_offset_map_bookkeeping(text: str, data: st.DataObject) -> None:
    """Arabic folding never changes the length mapping it reports."""
    folded = fold(text)
    offsets = list(folded.offsets)
    assert len(offsets) == len(folded.text)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))
    assert all(0 <= k < len(text) for k in offsets)
    assert len(text) - len(folded.text) == sum(ch in REMOVED for ch in text)
    assert all(text[k] not in REMOVED for k in offsets)
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    a, b = folded.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    assert fold(text[a:b]).text == folded.text[start:end]


@settings(max_examples=1000, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=mixed_text, data=st.data())
def test_any_piece_of_the_text_finds_itself(text: str, data: st.DataObject) -> None:
    # An article's text is NFC (store.text.clean), as a query is made: «凞» U+FA15, which
    # NFC makes U+51DE, was in no article to find.
    text = unicodedata.normalize("NFC", text)
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    needle = fold_query(text[i:j])
    assume(needle)
    hits = find_all(text, text[i:j])
    assert hits
    # The piece itself, or a hit over it: hits do not overlap, and a typed space finds a
    # double one, so in «a  a a» the piece «a a» at 3 is in the hit «a  a» at 0 (rv148)
    assert any(fold(text[a:b]).text == needle or a < j and i < b for a, b in hits)


@pytest.mark.parametrize("text", ["ءءءءءءءءءءءء \nء", "قال \nالوزير", "a \tb", "a \n\nb",
                                  "a \n \n b"])
def test_a_piece_with_a_space_before_a_line_break_finds_itself(text: str) -> None:
    """The property above, found on CI: a typed space took the line break after it too
    (atomic), and the break in the query then found nothing."""
    assert find_all(text, text) == [(0, len(text))]


@pytest.mark.parametrize("text", ["قال الوزير", "قال الوزير\n"])
@pytest.mark.parametrize("query", ["قال\nالوزير", "قال\tالوزير", "قال \nالوزير",
                                   "قال\r\nالوزير", "قال \r\nالوزير"])
def test_a_query_s_single_break_or_tab_finds_a_space(text: str, query: str) -> None:
    """rv148: «قال\nالوزير» (a PDF's line) found nothing; «قال \nالوزير» found the words in
    a text with a line break elsewhere only; «قال\r\nالوزير» (a Windows program's) never."""
    assert find_all(text, query) == [(0, 10)]


# --- terminal display ------------------------------------------------------


def _arabic_to_base(visual: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", ch) if _is_presentation(ch) else ch for ch in visual
    )


def test_brackets_face_the_right_way() -> None:
    visual = display_for_terminal("بيونغ يانغ (EPA)")
    assert visual.startswith("(EPA) ")
    assert ")EPA(" not in visual


def test_guillemets_and_square_brackets_are_mirrored_in_rtl_runs() -> None:
    visual = display_for_terminal("قال: «نعم» [1]")
    assert visual.startswith("[1] «")
    assert _arabic_to_base(visual) == "[1] «معن» :لاق"


def test_brackets_in_ltr_text_are_not_mirrored() -> None:
    assert display_for_terminal("abc (عربي) def") == "abc (ﻲﺑﺮﻋ) def"


def test_numbers_and_latin_keep_their_order() -> None:
    visual = display_for_terminal("وقع الرئيس اتفاقا مع Reuters في 19 يونيو 2024")
    assert "2024" in visual and "4202" not in visual
    assert "19" in visual and "91" not in visual
    assert "Reuters" in visual
    assert visual.index("2024") < visual.index("19") < visual.index("Reuters")


def test_arabic_is_shaped_and_reversed() -> None:
    visual = display_for_terminal("بيونغ يانغ")
    assert any(ord(ch) in PRESENTATION for ch in visual)
    assert not any("\u0621" <= ch <= "\u064a" for ch in visual)
    assert _arabic_to_base(visual) == "غناي غنويب"
    assert visual[-1] == "\ufe91"  # initial beh: the first letter ends up rightmost


def test_harakat_follow_their_letter() -> None:
    visual = display_for_terminal("مُعَاهَدَةٌ")
    assert not unicodedata.combining(visual[0])
    assert visual.endswith("\ufee3\u064f")  # initial meem, then its damma


def test_each_line_has_its_own_direction() -> None:
    assert display_for_terminal("بيونغ (EPA)\nPyongyang (EPA)\n") == (
        "(EPA) ﻎﻧﻮﻴﺑ\nPyongyang (EPA)\n"
    )


@settings(max_examples=300)
@given(
    st.text(
        st.sampled_from(ARABIC_LETTERS + list(" 0123456789٠١٢٣abcXYZ.,:-+\t\u2067\u2069")),
        max_size=40,
    )
)
def test_ordering_matches_python_bidi_where_nothing_mirrors(text: str) -> None:
    """Our reordering must agree with the reference engine except for rule L4."""
    assert display_for_terminal(text) == get_display(arabic_reshaper.reshape(text))


def test_levels_are_readable_from_python_bidi() -> None:
    """If python-bidi changes its debug format, this fails before users see )EPA(."""
    assert _levels("ب (EPA)", None) == [1, 1, 1, 2, 2, 2, 1]
    assert MIRRORED["("] == ")" and MIRRORED["«"] == "»"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("عربي abc", "rtl"),
        ("«قال» EPA", "rtl"),
        ("abc عربي", "ltr"),
        ("2024 عربي", "rtl"),
        ("2024", "ltr"),
        ("", "ltr"),
    ],
)
def test_base_direction(text: str, direction: str) -> None:
    assert base_direction(text) == direction
    assert is_rtl_text(text) is (direction == "rtl")


# --- PDF repair ------------------------------------------------------------

ROUND_TRIP = [
    "وقع الرئيس اتفاقا في 19 يونيو 2024 (EPA)",
    "بيونغ يانغ (EPA)",
    "السلام عليكم لا إله إلا الله",  # lam-alef and Allah ligatures
    "مُعَاهَدَةٌ في ١٩ يونيو ٢٠٢٤",
    "قال: «نعم» [1] وكالة Reuters",
]


@pytest.mark.parametrize("logical", ROUND_TRIP)
def test_pdf_text_round_trips_to_logical_order(logical: str) -> None:
    visual = display_for_terminal(logical)
    assert looks_like_visual_pdf_text(visual)
    assert repair_pdf_text(visual) == logical


def test_repair_works_line_by_line() -> None:
    logical = "\n".join(ROUND_TRIP) + "\nReuters, 2024\n"
    assert repair_pdf_text(display_for_terminal(logical)) == logical


def test_repair_leaves_logical_and_ltr_lines_alone() -> None:
    text = "عربي (EPA) 2024\nplain English (EPA)\n19 2024"
    assert repair_pdf_text(text) == text


def test_repair_keeps_logical_presentation_forms_in_their_order() -> None:
    """rv75: pdftotext (and Evince, Okular) give a visual-order PDF's text back in
    logical order, still in presentation forms, in RLE ... PDF: the repair reversed
    every line. Its words are unshaped in their order, the embeddings dropped."""
    assert repair_pdf_text("\u202b\ufedb\ufe98\ufe8e\ufe8f \ufe9f\ufeaa\ufef3\ufeaa\u202c"
                           ) == "كتاب جديد"
    assert repair_pdf_text("\ufefb \ufe83\ufea3\ufeaa \ufef3\ufecc\ufee0\ufee2") == "لا أحد يعلم"


def test_repair_reads_pdftotext_raw_words_each_embedded_in_visual_order() -> None:
    """rv75: `pdftotext -raw` keeps a PDF's words in visual order, each word's letters in
    logical order in an RLE ... PDF of its own: read as logical, the words stayed
    reversed; read as visual, each word was."""
    raw = "\u202b\ufe91\ufecc\ufeaa\u202c 2024 \u202b\ufecb\ufe8e\ufee1\u202c"
    assert repair_pdf_text(raw) == "عام 2024 بعد"
    # One Arabic word and a figure (what pdftotext -raw writes for «عام 2024», «صفحة 5»):
    # read as logical, the figure went to the other side, «2024 عام» (rv174).
    assert repair_pdf_text("2024 \u202b\ufecb\ufe8e\ufee1\u202c") == "عام 2024"
    assert repair_pdf_text("5 \u202b\ufebb\ufed4\ufea4\ufe94\u202c") == "صفحة 5"


def test_repair_puts_harakat_a_pdf_gives_before_their_letters_back_on_them() -> None:
    """rv75: a PDF's right-to-left glyphs hold each haraka before its letter (HarfBuzz's
    order, and python-bidi's display): «كِتَابٌ» came back «كتِاَبٌ», and a word's
    marks went over a space to the next word. The terminal's display (a mark after its
    letter) is repaired as before."""
    keeping = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    for logical in ("كِتَابٌ", "إِنَّ الْحُكُومَةَ قَرَّرَتْ رَفْعَ الأَسْعَارِ.", "لَا إِلَٰهَ"):
        shaped = get_display(keeping.reshape(logical))
        assert repair_pdf_text(shaped) == unicodedata.normalize("NFKC", logical), logical
        assert repair_pdf_text(display_for_terminal(logical)) == logical
    assert repair_pdf_text("\u064c\ufe8f\ufe8e\u064e\ufe98\u0650\ufedb") == "كِتَابٌ"
    # rv77: in a line pdftotext gave back in logical order too
    logical = "قال لِأَنَّ الْأَرْضَ واسعة"
    assert unicodedata.normalize("NFKC", repair_pdf_text(keeping.reshape(logical))) == \
        unicodedata.normalize("NFKC", logical)


def test_one_paragraph_copied_out_of_a_pdf_asks_for_the_repair() -> None:
    """rv75: a PDF's paragraph pasted between typed ones was stored as presentation
    forms, unsearchable: the text as a whole was mostly plain letters, and no repair
    was offered. A paragraph of its own asks for it; a stray ligature does not."""
    typed = "قال الوزير إن الحكومة قررت رفع الأسعار في الربع الأول من العام.\n"
    broken = display_for_terminal("ارتفع التضخم في عام 2024")
    assert needs_repair(typed * 3 + broken)
    assert not needs_repair(typed * 3 + "قال النبي محمد \ufdfa في الحديث")
    assert repair_pdf_text(typed + broken) == typed + "ارتفع التضخم في عام 2024"


def test_repair_leaves_a_logical_line_with_a_stray_ligature_alone() -> None:
    visual = display_for_terminal("وقع الرئيس اتفاقا مع كيم")
    logical = "قال النبي محمد \ufdfa في الحديث"
    assert repair_pdf_text(visual + "\n" + logical) == "وقع الرئيس اتفاقا مع كيم\n" + logical


def test_repair_reorders_rtl_lines_without_letters() -> None:
    assert display_for_terminal("19 ؟") == "؟ 19"
    assert repair_pdf_text("؟ 19") == "19 ؟"


def test_repair_normalises_only_presentation_forms() -> None:
    repaired = repair_pdf_text(display_for_terminal("قال x² و ｆｕｌｌ"))
    assert "x²" in repaired and "ｆｕｌｌ" in repaired
    assert "\ufefb" not in repair_pdf_text("ﻻ")  # lam-alef ligature becomes two letters
    assert repair_pdf_text("ﻻ") == "لا"


def test_looks_like_visual_pdf_text() -> None:
    assert not looks_like_visual_pdf_text("وقع الرئيس اتفاقا ﷺ")
    assert not looks_like_visual_pdf_text("English only (EPA)")
    assert not looks_like_visual_pdf_text("")
    assert looks_like_visual_pdf_text("(EPA) ﻎﻧﺎﻳ ﻎﻧﻮﻴﺑ")


ARABIC_LINE_WORDS = [
    "معاهدة",
    "الإتفاق",
    "مُعَاهَدَةٌ",
    "لا",
    "الله",
    "في",
    "19",
    "2024",
    "19.5",
    "19/6/2024",
    "٢٠٢٤",
    "(١٩)",
    "(19)",
    "[1]",
    "(معاهدة)",
    "«نعم»",
    ":",
    "،",
    "؟",
    "!",
    "-",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(ARABIC_LINE_WORDS), min_size=1, max_size=8))
def test_arabic_lines_with_numbers_and_brackets_round_trip(words: list[str]) -> None:
    # A line with no letter at all has no direction of its own to recover.
    assume(any(base_direction(w) == "rtl" and any(c.isalpha() for c in w) for w in words))
    logical = " ".join(words)
    assert repair_pdf_text(display_for_terminal(logical)) == logical


def test_known_limit_numbers_next_to_latin() -> None:
    """Visual order cannot tell which side of a Latin word a number was typed on.

    The repaired line is a faithful reading of the PDF line, not the original.
    """
    logical = "قال (EPA) 2024 19"
    repaired = repair_pdf_text(display_for_terminal(logical))
    assert repaired == "قال (EPA) 19 2024"


@pytest.mark.parametrize("emoji", ["👍🏽", "👨\u200d👩\u200d👧", "🇸🇾", "🏴\U000e0067\U000e0062"
                                   "\U000e0065\U000e006e\U000e0067\U000e007f", "😀"])
def test_the_terminal_keeps_an_emoji_of_several_characters_whole(emoji):
    """«👍🏽» came out as «🏽👍» in an Arabic line, a family's people apart and their
    joiners dropped: each emoji stays whole and in its place between the words."""
    shown = display_for_terminal(f"قال {emoji} الوزير")
    assert shown.count(emoji) == 1
    before, after = shown.split(f" {emoji} ")
    assert display_for_terminal("الوزير") == before and display_for_terminal("قال") == after


@pytest.mark.parametrize("line", ["قال 🇸🇾 Syria", "نعم 🇸🇾🇪🇬 لا", "قال الوزير 🇸🇾 2024"])
def test_the_terminal_orders_a_flag_as_the_left_to_right_letters_it_is_made_of(line):
    """rv178: a flag (two regional indicators, class L) was stood in for by a neutral box
    drawing while the line was reordered: «قال 🇸🇾 Syria» came out «Syria 🇸🇾 ﻝﺎﻗ», two flags
    side by side swapped. The bidi algorithm on the line as it is orders it so."""
    assert display_for_terminal(line) == get_display(arabic_reshaper.reshape(line))


def test_a_tanween_on_the_alef_of_a_lam_alef_stays_there() -> None:
    """rv80: rv77 gave a plain lam-alef's marks all to the lam: «أولاً», «مثلاً» (pdftotext's
    logical order, which was right before) came back «أولًا», «مثلًا»."""
    keeping = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    for logical in ("قال أولاً إن الوضع مستقر مثلاً", "لَا أحد يعلم"):
        assert unicodedata.normalize("NFKC", repair_pdf_text(keeping.reshape(logical))) == \
            unicodedata.normalize("NFKC", logical), logical

def test_a_left_to_right_line_quoting_arabic_words_from_pdftotext_raw_keeps_its_order():
    """rv80: `pdftotext -raw` of a PDF whose text layer is presentation forms (fpdf2, poppler
    22): an English line with two Arabic words, each in its own RLE ... PDF, came back
    «.appear in the text حرب and سلام The words»."""
    line = "The words \u202b\ufeb3\ufefc\ufee1\u202c and \u202b\ufea3\ufeae\ufe8f\u202c " \
           "appear in the text."
    arabic = "\u202b\ufe8d\ufedf\ufecc\ufe8e\ufee1\u202c \u202b\ufeeb\ufeac\ufe8d\u202c " \
             "\u202b\ufed7\ufe8e\ufedd\u202c"
    assert repair_pdf_text(arabic + "\n" + line) == \
        "قال هذا العام\nThe words سلام and حرب appear in the text."


def test_words_apart_by_another_kind_of_space_are_found_as_typed():
    """A no-break space (a word processor's «5 %»), French's narrow one and a thin space
    parted words that Ctrl+F, Tag All and `tag --quote` then missed when typed with the
    space bar, though project search found them (rv95). They fold to a space."""
    from store.core.appearances import quote_spans
    from store.text.fold import find_like

    text = ("قال وزير الدفاع ثم عاد وزير\u00a0الدفاع وأكد وزير\u2009الدفاع. "
            "Le déficit atteindra 5\u202f% en 2024.")
    folded = fold(text)
    start = text.index("وزير الدفاع")
    assert [text[a:b] for a, b in find_like(folded, start, start + len("وزير الدفاع"))] == [
        "وزير الدفاع", "وزير\u00a0الدفاع", "وزير\u2009الدفاع"]
    assert [text[a:b] for a, b in folded.find_all("وزير\u00a0الدفاع")] == [
        "وزير الدفاع", "وزير\u00a0الدفاع", "وزير\u2009الدفاع"]
    assert [text[a:b] for a, b in quote_spans(text, "5 % en 2024")] == ["5\u202f% en 2024"]
    assert len(folded.text) == len(text)  # one to one: offsets are unchanged


def test_a_query_typed_decomposed_finds_the_composed_text():
    """«Élysée» typed as E and a combining accent found nothing with Ctrl+F, where project
    search composed it (rv95)."""
    text = "Selon le communiqué de l’Élysée, la baisse continue."
    typed = unicodedata.normalize("NFD", "l’Élysée")
    assert typed != "l’Élysée"
    assert [text[a:b] for a, b in find_all(text, typed)] == ["l’Élysée"]
    assert fold_query(typed) == fold_query("l’Élysée")


def test_a_stray_lam_alef_form_is_written_as_its_letters_and_found(project):
    """Some keyboards and CMSs write «لا» as the one presentation form «ﻻ»: no search,
    Find, quote or known claim written «لا» found it (rv101). Typed among logical letters,
    a form is written as its letters, and said; a PDF's visual line keeps its forms
    (unshaped where they stand, its letters would be backwards), and «ﷺ» is a phrase."""
    from store.core import search
    from store.exchange.importing import import_text
    from store.text.clean import clean_text

    outcome = import_text(project, "خبر\nقال إنه ﻻ يوجد أي دليل على ذلك ﷺ.\n", title="t")
    assert "قال إنه لا يوجد" in outcome.article.text and "ﷺ" in outcome.article.text
    assert any("presentation form" in change for change in outcome.changes)
    assert [h.kind for h in search.search(project, "لا يوجد")] == ["article"]
    visual = "ﺔﻳﺮﻜﺴﻌﻟﺍ ﺕﺍﺪﻋﺎﺴﻤﻟﺍ ﻻ"  # (a PDF's visual line, its repair declined)
    assert clean_text(visual).text == visual
