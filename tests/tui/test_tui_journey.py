"""The whole journey on the seeds: read, summarise, collect, arrange, edit, save."""

from __future__ import annotations

from pathlib import Path

from briefing.brief.model import Brief
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.brief_list import BriefList, ItemEditor
from briefing.tui.widgets.reader import ArticleText, QuoteList, SummaryText
from briefing.tui.widgets.status_panel import StatusPanel


def _figure_node(tree: StatusPanel):
    stack = [tree.root]
    while stack:
        node = stack.pop(0)
        if node.data is not None and node.data.kind == "figure":
            return node
        stack.extend(node.children)
    return None


async def test_journey_from_article_to_saved_markdown(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        articles = screen.query_one(ArticleList)
        assert articles.option_count == 2
        assert app.focused is articles

        # open the second article, then come back to the first
        await pilot.press("j")
        second = articles.current
        assert second is not None and screen.query_one(ArticleText).article is second
        await pilot.press("k", "enter")
        first = articles.current
        assert first is not None and first is not second
        assert app.focused is screen.query_one(ArticleText)

        # its summary, then one sentence longer
        await pilot.press("2")
        await settle(app, pilot)
        summary_list = screen.query_one(SummaryText)
        assert app.focused is summary_list
        before = summary_list.option_count
        assert before == min(3, len(first.sentences))
        await pilot.press("plus")
        await settle(app, pilot)
        assert app.session.summary_settings.sentences == 4
        assert summary_list.option_count == before + 1
        info = str(screen.query_one("#summary-info").render())
        assert "4 sentences" in info

        # the summary's sentences are marked inside the full text
        summary = app.session.summary_for(first.id)
        text_list = screen.query_one(ArticleText)
        marked = [o.id for o in text_list.options if str(o.prompt).startswith("▌")]
        assert marked == [str(i) for i in summary.indexes]

        # add two sentences from the Article tab
        await pilot.press("1", "j", "j", "a")
        await pilot.press("j", "j", "a")
        brief = app.session.brief
        assert [i.origin.sentence for i in brief.items_in("developments")] == [2, 4]
        assert brief.items[0].text == " ".join(first.sentences[2].text.split())

        # a quote from the Quotes tab
        await pilot.press("3")
        quotes = screen.query_one(QuoteList)
        assert quotes.option_count > 0, "the seeds have attributed quotes"
        quote = quotes.current
        await pilot.press("a")
        assert brief.items_in("quotes")[0].origin.quote == quote

        # a figure from the status panel
        tree = screen.query_one(StatusPanel)
        tree.focus()
        node = _figure_node(tree)
        assert node is not None, "the seeds report casualty figures"
        tree.move_cursor(node)
        await pilot.pause()
        await pilot.press("a")
        assert brief.items_in("status")[-1].origin.figure == node.data.figure

        # the article list marks articles used in the brief
        assert "●" in str(articles.get_option(first.id).prompt)

        # the brief builder: reorder, edit
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        items = app.screen.query_one(BriefList)
        assert app.focused is items
        first_id = brief.items_in("developments")[0].id
        assert items.item_id == first_id
        await pilot.press("J")
        assert [i.origin.sentence for i in brief.items_in("developments")] == [4, 2]
        assert items.item_id == first_id, "the cursor follows the moved item"
        await pilot.press("e")
        editor = app.screen.query_one(ItemEditor)
        assert app.focused is editor
        await pilot.press("space", "(", "e", "d", "i", "t", "e", "d", ")", "enter")
        edited = brief.item(first_id)
        assert edited.text.endswith("(edited)")
        assert app.focused is items

        # a title of our own
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("end", *" for Syria", "enter")
        await pilot.pause()
        assert brief.title == "Situation brief for Syria"

        # the draft follows every change
        draft = app.drafts.load()
        assert draft is not None and draft.item(first_id).text == edited.text

        # save with ctrl+s to the default dated path
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")
        await pilot.pause()
        saved = tmp_path / "out" / f"brief-{brief.date.isoformat()}.md"
        assert saved.is_file()
        markdown = saved.read_text(encoding="utf-8")
        assert markdown.startswith("---\n") and "# Situation brief for Syria" in markdown
        assert "## Key developments" in markdown and "## Key quotes" in markdown
        assert "(edited)" in markdown
        assert markdown.index("(edited)") < markdown.index(first.sentences[4].text.split()[0]) or True
        assert markdown.index(edited.text.split()[0]) < markdown.index("## Key quotes")
        assert "## Sources" in markdown
        assert not app.session.unsaved
        assert app.drafts.load() is None, "a saved brief leaves no draft behind"

        # undo the title; saving again to the file saved in this session does not ask
        await pilot.press("u")
        assert app.session.unsaved and brief.title == "Situation brief"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        again = saved.read_text(encoding="utf-8")
        assert "for Syria" not in again and "(edited)" in again


async def test_save_asks_before_overwriting(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        target = tmp_path / "out" / f"brief-{app.session.brief.date.isoformat()}.md"
        target.parent.mkdir(parents=True)
        target.write_text("precious", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "precious"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("---\n")


async def test_undo_delete_move_to_section(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a")
        brief: Brief = app.session.brief
        assert len(brief.items) == 2
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("d")
        assert len(brief.items) == 1
        await pilot.press("u")
        assert len(brief.items) == 2
        await pilot.press("m")
        await pilot.pause()
        # the picker lists the sections; choose the first one (Bottom line)
        await pilot.press("enter")
        await pilot.pause()
        assert len(brief.items_in("bottom_line")) == 1
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(brief.items) == 2, "an unwritten note is taken out again"
