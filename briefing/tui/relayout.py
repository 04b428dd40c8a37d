"""Updating a line of text without laying the whole screen out again.

`Static.update` asks for a layout pass by default, and a layout pass re-renders
every widget on the screen: with 1,000 articles loaded that was most of what a
key cost (each `j` updates the reader's title and counts; each loading step the
top bar). A text whose height cannot change (fixed by the CSS, or the same
number of lines as before at the same width) only needs its own repaint; one
not on screen now is measured anyway when it is shown.
"""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.widget import Widget
from textual.widgets import Static


def update_text(static: Static, content: Content) -> None:
    """Show `content` in `static`, with a layout pass only when its height changes on screen,
    and nothing at all when it shows that already (the top bar is told its counts on every
    loading step)."""
    if static.content == content:
        return
    height = static.styles.height
    region = static.content_region
    if height is not None and not height.is_auto or not static.is_mounted or not region:
        same = True
    else:
        same = content.get_height(cast(RulesMap, static.styles), region.width) == region.height
    static.update(content, layout=not same)


def set_border_title(widget: Widget, title: str) -> None:
    """Set a border title only when it changes: setting it repaints the whole container (the
    article list inside it too), and the list's title is set on every loading step."""
    if widget.border_title != title:  # read back as markup: equal for plain titles
        widget.border_title = title
