"""What mutation testing of the text display helpers found untested (rv178): the
terminal's Arabic (store.text.display), a quote found again (store.text.anchoring) and
search's hits in unfolded text (store.text.unfolded_find, store.text.word_starts)."""

from __future__ import annotations

import pytest

from store.exchange.packet_html import _paragraphs
from store.text.anchoring import locate, occurrences
from store.text.display import (
    among_words,
    by_name,
    display_for_terminal,
    has_letters,
    isolated,
    isolated_name,
)
from store.text.unfolded_find import UnfoldedTerm
from store.text.word_starts import find_spans

# --- store.text.display: direction helpers ---------------------------------------------


def test_an_english_line_of_a_note_in_an_arabic_packet_reads_left_to_right():
    """A line of Latin letters only has a direction of its own: given the page's (rtl),
    «Source: Reuters» was laid out right to left, its colon at the wrong end."""
    assert has_letters("Source: Reuters")
    assert ('<div dir="ltr" style="white-space:pre-wrap">Source: Reuters</div>'
            in _paragraphs("Source: Reuters", "rtl"))
    assert not has_letters("19 / 2024 ...")


def test_a_right_to_left_override_in_a_name_is_dropped_with_the_other_controls():
    """A name holding U+202E (RLO) turned the words after it backwards; every one of the
    embedding, override and isolate controls is taken out, the last of each range too."""
    for control in ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                    "\u2066", "\u2067", "\u2068", "\u2069"):
        assert isolated(f"omar{control}x") == "\u2068omarx\u2069", repr(control)


def test_a_cleaned_text_isolated_whole_keeps_its_own_isolates_paired():
    """A review comment's isolates are kept inside the isolate around it (a phone number
    in LRI…PDI read «123 50 966+» once they were dropped, rv263): one left open is closed
    before the outer PDI (at its paragraph's end, as UAX #9 ends it), a PDI closing none
    is dropped, as it would close the outer one; an embedding left from before the
    cleaning is dropped as isolated() drops it."""
    from store.text.display import isolated_whole

    assert isolated_whole("on \u2066+966 50\u2069 now") == "\u2068on \u2066+966 50\u2069 now\u2069"
    assert isolated_whole("a\u2069 \u2067b \u2068c") == "\u2068a \u2067b \u2068c\u2069\u2069\u2069"
    assert isolated_whole("\u2066a\nb\u2069\u202e", "\u2066") == "\u2066\u2066a\u2069\nb\u2069"


def test_a_name_holding_a_line_break_is_shown_on_one_line():
    assert isolated_name("Sara\nAhmed \t Ali") == "\u2068Sara Ahmed Ali\u2069"


def test_a_plain_ascii_file_name_is_left_as_it_is_among_the_interfaces_words():
    """Nothing reorders ASCII: isolates around it only put invisible characters into a
    window title a screen reader then reads and a copy carries."""
    assert among_words("election-2026.tahqiq") == "election-2026.tahqiq"
    assert among_words("الانتخابات.tahqiq") == "\u2068الانتخابات.tahqiq\u2069"
    assert among_words("week 12.tahqiq") == "week 12.tahqiq"  # (its 12 after a letter)


@pytest.mark.parametrize("name", ["2026-06.tahqiq", "12 june.tahqiq", ".hidden.tahqiq",
                                  "notes!", "draft 2026-06-", "tab\there.tahqiq"])
def test_an_ascii_file_name_a_right_to_left_line_reorders_is_set_apart(name):
    """rv276: in an Arabic line «2026-06.tahqiq» read «tahqiq.06-2026», «12 june.tahqiq»
    «june.tahqiq 12»: digits or signs at a name's ends, or a tab in it, take the line's
    direction."""
    assert among_words(name) == f"\u2068{name}\u2069"


# --- store.text.anchoring ---------------------------------------------------------------


def test_a_repeated_quote_overlapping_its_twin_is_found_in_its_own_place():
    """«ha ha» in «ha ha ha»: the second, overlapping the first, is the claim's (its prefix
    says so); looking only for occurrences that do not overlap never saw it."""
    assert occurrences("ha ha ha", "ha ha") == [0, 3]
    assert locate("ha ha ha", "ha ha", prefix="ha ", suffix="") == 3
    assert occurrences("ههههه", "ههه") == [0, 1, 2]


# --- store.text.display: the terminal ---------------------------------------------------


@pytest.mark.parametrize("emoji", ["☝🏽", "✌🏿", "❤️\u200d🔥", "🇵🇸", "👍🏽"])
def test_an_emoji_of_the_first_plane_with_a_skin_tone_stays_whole_in_an_arabic_line(emoji):
    """«☝🏽» (U+261D, a pictograph of the first plane, and a skin tone) came out «🏽☝»
    in a right-to-left line, as «👍🏽» did."""
    shown = display_for_terminal(f"قال {emoji} الوزير")
    assert shown.count(emoji) == 1, shown
    before, after = shown.split(f" {emoji} ")
    assert display_for_terminal("الوزير") == before and display_for_terminal("قال") == after


def test_a_whole_word_quote_is_found_after_a_clitic_put_before_it():
    """«الحكومة» stood alone; an edit made it «والحكومة»: still the word, after «و»."""
    assert locate("قالت والحكومة", "الحكومة", prefix=" ", suffix="") == 6


def test_a_whole_word_quote_is_not_found_at_the_end_of_another_word():
    """«كومة» after a space is not the end of «الحكومة», whose «ل» is no clitic there."""
    assert locate("قالت الحكومة", "كومة", prefix=" ", suffix="") is None


def test_a_number_that_ended_is_not_found_at_the_start_of_a_longer_one():
    """«24» followed by a space is not the start of «245», in the text or at its end."""
    assert locate("عدد 245 اليوم", "24", prefix="عدد ", suffix=" اليوم") is None
    assert locate("عدد 245", "24", prefix="عدد ", suffix=" ") is None
    assert locate("عدد 24", "24", prefix="عدد ", suffix=" ") == 4


def test_the_words_after_a_repeated_quote_choose_its_place():
    """«قال» twice, the same before each: the stored words after it pick the second."""
    assert locate("قال نعم. قال لا.", "قال", prefix="", suffix=" لا") == 9


def test_words_right_after_what_an_edit_rewrote_still_touch_it():
    """An edit rewrote «abcd »; the claim's «efgh» starts where the rewrite ends, and is
    found there (the same words elsewhere are not what the edit wrote)."""
    assert locate("abcd efgh", "efgh", prefix="", suffix="", within=(0, 5)) == 5
    assert locate("abcd efgh xy efgh", "efgh", prefix="", suffix="", within=(14, 17)) == 13


def test_no_words_are_found_nowhere():
    assert locate("abc", "", hint=1) is None


def test_a_line_holding_box_drawing_keeps_it_beside_an_emoji():
    """The stand-ins are box-drawing characters: a line holding one of its own, the first
    («─») included, is converted as it is, not given an emoji in its place."""
    shown = display_for_terminal("قال ─ 👍🏽 نعم")
    assert "─" in shown and shown.count("👍🏽") <= 1


def test_a_keycap_stays_whole_in_an_arabic_line():
    """«#️⃣»: the enclosing keycap (a mark of its own kind, Me) stays after its sign."""
    shown = display_for_terminal("اضغط #️⃣ الآن")
    assert "#\ufe0f\u20e3" in shown, shown


def test_a_trailing_space_of_an_arabic_line_is_at_its_left_end():
    """Rule L1: the space ending a right-to-left line takes the paragraph's direction."""
    assert display_for_terminal("قال ") == " ﻝﺎﻗ"
    assert display_for_terminal("قال\t") == "\tﻝﺎﻗ"


def test_an_accented_name_sorts_by_its_letters():
    """«Émilie» before «Eva», as a reader looks names up (its accent does not count)."""
    assert sorted(["Eva", "Émilie", "Zoé", "amal"], key=by_name) == \
        ["amal", "Émilie", "Eva", "Zoé"]
    assert by_name("Émilie")[0] == "emilie"


# --- store.text.unfolded_find -----------------------------------------------------------


def test_search_hits_do_not_overlap_when_looked_for_from_a_later_letter():
    """«ات.ا» is looked for from its «ت» (the alef stands for five characters); the
    second «ت» of «ات.ات.ا» would make a hit starting inside the first one's last letter.
    Hits do not overlap, as in the folded text."""
    assert UnfoldedTerm("ات.ا").spans("ات.ات.ا") == [(0, 4)]


# --- store.text.word_starts -------------------------------------------------------------


def test_a_word_after_four_clitic_letters_at_the_start_of_a_text_is_found():
    """«وبالحكومه» opening a text: the start of the text is a break before «وبال», the
    longest clitics (a title or a cell's first word)."""
    assert list(find_spans("حكومه", "وبالحكومه")) == [(4, 9)]
    assert list(find_spans("حكومه", "xوبالحكومه")) == []
