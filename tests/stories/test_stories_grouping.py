"""Grouping a pile into stories: invented conflicts told apart, one story kept whole, determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest

from briefing.settings import StorySettings
from briefing.stories import grouping
from briefing.stories.grouping import average_linkage, date_factor, group_stories
from support.story_piles import CASSEL, DRAVIK, STRAY, article, articles

SETTINGS = StorySettings()


def _members(stories) -> list[set[str]]:
    return [set(s.articles) for s in stories]


def test_one_conflict_over_several_days_is_one_story() -> None:
    [story] = group_stories(articles(*DRAVIK), SETTINGS)
    assert story.articles == tuple(r[0] for r in DRAVIK)  # in the order given
    assert {"Dravik", "Halvik"} <= set(story.keywords)


def test_two_conflicts_loaded_together_are_two_stories_each_whole() -> None:
    stories = group_stories(articles(*CASSEL, *DRAVIK), SETTINGS)
    assert _members(stories) == [{r[0] for r in DRAVIK}, {r[0] for r in CASSEL}]  # largest first


def test_a_stray_report_is_a_story_of_its_own() -> None:
    stories = group_stories(articles(*DRAVIK, STRAY, *CASSEL), SETTINGS)
    assert _members(stories) == [{r[0] for r in DRAVIK}, {r[0] for r in CASSEL}, {"harvest"}]
    assert stories[2].title == STRAY[3]


def test_the_same_articles_in_any_order_make_the_same_stories() -> None:
    pile = articles(*DRAVIK, *CASSEL, STRAY)
    expected = [(s.id, set(s.articles), s.title) for s in group_stories(pile, SETTINGS)]
    for seed in range(5):
        shuffled = pile[:]
        random.Random(seed).shuffle(shuffled)
        assert [(s.id, set(s.articles), s.title) for s in group_stories(shuffled, SETTINGS)] == expected


def test_ids_name_the_articles_not_the_order() -> None:
    first = group_stories(articles(*DRAVIK), SETTINGS)[0].id
    assert first == group_stories(articles(*reversed(DRAVIK)), SETTINGS)[0].id
    assert first != group_stories(articles(*DRAVIK[:4]), SETTINGS)[0].id
    assert len(first) == grouping.ID_CHARS and int(first, 16) >= 0


def test_the_same_reports_a_year_apart_are_two_stories() -> None:
    """The same town and people a year later: another round of the war, another story."""
    later = [article(r, published=r[2] + dt.timedelta(days=365), ident=r[0] + "-later") for r in DRAVIK]
    stories = group_stories(articles(*DRAVIK) + later, SETTINGS)
    assert _members(stories) == [{r[0] for r in DRAVIK}, {r[0] + "-later" for r in DRAVIK}]


def test_undated_reports_are_grouped_by_content_alone() -> None:
    undated = [dataclasses.replace(a, published=None) for a in articles(*DRAVIK, *CASSEL)]
    assert _members(group_stories(undated, SETTINGS)) == [{r[0] for r in DRAVIK}, {r[0] for r in CASSEL}]


def test_sharing_the_words_of_war_and_one_institution_is_not_one_story() -> None:
    """Near miss: both conflicts have a ceasefire, talks, killings and the United Nations."""
    pair = [article(DRAVIK[2]), article(CASSEL[1])]
    assert len(group_stories(pair, SETTINGS)) == 2


def test_grouping_off_makes_one_story_of_everything() -> None:
    pile = articles(*DRAVIK, *CASSEL)
    [story] = group_stories(pile, StorySettings(group=False))
    assert story.articles == tuple(a.id for a in pile)


def test_the_same_article_twice_is_listed_once_and_nothing_is_no_story() -> None:
    pile = articles(*DRAVIK)
    [story] = group_stories(pile + pile[:2], SETTINGS)
    assert story.articles == tuple(a.id for a in pile)
    assert group_stories([], SETTINGS) == ()


def test_a_higher_threshold_splits_more() -> None:
    strict = group_stories(articles(*DRAVIK, *CASSEL), StorySettings(similarity=0.9))
    assert len(strict) == len(DRAVIK) + len(CASSEL)


def test_slices_of_a_large_pile_are_joined_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above MAX_DENSE articles the pile is clustered in date-ordered slices (here 4, 4 and 2
    articles, each story cut across them), then the slices' groups as wholes."""
    pile = articles(*DRAVIK, *CASSEL, STRAY)
    whole = _members(group_stories(pile, SETTINGS))
    monkeypatch.setattr(grouping, "MAX_DENSE", 4)
    assert _members(group_stories(pile, SETTINGS)) == whole


# --------------------------------------------------------------------------- the clustering itself


def test_average_linkage_merges_by_the_mean_of_all_pairs() -> None:
    links = np.array([
        [0.0, 0.9, 0.2, 0.0],
        [0.9, 0.0, 0.0, 0.0],
        [0.2, 0.0, 0.0, 0.05],
        [0.0, 0.0, 0.05, 0.0],
    ])  # fmt: skip
    # {0,1} at 0.9; then {0,1} to 2 averages (0.2 + 0.0) / 2 = 0.1: joins at 0.1, not at 0.15
    assert average_linkage(links, [1, 1, 1, 1], 0.1) == [[0, 1, 2], [3]]
    assert average_linkage(links, [1, 1, 1, 1], 0.15) == [[0, 1], [2], [3]]


def test_average_linkage_weighs_groups_by_their_size() -> None:
    """Rows that are groups already: links are summed over their members, averaged by sizes."""
    links = np.array([[0.0, 3.0], [3.0, 0.0]])
    assert average_linkage(links, [2, 3], 0.5) == [[0, 1]]  # 3 / (2 * 3) = 0.5
    assert average_linkage(links, [2, 4], 0.5) == [[0], [1]]  # 3 / 8 < 0.5


def test_ties_go_to_the_lower_index() -> None:
    links = np.array([[0.0, 0.5, 0.5], [0.5, 0.0, 0.0], [0.5, 0.0, 0.0]])
    assert average_linkage(links, [1, 1, 1], 0.4) == [[0, 1], [2]]


def test_the_date_factor_fades_from_the_window_to_twice_it() -> None:
    days = np.array([0.0, 7.0, 10.5, 14.0, np.nan])
    factor = date_factor(days, 7)
    assert factor[0, 1] == 1.0 and factor[0, 2] == pytest.approx(0.5) and factor[0, 3] == 0.0
    assert (factor[4] == 1.0).all() and (factor[:, 4] == 1.0).all()  # undated: content alone decides
