"""A key costs the screen little: work a cursor move triggers waits until the cursor rests.

Walking the list with j/k used to start one summary per article passed, each
holding the interpreter in the app's process and repainting the reader when it
came, while the next key waited.
"""

from __future__ import annotations


from textual.worker import get_current_worker

import briefing.analysis.pipeline as pipeline
import briefing.tui.work as work_module
from briefing.tui.work import BackgroundWork
from tui_driving import hold_analysis  # tests/tui is on the path


def _summaries_computed(monkeypatch) -> list[str]:
    """The ids of the articles the summary worker summarises (not the analysis)."""
    real, seen = pipeline.summarize, []

    def counted(article, settings):
        if get_current_worker().group == "summary":
            seen.append(article.id)
        return real(article, settings)

    monkeypatch.setattr(pipeline, "summarize", counted)
    return seen



async def _until(pilot, condition) -> None:
    for _ in range(600):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not met")


async def test_walking_the_list_summarises_only_the_article_the_cursor_rests_on(build_app, seed_paths, settle,
                                                                               monkeypatch) -> None:
    computed = _summaries_computed(monkeypatch)
    analysis_may_run = hold_analysis(monkeypatch)
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        listed = app.main_screen.query_one("#articles")
        work = app.main_screen.query_one(BackgroundWork)
        await _until(pilot, lambda: listed.current is not None and app.session.summary_for(listed.current.id))
        first = listed.current.id
        assert computed == [first]

        monkeypatch.setattr(work_module, "SUMMARY_DELAY", 60.0)  # the cursor never rests while the keys come
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert computed == [first], "no summary for the articles passed"
        assert work.summary_pending
        assert "Summarising" in str(app.main_screen.query_one("#summary-info").render())

        monkeypatch.setattr(work_module, "SUMMARY_DELAY", 0.05)
        await pilot.press("k", "j")  # back and forth: it rests on the third article below the first
        rested = listed.current.id
        await _until(pilot, lambda: app.session.summary_for(rested) is not None)
        assert computed == [first, rested]
        assert not work.summary_pending
        analysis_may_run.set()
        await settle(app, pilot)


async def test_a_longer_summary_is_computed_at_once(build_app, seed_paths, settle, monkeypatch) -> None:
    computed = _summaries_computed(monkeypatch)
    analysis_may_run = hold_analysis(monkeypatch)
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        listed = app.main_screen.query_one("#articles")
        await _until(pilot, lambda: listed.current is not None and app.session.summary_for(listed.current.id))
        monkeypatch.setattr(work_module, "SUMMARY_DELAY", 60.0)  # only moves of the cursor wait for it
        await pilot.press("plus")
        await _until(pilot, lambda: len(computed) == 2)
        assert computed == [listed.current.id] * 2
        analysis_may_run.set()
        await settle(app, pilot)


def _composed(app, widget) -> list[list[tuple[str, object]]]:
    """The widget's rows as the screen shows them (segments: text and style)."""
    strips = app.screen._compositor.render_strips()
    region = widget.region
    return [[(seg.text, seg.style) for seg in strips[y].crop(region.x, region.right)] for y in region.line_range]


async def test_a_cursor_move_repaints_two_options_and_leaves_nothing_stale(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.query_one("#articles")
        listed.action_cursor_down()  # what j does, without waiting for the repaint
        repainted = listed._repaint_regions
        assert 0 < len(repainted) <= 2, "only the two options' lines"
        assert sum(r.height for r in repainted) < listed.size.height / 2
        await pilot.pause()
        shown = _composed(app, listed)
        listed._styles_cache.clear()  # everything drawn anew
        listed.refresh()
        await pilot.pause()
        assert shown == _composed(app, listed), "the screen shows what a full repaint shows"


async def test_counts_that_did_not_change_repaint_nothing(build_app, seed_paths, settle) -> None:
    """The top bar and the list's title are told the counts on every loading step."""
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        screen.refresh_topbar()
        await pilot.pause()
        screen.refresh_topbar()
        for selector in ("#left", "#topbar-text", "#warnings-line", "#articles"):
            assert not screen.query_one(selector)._repaint_regions, selector


async def test_only_the_article_list_announces_its_cursor(build_app, seed_paths, settle) -> None:
    """The reader's lists are refilled for each article passed; nobody listens to their cursor."""
    from textual.widgets import OptionList

    seen: list[str] = []
    app = build_app(seed_paths)
    hook = lambda m: isinstance(m, OptionList.OptionHighlighted) and seen.append(m.option_list.id or "")  # noqa: E731
    async with app.run_test(size=(160, 48), message_hook=hook) as pilot:
        await settle(app, pilot)
        seen.clear()
        await pilot.press("j")
        await settle(app, pilot)
        assert set(seen) == {"articles"}
        text = app.main_screen.query_one("#article-text")
        await pilot.press("enter", "j")  # the reader's cursor still moves and scrolls
        await pilot.pause()
        assert text.highlighted == 1


async def test_loaded_articles_and_the_analysis_are_kept_out_of_collections(build_app, seed_paths, settle) -> None:
    """Full collections swept every loaded object and held the screen for up to 1.8 s (briefing.tui.heap)."""
    import gc

    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        article = next(iter(app.session.articles.values()))
        analysis = app.session.analysis
        assert gc.is_tracked(article) and gc.is_tracked(analysis)
        swept = {id(o) for o in gc.get_objects()}  # the generations a collection scans
        assert id(article) not in swept and id(analysis) not in swept
        assert gc.get_freeze_count() > 0
