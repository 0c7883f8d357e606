"""Importing article files: encodings, clean-up, PDF repair, limits, one file at a time."""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import time
import unicodedata

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from store.core import articles, search
from store.errors import ImportRejected
from store.exchange import importing
from store.exchange.importing import (
    MAX_IMPORT_BYTES,
    PDF_REPAIRED,
    decode_bytes,
    import_file,
    import_text,
    load_file,
    preview_pdf_repair,
)
from store.text import clean
from store.text.display import display_for_terminal

SEED_TEXT = (ROOT / "seeds" / "putin-kim-treaty.txt").read_text("utf-8")
# The story of the seed, without the scrape's markers, sign-up line and credit label.
SEED_STORY = "\n".join(SEED_TEXT.strip().split("\n")[2:-2])
SHORT_AR = "وقّع الرئيس معاهدة"
SENTENCE = "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون معاهدة للدفاع"
FRENCH = "Le président a déclaré que l'accord était signé à Pyongyang, près de la frontière."


def counts(project) -> tuple[int, int]:
    """Articles and history rows: what any import would add to."""
    return (project.db.execute("SELECT count(*) FROM articles").fetchone()[0],
            project.db.execute("SELECT count(*) FROM history").fetchone()[0])


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "shown"), [
    (SENTENCE.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "UTF-16"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "UTF-16"),
    (SHORT_AR.encode("cp1256"), "Windows-1256"),
    (SEED_STORY.encode("cp1256"),
     "Windows-1256"),
    (SENTENCE.encode("iso8859_6"), "ISO-8859-6"),
    ("السلام".encode("iso8859_6"), "ISO-8859-6"),  # decodes as 1256 too, as «انسناه»
], ids=["utf8", "utf8-bom", "utf16le", "utf16be", "cp1256-short", "cp1256-long",
        "iso8859-6", "iso8859-6-short"])
def test_each_encoding_is_detected_recorded_and_decoded_exactly(project, tmp_path, data, shown):
    path = write(tmp_path, "article.txt", data)
    outcome = import_file(project, path)
    expected = data.decode({"UTF-8 (BOM)": "utf-8-sig", "UTF-16": "utf-16",
                            "Windows-1256": "cp1256", "ISO-8859-6": "iso8859_6"}.get(
                                shown, "utf-8"))
    assert outcome.created and outcome.encoding == shown
    assert outcome.article.encoding == shown
    assert outcome.article.text == unicodedata.normalize("NFC", expected).strip()


def test_utf32_is_not_mistaken_for_utf16():
    text = "معاهدة 😀 ok"
    decoded = decode_bytes(codecs.BOM_UTF32_LE + text.encode("utf-32-le"))
    assert (decoded.text, decoded.encoding) == (text, "utf-32")


def test_latin1_french_is_refused_not_guessed(project, tmp_path):
    path = write(tmp_path, "french.txt", FRENCH.encode("latin-1"))
    before = counts(project)
    with pytest.raises(ImportRejected, match="Save it as UTF-8"):
        import_file(project, path)
    assert counts(project) == before


def test_invalid_utf8_after_a_bom_is_refused(project, tmp_path):
    """Not decoded as something else: the mark says UTF-8, and the byte is counted
    from the start of the file."""
    path = write(tmp_path, "bad.txt", codecs.BOM_UTF8 + "معاهدة".encode() + b"\xff\xfe tail")
    with pytest.raises(ImportRejected, match=r"claims to be UTF-8 \(BOM\) but byte 15"):
        import_file(project, path)


# -- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: p.write_bytes(b" \n\t\r\n"), "is empty"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
     "binary"),
    (lambda p: p.write_bytes(codecs.BOM_UTF8), "no text"),
    (lambda p: p.write_bytes("[ad_1]\n\u202b\n".encode()), "no text"),
    (lambda p: p.mkdir(), "folder"),
    (lambda p: None, "Cannot read"),
], ids=["empty", "blank", "binary", "bom-only", "markers-only", "folder", "missing"])
def test_bad_files_are_refused_and_leave_the_project_unchanged(project, tmp_path, make,
                                                               message):
    path = tmp_path / "input.txt"
    make(path)
    before = counts(project)
    with pytest.raises(ImportRejected, match=message):
        import_file(project, path)
    assert counts(project) == before


def test_oversized_files_are_refused_before_reading(project, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: no 50 MiB written to disk
        fh.truncate(MAX_IMPORT_BYTES + 1)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read it all"))
    before = counts(project)
    with pytest.raises(ImportRejected, match="the limit is 50 MiB"):
        import_file(project, path)
    assert counts(project) == before


def test_a_pipe_is_refused_without_waiting_for_a_writer(project, tmp_path):
    """`tahqiq import fifo.txt`, a named pipe, waited for ever for something to write to
    it, and so did the window's import worker (rv261): only a saved file is read (the one
    a symlink names too)."""
    import os
    import threading

    pipe = tmp_path / "fifo.txt"
    os.mkfifo(pipe)
    (link := tmp_path / "link.txt").symlink_to(pipe)
    refused: list[str] = []

    def load(path) -> None:
        with pytest.raises(ImportRejected) as caught:
            load_file(path)
        refused.append(str(caught.value))

    for path in (pipe, link):
        reading = threading.Thread(target=load, args=(path,), daemon=True)
        reading.start()
        reading.join(10)
        if reading.is_alive():  # (it waits for a writer: one lets it go)
            with open(pipe, "wb"):
                pass
            reading.join(10)
    assert refused == [f"{name} is not a saved file (it is a pipe nothing writes to, a "
                       "socket or a device); it was not imported."
                       for name in ("fifo.txt", "link.txt")]
    (link := tmp_path / "story.txt").symlink_to(write(tmp_path, "real.txt", SENTENCE.encode()))
    assert import_file(project, link).article.text == SENTENCE


def test_a_pipe_something_writes_to_is_read(project, tmp_path):
    """`cmd | tahqiq import /dev/stdin` and `tahqiq import <(cmd)` imported the command's
    article until a named pipe with no writer was refused (rv261): every pipe was, «nothing
    was imported» said on a run that imported the other files (rv273). A device stays
    refused."""
    import os
    import threading

    read, written = os.pipe()  # (what /dev/stdin and <(cmd) are: /dev/fd/N)
    os.write(written, SENTENCE.encode())
    os.close(written)
    try:
        assert import_file(project, f"/dev/fd/{read}").article.text == SENTENCE
    finally:
        os.close(read)
    read, written = os.pipe()  # (a writer that has written nothing yet: it is waited for)
    late = threading.Timer(0.3, lambda: (os.write(written, b"\n" + SENTENCE.encode()),
                                         os.close(written)))
    late.start()
    try:
        assert load_file(f"/dev/fd/{read}").text.strip() == SENTENCE
    finally:
        late.join()
        os.close(read)
    os.mkfifo(pipe := tmp_path / "fifo.txt")

    def write_late() -> None:  # (waits in open for a reader: a writer as it waits)
        with open(pipe, "wb") as fh:
            time.sleep(0.3)
            fh.write(SENTENCE.encode())

    (writer := threading.Thread(target=write_late, daemon=True)).start()
    while not writer.is_alive():
        time.sleep(0.01)
    time.sleep(0.1)
    assert import_file(project, pipe).article.text == SENTENCE
    writer.join(10)
    with pytest.raises(ImportRejected, match="^null is not a saved file .*; it was not "
                                             "imported.$"):
        load_file("/dev/null")


def test_a_pipe_that_ended_with_nothing_in_it_is_empty(project, tmp_path):
    """`grep nomatch f | tahqiq import /dev/stdin`, `printf '' | …`: the command finished
    having written nothing, and the pipe was said «not a saved file (a pipe nothing writes
    to…)», where `(sleep 4) | …`, the same empty stream, was said empty (rv278). A
    command's pipe that ends empty is empty, as an empty file is; a named pipe nothing has
    opened to write to stays refused as one (rv261)."""
    import os

    read, written = os.pipe()  # (what /dev/stdin is: the writer finished, nothing written)
    os.close(written)
    try:
        with pytest.raises(ImportRejected, match=f"^{read} is empty.$"):
            load_file(f"/dev/fd/{read}")
    finally:
        os.close(read)
    os.mkfifo(pipe := tmp_path / "fifo.txt")
    with pytest.raises(ImportRejected, match="^fifo.txt is not a saved file "):
        load_file(pipe)


def test_a_pipe_over_the_limit_is_said_to_hold_more(project, tmp_path, monkeypatch):
    """A 200 MB stream piped in was said «stdin is 52 MB; the limit is 50 MiB», the limit
    and the one byte more that was read (rv278): a pipe's size is not known until it is
    read to its end, which is not waited for, so it is said to hold more than the limit."""
    import os
    import threading

    from store.exchange import word_document

    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1 << 20)
    monkeypatch.setattr(word_document, "MAX_FILE_BYTES", 2 << 20)

    def pour(path, size: int) -> threading.Thread:
        def write_all() -> None:
            with contextlib.suppress(BrokenPipeError), open(path, "wb") as fh:
                fh.write(b"x" * size)

        (writer := threading.Thread(target=write_all, daemon=True)).start()
        time.sleep(0.1)  # (waits in open for a reader: a writer as it waits)
        return writer

    for name, size, said in (("text.txt", 3 << 20, "1 MiB, the limit for text"),
                             ("page.docx", 5 << 20, "2 MiB, the limit for a document")):
        os.mkfifo(pipe := tmp_path / name)
        writer = pour(pipe, size)
        before = counts(project)
        with pytest.raises(ImportRejected) as caught:
            import_file(project, pipe)
        assert str(caught.value) == f"{name} holds more than {said}."
        assert counts(project) == before
        writer.join(10)
    read, written = os.pipe()  # (just the limit: read, not refused)
    writer = pour(f"/dev/fd/{written}", 1 << 20)
    os.close(written)
    try:
        assert len(load_file(f"/dev/fd/{read}").text) == 1 << 20
    finally:
        writer.join(10)
        os.close(read)


def test_ten_megabytes_of_text_import_and_are_searchable(project, tmp_path):
    line = SENTENCE + "، في 19 يونيو ٢٠٢٤.\n"
    body = line * (10_000_000 // len(line.encode("utf-8")) + 1)
    marker = "كلمةفريدةفيالنهاية"
    path = write(tmp_path, "big.txt", (body + marker + "\n").encode("utf-8"))
    assert path.stat().st_size > 10_000_000
    started = time.perf_counter()
    outcome = import_file(project, path)
    elapsed = time.perf_counter() - started
    assert outcome.created and outcome.article.text == body + marker
    hits = search.search(project, marker)
    assert [(h.start, h.end) for h in hits] == [(len(body), len(body) + len(marker))]
    assert elapsed < 30, f"a 10 MB import took {elapsed:.1f} s"


# -- clean-up ----------------------------------------------------------------------------
def test_cleaning_is_applied_and_reported(project, tmp_path):
    raw = ("[ad_1]\n\u202bمعاهدة\u202c للدفاع\r\n\n\n\n\nقال " +
           unicodedata.normalize("NFD", "إن") + "\n[ad_2]\n")
    path = write(tmp_path, "scraped.txt", raw.encode("utf-8"))
    outcome = import_file(project, path)
    assert outcome.article.text == "معاهدة للدفاع\n\nقال إن"
    report = " | ".join(outcome.changes)
    assert "removed 2 scrape markers: [ad_1], [ad_2]" in report
    assert "removed 2 stray bidi control characters" in report
    assert "collapsed repeated blank lines" in report
    assert "normalised to Unicode NFC" in report


def test_a_terminals_colour_codes_go_whole_and_are_said(project, tmp_path):
    """A log copied from a terminal: «ESC [1;31m» went as one control, «[1;31m» stayed in
    the article, its title and the list, and the report said «5 control characters»
    (rv268). Each escape sequence goes whole and is said as one; a file imported before,
    stored with the rest of each code, is found again, not made a second article. `tput
    sgr0`'s «ESC ( B ESC [m» and an 8-bit CSI go whole too: «جدا(B» was stored (rv269)."""
    from store.core import articles

    raw = "\x1b]0;build\x07قال الوزير إن الاتفاق \x1b[1;31mمهم جدا\x1b(B\x1b[m \x9b1mحقا.\n"
    then = articles.add_article(project, "]0;buildقال الوزير إن الاتفاق [1;31mمهم جدا(B[m "
                                "1mحقا.", "then")
    outcome = import_file(project, write(tmp_path, "then.txt", raw.encode("utf-8")))
    assert (outcome.created, outcome.article_id) == (False, then.id)
    outcome = import_file(project, write(tmp_path, "log.txt", ("عن " + raw).encode("utf-8")))
    text = "عن قال الوزير إن الاتفاق مهم جدا حقا."
    assert outcome.article.text == text and articles.derive_title(text) == text
    assert outcome.changes == ["removed 5 terminal escape sequences (colour codes, window "
                               "titles)"]


SIGNUP = ("للحصول على تنبيهات مجانية للأخبار العاجلة يتم إرسالها مباشرة إلى صندوق الوارد "
          "الخاص بك، قم بالاشتراك في رسائل البريد الإلكتروني الخاصة بالأخبار العاجلة")


@pytest.mark.parametrize("head, tail", [
    (SIGNUP + "\n", "\nالمصدر"),
    ("Sign up to our free newsletter for breaking news alerts\n\n", "\n\nSource:"),
])
def test_site_boilerplate_at_the_edges_is_cleaned_and_reported(project, tmp_path, head, tail):
    path = write(tmp_path, "scraped.txt", ("[ad_1]\n" + head + SENTENCE + tail).encode("utf-8"))
    outcome = import_file(project, path)
    assert outcome.article.text == SENTENCE
    report = " | ".join(outcome.changes)
    assert "removed 2 lines of site boilerplate at the start or end: " in report


def test_a_subscription_inside_the_story_is_kept(project, tmp_path):
    text = f"{SENTENCE}\n{SIGNUP}\n{SENTENCE} ثانية"
    outcome = import_file(project, write(tmp_path, "story.txt", text.encode("utf-8")))
    assert outcome.article.text == text
    assert not any("boilerplate" in change for change in outcome.changes)


@pytest.mark.parametrize("edge", [
    "Netflix said it would email subscribers about the change.",
    "ارتفاع رسوم الاشتراك في خدمات البريد الإلكتروني",
    "design upgrades sent by email",
    "Apple alerts users to subscribe",
    "The newsletter Substack's subscribers",
    "Source: Reuters",
])
def test_story_lines_that_mention_subscriptions_are_kept(project, tmp_path, edge):
    text = f"{edge}\n{SENTENCE}\n{edge}"
    outcome = import_file(project, write(tmp_path, "story.txt", text.encode("utf-8")))
    assert outcome.article.text == text and not outcome.dropped_note


def test_an_article_imported_before_the_cleaning_is_found_again(project, tmp_path):
    from store.core import articles as article_store

    old = article_store.add_article(project, SIGNUP + "\n" + SENTENCE, "old import")
    again = import_file(project, write(tmp_path, "again.txt",
                                       (SIGNUP + "\n" + SENTENCE).encode("utf-8")))
    assert not again.created and again.article.id == old.id
    assert counts(project)[0] == 1


def test_a_file_of_nothing_but_a_signup_line_is_kept(project, tmp_path):
    outcome = import_file(project, write(tmp_path, "signup.txt", SIGNUP.encode("utf-8")))
    assert outcome.article.text == SIGNUP


def test_the_same_text_twice_is_one_article(project, tmp_path):
    first = import_file(project, write(tmp_path, "a.txt", SENTENCE.encode("utf-8")))
    again = import_file(project, write(tmp_path, "b.txt", (SENTENCE + "\n").encode("cp1256")))
    assert not again.created and again.article.id == first.article.id
    assert counts(project)[0] == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])  # (Notepad's, with a BOM,
def test_sidecar_json_supplies_metadata(project, tmp_path, encoding):  # was "not JSON")
    path = write(tmp_path, "story.txt", SENTENCE.encode("utf-8"))
    (tmp_path / "story.json").write_text(
        '{"title": "عنوان", "outlet": "وكالة", "url": "https://example.org/a", "junk": 1}',
        encoding=encoding)
    article = import_file(project, path).article
    assert (article.title, article.outlet, article.url) == ("عنوان", "وكالة",
                                                           "https://example.org/a")


@pytest.mark.parametrize(("sidecar", "why"), [
    ('{"title": "عنوان"}'.encode("cp1256"), "story.json was not used: it is not UTF-8"),
    (b'{"title": ', "story.json was not used: it is not JSON"),
    (b'["title", "x"]', "story.json was not used: it holds no details"),
    (b"[" * 200_000, "story.json was not used: it is not JSON"),  # a RecursionError
])
def test_a_sidecar_that_cannot_be_used_is_said_not_to_be(project, tmp_path, sidecar, why):
    """A sidecar in Windows-1256 (its Arabic title), broken or not an object was dropped
    without a word: the import says it was not used, and why."""
    path = write(tmp_path, "story.txt", SENTENCE.encode("utf-8"))
    (tmp_path / "story.json").write_bytes(sidecar)
    loaded = importing.load_file(path)
    assert loaded.sidecar_problem.startswith(why) and loaded.sidecar_problem in loaded.changes
    outcome = importing.import_loaded(project, loaded)
    assert loaded.sidecar_problem in outcome.changes  # the window's status line says it
    assert outcome.article.outlet == ""


def test_a_sidecar_value_that_is_no_text_is_left_out(project, tmp_path):
    path = write(tmp_path, "story.txt", SENTENCE.encode("utf-8"))
    (tmp_path / "story.json").write_text(
        '{"title": {"nested": 1}, "outlet": ["a"], "published": 2024}', encoding="utf-8")
    article = import_file(project, path).article
    assert (article.title != "{'nested': 1}", article.outlet, article.published) == (
        True, "", "2024")


@pytest.mark.parametrize(("published", "said"), [
    ("5 ديسمبر 2026", True), ("05/12/2026", True), ("2026-12-05", False),
    ("٢٠٢٦-١٢-٠٥", False)])
def test_a_sidecars_date_that_claimreview_leaves_out_is_said(project, tmp_path, published, said):
    """A sidecar's «5 ديسمبر 2026» was kept and then left out of ClaimReview without a
    word: 200 sidecars imported, 200 fact-checks without the article's date (rv98)."""
    path = write(tmp_path, "story.txt", SENTENCE.encode("utf-8"))
    (tmp_path / "story.json").write_text(json.dumps({"published": published}),
                                         encoding="utf-8")
    outcome = import_file(project, path)
    notes = [str(c) for c in outcome.changes if "not YYYY-MM-DD" in str(c)]
    assert notes == ([f"the publication date «{published}» is not YYYY-MM-DD: ClaimReview "
                      "exports leave it out (Article Properties changes it)"] if said else [])
    assert outcome.article.published == published  # kept as it came


# -- PDF copy-paste repair ----------------------------------------------------------------
LOGICAL = "وقع الرئيس الروسي معاهدة مع كيم\nقال بوتين إن الاتفاق ينص على المساعدة"
VISUAL = "\n".join(display_for_terminal(line) for line in LOGICAL.split("\n"))


def test_pdf_text_is_not_repaired_unasked_but_a_repair_is_suggested(project):
    outcome = import_text(project, VISUAL)
    assert outcome.pdf_repair_suggested
    assert outcome.article.text == VISUAL
    assert PDF_REPAIRED not in outcome.changes


def test_pdf_repair_on_request_restores_logical_text_and_says_so(project):
    outcome = import_text(project, VISUAL, repair_pdf=True)
    assert outcome.article.text == LOGICAL
    assert PDF_REPAIRED in outcome.changes and not outcome.pdf_repair_suggested
    assert search.search(project, "الاتفاق")  # now it can be found


def test_preview_shows_both_choices_as_they_would_be_stored():
    before, after = preview_pdf_repair("[ad_1]\n" + VISUAL + "\n\n\n\n")
    assert (before, after) == (VISUAL, LOGICAL)


def test_ordinary_arabic_is_neither_flagged_nor_changed_by_repair(project):
    outcome = import_text(project, SENTENCE, repair_pdf=True)
    assert outcome.article.text == SENTENCE and PDF_REPAIRED not in outcome.changes
    assert not import_text(project, SENTENCE + " ثانية").pdf_repair_suggested


def test_loading_a_file_offers_the_repair_before_anything_is_stored(project, tmp_path):
    before = counts(project)
    loaded = load_file(write(tmp_path, "pdf.txt", VISUAL.encode("utf-8")))
    assert loaded.pdf_repair_suggested and counts(project) == before
    outcome = importing.import_loaded(project, loaded, repair_pdf=True)
    assert outcome.article.text == LOGICAL and outcome.article.source_name == "pdf.txt"


# -- several files -------------------------------------------------------------------------
def _import_each(project, paths):
    """The files stored one by one as the command line and the window store them."""
    return list(importing.import_each(paths, lambda path: path.name,
                                      lambda path: import_file(project, path)))


def test_a_refused_file_does_not_stop_the_others(project, tmp_path):
    good = write(tmp_path, "good.txt", SENTENCE.encode("utf-8"))
    bad = write(tmp_path, "bad.txt", FRENCH.encode("latin-1"))
    other = write(tmp_path, "other.txt", SHORT_AR.encode("cp1256"))
    results = _import_each(project, [good, bad, other])
    assert [path for path, _outcome in results] == [good, bad, other]
    assert results[0][1].created and isinstance(results[1][1], ImportRejected)
    assert results[2][1].encoding == "Windows-1256"
    assert counts(project)[0] == 2


def test_leaving_the_loop_stops_between_files(project, tmp_path):
    paths = [write(tmp_path, f"{i}.txt", f"{SENTENCE} {i}".encode()) for i in range(3)]
    for done, _result in enumerate(importing.import_each(
            paths, lambda path: path.name, lambda path: import_file(project, path)), 1):
        if done == 2:
            break
    assert counts(project)[0] == 2


@pytest.mark.parametrize("refusal", [
    "The disk is full; the change was not saved.",
    "Another program kept the project busy; the change was not saved."])
def test_several_files_stop_at_the_first_the_project_cannot_take(project, tmp_path,
                                                                 monkeypatch, refusal):
    """The store's loop of several files (import_files, then) went on past a full disk or
    a busy project to the next file, each waiting and refused alike, unnamed: it stops at
    the first now, what was stored before kept, the files not tried named in one error,
    as the command line and the window said it (rv260) - they run this loop now."""
    from store.core import project as core_project
    from store.errors import StorageError

    paths = [write(tmp_path, f"a{i}.txt", f"{SENTENCE} {i}".encode()) for i in range(1, 4)]
    done, tried = importing.import_loaded, []

    def refused_after_one(project, loaded, **kwargs):
        tried.append(loaded.name)
        if len(tried) > 1:
            raise StorageError(refusal)
        return done(project, loaded, **kwargs)

    monkeypatch.setattr(importing, "import_loaded", refused_after_one)
    stored = []
    with pytest.raises(StorageError) as raised:
        for path, outcome in importing.import_each(
                paths, lambda path: path.name, lambda path: import_file(project, path)):
            stored.append((path, outcome))
    assert tried == ["a1.txt", "a2.txt"] and [path for path, _ in stored] == paths[:1]
    said = {core_project.DISK_FULL: "The disk is full: a2.txt, a3.txt were not imported.",
            core_project.PROJECT_BUSY: "Another program kept the project busy: a2.txt, "
                                       "a3.txt were not imported."}
    assert str(raised.value) == said[refusal]
    assert counts(project)[0] == 1


def test_several_files_stop_at_a_project_open_read_only_saying_so_once(project, tmp_path,
                                                                      monkeypatch):
    """The project's refusal that is not a write lost (read-only, damaged) stops them
    too, said as it is; a file's own refusal does not."""
    from store.errors import ProjectReadOnly

    paths = [write(tmp_path, f"a{i}.txt", f"{SENTENCE} {i}".encode()) for i in range(1, 4)]
    tried = []

    def read_only(project, loaded, **kwargs):
        tried.append(loaded.name)
        raise ProjectReadOnly("This project is open read-only; changes cannot be saved.")

    monkeypatch.setattr(importing, "import_loaded", read_only)
    with pytest.raises(ProjectReadOnly, match="open read-only"):
        _import_each(project, paths)
    assert tried == ["a1.txt"]


@pytest.mark.parametrize("line", [
    "اشترك في نشرتنا البريدية لتصلك آخر الأخبار إلى بريدك الإلكتروني",
    "اشترك الآن ليصلك ملخص الأخبار على بريدك الالكتروني",
    "اشتركوا في نشراتنا اليومية",
    "اشترك في النشرة البريدية", "Subscribe to our newsletter",
    "فاشترك في نشرتنا البريدية لتصلك آخر الأخبار", "واشترك في نشرتنا البريدية"])
def test_a_newsletter_sign_up_line_is_boilerplate_however_it_names_the_newsletter(line):
    """"Our newsletter" (نشرتنا) and "your e-mail" (بريدك الإلكتروني) are how such lines
    often put it, the verb often with its «ف» or «و» (rv168); a line about the news
    itself, with the same words, is not one."""
    assert clean.is_boilerplate(line)
    text = f"قال الوزير إن الحكومة ستخفض الضرائب في العام المقبل.\n{line}\n"
    assert clean.clean_text(text).text == "قال الوزير إن الحكومة ستخفض الضرائب في العام المقبل."


def test_a_story_about_a_newsletter_is_not_boilerplate():
    assert not clean.is_boilerplate("أطلقت الوزارة نشرتنا الاقتصادية الجديدة أمس")


@pytest.mark.parametrize("line", [
    "واشترك في إعداد النشرة الإخبارية مراسلو الوكالة في بيروت ودمشق.",
    "اشترك في تغطية النشرة مراسلو الوكالة"])
def test_a_storys_credit_line_is_not_a_sign_up(line):
    """«اشترك» is also «took part»: a story ending with who took part in preparing the
    news bulletin lost that paragraph at import as a newsletter sign-up (rv173)."""
    assert not clean.is_boilerplate(line)
    text = f"قال الوزير إن الحكومة ستخفض الضرائب في العام المقبل.\n{line}"
    assert clean.clean_text(text).text == text


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["", "  ", "المصدر", "Source:", "خبر عاجل عن المعاهدة",
                                 "Subscribe to our newsletter", "سطر", "اشترك في النشرة"]),
                max_size=8))
def test_edge_boilerplate_is_what_popping_whole_lines_would_drop(lines):
    """Only the edge lines are looked at (a big article is not split into lines): the
    result is what taking lines off both ends of the split text gives."""
    text = "\n".join(lines)
    kept = list(lines)
    dropped = []
    for edge in (0, -1):
        while kept and (not kept[edge].strip() or clean.is_boilerplate(kept[edge])):
            line = kept.pop(edge)
            if line.strip():
                dropped.append(line.strip())
    expected = (text, []) if not any(line.strip() for line in kept) else \
        ("\n".join(kept), dropped)
    assert clean._drop_edge_boilerplate(text) == expected


@pytest.mark.parametrize(("name", "data", "said"), [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF"),
    ("colleague.tahqiq", b"SQLite format 3\0" + bytes(200), "merge it instead"),
    ("saved.mhtml", b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n", "(MHTML)"),
    ("page.txt", b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n", "(MHTML)"),
    ("claims.csv", codecs.BOM_UTF8 + b"claim_id,article_id,article_title,start\r\n",
     "CSV of claims"),
    # a spreadsheet's rows and an RTF's markup were an article each, or «a binary file»
    # (rv66); a damaged Word document is said to be one
    ("sources.csv", "المصدر,الرابط\nالوزارة,https://x.org\n".encode(), "is a spreadsheet"),
    ("story.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Hello}",
     "save it as a Word document (.docx)"),
    # RTF renamed .txt or with no suffix was its markup as an article (rv235)
    ("story.txt", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Hello}",
     "save it as a Word document (.docx)"),
    ("story", codecs.BOM_UTF8 + b"\r\n {\\rtf1\\ansi {\\fonttbl {\\f0 Arial;}} Hello}",
     "save it as a Word document (.docx)"),
    # a saved mail was an article of its headers and base64 (rv235)
    ("newsletter.eml", b"From: news@example.com\r\nSubject: =?utf-8?b?2YbYtNix2Kk=?=\r\n"
     b"MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary=\"b\"\r\n"
     b"\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n2YjZgti5\r\n", "saved e-mail"),
    ("mail", b"From - Mon Dec  7 03:00:00 2026\nX-Mozilla-Status: 0001\n" + b"Received: from a"
     b"\n\tby b with ESMTPS id 4Zx;\n" * 200 + b"MIME-Version: 1.0\n\n", "saved e-mail"),
    ("returned", b"Return-Path: <news@example.com>\nMessage-ID: <1@example.com>\n\nhi\n",
     "saved e-mail"),
    ("story.docx", b"PK\x03\x04" + bytes(100), "is damaged"),
    ("story.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(100), "Word 97–2003 .doc"),
])
def test_a_file_of_another_kind_is_refused_naming_where_it_goes(tmp_path, name, data, said):
    """A PDF and a colleague's project were «a binary file»; a saved single-file page
    and a CSV of claims became articles of MIME headers and CSV rows. Each is refused
    with where it goes instead."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportRejected, match=re.escape(said)):
        importing.load_file(path)


def test_an_article_opening_as_a_memo_is_no_saved_mail(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("From: وزارة الخارجية\nSubject: بيان\nContent: نص\n\nقال الوزير إن "
                    "الاتفاق مهم.\n", encoding="utf-8")
    assert importing.load_file(path).text.startswith("From: وزارة الخارجية")


@pytest.mark.parametrize("text", [
    "Received: 12 March 2024\nAccepted: 2 May 2024\n\nقال الوزير إن الصادرات ارتفعت.\n",
    "Return-Path: عاد المسار\n\nنص\n",
    "Message-ID: x\n" + "قال الوزير " * 500,
])
def test_an_article_with_one_field_a_mail_has_too_is_no_saved_mail(tmp_path, text):
    """A study's received stamp, a lone «Return-Path:» or «Message-ID:» line, were each
    the whole proof of a saved e-mail, and the article refused (rv240)."""
    path = tmp_path / "study.txt"
    path.write_text(text, encoding="utf-8")
    assert importing.load_file(path).text.startswith(text.split(":")[0])


def test_an_articles_metadata_beside_it_is_read_with_it_not_imported(project, tmp_path):
    """`tahqiq import seeds/*` imported putin-kim-treaty.json as an article titled «{»:
    a NAME.json beside NAME.txt is its metadata; a JSON file alone is still a file."""
    import json
    import shutil

    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in (ROOT / "seeds").glob("putin-kim-treaty.*"):
        shutil.copy(seed, folder / seed.name)
    alone = folder / "notes.json"
    alone.write_text('{"a": 1}', encoding="utf-8")
    files = sorted(folder.glob("*"))
    assert [p.name for p in importing.articles_among(files)] == [
        "notes.json", "putin-kim-treaty.txt"]
    results = _import_each(project, importing.articles_among(
        [folder / "putin-kim-treaty.json", folder / "putin-kim-treaty.txt"]))
    ((path, outcome),) = results
    assert path.name == "putin-kim-treaty.txt" and outcome.created
    (article,) = articles.list_articles(project)
    metadata = json.loads((folder / "putin-kim-treaty.json").read_text("utf-8"))
    assert article["title"] == metadata["title"]


@pytest.mark.parametrize("kind", ["w3c", "claimreview"])
def test_a_json_ld_export_is_refused_naming_merge(project, tmp_path, kind):
    """`tahqiq import claims.jsonld` made an article titled «[» out of our own export."""
    from store.core import appearances, settings
    from store.exchange import exporting

    article = articles.add_article(project, "قال الوزير إن التضخم بلغ 3% في مارس.", "مقال")
    appearances.tag_quote(project, article.id, "التضخم بلغ 3%", "disputed")
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    path = tmp_path / f"claims.{kind}.json"
    path.write_text(exporting.export_text(project, kind), encoding="utf-8")
    with pytest.raises(ImportRejected, match="JSON-LD export of claims.*merge"):
        importing.load_file(path)
    assert len(articles.list_articles(project)) == 1


@pytest.mark.parametrize("kind", ["w3c", "claimreview"])
def test_a_json_ld_export_of_no_claims_is_not_an_article(project, tmp_path, kind):
    """A W3C or ClaimReview export of a project with no claims is «[]»: imported, it was an
    article titled and reading «[]» (rv222)."""
    from store.core import settings
    from store.exchange import exporting

    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/claims/{id}")
    path = tmp_path / f"none.{kind}.json"
    path.write_text(exporting.export_text(project, kind), encoding="utf-8")
    with pytest.raises(ImportRejected, match="holds no text to import"):
        importing.load_file(path)
    path.write_bytes(b"\xef\xbb\xbf{ }\n")
    with pytest.raises(ImportRejected, match="holds no text to import"):
        importing.load_file(path)


def test_a_whole_project_json_export_is_refused_naming_the_backup(project, tmp_path):
    """`tahqiq import backup.json`, the natural try at restoring, made an article «{»."""
    from store.exchange import exporting

    path = tmp_path / "backup.json"
    path.write_text(exporting.export_text(project, "json"), encoding="utf-8")
    with pytest.raises(ImportRejected, match="whole-project JSON export.*project file"):
        importing.load_file(path)
    quoted = tmp_path / "quoted.csv"  # a spreadsheet quoting every header cell
    quoted.write_bytes(b'"claim_id","article_id","start"\r\n"a","b","1"\r\n')
    with pytest.raises(ImportRejected, match="CSV of claims"):
        importing.load_file(quoted)
    reordered = tmp_path / "mine.csv"  # the columns in an order of one's own: imported
    reordered.write_bytes(b"claim_id;label;start;end;quote\n")  # as an article «claim_id…»
    with pytest.raises(ImportRejected, match="CSV of claims"):
        importing.load_file(reordered)


@pytest.mark.parametrize("text", [
    "From: the ministry's statement, read on Monday, the treaty is the strongest ever.\n",
    "MIME-Version is what an e-mail header says; this article is about e-mail.\n",
    "claim_id is a column some fact-checkers keep in their own sheets.\n",
    '{"a note": "an article that starts with a brace"} and goes on as prose.\n',
])
def test_an_article_that_only_looks_like_another_kind_is_imported(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert importing.load_file(path).text == text


@pytest.mark.parametrize("pieces", [False, True])
def test_a_line_break_written_as_a_control_parts_words(project, tmp_path, monkeypatch, pieces):
    """PowerPoint's and Word's manual line break (VT) and a page break (FF) were taken away
    as controls, gluing the words beside them: «الحرب\\vبدأت» read «الحرببدأت», which no
    search found (rv95)."""
    from store.text import clean

    if pieces:
        monkeypatch.setattr(clean.CleanStream, "PIECE", 8)
    raw = "عنوان الشريحة\vقال الوزير إن الحرب\vبدأت عام 1948\fصفحة ثانية\x85سطر\n"
    if pieces:
        stream = clean.CleanStream()
        text = "".join(stream.feed(raw) + stream.close())
    else:
        text = clean.clean_text(raw).text
    assert text == "عنوان الشريحة\nقال الوزير إن الحرب\nبدأت عام 1948\nصفحة ثانية\nسطر"
    article = articles.add_article(project, text, "t")
    assert search.search(project, "الحرب بدأت")[0].article_id == article.id


def test_a_folders_articles_come_in_as_a_file_manager_orders_them(tmp_path):
    """By code point a series came in as 1, 10, 2 and capitals first, and the article
    list keeps the order articles came in (rv102): numbers count as numbers, in any
    digits, and letters in any case."""
    from store.exchange.importing import _articles_in

    names = ["s10.txt", "s2.txt", "S1.txt", "b.txt", "الحلقة ١٠.txt", "الحلقة ٢.txt",
             "الحلقة 3.txt", "s2.html"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in _articles_in(tmp_path)] == [
        "b.txt", "S1.txt", "s2.html", "s2.txt", "s10.txt", "الحلقة ٢.txt", "الحلقة 3.txt",
        "الحلقة ١٠.txt"]


def test_a_text_that_is_not_the_one_measured_is_that_files_refusal_alone(project, tmp_path):
    """Pieces that turn out longer or other than the text measured (the file changed
    under the import) refuse that file, not the project: a StorageError would stop the
    files after it as a full disk does."""
    import hashlib

    from store.core import articles

    paths = [write(tmp_path, f"a{i}.txt", f"{SENTENCE} {i}".encode()) for i in range(1, 4)]
    measured = "The text that was measured."

    def store(path):
        if path.name == "a2.txt":  # its pieces are not the text measured
            return articles.add_article_pieces(
                project, [measured, " And more."], len(measured.encode()),
                hashlib.sha256(measured.encode()).hexdigest(), "changed")
        return import_file(project, path)

    results = list(importing.import_each(paths, lambda path: path.name, store))
    assert [path for path, _ in results] == paths
    assert isinstance(results[1][1], ImportRejected)
    assert "changed while it was stored" in str(results[1][1])
    assert counts(project)[0] == 2
