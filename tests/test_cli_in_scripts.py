"""The command line inside a newsroom's scripts: a cron job with a variable left unset,
stderr closed, a folder where a file is wanted, names that hold line breaks."""

from __future__ import annotations

import io
import json
import sys

import pytest
from conftest import SAMPLE_QUOTE

from store.cli.main import main
from store.core import appearances, articles, settings
from store.core.paths import default_project_path
from store.exchange import importing, seeding


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.tahqiq"
    with seeding.open_or_create(path, "samira") as opened:
        article = articles.list_articles(opened)[0]["id"]
    return path, article


@pytest.mark.parametrize("argv", [
    ("articles", "--project", ""),
    ("import", ""),
    ("claims", ""),
    ("export", "--format", "csv", ""),
    ("export", "--format", "csv", "-o", ""),
    ("merge", ""),
    ("tag", " ", "--quote", "x", "--label", "disputed"),
])
def test_an_empty_name_is_refused_not_read_as_the_default(argv, project, capsys):
    """`--project "$P"` with P unset used the personal default project; `import ""`
    imported the folder the script ran in; `claims ""` listed every article."""
    path, _ = project
    status, out = run(*argv, *(() if "--project" in argv else ("--project", str(path))))
    err = capsys.readouterr().err
    assert status == 2 and out == ""
    assert err.startswith("tahqiq: error: argument ") and err.count("\n") == 1
    assert "is empty" in err
    assert not default_project_path().exists()


@pytest.mark.parametrize("name", ["", "  "])
@pytest.mark.parametrize("before", [False, True])
def test_an_empty_annotator_is_refused_not_the_accounts_name(name, before, project, capsys):
    """`tag … --annotator "$REPORTER"` with REPORTER unset signed the claim as the
    account the script ran under (root, www-data), exit 0 (rv210)."""
    path, article = project
    with seeding.open_or_create(path, "samira") as opened:
        places = appearances.list_appearances(opened, article)
    tag = ("tag", article, "--quote", SAMPLE_QUOTE, "--label", "disputed")
    given = ("--annotator", name)
    status, out = run("--project", str(path), *(given + tag if before else tag + given))
    err = capsys.readouterr().err
    assert status == 2 and out == ""
    assert err == "tahqiq: error: argument --annotator: is empty (a variable the script " \
                  "left unset?)\n"
    with seeding.open_or_create(path, "samira") as opened:
        assert appearances.list_appearances(opened, article) == places


@pytest.mark.parametrize("given", ["an empty folder", "a missing file", "a binary file"])
@pytest.mark.parametrize("where", ["new.tahqiq", "new/folders/new.tahqiq", "empty.tahqiq"])
def test_a_refused_import_makes_no_project(given, where, tmp_path, capsys):
    """`tahqiq --project NEW.tahqiq import emptyfolder` said the folder held no article,
    exit 1, and left an empty project behind (with the folders made for it); an empty
    file given was a project after (rv210)."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "data.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.tahqiq").write_bytes(b"")
    before = sorted(tmp_path.rglob("*"))
    source = {"an empty folder": "folder", "a missing file": "missing.txt",
              "a binary file": "data.bin"}[given]
    status, out = run("--project", str(tmp_path / where), "import", str(tmp_path / source))
    assert status == 1 and out == "" and capsys.readouterr().err.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before
    assert (tmp_path / "empty.tahqiq").read_bytes() == b""


def test_an_import_stopped_before_its_first_article_makes_no_project(tmp_path, capsys,
                                                                     monkeypatch):
    """Ctrl+C (or a failure no one expected) before anything was imported; once an
    article is in, the project stays whatever follows."""
    article = tmp_path / "a.txt"
    article.write_text("Title\nThe minister said inflation fell.\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(importing, "load_file", interrupted)
        status, _ = run("--project", str(tmp_path / "new.tahqiq"), "import", str(article))
    assert status == 130 and sorted(tmp_path.iterdir()) == [article]
    assert run("--project", str(tmp_path / "kept.tahqiq"), "import", str(article),
               str(tmp_path / "missing.txt"))[0] == 1
    with seeding.open_or_create(tmp_path / "kept.tahqiq", "samira") as opened:
        assert len(articles.list_articles(opened)) == 1
    capsys.readouterr()


def test_with_stderr_closed_notes_do_not_join_the_data(project, capsys, monkeypatch):
    """`export --format claimreview > cr.json 2>&-`: the «skipped claim» lines went into
    the JSON (print() writes to stdout when stderr is None)."""
    path, article = project
    with seeding.open_or_create(path, "samira") as opened:
        settings.update_settings(opened, organization="Misbar",
                                 url_template="https://misbar.example/claims/{id}")
        appearances.tag_quote(opened, article, SAMPLE_QUOTE, "unchecked")
        appearances.tag_quote(opened, article, "كيم جونغ أون", "disputed")
    monkeypatch.setattr(sys, "stderr", None)
    status, out = run("export", "--format", "claimreview", "--project", str(path))
    assert status == 0
    published = json.loads(out)  # nothing but the export: the skipped claim said nowhere
    assert "كيم جونغ أون" in json.dumps(published, ensure_ascii=False)


@pytest.mark.parametrize("output", [".", "/", "./", "{tmp}", "{tmp}/exports/"])
def test_an_export_into_a_folder_is_one_line(output, project, tmp_path, capsys):
    """`-o .`, `-o /` ended in a traceback; `-o exports/` wrote a file named «exports»."""
    path, _ = project
    status, _out = run("export", "--format", "csv", "--project", str(path),
                       "-o", output.format(tmp=tmp_path))
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("tahqiq: error: Could not write ")
    assert "it is a folder" in err or "the folder does not exist" in err
    assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize("what", ["merge", "import"])
def test_a_folder_given_to_merge_or_import_is_named(what, project, tmp_path, capsys):
    path, _ = project
    status, _out = run(what, "/", "--project", str(path))
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1
    assert err.startswith("tahqiq: error: / is a folder")


def test_a_name_with_a_line_break_keeps_each_record_on_one_line(project, capsys):
    """A colleague's name holding a line break split a history line and an agreement
    line in two; an escape in it reached the terminal (kept without it since rv245)."""
    path, article = project
    with seeding.open_or_create(path, "sam\nira\x1b[8m") as opened:
        place = appearances.tag_quote(opened, article, SAMPLE_QUOTE, "disputed")
    with seeding.open_or_create(path, "omar") as opened:
        appearances.tag_quote(opened, article, SAMPLE_QUOTE, "verified")
    status, out = run("history", place.claim_id, "--project", str(path))
    assert status == 0
    lines = out.splitlines()
    assert lines and all(line.count("  ") >= 3 for line in lines)  # AT  WHO  ACTION  …
    assert "sam ira[8m" in lines[0] and "\x1b" not in out
    status, out = run("agreement", "--project", str(path))
    assert status == 0 and "\x1b" not in out
    assert any(line.startswith("Annotators: omar, sam ira") for line in out.splitlines())
    assert any(line.startswith("  sam ira[8m: 1 claim,") for line in out.splitlines())


def test_a_files_name_cannot_forge_or_hide_a_line(project, tmp_path, capsys):
    """`check` and `merge` printed a file's name as it was: a name holding a line break
    printed a forged «tahqiq: error: …» line, one holding an escape hid the rest of the
    terminal (rv93). One line each, controls spelled out. Such a name is not given to a
    new project or a copy: `new` printed it on one line, another file's name to a
    script reading it (rv96)."""
    import shutil

    path, _ = project
    odd = tmp_path / "evil\ntahqiq: error: forged\x1b[8m.tahqiq"
    shutil.copyfile(path, odd)  # (made elsewhere: it opens)
    outputs = []
    for argv in (("check", "--project", str(odd)), ("merge", str(odd), "--project", str(path))):
        status, out = run(*argv)
        assert status == 0, capsys.readouterr().err
        outputs.append(out)
    for out in outputs:
        assert "\x1b" not in out and not any(line.startswith("tahqiq: error")
                                               for line in out.splitlines())
    assert outputs[0] == "evil tahqiq: error: forged\\x1b[8m.tahqiq: no damage found\n"
    for argv in (("new", "--project", str(tmp_path / "a\nb.tahqiq")),
                 ("copy-for-older", str(tmp_path / "older\x1b[8m.tahqiq"), "--project",
                  str(path))):
        status, out = run(*argv)
        err = capsys.readouterr().err
        assert status == 1 and out == "" and err.count("\n") == 1
        assert "holds a line break or another control character" in err and "\x1b[" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if "\n" in p.name or "\x1b" in p.name) \
        == [odd.name]


def test_a_sidecar_imported_on_its_own_is_left_for_its_article(project, tmp_path, capsys):
    """`for f in inbox/*; do tahqiq import "$f"; done` imported NAME.json, the details of
    the NAME.txt beside it, as an article titled «{»."""
    path, _ = project
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "story.txt").write_text("نص الخبر عن المعاهدة الجديدة.\n", encoding="utf-8")
    (inbox / "story.json").write_text(json.dumps({"title": "عنوان الخبر"}), encoding="utf-8")
    with seeding.open_or_create(path, "samira") as opened:
        before = len(articles.list_articles(opened))
    for name in ("story.json", "story.txt"):
        status, out = run("import", str(inbox / name), "--project", str(path))
        assert status == 0
        err = capsys.readouterr().err
        if name == "story.json":
            assert out == "" and "story.json holds the details of story.txt" in err
        else:
            assert out.rstrip("\n").split("\t")[1] == "عنوان الخبر" and err == ""
    with seeding.open_or_create(path, "samira") as opened:
        assert len(articles.list_articles(opened)) == before + 1


def test_tagging_the_same_words_into_the_same_claim_twice_is_no_error(project, capsys):
    """A script run twice: `tag --same-as` twice failed (exit 1); it ends as the first
    run left the project. (`tag --label` twice on the same words, the same verdict, is
    refused with a message since rv288: test_rules_of_the_command_line.)"""
    path, article = project
    status, out = run("tag", article, "--quote", SAMPLE_QUOTE, "--label", "disputed",
                      "--project", str(path))
    claim = out.split("\t")[0]
    for _ in range(2):
        status, again = run("tag", article, "--quote", "كيم جونغ أون", "--same-as", claim,
                            "--project", str(path))
        assert status == 0, capsys.readouterr().err
    with seeding.open_or_create(path, "samira") as opened:
        assert len(appearances.list_appearances(opened, article)) == 2


def test_deleting_by_a_prefix_a_deleted_article_shares(project, tmp_path, capsys):
    """`article PREFIX --delete` was refused as ambiguous when a deleted article's id
    began alike: live articles are looked among first."""
    path, _ = project
    by_letter: dict[str, list[str]] = {}
    with seeding.open_or_create(path, "samira") as opened:
        for n in range(200):  # until two ids, and no third, begin with one letter
            importing.import_text(opened, f"مقال رقم {n} عن المعاهدة.")
            by_letter.clear()
            for article in articles.list_articles(opened):
                by_letter.setdefault(article["id"][0], []).append(article["id"])
            if n >= 20 and any(len(pair) == 2 for pair in by_letter.values()):
                break
    letter, (gone, live) = next((letter, pair) for letter, pair in by_letter.items()
                                if len(pair) == 2)
    assert run("article", gone, "--delete", "--project", str(path))[0] == 0
    status, _out = run("article", letter, "--delete", "--project", str(path))
    assert status == 0, capsys.readouterr().err
    with seeding.open_or_create(path, "samira") as opened:
        assert live not in {a["id"] for a in articles.list_articles(opened)}


def test_a_json_file_given_beside_a_file_of_its_name_that_is_no_article_is_said(
        project, tmp_path, capsys):
    """rv71: `tahqiq import claims.csv claims.json` (two exports) said why the CSV was
    refused and nothing of the JSON: taken for the CSV's details, it was left out unsaid.
    Only an article's NAME.json is its details."""
    path, _ = project
    for fmt in ("csv", "json"):
        assert run("export", "--format", fmt, "-o", str(tmp_path / f"claims.{fmt}"),
                   "--project", str(path))[0] == 0
    capsys.readouterr()
    status, out = run("import", str(tmp_path / "claims.csv"), str(tmp_path / "claims.json"),
                      "--project", str(path))
    err = capsys.readouterr().err
    assert status == 1 and out == ""
    assert "claims.csv" in err and "claims.json" in err


@pytest.mark.parametrize("name", ["story.md", "story"])
def test_the_details_beside_an_article_of_another_suffix_are_its_details(project, tmp_path,
                                                                          capsys, name):
    """`tahqiq import story.md story.json` (or `import seeds/*`): the sidecar gave the
    article its title, and was imported as a second article titled «{"title": …»."""
    path, _ = project
    (tmp_path / name).write_text("A title\n\nUnemployment fell, the minister said.\n",
                                 encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "From the sidecar"}', encoding="utf-8")
    with seeding.open_or_create(path, "samira") as opened:
        before = len(articles.list_articles(opened))
    status, out = run("import", str(tmp_path / name), str(tmp_path / "story.json"),
                      "--project", str(path))
    assert status == 0, capsys.readouterr().err
    with seeding.open_or_create(path, "samira") as opened:
        titles = [a["title"] for a in articles.list_articles(opened)]
    assert len(titles) == before + 1 and "From the sidecar" in titles
