"""People and organisations named in one article, and what later references point to.

News names a person once in full ("Russian President Vladimir Putin", "The U.N.
special envoy for Syria, Staffan de Mistura,") and then by surname, title or
pronoun. Quote attribution and the status panel both need "who is this?", so
the logic lives here, independent of quotes. It is rule-based on purpose: no
tagger model ships offline, and capitalisation, titles and appositive commas
carry most of the signal in wire copy.

Word lists come from config/lexicons/quotes.yaml (`names:` section); person
titles from config/lexicons/titles.yaml, shared with the actor list (titles.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from briefing.nlp.titles import (
    affiliation_words,
    dotted_abbreviations,
    honorific_words,
    post_nominal_words,
    title_words,
)
from briefing.config import config_dir

_ROLE_WORD = re.compile(r"[A-Za-z][\w.-]*")
_ROLE_TOKEN = re.compile(r"[^\s,;:()\"“”]+")
# Dotted words that end no sentence: the titles written so ("Gen.", "Mr."), and "St.", "Jr.", "Sr.".
_ABBREV_TITLE = "(?:" + "|".join(re.escape(a) for a in (*dotted_abbreviations(), "St.", "Jr.", "Sr.")) + ")"
_SHORT_ABBREV = re.compile(rf"(?:[A-Z]\.)+|{_ABBREV_TITLE}")
_PREV_WORD = re.compile(r"([A-Za-z.]+)\s+$")
_SPEECH_WORD = re.compile(r"\b(?:said|says|told|tells|added|stated)\b")
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_NOUN_AFTER = re.compile(r"['’]?s?[ \t]+[a-z]")
_ROLE_OBJECT = re.compile(r"\b([A-Za-z]+)[ \t]+(?:of|at|for)[ \t]+$")
_OF_LINK = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")

PERSON = "person"
ORG = "org"
ANON = "anon"  # a described speaker without a name: "a senior official"

_APOS = "'’"
PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_ORG = frozenset({"it"})
PRONOUNS_GROUP = frozenset({"they"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_ORG | PRONOUNS_GROUP
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


@dataclass(frozen=True)
class NameLexicon:
    """The `names:` word lists, lower-cased into sets for membership tests."""

    titles: frozenset[str]  # titles.yaml's title words, and party labels: both end a description
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    particles: frozenset[str]
    hyphen_particles: tuple[str, ...]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]
    skip_words: frozenset[str]
    descriptive_suffixes: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    place_prefixes: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def quote_lexicon() -> dict:
    """The whole quotes lexicon file, parsed once per process."""
    path = config_dir() / "lexicons" / "quotes.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _lower_set(values: Iterable[object]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    raw = quote_lexicon().get("names") or {}
    return NameLexicon(
        titles=title_words() | affiliation_words(),
        role_nouns=_lower_set(raw.get("role_nouns", ())),
        org_words=_lower_set(raw.get("org_words", ())),
        particles=_lower_set(raw.get("particles", ())),
        hyphen_particles=tuple(str(p).lower() for p in raw.get("hyphen_particles", ())),
        suffixes=_lower_set(raw.get("suffixes", ())),
        not_names=_lower_set(raw.get("not_names", ())),
        places=_lower_set(raw.get("places", ())) | _country_names(),
        skip_words=_lower_set(raw.get("skip_words", ())),
        descriptive_suffixes=_lower_set(raw.get("descriptive_suffixes", ())),
        female_words=_lower_set((raw.get("gender_words") or {}).get("female", ())),
        place_prefixes=_lower_set(raw.get("place_prefixes", ())),
        male_words=_lower_set((raw.get("gender_words") or {}).get("male", ())),
    )


@lru_cache(maxsize=1)
def _multiword_places() -> frozenset[str]:
    """Country names of several words ("saudi arabia", "south sudan"), lower-cased."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return frozenset()
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and " " in value and "," not in value:
                names.add(value.lower())
    return frozenset(names)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Single words of country names, so "Syria" or "Sudan" never start a person's name."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return frozenset()
    words: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and " " not in value and "," not in value:
                words.add(value.lower())
    return frozenset(words)


# --- tokens and capitalised runs -------------------------------------------------

_CAP_TOKEN = (
    r"(?:[A-Z]\.){2,}"  # U.N., U.S.
    rf"|{_ABBREV_TITLE}"
    r"|[A-Z]\.(?=[ \t]+[A-Z][a-z])"  # a middle initial: John C. Whitmer
    r"|[A-Z][\w" + _APOS + r"]*(?:-[A-Za-z][\w" + _APOS + r"]*)*"
)


@lru_cache(maxsize=1)
def _run_regex() -> re.Pattern[str]:
    lex = name_lexicon()
    hyph = "|".join(sorted(map(re.escape, lex.hyphen_particles), key=len, reverse=True)) or "al"
    parts = "|".join(sorted(map(re.escape, lex.particles), key=len, reverse=True)) or "de"
    token = rf"(?:{_CAP_TOKEN}|(?:{hyph})-[A-Z][\w{_APOS}]*(?:-[A-Z][\w{_APOS}]*)*)"
    run = rf"(?<![\w{_APOS}.-]){token}(?:[ \t]+(?:(?:{parts})[ \t]+)*{token})*"
    return re.compile(run)


@dataclass(frozen=True, slots=True)
class Entity:
    """Someone or something that can speak: a named person or organisation."""

    name: str
    kind: str  # person | org
    role: str | None = None


@dataclass(slots=True)
class Mention:
    """One place in the text where an entity (or an anonymous speaker) is named."""

    start: int
    end: int
    surface: str
    entity: Entity | None
    kind: str  # person | org | anon
    subject: bool = False
    gender: str | None = None  # of an anonymous speaker, from its role noun: "a spokeswoman"


def strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


def name_key(name: str) -> str:
    """Comparison key: case and apostrophe style folded."""
    return name.lower().replace("’", "'")


@lru_cache(maxsize=65536)  # each name is asked for by the index, then twice across the set
def surname_keys(full_name: str) -> frozenset[str]:
    """Every shorter form a full name can be referred to by.

    "Staffan de Mistura" -> {"de mistura", "mistura"}; "Walid al-Moallem" ->
    {"al-moallem", "moallem"}; "Vladimir Putin" -> {"putin"}.
    """
    tokens = full_name.split()
    keys: set[str] = set()
    lex = name_lexicon()
    if len(tokens) < 2:
        return frozenset()
    suffixless = [t for t in tokens if t.lower() not in lex.suffixes]
    for i in range(1, len(suffixless)):
        keys.add(name_key(" ".join(suffixless[i:])))
    last = suffixless[-1]
    for prefix in lex.hyphen_particles:
        if last.lower().startswith(prefix + "-"):
            keys.add(name_key(last[len(prefix) + 1 :]))
    return frozenset(keys)


@lru_cache(maxsize=16384)  # asked of the same short phrases and single words over and over
def has_role_noun(text: str) -> str | None:
    """The first role noun in `text` ("the U.N. special envoy" -> "envoy"), if any.

    A possessor is whose role it is, not the role: "the MK's wife" -> "wife",
    "the president's spokesman" -> "spokesman"; it counts only when nothing follows.
    """
    lex = name_lexicon()
    owner = None
    for match in _ROLE_WORD.finditer(text):
        w = match.group().lower().rstrip(".")
        if w in _HONORIFICS:
            continue
        if not (
            w in lex.role_nouns
            or w in lex.titles
            or w + "." in lex.titles
            or w.endswith("s") and (w[:-1] in lex.role_nouns or w.endswith("es") and w[:-2] in lex.role_nouns)
        ):  # plurals: "lawyers", "witnesses"
            continue
        if _POSSESSIVE_AFTER.match(text, match.end()) is None:
            return w
        owner = owner or w
    return owner


_POSSESSIVE_AFTER = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")


MALE, FEMALE = "m", "f"
_PRONOUN_GENDER = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}
# Objects point at someone else ("Kamau accused her of"), so "him" is left out and "her"
# counts only as a possessive, before a word that is not a function word ("her belly").
_PRONOUN_WORD = re.compile(
    r"\b(?:he|his|himself|she|hers|herself|her(?=[ \t]+(?!(?:of|to|that|a|an|the|and|or|but|in|on|at|for|with|from|as|by|"
    r"into|about|out|up|down|back|off|over|again|away|this|when|not|so|if|after|before|because|while|until)\b)[a-z]))\b",
    re.IGNORECASE,
)
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam|Mme|Mlle|M)\.?[ \t]+$")
_HONORIFIC_GENDER = {"mr": MALE, "sir": MALE, "lord": MALE, "m": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE,
                     "dame": FEMALE, "lady": FEMALE, "madam": FEMALE, "mme": FEMALE, "mlle": FEMALE}


def gender_of_words(text: str | None) -> str | None:
    """"spokeswoman for the army" -> f, "his brother" -> m: the gendered nouns of a role."""
    if not text:
        return None
    lex = name_lexicon()
    words = {w.lower().rstrip(".") for w in _ROLE_WORD.findall(text)}
    female, male = bool(words & lex.female_words), bool(words & lex.male_words)
    return FEMALE if female and not male else MALE if male and not female else None


@dataclass(frozen=True, slots=True)
class RunReading:
    """How a capitalised run reads: which part is a name and what kind of name."""

    kind: str  # person | org | single | other
    name: str
    start: int  # offsets of the name part inside the run string
    end: int
    role: str | None = None


_ABBREV_RE = re.compile(r"(?:[a-z]\.){2,}")


def _descriptive_hyphen(token: str) -> bool:
    """"Saudi-backed", "Fifty-two-year-old": a description; "Ban Ki-moon": a name."""
    parts = token.split("-")
    if len(parts) < 2:
        return False
    suffixes = name_lexicon().descriptive_suffixes
    return len(parts) > 2 and any(p[:1].islower() for p in parts[1:]) or parts[-1].lower() in suffixes
_HONORIFICS = honorific_words()


def _is_title_token(word: str) -> bool:
    """"President", "Gen.", and hyphenated forms: "President-elect", "Secretary-General"."""
    titles = name_lexicon().titles
    return word in titles or "-" in word and any(part in titles for part in word.split("-"))


@lru_cache(maxsize=65536)
def read_run(run: str) -> RunReading | None:
    """Split one capitalised run into title/role, organisation and person name parts."""
    lex = name_lexicon()
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    if tokens:
        word, possessive = strip_possessive(tokens[-1][0])
        if possessive:
            tokens[-1] = (word, tokens[-1][1], tokens[-1][1] + len(word))
    # Sentence openers, days and months are not names, nor is a possessor ("Spain's
    # Juan Carlos"): keep what follows the last one.
    cut = 0
    lows_end = tokens[-1][0].lower() if tokens else ""  # "the Prime Minister's Office" stays one organisation
    for i, (tok, _, _) in enumerate(tokens):
        low = tok.lower()
        possessor = i < len(tokens) - 1 and strip_possessive(tok)[1] and lows_end not in lex.org_words
        if low in lex.not_names and not (tok.isupper() and len(tok) > 1) or possessor:
            cut = i + 1
    tokens = tokens[cut:]
    # Page furniture glued to a name ("ADVERTISEMENT Trump", "CLOSE Yu Darvish").
    while len(tokens) > 1 and tokens[0][0].isupper() and len(tokens[0][0]) > 3 and tokens[0][0].isalpha():
        tokens = tokens[1:]
    if not tokens:
        return None
    # "Keith Vaz MP": a title after the name is part of the mention, not of the name
    post = tokens.pop() if len(tokens) > 2 and tokens[-1][0] in post_nominal_words() else None
    lows = [t.lower() for t, _, _ in tokens]
    # A title needs a name after it: "Julie Bishop", "Nigel Major" end with surnames.
    title_at = max((i for i, w in enumerate(lows[:-1]) if _is_title_token(w)), default=-1)
    if title_at < 0 and len(lows) >= 3 and lows[0] in lex.role_nouns:
        title_at = 0  # "Rapper Snoop Dogg", "Actress Sally Struthers"
    if len(lows) >= 2 and lows[0] in lex.place_prefixes and title_at < 0:
        return RunReading(ORG, run[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2])  # "New York", "North Korea"
    if " ".join(lows) in _multiword_places():
        span = run[tokens[0][1] : tokens[-1][2]]
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])  # "Saudi Arabia said"
    last = len(lows) - 1
    stop_at = max(
        (
            i
            for i, w in enumerate(lows)
            if w in lex.org_words
            or w in lex.places and i < last  # "Shannon Washington" ends with a surname, not a place
            or _ABBREV_RE.fullmatch(w)
            or _descriptive_hyphen(tokens[i][0])
        ),
        default=-1,
    )
    name_from = max(title_at, stop_at) + 1
    first = tokens[name_from][0] if name_from < len(tokens) else ""
    if name_from < len(tokens) - 1 and len(first) > 1 and first.isalpha() and first.isupper():
        return RunReading(ORG, run[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2])  # "CGI Federal", "NBC News"
    rest = tokens[name_from:]
    proper = [t for t in rest if t[0].lower() not in lex.particles]
    if proper and all(t[0].isupper() for t in proper if len(t[0]) > 1):
        proper = []  # "SEE ALSO", "CLOSE": page furniture, not a person
    if proper and (len(proper) >= 2 or 0 <= title_at == name_from - 1):
        role = run[tokens[0][1] : tokens[title_at][2]] if title_at >= 0 and title_at >= stop_at else None
        if role and all(w in _HONORIFICS for w in role.lower().split()):
            role = None  # "Mr Johnson": a courtesy, not a role
        end = post[2] if post else rest[-1][2]
        return RunReading(PERSON, run[rest[0][1] : rest[-1][2]], rest[0][1], end, role or (post and post[0]))
    span = run[tokens[0][1] : tokens[-1][2]]
    if any(w in lex.org_words for w in lows):
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])
    if all(w in lex.places for w in lows) and len(tokens) == 1:
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])  # "Ukraine said": a state speaks
    if len(tokens) == 1 and len(proper) == 1:
        return RunReading("single", span, tokens[0][1], tokens[0][2])
    return RunReading("other", span, tokens[0][1], tokens[-1][2])


# --- roles from the words around a name --------------------------------------------

_ROLE_MODIFIERS = frozenset(
    """special deputy foreign senior former top chief acting interim defense defence interior
    prime vice military army opposition rebel government presidential state regional local
    national international senior junior assistant associate executive general political
    humanitarian media press u.n. un u.s. us of for to the at in on""".split()
)


ROLE_MODIFIERS = _ROLE_MODIFIERS
HONORIFICS = frozenset(h.rstrip(".") for h in _HONORIFICS)


def role_before(text: str, start: int) -> str | None:
    """Title words directly before a name: "Russia's envoy to the United Nations Vitaly Churkin"."""
    lex = name_lexicon()
    window = text[max(0, start - 120) : start]
    words = list(_ROLE_TOKEN.finditer(window))
    if not words or window[words[-1].end() :].strip() or "\n" in window[words[-1].end() :]:
        return None
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        low = strip_possessive(w)[0].lower()
        gap = window[words[i].end() : words[i + 1].start()] if i + 1 < len(words) else ""
        if gap.strip() or "\n" in gap or w.endswith((".", "!", "?")) and not _SHORT_ABBREV.fullmatch(w):
            break
        if w[0].isupper() and low not in lex.not_names or low in lex.role_nouns or low in lex.titles or low in _ROLE_MODIFIERS:
            first = i
            continue
        break
    chosen = words[first:]
    while chosen and chosen[0].group().lower() in DETERMINERS | {"of", "for", "to", "at", "in", "on"}:
        chosen = chosen[1:]
    if not chosen:
        return None
    role = window[chosen[0].start() : chosen[-1].end()]
    return role if has_role_noun(role) else None


def clean_role(text: str) -> str | None:
    """A role phrase as written, without a leading determiner or trailing punctuation."""
    text = text.strip(" ,;:.—–-\"“”")
    words = text.split()
    while words and words[0].lower() in DETERMINERS | {"but", "and", "meanwhile"}:
        words = words[1:]
    if not words or len(words) > 25 or _SPEECH_WORD.search(text):
        return None  # a clause, not a role: "professor at X said that the study ..."
    role = " ".join(words)
    return role if has_role_noun(role) else None


def role_in_apposition(text: str, start: int, end: int) -> str | None:
    """"ROLE, NAME," before a name or "NAME, ROLE," after it."""
    after = text[end : end + 200]
    m = re.match(r"\s*,\s*((?:[^,;\"“”()\n.]|(?<=\b[A-Z])\.|\.(?=\S))+)", after)
    if m:
        chunk = m.group(1)
        first = chunk.split()[0].lower() if chunk.split() else ""
        if first not in {"who", "which", "whose", "where", "when", "and", "but"} and any(
            has_role_noun(w) for w in chunk.split()[:4]
        ):
            role = clean_role(chunk)
            if role:
                return role
    before = text[max(0, start - 200) : start]
    comma = re.search(r",\s*$", before)
    if comma:
        role = role_before(text, start - (len(before) - comma.start()))
        if role and len(role.split()) <= 12:
            return clean_role(role)
    return None


# --- the per-article index -----------------------------------------------------------


@dataclass
class NameIndex:
    """Every person and organisation mention of one article, resolved to entities.

    `text` should have quotations masked out so that names inside quoted speech
    do not count as the reporter's references.
    """

    text: str
    sentence_starts: Sequence[int]
    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, Entity] = field(default_factory=dict)  # key -> entity
    orgs: dict[str, Entity] = field(default_factory=dict)
    _surnames: dict[str, str] = field(default_factory=dict)  # surname key -> full-name key
    _genders: dict[str, str | None] = field(default_factory=dict)  # entity name -> m | f | None (cache)
    _by_name: dict[str, list[Mention]] | None = None  # mentions per entity name, built on first need
    _lower_words: frozenset[str] | None = None  # words the article writes in lower case
    _org_words: dict[str, tuple[list[int], list[Mention]]] | None = None  # see resolve_org_noun
    _titled: tuple[list[int], list[Mention]] | None = None  # see resolve_title

    def __post_init__(self) -> None:
        readings = self._read_runs()
        self._register_full_names(readings)
        self._build_mentions(readings)
        self._starts = [m.start for m in self.mentions]

    # construction
    def _read_runs(self) -> list[tuple[int, RunReading]]:
        out: list[tuple[int, RunReading]] = []
        prev_end = -1
        for m in _run_regex().finditer(self.text):
            reading = read_run(m.group())
            if reading is not None and out and _OF_LINK.fullmatch(self.text[prev_end : m.start()]):
                last_offset, last = out[-1]
                if last.kind == ORG and (reading.kind != PERSON or reading.role is None):
                    # "Department of Homeland Security", "Ministry of Foreign Affairs": one organisation
                    start = last_offset + last.start
                    name = self.text[start : m.end()]
                    out[-1] = (start, RunReading(ORG, name, 0, len(name)))
                    prev_end = m.end()
                    continue
            if reading is not None and reading.kind == PERSON and reading.role is None:
                at = m.start() + reading.start
                if _THE_BEFORE.search(self.text[max(0, at - 5) : at]) and not _NOUN_AFTER.match(self.text, m.end()):
                    # "according to the Fresno Bee": people do not take "the"; "the Joe Biden era" is kept
                    reading = RunReading(ORG, reading.name, reading.start, reading.end)
            if reading is not None:
                out.append((m.start(), reading))
            prev_end = m.end()
        out.extend(self._lowercase_orgs())
        out.sort(key=lambda item: item[0] + item[1].start)
        return self._trim_glued(out)

    def _trim_glued(self, readings: list[tuple[int, RunReading]]) -> list[tuple[int, RunReading]]:
        """Drop a word glued to the front of a name: "Meet Kate Gosselin", "curator of Mammals Kevin Rowe".

        Capitals alone cannot tell "Meet" from "Kate", so the article decides: the
        shorter name stands on its own elsewhere, the first word is a common word the
        article also writes in lower case at a sentence start, or the run is the object
        of a role ("leader at Westminster Ian Blackford").
        """
        names = {name_key(r.name) for _, r in readings if r.kind == PERSON}
        out = []
        for offset, r in readings:
            words = r.name.split()
            start = offset + r.start
            opener = len(words) >= 2 and _PARTICIPLE.fullmatch(words[0]) is not None
            if r.kind == PERSON and opener and self.sentence_initial_common(start, words[0]):
                # "Saying Russian troops were near": a verb opening the sentence, not a first name
                tail_at = r.name.index(words[1], len(words[0]))
                kind = PERSON if len(words) >= 3 else "single"
                r = RunReading(kind, r.name[tail_at:], r.start + tail_at, r.end, r.role)
                words, start = words[1:], offset + r.start
            if r.kind == PERSON and r.role is None and len(words) >= 3 and words[0][:1].isupper():
                tail_at = r.name.index(words[1], len(words[0]))
                if (
                    name_key(r.name[tail_at:]) in names
                    or self.sentence_initial_common(start, words[0])
                    or self._object_of_role(start)
                ):
                    r = RunReading(PERSON, r.name[tail_at:], r.start + tail_at, r.end, r.role)
            out.append((offset, r))
        return out

    def _sentence_initial(self, start: int) -> bool:
        i = self.sentence_of(start)
        return not self.text[self.sentence_starts[i] : start].strip(" \t\n\"“‘'(—–-#")

    def sentence_initial_common(self, start: int, word: str) -> bool:
        """`word` opens a sentence here and the article also writes it in lower case: a common word."""
        if not self._sentence_initial(start):
            return False
        if self._lower_words is None:
            self._lower_words = frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", self.text))
        return word.lower() in self._lower_words

    def _object_of_role(self, start: int) -> bool:
        m = _ROLE_OBJECT.search(self.text[max(0, start - 60) : start])
        if not m:
            return False
        lex = name_lexicon()
        noun = m.group(1).lower()
        return noun in lex.role_nouns and noun not in lex.female_words | lex.male_words

    def _lowercase_orgs(self) -> list[tuple[int, RunReading]]:
        """"the Syrian army", "the Sudanese foreign ministry": a capitalised modifier and an org noun."""
        lex = name_lexicon()
        found = []
        pattern = r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w.'’-]*\s+)+)((?:[a-z]+\s+){0,2}[a-z]+)"
        for m in re.finditer(pattern, self.text):
            tail = m.group(2).split()
            at = next((i for i, w in enumerate(tail) if w in lex.org_words), None)
            if at is None or tail[at] in {"group", "state", "states", "nations", "house"}:
                continue
            name = m.group(1) + " ".join(tail[: at + 1])
            found.append((m.start(1), RunReading(ORG, name, 0, len(name))))
        return found

    def _register_full_names(self, readings: list[tuple[int, RunReading]]) -> None:
        for offset, r in readings:
            if r.kind != PERSON:
                continue
            key = name_key(r.name)
            if key in self._surnames or key in self.persons:
                continue  # "De Mistura" after "Staffan de Mistura"
            start = offset + r.start
            role = role_before(self.text, start) or role_in_apposition(self.text, start, offset + r.end) or r.role
            self.persons[key] = Entity(r.name, PERSON, clean_role(role) if role else None)
            for sk in surname_keys(r.name):
                self._surnames.setdefault(sk, key)

    def _build_mentions(self, readings: list[tuple[int, RunReading]]) -> None:
        for offset, r in readings:
            start, end = offset + r.start, offset + r.end
            entity = self.lookup(r.name, r.kind)
            if entity is None and r.kind == "single" and r.role:
                entity = Entity(r.name, PERSON, r.role)
            if entity is None and r.kind == "single" and "-" not in r.name:
                prev = _PREV_WORD.search(self.text[max(0, start - 40) : start])
                role = role_before(self.text, start) if prev and has_role_noun(prev.group(1)) else None
                if role:
                    entity = Entity(r.name, PERSON, clean_role(role))
                    self.persons.setdefault(name_key(r.name), entity)
            if entity is None:
                continue
            self.mentions.append(Mention(start, end, self.text[start:end], entity, entity.kind))

    # look-ups
    def lookup(self, surface: str, kind: str | None = None) -> Entity | None:
        """The entity a written name refers to: full name, surname, or organisation."""
        surface = surface.strip()
        if surface[:4].lower() == "the ":
            surface = surface[4:]
        surface = strip_possessive(surface)[0]
        key = name_key(surface)
        if key in self.persons:
            return self.persons[key]
        if key in self._surnames:
            return self.persons[self._surnames[key]]
        if kind in (ORG, None) and key in self.orgs:
            return self.orgs[key]
        if kind == ORG:
            entity = Entity(surface[0].upper() + surface[1:], ORG)
            self.orgs[key] = entity
            return entity
        if kind == PERSON:
            return self.persons.get(key)
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def candidates_before(self, pos: int, kinds: frozenset[str], max_sentences: int = 6) -> Iterable[Mention]:
        """Antecedent candidates, most likely first.

        Centering-style order: subjects first (the nearest in the current sentence,
        the main-clause one in earlier sentences), going back sentence by sentence;
        then non-subject mentions of the current and previous sentence. Speakers
        are nearly always subjects, and an object in between ("he told CNN's Matt
        Lauer") must not capture the pronoun.
        """
        here = self.sentence_of(pos)
        later: list[Mention] = []
        for s in range(here, max(-1, here - max_sentences), -1):
            s_start = self.sentence_starts[s]
            s_end = self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)
            found = [m for m in self.mentions_between(s_start, min(s_end, pos)) if m.kind in kinds]
            subjects = [m for m in found if m.subject]
            others = [m for m in found if not m.subject]
            yield from reversed(subjects) if s == here else subjects
            if s >= here - 1:  # objects only compete when close: "the envoy met Putin. He said"
                later.extend(reversed(others) if s == here else others)
        yield from later

    def resolve_pronoun(self, pronoun: str, pos: int) -> Mention | None:
        low = pronoun.lower()
        if low in PRONOUNS_PERSON:
            return self._gendered_antecedent(_PRONOUN_GENDER[low], pos)
        if low in PRONOUNS_ORG:  # "it" is too often not a speaker: only a recent subject
            return next((m for m in self.candidates_before(pos, frozenset({ORG}), 3) if m.subject), None)
        return next(iter(self.candidates_before(pos, frozenset({ORG, ANON}))), None)

    def _gendered_antecedent(self, want: str, pos: int) -> Mention | None:
        """The best candidate the article does not show to be of the other gender.

        Passing over a candidate of the other gender is safe only within its own
        sentence ("Putin met Merkel. She said" -> Merkel); reaching further back
        than it guesses at a person the text has moved away from, so: nobody.
        """
        passed: int | None = None
        for m in self.candidates_before(pos, frozenset({PERSON, ANON})):
            gender = self.gender_of(m)
            if gender is not None and gender != want:
                passed = self.sentence_of(m.start) if passed is None else passed
                continue
            if passed is not None and self.sentence_of(m.start) < passed:
                return None
            return m
        return None

    def gender_of(self, m: Mention) -> str | None:
        """What the article says about a person's gender: Mr/Ms, "spokeswoman", her/his next to the name."""
        if m.entity is None:
            return m.gender
        name = m.entity.name
        if name not in self._genders:
            self._genders[name] = self._gender_evidence(name)
        return self._genders[name]

    def _gender_evidence(self, name: str) -> str | None:
        votes = {MALE: 0, FEMALE: 0}
        role_gender = gender_of_words(self.persons.get(name_key(name), Entity(name, PERSON)).role)
        if role_gender:
            votes[role_gender] += 3
        if self._by_name is None:
            self._by_name = {}
            for m in self.mentions:
                if m.entity is not None:
                    self._by_name.setdefault(m.entity.name, []).append(m)
        for m in self._by_name.get(name, ()):
            h = _HONORIFIC_BEFORE.search(self.text[max(0, m.start - 8) : m.start])
            if h:
                votes[_HONORIFIC_GENDER[h.group(1).lower()]] += 3
            g = gender_of_words(role_before(self.text, m.start)) if m.start else None
            if g:
                votes[g] += 3
            g = self._pronoun_vote(m)
            if g:
                votes[g] += 1
        male, female = votes[MALE], votes[FEMALE]
        if male > 0 and male >= 3 * female:
            return MALE
        if female > 0 and female >= 3 * male:
            return FEMALE
        return None

    def _pronoun_vote(self, m: Mention) -> str | None:
        """"Bunch said her ..." -> f: pronouns after the only person named in a sentence."""
        i = self.sentence_of(m.start)
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        others = [
            o for o in self.mentions_between(self.sentence_starts[i], end) if o.kind in (PERSON, ANON) and o.entity is not m.entity
        ]
        if others:
            return None
        found = {_PRONOUN_GENDER[w.lower()] for w in _PRONOUN_WORD.findall(self.text[m.end : end])}
        if not found and i + 1 < len(self.sentence_starts):  # "Sesay joined in 2015. She rose quickly."
            nxt_end = self.sentence_starts[i + 2] if i + 2 < len(self.sentence_starts) else len(self.text)
            opener = re.match(r"\s*(He|She)\b", self.text[end:nxt_end])
            if opener and not any(o.kind in (PERSON, ANON) for o in self.mentions_between(end, nxt_end)):
                found = {_PRONOUN_GENDER[opener.group(1).lower()]}
        return next(iter(found)) if len(found) == 1 else None

    def add_person(self, start: int, end: int, name: str) -> Mention:
        """A person the run reader could not tell from a word ("Collins said"), once a cue shows it speaks."""
        entity = self.persons.setdefault(name_key(name), Entity(name, PERSON))
        m = Mention(start, end, self.text[start:end], entity, PERSON, True)
        i = bisect.bisect_left(self._starts, start)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)
        self._genders.pop(entity.name, None)
        if self._by_name is not None:
            self._by_name.setdefault(entity.name, []).append(m)
        if self._titled is not None and entity.role:
            at = bisect.bisect_left(self._titled[0], start)
            self._titled[0].insert(at, start)
            self._titled[1].insert(at, m)
        return m

    def resolve_title(self, word: str, pos: int) -> Mention | None:
        """"the envoy" -> the latest person whose stated role contains "envoy"."""
        role_re = re.compile(rf"\b{re.escape(word.lower())}")
        pool = self._titled_pool()
        return self._latest(pool, pos, lambda m: bool(role_re.search((m.entity.role or "").lower())))

    def resolve_org_noun(self, word: str, pos: int) -> Mention | None:
        """"the ministry" -> the latest organisation whose name contains "ministry"."""
        pool = self._org_word_pool().get(word.lower())
        return self._latest(pool, pos, lambda m: True) if pool else None

    # "the envoy", "the ministry" may point back to anywhere in the article: looking through
    # every sentence for each of them is quadratic in its length, so the mentions that can
    # match are kept apart (sorted by start) and `_latest` walks only those.
    def _org_word_pool(self) -> dict[str, tuple[list[int], list[Mention]]]:
        """Organisation mentions by each word of their name (organisations are all known up front)."""
        if self._org_words is None:
            self._org_words = {}
            for m in self.mentions:
                if m.kind == ORG and m.entity:
                    for w in set(m.entity.name.lower().split()):
                        starts, found = self._org_words.setdefault(w, ([], []))
                        starts.append(m.start)
                        found.append(m)
        return self._org_words

    def _titled_pool(self) -> tuple[list[int], list[Mention]]:
        """Mentions of people with a stated role (kept up to date by add_person)."""
        if self._titled is None:
            found = [m for m in self.mentions if m.kind == PERSON and m.entity and m.entity.role]
            self._titled = ([m.start for m in found], found)
        return self._titled

    def _latest(self, pool: tuple[list[int], list[Mention]], pos: int, accept: Callable[[Mention], bool]) -> Mention | None:
        """The first mention of `pool` that `accept`s, in the order of `candidates_before(pos, ...)`
        over all sentences: subjects of this sentence, nearest first; then the subjects of the
        nearest earlier sentence that has one, in order; then the non-subjects of this sentence
        (nearest first) and of the one before (in order)."""
        starts, found = pool
        if not self.sentence_starts:
            return None
        here = self.sentence_of(pos)
        first = bisect.bisect_left(starts, self.sentence_starts[0])
        lo = bisect.bisect_left(starts, self.sentence_starts[here])
        hi = max(lo, bisect.bisect_left(starts, min(self._sentence_end(here), pos)))
        for i in range(hi - 1, lo - 1, -1):
            if found[i].subject and accept(found[i]):
                return found[i]
        for i in range(lo - 1, first - 1, -1):
            if found[i].subject and accept(found[i]):
                s = self.sentence_of(found[i].start)  # the nearest such sentence: its first such subject
                s_lo = bisect.bisect_left(starts, self.sentence_starts[s])
                return next(m for m in found[s_lo : i + 1] if m.subject and accept(m))
        for i in range(hi - 1, lo - 1, -1):
            if not found[i].subject and accept(found[i]):
                return found[i]
        if here >= 1:
            p_lo = bisect.bisect_left(starts, self.sentence_starts[here - 1])
            return next((m for m in found[p_lo:lo] if not m.subject and accept(m)), None)
        return None

    def _sentence_end(self, s: int) -> int:
        return self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)

    def add_anonymous(self, start: int, end: int, role: str, subject: bool = True) -> Mention:
        """Register "a senior official" so that a later "he" resolves to nobody, not to an earlier name."""
        surface = self.text[start:end]
        last = surface.split()[-1].lower() if surface.split() else ""
        # an unresolved "he" is still a man: a later "she" must not stop at him
        gender = gender_of_words(role) or _PRONOUN_GENDER.get(last) if last in ("he", "she") else gender_of_words(role)
        m = Mention(start, end, surface, None, ANON, subject, gender)
        i = bisect.bisect_left(self._starts, start)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)
        return m

    def mark_subject(self, mention: Mention) -> None:
        mention.subject = True

    def person_names(self) -> list[str]:
        return [e.name for e in self.persons.values()]

    def person_roles(self) -> dict[str, str]:
        return {e.name: e.role for e in self.persons.values() if e.role}

    def counts(self) -> dict[str, int]:
        """Mentions per entity name: how prominent each speaker is in this article."""
        out: dict[str, int] = {}
        for m in self.mentions:
            if m.entity is not None:
                out[m.entity.name] = out.get(m.entity.name, 0) + 1
        return out


@lru_cache(maxsize=1)
def _org_synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = (quote_lexicon().get("names") or {}).get("org_synonyms") or {}
    return tuple((re.compile(rf"\b{re.escape(str(k))}\b", re.IGNORECASE), str(v)) for k, v in raw.items())


def canonical_org(name: str) -> str:
    """One name for one institution: "Syrian presidential office" -> "Syrian presidency".

    Outlets name the same office in several ways; a single form lets the same
    statement from two reports merge and keeps the speaker list short.
    """
    for pattern, replacement in _org_synonyms():
        name = pattern.sub(replacement, name)
    return name


def distinct_pairs(persons: Iterable[str]) -> set[tuple[str, str]]:
    """(short, full) pairs one article keeps apart: "President Obama" next to "Michelle Obama".

    Within an article a surname met after its full name is folded into it, so a
    short name that stands as its own person there is a different person.
    """
    persons = list(persons)
    keys = {name_key(p): p for p in persons}
    return {(keys[k], full) for full in persons for k in surname_keys(full) if k in keys}


def canonical_names(names: Iterable[str], distinct: set[tuple[str, str]] | None = None) -> dict[str, str]:
    """Map short person names to the unique longer name that ends with them, across a set.

    "Obama" (from "President Obama") -> "Barack Obama" when one article gives the
    full name. Ambiguous short names ("Smith" with two Smiths) stay as they are, and
    so do pairs an article shows to be two people (`distinct_pairs`).
    """
    distinct = distinct or set()
    full = [n for n in set(names) if len(n.split()) >= 2]
    by_key: dict[str, set[str]] = {}
    for n in full:
        for key in surname_keys(n):
            by_key.setdefault(key, set()).add(n)
    out: dict[str, str] = {}
    for n in set(names):
        matches = by_key.get(name_key(n), set())
        if len(matches) == 1 and (n, next(iter(matches))) not in distinct:
            out[n] = next(iter(matches))
    return out
