"""What counts as a web link: a claim's sources, an article's address in the exports."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_link(value: str) -> bool:
    """Whether *value* is an absolute http(s) URL with a host and no whitespace at all (a
    URL holds none, it is percent-encoded, and the CSV format separates sources by
    whitespace). A ``javascript:`` or ``file:`` link is none: the exports and the
    reader must be able to follow what they are given without a second look."""
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. "http://[::1": a bracketed host that is no IP address
        return False
    return (parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
            and not any(ch.isspace() for ch in value))
