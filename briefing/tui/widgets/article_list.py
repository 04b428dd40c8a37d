"""The article list (left): title, outlet, date and length, filterable with `/`, grouped by story.

With several stories loaded, each story's articles follow a header row naming it (its
number, size and names); the story the panels show is marked. Enter on a header shows
that story. One story (or before the analysis): a plain list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.models import Article, Story
from briefing.tui.key_gate import hold_keys
from briefing.tui.safe import one_line
from briefing.tui.widgets.cursor_list import CursorList
from briefing.tui.widgets.vim_keys import LIST_BINDINGS

USED_MARK = "●"
NEW_MARK = "✦"  # not loaded when the story's last brief was written
TITLE_CHARS = 90  # about three lines in the narrow list; the reader shows the whole title


SORTS = ("loaded", "date", "outlet", "title")  # the order `t` cycles through


def sort_key(order: str) -> Callable[[Article], tuple[object, ...]]:
    """Newest first by date (undated last); outlet and title alphabetically, then newest first."""

    def newest(a: Article) -> tuple[int, int]:
        return (a.published is None, -(a.published.toordinal() if a.published else 0))

    if order == "date":
        return newest
    if order == "outlet":
        return lambda a: ((a.source or "~").casefold(), *newest(a))
    return lambda a: ((a.title or "~").casefold(), *newest(a))


def article_prompt(article: Article, used: bool, new: bool = False) -> Content:
    """Two lines per article: the title, then [kind ·] outlet · date · length (a mark when in the
    brief, 'new' when the story's last brief had not loaded it); an opinion piece or a transcript
    says so first, as it never feeds the developments."""
    mark = Content.styled(f"{USED_MARK} ", "$success") if used else Content("  ")
    fresh = Content.styled(f"{NEW_MARK} new · ", "bold $accent") if new else Content("")
    meta = " · ".join((
        *([article.kind] if article.kind != "news" else []),
        one_line(article.source or "unknown outlet", 40),
        article.published.isoformat() if article.published else "undated",
        f"{article.words:,} words",
    ))
    return Content.assemble(
        mark,
        (one_line(article.title or "(untitled)", TITLE_CHARS), "bold"),
        "\n  ",
        fresh,
        (meta, "$text-muted"),
    )


STORY_PREFIX = "story:"  # option ids of header rows; article options use the article id
SHOWN_MARK = "▶"


def story_prompt(story: Story, number: int, total: int, shown: bool) -> Content:
    """A header row: 'Story 2/3 · 15 articles' over the names the story's articles share."""
    mark = f"{SHOWN_MARK} " if shown else "  "
    head = f"{mark}Story {number}/{total} · {len(story.articles)} article{'s' if len(story.articles) != 1 else ''}"
    names = ", ".join(story.keywords[:3]) or story.title
    style = "bold $accent" if shown else "bold $text-muted"
    return Content.assemble((head, style), "\n  ", (one_line(names, TITLE_CHARS), "$text-muted"))


def matches(article: Article, needle: str) -> bool:
    """Case-insensitive filter over the fields a user sees in the list, and the text."""
    if not needle:
        return True
    needle = needle.casefold()
    haystack = (article.title, article.source or "", article.location, article.text)
    return any(needle in field.casefold() for field in haystack)


class ArticleList(CursorList):
    """Every loaded article; the highlighted one is shown in the reader."""

    BINDINGS = [
        *LIST_BINDINGS,
        Binding("t", "cycle_sort", "Sort", tooltip="Sort the articles: as loaded, by date (newest first), "
                "outlet or title (the order is shown above the list)", show=False, id="articles-sort"),
        Binding("N", "toggle_new", "Only new", tooltip="Show only the articles new since the last brief of "
                "this story (marked ✦ new); again shows them all", show=False, id="articles-new"),
    ]

    class Opened(Message):
        """Enter on an article: the screen opens it in the reader."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class StoryChosen(Message):
        """Enter on a story's header row: the screen shows that story in the panels."""

        def __init__(self, story_id: str) -> None:
            super().__init__()
            self.story_id = story_id

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.articles: list[Article] = []
        self.needle = ""
        self.used: frozenset[str] = frozenset()
        self.new: frozenset[str] = frozenset()  # ids of the articles new since the last brief
        self.only_new = False
        self.order = "loaded"
        self.stories: tuple[Story, ...] = ()  # headers only with two or more
        self.shown_story: str | None = None

    class Sorted(Message):
        """The order changed: the screen shows it in the list's title."""

    def action_cycle_sort(self) -> None:
        self.order = SORTS[(SORTS.index(self.order) + 1) % len(SORTS)]
        self._rebuild()
        self.post_message(self.Sorted())

    class NewShown(Message):
        """Only the new articles are shown, or all again: the screen says so."""

        def __init__(self, only_new: bool, count: int) -> None:
            super().__init__()
            self.only_new = only_new
            self.count = count

    def mark_new(self, new: frozenset[str]) -> None:
        """Mark the articles the last brief had not loaded."""
        if new != self.new:
            self.new = new
            self._rebuild()

    def action_toggle_new(self) -> None:
        if not self.only_new and not self.new:  # an empty list would say nothing of why
            self.notify("No article is new since the last brief of this story (or no brief of it was saved).",
                        markup=False, timeout=4)
            return
        self.only_new = not self.only_new
        self._rebuild()
        self.post_message(self.NewShown(self.only_new, len(self.new)))

    def _ordered(self) -> list[Article]:
        return self.articles if self.order == "loaded" else sorted(self.articles, key=sort_key(self.order))

    def action_select(self) -> None:
        super().action_select()
        option = self.highlighted_option
        if option is not None and option.id and option.id.startswith(STORY_PREFIX):
            self.post_message(self.StoryChosen(option.id[len(STORY_PREFIX):]))
            return
        if (current := self.current) is not None:
            hold_keys(self)  # the next key is for the reader: it waits until the screen has opened it
            self.post_message(self.Opened(current))

    @property
    def shown(self) -> int:
        """Articles listed (header rows are not articles)."""
        return sum(1 for option in self.options if not (option.id or "").startswith(STORY_PREFIX))

    @property
    def current(self) -> Article | None:
        option = self.highlighted_option
        return self._by_id(option.id) if option is not None and option.id else None

    def _by_id(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def _make_options(self, articles: Iterable[Article]) -> list[Option | None]:
        """One option per article that passes the filter, each followed by a rule (None);
        with several stories, grouped under their headers (a story with no match is left out)."""
        shown = [a for a in articles if matches(a, self.needle) and (not self.only_new or a.id in self.new)]
        if len(self.stories) < 2:
            return self._article_options(shown)
        options: list[Option | None] = []
        placed: set[str] = set()
        for number, story in enumerate(self.stories, 1):
            members = set(story.articles)
            mine = [a for a in shown if a.id in members]
            placed |= members
            if mine:
                prompt = story_prompt(story, number, len(self.stories), story.id == self.shown_story)
                options += [Option(prompt, id=STORY_PREFIX + story.id), *self._article_options(mine)]
        return options + self._article_options([a for a in shown if a.id not in placed])

    def _article_options(self, articles: Iterable[Article]) -> list[Option | None]:
        options: list[Option | None] = []
        for a in articles:
            options += [Option(article_prompt(a, a.id in self.used, a.id in self.new), id=a.id), None]
        return options

    def set_stories(self, stories: tuple[Story, ...], shown: str | None) -> None:
        """Group the list by these stories and mark the one the panels show."""
        if (stories, shown) != (self.stories, self.shown_story):
            self.stories, self.shown_story = stories, shown
            self._rebuild()

    def select_story(self, story_id: str) -> None:
        """Put the cursor on a story's header row, scrolled to the top so its articles show below it."""
        try:
            self.highlighted = self.get_option_index(STORY_PREFIX + story_id)
        except OptionDoesNotExist:
            return
        self.scroll_to_highlight(top=True)

    def add_articles(self, articles: Iterable[Article]) -> None:
        """Append newly loaded articles (as they arrive), keeping the highlight where it was."""
        fresh = list(articles)
        self.articles.extend(fresh)
        if self.order != "loaded" or len(self.stories) > 1:  # a sorted or grouped list takes them in their place
            self._rebuild()
            return
        self.add_options(self._make_options(fresh))
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def refilter(self, needle: str) -> None:
        self.needle = needle
        self._rebuild()

    def mark_used(self, used: frozenset[str]) -> None:
        if used != self.used:
            self.used = used
            self._rebuild()

    def select_article(self, article_id: str) -> bool:
        """Highlight an article by id; clears the filter if it hides it."""
        try:
            self.highlighted = self.get_option_index(article_id)
        except OptionDoesNotExist:  # hidden by the filter
            if not self.needle and not self.only_new:
                return False
            self.only_new = False
            self.refilter("")
            self.highlighted = self.get_option_index(article_id)
        return True

    def _rebuild(self) -> None:
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.set_options(self._make_options(self._ordered()))
        if keep is not None:
            try:
                self.highlighted = self.get_option_index(keep)
                return
            except OptionDoesNotExist:
                pass
        self.highlighted = 0 if self.option_count else None
