"""What counts as a web link: a claim's sources, an article's address in the exports."""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from store.text.fold import BIDI_CONTROLS

# Whitespace (a URL holds none, it is percent-encoded, and the CSV format separates
# sources by it) and control characters (urlsplit strips them before a scheme it then
# finds: "\x01http://..." would pass for a web link), and direction marks, embeddings,
# overrides and isolates (RFC 3987 4.1: an IRI must not hold them):
# «https://evil.example/\u202emoc.cbb.www//:sptth» was shown in the sources
# list and the review packet as «https://evil.example/https://www.bbc.com».
_NOT_IN_A_LINK = re.compile(f"[\\s\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
# The marks a link copied out of right-to-left text brings at its ends.
_DIRECTION_MARKS = "\u200e\u200f\u061c"


def trimmed_link(value: str) -> str:
    """A link as typed or pasted, without the spaces and direction marks at its ends (a
    link copied out of right-to-left text brings an RLM or LRM; one inside stays, and
    :func:`is_web_link` refuses it)."""
    return value.strip().strip(_DIRECTION_MARKS).strip()


# Around a link pasted out of a sentence: what opens and what ends it («(see
# https://x.org/a).»), none of it the link's
_OPENING = "(<[{«\"'“‘"
_ENDING = ".,;:!?>»\"'”’،؛؟…"
_CLOSING = {")": "(", "]": "[", "}": "{"}  # the link's own when it holds the opening too


@functools.cache
def _next_link() -> re.Pattern[str]:
    """Where the next link starts: after a comma alone, an Arabic one («…/a،https://…»)
    or closing quotes too. Made at its first use, a pasted text's: the window loads this
    module to start, and this pattern was its costliest to compile (fx99)."""
    return re.compile(r"[,،؛;]['\"»”’)\]]*(?=['\"«“‘(\[]*https?://)", re.IGNORECASE)


def links_in(text: str) -> list[str]:
    """The links of a pasted *text*, as :func:`trimmed_link` gives them: several, one per
    line or between spaces or commas, were refused as one link; each without the
    punctuation of the sentence it was copied from (a link stored as «…/a).» led
    nowhere). A bracket the link opens itself stays («…/wiki/Foo_(bar)»)."""
    return [link for word in text.split() for piece in _next_link().split(word)
            if (link := _out_of_a_sentence(piece))]


def with_scheme(link: str) -> str:
    """*link* as a browser's address bar takes it: «www.bbc.com/news», typed or copied
    without its scheme, is «https://www.bbc.com/news» (it was refused as no web link)."""
    return f"https://{link}" if link[:4].lower() == "www." else link


def _out_of_a_sentence(piece: str) -> str:
    """*piece* without what opens or ends the sentence around it, and the marks among
    those («…/a\u200f).»: the mark inside the bracket's was left at the link's end)."""
    while True:
        link = trimmed_link(piece).lstrip(_OPENING)
        while link and (link[-1] in _ENDING or link[-1] in _CLOSING
                        and link.count(_CLOSING[link[-1]]) < link.count(link[-1])):
            link = link[:-1]
        if link == piece:
            return link
        piece = link


def same_link(one: str, other: str) -> bool:
    """Whether two links lead to the same place as written: «…/wiki/معاهدة» and
    «…/wiki/%D9%85%D8%B9…» (a browser's address bar gives either) were two sources;
    so were «HTTPS://BBC.com/x» and «https://bbc.com/x»."""
    return _compared(one) == _compared(other)


_DEFAULT_PORTS = {"http": 80, "https": 443}
# What a browser's host mapping (UTS 46) leaves out of a host: «ex\u200bample.com» is
# «example.com» in every browser; and the full stops it reads as dots («bbc。com»).
_IGNORED_IN_A_HOST = {**dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff")),
                      **dict.fromkeys(map(ord, "\u3002\uff0e\uff61"), ".")}


def _compared(link: str) -> tuple[str, ...]:
    try:
        parts = urlsplit(link)
        port = parts.port
    except ValueError:
        return (link,)
    scheme = parts.scheme.lower()
    userinfo, _, _ = parts.netloc.rpartition("@")
    return (scheme, userinfo, _host(parts.hostname or ""),
            str(port if port not in (None, _DEFAULT_PORTS.get(scheme)) else ""),
            *(_ESCAPES.sub(_unreserved, part)
              for part in (parts.path or "/", parts.query, parts.fragment)))


def _host(host: str) -> str:
    """A host as a browser reads it: «xn--bcher-kva.de» is «bücher.de», «ＢＢＣ.com»
    (full-width, from an Arabic or CJK keyboard) «bbc.com» (case aside; «ß» stays «ß»:
    IDNA 2008 keeps it, so «faß.de» is not «fass.de»)."""
    host = unicodedata.normalize("NFKC", host.translate(_IGNORED_IN_A_HOST)).lower()
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels)


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# What an escape stands for that is not the character it escapes (RFC 3986 2.2): «AT%26T»
# is one search word, «AT&T» two parameters; «1%2B1» is «1+1», and «1+1» «1 1»
_RESERVED = frozenset(b":/?#[]@!$&'()*+,;=%")


def _unreserved(escapes: re.Match[str]) -> str:
    """A run of escapes as the characters they stand for (an Arabic letter's two bytes
    together), but the reserved ones, written as escapes in capitals."""
    pieces, pending = [], bytearray()
    for byte in bytes.fromhex(escapes.group().replace("%", "")):
        if byte in _RESERVED:
            pieces += [pending.decode(errors="backslashreplace"), f"%{byte:02X}"]
            pending.clear()
        else:
            pending.append(byte)
    return "".join(pieces) + pending.decode(errors="backslashreplace")


# A backslash before the path: a browser reads it as «/», ending the host, Python and Qt
# as a letter of a user name, so «https://who.int\\@evil.example/» opened who.int in the
# browser it was copied from, and evil.example from the sources list, the exports and
# the packet (in the path, it is only another spelling of the same site's page).
_BACKSLASH_IN_THE_HOST = re.compile(r"[^:/?#]*:(?://)?[^/?#]*\\")  # («http:\\who.int» too)


def backslash_before_path(value: str) -> bool:
    """Whether *value* holds a backslash before its path, which a browser and Tahqiq
    would read as two different sites (:data:`_BACKSLASH_IN_THE_HOST`)."""
    return bool(_BACKSLASH_IN_THE_HOST.match(value))


def is_web_link(value: str) -> bool:
    """Whether *value* is an absolute http(s) URL with a host, and no whitespace or control
    character at all. A ``javascript:`` or ``file:`` link is none: whoever is given one
    in an export must be able to follow it without a second look."""
    if _NOT_IN_A_LINK.search(value) or _BACKSLASH_IN_THE_HOST.match(value):
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


# Printable ASCII but the space: kept as it is by as_uri (a «%» that starts an escape too).
_ASCII_KEPT = "".join(chr(c) for c in range(0x21, 0x7F))


def as_uri(url: str) -> str:
    """A web link (:func:`is_web_link`) as the 7-bit URI a PDF's link must hold (PDF 32000
    12.6.4.7): its host in IDNA (punycode), the rest of what is not ASCII percent-encoded
    as UTF-8. Written as it was, «https://ar.wikipedia.org/wiki/معاهدة» became a UTF-16
    string that Evince, Okular and Chrome's viewer read as «\\xfe\\xff\\x00h…»: a dead link."""
    parts = urlsplit(as_iri(url))
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, at, host_port = netloc.rpartition("@")
        host, colon, port = host_port.partition(":")  # (a bracketed IPv6 host is ASCII)
        with contextlib.suppress(UnicodeError):  # (a label IDNA refuses: percent-encoded)
            ascii_host = host.encode("idna").decode("ascii")
            # Python's IDNA is 2003's, which maps «faß» to «fass» and drops a Persian
            # ZWNJ: another host. Percent-encoded, it is left to the browser's mapping.
            if ascii_host.encode("ascii").decode("idna") == host.lower():
                host = ascii_host
        netloc = userinfo + at + host + colon + port
    return urlunsplit((parts.scheme, *(quote(part, safe=_ASCII_KEPT)
                                       for part in (netloc, *parts[2:]))))


def readable_link(url: str) -> str:
    """*url* as a browser's address bar shows it: an Arabic path read as «/معاهدة-أقوى»,
    not «/%D9%85%D8%B9…» (browsers copy it so: a shortened one showed neither its host's
    end nor its page). Escapes of ASCII («%20», «%2F») stay: they may be the address's
    own delimiters. For showing only: the link stored, opened and written out is *url*.

    What does not show in it, a direction override above all, is shown escaped, as a
    browser sends it: a link typed with one is refused, but a merge or another program
    can bring one, and «https://evil.example/\u202emoc.cbb.www//:sptth» read as
    «https://evil.example/https://www.bbc.com» in the sources list (rv84)."""
    shown = _ESCAPED_BYTES.sub(_decoded, url)
    return _NOT_IN_A_LINK.sub(lambda unseen: quote(unseen.group(0), safe=""), shown)


# Percent-escapes of bytes above 127: UTF-8 sequences (or, in an old address, Latin-1).
_ESCAPED_BYTES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def _decoded(escapes: re.Match[str]) -> str:
    """The escaped letters as letters; escapes of what does not show (a line separator,
    a direction mark, a control) or of what is not UTF-8 stay as they are written."""
    try:
        letters = unquote(escapes.group(0), errors="strict")
    except UnicodeDecodeError:
        return escapes.group(0)
    if any(unicodedata.category(ch)[0] in "CZ" for ch in letters):  # (as address bars do)
        return escapes.group(0)
    return letters
