"""The settings, declared once: each field's type, default, accepted values and doc.

Every module codes against these frozen dataclasses (field names are fixed).
Each field is made by `setting(...)`, which records its `Rule` (one-line doc,
range or choices) in the field's metadata. That one declaration drives:

- validation in `briefing.config` (types from the annotations, ranges and
  choices from the rules: there is no second table to keep in step),
- the shipped `config/default.yaml` and the README's settings table, both
  written by `briefing.settings_doc` and compared with it by the tests,
- the error messages' "must be at least 1 and at most 1000".

Nothing here reads a file or imports Textual.
"""

from __future__ import annotations

import types
import typing
from dataclasses import Field, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ALGORITHMS = ("lead", "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")
SECTION_IDS = ("bottom_line", "changes", "developments", "quotes", "status", "notes", "sources")
#: Textual's built-in themes (kept here because the core never imports Textual;
#: tests check the list against textual.theme.BUILTIN_THEMES).
THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula", "tokyo-night",
    "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe", "catppuccin-macchiato",
    "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon", "rose-pine-dawn",
    "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light",
)  # fmt: skip
#: A summary's length is exactly one of these SummarySettings fields; the others are None.
LENGTH_KEYS = ("sentences", "ratio", "words")
#: The app's binding that quits from anywhere, even while a text field has focus (its only
#: priority binding: it sees keys before the focused widget does). A test ties it to the app.
QUIT_ANYWHERE = "quit-now"

_RULE = "briefing.rule"


@dataclass(frozen=True)
class Rule:
    """What one setting means and accepts beyond its type.

    `doc` is one line (the README table and default.yaml show it); `details` is
    longer guidance for default.yaml only; `accepts` replaces the accepted-values
    text derived from the type and range when a check is made in code (a language
    with a sentence model, a profile name or path).
    """

    doc: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False  # low itself not allowed (ratio > 0)
    choices: tuple[str, ...] | None = None
    empty_ok: bool = False  # text may be empty ("" for output_dir)
    accepts: str | None = None
    details: str = ""


def setting(
    default: T,
    doc: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    choices: tuple[str, ...] | None = None,
    empty_ok: bool = False,
    accepts: str | None = None,
    details: str = "",
) -> T:
    """A dataclass field with `default` and its `Rule` (see `rule_of`)."""
    rule = Rule(doc, low, high, low_open, choices, empty_ok, accepts, details)
    made: T = field(default=default, metadata={_RULE: rule})
    return made


def part(kind: type[T], doc: str, details: str = "") -> T:
    """A field holding a group of settings (a section of the file), made fresh per instance."""
    made: T = field(default_factory=kind, metadata={_RULE: Rule(doc, details=details)})
    return made


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """(`X`, True) for a field typed `X | None`, else (annotation, False)."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        return next(a for a in args if a is not type(None)), True
    return annotation, False


def rule_of(item: Field[Any]) -> Rule | None:
    """The declared rule of a dataclass field; None for fields that are not settings."""
    found = item.metadata.get(_RULE)
    return found if isinstance(found, Rule) else None


# --------------------------------------------------------------------------- the sections


@dataclass(frozen=True)
class SummarySettings:
    """How one article is summarised (also the summary cache's key)."""

    algorithm: str = setting(
        "lexrank",
        "The summariser; lead takes the first sentences, a strong baseline for news.",
        choices=ALGORITHMS,
    )
    sentences: int | None = setting(3, "Summary length as the N best sentences.", low=1, high=1000)
    ratio: float | None = setting(
        None, "Summary length as that share of the article's sentences (at least one).", low=0, high=1, low_open=True
    )
    words: int | None = setting(
        None,
        "Summary length as the best sentences within N words.",
        low=1,
        high=100_000,
        details="A sentence is never cut; one that does not fit is skipped.",
    )
    language: str = setting(
        "english",
        "Language of the articles: picks the sentence model and the stop words.",
        accepts="a language with a sentence model, such as english, german or french",
    )
    max_input_sentences: int = setting(
        300,
        "An algorithm is given at most this many sentences, the first ones.",
        low=10,
        high=100_000,
        details="LexRank and TextRank cost grows with its square; KL is further capped at 100. "
        "When an article is longer, the summary says so.",
    )


@dataclass(frozen=True)
class DigestSettings:
    words: int = setting(350, "Length of the cross-article digest (key developments), in words.", low=10, high=100_000)


@dataclass(frozen=True)
class QuoteSettings:
    max: int = setting(10, "How many key quotes to show and put in the brief.", low=0, high=1000)
    min_words: int = setting(3, "Quotations shorter than this many words are not key quotes.", low=1, high=1000)
    cue_verbs: tuple[str, ...] | None = setting(
        None,
        "Speech verbs that attribute a quotation (said, told, warned, ...).",
        details="null uses the shipped list in config/lexicons/quotes.yaml; a list replaces it.",
    )


@dataclass(frozen=True)
class SectionSettings:
    """One section of the brief; both keys are required in a file."""

    id: str = field(metadata={_RULE: Rule("Which section.", choices=SECTION_IDS)})
    heading: str = field(metadata={_RULE: Rule("The heading shown for it.")})


DEFAULT_SECTIONS = (
    SectionSettings("bottom_line", "Bottom line"),
    SectionSettings("changes", "Since the last brief"),
    SectionSettings("developments", "Key developments"),
    SectionSettings("quotes", "Key quotes"),
    SectionSettings("status", "Conflict status"),
    SectionSettings("notes", "Analyst notes"),
    SectionSettings("sources", "Sources"),
)


@dataclass(frozen=True)
class BriefSettings:
    max_words: int = setting(600, "The one-page budget: the word meter turns red past this.", low=50, high=100_000)
    title: str = setting("Situation brief", "Title at the top of the brief (the date is added after it).")
    output_dir: str = setting(
        ".",
        "Folder where brief-YYYY-MM-DD.md is saved (. is the current folder; ~ allowed).",
        empty_ok=True,
        accepts="a folder",
    )
    sections: tuple[SectionSettings, ...] = setting(
        DEFAULT_SECTIONS,
        "The brief's sections in order, each an id and the heading shown.",
        accepts=f"a list of {{id, heading}}; id one of {', '.join(SECTION_IDS)}, each at most once",
    )
    bottom_line_sentences: int = setting(
        2, "Automatic brief (briefing build): sentences in the bottom line.", low=0, high=20
    )
    developments: int = setting(
        8, "Automatic brief: bullets under key developments (the page budget may keep fewer).", low=0, high=100
    )
    quotes: int = setting(3, "Automatic brief: key quotes.", low=0, high=100)


@dataclass(frozen=True)
class StorySettings:
    group: bool = setting(
        True,
        "Tell stories apart: the digest, quotes, status and brief describe one story at a time.",
        details="false: every loaded article is one story, as if they were all about the same events.",
    )
    similarity: float = setting(
        0.06,
        "How alike two groups of articles must be, on average, to be one story.",
        low=0,
        high=1,
        low_open=True,
        details="The average cosine of the articles' shared names and rare words, weighted by rarity. "
        "Higher splits a pile into more, narrower stories; lower joins related stories.",
    )
    window_days: int = setting(
        7,
        "Articles up to this many days apart can be one story; the link fades to nothing at twice that.",
        low=1,
        high=3650,
    )


@dataclass(frozen=True)
class ConflictSettings:
    profile: str | None = setting(
        "auto",
        "Conflict profile: actors, sides and aliases (Daesh = Islamic State).",
        accepts="auto, a shipped profile name, a path to a YAML profile, or null for none",
        details="auto: a shipped profile is used only when the loaded articles are about its conflict, "
        'judged by its applies_to; otherwise none, and sides are "unknown". A shipped name (a file in '
        "config/profiles/, e.g. syria) or a path to your own profile (relative to this config file's "
        "folder) is always used.",
    )
    escalation_cues: tuple[str, ...] | None = setting(
        None,
        "Words that signal escalation for the trend.",
        details="null uses the shipped list in config/lexicons/conflict.yaml; a list replaces it.",
    )
    deescalation_cues: tuple[str, ...] | None = setting(
        None,
        "Words that signal de-escalation for the trend.",
        details="null uses the shipped list in config/lexicons/conflict.yaml; a list replaces it.",
    )


@dataclass(frozen=True)
class IngestSettings:
    max_file_bytes: int = setting(5_000_000, "Largest file read, in bytes.", low=1_000, high=2_000_000_000)
    max_article_words: int = setting(
        50_000, "Longer articles are truncated to this many words, with a notice.", low=100, high=10_000_000
    )
    max_sentence_chars: int = setting(
        2_000, "Longer sentences (tables, run-on junk) are cut at this many characters.", low=100, high=1_000_000
    )
    max_feed_entries: int = setting(500, "Entries read from one RSS or Atom feed.", low=1, high=1_000_000)
    max_html_depth: int = setting(
        200, "HTML nested deeper than this is refused (lxml itself stops at 255).", low=10, high=250
    )
    max_files: int = setting(
        10_000,
        "Files read from folders in one run; the rest are skipped with a warning naming this setting.",
        low=1,
        high=10_000_000,
        # above any daily pile: a newsroom's day is hundreds to a few thousand files
        details="A cap against hostile trees, set above any daily pile. Analysis grows linearly with the "
        "number of articles (see bench/README.md); the cache makes re-runs fast.",
    )
    url_timeout: float = setting(10.0, "Seconds for a whole URL fetch: connecting, headers, redirects and body.", low=0, high=600, low_open=True)
    max_url_bytes: int = setting(5_000_000, "Largest download, in bytes, counted after gzip/deflate decoding.", low=1_000, high=2_000_000_000)


@dataclass(frozen=True)
class CacheSettings:
    enabled: bool = setting(True, "Keep loaded articles and analysis results between runs.")
    dir: str | None = setting(
        None,
        "Where the cache is kept; null is the user cache folder ($XDG_CACHE_HOME/briefing).",
        accepts="a folder, or null",
    )
    workers: int = setting(0, "Processes used to analyse many articles; 0 is one per CPU core.", low=0, high=256)


@dataclass(frozen=True)
class UiSettings:
    theme: str = setting(
        "textual-dark",
        "Colour theme of the terminal app; ansi-dark and ansi-light use the terminal's own colours.",
        choices=THEMES,
    )


@dataclass(frozen=True)
class SourceSettings:
    """One place `briefing fetch` reads: a feed or page address, or a folder (exactly one of url, path).

    In a file an entry is either the address or folder alone, or a mapping with
    `url` or `path` and optionally `name` and `story`. A path is kept absolute
    (relative paths are taken from the config file's folder); it need not exist
    when the file is read: a folder on a drive that is not mounted fails at fetch
    time, for that source only.
    """

    url: str | None = field(default=None, metadata={_RULE: Rule("A feed or page address (http or https).")})
    path: str | None = field(default=None, metadata={_RULE: Rule("A folder (or a file) of articles.")})
    name: str | None = field(default=None, metadata={_RULE: Rule("What fetch calls this source in its report.")})
    story: str | None = field(
        default=None, metadata={_RULE: Rule("A story label for its articles: briefs of one story are compared.")}
    )

    @property
    def location(self) -> str:
        """The address or folder as it is read."""
        return self.url or self.path or ""

    @property
    def label(self) -> str:
        """How the source is named in fetch's report: its name, else where it is."""
        return self.name or self.location


@dataclass(frozen=True)
class Settings:
    summary: SummarySettings = part(
        SummarySettings,
        "How each article's extractive summary is made.",
        "The length is exactly one of sentences, ratio and words (the other two null); setting one in "
        "your own file replaces the default sentences.",
    )
    digest: DigestSettings = part(DigestSettings, "The digest of the whole day (key developments).")
    quotes: QuoteSettings = part(QuoteSettings, "Key quotes and their speakers.")
    stories: StorySettings = part(StorySettings, "Telling the stories of a mixed pile apart.")
    brief: BriefSettings = part(BriefSettings, "The one-page brief.")
    conflict: ConflictSettings = part(ConflictSettings, "The conflict-status panel.")
    ingest: IngestSettings = part(
        IngestSettings, "Caps on untrusted input: a file or URL over a cap is refused with a reason."
    )
    cache: CacheSettings = part(CacheSettings, "The on-disk analysis cache.")
    ui: UiSettings = part(UiSettings, "The terminal app.")
    sources: tuple[SourceSettings, ...] = field(
        default=(),
        metadata={
            _RULE: Rule(
                "Where `briefing fetch` gets the day's articles: feed and page addresses, folders.",
                accepts="a list of addresses and folders, each alone or as {url or path, name, story}",
                details="Empty: no fetching, and briefing with no paths opens the bundled sample. With "
                "sources, briefing, analyze and build with no paths read the stored articles fetched since "
                "the last saved brief (see the README's daily loop). Each entry is an http(s) address of a "
                "feed or a page, or a folder; as a mapping it takes url or path, and optionally name (shown "
                "in fetch's report) and story (a label: briefs of one story are compared with each other). "
                "A relative path is taken from this file's folder.",
            )
        },
    )
    keymap: dict[str, str] = field(
        default_factory=dict,
        metadata={
            _RULE: Rule(
                "Key bindings of the terminal app: binding id -> key(s).",
                accepts="a mapping of binding id -> keys",
                details="Empty: the built-in keys (press ? in the app to see them). Ids are the app's "
                "binding ids such as quit, help, brief, save, new-brief; keys are written as Textual names "
                'them ("j", "ctrl+s", "f1", "question_mark"), several separated by commas. '
                f"{QUIT_ANYWHERE} (ctrl+q), which quits even while typing, takes only ctrl, alt or "
                "function keys.",
            )
        },
    )
    source: Path | None = None  # the file these settings were read from, if any: not a setting


#: Section name -> its dataclass, in the declared order (summary, digest, ... ui).
SECTION_CLASSES: dict[str, type[Any]] = {
    item.name: hint
    for item in fields(Settings)
    if is_dataclass(hint := typing.get_type_hints(Settings)[item.name]) and isinstance(hint, type)
}
