"""Number words read as a trie: the same readings as the alternation sorted longest first.

Every text here is invented for the test.
"""

from __future__ import annotations

from briefing.status.numbers import find_numbers


def test_number_words_that_begin_alike_read_whole() -> None:
    """"seven", "seventeen", "seventy" (and "four", "fourteen", "forty") share their first letters:
    each is read as the longest word written, alone or before a scale or a hyphenated unit."""
    text = "Seventeen died, seventy were hurt, seven fled, fourteen hundred left and seventy-four thousand stayed; sevens"
    assert [(n.value, n.text) for n in find_numbers(text)] == [
        (17, "Seventeen"), (70, "seventy"), (7, "seven"), (1400, "fourteen hundred"), (74000, "seventy-four thousand")
    ]
