"""The human toll: a conflict brief says how many were killed, wounded or driven out.

Every analyst's brief on a war carries the count, yet the coverage objective often
passes it over: each outlet words the toll differently ("killed nearly 1,900
Palestinians", "the death toll rose to 1,900"), so no single wording collects the
reach the story's other facts do, and recency favours the day's new event. When none
of the first lines states a count of people killed, wounded, dead or displaced, a chosen
line further down that does moves up to second, else the best-scored line that does (the
same objective: reach, recency, position, standing alone) comes right after the lead, and
the lines at the end make room for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from briefing.digest.features import terms, word_count
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
# The brief shows the digest's first lines for sure (the bottom line and the first developments).
TOLL_WITHIN = 4
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def states_toll(text: str) -> bool:
    """The sentence, in the reporter's words, counts people killed, wounded or displaced."""
    return bool(TOLL.search(_QUOTED.sub("Q", text)))


def with_toll(
    chosen: list[tuple[Unit, float]],
    candidates: Sequence[Unit],
    budget: int,
    rewriter: Rewriter,
    score: Callable[[Unit], float],
) -> list[tuple[Unit, float]]:
    """`chosen` with a toll line among its first TOLL_WITHIN (see the module docstring): one it
    has further down moves up to second, else the best-scored one is put there."""
    if not chosen:
        return chosen
    tolls = [k for k, (unit, _) in enumerate(chosen) if states_toll(unit.text)]
    if tolls and tolls[0] < TOLL_WITHIN:
        return chosen
    if tolls:
        k = tolls[0]
        return [chosen[0], chosen[k], *chosen[1:k], *chosen[k + 1 :]]
    taken = {(u.article, u.sentence) for u, _ in chosen}
    best: tuple[float, Unit] | None = None
    for unit in candidates:
        if (unit.article, unit.sentence) in taken or not states_toll(unit.text):
            continue
        value = score(unit)
        if value > 0 and (best is None or value > best[0]):
            best = (value, unit)
    if best is None:
        return chosen
    text = rewriter.rewrite(best[1].article, best[1].sentence, best[1].text)
    if text is None or not states_toll(text):
        return chosen
    toll = best[1] if text == best[1].text else replace(best[1], text=text, words=word_count(text), terms=terms(text))
    kept = list(chosen)
    while len(kept) > 1 and sum(u.words for u, _ in kept) + toll.words > budget:
        kept.pop()
    if sum(u.words for u, _ in kept) + toll.words > budget:
        return chosen
    return [kept[0], (toll, best[0]), *kept[1:]]
