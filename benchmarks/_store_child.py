"""Store measurements and their floors, one process per benchmark (started by run.py).

    _store_child.py export CORPUS WORKDIR REPS
    _store_child.py merge TARGET CORPUS WORKDIR REPS
    _store_child.py merge-memory TARGET CORPUS WORKDIR
    _store_child.py merge-conflicts MINE THEIRS WORKDIR REPS
    _store_child.py search CORPUS REPS
    _store_child.py import TEXT_FILE WORKDIR REPS

Each prints one JSON line. Times are milliseconds of time.perf_counter() around the
work alone; setting up (copying files, opening projects) is outside the clock. Each
measurement of ours is followed by its floor's (interleaved), the floor being the same
work done by SQLite without Tahqiq's logic.
"""

from __future__ import annotations

import json
import math
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store.core.project import Project
from store.exchange import exporting, importing, merge

# The rows a CSV export writes, in its order, straight from SQLite: the floor.
FLOOR_CSV_SQL = """
SELECT c.id AS claim_id, p.article_id, a.title AS article_title,
       a.fingerprint AS article_sha256, p.start, p."end", p.quote, p.prefix, p.suffix,
       c.label, c.note, c.sources, p.annotator, p.created,
       CASE WHEN c.updated > p.updated THEN c.updated ELSE p.updated END AS updated,
       CASE WHEN c.updated > p.updated THEN c.updated_by ELSE p.updated_by END AS updated_by,
       CASE r.decision WHEN 'accept' THEN 'accepted' WHEN 'reject' THEN 'rejected' ELSE ''
       END AS review_status, p.id AS appearance_id
FROM articles a CROSS JOIN appearances p ON p.article_id = a.id JOIN claims c ON c.id = p.claim_id
LEFT JOIN (SELECT claim_id, decision FROM (SELECT reviews.*, row_number() OVER
             (PARTITION BY reviews.claim_id ORDER BY reviews.created DESC, reviews.id DESC)
             AS rn FROM reviews JOIN claims ON claims.id = reviews.claim_id
             WHERE reviews.label IS NULL OR reviews.label = claims.label)
           WHERE rn = 1) r ON r.claim_id = c.id
WHERE p.deleted IS NULL AND c.deleted IS NULL AND a.deleted IS NULL
ORDER BY a.created, a.rowid, p.start, p."end", p.created;
"""

# Words and phrases of the sample text, common to rare, plus misses and folded spellings.
QUERIES = (
    "بوتين",                       # in every article
    "معاهده",                      # folded: finds «معاهدة», «المعاهدة»
    "الدفاع المشترك",              # two words
    '"أقوى معاهدة على الإطلاق"',   # a quoted phrase
    "رقم المقال 9876",            # one article of 10,000
    "ذخيرة",                       # folded hamza/ta marbuta
    "كلمةغيرموجودة",               # nowhere: the whole index is consulted
    "xyzzy",                        # nowhere, Latin
    "qz",                           # too short for trigrams, nowhere: instr() over all
)
PANEL_HITS = 200  # what the search panel and `tahqiq search` ask for
SAMPLE_MS = 2.0  # a search quicker than this is timed over several calls per sample
MAX_CALLS = 50


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def _vmhwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# -- export ------------------------------------------------------------------------------
def export(corpus: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    ours_csv, floor_csv = work / "export.csv", work / "floor.csv"
    ours, floor = [], []
    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        raise SystemExit("the CSV floor needs the sqlite3 command-line shell (apt-get install "
                         "sqlite3)")
    for _ in range(reps + 1):  # the first pair warms the caches
        t0 = time.perf_counter()
        with floor_csv.open("wb") as fh:
            subprocess.run([sqlite3_cli, "-readonly", "-csv", "-header", corpus, FLOOR_CSV_SQL],
                           stdout=fh, check=True)
        floor.append(_ms(t0))
        project = Project.open(corpus, "bench")
        try:
            t0 = time.perf_counter()
            exporting.export_file(project, "csv", ours_csv)
            ours.append(_ms(t0))
        finally:
            project.close()
    import csv

    with ours_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows_ours = sum(1 for _ in csv.reader(fh)) - 1
    with floor_csv.open(encoding="utf-8", newline="") as fh:
        rows_floor = sum(1 for _ in csv.reader(fh)) - 1
    return {"ours": ours[1:], "floor": floor[1:], "rows": rows_ours, "rows_floor": rows_floor}


# -- merge -------------------------------------------------------------------------------
MERGED_TABLES = ("claims", "appearances", "reviews", "history")


def merge_floor(target: Path, corpus: str) -> float:
    """ATTACH the colleague's file and INSERT OR REPLACE its claims, appearances, reviews
    and history: the rows a merge brings, with no rule applied."""
    conn = sqlite3.connect(target)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("ATTACH ? AS theirs", [corpus])
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table in MERGED_TABLES:
            conn.execute(f"INSERT OR REPLACE INTO main.{table} SELECT * FROM theirs.{table}")
        conn.execute("COMMIT")
        return _ms(t0)
    finally:
        conn.close()


def merge_ours(target: Path, corpus: str) -> tuple[float, object]:
    """What the window's merge does (gui.session.merge_file): merge, then index the notes
    that came in."""
    from store.core import search

    project = Project.open(target, "editor")
    try:
        t0 = time.perf_counter()
        summary = merge.merge_file(project, corpus)
        search.catch_up(project)
        return _ms(t0), summary
    finally:
        project.close()


def merge_(target: str, corpus: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    ours, floor, summary = [], [], None
    for i in range(reps + 1):
        copy = work / f"floor-{i}.tahqiq"
        shutil.copyfile(target, copy)
        floor.append(merge_floor(copy, corpus))
        _remove(copy)
        copy = work / f"ours-{i}.tahqiq"
        shutil.copyfile(target, copy)
        ms, summary = merge_ours(copy, corpus)
        ours.append(ms)
        _remove(copy)
    return {"ours": ours[1:], "floor": floor[1:], "new_claims": summary.new_claims,
            "new_appearances": summary.new_appearances, "new_history": summary.new_history,
            "new_reviews": summary.new_reviews,
            "colleague_mb": Path(corpus).stat().st_size / 1e6}


def merge_memory(target: str, corpus: str, workdir: str) -> dict:
    """Peak memory of the window's merge, alone in its process."""
    copy = Path(workdir) / "memory.tahqiq"
    shutil.copyfile(target, copy)
    before = _vmhwm_mb()
    ms, summary = merge_ours(copy, corpus)
    _remove(copy)
    return {"ms": ms, "vmhwm_mb": _vmhwm_mb(), "vmhwm_before_mb": before,
            "new_claims": summary.new_claims}


def merge_conflicts(mine: str, theirs: str, workdir: str, reps: int) -> dict:
    """Both sides relabelled claims since they parted: history decides, conflicts recorded."""
    work = Path(workdir)
    times, summary = [], None
    for i in range(reps):
        copy = work / f"mine-{i}.tahqiq"
        shutil.copyfile(mine, copy)
        ms, summary = merge_ours(copy, theirs)
        times.append(ms)
        _remove(copy)
    return {"ms": times, "updated": summary.updated_claims, "conflicts": summary.conflicts,
            "unchanged": summary.unchanged_claims}


# -- search ------------------------------------------------------------------------------
def search_floor(conn: sqlite3.Connection, query: str, limit: int, *,
                 with_texts: bool = False) -> float:
    """The FTS5 queries the search runs, alone: tier by tier (the words together, then
    apart, as store.core.search ranks them), the same MATCH expression (a short term's
    trigrams looked up in the index's vocabulary, as the search does), returning the
    rows with their folded bodies (what any search must read), as many texts as hits
    are asked for. Not in it: the word-start checks, the original texts the hits'
    code-point offsets and contexts come from (read too *with_texts*: a figure for the
    note, not the floor), the claims around the hits."""
    from store.core.search import _match_expression, _tiers, scan_conditions

    tiers = _tiers(query)
    t0 = time.perf_counter()
    left = limit
    for tier in tiers:
        match = _match_expression(conn, list(tier.terms))
        if match is None:  # the vocabulary says no text can match
            continue
        conditions, params = (["search_index MATCH ?"], [match]) if match else \
            scan_conditions("i.body", list(tier.terms))
        where = " AND ".join(conditions)
        rows = conn.execute(
            "SELECT e.kind, e.ref_id, e.article_id, i.body FROM search_index i "
            f"JOIN search_entries e ON e.id = i.rowid WHERE {where} ORDER BY i.rowid LIMIT ?",
            [*params, left]).fetchall()
        if with_texts and rows:
            conn.execute(f"SELECT id, title, text FROM articles WHERE id IN "
                         f"({', '.join('?' * len(rows))})", [r[2] for r in rows]).fetchall()
        left -= len(rows)
        if left <= 0:
            break
    return _ms(t0)


def search_(corpus: str, reps: int) -> dict:
    from store.core.search import SEARCH_CACHE_KIB, search

    project = Project.open(corpus, "bench")
    # The floor keeps as many pages as a searched project does, on a connection used for
    # nothing else: the note's figure (the original texts read too), once read on the
    # same connection, pushed the index's pages out of its cache between samples, and
    # the floor, read from the file again, took a fifth longer than the same query warm.
    floor_conn, texts_conn = (sqlite3.connect(f"file:{corpus}?mode=ro", uri=True)
                              for _ in range(2))
    for conn in (floor_conn, texts_conn):
        conn.execute(f"PRAGMA cache_size = -{SEARCH_CACHE_KIB}")
    out: dict = {"queries": {}}
    try:
        for query in QUERIES:
            # The first round warms the caches, and says how many calls make a sample:
            # a query that finds nothing takes a tenth of a millisecond, where one call
            # timed alone measures the clock's and the interpreter's jitter.
            search_floor(floor_conn, query, PANEL_HITS)
            t0 = time.perf_counter()
            hits = len(search(project, query, limit=PANEL_HITS))
            calls = max(1, min(MAX_CALLS, math.ceil(SAMPLE_MS / max(_ms(t0), 1e-3))))
            search_floor(texts_conn, query, PANEL_HITS, with_texts=True)
            ours, floor, with_texts = [], [], []
            for _ in range(reps):
                floor.append(sum(search_floor(floor_conn, query, PANEL_HITS)
                                 for _ in range(calls)) / calls)
                t0 = time.perf_counter()
                for _ in range(calls):
                    search(project, query, limit=PANEL_HITS)
                ours.append(_ms(t0) / calls)
                with_texts.append(sum(search_floor(texts_conn, query, PANEL_HITS,
                                                   with_texts=True)
                                      for _ in range(calls)) / calls)
            out["queries"][query] = {"ours": ours, "floor": floor, "with_texts": with_texts,
                                     "hits": hits, "calls": calls}
    finally:
        floor_conn.close()
        texts_conn.close()
        project.close()
    return out


# -- import ------------------------------------------------------------------------------
def import_floor(text_file: str, path: Path) -> float:
    """Read the file, decode it, insert it as an article (the index triggers run, as for
    any article): no cleaning, no detection, no checks."""
    from store.core.articles import fingerprint

    project = Project.open(path, "bench")
    try:
        t0 = time.perf_counter()
        text = Path(text_file).read_bytes().decode("utf-8")
        with project.transaction():
            project.conn.execute(
                "INSERT INTO articles (id, title, text, fingerprint, created, updated) "
                "VALUES ('floor', 'floor', ?, ?, 'now', 'now')", [text, fingerprint(text)])
        return _ms(t0)
    finally:
        project.close()


def import_(text_file: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    ours, floor, chars = [], [], 0
    for i in range(reps + 1):
        path = work / f"floor-{i}.tahqiq"
        floor.append(import_floor(text_file, path))
        _remove(path)
        path = work / f"import-{i}.tahqiq"
        project = Project.open(path, "bench")
        try:
            t0 = time.perf_counter()
            outcome = importing.import_file(project, text_file)
            ours.append(_ms(t0))
            chars = len(outcome.article.text)
        finally:
            project.close()
            _remove(path)
    return {"ours": ours[1:], "floor": floor[1:], "bytes": Path(text_file).stat().st_size,
            "chars": chars}


def main(argv: list[str]) -> None:
    mode, args = argv[1], argv[2:]
    if mode == "export":
        result = export(args[0], args[1], int(args[2]))
    elif mode == "merge":
        result = merge_(args[0], args[1], args[2], int(args[3]))
    elif mode == "merge-memory":
        result = merge_memory(args[0], args[1], args[2])
    elif mode == "merge-conflicts":
        result = merge_conflicts(args[0], args[1], args[2], int(args[3]))
    elif mode == "search":
        result = search_(args[0], int(args[1]))
    elif mode == "import":
        result = import_(args[0], args[1], int(args[2]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
