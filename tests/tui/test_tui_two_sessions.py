"""Two real app instances on one data folder (issue 18, point 4): a save in one leaves the other's
draft, and after both are killed with SIGKILL both drafts are offered back.

Each app runs in its own pseudo-terminal with private XDG folders except the shared data folder.
Before the fix both wrote one `drafts/current.json`: B's save deleted A's work, and after the
kill only the last writer's brief was left.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from briefing.brief.drafts import DraftStore

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty"), pytest.mark.slow]

RUN = "import sys; from briefing.config import Settings; from briefing.tui.app import run_tui; sys.exit(run_tui(sys.argv[1:], Settings()))"
ARTICLE = (
    "Ferry service resumes on the northern route\n\n"
    "The ferry between the two ports ran again on Monday after a week of storms, the operator said. "
    "Officials expect the full timetable to return by Friday. "
    "Freight crossings were given priority on the first day.\n"
)


COLUMNS, ROWS = 100, 30


class Session:
    """The app in a pty, read through a terminal emulator so tests wait for what the screen shows.

    The screen, not the byte stream: Textual redraws only what changed, so "3 items" after
    "2 items" may reach the terminal as the digit alone.
    """

    def __init__(self, tmp: Path, name: str, paths: list[str]) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp / name / "home"),
            "XDG_CONFIG_HOME": str(tmp / name / "config"),
            "XDG_CACHE_HOME": str(tmp / name / "cache"),
            "XDG_STATE_HOME": str(tmp / name / "state"),
            "XDG_DATA_HOME": str(tmp / "data"),  # shared: the drafts folder of both sessions
            "TERM": "xterm-256color",
            "TEXTUAL_ANIMATIONS": "none",
            "LANG": "C.UTF-8",
        }
        (tmp / name / "home").mkdir(parents=True)
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp)
            os.execve(sys.executable, [sys.executable, "-c", RUN, *paths], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    @property
    def shown(self) -> str:
        return "\n".join(self.screen.display)

    def expect(self, needle: bytes, timeout: float = 40.0) -> None:
        text = needle.decode()
        deadline = time.monotonic() + timeout
        while text not in self.shown:
            assert time.monotonic() < deadline, f"{text!r} never appeared; the screen:\n{self.shown}"
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    self.stream.feed(os.read(self.fd, 65536))
                except OSError:
                    raise AssertionError(f"the app ended while waiting for {text!r}") from None

    def keys(self, keys: bytes, then: bytes) -> None:
        os.write(self.fd, keys)
        self.expect(then)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def _draft_items(drafts: Path) -> list[int]:
    """Item counts of the draft files on disk, read as JSON (whatever names they have)."""
    return sorted(len(json.loads(p.read_text())["items"]) for p in drafts.glob("*.json"))


def test_two_sessions_keep_their_own_drafts_through_a_save_and_sigkill(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    drafts = tmp_path / "data" / "briefing" / "drafts"
    a = Session(tmp_path, "a", [str(articles)])
    b = Session(tmp_path, "b", [str(articles)])
    try:
        for app in (a, b):
            app.expect(b"Ferry service")
        a.keys(b"\ra", b"1 item")
        b.keys(b"\ra", b"1 item")
        b.keys(b"ja", b"2 item")
        assert _draft_items(drafts) == [1, 2]
        b.keys(b"\x13", b"Save the brief")  # ctrl+s, then accept the proposed file name
        b.keys(b"\r", b"Brief saved to")
        assert _draft_items(drafts) == [1], "B's save removed only B's draft"
        b.keys(b"ja", b"3 item")  # B changes its brief again: a new unsaved draft
        assert _draft_items(drafts) == [1, 3]
    finally:
        a.kill()
        b.kill()
    offers = DraftStore(drafts).offers()
    assert [o.item_count for o in offers] == [3, 1], "both drafts come back, newest first"
    assert [str(b.pid) in o.path.name for o in offers] == [True, False]
