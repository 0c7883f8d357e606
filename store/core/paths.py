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


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"
