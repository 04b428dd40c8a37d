"""The lead: the latest, most consequential development, as an editor would pick it.

Three rules a journalist applies, in this order of weight:

* Recency. The newest reports carry the day's news; a two-day-old visit that every
  outlet repeated is background by now. A report's weight halves for each day it
  is older than the newest dated report in the set (undated reports count as the
  oldest). With no dates at all there is no "latest", and the most important fact
  (the digest's own first choice) leads.
* Reach. The lead comes from a report's lede (its first few sentences: news puts
  what happened first), and the sentence with the most widely reported content
  wins: the digest's concept weights count how many outlets carry each concept, so a
  fresh development that several outlets already report beats one outlet's aside,
  and an off-topic story that happens to be the newest scores little.
* Events over reactions. "X said ..." or "Y condemned ..." in the opening words
  reports a reaction; "Parliament voted ..." reports an event. A reaction, or a
  forecast ("could", "would"), counts for less.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from briefing.digest.standalone import stands_alone
from briefing.digest.units import Unit
from briefing.models import Article

HALF_LIFE_DAYS = 1.0
LEDE_RANKS = 3  # the lead comes from a report's first three candidate sentences
LEDE_WEIGHTS = (1.0, 0.85, 0.7)
REACTION_FACTOR = 0.6
FORECAST_FACTOR = 0.8
MAX_LEAD_WORDS = 50
MIN_REACH = 0.2  # share of the lead's content words other reports use too
_OPENING_WORDS = 10
_REACTION = re.compile(
    r"\b(?:said|says|told|tells|believes?|thinks|argued|argues|claimed|claims|warned|warns|urged|urges|"
    r"called\s+for|calls\s+for|criticized|criticised|criticizes|criticises|condemned|condemns|praised|praises|"
    r"welcomed|welcomes|accused|accuses|blamed|blames|vowed|vows|demanded|demands|insisted|insists|"
    r"questioned|questions|slammed|slams|denounced|denounces|"
    # "joined other lawmakers in claiming that ...": the participle reports a reaction too
    r"saying|claiming|arguing|warning|urging|calling\s+for|criticizing|criticising|condemning|accusing|blaming|"
    r"demanding|insisting)\b",
    re.I,
)
_FORECAST = re.compile(r"\b(?:could|might|may|would|will\s+likely|is\s+expected\s+to|are\s+expected\s+to)\b", re.I)
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def recency(articles: Sequence[Article], half_life: float = HALF_LIFE_DAYS) -> list[float] | None:
    """Each article's weight by age (1 for the newest date, halving every `half_life` days),
    or None when nothing is dated."""
    dates = [a.published for a in articles]
    known = [d for d in dates if d is not None]
    if not known:
        return None
    newest, oldest = max(known), min(known)
    return [_decay(newest, d if d is not None else oldest, half_life) for d in dates]


def _decay(newest: dt.date, date: dt.date, half_life: float) -> float:
    days = max(0, (newest - date).days)
    return float(0.5 ** (days / half_life))


def choose_lead(
    content: Sequence[Unit], articles: Sequence[Article], score: Callable[[Unit], float]
) -> Unit | None:
    """The lede sentence of the newest reports that best states a widely reported event;
    None when nothing is dated (the digest's first choice leads then)."""
    weights = recency(articles)
    if weights is None:
        return None
    reach = _Reach(content)
    # In a pile another story's newest report must not lead either (see OFF_STORY_REACH).
    min_reach = OFF_STORY_REACH if len(articles) >= OFF_STORY_MIN_REPORTS else MIN_REACH
    best: tuple[float, Unit] | None = None
    for unit in content:
        if not 0 <= unit.rank < LEDE_RANKS or unit.words > MAX_LEAD_WORDS or not stands_alone(unit.text):
            continue
        if reach.of(unit) < min_reach:
            continue  # another story (the newest report is not always about this one)
        value = score(unit) * LEDE_WEIGHTS[unit.rank] * weights[unit.article] * event_factor(unit.text)
        if best is None or value > best[0]:
            best = (value, unit)
    return best[1] if best is not None else None


class _Reach:
    """The share of a sentence's content words that other reports use too: the newest report
    on another story (a match result in a pile about a war) shares almost none."""

    def __init__(self, content: Sequence[Unit]) -> None:
        self._articles: dict[str, set[int]] = {}
        for unit in content:
            for stem in unit.terms.unigrams:
                self._articles.setdefault(stem, set()).add(unit.article)

    def of(self, unit: Unit) -> float:
        stems = unit.terms.unigrams
        if not stems:
            return 0.0
        shared = sum(1 for s in stems if len(self._articles.get(s, ())) > 1 or unit.article not in self._articles.get(s, ()))
        return shared / len(stems)


def event_factor(text: str) -> float:
    """1 for a sentence that reports an event; less for a reaction or a forecast."""
    opening = " ".join(_QUOTED.sub("Q", text).split()[:_OPENING_WORDS])
    factor = 1.0
    if _REACTION.search(opening):
        factor *= REACTION_FACTOR
    if _FORECAST.search(opening):
        factor *= FORECAST_FACTOR
    return factor


# Below the lead the rest keeps the digest's order of importance, with two of the same
# editor's rules: the day's events before background (a year before the newest report's,
# "since Hamas seized Gaza in 2007", counts BACKGROUND_FACTOR), and nothing from another
# story that shares the pile (a sentence most of whose words no other report uses: a TV
# debate row in a pile about a war). Reactions are not put back here: below the lead, what
# a government says (a threat, a denial) is often the development itself.
BACKGROUND_FACTOR = 0.6
OFF_STORY_REACH = 0.65
# Telling another story apart takes a pile: in a handful of reports each one's own details
# are most of what it says.
OFF_STORY_MIN_REPORTS = 6
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LOOKS_BACK = re.compile(r"\blast\s+(?:week|month|year)\b|\b(?:weeks|months|years)\s+ago\b", re.I)


# A report older than the newest one is yesterday's news. Its "today", "last night" or "now"
# is not the reader's (TODAY_STALE_DAYS); what it says "has taken hold", "is holding", "are
# calling for", "continues to" or "will" happen has happened or changed a few days on
# (STALE_DAYS: a truce that "has taken hold" on the 5th had expired by the 10th; a prime
# minister who "continues to face opposition" has lost the vote). Such a line is not chosen.
TODAY_STALE_DAYS = 1
STALE_DAYS = 2
_TODAY = re.compile(
    r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|now|currently|right\s+now|"
    r"last\s+night|yesterday|earlier\s+in\s+the\s+day)\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:this\s+week|(?:has|have)\s+taken\s+hold|(?:is|are)\s+(?:holding|in\s+effect|under\s*way|expected\s+to|"
    r"set\s+to|due\s+to|scheduled\s+to|planning\s+to|to\s+meet|to\s+vote)|will|plans\s+to|plan\s+to|"
    # what was going on as the reporter wrote: "are calling for", "is accusing", "continues to face"
    r"(?:is|are)\s+(?:still\s+|now\s+)?[a-z]+ing|continues?\s+to|remains?\s+(?:in|under|on|at|closed|open))\b",
    re.I,
)


def is_stale_present(text: str, published: dt.date | None, newest: dt.date | None) -> bool:
    """The sentence, outside its quotations, speaks of the reporter's today, or of the present or
    the future, and its report is that much older than the newest report."""
    if published is None or newest is None:
        return False
    age = (newest - published).days
    own = _QUOTED.sub("Q", text)
    return (age >= TODAY_STALE_DAYS and _TODAY.search(own) is not None) or (
        age >= STALE_DAYS and _PRESENT.search(own) is not None
    )


# A sentence that explains a name ("ISIL is another acronym for the group", "Daesh is the
# Arabic acronym ...", "The term refers to ...") helps a reader of the article; in a list of
# the day's developments it reports nothing.
_DEFINES = re.compile(
    r"\b(?:is|are|was)\s+(?:another|an|the|a|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:acronym|abbreviation|name|term|nickname)\s+(?:for|of|referring|used|that)\b"
    r"|\b(?:stands\s+for|is\s+short\s+for|(?:term|name|acronym)\s+refers\s+to)\b",
    re.I,
)


def defines_a_name(text: str) -> bool:
    """The sentence, outside its quotations, explains a name or an acronym."""
    return _DEFINES.search(_QUOTED.sub("Q", text)) is not None


def developments_first(content: Sequence[Unit], articles: Sequence[Article]) -> list[Unit]:
    """`content` without other stories' sentences, old reports' present tense and lines that
    explain a name; background scaled down."""
    known = [a.published for a in articles if a.published is not None]
    newest_year = max(known).year if known else None
    newest = max(known) if known else None
    reach = _Reach(content) if len(articles) >= OFF_STORY_MIN_REPORTS else None
    out = []
    for unit in content:
        if reach is not None and reach.of(unit) < OFF_STORY_REACH:
            continue
        if is_stale_present(unit.text, articles[unit.article].published, newest):
            continue
        if defines_a_name(unit.text):
            continue
        if newest_year is not None and is_background(unit.text, newest_year):
            unit = replace(unit, prior=unit.prior * BACKGROUND_FACTOR)
        out.append(unit)
    return out


def is_background(text: str, newest_year: int) -> bool:
    """The sentence, outside its quotations, names a year before the newest report's, or looks
    back a week or more ("last week", "last month"): what led to the day's news."""
    own = _QUOTED.sub("Q", text)
    return any(int(y) < newest_year for y in _YEAR.findall(own)) or _LOOKS_BACK.search(own) is not None
