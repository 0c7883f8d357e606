"""The README's benchmark table is printed from a run's results by benchmarks/table.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _table_module():
    spec = importlib.util.spec_from_file_location("bench_table", BENCHMARKS / "table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_row_of_the_kept_run_has_a_line_and_no_line_lacks_a_row():
    table = _table_module()
    results = json.loads((BENCHMARKS / "results.json").read_text(encoding="utf-8"))
    assert set(table.ROWS) == set(results)
    lines = table.table(results).splitlines()
    assert len(lines) == 2 + len(results)


def test_a_missed_row_says_no_and_an_earlier_run_goes_in_brackets():
    table = _table_module()
    now = {"search_200": {"kind": "ratio", "ratio": 2.225, "target": 2, "met": False,
                          "median": 11.69, "floor": 5.31, "unit": "ms"},
           "peak_rss_50k": {"kind": "absolute", "ratio": 1.485, "target": 150, "met": False,
                            "median": 151.67, "floor": 102.14, "unit": "MB"}}
    before = {"search_200": {**now["search_200"], "ratio": 1.98, "met": True},
              "peak_rss_50k": {**now["peak_rss_50k"], "median": 147.8}}
    memory, search = table.table(now, before).splitlines()[2:]  # the README's order
    assert search.endswith("| 11.7 ms | 5.3 ms | 2.23x (1.98) | ≤ 2x | **no** |")
    assert "| 151.7 MB (147.8) | 102.1 MB | 1.49x (1.49) | ≤ 150 MB | **no** |" in memory
