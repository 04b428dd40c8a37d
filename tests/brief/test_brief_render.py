"""Rendering: structure, citations, quotes, the status table, sources, front matter, golden file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml

from briefing.brief import items
from briefing.brief.auto import auto_brief
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.render import DISAGREE_MARK, render_markdown
from briefing.config import BriefSettings, SectionSettings, Settings
from briefing.models import Analysis, Quote
from support.brief_sample import (
    DAILY,
    FIGURES,
    QUOTE_ARMY,
    QUOTE_YUSUF,
    WIRE,
    count,
    inline_texts,
    sample_analysis,
    tokens,
)

DAY = dt.date(2026, 11, 21)
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "brief" / "sample_brief.md"


def headings(md: str) -> list[str]:
    toks = [t for t in tokens(md) if t.type in ("heading_open", "inline")]
    return [toks[k + 1].content for k, t in enumerate(toks) if t.type == "heading_open"]


def front(md: str) -> dict:
    (fm,) = [t for t in tokens(md) if t.type == "front_matter"]
    return yaml.safe_load(fm.content)


def test_golden_sample_brief() -> None:
    """The automatic brief of the hand-built analysis, byte for byte (BRIEF_GOLDEN=update rewrites it)."""
    md = render_markdown(auto_brief(sample_analysis(), Settings(), DAY), sample_analysis())
    if os.environ.get("BRIEF_GOLDEN") == "update":
        GOLDEN.write_text(md, encoding="utf-8")
    assert md == GOLDEN.read_text(encoding="utf-8")


def test_structure_of_sample_brief() -> None:
    analysis = sample_analysis()
    md = render_markdown(auto_brief(analysis, Settings(), DAY), analysis)
    assert headings(md) == ["Situation brief — 2026-11-21", "Bottom line", "Key developments", "Key quotes",
                            "Conflict status", "Sources"]
    assert front(md) == {"title": "Situation brief", "date": DAY, "prepared": DAY, "sources": 2}
    assert count(md, "table_open") == 1
    assert count(md, "blockquote_open") == 2
    assert count(md, "html_inline") + count(md, "html_block") == 0
    assert [t.attrs["href"] for t in tokens(md) if t.type == "link_open"] == [DAILY.url]


def test_the_title_carries_the_date_of_the_news_and_the_front_matter_when_it_was_prepared() -> None:
    analysis = sample_analysis()
    latest = max(a.published for a in analysis.articles if a.published)
    prepared = latest + dt.timedelta(days=3)  # written days later, about those reports
    md = render_markdown(auto_brief(analysis, Settings(), prepared), analysis)
    assert headings(md)[0] == f"Situation brief — {latest.isoformat()}"
    assert front(md) == {"title": "Situation brief", "date": latest, "prepared": prepared, "sources": 2}
    undated = render_markdown(Brief.new(Settings(), prepared), None)  # nothing dated: the brief's own date
    assert headings(undated)[0] == f"Situation brief — {prepared.isoformat()}"


def test_sources_numbered_in_order_of_first_citation() -> None:
    analysis = sample_analysis()
    b = Brief.new(Settings(), DAY)
    b.add("Daily first.", ItemOrigin("digest", (DAILY.id,)), "developments")
    b.add("Both.", ItemOrigin("digest", (WIRE.id, DAILY.id)), "developments")
    b.add("Wire only.", ItemOrigin("digest", (WIRE.id,)), "developments")
    md = render_markdown(b, analysis)
    assert "- Daily first [1].\n- Both [1], [2].\n- Wire only [2]." in md
    texts = inline_texts(md)
    assert texts[-2].startswith("Aid agencies wary") and texts[-1].startswith("Rival forces agree")
    assert f"1. [Aid agencies wary as Sudan…](<{DAILY.url}>) — Example Daily, 2026-11-21" in md
    assert "2. Rival forces agree to 30-day… — Example Wire, 2026-11-20. `reports/wire-truce.txt`" in md


def test_citation_order_follows_configured_section_order() -> None:
    sections = (SectionSettings("sources", "Sources"), SectionSettings("notes", "Notes"),
                SectionSettings("developments", "Developments"))
    b = Brief.new(Settings(brief=BriefSettings(sections=sections)), DAY)
    b.add("Dev.", ItemOrigin("digest", (WIRE.id,)), "developments")
    b.add("Note.", ItemOrigin("sentence", (DAILY.id,), sentence=0), "notes")
    md = render_markdown(b, sample_analysis())
    assert headings(md)[1:] == ["Sources", "Notes", "Developments"]
    assert "Note [1]." in md and "Dev [2]." in md
    assert md.index("1. [Aid agencies") < md.index("Note [1].")


def test_unknown_article_ids_are_not_cited() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("From a draft of another day.", ItemOrigin("digest", ("gone",)), "developments")
    md = render_markdown(b, sample_analysis())
    assert "[1]" not in md and "## Sources" not in md
    assert front(md)["sources"] == 0


def test_quote_block_with_speaker_role_and_all_sources() -> None:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(QUOTE_YUSUF))
    md = render_markdown(b, sample_analysis())
    assert ("> “We have a narrow window to get food and medicine in before the rains.”\n>\n"
            "> — Amina Yusuf, U.N. humanitarian coordinator for Sudan [1], [2]") in md
    assert count(md, "blockquote_open") == 1


def test_a_rank_the_role_ends_with_goes_before_the_name() -> None:
    ranked = Quote("The crossing stays shut", "Omar Hassan", "army spokesman Lt. Col.", "said", False, (WIRE.id,), ())
    senator = Quote("We will vote on Friday", "Jane Roe", "Sen.", "said", False, (WIRE.id,), ())
    plain = Quote("The port is open", "Lina Saad", "Port Dr. Amal Clinic director", "said", False, (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    for q in (ranked, senator, plain):
        b.add(*items.from_quote(q))
    md = render_markdown(b, sample_analysis())
    assert "> — Lt. Col. Omar Hassan, army spokesman [1]" in md
    assert "> — Sen. Jane Roe [1]" in md
    assert "> — Lina Saad, Port Dr. Amal Clinic director [1]" in md  # a title inside the role stays


def test_unattributed_quote_and_quote_without_role() -> None:
    anon = Quote("They will come back at night", None, None, None, False, (WIRE.id,), ())
    noroll = Quote("We are ready", "Nabil Abdallah", None, "said", False, (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(anon))
    b.add(*items.from_quote(noroll))
    md = render_markdown(b, sample_analysis())
    assert "> — Unattributed [1]" in md
    assert "> — Nabil Abdallah [1]" in md


def test_status_table_marks_disagreement_with_both_values_and_reporters() -> None:
    analysis = sample_analysis()
    b = Brief.new(Settings(), DAY)
    for row in items.status_rows(analysis.status):
        b.add(*row)
    for f in FIGURES:
        b.add(*items.from_figure(f))
    md = render_markdown(b, analysis)
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Indicator | Assessment | Sources |"
    assert [r.split(" | ")[0] for r in rows[2:]] == ["| Trend", "| Ceasefire", "| Talks", "| Parties",
                                                     f"| Killed {DISAGREE_MARK}", "| Displaced"]
    killed = rows[6]
    assert "At least 14,000 people, according to the United Nations [1]" in killed
    assert "More than 20,000 people, according to the Sudan Conflict Monitor [2]" in killed
    assert killed.endswith("| [1], [2] |")
    assert count(md, "tr_open") == 7
    assert rows[7] == ("| Displaced | Nearly 11 million people, according to the International Organization "
                       "for Migration | [2] |")


def test_figures_share_one_row_per_kind_marked_only_when_flagged() -> None:
    """Figures not flagged as disagreeing (e.g. two different events) share the row, unmarked."""
    from dataclasses import replace

    b = Brief.new(Settings(), DAY)
    for f in FIGURES[:2]:
        b.add(*items.from_figure(replace(f, disagreement=False)))
    md = render_markdown(b, sample_analysis())
    assert DISAGREE_MARK not in md
    assert count(md, "tr_open") == 2
    assert "| Killed | At least 14,000 people, according to the United Nations [1]; More than 20,000 people, " \
           "according to the Sudan Conflict Monitor [2] | [1], [2] |" in md


def test_lone_flagged_figure_says_other_sources_disagree() -> None:
    """Keeping one side of a dispute must not hide that the figure is disputed."""
    from briefing.brief.render import OTHERS_DISAGREE_MARK

    b = Brief.new(Settings(), DAY)
    b.add(*items.from_figure(FIGURES[0]))
    md = render_markdown(b, sample_analysis())
    assert DISAGREE_MARK not in md
    assert (f"| Killed {OTHERS_DISAGREE_MARK} | At least 14,000 people, according to the United Nations"
            " | [1] |") in md


def test_notes_and_bottom_line_are_paragraphs_and_empty_sections_are_left_out() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("First line.", ItemOrigin.free(), "bottom_line")
    b.add("Second line.", ItemOrigin.free(), "bottom_line")
    b.add("A note\nover two lines.", ItemOrigin.free())
    b.add("Another note.", ItemOrigin.free())
    md = render_markdown(b, sample_analysis())
    assert headings(md) == ["Situation brief — 2026-11-21", "Bottom line", "Analyst notes"]
    assert "## Bottom line\n\nFirst line. Second line.\n\n## Analyst notes\n\nA note over two lines.\n\n" \
           "Another note.\n" in md


def test_headings_come_from_settings() -> None:
    sections = (SectionSettings("bottom_line", "BLUF"), SectionSettings("notes", "Comment"))
    b = Brief.new(Settings(brief=BriefSettings(sections=sections, title="Morning note")), DAY)
    b.add("x", ItemOrigin.free(), "bottom_line")
    b.add("y", ItemOrigin.free(), "notes")
    assert headings(render_markdown(b, None)) == ["Morning note — 2026-11-21", "BLUF", "Comment"]


def test_citation_goes_after_abbreviation() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("Talks were chaired by the U.N.", ItemOrigin("digest", (WIRE.id,)), "developments")
    b.add("It ended.", ItemOrigin("digest", (WIRE.id,)), "developments")
    md = render_markdown(b, sample_analysis())
    assert "- Talks were chaired by the U.N. [1]\n- It ended [1]." in md


def test_items_from_article_sentence() -> None:
    text, origin = items.from_sentence(WIRE, 4)
    assert text == WIRE.sentences[4].text
    assert origin == ItemOrigin("sentence", (WIRE.id,), sentence=4)


def test_quote_text_drops_the_lead_in_comma() -> None:
    assert items.from_quote(QUOTE_ARMY)[0] == "Any violation will be answered."
    partial = Quote("the mother of all issues.", "Staffan de Mistura", None, "described", True, (WIRE.id,), ())
    assert items.from_quote(partial)[0] == "the mother of all issues."


def test_figure_text_uses_the_article_wording_when_it_states_the_number() -> None:
    from dataclasses import replace

    assert items.figure_text(FIGURES[0]) == "At least 14,000 people, according to the United Nations"
    f = replace(FIGURES[0], value=250_000, text="a quarter of a million people", reported_by=None)
    assert items.figure_text(f) == "at least 250,000 (a quarter of a million people)"
    assert items.figure_value(replace(FIGURES[2], text="")) == "nearly 11 million"


def test_no_citation_markers_without_a_sources_section() -> None:
    sections = (SectionSettings("developments", "Developments"),)
    b = Brief.new(Settings(brief=BriefSettings(sections=sections)), DAY)
    b.add("Dev.", ItemOrigin("digest", (WIRE.id,)), "developments")
    md = render_markdown(b, sample_analysis())
    assert "- Dev.\n" in md and "[1]" not in md
    assert front(md)["sources"] == 1


# --- quotes outside Key quotes, and citations before the stop ---------------------------------------
def test_quote_moved_to_developments_and_bottom_line_keeps_marks_and_speaker() -> None:
    b = Brief.new(Settings(), DAY)
    q = b.add(*items.from_quote(QUOTE_YUSUF))
    army = b.add(*items.from_quote(QUOTE_ARMY))
    b.move_to_section(q.id, "developments")
    b.move_to_section(army.id, "bottom_line")
    md = render_markdown(b, sample_analysis())
    assert ("- Amina Yusuf (U.N. humanitarian coordinator for Sudan) said: “We have a narrow window to get food "
            "and medicine in before the rains.” [1], [2]") in md
    assert "## Bottom line\n\nNabil Abdallah (army spokesman) said: “Any violation will be answered.” [1]\n" in md


def test_unattributed_and_role_only_quotes_outside_key_quotes() -> None:
    anon = Quote("They will come back at night", None, None, None, False, (WIRE.id,), ())
    role_only = Quote("Convoys are ready", None, "a U.N. official", "said", False, (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(anon), "developments")
    b.add(*items.from_quote(role_only), "notes")
    md = render_markdown(b, sample_analysis())
    assert "- An unattributed source said: “They will come back at night.” [1]" in md
    assert "An unnamed source (a U.N. official) said: “Convoys are ready.” [1]" in md


def test_attributed_quote_is_escaped_and_an_edited_text_is_quoted_once() -> None:
    hostile = Quote("Use | pipes and <b>tags</b>", "# Hash *Bold*", "role_with_underscores_", "said", True,
                    (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    item = b.add(*items.from_quote(hostile), "status")
    md = render_markdown(b, sample_analysis())
    row = next(line for line in md.splitlines() if line.startswith("| Note"))
    assert "\\# Hash \\*Bold\\* (role_with_underscores\\_) said: “Use \\| pipes and \\<b>tags\\</b>”" in row
    assert row.count(" | ") == 2, "the pipe in the quote does not split the cell"
    b.edit(item.id, "“Already quoted by the user”")
    md = render_markdown(b, sample_analysis())
    assert "said: “Already quoted by the user”" in md and "““" not in md


def test_quote_in_key_quotes_is_unchanged() -> None:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(QUOTE_YUSUF))
    md = render_markdown(b, sample_analysis())
    assert "> — Amina Yusuf, U.N. humanitarian coordinator for Sudan [1], [2]" in md
    assert " said: “" not in md


def test_a_number_and_stop_stays_text_when_a_citation_is_put_before_the_stop() -> None:
    """Found by hypothesis: "0)." rendered "0) [1]." at the start of a line, an ordered list."""
    from markdown_it import MarkdownIt

    b = Brief.new(Settings(), DAY)
    b.add("0).", ItemOrigin("digest", (WIRE.id,)), "bottom_line")
    md = render_markdown(b, Analysis((WIRE,), {}))
    tokens = MarkdownIt("commonmark").parse(md.split("---\n", 2)[2])
    assert sum(t.type == "ordered_list_open" for t in tokens) == 1  # the Sources list only
