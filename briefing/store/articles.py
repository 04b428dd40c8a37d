"""Fetched articles in the store: added once (by address and by text), read back as `Article`s.

An article is stored as ingestion finished it (sanitised text, paragraphs,
title, outlet, date, address) with where it came from and when. Sentences are
not stored: they are split again when the article is read back, with the
language and caps of that day's settings, so a store outlives any change to the
sentence splitter and the article ids (hashes of the text) stay the same.

Duplicates are recognised two ways: an address already known (a feed entry's
link, or the page's address after redirects) is not fetched again, and a text
already stored (the same report from two feeds, a folder copy of a fetched
page) is not stored twice; its new address is remembered for the stored one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.config import IngestSettings
from briefing.ingest.article import article_id, cap_sentences, count_words
from briefing.ingest.sanitize import sanitize_line
from briefing.models import Article
from briefing.nlp.sentences import segment
from briefing.store import db as clock
from briefing.store.db import Store

VIA = ("page", "feed-summary", "file")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a stored article came from: the configured source, and how it was read."""

    source: str  # the source's address or folder
    name: str | None = None
    story: str | None = None
    via: str = "page"  # page | feed-summary | file


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article read back from the store, with its provenance and fetch time."""

    article: Article
    provenance: Provenance
    fetched_at: float


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def known_url(store: Store, url: str) -> bool:
    """Whether this address already led to a stored article (so it need not be fetched again)."""
    row = store.db.execute("SELECT 1 FROM urls WHERE url = ?", (url,)).fetchone()
    return row is not None


def known_text(store: Store, article_id: str) -> bool:
    row = store.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def add_article(
    store: Store, article: Article, provenance: Provenance, urls: Iterable[str] = (), fetched_at: float | None = None
) -> bool:
    """Store `article` (one transaction); False when its text was already stored.

    Every address in `urls` (and the article's own) is remembered as leading to the
    stored text either way, so the next fetch skips them without a download.
    """
    if provenance.via not in VIA:
        raise ValueError(f"unknown provenance {provenance.via!r}")
    addresses = sorted({u for u in (*urls, article.url) if u})
    with store.transaction() as db:
        new = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() is None
        if new:
            db.execute(_INSERT, _row(article, provenance, clock.now() if fetched_at is None else fetched_at))
        db.executemany(
            "INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)", [(u, article.id) for u in addresses]
        )
    return new


def replace_summary(store: Store, url: str, article: Article, provenance: Provenance) -> bool:
    """The whole page for an article stored earlier from its feed's summary (the page could not be
    had then); one transaction. False when `url` does not lead to a summary, or the page's text
    is already stored under another address."""
    with store.transaction() as db:
        row = db.execute(
            "SELECT a.id, a.fetched_at FROM urls u JOIN articles a ON a.id = u.article_id "
            "WHERE u.url = ? AND a.via = 'feed-summary'",
            (url,),
        ).fetchone()
        if row is None or db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return False
        old_id, fetched_at = str(row[0]), float(row[1])
        # the time it was first fetched: it still belongs to the same day's brief
        db.execute(_INSERT, _row(article, provenance, fetched_at))
        db.execute("UPDATE urls SET article_id = ? WHERE article_id = ?", (article.id, old_id))
        db.execute("DELETE FROM articles WHERE id = ?", (old_id,))
        addresses = {u for u in (url, article.url) if u}
        db.executemany("INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)", [(u, article.id) for u in addresses])
    return True


def summary_urls(store: Store, urls: Sequence[str]) -> set[str]:
    """Those of `urls` whose stored article is only the feed's summary (worth another try)."""
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = list(urls[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            f"SELECT u.url FROM urls u JOIN articles a ON a.id = u.article_id "
            f"WHERE a.via = 'feed-summary' AND u.url IN ({marks})",
            chunk,
        )
        found.update(str(r[0]) for r in rows)
    return found


def articles_since(
    store: Store, since: float, settings: IngestSettings, language: str = "english", until: float | None = None
) -> list[StoredArticle]:
    """The articles fetched at or after `since` (and before `until`), in the order they were stored."""
    query = f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE fetched_at >= ?"
    params: list[float] = [since]
    if until is not None:
        query += " AND fetched_at < ?"
        params.append(until)
    rows = store.db.execute(query + " ORDER BY fetched_at, rowid", params).fetchall()
    return [_stored(row, settings, language) for row in rows]


def article_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])


# --------------------------------------------------------------------------- rows


_COLUMNS = (
    "id", "content_hash", "url", "path", "title", "outlet", "published", "text", "paragraphs", "notices",
    "source", "source_name", "story", "via", "fetched_at",
)  # fmt: skip

_INSERT = f"INSERT INTO articles ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


def _row(article: Article, provenance: Provenance, fetched_at: float) -> tuple[object, ...]:
    return (
        article.id,
        content_hash(article.text),
        article.url,
        article.path,
        article.title,
        article.source,
        article.published.isoformat() if article.published else None,
        article.text,
        json.dumps(list(article.paragraphs), ensure_ascii=False),
        json.dumps(list(article.notices), ensure_ascii=False),
        provenance.source,
        provenance.name,
        provenance.story,
        provenance.via,
        fetched_at,
    )


def _stored(row: sqlite3.Row | tuple[object, ...], settings: IngestSettings, language: str) -> StoredArticle:
    values = dict(zip(_COLUMNS, row))
    # Stored clean, but the file is the user's to edit: sanitised again (a no-op on what ingestion
    # wrote), so nothing read back can carry a terminal escape into a report.
    paragraphs = tuple(p for p in (sanitize_line(str(p)) for p in json.loads(str(values["paragraphs"]))) if p)
    text = "\n".join(paragraphs)
    sentences = cap_sentences(segment(list(paragraphs), language), text, settings.max_sentence_chars)
    published = values["published"]
    article = Article(
        id=str(values["id"]) if text == values["text"] else article_id(text),
        title=sanitize_line(str(values["title"])),
        source=_clean(values["outlet"]),
        published=dt.date.fromisoformat(str(published)) if published else None,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        words=count_words(text),
        path=_clean(values["path"]),
        url=_clean(values["url"]),
        notices=tuple(sanitize_line(str(n)) for n in json.loads(str(values["notices"]))),
    )
    provenance = Provenance(str(values["source"]), _text(values["source_name"]), _text(values["story"]), str(values["via"]))
    return StoredArticle(article, provenance, float(str(values["fetched_at"])))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _clean(value: object) -> str | None:
    return None if value is None else sanitize_line(str(value)) or None


def newest_fetch(store: Store) -> float | None:
    """When the most recently stored article was fetched, or None for an empty store."""
    row = store.db.execute("SELECT max(fetched_at) FROM articles").fetchone()
    return None if row is None or row[0] is None else float(row[0])
