"""The long work behind the main screen: loading, the analysis and summaries, in thread workers.

The threads mostly wait: files are read and the analysis runs in worker processes
(loading.py, briefing.analysis), so the screen's thread keeps the interpreter.

A widget with nothing to show: it owns the workers so the screen only reacts to
what they post (ArticlesLoaded, LoadProgress, LoadFinished, AnalysisReady,
SummaryReady, WorkFailed), which bubble up to it. Workers never touch widgets.
Before a worker analyses anything it loads the analysis engine (engine.py), so
two of them never import NLTK and sumy at the same moment.
"""

from __future__ import annotations

from textual import on, work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from briefing.config import Settings, SummarySettings
from briefing.models import Article, LoadWarning
from briefing.tui.engine import ensure_loaded
from briefing.tui.heap import keep_for_good
from briefing.tui.loading import load_batches
from briefing.tui.messages import (
    AnalysisReady,
    ArticlesLoaded,
    LoadFinished,
    LoadProgress,
    SummaryReady,
    WorkFailed,
)
from briefing.tui.safe import one_line
from briefing.tui.session import Session, SummaryKey, plan_batches, summary_key

RETRYABLE = ("analyse", "summary")  # worker groups a user can run again with the retry key
# How long the cursor must rest on an article before its summary is computed. Walking the
# list with j/k started one summary per article passed, each holding the interpreter in this
# process (and repainting the reader when it came) while the next key waited.
SUMMARY_DELAY = 0.3
# Results of the analysis (summaries, each story's parts) are set aside from the garbage
# collector's sweeps every this many units as they come in (heap.py): they live on in the
# analysis, and swept again and again they made each full collection take up to half a second.
FREEZE_EVERY = 100


def failure_cause(error: BaseException | None) -> str:
    """Why a worker failed, on one line: its message, else the kind of error."""
    if error is None:
        return "unknown error"
    return one_line(str(error).strip() or type(error).__name__, 200).rstrip(".")


def failure_texts(failed: WorkFailed, retry_key: str) -> tuple[str, str | None, str | None]:
    """What a failure says: the toast, the summary line (a summary failed) and the status panel's
    line (the analysis failed), each naming the cause and the retry key when it applies."""
    retry = f" Press {retry_key} to retry." if failed.retryable else ""
    toast = f"{failed.description} failed: {failed.cause}.{retry}"
    summary = f"The summary could not be computed: {failed.cause}. ({retry_key} retries)" if failed.group == "summary" \
        else None
    panel = (f"The analysis failed: {failed.cause}.{retry} The articles can still be read."
             if failed.group == "analyse" else None)
    return toast, summary, panel


class BackgroundWork(Widget):
    """Starts the thread workers and reports their failures as `WorkFailed`."""

    DEFAULT_CSS = "BackgroundWork { display: none; }"

    def __init__(self, session: Session, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.running: set[SummaryKey] = set()  # summaries being computed, not to be started twice
        self._wanted: tuple[Article, SummarySettings] | None = None  # the summary waiting for the cursor to rest
        self._summary_timer: Timer | None = None

    @property
    def settings(self) -> Settings:
        return self.session.settings

    @work(thread=True, exit_on_error=False, group="load", description="Loading articles")
    def load_articles(self, paths: list[str], preloaded: list[Article] | None = None) -> None:
        worker = get_current_worker()
        settings = self.settings
        batches, warnings = plan_batches(paths, max_files=settings.ingest.max_files)
        total = sum(len(b) for b in batches)
        done = 0
        self.post_message(LoadProgress("Loading", 0, total))
        if preloaded:  # read already (the store's articles of today): shown at once
            self.post_message(ArticlesLoaded(list(preloaded), []))
        if warnings:
            self.post_message(ArticlesLoaded([], warnings))
        for batch in load_batches(batches, settings, cancelled=lambda: worker.is_cancelled):
            if worker.is_cancelled:
                return
            done += batch.files
            self.post_message(ArticlesLoaded(batch.articles, batch.warnings))
            self.post_message(LoadProgress("Loading", done, total))
        self.post_message(LoadFinished(done))

    @work(thread=True, exit_on_error=False, group="analyse", exclusive=True, description="Analysing")
    def analyse(self, articles: list[Article], warnings: list[LoadWarning]) -> None:
        # Only the summaries here (under the engine lock, never beside the summary thread importing them):
        # the digest, quotes and status run in the pool, and importing and warming them up in this
        # process (about a second of GIL) only delayed the keys. Nothing else imports them meanwhile.
        ensure_loaded(self.settings, "summaries")
        from briefing.analysis.pipeline import analyze

        frozen = [0]

        def progress(done: int, total: int) -> None:
            self.post_message(LoadProgress("Analysing", done, total))
            if done - frozen[0] >= FREEZE_EVERY:  # the results so far stay until the analysis is shown
                frozen[0] = done
                keep_for_good()

        analysis = analyze(articles, self.settings, progress=progress, warnings=warnings)
        self.post_message(AnalysisReady(analysis))

    @property
    def summary_pending(self) -> bool:
        """A summary waits for the cursor to rest (tests wait for it as for a worker)."""
        return self._wanted is not None

    def summarise(self, article: Article | None, settings: SummarySettings, wait: bool = False) -> None:
        """Compute this article's summary, unless it is already being computed; None: none is
        wanted now (the article shown has one). `wait`: the cursor moved here, so only once it
        has rested SUMMARY_DELAY seconds on it; else after the next paint (the text shows at
        once, the summary marks follow)."""
        self._wanted = None if article is None else (article, settings)
        if self._summary_timer is not None:
            self._summary_timer.stop()
            self._summary_timer = None
        if article is None:
            return
        if wait:
            self._summary_timer = self.set_timer(SUMMARY_DELAY, self._start_wanted)
        else:
            self.call_after_refresh(self._start_wanted)

    def _start_wanted(self) -> None:
        self._summary_timer = None
        wanted, self._wanted = self._wanted, None
        if wanted is None:
            return
        key = summary_key(wanted[0].id, wanted[1])
        if key not in self.running:
            self.running.add(key)
            self.compute_summary(*wanted)

    @work(thread=True, exit_on_error=False, group="summary", exclusive=True, description="Summarising")
    def compute_summary(self, article: Article, settings: SummarySettings) -> None:
        try:
            ensure_loaded(self.settings, "summaries")  # sumy and NLTK load here, not before the first screen
            from briefing.analysis.pipeline import summarize

            summary = summarize(article, settings)
            self.session.store_summary(summary, settings)
        finally:
            self.running.discard(summary_key(article.id, settings))
        self.post_message(SummaryReady(summary))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            group = event.worker.group
            self.post_message(WorkFailed(group, event.worker.description, failure_cause(event.worker.error),
                                         group in RETRYABLE))
