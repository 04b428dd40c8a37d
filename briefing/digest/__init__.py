"""The digest: the key developments across a set of articles, each with the articles that support it.

    build      build_digest(articles, settings) -> the ranked, de-duplicated digest sentences
    features   what the ranking reads of a sentence: terms (stemmed content words),
               is_candidate (a sentence fit to stand alone), needs_context, word_count

Names resolve on first use: importing this package loads neither sumy nor NLTK.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.digest.build import build_digest
    from briefing.digest.features import is_candidate, needs_context, terms, word_count

__all__ = ["build_digest", "is_candidate", "needs_context", "terms", "word_count"]
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "build_digest": "build",
        "is_candidate": "features",
        "needs_context": "features",
        "terms": "features",
        "word_count": "features",
    },
)
