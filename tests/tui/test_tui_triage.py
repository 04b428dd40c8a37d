"""Triage tools: sort the articles (date, outlet, title), each article's date, open and copy its
web address, the digest naming each outlet once, the footer saying what `a` adds, the focused pane."""

from __future__ import annotations

import webbrowser
from pathlib import Path

from textual.notifications import Notify

from briefing.models import DigestSentence, SentenceRef
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.reader import digest_prompt, outlets_once

REPORTS = {
    "b.md": ("Zeta outlet", "2024-03-02", "Talks resume in the capital", "https://example.org/talks"),
    "a.md": ("Alpha outlet", "2024-03-04", "Shelling resumes near the border", None),
    "c.md": ("Midway outlet", None, "An undated column on the war", None),
}


def _write(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for name, (outlet, date, title, url) in REPORTS.items():
        meta = [f"title: {title}", f"source: {outlet}"] + ([f"date: {date}"] if date else []) + (
            [f"url: {url}"] if url else [])
        body = (f"{title} on Monday, officials said. Residents described a long night of fighting. "
                "Aid groups asked for safe passage for families leaving the area.")
        (folder / name).write_text("---\n" + "\n".join(meta) + "\n---\n\n" + body + "\n", encoding="utf-8")
        paths.append(folder / name)
    return paths


def _titles(listed: ArticleList) -> list[str]:
    return [listed.get_option_at_index(i).id for i in range(listed.option_count) if listed.get_option_at_index(i).id]


async def test_t_cycles_the_order_and_the_list_says_which(build_app, settle, tmp_path: Path) -> None:
    _write(tmp_path / "in")
    app = build_app([tmp_path / "in"])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.query_one(ArticleList)
        by_id = {a.id: a for a in app.session.articles.values()}
        loaded = [by_id[i].title for i in _titles(listed)]
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)
                   if listed.get_option_at_index(i).id]
        assert any("2024-03-04" in p for p in prompts) and any("undated" in p for p in prompts)
        await pilot.press("t")
        assert [by_id[i].title for i in _titles(listed)] == [
            "Shelling resumes near the border", "Talks resume in the capital", "An undated column on the war"]
        assert app.main_screen.query_one("#left").border_title.endswith(" by date")
        await pilot.press("t")
        assert [by_id[i].source for i in _titles(listed)] == ["Alpha outlet", "Midway outlet", "Zeta outlet"]
        assert app.main_screen.query_one("#left").border_title.endswith(" by outlet")
        await pilot.press("t")
        assert [by_id[i].title for i in _titles(listed)] == sorted(loaded)
        await pilot.press("t")
        assert [by_id[i].title for i in _titles(listed)] == loaded
        assert app.main_screen.query_one("#left").border_title == "Articles 3"


class _Browser(webbrowser.BaseBrowser):
    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


async def test_o_opens_and_copies_the_address_or_says_there_is_none(build_app, settle, tmp_path: Path,
                                                                    monkeypatch) -> None:
    _write(tmp_path / "in")
    browser = _Browser()
    monkeypatch.setattr(webbrowser, "get", lambda *a: browser)
    seen: list[str] = []
    app = build_app([tmp_path / "in"])
    async with app.run_test(size=(160, 48), message_hook=lambda m: isinstance(m, Notify)
                            and seen.append(m.notification.message)) as pilot:
        await settle(app, pilot)
        listed = app.main_screen.query_one(ArticleList)
        with_url = next(a for a in app.session.articles.values() if a.url)
        listed.select_article(with_url.id)
        await pilot.press("o")
        assert browser.opened == ["https://example.org/talks"] and app.clipboard == "https://example.org/talks"
        assert seen[-1] == "Opened in the browser and copied: https://example.org/talks"
        without = next(a for a in app.session.articles.values() if not a.url)
        listed.select_article(without.id)
        await pilot.press("o")
        assert seen[-1].startswith("This article has no web address (it was read from ")
        assert browser.opened == ["https://example.org/talks"]

        console = webbrowser.GenericBrowser("lynx")  # would draw over the app: copied, not started
        monkeypatch.setattr(webbrowser, "get", lambda *a: console)
        listed.select_article(with_url.id)
        await pilot.press("o")
        assert seen[-1] == "No browser to open it here; copied: https://example.org/talks"


def test_the_digest_names_each_outlet_once() -> None:
    titles = {"a1": "CNN (Web News)", "a2": "CNN (Web News)", "a3": "Fox News"}
    assert outlets_once(["a1", "a2", "a3"], titles) == "CNN (Web News) (2 reports); Fox News"
    assert outlets_once(["a3"], titles) == "Fox News"
    line = DigestSentence("Fighting resumed.", ("a1", "a2"), SentenceRef("a1", 0, "Fighting resumed."))
    assert str(digest_prompt(line, titles)).endswith("in: CNN (Web News) (2 reports)")


async def test_the_footer_says_what_a_adds_and_the_focused_pane_stands_out(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        screen = app.main_screen

        def add_label() -> str:
            return next(b.binding.description for b in screen.active_bindings.values() if b.binding.id == "add")

        assert add_label() == "Add: open an article"
        assert screen.query_one("#left").styles.border.top[0] == "heavy"
        await pilot.press("2")
        assert add_label() == "Add sentence"
        assert screen.query_one("#reader").styles.border.top[0] == "heavy"
        assert screen.query_one("#left").styles.border.top[0] == "round"
        await pilot.press("l")  # the status panel, on its first row (the trend)
        assert add_label() == "Add trend line"
        assert screen.query_one("#status-pane").styles.border.top[0] == "heavy"
        await pilot.press("4")
        assert add_label() == "Add digest line"
        await pilot.press("3")
        assert add_label() == "Add quote"
