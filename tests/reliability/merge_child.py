"""A process that merges a colleague's file, for the kill-during-merge test.

``python merge_child.py PROJECT COLLEAGUE``: opens PROJECT, prints ``merging`` (flushed)
just before the merge starts and ``tick`` at each step the merge reports, then ``merged``
once it has returned, committed.

``python merge_child.py --serve``: the store's modules imported once (a quarter of a
second of CPU a process), then for each line ``PROJECT<TAB>COLLEAGUE<TAB>FIFO<TAB>TMPDIR``
read, a process forked from this one does the above, its output written into the named
pipe FIFO, its temporary files in TMPDIR; this one prints the child's process id, and
once the next line is read (the test has killed it, or read its end), waits for it and
prints its exit status (``-9`` for a SIGKILL): never reaped before, its id is never
another process's when the test kills it.
"""

from __future__ import annotations

import sys


def main(path: str, colleague: str) -> int:
    from store.core.project import Project
    from store.exchange import merge

    project = Project.open(path, "mine", create=False)

    def tick(done: int, total: int) -> bool:
        print("tick", flush=True)
        return True

    print("merging", flush=True)
    merge.merge_project(project, colleague, tick)
    print("merged", flush=True)
    return 0


def serve() -> int:
    import os
    import tempfile
    import traceback

    from forking_server import serve as fork_each_line

    from store.core.project import Project  # noqa: F401 (imported once, for every child)
    from store.exchange import merge  # noqa: F401

    def child(fields: list[str]) -> int:
        path, colleague, fifo, scratch = fields
        sys.stdout = open(fifo, "w")  # noqa: SIM115 (os._exit after it: flushed each line)
        os.environ["TMPDIR"] = scratch
        tempfile.tempdir = None
        try:
            return main(path, colleague)
        except BaseException:
            traceback.print_exc()
            return 1

    return fork_each_line(child)


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else main(*sys.argv[1:]))
