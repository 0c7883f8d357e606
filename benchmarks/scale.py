"""The scale curves (``run.py --scale``): how opening, editing, memory and start-up grow
with the size of an article and of a project.

* claims: the 1 MiB article with 1,000, 5,000, 20,000 and 50,000 claims. For each, a
  fresh window opens it (to the first paint), scrolls it, tags and relabels (each edit
  to idle, the Disagreements panel closed), beside the bare-reader floor given the same
  spans; peak memory of the window.
* articles: projects of 1 (the sample), 1,000, 10,000 and 50,000 articles, started
  through the launcher to the first paint, beside the bare window floor.

Sizes are interleaved round by round, so a slow hour slows every size alike. Writes
``scale.json``; ``plot.py`` draws it.
"""

from __future__ import annotations

import json
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import GUI_CHILD, HERE, Bench

CLAIMS = {1_000: "big-1000", 5_000: "big", 20_000: "big-20000", 50_000: "big-50000"}
ARTICLES = {1: "sample", 1_000: "articles-1000", 10_000: "articles-10000",
            50_000: "articles-50000"}
EDITS = 5


def claims_curve(b: Bench, rounds: int) -> dict:
    samples: dict[int, dict[str, list[float]]] = {n: {} for n in CLAIMS}
    for seed in range(rounds):
        for size, name in CLAIMS.items():
            big = b.data[name]
            floor = b.gui("floor-open", big["text"], big["spans"])
            run = b.gui("session", str(b.copy(name)), big["article_id"], str(EDITS),
                        str(seed), "closed")
            got = samples[size]
            for key, value in (("open_ms", run["open_ms"]), ("open_floor_ms", floor["open_ms"]),
                               ("tag_ms", statistics.median(run["tag_ms"])),
                               ("relabel_ms", statistics.median(run["relabel_ms"])),
                               ("first_tag_ms", run["first_tag_ms"]),
                               ("rss_mb", run["vmhwm_end_mb"]),
                               ("rss_floor_mb", floor["rss_end_mb"])):
                got.setdefault(key, []).append(value)
    return _medians(samples)


def articles_curve(b: Bench, rounds: int) -> dict:
    samples: dict[int, dict[str, list[float]]] = {n: {} for n in ARTICLES}

    def start(mode: str, target: str) -> float:
        out, t0 = b.child(GUI_CHILD, mode, target)
        return (out["painted"] - t0) * 1000

    for _ in range(rounds + 1):  # the first round writes bytecode and warms the disk cache
        for size, name in ARTICLES.items():
            floor = start("floor-start", b.data["sample"]["sample_text"])
            ours = start("app-start", str(b.copy(name)))
            if _ > 0:
                samples[size].setdefault("startup_ms", []).append(ours)
                samples[size].setdefault("startup_floor_ms", []).append(floor)
    return _medians(samples)


def _medians(samples: dict[int, dict[str, list[float]]]) -> dict:
    sizes = sorted(samples)
    keys = list(samples[sizes[0]])
    return {"sizes": sizes, **{k: [round(statistics.median(samples[n][k]), 1) for n in sizes]
                               for k in keys}}


def main(quick: bool, output: Path, generate: Callable[[list[str]], dict]) -> int:
    start = time.perf_counter()
    data = generate(["sample", *CLAIMS.values(), *ARTICLES.values()])
    scratch = Path(tempfile.mkdtemp(prefix="tahqiq-scale-"))
    bench = Bench(quick, data, scratch)
    try:
        rounds = bench.reps(3, 1)
        print("claims 1k-50k…", flush=True)
        claims = claims_curve(bench, rounds)
        print("articles 1-50k…", flush=True)
        articles = articles_curve(bench, rounds)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = {"claims": claims, "articles": articles, "rounds": rounds,
              "machine": f"{platform.machine()}, {platform.python_version()}, "
                         f"{_cores()} cores", "when": time.strftime("%Y-%m-%d %H:%M UTC",
                                                                      time.gmtime())}
    output.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print_curves(result)
    print(f"\ntotal {time.perf_counter() - start:.0f} s; wrote {output} "
          f"(draw it with: python {HERE / 'plot.py'})")
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 0


def print_curves(result: dict) -> None:
    claims, articles = result["claims"], result["articles"]
    print(f"\n{'claims':>8}{'open':>9}{'floor':>8}{'ratio':>7}{'tag':>7}{'relabel':>9}"
          f"{'1st tag':>9}{'RSS MB':>8}")
    for i, n in enumerate(claims["sizes"]):
        print(f"{n:>8,}{claims['open_ms'][i]:>9.0f}{claims['open_floor_ms'][i]:>8.0f}"
              f"{claims['open_ms'][i] / claims['open_floor_ms'][i]:>7.2f}"
              f"{claims['tag_ms'][i]:>7.1f}{claims['relabel_ms'][i]:>9.1f}"
              f"{claims['first_tag_ms'][i]:>9.1f}{claims['rss_mb'][i]:>8.0f}")
    print(f"\n{'articles':>8}{'start':>9}{'floor':>8}{'ratio':>7}")
    for i, n in enumerate(articles["sizes"]):
        print(f"{n:>8,}{articles['startup_ms'][i]:>9.0f}{articles['startup_floor_ms'][i]:>8.0f}"
              f"{articles['startup_ms'][i] / articles['startup_floor_ms'][i]:>7.2f}")
