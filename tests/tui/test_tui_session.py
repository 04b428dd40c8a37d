"""The TUI's plain rules: summary length steps, algorithm cycling, batching, the display guard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, strategies as st

from briefing.brief import items
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.sources import SourceInfo
from briefing.config import ALGORITHMS, Settings, SummarySettings
from briefing.tui.safe import clean, one_line, plain
from briefing.tui.session import Session, next_algorithm, plan_batches, step_length
from support.brief_sample import DAILY, DAY, DIGEST, FIGURES, QUOTE_YUSUF, WIRE, brief_citing_the_sample


def test_length_steps_in_the_configured_unit() -> None:
    assert step_length(SummarySettings(sentences=3), 1).sentences == 4
    assert step_length(SummarySettings(sentences=1), -1).sentences == 1, "never below one sentence"
    ratio = step_length(SummarySettings(sentences=None, ratio=0.2), 1)
    assert ratio.ratio == 0.25 and ratio.sentences is None
    assert step_length(SummarySettings(sentences=None, ratio=0.05), -1).ratio == 0.05
    assert step_length(SummarySettings(sentences=None, ratio=1.0), 1).ratio == 1.0
    words = step_length(SummarySettings(sentences=None, words=100), -1)
    assert words.words == 75 and words.sentences is None and words.ratio is None
    assert step_length(SummarySettings(sentences=None, words=25), -1).words == 25


def test_algorithm_cycle_visits_every_algorithm_once() -> None:
    seen, current = [], ALGORITHMS[0]
    for _ in ALGORITHMS:
        current = next_algorithm(current)
        seen.append(current)
    assert sorted(seen) == sorted(ALGORITHMS)
    assert next_algorithm("unknown") == ALGORITHMS[0]


def test_batches_expand_folders_and_keep_other_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", ".hidden/x.txt", ".dot.txt", "photo.jpg"):
        (folder / name).write_text("x", encoding="utf-8")
    single = tmp_path / "one.txt"
    single.write_text("x", encoding="utf-8")
    missing = tmp_path / "gone.txt"
    batches, warnings = plan_batches([str(folder), str(single), str(missing), "https://example.org/feed"], size=2)
    flat = [p for b in batches for p in b]
    assert [Path(p).name for p in flat[:3]] == ["a.md", "b.txt", "c.html"]
    assert flat[3:] == [str(single), "https://example.org/feed"]
    assert [len(b) for b in batches] == [2, 3]  # the first batch small, then doubling
    # named, not read: the photo (another type) and the missing file, as a load would say
    assert [Path(w.location).name for w in warnings] == ["photo.jpg", "gone.txt"]


def test_the_file_cap_holds_across_batches(tmp_path: Path) -> None:
    for i in range(7):
        (tmp_path / f"{i}.txt").write_text("x", encoding="utf-8")
    batches, warnings = plan_batches([str(tmp_path)], size=2, max_files=5)
    assert sum(len(b) for b in batches) == 5
    assert len(warnings) == 1 and "more than 5 files" in warnings[0].reason


def test_the_same_article_in_two_batches_is_kept_once(seed_paths) -> None:
    from briefing.config import Settings
    from briefing.ingest import load_paths
    from briefing.tui.session import Session

    session = Session(Settings())
    first = load_paths(seed_paths[:1]).articles
    assert session.add_articles(first) == first
    assert session.add_articles(load_paths(seed_paths[:1]).articles) == []
    assert len(session.articles) == 1 and "loaded once" in session.warnings[0].reason


def test_display_guard_removes_sequences_with_their_payload() -> None:
    text = "a\x1b]0;TITLE\x07b\x1b]52;c;QUJD\x1b\\c\x1b[6nd\x9d0;X\x9ce\x9b6nf\x1bP+q\x1b\\g\x1b(Bh\u202ei"
    assert clean(text) == "abcdefghi"
    assert clean("tab\tand\nnewline") == "tab\tand\nnewline"
    assert one_line("  two\n lines  ") == "two lines"
    assert one_line("x" * 10, 5) == "xxxx…"
    content = plain("[@click=app.quit]x[/] [/bold]")
    assert content.plain == "[@click=app.quit]x[/] [/bold]" and not content.spans


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x1b\x9b\x9d\x07[];")))
def test_display_guard_leaves_no_control_characters(text: str) -> None:
    out = clean(text)
    assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in out)


def test_plan_batches_names_files_of_other_types_and_does_not_read_them(tmp_path):
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    batches, warnings = plan_batches([str(tmp_path)], size=10)
    assert batches == [[str(tmp_path / "a.txt")]]
    assert [(w.location, "unsupported file type .pdf" in w.reason) for w in warnings] == [
        (str(tmp_path / "scan.pdf"), True)
    ]


def test_an_other_figure_is_labelled_with_what_it_counts() -> None:
    from briefing.models import Figure
    from briefing.tui.widgets.status_panel import figure_label

    crowd = Figure("other", 1500, "about", "Around 1,500 people protested in Donetsk on Sunday", None, "a1")
    killed = Figure("killed", 250000, "at least", "at least 250,000 people", None, "a1")
    assert figure_label(crowd) == "Around 1,500 people protested in Donetsk on Sunday"
    assert figure_label(killed).startswith("at least 250,000")


# --- what counts as unsaved, and citations of articles not loaded -----------------------------------


def test_undo_back_to_the_saved_state_is_not_unsaved(tmp_path: Path) -> None:
    session = Session(Settings())
    assert not session.unsaved
    first = session.brief.add("Alpha.", ItemOrigin.free())
    session.brief.add("Beta.", ItemOrigin.free())
    assert session.unsaved
    session.mark_saved(tmp_path / "b.md")
    assert not session.unsaved
    session.brief.remove(first.id)
    session.brief.edit(session.brief.items[0].id, "Gamma.")
    assert session.unsaved
    session.brief.undo()
    assert session.unsaved
    session.brief.undo()
    assert not session.unsaved


def test_session_counts_items_citing_articles_that_are_not_loaded() -> None:
    session = Session(Settings())
    session.add_articles([WIRE])
    draft = brief_citing_the_sample()
    draft.sources[DAILY.id] = SourceInfo.of(DAILY)
    assert session.not_loaded_counts(draft) == (3, 0)  # the bottom line, the Daily sentence, the quote
    draft.sources.clear()
    assert session.not_loaded_counts(draft) == (3, 3)
    session.replace_brief(draft)
    assert WIRE.id in session.brief.sources, "replacing remembers the loaded sources"
