"""Places: a gazetteer, word frequencies and the name's shape tell a town from a word. Invented reports."""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.status.build import build_status
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def _places(*texts: str) -> set[str]:
    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, 3)) for i, t in enumerate(texts)]
    return {p.name for p in build_status(articles, NO_PROFILE).locations}


def test_demonyms_institutions_parties_languages_and_words_are_not_places() -> None:
    got = _places(
        "Shells fell in Kurdish areas overnight. A professor at Georgetown University said so in Arabic.\n"
        "Support is weak among Republicans, and the bill stalled in the Rada. Cuts hit spending in Education."
    )
    assert not got & {"Kurdish", "Georgetown University", "Georgetown", "Arabic", "Republicans", "Rada", "Education"}


def test_a_known_city_needs_one_slot() -> None:
    assert "Geneva" in _places("The envoys met in Geneva on Monday.")


def test_an_unknown_name_needs_two_slots_or_rarity() -> None:
    assert "Zubrovka" in _places("Shells hit a clinic in Zubrovka on Monday.")  # no English word is like it
    assert "Kettle" not in _places("Shells hit a clinic in Kettle on Monday.")  # an everyday word
    assert "Transnistria" in _places("Gunmen seized offices in Moldova's Transnistria.")  # a country's part


def test_unmistakable_slots_lists_and_particles() -> None:
    got = _places(
        "Rockets hit the suburbs of Zamalka and Ein Tarma. Turkish troops entered the town of Ras al-Ayn.\n"
        "Protesters filled Tahrir Square in Yemen's capital, Sanaa. Families fled to Mount Sinjar.\n"
        "An airstrike hit the Shati refugee camp and the Shayrat air base."
    )
    assert {"Zamalka", "Ein Tarma", "Ras al-Ayn", "Tahrir Square", "Sanaa", "Mount Sinjar", "Shati", "Shayrat"} <= got


def test_a_known_place_list_and_a_leading_the() -> None:
    got = _places("Sirens sounded in Tel Aviv and Jerusalem. The court sits in The Hague.")
    assert {"Tel Aviv", "Jerusalem", "The Hague"} <= got
    assert "Permit" not in _places("He works at the Permit and Resources Department in town.")


def test_a_place_only_a_caption_names_is_not_a_place() -> None:
    got = _places(
        "Shells hit a clinic in Zubrovka on Monday.\n"
        "Residents of Quarnelo inspect the damage. Hide Caption 2 of 9"
    )
    assert "Zubrovka" in got and "Quarnelo" not in got


def test_people_and_outlets_in_place_slots_are_not_places() -> None:
    got = _places(
        "At a rally in a suburb of Vienna, Halvorsen promised aid. Critics objected due to Halvorsen's views.\n"
        "According to Zbrovnik, a weekly, the toll rose; he posted a link to the Zbrovnik article.\n"
        "Ana Petrova reported from Geneva and Dmitri Volsky from Vienna.\n"
        "A columnist at the Wall Street Journal wrote from New Jersey."
    )
    assert {"Vienna", "Geneva"} <= got
    assert not got & {"Halvorsen", "Zbrovnik", "Dmitri Volsky", "Wall Street", "Jersey"}


def test_a_list_of_places_ends_with_and() -> None:
    got = _places("Shells hit the villages of Zubrovka, Pelnitsa and Ostrovka overnight.")
    assert {"Zubrovka", "Pelnitsa", "Ostrovka"} <= got
    got = _places("Jets struck the towns of Zubrovka, Pelnitsa, and Ostrovka overnight.")  # the Oxford comma
    assert {"Zubrovka", "Pelnitsa", "Ostrovka"} <= got and "and Ostrovka" not in got


def test_a_seat_named_for_its_institution_is_not_a_place() -> None:
    """'on Capitol Hill' is Congress, 'Downing Street said' the British government: a reader takes
    the seat for the institution, never for where the conflict is."""
    got = _places(
        "Lawmakers on Capitol Hill demanded sanctions after shells hit Zubrovka. "
        "The plan was welcomed in Downing Street, and markets on Wall Street fell.\n"
        "Officials in Whitehall said more aid would go to Zubrovka."
    )
    assert not got & {"Capitol Hill", "Downing Street", "Wall Street", "Whitehall"}
    assert "Zubrovka" in got  # the place of the fighting is still found
