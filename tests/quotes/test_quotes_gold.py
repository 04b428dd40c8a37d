"""Quotes scored against the hand-made gold annotation of the two seeds.

The gold lives outside the repository (../shared/gold/seeds.yaml); its own
comparison conventions are applied: strip whitespace and one trailing [,.],
fold curly quotes to ASCII, then compare. Because the same remark is merged
across reports, a merged quotation is compared with hyphens and case folded too
("pullout" vs "pull-out"). Run with `-s` to see precision and recall.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.config import QuoteSettings
from briefing.ingest import load_paths
from briefing.quotes.extract import extract_quotes
from briefing.quotes.merge import normalize
from briefing.quotes.ranking import key_quotes

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason=f"gold annotation not available at {GOLD}")


def _gold_text(text: str) -> str:
    text = text.strip()
    if text[-1:] in ",.":
        text = text[:-1]
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(a, b)
    return normalize(text)


def _speaker_key(name: str | None) -> str:
    if not name:
        return ""
    name = name.casefold().replace("’", "'")
    return name[4:] if name.startswith("the ") else name


def _speaker_ok(predicted: str | None, gold: dict) -> bool:
    accepted = {_speaker_key(gold["speaker"])} | {_speaker_key(s) for s in gold.get("alt_speakers", [])}
    return _speaker_key(predicted) in accepted


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds():
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    articles = load_paths(paths).articles
    by_id = {a.id: Path(a.path or "").name for a in articles}
    return articles, by_id


@pytest.fixture(scope="module")
def quotes(seeds):
    articles, _ = seeds
    return extract_quotes(articles, QuoteSettings())


def _predicted_pairs(quotes, by_id):
    """(file, text key, speaker, partial) for every article a quotation occurs in."""
    return [(by_id[a], _gold_text(q.text), q.speaker, q.partial) for q in quotes for a in q.articles]


def _score(quotes, by_id, gold, kind: str | None):
    golds = [g for g in gold["quotes"] if kind is None or g["kind"] == kind]
    preds = [p for p in _predicted_pairs(quotes, by_id) if kind is None or p[3] == (kind == "partial")]
    matched_gold = set()
    correct_preds = 0
    for file, key, speaker, _ in preds:
        hit = next(
            (
                i
                for i, g in enumerate(golds)
                if i not in matched_gold and g["article"] == file and _gold_text(g["text"]) == key and _speaker_ok(speaker, g)
            ),
            None,
        )
        if hit is not None:
            matched_gold.add(hit)
            correct_preds += 1
    precision = correct_preds / len(preds) if preds else 0.0
    recall = len(matched_gold) / len(golds) if golds else 0.0
    return precision, recall, [g for i, g in enumerate(golds) if i not in matched_gold]


def test_precision_and_recall_against_gold(quotes, seeds, gold) -> None:
    _, by_id = seeds
    results = {}
    for kind in (None, "full", "partial"):
        p, r, missed = _score(quotes, by_id, gold, kind)
        results[kind or "all"] = (p, r)
        print(f"\nquotes vs gold [{kind or 'all'}]: precision {p:.2f} recall {r:.2f}")
        for g in missed:
            print(f"  missed {g['id']}: {g['text'][:50]!r} ({g['speaker']})")
    assert results["full"][1] == 1.0, "every full quotation must be found with the right speaker"
    assert results["all"][0] >= 0.8 and results["all"][1] >= 0.8


def test_scare_quotes_are_not_quotes(quotes, gold) -> None:
    keys = {_gold_text(q.text) for q in quotes}
    for term in gold["quoted_terms_no_speaker"]:
        assert _gold_text(term["text"]) not in keys
    for q in key_quotes(quotes, QuoteSettings()):
        assert q.speaker is not None or not q.partial


def test_shared_quote_is_one_entry_with_two_articles(quotes, gold) -> None:
    shared = [g for g in gold["quotes"] if g.get("same_utterance_as")]
    assert shared, "the gold lists a quotation shared by both seeds"
    key = _gold_text(shared[0]["text"])
    entries = [q for q in quotes if _gold_text(q.text) == key]
    assert len(entries) == 1
    assert len(entries[0].articles) == 2
    assert entries[0].speaker == "Vladimir Putin"
    assert len(entries[0].locations) == 2
