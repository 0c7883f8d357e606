"""Narrow exceptions the GUI and the command line turn into one-line messages.

The store raises; it never prints or shows. Each message is a complete sentence
a user can act on, so the command line can print ``str(exc)`` as it is.
"""

from __future__ import annotations

import re
import sqlite3

QUOTED_CHARS = 60  # of a user's value repeated in a message


def quoted(value: str, limit: int = QUOTED_CHARS) -> str:
    """*value* as a message repeats it: at most *limit* characters, and characters
    that do not show (controls, bidi overrides) spelled out, so a hostile value can
    neither bury the message nor reorder it on screen."""
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in value[:limit])
    return shown + ("…" if len(value) > limit else "")


PLURAL_MARK = "(s)"  # after a number's placeholder: "s" unless that number is one
_COUNTED = re.compile(r"\{(\w+)\}([^{}]*?)\(s\)")  # a placeholder, its noun's "(s)"


def english(template: str, params: dict[str, object]) -> str:
    """*template* filled in with *params*, as the English interface says it: a template
    names each counted noun once («removed {count} line(s)», «{units} unit(s) ({pairs}
    pair(s))»), and the translations key on that, but English reads «removed 1 line» and
    «removed 2 lines». Each «(s)» goes with the number just before it, or else with
    ``count`` («missing column(s): {columns}»)."""
    if PLURAL_MARK in template:
        template = _COUNTED.sub(lambda found: _counted(found, params), template)
        count = params.get("count")
        if PLURAL_MARK in template and isinstance(count, int) and not isinstance(count, bool):
            template = template.replace(PLURAL_MARK, "" if count == 1 else "s")
    return template.format(**params) if params else template


def counted_number(template: str, params: dict[str, object]) -> int:
    """The number *template*'s counted noun goes with — ``count``, else the first number
    followed by a noun's «(s)» — or -1: a translation gives the noun a form for each
    number (Arabic has six: «سطر واحد», «سطران», «3 أسطر», «11 سطرًا», «100 سطر»)."""
    count = params.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    for found in _COUNTED.finditer(template):
        number = params.get(found.group(1))
        if isinstance(number, int) and not isinstance(number, bool):
            return number
    return -1


def _counted(found: re.Match[str], params: dict[str, object]) -> str:
    name, between = found.group(1), found.group(2)
    number = params.get(name)
    if not isinstance(number, int) or isinstance(number, bool):
        return found.group(0)
    return f"{{{name}}}{between}{'' if number == 1 else 's'}"


class Message(str):
    """A sentence for the user that is also its translatable template.

    It *is* the English string (so the command line prints it and tests compare it
    as it is), and it carries ``template`` and ``params`` so an interface in another
    language can translate the template and fill in the data.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Message:
        message = super().__new__(cls, english(template, params))
        message.template = template
        message.params = params
        return message

    def given(self, **params: object) -> Message:
        """The same sentence with other values for some of its *params* (the same
        template: translated as this one is)."""
        return type(self).__new__(type(self), self.template, **{**self.params, **params})


class Named(str):
    """A parameter that is a name given in each language (a verdict label's): it is the
    English name, so the command line prints it, and ``names`` holds the others, which
    an interface in that language shows instead (a label's key is no name for anyone)."""

    names: dict[str, str]

    def __new__(cls, english_name: str, /, **names: str) -> Named:
        named = super().__new__(cls, english_name)
        named.names = names
        return named


class TahqiqError(Exception):
    """Base of every error the user may see as a message.

    The message is an English ``str.format`` *template* and its *params* (data: file
    names, numbers, ids, a user's quoted value), so ``str(exc)`` is the English
    sentence and the interface can show the template's translation with the same
    params (``gui.i18n.error_text``). ``scripts/extract_store_messages.py`` collects
    the templates for the translation file: they must be string literals.
    """

    def __init__(self, template: str, /, **params: object):
        self.template = template
        self.params = params
        super().__init__(english(template, params))


class ProjectError(TahqiqError):
    """The project file cannot be used."""


class NotAProject(ProjectError):
    """The file exists but is not a Tahqiq project (or not SQLite at all)."""


class WrongKinds(NotAProject):
    """An older file whose upgrade failed on values of a kind no Tahqiq writes (a text
    stored as bytes: store.core.soundness.wrong_kinds). It carries what was found,
    *problems*, so the merge and `check`, which upgrade a copy, say it in their own words
    without reading every row again."""

    def __init__(self, template: str, problems: list[str] | None = None, /,
                 **params: object):
        super().__init__(template, **params)
        self.problems = list(problems or [])  # (a default: an error sent between
        # processes is made again from its message alone)


class SchemaTooNew(ProjectError):
    """The project was written by a newer Tahqiq; opening it could damage it."""


class ProjectReadOnly(ProjectError):
    """A write was attempted on a project opened read-only."""


class StorageError(ProjectError):
    """SQLite failed to write (disk full, permissions, lock held too long)."""


class DatabaseProblem(ProjectError):
    """SQLite failed where no narrower error applies: most often a damaged page, read
    only when it is needed in a project too big to be checked whole when it opens
    (store.core.project.FULL_CHECK_UP_TO)."""


def database_problem(exc: Exception) -> DatabaseProblem:
    """*exc*, an sqlite3.Error no code expected, as the message a user can act on."""
    return DatabaseProblem("The project database reported a problem: {problem}. What was "
                           "saved before is kept; `tahqiq check` tells whether the file is "
                           "damaged.", problem=quoted(str(exc), 200))


def as_user_error(exc: BaseException) -> TahqiqError | None:
    """*exc* as a message for the user: itself if it is one, a DatabaseProblem if SQLite
    raised it, None if it is neither (a bug). For the interface, which holds no SQLite."""
    if isinstance(exc, TahqiqError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return database_problem(exc)
    return None


class IndexMissing(ProjectError):
    """An index of the schema that another program dropped while the project was open
    could not be made again (the project is read-only, or another program kept it busy)."""


class NotFound(TahqiqError):
    """Base for lookups by id that found nothing."""


class ArticleNotFound(NotFound):
    pass


class ClaimNotFound(NotFound):
    pass


class LabelNotFound(NotFound):
    pass


class AmbiguousLabel(LabelNotFound):
    """A name two labels answer to (labels.match_label)."""


class AmbiguousId(TahqiqError):
    """An id prefix matches more than one record."""


class InvalidSpan(TahqiqError):
    """Offsets that do not describe a non-empty span of the article's text."""


class DuplicateClaim(TahqiqError):
    """The same annotator tagged the same words with the same verdict again."""


class NoWordsLeft(TahqiqError):
    """A deleted claim whose words all became places of other claims (linked): restored,
    it would be live nowhere."""


class NotYourWords(TahqiqError):
    """Words someone else tagged: which words their claim holds is theirs to change (a
    review says what is wrong with them)."""


class ChangedSince(TahqiqError):
    """A step back (an undo or a redo) would overwrite a change made since, by someone
    else (a colleague's work merged in, another program)."""


class AppearanceNotFound(NotFound):
    pass


class QuoteNotFound(TahqiqError):
    """A quote (or its Nth occurrence) is not in the article's text."""


class InvalidSource(TahqiqError):
    """A source link is not an http(s) URL."""


class InvalidSetting(TahqiqError):
    """A project setting with a value it cannot take."""


class NotPublishable(TahqiqError):
    """A ClaimReview export without what publishing needs (the organisation, the URL)."""


class InvalidDay(TahqiqError):
    """A day given to count from is not a day (YYYY-MM-DD)."""


class InvalidLabel(TahqiqError):
    """A label definition is malformed (bad key, colour or duplicate)."""


class ImportRejected(TahqiqError):
    """An input file was refused; nothing was imported."""


class AnchorLost(TahqiqError):
    """New article text would orphan claims whose quotes can no longer be found."""

    def __init__(self, template: str, claim_ids: list[str] | None = None, /,
                 **params: object):
        super().__init__(template, **params)
        self.claim_ids = claim_ids or []  # (a default: an error sent between processes
        # is made again from its message alone)


class CsvRejected(ImportRejected):
    """A claims CSV was refused before anything was written.

    ``problems`` keeps every ``(line, reason)`` found, so the GUI can list them
    all; the message names the first few, so the command line can print it as is.
    """

    def __init__(self, template: str, problems: list[tuple[int, str]] | None = None, /,
                 **params: object):
        super().__init__(template, **params)
        self.problems = list(problems or [])


class ExportCancelled(TahqiqError):
    """The user stopped an export; a file being written was removed, not left half-done."""


class InvalidReview(TahqiqError):
    """A review decision other than accept or reject."""


class MergeCancelled(TahqiqError):
    """The user stopped a merge; nothing from the other file was kept."""


class ExportFailed(TahqiqError):
    """A file could not be written whole (no folder, no permission, no room); nothing
    was left under its name."""
