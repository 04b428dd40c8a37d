"""The main screen: article list (left), reader (centre), conflict status (right).

Loading and analysis run in thread workers that only post messages; the
handlers here update the widgets. The highlighted article's summary at the
current length/algorithm is computed on demand in its own worker and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static, TabbedContent, Tree
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from briefing.brief.model import DuplicateItemError
from briefing.config import SummarySettings
from briefing.ingest import load_paths
from briefing.models import Article, LoadWarning
from briefing.tui.messages import AnalysisReady, ArticlesLoaded, JumpTo, LoadFinished, LoadProgress, SummaryReady
from briefing.tui.safe import clean, one_line
from briefing.tui.pieces import piece_for
from briefing.tui.session import SummaryKey, plan_batches, summary_key
from briefing.tui.widgets.article_list import ArticleList, matches
from briefing.tui.widgets.reader import ArticleText, DigestList, QuoteList, Reader, SummaryText
from briefing.tui.widgets.status_panel import Entry, StatusPanel

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

LARGE_ARTICLE = 400  # sentences; above this the reader waits for the list cursor to rest


class MainScreen(Screen):
    """Triage: pick an article, read it, collect pieces for the brief."""

    app: BriefingApp

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
        Binding("4", "tab('tab-digest')", "Digest tab (all articles)", show=False, id="tab-digest"),
        Binding("h", "pane(-1)", "Pane to the left", show=False, id="pane-left"),
        Binding("l", "pane(1)", "Pane to the right", show=False, id="pane-right"),
        Binding("s", "toggle_status", "Status panel", show=False,
                tooltip="Show or hide the conflict-status panel on narrow terminals", id="toggle-status"),
        Binding("escape", "escape", "Clear filter / back to list", show=False, id="escape"),
    ]

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__()
        self.paths = list(paths)
        self._shown_id: str | None = None
        self._status_shown = False
        self._pending_show: Timer | None = None
        self._summaries_running: set[SummaryKey] = set()

    @property
    def session(self):
        return self.app.session

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="topbar-text", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(placeholder="filter: title, outlet, text", id="filter")
                yield ArticleList(on_open=self._open_reader, id="articles")
                yield Static(id="warnings-line", markup=False)
            yield Reader(id="reader")
            yield StatusPanel(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.query_one("#left").border_title = "Articles"
        self.query_one("#reader").border_title = "Reader"
        self.query_one(StatusPanel).border_title = "Conflict status"
        self.query_one(StatusPanel).show_status(None, {})
        self.query_one(Reader).show_header(None)
        self.query_one("#digest-info", Static).update(Content("The digest appears when the analysis is done."))
        self.refresh_brief_state()
        self.set_focus(self.query_one(ArticleList))
        self.load_articles(self.paths)

    # -- workers --------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", description="Loading articles")
    def load_articles(self, paths: list[str]) -> None:
        worker = get_current_worker()
        settings = self.app.settings
        batches, warnings = plan_batches(paths, max_files=settings.ingest.max_files)
        total = sum(len(b) for b in batches)
        done = 0
        self.post_message(LoadProgress("Loading", 0, total))
        if warnings:
            self.post_message(ArticlesLoaded([], warnings))
        for batch in batches:
            if worker.is_cancelled:
                return
            try:
                result = load_paths(batch, settings.ingest, language=settings.summary.language, cache=settings.cache)
                loaded, warnings = list(result.articles), list(result.warnings)
            except Exception as error:  # a bug in one batch must not lose the others
                loaded = []
                warnings = [LoadWarning(str(p), f"could not be loaded ({type(error).__name__}: {error})") for p in batch]
            done += len(batch)
            self.post_message(ArticlesLoaded(loaded, warnings))
            self.post_message(LoadProgress("Loading", done, total))
        self.post_message(LoadFinished(done))

    @work(thread=True, exit_on_error=False, group="analyse", exclusive=True, description="Analysing")
    def analyse(self, articles: list[Article], warnings: list[LoadWarning]) -> None:
        from briefing.analysis.pipeline import analyze  # imported off the UI thread, after the first screen

        def progress(done: int, total: int) -> None:
            self.post_message(LoadProgress("Analysing", done, total))

        analysis = analyze(articles, self.app.settings, progress=progress, warnings=warnings)
        self.post_message(AnalysisReady(analysis))

    @work(thread=True, exit_on_error=False, group="summary", exclusive=True, description="Summarising")
    def compute_summary(self, article: Article, settings: SummarySettings) -> None:
        from briefing.analysis.summarize import summarize  # sumy and numpy load here, not before the first screen

        try:
            summary = summarize(article, settings)
            self.session.store_summary(summary, settings)
        finally:
            self._summaries_running.discard(summary_key(article.id, settings))
        self.post_message(SummaryReady(summary))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        self.notify(
            f"{event.worker.description} failed: {one_line(error, 300)}",
            title="Error",
            severity="error",
            timeout=10,
            markup=False,
        )
        if event.worker.group == "summary":
            self.query_one("#summary-info", Static).update(
                Content.styled("The summary could not be computed at this length/algorithm.", "$error")
            )
        if event.worker.group in ("load", "analyse"):
            self._stage = ""
            self.query_one("#progress", ProgressBar).display = False
            if event.worker.group == "analyse":
                self.query_one(StatusPanel).show_message("The analysis failed; the articles can still be read.")
        self.refresh_topbar()

    # -- messages from workers -------------------------------------------------------------

    def on_load_progress(self, message: LoadProgress) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.display = message.done < message.total
        bar.update(total=max(message.total, 1), progress=message.done)
        self._stage = f"{message.stage} {message.done}/{message.total}"
        self.refresh_topbar()

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        fresh = self.session.add_articles(message.articles)
        self.session.warnings.extend(message.warnings)
        self.query_one(ArticleList).add_articles(fresh)
        self.refresh_topbar()

    def on_load_finished(self, message: LoadFinished) -> None:
        self._stage = ""
        articles = list(self.session.articles.values())
        if not articles:
            self.query_one(Reader).show_header(None)
            key = self.app.key_for("warnings")
            self.notify(f"No article could be loaded; press {key} to see why.", severity="warning", markup=False)
            self.query_one(StatusPanel).show_message("No articles.")
            self.refresh_topbar()
            return
        # Started once the filled screen is on the terminal: the analysis thread shares
        # the interpreter with the UI and would otherwise delay that first paint.
        self.call_after_refresh(self.analyse, articles, list(self.session.warnings))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._stage = ""
        self.session.analysis = message.analysis
        self.query_one("#progress", ProgressBar).display = False
        self.query_one(StatusPanel).show_status(
            message.analysis.status, self.session.titles(), message.analysis.articles
        )
        current = self.query_one(ArticleList).current
        if current is not None:
            self.show_article(current, keep_cursor=True)
        self._show_digest()
        self.refresh_brief_state()

    def _show_digest(self) -> None:
        analysis = self.session.analysis
        digest = analysis.digest if analysis else ()
        self.query_one("#digest-info", Static).update(
            Content(f"{len(digest)} key development(s) across all {len(self.session.articles)} article(s), "
                    "each once with every outlet that reports it.")
        )
        self.query_one(DigestList).show(digest, self.session.titles())

    def on_summary_ready(self, message: SummaryReady) -> None:
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

    def _open_reader(self) -> None:
        current = self.query_one(ArticleList).current
        if self._pending_show is not None and current is not None:
            self._pending_show.stop()
            self._show_if_current(current)
        self.action_tab(self.query_one("#reader-tabs", TabbedContent).active or "tab-article")

    def show_article(self, article: Article, keep_cursor: bool = False) -> None:
        """Fill the three tabs for this article; start its summary if it is not known yet."""
        self._shown_id = article.id
        reader = self.query_one(Reader)
        reader.show_header(article)
        summary = self.session.summary_for(article.id)
        reader.show_summary_info(summary, pending=summary is None, keys=self._summary_keys())
        if summary is None:
            self._start_summary(article)
        if summary is not None or not keep_cursor:  # while a new length is computed, keep the old marks
            indexes = summary.indexes if summary else ()
            self.query_one(ArticleText).show(article, indexes, keep_cursor=keep_cursor)
            self.query_one(SummaryText).show(article, indexes)
        self._show_quotes(article)

    def _start_summary(self, article: Article) -> None:
        settings = self.session.summary_settings
        key = summary_key(article.id, settings)
        if key not in self._summaries_running:
            self._summaries_running.add(key)
            # After the next paint: the article's text shows at once, the summary marks follow.
            self.call_after_refresh(self.compute_summary, article, settings)

    def _summary_keys(self) -> str:
        """The keys in effect (after the user's keymap) for the summary hint line."""
        longer, shorter, cycle = (self.app.key_for(i) for i in ("summary-longer", "summary-shorter", "summary-algorithm"))
        return f"{longer}/{shorter} length · {cycle} algorithm"

    def _show_quotes(self, article: Article) -> None:
        info = self.query_one("#quotes-info", Static)
        analysis = self.session.analysis
        if analysis is None:
            info.update(Content("Quotes appear when the analysis is done."))
            self.query_one(QuoteList).show((), {})
            return
        quotes = [q for q in analysis.quotes if article.id in q.articles]
        info.update(Content(f"{len(quotes)} quotation(s) in this article, best first; all articles: {len(analysis.quotes)}"))
        self.query_one(QuoteList).show(quotes, self.session.titles())

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

    @on(OptionList.OptionSelected, "#summary-text")
    def _summary_sentence_selected(self, event: OptionList.OptionSelected) -> None:
        if self._shown_id is not None and event.option_id is not None:
            self.jump_to(self._shown_id, int(event.option_id))

    @on(OptionList.OptionSelected, "#digest-list")
    def _digest_selected(self, event: OptionList.OptionSelected) -> None:
        sentence = self.query_one(DigestList).current
        if sentence is not None:
            self.jump_to(sentence.origin.article_id, sentence.origin.sentence)

    @on(OptionList.OptionSelected, "#quote-list")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        quote = self.query_one(QuoteList).current
        if quote is None or not quote.locations:
            return
        here = next((r for r in quote.locations if r.article_id == self._shown_id), quote.locations[0])
        self.jump_to(here.article_id, here.sentence)

    @on(Tree.NodeSelected, "#status")
    def _status_selected(self, event: Tree.NodeSelected) -> None:
        entry = event.node.data
        if isinstance(entry, Entry) and entry.ref is not None:
            self.jump_to(entry.ref.article_id, entry.ref.sentence)

    # -- top bar ----------------------------------------------------------------------------

    _stage = ""

    def refresh_topbar(self) -> None:
        s = self.session
        listed = self.query_one(ArticleList)
        count = len(s.articles)
        shown = f"{listed.shown} of {count}" if listed.needle else f"{count}"
        self.query_one("#left").border_title = f"Articles {shown}"
        report = self.app.budget()
        meter = Content.styled(f"{report.words}/{report.limit} words", "bold $error" if not report.fits else "$success")
        parts: list = [
            ("briefing", "bold $accent"),
            f"  {count} article(s)  ·  brief: {len(s.brief.items)} item(s), ",
            meter,
        ]
        if not report.fits:
            parts.append((" OVER ONE PAGE", "bold $error"))
        if s.unsaved:
            parts.append(("  · unsaved", "$warning"))
        if self._stage:
            parts.append((f"  · {self._stage}", "$text-muted"))
        self.query_one("#topbar-text", Static).update(Content.assemble(*parts))
        warn = self.query_one("#warnings-line", Static)
        warn.display = bool(s.warnings)
        key = self.app.key_for("warnings")
        warn.update(Content.styled(f"⚠ {len(s.warnings)} input(s) not loaded ({key})", "$warning"))

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
            box.value = ""
            box.display = False
            self.query_one(ArticleList).refilter("")
            self.refresh_topbar()

    def action_tab(self, tab: str) -> None:
        self.query_one("#reader-tabs", TabbedContent).active = tab
        target = {"tab-article": ArticleText, "tab-summary": SummaryText, "tab-quotes": QuoteList,
                  "tab-digest": DigestList}[tab]
        self.set_focus(self.query_one(target))

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.query_one(ArticleList)]
        tabs = self.query_one("#reader-tabs", TabbedContent)
        tab_lists = {"tab-summary": SummaryText, "tab-quotes": QuoteList, "tab-digest": DigestList}
        panes.append(self.query_one(tab_lists.get(tabs.active, ArticleText)))
        panes.append(self.query_one(StatusPanel))
        return [p for p in panes if p.display and p.parent is not None and self._visible(p)]

    def _visible(self, widget: Widget) -> bool:
        node: Widget | None = widget
        while node is not None and node is not self:
            if not node.display:
                return False
            node = node.parent  # type: ignore[assignment]
        return True

    def action_pane(self, delta: int) -> None:
        panes = self._panes()
        if not panes:
            return
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if p is focused), 0)
        self.set_focus(panes[(index + delta) % len(panes)])

    def action_toggle_status(self) -> None:
        self._status_shown = not self._status_shown
        self.set_class(self._status_shown, "show-status")
        if self._status_shown:
            self.set_focus(self.query_one(StatusPanel))
        else:
            self.set_focus(self.query_one(ArticleList))

    def action_summary_length(self, delta: int) -> None:
        self.session.change_length(delta)
        self._summary_changed()

    def action_cycle_algorithm(self) -> None:
        self.session.cycle_algorithm()
        self._summary_changed()

    def _summary_changed(self) -> None:
        current = self.query_one(ArticleList).current
        if current is not None:
            self.show_article(current, keep_cursor=True)
        else:
            self.query_one(Reader).show_summary_info(None)

    def action_add(self) -> None:
        """Add whatever is focused (sentence, quote, figure, status line) to its section."""
        picked = piece_for(self.focused, self.session)
        if picked is None and isinstance(self.focused, ArticleList):
            keys = " · ".join(f"{self.app.key_for(f'tab-{t}')} {t}" for t in ("article", "summary", "quotes", "digest"))
            self.notify(
                f"Articles are added a piece at a time: open this one with Enter (or {keys}), "
                f"then press {self.app.key_for('add')} on a sentence, quote or digest line.",
                severity="information",
                markup=False,
            )
            return
        if picked is None:
            self.notify(
                "Nothing to add here: focus a sentence, a quote, a figure or a status line "
                "(open an entry with Enter to see its sentences).",
                severity="warning",
                markup=False,
            )
            return
        text, origin = picked
        try:
            item = self.session.brief.add(text, origin)
        except DuplicateItemError as e:  # already there: say where, rather than add it twice
            self.notify(f"{e} {one_line(e.existing.text, 60)}", severity="warning", markup=False, timeout=4)
            return
        section = self.session.brief.section(item.section)
        heading = section.heading if section else item.section
        self.notify(f"Added to {clean(heading)}: {one_line(text, 60)}", markup=False, timeout=3)
        self.app.brief_changed()
