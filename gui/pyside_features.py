"""Loads PySide6, and answers its search for ``from __feature__ import`` for our modules.

Once PySide6 is loaded, each import statement hands the module it names to PySide
(``__feature__.feature_imported``). The first time a module is named, PySide reads its
whole source with ``inspect.getsource`` to know whether the module uses PySide6 and so
may select a feature (``snake_case``, ``true_property``), and records the answer in
``__feature__.pyside_feature_dict``: 0 for a module that uses PySide6, -1 ("ignore this
module when switching features") for one that does not. Tahqiq selects no feature. Yet
the window's start-up names 83 modules after Qt is loaded (the store, the standard
library, the window's own): 7 ms of reading sources, 3% of the start-up, to learn
nothing.

:func:`answer_for_ours`, run as this module loads PySide6, records the answers before
they are asked. The window's own modules (the ``gui`` package) are recorded as using
PySide6, as PySide finds all but a few of them (``offsets``, ``idle_collector``: no Qt). The
store's modules, which never import Qt (loaded or not yet: the search's are loaded once
the window is idle), the standard library's top-level modules (``sys.stdlib_module_names``:
none names PySide6, so PySide gives them the same answer), and every module loaded
before Qt are recorded as ignored: nothing loaded before PySide6 can have selected a
feature. With no feature selected anywhere, a module of either answer sees PySide's
default names, as it would have. Any other module loaded later (a third-party
library's, a submodule of the standard library's) is read by PySide as before.

``pyside_feature_dict`` is the table PySide publishes for this (its loader says so);
should a PySide6 release not have it, nothing is recorded and PySide reads as it did.
This module imports nothing once PySide6 is loaded: an import statement after it would
have PySide read the module it names.
"""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401 - PySide6 loaded (its import hook with it)

USES_PYSIDE = 0  # PySide's answer for a module whose source names PySide6
IGNORED = -1  # ...and for one that does not: left out of feature switching


def answer_for_ours() -> None:
    """Record PySide's answer for the gui and store packages' modules, the standard
    library's and those loaded so far (nothing when PySide6 has no such table)."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for package, answer in (("gui", USES_PYSIDE), ("store", IGNORED)):
        for name in _modules(package):
            table.setdefault(name, answer)
    for name in (*sys.stdlib_module_names, *sys.modules):
        table.setdefault(name, IGNORED)


def _modules(package: str, folder: str | None = None) -> list[str]:
    """The dotted names of the modules of our *package* and its subpackages, from their
    files (none in a bundle, whose modules are not files: PySide reads none there)."""
    if folder is None:
        folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                              package)
    names = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return names
    for entry in entries:
        stem, _, suffix = entry.name.partition(".")
        if suffix == "py":
            names.append(package if stem == "__init__" else f"{package}.{stem}")
        elif not suffix and stem.isidentifier() and stem != "__pycache__" \
                and entry.is_dir():
            names += _modules(f"{package}.{stem}", entry.path)
    return names


answer_for_ours()
