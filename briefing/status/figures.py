"""Casualty, displacement and troop figures, with who counted them, and where sources disagree.

A figure is a number phrase tied to a kind word by a short grammatical bridge:
"N people have been killed", "killed at least N", "the lives of over N",
"half of the population has been displaced". Tying a number to the nearest
kind word instead goes wrong on "N have been killed and half ... displaced".

Disagreement rule (never averaged, never dropped): every figure becomes a
range from its qualifier (exact: [v, v]; about: [0.9v, 1.1v]; at least/over:
[v, 1.1v]; nearly/up to: [0.9v, v]; a vague plural such as "thousands":
[v, 10v]). Two figures of the same kind and scope from different sources
(another article, or another counter in the same article) disagree when the
higher range starts more than 10% above the end of the lower one. So "at
least 250,000" and "over 470,000" killed disagree although both are lower
bounds: the best figures are 1.9x apart. Incident counts ("5 killed in an
airstrike on Monday") are compared only with counts of the same kind on the
same resolved day; war totals ("since", "the war", "death toll"...) only with
war totals; a count with neither ("150 migrants crossed") with nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from briefing.models import Article, Figure, SentenceRef
from briefing.status.dates import PRESENT_RE, RELATIVE_LINK_RE, Period, Reference, When, find_dates, past_periods
from briefing.status.figure_sources import named_sources, reported_by
from briefing.status.numbers import FRACTION_RE, NumberMatch, find_numbers, parse_fraction, parse_number
from briefing.status.profile import Lexicon, compile_phrases

KIND_ORDER = ("killed", "injured", "displaced", "refugees", "troops", "other")
_AUX = r"(?:(?:have|has|had|were|was|are|is|been|being|be|to|reportedly|now|already|also)\s+)*"
# An aside between the count and its verb: "160 Palestinians, many of whom were civilians, were killed".
_ASIDE = (r",\s+(?:(?:many|most|some|all|several|none|half|dozens|hundreds|thousands)\s+of\s+(?:whom|them)|"
          r"including|among\s+them|mostly|mainly|largely)\b[^,;]{0,60},")
_GAP_WORD = r"(?!(?:and|but|while|whereas|or)\b)[\w'’.-]+"


@dataclass(frozen=True)
class FigureRules:
    """The lexicon's figure section, compiled once."""

    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    after: re.Pattern[str]  # number, a short bridge, then a kind word ("people have been killed")
    before: re.Pattern[str]  # a kind word, a short bridge, then the number ("killed at least")
    people_after: re.Pattern[str] | None  # "N (of) (the) civilians"
    demonyms_after: re.Pattern[str] | None  # "thousands of Syrians"
    noun_tails: tuple[re.Pattern[str], ...]  # how far "text as written" runs after the number
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    non_count: re.Pattern[str] | None
    incident: re.Pattern[str] | None
    total: re.Pattern[str] | None
    countries: frozenset[str] = frozenset()  # "fled to Chad" makes refugees, "fled to Rafah" displaced
    other_after: re.Pattern[str] | None = None  # "N people protested", "N migrants remain stranded"
    other_before: re.Pattern[str] | None = None  # "detained N migrants", "evacuated more than N civilians"


def compile_rules(lexicon: Lexicon) -> FigureRules:
    kinds_raw: dict[str, list[str]] = lexicon.get("figures", "kinds") or {}
    kinds = tuple((k, p) for k, v in kinds_raw.items() if (p := compile_phrases(v)) is not None)
    # One regex per direction with a named group per kind: one match call finds the nearest cue.
    groups = "|".join(f"(?P<{_group(k)}>{p.pattern})" for k, p in kinds)
    after = re.compile(
        rf"\s*(?:of\s+)?(?:{_GAP_WORD}\s+){{0,4}}?(?:(?:{_GAP_WORD})?{_ASIDE}\s+)?{_AUX}(?:{groups})", re.I
    )
    before = re.compile(rf"(?:{groups})\s+(?:{_GAP_WORD}\s+){{0,3}}$", re.I)
    quals = lexicon.get("figures", "qualifiers") or {}
    qualifiers = tuple(
        (name, re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in sorted(ps, key=len, reverse=True))})\s*$", re.I))
        for name, ps in quals.items()
    )
    plurals = [f for f in lexicon.demonyms if f.endswith("s") and f[:1].isupper() and " " not in f]
    people = compile_phrases((*lexicon.phrases("figures", "people_nouns"), *CROWD_NOUNS))
    demonyms = compile_phrases(plurals)
    nouns = [p for p in (people, demonyms, *(p for _, p in kinds)) if p is not None]
    return FigureRules(
        kinds=kinds,
        after=after,
        before=before,
        people_after=people and re.compile(rf"\s*(?:of\s+)?(?:[\w'’-]+\s+)?(?:{people.pattern})", re.I),
        demonyms_after=demonyms and re.compile(rf"\s*(?:of\s+)?(?:{demonyms.pattern})"),
        noun_tails=tuple(
            re.compile(rf"\s+(?:of\s+)?(?:(?!(?:and|or|but)\b)[\w'’-]+\s+)?(?:{n.pattern})", re.I) for n in nouns
        ),
        countries=frozenset(lexicon.country_names),
        qualifiers=qualifiers,
        non_count=re.compile(
            rf"^[\s-]*(?:{'|'.join(re.escape(u) for u in lexicon.phrases('figures', 'non_count_units'))})\b", re.I
        ),
        incident=compile_phrases(lexicon.phrases("figures", "incident_cues")),
        total=compile_phrases(lexicon.phrases("figures", "total_cues")),
        **_other_rules(lexicon),
    )


# Who else is counted in a crisis besides the lexicon's people nouns: crowds, captives, staff.
CROWD_NOUNS = (
    "protesters", "protestors", "demonstrators", "activists", "students", "workers", "aid workers", "passengers",
    "journalists", "pilgrims", "worshippers", "miners", "sailors", "tourists", "patients", "evacuees",
)


# What a count of people "other" than the casualty kinds must be doing to be a figure at all:
# a crowd, detainees, hostages, evacuees, people trapped. "thousands of Syrians in besieged
# areas" or "his three children" count nothing a brief can use. conflict.yaml may replace the
# list with `figures.other_verbs`.
OTHER_VERBS = (
    "detained", "arrested", "were held", "are held", "was held", "being held", "held hostage", "held captive",
    "jailed", "imprisoned", "captured", "kidnapped", "abducted", "taken hostage",
    "missing", "unaccounted for", "trapped", "stranded", "besieged", "under siege", "evacuated", "rescued", "freed",
    "released", "arrived", "crossed", "gathered", "protested", "protesting", "rallied", "marched", "demonstrated",
    "stormed", "occupied", "surrendered", "defected", "deported", "expelled", "sickened", "infected",
    "hospitalized", "hospitalised", "took part", "joined", "inside", "holed up", "sheltering", "in custody",
    "in detention", "barricaded",
)
_OTHER_AUX = (
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|be|now|still|reportedly|already|also|allegedly|later|then|"
    r"remain|remained|remains|stayed|reported|believed\s+to\s+be|thought\s+to\s+be|said\s+to\s+be))*"
)
_OTHER_LEAD = (
    r"(?:\s+(?:all|another|a\s+further|a\s+total\s+of|the|some|about|around|more\s+than|over|at\s+least|nearly|"
    r"up\s+to|as\s+many\s+as|an\s+estimated|roughly|almost))*"
)


def _other_rules(lexicon: Lexicon) -> dict[str, re.Pattern[str] | None]:
    verbs = compile_phrases(lexicon.phrases("figures", "other_verbs") or OTHER_VERBS)
    if verbs is None:
        return {"other_after": None, "other_before": None}
    return {
        "other_after": re.compile(rf"(?:{_ASIDE})?(?:\s+(?:who|that))?{_OTHER_AUX}\s+(?:{verbs.pattern})", re.I),
        "other_before": re.compile(rf"(?:{verbs.pattern}){_OTHER_LEAD}\s*$", re.I),
    }




# --- extraction ------------------------------------------------------------------------------
def extract_figures(
    article: Article, rules: FigureRules, ref: Reference
) -> list[tuple[Figure, bool, str | None]]:
    """(figure, is_war_total, resolved day or None) for every figure in the article."""
    out: list[tuple[Figure, bool, str | None]] = []
    seen: set[tuple[str, int, str]] = set()  # a caption repeating the body is one figure
    history = _History(article, ref.firm_year())
    for sentence in article.sentences:
        text = sentence.text
        if not _might_have_figures(text):
            continue
        evidence = SentenceRef(article.id, sentence.index, text)
        figs = _sentence_figures(text, rules)
        if not figs:
            continue
        dates = find_dates(text, ref)
        total, day = _scope(text, rules, dates)
        for fig, position in figs:
            key = (fig.kind, fig.value, fig.text.lower())
            if key in seen:
                continue
            seen.add(key)
            by = named_sources(article, reported_by(text, position))
            part = bool(_INCLUDING_RE.search(text, max(0, position - 20), position))
            past = history.background(sentence.index, position)
            if past and not CAN_MARK_BACKGROUND:
                continue  # an earlier war's toll shown as today's would be false; see CAN_MARK_BACKGROUND
            # a part of a count ("including 12 children") or an earlier war's toll is compared with nothing
            scope = (False, None) if part or past else (total, day)
            fig = replace(fig, reported_by=by, article=article.id, evidence=evidence)
            out.append((replace(fig, **_BACKGROUND) if past else fig, *scope))
    return out


# Figure.background (requested from models.py) marks an earlier war's toll; until the field
# exists such figures are left out, so that none is ever shown as a current total.
CAN_MARK_BACKGROUND = "background" in {f.name for f in fields(Figure)}
_BACKGROUND: dict[str, Any] = {"background": True}  # a field Figure does not have yet


class _History:
    """Which sentences of an article speak of an earlier war or period, not of now.

    A figure is background when its sentence names an earlier war ("in the 2012
    war", "last year's offensive", "in 2015" when the article is of 2016), unless
    the sentence is anchored in the present ("on Monday", "today") and the figure
    is not in a clause about that war ("..., in which 2,200 died"). A paragraph
    that opens on an earlier war ("In the operation in November 2012, ...") keeps
    its later sentences in that time until one is anchored in the present or
    counts up to now ("have been killed since").
    """

    def __init__(self, article: Article, firm_year: int | None) -> None:
        self.article = article
        self.firm_year = firm_year
        self._periods: dict[int, list[Period]] = {}

    def periods(self, index: int) -> list[Period]:
        if index not in self._periods:
            self._periods[index] = past_periods(self.article.sentences[index].text, self.firm_year)
        return self._periods[index]

    def background(self, index: int, position: int) -> bool:
        text = self.article.sentences[index].text
        periods = self.periods(index)
        if any(self._linked(text, p, position) for p in periods):
            return True  # "the deadliest day since the 2014 war, in which 2,200 died"
        if any(not p.comparison for p in periods):
            return not PRESENT_RE.search(text)
        return self._inherited(index)

    @staticmethod
    def _linked(text: str, period: Period, position: int) -> bool:
        link = RELATIVE_LINK_RE.search(text, period.end, position)
        return link is not None and link.start() - period.end < 40

    def _inherited(self, index: int) -> bool:
        sentences = self.article.sentences
        paragraph = sentences[index].paragraph
        for j in range(index, -1, -1):
            sentence = sentences[j]
            if sentence.paragraph != paragraph:
                return False
            if PRESENT_RE.search(sentence.text) or _UP_TO_NOW_RE.search(sentence.text):
                return False
            if j < index and any(not p.comparison for p in self.periods(j)):
                return True
        return False


_UP_TO_NOW_RE = re.compile(
    r"\b(?:since|ha(?:ve|s)\s+(?:been|now|so\s+far|killed|displaced|claimed|left|forced))\b", re.I
)


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


def _sentence_figures(text: str, rules: FigureRules) -> list[tuple[Figure, int]]:
    """(figure, where its number starts in the sentence)."""
    figures: list[tuple[Figure, int]] = []
    consumed: list[tuple[int, int]] = []
    for frac in FRACTION_RE.finditer(text):
        fig = _fraction_figure(text, frac, rules, consumed)
        if fig:
            figures.append((fig, frac.start()))
    for num in find_numbers(text):
        if any(s <= num.start < e for s, e in consumed) or _not_a_count(text, num, rules):
            continue
        kind = _kind(text, num.start, num.end, rules)
        if kind is None:
            continue
        if kind == "other" and figures and _INCLUDING_RE.search(text, max(0, num.start - 20), num.start):
            kind = figures[-1][0].kind  # "killed at least 45 people, including 12 children"
        written = _as_written(text, num, rules)
        if kind == "other":
            counted = _what_it_counts(text, num, rules)
            if counted is None:
                continue
            written = counted
        qualifier = "at least" if num.vague else _qualifier(text, num.start, rules)
        figures.append((Figure(kind, num.value, qualifier, written, None, ""), num.start))
    return figures


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
    return None


def _noun_end(text: str, num: NumberMatch, rules: FigureRules) -> int:
    """Where the counted noun ends: "1,500 people", "tens of thousands of migrants"."""
    for regex in (rules.people_after, rules.demonyms_after):
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
    kind = _kind(text, frac.start(), end, rules)
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
    if _YEAR_RE.fullmatch(num.text.replace(",", "")) and "," not in num.text:
        return True  # a year
    before = text[max(0, num.start - 12):num.start]
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return True  # a day of a month
    if _ORDINAL_AGE_RE.match(after) or _LABEL_BEFORE_RE.search(before) or _CLOCK_AFTER_RE.match(after):
        return True
    return bool(_AGE_OR_RATE_BEFORE_RE.search(before))


_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d")
_CLOCK_AFTER_RE = re.compile(r":\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)|/\d|[-\s]odd\s+(?:years|months|days)")
_AGE_OR_RATE_BEFORE_RE = re.compile(r"(?:\b(?:at|aged|age|per|No\.)|[:/])\s*$")
_MONTH_BEFORE_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_MONTH_AFTER_RE = re.compile(r"\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_ORDINAL_AGE_RE = re.compile(r"(?:st|nd|rd|th)\b|[-–]year|[\s-]*(?:year|month|day|week)s?[\s-]old")
_LABEL_BEFORE_RE = re.compile(r"(?:No\.|number|Resolution|resolution|Article|article|Route|route|page|\$|€|£)\s*$")


def _group(kind: str) -> str:
    return "k_" + re.sub(r"\W", "_", kind)


def _kind_from(m: re.Match[str] | None, rules: FigureRules) -> str | None:
    if m is None:
        return None
    for kind, _ in rules.kinds:
        if m.group(_group(kind)):
            return kind
    return None


_CLAUSE_END = re.compile(r"[;:—–]|,\s")


_EITHER_RE = re.compile(
    r"\s+(?:were\s+|have\s+been\s+)?(?:killed|wounded|injured)\s+(?:or|and)\s+(?:wounded|injured|killed)", re.I
)
_DESTINATION_RE = re.compile(r"\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")
_CROSSING_CUE_RE = re.compile(r"(?:fled|fleeing|flee|crossed|crossing)\s+(?:to|into)$", re.I)


def _refugees_or_displaced(text: str, cue_end: int, rules: FigureRules) -> str:
    """"fled to Chad" crosses a border; "fled to Rafah" (a town) does not."""
    if not _CROSSING_CUE_RE.search(text[max(0, cue_end - 20):cue_end]):
        return "refugees"  # "refugees", "asylum seekers", "fled abroad"
    dest = _DESTINATION_RE.match(text, cue_end)
    if dest is None:
        return "refugees"  # "fled to neighbouring countries"
    words = dest.group("name").split()
    if any(" ".join(words[:n]) in rules.countries for n in (2, 1)):
        return "refugees"
    return "displaced"


_OPEN_QUOTE_RE = re.compile(r"(?:^|\s)['\"“‘]")
_INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+$", re.I)
_ASIDE_REST_RE = re.compile(r"[^,;]{0,60},")


def _kind(text: str, start: int, end: int, rules: FigureRules) -> str | None:
    after = rules.after.match(text, end)
    if after and _OPEN_QUOTE_RE.search(text, end, after.end()):
        return None  # "Five 'happy refugees' pictures": a quoted label, not a count
    kind = _kind_from(after, rules)
    if kind == "troops" and after is not None:  # a kind comes from a match
        # "Two soldiers were killed": the soldiers are the count, the verb its kind
        casualty = _kind_from(rules.after.match(text, after.end()), rules)
        if casualty in ("killed", "injured") and not _EITHER_RE.match(text, after.end()):
            return casualty
        # "A mortar round killed three soldiers": so is a casualty verb just before the number
        casualty = _kind_from(rules.before.search(text[_clause_start(text, start):start]), rules)
        if casualty in ("killed", "injured"):
            return casualty
    if kind == "refugees" and after is not None:
        return _refugees_or_displaced(text, after.end(), rules)
    if kind:
        return kind
    if _INCLUDING_RE.search(text, max(0, start - 20), start):
        # "40 people, including 12 children, were killed": the part shares the whole's verb
        rest = _ASIDE_REST_RE.match(text, end)
        kind = _kind_from(rest and rules.after.match(text, rest.end()), rules)
        if kind:
            return kind
    kind = _kind_from(rules.before.search(text[_clause_start(text, start):start]), rules)
    people = rules.people_after and rules.people_after.match(text, end)
    if kind == "troops" and people:
        kind = None  # "Troops evacuated 2,000 civilians": the civilians are the count, not troops
    if kind:
        return kind
    demonyms = rules.demonyms_after and rules.demonyms_after.match(text, end)
    return "other" if people or demonyms else None


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding position `start` begins (at most 80 characters back)."""
    return max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)), default=max(0, start - 80))


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
    return text[start:end].strip(" ,.;")


def _scope(text: str, rules: FigureRules, dates: list[When]) -> tuple[bool, str | None]:
    """(is a running total, the day of an incident count); (False, None) compares with nothing."""
    day = next((w.date.isoformat() for w in dates if w.date), None)
    incident = bool(rules.incident and rules.incident.search(text)) or any(
        w.kind in ("weekday", "relative", "day") for w in dates
    )
    total = bool(rules.total and rules.total.search(text)) and not (incident and day)
    return total, (None if total else day)
