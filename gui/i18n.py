"""The interface language: Tahqiq's Arabic translation, Qt's own, and right-to-left layout.

Translations ship as the Qt Linguist source (``resources/translations/tahqiq_ar.ts``)
and are read directly at start-up, so there is no compiled ``.qm`` to forget to build
or commit. English has one too, of counts only (``tahqiq_en.ts``: "%n match(es)" reads
"1 match", "2 matches"), read when the first count is shown. Qt's own strings
(standard buttons, file dialogs) come from the ``.qm`` files that ship inside PySide6.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from unicodedata import bidirectional

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

import resources
from store.errors import Named, counted_number, english
from store.text.display import isolated, isolated_whole

if TYPE_CHECKING:
    from store.core.records import Review

LANGUAGES = {"en": "English", "ar": "العربية"}
_installed: list[QTranslator] = []
_language = ["en"]  # the interface's, as install set it

# Qt's own file dialog (used where there is no native one) asks for these, and the
# qtbase_ar.qm that ships with PySide6 has no Arabic for them: Qt 6 gave "Look in:" and
# "Files of type:" a shortcut letter and moved the file types' words to a new class. Our
# translator answers whatever context asks, so the .ts holds them under Qt's contexts;
# marked here so that lupdate keeps them. Key sequences it asks for too ("Alt+Left")
# stay as they are: translated, they would no longer be keys.
QT_STRINGS_QTBASE_LACKS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    # Qt asks with the disambiguation "All other platforms", which TsTranslator does not
    # look at (and lupdate cannot read QT_TRANSLATE_NOOP3 in Python).
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


_PLACE = re.compile("%([1-9])")


def filled(template: str, *values: object) -> str:
    """*template* (a translated message) with %1, %2… given *values*, all in one pass, as
    Qt's QString.arg of several arguments: filled one after another, a name, title or
    quote holding «%2» took the next value into it («lab%2» read «labDisputed», rv191)."""
    def value(place: re.Match[str]) -> str:
        n = int(place.group(1))
        return str(values[n - 1]) if n <= len(values) else place.group()

    return _PLACE.sub(value, template)


def quoted(text: str) -> str:
    """*text* (a title, a quote) in «», isolated (FSI…PDI) in the line around it: an
    Arabic title in an English line put its closing mark on the wrong side."""
    return f"«{isolated(text)}»"


def review_line(review: Review, *, when: str = "") -> str:
    """A review in a line: ✓ or ✗, the reviewer, *when*, the comment. The line runs in the
    interface's direction, the name and the comment isolated in it: without, it took the
    direction of the comment's first letter, and an Arabic comment turned an English
    line around («متفق :18:13 omar ✓»)."""
    mark = "\u200f" if current() == "ar" else "\u200e"
    line = f"{mark}{'✓' if review.decision == 'accept' else '✗'} {isolated(review.reviewer)}"
    if when:
        line += f" {when}"
    return line + (f": {isolated_whole(review.comment)}" if review.comment else "")


def plural_form(language: str, n: int) -> int:
    """Which of a .ts message's numerus forms speaks of *n* things, in Qt's order for
    *language* (lupdate's numerus rules): Arabic has six (none, one, two, three to ten,
    eleven to ninety-nine, and a hundred and on, by the last two digits), English two."""
    if language.split("_")[0] == "ar":  # ("ar_EG", as Linguist may save it)
        tens = n % 100
        return (0 if n == 0 else 1 if n == 1 else 2 if n == 2 else 3 if 3 <= tens <= 10
                else 4 if tens >= 11 else 5)
    return 0 if n == 1 else 1


class TsTranslator(QTranslator):
    """A QTranslator over a parsed .ts file (context, source) → translation; a numerus
    message gives the form for the number asked about (Qt puts the number in for %n).

    *numerus_only*: only numerus messages are asked of it (English, whose file holds
    only the singular and plural of "%n thing(s)"), and the file is read when the first
    is: not at start-up, where no string is asked with a number."""

    def __init__(self, ts_text: str, *, numerus_only: bool = False):
        super().__init__()
        self.language = ""
        self.messages: dict[tuple[str, str], str | list[str]] = {}
        # ``session.tr`` and ``window.tr`` run in their class's context, which lupdate
        # cannot know from the variable name; the source text alone decides then.
        self.by_source: dict[str, str | list[str]] = {}
        self._unread: str | None = ts_text
        self._numerus_only = numerus_only
        if not numerus_only:
            self._read()

    def _read(self) -> None:
        import xml.etree.ElementTree as ET  # not at an English start-up

        root = ET.fromstring(self._unread or "<TS/>")
        self._unread = None
        self.language = root.get("language", "")
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source", "")
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [form.text or "" for form in node.findall("numerusform")]
                if forms and not all(forms):  # a form missing: the source, not a blank
                    continue
                text = forms or node.text
                if text:
                    self.messages[(name, source)] = text
                    self.by_source.setdefault(source, text)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": Qt takes an empty string as a translation and would show nothing.
        if self._numerus_only and n < 0:
            return None
        if self._unread is not None:
            self._read()
        text = self.messages.get((context, source)) or self.by_source.get(source)
        if isinstance(text, list):
            return text[min(plural_form(self.language, max(n, 0)), len(text) - 1)]
        return text

    def isEmpty(self) -> bool:
        return self._unread is None and not self.messages


def read_counts() -> None:
    """Read the file of count forms now, if not yet (English reads it at the first count
    shown, which was the first tag's: the editor's "History (%n)")."""
    for translator in _installed:
        if isinstance(translator, TsTranslator) and translator._unread is not None:
            translator._read()


def error_text(exc: BaseException | str) -> str:
    """A store error or message (store.errors.Message) in the interface language.

    They carry an English template and its parameters; the template is what the
    translation knows (context "store"), the parameters are data - except a parameter
    that is itself a message (a phrase inside a sentence), which is translated too.
    """
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if not template or params is None:
        return str(exc)
    translated_keys = {key for key, value in params.items()
                       if getattr(value, "template", None) or isinstance(value, Named)}
    params = {key: error_text(value) if getattr(value, "template", None)
              else value.names.get(_language[0], value) if isinstance(value, Named)
              else value for key, value in params.items()}
    problems = getattr(exc, "problems", None)
    if problems and "problems" in params:  # a refused CSV: translate each line's reason
        from store.exchange.csv_format import problem_list

        params = dict(params, problems=problem_list(problems, error_text))
    translated = QCoreApplication.translate("store", template, None,
                                            counted_number(template, params))
    try:
        if translated == template:  # English: "removed 1 line", not "1 line(s)"
            return english(template, params)
        # A value of no right-to-left letter set apart in the translated sentence: a
        # time, a file's name or a cell's value in an Arabic line had its digits and
        # quotes reordered by the words around it («19T10:00:00Z-06-2024», rv138). Words
        # of the sentence (phrases translated, a verdict's name) are left as they are.
        data = {key: isolated(value) if isinstance(value, str) and key not in translated_keys
                and _reordered(value) else value for key, value in params.items()}
        return translated.format(**data) if params else translated
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(exc)


def _reordered(text: str) -> bool:
    """Whether *text*, among right-to-left words, would have its own order changed: it
    holds no right-to-left letter, and more than a word of Latin letters and digits (an
    id, a key: set apart, it held controls that a copy into a terminal carried, rv139)."""
    return not _WORD.fullmatch(text) and not any(
        bidirectional(ch) in ("R", "AL") for ch in text)


_WORD = re.compile(r"[A-Za-z0-9_]*")


message_text = error_text  # the same translation serves store messages that are no errors


def ts_text(language: str) -> str | None:
    path = resources.FOLDER / "translations" / f"tahqiq_{language}.ts"
    return path.read_text("utf-8") if path.is_file() else None


def system_language(preferred: list[str] | None = None) -> str:
    """The interface's language at a first start: the first of the person's languages
    (the system's, in their order: LANGUAGE=fr:ar) that Tahqiq speaks. A Moroccan
    checker's French system listing Arabic second got English (rv107); a system that
    lists neither gets English."""
    for tag in QLocale.system().uiLanguages() if preferred is None else preferred:
        code = tag.replace("_", "-").split("-")[0].casefold()
        if code in ("ar", "en"):
            return code
    return "en"


def current() -> str:
    """The interface's language, as :func:`install` last set it."""
    return _language[0]


def number_locale(language: str) -> QLocale:
    """The locale Qt writes numbers in (a table's counts, a progress bar's percent):
    the interface's language in Western digits, as every other number in Tahqiq is
    written. An Egyptian or Saudi system's locale drew «٠ ١ ٢» in the claims table beside
    «2026-12-05» and a progress bar's «٣٧٪», in an English interface too (rv94). The
    system's own locale is kept when it is of that language and writes 0-9."""
    system = QLocale.system()
    wanted = QLocale.Language.Arabic if language == "ar" else QLocale.Language.English
    if system.language() == wanted and system.zeroDigit() == "0":
        return system
    return QLocale("ar_AE" if language == "ar" else "en_US")  # (ar_AE: 0-9, «1,234»)


def install(app: QApplication, language: str) -> str:
    """Switch the running application to *language* ("en" or "ar"); returns what was set.

    The translators already installed for *language* are kept: every window made
    (gui.app.create_window asks for its language) installed them anew, which read the
    Arabic file again and sent every widget of every window a LanguageChange, nothing
    of it translated again by then: 18 ms of each English window's CPU, 33 ms of an
    Arabic one's (fx124)."""
    language = language if language in LANGUAGES else "en"
    _language[0] = language
    if _installed_for[0] != (id(app), language):
        _install_translators(app, language)
    QLocale.setDefault(number_locale(language))
    # Mirror the frame, never the content: the reader still takes each paragraph's
    # direction from its own text.
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar"
                           else Qt.LayoutDirection.LeftToRight)
    return language


# The application and the language the translators installed are for
_installed_for: list[tuple[int, str] | None] = [None]


def _install_translators(app: QApplication, language: str) -> None:
    _installed_for[0] = (id(app), language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        from PySide6.QtCore import QLibraryInfo  # (not in English: its type, made at import)

        qt = QTranslator()  # (no parent: made per switch, it stayed with the app for good)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", folder):
            app.installTranslator(qt)
            _installed.append(qt)
    # English has a file too: the singular and plural of the "%n thing(s)" sources.
    text = ts_text(language)
    if text:
        ours = TsTranslator(text, numerus_only=language == "en")
        app.installTranslator(ours)
        _installed.append(ours)
