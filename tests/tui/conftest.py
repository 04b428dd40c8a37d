"""Helpers for driving the app headless: a factory with private drafts/output dirs, and waits."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.brief.drafts import DraftStore
from briefing.config import BriefSettings, CacheSettings, Settings
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.work import BackgroundWork


@pytest.fixture(autouse=True)
def _unfreeze_heap():
    """The app sets what it loads aside from the garbage collector (briefing.tui.heap); in the
    test process that would keep every finished test's app for good."""
    yield
    gc.unfreeze()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    base = Settings()
    return replace(
        base,
        brief=replace(BriefSettings(), output_dir=str(tmp_path / "out")),
        cache=replace(CacheSettings(), enabled=False),
    )


@pytest.fixture
def build_app(tmp_path: Path, settings: Settings):
    def build(paths, offer_draft: bool = False, **overrides) -> BriefingApp:
        chosen = replace(settings, **overrides) if overrides else settings
        return make_app(chosen, [str(p) for p in paths], drafts=DraftStore(tmp_path / "drafts"),
                        offer_draft=offer_draft)

    return build


@pytest.fixture
def settle():
    return _settle


async def _settle(app: BriefingApp, pilot) -> None:
    """Wait until loading, analysis and summaries are done and their messages handled
    (a summary waiting for the cursor to rest counts as running)."""
    work = app.main_screen.query_one(BackgroundWork)
    for _ in range(20):
        for _ in range(200):  # its timer fires within SUMMARY_DELAY; far more under load
            await pilot.pause()
            if not work.summary_pending:
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not work.summary_pending and not any(w.is_running for w in app.workers) and (
            app.session.analysis is not None or not app.session.articles
        ):
            if not app.main_screen._stage:
                return
    raise AssertionError("the app did not settle")
