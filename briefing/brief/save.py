"""Saving a file so that it is always either the old version or the new one.

An in-place write on a full disk leaves a truncated file and reports the error
only at close. So: write a temporary file in the target's own folder (a rename
is only atomic within one file system), flush and fsync it, rename it over the
target, then fsync the folder so the rename itself survives a power cut. On
any failure the temporary file is removed and the old file is untouched.

Only a regular file is ever replaced. A rename over a FIFO, a socket or a device
node would turn it into a plain file (as root, `-o /dev/full --force` destroyed
the device), so those are refused, `--force` or not. A symbolic link is written
through to the regular file it names, so the link itself survives (a
`latest.md` pointing at the day's file); a dangling link is refused, as GNU cp
refuses it, because writing through it would create a file wherever it points.
Without `--force` the final name is claimed atomically (a hard link of the
finished temporary file, which fails if the name exists), so two writers racing
for one new name cannot both "win": checking first and renaming after left a
gap in which both saw no file.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import hashlib
import os
import stat
import tempfile
import time
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
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`.

    Returns `path` as given (for a symbolic link, the link: its target is what was written).
    """
    path = Path(path).expanduser()
    try:
        target, old_mode = check_target(path, force)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            why = f"cannot create folder {target.parent}: {_reason(e, target)}"
            raise BriefSaveError(e.errno, f"cannot save {path}: {why}") from e
        new_mode = old_mode if old_mode is not None else mode & ~_umask()
        _replace(target, data, force, new_mode, shown=path)
    except BriefSaveError:
        raise
    except OSError as e:
        raise BriefSaveError(e.errno, f"cannot save {path}: {_reason(e, path)}") from e
    return path


def check_target(path: Path, force: bool) -> tuple[Path, int | None]:
    """Where `path` would really be written, and the permissions of the regular file there (None if new).

    Raises `BriefSaveError` for anything that is not a regular file (also behind a
    link) and `BriefExistsError` for an existing file without `force`. Used before
    any work is done (`briefing build`) as well as by the save itself.
    """
    path = Path(path).expanduser()
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, None
    target = path
    if stat.S_ISLNK(info.st_mode):
        target, info = _link_target(path)
    _refuse_special(path, info.st_mode)
    if not force:
        via = f" (a symbolic link to {target})" if target != path else ""
        raise BriefExistsError(errno.EEXIST, f"{path} already exists{via}; use --force to overwrite it")
    return target, stat.S_IMODE(info.st_mode) & 0o777


def _link_target(link: Path) -> tuple[Path, os.stat_result]:
    """The file at the end of a chain of symbolic links, or a refusal naming the link."""
    try:
        target = Path(os.path.realpath(link, strict=True))
        return target, os.stat(target)
    except FileNotFoundError:
        try:
            points_to = os.readlink(link)
        except OSError:
            points_to = "a missing file"
        raise BriefSaveError(
            errno.ENOENT,
            f"cannot save {link}: it is a symbolic link to {points_to}, which does not exist; "
            "not written through a dangling link (remove the link or choose another name)",
        ) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise BriefSaveError(e.errno, f"cannot save {link}: it is a symbolic link that loops") from None
        raise


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _refuse_special(path: Path, st_mode: int) -> None:
    """Anything but a regular file is refused: a rename would replace a pipe or a device node."""
    if stat.S_ISREG(st_mode):
        return
    if stat.S_ISDIR(st_mode):
        raise BriefSaveError(errno.EISDIR, f"cannot save {path}: it is a folder")
    kind = next((name for test, name in _SPECIAL_KINDS if test(st_mode)), "a special file")
    raise BriefSaveError(
        errno.EINVAL, f"cannot save {path}: it is {kind}, not a regular file; briefing only replaces regular files"
    )


def _temp_prefix(path: Path) -> str:
    """A hidden name beside the target, short enough that a long target name still leaves room."""
    return f".{path.name[:100]}."


def _replace(path: Path, data: bytes, force: bool, mode: int, shown: Path) -> None:
    """Temp file, write, fsync, put it in place, fsync the folder; the temp never outlives a failure.

    `path` is where the bytes go (a link's target), `shown` the name the user gave.
    """
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if force:
            _recheck(path, shown)  # a pipe or a device put there while we wrote is still not replaced
            os.replace(tmp, path)
        else:
            _claim(tmp, path, shown)
        tmp = None
        _fsync_dir(path.parent)
        _sweep_stale_temps(path)
    finally:
        if tmp is not None:
            _remove_quietly(tmp)


def _recheck(path: Path, shown: Path) -> None:
    try:
        _refuse_special(shown, os.lstat(path).st_mode)
    except FileNotFoundError:
        pass


# A file system without hard links (some FUSE and FAT mounts) says one of these.
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}


def _claim(tmp: str, path: Path, shown: Path) -> None:
    """Give the finished temp file its final name only if that name is still free, atomically.

    `link` fails with EEXIST when anything has the name (a dangling link included).
    Where hard links are not supported, the name is claimed with O_EXCL (an empty
    file for an instant) and the temp renamed over our own claim.
    """
    exists = BriefExistsError(errno.EEXIST, f"{shown} already exists; use --force to overwrite it")
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise exists from None
    except OSError as e:
        if e.errno not in _NO_HARD_LINKS:
            raise
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        except FileExistsError:
            raise exists from None
        os.replace(tmp, path)
        return
    _remove_quietly(tmp)


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
