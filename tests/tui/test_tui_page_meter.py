"""The page meter counts what the saved brief prints, the same number the copy message gives."""

from __future__ import annotations

from pathlib import Path

from textual.notifications import Notify

from briefing.brief.budget import count_words
from briefing.tui.screens.dialogs import PromptScreen


async def test_the_meter_the_copy_message_and_the_saved_file_agree(build_app, seed_paths, settle,
                                                                   tmp_path: Path) -> None:
    seen: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48), message_hook=lambda m: isinstance(m, Notify)
                            and seen.append(m.notification.message)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a", "4", "a")  # two sentences and a digest line
        await settle(app, pilot)
        meter = app.session.page_meter().words
        assert f"{meter}/600 words" in str(app.main_screen.query_one("#topbar-text").render())
        await pilot.press("y")
        assert any(f"({meter} words as printed" in s for s in seen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        saved = app.session.saved_path
        assert saved is not None
        text = saved.read_text(encoding="utf-8")
        assert "## Sources" in text and count_words(text) == meter
