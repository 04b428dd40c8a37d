"""Import hygiene: no import cycle between the modules of briefing/, and cheap package faces.

The graph is read from the source (ast), module-level imports only: an import
inside a function runs when it is called, and one under `if TYPE_CHECKING:`
never runs, so neither can start a cycle at import time. Importing `a.b.c`
runs the `__init__` of `a` and `a.b` first, so an import names those too. The
face checks run the real thing in a fresh interpreter, as harlequin's
test_import_hygiene.py does: only `sys.modules` proves a deferral defers.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: the body, and the branches of
    top-level if/try blocks, but not the `if TYPE_CHECKING:` branch."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                pending.extend(node.body)
            pending.extend(node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend([*node.body, *node.orelse, *node.finalbody, *(s for h in node.handlers for s in h.body)])
    return found


def _with_parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _edges(name: str, path: Path) -> set[str]:
    """The briefing modules importing `name` runs: what it imports, with the packages above them.

    The packages above `name` itself are being imported already when it runs, so they
    are no edge, unless `name` takes a name from one of them (`from briefing.ingest
    import X` inside briefing/ingest/: X may not be defined yet).
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    own = set(_with_parents(name)[:-1])
    targets: set[str] = set()
    for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported = [(alias.name, True) for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            takes_names = len(submodules) < len(node.names)
            imported = [(base, takes_names), *((sub, True) for sub in submodules)]
        for target, explicit in imported:
            if target not in MODULES:
                continue
            targets.update(t for t in _with_parents(target)[:-1] if t in MODULES and t not in own)
            if explicit or target not in own:
                targets.add(target)
    targets.discard(name)
    return targets


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_module_level_import_graph_has_no_cycle() -> None:
    graph = {name: _edges(name, path) for name, path in MODULES.items()}
    assert sum(len(targets) for targets in graph.values()) > len(graph), "the graph reader found no imports"
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle_and_ignores_what_does_not_run() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import os\n"
        "if TYPE_CHECKING:\n    import json\n"
        "try:\n    import yaml\nexcept ImportError:\n    import csv\n"
        "def f():\n    import sqlite3\n"
    )
    assert [a.name for node in _top_level_imports(tree) for a in node.names] == ["TYPE_CHECKING", "os", "yaml", "csv"]


def test_the_graph_reader_sees_real_imports_and_only_those_that_run() -> None:
    extract = _edges("briefing.quotes.extract", MODULES["briefing.quotes.extract"])
    assert {"briefing.nlp.names.canon", "briefing.nlp.names", "briefing.nlp", "briefing.config"} <= extract
    assert "briefing.ingest" not in _edges("briefing.ingest.article", MODULES["briefing.ingest.article"])
    main = _edges("briefing.tui.screens.main", MODULES["briefing.tui.screens.main"])
    assert "briefing.analysis.pipeline" not in main  # imported inside the worker that runs it
    assert "briefing.quotes.ranking" not in _edges("briefing.quotes", MODULES["briefing.quotes"])  # TYPE_CHECKING


# --- package faces ------------------------------------------------------------------------------
FACES = [
    "briefing.nlp",
    "briefing.nlp.names",
    "briefing.summary",
    "briefing.digest",
    "briefing.quotes",
    "briefing.status",
    "briefing.analysis",
    "briefing.store",
]
#: Imported by the analysis, never by a package face: the TUI imports briefing.nlp before its
#: first screen (0.7 s), and each of these costs tens to hundreds of milliseconds.
HEAVY = ("numpy", "sumy", "nltk", "yaml", "pycountry", "punkt", "concurrent.futures.process")


def test_importing_a_package_face_loads_nothing_heavy() -> None:
    code = "import sys\n" + "".join(f"import {face}\n" for face in FACES)
    code += f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"a package face imported {done.stdout.strip()}"


@pytest.mark.parametrize("face", FACES)
def test_every_name_a_face_offers_resolves_to_its_home(face: str) -> None:
    package = importlib.import_module(face)
    assert sorted(dir(package)) == sorted(package.__all__)
    for name in package.__all__:
        value = getattr(package, name)
        assert getattr(package, name) is value  # cached after the first look-up
        home = getattr(value, "__module__", None)
        if home is not None:  # functions and classes: defined where the face says
            assert home.startswith(face + ".") and getattr(importlib.import_module(home), name) is value
    with pytest.raises(AttributeError):
        getattr(package, "no_such_name")
