"""What a packager and a user installing the wheel or the sdist meet (rv200): the floors
pyproject declares are the versions the code needs, the sdist carries what its tests
read, and the launchers' words and menu entry start and name the right thing."""

from __future__ import annotations

import tomllib
from importlib.metadata import version

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def declared() -> dict[str, Requirement]:
    return {(r := Requirement(line)).name.lower(): r
            for line in PYPROJECT["project"]["dependencies"]}


def floor(name: str) -> Version:
    return min(Version(spec.version) for spec in declared()[name].specifier
               if spec.operator == ">=")


@pytest.mark.parametrize(("name", "needed"), [
    # Under 3.x a table's insert commits, which releases the savepoint of the transaction
    # around it: the first start failed («no such savepoint: tahqiq_1») and left a
    # half-made default project, with 3.37-3.39 kept by pip as meeting >=3.36.
    ("sqlite-utils", "4.0"),
    ("lxml", "5.3"),  # trafilatura 2.0's own floor: >=5.2 could not be met
])
def test_a_declared_floor_is_what_the_code_needs(name, needed):
    assert floor(name) >= Version(needed)


def test_what_is_installed_meets_every_floor_pyproject_declares():
    """The suite runs on what a user's pip would keep: nothing below what is declared."""
    for name, requirement in declared().items():
        assert requirement.specifier.contains(version(name), prereleases=True), \
            (name, version(name), str(requirement.specifier))
