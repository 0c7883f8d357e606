"""A process that tags claims as fast as it can, for the crash and two-writer tests.

``python tagger_child.py PROJECT ARTICLE_ID SECONDS ANNOTATOR``: tags random spans of
the article (each holding a word) through the store for SECONDS (forever if 0), printing
``CLAIM_ID<TAB>TIME`` after each call returns, flushed, so whoever reads the output
knows that claim was committed. Every tenth claim is relabelled and every
twentieth deleted, so updates and tombstones are in flight too. Any error is
printed to stderr as one line and the process exits 1.
"""

from __future__ import annotations

import random
import sys
import time


def main(path: str, article_id: str, seconds: float, annotator: str) -> int:
    from store.core import appearances, articles, claims
    from store.core.project import Project
    from store.errors import DuplicateClaim

    rng = random.Random()
    project = Project.open(path, annotator, create=False)
    text = articles.get_article(project, article_id).text
    words = [i for i, ch in enumerate(text) if not ch.isspace() and (i == 0 or text[i - 1] == " ")]
    stop = time.monotonic() + seconds if seconds else float("inf")
    made = 0
    while time.monotonic() < stop:
        start = rng.choice(words)
        end = min(len(text), start + rng.randint(1, 40))
        if appearances.no_words(text[start:end]) is not None:  # spaces, or signs alone
            continue  # («=», «-»): refused, as they should be
        try:
            claim = appearances.create_claim(project, article_id, start, end,
                                             rng.choice(("verified", "disputed", "unchecked")),
                                             note=f"{annotator} {made} ملاحظة")
        except DuplicateClaim:  # the same words and verdict drawn twice: refused, as it should
            continue
        made += 1
        if made % 10 == 0:
            claims.update_claim(project, claim.id, label="disputed", note="relabelled")
        deleted = made % 20 == 0
        if deleted:
            claims.delete_claim(project, claim.id)
        print(f"{claim.id}\t{time.time():.6f}\t{'deleted' if deleted else 'live'}", flush=True)
    project.close()
    print("done", flush=True)
    return 0


def run(path: str, article_id: str, seconds: str, annotator: str) -> int:
    try:
        return main(path, article_id, float(seconds), annotator)
    except Exception as exc:  # the parent fails the test on any output here
        print(f"tagger: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def serve() -> int:
    """``python tagger_child.py --serve``: the store's modules imported once (a quarter
    of a second of CPU a process), then for each line
    ``PROJECT<TAB>ARTICLE_ID<TAB>SECONDS<TAB>ANNOTATOR<TAB>FIFO<TAB>ERR`` read, a process
    forked from this one, in a session of its own, tags as above, its output written
    into the named pipe FIFO (opened once it leads its session) and its standard error
    into the file ERR; this one prints the child's process id and, once the next line is
    read (the test has killed it), waits for it and prints its exit status (``-9`` for a
    SIGKILL): never reaped before, its id is never another process's when it is killed."""
    import os

    from forking_server import serve as fork_each_line

    from store.core import appearances, articles, claims  # noqa: F401 (once, for every child)
    from store.core.project import Project  # noqa: F401
    from store.errors import DuplicateClaim  # noqa: F401

    def child(fields: list[str]) -> int:
        *args, fifo, err = fields
        os.setsid()
        into = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(into, 2)
        os.close(into)
        sys.stdout = open(fifo, "w")  # noqa: SIM115 (os._exit after it: flushed each line)
        return run(*args)

    return fork_each_line(child)


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else run(*sys.argv[1:]))
