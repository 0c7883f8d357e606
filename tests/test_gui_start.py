"""Starting the window as `tahqiq PROJECT` does: what waits for its first paint happens
after it, and nothing is left undone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from store.exchange import seeding

PROBE = """
import gc, sys
from PySide6.QtCore import QTimer
import gui.app
from gui import settings
app = gui.app.ensure_app()
seen = []
def look():
    seen.extend([gc.isenabled(), settings.recent_projects()])
    app.quit()
QTimer.singleShot(2000, look)  # the window has been on screen a while by then
from gui.launcher import main
print(main([sys.argv[1]]), seen)
"""


def test_the_launcher_turns_the_collector_back_on_and_remembers_the_project(tmp_path):
    """The garbage collector waits for the first paint (start-up makes no garbage worth
    a pass), and so does writing the recent projects: both must happen then."""
    path = tmp_path / "started.tahqiq"
    seeding.open_or_create(path).close()
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq"
    config.mkdir(parents=True, exist_ok=True)
    (config / "tahqiq.ini").write_text("[General]\nannotator=tester\n", "utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                            text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"0 {[True, [str(path.resolve())]]}"
