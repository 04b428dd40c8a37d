"""Leaving out the alternatives a text cannot match is a speed change: the same matches as the
whole alternation, in the same order, with the same groups. Every text is invented for the test."""

from __future__ import annotations

import re

from briefing.status.places import LANDMARK_RE, STRONG_RE
from briefing.status.pruned import PrunedAlternation, group, words_in

TEXTS = [
    "Shelling hit the town of Kafr Nabl and the suburbs of Zamalka and Ein Tarma on Monday.",
    "Troops left Idlib province and crossed near the Bab al-Hawa crossing, officials said.",
    "Crowds filled Tahrir Square while a convoy reached Mount Sinjar and the Shati refugee camp.",
    "The Shayrat air base was struck; the Wall Street Journal reported it first.",
    "Residents of the capital, Kabul, said the checkpoint at Jebel Amel had been abandoned.",
    "No place is named here at all, only people talking about the weather.",
    "the region was quiet. Governors of Donetsk oblast and Kharkiv region met on Maple Avenue.",
]


def _spans(matches: object, names: tuple[str, ...]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), tuple(group(m, n) for n in names)) for m in matches]  # type: ignore[attr-defined]


def test_the_place_patterns_find_what_their_whole_alternations_find() -> None:
    for pruned, names in ((STRONG_RE, ("list", "b")), (LANDMARK_RE, ("mount", "name", "square"))):
        whole = re.compile(pruned.pattern)
        found_any = False
        for text in TEXTS:
            expected = _spans(whole.finditer(text), names)
            assert _spans(pruned.finditer(text), names) == expected, text
            found_any = found_any or bool(expected)
        assert found_any


def test_an_alternative_is_left_out_only_when_its_word_is_missing() -> None:
    alternation = PrunedAlternation((r"(?P<street>[A-Z]\w+ Street)", words_in(" Street")), (r"(?P<town>town of [A-Z]\w+)", None))
    text = "They met in the town of Aleppo, not on Baron Street."
    assert [m.group(0) for m in alternation.finditer(text)] == ["town of Aleppo", "Baron Street"]
    only_town = list(alternation.finditer("They met in the town of Aleppo."))
    assert [(group(m, "town"), group(m, "street")) for m in only_town] == [("town of Aleppo", None)]
    # the word alone is not enough to match, and nothing at all to match gives nothing
    assert list(alternation.finditer("Street protests spread.")) == []
    assert list(PrunedAlternation((r"Street", words_in("Street"))).finditer("no such word")) == []


def test_overlapping_alternatives_keep_their_order() -> None:
    # at one position the earlier alternative wins, as in the whole regex
    alternation = PrunedAlternation((r"New \w+", words_in("New ")), (r"New York City", words_in("City")))
    text = "New York City and New Delhi"
    assert [m.group(0) for m in alternation.finditer(text)] == [m.group(0) for m in re.finditer(alternation.pattern, text)]
