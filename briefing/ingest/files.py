"""Turning the paths a user gave into the files to read, safely.

Only regular files are read: opening a FIFO blocks forever and a device can
stream without end. Folders are walked in a stable, sorted order (so article
order and ids are the same on every run) without following a symlink back into
a folder already on the way down. A file is opened before it is checked (fstat
on the open descriptor), so it cannot be swapped for a FIFO in between.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.ingest.errors import IngestError

# Extensions loaded from inside folders; anything else there (images, PDFs, the
# editor's backup files) is skipped silently. A file named explicitly is always
# tried and its kind sniffed when the extension says nothing.
KNOWN_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".rdf"}
)


@dataclass(frozen=True, slots=True)
class Expanded:
    """A file to read, or a path that could not be expanded (with the reason)."""

    path: Path
    error: str | None = None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def expand(path: Path) -> Iterator[Expanded]:
    """The files under `path` (itself if it is a file), in a stable order."""
    try:
        info = path.stat()
    except OSError as exc:
        yield Expanded(path, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, info)
    else:
        yield Expanded(path)


def _walk(root: Path, root_info: os.stat_result) -> Iterator[Expanded]:
    """Depth-first in name order (a folder's files and subfolders interleaved, as
    `sorted(rglob())` would list them); an explicit stack so deep trees cannot
    overflow Python's recursion limit."""
    root_key = (root_info.st_dev, root_info.st_ino)
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[tuple[int, int], ...]]] = []
    error = _push(stack, root, (root_key,))
    if error:
        yield error
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are not articles
        child = Path(entry.path)
        try:
            info = child.stat()
        except OSError as exc:
            yield Expanded(child, _os_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Expanded(child, "directory loop (a symbolic link back to a folder above it), skipped")
            else:
                error = _push(stack, child, (*ancestors, key))
                if error:
                    yield error
        elif child.suffix.lower() in KNOWN_EXTENSIONS:
            yield Expanded(child)


def _push(
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[tuple[int, int], ...]]],
    folder: Path,
    ancestors: tuple[tuple[int, int], ...],
) -> Expanded | None:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        return Expanded(folder, _os_reason(exc))
    stack.append((iter(entries), ancestors))
    return None


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, or IngestError saying why not."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise IngestError(_os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        kind = _special_kind(info.st_mode)
        if kind:
            raise IngestError(f"not a regular file ({kind}), skipped")
        if info.st_size > max_bytes:
            raise IngestError(_too_large(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(_os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while we looked, or a /proc-style file with no size
        raise IngestError(_too_large(len(data), max_bytes))
    return data


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({_megabytes(size)}; the limit is {_megabytes(limit)}, ingest.max_file_bytes)"


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _os_reason(exc: OSError) -> str:
    """OS errors in words; the errno names are for programmers."""
    reasons = {
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied (cannot read it)",
        errno.EPERM: "permission denied (cannot read it)",
        errno.ELOOP: "symbolic link loop",
        errno.ENOTDIR: "a path component is not a folder",
        errno.EISDIR: "is a folder",
        errno.ENAMETOOLONG: "file name too long",
    }
    return reasons.get(exc.errno or 0, exc.strerror or "cannot be read")
