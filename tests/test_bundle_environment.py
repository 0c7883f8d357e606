"""The bundle's children (xdg-open, the desktop tools) get the user's library path."""

from __future__ import annotations

import sys

from gui import launcher


def test_a_frozen_tahqiq_gives_its_children_the_users_library_path(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    environ = {"LD_LIBRARY_PATH": "/opt/tahqiq/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    launcher.restore_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/local/lib"}
    environ = {"LD_LIBRARY_PATH": "/opt/tahqiq/_internal"}  # the user had none
    launcher.restore_library_path(environ)
    assert environ == {}


def test_outside_the_bundle_the_library_path_is_left_alone(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    environ = {"LD_LIBRARY_PATH": "/usr/local/lib"}
    launcher.restore_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/local/lib"}
