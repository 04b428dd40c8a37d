"""The draft store: where drafts live, round trip, discard, privacy."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, ItemOrigin
from briefing.config import Settings


def a_brief() -> Brief:
    b = Brief.new(Settings(), dt.date(2026, 11, 21))
    b.add("The truce held overnight.", ItemOrigin("digest", ("a1",)), "bottom_line")
    b.add("Watch the convoys.", ItemOrigin.free())
    return b


def test_default_location_is_the_user_data_dir() -> None:
    store = DraftStore()
    assert store.path.parent == Path(os.environ["XDG_DATA_HOME"]) / "briefing" / "drafts"
    assert store.path.name.startswith("session-") and store.path.suffix == ".json"  # one file per session


def test_save_load_discard(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    assert store.load() is None and store.problem is None and not store.exists()
    brief = a_brief()
    store.save(brief)
    assert store.exists()
    again = store.load()
    assert again is not None
    assert again.items == brief.items and again.revision == brief.revision and again.title == brief.title
    assert again.undo() is False  # undo history is per session
    store.discard()
    assert not store.exists() and store.load() is None
    store.discard()  # discarding nothing is fine


def test_draft_is_private_and_updated_in_place(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    brief = a_brief()
    store.save(brief)
    assert store.path.stat().st_mode & 0o777 == 0o600
    brief.edit(brief.items[1].id, "Watch the convoys closely.")
    store.save(brief)
    assert store.load().items[1].text == "Watch the convoys closely."
    assert sorted(p.name for p in tmp_path.iterdir()) == [store.path.name, store.path.with_suffix(".lock").name]


def test_directory_with_tilde_is_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = DraftStore("~/my-drafts")
    store.save(a_brief())
    assert store.path.parent == tmp_path / "my-drafts" and store.path.is_file()
