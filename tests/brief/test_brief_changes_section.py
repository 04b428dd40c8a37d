"""The "Since the last brief" section: new developments moved up, moved figures, who is newly quoted.

Briefs are built by hand with invented reports; the last brief is a `Baseline` as
`briefing build` and the app attach it (`Brief.since_last`).
"""

from __future__ import annotations

import datetime as dt

from briefing.brief.auto import auto_brief
from briefing.brief.budget import over_budget
from briefing.brief.changes_section import is_background, new_items, since_last
from briefing.brief.model import Brief, ItemOrigin, Section
from briefing.brief.render import render_markdown
from briefing.brief.sources import SourceInfo
from briefing.config import Settings
from briefing.models import Figure, Quote, SentenceRef
from briefing.store.changes import Baseline, content_of_brief
from support.brief_sample import count, inline_texts, sample_analysis

OLD_LINE = "Shelling struck the river town of Velmora on Tuesday, killing at least 11 people."
NEW_LINE = "Envoys from both sides met in Karsel on Friday and agreed to reopen the southern road."


def figure(value: int, article: str, by: str | None = "the valley health office") -> Figure:
    return Figure("killed", value, "at least", f"at least {value}", by, article)


def quote(text: str, speaker: str | None, article: str) -> Quote:
    return Quote(text, speaker, None, "said", False, (article,), (SentenceRef(article, 3, text),))


def make(day: int, lines: list[tuple[str, str, int]], figures: list[Figure], quotes: list[Quote]) -> Brief:
    made = Brief("Valley brief", dt.date(2024, 5, day))
    for text, article, sentence in lines:
        made.add(text, ItemOrigin("digest", (article,), sentence), "developments")
    for f in figures:
        made.add(f"At least {f.value} killed", ItemOrigin("figure", (f.article,), figure=f, field=f.kind))
    for q in quotes:
        made.add(q.text, ItemOrigin("quote", q.articles, quote=q))
    made.sources = {a: SourceInfo(a, f"Report {a}", "Valley Wire") for a in ("a1", "c2")}
    return made


def baseline(previous: Brief, loaded: tuple[str, ...] = ("a1",)) -> Baseline:
    from dataclasses import replace

    return Baseline(replace(content_of_brief(previous), loaded=frozenset(loaded)))


YESTERDAY = make(2, [(OLD_LINE, "a1", 0)], [figure(137, "a1")], [quote("We counted every house.", "Maren Tolk", "a1")])


def today() -> Brief:
    return make(
        3,
        [(OLD_LINE, "a1", 0), (NEW_LINE, "c2", 0)],
        [figure(163, "c2")],
        [quote("We counted every house.", "Maren Tolk", "a1"), quote("The road opens at dawn.", "Ilse Varn", "c2")],
    )


def section(markdown: str) -> str:
    start = markdown.index("## Since the last brief")
    end = markdown.index("\n## ", start + 1)
    return markdown[start:end]


def test_the_section_lists_what_is_new_first_after_the_bottom_line_with_citations() -> None:
    brief = today()
    brief.since_last = baseline(YESTERDAY)
    brief.add("Talks resume on Friday.", ItemOrigin("digest", ("c2",), 5), "bottom_line")
    text = render_markdown(brief, None)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Bottom line", "## Since the last brief", "## Key developments"]
    assert section(text).splitlines()[2:] == [
        "Compared with the brief of 2 May 2024:",
        "",
        f"- {NEW_LINE[:-1]} [1].",
        "- Killed: 137 -> 163, the valley health office [1]",
        "- Newly quoted: Ilse Varn [1].",
    ]
    # the new development is moved up, not printed twice; the old one stays in Key developments
    assert text.count(NEW_LINE[:-1]) == 1 and OLD_LINE[:-1] + " [2]." in text
    assert text.count("Talks resume on Friday") == 1  # a new bottom-line sentence is not repeated below it


def test_the_section_is_left_out_without_a_last_brief_or_when_nothing_changed() -> None:
    brief = today()
    assert "Since the last brief" not in render_markdown(brief, None) and since_last(brief) is None
    same = make(3, [(OLD_LINE, "a1", 0)], [figure(137, "a1")], [quote("We counted every house.", "Maren Tolk", "a1")])
    same.since_last = baseline(YESTERDAY)
    assert since_last(same) is None and "Since the last brief" not in render_markdown(same, None)


def test_a_user_who_removed_the_section_does_not_get_it() -> None:
    brief = today()
    brief.sections = tuple(s for s in brief.sections if s.id != "changes")
    brief.since_last = baseline(YESTERDAY)
    text = render_markdown(brief, None)
    assert "Since the last brief" not in text and text.count(NEW_LINE[:-1]) == 1


def test_what_was_already_loaded_for_the_last_brief_is_not_new() -> None:
    """The same pile read again with one more day's files: yesterday's articles were there to report."""
    brief = today()
    brief.since_last = baseline(YESTERDAY, loaded=("a1", "c2"))
    assert since_last(brief) is None


def test_a_new_figure_series_says_so_and_unchanged_values_say_nothing() -> None:
    brief = today()
    brief.add("12 injured", ItemOrigin("figure", ("c2",), figure=Figure("injured", 12, "exact", "12", None, "c2"), field="injured"))
    brief.since_last = baseline(YESTERDAY)
    got = since_last(brief)
    assert got is not None and "Injured: 12 (not in the last brief)" in [line.text for line in got.lines]
    flat = make(3, [], [figure(137, "c2")], [])
    flat.since_last = baseline(YESTERDAY)
    assert since_last(flat) is None


def test_untrusted_text_is_escaped_in_the_section() -> None:
    hostile = "Crowds chanted <script>alert(1)</script> and [a link](http://x.example) in *Karsel* square."
    brief = make(3, [(hostile, "c2", 1)], [], [quote("Go home.", "Ilse [Varn](http://x.example) <b>", "c2")])
    brief.since_last = baseline(YESTERDAY)
    text = section(render_markdown(brief, None))
    for kind in ("html_inline", "html_block", "link_open", "em_open"):
        assert count(text, kind) == 0, kind
    shown = inline_texts(text)
    assert hostile[:-1] + " [1]." in shown  # the reader sees the words as written, inert
    assert "Newly quoted: Ilse [Varn](http://x.example) <b> [1]." in shown


def test_new_items_are_the_ones_the_app_marks() -> None:
    brief = today()
    new = new_items(brief, baseline(YESTERDAY))
    texts = {it.text for it in brief.items if it.id in new}
    assert texts == {NEW_LINE, "At least 163 killed", "The road opens at dawn."}


def test_the_automatic_brief_counts_the_section_in_its_page() -> None:
    settings = Settings()
    analysis = sample_analysis()
    previous = Brief("Earlier", dt.date(2024, 5, 1))
    brief = auto_brief(analysis, settings, dt.date(2024, 5, 2), Baseline(content_of_brief(previous)))
    text = render_markdown(brief, analysis)
    assert "## Since the last brief" in text
    assert over_budget(brief, analysis).fits


def test_a_sentence_telling_of_an_earlier_day_is_background_not_news_since() -> None:
    wednesday = dt.date(2024, 8, 7)
    assert is_background("The fighting broke out on July 8, when the first shells fell on Karsel.", wednesday)
    assert is_background("Talks first opened in Geneva on 2 August 2024.", wednesday)
    # near misses: this week's days, no day at all, an old day beside a new one, an undated report
    assert not is_background("Shelling resumed on Monday after a night of calm.", wednesday)
    assert not is_background("Envoys agreed to reopen the southern road.", wednesday)
    assert not is_background("The truce agreed on July 8 collapsed on August 6.", wednesday)
    assert not is_background("The fighting broke out on July 8.", None)


def test_background_is_not_listed_as_new() -> None:
    brief = make(3, [("The fighting broke out on April 2, when the first shells fell on Karsel.", "c2", 4),
                     (NEW_LINE, "c2", 0)], [], [])
    brief.sources["c2"] = SourceInfo("c2", "Report c2", "Valley Wire", dt.date(2024, 5, 3))
    brief.since_last = baseline(YESTERDAY)
    got = since_last(brief)
    assert got is not None and [line.text for line in got.lines] == [NEW_LINE]
    assert {it.text for it in brief.items if it.id in new_items(brief, brief.since_last)} == {NEW_LINE}
