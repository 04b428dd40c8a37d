"""A weekday from an older report, dated for the day the brief is read.

"The attack Wednesday" in a report of Sunday 25 August is 21 August; in a brief of
Thursday 29 August the reader takes "Wednesday" for the 28th. When the day a
weekday names in its report (status/dates.py resolves it from the report's date,
looking ahead where the sentence does) is not the day a reader of the brief's date
would take it for, the line gets the date: "the attack Wednesday (21 August)". A
weekday the line already dates ("Wednesday, Aug. 21"), or one in a report of unknown
date, is left as written.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.status.dates import FUTURE_RE, Reference, find_dates

_PART_OF_DAY = re.compile(r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?")
_DATED_AFTER = re.compile(r",?\s*(?:\(|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


def pin_weekdays(text: str, written: dt.date | None, read: dt.date) -> str:
    """`text` (a line from a report written on `written`) with each weekday a reader of `read`
    would misplace followed by its date."""
    if written is None or written >= read:
        return text
    ref = Reference(written.year, written.month, written.day, basis="the report's date")
    ahead = FUTURE_RE.search(text) is not None
    out, last = [], 0
    for when in find_dates(text, ref):
        if when.kind != "weekday" or when.date is None or _DATED_AFTER.match(text, when.end):
            continue
        if when.date == _as_read(when.date.weekday(), read, ahead):
            continue
        end = _PART_OF_DAY.match(text, when.end)
        stop = end.end() if end else when.end
        out.append(text[last:stop] + f" ({when.date.day} {when.date:%B})")
        last = stop
    return "".join(out) + text[last:] if out else text


def _as_read(weekday: int, read: dt.date, ahead: bool) -> dt.date:
    """The day a reader on `read` takes the weekday for: the coming one in a line that looks
    ahead ("will resume on Friday"), else the last one (today included)."""
    if ahead:
        return read + dt.timedelta(days=(weekday - read.weekday()) % 7)
    return read - dt.timedelta(days=(read.weekday() - weekday) % 7)

