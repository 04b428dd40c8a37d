"""The codec's decoders, made once per type: nested, optional and self-referring dataclasses,
and the errors a file that does not fit must still raise."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from briefing.codec import from_json, to_json


@dataclass(frozen=True)
class _Step:
    name: str
    day: dt.date | None = None
    weight: float = 1.0
    tags: tuple[str, ...] = ()
    counts: dict[str, int] | None = None
    next: _Step | None = None  # a type that holds itself


def _round_trip(value: _Step) -> _Step:
    decoded: _Step = from_json(_Step, json.loads(json.dumps(to_json(value))))
    return decoded


def test_a_chain_of_a_self_referring_dataclass_round_trips() -> None:
    chain = _Step("c", dt.date(2031, 5, 2), 2.5, ("x", "y"), {"a": 1}, None)
    chain = _Step("b", None, 1.0, (), None, chain)
    chain = _Step("a", dt.date(2031, 5, 1), 3.0, ("z",), {}, chain)
    assert _round_trip(chain) == chain


def test_an_int_for_a_float_field_is_read_as_a_float() -> None:
    step = from_json(_Step, {"name": "a", "weight": 2})
    assert step.weight == 2.0 and isinstance(step.weight, float)


@pytest.mark.parametrize(
    "data",
    [
        ["not", "an", "object"],
        {"name": 5},
        {"name": "a", "day": "not a date"},
        {"name": "a", "tags": "not a list"},
        {"name": "a", "counts": {"a": "one"}},
        {"name": "a", "next": {"name": None}},
    ],
)
def test_a_value_that_does_not_fit_its_type_is_refused(data: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        from_json(_Step, data)


def test_a_fixed_length_tuple_checks_its_length() -> None:
    assert from_json(tuple[int, str], [1, "a"]) == (1, "a")
    with pytest.raises(TypeError, match="tuple length differs"):
        from_json(tuple[int, str], [1, "a", "b"])
