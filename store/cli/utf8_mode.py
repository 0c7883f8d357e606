"""Running in Python's UTF-8 mode whatever the locale says.

A server or a cron job may run with a locale whose encoding is not UTF-8
(``LANG=en_US.ISO-8859-1``, ``ar_SA.ISO-8859-6``). Python then reads the arguments, the
environment and file names in that encoding: an Arabic title or quote written by a UTF-8
script was stored garbled, a search found nothing, and ISO-8859-6 refused the Arabic as
not UTF-8 at all. In UTF-8 mode (PEP 540) all of them are read as UTF-8, as under the
C locale, where Python turns the mode on by itself.
"""

from __future__ import annotations

import codecs
import os
import sys


def ensure_utf8_mode() -> None:
    """Run this program again in UTF-8 mode (``-X utf8``) if the locale's encoding is
    another; nothing where it is UTF-8, or the mode is on, or off POSIX. Not in the
    bundle, whose interpreter takes no ``-X`` (known: there such a locale still reads
    arguments in its own encoding)."""
    if os.name != "posix" or sys.flags.utf8_mode or getattr(sys, "frozen", False):
        return
    if codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
        return
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
