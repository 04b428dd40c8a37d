"""Parties a profile calls brokers or mediators: kept only when the articles show them so.

A conflict profile is written for one period ("outside powers broker the
ceasefire"); a later or earlier pile can show the same state attacking
("Turkey launched its offensive", "U.S.-led strikes", "Turkish warplanes
bombed"). A broker or mediator keeps its side only when a sentence of the set
shows it brokering ("Egyptian-brokered", "mediated by Qatar", "the UN envoy")
and none shows it attacking (in two sentences); else its side is cleared to
"unknown" (left out of the Parties row) rather than relabelled, since a label
read from a few verbs could be wrong in its own way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from briefing.models import Actor, Article
from briefing.status.actors import ActorSet

NON_FIGHTING_SIDES = frozenset({"broker", "mediator"})
_ATTACK_NOUN = (
    r"(?:air\s*strikes|airstrikes|strikes|bombing|bombings|bombardment|offensive|incursion|invasion|assault|"
    r"raids?|(?:air\s+|military\s+|ground\s+|bombing\s+)(?:campaign|operation|operations)|shelling|"
    r"(?:cross-border\s+)?operation\s+(?:in|into|against)\b)"
)
_ATTACK_VERB = r"(?:bombed|struck|attacked|invaded|shelled|pounded|targeted|bombarded|stormed)"
_FORCES = r"(?:warplanes|jets|aircraft|troops|forces|bombers|drones|artillery|military|army|tanks|soldiers)"
_ATTACKS_AFTER_RE = re.compile(
    rf"(?:[-‐]\s?(?:led|launched)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ATTACK_NOUN}|coalition)"
    rf"|(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?{_ATTACK_NOUN}"
    rf"|\s+(?:military\s+)?{_ATTACK_NOUN}\b(?!\s+(?:on|against)\s+(?:the\s+)?(?:U\.S\.|us)\b)"
    rf"|\s+(?:has\s+|had\s+|have\s+)?(?:launched|began|begun|started|carried\s+out|conducted|stepped\s+up|"
    rf"widened|expanded|pressed\s+on\s+with|continued)\s+(?:[\w'’-]+\s+){{0,3}}?{_ATTACK_NOUN}"
    rf"|\s+(?:has\s+|had\s+|have\s+)?{_ATTACK_VERB}\b"
    rf"|\s+(?:[\w-]+\s+)?{_FORCES}\s+(?:have\s+|has\s+|had\s+)?(?:{_ATTACK_VERB}|launched|pushed|advanced|"
    rf"crossed|killed)\b)",
    re.I,
)
_BY_BEFORE_RE = re.compile(
    rf"\b{_ATTACK_NOUN}\s+(?:[\w-]+\s+){{0,2}}?(?:launched\s+|led\s+|carried\s+out\s+)?by\s+(?:the\s+)?$", re.I
)
# A word one of the two patterns needs (an attack noun or verb, "coalition", a force): a
# sentence without any shows no attack.
_ATTACK_WORD_RE = re.compile(
    r"strikes|bombing|bombardment|offensive|incursion|invasion|assault|raid|campaign|operation|shelling|coalition"
    rf"|{_ATTACK_VERB}|{_FORCES}",
    re.I,
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:if|would|could|might|should|threaten\w*|warn\w*|plan\w*|likely|potential|possible|any)\b", re.I
)
# "the U.S. invasion in 2003", "the 2003 invasion": another war's attack.
_YEAR_AFTER_RE = re.compile(r"\s+(?:in|of)\s+(?:19|20)\d\d\b")


def attackers(
    articles: Sequence[Article], actors: ActorSet, min_hits: int = 2, watched: set[str] | None = None
) -> set[str]:
    """Actors shown attacking in at least `min_hits` sentences (any article); of `watched`, by
    default the brokers and mediators."""
    hits: Counter[str] = Counter()
    for text, shown in _watched_in(articles, actors, _ATTACK_WORD_RE, watched):
        seen: set[str] = set()
        for name, start, end in shown:
            if name in seen:
                continue
            m = _ATTACKS_AFTER_RE.match(text, end)
            by = _BY_BEFORE_RE.search(text, max(0, start - 60), start)
            if m and _YEAR_AFTER_RE.match(text, m.end()):
                continue  # another war's attack
            if m and not _HYPOTHETICAL_RE.search(text, max(0, end - 40), m.end()):
                seen.add(name)
            elif by and not _HYPOTHETICAL_RE.search(text, by.start(), end):
                seen.add(name)
        hits.update(seen)
    return {name for name, n in hits.items() if n >= min_hits}


def _watched_in(
    articles: Sequence[Article], actors: ActorSet, needed: re.Pattern[str], watched: set[str] | None = None
) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """Each sentence holding a word `needed` (a sentence without one cannot match: reading its
    actors would be wasted), with the mentions of the `watched` actors (by default the brokers
    and mediators) as (name, start, end); nothing when none is watched."""
    if watched is None:
        watched = {a.name for a in actors.actors if a.side in NON_FIGHTING_SIDES}
    if not watched:
        return
    for article in articles:
        for sentence in article.sentences:
            text = sentence.text
            if needed.search(text):
                yield text, [(name, start, end) for name, _kind, start, end in actors.in_span(text) if name in watched]


_BROKERS_AFTER_RE = re.compile(
    r"(?:[-‐]\s?(?:brokered|mediated|sponsored)\b"
    r"|(?:'s|’s)\s+(?:[\w-]+\s+)?(?:mediation|mediators?|envoy|peace\s+envoy|good\s+offices)\b"
    r"|\s+(?:(?:has|had|have|is|was|were|are)\s+)?(?:brokered|mediated|mediating|brokering|mediates|brokers)\b"
    r"|\s+(?:special\s+)?(?:envoy|mediators?)\b"
    r"|,?\s+(?:who\s+)?(?:(?:has|had|is|was)\s+)?(?:hosting|hosted|hosts|convened|convening|convenes|chaired|chairing|"
    r"chairs|restarted|reconvened|opened)\s+(?:[\w-]+\s+){0,3}?(?:talks|negotiations|delegations?)\b)",
    re.I,
)
# A word one of the two patterns needs: a sentence without any shows no brokering.
_BROKER_WORD_RE = re.compile(
    r"broker|mediat|sponsored|envoy|good\s+offices|host|conven|chair|restarted|reconvened|opened|negotiator", re.I
)
_BROKERS_BEFORE_RE = re.compile(
    r"\b(?:(?:brokered|mediated|hosted|sponsored)\s+by\s+(?:the\s+)?"
    r"|(?:envoy|mediator|negotiator)(?:\s+for\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?,?\s+)$",
    re.I,
)


def brokering(articles: Sequence[Article], actors: ActorSet) -> set[str]:
    """Brokers and mediators some sentence shows brokering ("Egyptian-brokered", "mediated by
    Qatar", "the UN envoy")."""
    return {
        name
        for text, shown in _watched_in(articles, actors, _BROKER_WORD_RE)
        for name, start, end in shown
        if _BROKERS_AFTER_RE.match(text, end) or _BROKERS_BEFORE_RE.search(text, max(0, start - 30), start)
    }


def check_sides(articles: Sequence[Article], actors: ActorSet) -> tuple[ActorSet, tuple[str, ...]]:
    """The actor set with its profile sides checked against the articles, and the states and
    armed groups the set shows attacking that no side holds. One scan for attacks serves both:
    each actor's attack sentences are counted alone, so watching more actors changes nothing."""
    ranked = sorted(actors.actors, key=lambda a: -a.mentions)[:LEADING_ACTORS]
    watched = {a.name for a in actors.actors if a.side in NON_FIGHTING_SIDES}
    watched |= {a.name for a in ranked if a.kind in ("state", "armed group")}
    attacking = attackers(articles, actors, watched=watched)
    checked = clear_unshown_brokers(articles, actors, attacking)
    return checked, unsided_attackers(checked, attacking)


def clear_unshown_brokers(articles: Sequence[Article], actors: ActorSet, attacking: set[str]) -> ActorSet:
    """The actor set with brokers and mediators moved to side "unknown" unless the set shows
    them brokering and not attacking (`attacking`): a profile's role is a claim about one period."""
    shown = brokering(articles, actors) - attacking
    cleared: tuple[Actor, ...] = tuple(
        replace(a, side="unknown") if a.side in NON_FIGHTING_SIDES and a.name not in shown else a
        for a in actors.actors
    )
    return replace(actors, actors=cleared)


# How far down the actor list (most mentioned first) an unsided attacker is looked for.
LEADING_ACTORS = 15


def unsided_attackers(actors: ActorSet, attacking: set[str]) -> tuple[str, ...]:
    """States and armed groups shown attacking (`attacking`: two sentences or more) that the conflict
    profile gives no side: a Parties row built from the profile's sides would leave them out
    ("Turkey launched its offensive" in a pile the profile reads as Syria's civil war)."""
    ranked = sorted(actors.actors, key=lambda a: -a.mentions)[:LEADING_ACTORS]
    return tuple(a.name for a in ranked
                 if a.side == "unknown" and a.kind in ("state", "armed group") and a.name in attacking)
