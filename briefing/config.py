"""Settings: the typed shape of config/default.yaml, and how a user's YAML becomes one.

The dataclasses below are the contract every module codes against (field
names are fixed). `load_settings` reads the shipped defaults, then at most one
user file found by the lookup order, then command-line overrides; each layer
is partial and merged over the one before.

A config file is untrusted input. It is parsed with a SafeLoader subclass that
keeps every node's position, so each refusal names the file, line and column:
`briefing.yaml:4:14: summary.sentences must be a positive integer, got -3`.
Anchors and aliases are refused outright (an alias bomb only explodes when code
walks the result, which is exactly what validation does), duplicate keys are
reported instead of silently keeping the last, YAML 1.1 booleans (`no`, `on`)
are not accepted where text or a number is meant, and integers are checked
for size before Python converts them.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import yaml

ALGORITHMS = ("lead", "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")
SECTION_IDS = ("bottom_line", "developments", "quotes", "status", "notes", "sources")
#: Textual's built-in themes (kept here because the core never imports Textual;
#: tests check the list against textual.theme.BUILTIN_THEMES).
THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula", "tokyo-night",
    "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe", "catppuccin-macchiato",
    "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon", "rose-pine-dawn",
    "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light",
)  # fmt: skip
USER_FILE_NAME = "briefing.yaml"
ENV_VAR = "BRIEFING_CONFIG"
MAX_CONFIG_BYTES = 1_000_000
_MAX_INT_DIGITS = 18


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
    profile: str | None = "auto"  # "auto", a shipped profile name, a path to a YAML profile, or None
    escalation_cues: tuple[str, ...] | None = None  # None: config/lexicons/conflict.yaml
    deescalation_cues: tuple[str, ...] | None = None


@dataclass(frozen=True)
class IngestSettings:
    max_file_bytes: int = 5_000_000
    max_article_words: int = 50_000
    max_sentence_chars: int = 2_000
    max_feed_entries: int = 500
    max_html_depth: int = 200
    max_files: int = 10_000  # above any daily pile; the cap is for hostile trees (a home folder, a mirror)
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


def shipped_profiles() -> list[str]:
    """Names of the conflict profiles in config/profiles/."""
    try:
        return sorted(p.stem for p in (config_dir() / "profiles").glob("*.yaml"))
    except FileNotFoundError:
        return []


# --------------------------------------------------------------------------- errors


class ConfigError(Exception):
    """A setting the user wrote that cannot be used. `str()` is `file:line:col: message (hint)`."""

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "configuration"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        text = f"{text} (hint: {self.hint})" if self.hint else text
        # file names and keys come from the user: show control characters, never emit them
        return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class _Origin:
    """Where a value was written: a file position, or a command-line flag."""

    file: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, file: str, node: yaml.Node) -> _Origin:
        return cls(file, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, self.file, self.line, self.column, hint)


# --------------------------------------------------------------------------- YAML reading


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases and is only used to compose nodes.

    Values are constructed one scalar at a time by the validator, which knows
    each node's mark, rather than by `construct_document`.
    """

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _NodeRefused(event.start_mark, "anchors and aliases (&name, *name) are not allowed in a config file")
        return super().compose_node(parent, index)


class _NodeRefused(Exception):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _decode(data: bytes, display: str) -> str:
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError("is a binary file, not YAML text", display)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ConfigError(f"cannot be decoded as {codec} (byte {exc.start})", display) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"is not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})",
            display,
            line,
            hint="save the file as UTF-8",
        ) from None


def _read_file(path: Path, display: str) -> str:
    try:
        if not path.is_file():
            raise ConfigError("does not exist" if not path.exists() else "is not a regular file", display)
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(f"is too large for a config file ({size:,} bytes, limit {MAX_CONFIG_BYTES:,})", display)
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror or exc}", display) from None
    return _decode(data, display)


def _compose(text: str, display: str) -> yaml.Node | None:
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        return loader.get_single_node()
    except _NodeRefused as exc:
        raise ConfigError(exc.message, display, exc.mark.line + 1, exc.mark.column + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context and exc.context_mark is not None:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        if mark is None:
            raise ConfigError(f"YAML syntax error: {problem}", display) from None
        raise ConfigError(f"YAML syntax error: {problem}", display, mark.line + 1, mark.column + 1) from None
    except yaml.reader.ReaderError as exc:  # control characters and the like, found before parsing
        line = text[: exc.position].count("\n") + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise ConfigError(
            f"contains a character not allowed in YAML (U+{character:04X})", display, line, column
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"is not valid YAML: {exc}", display) from None
    except RecursionError:
        raise ConfigError("is nested too deeply to be a config file", display) from None
    finally:
        if loader is not None:
            loader.dispose()


_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_PLAIN_NUMBER = re.compile(
    r"^[-+]?(?:(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|nan)$", re.IGNORECASE
)


def _scalar_value(node: yaml.ScalarNode, origin: _Origin) -> Any:
    """The Python value of one scalar, refusing integers too long to be a setting."""
    if node.tag == _INT_TAG and len(node.value.lstrip("+-").replace("_", "")) > _MAX_INT_DIGITS:
        raise origin.error(f"number {node.value[:20]}... is far too large ({len(node.value)} digits)")
    if node.tag in (_INT_TAG, _FLOAT_TAG) and not _PLAIN_NUMBER.match(node.value):
        # YAML 1.1 reads 010 as 8 and 1:30 as 90: refuse rather than surprise
        raise origin.error(
            f"number {node.value[:40]!r} is not written in plain decimal",
            hint="write it like 42 or 0.5 (YAML reads 010 as octal 8 and 1:30 as 90)",
        )
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        raise origin.error(f"the YAML tag {node.tag!r} is not allowed in a config file") from None
    except (ValueError, OverflowError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0]
        raise origin.error(f"cannot read value {node.value[:40]!r}: {reason}") from None


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class _Rule:
    """What one setting accepts beyond its type."""

    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] | None = None
    low_open: bool = False  # low itself not allowed (ratio > 0)


_RULES: dict[str, _Rule] = {
    "summary.algorithm": _Rule(choices=ALGORITHMS),
    "summary.sentences": _Rule(1, 1000),
    "summary.ratio": _Rule(0, 1, low_open=True),
    "summary.words": _Rule(1, 100_000),
    "summary.max_input_sentences": _Rule(10, 100_000),
    "digest.words": _Rule(10, 100_000),
    "quotes.max": _Rule(0, 1000),
    "quotes.min_words": _Rule(1, 1000),
    "brief.max_words": _Rule(50, 100_000),
    "brief.bottom_line_sentences": _Rule(0, 20),
    "brief.developments": _Rule(0, 100),
    "brief.quotes": _Rule(0, 100),
    "ingest.max_file_bytes": _Rule(1_000, 2_000_000_000),
    "ingest.max_article_words": _Rule(100, 10_000_000),
    "ingest.max_sentence_chars": _Rule(100, 1_000_000),
    "ingest.max_feed_entries": _Rule(1, 1_000_000),
    "ingest.max_html_depth": _Rule(10, 250),
    "ingest.max_files": _Rule(1, 10_000_000),
    "ingest.url_timeout": _Rule(0, 600, low_open=True),
    "ingest.max_url_bytes": _Rule(1_000, 2_000_000_000),
    "cache.workers": _Rule(0, 256),
    "ui.theme": _Rule(choices=THEMES),
}
_LENGTH_KEYS = ("sentences", "ratio", "words")
_SECTION_CLASSES: dict[str, type] = {
    f.name: typing.get_type_hints(Settings)[f.name]
    for f in fields(Settings)
    if is_dataclass(typing.get_type_hints(Settings)[f.name])
}
_TOP_KEYS = (*_SECTION_CLASSES, "keymap")
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_+\-]+(?:,[A-Za-z0-9_+\-]+)*$")  # "ctrl+s", "question_mark,f1"
_BINDING_PATTERN = re.compile(r"^[a-z][a-z0-9_.\-]*$")  # Textual binding ids: "quit", "new-brief"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _all_dotted_keys() -> list[str]:
    return [f"{name}.{f.name}" for name, cls in _SECTION_CLASSES.items() for f in fields(cls)]


def _suggest(key: str, options: list[str] | tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(key, list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def _describe(node: yaml.Node, value: Any) -> str:
    """How a refused value is shown: as written, with what YAML made of it when that surprises."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{node.value}, which YAML reads as the boolean {str(value).lower()}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    return node.value


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return annotation, False


class _Validator:
    """Turns one YAML document (or an overrides dict) into per-section updates."""

    def __init__(self, display: str, base_dir: Path | None, shipped: bool = False) -> None:
        self.display = display
        self.base_dir = base_dir
        self.shipped = shipped  # the defaults file: its profile may be installed later by its owner
        self.origins: dict[str, _Origin] = {}  # where each section setting was written
        self.updates: dict[str, dict[str, Any]] = {}

    # -- document level ---------------------------------------------------

    def document(self, root: yaml.Node | None, blank: bool = True) -> dict[str, dict[str, Any]]:
        if root is None:
            raise ConfigError(
                "contains no settings (the file is empty)" if blank else "contains no settings, only comments",
                self.display,
                hint="write a mapping such as 'summary:' / '  sentences: 5', or delete the file to use the defaults",
            )
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else f"a single value ({root.value[:40]!r})"
            raise _Origin.of(self.display, root).error(
                f"the top level must be a mapping of sections (summary:, brief:, ...), got {kind}",
                hint="see config/default.yaml for the layout",
            )
        updates: dict[str, dict[str, Any]] = {}
        for key, key_node, value_node in self._pairs(root, ""):
            if key == "keymap":
                updates["keymap"] = {"keymap": self._keymap(value_node)}
            elif key in _SECTION_CLASSES:
                updates[key] = self._section(key, value_node)
            else:
                raise self._unknown(key, key_node, "", list(_TOP_KEYS))
        return updates

    def _pairs(self, node: yaml.MappingNode, prefix: str) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            origin = _Origin.of(self.display, key_node)
            key = _scalar_value(key_node, origin) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise origin.error(f"setting names must be text, got {_describe(key_node, key)}")
            if key in seen:
                raise origin.error(
                    f"duplicate key {prefix}{key} (first set on line {seen[key]})",
                    hint="YAML keeps only the last one; remove one of them",
                )
            seen[key] = origin.line or 0
            yield key, key_node, value_node

    def _unknown(self, key: str, node: yaml.Node, prefix: str, options: list[str]) -> ConfigError:
        hint = _suggest(key, options)
        if hint is None:
            elsewhere = [d for d in _all_dotted_keys() if d.split(".")[1] == key]
            if elsewhere:
                hint = f"did you mean {elsewhere[0]!r}?"
        return _Origin.of(self.display, node).error(
            f"unknown setting {prefix}{key}", hint=hint or f"known here: {', '.join(options)}"
        )

    def _section(self, name: str, node: yaml.Node) -> dict[str, Any]:
        origin = _Origin.of(self.display, node)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return {}
        if not isinstance(node, yaml.MappingNode):
            raw = _scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
            raise origin.error(f"{name} must be a mapping of settings, got {_describe(node, raw)}")
        hints = typing.get_type_hints(_SECTION_CLASSES[name])
        known = [f.name for f in fields(_SECTION_CLASSES[name])]
        values: dict[str, Any] = {}
        for key, key_node, value_node in self._pairs(node, f"{name}."):
            if key not in known:
                raise self._unknown(key, key_node, f"{name}.", known)
            values[key] = self.value(f"{name}.{key}", hints[key], value_node)
            self.origins[f"{name}.{key}"] = _Origin.of(self.display, value_node)
        if name == "summary":
            self._one_length(values, node)
        return values

    def _one_length(self, values: dict[str, Any], node: yaml.MappingNode) -> None:
        given = [k for k in _LENGTH_KEYS if values.get(k) is not None]
        if len(given) > 1:
            key_node = next(n for n, _ in node.value if n.value == given[1])
            raise _Origin.of(self.display, key_node).error(
                f"summary.{given[0]} and summary.{given[1]} are both set; a summary length is one of "
                "sentences, ratio or words",
                hint="keep only one of them",
            )

    def _keymap(self, node: yaml.Node) -> dict[str, str]:
        origin = _Origin.of(self.display, node)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return {}
        if not isinstance(node, yaml.MappingNode):
            raw = _scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
            raise origin.error(f"keymap must be a mapping of action -> key, got {_describe(node, raw)}")
        keymap: dict[str, str] = {}
        for action, action_node, key_node in self._pairs(node, "keymap."):
            if not _BINDING_PATTERN.match(action):
                raise _Origin.of(self.display, action_node).error(
                    f"keymap action names are lower-case identifiers, got {action!r}"
                )
            key = self.value(f"keymap.{action}", str, key_node)
            if not _KEY_PATTERN.match(key) or len(key) > 40:
                raise _Origin.of(self.display, key_node).error(
                    f"keymap.{action} must be a key such as 'j', 'ctrl+s' or 'f1,question_mark', got {key!r}"
                )
            keymap[action] = key
        return keymap

    # -- values -----------------------------------------------------------

    def value(self, dotted: str, annotation: Any, node: yaml.Node) -> Any:
        origin = _Origin.of(self.display, node)
        inner, optional = _unwrap_optional(annotation)
        raw = _scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(node, yaml.ScalarNode) and raw is None:
            if optional:
                return None
            raise origin.error(f"{dotted} must be {_expected(dotted, inner)}, got nothing (null)")
        if typing.get_origin(inner) is tuple:
            if not isinstance(node, yaml.SequenceNode):
                raise origin.error(f"{dotted} must be a list, got {_describe(node, raw)}")
            return self._sequence(dotted, typing.get_args(inner)[0], node, origin)
        if not isinstance(node, yaml.ScalarNode):
            raise origin.error(f"{dotted} must be {_expected(dotted, inner)}, got {_describe(node, None)}")
        checked = _typed(dotted, inner, raw, node, origin)
        return self._special(dotted, checked, origin)

    def _sequence(self, dotted: str, item_type: Any, node: yaml.SequenceNode, origin: _Origin) -> tuple[Any, ...]:
        if item_type is SectionSettings:
            return self._sections(dotted, node, origin)
        items = tuple(self.value(f"{dotted}[{i}]", item_type, item) for i, item in enumerate(node.value))
        if item_type is str and any(not s.strip() for s in items):
            raise origin.error(f"{dotted} must not contain empty entries")
        return items

    def _sections(self, dotted: str, node: yaml.SequenceNode, origin: _Origin) -> tuple[SectionSettings, ...]:
        sections: list[SectionSettings] = []
        seen: set[str] = set()
        for i, item in enumerate(node.value):
            where = _Origin.of(self.display, item)
            if not isinstance(item, yaml.MappingNode):
                raise where.error(f"{dotted}[{i}] must be a mapping with id and heading, got {_describe(item, None)}")
            values: dict[str, str] = {}
            for key, key_node, value_node in self._pairs(item, f"{dotted}[{i}]."):
                if key not in ("id", "heading"):
                    raise self._unknown(key, key_node, f"{dotted}[{i}].", ["id", "heading"])
                values[key] = self.value(f"{dotted}[{i}].{key}", str, value_node)
            missing = [k for k in ("id", "heading") if k not in values]
            if missing:
                raise where.error(f"{dotted}[{i}] is missing {' and '.join(missing)}")
            if values["id"] not in SECTION_IDS:
                raise where.error(
                    f"{dotted}[{i}].id must be one of {', '.join(SECTION_IDS)}, got {values['id']!r}",
                    hint=_suggest(values["id"], SECTION_IDS),
                )
            if values["id"] in seen:
                raise where.error(f"{dotted}[{i}].id {values['id']!r} appears twice")
            seen.add(values["id"])
            sections.append(SectionSettings(values["id"], values["heading"]))
        if not sections:
            raise origin.error(f"{dotted} must list at least one section")
        return tuple(sections)

    def _special(self, dotted: str, value: Any, origin: _Origin) -> Any:
        """Checks that need more than a type and a range."""
        if dotted == "summary.language":
            import punkt

            languages = sorted(punkt.available_languages())
            if value not in languages:
                raise origin.error(
                    f"summary.language {value!r} has no sentence model",
                    hint=_suggest(value, languages) or f"available: {', '.join(languages)}",
                )
        elif dotted == "conflict.profile" and not self.shipped:
            return self._profile(value, origin)
        return value

    def _profile(self, value: str, origin: _Origin) -> str:
        """A shipped profile name (or "auto") stays a name; a path is resolved against the config file's folder."""
        if value == "auto":
            return value  # a shipped profile, chosen per article set by what the articles are about
        if "/" not in value and "\\" not in value and not value.endswith((".yaml", ".yml")):
            names = shipped_profiles()
            if value not in names:
                raise origin.error(
                    f"conflict.profile {value!r} is not a shipped profile",
                    hint=_suggest(value, [*names, "auto"]) or f"shipped: {', '.join(names) or 'none'}; auto; or give a path to a YAML file",
                )
            return value
        path = Path(value).expanduser()
        if not path.is_absolute() and self.base_dir is not None:
            path = self.base_dir / path
        if not path.is_file():
            raise origin.error(f"conflict.profile file {value!r} does not exist", hint=f"looked for {path.resolve()}")
        return str(path.resolve())


def _expected(dotted: str, annotation: Any) -> str:
    rule = _RULES.get(dotted, _Rule())
    if rule.choices:
        return f"one of {', '.join(rule.choices)}"
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "a positive integer" if (rule.low or 0) >= 1 else "a whole number"
    if annotation is float:
        return "a number"
    if typing.get_origin(annotation) is tuple:
        return "a list"
    return "text"


def _typed(dotted: str, annotation: Any, raw: Any, node: yaml.ScalarNode, origin: _Origin) -> Any:
    """`raw` checked against the field's type and rule; YAML 1.1 surprises refused."""
    expected = _expected(dotted, annotation)
    quote_hint = f'put it in quotes ("{node.value}") if you mean the text' if annotation is str else None
    bad = origin.error(f"{dotted} must be {expected}, got {_describe(node, raw)}", hint=quote_hint)
    if annotation is bool:
        if not isinstance(raw, bool):
            raise bad
        if node.value.lower() not in ("true", "false"):
            raise origin.error(f"{dotted} must be true or false, got {node.value!r}", hint="write true or false")
        return raw
    if isinstance(raw, bool):
        raise bad
    if annotation is int:
        if not isinstance(raw, int):
            raise bad
        return _in_range(dotted, raw, origin, expected)
    if annotation is float:
        if not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise bad
        return _in_range(dotted, float(raw), origin, expected)
    if not isinstance(raw, str):
        raise bad
    rule = _RULES.get(dotted)
    if rule and rule.choices and raw not in rule.choices:
        raise origin.error(f"{dotted} must be {expected}, got {raw!r}", hint=_suggest(raw, rule.choices))
    if _CONTROL.search(raw):
        raise origin.error(f"{dotted} contains control or direction-override characters", hint="remove them")
    if not raw.strip() and dotted != "brief.output_dir":
        raise origin.error(f"{dotted} must not be empty")
    return raw


def _in_range(dotted: str, value: float, origin: _Origin, expected: str) -> Any:
    rule = _RULES.get(dotted)
    if rule is None:
        return value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    too_low = rule.low is not None and (value <= rule.low if rule.low_open else value < rule.low)
    if too_low and expected == "a positive integer" and value < 1:
        raise origin.error(f"{dotted} must be a positive integer, got {shown}")
    if too_low or (rule.high is not None and value > rule.high):
        low = f"more than {rule.low:g}" if rule.low_open else f"at least {rule.low:g}"
        raise origin.error(f"{dotted} must be {low} and at most {rule.high:g}, got {shown}")
    return value


# --------------------------------------------------------------------------- lookup and merging


def user_config_path() -> Path:
    """$XDG_CONFIG_HOME/briefing/config.yaml (platformdirs' answer on other systems)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "config.yaml"


def find_config(path: str | Path | None = None) -> Path | None:
    """The user file to read: explicit path, $BRIEFING_CONFIG, ./briefing.yaml, the user config dir."""
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    for candidate in (Path(USER_FILE_NAME), user_config_path()):
        if candidate.is_file():
            return candidate
    return None


def default_config_path() -> Path:
    return config_dir() / "default.yaml"


def _read_updates(path: Path, display: str, shipped: bool = False) -> _Validator:
    """The validated contents of one file (`.updates`) and where each value was written."""
    text = _read_file(path, display)
    root = _compose(text, display)
    validator = _Validator(display, path.parent, shipped)
    validator.updates = validator.document(root, blank=not text.strip())
    return validator


def _checked_length(settings: Settings, layer: _Validator) -> Settings:
    """After a layer is merged a summary length must remain: `sentences: null` alone would leave none."""
    summary = settings.summary
    if any(getattr(summary, k) is not None for k in _LENGTH_KEYS):
        return settings
    origin = next(
        (layer.origins[f"summary.{k}"] for k in _LENGTH_KEYS if f"summary.{k}" in layer.origins),
        _Origin(layer.display),
    )
    raise origin.error(
        "no summary length is left: set one of summary.sentences, summary.ratio or summary.words",
        hint="for example 'sentences: 3'",
    )


def _apply(settings: Settings, updates: Mapping[str, Mapping[str, Any]]) -> Settings:
    changes: dict[str, Any] = {}
    for section, values in updates.items():
        if section == "keymap":
            changes["keymap"] = {**settings.keymap, **values["keymap"]}
            continue
        current = changes.get(section, getattr(settings, section))
        if section == "summary" and any(values.get(k) is not None for k in _LENGTH_KEYS):
            # a length given here replaces the one below, whichever kind it was
            current = replace(current, **{k: None for k in _LENGTH_KEYS})
        changes[section] = replace(current, **values)
    return replace(settings, **changes)


def _override_updates(overrides: Mapping[str, Any]) -> _Validator:
    """Command-line overrides ({"summary.sentences": 5} or nested) validated like a file."""
    flat: dict[str, Any] = {}
    for key, value in overrides.items():
        if isinstance(value, Mapping) and key in _SECTION_CLASSES:
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        elif value is not None:
            flat[key] = value
    document: dict[str, dict[str, Any]] = {}
    for dotted, value in flat.items():
        section, _, name = dotted.partition(".")
        document.setdefault(section, {})[name] = value
    text = yaml.safe_dump(document, allow_unicode=True)
    validator = _Validator("command line", Path.cwd())
    try:
        validator.updates = validator.document(_compose(text, "command line"))
        return validator
    except ConfigError as exc:  # positions inside a generated document mean nothing to the user
        raise ConfigError(exc.message, "command line", hint=exc.hint) from None


def load_settings(path: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> Settings:
    """Defaults, then the user file found by `find_config(path)`, then `overrides`.

    Raises ConfigError (naming file, line and column) for anything unusable.
    """
    defaults_file = default_config_path()
    layers = [_read_updates(defaults_file, str(defaults_file), shipped=True)]
    user_file = find_config(path)
    if user_file is not None:
        layers.append(_read_updates(user_file, str(user_file)))
    if overrides:
        layers.append(_override_updates(overrides))
    settings = Settings()
    for layer in layers:
        settings = _checked_length(_apply(settings, layer.updates), layer)
    return replace(settings, source=user_file)
