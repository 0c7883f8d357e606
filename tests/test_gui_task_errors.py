"""A worker's failure is told as the GUI thread's would be: SQLite's errors in the
store's words, and a bug's traceback kept on standard error for a report."""

from __future__ import annotations

import sqlite3

from gui.tasks import Task


def _fail_with(qtbot, exc: Exception) -> str:
    def work(progress):
        raise exc

    task = Task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    task.wait(5)
    return blocker.args[0]


def test_a_database_error_in_a_worker_reads_as_the_store_says_it(qtbot):
    message = _fail_with(qtbot, sqlite3.DatabaseError("database disk image is malformed"))
    assert "tahqiq check" in message and not message.startswith("Unexpected problem")


def test_a_bug_in_a_worker_leaves_its_traceback(qtbot, capsys):
    message = _fail_with(qtbot, KeyError("claim_id"))
    assert message.startswith("Unexpected problem")
    assert "Traceback" in capsys.readouterr().err


def test_a_full_disk_in_a_worker_is_said_as_the_system_says_it(qtbot, capsys):
    message = _fail_with(qtbot, OSError(28, "No space left on device", "/media/x/a.csv"))
    assert message == "No space left on device: /media/x/a.csv"
    assert "Traceback" not in capsys.readouterr().err
