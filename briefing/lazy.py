"""Package faces that name what a package offers without importing it.

Each product package (`summary`, `digest`, `quotes`, `status`, ...) lists its
public functions in its `__init__.py`, so a reader finds them by folder name,
and `from briefing.quotes import extract_quotes` works. Importing a package must
stay cheap, though: the TUI imports `briefing.nlp` before its first screen, and
the analysis modules pull in NLTK, sumy and numpy. So a face resolves each name
on first access (PEP 562) from the module that defines it, and caches it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(
    package: str, offers: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`, whose `offers` map a public name to
    the submodule (relative to the package) that defines it."""

    def __getattr__(name: str) -> object:
        module = offers.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(offers)

    return __getattr__, __dir__
