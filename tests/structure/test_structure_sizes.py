"""One module per concern, short units: no module under briefing/ over 600 lines, no class over 300.

A module that outgrows the limit holds more than one concern; split it by concern
(as quotes/speakers.py was split by cue shape) rather than raising the limit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent
MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300
#: Being split on their own branches; the lead removes these entries when those branches land.
PENDING = {
    "config.py": "relaxed until the settings branch lands",
    "tui/": "relaxed until the tui branch lands",
}


def _checked() -> list[Path]:
    paths = sorted(PACKAGE.rglob("*.py"))
    return [p for p in paths if not any(p.relative_to(PACKAGE).as_posix().startswith(k) for k in PENDING)]


def _long_classes(path: Path, limit: int) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    sizes = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    return [(name, lines) for name, lines in sizes if lines > limit]


@pytest.mark.parametrize("path", _checked(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_and_class_sizes(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split the module by concern"
    assert _long_classes(path, MAX_CLASS_LINES) == [], "split the class"


def test_the_class_measure_counts_a_class_from_its_first_to_its_last_line(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("class A:\n" + "    x = 1\n" * 5 + "\n\nclass B:\n    pass\n", encoding="utf-8")
    assert _long_classes(source, 5) == [("A", 6)]
    assert _long_classes(source, 6) == []
