"""Choosing a story by id or by its number as listed (`--story`), and the one-line label."""

from __future__ import annotations

import pytest

from briefing.models import Story
from briefing.stories.choice import StoryNotFound, pick_story, story_label

STORIES = (
    Story("a3f9c2d1", "Ceasefire agreed in Halvik for besieged Dravik", ("d1", "d2", "d3"), ("Dravik", "Halvik")),
    Story("0b17e4aa", "Tesmark navy blockades Port Cassel", ("c1", "c2"), ("Tesmark",)),
)


def test_by_id_or_by_number() -> None:
    assert pick_story(STORIES, "0b17e4aa") is STORIES[1]
    assert pick_story(STORIES, " 0B17E4AA ") is STORIES[1]
    assert pick_story(STORIES, "1") is STORIES[0]
    assert pick_story(STORIES, "2") is STORIES[1]


@pytest.mark.parametrize("wanted", ["3", "0", "-1", "0b17", "gaza", ""])
def test_an_unknown_story_lists_the_stories_loaded(wanted: str) -> None:
    with pytest.raises(StoryNotFound) as caught:
        pick_story(STORIES, wanted)
    message = str(caught.value)
    assert "2 loaded" in message and "a3f9c2d1" in message and "0b17e4aa" in message


def test_label_names_number_id_size_names_and_title() -> None:
    assert story_label(STORIES[0], 1) == "1 (a3f9c2d1): 3 articles, Dravik, Halvik: “Ceasefire agreed in Halvik for besieged Dravik”"
    assert story_label(Story("x", "A " * 50, ("a",)), 3, width=10).endswith("1 article: “A A A A A…”")
