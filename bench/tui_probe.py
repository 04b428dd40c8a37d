"""What a user sees when the TUI starts: timed in a real pseudo-terminal.

Each trial launches `python -m briefing [PATH]` in a fresh process on a
160x48 pseudo-terminal, with its own empty config, data and cache folders, and
feeds everything the app writes to `pyte`, a terminal emulator, so the probe
reads the same character grid a person would. Times are from just before the
process is launched (so Python's start-up and every import count) to the first
screen that shows:

* first_frame: anything at all;
* first_screen: the article list with the first article open in the reader
  (its first words on screen) — the screen the user starts working on;
* analysed: the top bar no longer says Loading or Analysing (quotes, digest and
  status have arrived).

Key latency: while loading and analysis still run, `j`/`k` are typed and the
probe times how long until the screen changes (the reader shows the next
article). A headless `App.run_test` was used before; it waited for the whole
process to go idle, so it timed the end of the analysis thread, not the screen.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.data import ROOT

COLUMNS, LINES = 160, 48
LIMIT_SECONDS = 120.0
TRIALS = {"seeds": 5, "seeds, cache warm": 5, "1000 articles": 3}
KEY_GAP = 0.25  # seconds between key presses while the app is busy
CTRL_Q = b"\x11"


@dataclass
class Trial:
    first_frame: float | None = None
    first_screen: float | None = None
    loaded: float | None = None  # the top bar no longer says Loading: every file read
    analysed: float | None = None
    key_ms: list[float] = field(default_factory=list)
    key_phase: list[str] = field(default_factory=list)  # "loading" or "analysing" when each key was pressed


def measure() -> dict[str, Any]:
    """Every case, several trials each; medians (and the single trials) per case."""
    from bench.speed import make_articles
    from briefing.config import seeds_dir

    out: dict[str, Any] = {"measured": True, "how": "pty 160x48, pyte; median of trials", "seconds": {}, "cases": {}}
    with tempfile.TemporaryDirectory(prefix="briefing-tui-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, article in enumerate(make_articles(1000)):
            (folder / f"{i:04d}.txt").write_text(article.text + "\n", encoding="utf-8")
        warm_home = Path(tmp) / "warm-home"
        cases = {
            "seeds": (seeds_dir(), None),
            "seeds, cache warm": (seeds_dir(), warm_home),
            "1000 articles": (folder, None),
        }
        for name, (path, home) in cases.items():
            if home is not None:
                _run_trial(path, home)  # fills the cache the timed trials then find
            trials = [_run_trial(path, home) for _ in range(TRIALS[name])]
            out["cases"][name] = _summarise(trials)
            if out["cases"][name]["first_screen"] is not None:
                out["seconds"][name] = out["cases"][name]["first_screen"]
    return out


def measure_folder(folder: Path, trials: int = TRIALS["1000 articles"]) -> dict[str, Any]:
    """One case: the app opened on `folder` with an empty cache, median of `trials` launches."""
    return _summarise([_run_trial(folder, None) for _ in range(trials)])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _reader_header(screen: Any) -> str:
    """The reader's header line ("outlet · N words · path"): it changes when another article opens."""
    return next((line for line in screen.display if " words · " in line), "")


def _first_screen(screen: Any, text: str) -> bool:
    """The list is filled and the reader shows an article: the screen a user starts working on."""
    return "article(s)" in screen.display[0] and "No article yet." not in text and bool(_reader_header(screen))


def _summarise(trials: list[Trial]) -> dict[str, Any]:
    def median(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return round(statistics.median(known), 3) if len(known) == len(values) else None

    keys = [k for t in trials for k in t.key_ms]
    phases: dict[str, list[float]] = {}
    for t in trials:
        for ms, phase in zip(t.key_ms, t.key_phase):
            phases.setdefault(phase, []).append(ms)
    return {
        "first_frame": median([t.first_frame for t in trials]),
        "first_screen": median([t.first_screen for t in trials]),
        "loaded": median([t.loaded for t in trials]),
        "analysed": median([t.analysed for t in trials]),
        "trials_first_screen": [t.first_screen for t in trials],
        "key_ms": {
            "median": round(statistics.median(keys), 1),
            "p95": round(_percentile(keys, 0.95), 1),
            "max": round(max(keys), 1),
            "presses": len(keys),
        }
        if keys
        else None,
        # Where slow keys happen: while files load (the loader thread shares the
        # interpreter with the screen) or while the analysis runs.
        "key_ms_by_phase": {
            phase: {"median": round(statistics.median(v), 1), "p95": round(_percentile(v, 0.95), 1), "presses": len(v)}
            for phase, v in phases.items()
        },
    }


def _run_trial(path: Path, home: Path | None) -> Trial:
    """One launch of the app in a pseudo-terminal; the screen is read through pyte."""
    import pyte

    with tempfile.TemporaryDirectory(prefix="briefing-home-") as fresh:
        env = _environment(home or Path(fresh))
        screen = pyte.Screen(COLUMNS, LINES)
        stream = pyte.ByteStream(screen)
        start = time.time()
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the app
            _set_size(0)
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "briefing", str(path)], env)
        _set_size(fd)
        try:
            return _watch(fd, stream, screen, start)
        finally:
            _stop(pid, fd)


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "BRIEFING_", "TEXTUAL"))}
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env  # default settings: 1,000 files are under ingest.max_files


def _set_size(fd: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))


def _watch(fd: int, stream: Any, screen: Any, start: float) -> Trial:
    trial = Trial()
    deadline = start + LIMIT_SECONDS
    pressed_at: float | None = None
    header_before = ""
    next_key = "j"
    while time.time() < deadline and trial.analysed is None:
        ready, _, _ = select.select([fd], [], [], 0.01)
        now = time.time()
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            stream.feed(chunk)
        text = "\n".join(screen.display)
        elapsed = round(now - start, 3)
        if trial.first_frame is None and text.strip():
            trial.first_frame = elapsed
        if trial.first_screen is None:
            if _first_screen(screen, text):
                trial.first_screen = elapsed
            continue
        top = screen.display[0]
        if trial.loaded is None and "Loading" not in top:
            trial.loaded = elapsed
        if pressed_at is not None and (_reader_header(screen) != header_before or now - pressed_at > 5):
            trial.key_ms.append(round(1000 * (now - pressed_at), 1))
            pressed_at = None
        if "Loading" not in top and "Analysing" not in text:
            trial.analysed = elapsed
        elif pressed_at is None and now - start - trial.first_screen > KEY_GAP * (len(trial.key_ms) + 1):
            header_before = _reader_header(screen)
            trial.key_phase.append("loading" if "Loading" in top else "analysing")
            os.write(fd, next_key.encode())
            pressed_at = now
            next_key = "k" if next_key == "j" else "j"
    return trial


def _stop(pid: int, fd: int) -> None:
    """Quit the way a user does (ctrl+q; nothing is unsaved); kill only if it hangs."""
    try:
        os.write(fd, CTRL_Q)
    except OSError:
        pass
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            select.select([fd], [], [], 0.05) and os.read(fd, 1 << 16)
        except OSError:
            pass
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


if __name__ == "__main__":
    import json

    print(json.dumps(measure(), indent=2))
