"""Exports are safe for spreadsheets: no cell of a CSV export starts like a formula.

Claims whose quotes, notes, annotators and article title are hostile strings (formula
starters, DDE payloads, tabs, carriage returns, NUL, bidi overrides) and every line of
the hostile corpus are exported through the store and through ``tahqiq export``; every
cell must start with none of = + - @ TAB CR NUL, except ``start`` and ``end``, which are
plain numbers. And the escaping is undone on import: every string comes back exactly.
(Each accepted claims import of test_hostile_inputs.py is checked the same way.)
"""

from __future__ import annotations

import shutil

from hostile_corpus import CASES, HOSTILE_STRINGS
from reliability_support import assert_csv_safe

from store.core import appearances, articles
from store.core.project import Project
from store.exchange import exporting
from store.exchange.csv_format import import_claims_csv


def corpus_lines(folder) -> list[str]:
    """Every line of the corpus files that decode as UTF-8, cut to 200 characters."""
    lines = []
    for case in CASES:
        if case.name.startswith("huge"):
            continue
        path = folder / case.name.replace("\n", "_")
        case.make(path, {"article_id": "a"})
        if path.is_file() and not path.is_symlink():
            text = path.read_bytes().decode("utf-8", "replace")
            lines += [line[:200] for line in text.splitlines() if line.strip()]
        if path.is_dir():
            shutil.rmtree(path)
    return lines


def test_no_cell_starts_like_a_formula(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    strings = list(HOSTILE_STRINGS) + corpus_lines(folder)
    quotes = [s for s in HOSTILE_STRINGS if s.strip()]
    # «=1», «-1», «@SUM(A1)» tag; «=», «-@» alone are refused (no_words) but an older
    # Tahqiq tagged them, and its file's claims are exported too
    signs = {q for q in quotes if appearances.no_words(q) is not None}
    text = "\n".join(["بداية"] + quotes + ["نهاية"])
    path = tmp_path / "hostile.tahqiq"
    made = []
    with Project.open(path, "tester") as project:
        article = articles.add_article(project, text, '=HYPERLINK("http://evil.example")')
        at = 0
        for i, note in enumerate(strings):
            quote = quotes[i % len(quotes)]
            at = text.find(quote, at + 1)
            if at == -1:
                at = text.find(quote)
            # a hostile name, and one per claim (one person's same words twice are refused)
            project.annotator = (quotes[(i + 1) % len(quotes)].strip() or "x") + f" {i}"
            with monkeypatch.context() as m:
                if quote in signs:  # (as an older Tahqiq tagged it)
                    m.setattr(appearances, "no_words", lambda quote, signs=False: None)
                made.append(appearances.create_claim(project, article.id, at,
                                                     at + len(quote), "disputed", note=note))
        exported = exporting.export_text(project, "csv")
    assert {c.quote[0] for c in made if c.quote not in signs} >= set("=+-@") and signs

    cells = assert_csv_safe(exported)
    assert cells >= 17 * (len(made) + 1)

    from gui.launcher import main  # the command line's export, byte for byte the same

    capsys.readouterr()
    assert main(["export", "--format", "csv", "--project", str(path)]) == 0
    out = capsys.readouterr().out
    assert_csv_safe(out)

    csv_path = tmp_path / "claims.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as stream:
        stream.write(exported)
    with Project.open(tmp_path / "other.tahqiq", "reader") as other:
        articles.add_article(other, text, "t")
        assert import_claims_csv(other, csv_path).new == len(made)
        for claim in made:
            back = appearances.get_appearance(other, claim.id)
            assert (back.quote, back.note, back.annotator) == (claim.quote, claim.note,
                                                               claim.annotator)
