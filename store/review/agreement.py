"""How far annotators agree: which spans they both tagged and whether they chose the same label.

Matching rule. Two live claims by *different* annotators on the *same*
article match when they overlap by at least half the length of the shorter
span (lengths and overlap in code points). Candidate matches are taken
greedily, largest overlap first (then the closest ends, then the claim ids, so
the result never depends on the order rows come back in), and joined into
*units*: a unit never holds two claims by one annotator, and every two claims
in it match (a claim joins a unit only when it matches each claim there), so
with two annotators it is a one-to-one matching. A claim left alone in its unit is
*unmatched*: the others did not tag those words.

Label agreement is then measured on matched spans only, each claim with the
verdict its own annotator gave it last (the history tells it: an editor who
settled a disagreement by relabelling a colleague's claim made the two agree
at 100%, kappa 1.000; rv106):

* percent agreement and the annotator-by-annotator table count, for each two
  annotators, the pairs a matching of those two alone makes - the figures
  ``--annotators A B`` gives (counted inside units made with everyone, a third
  annotator's claims changed a pair's row: rv106);
* Cohen's kappa (exactly two annotators) uses those pairs, categories = labels;
* Krippendorff's alpha (nominal, any number of annotators) uses the units as
  its units and each annotator as a coder; an annotator absent from a unit is
  a missing value, so single-claim units carry no pairable values.

The statistics are written out here rather than taken from a package: nominal
alpha is one coincidence matrix, and this keeps numpy out of the store.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from store.core.appearances import list_places, project_places
from store.core.project import Project, id_chunks
from store.core.records import Appearance, Place
from store.errors import Message, Named
from store.text.display import by_name

MATCH_SHARE = 0.5  # overlap needed, as a share of the shorter span
Spanned = Appearance | Place  # a claim's place, read in full or light: its span, label, who


# -- the statistics, as pure functions ------------------------------------------------------
@dataclass(frozen=True)
class AlphaStats:
    """Krippendorff's alpha with the counts it comes from (NaN when undefined)."""

    alpha: float
    units: int  # units with at least two values (pairable units)
    values: int  # n: values in those units
    observed: float  # D_o, observed disagreement
    expected: float  # D_e, disagreement expected by chance


def alpha_nominal_stats(units: Sequence[Sequence[str | None]]) -> AlphaStats:
    """Nominal alpha from the coincidence matrix (Krippendorff 2011, section C).

    Each unit is a list of values, one per coder, ``None`` where the coder gave
    none. ``o[c][k]`` adds, for every unit, the ordered pairs of values c, k
    taken from different coders divided by ``m_u - 1``; then
    ``D_o = Σ_{c≠k} o_ck / n`` and ``D_e = Σ_{c≠k} n_c·n_k / (n(n-1))``.
    """
    coincidence: defaultdict[tuple[str, str], float] = defaultdict(float)
    pairable = 0
    for unit in units:
        values = Counter(v for v in unit if v is not None)
        m = sum(values.values())
        if m < 2:
            continue
        pairable += 1
        for c, n_c in values.items():
            for k, n_k in values.items():
                coincidence[c, k] += n_c * (n_k - (c == k)) / (m - 1)
    totals: Counter[str] = Counter()
    for (c, _k), o in coincidence.items():
        totals[c] += o
    n = sum(totals.values())
    if n < 2:
        return AlphaStats(math.nan, pairable, round(n), math.nan, math.nan)
    observed = sum(o for (c, k), o in coincidence.items() if c != k) / n
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k) \
        / (n * (n - 1))
    alpha = 1 - observed / expected if expected > 0 else math.nan
    return AlphaStats(alpha, pairable, round(n), observed, expected)


def krippendorff_alpha_nominal(units: list[list[str | None]]) -> float:
    """Nominal alpha; NaN when nothing is pairable or every value is the same."""
    return alpha_nominal_stats(units).alpha


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa for two raters' (first, second) labels of the same items.

    ``(p_o - p_e) / (1 - p_e)`` with p_e from each rater's own label shares;
    NaN when undefined (no pairs, or both raters used one and the same label).
    """
    n = len(pairs)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return math.nan
    return (observed - expected) / (1 - expected)


# -- matching --------------------------------------------------------------------------------
def overlap(a: Spanned, b: Spanned) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def spans_match(a: Spanned, b: Spanned) -> bool:
    """The matching rule: overlap of at least half the shorter span."""
    shared = overlap(a, b)
    return shared > 0 and shared >= MATCH_SHARE * min(a.end - a.start, b.end - b.start)


def match_units(claims: Sequence[Spanned], links: list[Link] | None = None
                ) -> list[list[Spanned]]:
    """Group one article's claims into units (see the module docstring), singletons
    included. *links*: every two annotators' (:func:`pair_links`), when already made."""
    if links is None:
        links = [link for pair in pair_links(claims).values() for link in pair]
    links = sorted(links)
    unit_of = {claim.id: claim.id for claim in claims}
    members = {claim.id: [claim] for claim in claims}
    who = {claim.id: {claim.annotator} for claim in claims}  # each unit's annotators
    for *_rank, a, b in links:
        ua, ub = unit_of[a.id], unit_of[b.id]
        if ua == ub or not who[ua].isdisjoint(who[ub]):
            continue
        # every pair in a unit is counted as matched: join only claims that all match
        # (a sentence's two halves, tagged by two others, share no words: rv106)
        if not all(spans_match(x, y) for x in members[ua] for y in members[ub]):
            continue
        if len(members[ua]) < len(members[ub]):
            ua, ub = ub, ua
        for claim in members.pop(ub):
            unit_of[claim.id] = ua
            members[ua].append(claim)
        who[ua] |= who.pop(ub)
    return sorted((sorted(unit, key=lambda c: c.annotator) for unit in members.values()),
                  key=lambda unit: (min(c.start for c in unit), unit[0].id))


Link = tuple[int, int, str, str, Spanned, Spanned]


def pair_links(claims: Sequence[Spanned], names: Sequence[str] | None = None
               ) -> dict[tuple[str, str], list[Link]]:
    """{(first, second): the matching pairs of their claims, first's first, in greedy
    order} for every two annotators of *claims* (in the order of *names*, by default
    their names')."""
    whose: defaultdict[str, list[Spanned]] = defaultdict(list)
    for claim in claims:
        whose[claim.annotator].append(claim)
    order = [name for name in names if whose[name]] if names is not None else sorted(whose)
    return {(first, second): sorted(_links(whose[first], whose[second]))
            for first, second in combinations(order, 2)}


def one_to_one(links: list[Link]) -> list[tuple[Spanned, Spanned]]:
    """Two annotators' claims matched from their links in greedy order, each claim once:
    what :func:`match_units` makes of the two alone (its units of two)."""
    taken: set[str] = set()
    pairs = []
    for *_rank, a, b in links:
        if a.id not in taken and b.id not in taken:
            taken.update((a.id, b.id))
            pairs.append((a, b))
    return pairs


def _links(left: list[Spanned], right: list[Spanned]) -> list[Link]:
    """Every matching (left, right) pair with its greedy rank; a sweep, not all pairs.
    (:func:`spans_match` written out: called 660,000 times for an article of 50,000
    claims, it was most of the Agreement dialog's 2 s.)"""
    right = sorted(right, key=lambda c: c.start)
    spans = [(c.start, c.end) for c in right]
    starts = [start for start, _ in spans]
    longest = max((end - start for start, end in spans), default=0)
    count = len(right)
    found = []
    for a in left:
        a_start, a_end = a.start, a.end
        i = bisect_left(starts, a_start - longest + 1)
        while i < count and starts[i] < a_end:
            b_start, b_end = spans[i]
            shared = min(a_end, b_end) - max(a_start, b_start)
            if shared > 0 and shared >= MATCH_SHARE * min(a_end - a_start, b_end - b_start):
                distance = abs(a_start - b_start) + abs(a_end - b_end)
                found.append((-shared, distance, a.id, right[i].id, a, right[i]))
            i += 1
    return found


# -- the report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    matched: int
    agreeing: int

    @property
    def percent(self) -> float | None:
        return 100 * self.agreeing / self.matched if self.matched else None


@dataclass
class AgreementReport:
    annotators: list[str]
    articles: int  # articles with at least one claim in scope
    claims: dict[str, int]  # live claims per annotator
    unmatched: dict[str, int]  # of those, claims nobody else matched
    units: int  # units holding two or more claims
    matched_pairs: int
    agreeing_pairs: int
    pairs: list[PairAgreement]
    kappa: float | None  # only for exactly two annotators; NaN when undefined
    alpha: AlphaStats
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # two annotators

    @property
    def percent_agreement(self) -> float | None:
        return 100 * self.agreeing_pairs / self.matched_pairs if self.matched_pairs else None

    def lines(self, shown: Callable[[str], str] = str) -> list[Message]:
        """The report, a line each; *shown* sets a name among the other words (the window
        isolates it: a name holding an override turned its line's figures backwards)."""
        shown_names = list(map(shown, self.annotators))
        names = Named(", ".join(shown_names), ar="، ".join(shown_names))  # Arabic's comma
        out = [Message("Annotators: {names} ({count} article(s))", names=names,
                       count=self.articles) if names
               else Message("Annotators: none ({count} article(s))", count=self.articles),
               Message("Matching: claims by different annotators on one article match when "
                       "they overlap by at least {share} of the shorter one's characters (code "
                       "points, not words; greedy, largest overlap first, one claim per "
                       "annotator per unit).",
                       share=f"{MATCH_SHARE:.0%}")]
        out += [Message("  {name}: {claims} claim(s), {unmatched} unmatched", name=shown(name),
                        claims=self.claims.get(name, 0), unmatched=self.unmatched.get(name, 0))
                for name in self.annotators]
        if sum(1 for name in self.annotators if self.claims.get(name)) < 2:
            # (before the figures, which stay, «n/a» as they are: a box of them told
            # nothing of why, rv252)
            out.append(Message("Agreement needs a second annotator's claims on the same "
                               "articles: bring a colleague's work in with File ▸ Merge "
                               "Colleague's Project (or tahqiq merge)."))
        out.append(Message("Matched units: {units} ({pairs} pair(s))", units=self.units,
                           pairs=self.matched_pairs))
        out.append(Message("Percent agreement on labels: {percent} ({agreeing} of {pairs} pair(s))",
                           percent=_pct(self.percent_agreement), agreeing=self.agreeing_pairs,
                           pairs=self.matched_pairs))
        if len(self.pairs) > 1:
            out += [Message("  {first} ↔ {second}: {agreeing}/{matched} = {percent}",
                            first=shown(p.first), second=shown(p.second), agreeing=p.agreeing,
                            matched=p.matched, percent=_pct(p.percent)) for p in self.pairs]
        if self.kappa is not None:
            out.append(Message("Cohen's kappa: {kappa} ({pairs} pair(s))", kappa=_num(self.kappa),
                               pairs=self.matched_pairs))
        a = self.alpha
        out.append(Message("Krippendorff's alpha (nominal): {alpha} ({units} unit(s), {values} "
                           "pairable value(s), D_o={observed}, D_e={expected})",
                           alpha=_num(a.alpha), units=a.units, values=a.values,
                           observed=_num(a.observed), expected=_num(a.expected)))
        return out


def agreement(project: Project, article_id: str | None = None,
              annotators: list[str] | None = None) -> AgreementReport:
    """Agreement between *annotators* (default: everyone with claims) on one article or all."""
    # Places read light, from the index (50,000 claims read in full, notes and links
    # decoded, took a second of the Agreement dialog's opening, rv86; over the project,
    # 37,000 took 2.5 s, rv213). Offsets another program wrote as text are left out (the
    # comparing ended in a TypeError, rv132).
    claims = project_places(project) if article_id is None \
        else list_places(project, article_id)  # (both leave out places not well placed)
    if annotators is not None:
        wanted = set(annotators)
        claims = [c for c in claims if c.annotator in wanted]
        names = list(dict.fromkeys(annotators))
    else:
        names = sorted({c.annotator for c in claims}, key=by_name)
    own = _own_verdicts(project, claims)

    def verdict(claim: Spanned) -> str:
        return own.get((claim.claim_id, claim.annotator), claim.label)

    by_article: defaultdict[str, list[Spanned]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    unmatched: Counter[str] = Counter()
    pair_counts: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    label_pairs: list[tuple[str, str]] = []
    alpha_units: list[list[str | None]] = []
    units = 0
    for article_claims in by_article.values():
        links = pair_links(article_claims, names)  # (swept once: most of the time)
        for unit in match_units(article_claims, [link for pair in links.values()
                                                 for link in pair]):
            if len(unit) == 1:
                unmatched[unit[0].annotator] += 1
            else:
                units += 1
            labels = {c.annotator: verdict(c) for c in unit}
            alpha_units.append([labels.get(name) for name in names])
        for (first, second), pair in links.items():  # each two alone
            counts = pair_counts[first, second]
            for a, b in one_to_one(pair):
                counts[0] += 1
                counts[1] += verdict(a) == verdict(b)
                label_pairs.append((verdict(a), verdict(b)))
    pairs = [PairAgreement(a, b, *pair_counts[a, b]) for a, b in combinations(names, 2)]
    two = len(names) == 2
    return AgreementReport(
        annotators=names, articles=len(by_article),
        claims=dict(Counter(c.annotator for c in claims)), unmatched=dict(unmatched),
        units=units, matched_pairs=len(label_pairs),
        agreeing_pairs=sum(a == b for a, b in label_pairs), pairs=pairs,
        kappa=cohen_kappa(label_pairs) if two else None,
        alpha=alpha_nominal_stats(alpha_units),
        confusion=dict(Counter(label_pairs)) if two else {},
    )


def _own_verdicts(project: Project, claims: Sequence[Spanned]) -> dict[tuple[str, str], str]:
    """{(claim id, annotator): the verdict that annotator last gave the claim
    themselves}, from the claims' history. A claim relabelled by someone else (an
    editor settling a disagreement, a colleague's change merged in) keeps, for its
    annotator, the verdict they gave; one they never gave a verdict (words linked to a
    colleague's claim, a file older than its history) is scored as it stands."""
    ids = list(dict.fromkeys(claim.claim_id for claim in claims))
    # Read only for the claims someone else than their annotator changed (a claim's own
    # changes are the verdict it has): the history of 50,000 claims read whole, JSON and
    # all, took a third of a second of the report.
    touched = [row[0] for chunk, marks in id_chunks(ids) for row in project.execute(
        "SELECT DISTINCT h.entity_id FROM history h JOIN claims c ON c.id = h.entity_id "
        f"WHERE h.entity = 'claim' AND h.entity_id IN ({marks}) AND h.who <> c.annotator",
        chunk)]
    own: dict[tuple[str, str], str] = {}
    # (an entry another program wrote, not JSON, tells no verdict: json_extract() failed
    # the whole report on it - rv254)
    verdict = "CASE WHEN json_valid({0}) THEN json_extract({0}, '$.label') END"
    for chunk, marks in id_chunks(touched):
        for claim_id, who, label in project.execute(
                f"SELECT entity_id, who, {verdict.format('after')} FROM history "
                f"WHERE entity = 'claim' AND entity_id IN ({marks}) "
                f"AND {verdict.format('after')} IS NOT NULL AND "
                f"{verdict.format('after')} IS NOT {verdict.format('before')} "
                "ORDER BY at, rowid", chunk):
            own[claim_id, who] = label
    return own


# A figure that cannot be had (no pairs to compare): a phrase, so the window says it in
# its language (the Arabic report read «n/a»).
NOT_AVAILABLE = Message("n/a")


def _pct(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else f"{round(value, 1) + 0.0:.1f}%"


def _num(value: float | None) -> str:
    """*value* to three places, never a negative zero: alpha at exactly chance, 1 − D_o/D_e
    a hair below 0 in floating point, read «-0.000» (rv241)."""
    return NOT_AVAILABLE if value is None or math.isnan(value) \
        else f"{round(value, 3) + 0.0:.3f}"
