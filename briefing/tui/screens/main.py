"""The main screen: article list (left), reader (centre), conflict status (right).

Loading, the analysis and summaries run in thread workers owned by
`BackgroundWork`; their messages bubble up here and the handlers hand the data
down to the widgets. The highlighted article's summary at the current
length/algorithm is computed on demand and cached in the session. Changes to
the brief are announced with `BriefChanged` (the app autosaves).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static, TabbedContent, Tree

from briefing.models import Article
from briefing.tui.heap import keep_for_good
from briefing.tui.key_gate import release_keys
from briefing.tui.keymap import KeyDisplay, describe_binding
from briefing.tui.messages import (
    AnalysisReady,
    ArticlesLoaded,
    JumpTo,
    LoadFinished,
    LoadProgress,
    SummaryReady,
    WorkFailed,
)
from briefing.tui.open_url import open_article_url
from briefing.tui.pieces import add_focused, add_label
from briefing.tui.relayout import set_border_title, update_text
from briefing.tui.session import Session
from briefing.tui.stories import choose_story, show_story, switch_story
from briefing.tui.widgets.article_list import ArticleList, matches
from briefing.tui.widgets.reader import ArticleText, DigestList, QuoteList, Reader, SummaryText
from briefing.tui.widgets.status_pane import StatusPane
from briefing.tui.widgets.status_panel import StatusPanel
from briefing.tui.widgets.top_bar import TopBar
from briefing.tui.work import BackgroundWork, failure_texts

LARGE_ARTICLE = 400  # sentences; above this the reader waits for the list cursor to rest
TAB_WIDGETS: dict[str, type[Widget]] = {"tab-article": ArticleText, "tab-summary": SummaryText,
                                        "tab-quotes": QuoteList, "tab-digest": DigestList}


def visible_panes(screen: Screen[None]) -> list[Widget]:
    """The panes h/l move between, left to right: the list, the open tab, the status panel."""
    active = screen.query_one("#reader-tabs", TabbedContent).active
    panes = [screen.query_one(ArticleList), screen.query_one(TAB_WIDGETS.get(active, ArticleText)),
             screen.query_one(StatusPanel)]
    return [p for p in panes if p.parent is not None and all(n.display for n in p.ancestors_with_self
                                                               if isinstance(n, Widget) and n is not screen)]


class MainScreen(Screen[None]):
    """Triage: pick an article, read it, collect pieces for the brief."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-medium"), (160, "-wide")]

    BINDINGS = [
        Binding("slash", "filter", "Filter", tooltip="Filter the articles by text (Escape clears)", id="filter"),
        Binding("a", "add", "Add to brief",
                tooltip="Add the focused sentence, quote, figure or status line to its section", id="add"),
        Binding("plus,right_square_bracket", "summary_length(1)", "Longer summary", show=False, id="summary-longer"),
        Binding("minus,left_square_bracket", "summary_length(-1)", "Shorter summary", show=False,
                id="summary-shorter"),
        Binding("c", "cycle_algorithm", "Next summary algorithm", show=False, id="summary-algorithm"),
        Binding("1", "tab('tab-article')", "Article tab (sentence cursor)", show=False, id="tab-article"),
        Binding("2", "tab('tab-summary')", "Summary tab", show=False, id="tab-summary"),
        Binding("3", "tab('tab-quotes')", "Quotes tab", show=False, id="tab-quotes"),
        Binding("4", "tab('tab-digest')", "Digest tab (the story shown)", show=False, id="tab-digest"),
        Binding("h", "pane(-1)", "Pane to the left", show=False, id="pane-left"),
        Binding("l", "pane(1)", "Pane to the right", show=False, id="pane-right"),
        Binding("s", "toggle_status", "Status panel", show=False,
                tooltip="Show or hide the conflict-status panel on narrow terminals", id="toggle-status"),
        Binding("escape", "escape", "Clear filter / back to list", show=False, id="escape"),
        Binding("o", "open_url", "Open in browser", show=False,
                tooltip="Open the article's web address in the browser and copy it (OSC 52)", id="open-url"),
        Binding("r", "retry", "Retry", tooltip="Run the analysis or summary that failed again (shown while one has)",
                id="retry"),
        Binding("S", "next_story", "Next story", id="next-story", tooltip="Show the next story in the status "
                "panel, digest and quotes (when several are loaded; Enter on a story's row shows that one)"),
    ]

    def __init__(self, paths: Sequence[str], session: Session, keys: KeyDisplay, articles: Sequence[Article] = ()) -> None:
        super().__init__()
        self.paths, self.session, self.keys = list(paths), session, keys
        self.preloaded = list(articles)  # read already (the store's articles of today)
        self._shown_id: str | None = None
        self._pending_show: Timer | None = None
        self._stage = ""
        self.failed: dict[str, str] = {}  # worker group -> why it failed, while a retry applies
        self._summary_failure: tuple[str | None, str | None] = (None, None)  # (article shown, what it said)

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(placeholder="filter: title, outlet, text", id="filter")
                yield ArticleList(id="articles")
                yield Static(id="warnings-line", markup=False)
            yield Reader(id="reader")
            yield StatusPane(id="status-pane")
        yield BackgroundWork(self.session)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#left").border_title = "Articles"
        self.refresh_brief_state()
        self.set_focus(self.query_one(ArticleList))
        self.query_one(BackgroundWork).load_articles(self.paths, self.preloaded)

    # -- messages from the workers -----------------------------------------------------------

    def on_work_failed(self, message: WorkFailed) -> None:
        """Say what failed and why in one line; the analysis and a summary can be retried (r)."""
        toast, summary_line, panel_line = failure_texts(message, self.keys("retry"))
        if message.retryable:
            self.failed[message.group] = message.cause
            self.refresh_bindings()
        self.notify(toast, title="Error", severity="error", timeout=10, markup=False)
        if summary_line:
            self._summary_failure = (self._shown_id, summary_line)
            self.query_one("#summary-info", Static).update(Content.styled(summary_line, "$error"))
        if message.group in ("load", "analyse"):
            self._stage = ""
            self.query_one(TopBar).hide_progress()
        if panel_line:
            self.query_one(StatusPanel).show_message(panel_line)
        self.refresh_topbar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The retry key is offered (and shown in the footer) only while something has failed;
        the story key only while several stories are loaded."""
        return {"retry": bool(self.failed), "next_story": len(self.session.stories) > 1}.get(action, True)

    def action_next_story(self) -> None:
        switch_story(self)

    @on(ArticleList.StoryChosen)
    def _story_chosen(self, message: ArticleList.StoryChosen) -> None:
        choose_story(self, message.story_id)

    def action_retry(self) -> None:
        failed, self.failed = self.failed, {}
        self.refresh_bindings()
        if "analyse" in failed and self.session.articles:
            self.query_one(StatusPanel).show_status(None, {})
            self.query_one(BackgroundWork).analyse(list(self.session.articles.values()), list(self.session.warnings))
        current = self.query_one(ArticleList).current
        if "summary" in failed and current is not None:
            self.show_article(current, keep_cursor=True)

    def _no_longer_failed(self, group: str) -> None:
        if self.failed.pop(group, None) is not None:
            self.refresh_bindings()

    def on_load_progress(self, message: LoadProgress) -> None:
        self.query_one(TopBar).progress(message.done, message.total)
        self._stage = f"{message.stage} {message.done}/{message.total}"
        self.refresh_topbar()

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        fresh = self.session.add_articles(message.articles)
        keep_for_good()  # the articles: out of the collector's sweeps (heap.py)
        self.session.warnings.extend(message.warnings)
        self.query_one(ArticleList).add_articles(fresh)
        self.refresh_topbar()

    def on_load_finished(self, message: LoadFinished) -> None:
        self._stage = ""
        articles = list(self.session.articles.values())
        if not articles:
            self.query_one(Reader).show_header(None)
            self.notify(f"No article could be loaded; press {self.keys('warnings')} to see why.", severity="warning",
                        markup=False)
            self.query_one(StatusPanel).show_message("No articles.")
            self.refresh_topbar()
            return
        # Started once the filled screen is on the terminal: the analysis thread shares
        # the interpreter with the UI and would otherwise delay that first paint.
        self.call_after_refresh(self.query_one(BackgroundWork).analyse, articles, list(self.session.warnings))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._stage = ""
        self._no_longer_failed("analyse")
        self.session.set_analysis(message.analysis)
        keep_for_good()
        self.query_one(TopBar).hide_progress()
        show_story(self)  # the status panel, the digest and the list's story rows
        current = self.query_one(ArticleList).current
        if current is not None:
            if self.session.summary_for(current.id) is not None:  # the analysis brought the summary that failed
                self._no_longer_failed("summary")
            self.show_article(current, keep_cursor=True)
        self.refresh_brief_state()

    def on_summary_ready(self, message: SummaryReady) -> None:
        self._no_longer_failed("summary")
        current = self.query_one(ArticleList).current
        if current is not None and current.id == message.summary.article_id:
            self.show_article(current, keep_cursor=True)

    # -- showing an article -----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        article = self.session.articles.get(event.option_id or "")
        if self._pending_show is not None:
            self._pending_show.stop()
            self._pending_show = None
        if article is None or article.id == self._shown_id:
            return
        if len(article.sentences) > LARGE_ARTICLE:
            # laying out thousands of sentences takes a moment: wait until the cursor rests here
            self._pending_show = self.set_timer(0.2, lambda: self._show_if_current(article))
        else:
            self.show_article(article)

    def _show_if_current(self, article: Article) -> None:
        self._pending_show = None
        current = self.query_one(ArticleList).current
        if current is not None and current.id == article.id:
            self.show_article(article)

    @on(ArticleList.Opened)
    def _open_reader(self, message: ArticleList.Opened) -> None:
        if self._pending_show is not None:
            self._pending_show.stop()
            self._show_if_current(message.article)
        self.action_tab(self.query_one("#reader-tabs", TabbedContent).active or "tab-article")
        release_keys(self)

    def show_article(self, article: Article, keep_cursor: bool = False) -> None:
        """Fill the three tabs for this article; start its summary if it is not known yet."""
        self._shown_id = article.id
        summary = self.session.summary_for(article.id)
        shown_id, failure = self._summary_failure
        # a failed summary stays said (and is not retried behind the user's back) until r
        failure = failure if summary is None and shown_id == article.id and "summary" in self.failed else None
        wanted = article if summary is None and failure is None else None
        self.query_one(BackgroundWork).summarise(wanted, self.session.summary_settings, wait=not keep_cursor)
        longer, shorter, cycle = (self.keys(i) for i in ("summary-longer", "summary-shorter", "summary-algorithm"))
        self.query_one(Reader).show_article(article, summary, self.session.quotes_for(article.id),
                                            self.session.titles(), f"{longer}/{shorter} length · {cycle} algorithm",
                                            keep_cursor=keep_cursor)
        if failure is not None:
            self.query_one("#summary-info", Static).update(Content.styled(failure, "$error"))

    def on_jump_to(self, message: JumpTo) -> None:
        self.jump_to(message.article_id, message.sentence)

    def jump_to(self, article_id: str, sentence: int) -> None:
        article = self.session.articles.get(article_id)
        if article is None:
            return
        if self._shown_id != article_id:
            self.show_article(article)
        listed = self.query_one(ArticleList)
        if listed.needle and not matches(article, listed.needle):  # the filter hides it: clear the filter
            self._clear_filter()
        listed.select_article(article_id)
        self.query_one("#reader-tabs", TabbedContent).active = "tab-article"
        text = self.query_one(ArticleText)
        text.goto_sentence(sentence)
        self.set_focus(text)

    # -- top bar ----------------------------------------------------------------------------

    @on(ArticleList.Sorted)
    @on(ArticleList.NewShown)
    def refresh_topbar(self) -> None:
        s = self.session
        listed = self.query_one(ArticleList)
        count = len(s.articles)
        order = ("" if listed.order == "loaded" else f" by {listed.order}") + (", new only" if listed.only_new else "")
        shown = f"{listed.shown} of {count}" if listed.needle or listed.only_new else f"{count}"
        set_border_title(self.query_one("#left"), f"Articles {shown}{order}")
        self.query_one(TopBar).show(count, len(s.brief.items), s.page_meter(), s.unsaved, self._stage)
        warn = self.query_one("#warnings-line", Static)
        warn.display = bool(s.warnings)
        update_text(warn, Content.styled(f"⚠ {len(s.warnings)} input(s) not loaded ({self.keys('warnings')})",
                                         "$warning"))

    @on(events.DescendantFocus)
    @on(Tree.NodeHighlighted)
    def _describe_add(self) -> None:
        """The footer says what the add key adds from the focused pane ("a Add figure")."""
        describe_binding(self, "add", add_label(self.focused))

    def action_open_url(self) -> None:  # the highlighted article in the list, else the one in the reader
        listed = self.query_one(ArticleList)
        open_article_url(self.app, listed.current if self.focused is listed else self.session.articles.get(
            self._shown_id or ""))

    def refresh_brief_state(self) -> None:
        """After any change to the brief: marks in the list, the meter."""
        self.query_one(ArticleList).mark_used(self.session.used_articles())
        self.refresh_topbar()

    # -- actions ----------------------------------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        self.set_focus(box)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(ArticleList).refilter(event.value.strip())
        self.refresh_topbar()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.query_one(ArticleList))
        if not event.value.strip():
            event.input.display = False

    def action_escape(self) -> None:
        self._clear_filter()
        self.set_focus(self.query_one(ArticleList))

    def _clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.display or box.value:
            box.value, box.display = "", False
            self.query_one(ArticleList).refilter("")
            self.refresh_topbar()

    def action_tab(self, tab: str) -> None:
        self.query_one("#reader-tabs", TabbedContent).active = tab
        self.set_focus(self.query_one(TAB_WIDGETS[tab]))

    def action_pane(self, delta: int) -> None:
        panes = visible_panes(self)
        if panes:
            index = next((i for i, p in enumerate(panes) if p is self.focused), 0)
            self.set_focus(panes[(index + delta) % len(panes)])

    def action_toggle_status(self) -> None:
        self.toggle_class("show-status")
        self.set_focus(self.query_one(StatusPanel) if self.has_class("show-status") else self.query_one(ArticleList))

    def action_summary_length(self, delta: int) -> None:
        self.session.change_length(delta)
        self._summary_changed()

    def action_cycle_algorithm(self) -> None:
        self.session.cycle_algorithm()
        self._summary_changed()

    def _summary_changed(self) -> None:
        if (current := self.query_one(ArticleList).current) is not None:
            self.show_article(current, keep_cursor=True)

    def action_add(self) -> None:
        """Add whatever is focused (sentence, quote, figure, status line) to its section."""
        add_focused(self)
