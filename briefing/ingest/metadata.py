"""Dates as formats carry them: ISO strings, RFC 822 feed dates, feedparser tuples."""

from __future__ import annotations

import datetime as dt
import email.utils
import time

_YEARS = range(1900, 2200)  # anything else is a typo or a hostile value, not a news date


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()[:64]
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            value = dt.date.fromisoformat(text[:10])
        except ValueError:
            value = _rfc822(text)
    return value if value and value.year in _YEARS else None


def _rfc822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def date_from_struct(value: time.struct_time | None) -> dt.date | None:
    if not value:
        return None
    try:
        date = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except (ValueError, OverflowError, AttributeError):
        return None
    return date if date.year in _YEARS else None
