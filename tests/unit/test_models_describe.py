"""Lengths as the reader's info line says them: singular and plural."""

from briefing.models import SummaryLength


def test_length_is_said_in_plain_english() -> None:
    assert SummaryLength(sentences=1).describe() == "1 sentence"
    assert SummaryLength(sentences=3).describe() == "3 sentences"
    assert SummaryLength(words=1).describe() == "1 word"
    assert SummaryLength(words=120).describe() == "120 words"
    assert SummaryLength(ratio=0.25).describe() == "25% of the article"
