"""Files, folders, feeds and URLs in; sanitised `Article`s and readable warnings out.

`load_paths` never raises for something the user supplied: every file, feed or
URL that cannot be used becomes a `LoadWarning` naming it and saying why, and
the rest still load. Which reader handles a file follows its extension, and
its content when the extension says nothing (or says .xml, which may be a feed
or a page).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.config import CacheSettings, IngestSettings
from briefing.ingest.article import Draft, build_article, dedupe
from briefing.ingest.cache import IngestCache, Loaded, Probe, article_from_plain, article_to_plain
from briefing.ingest.decode import decode_bytes, decode_with_charset, is_binary
from briefing.ingest.errors import IngestError
from briefing.ingest.files import expand, is_url, read_file
from briefing.ingest.sanitize import sanitize_line, sanitize_text
from briefing.ingest.text import read_text
from briefing.ingest.workers import build_all, worker_count
from briefing.models import Article, LoadWarning
from briefing.nlp.sentences import segment
from briefing.nlp.vocab import zipf

if TYPE_CHECKING:
    from briefing.ingest.url import Fetched

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]

_KINDS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
}  # fmt: skip
_MEDIA_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "text/plain": "sniff", "text/markdown": "markdown", "application/octet-stream": "sniff",
}  # fmt: skip


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)


def load_paths(
    paths: Sequence[str | Path],
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
    language: str = "english",
    cache: CacheSettings | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> LoadResult:
    """Load every path (file, folder or http(s) URL); problems become warnings.

    With `cache` (enabled), what each file gave is kept on disk and a file whose
    size, time and content did not change is not read again (see cache.py); the
    others are built on `cache.workers` processes when there are many (workers.py).
    `meanwhile` is called here while those processes build (not at all when the
    files are built here): the caller's own preparation, off the critical path.
    """
    settings = settings or IngestSettings()
    result = LoadResult()
    sources = list_sources(paths, settings.max_files, result.warnings)
    store = IngestCache.open(cache, settings, language)
    found: list[Loaded | None] = []
    probes: list[Probe | None] = []
    for source in sources:
        hit, probe = (None, None)
        if store is not None and isinstance(source, Path):
            hit, probe = store.lookup(source, _name(source), settings.max_file_bytes)
        found.append(hit)
        probes.append(probe)
    jobs = [
        _Job(source, settings, language, probe.data if probe else None)
        for source, hit, probe in zip(sources, found, probes)
        if hit is None
    ]
    workers = worker_count(cache.workers) if cache is not None else 1
    built = build_all(_build, jobs, workers, warm_up=lambda: _warm_up(language), meanwhile=meanwhile)
    articles: list[Article] = []
    for done, (source, hit, probe) in enumerate(zip(sources, found, probes), start=1):
        if hit is None:
            outcome = next(built)
            hit = Loaded(tuple(outcome.articles), tuple(outcome.warnings))
            if store is not None and probe is not None and outcome.settled and outcome.digest is not None:
                store.store(probe, outcome.digest, hit)
        result.warnings.extend(hit.warnings)
        articles.extend(hit.articles)
        # A cut article is still loaded, but `analyze --json` and `build` show no
        # notices: the warning is how a user there learns that a cap applied.
        result.warnings.extend(LoadWarning(_name(source), n) for a in hit.articles for n in a.notices)
        if progress is not None:
            progress(done, len(sources))
    kept, dropped = dedupe(articles)
    for duplicate, original in dropped:
        result.warnings.append(
            LoadWarning(duplicate.location, f"same text as {original.location}; loaded once")
        )
    result.articles = kept
    return result


def list_sources(paths: Sequence[str | Path], max_files: int, warnings: list[LoadWarning]) -> list[str | Path]:
    """URLs as given, files expanded from folders, capped at `max_files`; what cannot be
    used (unreadable, loops, other file types, past the cap) becomes a warning.

    Public so the TUI can plan its batches over exactly the files a load would read."""
    sources: list[str | Path] = []
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            sources.append(raw)
            continue
        for item in expand(Path(raw), report_skipped=True):  # files of other types are named, not silent
            if item.error:
                warnings.append(LoadWarning(_name(item.path), item.error))
                continue
            if len(sources) >= max_files:
                warnings.append(
                    LoadWarning(_name(item.path), f"more than {max_files:,} files; the rest were not loaded (ingest.max_files)")
                )
                return sources
            sources.append(item.path)
    return sources


@dataclass(frozen=True)
class _Job:
    """One file or URL to build (`data`: its bytes, when the cache look-up read them)."""

    source: str | Path
    settings: IngestSettings
    language: str
    data: bytes | None = None


@dataclass(frozen=True)
class _Outcome:
    articles: list[Article]
    warnings: list[LoadWarning]
    settled: bool  # a reader's answer (articles or a refusal), not a crash: may be cached
    digest: str | None  # hash of the bytes read, for the cache

    def __reduce__(self) -> tuple[Any, ...]:
        """Across processes as plain data: sentence texts travel as spans of the text."""
        return (_outcome, ([article_to_plain(a) for a in self.articles], self.warnings, self.settled, self.digest))


def _outcome(plain: list[dict[str, Any]], warnings: list[LoadWarning], settled: bool, digest: str | None) -> _Outcome:
    return _Outcome([article_from_plain(a) for a in plain], warnings, settled, digest)


def _build(job: _Job) -> _Outcome:
    """Read and build one source; module level, so a worker process can run it."""
    own: list[LoadWarning] = []
    data = job.data
    if data is None and isinstance(job.source, Path):
        try:
            data = read_file(job.source, job.settings.max_file_bytes)
        except IngestError as exc:  # unreadable now, perhaps not later: not cached
            own.append(LoadWarning(_name(job.source), sanitize_line(exc.reason)))
            return _Outcome([], own, False, None)
    articles, settled = _load_source(job.source, job.settings, job.language, own, data)
    return _Outcome(articles, own, settled, hashlib.sha256(data).hexdigest() if data is not None else None)


def _load_source(
    source: str | Path, settings: IngestSettings, language: str, warnings: list[LoadWarning], data: bytes | None = None
) -> tuple[list[Article], bool]:
    """The articles of one file or URL, and whether that result is settled (it came from
    the reader, or the reader refused the input): a crash in a library is not cached."""
    location = _name(source)

    def warn(reason: str) -> None:
        warnings.append(LoadWarning(location, sanitize_line(reason)))

    try:
        if isinstance(source, str):
            drafts = _read_url(source, settings, warn)
        else:
            drafts = _read_path(source, settings, warn, data)
        return _build_all(drafts, settings, language, location, warnings), True
    except IngestError as exc:
        warn(exc.reason)
        return [], True
    except RecursionError:
        warn("too deeply nested to read")
    except MemoryError:
        warn("too large to read in memory")
    except Exception as exc:  # noqa: BLE001 - a library choking on hostile input must not end the load
        warn(f"could not be read ({type(exc).__name__}: {str(exc)[:200]})")
    return [], False


def _warm_up(language: str) -> None:
    """Load here what building articles reads, before the workers fork: the sentence model, and
    the English word frequencies (a transcript's speaker lines are told from words by them).
    Each worker loaded the frequencies itself: 0.8 s of CPU twice over, for 1,000 files."""
    segment(["Ready."], language)
    zipf("ready")


def _build_all(
    drafts: list[Draft], settings: IngestSettings, language: str, location: str, warnings: list[LoadWarning]
) -> list[Article]:
    if len(drafts) == 1:
        return [build_article(drafts[0], settings, language)]
    articles = []
    for number, draft in enumerate(drafts, start=1):
        try:
            articles.append(build_article(draft, settings, language))
        except IngestError as exc:
            warnings.append(LoadWarning(f"{location} (entry {number})", exc.reason))
    return articles


def _read_path(path: Path, settings: IngestSettings, warn: Warn, data: bytes | None = None) -> list[Draft]:
    if data is None:
        data = read_file(path, settings.max_file_bytes)
    kind = _KINDS.get(path.suffix.lower(), "sniff")
    return _read(data, kind, settings, warn, path=_name(path))


def _read_url(url: str, settings: IngestSettings, warn: Warn) -> list[Draft]:
    from briefing.ingest.url import fetch  # the network stack loads only when a URL is given

    return read_fetched(fetch(url, settings.url_timeout, settings.max_url_bytes), settings, warn)


def read_fetched(fetched: Fetched, settings: IngestSettings, warn: Warn) -> list[Draft]:
    """The drafts of a response, read by its media type as a URL argument is (`briefing fetch`
    downloads a source once, then tells a feed, whose entries it follows, from a page)."""
    kind = _MEDIA_KINDS.get(fetched.content_type)
    if kind is None:
        raise IngestError(f"unsupported content type {fetched.content_type!r}")
    return _read(fetched.data, kind, settings, warn, url=sanitize_line(fetched.url), charset=fetched.charset)


def _read(
    data: bytes,
    kind: str,
    settings: IngestSettings,
    warn: Warn,
    path: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> list[Draft]:
    """Dispatch on kind; .xml that is no feed is read as a page when it looks like one.

    The readers for feeds, pages and Markdown are imported here, on first use: most
    days are plain text, and the app's first screen should not wait for lxml.
    """
    if kind == "sniff":
        from briefing.ingest.feeds import looks_like_feed

        kind = "feed" if looks_like_feed(data) else "page-or-text"
    if kind == "feed":
        from briefing.ingest.feeds import NotAFeed, read_feed

        if not data:
            raise IngestError("empty file")
        if not data.strip():
            raise IngestError("no text (only whitespace or control characters)")
        if is_binary(data):
            raise IngestError("not a text file (binary data)")
        try:
            return read_feed(data, settings.max_feed_entries, warn, path=path)
        except NotAFeed as exc:
            if not exc.looks_like_html:
                raise IngestError("not an RSS or Atom feed, nor an HTML page") from None
            kind = "html"
    decoded = decode_with_charset(data, charset) if charset else decode_bytes(data)
    if decoded.warning:
        warn(decoded.warning)
    text = sanitize_text(decoded.text)  # before any parser: YAML and lxml choke on control characters
    if not text.strip():
        raise IngestError("no text (only whitespace or control characters)")
    if kind == "page-or-text":
        kind = "html" if _looks_like_html(text) else "text"
    if kind == "html":
        from briefing.ingest.html import read_html

        return read_html(text, settings.max_html_depth, path=path, url=url)
    if kind == "markdown":
        from briefing.ingest.markdown import read_markdown

        return read_markdown(text, warn, path=path, url=url)
    return read_text(text, path=path, url=url)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div"))


def _name(source: str | Path) -> str:
    """File names are untrusted too: sanitised before they reach a warning or the UI."""
    return sanitize_line(str(source))


__all__ = ["LoadResult", "list_sources", "load_paths", "read_fetched"]
