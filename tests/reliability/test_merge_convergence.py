"""Merges converge: three annotators, any actions, any merges in any order, one project.

A hypothesis state machine keeps three replicas of one project file (three annotators,
with Latin, Arabic or non-BMP names, clocks agreeing or seconds to hours apart). Each
applies random actions - import, tag, Tag All, tag a quote (a new claim or words of one),
accept a suggestion, add an appearance, relabel, edit the note and sources, change one
claim on all three copies at once, delete and restore claims, appearances (one or several)
and articles, link and unlink (one place or several), review, add and edit labels, dismiss
and undismiss suggestions, change project settings - on articles with letters outside the
BMP, harakat, Arabic-Indic figures, CRLF and a phrase said twice, with notes and comments
holding emoji, CRLF, direction overrides, decomposed letters and control characters - and
they exchange files by merge in random orders and pairs: the same file twice, a file
that already holds one's own changes, a stale copy saved earlier, a file whose owner has
it open (read from a private copy) or closed (read in place, immutable). At the end
everyone merges everyone's latest file until nothing changes, and then:

* **they converge**: the canonical dumps of the three are equal - articles (by text,
  deleted or not), claims, appearances, reviews, label keys, settings and dismissals,
  and the ids of the history entries that travel (claims, appearances, reviews,
  settings, dismissals);
* **it settles**: at most two rounds of everyone merging everyone change anything, a third
  changes nothing (with skewed clocks, at most four: see
  ``test_a_relabel_undone_under_skewed_clocks_settles``), and merging a
  file a second time in a row never changes anything;
* **no change the rules keep is lost**: every claim, appearance, review, label key and
  setting made anywhere is everywhere; dismissals are the union the rules make (an
  undismiss holds until a file that still has it is merged); each claim and appearance
  ends on the newest version made of it (all replicas share one clock, as the rule
  "newer wins" assumes; with skewed clocks only convergence is checked);
* **history explains every difference resolved**: every version of a claim or appearance
  that any replica ever held is in every replica's history, as the version someone
  built on or as a ``merge_conflict`` loser, so nothing is silently overwritten.
* **search agrees**: a project search finds the same words (in articles, quotes and
  notes, articles by text) on every copy: each one's index followed its merges.

What stays different by design (store/exchange/merge.py): a label's presentation (names,
colour, shortcut, rating, position) is each project's own, only label keys merge; an
article's id and metadata are each project's own, articles match by text; the history of
an article or label a project already had is not brought in, nor is the wording of a
``merge_conflict`` entry (who noted it, when) when two replicas noted the same conflict:
its id, made from the two versions, is the same everywhere.

CI runs 500 examples with a fixed seed (tests/conftest.py's "ci" profile), in five tests
of 100 (SHARDS) that xdist's workers share; ``TAHQIQ_MERGE_EXAMPLES=20000`` runs a longer
soak.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule
from reliability_support import ARTICLE

from store.core import appearances, article_deletion, claims, known_claims, labels, search, stamps
from store.core import settings as project_settings
from store.core.project import Project
from store.errors import TahqiqError
from store.exchange import importing, merge
from store.review import reviews

NAMES = ("amal", "badr", "chadi")  # the three files; by default, their annotators too
# Who the annotators are, drawn once an example: Arabic and non-BMP names too (rv275).
ANNOTATORS = (NAMES, ("أمل", "بدر", "شادي😀"), ("amal", "𐎀badr", "بدر"))
TEXTS = (
    ARTICLE,
    "The minister said exports rose by forty percent in 2024, and critics said the figures "
    "were made up.",
    "قالت الحكومة إن المعاهدة الجديدة أقوى معاهدة على الإطلاق، وفق البيان الرسمي.",
    # Offsets past letters outside the BMP (two UTF-16 units each: emoji, a flag, 𝕋, 𐎀),
    # harakat and Arabic-Indic figures, CRLF line ends and a phrase said twice (rv275).
    "𝕋he report 😀 said exports rose 🇸🇦 by 40% in 2024; 𝟚𝟘𝟚𝟜 figures 𐎀 were made up 😀 again.",
    "قالَ الوزيرُ 🙂 إنّ الصادراتِ ارتفعت بنسبة ٤٠٪ في عام ٢٠٢٤، وقال 🙂 الوزير إن 𝓐 الأرقام صحيحة.",
    "قالت الحكومة إن المعاهدة الجديدة أقوى معاهدة على الإطلاق، وفق البيان الرسمي.\r\n\r\n"
    "أقوى معاهدة 😀.",
)
# What Tag All and tag_quote look for: found as written, folded, or not at all.
QUOTES = ("😀", "الوزير", "أقوى معاهدة", "exports", "🙂 الوزير", "40%", "𝟚𝟘𝟚𝟜")
LABEL_KEYS = ("verified", "disputed", "unchecked", "misleading", "satire")
COLOURS = ("#112233", "#AA0000", "#00AA00")
SHORTCUTS = ("", "4", "5")  # free keys two annotators may each give a new label
# Notes and comments as people paste them: emoji, CRLF, direction overrides and
# embeddings, decomposed letters, a control character, spaces around (what the store
# cleans must be cleaned alike on every copy).
NOTES = ("", "مصدر رسمي", "see the ministry's figures", "=1+1", "😀 مصدر 𝕏", "line1\r\nline2",
         "\u202eRLO note", "e\u0301te\u0301", "bell\x07x", "  spaced  ", "𝟚𝟘𝟚𝟜\n")
COMMENTS = ("", "ok", "مصدر؟", "👍🏽 تمام", "a\r\nb", "\u202bرأي\u202c", "cafe\u0301")
# What the end check searches for on every copy: words of the texts, notes and quotes.
SEARCHES = ("مصدر", "😀", "figures", "الوزير", "line2", "ministry", "RLO", "𝟚𝟘𝟚𝟜", "معاهدة")
SOURCES = ((), ("https://a.example/1",), ("https://b.example/2", "https://a.example/1"))
SETTINGS = {"organization": ("", "Fact Desk", "مرصد"),
            "url_template": ("", "https://fc.example/{id}", "https://other.example/c/{id}"),
            "language": ("", "ar", "en")}
EXAMPLES = int(os.environ.get("TAHQIQ_MERGE_EXAMPLES", "500"))
# History that travels with every merge (article and label history only with the record).
TRAVELLING = "entity NOT IN ('article', 'label')"
START = datetime(2026, 3, 1, tzinfo=UTC)


class Clock:
    """One clock for every replica, a microsecond a reading, each replica's own skew on it:
    deterministic, so a failing example replays exactly."""

    def __init__(self) -> None:
        self.ticks = 0
        self.skew = timedelta(0)

    def __call__(self) -> str:
        self.ticks += 1
        now = START + timedelta(microseconds=self.ticks) + self.skew
        return now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Replicas(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(_tmp_root()) / f"converge-{uuid.uuid4().hex}"
        self.folder.mkdir(parents=True)
        self.clock = Clock()
        self.made_ids = 0  # the UUIDs handed out so far
        self._patched = _patch(self.clock, self._next_uuid)
        self.paths = [self.folder / f"{name}.tahqiq" for name in NAMES]
        self.open: list[Project | None] = [None, None, None]
        self.skews = [timedelta(0)] * 3
        self.names = NAMES
        self.final_order: list[tuple[int, int]] = []
        self.snapshots: list[Path] = []
        self.seen: set[tuple[str, str, str]] = set()  # (table, id, version key)
        self.newest: dict[tuple[str, str], str] = {}  # (table, id) -> newest updated
        self.made: dict[str, set[str]] = {"claims": set(), "appearances": set(),
                                          "reviews": set(), "labels": set()}
        self.dismissed: list[set[str]] = [set(), set(), set()]
        self.settings: list[dict[str, tuple[str, str]]] = [{}, {}, {}]
        # What observe and check_history work out of a row or a history entry, by the row
        # as read: the same rows are read again after every step and on each replica.
        self.versions: dict[tuple[str, tuple], tuple[str, str, str]] = {}
        self.told: dict[tuple[str, str], str] = {}
        self.settled: list[dict[str, Any]] = []  # settle()'s last dumps

    def _next_uuid(self) -> uuid.UUID:
        self.made_ids += 1
        return uuid.UUID(int=self.made_ids << 64 | 0x4000_8000_0000_0000, version=4)

    # -- the three replicas ----------------------------------------------------------------
    # (one clock as often as before the hours came: the newest-version check needs it)
    @initialize(skews=st.lists(st.sampled_from((0, 0, 0, 0, 0, 0, -3, 5, -3600, 7200)),
                               min_size=3, max_size=3),
                order=st.permutations([(i, j) for i in range(3) for j in range(3) if i != j]),
                names=st.sampled_from(ANNOTATORS))
    def start(self, skews: list[int], order: list[tuple[int, int]],
              names: tuple[str, ...] = NAMES) -> None:
        """One project with the first article, copied to each annotator. Clocks an hour
        or two off as well as seconds (a laptop on another time zone's clock)."""
        self.skews = [timedelta(seconds=s) for s in skews]
        self.names = names
        self.final_order = order
        if not self.from_template():
            self.first_file()
            _keep_template(self)
        for i in (1, 2):
            shutil.copyfile(self.paths[0], self.paths[i])
        self.made["labels"] |= {label.key for label in labels.list_labels(self.project(0))}
        self.observe(0)

    def first_file(self) -> None:
        """The first annotator's project: the first article and three claims on it."""
        project = self.project(0)
        article = importing.import_text(project, TEXTS[0]).article
        for start, end, label in ((0, 10, "verified"), (20, 45, "disputed"), (50, 60, "unchecked")):
            made = appearances.create_claim(project, article.id, start, end, label)
            self.made["claims"].add(made.claim_id)
            self.made["appearances"].add(made.id)
        self.rest(0)

    def from_template(self) -> bool:
        """The first file as :meth:`first_file` made it in an example before with the same
        first annotator and clock (it depends on nothing else), copied, and the clock and
        the UUIDs where making it left them; False when none was made yet."""
        kept = _TEMPLATES.get((self.names[0], self.skews[0]))
        if kept is None:
            return False
        path, ticks, made_ids, made = kept
        shutil.copyfile(path, self.paths[0])
        self.clock.ticks, self.made_ids = ticks, made_ids
        for key, ids in made.items():
            self.made[key] |= ids
        return True

    def project(self, i: int) -> Project:
        """Replica *i*, opened (as its annotator) if it was closed; its clock's skew on."""
        self.clock.skew = self.skews[i]
        if self.open[i] is None:
            self.open[i] = Project.open(self.paths[i], self.names[i])
        return self.open[i]

    @rule(i=st.integers(0, 2))
    def rest(self, i: int) -> None:
        """Close a replica: its file has no -wal, so a merge reads it in place."""
        if self.open[i] is not None:
            self.open[i].close()
            self.open[i] = None

    def teardown(self) -> None:
        for i in range(3):
            self.rest(i)
        self._patched()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- what an annotator does ---------------------------------------------------------------
    def act(self, i: int, action, *args: Any, **kwargs: Any) -> Any:
        """Run one store action on replica *i*; a refusal (TahqiqError) is an answer too."""
        try:
            result = action(self.project(i), *args, **kwargs)
        except TahqiqError:
            return None
        self.observe(i)
        return result

    def rows(self, i: int, sql: str, params: tuple = ()) -> list[Any]:
        return [row[0] for row in self.project(i).execute(sql, params).fetchall()]

    def pick(self, data: st.DataObject, i: int, sql: str) -> Any:
        found = self.rows(i, sql)
        return data.draw(st.sampled_from(found)) if found else None

    def span(self, data: st.DataObject, i: int) -> tuple[str, int, int] | None:
        article = self.pick(data, i, "SELECT id FROM articles WHERE deleted IS NULL "
                                     "ORDER BY created, id")
        if article is None:  # every article deleted
            return None
        length = len(self.rows(i, "SELECT text FROM articles WHERE id = ?", (article,))[0])
        start = data.draw(st.integers(0, length - 1))
        return article, start, data.draw(st.integers(start + 1, min(length, start + 30)))

    @rule(i=st.integers(0, 2), text=st.sampled_from(range(len(TEXTS))))
    def import_article(self, i: int, text: int) -> None:
        self.act(i, importing.import_text, TEXTS[text])

    @rule(data=st.data(), i=st.integers(0, 2), label=st.sampled_from(LABEL_KEYS),
          note=st.sampled_from(NOTES))
    def tag(self, data: st.DataObject, i: int, label: str, note: str) -> None:
        if (span := self.span(data, i)) is None:
            return
        article, start, end = span
        made = self.act(i, appearances.create_claim, article, start, end, label, note=note)
        if made is not None:
            self.made["claims"].add(made.claim_id)
            self.made["appearances"].add(made.id)

    @rule(data=st.data(), i=st.integers(0, 2), times=st.integers(1, 3))
    def change_claims(self, data: st.DataObject, i: int, times: int) -> None:
        """What a checker does most: change claims (each change drawn with its weight)."""
        for _ in range(times):
            data.draw(st.sampled_from(self.changes))(data, i)

    @property
    def changes(self) -> list:
        return [self.relabel, self.relabel, self.edit, self.edit, self.delete, self.restore,
                self.link, self.unlink, self.add_appearance, self.move, self.review,
                self.review,
                self.edit_label, self.undismiss, self.delete_article, self.restore_article,
                self.tag_all, self.tag_quote, self.accept, self.link_all, self.restore_all,
                self.edit_everywhere]

    def delete_article(self, data: st.DataObject, i: int) -> None:
        article = self.pick(data, i, "SELECT id FROM articles WHERE deleted IS NULL "
                                     "ORDER BY created, id")
        if article is not None:
            self.act(i, article_deletion.delete_article, article)

    def restore_article(self, data: st.DataObject, i: int) -> None:
        article = self.pick(data, i, "SELECT id FROM articles WHERE deleted IS NOT NULL "
                                     "ORDER BY created, id")
        if article is not None:
            self.act(i, article_deletion.restore_article, article)

    def add_appearance(self, data: st.DataObject, i: int) -> None:
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if claim is not None and (span := self.span(data, i)) is not None:
            article, start, end = span
            made = self.act(i, appearances.add, claim, article, start, end)
            if made is not None:
                self.made["appearances"].add(made.id)

    def move(self, data: st.DataObject, i: int) -> None:
        """A place set on other words of its article (Move Claim to Selected Words)."""
        place = self.pick(data, i, "SELECT id FROM appearances ORDER BY id")
        if place is None:
            return
        text = self.rows(i, "SELECT a.text FROM articles a JOIN appearances p ON "
                            "p.article_id = a.id WHERE p.id = ?", (place,))[0]
        start = data.draw(st.integers(0, len(text) - 1))
        self.act(i, appearances.move, place, start,
                 data.draw(st.integers(start + 1, min(len(text), start + 30))))

    def relabel(self, data: st.DataObject, i: int) -> None:
        label = data.draw(st.sampled_from(LABEL_KEYS))
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if claim is not None:
            self.act(i, claims.update_claim, claim, label=label)

    def edit(self, data: st.DataObject, i: int) -> None:
        note, sources = data.draw(st.sampled_from(NOTES)), data.draw(st.sampled_from(SOURCES))
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if claim is not None:
            self.act(i, claims.update_claim, claim, note=note, sources=sources)

    def delete(self, data: st.DataObject, i: int) -> None:
        if data.draw(st.booleans()):
            claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
            if claim is not None:
                self.act(i, claims.delete_claim, claim)
        else:
            place = self.pick(data, i, "SELECT id FROM appearances ORDER BY id")
            if place is not None:
                self.act(i, appearances.delete, place)

    def restore(self, data: st.DataObject, i: int) -> None:
        if data.draw(st.booleans()):
            claim = self.pick(data, i, "SELECT id FROM claims WHERE deleted IS NOT NULL "
                                       "ORDER BY id")
            if claim is not None:  # (as people do: with its words; claims.restore_claim
                # alone, the store's inner step, left it live with no words)
                self.act(i, appearances.restore_claim, claim)
        else:
            place = self.pick(data, i, "SELECT id FROM appearances WHERE deleted IS NOT NULL "
                                       "ORDER BY id")
            if place is not None:
                self.act(i, appearances.restore, place)

    def link(self, data: st.DataObject, i: int) -> None:
        place = self.pick(data, i, "SELECT id FROM appearances ORDER BY id")
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if place is not None and claim is not None:
            self.act(i, appearances.link, place, claim)

    def unlink(self, data: st.DataObject, i: int) -> None:
        place = self.pick(data, i, "SELECT id FROM appearances ORDER BY id")
        if place is not None:
            made = self.act(i, appearances.unlink, place)
            if made is not None:
                self.made["claims"].add(made.claim_id)

    def review(self, data: st.DataObject, i: int) -> None:
        decision = data.draw(st.sampled_from(reviews.DECISIONS))
        comment = data.draw(st.sampled_from(COMMENTS))
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if claim is not None:
            made = self.act(i, reviews.review_claim, claim, decision, comment)
            if made is not None:
                self.made["reviews"].add(made.id)

    def live_article(self, data: st.DataObject, i: int) -> tuple[str, str] | None:
        """A live article of replica *i*, and its text (None: every one deleted)."""
        article = self.pick(data, i, "SELECT id FROM articles WHERE deleted IS NULL "
                                     "ORDER BY created, id")
        if article is None:
            return None
        return article, self.rows(i, "SELECT text FROM articles WHERE id = ?", (article,))[0]

    def tag_all(self, data: st.DataObject, i: int) -> None:
        """Tag All Occurrences: a quote's every place, one claim, at one time."""
        if (found := self.live_article(data, i)) is None:
            return
        spans = appearances.quote_spans(found[1], data.draw(st.sampled_from(QUOTES)))
        if spans:
            made = self.act(i, appearances.tag_all, found[0], spans,
                            data.draw(st.sampled_from(LABEL_KEYS)))
            if made:
                self.made["claims"].add(made[0].claim_id)
                self.made["appearances"] |= {place.id for place in made}

    def tag_quote(self, data: st.DataObject, i: int) -> None:
        """A quote tagged by its words (the command line's tag): a new claim, or words of
        an existing one (*same_as*)."""
        if (found := self.live_article(data, i)) is None:
            return
        same = self.pick(data, i, "SELECT id FROM claims WHERE deleted IS NULL ORDER BY id") \
            if data.draw(st.booleans()) else None
        made = self.act(i, appearances.tag_quote, found[0], data.draw(st.sampled_from(QUOTES)),
                        None if same else data.draw(st.sampled_from(LABEL_KEYS)),
                        note=data.draw(st.sampled_from(NOTES)),
                        sources=data.draw(st.sampled_from(SOURCES)), same_as=same)
        if made is not None:
            self.made["claims"].add(made.claim_id)
            self.made["appearances"].add(made.id)

    def accept(self, data: st.DataObject, i: int) -> None:
        """A known claim's suggestion accepted: the words join that claim."""
        claim = self.pick(data, i, "SELECT id FROM claims WHERE deleted IS NULL ORDER BY id")
        if claim is not None and (span := self.span(data, i)) is not None:
            article, start, end = span
            made = self.act(i, known_claims.accept, article, claim, start, end)
            if made is not None:
                self.made["appearances"].add(made.id)

    def link_all(self, data: st.DataObject, i: int) -> None:
        """A few places linked to one claim at once, all or none."""
        places = self.rows(i, "SELECT id FROM appearances ORDER BY id")
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if places and claim is not None:
            chosen = data.draw(st.lists(st.sampled_from(places), min_size=1, max_size=3,
                                        unique=True))
            self.act(i, appearances.link_all, [(place, claim) for place in chosen])

    def restore_all(self, data: st.DataObject, i: int) -> None:
        """Places untagged, brought back together (the redo of a Tag All)."""
        gone = self.rows(i, "SELECT id FROM appearances WHERE deleted IS NOT NULL ORDER BY id")
        if gone:
            self.act(i, appearances.restore_all, data.draw(
                st.lists(st.sampled_from(gone), min_size=1, max_size=3, unique=True)))

    def edit_everywhere(self, data: st.DataObject, i: int) -> None:
        """One claim changed on all three copies before anyone merges: the others' note
        and verdict, then *i*'s note."""
        claim = self.pick(data, i, "SELECT id FROM claims WHERE deleted IS NULL ORDER BY id")
        if claim is None:
            return
        for k in range(3):
            if k != i and self.rows(k, "SELECT id FROM claims WHERE id = ? AND deleted IS "
                                       "NULL", (claim,)):
                self.act(k, claims.update_claim, claim, note=data.draw(st.sampled_from(NOTES)),
                         label=data.draw(st.sampled_from(LABEL_KEYS)))
        self.act(i, claims.update_claim, claim, note=data.draw(st.sampled_from(NOTES)))

    @rule(i=st.integers(0, 2), key=st.sampled_from(LABEL_KEYS), colour=st.sampled_from(COLOURS),
          shortcut=st.sampled_from(SHORTCUTS))
    def add_label(self, i: int, key: str, colour: str, shortcut: str) -> None:
        if self.act(i, labels.add_label, key, key.title(), colour,
                    shortcut=shortcut) is not None:
            self.made["labels"].add(key)

    def edit_label(self, data: st.DataObject, i: int) -> None:
        colour = data.draw(st.sampled_from(COLOURS))
        name = data.draw(st.sampled_from(("Checked", "صحيح", "False")))
        key = self.pick(data, i, "SELECT key FROM labels ORDER BY key")
        self.act(i, labels.update_label, key, color=colour, name_en=name)

    @rule(data=st.data(), i=st.integers(0, 2))
    def dismiss(self, data: st.DataObject, i: int) -> None:
        claim = self.pick(data, i, "SELECT id FROM claims ORDER BY id")
        if claim is not None and (span := self.span(data, i)) is not None:
            article, start, end = span
            made = self.act(i, known_claims.dismiss, article, claim, start, end)
            if made is not None:
                self.dismissed[i].add(made)

    def undismiss(self, data: st.DataObject, i: int) -> None:
        dismissal = self.pick(data, i, "SELECT id FROM dismissals ORDER BY id")
        if dismissal is not None:
            self.act(i, known_claims.undismiss, dismissal)
            self.dismissed[i].discard(dismissal)

    @rule(i=st.integers(0, 2), key=st.sampled_from(sorted(SETTINGS)), choice=st.integers(0, 2))
    def change_setting(self, i: int, key: str, choice: int) -> None:
        self.act(i, project_settings.update_settings, **{key: SETTINGS[key][choice]})
        self.settings[i] = dict(self.settings_of(i))

    # -- exchanging files -----------------------------------------------------------------
    @rule(i=st.integers(0, 2), j=st.integers(0, 2), twice=st.booleans())
    def merge(self, i: int, j: int, twice: bool) -> None:
        """*i* merges *j*'s file (its own is refused); *twice*: the same file again, which
        must change nothing."""
        if i == j:
            with pytest.raises(TahqiqError):
                merge.merge_project(self.project(i), self.paths[j])
            return
        self.merged(i, j)
        if twice:
            before = self.dump(i)
            assert not merge.merge_project(self.project(i), self.paths[j]).changed
            assert self.dump(i) == before

    def merged(self, i: int, j: int, path: Path | None = None) -> merge.MergeSummary:
        summary = merge.merge_project(self.project(i), path or self.paths[j])
        taken = [key for (key,) in self.project(i).execute(
            "SELECT lower(trim(shortcut)) FROM labels WHERE trim(shortcut) <> ''")]
        assert len(taken) == len(set(taken)), "two labels on one key: it tags nothing"
        self.observe(i)
        self.dismissed[i] |= self.dismissed[j]
        for key, value in self.settings[j].items():
            self.settings[i][key] = max(self.settings[i].get(key, value), value)
        return summary

    @rule(j=st.integers(0, 2))
    def save_copy(self, j: int) -> None:
        """Keep a copy of *j*'s file as it is now, as one e-mailed would be."""
        copy = self.folder / f"copy-{len(self.snapshots)}.tahqiq"
        self.project(j).backup(copy)
        self.snapshots.append(copy)
        self.snapshot_state = getattr(self, "snapshot_state", {})
        self.snapshot_state[copy] = (set(self.dismissed[j]), dict(self.settings[j]))

    @rule(data=st.data(), i=st.integers(0, 2))
    def merge_old_copy(self, data: st.DataObject, i: int) -> None:
        """Merge a copy saved earlier: whatever has changed since must stay changed."""
        if self.snapshots:
            copy = data.draw(st.sampled_from(self.snapshots))
            merge.merge_project(self.project(i), copy)
            self.observe(i)
            dismissed, values = self.snapshot_state[copy]
            self.dismissed[i] |= dismissed
            for key, value in values.items():
                self.settings[i][key] = max(self.settings[i].get(key, value), value)

    # -- what is checked ----------------------------------------------------------------
    def observe(self, i: int) -> None:
        """Note every version of a claim or appearance replica *i* holds now."""
        conn = self.project(i).conn
        for table in ("claims", "appearances"):
            cols = _columns(conn, table)
            for row in conn.execute(f"SELECT * FROM {table}"):
                found = self.versions.get((table, row))
                if found is None:  # (a row not read so before: its version worked out)
                    record = dict(zip(cols, row, strict=True))
                    found = self.versions[(table, row)] = (
                        record["id"], merge.version_key(record), record["updated"])
                record_id, version, updated = found
                self.seen.add((table, record_id, version))
                key = (table, record_id)
                self.newest[key] = max(self.newest.get(key, ""), updated)

    def settings_of(self, i: int) -> dict[str, tuple[str, str]]:
        return {key: (updated, value) for key, value, updated in self.project(i).execute(
            "SELECT key, value, updated FROM settings")}

    def dump(self, i: int) -> dict[str, Any]:
        """Replica *i* as it must be everywhere: articles by text, every record by id."""
        conn = self.project(i).conn
        texts = dict(conn.execute("SELECT id, fingerprint FROM articles").fetchall())

        def table(name: str, order: str = "id") -> dict[str, dict[str, Any]]:
            cols = _columns(conn, name)
            found = {}
            for row in conn.execute(f"SELECT * FROM {name} ORDER BY {order}"):
                record = dict(zip(cols, row, strict=True))
                if "article_id" in record:
                    record["article_id"] = texts[record["article_id"]]
                if name == "claims":
                    record["sources"] = json.loads(record["sources"])
                found[record.pop(cols[0])] = record
            return found

        return {
            "articles": sorted(conn.execute("SELECT fingerprint, text, deleted IS NOT NULL "
                                            "FROM articles")),
            "claims": table("claims"), "appearances": table("appearances"),
            "reviews": table("reviews"), "labels": sorted(self.rows(i, "SELECT key FROM labels")),
            "settings": table("settings", "key"), "dismissals": table("dismissals"),
            # every entry alike, not only its id: two copies writing one id each kept
            # their own (a claim left with no words, rv233); who met a conflict, and
            # when, is each copy's own, and so far the version both had changed too
            "history": sorted(conn.execute(
                "SELECT id, entity, entity_id, action, CASE action WHEN 'merge_conflict' "
                "THEN '' ELSE who END, CASE action WHEN 'merge_conflict' THEN '' ELSE at "
                "END, before, CASE action WHEN 'merge_conflict' THEN json_remove(after, "
                f"'$._base') ELSE after END FROM history WHERE {TRAVELLING}").fetchall()),
        }

    def settle(self) -> int:
        """Everyone merges everyone, in the final order, until nothing changes; returns
        the rounds that changed something."""
        # One clock: two rounds. Skewed clocks: a record merged from a winner and a
        # loser's own change keeps the winner's time, and with a clock behind, the next
        # merges can meet such results tied in time but built on other bases (one found
        # needed three rounds); four is a guard against a merge that never settles.
        most = 4 if any(self.skews) else 2
        rounds = 0
        before = [self.dump(i) for i in range(3)]
        while True:
            for i, j in self.final_order:
                self.merged(i, j)
            # (a round's dumps after are the next one's before: nothing comes between)
            after = [self.dump(i) for i in range(3)]
            if after == before:
                self.settled = after
                return rounds
            before = after
            rounds += 1
            assert rounds <= most, f"everyone merging everyone {most} times did not settle"

    def teardown_checks(self) -> None:
        self.settle()
        dumps = self.settled  # (the replicas as settle() dumped them last: unchanged since)
        for i in (1, 2):
            for part in dumps[0]:
                assert dumps[i][part] == dumps[0][part], f"{NAMES[i]}'s {part} differ"
        final = dumps[0]
        for table in ("claims", "appearances", "reviews"):
            assert set(final[table]) == self.made[table], f"{table} were lost or invented"
        assert set(final["labels"]) == self.made["labels"]
        assert set(final["dismissals"]) == self.dismissed[0] == self.dismissed[1]
        assert {k: (v["updated"], v["value"]) for k, v in final["settings"].items()} \
            == self.settings[0]
        if not any(self.skews):
            for (table, record_id), newest in self.newest.items():
                assert final[table][record_id]["updated"] == newest, \
                    f"{table} {record_id} lost its newest version"
        for i in range(3):
            self.check_history(i)
            self.check_file(i)
        hits = [self.hits(i) for i in range(3)]
        for i in (1, 2):
            assert hits[i] == hits[0], f"a search finds other words on {NAMES[i]}'s copy"

    def hits(self, i: int) -> dict[str, list[tuple]]:
        """What a project search finds on replica *i*, articles by text: its index must
        have followed every merge."""
        project = self.project(i)
        texts = dict(project.execute("SELECT id, fingerprint FROM articles").fetchall())
        return {query: sorted((hit.kind, texts.get(hit.article_id, hit.article_id),
                               hit.claim_id or "", hit.start, hit.end, hit.apart)
                              for hit in search.iter_hits(project, query))
                for query in SEARCHES}

    def check_history(self, i: int) -> None:
        """Every version any replica held is in this replica's history."""
        conn = self.project(i).conn
        told: set[tuple[str, str, str]] = set()
        columns = {t: _columns(conn, t) for t in ("claims", "appearances")}
        for entity, entity_id, *records in conn.execute(
                "SELECT entity, entity_id, before, after FROM history "
                "WHERE entity IN ('claim', 'appearance')"):
            table = "claims" if entity == "claim" else "appearances"
            for text in records:
                if text:
                    version = self.told.get((table, text))
                    if version is None:  # (each replica holds mostly the same entries)
                        record = json.loads(text)
                        version = self.told[(table, text)] = merge.version_key(
                            {c: record.get(c) for c in columns[table]})
                    told.add((table, entity_id, version))
        missing = self.seen - told
        assert not missing, f"{NAMES[i]}'s history does not explain {sorted(missing)[:3]}"

    def check_file(self, i: int) -> None:
        project = self.project(i)
        assert project.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert project.execute("PRAGMA foreign_key_check").fetchall() == []
        texts = dict(project.execute("SELECT id, text FROM articles").fetchall())
        for place in appearances.list_appearances(project, include_deleted=True):
            assert texts[place.article_id][place.start:place.end] == place.quote
        # (a claim live with no words is listed, exported, reviewable, and shown nowhere)
        assert project.execute(
            "SELECT id FROM claims c WHERE deleted IS NULL AND EXISTS (SELECT 1 FROM "
            "appearances p WHERE p.claim_id = c.id) AND NOT EXISTS (SELECT 1 FROM "
            "appearances p WHERE p.claim_id = c.id AND p.deleted IS NULL)").fetchall() == []


# The first file of each (first annotator, clock skew), made once a worker: making it (a
# new project's schema, an import, three claims) was a tenth of an example (fx118).
_TEMPLATES: dict[tuple[str, timedelta], tuple[Path, int, int, dict[str, set[str]]]] = {}


def _keep_template(machine: Replicas) -> None:
    """Keep *machine*'s first file, just made and closed, for the next examples."""
    folder = Path(_tmp_root()) / f"converge-templates-{os.getpid()}"
    if not _TEMPLATES:
        folder.mkdir(parents=True, exist_ok=True)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / f"{len(_TEMPLATES)}.tahqiq"
    shutil.copyfile(machine.paths[0], path)
    _TEMPLATES[(machine.names[0], machine.skews[0])] = (
        path, machine.clock.ticks, machine.made_ids,
        {key: set(ids) for key, ids in machine.made.items()})


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _tmp_root() -> str:
    """Project files in memory when the machine has a tmpfs: thousands of small files."""
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else os.environ.get("TMPDIR", "/tmp")


def _patch(clock: Clock, new_uuid) -> Any:
    """Put *clock* and *new_uuid* in place of the store's clock and uuid4; returns the undo."""
    undo, real = [], stamps.utcnow
    for name, module in list(sys.modules.items()):
        if name.startswith("store.") and getattr(module, "utcnow", None) is real:
            undo.append((module, "utcnow", real))
            module.utcnow = clock
    undo.append((uuid, "uuid4", uuid.uuid4))
    uuid.uuid4 = new_uuid

    def restore() -> None:
        for module, attr, value in undo:
            setattr(module, attr, value)
    return restore


class Converging(Replicas):
    def teardown(self) -> None:
        try:
            self.teardown_checks()
        finally:
            super().teardown()


# The examples in SHARDS tests of their own, each its share: one test of them all took
# 5-12 minutes, and held one of xdist's workers to the end of a suite the other had
# finished (with pyproject's --maxschedchunk 2, the idle worker takes the next shard). Each
# shard is a class of its own name, so the "ci" profile (derandomize) gives each its own
# seed: not the same examples five times.
SHARDS = 5
for _shard in range(SHARDS):
    _machine = type(f"Converging{_shard}", (Converging,), {"__module__": __name__})
    _machine.TestCase.settings = settings(
        max_examples=-(-EXAMPLES // SHARDS), stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    globals()[f"test_merges_converge_{_shard}"] = _machine.TestCase
del _shard, _machine


# -- what the state machine found, kept as plain tests --------------------------------------
def test_the_same_suggestion_dismissed_on_both_sides_converges(tmp_path):
    """Found by the state machine: two annotators dismissing the same suggestion made
    one dismissal id with two authors and times, and each side kept its own for ever.
    The earlier dismissal now wins on both sides."""
    paths = [tmp_path / f"{name}.tahqiq" for name in NAMES[:2]]
    with Project.open(paths[0], NAMES[0]) as project:
        article = importing.import_text(project, TEXTS[0]).article
        claim = appearances.create_claim(project, article.id, 0, 10, "verified").claim_id
    shutil.copyfile(paths[0], paths[1])
    for path, name in zip(paths, NAMES, strict=False):
        with Project.open(path, name) as project:
            known_claims.dismiss(project, article.id, claim, 20, 30)
    rows = []
    for i, path in enumerate(paths):
        with Project.open(path, NAMES[i]) as project:
            merge.merge_project(project, paths[1 - i])
            rows.append(project.execute("SELECT * FROM dismissals").fetchall())
    assert rows[0] == rows[1]
    assert rows[0][0][5] == NAMES[0]  # the first to dismiss it


def test_a_relabel_undone_under_skewed_clocks_settles():
    """Found by the state machine (3 December): amal's clock 3 s behind, chadi and amal
    relabel a claim, chadi merges an old copy of amal's file, badr relabels it to
    disputed and back to verified. Merged with badr's, the claim took amal's label
    (badr's verified is the version both built on: his own change is none) at badr's
    time, and such results, tied in time, met others built on other bases: a third round
    of everyone merging everyone still changed a label. Since a verdict set on both sides
    goes to the one set later, as the histories tell (not to the newer record), two
    rounds settle it; the state machine still allows four under skewed clocks."""
    machine = Converging()
    try:
        machine.start(skews=[-3, 0, 0], order=[(0, 1), (1, 2), (1, 0), (0, 2), (2, 0), (2, 1)])
        claim = machine.rows(0, "SELECT id FROM claims ORDER BY id")[0]
        for i, label in ((2, "disputed"), (0, "unchecked")):
            machine.act(i, claims.update_claim, claim, label=label)
        machine.rest(0)
        machine.save_copy(0)
        merge.merge_project(machine.project(2), machine.snapshots[0])
        machine.observe(2)
        for label in ("verified", "disputed", "verified"):
            machine.act(1, claims.update_claim, claim, label=label)
        assert machine.settle() <= 2
        labels_now = {machine.dump(i)["claims"][claim]["label"] for i in range(3)}
        assert len(labels_now) == 1
        machine.teardown_checks()  # and every other check of the state machine
    finally:
        Replicas.teardown(machine)
