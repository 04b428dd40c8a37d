"""Helpers for driving the app in tests: toasts seen, the open question, saving, yesterday's draft."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from textual.notifications import Notify
from textual.widgets import Label

from briefing.analysis import pipeline
from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.sources import SourceInfo
from briefing.config import Settings
from briefing.tui.screens.dialogs import PromptScreen

OLD = "0123456789ab"
GONE = "ba9876543210"


def _toasts(into: list[str]):
    return lambda m: isinstance(m, Notify) and into.append(m.notification.message)


def _question(app) -> str:
    return str(app.screen.query_one(".dialog-question", Label).render())


def _yesterdays_draft(settings: Settings, drafts: Path) -> Brief:
    draft = Brief.new(settings, dt.date(2026, 11, 21))
    draft.add("Yesterday's claim.", ItemOrigin("sentence", (OLD,), sentence=0))
    draft.add("A claim nobody recorded.", ItemOrigin("digest", (GONE,), sentence=3), "bottom_line")
    draft.add("My own note.", ItemOrigin.free())
    draft.sources[OLD] = SourceInfo(OLD, "Old report title", "Old Outlet", dt.date(2026, 11, 20), "old/a.txt")
    DraftStore(drafts).save(draft)
    return draft


async def _save(pilot, app) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, PromptScreen)
    await pilot.press("enter")
    await pilot.pause()


def hold_analysis(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The analysis (which also summarises every article) waits until the event is set: summaries
    then come from the summary worker, and a failed one is not quietly replaced while a test looks."""
    real, go = pipeline.analyze, threading.Event()

    def held(*args: object, **kwargs: object) -> object:
        go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze", held)
    return go
