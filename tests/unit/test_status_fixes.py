"""Status fixes from the new-user review: "other" figures say what they count, an earlier
war's toll is not today's, inferred dates never guess a wrong year or week, unnamed
sources are not reporters.

Every text here is invented for the test; none is copied from a news sample.
"""

from __future__ import annotations

import datetime as dt

from article_text import article_from_text  # tests/unit is on the path
from briefing.status.dates import Reference, article_reference, find_dates, infer_reference
from briefing.status.figure_sources import reported_by
from briefing.status.build import build_status
from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus

NO_PROFILE = ConflictSettings(profile=None)


def _article(text: str, ident: str = "a", published: dt.date | None = None) -> Article:
    return article_from_text(text, ident, published)


def _status(*texts: str, published: dt.date | None = dt.date(2023, 5, 9)) -> ConflictStatus:
    return build_status([_article(t, f"a{i}", published) for i, t in enumerate(texts)], NO_PROFILE)


def _figures(status: ConflictStatus) -> dict[tuple[str, int], str]:
    return {(f.kind, f.value): f.text for f in status.figures}


# --- #10: "other" figures carry what they count, or are not figures ------------------------
def test_an_other_figure_says_what_it_counts() -> None:
    st = _status(
        "About 2,000 people marched through Bamako on Saturday, a witness said.\n"
        "Police detained 45 protesters near the parliament. Around 300 people remain trapped inside the stadium."
    )
    figs = _figures(st)
    assert "marched through Bamako" in figs[("other", 2_000)]
    assert figs[("other", 45)] == "detained 45 protesters"
    assert "trapped inside the stadium" in figs[("other", 300)]


def test_a_count_with_no_event_is_not_a_figure() -> None:
    st = _status(
        "The convoy brought food to thousands of Somalis in remote districts.\n"
        "The minister, who has four children, met 20 people from the diaspora."
    )
    assert not [f for f in st.figures if f.kind == "other"], st.figures


def test_civilians_evacuated_by_troops_are_not_troops() -> None:
    st = _status("Troops evacuated more than 2,000 civilians from the besieged town on Friday.")
    assert ("troops", 2_000) not in _figures(st)
    assert ("other", 2_000) in _figures(st)


# --- #11: an earlier war's toll is background, never the current total ----------------------
def test_a_paragraph_about_an_earlier_war_is_background() -> None:
    st = _status(
        "A mortar round killed three soldiers near the border on Tuesday, the army said.\n"
        "In the army's offensive in March 2019, troops shelled the valley for two weeks. "
        "More than 400 villagers were killed. Nine soldiers died."
    )
    killed = {f.value for f in st.figures if f.kind == "killed"}
    assert 3 in killed and 400 not in killed and 9 not in killed


def test_a_named_past_war_in_the_figure_sentence() -> None:
    st = _status(
        "Two people were wounded on Monday. About 1,300 people were killed in the 2014 war.\n"
        "Last year's offensive killed 250 fighters."
    )
    assert set(_figures(st)) == {("injured", 2)}


def test_a_running_total_since_the_war_began_stays_current() -> None:
    st = _status(
        "The war, which began in 2019, has killed at least 12,000 people, the monitor said.\n"
        "Some 5,000 people have been killed since the offensive started in 2021."
    )
    assert {("killed", 12_000), ("killed", 5_000)} <= set(_figures(st))


def test_todays_toll_beside_a_yardstick_war() -> None:
    st = _status("At least 31 people were killed on Sunday, the deadliest day since the 2016 war, in which 900 died.")
    assert set(_figures(st)) == {("killed", 31)}


def test_an_earlier_year_counts_as_past_only_when_the_articles_year_is_known() -> None:
    text = "In 2020, 700 people were killed in the province."
    assert ("killed", 700) not in _figures(_status(text))  # written in 2023
    assert ("killed", 700) in _figures(_status(text, published=None))  # of unknown year: it may be now


# --- #12: dates anchored on datelines, never a year earlier than the article's own ------------
def test_a_dateline_anchors_weekdays() -> None:
    art = _article(
        "LAGOS, June 13 (Reuters) - Gunmen attacked a convoy on Monday, police said. A truce began on May 30, 2022."
    )
    ref = article_reference(art, infer_reference([art]))
    (when,) = [w for w in find_dates(art.sentences[0].text, ref) if w.kind == "weekday"]
    assert when.date == dt.date(2022, 6, 13)  # 13 June 2022 was a Monday


def test_a_photo_date_does_not_pick_the_week_of_a_weekday() -> None:
    caption = _article("A soldier stands guard in Goma, Saturday, Oct. 8, 2022.", "c")
    story = _article("Rebels seized the town on Monday, officials said.", "s")
    ref = article_reference(story, infer_reference([caption, story]))
    (when,) = find_dates(story.sentences[0].text, ref)
    assert when.date is None and when.label() == "Monday (October 2022, inferred)"


def test_a_weekday_the_set_writes_in_full_is_that_day() -> None:
    caption = _article("Protesters march in Dakar, Sunday, March 5, 2023.", "c")
    story = _article("Police fired tear gas on Sunday.", "s")
    ref = article_reference(story, infer_reference([caption, story]))
    assert find_dates(story.sentences[0].text, ref)[0].date == dt.date(2023, 3, 5)


def test_a_month_just_ahead_is_not_last_year() -> None:
    ref = Reference(2014, 4, 7, False, "article date")
    assert find_dates("ahead of presidential elections in May", ref)[0].year == 2014
    assert find_dates("the protests in May", ref)[0].year is None  # next month or last May: unsure
    assert find_dates("the resolution in December", ref)[0].year == 2013


def test_no_inferred_year_before_a_year_the_article_writes() -> None:
    old = _article("The ceasefire of Jan. 3, 2019 collapsed.", "o")
    new = _article("Troops were photographed on Feb. 2, 2021. Fighting resumed in November.", "n")
    ref = article_reference(new, Reference(2019, 1, 3, True, "set", anchored=False))
    (when,) = [w for w in find_dates(new.sentences[1].text, ref)]
    assert when.year is None or when.year >= 2021
    assert old.id != new.id


# --- #25: unnamed sources are not reporters ------------------------------------------------
def test_unnamed_sources_and_misread_counters() -> None:
    assert reported_by("Eleven people were injured, according to The sources.") == "unnamed sources"
    assert reported_by("Officials said 12 people were killed.") == "unnamed officials"
    assert reported_by("Each year an estimated 4,000 individuals die on the roads.") is None
    assert reported_by("Authorities have repeatedly said 40 people died.") == "Authorities"
    assert reported_by("At least 12 people were killed, according to the Health Ministry.") == "the Health Ministry"


def test_the_sources_named_earlier_are_named() -> None:
    st = _status(
        "Shells hit the camp overnight, Hamas sources said.\n"
        "The sources said 11 people were injured in the strikes."
    )
    (fig,) = [f for f in st.figures if f.value == 11]
    assert fig.reported_by == "Hamas sources"
