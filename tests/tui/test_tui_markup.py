"""Markup in article text is shown literally: clicking it does nothing, a stray tag breaks nothing,
and the Markdown preview never opens links."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Markdown

from briefing.brief.drafts import DraftStore
from briefing.config import BriefSettings, Settings
from briefing.tui.app import make_app
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.reader import ArticleText

TITLE = "[@click=app.quit]x[/] [b]bold?[/b] [link=file:///etc/passwd]link[/link]"
BODY = [
    "A stray closing tag [/bold] sits here, and [red]colour[/red] too.",
    "Click [@click=app.quit]here to quit[/] or [@click=screen.dismiss]there[/] or [@click=app.bell]ring[/].",
    "Half a tag [ and a lone ] bracket, $variable and [$accent]dollar[/].",
]


@pytest.fixture
def markup_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    # front matter, so the title and outlet do not depend on how ingestion guesses a title
    front = f"---\ntitle: '{TITLE}'\nsource: '[red]Outlet[/red] [/i]'\n---\n\n"
    (folder / "markup.md").write_text(front + "\n\n".join(BODY) + "\n", encoding="utf-8")
    return folder


async def _loaded(app, pilot) -> None:
    for _ in range(20):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.session.analysis is not None or app.main_screen._stage == "":
            if app.session.articles and not any(w.is_running for w in app.workers):
                return
    raise AssertionError("not loaded")


async def test_clicking_markup_text_does_nothing(markup_dir: Path, tmp_path: Path) -> None:
    settings = replace(Settings(), brief=replace(BriefSettings(), output_dir=str(tmp_path / "out")))
    app = make_app(settings, [str(markup_dir)], drafts=DraftStore(tmp_path / "drafts"), offer_draft=False)
    bells: list[str] = []
    app.bell = lambda: bells.append("bell")  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        screen = app.screen
        articles = screen.query_one(ArticleList)
        assert articles.option_count == 1
        shown = str(articles.get_option_at_index(0).prompt)
        assert TITLE in shown and "[red]Outlet[/red] [/i]" in shown, "title and outlet are shown as written"

        # click every line of the list and of the reader, where the [@click] text is drawn
        for y in (0, 1):
            await pilot.click(ArticleList, offset=(4, y))
        text = screen.query_one(ArticleText)
        lines = [str(o.prompt) for o in text.options]
        assert any("[/bold]" in line for line in lines)
        assert any("[@click=app.quit]here to quit[/]" in line for line in lines)
        # where "here to quit" would be drawn if the markup were read: just after "Click "
        for y in range(0, 6):
            await pilot.click(ArticleText, offset=(10, y))
        await pilot.pause()

        assert app.is_running and app.return_value is None, "still running"
        assert app.screen is screen, "no screen was dismissed"
        assert bells == [], "no action from the text ran"
        assert articles.option_count == 1

        # put the markup-laden sentence in the brief and look at the preview
        await pilot.press("j", "a")
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        opened: list[str] = []
        app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
        markdown = app.screen.query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "file:///etc/passwd"))
        for y in (1, 3, 5):
            await pilot.click(Markdown, offset=(4, y))
        await pilot.pause()
        assert opened == [], "the preview opens no link"
        assert app.is_running and app.return_value is None
