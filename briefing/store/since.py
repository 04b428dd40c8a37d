"""`--since`: which stored articles "today" means, as a moment in time.

Without `--since`, today is what was fetched since the last saved brief: the
analyst's morning picks up where the previous brief left off, whether that was
yesterday or before a long weekend. A brief saved today after the newest fetch
is skipped, so reopening the app to revise this morning's brief shows this
morning's articles again rather than nothing (a brief saved on an earlier day
is not skipped: a morning with nothing fetched since it has nothing new). With
no brief yet, the last 24 hours. `--since` takes a duration back from now
(`36h`, `2d`, `1w`, `90m`) or a local date or time (`2024-05-01`, `2024-05-01T06:00`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DEFAULT_HOURS = 24
_DURATION = re.compile(r"^\s*(\d{1,6})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*$", re.I)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86_400, "w": 7 * 86_400}


class SinceError(ValueError):
    """A `--since` value that is neither a duration nor a date; the message shows both forms."""


@dataclass(frozen=True, slots=True)
class Window:
    """The start of "today" (seconds since the epoch) and how it was chosen, for messages."""

    start: float
    reason: str  # "since the last brief (saved 2 May 07:05)", "in the last 24 hours", "since 2d"


def parse_since(text: str, now: float) -> float:
    """The moment `text` names: a duration back from `now`, or a local date or date and time."""
    value = text.strip()
    match = _DURATION.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        seconds = _UNIT_SECONDS["m" if unit.startswith("m") else unit[0]]
        return now - amount * seconds
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise SinceError(
            f"--since takes a duration such as 24h, 2d or 1w, or a date such as 2024-05-01, got {value[:40]!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a date or time as the user's clock shows it
    start = moment.timestamp()
    if start > now:
        raise SinceError(f"--since {value[:40]} is in the future")
    return start


def choose_window(since: str | None, now: float, last_brief_at: float | None, revising: bool = False) -> Window:
    """`--since` when given; else since `last_brief_at` (the last brief, or with `revising` the
    one before today's, chosen by the caller); else the last 24 hours."""
    if since is not None:
        return Window(parse_since(since, now), f"since {since.strip()[:40]}")
    which = "the brief before today's" if revising else "the last brief"
    if last_brief_at is not None:
        return Window(last_brief_at, f"since {which} (saved {describe_time(last_brief_at)})")
    return Window(now - DEFAULT_HOURS * 3600, f"in the last {DEFAULT_HOURS} hours (no brief saved yet)")


def describe_time(moment: float) -> str:
    """A moment as the user reads it: '2024-05-02 07:05' in local time."""
    return dt.datetime.fromtimestamp(moment).astimezone().strftime("%Y-%m-%d %H:%M")
