"""A line's citations: every figure of the line in the cited sentence, and no report published
before the day the line names (digest/cite.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.config import DigestSettings
from briefing.digest.build import build_digest
from briefing.digest.cite import day_named, states_same_fact
from briefing.models import Article
from briefing.nlp.sentences import segment

WED, FRI, SAT = dt.date(2030, 3, 6), dt.date(2030, 3, 8), dt.date(2030, 3, 9)


def _article(aid: str, paragraphs: list[str], published: dt.date | None) -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, f"Outlet {aid}", published, text, tuple(paragraphs), segment(paragraphs), len(text.split()))


@pytest.mark.parametrize(
    ("line", "sentence", "same"),
    [
        ("The navy said it had sunk 12 smuggling boats off the coast of Varna.",
         "The navy said it had sunk smuggling boats off the coast of Varna.", False),  # no 12
        ("The navy said it had sunk 12 smuggling boats off the coast of Varna.",
         "Off the coast of Varna the navy said it had sunk 12 smuggling boats this week.", True),
        ("The navy said it had sunk smuggling boats off the coast of Varna.",
         "The navy said it had sunk 12 smuggling boats off the coast of Varna.", True),  # a detail more
    ],
)  # fmt: skip
def test_a_cited_sentence_holds_every_figure_of_the_line(line: str, sentence: str, same: bool) -> None:
    assert states_same_fact(line, sentence) is same


def test_the_day_a_line_names_is_counted_back_from_its_report() -> None:
    assert day_named("The envoy met the governor on Friday.", SAT) == FRI
    assert day_named("The envoy met the governor on Friday.", FRI) == FRI
    assert day_named("The envoy met the governor on Wednesday and again on Friday.", SAT) == FRI
    assert day_named("The envoy met the governor.", SAT) is None
    assert day_named("The envoy met the governor on Friday.", None) is None


def test_a_report_older_than_the_day_the_line_names_is_not_cited() -> None:
    line = "The envoy of Tesmark met the governor of Varna on Friday to discuss the blockade of the port."
    older = _article("old", ["The envoy of Tesmark met the governor of Varna on Friday to discuss the blockade of the port.",
                             "Fishing boats stayed in the harbour."], WED)  # an earlier Friday's meeting
    newer = _article("new", [line, "Ferries stayed in the harbour."], SAT)
    same_day = _article("day", ["On Friday the envoy of Tesmark met the governor of Varna to discuss the port blockade.",
                                "Dockers waited at the gates."], FRI)
    digest = build_digest([older, newer, same_day], DigestSettings(words=40))
    cited = next(d.articles for d in digest if "Friday" in d.text)
    assert "old" not in cited
    assert "day" in cited


# How rare each stem is, as the digest counts them: its terms join a hyphenated word.
_RARITY = {"protest": 2.0, "angri": 4.0, "film": 6.0, "harbour": 1.0, "fire": 4.0, "rocketpropel": 4.0, "grenad": 4.0}


def _rarity(stem: str) -> float:
    return _RARITY.get(stem, 0.0)


def test_a_hyphenated_word_weighs_what_the_digest_counted_for_it() -> None:
    """"rocket-propelled" is what happened as much as "grenades": a sentence that has neither
    does not state the line (it weighed nothing when looked up with its hyphen)."""
    line = "The protesters, angry over a film about the harbour, were firing rocket-propelled grenades."
    assert not states_same_fact(line, "An angry crowd came to protest a film about the harbour on Monday.", _rarity)
    assert states_same_fact(line, "Angry protesters fired rocket-propelled grenades over a film about the harbour.", _rarity)
