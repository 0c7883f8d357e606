"""The house rules that keep the code's shape, checked so they cannot drift.

store/ never loads Qt; gui/ reaches the project only through gui/session.py and holds no
SQL; no module imports in a circle or uses another module's private members; tests do
not skip the project's own modules.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGES = ("store", "gui")
# How code holding a project (or its connection) reaches it.
PROJECT_ATTRIBUTES = ("project", "_project", "conn", "execute", "executemany", "query", "db")
# What gui/ may take from store.core.paths beside the session: what a project file is
# called, where the window's own settings go, a name for a copy. Its questions to the
# file system about project files (is_there, holds_no_project_yet, refuse_folder,
# unmaking...) are the session's to ask: gui/project_files.py asked is_there itself.
PATH_NAMES = ("PROJECT_SUFFIX", "config_dir", "name_beside")
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                 r"DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL)|PRAGMA\s)", re.I | re.S)


def modules(package: str) -> dict[str, Path]:
    return {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
            for p in sorted((ROOT / package).rglob("*.py"))}


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def runtime_imports(path: Path) -> set[str]:
    """Modules *path* imports when it runs (at the top or inside functions), leaving out
    imports made only for type checkers."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(tree(path))
    return found


def test_the_store_never_loads_qt():
    names = sorted(modules("store"))
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6'))\n"
            "print(len(sys.modules), loaded)\n"
            "assert not loaded, loaded\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(names) > 30  # every module of the store was imported


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circles(package):
    known = modules(package)
    graph = {name: {m for m in runtime_imports(path) if m in known and m != name}
             for name, path in known.items()}
    circles: set[str] = set()

    def walk(name: str, path: list[str], seen: set[tuple[str, str]]) -> None:
        for other in sorted(graph[name]):
            if other in path:
                circles.add(" → ".join(path[path.index(other):] + [other]))
            elif (name, other) not in seen:
                seen.add((name, other))
                walk(other, [*path, other], seen)

    for name in graph:
        walk(name, [name], set())
    assert not circles, sorted(circles)


def test_the_gui_reaches_the_project_only_through_the_session():
    """No gui/ module but session.py holds the project or imports it, and none runs SQL,
    the session included (it hands the store's functions on; it was not checked)."""
    offences = []
    for name, path in modules("gui").items():
        nodes = list(ast.walk(tree(path)))
        offences += [f"{name}:{node.lineno} holds SQL: {node.value[:40]!r}" for node in nodes
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and SQL.search(node.value)]
        if name == "gui.session":  # the door to the project
            continue
        imported = runtime_imports(path) | {
            node.module for node in nodes if isinstance(node, ast.ImportFrom) and node.module}
        offences += [f"{name} imports {m}" for m in sorted(imported)
                     if m in ("sqlite3", "sqlite_utils", "store.core.project")]
        offences += [f"{name}:{node.lineno} uses {ast.unparse(node)}" for node in nodes
                     if isinstance(node, ast.Attribute) and node.attr in PROJECT_ATTRIBUTES
                     and ast.unparse(node.value) != "self"]  # a widget's own "query" field
        offences += [f"{name} imports {m}" for m in sorted(_paths_taken(nodes))
                     if m.rpartition(".")[2] not in PATH_NAMES]
    assert offences == []


def _paths_taken(nodes: list[ast.AST]) -> set[str]:
    """What *nodes* import of store.core.paths: each name taken from it, or the module."""
    taken: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module == "store.core.paths":
            taken.update(f"store.core.paths.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "store.core":
            taken.update("store.core.paths" for alias in node.names if alias.name == "paths")
        elif isinstance(node, ast.Import):
            taken.update(alias.name for alias in node.names
                         if alias.name == "store.core.paths")
    return taken


def test_the_gui_asks_the_session_about_project_files():
    """The check above finds a window module asking store.core.paths about a file
    itself (gui/project_files.py imported is_there) and lets its names and constants be."""
    found = _paths_taken(list(ast.walk(ast.parse(
        "from store.core.paths import PROJECT_SUFFIX, is_there, name_beside\n"
        "from store.core import paths\nimport store.core.paths\n"))))
    assert sorted(m for m in found if m.rpartition(".")[2] not in PATH_NAMES) == [
        "store.core.paths", "store.core.paths.is_there"]


def _own_names(module: ast.Module) -> set[str]:
    """Names a module defines itself: its functions, classes, and attributes it assigns."""
    names: set[str] = set()
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_uses_another_modules_private_members(package):
    """A ``_name`` that one of our modules defines is used by that module alone.

    (Private names of other libraries are their business: store.exchange.pdf_layout uses
    two of fpdf2's, with its version pinned.)"""
    trees = {name: tree(path) for name, path in modules(package).items()}
    own = {name: _own_names(module) for name, module in trees.items()}
    ours = {n for names in own.values() for n in names if _private(n)}
    offences = []
    for name, module in trees.items():
        for node in ast.walk(module):
            if isinstance(node, ast.ImportFrom) and node.module \
                    and node.module.split(".")[0] in PACKAGES:
                offences += [f"{name}:{node.lineno} imports {node.module}.{a.name}"
                             for a in node.names if _private(a.name)]
            elif isinstance(node, ast.Attribute) and node.attr in ours \
                    and node.attr not in own[name]:
                offences.append(f"{name}:{node.lineno} uses {ast.unparse(node)}")
    assert offences == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_tests_never_skip_the_projects_own_modules():
    pattern = re.compile(r"importorskip\(\s*[\"'](store|gui|resources|seeds)\b")
    found = [f"{p.relative_to(ROOT)}" for p in (ROOT / "tests").rglob("*.py")
             if pattern.search(p.read_text("utf-8"))]
    assert found == []


def test_the_readme_names_every_module_of_the_store_and_the_window():
    """The README's Architecture section is where a newcomer learns what each module
    holds: 21 modules had come since it was last brought up to date."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Architecture"):]
    unnamed = [name for package in ("store", "gui") for name, path in modules(package).items()
               if path.stem not in ("__init__", "__main__")
               and f"`{path.name}`" not in section and f"/{path.name}`" not in section]
    assert unnamed == []
