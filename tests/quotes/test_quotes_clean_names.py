"""Names a brief can print: never a fragment of the sentence around a name. Invented reports;
near misses included."""

from __future__ import annotations

from briefing.config import QuoteSettings
from briefing.quotes.extract import extract_quotes
from support.quotes import find, make_article, quotes_of


def test_a_capitalised_ben_is_a_given_name_and_de_at_a_sentence_start_a_particle() -> None:
    quotes = quotes_of(
        '"We are shocked by the timing of this attack," said Ben Laborde, a campaign spokesman.',
        "The envoy, Marco de Santis, met both delegations on Monday.",
        'De Santis said: "The only alternative is a return to war."',
    )
    assert find(quotes, "We are shocked").speaker == "Ben Laborde"
    assert find(quotes, "The only alternative").speaker == "Marco de Santis"


def test_an_everyday_verb_opening_a_sentence_is_no_first_name() -> None:
    quotes = quotes_of(
        "Regarding Norland's civil war, the president again said only talks could end it.",
        '"There is no military answer," he said.',
    )
    assert find(quotes, "There is no military").speaker is None


def test_a_state_never_becomes_a_person_whose_name_ends_with_it() -> None:
    first = make_article("Kira Jordan led the delegation to Vienna.", '"We came to listen," Kira Jordan said.')
    second = make_article('"The border will reopen tomorrow," Jordan said in a statement on Monday.')
    by_text = {q.text[:10]: q for q in extract_quotes([first, second], QuoteSettings())}
    assert by_text["We came to"].speaker == "Kira Jordan"
    assert by_text["The border"].speaker == "Jordan"  # the state speaks; it is not Kira Jordan


def test_a_place_where_the_speaker_is_does_not_speak() -> None:
    quotes = quotes_of('"These raids will be answered," a militia fighter in Syria told reporters by telephone.')
    quote = find(quotes, "These raids")
    assert quote.speaker is None and quote.role and "fighter" in quote.role


def test_the_commander_of_an_organisation_is_not_the_organisation() -> None:
    quotes = quotes_of(
        'The commander of the Kurdish-led Northern Defence Forces told a U.S. envoy, "You are leaving us alone," on Sunday.'
    )
    quote = find(quotes, "You are leaving")
    assert quote.speaker is None and quote.role and quote.role.startswith("commander of")


def test_what_an_office_is_of_is_not_part_of_the_name() -> None:
    quotes = quotes_of(
        '"We will not let borders stop us," Secretary of State Harlan remarked on Monday.',
        '"The talks are over," said Minister of Foreign Affairs Lena Varga.',
        '"Aid will flow," said the Secretary of Homeland Security Amir Tal.',
    )
    assert find(quotes, "We will not let").speaker == "Harlan"
    assert find(quotes, "We will not let").role == "Secretary of State"
    assert find(quotes, "The talks are").speaker == "Lena Varga"
    assert find(quotes, "Aid will flow").speaker == "Amir Tal"


def test_an_organisation_of_a_place_stays_one_organisation() -> None:
    quotes = quotes_of('"The port is closed," the Department of State Ports said.')
    assert find(quotes, "The port is").speaker == "Department of State Ports"


def test_photo_caption_furniture_is_no_speaker() -> None:
    quotes = quotes_of(
        "Photos: Inside the palace. The former leader fled on Saturday. Hide Caption 8 of 12 Photos: Inside the "
        "palace - In his last public act, Omar Farid spoke on television. He said: \"I will not leave the country.\" "
        "Hide Caption 9 of 12",
    )
    assert find(quotes, "I will not leave").speaker == "Omar Farid"
