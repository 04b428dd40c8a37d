"""Conflict profiles and the conflict lexicon, read from YAML.

Cue words and sides are data, not code, so a user can describe a new
conflict (or tune the cues) without touching Python. Both files are parsed
once and cached: `build_status` runs per loaded set, often on hundreds of
articles, and must not re-read YAML or recompile regexes each time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from briefing.config_yaml import safe_load
from briefing.config import ConfigError, config_dir
from briefing.models import Article
from briefing.nlp.names.lexicon import trie_regex


class ProfileError(ConfigError, ValueError):
    """A profile or lexicon file a user can fix; `str()` is `file[:line]: problem`.

    A ConfigError, so the command line reports it like any other settings
    mistake instead of a traceback, even when raised in a worker process.
    """

    def __init__(self, file: Path | str, message: str, line: int | None = None) -> None:
        super().__init__(message, file=str(file), line=line)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.message, self.line))


@dataclass(frozen=True)
class ProfileActor:
    name: str
    side: str
    kind: str
    aliases: tuple[str, ...]


MIN_COUNTRY_MENTIONS = 2  # the conflict's country named at least this often in the set, for `auto`


@dataclass(frozen=True)
class AppliesTo:
    """What identifies a profile's conflict, for `profile: auto` (see config/profiles/README.md).

    A profile labels actors with sides; on a story about another war those
    labels are false ("government ally: Russia" in Ukraine), so `auto` uses a
    profile only when the loaded articles are about its conflict.
    """

    countries: tuple[str, ...]  # the conflict's country or countries, as the Places list names them
    names: tuple[str, ...]  # other words that mark an article as about it (towns, leaders, demonyms)
    min_share: float = 0.6  # share of the articles that must mention a country or a name
    pattern: re.Pattern[str] | None = None  # countries and names, whole words, as written


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    sides: dict[str, str]  # side id -> label shown to the user
    actors: tuple[ProfileActor, ...]
    applies_to: AppliesTo | None = None  # None: never chosen by `profile: auto`


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    country_names: dict[str, str] = field(default_factory=dict)  # "U.S." -> "United States"
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian" -> "Russia"

    @property
    def countries(self) -> dict[str, str]:
        """Every surface form of a state, names and demonyms alike."""
        return {**self.demonyms, **self.country_names}

    def get(self, *keys: str) -> Any:
        node: Any = self.raw
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def phrases(self, *keys: str) -> tuple[str, ...]:
        value = self.get(*keys)
        if not value:
            return ()
        return tuple(str(v) for v in value)


def phrase_pattern(phrase: str) -> str:
    """Regex source for one lexicon phrase (see the syntax in conflict.yaml)."""
    phrase = phrase.strip()
    wildcard = phrase.endswith("*")
    if wildcard:
        phrase = phrase[:-1]
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase) if p]
    body = r"[\s\-]+".join(parts)
    tail = r"[\w'-]*" if wildcard else ""
    lead = r"\b" if phrase[:1].isalnum() else ""
    end = r"\b" if (wildcard or phrase[-1:].isalnum()) else ""
    return f"{lead}{body}{tail}{end}"


def compile_phrases(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One alternation for many phrases, longest first so "largely held" beats "held"."""
    cleaned = sorted({p for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in cleaned), re.IGNORECASE)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(path, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ProfileError(path, problem, mark.line + 1 if mark is not None else None) from None


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The shipped conflict lexicon (config/lexicons/conflict.yaml)."""
    path = path or config_dir() / "lexicons" / "conflict.yaml"
    raw = _read_yaml(path)
    if not isinstance(raw, dict):
        raise ProfileError(path, "expected a mapping at the top level")
    names, demonyms = _country_forms(path, raw.get("countries") or {})
    return Lexicon(raw=raw, country_names=names, demonyms=demonyms)


def _country_forms(path: Path, table: Any) -> tuple[dict[str, str], dict[str, str]]:
    """pycountry's names and common names, overlaid with the lexicon's names and demonyms."""
    if not isinstance(table, dict):
        raise ProfileError(path, "'countries' must map a country to its names and demonyms")
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for name, entry in table.items():
        entry = entry or {}
        names[str(name)] = str(name)
        for form in entry.get("names") or []:
            names[str(form)] = str(name)
        for form in entry.get("demonyms") or []:
            demonyms[str(form)] = str(name)
    for country in pycountry.countries:
        written = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        forms = [str(f) for f in written if f and "," not in f]
        if not forms:
            continue
        canonical = next((names[f] for f in forms if f in names), forms[0])
        for form in forms:
            names.setdefault(form, canonical)
    return names, demonyms


def profile_path(name_or_path: str) -> Path:
    """A shipped profile name ("syria") or a path to a YAML profile."""
    candidate = Path(name_or_path).expanduser()
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    return config_dir() / "profiles" / f"{name_or_path}.yaml"


def load_profile(name_or_path: str | None) -> Profile | None:
    if not name_or_path:
        return None
    path = profile_path(name_or_path)
    if not path.is_file():
        shipped = sorted(p.stem for p in (config_dir() / "profiles").glob("*.yaml"))
        raise ProfileError(
            path, f"conflict profile not found (shipped profiles: {', '.join(shipped) or 'none'})"
        )
    return _load_profile_file(path.resolve(), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load_profile_file(path: Path, _mtime: int) -> Profile:
    raw = _read_yaml(path)
    if not isinstance(raw, dict):
        raise ProfileError(path, "a profile is a mapping with 'name', 'sides' and 'actors'")
    sides_raw = raw.get("sides") or {}
    if not isinstance(sides_raw, dict):
        raise ProfileError(path, "'sides' must map a side id to its label")
    sides = {str(k): str(v) for k, v in sides_raw.items()}
    actors_raw = raw.get("actors") or []
    if not isinstance(actors_raw, list):
        raise ProfileError(path, "'actors' must be a list")
    actors = tuple(_profile_actor(path, i, entry, sides) for i, entry in enumerate(actors_raw))
    return Profile(name=str(raw.get("name") or path.stem), path=path, sides=sides, actors=actors,
                   applies_to=_applies_to(path, raw.get("applies_to")))


def _applies_to(path: Path, raw: Any) -> AppliesTo | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ProfileError(path, "'applies_to' must be a mapping with 'countries', 'names' and 'min_share'")
    unknown = sorted(set(raw) - {"countries", "names", "min_share"})
    if unknown:
        raise ProfileError(path, f"applies_to: unknown key(s) {', '.join(map(str, unknown))} "
                                 "(known: countries, names, min_share)")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("countries", "names"):
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ProfileError(path, f"applies_to.{key} must be a list of names")
        lists[key] = tuple(v.strip() for v in value)
    if not lists["countries"]:
        raise ProfileError(path, "applies_to.countries must name the conflict's country (at least one)")
    share = raw.get("min_share", AppliesTo.min_share)
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
        raise ProfileError(path, f"applies_to.min_share must be a number above 0 and at most 1, got {share!r}")
    forms = sorted({*lists["countries"], *lists["names"]}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    return AppliesTo(lists["countries"], lists["names"], float(share), pattern)


def applies(profile: Profile, articles: Sequence[Article], country_counts: Mapping[str, int]) -> int | None:
    """How strongly the articles are about the profile's conflict, or None when they are not.

    Three tests, all needed: enough of the articles mention the conflict (a
    passing "as in Syria" in one report of five is not enough), its country
    is named (twice, so a namesake town alone does not count), and no other
    country is named more often than the conflict is, by its countries and
    names together (Syrian refugees in a story about Hungary's border are
    Hungary's story). The score is that count, to choose between two matching
    profiles.
    """
    rule = profile.applies_to
    if rule is None or rule.pattern is None or not articles:
        return None
    if sum(country_counts.get(c, 0) for c in rule.countries) < MIN_COUNTRY_MENTIONS:
        return None  # a town alone ("Palmyra, New York") does not place a story in a war
    if sum(1 for a in articles if rule.pattern.search(a.text)) < rule.min_share * len(articles):
        return None
    own = sum(len(rule.pattern.findall(a.text)) for a in articles)  # "Syrian forces near Aleppo" count too
    rival = max((n for c, n in country_counts.items() if c not in rule.countries), default=0)
    if own < rival:
        return None
    return own


def shipped_profile_names() -> list[str]:
    """The profiles in config/profiles/, by name: what `profile: auto` chooses from."""
    try:
        return sorted(p.stem for p in (config_dir() / "profiles").glob("*.yaml"))
    except FileNotFoundError:
        return []


def _profile_actor(path: Path, index: int, entry: Any, sides: dict[str, str]) -> ProfileActor:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise ProfileError(path, f"actors[{index}] needs at least a 'name'")
    side = str(entry.get("side") or "unknown")
    if sides and side != "unknown" and side not in sides:
        raise ProfileError(
            path,
            f"actors[{index}] ({entry['name']}) has side {side!r}, "
            f"which is not one of the declared sides: {', '.join(sides)}"
        )
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise ProfileError(path, f"actors[{index}] ({entry['name']}): 'aliases' must be a list")
    return ProfileActor(
        name=str(entry["name"]),
        side=side,
        kind=str(entry.get("kind") or "unknown"),
        aliases=tuple(str(a) for a in aliases),
    )


@dataclass(frozen=True, slots=True)
class Hit:
    category: str  # e.g. "trend.escalation", "ceasefire.state"
    label: str  # e.g. "fragile" for a state cue; the phrase itself otherwise
    start: int
    end: int


_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z']*")


class CueIndex:
    """Every lexicon phrase of every category, found in one pass over a text.

    A big regex alternation costs (positions x phrases); looking up each word
    of the text in a dict of first words and trying only the phrases that start
    there costs (words), which keeps 1,000 articles within seconds.
    """

    def __init__(self, entries: list[tuple[str, str, str]]) -> None:
        self._first: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
        self._stems: dict[int, dict[str, list[tuple[str, str, re.Pattern[str]]]]] = {}
        for category, label, phrase in entries:
            words = [w for w in re.split(r"[\s-]+", phrase.strip()) if w]
            if not words:
                continue
            regex = re.compile(phrase_pattern(phrase), re.IGNORECASE)
            first = words[0].lower()
            item = (category, label, regex)
            if first.endswith("*"):
                stem = first[:-1]
                self._stems.setdefault(len(stem), {}).setdefault(stem, []).append(item)
            elif not first[:1].isalpha():
                continue
            else:
                self._first.setdefault(first, []).append(item)
        # Only words that start some phrase are visited: one C-level scan finds them. A whole
        # word beats a stem at the same place ("talks" before "talk*" in "talks'"), the longest
        # of each first: an alternation of every word (longest first), then every stem, as two
        # tries (an alternation of 260 words tried at each position was 0.65 s over 1,000 articles,
        # the tries 0.17 s, for the same matches).
        stem_list = {s for table in self._stems.values() for s in table}
        alternatives = [rf"{trie_regex(self._first, any_space=False)}\b"] if self._first else []
        alternatives += [rf"{trie_regex(stem_list, any_space=False)}[a-z']*"] if stem_list else []
        body = "|".join(alternatives or ["(?!)"])
        self._starts = re.compile(rf"\b(?:{body})")  # run on lower-cased text: no IGNORECASE, faster
        self._starts_ci = re.compile(rf"\b(?:{body})", re.IGNORECASE)

    def scan(self, text: str) -> list[Hit]:
        """All hits, longest first at each position, overlapping hits of other categories kept."""
        hits: list[Hit] = []
        last_end: dict[str, int] = {}
        first, stems = self._first, self._stems
        lower = text.lower()
        # str.lower() keeps offsets except for a few letters ("İ"); then match case-insensitively
        starts = self._starts.finditer(lower) if len(lower) == len(text) else self._starts_ci.finditer(text)
        for token in starts:
            word = token.group().lower()
            candidates = list(first.get(word, ()))
            for length, table in stems.items():
                if len(word) >= length:
                    candidates.extend(table.get(word[:length], ()))
            pos = token.start()
            best: dict[str, Hit] = {}
            for category, label, regex in candidates:
                m = regex.match(text, pos)
                if m and (category not in best or m.end() > best[category].end):
                    best[category] = Hit(category, label, pos, m.end())
            for category, hit in best.items():
                if last_end.get(category, -1) <= pos:  # "pullout" inside "partial pullout" is one cue
                    hits.append(hit)
                    last_end[category] = hit.end
        return hits

    def by_sentence(self, article: Article) -> dict[int, list[Hit]]:
        """Hits grouped by the index of the sentence they start in."""
        starts = [s.start for s in article.sentences]
        grouped: dict[int, list[Hit]] = {}
        for hit in self.scan(article.text):
            i = bisect_right(starts, hit.start) - 1
            if i >= 0 and hit.start < article.sentences[i].end:
                grouped.setdefault(article.sentences[i].index, []).append(hit)
        return grouped


def build_cue_index(lexicon: Lexicon, escalation: tuple[str, ...] | None = None,
                    deescalation: tuple[str, ...] | None = None) -> CueIndex:
    """One index for all cue categories the status modules use (see conflict.yaml)."""
    entries: list[tuple[str, str, str]] = []

    def add(category: str, phrases: tuple[str, ...] | list[str], label: str | None = None) -> None:
        entries.extend((category, label or p, p) for p in phrases)

    add("trend.up", escalation if escalation is not None else lexicon.phrases("trend", "escalation"))
    add("trend.down", deescalation if deescalation is not None else lexicon.phrases("trend", "deescalation"))
    add("trend.context", lexicon.phrases("trend", "context"))
    add("cf.term", [*lexicon.phrases("ceasefire", "terms"), "ceasefire"])
    add("cf.in_force", lexicon.phrases("ceasefire", "in_force"))
    add("cf.proposed", lexicon.phrases("ceasefire", "proposed"))
    add("cf.since", lexicon.phrases("ceasefire", "since_verbs"))
    add("cf.excluded", lexicon.phrases("ceasefire", "excluded_cues"))
    for state, phrases in (lexicon.get("ceasefire", "states") or {}).items():
        add("cf.state", phrases, state)
    add("talks.term", lexicon.phrases("negotiations", "terms"))
    add("talks.deal", lexicon.phrases("negotiations", "deals"))
    add("talks.mediator", lexicon.phrases("negotiations", "mediator_cues"))
    for state, phrases in (lexicon.get("negotiations", "states") or {}).items():
        add("talks.state", phrases, state)
    add("event", lexicon.phrases("events", "cues"))
    return CueIndex(entries)
