"""The app against the story's last brief: new articles marked (N shows only them), figures that
moved say so ("up from 137 on ..."), and the brief carries "Since the last brief".

The first day's brief is built from the command line, as cron would; the app then opens the
same pile with the second day's reports added.
"""

from __future__ import annotations

import io
from pathlib import Path

from briefing.brief.render import render_markdown
from briefing.cli import main
from textual.widgets import Sparkline, Static
from briefing.tui.messages import BriefChanged
from briefing.tui.widgets.article_list import NEW_MARK, ArticleList
from briefing.tui.widgets.brief_list import BriefList
from briefing.tui.widgets.status_panel import StatusPanel
from support.two_days import DAY_ONE_REPORTS, DAY_TWO_REPORTS, write_day


def _first_days_brief(pile: Path, tmp_path: Path) -> None:
    write_day(pile, DAY_ONE_REPORTS)
    code = main(["build", str(pile), "-o", str(tmp_path / "brief-day-1.md")], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 0
    write_day(pile, DAY_TWO_REPORTS)


def _labels(panel: StatusPanel) -> list[str]:
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            found.append(child.label.plain)
            walk(child)

    walk(panel.root)
    return found


def _node_of(panel: StatusPanel, figure):  # type: ignore[no-untyped-def]
    stack = list(panel.root.children)
    while stack:
        node = stack.pop()
        if node.data is not None and node.data.figure is figure:
            return node
        stack.extend(node.children)
    raise AssertionError("no row for the figure")


async def test_new_articles_are_marked_and_n_shows_only_them(build_app, settle, tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    _first_days_brief(pile, tmp_path)
    app = build_app([pile])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.query_one(ArticleList)
        files = {a.id: Path(a.path or "").name for a in listed.articles}
        assert len(listed.articles) == 4 and {files[a] for a in listed.new} == set(DAY_TWO_REPORTS)
        marked = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert sum(f"{NEW_MARK} new" in p for p in marked) == 2
        listed.focus()
        await pilot.press("N")
        await pilot.pause()
        assert listed.only_new and listed.option_count == 2
        assert "2 of 4, new only" in str(app.main_screen.query_one("#left").border_title)
        await pilot.press("N")
        await pilot.pause()
        assert not listed.only_new and listed.option_count == 4


async def test_a_moved_count_says_so_and_the_brief_says_what_is_new(build_app, settle, tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    _first_days_brief(pile, tmp_path)
    app = build_app([pile])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        panel = app.main_screen.query_one(StatusPanel)
        rows = [r for r in _labels(panel) if "163" in r and not r.startswith("❝")]
        assert rows and "up from 137 on" in rows[0] and rows[0].startswith("✦"), rows
        assert not any("up from" in r or "down from" in r for r in _labels(panel) if "163" not in r)
        # the history under the detail line: the earlier brief's count, then today's
        figure = next(f for f in panel.figures if f.value == 163)
        assert [p.value for p in panel.since.history(figure)] == [137]
        node = _node_of(panel, figure)
        panel.move_cursor(node)
        await pilot.pause()
        chart = app.main_screen.query_one("#status-history", Sparkline)
        detail = str(app.main_screen.query_one("#status-detail", Static).render())
        assert chart.display and list(chart.data or []) == [137, 163]
        assert "Earlier briefs: 137 on" in detail and "now 163 (up from 137 on" in detail
        brief = app.session.brief
        assert brief.since_last is not None
        from briefing.brief.auto import auto_brief

        app.session.replace_brief(auto_brief(app.session.analysis, app.settings))  # what the automatic draft gives
        app.post_message(BriefChanged())
        markdown = render_markdown(brief, app.session.analysis)
        assert "## Since the last brief" in markdown and "Killed (Palestinians): 137 -> 163" in markdown
        await pilot.press("b")
        await pilot.pause()
        listed = app.screen.query_one(BriefList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        marked = [p for p in prompts if "✦ new since the last brief" in p]
        assert any("163" in p for p in marked) and any("Dornau" in p for p in marked), prompts
        assert not any("137" in p or "Karsk" in p for p in marked)  # the first day's reports are not new


async def test_n_with_nothing_new_says_so_and_keeps_the_list(build_app, settle, tmp_path: Path) -> None:
    """No earlier brief of this story: N does not empty the list ("0 of 4, new only"), it says why."""
    pile = tmp_path / "pile"
    write_day(pile, DAY_ONE_REPORTS)
    app = build_app([pile])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.query_one(ArticleList)
        assert not listed.new and listed.option_count > 0
        before = listed.option_count
        listed.focus()
        await pilot.press("N")
        await pilot.pause()
        assert not listed.only_new and listed.option_count == before
        assert any("new since the last brief" in str(n.message) for n in app._notifications)
