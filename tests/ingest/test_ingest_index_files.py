"""A folder's notes (a table of the files, a list of sources) are not articles; a report with
a list or a table in it still is one."""

from __future__ import annotations

from pathlib import Path

from briefing.ingest import load_paths
from briefing.ingest.markdown import is_index

TABLE_NOTE = """# Folder: harbour strike coverage

- Dock workers' strike in the port city, first week of March
- 12 articles, 2031-03-01 to 2031-03-07
- Selection: every wire story that names the port

| file | outlet | date |
|---|---|---|
| 01-strike-begins.md | Example Wire | 2031-03-01 |
| 02-talks-stall.md | Sample Daily | 2031-03-03 |
"""

REPORT = """# Talks stall as the harbour strike enters its third day

Dock workers stayed off the job for a third day on Tuesday after talks with the port
authority broke up without a deal, union leaders said. Ships queued outside the breakwater
and two ferry lines cancelled their evening crossings.

The union's demands:

- a pay rise in line with inflation
- a cap on night shifts
- the rehiring of 40 dismissed crane drivers

| day | ships waiting |
|---|---|
| Monday | 12 |
| Tuesday | 19 |
"""


def test_a_table_of_files_with_a_few_notes_is_an_index() -> None:
    assert is_index(TABLE_NOTE)


def test_a_bare_list_of_links_is_an_index() -> None:
    assert is_index("Sources\n\n- [One](http://a.example/1)\n- [Two](http://a.example/2)\n- [Three](http://a.example/3)\n")


def test_a_report_with_a_list_and_a_table_is_an_article() -> None:
    assert not is_index(REPORT)


def test_a_short_report_without_lists_is_an_article() -> None:
    assert not is_index("The mayor opened the new bridge on Sunday.\n")


def test_two_list_items_are_not_enough_to_call_it_an_index() -> None:
    assert not is_index("- The port reopened on Friday.\n- Ferries sail again.\n")


def test_the_index_is_skipped_with_a_warning_naming_it(tmp_path: Path) -> None:
    (tmp_path / "SOURCES.md").write_text(TABLE_NOTE, encoding="utf-8")
    (tmp_path / "01-talks.md").write_text(REPORT, encoding="utf-8")
    result = load_paths([tmp_path])
    assert [a.title for a in result.articles] == ["Talks stall as the harbour strike enters its third day"]
    (warning,) = result.warnings
    assert warning.location.endswith("SOURCES.md")
    assert "not an article" in warning.reason
