"""Key quotes: every direct quotation of a set, with who said it, merged across reports and ranked.

    marks      find_quote_spans: where the quotations are (straight and curly marks,
               guillemets, quotations running over paragraphs)
    speakers   ArticleAttributor: who said each quotation of one article, by the shape
               of its speech cue; tidy_role keeps a role a noun phrase
    merge      the same quotation from several reports folded into one entry
    extract    extract_quotes(articles, settings): all of the above over a set, best first
    ranking    key_quotes(quotes, settings): the best few, one per speaker first

Names resolve on first use: importing this package reads no lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.quotes.extract import extract_quotes
    from briefing.quotes.ranking import key_quotes
    from briefing.quotes.marks import find_quote_spans
    from briefing.quotes.speakers import ArticleAttributor, tidy_role

__all__ = ["ArticleAttributor", "extract_quotes", "find_quote_spans", "key_quotes", "tidy_role"]
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ArticleAttributor": "speakers",
        "extract_quotes": "extract",
        "find_quote_spans": "marks",
        "key_quotes": "ranking",
        "tidy_role": "speakers",
    },
)
