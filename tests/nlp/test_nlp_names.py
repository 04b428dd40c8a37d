"""Person and organisation names: full names, surnames, titles, pronouns."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.nlp.names import ORG, PERSON, NameIndex, canonical_names, name_key, read_run, surname_keys


def index(text: str) -> NameIndex:
    starts, pos = [], 0
    for sentence in text.split(". "):
        starts.append(pos)
        pos += len(sentence) + 2
    return NameIndex(text, starts)


def test_surname_keys_with_particles() -> None:
    assert name_key("de Mistura") in surname_keys("Staffan de Mistura")
    assert {name_key("al-Burhan"), name_key("Burhan")} <= surname_keys("Abdel Fattah al-Burhan")
    assert surname_keys("Putin") == set()


def test_read_run_splits_title_from_name() -> None:
    r = read_run("Russian President Vladimir Putin")
    assert (r.kind, r.name, r.role) == ("person", "Vladimir Putin", "Russian President")
    r = read_run("United Nations Vitaly Churkin")
    assert (r.kind, r.name) == ("person", "Vitaly Churkin")
    assert read_run("White House").kind == "org"
    assert read_run("Julie Bishop").name == "Julie Bishop"
    assert read_run("Mr Johnson").role is None


def test_index_resolves_surnames_and_roles() -> None:
    idx = index(
        "The U.N. special envoy for Yemen, Hans Grundberg, arrived in Aden. "
        "Grundberg met Houthi officials. The envoy later left."
    )
    person = idx.lookup("Grundberg")
    assert person is not None and person.name == "Hans Grundberg"
    assert person.role == "U.N. special envoy for Yemen"
    found = idx.resolve_title("envoy", len(idx.text))
    assert found is not None and found.entity.name == "Hans Grundberg"


def test_pronoun_prefers_subject_and_skips_organisations() -> None:
    text = "Defense Minister Rustem Umerov met the Pentagon team. He praised the deal"
    idx = index(text)
    for m in idx.mentions:
        if m.entity and m.entity.name == "Rustem Umerov":
            m.subject = True
    found = idx.resolve_pronoun("he", text.index("He praised"))
    assert found is not None and found.entity.name == "Rustem Umerov"


def test_canonical_names_across_articles() -> None:
    mapping = canonical_names(["Obama", "Barack Obama", "Smith", "John Smith", "Jane Smith"])
    assert mapping["Obama"] == "Barack Obama"
    assert "Smith" not in mapping  # ambiguous: two Smiths


def test_organisation_names_with_of_are_one_organisation() -> None:
    idx = index("The Ministry of Foreign Affairs said so. Secretary of State Antony Blinken spoke later")
    surfaces = {(m.name, m.kind) for m in idx.mentions}
    assert ("Ministry of Foreign Affairs", "org") in surfaces
    assert ("Foreign Affairs", "person") not in surfaces
    blinken = idx.lookup("Blinken")
    assert blinken is not None and blinken.role == "Secretary of State"


def test_one_name_key_folds_spelling_not_meaning() -> None:
    assert name_key("al-Nusra Front") == name_key("Nusra Front")
    assert name_key("Harry Sargeant III") == name_key("Harry Sargeant")
    assert name_key("Workers’ Party") == name_key("Workers Party")
    assert name_key("the U.N.") == name_key("U.N.") == name_key("U.N")
    assert name_key("Ban Ki-moon") == name_key("Ban Ki-Moon")
    assert name_key("Chertoff Group") != name_key("Chertoff")  # a firm named after a person is not the person
    assert name_key("Ali Omar") != name_key("Ali Amir")


def test_org_key_also_folds_what_only_an_organisation_carries() -> None:
    from briefing.nlp.names.keys import org_key

    assert org_key("the Islamic State group") == org_key("Islamic State") == name_key("Islamic State")
    assert org_key("Nile Trading Co.") == org_key("Nile Trading Company")
    assert org_key("Group") == "group"  # nothing before it: a word, not a form
    assert name_key("the Islamic State group") != name_key("Islamic State")


def test_a_firm_named_after_a_person_is_not_that_person() -> None:
    text = "Michael Chertoff said it was hard. The Chertoff Group advises banks. Chertoff added more."
    index = NameIndex(text, [0, text.index("The Chertoff"), text.index("Chertoff added")])
    people = [m for m in index.mentions if m.entity is not None and m.entity.name == "Michael Chertoff"]
    assert [m.name for m in people] == ["Michael Chertoff", "Chertoff"]


def test_a_role_ends_before_any_plain_speech_verb_of_the_one_list() -> None:
    from briefing.nlp.names.roles import clean_role

    assert clean_role("a professor at the university") == "professor at the university"
    assert clean_role("a professor at the university said that the study was flawed") is None
    assert clean_role("a professor at the university insisted that the study was flawed") is None
    assert clean_role("head of the claims office") == "head of the claims office"  # a noun after "the"


# --- one name per person across a set (canon) --------------------------------------------------
def test_variants_of_a_full_name_become_its_commonest_form() -> None:
    counts = {"John F. Kerry": 2, "John Kerry": 9, "Sergey Lavrov": 1, "Sergei Lavrov": 4}
    names = canonical_names(["John F. Kerry", "John Kerry", "Kerry", "Sergey Lavrov", "Sergei Lavrov"], None, counts)
    assert names == {"John F. Kerry": "John Kerry", "Kerry": "John Kerry", "Sergey Lavrov": "Sergei Lavrov"}


def test_a_suffix_initial_or_accent_is_the_same_person() -> None:
    names = canonical_names(["William C. Mayville Jr.", "William Mayville", "François Hollande", "Francois Hollande"])
    assert names == {"William C. Mayville Jr.": "William Mayville", "Francois Hollande": "François Hollande"}


def test_close_names_of_two_people_stay_apart() -> None:
    assert canonical_names(["Ali Omar", "Ali Amir", "Ann Smith", "John Smith", "Smith"]) == {}


def test_the_quote_list_adopts_the_actor_list_name_of_the_same_person() -> None:
    from briefing.nlp.names.canon import adopt_names

    people = [("John Kerry", ("Kerry",)), ("Sergei Lavrov", ("Sergey Lavrov",)), ("Ann Smith", ()), ("John Smith", ()),
              ("Activist Valeri Kazachenko", ())]
    names = ["John F. Kerry", "Kerry", "Sergey Lavrov", "Smith", "Valeri Kazachenko", "John Kerry", "Bashar Asad"]
    assert adopt_names(names, people) == {"John F. Kerry": "John Kerry", "Kerry": "John Kerry",
                                          "Sergey Lavrov": "Sergei Lavrov"}


# --- reference resolution stays linear --------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]


# --- "the ministry", "the envoy": indexed look-ups, same answers ------------------------------
def _reference(index: NameIndex, kinds: frozenset[str], pos: int, accept) -> object:
    return next((m for m in index.candidates_before(pos, kinds, len(index.sentence_starts)) if accept(m)), None)


def test_org_nouns_and_titles_resolve_as_a_walk_over_every_sentence(seed_articles_text: list[tuple[str, list[int]]]) -> None:
    rng = random.Random(7)
    probes = 0
    for text, starts in seed_articles_text:
        index = NameIndex(text, starts)
        words = sorted({w for m in index.mentions if m.entity for w in m.entity.name.lower().split()})
        roles = sorted({w for m in index.mentions if m.entity and m.entity.role for w in m.entity.role.lower().split()})
        for _ in range(300):
            for m in index.mentions:  # subjects are marked while quotes are read: any mix must agree
                m.subject = rng.random() < 0.5
                m.speaker = m.subject and rng.random() < 0.3
            pos = rng.randrange(len(text) + 1)
            word = rng.choice(words)
            expected = _reference(index, frozenset({ORG}), pos, lambda m: word in m.entity.name.lower().split())
            assert index.resolve_org_noun(word, pos) is expected
            if roles:
                role = rng.choice(roles)
                want = _reference(index, frozenset({PERSON}), pos,
                                  lambda m: bool(re.search(rf"\b{re.escape(role)}", ((m.entity.role or "") if m.entity else "").lower())))
                assert index.resolve_title(role, pos) is want
            probes += 1
    assert probes >= 300


@pytest.fixture(scope="module")
def seed_articles_text() -> list[tuple[str, list[int]]]:
    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles
    return [(a.text, [s.start for s in a.sentences]) for a in articles]


def test_a_run_ending_with_an_office_names_nobody() -> None:
    for run in ("Ukrainian President", "Ousted President", "Norland Foreign Minister", "Vice President"):
        reading = read_run(run)
        assert reading is not None and reading.kind != PERSON, run
    for run in ("Nigel Major", "Julie Bishop", "Peter King"):  # surnames that are also titles
        reading = read_run(run)
        assert reading is not None and reading.kind == PERSON and reading.name == run, run


def test_a_sea_or_a_gulf_is_a_place_not_a_person() -> None:
    for run in ("Mediterranean Sea", "Persian Gulf", "Golan Heights"):
        reading = read_run(run)
        assert reading is not None and reading.kind != PERSON, run
    reading = read_run("Michael Bay")  # a surname that is also a place word
    assert reading is not None and reading.kind == PERSON
