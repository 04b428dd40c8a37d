"""Keys typed while the focus or the screen is changing wait, then go where the user now is.

Why: Textual hands a key to the widget focused when the key arrives, and resolves
bindings when the key has bubbled back up to the app. So with keys typed ahead
(Enter then `a`, ctrl+s then a path then Enter then `y`), a key could reach the
screen behind a dialog that was about to open, land in a text box that was about
to close ("y.md" saved as "y.mdy"), or be resolved before Enter had opened the
article. While a transition is under way (`hold`), arriving keys are kept; when
the last hold is released they are typed again, in their original order, to
whatever has the focus then. A hold left open by mistake lapses after a moment.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen

T = TypeVar("T")

LAPSE_SECONDS = 1.5  # a transition takes a few frames; a hold older than this is released


class KeyGate:
    """Holds keys during transitions; the app passes every key event through `take`."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._holds = 0
        self._since = 0.0
        self._kept: list[tuple[float, str, str | None]] = []

    @property
    def holding(self) -> bool:
        if self._holds and time.monotonic() - self._since > LAPSE_SECONDS:
            self._holds = 0
            self._replay()
        return self._holds > 0

    def hold(self) -> None:
        if not self._holds:
            self._since = time.monotonic()
        self._holds += 1
        self._app.set_timer(LAPSE_SECONDS + 0.1, lambda: self.holding)  # lapses even if no key comes

    def release(self) -> None:
        if self._holds:
            self._holds -= 1
            if not self._holds:
                self._replay()

    def take(self, event: events.Key) -> bool:
        """Keep the key while holding (True: the caller drops the event)."""
        if not self.holding:
            return False
        self._kept.append((event.time, event.key, event.character))
        return True

    def _replay(self) -> None:
        kept, self._kept = sorted(self._kept, key=lambda k: k[0]), []
        if kept:
            # Made in the app's own turn: a key's sender stops its bubbling, and it must
            # bubble up to the app, where bindings are resolved.
            self._app.call_later(self._post, kept)

    def _post(self, kept: list[tuple[float, str, str | None]]) -> None:
        for _, key, character in kept:
            self._app.post_message(events.Key(key, character))


def _gate(node: DOMNode) -> KeyGate | None:
    gate = getattr(node.app, "key_gate", None)
    return gate if isinstance(gate, KeyGate) else None


def hold_keys(node: DOMNode) -> None:
    """From a widget starting a transition (opening an article, closing a dialog)."""
    if (gate := _gate(node)) is not None:
        gate.hold()


def release_keys(node: DOMNode) -> None:
    """From the handler that finished the transition."""
    if (gate := _gate(node)) is not None:
        gate.release()


def keep_key(node: DOMNode, event: events.Key) -> bool:
    """A key that reached a widget which is closing: keep it for what comes next, if holding."""
    gate = _gate(node)
    return gate is not None and gate.take(event)


def ask(node: DOMNode, dialog: Screen[T], answered: Callable[[T | None], object]) -> None:
    """Push a dialog; keys typed meanwhile go to it, and keys typed while it closes go to what follows.

    The dialog releases the first hold once it is shown (see `Dialog`); closing takes
    another, released after `answered` has run (and pushed a next dialog, if any).
    """
    hold_keys(node)
    app = node.app

    def done(result: T | None) -> None:
        try:
            answered(result)
        finally:
            app.call_after_refresh(release_keys, app)

    app.push_screen(dialog, done)
