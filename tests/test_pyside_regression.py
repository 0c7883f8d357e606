"""PySide6 6.12.0 on Python 3.11 corrupts None's refcount on every void Qt call and aborts.

Run the reproducer in a child process so a crash fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPRODUCER = """
from PySide6.QtCore import QPoint
point = QPoint()
for i in range(100_000):
    point.setX(i)
print("ok", point.x())
"""


def test_100000_void_qt_calls_do_not_abort():
    result = subprocess.run([sys.executable, "-c", REPRODUCER], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok 99999"


def test_installed_pyside_is_not_the_crashing_release():
    from importlib.metadata import version

    assert version("PySide6-Essentials") != "6.12.0"


COPIES = """
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication


def test_copies(qapp):
    copied = QMimeData()
    copied.setText("أقوى معاهدة")
    QApplication.clipboard().setMimeData(copied)
"""


def test_a_run_of_the_suite_that_copied_exits_cleanly(tmp_path):
    """Copying a claim (Ctrl+C) hands Qt a QMimeData made in Python; under the offscreen
    platform the run crashed on its way out, every test passed (exit 139): conftest's
    pytest_sessionfinish lets go of it first."""
    (tmp_path / "test_copies.py").write_text(COPIES, encoding="utf-8")
    tests = Path(__file__).resolve().parent
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n0",
         "-p", "conftest", f"--rootdir={tmp_path}", str(tmp_path / "test_copies.py")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tests),
             "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, (result.returncode, result.stdout[-2000:])
    assert "1 passed" in result.stdout
