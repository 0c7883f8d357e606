"""An error no code expected, shown as one line in a dialog rather than a traceback on a
terminal the user never sees.

Qt calls Python from C++ (a slot, a model's data, a paint): an exception raised there
reaches no caller. PySide6 hands it to ``sys.excepthook`` and carries on. The commonest
one is SQLite reading a damaged page of a project too big to be checked whole when it
opened (store.core.project.FULL_CHECK_UP_TO): every cell of a table painted over it
fails, so a message already shown is not shown again for a minute. The traceback still
goes to standard error, for a report.
"""

from __future__ import annotations

import re
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from gui import dialogs
from gui.i18n import error_text
from store.errors import as_user_error
from store.text.display import isolated

REPEAT_AFTER_S = 60.0  # before the same message is shown again
# What PySide writes before the message of an exception raised in a Python override Qt
# called (once per override it passed through): Qt's names, nothing for the user, and it
# made one fault met through two overrides (a table's data, its delegate) two messages.
_OVERRIDE = re.compile(r"Error calling Python override of [\w:]+\(\): ")

_shown: dict[str, float] = {}  # message: when it was last dismissed
_showing = False  # a dialog is open: what fails behind it (its repaints) waits


def install() -> None:
    """From now on, an uncaught exception is a dialog (the application's, not a test's:
    pytest-qt catches them to fail the test)."""
    sys.excepthook = show


def message(exc: BaseException) -> str:
    """What to tell the user of *exc*, in the interface language."""
    problem = as_user_error(exc)
    text = error_text(problem) if problem is not None else QCoreApplication.translate(
        "uncaught", "Something went wrong: %1. What was saved before is kept.").replace(
        "%1", isolated(f"{type(exc).__name__}: {exc}"))  # (a path in it, in Arabic)
    return _OVERRIDE.sub("", text)


def show(kind: type[BaseException], exc: BaseException,
         tb: TracebackType | None) -> None:
    """sys.excepthook: the traceback on standard error, the message in a dialog."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    traceback.print_exception(kind, exc, tb)
    text = message(exc)
    if _showing or time.monotonic() - _shown.get(text, -REPEAT_AFTER_S) < REPEAT_AFTER_S:
        return
    _showing = True
    try:
        dialogs.show_error(None, text)
    finally:
        _showing = False
        _shown[text] = time.monotonic()
