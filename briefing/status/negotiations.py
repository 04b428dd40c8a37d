"""Peace talks: state, venue, mediator, parties, sticking points, evidence.

State rule: each sentence about talks votes for the state whose cue comes
first in it (the main clause usually leads: "A fresh round began ... after the
first round collapsed" votes resumed); the most votes win, ties going to the
more definite state (collapsed > suspended > resumed > under way > planned).
Venue: the place most often named in a talks sentence ("in Geneva", "the
Geneva talks"), the set's most-mentioned place (the theatre of war) only if
nothing else is named. Mediator: the person most often named next to a
mediator cue (special envoy, mediator, hosting, mediated by).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from briefing.models import Article, Negotiations, Place, SentenceRef
from briefing.status.actors import ActorSet
from briefing.status.dates import Reference
from briefing.status.evidence import about_earlier_days, modality
from briefing.nlp.names.lexicon import trie_regex
from briefing.status.profile import Hit, Lexicon
from briefing.status.trend import negated

STATE_PRIORITY = ("concluded", "collapsed", "suspended", "resumed", "under way", "planned")
_MEDIATOR_WINDOW = 70
TALKS_HORIZON_DAYS = 60  # talks suspended last month are still suspended; a deal of last year is another story
_BETWEEN_RE = re.compile(
    r"\b(?:between|delegations?\s+(?:from|of))\s+(?P<a>(?:the\s+)?[\w'’. -]+?)\s+and\s+(?P<b>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)"
    r"(?=[,;.]|\s+(?:in|on|at|to|for|was|were|is|are|has|have|had|who|which|that|over|would|will|could|should|"
    r"might|may|can|resumed?|began|begin|last|next|this|since|after|before|as|with)\b|$)"
)
_PARTY_NOUN_RE = re.compile(
    r"\b(?:government|opposition|rebels?|army|military|side|sides|delegation|movement|forces|authorities|"
    r"militias?|groups?|junta|council|committee|front|coalition)\b",
    re.I,
)
_DELEGATION_RE = re.compile(
    r"\b(?:a|the|an|his|her|their|its)\s+(?P<who>(?:[\w'’-]+\s+){0,2}?)delegations?(?P<led>\s+(?:led|headed) by\s+)?"
)
_DESCRIBED_RE = re.compile(
    r"\bdescribed\s+(?P<np>[\w'’ -]{3,80}?)\s+(?:in the country\s+)?as\s+[\"“]?(?:the|a|an)\s+[^\"”.]{0,40}?(?:issues?|obstacle|problem|red line)"
)
_RED_LINE_RE = re.compile(r"(?:talk of|question of|issue of)\s+(?P<np>[\w'’ -]{3,60}?)\s+(?:during [^,.;\"“]+?\s+)?(?:is|was|would be|remains)\s+[\"“]?a red line")
_KEY_DEMAND_RE = re.compile(r"(?:call|demand|push)s?\s+for\s+(?P<np>[^,;—–]{5,80}?)\s*(?:—|–|--|,)\s*(?:a|the)\s+key demand")


def compile_sticking_rules(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The sticking-point cue patterns of conflict.yaml (`negotiations.sticking_point_cues`)."""
    return tuple(
        re.compile(rf"\b{cue}\s+(?P<np>[^,;:.!?\"“”—–]{{3,80}})", re.I)
        for cue in lexicon.phrases("negotiations", "sticking_point_cues")
    )


def build_negotiations(
    articles: Sequence[Article],
    cues: Callable[[Article], dict[int, list[Hit]]],
    sticking: tuple[re.Pattern[str], ...],
    actors: ActorSet,
    places: Sequence[Place],
    max_evidence: int = 8,
    weights: dict[str, float] | None = None,
    other_topics: re.Pattern[str] | None = None,
    reference: Callable[[Article], Reference] | None = None,
) -> Negotiations:
    """`weights`: the articles' recency weights (evidence.recency_weights); `other_topics`: words of
    other negotiations (a trade deal, a budget in Congress) whose sentences are no evidence;
    `reference`: an article's date, so that a sentence about earlier days does not vote."""
    votes: dict[str, float] = {}
    venues: Counter[str] = Counter()
    mediators: Counter[tuple[str, bool]] = Counter()
    mediator_refs: dict[str, SentenceRef] = {}
    roles: dict[str, Counter[str]] = {}
    parties: dict[str, None] = {}
    points: dict[str, None] = {}
    evidence: list[tuple[str | None, int, SentenceRef]] = []  # (the state it votes for, order, sentence)
    place_re = _names_regex({p.name for p in places})
    for article in articles:
        weight = weights.get(article.id, 1.0) if weights else 1.0
        hits_by_sentence = {i: _drop_verb_talks(article.text, hits) for i, hits in cues(article).items()}
        if not any(h.category in _TERMS for hits in hits_by_sentence.values() for h in hits):
            continue  # sticking points and mediators only count in articles about talks
        for sentence in article.sentences:
            text = sentence.text
            hits = hits_by_sentence.get(sentence.index, ())
            if other_topics is not None and hits and other_topics.search(text):
                continue  # a trade deal, a bill in the Senate: other negotiations
            if hits and reference is not None and about_earlier_days(text, reference(article), TALKS_HORIZON_DAYS):
                continue  # "signed a deal with Iran last year": not the talks of now
            if _STICKING_HINT.search(text):
                for point in _sticking_points(text, sticking):
                    points.setdefault(point)
            cue_spans = [(h.start - sentence.start, h.end - sentence.start) for h in hits if h.category == "talks.mediator"]
            found = _mediator(text, cue_spans, actors) if cue_spans else None
            if found:
                mediators[found[0]] += 1
                mediator_refs.setdefault(found[0][0], SentenceRef(article.id, sentence.index, text))
                if found[1]:
                    roles.setdefault(found[0][0], Counter())[found[1]] += 1
            terms = [h for h in hits if h.category in _TERMS and not _ruled_out(article.text, h)
                     and modality(text, h.start - sentence.start) != "hypothetical"]
            if not terms:
                continue  # "peace talks were not on the agenda", "urged Moscow to broker talks": no evidence
            states = [(h.start, state) for h in hits if h.category == "talks.state"
                      and (state := _stated(text, h.start - sentence.start, h.label))]
            states += [(h.start, "concluded") for h in terms if h.category == "talks.deal"
                       and modality(text, h.start - sentence.start) == "fact"]
            label = None
            if states:
                label = min(states)[1]  # the main clause usually comes first
                votes[label] = votes.get(label, 0.0) + weight
            venues.update(_venues(text, place_re))
            for party in _parties(text, actors):
                parties.setdefault(party)
            evidence.append((label, len(evidence), SentenceRef(article.id, sentence.index, text)))
    if not evidence:
        return Negotiations()
    theatre = places[0].name if places else None
    ranked = sorted(mediators.items(), key=lambda kv: (not kv[0][1], -kv[1]))
    mediator_name = ranked[0][0][0] if ranked else None
    state = _decide(votes)
    # The row cites first the sentences that say the state it shows, then those saying another.
    evidence.sort(key=lambda t: (0 if t[0] == state else 1 if t[0] else 2, t[1]))
    if not votes and not _pick_venue(venues, None):
        # talks only named ("to sabotage peace talks"; a deal "mediated by" someone): nothing says they are held
        state = "none"
    refs = [ref for *_, ref in evidence[:max_evidence]]
    if mediator_name:  # the row leads with (and so cites) the sentence that names the go-between
        mediator_ref = mediator_refs[mediator_name]
        refs = [mediator_ref, *(r for r in refs if r != mediator_ref)][:max_evidence]
    return Negotiations(
        state=state,
        venue=_pick_venue(venues, theatre),
        mediator=mediator_name,
        mediator_role=_best_role(roles.get(mediator_name or "")),
        parties=tuple(p for p in parties if p != mediator_name),
        sticking_points=tuple(points),
        evidence=tuple(refs),
    )


_NOT_AFTER_RE = re.compile(r"\s+(?:were|was|are|is|will|would)\s+not\b|\s+(?:are|were)\s+(?:off|out)\b", re.I)


def _ruled_out(text: str, hit: Hit) -> bool:
    """"no talks", "ruled out talks", "talks were not on the agenda"."""
    return negated(text, hit.start) or bool(_NOT_AFTER_RE.match(text, hit.end)) or bool(
        re.search(r"\bruled?\s+out\s+(?:any\s+)?(?:peace\s+)?$", text[max(0, hit.start - 30):hit.start], re.I)
    )


_VERB_TALKS_BEFORE_RE = re.compile(r"(?:\b[A-Z][\w'’.-]*|\b(?:he|she|who)|,\s*(?:left|right|center|centre))\s*,?\s*$")
_PRONOUN_BEFORE_RE = re.compile(r"\b(?:he|she|it|who|that|which)\s+(?:often\s+|always\s+|rarely\s+)?$", re.I)
_VERB_TALKS_AFTER_RE = re.compile(r"\s+(?:with|to|about)\b")
_NOUN_BEFORE = frozenset("peace the of for in on held hold holding direct new more formal bilateral".split())


def _drop_verb_talks(text: str, hits: list[Hit]) -> list[Hit]:
    """"Foreign Minister X, center, talks with Y" is a photo caption, not negotiations."""
    out = []
    for hit in hits:
        if hit.category == "talks.term" and text[hit.start:hit.end].lower() == "talks":
            before = text[max(0, hit.start - 40):hit.start]
            last = before.split()[-1].lower() if before.split() else ""
            if (last not in _NOUN_BEFORE and _VERB_TALKS_BEFORE_RE.search(before)
                    and _VERB_TALKS_AFTER_RE.match(text, hit.end)) or _PRONOUN_BEFORE_RE.search(before):
                continue  # "X, center, talks with Y": a caption; "the ally he talks the most about": a verb
        out.append(hit)
    return out


_STICKING_HINT = re.compile(
    r"split|divided|disagree|odds|sticking|dispute|differences|issue|red line|key demand|obstacle|stumbling", re.I
)


def _names_regex(names: set[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    body = trie_regex(names, any_space=False)
    return re.compile(rf"\b(?:(?:in|at)\s+(?:the\s+)?(?P<at>{body})\b|(?P<pre>{body})(?:[-\s]based)?\s+(?:peace\s+)?(?:talks|negotiations|conference))")


def _venues(text: str, place_re: re.Pattern[str] | None) -> list[str]:
    if place_re is None:
        return []
    return [m.group("at") or m.group("pre") for m in place_re.finditer(text)]


def _pick_venue(venues: Counter[str], theatre: str | None) -> str | None:
    ranked = [name for name, _ in venues.most_common()]
    others = [name for name in ranked if name != theatre]
    return others[0] if others else ranked[0] if ranked else None


_TERMS = ("talks.term", "talks.deal")
_AHEAD = frozenset({"resumed", "under way", "planned"})


def _stated(text: str, cue_start: int, state: str) -> str | None:
    """The state a cue votes for as the sentence states it: talks that will resume or start are
    planned; a supposed or recommended state, or a future collapse, votes for nothing."""
    mood = modality(text, cue_start)
    if mood == "fact":
        return state
    if mood == "future" and state in _AHEAD:
        return "planned"
    return None


def _decide(votes: dict[str, float]) -> str:
    if not votes:
        return "under way"
    top = max(votes.values())
    tied = [s for s, n in votes.items() if n >= top - 1e-9]
    return min(tied, key=lambda s: STATE_PRIORITY.index(s) if s in STATE_PRIORITY else 99)


def _mediator(text: str, cues: list[tuple[int, int]], actors: ActorSet) -> tuple[tuple[str, bool], str | None] | None:
    """The actor nearest a mediator cue, whether it is a person (people beat states:
    "mediated by Turkey" names a mediator only when no envoy is named anywhere), and
    the role the sentence gives it ("the U.N. special envoy for Syria, Staffan de Mistura")."""
    best: tuple[int, int, str, int, int] | None = None
    for name, kind, start, end in actors.in_span(text):
        if _NOT_MEDIATOR_AFTER_RE.match(text, end):
            continue  # "at Yanukovych's request", "Yanukovych signed": a party, never the go-between
        person = kind == "person" or actors.kind_of(name) == "person"
        gap = min(min(abs(start - ce), abs(cs - end)) for cs, ce in cues)
        if gap <= _MEDIATOR_WINDOW:
            rank = (0 if person else 1, gap, name, start, end)
            if best is None or rank < best:
                best = rank
    if best is None:
        return None
    return (best[2], best[0] == 0), _role(text, best[3], best[4])


# After a name: a possessive ("at X's request", "X's government") or a party's own act
_NOT_MEDIATOR_AFTER_RE = re.compile(
    r"(?:'s|’s)\b|\s+(?:(?:has|had|have|was|were|is)\s+)?(?:signed|agreed|rejected|accepted|demanded|refused)\b",
    re.I,
)
_ROLE_HEAD = (
    r"(?:(?:[\w.'’-]+\s+){0,4}?(?:special\s+envoy|envoy|mediator|chief\s+negotiator|negotiator|facilitator|"
    r"special\s+representative|representative)(?:\s+(?:for|to|on)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)"
)
_ROLE_BEFORE_RE = re.compile(rf"(?:\b(?:the|The)\s+)?(?P<role>{_ROLE_HEAD}),?\s*$")
_ROLE_AFTER_RE = re.compile(rf"^,\s+(?:the|a|an|his|her)\s+(?P<role>{_ROLE_HEAD})(?=[,;.]|\s+(?:who|which)\b|$)")


def _role(text: str, start: int, end: int) -> str | None:
    """The title next to the mediator's name, before it or as an apposition after it."""
    before = _ROLE_BEFORE_RE.search(text[max(0, start - 90):start])
    after = _ROLE_AFTER_RE.match(text[end:end + 110])
    m = before or after
    if not m:
        return None
    role = re.sub(r"^(?:the|a|an)\s+", "", m.group("role").strip(" ,"), flags=re.I)
    return role if role[:1].isalpha() else None


def _best_role(roles: Counter[str] | None) -> str | None:
    """The most-given role, the longest (most specific) on a tie."""
    if not roles:
        return None
    return max(roles, key=lambda r: (roles[r], len(r)))


def _clean_party(raw: str, actors: ActorSet) -> str | None:
    """A side at the table: a known actor or something named like one ("the opposition")."""
    raw = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.I).strip(" ,.")
    if not raw or len(raw.split()) > 5:
        return None
    name = actors.canonical(raw)
    if actors.is_known(name) or _PARTY_NOUN_RE.search(raw):
        return name
    return None


def _parties(text: str, actors: ActorSet) -> list[str]:
    out: list[str] = []
    for m in _BETWEEN_RE.finditer(text):
        for raw in (m.group("a"), m.group("b")):
            party = _clean_party(raw, actors)
            if party:
                out.append(party)
    for m in _DELEGATION_RE.finditer(text):
        who = (m.group("who") or "").strip()
        leader = _leader(text[m.end():m.end() + 90], actors) if m.group("led") else None
        label = f"{who} delegation".strip() if who else "delegation"
        out.append(f"{label} (led by {leader})" if leader else label)
    return out


def _leader(span: str, actors: ActorSet) -> str | None:
    """The first person named after "led by" ("Syria's U.N. ambassador, Bashar Ja'afari")."""
    span = re.split(r";|\.\s+(?=[A-Z])|\s(?:and|but|while)\s", span)[0]
    people = [name for name, kind, _, _ in actors.in_span(span) if kind == "person" or actors.kind_of(name) == "person"]
    return people[0] if people else None


def _sticking_points(text: str, sticking: tuple[re.Pattern[str], ...]) -> list[str]:
    out: list[str] = []
    for regex in (*sticking, _DESCRIBED_RE, _RED_LINE_RE, _KEY_DEMAND_RE):
        for m in regex.finditer(text):
            np = _trim_np(m.group("np"))
            if np:
                out.append(np)
    return out


def _trim_np(np: str) -> str | None:
    np = re.sub(r"\s+(?:in the country|in the talks|at the talks)$", "", np.strip(" ,.'\"“”"))
    np = re.sub(r"^(?:the|a|an)\s+", "", np)
    words = np.split()
    if not words or len(words) > 12:
        return None
    if words[0].lower() in _CLAUSE_OPENERS and len(words) < MIN_CLAUSE_WORDS:
        return None  # "a dispute over whether Ukraine, which ...": the question cut off at the comma
    return np


# A sticking point put as a question ("whether Ukraine should join the bloc") needs its verb:
# fewer words than this is a clause cut short.
_CLAUSE_OPENERS = frozenset({"whether", "if", "how", "what", "why", "who", "which", "when"})
MIN_CLAUSE_WORDS = 4
