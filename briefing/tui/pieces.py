"""What the add key puts in the brief: the focused sentence, quote, digest line, figure or status line.

Kept apart from the screen so the rule "what is focused becomes which item"
reads in one place; the (text, origin) pairs come from `briefing.brief.items`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

from briefing.tui.keymap import KeyDisplay

from briefing.brief import items as brief_items
from briefing.brief.model import DuplicateItemError, ItemOrigin
from briefing.tui.session import Session
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.reader import ArticleText, DigestList, QuoteList, SummaryText
from briefing.models import Event
from briefing.tui.widgets.status_panel import Entry, StatusPanel, event_when
from briefing.tui.messages import BriefChanged
from briefing.tui.safe import clean, one_line

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen

Piece = tuple[str, ItemOrigin]

STATUS_ROWS = {
    "trend": brief_items.trend_row,
    "ceasefire": brief_items.ceasefire_row,
    "negotiations": brief_items.negotiations_row,
}


def add_label(focused: Widget | None) -> str:
    """What the add key adds from the focused pane, for the footer ("a Add figure")."""
    if isinstance(focused, (ArticleText, SummaryText)):
        return "Add sentence"
    if isinstance(focused, QuoteList):
        return "Add quote"
    if isinstance(focused, DigestList):
        return "Add digest line"
    if isinstance(focused, StatusPanel) and focused.current is not None:
        entry = focused.current
        if entry.kind == "status":
            return f"Add {entry.field.replace('negotiations', 'talks')} line"
        return {"figure": "Add figure", "evidence": "Add sentence", "event": "Add dated event"}.get(entry.kind,
                                                                                                   "Add: nothing here")
    return "Add: open an article" if focused is not None else "Add to brief"


def piece_for(focused: Widget | None, session: Session) -> Piece | None:
    """The item the focused widget offers, or None when it offers nothing addable."""
    if isinstance(focused, (ArticleText, SummaryText)):
        index = focused.sentence_index
        if focused.article is not None and index is not None:
            return brief_items.from_sentence(focused.article, index)
    elif isinstance(focused, QuoteList) and focused.current is not None:
        return brief_items.from_quote(focused.current)
    elif isinstance(focused, DigestList) and focused.current is not None:
        return brief_items.from_digest(focused.current)
    elif isinstance(focused, StatusPanel) and focused.current is not None:
        return status_piece(focused.current, session)
    return None


def status_piece(entry: Entry, session: Session) -> Piece | None:
    """A figure as a figure; an evidence line as its sentence; a status line as the brief's row."""
    if entry.kind == "figure" and entry.figure is not None:
        return brief_items.from_figure(entry.figure)
    if entry.kind == "event" and entry.event is not None:
        return event_piece(entry.event, session)
    if entry.kind == "evidence" and entry.ref is not None:
        article = session.articles.get(entry.ref.article_id)
        if article is not None and 0 <= entry.ref.sentence < len(article.sentences):
            return brief_items.from_sentence(article, entry.ref.sentence)
    if entry.kind == "status":
        row = STATUS_ROWS.get(entry.field)
        view = session.story_view()  # the story the panel shows
        status = view.status if view is not None else None
        made = row(status) if row is not None and status is not None else None
        return made or brief_items.from_status(entry.field, entry.text, entry.evidence)
    return None


def event_piece(event: Event, session: Session) -> Piece | None:
    """A timeline event as its sentence, led by its date ("14 March 2016: Putin ordered ..."):
    out of the timeline, the sentence alone would lose when it happened."""
    ref = event.evidence
    article = session.articles.get(ref.article_id) if ref is not None else None
    if ref is None or article is None or not 0 <= ref.sentence < len(article.sentences):
        return None
    text, origin = brief_items.from_sentence(article, ref.sentence)
    return f"{event_when(event)}: {text}", origin


def nothing_to_add(on_article_list: bool, keys: KeyDisplay) -> str:
    """What the add key says when the focus offers nothing to add."""
    if on_article_list:
        tabs = " · ".join(f"{keys(f'tab-{t}')} {t}" for t in ("article", "summary", "quotes", "digest"))
        return (f"Articles are added a piece at a time: open this one with Enter (or {tabs}), "
                f"then press {keys('add')} on a sentence, quote or digest line.")
    return ("Nothing to add here: focus a sentence, a quote, a figure or a status line "
            "(open an entry with Enter to see its sentences).")


def add_focused(screen: MainScreen) -> None:
    """The add key: whatever is focused (sentence, quote, figure, status line) into its section,
    said in a toast; an item already in the brief is refused, naming its section."""
    picked = piece_for(screen.focused, screen.session)
    if picked is None:
        on_list = isinstance(screen.focused, ArticleList)
        screen.notify(nothing_to_add(on_list, screen.keys), severity="information" if on_list else "warning",
                      markup=False)
        return
    text, origin = picked
    try:
        item = screen.session.brief.add(text, origin)
    except DuplicateItemError as e:  # already there: say where, rather than add it twice
        screen.notify(f"{e} {one_line(e.existing.text, 60)}", severity="warning", markup=False, timeout=4)
        return
    section = screen.session.brief.section(item.section)
    heading = section.heading if section else item.section
    screen.notify(f"Added to {clean(heading)}: {one_line(text, 60)}", markup=False, timeout=3)
    screen.post_message(BriefChanged())
