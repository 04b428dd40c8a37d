"""Where the conflict stands across a set of articles, and who says so.

Rule-based on purpose: every answer points at the sentences it came from, so
an analyst can check it, and every cue word lives in YAML (the conflict
lexicon and the optional profile), so a new war needs no code. Each concern
is its own module; this one only wires them together in the order their
inputs require (actors before places, places before the talks venue).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus
from briefing.status.actor_rules import ActorRules, compile_actor_rules
from briefing.status.actors import build_actors
from briefing.status.belligerents import check_sides
from briefing.status.captions import caption_sentences
from briefing.status.ceasefire import build_ceasefire
from briefing.status.dates import Reference, article_reference, infer_reference
from briefing.status.disagreements import mark_disagreements
from briefing.status.events import build_events
from briefing.status.evidence import recency_weights
from briefing.status.figures import FigureRules, compile_rules, extract_figures
from briefing.status.negotiations import build_negotiations, compile_sticking_rules
from briefing.status.places import PlaceRules, build_places, compile_place_rules, country_counts, place_slots
from briefing.status.profile import (
    CueIndex,
    Hit,
    ProfileError,
    applies,
    build_cue_index,
    compile_phrases,
    load_lexicon,
    load_profile,
    profile_path,
    shipped_profile_names,
)
from briefing.status.trend import build_trend

__all__ = ["ProfileError", "build_status"]


AUTO = "auto"  # conflict.profile: use a shipped profile only when the articles are about its conflict


@dataclass(frozen=True)
class _Rules:
    figures: FigureRules
    places: PlaceRules
    cues: CueIndex
    sticking: tuple[re.Pattern[str], ...]
    needs_context: frozenset[str]
    other_talks: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _rules(settings: ConflictSettings) -> _Rules:
    """Everything but the actors compiled once per settings value (settings are frozen, hence hashable)."""
    lexicon = load_lexicon()
    return _Rules(
        figures=compile_rules(lexicon),
        places=compile_place_rules(lexicon),
        cues=build_cue_index(lexicon, settings.escalation_cues, settings.deescalation_cues),
        sticking=compile_sticking_rules(lexicon),
        needs_context=frozenset(lexicon.phrases("trend", "needs_context")),
        other_talks=compile_phrases(lexicon.phrases("negotiations", "other_topics")),
    )


def _profile_stamp(profile: str) -> int | None:
    """The profile file's mtime: an edited profile is picked up by a long-running TUI."""
    try:
        return profile_path(profile).stat().st_mtime_ns
    except OSError:
        return None  # load_profile reports the missing file


@lru_cache(maxsize=8)
def _actor_rules(profile: str | None, _stamp: int | None, cue_verbs: tuple[str, ...] | None) -> ActorRules:
    return compile_actor_rules(load_lexicon(), load_profile(profile), cue_verbs)


def _chosen_profile(setting: str | None, articles: Sequence[Article], countries: Counter[str]) -> str | None:
    """The profile to label actors with: the one named (the user asked for it), none for null,
    and for `auto` the shipped profile whose conflict the articles are about, if any.

    A profile applied to the wrong war is worse than none: its sides become
    false statements ("government ally: Russia" in a story about Ukraine).
    """
    if setting != AUTO:
        return setting or None
    best: tuple[int, str] | None = None
    for name in shipped_profile_names():
        profile = load_profile(name)
        if profile is None:
            continue
        score = applies(profile, articles, countries)
        if score is not None and (best is None or score > best[0]):
            best = (score, name)
    return best[1] if best else None


CORE_SHARE = 0.25  # a state named in at least this share of the articles is one the set is about


def core_states(articles: Sequence[Article], rules: FigureRules) -> frozenset[str]:
    """The states the set is about: named (by name or demonym) in a quarter of its articles,
    and the two named in most. A count in a sentence naming only other states is another
    conflict's ("Australian police detained 15 people" in a pile about Syria)."""
    if rules.nations is None:
        return frozenset()
    seen: Counter[str] = Counter()
    for article in articles:
        seen.update({rules.nation_of[m.group(0)] for m in rules.nations.finditer(article.text)})
    top = {name for name, _ in seen.most_common(2)}
    return frozenset(top | {name for name, n in seen.items() if n >= CORE_SHARE * len(articles)})


def _ceasefire_ways(settings: ConflictSettings) -> dict[str, str]:
    """A truce holding points down, violated or collapsed points up, unless the settings
    replace that direction's cue words (then the user's list alone decides)."""
    ways: dict[str, str] = {}
    if settings.deescalation_cues is None:
        ways["holding"] = "down"
    if settings.escalation_cues is None:
        ways.update(violated="up", collapsed="up")
    return ways


def build_status(
    articles: Sequence[Article], settings: ConflictSettings, cue_verbs: tuple[str, ...] | None = None
) -> ConflictStatus:
    """The status panel for a set of articles.

    `cue_verbs` are the settings' `quotes.cue_verbs` (None: the shipped list): the
    names engine's one list of speech verbs, which quote attribution uses too.

    Raises ProfileError (a ConfigError, so the command line prints one line
    naming the file) when the configured profile is missing or malformed.
    With `profile: auto` a shipped profile is used only when the articles are
    about its conflict (profile.applies); otherwise every side is "unknown".
    """
    if not articles:
        return ConflictStatus()
    rules = _rules(settings)
    captions: dict[str, frozenset[int]] = {}

    def caption(article: Article) -> frozenset[int]:
        if article.id not in captions:
            captions[article.id] = caption_sentences(article)
        return captions[article.id]

    countries = country_counts(articles, rules.places, caption)
    profile = _chosen_profile(settings.profile, articles, countries)
    actor_rules = _actor_rules(profile, _profile_stamp(profile) if profile else None, cue_verbs)
    set_reference = infer_reference(articles)

    references: dict[str, Reference] = {}

    def reference(article: Article) -> Reference:
        """Its own date or dateline, else the set's (worked out once per article)."""
        if article.id not in references:
            references[article.id] = article_reference(article, set_reference)
        return references[article.id]

    slots = place_slots(articles, caption, frozenset(rules.places.country_names))
    scanned: dict[str, dict[int, list[Hit]]] = {}

    def cues(article: Article) -> dict[int, list[Hit]]:
        """Each article is scanned for every cue once, whichever module asks first; photo
        captions and galleries are no evidence (a picture of another day is not the news)."""
        if article.id not in scanned:
            skip = caption(article)
            scanned[article.id] = {i: h for i, h in rules.cues.by_sentence(article).items() if i not in skip}
        return scanned[article.id]

    actors, unsided = check_sides(
        articles, build_actors(articles, actor_rules, places=slots.strong, maybe_places=slots.weak)
    )
    not_places = [n for a in actors.actors if a.kind != "state" or a.side == "media" for n in (a.name, *a.aliases)]
    not_places += list(actors.rules.media.values())  # "in the Washington Post": an outlet
    not_places += [w for a in actors.actors if a.kind == "person" for w in a.name.split() if w[:1].isupper()]
    places = build_places(articles, rules.places, slots, not_places, countries=countries, captions=caption)
    weights = recency_weights(articles, reference)
    core = core_states(articles, rules.figures)
    found = [f for a in articles for f in extract_figures(a, rules.figures, reference(a), caption(a), core)]
    figures = mark_disagreements([f for f in found if f.scope != "background"], [p.name for p in places])
    return ConflictStatus(
        actors=actors.actors,
        locations=places,
        figures=tuple(figures),
        ceasefire=build_ceasefire(articles, cues, actors, reference, weights=weights),
        negotiations=build_negotiations(articles, cues, rules.sticking, actors, places, weights=weights,
                                        other_topics=rules.other_talks, reference=reference),
        trend=build_trend(articles, cues, rules.needs_context, _ceasefire_ways(settings), weights=weights,
                          reference=reference),
        timeline=build_events(articles, cues, reference),
        background=tuple(f for f in found if f.scope == "background"),
        unsided_attackers=unsided,
    )
