"""When a figure counts: one incident or a running total, the day it refers to, or an earlier war.

Scope (incident | cumulative | background) and `as_of` decide which figures can
disagree: two counts of one incident on the same day, two running totals as of
the same day. A total that rises from one day to the next is an update.

- background: the figure's sentence speaks of an earlier war or period (the
  History rules below); such a count is context, never a current figure.
- cumulative: a running total ("since", "so far", "the death toll", "in the
  war", "have been killed").
- incident: anything else (one attack, one day, one clash).

`as_of` is the day a date expression next to the count names ("killed 10
people Sunday", "said Tuesday that 900 had been killed"), never a start
("since Tuesday") and never after the article; else the article's own date.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.models import Article
from briefing.status.dates import PRESENT_RE, RELATIVE_LINK_RE, Period, Reference, When, past_periods

SCOPES = ("incident", "cumulative", "background")
_START_BEFORE_RE = re.compile(r"\b(?:since|from|began|begun|started|erupted|beginning|after|until|till|before)\s+(?:\w+\s+)?$", re.I)
_PERFECT_TOTAL_RE = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+)?(?:killed|died|lost|claimed|displaced|fled|"
    r"forced|left|wounded|injured|uprooted|topped|reached|risen|climbed|passed|surpassed|exceeded)\b",
    re.I,
)
_CLAUSE_BREAK_RE = re.compile(r"[;:—–]|,\s+(?!(?:including|mostly|mainly|many|most)\b)")


def scope_and_day(
    text: str, position: int, dates: list[When], ref: Reference, total_cue: bool, incident_cue: bool
) -> tuple[str, dt.date | None]:
    """(incident | cumulative, the day the count refers to) for the number at `position`.

    `total_cue` / `incident_cue`: the sentence holds a running-total cue ("since", "death
    toll") / an incident cue ("airstrike", "on Monday").
    """
    day = _stated_day(text, position, dates, ref)
    stated_incident = incident_cue or any(w.kind in ("weekday", "relative", "day") and w.date for w in dates)
    total = (total_cue or bool(_PERFECT_TOTAL_RE.search(text))) and not (incident_cue and day is not None)
    if total and stated_incident and day is not None and not total_cue:
        total = False  # "have been killed in Sunday's strike": one incident, in the perfect tense
    today = ref.date if ref.anchored else None
    return ("cumulative" if total else "incident"), (day or today)


def _stated_day(text: str, position: int, dates: list[When], ref: Reference) -> dt.date | None:
    """The day of the date expression nearest the count that names a day, is no start ("since
    Tuesday") and is not after the article; None when the sentence names no such day."""
    latest = ref.date if ref.anchored else None
    best: tuple[int, dt.date] | None = None
    for when in dates:
        if when.date is None or _START_BEFORE_RE.search(text, max(0, when.start - 20), when.start):
            continue
        if latest is not None and when.date > latest:
            continue
        gap = abs(when.start - position)
        if best is None or gap < best[0]:
            best = (gap, when.date)
    return best[1] if best else None


_STOCK_BEFORE_RE = re.compile(
    r"\b(?:there\s+(?:are|were|is)|hosts?|hosting|hosted|home\s+to|ha(?:s|ve)\s+(?:already\s+)?taken\s+in|"
    r"taken\s+in|took\s+in|cope\s+with|coping\s+with|shelters?|sheltering|houses|housing|resettle|settle)\s+"
    r"(?:[a-z]+\s+){0,3}$",
    re.I,
)
_STOCK_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:now\s+)?(?:living|live|lives|who\s+live)\s+(?:in|on)\b", re.I)


def standing_population(text: str, start: int, end: int, kind: str) -> bool:
    """Refugees or displaced people a country hosts or will resettle ("There are over 3.6 million
    Syrian refugees in Turkey", "Jordan has taken in 1 million refugees"): a standing number from
    years of war, context for the brief, not this round's flight."""
    if kind not in ("refugees", "displaced"):
        return False
    return bool(_STOCK_BEFORE_RE.search(text, max(0, start - 45), start) or _STOCK_AFTER_RE.match(text, end))


_BEFORE_EVENT_RE = re.compile(
    r"\bbefore\s+(?:(?:this|the|last|[A-Z][\w]*(?:'s|’s))\s+)?(?:[\w-]+\s+)?"
    r"(?:attack|war|strike|strikes|offensive|invasion|assault|uprising|conflict|bombing|raid)\b"
)


_COUNT_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|a\s+few)"
# A count over a span of years: "in five years", "over the past decade", "during the last three years"
_YEARS_SPAN_RE = re.compile(
    r"\b(?:in|over|during|within|across|for)\s+(?:the\s+)?(?:(?:past|last|previous|first)\s+)?"
    rf"(?:{_COUNT_WORD}[\s-]+(?:years?|decades?)|decades?)\b(?!\s+(?:old|ago|from\s+now|to\s+come)\b)"
    r"|\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:decade|century|few\s+years)\b",
    re.I,
)
# A sentence that also anchors its count in the present keeps it current ("on Monday", "today")
_SPAN_PRESENT_RE = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:week|weekend|morning|afternoon|evening)|last\s+night|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)


_RECORD_BEFORE_RE = re.compile(
    r"\b(?:worst|deadliest|bloodiest|biggest|largest|heaviest|highest|lowest|most|first\s+time|first|"
    r"[a-z]+est)\b(?:\s+[\w'’-]+){0,4}\s*$",
    re.I,
)


def _over_years(text: str, position: int) -> bool:
    """Does a span of years ("in five years", "over the past decade") frame the count at
    `position`? A span before it frames it unless the count's own clause is anchored in the
    present ("including 12 killed on Monday"); one after it only within its clause. A record
    ("the worst attack in five years") is a yardstick, no span."""
    if _SPAN_PRESENT_RE.search(_segment_at(text, position)):
        return False
    for m in _YEARS_SPAN_RE.finditer(text):
        if _RECORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if m.end() <= position or _CLAUSE_BREAK_RE.search(text, position, m.start()) is None:
            return True
    return False


_SEGMENT_BREAK_RE = re.compile(r"[;:—–]|,\s")


def _segment_at(text: str, position: int) -> str:
    """The stretch between commas and dashes that holds `position` ("including 12 killed on
    Monday" is its own stretch, another count)."""
    start = 0
    for m in _SEGMENT_BREAK_RE.finditer(text):
        if m.start() >= position:
            return text[start:m.start()]
        start = m.end()
    return text[start:]


class History:
    """Which figures of an article speak of an earlier war or period, not of now.

    A figure is background when a clause before it names an earlier war ("In the
    2012 war, ...", "last year's offensive", "in 2015" when the article is of
    2016) and the sentence is not anchored in the present ("on Monday", "today"),
    or when its own clause does ("About 1,300 were killed in the 2014 war"), or
    when a relative clause ties it to that war ("the 2014 war, in which 2,200
    died"), or when its clause counts what happened before the current event
    ("had been killed by terrorists before Tuesday's attack"). An earlier war in
    another clause after the figure is a yardstick ("claimed 63 soldiers, against
    10 in the last war"). A paragraph that opens on an earlier war keeps its later
    sentences in that time until one is anchored in the present or counts up to
    now ("have been killed since").
    """

    def __init__(self, article: Article, firm_year: int | None) -> None:
        self.article = article
        self.firm_year = firm_year
        self._periods: dict[int, list[Period]] = {}

    def periods(self, index: int) -> list[Period]:
        if index not in self._periods:
            self._periods[index] = past_periods(self.article.sentences[index].text, self.firm_year)
        return self._periods[index]

    def background(self, index: int, position: int) -> bool:
        text = self.article.sentences[index].text
        periods = self.periods(index)
        if any(self._linked(text, p, position) for p in periods):
            return True  # "the deadliest day since the 2014 war, in which 2,200 died"
        if _BEFORE_EVENT_RE.search(_clause_at(text, position)):
            return True
        if _over_years(text, position):
            return True  # "in five years, they have lost 11,000 troops": a long war's toll, not this round's
        relevant = [p for p in periods if not p.comparison and self._governs(text, p, position)]
        if relevant:
            return not PRESENT_RE.search(text) or any(p.start > position for p in relevant)
        if any(not p.comparison for p in periods):
            return False  # the earlier war is in another clause, after the figure: a yardstick
        return self._inherited(index)

    def after_span(self, index: int) -> bool:
        """A running total right after a sentence of the same paragraph that spans years ("which
        has waged an insurgency for 35 years. The conflict has killed tens of thousands."): that
        span's toll, unless the sentence is anchored in the present."""
        sentences = self.article.sentences
        if index == 0 or PRESENT_RE.search(sentences[index].text):
            return False
        previous = sentences[index - 1]
        if previous.paragraph != sentences[index].paragraph:
            return False
        return any(not _RECORD_BEFORE_RE.search(previous.text, max(0, m.start() - 40), m.start())
                   for m in _YEARS_SPAN_RE.finditer(previous.text))

    @staticmethod
    def _governs(text: str, period: Period, position: int) -> bool:
        """A period before the figure frames it; one after it only within the figure's clause."""
        if period.end <= position:
            return True
        return _CLAUSE_BREAK_RE.search(text, position, period.start) is None

    @staticmethod
    def _linked(text: str, period: Period, position: int) -> bool:
        link = RELATIVE_LINK_RE.search(text, period.end, position)
        return link is not None and link.start() - period.end < 40

    def _inherited(self, index: int) -> bool:
        sentences = self.article.sentences
        paragraph = sentences[index].paragraph
        for j in range(index, -1, -1):
            sentence = sentences[j]
            if sentence.paragraph != paragraph:
                return False
            if PRESENT_RE.search(sentence.text) or UP_TO_NOW_RE.search(sentence.text):
                return False
            if j < index and any(not p.comparison for p in self.periods(j)):
                return True
        return False


UP_TO_NOW_RE = re.compile(
    r"\b(?:since|ha(?:ve|s)\s+(?:been|now|so\s+far|killed|displaced|claimed|left|forced))\b", re.I
)


def _clause_at(text: str, position: int) -> str:
    """The clause holding `position` (between commas, semicolons and dashes)."""
    start = 0
    for m in _CLAUSE_BREAK_RE.finditer(text):
        if m.start() >= position:
            return text[start:m.start()]
        start = m.end()
    return text[start:]
