"""The loop of a child script's ``--serve`` mode (merge_child.py, tagger_child.py).

The script imports the store once (a quarter of a second of CPU a process), then for each
line read a process forked from it does one piece of work; the server prints the child's
process id and, once the next line is read (the test has killed it, or read its end),
waits for it and prints its exit status (``-9`` for a SIGKILL): never reaped before, its
id is never another process's when the test kills it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def serve(child: Callable[[list[str]], int]) -> int:
    """Fork *child* (given the line's tab-separated fields, in the forked process, whose
    exit code it returns) for each line of standard input."""
    while line := sys.stdin.readline():
        fields = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # (no thread and no open project here: a clean fork)
            code = 1
            try:
                sys.stdin.close()
                code = child(fields)
            finally:
                os._exit(code)
        print(pid, flush=True)
        sys.stdin.readline()
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
    return 0
