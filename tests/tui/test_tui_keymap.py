"""Remapped keys: a clash is refused with a warning naming both actions, and quitting always works."""

from __future__ import annotations

from textual.notifications import Notify
from textual.widgets import Label

from briefing.config import Settings
from briefing.tui.app import make_app
from briefing.tui.keymap import keymap_clashes
from briefing.tui.screens.dialogs import ConfirmScreen


def _toasts(into: list[str]):
    return lambda m: isinstance(m, Notify) and into.append(m.notification.message)


def _question(app) -> str:
    return str(app.screen.query_one(".dialog-question", Label).render())


def test_keymap_clashes_are_refused_and_named() -> None:
    app = make_app(Settings(), [])
    scopes = app.keymap_scopes()
    norm = app._normalize_keymap
    applied, messages = keymap_clashes(norm({"add": "q"}), scopes)
    assert applied == {} and messages == [
        "add: q is already used by “Quit” (quit) on the main screen; not applied, add stays on a."]
    applied, messages = keymap_clashes(norm({"add": "ctrl+q,z"}), scopes)
    assert applied == {"add": "z"} and "ctrl+q" in messages[0] and "add uses z" in messages[0]
    assert keymap_clashes(norm({"add": "q", "quit": "x"}), scopes) == ({"add": "q", "quit": "x"}, [])
    applied, messages = keymap_clashes(norm({"undo": "d"}), scopes)
    assert applied == {} and "on the brief builder" in messages[0]
    assert keymap_clashes(norm({"save": "ctrl+w", "filter": "f"}), scopes)[1] == []


async def test_a_clashing_keymap_entry_warns_and_quit_still_works(build_app, seed_paths, settle) -> None:
    toasts: list[str] = []
    app = build_app(seed_paths, keymap={"add": "q"})
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        assert any("add: q is already used" in t for t in toasts)
        await pilot.press("enter", "a")
        assert len(app.session.brief.items) == 1, "add keeps its own key"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quit anyway" in _question(app)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0
