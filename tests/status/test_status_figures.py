"""Figures: kinds, qualifiers, who counted them, and the disagreement rule."""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus, Figure
from briefing.status.build import build_status
from briefing.status.dates import Reference
from briefing.status.disagreements import conflicting, mark_disagreements
from briefing.status.figure_sources import reported_by
from briefing.status.figures import compile_rules, extract_figures
from briefing.status.profile import load_lexicon
from support.article_text import article_from_text

RULES = compile_rules(load_lexicon())
REF = Reference(2024, 6, 3, False, "test")


def _article(text: str, ident: str = "a1") -> Article:
    return article_from_text(text, ident, dt.date(2024, 6, 3), title="t")


def _figures(*texts: str) -> list[Figure]:
    found = []
    for i, text in enumerate(texts):
        found.extend(extract_figures(_article(text, f"a{i}"), RULES, REF))
    return mark_disagreements(found)


def test_kinds_and_qualifiers() -> None:
    figs = _figures(
        "Shelling killed at least 14 civilians and wounded 40 others in the city, medics said. "
        "Nearly 200,000 people have fled their homes, and up to 30,000 refugees crossed the border. "
        "Some 5,000 troops were deployed."
    )
    got = {(f.kind, f.value, f.qualifier) for f in figs}
    assert ("killed", 14, "at least") in got
    assert ("injured", 40, "exact") in got
    assert ("displaced", 200_000, "nearly") in got
    assert ("refugees", 30_000, "up to") in got
    assert ("troops", 5_000, "about") in got


def test_numbers_that_are_not_counts() -> None:
    figs = _figures("The war entered its third year in 2024 after 18 months of talks on Resolution 2254.")
    assert figs == []


def test_fraction_of_a_stated_base() -> None:
    (fig,) = _figures("The fighting displaced nearly half of the region's population of about 4 million.")
    assert (fig.kind, fig.fraction, fig.base, fig.value, fig.qualifier) == ("displaced", 0.5, 4_000_000, 2_000_000, "nearly")


def test_reported_by_forms() -> None:
    assert reported_by("According to a report by the Health Ministry, 300 people died.") == "a report by the Health Ministry"
    assert reported_by("Twelve people were killed, the Red Crescent said.") == "the Red Crescent"
    assert reported_by("According to a UN count, 50 died, Al Jazeera reported.") == "a UN count (via Al Jazeera)"
    assert reported_by("At least 20 people were killed, he said.") is None


def test_two_counters_in_one_sentence_disagree() -> None:
    figs = _figures(
        "The war has killed more than 150,000 people, according to an independent monitor, "
        "while the government puts the toll at about 377,000."
    )
    killed = {f.value: f for f in figs if f.kind == "killed"}
    assert killed[150_000].reported_by == "an independent monitor"
    assert killed[377_000].reported_by == "the government"
    assert killed[150_000].disagreement and killed[377_000].disagreement


def test_lower_bounds_far_apart_disagree_close_ones_do_not() -> None:
    figs = _figures(
        "At least 250,000 people have been killed in the war.",
        "The conflict has claimed the lives of over 470,000 people, a monitor said.",
        "At least 260,000 people have been killed since the war began, the UN says.",
    )
    by_value = {f.value: f.disagreement for f in figs}
    assert by_value == {470_000: True, 250_000: True, 260_000: True}
    a = Figure("killed", 250_000, "at least", "", None, "x")
    b = Figure("killed", 260_000, "at least", "", None, "y")
    assert not conflicting(a, b)


def test_consistent_displacement_is_not_a_disagreement() -> None:
    figs = _figures(
        "The war prompted at least 11 million people to leave their homes.",
        "It displaced nearly half of the country's pre-war population of about 23 million.",
    )
    assert len(figs) == 2 and not any(f.disagreement for f in figs)


def test_same_source_repeated_is_not_a_disagreement() -> None:
    figs = _figures("At least 20 people were killed in the war. Later 200 people died in the war.")
    assert not any(f.disagreement for f in figs)


def test_incident_counts_are_not_compared_with_war_totals() -> None:
    figs = _figures(
        "An airstrike on Monday killed 12 people in the market.",
        "More than 12,000 people have been killed since the war began.",
    )
    assert {f.value for f in figs} == {12, 12_000}
    assert not any(f.disagreement for f in figs)


# --- what an other figure counts, an earlier war's toll, unnamed counters ---------------------------
NO_PROFILE = ConflictSettings(profile=None)


def _dated_article(text: str, ident: str = "a", published: dt.date | None = None) -> Article:
    return article_from_text(text, ident, published)


def _status_of(*texts: str, published: dt.date | None = dt.date(2023, 5, 9)) -> ConflictStatus:
    return build_status([_dated_article(t, f"a{i}", published) for i, t in enumerate(texts)], NO_PROFILE)


def _figure_texts(status: ConflictStatus) -> dict[tuple[str, int], str]:
    return {(f.kind, f.value): f.text for f in status.figures}


# --- #10: "other" figures carry what they count, or are not figures ------------------------
def test_an_other_figure_says_what_it_counts() -> None:
    st = _status_of(
        "About 2,000 people marched through Bamako on Saturday, a witness said.\n"
        "Police detained 45 protesters near the parliament. Around 300 people remain trapped inside the stadium."
    )
    figs = _figure_texts(st)
    assert "marched through Bamako" in figs[("other", 2_000)]
    assert figs[("other", 45)] == "detained 45 protesters"
    assert "trapped inside the stadium" in figs[("other", 300)]


def test_a_count_with_no_event_is_not_a_figure() -> None:
    st = _status_of(
        "The convoy brought food to thousands of Somalis in remote districts.\n"
        "The minister, who has four children, met 20 people from the diaspora."
    )
    assert not [f for f in st.figures if f.kind == "other"], st.figures


def test_civilians_evacuated_by_troops_are_not_troops() -> None:
    st = _status_of("Troops evacuated more than 2,000 civilians from the besieged town on Friday.")
    assert ("troops", 2_000) not in _figure_texts(st)
    assert ("other", 2_000) in _figure_texts(st)


# --- #11: an earlier war's toll is background, never the current total ----------------------
def test_a_paragraph_about_an_earlier_war_is_background() -> None:
    st = _status_of(
        "A mortar round killed three soldiers near the border on Tuesday, the army said.\n"
        "In the army's offensive in March 2019, troops shelled the valley for two weeks. "
        "More than 400 villagers were killed. Nine soldiers died."
    )
    killed = {f.value for f in st.figures if f.kind == "killed"}
    assert 3 in killed and 400 not in killed and 9 not in killed


def test_a_named_past_war_in_the_figure_sentence() -> None:
    st = _status_of(
        "Two people were wounded on Monday. About 1,300 people were killed in the 2014 war.\n"
        "Last year's offensive killed 250 fighters."
    )
    assert set(_figure_texts(st)) == {("injured", 2)}


def test_a_running_total_since_the_war_began_stays_current() -> None:
    st = _status_of(
        "The war, which began in 2019, has killed at least 12,000 people, the monitor said.\n"
        "Some 5,000 people have been killed since the offensive started in 2021."
    )
    assert {("killed", 12_000), ("killed", 5_000)} <= set(_figure_texts(st))


def test_todays_toll_beside_a_yardstick_war() -> None:
    st = _status_of("At least 31 people were killed on Sunday, the deadliest day since the 2016 war, in which 900 died.")
    assert set(_figure_texts(st)) == {("killed", 31)}


def test_an_earlier_year_counts_as_past_only_when_the_articles_year_is_known() -> None:
    text = "In 2020, 700 people were killed in the province."
    assert ("killed", 700) not in _figure_texts(_status_of(text))  # written in 2023
    assert ("killed", 700) in _figure_texts(_status_of(text, published=None))  # of unknown year: it may be now


# --- #25: unnamed sources are not reporters ------------------------------------------------
def test_unnamed_sources_and_misread_counters() -> None:
    assert reported_by("Eleven people were injured, according to The sources.") == "unnamed sources"
    assert reported_by("Officials said 12 people were killed.") == "unnamed officials"
    assert reported_by("Each year an estimated 4,000 individuals die on the roads.") is None
    assert reported_by("Authorities have repeatedly said 40 people died.") == "Authorities"
    assert reported_by("At least 12 people were killed, according to the Health Ministry.") == "the Health Ministry"


def test_the_sources_named_earlier_are_named() -> None:
    st = _status_of(
        "Shells hit the camp overnight, Hamas sources said.\n"
        "The sources said 11 people were injured in the strikes."
    )
    (fig,) = [f for f in st.figures if f.value == 11]
    assert fig.reported_by == "Hamas sources"


def test_a_part_of_a_count_given_beside_it_is_not_a_count_of_its_own() -> None:
    figs = _figures(
        "The envoy and three other diplomats were killed when gunmen stormed the consulate in Varna.",
        "The governor and two of his aides died in the attack on the convoy near Varna.",
    )
    assert [(f.kind, f.value) for f in figs] == []


def test_others_and_a_partitive_without_and_still_count() -> None:
    figs = _figures(
        "The blast killed at least 7 civilians and injured 40 others near the school in Varna.",
        "Two of their children were killed when the shell hit the house in Varna.",
    )
    got = {(f.kind, f.value) for f in figs}
    assert ("killed", 7) in got and ("injured", 40) in got and ("killed", 2) in got


def test_a_clause_is_no_counter() -> None:
    from briefing.status.figure_sources import reported_by

    assert reported_by("Rebels gave various estimates of more than 900 dead in Varna.") is None
    assert reported_by("Local doctors estimated that 300 people died in Varna.") == "Local doctors"
    assert reported_by("The toll rose to 30, Arvenian medical officials said.") == "Arvenian medical officials"
