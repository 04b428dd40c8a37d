"""A realistic, hand-built Analysis for the brief tests (invented reports, not from any corpus).

The brief code is tested against this rather than the live analysis so the
tests do not depend on the digest, quote and status modules' progress.
"""

from __future__ import annotations

import datetime as dt

from briefing.brief import items
from briefing.brief.model import Brief
from briefing.config import Settings, SummarySettings
from briefing.models import (
    Actor,
    Analysis,
    Article,
    Ceasefire,
    ConflictStatus,
    DigestSentence,
    Figure,
    Negotiations,
    Place,
    Quote,
    Sentence,
    SentenceRef,
    Summary,
    Trend,
)


def make_article(
    aid: str,
    title: str,
    source: str | None,
    published: dt.date | None,
    paragraphs: list[list[str]],
    path: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article with real sentence spans; each paragraph is given as its list of sentences."""
    joined = [" ".join(p) for p in paragraphs]
    text = "\n".join(joined)
    sentences = []
    offset = 0
    for p_index, para in enumerate(paragraphs):
        pos = offset
        for chunk in para:
            start = text.index(chunk, pos)
            sentences.append(Sentence(len(sentences), chunk, start, start + len(chunk), p_index))
            pos = start + len(chunk)
        offset += len(joined[p_index]) + 1
    return Article(aid, title, source, published, text, tuple(joined), tuple(sentences),
                   len(text.split()), path=path, url=url)


def ref(article: Article, index: int) -> SentenceRef:
    return SentenceRef(article.id, index, article.sentences[index].text)


WIRE = make_article(
    "a1b2c3d4e5f6",
    "Rival forces agree to 30-day truce as talks open in Jeddah",
    "Example Wire",
    dt.date(2026, 11, 20),
    [
        ["Sudan's army and the paramilitary Rapid Support Forces agreed on Thursday to a 30-day humanitarian "
         "truce, mediators said, as a new round of talks opened in Jeddah.",
         "Two earlier rounds collapsed in June."],
        ["The truce, brokered by Saudi Arabia and the United States, is meant to let aid convoys reach El Fasher, "
         "where hundreds of thousands of people are trapped."],
        ["\"We have a narrow window to get food and medicine in before the rains,\" said Amina Yusuf, the U.N. "
         "humanitarian coordinator for Sudan."],
        ["At least 14,000 people have been killed since the war began, according to the United Nations, "
         "though aid groups say the real toll is far higher."],
        ["Shelling continued on the outskirts of El Fasher on Thursday morning, residents said."],
        ["\"Any violation will be answered,\" an army spokesman, Brig. Nabil Abdallah, told reporters."],
    ],
    path="reports/wire-truce.txt",
)

DAILY = make_article(
    "0f9e8d7c6b5a",
    "Aid agencies wary as Sudan truce begins",
    "Example Daily",
    dt.date(2026, 11, 21),
    [
        ["Aid agencies said on Friday they were preparing convoys for El Fasher after the army and the Rapid "
         "Support Forces agreed to a 30-day truce in Jeddah."],
        ["More than 20,000 people have been killed in the fighting, the Sudan Conflict Monitor said in a report."],
        ["\"We have a narrow window to get food and medicine in before the rains,\" U.N. humanitarian "
         "coordinator Amina Yusuf said."],
        ["Nearly 11 million people have fled their homes, the International Organization for Migration said."],
        ["Previous truces collapsed within days, and both sides accused each other of violations."],
    ],
    url="https://news.example.org/sudan/truce-begins?id=42&ref=feed",
)

ARTICLES = (WIRE, DAILY)

QUOTE_YUSUF = Quote(
    text="We have a narrow window to get food and medicine in before the rains,",
    speaker="Amina Yusuf",
    role="U.N. humanitarian coordinator for Sudan",
    cue="said",
    partial=False,
    articles=(WIRE.id, DAILY.id),
    locations=(ref(WIRE, 3), ref(DAILY, 2)),
    score=0.9,
    attribution="named",
)
QUOTE_ARMY = Quote(
    text="Any violation will be answered,",
    speaker="Nabil Abdallah",
    role="army spokesman",
    cue="told",
    partial=False,
    articles=(WIRE.id,),
    locations=(ref(WIRE, 6),),
    score=0.6,
    attribution="named",
)

FIGURES = (
    Figure("killed", 14000, "at least", "At least 14,000 people", "the United Nations", WIRE.id, ref(WIRE, 4),
           disagreement=True),
    Figure("killed", 20000, "over", "More than 20,000 people", "the Sudan Conflict Monitor", DAILY.id,
           ref(DAILY, 1), disagreement=True),
    Figure("displaced", 11_000_000, "nearly", "Nearly 11 million people", "the International Organization for "
           "Migration", DAILY.id, ref(DAILY, 3)),
)

STATUS = ConflictStatus(
    actors=(
        Actor("Sudanese army", "government", 6, kind="armed group"),
        Actor("Rapid Support Forces", "paramilitary", 5, aliases=("RSF",), kind="armed group"),
        Actor("Saudi Arabia", "mediator", 2, kind="state"),
        Actor("United States", "mediator", 2, kind="state"),
    ),
    locations=(Place("El Fasher", 4), Place("Jeddah", 2)),
    figures=FIGURES,
    ceasefire=Ceasefire("fragile", dt.date(2026, 11, 20), ("Saudi Arabia", "United States"), (),
                        (ref(WIRE, 0), ref(DAILY, 4))),
    negotiations=Negotiations("under way", "Jeddah", "Saudi Arabia", ("Sudanese army", "Rapid Support Forces"),
                              (), (ref(WIRE, 0),)),
    trend=Trend("mixed", escalating=(ref(WIRE, 5), ref(DAILY, 4)), de_escalating=(ref(WIRE, 0),)),
)

DIGEST = (
    DigestSentence(WIRE.sentences[0].text, (WIRE.id, DAILY.id), ref(WIRE, 0), 0.95),
    DigestSentence(WIRE.sentences[2].text, (WIRE.id,), ref(WIRE, 2), 0.8),
    DigestSentence(DAILY.sentences[0].text, (DAILY.id,), ref(DAILY, 0), 0.7),
    DigestSentence(WIRE.sentences[4].text, (WIRE.id,), ref(WIRE, 4), 0.6),
    DigestSentence(WIRE.sentences[6].text, (WIRE.id,), ref(WIRE, 6), 0.5),
    DigestSentence(DAILY.sentences[4].text, (DAILY.id,), ref(DAILY, 4), 0.4),
)


def sample_analysis() -> Analysis:
    summaries = {a.id: Summary(a.id, SummarySettings("lead", sentences=2), (0, 1)) for a in ARTICLES}
    return Analysis(ARTICLES, summaries, DIGEST, (QUOTE_YUSUF, QUOTE_ARMY), STATUS)


# -- reading the rendered Markdown back, as the tests check it -----------------------------------


DAY = dt.date(2026, 11, 21)


def brief_citing_the_sample() -> Brief:
    """A brief with one item of every origin: digest line, sentence, quote, figure, note."""
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_digest(DIGEST[0]), "bottom_line")
    b.add(*items.from_sentence(DAILY, 3))
    b.add(*items.from_quote(QUOTE_YUSUF))
    b.add(*items.from_figure(FIGURES[0]))
    b.add(*items.free("Watch the rains."))
    return b


def parser():
    """CommonMark with tables (the brief's one extension) and front matter, as a wiki would read it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def tokens(markdown: str) -> list:
    """Every token, nested inline children flattened in after their parent."""
    out = []
    for tok in parser().parse(markdown):
        out.append(tok)
        out.extend(tok.children or ())
    return out


def count(markdown: str, token_type: str, tag: str | None = None) -> int:
    return sum(1 for t in tokens(markdown) if t.type == token_type and (tag is None or t.tag == tag))


def inline_texts(markdown: str) -> list[str]:
    """The plain text of each inline run, in order (escapes resolved, as a reader sees it)."""
    texts = []
    for tok in parser().parse(markdown):
        if tok.type == "inline":
            texts.append("".join(c.content for c in tok.children or () if c.type in ("text", "code_inline")))
    return texts
