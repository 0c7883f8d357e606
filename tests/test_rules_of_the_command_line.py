"""The command line's contracts that scripts and acceptance checks outside the repository
rely on (columns and their order, exit statuses, one-line errors on stderr, Arabic shaped
for terminals only), each guarded against a small change to store/cli/*.py that the rest
of the suite let pass (rv165's mutation review)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from store.cli.main import main

SEED = ROOT / "seeds" / "putin-kim-treaty.txt"


def run(*argv: str, status: int = 0) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == status
    return out.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def seeded(tmp_path):
    """A project with the sample article and one claim tagged by «samira»."""
    path = str(tmp_path / "p.tahqiq")
    article = run("import", str(SEED), "--project", path).split("\t")[0]
    claim = run("--annotator", "samira", "tag", article, "--quote", "بيونغ يانغ",
                "--label", "disputed", "--project", path).strip()
    return path, article, claim


# -- store/cli/main.py: reading the words ---------------------------------------------------
def test_shaping_to_a_terminal_is_the_default_and_tahqiq_shape_is_read_in_any_case(
        seeded, monkeypatch):
    """Unset, $TAHQIQ_SHAPE leaves a terminal's output shaped (auto); «Never», as a
    profile may spell it, is never: a terminal that orders Arabic itself read it
    backwards."""
    path, _, _ = seeded
    monkeypatch.delenv("TAHQIQ_SHAPE", raising=False)
    shown = _Terminal()
    assert main(["labels", "--project", path], shown) == 0
    assert "صحيح" not in shown.getvalue()  # shaped: joined forms, visual order
    monkeypatch.setenv("TAHQIQ_SHAPE", " Never ")
    shown = _Terminal()
    assert main(["labels", "--project", path], shown) == 0
    assert "صحيح" in shown.getvalue()


def test_the_shared_options_may_come_before_the_command(seeded):
    """`tahqiq --annotator sara tag ...` and `tahqiq --project P articles`: the value of
    an option is not taken for a mistyped command."""
    path, article, _ = seeded
    assert run("--annotator", "sara", "--project", path, "articles").startswith(article)
    assert run("--project", path, "claims", article).count("\n") == 1


def test_no_command_is_a_usage_error(seeded, capsys):
    path, _, _ = seeded
    assert run("--project", path, status=2) == ""
    assert capsys.readouterr().err == "tahqiq: error: no command given\n"


# -- store/cli/commands.py: what every command shares -------------------------------------
@pytest.mark.parametrize("mark", ["\u2069", "\u202e", "\u202a", "\x1b"])
def test_a_name_holding_an_isolate_or_override_is_printed_spelled_out(seeded, mark):
    """An annotator's name holding a bidi isolate or override turned the columns after
    it backwards in a terminal: it is spelled out in `claims`, as another program's file
    may hold it (a name given here is kept without an override or a control: rv245)."""
    import sqlite3

    path, article, _ = seeded
    run("--annotator", f"x{mark}y", "tag", article, "--quote", "موسكو", "--label",
        "verified", "--project", path)
    kept = "\tx\\u2069y\t" if mark == "\u2069" else "\txy\t"
    assert kept in run("claims", article, "--project", path)
    with sqlite3.connect(path) as conn:  # (another program's writing)
        conn.execute("UPDATE appearances SET annotator = ? WHERE annotator LIKE 'x%y'",
                     [f"x{mark}y"])
    conn.close()
    listed = run("claims", article, "--project", path)
    assert mark not in listed
    assert f"\tx{ascii(mark)[1:-1]}y\t" in listed


@pytest.mark.parametrize("option", ["--occurrence"])
def test_a_count_of_zero_is_a_usage_error(seeded, option, capsys):
    path, article, _ = seeded
    run("tag", article, "--quote", "موسكو", "--label", "verified", option, "0",
        "--project", path, status=2)
    assert "must be 1 or more" in capsys.readouterr().err
    run("search", "موسكو", "--limit", "0", "--project", path, status=2)


# -- store/cli/articles.py -------------------------------------------------------------------
def test_articles_lists_every_label_with_its_count_zero_included(seeded):
    """ID, TITLE, then KEY=COUNT for every label in the labels' order: a script reads the
    third field by position, not only the labels that have claims."""
    path, article, _ = seeded
    [line] = run("articles", "--project", path).splitlines()
    fields = line.split("\t")
    assert fields[0] == article and len(fields) == 3
    assert fields[2] == "unchecked=0 verified=0 disputed=1"


def test_article_delete_prints_when_and_refuses_changes_with_it(seeded, capsys):
    path, article, _ = seeded
    run("article", article, "--delete", "--title", "x", "--project", path, status=2)
    assert "cannot be combined" in capsys.readouterr().err
    shown = run("article", article, "--delete", "--project", path).splitlines()
    assert shown[0] == f"id\t{article}" and shown[-1].startswith("deleted\t20")
    shown = run("article", article, "--restore", "--project", path).splitlines()
    assert not any(line.startswith("deleted\t") for line in shown)


def test_a_refused_file_makes_import_exit_1_after_the_others(tmp_path, capsys):
    path = str(tmp_path / "p.tahqiq")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    printed = run("import", str(SEED), str(empty), "--project", path, status=1)
    assert printed.count("\n") == 1 and printed.split("\t")[1].startswith("بوتين")
    assert "tahqiq: error:" in capsys.readouterr().err


# -- store/cli/claims.py ---------------------------------------------------------------------
def test_tag_takes_the_first_place_unless_told_another(seeded):
    path, article, _ = seeded
    first = run("tag", article, "--quote", "بيونغ يانغ", "--label", "verified",
                "--project", path).strip()
    run("tag", article, "--quote", "بيونغ يانغ", "--occurrence", "2", "--label", "verified",
        "--project", path)
    rows = [line.split("\t") for line in run("claims", "--project", path).splitlines()]
    starts = {row[0]: int(row[2]) for row in rows}
    assert starts[first] == min(starts.values())


def test_claims_columns_keep_their_order_and_count_places_in_every_article(seeded, tmp_path):
    """CLAIM, LABEL, START, END, ANNOTATOR, QUOTE, NOTE, PLACES, PLACE: PLACES counts the
    claim's places in the whole project, also when the list is of one ARTICLE."""
    path, article, claim = seeded
    other = tmp_path / "other.txt"
    other.write_text("خبر آخر\nقالت بيونغ يانغ اليوم إن الاتفاق قائم.", encoding="utf-8")
    second = run("import", str(other), "--project", path).split("\t")[0]
    run("tag", second, "--quote", "بيونغ يانغ", "--same-as", claim, "--project", path)
    [row] = [line.split("\t") for line in run("claims", article, "--project", path)
             .splitlines()]
    assert row[:2] == [claim, "disputed"] and row[4] == "samira"
    start, end = int(row[2]), int(row[3])
    assert end - start == len("بيونغ يانغ") and row[5] == "بيونغ يانغ"
    assert row[7] == "2" and row[8] == claim  # (a claim's id names its first place)


def test_claims_unreviewed_lists_only_what_no_review_stands_for(seeded):
    path, article, claim = seeded
    other = run("tag", article, "--quote", "موسكو", "--label", "verified",
                "--project", path).strip()
    run("review", claim, "--accept", "--project", path)
    listed = [line.split("\t")[0] for line in
              run("claims", "--unreviewed", "--project", path).splitlines()]
    assert listed == [other]


def test_claim_source_blank_clears_and_nothing_to_change_is_a_usage_error(seeded, capsys):
    path, _, claim = seeded
    from store.core import claims
    from store.core.project import Project

    run("claim", claim, "--source", "https://a.example/1", "--project", path)
    run("claim", claim, "--source", "", "--project", path)
    with Project.open(path, "x") as project:
        assert not claims.get_claim(project, claim).sources
    run("claim", claim, "--project", path, status=2)
    assert "nothing to change" in capsys.readouterr().err


def test_tag_same_as_refuses_a_note_as_a_usage_error(seeded, capsys):
    path, article, claim = seeded
    run("tag", article, "--quote", "موسكو", "--same-as", claim, "--note", "n",
        "--project", path, status=2)
    assert "belong to the claim" in capsys.readouterr().err


def test_matches_prints_the_score_with_three_decimals_and_refuses_one_over_1(seeded, capsys):
    path, article, claim = seeded
    rows = [line.split("\t") for line in
            run("matches", article, "--project", path).splitlines()]
    assert rows and all(len(row) == 6 and row[2] == claim for row in rows)
    assert all(len(row[4].split(".")[1]) == 3 for row in rows), rows
    run("matches", article, "--min-score", "1.5", "--project", path, status=2)
    assert "between 0 and 1" in capsys.readouterr().err


# -- store/cli/project.py --------------------------------------------------------------------
def test_search_says_when_more_hits_than_the_limit_and_shows_two_hundred_by_default(
        tmp_path, capsys):
    path = str(tmp_path / "p.tahqiq")
    many = tmp_path / "many.txt"
    many.write_text("عنوان\n" + " ".join(["كلمة"] * 201), encoding="utf-8")
    run("import", str(many), "--project", path)
    capsys.readouterr()
    assert run("search", "كلمة", "--limit", "3", "--project", path).count("\n") == 3
    assert "more hits than --limit 3" in capsys.readouterr().err
    assert run("search", "كلمة", "--limit", "500", "--project", path).count("\n") == 201
    assert "more hits" not in capsys.readouterr().err
    assert run("search", "كلمة", "--project", path).count("\n") == 200
    assert "more hits than --limit 200" in capsys.readouterr().err
    run("search", '""', "--project", path, status=2)
    assert "the search query is blank" in capsys.readouterr().err


def test_labels_print_key_names_colour_shortcut_rating_in_that_order(seeded):
    path, _, _ = seeded
    rows = [line.split("\t") for line in run("labels", "--project", path).splitlines()]
    assert [row[0] for row in rows] == ["unchecked", "verified", "disputed"]
    assert all(len(row) == 6 and row[3].startswith("#") and row[5].lstrip("-").isdigit()
               for row in rows), rows
    assert rows[1][4] != "" and not rows[1][4].startswith("#")


def test_settings_keep_the_address_as_it_is_and_take_a_blank_language(seeded):
    path, _, _ = seeded
    url = "https://تحقق.example/claims/{id}"
    shown = run("settings", "--url-template", url, "--organization", "منصة",
                "--language", "", "--shape", "always", "--project", path)
    assert f"url_template\t{url}\n" in shown
    assert "organization\tمنصة" not in shown  # (a name shaped for the terminal asked)
    assert "language\t\n" in shown


def test_new_refuses_a_project_that_is_there_and_check_refuses_an_empty_file(seeded, tmp_path,
                                                                            capsys):
    path, _, _ = seeded
    run("new", "--project", path, status=1)
    assert "is there already" in capsys.readouterr().err
    empty = tmp_path / "empty.tahqiq"
    empty.write_bytes(b"")
    assert run("check", "--project", str(empty), status=1) == ""
    assert "is empty: no project in it yet" in capsys.readouterr().err
    assert run("check", "--project", path) == "p.tahqiq: no damage found\n"


# -- store/cli/exchange.py -------------------------------------------------------------------
def test_export_raw_is_for_csv_only_and_dash_is_standard_output(seeded, tmp_path, capsys,
                                                                monkeypatch):
    path, _, claim = seeded
    run("export", "--format", "json", "--raw", "--project", path, status=2)
    assert "--raw is for --format csv" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    shown = run("export", "--format", "csv", "-o", "-", "--project", path)
    assert claim in shown and not (tmp_path / "-").exists()


def test_a_skipped_claimreview_claim_is_named_on_stderr(seeded, capsys):
    path, article, _ = seeded
    claim = run("tag", article, "--quote", "موسكو", "--label", "unchecked",
                "--project", path).strip()
    run("settings", "--organization", "Org", "--url-template", "https://o.example/{id}",
        "--project", path)
    run("export", "--format", "claimreview", "--project", path)
    said = capsys.readouterr().err
    assert f"tahqiq: skipped claim {claim}: " in said, said


def test_an_html_packet_is_in_english_unless_asked_and_of_one_named_article(seeded, tmp_path,
                                                                          capsys):
    path, article, _ = seeded
    assert "<h2>Claims (1)</h2>" in run("export", article, "--format", "html",
                                        "--project", path)
    assert "<h2>Claims (1)</h2>" not in run("export", article, "--format", "html",
                                            "--lang", "ar", "--project", path)
    other = tmp_path / "other.txt"
    other.write_text("خبر آخر\nنص قصير.", encoding="utf-8")
    run("import", str(other), "--project", path)
    capsys.readouterr()
    run("export", "--format", "html", "--project", path, status=2)
    assert "name the ARTICLE" in capsys.readouterr().err


def test_merge_prints_its_summary_one_line_a_figure_whatever_the_file_is_named(seeded,
                                                                              tmp_path):
    path, _, _ = seeded
    colleague = tmp_path / "from\nsara.tahqiq"
    shutil.copyfile(path, colleague)
    target = str(tmp_path / "mine.tahqiq")
    run("new", "--project", target)
    lines = run("merge", str(colleague), "--project", target).splitlines()
    assert lines[0] == "Merged from sara.tahqiq:", lines
    assert "  new claims:       1" in lines


# -- store/cli/review.py ---------------------------------------------------------------------
def test_agreement_notes_a_name_without_claims_and_takes_an_article_after_one_name(
        seeded, capsys):
    path, article, _ = seeded
    shown = run("agreement", "--annotators", "samira", "bob", "--project", path)
    assert shown.startswith("Annotators: samira, bob (1 article)")
    assert "tahqiq: note: bob has no claims here" in capsys.readouterr().err
    shown = run("agreement", "--annotators", "samira", article[:8], "--project", path)
    assert shown.startswith("Annotators: samira (1 article)"), shown


def test_agreement_keeps_a_last_name_that_is_an_annotators_though_it_names_an_article(
        seeded):
    """An annotator whose name is also an article's id prefix stays an annotator."""
    path, article, _ = seeded
    run("--annotator", article[:8], "tag", article, "--quote", "موسكو", "--label",
        "verified", "--project", path)
    shown = run("agreement", "--annotators", "samira", article[:8], "--project", path)
    assert shown.startswith(f"Annotators: samira, {article[:8]} (1 article)"), shown


# -- store/cli/main.py: the output's end --------------------------------------------------
def test_a_reader_gone_before_the_output_is_flushed_is_exit_status_1(seeded):
    """`tahqiq --version | true`, `tahqiq labels | true`: the reader left before the
    output was written. Said nowhere (not an error), but a script checking $? (pipefail)
    must not read success. (--version is written only at the last flush.)"""
    import os
    import subprocess

    path, _, _ = seeded
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    for words in (["--version"], ["labels", "--project", path]):
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run([exe, *words], stdout=write, stderr=subprocess.PIPE,
                                  text=True, timeout=120, env=env)
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (1, ""), words


def test_tagging_my_words_again_as_they_are_is_refused_with_a_message(seeded, capsys):
    """`tag --label` on words I tagged with that verdict printed the claim's id and exit
    0, silent, as if it had tagged them (issue 13 item 16, rv288): refused, one line on
    stderr, exit 1, nothing written. A note or sources that differ change the claim, a
    verdict that differs relabels it (exit 0, its id printed)."""
    from store.core import claims
    from store.core.project import Project

    path, article, claim = seeded
    tag = ("--annotator", "samira", "tag", article, "--quote", "بيونغ يانغ", "--label")
    capsys.readouterr()

    def stored() -> tuple:
        with Project.open(path, "x") as project:
            got = claims.get_claim(project, claim)
            return got.label, got.note, got.sources, got.updated

    before = stored()
    assert run(*tag, "disputed", "--project", path, status=1) == ""
    err = capsys.readouterr().err
    assert err == (f"tahqiq: error: You already tagged these words as Disputed (claim "
                   f"{claim[:8]}): nothing to change.\n")
    assert stored() == before
    assert run(*tag, "disputed", "--note", "KCNA only", "--project", path) == claim + "\n"
    assert stored()[1] == "KCNA only"
    run(*tag, "disputed", "--note", "KCNA only", "--project", path, status=1)
    run(*tag, "disputed", "--source", "https://a.example/1", "--project", path)
    run(*tag, "disputed", "--source", "https://a.example/1", "--project", path, status=1)
    assert "nothing to change" in capsys.readouterr().err
    assert run(*tag, "verified", "--project", path) == claim + "\n"  # relabelled
    assert stored()[:3] == ("verified", "KCNA only", ("https://a.example/1",))
    # Someone else's words: a claim of their own, as before.
    assert run("tag", article, "--quote", "بيونغ يانغ", "--label", "verified",
               "--project", path).strip() != claim


def test_reviewing_my_own_claim_is_refused_with_a_message(seeded, capsys):
    """A review is a second pair of eyes (issue 13 item 12): the claim's maker reviewing
    it is refused, one line on stderr, exit 1, no review filed."""
    from store.core.project import Project
    from store.review import reviews

    path, _, claim = seeded
    capsys.readouterr()
    run("--annotator", "samira", "review", claim, "--accept", "--project", path, status=1)
    assert capsys.readouterr().err == ("tahqiq: error: samira made this claim; a review "
                                       "must come from someone else.\n")
    with Project.open(path, "x") as project:
        assert reviews.reviews_for(project, claim) == []
