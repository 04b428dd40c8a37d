"""Relative dates resolved against an article's date, or a date inferred from the set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.models import Article
from briefing.status.dates import Reference, article_reference, find_dates, infer_reference
from support.article_text import article_from_text


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
    assert find_dates("the new leaders seek to hold elections on May 25", MONDAY)[0].date == dt.date(2016, 5, 25)
    assert find_dates("the old leaders held elections on Dec. 20", MONDAY)[0].date == dt.date(2015, 12, 20)


def test_weekdays_look_back_or_ahead() -> None:
    assert find_dates("al-Moallem said Saturday", MONDAY)[0].date == dt.date(2016, 3, 12)
    assert find_dates("the opposition will meet him on Tuesday", MONDAY)[0].date == dt.date(2016, 3, 15)
    assert find_dates("talks began Monday", MONDAY)[0].date == dt.date(2016, 3, 14)


def test_only_a_future_word_before_the_day_in_its_clause_looks_ahead() -> None:
    assert find_dates("Envoys are scheduled to meet Thursday", MONDAY)[0].date == dt.date(2016, 3, 17)
    assert find_dates("The ministry announced Friday that troops will leave.", MONDAY)[0].date == dt.date(2016, 3, 11)
    assert find_dates("Envoys were in Vardo Sunday for the scheduled start of talks.", MONDAY)[0].date == dt.date(2016, 3, 13)
    assert find_dates("Rebels seized him on Saturday, warning he would be shot.", MONDAY)[0].date == dt.date(2016, 3, 12)
    assert find_dates("He will travel, aides said Sunday.", MONDAY)[0].date == dt.date(2016, 3, 13)
    assert find_dates("The talks will resume on Monday", MONDAY)[0].date == dt.date(2016, 3, 14)  # today, not in a week


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


def test_an_anniversary_needs_both_halves_in_the_set() -> None:
    """The start and the age may be in different articles; either alone dates nothing."""
    both = infer_reference([_article("The blockade has lasted since June 2017."),
                            _article("The region marks the blockade's fourth-year-long toll; in its sixth year, talks stalled.")])
    assert (both.year, both.month) == (2022, 6)
    assert infer_reference([_article("The five-year-long conflict drags on.")]).year is None
    start_only = infer_reference([_article("The conflict has raged since March 2011.")])
    assert start_only.month is None and "since" not in start_only.basis  # only the year written


def test_no_dates_at_all() -> None:
    ref = infer_reference([_article("Rebels seized the town on Saturday.")])
    assert ref.year is None
    assert find_dates("Rebels seized the town on Saturday.", ref)[0].label() == "Saturday"


# --- inferred dates never guess a wrong year or week ------------------------------------------------
def _dated_article(text: str, ident: str = "a", published: dt.date | None = None) -> Article:
    return article_from_text(text, ident, published)


# --- #12: dates anchored on datelines, never a year earlier than the article's own ------------
def test_a_dateline_anchors_weekdays() -> None:
    art = _dated_article(
        "LAGOS, June 13 (Reuters) - Gunmen attacked a convoy on Monday, police said. A truce began on May 30, 2022."
    )
    ref = article_reference(art, infer_reference([art]))
    (when,) = [w for w in find_dates(art.sentences[0].text, ref) if w.kind == "weekday"]
    assert when.date == dt.date(2022, 6, 13)  # 13 June 2022 was a Monday


def test_a_photo_date_does_not_pick_the_week_of_a_weekday() -> None:
    caption = _dated_article("A soldier stands guard in Goma, Saturday, Oct. 8, 2022.", "c")
    story = _dated_article("Rebels seized the town on Monday, officials said.", "s")
    ref = article_reference(story, infer_reference([caption, story]))
    (when,) = find_dates(story.sentences[0].text, ref)
    assert when.date is None and when.label() == "Monday (October 2022, inferred)"


def test_a_weekday_the_set_writes_in_full_is_that_day() -> None:
    caption = _dated_article("Protesters march in Dakar, Sunday, March 5, 2023.", "c")
    story = _dated_article("Police fired tear gas on Sunday.", "s")
    ref = article_reference(story, infer_reference([caption, story]))
    assert find_dates(story.sentences[0].text, ref)[0].date == dt.date(2023, 3, 5)


def test_a_month_just_ahead_is_not_last_year() -> None:
    ref = Reference(2014, 4, 7, False, "article date")
    assert find_dates("ahead of presidential elections in May", ref)[0].year == 2014
    assert find_dates("the protests in May", ref)[0].year is None  # next month or last May: unsure
    assert find_dates("the resolution in December", ref)[0].year == 2013


def test_no_inferred_year_before_a_year_the_article_writes() -> None:
    old = _dated_article("The ceasefire of Jan. 3, 2019 collapsed.", "o")
    new = _dated_article("Troops were photographed on Feb. 2, 2021. Fighting resumed in November.", "n")
    ref = article_reference(new, Reference(2019, 1, 3, True, "set", anchored=False))
    (when,) = [w for w in find_dates(new.sentences[1].text, ref)]
    assert when.year is None or when.year >= 2021
    assert old.id != new.id


# --- hostile input ----------------------------------------------------------------------------------
def _load(tmp_path: Path, text: str, name: str = "a.txt") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_paths([path], IngestSettings()).articles


def test_huge_ages_do_not_break_the_date_reference(tmp_path: Path) -> None:
    articles = _load(tmp_path, f"The war began in March 2011. It is a {'9' * 5000}-year-old war, now in its ²-year-long phase.\n")
    assert infer_reference(articles) is not None  # int() refuses more than 4,300 digits


def test_last_and_a_month_is_the_latest_such_month_before_the_report() -> None:
    from briefing.status.dates import Reference, find_dates

    october = Reference(2019, 10, 14)
    assert [w.label() for w in find_dates("The troops withdrew last December from the border.", october)] == [
        "December 2018"]
    assert [w.label() for w in find_dates("They met last May in Geneva.", october)] == ["May 2019"]
    assert [w.label() for w in find_dates("They met last October in Geneva.", october)] == ["October 2018"]


def test_by_and_a_month_is_a_deadline_ahead() -> None:
    from briefing.status.dates import Reference, find_dates

    february = Reference(2014, 2, 24)
    assert [w.label() for w in find_dates("The council promised elections by December.", february)] == [
        "December 2014"]
    assert [w.label() for w in find_dates("Aid had run out by January, officials said.", february)] == [
        "January 2014"]
