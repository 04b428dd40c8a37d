"""What an article is about, for telling stories apart: the people, places and words it repeats.

Two reports of one story share names (the people and places involved) and the
words of what happened ("truce", "airstrikes", "beheading"); two stories that
only share the everyday vocabulary of news ("said", "killed", "officials") are
not one. So each feature is weighted by how much it says:

* names: capitalised runs read by the names engine (`briefing.nlp.names`), a person
  by surname ("Kerry" = "John Kerry" = "Secretary of State John Kerry"), anything
  else (a place, a group, an organisation) by its whole name ("Gaza", "Islamic State");
* content words: words written in lower case, stop words dropped, Porter-stemmed as
  the digest stems them ("airstrike" = "airstrikes");
* the title counts twice: it names the story;
* how often the article uses a feature counts sub-linearly (1 + ln n);
* rarity in English (wordfreq's Zipf scale, `briefing.nlp.vocab`): "said" (6.0) and
  "people" (6.3) weigh nothing, "killed" (5.2) little, "ceasefire" (3.3) and "Ghouta"
  (unknown) the most. Rarity is capped: past a point a rarer word is not more telling,
  and without the cap one bystander's unusual name would outweigh the war itself.

The weights depend on the article alone; how common a feature is in the loaded set is
applied by the grouping (`grouping.py`), which sees all of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# Zipf frequency at or above which a word says nothing of a story ("said" 6.0, "people" 6.3).
COMMON_ZIPF = 6.0
# Rarity counted up to here (Zipf 3.5 and below weigh the same: "ceasefire", "Benghazi", "Ghouta").
MAX_RARITY = 2.5
# Names name the story's people and places: they weigh more than words of the same rarity.
NAME_WEIGHT = 1.5
TITLE_REPEAT = 2
NAME_PREFIX, WORD_PREFIX = "n:", "w:"

# Lower-case words of three letters or more, apostrophes and hyphens split off
# ("cease-fire" -> "cease", "fire"; both outlets' spellings then share "fire").
_WORD = re.compile(r"\b[a-z]{3,}\b")


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """One article's features (`n:name`, `w:stem`) with their weights, and how each name is written."""

    weights: dict[str, float]
    surfaces: dict[str, str]  # name feature -> the name as the article first writes it


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word list as a dict: one look-up per word, where `zipf_frequency`
    tokenises each word again (20 µs; 50,000 distinct words in a 1,000-article pile).
    wordfreq's own dict (read only here), asked for as `zipf_frequency` asks for it, so its
    cache builds it once (0.4 s and 20 MB less than a second dict)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "best")


def rarity(word: str) -> float:
    """How much a word says about a story: 0 for everyday words, up to MAX_RARITY."""
    frequency = _frequencies().get(word)
    if frequency is None and not word.isalpha():  # "u.n", "al-adnani": wordfreq reads them in parts
        from briefing.nlp.vocab import zipf

        return min(MAX_RARITY, max(0.0, COMMON_ZIPF - zipf(word)))
    zipf_value = math.log10(frequency) + 9.0 if frequency else 0.0
    return min(MAX_RARITY, max(0.0, COMMON_ZIPF - zipf_value))


@lru_cache(maxsize=131_072)
def _word_feature(word: str) -> tuple[str, float] | None:
    """(feature, weight per use) of a lower-case word, or None for a stop word or an everyday word."""
    from briefing.digest.features import stem, stop_words

    if word in stop_words():
        return None
    weight = rarity(word)
    return (WORD_PREFIX + stem(word), weight) if weight > 0 else None


@lru_cache(maxsize=131_072)
def _name_feature(run: str) -> tuple[str, float, str] | None:
    """(feature, weight per use, the name as written) of a capitalised run, or None."""
    from briefing.nlp.names.keys import name_key
    from briefing.nlp.names.mention import PERSON
    from briefing.nlp.names.runs import read_run

    reading = read_run(run)
    if reading is None:
        return None
    words = reading.name.split()
    if not words:
        return None
    # a person by surname: "John Kerry", "Secretary Kerry" and "Kerry" are one feature
    key = name_key(words[-1] if reading.kind == PERSON and len(words) >= 2 else reading.name)
    parts = key.split()
    if not parts:
        return None
    weight = NAME_WEIGHT * min(rarity(part) for part in parts)
    return (NAME_PREFIX + key, weight, reading.name) if weight > 0 else None


def article_terms(title: str, text: str) -> ArticleTerms:
    """The weighted features of one article (title and body)."""
    from briefing.nlp.names.runs import run_regex

    body = "\n".join([title] * TITLE_REPEAT + [text])
    uses: dict[str, int] = {}
    per_use: dict[str, float] = {}
    surfaces: dict[str, str] = {}
    for run, n in Counter(run_regex().findall(body)).items():
        found = _name_feature(run)
        if found is not None:
            feature, weight, name = found
            uses[feature] = uses.get(feature, 0) + n
            per_use[feature] = weight
            surfaces.setdefault(feature, name)
    for word, n in Counter(_WORD.findall(body)).items():
        found_word = _word_feature(word)
        if found_word is not None:
            feature, weight = found_word
            uses[feature] = uses.get(feature, 0) + n
            if weight > per_use.get(feature, 0.0):  # the stem's most telling form
                per_use[feature] = weight
    log = math.log
    weights = {f: (1.0 + log(n)) * per_use[f] for f, n in uses.items()}
    return ArticleTerms(weights, surfaces)
