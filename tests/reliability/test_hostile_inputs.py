"""Every hostile input, fed to every importer: a clear message or a correct import, never
a traceback, never a partial write.

The corpus is in hostile_corpus.py; the files are written into a temporary folder. The
importers are the store's article importer, its claims-CSV importer, its merge, and the
command line's ``tahqiq import`` and ``tahqiq merge`` (run in-process through the
installed program's entry point, gui.launcher.main, so that the whole matrix stays fast;
test_command_line_in_a_real_process runs the installed program itself on a sample).
A line at the end of the run counts the cases and the passes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hostile_corpus import CASES, Case
from reliability_support import (
    TAHQIQ,
    assert_consistent,
    assert_csv_safe,
    assert_one_line_error,
    make_project,
)

from store.core.project import Project
from store.errors import TahqiqError
from store.exchange import csv_format, exporting, importing, merge

RESULTS: dict[tuple[str, str], str] = {}  # (case, importer) -> "refused" | "imported"


def _tahqiq(command: str):
    def run(project_path: Path, path: Path) -> tuple[int, str, str]:
        from gui.launcher import main  # the installed program's entry point

        return main([command, "--project", str(project_path), str(path)])
    return run


def _store(function):
    def run(project_path: Path, path: Path) -> None:
        with Project.open(project_path, "tester", create=False) as project:
            function(project, path)
    return run


IMPORTERS = {
    "import_file": _store(importing.import_file),
    "import_claims_csv": _store(csv_format.import_claims_csv),
    "merge_file": _store(merge.merge_file),
    "tahqiq import": _tahqiq("import"),
    "tahqiq merge": _tahqiq("merge"),
}


def expected(case: Case, importer: str, path: Path) -> tuple[str, str]:
    """(what the importer must do, which kind of input it reads it as)."""
    if importer in ("import_file", "tahqiq import"):
        return case.article, "article"
    if importer == "import_claims_csv" or path.suffix.lower() == ".csv":
        return case.claims, "claims"
    return case.project, "project"


class _Summary:
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not RESULTS:
            return
        total = len(CASES) * len(IMPORTERS)
        refused = sum(outcome == "refused" for outcome in RESULTS.values())
        verdict = "all passed" if len(RESULTS) == total else f"{len(RESULTS)} of {total} passed"
        terminalreporter.write_line(
            f"hostile corpus: {len(CASES)} cases × {len(IMPORTERS)} importers = {total} runs, "
            f"{verdict} ({refused} refused with a clear message, "
            f"{len(RESULTS) - refused} imported correctly)")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, request) -> tuple[dict[str, Path], Path]:
    """The corpus files, and a project with the article the CSV cases refer to."""
    if not request.config.pluginmanager.has_plugin("hostile-corpus-summary"):
        request.config.pluginmanager.register(_Summary(), "hostile-corpus-summary")
    folder = tmp_path_factory.mktemp("hostile")
    template = folder / "template" / "project.tahqiq"
    template.parent.mkdir()
    ctx = {"article_id": make_project(template)}
    files = {}
    for case in CASES:
        path = folder / case.name
        case.make(path, ctx)
        files[case.name] = path
    return files, template


def state(path: Path) -> tuple:
    """Row counts and a digest of every row an import could touch."""
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        counts = []
        for table in ("articles", "claims", "reviews", "history", "labels", "search_entries"):
            counts.append(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
        return tuple(counts), digest.hexdigest()
    finally:
        conn.close()


def fingerprint(path: Path) -> tuple:
    """What an importer must leave as it was in the file it reads."""
    if path.is_symlink() and not path.exists():
        return ("dangling link",)
    stat = path.stat()
    if path.is_dir() or stat.st_size > 10_000_000:
        return stat.st_size, stat.st_mtime_ns
    return stat.st_size, stat.st_mtime_ns, path.read_bytes()


@pytest.mark.parametrize("importer", list(IMPORTERS))
@pytest.mark.parametrize("case", CASES, ids=[c.name.encode("unicode_escape").decode()
                                             for c in CASES])
def test_hostile_input(case, importer, corpus, tmp_path, capsys):
    files, template = corpus
    path = files[case.name]
    project_path = tmp_path / "project.tahqiq"
    shutil.copyfile(template, project_path)
    before, untouched = state(project_path), fingerprint(path)
    must, kind = expected(case, importer, path)
    capsys.readouterr()

    try:
        status = IMPORTERS[importer](project_path, path)  # anything but TahqiqError fails
        message = None
    except TahqiqError as exc:
        status, message = 1, str(exc)
    out, err = capsys.readouterr()
    if importer.startswith("tahqiq"):
        assert status in (0, 1), (status, err)
        if status:
            assert_one_line_error(err)
            message = err
        else:
            assert err == ""
    refused = status == 1

    if refused:
        assert must in ("refuse", "either"), f"refused: {message}"
        assert message.strip() and len(message) < 2000, message
        assert "\n" not in message.replace(path.name, "").rstrip("\n"), message
        assert state(project_path) == before, "a refused import left changes behind"
    else:
        assert must in ("accept", "either"), "imported what should have been refused"
        assert_consistent(project_path)
        with Project.open(project_path, "tester", create=False) as project:
            if case.check is not None:
                case.check(project, kind, path)
            if kind == "claims":  # imported claims leave as safe CSV, and come back
                assert_csv_safe(exporting.export_text(project, "csv"))
    assert fingerprint(path) == untouched, "an importer changed the file it read"
    RESULTS[(case.name, importer)] = "refused" if refused else "imported"


SAMPLE = ("empty.txt", "mixed-encodings.txt", "offsets-huge.csv", "bad-ipv6-source.csv",
          "year-overflow.csv", "truncated.tahqiq", "scripts.html", "formula-cells.csv")


def test_command_line_in_a_real_process(corpus, tmp_path):
    """The installed program on a sample of the corpus: the same answers, one line each."""
    files, template = corpus
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = []
    for name in SAMPLE:
        case = next(c for c in CASES if c.name == name)
        for command in ("import", "merge"):
            project_path = tmp_path / f"{name}-{command}.tahqiq"
            shutil.copyfile(template, project_path)
            must, _ = expected(case, f"tahqiq {command}", files[name])
            started.append((name, command, must, project_path, state(project_path),
                            subprocess.Popen([str(TAHQIQ), command, "--project",
                                              str(project_path), str(files[name])],
                                             env=env, text=True, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE)))
    for name, command, must, project_path, before, proc in started:
        out, err = proc.communicate(timeout=120)
        if must == "refuse":
            assert proc.returncode == 1, (name, command, out, err)
            assert_one_line_error(err)
            assert state(project_path) == before
        else:
            assert (proc.returncode, err) == (0, ""), (name, command)
