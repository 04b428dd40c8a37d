"""An older report's 'today', 'now' or 'will' is not the reader's: such a line is not chosen
over newer news (digest/lead.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.config import DigestSettings
from briefing.digest.build import build_digest
from briefing.digest.lead import is_background, is_stale_present
from briefing.models import Article
from briefing.nlp.sentences import segment

MON, TUE, WED, SAT = dt.date(2030, 3, 4), dt.date(2030, 3, 5), dt.date(2030, 3, 6), dt.date(2030, 3, 9)


@pytest.mark.parametrize(
    ("text", "published", "stale"),
    [
        ("The governor will address parliament on the blockade today.", MON, True),  # five days on
        ("The governor will address parliament on the blockade today.", WED, True),  # three days on
        ("The governor addresses parliament on the blockade tonight.", dt.date(2030, 3, 8), True),  # a day on
        ("A three-day truce has taken hold in the port of Varna.", WED, True),
        ("The navy will lift the blockade of Varna next week.", WED, True),
        ("The navy will lift the blockade of Varna next week.", dt.date(2030, 3, 8), False),  # a day: still news
        ("The governor addressed parliament on the blockade on Monday.", MON, False),  # dated, past
        ("The governor said: “We will not lift the blockade today.”", MON, False),  # his words, quoted
        ("The governor will address parliament on the blockade today.", SAT, False),  # the newest report
        ("The governor will address parliament on the blockade today.", None, False),  # undated
        ("Dockers and the navy are calling for an inquiry into the shelling of Varna.", WED, True),
        ("The governor continues to face strong opposition over the blockade.", WED, True),
        ("Two dockers were killed in the harbour of Varna last night.", dt.date(2030, 3, 8), True),
        ("Earlier in the day the navy shelled the harbour of Varna.", dt.date(2030, 3, 8), True),
        # near misses: the same words in the newest report, or dated and past
        ("Dockers and the navy are calling for an inquiry into the shelling of Varna.", SAT, False),
        ("The dockers were calling for an inquiry on Wednesday, union leaders said.", WED, False),
        ("The morning of the shelling, the governor was in the capital.", WED, False),
    ],
)
def test_an_old_reports_present_and_future(text: str, published: dt.date | None, stale: bool) -> None:
    assert is_stale_present(text, published, SAT) is stale


def _article(aid: str, paragraphs: list[str], published: dt.date) -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, f"Outlet {aid}", published, text, tuple(paragraphs), segment(paragraphs), len(text.split()))


def test_the_digest_passes_over_an_old_reports_truce_that_has_taken_hold() -> None:
    old = _article("old", ["A three-day truce has taken hold in the port of Varna after a month of shelling.",
                           "Dockers returned to the cranes in Varna."], TUE)
    new = _article("new", ["The three-day truce in the port of Varna expired on Friday and shelling resumed.",
                           "Dockers fled the cranes in Varna."], SAT)
    texts = [d.text for d in build_digest([old, new], DigestSettings(words=60))]
    assert any("expired" in t for t in texts)
    assert not any("taken hold" in t for t in texts)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Anger boiled over last week after snipers killed scores of dockers in Varna.", True),
        ("The blockade began three weeks ago, when the navy closed the harbour.", True),
        ("The blockade began in 2027, when the navy closed the harbour.", True),
        ("The navy lifted the blockade of Varna on Friday.", False),
        ("The governor said the navy would lift the blockade of Varna next week.", False),  # ahead, not back
        ("The governor said: “Last week was the hardest of the war.”", False),  # his words
    ],
)
def test_a_line_looking_back_a_week_or_more_is_background(text: str, background: bool) -> None:
    assert is_background(text, 2030) is background
