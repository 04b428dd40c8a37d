"""Relative dates resolved against an article's date, or a date inferred from the set."""

from __future__ import annotations

import datetime as dt

from article_text import article_from_text  # tests/unit is on the path
from briefing.status.dates import Reference, find_dates, infer_reference
from briefing.models import Article


def _article(text: str, published: dt.date | None = None) -> Article:
    return article_from_text(text, str(abs(hash(text))), published, title="t")


MONDAY = Reference(2016, 3, 14, False, "article date")


def _labels(text: str, ref: Reference) -> list[str]:
    return [w.label() for w in find_dates(text, ref)]


def test_month_day_takes_the_reference_year() -> None:
    when = find_dates("The truce that began on Feb. 27 has largely held.", MONDAY)[0]
    assert when.date == dt.date(2016, 2, 27)


def test_a_later_month_is_last_year_unless_the_sentence_looks_ahead() -> None:
    assert find_dates("the resolution in December", MONDAY)[0].year == 2015
    assert find_dates("elections will be held on Dec. 20", MONDAY)[0].date == dt.date(2016, 12, 20)


def test_weekdays_look_back_or_ahead() -> None:
    assert find_dates("al-Moallem said Saturday", MONDAY)[0].date == dt.date(2016, 3, 12)
    assert find_dates("the opposition will meet him on Tuesday", MONDAY)[0].date == dt.date(2016, 3, 15)
    assert find_dates("talks began Monday", MONDAY)[0].date == dt.date(2016, 3, 14)


def test_relative_words() -> None:
    assert find_dates("beginning tomorrow", MONDAY)[0].date == dt.date(2016, 3, 15)
    assert _labels("it took effect late last month", MONDAY) == ["February 2016"]
    assert _labels("elections next month", MONDAY) == ["April 2016"]


def test_weekday_without_a_known_day_stays_as_written() -> None:
    ref = Reference(2016, 3, None, True, "inferred")
    when = find_dates("Putin ordered the pullout on Monday", ref)[0]
    assert when.date is None
    assert when.label() == "Monday (March 2016, inferred)"


def test_reference_from_the_article_date_first() -> None:
    ref = infer_reference([_article("Fighting resumed on Monday.", dt.date(2024, 5, 6))])
    assert (ref.year, ref.month, ref.day) == (2024, 5, 6)


def test_reference_from_a_full_date_in_the_text() -> None:
    ref = infer_reference([_article("The truce took effect on April 2, 2022, officials said.")])
    assert ref.date == dt.date(2022, 4, 2) and ref.inferred


def test_reference_from_an_anniversary() -> None:
    """Undated wire copy: "since March 2011" + "five-year-long" gives March 2016, to the month only."""
    ref = infer_reference([_article("The five-year-long conflict has raged since March 2011.")])
    assert (ref.year, ref.month, ref.day) == (2016, 3, None)
    assert ref.inferred and "March 2011" in ref.basis


def test_no_dates_at_all() -> None:
    ref = infer_reference([_article("Rebels seized the town on Saturday.")])
    assert ref.year is None
    assert find_dates("Rebels seized the town on Saturday.", ref)[0].label() == "Saturday"
