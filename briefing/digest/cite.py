"""Which articles a digest line may cite: those that state the same fact.

An article is cited only when one sentence of its own carries the line: at least
half of the line's content words (compared as stems: "repairing" is "repair"), most of the people, places and organisations
it names, half of what it says happened (its other content words, compared as
stems: "participated" supports "participation"), and every figure of the line ("32 tunnels" is
not carried by "tunnels"). A report published before the day the line names ("on Friday") cannot
state it. Being about the same story is not enough: "the
Palestinians accepted the proposal" does not support "Israel accepted the
proposal", and a report of 12 dead does not support one of 5. (Before, a line
cited every article whose sentence shared most of *its own, shorter* content
with the line, and 74 of 142 citations on the evaluation piles pointed at an
article that said no such thing.)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from briefing.digest.features import stem
from briefing.digest.units import Unit

MIN_CONTENT = 0.5  # share of the line's content words one sentence must hold
MIN_NAMES = 0.67  # share of the line's names (at least one when it names any)
MIN_EVENTS = 0.6  # share of the line's other content words (what happened), stems weighted by rarity
# Function words only: a content word is anything else ("very", "according", "support" count).
_STOP = frozenset(
    """a an the and or but nor of in on at to for from by with as is are was were be been being am has have had
    having do does did that this these those it its he she they them his her hers their theirs him we us our you
    your i me my said says say will would could should may might must can shall after before over under about
    into onto than then there here which who whom whose what when where while also not no yes so if because
    since until upon out up down off all any some such only own same other another each both few more most""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tonight".split()
)


@lru_cache(maxsize=65_536)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not stop words, possessives folded."""
    words = (w.lower().replace("\u2019", "'").removesuffix("'s") for w in _WORD.findall(text))
    return frozenset(w for w in words if len(w) > 2 and w not in _STOP)


@lru_cache(maxsize=65_536)
def names(text: str) -> frozenset[str]:
    """Capitalised words after the first (the opening word is capitalised anyway), minus
    days and months: the people, places and organisations the sentence is about."""
    tokens = _WORD.findall(text)
    found = {t.lower().removesuffix("'s").removesuffix("\u2019s") for t in tokens[1:] if t[:1].isupper()}
    return frozenset(found - _CALENDAR - _STOP)


@lru_cache(maxsize=1)
def _reporting_stems() -> frozenset[str]:
    """Who said it and when are not what happened: "confirmed", "officials", "Tuesday"."""
    words = "said told added confirmed reported according officials official spokesman statement announced week day"
    return frozenset(stem(w) for w in (*words.split(), *_CALENDAR))


def states_same_fact(line: str, sentence: str, rarity: Callable[[str], float] | None = None) -> bool:
    """Whether `sentence` (another article's) carries the fact `line` states. `rarity` weighs
    what happened by how rare each stem is in the set ("snipers" tells a fact, "chemical"
    barely does in a story about chemical weapons); without it every stem counts 1."""
    wanted = content_words(line)
    if not wanted:
        return False
    have = content_words(sentence)
    have_stems = {stem(w) for w in have}
    if sum(1 for w in wanted if stem(w) in have_stems) < MIN_CONTENT * len(wanted):
        return False
    who = names(line)
    if who and len(who & (names(sentence) | have)) < max(1.0, MIN_NAMES * len(who)):
        return False
    events = {stem(w) for w in wanted - who} - _reporting_stems()
    weigh = _unhyphenated(rarity) if rarity else (lambda _: 1.0)
    shared = math.fsum(weigh(e) for e in events & have_stems)
    if shared < MIN_EVENTS * math.fsum(weigh(e) for e in events):
        return False  # the same people and places, but something else happened
    mine, theirs = set(_NUMBER.findall(line)), set(_NUMBER.findall(sentence))
    return mine <= theirs  # every figure of the line: "32 tunnels" is not carried by "tunnels"


def _unhyphenated(rarity: Callable[[str], float]) -> Callable[[str], float]:
    """`rarity` looked up the way the digest counted the stems: its terms join a hyphenated word
    ("rocket-propelled" is "rocketpropel"), so the stem as this module reads it would never be
    found, weigh nothing and let a line's "rocket-propelled grenades" go unstated."""
    return lambda stem_: rarity(stem_.replace("-", ""))


def day_named(line: str, published: dt.date | None) -> dt.date | None:
    """The latest day the line names by its weekday ("on Friday"), counted back from the day its
    report was published (a report of Saturday's "Friday" means the day before); None without both."""
    if published is None:
        return None
    days = [_WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY.finditer(line)]
    if not days:
        return None
    return max(published - dt.timedelta(days=(published.weekday() - d) % 7) for d in days)


def supporting_articles(
    lines: Sequence[tuple[Unit, str]],
    pool: Sequence[Unit],
    rarity: Callable[[str], float] | None = None,
    dates: Sequence[dt.date | None] | None = None,
) -> list[list[int]]:
    """For each chosen line (its unit and final text): its own article first, then every other
    article with a sentence that states the same fact, in article order. With the articles'
    `dates`, a report published before the day the line names ("on Friday") cannot state it.

    Stems prefilter cheaply (half the line's stems shared), then the words decide."""
    found: list[dict[int, None]] = [{unit.article: None} for unit, _ in lines]
    named = [day_named(text, dates[unit.article]) if dates else None for unit, text in lines]
    for other in pool:
        published = dates[other.article] if dates else None
        for (unit, text), cited, day in zip(lines, found, named):
            if other.article in cited:
                continue
            if day is not None and published is not None and published < day:
                continue
            stems = unit.terms.unigrams
            if len(stems & other.terms.unigrams) < MIN_CONTENT * len(stems):
                continue
            if states_same_fact(text, other.text, rarity):
                cited[other.article] = None
    return [[next(iter(cited)), *sorted(list(cited)[1:])] for cited in found]
