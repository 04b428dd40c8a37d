"""The store file: created in the user data folder, WAL, a schema version, migrations, clear refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing.store.db import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, default_store_path


def test_the_store_lives_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "briefing" / "store.sqlite3"
    with Store.open() as store:
        assert store.path == default_store_path() and store.path.is_file()
    assert oct(store.path.stat().st_mode & 0o777) == oct(0o600)


def test_a_new_store_is_in_wal_mode_at_the_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.check() == []
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"articles", "urls", "briefs", "brief_articles"} <= tables


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path), Store.open(path) as second:
        assert second.version == SCHEMA_VERSION


def test_an_old_store_is_brought_up_to_date(tmp_path: Path) -> None:
    """Version 0 is a file with no schema (a store created by an interrupted first open)."""
    path = tmp_path / "s.sqlite3"
    sqlite3.connect(path).close()
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION and store.check() == []


def test_a_failed_migration_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.store.db as db

    path = tmp_path / "s.sqlite3"
    with Store.open(path):
        pass
    monkeypatch.setattr(db, "MIGRATIONS", (*MIGRATIONS, "CREATE TABLE extra (x TEXT);\nCREATE TABLE broken (;"))
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="cannot be read"):
        Store.open(path)
    monkeypatch.undo()
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.db.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_a_store_from_a_newer_briefing_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value) and "newer briefing" in str(caught.value)


def test_a_file_that_is_no_database_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"these are not the bytes of a database " * 200)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value) and "move it aside" in str(caught.value)


def test_a_store_that_cannot_be_created_says_where(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open the article store"):
        Store.open(blocker / "s.sqlite3")


def test_a_transaction_is_all_or_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        with pytest.raises(RuntimeError), store.transaction() as db:
            db.execute(
                "INSERT INTO briefs (saved_at, date, title, items, articles, brief) VALUES (1, '2024-05-01', 't', 0, 0, '{}')"
            )
            raise RuntimeError("interrupted")
        assert store.db.execute("SELECT count(*) FROM briefs").fetchone()[0] == 0
