"""Tahqiq's domain and persistence. Never imports Qt; all SQL lives in this package."""


def version() -> str:
    """The installed Tahqiq's version ("unknown" for a checkout never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("tahqiq")
    except PackageNotFoundError:
        return "unknown"


def runs_on() -> str:
    """What the store runs on, for an About box or a bug report: «SQLite 3.45.1 ·
    Python 3.11.7»."""
    import platform
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version} · Python {platform.python_version()}"
