"""Reading `sources:` from a config file: addresses and folders, each checked where it is written.

`briefing fetch` goes to every address a config lists, unattended, from cron:
an entry that could not work (an ftp: address, a `file:` URL, a typo'd key, the
same feed twice) is refused when the file is read, with its line and column,
rather than discovered as a failed source some morning. A folder is not
required to exist yet (a drive may be mounted later); it fails at fetch time,
alone. Kept apart from `briefing.config` so the validator there stays one
concern: it calls `read_sources` for the `sources` key.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, Protocol

import yaml

from briefing.config_yaml import ConfigError, Origin, scalar_value
from briefing.settings import Rule, SourceSettings, rule_of

MAX_LOCATION_CHARS = 2_000
MAX_LABEL_CHARS = 100
_KEYS = tuple(f.name for f in fields(SourceSettings))
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(?://|\S)")
_NO_RULE = Rule("")


class _Reader(Protocol):
    """What `read_sources` needs of the config validator (`briefing.config._Validator`)."""

    display: str
    base_dir: Path | None

    def _pairs(self, node: yaml.MappingNode, prefix: str) -> Iterator[tuple[str, yaml.Node, yaml.Node]]: ...

    def _unknown(self, key: str, node: yaml.Node, prefix: str, options: list[str]) -> ConfigError: ...

    def value(self, dotted: str, annotation: Any, node: yaml.Node, rule: Rule = ...) -> Any: ...


def read_sources(reader: _Reader, node: yaml.Node) -> tuple[SourceSettings, ...]:
    """The `sources:` list: each entry an address or folder, or a mapping {url|path, name, story}."""
    origin = Origin.of(reader.display, node)
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return ()
    if not isinstance(node, yaml.SequenceNode):
        shown = repr(scalar_value(node, origin)) if isinstance(node, yaml.ScalarNode) else "a mapping"
        raise origin.error(
            f"sources must be a list of feed or page addresses and folders, got {shown}",
            hint="write one entry per line, each starting with '- '",
        )
    sources: list[SourceSettings] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node.value):
        where = Origin.of(reader.display, item)
        source = _entry(reader, f"sources[{i}]", item)
        if source.location in seen:
            raise where.error(
                f"sources[{i}] {source.location!r} is listed twice (first on line {seen[source.location]})",
                hint="remove one of them",
            )
        seen[source.location] = where.line or 0
        sources.append(source)
    return tuple(sources)


def _entry(reader: _Reader, dotted: str, node: yaml.Node) -> SourceSettings:
    if isinstance(node, yaml.ScalarNode):
        text = reader.value(dotted, str, node)
        return _located(reader, dotted, text, node, None)
    if not isinstance(node, yaml.MappingNode):
        raise Origin.of(reader.display, node).error(
            f"{dotted} must be an address, a folder or a mapping with url or path, got a list"
        )
    values: dict[str, str | None] = {}
    nodes: dict[str, yaml.Node] = {}
    rules = {f.name: rule_of(f) or _NO_RULE for f in fields(SourceSettings)}
    for key, key_node, value_node in reader._pairs(node, f"{dotted}."):
        if key not in _KEYS:
            raise reader._unknown(key, key_node, f"{dotted}.", list(_KEYS))
        values[key] = reader.value(f"{dotted}.{key}", str | None, value_node, rules[key])
        nodes[key] = value_node
    given = [k for k in ("url", "path") if values.get(k) is not None]
    where = Origin.of(reader.display, node)
    if len(given) != 1:
        said = "both url and path" if given else "neither url nor path"
        raise where.error(f"{dotted} has {said}; an entry reads one place", hint="give url: for an address, path: for a folder")
    for key in ("name", "story"):
        label = values.get(key)
        if label is not None and len(label) > MAX_LABEL_CHARS:
            raise Origin.of(reader.display, nodes[key]).error(
                f"{dotted}.{key} is longer than {MAX_LABEL_CHARS} characters"
            )
    kind = given[0]
    located = _located(reader, f"{dotted}.{kind}", values[kind] or "", nodes[kind], kind)
    return SourceSettings(located.url, located.path, values.get("name"), values.get("story"))


def _located(reader: _Reader, dotted: str, text: str, node: yaml.Node, kind: str | None) -> SourceSettings:
    """An address checked (http or https, with a host) or a folder made absolute."""
    origin = Origin.of(reader.display, node)
    text = text.strip()
    if len(text) > MAX_LOCATION_CHARS:
        raise origin.error(f"{dotted} is longer than {MAX_LOCATION_CHARS:,} characters")
    scheme = _SCHEME.match(text)
    looks_like_url = scheme is not None and len(scheme.group(1)) > 1  # C:\news is a Windows folder
    if kind == "url" or (kind is None and looks_like_url):
        parts = urllib.parse.urlsplit(text)
        if parts.scheme.lower() not in ("http", "https"):
            raise origin.error(
                f"{dotted} must be an http or https address, got {text[:80]!r}",
                hint="fetch reads the web and local folders only; give a folder as path:",
            )
        if not parts.hostname or any(ch.isspace() for ch in text):
            raise origin.error(f"{dotted} is not a usable address: {text[:80]!r}", hint="check it in a browser")
        return SourceSettings(url=text)
    if kind == "path" and looks_like_url:
        raise origin.error(f"{dotted} is an address, not a folder: {text[:80]!r}", hint="write it as url:")
    path = Path(text).expanduser()
    if not path.is_absolute() and reader.base_dir is not None:
        path = reader.base_dir / path
    return SourceSettings(path=str(path.resolve()))
