"""PLACEHOLDER by the lead; the digest helper replaces it.

Contract: build_digest(articles, settings) -> tuple[DigestSentence, ...].
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.config import DigestSettings
from briefing.models import Article, DigestSentence


def build_digest(articles: Sequence[Article], settings: DigestSettings) -> tuple[DigestSentence, ...]:
    return ()
