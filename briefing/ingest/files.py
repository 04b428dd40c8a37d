"""Turning the paths a user gave into the files to read, safely.

Only regular files are read: opening a FIFO blocks forever and a device can
stream without end. Folders are walked in a stable, sorted order (so article
order and ids are the same on every run) without following a symlink back into
a folder already on the way down. A file is opened before it is checked (fstat
on the open descriptor), so it cannot be swapped for a FIFO in between.

A folder walk never leaves the folder it was given: a symbolic link whose
target lies outside it (`..`, `/etc`, a file elsewhere) is not followed. A link
to `/` once loaded 1,470 files from across the system; a link to another
user's notes would put them in the brief. Such links are named, together, in
one warning; what they point to is not (it is outside what the user showed us).
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.ingest.errors import IngestError
from briefing.ingest.sanitize import sanitize_line

# Extensions loaded from inside folders; anything else there (images, PDFs, office
# files) is not read, and is reported when the caller asks (`report_skipped`): a
# README that promises warnings must not let a folder of .docx files vanish without
# a word. A file named explicitly is always tried and its kind sniffed when the
# extension says nothing. Hidden files (.git, .DS_Store, editor swap files) are
# never articles and never reported.
KNOWN_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".rdf"}
)
# Up to this many skipped files in one folder walk are named one warning each; beyond
# it the walk gives one summary warning (counts by type and the first few names).
# A folder of 1,000 files with 900 images would otherwise print 900 lines that bury
# the warnings that matter (an unreadable or truncated article), and the TUI's
# warnings screen would become a wall; the types and counts say what happened.
MAX_NAMED_SKIPS = 10
_EXAMPLES = 3
# Links out of the folder named in its one warning; beyond this many, "and N more".
MAX_NAMED_LINKS_OUT = 10


@dataclass(frozen=True, slots=True)
class Expanded:
    """A file to read, or a path that could not be expanded (with the reason)."""

    path: Path
    error: str | None = None
    # True for a folder entry that is not read at all (unsupported type): the
    # error is only to be reported; handing the path to a reader would load it.
    skipped: bool = False


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def expand(path: Path, report_skipped: bool = False) -> Iterator[Expanded]:
    """The files under `path` (itself if it is a file), in a stable order.

    With `report_skipped`, files a folder walk leaves out for their type come
    last, as `skipped` entries carrying the reason (see MAX_NAMED_SKIPS)."""
    try:
        info = path.stat()
    except OSError as exc:
        yield Expanded(path, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        skipped: list[Path] = []
        links_out: list[str] = []
        yield from _walk(path, info, skipped, links_out)
        if links_out:
            yield Expanded(path, _links_out_warning(links_out), skipped=True)
        if report_skipped:
            yield from _skip_warnings(path, skipped)
    else:
        yield Expanded(path)


def _walk(root: Path, root_info: os.stat_result, skipped: list[Path], links_out: list[str]) -> Iterator[Expanded]:
    """Depth-first in name order (a folder's files and subfolders interleaved, as
    `sorted(rglob())` would list them); an explicit stack so deep trees cannot
    overflow Python's recursion limit. Links leading out of `root` go to `links_out`."""
    root_key = (root_info.st_dev, root_info.st_ino)
    inside = _Inside(root)
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
        if entry.is_symlink() and not inside(child):
            links_out.append(sanitize_line(child.relative_to(root).as_posix()))
            continue
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
        else:
            skipped.append(child)


class _Inside:
    """Whether a path, every link in it resolved, lies within the folder being walked."""

    def __init__(self, root: Path) -> None:
        real = os.path.realpath(root)
        self._prefix = real if real.endswith(os.sep) else real + os.sep  # "/" stays "/"
        self._real = real

    def __call__(self, path: Path) -> bool:
        real = os.path.realpath(path)  # a dangling link resolves as far as it can: still judged by where it points
        return real == self._real or real.startswith(self._prefix)


def _links_out_warning(names: list[str]) -> str:
    n = len(names)
    shown = ", ".join(names[:MAX_NAMED_LINKS_OUT])
    more = f", and {n - MAX_NAMED_LINKS_OUT:,} more" if n > MAX_NAMED_LINKS_OUT else ""
    links, lead, were = ("symbolic links", "lead", "were") if n > 1 else ("symbolic link", "leads", "was")
    return f"{n:,} {links} {lead} outside the folder and {were} not followed: {shown}{more}"


def _skip_warnings(root: Path, skipped: list[Path]) -> Iterator[Expanded]:
    """One entry per skipped file, or one summary for the walk when there are many."""
    if len(skipped) <= MAX_NAMED_SKIPS:
        for path in skipped:
            yield Expanded(path, _unsupported(path), skipped=True)
        return
    kinds = Counter(_kind(path) for path in skipped).most_common()
    by_kind = ", ".join(f"{kind} \N{MULTIPLICATION SIGN}{n:,}" for kind, n in kinds[:_EXAMPLES * 2])
    by_kind += ", \N{HORIZONTAL ELLIPSIS}" if len(kinds) > _EXAMPLES * 2 else ""
    names = ", ".join(sanitize_line(p.name) for p in skipped[:_EXAMPLES])
    reason = f"{len(skipped):,} files skipped, unsupported file types ({by_kind}); e.g. {names}"
    yield Expanded(root, reason, skipped=True)


def _kind(path: Path) -> str:
    return sanitize_line(path.suffix.lower()) if path.suffix else "no extension"


def _unsupported(path: Path) -> str:
    kind = f"unsupported file type {_kind(path)}" if path.suffix else "unsupported file type (no extension)"
    return f"{kind}, skipped (folders load {_LOADED})"


_LOADED = ".txt, .md, .html and RSS/Atom feed files"


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
