"""The local store: fetched articles and saved briefs, in one SQLite file in the user data folder.

    db        Store: open (WAL, schema version, migrations), transactions, integrity check
    articles  add_article / articles_since: articles kept once by address and by text
    briefs    record_brief / list_briefs / last_brief: every saved brief, whole (codec JSON)
    fetch     fetch_sources: `briefing fetch` (feeds followed to their pages, folders)
    since     choose_window / parse_since: what "today" means without paths (`--since`)
    changes   compare_briefs: what is new against the last brief of the same story
    series    figure_series / change_phrase: each figure series across saved briefs ("up from 137 on 20 Nov")
    daily     today_articles, remember_saved_brief, history_table: what cli and the app call

Names resolve on first use: importing this package opens nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.store.articles import add_article, articles_since
    from briefing.store.briefs import last_brief, list_briefs, record_brief
    from briefing.store.changes import compare_briefs, content_of_brief, content_of_saved
    from briefing.store.daily import history_table, remember_saved_brief, today_articles
    from briefing.store.db import Store, StoreError
    from briefing.store.fetch import fetch_sources
    from briefing.store.series import change_phrase, figure_series
    from briefing.store.since import choose_window, parse_since

__all__ = [
    "Store", "StoreError", "add_article", "articles_since", "change_phrase", "choose_window", "compare_briefs",
    "content_of_brief", "content_of_saved", "fetch_sources", "figure_series", "history_table",
    "last_brief", "list_briefs", "parse_since", "record_brief", "remember_saved_brief", "today_articles",
]  # fmt: skip
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Store": "db",
        "StoreError": "db",
        "add_article": "articles",
        "articles_since": "articles",
        "change_phrase": "series",
        "choose_window": "since",
        "compare_briefs": "changes",
        "content_of_brief": "changes",
        "content_of_saved": "changes",
        "fetch_sources": "fetch",
        "figure_series": "series",
        "history_table": "daily",
        "last_brief": "briefs",
        "list_briefs": "briefs",
        "parse_since": "since",
        "record_brief": "briefs",
        "remember_saved_brief": "daily",
        "today_articles": "daily",
    },
)
