"""Rules for the cohorts and sessions of a named program ("Program Sakti Digital angkatan
kedua", "gelombang pertama Sakti Digital", "batch 2", "kelas ke-3", "sesi ketiga"): each is an
event that is part of the program, with the venue and date written right after it (never the
dateline), its organiser when the clause names one ("yang digelar Dinas …", "Dinas …
menggelar …"), and the regions its participants come from ("Peserta berasal dari A, B, dan C",
"diikuti pelaku UMKM dari …"). A cohort told after the program without its name ("Gelombang
pertama pelatihannya digelar …", "membuka angkatan kedua program itu") is one of the program
named last before it, organised by whoever the clause says opened it, else by the program's
operator. A negated sentence gives nothing; a planned cohort ("dijadwalkan", "akan") is
proposed as planned, never as held."""

from __future__ import annotations

import re

from kg.ingest.events import COMPETED, EVENT_TYPES, UNDONE, dated, place_named, referent
from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.relations import NEGATION
from kg.source.dates import MONTH_PATTERN
from kg.source.text import ArticleText, Span

_ORDINAL = (r"(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|"
            r"ke-?\d{1,2}|\d{1,2}|[IVX]{1,4})")
_COHORT = rf"(?:[Aa]ngkatan|[Gg]elombang|[Bb]atch|[Kk]elas|[Ss]esi) {_ORDINAL}(?![\w-])"
_HELD_BY = re.compile(r" (?:yang )?(?:digelar|diselenggarakan|dilaksanakan|diadakan)(?: oleh)? ")
# "digelar di X", "digelar 10-12 Maret 2025 di X", "dijadwalkan pada Juli 2025 di X"
_AT = re.compile(r",? (?:(?:yang )?(?:akan )?(?:berlangsung|digelar|diselenggarakan|diadakan|dijadwalkan|dibuka) )?"
                 rf"(?:(?:pada )?(?:\d{{1,2}}(?:[\u2013-]\d{{1,2}})? )?{MONTH_PATTERN} \d{{4}},? )?"
                 r"di (?P<where>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")
# A cohort written alone; "-nya", "itu", "tersebut" point back at the program.
_BARE = re.compile(rf"(?<![\w-])(?P<cohort>(?:[Aa]ngkatan|[Gg]elombang|[Bb]atch) {_ORDINAL})(?![\w-])"
                   r"(?P<ref>(?: (?:pelatihan|program|kegiatan|kelas))?(?:nya| (?:itu|ini|tersebut)))?")
# What a cohort told alone must come with to be an event, not "gelombang kedua pandemi".
_HAPPENS = re.compile(r"(?<![\w-])(?:digelar|dibuka|membuka|menggelar|berlangsung|dilaksanakan|diselenggarakan|"
                      r"diadakan|dimulai|diikuti|dijadwalkan)(?![\w-])")
_COHORT_RULES = frozenset({"program-cohort", "cohort-after-program"})
# "Salah satu peserta gelombang pertama, Murniati (45), …": a person who took part in the cohort.
_ONE_OF = re.compile(rf"(?<![\w-])(?:[Ss]alah (?:satu|seorang) )?peserta (?P<cohort>{_COHORT})"
                     r"(?: (?:pelatihan|program|kegiatan) [^,.\n]{1,40}?| (?:itu|ini|tersebut))?, (?=[A-Z])")
_HOLDS = re.compile(r"(?<![\w-])(?:menggelar|menyelenggarakan|mengadakan|melaksanakan|membuka) (?:kembali )?"
                    r"(?:pelatihan |kelas )?(?:[Pp]rogram )?$")
_FROM = re.compile(r"(?<![\w-])(?:(?:[Pp]eserta(?: [a-z]+)?|Mereka|[Pp]ara peserta) (?:berasal|datang) dari"
                   r"|diikuti (?:oleh )?(?:\d[\d.]* )?"
                   r"(?:[a-zA-Z]+ ){0,3}?(?:dari|asal)) (?P<list>[^.\n]+)"
                   # "Sebanyak 120 pedagang dari A, B dan C mengikuti peluncuran itu": those who came
                   r"|(?<![\w-])(?:\d[\d.]*|ratusan|puluhan|ribuan) (?:[a-zA-Z]+ ){0,3}?(?:dari|asal) "
                   rf"(?P<came>[^.\n]+?) (?:turut |ikut )?(?:mengikuti|menghadiri|hadir (?:dalam|pada|di)|{COMPETED})"
                   r"(?![\w-])")
# "Peluncuran itu diikuti …": the event a sentence points back to.
_BACK = re.compile(r"(?<![\w-])(?P<noun>[Pp]eluncuran|[Pp]elatihan|[Pp]eresmian|[Aa]cara|[Kk]egiatan|[Ss]eminar|"
                   r"[Ww]orkshop|[Pp]ameran|[Ff]estival) (?:itu|ini|tersebut)(?![\w-])")
_REGIONS = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place"})
_TRAINING = re.compile(r"(?i)pelatihan|kelas|bootcamp|workshop|training|lokakarya")


def cohorts(found: Proposals) -> None:
    """Each cohort or session written next to a proposed program's name, then those told
    alone after a program, then the regions the participants of an event come from."""
    programs = {name: item for item in found.items.values() if item.type in ("Program", "Initiative")
                for name in (item.label, *item.aliases)}
    sentences = ArticleText(found.text).sentences
    if programs:
        _told_alone(found, sentences, _named_cohorts(found, programs, sentences))
    for match in _FROM.finditer(found.text):
        _participants_from(found, match)
    for match in _ONE_OF.finditer(found.text):
        _one_of(found, match)


def _named_cohorts(found: Proposals, programs: dict[str, Item], sentences: list[Span]) -> list[Span]:
    """The cohorts written with their program's name; returns where they are written."""
    names = "|".join(re.escape(n) for n in sorted(programs, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:(?:[Pp]rogram )?(?P<program>{names}) (?P<cohort>{_COHORT})"
                         rf"|(?P<cohort2>{_COHORT}) (?:[Pp]rogram )?(?P<program2>{names})(?![\w-]))")
    named = []
    for match in pattern.finditer(found.text):
        named.append(Span(match.start(), match.end()))
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        words = found.text[sentence.start:sentence.end] if sentence else ""
        if sentence is None or NEGATION.search(words):
            continue  # "belum membuka gelombang kedua": no event
        program = programs[match["program"] or match["program2"]]
        _cohort(found, Span(match.start(), match.end()), match["cohort"] or match["cohort2"], sentence, program,
                "program-cohort")
    return named


def _told_alone(found: Proposals, sentences: list[Span], named: list[Span]) -> None:
    """"Gelombang pertama pelatihannya digelar …", "membuka angkatan kedua program itu": a
    cohort of the program named last before it, when its sentence says it is held or planned."""
    programs = mentions(found, frozenset({"Program", "Initiative"}))
    for match in _BARE.finditer(found.text):
        before = [item for start, _, item in programs if start < match.start()]
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        if not before or sentence is None or any(n.start <= match.start() < n.end for n in named):
            continue
        words = found.text[sentence.start:sentence.end]
        if NEGATION.search(words) or not (_HAPPENS.search(words) or match["ref"]):
            continue
        event = _cohort(found, Span(match.start(), match.end()), match["cohort"], sentence, before[-1],
                        "cohort-after-program")
        if "status" not in event.fields and "organizer" not in event.fields:  # the program's operator, if told
            for operator in before[-1].fields.get("operated_by", []):
                event.add("organizer", Value(operator.value, operator.span, "cohort-operator", 0.4))


def _cohort(found: Proposals, written: Span, cohort: str, sentence: Span, program: Item, rule: str) -> Item:
    ident = slug(f"{program.label} {cohort}")
    # A name is in its evidence: told alone, the cohort is named by its own words ("Gelombang pertama").
    label = f"{program.label} {cohort.lower()}" if rule == "program-cohort" else cohort[0].upper() + cohort[1:]
    kind = "TrainingEvent" if _TRAINING.search(found.text[sentence.start:sentence.end]) else "Event"
    event = found.add(Item(ident, kind, label, written, rule, 0.5))
    event.add("part_of_program", Value(program.ident, written, rule, 0.5))
    if UNDONE.search(found.text, sentence.start, sentence.end):  # "akan dibuka", "dijadwalkan": planned only
        event.add("status", Value("planned", Span(sentence.start, sentence.end), "cohort-planned", 0.5))
    organisers = [(s, e, i) for s, e, i in mentions(found, ORG_TYPES - {"MediaOutlet"})
                  if sentence.start <= s and e <= sentence.end]
    end = written.end
    by = _HELD_BY.match(found.text, end)
    after = [(s, e, i) for s, e, i in organisers if by is not None and s == by.end()]
    before = [(s, e, i) for s, e, i in organisers if e <= written.start]
    if after:  # "… angkatan kedua yang digelar Dinas X"
        event.add("organizer", Value(after[0][2].ident, Span(written.start, after[0][1]), "cohort-held-by", 0.5))
        end = after[0][1]
    elif before and _HOLDS.search(found.text[before[-1][1]:written.start]):  # "Dinas X menggelar Program …"
        event.add("organizer", Value(before[-1][2].ident, Span(before[-1][0], written.end), "cohort-held-by", 0.5))
    end = re.match(r"(?: \([A-Z][\w ]{1,20}\))?", found.text[end:]).end() + end  # type: ignore[union-attr]
    venue_end = _venue(found, event, written.start, end)
    if venue_end is None:  # "…, Senin (20/10/2025), di Hotel Y": the date first
        _venue(found, event, written.start, dated(found, event, end, written.start) or end)
    else:
        dated(found, event, venue_end, written.start)
    return event


def _venue(found: Proposals, event: Item, start: int, end: int) -> int | None:
    """The venue written right after `end` ("digelar di Hotel X"), never an organisation;
    returns where its name ends."""
    at = _AT.match(found.text, end)
    place = place_named(found, at["where"]) if at else None
    if at is None or place is None or place.type == "Organization":
        return None
    venue_end = at.start("where") + len(place.label)
    event.add("venue", Value(place.ident, Span(start, venue_end), "cohort-venue", 0.5))
    return venue_end


def _one_of(found: Proposals, match: re.Match[str]) -> None:
    """The person named right after "peserta gelombang pertama," takes part in the last cohort
    so called before it."""
    person = next((i for s, _, i in mentions(found, frozenset({"Person"})) if s == match.end()), None)
    cohorts = [i for i in found.items.values() if i.rule in _COHORT_RULES and i.span.start < match.start()
               and i.label.lower().endswith(match["cohort"].lower())]
    if person is not None and cohorts:
        cohort = max(cohorts, key=lambda i: i.span.start)
        person.add("takes_part_in", Value(cohort.ident, Span(match.start(), match.end() + len(person.label)),
                                          "cohort-participant", 0.5))


def _participants_from(found: Proposals, match: re.Match[str]) -> None:
    """"Peserta berasal dari Lombok Barat, Lombok Tengah, dan Sumbawa", "Mereka datang dari A, B, hingga
    C": the regions of the event the sentence points back to ("Peluncuran itu diikuti …"), else of the
    paragraph's last event before the phrase ("Mereka" opening a paragraph: the text's last event before
    it), each as places resolve (an ambiguous name stays so)."""
    line = found.text.rfind("\n", 0, match.start()) + 1
    sentence = max(line, found.text.rfind(". ", 0, match.start()) + 2)
    back = _BACK.search(found.text, sentence, match.start() if match["list"] else match.end() + 40)
    told = [i for i in found.items.values() if i.type in EVENT_TYPES and line <= i.span.start < match.start()]
    if not told and match.group().startswith("Mereka"):  # a paragraph of its own: the event told last before it
        told = [i for i in found.items.values() if i.type in EVENT_TYPES and i.span.start < match.start()]
    after = [i for i in found.items.values() if i.type in EVENT_TYPES and i.span.start == match.end() + 1]
    event = after[0] if match["came"] and after else referent(found, back["noun"].lower(), back.start()) if back \
        else max(told, key=lambda i: i.span.start, default=None)  # "… mengikuti Bootcamp X": the event named there
    if event is None or NEGATION.search(match.group()):
        return
    for part in re.split(r",? (?:dan|hingga|sampai) |, | serta ", match["list"] or match["came"]):
        place = place_named(found, part.strip())
        if place is not None and place.type in _REGIONS:
            event.add("participants_from", Value(place.ident, Span(match.start(), match.end()),
                                                 "cohort-participants-from", 0.5))
