"""Number words as news writes them (briefing.status.numbers)."""

from __future__ import annotations

import pytest

from briefing.status.numbers import MAX_DIGITS, find_numbers, parse_fraction, parse_number


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


# --- numbers longer than any count ------------------------------------------------------------------
# --- numbers ----------------------------------------------------------------------------------
def test_numbers_longer_than_any_count_are_not_numbers() -> None:
    assert parse_number("9" * 400) is None  # float() is inf: round() raised OverflowError
    assert parse_number("1" * 5000) is None
    assert parse_number(",".join(["999"] * 2000)) is None
    assert parse_number("9" * (MAX_DIGITS + 1)) is None
    assert parse_fraction("9" * 400 + " percent") is None


def test_ordinary_numbers_still_parse() -> None:
    assert parse_number("470,000") == 470_000
    assert parse_number("1.9 million") == 1_900_000
    assert parse_number("9" * MAX_DIGITS) == int("9" * MAX_DIGITS)
    assert parse_fraction("40 percent") == pytest.approx(0.4)
    text = f"The ministry said {'9' * 5000} people were killed and 1,200 wounded."
    assert [n.value for n in find_numbers(text)] == [1_200]
