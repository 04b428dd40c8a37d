"""Where the conflict stands across a set of articles, and who says so.

Rule-based on purpose: every answer points at the sentences it came from, so
an analyst can check it, and every cue word lives in YAML (the conflict
lexicon and the optional profile), so a new war needs no code. Each concern
is its own module; this one only wires them together in the order their
inputs require (actors before places, places before the talks venue).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.analysis.actors import ActorRules, build_actors, compile_actor_rules
from briefing.analysis.ceasefire import build_ceasefire
from briefing.analysis.dates import Reference, infer_reference
from briefing.analysis.events import build_events
from briefing.analysis.figures import FigureRules, compile_rules, extract_figures, mark_disagreements
from briefing.analysis.negotiations import build_negotiations, compile_sticking_rules
from briefing.analysis.places import PlaceRules, build_places, compile_place_rules, place_slots
from briefing.analysis.profile import (
    CueIndex,
    Hit,
    ProfileError,
    build_cue_index,
    load_lexicon,
    load_profile,
    profile_path,
)
from briefing.analysis.trend import build_trend
from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus

__all__ = ["ProfileError", "build_status"]


@dataclass(frozen=True)
class _Rules:
    figures: FigureRules
    actors: ActorRules
    places: PlaceRules
    cues: CueIndex
    sticking: tuple[re.Pattern[str], ...]
    needs_context: frozenset[str]


def _rules(settings: ConflictSettings) -> _Rules:
    return _compiled(settings, _profile_stamp(settings.profile))


def _profile_stamp(profile: str | None) -> int | None:
    """The profile file's mtime: an edited profile is picked up by a long-running TUI."""
    if not profile:
        return None
    try:
        return profile_path(profile).stat().st_mtime_ns
    except OSError:
        return None  # load_profile reports the missing file


@lru_cache(maxsize=8)
def _compiled(settings: ConflictSettings, _stamp: int | None) -> _Rules:
    """Everything compiled once per settings value (settings are frozen, hence hashable)."""
    lexicon = load_lexicon()
    profile = load_profile(settings.profile)
    return _Rules(
        figures=compile_rules(lexicon),
        actors=compile_actor_rules(lexicon, profile),
        places=compile_place_rules(lexicon),
        cues=build_cue_index(lexicon, settings.escalation_cues, settings.deescalation_cues),
        sticking=compile_sticking_rules(lexicon),
        needs_context=frozenset(lexicon.phrases("trend", "needs_context")),
    )


def _ceasefire_ways(settings: ConflictSettings) -> dict[str, str]:
    """A truce holding points down, violated or collapsed points up, unless the settings
    replace that direction's cue words (then the user's list alone decides)."""
    ways: dict[str, str] = {}
    if settings.deescalation_cues is None:
        ways["holding"] = "down"
    if settings.escalation_cues is None:
        ways.update(violated="up", collapsed="up")
    return ways


def build_status(articles: Sequence[Article], settings: ConflictSettings) -> ConflictStatus:
    """The status panel for a set of articles.

    Raises ProfileError (a ConfigError, so the command line prints one line
    naming the file) when the configured profile is missing or malformed.
    """
    if not articles:
        return ConflictStatus()
    rules = _rules(settings)
    set_reference = infer_reference(articles)

    def reference(article: Article) -> Reference:
        if article.published:
            d = article.published
            return Reference(d.year, d.month, d.day, False, "article date")
        return set_reference

    slots = place_slots(articles)
    scanned: dict[str, dict[int, list[Hit]]] = {}

    def cues(article: Article) -> dict[int, list[Hit]]:
        """Each article is scanned for every cue once, whichever module asks first."""
        if article.id not in scanned:
            scanned[article.id] = rules.cues.by_sentence(article)
        return scanned[article.id]

    actors = build_actors(articles, rules.actors, places=slots[0], maybe_places=slots[1])
    not_places = [n for a in actors.actors if a.kind != "state" or a.side == "media" for n in (a.name, *a.aliases)]
    not_places += list(actors.rules.media.values())  # "in the Washington Post": an outlet
    not_places += [w for a in actors.actors if a.kind == "person" for w in a.name.split() if w[:1].isupper()]
    places = build_places(articles, rules.places, slots, not_places)
    found = [f for article in articles for f in extract_figures(article, rules.figures, reference(article))]
    return ConflictStatus(
        actors=actors.actors,
        locations=places,
        figures=tuple(mark_disagreements(found)),
        ceasefire=build_ceasefire(articles, cues, actors, reference),
        negotiations=build_negotiations(articles, cues, rules.sticking, actors, places),
        trend=build_trend(articles, cues, rules.needs_context, _ceasefire_ways(settings)),
        timeline=build_events(articles, cues, reference),
    )
