"""What every benchmark row shares: child processes, throwaway homes, and rows that hold
an absolute figure beside the floor measured in the same run.

A row's target is a ratio to its floor (the same work done by bare Qt or bare SQLite,
without Tahqiq's logic), interleaved with it, so a machine that runs 1.8x slower this
hour moves both; a few rows are absolute by nature (milliseconds an edit may take,
megabytes) and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUI_CHILD = HERE / "_gui_child.py"
STORE_CHILD = HERE / "_store_child.py"


class Bench:
    """One run of the suite: its data, its scratch folder, its repetitions, its rows."""

    def __init__(self, quick: bool, data: dict[str, dict[str, str]], scratch: Path):
        self.quick = quick
        self.data = data
        self.scratch = scratch
        self.results: dict[str, dict] = {}

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    # -- children --------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        """Own XDG folders (so no run sees another's settings), the annotator already
        named (so the launcher asks nothing), offscreen Qt, bytecode cached, and Qt's GUI
        thread pool off for every child, the floors too: the app turns it off
        (gui.app.NO_GUI_THREAD_POOL), and a floor must not be slower for what the app
        changed in Qt rather than in its own work."""
        home = Path(tempfile.mkdtemp(prefix="home-", dir=self.scratch))
        env = dict(os.environ)
        # Bytecode as users have it (pip and the bundle write .pyc files): this
        # workplace's shells set PYTHONDONTWRITEBYTECODE, which would make every child
        # compile every module at start-up.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(QT_QPA_PLATFORM="offscreen", QT_NO_GUI_THREADPOOL="1", TAHQIQ_USER="bench",
                   XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "run"))
        (home / "run").mkdir(mode=0o700)
        (home / "config" / "tahqiq").mkdir(parents=True)
        # Where this version keeps the name (store.core.stamps), as a user's own start
        # finds it: named in an earlier version's settings, every start moved it from
        # there, rewriting the settings file — which waited (0.6 s) for the disk to
        # write the copy of the 1 GB project just made for the run.
        (home / "config" / "tahqiq" / "annotator.json").write_text(
            json.dumps({"annotator": "bench"}), "utf-8")
        return env

    def child(self, script: Path, *args: str, timeout: float = 600) -> tuple[dict, float]:
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
        out = json.loads(lines[-1])
        if "error" in out:
            raise RuntimeError(f"{script.name} {' '.join(args)}: {out['error']}")
        return out, started

    def gui(self, *args: str) -> dict:
        return self.child(GUI_CHILD, *args)[0]

    def store(self, *args: str) -> dict:
        return self.child(STORE_CHILD, *args)[0]

    def copy(self, name: str, key: str = "path") -> Path:
        """A fresh copy of a data file (runs write to the projects they open)."""
        source = Path(self.data[name][key])
        target = Path(tempfile.mkdtemp(prefix="proj-", dir=self.scratch)) / source.name
        shutil.copyfile(source, target)
        return target

    def workdir(self, prefix: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=prefix, dir=self.scratch))

    # -- rows --------------------------------------------------------------------------------
    def ratio_row(self, name: str, ours: list[float], floor: list[float], target: float,
                  unit: str, includes: str, note: str = "") -> dict:
        """A row whose target is ours / floor (medians of interleaved samples)."""
        mine, base = statistics.median(ours), statistics.median(floor)
        ratio = mine / base
        self.results[name] = {
            "kind": "ratio", "ratio": round(ratio, 3), "target": target, "met": ratio <= target,
            "median": round(mine, 2), "floor": round(base, 2), "unit": unit,
            "n": len(ours), "includes": includes, "note": note,
        }
        return self.results[name]

    def absolute_row(self, name: str, samples: list[float], target: float, unit: str,
                     includes: str, note: str = "", floor: float | None = None) -> dict:
        """A row whose target is absolute (an edit's budget, megabytes)."""
        value = statistics.median(samples)
        self.results[name] = {
            "kind": "absolute", "target": target,
            "ratio": None if floor is None else round(value / floor, 3),
            "met": value <= target, "median": round(value, 2),
            "floor": None if floor is None else round(floor, 2), "unit": unit,
            "n": len(samples), "includes": includes, "note": note,
        }
        return self.results[name]

    def growth_row(self, name: str, large: list[float], small: list[float], target: float,
                   includes: str, note: str = "") -> dict:
        """A row whose target is the large project's median over the small one's."""
        big, little = statistics.median(large), statistics.median(small)
        self.results[name] = {
            "kind": "growth", "ratio": round(big / little, 3), "target": target,
            "met": big / little <= target,
            "median": round(big, 2), "floor": round(little, 2), "unit": "ms",
            "n": len(large), "includes": includes, "note": note,
        }
        return self.results[name]


def interleave(rounds: int, *measures):
    """Run each measure once per round, in turn (a warm-up round first, dropped):
    returns one list of samples per measure. A slow hour slows both sides alike."""
    samples: list[list] = [[] for _ in measures]
    for round_ in range(rounds + 1):
        for i, measure in enumerate(measures):
            value = measure()
            if round_:
                samples[i].append(value)
    return samples
