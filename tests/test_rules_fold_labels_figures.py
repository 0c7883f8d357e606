"""What a fact-checker relies on in Arabic folding, the Disagreements panel, the agreement
figures, the verdict labels and the project's summary, each guarded against a small change
to store/text/fold.py, store/review/disagreements.py, store/review/agreement.py,
store/core/labels.py or store/review/summary.py (an off-by-one, a dropped check, a swapped
order) that the rest of the suite let pass (rv154's mutation review; rv152's is
test_house_text_rules.py)."""

from __future__ import annotations

import pytest

from store.core import appearances, articles, claims, labels
from store.core.records import Appearance, Claim
from store.errors import ChangedSince, InvalidLabel, LabelNotFound
from store.review import agreement, summary
from store.review.disagreements import DisagreementIndex, find_disagreements
from store.text import fold


# -- store/review/disagreements.py --------------------------------------------------------
def place(pid: str, who: str, start: int, end: int, label: str,
          created: str = "2026-01-01T00:00:00.000000Z") -> Appearance:
    verdict = Claim("c" + pid, label, who, created, created)
    return Appearance(pid, verdict.id, "art", start, end, "x" * (end - start), who,
                      created, created, verdict)


def pairs(found) -> list[tuple[str, str]]:
    return [(d.first.id, d.second.id) for d in found]


def test_a_place_of_no_words_disagrees_with_nobody():
    """A place of no words (start = end: another program's, a damaged file's) inside a
    colleague's claim shares no words with it: no row in the Disagreements panel, found
    whole or kept up to date by the index."""
    wide = place("p1", "alice", 0, 20, "verified")
    empty = place("p2", "bob", 5, 5, "disputed")
    assert find_disagreements([wide, empty]) == []
    index = DisagreementIndex("art", [wide, empty])
    assert index.disagreements() == []
    assert index.overlapping(0, 20) == [wide]
    assert index.overlapping(5, 5) == []
    assert index.update(place("p3", "chen", 7, 7, "unchecked")) == ([], [])
    assert index.disagreements() == []


def test_of_two_places_starting_together_the_shorter_is_listed_first():
    """The panel's pair starts with the place that starts first, then the shorter: bob's
    three words inside alice's sentence come first, both found whole and after an edit."""
    sentence = place("p1", "alice", 0, 30, "verified")
    words = place("p2", "bob", 0, 10, "disputed")
    (found,) = find_disagreements([sentence, words])
    assert (found.first.id, found.second.id) == ("p2", "p1")
    index = DisagreementIndex("art", [sentence])
    index.disagreements()
    (added,), _ = index.update(words)
    assert (added.first.id, added.second.id) == ("p2", "p1")


def test_on_the_same_words_the_earlier_tagged_place_is_listed_first():
    """Same words, different verdicts: the place tagged first is the pair's first, whatever
    its id (ids are random: the panel's rows would shuffle between sessions)."""
    early = place("p9", "alice", 0, 10, "verified", "2026-01-01T00:00:00.000000Z")
    late = place("p1", "bob", 0, 10, "disputed", "2026-01-02T00:00:00.000000Z")
    (found,) = find_disagreements([late, early])
    assert (found.first.id, found.second.id) == ("p9", "p1")


def test_a_long_claim_sharing_one_letter_with_an_edited_one_is_found_by_the_index():
    """The index looks back the longest place's length for places overlapping an edited
    one: a 20-letter claim sharing its last letter with a new tag is a disagreement."""
    long = place("p1", "alice", 0, 20, "verified")
    index = DisagreementIndex("art", [long, place("p2", "alice", 30, 33, "verified")])
    index.disagreements()
    assert index.overlapping(19, 25) == [long]
    added, _ = index.update(place("p3", "bob", 19, 25, "disputed"))
    assert pairs(added) == [("p1", "p3")]
    assert pairs(index.disagreements()) == pairs(find_disagreements(
        [long, place("p2", "alice", 30, 33, "verified"), place("p3", "bob", 19, 25, "disputed")]))


# -- store/review/agreement.py ------------------------------------------------------------
def spanned(cid: str, who: str, start: int, end: int, label: str = "verified") -> Appearance:
    verdict = Claim(cid, label, who, "t", "t")
    return Appearance(cid, cid, "art", start, end, "q", who, "t", "t", verdict)


def ids(units) -> list[list[str]]:
    return sorted(sorted(c.id for c in unit) for unit in units)


def test_a_two_letter_claim_sharing_one_letter_with_a_longer_one_matches_it():
    """One letter of two is half the shorter span: the claims match, however long the
    other is (the sweep looked back one letter too few for the longest claim)."""
    long = spanned("b", "bob", 0, 10)
    short = spanned("a", "alice", 9, 11)
    assert agreement.spans_match(short, long)
    assert ids(agreement.match_units([short, long])) == [["a", "b"]]


def test_of_two_equal_overlaps_the_claim_ending_nearer_is_matched():
    """Greedy, largest overlap first, then the closest ends: alice's ten letters match
    bob's twelve, not his fourteen that also cover them, whatever the ids."""
    a = spanned("a", "alice", 0, 10)
    near = spanned("b9", "bob", 0, 12)
    far = spanned("b1", "bob", 0, 14, "disputed")
    assert ids(agreement.match_units([a, near, far])) == [["a", "b9"], ["b1"]]
    (pair,) = agreement.pair_links([a, near, far]).values()
    assert [(x.id, y.id) for x, y in agreement.one_to_one(pair)] == [("a", "b9")]


def test_a_claim_is_in_one_pair_only():
    """Two of bob's claims over alice's words: one pair, not two (alice's claim counted
    twice made a percent agreement out of one verdict)."""
    a = spanned("a", "alice", 0, 10)
    b1 = spanned("b1", "bob", 0, 10)
    b2 = spanned("b2", "bob", 2, 10, "disputed")
    (pair,) = agreement.pair_links([a, b1, b2]).values()
    assert [(x.id, y.id) for x, y in agreement.one_to_one(pair)] == [("a", "b1")]


def test_an_editors_relabelling_does_not_make_two_annotators_agree(project):
    """rv106: alice said verified, bob disputed; an editor settling it relabelled bob's
    claim verified. The agreement report scores bob's own verdict: 0 of 1, not 1 of 1.
    (tests/test_agreement.py's settlement test relabels nothing: it looks bob's claims up
    at alice's start - 1, where they start at + 1.)"""
    art = articles.add_article(project, "one two three four five six seven", "t")
    project.annotator = "alice"
    appearances.create_claim(project, art.id, 0, 7, "verified")
    project.annotator = "bob"
    bobs = appearances.create_claim(project, art.id, 0, 7, "disputed")
    project.annotator = "editor"
    claims.update_claim(project, bobs.id, label="verified")
    for report in (agreement.agreement(project, art.id), agreement.agreement(project)):
        assert (report.matched_pairs, report.agreeing_pairs) == (1, 0)
        assert report.confusion == {("verified", "disputed"): 1}
        assert [(p.matched, p.agreeing) for p in report.pairs] == [(1, 0)]  # its row too


def test_the_annotators_last_own_verdict_is_scored_not_their_first_nor_a_note(project):
    """bob changed his mind (disputed, then verified, alice's verdict) before an editor
    relabelled his claim disputed: bob's last own verdict agrees. His note written after
    the editor's change is no verdict of his: it does not take the editor's."""
    art = articles.add_article(project, "one two three four five six seven", "t")
    project.annotator = "alice"
    appearances.create_claim(project, art.id, 0, 7, "verified")
    appearances.create_claim(project, art.id, 8, 18, "verified")
    project.annotator = "bob"
    mind = appearances.create_claim(project, art.id, 0, 7, "disputed")
    claims.update_claim(project, mind.id, label="verified")
    noted = appearances.create_claim(project, art.id, 8, 18, "disputed")
    project.annotator = "editor"
    claims.update_claim(project, mind.id, label="disputed")
    claims.update_claim(project, noted.id, label="verified")
    project.annotator = "bob"
    claims.update_claim(project, noted.id, note="the editor's call")
    report = agreement.agreement(project, art.id)
    assert report.confusion == {("verified", "verified"): 1, ("verified", "disputed"): 1}


def test_an_annotator_named_twice_is_one_annotator(project):
    """`tahqiq agreement --annotators alice bob alice`: two annotators, with their kappa
    and one row, not a pair of alice with herself and no kappa."""
    art = articles.add_article(project, "one two three four five six seven", "t")
    project.annotator = "alice"
    appearances.create_claim(project, art.id, 0, 7, "verified")
    project.annotator = "bob"
    appearances.create_claim(project, art.id, 0, 7, "disputed")
    twice = agreement.agreement(project, annotators=["alice", "bob", "alice"])
    once = agreement.agreement(project, annotators=["alice", "bob"])
    assert twice.annotators == ["alice", "bob"]
    assert [str(line) for line in twice.lines()] == [str(line) for line in once.lines()]
    assert twice.kappa is not None and twice.confusion == {("verified", "disputed"): 1}


def test_two_annotators_report_no_row_per_pair_and_say_n_a_for_what_cannot_be_had(project):
    """With two annotators the percent agreement is their pair's: the report does not
    repeat it as a «alice ↔ bob» row (three annotators have one per pair). A kappa that
    cannot be had reads «n/a», in the window's language, not «nan»."""
    art = articles.add_article(project, "one two three four five six seven", "t")
    for who, label in (("alice", "verified"), ("bob", "verified")):
        project.annotator = who
        appearances.create_claim(project, art.id, 0, 7, label)
    lines = [str(line) for line in agreement.agreement(project, art.id).lines()]
    assert "Percent agreement on labels: 100.0% (1 of 1 pair)" in lines
    assert not any("↔" in line for line in lines)
    # one verdict throughout: kappa and alpha cannot be had, and the report says so
    assert "Cohen's kappa: n/a (1 pair)" in lines
    assert lines[-1].startswith("Krippendorff's alpha (nominal): n/a (1 unit, 2 pairable")


def test_a_pair_that_tagged_no_words_in_common_reads_n_a_not_zero(project):
    """Three annotators: bob and carol matched nothing, and their row says «n/a», not
    «0.0%», which would read as total disagreement."""
    art = articles.add_article(project, "one two three four five six seven", "t")
    for who, start, end in (("alice", 0, 7), ("bob", 0, 7), ("carol", 8, 18), ("alice", 8, 18)):
        project.annotator = who
        appearances.create_claim(project, art.id, start, end, "verified")
    report = agreement.agreement(project, art.id)
    assert [(p.first, p.second, p.percent) for p in report.pairs] == [
        ("alice", "bob", 100.0), ("alice", "carol", 100.0), ("bob", "carol", None)]
    assert "  bob ↔ carol: 0/0 = n/a" in [str(line) for line in report.lines()]


def test_a_place_whose_end_another_program_wrote_as_text_is_left_out(project):
    """The project's agreement (`tahqiq agreement`) leaves out a place whose end is text,
    as it does one whose start is: compared with a colleague's numbers it ended in a
    TypeError (rv132)."""
    art = articles.add_article(project, "one two three four five six seven", "t")
    project.annotator = "alice"
    appearances.create_claim(project, art.id, 0, 7, "verified")
    project.annotator = "bob"
    appearances.create_claim(project, art.id, 0, 7, "verified")
    bad = appearances.create_claim(project, art.id, 8, 18, "verified")
    with project.transaction():
        project.execute("UPDATE appearances SET \"end\" = 'x' WHERE claim_id = ?", [bad.id])
    report = agreement.agreement(project)
    assert report.claims == {"alice": 1, "bob": 1}
    assert (report.matched_pairs, report.agreeing_pairs) == (1, 1)


# -- store/text/fold.py ------------------------------------------------------------------
def test_urdus_teh_marbuta_goal_is_found_as_ta_marbuta_is():
    """Urdu's ۃ (teh marbuta goal) is found by ه as ة is: «زکوۃ» by «زکوه» and «زکوة»."""
    written = "زکوۃ"
    assert fold.fold(written).text == fold.fold("زکوه").text == fold.fold("زکوة").text
    assert fold.find_all(f"کہا {written} ہے", "زکوه") == [(4, 8)]


def test_a_typed_space_does_not_find_words_apart_by_a_blank_line():
    """A space typed finds a line break (a PDF's lines), even after a space; a blank line
    still parts two quotes, with a space before it or not."""
    assert fold.find_all("one \ntwo", "one two") == [(0, 8)]
    assert fold.find_all("one \n\ntwo", "one two") == []
    assert fold.find_all("one\n\ntwo", "one two") == []


def test_a_footnote_mark_of_four_digits_is_passed_over_as_one_of_one():
    """«in March[1234] and» is found by «March and», as «in March[1] and» is (rv117)."""
    for mark in ("[1]", "[1234]"):
        text = f"in March{mark} and"
        assert fold.find_all(text, "March and") == [(3, len(text))]


def test_tag_all_finds_the_words_selected_not_the_letter_after_them():
    """Tag All Occurrences of «abc def» selected whole before a comma finds both, the one
    before a full stop too: the selection ends where it ends."""
    text = "abc def, then abc def. And abc defg."
    folded = fold.fold(text)
    assert fold.find_like(folded, 0, 7) == [(0, 7), (14, 21)]
    assert fold.find_like(folded, 14, 21) == [(0, 7), (14, 21)]


def test_tag_all_of_words_selected_with_the_space_before_them_finds_the_words_whole():
    """A double-click's selection that took the space before «abc» finds «abc» where a
    word starts, not inside «zabc», and its hits hold no space."""
    text = "x abc, zabc abc."
    assert fold.find_like(fold.fold(text), 1, 5) == [(2, 5), (12, 15)]


def test_tag_all_looks_again_one_letter_on_after_a_place_that_is_not_whole():
    """«5 5» inside «55 5 5» starts after a digit (not the number 5): the search goes on
    from the next letter and finds the «5 5» that overlaps it."""
    assert fold.find_like(fold.fold("55 5 5"), 3, 6) == [(3, 6)]


def test_tag_all_of_a_number_selected_whole_does_not_find_the_end_of_another():
    """«5%» selected whole is not the end of «3.5%» («5» a whole number, not 3.5's
    last digit)."""
    text = "5% and 3.5% and 5%"
    assert fold.find_like(fold.fold(text), 0, 2) == [(0, 2), (16, 18)]


def test_tag_all_of_whole_words_does_not_find_the_start_of_a_longer_name_or_number():
    """«abc» selected whole is not the start of «abc_def» (a handle, a file name), nor
    «def» its end (though search finds both words there: rv196), and «up 5» not the
    start of «up 50%» (Tag All tagged «ارتفع 5» in «ارتفع 50%»)."""
    assert fold.find_like(fold.fold("abc abc_def abc."), 0, 3) == [(0, 3), (12, 15)]
    assert fold.find_like(fold.fold("def abc_def x_وdef def"), 0, 3) == [(0, 3), (19, 22)]
    assert fold.find_like(fold.fold("up 5 and up 50% and up 5."), 0, 4) == [(0, 4), (20, 24)]


def test_tag_all_of_words_selected_with_their_guillemets_finds_them_wherever_quoted():
    """A selection starting on «, not a letter, is found after any character."""
    text = "said «yes» and x«yes»."
    assert fold.find_like(fold.fold(text), 5, 10) == [(5, 10), (16, 21)]


def test_tag_all_of_words_selected_to_the_line_break_after_them_finds_the_words():
    """A triple-click's selection takes the line's break: Tag All finds the words, and
    its hits hold no break."""
    text = "abc def\nx abc def\n"
    assert fold.find_like(fold.fold(text), 0, 8) == [(0, 7), (10, 17)]


def test_a_typed_space_finds_words_two_spaces_apart():
    """A double space after a full stop («said.  The») is found by a quote typed with one
    (rv121)."""
    assert fold.find_all("he said.  The minister", "said. The") == [(3, 13)]


def test_the_modifier_letter_apostrophe_is_found_as_a_keyboards():
    """«donʼt» typeset with U+02BC (as transliterated Arabic names are, «Saʼid») is found
    by don't typed."""
    assert fold.fold("donʼt").text == fold.fold("don't").text == "don't"
    assert fold.find_all("Saʼid said", "Sa'id") == [(0, 5)]


# -- store/review/summary.py -------------------------------------------------------------
def test_annotators_of_as_many_claims_are_listed_by_name(project):
    """Review ▸ Summary lists the most first, and those of as many claims by name, not in
    the order of their claims' random ids (the list reordered from one day to the next)."""
    art = articles.add_article(project, "one two three four five six seven eight nine", "t")
    for n, who in enumerate(("zaid", "amal", "huda", "amal", "zaid", "badr", "sami", "dina")):
        project.annotator = who
        appearances.create_claim(project, art.id, n * 4, n * 4 + 3, "verified")
    figures = summary.project_summary(project)
    assert figures.by_annotator == [("amal", 2), ("zaid", 2), ("badr", 1), ("dina", 1), ("huda", 1),
                                   ("sami", 1)]


def test_a_summary_with_every_article_tagged_lists_no_untagged_heading(project):
    """«Articles with no claim yet:» heads a list; with every article tagged there is none
    to head (an empty heading at the end of the summary reads as a list gone missing)."""
    art = articles.add_article(project, "one two three", "t")
    appearances.create_claim(project, art.id, 0, 3, "verified")
    lines = [str(line) for line in summary.project_summary(project).lines()]
    assert "  with no claim yet: 0" in lines
    assert "Articles with no claim yet:" not in lines
    articles.add_article(project, "four five", "Untagged")
    lines = [str(line) for line in summary.project_summary(project).lines()]
    assert lines[-2:] == ["Articles with no claim yet:", "  Untagged"]


# -- store/core/labels.py ----------------------------------------------------------------
def test_a_labels_key_starts_with_a_letter_and_is_at_most_32_characters(project):
    """A key is the verdict's identity in every export and merge: it starts with a
    lower-case letter and holds 32 characters at most."""
    labels.add_label(project, "k" * 32, "Longest", "#AABBCC")
    for key in ("k" * 33, "1false", "_false", "False"):
        with pytest.raises(InvalidLabel):
            labels.add_label(project, key, f"Name {key}", "#AABBCC")


def test_a_lower_case_shortcut_is_bound_on_the_arabic_layout_too():
    """A label on «q» typed in lower case is bound to «ض» too, the key's letter with an
    Arabic layout active (it tagged nothing there: rv91)."""
    assert labels.layout_twins("q") == labels.layout_twins("Q") == ["ض"]
    assert labels.layout_twins(" 1 ") == ["١", "۱"]
    assert labels.same_key("q") == labels.same_key("ض")


def test_every_key_is_one_key_on_the_latin_arabic_and_persian_layouts():
    """Each key's character in the Arabic and Persian layouts is that key (two labels on
    «9» and «۹», or on «`» and «ذ», would be one key for two verdicts)."""
    for twins in (labels.ARABIC_LAYOUT_TWINS, labels.PERSIAN_DIGIT_TWINS):
        for latin, twin in twins.items():
            assert labels.same_key(twin) == labels.same_key(latin.lower()), (latin, twin)


def test_a_new_label_is_offered_a_colour_unlike_the_labels_colours():
    """The first label is offered the first suggested colour; then the one farthest from
    every label's colour, not the same light blue again (rv91)."""
    assert labels.suggested_colour([]) == labels.SUGGESTED_COLOURS[0]
    offered = labels.suggested_colour(["#B3D9FF", "#9FA8DA", "#80DEEA"])
    assert offered not in ("#B3D9FF", "#9FA8DA", "#80DEEA", "#B0BEC5")
    assert labels.suggested_colour(["#B3D9FF"]) == max(
        labels.SUGGESTED_COLOURS,
        key=lambda c: labels._distance(labels._rgb(c), labels._rgb("#B3D9FF")))


def test_a_key_typed_with_spaces_around_it_is_that_label_even_if_another_is_named_so(project):
    """`--label " verified "`: the key, typed with spaces, is the label whose key it is,
    not refused as ambiguous because another label is called «verified»."""
    labels.update_label(project, "verified", name_en="Correct", name_ar="صحيح")
    labels.add_label(project, "confirmed", "verified", "#AABBCC")
    assert labels.find_label(project, " verified ").key == "verified"


def test_a_blank_name_names_no_label(project):
    """`--label " "` names nothing, not the label that has no Arabic name."""
    labels.add_label(project, "satire", "Satire", "#AABBCC")
    for blank in ("", "  ", "\u064e"):
        with pytest.raises(LabelNotFound):
            labels.find_label(project, blank)


def test_a_key_typed_in_capitals_and_a_name_typed_with_doubled_spaces_name_their_label(
        project):
    """`--label MOSTLY_FALSE` is the label of that key; «Not  yet   checked», pasted with
    doubled spaces, the label of that name (spaces aside, as Search folds words)."""
    labels.add_label(project, "mostly_false", "Half true", "#AABBCC",
                     name_ar="نصف  صحيح")
    labels.add_label(project, "pending", "Not yet checked", "#AABBDD")
    assert labels.find_label(project, "MOSTLY_FALSE").key == "mostly_false"
    assert labels.find_label(project, "Not  yet   checked").key == "pending"
    assert labels.find_label(project, "نصف صحيح").key == "mostly_false"


def test_a_new_label_goes_last_in_the_legend_whatever_the_positions_before(project):
    """Positions need not follow one another (a merge brings a colleague's): a new label
    is placed after the last, not among them."""
    with project.transaction():
        project.execute("UPDATE labels SET position = 7 WHERE key = 'verified'")
    labels.add_label(project, "satire", "Satire", "#AABBCC")
    assert [label.key for label in labels.list_labels(project)][-1] == "satire"


def test_undoing_a_label_change_refuses_if_any_field_it_puts_back_changed_since(project):
    """An undo of a rename and a recolour finds the name as it left it but the colour
    changed in another window: it refuses, rather than overwrite that colour (rv144)."""
    labels.update_label(project, "verified", name_en="Correct", color="#123456")
    labels.update_label(project, "verified", color="#654321")  # another window
    with pytest.raises(ChangedSince):
        labels.update_label(project, "verified", name_en="Verified", color="#9EE6A0",
                            expect={"name_en": "Correct", "color": "#123456"})
    assert labels.get_label(project, "verified").color == "#654321"


def test_a_shortcut_with_alt_and_another_modifier_or_a_typing_key_with_one_is_a_labels(
        project):
    """Alt and a letter open the menus; Ctrl+Alt and a letter (AltGr on many layouts) do
    not, nor does Ctrl with a key that fields act on alone (Space): a label may take them.
    Alone, Space is the fields'."""
    labels.add_label(project, "satire", "Satire", "#AABBCC", shortcut="Ctrl+Alt+K")
    labels.add_label(project, "parody", "Parody", "#AABBDD", shortcut="Ctrl+Space")
    labels.add_label(project, "hoax", "Hoax", "#AABBFF", shortcut="F35")  # Qt's last F key
    for kept in ("Alt+K", "Space"):
        with pytest.raises(InvalidLabel):
            labels.add_label(project, "other", "Other", "#AABBEE", shortcut=kept)


def test_a_project_started_like_another_takes_its_labels_times_too(project, tmp_path):
    """New ▸ Like This One: the labels come with their times, the last change's as well
    as the creation's (the same label in every project started like it is one label)."""
    from store.core.project import Project

    model = labels.update_label(project, "verified", name_en="Correct")
    assert model.updated != model.created
    with Project.open(tmp_path / "new.tahqiq", "tester") as started:
        labels.take_labels(started, labels.list_labels(project))
        taken = labels.get_label(started, "verified")
    assert (taken.created, taken.updated, taken.name_en) == (model.created, model.updated,
                                                             "Correct")


def test_a_colour_is_six_hex_digits_and_meta_is_a_modifier(project):
    """A label's colour is #RRGGBB («#ABC» broke the colour offered to the next label);
    Meta (the Command key of a Mac) with a key is one key."""
    with pytest.raises(InvalidLabel):
        labels.add_label(project, "short", "Short", "#ABC")
    labels.add_label(project, "mac", "Mac", "#AABBCC", shortcut="Meta+K")
    assert labels.get_label(project, "mac").shortcut == "Meta+K"


def test_a_shortcut_written_with_spaces_around_its_plus_is_one_key(project):
    """«Ctrl + K», as a person writes it, is Ctrl+K: taken, and one key with «ctrl+k»."""
    labels.add_label(project, "satire", "Satire", "#AABBCC", shortcut="Ctrl + K")
    assert labels.same_key("Ctrl + K") == labels.same_key("ctrl+k")
    with pytest.raises(InvalidLabel):
        labels.add_label(project, "parody", "Parody", "#AABBDD", shortcut="ctrl+k")


def test_a_label_without_names_is_described_by_its_key(project):
    """A label an older file left nameless is named in messages by its key alone, not
    «verified: » with nothing after it."""
    nameless = labels.get_label(project, "verified")._replace(name_en="", name_ar="")
    assert labels.described(nameless) == "verified"
