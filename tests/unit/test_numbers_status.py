"""Number words as news writes them (briefing.status.numbers)."""

from __future__ import annotations

import pytest

from briefing.status.numbers import find_numbers, parse_fraction, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a quarter of a million", 250_000),
        ("half a million", 500_000),
        ("three-quarters of a million", 750_000),
        ("1.9 million", 1_900_000),
        ("11 million", 11_000_000),
        ("470,000", 470_000),
        ("2.5bn", 2_500_000_000),
        ("eleven", 11),
        ("twenty-five thousand", 25_000),
        ("two million", 2_000_000),
        ("thousands", 1_000),
        ("tens of thousands", 10_000),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_not_numbers() -> None:
    assert parse_number("several") is None
    assert find_numbers("one of the leaders said a deal was near") == []


def test_find_numbers_in_a_sentence() -> None:
    found = find_numbers("the lives of over 470,000 people, injured 1.9 million others")
    assert [(n.text, n.value) for n in found] == [("470,000", 470_000), ("1.9 million", 1_900_000)]
    vague = find_numbers("thousands of civilians")[0]
    assert vague.vague and vague.value == 1_000


@pytest.mark.parametrize(
    ("text", "share"), [("half", 0.5), ("two-thirds", 2 / 3), ("a quarter", 0.25), ("40 percent", 0.4)]
)
def test_parse_fraction(text: str, share: float) -> None:
    assert parse_fraction(text) == pytest.approx(share)
