"""The daily loop as the command line and the app use it: today's articles, fetch, history, remembering.

Each function opens the store, does one thing and closes it, so `briefing fetch`
from cron and an open app never hold it between steps. Problems a user can fix
(a damaged store, a `--since` that is no date) come back as `StoreError` or
`SinceError` with a message naming the file or the value; recording a saved
brief never fails the save itself: its problem is returned as text to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.ingest.sanitize import sanitize_line
from briefing.models import Article
from briefing.store.articles import StoredArticle, articles_since, newest_fetch
from briefing.store.briefs import (
    SavedBrief,
    brief_article_ids,
    last_brief,
    last_saved_at,
    list_briefs,
    record_brief,
    story_of,
)
from briefing.store.changes import Baseline, BriefContent, Changes, compare_briefs, content_of_brief, content_of_saved
from briefing.store import db as clock
from briefing.store.db import Store, StoreError
from briefing.store.since import Window, choose_window

if TYPE_CHECKING:
    from briefing.brief.model import Brief
    from briefing.config import Settings
    from briefing.store.fetch import FetchTotal, SourceReport


@dataclass(frozen=True)
class Today:
    """The stored articles "today" means, and the window they were chosen by."""

    stored: tuple[StoredArticle, ...]
    window: Window

    @property
    def articles(self) -> list[Article]:
        return [s.article for s in self.stored]

    def describe(self) -> str:
        return f"{len(self.stored)} stored article(s) fetched {self.window.reason}"

    def empty_message(self) -> str:
        return (
            f"no stored articles fetched {self.window.reason}: run `briefing fetch`, "
            "or reach further back with --since (for example --since 2d)"
        )


def today_articles(settings: Settings, since: str | None = None, store_path: Path | None = None) -> Today:
    """The articles fetched since the last brief (or `--since`); see `briefing.store.since`.

    A brief saved today after the newest fetch is passed over (the app reopened to revise
    this morning's brief shows this morning's articles); one saved on an earlier day is
    not: a day with nothing fetched since the last brief has nothing new, and says so."""
    moment = clock.now()
    with Store.open(store_path) as store:
        newest, last = newest_fetch(store), last_saved_at(store)
        revising = last is not None and newest is not None and last > newest and _same_day(last, moment)
        if revising:  # today's brief, saved after the newest fetch: reopened to revise it, so its articles
            last = last_saved_at(store, before=newest)
        window = choose_window(since, moment, last, revising)
        stored = articles_since(store, window.start, settings.ingest, settings.summary.language)
    return Today(tuple(stored), window)


def _same_day(a: float, b: float) -> bool:
    return dt.datetime.fromtimestamp(a).date() == dt.datetime.fromtimestamp(b).date()


def remember_saved_brief(
    brief: Brief,
    file: str | Path | None,
    articles: Sequence[Article],
    story: str | None = None,
    store_path: Path | None = None,
) -> str | None:
    """Record a brief that was just saved; None when done, else why not (the save itself stands).

    The brief keeps the details of the articles it cites (so the record can list its
    sources after the articles are gone); its story is `story`, else the one label all
    its articles share in the store (briefs of one story are compared with each other).
    """
    brief.remember_sources(articles)
    ids = [a.id for a in articles]
    try:
        with Store.open(store_path) as store:
            label = story if story is not None else story_of(store, ids)
            record_brief(store, brief, Path(file).resolve() if file is not None else None, ids, label)
    except StoreError as exc:
        return f"the brief was saved but not recorded in the history: {exc}"
    except Exception as exc:  # noqa: BLE001 - sqlite3 errors (disk full, locked): the saved file stands
        return f"the brief was saved but not recorded in the history ({type(exc).__name__}: {exc})"
    return None


def changes_since_last_brief(
    brief: Brief, story: str | None, file: str | Path | None = None, store_path: Path | None = None
) -> Changes:
    """What `brief` says that the last saved brief of `story` did not (empty when there was none).

    Call it before the brief is recorded; `file` is where this brief is (or will be) saved, so
    saving it again compares with the brief before it, not with its own earlier save."""
    with Store.open(store_path) as store:
        previous = _previous_content(store, story, file)
    return compare_briefs(content_of_brief(brief), previous)


def last_brief_baseline(
    articles: Sequence[Article], file: str | Path | None = None, store_path: Path | None = None
) -> Baseline | None:
    """The last saved brief of the story these articles tell, for "Since the last brief"; None
    when there is none (or no store to read: a first run, or a store that cannot be opened).

    The story is the one `remember_saved_brief` will record for them, so the brief being
    written is compared with the last brief of its own story; `file` is where it will be
    saved (a brief saved again is compared with the one before it, not with itself)."""
    try:
        with Store.open(store_path) as store:
            story = story_of(store, [a.id for a in articles])
            previous = _previous_content(store, story, file)
    except StoreError:
        return None
    if previous is None or not same_story(story, previous, articles):
        return None
    return Baseline(previous)


def same_story(story: str | None, previous: BriefContent, articles: Sequence[Article]) -> bool:
    """Whether the last brief tells the story these articles do. With a `story` label, yes; without
    one (articles given as PATHS, sources with no label) only when it had loaded one of them: two
    folders about two wars are not yesterday and today of one story ("Killed: 1,900 -> 100,000")."""
    return story is not None or any(a.id in previous.loaded for a in articles)


def _previous_content(store: Store, story: str | None, file: str | Path | None) -> BriefContent | None:
    last = last_brief(store, story, other_than=file)
    if last is None:
        return None
    return content_of_saved(last.data, brief_article_ids(store, last.id))


def fetch_all(
    settings: Settings, on_report: Callable[[SourceReport], None] | None = None, store_path: Path | None = None
) -> FetchTotal:
    """`briefing fetch`: every configured source into the store."""
    from briefing.store.fetch import fetch_sources

    with Store.open(store_path) as store:
        return fetch_sources(store, settings, on_report=on_report)


def saved_briefs(limit: int | None = None, store_path: Path | None = None) -> list[SavedBrief]:
    with Store.open(store_path) as store:
        return list_briefs(store, limit)


def history_table(briefs: Sequence[SavedBrief]) -> str:
    """`briefing history`: one line per saved brief, newest first, in aligned columns."""
    header = ("date", "saved", "items", "articles", "story", "file")
    rows = [
        (
            b.date.isoformat(),
            b.saved.strftime("%Y-%m-%d %H:%M"),
            str(b.items),
            str(b.articles),
            sanitize_line(b.story or "-"),
            sanitize_line(b.file or "-"),
        )
        for b in briefs
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    lines = []
    for row in (header, *rows):
        cells = [cell.rjust(w) if i in (2, 3) else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"
