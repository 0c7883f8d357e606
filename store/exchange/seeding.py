"""The project a new user sees on first run."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from store.core.paths import holds_no_project_yet
from store.core.project import Project


def seed_files() -> list[Path]:
    root = resources.files("seeds")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def open_or_create(path: str | Path, annotator: str | None = None) -> Project:
    """Open *path*; a project created just now gets the seed articles."""
    path = Path(path).expanduser()
    is_new = not path.exists() or holds_no_project_yet(path)
    project = Project.open(path, annotator)
    if is_new:
        from store.exchange import importing

        for seed in seed_files():
            importing.import_file(project, seed)
    return project
