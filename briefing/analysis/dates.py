"""Dates as news writes them ("Feb. 27", "on Monday", "late last month", "next month"),
resolved against the article's date.

Wire copy often carries no date at all (both bundled seeds are undated), so a
reference date is inferred from the set when it must be: an article's
`published`, else the latest full date written in any text, else an
anniversary ("since March 2011" + "five-year-long conflict" -> March 2016),
else the latest year written. Anything resolved that way is marked inferred,
and a date is only given to the day when the reference is known to the day:
"Monday" in an article of unknown day stays "Monday (March 2016)".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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
FUTURE_RE = re.compile(r"\b(?:will|would|shall|is due|are due|to be|set to|next|planned|scheduled|expected)\b", re.I)


@dataclass(frozen=True, slots=True)
class Reference:
    """The date an article speaks from, to the precision it is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    inferred: bool = False
    basis: str = ""

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
    if full:
        latest = max(full)
        return Reference(latest.year, latest.month, latest.day, True,
                         f"latest full date written in the articles ({latest.isoformat()})")
    anniversary = _anniversary(articles)
    if anniversary:
        return anniversary
    years = Counter(int(m.group("year")) for a in articles for m in YEAR_RE.finditer(a.text))
    if years:
        # the most-written year, the later on a tie: the latest alone is often a plan ("by 2021")
        year = max(years, key=lambda y: (years[y], y))
        return Reference(year, None, None, True, f"the year most written in the articles ({year})")
    return Reference(basis="no date in the articles")


def _full_dates(text: str) -> list[dt.date]:
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
    return out


def _anniversary(articles: Sequence[Article]) -> Reference | None:
    """"since March 2011" somewhere and "five-year-long" / "its sixth year" somewhere -> March 2016."""
    starts: list[tuple[int, int, str]] = []
    ages: list[tuple[int, str]] = []
    for article in articles:
        for m in SINCE_RE.finditer(article.text):
            starts.append((int(m.group("year")), _month_number(m.group("month")), m.group(0)))
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
    return Reference(year + completed, month, None, True, f"'{since_text}' and '{age_text}'")


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
        add(_weekday(m, ref, future))
    for m in RELATIVE_RE.finditer(text):
        add(_relative(m, ref))
    found.sort(key=lambda w: w.start)
    return found


def _year_for_month(month: int, ref: Reference, future: bool) -> int | None:
    """News looks back: a month after the reference month is last year's, unless the sentence looks ahead."""
    if not ref.year:
        return None
    if ref.month and month > ref.month and not future:
        return ref.year - 1
    if ref.month and month < ref.month and future and ref.month - month > 6:
        return ref.year + 1
    return ref.year


def _month_day(m: re.Match[str], ref: Reference, future: bool) -> When:
    month, day = _month_number(m.group("month")), int(m.group("day"))
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
    if lead == "next":
        future = True
    year = _year_for_month(month, ref, future)
    return When(text_slice(m, start), start, m.end(), None, year, month, bool(year) and ref.inferred, "month")


def text_slice(m: re.Match[str], start: int) -> str:
    return m.string[start:m.end()]


def _weekday(m: re.Match[str], ref: Reference, future: bool) -> When:
    base = ref.date
    if base is None:
        return When(m.group("wd"), m.start(), m.end(), None, ref.year, ref.month, ref.inferred, "weekday")
    target = WEEKDAYS[m.group("wd").lower()]
    delta = (target - base.weekday()) % 7 if future else -((base.weekday() - target) % 7)
    if future and delta == 0:
        delta = 7
    d = base + dt.timedelta(days=delta)
    return When(m.group("wd"), m.start(), m.end(), d, d.year, d.month, ref.inferred, "weekday")


def _relative(m: re.Match[str], ref: Reference) -> When:
    rel = m.group("rel").lower()
    text, start, end = m.group(0), m.start(), m.end()
    base = ref.date
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
