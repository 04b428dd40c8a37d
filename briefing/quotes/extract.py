"""Key quotes: every direct quotation in a set of articles, with its speaker, merged and ranked.

The work is split by concern: `marks` finds the quoted spans, `speakers`
attributes them (through the names engine, `briefing.nlp.names`, for pronouns,
surnames and titles), `merge` folds the same quotation from several reports
into one entry, `ranking` scores it. This module runs them over the set.

Scare quotes (a quoted term that no speech cue relates to, or one introduced by
"so-called") are left out entirely: they are the reporter's words, not anybody's
statement, and a brief must not present them as quotes.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.config import QuoteSettings
from briefing.models import Article, Quote, SentenceRef
from briefing.nlp.names.canon import canonical_names, canonical_org, distinct_pairs
from briefing.nlp.names.mention import JOINT, ORG, PERSON
from briefing.quotes.cues import cue_lexicon
from briefing.quotes.joint import joint_parts
from briefing.quotes.marks import find_quote_spans
from briefing.quotes.merge import Occurrence, combine, merge
from briefing.quotes.ranking import central_words, quote_score
from briefing.quotes.speakers import ArticleAttributor
from briefing.quotes.wording import Attribution, tidy_role

_STRAY_MARKS = "\"'“”‘’«»‹›„"


def _looks_like_title(text: str) -> bool:
    """"The Amazing Spider-Man 2": a work's or programme's name, not speech."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    long_words = [w for w in words if len(w) > 3] or words
    return 0 < len(text.split()) <= 14 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _short_title(text: str) -> bool:
    """"History of the Church", "Signs of the Apocalypse.": a title even where a cue is near.

    At least two capitalised words of four letters or more, so that "It's big" stays speech.
    """
    if len(text.split()) > 6 or text.rstrip().endswith(("!", "?")):
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(long_words) >= 2 and _looks_like_title(text)


@dataclass(frozen=True, slots=True)
class ArticleQuotes:
    """What one article contributes: its occurrences and how often each name appears."""

    occurrences: tuple[Occurrence, ...]
    prominence: dict[str, int]
    persons: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (person, role as written) from this article


def article_quotes(article: Article, settings: QuoteSettings) -> ArticleQuotes:
    """Every non-scare quotation of one article with its attribution."""
    spans = find_quote_spans(article.paragraphs)
    if not spans:
        return ArticleQuotes((), {})
    attributor = ArticleAttributor(article, spans, cue_lexicon(settings.cue_verbs))
    starts = [s.start for s in article.sentences]
    done: dict[int, Attribution] = {}
    found: list[Occurrence] = []
    for i, span in enumerate(spans):
        text = span.text(article.text).strip(_STRAY_MARKS + " ")
        if not any(c.isalnum() for c in text) or attributor.is_scare(span):
            continue
        partial = not attributor.is_full(span, article.text)
        if partial and _looks_like_title(text) or _short_title(text):
            continue  # "Meet the Press", William "Billy" Murphy, “History of the Church”: names, not speech
        att, cued = attributor.attribute(i)
        if not cued:
            context = attributor.context(i, partial, done)
            if context is not None:
                att, cued = context, True
        if not cued and (partial or len(text.split()) < 3 or _looks_like_title(text)):
            continue  # a quoted term, headline or title nobody said: not a quote
        done[i] = att
        if att.kind == ORG and att.speaker and canonical_org(att.speaker) != att.speaker:
            att = replace(att, speaker=canonical_org(att.speaker), role=att.role or att.speaker)  # role as written
        found.append(
            Occurrence(
                text=text,
                speaker=att.speaker,
                role=tidy_role(att.role, article.text),
                cue=att.cue,
                attribution=att.how if att.speaker else None,
                speaker_kind=att.kind if att.speaker else None,
                partial=partial,
                article_id=article.id,
                ref=_sentence_ref(article, starts, span.start),
            )
        )
    roles = ((person, tidy_role(role, article.text)) for person, role in attributor.person_roles().items())
    return ArticleQuotes(
        tuple(found), attributor.prominence(), tuple(attributor.person_names()), tuple((p, r) for p, r in roles if r)
    )


def _sentence_ref(article: Article, starts: list[int], pos: int) -> SentenceRef:
    if not article.sentences:
        return SentenceRef(article.id, 0, "")
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return SentenceRef(article.id, i, article.sentences[i].text)


def extract_quotes(articles: Sequence[Article], settings: QuoteSettings) -> tuple[Quote, ...]:
    """Every quotation in the set (scare quotes excluded), merged across articles, best first."""
    per_article = [article_quotes(a, settings) for a in articles]
    occurrences = [o for aq in per_article for o in aq.occurrences]
    distinct = set().union(*(distinct_pairs(aq.persons) for aq in per_article))
    speakers = [o.speaker for o in occurrences if o.speaker and o.speaker_kind == PERSON]
    speakers += [p for o in occurrences if o.speaker and o.speaker_kind == JOINT for p in joint_parts(o.speaker)]
    mentions: Counter[str] = Counter()
    for aq in per_article:
        mentions.update(aq.prominence)
    names = canonical_names(speakers + [p for aq in per_article for p in aq.persons], distinct, mentions)
    occurrences = [_one_name(o, names) for o in occurrences]
    roles = _fuller_roles(per_article, names)
    occurrences = [_with_fuller_role(o, roles) for o in occurrences]
    prominence: Counter[str] = Counter()
    for aq in per_article:
        for name, count in aq.prominence.items():
            prominence[names.get(name, name)] += count
    quotes = [combine(group) for group in merge(occurrences)]
    central = central_words(articles)
    peak = max(prominence.values(), default=1) or 1
    scored = [replace(q, score=quote_score(q, prominence, peak, central)) for q in quotes]
    return tuple(sorted(scored, key=lambda q: -q.score))


def _one_name(o: Occurrence, names: dict[str, str]) -> Occurrence:
    """A person's name as the set names them; each of a pair's too ("Romney and Murphy"). An
    organisation keeps its own: "Syria" (the state) never becomes a person whose name ends with it."""
    if not o.speaker:
        return o
    if o.speaker_kind == PERSON:
        return replace(o, speaker=names.get(o.speaker, o.speaker))
    if o.speaker_kind == JOINT:
        return replace(o, speaker=" and ".join(names.get(p, p) for p in joint_parts(o.speaker)))
    return o


def _fuller_roles(per_article: Sequence[ArticleQuotes], names: dict[str, str]) -> dict[str, list[str]]:
    """Every role the set states for each person, e.g. Obama: ["President", "US President"]."""
    roles: dict[str, list[str]] = {}
    for aq in per_article:
        for person, role in aq.roles:
            roles.setdefault(names.get(person, person), []).append(role)
    return roles


def _with_fuller_role(o: Occurrence, roles: dict[str, list[str]]) -> Occurrence:
    """A bare title ("President") gains what another report says ("US President")."""
    if not o.speaker or o.role and len(o.role.split()) > 1:
        return o
    known = roles.get(o.speaker, [])
    head = o.role.lower() if o.role else None
    better = [r for r in known if len(r.split()) <= 8 and (head is None or r.lower().endswith(head))]
    return replace(o, role=max(better, key=len)) if better else o
