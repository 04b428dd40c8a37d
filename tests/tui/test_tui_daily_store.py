"""The app in the daily loop: today's stored articles shown without paths, and ctrl+s remembered in the history."""

from __future__ import annotations

from pathlib import Path

from briefing.brief.drafts import DraftStore
from briefing.config import IngestSettings
from briefing.ingest.article import Draft, build_article
from briefing.store.articles import Provenance, add_article, articles_since
from briefing.store.daily import saved_briefs
from briefing.store.db import Store
from briefing.tui.app import make_app
from support.news_site import make_story
from tui_driving import _save  # tests/tui is on the path


def _stored_articles() -> list:
    with Store.open() as store:
        for n in range(2):
            story = make_story(n)
            article = build_article(Draft(list(story.paragraphs), story.title, "Valley Wire", story.published), IngestSettings())
            add_article(store, article, Provenance("https://wire.example/feed.xml", "Valley Wire", "valley"))
        return [s.article for s in articles_since(store, 0, IngestSettings())]


async def test_stored_articles_open_without_paths_and_a_save_is_recorded(settings, settle, tmp_path: Path) -> None:
    articles = _stored_articles()
    app = make_app(settings, [], drafts=DraftStore(tmp_path / "drafts"), offer_draft=False, articles=articles)
    assert app.paths == []  # not the bundled seeds
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert [a.title for a in app.session.articles.values()] == [a.title for a in articles]
        await pilot.press("enter", "a")
        await _save(pilot, app)
        written = app.session.saved_path
        assert written is not None and written.is_file()
    (saved,) = saved_briefs()
    assert saved.file == str(written.resolve()) and saved.articles == 2 and saved.items == 1
    assert saved.story == "valley"  # both articles came from sources labelled valley
