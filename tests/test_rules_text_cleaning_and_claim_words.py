"""How text is cleaned and words are judged, each rule guarded against the mistake that
would break it unseen: an imported article's text (store/text/clean.py: line ends,
invisible characters, boilerplate at the edges), a claim's words as matching keys them
(store/text/claim_words.py: figures, stems, negations, trimming), a word processor's list
numbers (store/exchange/list_numbers.py), an article's language (store/text/language.py)
and which code page reads as Arabic (store/text/plausibility.py). Each test fails under at
least one small change to those modules (an off-by-one, a dropped strip, a negated
branch) that the rest of the suite let pass (rv168's mutation review)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_word_documents import item, lvl, numbered, odt

from store.exchange import importing
from store.exchange.list_numbers import number
from store.text.clean import clean_text
from store.text.language import detect_language

# -- store/exchange/list_numbers.py ------------------------------------------------------
RESTART_AT_5 = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'


def test_a_word_list_in_arabic_alphabetical_order_counts_alif_ba_ta():
    """Word's «arabicAlpha» counts أ ب ت ث (the alphabet), not أ ب ج د (abjad, its
    «arabicAbjad»): a statement's «ت) …» came in as «ج) …» and was not found."""
    assert numbered(lvl(0, "arabicAlpha", "%1)"), ("1", "0", "س"), ("1", "0", "ص"),
                    ("1", "0", "ع")) == "أ) س\nب) ص\nت) ع"
    assert number(4, "أ, ب, ت, ...") == "ث"  # (OpenDocument's name for it)


def test_a_symbol_fonts_unknown_bullet_is_drawn_as_a_bullet():
    """A bullet from a symbol font's private-use area that Tahqiq has no look-alike for is
    a «•», not an invisible private-use character left in the article's text."""
    assert numbered(lvl(0, "bullet", "\uf0e8"), ("1", "0", "x")) == "• x"


def test_a_lists_start_override_begins_it_once_and_it_counts_on():
    """Word's «restart at 5» (a startOverride) begins the list at 5 once: the next item
    is 6, not 5 again (every item of a restarted list read «5.»)."""
    assert numbered(lvl(0, "decimal", "%1."), ("2", "0", "a"), ("2", "0", "b"),
                    overrides=RESTART_AT_5) == "5. a\n6. b"


def test_two_numberings_of_one_list_without_a_restart_count_on_together():
    """Two w:num of one abstract list, the second with no override (what Word writes for
    a list continued after other paragraphs), count as one list: «1.», then «2.»."""
    assert numbered(lvl(0, "decimal", "%1."), ("1", "0", "a"), ("", "", "p"),
                    ("2", "0", "b")) == "1. a\np\n2. b"


def test_a_lettered_level_counted_from_zero_shows_its_zero_and_roman_stops_at_3999():
    """A lettered level started at 0 (no ``w:start``: ECMA-376's 0) shows «0», then «a»;
    a number roman numerals do not write (4000 and over) is written in digits."""
    levels = ('<w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>'
              "</w:lvl>")
    assert numbered(levels, ("1", "0", "x"), ("1", "0", "y")) == "0) x\na) y"
    assert (number(3999, "upperRoman"), number(4000, "upperRoman")) == ("MMMCMXCIX", "4000")


def test_an_odt_lists_tenth_level_is_numbered_with_all_ten():
    """OpenDocument has ten levels: the tenth is counted («%10» replaced whole, not read
    as «%1» and a 0), and shows every level above it when told to."""
    levels = "".join(f'<text:list-level-style-number text:level="{n}" style:num-format="1" '
                     f'text:display-levels="{n}"/>' for n in range(1, 11))
    inner = item("J") + item("K")
    for name in "IHGFEDCBA":
        inner = item(name, f"<text:list>{inner}</text:list>")
    lines = odt(f'<text:list-style style:name="L1">{levels}</text:list-style>',
                f'<text:list text:style-name="L1">{inner}</text:list>').splitlines()
    assert lines[-3:] == ["1.1.1.1.1.1.1.1.1 I", "1.1.1.1.1.1.1.1.1.1 J",
                          "1.1.1.1.1.1.1.1.1.2 K"]


def test_an_odt_level_showing_more_levels_than_it_has_shows_its_own():
    """A first level that says it displays three levels has only itself to show: «1.»,
    not «%0.%-1.1.» left half-replaced."""
    wide = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
            'style:num-format="1" style:num-suffix="." text:display-levels="3"/>'
            "</text:list-style>")
    assert odt(wide, f'<text:list text:style-name="L1">{item("x")}{item("y")}</text:list>') \
        == "1. x\n2. y"


def test_a_paragraphs_own_numbering_outranks_its_styles():
    """A heading style numbers its paragraphs «1.»; a paragraph of that style with a list
    of its own is numbered by its own (Word's «A)»), and one whose own numId is 0 is not
    numbered at all."""
    from test_word_documents import docx, r, text_of

    numbering = ('<w:ROOT><w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.")
                 + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
                 + lvl(0, "upperLetter", "%1)") + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:ROOT>')
    styles = ('<w:ROOT><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:ROOT>')

    def heading(text: str, num: str = "") -> str:
        own = (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
               if num else "")
        return f'<w:p><w:pPr><w:pStyle w:val="Heading1"/>{own}</w:pPr>{r(text)}</w:p>'

    body = heading("Intro") + heading("Own", "2") + heading("None", "0")
    assert text_of(docx(body, parts={"word/numbering.xml": numbering,
                                     "word/styles.xml": styles})) == "1. Intro\nA) Own\nNone"


# -- store/text/language.py --------------------------------------------------------------
def test_a_short_urdu_headline_with_two_letters_arabic_lacks_is_urdu():
    """Two of the letters only Urdu writes (ے ہ) make a short text Urdu: it was taken
    for Persian, whose letters (ی ک) Urdu shares."""
    assert detect_language("وزیر اعظم نے کہا") == "ur"


def test_a_headline_with_one_and_a_half_common_words_is_english():
    """«the» and «in» (shared with Dutch) weigh 1.5 for English, the least that names
    a language: a short English headline says so."""
    assert detect_language("Putin in Pyongyang: the treaty signed") == "en"


def test_an_even_mix_of_two_latin_languages_is_no_language():
    """English and Dutch sentences weighing the same name neither: not the first in the
    table."""
    assert detect_language("The report is out. Het rapport is uit.") == ""


def test_words_several_languages_share_are_shared_out():
    """«la» and «de» count a third and a quarter for each of their languages, so a
    French sentence full of them is French (counted whole for each, it was no language)."""
    assert detect_language("La France et la Belgique de la région") == "fr"


# -- store/text/plausibility.py ----------------------------------------------------------
def test_a_latin_word_before_a_space_is_no_sign_of_a_wrong_code_page():
    """Only a Latin letter glued to an Arabic one is the sign of a wrong code page: a
    Windows-1256 text that opens with «café» and a space reads as Windows-1256, with no
    ISO-8859-6 reading offered beside it."""
    decoded = importing.decode_bytes("café ثم زار".encode("cp1256"))
    assert (decoded.encoding, decoded.alternative) == ("cp1256", "")


# -- store/text/claim_words.py -----------------------------------------------------------
def offered(claim: str, text: str) -> list[str]:
    """The words of *text* offered for the known claim *claim*."""
    from store.text.matching import ClaimIndex, KnownClaim

    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk")])
    return [text[hit.start:hit.end] for hit in index.find(text)]


def test_the_dash_of_a_range_is_no_minus():
    """«3-5%» is a range, not «3» and «-5»: a sentence giving it is not offered for a
    claim of a fall of 5% (-5%)."""
    assert offered("exports changed by -5% in 2023",
                   "Officials said exports changed by 3-5% in 2023, as feared.") == []
    assert offered("exports changed by -5% in 2023",
                   "Officials said exports changed by -5% in 2023, as feared.") == [
        "exports changed by -5% in 2023"]


def test_a_figure_with_thousands_and_a_decimal_is_the_figure_written_plainly():
    """«1,234.5» is 1234.5: a claim written «1234.5» is found where the article writes
    the thousands with a comma."""
    text = "The minister said debt reached 1,234.5 million dollars last year."
    assert offered("debt reached 1234.5 million dollars", text) == [
        "debt reached 1,234.5 million dollars"]


def test_a_figure_in_groups_of_other_lengths_is_kept_as_written_commas_as_points():
    """«1,50,000» (grouped by twos) is neither thousands nor a decimal: kept as written,
    its commas as points, so it is the same figure as «1.50.000»."""
    from store.text.claim_words import number_key

    assert number_key("1,50,000") == number_key("1.50.000") == "1.50.000"


def test_a_number_word_after_and_is_a_number():
    """«وخمسة» is «and five»: a sentence saying «وستة» (and six) in its place is not
    offered for the claim."""
    assert offered("اعتقلت الشرطة ثلاثة صحفيين وخمسة ناشطين في العاصمة",
                   "وقالت المصادر إن الشرطة اعتقلت ثلاثة صحفيين وستة ناشطين في العاصمة أمس."
                   ) == []


def test_a_month_or_a_year_said_without_a_figure_is_no_duration():
    """«في شهر رمضان» is a month of the calendar, no count of months: the sentence
    stating the claim with a figure of its own after it is still offered."""
    assert offered("ارتفعت أسعار الخبز في شهر رمضان",
                   "وقال التقرير إن أسعار الخبز ارتفعت في رمضان بنسبة 20% عن العام الماضي.") \
        == ["أسعار الخبز ارتفعت في رمضان"]


def test_a_dual_in_taan_is_two():
    """«ساعتان» (two hours, the nominative dual) is 2 as «ساعتين» is: a sentence of
    three hours is not offered for it."""
    assert offered("استمر الاجتماع في القصر ساعتان كاملتان",
                   "وقال المتحدث إن الاجتماع في القصر استمر ثلاث ساعات كاملة.") == []


def test_a_five_letter_word_in_taan_is_no_dual():
    """«فستان» (a dress) and «بستان» (a garden) end as a dual does, and are no «2»: the
    dual is read in words of six letters or more («ساعتان»)."""
    from store.text.claim_words import numbers_in
    from store.text.fold import fold

    assert numbers_in([fold("فستان").text, fold("بستان").text]) == set()
    assert numbers_in([fold("ساعتان").text]) == {"2"}


def test_the_opposite_verb_after_and_is_still_the_opposite():
    """«وارتفعت» (and rose) says the opposite of a claim that prices fell."""
    assert offered("انخفضت أسعار النفط بشكل حاد",
                   "وقال التقرير إن الدولار استقر وارتفعت أسعار النفط بشكل حاد هذا الأسبوع."
                   ) == []


def test_a_claim_that_takes_both_sides_has_no_opposite():
    """A claim that prices rose and then fell opposes neither word: its own sentence,
    reordered, is offered (it was halved for its own «انخفضت»)."""
    assert offered("ارتفعت الصادرات في مارس ثم انخفضت في أبريل",
                   "وقالت الوزارة إن الصادرات ارتفعت في مارس ثم انخفضت في أبريل.") == [
        "الصادرات ارتفعت في مارس ثم انخفضت في أبريل"]


def key(word: str) -> str | None:
    from store.text.claim_words import key_of
    from store.text.fold import fold

    return key_of(fold(word).text)


def test_a_two_letter_stem_keeps_its_article_off():
    """«اليد» is «يد» (hand) with its article: the claim's «في اليد» is found where the
    article says «في يد»."""
    assert key("اليد") == key("يد")
    assert offered("أصيب الجندي في اليد خلال المعركة",
                   "وقالوا إن الجندي أصيب في يد خلال المعركة.") == [
        "الجندي أصيب في يد خلال المعركة"]


def test_a_suffix_leaves_three_letters_at_least():
    """A suffix is taken off only where three letters stay: «زيت» (oil) is not «زي»
    (dress), nor «بنت» (girl) «بن» (son of)."""
    assert key("زيت") != key("زي")
    assert key("بنت") != key("بن")


def test_english_plurals_and_verbs_keep_their_stems():
    """«ties» is «tie» (not «ty»), «discusses» is «discuss», and a word ending in «ss»
    keeps it («discuss», «press»); «used» is not «us»."""
    assert key("ties") == key("tie") == "tie"
    assert key("discusses") == key("discuss") == "discuss"
    assert key("press") == "press"
    assert key("used") != key("us")


def test_a_particle_behind_a_conjunction_is_a_stop_word():
    """«وعلى», «فإن»: a particle behind «و» or «ف» carries no claim, as the particle
    alone does not."""
    assert key("وعلى") is None
    assert key("فإن") is None


def keys_in(text: str, claims: str) -> list[str | None]:
    """The keys of *text*'s words, resolved against the words of *claims*."""
    from store.text.claim_words import key_words
    from store.text.fold import fold

    def words(s: str) -> list[str]:
        return [fold(w).text for w in s.split()]

    vocabulary = frozenset(k for k in key_words(words(claims)) if k)
    return key_words(words(text), vocabulary)


def test_two_proclitics_are_taken_off_to_find_the_claims_word():
    """«وبكوريا» (and with Korea) is the claims' «كوريا»; a particle behind a proclitic
    («بهذا») is a stop word, not a word the claims lack."""
    assert keys_in("وبكوريا", "كوريا") == keys_in("كوريا", "كوريا")
    assert keys_in("أعلن الوزير بهذا القرار", "أعلن الوزير القرار")[2] is None


@pytest.mark.parametrize("claim", ["\u200fأقوى معاهدة على الإطلاق",  # (an RLM before it)
                                   "أقوى معاهدة على الإطلاق ✅"])
def test_a_claims_invisible_mark_or_symbol_at_its_edge_leaves_it_exact(claim):
    """A claim pasted with a right-to-left mark before it, or a check mark after it, is
    still found «exact» in its own words (trimmed like punctuation)."""
    from store.text.matching import ClaimIndex, KnownClaim

    [hit] = ClaimIndex([KnownClaim("c", claim, "disputed", "desk")]).find(
        "قال إنها أقوى معاهدة على الإطلاق.")
    assert hit.kind == "exact"


def test_a_three_letter_word_is_not_read_as_a_proclitic_and_two_letters():
    """«بحر» (sea) is not «ب» + «حر» (heat) where the claims say «حر»: a proclitic is
    taken off a word of four letters or more only."""
    assert keys_in("بحر", "الطقس حر") == ["بحر"]


def test_a_claim_word_after_and_is_the_word_the_claims_also_use_alone():
    """A claim saying «أكبر» and «وأكبر» keys both as «أكبر» (the claims' shortest form):
    the sentence that says «هي أكبر» for its «وأكبر» loses nothing for it."""
    from store.text.matching import ClaimIndex, KnownClaim

    text = "وقال التقرير إن الصين ثاني أكبر اقتصاد وهي أكبر مصدر للسلع في العالم."
    [hit] = ClaimIndex([KnownClaim("c", "الصين ثاني أكبر اقتصاد وأكبر مصدر للسلع في العالم",
                                   "disputed", "desk")]).find(text)
    assert hit.score >= 0.95


def test_a_claim_word_known_only_with_its_proclitic_is_found_with_another():
    """The claims say «لمصر» only: the text's «بمصر» is that word (the claims' form
    found for «مصر» once its own proclitic is off), not a word the claim lacks."""
    from store.text.matching import ClaimIndex, KnownClaim

    text = "وقالت الوكالة إن السعودية قدمت قرضا بمصر بقيمة 5 مليارات دولار."
    [hit] = ClaimIndex([KnownClaim("c", "قدمت السعودية قرضا لمصر بقيمة 5 مليارات دولار",
                                   "disputed", "desk")]).find(text)
    assert hit.score >= 0.9


# -- store/text/clean.py -----------------------------------------------------------------
def test_spaces_at_a_lines_end_are_dropped_and_the_line_break_kept():
    """Trailing spaces and tabs go; the line they ended stays a line: «…الوزير   ⏎إن…»
    is two lines, not «الوزيرإن»."""
    assert clean_text("قال الوزير   \nإن النمو بلغ 5%\t\nفي العام الماضي.").text == (
        "قال الوزير\nإن النمو بلغ 5%\nفي العام الماضي.")


def test_a_file_imported_before_ligatures_were_rewritten_alone_is_found_again(project,
                                                                                tmp_path):
    """A file whose only letters rewritten are ligatures, stored as an older Tahqiq
    stored it (the ligature kept), is found again when imported again, not made a
    second article: the cleaning «as then» (*letters* off) keeps the ligatures."""
    from store.core import articles

    path = tmp_path / "copied.txt"
    path.write_text("The ofﬁcial ﬁgures were released.\n", encoding="utf-8")
    before = articles.add_article(project, "The ofﬁcial ﬁgures were released.", "then")
    outcome = importing.import_file(project, path)
    assert (outcome.created, outcome.article_id) == (False, before.id)
    assert clean_text("ofﬁcial", letters=False).text == "ofﬁcial"


def test_an_article_starts_at_its_first_word_and_ends_at_its_last():
    """Spaces before the first line's words and after the last's are not the article's:
    a pasted «   قال الوزير…   » is stored from «قال» to its full stop (only the first
    line's indent goes: the text is cut at both ends, its lines are not)."""
    assert clean_text("   قال الوزير إن النمو بلغ 5%.\n  وأضاف أنه سيستمر.   ").text == (
        "قال الوزير إن النمو بلغ 5%.\n  وأضاف أنه سيستمر.")


@pytest.mark.parametrize(("raw", "text"), [
    ("قال الوزير\n[ad]\nإن النمو بلغ 5%.", "قال الوزير\n\nإن النمو بلغ 5%."),  # (no number)
    ("قال الوزير\n[AD_2]\nإن النمو بلغ 5%.", "قال الوزير\n\nإن النمو بلغ 5%."),  # (capitals)
])
def test_a_scrape_marker_without_a_number_or_in_capitals_is_taken_out(raw, text):
    """«[ad]» and «[AD_2]» are the markers «[ad_1]» is: taken out, and said."""
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert cleaned.changes[0].startswith("removed 1 scrape marker")


@pytest.mark.parametrize("control", ["\u2069", "\x86", "\x1f"])  # PDI, SSA, US
def test_the_last_of_each_range_of_stray_controls_is_taken_out(control):
    """The pop-isolate (U+2069) ends the bidi controls taken out, U+001F the C0 controls
    and U+0086 a C1 one (U+0085 alone, a line break, is kept as one)."""
    assert clean_text(f"قال{control} الوزير").text == "قال الوزير"


def test_an_escape_sequence_goes_whole_wherever_a_control_goes():
    """A terminal's colour code (CSI) or window title (OSC, ended by BEL or ST) goes whole,
    not its ESC alone (rv268): from a text, cleaned whole or in pieces, a title and a note;
    an ESC that begins none is a control as before, and a line break ends a title's code
    (nothing after it is eaten). So do a charset's designation (`tput sgr0`'s «ESC ( B»
    before «ESC [m»), a short one («ESC 7») and an 8-bit CSI (rv269), not a CSI left open.
    A person's name keeps the rest, as it was kept (rv245)."""
    from store.core.stamps import stored_name
    from store.text.clean import CleanStream, clean_field, clean_note

    raw = ("قال \x1b[1;31mالوزير\x1b(B\x1b[m \x1b]0;T\x1b\\إن\x1b]2;x\x07 \x1b]0;لا\nالنمو"
           "\x1b 5%\x1b7\x9b1;31m\x1b=.\x1b8\x1b[")
    cleaned = clean_text(raw)
    assert cleaned.text == "قال الوزير إن ]0;لا\nالنمو 5%.["
    assert cleaned.changes == ["removed 9 terminal escape sequences (colour codes, window "
                               "titles)", "removed 3 control characters"]
    stream = CleanStream()
    assert "".join(stream.feed(raw) + stream.close()) == cleaned.text
    assert stream.result().changes == cleaned.changes
    assert clean_field("\x1b]0;PWNED\x07تقرير \x1b[8mسري\x1b(B\x1b[m", True) == "تقرير سري"
    assert clean_note("see ILO\x1b]0;PWNED\x07 \x1b[8mهنا\x1b(B\x1b[m") == "see ILO هنا"
    assert stored_name("sam ira\x1b[8m") == "sam ira[8m"


def test_a_long_last_paragraph_about_a_newsletter_is_the_story():
    """A last line longer than 400 characters that invites to subscribe to a newsletter
    is a paragraph of the story (a report on a paywall), kept."""
    story = ("قال الوزير إن النمو بلغ 5%.\nSubscribe to the newsletter, the regulator said, "
             + "and the fees rose again this year in every market. " * 8)
    assert len(story.splitlines()[-1].strip()) > 400
    assert clean_text(story).text == story.strip()


def test_three_newlines_are_one_blank_line():
    """Two blank lines in a row (three line ends) are one, and said."""
    cleaned = clean_text("قال الوزير\n\n\nإن النمو بلغ 5%.")
    assert cleaned.text == "قال الوزير\n\nإن النمو بلغ 5%."
    assert "collapsed repeated blank lines" in cleaned.changes


def test_a_tab_at_a_lines_end_is_dropped():
    assert clean_text("قال الوزير\t\nإن النمو").text == "قال الوزير\nإن النمو"


@pytest.mark.parametrize(("raw", "stored"), [
    ("  بيان الوزارة  ", "بيان الوزارة"),
    ("بيان\u2028الوزارة", "بيان الوزارة"),  # (a line separator: a space)
    ("بيان\nالوزارة", "بيان الوزارة"),
])
def test_a_title_is_one_line_without_spaces_around_it(raw, stored):
    from store.text.clean import clean_field

    assert clean_field(raw) == stored


def test_a_notes_lone_carriage_return_is_a_line_end():
    """A note pasted from an old Mac text (lone CRs) keeps its lines, as «\\n»."""
    from store.text.clean import clean_note

    assert clean_note("سطر\rسطر") == "سطر\nسطر"


LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(("typed", "kept"), [
    # WhatsApp's phone number: both marks taken away, it read «4567 123 50 +966»
    (f"اتصلنا بالرقم {LRE}+966 50 123 4567{PDF} ولم يرد",
     f"اتصلنا بالرقم {LRI}+966 50 123 4567{PDI} ولم يرد"),
    (f"{RLE}نعم{PDF} {LRO}abc{PDF} {RLO}5.3{PDF}", f"{RLI}نعم{PDI} {LRI}abc{PDI} {RLI}5.3{PDI}"),
    (f"{RLE}{LRE}x{PDF}{PDF}", f"{RLI}{LRI}x{PDI}{PDI}"),
    (f"{RLO}abc", "abc"),  # (left open: dropped, as an override was, rv101)
    (f"a{LRE}b\nc{PDF}", "ab\nc"),  # (a paragraph ends it)
    (f"a{LRE}b\u2029c{PDF}", "ab\u2029c"),
    (f"a{LRE}b\u2028c{PDF}", f"a{LRI}b\u2028c{PDI}"),  # (a line within it does not)
    (f"{LRE}{RLI}x{PDF}{PDI}y{PDF}", f"{LRI}{RLI}x{PDI}y{PDI}"),  # (no PDF ends an isolate)
    (f"{FSI}a{LRE}b{PDI}c{PDF}", f"{FSI}ab{PDI}c"),  # (its isolate's PDI ends it)
    (f"{LRE}a{PDI}b{PDF}", f"{LRI}ab{PDI}"),  # (a PDI no isolate opened did nothing)
    (f"{PDI}{PDF}{LRI}a", f"{PDI}{LRI}a"),
])
def test_a_notes_embedding_its_pdf_closes_is_kept_as_an_isolate(typed, kept):
    """A note's embedding or override and its PDF are kept as an isolate and a PDI of its
    direction (an override no longer reverses): taken away, a phone number set left to
    right read backwards in an Arabic note, comment or merged note (rv248). Cleaned
    again, a note is the same: a merge brings nothing in twice."""
    from store.text.clean import clean_note

    assert clean_note(typed) == kept
    assert clean_note(kept) == kept


@settings(max_examples=500)
@given(st.text(st.sampled_from(f"aب1 \n\u2028{LRE}{RLE}{PDF}{LRO}{RLO}{LRI}{RLI}{FSI}{PDI}"),
               max_size=40))
def test_a_note_cleaned_again_is_the_same_and_holds_no_embedding(note):
    """Cleaned twice, a note is as cleaned once, whatever its embeddings, overrides and
    isolates, opened and closed or not: a merge compares and keeps notes so (rv248). Only
    direction controls are added or taken away."""
    from store.text.clean import EMBEDDINGS_RE, clean_note

    kept = clean_note(note)
    assert clean_note(kept) == kept and not EMBEDDINGS_RE.search(kept)
    assert kept.replace(LRI, "").replace(RLI, "").replace(PDI, "") == EMBEDDINGS_RE.sub(
        "", note.replace(LRI, "").replace(RLI, "").replace(PDI, ""))


def test_a_file_imported_before_soft_hyphens_were_taken_out_is_found_again(project,
                                                                            tmp_path):
    """A file whose only change now is its soft hyphens, stored as an older Tahqiq
    stored it (with them), is found again when imported again, not a second article."""
    from store.core import articles

    path = tmp_path / "copied.txt"
    path.write_text("Infla\u00adtion rose since March.\n", encoding="utf-8")
    before = articles.add_article(project, "Infla\u00adtion rose since March.", "then")
    outcome = importing.import_file(project, path)
    assert (outcome.created, outcome.article_id) == (False, before.id)


def test_a_byte_order_mark_is_not_the_articles_first_character():
    """A UTF-8 file's byte order mark, read as U+FEFF, is no character of the article."""
    assert clean_text("\ufeffقال الوزير").text == "قال الوزير"


def test_the_markers_taken_out_are_named_as_written():
    """The marker is named without the spaces around it on its line."""
    assert clean_text("قال\n  [ad_1]  \nالوزير").changes[0] == (
        "removed 1 scrape marker: [ad_1]")


@pytest.mark.parametrize("last", ["Subscribe to our newsletters",  # (the plural)
                                  "المصدر:  ", "  Source:"])  # (spaces around it)
def test_a_last_line_of_boilerplate_is_dropped_in_the_plural_and_with_spaces_around(last):
    cleaned = clean_text(f"قال الوزير إن النمو بلغ 5%.\n{last}")
    assert (cleaned.text, cleaned.dropped) == ("قال الوزير إن النمو بلغ 5%.", [last.strip()])


def test_a_sign_up_line_of_exactly_400_characters_is_boilerplate():
    """400 characters is the longest a sign-up line is; one more and it is the story's."""
    line = "Sign up for our newsletter " + "x" * (400 - 27)
    assert len(line) == 400
    assert clean_text(f"قال الوزير إن النمو بلغ 5%.\n{line}").dropped == [line]
    assert clean_text(f"قال الوزير إن النمو بلغ 5%.\n{line}x").dropped == []


def test_a_crlf_split_between_two_pieces_read_is_one_line_end():
    """A big file read a piece at a time: its CR at the end of one piece and LF at the
    start of the next are one line end, as read whole (not a blank line)."""
    from store.text.clean import CleanStream

    stream = CleanStream()
    pieces = stream.feed("قال الوزير\r") + stream.feed("\nإن النمو بلغ 5%.") + stream.close()
    assert "".join(pieces) == "قال الوزير\nإن النمو بلغ 5%."


def test_every_character_the_rare_steps_change_is_one_the_first_look_finds():
    """Cleaning looks through a text once for anything its rare steps (direction marks,
    controls, soft hyphens, ligatures, typed presentation forms) would change, and skips
    them all when there is none: a character one of them changes that the look missed
    would stay in the article."""
    from store.text.clean import _ANY_TO_CLEAN, _rare_characters_cleaned, _Tally

    missed = [f"U+{code:04X}" for code in range(0x10000)
              if not 0xD800 <= code < 0xE000
              and _rare_characters_cleaned(f"ب{chr(code)}ت", _Tally(), True) != f"ب{chr(code)}ت"
              and not _ANY_TO_CLEAN.search(chr(code))]
    assert missed == []
    assert clean_text("اشترك\u202eنا\u00ad ﻻ ﬁne\x07\n").text == "اشتركنا لا fine"


@pytest.mark.parametrize(("copied", "stored"), [
    # pdftotext's line: the sentence in RLE…PDF, each number in LRE…PDF with the word
    # space inside it, shown after the number (rv192)
    ("\u202bأعلنت أن عدد المدارس بلغ \u202a 12000\u202cمدرسة في عام \u202a2022\u202c\u202c",
     "أعلنت أن عدد المدارس بلغ 12000 مدرسة في عام 2022"),
    ("نما بنسبة \u202a %5.3\u202cخلال العام", "نما بنسبة %5.3 خلال العام"),
    ("إلى \u202a8 \u202cبالمئة", "إلى  8بالمئة"),  # a space at its end is seen before it
    ("He said \u202b مرحبا\u202cthen", "He said مرحبا then"),  # and the other way round
    ("\u2067 سلام\u2069, he said", "سلام , he said"),  # an isolate as an embedding
    ("see \u202a x\u202cy", "see  xy"),  # the direction around it: nothing moves
    # a line opening with the embedded word: Arabic around it (rv199)
    ("\u202a COVID-19\u202cانتشر في البلاد", "COVID-19 انتشر في البلاد"),
    # letters of the embedding's direction beside it: one run with it, the space stays
    # between them (rv202)
    ("بلغ عدد مستخدمي iPhone\u202a 15\u202c مليونا", "بلغ عدد مستخدمي iPhone 15 مليونا"),
    ("Reuters quoted قال\u202b الوزير\u202c on Monday", "Reuters quoted قال الوزير on Monday"),
])
def test_a_space_inside_an_embedding_stays_on_the_side_it_was_seen(copied, stored):
    """Direction marks are taken away from an article, and the spaces they held on the
    side the reader saw them: poppler's copy of a PDF («بلغ ‪ 12000‬مدرسة») was stored
    «بلغ  12000مدرسة», which no search for «12000 مدرسة» found."""
    assert clean_text(copied).text == stored


def test_a_macs_line_and_paragraph_separators_are_stored_as_line_breaks():
    """TextEdit, Pages and Notes write Shift+Return as U+2028 (and U+2029): the reader
    showed a break, search found words across it, Find and `tag --quote` did not (rv196)."""
    assert clean_text("الحرب\u2028بدأت\u2029في مارس").text == "الحرب\nبدأت\nفي مارس"


def test_find_reads_a_separator_in_an_article_stored_before_as_a_line_break():
    """An article imported before keeps its U+2028: a typed space finds the words across
    it, as across «\\n», and a quote copied with it finds itself."""
    from store.text.fold import fold

    text = "قال إن الحرب\u2028بدأت في مارس\u2029وانتهت"
    assert fold(text).find_all("الحرب بدأت") == [(7, 17)]
    assert fold(text).find_all("مارس\u2029وانتهت") == [(21, 32)]
    assert fold(text).find_all("مارس وانتهت") == [(21, 32)]


STORY = "قال الوزير إن الحرب بدأت في مارس."


@pytest.mark.parametrize("raw", [
    STORY + "\n\u202bالمصدر:\u202c",  # a bare credit label in RLE…PDF, last
    "\u202bالمصدر\u202c\n" + STORY,  # and first
    "قال الوزير\n\u202b[ad_1]\u202c\nإن الحرب بدأت.",  # a scrape marker in RLE…PDF
    STORY + "\n\t\u00ad",  # a last line of a tab and a soft hyphen
    "\u00a0\u202b\n" + STORY,  # a first line of a no-break space and an RLE
    "المصدر\u00ad\n" + STORY + "\nRead more\x07",  # a soft hyphen, a control
])
def test_a_line_is_judged_as_it_is_stored_without_its_marks(raw):
    """A chat's export writes every line in RLE…PDF («‫المصدر:‬»): the label or marker
    was kept where the bare one went, a line of a tab and a soft hyphen was stored as
    «\\t», and cleaning the stored text again changed it (rv202). The same article is
    stored with the marks as without, once cleaned as twice."""
    once = clean_text(raw).text
    bare = clean_text(raw.translate(dict.fromkeys(map(ord, "\u202b\u202c\u00ad\x07")))).text
    assert once == bare == clean_text(once).text
    assert once in (STORY, "قال الوزير\n\nإن الحرب بدأت.")


def test_marks_in_a_dropped_line_are_counted_and_the_line_named_without_them():
    """The marks are taken away before the lines are judged: counted as removed, and the
    label dropped is named as the user would read it."""
    cleaned = clean_text(STORY + "\n\u202bالمصدر:\u202c")
    assert cleaned.dropped == ["المصدر:"]
    assert "removed 2 stray bidi control characters" in cleaned.changes


@pytest.mark.parametrize("raw", [STORY + "\n\t", "\u00a0\n" + STORY, STORY + "\n \u00a0\t"])
def test_an_edge_line_of_white_space_alone_is_a_blank_line(raw):
    """A first or last line of tabs or no-break spaces goes as a blank one does, whether
    the edge boilerplate is looked for or not."""
    assert clean_text(raw).text == clean_text(raw, edges=False).text == STORY



def _cleaned_the_long_way(notes: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """*notes* as clean_note keeps them without its shortcut for a note with nothing to
    clean."""
    import re

    from store.text import clean

    with monkeypatch.context() as patched:
        patched.setattr(clean, "_NOTHING_TO_CLEAN", re.compile("(?!)"))
        return [clean.clean_note(note) for note in notes]


def test_a_note_with_nothing_to_clean_is_kept_as_cleaning_would_keep_it(monkeypatch):
    """A merge cleans every note a colleague's file brings, and most have nothing to
    clean: clean_note returns those as they are (rv255). Every assigned character (and
    one in 64 of the rest), between letters and after a combining mark, comes out as the
    whole cleaning makes it: a carriage return, a control, an override the shortcut let
    through stayed in notes."""
    import unicodedata

    from store.text.clean import clean_note

    chars = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF
             and (unicodedata.category(chr(code)) not in ("Cn", "Co") or code % 64 == 0)]
    notes = [note for char in chars for note in (f"a{char}b", f"\u0627\u0651{char}\n")]
    assert [clean_note(note) for note in notes] == _cleaned_the_long_way(notes, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_note_is_cleaned_alike_with_and_without_the_shortcut(note):
    """As above, for whole notes: pairs (CR LF, an embedding and its PDF) too."""
    from store.text.clean import clean_note

    with pytest.MonkeyPatch.context() as monkeypatch:
        assert [clean_note(note)] == _cleaned_the_long_way([note], monkeypatch)
