"""A project started like another: its verdict labels and settings, none of its work.

A newsroom keeps its own verdicts (their names, colours, keys and ratings) and what its
ClaimReviews need (its name, its claims' address); a project for the next story, week or
colleague started with the default set, to be edited again by hand, one label at a time,
each time. Started like another, it has them from the first claim, and with the same
keys: its claims merge with the other's verdict for verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.core import labels, settings
from store.core.paths import holds_no_project_yet, unmaking
from store.core.project import Project
from store.errors import Message, ProjectError


def start_like(path: str | Path, model: Project, annotator: str | None = None, *,
               on_kept: Callable[[Message], None] | None = None) -> Project:
    """A new project at *path* with *model*'s labels and settings, open; *path* must not
    hold a project yet. Nothing is left at *path* when this fails - unless another window
    or program wrote in the new file meanwhile: it stays, and *on_kept* is given the note
    saying so, as `tahqiq new` and `import` tell it (the window and `new --like` dropped
    it, and the person took the file for gone: fx108)."""
    path = Path(path).expanduser()
    if path.exists() and not holds_no_project_yet(path):
        raise ProjectError("{name} is there already: a new project is made in a new file.",
                           name=path.name)
    if shared := labels.shared_names(model):  # (it was refused as if a label were added)
        raise ProjectError("The project to start like has two labels called '{name}' "
                           "({label} and {other}): rename one of them there first "
                           "(Project ▸ Labels…).", name=shared[0].name,
                           label=shared[0].label, other=shared[0].other)
    wanted, kept = labels.list_labels(model), settings.get_settings(model)
    unmake, project = unmaking(path), None
    try:  # (made on a full disk, the new file was left empty, rv260)
        project = Project.open(path, annotator)
        with project.transaction():
            labels.take_labels(project, wanted)
            # (what Tahqiq would take: a colleague's «javascript:…» address merged
            # into the model stays there)
            if chosen := {key: value for key, value in kept._asdict().items()
                          if value and settings.acceptable(key, value)}:
                settings.update_settings(project, **chosen)
                # Copied, not chosen now: each keeps the model's stamp, so a merge does
                # not take it over a setting changed since in another project.
                for key, updated, updated_by in model.execute(
                        "SELECT key, updated, updated_by FROM settings"):
                    if key in chosen and updated:
                        project.execute("UPDATE settings SET updated = ?, updated_by = ? "
                                        "WHERE key = ?", [updated, updated_by, key])
    except BaseException:
        if project is not None:
            project.close()
        if (note := unmake()) and on_kept is not None:
            on_kept(note)
        raise
    return project
