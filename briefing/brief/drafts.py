"""The brief in progress, kept on disk after every change so a crash loses at most one edit.

Every session (one running app) has a draft file of its own in the user data
dir (`briefing/drafts/session-<time>-<pid>-<tag>.json`), written with the same
atomic save as the brief itself, so a kill in the middle of a write leaves the
previous draft. One shared file let two sessions on one data folder overwrite
each other's work, and a save in one deleted the other's draft.

A session holds an exclusive `flock` on `<draft>.lock` from its first draft
until it ends; the kernel drops it when the process dies, however it dies. At
the next start every draft whose lock can be taken (its session is gone) is
offered back, newest first; the offering session holds that lock while the user
decides, so two new sessions never offer the same draft. A draft that cannot
be read (truncated by a failing disk, hand-edited, from another version) is
renamed aside rather than deleted or allowed to crash the app: the user can
still inspect it. `current.json`, the one draft of earlier versions, is offered
like any other.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import secrets
import sys
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from briefing.brief.model import Brief, BriefError
from briefing.brief.save import BriefSaveError, atomic_write

LEGACY_DRAFT_NAME = "current.json"
MAX_DRAFT_BYTES = 20_000_000
_LOCK_WAIT_SECONDS = 2.0


if sys.platform == "win32":  # not exercised by the tests, which run on Linux
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """An exclusive lock without waiting; the kernel drops it when the process ends, even by SIGKILL."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def default_drafts_dir() -> Path:
    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "drafts"


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft a session left unsaved, offered back: its file, its brief and when it was last written."""

    path: Path
    brief: Brief
    saved_at: dt.datetime  # local time, aware

    @property
    def item_count(self) -> int:
        return len(self.brief.items)


class _Lock:
    """An exclusive flock on a lock file, checked to still be the file at that name (not one unlinked meanwhile)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._finalizer = weakref.finalize(self, os.close, fd)  # a store that is dropped releases its locks

    @classmethod
    def take(cls, path: Path, wait: float = 0.0) -> _Lock | None:
        """The lock, or None when another live session holds it (after waiting up to `wait` seconds)."""
        give_up = time.monotonic() + wait
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
            try:
                locked = _try_lock(fd)
            except OSError:
                os.close(fd)
                raise
            if not locked:
                os.close(fd)
                if time.monotonic() >= give_up:
                    return None
                time.sleep(0.05)
                continue
            if _same_file(fd, path):
                return cls(path, fd)
            os.close(fd)  # the name was removed or replaced while we waited: lock the file there now

    def release(self, remove: bool = False) -> None:
        if self._fd is None:
            return
        if remove:  # while still held: no other session can be relying on this file
            _unlink_quietly(self.path)
        self._finalizer()
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _lock_path(draft: Path) -> Path:
    return draft.with_suffix(".lock")


def _session_name() -> str:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    return f"session-{stamp}-{os.getpid()}-{secrets.token_hex(3)}"


class DraftStore:
    """This session's draft (save, load, discard), and the drafts of sessions that ended unsaved (offers)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory).expanduser() if directory is not None else default_drafts_dir()
        self.set_aside: Path | None = None  # where the last corrupt draft was moved
        self.problem: str | None = None  # why (all of them, when offers() set several aside), for a notification
        self._name = _session_name()
        self._own_lock: _Lock | None = None  # taken at the first save, held until the session ends
        self._offered: dict[Path, _Lock] = {}  # other sessions' drafts being offered: their locks

    @property
    def path(self) -> Path:
        """This session's draft file."""
        return self.directory / f"{self._name}.json"

    # -- this session's draft -------------------------------------------------------------------

    def save(self, brief: Brief) -> Path:
        """Write the draft atomically (private to the user); raises `BriefSaveError` naming the file."""
        self._hold_own_lock()
        # ASCII JSON: any string, even one with a lone surrogate, survives the round trip exactly.
        data = json.dumps(brief.to_dict(), ensure_ascii=True, indent=1).encode("ascii")
        return atomic_write(self.path, data, force=True, mode=0o600)

    def exists(self) -> bool:
        return self.path.is_file()

    def load(self) -> Brief | None:
        """This session's draft as last written, or None when there is none or it was corrupt (then set aside)."""
        self.set_aside = self.problem = None
        return self._read(self.path)

    def discard(self) -> None:
        """Forget this session's draft (the brief was saved, or holds nothing unsaved); others' are untouched."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise BriefSaveError(e.errno, f"cannot remove draft {self.path}: {e.strerror or e}") from e

    def close(self) -> None:
        """End the session: let its draft (if any) be offered, and stop holding offered ones."""
        for path in list(self._offered):
            self._offered.pop(path).release()
        if self._own_lock is not None:
            self._own_lock.release(remove=not self.exists())
            self._own_lock = None

    def _hold_own_lock(self) -> None:
        if self._own_lock is not None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = _Lock.take(_lock_path(self.path), wait=_LOCK_WAIT_SECONDS)
        except OSError as e:
            raise BriefSaveError(e.errno, f"cannot save draft {self.path}: {e.strerror or e}") from e
        if lock is None:  # only an offering session probing a name it found can hold it, and only briefly
            raise BriefSaveError(errno.EAGAIN, f"cannot save draft {self.path}: its lock is held by another process")
        self._own_lock = lock

    # -- drafts of sessions that ended ----------------------------------------------------------

    def offers(self) -> list[Draft]:
        """Every unsaved draft of a session that has ended, newest first; held for this session until
        `adopt`, `drop` or `release`. Empty drafts are removed; unreadable ones are set aside."""
        self.set_aside = self.problem = None
        problems: list[str] = []
        found: list[Draft] = []
        for path in self._candidates():
            draft = self._claim(path, problems)
            if draft is not None:
                found.append(draft)
        self._sweep_stale_locks()
        if problems:
            self.problem = "; ".join(problems)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    def adopt(self, draft: Draft) -> Brief:
        """The offered draft becomes this session's own (its file moved to this session's name)."""
        lock = self._offered.pop(draft.path, None)
        try:
            self._hold_own_lock()
            os.replace(draft.path, self.path)
        except OSError as e:
            if lock is not None:
                lock.release()
            raise BriefSaveError(e.errno, f"cannot take over draft {draft.path}: {e.strerror or e}") from e
        if lock is not None:
            lock.release(remove=True)
        return draft.brief

    def drop(self, draft: Draft) -> None:
        """Delete an offered draft (the user declined it)."""
        lock = self._offered.pop(draft.path, None)
        try:
            draft.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            if lock is not None:
                lock.release()
            raise BriefSaveError(e.errno, f"cannot remove draft {draft.path}: {e.strerror or e}") from e
        if lock is not None:
            lock.release(remove=True)

    def release(self, draft: Draft) -> None:
        """Stop holding an offered draft without deciding: it is offered again at the next start."""
        lock = self._offered.pop(draft.path, None)
        if lock is not None:
            lock.release()

    def _candidates(self) -> Iterator[Path]:
        try:
            names = sorted(os.listdir(self.directory))
        except OSError:
            return
        for name in names:
            if name.endswith(".json") and ".corrupt-" not in name and not name.startswith("."):
                path = self.directory / name
                if path != self.path and path not in self._offered:
                    yield path

    def _claim(self, path: Path, problems: list[str]) -> Draft | None:
        """The draft at `path` if its session has ended (we then hold its lock), else None."""
        try:
            lock = _Lock.take(_lock_path(path))
        except OSError:
            return None  # a folder we cannot write in: no session could have left a draft to offer
        if lock is None:
            return None  # its session is still running
        try:
            saved_at = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except OSError:  # gone meanwhile (adopted or saved by its own session)
            lock.release(remove=True)
            return None
        brief = self._read(path)
        if self.problem:
            problems.append(self.problem)
        self.problem = None
        if brief is None or not brief.items:
            if brief is not None:
                _unlink_quietly(path)  # an empty draft: nothing to give back
            lock.release(remove=True)
            return None
        self._offered[path] = lock
        return Draft(path, brief, saved_at)

    def _sweep_stale_locks(self) -> None:
        """Lock files of sessions that ended with no draft (killed before their first change was saved)."""
        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        for name in names:
            path = self.directory / name
            if not name.endswith(".lock") or path.with_suffix(".json").exists():
                continue
            if path == _lock_path(self.path) or path.with_suffix(".json") in self._offered:
                continue
            try:
                lock = _Lock.take(path)
            except OSError:
                continue
            if lock is not None and not path.with_suffix(".json").exists():
                lock.release(remove=True)
            elif lock is not None:
                lock.release()

    # -- reading ----------------------------------------------------------------------------------

    def _read(self, path: Path) -> Brief | None:
        """The brief in `path`; None when it is missing, unreadable (`problem` says why) or corrupt (set aside)."""
        try:
            if path.stat().st_size > MAX_DRAFT_BYTES:
                self._quarantine(path, f"larger than {MAX_DRAFT_BYTES:,} bytes")
                return None
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            self.problem = f"cannot read draft {path}: {e.strerror or e}"
            return None
        why = _parse_draft(raw)
        if isinstance(why, Brief):
            return why
        self._quarantine(path, why)
        return None

    def _quarantine(self, path: Path, why: str) -> None:
        """Rename a corrupt draft aside (kept for the user to inspect) and say so in `problem`."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        target = self.directory / f"{path.stem}.corrupt-{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = self.directory / f"{path.stem}.corrupt-{stamp}-{n}.json"
        try:
            os.replace(path, target)
            self.set_aside = target
            self.problem = f"draft {path} could not be read ({why}); moved to {target.name}"
        except OSError as e:
            self.problem = f"draft {path} could not be read ({why}) nor moved aside: {e.strerror or e}"


def _parse_draft(raw: bytes) -> Brief | str:
    """The brief in a draft file's bytes, or why it cannot be one."""
    try:
        return Brief.from_dict(json.loads(raw.decode("utf-8")))
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except json.JSONDecodeError as e:
        return f"not valid JSON ({e.msg} at line {e.lineno})"
    except BriefError as e:
        return str(e)
    except RecursionError:
        return "nested too deeply"
    except (ValueError, TypeError, AttributeError, KeyError) as e:  # a shape from_dict did not foresee
        return f"unexpected content ({type(e).__name__})"
