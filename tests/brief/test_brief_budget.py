"""The one-page budget: counting words as a reader would, reporting overflow, fitting by whole items."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from briefing.brief.auto import auto_brief, fit_to_budget
from briefing.brief.budget import count_words, over_budget, plain_text, word_count
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.render import render_markdown
from briefing.config import BriefSettings, Settings
from support.brief_sample import DIGEST, WIRE, sample_analysis

DAY = dt.date(2026, 11, 21)


def test_the_meter_counts_what_the_saved_file_prints_sources_included() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("One two three.", ItemOrigin("digest", (WIRE.id,)), "bottom_line")
    b.add("Cell | with *stars* and <tags>", ItemOrigin("status", (WIRE.id,), field="trend"), "status")
    md = render_markdown(b, sample_analysis())
    assert word_count(b, sample_analysis()) == count_words(md) == over_budget(b, sample_analysis()).words
    without_sources = md[: md.index("## Sources")]
    source_line = md[md.index("## Sources"):]
    assert count_words(md) == count_words(without_sources) + count_words(source_line)
    assert count_words(source_line) > 10  # the Sources list is on the page, so it counts
    assert "title:" not in plain_text(md.split("---\n", 2)[2])


def test_printed_words_leave_out_front_matter_link_targets_and_markdown_syntax() -> None:
    assert count_words("---\ntitle: A long title here\ndate: 2026-11-21\n---\n\n# Brief\n") == 1
    assert count_words("See [the report](https://example.org/a/b) now.\n") == 4  # See the report now.
    assert count_words("Read <https://example.org/x> or https://example.org/y today.\n") == 3
    assert count_words("## Key *quotes*\n\n> “We will hold,” she said [1].\n") == 9  # "[1]." prints as "1 ."
    assert count_words("| Trend | Escalating | [2] |\n| --- | --- | --- |\n") == 3
    # the evaluation's rule: a hyphen is syntax, so a date prints as three runs and "30-day" as two
    assert count_words("A 30-day truce from 2026-11-21.") == 8


def test_over_budget_names_the_items_past_the_page() -> None:
    b = Brief.new(Settings(brief=BriefSettings(max_words=40)), DAY)
    ids = [b.add(" ".join(["word"] * 9) + f" {k}.", ItemOrigin.free()).id for k in range(6)]
    report = over_budget(b, None)
    # Title 6 ("Situation brief — 2026 11 21") + heading 2 + 6 x 10 words.
    assert report.words == 6 + 2 + 60
    assert not report.fits and report.over == report.words - 40
    assert report.over_items == tuple(ids[3:])  # 8 + 3 x 10 = 38 fits, the 4th item crosses 40
    assert "over" in report.describe()
    fitting = over_budget(b, None, max_words=1000)
    assert fitting.fits and fitting.over_items == () and fitting.over == 0


def test_auto_brief_fits_by_dropping_whole_items_sections_sharing_the_page() -> None:
    """Above their floors the sections give up items in turn, each its lowest-ranked first;
    the items kept are untouched."""
    analysis = sample_analysis()
    full = auto_brief(analysis, Settings(), DAY)
    full_words = word_count(full, analysis)
    limit = full_words - 60
    small = auto_brief(analysis, Settings(brief=BriefSettings(max_words=limit)), DAY)
    assert word_count(small, analysis) <= limit
    kept = {i.id: i for i in small.items}
    dropped = [i for i in full.items if i.id not in kept]
    assert dropped, "nothing was dropped"
    for item in dropped:  # within a section, nothing outranks what was dropped but the kept items
        assert all(k.rank >= item.rank for k in small.items_in(item.section))
    for item in small.items:  # never cut: every kept item is identical to the unconstrained one
        assert item == next(i for i in full.items if i.id == item.id)
    assert small.items_in("bottom_line")[0] == full.items_in("bottom_line")[0]


def test_bottom_line_survives_even_a_tiny_budget() -> None:
    analysis = sample_analysis()
    b = auto_brief(analysis, Settings(brief=BriefSettings(max_words=10)), DAY)
    assert [i.section for i in b.items] == ["bottom_line"]
    assert b.items[0].text in {d.text for d in DIGEST}


def test_fit_to_budget_reports_what_it_dropped() -> None:
    analysis = sample_analysis()
    b = auto_brief(analysis, Settings(), DAY)
    b.max_words = word_count(b, analysis) - 1
    dropped = fit_to_budget(b, analysis)
    assert len(dropped) >= 1
    assert word_count(b, analysis) <= b.max_words


def test_long_single_sentence_is_kept_whole_or_dropped_whole() -> None:
    analysis = sample_analysis()
    long_sentence = "The talks " + " ".join(["continued"] * 300) + " late."
    digest = (replace(analysis.digest[0]), replace(analysis.digest[1], text=long_sentence, score=0.1))
    analysis = replace(analysis, digest=digest)
    b = auto_brief(analysis, Settings(), DAY)
    assert word_count(b, analysis) <= 600
    texts = [i.text for i in b.items]
    assert long_sentence in texts or all("continued continued" not in t for t in texts)


def test_advice_on_a_long_bottom_line() -> None:
    b = Brief.new(Settings(), DAY)
    for k in range(4):
        b.add(f"Sentence {k}.", ItemOrigin.free(), "bottom_line")
    report = over_budget(b, None)
    assert report.fits and report.advice == ("the bottom line has 4 items; 3 sentences at most read best",)
    assert report.describe().endswith("3 sentences at most read best")
