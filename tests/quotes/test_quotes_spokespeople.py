"""Unnamed spokespeople of a named organisation: the organisation speaks. Invented reports."""

from __future__ import annotations

from support.quotes import find, quotes_of


def test_an_organisation_spokesman_before_the_cue_gives_the_organisation() -> None:
    quotes = quotes_of('"The border stays closed," a Foreign Office spokesman said on Monday.')
    quote = find(quotes, "The border stays")
    assert (quote.speaker, quote.role, quote.attribution) == ("Foreign Office", "Foreign Office spokesman", "spokesperson")


def test_the_official_said_later_is_the_same_organisation() -> None:
    quotes = quotes_of(
        "The raids began before dawn, a senior Pentagon official told reporters.",
        '"We will keep hitting their depots wherever they are," the official said.',
    )
    assert find(quotes, "We will keep").speaker == "Pentagon"


def test_he_after_a_spokesman_for_an_organisation_is_the_organisation() -> None:
    quotes = quotes_of(
        "The Obama administration rejected the report.",
        "A spokesman for the Office of Maritime Safety called the article wrong.",
        '"We had no warning of any attack on the port," he said.',
    )
    assert find(quotes, "We had no warning").speaker == "Office of Maritime Safety"


def test_an_official_of_a_state_stays_unnamed() -> None:
    quotes = quotes_of('"We are watching an ally attack our partners," a senior U.S. defense official said.')
    quote = find(quotes, "We are watching")
    assert quote.speaker is None and "official" in (quote.role or "")


def test_a_spokesman_for_a_person_is_not_that_person() -> None:
    quotes = quotes_of(
        "Prime Minister Elena Varga left for Brussels.",
        '"No decision has been taken," a spokesman for Varga said.',
    )
    assert find(quotes, "No decision has").speaker is None


def test_a_fighter_of_a_group_does_not_speak_for_it() -> None:
    quotes = quotes_of('"These raids will be answered," a Hamas fighter told Reuters by telephone.')
    assert find(quotes, "These raids will").speaker is None
