"""What a brief about one story says of the other stories loaded with it: one short line.

A brief describes one story (the largest, or the one chosen); a reader who loaded a
mixed morning must learn that the rest is not in it, not take the page for all of it.
The line is a free-text item of the Analyst notes, so the user can edit or delete it
like any note. Called after the automatic brief is made (`briefing build`, and the
terminal app's new brief), kept apart from how that brief is chosen and rendered.
"""

from __future__ import annotations

from briefing.brief.model import Brief, DuplicateItemError, ItemOrigin
from briefing.models import Analysis, Article, Story

RANK_SCOPE = 900.0  # kept before everything but the bottom line when the page is too long
SECTION = "notes"
NAMED = 2  # other stories named in the line, largest first


def other_stories_line(analysis: Analysis) -> str | None:
    """'Not in this brief: 2 other stories loaded (26 articles): Kiev, Yanukovych (15); Benghazi (11).'"""
    others = [s for s in analysis.stories if s.id != analysis.story]
    if not others:
        return None
    articles = sum(len(s.articles) for s in others)
    named = "; ".join(f"{_name(s)} ({len(s.articles)})" for s in others[:NAMED])
    more = f"; {len(others) - NAMED} more" if len(others) > NAMED else ""
    stories = "1 other story" if len(others) == 1 else f"{len(others)} other stories"
    counted = "1 article" if articles == 1 else f"{articles} articles"
    return f"Not in this brief: {stories} loaded ({counted}): {named}{more}."


def _name(story: Story) -> str:
    if story.keywords:
        return ", ".join(story.keywords[:2])
    title = " ".join(story.title.split())
    return f"“{title[:37].rstrip()}…”" if len(title) > 40 else f"“{title}”"


def articles_described(brief: Brief, analysis: Analysis) -> list[Article]:
    """The articles a brief is about: those of the story `analysis` describes, and any other
    the brief cites. What the store records with a saved brief: the story label it finds is
    then the one these articles share, not None because another story was loaded with them."""
    story = analysis.main_story
    if story is None or len(analysis.stories) < 2:
        return list(analysis.articles)
    keep = set(story.articles) | brief.cited_ids()
    return [a for a in analysis.articles if a.id in keep]


def note_other_stories(brief: Brief, analysis: Analysis) -> bool:
    """Add the line to the brief's notes (when it has a notes section and there are other
    stories), then fit the page again; True when added."""
    line = other_stories_line(analysis)
    if line is None or SECTION not in brief.section_ids:
        return False
    if any(item.text == line for item in brief.items_in(SECTION)):
        return False  # free notes are not checked for duplicates by the brief itself
    try:
        brief.add(line, ItemOrigin.free(), SECTION, rank=RANK_SCOPE)
    except DuplicateItemError:
        return False
    from briefing.brief.auto import fit_to_budget

    fit_to_budget(brief, analysis)
    brief.forget_history()  # part of the automatic brief: the user's first undo must not take it out
    return True
