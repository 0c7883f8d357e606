"""Where Tahqiq keeps its files on this machine (platformdirs; honours XDG_DATA_HOME)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "tahqiq"
PROJECT_SUFFIX = ".tahqiq"  # what a project file is called: NAME.tahqiq


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def holds_no_project_yet(path: Path) -> bool:
    """Whether *path* is an empty file: opening it makes a new project there, which a
    command or a window asked to open a colleague's copy that stopped halfway must not
    do unasked."""
    return path.is_file() and path.stat().st_size == 0


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"
