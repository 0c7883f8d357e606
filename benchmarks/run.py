"""Tahqiq's performance benchmarks (issue 6). Not part of the test run.

    python benchmarks/run.py                 # everything, full repetitions
    python benchmarks/run.py --quick         # fewer repetitions, for a smoke run
    python benchmarks/run.py --only relabel_ms,undo_ms

Data is generated deterministically under benchmarks/data/ (gitignored) and reused
while its version string matches (see benchmarks/_data.py). Each measurement runs in a
child process (benchmarks/_gui_child.py, benchmarks/_store_child.py) with its own
throwaway XDG folders and QT_QPA_PLATFORM=offscreen; the GUI ones start a fresh process
per run. Prints a table and writes benchmarks/results.json:
``{"name": {"median", "unit", "target", "met", "n", "note"}}``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _data  # noqa: E402 - after the path is set

GUI_CHILD = HERE / "_gui_child.py"
STORE_CHILD = HERE / "_store_child.py"
BUDGET_S = 600

# name: (unit, target, group). A row is met when median <= target.
ROWS: dict[str, tuple[str, float, str]] = {
    "startup_ratio": ("ratio", 2, "startup"),
    "open_large_article_ms": ("ms", 250, "session"),
    "tag_one_span_ms": ("ms", 16, "session"),
    "relabel_ms": ("ms", 16, "session"),
    "undo_ms": ("ms", 16, "session"),
    "redo_ms": ("ms", 16, "session"),
    "scroll_max_frame_ms": ("ms", 50, "session"),
    "peak_rss_mb": ("MB", 150, "session"),
    "export_csv_ratio": ("ratio", 3, "export"),
    "merge_100k_ms": ("ms", 2000, "merge"),
    "search_ms": ("ms", 50, "search"),
    "import_10mb_ms": ("ms", 1000, "import"),
}

# Repetitions: (full, quick). Every median is over at least 5 samples in full mode.
REPS = {
    "startup": (7, 3),  # pairs of fresh processes (bare, app), after one warm-up pair
    "session": (5, 2),  # fresh processes; each opens, scrolls and does EDITS of each edit
    "edits": (10, 3),
    "export": (5, 2),
    "merge": (5, 1),
    "merge_conflicts": (3, 1),  # reported in the merge row's note
    "search": (5, 2),
    "import": (5, 2),
}


class Bench:
    def __init__(self, quick: bool, data: dict[str, str], scratch: Path):
        self.quick = quick
        self.data = data
        self.scratch = scratch
        self.results: dict[str, dict] = {}

    def reps(self, key: str) -> int:
        return REPS[key][1 if self.quick else 0]

    # -- children --------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        home = Path(tempfile.mkdtemp(prefix="home-", dir=self.scratch))
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM="offscreen", TAHQIQ_USER="bench",
                   XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "run"))
        (home / "run").mkdir(mode=0o700)
        return env

    def child(self, script: Path, *args: str, timeout: float = 300) -> tuple[dict, float]:
        """Run a child; returns its JSON line and the perf_counter() taken just before it
        was started."""
        env = self.env()
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script), *args], env=env, cwd=self.scratch,
                              capture_output=True, text=True, timeout=timeout)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"{script.name} {' '.join(args)} failed "
                               f"({proc.returncode}):\n{proc.stderr[-3000:]}")
        return json.loads(lines[-1]), started

    def copy(self, name: str) -> Path:
        target = Path(tempfile.mkdtemp(prefix="proj-", dir=self.scratch)) / Path(
            self.data[name]).name
        shutil.copyfile(self.data[name], target)
        return target

    def row(self, name: str, median: float | None, n: int, note: str = "") -> None:
        unit, target, _ = ROWS[name]
        self.results[name] = {
            "median": None if median is None else round(median, 3),
            "unit": unit, "target": target,
            "met": median is not None and median <= target,
            "n": n, "note": note,
        }

    # -- the groups ------------------------------------------------------------------------
    def startup(self) -> None:
        bare_s, app_s = [], []
        pairs = self.reps("startup")
        for i in range(pairs + 1):  # pair 0 warms the disk cache and writes .pyc files
            out, t0 = self.child(GUI_CHILD, "bare", self.data["sample_text"], timeout=120)
            bare = out["painted"] - t0
            out, t0 = self.child(GUI_CHILD, "app", str(self.copy("sample")), timeout=120)
            app = out["painted"] - t0
            if i:
                bare_s.append(bare * 1000)
                app_s.append(app * 1000)
        bare_m, app_m = statistics.median(bare_s), statistics.median(app_s)
        self.row("startup_ratio", app_m / bare_m, pairs,
                 f"app {app_m:.0f} ms / bare QPlainTextEdit {bare_m:.0f} ms "
                 f"(process start to first painted viewport)")

    def session(self) -> None:
        runs = [self.child(GUI_CHILD, "session", str(self.copy("big")),
                           self.data["big_article_id"], str(self.reps("edits")), str(seed),
                           timeout=600)[0]
                for seed in range(self.reps("session"))]
        for run in runs:
            if "error" in run:
                raise RuntimeError(run["error"])

        def all_of(key: str) -> list[float]:
            return [x for run in runs for x in run[key]]

        def each(key: str) -> list[float]:
            return [run[key] for run in runs]

        opened = each("open_ms")
        self.row("open_large_article_ms", statistics.median(opened), len(opened),
                 f"show_article() to end of first paint; {self.data['big_bytes']} bytes, "
                 f"{self.data['big_chars']} chars, {runs[0]['blocks']} blocks, "
                 f"{runs[0]['claims_before']} claims; fresh process each")
        tags, settled = all_of("tag_ms"), all_of("tag_settled_ms")
        self.row("tag_one_span_ms", statistics.median(tags), len(tags),
                 f"window.tag() + viewport.repaint(); max {max(tags):.1f}; with the "
                 f"rest of the queued events {statistics.median(settled):.1f}; work "
                 f"left to timers, run 300 ms later {statistics.median(all_of('deferred_ms')):.0f}")
        for name, key in (("relabel_ms", "relabel_ms"), ("undo_ms", "undo_ms"),
                          ("redo_ms", "redo_ms")):
            samples = all_of(key)
            self.row(name, statistics.median(samples), len(samples),
                     f"undo_stack {key.split('_')[0]} + viewport.repaint(); "
                     f"max {max(samples):.1f}")
        frames = each("scroll_max_ms")
        self.row("scroll_max_frame_ms", statistics.median(frames), len(frames),
                 f"max over {runs[0]['scroll_steps']} page steps per pass (median of "
                 f"passes); mean step {statistics.median(each('scroll_mean_ms')):.1f} ms")
        rss = each("rss_end_mb")
        hwm = [x for x in each("vmhwm_end_mb") if x is not None]
        self.row("peak_rss_mb", statistics.median(rss), len(rss),
                 "ru_maxrss after open, full scroll and edits (VmHWM "
                 f"{statistics.median(hwm) if hwm else float('nan'):.0f}); after open only "
                 f"{statistics.median(each('rss_open_mb')):.0f} MB, after the full scroll "
                 f"{statistics.median(each('rss_scrolled_mb')):.0f} MB")

    def export(self) -> None:
        work = Path(tempfile.mkdtemp(prefix="export-", dir=self.scratch))
        out, _ = self.child(STORE_CHILD, "export", self.data["corpus"], str(work),
                            str(self.reps("export")))
        if out["rows_export"] != out["rows_baseline"]:
            raise RuntimeError(f"export wrote {out['rows_export']} rows, the baseline "
                               f"{out['rows_baseline']}")
        ex, base = statistics.median(out["export_ms"]), statistics.median(out["baseline_ms"])
        self.row("export_csv_ratio", ex / base, len(out["export_ms"]),
                 f"export_file csv {ex:.0f} ms / {out['baseline']} {base:.0f} ms; "
                 f"{out['rows_export']} rows")

    def merge(self) -> None:
        work = Path(tempfile.mkdtemp(prefix="merge-", dir=self.scratch))
        out, _ = self.child(STORE_CHILD, "merge", self.data["target"], self.data["corpus"],
                            str(work), str(self.reps("merge")), timeout=900)
        first = out["summaries"][0]
        if first["new_claims"] != _data.CORPUS_CLAIMS:
            raise RuntimeError(f"merge brought {first['new_claims']} claims")
        both, _ = self.child(STORE_CHILD, "merge-conflicts", self.data["mine_changed"],
                             self.data["theirs_changed"], str(work),
                             str(self.reps("merge_conflicts")), timeout=900)
        self.row("merge_100k_ms", statistics.median(out["merge_ms"]), len(out["merge_ms"]),
                 f"{first['new_claims']} new claims + {first['new_history']} history + "
                 f"{first['new_reviews']} reviews onto the same 10,000 articles "
                 f"({out['colleague_mb']:.0f} MB file). Also: merging it again "
                 f"{statistics.median(out['remerge_ms']):.0f} ms; after both sides relabelled "
                 f"({both['updated']} updated, {both['conflicts']} conflicts, "
                 f"{both['unchanged']} unchanged) {statistics.median(both['merge_ms']):.0f} ms")

    def search(self) -> None:
        try:
            import store.core.search  # noqa: F401
        except ImportError:
            self.row("search_ms", None, 0, "not measured: store/search.py does not exist")
            return
        out, _ = self.child(STORE_CHILD, "search", self.data["corpus"], str(self.reps("search")))
        per_query = {q: statistics.median(v["ms"]) for q, v in out["queries"].items()}
        worst = max(per_query, key=per_query.get)
        self.row("search_ms", per_query[worst], len(per_query) * self.reps("search"),
                 f"slowest query's median ({worst!r}, {out['queries'][worst]['hits']} hits); "
                 "others: " + ", ".join(f"{q!r} {ms:.1f}" for q, ms in per_query.items()
                                        if q != worst))

    def import_(self) -> None:
        work = Path(tempfile.mkdtemp(prefix="import-", dir=self.scratch))
        out, _ = self.child(STORE_CHILD, "import", self.data["import_10mb"], str(work),
                            str(self.reps("import")))
        self.row("import_10mb_ms", statistics.median(out["import_ms"]), len(out["import_ms"]),
                 f"import_file of {out['bytes']} bytes ({out['chars']} chars after cleaning) "
                 "into a fresh project")


def generate() -> dict[str, str]:
    """Make or reuse the data in a child process.

    Not in this process: Linux carries a parent's peak RSS into every child it starts
    (ru_maxrss survives fork and execve), so a parent that had held 100,000 generated
    claims would inflate every child's peak_rss_mb reading.
    """
    proc = subprocess.run([sys.executable, str(HERE / "_data.py")], stdout=subprocess.PIPE,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


GROUPS: dict[str, Callable[[Bench], None]] = {
    "startup": Bench.startup, "session": Bench.session, "export": Bench.export,
    "merge": Bench.merge, "search": Bench.search, "import": Bench.import_,
}


def print_table(results: dict[str, dict], names: list[str]) -> None:
    print()
    print(f"{'benchmark':<24}{'median':>12}  {'target':>10}  {'met':<5} note")
    print("-" * 100)
    for name in names:
        r = results.get(name)
        if r is None:
            continue
        median = "not measured" if r["median"] is None else f"{r['median']:.2f} {r['unit']}"
        print(f"{name:<24}{median:>12}  {'<= ' + format(r['target'], 'g') + ' ' + r['unit']:>10}"
              f"  {'yes' if r['met'] else 'NO':<5} {r['note']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    parser.add_argument("--only", metavar="NAME,...",
                        help="comma-separated benchmark names: " + ", ".join(ROWS))
    parser.add_argument("--output", type=Path, default=HERE / "results.json",
                        help="where to write the results (default: %(default)s)")
    args = parser.parse_args(argv)
    names = list(ROWS)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in ROWS]
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    groups = [g for g in GROUPS if any(ROWS[n][2] == g for n in names)]

    start = time.perf_counter()
    print(f"data {_data.version()} in {_data.data_dir()}")
    data = generate()
    print(f"data ready after {time.perf_counter() - start:.1f} s")
    scratch = Path(tempfile.mkdtemp(prefix="tahqiq-bench-"))
    bench = Bench(args.quick, data, scratch)
    try:
        for group in groups:
            t = time.perf_counter()
            print(f"running {group}…", flush=True)
            GROUPS[group](bench)
            print(f"  {group} took {time.perf_counter() - t:.1f} s", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results = {n: bench.results[n] for n in names if n in bench.results}
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print_table(results, names)
    total = time.perf_counter() - start
    print(f"\ntotal {total:.0f} s (budget {BUDGET_S} s){'' if total <= BUDGET_S else ' OVER'}; "
          f"{sum(r['met'] for r in results.values())}/{len(results)} targets met; "
          f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
