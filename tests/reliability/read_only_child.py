"""Opens a project the operating system will not let this process write.

``python read_only_child.py PROJECT ARTICLE_ID``: run without the privilege to
override file permissions (as a normal user, or as root without CAP_DAC_OVERRIDE);
prints a JSON report of what opening, reading and writing did.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

from store.core import appearances
from store.core.project import Project
from store.errors import TahqiqError
from store.exchange import importing


def attempt(action) -> list[str]:
    try:
        action()
        return ["no error", ""]
    except TahqiqError as exc:
        return [type(exc).__name__, str(exc)]
    except Exception as exc:  # what must not reach the user
        return [f"uncaught {type(exc).__name__}", traceback.format_exc()]


def main(path: str, article_id: str) -> dict:
    report = {"euid": os.geteuid(), "may_write": os.access(path, os.W_OK)}
    project = Project.open(path, "tester", create=False)
    report["read_only"] = project.read_only
    report["claims"] = len(appearances.list_appearances(project))
    report["tag"] = attempt(lambda: appearances.create_claim(project, article_id, 0, 4, "verified"))
    report["import"] = attempt(lambda: importing.import_text(project, "نص جديد"))
    report["claims_after"] = len(appearances.list_appearances(project))
    project.close()
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
