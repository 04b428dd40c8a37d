"""The core never imports Textual: the TUI is a thin view over plain data."""

import subprocess
import sys

CORE = [
    "briefing.models",
    "briefing.config",
    "briefing.ingest",
    "briefing.nlp",
    "briefing.analysis",
    "briefing.brief",
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
