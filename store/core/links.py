"""What counts as a web link: a claim's sources, an article's address in the exports."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Whitespace (a URL holds none, it is percent-encoded, and the CSV format separates
# sources by it) and control characters (urlsplit strips them before a scheme it then
# finds: "\x01http://..." would pass for a web link).
_NOT_IN_A_LINK = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def is_web_link(value: str) -> bool:
    """Whether *value* is an absolute http(s) URL with a host, and no whitespace or control
    character at all. A ``javascript:`` or ``file:`` link is none: whoever is given one
    in an export must be able to follow it without a second look."""
    if _NOT_IN_A_LINK.search(value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname  # (None for "http://", "http://user@", "http://:80")
    except ValueError:  # e.g. "http://[::1": a bracketed host that is no IP address
        return False
    return parts.scheme in ("http", "https") and bool(host)


# ASCII characters an IRI may not hold (RFC 3987: they are "unwise" or delimit it), and a
# percent sign that starts no escape.
_NOT_IN_AN_IRI = re.compile(r'[<>"\\^`{|}]|%(?![0-9A-Fa-f]{2})')


def as_iri(url: str) -> str:
    """*url* with what an IRI may not hold percent-encoded, for the JSON-LD exports: a web
    link with «<», «"» or a stray «%» (browsers follow them) was written as it was, and
    JSON-LD drops a statement whose IRI is not well formed. Arabic letters stay."""
    return _NOT_IN_AN_IRI.sub(lambda found: f"%{ord(found.group()[0]):02X}", url)
