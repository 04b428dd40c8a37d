"""Word tokens without punctuation, and the sumy bridge built from our own sentences."""

from __future__ import annotations

from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefing.nlp.sentences import segment
from briefing.nlp.words import SumyTokenizer, sumy_document, word_tokens


def test_word_tokens_drop_punctuation() -> None:
    tokens = word_tokens('“It’s a surprise,” he said — the U.S.-brokered truce (1,000 people); done.')
    assert tokens == ["It", "'s", "a", "surprise", "he", "said", "the", "U.S.-brokered", "truce", "1,000", "people", "done"]
    assert not any(t in {",", ".", "“", "”", "(", ")", ";", "—", "''", "``"} for t in tokens)


def test_word_tokens_keep_abbreviation_periods_inside_text() -> None:
    assert word_tokens("Officials in the U.S. said no. Then left.") == [
        "Officials", "in", "the", "U.S.", "said", "no", "Then", "left",
    ]  # fmt: skip


def test_sumy_tokenizer_with_plaintext_parser() -> None:
    text = "Gen. Smith arrived on Feb. 27 in the city. He met U.N. officials.\nThe talks failed. Nobody spoke."
    parser = PlaintextParser.from_string(text, SumyTokenizer("english"))
    sentences = [str(s) for s in parser.document.sentences]
    assert sentences == [
        "Gen. Smith arrived on Feb. 27 in the city.",
        "He met U.N. officials.",
        "The talks failed.",
        "Nobody spoke.",
    ]
    assert parser.document.sentences[1].words == ("He", "met", "U.N.", "officials")
    assert len(LexRankSummarizer()(parser.document, 2)) == 2


def test_sumy_document_maps_our_indexes_and_keeps_heading_out() -> None:
    paragraphs = ["One sentence here. Two sentences here.", "Third sentence. Fourth one here."]
    ours = segment(paragraphs)
    document = sumy_document(ours, heading="A title")
    assert [str(s) for s in document.sentences] == [s.text for s in ours]
    assert [str(h) for h in document.headings] == ["A title"]
    assert len(document.paragraphs) == 3


def test_nothing_is_fetched_or_unpickled(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Sentences, words and every summariser work with NLTK's data lookup and downloader disabled."""
    import nltk
    import pickle

    from briefing.summary.extractive import summarize
    from briefing.config import ALGORITHMS, SummarySettings
    from briefing.models import Article

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("NLTK data lookup, download or unpickling attempted")

    monkeypatch.setattr(nltk.data, "find", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    paragraphs = ("Gen. Smith arrived on Feb. 27. He met U.N. officials in Geneva.", "The talks failed. Nobody spoke.")
    assert len(segment(["Det er en sætning. Og her er en til."], "danish")) == 2  # loaded after the patch
    sentences = segment(paragraphs)
    text = "\n".join(paragraphs)
    article = Article("x" * 12, "Talks fail", None, None, text, paragraphs, sentences, len(text.split()))
    for algorithm in ALGORITHMS:
        assert len(summarize(article, SummarySettings(algorithm=algorithm, sentences=2)).indexes) == 2


def test_word_tokens_follow_nltk_conventions_that_change_counts() -> None:
    """One regex stands in for NLTKWordTokenizer (see the module docstring): clitics
    split off as NLTK does, numbers and hyphenated words stay whole."""
    assert word_tokens("I don't know, can't say; they're ok and we cannot wait. It’s O'Brien's.") == [
        "I", "do", "n't", "know", "ca", "n't", "say", "they", "'re", "ok", "and", "we", "can", "not",
        "wait", "It", "'s", "O'Brien", "'s",
    ]  # fmt: skip
    assert word_tokens("At 4:50 p.m., 3.5% of $2,400 went to well-known and/or 24/7 groups...") == [
        "At", "4:50", "p.m.", "3.5", "of", "2,400", "went", "to", "well-known", "and/or", "24/7", "groups",
    ]  # fmt: skip


def test_sentence_final_abbreviation_keeps_its_period() -> None:
    """The same word in the middle and at the end of a sentence is the same token
    (NLTK gave "U.S" at the end and "U.S." elsewhere)."""
    assert word_tokens("They flew to the U.S.")[-1] == word_tokens("The U.S. said so.")[1] == "U.S."
    assert word_tokens("Said no.") == ["Said", "no"]


def test_word_tokens_linear_on_hostile_input() -> None:
    """No pattern here backtracks badly: long runs of separators stay fast."""
    import time

    for text in ("1.1" * 20000, "a-" * 20000, "a'" * 20000, "x.y/" * 20000, "'s" * 20000, "n't " * 20000):
        start = time.process_time()
        word_tokens(text)
        assert time.process_time() - start < 1.0, text[:10]
