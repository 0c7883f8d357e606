"""A process that merges a colleague's file, for the kill-during-merge test.

``python merge_child.py PROJECT COLLEAGUE``: opens PROJECT, prints ``merging`` (flushed)
just before the merge starts and ``tick`` at each step the merge reports, then ``merged``
once it has returned, committed.
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


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
