"""Stories in the terminal app: two piles loaded together are listed under two story headers,
`S` (or Enter on a header) switches the story the status panel, digest and quotes show, and a
new automatic brief is about the story shown and says the other one was loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.brief.model import item_article_ids
from briefing.config import Settings
from briefing.models import Analysis, Story
from briefing.tui.session import Session
from briefing.tui.widgets.article_list import STORY_PREFIX, ArticleList
from briefing.tui.widgets.reader import DigestList
from briefing.tui.widgets.status_pane import StatusPane
from support.story_piles import CASSEL, DRAVIK, write_pile
from tui_driving import _toasts

SIZE = (160, 48)


@pytest.fixture
def two_piles(tmp_path: Path) -> list[Path]:
    return [write_pile(tmp_path / "dravik", *DRAVIK), write_pile(tmp_path / "cassel", *CASSEL)]


# One quoted report more for each invented conflict (the shared piles carry no direct speech).
DRAVIK_QUOTED = ("dravik-q", "Northern Wire", dt.date(2031, 3, 7), "Baptiste says the Dravik truce must hold", (
    "“Every family in Dravik deserves a night without shelling,” Leonie Baptiste told reporters in Halvik on Friday.",
    "The Sorran Front said its fighters were keeping their positions around Dravik.",
))
CASSEL_QUOTED = ("cassel-q", "Evening Ledger", dt.date(2031, 3, 8), "Haldane opens Port Cassel to fishing boats", (
    "“The harbour of Port Cassel stays open to fishing boats as long as the calm lasts,” Admiral Corvin Haldane "
    "said on Saturday.",
    "Lirean fishermen said the Tesmark warships had let their trawlers through at dawn.",
))


def _ids(listed: ArticleList) -> list[str]:
    return [o.id for o in listed.options if o.id]


def _stems(app, ids) -> set[str]:
    return {Path(app.session.articles[i].path).stem for i in ids}


def _digest_info(app) -> str:
    return str(app.main_screen.query_one("#digest-info", Static).render())


def _digest_articles(app) -> set[str]:
    return {i for s in app.main_screen.query_one(DigestList).sentences for i in s.articles}


async def test_two_piles_are_two_stories_each_under_its_header(build_app, settle, two_piles) -> None:
    app = build_app(two_piles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first, second = app.session.stories
        assert _stems(app, first.articles) == {r[0] for r in DRAVIK}
        assert _stems(app, second.articles) == {r[0] for r in CASSEL}
        listed = app.main_screen.query_one(ArticleList)
        ids = _ids(listed)
        assert ids == [STORY_PREFIX + first.id, *first.articles, STORY_PREFIX + second.id, *second.articles]
        assert listed.shown == len(DRAVIK) + len(CASSEL)  # header rows are not articles
        header = str(listed.get_option(STORY_PREFIX + first.id).prompt)
        assert header.startswith("▶ Story 1/2 · 5 articles")
        assert "Story 2/2 · 4 articles" in str(listed.get_option(STORY_PREFIX + second.id).prompt)
        assert app.main_screen.query_one(StatusPane).border_title == "Conflict status · story 1/2"
        assert "story 1/2" in _digest_info(app) and "the 5 article(s)" in _digest_info(app)
        assert _digest_articles(app) and _digest_articles(app) <= set(first.articles)
        assert app.main_screen.check_action("next_story", ())


async def test_s_switches_the_story_the_panels_show_and_back(build_app, settle, two_piles) -> None:
    app = build_app(two_piles)
    toasts: list[str] = []
    async with app.run_test(size=SIZE, message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        first, second = app.session.stories
        await pilot.press("S")
        await pilot.pause()
        assert app.session.story == second.id
        assert app.main_screen.query_one(StatusPane).border_title == "Conflict status · story 2/2"
        assert "story 2/2" in _digest_info(app) and "the 4 article(s)" in _digest_info(app)
        assert _digest_articles(app) and _digest_articles(app) <= set(second.articles)
        shown = app.session.story_view()
        assert shown is not None and shown.status == second.status and shown.quotes == second.quotes
        listed = app.main_screen.query_one(ArticleList)
        assert listed.highlighted_option is not None and listed.highlighted_option.id == STORY_PREFIX + second.id
        assert str(listed.get_option(STORY_PREFIX + second.id).prompt).startswith("▶ Story 2/2")
        assert not str(listed.get_option(STORY_PREFIX + first.id).prompt).startswith("▶")
        assert any(t.startswith("Showing story 2/2") for t in toasts)
        await pilot.press("S")
        await pilot.pause()
        assert app.session.story == first.id
        assert "story 1/2" in _digest_info(app)


async def test_enter_on_a_story_header_shows_that_story_and_opens_no_article(build_app, settle, two_piles) -> None:
    app = build_app(two_piles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        second = app.session.stories[1]
        listed = app.main_screen.query_one(ArticleList)
        listed.focus()
        listed.highlighted = listed.get_option_index(STORY_PREFIX + second.id)
        opened = str(app.main_screen.query_one("#reader-title", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.story == second.id
        assert app.main_screen.query_one(StatusPane).border_title == "Conflict status · story 2/2"
        assert str(app.main_screen.query_one("#reader-title", Static).render()) == opened
        assert app.focused is listed  # the header is not an article: nothing opened, the cursor stays


async def test_an_article_shows_the_quotes_of_its_own_story(build_app, settle, tmp_path: Path) -> None:
    app = build_app([write_pile(tmp_path / "dravik", *DRAVIK, DRAVIK_QUOTED),
                     write_pile(tmp_path / "cassel", *CASSEL, CASSEL_QUOTED)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first, second = app.session.stories
        assert _stems(app, first.articles) == {r[0] for r in (*DRAVIK, DRAVIK_QUOTED)}
        assert [q.speaker for q in first.quotes] == ["Leonie Baptiste"]
        assert [q.speaker for q in second.quotes] == ["Corvin Haldane"]
        for story in (first, second):
            for article_id in story.articles:
                assert app.session.quotes_for(article_id) == story.quotes
        info = str(app.main_screen.query_one("#quotes-info", Static).render())
        assert info.endswith("its story: 1")  # the article open is the first loaded, of the first story
        await pilot.press("S")  # the story shown does not change which quotes an article has
        assert app.session.quotes_for(first.articles[0]) == first.quotes


async def test_a_new_brief_is_about_the_story_shown_and_names_the_other(build_app, settle, two_piles) -> None:
    app = build_app(two_piles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first, second = app.session.stories
        await pilot.press("S")
        await pilot.press("n")  # the brief is empty: no question asked
        await pilot.pause()
        brief = app.session.brief
        cited = {i for item in brief.items for i in item_article_ids(item)}
        assert cited and cited <= set(second.articles)
        notes = [item.text for item in brief.items_in("notes")]
        assert any(n.startswith("Not in this brief: 1 other story loaded (5 articles)") for n in notes)


async def test_one_story_shows_a_plain_list_and_offers_no_story_key(build_app, settle, tmp_path: Path) -> None:
    app = build_app([write_pile(tmp_path / "dravik", *DRAVIK)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len(app.session.stories) == 1
        listed = app.main_screen.query_one(ArticleList)
        assert not any(i.startswith(STORY_PREFIX) for i in _ids(listed))
        assert not app.main_screen.check_action("next_story", ())
        assert app.main_screen.query_one(StatusPane).border_title == "Conflict status"
        assert "across all 5 article(s)" in _digest_info(app)
        story = app.session.story
        await pilot.press("S")
        assert app.session.story == story


async def test_a_saved_brief_is_recorded_with_the_label_of_the_story_shown(settings, settle, tmp_path: Path) -> None:
    """Stored articles of two labelled sources, opened together: the brief about the second story
    is recorded under that story's label (with every loaded article the labels differ: no label)."""
    from briefing.brief.drafts import DraftStore
    from briefing.store.articles import Provenance, add_article, articles_since
    from briefing.store.daily import saved_briefs
    from briefing.store.db import Store
    from briefing.tui.app import make_app
    from support.story_piles import article
    from tui_driving import _save

    with Store.open() as store:
        for reports, label in ((DRAVIK, "arvenia"), (CASSEL, "lirea")):
            for report in reports:
                add_article(store, article(report), Provenance(f"/news/{label}", label, label, via="file"))
        stored = [s.article for s in articles_since(store, 0, settings.ingest)]
    app = make_app(settings, [], drafts=DraftStore(tmp_path / "drafts"), offer_draft=False, articles=stored)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        second = app.session.stories[1]
        await pilot.press("S", "n")
        await pilot.pause()
        await _save(pilot, app)
        assert app.session.saved_path is not None
    (saved,) = saved_briefs()
    assert saved.story == "lirea" and saved.articles == len(second.articles) == len(CASSEL)


async def test_filtering_and_sorting_keep_each_article_under_its_story(build_app, settle, two_piles) -> None:
    app = build_app(two_piles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first, second = app.session.stories
        listed = app.main_screen.query_one(ArticleList)
        listed.refilter("Port Cassel")  # only the blockade reports say it: the other story's header goes
        ids = _ids(listed)
        assert ids[0] == STORY_PREFIX + second.id and STORY_PREFIX + first.id not in ids
        assert set(ids[1:]) <= set(second.articles) and listed.shown == len(ids) - 1 > 0
        listed.refilter("")
        listed.focus()
        await pilot.press("t")  # by date, newest first: within each story
        ids = _ids(listed)
        cut = ids.index(STORY_PREFIX + second.id)
        assert ids[0] == STORY_PREFIX + first.id and set(ids[1:cut]) == set(first.articles)
        dates = [app.session.articles[i].published for i in ids[1:cut]]
        assert dates == sorted(dates, reverse=True)


def _story(ident: str, *articles: str) -> Story:
    return Story(ident, f"Story {ident}", articles)


def _analysis(*stories: Story) -> Analysis:
    return Analysis(articles=(), summaries={}, stories=stories, story=stories[0].id)


def test_a_chosen_story_is_followed_when_a_new_batch_changes_its_articles() -> None:
    session = Session(Settings())
    session.set_analysis(_analysis(_story("big", "a", "b", "c"), _story("small", "x", "y")))
    assert session.story == "big"
    session.next_story()
    assert session.story == "small"
    session.set_analysis(_analysis(_story("big2", "a", "b", "c", "d"), _story("small2", "x", "y", "z")))
    assert session.story == "small2"  # the user's story, grown by one article
    session.set_analysis(_analysis(_story("big3", "a", "b", "c", "d", "x"), _story("other", "y", "q", "r")))
    assert session.story == "big3"  # no story holds most of it any more: the main one


def test_the_main_story_is_shown_until_the_user_chooses_another() -> None:
    session = Session(Settings())
    session.set_analysis(_analysis(_story("one", "a", "b"), _story("two", "x", "y", "z")))
    assert session.story == "one"
    session.set_analysis(_analysis(_story("three", "x", "y", "z", "w"), _story("four", "a", "b")))
    assert session.story == "three"  # the new main story, not the heir of the old one
