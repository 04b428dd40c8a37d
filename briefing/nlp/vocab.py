"""How common an English word is: tells a capitalised word from a name.

A run of capitalised words at the start of a sentence, in a headline or in a
caption is not a name because it is capitalised: "Absent Sunni", "Super Hornet",
"Replay More" are words. The English word-frequency list of `wordfreq` (its data
ships in its wheel; nothing is downloaded) says how often a word appears in
running text, on the Zipf scale: 7.7 for "the", 4.8 for "village", 3.2 for
"Hornet", 3.6 for "Goodman", 1-2.5 for rare surnames and most transliterated
names ("Meshaal" 1.3, "Sinjar" 2.3).

A frequency alone never decides that a word is not a name ("Hope", "Rice" and
"Bush" are both, and "Obama" scores 4.9): callers combine it with the text's own evidence (the word
written in lower case elsewhere in the article, a title before it, a speech verb
after it). The list is loaded on first use, off the TUI's first screen.
"""

from __future__ import annotations

from functools import lru_cache

#: Zipf frequency above which a word is an everyday English word ("killed" 5.2,
#: "military" 5.2, "more" 6.4); few names reach it, the most famous do ("Obama" 4.9).
COMMON = 4.5
#: Below this a word is rare enough in English that, capitalised, it is most
#: likely a name ("Sinjar" 2.3, "Meshaal" 1.3); "Absent" (4.0) and "Replay" (3.8) are not rare.
RARE = 3.0


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """Zipf frequency of `word` in English (0.0 when unknown), case-folded."""
    from wordfreq import zipf_frequency  # a lazy import: the data is read on first use

    w = word.strip().lower()
    return float(zipf_frequency(w, "en")) if w else 0.0


def is_common_word(word: str, threshold: float = COMMON) -> bool:
    """True for an everyday English word ("Absent", "Replay", "More")."""
    return zipf(word) >= threshold


def is_rare_word(word: str, threshold: float = RARE) -> bool:
    """True for a word English text seldom uses: capitalised, probably a name."""
    return zipf(word) < threshold
