"""The core never imports Textual: the TUI is a thin view over plain data."""

import subprocess
import sys

CORE = [
    "briefing.models",
    "briefing.config",
    "briefing.codec",
    "briefing.lazy",
    "briefing.report",
    "briefing.ingest",
    "briefing.nlp",
    "briefing.summary",
    "briefing.digest",
    "briefing.quotes",
    "briefing.status",
    "briefing.analysis",
    "briefing.brief",
    "briefing.store",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {CORE!r}:\n"
        "    mod = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(mod, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('briefing.tui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imports UI modules: {out.stdout.strip()}"


def test_every_package_is_in_the_core_list_or_is_the_tui() -> None:
    """A new package is checked too: it must be added above (or be part of the view)."""
    import pathlib

    import briefing

    root = pathlib.Path(briefing.__file__).parent
    packages = {f"briefing.{p.parent.name}" for p in root.glob("*/__init__.py")}
    assert packages - {"briefing.tui"} <= set(CORE)
