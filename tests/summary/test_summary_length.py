"""Lengths as the reader's info line says them: singular and plural."""

from briefing.config import SummarySettings
from briefing.summary.length import describe_length


def test_length_is_said_in_plain_english() -> None:
    assert describe_length(SummarySettings(sentences=1)) == "1 sentence"
    assert describe_length(SummarySettings(sentences=3)) == "3 sentences"
    assert describe_length(SummarySettings(sentences=None, words=1)) == "1 word"
    assert describe_length(SummarySettings(sentences=None, words=120)) == "120 words"
    assert describe_length(SummarySettings(sentences=None, ratio=0.25)) == "25% of the article"
