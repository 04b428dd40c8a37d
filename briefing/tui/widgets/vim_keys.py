"""Vim-style movement shared by every list in the app (j/k/g/G beside the arrows)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

LIST_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="list-down"),
    Binding("k", "cursor_up", "Up", show=False, id="list-up"),
    Binding("g", "first", "First", show=False, id="list-first"),
    Binding("G", "last", "Last", show=False, id="list-last"),
]
