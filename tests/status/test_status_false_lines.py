"""False status lines a user trial found: each rule on invented sentences, with its near misses."""

from __future__ import annotations

import datetime as dt

from briefing.models import Figure
from briefing.status.dates import Reference
from briefing.status.figures import compile_rules, extract_figures
from briefing.status.profile import load_lexicon
from support.article_text import article_from_text

RULES = compile_rules(load_lexicon())
REF = Reference(2024, 6, 3, False, "test")


def _figs(text: str) -> list[Figure]:
    return extract_figures(article_from_text(text, "a1", dt.date(2024, 6, 3), title="t"), RULES, REF)


def _current(text: str) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for f in _figs(text) if f.scope != "background"}


# --- 1. an injury verb governs the number; "in addition to the dead" names another count --------
def test_injury_verb_beats_a_death_word_after_in_addition_to() -> None:
    got = _current("Riots broke out in the port on Monday, injuring 130 in addition to the fatalities.")
    assert got == {("injured", 130)}


def test_besides_the_dead_is_not_part_of_the_count() -> None:
    (fig,) = _figs("Shelling wounded 30 besides the dead.")
    assert (fig.kind, fig.value, fig.text) == ("injured", 30, "30")


def test_near_miss_plain_death_count_still_a_death_count() -> None:
    assert _current("At least 40 people were killed in the riots on Monday.") == {("killed", 40)}
    assert _current("Gunmen killed 12 people as well as injuring 30.") == {("killed", 12), ("injured", 30)}


# --- 2. a vague count in the past perfect is of an earlier time --------------------------------
def test_vague_past_perfect_is_background() -> None:
    assert _current("The junta, whose crackdown had killed thousands of people, was warned a year ago.") == set()


def test_near_miss_vague_present_and_exact_past_perfect_stay() -> None:
    assert _current("Shelling killed dozens of people on Monday.") == {("killed", 12)}
    assert _current("Police said 40 people had been killed.") == {("killed", 40)}


# --- 3. a count over a span of years is background ---------------------------------------------
def test_count_over_years_is_background() -> None:
    assert _current("The militia says that, in six years, it has lost 9,000 fighters battling the rebels.") == set()
    assert _current("Over the past decade the insurgency has killed 20,000 people.") == set()
    assert _current("In the past three years, 5,000 civilians have died, including 12 killed on Monday.") == {("killed", 12)}


def test_near_misses_of_the_span_rule() -> None:
    assert _current("Militants killed 14 people, the worst attack in five years.") == {("killed", 14)}
    assert _current("Rebels killed 30 soldiers in three days of fighting.") == {("killed", 30)}
    assert _current("Airstrikes killed 20 people in the town on Sunday.") == {("killed", 20)}


def test_running_total_after_a_sentence_spanning_years_is_background() -> None:
    text = ("The rebels have fought the state for 40 years. The conflict has killed tens of thousands of people.")
    assert _current(text) == set()


def test_near_miss_running_total_after_a_span_anchored_today() -> None:
    text = ("The rebels have fought the state for 40 years. The offensive has killed 50 people since Monday.")
    assert _current(text) == {("killed", 50)}
    text = ("The siege began in March. The offensive has killed 50 people.")
    assert _current(text) == {("killed", 50)}


# --- 4. a profile's broker or mediator is shown only when the set shows it brokering -------------
def _parties(*texts: str) -> dict[str, str]:
    from briefing.config import ConflictSettings
    from briefing.status.build import build_status

    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, 3), title="t") for i, t in enumerate(texts)]
    status = build_status(articles, ConflictSettings(profile="syria"))
    return {a.name: a.side for a in status.actors}


def test_a_broker_that_attacks_is_no_broker() -> None:
    sides = _parties(
        "Turkey launched an offensive against Kurdish fighters in Syria on Wednesday. Syria condemned it.",
        "Turkish warplanes bombed border towns in Syria as the Turkish offensive pressed on.",
        "Turkey brokered a prisoner swap last year, Syrian officials said.",
    )
    assert sides.get("Turkey") != "broker"


def test_a_broker_is_kept_only_when_shown_brokering() -> None:
    shown = _parties(
        "A Turkish-brokered truce took hold in northern Syria on Monday, Syrian officials said.",
        "The ceasefire was mediated by Turkey and held in Syria through Tuesday.",
    )
    assert shown.get("Turkey") == "broker"
    unshown = _parties("Turkey hosted a summit on Syria on Monday.", "Syria and Turkey traded accusations.")
    assert unshown.get("Turkey") in (None, "unknown")


def test_one_state_under_two_names_is_one_party() -> None:
    from briefing.brief.items import parties_row
    from briefing.models import Actor, ConflictStatus

    status = ConflictStatus(actors=(
        Actor("Ruritania", "government", 9, kind="state"), Actor("Ruritanian government", "government", 7, kind="state"),
        Actor("Ruritanian army", "government", 5, kind="armed group"),
        Actor("United States", "broker", 4, kind="state"), Actor("United Nations", "broker", 3, kind="organisation"),
    ))
    row = parties_row(status)
    assert row is not None
    assert "government: Ruritania;" in row[0]  # its government and army are the same party
    assert "United States, United Nations" in row[0]


def _unsided(*texts: str) -> tuple[str, ...]:
    from briefing.config import ConflictSettings
    from briefing.status.build import build_status

    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, 3), title="t") for i, t in enumerate(texts)]
    return build_status(articles, ConflictSettings(profile="syria")).unsided_attackers


def test_an_attacker_the_profile_gives_no_side_leaves_no_parties_row() -> None:
    """The profile reads the pile as Syria's war; an offensive by a state it does not list has no side."""
    from briefing.brief.items import parties_row
    from briefing.models import Actor, ConflictStatus

    found = _unsided(
        "Azerbaijan launched an offensive against Kurdish fighters in Syria on Wednesday.",
        "Azerbaijani warplanes bombed border towns in Syria as the Azerbaijani offensive pressed on.",
        "Syria condemned Azerbaijan and Russia called for calm.",
    )
    assert found == ("Azerbaijan",)
    status = ConflictStatus(actors=(Actor("Syria", "government", 9, kind="state"),), unsided_attackers=found)
    assert parties_row(status) is None


def test_near_miss_another_wars_attack_and_a_likely_one_make_no_attacker() -> None:
    assert _unsided(
        "Syria warned that the Azerbaijani invasion in 2003 had ended in ruin.",
        "Analysts said Syria's crisis is not likely to be eased by Azerbaijani airstrikes.",
        "Azerbaijan and Syria traded accusations; the Azerbaijani invasion of 1991 was recalled.",
    ) == ()


def test_an_envoy_named_by_title_is_shown_mediating() -> None:
    sides = _parties(
        "The U.N. special envoy for Syria, Staffan de Mistura, said talks in Geneva would resume on Monday.",
        "De Mistura hosted delegations of the Syrian government on Tuesday.",
    )
    assert sides.get("Staffan de Mistura") == "mediator"


# --- 5. a mediator comes from a sentence saying so, is never a party, and is cited ---------------
def _talks(*texts: str) -> tuple[str | None, list[str]]:
    from briefing.config import ConflictSettings
    from briefing.status.build import build_status

    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, 3), title="t") for i, t in enumerate(texts)]
    talks = build_status(articles, ConflictSettings()).negotiations
    return talks.mediator, [r.article_id for r in talks.evidence]


def test_a_party_asking_for_a_mediator_is_not_the_mediator() -> None:
    mediator, _ = _talks(
        "President Olaf Brandt held talks with opposition leaders in Varna on Monday.\n\n"
        "Norway said it will send a mediator at President Olaf Brandt's request to negotiate with the opposition.\n\n"
        "President Olaf Brandt signed the agreement with the opposition on Tuesday."
    )
    assert mediator != "Olaf Brandt"


def test_a_state_envoy_by_title_alone_is_no_mediator() -> None:
    mediator, _ = _talks(
        "Talks on a truce resumed in Varna on Sunday, with U.S. special envoy Mark Felder flying in.",
        "Negotiators met again in Varna on Monday, officials said.",
    )
    assert mediator is None


def test_the_mediator_sentence_leads_the_evidence() -> None:
    mediator, ids = _talks(
        "Talks between the government and the rebels resumed in Varna on Monday.",
        "The talks in Varna are mediated by Ingrid Solberg, the U.N. envoy for the region, officials said.",
    )
    assert mediator == "Ingrid Solberg"
    assert ids[0] == "a1"


# --- 6. the ceasefire state and its date ------------------------------------------------------
def _ceasefire(*dated: tuple[str, dt.date]) -> tuple[str, dt.date | None]:
    from briefing.config import ConflictSettings
    from briefing.status.build import build_status

    articles = [article_from_text(t, f"a{i}", d, title="t") for i, (t, d) in enumerate(dated)]
    c = build_status(articles, ConflictSettings()).ceasefire
    return c.state, c.since


def test_a_collapsed_truce_shows_no_start_date() -> None:
    state, since = _ceasefire((
        "A truce between the army and the rebels took effect on Thursday, May 30, in the north of Varnia. "
        "By Saturday the truce had collapsed, and shelling resumed in Varnia.", dt.date(2024, 6, 1)))
    assert state == "collapsed"
    assert since is None


def test_each_of_them_collapsed_follows_a_plural_truce() -> None:
    state, _ = _ceasefire((
        "Clashes went on in Varnia on Thursday. There have been two truces since Sunday. "
        "Each of them collapsed within hours.", dt.date(2024, 6, 1)))
    assert state == "collapsed"


def test_a_truce_last_seen_collapsed_stays_collapsed_but_one_last_seen_holding_is_unknown() -> None:
    later = ("Parliament in Varnia met on Wednesday to debate a new budget.", dt.date(2024, 6, 6))
    collapsed = ("The truce in Varnia collapsed on Saturday as fighting resumed.", dt.date(2024, 6, 1))
    holding = ("The truce in Varnia held on Saturday, residents said.", dt.date(2024, 6, 1))
    assert _ceasefire(collapsed, later)[0] == "collapsed"
    assert _ceasefire(holding, later)[0] == "none"


def test_a_quoted_noun_keeps_its_closing_quote() -> None:
    (fig,) = _figs("The governor said 40 “militants” were killed on Monday.")
    assert fig.text == "40 “militants”"
