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


def test_counts_words_not_syntax_front_matter_or_citations() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("One two three.", ItemOrigin("digest", (WIRE.id,)), "bottom_line")
    b.add("Cell | with *stars* and <tags>", ItemOrigin("status", (WIRE.id,), field="trend"), "status")
    md = render_markdown(b, sample_analysis())
    # Title (3: "Situation", "brief", "2026-11-21"), "Bottom line" (2), "One two three" (3),
    # "Conflict status" (2), table header (3), "Trend" (1), cell (6: "Cell", "with", "stars", "and", "<tags>"
    # ... "|" is not a word), "Sources" (1), the source line.
    source_line = "Rival forces agree to 30-day truce as talks open in Jeddah — Example Wire, 2026-11-20. " \
                  "reports/wire-truce.txt"
    expected = 3 + 2 + 3 + 2 + 3 + 1 + 5 + 1 + len([w for w in source_line.split() if w != "—"])
    assert word_count(b, sample_analysis()) == expected
    assert "title:" not in plain_text(md.split("---\n", 2)[2])


def test_numbers_abbreviations_and_paths_are_one_word_each() -> None:
    assert count_words("At least 250,000 — U.N. said [1], [2]. See `a/b_c.txt` and <https://x.org/a>.\n") == 9


def test_over_budget_names_the_items_past_the_page() -> None:
    b = Brief.new(Settings(brief=BriefSettings(max_words=40)), DAY)
    ids = [b.add(" ".join(["word"] * 9) + f" {k}.", ItemOrigin.free()).id for k in range(6)]
    report = over_budget(b, None)
    # Title 4 ("Situation brief" + date... ) + heading 2 + 6 x 10 words.
    assert report.words == 3 + 2 + 60
    assert not report.fits and report.over == report.words - 40
    assert report.over_items == tuple(ids[3:])  # 5 + 3 x 10 = 35 fits, the 4th item crosses 40
    assert "over" in report.describe()
    fitting = over_budget(b, None, max_words=1000)
    assert fitting.fits and fitting.over_items == () and fitting.over == 0


def test_auto_brief_fits_by_dropping_lowest_ranked_whole_items() -> None:
    analysis = sample_analysis()
    full = auto_brief(analysis, Settings(), DAY)
    full_words = word_count(full, analysis)
    limit = full_words - 60
    small = auto_brief(analysis, Settings(brief=BriefSettings(max_words=limit)), DAY)
    assert word_count(small, analysis) <= limit
    kept = {i.id: i for i in small.items}
    dropped = [i for i in full.items if i.id not in kept]
    assert dropped, "nothing was dropped"
    assert max(i.rank for i in dropped) <= min(i.rank for i in small.items)
    for item in small.items:  # never cut: every kept item is identical to the unconstrained one
        assert item == next(i for i in full.items if i.id == item.id)
    assert small.items_in("bottom_line") == full.items_in("bottom_line")


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
