"""What a terminal that cannot shape Arabic shows of the command line's output (rv76)."""

from __future__ import annotations

import io
import sys

from conftest import ROOT

from store.cli.main import main

SEED = ROOT / "seeds" / "putin-kim-treaty.txt"


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == 0
    return out.getvalue()


def _project(tmp_path):
    path = str(tmp_path / "p.tahqiq")
    article = run("import", str(SEED), "--project", path).split("\t")[0]
    claim = run("--annotator", "سارة", "tag", article, "--quote", "بيونغ يانغ (EPA)",
                "--label", "disputed", "--project", path).strip()
    return path, article, claim


def test_a_history_line_by_an_arabic_name_keeps_its_columns_left_to_right(tmp_path):
    """«سارة» as the first strong letter laid the whole line out right to left: the time
    at the right end, after the date («19:12:39 2026-12-05»), the action's words swapped."""
    path, _, claim = _project(tmp_path)
    lines = run("history", claim, "--shape", "always", "--project", path).splitlines()
    assert lines and all(line[:4].isdigit() and line[4] == "-" for line in lines), lines
    assert all("  create  " in line for line in lines)


def test_an_article_address_is_printed_as_it_is_to_a_terminal(tmp_path):
    """A shaped, reversed Arabic path («wiki/ﻎﻧﺎﻳ_ﻎﻧﻮﻴﺑ») opened or copied is another page."""
    path, article, _ = _project(tmp_path)
    url = "https://ar.wikipedia.org/wiki/بيونغ_يانغ"
    shown = run("article", article, "--url", url, "--shape", "always", "--project", path)
    assert f"url\t{url}\n" in shown


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_error_to_a_terminal_is_shaped_as_the_output_is(tmp_path, monkeypatch):
    path, article, _ = _project(tmp_path)
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    out = io.StringIO()
    assert main(["tag", article, "--quote", "بوتين", "--label", "خطأ", "--project", path],
                out) == 1
    said = err.getvalue()
    assert "خطأ" not in said and "ﺄﻄﺧ" in said, said  # joined, in visual order
    assert said.startswith("tahqiq: error: No label called")


def test_a_terminal_that_orders_arabic_itself_is_told_so_once(tmp_path, monkeypatch):
    """Konsole and GNOME Terminal order Arabic themselves: shaped for them it read
    backwards, every command needing --shape never. $TAHQIQ_SHAPE sets the default, for
    the output and the errors; --shape still decides for one command."""
    path, article, _ = _project(tmp_path)
    monkeypatch.setenv("TAHQIQ_SHAPE", "never")
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["tag", article, "--quote", "بوتين", "--label", "خطأ", "--project", path],
                _Terminal()) == 1
    assert "'خطأ'" in err.getvalue()
    shown = _Terminal()
    assert main(["labels", "--project", path], shown) == 0
    assert "صحيح" in shown.getvalue()  # logical, to a terminal
    monkeypatch.setenv("TAHQIQ_SHAPE", "always")
    assert "صحيح" not in run("labels", "--project", path)  # shaped, to a pipe


def test_allah_is_written_in_letters_every_terminal_font_has():
    from store.text.display import display_for_terminal

    shown = display_for_terminal("حزب الله اللبناني")
    assert all(0xFE70 <= ord(ch) <= 0xFEFF or ch == " " for ch in shown), shown
