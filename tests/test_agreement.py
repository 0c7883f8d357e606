"""Inter-annotator agreement: the statistics against worked examples, then end to end."""

from __future__ import annotations

import math

import pytest

from store.core import appearances, articles, claims
from store.core.records import Appearance, Claim
from store.review.agreement import (
    agreement,
    alpha_nominal_stats,
    cohen_kappa,
    krippendorff_alpha_nominal,
    match_units,
    spans_match,
)

# 10 matched pairs (first annotator's label, second's):
#                 second: verified  disputed
#   first verified            4         2      -> 6
#   first disputed            1         3      -> 4
#                             5         5        10
# p_o = (4 + 3) / 10 = 0.7
# p_e = (6·5 + 4·5) / 10² = 50 / 100 = 0.5
# kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
KAPPA_PAIRS = ([("verified", "verified")] * 4 + [("verified", "disputed")] * 2
               + [("disputed", "verified")] * 1 + [("disputed", "disputed")] * 3)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# four observers, twelve units, nominal data with missing values; alpha = 0.743.
N = None
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    "C": [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
}


def kripp_units() -> list[list[str | None]]:
    columns = zip(*KRIPPENDORFF_2011.values(), strict=True)
    return [[None if v is None else str(v) for v in unit] for unit in columns]


# -- the statistics ------------------------------------------------------------------------
def test_cohen_kappa_hand_worked():
    assert cohen_kappa(KAPPA_PAIRS) == pytest.approx(0.4)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    # systematic disagreement: p_o = 0, p_e = 0.5 -> kappa = -1
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_cohen_kappa_undefined_is_nan():
    assert math.isnan(cohen_kappa([]))
    assert math.isnan(cohen_kappa([("a", "a")] * 3))  # one label throughout: p_e = 1


def test_krippendorff_alpha_published_example():
    assert krippendorff_alpha_nominal(kripp_units()) == pytest.approx(0.743, abs=5e-4)
    stats = alpha_nominal_stats(kripp_units())
    # Unit 12 has a single value, so 11 units and n = 40 pairable values.
    # Value totals n_c: 1→9, 2→13, 3→10, 4→5, 5→3, so Σ_{c≠k} n_c n_k = 40² − 384 = 1216.
    # Disagreeing coincidences: unit 2 (2,2,3,2) 6/3, unit 6 (1,2,3,4) 12/3, unit 8
    # (1,1,2,1) 6/3, so Σ_{c≠k} o_ck = 8 and D_o = 8/40, D_e = 1216/(40·39),
    # alpha = 1 − 39·8/1216 = 0.74342.
    assert (stats.units, stats.values) == (11, 40)
    assert stats.observed == pytest.approx(8 / 40)
    assert stats.expected == pytest.approx(1216 / 1560)
    assert stats.alpha == pytest.approx(1 - 39 * 8 / 1216)


def test_krippendorff_alpha_small_hand_example_and_edge_cases():
    # units (a,a), (a,b), (b,b): n = 6, n_a = n_b = 3, o_ab + o_ba = 2
    # D_o = 2/6, D_e = 2·3·3/(6·5) = 0.6, alpha = 1 − (1/3)/0.6 = 4/9
    assert krippendorff_alpha_nominal([["a", "a"], ["a", "b"], ["b", "b"]]) == \
        pytest.approx(4 / 9)
    # two coders over matched pairs: same data as the kappa example, alpha = 1 − 19·6/198
    assert krippendorff_alpha_nominal([list(p) for p in KAPPA_PAIRS]) == \
        pytest.approx(1 - 19 * 6 / 198)
    assert math.isnan(krippendorff_alpha_nominal([["a", None], [None, "b"]]))
    assert math.isnan(krippendorff_alpha_nominal([["a", "a"], ["a", "a"]]))
    assert alpha_nominal_stats([]).values == 0


# -- matching -----------------------------------------------------------------------------
def claim(cid: str, who: str, start: int, end: int, label: str = "verified") -> Appearance:
    verdict = Claim(cid, label, who, "t", "t")
    return Appearance(cid, cid, "art", start, end, "q", who, "t", "t", verdict)


def test_matching_rule_is_half_the_shorter_span():
    assert spans_match(claim("a", "x", 0, 10), claim("b", "y", 5, 30))  # 5 of 10
    assert not spans_match(claim("a", "x", 0, 10), claim("b", "y", 6, 30))  # 4 of 10
    assert not spans_match(claim("a", "x", 0, 10), claim("b", "y", 10, 20))  # touching
    # in code points, not words, as README says (it said words, rv241): two of the
    # shorter one's three words are 3 of its 7 code points, one of three 11 of 17
    text = "قال و ف استراتيجيات اليوم . ثم إن الاستثمارات في البلاد كبيرة"

    def at(cid: str, words: str) -> Appearance:
        start = text.index(words)
        return claim(cid, cid, start, start + len(words))

    assert not spans_match(at("a", "و ف استراتيجيات"), at("b", "قال و ف"))
    assert spans_match(at("a", "ثم إن الاستثمارات"), at("b", "الاستثمارات في البلاد كبيرة"))


def test_greedy_takes_the_largest_overlap_and_keeps_annotators_apart():
    a = claim("a", "alice", 0, 10)
    b_small = claim("b1", "bob", 4, 10)  # overlap 6
    b_big = claim("b2", "bob", 1, 10)  # overlap 9: wins a
    units = match_units([a, b_small, b_big])
    assert sorted(sorted(c.id for c in unit) for unit in units) == [["a", "b2"], ["b1"]]
    # a chain through a third annotator never puts two of one annotator's claims together
    c = claim("c", "carol", 5, 15)
    a2 = claim("a2", "alice", 9, 16)
    units = match_units([a, c, a2])
    assert all(len({x.annotator for x in u}) == len(u) for u in units)


def test_no_figure_is_printed_as_a_negative_zero():
    """Four annotators at exactly chance (Krippendorff 2011, section C: n = 10 values,
    7 and 3; D_o = D_e = 7/15) read «Krippendorff's alpha (nominal): -0.000» (rv241)."""
    from store.review.agreement import _num, _pct

    units = [[N, "d", "v", "v"], ["v", N, "v", "v"], ["d", "d", "v", "v"]]
    stats = alpha_nominal_stats(units)
    assert stats.alpha == pytest.approx(0, abs=1e-12)
    assert stats.observed == pytest.approx(7 / 15) == stats.expected
    assert _num(stats.alpha) == "0.000" and _num(-0.0) == _num(-0.0004) == "0.000"
    assert _num(-0.0005) == "-0.001" and _num(0.4) == "0.400"
    assert _pct(-0.0) == _pct(-0.04) == "0.0%"


# -- end to end ----------------------------------------------------------------------------
TEXT = " ".join(f"كلمة{i:03d}" for i in range(60))  # 60 words of 7 letters + spaces


def tag(project, article_id: str, who: str, start: int, end: int, label: str) -> Claim:
    project.annotator = who
    return appearances.create_claim(project, article_id, start, end, label)


@pytest.fixture
def two_annotators(project):
    art = articles.add_article(project, TEXT, "عنوان")
    for i, (first, second) in enumerate(KAPPA_PAIRS):
        tag(project, art.id, "alice", i * 10, i * 10 + 8, first)
        tag(project, art.id, "bob", i * 10 + 1, i * 10 + 8, second)  # 7 of 7 shared
    tag(project, art.id, "alice", 150, 158, "verified")  # nobody else tagged this
    tag(project, art.id, "bob", 170, 175, "disputed")
    tag(project, art.id, "alice", 200, 220, "verified")  # overlap 5 < 10: no match
    tag(project, art.id, "bob", 215, 235, "verified")
    gone = tag(project, art.id, "bob", 300, 310, "verified")
    claims.delete_claim(project, gone.id)  # deleted claims do not count
    return project, art


def test_agreement_two_annotators(two_annotators):
    project, art = two_annotators
    report = agreement(project, art.id)
    assert report.annotators == ["alice", "bob"]
    assert report.claims == {"alice": 12, "bob": 12}
    assert report.unmatched == {"alice": 2, "bob": 2}
    assert (report.units, report.matched_pairs, report.agreeing_pairs) == (10, 10, 7)
    assert report.percent_agreement == pytest.approx(70.0)
    assert report.kappa == pytest.approx(0.4)
    # alpha over the 10 matched units, worked out above: 1 − 19·6/198
    assert report.alpha.alpha == pytest.approx(1 - 19 * 6 / 198)
    assert (report.alpha.units, report.alpha.values) == (10, 20)
    assert report.confusion == {("verified", "verified"): 4, ("verified", "disputed"): 2,
                                ("disputed", "verified"): 1, ("disputed", "disputed"): 3}
    text = "\n".join(report.lines())
    assert "Cohen's kappa: 0.400" in text and "70.0%" in text
    assert "at least 50% of the shorter one's characters (code points, not words;" in text


def test_agreement_reads_places_light_and_agrees_with_the_full_read(two_annotators,
                                                                      monkeypatch):
    """The Agreement dialog of an article of 50,000 claims took 2-3 s, a second of it
    reading every claim in full (notes, links) for its span, verdict and annotator
    (rv86), and over a project of 37,000 claims 2.5 s (rv213): places are read light,
    for one article or all; the report is the one the places read in full give."""
    from store.review import agreement as module

    project, art = two_annotators
    full = appearances.list_appearances(project)
    with monkeypatch.context() as patched:
        patched.setattr(module, "project_places", lambda _project: full)
        whole = agreement(project)
    with monkeypatch.context() as patched:
        patched.setattr(Appearance, "from_values", lambda *_a: pytest.fail("read in full"))
        light, one = agreement(project), agreement(project, art.id)
    assert light.lines() == whole.lines() == one.lines() and light.kappa == pytest.approx(0.4)


def test_the_projects_places_are_its_live_well_placed_places_read_in_full(project):
    """project_places (the Agreement report's) against list_appearances: two articles,
    a claim linked into both, a deleted claim, an untagged place and offsets another
    program wrote as text (left out, rv132)."""
    first = articles.add_article(project, TEXT, "أولى")
    second = articles.add_article(project, TEXT + " ثانية", "ثانية")
    kept = tag(project, first.id, "alice", 0, 8, "verified")
    appearances.add(project, kept.id, second.id, 10, 18)
    tag(project, second.id, "bob", 20, 28, "disputed")
    claims.delete_claim(project, tag(project, first.id, "bob", 30, 38, "verified").id)
    twice = tag(project, first.id, "alice", 40, 48, "verified")
    appearances.delete(project, appearances.add(project, twice.id, second.id, 40, 48).id)
    odd = tag(project, second.id, "carol", 50, 58, "verified")
    with project.transaction():
        project.conn.execute("UPDATE appearances SET start = 'fifty' WHERE claim_id = ?", [odd.id])

    def seen(places) -> list[tuple]:
        return sorted((p.id, p.claim_id, p.article_id, p.start, p.end, p.label, p.annotator,
                       p.created) for p in places)

    light = appearances.project_places(project)
    assert seen(light) == seen(c for c in appearances.list_appearances(project)
                               if type(c.start) is int)
    assert len(light) == 4 and {p.article_id for p in light} == {first.id, second.id}


@pytest.fixture
def tagged_before_deleted(tmp_path):
    """Bob tagged two claims in his copy; Alice deleted the article after, then merged his
    file: the article stays deleted and his places stay live in it, out of sight (rv241).
    Alice's claim in another article counts."""
    import shutil

    from store.core import article_deletion
    from store.core.project import Project
    from store.exchange.merge import merge_file

    mine, theirs = tmp_path / "alice.tahqiq", tmp_path / "bob.tahqiq"
    with Project.open(mine, "alice") as project:
        art = articles.add_article(project, TEXT, "مقال")
        tag(project, art.id, "alice", 0, 15, "verified")
        kept = articles.add_article(project, TEXT + " ثانية", "ثانية")
        tag(project, kept.id, "alice", 0, 15, "verified")
    shutil.copy(mine, theirs)
    with Project.open(theirs, "bob") as project:
        tag(project, art.id, "bob", 0, 15, "disputed")
        tag(project, art.id, "bob", 80, 95, "disputed")
    project = Project.open(mine, "alice")
    article_deletion.delete_article(project, art.id)
    assert merge_file(project, theirs).new_claims == 2
    assert project.execute("SELECT count(*) FROM appearances WHERE article_id = ? AND "
                           "deleted IS NULL", [art.id]).fetchone()[0] == 2
    yield project, art, kept
    project.close()


def test_the_places_in_a_deleted_article_are_not_counted(tagged_before_deleted):
    """The report counted Bob's places in the deleted article («bob: 2 claim(s), 2
    unmatched») when the Summary said «Claims: 0» of them: the report leaves them out,
    as the window shows none (rv241)."""
    from store.review.summary import project_summary

    project, _art, kept = tagged_before_deleted
    report = agreement(project)
    assert report.claims == {"alice": 1} == dict(project_summary(project).by_annotator)
    assert (report.annotators, report.articles) == (["alice"], 1)
    assert [p.article_id for p in appearances.project_places(project)] == [kept.id]


def test_the_claims_listed_and_their_annotators_leave_out_a_deleted_articles(
        tagged_before_deleted):
    """`tahqiq claims` listed Bob's places in the deleted article, which the CSV export
    and the window leave out, and Bob among those who tagged words (rv241)."""
    import io

    from store.cli.main import main
    from store.exchange import exporting

    project, _art, kept = tagged_before_deleted
    assert [p.article_id for p in appearances.list_appearances(project)] == [kept.id]
    assert appearances.annotators(project) == ["alice"]
    out = io.StringIO()
    assert main(["claims", "--project", str(project.path)], out) == 0
    listed = out.getvalue().splitlines()
    assert len(listed) == 1 == sum(len(rows) for rows in exporting.csv_rows(project))
    assert listed[0].split("\t")[4] == "alice"


def test_agreement_three_annotators_with_missing_values(two_annotators):
    project, art = two_annotators
    # carol agrees with alice on the first three units and is absent from the rest
    for i in range(3):
        tag(project, art.id, "carol", i * 10, i * 10 + 8, KAPPA_PAIRS[i][0])
    report = agreement(project)
    assert report.annotators == ["alice", "bob", "carol"]
    assert report.kappa is None
    assert report.units == 10
    assert report.matched_pairs == 10 + 3 + 3
    assert [(p.first, p.second, p.matched, p.agreeing) for p in report.pairs] == [
        ("alice", "bob", 10, 7), ("alice", "carol", 3, 3), ("bob", "carol", 3, 3)]
    units = [[first, second, first if i < 3 else None]  # alice, bob, carol
             for i, (first, second) in enumerate(KAPPA_PAIRS)]
    assert report.alpha.alpha == pytest.approx(krippendorff_alpha_nominal(units))
    assert report.alpha.values == 23
    assert any("alice ↔ carol: 3/3 = 100.0%" in line for line in report.lines())


def test_agreement_filters_annotators_and_handles_nobody(two_annotators):
    project, art = two_annotators
    tag(project, art.id, "carol", 0, 8, "disputed")
    report = agreement(project, art.id, annotators=["alice", "bob"])
    assert report.kappa == pytest.approx(0.4)  # carol ignored
    empty = agreement(project, "no-such-article")
    assert (empty.annotators, empty.matched_pairs, empty.percent_agreement) == ([], 0, None)
    assert math.isnan(empty.alpha.alpha)
    assert any("n/a" in line for line in empty.lines())
    assert any(line.startswith("Agreement needs a second") for line in map(str, empty.lines()))


def test_agreement_with_one_annotator_says_it_needs_a_second(two_annotators):
    """One annotator's claims (or two names asked, one with none): Review ▸ Agreement and
    `tahqiq agreement` were a box of «n/a (0 units, …)» figures saying nothing of why.
    A line before them says a second annotator's claims are needed, and how to bring
    them in; the figures stay, the same lines (rv252)."""
    project, art = two_annotators
    for asked in (["alice"], ["alice", "nobody"]):
        lines = [str(line) for line in agreement(project, art.id, annotators=asked).lines()]
        at = lines.index("Agreement needs a second annotator's claims on the same articles: "
                         "bring a colleague's work in with File ▸ Merge Colleague's Project "
                         "(or tahqiq merge).")
        assert lines[at - 1].startswith("  ") and lines[at + 1] == "Matched units: 0 (0 pairs)"
        assert lines[-1].startswith("Krippendorff's alpha (nominal): n/a (")
    assert not any("needs a second" in str(line) for line in agreement(project, art.id).lines())


def test_agreement_report_counts_in_the_singular(two_annotators):
    """One claim, one pair: the report says so in the singular (it said «1 claims»)."""
    project, art = two_annotators
    tag(project, art.id, "carol", 0, 8, "disputed")
    report = agreement(project, art.id, annotators=["alice", "carol"])
    lines = [str(line) for line in report.lines()]
    assert "  carol: 1 claim, 0 unmatched" in lines
    assert "Matched units: 1 (1 pair)" in lines
    assert any(line.startswith("Cohen's kappa: ") and line.endswith("(1 pair)")
               for line in lines)
    assert lines[-1].startswith("Krippendorff's alpha (nominal): ")
    assert "(1 unit, 2 pairable values" in lines[-1]
    assert lines[0] == "Annotators: alice, carol (1 article)"
    assert report.lines()[0].params["names"].names == {"ar": "alice، carol"}  # Arabic comma


def test_a_unit_holds_only_claims_that_match_each_other():
    """rv106: alice tagged a sentence, bob its first half and carol its second; bob and
    carol share no words, yet the chain through alice counted them as a matched pair
    (bob ↔ carol 0/1 = 0.0%)."""
    whole = claim("a", "alice", 0, 100)
    first = claim("b", "bob", 0, 50)
    second = claim("c", "carol", 50, 100)
    for unit in match_units([whole, first, second]):
        assert all(spans_match(x, y) for i, x in enumerate(unit) for y in unit[i + 1:])


def test_an_editors_settlement_is_not_counted_as_the_annotators_agreement(two_annotators):
    """An editor who relabelled bob's claims to alice's verdicts (adopting in the
    Disagreements panel, or `tahqiq claim`) made them agree at 100%, kappa 1.000: each
    claim is scored with the verdict its own annotator last gave it (rv106). bob's own
    change of mind counts."""
    project, art = two_annotators
    bobs = {(p.start, p.end): p for p in appearances.list_appearances(project, art.id)
            if p.annotator == "bob"}
    alices = {p.start + 1: p.label for p in appearances.list_appearances(project, art.id)
              if p.annotator == "alice"}  # (bob's claims start a letter after alice's)
    project.annotator = "editor"
    settled = 0
    for (start, _end), place in bobs.items():
        if start in alices and place.label != alices[start]:
            claims.update_claim(project, place.claim_id, label=alices[start])
            settled += 1
    assert settled == 3  # (the test relabelled nothing, and guarded nothing: rv154)
    report = agreement(project, art.id)
    assert (report.matched_pairs, report.agreeing_pairs) == (10, 7)
    assert report.kappa == pytest.approx(0.4)
    project.annotator = "bob"  # bob, of his own accord, takes alice's verdict on one
    assert KAPPA_PAIRS[4] == ("verified", "disputed")
    mind = sorted(bobs.values(), key=lambda p: p.start)[4]
    claims.update_claim(project, mind.claim_id, label="disputed")
    claims.update_claim(project, mind.claim_id, label="verified")
    assert agreement(project, art.id).agreeing_pairs == 8


@pytest.mark.parametrize("column", ["before", "after"])
def test_a_history_entry_that_is_not_json_tells_no_verdict(two_annotators, column):
    """A colleague's history entry another program wrote, its «before» or «after» not
    JSON, merged as it was: the report failed for the whole project («malformed JSON»,
    Review ▸ Agreement a traceback in the window - rv254). It tells no verdict; the
    others count as they did."""
    project, art = two_annotators
    project.annotator = "editor"
    for place in appearances.list_appearances(project, art.id):
        if place.annotator == "bob":
            claims.update_claim(project, place.claim_id, label="unchecked")
    with project.transaction():
        project.execute(f"UPDATE history SET {column} = '{{' WHERE who = 'editor'")
    report = agreement(project, art.id)
    assert (report.matched_pairs, report.agreeing_pairs) == (10, 7)


def test_a_pairs_row_is_the_same_whoever_else_is_in_the_report(project):
    """alice and bob share half of alice's words with other verdicts; carol's two claims
    beside them put alice's and bob's in separate units, and their row read «0/0» in the
    window, «0/1» with --annotators alice bob (rv106)."""
    art = articles.add_article(project, TEXT, "عنوان")
    tag(project, art.id, "alice", 0, 12, "verified")
    tag(project, art.id, "bob", 6, 18, "disputed")
    tag(project, art.id, "carol", 0, 12, "verified")
    tag(project, art.id, "carol", 12, 18, "disputed")
    everyone = {(p.first, p.second): (p.matched, p.agreeing)
                for p in agreement(project, art.id).pairs}
    alone = agreement(project, art.id, annotators=["alice", "bob"]).pairs[0]
    assert everyone["alice", "bob"] == (alone.matched, alone.agreeing) == (1, 0)
