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


def test_the_whole_of_a_part_is_no_count_of_its_kind() -> None:
    assert _figures("Thirty of the 150 people taken to the clinic died, a nurse said.") == {("killed", 30)}


def test_another_n_takes_the_verb_after_it() -> None:
    got = _figures("At least 60 guards were killed and another 25 are missing, officials said.")
    assert got == {("killed", 60), ("other", 25)}


def test_one_counts_before_a_person() -> None:
    assert _figures("Four civilians and one soldier were killed in the raid.") == {("killed", 4), ("killed", 1)}
    assert _figures("One of the soldiers said the town was quiet.") == set()


def test_captives_are_counted_by_their_noun() -> None:
    assert ("other", 3_000) in _figures("Reporters visited a jail crowded with 3,000 detainees.")


def test_the_flight_of_people_across_a_border_is_refugees() -> None:
    assert _figures("The fighting caused the flight of more than 20,000 people to neighbouring Chad.") == {("refugees", 20_000)}


def test_those_killed_included() -> None:
    assert ("killed", 3) in _figures("Those killed in the night raids included three nurses in the old town.")


def test_a_toll_verb_wins_over_a_later_kind_word() -> None:
    got = _figures("The death toll since Monday now stood at 58 with more than 300 wounded.")
    assert got == {("killed", 58), ("injured", 300)}


def test_as_well_as_extends_a_casualty_list() -> None:
    got = _figures("The monitor said 20 militia fighters were killed in the strikes, as well as 12 fighters of a rival group.")
    assert got == {("killed", 20), ("killed", 12)}


def test_treated_for_symptoms_is_injured() -> None:
    assert ("injured", 900) in _figures("Clinics treated about 900 people for symptoms of gas exposure.")


def test_a_month_name_inside_a_word_is_no_date() -> None:
    assert ("troops", 40) in _figures("A team of 40 Marines was sent to guard the embassy.")
    assert _figures("On 5 March the market reopened.") == set()


def test_family_members_of_fighters_are_not_troops() -> None:
    assert not any(k == "troops" for k, _ in _figures("The camp held thousands of family members of militia fighters."))


def test_a_list_gives_its_verb_only_to_counted_people() -> None:
    assert _figures("Hundreds marched on Sunday, and two people were killed in the unrest.") == {("killed", 2)}
    assert _figures("None of the 120 passengers on board was injured.") == set()


def test_dead_and_wounded_with_two_numbers_are_two_counts() -> None:
    assert _figures("The blast left 14 people dead and wounded seven more.") == {("killed", 14), ("injured", 7)}


def test_a_verb_far_after_an_unrelated_clause_is_not_the_counts() -> None:
    got = _figures("Five of the six officers gave statements to investigators the day the man was injured.")
    assert got == set()
