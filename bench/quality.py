"""ROUGE of the digest against the baselines on the Multi-News sample.

Budget rule, the same for every system: sentences are taken best first until
the budget (211 words, the mean reference length) is reached, and a last
sentence that crosses it is cut at the budget. Our digest only ever returns
whole sentences within the budget (that is what the app shows), so it gets no
cut sentence and usually a few words fewer than the baselines: the comparison
is, if anything, tilted against it. Words are whitespace-separated tokens.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rouge_score import rouge_scorer

from bench import readme
from bench.data import BUDGET, rows
from bench.data import cluster as build_cluster
from bench.systems import SYSTEMS

METRICS = ("rouge1", "rouge2", "rougeL")


def truncate(sentences: Sequence[str], budget: int) -> str:
    words: list[str] = []
    for sentence in sentences:
        words.extend(sentence.split())
        if len(words) >= budget:
            break
    return " ".join(words[:budget])


def _score_cluster(args: tuple[str, int, tuple[str, ...]]) -> dict[str, dict[str, float]]:
    line, budget, names = args
    cluster = build_cluster(line)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    out: dict[str, dict[str, float]] = {}
    for name in names:
        summary = truncate(SYSTEMS[name](cluster.articles, budget), budget)
        scores = scorer.score(cluster.reference, summary)
        out[name] = {m: 100 * scores[m].fmeasure for m in METRICS}
        out[name]["words"] = len(summary.split())
    return out


def run(limit: int | None = None, systems: Sequence[str] | None = None, workers: int = 2) -> dict:
    names = tuple(systems or SYSTEMS)
    lines = rows(limit=limit)
    n = len(lines)
    start = time.perf_counter()
    jobs = [(line, BUDGET, names) for line in lines]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        per_cluster = list(pool.map(_score_cluster, jobs, chunksize=4))
    table = {}
    for name in names:
        row = {}
        for m in (*METRICS, "words"):
            values = [c[name][m] for c in per_cluster]
            row[m] = round(statistics.fmean(values), 2)
            row[m + "_se"] = round(statistics.stdev(values) / math.sqrt(len(values)), 2) if len(values) > 1 else 0.0
        table[name] = row
    result = {
        "data": "multinews_test_sample200.jsonl (../shared/bench/multi-news)",
        "clusters": n,
        "budget_words": BUDGET,
        "rule": "best-first sentences up to the budget; a crossing sentence is cut for baselines; "
        "the digest returns whole sentences within the budget",
        "rouge": "rouge-score F1 x100, use_stemmer=True; se = standard error of the mean over clusters",
        "seconds": round(time.perf_counter() - start, 1),
        "systems": table,
        "paired_vs_best_baseline": _paired(per_cluster, names),
    }
    return result


def _paired(per_cluster: list[dict], names: Sequence[str]) -> dict:
    """Digest minus each baseline, cluster by cluster: mean difference and its standard error."""
    if "digest" not in names:
        return {}
    out = {}
    for name in names:
        if name == "digest":
            continue
        row = {}
        for m in METRICS:
            diffs = [c["digest"][m] - c[name][m] for c in per_cluster]
            se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0
            row[m] = round(statistics.fmean(diffs), 2)
            row[m + "_se"] = round(se, 2)
        out[name] = row
    return out


def table(result: dict) -> str:
    lines = [
        f"Multi-News sample, {result['clusters']} clusters, {result['budget_words']} words "
        "(rouge-score F1 x100, stemming; ± standard error)",
        f"{'system':<18}{'ROUGE-1':>14}{'ROUGE-2':>14}{'ROUGE-L':>14}{'words':>8}",
    ]
    for name, row in result["systems"].items():
        cells = "".join(f"{row[m]:>8.2f} ±{row[m + '_se']:<4.2f}" for m in METRICS)
        lines.append(f"{name:<18}{cells}{row['words']:>8.1f}")
    if result.get("paired_vs_best_baseline"):
        lines.append("")
        lines.append("digest minus baseline, paired by cluster (± standard error of the difference)")
        for name, row in result["paired_vs_best_baseline"].items():
            cells = "".join(f"{row[m]:>+8.2f} ±{row[m + '_se']:<4.2f}" for m in METRICS)
            lines.append(f"{name:<18}{cells}")
    return "\n".join(lines)


def main(limit: int | None = None, systems: Sequence[str] | None = None, write: bool = True) -> None:
    result = run(limit, systems)
    print(table(result))
    if write:
        readme.publish("quality", result, table(result))
