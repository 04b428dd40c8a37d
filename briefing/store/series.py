"""Figures over time: each figure series (kind and subject) across the saved briefs of a story.

A death toll read once is a number; read every morning it is a trend, and the
brief can say "up from 137 on 20 Nov". The history is what the analyst put in
their briefs (the counts they signed), one point per brief: its headline figure
of the series (`changes.headline_figures`), so the points are the same numbers
the "Since the last brief" comparison moves between. Pure functions over
recorded briefs, for the app's chart and the brief's wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.models import Figure
from briefing.store.briefs import SavedBrief
from briefing.store.changes import content_of_saved, headline_figures

SeriesKey = tuple[str, str | None]  # (kind, subject)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # not the locale's


@dataclass(frozen=True, slots=True)
class Point:
    """One brief's headline value of a series."""

    date: dt.date
    saved_at: float
    value: int
    reported_by: str | None
    brief_id: int


def figure_series(briefs: Iterable[SavedBrief]) -> dict[SeriesKey, tuple[Point, ...]]:
    """Every series found in `briefs`, each as its points oldest first (one per brief that had it)."""
    found: dict[SeriesKey, list[Point]] = {}
    for saved in sorted(briefs, key=lambda b: (b.saved_at, b.id)):
        figures = headline_figures(content_of_saved(saved.data).figures)
        for key, figure in figures.items():
            found.setdefault(key, []).append(_point(saved, figure))
    return {key: tuple(points) for key, points in found.items()}


def previous_point(points: Iterable[Point], before: float) -> Point | None:
    """The last point saved before `before` (a brief being written compares with it)."""
    earlier = [p for p in points if p.saved_at < before]
    return earlier[-1] if earlier else None


def change_phrase(value: int, previous: Point | None) -> str | None:
    """'up from 137 on 20 Nov', 'down from 40 on 2 May', 'unchanged since 2 May'; None without a previous point."""
    if previous is None:
        return None
    when = f"{previous.date.day} {_MONTHS[previous.date.month - 1]}"
    if value == previous.value:
        return f"unchanged since {when}"
    direction = "up" if value > previous.value else "down"
    return f"{direction} from {previous.value:,} on {when}"


def _point(saved: SavedBrief, figure: Figure) -> Point:
    return Point(saved.date, saved.saved_at, figure.value, figure.reported_by, saved.id)
