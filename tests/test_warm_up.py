"""A session's first write is paid before the person's first tag, and leaves nothing behind.

store.core.warm_up starts the write-ahead log with a commit that changes nothing and
rehearses a tag in a transaction it rolls back; the window does it while idle, after
the article it shows is read (gui.session.Session._prepare).
"""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from store.core import appearances, articles, labels, warm_up
from store.core.project import BUSY_TIMEOUT_SECONDS, Project
from store.core.schema import SEARCH_PART_CHARS

TREATY = "  قال المتحدث إن المعاهدة الجديدة أقوى معاهدة على الإطلاق."
TABLES = ("articles", "claims", "appearances", "history", "reviews", "search_entries",
          "search_pending", "article_pieces")


def _state(project: Project) -> dict[str, list[tuple]]:
    return {table: project.conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in TABLES}


def _wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


@pytest.fixture
def reopened(tmp_path):
    """A project with one article, closed and opened again: its log not yet started."""
    path = tmp_path / "warm.tahqiq"
    with Project.open(path, "tester") as project:
        article_id = articles.add_article(project, TREATY, "treaty").id
    project = Project.open(path, "tester")
    yield project, path, article_id
    project.close()


def test_the_rehearsal_leaves_the_project_as_it_was(reopened):
    project, path, article_id = reopened
    before = _state(project)
    assert _wal_size(path) == 0
    assert warm_up.before_first_write(project, article_id)
    assert _state(project) == before
    assert not project.conn.in_transaction
    assert _wal_size(path) > 0  # the log started: its header is written
    # and the person's first tag is a tag like any other, on the same character
    tagged = appearances.create_claim(project, article_id, 2, 3, labels.list_labels(
        project)[0].key)
    assert (tagged.start, tagged.end, tagged.quote) == (2, 3, "ق")
    assert len(_state(project)["history"]) == len(before["history"]) + 2


def test_without_an_article_named_the_first_is_rehearsed(reopened):
    project, _, _ = reopened
    before = _state(project)
    assert warm_up.before_first_write(project)
    assert _state(project) == before


def test_nothing_to_tag_is_no_rehearsal(tmp_path):
    with Project.open(tmp_path / "empty.tahqiq", "tester") as project:
        assert not warm_up.before_first_write(project)  # no article
        spaces = articles.add_article(project, " " * 80 + "words far in", "late").id
        assert not warm_up.before_first_write(project, spaces)  # only spaces in view
        gone = articles.add_article(project, TREATY, "gone").id
        with project.transaction():  # a deleted article (one a merge brought, say)
            project.conn.execute("UPDATE articles SET deleted = 'now' WHERE id = ?", [gone])
        assert not warm_up.before_first_write(project, gone)


def test_words_already_tagged_so_are_not_tagged_again(reopened):
    """The rehearsal tags as the person would: a tag refused (the same words, the same
    verdict, the same annotator) is no rehearsal, and changes nothing."""
    project, _, article_id = reopened
    appearances.create_claim(project, article_id, 2, 3, labels.list_labels(project)[0].key)
    before = _state(project)
    assert not warm_up.before_first_write(project, article_id)
    assert _state(project) == before


def test_an_article_stored_in_parts_is_rehearsed_from_its_first(tmp_path):
    text = "   " + "كلمة " * (SEARCH_PART_CHARS // 5 + 10)
    with Project.open(tmp_path / "parts.tahqiq", "tester") as project:
        article_id = articles.add_article_pieces(
            project, [text[:SEARCH_PART_CHARS], text[SEARCH_PART_CHARS:]],
            len(text.encode()), articles.fingerprint(text), "long")
        assert project.conn.execute("SELECT text FROM articles").fetchone()[0] == ""
        before = _state(project)
        assert warm_up.before_first_write(project, article_id)
        assert _state(project) == before


def test_a_read_only_project_is_not_written(reopened):
    project, path, _ = reopened
    project.close()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    read_only = Project(conn, path, "reader", read_only=True)
    try:
        assert not warm_up.before_first_write(read_only)
    finally:
        read_only.close()
    assert _wal_size(path) == 0


def test_it_never_waits_for_another_program_writing(reopened):
    """Another program holds the write lock: the warm-up gives up at once (the person
    may act meanwhile), and the project waits for writers as before afterwards."""
    project, path, article_id = reopened
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert not warm_up.before_first_write(project, article_id)
        assert time.monotonic() - started < BUSY_TIMEOUT_SECONDS / 3
    finally:
        other.rollback()
        other.close()
    timeout = project.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    assert timeout == int(BUSY_TIMEOUT_SECONDS * 1000)
    assert warm_up.before_first_write(project, article_id)


def _two_articles(tmp_path: Path) -> tuple[Path, str, str]:
    """A project of two articles, a claim in the second: its path and their ids."""
    path = tmp_path / "two.tahqiq"
    with Project.open(path, "tester") as project:
        first = articles.add_article(project, TREATY, "first").id
        second = articles.add_article(project, TREATY + " ثانية", "second").id
        appearances.create_claim(project, second, 16, 24, "disputed")
    return path, first, second


def test_a_window_closed_before_its_idle_preparation_prepares_nothing(qtbot, errors,
                                                                      monkeypatch):
    """Closed within the wait after its first picture, a window's session touches its
    project no more: its preparation, still due, does nothing (it rehearsed on the
    closed project, in the middle of whatever came next)."""
    from gui import session as session_module
    from gui.app import create_window

    calls: list[str | None] = []
    monkeypatch.setattr(warm_up, "before_first_write",
                        lambda project, article_id=None: calls.append(article_id))
    window = create_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.firstPainted, timeout=10000):
        window.show()
    window.close()
    qtbot.wait(session_module.PREPARE_AFTER_MS + 300)
    assert calls == []


def test_the_window_rehearses_once_its_article_is_read(qtbot, errors, monkeypatch):
    """The session's idle preparation rehearses once, on the article shown, leaving no
    claim in the file."""
    from gui.app import create_window

    calls: list[tuple[str | None, bool]] = []
    real = warm_up.before_first_write

    def watched(project: Project, article_id: str | None = None) -> bool:
        calls.append((article_id, done := real(project, article_id)))
        return done

    monkeypatch.setattr(warm_up, "before_first_write", watched)
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=10000)
    assert calls == [(window.current_article, True)] and window.current_article
    with closing(sqlite3.connect(f"file:{window.session.path}?mode=ro", uri=True)) as look:
        assert look.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    qtbot.wait(300)
    assert len(calls) == 1
    window.close()


def test_the_collector_walks_what_was_made_while_the_window_is_idle(qtbot, errors, monkeypatch,
                                                                    tmp_path):
    """What start-up makes, and an article's places once they are all read, are walked by
    the garbage collector while no one acts, in a full pass, and then left out of its
    later passes: a pass of the middle generation came inside the session's first tag
    (3 ms of it, 50,000 claims), and the full pass it made due later inside its second
    (38 ms; a full pass after the idle walk now walks only what was made since: 0.6-1.1
    ms against 43-91). Never before the window's first picture: start-up waits for no
    walk."""
    import gc

    from gui import idle_collector
    from gui import session as session_module
    from gui.app import create_window

    walked: list[int] = []  # objects in the young generations before each walk
    painted: list[bool] = []

    def watched() -> None:
        assert painted, "walked before the first picture"
        walked.append(len(gc.get_objects(0)) + len(gc.get_objects(1)))
        full_passes = gc.get_stats()[2]["collections"]
        idle_collector.collect_all()
        assert gc.get_stats()[2]["collections"] == full_passes + 1  # the oldest too
        assert gc.get_freeze_count() > 1000  # what it left, out of later passes
        assert len(gc.get_objects()) < 100

    monkeypatch.setattr(session_module, "collect_all", watched)
    path, first, second = _two_articles(tmp_path)
    window = create_window(path)
    window.firstPainted.connect(lambda: painted.append(True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(walked), timeout=10000)  # start-up's, its article's too
    qtbot.wait(100)
    before = len(walked)
    assert before == 1
    window.show_article(second if window.current_article == first else first)
    qtbot.waitUntil(lambda: len(walked) > before, timeout=10000)
    window.close()


def test_the_idle_walk_frees_what_the_last_one_froze_once_nothing_holds_it():
    """What one idle walk left frozen, a cycle no longer held (a closed dialog's widgets
    and their slots), is freed by the next one: nothing stays for good."""
    import gc
    import weakref

    from gui import idle_collector

    class Node:
        pass

    node = Node()
    node.self = node  # a cycle: only the collector frees it
    held = weakref.ref(node)
    try:
        idle_collector.collect_all()
        del node
        gc.collect()
        assert held() is not None  # frozen: the collector's own passes leave it
        idle_collector.collect_all()
        assert held() is None
    finally:
        gc.unfreeze()


def _statement(sql: str) -> str:
    """*sql* as SQLite ran it (values written in), with its values turned back into
    placeholders and a list of them into one: the statement it was compiled from."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"-?\b\d+(?:\.\d+)?\b", "?", sql)
    return re.sub(r"\?(?:\s*,\s*\?)+", "?", sql)


def test_a_first_tag_asks_nothing_the_idle_window_did_not(qtbot, errors, tmp_path):
    """Every question a session's first tag asks SQLite (whether I tagged those words,
    the new claim's review, places, reviews, history, the same words elsewhere) was asked
    while the window was idle, also when the tag is in another article than the one
    shown then: compiling them was 0.5-1 ms of the first tag (50,000 places)."""
    from conftest import select_in_reader

    from gui.app import create_window

    path, first, second = _two_articles(tmp_path)
    window = create_window(path)
    qtbot.addWidget(window)
    asked: list[str] = []
    window.session._project.conn.set_trace_callback(lambda sql: asked.append(_statement(sql)))
    window.show()
    qtbot.waitUntil(lambda: window.session._prepared, timeout=10000)
    window.show_article(second if window.current_article == first else first)
    qtbot.wait(200)
    before = set(asked)
    asked.clear()
    select_in_reader(window, 2, 5)
    window.tag("verified")
    qtbot.wait(200)
    assert any((place.start, place.end) == (2, 5) for place in window.claims_panel.claims())
    questions = [sql for sql in dict.fromkeys(asked) if sql.lstrip().upper().startswith(
        ("SELECT", "WITH"))]
    assert questions  # the tag was seen asking
    assert [sql for sql in questions if sql not in before] == []
    window.close()


def test_the_idle_preparation_leaves_nothing_to_fold_into_the_file(qtbot, errors, tmp_path):
    """What the preparation changes and takes back (the folded quotes' temporary table,
    the tag rehearsed and rolled back) counted as writes: the first quiet tick of the
    poll checkpointed a log holding nothing, often inside the first tag (and the log
    then started again in it, syncing its header). A tag is folded as before."""
    from conftest import select_in_reader

    from gui.app import create_window

    path, first, second = _two_articles(tmp_path)
    window = create_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session._prepared, timeout=10000)
    asked: list[str] = []
    window.session._project.conn.set_trace_callback(asked.append)
    ticks: list[None] = []  # (connected after the session's own: counted once they ran)
    window.session._poll.timeout.connect(lambda: ticks.append(None))
    qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=10000)  # two ticks of the poll
    assert not [sql for sql in asked if "wal_checkpoint" in sql]
    select_in_reader(window, 2, 5)
    window.tag("verified")
    qtbot.waitUntil(lambda: any("wal_checkpoint" in sql for sql in asked), timeout=5000)
    window.close()


def _log_salt(path: Path) -> bytes:
    """The write-ahead log's salts: new each time the log is started again."""
    with open(path.with_name(path.name + "-wal"), "rb") as wal:
        return wal.read(32)[16:24]


def test_a_search_for_known_claims_leaves_the_log_started(reopened):
    """The matcher's process only reads: it folded the log as it closed the project, at
    the end of the search for the article just opened, and the first tag started it again
    (its header synced), which before_first_write had paid ahead."""
    from store.core.matcher_process import MatcherProcess

    project, path, article_id = reopened
    assert warm_up.before_first_write(project, article_id)
    started = _log_salt(path)
    matcher = MatcherProcess()
    try:
        matcher.find(str(path), "tester", article_id)
    finally:
        matcher.close()
    appearances.create_claim(project, article_id, 2, 3, labels.list_labels(project)[0].key)
    assert _log_salt(path) == started
