"""The local store: one SQLite file in the user data folder, its schema and migrations.

Why SQLite (the standard library's `sqlite3`): `briefing fetch` runs from cron
while the app may be open on the same articles, and a fetch can be killed at
any moment (a laptop lid, a timeout in cron). In WAL mode readers never block
the writer, and each write is one transaction: a killed fetch loses at most the
article it was writing, never one already stored, and never leaves the file
half-written (tests kill a fetch at random points and open the store each time).

The schema has a version (`PRAGMA user_version`); `MIGRATIONS[n]` takes a store
from version n to n + 1, all in one transaction with the version bump, so an
older file is brought up to date when it is opened and a newer one (written by
a later briefing) is refused by name rather than misread.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

STORE_FILE = "store.sqlite3"
BUSY_SECONDS = 15.0  # a second writer (fetch beside a save) waits this long for the first

#: Version n -> n + 1. Append only: a released step is never edited.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id           TEXT PRIMARY KEY,   -- hash of the normalised text (briefing.ingest.article.article_id)
        content_hash TEXT NOT NULL,      -- sha256 of the text exactly as stored
        url          TEXT,               -- the article's own address (after redirects), if any
        path         TEXT,               -- the file it was read from, if any
        title        TEXT NOT NULL,
        outlet       TEXT,
        published    TEXT,               -- ISO date, as the article or feed gives it
        text         TEXT NOT NULL,
        paragraphs   TEXT NOT NULL,      -- JSON list of the paragraphs `text` joins with newlines
        notices      TEXT NOT NULL,      -- JSON list ("truncated to 50,000 words")
        source       TEXT NOT NULL,      -- the configured source it came from (address or folder)
        source_name  TEXT,
        story        TEXT,               -- the source's story label
        via          TEXT NOT NULL,      -- page | feed-summary | file
        fetched_at   REAL NOT NULL       -- seconds since the epoch (UTC)
    );
    CREATE INDEX articles_fetched ON articles (fetched_at);
    CREATE TABLE urls (                  -- every address known to lead to a stored article
        url        TEXT PRIMARY KEY,     -- a feed entry's link and the page's address after redirects
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    );
    CREATE TABLE briefs (
        id        INTEGER PRIMARY KEY,
        saved_at  REAL NOT NULL,         -- seconds since the epoch (UTC)
        date      TEXT NOT NULL,         -- the brief's own date (ISO)
        file      TEXT,                  -- where it was saved
        title     TEXT NOT NULL,
        story     TEXT,                  -- the story label it describes, if any
        items     INTEGER NOT NULL,
        articles  INTEGER NOT NULL,      -- articles loaded when it was written
        brief     TEXT NOT NULL          -- the Brief as JSON (Brief.to_dict, briefing.codec)
    );
    CREATE INDEX briefs_saved ON briefs (saved_at);
    CREATE TABLE brief_articles (        -- the articles loaded when a brief was written
        brief_id   INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (brief_id, article_id)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The store cannot be used (damaged, newer, unwritable); the message names the file and what to do."""


def default_store_path() -> Path:
    """$XDG_DATA_HOME/briefing/store.sqlite3 (platformdirs' answer elsewhere), beside the drafts."""
    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / STORE_FILE


class Store:
    """An open store. Every write goes through `transaction()`; `close()` when done (or use `with`)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Store:
        """Open (creating when missing) and migrate the store; StoreError when it cannot be used."""
        target = Path(path) if path is not None else default_store_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            connection = sqlite3.connect(target, timeout=BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the article store {target}: {_why(exc)}") from None
        store = cls(connection, target)
        try:
            store._configure()
            store._migrate()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(
                f"the article store {target} cannot be read ({_why(exc)}); "
                "move it aside and briefing will start a new one"
            ) from None
        except StoreError:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        row = self.db.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT (ROLLBACK on any error): all of a write, or none of it."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def check(self) -> list[str]:
        """SQLite's own integrity check: [] when the file is sound, else what is wrong."""
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        problems = [str(r[0]) for r in rows if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in self.db.execute("PRAGMA foreign_key_check").fetchall()]
        return problems

    # -- internals -------------------------------------------------------------------------

    def _configure(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a commit survives a power cut, not only a kill
        self.db.execute("PRAGMA foreign_keys=ON")
        try:
            os.chmod(self.path, 0o600)  # what the user reads and writes stays theirs
        except OSError:
            pass

    def _migrate(self) -> None:
        if self.version == SCHEMA_VERSION:
            return
        with self.transaction():  # taken before reading the version: two first opens migrate once
            version = self.version
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the article store {self.path} was written by a newer briefing (schema {version}; "
                    f"this one knows {SCHEMA_VERSION}): upgrade briefing, or move the file aside"
                )
            for step in MIGRATIONS[version:]:
                for statement in _statements(step):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """A migration's statements, one by one: executescript() would COMMIT the open transaction."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines():
        pending += line.split("--", 1)[0] + "\n"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete statement in a migration: {pending.strip()[:80]}")
    return statements


def now() -> float:
    """The clock the store writes and "today" is measured by (seconds since the epoch).

    Modules call it as `db.now()`, so a test can move the whole store to another day."""
    return time.time()


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
