"""Error classes found by reading the status of real wire reports about other conflicts
(no profile), each pinned by a small invented report so the general rule stays fixed.

Every text here is made up for the test; none is copied from a news sample.
"""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus
from briefing.status.build import build_status
from briefing.status.dates import infer_reference
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def _article(text: str, ident: str = "t", published: dt.date | None = dt.date(2024, 4, 8)) -> Article:
    return article_from_text(text, ident, published)


def _status(*texts: str, published: dt.date | None = dt.date(2024, 4, 8)) -> ConflictStatus:
    return build_status([_article(t, f"a{i}", published) for i, t in enumerate(texts)], NO_PROFILE)


def _actors(st: ConflictStatus) -> dict[str, object]:
    return {a.name: a for a in st.actors}


# --- actors ----------------------------------------------------------------------------------
def test_titles_with_qualifiers_are_stripped() -> None:
    st = _status(
        "Interior Minister Halyna Moroz said the shelling continued. Moroz said 12 people were hurt.\n"
        "Acting President Taras Bondar visited the front. Lt Gen Ivan Sorokin said troops held the line."
    )
    names = set(_actors(st))
    assert {"Halyna Moroz", "Taras Bondar", "Ivan Sorokin"} <= names
    assert not any(n.startswith(("Interior", "Acting", "Lt")) for n in names)


def test_outlet_possessive_and_credit_lines_are_not_people() -> None:
    st = _status(
        "KHARTOUM (Reuters) - Fighting resumed in the capital, CNN's Amina Idris said on Monday.\n"
        "Amina Idris said the army shelled Omdurman. AP Photo shows smoke over the city.\n"
        "The Sudanese army said it repelled an attack."
    )
    names = set(_actors(st))
    assert "Amina Idris" in names and not any("CNN's" in n for n in names)
    assert "KHARTOUM" not in names and "AP Photo" not in names


def test_transliterations_of_one_name_merge() -> None:
    st = _status(
        "President Mykola Tkachenko fled the capital. Tkachenko said he would return.",
        "Mykola Tkatchenko spoke from Rostov. Tkatchenko said he was still president.",
    )
    people = [a for a in st.actors if "Tka" in a.name]
    assert len(people) == 1 and people[0].mentions == 4


def test_initials_join_their_long_name_but_a_credit_does_not() -> None:
    st = _status(
        "The Rapid Support Forces attacked El Fasher. The RSF said it took the airport.\n"
        "Residents fled toward Chad (AP). The Rapid Support Forces denied looting."
    )
    rsf = _actors(st)["Rapid Support Forces"]
    assert "RSF" in rsf.aliases and "AP" not in rsf.aliases


def test_plural_organisation_words_and_jihad() -> None:
    st = _status(
        "Hamas and the Islamic Jihad fired rockets. The Popular Resistance Committees said it joined."
    )
    kinds = {a.name: a.kind for a in st.actors}
    assert kinds.get("Islamic Jihad") == "armed group"
    assert kinds.get("Popular Resistance Committees") == "organisation"


def test_bare_capitalised_pairs_seen_once_are_not_people() -> None:
    st = _status(
        "Harbor Drilling was cancelled. Troops shelled the southern community of Khan Rafa.\n"
        "Aid trucks waited at the Kerem Nahal border crossing. Colonel Dan Levi said two soldiers were hurt."
    )
    names = set(_actors(st))
    assert not names & {"Harbor Drilling", "Khan Rafa", "Kerem Nahal"}
    assert "Dan Levi" in names
    assert {"Khan Rafa", "Kerem Nahal"} <= {p.name for p in st.locations}


def test_shouted_words_are_not_actors_but_acronyms_are() -> None:
    st = _status(
        "UPDATE: MONUSCO said M23 rebels advanced on Goma. The update came after talks failed.\n"
        "GOMA, Congo - Residents fled Goma on Sunday. MONUSCO sent peacekeepers.\n"
        "President Felix Tshisekedi said the army would retake the town. TSHISEKEDI spoke late."
    )
    names = set(_actors(st))
    assert {"MONUSCO", "M23"} <= names
    assert not names & {"UPDATE", "GOMA", "TSHISEKEDI"}


def test_an_adjective_opening_a_sentence_is_not_part_of_a_state() -> None:
    st = _status("Reclusive North Korea fired two missiles. Impoverished Myanmar faces a civil war.")
    names = set(_actors(st))
    assert "North Korea" in names and not any(n.startswith(("Reclusive", "Impoverished")) for n in names)


def test_a_flight_number_is_not_an_actor() -> None:
    st = _status("Flight MH21 was shot down over the front line. Separatists denied firing at MH21.")
    assert "MH21" not in set(_actors(st))


# --- figures ---------------------------------------------------------------------------------
def _figures(st: ConflictStatus) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in st.figures]


def test_a_count_keeps_its_verb_across_an_aside() -> None:
    st = _status(
        "More than 90 farmers, many of whom were women, were killed in the raids.\n"
        "At least 40 people, including 12 children, were killed in the strike on Tuesday, medics said."
    )
    assert ("killed", 90) in _figures(st) and ("killed", 40) in _figures(st)
    assert ("killed", 12) in _figures(st)
    assert not any(f.disagreement for f in st.figures)  # a part of a toll is no rival toll


def test_a_quoted_label_is_not_a_count() -> None:
    st = _status("Three 'lucky refugees' photos were shared online. Thousands of refugees crossed into Chad.")
    assert ("refugees", 3) not in _figures(st)


def test_a_caption_repeating_the_body_gives_one_figure() -> None:
    line = "At least 30 people were killed in the market attack."
    st = _status(f"{line}\n{line}")
    assert _figures(st).count(("killed", 30)) == 1


def test_a_leading_counter_with_a_possessive_is_the_reporter() -> None:
    st = _status("The region's border agency says more than 80,000 refugees have arrived this month.")
    fig = next(f for f in st.figures if f.value == 80_000)
    assert fig.reported_by == "The region's border agency"


# --- trend -----------------------------------------------------------------------------------
def test_everyday_senses_of_cue_words_do_not_move_the_trend() -> None:
    st = _status(
        "The council is holding a vote on autonomy. The senator withdrew his candidacy.\n"
        "Farmers were holding a rally outside the ministry. Students captured the moment on video."
    )
    assert st.trend.label == "unclear" and not st.trend.de_escalating and not st.trend.escalating


def test_a_scare_quoted_term_is_not_evidence() -> None:
    st = _status('Aid reached thousands of people in "besieged areas" of the city, the agency said.')
    assert not st.trend.escalating


def test_a_holding_truce_points_down_and_a_violated_one_up() -> None:
    down = _status("The truce is holding in Hodeidah, officials said.")
    up = _status("Both sides violated the truce in Hodeidah overnight.")
    assert down.trend.de_escalating and not down.trend.escalating
    assert up.trend.escalating and not up.trend.de_escalating


def test_troop_withdrawal_still_counts() -> None:
    st = _status("Ethiopian troops began to withdraw from the border town on Monday.")
    assert st.trend.label == "de-escalating"


# --- talks -----------------------------------------------------------------------------------
def test_a_photo_caption_verb_is_not_negotiations() -> None:
    st = _status(
        "Foreign Minister Anna Berg, left, talks with Foreign Minister Jan Holm, during a summit in Oslo."
    )
    assert st.negotiations.state == "none" and not st.negotiations.evidence


def test_talks_only_named_have_no_state() -> None:
    st = _status("Critics said the attack aimed to derail peace talks.")
    assert st.negotiations.state == "none"


def test_mediator_role_is_kept() -> None:
    st = _status(
        "The U.N. special envoy for Yemen, Hans Lindqvist, said talks resumed in Muscat on Monday.\n"
        "Lindqvist said the delegations would meet again."
    )
    talks = st.negotiations
    assert (talks.mediator, talks.mediator_role) == ("Hans Lindqvist", "U.N. special envoy for Yemen")


# --- places, dates, timeline -----------------------------------------------------------------
def test_place_names_lose_owners_and_caption_dates() -> None:
    st = _status(
        "Gunmen seized offices in Moldova's Transnistria. A soldier guards a checkpoint in Bender March 3, 2022.\n"
        "Police sealed the border near Moldova-Ukraine crossings. Police said Bender was calm."
    )
    names = {p.name for p in st.locations}
    assert "Bender" in names and "Transnistria" in names
    assert not names & {"Bender March", "Moldova's Transnistria", "Moldova-Ukraine"}


def test_reference_year_is_the_most_written_not_a_plan() -> None:
    text = "In 2016 the war went on. By 2016 talks had stalled. The plan runs until 2021."
    assert infer_reference([_article(text, published=None)]).year == 2016


def test_timeline_keeps_how_precisely_the_date_is_known() -> None:
    st = _status("Rebels captured the town of Kobo on Monday, 2021 reports said.", published=None)
    event = next(e for e in st.timeline)
    assert event.date is None and event.when == "Monday (2021)" and event.date_inferred
    assert not event.text.startswith("Monday")


def test_ceasefire_since_inferred_only_when_the_year_is_not_written() -> None:
    inferred = _status("The ceasefire that began on Feb. 27 has largely held.", published=dt.date(2016, 3, 14))
    written = _status("The ceasefire that began on Feb. 27, 2016, has largely held.", published=None)
    assert inferred.ceasefire.since == dt.date(2016, 2, 27) and not inferred.ceasefire.since_inferred
    assert written.ceasefire.since == dt.date(2016, 2, 27) and not written.ceasefire.since_inferred
    undated = _status("The ceasefire that began on Feb. 27 has largely held. Talks in 2016 stalled.", published=None)
    assert undated.ceasefire.since_inferred


def test_a_condition_or_a_thing_warded_off_is_not_evidence() -> None:
    st = _status(
        "If the commander calls in an airstrike on the wrong village, the whole plan fails.\n"
        "Diplomats worked on preventing an escalation at the border."
    )
    assert not st.trend.escalating


def test_faiths_seas_and_acronyms_are_not_towns() -> None:
    st = _status(
        "Thousands of Muslim pilgrims gathered in Kano. Ships sailed in the Sea near Wonsan.\n"
        "Leaders of the GOP state party met in Tampa. Police in Kano fired into the air."
    )
    names = {p.name for p in st.locations}
    assert "Kano" in names and not names & {"Muslim", "Sea", "GOP"}


def test_transcript_labels_and_company_suffixes() -> None:
    st = _status(
        "HALLORAN: The strikes will go on. BRANDT: The talks failed.\n"
        "Shares of Delta Oil Trading Co fell. Delta Oil Trading Company said it would sell fuel to the army."
    )
    names = set(_actors(st))
    assert not names & {"HALLORAN", "BRANDT"}
    assert len([n for n in names if n.startswith("Delta Oil")]) == 1


def test_role_nouns_and_descriptions_are_not_names_or_places() -> None:
    st = _status(
        "Volunteer Mira Soto said the volunteer team was safe. Mira Soto said police fired.\n"
        "Officials met at the Water and Sanitation Board in Muslim-majority areas near Lisala."
    )
    names = set(_actors(st))
    assert "Mira Soto" in names and "Volunteer Mira Soto" not in names
    places = {p.name for p in st.locations}
    assert "Lisala" in places and not places & {"Water", "Muslim-majority"}


def test_shares_of_a_counted_whole_and_parts_of_a_toll() -> None:
    st = _status(
        "About 40 percent of the enclave's 2.3 million residents are displaced, the U.N. said.\n"
        "Airstrikes killed at least 45 people overnight, including 12 children, according to hospital officials.\n"
        "Two soldiers were killed and three others wounded in the attack, the army said."
    )
    share = next(f for f in st.figures if f.fraction)
    assert (share.kind, share.value, share.base, share.fraction) == ("displaced", 920_000, 2_300_000, 0.4)
    assert ("displaced", 2_300_000) not in _figures(st)
    assert {("killed", 45), ("killed", 12), ("killed", 2), ("injured", 3)} <= set(_figures(st))


def test_fleeing_to_a_town_is_displacement_and_to_a_country_is_refuge() -> None:
    st = _status(
        "An estimated 1.5 million people have fled to Rafah.\n"
        "More than 600,000 people crossed into Chad since the fighting began."
    )
    assert ("displaced", 1_500_000) in _figures(st) and ("refugees", 600_000) in _figures(st)
    assert all(f.reported_by is None for f in st.figures)  # "An estimated" names no counter


def test_written_as_stops_at_a_conjunction() -> None:
    st = _status("The war has killed tens of thousands and displaced more than 10 million people.")
    killed = next(f for f in st.figures if f.kind == "killed")
    assert killed.text == "tens of thousands"


def test_talks_ruled_out_or_a_deal_mediated_are_not_talks_under_way() -> None:
    st = _status(
        "Both governments agreed to a grain deal mediated by Turkey in Istanbul.\n"
        "A Kremlin spokesman said peace talks were not on the agenda."
    )
    assert st.negotiations.state == "none" and not st.negotiations.evidence


def test_the_host_of_talks_and_an_appointed_mediator() -> None:
    talks = (
        "Talks between the army and the Rapid Support Forces in Jeddah collapsed on Thursday.\n"
        "Saudi Arabia, which hosted the talks, blamed both sides.\n"
    )
    hosted = _status(talks)
    assert hosted.negotiations.state == "collapsed" and hosted.negotiations.mediator == "Saudi Arabia"
    named = _status(talks + "Angola's President Joao Lourenco, the AU-appointed mediator, called for calm.")
    assert (named.negotiations.mediator, named.negotiations.mediator_role) == ("Joao Lourenco", "AU-appointed mediator")
    assert not any("appointed" in a.name for a in named.actors)


def test_a_titled_name_is_not_a_place() -> None:
    st = _status("The order came from President Okello. Troops moved from Gulu toward the border.")
    names = {p.name for p in st.locations}
    assert "Gulu" in names and "President Okello" not in names


def test_a_bare_ministry_takes_the_side_of_the_speaker_who_names_it(tmp_path) -> None:
    profile = tmp_path / "demo.yaml"
    profile.write_text(
        "name: demo\nsides: {north: Northern side, south: Southern side}\n"
        "actors:\n  - {name: Arkady Volkov, side: north, kind: person}\n"
        "  - {name: Lena Ostrova, side: south, kind: person}\n",
        encoding="utf-8",
    )
    text = (
        "Lena Ostrova met aid groups on Monday. Arkady Volkov said his forces had met their goals.\n"
        '"With the tasks set before the Defense Ministry fulfilled, the troops will go home," he said.'
    )
    st = build_status([_article(text)], ConflictSettings(profile=str(profile)))
    assert _actors(st)["Defense Ministry"].side == "north"


def test_an_adverb_is_not_part_of_the_counter() -> None:
    st = _status("Five people were wounded in the blast, a police source later said.")
    assert st.figures[0].reported_by == "a police source"
