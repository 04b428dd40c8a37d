"""PLACEHOLDER by the lead; the quotes helper replaces it.

Contract: extract_quotes(articles, settings) -> tuple[Quote, ...] (every quotation,
ranked, scare quotes excluded); key_quotes(quotes, settings) -> the top `max`.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.config import QuoteSettings
from briefing.models import Article, Quote


def extract_quotes(articles: Sequence[Article], settings: QuoteSettings) -> tuple[Quote, ...]:
    return ()


def key_quotes(quotes: Sequence[Quote], settings: QuoteSettings) -> tuple[Quote, ...]:
    return tuple(q for q in quotes if len(q.text.split()) >= settings.min_words)[: settings.max]
