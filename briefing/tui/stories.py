"""The story the panels show: switching it, and handing its digest, quotes and status down.

Kept out of the main screen (one concern each): the screen binds the key and calls
these; the state lives in the Session (`story`, `story_view`), the widgets only show
what they are given. With one story loaded nothing here changes what the screen shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.tui.safe import one_line
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.reader import Reader
from briefing.tui.widgets.status_pane import StatusPane
from briefing.tui.widgets.status_panel import StatusPanel

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen

STATUS_TITLE = "Conflict status"


def story_caption(screen: MainScreen) -> str:
    """'story 2/3' when several stories are loaded, else ''."""
    number, total = screen.session.story_number()
    return f"story {number}/{total}" if total > 1 else ""


def show_story(screen: MainScreen) -> None:
    """The status panel, the digest and the list's story marks for the story shown."""
    session = screen.session
    view = session.story_view()
    if view is None:
        return
    titles = session.titles()
    caption = story_caption(screen)
    story = view.main_story
    reader = screen.query_one(Reader)
    reader.quotes_scope = "its story" if caption else "all articles"
    screen.query_one(StatusPanel).show_status(view.status, titles, view.articles)
    count = len(story.articles) if story is not None and caption else len(session.articles)
    key = screen.keys("next-story")
    reader.show_digest(view.digest, titles, count, f"{caption} ({key}: next story)" if caption else "")
    screen.query_one(StatusPane).border_title = f"{STATUS_TITLE} · {caption}" if caption else STATUS_TITLE
    screen.query_one(ArticleList).set_stories(view.stories, view.story)
    screen.refresh_bindings()


def switch_story(screen: MainScreen, step: int = 1) -> None:
    """The next (or previous) story in the panels; the list's cursor goes to its header."""
    story = screen.session.next_story(step)
    if story is None:
        return
    _shown(screen, story.id)


def choose_story(screen: MainScreen, story_id: str) -> None:
    """The story whose header row was chosen with Enter."""
    if screen.session.choose_story(story_id):
        _shown(screen, story_id)


def _shown(screen: MainScreen, story_id: str) -> None:
    show_story(screen)
    screen.query_one(ArticleList).select_story(story_id)
    view = screen.session.story_view()
    story = view.main_story if view is not None else None
    if story is not None:
        screen.notify(f"Showing {story_caption(screen)}: {one_line(story.title, 70)}", markup=False, timeout=3)
