"""A failed analysis or summary names its cause in one line and is retried with a key.

The key is offered (footer, bindings) only while something has failed.
"""

from __future__ import annotations


from textual.notifications import Notify
from textual.worker import get_current_worker

import briefing.analysis.pipeline as pipeline
from briefing.tui.widgets.reader import Reader
from briefing.tui.widgets.status_panel import StatusPanel
from tui_driving import hold_analysis  # tests/tui is on the path


def _fail_once(monkeypatch, name: str, message: str, group: str) -> list[int]:
    """Make pipeline.<name> raise `message` on its first call from a worker of `group`; returns those calls."""
    real = getattr(pipeline, name)
    calls: list[int] = []

    def flaky(*args, **kwargs):
        if get_current_worker().group == group:
            calls.append(1)
            if len(calls) == 1:
                raise RuntimeError(message)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, name, flaky)
    return calls


def _panel_text(panel: StatusPanel) -> str:
    return " ".join(str(node.label) for node in panel.root.children)


async def test_a_failed_analysis_says_why_and_r_runs_it_again(build_app, seed_paths, settle, monkeypatch) -> None:
    calls = _fail_once(monkeypatch, "analyze", "the lexicon could not be read\nsecond line", "analyse")
    seen: list = []
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48), message_hook=seen.append) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app.main_screen.failed:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.main_screen
        assert screen.failed == {"analyse": "the lexicon could not be read second line"}
        errors = [m.notification.message for m in seen if isinstance(m, Notify)
                  and m.notification.severity == "error"]
        assert errors == ["Analysing failed: the lexicon could not be read second line. Press r to retry."]
        panel = screen.query_one(StatusPanel)
        assert "The analysis failed: the lexicon could not be read second line. Press r to retry. The articles can still be read." in _panel_text(panel)
        assert "r" in screen.active_bindings  # shown in the footer while it applies

        await pilot.press("r")
        await settle(app, pilot)
        assert len(calls) == 2
        assert app.session.analysis is not None
        assert screen.failed == {}
        assert "r" not in screen.active_bindings
        assert "Trend" in _panel_text(panel)



async def test_a_failed_summary_says_why_and_r_computes_it_again(build_app, seed_paths, settle, monkeypatch) -> None:
    _fail_once(monkeypatch, "summarize", "no stemmer for this language", "summary")
    analysis_may_run = hold_analysis(monkeypatch)
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app.main_screen.failed:
                break
        await pilot.pause()
        screen = app.main_screen
        screen.show_article(screen.query_one("#articles").current, keep_cursor=True)  # a re-render keeps it said
        assert screen.failed == {"summary": "no stemmer for this language"}
        info = str(screen.query_one("#summary-info").render())
        assert "The summary could not be computed: no stemmer for this language. (r retries)" in info

        await pilot.press("r")
        current = screen.query_one("#articles").current
        for _ in range(400):
            await pilot.pause(0.05)
            if app.session.summary_for(current.id) is not None:
                break
        assert app.session.summary_for(current.id) is not None, "r computed it (the analysis is still held)"
        analysis_may_run.set()
        await settle(app, pilot)
        assert screen.failed == {}
        assert "r" not in screen.active_bindings
        assert screen.query_one(Reader) is not None


async def test_a_summary_the_analysis_brings_ends_the_failure(build_app, seed_paths, settle, monkeypatch) -> None:
    _fail_once(monkeypatch, "summarize", "no stemmer for this language", "summary")
    analysis_may_run = hold_analysis(monkeypatch)
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app.main_screen.failed:
                break
        assert app.main_screen.failed == {"summary": "no stemmer for this language"}
        analysis_may_run.set()  # the analysis summarises every article itself
        await settle(app, pilot)
        screen = app.main_screen
        assert screen.failed == {} and "r" not in screen.active_bindings
        assert "Algorithm: " in str(screen.query_one("#summary-info").render())


async def test_no_retry_key_when_nothing_failed(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        assert "r" not in app.main_screen.active_bindings
        await pilot.press("r")  # does nothing, says nothing
        assert app.main_screen.failed == {}
