"""Timeline events: what a report dates, one line per move, every day kept. Invented reports."""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.models import Event
from briefing.status.build import build_status
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def _timeline(*texts: str, day: int = 8) -> tuple[Event, ...]:
    articles = [article_from_text(t, f"a{i}", dt.date(2023, 5, day)) for i, t in enumerate(texts)]
    return build_status(articles, NO_PROFILE).timeline


def _distinct(i: int) -> str:
    """An invented word of its own for each i: the sentences below share no content."""
    syllables = ("ka", "lo", "mir", "ven", "tos", "dra", "pel", "sun")
    return "".join(syllables[int(d)] for d in f"{i:03o}").capitalize() + "ovo"


def _places(i: int) -> str:
    return ", ".join(_distinct(i + 64 * k) for k in range(4)) + " and " + _distinct(i + 256)


def test_arrests_ousters_releases_and_gunfire_are_dated_events() -> None:
    got = {(e.date, e.text[:20]) for e in _timeline(
        "Parliament ousted the governor of Varna on Saturday.\n"
        "Police arrested four men on Sunday in connection with the bombing.\n"
        "The opposition leader was freed from prison on Friday.\n"
        "Snipers opened fire on an aid convoy on Monday."
    )}
    assert {d for d, _ in got} == {dt.date(2023, 5, 6), dt.date(2023, 5, 7), dt.date(2023, 5, 5), dt.date(2023, 5, 8)}


def test_an_undated_move_and_a_table_row_are_no_events() -> None:
    assert _timeline("Parliament ousted the governor of Varna.") == ()
    assert _timeline("| 01-report.md | Daily Courier | 2023-05-06 | stormed | |---|---|") == ()


def test_a_busy_last_day_does_not_push_the_first_day_out() -> None:
    first = "Shelling killed 12 people in Varna on Monday, the first day of the offensive."
    busy = "\n".join(f"Shells struck {_places(i)} on Sunday." for i in range(60))
    events = _timeline(first, busy, day=14)
    assert len(events) == 40
    assert events[0].date == dt.date(2023, 5, 8) and events[0].text.startswith("Shelling killed 12")


def test_the_move_most_outlets_report_is_kept_first_on_a_crowded_day() -> None:
    main = "Rebels stormed the radio station in Varna on Sunday, officials said."
    aside = "\n".join(f"The mayor of {_places(i)} resigned on Sunday." for i in range(45))
    events = _timeline(main, "Rebels stormed the Varna radio station on Sunday and took it over.", aside)
    assert len(events) == 40
    assert sum(e.text.startswith("Rebels stormed") for e in events) == 1  # two outlets, one line, kept


def test_a_date_the_sentence_opens_with_dates_its_event() -> None:
    """The disappearance was on 21 April; the announcement on Wednesday only reports it."""
    (event,) = _timeline("On April 21, a student vanished from a cell in Varna, prosecutors announced on Wednesday.")
    assert event.date == dt.date(2023, 4, 21)


def test_near_miss_a_date_later_in_the_sentence_is_still_read_by_the_cue() -> None:
    (event,) = _timeline("Police arrested the suspect on Sunday after the killing on April 21 in Varna.")
    assert event.date == dt.date(2023, 5, 7)


def test_a_date_that_names_another_event_does_not_date_the_sentence() -> None:
    assert _timeline("He was among the few who knew of the September 11, 2001, attacks before they were launched.") == ()
    (event,) = _timeline("Rebels stormed the radio station in Varna on Sunday, as they did before the May 21, 2019, "
                         "elections.")
    assert event.date == dt.date(2023, 5, 7)


def test_near_miss_a_date_that_names_this_storys_event_dates_it() -> None:
    (event,) = _timeline("A May 2 attack on the Varna market killed 14 people, officials said.")
    assert event.date == dt.date(2023, 5, 2)
