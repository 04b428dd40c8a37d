"""The one line a brief about one story says of the other stories loaded (brief/scope.py)."""

from __future__ import annotations

from dataclasses import replace

from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.scope import articles_described, note_other_stories, other_stories_line
from briefing.config import SectionSettings, Settings
from briefing.models import Analysis, Article, Story

MAIN = Story("m1", "Ceasefire agreed in Halvik", ("a", "b", "c"), ("Dravik", "Halvik", "Arvenia"))
CASSEL = Story("c2", "Tesmark navy blockades Port Cassel", ("d", "e"), ("Tesmark", "Lirea"))
HARVEST = Story("h3", "Brenholt wheat harvest breaks record and prices fall for a third week", ("f",))
FAIR = Story("f4", "Fair opens", ("g",), ("Brenholt",))


def _analysis(*stories: Story) -> Analysis:
    return Analysis(articles=(), summaries={}, stories=stories, story=stories[0].id)


def test_one_story_says_nothing() -> None:
    assert other_stories_line(_analysis(MAIN)) is None
    assert other_stories_line(Analysis(articles=(), summaries={})) is None


def test_the_others_are_counted_and_the_largest_named() -> None:
    assert other_stories_line(_analysis(MAIN, CASSEL)) == \
        "Not in this brief: 1 other story loaded (2 articles): Tesmark, Lirea (2)."
    assert other_stories_line(_analysis(MAIN, CASSEL, HARVEST, FAIR)) == (
        "Not in this brief: 3 other stories loaded (4 articles): Tesmark, Lirea (2); "
        "“Brenholt wheat harvest breaks record…” (1); 1 more."
    )


def test_a_brief_about_another_story_names_the_largest_among_the_rest() -> None:
    line = other_stories_line(replace(_analysis(MAIN, CASSEL), story=CASSEL.id))
    assert line == "Not in this brief: 1 other story loaded (3 articles): Dravik, Halvik (3)."


def test_one_article_is_singular() -> None:
    line = other_stories_line(_analysis(MAIN, HARVEST))
    assert line is not None and "loaded (1 article):" in line


def test_the_line_goes_to_the_notes_once_and_survives_the_budget() -> None:
    brief = Brief.new(Settings())
    analysis = _analysis(MAIN, CASSEL)
    assert note_other_stories(brief, analysis)
    assert not note_other_stories(brief, analysis)  # already there
    [item] = brief.items_in("notes")
    assert item.text.startswith("Not in this brief") and item.rank > 100
    assert not brief.undo()  # part of the automatic brief, not an edit to undo


def test_no_notes_section_no_line() -> None:
    sections = tuple(s for s in Settings().brief.sections if s.id != "notes")
    settings = replace(Settings(), brief=replace(Settings().brief, sections=sections))
    brief = Brief.new(settings)
    assert not note_other_stories(brief, _analysis(MAIN, CASSEL)) and not brief.items
    assert isinstance(sections[0], SectionSettings)


def _articles(*ids: str) -> tuple[Article, ...]:
    return tuple(Article(id=i, title=f"Report {i}", source="Wire", published=None, text="Words.", paragraphs=("Words.",),
                         sentences=(), words=1, path=f"{i}.md") for i in ids)


def test_the_articles_described_are_the_storys_and_any_cited_elsewhere() -> None:
    analysis = replace(_analysis(CASSEL, MAIN), articles=_articles(*"abcdefg"))
    brief = Brief.new(Settings())
    assert [a.id for a in articles_described(brief, analysis)] == ["d", "e"]
    brief.add("A line from the harvest report.", ItemOrigin("sentence", ("f",), sentence=0))
    assert [a.id for a in articles_described(brief, analysis)] == ["d", "e", "f"]


def test_with_one_story_every_article_is_described() -> None:
    analysis = replace(_analysis(MAIN), articles=_articles("a", "b", "x"))
    assert [a.id for a in articles_described(Brief.new(Settings()), analysis)] == ["a", "b", "x"]
