"""User preferences, kept in an INI file in the user's config folder (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from store.core import stamps
from store.core.paths import config_dir

MAX_RECENT = 10


def settings() -> QSettings:
    """A QSettings on ``<config>/tahqiq/tahqiq.ini``; tests redirect it with XDG_CONFIG_HOME."""
    return QSettings(str(config_dir() / "tahqiq.ini"), QSettings.Format.IniFormat)


def annotator_name() -> str:
    """The user's name, kept by the store so the command line signs with it too. A name
    an earlier Tahqiq kept among the window's settings moves there the first time."""
    name = stamps.saved_annotator()
    if not name and (name := str(settings().value("annotator", "") or "").strip()):
        set_annotator_name(name)
    return name


def set_annotator_name(name: str) -> None:
    if stamps.save_annotator(name):
        settings().remove("annotator")


def recent_projects() -> list[str]:
    value = settings().value("recent", []) or []
    if isinstance(value, str):
        value = [value]
    return [p for p in value if Path(p).exists()]


def add_recent_project(path: str | Path) -> None:
    path = str(Path(path).resolve())
    recent = [p for p in recent_projects() if p != path]
    settings().setValue("recent", [path, *recent][:MAX_RECENT])


def language() -> str:
    return str(settings().value("language", "") or "")


def set_language(code: str) -> None:
    settings().setValue("language", code)
