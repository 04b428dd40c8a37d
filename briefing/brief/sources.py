"""What the brief remembers about each article it cites, so citations outlive the session.

A draft is often restored the next morning with a different folder of
articles loaded. The items still say which article ids they cite; without the
articles' titles and outlets the rendered brief would have to drop those
citations, turning sourced claims into unsourced ones. So the brief keeps a
small record per cited article (title, outlet, date, where it came from) and
the renderer falls back on it when the article itself is not loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.models import Article

@dataclass(frozen=True, slots=True)
class SourceInfo:
    """The part of an `Article` a Sources line needs; the text itself is not kept."""

    id: str
    title: str
    source: str | None = None  # the outlet
    published: dt.date | None = None
    path: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: Article) -> SourceInfo:
        return cls(article.id, article.title, article.source, article.published, article.path, article.url)
