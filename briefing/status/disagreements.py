"""Where sources disagree, and where a running total only moved: shown, never averaged away.

Only figures that count the same thing at the same time can disagree: one
kind, one subject (figure_subject.subject_key), one scope, and the same
`as_of` day (an incident is compared with counts of the same day; a running
total with totals as of the same day; a count of unknown day only with others
of unknown day). Within such a group, two figures from different sources
disagree when the higher one's range starts more than 10% above the end of the
lower one's (ranges from the qualifier: exact [v, v], about [0.9v, 1.1v], at
least/over [v, 1.1v], nearly/up to [0.9v, v]); a vague plural ("thousands")
is a floor and contradicts nothing above it. So "at least 250,000" and "over
470,000" killed disagree although both are lower bounds.

Two counts of one day are of the same incident only if something says so: a
named subject ("Israeli soldiers", "protesters") and no place that sets them
apart, or, for counts of "people", a place both sentences name (not the set's
most-named place, the theatre every report names). Two airstrikes on one
day are two incidents, not a dispute.

A running total of one subject that rises from one day to the next is an
update: its latest figures carry the previous day's value (`Figure.earlier`,
"137 -> 163 since 20 Nov") instead of a flag.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from briefing.models import Figure
from briefing.status.figure_rules import KIND_ORDER
from briefing.status.figure_subject import subject_key
from briefing.nlp.names.lexicon import trie_regex

TOLERANCE = 0.10
_VAGUE_WORDS = ("dozens", "scores", "hundreds", "thousands", "millions")


def is_vague(fig: Figure) -> bool:
    """"dozens", "hundreds of people": a floor, not a count."""
    return any(w in fig.text.lower() for w in _VAGUE_WORDS)


def _range(fig: Figure) -> tuple[float, float]:
    v = float(fig.value)
    if is_vague(fig):
        return v, float("inf")
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


Group = tuple[str, str, str]  # kind, subject key, scope


def _group(fig: Figure) -> Group | None:
    if fig.value <= 0 or fig.kind == "other" or fig.scope not in ("incident", "cumulative"):
        return None
    return (fig.kind, subject_key(fig.subject), fig.scope)


def mark_disagreements(figures: Sequence[Figure], places: Sequence[str] = ()) -> list[Figure]:
    """Flag every figure that conflicts with one of its group counted the same day by another
    source; give a running total's latest figures the value it rose from. Ordered by kind,
    largest first.

    Linear per group and day: a figure conflicts with some other-source figure iff it
    conflicts with the other-source figure whose range starts highest or ends lowest,
    so only those extremes (best two sources each) are compared. `places` are the set's
    place names, most-named first (the incident anchors above).
    """
    by_day: dict[tuple[Group, dt.date | None], list[int]] = defaultdict(list)
    for i, fig in enumerate(figures):
        group = _group(fig)
        if group is not None and not (fig.scope == "incident" and fig.as_of is None):
            by_day[(group, fig.as_of)].append(i)
    flagged: set[int] = set()
    anchors = _Anchors(places)
    for (group, _), members in by_day.items():
        if group[2] == "incident":
            for part in anchors.incidents(figures, members, generic=_generic(figures[members[0]].subject)):
                flagged |= _conflicts(figures, part)
        else:
            flagged |= _conflicts(figures, members, anchors)
    out = [replace(fig, disagreement=(i in flagged)) for i, fig in enumerate(figures)]
    out = _mark_updates(out)
    out.sort(key=_figure_order)
    return out


class _Anchors:
    """The places each figure's sentence names, the set's most-named (the theatre) left out."""

    def __init__(self, places: Sequence[str]) -> None:
        names = set(places[1:])
        self._re = re.compile(r"(?<![\w-])" + trie_regex(names, any_space=False) + r"(?![\w-])") if names else None

    def of(self, fig: Figure) -> frozenset[str]:
        if self._re is None or fig.evidence is None:
            return frozenset()
        return frozenset(self._re.findall(fig.evidence.text))

    def apart(self, a: Figure, b: Figure) -> bool:
        """Both sentences name places, and none in common."""
        pa, pb = self.of(a), self.of(b)
        return bool(pa and pb and not pa & pb)

    def incidents(self, figures: Sequence[Figure], members: list[int], generic: bool) -> list[list[int]]:
        """The members that may count one incident, as groups: by shared place; a named subject
        with no place joins them all, a count of "people" with no place joins none."""
        named = {i: self.of(figures[i]) for i in members}
        placed = [i for i in members if named[i]]
        loose = [] if generic else [i for i in members if not named[i]]
        out = []
        for place in sorted({p for i in placed for p in named[i]}):
            out.append([i for i in placed if place in named[i]] + loose)
        if not placed and len(loose) > 1:
            out.append(loose)
        return out


def _generic(subject: str | None) -> bool:
    """"people", "troops", "civilians": a subject every report of the day may use for its own
    incident; "Israeli soldiers", "Palestinians", "IS militants" name whom they count."""
    words = (subject or "people").split()
    return len(words) == 1 and not words[0][:1].isupper()


def _conflicts(figures: Sequence[Figure], members: list[int], anchors: _Anchors | None = None) -> set[int]:
    """Members from different sources whose ranges do not meet; two running totals whose
    sentences name different places ("in Idlib", "in Aleppo") are two totals, not a dispute."""
    ranges = {i: _range(figures[i]) for i in members}
    source = {i: (figures[i].article, figures[i].reported_by) for i in members}
    highest = _two_sources(sorted(members, key=lambda i: -ranges[i][0]), source)
    lowest = _two_sources(sorted(members, key=lambda i: ranges[i][1]), source)
    flagged = set()
    for i in members:
        for j in (*highest, *lowest):
            if anchors is not None and anchors.apart(figures[i], figures[j]):
                continue
            if source[j] != source[i] and conflicting(figures[i], figures[j]):
                flagged.add(i)
                break
    return flagged


def _mark_updates(figures: list[Figure]) -> list[Figure]:
    """A running total's figures of the latest day carry the highest value of the day before,
    when it was lower (the total rose): the movement, not a dispute."""
    days: dict[Group, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, fig in enumerate(figures):
        group = _group(fig)
        if group is not None and group[2] == "cumulative" and fig.as_of is not None:
            days[group][fig.as_of].append(i)
    for by_date in days.values():
        if len(by_date) < 2:
            continue
        dates = sorted(by_date)
        latest, before = dates[-1], dates[-2]
        earlier = max(figures[i].value for i in by_date[before])
        for i in by_date[latest]:
            if figures[i].value > earlier:
                figures[i] = replace(figures[i], earlier=earlier, earlier_as_of=before)
    return figures


def _figure_order(fig: Figure) -> tuple[int, int]:
    """By kind, largest first."""
    kind = KIND_ORDER.index(fig.kind) if fig.kind in KIND_ORDER else 99
    return (kind, -fig.value)


def _two_sources(ordered: list[int], source: dict[int, tuple[str, str | None]]) -> list[int]:
    """The first member, and the first member from a different source."""
    if not ordered:
        return []
    first = ordered[0]
    other = next((i for i in ordered if source[i] != source[first]), None)
    return [first] if other is None else [first, other]
