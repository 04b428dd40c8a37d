"""The `?` help screen: every binding in effect (after the user's keymap), grouped by where it works."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.safe import clean

INTRO = (
    "briefing turns a pile of articles into a one-page brief. Pick an article on the left, read it "
    "(Article tab: the summary's sentences are marked ▌), add sentences, quotes, figures and status "
    "lines to the brief with the add key, then open the brief builder to order, edit and save it."
)


def binding_rows(app: App[Any], node_type: type[DOMNode]) -> list[tuple[str, str]]:
    """(keys, description) for one class's bindings, with the keymap applied, one row per action."""
    bindings = node_type._merge_bindings()
    bindings.apply_keymap(getattr(app, "_keymap", {}))
    rows: dict[str, tuple[list[str], str]] = {}
    for key, group in bindings.key_to_bindings.items():
        for binding in group:
            if not binding.description and not binding.id:
                continue
            ident = binding.id or binding.action
            keys, _ = rows.setdefault(ident, ([], binding.tooltip or binding.description or binding.action))
            display = app.get_key_display(Binding(key, binding.action, key_display=binding.key_display))
            if display not in keys:
                keys.append(display)
    return [(clean(" / ".join(keys)), text) for keys, text in rows.values()]


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of each area of the app."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close")]

    def __init__(self, areas: Iterable[tuple[str, type[DOMNode]]]) -> None:
        super().__init__(classes="dialog")
        self.areas = list(areas)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(self._content(), id="help-text")

    def _content(self) -> Content:
        parts: list[Content | str | tuple[str, str]] = [("Keys\n", "bold"), (INTRO + "\n", "$text-muted")]
        for title, node_type in self.areas:
            rows = binding_rows(self.app, node_type)
            if not rows:
                continue
            parts.append((f"\n{title}\n", "bold $accent"))
            for keys, text in rows:
                parts.append((f"  {keys:<14}", "bold"))
                parts.append(f" {text}\n")
        parts.append(("\nEscape closes this screen.", "$text-muted"))
        return Content.assemble(*parts)
