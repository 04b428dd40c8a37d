"""The human toll: the digest's first lines say how many were killed, wounded or driven out."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.config import DigestSettings
from briefing.digest.build import build_digest
from briefing.digest.toll import TOLL_WITHIN, states_toll
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
