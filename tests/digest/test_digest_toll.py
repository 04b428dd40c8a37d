"""The human toll: the digest's first lines say how many were killed, wounded or driven out."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.config import DigestSettings
from briefing.digest.build import build_digest
from briefing.digest.toll import TOLL_WITHIN, counts_two_groups, states_toll
from briefing.models import Article
from briefing.nlp.sentences import segment

DAY = dt.date(2030, 3, 6)


def _article(aid: str, paragraphs: list[str], published: dt.date = DAY) -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, f"Outlet {aid}", published, text, tuple(paragraphs), segment(paragraphs),
                   len(text.split()))


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 400 civilians have been killed in the port since the siege began, the health ministry said.",
        "Shelling killed at least 14 people in the harbour district on Monday.",
        "Four aid workers including the U.S. convoy leader were killed near the port.",
        "The death toll from the shelling rose to 212 on Tuesday.",
        "More than 60,000 residents have fled the port city, the U.N. said.",
        "Reports from the port said the shelling killed 12 people, the Red Crescent confirmed.",  # named source
    ],
)
def test_a_count_of_people_killed_wounded_or_displaced_is_a_toll(text: str) -> None:
    assert states_toll(text)


@pytest.mark.parametrize(
    "text",
    [
        "The navy sent four ships to the port on Monday.",
        "Talks on the port resumed after 14 days.",
        "The governor said “400 people were killed” in a speech that historians dispute.",  # her words, not ours
        "Shelling killed the harbour master on Monday.",
        "Some news reports said 90 people had been killed in the port.",  # hearsay: no count to state
        "At least 40 people were killed, according to unconfirmed reports.",
    ],
)
def test_near_misses_are_not_a_toll(text: str) -> None:
    assert not states_toll(text)


# Several outlets report the truce; one report far down gives the toll.
_TRUCE = [
    _article(f"t{k}", [
        f"Government and rebel commanders signed a truce for the port of Varna on Wednesday, outlet {k} reported.",
        "The truce lets aid convoys enter the port and opens a corridor for civilians leaving the harbour.",
        "Talks on a lasting settlement for the port are due to begin in the capital next week.",
        "The governor of the port thanked the mediators and asked traders to reopen the markets.",
    ])
    for k in range(4)
]
_TOLL = _article("d1", [
    "Diplomats from three countries attended the signing ceremony in the capital on Wednesday.",
    "Nearly 400 civilians were killed in the port during the six weeks of shelling, the health ministry said.",
])


def test_the_toll_comes_second_when_the_first_lines_lack_one() -> None:
    digest = build_digest([*_TRUCE, _TOLL], DigestSettings(words=200))
    assert not states_toll(digest[0].text)
    assert any(states_toll(d.text) for d in digest[:TOLL_WITHIN])
    assert "400 civilians" in digest[1].text


def test_no_toll_in_the_pile_leaves_the_digest_as_it_was() -> None:
    digest = build_digest(_TRUCE, DigestSettings(words=200))
    assert digest and not any(states_toll(d.text) for d in digest)


@pytest.mark.parametrize(
    ("text", "two"),
    [
        ("The shelling has killed nearly 400 civilians and 12 soldiers, the ministry said.", True),
        ("Officials said 30 rebels and two police officers died in the clashes.", True),
        ("Nearly 400 civilians have been killed in the port, the ministry said.", False),
        ("Shelling killed 5 people and wounded 12 on Monday.", False),  # one group, two harms
        ("The navy sent four ships and two tugs to the port.", False),  # no toll
        ("Between 2011 and 2014 the army lost ground in the port.", False),
    ],
)
def test_a_toll_of_two_groups(text: str, two: bool) -> None:
    assert counts_two_groups(text) is two


def _fuller_pile(second_side: str) -> list[Article]:
    one_side = _article("d2", [
        "Diplomats from three countries attended the signing ceremony in the capital on Wednesday.",
        "Nearly 400 civilians were killed in the port during the six weeks of shelling, the health ministry said.",
    ])
    both = _article("d3", [
        "Aid convoys waited at the checkpoint north of the port on Wednesday morning.",
        second_side,
    ], published=DAY - dt.timedelta(days=2))
    return [*_TRUCE[:3], one_side, both]  # under OFF_STORY_MIN_REPORTS: no line is taken for another story


def test_the_toll_counts_both_sides_when_a_report_does() -> None:
    digest = build_digest(
        _fuller_pile("The six weeks of shelling killed nearly 400 civilians and 25 soldiers in the port."),
        DigestSettings(words=200),
    )
    tolls = [d.text for d in digest[:TOLL_WITHIN] if states_toll(d.text)]
    assert tolls and "400 civilians and 25 soldiers" in tolls[0]


@pytest.mark.parametrize(
    "second_side",
    [
        "The six weeks of shelling killed nearly 300 civilians and 25 soldiers in the port.",  # another count
        "If the truce holds, it would end fighting that killed nearly 400 civilians and 25 soldiers in the port.",
    ],
)
def test_a_fuller_toll_must_give_the_same_count_and_report_it(second_side: str) -> None:
    digest = build_digest(_fuller_pile(second_side), DigestSettings(words=200))
    tolls = [d.text for d in digest[:TOLL_WITHIN] if states_toll(d.text)]
    assert tolls and "Nearly 400 civilians were killed in the port" in tolls[0]


def test_a_fuller_toll_keeps_every_count_of_the_chosen_one() -> None:
    three = _article("d2", [
        "Diplomats from three countries attended the signing ceremony in the capital on Wednesday.",
        "Nearly 400 civilians were killed in the port, as well as 30 soldiers, the health ministry said.",
    ])
    other = _article("d3", [
        "Aid convoys waited at the checkpoint north of the port on Wednesday morning.",
        "Shelling killed 30 civilians and two soldiers in the hills above the port.",
    ], published=DAY - dt.timedelta(days=3))
    digest = build_digest([*_TRUCE[:3], three, other], DigestSettings(words=60))
    tolls = [d.text for d in digest[:TOLL_WITHIN] if states_toll(d.text)]
    assert tolls and "Nearly 400 civilians" in tolls[0]
