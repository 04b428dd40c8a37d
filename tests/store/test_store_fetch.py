"""`fetch_sources` against an invented site on 127.0.0.1: pages over teasers, nothing fetched twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.config import Settings, SourceSettings
from briefing.store.articles import articles_since
from briefing.store.db import Store
from briefing.store.fetch import fetch_sources
from support.news_site import make_story, serve


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def _settings(*sources: SourceSettings) -> Settings:
    settings = Settings(sources=sources)
    return replace(settings, ingest=replace(settings.ingest, url_timeout=5.0), cache=replace(settings.cache, enabled=False))


def test_each_entry_is_stored_from_its_page_and_not_fetched_again(store: Store) -> None:
    stories = [make_story(n) for n in range(3)]
    with serve(stories) as site:
        settings = _settings(SourceSettings(url=site.feed_url, name="Valley Wire", story="valley"))
        first = fetch_sources(store, settings)
        assert [r.line() for r in first.reports] == ["Valley Wire: 3 new, 0 already stored"]
        assert first.answered and first.line() == "total: 3 new, 0 already stored"
        site.requests.clear()
        second = fetch_sources(store, settings)
        assert second.line() == "total: 0 new, 3 already stored"
        assert site.requests == ["/feed.xml"]  # known addresses are not downloaded again
    stored = articles_since(store, 0, settings.ingest)
    assert [s.article.text for s in stored] == [s.full_text for s in stories]
    assert [s.article.title for s in stored] == [s.title for s in stories]
    assert {(s.provenance.via, s.provenance.story, s.article.source) for s in stored} == {("page", "valley", "Valley Wire")}


def test_a_page_that_cannot_be_had_leaves_the_feeds_text_until_it_answers(store: Store) -> None:
    stories = [make_story(n) for n in range(2)]
    with serve(stories) as site:
        site.missing.add(stories[1].slug)
        settings = _settings(SourceSettings(url=site.feed_url))
        (report,) = fetch_sources(store, settings).reports
        assert report.counts() == "2 new (1 from the feed's text only), 0 already stored"
        assert any("HTTP error 404" in w and "kept the feed's text" in w for w in report.warnings)
        texts = [s.article.text for s in articles_since(store, 0, settings.ingest)]
        assert texts == [stories[0].full_text, stories[1].teaser]
        (report,) = fetch_sources(store, settings).reports  # still missing: nothing new to say
        assert report.counts() == "0 new, 2 already stored" and report.warnings == []
        site.missing.clear()
        (report,) = fetch_sources(store, settings).reports
        assert report.counts() == "0 new, 1 already stored, 1 completed from its page"
    texts = [s.article.text for s in articles_since(store, 0, settings.ingest)]
    assert texts == [stories[0].full_text, stories[1].full_text]


def test_the_same_report_from_two_sources_is_stored_once(store: Store, tmp_path: Path) -> None:
    story = make_story(4)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "copy.txt").write_text("\n".join(story.paragraphs), encoding="utf-8")
    with serve([story]) as site:
        total = fetch_sources(store, _settings(SourceSettings(url=site.feed_url), SourceSettings(path=str(folder))))
    assert [r.counts() for r in total.reports] == ["1 new, 0 already stored", "0 new, 1 already stored"]


def test_a_page_source_is_read_as_one_article(store: Store) -> None:
    story = make_story(5)
    with serve([story]) as site:
        settings = _settings(SourceSettings(url=site.page_url(story)))
        assert fetch_sources(store, settings).line() == "total: 1 new, 0 already stored"
        assert fetch_sources(store, settings).line() == "total: 0 new, 1 already stored"
    (stored,) = articles_since(store, 0, settings.ingest)
    assert stored.article.text == story.full_text


def test_failures_are_named_and_the_rest_still_fetched(store: Store, tmp_path: Path) -> None:
    with serve([make_story(6)]) as site:
        dead = f"{site.base}/no-such-feed.xml"
        total = fetch_sources(
            store, _settings(SourceSettings(url=dead), SourceSettings(path=str(tmp_path / "absent")), SourceSettings(url=site.feed_url))
        )
    lines = [r.line() for r in total.reports]
    assert lines[0] == f"{dead}: 0 new, 0 already stored, 1 failed: HTTP error 404 Not Found"
    assert lines[1].endswith("1 failed: no such folder or file")
    assert lines[2].endswith("1 new, 0 already stored")
    assert total.answered
    assert total.line() == f"total: 1 new, 0 already stored, 2 failed: {dead}: HTTP error 404 Not Found (and 1 more)"


def test_nothing_answering_is_not_answered(store: Store) -> None:
    with serve([]) as site:
        dead = f"{site.base}/gone"
    total = fetch_sources(store, _settings(SourceSettings(url=dead)))
    assert not total.answered and "cannot fetch" in total.reports[0].failed[0]


def test_untrusted_labels_and_reasons_are_printed_inert(store: Store) -> None:
    with serve([]) as site:
        dead = f"{site.base}/gone"
    (report,) = fetch_sources(store, _settings(SourceSettings(url=dead, name="Wire\x1b[31m red"))).reports
    assert "\x1b" not in report.line()
