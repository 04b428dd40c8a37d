"""Extractive summaries of one article, at the length and with the algorithm the settings ask for.

    extractive   summarize(article, settings) -> Summary; rank(...) the sentence order of
                 any algorithm (lead, LexRank, LSA, TextRank, Luhn, Edmundson, KL, SumBasic,
                 reduction); input_limit, the cap on what an algorithm is given
    lexrank      FastLexRankSummarizer: sumy's LexRank with vectorised similarity
    length       describe_length(settings): "3 sentences", "25% of the article"
    lsa          StableLsaSummarizer: sumy's LSA, independent of the string-hash seed

Names resolve on first use: importing this package loads neither sumy nor numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.summary.extractive import input_limit, rank, summarize
    from briefing.summary.length import describe_length

__all__ = ["describe_length", "input_limit", "rank", "summarize"]
__getattr__, __dir__ = lazy_exports(
    __name__,
    {"describe_length": "length", "input_limit": "extractive", "rank": "extractive", "summarize": "extractive"},
)
