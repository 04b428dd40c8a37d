"""One list of person titles (config/lexicons/titles.yaml) for quote attribution and the actor list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.analysis import cache
from briefing.config import config_dir
from briefing.nlp import titles
from briefing.nlp.names import NameIndex, has_role_noun, name_lexicon
from briefing.status.actor_mentions import article_mentions
from briefing.status.actor_rules import compile_actor_rules
from briefing.status.profile import load_lexicon

RULES = compile_actor_rules(load_lexicon(), None)


def _names_person(text: str, name: str) -> str | None:
    """The role quote attribution gives `name` in `text`, or "-" for a person without one."""
    index = NameIndex(text, [0])
    entity = index.persons.get(name.lower())
    return None if entity is None else entity.role or "-"


def _actor_kinds(text: str, name: str) -> set[str]:
    return {m.kind for m in article_mentions(text, RULES) if m.name == name}


def _single_titles() -> list[str]:
    lex = titles.title_lexicon()
    return [t for t in (*lex.titles, *lex.compound_titles) if " of " not in t]


@pytest.mark.parametrize("title", _single_titles())
def test_both_readers_strip_every_title_before_a_name(title: str) -> None:
    text = f"On Monday, {title} John Whitaker said the talks would resume."
    assert _names_person(text, "John Whitaker") is not None, "quote attribution misses the name"
    assert "titled person" in _actor_kinds(text, "John Whitaker"), "the actor list misses the title"


def test_a_title_with_of_keeps_what_it_is_of_out_of_the_name() -> None:
    text = "On Monday, Secretary of State John Whitaker said the talks would resume."
    assert _names_person(text, "John Whitaker") == "Secretary of State"
    assert "titled person" in _actor_kinds(text, "John Whitaker")
    assert "state" not in titles.title_words()


def test_compound_titles_lend_no_everyday_word_to_quote_attribution() -> None:
    words = name_lexicon().titles
    assert {"home", "grand", "foreign"}.isdisjoint(words)
    assert {"prime", "vice", "crown"} <= words  # "the crown prince said": a role
    assert has_role_noun("the grand jury") is None
    assert has_role_noun("the crown prince") == "crown"
    assert "Home Secretary" in titles.title_phrases() and "Home" in titles.title_surface_words()


def test_qualifiers_and_party_labels_are_read_where_they_belong() -> None:
    text = "On Monday, Acting Defence Minister Jane Doran said the talks would resume."
    assert _names_person(text, "Jane Doran") is not None
    assert "titled person" in _actor_kinds(text, "Jane Doran")
    assert "acting" not in name_lexicon().titles  # "acting" is no role noun
    # a party label ends a description before a name, but opens organisations' names too
    assert _names_person("On Monday, Democrat Jane Doran said it would pass.", "Jane Doran") is not None
    assert _actor_kinds("He met the Republican Guard in Baghdad.", "Republican Guard") == {"armed group"}


def test_a_post_nominal_title_ends_the_mention_not_the_name() -> None:
    text = "Keith Vaz MP, the chairman of the committee, said the decision was wrong."
    index = NameIndex(text, [0])
    assert index.mentions[0].name == "Keith Vaz MP" and index.mentions[0].entity.name == "Keith Vaz"
    assert "titled person" in _actor_kinds(text, "Keith Vaz")


def test_a_title_of_a_body_names_no_person() -> None:
    text = "The CEO of Novartis Group met Head of Global Policy Management Jane Doran."
    people = [m.name for m in article_mentions(text, RULES) if m.kind in ("person", "titled person")]
    assert "Novartis Group" not in people and "Global Policy Management" not in people


def test_a_headline_verb_after_a_particle_is_part_of_the_name() -> None:
    text = "Oman's Sultan Qaboos bin Said, the ruler, welcomed the release."
    assert "titled person" in _actor_kinds(text, "Qaboos bin Said")


def test_a_possessor_is_not_the_role() -> None:
    assert has_role_noun("the MK’s wife") == "wife"
    assert has_role_noun("the president's spokesman") == "spokesman"
    assert has_role_noun("the ministers' aide") == "aide"
    assert has_role_noun("the minister's") == "minister"  # nothing follows: the owner is all there is


def test_dotted_titles_are_abbreviations_for_the_name_reader() -> None:
    assert {"Gen.", "Mr.", "Sgt.", "Prof."} <= set(titles.dotted_abbreviations())
    index = NameIndex("On Monday, Lt. Gen. Omar Haddad said the talks would resume.", [0])
    assert index.persons["omar haddad"].role == "Lt. Gen"  # a role loses its closing dot


@pytest.fixture
def lexicon_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped config/ that a test may edit; the real lexicon is restored after."""
    import shutil

    copy = tmp_path / "config"
    shutil.copytree(config_dir(), copy)
    monkeypatch.setattr(cache, "config_dir", lambda: copy)
    monkeypatch.setattr(titles, "config_dir", lambda: copy)
    cache.code_fingerprint.cache_clear()
    titles.title_lexicon.cache_clear()
    yield copy / "lexicons" / "titles.yaml"
    monkeypatch.undo()
    cache.code_fingerprint.cache_clear()
    titles.title_lexicon.cache_clear()


def test_editing_the_titles_lexicon_invalidates_cached_analyses(lexicon_copy: Path) -> None:
    before = cache.code_fingerprint()
    lexicon_copy.write_text(lexicon_copy.read_text(encoding="utf-8") + "\n# Rector\n", encoding="utf-8")
    cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() != before


def test_a_malformed_titles_lexicon_names_the_file(lexicon_copy: Path) -> None:
    lexicon_copy.write_text("titles:\n  ranks: General\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"titles\.yaml.*'titles'"):
        titles.title_lexicon()
