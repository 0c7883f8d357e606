"""Start-up of the bundle against the virtual environment (issue 15). Not a test.

    .venv/bin/python benchmarks/bundle_start.py [--runs N] [--bundle EXE] [--venv-tahqiq EXE]

Runs ``tahqiq --screenshot PNG`` -- process start, the window on the sample project,
first paint, the PNG written, exit -- through the bundle (dist/tahqiq/tahqiq, made by
scripts/build-bundle) and through the virtual environment's console script, interleaved
(the order alternates each round, after one warm-up pair), each in a fresh process with
the same throwaway data folders and QT_QPA_PLATFORM=offscreen. Prints the medians and
the ratio bundle / venv; the target is at most 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def timed_screenshot(executable: Path, env: dict[str, str], png: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(executable), "--screenshot", str(png)], env=env, check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    return (time.perf_counter() - started) * 1000


def main() -> int:
    default_bundle = ROOT / "dist" / "tahqiq" / ("tahqiq.exe" if os.name == "nt" else "tahqiq")
    default_venv = Path(sys.executable).parent / ("tahqiq.exe" if os.name == "nt" else "tahqiq")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="timed rounds (default 9)")
    parser.add_argument("--bundle", type=Path, default=default_bundle)
    parser.add_argument("--venv-tahqiq", type=Path, default=default_venv)
    args = parser.parse_args()
    contenders = {"bundle": args.bundle, "venv": args.venv_tahqiq}
    for name, executable in contenders.items():
        if not executable.is_file():
            sys.exit(f"bundle_start: no {name} tahqiq at {executable}")
    times: dict[str, list[float]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory(prefix="tahqiq-bundle-start-") as folder:
        work = Path(folder)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TAHQIQ_USER="bench",
                   XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
                   XDG_CACHE_HOME=str(work / "cache"))
        env.pop("PYTHONPATH", None)
        for executable in contenders.values():  # warm-up: creates the sample project once
            timed_screenshot(executable, env, work / "warm-up.png")
        for round_number in range(args.runs):
            order = list(contenders) if round_number % 2 == 0 else list(reversed(contenders))
            for name in order:
                times[name].append(timed_screenshot(contenders[name], env, work / "shot.png"))
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    ratio = medians["bundle"] / medians["venv"]
    for name, samples in times.items():
        print(f"{name:7} median {medians[name]:7.0f} ms   (min {min(samples):.0f}, "
              f"max {max(samples):.0f}, n={len(samples)})")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"ratio bundle/venv {ratio:.2f}  (target <= {TARGET_RATIO}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
