"""Keys, help, palette, filter, themes, quitting, drafts, warnings, the status panel and layout."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from briefing.config import UiSettings
from briefing.tui.messages import ArticlesLoaded
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.screens.dialogs import ConfirmScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.warnings import WarningsScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.reader import ArticleText, DigestList
from briefing.tui.widgets.status_panel import StatusPanel


def _nodes(tree: StatusPanel):
    stack = [tree.root]
    while stack:
        node = stack.pop(0)
        yield node
        stack.extend(node.children)


async def test_keymap_filter_help_palette_and_theme(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths, keymap={"filter": "f", "summary-algorithm": "A"}, ui=UiSettings(theme="textual-light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light"
        screen = app.main_screen
        articles = screen.query_one(ArticleList)

        await pilot.press("slash")
        assert not screen.query_one("#filter", Input).display, "/ was remapped away"
        await pilot.press("f")
        assert app.focused is screen.query_one("#filter", Input)
        await pilot.press(*"press tv")
        assert articles.option_count == 1
        assert screen.query_one("#left").border_title == "Articles 1 of 2"
        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("escape")
        assert articles.option_count == 2 and screen.query_one("#left").border_title == "Articles 2"

        # the algorithm key, remapped, cycles the algorithm and the summary follows
        before = app.session.summary_settings.algorithm
        await pilot.press("A")
        await settle(app, pilot)
        after = app.session.summary_settings.algorithm
        assert after != before
        assert after in str(screen.query_one("#summary-info").render())
        current = articles.current
        assert app.session.summary_for(current.id).algorithm == after

        # help lists the bindings in effect
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text").render())
        assert "Filter the articles" in help_text and "Add the focused sentence" in help_text
        assert "Move the item up" in help_text and "Undo the last change" in help_text
        filter_row = next(line for line in help_text.splitlines() if "Filter the articles" in line)
        assert filter_row.split()[0] == "f"
        algorithm_row = next(line for line in help_text.splitlines() if "Next summary algorithm" in line)
        assert algorithm_row.split()[0] == "A"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        # the palette offers the app's actions
        titles = {c.title for c in app.get_system_commands(screen)}
        assert {"Save brief", "Open brief builder", "Add to brief", "Theme", "Longer summary"} <= titles


async def test_quit_asks_and_the_draft_is_offered_back(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "j", "a")
        text = app.session.brief.items[0].text
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is app.main_screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0

    again = build_app(seed_paths, offer_draft=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [i.text for i in again.session.brief.items] == [text]
        assert again.session.unsaved, "a restored draft is not saved yet"
        mark = again.main_screen.query_one(ArticleList)
        assert "●" in str(mark.get_option_at_index(0).prompt)


async def test_warnings_view_names_files_and_reasons(build_app, seed_paths, settle, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    app = build_app([*seed_paths, binary, missing])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert len(app.session.articles) == 2
        line = app.main_screen.query_one("#warnings-line")
        assert line.display and "2 input(s) not loaded" in str(line.render())
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        shown = str(app.screen.query_one("#warnings-text").render())
        assert "photo.txt" in shown and "missing.txt" in shown
        for warning in app.session.warnings:
            assert " ".join(warning.reason.split())[:30] in " ".join(shown.split())


async def test_status_evidence_jumps_into_the_reader(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        tree = app.main_screen.query_one(StatusPanel)
        assert "Trend" in str(tree.root.children[0].label)
        assert any(word in str(tree.root.children[0].label) for word in ("ESCALATING", "MIXED", "UNCLEAR"))
        # open every entry, as a user would with Enter
        for node in list(_nodes(tree)):
            node.expand()
        await pilot.pause()
        evidence = [n for n in _nodes(tree) if n.data is not None and n.data.kind == "evidence"]
        assert evidence, "status entries carry evidence sentences"
        target = evidence[-1].data.ref
        tree.focus()
        tree.move_cursor(evidence[-1])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.main_screen.query_one(ArticleText)
        assert app.focused is reader
        assert reader.article.id == target.article_id
        assert reader.sentence_index == target.sentence
        assert app.main_screen.query_one(ArticleList).current.id == target.article_id

        # the digest tab: key developments across the articles, each addable
        await pilot.press("4")
        digest = app.main_screen.query_one(DigestList)
        assert app.focused is digest and digest.option_count == len(app.session.analysis.digest) > 0
        await pilot.press("a")
        (item,) = app.session.brief.items
        assert item.origin.kind == "digest" and item.section == "developments"
        assert set(item.origin.article_ids) >= set(digest.current.articles)


async def test_new_brief_from_the_automatic_draft(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        brief = app.session.brief
        assert brief.items_in("developments") and brief.items_in("quotes")
        meter = str(app.screen.query_one("#brief-meter").render())
        assert f"/{app.settings.brief.max_words} words" in meter
        assert app.drafts.load() is not None

        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("y")
        assert copied and copied[0].startswith("---\n") and "## Key developments" in copied[0]


async def test_narrow_terminal_hides_the_status_panel_until_asked(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        status = screen.query_one(StatusPanel)
        assert status.region.width == 0, "no room for three panes at 80 columns"
        await pilot.press("s")
        await pilot.pause()
        assert status.region.width > 30 and app.focused is status
        assert screen.query_one("#reader").region.width == 0
        await pilot.press("s")
        await pilot.pause()
        assert status.region.width == 0 and screen.query_one("#reader").region.width > 40
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert status.region.width > 40


async def test_articles_appear_while_loading(build_app, settle, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"a{i:03}.txt").write_text(
            f"Report number {i} on the talks\nOfficials met in city {i} on Monday. "
            f"They said the ceasefire was holding.\n",
            encoding="utf-8",
        )
    seen: dict[int, int] = {}  # a message is seen once per node it bubbles through

    def hook(message) -> None:
        if isinstance(message, ArticlesLoaded):
            seen[id(message)] = len(message.articles)

    app = build_app([folder])
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(app, pilot)
        # a small first batch shows at once, then batches double (fewer repaints while loading)
        assert list(seen.values()) == [25, 35], "articles arrive in batches"
        assert app.main_screen.query_one(ArticleList).option_count == 60


async def test_meter_turns_red_past_one_page(build_app, seed_paths, settle, settings) -> None:
    from dataclasses import replace

    app = build_app(seed_paths, brief=replace(settings.brief, max_words=90))  # one sentence and its source fit
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        topbar = app.main_screen.query_one("#topbar-text")
        assert "OVER ONE PAGE" not in str(topbar.render())
        await pilot.press("j", "a", "j", "a", "j", "a")
        assert "OVER ONE PAGE" in str(topbar.render())
        await pilot.press("b")
        await pilot.pause()
        meter = app.screen.query_one("#brief-meter")
        assert meter.has_class("over") and "past one page" in str(meter.render())
        report = app.session.page_meter()
        assert report.over_items
        prompts = {o.id: str(o.prompt) for o in app.screen.query_one("#brief-items").options}
        assert all("past one page" in prompts[f"item:{i}"] for i in report.over_items)


async def test_a_failing_summariser_is_reported_not_fatal(build_app, seed_paths, settle, monkeypatch) -> None:
    from textual.notifications import Notify

    import briefing.summary.extractive as summarize_module  # the reader imports it from there when it runs

    def broken(article, settings):
        raise ValueError(f"cannot summarise {article.title[:10]} [/bold]")

    toasts: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40), message_hook=lambda m: isinstance(m, Notify) and toasts.append(m.notification.message)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(summarize_module, "summarize", broken)
        await pilot.press("plus")
        await settle(app, pilot)
        assert app.is_running
        assert any("Summarising failed" in t and "[/bold]" in t for t in toasts), toasts
        await pilot.press("enter", "a")
        assert len(app.session.brief.items) == 1, "the app still works"


async def test_the_builder_names_the_date_of_the_news_and_the_day_it_is_prepared(build_app, settle,
                                                                                  tmp_path: Path) -> None:
    for day in (5, 6):
        (tmp_path / f"port-{day}.md").write_text(
            f"---\ntitle: Talks on the port, day {day}\nsource: Example Wire\ndate: 2030-03-0{day}\n---\n\n"
            f"Government and rebel negotiators met in Varna for the {'first' if day == 5 else 'second'} time to "
            "discuss the reopening of the port, officials said. The talks ended without a deal, and both sides "
            "agreed to meet again next week.\n",
            encoding="utf-8",
        )
    app = build_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        meter = str(app.screen.query_one("#brief-meter").render())
        assert f" — 2030-03-06 (prepared {app.session.brief.date.isoformat()})" in meter
