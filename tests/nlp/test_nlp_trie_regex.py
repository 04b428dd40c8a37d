"""trie_regex: a long list of names as one trie-shaped regex, matching what the
longest-first alternation it replaces matches (status/literals.py)."""

from __future__ import annotations

import re

import pytest

from briefing.nlp.names.lexicon import trie_regex

NAMES = ["Niger", "Nigeria", "United States", "United Kingdom", "Uganda", "US", "U.S.", "Congo",
         "Democratic Republic of the Congo", "Republic of the Congo", "Sudan", "South Sudan"]
SENTENCES = [
    "Troops from Nigeria and Niger crossed into the United States' sphere, the U.S. said.",
    "The United Kingdom and the United Statesmen's club met; Uganda and South Sudan did not.",
    "Republic of the Congo forces and the Democratic Republic of the Congo army clashed.",
    "Nigerian officials and Sudanese envoys, not USA Today, spoke in Congolese towns.",
    "",
]


def _longest_first(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@pytest.mark.parametrize("tail", [r"", r"(?![\w-])", r"(?:'s)?\s+army\b", r"\b"])
def test_same_matches_as_the_longest_first_alternation(tail):
    old = re.compile(r"(?<![\w-])(?=[A-Z])" + _longest_first(NAMES) + tail)
    new = re.compile(r"(?<![\w-])(?=[A-Z])" + trie_regex(NAMES, any_space=False) + tail)
    for text in SENTENCES:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_longest_name_wins_and_a_shorter_one_is_tried_when_the_longer_cannot_end_there():
    whole = re.compile(trie_regex(NAMES, any_space=False) + r"(?![\w-])")
    assert [m.group() for m in whole.finditer("Nigeria, Niger and Nigerien")] == ["Nigeria", "Niger"]
    assert whole.search("South Sudanese") is None  # a demonym: no name ends there
    army = re.compile(trie_regex(["United States", "United"], any_space=False) + r"\s+army\b")
    assert army.search("the United army") is not None
    assert army.search("the United States army").group() == "United States army"
    assert army.search("the United Nations army") is None


def test_no_words_and_special_characters():
    assert re.fullmatch(trie_regex([], any_space=False), "") is not None  # as "(?:)" would
    dotted = re.compile(trie_regex(["U.S.", "U.N."], any_space=False))
    assert dotted.fullmatch("U.S.") and dotted.fullmatch("U.N.") and not dotted.fullmatch("UxSx")
