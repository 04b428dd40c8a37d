"""Casualty, displacement and troop figures: what the articles report, whom it counts and when.

A figure is a number phrase tied to a kind word (figure_kinds.py). Each one
says who counted it ("according to X": figure_sources.py), whom it counts
(`subject`: figure_subject.py), and when (`scope` and `as_of`: figure_time.py).
Numbers that are no current figure are left out (figure_filters.py: equipment,
populations, ages, hypotheticals), and so are photo captions (captions.py); an
earlier war's toll is kept apart as background. Where figures of one subject
and time disagree is disagreements.py's concern.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.models import Article, Figure, SentenceRef
from briefing.status.dates import Reference, find_dates
from briefing.status.figure_filters import elsewhere, not_current
from briefing.status.figure_kinds import BESIDES_RE, kind_of, share_list_kinds
from briefing.status.figure_rules import KIND_ORDER, FigureRules, compile_rules
from briefing.status.figure_sources import named_sources, reported_by
from briefing.status.figure_subject import counted_noun_end, subject_of
from briefing.status.figure_time import History, scope_and_day, standing_population
from briefing.status.numbers import FRACTION_RE, NumberMatch, find_numbers, parse_fraction, parse_number

__all__ = ["KIND_ORDER", "FigureRules", "compile_rules", "extract_figures"]


# --- extraction ------------------------------------------------------------------------------
def extract_figures(
    article: Article, rules: FigureRules, ref: Reference, captions: frozenset[int] = frozenset(),
    core: frozenset[str] = frozenset(),
) -> list[Figure]:
    """Every figure the article reports, with whom it counts (`subject`), its `scope` and `as_of`.

    Left out: numbers in photo captions (`captions`, sentence indexes), numbers that are no
    current figure (figure_filters: equipment, populations, ages, hypotheticals, court cases)
    and, when `core` names the states the set is about, counts in sentences that name only
    other states (another conflict; refugees excepted: they are counted where they arrive).
    An earlier war's count is kept with scope "background" (the caller keeps it apart).
    """
    out: list[Figure] = []
    seen: set[tuple[str, int, str]] = set()  # a caption repeating the body is one figure
    history = History(article, ref.firm_year())
    for sentence in article.sentences:
        text = sentence.text
        if sentence.index in captions or not _might_have_figures(text):
            continue
        figs = [f for f in _sentence_figures(text, rules) if not not_current(text, f[1], f[2], f[0].kind)]
        if figs and elsewhere(text, rules.nations, rules.nation_of, core):
            figs = [f for f in figs if f[0].kind == "refugees"]
        if not figs:
            continue
        evidence = SentenceRef(article.id, sentence.index, text)
        dates = find_dates(text, ref)
        total_cue = bool(rules.total and rules.total.search(text))
        incident_cue = bool(rules.incident and rules.incident.search(text))
        for fig, start, end in figs:
            key = (fig.kind, fig.value, fig.text.lower())
            if key in seen:
                continue
            seen.add(key)
            by = named_sources(article, reported_by(text, start))
            scope, day = scope_and_day(text, start, dates, ref, total_cue, incident_cue)
            if history.background(sentence.index, start) or standing_population(text, start, end, fig.kind) \
                    or _vague_and_earlier(text, start, fig) \
                    or (scope == "cumulative" and history.after_span(sentence.index)):
                scope = "background"
            out.append(replace(fig, reported_by=by, article=article.id, evidence=evidence,
                               subject=fig.subject or subject_of(text, start, end), scope=scope, as_of=day))
    return out


_VAGUE_TEXT_RE = re.compile(r"^(?:at\s+least\s+)?(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions)\b", re.I)
_PAST_PERFECT_RE = re.compile(
    r"\bhad\s+(?:already\s+|reportedly\s+|also\s+|now\s+)?(?:been\s+)?(?:[a-z]+ed|died|fled|lost|left|driven|"
    r"slain|taken|shot|forced)\b",
    re.I,
)
_CLAUSE_AROUND_RE = re.compile(r"[;:—–]|,\s")


def _vague_and_earlier(text: str, start: int, fig: Figure) -> bool:
    """"whose campaign had killed thousands of civilians": a vague count in the past perfect
    tells of an earlier time, never this round's toll (a floor of 1,000 would read as a count)."""
    if not _VAGUE_TEXT_RE.match(fig.text):
        return False
    left = [m.end() for m in _CLAUSE_AROUND_RE.finditer(text, 0, start)]
    right = _CLAUSE_AROUND_RE.search(text, start)
    clause = text[left[-1] if left else 0:right.start() if right else len(text)]
    return bool(_PAST_PERFECT_RE.search(clause))


_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    "hundred thousand million billion dozen dozens half third thirds quarter quarters percent eleven twelve "
    "twenty thirty forty fifty sixty seventy eighty ninety two three four five six seven eight nine ten scores "
    "hundreds thousands millions tens".split()
)
_WORD = re.compile(r"[a-z]+")


def _might_have_figures(text: str) -> bool:
    """Cheap gate: most sentences hold no number at all."""
    return bool(_DIGIT.search(text)) or not _NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower()))


def _sentence_figures(text: str, rules: FigureRules) -> list[tuple[Figure, int, int]]:
    """(figure, where its number starts and ends in the sentence), left to right."""
    figures: list[tuple[Figure, int, int]] = []
    consumed: list[tuple[int, int]] = []
    for frac in FRACTION_RE.finditer(text):
        fig = _fraction_figure(text, frac, rules, consumed)
        if fig:
            figures.append((fig, frac.start(), frac.end()))
    numbers = [n for n in find_numbers(text) + _single_people(text)
               if not any(s <= n.start < e for s, e in consumed) and not _not_a_count(text, n, rules)]
    numbers.sort(key=lambda n: n.start)
    spans: list[tuple[int, int, str | None, str]] = []
    previous: str | None = None
    for num in numbers:
        kind, how = kind_of(text, num.start, num.end, rules, previous)
        spans.append((num.start, num.end, kind, how))
        previous = kind or previous
    for num, kind in zip(numbers, share_list_kinds(text, spans)):
        if kind is None:
            continue
        written = _as_written(text, num, rules)
        if kind == "other":
            counted = _what_it_counts(text, num, rules)
            if counted is None:
                continue
            written = counted
        qualifier = "at least" if num.vague else _qualifier(text, num.start, rules)
        figures.append((Figure(kind, num.value, qualifier, written, None, ""), num.start, num.end))
    figures.sort(key=lambda f: f[1])
    return figures


# "one member of the force", "one civilian": "one" counts only before a singular person
_ONE_PERSON_RE = re.compile(
    r"(?<![\w'’-])(?<!the )(?<!The )(?<!this )(?<!that )(?<!any )(?<!no )[Oo]ne(?=\s+(?:[\w'’-]+\s+)?"
    r"(?:person|civilian|soldier|member|child|man|woman|boy|girl|protester|demonstrator|policeman|"
    r"police\s+officer|officer|journalist|fighter|militant|guard|worker|resident|villager)\b)"
)


def _single_people(text: str) -> list[NumberMatch]:
    return [NumberMatch(1, m.start(), m.end(), m.group(0)) for m in _ONE_PERSON_RE.finditer(text)]


_TAIL_WORDS_RE = re.compile(
    r"(?:\s+(?!(?:and|but|or|while|who|which|that|before|after|as|when|where|because|amid|since|according|said|"
    r"says|told|for|during|until|to)\b)[\w'’-]+){0,4}"
)
_TRAILING_FUNCTION_RE = re.compile(
    r"(?:\s+(?:in|on|at|of|the|a|an|to|from|for|with|near|by|into|its|their|his|her))+$", re.I
)


def _what_it_counts(text: str, num: NumberMatch, rules: FigureRules) -> str | None:
    """An "other" figure as the words that say what it counts ("Around 1,500 people protested in
    Donetsk", "detained 367 migrants"), or None when the sentence does not say (then it is no figure)."""
    noun = _noun_end(text, num, rules)
    start = _qualifier_match(text, num.start, rules)
    start = num.start if start is None else start
    after = rules.other_after and rules.other_after.match(text, noun)
    if after:
        tail = _TAIL_WORDS_RE.match(text, after.end())
        end = tail.end() if tail else after.end()
        phrase = _TRAILING_FUNCTION_RE.sub("", text[start:end])
        return phrase.strip(" ,.;:") or None
    before = rules.other_before and rules.other_before.search(text, max(0, start - 40), start)
    if before:
        return text[before.start():noun].strip(" ,.;:")
    if _CAPTIVES_RE.search(text, num.end, noun):
        return text[start:noun].strip(" ,.;:")  # "a prison packed with 5,000 detainees": held, by the noun
    return None


_CAPTIVES_RE = re.compile(r"\b(?:detainees|prisoners|hostages|captives|abductees|POWs)\b", re.I)


def _noun_end(text: str, num: NumberMatch, rules: FigureRules) -> int:
    """Where the counted noun ends: "1,500 people", "tens of thousands of migrants"."""
    for regex in (rules.people_after, rules.demonyms_after, rules.troops_after):
        m = regex and regex.match(text, num.end)
        if m:
            return m.end()
    return num.end


_POPULATION_RE = re.compile(
    r"^\s+of\s+(?:(?:the|its|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:pre-war\s+|prewar\s+)?population"
    r"(?:\s+of\s+(?P<base>(?:(?:about|around|some|nearly|roughly|approximately|more than|over)\s+)?[\w.,]+(?:\s+(?:million|billion|thousand))?))?",
    re.I,
)


_QUALIFIED = r"(?:(?:about|around|some|nearly|roughly|approximately|more than|over|almost)\s+)?"
# "40 percent of Gaza's 2.3 million residents": the whole is a count of people, not "population"
_BASE_NOUN_RE = re.compile(
    r"^\s+of\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w.-]+(?:'s|’s)\s+)?(?:estimated\s+|pre-?war\s+)?"
    rf"(?P<base>{_QUALIFIED}\d[\d,.]*(?:\s+(?:million|billion|thousand))?)\s+"
    r"(?:people|residents|inhabitants|civilians|citizens|population)\b",
    re.I,
)


def _fraction_figure(text: str, frac: re.Match[str], rules: FigureRules, consumed: list[tuple[int, int]]) -> Figure | None:
    """"(nearly) half of the country's population of about 23 million (has been) displaced"."""
    share = parse_fraction(frac.group(0))
    pop = _POPULATION_RE.match(text[frac.end():]) or _BASE_NOUN_RE.match(text[frac.end():])
    if share is None or not pop:
        return None
    end = frac.end() + pop.end()
    kind, _ = kind_of(text, frac.start(), end, rules)
    if kind is None:
        return None
    base = None
    if pop.group("base"):
        base_text = re.sub(rf"^{_QUALIFIED}", "", pop.group("base"), flags=re.I)
        base = parse_number(base_text.rstrip(".,"))
        consumed.append((frac.end() + pop.start("base"), end))
    qualifier = _qualifier(text, frac.start(), rules)
    if qualifier == "exact":
        qualifier = "about"  # "half of the population" is a rounded share, never a count
    start = frac.start()
    qual = _qualifier_match(text, start, rules)
    if qual is not None:
        start = qual
    value = round(share * base) if base else 0
    return Figure(kind, value, qualifier, text[start:end].strip(" ,"), None, "", base=base, fraction=round(share, 4))


def _not_a_count(text: str, num: NumberMatch, rules: FigureRules) -> bool:
    after = text[num.end:]
    if rules.non_count and rules.non_count.match(after):
        return True
    if _PART_AFTER_RE.match(after) or (
        _OF_HIS_AFTER_RE.match(after) and _AND_BEFORE_RE.search(text, max(0, num.start - 8), num.start)
    ):
        return True  # "the ambassador and three other Americans were killed": part of a count given beside it
    if _YEAR_RE.fullmatch(num.text.replace(",", "")) and "," not in num.text:
        return True  # a year
    before = text[max(0, num.start - 12):num.start]
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return True  # a day of a month
    if _ORDINAL_AGE_RE.match(after) or _LABEL_BEFORE_RE.search(before) or _CLOCK_AFTER_RE.match(after):
        return True
    return bool(_AGE_OR_RATE_BEFORE_RE.search(before)) and not _AT_A_COUNT_RE.search(text, max(0, num.start - 30), num.start)


_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d")
_PART_AFTER_RE = re.compile(r"\s+other\b", re.I)  # not "others": "killing 7 and injuring 40 others" counts
_OF_HIS_AFTER_RE = re.compile(r"\s+of\s+(?:his|her|their|its)\b", re.I)  # "the envoy and three of his aides"
_AND_BEFORE_RE = re.compile(r"\band\s+$")
_CLOCK_AFTER_RE = re.compile(r":\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)|/\d|[-\s]odd\s+(?:years|months|days)")
_AT_A_COUNT_RE = re.compile(r"\b(?:figure|number|toll|total|count|tally|estimate|stood|stands|stand|put|puts|estimated)\s+at\s*$", re.I)
_AGE_OR_RATE_BEFORE_RE = re.compile(r"(?:\b(?:at|aged|age|per|No\.)|[:/])\s*$")
_MONTH_BEFORE_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s*$"
)
_MONTH_AFTER_RE = re.compile(  # "5 March", "5 Sept." (not "50 Marines", "12 Decembrists")
    r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![a-z])"
)
_ORDINAL_AGE_RE = re.compile(r"(?:st|nd|rd|th)\b|[-–]year|[\s-]*(?:year|month|day|week)s?[\s-]old")
_LABEL_BEFORE_RE = re.compile(r"(?:No\.|number|Resolution|resolution|Article|article|Route|route|page|\$|€|£)\s*$")


def _qualifier_match(text: str, start: int, rules: FigureRules) -> int | None:
    window = max(0, start - 30)
    for _, regex in rules.qualifiers:
        m = regex.search(text, window, start)
        if m:
            return m.start()
    return None


def _qualifier(text: str, start: int, rules: FigureRules) -> str:
    window = max(0, start - 30)
    best: tuple[int, str] | None = None
    for name, regex in rules.qualifiers:
        m = regex.search(text, window, start)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else "exact"


def _as_written(text: str, num: NumberMatch, rules: FigureRules) -> str:
    """The qualifier, the number and the words up to the kind word: "at least 11 million people"."""
    start = _qualifier_match(text, num.start, rules)
    start = num.start if start is None else start
    end = num.end
    for tail_re in rules.noun_tails:
        tail = tail_re.match(text, num.end)
        if tail:
            end = tail.end()
            break
    noun = counted_noun_end(text, num.end)
    if noun is not None and noun > end:
        end = noun  # "Two U.S. security guards", not "Two"
    besides = BESIDES_RE.search(text, num.end, end)
    if besides:
        end = besides.start()  # "wounded 30 besides the dead": the dead are not the 30
    written = text[start:end].strip(" ,.;\"“”‘’")
    if written.count("“") > written.count("”") and "”" in text[end:end + 2]:
        written += "”"  # '109 “terrorists”': the source's closing quote, cut off with the noun's end
    return written
