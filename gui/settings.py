"""User preferences, kept in an INI file in the user's config folder (platformdirs)."""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from store.core import stamps
from store.core.paths import config_dir
from store.text.display import isolated

MAX_RECENT = 10


def settings() -> QSettings:
    """A QSettings on ``<config>/tahqiq/tahqiq.ini``; tests redirect it with XDG_CONFIG_HOME."""
    return QSettings(str(config_dir() / "tahqiq.ini"), QSettings.Format.IniFormat)


def write_now(store: QSettings) -> None:
    """Write *store*'s changes to its file, noting when it cannot be written (left
    read-only by one `sudo tahqiq`, a full disk): the review comments typed, the places
    and the recent projects were then gone at the next start without a word (rv181);
    not_kept says so, once."""
    global _unwritable
    store.sync()
    if store.status() == QSettings.Status.AccessError:
        _unwritable = store.fileName()


_unwritable = ""  # the settings file a write failed in (from any thread)
_unwritable_said = False


def not_kept() -> str:
    """What to say the first time the settings file could not be written ("" before that,
    and after it was said: every write fails again)."""
    global _unwritable_said
    if not _unwritable or _unwritable_said:
        return ""
    _unwritable_said = True
    return QCoreApplication.translate(
        "settings", "Your settings could not be saved in %1: the review comments not yet "
        "filed, where each project was left, the recent projects and the window's layout "
        "are kept only until Tahqiq is closed.").replace(
            "%1", isolated(_unwritable, "\u2066"))


def annotator_name() -> str:
    """The user's name, kept by the store so the command line signs with it too. A name
    an earlier Tahqiq kept among the window's settings moves there the first time."""
    name = stamps.saved_annotator()
    if not name and (name := str(settings().value("annotator", "") or "").strip()):
        set_annotator_name(name)
    return name or _name_not_kept


def set_annotator_name(name: str) -> bool:
    """Keep *name* as the user's; False when its file cannot be written (a folder that
    cannot be written, a full disk): the name is still this run's, not the login
    name's (it signed the claims of the person who had just typed their own)."""
    global _name_not_kept
    if stamps.save_annotator(name):
        _name_not_kept = ""
        settings().remove("annotator")
        return True
    _name_not_kept = name.strip()
    return False


_name_not_kept = ""  # the name given in this run, which its file could not keep


def name_not_kept() -> str:
    """What to say when the name just given cannot be kept for the next start (the
    path left to right, as «Who is tagging?» has it: its first slash was drawn at its
    end in the Arabic sentence, rv181)."""
    return QCoreApplication.translate(
        "settings", "Your name could not be saved in %1. "
        "It is used until Tahqiq is closed; the next start asks for it again.").replace(
            "%1", isolated(str(stamps.name_file()), "\u2066"))


def recent_projects() -> list[str]:
    """The recent projects that are there now (the menu's): not one that cannot be
    reached now (a folder that cannot be searched, a stale network mount), for which
    Path.exists raised, and the menu listed nothing (rv181)."""
    return [p for p in _kept_recent() if os.path.exists(p)]


def _kept_recent() -> list[str]:
    """Every recent project kept, there now or not: a project on a USB stick left
    unplugged one morning stays in the list for the day it is plugged in again."""
    value = settings().value("recent", []) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):  # (a file edited by hand: the menu failed every time)
        return []
    return [p for p in value if isinstance(p, str) and p]


def add_recent_project(path: str | Path) -> None:
    path = str(Path(path).resolve())
    with _recent_lock:  # (two windows' threads: neither loses the other's project)
        recent = [p for p in _kept_recent() if p != path]
        store = settings()
        store.setValue("recent", [path, *recent][:MAX_RECENT])
        write_now(store)


_recent_lock = threading.Lock()


def add_recent_project_aside(path: str | Path) -> threading.Thread:
    """add_recent_project on a thread of its own: QSettings writes its file whole and
    waits for the disk to have it, and a disk still writing a big copy (a 1 GB project
    just copied) held the window, just shown, half a second."""
    thread = threading.Thread(target=add_recent_project, args=(path,),
                              name="recent projects", daemon=True)
    thread.start()
    return thread


MAX_PLACES = 30  # projects whose last article and claim are kept


def last_place(path: str | Path, store: QSettings | None = None
               ) -> tuple[str | None, str | None]:
    """The article and the claim a project was left on, by its file (None: not known)."""
    place = _json_value("places", store).get(str(Path(path).resolve()))
    if not isinstance(place, list) or len(place) != 2:
        return None, None
    article_id, claim_id = (str(v) if isinstance(v, str) and v else None for v in place)
    return article_id, claim_id


def remember_place(path: str | Path, article_id: str | None, claim_id: str | None,
                   review_drafts: dict[str, str] | None = None,
                   ended: Iterable[str] = (), *, store: QSettings | None = None) -> None:
    """Keep where a project was left, for its next window: reopened, it showed its first
    article, nothing chosen, as if the day's work had not been there. With
    *review_drafts*, the review comments typed or changed there and not yet filed, too
    (an editor's reason for a rejection, typed before closing for the night, was gone,
    rv70), over those another window on the project kept, but for the claims whose
    comment this one filed or cleared, *ended* (a second window dropped them all, rv181;
    one that wrote back its whole copy brought back a comment filed since, rv186). One
    settings file read and written once (each a read and a write, 13 ms on the window's
    thread, rv77). Given *store*, they are set in it, which the caller writes (the window
    closing writes its layout with them, once)."""
    given = store is not None
    store = store if store is not None else settings()
    key = str(Path(path).resolve())
    places = _json_value("places", store)
    places.pop(key, None)
    places[key] = [article_id or "", claim_id or ""]
    store.setValue("places", json.dumps(dict(list(places.items())[-MAX_PLACES:])))
    if review_drafts is not None:
        every = _json_value("review_drafts", store)
        kept = every.pop(key, None)
        ended = set(ended)
        drafts = {k: v for k, v in kept.items() if k not in ended} \
            if isinstance(kept, dict) else {}
        drafts.update(review_drafts)
        if drafts:
            every[key] = drafts
        store.setValue("review_drafts", json.dumps(dict(list(every.items())[-MAX_PLACES:]),
                                                   ensure_ascii=False))
    if not given:
        write_now(store)


def review_drafts(path: str | Path, store: QSettings | None = None) -> dict[str, str]:
    """The review comments typed in a project and not yet filed, by claim id."""
    kept = _json_value("review_drafts", store).get(str(Path(path).resolve()))
    if not isinstance(kept, dict):
        return {}
    return {k: v for k, v in kept.items() if isinstance(k, str) and isinstance(v, str)}


def _json_value(name: str, store: QSettings | None = None) -> dict[str, object]:
    try:
        value = json.loads(str((store or settings()).value(name, "") or "{}"))
    except ValueError:  # a settings file edited by hand
        return {}
    return value if isinstance(value, dict) else {}


def bytes_value(name: str, store: QSettings | None = None) -> QByteArray | None:
    """A saved window layout, None when there is none or what is there is not one."""
    value = (store or settings()).value(name)
    return value if isinstance(value, QByteArray) else None


def number_value(name: str, store: QSettings | None = None) -> float | None:
    """A saved number, None when there is none or what is there is not a finite number."""
    value = (store or settings()).value(name)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def language() -> str:
    return str(settings().value("language", "") or "")


def set_language(code: str) -> None:
    store = settings()
    store.setValue("language", code)
    write_now(store)
