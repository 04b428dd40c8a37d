"""Saved briefs in the store: what each one said, so the next one can say what changed.

Every saved brief (the app's ctrl+s, `briefing build`) is recorded whole, as the
JSON of `Brief.to_dict` (items through `briefing.codec`): its items with their
origins (the digest sentence, the quote with its speaker, the figure with its
kind, value, who counted it and any detail later versions add), the sections,
and the details of every cited source. Nothing is picked apart into columns
that a new field of `Figure` or `Quote` would then miss; the few columns are
for listing (`briefing history`) and finding the last brief of a story.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.store import db as clock
from briefing.store.db import Store

if TYPE_CHECKING:
    from briefing.brief.model import Brief


@dataclass(frozen=True, slots=True)
class SavedBrief:
    """One recorded brief: the listing columns and the brief's JSON (`data`, Brief.to_dict's form)."""

    id: int
    saved_at: float
    date: dt.date
    file: str | None
    title: str
    story: str | None
    items: int
    articles: int
    data: dict[str, Any]

    def brief(self) -> Brief:
        """The Brief itself (BriefError when it was written by a format this version cannot read)."""
        from briefing.brief.model import Brief

        return Brief.from_dict(self.data)

    @property
    def saved(self) -> dt.datetime:
        """When it was saved, in local time."""
        return dt.datetime.fromtimestamp(self.saved_at).astimezone()


def record_brief(
    store: Store,
    brief: Brief,
    file: str | Path | None,
    article_ids: Iterable[str],
    story: str | None = None,
    saved_at: float | None = None,
) -> int:
    """Record a saved brief and the articles loaded when it was written (one transaction); its id."""
    ids = sorted(set(article_ids))
    data = json.dumps(brief.to_dict(), ensure_ascii=False, separators=(",", ":"))
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO briefs (saved_at, date, file, title, story, items, articles, brief) VALUES (?,?,?,?,?,?,?,?)",
            (
                clock.now() if saved_at is None else saved_at,
                brief.date.isoformat(),
                None if file is None else str(file),
                brief.title,
                story,
                len(brief.items),
                len(ids),
                data,
            ),
        )
        brief_id = int(cursor.lastrowid or 0)
        db.executemany("INSERT INTO brief_articles (brief_id, article_id) VALUES (?, ?)", [(brief_id, a) for a in ids])
    return brief_id


def list_briefs(store: Store, limit: int | None = None) -> list[SavedBrief]:
    """The recorded briefs, newest first."""
    query = f"SELECT {_COLUMNS} FROM briefs ORDER BY saved_at DESC, id DESC"
    rows = store.db.execute(query + (" LIMIT ?" if limit is not None else ""), (limit,) if limit is not None else ())
    return [_saved(row) for row in rows]


def last_brief(
    store: Store, story: str | None = None, before: float | None = None, other_than: str | Path | None = None
) -> SavedBrief | None:
    """The newest brief of `story` (None: briefs without a story label), saved before `before`,
    and not written to the file `other_than` (saving a brief again is the same brief, revised)."""
    query = f"SELECT {_COLUMNS} FROM briefs WHERE story IS ?"
    params: list[object] = [story]
    if before is not None:
        query += " AND saved_at < ?"
        params.append(before)
    if other_than is not None:
        query += " AND file IS NOT ?"
        params.append(str(Path(other_than).resolve()))
    row = store.db.execute(query + " ORDER BY saved_at DESC, id DESC LIMIT 1", params).fetchone()
    return None if row is None else _saved(row)


def brief_article_ids(store: Store, brief_id: int) -> frozenset[str]:
    """The ids of the articles that were loaded when the brief `brief_id` was written."""
    rows = store.db.execute("SELECT article_id FROM brief_articles WHERE brief_id = ?", (brief_id,))
    return frozenset(str(a) for (a,) in rows)


def last_saved_at(store: Store, before: float | None = None) -> float | None:
    """When the newest brief of any story was saved (before `before`), or None."""
    if before is None:
        row = store.db.execute("SELECT max(saved_at) FROM briefs").fetchone()
    else:
        row = store.db.execute("SELECT max(saved_at) FROM briefs WHERE saved_at < ?", (before,)).fetchone()
    return None if row is None or row[0] is None else float(row[0])


def story_of(store: Store, article_ids: Sequence[str]) -> str | None:
    """The story label a set of articles shares: every one of them stored, all with one label."""
    if not article_ids:
        return None
    labels: set[str | None] = set()
    stored = 0
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for (label,) in store.db.execute(f"SELECT story FROM articles WHERE id IN ({marks})", chunk):
            labels.add(None if label is None else str(label))
            stored += 1
    if stored != len(set(article_ids)) or len(labels) != 1:
        return None
    return next(iter(labels))


_COLUMNS = "id, saved_at, date, file, title, story, items, articles, brief"


def _saved(row: Sequence[Any]) -> SavedBrief:
    brief_id, saved_at, date, file, title, story, items, articles, data = row
    return SavedBrief(
        int(brief_id),
        float(saved_at),
        dt.date.fromisoformat(str(date)),
        None if file is None else str(file),
        str(title),
        None if story is None else str(story),
        int(items),
        int(articles),
        json.loads(str(data)),
    )
