"""The human toll: a conflict brief says how many were killed, wounded or driven out.

Every analyst's brief on a war carries the count, yet the coverage objective often
passes it over: each outlet words the toll differently ("killed nearly 1,900
Palestinians", "the death toll rose to 1,900"), so no single wording collects the
reach the story's other facts do, and recency favours the day's new event. When none
of the first lines states a count of people killed, wounded, dead or displaced, a chosen
line further down that does moves up to second, else the best-scored line that does (the
same objective: reach, recency, position, standing alone) comes right after the lead, and
the lines at the end make room for it.

A toll counts every side the reports count. "Nearly 1,900 Palestinians have been killed"
is true and one-sided when other reports give "1,900 Palestinians and 67 Israelis": when
the chosen toll counts one group and another report's line gives the same count beside a
second group's (every number of the chosen line, and more), that fuller line takes its
place (`_fuller`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing.digest.lead import event_factor
from briefing.digest.standalone import Rewriter
from briefing.digest.units import Unit

_COUNT = (
    r"(?:\d[\d,.]*(?:\s+(?:million|thousand))?|hundreds|thousands|dozens|scores|tens\s+of\s+thousands"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozen)"
)
_HARM = r"(?:killed|dead|died|wounded|injured|displaced|fled|slain)"
_QUALIFIER = r"(?:at\s+least\s+|nearly\s+|more\s+than\s+|about\s+|some\s+|almost\s+|over\s+|an\s+estimated\s+)?"
# "14 civilians were killed", "killed at least 70 fighters", "the death toll rose to 1,300".
TOLL = re.compile(
    rf"\b{_COUNT}\b(?:\s+[\w.'\u2019-]+){{0,7}}?\s+(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+)?{_HARM}\b"
    rf"|\b(?:killed|killing|kills|wounded|wounding|displaced|displacing)\s+{_QUALIFIER}{_COUNT}\b"
    rf"|\bdeath\s+toll\b[^.]{{0,40}}?\b{_COUNT}\b",
    re.I,
)
# Two counts joined by "and": "1,900 Palestinians and 67 Israelis", "64 soldiers and three civilians".
_TWO_GROUPS = re.compile(
    rf"\b{_COUNT}\s+(?:[\w'\u2019-]+\s+){{1,3}}?and\s+{_QUALIFIER}{_COUNT}\s+[A-Za-z]", re.I
)
# The brief shows the digest's first lines for sure (the bottom line and the first developments).
TOLL_WITHIN = 4
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


# A count told as hearsay: "Some news reports said 100 people had been killed", "according to
# unconfirmed reports". A brief states the toll a named source or the reporter gives.
_HEARSAY = re.compile(
    r"\b(?:some|several|other|unconfirmed|unverified|early|initial|conflicting)\s+(?:news\s+|media\s+|press\s+)?"
    r"reports?\s+(?:said|say|says|suggested|suggest|put|puts|had|have)\b"
    r"|\baccording\s+to\s+(?:some\s+|unconfirmed\s+|unverified\s+|media\s+|news\s+|press\s+)?reports\b"
    r"|\b(?:media|news|press)\s+reports\s+(?:said|say|says|suggested|put)\b",
    re.I,
)


def states_toll(text: str) -> bool:
    """The sentence, in the reporter's words, counts people killed, wounded or displaced, on
    someone's word (hearsay, "some reports said", is no toll to state)."""
    own = _QUOTED.sub("Q", text)
    return bool(TOLL.search(own)) and not _HEARSAY.search(own)


def counts_two_groups(text: str) -> bool:
    """A toll in the reporter's words that counts two groups ("1,900 Palestinians and 67 Israelis")."""
    own = _QUOTED.sub("Q", text)
    return bool(TOLL.search(own)) and bool(_TWO_GROUPS.search(own))


def with_toll(
    chosen: list[tuple[Unit, float]],
    candidates: Sequence[Unit],
    budget: int,
    rewriter: Rewriter,
    score: Callable[[Unit], float],
) -> list[tuple[Unit, float]]:
    """`chosen` with a toll line among its first TOLL_WITHIN (see the module docstring): one it
    has further down moves up to second, else the best-scored one is put there; either way
    the fullest count of it (`_fuller`)."""
    if not chosen:
        return chosen
    tolls = [k for k, (unit, _) in enumerate(chosen) if states_toll(unit.text)]
    if tolls and tolls[0] < TOLL_WITHIN:
        return _fuller(chosen, tolls[0], candidates, budget, rewriter, score)
    if tolls:
        k = tolls[0]
        moved = [chosen[0], chosen[k], *chosen[1:k], *chosen[k + 1 :]]
        return _fuller(moved, 1, candidates, budget, rewriter, score)
    added = _with_best_toll(chosen, candidates, budget, rewriter, score)
    if added is chosen:
        return chosen
    return _fuller(added, 1, candidates, budget, rewriter, score)


def _with_best_toll(
    chosen: list[tuple[Unit, float]],
    candidates: Sequence[Unit],
    budget: int,
    rewriter: Rewriter,
    score: Callable[[Unit], float],
) -> list[tuple[Unit, float]]:
    """`chosen` with the best-scored toll line put second (the last lines make room), or
    `chosen` itself when no candidate states a toll."""
    found = _best_line(chosen, candidates, states_toll, rewriter, score)
    if found is None:
        return chosen
    kept = _room_for(chosen, found[0].words, budget, keep=1)
    return chosen if kept is None else [kept[0], found, *kept[1:]]


def _fuller(
    chosen: list[tuple[Unit, float]],
    k: int,
    candidates: Sequence[Unit],
    budget: int,
    rewriter: Rewriter,
    score: Callable[[Unit], float],
) -> list[tuple[Unit, float]]:
    """`chosen` with its toll line `k` replaced by a line that gives the same count beside a
    second group's, when the chosen one counts one group (see the module docstring). A
    conditional or forecast ("if the calm holds, it would be ...") is no toll to put first."""
    toll = chosen[k][0]
    if counts_two_groups(toll.text) or not toll.terms.numbers:
        return chosen
    same_counts = [u for u in candidates if toll.terms.numbers <= u.terms.numbers and event_factor(u.text) >= 1.0]
    found = _best_line(chosen, same_counts, counts_two_groups, rewriter, score)
    if found is None:
        return chosen
    kept = _room_for(chosen, found[0].words - toll.words, budget, keep=k + 1)
    if kept is None:
        return chosen
    kept[k] = (found[0], chosen[k][1])
    return kept


def _best_line(
    chosen: Sequence[tuple[Unit, float]],
    candidates: Sequence[Unit],
    wanted: Callable[[str], bool],
    rewriter: Rewriter,
    score: Callable[[Unit], float],
) -> tuple[Unit, float] | None:
    """The best-scored candidate not chosen yet whose text is `wanted`, made to stand alone
    (and still `wanted` then), with its score; None when there is none."""
    taken = {(u.article, u.sentence) for u, _ in chosen}
    best: tuple[float, Unit] | None = None
    for unit in candidates:
        if (unit.article, unit.sentence) in taken or not wanted(unit.text):
            continue
        value = score(unit)
        if value > 0 and (best is None or value > best[0]):
            best = (value, unit)
    if best is None:
        return None
    ready = rewriter.ready(best[1])
    return None if ready is None or not wanted(ready.text) else (ready, best[0])


def _room_for(
    chosen: Sequence[tuple[Unit, float]], extra: int, budget: int, keep: int
) -> list[tuple[Unit, float]] | None:
    """`chosen` without as many of its last lines (never its first `keep`) as it takes to add
    `extra` words within `budget`; None when even that is not enough."""
    kept = list(chosen)
    while len(kept) > keep and sum(u.words for u, _ in kept) + extra > budget:
        kept.pop()
    return kept if sum(u.words for u, _ in kept) + extra <= budget else None
