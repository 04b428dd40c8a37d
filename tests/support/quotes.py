"""Invented wire paragraphs turned into an Article, and the quotes found in it."""

from __future__ import annotations

import hashlib

from briefing.config import QuoteSettings
from briefing.models import Article, Quote
from briefing.nlp.sentences import segment
from briefing.quotes.extract import extract_quotes


def make_article(*paragraphs: str) -> Article:
    text = "\n".join(paragraphs)
    return Article(
        id=hashlib.sha1(text.encode()).hexdigest()[:12],
        title=paragraphs[0][:40],
        source=None,
        published=None,
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=segment(paragraphs),
        words=len(text.split()),
    )


def quotes_of(*paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes([make_article(*paragraphs)], QuoteSettings())


def find(quotes: tuple[Quote, ...], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert len(hits) == 1, f"expected one quote starting {start!r}, got {[q.text for q in quotes]}"
    return hits[0]
