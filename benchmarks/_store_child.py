"""Store measurements, one process per benchmark (started by benchmarks/run.py).

    _store_child.py export CORPUS WORKDIR REPS
    _store_child.py merge TARGET CORPUS WORKDIR REPS
    _store_child.py merge-conflicts MINE THEIRS WORKDIR REPS
    _store_child.py search CORPUS REPS
    _store_child.py import TEXT_FILE WORKDIR REPS

Each prints one JSON line. Times are milliseconds of time.perf_counter() around the
store call alone; setting up (copying files, opening projects) is outside the clock.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from store.core.project import Project
from store.exchange import exporting, importing, merge

# The rows a CSV export writes, in its order, straight from SQLite: the baseline.
BASELINE_SQL = """
SELECT c.id AS claim_id, c.article_id, a.title AS article_title, a.fingerprint AS article_sha256,
       c.start, c."end", c.quote, c.prefix, c.suffix, c.label, c.note, c.sources, c.annotator,
       c.created, c.updated, c.updated_by,
       CASE r.decision WHEN 'accept' THEN 'accepted' WHEN 'reject' THEN 'rejected' ELSE '' END
         AS review_status
FROM claims c JOIN articles a ON a.id = c.article_id
LEFT JOIN (SELECT claim_id, decision, row_number() OVER
             (PARTITION BY claim_id ORDER BY created DESC, id DESC) AS rn FROM reviews) r
       ON r.claim_id = c.id AND r.rn = 1
WHERE c.deleted IS NULL AND a.deleted IS NULL
ORDER BY c.article_id, c.start, c."end", c.created;
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


def export(corpus: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    out_py, out_cli = work / "export.csv", work / "baseline.csv"
    export_ms, baseline_ms = [], []
    baseline_tool = "sqlite3 CLI (-csv)"
    sqlite3_cli = shutil.which("sqlite3")
    for _ in range(reps):
        # Baseline: the same rows, columns and order from the sqlite3 command-line shell.
        t0 = time.perf_counter()
        if sqlite3_cli:
            with out_cli.open("wb") as fh:
                subprocess.run([sqlite3_cli, "-readonly", "-csv", "-header", corpus,
                                BASELINE_SQL], stdout=fh, check=True)
        else:
            baseline_tool = "Python sqlite3 + csv.writer (no sqlite3 CLI)"
            _python_baseline(corpus, out_cli)
        baseline_ms.append((time.perf_counter() - t0) * 1000)
        project = Project.open(corpus, "bench")
        try:
            t0 = time.perf_counter()
            exporting.export_file(project, "csv", out_py)
            export_ms.append((time.perf_counter() - t0) * 1000)
        finally:
            project.close()
    with out_py.open(encoding="utf-8-sig", newline="") as fh:
        rows_py = sum(1 for _ in _csv_rows(fh)) - 1
    with out_cli.open(encoding="utf-8", newline="") as fh:
        rows_cli = sum(1 for _ in _csv_rows(fh)) - 1
    return {"export_ms": export_ms, "baseline_ms": baseline_ms, "baseline": baseline_tool,
            "rows_export": rows_py, "rows_baseline": rows_cli,
            "bytes_export": out_py.stat().st_size, "bytes_baseline": out_cli.stat().st_size}


def _csv_rows(fh):
    import csv

    return csv.reader(fh)


def _python_baseline(corpus: str, out: Path) -> None:
    import csv
    import sqlite3

    conn = sqlite3.connect(f"file:{corpus}?mode=ro", uri=True)
    try:
        cursor = conn.execute(BASELINE_SQL)
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([d[0] for d in cursor.description])
            writer.writerows(cursor)
    finally:
        conn.close()


def merge_(target: str, corpus: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    times, summaries, remerge = [], [], []
    for i in range(reps):
        copy = work / f"target-{i}.tahqiq"
        shutil.copyfile(target, copy)
        project = Project.open(copy, "editor")
        try:
            t0 = time.perf_counter()
            summary = merge.merge_project(project, corpus)
            times.append((time.perf_counter() - t0) * 1000)
            summaries.append({"new_claims": summary.new_claims,
                              "new_articles": summary.new_articles,
                              "new_reviews": summary.new_reviews,
                              "new_history": summary.new_history})
            if i == 0:  # the same file again: everything is already here
                t0 = time.perf_counter()
                again = merge.merge_project(project, corpus)
                remerge.append((time.perf_counter() - t0) * 1000)
                summaries[-1]["remerge_unchanged"] = again.unchanged_claims
        finally:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
    return {"merge_ms": times, "remerge_ms": remerge, "summaries": summaries,
            "colleague_mb": Path(corpus).stat().st_size / 1e6,
            "target_mb": Path(target).stat().st_size / 1e6}


def merge_conflicts(mine: str, theirs: str, workdir: str, reps: int) -> dict:
    """Both sides relabelled claims since they parted: history decides, conflicts recorded."""
    work = Path(workdir)
    times, summary = [], None
    for i in range(reps):
        copy = work / f"mine-{i}.tahqiq"
        shutil.copyfile(mine, copy)
        project = Project.open(copy, "editor")
        try:
            t0 = time.perf_counter()
            summary = merge.merge_project(project, theirs)
            times.append((time.perf_counter() - t0) * 1000)
        finally:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
    return {"merge_ms": times, "updated": summary.updated_claims,
            "conflicts": summary.conflicts, "unchanged": summary.unchanged_claims}


def search_(corpus: str, reps: int) -> dict:
    from store.core.search import search

    project = Project.open(corpus, "bench")
    out: dict = {"queries": {}}
    try:
        for query in QUERIES:
            times, hits = [], 0
            for _ in range(reps + 1):  # the first call is reported apart (cold caches)
                t0 = time.perf_counter()
                hits = len(search(project, query, limit=20))
                times.append((time.perf_counter() - t0) * 1000)
            out["queries"][query] = {"first_ms": times[0], "ms": times[1:], "hits": hits}
    finally:
        project.close()
    return out


def import_(text_file: str, workdir: str, reps: int) -> dict:
    work = Path(workdir)
    times = []
    size = Path(text_file).stat().st_size
    chars = 0
    for i in range(reps):
        path = work / f"import-{i}.tahqiq"
        project = Project.open(path, "bench")
        try:
            t0 = time.perf_counter()
            outcome = importing.import_file(project, text_file)
            times.append((time.perf_counter() - t0) * 1000)
            chars = len(outcome.article.text)
        finally:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    return {"import_ms": times, "bytes": size, "chars": chars}


def main(argv: list[str]) -> None:
    mode, args = argv[1], argv[2:]
    if mode == "export":
        result = export(args[0], args[1], int(args[2]))
    elif mode == "merge":
        result = merge_(args[0], args[1], args[2], int(args[3]))
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
