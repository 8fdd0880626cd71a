"""Rules for studies: a study named with its author ("Studi Lazada", "Survei Bank Indonesia …")
and the year it covers, or told by who made it ("survei yang dilakukan Dinas X pada Januari
2025", "survei bersama Universitas X dan PT Y", "Dinas X menggelar survei bersama …": all of
them its authors)."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.pointers import POINTER, POSSESSIVE, pointed, possessed
from kg.ingest.relations import inside_named
from kg.source.text import Span

_KINDS = r"[Ss]tudi|[Ss]urvei|[Rr]iset|[Kk]ajian|[Pp]enelitian"  # the words that name a study
_STUDY = re.compile(rf"(?<![\w-])(?P<name>(?:{_KINDS})"
                    r" (?:tim (?:peneliti )?)?(?P<by>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}))"
                    r"(?=[ ,])(?:[^.\n]{0,25}?(?<![\w-])(?P<year>(?:19|20)\d\d)(?![\w-]))?")
# "survei yang dilakukan Dinas X pada Januari 2025 terhadap 400 pelaku UMKM": a study told by who made it.
# "survei bersama Universitas X dan PT Y": made by both (and by whoever "menggelar" it with them).
_MADE = re.compile(rf"(?<![\w-])(?P<kind>{_KINDS}) (?:(?:yang )?"
                   r"(?:dilakukan|digelar|dilaksanakan|diadakan|dirilis|disusun|(?P<led>dipimpin|diketuai))(?: oleh)?"
                   r"|(?P<with>bersama))"
                   rf" (?=[A-Z]|{POINTER})")
# "Survei lembaga itu terhadap 320 nelayan pada Juli 2026": the study of the organisation pointed back to.
_POINTED = re.compile(rf"(?<![\w-])(?P<kind>{_KINDS}) {POINTER}")
# "Survei lembaganya terhadap 500 pelaku UMKM …": the study of the institution of the one who spoke just before.
_POSSESSED = re.compile(rf"(?<![\w-])(?P<kind>{_KINDS}) {POSSESSIVE}")
# "Dr. Rahmat Lamasi, dosen fakultas itu yang memimpin kajian, …": a person who led the study told before.
_LED = re.compile(r",(?: [^,.\n]{1,80}?)? yang (?:memimpin|mengetuai|mengoordinasikan) (?:tim )?"
                  r"(?:kajian|survei|riset|penelitian|studi)(?![\w-])")
_ASKED = re.compile(r" (?P<whom>terhadap (?:\d[\d.]* )?[a-z][\w-]*(?: (?!(?:pada|tahun|sepanjang|selama|me\w+|di\w*)"
                    r"(?![\w-]))[a-zA-Z][\w-]*){0,3})")
# "Menurut catatan X, survei terhadap 300 nelayan pada Mei 2026 memperlihatkan …", "Catatan X menunjukkan …":
# the record of an organisation, or the survey it tells of, is a study of that organisation.
_NOTED = re.compile(r"(?:^|(?<=[.\n] )|(?<=\n)|(?<=[A-Z.] - ))(?P<according>(?:Menurut|Berdasarkan) )?"
                    r"(?P<kind>[Cc]atatan) (?=[A-Z])")
_NOTED_SHOWS = re.compile(r"(?: \([^()]{1,20}\))?,? (?:menunjukkan|memperlihatkan|mengungkapkan)(?![\w-])")
_NOTED_SURVEY = re.compile(r"(?: \([^()]{1,20}\))?, (?P<kind>survei|studi|riset|kajian|penelitian)(?![\w-])")
_UNIT_BEFORE = re.compile(r"(?<![\w-])(?:Pusat|Lembaga|Program|Badan|Balai) $")
_MADE_BY = re.compile(r"(?:menggelar|melakukan|melaksanakan|mengadakan|merilis|menyusun) $")


# The year a study covers, written right after its authors ("pada Januari 2025", "tahun 2024"), or after
# whom it asked and where ("terhadap 300 pelaku UMKM di Kabupaten X pada Maret 2026").
_YEAR_AFTER = re.compile(r"(?: \([A-Z][\w ]{1,20}\))?(?: terhadap [^.,;:\n]{3,60}?)?"
                         r"(?: di [A-Z][\w-]*(?: [A-Z][\w-]*){0,3})?,? (?:pada|tahun|sepanjang|selama) "
                         r"(?:[A-Z][a-z]+ )?(?:tahun )?(?P<year>(?:19|20)\d\d)(?![\w-])")


# "Data dari Pusat Studi X menunjukkan …", "Hasil kajian dari X mencatat …", "Riset dari X mengungkap …": a
# study told by what its author's data showed.
# "Data Pusat Studi X menunjukkan" without "dari" too (the others without it are named studies: _STUDY).
_DATA_FROM = re.compile(rf"(?<![\w-])(?:[Hh]asil )?(?:(?P<kind>{_KINDS}) "
                        r"dari|(?P<data>[Dd]ata)(?: terbaru)?(?: dari)?) (?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_SHOWED = re.compile(r"(?: \([A-Z][\w ]{1,20}\))?(?: terbaru)? (?:menunjukkan|mencatat|mengungkap(?:kan)?|menemukan|"
                     r"memperlihatkan)(?![\w-])")
# "Survei itu dilakukan terhadap 400 pelaku usaha pada Oktober 2026": how the study told last was made.
HOW_DONE = re.compile(rf"(?P<kind>{_KINDS}|[Dd]ata) (?:itu|ini|tersebut) "
                      r"(?:di(?:lakukan|laksanakan|gelar|kumpulkan|himpun)|melibatkan)(?![\w-])")


def studies(found: Proposals) -> None:
    """"Berdasarkan Studi Lazada di sepanjang 2021": a study, its author when the name holds a
    proposed organisation, and the year it covers when one follows closely; a study told by
    who made it ("survei yang dilakukan Dinas X …")."""
    orgs = {start: (end, item) for start, end, item in mentions(found, ORG_TYPES - {"MediaOutlet"})}
    ends = {end: (start, item) for start, (end, item) in orgs.items()}
    for match in _STUDY.finditer(found.text):
        if inside_named(found, match.start()) or _UNIT_BEFORE.search(found.text, 0, match.start()):
            continue  # "Balai … dan Penelitian (BPSDMP)", "Pusat Studi Ekonomi Digital": part of a name
        if match["name"][0].islower() and match.start("by") not in orgs:
            continue  # "survei Fakultas … (FEB X) terhadap …": in small letters, only a proposed organisation's
        author, name, end = found.find_name(match["by"]), match["name"], match.end()
        if match.start("by") in orgs:  # "Survei Fakultas Ekonomi dan Bisnis Universitas X (FEB X)": whole
            stop, author = orgs[match.start("by")]
            written = re.sub(r" \([^()]{1,30}\)$", "", found.text[match.start("by"):stop])  # as the text names it
            name, end = f"{match['name'].split(' ')[0].capitalize()} {written}", max(end, stop)
        joined = _joined(found.text, orgs, match.start("by"))[1:]  # "Survei A bersama B"
        if joined and match["name"][0].islower():  # "survei A dan B (X) terhadap …": named by all its authors
            written = re.sub(r" \([^()]{1,30}\)$", "", found.text[match.start("by"):joined[-1][1]])
            name, end = f"{match['name'].split(' ')[0].capitalize()} {written}", max(end, joined[-1][1])
        item = found.add(Item(slug(name), "Study", name, Span(match.start(), end), "study-cue", 0.5))
        if author is not None and author.type in ORG_TYPES:
            item.add("author", Value(author.ident))
        for _, stop, other in joined:
            item.add("author", Value(other.ident, Span(match.start(), stop), "study-cue", 0.5))
        if match["year"]:
            item.add("period", Value(match["year"]))
        elif (year := _YEAR_AFTER.match(found.text, end)) is not None:  # "… (FEB X) terhadap 300 … pada Maret 2026"
            item.add("period", Value(year["year"], Span(match.start(), year.end()), "study-cue", 0.5))
    for match in _MADE.finditer(found.text):
        authors = _joined(found.text, orgs, match.end()) or _pointed_author(found, match)
        verb = _MADE_BY.search(found.text, max(0, match.start() - 20), match.start()) if match["with"] else None
        if verb is not None and verb.start() - 1 in ends:  # "Dinas X menggelar survei bersama …"
            start, item = ends[verb.start() - 1]
            authors.insert(0, (start, verb.start() - 1, item))
        if authors:
            _made_by(found, match, authors)
        elif match["led"]:
            _led_by_person(found, match)
    for match in _POINTED.finditer(found.text):
        author = pointed(found, match["noun"], match.start())
        asked = _ASKED.match(found.text, match.end())  # "Survei lembaga itu terhadap 320 nelayan": whom it asked
        whom = asked["whom"] if asked else found.text[match.start("noun"):match.end()]
        label = asked_label(match["kind"], whom)
        if author is not None:
            _made_by(found, match, [(match.start(), asked.end() if asked else match.end(), author)], label)
    _possessed_studies(found)
    _noted(found, orgs)
    _led_by(found)
    _data_from(found, orgs)
    _how_done(found)


def _data_from(found: Proposals, orgs: dict[int, tuple[int, Item]]) -> None:
    """"Data dari Pusat Studi X menunjukkan …": the study of the organisation named after "dari" (data
    only of a research organisation's), labelled by the text's word ("Data Pusat Studi X": a label's
    words must be in its evidence) and known by the word the next sentence points back to it with
    ("Survei itu dilakukan …": "Survei Pusat Studi X")."""
    for match in _DATA_FROM.finditer(found.text):
        stop, author = orgs.get(match.end(), (0, None))
        kind = match["kind"] or match["data"]
        if author is None or _SHOWED.match(found.text, stop) is None or (
                match["data"] and author.type != "Organization"):
            continue  # "Data dari BPS …", "data dari Dinas X": a body's records, not research
        written = re.sub(r" \([^()]{1,30}\)$", "", found.text[match.end():stop])
        end = _SENTENCE_END.search(found.text, stop)
        after = HOW_DONE.match(found.text, end.end()) if end is not None else None
        label = f"{kind.capitalize()} {written}"
        study = found.add(Item(slug(label), "Study", label, Span(match.start(), stop), "study-data-from", 0.5))
        study.add("author", Value(author.ident, Span(match.start(), stop), "study-data-from", 0.5))
        if after is not None and after["kind"].lower() != kind.lower():
            study.add("known_as", Value(f"{after['kind'].capitalize()} {written}"))


def _how_done(found: Proposals) -> None:
    """"Survei itu dilakukan terhadap 400 pelaku usaha pada Oktober 2026", opening a sentence: the
    study told last is also named by whom it asked ("Survei terhadap pelaku usaha"), and covers that
    year when it had none."""
    for match in HOW_DONE.finditer(found.text):
        told = [s for s in found.items.values() if s.type == "Study" and s.span.end <= match.start()]
        if not told or found.text[max(0, match.start() - 2):match.start()].strip() not in ("", "."):
            continue  # none told before, or not where a sentence opens
        study = max(told, key=lambda s: s.span.start)
        asked = _ASKED.match(found.text, match.end())
        if asked is not None:
            study.alias(asked_label(match["kind"], asked["whom"]), Span(match.start(), asked.end()))
        year = _YEAR_AFTER.match(found.text, match.end())
        if year is not None and "period" not in study.fields:
            study.add("period", Value(year["year"], Span(match.start(), year.end()), "study-how-done", 0.5))


def _noted(found: Proposals, orgs: dict[int, tuple[int, Item]]) -> None:
    """"Menurut catatan X, survei terhadap 300 nelayan pada Mei 2026 memperlihatkan …": the survey
    (named by whom it asked, with its year) of X; "Catatan X menunjukkan …": X's record, a study."""
    for match in _NOTED.finditer(found.text):
        if match.end() not in orgs:
            continue
        stop, author = orgs[match.end()]
        survey = _NOTED_SURVEY.match(found.text, stop) if match["according"] else None
        if survey is None and not _NOTED_SHOWS.match(found.text, stop):
            continue  # "catatan X" that shows nothing: no study told
        asked = _ASKED.match(found.text, survey.end()) if survey else None
        end = asked.end() if asked else survey.end() if survey else stop
        label = (asked_label(survey["kind"], asked["whom"]) if asked else f"Survei {author.label}") if survey \
            else f"Catatan {author.label}"
        study = found.add(Item(slug(label), "Study", label, Span(match.start("kind"), end), "study-noted", 0.5))
        study.add("author", Value(author.ident, Span(match.start("kind"), stop), "study-noted", 0.5))
        year = _YEAR_AFTER.match(found.text, end) if survey else None
        if year is not None:
            study.add("period", Value(year["year"], Span(match.start("kind"), year.end()), "study-noted", 0.5))


def _possessed_studies(found: Proposals) -> None:
    """"Menurut Kepala Pusat Kajian X, Dr. Y, …. Survei lembaganya terhadap 500 pelaku UMKM …": the
    study of the organisation of the post named in the same sentence or the one before."""
    for match in _POSSESSED.finditer(found.text):
        author = possessed(found, match["noun"], match.start())
        asked = _ASKED.match(found.text, match.end())
        if author is None or asked is None:
            continue  # "survei lembaganya" with no one asked says too little to name it
        _made_by(found, match, [(match.start(), asked.end(), author)], asked_label(match["kind"], asked["whom"]))


def _led_by(found: Proposals) -> None:
    """"Dr. A, dosen fakultas itu yang memimpin kajian, …": the person is an author of the study
    told last before."""
    written = [(m.start(), m.end(), person) for person in found.items.values() if person.type == "Person"
               for m in re.finditer(rf"(?<![\w-]){re.escape(person.label)}(?![\w-])", found.text)]
    for start, end, person in written:  # the name itself: a person's span may run over their post
        led = _LED.match(found.text, end)
        told = [s for s in found.items.values() if s.type == "Study" and s.span.start < start]
        if led is not None and told:
            study = max(told, key=lambda s: s.span.start)
            study.add("author", Value(person.ident, Span(start, led.end()), "study-led-by", 0.5))


# After the leader's name: their post in apposition, up to whom the study asked.
_APPOSED_UP_TO_ASKED = re.compile(r"[^.\n]{0,200}?,(?= terhadap )")


def _led_by_person(found: Proposals, match: re.Match[str]) -> None:
    """"Survei yang dipimpin Prof. Dr. X, S.E., guru besar …, terhadap 600 pelaku UMKM pada Oktober 2026":
    the study of the person named right after, labelled by whom it asked, with the year after that."""
    person, stop = next(((item, stop) for start, stop, item in mentions(found, frozenset({"Person"}))
                         if start == match.end()), (None, match.end()))
    apposed = _APPOSED_UP_TO_ASKED.match(found.text, stop)  # a person's span may run over their post
    asked = _ASKED.match(found.text, apposed.end()) if apposed else None
    if person is None or asked is None:
        return
    end = asked.end()
    study = found.add(Item(slug(asked_label(match["kind"], asked["whom"])), "Study",
                           asked_label(match["kind"], asked["whom"]), Span(match.start(), end), "study-led-by", 0.5))
    study.add("author", Value(person.ident, Span(match.start(), stop), "study-led-by", 0.5))
    year = _YEAR_AFTER.match(found.text, apposed.end())  # type: ignore[union-attr]
    if year is not None:
        study.add("period", Value(year["year"], Span(match.start(), year.end()), "study-led-by", 0.5))


def asked_label(kind: str, whom: str) -> str:
    """"Survei terhadap nelayan": a study named by whom it asked, without how many (the count is a
    detail of the survey, not its name)."""
    return f"{kind.capitalize()} {re.sub(r'^terhadap (?:sekitar |lebih dari )?[0-9][0-9.]* ', 'terhadap ', whom)}"


def _pointed_author(found: Proposals, match: re.Match[str]) -> list[tuple[int, int, Item]]:
    """"Riset yang dilakukan lembaga tersebut": the organisation the words point back to."""
    pointer = re.compile(POINTER, re.IGNORECASE).match(found.text, match.end())
    author = pointed(found, pointer["noun"], match.start()) if pointer else None
    return [(pointer.start(), pointer.end(), author)] if pointer and author else []


def _joined(text: str, orgs: dict[int, tuple[int, Item]], at: int) -> list[tuple[int, int, Item]]:
    """The organisations named from `at` on, joined by "dan", "serta", "bersama" or commas; a
    faculty's short name before a university's is passed over ("FEB Universitas X": the university)."""
    out = []
    while at in orgs or (re.match(r"[A-Z]{2,5} ", text[at:at + 6]) and text.find(" ", at) + 1 in orgs):
        at = at if at in orgs else text.find(" ", at) + 1
        end, item = orgs[at]
        out.append((at, end, item))
        joiner = re.match(r",? (?:dan|serta|bersama) |, ", text[end:end + 10])
        at = end + joiner.end() if joiner else -1
    return out


def _made_by(found: Proposals, match: re.Match[str], authors: list[tuple[int, int, Item]],
             label: str | None = None) -> None:
    """"survei yang dilakukan Dinas X pada Januari 2025": the study of its authors, with the
    year written right after ("pada Januari 2025", "tahun 2024"), labelled by the text's words."""
    end = authors[-1][1]
    label = label or f"{match['kind'].capitalize()} {found.text[match.end():end]}"  # "Survei A bersama B"
    year = _YEAR_AFTER.match(found.text[end:])
    study = found.add(Item(slug(label), "Study", label, Span(match.start(), end), "study-made-by", 0.5))
    for start, _, author in authors:
        study.add("author", Value(author.ident, Span(min(start, match.start()), end), "study-made-by", 0.5))
    if year is not None:
        study.add("period", Value(year["year"], Span(match.start(), end + year.end()), "study-made-by", 0.5))
