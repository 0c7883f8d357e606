"""Tahqiq's icon: the rendered PNGs, the Windows .ico and macOS .icns built from them,
and the window using it. (scripts/make-icons renders them from resources/icons/*.svg.)"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_png_at_every_size_its_name_says():
    for side in SIZES:
        assert png_size((ICONS / f"tahqiq-{side}.png").read_bytes()) == (side, side)


def test_the_ico_holds_the_pngs_from_16_to_256():
    data = (ICONS / "tahqiq.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sides = []
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        image = data[offset:offset + length]
        side = width or 256
        assert png_size(image) == (side, side) and (width, height) == (side % 256, side % 256)
        if side in SIZES:
            assert image == (ICONS / f"tahqiq-{side}.png").read_bytes()
        sides.append(side)
    assert sides == [16, 24, 32, 48, 64, 128, 256]


def test_the_icns_holds_a_png_per_element_at_its_declared_size():
    data = (ICONS / "tahqiq.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
             b"ic09": 512, b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256,
             b"ic14": 512}
    position, seen = 8, set()
    while position < len(data):
        kind, length = struct.unpack(">4sI", data[position:position + 8])
        side = sizes[kind]
        assert png_size(data[position + 8:position + length]) == (side, side)
        seen.add(kind)
        position += length
    assert seen == set(sizes)


def test_the_icon_is_package_data():
    from importlib import resources

    folder = Path(str(resources.files("resources").joinpath("icons")))
    for name in ("tahqiq.svg", "tahqiq-16.png", "tahqiq-256.png", "tahqiq.ico", "tahqiq.icns"):
        assert (folder / name).is_file(), f"{name} is not installed with the package"


def test_the_application_window_carries_the_icon():
    """In a fresh process, since ensure_app sets the icon when it creates the application."""
    probe = ("from gui.app import ensure_app; app = ensure_app(); "
             "print(sorted(s.width() for s in app.windowIcon().availableSizes()))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(sorted(SIZES))
