"""Files, folders, feeds and URLs in; sanitised `Article`s and readable warnings out.

`load_paths` never raises for something the user supplied: every file, feed or
URL that cannot be used becomes a `LoadWarning` naming it and saying why, and
the rest still load. Which reader handles a file follows its extension, and
its content when the extension says nothing (or says .xml, which may be a feed
or a page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import CacheSettings, IngestSettings
from briefing.ingest.article import Draft, build_article, dedupe
from briefing.ingest.cache import IngestCache, Loaded
from briefing.ingest.decode import decode_bytes, decode_with_charset, is_binary
from briefing.ingest.errors import IngestError
from briefing.ingest.files import expand, is_url, read_file
from briefing.ingest.sanitize import sanitize_line, sanitize_text
from briefing.ingest.text import read_text
from briefing.models import Article, LoadWarning

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
) -> LoadResult:
    """Load every path (file, folder or http(s) URL); problems become warnings.

    With `cache` (enabled), what each file gave is kept on disk and a file whose
    size, time and content did not change is not read again (see cache.py)."""
    settings = settings or IngestSettings()
    result = LoadResult()
    sources = list_sources(paths, settings.max_files, result.warnings)
    store = IngestCache.open(cache, settings, language)
    articles: list[Article] = []
    for done, source in enumerate(sources, start=1):
        loaded = _load_one(source, settings, language, result.warnings, store)
        articles.extend(loaded)
        # A cut article is still loaded, but `analyze --json` and `build` show no
        # notices: the warning is how a user there learns that a cap applied.
        result.warnings.extend(LoadWarning(_name(source), n) for a in loaded for n in a.notices)
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


def _load_one(
    source: str | Path,
    settings: IngestSettings,
    language: str,
    warnings: list[LoadWarning],
    cache: IngestCache | None = None,
) -> list[Article]:
    if cache is None or isinstance(source, str):
        return _load_source(source, settings, language, warnings)[0]
    hit, probe = cache.lookup(source, _name(source), settings.max_file_bytes)
    if hit is not None:
        warnings.extend(hit.warnings)
        return list(hit.articles)
    own: list[LoadWarning] = []
    articles, settled = _load_source(source, settings, language, own, probe.data)
    warnings.extend(own)
    if settled:
        cache.store(probe, Loaded(tuple(articles), tuple(own)))
    return articles


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

    fetched = fetch(url, settings.url_timeout, settings.max_url_bytes)
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


__all__ = ["LoadResult", "list_sources", "load_paths"]
