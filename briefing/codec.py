"""Our dataclasses as plain JSON values and back, checked against their type hints.

One codec for everything written to disk: analysis cache entries and brief
drafts. JSON rather than pickle because both live in user-writable folders: a
file can only ever decode to our own dataclasses, never run code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Sequence
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
    return _decoder(hint)(data)


Decoder = Callable[[Any], Any]


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Decoder:
    """The function that rebuilds values of type `hint`, made once per type: a warm run reads
    thousands of cache entries, and asking `typing` what each hint is, value by value, was most
    of the time it spent decoding them."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return _same
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(typing.get_args(hint))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if origin is tuple:
        return _tuple_decoder(typing.get_args(hint))
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        return _dict_decoder(_decoder(key_type), _decoder(value_type))
    if origin is list:
        (item,) = typing.get_args(hint)
        return _list_decoder(_decoder(item))
    return functools.partial(_scalar, hint)


def _same(data: Any) -> Any:
    return data


def _dataclass_decoder(cls: type) -> Decoder:
    fields: list[tuple[str, Decoder]] = []  # filled on first use: a dataclass may hold its own type

    def decode(data: Any) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"expected an object for {cls.__name__}")
        if not fields:
            hints = _hints(cls)
            fields.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{name: decode_field(data[name]) for name, decode_field in fields if name in data})

    return decode


def _union_decoder(options: Sequence[Any]) -> Decoder:
    nullable = type(None) in options
    decoders = [_decoder(option) for option in options if option is not type(None)]

    def decode(data: Any) -> Any:
        if data is None and nullable:
            return None
        for decode_option in decoders:
            try:
                return decode_option(data)
            except (TypeError, ValueError, KeyError):
                continue
        raise TypeError(f"no type of {options} fits {data!r:.40}")

    return decode


def _tuple_decoder(args: Sequence[Any]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(map(item, _as_list(data)))
    decoders = [_decoder(a) for a in args]

    def decode(data: Any) -> tuple[Any, ...]:
        items = _as_list(data)
        if len(decoders) != len(items):
            raise TypeError("tuple length differs")
        return tuple(d(v) for d, v in zip(decoders, items))

    return decode


def _dict_decoder(key: Decoder, value: Decoder) -> Decoder:
    def decode(data: Any) -> dict[Any, Any]:
        if not isinstance(data, dict):
            raise TypeError("expected an object")
        return {key(k): value(v) for k, v in data.items()}

    return decode


def _list_decoder(item: Decoder) -> Decoder:
    return lambda data: [item(v) for v in _as_list(data)]


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
