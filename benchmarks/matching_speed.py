"""How fast claim matching is: a 1 MiB article against 10,000 known claims.

    python benchmarks/matching_speed.py            # 5 timed runs each (median)
    python benchmarks/matching_speed.py --runs 9

Prints the time of ``ClaimIndex.find`` on the article and, as the floor measured in the
same run on the same text, the time of ``store.text.fold.fold`` alone (matching has to
fold the text anyway): the ratio is ours / floor. The index is built once, as the
application does per project; its build time is printed apart. Target: find <= 300 ms.

The data is deterministic (fixed seed), made from the words of the sample article
(``seeds/``, and ``shared/seeds/`` beside the work tree when it is there): a news
project's vocabulary is far larger than one article's 1,600 words, so a long tail of
Arabic-looking words is spliced from the sample's (first half of one, second half of
another), and words are drawn with Zipf's law (frequency ~ 1/rank). A project's claims
come from many stories: each of 50 stories ranks the words its own way (function words
first, as the sample orders them, then every other word in the story's own order); the
article is ~1 MiB of sentences of 8-30 words of story 0, and the 10,000 claims, fragments
of 5-20 words, are spread over the 50 stories (200 of them are story 0's, drawn from the
article's own distribution: the hard part). 200 claims are planted in the article
(verbatim, with harakat and tatweel, or cut by a word), half of them story 0's.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from store.text.claim_words import is_stop  # noqa: E402
from store.text.fold import fold  # noqa: E402
from store.text.matching import ClaimIndex, KnownClaim  # noqa: E402

SEED = 20240619
TARGET_BYTES = 1 << 20
CLAIMS = 10_000
PLANTED = 200
VOCABULARY = 40_000
TOPICS = 50   # claims come from 50 stories; the article is story 0 (200 of its claims)
TARGET_MS = 300
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


def sample_words() -> list[str]:
    """Arabic words of the sample article(s), most frequent first (ties alphabetical)."""
    counts: Counter[str] = Counter()
    folders = [ROOT / "seeds", ROOT.parent / "shared" / "seeds",
               ROOT.parent.parent / "shared" / "seeds"]
    seen: set[str] = set()
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            if text in seen:  # the shared seed is the same article: count it once
                continue
            seen.add(text)
            counts.update(_ARABIC_WORD.findall(text))
    return sorted(counts, key=lambda w: (-counts[w], w))


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """The sample's words, then spliced words up to ``size``, in Zipf rank order."""
    words = sample_words()
    known = set(words)
    while len(words) < size:
        a, b = rng.choice(words[:1500]), rng.choice(words[:1500])
        word = a[: max(2, len(a) // 2)] + b[len(b) // 2:]
        if word not in known:
            known.add(word)
            words.append(word)
    return words


def make_data(size: int = VOCABULARY) -> tuple[str, list[KnownClaim], int]:
    """The article, the known claims, and how many of them are planted in the article."""
    rng = random.Random(SEED)
    words = vocabulary(rng, size)
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    head = [w for w in words if is_stop(fold(w).text)]
    rest = [w for w in words if not is_stop(fold(w).text)]

    def topic(number: int) -> list[str]:
        """A story's own ranking: function words first, then the others in its own order."""
        if number == 0:
            return words
        order = rest[:]
        random.Random(SEED + number).shuffle(order)
        return head + order

    rankings = [topic(t) for t in range(TOPICS)]

    def phrase(ranking: list[str], low: int, high: int) -> list[str]:
        return rng.choices(ranking, weights, k=rng.randint(low, high))

    claims = [KnownClaim(f"k{i:05d}", " ".join(phrase(rankings[i % TOPICS], 5, 20)),
                         "unchecked", f"a{i % 2000}") for i in range(CLAIMS)]
    planted = rng.sample(range(0, CLAIMS, TOPICS), PLANTED // 2) + rng.sample(
        [i for i in range(CLAIMS) if i % TOPICS], PLANTED // 2)
    sentences: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        sentence = " ".join(phrase(words, 8, 30)) + rng.choice((".", "،", ".", "."))
        sentences.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    for n, i in enumerate(planted):
        text = claims[i].text
        if n % 3 == 1:  # folded: harakat on the first word, tatweel in the second
            first, second, *rest = text.split()
            text = " ".join([first + "\u064e", second[:1] + "\u0640" + second[1:], *rest])
        elif n % 3 == 2:  # abbreviated: one word dropped
            cut = text.split()
            del cut[rng.randrange(len(cut))]
            text = " ".join(cut)
        at = rng.randrange(len(sentences))
        sentences[at] = f"{sentences[at]} وقال إن «{text}».".lstrip()
    lines = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    return "\n".join(lines), claims, PLANTED


def interleaved_ms(runs: int, *actions) -> list[list[float]]:
    """Each action once per round, in turn: a slow moment slows ours and the floor alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for samples, action in zip(times, actions, strict=True):
            started = time.perf_counter()
            action()
            samples.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY,
                        help="distinct words in the project (default %(default)s)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON line of samples (for benchmarks/run.py)")
    args = parser.parse_args()
    started = time.perf_counter()
    text, claims, planted = make_data(args.vocabulary)
    made = time.perf_counter() - started
    started = time.perf_counter()
    index = ClaimIndex(claims)
    built = time.perf_counter() - started
    started = time.perf_counter()
    suggestions = index.find(text)  # the first article a fresh index sees
    cold = (time.perf_counter() - started) * 1000
    found = {s.claim_id for s in suggestions}
    floors, finds = interleaved_ms(args.runs, lambda: fold(text), lambda: index.find(text))
    if args.json:
        print(json.dumps({"ours": finds, "floor": floors, "cold_ms": cold,
                          "build_ms": built * 1000, "suggestions": len(suggestions),
                          "claims_found": len(found), "planted": planted,
                          "bytes": len(text.encode("utf-8")), "claims": len(claims)}))
        return
    floor, ours = statistics.median(floors), statistics.median(finds)
    print(f"article: {len(text.encode('utf-8')):,} bytes, {len(text):,} code points; "
          f"claims: {len(claims):,}; vocabulary {args.vocabulary:,} (data made in {made:.1f} s)")
    print(f"index build: {built * 1000:.0f} ms (once per project)")
    print(f"find:  {ours:7.1f} ms   (median of {args.runs}; target <= {TARGET_MS} ms)")
    print(f"       {cold:7.1f} ms   (the first find of a fresh index: no word keyed yet)")
    print(f"floor: {floor:7.1f} ms   (fold() alone, same text)")
    print(f"ratio: {ours / floor:7.2f}   (first find: {cold / floor:.2f})")
    print(f"suggestions: {len(suggestions)}; claims found: {len(found)} "
          f"({planted} planted in the text)")


if __name__ == "__main__":
    main()
