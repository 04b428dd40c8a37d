"""PLACEHOLDER by the lead (serial, no cache); the digest/pipeline helper replaces it.

Contract: analyze(articles, settings, progress=None, warnings=()) -> Analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.analysis.digest import build_digest
from briefing.analysis.quotes import extract_quotes
from briefing.analysis.status import build_status
from briefing.analysis.summarize import summarize
from briefing.config import Settings
from briefing.models import Analysis, Article, LoadWarning


def analyze(
    articles: Sequence[Article],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    warnings: Sequence[LoadWarning] = (),
) -> Analysis:
    summaries = {a.id: summarize(a, settings.summary) for a in articles}
    return Analysis(
        articles=tuple(articles),
        summaries=summaries,
        digest=build_digest(articles, settings.digest),
        quotes=extract_quotes(articles, settings.quotes),
        status=build_status(articles, settings.conflict),
        warnings=tuple(warnings),
    )
