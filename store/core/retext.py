"""Changing an article's text under its claims.

An article's text never changes under its claims without re-anchoring them: each
claim is found again in the new text by its quote, prefix and suffix (the old
position is only a hint), and if any can no longer be found nothing changes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from store.core import appearances, articles, history, long_texts
from store.core.project import Project
from store.core.records import Appearance, Article
from store.core.stamps import later_than
from store.errors import AnchorLost
from store.text import anchoring


def set_article_text(project: Project, article_id: str, new_text: str) -> Article:
    """Replace an article's text, re-anchoring every claim on it.

    The text is stored NFC, as an import stores it. If any live claim's quote cannot
    be found in the new text, nothing changes and AnchorLost names the claims.
    Untagged words and deleted claims (which an undo brings back) are moved too where
    they are found; those that are not stay where they were, and
    ``appearances.restore`` refuses to bring them back there.
    """
    new_text = unicodedata.normalize("NFC", new_text)  # as every stored text is
    with project.transaction():
        article = articles.get_article(project, article_id)
        old_text = article.text
        if new_text == old_text:  # nothing to move, and no change to tell colleagues
            return article
        head, tail = _unchanged_ends(old_text, new_text)
        shift = len(new_text) - len(old_text)
        rewritten = (head, len(new_text) - tail)  # in the new text
        moved: list[tuple[str, int, int]] = []
        lost: list[str] = []
        live: dict[tuple[str, int, int], list[Appearance]] = {}  # by claim and new words
        every = appearances.list_appearances(project, article_id, include_deleted=True)
        for place in every:
            # Outside what the edit rewrote, with a character to spare on each side
            # (what touched an edge may have glued letters to it), the words were not
            # touched: they stand where they were, or moved by the edit's length
            # (_untouched). Inside, they are sought only in what it wrote there.
            hint, within = place.start, rewritten
            if place.end < head:
                within = None
            elif place.start > len(old_text) - tail:
                hint, within = place.start + shift, None
            if within is None:
                at = _untouched(new_text, place, hint, rewritten)
            else:
                at = anchoring.locate(new_text, place.quote, place.prefix, place.suffix,
                                      hint, within=within)
            if at is None:
                if not place.is_deleted:
                    lost.append(place.id)
            elif place.is_deleted:
                moved.append((place.id, at, at + len(place.quote)))
            else:
                live.setdefault((place.claim_id, at, at + len(place.quote)), []).append(place)
        for (_, at, end), places in live.items():
            # Two places of a claim found on the same words: one of them lost its own
            # (the same words stand elsewhere), and is not the claim twice there.
            places.sort(key=lambda p: -anchoring.context_match(
                new_text, at, p.quote, p.prefix, p.suffix))
            moved.append((places[0].id, at, end))
            lost += [p.id for p in places[1:]]
        if lost:
            raise AnchorLost(
                "The new text no longer holds the words of {count} claim(s); nothing changed.",
                lost, count=len(lost))
        # (one moment for the text and its words, after their last changes: by this
        # clock, behind a colleague's who tagged words, they were told moved before they
        # were tagged)
        now = later_than(article.updated, *(place.updated for place in every))
        long_texts.drop(project.conn, article_id)  # the new text is stored whole
        project.db["articles"].update(article_id, {
            "text": new_text, "fingerprint": articles.fingerprint(new_text), "updated": now})
        for place_id, start, end in moved:
            appearances.reanchor(project, place_id, new_text, start, end, at=now)
        history.record(project, "article", article_id, "retext",
                       {"fingerprint": article.fingerprint},
                       {"fingerprint": articles.fingerprint(new_text)}, at=now)
    return articles.get_article(project, article_id)


def _unchanged_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters at the start and at the end of *old* the edit to *new* left
    as they were (together at most the shorter text): the words there keep their places,
    moved only by the length of what changed between. Found by halving, each try one
    comparison in C (a loop over the characters took 0.2 s on a 1 MiB article)."""
    room = min(len(old), len(new))
    head = _longest(room, lambda n: old[:n] == new[:n])
    room -= head
    tail = _longest(room, lambda n: old[len(old) - n:] == new[len(new) - n:])
    return head, tail


def _longest(most: int, holds: Callable[[int], bool]) -> int:
    """The largest n <= *most* for which *holds(n)*, true of every smaller n too."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _untouched(text: str, place: Appearance, at: int, rewritten: tuple[int, int]) -> int:
    """Where words the edit did not touch are now: at *at*, where the edit moved them -
    unless the edit came within a context's length of them and their whole context now
    stands once elsewhere, in what the edit *rewrote* (one edit was two, and the ends the
    texts share mislead). Sought again over the whole text (locate) they went to other
    claims' same words when the edit changed their context; and a context found whole
    outside what the edit wrote stood there before it, another copy of a repeated line
    (a typo mended after a claim's words sent it to that copy, rv152)."""
    context = place.prefix + place.quote + place.suffix
    if at >= len(place.prefix) and text.startswith(context, at - len(place.prefix)):
        return at
    found = text.find(context)
    if found != -1 and rewritten[0] <= found + len(context) and found <= rewritten[1] \
            and text.find(context, found + 1) == -1 and anchoring.edges_kept(
            text, found + len(place.prefix), place.quote, place.prefix, place.suffix):
        return found + len(place.prefix)  # (not where its context is, but a word glued on)
    return at
