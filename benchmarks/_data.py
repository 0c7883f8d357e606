"""Deterministic benchmark data, cached under ``benchmarks/data/<version>/``.

Everything is made from the sample article (``seeds/putin-kim-treaty.txt``, cleaned
with ``store.text.clean.clean_text``) with a fixed random seed, so two runs measure
the same bytes. Rows go in through ``project.db.conn.executemany`` inside one
``project.transaction()`` per file -- the schema's own triggers (search index) still
run, exactly as for rows the store writes one by one. Each claim is a row of
``claims`` and its first appearance (same id) a row of ``appearances``, each with the
"create" history entry the store writes.

Sizes are UTF-8 bytes of article text (what "a 1 MB article" weighs on disk). Each
file is made the first time something asks for it (``ensure(names)``):

* ``big-N.tahqiq``    the sample article, then a >= 1 MiB article with N claims
                      (15% of them overlapping another claim; 3 labels; 3 annotators).
                      ``big`` is ``big-5000``; ``--scale`` also asks for 1,000, 20,000
                      and 50,000.
* ``sample.tahqiq``   a first-run project (``store.exchange.seeding.open_or_create``),
                      and ``sample.txt``, its first article's text, for the floors.
* ``articles-N.tahqiq`` N articles of ~5,000 bytes, no claims (``--scale``: start-up).
* ``target.tahqiq``   10,000 articles (~50 MB of text), no claims: the editor's copy.
* ``corpus.tahqiq``   the same 10,000 articles plus 100,000 claims (with history and
                      5,000 reviews): the colleague's project, and the project that is
                      exported and searched.
* ``theirs-changed.tahqiq`` / ``mine-changed.tahqiq``  the corpus after each side
                      relabelled claims (10,000 there, 15,000 here, 5,000 of them on
                      both sides), with history: a merge with conflicts.
* ``import-10mb.txt`` 10,000,000+ bytes of UTF-8 article text (raw lines of the sample,
                      scrape markers included, so clean_text has work to do).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
import time
import uuid
from pathlib import Path

from store.core import articles, schema, search
from store.core.project import Project
from store.exchange.seeding import open_or_create
from store.text import anchoring
from store.text.clean import clean_text

# Bump when what is generated changes. The key also holds the schema version and a hash
# of the modules that decide what a project file holds (tables, triggers, the search
# index and its folding), so a change there regenerates the files instead of measuring
# stale ones.
DATA_VERSION = "6"
SCHEMA_SOURCES = ("store/core/schema.py", "store/text/fold.py")
SEED = 20240619

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT.parent / "seeds" / "putin-kim-treaty.txt"
BIG_ARTICLE_BYTES = 1 << 20
BIG_CLAIMS = 5_000
CORPUS_ARTICLES = 10_000
CORPUS_ARTICLE_BYTES = 5_000  # average; 10,000 of them make ~50 MB
CORPUS_CLAIMS = 100_000
CORPUS_REVIEWS = 5_000
IMPORT_BYTES = 10_000_000
LABELS = ("unchecked", "verified", "disputed")
LABEL_WEIGHTS = (5, 3, 2)
ANNOTATORS = ("alice", "bob", "chen")
NOTES = ("", "", "", "راجع المصدر الرسمي", "الرقم غير دقيق بحسب وكالة الأنباء",
         "needs a second source")
SOURCES = ("[]", "[]", "[]", '["https://example.org/source"]',
           '["https://example.org/a", "https://example.com/b"]')
CLAIM_COLUMNS = ("id", "label", "note", "sources", "annotator", "created", "updated",
                 "updated_by", "deleted", "deleted_by")
APPEARANCE_COLUMNS = ("id", "claim_id", "article_id", "start", "end", "quote", "annotator",
                      "created", "updated", "prefix", "suffix", "updated_by", "deleted",
                      "deleted_by")
ARTICLE_COLUMNS = ("id", "title", "text", "fingerprint", "outlet", "url", "published",
                   "language", "encoding", "source_name", "created", "created_by", "updated",
                   "deleted")
T0 = 1_718_791_200  # 2024-06-19T10:00:00Z


def version() -> str:
    digest = hashlib.sha256()
    for name in SCHEMA_SOURCES:
        path = ROOT.parent / name
        digest.update(path.read_bytes() if path.exists() else b"-")
    return f"v{DATA_VERSION}-schema{schema.SCHEMA_VERSION}-{digest.hexdigest()[:8]}"


def data_dir() -> Path:
    return ROOT / "data" / version()


def stamp(seconds: int, micro: int = 0) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(T0 + seconds)) + f".{micro:06d}Z"


def sample_paragraphs() -> list[str]:
    text = clean_text(SAMPLE.read_text("utf-8")).text
    return [p for p in text.split("\n") if p.strip()]


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def big_text(rng: random.Random) -> str:
    """Shuffled rounds of the sample's paragraphs until the text weighs 1 MiB."""
    paragraphs = sample_paragraphs()
    out: list[str] = []
    size = 0
    while size < BIG_ARTICLE_BYTES:
        round_ = paragraphs[:]
        rng.shuffle(round_)
        for p in round_:
            out.append(p)
            size += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            bounds.append((at, at + len(line)))
        at += len(line) + 1
    return bounds


def word_span(text: str, lo: int, hi: int, rng: random.Random,
              length: tuple[int, int] = (15, 140)) -> tuple[int, int] | None:
    """A span of whole words inside [lo, hi)."""
    if hi - lo < 8:
        return None
    start = rng.randrange(lo, hi - 4)
    while start > lo and text[start - 1] != " ":
        start -= 1
    end = min(hi, start + rng.randint(*length))
    while end < hi and text[end] != " ":
        end += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if end - start < 2 or not text[start:end].strip():
        return None
    return start, end


def claim_rows(rng: random.Random, article_id: str, text: str, count: int, t_offset: int,
               overlap_share: float = 0.15) -> list[dict]:
    """*count* claims on *text*, each a dict of both rows ({"claim", "appearance"});
    some overlap an earlier claim (same paragraph)."""
    bounds = paragraph_bounds(text)
    rows: list[dict] = []
    made: list[tuple[int, int, int]] = []  # (start, end, paragraph)
    seen: set[tuple[int, int, str]] = set()  # the store refuses the same words twice
    while len(rows) < count:
        if made and rng.random() < overlap_share:
            s0, e0, p = made[rng.randrange(len(made))]
            lo, hi = bounds[p]
            # start inside the earlier claim, end beyond or inside it
            span = word_span(text, max(lo, s0), min(hi, e0 + 60), rng, (10, 120))
        else:
            p = rng.randrange(len(bounds))
            lo, hi = bounds[p]
            span = word_span(text, lo, hi, rng)
        if span is None:
            continue
        start, end = span
        who = rng.choice(ANNOTATORS)
        if (start, end, who) in seen:
            continue
        seen.add((start, end, who))
        made.append((start, end, p))
        quote, prefix, suffix = anchoring.quote_selector(text, start, end)
        created = stamp(t_offset + len(rows), rng.randrange(1_000_000))
        claim_id = uid(rng)
        claim = dict(zip(CLAIM_COLUMNS, (
            claim_id, rng.choices(LABELS, LABEL_WEIGHTS)[0], rng.choice(NOTES),
            rng.choice(SOURCES), who, created, created, who, None, None), strict=True))
        appearance = dict(zip(APPEARANCE_COLUMNS, (
            claim_id, claim_id, article_id, start, end, quote, who, created, created,
            prefix, suffix, who, None, None), strict=True))
        rows.append({"claim": claim, "appearance": appearance})
    return rows


def insert_claims(project: Project, rows: list[dict], rng: random.Random) -> None:
    """The claims, their appearances and both "create" history entries, as the store
    writes them (inside the caller's transaction)."""
    conn = project.db.conn
    for table, columns in (("claims", CLAIM_COLUMNS), ("appearances", APPEARANCE_COLUMNS)):
        names = ", ".join(f'"{c}"' for c in columns)
        key = table[:-1] if table == "claims" else "appearance"
        conn.executemany(f"INSERT INTO {table} ({names}) VALUES "
                         f"({', '.join('?' * len(columns))})",
                         [tuple(r[key][c] for c in columns) for r in rows])
    history = []
    for r in rows:
        for entity in ("claim", "appearance"):
            record = r[entity]
            history.append((uid(rng), entity, record["id"], "create", record["annotator"],
                            record["created"], None, json.dumps(record, ensure_ascii=False)))
    conn.executemany("INSERT INTO history (id, entity, entity_id, action, who, at, before, "
                     "after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", history)


def _checkpoint(project: Project) -> None:
    project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- the files ---------------------------------------------------------------------------
def make_sample(path: Path) -> dict[str, str]:
    """The first-run project, and its first article's stored text for the floors."""
    project = open_or_create(path, "bench")
    try:
        first = articles.list_articles(project)[0]["id"]
        text = articles.get_article(project, first).text
    finally:
        project.close()
    path.with_suffix(".txt").write_text(text, encoding="utf-8")
    return {"sample_text": str(path.with_suffix(".txt"))}


def make_big(path: Path, claims: int) -> dict[str, str]:
    """A first-run project plus the 1 MiB article with *claims* claims; also writes
    ``NAME.txt`` (the big article's text) and ``NAME.spans.json`` (its claims' spans and
    labels, for the open floor)."""
    rng = random.Random(SEED)
    text = big_text(rng)
    project = open_or_create(path, "bench")  # the sample article comes first
    try:
        big_id = uid(rng)
        articles.add_article(project, text, "مقال كبير للاختبار (1 MiB)", article_id=big_id)
        rows = claim_rows(random.Random(SEED + claims), big_id, text, claims, 0)
        with project.transaction():
            insert_claims(project, rows, rng)
        _checkpoint(project)
    finally:
        project.close()
    path.with_suffix(".txt").write_text(text, encoding="utf-8")
    spans = [[r["appearance"]["start"], r["appearance"]["end"], r["claim"]["label"],
              r["claim"]["annotator"]] for r in rows]
    path.with_suffix(".spans.json").write_text(json.dumps(spans), encoding="utf-8")
    return {"article_id": big_id, "chars": str(len(text)),
            "bytes": str(len(text.encode("utf-8"))), "claims": str(claims),
            "text": str(path.with_suffix(".txt")), "spans": str(path.with_suffix(".spans.json"))}


def corpus_articles(rng: random.Random, count: int = CORPUS_ARTICLES) -> list[tuple]:
    """*count* articles of ~5,000 bytes: shuffled sample paragraphs plus the article
    number, so no two fingerprints are equal."""
    paragraphs = sample_paragraphs()
    rows = []
    for n in range(count):
        chosen: list[str] = []
        size = 0
        target = rng.randint(CORPUS_ARTICLE_BYTES // 2, CORPUS_ARTICLE_BYTES * 3 // 2)
        pool = paragraphs[:]
        rng.shuffle(pool)
        for p in pool:
            chosen.append(p)
            size += len(p.encode("utf-8")) + 1
            if size >= target:
                break
        title = f"مقال رقم {n + 1}: " + chosen[0][:60]
        text = f"{title}\n" + "\n".join(chosen) + f"\nرقم المقال {n + 1}"
        created = stamp(-count + n)
        rows.append((uid(rng), title, text, articles.fingerprint(text), "وكالة الاختبار",
                     f"https://example.org/news/{n + 1}", "2024-06-19", "ar", "UTF-8",
                     f"article-{n + 1}.txt", created, "editor", created, None))
    return rows


def insert_articles(path: Path, rows: list[tuple]) -> None:
    project = Project.open(path, "editor")
    try:
        cols = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS)
        with project.transaction():
            project.db.conn.executemany(
                f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                rows)
        _checkpoint(project)
    finally:
        project.close()


def make_articles(path: Path, count: int) -> dict[str, str]:
    """*count* articles, no claims: a big project for start-up."""
    insert_articles(path, corpus_articles(random.Random(SEED + 3 + count), count))
    return {"articles": str(count), "mb": f"{path.stat().st_size / 1e6:.0f}"}


def make_target_and_corpus(target: Path, corpus: Path) -> None:
    rng = random.Random(SEED + 1)
    rows = corpus_articles(rng)
    insert_articles(target, rows)
    shutil.copyfile(target, corpus)
    project = Project.open(corpus, "colleague")
    try:
        per_article = CORPUS_CLAIMS // CORPUS_ARTICLES
        claims: list[dict] = []
        for n, row in enumerate(rows):
            claims += claim_rows(rng, row[0], row[2], per_article, n * per_article)
        reviews = []
        for row in rng.sample(claims, CORPUS_REVIEWS):
            reviews.append((uid(rng), row["claim"]["id"], "editor",
                            rng.choice(("accept", "reject")), "",
                            stamp(CORPUS_CLAIMS + len(reviews))))
        with project.transaction():
            insert_claims(project, claims, rng)
            project.db.conn.executemany(
                "INSERT INTO reviews (id, claim_id, reviewer, decision, comment, created) "
                "VALUES (?, ?, ?, ?, ?, ?)", reviews)
        search.catch_up(project)  # the notes indexed, as a project in use has them
        _checkpoint(project)
    finally:
        project.close()


def relabel_rows(path: Path, first: int, last: int, label: str, who: str, at: int) -> None:
    """Relabel claims first..last (rowid order) as *who* would, history included."""
    project = Project.open(path, who)
    try:
        conn = project.db.conn
        cursor = conn.execute("SELECT * FROM claims WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                              [first, last])
        names = [d[0] for d in cursor.description]
        rng = random.Random(SEED + first + at)
        updates, entries = [], []
        for n, values in enumerate(cursor.fetchall()):
            before = dict(zip(names, values, strict=True))
            after = dict(before, label=label, updated=stamp(at + n), updated_by=who)
            updates.append((label, after["updated"], who, before["id"]))
            entries.append((uid(rng), "claim", before["id"], "relabel", who, after["updated"],
                            json.dumps(before, ensure_ascii=False),
                            json.dumps(after, ensure_ascii=False)))
        with project.transaction():
            conn.executemany("UPDATE claims SET label = ?, updated = ?, updated_by = ? "
                             "WHERE id = ?", updates)
            conn.executemany("INSERT INTO history (id, entity, entity_id, action, who, at, "
                             "before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries)
        _checkpoint(project)
    finally:
        project.close()


def make_changed_pair(corpus: Path, theirs: Path, mine: Path) -> None:
    shutil.copyfile(corpus, theirs)
    relabel_rows(theirs, 1, 10_000, "verified", "colleague", 200_000)
    shutil.copyfile(corpus, mine)
    relabel_rows(mine, 5_001, 20_000, "disputed", "editor", 300_000)


def make_import_file(path: Path) -> None:
    rng = random.Random(SEED + 2)
    lines = [line for line in SAMPLE.read_text("utf-8").split("\n") if line.strip()]
    out: list[str] = []
    size = 0
    while size < IMPORT_BYTES:
        round_ = lines[:]
        rng.shuffle(round_)
        for line in round_:
            out.append(line)
            size += len(line.encode("utf-8")) + 1
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _make(name: str, folder: Path) -> dict[str, str]:
    """Make one named item; returns its facts (paths and sizes)."""
    if name == "sample":
        return {"path": str(folder / "sample.tahqiq"), **make_sample(folder / "sample.tahqiq")}
    if name == "big" or name.startswith("big-"):
        claims = BIG_CLAIMS if name == "big" else int(name.split("-")[1])
        path = folder / f"big-{claims}.tahqiq"
        return {"path": str(path), **make_big(path, claims)}
    if name.startswith("articles-"):
        path = folder / f"{name}.tahqiq"
        return {"path": str(path), **make_articles(path, int(name.split("-")[1]))}
    if name == "import-10mb":
        make_import_file(folder / "import-10mb.txt")
        return {"path": str(folder / "import-10mb.txt")}
    if name == "corpus":  # the target, the corpus and the changed pair belong together
        make_target_and_corpus(folder / "target.tahqiq", folder / "corpus.tahqiq")
        make_changed_pair(folder / "corpus.tahqiq", folder / "theirs-changed.tahqiq",
                          folder / "mine-changed.tahqiq")
        return {"path": str(folder / "corpus.tahqiq"), "target": str(folder / "target.tahqiq"),
                "theirs_changed": str(folder / "theirs-changed.tahqiq"),
                "mine_changed": str(folder / "mine-changed.tahqiq")}
    raise ValueError(f"no such benchmark data: {name}")


def ensure(names: list[str], log=print) -> dict[str, dict[str, str]]:
    """Make (or reuse) every named item; returns {name: facts} for all items made so far."""
    folder = data_dir()
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        parent = folder.parent
        if parent.exists():  # older versions of the data are of no further use
            for old in parent.iterdir():
                if old.is_dir() and old.name.startswith("v") and old != folder:
                    shutil.rmtree(old, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        manifest_path.write_text("{}", "utf-8")
    facts = _in_folder(json.loads(manifest_path.read_text("utf-8")), folder)
    for name in names:
        if name in facts:
            continue
        t = time.perf_counter()
        facts[name] = _make(name, folder)
        log(f"  made {name} in {time.perf_counter() - t:.1f} s")
        _write_manifest(manifest_path, facts)
    return facts


def _in_folder(facts: dict[str, dict[str, str]], folder: Path) -> dict[str, dict[str, str]]:
    """The manifest's items with their files in *folder*, those whose files are gone
    left out (made again). The manifest names files by name alone: a folder copied with
    its files hard-linked (a clone's, to spare making them again) is another folder,
    and an older manifest named the folder it was made in, which may be gone since."""
    found = {}
    for name, item in facts.items():
        item = {key: str(folder / Path(value).name) if _is_file(value) else value
                for key, value in item.items()}
        if all(Path(value).exists() for value in item.values() if _is_file(value)):
            found[name] = item
    return found


def _is_file(value: str) -> bool:
    """Whether a manifest's value names a file (the others are counts and ids)."""
    return Path(value).suffix in (".tahqiq", ".txt", ".json")


def _write_manifest(path: Path, facts: dict[str, dict[str, str]]) -> None:
    """Written to a file of its own, then put in place: a copy of the folder that
    hard-links the manifest must not have this one's written into it."""
    named = {name: {key: Path(value).name if _is_file(value) else value
                    for key, value in item.items()} for name, item in facts.items()}
    spare = path.with_suffix(".json.new")
    spare.write_text(json.dumps(named, indent=2), "utf-8")
    spare.replace(path)


if __name__ == "__main__":  # run.py generates in a child, so its own memory stays small
    made = ensure(sys.argv[1:], log=lambda line: print(line, file=sys.stderr, flush=True))
    print(json.dumps(made))
