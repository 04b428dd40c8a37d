"""Whom a figure counts, its scope and day, and which figures can disagree. Invented sentences only."""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.models import ConflictStatus, Figure
from briefing.status.build import build_status
from briefing.status.disagreements import mark_disagreements
from briefing.status.figure_subject import subject_key, subject_of
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def _status(*texts: str, days: tuple[int, ...] = ()) -> ConflictStatus:
    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, days[i] if days else 3)) for i, t in enumerate(texts)]
    return build_status(articles, NO_PROFILE)


def _subject(text: str, number: str) -> str | None:
    start = text.index(number)
    return subject_of(text, start, start + len(number))


def test_subject_is_the_counted_group_as_written() -> None:
    assert _subject("Nearly 2,000 Ruritanians have been killed.", "2,000") == "Ruritanians"
    assert _subject("Officials said 12 Ruritanian soldiers died.", "12") == "Ruritanian soldiers"
    assert _subject("At least 40 civilians in Lindor were killed.", "40") == "civilians in Lindor"
    assert _subject("The strike killed 9 people, police said.", "9") == "people"
    assert _subject("The Ruritanian death toll has reached 700.", "700") == "Ruritanians"
    assert _subject("The toll reached 700.", "700") is None
    assert _subject("The other three journalists were freed.", "three") == "other journalists"


def test_subject_keys_compare_wording_not_form() -> None:
    assert subject_key(None) == subject_key("people") == subject_key("persons")
    assert subject_key("Ruritanian soldiers") == subject_key("Ruritanian soldier")
    assert subject_key("civilians") != subject_key("soldiers")


def test_scope_and_day() -> None:
    st = _status(
        "The war has killed more than 9,000 people, the monitor said. "
        "An airstrike killed 11 people in Lindor on Saturday. "
        "In the 2019 war, 2,000 people were killed."
    )
    by_value = {f.value: f for f in st.figures}
    assert by_value[9_000].scope == "cumulative" and by_value[9_000].as_of == dt.date(2024, 6, 3)
    assert by_value[11].scope == "incident" and by_value[11].as_of == dt.date(2024, 6, 1)
    assert 2_000 not in by_value
    assert [(f.value, f.scope) for f in st.background] == [(2_000, "background")]


def test_an_earlier_war_after_the_figure_in_another_clause_is_a_yardstick() -> None:
    st = _status("This offensive has claimed 80 soldiers' lives, against 12 soldiers in the last war, which ended in 2019.")
    assert {f.value for f in st.figures} == {80}
    assert {f.value for f in st.background} == {12}


def test_counts_before_the_current_event_are_background() -> None:
    st = _status("Four mayors had been killed by militants before Monday's attack, the ministry said.")
    assert not st.figures


def test_different_groups_do_not_disagree() -> None:
    st = _status(
        "The war has killed 2,100 Ruritanians, the health ministry said.",
        "The war has killed 70 Freedonians and more than 900 civilians, officials said.",
    )
    assert not any(f.disagreement for f in st.figures)


def test_same_group_same_day_disagrees() -> None:
    st = _status(
        "The war has killed 2,100 Ruritanians, the health ministry said.",
        "The war has killed some 4,000 Ruritanians, a monitor said.",
    )
    assert all(f.disagreement for f in st.figures if f.kind == "killed")


def test_two_incidents_of_one_day_are_no_dispute() -> None:
    st = _status(
        "An airstrike on a school in Lindor killed 8 people on Sunday.",
        "Shelling of the market in Varna killed 30 people on Sunday.",
        days=(3, 3),
    )
    assert not any(f.disagreement for f in st.figures)


def test_one_incident_two_counts_is_a_dispute() -> None:
    st = _status(
        "The shelling of Varna killed 8 people on Sunday, the army said.",
        "Medics said 30 people were killed in Varna on Sunday.",
        "Ostrovka was quiet. Ostrovka, the capital of Lindoria, saw no fighting in Ostrovka.",
    )
    assert all(f.disagreement for f in st.figures)


def test_a_rising_total_is_an_update_not_a_dispute() -> None:
    st = _status(
        "The war has killed 137 Ruritanians, the ministry said.",
        "The war has killed 163 Ruritanians, the ministry said.",
        days=(1, 3),
    )
    latest = next(f for f in st.figures if f.value == 163)
    assert not any(f.disagreement for f in st.figures)
    assert (latest.earlier, latest.earlier_as_of) == (137, dt.date(2024, 6, 1))


def test_a_vague_floor_contradicts_nothing_above_it() -> None:
    a = Figure("displaced", 1_000, "at least", "thousands of people", None, "a", scope="cumulative", as_of=dt.date(2024, 6, 3))
    b = Figure("displaced", 60_000, "over", "more than 60,000 people", None, "b", scope="cumulative", as_of=dt.date(2024, 6, 3))
    assert not any(f.disagreement for f in mark_disagreements([a, b]))


def test_a_dated_past_event_and_an_earlier_episode_are_background() -> None:
    st = _status(
        "The 2009 bombing of the police academy, which killed 60 cadets, still haunts the town.\n"
        "Residents recalled an earlier episode when rioters burned the court. Ten people were killed in clashes.",
    )
    assert not st.figures
    assert {f.value for f in st.background} == {60, 10}


def test_refugees_a_country_hosts_are_background() -> None:
    st = _status(
        "There are about 2 million Ruritanian refugees in Freedonia.\n"
        "More than 40,000 people fled across the border into Freedonia since Monday."
    )
    assert [f.value for f in st.background] == [2_000_000]
    assert [(f.kind, f.value) for f in st.figures] == [("refugees", 40_000)]
