"""One entry per quotation across the whole set of articles.

Two outlets carrying the same remark rarely agree to the character: straight vs
curly marks, "pullout" vs "pull-out", "Defense Minister" vs "defense minister",
a sentence trimmed at the end. Quotations are compared on a folded key, first
by exact key, then by containment or high word overlap inside small buckets
keyed by their opening and closing words, so the pass stays linear in the
number of quotations instead of comparing every pair.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.models import Quote, SentenceRef
from briefing.quotes.evidence import surest

_ANCHOR = 4  # words at each end used to bucket near-duplicates
_MIN_FUZZY = 5  # shorter quotations merge only on an exact key
_OVERLAP = 0.8
_INNER_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
_APOSTROPHES = re.compile(r"['’‘`´]")
_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A quotation as found in one article, before merging."""

    text: str
    speaker: str | None
    role: str | None
    cue: str | None
    partial: bool
    article_id: str
    ref: SentenceRef
    attribution: str | None = None  # the kind of evidence naming the speaker (quotes/evidence.py)
    speaker_kind: str | None = None  # person | org | joint: only people's names fold into people's


def normalize(text: str) -> str:
    """Fold marks, hyphens, case and punctuation: "Pull-out," == "pullout"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _INNER_HYPHEN.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _compatible(a: Occurrence, b: Occurrence) -> bool:
    return a.speaker is None or b.speaker is None or a.speaker == b.speaker


def _near(ka: str, kb: str, ta: list[str], tb: list[str]) -> bool:
    if min(len(ta), len(tb)) < _MIN_FUZZY:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if short in long_:
        return True
    sa, sb = set(ta), set(tb)
    return len(sa & sb) / len(sa | sb) >= _OVERLAP


def merge(occurrences: Sequence[Occurrence]) -> list[list[Occurrence]]:
    """Group the occurrences of the same quotation; groups keep first-seen order."""
    keys = [normalize(o.text) for o in occurrences]
    toks = [k.split() for k in keys]
    uf = _UnionFind(len(occurrences))
    exact: dict[str, int] = {}
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key in exact and _compatible(occurrences[exact[key]], occurrences[i]):
            uf.union(exact[key], i)
            continue
        exact.setdefault(key, i)
        if len(toks[i]) < _MIN_FUZZY:
            continue
        for anchor in (("^", *toks[i][:_ANCHOR]), ("$", *toks[i][-_ANCHOR:])):
            for j in buckets[anchor]:
                if uf.find(j) != uf.find(i) and _compatible(occurrences[j], occurrences[i]) and _near(
                    keys[i], keys[j], toks[i], toks[j]
                ):
                    uf.union(j, i)
            if len(buckets[anchor]) < 50:  # a formula repeated everywhere must not go quadratic
                buckets[anchor].append(i)
    groups: dict[int, list[Occurrence]] = {}
    for i, occ in enumerate(occurrences):
        groups.setdefault(uf.find(i), []).append(occ)
    return list(groups.values())


def combine(group: Sequence[Occurrence]) -> Quote:
    """One Quote from a group: the fullest wording, the most-cited speaker, every source."""
    speakers = Counter(o.speaker for o in group if o.speaker)
    speaker = speakers.most_common(1)[0][0] if speakers else None
    mine = [o for o in group if o.speaker == speaker] or list(group)
    role = next((o.role for o in mine if o.role), None)
    cue = next((o.cue for o in mine if o.cue), None)
    best = max(group, key=lambda o: (not o.partial, len(o.text)))
    articles = tuple(dict.fromkeys(o.article_id for o in group))
    locations = tuple(dict.fromkeys(o.ref for o in group))
    return Quote(
        text=best.text,
        speaker=speaker,
        role=role,
        cue=cue,
        partial=all(o.partial for o in group),
        articles=articles,
        locations=locations,
        attribution=surest([o.attribution for o in mine]) if speaker else None,
    )
