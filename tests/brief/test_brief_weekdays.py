"""A weekday from an older report gets its date when a reader of the brief's day would misplace it."""

from __future__ import annotations

import datetime as dt

from briefing.brief.weekdays import pin_weekdays

SUNDAY_25 = dt.date(2026, 8, 23)  # a Sunday
THURSDAY_29 = dt.date(2026, 8, 27)  # the Thursday after


def test_a_weekday_a_later_reader_would_misplace_gets_its_date() -> None:
    line = "Shelling hit the port of Varna on Wednesday, officials said."
    assert pin_weekdays(line, SUNDAY_25, THURSDAY_29) == (
        "Shelling hit the port of Varna on Wednesday (19 August), officials said.")
    night = "Rebels attacked the airport Wednesday night."
    assert pin_weekdays(night, SUNDAY_25, THURSDAY_29) == "Rebels attacked the airport Wednesday night (19 August)."


def test_near_misses_stay_as_written() -> None:
    monday = "Snipers fired on the convoy Monday."  # the Monday a reader on Thursday takes it for
    assert pin_weekdays(monday, dt.date(2026, 8, 24), THURSDAY_29) == monday
    dated = "Shelling hit the port on Wednesday, Aug. 19, officials said."
    assert pin_weekdays(dated, SUNDAY_25, THURSDAY_29) == dated
    same_day = "Shelling hit the port on Wednesday."
    assert pin_weekdays(same_day, THURSDAY_29, THURSDAY_29) == same_day  # the brief's own day
    assert pin_weekdays(same_day, None, THURSDAY_29) == same_day  # a report of unknown date


def test_a_day_still_ahead_in_the_report_is_dated_when_the_reader_would_take_another() -> None:
    line = "Talks will resume in Varna on Friday."
    # Written on Sunday, Friday is the 28th: a reader on Thursday takes the coming Friday, the same day.
    assert pin_weekdays(line, SUNDAY_25, THURSDAY_29) == line
    # Written the Sunday before, Friday was the 21st: dated.
    assert pin_weekdays(line, dt.date(2026, 8, 16), THURSDAY_29) == "Talks will resume in Varna on Friday (21 August)."
