"""Where sources disagree: figures of one kind and scope whose ranges do not overlap.

Shown rather than averaged away: each conflicting figure is flagged, and the
figures are ordered by kind, largest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from briefing.models import Figure
from briefing.status.figures import KIND_ORDER

TOLERANCE = 0.10


def _range(fig: Figure) -> tuple[float, float]:
    v = float(fig.value)
    if "thousands" in fig.text.lower() or "hundreds" in fig.text.lower() or "dozens" in fig.text.lower():
        return v, v * 10
    return {
        "exact": (v, v),
        "about": (v * 0.9, v * 1.1),
        "at least": (v, v * 1.1),
        "over": (v, v * 1.1),
        "nearly": (v * 0.9, v),
        "up to": (v * 0.9, v),
    }.get(fig.qualifier, (v, v))


def conflicting(a: Figure, b: Figure) -> bool:
    lo, hi = sorted((_range(a), _range(b)), key=lambda r: r[0])
    return hi[0] > lo[1] * (1 + TOLERANCE)


def mark_disagreements(found: Sequence[tuple[Figure, bool, str | None]]) -> list[Figure]:
    """Flag every figure that conflicts with a figure of the same kind and scope from another source.

    Linear per group: a figure conflicts with some other-source figure iff it
    conflicts with the other-source figure whose range starts highest or ends
    lowest, so only those extremes (best two sources each) are compared.
    """
    groups: dict[tuple[str, bool, str | None], list[int]] = defaultdict(list)
    for i, (fig, total, day) in enumerate(found):
        if fig.value > 0 and fig.kind != "other" and (total or day):
            groups[(fig.kind, total, day)].append(i)
    flagged: set[int] = set()
    for members in groups.values():
        ranges = {i: _range(found[i][0]) for i in members}
        source = {i: (found[i][0].article, found[i][0].reported_by) for i in members}
        highest = _two_sources(sorted(members, key=lambda i: -ranges[i][0]), source)
        lowest = _two_sources(sorted(members, key=lambda i: ranges[i][1]), source)
        for i in members:
            for j in (*highest, *lowest):
                if source[j] != source[i] and conflicting(found[i][0], found[j][0]):
                    flagged.add(i)
                    break
    figures = [replace(fig, disagreement=(i in flagged)) for i, (fig, _, _) in enumerate(found)]
    figures.sort(key=_figure_order)
    return figures


def _figure_order(fig: Figure) -> tuple[bool, int, int]:
    """By kind, largest first; an earlier war's toll (Figure.background, once models.py has it) after
    every current figure, so it is never the headline."""
    kind = KIND_ORDER.index(fig.kind) if fig.kind in KIND_ORDER else 99
    return (bool(getattr(fig, "background", False)), kind, -fig.value)


def _two_sources(ordered: list[int], source: dict[int, tuple[str, str | None]]) -> list[int]:
    """The first member, and the first member from a different source."""
    if not ordered:
        return []
    first = ordered[0]
    other = next((i for i in ordered if source[i] != source[first]), None)
    return [first] if other is None else [first, other]
