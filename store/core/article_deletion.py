"""Deleting an article (imported by mistake, twice, or the wrong file) and bringing it back.

An article is never erased: it is kept as a tombstone (``articles.deleted``), as a claim
is, so that undo, the history and a colleague's merge can tell it went. Its tagged words
go with it, untagged at the same time (a claim whose other places stand in other
articles stays there; one left with no place is deleted, as any untagging does), and
come back with it. Left tagged, what was checked in an article no one could open any
more would still be counted, exported, offered as known elsewhere and merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.core import appearances, history
from store.core.articles import get_article, summary
from store.core.records import Appearance
from store.core.stamps import utcnow
from store.errors import ArticleNotFound, TahqiqError

if TYPE_CHECKING:
    from store.core.project import Project


def delete_article(project: Project, article_id: str) -> list[str]:
    """Delete a live article and untag its words, at one time (what
    :func:`restore_article` brings back); the ids of the places untagged."""
    with project.transaction():
        before = get_article(project, article_id)
        if before.deleted is not None:
            raise ArticleNotFound("No article with id {id}.", id=article_id)
        at = utcnow()
        places = appearances.list_appearances(project, article_id)
        appearances.untag_places(project, places, at)
        project.update("articles", article_id, {"deleted": at, "updated": at})
        history.record(project, "article", article_id, "delete", summary(before._asdict()),
                       summary(before._replace(deleted=at, updated=at)._asdict()), at=at)
        return [place.id for place in places]


def restore_article(project: Project, article_id: str
                    ) -> tuple[list[Appearance], TahqiqError | None]:
    """Bring a deleted article back, with the words its deletion untagged (each that
    can be: ``appearances.restore_all``); the places back, and the first refusal."""
    with project.transaction():
        before = get_article(project, article_id)
        if before.deleted is None:
            return [], None
        places = [row[0] for row in project.execute(
            "SELECT id FROM appearances WHERE article_id = ? AND deleted = ? "
            "ORDER BY start, id", [article_id, before.deleted])]
        at = utcnow()
        project.update("articles", article_id, {"deleted": None, "updated": at})
        history.record(project, "article", article_id, "restore", summary(before._asdict()),
                       summary(before._replace(deleted=None, updated=at)._asdict()), at=at)
        return appearances.restore_all(project, places)


def deleted_articles(project: Project) -> list[dict[str, str]]:
    """The deleted articles, the latest deleted first: id, title, when."""
    return [{"id": row[0], "title": row[1], "deleted": row[2]} for row in project.execute(
        "SELECT id, title, deleted FROM articles WHERE deleted IS NOT NULL "
        "ORDER BY deleted DESC, rowid DESC")]
