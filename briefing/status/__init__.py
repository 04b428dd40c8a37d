"""The conflict-status panel: where the conflict stands across a set of articles, and who says so.

    build         build_status(articles, settings) -> ConflictStatus, wiring the modules below
    profile       load_profile / load_lexicon: the conflict profile (actors, sides, aliases)
                  and the conflict lexicon (cue words), both YAML
    actors        build_actors: people, states, armed groups, organisations, aliases merged
                  (actor_mentions: one article's mentions; actor_rules: the word lists)
    places        build_places: the places the set reports on
    figures       extract_figures: casualty and displacement figures
    figure_sources  reported_by: who counted a figure ("according to X", "X reported")
    disagreements   mark_disagreements: where sources' figures conflict
    numbers       find_numbers: numbers as news writes them ("dozens", "1.2 million")
    dates         find_dates: dates and relative days, anchored to each article's date
    events        build_events: the dated timeline
    ceasefire     build_ceasefire: the state of a truce, since when, brokered by whom
    negotiations  build_negotiations: talks, venue, mediator, sticking points
    trend         build_trend: escalating, de-escalating or steady, with its evidence

Names resolve on first use: importing this package reads no lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.status.actors import build_actors
    from briefing.status.build import build_status
    from briefing.status.ceasefire import build_ceasefire
    from briefing.status.dates import find_dates
    from briefing.status.disagreements import mark_disagreements
    from briefing.status.events import build_events
    from briefing.status.figure_sources import reported_by
    from briefing.status.figures import extract_figures
    from briefing.status.negotiations import build_negotiations
    from briefing.status.numbers import find_numbers
    from briefing.status.places import build_places
    from briefing.status.profile import load_lexicon, load_profile
    from briefing.status.trend import build_trend

_OFFERS = {
    "build_status": "build",
    "load_profile": "profile",
    "load_lexicon": "profile",
    "build_actors": "actors",
    "build_places": "places",
    "extract_figures": "figures",
    "reported_by": "figure_sources",
    "mark_disagreements": "disagreements",
    "find_numbers": "numbers",
    "find_dates": "dates",
    "build_events": "events",
    "build_ceasefire": "ceasefire",
    "build_negotiations": "negotiations",
    "build_trend": "trend",
}
__all__ = [
    "build_actors", "build_ceasefire", "build_events", "build_negotiations", "build_places", "build_status",
    "build_trend", "extract_figures", "find_dates", "find_numbers", "load_lexicon", "load_profile",
    "mark_disagreements", "reported_by",
]  # fmt: skip
__getattr__, __dir__ = lazy_exports(__name__, _OFFERS)
