"""PLACEHOLDER by the lead (lead-N only); the nlp/summary helper replaces it.

Contract: summarize(article, settings) -> Summary.
"""

from __future__ import annotations

from briefing.config import SummarySettings
from briefing.models import Article, Summary, SummaryLength


def summarize(article: Article, settings: SummarySettings) -> Summary:
    n = settings.sentences or 3
    length = SummaryLength(sentences=n)
    return Summary(article.id, "lead", length, tuple(range(min(n, len(article.sentences)))))
