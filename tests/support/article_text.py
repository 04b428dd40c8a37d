"""One way for status tests to turn invented text into an Article (one paragraph per line).

Sentences come from the app's own splitter, so offsets and indexes are what ingestion gives.
"""

from __future__ import annotations

import datetime as dt

from briefing.models import Article
from briefing.nlp.sentences import segment


def article_from_text(text: str, ident: str = "a", published: dt.date | None = None, title: str | None = None) -> Article:
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    return Article(
        id=ident, title=title if title is not None else ident, source=None, published=published,
        text="\n".join(paragraphs), paragraphs=paragraphs, sentences=segment(paragraphs), words=len(text.split()),
    )  # fmt: skip
