"""Drafts in the app: another day's draft restored with its citations, no draft after a save or an undo back to it, a signal writes one."""

from __future__ import annotations

from briefing.tui.screens.dialogs import ConfirmScreen

import signal
from pathlib import Path

from briefing.brief.drafts import DraftStore
from tui_driving import _toasts, _question, _yesterdays_draft, _save  # tests/tui is on the path


async def test_restoring_another_days_draft_says_what_is_missing_and_keeps_citations(
    build_app, seed_paths, settle, settings, tmp_path: Path
) -> None:
    _yesterdays_draft(settings, tmp_path / "drafts")
    toasts: list[str] = []
    app = build_app(seed_paths, offer_draft=True)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = " ".join(_question(app).split())
        assert "2 of 3 items cite articles that are not loaded now" in question
        assert "for 1 of them the draft has no source details" in question
        await pilot.press("y")
        await pilot.pause()
        assert len(app.session.brief.items) == 3
        await _save(pilot, app)
        saved = tmp_path / "out" / "brief-2026-11-21.md"
        markdown = saved.read_text(encoding="utf-8")
    assert "- Yesterday's claim [1]." in markdown
    assert "1. Old report title — Old Outlet, 2026-11-20. `old/a.txt`" in markdown
    assert "A claim nobody recorded \\[source not loaded\\]." in markdown
    assert "sources: 1" in markdown
    assert any("[source not loaded]" in t for t in toasts), "saving says some items have no source details"

async def test_a_draft_whose_articles_are_loaded_says_so(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    (offer,) = DraftStore(tmp_path / "drafts").offers()
    draft = offer.brief
    assert set(draft.sources) == draft.cited_ids() != set()

    again = build_app(seed_paths, offer_draft=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert "Every article it cites is loaded" in _question(again)
        await pilot.press("q")  # quitting with the question open keeps the draft for next time
        await pilot.pause()
    assert len(DraftStore(tmp_path / "drafts").offers()) == 1

async def test_no_draft_after_a_save_undo_to_saved_state_and_signals(build_app, seed_paths, settle,
                                                                    tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a")
        assert app.drafts.exists()
        await _save(pilot, app)
        assert not app.session.unsaved and not app.drafts.exists()
        assert app.save_draft_now() is False and not app.drafts.exists()

        await pilot.press("b", "d")
        await pilot.pause()
        assert app.session.unsaved and app.drafts.exists()
        await pilot.press("u")
        await pilot.pause()
        assert not app.session.unsaved, "undo back to the saved brief leaves nothing unsaved"
        assert not app.drafts.exists(), "nor a draft to offer next time"
        assert "saved to" in str(app.screen.query_one("#brief-meter").render())

        app._on_signal(signal.SIGTERM)
        await pilot.pause()
    assert DraftStore(tmp_path / "drafts").offers() == []

async def test_a_signal_with_unsaved_changes_writes_the_draft(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        app.drafts.discard()
        app._on_signal(signal.SIGHUP)
        await pilot.pause()
    assert len(DraftStore(tmp_path / "drafts").offers()) == 1
