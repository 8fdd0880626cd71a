"""Rules for the cohorts and sessions of a named program ("Program Sakti Digital angkatan
kedua", "gelombang pertama Sakti Digital", "batch 2", "kelas ke-3", "sesi ketiga"): each is an
event that is part of the program, with the venue and date written right after it (never the
dateline), its organiser when the clause names one ("yang digelar Dinas …", "Dinas …
menggelar …"), and the regions its participants come from ("Peserta berasal dari A, B, dan C",
"diikuti pelaku UMKM dari …"). A negated or hypothetical sentence gives nothing."""

from __future__ import annotations

import re

from kg.ingest.events import UNDONE, dated, place_named
from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.relations import NEGATION
from kg.source.text import ArticleText, Span

_ORDINAL = (r"(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|"
            r"ke-?\d{1,2}|\d{1,2}|[IVX]{1,4})")
_COHORT = rf"(?:[Aa]ngkatan|[Gg]elombang|[Bb]atch|[Kk]elas|[Ss]esi) {_ORDINAL}(?![\w-])"
_HELD_BY = re.compile(r" (?:yang )?(?:digelar|diselenggarakan|dilaksanakan|diadakan)(?: oleh)? ")
_AT = re.compile(r",? (?:(?:yang )?(?:berlangsung|digelar|diselenggarakan|diadakan) )?"
                 r"di (?P<where>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")
_HOLDS = re.compile(r"(?<![\w-])(?:menggelar|menyelenggarakan|mengadakan|melaksanakan|membuka) (?:kembali )?"
                    r"(?:pelatihan |kelas )?(?:[Pp]rogram )?$")
_FROM = re.compile(r"(?<![\w-])(?:[Pp]eserta(?: [a-z]+)? (?:berasal|datang) dari|diikuti (?:oleh )?(?:\d[\d.]* )?"
                   r"(?:[a-zA-Z]+ ){0,3}?(?:dari|asal)) (?P<list>[^.\n]+)")
_REGIONS = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place"})
_TRAINING = re.compile(r"(?i)pelatihan|kelas|bootcamp|workshop|training|lokakarya")


def cohorts(found: Proposals) -> None:
    """Each cohort or session written next to a proposed program's name, then the regions
    its participants come from."""
    programs = {name: item for item in found.items.values() if item.type in ("Program", "Initiative")
                for name in (item.label, *item.aliases)}
    if not programs:
        return
    names = "|".join(re.escape(n) for n in sorted(programs, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:(?:[Pp]rogram )?(?P<program>{names}) (?P<cohort>{_COHORT})"
                         rf"|(?P<cohort2>{_COHORT}) (?:[Pp]rogram )?(?P<program2>{names})(?![\w-]))")
    sentences = ArticleText(found.text).sentences
    for match in pattern.finditer(found.text):
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        words = found.text[sentence.start:sentence.end] if sentence else ""
        if sentence is None or NEGATION.search(words) or UNDONE.search(words):
            continue  # "angkatan ketiga akan digelar", "belum membuka gelombang kedua": not an event yet
        _cohort(found, match, sentence, programs[match["program"] or match["program2"]])
    for match in _FROM.finditer(found.text):
        _participants_from(found, match)


def _cohort(found: Proposals, match: re.Match[str], sentence: Span, program: Item) -> None:
    cohort = match["cohort"] or match["cohort2"]
    label = f"{program.label} {cohort.lower()}"
    kind = "TrainingEvent" if _TRAINING.search(found.text[sentence.start:sentence.end]) else "Event"
    event = found.add(Item(slug(label), kind, label, Span(match.start(), match.end()), "program-cohort", 0.5))
    event.add("part_of_program", Value(program.ident, Span(match.start(), match.end()), "program-cohort", 0.5))
    organisers = [(s, e, i) for s, e, i in mentions(found, ORG_TYPES - {"MediaOutlet"})
                  if sentence.start <= s and e <= sentence.end]
    end = match.end()
    by = _HELD_BY.match(found.text, end)
    after = [(s, e, i) for s, e, i in organisers if by is not None and s == by.end()]
    before = [(s, e, i) for s, e, i in organisers if e <= match.start()]
    if after:  # "… angkatan kedua yang digelar Dinas X"
        event.add("organizer", Value(after[0][2].ident, Span(match.start(), after[0][1]), "cohort-held-by", 0.5))
        end = after[0][1]
    elif before and _HOLDS.search(found.text[before[-1][1]:match.start()]):  # "Dinas X menggelar Program …"
        event.add("organizer", Value(before[-1][2].ident, Span(before[-1][0], match.end()), "cohort-held-by", 0.5))
    end = re.match(r"(?: \([A-Z][\w ]{1,20}\))?", found.text[end:]).end() + end  # type: ignore[union-attr]
    at = _AT.match(found.text, end)
    place = place_named(found, at["where"]) if at else None
    if at is not None and place is not None and place.type != "Organization":
        end = at.start("where") + len(place.label)
        event.add("venue", Value(place.ident, Span(match.start(), end), "cohort-venue", 0.5))
    dated(found, event, end, match.start())


def _participants_from(found: Proposals, match: re.Match[str]) -> None:
    """"Peserta berasal dari Lombok Barat, Lombok Tengah, dan Sumbawa": the regions of the
    paragraph's last cohort before the phrase, each as places resolve (an ambiguous name stays so)."""
    line = found.text.rfind("\n", 0, match.start()) + 1
    cohorts = [i for i in found.items.values() if i.rule == "program-cohort" and line <= i.span.start < match.start()]
    if not cohorts or NEGATION.search(match.group()):
        return
    event = max(cohorts, key=lambda i: i.span.start)
    for part in re.split(r",? dan |, | serta ", match["list"]):
        place = place_named(found, part.strip())
        if place is not None and place.type in _REGIONS:
            event.add("participants_from", Value(place.ident, Span(match.start(), match.end()),
                                                 "cohort-participants-from", 0.5))
