"""Summaries: every algorithm, every length kind, document order, determinism, caps, timing."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.config import ALGORITHMS, SummarySettings
from briefing.ingest import load_paths
from briefing.models import Article
from briefing.nlp.sentences import segment
from briefing.nlp.words import word_tokens
from briefing.summary.extractive import ALGORITHM_LIMITS, rank, summarize
from briefing.summary.length import describe_length

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench" / "multi-news" / "multinews_test_sample200.jsonl"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    root = Path(__file__).resolve().parents[2] / "seeds"
    articles = load_paths([root]).articles
    assert len(articles) == 2
    return articles


def _article(paragraphs: list[str], title: str = "") -> Article:
    text = "\n".join(paragraphs)
    return Article("t" * 12, title, None, None, text, tuple(paragraphs), segment(paragraphs), len(text.split()))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_gives_n_sentences_in_document_order(seeds: list[Article], algorithm: str) -> None:
    for article in seeds:
        summary = summarize(article, SummarySettings(algorithm=algorithm, sentences=3))
        assert summary.algorithm == algorithm
        assert summary.article_id == article.id
        assert len(summary.indexes) == 3
        assert list(summary.indexes) == sorted(set(summary.indexes))
        assert all(0 <= i < len(article.sentences) for i in summary.indexes)
        assert summary.note is None


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_deterministic(seeds: list[Article], algorithm: str) -> None:
    settings = SummarySettings(algorithm=algorithm, sentences=4)
    first = [summarize(a, settings) for a in seeds]
    assert [summarize(a, settings) for a in seeds] == first


def test_lead_is_the_first_sentences(seeds: list[Article]) -> None:
    assert summarize(seeds[0], SummarySettings(algorithm="lead", sentences=2)).indexes == (0, 1)


def test_rank_covers_every_sentence(seeds: list[Article]) -> None:
    article = seeds[0]
    for algorithm in ALGORITHMS:
        ranked = rank(article, algorithm)
        assert sorted(ranked) == list(range(len(article.sentences))), algorithm


def test_algorithms_disagree(seeds: list[Article]) -> None:
    """A ranking that ignored the algorithm would pass the tests above: make sure it does not."""
    picks = {summarize(seeds[0], SummarySettings(algorithm=a, sentences=3)).indexes for a in ALGORITHMS}
    assert len(picks) >= 4


def test_ratio(seeds: list[Article]) -> None:
    article = seeds[0]
    summary = summarize(article, SummarySettings(sentences=None, ratio=0.2))
    assert len(summary.indexes) == round(0.2 * len(article.sentences))
    tiny = summarize(seeds[1], SummarySettings(sentences=None, ratio=0.01))
    assert len(tiny.indexes) == 1


@pytest.mark.parametrize("algorithm", ["lead", "lexrank", "luhn"])
@pytest.mark.parametrize("budget", [25, 60, 150])
def test_words_budget_never_exceeded_never_cut(seeds: list[Article], algorithm: str, budget: int) -> None:
    article = seeds[0]
    summary = summarize(article, SummarySettings(algorithm=algorithm, sentences=None, words=budget))
    used = sum(len(word_tokens(article.sentences[i].text)) for i in summary.indexes)
    assert used <= budget
    assert summary.indexes, "at least one seed sentence fits every budget here"
    # greedy: no skipped sentence would still have fitted
    ranked = rank(article, algorithm)
    for index in ranked:
        size = len(word_tokens(article.sentences[index].text))
        if index not in summary.indexes:
            prefix = [i for i in ranked[: ranked.index(index)] if i in summary.indexes]
            used_before = sum(len(word_tokens(article.sentences[i].text)) for i in prefix)
            assert used_before + size > budget


def test_words_budget_smaller_than_any_sentence() -> None:
    article = _article(["This first sentence has quite a few words in it. So does this second one here."])
    assert summarize(article, SummarySettings(sentences=None, words=3)).indexes == ()


@pytest.mark.parametrize(
    "summary",
    [
        "sentences: -3",
        "sentences: 0",
        "sentences: null\n  ratio: 0.0",
        "sentences: null\n  ratio: 1.5",
        "sentences: null\n  words: -1",
        "sentences: null",
        "sentences: 3\n  ratio: 0.2",
        "sentences: true",
        "algorithm: textrnk",
    ],
)
def test_invalid_lengths_refused(tmp_path: Path, summary: str) -> None:
    """sumy itself would return N-1 sentences for -1: the settings are refused where they are
    read (config.py, the one validation), before any summary is asked for."""
    from briefing.config import ConfigError, load_settings

    path = tmp_path / "briefing.yaml"
    path.write_text(f"summary:\n  {summary}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(path)


def test_length_is_described_from_the_settings() -> None:
    assert describe_length(SummarySettings(sentences=None, words=100)) == "100 words"
    assert describe_length(SummarySettings(sentences=None, ratio=0.5)) == "50% of the article"


def test_a_summary_carries_the_settings_it_was_made_with(seeds: list[Article]) -> None:
    settings = SummarySettings(algorithm="lsa", sentences=None, ratio=0.2)
    summary = summarize(seeds[0], settings)
    assert summary.settings == settings and summary.algorithm == "lsa"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_tiny_articles(algorithm: str) -> None:
    empty = _article([])
    assert summarize(empty, SummarySettings(algorithm=algorithm)).indexes == ()
    one = _article(["Only one sentence."])
    assert summarize(one, SummarySettings(algorithm=algorithm)).indexes == (0,)
    same = _article(["Same words here.", "Same words here.", "Same words here."])
    assert len(summarize(same, SummarySettings(algorithm=algorithm, sentences=2)).indexes) == 2


def test_edmundson_without_title_uses_frequent_words(seeds: list[Article]) -> None:
    untitled = replace(seeds[0], title="")
    assert len(summarize(untitled, SummarySettings(algorithm="edmundson")).indexes) == 3


def test_input_cap_is_reported(seeds: list[Article]) -> None:
    article = seeds[0]
    summary = summarize(article, SummarySettings(algorithm="lexrank", max_input_sentences=10))
    assert all(i < 10 for i in summary.indexes)
    assert summary.note and "first 10 of" in summary.note
    lead = summarize(article, SummarySettings(algorithm="lead", max_input_sentences=10))
    assert lead.note is None


def test_seed_timing(seeds: list[Article]) -> None:
    for algorithm in ALGORITHMS:
        for article in seeds:
            start = time.process_time()
            summarize(article, SummarySettings(algorithm=algorithm))
            assert time.process_time() - start < 2.0, algorithm


@pytest.mark.skipif(not BENCH.exists(), reason="shared bench data not available")
def test_long_article_stays_fast_and_capped() -> None:
    """~1,000 sentences built in memory from bench documents (never written to the repo)."""
    paragraphs: list[str] = []
    with BENCH.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                paragraphs += [p.strip() for p in document["text"].split("\n\n") if p.strip()]
            if len(paragraphs) > 600:
                break
    article = _article(paragraphs, title="Long")
    assert len(article.sentences) > 800
    timings = {}
    for algorithm in ALGORITHMS:
        start = time.process_time()
        summary = summarize(article, SummarySettings(algorithm=algorithm))
        timings[algorithm] = time.process_time() - start
        assert len(summary.indexes) == 3
        if algorithm != "lead":
            limit = min(300, ALGORITHM_LIMITS.get(algorithm, 300))
            assert summary.note and f"first {limit} of {len(article.sentences)}" in summary.note
            assert max(summary.indexes) < limit
    print("long-article timings:", {k: round(v, 2) for k, v in timings.items()})
    # CPU time, not wall time: other test processes share the machine. Uncapped, KL alone
    # would take minutes here; the bound catches a lost cap, not small slowdowns.
    assert all(t < 10.0 for t in timings.values()), timings


def test_every_sentence_model_language_summarises() -> None:
    """A language the config accepts (it has a Punkt model) never crashes a summariser,
    even where sumy lacks stop words or its stemmer needs an optional package (Greek, Polish)."""
    import punkt

    paragraphs = ["Alpha beta gamma delta. Beta gamma epsilon zeta. Gamma eta theta iota."]
    for language in punkt.available_languages():
        sentences = segment(paragraphs, language)
        text = paragraphs[0]
        article = Article("x" * 12, "Gamma", None, None, text, tuple(paragraphs), sentences, 12)
        for algorithm in ALGORITHMS:
            summary = summarize(article, SummarySettings(algorithm=algorithm, language=language, sentences=2))
            assert len(summary.indexes) == 2, (language, algorithm)


def _bench_articles(limit: int) -> list[Article]:
    """The first `limit` bench documents of at least 8 sentences (in memory, never written)."""
    found: list[Article] = []
    with BENCH.open(encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                paragraphs = [" ".join(p.split()) for p in document["text"].split("\n\n") if p.strip()]
                article = _article(paragraphs)
                if len(article.sentences) >= 8:
                    found.append(article)
                if len(found) == limit:
                    return found
    return found


_VARIED = [
    # duplicates, a sentence of stop words only, one sharing nothing, a one-word sentence
    ["Rebels shelled the northern city on Monday. Rebels shelled the northern city on Monday.",
     "It was what it was. Weather stations recorded snowfall in alpine valleys.",
     "Officials said the shelling of the city killed four. Shelling resumed.",
     "The northern city had been calm since the truce. Monday's shelling broke the truce."],
    # every sentence shares one word with every other (idf near zero)
    ["Talks talks talks. Talks resumed in Geneva. Talks stalled again. Talks will go on, they said."],
    # longer, mixed: numbers, abbreviations, quotes
    ["The U.N. said 1,200 people fled Kramatorsk by Feb. 27, up from 300.",
     "“We cannot stay,” said one resident, who didn't give her name.",
     "The U.S.-brokered truce collapsed after 3.5 days, officials said.",
     "Aid agencies said 1,200 people needed shelter and food in Kramatorsk.",
     "A spokesman for the U.N. refugee agency said shelters were full."],
]  # fmt: skip


def test_fast_lexrank_ranks_exactly_as_sumy(seeds: list[Article]) -> None:
    """Our numpy LexRank is a speed-up, not a new algorithm: the whole ranking must be sumy's."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefing.summary.extractive import _ranked_orders, _stemmer, _stop_words
    from briefing.summary.lexrank import FastLexRankSummarizer
    from briefing.nlp.words import sumy_document

    articles = list(seeds) + [_article(paragraphs) for paragraphs in _VARIED]
    if BENCH.exists():
        articles += _bench_articles(12)
    reference = LexRankSummarizer(_stemmer("english"))
    reference.stop_words = _stop_words("english")
    fast = FastLexRankSummarizer(_stemmer("english"))
    fast.stop_words = _stop_words("english")
    for article in articles:
        document = sumy_document(article.sentences[:300])
        expected = _ranked_orders(reference, document)
        assert _ranked_orders(fast, document) == expected, article.text[:80]
        # and summarize() goes through that path: it picks sumy's top three
        picked = summarize(article, SummarySettings(algorithm="lexrank", sentences=3)).indexes
        assert picked == tuple(sorted(expected[:3]))


_RANK_ALL = """
import sys
from pathlib import Path
from briefing.summary.extractive import rank
from briefing.config import ALGORITHMS
from briefing.ingest import load_paths
for article in load_paths([Path(sys.argv[1])]).articles:
    for algorithm in ALGORITHMS:
        print(algorithm, rank(article, algorithm))
"""


def test_rankings_ignore_hash_seed(seeds_dir: Path) -> None:
    """Every algorithm ranks the same in any process. sumy's LSA numbered its words by
    iterating a frozenset (string-hash order), which reordered the seeds' LSA ranking."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _RANK_ALL, str(seeds_dir)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0].count("\n") == 2 * len(ALGORITHMS)
    assert outputs[0] == outputs[1]


def test_stable_lsa_weighting_is_sumys() -> None:
    """The vectorised max-tf weighting gives sumy's cell-by-cell values exactly,
    including an all-zero column (a sentence with no counted word)."""
    import numpy as np
    from sumy.summarizers.lsa import LsaSummarizer

    from briefing.summary.lsa import StableLsaSummarizer

    counts = np.array([[0.0, 2.0, 0.0, 1.0], [3.0, 0.0, 0.0, 1.0], [1.0, 1.0, 0.0, 0.0]])
    expected = LsaSummarizer()._compute_term_frequency(counts.copy())
    assert np.array_equal(StableLsaSummarizer()._compute_term_frequency(counts.copy()), expected)
    assert expected[0, 0] == 0.4 and expected[1, 0] == 1.0 and not expected[:, 2].any()
