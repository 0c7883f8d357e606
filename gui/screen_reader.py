"""What the window says to a screen reader besides what has the focus: what an action
did (the status bar's line, which screen readers do not read out), a find with no match.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def prepare() -> None:
    """Make the Python types an announcement needs (1 ms), while the window is idle
    after its first picture: the first tag says what it did, and paid for them."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # noqa: F401


def say(widget: QWidget, message: str) -> None:
    """Announce *message*, as from *widget* (politely: after what is being read)."""
    # Imported here (made when the window is idle: prepare): their Python types, made at
    # import, cost start-up 1 ms.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))
