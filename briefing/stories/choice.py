"""Choosing a story: `--story ID` on the command line, the story key in the terminal app.

A story is named by its id (a short hash of its articles, stable for the same
articles) or by its number as listed, largest first ("1" is the main story), so a
user can type what `briefing analyze` printed either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Story


class StoryNotFound(ValueError):
    """The story asked for is not among those loaded; the message lists them."""


def story_label(story: Story, number: int, width: int = 60) -> str:
    """'2 (a3f9c2d1): 15 articles, Kiev, Yanukovych: “Ukraine truce ...”' on one line."""
    title = " ".join(story.title.split())
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    names = f", {', '.join(story.keywords[:3])}" if story.keywords else ""
    count = f"{len(story.articles)} article{'s' if len(story.articles) != 1 else ''}"
    return f"{number} ({story.id}): {count}{names}: “{title}”"


def pick_story(stories: Sequence[Story], wanted: str) -> Story:
    """The story `wanted` names: its id, or its number in the list (1 = the largest)."""
    key = wanted.strip()
    for story in stories:
        if story.id == key.lower():
            return story
    if key.isdigit() and 1 <= int(key) <= len(stories):
        return stories[int(key) - 1]
    listed = "; ".join(story_label(s, n, 40) for n, s in enumerate(stories, 1)) or "none"
    raise StoryNotFound(f"no story {key!r} among the {len(stories)} loaded: {listed}")
