"""The restore question offers every unsaved draft, newest first, one at a time (issue 18, point 4).

Drafts are left by sessions that ended (a store closed with its draft still on
disk, as a crashed or quitting app leaves it); the app under test is then started
on the same drafts folder.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from textual.notifications import Notify
from textual.widgets import Label

from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, ItemOrigin
from briefing.config import Settings
from briefing.tui.screens.dialogs import ConfirmScreen


def _ended_session(drafts: Path, items: int, title: str, age_s: float) -> Path:
    brief = Brief.new(Settings(), dt.date(2026, 11, 21))
    brief.title = title
    for k in range(items):
        brief.add(f"{title}: note {k + 1}.", ItemOrigin.free())
    store = DraftStore(drafts)
    store.save(brief)
    then = time.time() - age_s
    os.utime(store.path, (then, then))
    store.close()
    return store.path


def _question(app) -> str:
    return " ".join(str(app.screen.query_one(".dialog-question", Label).render()).split())


async def test_two_drafts_are_offered_in_turn_and_the_declined_one_is_deleted(
    build_app, seed_paths, settle, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts"
    older = _ended_session(drafts, 11, "Morning brief", age_s=7200)
    newer = _ended_session(drafts, 2, "Evening brief", age_s=60)
    app = build_app(seed_paths, offer_draft=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        first = _question(app)
        assert "(1 of 2)" in first and "“Evening brief”" in first and "2 item(s)" in first
        stamp = dt.datetime.fromtimestamp(newer.stat().st_mtime).strftime("%H:%M")
        assert f"last changed today at {stamp}" in first or "last changed on " in first
        await pilot.press("n")  # Discard
        await pilot.pause()
        assert not newer.exists()
        assert isinstance(app.screen, ConfirmScreen)
        second = _question(app)
        assert "(2 of 2)" in second and "“Morning brief”" in second and "11 item(s)" in second
        await pilot.press("y")  # Restore
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.session.brief.title == "Morning brief" and len(app.session.brief.items) == 11
        assert not older.exists() and app.drafts.exists(), "the restored draft is now this session's"
        assert DraftStore(drafts).offers() == []


async def test_restoring_one_keeps_the_others_for_the_next_start(
    build_app, seed_paths, settle, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts"
    older = _ended_session(drafts, 3, "Older brief", age_s=600)
    _ended_session(drafts, 1, "Newer brief", age_s=30)
    toasts: list[str] = []
    app = build_app(seed_paths, offer_draft=True)
    hook = lambda m: isinstance(m, Notify) and toasts.append(m.notification.message)  # noqa: E731
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(app, pilot)
        assert "“Newer brief”" in _question(app)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen), "one restored: no further question"
        assert app.session.brief.title == "Newer brief"
        assert any(t.startswith("1 other unsaved draft(s) kept") for t in toasts)
        assert older.exists()
        # released for any session starting now; the restored one is this running session's own
        assert [(o.path, o.item_count) for o in DraftStore(drafts).offers()] == [(older, 3)]
