"""gui.pyside_features: PySide6 told which modules are ours before it reads them."""

from __future__ import annotations

import pkgutil

import gui
import store
from gui import pyside_features


def test_the_modules_named_are_every_module_of_the_packages():
    """Its names are those Python finds for each package, subpackages and their modules
    included, loaded or not (a name missing is a module PySide would still read)."""
    for package in (gui, store):
        found = {module.name for module in pkgutil.walk_packages(package.__path__,
                                                                 f"{package.__name__}.")}
        assert set(pyside_features._modules(package.__name__)) == found | {package.__name__}

