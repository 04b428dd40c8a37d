"""Stored articles: once by text and by address, read back exactly as ingestion built them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest.article import Draft, build_article
from briefing.models import Article
from briefing.store.articles import (
    Provenance,
    add_article,
    article_count,
    articles_since,
    content_hash,
    known_text,
    known_url,
    newest_fetch,
    replace_summary,
    summary_urls,
)
from briefing.store.db import Store
from support.news_site import make_story

SETTINGS = IngestSettings()
FEED = Provenance("https://wire.example/feed.xml", "Valley Wire", "valley", "page")


def _article(n: int, url: str | None = None, teaser: bool = False) -> Article:
    story = make_story(n)
    paragraphs = [story.teaser] if teaser else list(story.paragraphs)
    return build_article(Draft(paragraphs, story.title, "Valley Wire", story.published, url=url), SETTINGS)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def test_an_article_comes_back_as_ingestion_built_it(store: Store) -> None:
    article = _article(1, "https://wire.example/news/1.html")
    assert add_article(store, article, FEED, fetched_at=1000.0)
    (back,) = articles_since(store, 0, SETTINGS)
    assert back.article == article  # the same id, text, paragraphs, sentences (split again), metadata
    assert back.provenance == FEED and back.fetched_at == 1000.0
    row = store.db.execute("SELECT content_hash, published FROM articles").fetchone()
    assert row == (content_hash(article.text), "2024-05-02")


def test_the_same_text_is_stored_once_and_its_new_address_remembered(store: Store) -> None:
    first = _article(2, "https://wire.example/news/2.html")
    again = _article(2, "https://mirror.example/2")
    assert add_article(store, first, FEED)
    assert not add_article(store, again, FEED, urls=["https://mirror.example/feed-link/2"])
    assert article_count(store) == 1 and known_text(store, first.id)
    for url in ("https://wire.example/news/2.html", "https://mirror.example/2", "https://mirror.example/feed-link/2"):
        assert known_url(store, url)
    assert not known_url(store, "https://wire.example/news/3.html")


def test_articles_since_is_a_window_in_the_order_they_were_stored(store: Store) -> None:
    for n, when in ((1, 100.0), (2, 200.0), (3, 300.0), (4, 200.0)):
        add_article(store, _article(n), FEED, fetched_at=when)
    titles = [s.article.title for s in articles_since(store, 150.0, SETTINGS)]
    assert titles == [make_story(2).title, make_story(4).title, make_story(3).title]
    assert [s.article.title for s in articles_since(store, 150.0, SETTINGS, until=300.0)] == titles[:2]
    assert newest_fetch(store) == 300.0


def test_a_feed_summary_is_replaced_by_its_page_when_the_page_answers(store: Store) -> None:
    link = "https://wire.example/news/5.html"
    teaser = _article(5, link, teaser=True)
    add_article(store, teaser, Provenance(FEED.source, via="feed-summary"), urls=[link], fetched_at=500.0)
    assert summary_urls(store, [link, "https://wire.example/other"]) == {link}
    page = _article(5, link)
    assert replace_summary(store, link, page, FEED)
    (back,) = articles_since(store, 0, SETTINGS)
    assert back.article == page and back.provenance.via == "page"
    assert back.fetched_at == 500.0  # it still belongs to the day it was first fetched
    assert summary_urls(store, [link]) == set() and known_url(store, link)
    assert not replace_summary(store, link, page, FEED)  # nothing left to replace


def test_a_page_already_stored_elsewhere_does_not_replace_a_summary(store: Store) -> None:
    link = "https://wire.example/news/6.html"
    add_article(store, _article(6, "https://elsewhere.example/6"), FEED)
    add_article(store, _article(6, link, teaser=True), Provenance(FEED.source, via="feed-summary"), urls=[link])
    assert not replace_summary(store, link, _article(6, link), FEED)
    assert article_count(store) == 2


def test_an_unknown_provenance_is_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError):
        add_article(store, _article(7), Provenance("x", via="carrier pigeon"))


def test_dates_and_missing_fields_survive(store: Store) -> None:
    bare = build_article(Draft(["A plain paragraph about the valley with no title at all given."]), SETTINGS)
    add_article(store, bare, Provenance("/srv/news", via="file"))
    (back,) = articles_since(store, 0, SETTINGS)
    assert back.article == bare and back.article.published is None and back.article.url is None
    assert isinstance(make_story(1).published, dt.date)


def test_a_hand_edited_store_cannot_carry_escapes_into_a_report(store: Store) -> None:
    article = _article(8, "https://wire.example/news/8.html")
    add_article(store, article, FEED)
    paragraphs = json.dumps(["Shelling \x1b[2J struck the town.", "\x1b]52;c;Zm9v\x07A second paragraph."])
    with store.transaction() as db:
        db.execute("UPDATE articles SET title = ?, paragraphs = ?", ("Title \x1b[31m red", paragraphs))
    (back,) = articles_since(store, 0, SETTINGS)
    shown = " ".join([back.article.title, back.article.text, *(s.text for s in back.article.sentences)])
    assert "\x1b" not in shown and "\x07" not in shown
    assert back.article.id != article.id  # another text, another id
