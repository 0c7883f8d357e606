"""Helpers shared by the reliability tests: projects, checks, and the installed program."""

from __future__ import annotations

import csv
import io
import os
import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from store.core import appearances, articles, search
from store.core.project import Project

HERE = Path(__file__).resolve().parent
# The console script pip installed beside the interpreter running the tests.
TAHQIQ = Path(sys.executable).with_name("tahqiq")
TABLES = ("articles", "claims", "reviews", "history", "labels", "search_entries")
# Arabic and English, with words a spreadsheet would read as formulas.
ARTICLE = (
    "قال المتحدث إن المعاهدة الجديدة «أقوى معاهدة على الإطلاق» وإن الصادرات ارتفعت 40%.\n"
    "The minister said exports rose by =SUM(A1:A9) percent, or +40, or -3, per @ministry.\n"
    "وأضاف أن الاتفاق سيُوقَّع في بيونغ يانغ 😀 خلال أسبوعين، وفق البيان الرسمي.\n"
    "Critics said the figures were 'made up' and cited =HYPERLINK(\"http://evil.example\")."
)
QUOTES = ("أقوى معاهدة على الإطلاق", "الصادرات ارتفعت", "=SUM(A1:A9)", "+40", "-3",
          "@ministry", "بيونغ يانغ 😀", "'made up'", "=HYPERLINK(\"http://evil.example\")")


def make_project(path: Path, n_claims: int = 3, annotator: str = "tester") -> str:
    """A project file with ARTICLE and *n_claims* claims on it; returns the article id."""
    with Project.open(path, annotator) as project:
        article = articles.add_article(project, ARTICLE, "Treaty")
        verdicts = ("verified", "disputed", "unchecked")
        for i in range(n_claims):
            # Each quote with each verdict, then each a letter shorter: no claim repeats
            # another (the store refuses the same words and verdict twice from one person).
            # Shorter at its start where its end would leave a sign alone («-3»: «3», not
            # «-», which the store refuses to tag).
            cycle, quote = divmod(i, len(QUOTES))
            start, cut = ARTICLE.index(QUOTES[quote]), cycle // len(verdicts)
            end = start + len(QUOTES[quote]) - cut
            if appearances.no_words(ARTICLE[start:end]) is not None:
                start, end = start + cut, end + cut
            appearances.create_claim(project, article.id, start, end,
                                     verdicts[(quote + cycle) % len(verdicts)],
                                     note=f"note {i}")
    return article.id


def counts(path: Path) -> dict[str, int]:
    """Rows per table, read through SQLite (so a -wal left by a crash counts)."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def assert_consistent(path: Path, probes: int = 3) -> list[str]:
    """SQLite's integrity checks pass, every quote is where its claim says, and the
    search finds claims by their notes. Returns the live claim ids.

    Checked through the store's API rather than the search index's tables, whose
    layout changes with the schema.
    """
    with Project.open(path, "checker", create=False) as project:
        execute = project.db.execute
        assert execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert execute("PRAGMA foreign_key_check").fetchall() == []
        execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        texts = {r[0]: r[1] for r in execute("SELECT id, text FROM articles")}
        live = appearances.list_appearances(project)
        for claim in live:
            assert texts[claim.article_id][claim.start:claim.end] == claim.quote
        # Text after a NUL is not searchable (FTS5 stops reading there): not probed here.
        noted = [c for c in live if c.note.strip() and "\0" not in c.note]
        for claim in random.sample(noted, min(probes, len(noted))):
            assert any(hit.kind == "note" and hit.claim_id == claim.claim_id
                       for hit in search.iter_hits(project, claim.note[:40])), claim
        return sorted(c.id for c in live)


def side_files(path: Path) -> list[str]:
    """Files SQLite may put beside a database."""
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name != path.name and p.name.startswith(path.name))


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    """Bytes, modification time and side files: all a reader must leave as they were."""
    return path.read_bytes(), path.stat().st_mtime_ns, side_files(path)


def run_tahqiq(*args: str | os.PathLike[str], timeout: float = 60,
               **kwargs) -> subprocess.CompletedProcess[str]:
    """The installed ``tahqiq`` program, as a user runs it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    return subprocess.run([str(TAHQIQ), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, **kwargs)


def assert_one_line_error(stderr: str) -> None:
    """How the command line fails: one line, ``tahqiq: error: ...``, never a traceback."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("tahqiq: error: ") and len(lines[0]) > len("tahqiq: error: ")


class LineReader(threading.Thread):
    """Collects the complete lines a child writes until it exits or dies, so its pipe
    never fills up; a line cut short by a kill was never confirmed and is dropped."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: list[str] = []
        self.first = threading.Event()
        self.start()

    def run(self) -> None:
        for line in self.stream:
            if line.endswith("\n"):
                self.lines.append(line.rstrip("\n"))
                self.first.set()


FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\0")


def assert_csv_safe(text: str) -> int:
    """No cell of a CSV export starts like a formula (OWASP CSV injection), except the
    plain numbers ``start`` and ``end``. Returns how many cells were checked."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    header, checked = rows[0], 0
    for row in rows:
        assert len(row) == len(header)
        for column, cell in zip(header, row, strict=True):
            if column in ("start", "end") and row is not header:
                assert cell.isascii() and cell.isdigit(), (column, cell)
            else:
                assert not cell.startswith(FORMULA_LEADS), (column, cell)
            checked += 1
    return checked
