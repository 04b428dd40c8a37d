"""The `briefing` command: analyze (text and JSON), build, the TUI hand-off, exit codes, messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_KEYS = {"id", "path", "title", "source", "published", "kind", "words", "sentences", "summary"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check_seed_json(data: dict, count: int) -> None:
    assert set(data) == {"articles", "stories", "digest", "quotes", "status"}
    assert len(data["articles"]) == 2
    [story] = data["stories"]  # the two seeds report the same events
    assert {"id", "title", "articles", "digest", "quotes", "status"} <= set(story) and story["main"]
    assert sorted(story["articles"]) == sorted(a["id"] for a in data["articles"])
    assert (story["digest"], story["quotes"], story["status"]) == (data["digest"], data["quotes"], data["status"])
    for article in data["articles"]:
        assert set(article) == ARTICLE_KEYS
        assert article["title"] and article["source"]
        assert len(article["summary"]) == count
        assert [s["index"] for s in article["summary"]] == sorted(s["index"] for s in article["summary"])
        assert all(set(s) == {"index", "text"} and s["text"] for s in article["summary"])
    assert {"Press TV", "The Associated Press"} <= {a["source"] for a in data["articles"]}
    status = data["status"]
    assert {"trend", "ceasefire", "negotiations", "figures", "actors", "locations"} <= set(status)
    assert {"label", "evidence"} <= set(status["trend"])
    assert {"state", "since", "brokers", "evidence"} <= set(status["ceasefire"])
    assert {"state", "venue", "mediator", "evidence"} <= set(status["negotiations"])


def test_analyze_json_three_sentences_via_main(seeds_dir: Path) -> None:
    code, out, err = run("analyze", str(seeds_dir), "--json", "--sentences", "3")
    assert code == 0, err
    check_seed_json(json.loads(out), 3)
    assert "loading" not in err  # no progress when stderr is not a terminal


def test_analyze_json_three_sentences_via_subprocess(seeds_dir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "analyze", str(seeds_dir), "--json", "--sentences", "3"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    check_seed_json(json.loads(result.stdout), 3)
    assert result.stderr == ""


def test_console_script(seeds_dir: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "briefing"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(script), "analyze", str(seeds_dir), "--json", "--ratio", "0.2"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert all(len(a["summary"]) == max(1, round(0.2 * a["sentences"])) for a in data["articles"])


def test_json_item_shapes(seeds_dir: Path) -> None:
    code, out, _ = run("analyze", str(seeds_dir), "--json")
    data = json.loads(out)
    for item in data["digest"]:
        assert set(item) == {"text", "articles"}
    for quote in data["quotes"]:
        assert set(quote) == {"text", "speaker", "role", "cue", "attribution", "partial", "articles"}
    for figure in data["status"]["figures"]:
        assert {"kind", "value", "qualifier", "text", "reported_by", "article", "disagreement"} <= set(figure)
    for actor in data["status"]["actors"]:
        assert set(actor) == {"name", "side", "mentions"}
    for place in data["status"]["locations"]:
        assert set(place) == {"name", "mentions"}


def test_algorithm_and_words_flags(seeds_dir: Path) -> None:
    code, out, _ = run("analyze", str(seeds_dir), "--json", "--algorithm", "lead", "--sentences", "2")
    assert code == 0
    assert all([s["index"] for s in a["summary"]] == [0, 1] for a in json.loads(out)["articles"])
    code, out, _ = run("analyze", str(seeds_dir), "--json", "--words", "40")
    assert code == 0
    for article in json.loads(out)["articles"]:
        assert sum(len(s["text"].split()) for s in article["summary"]) <= 45  # NLTK tokens vs split


def test_readable_report(seeds_dir: Path) -> None:
    code, out, _ = run("analyze", str(seeds_dir))
    assert code == 0
    for heading in ("ARTICLES (2)", "KEY DEVELOPMENTS", "QUOTES", "CONFLICT STATUS"):
        assert heading in out
    assert "Press TV" in out and "The Associated Press" in out
    assert "Summary (lexrank, 3 sentences)" in out


def test_unloadable_paths_warn_and_continue(seeds_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run("analyze", str(seeds_dir), str(missing), "--json")
    assert code == 0
    assert f"warning: {missing}:" in err
    assert len(json.loads(out)["articles"]) == 2


def test_nothing_loadable_is_exit_1(tmp_path: Path) -> None:
    code, out, err = run("analyze", str(tmp_path / "missing.txt"))
    assert code == 1
    assert out == ""
    assert "error: nothing to analyse" in err
    assert "Traceback" not in err


def test_config_error_is_exit_2(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "briefing.yaml"
    config.write_text("# mine\nsummary:\n  algorithm: lexrank\n  sentences: -3\n", encoding="utf-8")
    code, out, err = run("analyze", str(seeds_dir), "--config", str(config))
    assert code == 2
    assert err == f"error: {config}:4:14: summary.sentences must be a positive integer, got -3\n"
    code, _, err = run("analyze", str(seeds_dir), "--sentences", "-3")
    assert code == 2
    assert err.startswith("error: command line: summary.sentences must be a positive integer, got -3")


def test_config_file_is_used_and_flags_override_it(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("summary:\n  algorithm: lead\n  sentences: 1\n", encoding="utf-8")
    code, out, _ = run("analyze", str(seeds_dir), "--json", "--config", str(config))
    assert code == 0
    assert all([s["index"] for s in a["summary"]] == [0] for a in json.loads(out)["articles"])
    code, out, _ = run("analyze", str(seeds_dir), "--json", "--config", str(config), "--sentences", "2")
    assert all([s["index"] for s in a["summary"]] == [0, 1] for a in json.loads(out)["articles"])


def test_usage_errors_are_exit_2(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(seeds_dir), "--sentences", "2", "--ratio", "0.5"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert main(["analyze", str(seeds_dir), "--algorithm", "magic"]) == 2  # (no PATHS is today: test_cli_daily.py)


def test_help_shows_resolved_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "configuration: none found, built-in defaults only" in out
    assert "briefing analyze" in out and "briefing build" in out
    Path("briefing.yaml").write_text("digest:\n  words: 100\n", encoding="utf-8")
    assert main(["analyze", "--help"]) == 0
    assert "configuration: briefing.yaml" in capsys.readouterr().out
    assert main(["build", "--config", "/some/where.yaml", "--help"]) == 0
    assert "configuration: /some/where.yaml" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing {__version__}"


def test_build_writes_and_refuses_to_overwrite(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    code, out, err = run("build", str(seeds_dir), "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("---")
    assert str(target) in out
    before = target.read_bytes()
    code, out, err = run("build", str(seeds_dir), "-o", str(target))
    assert code == 1
    assert err.startswith("error: ") and str(target) in err and "--force" in err
    assert "Errno" not in err
    assert target.read_bytes() == before
    code, _, err = run("build", str(seeds_dir), "-o", str(target), "--force")
    assert code == 0, err


def test_build_save_error_is_clean(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run("build", str(seeds_dir), "-o", str(folder))
    assert code == 1
    assert err.startswith("error: ") and str(folder) in err
    assert "Traceback" not in err


def test_no_command_opens_tui_with_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.tui.app as app
    from briefing.config import seeds_dir

    calls = []
    monkeypatch.setattr(app, "run_tui", lambda paths, settings, **_: calls.append((paths, settings)) or 0)
    assert main([]) == 0
    assert calls[0][0] == [str(seeds_dir())]
    assert main(["a.txt", "b.txt", "--sentences", "5"]) == 0
    assert calls[1][0] == ["a.txt", "b.txt"]
    assert calls[1][1].summary.sentences == 5


def test_missing_tui_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "briefing.tui.app", None)
    code, _, err = run()
    assert code == 1
    assert "terminal app is not available" in err and "briefing analyze" in err


def test_programming_errors_are_not_swallowed(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.analysis.pipeline as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline, "analyze", broken)
    with pytest.raises(RuntimeError, match="bug"):
        run("analyze", str(seeds_dir))


def test_progress_only_on_a_terminal(seeds_dir: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    assert main(["analyze", str(seeds_dir), "--json"], stdout=io.StringIO(), stderr=err) == 0
    assert "\rloading 2/2\n" in err.getvalue()
    code, _, plain = run("analyze", str(seeds_dir), "--json")
    assert code == 0 and plain == ""
