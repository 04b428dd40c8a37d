"""The status panel shows what an analyst needs: who counted a figure (and via which outlet), the
focused row whole under the panel, Enter to the sentence in the middle of the reader, timeline
events whole and added with their date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual.widgets import Static

from briefing.models import ConflictStatus, Event, Figure, SentenceRef
from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.reader import ArticleText
from briefing.tui.widgets.status_panel import StatusPanel


def _nodes(tree: StatusPanel):
    stack = [tree.root]
    while stack:
        node = stack.pop(0)
        yield node
        stack.extend(node.children)


def _made_up_status(article_id: str, sentence: int, text: str) -> ConflictStatus:
    ref = SentenceRef(article_id, sentence, text)
    figure = Figure("killed", 161, "at least", "at least 161 people", "the regional health ministry", article_id,
                    evidence=ref)
    event = Event(dt.date(2016, 3, 14), "A long event description that runs well past thirty-five characters "
                  "and past the panel's edge as well", article_id, evidence=ref, when="14 March 2016")
    return ConflictStatus(figures=(figure,), timeline=(event,))


async def test_a_figure_row_names_who_counted_it_and_the_detail_line_shows_it_whole(build_app, seed_paths,
                                                                                      settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        article = next(iter(app.session.articles.values()))
        sentence = article.sentences[5]
        tree = app.main_screen.query_one(StatusPanel)
        tree.show_status(_made_up_status(article.id, 5, sentence.text), app.session.titles(), [article])
        await pilot.pause()
        (row,) = [n for n in _nodes(tree) if n.data is not None and n.data.kind == "figure"]
        outlet = app.session.titles()[article.id]
        assert str(row.label) == f"at least 161 · the regional health ministry (via {outlet})"
        tree.focus()
        tree.move_cursor(row)
        await pilot.pause()
        detail = str(app.main_screen.query_one("#status-detail", Static).render())
        assert "at least 161 killed · counted by the regional health ministry, reported by" in detail
        assert sentence.text[:40] in detail and "Enter: show it in the article" in detail

        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        reader = app.main_screen.query_one(ArticleText)
        assert app.focused is reader and reader.sentence_index == 5


async def test_a_figure_without_a_counter_says_so(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        article = next(iter(app.session.articles.values()))
        status = _made_up_status(article.id, 1, article.sentences[1].text)
        status = replace(status, figures=(replace(status.figures[0], reported_by=None),))
        tree = app.main_screen.query_one(StatusPanel)
        tree.show_status(status, app.session.titles(), [article])
        await pilot.pause()
        (row,) = [n for n in _nodes(tree) if n.data is not None and n.data.kind == "figure"]
        assert str(row.label) == f"at least 161 · {app.session.titles()[article.id]}"
        tree.focus()
        tree.move_cursor(row)
        await pilot.pause()
        assert "who counted it is not stated" in str(app.main_screen.query_one("#status-detail", Static).render())


async def test_enter_puts_the_sentence_in_the_middle_of_the_reader(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        tree = app.main_screen.query_one(StatusPanel)
        figures = [n for n in _nodes(tree) if n.data is not None and n.data.kind == "figure" and n.data.ref]
        target = max(figures, key=lambda n: n.data.ref.sentence)  # far down its article
        tree.focus()
        tree.move_cursor(target)
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(3):
            await pilot.pause()
        reader = app.main_screen.query_one(ArticleText)
        assert reader.sentence_index == target.data.ref.sentence
        line = reader._index_to_line[reader.highlighted]
        middle = reader.scroll_y + reader.scrollable_content_region.height // 2
        assert abs(line - middle) <= 3 or reader.scroll_y == reader.max_scroll_y


async def test_a_timeline_event_is_shown_whole_and_added_with_its_date(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        article = next(iter(app.session.articles.values()))
        sentence = article.sentences[2]
        tree = app.main_screen.query_one(StatusPanel)
        tree.show_status(_made_up_status(article.id, 2, sentence.text), app.session.titles(), [article])
        await pilot.pause()
        (row,) = [n for n in _nodes(tree) if n.data is not None and n.data.kind == "event"]
        row.parent.expand()  # as Enter on "Timeline" does
        await pilot.pause()
        tree.focus()
        tree.move_cursor(row)
        await pilot.pause()
        detail = str(app.main_screen.query_one("#status-detail", Static).render())
        assert "14 March 2016: A long event description that runs well past thirty-five characters and past " \
               "the panel's edge as well" in " ".join(detail.split())
        await pilot.press("a")
        (item,) = app.session.brief.items
        assert item.text.startswith("14 March 2016: ") and sentence.text[:30] in item.text


async def test_help_says_enter_shows_the_sentence(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text", Static).render())
        assert "shows its sentence in the article, in the middle of the reader" in " ".join(text.split())


def test_the_counts_the_brief_prints_head_the_figures() -> None:
    """A war's running total given by one report does not head the day's toll: the count most
    reports give does, then the rest in the analysis's order."""
    from briefing.models import Article
    from briefing.tui.widgets.status_panel import _brief_rows_first

    day = dt.date(2026, 5, 2)
    arts = [Article(a, a, "Outlet", day, "", (), (), 0) for a in "abc"]

    def fig(value: int, aid: str, scope: str = "incident") -> Figure:
        return Figure("killed", value, "exact", f"{value:,} people", None, aid, SentenceRef(aid, 0, "x"),
                      scope=scope)

    war, one, two, other = fig(100_000, "a", "cumulative"), fig(300, "b"), fig(300, "c"), fig(12, "a")
    assert _brief_rows_first([war, one, two, other], arts) == [one, two, war, other]
