"""The file side of our on-disk caches: one JSON entry per file, written atomically, old
entries swept away.

Both caches (loaded articles in `ingest.cache`, analysis results in `analysis.cache`)
keep their entries the same way, so the way lives here once: an entry is written
to a temporary file in its own folder and renamed into place (a crash never leaves
half an entry), and entries not rewritten for a month are deleted by a sweep that
runs at most once a day, since it walks the whole folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

#: Entries not rewritten for this long are deleted by `prune`.
MAX_AGE_DAYS = 30
_DAY = 86_400


def write_json_atomically(path: Path, entry: object) -> None:
    """Write `entry` as compact JSON at `path`, all or nothing.

    Raises OSError (or ValueError for data JSON cannot hold): a cache that cannot
    be written only costs speed, so callers log and go on.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        # surrogatepass: article text may hold lone surrogates; dumps (C encoder) beats dump
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune(directory: Path, pattern: str, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
    """Delete the files matching `pattern` under `directory` not written for `max_age_days`,
    at most once a day (a stamp file remembers the last sweep). Returns how many went.

    Raises OSError when the folder cannot be walked or written.
    """
    now = time.time() if now is None else now
    stamp = directory / ".pruned"
    try:
        if now - stamp.stat().st_mtime < _DAY:
            return 0
    except OSError:
        pass
    directory.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    removed = 0
    for path in directory.glob(pattern):
        if now - path.stat().st_mtime > max_age_days * _DAY:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def code_digest(files: Sequence[Path], extra: Sequence[str] = ()) -> str:
    """A short hash of the package version, these files' names and contents, and `extra` lines:
    a cache key part that changes whenever the code that made an entry does (contents, not
    mtimes, so a checkout that only touches files keeps the cache)."""
    import briefing  # the package's version; imported here, as briefing imports nothing of this module

    digest = hashlib.sha256(str(getattr(briefing, "__version__", "")).encode())
    for path in files:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            continue
    for line in extra:
        digest.update(f"{line}\0".encode())
    return digest.hexdigest()[:16]
