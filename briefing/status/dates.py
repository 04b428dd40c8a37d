"""Dates as news writes them ("Feb. 27", "on Monday", "late last month", "next month"),
resolved against the article's date.

Wire copy often carries no date at all (both bundled seeds are undated), so a
reference date is inferred when it must be. Per article: its `published`,
else its own dateline ("KIEV, April 7 (Reuters) -"), else the set's. For the
set: the latest article date, else the latest dateline, else the latest full
date written in any text, else an
anniversary ("since March 2011" + "five-year-long conflict" -> March 2016),
else the most-written year. Anything resolved that way is marked inferred.
A date is given to the day only when the reference day is when the article
was written (a date or a dateline, not a caption's date), so "Monday" in an
article of unknown day stays "Monday (March 2016)"; and no inferred year is
earlier than a year the article itself writes. Unsure means no year, not a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.models import Article

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
          r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_PART = r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"
ISO_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
MONTH_DAY_RE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
DAY_MONTH_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
MONTH_YEAR_RE = re.compile(rf"\b{_PART}{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b")
BARE_MONTH_RE = re.compile(
    rf"\b(?P<lead>in|since|by|until|of|a|an|this|last|next|early|mid|late|during)[\s-]+"
    rf"(?:(?:early|mid|late)[\s-]+)?{_MONTH}(?!\s*\d)(?!\w)"
)
WEEKDAY_RE = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")
RELATIVE_RE = re.compile(
    r"\b(?P<rel>today|tonight|yesterday|tomorrow|"
    r"(?:(?:early|late|earlier|later)\s+)?(?:last|next|this)\s+(?:week|month|year)|"
    r"earlier this (?:week|month|year))\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
SINCE_RE = re.compile(rf"\b(?:since|began in|started in|erupted in|broke out in)\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b")
DURATION_RE = re.compile(
    r"\b(?P<n>\w+)[\s-]year[\s-](?:long|old)\b|\b(?:into|in|enters|entered|entering) its (?P<ord>\w+) year\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|is due|are due|to be|set to|next|planned|scheduled|expected|ahead of|upcoming|"
    r"forthcoming|coming|(?:seeks?|plans?|aims?|hopes?|intends?|wants?) to)\b",
    re.I,
)
# "KIEV, April 7 (Reuters) -", "KIEV, Ukraine, April 7. /ITAR-TASS/.", "WASHINGTON, Dec. 3, 2015 -":
# the writing date, at the head of a paragraph near the top.
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ /-][A-Z][A-Z.'’-]+){0,3})(?:,\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?,?\s+"
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b(?=\s*[(./|:\-\u2013\u2014])"
)
DATELINE_PARAGRAPHS = 3  # a photo credit or gallery line may come first


@dataclass(frozen=True, slots=True)
class Reference:
    """The date an article speaks from, to the precision it is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    inferred: bool = False
    basis: str = ""
    # The date is when the article was written (its date or dateline), so "Monday" and
    # "yesterday" resolve to days and its year is firm. A date merely written in some
    # text (a photo caption, an event), an anniversary or a most-written year is not:
    # "on Monday" may fall either side of it, so such words keep only the month rather
    # than guess the wrong week.
    anchored: bool = True
    floor_year: int | None = None  # the latest year the article itself writes in a full date
    # Full dates the set writes ("Sunday, April 6, 2014"): a weekday near an unanchored
    # reference resolves to one of them when exactly one falls on it.
    known_days: tuple[dt.date, ...] = ()

    def firm_year(self) -> int | None:
        """The year the article speaks from, when known rather than guessed from the set."""
        return self.year if (not self.inferred or self.anchored) else None

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True, slots=True)
class When:
    """A date expression found in a sentence and what it resolves to."""

    text: str
    start: int
    end: int
    date: dt.date | None = None  # set only when known to the day
    year: int | None = None
    month: int | None = None
    inferred: bool = False
    kind: str = "day"  # day | month | year | weekday | relative

    def label(self) -> str:
        """Readable form: "2016-02-27", "March 2016", or the words as written."""
        if self.date:
            out = self.date.isoformat()
        elif self.year and self.month:
            out = f"{calendar.month_name[self.month]} {self.year}"
            if self.kind in ("weekday", "relative"):
                return f"{self.text} ({out}{', inferred' if self.inferred else ''})"
        elif self.year:
            out = str(self.year)
        else:
            return self.text
        return f"{out} (inferred)" if self.inferred else out

    @property
    def sort_key(self) -> tuple[int, int, int]:
        if self.date:
            return (self.date.year, self.date.month, self.date.day)
        return (self.year or 9999, self.month or 13, 32)


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_reference(articles: Sequence[Article]) -> Reference:
    """The set's reference date; see the module docstring for the order of evidence."""
    published = [a.published for a in articles if a.published]
    if published:
        latest = max(published)
        return Reference(latest.year, latest.month, latest.day, True, f"latest article date {latest.isoformat()}")
    full: list[dt.date] = []
    for article in articles:
        full.extend(_full_dates(article.text))
    datelines = [d for a in articles if (d := dateline(a, _year_of(a, full)))]
    if datelines:
        latest = max(datelines)
        return Reference(latest.year, latest.month, latest.day, True, f"latest dateline ({latest.isoformat()})")
    if full:
        latest = max(full)
        return Reference(latest.year, latest.month, latest.day, True,
                         f"latest full date written in the articles ({latest.isoformat()})", anchored=False,
                         known_days=tuple(sorted(set(full))))
    anniversary = _anniversary(articles)
    if anniversary:
        return anniversary
    years = Counter(int(m.group("year")) for a in articles for m in YEAR_RE.finditer(a.text))
    if years:
        # the most-written year, the later on a tie: the latest alone is often a plan ("by 2021")
        year = max(years, key=lambda y: (years[y], y))
        return Reference(year, None, None, True, f"the year most written in the articles ({year})", anchored=False)
    return Reference(basis="no date in the articles", anchored=False)


def article_reference(article: Article, set_reference: Reference) -> Reference:
    """The date one article speaks from: its own date, else its dateline, else the set's.

    Its latest written full date becomes the floor: a year inferred for it is
    never earlier than a year it states ("May" is not May 2013 in a report that
    dates a photo April 6, 2014).
    """
    own = _full_dates(article.text)
    floor = max((d.year for d in own), default=None)
    if article.published:
        d = article.published
        return Reference(d.year, d.month, d.day, False, "article date", floor_year=floor)
    written = dateline(article, lambda: _year_hint(own, [], set_reference.year))
    if written:
        return Reference(written.year, written.month, written.day, True, f"dateline ({written.isoformat()})",
                         floor_year=floor)
    if floor and set_reference.year and set_reference.year < floor:
        # the set's date is older than a year this article writes: of it only that year is sure
        return Reference(floor, None, None, True, f"the latest year the article writes ({floor})",
                         anchored=False, floor_year=floor)
    return replace(set_reference, floor_year=floor)


def _year_of(article: Article, full: list[dt.date]) -> Callable[[], int | None]:
    """The year an article's dateline is in, worked out only if its dateline gives none."""
    return lambda: _year_hint(_full_dates(article.text), full)


def dateline(article: Article, year: Callable[[], int | None]) -> dt.date | None:
    """The dateline's date ("KIEV, April 7"), with `year()` when the dateline gives none.

    Ingest strips datelines from the text; an Article that keeps the stripped one
    (a `dateline` attribute, requested from models.py) is read first.
    """
    kept = getattr(article, "dateline", None)
    heads = [kept] if isinstance(kept, str) and kept else []
    for paragraph in [*heads, *article.paragraphs[:DATELINE_PARAGRAPHS]]:
        m = DATELINE_RE.match(paragraph.strip())
        if m:
            y = int(m.group("year")) if m.group("year") else year()
            return _safe_date(y, _month_number(m.group("month")), int(m.group("day"))) if y else None
    return None


def _year_hint(own: list[dt.date], others: list[dt.date], fallback: int | None = None) -> int | None:
    """The year of a dateline that omits it: the latest the article (else the set) writes in a full date."""
    for dates in (own, others):
        if dates:
            return max(dates).year
    return fallback


def _full_dates(text: str) -> list[dt.date]:
    return list(_full_dates_cached(text))


@lru_cache(maxsize=1024)
def _full_dates_cached(text: str) -> tuple[dt.date, ...]:
    """Once per text: the set's reference and each article's own reference both need them."""
    out: list[dt.date] = []
    for m in ISO_RE.finditer(text):
        d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            out.append(d)
    for regex in (MONTH_DAY_RE, DAY_MONTH_RE):
        for m in regex.finditer(text):
            if m.group("year"):
                d = _safe_date(int(m.group("year")), _month_number(m.group("month")), int(m.group("day")))
                if d:
                    out.append(d)
    return tuple(out)


def _anniversary(articles: Sequence[Article]) -> Reference | None:
    """"since March 2011" somewhere and "five-year-long" / "its sixth year" somewhere -> March 2016."""
    starts = [(int(m.group("year")), _month_number(m.group("month")), m.group(0))
              for article in articles for m in SINCE_RE.finditer(article.text)]
    if not starts:  # no start to count from: the ages (a slower scan) cannot help
        return None
    ages: list[tuple[int, str]] = []
    for article in articles:
        for m in DURATION_RE.finditer(article.text):
            if m.group("n"):
                word = m.group("n")
                # "5,000-digit-year-old" is no age: int() refuses over 4,300 digits, "²" is a digit but no number
                n = CARDINALS.get(word.lower()) or (int(word) if word.isdecimal() and len(word) <= 3 else None)
                completed = n
            else:
                n = ORDINALS.get(m.group("ord").lower())
                completed = n - 1 if n else None
            if completed:
                ages.append((completed, m.group(0)))
    if not starts or not ages:
        return None
    year, month, since_text = min(starts)
    completed, age_text = max(ages)
    return Reference(year + completed, month, None, True, f"'{since_text}' and '{age_text}'", anchored=False)


_DATEISH_RE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|day\b|\b(?:tonight|tomorrow|week|month|year)",
    re.IGNORECASE,
)


def find_dates(text: str, ref: Reference) -> list[When]:
    """Every date expression in a sentence, resolved against `ref`, left to right."""
    if not _DATEISH_RE.search(text):
        return []  # most sentences: one cheap scan instead of eight
    future = bool(FUTURE_RE.search(text))
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def add(when: When) -> None:
        if any(s < when.end and when.start < e for s, e in taken):
            return
        taken.append((when.start, when.end))
        found.append(when)

    for m in ISO_RE.finditer(text):
        d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            add(When(m.group(0), m.start(), m.end(), d, d.year, d.month, False, "day"))
    for regex in (MONTH_DAY_RE, DAY_MONTH_RE):
        for m in regex.finditer(text):
            add(_month_day(m, ref, future))
    for m in MONTH_YEAR_RE.finditer(text):
        add(When(m.group(0), m.start(), m.end(), None, int(m.group("year")), _month_number(m.group("month")), False, "month"))
    for m in BARE_MONTH_RE.finditer(text):
        add(_bare_month(m, ref, future))
    for m in WEEKDAY_RE.finditer(text):
        add(_weekday(m, ref, future and looks_ahead(text, m.start())))
    for m in RELATIVE_RE.finditer(text):
        add(_relative(m, ref))
    found.sort(key=lambda w: w.start)
    return found


def _year_for_month(month: int, ref: Reference, future: bool) -> int | None:
    """News writes the year only for another year, so a bare month is this year's, except a
    month well after the reference month in a sentence that does not look ahead ("the
    resolution in December", written in March), which is last year's. A month just after
    the reference month with no word looking ahead could be either: no year rather than a
    guess. A year before the article's own floor (a year it writes) is never given."""
    if not ref.year:
        return None
    year: int | None = ref.year
    if ref.month and month > ref.month and not future:
        year = ref.year - 1 if month - ref.month >= NEAR_MONTHS else None
    elif ref.month and month < ref.month and future and ref.month - month > 6:
        year = ref.year + 1
    if year is not None and ref.floor_year and year < ref.floor_year:
        return None
    return year


NEAR_MONTHS = 3  # "in May" written in April: maybe next month, maybe last May


def _month_day(m: re.Match[str], ref: Reference, future: bool) -> When:
    month, day = _month_number(m.group("month")), int(m.group("day"))
    year: int | None
    if m.group("year"):
        year, inferred = int(m.group("year")), False
    else:
        year, inferred = _year_for_month(month, ref, future), ref.inferred or not ref.year
    d = _safe_date(year, month, day) if year else None
    return When(m.group(0), m.start(), m.end(), d, year, month, inferred and bool(year), "day")


def _bare_month(m: re.Match[str], ref: Reference, future: bool) -> When:
    month = _month_number(m.group("month"))
    lead = m.group("lead").lower()
    start = m.start("month") if lead in ("a", "an", "of", "this", "in", "since", "by", "until", "during") else m.start()
    if lead in ("next", "by"):
        future = True  # "by December": a deadline, ahead
    if lead == "last" and ref.year and ref.month:
        year: int | None = ref.year - 1 if month >= ref.month else ref.year  # "last December", in October
    else:
        year = _year_for_month(month, ref, future)
    return When(text_slice(m, start), start, m.end(), None, year, month, bool(year) and ref.inferred, "month")


def text_slice(m: re.Match[str], start: int) -> str:
    return m.string[start:m.end()]


_CLAUSE_END_RE = re.compile(r"[,;:()\u2014\u2013\"“”]|\s-\s")
LOOK_AHEAD_SPAN = 60  # characters before a weekday in which a future word governs it


def looks_ahead(text: str, at: int) -> bool:
    """Does a future word ("will", "is due", "scheduled to") govern the day named at `at`? Only one
    before it in its own clause: "talks will resume Monday" looks ahead; "the Dutch announced
    Wednesday that troops will go", "were in Cairo Wednesday for the scheduled talks" and
    "would be killed, he warned, after his capture on Sunday" do not."""
    window = text[max(0, at - LOOK_AHEAD_SPAN):at]
    ends = list(_CLAUSE_END_RE.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    return bool(FUTURE_RE.search(window))


def _weekday(m: re.Match[str], ref: Reference, future: bool) -> When:
    target = WEEKDAYS[m.group("wd").lower()]
    base = ref.date if ref.anchored else None
    if base is None:
        named = _named_day(ref, target)
        if named:
            return When(m.group("wd"), m.start(), m.end(), named, named.year, named.month, True, "weekday")
        return When(m.group("wd"), m.start(), m.end(), None, ref.year, ref.month, ref.inferred, "weekday")
    # the day itself when it is today: "talks resume Wednesday" written on a Wednesday is today
    delta = (target - base.weekday()) % 7 if future else -((base.weekday() - target) % 7)
    d = base + dt.timedelta(days=delta)
    return When(m.group("wd"), m.start(), m.end(), d, d.year, d.month, ref.inferred, "weekday")


def _named_day(ref: Reference, weekday: int) -> dt.date | None:
    """The one full date the set writes that falls on `weekday` within a week of the reference."""
    if ref.date is None:
        return None
    days = {d for d in ref.known_days if d.weekday() == weekday and abs((d - ref.date).days) <= 6}
    return days.pop() if len(days) == 1 else None


def _relative(m: re.Match[str], ref: Reference) -> When:
    rel = m.group("rel").lower()
    text, start, end = m.group(0), m.start(), m.end()
    base = ref.date if ref.anchored else None
    if rel in ("today", "tonight", "yesterday", "tomorrow"):
        if base is None:
            return When(text, start, end, None, ref.year, ref.month, ref.inferred, "relative")
        d = base + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(rel, 0))
        return When(text, start, end, d, d.year, d.month, ref.inferred, "relative")
    unit = rel.split()[-1]
    step = -1 if "last" in rel else (1 if "next" in rel else 0)
    if unit == "year" and ref.year:
        return When(text, start, end, None, ref.year + step, None, ref.inferred, "year")
    if unit == "month" and ref.year and ref.month:
        index = ref.year * 12 + ref.month - 1 + step
        return When(text, start, end, None, index // 12, index % 12 + 1, ref.inferred, "month")
    if unit == "week" and base is not None:
        d = base + dt.timedelta(weeks=step)
        return When(text, start, end, None, d.year, d.month, ref.inferred, "month")
    return When(text, start, end, None, ref.year, ref.month, ref.inferred, "relative")


# --- past periods: is a sentence about an earlier war? -----------------------------------------
_CONFLICT_NOUN = (
    r"(?:civil\s+war|wars?|conflict|offensive|operation|air\s+campaign|bombing\s+campaign|invasion|uprising|intifada|insurgency|fighting|"
    r"clashes|battle|siege|genocide|massacre|crisis|bombardment|incursion|revolution|hostilities|war)"
)
# With a year, one past event dates a period too: "the 1983 bombing", "the 2012 attack on the consulate".
_EVENT_NOUN = rf"(?:{_CONFLICT_NOUN[3:-1]}|bombings?|attacks?|raids?|riots?|protests?|killings?|coup|crash)"
_PERIOD_YEAR = r"(?P<y>(?:19|20)\d\d)(?:[-–/](?:19|20)?\d\d)?"
_NOT_START = r"(?!(?:began|begun|begin|begins|started|starts|erupted|broke|since|which|that|who)\b)"
NAMED_PERIOD_RE = re.compile(
    # "the 2012 war", "Israel's 2008-09 Gaza offensive", "a 2014 invasion"
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w'’-]*(?:'s|’s))\s+(?:[\w'’-]+\s+){{0,2}}?{_PERIOD_YEAR}[\s-]+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_EVENT_NOUN}\b"
    # "the eight-day war in 2012", "operation in November 2012" (not "the conflict began in 2011")
    rf"|\b{_CONFLICT_NOUN}\b(?:\s+{_NOT_START}[^\s,;.]+){{0,4}}?\s+(?:in|of|during)\s+"
    rf"(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?{_PERIOD_YEAR.replace('?P<y>', '?P<y2>')}\b",
)
EARLIER_PERIOD_RE = re.compile(
    rf"\blast\s+year's\s+(?:[\w'’-]+\s+){{0,2}}?{_CONFLICT_NOUN}\b"
    # "the previous war", "the last major conflict" (not "the earlier clashes" or "the first strikes":
    # those are often the story's own)
    rf"|\b(?:the|a)\s+(?:previous|last|past|former)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?:{_CONFLICT_NOUN})\b"
    rf"|\b(?:an?|the)\s+(?:earlier|previous)\s+(?:[\w'’-]+\s+){{0,2}}?(?:episode|incident|attack|riot|raid)s?\b",
    re.IGNORECASE,
)
IN_YEAR_RE = re.compile(rf"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?{_PERIOD_YEAR}\b")
_STARTED_BEFORE_RE = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|launched|since|beginning|start|starting|from)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_COMPARISON_BEFORE_RE = re.compile(r"\b(?:since|than|compared\s+(?:with|to)|before|after)\s+$", re.IGNORECASE)
PRESENT_RE = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|now|currently|so\s+far|this\s+(?:week|weekend|month|morning|"
    r"afternoon|evening|year)|last\s+night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)
RELATIVE_LINK_RE = re.compile(r"(?:,\s*|\s+)(?:in\s+which|during\s+which|when|which\s+(?:killed|left))\b", re.I)


_PERIOD_HINT_RE = re.compile(r"war|year|earlier|previous|last|former|past", re.I)  # cheap gate for past_periods


@dataclass(frozen=True, slots=True)
class Period:
    """A reference to an earlier war or period in a sentence ("in the 2012 war")."""

    start: int
    end: int
    comparison: bool  # "the deadliest day since the 2014 war": a yardstick, not the sentence's time


def past_periods(text: str, firm_year: int | None) -> list[Period]:
    """Earlier wars and periods a sentence names.

    A named war with a year ("the 2012 war") or an earlier one ("last year's
    offensive", "the previous war") counts unless its year is not before the
    article's known year; a bare "in 2012" counts only when the article's year is
    known and later. The start of the current war ("the conflict began in 2011",
    "since March 2011") is never a past period: figures since then are running totals.
    """
    if not _DATEISH_RE.search(text) and not _PERIOD_HINT_RE.search(text):
        return []
    found: list[Period] = []
    for m in NAMED_PERIOD_RE.finditer(text):
        year = int(m.group("y") or m.group("y2"))
        if firm_year is not None and year >= firm_year:
            continue
        found.append(_period(text, m))
    found.extend(_period(text, m) for m in EARLIER_PERIOD_RE.finditer(text))
    if firm_year is not None:
        for m in IN_YEAR_RE.finditer(text):
            if int(m.group("y")) < firm_year and not _STARTED_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
                if not any(p.start <= m.start() < p.end for p in found):
                    found.append(_period(text, m))
    return found


def _period(text: str, m: re.Match[str]) -> Period:
    before = text[max(0, m.start() - 40):m.start()]
    comparison = bool(_COMPARISON_BEFORE_RE.search(before)) or bool(_STARTED_BEFORE_RE.search(before))
    return Period(m.start(), m.end(), comparison)
