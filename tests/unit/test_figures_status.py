"""Figures: kinds, qualifiers, who counted them, and the disagreement rule."""

from __future__ import annotations

import datetime as dt

from article_text import article_from_text  # tests/unit is on the path
from briefing.status.dates import Reference
from briefing.status.disagreements import conflicting, mark_disagreements
from briefing.status.figure_sources import reported_by
from briefing.status.figures import compile_rules, extract_figures
from briefing.status.profile import load_lexicon
from briefing.models import Article, Figure

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
