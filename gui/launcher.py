"""The ``tahqiq`` program: a subcommand runs the command line, anything else the app.

Kept free of Qt imports so the command line starts fast and works with no display.
"""

from __future__ import annotations

import os
import sys


def restore_library_path(environ=None) -> None:
    """In the Linux bundle, give the programs Tahqiq starts (xdg-open and the browser
    behind it, the desktop tools of --install-desktop) the user's own library path back.

    PyInstaller's bootloader puts the bundle's ``_internal`` folder first on
    ``LD_LIBRARY_PATH`` (keeping the user's value in ``LD_LIBRARY_PATH_ORIG``); a child
    inherits it and loads the bundle's copies of glib, readline, libstdc++... in place of
    its own system's, which fails when that system is newer than the build machine. This
    process is not affected: the loader read the variable when it started.
    """
    environ = os.environ if environ is None else environ
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl+C while the modules load (a third of a second), before
        # the command line or the window answer it themselves: a traceback (rv210)
        if sys.stderr is not None:
            print("tahqiq: error: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    restore_library_path()
    if argv is None:  # (a program's own arguments: read as UTF-8 whatever the locale)
        from store.cli.utf8_mode import ensure_utf8_mode

        ensure_utf8_mode()
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--matcher-worker"]:  # the window's matcher, in the bundle
        from store.core import matcher_process

        return matcher_process.serve()
    if args[:1] in (["--install-desktop"], ["--uninstall-desktop"]):
        from gui import desktop_entry

        return desktop_entry.main(args)
    # A project file is never a command: open it without loading the command line's
    # modules (a tenth of the window's start-up).
    if not (args and args[0].endswith(".tahqiq") and not args[0].startswith("-")):
        from store.cli import main as cli

        if cli.is_command_line(args) or cli.is_mistyped_command(args) \
                or (args and args[0] in ("-h", "--help", "--version")):
            return cli.main(args)
    import gc

    gc.disable()  # until the window's first paint (gui.app.main): see there
    from gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
