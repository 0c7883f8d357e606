"""Deleting an article (imported by mistake, twice, or the wrong file) and bringing it back.

An article is never erased: it is kept as a tombstone (``articles.deleted``), as a claim
is, so that undo, the history and a colleague's merge can tell it went. Its tagged words
go with it, untagged at the same time (a claim whose other places stand in other
articles stays there; one left with no place is deleted, as any untagging does), and
come back with it. Left tagged, what was checked in an article no one could open any
more would still be counted, exported, offered as known elsewhere and merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from store.core import appearances, history
from store.core.articles import get_article, summary
from store.core.records import Appearance, appearance_select
from store.core.stamps import later_than
from store.errors import ArticleNotFound, ChangedSince, TahqiqError, quoted

if TYPE_CHECKING:
    from store.core.project import Project


def delete_article(project: Project, article_id: str) -> list[str]:
    """Delete a live article and untag its words, at one time (what
    :func:`restore_article` brings back); the ids of the places untagged."""
    with project.transaction():
        before = get_article(project, article_id)
        if before.deleted is not None:
            raise ArticleNotFound("No article with id {id}.", id=article_id)
        # Every tagged place, of a deleted claim too: restoring that claim later brought
        # its place back inside the deleted article.
        places = [Appearance.from_values(row) for row in project.execute(
            appearance_select("a.article_id = ? AND a.deleted IS NULL",
                              appearances.READING_ORDER), [article_id])]
        # After every deletion and restore of it this file knows: a merge settles an
        # article by the latest of them, and a restore a faster clock stamped, merged
        # into a copy where the article was live all along, left its `updated` as it
        # was - the deletion made after seeing it was undone at the next merge. After
        # the deletion of each deleted claim untagged, too: its places stood when it
        # went, which tells it from a claim an untagging deleted (_untagged_by).
        at = later_than(before.updated, _last_deleted_or_restored(project, article_id),
                        *(place.claim.deleted for place in places))
        appearances.untag_places(project, places, at)
        project.update("articles", article_id, {"deleted": at, "updated": at})
        history.record(project, "article", article_id, "delete", summary(before._asdict()),
                       summary(before._replace(deleted=at, updated=at)._asdict()), at=at)
        return [place.id for place in places]


def restore_article(project: Project, article_id: str
                    ) -> tuple[list[Appearance], TahqiqError | None]:
    """Bring a deleted article back, with the words its deletions untagged, by anyone
    since it was last brought back (a colleague's deletion merged in took the place of
    one's own, and restoring brought back theirs alone), each that can be
    (``appearances.restore_all``), but the words of a claim deleted on its own, before
    or since (a colleague's deletion brought back in every article, and undone in their
    copy at the next merge): the places back, and the first refusal, those words' the
    first. An article a merge brought back (a colleague restored it, or tagged in it
    later) is live without the words the deletions untagged here (each claim's deletion
    stands in a merge until someone restores that claim): they are brought back the
    same way, from every deletion of it. None to bring back: []."""
    with project.transaction():
        before = get_article(project, article_id)
        times = _deleted_at(project, article_id, since_restore=before.deleted is not None)
        if before.deleted is not None:
            times = times or [before.deleted]
        if not times:
            return [], None
        places = [row[0] for row in project.execute(
            f"SELECT a.id {_untagged_by(times)} ORDER BY a.start, a.id",
            [article_id, *times])]
        kept = _deleted_since(project, article_id, times)
        if before.deleted is not None:
            at = later_than(before.updated, *times,  # (after the deletions it undoes)
                            _last_deleted_or_restored(project, article_id))
            project.update("articles", article_id, {"deleted": None, "updated": at})
            history.record(project, "article", article_id, "restore",
                           summary(before._asdict()),
                           summary(before._replace(deleted=None, updated=at)._asdict()),
                           at=at)
        restored, refused = appearances.restore_all(project, places)
        return restored, kept or refused


def _deleted_since(project: Project, article_id: str, times: list[str]
                   ) -> ChangedSince | None:
    """Why words the article's deletion at one of *times* untagged stay so: the first
    whose claim was deleted on its own since (restoring the claim brings them back:
    appearances.restore_claim), or None."""
    row = project.execute(
        f"SELECT a.quote, c.id, c.deleted_by {_untagged_by(times, kept=True)} "
        "AND c.deleted > a.deleted ORDER BY a.start, a.id LIMIT 1",
        [article_id, *times]).fetchone()
    if row is None:
        return None
    quote, claim_id, name = row
    if name == project.annotator:
        return ChangedSince("You deleted the claim of “{quote}” since; its words here "
                            "come back with it (Edit ▸ Deleted Claims…, or tahqiq claim "
                            "{id} --restore).", quote=quoted(quote), id=claim_id[:8])
    return ChangedSince("{name} deleted the claim of “{quote}” since; its words here come "
                        "back with it (Edit ▸ Deleted Claims…, or tahqiq claim {id} "
                        "--restore).", name=name or "?", quote=quoted(quote),
                        id=claim_id[:8])


class DeletedArticle(NamedTuple):
    """A deleted article as a list of them shows it: what restoring it brings back."""

    id: str
    title: str
    deleted: str
    deleted_by: str  # who deleted it ("" when its history does not say: another program)
    places: int  # its tagged words that come back with it


def deleted_articles(project: Project) -> list[DeletedArticle]:
    """Every deleted article, the latest deletion first. Without such a list a deletion
    made yesterday could be undone only by someone who knew the article's id. (Found by
    their history: the articles table holds their texts, and no index its tombstones.)"""
    found = []
    for article_id, title, deleted in project.execute(
            "SELECT id, title, deleted FROM articles WHERE id IN (SELECT entity_id FROM "
            "history WHERE entity = 'article' AND action = 'delete') AND deleted IS NOT NULL "
            "ORDER BY deleted DESC, rowid").fetchall():
        who = project.execute(
            "SELECT who FROM history WHERE entity = 'article' AND entity_id = ? AND "
            "action = 'delete' ORDER BY at = ? DESC, at DESC LIMIT 1",
            [article_id, deleted]).fetchone()
        times = _deleted_at(project, article_id) or [deleted]
        places = project.execute(f"SELECT count(*) {_untagged_by(times)}",
                                 [article_id, *times]).fetchone()[0]
        found.append(DeletedArticle(article_id, title, deleted, who[0] if who else "", places))
    return found


def brought_back_by(project: Project, article_id: str) -> str | None:
    """Who brought an article back (its latest restore's, a merged one's too; "" when its
    history does not say), or None while it is deleted: a list of deleted articles read
    before a colleague's restore still offers it, and a restore pushed on it undid as a
    deletion of their live article, with the claims they had made in it since (rv169)."""
    row = project.execute("SELECT deleted FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise ArticleNotFound("No article with id {id}.", id=article_id)
    if row[0] is not None:
        return None
    who = project.execute(
        "SELECT who FROM history WHERE entity = 'article' AND entity_id = ? AND "
        "action = 'restore' ORDER BY at DESC, rowid DESC LIMIT 1", [article_id]).fetchone()
    return who[0] or "" if who else ""


def untagged_by_deletions(project: Project, article_id: str) -> int:
    """How many words of a live article its deletions untagged and nothing brought back
    (a merge brought the article back without them): what restore_article restores."""
    times = _deleted_at(project, article_id, since_restore=False)
    if not times:
        return 0
    return project.execute(f"SELECT count(*) {_untagged_by(times)}",
                           [article_id, *times]).fetchone()[0]


def _untagged_by(times: list[str], *, kept: bool = False) -> str:
    """FROM and WHERE of the places of an article (the first parameter, ?1) untagged at
    one of *times* (the parameters after it) that come back with it, or those that do
    not (*kept*): those of a live claim, and of a claim an untagging deleted, leaving it
    no place (this deletion, or another article's since).

    Told by the places' rows: a claim deleted on its own (`tahqiq claim --delete`, a
    colleague's, merged) went with places standing, which stand still or went after it
    (an article's deletion untags a deleted claim's places, stamped after it); one an
    untagging deleted went after its last place (claims.delete_claim stamps it so), and
    none of its places went later. Times alone did not tell them apart (the claim an
    article's deletion takes is stamped after it, as a colleague's deletion since is),
    nor does the history (a deletion's entry names no cause)."""
    # (the deleted claims of the article's places with a place standing or gone after
    # them, found once: asked place by place, the 3,000 of a Tag All took 3 s to count)
    on_its_own = ("SELECT o.claim_id FROM appearances o JOIN claims k ON k.id = o.claim_id "
                  "WHERE o.claim_id IN (SELECT claim_id FROM appearances WHERE article_id "
                  "= ?1) AND k.deleted IS NOT NULL AND (o.deleted IS NULL OR o.deleted > "
                  "k.deleted)")
    return ("FROM appearances a JOIN claims c ON c.id = a.claim_id WHERE a.article_id = ?1 "
            f"AND a.deleted IN ({', '.join('?' * len(times))}) AND "
            f"{'NOT ' if kept else ''}(c.deleted IS NULL OR c.id NOT IN ({on_its_own}))")


def _last_deleted_or_restored(project: Project, article_id: str) -> str | None:
    """The time of the latest deletion or restore of the article its history records."""
    return project.execute(
        "SELECT max(at) FROM history WHERE entity = 'article' AND entity_id = ? AND "
        "action IN ('delete', 'restore')", [article_id]).fetchone()[0]


def _deleted_at(project: Project, article_id: str, *, since_restore: bool = True
                ) -> list[str]:
    """When the article was deleted, by anyone: since it was last brought back, or
    ever (*since_restore* False)."""
    times: list[str] = []
    for action, at in project.execute(
            "SELECT action, at FROM history WHERE entity = 'article' AND entity_id = ? AND "
            "action IN ('delete', 'restore') ORDER BY at, action, id", [article_id]):
        times = [*times, at] if action == "delete" else times if not since_restore else []
    return times
