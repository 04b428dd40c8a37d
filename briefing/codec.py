"""Our dataclasses as plain JSON values and back, checked against their type hints.

One codec for everything written to disk: analysis cache entries and brief
drafts. JSON rather than pickle because both live in user-writable folders: a
file can only ever decode to our own dataclasses, never run code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any


def to_json(value: Any) -> Any:
    """Dataclasses, tuples, dicts and dates as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(hint: Any, data: Any) -> Any:
    """Rebuild a value of type `hint` from `to_json` output; TypeError/ValueError if it doesn't fit."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        return _from_union(typing.get_args(hint), data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise TypeError(f"expected an object for {hint.__name__}")
        hints = _hints(hint)
        kwargs = {f.name: from_json(hints[f.name], data[f.name]) for f in dataclasses.fields(hint) if f.name in data}
        return hint(**kwargs)
    if origin is tuple:
        return _from_tuple(typing.get_args(hint), data)
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        if not isinstance(data, dict):
            raise TypeError("expected an object")
        return {from_json(key_type, k): from_json(value_type, v) for k, v in data.items()}
    if origin is list:
        (item,) = typing.get_args(hint)
        return [from_json(item, v) for v in _as_list(data)]
    return _scalar(hint, data)


def _from_union(options: Sequence[Any], data: Any) -> Any:
    if data is None and type(None) in options:
        return None
    for option in options:
        if option is type(None):
            continue
        try:
            return from_json(option, data)
        except (TypeError, ValueError, KeyError):
            continue
    raise TypeError(f"no type of {options} fits {data!r:.40}")


def _from_tuple(args: Sequence[Any], data: Any) -> tuple[Any, ...]:
    items = _as_list(data)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(from_json(args[0], v) for v in items)
    if len(args) != len(items):
        raise TypeError("tuple length differs")
    return tuple(from_json(a, v) for a, v in zip(args, items))


def _as_list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise TypeError("expected a list")
    return data


def _scalar(hint: Any, data: Any) -> Any:
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    if hint is Path:
        return Path(data)
    if hint is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if hint in (str, int, float, bool) and not (type(data) is hint):
        raise TypeError(f"expected {hint.__name__}, got {type(data).__name__}")
    return data
