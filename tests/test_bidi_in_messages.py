"""A path or a link inside Arabic text keeps its order (rv81)."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import SAMPLE_QUOTE, tag_quote
from PySide6.QtWidgets import QApplication


def test_the_unreadable_name_file_is_isolated_left_to_right_in_the_question(qapp, monkeypatch):
    """«المحفوظ في /tmp/…/annotator.json.» drew the path's first slash at its end, and
    «C:\\Users\\سارة\\AppData…» with its folders swapped: the path runs left to right."""
    from PySide6.QtWidgets import QInputDialog

    from gui import dialogs

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda _parent, _title, label, _echo, text:
                        (asked.append(label), ("", False))[1])
    path = str(Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json")
    dialogs.ask_annotator(None, "", path)
    assert f"\u2066{path}\u2069" in asked[0]


def test_paths_and_file_names_are_set_apart_in_arabic_messages(qapp, tmp_path,
                                                               monkeypatch):
    """rv181: «Your name could not be saved in /…/annotator.json» drew the path's first
    slash at its end, an empty «2026-06.tahqiq» read «tahqiq.2026-06», and so did a path
    in «Something went wrong: …»: each is set apart, a path left to right."""
    from gui import dialogs, settings, uncaught
    from gui.app import open_window
    from gui.i18n import install

    install(qapp, "ar")
    try:
        path = str(Path(os.environ["XDG_CONFIG_HOME"]) / "tahqiq" / "annotator.json")
        assert f"\u2066{path}\u2069" in settings.name_not_kept()
        asked: list[str] = []
        monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: (
            asked.append(question), False)[1])
        empty = tmp_path / "2026-06.tahqiq"
        empty.write_bytes(b"")
        assert open_window(str(empty)) is None
        assert "\u20682026-06.tahqiq\u2069" in asked[0] and "فارغ" in asked[0]
        lost = FileNotFoundError(2, "No such file or directory")
        lost.filename = "/tmp/x"
        assert f"\u2068FileNotFoundError: {lost}\u2069" in uncaught.message(lost)
    finally:
        install(qapp, "en")


def test_a_source_links_tip_keeps_the_arabic_line_after_it_right_to_left(window):
    """The tip is one paragraph whose direction came from the link's first letter: the
    Arabic line after it («…اضغط Enter لفتحه…») was laid out left to right. Each line of
    the link is an isolate of its own, so the paragraph takes the sentence's direction."""
    from gui.i18n import install

    install(QApplication.instance(), "ar")
    try:
        tag_quote(window, SAMPLE_QUOTE, "disputed")
        place = window.session.appearance(window.current_claim_id())
        link = "https://example.org/" + "%D8%AE%D8%A8%D8%B1/" * 40
        window.session.update_claim(place.claim_id, sources=[link])
        window.select_claim(place.id)
        QApplication.processEvents()
        *lines, how = window.claims_panel.editor.sources.item(0).toolTip().split("\n")
        assert len(lines) > 1
        assert all(line.startswith("\u2066") and line.endswith("\u2069") for line in lines)
        assert not how.startswith("\u2066")
    finally:
        install(QApplication.instance(), "en")


def test_a_refused_link_with_a_backslash_keeps_its_order_in_arabic():
    """rv81: «'/https://who.int\\@evil.example'»: in the Arabic refusal the link's last
    slash was drawn at its front. The link is isolated left to right, in «»."""
    import pytest

    from gui.i18n import error_text, install
    from store.core.claims import validate_sources
    from store.errors import InvalidSource

    install(QApplication.instance(), "ar")
    try:
        with pytest.raises(InvalidSource) as refused:
            validate_sources(["https://who.int\\@evil.example/"])
        said = error_text(refused.value)
        assert "«\u2066" in said and "\u2069»" in said and "https://who.int" in said
    finally:
        install(QApplication.instance(), "en")


def test_labels_listed_in_an_arabic_message_are_set_apart_with_the_arabic_comma(project):
    """«التصنيفات: unchecked: Unchecked/لم يُتحقق منه, verified: …» ran each label's Arabic
    name into the next one's key, «disputed:» at the far end (rv143): each label is its
    Arabic name and key, set apart, and the list takes «، ». The command line's English
    is as it was."""
    import pytest

    from gui.i18n import error_text, install
    from store.core import labels
    from store.errors import LabelNotFound

    with pytest.raises(LabelNotFound) as refused:
        labels.find_label(project, "misleading")
    assert str(refused.value) == (
        "No label called 'misleading' (labels: unchecked: Unchecked/لم يُتحقق منه, verified: "
        "Verified/صحيح, disputed: Disputed/موضع خلاف).")
    install(QApplication.instance(), "ar")
    try:
        said = error_text(refused.value)
    finally:
        install(QApplication.instance(), "en")
    assert "\u2067لم يُتحقق منه (unchecked)\u2069، \u2067صحيح (verified)\u2069، " \
        "\u2067موضع خلاف (disputed)\u2069" in said


def test_an_arabic_label_name_beginning_with_latin_reads_before_its_key(project):
    """«COVID-19 خرافة (covid)» isolated by its first letter (FSI) was laid out left to
    right in the Arabic line: read from the right, the key came first and the name's
    words backwards. Each Arabic name and its key read right to left."""
    import pytest
    from PySide6.QtCore import Qt
    from test_gui_arabic import drawn_left_to_right

    from gui.i18n import error_text, install
    from store.core import labels
    from store.errors import LabelNotFound

    labels.add_label(project, "covid", "Covid myth", "#112233", name_ar="COVID-19 خرافة")
    with pytest.raises(LabelNotFound) as refused:
        labels.find_label(project, "misleading")
    install(QApplication.instance(), "ar")
    try:
        said = error_text(refused.value)
    finally:
        install(QApplication.instance(), "en")
    drawn = drawn_left_to_right(said, Qt.LayoutDirection.RightToLeft)
    # right to left: «COVID-19», then «خرافة», then the key (drawn at its left)
    assert drawn.index("covid") < drawn.index("COVID-19")
