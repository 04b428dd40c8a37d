"""The cue index finds the same phrase starts as one alternation of every first word, longest
first, then every stem: its tries are a speed change, not a new rule.

Every text here is invented for the test.
"""

from __future__ import annotations

import re

from briefing.status.profile import CueIndex

ENTRIES = [
    ("trend.up", "talks", "talks collapsed"),
    ("trend.down", "talk*", "talk* resumed"),
    ("trend.up", "escalat*", "escalat*"),
    ("trend.up", "esc*", "esc* sharply"),
    ("cf.term", "ceasefire", "ceasefire"),
    ("cf.term", "cease", "cease-fire"),
    ("cf.in_force", "cease fire", "cease fire held"),
    ("trend.down", "withdrawal", "withdrawal of troops"),
    ("trend.down", "withdraw", "withdraw"),
]
TEXTS = [
    "The talks' failure came after talkative envoys met; talks collapsed on Monday.",
    "Fighting escalated and then escalating shelling hit the town; it escalates.",
    "A cease-fire, a ceasefire and a cease fire held while the withdrawal of troops began.",
    "Negotiators said they would withdraw, then withdrawing, then withdrawals.",
    "Ceasefires rarely hold. TALKS RESUMED. Escalation: feared.",
]


def _reference_starts(index: CueIndex, text: str) -> list[tuple[int, str]]:
    """What the index did before its tries: one alternation, words longest first, then stems."""
    words = sorted(index._first, key=len, reverse=True)
    stems = sorted({s for table in index._stems.values() for s in table}, key=len, reverse=True)
    body = "|".join([re.escape(w) + r"\b" for w in words] + [re.escape(s) + r"[a-z']*" for s in stems])
    return [(m.start(), m.group()) for m in re.finditer(rf"\b(?:{body})", text.lower())]


def test_the_tries_find_what_the_alternation_found() -> None:
    index = CueIndex(ENTRIES)
    for text in TEXTS:
        found = [(m.start(), m.group()) for m in index._starts.finditer(text.lower())]
        assert found == _reference_starts(index, text)
        assert found, text


def test_a_whole_word_beats_a_stem_that_reads_further() -> None:
    index = CueIndex(ENTRIES)
    # "talks" is a word of its own: the stem "talk*" would read on into "talks'"
    assert [m.group() for m in index._starts.finditer("the talks' failure")] == ["talks"]
    # no word fits "talkative": the stem takes the whole word
    assert [m.group() for m in index._starts.finditer("talkative envoys")] == ["talkative"]


def test_the_longest_stem_and_the_longest_word_win() -> None:
    index = CueIndex(ENTRIES)
    assert [m.group() for m in index._starts.finditer("escalating")] == ["escalating"]
    hits = index.scan("The withdrawal of troops began, then the cease fire held.")
    assert {(h.category, h.label) for h in hits} >= {("trend.down", "withdrawal"), ("cf.in_force", "cease fire")}


def test_no_entries_match_nothing() -> None:
    assert CueIndex([]).scan("talks collapsed") == []
