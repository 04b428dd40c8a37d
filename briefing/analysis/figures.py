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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.analysis.dates import Reference, When, find_dates
from briefing.analysis.numbers import FRACTION_RE, NumberMatch, find_numbers, parse_fraction, parse_number
from briefing.analysis.profile import Lexicon, compile_phrases
from briefing.models import Article, Figure, SentenceRef

KIND_ORDER = ("killed", "injured", "displaced", "refugees", "troops", "other")
TOLERANCE = 0.10
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


def compile_rules(lexicon: Lexicon) -> FigureRules:
    kinds_raw: dict[str, list[str]] = lexicon.get("figures", "kinds") or {}
    kinds = tuple((k, compile_phrases(v)) for k, v in kinds_raw.items() if compile_phrases(v))
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
    people = compile_phrases(lexicon.phrases("figures", "people_nouns"))
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
    )


# --- reported_by ---------------------------------------------------------------------------
_NAME = r"(?:the\s+|The\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|on|and|the|de|al-\w+))*"
_SAY = r"(?:reported|said|says|reports|estimated|estimates|added|noted|announced|told\s+\w+)"
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,;]+?)(?=[,;]|\.\s+[A-Z\"“]|\.?[\"”’]?\s*$)")
TRAILING_RE = re.compile(
    rf",\s*(?P<who>(?:(?:the|a|an)\s+)?(?:[\w.'’&-]+\s+){{0,6}}?[\w.'’&-]+)\s+{_SAY}"
    r"(?:\s+(?:on\s+)?\w+){0,2}\s*[.!]?[\"”’]?\s*$"
)
LEADING_RE = re.compile(
    rf"^(?:(?:while|but|whereas|and)\s+)?(?P<who>(?:[Tt]he|[Aa]n?)\s+(?:[\w.'’-]+\s+){{0,3}}?[a-z][\w'’-]*|{_NAME}|[A-Z][\w.'’-]*(?:\s+[a-z][\w'’-]*){{1,2}})\s+"
    r"(?:said|says|reported|reports|estimated|estimates|puts|put|counted|counts|recorded|documented|registered)\b"
    r"(?!\s+(?:it|that\s+it)\b)"
)
_ADVERB_TAIL_RE = re.compile(r"(?:\s+(?:later|earlier|also|separately|previously|then|had|has|have))+$")
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?=(?:while|but|whereas)\b)|\s+(?=while\b)")
_PRONOUNS = frozenset("he she they it we i you one who which a an the some".split())


def reported_by(sentence: str, position: int | None = None) -> str | None:
    """Who the sentence says counted a figure: "according to X", "..., X reported", "X puts the toll at".

    With two counters in one sentence ("..., according to A, while B puts the toll at N"),
    the clause holding the figure decides.
    """
    if position is not None:
        clause = _clause_at(sentence, position)
        if clause != sentence:
            own = _credit(clause, trailing_ok=False)
            if own:
                return own
    return _credit(sentence, trailing_ok=True)


def _clause_at(sentence: str, position: int) -> str:
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.start() >= position:
            return sentence[start:m.start()]
        start = m.end()
    return sentence[start:]


def _credit(text: str, trailing_ok: bool) -> str | None:
    according = ACCORDING_RE.search(text)
    trailing = TRAILING_RE.search(text) if trailing_ok else None
    leading = LEADING_RE.search(text.strip())
    primary = according.group("who").strip() if according else None
    credit = None
    for m in (trailing, leading):
        if m and m.group("who").strip().lower() not in _PRONOUNS:
            credit = _ADVERB_TAIL_RE.sub("", m.group("who").strip())  # "a police source later said"
            break
    if primary and credit and credit.lower() not in primary.lower():
        return f"{primary} (via {credit})"
    return primary or credit


# --- extraction ------------------------------------------------------------------------------
def extract_figures(
    article: Article, rules: FigureRules, ref: Reference
) -> list[tuple[Figure, bool, str | None]]:
    """(figure, is_war_total, resolved day or None) for every figure in the article."""
    out: list[tuple[Figure, bool, str | None]] = []
    seen: set[tuple[str, int, str]] = set()  # a caption repeating the body is one figure
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
            by = reported_by(text, position)
            part = bool(_INCLUDING_RE.search(text, max(0, position - 20), position))
            # a part of a count ("including 12 children") is compared with nothing: it is not a rival toll
            scope = (False, None) if part else (total, day)
            out.append((replace(fig, reported_by=by, article=article.id, evidence=evidence), *scope))
    return out


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
        qualifier = "at least" if num.vague else _qualifier(text, num.start, rules)
        figures.append((Figure(kind, num.value, qualifier, _as_written(text, num, rules), None, ""), num.start))
    return figures


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
    if kind == "troops":
        # "Two soldiers were killed": the soldiers are the count, the verb its kind
        casualty = _kind_from(rules.after.match(text, after.end()), rules)
        if casualty in ("killed", "injured") and not _EITHER_RE.match(text, after.end()):
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
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)), default=max(0, start - 80))
    kind = _kind_from(rules.before.search(text[clause_start:start]), rules)
    if kind:
        return kind
    people = rules.people_after and rules.people_after.match(text, end)
    demonyms = rules.demonyms_after and rules.demonyms_after.match(text, end)
    return "other" if people or demonyms else None


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


# --- disagreement ----------------------------------------------------------------------------
def _range(fig: Figure) -> tuple[float, float]:
    v = float(fig.value)
    if "thousands" in fig.text.lower() or "hundreds" in fig.text.lower() or "dozens" in fig.text.lower():
        return v, v * 10
    return {
        "exact": (v, v),
        "about": (v * 0.9, v * 1.1),
        "at least": (v, v * 1.1),
        "over": (v, v * 1.1),
        "nearly": (v * 0.9, v),
        "up to": (v * 0.9, v),
    }.get(fig.qualifier, (v, v))


def conflicting(a: Figure, b: Figure) -> bool:
    lo, hi = sorted((_range(a), _range(b)), key=lambda r: r[0])
    return hi[0] > lo[1] * (1 + TOLERANCE)


def mark_disagreements(found: Sequence[tuple[Figure, bool, str | None]]) -> list[Figure]:
    """Flag every figure that conflicts with a figure of the same kind and scope from another source.

    Linear per group: a figure conflicts with some other-source figure iff it
    conflicts with the other-source figure whose range starts highest or ends
    lowest, so only those extremes (best two sources each) are compared.
    """
    groups: dict[tuple[str, bool, str | None], list[int]] = defaultdict(list)
    for i, (fig, total, day) in enumerate(found):
        if fig.value > 0 and fig.kind != "other" and (total or day):
            groups[(fig.kind, total, day)].append(i)
    flagged: set[int] = set()
    for members in groups.values():
        ranges = {i: _range(found[i][0]) for i in members}
        source = {i: (found[i][0].article, found[i][0].reported_by) for i in members}
        highest = _two_sources(sorted(members, key=lambda i: -ranges[i][0]), source)
        lowest = _two_sources(sorted(members, key=lambda i: ranges[i][1]), source)
        for i in members:
            for j in (*highest, *lowest):
                if source[j] != source[i] and conflicting(found[i][0], found[j][0]):
                    flagged.add(i)
                    break
    figures = [replace(fig, disagreement=(i in flagged)) for i, (fig, _, _) in enumerate(found)]
    figures.sort(key=lambda f: (KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else 99, -f.value))
    return figures


def _two_sources(ordered: list[int], source: dict[int, tuple[str, str | None]]) -> list[int]:
    """The first member, and the first member from a different source."""
    if not ordered:
        return []
    first = ordered[0]
    other = next((i for i in ordered if source[i] != source[first]), None)
    return [first] if other is None else [first, other]
