"""Who is in the story: people, states, armed groups and organisations, aliases merged.

The mentions of each article (actor_mentions.py, by the rules of actor_rules.py:
the conflict profile's aliases and sides, and general word lists that need no
profile) are counted across the set here, and merged: acronyms with their long
form, initials, transliterated spellings, surnames with the one full name that
ends so. A war no profile describes still gets its actors, with side "unknown".
Merging works on distinct names, so cost grows with the text, not with pairs of
articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.models import Actor, Article
from briefing.nlp.names.keys import close_spelling, org_key
from briefing.nlp.names.mention import Mention
from briefing.status.actor_mentions import article_mentions, collect_aliases
from briefing.status.actor_rules import PARTICLES, ActorRules

@dataclass
class _Entry:
    name: str
    kind: str = "unknown"
    side: str = "unknown"
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    profiled: bool = False
    forms: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class ActorSet:
    """The actors of a set, and a way to name any surface form the way the panel names it."""

    actors: tuple[Actor, ...]
    names: dict[str, str]  # org_key(surface form) -> display name
    rules: ActorRules
    known: frozenset[str] = frozenset()  # every display name

    def canonical(self, surface: str) -> str:
        """"the Russian" -> "Russia", "de Mistura" -> "Staffan de Mistura"; unknown names unchanged."""
        key = org_key(surface)
        if key in self.names:
            return self.names[key]
        country = self.rules.country_names.get(surface.strip()) or self.rules.demonyms.get(surface.strip())
        if country:
            return self.names.get(org_key(country), country)
        profile_key = self.rules.alias_to_key.get(key)
        if profile_key:
            return self.rules.entries[profile_key][0]
        return surface.strip()

    def in_span(self, text: str) -> list[tuple[str, str, int, int]]:
        """(display name, kind, start, end) of every actor mentioned in a piece of text."""
        out = []
        for m in article_mentions(text, self.rules):
            if m.kind in ("single", "code"):
                name = self.names.get(m.key)
                if name is None:
                    continue
            else:
                name = self.names.get(m.key) or self.canonical(m.name)
            out.append((name, m.kind, m.start, m.end))
        return out

    def kind_of(self, name: str) -> str:
        return next((a.kind for a in self.actors if a.name == name), "unknown")

    def is_known(self, name: str) -> bool:
        return name in self.known


def build_actors(
    articles: Sequence[Article],
    rules: ActorRules,
    places: frozenset[str] = frozenset(),
    limit: int = 60,
    maybe_places: frozenset[str] = frozenset(),
) -> ActorSet:
    """All actors of the set. `places` are names seen in unmistakable place slots ("the town
    of X"); `maybe_places` in weak ones ("in X"), which beat a "person" nothing else supports."""
    entries: dict[str, _Entry] = {}
    acronyms: dict[str, str] = {}
    singles: Counter[str] = Counter()
    single_forms: dict[str, str] = {}
    redirect: dict[str, str] = {}
    vocabulary: set[str] = set()
    evidenced: set[str] = set()  # person keys seen with a title or a speech verb
    datelines: set[str] = set()
    quoted_by: dict[str, Counter[str]] = defaultdict(Counter)  # bare body -> who named it in a quote
    codes: Counter[str] = Counter()
    armed_codes: set[str] = set()
    for article in articles:
        vocabulary.update(_LOWER_WORD_RE.findall(article.text))
        datelines.update(w.lower() for m in DATELINE_RE.finditer(article.text) for w in re.split(r"[ /]", m.group(1)))
        datelines.update(m.group(1).lower() for m in LABEL_RE.finditer(article.text))
        for long_name, short in collect_aliases(article.text):
            if _acronym_fits(short, long_name) and org_key(short) not in rules.media:
                acronyms[org_key(short)] = org_key(long_name)
        for m in article_mentions(article.text, rules):
            if m.name in places and m.key not in rules.entries:
                continue
            if m.kind == "titled person":
                evidenced.add(m.key)
                m = Mention(m.start, m.end, m.name, "person", key=m.key)
            elif m.kind == "person" and m.key not in evidenced and rules.person_cue_re.match(article.text, m.end):
                evidenced.add(m.key)
            if m.kind == "code":
                if _ARMED_AFTER_RE.match(article.text, m.end):
                    armed_codes.add(m.key)
                codes[m.key] += 1
                single_forms.setdefault(m.key, m.name)
                continue
            if m.kind == "single":
                singles[m.key] += 1
                single_forms.setdefault(m.key, m.name)
                continue
            if m.kind != "person" and _BARE_BODY_RE.match(m.name):
                speaker = _quoting_speaker(article.text, m.start, m.end, rules)
                if speaker:
                    quoted_by[m.key][speaker] += 1
            entry = entries.get(m.key)
            if entry is None:
                entry = entries[m.key] = _entry_for(m, rules)
            entry.mentions += 1
            entry.forms[m.name] += 1
            redirect.setdefault(org_key(m.name), m.key)
            if m.name != entry.name:
                entry.aliases.add(m.name)
    _drop_works_and_vessels(entries, {t for a in articles for t in work_titles(a.text)})
    _drop_page_furniture(entries)
    _drop_role_nouns(entries, vocabulary, redirect)
    _drop_word_lookalikes(entries, vocabulary, evidenced)
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled and k not in evidenced]:
        if entries[key].forms.keys() & maybe_places:
            del entries[key]  # "talks in Addis Ababa": a place, though it looks like a name
    for entry in entries.values():
        if not entry.profiled and entry.forms:  # the commonest spelling, the shorter on a tie
            forms = entry.forms
            entry.name = min(forms, key=lambda f: (-forms[f], len(f), f))
            entry.aliases = {f for f in entry.forms if f != entry.name} | (entry.aliases - {entry.name})
    for key, count in codes.items():
        if key in armed_codes or key in acronyms:  # "M23 rebels", "March 23 Movement (M23)"
            entries[key] = _Entry(single_forms[key], "armed group" if key in armed_codes else "organisation",
                                  mentions=count)
    _drop_shouted_places(entries, rules, places | maybe_places, datelines, vocabulary)
    _merge_acronyms(entries, acronyms, singles, single_forms, redirect)
    _merge_initials(entries, singles, single_forms, redirect)
    _merge_spellings(entries, redirect)
    not_surnames = rules.communities | {org_key(w) for w in (*rules.demonyms, *rules.country_names)}
    _drop_community_names(entries, not_surnames)
    _merge_surnames(entries, singles, single_forms, redirect, not_surnames)
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        if key not in evidenced and entries[key].mentions < 2:
            del entries[key]  # one bare capitalised pair ("Shabbat Drilling", "Kerem Shalom"): too weak
    _sides_from_speakers(entries, quoted_by, redirect)
    names = {}
    for surface_key, key in redirect.items():
        while key in redirect and redirect[key] != key and key not in entries:
            key = redirect[key]
        if key in entries:
            names[surface_key] = entries[key].name
    for key, entry in entries.items():
        names[key] = entry.name
        names[org_key(entry.name)] = entry.name
    actors = [
        Actor(e.name, e.side, e.mentions, tuple(sorted(a for a in e.aliases if a != e.name)), e.kind)
        for e in entries.values()
        if e.mentions > 0 and e.name.strip()
    ]
    order = {side: i for i, side in enumerate(rules.sides_order)}
    tail = {"unknown": 0, "media": 2}  # undeclared sides after the profile's, reporters last
    actors.sort(key=lambda a: (order.get(a.side, len(order) + tail.get(a.side, 1)), -a.mentions, a.name))
    return ActorSet(tuple(actors[:limit]), names, rules, frozenset(names.values()))


_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_WORK = r"(?:film|movie|video|trailer|documentary|book|novel|song|album|play|show|series|cartoon)"
_TITLE_WORDS = r"(?:The |A )?[A-Z][\w'’.-]*(?: (?:of|the|and|in|on|for|to|a|an|[A-Z][\w'’.-]*))*"
# "the film, Innocence of Peace,", "a movie called “The Last Village”", "the “Last Village” video" (not "in the
# video Obama said": an unquoted title needs "called" or the commas of an apposition)
WORK_RE = re.compile(
    rf"\b{_WORK}(?:,\s+|\s+(?:called|titled|entitled|named)\s+)(?P<t>{_TITLE_WORDS})(?=[,.])"
    rf"|\b{_WORK},?\s+(?:(?:called|titled|entitled|named)\s+)?[\"“‘']\s*(?P<q>[^\"”’]{{2,80}}?)[,.]?\s*[\"”’]"
    rf"|[\"“](?P<b>[A-Z][^\"”]{{1,80}}?)[,.]?[\"”]\s+{_WORK}\b"
)
_WORK_WORD_RE = re.compile(rf"\b{_WORK}\b")
# Ships are equipment, not actors: "the USS Carl Vinson", "HMS Daring"
VESSEL_RE = re.compile(r"^(?:USS|USNS|HMS|HMCS|HMAS|RFS|INS|TCG|FS)\s")


# Page furniture and credits that look like names: "Replay More Videos", "Manage Newsletters",
# "Getty Images Jane Roe" and "AP Jane Roe" (a photo credit), time zones, company suffixes.
FURNITURE_WORDS = frozenset("""
Replay Videos Video Newsletters Newsletter Subscribe Gallery Slideshow Caption Photos Comments Share Advertisement
""".split())
PHOTO_CREDIT_RE = re.compile(r"^(?:AP|AFP|Reuters|EPA|Getty Images|Landov|Corbis|Sipa|Anadolu)\s+[A-Z]")
NOT_ACTOR_CODES = frozenset({"GMT", "EDT", "EST", "CDT", "PDT", "UTC", "BST", "CET", "CEST", "LLC", "Inc", "Ltd"})


def page_furniture(name: str) -> bool:
    """Is this "name" page furniture, a photo credit, a time zone or a company suffix?"""
    words = name.split()
    return (any(w in FURNITURE_WORDS for w in words) or bool(PHOTO_CREDIT_RE.match(name))
            or name in NOT_ACTOR_CODES)


def _drop_page_furniture(entries: dict[str, _Entry]) -> None:
    for key in [k for k, e in entries.items() if not e.profiled and page_furniture(e.name)]:
        del entries[key]


def work_titles(text: str) -> set[str]:
    """Titles of films, videos and books the text names: what they are called, not who acts."""
    out: set[str] = set()
    if not _WORK_WORD_RE.search(text):  # every WORK_RE match holds the word: most texts have none
        return out
    for m in WORK_RE.finditer(text):
        title = (m.group("q") or m.group("t") or m.group("b") or "").strip()
        if title:
            out.add(re.sub(r"^(?:The|A) ", "", title).lower())
    return out


def _drop_works_and_vessels(entries: dict[str, _Entry], titles: set[str]) -> None:
    """Film and book titles ("the film Innocence of Peace") and ships ("USS Carl Vinson") name
    no actor, however often the set writes them."""
    for key in list(entries):
        entry = entries[key]
        forms = {entry.name, *entry.forms}
        if entry.profiled:
            continue
        if any(VESSEL_RE.match(f) for f in forms) or any(re.sub(r"^(?:The|A) ", "", f).lower() in titles for f in forms):
            del entries[key]
_ROLE_NOUN_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ee)$")


def _drop_role_nouns(entries: dict[str, _Entry], vocabulary: set[str], redirect: dict[str, str]) -> None:
    """"Protester Rowan Vaquez", "Worshipper Ali Hamadi": a capitalised role noun the set also
    writes in lower case, before a two-word name, is a description; the person is the name."""
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        words = entries[key].name.split()
        if len(words) != 3 or words[0].lower() not in vocabulary or not _ROLE_NOUN_RE.search(words[0]):
            continue
        entry = entries.pop(key)
        name = " ".join(words[1:])
        target = entries.get(org_key(name))
        if target is None:
            target = entries[org_key(name)] = _Entry(name, "person")
        target.mentions += entry.mentions
        target.aliases |= {a for a in entry.aliases if a != name}
        target.forms.update({name: entry.mentions})
        redirect[key] = org_key(name)


def _drop_word_lookalikes(entries: dict[str, _Entry], vocabulary: set[str], evidenced: set[str]) -> None:
    """"Winter Olympics", "Cold War", "Facebook Share" look like names but are words the texts
    also write in lower case. A "person" at least half made of such words is dropped unless
    something shows it is a person (a title, "X said", "X, the ... spokesman")."""
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        if key in evidenced:
            continue
        words = [w.lower() for w in re.findall(r"[\w'’]+", entries[key].name) if w.lower() not in PARTICLES]
        common = sum(1 for w in words if w in vocabulary)
        if words and common * 2 >= len(words):
            del entries[key]


# "KIEV (Reuters) -", "DONETSK/KIEV, Ukraine": the place a wire report was filed from.
DATELINE_RE = re.compile(r"^([A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]{2,})*)(?=,|\s*\(|\s+[-—–])", re.M)
# "UPDATE:", "SANGER:": a transcript's speaker label or a kicker, shouted before a colon.
LABEL_RE = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’.-]{2,}):")
_ARMED_AFTER_RE = re.compile(r"\s+(?:rebels?|militias?|group|movement|fighters|forces|insurgents|militants)\b")
_SHOUTED_RE = re.compile(r"[A-Z][A-Z'’.-]{3,}")


def _drop_shouted_places(
    entries: dict[str, _Entry], rules: ActorRules, places: frozenset[str], datelines: set[str], vocabulary: set[str]
) -> None:
    """All-caps words that are not acronyms: datelines ("KIEV (Reuters) -") and photo
    credits ("ROMAN PILIPEY"). A shouted word whose ordinary spelling is a place in the
    set, or a run of several shouted words, is not an actor; "UNHCR" or "MONUSCO" stay."""
    known_places = {p.lower() for p in places} | {c.lower() for c in rules.country_names} | datelines
    # "UPDATE", "TRUMP", "SANGER": a word the set also writes in lower case, or part of a person's name
    ordinary = vocabulary | {w.lower() for e in entries.values() if e.kind == "person" for w in e.name.split()}
    for key in [k for k, e in entries.items() if not e.profiled and e.side != "media"]:
        words = entries[key].name.split()
        shouted = [w for w in words if _SHOUTED_RE.fullmatch(w)]
        if not shouted:
            continue
        word = words[0].lower().strip("'’.")
        if len(shouted) >= 2 or (len(words) == 1 and (word in known_places or word in ordinary)):
            del entries[key]


def _acronym_fits(short: str, long_name: str) -> bool:
    """"HNC" fits "High Negotiations Committee"; "AP" does not fit "South Korea" (a photo credit)."""
    letters = [c for c in short.upper() if c.isalpha()]
    heads = iter(w[0].upper() for w in re.split(r"[\s-]+", long_name) if w[:1].isalpha())
    in_order = all(any(h == c for h in heads) for c in letters)
    return bool(letters) and in_order and short[:1].upper() == long_name[:1].upper()


# A body with no country in its name: "the Defense Ministry" belongs to whoever speaks of it.
_BARE_BODY_RE = re.compile(
    r"^(?:the\s+)?(?:(?:Defen[cs]e|Foreign|Interior|Justice|Finance|Information|Health|Emergencies|Emergency)\s+"
    r"Ministry|Ministry\s+of\s+(?:Defen[cs]e|Foreign\s+Affairs|the\s+Interior))$"
)
_QUOTE_CLOSE_RE = re.compile(r"[\"”]")


def _quoting_speaker(text: str, start: int, end: int, rules: ActorRules) -> str | None:
    """The person whose direct quotation names the body at [start, end), if the sentence says who
    ('"... the Defense Ministry ...," Putin said'); the key of that person's mention."""
    para_start = text.rfind("\n", 0, start) + 1
    before = text[para_start:start]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    if not opened:
        return None
    close = _QUOTE_CLOSE_RE.search(text, end)
    if close is None or "\n" in text[end:close.start()]:
        return None
    tail = rules.speech_tail_re.match(text[close.end():close.end() + 80])
    if not tail:
        return None
    who = (tail.group("after") or tail.group("before")).strip()
    if who.lower() in ("he", "she"):  # the last person seen speaking before the quotation
        chunk = text[max(0, para_start - 600):para_start]
        earlier = [m for m in article_mentions(chunk, rules)
                   if m.kind in ("person", "titled person") and rules.spoke_re.match(chunk, m.end)]
        return earlier[-1].key if earlier else None
    people = [m for m in article_mentions(who, rules) if m.kind in ("person", "titled person")]
    return people[0].key if people else None


def _sides_from_speakers(
    entries: dict[str, _Entry], quoted_by: dict[str, Counter[str]], redirect: dict[str, str]
) -> None:
    """A body with no side takes the side of the person who most often names it in a quotation."""
    for body, speakers in quoted_by.items():
        entry = entries.get(body)
        if entry is None or entry.side != "unknown":
            continue
        for speaker, _ in speakers.most_common():
            while speaker not in entries and speaker in redirect and redirect[speaker] != speaker:
                speaker = redirect[speaker]
            if speaker in entries and entries[speaker].side not in ("unknown", "media"):
                entry.side = entries[speaker].side
                break


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in PARTICLES)


def _merge_initials(
    entries: dict[str, _Entry], singles: Counter[str], forms: dict[str, str], redirect: dict[str, str]
) -> None:
    """"PA" joins "Palestinian Authority" when exactly one actor of the set has those initials."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries.items():
        if entry.kind != "person" and len(entry.name.split()) >= 2:
            by_initials[_initials(entry.name)].append(key)
    shorts = [(k, e.name, e.mentions) for k, e in entries.items() if re.fullmatch(r"[A-Z]{2,6}", e.name)]
    shorts += [(k, forms[k], n) for k, n in singles.items() if re.fullmatch(r"[A-Z]{2,6}", forms.get(k, ""))]
    for key, short, count in shorts:
        owners = [o for o in by_initials.get(short, []) if o != key]
        if len(owners) != 1:
            continue
        target = entries[owners[0]]
        target.mentions += count
        target.aliases.add(short)
        redirect[key] = owners[0]
        entries.pop(key, None)
        singles.pop(key, None)


_SPELLING_KINDS = frozenset({"person", "organisation", "armed group"})
# Spellings are compared pairwise within a bucket: quadratic in its size. Variants worth merging
# belong to names the set mentions often, so only the most-mentioned candidates take part, and
# at most this many per bucket: 10,000 distinct names must not cost 200,000 comparisons.
MAX_SPELLING_CANDIDATES = 1_000
MAX_SPELLING_BUCKET = 100


def _merge_spellings(entries: dict[str, _Entry], redirect: dict[str, str]) -> None:
    """Transliterations of one name ("Yanukovich"/"Yanukovych", "Binyamin"/"Benjamin
    Netanyahu", "Malaysia"/"Malaysian Airlines"): actors of one kind with the same number of
    words, the same initials and a close spelling are one. Compared within buckets, and only
    the most-mentioned candidates (see MAX_SPELLING_CANDIDATES), so the cost stays bounded."""
    candidates = [k for k, e in entries.items() if e.kind in _SPELLING_KINDS and len(e.name.split()) >= 2]
    candidates.sort(key=lambda k: (-entries[k].mentions, entries[k].profiled is False, k))
    buckets: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for key in candidates[:MAX_SPELLING_CANDIDATES]:
        entry = entries[key]
        words = entry.name.lower().split()
        bucket = buckets[(entry.kind, _initials(entry.name).lower() + words[-1][:2], len(words))]
        if len(bucket) < MAX_SPELLING_BUCKET:
            bucket.append(key)
    for keys in buckets.values():  # each already in the order of `candidates`
        for i, key in enumerate(keys):
            if key not in entries:
                continue
            for other in keys[i + 1:]:
                if other in entries and not entries[other].profiled and close_spelling(entries[key].name, entries[other].name):
                    moved = entries.pop(other)
                    entries[key].mentions += moved.mentions
                    entries[key].aliases |= {moved.name, *moved.aliases}
                    redirect[other] = key


def _entry_for(m: Mention, rules: ActorRules) -> _Entry:
    if m.key in rules.entries:
        name, kind, side, _aliases = rules.entries[m.key]
        return _Entry(name, kind if kind != "unknown" else m.kind, side, profiled=True)
    side = "media" if m.key in rules.media else "unknown"
    return _Entry(m.name, m.kind, side)


def _merge_acronyms(
    entries: dict[str, _Entry], acronyms: dict[str, str], singles: Counter[str], forms: dict[str, str],
    redirect: dict[str, str],
) -> None:
    for short, long_key in acronyms.items():
        target = entries.get(long_key)
        if target is None:
            continue
        for source in (short,):
            if source in entries and source != long_key:
                moved = entries.pop(source)
                target.mentions += moved.mentions
                target.aliases.add(moved.name)
                redirect[source] = long_key
            if source in singles:
                target.mentions += singles.pop(source)
                target.aliases.add(forms[source])
                redirect[source] = long_key


def _drop_community_names(entries: dict[str, _Entry], communities: frozenset[str]) -> None:
    """"Sunni Arab", "Kurdish Alawite": a capitalised pair of people's or faith's names is a
    community, not a person."""
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        if all(w in communities for w in key.split()):
            del entries[key]


def _merge_surnames(
    entries: dict[str, _Entry],
    singles: Counter[str],
    forms: dict[str, str],
    redirect: dict[str, str],
    not_surnames: frozenset[str] = frozenset(),
) -> None:
    """"Putin" and "De Mistura" join "Vladimir Putin" and "Staffan de Mistura" when one person ends so.

    A demonym, a country or a word in -ism ends no surname: "Sunni Arab" and "... Judaism" (a
    capitalised pair read as a name) must not take every "Arab" and "Judaism" of the set."""
    people = [k for k, e in entries.items() if e.kind == "person"]
    by_tail: dict[str, list[str]] = defaultdict(list)
    for key in people:
        # the other spellings merged into this person end names too ("Yanukovich", "Yanukovych")
        for full in {key, *(org_key(a) for a in entries[key].aliases if " " in a.strip())}:
            words = full.split()
            for i in range(1, len(words)):
                tail = " ".join(words[i:])
                if tail in not_surnames or (i == len(words) - 1 and tail.endswith("ism")):
                    continue
                if key not in by_tail[" ".join(words[i:])]:
                    by_tail[" ".join(words[i:])].append(key)
    for key in list(entries):
        entry = entries.get(key)
        if entry is None or entry.kind != "person":
            continue
        owners = [o for o in by_tail.get(key, []) if o != key]
        if len(owners) == 1:
            target = entries[owners[0]]
            target.mentions += entry.mentions
            target.aliases.add(entry.name)
            target.aliases.update(entry.aliases)
            del entries[key]
            redirect[key] = owners[0]
    for key, count in list(singles.items()):
        owners = by_tail.get(key, [])
        owners = [o for o in owners if o in entries]
        if len(owners) == 1:
            entries[owners[0]].mentions += count
            entries[owners[0]].aliases.add(forms[key])
            redirect[key] = owners[0]
