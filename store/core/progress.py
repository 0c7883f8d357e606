"""Reporting progress from long work, and stopping it when the user asks."""

from __future__ import annotations

from collections.abc import Callable

from store.errors import TahqiqError

Progress = Callable[[int, int], bool | None]
"""``progress(done, total)``, called as work goes on; returning False asks it to stop."""


class Ticker:
    """Reports progress out of *total*, starting with 0. When the callback answers False
    it raises the error *cancelled* makes, so the work unwinds through its transaction
    or its clean-up."""

    def __init__(self, progress: Progress | None, total: int,
                 cancelled: Callable[[], TahqiqError]):
        self.progress = progress
        self.total = total
        self.cancelled = cancelled
        self(0)

    def __call__(self, done: int) -> None:
        if self.progress is not None and self.progress(min(done, self.total),
                                                       self.total) is False:
            raise self.cancelled()
