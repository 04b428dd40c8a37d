"""Who published a text that carries no metadata, read from the conventions of news copy.

Wire and broadcast copy names its outlet in a few stock places: a dateline
("BEIRUT (Reuters) -"), a credit line ("The Associated Press contributed to
this report."), a closing attribution ("..., Al Jazeera reported."), a copyright
line. Desks also leave routing codes at the end ("S/SH 11", "jm/sst", "-30-").
These patterns are the conventions themselves, not any one article; the
trailer lines are metadata, so they are removed from the text.

Datelines are metadata too ("KIEV (Reuters) -", "KIEV, April 7. /ITAR-TASS/."): they
are cut from the lede so that titles, summaries and the digest start with the story
(`strip_datelines`), keeping the agency as the outlet and a stated date on a line of
its own. Photo captions ("... react after they were found alive, in Mae Sai, Tuesday,
July 3, 2018.") stay in the text, but `is_caption` lets titles and the digest skip them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Common agency abbreviations as they appear in datelines and credits.
_AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "afp": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "upi": "United Press International",
    "ansa": "ANSA",
    "efe": "EFE",
    "pa": "PA Media",
    "cp": "The Canadian Press",
    "aap": "Australian Associated Press",
    "ians": "IANS",
    "pti": "Press Trust of India",
}
_NAME = r"[A-Z][\w&'.\-]*(?:\s+(?:of|the|for|and|de|al|el)?\s*[A-Z][\w&'.\-]*){0,5}"

# A desk or routing code on its own line: "S/SH 11", "AB/CD", "jm/sst", "bur-fz/ach", "-30-", "###", "ENDS".
_WIRE_CODE = re.compile(
    r"^(?:[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*(?:/[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*)+(?:\s+\d{1,4})?"
    r"|[A-Z]{1,6}\s+\d{1,4}|-\s*30\s*-|#{3}|\(?ENDS?\)?)$"
)
_CONTRIBUTED = re.compile(
    rf"^(?P<who>(?:The\s+)?{_NAME}(?:,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+contributed\s+"
    r"(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b[^.]{0,80}\.?$"
)
_REPORTING_BY = re.compile(r"^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by\b[^\n]{0,300}\)?$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:\u00a9|\(c\)|Copyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?"
    r"(?P<who>[^.\n]{2,60}?)\.?(?:\s*All rights reserved\.?)?$",
    re.I,
)
# "QUEBEC CITY/TORONTO", "WASHINGTON, D.C.", "GENEVA, March 14": capitals (a slash joins two cities).
_PLACE = r"[A-Z][A-Z .'/\-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?(?:,\s*\w{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_PLACE_WORDS = r"[A-Z][\w.'/\-]*(?:[ ,]+[A-Z\d][\w.'/\-]*){0,5}"  # "London", "GENEVA, March 14"
_AGENCY = r"\((?P<who>[A-Z][\w .&\-]{0,30}|[a-z]{2,4})\)"
_DASH = r"\s*[-\u2013\u2014:]{1,2}\s*"
# "BEIRUT (Reuters) -", "GENEVA, March 14 (Xinhua) --", "(CNN) --" name the outlet;
# "MOSCOW —" and "COLUMBUS, Ohio --" only a place, which a title does not need either.
# "KIEV, April 7. /ITAR-TASS/." is the TASS form of the same thing.
_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE_WORDS})?\s*{_AGENCY}(?:{_DASH}|\s+(?=[A-Z\"\u201c]))"
    rf"|{_PLACE}\.?\s*/(?P<slashed>[A-Z][\w .&\-]{{1,30}})/\.?\s*)"
)
# A place alone needs a dash or bar after it ("MOSCOW \u2014", "SEOUL, South Korea --",
# "CHRISTCHURCH, New Zealand |"): a capitalised opening word followed by a colon is a
# transcript's speaker ("TRUMP: Well"), not a dateline. "FILE -" opens a photo caption.
_PLACE_ONLY = re.compile(rf"^(?!FILE\b){_PLACE}\s*(?:\u2014|--|\u2013|-(?=\s)|\|)\s*(?=[A-Z\"\u201c\u2018']|$)")
# A dateline whose dash was lost, glued to the lede ("DONETSK/KIEV, Ukraine Pro-Russian
# protesters seized", "DALLAS, April 18 A gray dress sold"): capitals, a comma, then a
# date or a known country or state, then the sentence. Only taken when the rest reads
# as prose (a lower-case word soon), so a headline "NATO, Russia Trade Barbs" is left alone.
_GLUED = re.compile(r"^(?P<place>[A-Z][A-Z.'\-]*[A-Z.](?:[ /][A-Z][A-Z.'\-]*)*),\s+(?P<rest>\S.*)$", re.S)
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_MONTH_DAY = re.compile(rf"^{_MONTH_NAME}\.?\s+\d{{1,2}}\.?\s+(?=[A-Z\"\u201c])")
# US states as datelines write them (AP style abbreviations and full names) and a few
# regions that are not countries; countries themselves come from pycountry.
_REGIONS = (
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. "
    "Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. "
    "W.Va. Wis. Wyo. D.C."
).split() + [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
    "West Virginia", "Wisconsin", "Wyoming", "England", "Scotland", "Wales", "Northern Ireland", "Britain",
    "Russia", "Syria", "Iran", "South Korea", "North Korea", "Vietnam", "Laos", "Kosovo", "Ivory Coast",
    "Gaza", "Gaza Strip", "West Bank", "Ontario", "Quebec", "British Columbia", "Alberta", "Nova Scotia",
    "New South Wales", "Victoria", "Queensland",
]
# How far into the text a dateline may start (words before its paragraph): captions,
# video blurbs, galleries and share buttons often come before it in scraped copy,
# but they are short; a capitalised opening deep in the story is no dateline.
LEDE_WORDS = 150
_REPORTED = re.compile(
    rf"[,;]\s+(?:the\s+|The\s+)?(?P<who>{_NAME})\s+(?:reported|reports)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\.?[\"\u201d]?$"
)
_POSSESSIVE = re.compile(r"['\u2019]s?\s+")  # "ABC News' Jane Roe contributed": the outlet is ABC News
_CREDIT_WORDS = re.compile(
    r"\b(?:Press|News|Agency|Agence|Wire|TV|Television|Radio|Broadcasting|Network|Times|Post|Journal|"
    r"Herald|Tribune|Guardian|Gazette|Telegraph|Media|Service|Reuters|Bloomberg|Xinhua|Interfax|Tass|Sputnik)\b"
)


def strip_trailer(paragraphs: Sequence[str]) -> tuple[list[str], str | None]:
    """Remove trailing wire codes and credit lines; return the outlet a credit named."""
    kept = list(paragraphs)
    outlet: str | None = None
    while kept:
        last = kept[-1].strip()
        if _WIRE_CODE.match(last) or _REPORTING_BY.match(last):
            kept.pop()
            continue
        credit = _credit_outlet(last)
        if credit is None:
            break
        kept.pop()
        outlet = outlet or credit or None
    return kept, outlet


def _credit_outlet(line: str) -> str | None:
    """'' for a credit line naming no outlet (a person), None when it is no credit line."""
    if len(line) > 200:
        return None
    for pattern in (_CONTRIBUTED, _COPYRIGHT):
        match = pattern.match(line)
        if match:
            who = _POSSESSIVE.split(match.group("who"), maxsplit=1)[0].strip(" ,")
            return _canonical(who) if _looks_like_outlet(who) else ""
    return None


def outlet_from_text(paragraphs: Sequence[str]) -> str | None:
    """The outlet named by a dateline in the lede or a closing 'X reported.'"""
    if paragraphs:
        _, outlet, _ = split_dateline(paragraphs[0])
        if outlet:
            return outlet
    for paragraph in reversed(paragraphs[-3:]):
        match = _REPORTED.search(paragraph)
        if match:
            return _canonical(match.group("who"))
    return None


def strip_dateline(text: str) -> str:
    """`text` without a leading dateline (any of the forms above; glued ones only in prose)."""
    return split_dateline(text)[0]


def split_dateline(text: str) -> tuple[str, str | None, bool]:
    """(text without its leading dateline, the outlet the dateline names, whether there was one).

    A dateline is metadata, not the first words of the story: left in, it becomes the
    title ("KIEV, April 7"), opens the bottom line and pollutes the digest's concepts."""
    match = _DATELINE.match(text)
    if match and _plausible(match):
        outlet = _canonical(match.group("who") or match.group("slashed"))
        return text[match.end() :].lstrip(), outlet, True
    match = _PLACE_ONLY.match(text)
    if match and _plausible_place(match.group(0)):
        return text[match.end() :].lstrip(), None, True
    rest = _glued_rest(text)
    if rest is not None:
        return rest, None, True
    return text, None, False


def _plausible(match: re.Match[str]) -> bool:
    """A dateline in capitals with a dash after the parenthesis is one; a title-case
    opening ("London (CNN) Did ...") or no dash must name a real outlet, or "The
    European Space Agency's (Esa) Planck ..." would lose its subject."""
    who = match.group("who")
    if who is None:
        return True  # the slashed TASS form
    head = match.group(0)
    place = head[: head.find("(")].split(",")[0]  # the city; "Tuolumne County" after it is a region
    dashed = any(ch in head[head.rfind(")") :] for ch in "-:\u2013\u2014")
    if dashed and not any(ch.islower() for ch in place):
        return True
    return _looks_like_outlet(who)


def _plausible_place(head: str) -> bool:
    """A plain hyphen also joins two capitalised names ("US - China talks", "EU - Turkey
    deal"): after a place of fewer than four letters only a real dash or bar counts."""
    place, _, separator = head.rstrip().rpartition(" ")
    if separator != "-":
        return True
    return sum(ch.isalpha() for ch in place.split(",")[0]) >= 4


def strip_datelines(paragraphs: Sequence[str]) -> tuple[list[str], str | None]:
    """Remove the first dateline found at the start of a paragraph in the lede.

    Returns the paragraphs (a line that held only a dateline is dropped, and the
    search goes on to the dateline of the story itself; a dateline's date stays as a
    line of its own, see `_dated_head`) and the outlet a dateline named (an agency:
    Reuters, AP, ITAR-TASS)."""
    kept: list[str] = []
    outlet: str | None = None
    words = 0
    done = False
    for paragraph in paragraphs:
        if not done and words < LEDE_WORDS:
            rest, named, found = split_dateline(paragraph)
            if found:
                outlet = outlet or named
                dated = _dated_head(paragraph[: len(paragraph) - len(rest)])
                kept.extend([dated] if dated else [])
                rest = rest.lstrip(" .,;:-\u2013\u2014|")
                done = bool(rest)  # a dateline alone on its line heads the real one
                if not rest:
                    continue
                paragraph = rest
        words += len(paragraph.split())
        kept.append(paragraph)
    return (kept, outlet) if kept else (list(paragraphs), outlet)


_DATED_HEAD = re.compile(rf"^(?P<keep>[^(/]*?\b{_MONTH_NAME}\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}}\b)?)")


def _dated_head(head: str) -> str | None:
    """The place and date of a dateline that gives a date ("KIEV, April 7"), as a line of
    its own: the day a story was written anchors its "Monday" and "yesterday" (the
    timeline reads it from the first paragraphs), but it is no part of the lede."""
    match = _DATED_HEAD.match(head.strip())
    return match.group("keep").rstrip(" ,") + "." if match else None


def _glued_rest(text: str) -> str | None:
    """The text after a dateline that lost its dash, or None when there is none."""
    match = _GLUED.match(text)
    if not match or sum(ch.isalpha() for ch in match.group("place")) < 3:
        return None
    rest = match.group("rest")
    date = _MONTH_DAY.match(rest)
    if date:
        after = rest[date.end() :]
    else:
        region = next((r for r in _regions() if rest.startswith(r + " ")), None)
        if region is None:
            return None
        after = rest[len(region) :].lstrip()
    head = after.split()[:5]
    if not head or not (head[0][0].isupper() or head[0][0] in "\"\u201c") or not any(w[0].islower() for w in head[1:]):
        return None
    return after


@lru_cache(maxsize=1)
def _regions() -> tuple[str, ...]:
    """Countries (pycountry's names, short forms before a comma) and `_REGIONS`, longest
    first so "South Korea" wins over a shorter name. Loaded only when a glued dateline
    shape appears, which is rare."""
    import pycountry

    names = set(_REGIONS)
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.split(",")[0].split(" (")[0])
    return tuple(sorted(names, key=len, reverse=True))


def _looks_like_outlet(name: str) -> bool:
    bare = name.removeprefix("The ").strip()
    return bool(_CREDIT_WORDS.search(name)) or bare.lower() in _AGENCIES or bool(re.fullmatch(r"[A-Z]{2,6}", bare))


def _canonical(name: str) -> str:
    name = " ".join(name.split())
    return _AGENCIES.get(name.lower(), name)


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = _MONTH_NAME + r"\.?"
# "(AP Photo/Jane Doe)", "(Photo: Reuters)", "(REUTERS/Jane Doe)": a picture's credit.
_PHOTO_CREDIT = r"\((?:[A-Z][\w .&\-]{0,30}\s)?Photos?\b[^)]{0,80}\)|\([A-Z]{2,12}/[A-Z][a-z]+\s[A-Z][^)]{0,60}\)"
# A photo caption describes a picture and ends on its full date, set off as captions
# set it: "..., in Mae Sai, Tuesday, July 3, 2018." (AP: a comma and the weekday) or
# "... in Lahore January 31, 2012." (Reuters: straight after the place), often with the
# credit "(AP Photo/Name)". Prose puts a preposition before such a date ("on Tuesday,
# July 3", "since March 1, 2011") or a verb ("will release the film July 22, 2011").
_DATE_END = re.compile(
    rf"(?P<before>\S+)\s+(?:(?P<weekday>{_WEEKDAY}),?\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*\.?\s*"
    rf"(?:{_PHOTO_CREDIT})?\s*\.?$"
)
_CREDIT_END = re.compile(rf"(?:{_PHOTO_CREDIT})\s*\.?$")
# Who is where in the picture: "(L)", "(L-R)" ("(R)" alone is as often a party label).
_POSITION = re.compile(r"(?:^|\s)\((?:L|L-R|l|l-r)\)(?:\s|,)")
_DATE_PREPOSITIONS = frozenset(
    "on since until till by from to before after of through between and or ending beginning starting "
    "effective dated as at in".split()
)
_TAIL = 160  # longer than any date-and-credit ending
_YEAR = re.compile(r"\d{4}")


def is_caption(sentence: str) -> bool:
    """Whether a sentence is a photo caption or a picture credit, not reporting."""
    text = sentence.strip()
    tail = text[-_TAIL:]  # both patterns are anchored at the end: search only there
    if tail.rstrip(" .").endswith(")") and _CREDIT_END.search(tail):
        return True
    if ("(L" in text or "(l" in text) and _POSITION.search(text):
        return True
    match = _DATE_END.search(tail) if _YEAR.search(tail) else None
    if not match:
        return False
    before = match.group("before")
    word = before.strip(",;:()\"'\u201c\u201d").lower()
    if word in _DATE_PREPOSITIONS:
        return False
    if match.group("weekday"):
        return before.endswith(",")
    return before[:1].isupper()
