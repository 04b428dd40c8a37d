"""A day's pile at newsroom scale: the CLI as a user runs it, against the summariser
they would otherwise run, cold and warm, at 1,000 and 5,000 articles.

Every number comes from one run on this machine, as ratios (absolute seconds
depend on the machine and on what else it runs; the load is printed):

* cold `briefing analyze --json FOLDER` (empty cache) against sumy's LexRank
  alone (3 sentences an article, Punkt sentences, Porter stemmer, sumy's stop
  words) over the same files: our whole analysis should take at most half its
  time;
* warm (the same command again, the cache the cold run filled) against cold:
  at most 5 %, and the output byte for byte the same;
* 5,000 articles against 1,000: at most 5.5x the time, and the peak memory of
  the whole process tree (pool workers included; proportional set size, so a
  page that forked workers share with the CLI counts once) at most 1 GiB;
* the TUI on the same 1,000 files (bench/tui_probe.py, a real pseudo-terminal):
  analysed within 1.3x the CLI's cold time, keys answered in under 100 ms (p95)
  while it works.

The files are the Multi-News documents in ../shared/bench (read in place),
written to a temporary folder and deleted afterwards; past the 538 originals
each copy gets an edition line ("Edition 2.") so it is a new text, not a
duplicate the loader would merge. Each command runs in a fresh process with
empty config and cache folders and the default settings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.data import ROOT, SAMPLE

GOALS = {"cold_vs_lexrank": 0.5, "warm_vs_cold": 0.05, "big_vs_small": 5.5, "peak_memory_mb": 1024.0,
         "tui_vs_cli": 1.3, "keys_p95_ms": 100.0}  # fmt: skip
_SAMPLE_EVERY = 0.05  # seconds between memory samples of the process tree


@dataclass
class Run:
    seconds: float
    peak_pss_mb: float  # the whole process tree, shared pages counted once
    peak_rss_mb: float  # the largest single process
    output: bytes
    code: int


def write_pile(folder: Path, count: int) -> None:
    """`count` article files from the benchmark documents, editions past the first copy."""
    texts = [d["text"] for line in SAMPLE.read_text(encoding="utf-8").splitlines() for d in json.loads(line)["documents"]]
    folder.mkdir(parents=True)
    for i in range(count):
        edition, doc = divmod(i, len(texts))
        body = texts[doc].strip()
        if edition:
            body += f"\n\nEdition {edition + 1}."
        (folder / f"{i:05d}.txt").write_text(body + "\n", encoding="utf-8")


def _environment(home: Path) -> dict[str, str]:
    """Fresh config, cache and data folders: the default settings, nothing cached."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state")):  # fmt: skip
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["HOME"] = str(home)
    return env


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path) -> Run:
    """Wall time from launch to exit, and the peak memory of the process and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = {"pss": 0, "rss": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pss, rss = _tree_memory_kb(process.pid)
            peak["pss"], peak["rss"] = max(peak["pss"], pss), max(peak["rss"], rss)
            done.wait(_SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return Run(seconds, peak["pss"] / 1024, peak["rss"] / 1024, output, process.returncode)


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """Memory of `pid` and all its descendants, from /proc (Linux): the sum of their
    proportional set sizes (a page shared by forked workers counts once in all), and
    the resident size of the largest single process."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total = largest = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        pss, rss = _memory_kb(current)
        total, largest = total + pss, max(largest, rss)
        pending.extend(children.get(current, []))
    return total, largest


def _memory_kb(pid: int) -> tuple[int, int]:
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                name, _, rest = line.partition(":")
                if name in ("Pss", "Rss"):
                    fields[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return 0, 0
    return fields.get("Pss", 0), fields.get("Rss", 0)


def analyze_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "analyze", "--json", str(folder)]


def lexrank_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "bench.lexrank_alone", str(folder)]


def run(small: int = 1000, big: int = 5000, tui: bool = True) -> dict[str, Any]:
    load_start = os.getloadavg()[0]
    result: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "articles": {}}
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        base = Path(tmp)
        small_dir, big_dir = base / f"pile-{small}", base / f"pile-{big}"
        write_pile(small_dir, small)
        write_pile(big_dir, big)
        env = _environment(base / "home-small")
        env_root = ROOT  # the project root: where `python -m briefing` and `-m bench` import from
        cold = run_timed(analyze_command(small_dir), env, env_root)
        _report("cold", small, cold)
        warm = run_timed(analyze_command(small_dir), env, env_root)
        _report("warm", small, warm)
        lexrank = run_timed(lexrank_command(small_dir), _environment(base / "home-lexrank"), env_root)
        _report("sumy LexRank alone", small, lexrank)
        big_run = run_timed(analyze_command(big_dir), _environment(base / "home-big"), env_root)
        _report("cold", big, big_run)
        loaded = len(json.loads(cold.output)["articles"]) if cold.code == 0 else 0
        result["articles"] = {"small": small, "big": big, "small_loaded": loaded}
        result["runs"] = {
            "cold": _row(cold), "warm": _row(warm), "lexrank": _row(lexrank), "big_cold": _row(big_run),
        }  # fmt: skip
        result["ratios"] = {
            "cold_vs_lexrank": round(cold.seconds / lexrank.seconds, 3),
            "warm_vs_cold": round(warm.seconds / cold.seconds, 4),
            "warm_output_identical": warm.output == cold.output and cold.code == 0,
            "big_vs_small": round(big_run.seconds / cold.seconds, 3),
            "peak_memory_mb": round(max(cold.peak_pss_mb, big_run.peak_pss_mb), 1),
        }
        if tui:
            result["tui"] = _tui(small_dir, cold.seconds)
            result["ratios"].update({k: result["tui"][k] for k in ("tui_vs_cli", "keys_p95_ms") if k in result["tui"]})
    result["machine"]["load_average_1min"] = {"start": round(load_start, 2), "end": round(os.getloadavg()[0], 2)}
    return result


def _tui(folder: Path, cli_seconds: float) -> dict[str, Any]:
    """The TUI's analysed time and key latency on the same folder (median of trials)."""
    from bench.tui_probe import measure_folder

    case = measure_folder(folder)
    out = {"case": case}
    if case.get("analysed") is not None:
        out["tui_vs_cli"] = round(case["analysed"] / cli_seconds, 3)
    if case.get("key_ms"):
        out["keys_p95_ms"] = case["key_ms"]["p95"]
    print(f"  TUI on {folder.name}: {json.dumps(case)}", flush=True)
    return out


def _row(run: Run) -> dict[str, Any]:
    return {"seconds": round(run.seconds, 2), "peak_pss_mb": round(run.peak_pss_mb, 1),
            "peak_rss_mb": round(run.peak_rss_mb, 1), "exit": run.code, "output_bytes": len(run.output)}  # fmt: skip


def _report(what: str, count: int, run: Run) -> None:
    print(f"  {count:>5} files  {what:<20} {run.seconds:7.2f} s  peak {run.peak_pss_mb:6.0f} MB (tree PSS), "
          f"{run.peak_rss_mb:6.0f} MB (largest RSS)  exit {run.code}", flush=True)  # fmt: skip


def _memory(row: dict[str, Any]) -> str:
    return f"{row['peak_pss_mb']:5.0f} MB (process tree, PSS), {row['peak_rss_mb']:5.0f} MB (largest process, RSS)"


def table(result: dict[str, Any]) -> str:
    load = result["machine"].get("load_average_1min", {})
    runs, ratios, n = result["runs"], result["ratios"], result["articles"]
    lines = [
        f"{result['machine']['cpus']} cores; load average {load.get('start')} at start, {load.get('end')} at end",
        f"{n['small']:,} files ({n['small_loaded']:,} articles loaded), default settings, fresh cache and config",
        f"  cold  briefing analyze --json   {runs['cold']['seconds']:7.2f} s   peak {_memory(runs['cold'])}",
        f"  warm  briefing analyze --json   {runs['warm']['seconds']:7.2f} s",
        f"        sumy LexRank alone        {runs['lexrank']['seconds']:7.2f} s",
        f"{n['big']:,} files",
        f"  cold  briefing analyze --json   {runs['big_cold']['seconds']:7.2f} s   peak {_memory(runs['big_cold'])}",
        "ratio                                   value    goal",
    ]
    checks = [
        ("cold / sumy LexRank alone", ratios["cold_vs_lexrank"], "<=", GOALS["cold_vs_lexrank"], "{:.2f}x"),
        ("warm / cold", ratios["warm_vs_cold"] * 100, "<=", GOALS["warm_vs_cold"] * 100, "{:.1f} %"),
        (f"{n['big']:,} / {n['small']:,} articles time", ratios["big_vs_small"], "<=", GOALS["big_vs_small"], "{:.2f}x"),
        ("peak memory, process tree (MB PSS)", ratios["peak_memory_mb"], "<=", GOALS["peak_memory_mb"], "{:.0f}"),
    ]
    if "tui_vs_cli" in ratios:
        checks.append(("TUI analysed / CLI cold", ratios["tui_vs_cli"], "<=", GOALS["tui_vs_cli"], "{:.2f}x"))
    if "keys_p95_ms" in ratios:
        checks.append(("TUI keys while busy, p95 (ms)", ratios["keys_p95_ms"], "<", GOALS["keys_p95_ms"], "{:.0f}"))
    for name, value, op, goal, fmt in checks:
        ok = value <= goal if op == "<=" else value < goal
        lines.append(f"  {name:<34} {fmt.format(value):>9}   {op} {fmt.format(goal):<8} {'ok' if ok else 'MISSED'}")
    same = "yes" if ratios["warm_output_identical"] else "NO"
    lines.append(f"  {'warm output identical to cold':<34} {same:>9}")
    tui = result.get("tui", {}).get("case", {})
    for phase, keys in tui.get("key_ms_by_phase", {}).items():
        lines.append(f"  TUI keys while {phase:<10} median {keys['median']:.0f} ms, p95 {keys['p95']:.0f} ms ({keys['presses']} presses)")
    if tui.get("first_screen") is not None:
        lines.append(
            f"  TUI from launch (median): first screen {tui['first_screen']:.2f} s, all files loaded "
            f"{tui.get('loaded')} s, analysed {tui.get('analysed')} s"
        )
    return "\n".join(lines)


def main(small: int = 1000, big: int = 5000, tui: bool = True, write: bool = True) -> None:
    from bench import readme

    result = run(small, big, tui)
    print(table(result))
    if write:
        readme.publish("scale", result, table(result))
