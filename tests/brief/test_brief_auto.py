"""The automatic brief and `build_brief_file` (what `briefing build` runs)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from briefing.brief.auto import auto_brief
from briefing.brief.budget import count_words, word_count
from briefing.brief.build import build_brief_file
from briefing.brief.save import BriefExistsError, default_brief_path
from briefing.config import BriefSettings, Settings
from briefing.models import Quote
from support.brief_sample import DAILY, DIGEST, FIGURES, QUOTE_ARMY, QUOTE_YUSUF, WIRE, sample_analysis, tokens

DAY = dt.date(2026, 11, 21)


def test_bottom_line_is_the_top_scored_digest_sentences_in_digest_order() -> None:
    b = auto_brief(sample_analysis(), Settings(), DAY)
    assert [i.text for i in b.items_in("bottom_line")] == [DIGEST[0].text, DIGEST[1].text]
    one = auto_brief(sample_analysis(), Settings(brief=BriefSettings(bottom_line_sentences=1)), DAY)
    assert [i.text for i in one.items_in("bottom_line")] == [DIGEST[0].text]


def test_developments_are_the_rest_of_the_digest_citing_their_articles() -> None:
    b = auto_brief(sample_analysis(), Settings(), DAY)
    devs = b.items_in("developments")
    # DIGEST[4] is Nabil Abdallah's quote with its attribution: the quote section carries it.
    assert [i.text for i in devs] == [DIGEST[2].text, DIGEST[3].text, DIGEST[5].text]
    assert [i.origin.article_ids for i in devs] == [(DAILY.id,), (WIRE.id,), (DAILY.id,)]
    limited = auto_brief(sample_analysis(), Settings(brief=BriefSettings(developments=1)), DAY)
    assert len(limited.items_in("developments")) == 1


def test_quotes_attributed_first_and_limited() -> None:
    anon = Quote("Nobody knows what happens after the thirty days", None, None, None, False, (WIRE.id,), (),
                 score=0.99)
    analysis = replace(sample_analysis(), quotes=(anon, QUOTE_YUSUF, QUOTE_ARMY))
    b = auto_brief(analysis, Settings(brief=BriefSettings(quotes=2)), DAY)
    assert {i.origin.quote.speaker for i in b.items_in("quotes")} == {"Amina Yusuf", "Nabil Abdallah"}


def test_a_paragraph_long_quote_goes_after_the_short_ones() -> None:
    """Ranked first by the quotes engine, a 60-word quotation costs the page two developments:
    short attributed quotes come first, and with room for two it is the one left out."""
    long_text = " ".join(["The convoys will move when the roads are open and the checkpoints let them pass,"] * 4)
    long = replace(QUOTE_ARMY, text=long_text, speaker="Omar Hassan", score=0.99)
    analysis = replace(sample_analysis(), quotes=(long, QUOTE_YUSUF, QUOTE_ARMY))
    b = auto_brief(analysis, Settings(brief=BriefSettings(quotes=2)), DAY)
    assert [i.origin.quote.speaker for i in b.items_in("quotes")] == ["Amina Yusuf", "Nabil Abdallah"]


def test_a_quote_that_opens_mid_sentence_goes_after_whole_sentences() -> None:
    """'to reopen the crossing by Friday.' printed on its own reads as a misquote: with room for two,
    the whole sentences are printed, whatever the ranking."""
    fragment = replace(QUOTE_ARMY, text="to reopen the crossing by Friday. The convoys are ready to move",
                       speaker="Omar Hassan", score=0.99)
    woven = replace(QUOTE_ARMY, text="The bridge is ours", speaker="Lina Saad", partial=True, score=0.98)
    analysis = replace(sample_analysis(), quotes=(fragment, woven, QUOTE_YUSUF, QUOTE_ARMY))
    b = auto_brief(analysis, Settings(brief=BriefSettings(quotes=2)), DAY)
    assert [i.origin.quote.speaker for i in b.items_in("quotes")] == ["Amina Yusuf", "Nabil Abdallah"]


def test_only_quotes_whose_speaker_the_text_names_go_in_the_brief() -> None:
    guessed = replace(QUOTE_YUSUF, text="The convoys leave at dawn", attribution="pronoun", score=0.99)
    continued = replace(QUOTE_ARMY, text="Nobody crosses the river", attribution="continued", score=0.98)
    spokes = replace(QUOTE_ARMY, text="The army holds the bridge", speaker="Sudanese army", attribution="spokesperson",
                     score=0.5)
    analysis = replace(sample_analysis(), quotes=(guessed, continued, spokes, QUOTE_YUSUF, QUOTE_ARMY))
    b = auto_brief(analysis, Settings(), DAY)
    texts = {i.origin.quote.text for i in b.items_in("quotes")}
    assert texts == {QUOTE_YUSUF.text, QUOTE_ARMY.text, spokes.text}


def test_status_rows_and_figures_disagreements_first() -> None:
    b = auto_brief(sample_analysis(), Settings(), DAY)
    rows = b.items_in("status")
    assert [i.origin.field for i in rows] == ["trend", "ceasefire", "negotiations", "actors", "killed", "killed",
                                              "displaced"]


def test_same_figure_from_two_articles_is_one_item_citing_both() -> None:
    twice = (FIGURES[2], replace(FIGURES[2], article=WIRE.id))
    analysis = replace(sample_analysis(), status=replace(sample_analysis().status, figures=twice))
    b = auto_brief(analysis, Settings(), DAY)
    (fig,) = [i for i in b.items_in("status") if i.origin.kind == "figure"]
    assert fig.origin.article_ids == (DAILY.id, WIRE.id)


def test_without_digest_the_summaries_stand_in() -> None:
    analysis = replace(sample_analysis(), digest=())
    b = auto_brief(analysis, Settings(), DAY)
    bottom = [i.text for i in b.items_in("bottom_line")]
    assert bottom == [WIRE.sentences[0].text, DAILY.sentences[0].text]
    assert [i.text for i in b.items_in("developments")] == [WIRE.sentences[1].text, DAILY.sentences[1].text]


def test_omitted_sections_get_nothing() -> None:
    from briefing.config import SectionSettings

    sections = (SectionSettings("bottom_line", "Bottom line"), SectionSettings("sources", "Sources"))
    b = auto_brief(sample_analysis(), Settings(brief=BriefSettings(sections=sections)), DAY)
    assert {i.section for i in b.items} == {"bottom_line"}


def test_auto_brief_has_no_undo_history() -> None:
    b = auto_brief(sample_analysis(), Settings(), DAY)
    assert b.undo() is False


# -- build_brief_file ---------------------------------------------------------------------------


def test_build_writes_then_refuses_without_force(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    path = build_brief_file(sample_analysis(), Settings(), out, force=False)
    assert path == out
    first = out.read_bytes()
    assert first.startswith(b"---\ntitle: Situation brief\n")
    os.utime(out, (1_000_000, 1_000_000))
    with pytest.raises(BriefExistsError, match=re.escape(str(out))):
        build_brief_file(sample_analysis(), Settings(), out, force=False)
    assert out.read_bytes() == first and out.stat().st_mtime == 1_000_000
    out.write_text("old")
    build_brief_file(sample_analysis(), Settings(), out, force=True)
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary files left


def test_build_default_path_is_dated_in_output_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = Settings(brief=BriefSettings(output_dir="~/briefs/daily"))
    path = build_brief_file(sample_analysis(), settings, None, force=False)
    assert path == tmp_path / "briefs" / "daily" / f"brief-{dt.date.today().isoformat()}.md"
    assert path.is_file()
    assert default_brief_path(settings, DAY) == tmp_path / "briefs" / "daily" / "brief-2026-11-21.md"


def test_end_to_end_on_the_seeds(seed_paths: list[Path], tmp_path: Path) -> None:
    """Structure only: the analyses are still landing (the lead tightens this once they have)."""
    from briefing.analysis.pipeline import analyze
    from briefing.ingest import load_paths

    settings = Settings()
    loaded = load_paths([str(p) for p in seed_paths])
    analysis = analyze(loaded.articles, settings)
    out = build_brief_file(analysis, settings, tmp_path / "seeds.md", force=False)
    md = out.read_text(encoding="utf-8")
    (fm,) = [t for t in tokens(md) if t.type == "front_matter"]
    meta = yaml.safe_load(fm.content)
    assert meta["title"] == "Situation brief" and meta["date"] == dt.date.today()
    body = md.split("---\n", 2)[2]
    assert 0 < count_words(body) <= 600
    assert 1 <= meta["sources"] <= len(analysis.articles)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == set(range(1, meta["sources"] + 1))
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens(md)) == 1
    assert "## Bottom line" in md and "## Sources" in md
    assert count_words(body) == word_count(auto_brief(analysis, settings), analysis)


def test_empty_analysis_gives_a_title_only_brief(tmp_path: Path) -> None:
    from briefing.models import Analysis

    empty = Analysis((), {})
    assert auto_brief(empty, Settings(), DAY).items == ()
    md = build_brief_file(empty, Settings(), tmp_path / "b.md", force=False).read_text(encoding="utf-8")
    assert md.endswith(f"# Situation brief — {dt.date.today().isoformat()}\n")
    assert "sources: 0" in md


def test_bottom_line_prefers_the_reporters_voice_over_quotes() -> None:
    """A top-scored digest sentence that is a key quote goes to the quotes section, not the bottom line."""
    quote_sentence = replace(DIGEST[4], score=2.0)  # Nabil Abdallah's quote, now the top digest sentence
    analysis = replace(sample_analysis(), digest=(quote_sentence, *DIGEST[:4], *DIGEST[5:]))
    b = auto_brief(analysis, Settings(), DAY)
    assert [i.text for i in b.items_in("bottom_line")] == [DIGEST[0].text, DIGEST[1].text]
    assert all(i.text != quote_sentence.text for i in b.items)
    assert QUOTE_ARMY in [i.origin.quote for i in b.items_in("quotes")]


def test_auto_brief_skips_repeats_instead_of_failing() -> None:
    analysis = sample_analysis()
    twin = replace(FIGURES[0], disagreement=False)  # the same count, once flagged and once not
    status = replace(analysis.status, figures=(*analysis.status.figures, twin))
    brief = auto_brief(replace(analysis, status=status), Settings(), DAY)
    killed = [i for i in brief.items if i.origin.figure is not None and i.origin.figure.value == 14000]
    assert len(killed) == 1
    assert set(brief.sources) == brief.cited_ids()
