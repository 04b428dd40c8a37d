"""PLACEHOLDER by the lead; the status helper replaces it.

Contract: build_status(articles, settings) -> ConflictStatus.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus


def build_status(articles: Sequence[Article], settings: ConflictSettings) -> ConflictStatus:
    return ConflictStatus()
