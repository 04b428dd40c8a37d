"""The documented decision rules of the status panel, on short invented texts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from briefing.config import ConflictSettings
from briefing.models import Article
from briefing.nlp.sentences import segment
from briefing.status.build import build_status
from briefing.status.ceasefire import decide_state
from briefing.status.trend import decide_label, negated

NO_PROFILE = ConflictSettings(profile=None)


def _status(text: str, published: dt.date | None = dt.date(2023, 5, 8)):
    paragraphs = tuple(p for p in text.split("\n") if p)
    article = Article(
        id="t", title="t", source=None, published=published, text="\n".join(paragraphs),
        paragraphs=paragraphs, sentences=segment(paragraphs), words=len(text.split()),
    )
    return build_status([article], NO_PROFILE)


def test_ceasefire_state_rule() -> None:
    assert decide_state(Counter(collapsed=1, holding=1)) == "collapsed"
    assert decide_state(Counter(holding=2, violated=1)) == "fragile"
    assert decide_state(Counter(violated=2)) == "violated"
    assert decide_state(Counter(fragile=1)) == "fragile"
    assert decide_state(Counter()) == "holding"


def test_called_for_is_not_a_ceasefire() -> None:
    st = _status("The African Union called for a ceasefire in Tigray. Fighting continued near Mekelle.")
    assert st.ceasefire.state == "none"


def test_ceasefire_from_text() -> None:
    st = _status(
        "A seven-day truce brokered by the African Union and Kenya took effect on Saturday.\n"
        "The ceasefire has largely held, although both sides reported sporadic violations."
    )
    assert st.ceasefire.state == "fragile"
    assert st.ceasefire.since == dt.date(2023, 5, 6)
    assert set(st.ceasefire.brokers) == {"African Union", "Kenya"}


def test_talks_main_clause_decides() -> None:
    st = _status(
        "A new round of peace talks began in Addis Ababa on Monday after the previous round collapsed in March.\n"
        "The African Union envoy, Olusegun Obasanjo, is hosting the delegations."
    )
    n = st.negotiations
    assert (n.state, n.venue, n.mediator) == ("resumed", "Addis Ababa", "Olusegun Obasanjo")


def test_trend_label_rule_and_negation() -> None:
    assert decide_label(0, 0) == "unclear"
    assert decide_label(4, 3) == "mixed"
    assert decide_label(3, 1) == "escalating"
    assert decide_label(1, 3) == "de-escalating"
    text = "The general did not say how many troops would withdraw."
    assert negated(text, text.index("withdraw"))
    st = _status(text)
    assert not st.trend.de_escalating and st.trend.label == "unclear"


def test_events_are_dated_from_the_article_date_and_never_after_it() -> None:
    st = _status("Rebels captured the airport on Sunday. Talks will resume on Friday.")
    dates = [e.date for e in st.timeline]
    assert dates == [dt.date(2023, 5, 7)]  # Friday the 12th is a plan, not yet an event
