"""The analysis engine in the TUI: loaded once, never raced by two worker threads.

The failure this guards against (issue 13): with every summary of a pile in the
cache but not the digest, quotes and status of a subset, the summary thread and
the analysis thread both imported NLTK at the same moment, and Python's import
locks raised "deadlock detected by _ModuleLock('nltk.stem.porter')" in one and
"partially initialized module 'nltk'" in the other. Only a fresh interpreter
(NLTK not imported yet) shows it, so the app runs in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLACES = ["Northgate", "Riverton", "Eastvale", "Highmoor", "Lowbridge", "Westport", "Stonefield", "Ashford"]


def report_text(i: int) -> str:
    """A made-up report with figures, quotes, a truce and talks: every product has work to do."""
    here, there = PLACES[i % len(PLACES)], PLACES[(i + 3) % len(PLACES)]
    return "\n".join([
        f"Fighting around {here} intensified on Tuesday as the truce brokered by neighbouring states began "
        "to fray, officials said.",
        f"At least {12 + i} people were killed and {40 + 2 * i} injured in shelling of {here}, according to "
        "the regional health office.",
        f"\"We will not accept another attack on {here},\" said Mara Olsen, the interior minister, speaking "
        f"to reporters in {there}.",
        f"Aid groups said about {3000 + 100 * i} residents had fled toward {there} since the weekend.",
        f"Talks between the two sides are due to resume in {there} next week, mediated by the regional council.",
        f"\"The ceasefire is holding in most places, but {here} is the exception,\" the council's envoy, "
        "Ivo Brandt, told the Daily Ledger.",
        f"The army said it had destroyed two rocket launchers near {here} and blamed the rebels.",
    ])  # fmt: skip


def write_pile(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:02d}-report.txt"
        path.write_text(report_text(i) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# Runs in the fresh interpreter: the app headless on the given paths, until the analysis
# and the first article's summary are shown or a worker fails; prints what it saw as JSON.
HEADLESS_RUN = r"""
import asyncio, json, sys
from textual.notifications import Notify
from textual.worker import Worker, WorkerState
from briefing.config import load_settings
from briefing.tui.app import make_app

async def main():
    app = make_app(load_settings(None), sys.argv[1:], offer_draft=False)
    failures = []
    def hook(message):
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            failures.append(f"{message.worker.description}: {message.worker.error!r}")
        if isinstance(message, Notify) and message.notification.severity == "error":
            failures.append(message.notification.message)
    async with app.run_test(size=(160, 48), message_hook=hook) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            current = app.main_screen.query_one("#articles").current
            summary = app.session.summary_for(current.id) if current is not None else None
            if failures or (app.session.analysis is not None and summary is not None):
                break
        print(json.dumps({"failures": failures, "analysed": app.session.analysis is not None,
                          "summary": summary is not None}))

asyncio.run(main())
"""


@pytest.mark.slow
def test_a_subset_of_an_analysed_pile_is_analysed_without_an_import_race(tmp_path: Path) -> None:
    paths = write_pile(tmp_path / "pile", 8)
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}  # XDG_* already point into the test's own home
    primed = subprocess.run([sys.executable, "-m", "briefing", "analyze", str(tmp_path / "pile"), "--json"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert primed.returncode == 0, primed.stderr  # every summary is in the cache now, the subset's sets are not

    run = subprocess.run([sys.executable, "-c", HEADLESS_RUN, *map(str, paths[:3])], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["failures"] == []
    assert seen["analysed"] and seen["summary"]
