"""What is cached already and what still has to be computed, and the results put together.

Work units: one summary per article; the grouping of the set into stories; and per
story its digest, quotes and conflict status ("parts"). Each unit has its own cache
key: a summary's is the article's content and the summary settings; the grouping's,
every article's content (in the given order) and the story settings; a story part's,
the content of the story's articles and that part's settings. So a new article
recomputes its own summary, the grouping and the parts of the story it joins, and
the other stories come from the cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.analysis.cache import AnalysisCache, article_hash, file_fingerprint, make_key, settings_token
from briefing.config import Settings
from briefing.models import Analysis, Article, ConflictStatus, DigestSentence, LoadWarning, Quote, Story, Summary

PART_TYPES: dict[str, Any] = {
    "digest": tuple[DigestSentence, ...],
    "quotes": tuple[Quote, ...],
    "status": ConflictStatus,
}
PARTS = tuple(PART_TYPES)  # per story, in this order
PartKey = tuple[int, str]  # (index of the story, part)


@dataclass
class Plan:
    """The cache's answers so far. `stories` is None until grouped (or found in the cache)."""

    articles: tuple[Article, ...]  # unique by id, in the given order
    hashes: dict[str, str]
    summaries: dict[str, Summary] = field(default_factory=dict)
    missing: list[Article] = field(default_factory=list)
    summary_keys: dict[str, str] = field(default_factory=dict)
    stories_key: str = ""
    stories: tuple[Story, ...] | None = None
    parts: dict[PartKey, Any] = field(default_factory=dict)  # found in the cache
    part_keys: dict[PartKey, str] = field(default_factory=dict)
    todo: list[PartKey] = field(default_factory=list)  # story parts still to compute
    _by_id: dict[str, Article] = field(default_factory=dict)

    def story_articles(self, index: int) -> tuple[Article, ...]:
        assert self.stories is not None
        if len(self._by_id) != len(self.articles):
            self._by_id.update((a.id, a) for a in self.articles)
        return tuple(self._by_id[i] for i in self.stories[index].articles)


def plan_summaries(articles: Sequence[Article], settings: Settings, cache: AnalysisCache | None) -> Plan:
    """Summaries and the grouping found in the cache; the story parts are planned once grouped."""
    unique = tuple({a.id: a for a in articles}.values())
    plan = Plan(unique, {a.id: article_hash(a) for a in unique})
    summary_token = settings_token(settings.summary)
    for article in unique:
        key = make_key("summary", [plan.hashes[article.id]], summary_token)
        plan.summary_keys[article.id] = key
        found = cache.get("summary", key, Summary) if cache is not None else None
        if found is not None and found.article_id == article.id:
            plan.summaries[article.id] = found
        else:
            plan.missing.append(article)
    plan.stories_key = make_key("stories", [plan.hashes[a.id] for a in unique], _stories_token(settings))
    if cache is not None:
        found_stories = cache.get("stories", plan.stories_key, tuple[Story, ...])
        if found_stories is not None and _covers(found_stories, unique):
            plan.stories = found_stories
    return plan


def _stories_token(settings: Settings) -> str:
    return settings_token(settings.stories)


def _covers(stories: tuple[Story, ...], articles: tuple[Article, ...]) -> bool:
    """A cached grouping is used only if it holds exactly these articles."""
    listed = [i for s in stories for i in s.articles]
    return len(listed) == len(articles) and set(listed) == {a.id for a in articles}


def plan_parts(plan: Plan, stories: tuple[Story, ...], settings: Settings, cache: AnalysisCache | None) -> None:
    """Look up every story's digest, quotes and status; what is missing goes to `plan.todo`."""
    plan.stories = stories
    tokens = {kind: part_token(kind, settings) for kind in PARTS}
    for index, story in enumerate(stories):
        content = [plan.hashes[i] for i in story.articles]
        for kind in PARTS:
            key = make_key(kind, content, tokens[kind])
            plan.part_keys[(index, kind)] = key
            found = cache.get(kind, key, PART_TYPES[kind]) if cache is not None else None
            if found is not None:
                plan.parts[(index, kind)] = found
            else:
                plan.todo.append((index, kind))


def part_token(kind: str, settings: Settings) -> str:
    """The settings that shape one part of a story's analysis."""
    if kind == "digest":
        return settings_token(settings.digest)
    if kind == "quotes":
        return settings_token(settings.quotes)
    # the status reads names with the quotes' speech verbs (briefing.nlp.names.lexicon)
    return settings_token(settings.conflict, file_fingerprint(settings.conflict.profile), settings.quotes.cue_verbs)


def store(plan: Plan, cache: AnalysisCache, summaries: dict[str, Summary], parts: dict[PartKey, Any],
          grouped: bool) -> None:
    """Write what was computed (never what came from the cache)."""
    cache.prune()
    store_summaries(plan, cache, summaries.values())
    if grouped:
        store_stories(plan, cache)
    store_parts(plan, cache, parts.items())


def store_summaries(plan: Plan, cache: AnalysisCache, summaries: Iterable[Summary]) -> None:
    for summary in summaries:
        cache.put("summary", plan.summary_keys[summary.article_id], summary)


def store_stories(plan: Plan, cache: AnalysisCache) -> None:
    if plan.stories is not None:
        cache.put("stories", plan.stories_key, plan.stories)


def store_parts(plan: Plan, cache: AnalysisCache, parts: Iterable[tuple[PartKey, Any]]) -> None:
    for (index, kind), value in parts:
        cache.put(kind, plan.part_keys[(index, kind)], value)


def assemble(plan: Plan, articles: tuple[Article, ...], summaries: dict[str, Summary], parts: dict[PartKey, Any],
             warnings: Sequence[LoadWarning]) -> Analysis:
    """The Analysis: every story with its parts; the top level describes the largest story."""
    found = {**plan.parts, **parts}
    stories = tuple(
        _with_parts(story, found[(i, "digest")], found[(i, "quotes")], found[(i, "status")])
        for i, story in enumerate(plan.stories or ())
    )
    main = stories[0] if stories else None
    return Analysis(
        articles=articles,
        summaries={a.id: summaries[a.id] for a in plan.articles},
        digest=main.digest if main else (),
        quotes=main.quotes if main else (),
        status=main.status if main else ConflictStatus(),
        warnings=tuple(warnings),
        stories=stories,
        story=main.id if main else None,
    )


def _with_parts(story: Story, digest: tuple[DigestSentence, ...], quotes: tuple[Quote, ...],
                status: ConflictStatus) -> Story:
    return replace(story, digest=digest, quotes=one_name_per_person(quotes, status), status=status)


def one_name_per_person(quotes: tuple[Quote, ...], status: ConflictStatus) -> tuple[Quote, ...]:
    """Quote speakers named as the actor list names the same person (the names engine's
    `adopt_names`), so the two lists of one story agree. Done here, after both are
    computed (or read from the cache): they run in parallel."""
    from briefing.nlp.names.canon import adopt_names

    people = [(a.name, a.aliases) for a in status.actors if a.kind == "person"]
    names = adopt_names((q.speaker for q in quotes if q.speaker), people)
    if not names:
        return quotes
    return tuple(replace(q, speaker=names[q.speaker]) if q.speaker in names else q for q in quotes)
