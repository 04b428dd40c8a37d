"""Descriptions and initials as speakers: "the vice president", "the party leader", "the SDF".
Invented reports; near misses included."""

from __future__ import annotations

from briefing.nlp.names import read_run
from support.quotes import find, quotes_of


def test_a_title_resolved_to_a_person_is_what_a_later_he_refers_to() -> None:
    quotes = quotes_of(
        "Vice President Anna Korhonen flew to Oslo on Monday.",
        "Officials said the talks would resume in a week.",
        "The vice president said that the evidence pointed one way.",
        '"Only one side had the rockets and the means to fire them," she said on Tuesday.',
    )
    assert find(quotes, "Only one side").speaker == "Anna Korhonen"


def test_a_description_no_role_matches_is_the_speaker_just_before_without_a_role() -> None:
    quotes = quotes_of(
        'In a rare rebuke, Harlan Voss criticized the order, noting "the reasons for the vote still stand."',
        '"A hasty retreat helps only our rivals," the party leader said.',
    )
    assert find(quotes, "A hasty retreat").speaker == "Harlan Voss"


def test_a_description_is_not_a_speaker_who_has_another_role() -> None:
    quotes = quotes_of(
        'Defence Minister Harlan Voss criticized the order, noting "the reasons for the vote still stand."',
        '"A hasty retreat helps only our rivals," the party leader said.',
    )
    assert find(quotes, "A hasty retreat").speaker is None


def test_initials_defined_after_a_name_speak_for_that_organisation() -> None:
    quotes = quotes_of(
        "The Northern Defence Forces (NDF) hold the river towns.",
        '"We will not give up a single village," the NDF said in a statement.',
    )
    assert find(quotes, "We will not give up").speaker == "Northern Defence Forces"


def test_initials_after_the_are_an_organisation_not_a_person() -> None:
    quotes = quotes_of(
        "Fighting spread along the river on Sunday.",
        '"Our lines are holding," the NDF said.',
        '"The bridge is ours," NDF said later.',
    )
    assert find(quotes, "Our lines are").speaker == "NDF"
    assert find(quotes, "The bridge is").speaker == "NDF"


def test_capitalised_furniture_is_no_organisation() -> None:
    quotes = quotes_of(
        "UPDATE",
        '"We are leaving tonight," CLOSE said nothing.',
    )
    assert all(q.speaker in (None,) for q in quotes)


def test_a_description_glued_to_a_name_is_not_part_of_it() -> None:
    reading = read_run("Kurdish-led Syrian Democratic Forces")
    assert reading is not None and reading.name == "Syrian Democratic Forces"
    reading = read_run("Iranian-backed Houthi Movement")
    assert reading is not None and reading.name == "Houthi Movement"


def test_a_description_after_a_quote_is_the_person_just_quoted_not_one_far_back() -> None:
    quotes = quotes_of(
        "Firefighter Dana Roy joined the crew in 2001.",
        "The crew worked through the summer.",
        "The fires were the worst in years.",
        "The agency said it would review its rules.",
        "Joan Wade, one of the women hired in 1981, said she retired last year.",
        "“They never wanted us there,” said the former firefighter, who is 57.",
    )
    assert find(quotes, "They never wanted").speaker == "Joan Wade"


def test_a_description_matching_a_recent_role_keeps_that_person() -> None:
    quotes = quotes_of(
        "Firefighter Dana Roy joined the crew in 2001.",
        "Joan Wade, one of the women hired in 1981, said she retired last year.",
        "“They never wanted us there,” said the firefighter.",
    )
    assert find(quotes, "They never wanted").speaker == "Dana Roy"
