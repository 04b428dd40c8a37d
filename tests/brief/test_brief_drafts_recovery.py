"""Drafts survive crashes and corrupt files never stop the app (issue 8 class 7, draft half)."""

from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, ItemOrigin
from briefing.config import Settings


def a_brief() -> Brief:
    b = Brief.new(Settings(), dt.date(2026, 11, 21))
    b.add("The truce held overnight.", ItemOrigin("digest", ("a1",)), "bottom_line")
    b.add("Watch the convoys.", ItemOrigin.free())
    return b


CORRUPT = [
    b"",
    b"{",
    b'{"format": 1, "title": "x"',  # truncated by a dying disk
    b"\x00" * 64,
    b"\xff\xfe not utf-8 \x80",
    b"[]",
    b"null",
    b'{"format": 2}',
    b"[" * 100_000 + b"]" * 100_000,  # nesting beyond the JSON parser's recursion limit
]


@pytest.mark.parametrize("content", CORRUPT, ids=range(len(CORRUPT)))
def test_corrupt_draft_is_set_aside_and_load_returns_none(tmp_path: Path, content: bytes) -> None:
    store = DraftStore(tmp_path)
    store.path.write_bytes(content)
    assert store.load() is None
    assert not store.path.exists()
    assert store.set_aside is not None and store.set_aside.read_bytes() == content
    assert store.set_aside.name.startswith(f"{store.path.stem}.corrupt-") and store.set_aside.suffix == ".json"
    assert store.problem and str(store.path) in store.problem
    # The app carries on: a new draft can be saved and read back.
    store.save(a_brief())
    assert store.load().items == a_brief().items


def test_draft_with_wrong_field_types_is_set_aside(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    d = a_brief().to_dict()
    d["items"][0]["origin"]["article_ids"] = "a1"  # a string where a list belongs
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps(d))
    assert store.load() is None
    assert "article_ids" in store.problem


def test_two_corrupt_drafts_in_the_same_second_both_kept(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    for content in (b"{", b"}"):
        store.path.write_bytes(content)
        assert store.load() is None
    assert sorted(p.read_bytes() for p in tmp_path.glob(f"{store.path.stem}.corrupt-*.json")) == [b"{", b"}"]


def test_unreadable_draft_is_reported_not_raised(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path.mkdir(parents=True)  # a folder where the file should be
    assert store.load() is None
    assert store.problem and store.path.name in store.problem


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from briefing.brief.drafts import DraftStore
    from briefing.brief.model import Brief, ItemOrigin
    from briefing.config import Settings
    store = DraftStore(sys.argv[1])
    brief = Brief.new(Settings(), dt.date(2026, 11, 21))
    def saved():  # what the TUI does on every revision
        store.save(brief)
        print(brief.revision, flush=True)
    while True:
        item = brief.add("word " * 4000, ItemOrigin.free())
        saved()
        if len(brief.items) > 5:
            brief.remove(brief.items[0].id)
            saved()
        brief.edit(item.id, "edited " * 4000)
        saved()
    """
)


def test_after_sigkill_the_draft_is_at_most_one_edit_old(tmp_path: Path) -> None:
    """The process saves after every change; killed at random, the draft matches the last or next revision."""
    rng = random.Random(7)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # at least one save completed
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        printed = [int(x) for x in (first + proc.stdout.read()).split()]
        store = DraftStore(tmp_path)
        offers = store.offers()  # the killed session's draft, offered to the next one
        assert len(offers) == 1, store.problem
        draft = offers[0].brief
        store.drop(offers[0])
        # The last reported save, or the one in flight when the kill came (already renamed into place).
        assert draft.revision in (printed[-1], printed[-1] + 1)
        assert store.set_aside is None


def test_lone_surrogates_survive_draft_and_save(tmp_path: Path) -> None:
    from briefing.brief.render import render_markdown
    from briefing.brief.save import save_brief

    b = a_brief()
    b.add("bad \ud800 escape", ItemOrigin.free())
    store = DraftStore(tmp_path)
    store.save(b)
    assert store.load().items[-1].text == "bad \ud800 escape"
    out = save_brief(render_markdown(b, None), tmp_path / "brief.md")
    assert "bad \ufffd escape" in out.read_text(encoding="utf-8")
