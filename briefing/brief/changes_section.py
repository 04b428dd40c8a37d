"""The "Since the last brief" section: what this brief says that the last one of its story did not.

The reader of yesterday's brief wants the difference first, right under the
Bottom line: the developments that are new, the counts that moved ("Killed
(Palestinians): 137 -> 163, Gaza Health Ministry"), who is newly quoted. The
comparison itself is `briefing.store.changes` (a `Baseline` of the last saved
brief, attached to the brief as `Brief.since_last` by `briefing build` and the
app); this module only turns it into lines, from the brief's items as they are
now, so an edit in the app changes the section at once.

A new development is moved up from Key developments, not printed twice: the page
is one page. A new bottom-line sentence stays where it is (it was just read). A
new quotation is named by its speaker, its words are in Key quotes. The section
is left out when nothing changed, and when there is no earlier brief to compare with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.brief.items import FIGURE_LABELS
from briefing.brief.model import Brief, BriefItem, item_article_ids

if TYPE_CHECKING:
    from briefing.models import Figure, Quote
    from briefing.store.changes import Baseline, FigureMove

SECTION_ID = "changes"
BACKGROUND_DAYS = 3  # a day named this long before the report is its background (see is_background)
STAYS_IN_PLACE = frozenset({"bottom_line"})  # new there, but not repeated right below it
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip  (not the locale's: the brief is in English)


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One line of the section: plain text (escaped by the renderer), the articles it cites, and
    the brief item it stands for when it is a development moved up from its own section."""

    text: str
    article_ids: tuple[str, ...]
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class SinceLast:
    """The section's lines, and the date of the brief they are measured against."""

    previous_date: dt.date | None
    lines: tuple[ChangeLine, ...]

    @property
    def moved_up(self) -> frozenset[str]:
        """Ids of the items this section prints instead of their own section."""
        return frozenset(line.item_id for line in self.lines if line.item_id is not None)

    def intro(self) -> str:
        """'Compared with the brief of 20 November 2026:' (plain text)."""
        if self.previous_date is None:
            return "Compared with the last brief:"
        d = self.previous_date
        return f"Compared with the brief of {d.day} {_MONTHS[d.month - 1]} {d.year}:"


def since_last(brief: Brief) -> SinceLast | None:
    """The section for `brief`, or None when it has no such section, no earlier brief, or nothing new."""
    baseline = brief.since_last
    if baseline is None or SECTION_ID not in brief.section_ids:
        return None
    lines = [*_developments(brief, baseline), *_figures(brief, baseline), *_quotes(brief, baseline)]
    return SinceLast(baseline.previous.date, tuple(lines)) if lines else None


def new_items(brief: Brief, baseline: Baseline) -> frozenset[str]:
    """Ids of the brief's items that are new against `baseline` (the app marks them): the ones
    this section speaks of."""
    moves, fresh = _figure_changes(brief, baseline)
    figures = {id(m.after) for m in moves} | {id(f) for f in fresh}
    found = {it.id for it in brief.items
             if _is_new_development(it, baseline) and not is_background(it.text, _published(brief, it))}
    found |= {it.id for it in brief.items if it.origin.quote is not None and baseline.quote_is_new(it.origin.quote)}
    found |= {it.id for it in brief.items if it.origin.figure is not None and id(it.origin.figure) in figures}
    return frozenset(found)


# --------------------------------------------------------------------------- the three kinds


def _is_new_development(item: BriefItem, baseline: Baseline) -> bool:
    from briefing.store.changes import DEVELOPMENT_KINDS, DEVELOPMENT_SECTIONS, Development

    o = item.origin
    if o.quote is not None or o.figure is not None:
        return False
    if o.kind not in DEVELOPMENT_KINDS and not (o.kind == "free" and item.section in DEVELOPMENT_SECTIONS):
        return False
    return baseline.development_is_new(Development(item.text, o.article_ids, o.sentence))


def _developments(brief: Brief, baseline: Baseline) -> list[ChangeLine]:
    return [
        ChangeLine(it.text, item_article_ids(it), it.id)
        for it in brief.items
        if it.section not in STAYS_IN_PLACE and it.section != SECTION_ID and _is_new_development(it, baseline)
        and not is_background(it.text, _published(brief, it))
    ]


def _published(brief: Brief, item: BriefItem) -> dt.date | None:
    """The earliest date of the articles an item cites, as far as the brief knows them."""
    dates = [s.published for a in item_article_ids(item) if (s := brief.sources.get(a)) and s.published]
    return min(dates) if dates else None


def is_background(text: str, published: dt.date | None) -> bool:
    """A sentence that tells of an earlier day is background, not a development since the last brief.

    "The war broke out on July 8" in a report of August 6 is how reporters remind the
    reader; the analyst's reader already knew it. True when the sentence names at least
    one day, and every day it names is more than BACKGROUND_DAYS before the report's date
    (a report of Wednesday saying "on Monday" still tells of this week's events)."""
    if published is None:
        return False
    from briefing.status.dates import Reference, find_dates

    reference = Reference(published.year, published.month, published.day, False, "article date")
    days = [w.date for w in find_dates(text, reference) if w.date is not None]
    return bool(days) and all((published - d).days > BACKGROUND_DAYS for d in days)


def _figures(brief: Brief, baseline: Baseline) -> list[ChangeLine]:
    moves, fresh = _figure_changes(brief, baseline)
    return [ChangeLine(_moved(m), (m.after.article,)) for m in moves] + [
        ChangeLine(_new_figure(f), (f.article,)) for f in fresh
    ]


def _figure_changes(brief: Brief, baseline: Baseline) -> tuple[list[FigureMove], list[Figure]]:
    """Moved series and new series, each from an article the last brief had not loaded (a count
    that was there to be reported then is no change since)."""
    from briefing.store.changes import compare_briefs, content_of_brief

    changes = compare_briefs(content_of_brief(brief), baseline.previous)
    moves = [m for m in changes.moved_figures if not baseline.already_loaded((m.after.article,))]
    fresh = [f for f in changes.new_figures if not baseline.already_loaded((f.article,))]
    return moves, fresh


def _moved(move: FigureMove) -> str:
    """'Killed (Palestinians): 137 -> 163, Gaza Health Ministry' (the kind as the status table names it)."""
    line = move.describe()
    label = FIGURE_LABELS.get(move.kind)
    return label + line[len(move.kind) :] if label else line


def _new_figure(figure: Figure) -> str:
    """'Injured: 412 (not in the last brief), UN' - a series the last brief did not carry."""
    subject = getattr(figure, "subject", None)
    series = FIGURE_LABELS.get(figure.kind, figure.kind.capitalize()) + (f" ({subject})" if subject else "")
    counted = f", {figure.reported_by}" if figure.reported_by else ""
    return f"{series}: {figure.value:,} (not in the last brief){counted}"


def _quotes(brief: Brief, baseline: Baseline) -> list[ChangeLine]:
    quotes: list[Quote] = []
    for it in brief.items:
        q = it.origin.quote
        if q is not None and baseline.quote_is_new(q) and q not in quotes:
            quotes.append(q)
    if not quotes:
        return []
    speakers = list(dict.fromkeys(q.speaker or "an unattributed source" for q in quotes))
    ids = tuple(dict.fromkeys(a for q in quotes for a in q.articles))
    return [ChangeLine(f"Newly quoted: {_and(speakers)}.", ids)]


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


__all__ = ["SECTION_ID", "ChangeLine", "SinceLast", "is_background", "new_items", "since_last"]
