"""Rules for what actors do together: collaborations with their status from the cue words of
the same clause (negated or hypothetical clauses give nothing), programs and facilities named
with an acronym or after "program", with their operator, venues ("di Hotel …") and events."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.source.dates import DateError, find_news_date
from kg.source.text import ArticleText, Span

COLLABORATE = re.compile(r"(?<![\w-])(?:ber)?(?:kolaborasi|sinergi|kerja ?sama|mitra)\w*|bekerja ?sama|"
                         r"(?<![\w-])(?:meng)?gandeng(?![\w-])|(?<![\w-])Gandeng(?![\w-])|kemitraan", re.IGNORECASE)
NEGATION = re.compile(r"(?<![\w-])(?:tidak|tak|belum|bukan|jika|kalau|seandainya|apabila|andaikan)(?![\w-])",
                      re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|, (?:tapi|namun|sedangkan|sementara|padahal)\b|(?<=[a-z])\. ")
PARTNER_TYPES = ORG_TYPES | {"Program", "Initiative"}
_ACRONYM_RUN = re.compile(r"(?P<name>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|and|of|&)){1,6}) \((?P<acr>[A-Z][A-Za-z]{1,9})\)")
_PROGRAM_WORDS = re.compile(r"Program|Scholarship|Center|Centre|Corridor|Academy|Akademi|Gerakan|Movement|Beasiswa")
_FACILITY_WORDS = re.compile(r"Hub|Space|Incubator|Inkubator|Lab|Park|Plaza")
_EVENT_WORDS = re.compile(r"Discussion|Forum|Festival|Expo|Summit|Conference|Konferensi|Gathering|Networking")
_PROGRAM = re.compile(r"(?<![\w-])(?:program|Program) (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})")
_GERAKAN = re.compile(r"(?<![\w-])Gerakan (?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,3}")
_FROM = re.compile(r" (?:dari|milik|besutan|garapan) (?P<org>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")
_VENUE = re.compile(r"(?<![\w-])di (?P<venue>(?P<kind>Hotel|Gedung|Balai Kota|Pos Bloc|Aula|Pendopo|Auditorium|"
                    r"Kantor|Graha|Wisma|Universitas|Institut|Politeknik) (?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,5})")
_EVENT = re.compile(r"(?<![\w-])(?P<event>(?:acara|rangkaian|pelatihan|peresmian|seminar|workshop|lokakarya|"
                    r"webinar|bazar|festival|pameran|kuliah umum|sosialisasi)(?: [a-zA-Z]+){0,8}?)"
                    r" (?:yang )?(?:digelar|diselenggarakan|diadakan|dilaksanakan) (?:oleh )?(?P<org>[A-Z][\w-]*)")


def collaborations(found: Proposals, cues: dict[str, list[str]]) -> None:
    """One collaboration per clause with a collaboration word and at least two actors (or one
    actor hoping for it); its status only from a cue word of the same clause."""
    actors = mentions(found, PARTNER_TYPES)
    seen: set[tuple[str, ...]] = set()
    for clause in _clauses(found.text):
        word = COLLABORATE.search(found.text, clause.start, clause.end)
        if word is None:
            continue
        words = found.text[clause.start:clause.end]
        status = _status(words, cues)
        if status is None and NEGATION.search(words):
            continue  # "tidak ada daerah lain…", "belum": the text negates it
        parties = _parties(found.text, [(s, e, i) for s, e, i in actors if clause.start <= s and e <= clause.end],
                           word.start(), word.end())
        if len(parties) < (1 if status and status[0] == "aspired" else 2):
            continue
        key = (*sorted(parties), status[0] if status else "")
        if key in seen:
            continue
        seen.add(key)
        _collaboration(found, parties, status, clause)


def _parties(text: str, inside: list[tuple[int, int, Item]], start: int, end: int) -> list[str]:
    """The actor named last before the collaboration word (with those joined to it by "dan"
    or "&") and the first named after it; an actor after "dari" is an owner, not a party."""
    before = [m for m in inside if m[1] <= start]
    after = [m for m in inside if m[0] >= end and not text[max(0, m[0] - 5):m[0]].endswith("dari ")]
    chosen = []
    if before:
        chosen.append(before[-1])
        for previous in reversed(before[:-1]):
            if text[previous[1]:chosen[-1][0]] not in (" dan ", " & ", ", "):
                break
            chosen.append(previous)
        chosen.reverse()
    if after:
        chosen.append(after[0])
    return list(dict.fromkeys(item.ident for _, _, item in chosen))


def _clauses(text: str) -> list[Span]:
    """Clauses: sentences cut at semicolons, colons and contrasting conjunctions."""
    spans = []
    for sentence in ArticleText(text).sentences:
        start = sentence.start
        for cut in _CLAUSE_END.finditer(text, sentence.start, sentence.end):
            spans.append(Span(start, cut.start()))
            start = cut.end()
        spans.append(Span(start, sentence.end))
    return [s for s in spans if s.end > s.start]


def _status(words: str, cues: dict[str, list[str]]) -> tuple[str, int, int] | None:
    """The status whose cue word comes first in the clause, with the cue's offsets in it."""
    lower = words.lower()
    best: tuple[str, int, int] | None = None
    for status in ("cancelled", "aspired", "planned", "ongoing", "completed"):
        for cue in cues.get(status, []):
            match = re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", lower)
            if match and (best is None or match.start() < best[1]):
                best = (status, match.start(), match.end())
    return best


def _collaboration(found: Proposals, parties: list[str], status: tuple[str, int, int] | None, clause: Span) -> None:
    names = [found.items[p].label for p in parties]
    label = "Kolaborasi " + " dan ".join(names)
    ident = slug("kolaborasi " + " ".join(parties))[:70].rstrip("-")
    while ident in found.items:
        ident += "-2" if not ident[-1].isdigit() else ""
        ident = ident if ident not in found.items else ident[:-1] + str(int(ident[-1]) + 1)
    item = Item(ident, "Collaboration", label, clause, "collaboration-clause", 0.6 if status else 0.3)
    for party in parties:
        item.add("participants", Value(party))
    if status:
        name, start, end = status
        item.add("status", Value(name, Span(clause.start + start, clause.start + end), "status-cue", 0.7))
    found.add(item)


def programs(found: Proposals) -> None:
    """Programs, initiatives, facilities and named events: an acronym-defined name that is no
    organisation or place, "program X", "Gerakan X"; "X dari Lazada" gives the operator."""
    for match in _ACRONYM_RUN.finditer(found.text):
        name, acronym = match["name"], match["acr"]
        if (name[0] != acronym[0] or name.startswith("Pemerintah") or found.find_name(name)
                or found.find_name(acronym) or _inside_named(found, match.start())):
            continue
        kind, confidence = _program_kind(name)
        span = Span(match.start(), match.end())
        item = found.add(Item(slug(name), kind, name, span, "acronym-program", confidence))
        item.alias(acronym, span)
        _operator(found, item, match.end())
    for pattern, kind in ((_PROGRAM, "Program"), (_GERAKAN, "Initiative")):
        for match in pattern.finditer(found.text):
            name = match["name"] if "name" in pattern.groupindex else match.group()
            if found.find_name(name) or len(name) < 3:
                continue
            item = found.add(Item(slug(name), kind, name, Span(match.start(), match.end()), "program-cue", 0.6))
            _operator(found, item, match.end())


def _inside_named(found: Proposals, offset: int) -> bool:
    """True when the offset lies inside a name already proposed (a Dinas's listed parts)."""
    return any(item.span.start <= offset < item.span.end and item.type in ORG_TYPES for item in found.items.values())


def _program_kind(name: str) -> tuple[str, float]:
    if _FACILITY_WORDS.search(name):
        return "Facility", 0.6
    if _EVENT_WORDS.search(name):
        return "Event", 0.5
    if _PROGRAM_WORDS.search(name):
        return "Program", 0.7
    return "Program", 0.4


def _operator(found: Proposals, item: Item, end: int) -> None:
    match = _FROM.match(found.text, end)
    if match is None:
        return
    org = found.find_name(match["org"]) or found.find_name(match["org"].split()[0])
    if org is not None and org.type in ORG_TYPES:
        item.add("operated_by", Value(org.ident, Span(item.span.start, match.end()), "program-from", 0.6))


def venues_and_events(found: Proposals) -> None:
    """Venues named after "di" with their kind (Hotel …), and events held by an organiser."""
    for match in _VENUE.finditer(found.text):
        name = match["venue"]
        kind = "Hotel" if match["kind"] == "Hotel" else "Place"
        found.add(Item(slug(name), kind, name, Span(match.start(), match.end()), "venue-di", 0.7))
    for match in _EVENT.finditer(found.text):
        _event(found, match)


def _event(found: Proposals, match: re.Match[str]) -> None:
    organiser = found.find_name(match["org"])
    if organiser is None or organiser.type not in ORG_TYPES:
        return
    label = match["event"][0].upper() + match["event"][1:]
    end = found.text.find("\n", match.end())
    end = len(found.text) if end < 0 else end
    sentence_end = found.text.find(". ", match.end(), end)
    rest = Span(match.end(), sentence_end if sentence_end >= 0 else end)
    kind = "TrainingEvent" if re.search(r"pelatihan|workshop|lokakarya|kuliah", label, re.I) else "Event"
    item = found.add(Item(slug(label), kind, label, Span(match.start(), match.end()), "event-digelar", 0.5))
    item.add("organizer", Value(organiser.ident))
    venue = _VENUE.search(found.text, rest.start, rest.end)
    if venue is not None and venue.start() - rest.start < 5:
        place = found.find_name(venue["venue"])
        if place is not None:
            item.add("venue", Value(place.ident, Span(match.start(), venue.end()), "event-venue", 0.6))
    try:
        date = find_news_date(found.text[rest.start:rest.end + 40])
    except DateError:
        date = None
    if date is not None and date.weekday_matches:
        start = found.text.find(date.text, rest.start)
        item.add("date", Value(date.date, Span(start, start + len(date.text)), "event-date", 0.5))
