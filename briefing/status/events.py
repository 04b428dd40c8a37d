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
from dataclasses import dataclass, field

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
    """`cues` gives an article's lexicon hits by sentence (profile.CueIndex.by_sentence).

    When the set dates more moves than `limit`, each day keeps its best-reported ones in
    turn (most outlets first, then the earliest sentence of its article), so a busy last
    day does not push the first day's attack out of the timeline."""
    found: list[_Candidate] = []
    seen: dict[tuple[int, int, int], list[_Candidate]] = defaultdict(list)
    for article in articles:
        ref = reference(article)
        for index, hits in sorted(cues(article).items()):
            event_hits = [h for h in hits if h.category == "event"]
            if not event_hits:
                continue
            sentence = article.sentences[index]
            if sentence.text.count("|") >= 3:
                continue  # a table row (a file listing, a results table), not a report
            when = _dating(sentence.text, find_dates(sentence.text, ref), event_hits[0].start - sentence.start)
            if when is None:
                continue
            if _after(when, ref):
                continue  # a plan or a misread day: an article reports nothing after it was written
            words = set(_WORD_RE.findall(sentence.text.lower())) - _COMMON
            bucket = seen[when.sort_key]
            same = [c for c in bucket if _overlap(words, c.words) >= 0.5]
            related = [c for c in bucket if c.article != article.id and _overlap(words, c.words) >= SAME_MOVE]
            for other in related:
                other.outlets.add(article.id)
            if same:
                continue
            ref_ = SentenceRef(article.id, sentence.index, sentence.text)
            event = Event(
                when.date, _text(sentence.text), article.id, ref_, when=_when_text(when), date_inferred=when.inferred
            )
            outlets = {article.id} | {c.article for c in related}
            candidate = _Candidate(when.sort_key, len(found), sentence.index, words, article.id, event, outlets)
            bucket.append(candidate)
            found.append(candidate)
    chosen = _by_day(found, limit)
    chosen.sort(key=lambda c: (c.day, c.order))
    return tuple(c.event for c in chosen)


SAME_MOVE = 0.3  # share of content words two outlets' sentences about one move have in common
_COMMON = frozenset("""
said says that this with from have were been they their there which about after would could also into
than when what while over some more most other them then these those will just because being
""".split())


@dataclass
class _Candidate:
    day: tuple[int, int, int]
    order: int
    sentence: int
    words: set[str]
    article: str
    event: Event
    outlets: set[str] = field(default_factory=set)


def _by_day(found: list[_Candidate], limit: int) -> list[_Candidate]:
    """At most `limit`, taken a round at a time: each day's next best in every round."""
    if len(found) <= limit:
        return list(found)
    days: dict[tuple[int, int, int], list[_Candidate]] = defaultdict(list)
    for c in found:
        days[c.day].append(c)
    for ranked in days.values():
        ranked.sort(key=lambda c: (-len(c.outlets), c.sentence, c.order))
    chosen: list[_Candidate] = []
    for round_ in range(max(len(r) for r in days.values())):
        this_round = [r[round_] for r in days.values() if round_ < len(r)]
        this_round.sort(key=lambda c: (-len(c.outlets), c.sentence, c.order))
        chosen.extend(this_round[: limit - len(chosen)])
        if len(chosen) >= limit:
            break
    return chosen


# A date that names an event rather than dating the sentence: "the Sept. 11, 2001, attacks".
_NAMES_AN_EVENT = re.compile(
    r",?\s*(?:attacks?|bombings?|massacre|elections?|vote|referendum|accords?|agreement|deal|summit|uprising|"
    r"revolution|coup|war|ceasefire|truce|resolution|speech|address)\b",
    re.I,
)
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
_THE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+$", re.I)
# A date the sentence opens with dates its main clause: "On June 21, a student was shot ... court
# papers filed Wednesday say" is an event of June 21 whatever date sits nearest the cue word.
FRONTED_WITHIN = 12


def _dating(text: str, dates: list[When], cue_at: int) -> When | None:
    """The date of the sentence's event: the fronted date if it opens with one, else the date
    nearest the event cue; never a date that only names another event."""
    dates = [w for w in dates if not _names_an_event(text, w)]
    if not dates:
        return None
    if dates[0].start <= FRONTED_WITHIN and _opens_with(text, dates[0]):
        return dates[0]
    return min(dates, key=lambda w: abs(w.start - cue_at))


def _names_an_event(text: str, when: When) -> bool:
    """A date written with its year before a noun of event: another year's event by its name ("the
    Sept. 11, 2001, attacks"); "an Aug. 21 attack ... killed" is this story's event, dated."""
    named = bool(_THE_BEFORE.search(text, 0, when.start)) and bool(_NAMES_AN_EVENT.match(text, when.end))
    return named and _YEAR_WRITTEN.search(when.text) is not None


def _opens_with(text: str, when: When) -> bool:
    """Only time words come before the date ("On June 21,", "Late on Wednesday", "Early Tuesday")."""
    lead = text[: when.start].strip().lower()
    return all(w in ("on", "late", "early", "in") for w in lead.split())


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
