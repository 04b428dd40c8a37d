"""Files that could not be loaded, each with its reason: shown, never hidden."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.models import LoadWarning
from briefing.tui.safe import clean


class WarningsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,w", "dismiss", "Close", id="warnings-close")]

    def __init__(self, warnings: Sequence[LoadWarning]) -> None:
        super().__init__(classes="dialog")
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box warnings-box"):
            yield Static(self._content(), id="warnings-text")

    def _content(self) -> Content:
        if not self.warnings:
            return Content("Every input loaded without problems.\n\nEscape closes this screen.")
        parts: list[Content | str | tuple[str, str]] = [
            (f"{len(self.warnings)} input(s) could not be used\n\n", "bold $warning")
        ]
        for w in self.warnings:
            parts.append(("⚠ " + clean(w.location) + "\n", "bold"))
            parts.append(("    " + clean(w.reason) + "\n", ""))
        parts.append(("\nEscape closes this screen.", "$text-muted"))
        return Content.assemble(*parts)
