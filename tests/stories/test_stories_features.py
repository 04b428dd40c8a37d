"""What an article is about: names by surname, rare words over everyday ones, the title counted twice."""

from __future__ import annotations

from briefing.nlp.vocab import zipf
from briefing.stories.features import COMMON_ZIPF, MAX_RARITY, NAME_WEIGHT, article_terms, rarity


def test_a_person_is_one_feature_however_the_name_is_written() -> None:
    terms = article_terms("Talks resume", "Foreign Minister Leonie Baptiste flew to Halvik. Baptiste met both sides.")
    assert terms.weights["n:baptiste"] > terms.weights["n:halvik"]  # used twice, once
    assert terms.surfaces["n:baptiste"] == "Leonie Baptiste"
    assert not any(f.startswith("n:leonie") for f in terms.weights)


def test_everyday_words_weigh_nothing_and_rare_ones_most() -> None:
    terms = article_terms("", "People said the shelling killed civilians in the besieged suburbs.")
    assert "w:said" not in terms.weights and "w:peopl" not in terms.weights
    assert terms.weights["w:shell"] > terms.weights["w:kill"] > 0


def test_rarity_is_capped() -> None:
    assert rarity("said") == 0.0
    assert rarity("ceasefire") == MAX_RARITY == rarity("xqzvarianth")


def test_the_title_counts_twice() -> None:
    with_title = article_terms("Dravik shelled", "Fighters attacked the suburbs.")
    without = article_terms("", "Fighters attacked the suburbs.")
    assert "n:dravik" in with_title.weights and "n:dravik" not in without.weights
    assert with_title.weights["n:dravik"] > NAME_WEIGHT * MAX_RARITY  # 1 + ln 2 uses


def test_sentence_openers_and_common_capitalised_words_do_not_count_as_names() -> None:
    terms = article_terms("", "The talks resumed. However, nothing moved.")
    assert not any(f.startswith("n:") for f in terms.weights)


def test_rarity_reads_the_same_zipf_scale_as_the_vocabulary() -> None:
    """The word list is looked up directly (fast); the reading must not differ from `vocab.zipf`,
    also for words wordfreq splits ("u.n", "al-qadiri") and unknown ones."""
    for word in ("said", "killed", "fishermen", "ceasefire", "blockade", "halvik", "u.n", "al-qadiri", "xqzv"):
        assert abs(rarity(word) - min(MAX_RARITY, max(0.0, COMMON_ZIPF - zipf(word)))) < 1e-9, word
