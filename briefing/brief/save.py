"""Saving a file so that it is always either the old version or the new one.

An in-place write on a full disk leaves a truncated file and reports the error
only at close. So: write a temporary file in the target's own folder (a rename
is only atomic within one file system), flush and fsync it, rename it over the
target, then fsync the folder so the rename itself survives a power cut. On
any failure the temporary file is removed and the old file is untouched.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import hashlib
import os
import time
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.config import Settings


class BriefSaveError(OSError):
    """The file could not be written; the message names the file and the reason."""


class BriefExistsError(BriefSaveError, FileExistsError):
    """The target exists and overwriting it was not asked for."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "an input/output error occurred",
}


def _reason(e: OSError, path: Path | None = None) -> str:
    """The cause in words, checked against the folder: the system's errno can mislead.

    Creating a file in /proc fails with "no such file" though the folder is there;
    `mkdir` on a path through a file says "file exists"; a read-only mount may say
    "permission denied". The folder's own state is then the better answer.
    """
    if path is not None and e.errno in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST):
        try:
            found = _folder_problem(path.parent, e.errno)
        except OSError:  # the folder cannot even be looked at: the errno is all there is
            found = None
        if found:
            return found
    return _REASONS.get(e.errno or 0, e.strerror or str(e))


def _folder_problem(folder: Path, code: int | None) -> str | None:
    """What is wrong with the folder a file should go in, or None to keep the errno's reason."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is not a folder"
    if existing != folder:
        return None  # a folder is missing: the errno says so
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"the file system of {folder} is read-only"
    except (OSError, AttributeError):
        pass
    if code == errno.ENOENT:
        return f"the folder {folder} exists but does not accept new files"
    return None


def default_brief_path(settings: Settings, date: dt.date | None = None) -> Path:
    """`brief-YYYY-MM-DD.md` in `brief.output_dir` (`~` expanded; the folder is made when saving)."""
    day = date or dt.date.today()
    return Path(settings.brief.output_dir).expanduser() / f"brief-{day.isoformat()}.md"


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; some file systems cannot open or sync a folder, which is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # a short write that makes no progress is a full disk in disguise
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def atomic_write(path: Path, data: bytes, *, force: bool = False, mode: int = 0o644) -> Path:
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`."""
    path = Path(path).expanduser()
    try:
        _check_target(path, force)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            why = f"cannot create folder {path.parent}: {_reason(e, path)}"
            raise BriefSaveError(e.errno, f"cannot save {path}: {why}") from e
        _replace(path, data, force, mode)
    except BriefSaveError:
        raise
    except OSError as e:
        raise BriefSaveError(e.errno, f"cannot save {path}: {_reason(e, path)}") from e
    return path


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise BriefSaveError(errno.EISDIR, f"cannot save {path}: it is a folder")
    if not force and path.exists():
        raise BriefExistsError(errno.EEXIST, f"{path} already exists; use --force to overwrite it")


def _temp_prefix(path: Path) -> str:
    """A hidden name beside the target, short enough that a long target name still leaves room."""
    return f".{path.name[:100]}."


def _replace(path: Path, data: bytes, force: bool, mode: int) -> None:
    """Temp file, write, fsync, rename over the target, fsync the folder; the temp never outlives a failure."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
        try:
            _write_all(fd, data)
            os.fchmod(fd, _target_mode(path, mode))
            os.fsync(fd)
        finally:
            os.close(fd)
        if not force and path.exists():  # appeared while we were writing: still never clobber it
            raise BriefExistsError(errno.EEXIST, f"{path} already exists; use --force to overwrite it")
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
        _sweep_stale_temps(path)
    finally:
        if tmp is not None:
            _remove_quietly(tmp)


def _target_mode(path: Path, default: int) -> int:
    """Keep the permissions of the file being replaced; new files get the default less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return default & ~_umask()


def _umask() -> int:
    """The process umask without os.umask's set-and-restore, which races with other threads."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


STALE_TEMP_SECONDS = 600


def _sweep_stale_temps(path: Path) -> None:
    """Remove temporary files a killed writer left behind (SIGKILL allows no cleanup)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for leftover in path.parent.glob(f"{glob.escape(_temp_prefix(path))}*.tmp"):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


@dataclass(frozen=True, slots=True)
class FileStamp:
    """A file as we left it: enough to tell later whether someone else has written it since."""

    mtime_ns: int
    size: int
    sha256: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_file(path: Path, data: bytes) -> FileStamp | None:
    """The stamp of `path` just after we wrote `data` to it (None if it cannot be read)."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, st.st_size, _digest(data))


def changed_since(path: Path, stamp: FileStamp) -> bool:
    """Whether `path` now differs from what we wrote: same size and time is unchanged; else compare bytes.

    A file that has gone is not "changed": writing it again loses nothing.
    """
    try:
        st = Path(path).stat()
        if (st.st_mtime_ns, st.st_size) == (stamp.mtime_ns, stamp.size):
            return False
        if st.st_size != stamp.size:
            return True
        return _digest(Path(path).read_bytes()) != stamp.sha256
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: ask rather than overwrite


def encode_brief(text: str) -> bytes:
    # "replace": a lone surrogate that slipped through must cost one character, not the whole save.
    return text.encode("utf-8", errors="replace")


def save_brief(text: str, path: str | os.PathLike[str], force: bool = False) -> Path:
    """Save the rendered brief atomically; raises `BriefExistsError` or `BriefSaveError`."""
    return atomic_write(Path(path), encode_brief(text), force=force)
