"""The installed ``tahqiq`` command line, run as a user would: a subprocess (or in this
process, tahqiq_here, where a test is about what a command does with a project, not
about the process)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_QUOTE, imports_refused_after_one

from store.core import appearances, articles
from store.core.project import Project

SEED = ROOT / "seeds" / "putin-kim-treaty.txt"


def tahqiq(*args: str, stdin: str | None = None, env: dict | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    assert exe, "the tahqiq console script is not installed"
    return subprocess.run([exe, *args], capture_output=True, text=True, encoding="utf-8",
                          input=stdin, timeout=120, env=dict(os.environ, **(env or {})),
                          cwd=cwd)


def tahqiq_here(*args: str | os.PathLike[str], env: dict | None = None
                ) -> subprocess.CompletedProcess:
    """:func:`tahqiq` in this process: the same command line (``store.cli.main.main``),
    its output and status, without a Python start-up and the command's imports (a tenth
    of a second of CPU a command). For the tests about what a command does with a project,
    not about the process (its pipes, encoding, locale, signals): those run ``tahqiq``."""
    from unittest import mock

    from store.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), contextlib.redirect_stderr(err):
        status = main([str(arg) for arg in args], out)
    return subprocess.CompletedProcess(["tahqiq", *map(str, args)], status, out.getvalue(),
                                       err.getvalue())


@pytest.fixture(scope="session")
def imported_seed(tmp_path_factory):
    """The sample article imported through the command line once a worker, into a project
    file that proj copies: one process of the command line, not one a test (42 of them).
    Its own throwaway folders and annotator, as isolated_home gives a test (a session's
    fixture is made before a test's)."""
    home = tmp_path_factory.mktemp("cli-seed")
    path = home / "cli.tahqiq"
    result = tahqiq("import", str(SEED), "--project", str(path),
                    env={"XDG_DATA_HOME": str(home / "data"),
                         "XDG_CONFIG_HOME": str(home / "config"),
                         "XDG_CACHE_HOME": str(home / "cache"), "TAHQIQ_USER": "tester"})
    assert result.returncode == 0, result.stderr
    assert not path.with_name(path.name + "-wal").exists()  # (all of it in the one file)
    article_id, title = result.stdout.rstrip("\n").split("\t")
    return path, article_id, title


@pytest.fixture
def proj(tmp_path, imported_seed):
    """A project file with the sample article imported through the command line: a copy
    of imported_seed's, the test's own to change."""
    template, article_id, title = imported_seed
    path = tmp_path / "cli.tahqiq"
    shutil.copyfile(template, path)
    return path, article_id, title


def test_import_prints_id_and_title_per_file(tmp_path):
    path = tmp_path / "p.tahqiq"
    other = tmp_path / "english.txt"
    other.write_text("A short English article.\nSecond line.", encoding="utf-8")
    result = tahqiq("import", str(SEED), str(other), "--project", str(path))
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [len(line) for line in lines] == [2, 2]
    assert lines[0][1] == "بوتين وكيم جونغ أون يوقعان اتفاقًا للدفاع المشترك"
    assert lines[1][1] == "A short English article."


def _three_stories(tmp_path) -> list:
    """a1.txt, a2.txt and a3.txt, a story each."""
    paths = [tmp_path / f"{name}.txt" for name in ("a1", "a2", "a3")]
    for path in paths:
        path.write_text(f"Story {path.stem}\n\nThe minister spoke.\n", encoding="utf-8")
    return paths


def test_import_stops_at_a_full_disk_naming_the_files_not_imported(tmp_path, monkeypatch,
                                                                    capsys):
    """A full (or busy) project refuses every file alike: the import stops at the first,
    one line naming it and those not tried; it named none (rv260). The files stored
    before it stay."""
    from store.cli.main import main

    paths = _three_stories(tmp_path)
    tried = imports_refused_after_one(monkeypatch)
    out = io.StringIO()
    code = main(["import", *map(str, paths), "--project", str(tmp_path / "p.tahqiq")], out)
    assert (code, tried) == (1, ["a1.txt", "a2.txt"])
    assert capsys.readouterr().err.splitlines() == [
        "tahqiq: error: The disk is full: a2.txt, a3.txt were not imported."]
    assert out.getvalue().endswith("\tStory a1\n")


@pytest.mark.parametrize("sqlite_says, said", [
    ("database or disk is full", "The disk is full: a2.txt, a3.txt were not imported."),
    ("disk I/O error", "The project could not be written to the disk (is the disk full, or "
                       "the file too large?): a2.txt, a3.txt were not imported."),
    ("database is locked", "Another program kept the project busy: a2.txt, a3.txt were not "
                           "imported."),
])
def test_import_stops_at_a_write_the_project_refused_saying_it_as_the_project_does(
        tmp_path, monkeypatch, capsys, sqlite_says, said):
    """What SQLite says when a file cannot be stored, as the project says it, names the
    files not imported in one line. An I/O error (SQLITE_IOERR) fell through to «… the
    change was not saved. Not imported: …», its words copied from the project's and
    matched as text (rv278); it keeps its doubt (full, or the file too large?)."""
    import sqlite3

    from store.cli.main import main
    from store.core import project as core_project

    paths = _three_stories(tmp_path)
    tried = imports_refused_after_one(
        monkeypatch, core_project._storage_error(sqlite3.OperationalError(sqlite_says)))
    code = main(["import", *map(str, paths), "--project", str(tmp_path / "p.tahqiq")],
                io.StringIO())
    assert (code, tried) == (1, ["a1.txt", "a2.txt"])
    assert capsys.readouterr().err.splitlines() == [f"tahqiq: error: {said}"]


def test_import_of_a_folder_imports_the_articles_in_it(tmp_path):
    """`tahqiq import stories/` said «stories is a folder, not a file»: a folder stands for
    its .txt and .html files, by name, with a NAME.json beside one read as its metadata.
    A folder without any is refused by name, and the other files go on."""
    folder = tmp_path / "stories"
    (folder / "old").mkdir(parents=True)
    (folder / "b.html").write_text("<html><head><title>الثاني</title></head><body><article>"
                                   "<p>نص المقال الثاني عن الرياضة والثقافة.</p></article>"
                                   "</body></html>", encoding="utf-8")
    (folder / "a.txt").write_text("الأول\nنص المقال الأول عن الاقتصاد.\n", encoding="utf-8")
    (folder / "a.json").write_text(json.dumps({"outlet": "الجزيرة"}), encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7")
    (folder / ".hidden.txt").write_text("not an article", encoding="utf-8")
    (folder / "old" / "c.txt").write_text("not looked into", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    path = tmp_path / "p.tahqiq"
    result = tahqiq_here("import", str(folder), str(empty), "--project", str(path))
    assert result.returncode == 1
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["الأول", "الثاني"]
    assert result.stderr.strip() == \
        "tahqiq: error: empty is a folder with no article in it (no .txt, .html, .docx or " \
        ".odt file)."
    project = Project.open(path)
    try:
        assert sorted(a["outlet"] or "" for a in articles.list_articles(project)) == \
            ["", "الجزيرة"]
    finally:
        project.close()


def test_import_prints_one_line_of_two_fields_whatever_the_title_holds(tmp_path):
    """A title with a tab (a text file's first line) or a line break (a sidecar's title)
    still prints as one "ID<TAB>TITLE" line per file."""
    tabbed = tmp_path / "جدولة.txt"
    tabbed.write_text("عنوان\tمع علامة جدولة\nنص المقال عن الاقتصاد.\n", encoding="utf-8")
    sidecar = tmp_path / "with sidecar.txt"
    sidecar.write_text("نص مقال ثان عن الرياضة والثقافة.\n", encoding="utf-8")
    (tmp_path / "with sidecar.json").write_text(
        json.dumps({"title": "عنوان\nمن سطرين\r\nوثالث"}), encoding="utf-8")
    result = tahqiq("import", str(tabbed), str(sidecar),
                    "--project", str(tmp_path / "p.tahqiq"))
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [len(line) for line in lines] == [2, 2]
    assert [line[1] for line in lines] == ["عنوان مع علامة جدولة", "عنوان من سطرين وثالث"]


def test_import_notes_the_boilerplate_lines_it_left_out(tmp_path):
    result = tahqiq_here("import", str(SEED), "--project", str(tmp_path / "p.tahqiq"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ("tahqiq: note: putin-kim-treaty.txt: removed 2 lines of site "
                             "boilerplate at the start or end: للحصول على تنبيهات مجانية "
                             "للأخبار العاجل… | المصدر\n")


def test_import_notes_letters_it_wrote_otherwise(tmp_path):
    """The README promised a note when a presentation form is written as its letters,
    and none came; a PDF's ligatures are written as letters too (rv113)."""
    article = tmp_path / "copied.txt"
    article.write_text("قال إنه ﻻ يوجد اتفاق.\nThe ofﬁcial said so.\n", encoding="utf-8")
    result = tahqiq_here("import", str(article), "--project", str(tmp_path / "p.tahqiq"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "tahqiq: note: copied.txt: wrote 1 presentation form as plain letters (ﻻ as لا)\n"
        "tahqiq: note: copied.txt: wrote 1 ligature as plain letters (ﬁ as fi)\n")


def test_the_command_line_signs_with_the_name_given_in_the_window(proj, tmp_path):
    """Claims tagged on the command line bore the system user's name («tester», «samira»)
    beside the «Samira Hassan» the window had saved: one checker read as two to the
    editor. The saved name comes after --annotator and $TAHQIQ_USER, before the system's;
    a damaged name file is no name."""
    from store.core.stamps import save_annotator

    path, article_id, _ = proj
    assert save_annotator("سميرة الحسن")  # what the window's first run and Preferences call

    def annotator_of(*options: str, env: dict | None = None) -> str:
        result = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "verified",
                             "--project", str(path), *options, env=env)
        assert result.returncode == 0, result.stderr
        with Project.open(path) as project:
            return appearances.get_appearance(project, result.stdout.strip()).annotator

    assert annotator_of(env={"TAHQIQ_USER": ""}) == "سميرة الحسن"
    assert annotator_of() == "tester"  # $TAHQIQ_USER, as the fixture sets it
    assert annotator_of("--annotator", "Huda", env={"TAHQIQ_USER": ""}) == "Huda"
    name_file = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json"
    name_file.write_bytes(b"\x00\xff not json")
    assert annotator_of(env={"TAHQIQ_USER": ""}) not in ("", "سميرة الحسن")
    # ... and says so (rv70: unsaid, one person became two annotators); not when the
    # name is given, or when there is no file at all
    said = tahqiq_here("claims", "--project", str(path), env={"TAHQIQ_USER": ""}).stderr
    assert said.startswith("tahqiq: note: the name kept in ") and "annotator.json" in said
    assert tahqiq_here("claims", "--project", str(path), "--annotator", "Huda",
                       env={"TAHQIQ_USER": ""}).stderr == ""
    name_file.unlink()
    assert tahqiq_here("claims", "--project", str(path), env={"TAHQIQ_USER": ""}).stderr == ""


def test_tag_prints_the_claim_id_with_code_point_offsets(proj):
    path, article_id, _ = proj
    result = tahqiq_here("tag", article_id[:8], "--quote", SAMPLE_QUOTE, "--label", "disputed",
                         "--note", "=SUM(A1)", "--source", "https://un.org/a",
                         "--source", "https://un.org/b", "--project", str(path),
                         "--annotator", "Huda")
    assert result.returncode == 0, result.stderr
    claim_id = result.stdout.strip()
    with Project.open(path) as project:
        claim = appearances.get_appearance(project, claim_id)
        text = project.db.execute("SELECT text FROM articles").fetchone()[0]
    assert (claim.start, claim.end) == (text.index(SAMPLE_QUOTE),
                                        text.index(SAMPLE_QUOTE) + len(SAMPLE_QUOTE))
    assert claim.annotator == "Huda" and claim.note == "=SUM(A1)"
    assert claim.sources == ("https://un.org/a", "https://un.org/b")


def test_tag_on_words_i_tagged_already_relabels_my_claim(proj):
    """As a verdict key on them does in the window: the same claim, its new verdict (and
    note, when given); a colleague tagging the same words makes a claim of their own."""
    path, article_id, _ = proj
    first = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "verified",
                        "--project", str(path), "--annotator", "Huda")
    again = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                        "--note", "changed my mind", "--project", str(path), "--annotator", "Huda")
    assert first.returncode == again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    theirs = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "verified",
                         "--project", str(path), "--annotator", "Badr")
    assert theirs.returncode == 0 and theirs.stdout != first.stdout
    rows = [line.split("\t") for line in
            tahqiq_here("claims", "--project", str(path)).stdout.splitlines()]
    assert sorted((row[4], row[1], row[6]) for row in rows) == [
        ("Badr", "verified", ""), ("Huda", "disputed", "changed my mind")]


def test_agreement_takes_the_article_after_the_names(proj):
    """`--annotators A B ARTICLE` counted the article as a third annotator, who had
    tagged nothing; it is the article, as `ARTICLE --annotators A B` says."""
    path, article_id, _ = proj
    for who, label in (("Huda", "verified"), ("Badr", "disputed"), ("Sami", "verified")):
        assert tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", label,
                           "--project", str(path), "--annotator", who).returncode == 0
    readme_order = tahqiq_here("agreement", article_id[:8], "--annotators", "Huda", "Badr",
                               "--project", str(path))
    assert readme_order.returncode == 0, readme_order.stderr
    assert readme_order.stdout.startswith("Annotators: Huda, Badr (1 article)\n")
    assert "Cohen's kappa" in readme_order.stdout
    after = tahqiq_here("agreement", "--annotators", "Huda", "Badr", article_id[:8],
                        "--project", str(path))
    assert (after.returncode, after.stdout) == (0, readme_order.stdout)
    three = tahqiq_here("agreement", "--annotators", "Huda", "Badr", "Sami", "--project", str(path))
    assert three.stdout.startswith("Annotators: Huda, Badr, Sami (1 article)\n")
    assert readme_order.stderr == three.stderr == ""
    mistyped = tahqiq_here("agreement", "--annotators", "Huda", "Bard", "--project", str(path))
    assert mistyped.returncode == 0  # counted, as asked, and said
    assert mistyped.stderr == "tahqiq: note: Bard has no claims here\n"
    assert tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "verified",
                       "--project", str(path), "--annotator", "huda").returncode == 0
    twice = tahqiq_here("agreement", "--project", str(path))
    assert twice.stderr == ("tahqiq: note: Huda and huda may be one person's name written "
                            "differently: they are compared as two annotators\n")


def test_occurrence_picks_the_nth_match(proj):
    path, article_id, _ = proj
    result = tahqiq_here("tag", article_id, "--quote", "(EPA)", "--occurrence", "2",
                         "--label", "verified", "--project", str(path))
    assert result.returncode == 0, result.stderr
    with Project.open(path) as project:
        text = project.db.execute("SELECT text FROM articles").fetchone()[0]
        claim = appearances.get_appearance(project, result.stdout.strip())
    assert claim.start == text.index("(EPA)", text.index("(EPA)") + 1)


def test_spaces_copied_around_a_quote_do_not_count(tmp_path):
    """« قال» (a space copied before it) tagged the second «قال», the first starting a
    line, and `--occurrence 3` said it appears twice: the spaces were counted, and the
    claim, stored without them, did not show other words were tagged."""
    path, article = tmp_path / "p.tahqiq", tmp_path / "a.txt"
    text = "خبر\nقال الوزير إن المعاهدة وقعت.\nثم قال النائب شيئا وقال"
    article.write_text(text, encoding="utf-8")
    article_id = tahqiq_here("import", str(article), "--project", str(path)).stdout.split("\t")[0]
    starts = []
    for quote, occurrence in ((" قال", "1"), ("\tقال\n", "2"), ("قال ", "3")):
        result = tahqiq_here("tag", article_id, "--quote", quote, "--occurrence", occurrence,
                             "--label", "disputed", "--project", str(path))
        assert result.returncode == 0, result.stderr
        with Project.open(path) as project:
            starts.append(appearances.get_appearance(project, result.stdout.strip()).start)
    assert starts == [n for n in range(len(text)) if text.startswith("قال", n)]
    empty = tahqiq_here("tag", article_id, "--quote", "  ", "--label", "disputed",
                        "--project", str(path))
    assert empty.returncode != 0 and "The quote is empty" in empty.stderr


def test_articles_lists_claims_per_label(proj):
    path, article_id, title = proj
    tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                "--project", str(path))
    result = tahqiq_here("articles", "--project", str(path))
    assert result.stdout == f"{article_id}\t{title}\tunchecked=0 verified=0 disputed=1\n"
    claim_id = tahqiq_here("tag", article_id, "--quote", "(EPA)", "--label", "verified",
                           "--project", str(path)).stdout.strip()
    tahqiq_here("tag", article_id, "--quote", "(EPA)", "--occurrence", "2", "--same-as", claim_id,
                "--project", str(path))  # one claim at two places: one claim (it counted two)
    result = tahqiq_here("articles", "--project", str(path))
    assert result.stdout == f"{article_id}\t{title}\tunchecked=0 verified=1 disputed=1\n"


def test_article_shows_and_changes_details_and_says_what_the_exports_leave_out(proj):
    """`tahqiq article` keeps whatever is typed (imports bring other forms), and says, as
    Article Properties does in the window, when the URL is no web link (a `javascript:`
    one was taken without a word) or the date is no YYYY-MM-DD: JSON-LD leaves them out."""
    path, article_id, title = proj
    shown = tahqiq_here("article", article_id[:8], "--project", str(path))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[:2] == [f"id\t{article_id}", f"title\t{title}"]
    assert shown.stderr == ""
    odd = tahqiq_here("article", article_id, "--url", "javascript:alert(1)", "--published",
                      "March 2024", "--project", str(path))
    assert odd.returncode == 0, odd.stderr
    assert "url\tjavascript:alert(1)\n" in odd.stdout
    assert "published\tMarch 2024\n" in odd.stdout
    assert odd.stderr.splitlines() == [
        "tahqiq: note: the URL is not a web link (http:// or https://): JSON-LD exports "
        "leave it out",
        "tahqiq: note: the publication date is not YYYY-MM-DD: ClaimReview exports leave "
        "it out"]
    language = tahqiq_here("article", article_id, "--language", "klingon", "--project", str(path))
    assert language.returncode == 0 and "language\tklingon\n" in language.stdout
    assert language.stderr == "tahqiq: note: the language is not a language code such as " \
        "ar, en or ar-EG: JSON-LD exports leave it out\n"
    fine = tahqiq_here("article", article_id, "--url", "https://news.example/treaty",
                       "--published", "2024-06-19", "--outlet", "وكالة", "--language", "ar-EG",
                       "--project", str(path))
    assert (fine.returncode, fine.stderr) == (0, "")
    with Project.open(path) as project:
        article = articles.get_article(project, article_id)
    assert (article.url, article.published, article.outlet) == (
        "https://news.example/treaty", "2024-06-19", "وكالة")


def test_claims_piped_stay_logical_and_shaped_output_reads_right(proj):
    path, article_id, _ = proj
    quote = "بيونغ يانغ (EPA)"
    tahqiq_here("tag", article_id, "--quote", quote, "--label", "verified",
                "--project", str(path))
    tahqiq_here("tag", article_id, "--quote", "19 يونيو 2024", "--label", "verified",
           "--project", str(path))
    piped = tahqiq("claims", "--project", str(path))
    assert quote in piped.stdout and "19 يونيو 2024" in piped.stdout
    shaped = tahqiq("claims", "--shape", "always", "--project", str(path))
    assert quote not in shaped.stdout
    assert "(EPA)" in shaped.stdout and ")EPA(" not in shaped.stdout
    assert "2024" in shaped.stdout and "4202" not in shaped.stdout
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in shaped.stdout)  # joined letter forms
    never = tahqiq("claims", "--shape", "never", "--project", str(path))
    assert never.stdout == piped.stdout


def test_claims_keeps_one_line_of_nine_fields_for_an_annotator_with_a_tab_or_line_break(proj):
    """A name given as --annotator (or merged in from a colleague's file) may hold a tab or
    a line break: `claims` still prints one line of nine tab-separated fields per place."""
    path, article_id, _ = proj
    result = tahqiq_here("--annotator", "سارة\tمحررة\nثانية", "tag", article_id, "--quote",
                         SAMPLE_QUOTE, "--label", "disputed", "--project", str(path))
    assert result.returncode == 0, result.stderr
    listed = tahqiq_here("claims", "--project", str(path))
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [len(row) for row in rows] == [9]
    assert rows[0][4] == "سارة محررة ثانية" and rows[0][5] == SAMPLE_QUOTE


def test_a_name_holding_an_escape_is_kept_without_it_and_told_from_one_spelling_it(proj):
    """Control characters print spelled out («\\x1b»), a backslash as it is: «Huda» and an
    escape, and «Huda\\x1b» typed, printed as one name (rv245). A name is kept without
    its control characters, as a note is."""
    path, article_id, _ = proj
    for name, words in (("Huda\x1b", SAMPLE_QUOTE.split()[0]), ("Huda\\x1b", SAMPLE_QUOTE)):
        assert tahqiq_here("--annotator", name, "tag", article_id, "--quote", words, "--label",
                           "disputed", "--project", str(path)).returncode == 0
    listed = tahqiq_here("claims", "--project", str(path))
    assert listed.returncode == 0, listed.stderr
    assert sorted(line.split("\t")[4] for line in listed.stdout.splitlines()) == [
        "Huda", "Huda\\x1b"]


def test_claims_keeps_one_line_of_nine_fields_for_ids_with_a_tab_or_line_break(proj):
    """Ids another program wrote into the file may hold a tab or a line break (a merge
    refuses them now; a file changed by hand still has them): `claims` printed them raw,
    a record split over three lines (rv245)."""
    import sqlite3

    path, article_id, _ = proj
    assert tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                       "--project", str(path)).returncode == 0
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE claims SET id = 'claim\tone\nx'")
        raw.execute("UPDATE appearances SET claim_id = 'claim\tone\nx', id = 'place\ttwo'")
    raw.close()
    listed = tahqiq_here("claims", "--project", str(path))
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [len(row) for row in rows] == [9]
    assert (rows[0][0], rows[0][8]) == ("claim one x", "place two")


def test_labels_and_settings_keep_one_line_per_record_whatever_a_name_holds(proj):
    """A label's names and the organisation may hold a tab or a line break (typed in the
    window, or merged from a colleague's file): `labels` still prints one line of six
    fields per label, `settings` one KEY<TAB>VALUE line per setting."""
    from store.core import labels

    path, _, _ = proj
    with Project.open(path, "tester") as project:
        labels.add_label(project, "half_true", "Half\ttrue", "#88AA00",
                         name_ar="نصف\nصحيح")
    assert tahqiq_here("settings", "--organization", "Misbar\nFact\tcheck",
                       "--project", str(path)).returncode == 0
    listed = tahqiq_here("labels", "--project", str(path))
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert {len(row) for row in rows} == {6}
    assert ["half_true", "Half true", "نصف صحيح"] in [row[:3] for row in rows]
    shown = tahqiq_here("settings", "--project", str(path))
    assert shown.returncode == 0, shown.stderr
    rows = [line.split("\t") for line in shown.stdout.splitlines()]
    assert {len(row) for row in rows} == {2}
    assert ["organization", "Misbar Fact check"] in rows


def test_export_formats_to_stdout_and_file(proj, tmp_path):
    path, article_id, _ = proj
    tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                "--note", "@cmd", "--project", str(path))
    raw = subprocess.run([shutil.which("tahqiq", path=str(Path(sys.executable).parent)),
                          "export", "--format", "csv", "--project", str(path)],
                         capture_output=True, timeout=60).stdout
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["quote"] == SAMPLE_QUOTE and rows[0]["note"] == "'@cmd"
    tahqiq_here("settings", "--organization", "Misbar", "--url-template",
                "https://misbar.example/claims/{id}", "--project", str(path))
    for fmt in ("json", "w3c", "claimreview"):
        out = tmp_path / f"out.{fmt}.json"
        result = tahqiq_here("export", article_id[:6], "--format", fmt, "-o", str(out),
                        "--project", str(path))
        assert result.returncode == 0, result.stderr
        data = json.loads(out.read_text("utf-8"))
        assert SAMPLE_QUOTE in json.dumps(data, ensure_ascii=False)


def test_an_export_to_stdout_is_written_whole_or_not_at_all(proj, monkeypatch, capsys):
    """Spooled (on disk past _SPOOL_BYTES: a project's JSON is hundreds of megabytes)
    and copied out once done: the same bytes as the export, and a damaged claim met
    after the articles were written leaves stdout empty, with one line on stderr."""
    from store.cli import exchange
    from store.cli.main import main
    from store.core import appearances
    from store.core.project import Project
    from store.exchange import exporting

    path, article_id, _ = proj
    with Project.open(path, "tester") as project:
        appearances.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        expected = exporting.export_bytes(project, "json")
    monkeypatch.setattr(exchange, "_SPOOL_BYTES", 64)

    def export() -> tuple[int, bytes]:
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")  # (kept: it closes raw)
        code = main(["export", "--format", "json", "--project", str(path)], out)
        return code, raw.getvalue()

    assert export() == (0, expected) and len(expected) > 64
    damage = sqlite3.connect(path)
    with damage:
        damage.execute("UPDATE claims SET note = X'6869'")  # bytes where text belongs
    damage.close()
    capsys.readouterr()
    assert export() == (1, b"")
    assert "damaged" in capsys.readouterr().err


def test_export_raw_writes_cells_as_they_are(proj, tmp_path):
    path, article_id, _ = proj
    tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                "--note", "-3.5% since March", "--project", str(path))
    kept = tahqiq_here("export", "--format", "csv", "--project", str(path))
    raw = tahqiq_here("export", "--format", "csv", "--raw", "--project", str(path))
    assert raw.returncode == 0, raw.stderr
    assert ",'-3.5% since March," in kept.stdout  # spreadsheets are the main reader
    assert ",-3.5% since March," in raw.stdout and "'-3.5%" not in raw.stdout
    wrong = tahqiq_here("export", "--format", "json", "--raw", "--project", str(path))
    assert wrong.returncode == 2 and wrong.stderr == "tahqiq: error: --raw is for --format csv\n"


def test_csv_round_trip_through_merge_into_an_empty_project(proj, tmp_path):
    path, article_id, _ = proj
    tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                "--note", 'قال: "نعم", ثم\nسطر 😀', "--project", str(path))
    exported = tmp_path / "claims.csv"
    assert tahqiq_here("export", "--format", "csv", "-o", str(exported),
                       "--project", str(path)).returncode == 0
    fresh = tmp_path / "fresh.tahqiq"
    tahqiq_here("import", str(SEED), "--project", str(fresh))
    result = tahqiq_here("merge", str(exported), "--project", str(fresh))
    assert result.returncode == 0, result.stderr
    with Project.open(path) as a, Project.open(fresh) as b:
        (left,), (right,) = appearances.list_appearances(a), appearances.list_appearances(b)
    assert left.id == right.id and left.note == right.note and left.quote == right.quote
    assert (left.start, left.end, left.created, left.updated) == (
        right.start, right.end, right.created, right.updated)


def test_bad_csv_is_refused_with_line_numbers_and_nothing_written(proj, tmp_path):
    path, article_id, _ = proj
    bad = tmp_path / "bad.csv"
    bad.write_text("claim_id,quote\nx,y\n", encoding="utf-8")
    with Project.open(path) as project:
        history_before = project.db["history"].count
    result = tahqiq("merge", str(bad), "--project", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith("tahqiq: error: ") and result.stderr.count("\n") == 1
    assert "line" in result.stderr
    with Project.open(path) as project:
        assert appearances.list_appearances(project, include_deleted=True) == []
        assert project.db["history"].count == history_before


def test_reading_commands_work_while_another_program_writes(proj, monkeypatch):
    """A project another program left in rollback-journal mode (sqlite3's default) and is
    writing now: the commands that only read need no write lock, so they answer at once,
    where opening used to wait for the lock to switch the file to WAL and then claim a
    change was not saved. The switch happens at a later open. The commands in this
    process (SQLite's locks hold between the connections of one process as between
    processes), `check`'s wait for the lock shortened from 5 s to a fifth of a second."""
    from store.core import project as project_module

    monkeypatch.setattr(project_module, "CHECK_TIMEOUT_SECONDS", 0.2)
    path, article_id, _ = proj
    claim_id = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                           "--note", "ملاحظة", "--project", str(path)).stdout.strip()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        assert other.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE settings SET value = value")  # a write under way, uncommitted
        for args in (("articles",), ("claims",), ("search", "معاهدة"), ("labels",),
                     ("export", "--format", "csv"), ("history", claim_id[:8]),
                     ("agreement",)):
            result = tahqiq_here(*args, "--project", str(path))
            assert (result.returncode, result.stderr) == (0, ""), args
            assert result.stdout, args
        # check alone needs the write lock, for its look inside the search index: it waits
        # 5 s, then says so, exit 1 (its «no damage found» had left the index unread - fx102)
        result = tahqiq_here("check", "--project", str(path))
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (f"tahqiq: error: Another program kept {path.name} busy, so "
                                 "its search index could not be checked; try again once it "
                                 "is done.\n")
    finally:
        other.rollback()
        other.close()
    with Project.open(path) as project:
        assert project.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("args, status", [
    (("tag",), 2),
    (("export", "--format", "xml"), 2),
    (("tag", "nope", "--quote", "x", "--label", "disputed"), 1),
    (("claims", "--project", "/nonexistent/dir/p.tahqiq"), 1),
    (("import", "/nonexistent/file.txt"), 1),
    (("review", "abc"), 2),
])
def test_errors_are_one_line_with_the_right_status(args, status, tmp_path):
    result = tahqiq(*args)
    assert result.returncode == status
    assert result.stderr.startswith("tahqiq: error: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("args, env", [
    (("search", "caf\udce9"), {}),  # Windows-1256 or Latin-1 bytes typed in a UTF-8 shell
    (("claims",), {"TAHQIQ_USER": "b\udce9"}),
])
def test_an_argument_that_is_not_utf8_is_one_line(args, env, proj):
    path, _, _ = proj
    result = tahqiq(*args, "--project", str(path), env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("tahqiq: error: ") and result.stderr.count("\n") == 1
    assert "not UTF-8" in result.stderr


def test_a_blank_annotator_is_refused_not_the_default_name(proj):
    """A blank --annotator is a script's variable left unset, even with $TAHQIQ_USER
    set: it signed as the default name, which for a cron job is the account's (rv210)."""
    path, article_id, _ = proj
    result = tahqiq("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                    "--project", str(path), "--annotator", "   ", env={"TAHQIQ_USER": "sara"})
    assert result.returncode == 2 and "--annotator: is empty" in result.stderr
    with Project.open(path) as project:
        assert appearances.list_appearances(project) == []


def test_output_cut_short_by_its_reader_is_no_error(tmp_path):
    path = tmp_path / "many.tahqiq"
    with Project.open(path) as project, project.transaction():
        for n in range(3000):
            articles.add_article(project, f"مقال رقم {n} عن موضوع ما.", f"مقال {n}")
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    result = subprocess.run(f"'{exe}' articles --project '{path}' | head -1", shell=True,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.stdout.count("\n") == 1 and result.stderr == ""


def test_a_refused_import_leaves_a_new_project_another_has_open_or_filled(tmp_path):
    """Two `tahqiq import --project new.tahqiq` at once: the one whose files were all
    refused deleted, at its end, the project it had made and the other had filled or
    had open, as it had found no file there when it began (rv273)."""
    from store.core.paths import unmaking

    path = tmp_path / "new.tahqiq"
    unmake = unmaking(path)  # (the refused import, when it began: nothing there)
    Project.open(path, "me").close()  # (it made the project)
    assert tahqiq("import", str(SEED), "--project", str(path)).returncode == 0  # (another)
    unmake()
    assert len(stored_texts(path)) == 1
    other = tmp_path / "other.tahqiq"
    unmake = unmaking(other)
    Project.open(other, "me").close()
    with Project.open(other, "me", create=False) as window:  # (a colleague's, idle)
        assert unmake() == ("other.tahqiq was kept, not removed: another window or program "
                            "has it open.")
        articles.add_article(window, "نص المقال", "عنوان")
    assert len(stored_texts(other)) == 1
    unmake = unmaking(other := tmp_path / "folder" / "left.tahqiq")
    Project.open(other, "me").close()
    unmake()  # (no one else's: it goes, with its folder)
    assert not (tmp_path / "folder").exists()


def _colleague_label(project, _tmp_path):
    from store.core import labels

    labels.add_label(project, "satire", "Satire", "#CE93D8", name_ar="ساخر")
    return lambda p: [label.key for label in labels.list_labels(p)][-1] == "satire"


def _colleague_label_name(project, _tmp_path):
    from store.core import labels

    labels.update_label(project, "disputed", name_en="Contested")
    return lambda p: labels.get_label(p, "disputed").name_en == "Contested"


def _colleague_label_colour(project, _tmp_path):
    from store.core import labels

    labels.update_label(project, "verified", color="#00AA00")
    return lambda p: labels.get_label(p, "verified").color == "#00AA00"


def _colleague_organisation(project, _tmp_path):
    from store.core import settings

    settings.update_settings(project, organization="مسبار")
    return lambda p: settings.get_settings(p).organization == "مسبار"


def _colleague_merged_labels(project, tmp_path):
    from store.core import labels
    from store.exchange import merge

    with Project.open(tmp_path / "theirs.tahqiq", "huda") as theirs:
        labels.add_label(theirs, "satire", "Satire", "#CE93D8")
    merge.merge_file(project, tmp_path / "theirs.tahqiq")
    return lambda p: "satire" in [label.key for label in labels.list_labels(p)]


def _another_programs_write(project, _tmp_path):
    from store.core import labels

    with project.transaction():  # (no history: sqlite3's UPDATE, a script's)
        project.execute("UPDATE labels SET color = '#123456' WHERE key = 'unchecked'")
    return lambda p: labels.get_label(p, "unchecked").color == "#123456"


@pytest.mark.parametrize("write", [
    _colleague_label, _colleague_label_name, _colleague_label_colour,
    _colleague_organisation, _colleague_merged_labels, _another_programs_write])
def test_a_refused_import_keeps_a_new_project_a_colleague_wrote_in(tmp_path, monkeypatch,
                                                                  capsys, write):
    """A colleague who added only a label to a new project as a refused import ended
    lost it with the file: the recheck under the exclusive lock let the history's «label
    made» entries pass as the default labels' (left by rv273; fx101). Whatever another
    window wrote between the import's making the project and its unmaking is kept, and
    said."""
    from store.cli import articles as cli_articles
    from store.cli.main import main
    from store.errors import ImportRejected

    path, made = tmp_path / "new.tahqiq", []

    def refused_after_a_colleague_wrote(project, file, *args):
        with Project.open(path, "sara", create=False) as colleague:  # (its own connection)
            made.append(write(colleague, tmp_path))
        raise ImportRejected("{name} holds no text to import.", name=file.name)

    monkeypatch.setattr(cli_articles, "_import_one", refused_after_a_colleague_wrote)
    assert main(["import", str(SEED), "--project", str(path)], io.StringIO()) == 1
    assert path.exists()
    with Project.open(path, create=False) as project:
        assert made[0](project)
    assert capsys.readouterr().err.splitlines() == [
        "tahqiq: error: putin-kim-treaty.txt holds no text to import.",
        "tahqiq: note: new.tahqiq was kept, not removed: another window or program wrote "
        "in it meanwhile."]


def test_a_refused_import_still_removes_the_new_project_only_it_made(tmp_path, monkeypatch,
                                                                      capsys):
    """The check that keeps a colleague's label lets the file opening made go: its
    default labels and their history alone (the test before, without the colleague)."""
    from store.cli import articles as cli_articles
    from store.cli.main import main
    from store.errors import ImportRejected

    def refused(project, file, *args):
        raise ImportRejected("{name} holds no text to import.", name=file.name)

    monkeypatch.setattr(cli_articles, "_import_one", refused)
    path = tmp_path / "folder" / "new.tahqiq"
    assert main(["import", str(SEED), "--project", str(path)], io.StringIO()) == 1
    assert capsys.readouterr().err.splitlines() == [
        "tahqiq: error: putin-kim-treaty.txt holds no text to import."]
    assert not (tmp_path / "folder").exists()


def test_import_reads_an_article_piped_to_dev_stdin(tmp_path):
    """`cmd | tahqiq import other.txt /dev/stdin` was refused «not a saved file (it is a
    pipe…); nothing was imported.», exit 1, with other.txt imported (rv273)."""
    path, other = tmp_path / "p.tahqiq", tmp_path / "other.txt"
    other.write_text("عنوان آخر\nنص آخر عن الانتخابات.\n", encoding="utf-8")
    result = tahqiq("import", str(other), "/dev/stdin", "--project", str(path),
                    stdin="عنوان من أنبوب\nنص المقال عن التضخم.\n")
    assert (result.returncode, result.stderr) == (0, "")
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == [
        "عنوان آخر", "عنوان من أنبوب"]


def test_import_reads_the_standard_input_given_as_a_dash(tmp_path):
    """Scripts write «-» for the standard input: `cmd | tahqiq import -` said «Cannot read
    -: No such file or directory.», exit 1 (rv279). Read as /dev/stdin is, beside a file."""
    path, other = tmp_path / "p.tahqiq", tmp_path / "other.txt"
    other.write_text("عنوان آخر\nنص آخر عن الانتخابات.\n", encoding="utf-8")
    result = tahqiq("import", "-", str(other), "--project", str(path),
                    stdin="عنوان من أنبوب\nنص المقال عن التضخم.\n")
    assert (result.returncode, result.stderr) == (0, "")
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == [
        "عنوان من أنبوب", "عنوان آخر"]
    assert stored_texts(path)[0] == "عنوان من أنبوب\nنص المقال عن التضخم."


def test_binary_import_is_refused_and_project_unchanged(proj, tmp_path):
    path, _, _ = proj
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = tahqiq_here("import", str(binary), "--project", str(path))
    assert result.returncode == 1 and "binary" in result.stderr
    assert tahqiq_here("articles", "--project", str(path)).stdout.count("\n") == 1


# -- import ------------------------------------------------------------------------------
PDF_LINES = "وقع الرئيس الروسي معاهدة مع كيم\nقال بوتين إن الاتفاق ينص على المساعدة"


def stored_texts(path: Path) -> list[str]:
    with Project.open(path, create=False) as project:
        return [row[0] for row in project.db.execute("SELECT text FROM articles ORDER BY rowid")]


def test_pdf_text_is_refused_until_the_user_chooses(tmp_path):
    from store.text.display import display_for_terminal

    path = tmp_path / "p.tahqiq"
    pasted = tmp_path / "from-pdf.txt"
    visual = "\n".join(display_for_terminal(line) for line in PDF_LINES.split("\n"))
    pasted.write_text(visual, encoding="utf-8")
    refused = tahqiq_here("import", str(pasted), "--project", str(path))
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "tahqiq: error: from-pdf.txt looks like text copied out of a PDF (visual order, "
        "presentation forms): import it again with --repair-pdf to repair it, or --as-is "
        "to keep it as it is.\n")
    assert not path.exists()  # (a refused import makes no project: rv210)
    repaired = tahqiq_here("import", str(pasted), "--repair-pdf", "--project", str(path))
    assert repaired.returncode == 0 and repaired.stderr == "", repaired.stderr
    assert stored_texts(path) == [PDF_LINES]
    kept = tahqiq_here("import", str(pasted), "--as-is", "--project", str(path))
    assert kept.returncode == 0 and stored_texts(path) == [PDF_LINES, visual]
    both = tahqiq_here("import", str(pasted), "--as-is", "--repair-pdf", "--project", str(path))
    assert both.returncode == 2 and both.stderr.startswith("tahqiq: error: ")


def test_a_file_with_nothing_left_to_import_is_named_in_its_refusal(tmp_path):
    """A file of bytes but no text (a lone byte-order mark, only scrape markers) is refused
    on a line that names it, so a multi-file import says which files were left out."""
    bom_only = tmp_path / "علامة فقط.txt"
    bom_only.write_bytes(b"\xef\xbb\xbf")
    markers = tmp_path / "ads only.txt"
    markers.write_text("[ad_1]\r\n[ad_2]\r\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A short English article.\nSecond line.", encoding="utf-8")
    result = tahqiq_here("import", str(bom_only), str(markers), str(good),
                         "--project", str(tmp_path / "p.tahqiq"))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.splitlines() == [
        "tahqiq: error: علامة فقط.txt holds no text to import.",
        "tahqiq: error: ads only.txt holds no text to import."]


def test_a_text_of_invisible_characters_or_of_links_alone_is_no_article(tmp_path):
    """Zero-width spaces alone made an invisible article; a file holding a browser's
    address (or a file manager's «file:///…» paths) made an article of the link. Both
    are refused, the link saying why; a link inside an article's text is text."""
    invisible = tmp_path / "invisible.txt"
    invisible.write_text("\u200b\u200b\n\u200f \u2060\n", encoding="utf-8")
    marks = tmp_path / "marks.txt"  # (harakat on no letter: rv101)
    marks.write_text("\u064e" * 20 + "\n\u0651\u0652\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.write_text("https://www.bbc.com/arabic/articles/c0000000\n", encoding="utf-8")
    paths = tmp_path / "paths.txt"
    paths.write_text("file:///home/me/a.txt\nfile:///home/me/b.html\n"
                     "mailto:desk@misbar.example smb://nas/desk/c.txt\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Read https://example.org/report for the figures.", encoding="utf-8")
    result = tahqiq_here("import", str(invisible), str(marks), str(link), str(paths), str(good),
                         "--project", str(tmp_path / "p.tahqiq"))
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 1
    refused = result.stderr.splitlines()
    assert refused[:2] == ["tahqiq: error: invisible.txt holds no text to import.",
                           "tahqiq: error: marks.txt holds no text to import."]
    refused = refused[1:]
    assert [line.split(" holds ")[0] for line in refused[1:]] == [
        "tahqiq: error: link.txt", "tahqiq: error: paths.txt"]
    assert all("a link, not an article's text" in line for line in refused[1:])


def test_every_file_is_imported_that_can_be_and_each_refusal_reported(tmp_path):
    path = tmp_path / "p.tahqiq"
    good = tmp_path / "good.txt"
    good.write_text("A short English article.\nSecond line.", encoding="utf-8")
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = tahqiq_here("import", str(binary), str(SEED), str(empty), str(good),
                         str(tmp_path / "missing.txt"), "--project", str(path))
    assert result.returncode == 1
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == [
        "بوتين وكيم جونغ أون يوقعان اتفاقًا للدفاع المشترك", "A short English article."]
    said = result.stderr.splitlines()
    errors = [line for line in said if line.startswith("tahqiq: error: ")]
    notes = [line for line in said if line.startswith("tahqiq: note: ")]
    assert len(errors) == 3 and len(notes) == 1 and len(said) == 4
    assert notes[0].startswith("tahqiq: note: putin-kim-treaty.txt: removed 2 lines")
    assert "data.bin looks like a binary file" in errors[0]
    assert "empty.txt is empty" in errors[1]
    assert "missing.txt" in errors[2]
    assert len(stored_texts(path)) == 2


def test_a_text_already_in_the_project_is_noted(proj):
    path, article_id, title = proj
    again = tahqiq_here("import", str(SEED), "--project", str(path))
    assert again.returncode == 0
    assert again.stdout == f"{article_id}\t{title}\n"  # unchanged: the same article
    assert again.stderr == (f"tahqiq: note: {SEED.name} is already in the project "
                            f"as “{title}”; nothing was added.\n")


def test_an_ambiguous_encoding_is_noted_and_can_be_forced(tmp_path):
    path = tmp_path / "p.tahqiq"
    short = tmp_path / "short.txt"
    short.write_bytes("لبنان".encode("cp1256"))
    result = tahqiq_here("import", str(short), "--project", str(path))
    assert result.returncode == 0 and result.stdout.endswith("\tلبنان\n")
    assert result.stderr == ("tahqiq: note: short.txt: read as Windows-1256; ISO-8859-6 was "
                             "possible too (choose with --encoding)\n")
    forced = tahqiq_here("import", str(short), "--encoding", "iso-8859-6", "--project", str(path))
    assert (forced.returncode, forced.stderr) == (0, "")
    assert forced.stdout.endswith("\tفبلال\n")
    unknown = tahqiq_here("import", str(short), "--encoding", "klingon", "--project", str(path))
    assert unknown.returncode == 2 and "klingon" in unknown.stderr


def test_every_subcommand_has_help():
    """Every registered command, so a new one cannot be forgotten (sqlite-utils' way)."""
    from store.cli.commands import COMMANDS
    from store.cli.main import main

    assert len(COMMANDS) >= 10
    for name in COMMANDS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main([name, "--help"], out) == 0, name  # (said whole, then status 0)
        assert out.getvalue().startswith(f"usage: tahqiq {name}"), name
        assert COMMANDS[name].help in " ".join(out.getvalue().split()), name


def test_a_command_loads_only_what_it_runs(proj):
    """`tahqiq articles` imported the importer, the exporters, the matcher's word lists and
    importlib.metadata (for --version) first: 0.3 s of CPU a call, paid by a script that
    runs tahqiq per claim. Each command's modules are loaded when it runs (a listing
    neither the deletions' nor dataclasses, with inspect and ast: 16 ms; a named project
    and $TAHQIQ_USER need no user folder, platformdirs: 13 ms); the parser still knows
    every command and its options (the help tests)."""
    path, article_id, _title = proj
    others = ["store.exchange.importing", "store.exchange.exporting", "store.text.matching",
              "store.review.reviews", "store.exchange.web_page", "importlib.metadata",
              "store.core.article_deletion", "dataclasses", "platformdirs"]
    probe = ("import sys\nfrom store.cli.main import main\n"
             "status = main(sys.argv[1:])\n"
             f"print(status, [m for m in {others!r} if m in sys.modules], file=sys.stderr)")
    for command, loaded in ((["articles"], []), (["claims", "--unreviewed"],
                                                  ["store.review.reviews"]), (["labels"], [])):
        result = subprocess.run([sys.executable, "-c", probe, "--project", str(path),
                                 *command], capture_output=True, text=True,
                                encoding="utf-8", timeout=120)
        assert result.stderr.splitlines()[-1] == f"0 {loaded}", command
        assert article_id in result.stdout or command[0] != "articles"


def test_the_help_names_the_desktop_options_the_readme_tells_pip_users_to_run():
    """``tahqiq --help`` never named --install-desktop or --uninstall-desktop, which the
    launcher takes before the command line is read and the README tells a pip install to
    run (rv280)."""
    import re

    from store.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--help"], out) == 0
    named = set(re.findall(r"--[a-z]+-desktop", out.getvalue()))
    assert named == {"--install-desktop", "--uninstall-desktop"}
    launcher = (ROOT / "gui" / "launcher.py").read_text(encoding="utf-8")
    assert all(f'"{option}"' in launcher for option in named)


@pytest.mark.parametrize(("words", "nearest"), [
    (["claimz"], "claim"),
    (["improt", "story.txt"], "import"),  # before its arguments are read
    (["--project", "p.tahqiq", "serch", "treaty"], "search"),
    (["exprot", "--format", "csv"], "export"),
    (["--lang", "ar", "revew"], "review"),
    (["zzzz"], None),
])
def test_a_mistyped_command_suggests_the_nearest_and_makes_no_project(tmp_path, words, nearest):
    result = subprocess.run([shutil.which("tahqiq", path=str(Path(sys.executable).parent)),
                             *words], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 2
    assert result.stderr.startswith("tahqiq: error: ") and result.stderr.count("\n") == 1
    if nearest:
        assert result.stderr.rstrip().endswith(f"did you mean {nearest}?")
    else:
        assert "did you mean" not in result.stderr and "tahqiq --help" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("words", "said"), [
    (["story.txt"], "'story.txt' is neither a command nor a project file (a name ending in "
                    ".tahqiq); to bring it in: tahqiq import story.txt"),
    (["claims.csv"], "to bring it in: tahqiq merge claims.csv"),
    (["notes/plan"], "'notes/plan' is neither a command nor a project file"),
    (["--screenshot=x.png", "import"], "'import' is a command: put it first"),
])
def test_a_file_name_is_not_taken_for_a_mistyped_command(tmp_path, words, said):
    result = subprocess.run([shutil.which("tahqiq", path=str(Path(sys.executable).parent)),
                             *words], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 2
    assert said in result.stderr and "did you mean" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_version():
    result = tahqiq("--version")
    assert result.returncode == 0 and result.stdout.startswith("tahqiq ")


def test_a_file_name_that_is_not_utf8_is_imported_and_shown_with_a_mark(tmp_path):
    """An Arabic name unzipped from a Windows archive is bytes that are not UTF-8: the
    whole `import` stopped at it, the good files beside it not imported either. The file
    is read by its name, kept as its source with U+FFFD for those bytes; a note typed in
    such bytes is still refused."""
    folder = os.fsencode(tmp_path)
    bad = os.path.join(folder, b"\xe3\xd1\xcd\xc8\xc7.txt")  # «مرحبا» in Windows-1256
    with open(bad, "wb") as fh:
        fh.write("نص المقال الأول للاختبار.\n".encode())
    good = tmp_path / "good.txt"
    good.write_text("The second article.\n", encoding="utf-8")
    path = tmp_path / "p.tahqiq"
    result = tahqiq("import", str(good), os.fsdecode(bad), "--project", str(path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    with Project.open(path, "me") as project:
        sources = sorted(project.conn.execute("SELECT source_name FROM articles"))
    assert sources == [("good.txt",), ("\ufffd" * 5 + ".txt",)]
    refused = tahqiq("claim", "x", "--note", os.fsdecode(b"\xe3\xd1"), "--project", str(path))
    assert refused.returncode == 2 and "not UTF-8 text" in refused.stderr


def test_a_value_starting_with_a_dash_is_shown_how_to_write_it(proj):
    """`--note "-3% in March"` is taken by argparse for an option: the refusal says how
    to give such a value (only --quote's help said it)."""
    path, *_ = proj
    result = tahqiq("claim", "abc", "--note", "-3%", "--project", str(path))
    assert result.returncode == 2
    assert "written --note=VALUE" in result.stderr


def test_every_argument_of_every_command_says_what_it_is():
    """`--help` said nothing of --occurrence (nor its default), tag's --note and
    --source, search's --limit, merge's FILE or export's ARTICLE."""
    import argparse

    from store.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    silent = [f"{name} {action.dest}" for name, sub in commands.choices.items()
              for action in sub._actions
              if not action.help and not isinstance(action, argparse._HelpAction)]
    assert silent == []


def test_a_name_that_is_not_utf8_is_refused_by_the_commands_that_print_it(tmp_path):
    """`import` reads such a file by its name; `merge` and `check` print the names they
    are given, and ended in a traceback on one (the merge already committed): they
    refuse it in one line, before anything is done."""
    folder = os.fsencode(tmp_path)
    bad = os.fsdecode(os.path.join(folder, b"\xe3\xd1.tahqiq"))
    Project.open(bad, "me").close()
    target = tmp_path / "mine.tahqiq"
    Project.open(target, "me").close()
    for args in (("merge", bad, "--project", str(target)), ("check", "--project", bad)):
        result = tahqiq(*args)
        assert result.returncode == 2, result.stderr
        assert "not UTF-8 text" in result.stderr and "Traceback" not in result.stderr


def test_export_to_stdout_by_its_device_name_appends_where_the_shell_said(proj, tmp_path):
    """`export -o /dev/stdout >> log.csv` renamed the export over log.csv, its earlier
    lines gone: /dev/stdout is stdout."""
    path, *_ = proj
    log = tmp_path / "log.csv"
    log.write_text("earlier line\n", encoding="utf-8")
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    with log.open("ab") as appended:
        done = subprocess.run([exe, "export", "--format", "csv", "-o", "/dev/stdout",
                               "--project", str(path)], stdout=appended, timeout=120)
    assert done.returncode == 0
    data = log.read_bytes()
    assert data.startswith(b"earlier line\n\xef\xbb\xbfclaim_id,")


def test_a_dash_value_of_a_short_option_is_shown_how_to_write_it(proj):
    path, *_ = proj
    result = tahqiq("export", "--format", "csv", "-o", "-x", "--project", str(path))
    assert result.returncode == 2 and "written --output=VALUE" in result.stderr


def test_a_deleted_claim_is_restored_from_the_command_line(proj):
    """A claim a colleague deleted came back only by the deleter's own Undo: «That claim
    has been deleted.» and no way on. `claim --restore` brings it back, and the refusal
    says so."""
    path, article_id, _ = proj
    made = tahqiq_here("tag", article_id, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                       "--project", str(path), env={"TAHQIQ_USER": "Badr"})
    claim = made.stdout.strip()
    assert tahqiq_here("claim", claim, "--delete", "--project", str(path),
                       env={"TAHQIQ_USER": "Badr"}).returncode == 0
    refused = tahqiq_here("claim", claim, "--label", "verified", "--project", str(path),
                          env={"TAHQIQ_USER": "Huda"})
    assert refused.returncode == 1
    assert refused.stderr == (f"tahqiq: error: That claim was deleted by Badr: restore it "
                              f"first (Edit ▸ Deleted Claims…, or tahqiq claim {claim[:8]} "
                              f"--restore).\n")
    both = tahqiq_here("claim", claim, "--restore", "--delete", "--project", str(path))
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    restored = tahqiq_here("claim", claim[:8], "--restore", "--project", str(path),
                           env={"TAHQIQ_USER": "Huda"})
    assert (restored.returncode, restored.stdout) == (0, claim + "\n")
    assert tahqiq_here("claim", claim, "--label", "verified", "--project", str(path),
                       env={"TAHQIQ_USER": "Huda"}).returncode == 0
    listed = tahqiq_here("claims", article_id, "--project", str(path)).stdout
    assert f"{claim}\tverified\t" in listed
    story = tahqiq_here("history", claim, "--project", str(path)).stdout
    assert "  Huda  restore  restored" in story


def test_history_tells_words_linked_away_as_leaving_the_claim(proj):
    """Words linked from one claim to another read «“…” joined this claim» in the first
    claim's `tahqiq history`, as the window's History no longer said (rv149)."""
    from store.core import appearances as places

    path, article_id, _ = proj
    with Project.open(path, "Huda") as project:
        first = places.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        places.link(project, places.tag_quote(project, article_id, "كيم جونغ أون",
                                               "disputed").id, first.claim_id)
        other = places.tag_quote(project, article_id, "الاتفاق", "verified")
        places.link(project, first.id, other.claim_id)
    left = tahqiq_here("history", first.claim_id, "--project", str(path)).stdout
    joined = tahqiq_here("history", other.claim_id, "--project", str(path)).stdout
    assert f"  Huda  link  “{SAMPLE_QUOTE}” moved to another claim" in left
    assert "joined this claim" not in left.split("moved to another claim")[-1]
    assert f"  Huda  link  “{SAMPLE_QUOTE}” joined this claim" in joined


def test_a_claim_deleted_with_its_last_words_comes_back_on_them(proj):
    """Untagging a claim's last words deletes the claim too; `claim --restore` brought the
    claim back alone, live nowhere (listed by nothing, shown nowhere). Its last words come
    back with it."""
    from store.core import appearances as places

    path, article_id, _ = proj
    with Project.open(path, "Huda") as project:
        made = places.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        places.delete(project, made.id)  # the window's Delete Claim: the words untagged
        assert places.appearances_of(project, made.claim_id) == []
    assert tahqiq_here("claim", made.claim_id, "--restore", "--project", str(path)).returncode == 0
    listed = tahqiq_here("claims", article_id, "--project", str(path)).stdout
    assert f"{made.claim_id}\tdisputed\t{made.start}\t{made.end}\t" in listed


def test_import_says_a_sidecar_was_not_used(tmp_path):
    """A Windows-1256 sidecar's Arabic title was dropped without a word."""
    story = tmp_path / "story.txt"
    story.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "story.json").write_bytes('{"title": "عنوان"}'.encode("cp1256"))
    run = tahqiq_here("import", str(story), "--project", str(tmp_path / "p.tahqiq"))
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith("tahqiq: note: story.txt: story.json was not used: it is "
                                 "not UTF-8\n")


def test_tag_same_as_says_when_the_words_read_otherwise_than_the_claim(proj, tmp_path):
    """`tag --same-as` joined any words to a claim, a 25% to a claim of 20%, silently:
    they take its verdict. It still does, and says so on stderr; the claim's own words
    found in another article (harakat aside) join without a word."""
    path, article_id, _ = proj
    claim = tahqiq_here("tag", article_id, "--project", str(path), "--quote", SAMPLE_QUOTE,
                        "--label", "disputed").stdout.strip()
    other = tmp_path / "copy.txt"
    other.write_text("ووصفاها بأنها «أقوى مُعاهدة على الإطلاق» أمس.\nثم تحدث بوتين.",
                     encoding="utf-8")
    copy = tahqiq_here("import", str(other), "--project", str(path)).stdout.split("\t")[0]
    same = tahqiq_here("tag", copy, "--project", str(path), "--quote", "أقوى مُعاهدة على الإطلاق",
                       "--same-as", claim)
    assert same.returncode == 0 and same.stdout.strip() == claim and same.stderr == ""
    otherwise = tahqiq_here("tag", copy, "--project", str(path), "--quote", "بوتين",
                            "--same-as", claim)
    assert otherwise.returncode == 0 and otherwise.stdout.strip() == claim
    assert otherwise.stderr.startswith("tahqiq: note: these words («بوتين») read otherwise")
    assert "disputed" in otherwise.stderr


def test_restore_brings_back_the_places_that_went_together_and_tells_the_rest(proj):
    """A Tag All undone, one of its places tagged again since: `claim --restore` was
    refused whole for that one; the others come back, and a note names the refusal."""
    import re

    path, article_id, _ = proj
    with Project.open(path, "huda") as project:
        text = project.db.execute("SELECT text FROM articles").fetchone()[0]
        spans = [m.span() for m in re.finditer("بوتين", text)][:3]
        made = appearances.tag_all(project, article_id, spans, "disputed")
        claim_id = made[0].claim_id
        appearances.untag_made(project, [p.id for p in made[::-1]], claim_id)
        appearances.create_claim(project, article_id, *spans[1], "verified")
    result = tahqiq_here("claim", claim_id[:8], "--restore", "--project", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == claim_id
    assert result.stderr.startswith("tahqiq: note: ") and result.stderr.count("\n") == 1
    with Project.open(path, "huda") as project:
        assert sorted(p.start for p in appearances.appearances_of(project, claim_id)) == \
            [spans[0][0], spans[2][0]]


@pytest.mark.parametrize("room", [0, 4096])
def test_output_a_full_disk_cuts_short_is_an_error_not_a_success(proj, tmp_path, monkeypatch,
                                                                  capsys, room):
    """`tahqiq export > file` on a full disk wrote the first 8 KB, the rest lost unsaid
    (Python's buffered output drops what a write the system cuts short did not take),
    and exited 0: the export seemed whole. It fails, saying so."""
    import errno

    from store.cli.main import main

    path, _, _ = proj
    real_write = os.write
    left = [room]
    with open(tmp_path / "export.json", "w") as target:
        def full_disk(fd, data):
            if fd != target.fileno():
                return real_write(fd, data)
            taken = min(len(data), left[0])
            if not taken:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            left[0] -= taken
            return real_write(fd, bytes(data[:taken]))

        monkeypatch.setattr(sys, "stdout", target)
        monkeypatch.setattr(os, "write", full_disk)
        status = main(["export", "--format", "json", "--project", str(path)])
    monkeypatch.undo()
    assert status == 1
    assert "the output was not written whole" in capsys.readouterr().err
    assert (tmp_path / "export.json").stat().st_size == room


@pytest.mark.parametrize("unbuffered", [False, True])
def test_help_on_a_full_disk_and_a_closed_output_are_handled(proj, tmp_path, monkeypatch,
                                                              capsys, unbuffered):
    """`tahqiq --help > /dev/full` exited 0 having written nothing (argparse printed
    to Python's own stdout); `tahqiq articles >&-` (no standard output) was a traceback.
    Unbuffered (python -u, PYTHONUNBUFFERED) it still exited 0: argparse drops a failed
    write (rv165)."""
    import errno

    from store.cli.main import main

    path, _, _ = proj
    real_write = os.write
    with open(tmp_path / "help.txt", "w") as target:
        target.reconfigure(write_through=unbuffered)
        def full_disk(fd, data):
            if fd != target.fileno():
                return real_write(fd, data)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(sys, "stdout", target)
        assert main(["--version"]) == 0  # with room: said whole, where stdout goes
        assert (tmp_path / "help.txt").read_text().startswith("tahqiq ")
        monkeypatch.setattr(os, "write", full_disk)
        assert main(["--help"]) == 1
    assert "not written whole" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["articles", "--project", str(path)]) == 1  # (said, not a traceback)
    assert "standard output is closed" in capsys.readouterr().err
    target = tmp_path / "claims.csv"  # a command that prints nothing runs (a cron job's)
    assert main(["export", "--format", "csv", "-o", str(target), "--project", str(path)]) == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("unbuffered", [True, False])
def test_unbuffered_output_keeps_each_line_in_order_with_the_notes(tmp_path, unbuffered):
    """With PYTHONUNBUFFERED (or python -u) each article's line came before the next
    file's note in a log of both; the whole-writes writer held them all to the end."""
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    (tmp_path / "a.txt").write_text("First article text.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    with open(tmp_path / "log.txt", "w") as log:
        run = subprocess.run([exe, "import", "a.txt", "empty.txt", "b.txt", "--project",
                              "p.tahqiq"], stdout=log, stderr=subprocess.STDOUT,
                             cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 1
    lines = (tmp_path / "log.txt").read_text(encoding="utf-8").splitlines()
    said = [line.split("\t")[-1] if "\t" in line else "note" for line in lines]
    expected = ["First article text.", "note", "Second article."]
    assert said == expected if unbuffered else sorted(said) == sorted(expected)


def test_a_colleagues_terminal_commands_are_printed_as_text(proj):
    """A colleague's name «eve ESC]0;…BEL ESC[8m» retitled the terminal and hid the rest
    of the screen when `tahqiq claims` printed it; a right-to-left override turned the
    rest of the line backwards. They are spelled out; the words stay as they are."""
    from store.core import appearances
    from store.core.project import Project

    path, article_id, _title = proj
    name = "eve\x1b]0;PWNED\x07\x1b[8m"
    with Project.open(path, "eve") as project:
        made = appearances.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        _note_written_elsewhere(project, made.claim_id, "\u202eMallory می\u200cشود \u2067open")
        with project.transaction():  # (Tahqiq keeps a name without them: rv245)
            project.conn.execute("UPDATE appearances SET annotator = ?", [name])
    for args in (["claims"], ["history", made.claim_id], ["articles"]):
        out = tahqiq_here(*args, "--project", str(path))
        assert out.returncode == 0, out.stderr
        assert not {"\x1b", "\x07", "\u202e", "\u2067"} & set(out.stdout)
    claims = tahqiq("claims", "--project", str(path)).stdout
    assert "eve\\x1b]0;PWNED\\x07\\x1b[8m" in claims and "\\u202eMallory" in claims
    assert "\\u2067open" in claims and "می\u200cشود" in claims  # (a ZWNJ stays)


def _note_written_elsewhere(project: Project, claim_id: str, note: str) -> None:
    """A note as another program may write it (Tahqiq keeps a note without controls and
    overrides), brought by a merge of a colleague's file."""
    with project.transaction():
        project.conn.execute("UPDATE claims SET note = ? WHERE id = ?", [note, claim_id])


def test_the_command_line_runs_as_a_module_too(tmp_path):
    """``python -m store.cli.main articles`` printed nothing and exited 0: a script that
    called it so read every command as done."""
    run = subprocess.run([sys.executable, "-m", "store.cli.main", "articles", "--project",
                          str(tmp_path / "none.tahqiq")], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 1 and "No project at" in run.stderr


def test_a_file_or_query_starting_with_a_dash_is_told_to_follow_double_dash(proj, tmp_path):
    """`tahqiq import -notes.txt` and `tahqiq search -3%` said only that FILE or QUERY
    was missing: the word was taken for an option. The refusal says how to give it, and
    the way it says works."""
    path, *_ = proj
    dashed = tmp_path / "-notes.txt"
    dashed.write_text("A note that starts the name with a dash.\n", encoding="utf-8")
    refused = tahqiq("import", dashed.name, "--project", str(path), cwd=tmp_path)
    assert refused.returncode == 2
    assert "go after --, as in: -- -notes.txt" in refused.stderr
    taken = tahqiq("import", "--project", str(path), "--", dashed.name, cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    after_the_query = tahqiq("search", "note", "-3%", "--project", str(path))
    assert after_the_query.returncode == 2 and "as in: -- -3%" in after_the_query.stderr


def test_a_mistyped_option_is_told_the_one_it_resembles(proj):
    path, *_ = proj
    result = tahqiq_here("claim", "abc", "--sorce", "https://example.org", "--project", str(path))
    assert result.returncode == 2 and "did you mean --source?" in result.stderr
    result = tahqiq_here("settings", "--langauge", "ar", "--project", str(path))
    assert result.returncode == 2 and "did you mean --language?" in result.stderr


def test_settings_refuses_a_language_as_a_usage_error_as_export_does(proj):
    path, *_ = proj
    refused = tahqiq_here("settings", "--language", "fr", "--project", str(path))
    assert refused.returncode == 2 and "'fr' is not one of ar, en" in refused.stderr
    cleared = tahqiq_here("settings", "--language", "", "--project", str(path))
    assert cleared.returncode == 0 and "language\t\n" in cleared.stdout


def test_an_export_to_a_terminal_spells_out_what_would_command_it(proj, tmp_path):
    """Every command spelled out a title's «ESC ]0;…BEL» but export, whose CSV went to
    the terminal as it was and retitled it. A file or a pipe still gets the bytes."""
    from store.cli.main import main

    path, article_id, _ = proj
    with Project.open(path, "tester") as project:
        made = appearances.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        _note_written_elsewhere(project, made.claim_id, "T\x1b]0;PWNED\x07 \u202eكاذب")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    assert main(["export", "--format", "csv", "--project", str(path)], shown) == 0
    assert "\x1b" not in shown.getvalue() and "\\x1b]0;PWNED\\x07 \\u202eكاذب" in \
        shown.getvalue()
    assert "\r" not in shown.getvalue() and shown.getvalue().count("\n") == 2
    piped = tahqiq("export", "--format", "csv", "--project", str(path))
    assert "T\x1b]0;PWNED\x07 \u202eكاذب" in piped.stdout


def test_an_html_packet_to_a_terminal_spells_out_what_would_command_it(proj):
    """The HTML packet went to the terminal as it was: a review comment another program
    wrote with «ESC ]0;…BEL» retitled it (rv239). A pipe still gets the bytes."""
    from store.cli.main import main
    from store.review import reviews

    path, article_id, _ = proj
    with Project.open(path, "tester") as project:
        made = appearances.tag_quote(project, article_id, SAMPLE_QUOTE, "disputed")
        project.annotator = "editor"
        review = reviews.review_claim(project, made.claim_id, "reject", "see ILO")
        with project.transaction():
            project.conn.execute("UPDATE reviews SET comment = ? WHERE id = ?",
                                 ["see ILO\x1b]0;PWNED\x07", review.id])

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    assert main(["export", article_id, "--format", "html", "--project", str(path)],
                shown) == 0
    assert "\x1b" not in shown.getvalue() and "see ILO\\x1b]0;PWNED\\x07" in shown.getvalue()
    piped = tahqiq("export", article_id, "--format", "html", "--project", str(path))
    assert "see ILO\x1b]0;PWNED\x07" in piped.stdout


def test_a_mistyped_short_option_is_not_told_to_follow_double_dash(proj):
    path, *_ = proj
    result = tahqiq("review", "abc", "--accept", "-c", "hi", "--project", str(path))
    assert result.returncode == 2 and "did you mean --comment?" in result.stderr
    assert "go after --" not in result.stderr


def test_a_link_looping_on_itself_and_a_name_too_long_are_said_alike_by_every_command(
        tmp_path):
    """A symbolic link to itself was «No project at» for `claims` and «Cannot read …: Too
    many levels of symbolic links.» for `import`; a name too long for the file system
    was «Cannot read …: File name too long.», nothing there to read (rv186)."""
    (tmp_path / "loop.tahqiq").symlink_to("loop.tahqiq")
    for command in (["claims"], ["import", str(SEED)]):
        run = tahqiq_here("--project", str(tmp_path / "loop.tahqiq"), *command)
        assert run.returncode == 1 and "Cannot read" in run.stderr, run.stderr
        assert "Too many levels of symbolic links" in run.stderr and "Traceback" not in run.stderr
    long = str(tmp_path / ("a" * 300 + ".tahqiq"))
    run = tahqiq_here("--project", long, "import", str(SEED))
    assert run.returncode == 1 and "is too long for a project" in run.stderr, run.stderr
    run = tahqiq_here("--project", long, "claims")
    assert run.returncode == 1 and "No project at" in run.stderr, run.stderr
