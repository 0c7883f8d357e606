"""`tahqiq --screenshot PNG [PROJECT]` from the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_QUOTE
from PySide6.QtGui import QColor, QImage

from store.core import appearances, articles
from store.core.paths import default_project_path
from store.exchange import seeding


def tahqiq_exe() -> str:
    exe = shutil.which("tahqiq", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("the tahqiq console script is not installed in this environment")
    return exe


def run_tahqiq(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([tahqiq_exe(), *args], capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def in_process(capsys, *args: str) -> subprocess.CompletedProcess:
    """`tahqiq ARGS` through the installed program's entry point (gui.launcher.main) in
    this process, as run_tahqiq reports it: for what the program says and its status,
    not for the process (a Qt process costs ~0.8 s of CPU to start). The screenshots of
    a project, of a scaled screen, with no display, in Arabic and the help on a full
    disk are still taken by the installed program."""
    from gui.launcher import main

    try:
        code = main(list(args))
    except SystemExit as done:  # (argparse's errors: the process's exit status)
        code = done.code if isinstance(done.code, int) else 1
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["tahqiq", *args], code, out, err)


def count_pixels(png: Path, color: str) -> int:
    image = QImage(str(png))
    target = QColor(color).rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) == target)


def test_screenshot_of_a_project_shows_its_highlights(tmp_path, qapp):
    path = tmp_path / "shot.tahqiq"
    project = seeding.open_or_create(path)
    article = articles.list_articles(project)[0]
    appearances.tag_quote(project, article["id"], SAMPLE_QUOTE, "disputed")
    project.close()
    png = tmp_path / "window.png"
    result = run_tahqiq("--screenshot", str(png), str(path))
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert count_pixels(png, "#FFB3B3") > 200  # the disputed highlight is drawn


def test_a_screenshot_waits_for_the_known_claims_answer(tmp_path, qtbot):
    """The Known Claims panel said «Looking for claims checked elsewhere…» in every
    screenshot: its answer comes from a thread a moment after the article is shown."""
    from gui.app import create_window, screenshot

    path = tmp_path / "known.tahqiq"
    seeding.open_or_create(path).close()
    window = create_window(path, remember=False)
    qtbot.addWidget(window)
    looking = window.known_claims.summary.text()
    assert looking.startswith("Looking for claims")
    assert screenshot(window, tmp_path / "known.png") is None
    assert not window.finder.busy()
    assert window.known_claims.summary.text() == "No claim checked elsewhere appears here."


def test_screenshot_without_arguments_creates_the_default_project(tmp_path, qapp, capsys):
    png = tmp_path / "first-run.png"
    result = in_process(capsys, "--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    assert png.exists() and default_project_path().exists()


def test_a_foreign_file_gives_one_line_and_is_left_untouched(tmp_path, qapp, capsys):
    path = tmp_path / "notes.tahqiq"
    path.write_bytes(b"just some bytes, not a database\n" * 10)
    before = path.read_bytes()
    result = in_process(capsys, "--screenshot", str(tmp_path / "x.png"), str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_screenshot_of_a_missing_project_makes_none(tmp_path, qapp, capsys):
    """A mistyped path left a new project there."""
    path = tmp_path / "mistyped.tahqiq"
    result = in_process(capsys, "--screenshot", str(tmp_path / "x.png"), str(path))
    assert result.returncode == 1 and "No project at" in result.stderr
    assert not path.exists() and not (tmp_path / "x.png").exists()


def test_a_screenshot_has_the_size_asked_for_and_changes_no_settings(tmp_path):
    config = Path(os.environ["XDG_CONFIG_HOME"])
    before = sorted(p for p in config.rglob("*")) if config.exists() else []
    png = tmp_path / "small.png"
    result = run_tahqiq("--screenshot", str(png), "--size", "900x640", "--lang", "ar")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (900, 640)
    after = sorted(p for p in config.rglob("*")) if config.exists() else []
    assert after == before  # no window size, panels, language or recent project saved
    default = run_tahqiq("--screenshot", str(png))
    assert default.returncode == 0, default.stderr
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (1280, 820)


def test_a_bad_size_is_one_line(tmp_path, capsys):
    result = in_process(capsys, "--screenshot", str(tmp_path / "x.png"), "--size", "huge")
    assert result.returncode == 2
    assert result.stderr.startswith("tahqiq: error: ") and "1280x820" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("size", ["400x300", "300x200"])
def test_a_size_smaller_than_the_window_allows_is_refused_not_ignored(tmp_path, size, qapp,
                                                                       capsys):
    """Under 320x240 the option's own range was said, and a size inside it was then
    refused by the window (rv222): every size too small is told the window's least."""
    png = tmp_path / "tiny.png"
    result = in_process(capsys, "--screenshot", str(png), "--size", size)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("tahqiq:")]
    assert lines and lines[0].startswith(f"tahqiq: error: the window cannot be {size}: "
                                         "it needs at least ")
    assert not png.exists()


def test_size_without_a_screenshot_is_a_usage_error(capsys):
    result = in_process(capsys, "--size", "900x700")
    assert result.returncode == 2 and "--size is for --screenshot" in result.stderr


def test_the_project_can_be_named_with_project_as_the_commands_take_it(tmp_path, capsys):
    """`tahqiq --project=p.tahqiq articles` ran the app (its name ends in .tahqiq) and
    `tahqiq --project p.tahqiq` had the app refuse --project, which --help lists: both
    forms work, for the commands and for the window."""
    from gui.app import parse_args
    from gui.launcher import main

    path = tmp_path / "p.tahqiq"
    project = seeding.open_or_create(path)
    title = articles.list_articles(project)[0]["title"]
    project.close()
    assert main([f"--project={path}", "articles", "--shape", "never"]) == 0
    assert title in capsys.readouterr().out
    assert parse_args(["--project", str(path)]).project_file == str(path)
    assert parse_args([f"--project={path}", "--lang", "ar"]).project_file == str(path)
    with pytest.raises(SystemExit):
        parse_args(["other.tahqiq", "--project", str(path)])
    png = tmp_path / "window.png"
    result = run_tahqiq("--project", str(path), "--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    assert png.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("argv", [("--help",), ("--project", "p.tahqiq", "--help"),
                                  ("--lang", "ar", "--help"), ("p.tahqiq", "--help")])
def test_the_windows_help_on_a_full_disk_is_one_line(argv, unbuffered, tmp_path):
    """`tahqiq --lang ar --help > /dev/full` (the window's options, not the commands')
    ended in a traceback, or unbuffered exit 120 and «Exception ignored» (rv210)."""
    env = dict(os.environ, PYTHONUNBUFFERED=unbuffered)
    with open("/dev/full", "w") as full:
        result = subprocess.run([tahqiq_exe(), *argv], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=120, env=env, cwd=tmp_path,
                                stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert result.stderr == ("tahqiq: error: No space left on device: the output was not "
                             "written whole\n")
    assert not (tmp_path / "p.tahqiq").exists()


def test_a_screenshot_of_an_empty_file_makes_no_project_of_it(tmp_path, qapp, capsys):
    """A file with nothing in it (a copy that stopped halfway) became a project."""
    path = tmp_path / "cut-short.tahqiq"
    path.write_bytes(b"")
    result = in_process(capsys, "--screenshot", str(tmp_path / "x.png"), str(path))
    assert result.returncode == 1 and "is empty: no project in it yet" in result.stderr
    assert path.read_bytes() == b"" and not (tmp_path / "x.png").exists()


def test_a_plain_start_reads_its_arguments_as_argparse_does(tmp_path):
    """`tahqiq` and `tahqiq FILE.tahqiq` skip argparse (its gettext look-ups loaded the
    locale module at every start): what they give is what argparse gives."""
    from gui.app import parse_args, parse_options

    for argv in ([], ["a.tahqiq"], [str(tmp_path / "مشروع بمسافة.tahqiq")]):
        assert vars(parse_args(argv)) == vars(parse_options(argv))
    assert parse_args(["--lang", "ar"]).lang == "ar"  # anything else goes to argparse


def test_a_file_address_names_its_file(tmp_path):
    """A dock, or a user pasting one, handed over «file:///…/%D9%85…%202026.tahqiq»: it
    was offered as a new project, and answering Yes made a folder tree named «file:»
    (rv93). The address names the file, alone or with options."""
    from PySide6.QtCore import QUrl

    from gui.app import parse_args

    path = tmp_path / "مشاريع التحقق" / "الانتخابات 2026.tahqiq"
    address = QUrl.fromLocalFile(str(path)).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert "%D9%85" in address and "%20" in address
    for argv in ([address], [address, "--lang", "ar"], ["--project", address]):
        assert parse_args(argv).project_file == str(path)
    assert parse_args(["file:odd.tahqiq"]).project_file == "file:odd.tahqiq"  # no address


def test_a_project_whose_name_starts_with_a_dash_is_told_to_follow_double_dash(capsys):
    """`tahqiq -dash.tahqiq` said only «unrecognized arguments»; every command says how
    to write such a name (rv93)."""
    result = in_process(capsys, "-dash.tahqiq")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "tahqiq: error: unrecognized arguments: -dash.tahqiq ('-dash.tahqiq' was read as an "
        "option: a file or words that start with '-' go after --, as in: -- -dash.tahqiq)"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X and Wayland are Linux's")
def test_with_no_display_the_window_says_so_and_a_screenshot_is_still_made(tmp_path):
    """With no display (a server, a cron job), Qt aborted with its list of plugins, exit
    134, even for --screenshot, which needs no screen."""
    path = tmp_path / "p.tahqiq"
    seeding.open_or_create(path).close()
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    png = tmp_path / "s.png"
    shot = subprocess.run([tahqiq_exe(), "--screenshot", str(png), str(path)],
                          capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)
    assert shot.returncode == 0, shot.stderr
    assert png.read_bytes()[:4] == b"\x89PNG"
    window = subprocess.run([tahqiq_exe(), str(path)], capture_output=True, text=True,
                            timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert window.returncode == 1
    assert window.stderr.startswith("tahqiq: error: there is no display")
    assert window.stderr.count("\n") == 1


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_a_screenshot_is_the_size_asked_for_on_a_scaled_screen(tmp_path, qapp, scale):
    """On a 125% or 150% screen `--screenshot out.png --size 1000x700` wrote 1250x875
    or 1500x1050 pixels (the window grabbed at the screen's scale): the README promises
    a PNG of the size given."""
    path = tmp_path / "shot.tahqiq"
    seeding.open_or_create(path).close()
    png = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    result = subprocess.run([tahqiq_exe(), "--screenshot", str(png), "--size", "1000x700",
                             str(path)], capture_output=True, text=True, timeout=120,
                            env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1000, 700)
