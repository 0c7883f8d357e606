"""A -wal grown by a big write does not stay that big beside the project (rv110)."""

from __future__ import annotations

from pathlib import Path

from store.core import articles
from store.core.project import WAL_SIZE_LIMIT, Project


def _big_writes(project: Project) -> None:
    for n in range(40):  # ~12 MB through the log in one session, as a merge writes
        articles.add_article(project, f"{n} " + "كلمة عربية " * 30_000, f"a{n}")


def test_a_log_grown_by_a_big_write_is_emptied_by_the_idle_checkpoint(tmp_path: Path
                                                                       ) -> None:
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    try:
        _big_writes(project)
        assert project.checkpoint()
        assert Path(f"{project.path}-wal").stat().st_size <= WAL_SIZE_LIMIT
    finally:
        project.close()


def test_a_log_another_reader_holds_is_cut_back_at_the_next_write(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.tahqiq", "tester")
    reader = Project.open(tmp_path / "p.tahqiq", "other")
    try:
        _big_writes(project)
        with reader.snapshot():
            reader.execute("SELECT count(*) FROM articles").fetchone()
            project.checkpoint()
        articles.update_metadata(project, articles.list_ids(project)[0], outlet="x")
        project.checkpoint()
        assert Path(f"{project.path}-wal").stat().st_size <= WAL_SIZE_LIMIT
    finally:
        reader.close()
        project.close()
