"""What counts as a web link: a claim's sources, an article's address in the exports."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_link(value: str) -> bool:
    """Whether *value* is an absolute http(s) URL with a host, and no whitespace or other
    unprintable character at all (a URL holds none, it is percent-encoded; the CSV format
    separates sources by whitespace; and urlsplit strips control characters before a
    scheme it then finds). A ``javascript:`` or ``file:`` link is none: whoever is given
    one in an export must be able to follow it without a second look."""
    if not value.isprintable() or any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname  # (None for "http://", "http://user@", "http://:80")
    except ValueError:  # e.g. "http://[::1": a bracketed host that is no IP address
        return False
    return parts.scheme in ("http", "https") and bool(host)
