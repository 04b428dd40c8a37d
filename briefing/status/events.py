"""Dated moves worth a line in a brief: orders, talks resuming, truces, elections.

An event is a sentence with an event cue (config/lexicons/conflict.yaml,
`events.cues`) and a date expression, dated by the expression nearest the
cue. The same move reported by two outlets on the same date is kept once.
`Event.date` is set only when the day is known; `Event.when` always says how
precisely the date is known ("March 2016", "Monday (March 2016, inferred)"),
and `date_inferred` marks a date resolved from the set's context (an undated
article, a year taken from elsewhere) rather than read from the article.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from briefing.models import Article, Event, SentenceRef
from briefing.status.dates import Reference, When, find_dates
from briefing.status.profile import Hit

MAX_TEXT = 260
_WORD_RE = re.compile(r"[a-z]{4,}")


def build_events(
    articles: Sequence[Article],
    cues: Callable[[Article], dict[int, list[Hit]]],
    reference: Callable[[Article], Reference],
    limit: int = 40,
) -> tuple[Event, ...]:
    """`cues` gives an article's lexicon hits by sentence (profile.CueIndex.by_sentence)."""
    found: list[tuple[tuple[int, int, int], int, Event]] = []
    seen: dict[tuple[int, int, int], list[set[str]]] = defaultdict(list)
    order = 0
    for article in articles:
        ref = reference(article)
        for index, hits in sorted(cues(article).items()):
            event_hits = [h for h in hits if h.category == "event"]
            if not event_hits:
                continue
            sentence = article.sentences[index]
            dates = find_dates(sentence.text, ref)
            if not dates:
                continue
            cue_at = event_hits[0].start - sentence.start
            when = min(dates, key=lambda w: abs(w.start - cue_at))
            if _after(when, ref):
                continue  # a plan or a misread day: an article reports nothing after it was written
            words = set(_WORD_RE.findall(sentence.text.lower()))
            bucket = seen[when.sort_key]
            if any(_overlap(words, other) >= 0.5 for other in bucket[-20:]):
                continue
            bucket.append(words)
            ref_ = SentenceRef(article.id, sentence.index, sentence.text)
            event = Event(
                when.date, _text(sentence.text), article.id, ref_, when=_when_text(when), date_inferred=when.inferred
            )
            found.append((when.sort_key, order, event))
            order += 1
    found.sort(key=lambda t: (t[0], t[1]))
    return tuple(e for _, _, e in found[-limit:])


def _after(when: When, ref: Reference) -> bool:
    """Is this day later than the day the article was written (when that day is known)?"""
    written = ref.date if ref.anchored else None
    return when.date is not None and written is not None and when.date > written


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _text(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_TEXT else sentence[: MAX_TEXT - 1].rsplit(" ", 1)[0] + "…"


def _when_text(when: When) -> str:
    """As precise as known, with the words as written when they say more ("Monday (March 2016)").
    Whether it was inferred is `Event.date_inferred`, so it is not repeated here."""
    if when.date:
        return when.date.isoformat()
    if when.year and when.month:
        known = f"{calendar.month_name[when.month]} {when.year}"
    elif when.year:
        known = str(when.year)
    else:
        return when.text
    return f"{when.text} ({known})" if when.kind in ("weekday", "relative") else known
