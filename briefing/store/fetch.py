"""`briefing fetch`: every configured source read into the store, with one line of report each.

A feed is only a list of links with a teaser: the article a brief quotes is the
page. So each new entry's page is fetched and read like any page (ingestion's
readers, deadline and size cap), and the feed's own text is kept only when the
page cannot be had (it is then tried again at the next fetch, and replaced when
it answers). An address already stored is not downloaded again, and a text
already stored (the same wire report in two feeds) is not stored twice.

Pages are downloaded a few at a time on threads (the wait is the network), but
read and stored one by one, in the feed's order, each in its own transaction:
a fetch killed half-way keeps every article it had stored.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.config import Settings, SourceSettings
from briefing.ingest.article import Draft, build_article
from briefing.ingest.errors import IngestError
from briefing.ingest.sanitize import sanitize_line
from briefing.models import Article
from briefing.store.articles import Provenance, add_article, known_url, replace_summary, summary_urls
from briefing.store.db import Store

PAGE_WORKERS = 4  # downloads at once per feed: polite to one site, yet 4x faster than one by one


@dataclass
class SourceReport:
    """What fetching one source did, for its line of the report."""

    source: SourceSettings
    answered: bool = False  # the source itself could be read (a feed or folder with nothing new answered)
    new: int = 0
    known: int = 0  # already stored: by address (not downloaded again) or by text
    summaries: int = 0  # of `new`: the feed's own text, the page could not be had
    completed: int = 0  # stored earlier as a summary, now replaced by the page
    failed: list[str] = field(default_factory=list)  # why the source, or an entry, gave nothing
    warnings: list[str] = field(default_factory=list)  # read, but with something to say

    def counts(self) -> str:
        """"3 new, 12 already stored, 1 failed: why" (only the parts that apply)."""
        return _counts(self.new, self.known, self.completed, self.summaries, self.failed)

    def line(self) -> str:
        return f"{sanitize_line(self.source.label)}: {self.counts()}"


@dataclass(frozen=True)
class FetchTotal:
    reports: tuple[SourceReport, ...]

    @property
    def answered(self) -> bool:
        return any(r.answered for r in self.reports)

    def line(self) -> str:
        failed = [f"{sanitize_line(r.source.label)}: {why}" for r in self.reports for why in r.failed]
        return "total: " + _counts(
            sum(r.new for r in self.reports),
            sum(r.known for r in self.reports),
            sum(r.completed for r in self.reports),
            sum(r.summaries for r in self.reports),
            failed,
        )


def fetch_sources(
    store: Store,
    settings: Settings,
    sources: Sequence[SourceSettings] | None = None,
    on_report: Callable[[SourceReport], None] | None = None,
) -> FetchTotal:
    """Fetch every source (default: `settings.sources`) into `store`; never raises for a bad source."""
    reports = []
    for source in settings.sources if sources is None else sources:
        report = SourceReport(source)
        try:
            if source.url is not None:
                _fetch_address(store, settings, source, report)
            else:
                _fetch_folder(store, settings, source, report)
        except Exception as exc:  # noqa: BLE001 - one source a library chokes on must not end the fetch
            report.failed.append(f"could not be read ({type(exc).__name__}: {sanitize_line(str(exc))[:200]})")
        reports.append(report)
        if on_report is not None:
            on_report(report)
    return FetchTotal(tuple(reports))


# --------------------------------------------------------------------------- addresses


def _fetch_address(store: Store, settings: Settings, source: SourceSettings, report: SourceReport) -> None:
    from briefing.ingest import read_fetched
    from briefing.ingest.feeds import NotAFeed, looks_like_feed, read_feed
    from briefing.ingest.url import fetch

    url = source.url or ""
    warn = _warner(report)
    try:
        fetched = fetch(url, settings.ingest.url_timeout, settings.ingest.max_url_bytes)
        report.answered = True
        entries = None
        if looks_like_feed(fetched.data):
            try:
                entries = read_feed(fetched.data, settings.ingest.max_feed_entries, warn)
            except NotAFeed:
                entries = None
        drafts = entries if entries is not None else read_fetched(fetched, settings.ingest, warn)
    except IngestError as exc:
        report.failed.append(sanitize_line(exc.reason))
        return
    if entries is None:  # a page: read again at every fetch (a live page changes), stored when its text is new
        for draft in drafts:
            _keep(store, source, report, _article(draft, settings, source, report), [url], "page")
        return
    _follow_entries(store, settings, source, report, entries)


def _follow_entries(
    store: Store, settings: Settings, source: SourceSettings, report: SourceReport, entries: list[Draft]
) -> None:
    """Each entry's page, downloaded a few at a time and stored in the feed's order."""
    links = [e.url for e in entries if e.url]
    retry = summary_urls(store, links)  # stored from the feed's text last time: try the page again
    wanted: list[tuple[Draft, str | None]] = []
    for entry in entries:
        if entry.url and known_url(store, entry.url) and entry.url not in retry:
            report.known += 1
        else:
            wanted.append((entry, entry.url))
    for (entry, link), page in zip(wanted, _pages([link for _, link in wanted], settings)):
        if link is None:  # no page to fetch: the feed's text is all there is
            _keep(store, source, report, _article(entry, settings, source, report), [], "feed-summary")
            continue
        if isinstance(page, Draft):
            article = _article(_with_entry_details(page, entry), settings, source, report)
            if link in retry:
                _complete(store, source, report, link, article)
            else:
                _keep(store, source, report, article, [link], "page")
            continue
        if link in retry:  # still no page: the summary stays, nothing new to say
            report.known += 1
            continue
        report.warnings.append(f"{sanitize_line(link)[:200]}: the page could not be had ({page}); kept the feed's text")
        _keep(store, source, report, _article(entry, settings, source, report), [link], "feed-summary")


def _pages(links: Sequence[str | None], settings: Settings) -> Iterator[Draft | str | None]:
    """For each link, in order: the page's draft, or why it could not be had (None: no link)."""
    with concurrent.futures.ThreadPoolExecutor(PAGE_WORKERS, thread_name_prefix="fetch") as pool:
        yield from pool.map(lambda link: None if link is None else _page(link, settings), links)


def _page(link: str, settings: Settings) -> Draft | str:
    from briefing.ingest import read_fetched
    from briefing.ingest.url import fetch

    try:
        fetched = fetch(link, settings.ingest.url_timeout, settings.ingest.max_url_bytes)
        drafts = read_fetched(fetched, settings.ingest, lambda _note: None)
    except IngestError as exc:
        return sanitize_line(exc.reason)
    except Exception as exc:  # noqa: BLE001 - a library choking on one page: the feed's text stands in
        return f"could not be read ({type(exc).__name__})"
    if len(drafts) != 1:
        return "the address is a feed, not an article page"
    return drafts[0]


def _with_entry_details(page: Draft, entry: Draft) -> Draft:
    """The page's own title, outlet and date; the feed's where the page gives none."""
    return replace(
        page,
        title=page.title or entry.title,
        source=page.source or entry.source,
        published=page.published or entry.published,
        url=page.url or entry.url,
    )


# --------------------------------------------------------------------------- folders


def _fetch_folder(store: Store, settings: Settings, source: SourceSettings, report: SourceReport) -> None:
    from briefing.ingest import load_paths

    folder = Path(source.path or "")
    if not folder.exists():
        report.failed.append("no such folder or file")
        return
    report.answered = True
    loaded = load_paths([folder], settings.ingest, language=settings.summary.language, cache=settings.cache)
    report.warnings.extend(str(w) for w in loaded.warnings if "same text as" not in w.reason)
    for article in loaded.articles:
        if article.url and known_url(store, article.url):
            report.known += 1
        else:
            _keep(store, source, report, article, [], "file")


# --------------------------------------------------------------------------- storing


def _article(draft: Draft, settings: Settings, source: SourceSettings, report: SourceReport) -> Article | None:
    if source.name and not draft.source:
        draft = replace(draft, source=source.name)
    try:
        return build_article(draft, settings.ingest, settings.summary.language)
    except IngestError as exc:
        what = sanitize_line(draft.url or draft.title or "an entry")[:200]
        report.failed.append(f"{what}: {sanitize_line(exc.reason)}")
        return None


def _keep(
    store: Store,
    source: SourceSettings,
    report: SourceReport,
    article: Article | None,
    urls: Sequence[str],
    via: str,
) -> None:
    if article is None:
        return
    if article.url and article.url not in urls and known_url(store, article.url):
        report.known += 1  # redirected to an address already stored
        return
    if add_article(store, article, _provenance(source, via), urls):
        report.new += 1
        report.summaries += via == "feed-summary"
    else:
        report.known += 1


def _complete(store: Store, source: SourceSettings, report: SourceReport, link: str, article: Article | None) -> None:
    if article is not None and replace_summary(store, link, article, _provenance(source, "page")):
        report.completed += 1
    else:
        report.known += 1


def _provenance(source: SourceSettings, via: str) -> Provenance:
    return Provenance(source.location, source.name, source.story, via)


def _warner(report: SourceReport) -> Callable[[str], None]:
    return lambda note: report.warnings.append(sanitize_line(note))


def _counts(new: int, known: int, completed: int, summaries: int, failed: Sequence[str]) -> str:
    parts = [f"{new} new" + (f" ({summaries} from the feed's text only)" if summaries else "")]
    parts.append(f"{known} already stored")
    if completed:
        parts.append(f"{completed} completed from {'its page' if completed == 1 else 'their pages'}")
    if failed:
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        parts.append(f"{len(failed)} failed: {failed[0]}{more}")
    return ", ".join(parts)


__all__ = ["FetchTotal", "SourceReport", "fetch_sources"]
