"""An OptionList whose cursor moves repaint the two options concerned, not the whole list.

Why: `OptionList.highlighted` repaints the whole widget when it changes, and a
repaint costs the screen's thread about a third of a millisecond per line on
screen: with 1,000 articles loaded, the list's full repaint was a third of what
each j/k cost. The old and the new option are repainted here; a move that scrolls
repaints everything anyway (scrolling does).
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList


class CursorList(OptionList):
    """OptionList with cheap cursor moves; otherwise the same widget."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    _painted: int | None = None  # the option drawn as highlighted
    # Post OptionHighlighted on each move. Off for lists nobody listens to: the message
    # bubbles through every container up to the screen, and the reader fills three lists
    # (about 20 dispatches) for each article the cursor passes.
    announce_highlight = True

    def watch_highlighted(self, highlighted: int | None) -> None:
        for index in {self._painted, highlighted}:
            self._repaint_option(index)
        self._painted = highlighted
        if self.announce_highlight:
            super().watch_highlighted(highlighted)
        elif highlighted is not None and not self.options[highlighted].disabled:
            self.scroll_to_highlight()

    def _repaint_option(self, index: int | None) -> None:
        if index is None:
            return
        line, height = self._index_to_line.get(index), self._heights.get(index)
        if line is None or height is None:
            self.refresh()
        else:
            self.refresh_lines(line, height)
