"""The ``tahqiq`` command line: everything the app does to a project, from a terminal.

``main`` parses and dispatches; each command lives with its arguments in the module
named for what it works on (``articles``, ``claims``, ``exchange``, ``review``,
``project``), registered in ``commands``. Errors are one line on stderr,
``tahqiq: error: ...``; exit status 2 for usage mistakes, 1 for everything else. No
traceback reaches the user.
"""
