"""Seed inputs for the fuzz targets, made from the hostile corpus and the test fixtures.

The hostile corpus (tests/reliability/hostile_corpus.py) is a list of generators, not of
files: its files are written into a temporary folder here and read back as bytes. The
project fixtures (tests/fixtures/schema*.tahqiq) and a fresh project of today's schema
seed the project-file target. Nothing here is stored in the repository; ``fuzz/run`` writes
the seeds into ``fuzz/corpus/TARGET/`` beside what earlier runs found.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELIABILITY = ROOT / "tests" / "reliability"
if str(RELIABILITY) not in sys.path:
    sys.path.insert(0, str(RELIABILITY))

import hostile_corpus  # noqa: E402  (found through the path above)
import reliability_support  # noqa: E402

from store.core import appearances, articles  # noqa: E402
from store.core.project import Project  # noqa: E402

ARTICLE = reliability_support.ARTICLE
QUOTES = reliability_support.QUOTES
HOSTILE_STRINGS = hostile_corpus.HOSTILE_STRINGS
ARABIC_PAGE = hostile_corpus.ARABIC  # Arabic every legacy code page can write
SAMPLE = (ROOT / "seeds" / "putin-kim-treaty.txt").read_text("utf-8")
MAX_SEED_BYTES = 1 << 20  # the sparse 50 MiB files of the corpus are no seeds


@cache
def hostile_files() -> dict[str, bytes]:
    """{case name: its bytes} for every hostile case that is a file of at most 1 MiB."""
    found: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="tahqiq-seeds-") as tmp:
        folder = Path(tmp)
        template = folder / "template.tahqiq"
        ctx = {"article_id": reliability_support.make_project(template)}
        for case in hostile_corpus.CASES:
            path = folder / case.name
            with contextlib.suppress(OSError):
                case.make(path, ctx)
            if path.is_file() and not path.is_symlink() \
                    and path.stat().st_size <= MAX_SEED_BYTES:
                found[case.name] = path.read_bytes()
    return found


def hostile(*suffixes: str) -> Iterator[bytes]:
    """The hostile files whose names end with one of *suffixes* (all when none given)."""
    for name, data in hostile_files().items():
        if not suffixes or name.endswith(suffixes):
            yield data


def fixture_projects() -> Iterator[bytes]:
    """Every schema's fixture project, and a project of today's schema with claims."""
    for path in sorted((ROOT / "tests" / "fixtures").glob("schema*.tahqiq")):
        yield path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="tahqiq-seeds-") as tmp:
        path = Path(tmp) / "current.tahqiq"
        reliability_support.make_project(path, n_claims=12)
        with Project.open(path, "seeder", create=False) as project:
            project.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            project.conn.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside
        yield path.read_bytes()
        # An article stored in parts (store.core.long_texts), as a big file's import
        # stores it - in parts far shorter than a real one's million characters, which no
        # import writes but a damaged file may hold (reading it reports the damage): a
        # seed of a few kilobytes, where a sound one would take two megabytes.
        with Project.open(path, "seeder", create=False) as project, project.transaction():
            cuts = [0, len(ARTICLE) // 3, 2 * len(ARTICLE) // 3, len(ARTICLE)]
            for part, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
                project.execute("INSERT INTO article_pieces VALUES ('in-parts', ?, ?)",
                                [part, ARTICLE[a:b]])
            project.execute("INSERT INTO articles (id, title, text, fingerprint, created, "
                            "updated) VALUES ('in-parts', 'In parts', '', ?, 'now', 'now')",
                            [articles.fingerprint(ARTICLE + " ")])
        with Project.open(path, "seeder", create=False) as project:
            project.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            project.conn.execute("PRAGMA journal_mode=DELETE")
        yield path.read_bytes()


# Schema 13's letters: Urdu's hehs (ہ ھ ۃ ۂ), yeh barree (ے ۓ), Persian's ezafe (هٔ ۀ), a
# ZWNJ, and aspirates (بھ کھ) whose ھ folds to ه.
URDU_PERSIAN = ("مدرسۂ ما اور مدرسہ ان کا۔ وہ بھی گۓ اور ہم گے، کتاب کھو دی اور بھوک لگی۔ "
                "زکوٰۃ دی۔ خانهٔ ما و خانه، ترجمۀ کتاب و ترجمه؛ می\u200cشود و می شود.")


def sample_project() -> Project:
    """An in-memory project with the hostile corpus's article and the sample article,
    tagged with a claim per quote whose note is a hostile string."""
    project = Project.in_memory("fuzzer")
    treaty = articles.add_article(project, ARTICLE, "Treaty")
    articles.add_article(project, SAMPLE.strip(), "Sample")
    articles.add_article(project, URDU_PERSIAN, "Urdu and Persian")
    for i, quote in enumerate(QUOTES):
        start = ARTICLE.index(quote)
        appearances.create_claim(project, treaty.id, start, start + len(quote),
                                 ("verified", "disputed", "unchecked")[i % 3],
                                 note=HOSTILE_STRINGS[i % len(HOSTILE_STRINGS)] + " ملاحظة")
    return project


@contextlib.contextmanager
def rolled_back(project: Project) -> Iterator[Project]:
    """*project* inside a transaction that is rolled back: each input starts afresh.
    The store's own transactions become savepoints inside it."""
    project.conn.execute("BEGIN")
    try:
        yield project
    finally:
        if project.conn.in_transaction:
            project.conn.execute("ROLLBACK")
