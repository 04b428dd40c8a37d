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
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

import briefing
from briefing import cache_files
from briefing.cache_files import MAX_AGE_DAYS
from briefing.codec import from_json, to_json
from briefing.config import CacheSettings, config_dir
from briefing.models import Article

FORMAT_VERSION = 1
# The packages whose code shapes a cached result: every one but the views (tui, brief); ingest
# too, since the digest reads its caption rules (ingest.credits); stories, the grouping.
PRODUCT_PACKAGES = ("analysis", "nlp", "summary", "digest", "quotes", "status", "stories", "ingest")
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
    return cache_files.code_digest(files)


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
        """Delete entries not written for `max_age_days` (at most one sweep a day); how many went."""
        try:
            return cache_files.prune(self.directory, "*/*/*.json", max_age_days, now)
        except OSError as exc:
            log.debug("cache not pruned: %s", exc)
            return 0

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
            cache_files.write_json_atomically(path, entry)
        except (OSError, ValueError) as exc:
            log.debug("cache not written %s: %s", path, exc)
