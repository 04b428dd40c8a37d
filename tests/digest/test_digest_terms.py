"""Terms read from the token table: the same as reading each word afresh, whatever the order."""

from __future__ import annotations

from briefing.digest import features
from briefing.digest.features import content_stems, stem, stop_words, terms

SENTENCES = (
    "Rebels said they had pulled back from the ridge overnight, the ministry's spokesman told reporters.",
    "The pull-out began on Tuesday and 1,500 troops crossed the river, officials said.",
    "Pulled back, the rebels' convoy waited; A convoy's escort was shelled near the Ridge.",
    "It is a day of talks: the envoy's plan would freeze the front line for 30 days.",
)


def _fresh(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Each word read on its own, as the digest defines its terms."""
    stops = stop_words()
    raw = features._WORD.findall(text.replace("’", "'").replace("-", ""))
    words = [w[:-2] if w.endswith("'s") else w for w in (r.lower() for r in raw)]
    stems = [stem(w) for w in words]
    keep = [s not in stops and w not in stops and len(w) > 1 for w, s in zip(words, stems)]
    generic = features._generic_stems()  # reporting words: never "what happened"
    unigrams = frozenset(s for s, k in zip(stems, keep) if k)
    bigrams = frozenset(f"{stems[i]} {stems[i + 1]}" for i in range(len(stems) - 1) if keep[i] or keep[i + 1])
    events = frozenset(s for r, s, k in zip(raw, stems, keep) if k and r[0].islower() and s not in generic)
    return unigrams, bigrams, events


def test_terms_match_a_fresh_reading_in_any_order() -> None:
    features._TOKENS.clear()
    for text in (*SENTENCES, *reversed(SENTENCES)):
        found = terms(text)
        assert (found.unigrams, found.bigrams, found.events) == _fresh(text)
        assert content_stems(text) == found.unigrams


def test_a_capitalised_word_is_a_name_not_an_event_though_its_lower_case_form_was_read_first() -> None:
    features._TOKENS.clear()
    assert "ridg" in terms("They held the ridge above the town for a week.").events
    assert "ridg" not in terms("Ridge was the commander they trusted above all others.").events


def test_the_table_starts_afresh_past_its_limit(monkeypatch) -> None:
    monkeypatch.setattr(features, "_MAX_TOKENS", 3)
    features._TOKENS.clear()
    terms(SENTENCES[0])
    terms(SENTENCES[1])
    assert len(features._TOKENS["english"]) <= len(features._WORD.findall(SENTENCES[1]))
    assert terms(SENTENCES[0]).unigrams == _fresh(SENTENCES[0])[0]
