"""Analysis on hostile input (issue 8, red-team cases): no overflow, no quadratic blow-up,
and the same answers as before on ordinary text."""

from __future__ import annotations

import random
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from briefing.analysis import actors, pipeline
from briefing.analysis.dates import infer_reference
from briefing.analysis.names import ORG, PERSON, NameIndex
from briefing.analysis.numbers import MAX_DIGITS, find_numbers, parse_fraction, parse_number
from briefing.config import CacheSettings, IngestSettings, Settings, config_dir
from briefing.ingest import load_paths

ROOT = Path(__file__).resolve().parents[2]


def _load(tmp_path: Path, text: str, name: str = "a.txt") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_paths([path], IngestSettings()).articles


# --- numbers ----------------------------------------------------------------------------------
def test_numbers_longer_than_any_count_are_not_numbers() -> None:
    assert parse_number("9" * 400) is None  # float() is inf: round() raised OverflowError
    assert parse_number("1" * 5000) is None
    assert parse_number(",".join(["999"] * 2000)) is None
    assert parse_number("9" * (MAX_DIGITS + 1)) is None
    assert parse_fraction("9" * 400 + " percent") is None


def test_ordinary_numbers_still_parse() -> None:
    assert parse_number("470,000") == 470_000
    assert parse_number("1.9 million") == 1_900_000
    assert parse_number("9" * MAX_DIGITS) == int("9" * MAX_DIGITS)
    assert parse_fraction("40 percent") == pytest.approx(0.4)
    text = f"The ministry said {'9' * 5000} people were killed and 1,200 wounded."
    assert [n.value for n in find_numbers(text)] == [1_200]


def test_huge_ages_do_not_break_the_date_reference(tmp_path: Path) -> None:
    articles = _load(tmp_path, f"The war began in March 2011. It is a {'9' * 5000}-year-old war, now in its ²-year-long phase.\n")
    assert infer_reference(articles) is not None  # int() refuses more than 4,300 digits


# --- acronyms -----------------------------------------------------------------------------------
def test_acronyms_are_read_back_from_the_short_form() -> None:
    text = "Talks with the High Negotiations Committee (HNC) and the March 23 Movement (M23) stalled. Labor (Labor) x."
    assert actors.collect_aliases(text) == [("High Negotiations Committee", "HNC")]
    assert actors.collect_aliases("a fighter of al-Qaeda Central Command (QCC) said") == [("Qaeda Central Command", "QCC")]
    assert actors.collect_aliases("Committee for the Defence of Rights  (CDR)") == [("Committee for the Defence of Rights", "CDR")]


def test_runs_of_capitalised_words_cost_linear_time() -> None:
    started = time.perf_counter()
    [(long_name, short)] = actors.collect_aliases("War.\n" * 200_000 + "War War (WW)")
    assert short == "WW" and long_name.endswith("War.\nWar War") and len(long_name) <= actors.ACRONYM_WINDOW
    assert time.perf_counter() - started < 1.0  # the single regex took 15.9 s for 8,000 lines


def test_long_forms_are_read_within_a_window() -> None:
    long_run = " ".join(["Word"] * 500) + " Peace Council (PC)"
    [(long_name, short)] = actors.collect_aliases(long_run)
    assert short == "PC" and long_name.endswith("Peace Council") and len(long_name) <= actors.ACRONYM_WINDOW


# --- spellings ----------------------------------------------------------------------------------
def _entry(name: str, mentions: int) -> actors._Entry:
    return actors._Entry(name, "person", mentions=mentions, forms={name: mentions})


def test_transliterations_still_merge() -> None:
    entries = {actors.norm_key(n): _entry(n, m) for n, m in [("Arseniy Yatsenyuk", 9), ("Arseny Yatseniuk", 2), ("Ali Omar", 3), ("Ali Amir", 3)]}
    redirect: dict[str, str] = {}
    actors._merge_spellings(entries, redirect)
    assert entries["arseniy yatsenyuk"].mentions == 11 and "Arseny Yatseniuk" in entries["arseniy yatsenyuk"].aliases
    assert "ali omar" in entries and "ali amir" in entries
    assert redirect == {"arseny yatseniuk": "arseniy yatsenyuk"}


def test_ten_thousand_distinct_names_are_merged_in_bounded_time() -> None:
    rng = random.Random(1)
    first = ["Ahmed", "Maria", "Omar", "Lena", "Idris", "Yusuf", "Anna", "Pavel", "Chen", "Amina"]
    last = ["Khalil", "Lopez", "Haddad", "Berg", "Musa", "Petrov", "Wang", "Okafor", "Nasser", "Diaz"]
    names = {f"{rng.choice(first)} {rng.choice(last)}{i}" for i in range(10_000)}
    entries = {actors.norm_key(n): _entry(n, 1) for n in names}
    entries["ahmed khalil"] = _entry("Ahmed Khalil", 50)
    entries["ahmad khalil"] = _entry("Ahmad Khalil", 1)
    started = time.perf_counter()
    actors._merge_spellings(entries, {})
    assert time.perf_counter() - started < 1.5  # about 250,000 comparisons (6 s) before the caps
    assert "ahmad khalil" not in entries and "Ahmad Khalil" in entries["ahmed khalil"].aliases


# --- "the ministry", "the envoy": indexed look-ups, same answers ------------------------------
def _reference(index: NameIndex, kinds: frozenset[str], pos: int, accept) -> object:
    return next((m for m in index.candidates_before(pos, kinds, len(index.sentence_starts)) if accept(m)), None)


def test_org_nouns_and_titles_resolve_as_a_walk_over_every_sentence(seed_articles_text: list[tuple[str, list[int]]]) -> None:
    rng = random.Random(7)
    probes = 0
    for text, starts in seed_articles_text:
        index = NameIndex(text, starts)
        words = sorted({w for m in index.mentions if m.entity for w in m.entity.name.lower().split()})
        roles = sorted({w for m in index.mentions if m.entity and m.entity.role for w in m.entity.role.lower().split()})
        for _ in range(300):
            for m in index.mentions:  # subjects are marked while quotes are read: any mix must agree
                m.subject = rng.random() < 0.5
            pos = rng.randrange(len(text) + 1)
            word = rng.choice(words)
            expected = _reference(index, frozenset({ORG}), pos, lambda m: word in m.entity.name.lower().split())
            assert index.resolve_org_noun(word, pos) is expected
            if roles:
                role = rng.choice(roles)
                want = _reference(index, frozenset({PERSON}), pos,
                                  lambda m: bool(re.search(rf"\b{re.escape(role)}", ((m.entity.role or "") if m.entity else "").lower())))
                assert index.resolve_title(role, pos) is want
            probes += 1
    assert probes >= 300


@pytest.fixture(scope="module")
def seed_articles_text() -> list[tuple[str, list[int]]]:
    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles
    return [(a.text, [s.start for s in a.sentences]) for a in articles]


def test_many_attributions_to_the_ministry_stay_fast(tmp_path: Path) -> None:
    from briefing.analysis.quotes import extract_quotes

    rng = random.Random(3)
    paras = ["The Ministry of Defence said the army had advanced."]
    for i in range(400):
        paras.append(" ".join(
            f'"Village {i}-{j} was taken overnight," the ministry said.' if rng.random() < 0.3 else f"Shelling hit village {i}-{j}."
            for j in range(10)
        ))
    [article] = _load(tmp_path, "\n".join(paras) + "\n")
    started = time.perf_counter()
    quotes = extract_quotes([article], Settings().quotes)
    assert time.perf_counter() - started < 3.0
    assert quotes and {q.speaker for q in quotes} == {"Ministry of Defence"}


# --- the pipeline -------------------------------------------------------------------------------
def _settings(workers: int) -> Settings:
    return replace(Settings(), cache=CacheSettings(enabled=False, workers=workers))


def test_a_single_article_is_never_shipped_whole_to_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"Fighting near Village{i} killed {i % 50 + 2} people, the General Staff said." for i in range(2_000)]
    [article] = _load(tmp_path, "\n".join(lines) + "\n")
    assert len(article.sentences) >= pipeline.OFFLOAD_MIN_SENTENCES
    serial = pipeline.analyze([article], _settings(workers=1))
    monkeypatch.setattr(pipeline, "_compute_parallel", lambda *a: pytest.fail("every task in the pool for one article"))
    seen: list[int] = []
    offloaded = pipeline.analyze([article], _settings(workers=2), progress=lambda d, t: seen.append(d))
    assert pipeline._POOLS, "the status went to a worker"
    assert offloaded == serial
    assert seen[-1] == 1 + 3


# --- the file cap -------------------------------------------------------------------------------
def test_max_files_default_is_the_documented_one() -> None:
    shipped = yaml.safe_load((config_dir() / "default.yaml").read_text(encoding="utf-8"))
    assert shipped["ingest"]["max_files"] == IngestSettings().max_files == 10_000
