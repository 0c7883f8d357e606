"""Writes that run out of room, in a process whose files may not grow (RLIMIT_FSIZE).

``python full_disk_child.py PROJECT BIG_TEXT CLAIMS_CSV COLLEAGUE``: opens the
project, then limits file sizes to a little more than the project's, so that
importing the big text, the CSV of many claims and merging the colleague's file all
fail for lack of space (EFBIG, as a full disk gives ENOSPC). SIGXFSZ is ignored so
the write fails instead of the process being killed. After each failure the project
is read again; at the end the limit is lifted and the same project object writes.
Prints a JSON report.
"""

from __future__ import annotations

import json
import resource
import signal
import sqlite3
import sys
from pathlib import Path

from store.core import appearances, articles
from store.core.project import Project
from store.errors import TahqiqError
from store.exchange import csv_format, importing, merge

TABLES = ("articles", "claims", "reviews", "history", "labels", "search_entries")
ROOM = 32 * 1024  # bytes any file may grow beyond the project's size


def counts(project: Project) -> dict[str, int]:
    return {t: project.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def main(path: str, big: str, csv_path: str, colleague: str) -> dict:
    project = Project.open(path, "tester", create=False)
    before = counts(project)
    sizes = [p.stat().st_size for p in Path(path).parent.iterdir()
             if p.name.startswith(Path(path).name)]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = max(sizes) + ROOM
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    attempts = {
        "import article": lambda: importing.import_file(project, big),
        "import claims csv": lambda: csv_format.import_claims_csv(project, csv_path),
        "merge project": lambda: merge.merge_file(project, colleague),
    }
    report: dict = {"limit": limit, "failures": {}}
    for name, attempt in attempts.items():
        try:
            attempt()
            outcome = ["no error", ""]
        except TahqiqError as exc:
            outcome = [type(exc).__name__, str(exc)]
        except (sqlite3.Error, OSError) as exc:  # what must not reach the user
            outcome = [f"uncaught {type(exc).__name__}", str(exc)]
        outcome.append(counts(project) == before)  # nothing half-written
        outcome.append(len(appearances.list_appearances(project)))  # and still readable
        report["failures"][name] = outcome
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    article = importing.import_file(project, big).article  # the same process goes on
    report["afterwards"] = [article.id, len(articles.list_articles(project))]
    project.close()
    return report


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:5])))
