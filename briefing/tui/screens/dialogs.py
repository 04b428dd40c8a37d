"""Small modal dialogs: yes/no, a path to save to, a section to move an item into.

Pushed with `key_gate.ask`: keys typed before a dialog is shown go to it, and keys
typed while it closes go to whatever comes next (the next question, or the screen).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from briefing.tui.key_gate import hold_keys, keep_key, release_keys
from briefing.tui.safe import plain
from briefing.tui.widgets.vim_keys import LIST_BINDINGS

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    """A modal question that takes the keys typed while it opens and closes (see key_gate)."""

    _shown = False
    closing = False

    def on_screen_resume(self) -> None:
        if not self._shown:  # the hold `ask` took when it pushed this dialog: keys may come now
            self._shown = True
            self.call_after_refresh(release_keys, self)

    def dismiss(self, result: R | None = None):  # type: ignore[no-untyped-def]  # Textual's AwaitComplete
        if not self.closing:
            self.closing = True
            hold_keys(self)
        return super().dismiss(result)


class PromptInput(Input):
    """Enter is handled in the order the keys came: what is typed after it is not part of the answer."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if isinstance(screen, Dialog) and screen.closing and keep_key(self, event):
            event.stop()
            event.prevent_default()
            return
        if event.key == "enter" and isinstance(screen, PromptScreen):
            event.stop()
            event.prevent_default()
            screen.submit(self.value)
            return
        await super()._on_key(event)


class ConfirmScreen(Dialog[bool]):
    """Ask a yes/no question; y/Enter answers yes, n/Escape no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog")
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self.yes} (y)"), variant="primary", id="yes")
                yield Button(Content(f"{self.no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def set_question(self, question: str) -> None:
        """Reword the question while it is shown (e.g. once the articles it depends on are loaded)."""
        self.question = question
        if self.is_mounted:
            self.query_one(".dialog-question", Label).update(plain(question))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PromptScreen(Dialog[str | None]):
    """Ask for one line of text (a path, a title); Enter accepts, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt-cancel")]

    def __init__(self, prompt: str, default: str, verb: str = "save", allow_empty: bool = False) -> None:
        super().__init__(classes="dialog")
        self.prompt, self.default, self.verb = prompt, default, verb
        self.allow_empty = allow_empty  # an empty answer is "" (a choice), not None (cancelled)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.prompt), classes="dialog-question")
            yield PromptInput(value=self.default, id="prompt-input")
            yield Label(Content(f"Enter: {self.verb} · Escape: cancel"), classes="dialog-hint")

    def submit(self, text: str) -> None:
        value = text.strip()
        self.dismiss(value if value or self.allow_empty else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SectionPicker(Dialog[str | None]):
    """Choose one of the brief's sections (for "move to section")."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker-cancel")]

    def __init__(self, sections: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.sections, self.current = list(sections), current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(Content("Move the item to which section?"), classes="dialog-question")
            options = PickerList(
                *(Option(plain(heading), id=sid, disabled=sid == self.current) for sid, heading in self.sections),
                markup=False,
                id="section-options",
            )
            yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerList(OptionList):
    BINDINGS = LIST_BINDINGS
