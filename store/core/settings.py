"""The project's own settings: who publishes its fact-checks, and where.

A ClaimReview is only publishable with its publisher and the address of the fact-check
(Google's required ``url`` and ``author``), so the project keeps the organisation's name
and a URL template in which ``{id}`` stands for the claim's id. The project's language
decides the language of verdict names in those exports. Settings live in the project file
(they travel with it and merge, newer value wins per setting), every change in the history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from store.core import history
from store.core.links import is_web_link, trimmed_link
from store.core.records import kept_name
from store.core.stamps import later_than
from store.errors import InvalidSetting, quoted

if TYPE_CHECKING:
    from store.core.project import Project

KEYS = ("organization", "url_template", "language")
LANGUAGES = ("ar", "en")


class ProjectSettings(NamedTuple):
    organization: str = ""
    url_template: str = ""  # e.g. https://factcheck.example/claims/{id}
    language: str = ""  # "ar" or "en"; empty: the language most of the articles are in

    @property
    def publishes_claimreview(self) -> bool:
        """Whether a ClaimReview can be complete: its publisher and its address known
        (a web address: a colleague's template, merged, may be none)."""
        return bool(self.organization and self.claim_url("id"))

    def claim_url(self, claim_id: str) -> str:
        """The claim's address, "" if the template gives no web address (a colleague's
        file, merged, can hold any template: «javascript:…» was published)."""
        url = self.url_template.replace("{id}", claim_id)
        return url if is_web_link(url) else ""


def get_settings(project: Project) -> ProjectSettings:
    """The settings; the organisation's name as kept (records.kept_name), even as an
    older Tahqiq stored it (ClaimReview's ``author.name`` carried its RLO, rv279)."""
    values = {key: value for key, value in project.execute(
        "SELECT key, value FROM settings") if key in KEYS}
    if "organization" in values:
        values["organization"] = kept_name(values["organization"])
    return ProjectSettings(**values)


def project_language(project: Project) -> str:
    """The setting, else the language of most articles, else English."""
    chosen = get_settings(project).language
    if chosen:
        return chosen
    # By the language, not its region or case: a page's «ar-EG» or «AR» is Arabic.
    row = project.execute(
        "SELECT lower(substr(language, 1, instr(replace(language, '_', '-') || '-', '-') - 1))"
        " AS primary_tag FROM articles WHERE deleted IS NULL AND language <> '' "
        "GROUP BY primary_tag ORDER BY count(*) DESC, primary_tag LIMIT 1").fetchone()
    return row[0] if row and row[0] in LANGUAGES else "en"


def update_settings(project: Project, **changes: str) -> ProjectSettings:
    """Change some settings; an empty value clears one."""
    unknown = set(changes) - set(KEYS)
    if unknown:
        raise InvalidSetting("There is no project setting called {name}.",
                             name=", ".join(sorted(unknown)))
    changes = {key: _as_stored(key, value) for key, value in changes.items()}
    _validate(changes)
    with project.transaction():
        before = get_settings(project)
        now = later_than(*(updated for key, updated in project.execute(
            "SELECT key, updated FROM settings") if key in changes))
        for key, value in changes.items():
            if getattr(before, key) == value:
                continue
            project.execute(
                "INSERT INTO settings (key, value, updated, updated_by) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                "updated = excluded.updated, updated_by = excluded.updated_by",
                [key, value, now, project.annotator])
            history.record(project, "settings", key, "edit", {"value": getattr(before, key)},
                           {"value": value}, at=now)
        return get_settings(project)


def acceptable(key: str, value: object) -> bool:
    """Whether *value* is one Tahqiq would set for setting *key* (a merge takes no other
    from a colleague's file: their «javascript:…» address took the place of mine; nor a
    value with spaces around it, which Tahqiq would have trimmed: « https://…» published
    nothing, and «ar » named verdicts in English, rv171)."""
    if not isinstance(value, str) or key not in KEYS or value != _as_stored(key, value):
        return False
    try:
        _validate({key: value})
    except InvalidSetting:
        return False
    return True


def _as_stored(key: str, value: str) -> str:
    """*value* as Tahqiq stores it for *key*: trimmed (an address pasted with the
    direction marks right-to-left text puts around it was refused for marks no one can
    see: they go, as from a claim's links); the organisation's name as an outlet is
    (records.kept_name: «Fact\x1b]0;owned\x07Check\u202e Unit» was published with its
    RLO in ClaimReview's author, rv279)."""
    if key == "organization":
        return kept_name(value)
    return trimmed_link(value) if key == "url_template" else value.strip()


def _validate(changes: dict[str, str]) -> None:
    template = changes.get("url_template")
    filled = (template or "").replace("{id}", "x")  # a brace left over is a mistyped {id}
    if template and ("{id}" not in template or "{" in filled or "}" in filled
                     or not is_web_link(filled)):
        raise InvalidSetting(
            "'{template}' is not a web address with {{id}} where the claim's id goes "
            "(like https://factcheck.example/claims/{{id}}).", template=quoted(template))
    language = changes.get("language")
    if language and language not in LANGUAGES:
        raise InvalidSetting("The project's language is ar or en, not '{language}'.",
                             language=quoted(language))
