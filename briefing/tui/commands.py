"""Command palette: every app action by name, next to Textual's own system commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing.tui.app import BriefingApp

# (title, help, action on the app or the screen). Titles are what users type in the palette.
PALETTE = (
    ("Open brief builder", "Show the brief's sections and items with a Markdown preview", "app.open_brief"),
    ("Save brief", "Save the brief as Markdown (asks before overwriting)", "app.save_brief"),
    ("Copy brief", "Copy the brief's Markdown to the clipboard", "app.copy_brief"),
    ("New brief from automatic draft", "Replace the brief with the automatic draft of `briefing build`", "app.new_brief"),
    ("Show load warnings", "Inputs that could not be loaded, with the reason", "app.warnings"),
    ("Help: keys", "Every key binding in effect", "app.help"),
    ("Filter articles", "Filter the article list by text", "screen.filter"),
    ("Add to brief", "Add the focused sentence, quote, figure or status line", "screen.add"),
    ("Longer summary", "One step more summary", "screen.summary_length(1)"),
    ("Shorter summary", "One step less summary", "screen.summary_length(-1)"),
    ("Next summary algorithm", "Cycle lexrank, lsa, textrank, ... and lead", "screen.cycle_algorithm"),
    ("Show digest", "Key developments of the story shown (the Digest tab)", "screen.tab('tab-digest')"),
    ("Next story", "Show the next story in the status panel, digest and quotes", "screen.next_story"),
    ("Toggle status panel", "Show or hide the conflict-status panel (narrow terminals)", "screen.toggle_status"),
    ("Undo brief change", "Undo the last change to the brief", "app.undo_brief"),
)


def palette_commands(app: BriefingApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The actions that make sense on this screen, as palette entries."""
    for title, help_text, action in PALETTE:
        namespace, _, name = action.partition(".")
        target = app if namespace == "app" else screen
        method = name.split("(")[0]
        if not hasattr(target, f"action_{method}"):
            continue
        yield SystemCommand(title, help_text, _runner(app, action))


def _runner(app: BriefingApp, action: str) -> Callable[[], object]:
    return lambda: app.run_action(action)
