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
from textual.widgets import Sparkline, Static, Tree

from briefing.tui.widgets.status_panel import Entry, StatusPanel, entry_detail, figure_history


class StatusPane(Vertical):
    def compose(self) -> ComposeResult:
        yield StatusPanel(id="status")
        yield Static(id="status-detail", markup=False)
        yield Sparkline([], id="status-history")  # a figure's count in the story's earlier briefs, then now

    def on_mount(self) -> None:
        self.border_title = "Conflict status"

    @on(Tree.NodeHighlighted)
    def _row_changed(self, event: Tree.NodeHighlighted[Entry]) -> None:
        panel = self.query_one(StatusPanel)
        detail = self.query_one("#status-detail", Static)
        entry = event.node.data
        text = entry_detail(entry, panel.titles)
        figure = entry.figure if entry is not None and entry.kind == "figure" else None
        history = figure_history(panel.since, figure, panel.figures) if figure is not None else ""
        text = "\n".join(x for x in (text, history) if x)
        detail.display = bool(text)
        detail.update(Content(text))
        chart = self.query_one("#status-history", Sparkline)
        chart.display = bool(history)
        if figure is not None and history:
            chart.data = [*(p.value for p in panel.since.history(figure)), figure.value]
