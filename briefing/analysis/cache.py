"""On-disk cache of analysis results, so reopening the same articles is near-instant.

Entries are JSON (not pickle): the cache directory is user-writable, and a JSON
entry can only ever decode to our own dataclasses, never run code. Each entry
carries a format version and its own key; anything that does not decode, has
another version or another key is treated as a miss (and rebuilt by the
caller), never an error. Writes go to a temporary file in the same directory
and are renamed into place, so a crash mid-write leaves no half entry.

Keys hash the content (article texts), the settings that shape the result, and
a fingerprint of the analysis code and shipped lexicons, so editing either
invalidates old entries without anyone having to clear the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

import briefing
from briefing.codec import from_json, to_json
from briefing.config import CacheSettings, config_dir
from briefing.models import Article

FORMAT_VERSION = 1
# The packages whose code shapes a cached result: every one but the views (tui, brief); ingest
# too, since the digest reads its caption rules (ingest.credits).
PRODUCT_PACKAGES = ("analysis", "nlp", "summary", "digest", "quotes", "status", "ingest")
# Entries not rewritten for this long are deleted (see AnalysisCache.prune).
MAX_AGE_DAYS = 30
log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the code and lexicons that produce cached results.

    Editing a module or a lexicon changes the fingerprint and so every key:
    stale results can't outlive the code that made them. Contents, not mtimes,
    so a checkout or a copy that only touches files keeps the cache (about
    half a megabyte read once per process)."""
    package = Path(briefing.__file__).resolve().parent
    files: list[Path] = []
    for sub in PRODUCT_PACKAGES:
        files.extend(sorted((package / sub).rglob("*.py")))
    files.extend((package / "models.py", package / "codec.py"))  # the shape of what is stored
    try:
        files.extend(sorted(p for p in config_dir().rglob("*") if p.is_file()))
    except FileNotFoundError:
        pass
    digest = hashlib.sha256(str(getattr(briefing, "__version__", "")).encode())
    for path in files:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            continue
    return digest.hexdigest()[:16]


def article_hash(article: Article) -> str:
    """Content hash of everything analysis reads from an article (text, sentences, metadata)."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    for s in article.sentences:
        digest.update(f"|{s.start}:{s.end}:{s.paragraph}".encode())
    digest.update(
        f"|{article.id}|{article.title}|{article.source}|{article.published}|{article.kind}".encode("utf-8", "replace")
    )
    return digest.hexdigest()


def settings_token(*parts: object) -> str:
    """A stable text form of settings dataclasses (and any extra file fingerprints)."""
    return json.dumps([to_json(p) for p in parts], sort_keys=True, default=str)


def make_key(kind: str, content: Iterable[str], settings: str) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{kind}|{code_fingerprint()}|{settings}".encode())
    for item in content:
        digest.update(item.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def file_fingerprint(path: str | None) -> str:
    """Size and mtime of a user file that settings point at (a conflict profile), if any."""
    if not path:
        return ""
    try:
        stat = Path(path).expanduser().stat()
    except OSError:
        return path
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


# --------------------------------------------------------------------------- store


class AnalysisCache:
    """A directory of JSON entries, one file per key, grouped by kind."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def open(cls, settings: CacheSettings) -> AnalysisCache | None:
        """The cache these settings ask for, or None when caching is off."""
        if not settings.enabled:
            return None
        base = Path(settings.dir).expanduser() if settings.dir else Path(platformdirs.user_cache_dir("briefing"))
        return cls(base / "analysis")

    def prune(self, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
        """Delete entries not written for `max_age_days`; at most once a day, since it
        walks the whole directory. Returns how many files went."""
        now = time.time() if now is None else now
        stamp = self.directory / ".pruned"
        try:
            if now - stamp.stat().st_mtime < 86_400:
                return 0
        except OSError:
            pass
        removed = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            stamp.touch()
            for path in self.directory.glob("*/*/*.json"):
                if now - path.stat().st_mtime > max_age_days * 86_400:
                    path.unlink(missing_ok=True)
                    removed += 1
        except OSError as exc:
            log.debug("cache not pruned: %s", exc)
        return removed

    def _path(self, kind: str, key: str) -> Path:
        return self.directory / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str, hint: Any) -> Any | None:
        """The cached value decoded as `hint` (a type), or None on any kind of miss."""
        path = self._path(kind, key)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            log.debug("cache unreadable %s: %s", path, exc)
            return None
        try:
            entry = json.loads(raw)
            if entry.get("version") != FORMAT_VERSION or entry.get("key") != key:
                return None
            return from_json(hint, entry["data"])
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            log.debug("cache entry ignored %s: %s", path, exc)
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store atomically; a cache that cannot be written only costs speed."""
        path = self._path(kind, key)
        entry = {"version": FORMAT_VERSION, "key": key, "data": to_json(value)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.debug("cache not written %s: %s", path, exc)
