"""A regex alternation that leaves out, text by text, the alternatives that cannot match there.

Why: an alternative such as `NAME\\s+(?:province|region|...)` is tried by the regex
engine at every capitalised word of a text (Python's engine has no way to skip to
the rare word that ends it), and the place slots ran three such patterns over every
article: 0.76 s of 1.2 s for 1,000 articles. Most texts hold none of the words those
alternatives end with ("Street", "air base", "province"), and an alternative whose
necessary word is absent cannot match anywhere in the text: leaving it out changes no
match (the others keep their order, so at each position the same alternative wins).

Each alternative comes with `needs`: a test that is true of every text the
alternative can match in (a plain substring test for case-sensitive words; a regex
with the alternative's own flags otherwise), or None (always run). A left-out
alternative's named groups are kept (as groups that never take part), so
`m.group(name)` answers None, as it does for an alternative that did not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Needs = Callable[[str], object]


def words_in(*words: str) -> Needs:
    """True when `text` holds one of `words` as written (a case-sensitive substring test)."""
    return lambda text: any(word in text for word in words)


class PrunedAlternation:
    """`alt_1|alt_2|...` run as one regex over each text, without the alternatives it cannot match."""

    def __init__(self, *alternatives: tuple[str, Needs | None]) -> None:
        self._alternatives = alternatives
        self.pattern = "|".join(source for source, _ in alternatives)  # what is run when nothing is left out
        self._compiled: dict[tuple[bool, ...], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole alternation in `text`, left to right, as `re.finditer` gives them."""
        present = tuple(needs is None or bool(needs(text)) for _, needs in self._alternatives)
        if not any(present):
            return iter(())
        regex = self._compiled.get(present)
        if regex is None:
            kept = [source for (source, _), keep in zip(self._alternatives, present) if keep]
            regex = self._compiled[present] = re.compile("|".join(kept))
        return regex.finditer(text)


def group(m: re.Match[str], name: str) -> str | None:
    """`m.group(name)`, None also when the alternative holding `name` was left out."""
    return m.group(name) if name in m.re.groupindex else None
