"""Reading a config file as untrusted YAML: bytes -> text -> nodes that keep their position.

A config file is parsed with a SafeLoader subclass that only composes nodes, so
every refusal can name the file, line and column. What a config file never needs
is refused at the event that starts it: anchors and aliases (an alias bomb only
explodes when code walks the result, which is exactly what validation does),
tags other than the plain ones (`!!python/object/apply:...`), and nesting deeper
than `_MAX_DEPTH` (PyYAML's composer is recursive). Scalars are constructed one at
a time by `scalar_value`, which refuses integers too long to be a setting and
numbers YAML 1.1 would read surprisingly (010 is 8, 1:30 is 90).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_CONFIG_BYTES = 1_000_000
_MAX_INT_DIGITS = 18
#: Characters never echoed from a config (file names, keys, values): C0/C1 controls and bidi overrides.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# PyYAML's safe loader in C when the wheel has libyaml (it does on the usual platforms):
# the same documents, the same errors, and the lexicons a run reads parse ten times faster.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: Any) -> Any:
    """`yaml.safe_load`, in C when available: for the shipped lexicons and the conflict profiles."""
    return yaml.load(stream, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, see above


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
        return CONTROL_CHARACTERS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Origin:
    """Where a value was written: a file position, or a command-line flag."""

    file: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, file: str, node: yaml.Node) -> Origin:
        return cls(file, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, self.file, self.line, self.column, hint)


# --------------------------------------------------------------------------- YAML reading


_MAX_DEPTH = 50  # the deepest setting (brief.sections[i].id) is 4 levels down
_TAG = "tag:yaml.org,2002:"
#: Explicit tags a config file may carry ("!!str 0123"); any other tag, on a value or a
#: whole section, is refused by name rather than read as the list or mapping it tags.
_ALLOWED_TAGS: dict[type[yaml.Event], frozenset[str]] = {
    yaml.ScalarEvent: frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null")),
    yaml.SequenceStartEvent: frozenset({_TAG + "seq"}),
    yaml.MappingStartEvent: frozenset({_TAG + "map"}),
}


class _Loader(yaml.SafeLoader):
    """SafeLoader that only composes nodes, refusing what a config file never needs.

    Anchors and aliases, tags other than the plain ones, and nesting deeper than
    `_MAX_DEPTH` are refused at the event that starts them, so the error has a
    position and PyYAML's recursive composer never gets deep enough to overflow.
    Values are constructed one scalar at a time by the validator, which knows
    each node's mark, rather than by `construct_document`.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _NodeRefused(event.start_mark, "anchors and aliases (&name, *name) are not allowed in a config file")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS.get(type(event), ()):
            raise _NodeRefused(
                event.start_mark,
                f"the YAML tag {tag!r} is not allowed in a config file",
                "plain values need no tag; allowed: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map",
            )
        nested = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        self.depth += nested
        try:
            if self.depth > _MAX_DEPTH:
                raise _NodeRefused(
                    event.start_mark,
                    f"a value is nested too deeply to be a config file (more than {_MAX_DEPTH} levels of lists or "
                    "mappings)",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= nested


class _NodeRefused(Exception):
    def __init__(self, mark: yaml.Mark, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.hint = hint


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


def read_config_text(path: Path, display: str) -> str:
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


def compose(text: str, display: str) -> yaml.Node | None:
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        return loader.get_single_node()
    except _NodeRefused as exc:
        raise ConfigError(exc.message, display, exc.mark.line + 1, exc.mark.column + 1, exc.hint) from None
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


def scalar_value(node: yaml.ScalarNode, origin: Origin) -> Any:
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
