"""`--since` and the default window: what "today" means without paths."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.store.since import DEFAULT_HOURS, SinceError, choose_window, describe_time, parse_since

NOW = dt.datetime(2024, 5, 3, 7, 30).astimezone().timestamp()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("24h", 86_400), ("2d", 172_800), ("1w", 604_800), ("90m", 5_400), (" 36 hours ", 129_600), ("3 days", 259_200)],
)
def test_durations_count_back_from_now(text: str, seconds: int) -> None:
    assert parse_since(text, NOW) == NOW - seconds


def test_dates_and_times_are_the_users_local_ones() -> None:
    assert parse_since("2024-05-01", NOW) == dt.datetime(2024, 5, 1).astimezone().timestamp()
    assert parse_since("2024-05-02T06:00", NOW) == dt.datetime(2024, 5, 2, 6, 0).astimezone().timestamp()
    assert parse_since("2024-05-02T06:00+00:00", NOW) == dt.datetime(2024, 5, 2, 6, tzinfo=dt.timezone.utc).timestamp()


@pytest.mark.parametrize("text", ["yesterday", "2d ago", "-2d", "2024-13-01", "", "1y"])
def test_anything_else_is_refused_with_both_forms(text: str) -> None:
    with pytest.raises(SinceError, match="a duration such as 24h.*a date such as 2024-05-01"):
        parse_since(text, NOW)


def test_the_future_is_refused() -> None:
    with pytest.raises(SinceError, match="in the future"):
        parse_since("2024-06-01", NOW)


def test_the_window_is_since_given_else_the_last_brief_else_a_day() -> None:
    assert choose_window("2d", NOW, NOW - 3600).start == NOW - 172_800
    last = choose_window(None, NOW, NOW - 3600)
    assert last.start == NOW - 3600 and last.reason == f"since the last brief (saved {describe_time(NOW - 3600)})"
    first = choose_window(None, NOW, None)
    assert first.start == NOW - DEFAULT_HOURS * 3600 and "no brief saved yet" in first.reason


def test_revising_todays_brief_says_which_brief_the_window_starts_at() -> None:
    window = choose_window(None, NOW, NOW - 86_400, revising=True)
    assert window.start == NOW - 86_400 and window.reason.startswith("since the brief before today's (saved ")
