"""Which kind a number counts, read from the words around it. Invented sentences only."""

from __future__ import annotations

import datetime as dt

from briefing.models import Figure
from briefing.status.dates import Reference
from briefing.status.figures import compile_rules, extract_figures
from briefing.status.profile import load_lexicon
from support.article_text import article_from_text

RULES = compile_rules(load_lexicon())
REF = Reference(2024, 6, 3, False, "test")


def _figures(text: str) -> set[tuple[str, int]]:
    article = article_from_text(text, "a", dt.date(2024, 6, 3))
    return {(f.kind, f.value) for f in extract_figures(article, RULES, REF)}


def _all(text: str) -> list[Figure]:
    return extract_figures(article_from_text(text, "a", dt.date(2024, 6, 3)), RULES, REF)


def test_the_nearest_kind_word_decides() -> None:
    assert _figures("A wave of car bombs by rebel fighters killed 31 soldiers near the dam.") == {("killed", 31)}


def test_a_list_shares_the_verb_after_it() -> None:
    got = _figures("Officials said 18 Ruritanian soldiers and four civilians in Varna died in the shelling.")
    assert got == {("killed", 18), ("killed", 4)}
    got = _figures("At least nine villagers and two members of the militia known as the Hill Guard were killed.")
    assert got == {("killed", 9), ("killed", 2)}


def test_a_list_shares_the_verb_before_it_unless_a_count_has_its_own() -> None:
    assert _figures("The strike killed 14 civilians and three soldiers.") == {("killed", 14), ("killed", 3)}
    got = _figures("The raid killed 14 civilians, and 300 troops arrived in the town later.")
    assert ("killed", 300) not in got


def test_a_toll_verb_carries_the_kind_to_the_number() -> None:
    got = _figures("The death toll in the week of air and artillery strikes has climbed to 412, medics said.")
    assert got == {("killed", 412)}
    assert _figures("The toll of the storm was 40 percent higher.") == set()


def test_put_the_figure_at_restates_the_previous_kind() -> None:
    got = _figures("Aid groups said thousands had fled their homes, while the monitor put the figure at 45,000.")
    assert ("displaced", 45_000) in got


def test_killed_or_wounded_counts_both_and_is_no_death_toll() -> None:
    assert _figures("The group said its fighters killed or wounded 22 guards.") == {("other", 22)}
    assert _figures("Some 50 people were killed or wounded in the blast.") == {("other", 50)}


def test_lost_soldiers_are_killed_soldiers() -> None:
    assert _figures("The army has lost more than 70 soldiers since May.") == {("killed", 70)}


def test_captured_soldiers_are_other() -> None:
    assert _figures("Another 40 border guards were apparently captured near the pass.") == {("other", 40)}


def test_run_for_their_lives_is_flight_not_death() -> None:
    assert not any(k == "killed" for k, _ in _figures("The shelling forced thousands to run for their lives."))


def test_a_quoted_word_for_the_dead_still_counts() -> None:
    assert _figures("The minister said 55 \u201cbandits\u201d were killed in the raid.") == {("killed", 55)}


def test_new_troop_and_casualty_words() -> None:
    assert ("troops", 800) in _figures("The ministry is calling up 800 reservists.")
    assert ("killed", 2) in _figures("The group has beheaded two aid workers.")
    assert ("injured", 90) in _figures("Of the wounded, 90 were hospitalized.")
    assert ("killed", 14) in _figures("Rescuers recovered 14 bodies from the rubble.")
