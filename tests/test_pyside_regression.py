"""PySide6 6.12.0 on Python 3.11 corrupts None's refcount on every void Qt call and aborts.

Run the reproducer in a child process so a crash fails this test instead of killing pytest.
"""

from __future__ import annotations

import subprocess
import sys

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
