"""The suite's rows: each measures Tahqiq beside its floor, in the same run, interleaved.

Each group function takes a :class:`bench.Bench`, runs its children and records its
rows; ``GROUPS`` names them and ``ROWS`` says which rows each writes (for ``--only``).
What each row includes is said in ``includes``, printed and written to results.json.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable

from bench import HERE, Bench, interleave

EDIT_BUDGET_MS = 16  # one frame at 60 Hz
EDIT_GROWTH = 1.5  # the 50,000-claim article's median edit over the 1,000-claim one's
SMALL, LARGE = "big-1000", "big-50000"


# -- start-up ----------------------------------------------------------------------------
def startup(b: Bench) -> None:
    sample = b.data["sample"]

    def floor() -> float:
        out, t0 = b.child(HERE / "_gui_child.py", "floor-start", sample["sample_text"])
        return (out["painted"] - t0) * 1000

    def app() -> float:
        out, t0 = b.child(HERE / "_gui_child.py", "app-start", str(b.copy("sample")))
        return (out["painted"] - t0) * 1000

    # 21 pairs (7 until 3 December): one start takes 0.3-0.5 s and a pair's ratio
    # ranged from 1.14x to 1.70x on the same code, minute to minute; with seven pairs
    # the row's median ratio swung 1.41x-1.58x from one full run to the next.
    pairs = b.reps(21, 3)
    ours, bare = interleave(pairs, floor, app)[::-1]
    b.ratio_row("startup", ours, bare, 1.5, "ms",
                "`tahqiq PROJECT` through gui.launcher (arguments, settings, the project "
                "opened and checked, the window, the first article) from process start to "
                "the end of the reader's first paint; floor: a bare QPlainTextEdit window "
                "with the same text in the same face, same size",
                f"{pairs} pairs, a fresh process each; one warm-up pair dropped")


def startup_big(b: Bench) -> None:
    """The 50,000-article project against the one-article project, interleaved."""
    def run(name: str) -> Callable[[], float]:
        def measure() -> float:
            out, t0 = b.child(HERE / "_gui_child.py", "app-start", str(b.copy(name)))
            return (out["painted"] - t0) * 1000
        return measure

    small, large = interleave(b.reps(5, 2), run("sample"), run("articles-50000"))
    b.ratio_row("startup_50k_articles", large, small, 1.5, "ms",
                "as `startup`, on a project of 50,000 articles (1.1 GB); floor: the same "
                "start-up on the one-article sample project",
                f"{b.data['articles-50000']['mb']} MB file; fresh copy each run")


# -- the session: open, scroll, memory, edits --------------------------------------------
def _sessions(b: Bench, name: str, panel: str, runs: int, first_seed: int = 0) -> list[dict]:
    big = b.data[name]
    return [b.gui("session", str(b.copy(name)), big["article_id"], str(b.reps(8, 3)),
                  str(seed), panel) for seed in range(first_seed, first_seed + runs)]


def _interleaved_sessions(b: Bench, name: str, edits: int, beside: str | None = None
                          ) -> tuple[list[dict], list[dict], list[dict]]:
    """Sessions with the panel closed, each after a floor run, and each followed by one
    of the article *beside* (its growth rows' other side: a slow minute slows both
    alike); a warm-up round first, dropped. Returns the sessions, the floors, and the
    sessions beside."""
    big = b.data[name]
    sessions, floors, others = [], [], []
    for seed in range(b.reps(5, 2) + 1):
        floor = b.gui("floor-open", big["text"], big["spans"])
        run = b.gui("session", str(b.copy(name)), big["article_id"], str(edits), str(seed),
                    "closed")
        other = None if beside is None else b.gui(
            "session", str(b.copy(beside)), b.data[beside]["article_id"], str(edits),
            str(seed), "closed")
        if seed:
            sessions.append(run)
            floors.append(floor)
            if other is not None:
                others.append(other)
    return sessions, floors, others


def _all(runs: list[dict], key: str) -> list[float]:
    return [x for run in runs for x in run[key]]


def _each(runs: list[dict], key: str) -> list[float]:
    return [run[key] for run in runs]


def session(b: Bench) -> None:
    """Open, scroll and edit the 1 MiB article with 5,000 and with 50,000 claims; edits
    also on 1,000, with the Disagreements panel closed and open."""
    results: dict[tuple[str, str], tuple[list[dict], list[dict]]] = {}
    results[("big", "closed")] = _interleaved_sessions(b, "big", 0)[:2]
    large, floors, small = _interleaved_sessions(b, LARGE, b.reps(8, 3), beside=SMALL)
    results[(LARGE, "closed")], results[(SMALL, "closed")] = (large, floors), (small, [])
    # The panel open: the two sizes alternated, as the closed ones are; five sessions
    # each, as closed (three left the first tag's median to one slow session).
    for seed in range(b.reps(5, 2)):
        for name in (SMALL, LARGE):
            results.setdefault((name, "open"), ([], []))[0].extend(
                _sessions(b, name, "open", 1, seed))
    for name, row in (("big", "open_5k"), (LARGE, "open_50k")):
        sessions, floors = results[(name, "closed")]
        claims = b.data[name]["claims"]
        b.ratio_row(row, _each(sessions, "open_ms"), _each(floors, "open_ms"), 2, "ms",
                    f"window.show_article() of the 1 MiB article with {int(claims):,} claims "
                    "(the store read, the claims table, the highlights) to the end of the "
                    "reader's first paint (what it shows read before it, the rest after "
                    "it: gui.places); floor: a bare QPlainTextEdit given the same text "
                    "and a QSyntaxHighlighter applying the same spans, cut and formatted "
                    "ahead of the clock",
                    f"to idle (every place read, all queued events): "
                    f"{statistics.median(_each(sessions, 'open_idle_ms')):.0f} ms; "
                    f"{sessions[0]['blocks']} blocks; fresh process each")
        b.ratio_row(row.replace("open", "scroll_frame"), _each(sessions, "scroll_max_ms"),
                    _each(floors, "scroll_max_ms"), 2, "ms",
                    "slowest page step of a scroll through the whole article (set the bar, "
                    "repaint), the first pass after opening; floor: the same in the bare "
                    "reader",
                    f"{sessions[0]['scroll_steps']} steps")
    large, floors = results[(LARGE, "closed")]
    b.absolute_row("peak_rss_50k", _each(large, "vmhwm_end_mb"), 150, "MB",
                   "peak resident memory (VmHWM) of the window with the 1 MiB / 50,000-claim "
                   "article opened, scrolled through and edited",
                   f"after opening {statistics.median(_each(large, 'rss_open_mb')):.0f} MB; "
                   "the known-claims matcher runs in a process of its own, peak "
                   f"{_median_or_none(_each(large, 'matcher_vmhwm_mb'))} MB",
                   floor=statistics.median(_each(floors, "rss_end_mb")))
    _edit_rows(b, results)


def _median_or_none(values: list) -> str:
    known = [v for v in values if v is not None]
    return f"{statistics.median(known):.0f}" if known else "(not started)"


def _edit_rows(b: Bench, results) -> None:
    includes = ("the action (undo stack push, the store's write committed), the repaint, "
                "the events it queued and the work it left to timers (panels catching up), "
                "measured to idle; the wait for a timer to fall due is not counted")
    worst = {}
    for key in ("first_tag_ms", "tag_ms", "relabel_ms", "undo_ms", "redo_ms"):
        per = {}
        for (name, panel), (runs, _) in results.items():
            if name == "big":
                continue
            samples = _all(runs, key) if key != "first_tag_ms" else _each(runs, key)
            per[(name, panel)] = samples
        worst[key] = per
        label = key.removesuffix("_ms")
        note = "; ".join(f"{int(b.data[n]['claims']) // 1000}k {p}: "
                         f"{statistics.median(s):.1f}" for (n, p), s in sorted(per.items()))
        if key != "first_tag_ms":  # a median hides the one edit a collector pass lands in
            note += "; slowest at 50k: " + ", ".join(
                f"{p} {max(per[(LARGE, p)]):.1f}" for p in ("closed", "open"))
        # The budget holds with the Disagreements panel open and with it closed.
        for panel, name in (("open", f"{label}_50k_panel"), ("closed", f"{label}_50k_closed")):
            b.absolute_row(name, per[(LARGE, panel)], EDIT_BUDGET_MS, "ms",
                           ("the session's first tag, after a 0.5 s pause: "
                            if key == "first_tag_ms" else "") + includes
                           + f"; 50,000 claims, Disagreements panel {panel}", note)
        if key == "first_tag_ms":
            continue
        for panel in ("closed", "open"):
            b.growth_row(f"{label}_growth_{panel}", per[(LARGE, panel)], per[(SMALL, panel)],
                         EDIT_GROWTH,
                         f"median {label} with 50,000 claims over the same with 1,000 "
                         f"(Disagreements panel {panel})")


# -- the store ---------------------------------------------------------------------------
def export(b: Bench) -> None:
    out = b.store("export", b.data["corpus"]["path"], str(b.workdir("export-")),
                  str(b.reps(5, 2)))
    if out["rows"] != out["rows_floor"]:
        raise RuntimeError(f"export wrote {out['rows']} rows, the floor {out['rows_floor']}")
    b.ratio_row("csv_100k", out["ours"], out["floor"], 2, "ms",
                "exporting.export_file(project, 'csv') of 100,000 claims (what File ▸ Export "
                "and `tahqiq export` run); floor: `sqlite3 -readonly -csv` running a query "
                "that yields the same rows, columns and order",
                f"{out['rows']:,} rows")


def merge(b: Bench) -> None:
    corpus = b.data["corpus"]
    work = str(b.workdir("merge-"))
    out = b.store("merge", corpus["target"], corpus["path"], work, str(b.reps(5, 1)))
    memory = b.store("merge-memory", corpus["target"], corpus["path"], work)
    both = b.store("merge-conflicts", corpus["mine_changed"], corpus["theirs_changed"], work,
                   str(b.reps(3, 1)))
    b.ratio_row("merge_100k", out["ours"], out["floor"], 3, "ms",
                "what the window's merge runs (merge.merge_file, then search.catch_up "
                "indexing the notes that came): 100,000 claims and appearances, their "
                "history, 5,000 reviews onto the same 10,000 articles; floor: ATTACH the "
                "colleague's file and INSERT OR REPLACE the same four tables",
                f"{out['colleague_mb']:.0f} MB file; after both sides relabelled "
                f"({both['updated']} updated, {both['conflicts']} conflicts) "
                f"{statistics.median(both['ms']):.0f} ms")
    b.absolute_row("merge_100k_rss", [memory["vmhwm_mb"]], 200, "MB",
                   "peak resident memory (VmHWM) of a process doing only that merge",
                   f"{memory['ms']:.0f} ms")


def search(b: Bench) -> None:
    out = b.store("search", b.data["corpus"]["path"], str(b.reps(15, 3)))
    queries = out["queries"]
    ratios = {q: statistics.median(v["ours"]) / statistics.median(v["floor"])
              for q, v in queries.items()}
    worst = max(ratios, key=ratios.get)
    with_texts = statistics.median(queries[worst]["with_texts"])
    b.ratio_row("search_200", queries[worst]["ours"], queries[worst]["floor"], 2, "ms",
                "search.search(project, query, limit=200) as the panel and `tahqiq search` "
                "ask, over 10,000 articles and 100,000 notes; the query with the highest "
                "ratio of 9; floor: the FTS5 queries the search runs (the words together, "
                "then apart; the same MATCH expressions) run directly, returning as many "
                "texts (with their folded bodies) as hits are asked for, on a connection "
                "of its own keeping a searched project's 8 MiB of pages; a query quicker "
                "than 2 ms is timed over as many calls as make 2 ms, each side alike",
                f"worst {worst!r} ({queries[worst]['hits']} hits); the floor and the "
                f"original texts the hits are mapped into: {with_texts:.1f} ms "
                f"({statistics.median(queries[worst]['ours']) / with_texts:.2f}x); "
                "others (ours/floor): " + ", ".join(
                    f"{q!r} {statistics.median(v['ours']):.1f}/"
                    f"{statistics.median(v['floor']):.1f}"
                    for q, v in queries.items() if q != worst))


def import_(b: Bench) -> None:
    out = b.store("import", b.data["import-10mb"]["path"], str(b.workdir("import-")),
                  str(b.reps(5, 2)))
    b.ratio_row("import_10mb", out["ours"], out["floor"], 2, "ms",
                "importing.import_file of a 10 MB text file into a fresh project (read, "
                "decode, clean, detect the language, store, index); floor: read, decode and "
                "insert the same text as an article (its index trigger runs)",
                f"{out['bytes']:,} bytes, {out['chars']:,} chars after cleaning")


def matching(b: Bench) -> None:
    proc = subprocess.run([sys.executable, str(HERE / "matching_speed.py"), "--json",
                           "--runs", str(b.reps(7, 3))], capture_output=True, text=True,
                          check=True, env=b.env())
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    b.ratio_row("matching_1mb", out["ours"], out["floor"], 5, "ms",
                "ClaimIndex.find on a 1 MiB article against 10,000 known claims (the index "
                "built once, as per project); floor: store.text.fold.fold of the same text, "
                "which matching does anyway. Target 5x is 300 ms at a 60 ms floor",
                f"first find of a fresh index {out['cold_ms']:.0f} ms; "
                f"{out['claims_found']} of {out['planted']} planted claims found")


GROUPS: dict[str, Callable[[Bench], None]] = {
    "startup": startup, "startup_big": startup_big, "session": session, "export": export,
    "merge": merge, "search": search, "import": import_, "matching": matching,
}
EDITS = ("first_tag", "tag", "relabel", "undo", "redo")
ROWS: dict[str, tuple[str, ...]] = {
    "startup": ("startup",), "startup_big": ("startup_50k_articles",),
    "session": ("open_5k", "open_50k", "scroll_frame_5k", "scroll_frame_50k", "peak_rss_50k",
                *(f"{e}_50k_{p}" for e in EDITS for p in ("panel", "closed")),
                *(f"{e}_growth_{p}" for e in EDITS[1:] for p in ("closed", "open"))),
    "export": ("csv_100k",), "merge": ("merge_100k", "merge_100k_rss"),
    "search": ("search_200",), "import": ("import_10mb",), "matching": ("matching_1mb",),
}
DATA = {"startup": ["sample"], "startup_big": ["sample", "articles-50000"],
        "session": ["big", SMALL, LARGE], "export": ["corpus"], "merge": ["corpus"],
        "search": ["corpus"], "import": ["import-10mb"], "matching": []}
