"""Finding quotation marks: directions, apostrophes, nesting, paragraphs."""

from __future__ import annotations

from briefing.quotes.marks import find_quote_spans


def texts(*paragraphs: str) -> list[str]:
    text = "\n".join(paragraphs)
    return [s.text(text) for s in find_quote_spans(paragraphs)]


def test_straight_and_curly_double_quotes() -> None:
    assert texts('He said "we will return" and left.') == ["we will return"]
    assert texts("“We will return,” he said.") == ["We will return,"]


def test_mismatched_curly_open_straight_close() -> None:
    assert texts('The envoy said it “will be directed at the ceasefire."') == ["will be directed at the ceasefire."]


def test_apostrophes_are_not_quotes() -> None:
    para = "Russia's army didn't move; Ja'afari liked rock 'n' roll from the '90s and the rebels' songs."
    assert texts(para) == []


def test_single_quotes_as_marks() -> None:
    assert texts("'We are not leaving,' she said.") == ["We are not leaving,"]
    assert texts("He called it ‘a betrayal’ of the accord.") == ["a betrayal"]


def test_single_quote_closing_after_plural_noun() -> None:
    assert texts("She warned of 'attacks on the ministries' by the rebels.") == ["attacks on the ministries"]


def test_guillemets() -> None:
    assert texts("Il a dit «nous resterons» hier.") == ["nous resterons"]


def test_nested_single_inside_double_is_left_to_the_outer_quote() -> None:
    assert texts('"They told us \'leave now\' and we left," he said.') == ["They told us 'leave now' and we left,"]


def test_british_style_outer_single_with_inner_double() -> None:
    assert texts("'They shouted \"leave now\" at us,' she said.") == ['They shouted "leave now" at us,']


def test_quote_continues_into_next_paragraph_that_opens_with_a_mark() -> None:
    paragraphs = ('"The first part of the remarks.', '"And the second part," he said.')
    text = "\n".join(paragraphs)
    spans = find_quote_spans(paragraphs)
    assert len(spans) == 1 and len(spans[0].pieces) == 2
    assert spans[0].text(text) == "The first part of the remarks. And the second part,"


def test_unclosed_paragraph_quote_not_continued_ends_at_paragraph() -> None:
    paragraphs = ('"We will not surrender.', "The fighting went on.")
    assert texts(*paragraphs) == ["We will not surrender."]


def test_stray_mark_mid_paragraph_is_ignored() -> None:
    assert texts('The board was 12" wide and "sturdy" enough.') == ["sturdy"]


def test_typewriter_double_marks() -> None:
    assert texts("``We will hold the line,'' the colonel said.") == ["We will hold the line,"]
    assert texts('"It was a long night,\'\' she says in the film.') == ["It was a long night,"]
    assert texts('It is a "fair deal for both sides,\'\' the mediator wrote.') == ["fair deal for both sides,"]


def test_typewriter_marks_continue_a_quotation_over_paragraphs() -> None:
    got = texts("``The first part ends here.", "``And the second part ends here,'' he said.")
    assert got == ["The first part ends here. And the second part ends here,"]


def test_apostrophe_pairs_outside_a_quotation_are_not_double_marks() -> None:
    assert texts("The rebels'' positions held.") == []
    assert texts("He quoted the poem 'Ozymandias' twice.") == ["Ozymandias"]
