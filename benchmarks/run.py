"""Tahqiq's performance benchmarks: each row a ratio to a floor measured in the same run.

    python benchmarks/run.py                 # the suite, full repetitions
    python benchmarks/run.py --quick         # fewer repetitions, for a smoke run
    python benchmarks/run.py --only session,search
    python benchmarks/run.py --scale         # the curves: claims 1k-50k, articles 1k-50k

Data is generated deterministically under benchmarks/data/ (gitignored) and reused
while its version string matches (benchmarks/_data.py). Each measurement runs in a
child process (_gui_child.py, _store_child.py, matching_speed.py) with its own
throwaway XDG folders and QT_QPA_PLATFORM=offscreen. Prints a table and writes
benchmarks/results.json: ``{"row": {"ratio", "target", "met", "median", "floor", "unit",
"n", "kind", "includes", "note"}}`` (kind: ratio to a floor, absolute, or growth from
the small project to the large); ``--scale`` writes benchmarks/scale.json instead (see
benchmarks/scale.py), which benchmarks/plot.py draws.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _data  # noqa: E402 - after the path is set
import rows  # noqa: E402
from bench import Bench  # noqa: E402

BUDGET_S = 900


def generate(names: list[str]) -> dict[str, dict[str, str]]:
    """Make or reuse the data in a child process.

    Not in this process: Linux carries a parent's peak RSS into every child it starts
    (ru_maxrss survives fork and execve), so a parent that had held 100,000 generated
    claims would inflate every child's memory reading.
    """
    proc = subprocess.run([sys.executable, str(HERE / "_data.py"), *names],
                          stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def print_table(results: dict[str, dict]) -> None:
    print()
    print(f"{'row':<24}{'ours':>11}{'floor':>11}{'ratio':>8}{'target':>9}  met")
    print("-" * 70)
    for name, r in results.items():
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        floor = "" if r["floor"] is None else f"{r['floor']:.1f}"
        unit = f" {r['unit']}" if r["kind"] == "absolute" else "x"
        print(f"{name:<24}{r['median']:>9.1f}{r['unit'][:2]:>2}{floor:>11}{ratio:>8}"
              f"{'<= ' + format(r['target'], 'g') + unit:>11}  {'yes' if r['met'] else 'NO'}")
    print()
    for name, r in results.items():
        print(f"{name}: {r['includes']}. {r['note']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    parser.add_argument("--only", metavar="GROUP,...",
                        help="comma-separated groups: " + ", ".join(rows.GROUPS))
    parser.add_argument("--scale", action="store_true",
                        help="run the scale curves instead and write benchmarks/scale.json")
    parser.add_argument("--output", type=Path, help="where to write the results (default: "
                        "benchmarks/results.json, or scale.json with --scale)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.scale:
        import scale

        return scale.main(args.quick, args.output or HERE / "scale.json", generate)
    groups = list(rows.GROUPS)
    if args.only:
        groups = [g.strip() for g in args.only.split(",") if g.strip()]
        unknown = [g for g in groups if g not in rows.GROUPS]
        if unknown:
            parser.error(f"unknown group(s): {', '.join(unknown)}")
    print(f"data {_data.version()} in {_data.data_dir()}")
    data = generate(sorted({name for g in groups for name in rows.DATA[g]}))
    print(f"data ready after {time.perf_counter() - start:.1f} s")
    scratch = Path(tempfile.mkdtemp(prefix="tahqiq-bench-"))
    bench = Bench(args.quick, data, scratch)
    try:
        for group in groups:
            t = time.perf_counter()
            print(f"running {group}…", flush=True)
            rows.GROUPS[group](bench)
            print(f"  {group} took {time.perf_counter() - t:.1f} s", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    output = args.output or HERE / "results.json"
    output.write_text(json.dumps(bench.results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print_table(bench.results)
    total = time.perf_counter() - start
    met = sum(r["met"] for r in bench.results.values())
    print(f"\ntotal {total:.0f} s (budget {BUDGET_S} s){'' if total <= BUDGET_S else ' OVER'}; "
          f"{met}/{len(bench.results)} targets met; wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
