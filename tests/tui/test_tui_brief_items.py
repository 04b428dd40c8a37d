"""Adding and changing items from the screens: duplicates refused, new notes, the automatic draft undone, a quote's speaker corrected."""

from __future__ import annotations

from briefing.tui.screens.brief import BriefScreen

from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.widgets.brief_list import ItemEditor

from tui_driving import _toasts, _question  # tests/tui is on the path


async def test_adding_the_same_sentence_twice_is_refused(build_app, seed_paths, settle) -> None:
    toasts: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "j", "a")
        await pilot.press("a")
        await pilot.pause()
        assert app.is_running
        assert len(app.session.brief.items) == 1
        assert any(t.startswith("Already in the brief (Key developments).") for t in toasts)
        await pilot.press("j", "a")
        assert len(app.session.brief.items) == 2

async def test_new_note_starts_empty_and_an_empty_note_is_not_added(build_app, seed_paths, settle) -> None:
    toasts: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        await pilot.press("b", "i")
        await pilot.pause()
        editor = app.screen.query_one(ItemEditor)
        assert app.focused is editor and editor.text == "" and editor.placeholder
        await pilot.press(*"Watch for pipes", "enter")
        await pilot.pause()
        notes = app.session.brief.items_in("notes")
        assert [n.text for n in notes] == ["Watch for pipes"]
        await pilot.press("i", "enter")
        await pilot.pause()
        assert len(app.session.brief.items_in("notes")) == 1
        assert any("empty" in t for t in toasts)
        await pilot.press("i", "x", "escape")
        await pilot.pause()
        assert len(app.session.brief.items_in("notes")) == 1
        await pilot.press("e")  # editing an existing item shows its text, no placeholder
        assert editor.text == "Watch for pipes" and editor.placeholder == ""
        await pilot.press("escape")

async def test_new_brief_from_the_automatic_draft_can_be_undone(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a")
        mine = app.session.brief.items
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "brings it back" in _question(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.session.brief.items != mine and app.session.brief.items
        await pilot.press("u")
        await pilot.pause()
        assert app.session.brief.items == mine

async def test_the_builder_corrects_a_quotes_speaker(build_app, seed_paths, settle) -> None:
    """Review #13: a wrong speaker could only be seen in the preview and not fixed."""
    from textual.widgets import Input

    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "a", "b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        (item,) = app.session.brief.items
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "Sergei Lavrov, Foreign Minister"
        await pilot.press("enter")
        await pilot.pause()
        quote = app.session.brief.item(item.id).origin.quote
        assert (quote.speaker, quote.role) == ("Sergei Lavrov", "Foreign Minister")
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.brief.item(item.id).origin.quote.speaker is None  # empty: unattributed
        await pilot.press("u")
        await pilot.pause()
        assert app.session.brief.item(item.id).origin.quote.speaker == "Sergei Lavrov"
