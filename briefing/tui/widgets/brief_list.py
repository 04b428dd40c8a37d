"""The brief's sections and items as one list: section headings (not selectable) and items."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, TextArea
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.brief.changes_section import SECTION_ID as CHANGES, new_items, since_last
from briefing.brief.items import FIGURE_LABELS, STATUS_LABELS
from briefing.brief.model import GENERATED_SECTIONS, Brief, BriefItem
from briefing.tui.safe import clean, one_line
from briefing.tui.widgets.vim_keys import LIST_BINDINGS

NEW_MARK = "✦"
KIND_MARK = {"sentence": "¶", "digest": "Σ", "quote": "❝", "figure": "#", "status": "◆", "free": "✎"}


def item_label(item: BriefItem) -> str:
    """The row a status or figure item fills in the brief's table ("Trend", "Killed"), else ''."""
    field = item.origin.field or ""
    if item.origin.kind == "figure":
        return FIGURE_LABELS.get(field, field.capitalize())
    if item.origin.kind == "status":
        return STATUS_LABELS.get(field, field.capitalize())
    return ""


def item_prompt(item: BriefItem, over: bool, new: bool = False) -> Content:
    mark = KIND_MARK.get(item.origin.kind, "•")
    label = item_label(item)
    parts: list[str | tuple[str, str]] = [(f" {mark} ", "$accent"), (f"{clean(label)}: " if label else "", "bold"), clean(item.text)]
    quote = item.origin.quote
    if item.origin.kind == "quote" and quote is not None:  # who said it, visible before it goes out
        who = ", ".join(clean(x) for x in (quote.speaker, quote.role) if x) or "unattributed"
        parts.append((f"  — {who}", "$text-muted"))
    if new:
        parts.append((f"  {NEW_MARK} new since the last brief", "bold $accent"))
    if over:
        parts.append(("  ✂ past one page", "bold $error"))
    return Content.assemble(*parts)


class BriefList(OptionList):
    """Option ids: `item:<id>` for items, `section:<id>` for headings (disabled)."""

    BINDINGS = LIST_BINDINGS

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)

    @property
    def item_id(self) -> str | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("item:"):
            return None
        return option.id.removeprefix("item:")

    def show(self, brief: Brief, over: frozenset[str] = frozenset(), focus_item: str | None = None) -> None:
        keep = focus_item or self.item_id
        old_index = self.highlighted
        options: list[Option] = []
        new = new_items(brief, brief.since_last) if brief.since_last is not None else frozenset()
        for section in brief.sections:
            if section.id == CHANGES and since_last(brief) is None:
                continue  # nothing to compare with, or nothing new: the saved brief leaves it out too
            members = brief.items_in(section.id)
            note = " (generated)" if section.id in GENERATED_SECTIONS else f" ({len(members)})"
            heading = Content.assemble((one_line(section.heading), "bold"), (note, "$text-muted"))
            options.append(Option(heading, id=f"section:{section.id}", disabled=True))
            options.extend(Option(item_prompt(i, i.id in over, i.id in new), id=f"item:{i.id}") for i in members)
        self.set_options(options)
        self._restore(keep, old_index)

    def _restore(self, keep: str | None, old_index: int | None) -> None:
        if keep is not None:
            try:
                self.highlighted = self.get_option_index(f"item:{keep}")
                return
            except OptionDoesNotExist:
                pass
        items = [i for i, o in enumerate(self.options) if not o.disabled]
        if not items:
            self.highlighted = None
            return
        if old_index is None:
            self.highlighted = items[0]
        else:  # nearest item to where the cursor was (after a delete)
            self.highlighted = min(items, key=lambda i: (abs(i - old_index), i))


NEW_NOTE = "new-note"  # the editor's item id while a note is being written (it is no item yet)
NOTE_PLACEHOLDER = "Type the note. Enter adds it, Escape cancels."


class ItemEditor(TextArea):
    """Edits one item's text in place: Enter keeps the change, Escape drops it.

    A new note is written here before it becomes an item (`start_note`), so the
    editor starts empty and an abandoned or empty note never reaches the brief.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel edit", id="edit-cancel"),
    ]

    class Done(Message):
        def __init__(self, item_id: str, text: str | None) -> None:
            super().__init__()
            self.item_id = item_id
            self.text = text  # None: cancelled

    def __init__(self, id: str | None = None) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id=id)
        self.item_id: str | None = None

    def start(self, item: BriefItem) -> None:
        self._open(item.id, item.text, "")

    def start_note(self) -> None:
        self._open(NEW_NOTE, "", NOTE_PLACEHOLDER)

    def _open(self, item_id: str, text: str, placeholder: str) -> None:
        self.item_id = item_id
        self.placeholder = placeholder
        self.load_text(text)
        self.display = True
        self.screen.set_focus(self)
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._finish(" ".join(self.text.split()))
            return
        await super()._on_key(event)

    def action_cancel(self) -> None:
        self._finish(None)

    def _finish(self, text: str | None) -> None:
        if self.item_id is not None:
            self.post_message(self.Done(self.item_id, text))
        self.item_id = None
        self.display = False
