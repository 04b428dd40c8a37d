"""Person and organisation names: full names, surnames, titles, pronouns."""

from __future__ import annotations

from briefing.nlp.names import NameIndex, canonical_names, read_run, surname_keys


def index(text: str) -> NameIndex:
    starts, pos = [], 0
    for sentence in text.split(". "):
        starts.append(pos)
        pos += len(sentence) + 2
    return NameIndex(text, starts)


def test_surname_keys_with_particles() -> None:
    assert "de mistura" in surname_keys("Staffan de Mistura")
    assert {"al-burhan", "burhan"} <= surname_keys("Abdel Fattah al-Burhan")
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
