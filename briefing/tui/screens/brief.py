"""The brief builder: sections and items, reorder/move/edit/delete/undo, live Markdown preview.

Every change goes through `Brief`'s operations (which keep undo and the
revision) and is then announced with `BriefChanged`: the app autosaves the
draft and hands the new state back down (`refresh_brief`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from briefing.brief import items as brief_items
from briefing.brief.model import GENERATED_SECTIONS, BriefError
from briefing.brief.render import news_date, render
from briefing.tui.key_gate import ask
from briefing.tui.keymap import KeyDisplay
from briefing.tui.messages import BriefChanged
from briefing.tui.safe import clean, one_line
from briefing.tui.screens.dialogs import PromptScreen, SectionPicker
from briefing.tui.session import Session
from briefing.tui.widgets.brief_list import NEW_NOTE, BriefList, ItemEditor


EDIT_TITLE = "Editing: Enter keeps the change, Escape cancels"
NOTE_TITLE = "New note: Enter adds it, Escape cancels"


class BriefScreen(Screen[None]):
    """Assemble the one-page brief."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-medium"), (160, "-wide")]

    BINDINGS = [
        # J/K, t and p are in the help (?) and the palette: with them the footer lost
        # "^s Save" off its end at 80 and 100 columns.
        Binding("escape,b", "back", "Back", tooltip="Back to the articles", id="brief-back"),
        Binding("K", "move(-1)", "Up", show=False, tooltip="Move the item up within its section", id="item-up"),
        Binding("J", "move(1)", "Down", show=False, tooltip="Move the item down within its section", id="item-down"),
        Binding("m", "move_to_section", "Move", tooltip="Move the item to another section", id="item-section"),
        Binding("e", "edit", "Edit", tooltip="Edit the item in place (Enter keeps, Escape cancels)", id="item-edit"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the item (undo brings it back)", id="item-delete"),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="Undo the last change to the brief", id="undo"),
        Binding("i", "note", "Note", tooltip="Add an analyst note (free text)", id="item-note"),
        Binding("s", "speaker", "Speaker", show=False,
                tooltip="Correct who said the quote: 'Name, role' (empty: unattributed)", id="quote-speaker"),
        Binding("t", "retitle", "Title", show=False, tooltip="Change the brief's title", id="brief-title"),
        Binding("p", "toggle_preview", "Preview", show=False, tooltip="Show or hide the Markdown preview", id="toggle-preview"),
    ]

    def __init__(self, session: Session, keys: KeyDisplay) -> None:
        super().__init__()
        self.session = session
        self.keys = keys

    def compose(self) -> ComposeResult:
        yield Static(id="brief-meter", markup=False)
        with Horizontal(id="brief-panes"):
            with Vertical(id="brief-left"):
                yield BriefList(id="brief-items")
                yield ItemEditor(id="item-editor")
            with VerticalScroll(id="brief-preview"):
                yield Markdown(id="brief-markdown", open_links=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#brief-left").border_title = "Brief items"
        self.query_one("#brief-preview").border_title = "Preview (Markdown)"
        editor = self.query_one(ItemEditor)
        editor.display = False
        editor.border_title = EDIT_TITLE
        self.refresh_brief()
        self.set_focus(self.query_one(BriefList))

    def on_screen_resume(self) -> None:
        self.refresh_brief()

    # -- view -------------------------------------------------------------------------------

    def refresh_brief(self, focus_item: str | None = None) -> None:
        """Redraw the list, the meter and the preview from the brief."""
        session = self.session
        report = session.page_meter()
        over = frozenset(report.over_items)
        self.query_one(BriefList).show(session.brief, over, focus_item)
        meter = self.query_one("#brief-meter", Static)
        meter.set_class(not report.fits, "over")
        state = "unsaved changes" if session.unsaved else (f"saved to {session.saved_path}" if session.saved_path else "")
        meter.update(
            Content.assemble(
                (one_line(session.brief.title, 80), "bold"),
                f" — {self._dates(session)}   ",
                (report.describe(), "bold $error" if not report.fits else "bold $success"),
                (" — past one page!" if not report.fits else " (one page)", "$error" if not report.fits else "$text-muted"),
                (f"   {one_line(state, 100)}", "$text-muted"),
            )
        )
        # the preview shows the body: the Markdown widget would draw the YAML front matter as text
        body = render(session.brief, session.analysis_view()).body
        self.query_one("#brief-markdown", Markdown).update(clean(body))

    @staticmethod
    def _dates(session: Session) -> str:
        """The date of the news the brief reports, as its title in the file says; the day it is
        prepared beside it when that is another day (a brief about yesterday's reports)."""
        news = news_date(session.brief, session.analysis_view())
        if news == session.brief.date:
            return news.isoformat()
        return f"{news.isoformat()} (prepared {session.brief.date.isoformat()})"

    def _changed(self, focus_item: str | None = None) -> None:
        self.post_message(BriefChanged(focus_item=focus_item))  # the app autosaves, then refreshes this screen

    # -- actions ----------------------------------------------------------------------------

    def _current(self) -> str | None:
        item_id = self.query_one(BriefList).item_id
        if item_id is None:
            self.notify("No item selected.", severity="warning", markup=False, timeout=2)
        return item_id

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_move(self, delta: int) -> None:
        if (item_id := self._current()) is None:
            return
        if self.session.brief.move(item_id, delta):
            self._changed(item_id)

    def action_move_to_section(self) -> None:
        if (item_id := self._current()) is None:
            return
        brief = self.session.brief
        sections = [(s.id, s.heading) for s in brief.sections if s.id not in GENERATED_SECTIONS]

        def moved(section_id: str | None) -> None:
            if section_id:
                brief.move_to_section(item_id, section_id)
                self._changed(item_id)

        ask(self, SectionPicker(sections, brief.item(item_id).section), moved)

    def action_edit(self) -> None:
        if (item_id := self._current()) is None:
            return
        editor = self.query_one(ItemEditor)
        editor.border_title = EDIT_TITLE
        editor.start(self.session.brief.item(item_id))

    @on(BriefList.OptionSelected)
    def _item_selected(self) -> None:
        self.action_edit()

    @on(ItemEditor.Done)
    def _edit_done(self, event: ItemEditor.Done) -> None:
        self.set_focus(self.query_one(BriefList))
        if event.item_id == NEW_NOTE:
            self._note_done(event.text)
            return
        if event.text is None:
            return
        if not event.text:
            self.notify(f"An item cannot be empty; delete it instead ({self.keys('item-delete')}).", severity="warning",
                        markup=False)
            return
        try:
            self.session.brief.edit(event.item_id, event.text)
        except BriefError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        self._changed(event.item_id)

    def action_delete(self) -> None:
        if (item_id := self._current()) is None:
            return
        self.session.brief.remove(item_id)
        self.notify(f"Item deleted ({self.keys('undo')} to undo).", markup=False, timeout=3)
        self._changed()

    def action_undo(self) -> None:
        if self.session.brief.undo():
            self._changed()
        else:
            self.notify("Nothing to undo.", markup=False, timeout=2)

    def action_note(self) -> None:
        """A free-text analyst note: an empty editor; the note becomes an item only when written."""
        editor = self.query_one(ItemEditor)
        editor.border_title = NOTE_TITLE
        editor.start_note()

    def _note_done(self, text: str | None) -> None:
        if text is None:
            return
        if not text:
            self.notify("The note was empty; nothing was added.", markup=False, timeout=3)
            return
        try:
            item = self.session.brief.add(*brief_items.free(text))
        except BriefError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        self._changed(item.id)

    def action_speaker(self) -> None:
        """Correct a quote's speaker and role as "Name, role"; empty makes it unattributed."""
        if (item_id := self._current()) is None:
            return
        brief = self.session.brief
        quote = brief.item(item_id).origin.quote
        if quote is None:
            self.notify("Only quotes have a speaker.", severity="warning", markup=False, timeout=3)
            return

        def corrected(value: str | None) -> None:
            if value is None:
                return
            speaker, _, role = (" ".join(value.split())).partition(",")
            brief.attribute(item_id, speaker, role)
            self._changed(item_id)

        current = ", ".join(x for x in (quote.speaker, quote.role) if x)
        ask(
            self,
            PromptScreen("Who said it (Name, role; empty: unattributed):", current, "save", allow_empty=True), corrected
        )

    def action_retitle(self) -> None:
        brief = self.session.brief

        def retitled(title: str | None) -> None:
            if title and title.strip():
                brief.retitle(" ".join(title.split()))
                self._changed()

        ask(self, PromptScreen("Title of the brief:", brief.title, "rename"), retitled)

    def action_toggle_preview(self) -> None:
        """Wide: show or hide the preview. Narrow: switch between the items and the preview."""
        self.toggle_class("show-preview")
