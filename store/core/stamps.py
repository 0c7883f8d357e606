"""Who, when and which: the stamps every record and change carries, and how a time is
shown to people."""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime


def new_id() -> str:
    """A new record's identity: a random UUID (version 4), as text."""
    import uuid  # at the first write: with the platform module it loads, 1% of start-up

    return str(uuid.uuid4())


def utcnow() -> str:
    """UTC time as ISO 8601 with microseconds, so string order is time order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_annotator() -> str:
    """``TAHQIQ_USER``, else the operating-system user name."""
    name = os.environ.get("TAHQIQ_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "anonymous"
    except Exception:  # getuser raises when no name can be found at all
        return "anonymous"


def shown_time(at: str, *, seconds: bool = False) -> str:
    """A stored time as people read it: ``2026-11-29 15:40`` (UTC), seconds on request."""
    return at[:19 if seconds else 16].replace("T", " ")
