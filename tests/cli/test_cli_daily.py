"""The daily loop from the command line: fetch, no PATHS means today's stored articles, history.

The site is invented and served on 127.0.0.1 (tests/support/news_site.py); "offline"
is the same server stopped. Two days are two settings of the store's clock and of
the brief's date, so the test does not wait a day.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefing.brief.build as build_module
import briefing.store.db as store_db
from briefing.cli import main
from briefing.ingest.article import article_id, count_words
from support.news_site import make_story, serve
from support.two_days import DAY_ONE_REPORTS, DAY_TWO_REPORTS, write_day

DAY_ONE = dt.datetime(2024, 5, 2, 7, 0).astimezone()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


class Clock:
    """The store's clock and the brief's date, moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.moment = DAY_ONE
        clock = self

        class Today(dt.date):
            @classmethod
            def today(cls) -> dt.date:
                return clock.moment.date()

        monkeypatch.setattr(store_db, "now", lambda: self.moment.timestamp())
        monkeypatch.setattr(build_module, "dt", types.SimpleNamespace(date=Today))

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def _config(tmp_path: Path, feed_url: str) -> str:
    path = tmp_path / "briefing.yaml"
    path.write_text(f"sources:\n  - url: {feed_url}\n    name: Valley Wire\n    story: valley\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def fetched(tmp_path: Path, clock: Clock) -> Iterator[tuple[str, list]]:
    """Three stories fetched (and the site stopped afterwards: offline from there on)."""
    stories = [make_story(n) for n in range(3)]
    with serve(stories) as site:
        config = _config(tmp_path, site.feed_url)
        code, out, err = run("fetch", "--config", config)
        assert (code, out, err) == (0, "Valley Wire: 3 new, 0 already stored\ntotal: 3 new, 0 already stored\n", "")
        clock.advance(minutes=5)
        code, out, _ = run("fetch", "--config", config)
        assert (code, out) == (0, "Valley Wire: 0 new, 3 already stored\ntotal: 0 new, 3 already stored\n")
    yield config, stories


def test_fetched_articles_are_analysed_whole_with_no_paths_offline(fetched: tuple[str, list], clock: Clock) -> None:
    config, stories = fetched
    clock.advance(minutes=5)
    code, out, err = run("analyze", "--json", "--ratio", "1", "--config", config)
    assert code == 0, err
    articles = json.loads(out)["articles"]
    assert [a["title"] for a in articles] == [s.title for s in stories]
    for article, story in zip(articles, stories):
        assert article["id"] == article_id(story.full_text)
        assert article["words"] == count_words(story.full_text)  # the page, not the feed's one-line teaser
        assert " ".join(s["text"] for s in article["summary"]) == " ".join(story.paragraphs)
        assert article["source"] == "Valley Wire" and article["published"] == "2024-05-02"


def test_history_lists_briefs_built_on_two_days(tmp_path: Path, clock: Clock) -> None:
    stories = [make_story(n) for n in range(5)]
    with serve(stories[:3]) as site:
        config = _config(tmp_path, site.feed_url)
        assert run("fetch", "--config", config)[0] == 0
        clock.advance(minutes=10)
        first = tmp_path / "brief-1.md"
        code, out, err = run("build", "--config", config, "-o", str(first))
        assert (code, err) == (0, "") and first.is_file()
        clock.advance(days=1)
        site.stories[:] = stories  # the next morning the feed has two more reports
        assert run("fetch", "--config", config)[1].startswith("Valley Wire: 2 new, 3 already stored")
        clock.advance(minutes=10)
        second = tmp_path / "brief-2.md"
        assert run("build", "--config", config, "-o", str(second))[0] == 0
    code, out, err = run("history", "--config", config)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["date", "saved", "items", "articles", "story", "file"]
    newest, oldest = lines[1].split(), lines[2].split()
    assert newest[:3] == ["2024-05-03", "2024-05-03", "07:20"] and newest[-2:] == ["valley", str(second.resolve())]
    assert oldest[:3] == ["2024-05-02", "2024-05-02", "07:10"] and oldest[-1] == str(first.resolve())
    assert newest[4] == "2" and oldest[4] == "3"  # day two: only what came in since the first brief
    assert int(newest[3]) > 0 and int(oldest[3]) > 0  # items
    assert run("history", "--config", config, "--limit", "1")[1].count("\n") == 2


def test_reopening_after_the_brief_shows_its_articles_again(fetched: tuple[str, list], tmp_path: Path, clock: Clock) -> None:
    config, stories = fetched
    clock.advance(minutes=10)
    assert run("build", "--config", config, "-o", str(tmp_path / "b.md"))[0] == 0
    clock.advance(minutes=30)  # nothing fetched since the brief: its day's articles, not nothing
    code, out, _ = run("analyze", "--json", "--config", config)
    assert code == 0 and len(json.loads(out)["articles"]) == 3


def test_a_morning_with_nothing_fetched_since_yesterdays_brief_has_nothing_new(
    fetched: tuple[str, list], tmp_path: Path, clock: Clock
) -> None:
    config, _ = fetched
    clock.advance(minutes=10)
    assert run("build", "--config", config, "-o", str(tmp_path / "b1.md"))[0] == 0
    clock.advance(days=1)
    code, out, err = run("build", "--config", config, "-o", str(tmp_path / "b2.md"))
    assert code == 1 and out == "" and not (tmp_path / "b2.md").exists()
    assert "error: no stored articles fetched since the last brief (saved 2024-05-02 07:15)" in err


def test_since_reaches_back_and_is_checked(fetched: tuple[str, list], clock: Clock) -> None:
    config, _ = fetched
    clock.advance(days=3)
    code, _, err = run("analyze", "--config", config)
    assert code == 1 and "no stored articles fetched in the last 24 hours" in err and "briefing fetch" in err
    assert run("analyze", "--json", "--config", config, "--since", "4d")[0] == 0
    assert run("analyze", "--json", "--config", config, "--since", "2024-05-01")[0] == 0
    code, _, err = run("analyze", "--config", config, "--since", "yesterday")
    assert code == 2 and "--since takes a duration such as 24h" in err
    code, _, err = run("analyze", "--config", config, "--since", "2d", "some.txt")
    assert code == 2 and "PATHS are given" in err


def test_without_sources_no_paths_still_means_the_seeds(tmp_path: Path) -> None:
    code, out, err = run("analyze", "--json")
    assert code == 0, err
    assert {a["source"] for a in json.loads(out)["articles"]} == {"Press TV", "The Associated Press"}
    code, _, err = run("analyze", "--since", "2d")
    assert code == 2 and "no `sources:` are configured" in err
    code, _, err = run("--since", "2d")  # the app: refused before it starts
    assert code == 2 and "no `sources:` are configured" in err


def test_fetch_explains_what_is_missing_and_fails_when_nothing_answers(tmp_path: Path) -> None:
    code, _, err = run("fetch")
    assert code == 2 and "no sources to fetch" in err and "sources:" in err
    with serve([]) as site:
        dead = f"{site.base}/gone.xml"
    code, out, _ = run("fetch", "--config", _config(tmp_path, dead))
    assert code == 1 and out.startswith("Valley Wire: 0 new, 0 already stored, 1 failed: cannot fetch")


def test_history_before_any_brief_says_how_one_gets_there() -> None:
    code, out, _ = run("history")
    assert code == 0 and "no saved briefs yet" in out


def test_a_damaged_store_does_not_stop_a_brief_from_being_written(tmp_path: Path, seeds_dir: Path) -> None:
    store = store_db.default_store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"not a database at all " * 100)
    target = tmp_path / "brief.md"
    code, out, err = run("build", str(seeds_dir), "-o", str(target))
    assert code == 0 and target.is_file() and out == f"wrote {target}\n"
    assert "warning: the brief was saved but not recorded in the history" in err and str(store) in err
    code, _, err = run("history")
    assert code == 1 and "move it aside" in err


def _section(markdown: str, heading: str) -> list[str]:
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:end].splitlines()[1:]


def test_the_second_days_brief_says_what_is_new_since_the_first(tmp_path: Path, clock: Clock) -> None:
    """Issue 19's "done when": two briefs built on two days of one pile (the first day's files, then all)."""
    pile = tmp_path / "pile"
    pile.mkdir()
    for name, text in DAY_ONE_REPORTS.items():
        (pile / name).write_text(text, encoding="utf-8")
    first, second = tmp_path / "brief-1.md", tmp_path / "brief-2.md"
    code, _, err = run("build", str(pile), "-o", str(first))
    assert (code, err) == (0, "")
    assert "Since the last brief" not in first.read_text(encoding="utf-8")  # nothing to compare with yet
    clock.advance(days=1)
    for name, text in DAY_TWO_REPORTS.items():
        (pile / name).write_text(text, encoding="utf-8")
    code, _, err = run("build", str(pile), "-o", str(second))
    assert (code, err) == (0, "")
    markdown = second.read_text(encoding="utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## Bottom line", "## Since the last brief"]
    lines = [line for line in _section(markdown, "Since the last brief") if line]
    assert lines[0] == "Compared with the brief of 2 May 2024:"
    assert any(line.startswith("- Killed (Palestinians): 137 -> 163") for line in lines), lines
    developments = [line for line in lines[1:] if not line.startswith(("- Killed", "- Newly quoted"))]
    assert len(developments) >= 2
    # every line is true: each cites only the second day's reports, never a report the first brief had
    sources = {line.split(". ", 1)[0]: line for line in _section(markdown, "Sources") if line}
    for line in lines[1:]:
        cited = [n for n in re.findall(r"\[(\d+)\]", line)]
        assert cited, line
        assert all(("dornau.txt" in sources[n] or "pause.txt" in sources[n]) for n in cited), (line, sources)
    code, out, err = run("history")
    assert code == 0 and err == ""
    rows = out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["2024-05-03", "2024-05-02"]
    assert rows[0].endswith(str(second.resolve())) and rows[1].endswith(str(first.resolve()))
    assert [row.split()[4] for row in rows] == ["4", "2"]  # articles loaded for each brief
    # another folder, about something else, with no story label: not the next day of this story
    other = tmp_path / "other"
    write_day(other, {"harbour.txt": "Harbour reopens\n\nAt least 12 fishermen were killed when a storm hit the "
                      "harbour of Lindmark on Friday, the coast guard said.\n\nThe harbour reopened on Saturday.\n"})
    third = tmp_path / "brief-3.md"
    assert run("build", str(other), "-o", str(third))[0] == 0
    assert "Since the last brief" not in third.read_text(encoding="utf-8")
