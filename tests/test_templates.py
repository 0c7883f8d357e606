"""A project started like another (store.core.templates, `tahqiq new --like`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_cli import tahqiq

from store.core import appearances, articles, labels, settings
from store.core.project import Project
from store.core.templates import start_like
from store.errors import InvalidLabel, ProjectError
from store.exchange import merge

TEXT = "قالت الوزارة إن المعاهدة هي الأقوى على الإطلاق، وهو ما نفاه الخبراء."


def _newsroom(project: Project) -> None:
    """A newsroom's own verdicts and settings, and some work."""
    labels.update_label(project, "disputed", name_en="Misleading", name_ar="مضلل",
                        color="#FFA500", rating=2)
    labels.add_label(project, "satire", "Satire", "#AA88FF", name_ar="ساخر", shortcut="5")
    settings.update_settings(project, organization="مسبار",
                             url_template="https://misbar.example/c/{id}")
    article = articles.add_article(project, TEXT, "الوزارة")
    appearances.tag_quote(project, article.id, "المعاهدة", "satire")


def _shape(project: Project) -> list[tuple]:
    return [(lab.key, lab.name_en, lab.name_ar, lab.color, lab.shortcut, lab.rating,
             lab.description, lab.position) for lab in labels.list_labels(project)]


def test_a_project_started_like_another_has_its_labels_and_settings_and_no_work(
        project, tmp_path):
    _newsroom(project)
    with start_like(tmp_path / "next.tahqiq", project, "huda") as new:
        assert _shape(new) == _shape(project)
        assert settings.get_settings(new) == settings.get_settings(project)
        assert articles.list_articles(new) == []
        assert new.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
        assert labels.find_label(new, "مضلل").key == "disputed"  # (as a name, too)
        new_article = articles.add_article(new, TEXT, "الوزارة")
        appearances.tag_quote(new, new_article.id, "الخبراء", "disputed")
    # Same keys: merged back, no label comes as new, the verdicts are the same ones.
    outcome = merge.merge_file(project, tmp_path / "next.tahqiq")
    assert outcome.new_labels == 0 and outcome.shared_names == []
    assert {c["label"] for c in project.query("SELECT label FROM claims")} == {
        "satire", "disputed"}


def test_a_project_is_not_started_over_another_nor_left_half_made(project, tmp_path):
    _newsroom(project)
    taken = tmp_path / "taken.tahqiq"
    Project.open(taken, "me").close()
    before = taken.read_bytes()
    with pytest.raises(ProjectError, match="is there already"):
        start_like(taken, project)
    assert taken.read_bytes() == before
    # A model with two labels of one name (merged in): refused, saying so (it read as if
    # a label were being added), and nothing is left where the new project was to be.
    project.execute("UPDATE labels SET name_en = 'Satire' WHERE key = 'verified'")
    with pytest.raises(ProjectError, match="two labels called 'Satire' .satire and verified"):
        start_like(tmp_path / "half.tahqiq", project)
    assert not list(tmp_path.glob("half.tahqiq*"))
    # One whose labels cannot all be made otherwise: nothing is left either.
    project.execute("UPDATE labels SET name_en = 'Verified' WHERE key = 'verified'")
    project.execute("UPDATE labels SET color = 'red' WHERE key = 'satire'")
    with pytest.raises(InvalidLabel):
        start_like(tmp_path / "half.tahqiq", project)
    assert not list(tmp_path.glob("half.tahqiq*"))


def test_a_new_project_made_on_a_full_disk_leaves_no_file(project, tmp_path, monkeypatch):
    """`tahqiq new`, `new --like` and New Project Like This One (start_like) on a full
    disk left an empty file, which every command after called «empty: no project in it
    yet» (rv260); an empty file chosen stays empty."""
    from store.cli.main import main
    from store.core.project import DISK_FULL
    from store.errors import StorageError

    opened = Project.open.__func__

    def full(cls, path, *args, **kwargs):
        if Path(path).name.startswith("new"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # (as opening made them
            Path(path).touch()  # before the disk said no)
            raise StorageError(DISK_FULL)
        return opened(cls, path, *args, **kwargs)

    monkeypatch.setattr(Project, "open", classmethod(full))
    here = tmp_path / "here"
    here.mkdir()
    with pytest.raises(StorageError, match="disk is full"):
        start_like(here / "folder" / "new.tahqiq", project)
    assert list(here.iterdir()) == []
    (here / "new-empty.tahqiq").touch()
    with pytest.raises(StorageError, match="disk is full"):
        start_like(here / "new-empty.tahqiq", project)
    assert (here / "new-empty.tahqiq").stat().st_size == 0
    model = tmp_path / "model.tahqiq"
    start_like(model, project).close()
    for like in ([], ["--like", str(model)]):
        made = here / "new.tahqiq"
        assert main(["new", "--project", str(made), *like], io.StringIO()) == 1
        assert not made.exists(), like


def test_labels_are_taken_only_by_a_project_with_no_claims(project):
    _newsroom(project)
    before = _shape(project)
    with pytest.raises(InvalidLabel, match="holds claims already"):
        labels.take_labels(project, [])
    assert _shape(project) == before


def test_new_on_the_command_line(tmp_path):
    model, made = tmp_path / "misbar.tahqiq", tmp_path / "week 49.tahqiq"
    with Project.open(model, "me") as project:
        _newsroom(project)
        wanted = _shape(project)
    result = tahqiq("new", "--project", str(made), "--like", str(model))
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{made}\n", "")
    with Project.open(made, "me", create=False) as new:
        assert _shape(new) == wanted and articles.list_articles(new) == []
    again = tahqiq("new", "--project", str(made), "--like", str(model))
    assert again.returncode == 1 and again.stderr == (
        "tahqiq: error: week 49.tahqiq is there already: a new project is made in a new "
        "file.\n")
    plain = tahqiq("new", "--project", str(tmp_path / "plain.tahqiq"))
    assert plain.returncode == 0
    with Project.open(tmp_path / "plain.tahqiq", "me", create=False) as new:
        assert [lab.key for lab in labels.list_labels(new)][:3] == [
            "unchecked", "verified", "disputed"]
        assert articles.list_articles(new) == []
    missing = tahqiq("new", "--project", str(tmp_path / "x.tahqiq"), "--like",
                     str(tmp_path / "nowhere.tahqiq"))
    assert missing.returncode == 1 and "No project at" in missing.stderr
    assert not (tmp_path / "x.tahqiq").exists()


def test_the_same_label_in_projects_started_like_one_model_keeps_its_key_in_either_order(
        project, tmp_path):
    """Two weeks' projects hold the model's «satire» on key 6; an archive holds a label
    of its own on 6, made between them. Merged week 1 then week 3, or week 3 then week 1,
    the archive's key 6 is the same label's (a label's time was each project's start, so
    the order decided, and two copies of the archive never agreed again)."""
    labels.add_label(project, "satire", "Satire", "#AA88FF", shortcut="6")
    start_like(tmp_path / "week1.tahqiq", project).close()
    archive = Project.open(tmp_path / "archive.tahqiq", "editor")
    labels.add_label(archive, "opinion", "Opinion", "#88CCFF", shortcut="6")
    archive.close()
    start_like(tmp_path / "week3.tahqiq", project).close()
    keys = []
    for order in (("week1", "week3"), ("week3", "week1")):
        copy = tmp_path / f"archive-{order[0]}.tahqiq"
        copy.write_bytes((tmp_path / "archive.tahqiq").read_bytes())
        with Project.open(copy, "editor") as merged:
            for week in order:
                merge.merge_file(merged, tmp_path / f"{week}.tahqiq")
            keys.append({lab.key: lab.shortcut for lab in labels.list_labels(merged)})
    assert keys[0] == keys[1]


def test_a_project_started_like_an_older_one_does_not_take_back_newer_settings(
        project, tmp_path):
    """Week 1 has the newsroom's first address for its claims; the model (and the
    archive started from it) the new one. A project started later like week 1 brings
    week 1's address as it was set then, not as a choice made now: merged into the
    archive, it does not put the old address back."""
    settings.update_settings(project, organization="Misbar",
                             url_template="https://misbar.example/c/{id}")
    start_like(tmp_path / "week1.tahqiq", project).close()
    settings.update_settings(project, url_template="https://misbar.example/factcheck/{id}")
    with start_like(tmp_path / "archive.tahqiq", project):
        pass
    with Project.open(tmp_path / "week1.tahqiq", "editor") as week1:
        start_like(tmp_path / "week4.tahqiq", week1).close()
    with Project.open(tmp_path / "archive.tahqiq", "editor") as archive:
        merge.merge_file(archive, tmp_path / "week4.tahqiq")
        assert settings.get_settings(archive).url_template == \
            "https://misbar.example/factcheck/{id}"


def test_a_model_from_an_older_tahqiq_is_upgraded_saying_so(tmp_path):
    """`tahqiq new --like OLD` upgraded the model unsaid (rv67), where any other command
    says so."""
    import shutil
    from pathlib import Path

    model = tmp_path / "old.tahqiq"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema6.tahqiq", model)
    result = tahqiq("new", "--project", str(tmp_path / "new.tahqiq"), "--like", str(model))
    assert result.returncode == 0, result.stderr
    assert "old.tahqiq was upgraded from schema 6" in result.stderr


def test_new_like_refused_tells_the_file_another_wrote_in_was_kept(project, tmp_path,
                                                                    monkeypatch, capsys):
    """`tahqiq new --like` refused after another window wrote in the new file: the file
    stays, and is said to, as `tahqiq new` and `import` say it (start_like dropped the
    note: fx108)."""
    from store.cli.main import main
    from store.core import templates

    model, path = tmp_path / "model.tahqiq", tmp_path / "new.tahqiq"
    start_like(model, project).close()
    taken, unmaking = labels.take_labels, templates.unmaking

    def refused(new, wanted):
        taken(new, wanted[:1])
        raise InvalidLabel("'{color}' is not a colour like #RRGGBB.", color="red")

    def unmaking_after_a_colleague(where):
        unmake = unmaking(where)

        def after():
            with Project.open(where, "sara", create=False) as other:
                labels.add_label(other, "satire", "Satire", "#CE93D8")
            return unmake()
        return after

    monkeypatch.setattr(labels, "take_labels", refused)
    monkeypatch.setattr(templates, "unmaking", unmaking_after_a_colleague)
    capsys.readouterr()
    assert main(["new", "--project", str(path), "--like", str(model)], io.StringIO()) == 1
    assert capsys.readouterr().err.splitlines() == [
        "tahqiq: note: new.tahqiq was kept, not removed: another window or program wrote "
        "in it meanwhile.",
        "tahqiq: error: 'red' is not a colour like #RRGGBB."]
    with Project.open(path, create=False) as kept:
        assert "satire" in [label.key for label in labels.list_labels(kept)]
