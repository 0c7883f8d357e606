"""Store error messages are English templates with params, and all are translated."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from store.core import labels
from store.core.project import Project
from store.errors import (
    AnchorLost,
    CsvRejected,
    ImportRejected,
    LabelNotFound,
    Message,
    NotAProject,
    TahqiqError,
)
from store.exchange import csv_format, importing

ROOT = Path(__file__).resolve().parent.parent
TS_PATH = ROOT / "resources" / "translations" / "tahqiq_ar.ts"


def _extractor():
    spec = importlib.util.spec_from_file_location(
        "extract_store_messages", ROOT / "scripts" / "extract_store_messages.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


extractor = _extractor()


@pytest.fixture(scope="module")
def store_templates() -> list[str]:
    found, problems = extractor.find_messages()
    assert not problems, problems
    return extractor.templates(found)


@pytest.fixture(scope="module")
def ts_store() -> dict[str, ET.Element]:
    root = ET.fromstring(TS_PATH.read_text("utf-8"))
    out = {}
    for context in root.iter("context"):
        if context.findtext("name") == "store":
            for message in context.iter("message"):
                out[message.findtext("source")] = message.find("translation")
    return out


def test_the_extractor_finds_the_store_messages(store_templates):
    assert len(store_templates) > 40
    assert "{name} is empty." in store_templates
    assert "No label called '{name}' (labels: {known})." in store_templates
    for template in store_templates:
        extractor.placeholders(template)  # well-formed: no stray braces


def test_a_template_kept_as_a_module_constant_is_found(store_templates):
    """The words a failed write is said with are constants in store.core.project, which
    the import and the merge compare StorageError.template with (rv278): still found,
    so still translated."""
    from store.core import project

    for template in (project.DISK_FULL, project.PROJECT_BUSY, project.NOT_WRITTEN):
        assert template in store_templates


def test_every_store_template_has_an_arabic_translation(store_templates, ts_store):
    missing = [t for t in store_templates if t not in ts_store]
    assert not missing, f"run scripts/extract_store_messages.py --ts {TS_PATH}: {missing}"
    for template in store_templates:
        node = ts_store[template]
        assert node.get("type") is None, f"unfinished: {template!r}"
        forms = [form.text or "" for form in node.findall("numerusform")]
        if forms:  # a noun agreeing with a number: Arabic's six forms, each filled in
            assert len(forms) == 6 and all(forms), template
            assert extractor._same_placeholders(forms, template), template
        else:
            assert node.text and node.text.strip(), template
            assert extractor.placeholders(node.text) == extractor.placeholders(template), \
                template
        words = re.sub(r"\{\w*\}", "", template)
        if any(ch.isalpha() for ch in words):  # not a layout such as "{head}: {changes}"
            assert all(any("\u0600" <= ch <= "\u06ff" for ch in text)
                       for text in forms or [node.text]), template


def test_refreshing_keeps_translations_and_adds_new_sources_unfinished(tmp_path):
    found, _ = extractor.find_messages()
    text = TS_PATH.read_text("utf-8")
    again = extractor.refresh_ts(text, found, TS_PATH.parent)

    def without_locations(ts: str) -> list[str]:  # line numbers move with every edit
        return [line for line in ts.splitlines() if "<location " not in line]

    assert without_locations(again) == without_locations(text)  # up to date
    extra = extractor.Found("A brand-new {thing}.", ROOT / "store" / "labels.py", 1)
    grown = extractor.refresh_ts(text, [*found, extra], TS_PATH.parent)
    known = extractor.existing_translations(grown)
    assert known["A brand-new {thing}."] == ("", "unfinished")
    assert known["{name} is empty."] == extractor.existing_translations(text)["{name} is empty."]
    filled = extractor.refresh_ts(grown, [*found, extra], TS_PATH.parent,
                                  {"A brand-new {thing}.": "{thing} جديد تمامًا."})
    assert extractor.existing_translations(filled)["A brand-new {thing}."] == (
        "{thing} جديد تمامًا.", None)
    ET.fromstring(filled)


def _raised(call) -> TahqiqError:
    with pytest.raises(TahqiqError) as info:
        call()
    return info.value


def _check(exc: TahqiqError) -> None:
    assert exc.template.format(**exc.params) == str(exc)


@pytest.fixture
def real_errors(tmp_path, project) -> list[TahqiqError]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.tahqiq"
    junk.write_bytes(os.urandom(256))
    bad_csv = tmp_path / "claims.csv"
    bad_csv.write_text("not,a,tahqiq,csv\n1,2,3,4\n", "utf-8")
    errors = [
        _raised(lambda: importing.load_file(empty)),
        _raised(lambda: Project.open(junk, "tester")),
        _raised(lambda: labels.find_label(project, "no-such-verdict")),
        _raised(lambda: csv_format.import_claims_csv(project, bad_csv)),
    ]
    return errors


def test_real_errors_carry_their_template_and_params(real_errors, tmp_path):
    empty, junk, label, csv_rejected = real_errors
    assert isinstance(empty, ImportRejected)
    assert empty.template == "{name} is empty." and empty.params == {"name": "empty.txt"}
    assert str(empty) == "empty.txt is empty."
    assert isinstance(junk, NotAProject) and junk.params["name"] == "junk.tahqiq"
    assert isinstance(label, LabelNotFound)
    assert label.params["name"] == "no-such-verdict"
    assert str(label).startswith("No label called 'no-such-verdict' (labels: ")
    assert isinstance(csv_rejected, CsvRejected) and csv_rejected.problems
    assert csv_rejected.template == "{name} was not imported, nothing changed: {problems}."
    count = csv_format.MAX_LISTED_PROBLEMS + 3
    many = csv_format.rejection("claims.csv", [(2, "no quote")] * count)
    assert len(many.problems) == count and "3 more problems" in many.params["problems"]
    _check(many)
    for exc in real_errors:
        _check(exc)


def test_english_says_one_line_and_two_lines():
    """A template names its counted noun once, «line(s)», and translations key on that;
    English read «removed 1 line(s)» and «(1 article(s))» until it took the count's form."""
    one = Message("removed {count} line(s) of site boilerplate at the start or end: {lines}",
                  count=1, lines="(s) stays (s)")
    assert one == "removed 1 line of site boilerplate at the start or end: (s) stays (s)"
    assert one.template.count("(s)") == 1  # what the translation is found by
    assert [str(Message("removed {count} control character(s)", count=n)) for n in (0, 1, 2)] \
        == ["removed 0 control characters", "removed 1 control character",
            "removed 2 control characters"]
    assert str(AnchorLost("The new text no longer holds the words of {count} claim(s); "
                          "nothing changed.", ["a"], count=1)) \
        == "The new text no longer holds the words of 1 claim; nothing changed."
    assert Message("{count} file(s)", count="3") == "3 file(s)"  # a count that is no number
    assert Message("missing column(s): {columns}", columns="end") == "missing column(s): end"


def test_each_counted_noun_takes_its_own_number():
    """A sentence with two counts: each «(s)» goes with the number just before it (the
    agreement report said «1 claims» and «(1 pairs)»)."""
    said = Message("{units} unit(s) ({pairs} pair(s), {name} of {total} value(s))",
                   units=1, pairs=2, name="one", total=1)
    assert said == "1 unit (2 pairs, one of 1 value)"
    assert Message("{units} unit(s) ({pairs} pair(s))", units=3, pairs=1) == "3 units (1 pair)"
    assert Message("{done} done, {flag} file(s)", done=1, flag=True) == "1 done, True file(s)"
    # no number before it: the count given beside the names
    assert Message("missing column(s): {columns}", columns="end, quote", count=2) \
        == "missing columns: end, quote"


def test_subclasses_keep_their_extra_arguments():
    lost = AnchorLost("The new text no longer holds the words of {count} claim(s); "
                      "nothing changed.", ["a", "b"], count=2)
    assert lost.claim_ids == ["a", "b"]
    assert str(lost) == "The new text no longer holds the words of 2 claims; nothing changed."
    plain = TahqiqError("Literal {braces} stay when there are no params.")
    assert str(plain) == plain.template and plain.params == {}


def test_the_translator_shows_store_errors_in_arabic(real_errors, store_templates):
    from gui.i18n import TsTranslator

    translator = TsTranslator(TS_PATH.read_text("utf-8"))
    for template in store_templates:
        assert translator.translate("store", template), template
    for exc in real_errors:
        arabic = translator.translate("store", exc.template)
        assert arabic and arabic != exc.template
        shown = arabic.format(**exc.params)
        assert all(str(value) in shown for value in exc.params.values())
    assert translator.translate("store", "{name} is empty.").format(name="a.txt") == "a.txt فارغ."
