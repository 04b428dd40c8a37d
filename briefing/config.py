"""Settings: the typed shape of config/default.yaml.

SKELETON written by the lead so every module can code against `Settings` now.
The config helper owns this file: loading, lookup order, validation with
file:line errors. Field names below are the contract; add, don't rename.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ALGORITHMS = ("lead", "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")


@dataclass(frozen=True)
class SummarySettings:
    algorithm: str = "lexrank"
    sentences: int | None = 3
    ratio: float | None = None
    words: int | None = None
    language: str = "english"
    max_input_sentences: int = 300  # what an algorithm is given at most (LexRank/KL are quadratic)


@dataclass(frozen=True)
class DigestSettings:
    words: int = 200


@dataclass(frozen=True)
class QuoteSettings:
    max: int = 10
    min_words: int = 3
    cue_verbs: tuple[str, ...] | None = None  # None: the shipped lexicon config/lexicons/quotes.yaml


@dataclass(frozen=True)
class SectionSettings:
    id: str  # bottom_line | developments | quotes | status | notes | sources
    heading: str


DEFAULT_SECTIONS = (
    SectionSettings("bottom_line", "Bottom line"),
    SectionSettings("developments", "Key developments"),
    SectionSettings("quotes", "Key quotes"),
    SectionSettings("status", "Conflict status"),
    SectionSettings("notes", "Analyst notes"),
    SectionSettings("sources", "Sources"),
)


@dataclass(frozen=True)
class BriefSettings:
    max_words: int = 600
    title: str = "Situation brief"
    output_dir: str = "."
    sections: tuple[SectionSettings, ...] = DEFAULT_SECTIONS
    bottom_line_sentences: int = 2
    developments: int = 6
    quotes: int = 3


@dataclass(frozen=True)
class ConflictSettings:
    profile: str | None = "syria"  # a shipped profile name, a path to a YAML profile, or None
    escalation_cues: tuple[str, ...] | None = None  # None: config/lexicons/conflict.yaml
    deescalation_cues: tuple[str, ...] | None = None


@dataclass(frozen=True)
class IngestSettings:
    max_file_bytes: int = 5_000_000
    max_article_words: int = 50_000
    max_sentence_chars: int = 2_000
    max_feed_entries: int = 500
    max_html_depth: int = 200
    max_files: int = 5_000
    url_timeout: float = 10.0
    max_url_bytes: int = 5_000_000


@dataclass(frozen=True)
class CacheSettings:
    enabled: bool = True
    dir: str | None = None  # None: platformdirs user cache dir
    workers: int = 0  # processes for analysis; 0 = one per core


@dataclass(frozen=True)
class UiSettings:
    theme: str = "textual-dark"


@dataclass(frozen=True)
class Settings:
    summary: SummarySettings = field(default_factory=SummarySettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    brief: BriefSettings = field(default_factory=BriefSettings)
    conflict: ConflictSettings = field(default_factory=ConflictSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    keymap: dict[str, str] = field(default_factory=dict)
    source: Path | None = None  # the file these settings were read from, if any


def config_dir() -> Path:
    """The shipped config/ folder: beside the package in a checkout, inside it in a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "config", here / "_config"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the shipped config/ folder is missing from this installation")


def seeds_dir() -> Path:
    """The bundled sample articles."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds", here / "_seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seeds/ folder is missing from this installation")
