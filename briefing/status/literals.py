"""One regex for a long list of literal names (countries, demonyms, profile aliases).

An alternation sorted longest first ("United Kingdom|United States|Uganda|...") is
tried name by name at every position where it may start; the same names as a trie
("U(?:ganda|nited (?:Kingdom|States))") read each character once. For literal
strings the two match the same text: the names that match at one position are all
prefixes of the text there, so of one another, and the trie tries the longer
continuation before stopping (a greedy "?"), exactly the longest-first order.
Case-sensitive only: under IGNORECASE two branches could match the same character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def literal_trie(words: Iterable[str]) -> str:
    """A non-capturing group matching any of `words` as written, longest first (see above)."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie) + ")"  # no words: matches the empty string, as "(?:)" would
