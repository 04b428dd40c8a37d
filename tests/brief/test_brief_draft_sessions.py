"""One draft per session; every unsaved draft offered back; a save removes only its own (issue 18, point 4).

The stores here are used as the app uses them: `save` after every change,
`discard` after a save, `offers` at start-up, then `adopt` (restore), `drop`
(discard) or `release` (ask again next time). Two stores in one process behave
like two processes: the lock is per open file, not per process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
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


def a_brief(items: int, title: str = "Situation brief") -> Brief:
    b = Brief.new(Settings(), dt.date(2026, 11, 21))
    b.title = title
    for k in range(items):
        b.add(f"Note number {k + 1} about the crossing.", ItemOrigin.free())
    return b


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_two_sessions_keep_two_drafts_and_a_save_removes_only_its_own(tmp_path: Path) -> None:
    first, second = DraftStore(tmp_path), DraftStore(tmp_path)
    first.save(a_brief(11))
    second.save(a_brief(2))
    assert first.path != second.path
    assert first.load().items != second.load().items
    first.discard()  # the first session saved its brief
    assert not first.exists()
    assert second.exists() and len(second.load().items) == 2


def test_drafts_of_running_sessions_are_not_offered(tmp_path: Path) -> None:
    running = DraftStore(tmp_path)
    running.save(a_brief(3))
    assert DraftStore(tmp_path).offers() == []
    running.close()  # the session ended without saving
    (offer,) = DraftStore(tmp_path).offers()
    assert offer.path == running.path and offer.item_count == 3


def test_every_unsaved_draft_is_offered_newest_first_with_time_and_count(tmp_path: Path) -> None:
    ended = []
    for items, age in ((4, 3600), (1, 60), (2, 600)):
        store = DraftStore(tmp_path)
        store.save(a_brief(items))
        _age(store.path, age)
        store.close()
        ended.append(store.path)
    offers = DraftStore(tmp_path).offers()
    assert [o.item_count for o in offers] == [1, 2, 4]
    assert [o.path for o in offers] == [ended[1], ended[2], ended[0]]
    now = dt.datetime.now().astimezone()
    assert [round((now - o.saved_at).total_seconds() / 60) for o in offers] == [1, 10, 60]


def test_a_draft_offered_to_one_new_session_is_not_offered_to_another(tmp_path: Path) -> None:
    old = DraftStore(tmp_path)
    old.save(a_brief(2))
    old.close()
    one, other = DraftStore(tmp_path), DraftStore(tmp_path)
    (offer,) = one.offers()
    assert other.offers() == []  # the question is open in `one`
    one.release(offer)  # `one` quit without answering: ask again next time
    assert [o.path for o in other.offers()] == [offer.path]


def test_restoring_makes_the_draft_this_sessions_own(tmp_path: Path) -> None:
    old = DraftStore(tmp_path)
    old.save(a_brief(2))
    old.close()
    new = DraftStore(tmp_path)
    (offer,) = new.offers()
    brief = new.adopt(offer)
    assert len(brief.items) == 2
    assert not offer.path.exists() and new.exists() and len(new.load().items) == 2
    assert DraftStore(tmp_path).offers() == []  # it belongs to a running session now
    new.discard()  # and a save removes it like any draft of this session
    new.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_declining_deletes_only_that_draft(tmp_path: Path) -> None:
    paths = []
    for items in (1, 2):
        store = DraftStore(tmp_path)
        store.save(a_brief(items))
        store.close()
        paths.append(store.path)
    new = DraftStore(tmp_path)
    offers = new.offers()
    new.drop(offers[0])
    assert not offers[0].path.exists() and offers[1].path.exists()
    assert not offers[0].path.with_suffix(".lock").exists()


def test_the_draft_of_earlier_versions_is_offered_too(tmp_path: Path) -> None:
    (tmp_path / "current.json").write_text(json.dumps(a_brief(5).to_dict()))
    new = DraftStore(tmp_path)
    (offer,) = new.offers()
    assert offer.path.name == "current.json" and offer.item_count == 5
    new.adopt(offer)
    assert not (tmp_path / "current.json").exists() and len(new.load().items) == 5


def test_empty_drafts_and_lock_files_of_ended_sessions_are_cleared(tmp_path: Path) -> None:
    empty = DraftStore(tmp_path)
    empty.save(a_brief(0))
    empty.close()
    killed_early = tmp_path / "session-20260101T000000-1-abcdef.lock"  # killed before its first change
    killed_early.write_text("")
    assert DraftStore(tmp_path).offers() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_corrupt_draft_of_an_ended_session_is_set_aside_and_the_others_offered(tmp_path: Path) -> None:
    good = DraftStore(tmp_path)
    good.save(a_brief(2))
    good.close()
    (tmp_path / "session-20260101T000000-7-000000.json").write_bytes(b'{"format": 1, "tit')
    new = DraftStore(tmp_path)
    assert [o.item_count for o in new.offers()] == [2]
    assert new.set_aside is not None and new.set_aside.name.startswith("session-20260101T000000-7-000000.corrupt-")
    assert new.problem and "not valid JSON" in new.problem


SESSION = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from briefing.brief.drafts import DraftStore
    from briefing.brief.model import Brief, ItemOrigin
    from briefing.config import Settings
    store = DraftStore(sys.argv[1])
    brief = Brief.new(Settings(), dt.date(2026, 11, 21))
    for k in range(int(sys.argv[2])):  # what the TUI does on every change
        brief.add(f"Item {k} of session {sys.argv[2]}.", ItemOrigin.free())
        store.save(brief)
    print(store.path, flush=True)
    time.sleep(60)
    """
)


def test_two_sessions_killed_with_sigkill_both_drafts_come_back(tmp_path: Path) -> None:
    sessions = []
    for items in (11, 3):
        proc = subprocess.Popen([sys.executable, "-c", SESSION, str(tmp_path), str(items)], stdout=subprocess.PIPE,
                                text=True)
        assert proc.stdout is not None
        sessions.append((proc, Path(proc.stdout.readline().strip())))
        time.sleep(0.05)  # the 3-item session writes last
    assert DraftStore(tmp_path).offers() == [], "drafts of running sessions are theirs"
    for proc, _ in sessions:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    offers = DraftStore(tmp_path).offers()
    assert [(o.path, o.item_count) for o in offers] == [(sessions[1][1], 3), (sessions[0][1], 11)]


@pytest.mark.parametrize("close", [True, False], ids=["closed", "dropped"])
def test_a_store_that_goes_away_releases_its_draft(tmp_path: Path, close: bool) -> None:
    store = DraftStore(tmp_path)
    store.save(a_brief(1))
    if close:
        store.close()
    else:
        del store  # the app object of a test, or of a session, is gone
    assert len(DraftStore(tmp_path).offers()) == 1
