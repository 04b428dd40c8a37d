"""The real app in a pseudo-terminal: hostile escape sequences never reach the terminal,
and SIGTERM/SIGHUP save the draft and restore the terminal.

Textual itself writes plenty of escape sequences, so the assertions look for the
specific hostile payloads (window title, clipboard write, cursor-position query,
8-bit C1 introducers), not for ESC in general.
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

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

HOSTILE = (
    "Harmless headline \x1b]0;PWNED-TITLE\x07about talks\n"
    "Body one \x1b]52;c;UFdORUQtQ0xJUA==\x07 says the envoy \x1b[6n today.\n"
    "C1 test \x9d0;PWNED-C1\x9c and \x9b6n end, \x1bP+q544e\x1b\\ DCS gone.\n"
    "The envoy said \"talks will resume \x1b]8;;file:///etc/passwd\x1b\\here\x1b]8;;\x1b\\ soon\".\n"
)
FORBIDDEN = (
    b"\x1b]0;PWNED",  # OSC 0: window title
    b"\x1b]52;",  # OSC 52: clipboard write (Textual only writes it on copy, never done here)
    b"UFdORUQtQ0xJUA",  # the clipboard payload itself
    b"\x1b[6n",  # CSI 6n: cursor position query (answer would be typed into the app)
    "\x9d".encode(),  # 8-bit OSC
    "\x9b".encode(),  # 8-bit CSI
    b"\x1bP+q",  # DCS request
    b"file:///etc/passwd",  # OSC 8 hyperlink target
)
RUN = "import sys; from briefing.config import Settings; from briefing.tui.app import run_tui; sys.exit(run_tui(sys.argv[1:], Settings()))"


class App:
    """The app running under a pty of a given size; collects every byte it writes."""

    def __init__(self, tmp: Path, paths: list[str], size: tuple[int, int] = (100, 30)) -> None:
        self.tmp = tmp
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp / "home"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "TEXTUAL_ANIMATIONS": "none",
            "LANG": "C.UTF-8",
        }
        pid, fd = pty.fork()
        if pid == 0:  # child: become the app
            os.chdir(tmp)
            os.execve(sys.executable, [sys.executable, "-c", RUN, *paths], env)
        self.pid, self.fd = pid, fd
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.out = bytearray()
        self.status: int | None = None

    def read_until(self, needle: bytes, timeout: float = 20.0) -> None:
        start = len(self.out)
        deadline = time.monotonic() + timeout
        while needle not in self.out[start:]:
            if time.monotonic() > deadline:
                tail = bytes(self.out[-2000:])
                raise AssertionError(f"{needle!r} never appeared; last output: {tail!r}")
            if not self._read(0.2):
                break
        assert needle in self.out[start:]

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                return False
            if not data:
                return False
            self.out += data
        return True

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def settle(self, quiet: float = 0.5, limit: float = 10.0) -> None:
        """Read until the app has written nothing for `quiet` seconds."""
        deadline = time.monotonic() + limit
        size = -1
        while len(self.out) != size and time.monotonic() < deadline:
            size = len(self.out)
            end = time.monotonic() + quiet
            while time.monotonic() < end:
                if not self._read(0.05):
                    return

    def wait(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self._read(0.05):
                    pass
                os.close(self.fd)
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("the app did not exit")


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "home").mkdir()
    return folder


def _assert_clean(out: bytes) -> None:
    for needle in FORBIDDEN:
        assert needle not in out, f"{needle!r} reached the terminal"


def _check_signal_exit(app: App, tmp_path: Path, signum: int) -> bytes:
    os.kill(app.pid, signum)
    assert app.wait() == 128 + signum
    out = bytes(app.out)
    entered = out.rfind(b"\x1b[?1049h")
    assert entered != -1 and out.rfind(b"\x1b[?1049l") > entered, "the alternate screen was left"
    (draft,) = (tmp_path / "data" / "briefing" / "drafts").glob("session-*.json")  # the session's own draft
    saved = json.loads(draft.read_text(encoding="utf-8"))
    (item,) = saved["items"]
    assert item["origin"]["kind"] == "sentence" and item["text"].split()[0] in ("Harmless", "Body")
    assert "\x1b" not in item["text"] and "PWNED" not in item["text"]
    return out


def test_escapes_never_reach_the_terminal_and_sigterm_saves(tmp_path: Path, hostile_dir: Path) -> None:
    app = App(tmp_path, [str(hostile_dir)])
    app.read_until(b"Harmless")
    app.settle()
    # every view: the reader's three tabs, the status panel, the brief and its editor, help
    for keys in (b"\r", b"2", b"3", b"1"):
        app.send(keys)
        app.settle(quiet=0.15)
    app.send(b"a")
    app.read_until(b"1 item")
    for keys in (b"l", b"w", b"\x1b", b"b", b"e", b"\x1b", b"?"):
        app.send(keys)
        app.settle(quiet=0.15)
    out = _check_signal_exit(app, tmp_path, signal.SIGTERM)
    assert b"envoy" in out, "the article was shown"
    _assert_clean(out)


def test_sighup_saves_draft_and_restores_terminal(tmp_path: Path, hostile_dir: Path) -> None:
    app = App(tmp_path, [str(hostile_dir)])
    app.read_until(b"Harmless")
    app.settle()
    app.send(b"\r")
    app.send(b"a")
    app.read_until(b"1 item")
    _assert_clean(_check_signal_exit(app, tmp_path, signal.SIGHUP))


def test_after_sigkill_the_draft_holds_the_last_edit(tmp_path: Path, hostile_dir: Path) -> None:
    from briefing.brief.drafts import DraftStore

    app = App(tmp_path, [str(hostile_dir)])
    app.read_until(b"Harmless")
    app.settle()
    app.send(b"\ra")
    app.read_until(b"1 item")
    app.send(b"ja")
    app.read_until(b"2 item")
    os.kill(app.pid, signal.SIGKILL)
    assert app.wait() == -signal.SIGKILL
    (offer,) = DraftStore(tmp_path / "data" / "briefing" / "drafts").offers()
    assert offer.item_count == 2, "every change was on disk before the kill"
