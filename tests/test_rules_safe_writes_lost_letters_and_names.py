"""What the tests did not yet hold safe writing, lost letters, paths, progress, colours
and templates to (rv177's mutation testing): each test fails under a mutant that survived."""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

from store.core import colours, paths, settings
from store.core.progress import Ticker
from store.core.templates import start_like
from store.errors import ExportFailed, TahqiqError
from store.exchange.safe_write import atomic_write


@pytest.mark.parametrize(("code", "said"), [
    (errno.ENOTDIR, "the folder does not exist"),
    (errno.EROFS, "the folder or the file is read-only"),
    (errno.EDQUOT, "the disk is full"),
    (errno.ENOSPC, "the disk is full"),
    (errno.EFBIG, "the disk is full"),
])
def test_each_reason_a_user_can_act_on_is_said_in_words(tmp_path, monkeypatch, code, said):
    """A read-only disk (EROFS: a USB stick locked), a quota (EDQUOT: a shared server's
    home folder) and a path through a file (ENOTDIR) each said in the user's words, not
    as the operating system's English."""
    def refused(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refused)
    target = tmp_path / "claims.csv"
    with pytest.raises(ExportFailed) as caught:
        atomic_write(target, lambda tmp: tmp.write_text("new"))
    assert str(caught.value) == f"Could not write {target}: {said}."
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too


def test_a_path_through_a_file_says_the_folder_does_not_exist(tmp_path):
    (tmp_path / "report.csv").write_text("a file, not a folder")
    target = tmp_path / "report.csv" / "claims.csv"
    with pytest.raises(ExportFailed, match="the folder does not exist"):
        atomic_write(target, lambda tmp: tmp.write_text("new"))


def test_another_reason_is_the_operating_systems_sentence(tmp_path, monkeypatch):
    def refused(*_args, **_kwargs):
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))

    monkeypatch.setattr(os, "replace", refused)
    target = tmp_path / "claims.csv"
    with pytest.raises(ExportFailed) as caught:
        atomic_write(target, lambda tmp: tmp.write_text("new"))
    assert str(caught.value) == \
        f"Could not write {target}: {os.strerror(errno.ENAMETOOLONG)}."


def test_a_missing_folder_named_with_a_slash_is_said_missing_not_a_folder(tmp_path):
    """`-o exports/` where no «exports» is: the folder does not exist (it is no folder
    yet); `-o exports/` where it is: it is a folder."""
    with pytest.raises(ExportFailed, match="the folder does not exist"):
        atomic_write(f"{tmp_path}/exports/", lambda tmp: tmp.write_text("new"))
    (tmp_path / "exports").mkdir()
    with pytest.raises(ExportFailed, match="it is a folder"):
        atomic_write(f"{tmp_path}/exports/", lambda tmp: tmp.write_text("new"))


def test_the_data_is_on_the_disk_before_the_rename(tmp_path, monkeypatch):
    """A power cut just after the rename must not leave an empty export where
    yesterday's was: the temporary file is fsynced first."""
    order: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (order.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append("replace"),
                                                     real_replace(a, b))[1])
    atomic_write(tmp_path / "claims.csv", lambda tmp: tmp.write_text("new"))
    assert order == ["fsync", "replace"]


def test_writing_into_a_device_that_got_nothing_says_nothing_was_written(tmp_path):
    with pytest.raises(ExportFailed, match="nothing was written"):
        atomic_write(os.devnull, lambda tmp: None)


def test_writing_into_a_device_leaves_no_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    atomic_write(os.devnull, lambda tmp: tmp.write_bytes(b"claims"))
    with pytest.raises(RuntimeError):
        atomic_write(os.devnull, lambda tmp: (tmp.write_bytes(b"half"),
                                              (_ for _ in ()).throw(RuntimeError("stop"))))
    assert list(tmp_path.iterdir()) == []


def test_an_export_through_a_link_writes_the_file_it_points_to(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "claims.csv"
    real.write_text("old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    atomic_write(link, lambda tmp: tmp.write_text("new"))
    assert link.is_symlink() and real.read_text() == "new"


# --- lost_letters: what a sheet re-saved elsewhere may change without changing a word

from store.exchange import lost_letters  # noqa: E402


def test_a_cell_whose_line_ends_an_old_editor_made_cr_is_the_note_as_it_was():
    """A sheet re-saved by an editor that ends lines with a bare CR (classic Mac,
    some exports of Numbers): the note is unchanged, not an edit."""
    assert lost_letters.kept_in("UTF-8", "سطر أول\nسطر ثان", "سطر أول\rسطر ثان")
    assert lost_letters.alike("a\rb\r\nc") == "a\nb\nc"


def test_a_cell_composed_differently_is_alike_but_a_compatibility_form_is_not():
    """Composed and decomposed are one text (NFC); a ligature typed in the sheet
    («ﻻ» for «لا») is an edit the user made, not the same cell."""
    assert lost_letters.kept_in("UTF-8", "é", "e\u0301")
    assert not lost_letters.kept_in("UTF-8", "لا", "\ufefb")
    assert not lost_letters.kept_in("Windows-1256", "لا", "\ufefb")


def test_a_note_the_code_page_could_hold_whole_is_as_the_sheet_has_it():
    """Nothing in the note the file could lose: the edit is taken as typed, with no
    space put before it."""
    assert lost_letters.restored("ASCII", "plain note", "plain note edited") == \
        "plain note edited"
    assert lost_letters.restored("Windows-1256", "نص عربي", "نص عربي معدل") == "نص عربي معدل"


def test_a_note_pasted_twice_in_a_sheet_is_not_given_back_twice():
    """A note whose words all came back alike twice (pasted again after itself): its
    lost letters cannot be placed, the project's note is kept (None)."""
    note = "نزح ١٩٤٨ لاجئ إلى لبنان"
    saved = note.encode("cp1256", "replace").decode("cp1256")
    assert lost_letters.restored("Windows-1256", note, f"{saved} {saved}") is None


def test_a_lost_word_of_five_characters_with_its_space_is_given_back():
    """«١٩٤٨» alone, saved as «????», is the note's own (a space and four: the least
    that anchors), the editor's added word kept."""
    assert lost_letters.restored("Windows-1256", "١٩٤٨", "???? جديد") == "١٩٤٨ جديد"


def test_two_lost_characters_alike_are_too_few_to_give_back():
    """«١٩» saved as «??»: two «?» alike (three characters with the space) may be ones
    the editor typed; the project's note is kept rather than a guess, whichever way
    Windows wrote the digits."""
    assert lost_letters.restored("Windows-1256", "١٩", "?? x") is None


def test_a_note_too_costly_to_compare_is_kept_when_a_lost_word_is_left_in_it(monkeypatch):
    monkeypatch.setattr(lost_letters, "_WORK_MAX", 0)
    assert lost_letters.restored("Windows-1256", "نزح ١٩٤٨", "مختلف ???? كليا") is None
    assert lost_letters.restored("Windows-1256", "نزح ١٩٤٨", "مختلف تماما كليا") == \
        "مختلف تماما كليا"


@pytest.mark.parametrize("year", ["١٩٩٩", "۱۹۹۹"])
def test_digits_windows_wrote_as_their_value_are_given_back(year):
    """Windows' best fit wrote Arabic-Indic (and Persian) digits as «1999»: a note
    edited in such a sheet gets its own digits back."""
    assert lost_letters.restored("Windows-1256", f"في عام {year} م", "في عام 1999 م وبعده") \
        == f"في عام {year} م وبعده"


def test_only_what_the_code_page_lacks_counts_as_lost():
    """A «?» where the note had «!» is the editor's edit; a «9» where it had «٨» is too."""
    assert not lost_letters.kept_in("ASCII", "why!", "why?")
    assert lost_letters.kept_in("ASCII", "سؤال!", "????!")
    assert not lost_letters.kept_in("Windows-1256", "عام ١٩٤٨", "عام 1949")
    assert lost_letters.kept_in("Windows-1256", "عام ١٩٤٨", "عام 1948")


# --- paths: which files are taken as no project yet, and names the file system takes

def test_only_an_empty_file_holds_no_project_yet(tmp_path):
    """A colleague's copy that stopped after its first bytes is no empty file: it is
    never made a new project over."""
    empty, begun = tmp_path / "empty.tahqiq", tmp_path / "begun.tahqiq"
    empty.write_bytes(b"")
    begun.write_bytes(b"SQLite format 3\x00")
    assert paths.holds_no_project_yet(empty)
    assert not paths.holds_no_project_yet(begun)
    assert not paths.holds_no_project_yet(tmp_path / "missing.tahqiq")


def test_a_name_fits_with_its_journal_up_to_the_byte(tmp_path, monkeypatch):
    """255 bytes on most disks: a name whose «-journal» takes it to the limit exactly
    fits; an Arabic letter takes two bytes."""
    monkeypatch.setattr(paths, "longest_name", lambda folder: 20)
    assert paths.fits(tmp_path / ("a" * 5 + ".tahqiq"))          # 5 + 7 + 8 = 20
    assert not paths.fits(tmp_path / ("a" * 6 + ".tahqiq"))      # 21
    assert not paths.fits(tmp_path / ("ملف" + ".tahqiq"))        # 6 + 7 + 8 bytes
    assert paths.fits(tmp_path / ("a" * 9 + ".tahqiq"), "-wal")  # 9 + 7 + 4 = 20


def test_a_name_too_long_is_shortened_at_its_end(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "longest_name", lambda folder: 30)
    named = paths.name_beside(tmp_path / "fact-check-of-the-week.tahqiq", "-backup")
    assert named.name == "fact-che-backup.tahqiq"
    assert len(os.fsencode(named.name + "-journal")) == 30


def test_a_system_without_pathconf_is_taken_to_allow_255_bytes(tmp_path, monkeypatch):
    def no_pathconf(*_args):
        raise OSError(errno.EINVAL, "no")

    monkeypatch.setattr(os, "pathconf", no_pathconf)
    assert paths.longest_name(tmp_path) == 255


# --- progress

class _Cancelled(TahqiqError):
    def __init__(self) -> None:
        super().__init__("Stopped.")


def test_a_ticker_reports_zero_at_once_never_past_the_total_and_stops_only_on_false():
    said: list[tuple[int, int]] = []
    tick = Ticker(lambda done, total: said.append((done, total)), 5, _Cancelled)
    assert said == [(0, 5)]
    tick(7)  # (more done than counted: a bar never past its end)
    assert said[-1] == (5, 5)
    Ticker(lambda done, total: None, 3, _Cancelled)(1)  # None: go on
    with pytest.raises(_Cancelled):
        Ticker(lambda done, total: False, 3, _Cancelled)


# --- colours: WCAG 2's reference values

def test_luminance_and_contrast_are_wcags():
    assert colours.luminance("#FFFFFF") == pytest.approx(1.0)
    assert colours.luminance("#0A0A0A") == pytest.approx(10 / 255 / 12.92)
    assert colours.luminance("#808080") == pytest.approx(0.2158605, abs=1e-6)
    assert colours.luminance("#00FF00") == pytest.approx(0.7152)
    assert colours.luminance("#0000FF") == pytest.approx(0.0722)
    assert colours.luminance("#FF0000") == pytest.approx(0.2126)
    assert colours.contrast_ratio(0.0, 1.0) == pytest.approx(21.0)
    assert colours.contrast_ratio(1.0, 0.0) == pytest.approx(21.0)
    grey = colours.contrast_ratio(colours.luminance("#777777"), 1.0)
    assert grey == pytest.approx(4.48, abs=0.01)  # just short of AA's 4.5


@pytest.mark.parametrize(("background", "ink"), [
    ("#FFFF00", "#000000"), ("#000080", "#FFFFFF"), ("#FFA500", "#000000"),
    ("#8B0000", "#FFFFFF"), ("#2E7D32", "#FFFFFF")])
def test_the_ink_on_a_verdicts_colour_is_the_one_that_reads_best(background, ink):
    assert colours.ink_on(background) == ink


# --- templates

def test_a_project_is_started_like_another_in_an_empty_file(project, tmp_path):
    """An empty file (made by a file dialog, or `touch`) holds no project yet."""
    settings.update_settings(project, organization="مسبار")
    empty = tmp_path / "next.tahqiq"
    empty.write_bytes(b"")
    with start_like(empty, project) as new:
        assert settings.get_settings(new).organization == "مسبار"


def test_a_setting_tahqiq_would_not_take_is_not_copied_and_stamps_are_the_models(
        project, tmp_path):
    settings.update_settings(project, organization="Misbar",
                             url_template="https://misbar.example/c/{id}")
    project.execute("UPDATE settings SET value = 'javascript:alert(1)/{id}' "
                    "WHERE key = 'url_template'")
    stamps = dict(project.execute("SELECT key, updated FROM settings").fetchall())
    with start_like(tmp_path / "next.tahqiq", project, "huda") as new:
        assert settings.get_settings(new).url_template in ("", None)
        assert new.execute("SELECT updated FROM settings WHERE key = 'organization'"
                           ).fetchone()[0] == stamps["organization"]


# --- seeding

def test_a_new_project_and_an_empty_file_get_the_seed_articles_in_order(tmp_path):
    from store.core import articles
    from store.exchange import seeding

    seeds = seeding.seed_files()
    assert seeds == sorted(seeds) and seeds
    empty = tmp_path / "empty.tahqiq"
    empty.write_bytes(b"")
    with seeding.open_or_create(empty, "me") as project:
        listed = articles.list_articles(project)
        assert len(listed) == len(seeds)
