"""Who, when and which: the stamps every record and change carries, and how a time is
shown to people."""

from __future__ import annotations

import contextlib
import json
import os
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.core.records import read_json


def new_id() -> str:
    """A new record's identity: a random UUID (version 4), as text."""
    import uuid  # at the first write: with the platform module it loads, 1% of start-up

    return str(uuid.uuid4())


TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utcnow() -> str:
    """UTC time as ISO 8601 with microseconds, so string order is time order."""
    return datetime.now(UTC).strftime(TIME_FORMAT)


def stamp(moment: datetime) -> str:
    """*moment* (UTC) as :func:`utcnow` writes a time, its year in four digits: strftime
    writes the year 999 as «999», which no reader takes for a time (a CSV's «0999-…»
    made a project every colleague's merge refused as damaged)."""
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def later_than(*seen: str | None) -> str:
    """The time of a change made after the changes stamped *seen*: now, or a microsecond
    after the latest of them when this computer's clock says earlier. A merge takes the
    newer of two reviews, settings or deletions by their times: a colleague's clock ten
    minutes fast (or one's own, reset to 2001) made a rejection filed after seeing an
    acceptance lose to it, and a restore lose to the deletion it undid. (A record a
    clock far ahead changed keeps that clock's time in its later changes: which of two
    clocks is wrong cannot be told, and one reset to 2001 is the likelier.)"""
    now = utcnow()
    latest = max((each for each in seen if each), default="")
    if latest < now:  # (string order is time order)
        return now
    try:
        moment = datetime.strptime(latest, TIME_FORMAT) + timedelta(microseconds=1)
    except (ValueError, OverflowError):  # written otherwise by another program
        return now
    return stamp(moment)


def default_annotator() -> str:
    """``TAHQIQ_USER``, else the name given in the window, else the operating-system
    user name: claims tagged on the command line were someone else's («samira» beside
    «Samira Hassan») for the editor who reviews them."""
    name = os.environ.get("TAHQIQ_USER", "").strip() or saved_annotator()
    if name:
        return name
    import getpass  # (with termios: not at a start-up that knows the name)

    try:
        return getpass.getuser() or "anonymous"
    except Exception:  # getuser raises when no name can be found at all
        return "anonymous"


def same_person(name: str, other: str) -> bool:
    """Whether two annotator names are one person's: «huda» reviewing «Huda»'s claim was
    taken as someone else's second pair of eyes. Case, spaces and Unicode forms aside."""
    return person(name) == person(other)


def person(name: str) -> str:
    """*name* as same_person compares it (the one rule: reviews and a claim's undo)."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def stored_name(name: str) -> str:
    """A person's name as it is kept with what they did: without control characters or
    direction overrides, as a note is (clean.clean_note). «Huda» and an escape printed as
    «Huda\\x1b», which another person's name may spell out: `tahqiq claims` told two
    people as one (rv245)."""
    if name.isprintable():  # (most names: nothing to take away, and clean's patterns
        return name         # are not compiled before the window's first picture)
    from store.text.clean import clean_note

    # (its escape sequences' ESC alone taken away, as before rv268: the records a name
    # signs are found by it; spaces beside what went are the name's ends now)
    kept = clean_note(name, escapes=False)
    return kept.strip() if kept != name else kept


def name_file() -> Path:
    """The file the user's name is kept in."""
    from store.core.paths import config_dir

    return config_dir() / "annotator.json"


def saved_annotator() -> str:
    """The name the user gave (in the window's first run or its Preferences); "" when
    none was, or the file cannot be read: a name is a preference, not data to refuse
    the program over."""
    try:
        name = read_json(name_file().read_bytes()).get("annotator", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return name.strip() if isinstance(name, str) else ""


def unreadable_name_file() -> Path | None:
    """The file the user's name is kept in, when it is there and holds no name one can
    read (truncated, garbled, a folder): the name falls back to the login name, and
    unsaid, one person became two annotators (rv70). None when it reads, or is absent."""
    path = name_file()
    try:
        there = path.exists() or path.is_symlink()
    except OSError:  # (its folder cannot be searched: Path.exists raises, not False)
        return path
    if not there:
        return None
    return path if not saved_annotator() else None


def save_annotator(name: str) -> bool:
    """Keep *name* as the user's own, for the window and the command line alike.
    Written whole or not at all (a temporary file put in place); a folder that cannot be
    written keeps the name unsaved (False), as a preference the system refuses is."""
    path = name_file()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"annotator": name.strip()}, ensure_ascii=False),
                             encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        # (its folder a file: unlink raises NotADirectoryError, not missing_ok's)
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def shown_time(at: str, *, seconds: bool = False, utc: bool = False) -> str:
    """A stored time as people read it, in this computer's time zone: ``2026-11-29
    17:40`` in Beirut for a change stored at 15:40 UTC (shown in UTC, with nothing to say
    so, a checker's own edit read as made hours earlier), seconds on request; in UTC on
    request (the command line's, the same on every machine). A time written otherwise by
    another program is shown as it is stored."""
    if utc:
        return at[:19 if seconds else 16].replace("T", " ")
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except (ValueError, OverflowError):  # (OverflowError: the year 1 moved across UTC)
        return at[:19 if seconds else 16].replace("T", " ")
    return moment.replace(tzinfo=None).isoformat(" ", "seconds" if seconds else "minutes")
