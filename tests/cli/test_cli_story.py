"""Stories on the command line: `analyze --json` lists them, `--story` picks the one described,
the brief is about one story and says how many others were loaded."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefing.cli import main
from support.story_piles import CASSEL, DRAVIK, write_pile


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def two_piles(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("piles")
    return [str(write_pile(root / "dravik", *DRAVIK)), str(write_pile(root / "cassel", *CASSEL))]


def _titles(data: dict, ids: list[str]) -> set[str]:
    by_id = {a["id"]: a["title"] for a in data["articles"]}
    return {by_id[i] for i in ids}


def test_json_lists_each_story_with_its_own_analysis(two_piles: list[str]) -> None:
    code, out, err = run("analyze", *two_piles, "--json")
    assert code == 0, err
    data = json.loads(out)
    dravik, cassel = data["stories"]
    assert _titles(data, dravik["articles"]) == {r[3] for r in DRAVIK}
    assert _titles(data, cassel["articles"]) == {r[3] for r in CASSEL}
    for story in (dravik, cassel):
        assert {"id", "title", "articles", "digest", "quotes", "status", "keywords", "main"} <= set(story)
        assert all(set(d["articles"]) <= set(story["articles"]) for d in story["digest"])
    assert dravik["main"] and not cassel["main"]
    assert (data["digest"], data["quotes"], data["status"]) == (dravik["digest"], dravik["quotes"], dravik["status"])


@pytest.mark.parametrize("which", ["2", "id"])
def test_story_picks_what_the_top_level_describes(two_piles: list[str], which: str) -> None:
    _, out, _ = run("analyze", *two_piles, "--json")
    cassel = json.loads(out)["stories"][1]
    code, out, err = run("analyze", *two_piles, "--json", "--story", cassel["id"] if which == "id" else "2")
    assert code == 0, err
    data = json.loads(out)
    assert data["digest"] == cassel["digest"] and data["status"] == cassel["status"]
    assert [s["main"] for s in data["stories"]] == [False, True]


def test_an_unknown_story_is_a_usage_error_listing_the_stories(two_piles: list[str]) -> None:
    code, out, err = run("analyze", *two_piles, "--story", "7")
    assert code == 2 and out == ""
    assert err.startswith("error: --story: no story '7' among the 2 loaded: 1 (")
    assert "Traceback" not in err


def test_the_readable_report_lists_the_stories_and_marks_the_one_described(two_piles: list[str]) -> None:
    code, out, _ = run("analyze", *two_piles, "--story", "2")
    assert code == 0
    stories = out[out.index("STORIES (2)"):out.index("KEY DEVELOPMENTS")]
    assert "\n  1 (" in stories and "\n* 2 (" in stories and "Tesmark" in stories


def test_the_brief_is_about_one_story_and_names_the_others(two_piles: list[str], tmp_path: Path) -> None:
    code, _, err = run("build", *two_piles, "-o", str(tmp_path / "b.md"), "--story", "2")
    assert code == 0, err
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    body = text[: text.index("Not in this brief")]
    assert "Port Cassel" in body and "Dravik" not in body
    assert "Not in this brief: 1 other story loaded (5 articles): Dravik, Halvik (5)." in text
    assert "date: 2031-03-07" in text  # the latest of the story described, not of all loaded


def test_one_story_loaded_says_nothing_of_others(tmp_path: Path) -> None:
    folder = write_pile(tmp_path / "dravik", *DRAVIK)
    code, _, _ = run("build", str(folder), "-o", str(tmp_path / "b.md"))
    assert code == 0
    assert "Not in this brief" not in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_stored_stories_with_no_paths_story_picks_one_and_build_records_its_label(tmp_path: Path) -> None:
    """Two labelled folders fetched into the store; no PATHS: --story applies to today's stored
    articles too, and the brief about the second story is recorded under that story's label."""
    piles = tmp_path / "piles"
    dravik, cassel = write_pile(piles / "dravik", *DRAVIK), write_pile(piles / "cassel", *CASSEL)
    config = tmp_path / "briefing.yaml"
    config.write_text(f"sources:\n  - path: {dravik}\n    story: arvenia\n  - path: {cassel}\n    story: lirea\n",
                      encoding="utf-8")
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    code, out, err = run("analyze", "--json", "--story", "2", "--config", str(config))
    assert code == 0, err
    data = json.loads(out)
    assert len(data["stories"]) == 2
    assert [s["main"] for s in data["stories"]] == [False, True]
    assert _titles(data, data["stories"][1]["articles"]) == {r[3] for r in CASSEL}
    code, _, err = run("build", "--story", "2", "-o", str(tmp_path / "brief.md"), "--config", str(config))
    assert code == 0, err
    code, out, err = run("history", "--config", str(config))
    assert code == 0, err
    assert "lirea" in out and "arvenia" not in out
