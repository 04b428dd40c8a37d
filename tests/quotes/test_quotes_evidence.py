"""The kind of evidence that names a speaker ("attribution"), kept per quote and in JSON."""

from __future__ import annotations

from briefing.quotes.evidence import SURE, surest
from support.quotes import find, quotes_of


def test_each_shape_of_attribution_says_what_named_the_speaker() -> None:
    quotes = quotes_of(
        'Defence Minister Rana Aziz met the envoys in Amman. "The corridor opens at dawn," Aziz said.',
        '"Trucks will wait at the crossing," she added.',
        '"Nobody will be turned back."',
        "The ministry issued a statement on Monday.",
        '"All convoys are registered," the statement said.',
        '"The minister will travel north," the defence minister said.',
    )
    assert find(quotes, "The corridor opens").attribution == "named"
    assert find(quotes, "Trucks will wait").attribution == "pronoun"
    assert find(quotes, "Nobody will be").attribution == "continued"
    assert find(quotes, "The minister will").attribution == "description"


def test_no_speaker_no_attribution() -> None:
    quotes = quotes_of('"We have had no water for a week," one resident said.')
    quote = find(quotes, "We have had")
    assert quote.speaker is None and quote.attribution is None


def test_the_surest_kind_wins_when_reports_differ() -> None:
    assert surest(["pronoun", "named", None]) == "named"
    assert surest([None]) is None
    assert "named" in SURE and "pronoun" not in SURE and "continued" not in SURE


def test_the_quote_list_shows_what_names_the_speaker() -> None:
    from briefing.models import Quote
    from briefing.tui.widgets.reader import quote_prompt

    quote = Quote("We hold the bridge", "Rana Aziz", "minister", "said", False, ("a1",), (), attribution="pronoun")
    assert "Rana Aziz, minister [pronoun]" in quote_prompt(quote, {"a1": "Wire"}).plain
    nobody = Quote("We hold the bridge", None, None, None, False, ("a1",), ())
    assert "[" not in quote_prompt(nobody, {"a1": "Wire"}).plain
