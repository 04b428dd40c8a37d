"""Pinned pictures of the main screens at 80x24 and 160x48 (pytest-textual-snapshot).

Regenerate on purpose only (`--snapshot-update`), after looking at the report:
Textual's minor releases change rendering, and so does the analysis output.
The app is built with a fixed theme, a fixed brief date, relative article paths
and no draft, so nothing here depends on the day or the machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief
from briefing.config import BriefSettings, CacheSettings, Settings, UiSettings
from briefing.tui.app import BriefingApp, make_app

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2016, 3, 15)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    monkeypatch.chdir(ROOT)  # article paths are shown as given: keep them relative
    settings = replace(
        Settings(),
        ui=UiSettings(theme="textual-dark"),
        brief=replace(BriefSettings(), output_dir=str(tmp_path)),
        cache=replace(CacheSettings(), enabled=False),
    )
    return make_app(settings, ["seeds"], drafts=DraftStore(tmp_path / "drafts"), offer_draft=False,
                    brief=Brief.new(settings, DAY))


def steps(*keys: str):
    """A run_before that waits for loading and analysis, presses `keys`, and clears the toasts."""

    async def run_before(pilot) -> None:
        app = pilot.app
        for _ in range(40):
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.session.analysis is not None and not any(w.is_running for w in app.workers):
                break
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_main_screen(snap_compare, app: BriefingApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=steps())


def test_summary_tab_longer(snap_compare, app: BriefingApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps("enter", "2", "plus"))


def test_quotes_tab(snap_compare, app: BriefingApp) -> None:
    assert snap_compare(app, terminal_size=(160, 48), run_before=steps("enter", "3"))


@pytest.mark.parametrize(
    ("size", "keys"),
    [((80, 24), ("s", "enter")), ((160, 48), ("l", "l", "enter", "j", "enter"))],
    ids=["80x24", "160x48"],
)
def test_status_panel_open(snap_compare, app: BriefingApp, size, keys) -> None:
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_brief_builder(snap_compare, app: BriefingApp, size: tuple[int, int]) -> None:
    keys = ("enter", "j", "a", "j", "j", "a", "3", "a", "b", "J")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


def test_help_screen(snap_compare, app: BriefingApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps("question_mark"))
