"""Print the README's benchmark table from a run's results.

    python benchmarks/table.py [RESULTS.json] [--before EARLIER.json]

The README's table is this script's output for the run it names, so that the figures it
shows are the run's and nothing copied by hand; with ``--before``, an earlier run's
figure of each row follows in brackets (another hour, often another speed: the ratios
are what compare).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROWS: dict[str, str] = {
    "startup": "start to the first painted window, sample project",
    "startup_50k_articles": "the same, 50,000 articles (1.1 GB) — floor: the sample project",
    "open_5k": "open the 1 MiB article, 5,000 claims, to first paint",
    "scroll_frame_5k": "slowest frame scrolling it, 5,000 claims",
    "open_50k": "open the 1 MiB article, 50,000 claims, to first paint",
    "scroll_frame_50k": "slowest frame scrolling it, 50,000 claims",
    "peak_rss_50k": "peak memory of the window, 50,000 claims opened, scrolled, edited",
    "first_tag_50k_panel": "the first tag of a session (50,000 claims, panel open)",
    "first_tag_50k_closed": "the first tag of a session (50,000 claims, panel closed)",
    "tag_50k_panel": "tag one more span, to idle (50,000 claims, panel open)",
    "tag_50k_closed": "the same, panel closed",
    "tag_growth_closed": "tag: 50,000 claims over 1,000, panel closed",
    "tag_growth_open": "tag: the same, panel open",
    "relabel_50k_panel": "relabel a claim (panel open)",
    "relabel_50k_closed": "relabel (panel closed)",
    "relabel_growth_closed": "relabel: 50k over 1k, panel closed",
    "relabel_growth_open": "relabel: panel open",
    "undo_50k_panel": "undo (panel open)",
    "undo_50k_closed": "undo (panel closed)",
    "undo_growth_closed": "undo: 50k over 1k, panel closed",
    "undo_growth_open": "undo: panel open",
    "redo_50k_panel": "redo (panel open)",
    "redo_50k_closed": "redo (panel closed)",
    "redo_growth_closed": "redo: 50k over 1k, panel closed",
    "redo_growth_open": "redo: panel open",
    "csv_100k": "export 100,000 claims to CSV — floor: `sqlite3 -csv`",
    "merge_100k": "merge 100,000 claims, as the window does — floor: ATTACH + INSERT OR REPLACE",
    "merge_100k_rss": "peak memory of that merge",
    "search_200": "project search, 200 hits, worst of 9 queries — floor: the FTS5 queries it runs",
    "import_10mb": "import a 10 MB text file — floor: read, decode, insert",
    "matching_1mb": "known claims in 1 MiB, 10,000 claims — floor: fold()",
}


def _amount(value: float, unit: str) -> str:
    """Milliseconds to a tenth below 100 and whole above, as a person reads them; memory
    always to a tenth, as its target is near (151.7 MB must not read 152 nor 150)."""
    if value >= 100 and unit != "MB":
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}"


def _bracket(row: dict | None, field: str) -> str:
    if row is None or row.get(field) is None:
        return ""
    value = row[field]
    return f" ({value:.2f})" if field == "ratio" else f" ({value:.1f})"


def table(results: dict, before: dict | None = None) -> str:
    """The markdown table: every row of ``ROWS`` the run holds, in the README's order."""
    lines = [
        "| what | Tahqiq | floor | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for key, what in ROWS.items():
        row = results.get(key)
        if row is None:
            continue
        earlier = (before or {}).get(key)
        unit = row["unit"]
        tahqiq = _amount(row["median"], unit)
        floor = ratio = ""
        if row["kind"] == "absolute":
            tahqiq += _bracket(earlier, "median")
            target = f"≤ {row['target']:g} {unit}"
            if row.get("floor") is not None:
                floor = _amount(row["floor"], unit)
                ratio = f"{row['ratio']:.2f}x" + _bracket(earlier, "ratio")
        else:
            floor = _amount(row["floor"], unit)
            ratio = f"{row['ratio']:.2f}x" + _bracket(earlier, "ratio")
            target = f"≤ {row['target']:g}x"
        met = "yes" if row["met"] else "**no**"
        lines.append(f"| {what} | {tahqiq} | {floor} | {ratio} | {target} | {met} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent
    parser.add_argument("results", nargs="?", default=str(here / "results.json"))
    parser.add_argument("--before", help="an earlier run, whose figures go in brackets")
    args = parser.parse_args()
    results = json.loads(Path(args.results).read_text(encoding="utf-8"))
    before = json.loads(Path(args.before).read_text(encoding="utf-8")) if args.before else None
    print(table(results, before))


if __name__ == "__main__":
    main()
