"""Configuration: how YAML files and command-line overrides become a `Settings`.

The settings themselves (fields, defaults, ranges, docs) are declared once in
`briefing.settings` and re-exported here, so `from briefing.config import
SummarySettings` keeps working. This module only reads: `load_settings` takes
the shipped defaults, then at most one user file found by the lookup order,
then command-line overrides; each layer is partial and merged over the one
before, and every value is checked against its field's type and `Rule`.

A config file is untrusted input, read by `briefing.config_yaml` into nodes that
keep their position, so each refusal names the file, line and column:
`briefing.yaml:4:14: summary.sentences must be a positive integer, got -3`.
Duplicate keys are reported instead of silently keeping the last, and YAML 1.1
booleans (`no`, `on`) are not accepted where text or a number is meant.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import yaml

from briefing.config_yaml import (
    CONTROL_CHARACTERS,
    MAX_CONFIG_BYTES,
    ConfigError,
    Origin,
    compose,
    read_config_text,
    scalar_value,
)
from briefing.config_sources import read_sources
from briefing.settings import (
    ALGORITHMS,
    DEFAULT_SECTIONS,
    LENGTH_KEYS,
    QUIT_ANYWHERE,
    SECTION_CLASSES,
    SECTION_IDS,
    THEMES,
    BriefSettings,
    CacheSettings,
    ConflictSettings,
    DigestSettings,
    IngestSettings,
    QuoteSettings,
    Rule,
    SectionSettings,
    Settings,
    SourceSettings,
    SummarySettings,
    UiSettings,
    rule_of,
    unwrap_optional,
)

__all__ = [
    "ALGORITHMS", "DEFAULT_SECTIONS", "ENV_VAR", "MAX_CONFIG_BYTES", "QUIT_ANYWHERE", "SECTION_IDS", "THEMES",
    "USER_FILE_NAME", "BriefSettings", "CacheSettings", "ConfigError", "ConflictSettings", "DigestSettings",
    "IngestSettings", "QuoteSettings", "SectionSettings", "Settings", "SourceSettings", "SummarySettings", "UiSettings",
    "config_dir", "default_config_path", "find_config", "load_settings", "seeds_dir", "shipped_profiles",
    "user_config_path",
]  # fmt: skip

USER_FILE_NAME = "briefing.yaml"
ENV_VAR = "BRIEFING_CONFIG"


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


# --------------------------------------------------------------------------- schema


_NO_RULE = Rule("")
#: A section entry's keys -> the ids it may take (SectionSettings' declaration).
_SECTION_KEYS: dict[str, tuple[str, ...]] = {
    f.name: (rule_of(f) or _NO_RULE).choices or () for f in fields(SectionSettings)
}
_TOP_KEYS = (*SECTION_CLASSES, "sources", "keymap")
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_+\-]+(?:,[A-Za-z0-9_+\-]+)*$")  # "ctrl+s", "question_mark,f1"
_BINDING_PATTERN = re.compile(r"^[a-z][a-z0-9_.\-]*$")  # Textual binding ids: "quit", "new-brief"
_UNTYPED_MODIFIERS = frozenset({"ctrl", "alt", "meta", "super", "hyper"})
_FUNCTION_KEY = re.compile(r"^f(?:[1-9]|1[0-9]|2[0-4])$")
#: Control keys that terminals send for tab, enter, newline, backspace and escape.
_EDITING_CONTROL_KEYS = frozenset({"ctrl+i", "ctrl+m", "ctrl+j", "ctrl+h", "ctrl+left_square_brace"})


def _check_quit_anywhere(keys: str, origin: Origin) -> None:
    """quit-now sees every key before a text field does: a key that types or edits text would
    quit instead, and with no other key left nothing would quit while typing (the footer then
    shows no Quit at all). Refused at its line rather than silently keeping ctrl+q beside it."""
    for key in keys.split(","):
        *modifiers, base = key.lower().split("+")
        untyped = bool(_UNTYPED_MODIFIERS.intersection(modifiers)) or bool(_FUNCTION_KEY.match(base))
        if not untyped or key.lower() in _EDITING_CONTROL_KEYS:
            raise origin.error(
                f"keymap.{QUIT_ANYWHERE} quits from anywhere, even while typing: {key!r} is typed as text or "
                "used for editing, so it would quit instead",
                hint=f"give {QUIT_ANYWHERE} a key such as ctrl+q, ctrl+w, alt+x or f10; a plain key can go to "
                "quit, which works outside text fields",
            )


def _all_dotted_keys() -> list[str]:
    return [f"{name}.{f.name}" for name, cls in SECTION_CLASSES.items() for f in fields(cls)]


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
    return str(node.value)



class _Validator:
    """Turns one YAML document (or an overrides dict) into per-section updates."""

    def __init__(self, display: str, base_dir: Path | None, shipped: bool = False) -> None:
        self.display = display
        self.base_dir = base_dir
        self.shipped = shipped  # the defaults file: its profile may be installed later by its owner
        self.origins: dict[str, Origin] = {}  # where each section setting was written
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
            raise Origin.of(self.display, root).error(
                f"the top level must be a mapping of sections (summary:, brief:, ...), got {kind}",
                hint="see config/default.yaml for the layout",
            )
        updates: dict[str, dict[str, Any]] = {}
        for key, key_node, value_node in self._pairs(root, ""):
            if key == "keymap":
                updates["keymap"] = {"keymap": self._keymap(value_node)}
            elif key == "sources":
                updates["sources"] = {"sources": read_sources(self, value_node)}
            elif key in SECTION_CLASSES:
                updates[key] = self._section(key, value_node)
            else:
                raise self._unknown(key, key_node, "", list(_TOP_KEYS))
        return updates

    def _pairs(self, node: yaml.MappingNode, prefix: str) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            origin = Origin.of(self.display, key_node)
            key = scalar_value(key_node, origin) if isinstance(key_node, yaml.ScalarNode) else None
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
        return Origin.of(self.display, node).error(
            f"unknown setting {prefix}{key}", hint=hint or f"known here: {', '.join(options)}"
        )

    def _section(self, name: str, node: yaml.Node) -> dict[str, Any]:
        origin = Origin.of(self.display, node)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return {}
        if not isinstance(node, yaml.MappingNode):
            raw = scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
            raise origin.error(f"{name} must be a mapping of settings, got {_describe(node, raw)}")
        hints = typing.get_type_hints(SECTION_CLASSES[name])
        rules = {f.name: rule_of(f) or _NO_RULE for f in fields(SECTION_CLASSES[name])}
        values: dict[str, Any] = {}
        for key, key_node, value_node in self._pairs(node, f"{name}."):
            if key not in rules:
                raise self._unknown(key, key_node, f"{name}.", list(rules))
            values[key] = self.value(f"{name}.{key}", hints[key], value_node, rules[key])
            self.origins[f"{name}.{key}"] = Origin.of(self.display, value_node)
        if name == "summary":
            self._one_length(values, node)
        return values

    def _one_length(self, values: dict[str, Any], node: yaml.MappingNode) -> None:
        given = [k for k in LENGTH_KEYS if values.get(k) is not None]
        if len(given) > 1:
            key_node = next(n for n, _ in node.value if n.value == given[1])
            raise Origin.of(self.display, key_node).error(
                f"summary.{given[0]} and summary.{given[1]} are both set; a summary length is one of "
                "sentences, ratio or words",
                hint="keep only one of them",
            )

    def _keymap(self, node: yaml.Node) -> dict[str, str]:
        origin = Origin.of(self.display, node)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return {}
        if not isinstance(node, yaml.MappingNode):
            raw = scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
            raise origin.error(f"keymap must be a mapping of action -> key, got {_describe(node, raw)}")
        keymap: dict[str, str] = {}
        for action, action_node, key_node in self._pairs(node, "keymap."):
            if not _BINDING_PATTERN.match(action):
                raise Origin.of(self.display, action_node).error(
                    f"keymap action names are lower-case identifiers, got {action!r}"
                )
            key = self.value(f"keymap.{action}", str, key_node)
            if not _KEY_PATTERN.match(key) or len(key) > 40:
                raise Origin.of(self.display, key_node).error(
                    f"keymap.{action} must be a key such as 'j', 'ctrl+s' or 'f1,question_mark', got {key!r}"
                )
            if action == QUIT_ANYWHERE:
                _check_quit_anywhere(key, Origin.of(self.display, key_node))
            keymap[action] = key
        return keymap

    # -- values -----------------------------------------------------------

    def value(self, dotted: str, annotation: Any, node: yaml.Node, rule: Rule = _NO_RULE) -> Any:
        """One value checked against its field's type and declared rule."""
        origin = Origin.of(self.display, node)
        inner, optional = unwrap_optional(annotation)
        raw = scalar_value(node, origin) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(node, yaml.ScalarNode) and raw is None:
            if optional:
                return None
            raise origin.error(f"{dotted} must be {_expected(rule, inner)}, got nothing (null)")
        if typing.get_origin(inner) is tuple:
            if not isinstance(node, yaml.SequenceNode):
                raise origin.error(f"{dotted} must be a list, got {_describe(node, raw)}")
            return self._sequence(dotted, typing.get_args(inner)[0], node, origin)
        if not isinstance(node, yaml.ScalarNode):
            raise origin.error(f"{dotted} must be {_expected(rule, inner)}, got {_describe(node, None)}")
        checked = _typed(dotted, inner, raw, node, origin, rule)
        return self._special(dotted, checked, origin)

    def _sequence(self, dotted: str, item_type: Any, node: yaml.SequenceNode, origin: Origin) -> tuple[Any, ...]:
        if item_type is SectionSettings:
            return self._sections(dotted, node, origin)
        items = tuple(self.value(f"{dotted}[{i}]", item_type, item) for i, item in enumerate(node.value))
        if item_type is str and any(not s.strip() for s in items):
            raise origin.error(f"{dotted} must not contain empty entries")
        return items

    def _sections(self, dotted: str, node: yaml.SequenceNode, origin: Origin) -> tuple[SectionSettings, ...]:
        sections: list[SectionSettings] = []
        seen: set[str] = set()
        for i, item in enumerate(node.value):
            where = Origin.of(self.display, item)
            if not isinstance(item, yaml.MappingNode):
                raise where.error(f"{dotted}[{i}] must be a mapping with id and heading, got {_describe(item, None)}")
            values: dict[str, str] = {}
            for key, key_node, value_node in self._pairs(item, f"{dotted}[{i}]."):
                if key not in _SECTION_KEYS:
                    raise self._unknown(key, key_node, f"{dotted}[{i}].", list(_SECTION_KEYS))
                values[key] = self.value(f"{dotted}[{i}].{key}", str, value_node)
            missing = [k for k in _SECTION_KEYS if k not in values]
            if missing:
                raise where.error(f"{dotted}[{i}] is missing {' and '.join(missing)}")
            if values["id"] not in _SECTION_KEYS["id"]:
                raise where.error(  # at the item, not the id: the item is what is wrong in the list
                    f"{dotted}[{i}].id must be one of {', '.join(_SECTION_KEYS['id'])}, got {values['id']!r}",
                    hint=_suggest(values["id"], _SECTION_KEYS["id"]),
                )
            if values["id"] in seen:
                raise where.error(f"{dotted}[{i}].id {values['id']!r} appears twice")
            seen.add(values["id"])
            sections.append(SectionSettings(values["id"], values["heading"]))
        if not sections:
            raise origin.error(f"{dotted} must list at least one section")
        return tuple(sections)

    def _special(self, dotted: str, value: Any, origin: Origin) -> Any:
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

    def _profile(self, value: str, origin: Origin) -> str:
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


def _expected(rule: Rule, annotation: Any) -> str:
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


def _typed(dotted: str, annotation: Any, raw: Any, node: yaml.ScalarNode, origin: Origin, rule: Rule) -> Any:
    """`raw` checked against the field's type and rule; YAML 1.1 surprises refused."""
    expected = _expected(rule, annotation)
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
        return _in_range(dotted, raw, origin, expected, rule)
    if annotation is float:
        if not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise bad
        return _in_range(dotted, float(raw), origin, expected, rule)
    if not isinstance(raw, str):
        raise bad
    if rule.choices and raw not in rule.choices:
        raise origin.error(f"{dotted} must be {expected}, got {raw!r}", hint=_suggest(raw, rule.choices))
    if CONTROL_CHARACTERS.search(raw):
        raise origin.error(f"{dotted} contains control or direction-override characters", hint="remove them")
    if not raw.strip() and not rule.empty_ok:
        raise origin.error(f"{dotted} must not be empty")
    return raw


def _in_range(dotted: str, value: float, origin: Origin, expected: str, rule: Rule) -> Any:
    if rule.low is None and rule.high is None:
        return value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    too_low = rule.low is not None and (value <= rule.low if rule.low_open else value < rule.low)
    if too_low and expected == "a positive integer" and value < 1:
        raise origin.error(f"{dotted} must be a positive integer, got {shown}")
    if too_low or (rule.high is not None and value > rule.high):
        low = f"more than {_bound(rule.low)}" if rule.low_open else f"at least {_bound(rule.low)}"
        raise origin.error(f"{dotted} must be {low} and at most {_bound(rule.high)}, got {shown}")
    return value


def _bound(value: float | None) -> str:
    """A declared bound as written: 2000000000, not 2e+09."""
    return str(int(value)) if value is not None and value == int(value) else f"{value:g}"


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
    text = read_config_text(path, display)
    root = compose(text, display)
    validator = _Validator(display, path.parent, shipped)
    validator.updates = validator.document(root, blank=not text.strip())
    return validator


def _checked_length(settings: Settings, layer: _Validator) -> Settings:
    """After a layer is merged a summary length must remain: `sentences: null` alone would leave none."""
    summary = settings.summary
    if any(getattr(summary, k) is not None for k in LENGTH_KEYS):
        return settings
    origin = next(
        (layer.origins[f"summary.{k}"] for k in LENGTH_KEYS if f"summary.{k}" in layer.origins),
        Origin(layer.display),
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
        if section == "sources":  # a list: the user's replaces the one below
            changes["sources"] = values["sources"]
            continue
        current = changes.get(section, getattr(settings, section))
        if section == "summary" and any(values.get(k) is not None for k in LENGTH_KEYS):
            # a length given here replaces the one below, whichever kind it was
            current = replace(current, **{k: None for k in LENGTH_KEYS})
        changes[section] = replace(current, **values)
    return replace(settings, **changes)


def _override_updates(overrides: Mapping[str, Any]) -> _Validator:
    """Command-line overrides ({"summary.sentences": 5} or nested) validated like a file."""
    flat: dict[str, Any] = {}
    for key, value in overrides.items():
        if isinstance(value, Mapping) and key in SECTION_CLASSES:
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
        validator.updates = validator.document(compose(text, "command line"))
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
