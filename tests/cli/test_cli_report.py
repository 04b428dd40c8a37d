"""analysis_to_json is DESIGN.md's object exactly (every key, ISO dates); format_report is readable."""

from __future__ import annotations

import datetime as dt

from briefing.config import SummarySettings
from briefing.models import (
    Actor,
    Analysis,
    Article,
    Ceasefire,
    ConflictStatus,
    DigestSentence,
    Event,
    Figure,
    LoadWarning,
    Negotiations,
    Place,
    Quote,
    SentenceRef,
    Summary,
    Trend,
)
from briefing.nlp.sentences import segment
from briefing.report import analysis_to_json, format_report

PARAGRAPHS = ("The truce held on Monday, officials said.", '"We want peace," Gen. Ali Omar said. Talks resume in Geneva.')


def _analysis(full: bool) -> Analysis:
    sentences = segment(PARAGRAPHS)
    article = Article(
        "abc123def456", "Truce holds", "Example News" if full else None, dt.date(2016, 3, 14) if full else None,
        "\n".join(PARAGRAPHS), PARAGRAPHS, sentences, 20, path="a.txt",
    )  # fmt: skip
    summaries = {article.id: Summary(article.id, SummarySettings("lead", sentences=2), (0, 1), note="capped")}
    if not full:
        return Analysis((article,), summaries)
    ref = SentenceRef(article.id, 0, sentences[0].text)
    status = ConflictStatus(
        actors=(Actor("Ali Omar", "government", 2),),
        locations=(Place("Geneva", 1),),
        figures=(
            Figure("killed", 250000, "at least", "at least 250,000", "the U.N.", article.id, ref, disagreement=True),
            Figure("displaced", 11_500_000, "nearly", "nearly half of a pre-war population of about 23 million",
                   None, article.id, base=23_000_000, fraction=0.5),
            Figure("displaced", 0, "about", "half of the population", None, article.id, fraction=0.5),
        ),
        ceasefire=Ceasefire("holding", dt.date(2016, 2, 27), since_inferred=True, brokers=("Russia", "U.S."),
                            excluded=("Islamic State",), evidence=(ref,)),
        negotiations=Negotiations("resumed", "Geneva", "Staffan de Mistura", mediator_role="U.N. special envoy for Syria",
                                  parties=("government", "opposition"), sticking_points=("Assad's future",),
                                  evidence=(ref,)),
        trend=Trend("de-escalating", (), (ref,)),
        timeline=(Event(None, "Talks resume in Geneva.", article.id, ref, when="Monday (March 2016)", date_inferred=True),),
    )
    return Analysis(
        (article,), summaries,
        digest=(DigestSentence(sentences[0].text, (article.id,), ref),),
        quotes=(Quote("We want peace,", "Ali Omar", "general", "said", False, (article.id,), (ref,), attribution="named"),),
        status=status, warnings=(LoadWarning("bad.bin", "not a text file"),),
    )  # fmt: skip


def test_json_every_key_present_when_empty() -> None:
    data = analysis_to_json(_analysis(full=False))
    assert data["digest"] == [] and data["quotes"] == []
    status = data["status"]
    assert status == {
        "trend": {"label": "unclear", "evidence": []},
        "ceasefire": {"state": "none", "since": None, "brokers": [], "evidence": [], "since_inferred": False, "excluded": []},
        "negotiations": {"state": "none", "venue": None, "mediator": None, "evidence": [], "mediator_role": None,
                         "parties": [], "sticking_points": []},
        "figures": [],
        "actors": [],
        "locations": [],
        "timeline": [],
        "background_figures": [],
    }
    article = data["articles"][0]
    assert article["published"] is None and article["source"] is None
    assert article["summary"] == [{"index": 0, "text": PARAGRAPHS[0]}, {"index": 1, "text": '"We want peace," Gen. Ali Omar said.'}]


def test_json_full() -> None:
    data = analysis_to_json(_analysis(full=True))
    assert data["articles"][0]["published"] == "2016-03-14"
    assert data["articles"][0]["sentences"] == 3
    assert data["status"]["ceasefire"]["since"] == "2016-02-27"
    assert data["status"]["ceasefire"]["brokers"] == ["Russia", "U.S."]
    assert data["status"]["trend"]["evidence"][0]["direction"] == "de-escalating"
    assert data["status"]["figures"][0]["disagreement"] is True
    design_keys = {"kind", "value", "qualifier", "text", "reported_by", "article", "disagreement"}
    assert set(data["status"]["figures"][0]) == design_keys | {"base", "fraction", "evidence", "subject", "scope",
                                                               "as_of", "earlier", "earlier_as_of"}
    assert data["status"]["figures"][0]["evidence"] == [{"article": "abc123def456", "sentence": 0, "text": PARAGRAPHS[0]}]
    share, bare = data["status"]["figures"][1:]
    assert (share["value"], share["base"], share["fraction"]) == (11_500_000, 23_000_000, 0.5)
    assert bare["value"] is None and bare["fraction"] == 0.5  # no count was given: not 0
    assert data["status"]["ceasefire"]["since_inferred"] is True
    assert data["status"]["ceasefire"]["excluded"] == ["Islamic State"]
    talks = data["status"]["negotiations"]
    assert talks["mediator_role"] == "U.N. special envoy for Syria" and talks["parties"] == ["government", "opposition"]
    assert talks["sticking_points"] == ["Assad's future"]
    assert data["status"]["timeline"] == [{
        "date": None, "when": "Monday (March 2016)", "date_inferred": True,
        "text": "Talks resume in Geneva.", "article": "abc123def456",
    }]  # fmt: skip
    assert data["quotes"][0] == {
        "text": "We want peace,", "speaker": "Ali Omar", "role": "general", "cue": "said",
        "partial": False, "attribution": "named", "articles": ["abc123def456"],
    }  # fmt: skip
    assert data["digest"] == [{"text": PARAGRAPHS[0], "articles": ["abc123def456"]}]


def test_report_text() -> None:
    text = format_report(_analysis(full=True))
    assert "[1] Truce holds" in text
    assert "Example News | 2016-03-14 | 20 words | 3 sentences" in text
    assert "note: capped" in text
    assert '"We want peace," (Ali Omar, general) [1]' in text
    assert "killed: at least 250,000" in text and "(sources disagree)" in text
    assert "nearly half of a pre-war population of about 23 million (about 11,500,000 of 23,000,000)" in text
    assert "half of the population (a share; no count given)" in text and "exact 0" not in text
    assert "Ceasefire: holding since 2016-02-27 (date inferred), brokered by Russia, U.S.; excludes Islamic State" in text
    assert "mediator Staffan de Mistura (U.N. special envoy for Syria)" in text
    assert "- Monday (March 2016), inferred: Talks resume in Geneva. [1]" in text
    assert "bad.bin: not a text file" in text
    empty = format_report(_analysis(full=False))
    assert "unknown outlet | undated" in empty and "(none)" in empty
