"""The command line under a locale whose encoding is not UTF-8 (a server's LANG)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from store.core import articles
from store.core.project import Project

SEED = ROOT / "seeds" / "putin-kim-treaty.txt"


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory):
    """An en_US.ISO-8859-1 locale made for the test (few machines ship one)."""
    localedef = shutil.which("localedef")
    if localedef is None or not sys.platform.startswith("linux"):
        pytest.skip("localedef is needed to make a Latin-1 locale")
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run([localedef, "-i", "en_US", "-f", "ISO-8859-1",
                           str(folder / "en_US.ISO-8859-1")], capture_output=True)
    if not (folder / "en_US.ISO-8859-1").exists():
        pytest.skip(f"localedef could not make the locale: {made.stderr[-200:]!r}")
    return folder


def test_arabic_arguments_are_read_as_utf8_under_a_latin1_locale(latin1_locale, tmp_path):
    """Under LANG=en_US.ISO-8859-1 an Arabic title was stored garbled, with exit 0, and
    a search found nothing: Python read the arguments as Latin-1."""
    path = tmp_path / "p.tahqiq"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LC_", "LANG", "PYTHONUTF8", "PYTHONIOENCODING"))}
    env.update(LANG="en_US.ISO-8859-1", LOCPATH=str(latin1_locale), PYTHONPATH=str(ROOT),
               TAHQIQ_USER="سميرة")

    def tahqiq(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "store.cli.main", *args,
                               "--project", str(path)], capture_output=True, env=env,
                              timeout=120)

    imported = tahqiq("import", str(SEED))
    assert imported.returncode == 0, imported.stderr
    article = imported.stdout.decode("utf-8").split("\t")[0]
    assert tahqiq("article", article, "--title", "عنوان جديد").returncode == 0
    found = tahqiq("search", "بوتين")
    assert found.returncode == 0 and len(found.stdout.splitlines()) > 5
    tagged = tahqiq("tag", article, "--quote", "بوتين", "--label", "disputed")
    assert tagged.returncode == 0, tagged.stderr
    with Project.open(path) as project:
        assert articles.get_article(project, article).title == "عنوان جديد"
        assert project.execute("SELECT DISTINCT annotator FROM appearances").fetchall() \
            == [("سميرة",)]
