"""The right-hand pane: the conflict-status tree, and under it the focused row in full.

Tree rows are one line, cut at the panel's edge (a figure's source, a timeline
event, an evidence sentence); the detail line shows the focused one whole,
wrapped, with who counted a figure and the sentence it comes from.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, Tree

from briefing.tui.widgets.status_panel import Entry, StatusPanel, entry_detail


class StatusPane(Vertical):
    def compose(self) -> ComposeResult:
        yield StatusPanel(id="status")
        yield Static(id="status-detail", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Conflict status"

    @on(Tree.NodeHighlighted)
    def _row_changed(self, event: Tree.NodeHighlighted[Entry]) -> None:
        panel = self.query_one(StatusPanel)
        detail = self.query_one("#status-detail", Static)
        text = entry_detail(event.node.data, panel.titles)
        detail.display = bool(text)
        detail.update(Content(text))
