"""GUI pieces without the window: offsets, item models, undo commands on a bare stack."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from conftest import ROOT, fresh, on_screen, reader_showing, stored, utf16_index
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QAbstractItemModelTester

from gui.commands import DeleteClaim, EditClaim, TagSpan
from gui.models import ArticleListModel, ClaimIdRole, ClaimsFilterModel, ClaimsTableModel
from gui.offsets import OffsetMap
from gui.session import Session
from store.core import appearances, articles

TEXT = "😀 مرحبا 🇸🇾 world 𝔘𝔫𝔦 end"


def test_offset_map_matches_utf16_on_non_bmp_text():
    offsets = OffsetMap(TEXT)
    for cp in range(len(TEXT) + 1):
        u16 = utf16_index(TEXT, cp)
        assert offsets.to_utf16(cp) == u16
        assert offsets.to_code_point(u16) == cp
    assert offsets.length_u16 == len(TEXT.encode("utf-16-le")) // 2


def test_offset_inside_a_surrogate_pair_snaps_to_the_character():
    offsets = OffsetMap("a😀b")
    assert offsets.to_code_point(2) == 1  # between the halves of 😀
    assert offsets.span_to_code_points(1, 2) == (1, 2)  # half a pair selects all of it


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_code_point_utf16_conversion_is_a_bijection(text):
    offsets = OffsetMap(text)
    seen = set()
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == utf16_index(text, cp)
        assert offsets.to_code_point(u16) == cp
        seen.add(u16)
    assert len(seen) == len(text) + 1
    assert offsets.same_units == all(offsets.to_utf16(cp) == cp for cp in range(len(text) + 1))


@pytest.mark.parametrize("text", ["بوتين وكيم في بيونغ يانغ", TEXT])
def test_a_readers_spans_are_made_at_once_as_one_by_one(qapp, text):
    """Without astral characters the places themselves serve as spans; with them each
    goes through the offset map: either way each reads as what span_for gives its claim."""
    from gui.reader import ArticleView
    from store.core.records import Place

    view = ArticleView()
    view.show_article("a", text, [], [])
    claims = [Place(f"c{at}", f"c{at}", "a", at, min(at + 3, len(text)), "disputed",
                    "me" if at % 2 else "omar", "t") for at in range(len(text))]
    view.highlighter.hidden_annotators = {"omar"}
    def fields(span):
        return span.id, span.start, span.end, span.label, span.annotator

    assert [fields(s) for s in view._visible_spans(claims)] == [
        fields(view.span_for(c)) for c in claims if c.annotator == "me"]
    view.deleteLater()


def test_a_long_article_is_highlighted_as_it_comes_into_view(qtbot, monkeypatch):
    """Past LAZY_BLOCKS paragraphs a block is formatted once it comes into view (opened,
    scrolled to, jumped to), and then just as it would have been at once."""
    from gui import reader
    from store.core.records import Label, Place

    paragraphs = [f"الفقرة {n} 😀 فيها كلام كثير" for n in range(reader.LAZY_BLOCKS + 50)]
    text = "\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    claims = [Place(f"c{n}", f"c{n}", "a", at + 7, at + 12, "disputed", "me", "t")
              for n, at in enumerate(starts)]
    labels = [Label("disputed", "Disputed", "#EF9A9A", 0)]

    def shown(lazy: bool) -> reader.ArticleView:
        return reader_showing(qtbot, monkeypatch, text, claims, labels,
                              reader.LAZY_BLOCKS if lazy else 10**6)

    def ranges(view, number):
        return [(r.start, r.length, r.format.background().color().name())
                for r in view.document().findBlockByNumber(number).layout().formats()]

    lazy, eager = shown(True), shown(False)
    last = len(paragraphs) - 1
    assert ranges(lazy, 0) == ranges(eager, 0) != []
    assert ranges(lazy, last) == [] != ranges(eager, last)
    lazy.select_span(starts[last], starts[last] + 5)  # a jump to the end
    lazy.viewport().repaint()
    assert ranges(lazy, last) == ranges(eager, last)
    bar = lazy.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # a scroll to the middle
    lazy.viewport().repaint()
    middle = lazy.firstVisibleBlock().blockNumber()
    assert 0 < middle < last and ranges(lazy, middle) == ranges(eager, middle) != []



def test_claims_changed_in_a_long_article_repaint_only_paragraphs_in_view(qtbot,
                                                                          monkeypatch):
    """A Tag All across a long article repainted every paragraph it touched, place by
    place: only those already shown are repainted now, the others are highlighted as
    they come into view, with the claims as they are then."""
    from gui import reader
    from store.core.records import Label, Place

    paragraphs = [f"الفقرة {n} فيها كلام كثير" for n in range(reader.LAZY_BLOCKS + 50)]
    text = "\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    labels = [Label("disputed", "Disputed", "#EF9A9A", 0)]
    view = reader_showing(qtbot, monkeypatch, text, [], labels, reader.LAZY_BLOCKS)
    repainted: list[int] = []
    painted = view.highlighter.rehighlightBlock
    monkeypatch.setattr(view.highlighter, "rehighlightBlock",
                        lambda block: (repainted.append(block.blockNumber()), painted(block)))
    claims = [Place(f"c{n}", f"c{n}", "a", at, at + 6, "disputed", "me", "t")
              for n, at in enumerate(starts)]
    view.update_claims(claims)
    assert repainted and len(set(repainted)) == len(repainted) < 30  # those in view
    last = len(paragraphs) - 1
    view.select_span(starts[last], starts[last] + 5)  # a jump to the end shows it
    view.viewport().repaint()
    formats = view.document().findBlockByNumber(last).layout().formats()
    assert [(r.start, r.length) for r in formats if r.format.background().style()] == [(0, 6)]


@pytest.mark.parametrize("lazy", [True, False])
def test_a_changed_claim_repaints_its_paragraph_alone(qtbot, monkeypatch, lazy):
    """A tag, a new verdict, an undo: the paragraph they change is repainted, not the
    whole reader (Qt 6 repaints everything in view when a highlighter re-formats one
    paragraph), and it shows its new highlight at once."""
    from gui import reader
    from store.core.records import Label, Place

    paragraphs = [f"الفقرة {n} 😀 فيها كلام كثير عن المعاهدة" for n in range(60)]
    text = "\n".join(paragraphs)
    labels = [Label("disputed", "Disputed", "#EF9A9A", 0),
              Label("verified", "Verified", "#A5D6A7", 1)]
    view = reader_showing(qtbot, monkeypatch, text, [], labels,
                          reader.LAZY_BLOCKS if lazy else 10**6)
    view.resize(500, 400)
    qtbot.wait(10)
    view.viewport().repaint()
    number = 3
    block = view.document().findBlockByNumber(number)
    where = view.blockBoundingGeometry(block).translated(view.contentOffset()).toRect()
    assert where.bottom() < view.viewport().height() / 2  # a paragraph near the top
    requested = []
    view.updateRequest.connect(lambda rect, dy: requested.append((rect, dy)))

    def colours():
        return {r.format.background().color().name() for r in block.layout().formats()}

    start = text.index(paragraphs[number]) + 7
    for label in ("disputed", "verified"):  # tagged, then relabelled
        view.update_claims([Place("c1", "c1", "a", start, start + 5, label, "me", "t")])
        assert colours() == {labels[label == "verified"].color.lower()}
    # Untagged (a place of another article is not shown here): the plain words again.
    view.update_claims([Place("c1", "c1", "elsewhere", start, start + 5, "verified", "me", "t")])
    assert colours() == set()
    qtbot.wait(1)
    assert len(requested) == 3 and all(dy == 0 for _, dy in requested)
    for rect, _ in requested:
        assert rect.top() >= where.top() - 1 and rect.bottom() <= where.bottom() + 1, \
            (rect, where)
    assert not view._layout._formats_only


@pytest.mark.parametrize("tails", [12, 0])  # paragraphs below it: in view, none
def test_a_change_that_rewraps_its_paragraph_repaints_what_moved(qtbot, monkeypatch, tails):
    """A disagreement is bold, and bold Latin words are wider: a tag or an undo can give
    a paragraph another number of lines, and move everything below it. What the person
    sees is then the reader as it now is (the single-paragraph repaint of update_claim
    left the old lines below the new paragraph, and the old last line at the end)."""
    from store.core.records import Label, Place

    labels = [Label("disputed", "Disputed", "#EF9A9A", 0),
              Label("verified", "Verified", "#A5D6A7", 1)]
    view = reader_showing(qtbot, monkeypatch, "", [], labels, 10**6)
    rewrapped = 0
    for width, words in itertools.product((380, 413, 447), range(8, 30)):
        view.resize(width, 300)
        paragraph = " ".join(f"word{n}" for n in range(words))
        text = "\n".join([*(f"filler {n}" for n in range(12)), paragraph,
                          *(f"tail {n}" for n in range(tails))])
        start, end = text.index(paragraph), text.index(paragraph) + len(paragraph)
        view.show_article("a", text, [Place("t", "t", "a", start, end, "verified",
                                            "colleague", "t")], labels)
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2 if tails else bar.maximum())
        qtbot.wait(20)
        block = view.document().findBlock(view.offsets.to_utf16(start))
        lines = block.layout().lineCount()
        mine = Place("m", "m", "a", start, end, "disputed", "me", "t")
        view.update_claims([mine])
        qtbot.wait(20)
        if block.layout().lineCount() == lines:
            continue  # the same lines in bold: nothing moved
        rewrapped += 1
        assert on_screen(view.viewport()) == fresh(view.viewport()), (width, words, "tagged")
        view.update_claims([mine._replace(article_id="elsewhere")])  # undone
        qtbot.wait(20)
        assert on_screen(view.viewport()) == fresh(view.viewport()), (width, words, "undone")
        if rewrapped == 3:
            break
    assert rewrapped  # some of these paragraphs took another line in bold


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=40),
       st.integers(0, 230), st.integers(0, 60))
def test_the_outline_index_finds_every_outline_sharing_a_range(spans, low, width):
    from gui.outlines import Outline, OutlineIndex

    items = [Outline(start, start + length, "#000") for start, length in spans]
    found = OutlineIndex(items).overlapping(low, low + width)
    # (each once: the same words known as several claims are outlined once)
    assert len(found) == len(set(found))
    assert set(found) == {o for o in items if o.start < low + width and o.end > low}


def test_a_paint_measures_the_outlines_in_view_only(qtbot, monkeypatch):
    """Thousands of suggestions in a long article: a paint draws those in view, all of
    them, and measures no other."""
    from gui import outlines, reader

    paragraphs = [f"الفقرة {n} 😀 فيها كلام كثير" for n in range(3000)]
    text = "\n".join(paragraphs)
    view = reader.ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_article("a", text, [], [])
    view.set_suggestions([(text.index(p) + 7, text.index(p) + 14, "#EF9A9A")
                          for p in paragraphs])
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    measured: list[tuple[int, int]] = []
    rects = outlines.rects

    def spy(v, start, end):
        measured.append((start, end))
        return rects(v, start, end)

    monkeypatch.setattr(outlines, "rects", spy)
    view.viewport().grab()  # painted now
    in_view = [(o.start, o.end) for o in view._outlines if rects(view, o.start, o.end)]
    assert 5 < len(in_view) < 100
    assert set(in_view) <= set(measured) and len(measured) < len(in_view) + 5

@pytest.fixture
def session(qapp, sample_project):
    s = Session(sample_project)
    yield s
    s.close()  # its project too: a session left open answered the application's
    # state changes of later tests on a closed project


def test_models_pass_the_item_model_tester(session, sample_article):
    table = ClaimsTableModel(session)
    QAbstractItemModelTester(table, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    listing = ArticleListModel(session)
    QAbstractItemModelTester(listing, QAbstractItemModelTester.FailureReportingMode.Fatal)
    table.set_article(sample_article.id)
    first = session.create_claim(sample_article.id, 10, 20, "verified")
    session.create_claim(sample_article.id, 30, 40, "disputed")
    assert table.rowCount() == 2 and listing.rowCount() == 1
    session.update_claim(first.id, note="changed")
    assert table.data(table.index(0, 2)) == "changed"
    session.delete_appearance(first.id)
    assert table.rowCount() == 1
    proxy.set_label_filter("verified")
    assert proxy.rowCount() == 0
    assert table.rowCount(table.index(0, 0)) == 0


def test_commands_on_a_bare_undo_stack(session, sample_article):
    stack = QUndoStack()
    tag = TagSpan(session, sample_article.id, 5, 15, "unchecked")
    stack.push(tag)
    claim = session.appearance(tag.appearance_id)
    stack.push(EditClaim(session, claim, label="verified"))
    stack.push(DeleteClaim(session, claim.id))
    assert appearances.list_appearances(stored(session)) == []
    stack.undo()
    back = session.appearance(claim.id)
    assert back.label == "verified" and not back.is_deleted
    stack.undo()
    assert session.appearance(claim.id).label == "unchecked"
    stack.undo()
    assert appearances.list_appearances(stored(session)) == []
    stack.redo()
    back = appearances.list_appearances(stored(session))
    assert [c.id for c in back] == [claim.id]  # the same claim back


def test_a_refused_command_is_not_recorded_and_is_reported(session, sample_article):
    stack = QUndoStack()
    messages: list[str] = []
    session.errorOccurred.connect(messages.append)
    stack.push(TagSpan(session, sample_article.id, 5, 5, "verified"))  # empty span
    assert stack.count() == 0
    assert messages and "Span" in messages[0]


def test_session_notices_another_writer(session, sample_article, tmp_path):
    from store.core.project import Project

    other = Project.open(session.path, "colleague")
    resets: list[bool] = []
    session.claimsReset.connect(lambda: resets.append(True))
    assert session.refresh() is False
    appearances.create_claim(other, sample_article.id, 0, 5, "verified")
    assert session.refresh() is True and resets == [True]
    other.close()
    assert articles.get_article(stored(session), sample_article.id)


def test_claims_model_sorts_itself_and_keeps_rows_in_place(session, sample_article):
    table = ClaimsTableModel(session)
    QAbstractItemModelTester(table, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy = ClaimsFilterModel()
    proxy.setSourceModel(table)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    table.set_article(sample_article.id)
    made = [session.create_claim(sample_article.id, start, start + 5, label)
            for start, label in ((50, "verified"), (10, "disputed"), (30, "unchecked"))]
    assert [table.claim_at(r).start for r in range(3)] == [10, 30, 50]  # reading order
    kept = QPersistentModelIndex(table.index(table.row_of(made[0].id), 0))
    proxy.sort(1)  # by verdict: unchecked, verified, disputed (label order)
    assert [table.claim_at(r).label for r in range(3)] == ["unchecked", "verified", "disputed"]
    assert table.claim_at(kept.row()).id == made[0].id
    session.update_claim(made[1].id, label="unchecked")  # moves to its sorted place
    assert [table.claim_at(r).label for r in range(3)] == ["unchecked", "unchecked", "verified"]
    assert table.claim_at(kept.row()).id == made[0].id
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [table.claim_at(r).start for r in range(3)] == [50, 30, 10]
    session.create_claim(sample_article.id, 40, 45, "verified")
    assert [table.claim_at(r).start for r in range(4)] == [50, 40, 30, 10]
    assert [proxy.index(r, 0).data(ClaimIdRole) for r in range(4)] == [
        table.claim_at(r).id for r in range(4)]


def test_the_window_takes_the_interpreter_back_from_workers_quickly(qapp):
    """A worker thread (import, export, merge) holds the interpreter until asked: at
    Python's default 5 ms every Qt call of the window that lets go of it waits so long."""
    import sys

    from gui.app import SWITCH_INTERVAL_S, ensure_app

    ensure_app()
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert SWITCH_INTERVAL_S <= 0.001


_POOL_PROBE = """
import os, sys
from PySide6.QtGui import QColor, QImage, QPainter
if sys.argv[1] == "app":
    from gui.app import ensure_app
    ensure_app()
else:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
painter.fillRect(0, 0, 400, 400, QColor(10, 20, 30, 128))  # 400 lines, blended
painter.end()
print(sum(open(f"/proc/self/task/{t}/comm").read().strip() == "Thread (pooled)"
          for t in os.listdir("/proc/self/task")))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed by /proc")
def test_the_window_paints_on_its_own_thread_not_through_qts_pool():
    """Qt hands a fill of more than 96 lines to its GUI thread pool and waits: for a
    widget the hand-off cost more than the fill (each scroll bar of a tag). The app turns
    the pool off; bare Qt, the control, still starts it, so the probe can see it."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["PYTHONPATH"] = str(ROOT)

    def pooled_threads(how: str) -> int:
        run = subprocess.run([sys.executable, "-c", _POOL_PROBE, how], env=env,
                             capture_output=True, text=True, timeout=120, check=True)
        return int(run.stdout.split()[-1])

    assert pooled_threads("bare") > 0
    assert pooled_threads("app") == 0


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"),
                        (QPalette.ColorRole.Base, "#1e1e1e"),
                        (QPalette.ColorRole.Text, "#e0e0e0"),
                        (QPalette.ColorRole.WindowText, "#e0e0e0")):
        palette.setColor(role, QColor(color))
    return palette


@pytest.mark.parametrize("dark", [True, False])
def test_highlighted_words_read_on_a_dark_theme_as_on_a_light_one(qtbot, monkeypatch,
                                                                  dark):
    """Under a dark theme the words a checker tagged took the theme's light text on
    their verdict's pastel (1.0-1.3:1, hardly visible): every highlight's text, alone,
    overlapping, in a disagreement's stripes, and on a dark colour a project chose,
    reads at WCAG's 4.5:1 at least, whatever the theme."""
    import json

    from PySide6.QtGui import QColor

    from gui.contrast import contrast
    from store.core.records import Label

    shipped = json.loads((ROOT / "resources" / "labels.json").read_text("utf-8"))["labels"]
    labels = [Label(lab["key"], lab["name_en"], lab["color"], n)
              for n, lab in enumerate(shipped)] + [Label("ours", "Ours", "#303F9F", 9)]
    view = reader_showing(qtbot, monkeypatch, "كلام", [], labels, 10**6)
    if dark:
        view.setPalette(_dark_palette())
    theme_text = view.palette().color(view.palette().ColorRole.Text)
    keys = [label.key for label in labels]
    looks = [view.highlighter.look(key, depth) for key in keys for depth in (1, 2, 4)]
    # (Stripes of a pastel and a dark colour have no one text colour at 4.5:1 on both:
    # the shipped verdicts are all light.)
    looks += [view.highlighter.look(keys[0], 1, tuple(pair)) for pair in
              itertools.combinations(keys[:-1], 2)]
    for fmt in looks:
        text = theme_text if fmt.foreground().style() == Qt.BrushStyle.NoBrush else \
            fmt.foreground().color()
        brush = fmt.background()
        if brush.textureImage().isNull():
            backgrounds = [brush.color()]
        else:  # a disagreement's stripes: the text crosses each colour
            image = brush.textureImage()
            backgrounds = [QColor(image.pixel(x, 0)) for x in range(image.width())]
        assert min(contrast(text, back) for back in backgrounds) >= 4.5, (
            fmt.background().color().name(), text.name())


_SCALED_PROBE = """
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.icons import arrow_icon, color_icon, outline_swatch, swatch, tag_icon
pictures = [swatch("#9EE6A0"), outline_swatch("#9EE6A0"),
            tag_icon("#9EE6A0", "2").pixmap(QSize(22, 22), 2.0),
            arrow_icon(Qt.ArrowType.DownArrow, "#000000").pixmap(QSize(10, 10), 2.0),
            color_icon("#9EE6A0").pixmap(QSize(14, 14), 2.0)]
print(*[(p.devicePixelRatio(), p.width()) for p in pictures])
"""


def test_the_apps_own_icons_are_drawn_at_the_screens_scale():
    """On a 200% screen the verdicts' tags, the legend's swatches and the disclosure
    arrows were drawn at 1x and scaled up: soft next to the crisp text around them."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_SCALE_FACTOR="2",
               QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", _SCALED_PROBE], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split("\n")[-2] == "(2.0, 24) (2.0, 24) (2.0, 44) (2.0, 20) (2.0, 28)"


_STRIPES_PROBE = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.reader import stripes
picture = stripes(("#ff0000", "#00ff00")).texture()
image = picture.toImage()
print(picture.devicePixelRatio(), picture.width(),
      "".join("rg"[image.pixelColor(x, 0).green() > 128] for x in range(picture.width())))
"""


@pytest.mark.parametrize(("scale", "expected"), [
    ("1", "1.0 10 rrrrrggggg"), ("2", "2.0 20 rrrrrrrrrrgggggggggg")])
def test_a_disagreements_stripes_are_drawn_at_the_screens_scale(scale, expected):
    """rv85: at 200% the stripes behind two verdicts were drawn at 1x and scaled up, their
    edges steps of two pixels beside crisp text. Their tile is drawn at the screen's
    scale, the bands as wide as before."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_SCALE_FACTOR=scale,
               QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", _STRIPES_PROBE], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split("\n")[-2] == expected


def test_a_dark_verdict_is_seen_on_the_toolbar_and_in_outlines_on_a_dark_theme(qapp):
    """A verdict in a dark colour: its key on the toolbar tag was #111 on it (1.4:1 on
    navy), and its dashed outline in the reader its darker shade (1.01:1 on a dark
    reader). The key is black or white, whichever reads; the outline a shade that is
    seen, and on a light reader the darker shade as before."""
    from PySide6.QtGui import QColor

    from gui.contrast import MARK_CONTRAST, contrast, outline_on
    from gui.icons import tag_icon

    image = tag_icon("#1A237E", "4").pixmap(22, 22).toImage()
    centre = [QColor(image.pixel(x, y)) for x in range(7, 15) for y in range(6, 16)]
    assert any(c.lightness() > 200 for c in centre)  # the key drawn light on the navy
    dark, light = QColor("#1e1e1e"), QColor("#ffffff")
    for color in map(QColor, ("#1A237E", "#B71C1C", "#FFE082", "#A5D6A7", "#BDBDBD")):
        assert contrast(outline_on(color, dark), dark) >= MARK_CONTRAST
        assert outline_on(color, light) == color.darker(160)


def test_every_verdict_is_told_without_colour_on_its_own_line(qtbot, monkeypatch):
    """rv72: a disagreement's red wave is what tells it without colour, but Disputed was
    underlined by a wave too (a reader who does not tell red from green saw the two
    apart only by bold); a black or navy verdict's underline was its darker shade, black
    (1.0:1), and claims overlapping on it were the same black. Each verdict's underline
    is seen on its colour, no shipped verdict's is the wave, six verdicts have six
    lines, the shipped verdicts' lines are as before, and overlaps on a black verdict
    are seen."""
    import json

    from PySide6.QtGui import QColor, QTextCharFormat

    from gui.contrast import MARK_CONTRAST, contrast, outline_on
    from store.core.records import Label

    shipped = json.loads((ROOT / "resources" / "labels.json").read_text("utf-8"))["labels"]
    labels = [Label(lab["key"], lab["name_en"], lab["color"], n)
              for n, lab in enumerate(shipped)]
    labels += [Label(key, key, colour, 9 + n) for n, (key, colour) in enumerate(
        (("black", "#000000"), ("navy", "#101040"), ("grey", "#777777")))]
    view = reader_showing(qtbot, monkeypatch, "كلام", [], labels, 10**6)
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    styles = [view.highlighter.look(label.key, 1).underlineStyle() for label in labels]
    assert len(set(styles)) == len(labels) == 6  # (rv77: five styles, the sixth repeated)
    for label in labels:
        flat = view.highlighter.look(label.key, 1)
        if label.key in {lab["key"] for lab in shipped}:
            assert flat.underlineStyle() != wave, label.key
        assert contrast(flat.underlineColor(), QColor(label.color)) >= MARK_CONTRAST, label.key
        if label.key in {lab["key"] for lab in shipped}:
            assert flat.underlineColor() == QColor(label.color).darker(220)
        deeper = view.highlighter.look(label.key, 2).background().color()
        assert contrast(deeper, flat.background().color()) > 1.2, label.key
        for depth in (2, 3, 4):  # (the flat highlight's line: 1.8:1 under four, rv185)
            fmt = view.highlighter.look(label.key, depth)
            assert contrast(fmt.underlineColor(), fmt.background().color()) >= MARK_CONTRAST, \
                (label.key, depth)
    assert view.highlighter.look(labels[0].key, 1, ("verified", "disputed")
                                 ).underlineStyle() == wave
    page = QColor("#1e1e1e")
    assert contrast(outline_on(QColor("#000000"), page), page) >= MARK_CONTRAST


_UNDERLINE_PROBE = """
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.icons import underlined_swatch
styles = QTextCharFormat.UnderlineStyle
for style in (styles.DotLine, styles.DashUnderline, styles.SingleUnderline):
    image = underlined_swatch("#FFE082", style, QColor("#000000")).toImage()
    ratio = image.devicePixelRatio()
    xs = range(round(4 * ratio), round(22 * ratio))
    # the row of the line: about the baseline (9), inside the swatch's edge
    print(max(sum(image.pixelColor(x, y).lightness() < 100 for x in xs) / len(xs)
              for y in range(int(8 * ratio), int(10.5 * ratio))))
"""


@pytest.mark.parametrize("scale", ["1.25", "1.5", "2"])
def test_the_legends_dots_and_dashes_stay_apart_on_a_scaled_screen(scale):
    """On a 125%, 150% or 200% screen the legend's underlines were drawn with square ends,
    a pen's width longer at each end: Unchecked's dots were 2 pixels of ink to 1 of gap,
    read as dashes, and Disputed's dashes ran into a line with 1-pixel gaps (5/6 ink),
    as Verified's solid one, while the reader's own underlines stayed dots and dashes.
    The legend is the key to the underlines: its dots are dots at any scale."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_SCALE_FACTOR=scale,
               QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", _UNDERLINE_PROBE], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    dotted, dashed, solid = map(float, run.stdout.split())
    assert dotted < 0.5 and dashed < 0.75 and solid > 0.95, (dotted, dashed, solid)
