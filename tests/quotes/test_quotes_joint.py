"""Joint speakers: two people named together as the subject of one cue. Invented reports."""

from __future__ import annotations

from briefing.config import QuoteSettings
from briefing.quotes.extract import extract_quotes
from support.quotes import find, make_article, quotes_of


def test_an_inverted_cue_with_two_senators_is_a_joint_speaker() -> None:
    quotes = quotes_of(
        '"Abandoning our allies is a betrayal," said Sens. Anna Berg (R-Ohio) and Tom Hale (D-Vt.). "We will act."'
    )
    quote = find(quotes, "Abandoning our allies")
    assert (quote.speaker, quote.attribution) == ("Anna Berg and Tom Hale", "joint")
    assert find(quotes, "We will act").speaker == "Anna Berg and Tom Hale"


def test_two_names_with_party_tags_before_the_cue_are_a_joint_speaker() -> None:
    quotes = quotes_of('"We need troops on the ground," Sens. Anna Berg, R-Ohio, and Tom Hale, D-Vt., said in a joint statement.')
    assert find(quotes, "We need troops").speaker == "Anna Berg and Tom Hale"


def test_they_after_a_joint_subject_is_the_pair() -> None:
    quotes = quotes_of(
        "U.N. special advisers Lena Varga and Omar Saleh similarly urged immediate access.",
        '"Nothing justifies the use of such weapons," they said in a joint statement.',
    )
    assert find(quotes, "Nothing justifies").speaker == "Lena Varga and Omar Saleh"


def test_a_joint_speaker_takes_each_persons_full_name_from_the_set() -> None:
    first = make_article('Senator Anna Berg and Senator Tom Hale visited the border. "It is calm," a guard said.')
    second = make_article('"The border must stay open," Berg and Hale said in a statement.')
    quotes = extract_quotes([first, second], QuoteSettings())
    assert find(quotes, "The border must").speaker == "Anna Berg and Tom Hale"


def test_a_surname_alone_is_never_folded_into_a_pair() -> None:
    first = make_article('"We need troops," said Sens. Anna Berg (R-Ohio) and Tom Hale (D-Vt.).')
    second = make_article('"I will vote no," Hale said.')
    quotes = extract_quotes([first, second], QuoteSettings())
    assert find(quotes, "I will vote").speaker in ("Hale", "Tom Hale")


def test_an_object_and_a_subject_are_not_a_pair() -> None:
    quotes = quotes_of('After meeting Lena Varga, Omar Saleh said "the talks are over."')
    assert find(quotes, "the talks are").speaker == "Omar Saleh"
    quotes = quotes_of('"We are ready," Lena Varga told Omar Saleh and the envoys.')
    assert find(quotes, "We are ready").speaker == "Lena Varga"
