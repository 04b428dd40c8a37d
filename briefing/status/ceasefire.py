"""Ceasefire state, start date, brokers and excluded groups, with the sentences that say so.

State rule (cue words from config/lexicons/conflict.yaml, counted over the
sentences that mention a ceasefire, plus a "the deal"/"the agreement" sentence
right after one):
  collapsed  if collapse cues are at least as many as holding cues;
  fragile    if it is holding but violations or fragility are reported too
             ("has largely held, but ... accused one another of violations");
  violated   if violations are reported and nothing says it holds;
  fragile    if only fragility is reported;
  holding    if it holds, or is in force with nothing said either way;
  none       if no ceasefire is mentioned, or one is only called for.
A truce nothing of the last days mentions has no known state now ("none"),
except one last reported collapsed: it stays collapsed, until a new one is
reported agreed: a "new", "fresh" or "another" truce accepted, agreed or
signed on a later day than the last collapse is the truce of now, and its state
comes from what that day and later say of it; with nothing said yet it is
"fragile" (a truce just agreed after one broke down), never "collapsed" (that
was the old one) nor "holding" (it has not been tested). The start date is
shown only for a truce in force ("since" beside "collapsed" would read as the
day it broke). "Each of them collapsed" after "two truces" votes like the
sentence before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from briefing.models import Article, Ceasefire, SentenceRef
from briefing.status.actors import ActorSet
from briefing.status.dates import Reference, When, find_dates
from briefing.status.evidence import asserted, modality
from briefing.status.profile import Hit

_FOLLOW_UP_RE = re.compile(
    r"\b(?:the|this|that) (?:deal|agreement|accord|pact)\b|^\W*(?:Each|Both|All|Neither|None)\s+of\s+them\b", re.I
)
_BROKERED_BEFORE_RE = re.compile(
    r"(?:\b(?:the|The|a|A|an|An)\s+)(?P<list>(?:[A-Z][\w.'’]*-?(?:\s+|,\s*|\s+and\s+))*?[A-Z][\w.'’]*)[-‐]"
    r"(?:brokered|mediated|sponsored|negotiated)\b"
)
_BROKER_NAME = r"(?:the\s+)?(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)(?:\s+(?:of\s+)?(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*))*"
_BROKERED_AFTER_RE = re.compile(
    rf"\b(?:brokered|mediated|sponsored|negotiated|arranged|facilitated)\s+by\s+"
    rf"(?P<list>{_BROKER_NAME}(?:(?:\s*,\s*|\s*,?\s+and\s+){_BROKER_NAME})*)"
)
_SINCE_WINDOW = 60
# "a new 72-hour truce", "another cease-fire", "a fresh truce": the words before the truce term.
_NEW_TRUCE_RE = re.compile(r"\b(?:new|fresh|another|second|renewed|third)\b(?:\s+[\w-]+){0,2}\s*$", re.I)
_REFUSED_RE = re.compile(
    r"\b(?:not|never|n't|refused\s+to|refuses\s+to|declined\s+to|rejected|would\s+not|will\s+not)\s+(?:\w+\s+)?$", re.I
)
_AGREED_RE = re.compile(r"\b(?:accepted|accepts|accept|agreed|agrees|signed|signs|approved|approves)\b", re.I)


STALE_AFTER_DAYS = 2  # a truce nothing newer mentions is no known state of now


def build_ceasefire(
    articles: Sequence[Article],
    cues: Callable[[Article], dict[int, list[Hit]]],
    actors: ActorSet,
    reference: Callable[[Article], Reference],
    max_evidence: int = 8,
    weights: dict[str, float] | None = None,
) -> Ceasefire:
    """`cues` gives an article's lexicon hits by sentence (profile.CueIndex.by_sentence);
    `weights` the articles' recency weights (evidence.recency_weights)."""
    votes: Counter[str] = Counter()
    weighted: dict[str, float] = {}
    last_seen: dt.date | None = None
    evidence: list[tuple[int, int, SentenceRef]] = []
    in_force = False
    since: Counter[tuple[int, int, int]] = Counter()
    inferred: dict[tuple[int, int, int], bool] = {}
    brokers: Counter[str] = Counter()
    excluded: Counter[str] = Counter()
    dated_states: list[tuple[dt.date, str, float]] = []  # (day, state, weight) of each vote
    new_truce: dt.date | None = None  # the last day a new truce was reported agreed
    agreements: list[tuple[dt.date, SentenceRef]] = []  # the sentences that report it
    dated_brokers: list[tuple[dt.date | None, str]] = []
    for article in articles:
        weight = weights.get(article.id, 1.0) if weights else 1.0
        day = reference(article).date if reference(article).anchored else None
        hits_by_sentence = cues(article)
        previous = -2
        for index in sorted(hits_by_sentence):
            hits = hits_by_sentence[index]
            cats = {h.category for h in hits}
            text = article.sentences[index].text
            mentions = "cf.term" in cats
            follow_up = previous == index - 1 and bool(_FOLLOW_UP_RE.search(text))
            if mentions:
                previous = index
            if not (mentions or follow_up):
                continue
            offset = article.sentences[index].start
            terms = [h for h in hits if h.category == "cf.term" and modality(text, h.start - offset) != "hypothetical"]
            # "accepted a proposal for a new truce": the term alone reads as hypothetical, the acceptance is the fact
            if day is not None and any(
                _agrees_to_new_truce(text, h.start - offset) for h in hits if h.category == "cf.term"
            ):
                new_truce = max(new_truce, day) if new_truce else day
                agreements.append((day, SentenceRef(article.id, index, text)))
                last_seen = max(last_seen, day) if last_seen else day
            if mentions and not terms and not follow_up:
                continue  # "if there is a truce", "efforts to find a truce": no truce said to exist
            states = [h.label for h in hits if h.category == "cf.state" and asserted(text, h.start - offset)]
            votes.update(states)
            for state in states:
                weighted[state] = weighted.get(state, 0.0) + weight
                if day is not None:
                    dated_states.append((day, state, weight))
            forced = [h for h in hits if h.category == "cf.in_force" and asserted(text, h.start - offset)]
            if states or forced:
                last_seen = max(last_seen, day) if last_seen and day else (day or last_seen)
            if mentions:
                in_force |= bool(states) or bool(forced)
                for when in _start_dates(text, [h.end - offset for h in hits if h.category == "cf.since"],
                                         reference(article)):
                    key = (when.year or 0, when.month or 0, when.date.day if when.date else 0)
                    since[key] += 1
                    # one article that writes the full date is enough to call it read, not inferred
                    inferred[key] = inferred.get(key, True) and when.inferred
                named = _brokers(text, actors)
                brokers.update(named)
                dated_brokers.extend((day, name) for name in named)
                cue = next((h for h in hits if h.category == "cf.excluded"), None)
                if cue is not None:
                    excluded.update(_excluded(text, cue.start - offset, cue.end - offset, actors))
            evidence.append((-len(states), len(evidence), SentenceRef(article.id, index, text)))
    newest = max((d for a in articles if (d := reference(a).date) is not None and reference(a).anchored), default=None)
    stale = last_seen is not None and newest is not None and (newest - last_seen).days >= STALE_AFTER_DAYS
    state = decide_state(weighted)
    renewed = _renewed_state(dated_states, new_truce)
    if renewed is not None:
        state, in_force = renewed, True
    if not evidence or not (in_force or votes) or (stale and state != "collapsed"):
        # nothing says a truce exists, or nothing of the last days says so: no known state now
        # (a truce last reported collapsed stays collapsed until a new one is reported)
        return Ceasefire(state="none", evidence=tuple(ref for *_, ref in sorted(evidence)[:max_evidence]))
    evidence.sort(key=lambda t: (t[0], t[1]))
    if renewed is not None:
        # the new truce's own reports first; its start date is not the old one's
        first = [ref for day, ref in agreements if day == new_truce]
        rest = [t for t in evidence if t[2] not in first]
        evidence = [(0, 0, ref) for ref in first] + rest
        since.clear()
        brokers = Counter(name for day, name in dated_brokers if day is not None and new_truce and day >= new_truce)
    # a start date is when the truce took effect: beside "collapsed" it would read as the day it broke
    best_since = _best_since(since) if state != "collapsed" else None
    return Ceasefire(
        state=state,
        since=best_since,
        since_inferred=best_since is not None
        and inferred.get((best_since.year, best_since.month, best_since.day), False),
        brokers=tuple(name for name, _ in brokers.most_common()),
        excluded=tuple(name for name, _ in excluded.most_common()),
        evidence=tuple(ref for *_, ref in evidence[:max_evidence]),
    )


def _agrees_to_new_truce(text: str, term_start: int) -> bool:
    """"Israel accepted ... a new 72-hour cease-fire", "the sides agreed to another truce"; not
    "refused to accept", "did not agree"."""
    agreed = _AGREED_RE.search(text)
    if agreed is None or not _NEW_TRUCE_RE.search(text[:term_start]):
        return False
    return asserted(text, agreed.start()) and not _REFUSED_RE.search(text[: agreed.start()])


def _renewed_state(dated_states: Sequence[tuple[dt.date, str, float]], new_truce: dt.date | None) -> str | None:
    """The state of a new truce agreed after the last collapse (see the module docstring), or
    None when there is none."""
    if new_truce is None:
        return None
    collapses = [day for day, state, _ in dated_states if state == "collapsed"]
    if not collapses or new_truce <= max(collapses):
        return None
    since: dict[str, float] = {}
    for day, state, weight in dated_states:
        if day >= new_truce:
            since[state] = since.get(state, 0.0) + weight
    return decide_state(since) if since else "fragile"


def decide_state(votes: Mapping[str, float]) -> str:
    """The rule in the module docstring (votes may be weighted by recency)."""
    collapsed, holding = votes.get("collapsed", 0), votes.get("holding", 0)
    violated, fragile = votes.get("violated", 0), votes.get("fragile", 0)
    if collapsed and collapsed >= holding:
        return "collapsed"
    if holding and (violated or fragile):
        return "fragile"
    if violated:
        return "violated"
    if fragile:
        return "fragile"
    return "holding"


def _start_dates(text: str, verb_ends: list[int], ref: Reference) -> list[When]:
    """Dates within a short window after a start verb: "began on Feb. 27", "took effect late last month"."""
    if not verb_ends:
        return []
    out = []
    dates = find_dates(text, ref)
    for verb_end in verb_ends:
        for when in dates:
            gap = when.start - verb_end
            if 0 <= gap <= (12 if when.kind == "weekday" else _SINCE_WINDOW):
                out.append(when)
                break
    return out


def _best_since(since: Counter[tuple[int, int, int]]) -> dt.date | None:
    """The most-reported start date known to the day; a month alone cannot fill a date field."""
    days = [(n, key) for key, n in since.items() if key[2]]
    if not days:
        return None
    _, (year, month, day) = max(days)
    return dt.date(year, month, day)


def _split_names(raw: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", raw.strip())
    return [p.strip(" -‐") for p in parts if p.strip(" -‐")]


def _brokers(text: str, actors: ActorSet) -> list[str]:
    names: list[str] = []
    for regex in (_BROKERED_BEFORE_RE, _BROKERED_AFTER_RE):
        for m in regex.finditer(text):
            for part in _split_names(m.group("list")):
                part = re.sub(r"^(?:the|The)\s+", "", part)
                if part[:1].isupper():
                    names.append(actors.canonical(part))
    return list(dict.fromkeys(names))


def _excluded(text: str, cue_start: int, cue_end: int, actors: ActorSet) -> list[str]:
    """Groups named as outside the truce: "X and Y are excluded from", "excluding X"."""
    before = re.search(r"\b(?:are|is|were|was|remain|remains|have been|has been)\s*$", text[:cue_start])
    span = text[:before.start()] if before else text[cue_end:]
    names = []
    for name, kind, start, end in actors.in_span(span):
        if span[end:end + 2] in ("'s", "’s") or kind in ("state", "person"):
            continue
        names.append(name)
    return list(dict.fromkeys(names))
