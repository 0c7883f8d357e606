#!/usr/bin/env python3
"""Collect the store's error-message templates for translation.

Every ``TahqiqError`` (or subclass) raised in ``store/*.py`` takes an English
``str.format`` template as its first argument, a string literal (or a module-level
constant naming one, in the same module); the params are data.
This script finds those templates by reading the source (no store code runs besides
``store.errors``, to learn which names are error classes).

    python scripts/extract_store_messages.py
        print the unique templates, sorted, as a JSON list
    python scripts/extract_store_messages.py --ts resources/translations/tahqiq_ar.ts
        write or refresh the ``store`` context of that Qt Linguist file: translations
        already there for unchanged sources are kept, new sources are added as
        type="unfinished", sources no longer raised are dropped; interface strings
        that only moved to another class keep their approved translation, and those
        lupdate marked as vanished from the code are dropped
    ... --ts FILE --translations ar.json
        also fill in translations from a {template: translation} JSON object

Calls whose first argument is not a string literal (an f-string, a variable) are
reported on stderr: such a message cannot be translated.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import string
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = "store"


@dataclass(frozen=True)
class Found:
    template: str
    path: Path
    line: int


def error_class_names() -> set[str]:
    sys.path.insert(0, str(ROOT))
    from store import errors

    return {name for name, obj in vars(errors).items()
            if isinstance(obj, type) and issubclass(obj, errors.TahqiqError)} | {"Message"}


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def placeholders(template: str) -> set[str]:
    """The field names of a ``str.format`` template (ValueError if it is malformed)."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _text_constants(tree: ast.Module) -> dict[str, ast.Constant]:
    """The module's top-level ``NAME = "text"``: a template kept once as a constant (the
    words other modules compare ``StorageError.template`` with, rv278) is still one."""
    found: dict[str, ast.Constant] = {}
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign) else [node.target]
                   if isinstance(node, ast.AnnAssign) else [])
        value = getattr(node, "value", None)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.update((target.id, value) for target in targets
                         if isinstance(target, ast.Name))
    return found


def find_messages(store_dir: Path | None = None) -> tuple[list[Found], list[str]]:
    """Every template passed to an error class in *store_dir*, and problems found."""
    store_dir = store_dir or ROOT / "store"
    names = error_class_names()
    found: list[Found] = []
    problems: list[str] = []
    for path in sorted(store_dir.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        constants = _text_constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _call_name(node.func) not in names:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Name) and first.id in constants:
                first = constants[first.id]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                try:
                    fields = placeholders(first.value)
                except ValueError as exc:
                    problems.append(f"{where}: malformed template ({exc})")
                    continue
                given = {kw.arg for kw in node.keywords}
                if None not in given and fields - given:  # no **kwargs to hide them
                    problems.append(f"{where}: no value for {sorted(fields - given)}")
                found.append(Found(first.value, path, node.lineno))
            elif first is not None:
                problems.append(f"{where}: {_call_name(node.func)} message is not a "
                                f"string literal, so it cannot be translated")
    return found, problems


def templates(found: list[Found]) -> list[str]:
    return sorted({f.template for f in found})


# -- the .ts file -------------------------------------------------------------------------
_CONTEXT_RE = re.compile(r"<context>\s*<name>(.*?)</name>.*?</context>\n?", re.S)


Translation = str | list[str]  # a text, or a counted message's forms (Qt's numerus)


def existing_translations(ts_text: str) -> dict[str, tuple[Translation, str | None]]:
    """source → (translation, type) of the store context already in *ts_text*: a
    message whose noun agrees with a number (``numerus="yes"``) has one form for each
    of the language's numbers (Arabic: six)."""
    out: dict[str, tuple[Translation, str | None]] = {}
    for context in ET.fromstring(ts_text).iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None:
                continue
            forms = [form.text or "" for form in node.findall("numerusform")]
            out[message.findtext("source", "")] = (forms if message.get("numerus") == "yes"
                                                   else node.text or "", node.get("type"))
    return out


def context_block(found: list[Found], known: dict[str, tuple[Translation, str | None]],
                  ts_dir: Path) -> str:
    first: dict[str, Found] = {}
    for f in sorted(found, key=lambda f: (str(f.path), f.line)):
        first.setdefault(f.template, f)
    lines = ["<context>", f"    <name>{CONTEXT}</name>"]
    for template in sorted(first):
        f = first[template]
        text, kind = known.get(template, ("", "unfinished"))
        if not text or isinstance(text, list) and not all(text):
            kind = "unfinished"
        elif kind in ("vanished", "obsolete"):
            kind = None  # lupdate cannot see store/, so it marks these gone; they are not
        location = Path(os.path.relpath(f.path, ts_dir)).as_posix()
        type_attr = f' type="{kind}"' if kind else ""
        lines += ['    <message numerus="yes">' if isinstance(text, list) else "    <message>",
                  f"        <location filename={quoteattr(location)} line=\"{f.line}\" />",
                  f"        <source>{escape(template)}</source>"]
        if isinstance(text, list):
            lines += [f"        <translation{type_attr}>",
                      *(f"            <numerusform>{escape(form)}</numerusform>"
                        for form in text),
                      "        </translation>"]
        else:
            lines.append(f"        <translation{type_attr}>{escape(text)}</translation>")
        lines.append("    </message>")
    lines.append("</context>")
    return "\n".join(lines) + "\n"


_GONE_RE = re.compile(r"    <message>(?:(?!</message>).)*?"
                      r"<translation type=\"(?:vanished|obsolete)\".*?</message>\n", re.S)
_EMPTY_CONTEXT_RE = re.compile(r"<context>\s*<name>[^<]*</name>\s*</context>\n?")


_MESSAGE_RE = re.compile(r"<message>.*?</message>", re.S)
_SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION_RE = re.compile(r"<translation( type=\"(\w+)\")?>(.*?)</translation>", re.S)


def approve_moved(ts_text: str) -> str:
    """Strings that moved to another class keep their approved translation.

    lupdate offers the translation of the same source text from elsewhere (its
    same-text heuristic) but marks it unfinished; where that text is the translation
    already approved for the same source, it is approved here too.
    """
    approved: dict[str, set[str]] = {}
    for message in _MESSAGE_RE.findall(ts_text):
        source, translation = _SOURCE_RE.search(message), _TRANSLATION_RE.search(message)
        if source and translation and translation.group(2) != "unfinished" \
                and translation.group(3).strip():
            approved.setdefault(source.group(1), set()).add(translation.group(3))

    def approve(match: re.Match[str]) -> str:
        message = match.group()
        source, translation = _SOURCE_RE.search(message), _TRANSLATION_RE.search(message)
        if source and translation and translation.group(2) == "unfinished" \
                and translation.group(3) in approved.get(source.group(1), ()):
            return message.replace(' type="unfinished"', "", 1)
        return message

    return _MESSAGE_RE.sub(approve, ts_text)


def drop_gone(ts_text: str) -> str:
    """*ts_text* without the interface strings lupdate marked as gone from the code."""
    return _EMPTY_CONTEXT_RE.sub("", _GONE_RE.sub("", ts_text))


def refresh_ts(ts_text: str, found: list[Found], ts_dir: Path,
               translations: dict[str, Translation] | None = None) -> str:
    """*ts_text* with its store context replaced (or added, in name order), and without
    the interface strings that are gone from the code."""
    known = existing_translations(ts_text)
    for source, text in (translations or {}).items():
        if text:
            known[source] = (text, None)
    block = context_block(found, known, ts_dir)
    ts_text = drop_gone(approve_moved(ts_text))
    pieces = [m for m in _CONTEXT_RE.finditer(ts_text)]
    for m in pieces:
        if m.group(1) == CONTEXT:
            return ts_text[:m.start()] + block + ts_text[m.end():]
    for m in pieces:
        if m.group(1) > CONTEXT:
            return ts_text[:m.start()] + block + ts_text[m.start():]
    end = ts_text.rindex("</TS>")
    return ts_text[:end] + block + ts_text[end:]


def _same_placeholders(text: Translation, source: str) -> bool:
    """Whether a translation fills in what its source does: a counted form may leave
    the number out («سطر واحد», «سطران»: one line, two lines)."""
    if isinstance(text, str):
        return placeholders(text) == placeholders(source)
    left_out = {"count", *re.findall(r"\{(\w+)\}[^{}]*?\(s\)", source)}
    return all(placeholders(source) - left_out <= placeholders(form) <= placeholders(source)
               for form in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, help="Qt .ts file whose store context to refresh")
    parser.add_argument("--translations", type=Path,
                        help="JSON object {template: translation} to fill in (needs --ts)")
    args = parser.parse_args(argv)
    found, problems = find_messages()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.ts is None:
        if args.translations:
            parser.error("--translations needs --ts")
        json.dump(templates(found), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    given: dict[str, Translation] = {}
    if args.translations:
        given = json.loads(args.translations.read_text("utf-8"))
        wanted = set(templates(found))
        for source, text in given.items():
            if source not in wanted:
                print(f"warning: not a store template: {source!r}", file=sys.stderr)
            elif text and not _same_placeholders(text, source):
                print(f"warning: placeholders differ for {source!r}", file=sys.stderr)
    text = args.ts.read_text("utf-8")
    new = refresh_ts(text, found, args.ts.resolve().parent, given)
    ET.fromstring(new)  # still well-formed
    args.ts.write_text(new, "utf-8")
    done = existing_translations(new)
    unfinished = sum(1 for _, kind in done.values() if kind == "unfinished")
    print(f"{args.ts}: {len(done)} store message(s), {unfinished} unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
