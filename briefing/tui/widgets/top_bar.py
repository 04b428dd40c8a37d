"""The top bar of the main screen: article count, the brief's page meter, what is running, a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from briefing.brief.budget import BudgetReport
from briefing.tui.relayout import update_text


class TopBar(Horizontal):
    """Shows what it is given; owns no state of its own beyond the widgets."""

    def compose(self) -> ComposeResult:
        yield Static(id="topbar-text", markup=False)
        yield ProgressBar(id="progress", show_eta=False)

    def show(self, articles: int, items: int, meter: BudgetReport, unsaved: bool, stage: str) -> None:
        styled = Content.styled(f"{meter.words}/{meter.limit} words", "bold $error" if not meter.fits else "$success")
        parts: list[Content | str | tuple[str, str]] = [
            ("briefing", "bold $accent"),
            f"  {articles} article(s)  ·  brief: {items} item(s), ",
            styled,
        ]
        if not meter.fits:
            parts.append((" OVER ONE PAGE", "bold $error"))
        if unsaved:
            parts.append(("  · unsaved", "$warning"))
        if stage:
            parts.append((f"  · {stage}", "$text-muted"))
        update_text(self.query_one("#topbar-text", Static), Content.assemble(*parts))

    def progress(self, done: int, total: int) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.display = done < total
        bar.update(total=max(total, 1), progress=done)

    def hide_progress(self) -> None:
        self.query_one("#progress", ProgressBar).display = False
