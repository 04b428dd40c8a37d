"""Word frequencies tell everyday words from names; they never decide alone."""

from __future__ import annotations

from briefing.nlp.vocab import is_common_word, is_rare_word, zipf


def test_everyday_words_are_common_and_rare_names_are_rare() -> None:
    for word in ("killed", "Military", "village", "more"):
        assert is_common_word(word), word
    for name in ("Qaraqosh", "Meshaal", "Zhukovets"):
        assert is_rare_word(name) and not is_common_word(name), name


def test_frequency_is_case_folded_and_empty_is_unknown() -> None:
    assert zipf("Village") == zipf("village") > 4
    assert zipf("") == 0.0 and zipf("   ") == 0.0


def test_a_famous_name_is_not_rare_so_callers_need_more_evidence() -> None:
    assert not is_rare_word("Obama")
