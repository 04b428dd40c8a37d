"""Numbers next to a casualty or troop word that are no current figure. Invented sentences only."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from briefing.status.dates import Reference
from briefing.status.figure_filters import not_current
from briefing.status.figures import compile_rules, extract_figures
from briefing.status.profile import load_lexicon
from support.article_text import article_from_text

RULES = compile_rules(load_lexicon())
REF = Reference(2024, 6, 3, False, "test")


def _figures(text: str) -> set[tuple[str, int]]:
    article = article_from_text(text, "a", dt.date(2024, 6, 3))
    return {(f.kind, f.value) for f in extract_figures(article, RULES, REF)}


def _why(text: str, number: str, kind: str) -> str | None:
    start = text.index(number)
    return not_current(text, start, start + len(number), kind)


def test_model_designations_are_no_counts() -> None:
    assert _figures("Two MiG 29 fighters struck the depot.") == set()
    assert _why("The S-400 battery fired at the jets.", "400", "troops") == "designation"


def test_equipment_and_munitions_are_no_troops() -> None:
    assert _figures("Militants have fired 2,100 rockets since May, the army said.") == set()
    assert _figures("The navy launched 30 cruise missiles at the fighters' bases.") == set()
    assert _figures("More than 900 of the fighters have been built so far.") == set()
    assert ("troops", 250) in _figures("The country will send six F-16 fighter jets and 250 troops.")


def test_populations_are_no_figures() -> None:
    assert _figures("For the city's 2 million residents, the truce meant bread.") == set()
    assert _figures("About 300,000 people live in the valley the shelling killed.") == set()
    assert _figures("Some 40,000 people were displaced, of the 900,000 there.") == {("displaced", 40_000)}


def test_ages_are_no_counts() -> None:
    assert _figures("Among the dead were four girls under 12.") == {("killed", 4)}


def test_hypotheticals_threats_and_requirements_are_no_figures() -> None:
    assert _figures("What if the war killed 5,000 more civilians?") == set()
    assert _figures("A man threatened to kill 20 people in the square.") == set()
    assert _figures("A wider offensive could kill thousands, aid groups warned.") == set()
    assert _figures("Assuming the monitor is right, the army has lost fewer than 300 soldiers.") == set()
    assert _figures("Analysts estimate 40,000 troops are needed to hold the region.") == set()


def test_reported_counts_beside_those_words_stay() -> None:
    assert ("killed", 12) in _figures("At least 12 people were killed on Sunday, the ministry said.")
    assert ("killed", 30) in _figures("The strike may have killed 30 people, officials said.")
    assert ("troops", 3_000) in _figures("The government will deploy 3,000 troops to the border.")


def test_court_cases_are_no_war_figures() -> None:
    assert _figures("The gunman confessed to killing three other men in the same way.") == set()
    assert ("killed", 30) in _figures("Rights groups accused the militia of killing 30 villagers on Monday.")


def test_a_counterfactual_before_clause_is_no_figure() -> None:
    assert _figures("He said the army could have acted a year ago, before another 9,000 people were killed.") == set()
    assert ("killed", 9_000) in _figures("Before the truce, 9,000 people were killed, the monitor said.")


def test_a_sentence_naming_only_other_states_is_another_conflict() -> None:
    text = (
        "Ruritanian shelling killed 12 people in Varna on Monday.\n"
        "Freedonian police detained 15 people in raids on Thursday.\n"
        "Some 3,000 Ruritanians fled to Freedonia."
    )
    article = article_from_text(text, "a", dt.date(2024, 6, 3))
    core = frozenset({"Ruritania"})
    rules = replace(RULES, nations=re.compile(r"Ruritanians?|Freedonian?"), countries=frozenset({"Freedonia"}),
                    nation_of={"Ruritanian": "Ruritania", "Ruritanians": "Ruritania",
                               "Freedonian": "Freedonia", "Freedonia": "Freedonia"})
    got = {(f.kind, f.value) for f in extract_figures(article, rules, REF, frozenset(), core)}
    assert got == {("killed", 12), ("refugees", 3_000)}
