"""Rules found by mutating the last stop's late commits (rv274): a new project unmade only
when no one else has it or filled it (rv273), a pipe something writes to read whole
(rv273), terminal escape sequences taken whole (rv269), other countries' dollars, a
slowdown's side, one or two as no count and a month's day in the matcher (rv269, rv272),
and places an older Tahqiq left off their words found again in a merge (rv267)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from store.core import articles, settings
from store.core.paths import unmaking
from store.core.project import Project
from store.errors import ImportRejected
from store.exchange import importing
from store.exchange.importing import load_file

SENTENCE = "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون معاهدة للدفاع"


# -- unmaking a new project (store/core/paths.py) -----------------------------------------
def test_a_new_project_another_gave_a_setting_is_not_unmade(tmp_path):
    """A refused import into a new project another command or window had since given a
    setting (and nothing else) kept it: the setting is that one's work (rv273)."""
    path = tmp_path / "new.tahqiq"
    unmake = unmaking(path)
    with Project.open(path, "me") as other:
        settings.update_settings(other, organization="Misbar")
    unmake()
    with Project.open(path, "me", create=False) as project:
        assert settings.get_settings(project).organization == "Misbar"


def test_a_new_project_only_opened_is_unmade_whole(tmp_path):
    """A new project only opened (its labels made, nothing else) is no one's work: a
    refused import takes it away, its -wal and -shm with it, as before rv273."""
    path = tmp_path / "new.tahqiq"
    unmake = unmaking(path)
    Project.open(path, "me").close()
    unmake()
    assert sorted(os.listdir(tmp_path)) == []


def test_an_empty_file_made_a_project_is_emptied_again_not_deleted(tmp_path):
    """An empty file given as a new project (`touch new.tahqiq`) is emptied again, not
    deleted, when the import into it is refused (rv210), and nothing is left beside it."""
    path = tmp_path / "new.tahqiq"
    path.write_bytes(b"")
    unmake = unmaking(path)
    Project.open(path, "me").close()
    unmake()
    assert (sorted(os.listdir(tmp_path)), path.stat().st_size) == (["new.tahqiq"], 0)


def test_a_new_project_that_is_no_database_is_unmade(tmp_path):
    """What opening left that SQLite cannot read (a full disk's torn file) is no one's
    work: it goes, as before rv273."""
    path = tmp_path / "new.tahqiq"
    unmake = unmaking(path)
    path.write_bytes(b"not a database at all, only garbage " * 200)
    unmake()
    assert not path.exists()



def test_the_folders_made_for_a_new_project_never_written_go(tmp_path):
    """An import refused before its new project's file was written (its folders made)
    leaves no empty folders: with no file there, there is no one else's work to keep."""
    path = tmp_path / "made" / "for" / "new.tahqiq"
    unmake = unmaking(path)
    path.parent.mkdir(parents=True)
    unmake()
    assert not (tmp_path / "made").exists()

# -- a pipe (store/exchange/importing.py) -------------------------------------------------
def _piped(data: bytes, *pieces_after: bytes, pause: float = 0.2) -> tuple[int, threading.Thread]:
    """A pipe's reading end, *data* written at once and each of *pieces_after* later."""
    read, written = os.pipe()

    def write() -> None:
        os.write(written, data)
        for piece in pieces_after:
            time.sleep(pause)
            os.write(written, piece)
        os.close(written)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return read, writer


def test_a_pipe_past_the_size_streamed_is_read_whole(monkeypatch):
    """A piped text as big as a file is streamed from (4 MiB) is decoded whole: streamed,
    it would be read again from a pipe already emptied (c771481)."""
    monkeypatch.setattr(importing, "STREAM_FROM_BYTES", 300)
    text = "عنوان المقال\n" + "\n".join([SENTENCE] * 20)
    read, writer = _piped(text.encode("utf-8"))
    try:
        assert load_file(f"/dev/fd/{read}").text == text
    finally:
        writer.join(10)
        os.close(read)


def test_a_pipe_past_the_limit_in_pieces_is_refused_not_cut(monkeypatch):
    """A pipe holding more than Tahqiq imports, its bytes arriving in pieces that fill the
    limit exactly before the rest, is refused as too big, not imported cut at the limit."""
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 600)
    piece = ("ن" * 150).encode("utf-8")  # 300 bytes
    read, writer = _piped(piece, piece, piece)
    try:
        with pytest.raises(ImportRejected, match="holds more than"):
            load_file(f"/dev/fd/{read}")
    finally:
        writer.join(10)
        os.close(read)


def test_a_named_pipe_nothing_writes_to_is_refused_at_once(tmp_path):
    """`tahqiq import fifo.txt` with nothing writing to it is refused at once (rv261,
    rv273), not after a writer comes and goes: it waited for ever."""
    os.mkfifo(pipe := tmp_path / "fifo.txt")
    refused: list[str] = []

    def load() -> None:
        try:
            load_file(pipe)
        except ImportRejected as exc:
            refused.append(str(exc))

    reading = threading.Thread(target=load, daemon=True)
    started = time.monotonic()
    reading.start()
    reading.join(5)
    waited = time.monotonic() - started
    if reading.is_alive():  # (let it go)
        with open(pipe, "wb"):
            pass
        reading.join(5)
    assert waited < 5 and refused == [
        "fifo.txt is not a saved file (it is a pipe nothing writes to, a socket or a "
        "device); it was not imported."]


# -- terminal escape sequences (store/text/clean.py) -------------------------------------
def test_a_text_with_8_bit_csi_codes_and_no_esc_loses_them_whole():
    """A text whose colour codes are 8-bit CSIs only, with no ESC anywhere («\\x9b1;31m»,
    a bracketed paste's «\\x9b200~»), loses each whole: looked for only where an ESC was,
    «1;31m» stayed in the article (rv269)."""
    from store.text.clean import clean_note, clean_text

    raw = "قال الوزير إن الاتفاق \x9b1;31mمهم جدا\x9b0m \x9b200~حقا\x9b201~."
    cleaned = clean_text(raw)
    assert cleaned.text == "قال الوزير إن الاتفاق مهم جدا حقا."
    assert cleaned.changes == ["removed 4 terminal escape sequences (colour codes, window "
                               "titles)"]
    assert clean_note("see \x9b8mهنا\x9b0m") == "see هنا"


# -- the matcher (store/text/claim_words.py, matching.py) --------------------------------
def _offered(claim: str, said: str) -> list[str]:
    """The claims offered in *said*, the claim *claim* (Disputed) known."""
    from store.text.matching import ClaimIndex, KnownClaim

    index = ClaimIndex([KnownClaim("c", claim, "disputed", "desk"),
                        KnownClaim("friend", "أعز صديق للشعب الكوري", "", "sample")])
    return [s.claim_id for s in index.find(said)]


_SLOWING = ["slow", "slowed", "slows", "slowing", "slowdown", "eased", "تباطأ", "تباطأت",
            "يتباطأ", "تتباطأ", "تباطؤ"]
_SPEEDING = ["accelerated", "accelerate", "accelerates", "accelerating", "تسارع", "تسارعت",
             "يتسارع", "تتسارع"]


@pytest.mark.parametrize("word, side", [*((word, 1) for word in _SLOWING),
                                        *((word, 0) for word in _SPEEDING)])
def test_every_form_of_a_slowdown_falls_and_of_a_speeding_up_rises(word, side):
    """Each form the rule lists takes its side, said with «growth» too (which yields to
    it): one left out made "growth slows" a rise again, offered for "growth rose" (rv272)."""
    from store.text.claim_words import sides_in
    from store.text.fold import fold

    assert sides_in(fold(word).text.split()) == {(0, side)}
    assert sides_in(fold(f"growth {word} النمو").text.split()) == {(0, side)}


@pytest.mark.parametrize("claim, said", [
    ("Growth rose to 3% in 2024", "Growth slows to 3% in 2024."),
    ("Growth rose to 3% in 2024", "Growth eased to 3% in 2024."),
    ("ارتفع النمو الاقتصادي إلى 3% في 2024", "يتباطأ النمو الاقتصادي إلى 3% في 2024."),
    ("Growth slowed to 3% in 2024", "Growth accelerates to 3% in 2024."),
])
def test_a_slowdown_is_not_offered_for_a_rise(claim, said):
    """"growth slows", «يتباطأ النمو» are no rise: not offered for "growth rose" (rv272)."""
    assert _offered(claim, said) == []


@pytest.mark.parametrize("claim, said", [
    ("21 people were killed in Rafah on 26 May", "26 May: 21 people were killed in Rafah."),
    ("قتل 21 شخصا في رفح في 26 مايو", "26 مايو: قتل 21 شخصا في رفح."),
])
def test_a_count_after_a_day_and_month_that_open_the_text_is_a_count(claim, said):
    """A count after «26 May» said first in a text (the day its first word) is no second
    day: «On 26 May, 21 people» read 21 as a day and was refused (rv272)."""
    assert _offered(claim, said) == ["c"]


# -- places an older Tahqiq left off their words, merged (store/exchange/merge.py) --------
def _older_restore(tmp_path, gone: bool, twin: bool = False, after: str = ""):
    """Alice's project, and Bob's whose place of a claim a Tahqiq of 1-4 December left
    at its old text's offsets and context (its words gone from the new text, or moved); *twin*: a
    second live place of that claim already holds the words where they are now; *after*:
    words the new text has right after them."""
    from test_merge import restored_off_its_words

    from store.exchange.seeding import open_or_create

    alice = open_or_create(tmp_path / "alice.tahqiq", "alice")
    made = restored_off_its_words(open_or_create(tmp_path / "bob.tahqiq", "bob"), gone,
                                  after=after, twin=twin, context=True)
    return alice, made


@pytest.mark.parametrize("gone", [False, True])
def test_a_place_found_again_or_left_out_is_said_in_history_as_mine(tmp_path, gone):
    """The merge's change to such a place is the merging person's, now: its history entry
    is a «reanchor» when its words are found again, a «delete» when they are gone (what
    History shows and a later merge reads), and the place is updated by them (rv267)."""
    from store.core import appearances
    from store.exchange.merge import merge_project

    alice, made = _older_restore(tmp_path, gone)
    try:
        merge_project(alice, tmp_path / "bob.tahqiq")
        place = appearances.get_appearance(alice, made.id)
        assert (place.updated_by, place.deleted_by) == ("alice", "alice" if gone else None)
        entries = alice.conn.execute(
            "SELECT action, who FROM history WHERE entity = 'appearance' AND entity_id = ? "
            "AND who = 'alice'", [made.id]).fetchall()
        assert [tuple(e) for e in entries] == [("delete" if gone else "reanchor", "alice")]
    finally:
        alice.close()


def test_a_place_whose_words_another_place_of_its_claim_holds_is_left_out(tmp_path):
    """Found again where a live place of its claim already stands, the place is left out
    (merged untagged), not made a second place on the same words (rv267)."""
    from store.core import appearances
    from store.exchange.merge import merge_project

    alice, made = _older_restore(tmp_path, gone=False, twin=True)
    try:
        summary = merge_project(alice, tmp_path / "bob.tahqiq")
        assert (summary.places_found_again, summary.places_left_out) == (0, 1)
        assert appearances.get_appearance(alice, made.id).is_deleted
        live = alice.conn.execute(
            "SELECT start, \"end\" FROM appearances WHERE claim_id = ? AND deleted IS NULL",
            [made.claim_id]).fetchall()
        assert len(live) == 1
    finally:
        alice.close()



def test_a_place_found_again_takes_the_context_of_its_new_text(tmp_path):
    """A place found again in a text whose words after it changed too takes the prefix and
    suffix its new text gives it: kept, a stale suffix made the merged project one every
    later merge of it refuses as another program's (rv254, rv267)."""
    from store.core import appearances
    from store.core.article_texts import check_places
    from store.exchange.merge import merge_project

    alice, made = _older_restore(tmp_path, gone=False, after=" حقا وفعلا")
    try:
        summary = merge_project(alice, tmp_path / "bob.tahqiq")
        assert summary.places_found_again == 1
        place = appearances.get_appearance(alice, made.id)
        text = articles.get_article(alice, place.article_id).text
        assert place.suffix and text[place.end:].startswith(place.suffix)
        assert text[:place.start].endswith(place.prefix)
        assert check_places(alice.conn) == (0, None, [])
    finally:
        alice.close()
