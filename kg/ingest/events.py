"""Rules for events the editors describe in their own words rather than name: an act of
opening or launching at a place ("Komdigi meresmikan Garuda Spark Innovation Hub di Pos Bloc
Medan, Sabtu (8/11/2025)"), an occasion at a venue ("dalam kuliah umum di Universitas …"),
the venue and date a later sentence gives ("Acara yang digelar di Hotel X pada Senin …"), and
who took part ("X memimpin langsung peresmian tersebut", "Ia didampingi A dan B", "dihadiri
oleh …", "Salah satu startup yang hadir, Y", "Z menjadi narasumber dalam acara itu", "Z mengikuti
Bootcamp X"); named events told by those who came or by their opening ("240 petani … mengikuti
Bootcamp X di …", "Festival X resmi dibuka oleh …"), held or planned by an organisation ("berencana
menggelar Festival X"), scheduled ("dijadwalkan digelar": planned) or called off ("urung
terlaksana": cancelled). An act told in the editors' words that is negated, hypothetical or
planned gives no event: its label says it happened."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import HEAD, ORG_TYPES, holder
from kg.ingest.relations import NEGATION, holders, venue_within
from kg.source.dates import DateError, NewsDate, find_date_mentions, find_news_date, find_news_range, find_yearless_date
from kg.source.text import ArticleText, Span

_NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,5}"
_ACR = r"(?: \([A-Z][A-Za-z]{1,12}\))?"
_OPENS = re.compile(rf"(?<![\w-])(?P<verb>meresmikan|meluncurkan|membuka|melaunching) (?:secara resmi )?"
                    r"(?:(?P<kind>program|aplikasi|layanan|platform|gedung|kantor|fasilitas|portal) )?"
                    rf"(?P<object>{_NAME}){_ACR}(?P<with> bersama {_NAME}{_ACR})? di (?P<where>{_NAME})")
_OCCASION_WORDS = (r"kuliah umum|seminar|lokakarya|workshop|pelatihan|sosialisasi|webinar|diskusi publik|"
                   r"rapat koordinasi|temu bisnis|temu niaga|temu usaha|temu mitra|business matching|bazar|pameran|"
                   r"festival|talkshow|gelar wicara|uji ?coba")
_OCCASION = re.compile(rf"(?<![\w-])(?:dalam|pada|saat|ketika|di sela|menghadiri|mengisi|memberikan|memberi) "
                       rf"(?:acara )?(?P<event>{_OCCASION_WORDS}) di (?P<where>{_NAME}){_ACR}")
_HELD = re.compile(r"(?<![\w-])(?P<noun>[Aa]cara|[Kk]egiatan|[Pp]elatihan|[Pp]eresmian|[Pp]eluncuran|[Ss]eminar|"
                   r"[Ww]orkshop|[Pp]ameran|[Ff]estival|[Bb]azar|[Kk]uliah umum)"
                   r"(?: (?:ini|itu|tersebut))? yang (?:digelar|diselenggarakan|dilaksanakan|diadakan|"
                   rf"berlangsung) di (?P<where>{_NAME})")
UNDONE = re.compile(r"(?<![\w-])(?:akan|bakal|rencana|berencana|dijadwalkan|batal|urung|ingin|berharap|siap|segera|"
                     r"hendak|mau)(?![\w-])")
_PLACE_TYPES = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place", "Hotel", "Facility",
                          "CoworkingSpace"})
_CLAUSE_CUT = re.compile(r",|(?<![\w-])(?:ketika|saat|sewaktu|dan|yang|setelah|sebelum|usai|seusai)(?![\w-])")
EVENT_TYPES = frozenset({"Event", "TrainingEvent", "NetworkingEvent"})
_TRAINING = re.compile(r"kuliah|pelatihan|workshop|lokakarya|kelas|bootcamp|training", re.IGNORECASE)
_EVENT_NAME = re.compile(r"(?<![\w-])(?:Pameran|Festival|Expo|Bazar|Seminar|Pelatihan|Workshop|Lokakarya|Forum|"
                         r"Konferensi|Summit|Pekan|Lomba|Kompetisi|Rapat|Musyawarah|Temu|Gathering|Webinar|Kuliah)(?![\w-])")
# "Diskominfo menggelar pelatihan pemasaran digital bagi …", "… menuntaskan uji coba katalog digital":
# an occasion in plain words, and who holds it.
_HOLDS = re.compile(rf"(?<![\w-])(?:menggelar|mengadakan|menyelenggarakan|melaksanakan|menuntaskan|merampungkan) "
                    rf"(?P<event>(?:{_OCCASION_WORDS})"
                    r"(?: (?!(?:bagi|untuk|kepada|di|pada|yang|dengan|dan|bersama|selama|sejak)(?![\w-]))"
                    r"[a-z][\w-]*){0,4})")


# "240 petani muda … mengikuti Bootcamp Tani Cakap Digital di Gedung X, Kamis (16/4/2026)", "Ratusan
# pelaku UMKM memadati Pelatihan Y yang digelar Dinas Z", "Festival X resmi dibuka oleh …": an event
# named by its head word, told by those who came to it or by its opening (a clinic only by those who came:
# "Klinik Pratama X resmi dibuka" opens a building).
_HEAD_WORD = (r"(?:Bootcamp|Pelatihan|Workshop|Lokakarya|Kelas|Klinik|Training|Festival|Pameran|Expo|Bazar|Seminar|"
              r"Webinar|Konferensi|Summit|Gathering|Temu|Lomba|Kompetisi|Hackathon|Gelar)")
# "Training of Trainers (ToT) Pendamping Digital 2026": an English name's small words and an acronym inside.
_NAMED = (rf"{_HEAD_WORD}(?: (?:[A-Z][\w-]*|\d{{4}}|dan|&|of|for|and|\([A-Z][A-Za-z]{{1,9}}\)(?= [A-Z\d])))"
          r"{1,8}(?![\w-])")
# "90 mahasiswa … beradu ide dalam Lomba X", "berlomba dalam", "bertanding di", "unjuk karya di": those who
# competed in an event came to it, as those who "mengikuti" it.
COMPETED = (r"(?:beradu (?:ide|gagasan|inovasi|kreativitas|karya|kreasi|keterampilan)|berlomba|bertanding|berkompetisi"
            r"|unjuk (?:karya|kebolehan|gagasan|kreativitas|keterampilan)) (?:dalam|di|pada)(?: ajang| gelaran)?")
# "…,” kata X di hadapan peserta Bootcamp Y di Gedung Z, …": the event only a quote's attribution names.
_ATTENDED = re.compile(rf"(?<![\w-])(?:mengikuti|memadati|menghadiri|meramaikan|memeriahkan|{COMPETED}|"
                       rf"(?:di hadapan|di depan) (?:para |ratusan |puluhan |\d[\d.]* )?peserta) (?P<name>{_NAMED})"
                       rf"|(?<![\w-])(?!Klinik )(?P<opened>{_NAMED}) (?:yang (?=(?:resmi )?(?:dibuka|diresmikan)))?"
                       r"(?P<plan>(?:dijadwalkan|rencananya|akan|bakal) )?"
                       r"(?:resmi )?(?:dibuka|digelar|diselenggarakan|berlangsung|diresmikan)(?![\w-])")
# "Dinas Pariwisata Bali berencana menggelar Festival Kopi Kintamani di Bangli": a named event held, or planned.
_HOLDS_NAMED = re.compile(rf"(?<![\w-])(?:menggelar|mengadakan|menyelenggarakan|melaksanakan) (?P<event>{_NAMED})")
_BY = re.compile(r"(?: yang)? (?:resmi )?(?:digelar|diselenggarakan|dibuka|diadakan|diresmikan)(?: secara resmi)? "
                 r"(?:oleh )?"
                 r"(?P<org>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")


# "Pameran Kopi Gayo yang dijadwalkan digelar di Takengon urung terlaksana": an event called off.
_CALLED_OFF = re.compile(rf"(?<![\w-])(?P<name>{_NAMED})[^.\n]{{0,80}}? (?P<cue>urung|batal|dibatalkan|tidak jadi)"
                         r"(?![\w-])")


def called_off(found: Proposals) -> None:
    """A named event its sentence says was called off: proposed as cancelled, the cue its evidence."""
    for match in _CALLED_OFF.finditer(found.text):
        if _in_title(found, match.start()) or NEGATION.search(found.text, match.start(), match.start("cue")):
            continue
        name = match["name"].removesuffix(" dan").removesuffix(" &")
        known = found.find_name(name)
        if known is not None and known.type not in EVENT_TYPES:
            continue
        event = found.add(Item(slug(name), _kind(name), name, Span(match.start(), match.start() + len(name)),
                               "event-called-off", 0.5))
        event.add("status", Value("cancelled", Span(match.start(), match.end()), "status-cue", 0.6))


_DEGREES = r"(?:, (?:[A-Z][A-Za-z]{0,3}\.){1,3})*"  # ", M.M.", ", S.E., M.Si." after a name
_LEGAL_FORM_BEFORE = re.compile(r"(?<![\w-])(?:PT|CV|Tbk)\.? $")


def told_by_attendance(found: Proposals) -> None:
    """Events named in a sentence by those who came or by their opening, with their venue
    ("di <venue>"), date and organiser ("yang digelar <organisation>"); one the sentence says is
    scheduled ("Festival X dijadwalkan digelar di Y") is planned, with no date; none the clause
    before says is to come or did not happen."""
    for match in _ATTENDED.finditer(found.text):
        group = "name" if match["name"] else "opened"
        name, start = match[group].removesuffix(" dan").removesuffix(" &"), match.start(group)
        line = found.text.rfind("\n", 0, start) + 1
        clause = _CLAUSE_CUT.split(found.text[max(line, found.text.rfind(". ", 0, start) + 2):start])[-1]
        if NEGATION.search(clause) or UNDONE.search(clause) or _in_title(found, start) or \
                (found.find_name(name) is not None and found.find_name(name).type not in EVENT_TYPES) or \
                _LEGAL_FORM_BEFORE.search(found.text, max(0, start - 4), start):
            continue  # "Kantor PT Bazar Nusa Daring resmi dibuka": a company's name, no bazaar
        event = found.add(Item(slug(name), _kind(name), name, Span(start, start + len(name)), "event-attended", 0.5))
        _inner_acronym(event, start)
        end = _held_by(found, event, start, start + len(name))
        end = max(end, match.end()) if group == "opened" else end  # "Festival X digelar di Y": past the verb
        at = re.match(rf"{_DEGREES},? (?:di|yang (?:berlangsung|digelar|diadakan|dilaksanakan) di) (?P<where>{_NAME})",
                      found.text[end:])  # "… oleh <post>, Drs. X, M.M., di <venue>", "… yang berlangsung di <venue>"
        place = (place_named(found, at["where"]) or hall_hosting(found, at["where"])) if at else None
        if place is not None and "venue" not in event.fields:
            end += at.start("where") + len(place.label)  # type: ignore[union-attr]
            event.add("venue", Value(place.ident, Span(start, end), "event-attended", 0.5))
        elif match["name"] and "venue" not in event.fields:
            _filled_venue(found, event, max(line, found.text.rfind(". ", 0, start) + 2), start)
        if match["plan"]:
            event.add("status", Value("planned", Span(match.start("plan"), match.end("plan") - 1), "status-cue", 0.6))
        elif "date" not in event.fields:
            dated(found, event, end, start)


_INNER_ACRONYM = re.compile(r" \((?P<acr>[A-Z][A-Za-z]{1,9})\) ")


def _inner_acronym(event: Item, start: int) -> None:
    """"Training of Trainers (ToT) Pendamping Digital 2026", written at `start`: "ToT" names it too."""
    inner = _INNER_ACRONYM.search(event.label)
    if inner is not None:
        event.alias(inner["acr"], Span(start + inner.start("acr"), start + inner.end("acr")))


# "Sekitar 120 petani dan perajin memadati Gedung X, Kota Y, Selasa (6/10/2026), dalam Festival Z": the
# crowd, the hall and the date first, the event they came for named last.
CAME_TO = re.compile(r"(?<![\w-])(?:memadati|memenuhi|mendatangi|menyesaki|meramaikan|berkumpul di|hadir di) "
                     r"(?P<venue>[A-Z][^.\n]{0,120}?),? (?:dalam|pada|saat|di sela(?:-sela)?|untuk mengikuti)"
                     rf" (?:(?:acara|gelaran|ajang|kegiatan|perhelatan) )?(?P<name>{_NAMED})(?=[.,;\n]|$)")


def named_after_the_crowd(found: Proposals) -> None:
    """An event named at the end of a sentence that opens with who came, where and when: the hall
    after the verb is its venue, the date after the hall (and its region) is its date."""
    for match in CAME_TO.finditer(found.text):
        name, start = match["name"], match.start("name")
        known = found.find_name(name)
        clause = found.text[max(found.text.rfind("\n", 0, match.start()), found.text.rfind(". ", 0, match.start())) + 1:
                            match.start()]
        if _in_title(found, start) or (known is not None and known.type not in EVENT_TYPES) or \
                NEGATION.search(clause) or UNDONE.search(clause):
            continue
        event = found.add(Item(slug(name), _kind(name), name, Span(start, start + len(name)), "event-named-after", 0.5))
        hall = next(((stop, venue) for at, stop, venue in mentions(found, _VENUE_TYPES)
                     if at == match.start("venue")), None)
        office = hall_hosting(found, match["venue"]) if hall is None else None  # "memadati Balai X": a hall
        if office is not None:
            hall = (match.start("venue") + len(office.label), office)
        if hall is None or "venue" in event.fields:
            continue
        event.add("venue", Value(hall[1].ident, Span(match.start("venue"), match.end()), "event-named-after", 0.5))
        if "date" not in event.fields:
            dated(found, event, hall[0], match.start("venue"))


def _held_by(found: Proposals, event: Item, start: int, end: int) -> int:
    """"… yang digelar Dinas X": the organiser; "… resmi dibuka oleh Bupati Y": who opened it
    takes part in it (opening is no organising). Returns where the words of either end."""
    by = _BY.match(found.text, end)
    if by is None:
        return end
    written = [(stop, i) for s, stop, i in mentions(found, ORG_TYPES | {"Person", "Post"}) if s == by.start("org")]
    if not written or written[0][1].type == "MediaOutlet":
        return end
    stop, actor = written[0]
    if actor.type == "Post":  # "diresmikan oleh Kepala Dinas X, Drs. H. Bambang …,": the one holding it
        holder = _holder_named(found, actor, stop)
        if holder is None:
            return end
        actor, stop = holder
    opened = re.search(r"dibuka|diresmikan", by.group()) is not None
    if actor.type in ORG_TYPES and not opened:
        event.add("organizer", Value(actor.ident, Span(start, stop), "event-attended", 0.5))
    elif opened:
        actor.add("takes_part_in", Value(event.ident, Span(start, stop), "event-opened-by", 0.4))
    return stop


_FILLED = re.compile(r"(?<![\w-])(?:dipadati|dipenuhi|diramaikan|disesaki|dibanjiri)(?![\w-])")
_VENUE_TYPES = frozenset({"Facility", "Hotel", "Place", "CoworkingSpace"})


def _filled_venue(found: Proposals, event: Item, sentence: int, start: int) -> None:
    """"Gedung Kreatif X di Kota Y, Kamis (…), dipadati 240 pelaku usaha yang mengikuti Temu Bisnis Z":
    the building the sentence opens with is the event's venue, within the region written after "di"."""
    for at, stop, venue in mentions(found, _VENUE_TYPES):
        between = found.text[stop:start]
        if sentence <= at < start and _FILLED.search(between) and ". " not in between:
            event.add("venue", Value(venue.ident, Span(at, start), "event-filled-venue", 0.5))
            where = re.match(rf" di (?P<where>{_NAME})", between)
            named = place_written(found, where["where"]) if where else None
            if named is not None and named[0].type in ("Province", "Regency", "City") and "within" not in venue.fields:
                span = Span(at, stop + where.start("where") + len(named[1]))  # type: ignore[union-attr]
                venue.add("within", Value(named[0].ident, span, "event-filled-venue", 0.5))
            if "date" not in event.fields:
                dated(found, event, stop + (where.start("where") + len(named[1]) if named else 0), at)
            return


# "Acara tersebut diselenggarakan oleh A bersama B sebagai bagian dari program X": the event told
# before, its organisers and the program it belongs to.
_EVENT_NOUN = (r"(?P<noun>[Aa]cara|[Kk]egiatan|[Pp]elatihan|[Pp]eluncuran|[Pp]ameran|[Ff]estival|[Bb]azar|[Ss]eminar|"
               r"[Tt]emu (?:bisnis|usaha|dagang)|[Pp]ertemuan|[Ww]orkshop|[Ll]okakarya|[Bb]ootcamp|[Kk]elas|[Kk]linik|"
               r"[Ll]omba|[Kk]ompetisi|[Hh]ackathon|[Ss]ayembara)")
# "merupakan bagian dari", "menjadi rangkaian", "termasuk dalam": what an event is part of.
_PART_WORDS = (r"(?:(?:merupakan |menjadi )?(?:salah satu )?(?:bagian|rangkaian) (?:dari )?"
               r"|termasuk (?:ke )?(?:dalam )?(?:rangkaian )?)")
# "Kelas dua hari itu", "bootcamp sehari tersebut": a pointer may follow a word or two on how long it ran.
_POINTER = r"(?: (?:se|dua |tiga |empat |lima )?(?:hari|pekan|minggu|bulan))? (?:ini|itu|tersebut)"
_BACK_NOUN = _EVENT_NOUN + _POINTER
# "Festival yang digelar Dinas X itu merupakan bagian dari program Y": the pointer after the organiser.
_ORGANISED_BACK = re.compile(rf"(?<![\w-]){_EVENT_NOUN}(?:{_POINTER} (?:juga )?| (?P<which>yang) )"
                             r"(?:diselenggarakan|digelar|dihelat|diadakan|dilaksanakan|diinisiasi) (?:oleh )?")
# "Penyelenggara kegiatan ini ialah Dinas X bersama Startup Y": the organisers of the event told before.
_ORGANISERS_ARE = re.compile(rf"(?<![\w-])[Pp]enyelenggara {_EVENT_NOUN}{_POINTER} (?:ialah|adalah|yaitu|merupakan) ")
_PART_OF = re.compile(r"(?: (?:itu|ini|tersebut))?,? (?:(?:sebagai|yang merupakan|merupakan) (?:salah satu )?"
                      r"(?:bagian|rangkaian) (?:dari )?|(?:yang )?termasuk (?:ke )?(?:dalam )?(?:rangkaian )?)"
                      r"(?:program )?(?P<program>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")
# "Kegiatan itu juga bagian dari Program X, program Pemprov Y", "Klinik niaga tersebut menjadi bagian dari X":
# the program the event told before is part of (its head word may bring one more word of its name).
_PART_BACK = re.compile(rf"(?<![\w-]){_EVENT_NOUN}(?: [a-z]+)?{_POINTER} (?:juga )?{_PART_WORDS}(?:program )?"
                        r"(?P<program>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")


# "A bersama startup lokal B", "… bersama perusahaan teknologi finansial B", "A dengan menggandeng B": the
# next organiser, its kind written small before its name.
_NEXT_ORGANISER = re.compile(r"(?:,? (?:dan|serta|bersama(?: dengan)?|dengan (?:menggandeng|melibatkan)) |, )"
                             r"(?:(?:startup|start up|perusahaan rintisan|"
                             r"perusahaan(?: [a-z]+){0,3}|komunitas|koperasi)(?: lokal| digital)? (?=[A-Z]))?")


# "Dinas X menggelar bootcamp sehari itu bersama PT Y": the event told before, held by both.
_HELD_BACK = re.compile(rf"(?<![\w-])(?:menggelar|mengadakan|menyelenggarakan|melaksanakan) {_BACK_NOUN}"
                        r" bersama(?: dengan)? ")


def organised_back(found: Proposals) -> None:
    """An event a later sentence points back to: who organised it ("A bersama B", "A dan B")
    and the program it is part of; an event named again, the program its name is said to be
    part of ("Gelar X merupakan bagian dari Y, program …")."""
    orgs = {start: (end, item) for start, end, item in mentions(found, ORG_TYPES - {"MediaOutlet"})}
    for match in [*_ORGANISED_BACK.finditer(found.text), *_ORGANISERS_ARE.finditer(found.text)]:
        event = referent(found, match["noun"].lower(), match.start())
        if event is None or NEGATION.search(found.text, max(0, match.start() - 40), match.start()):
            continue
        organisers, stop = _organisers_from(found, orgs, match.end())
        pointer = re.match(r" (?:itu|ini|tersebut)(?![\w-])", found.text[stop:stop + 10])
        if match.groupdict().get("which") and not pointer:
            continue  # "pelatihan yang digelar Dinas X" with no pointer after it: another one
        for organiser, end in organisers:
            event.add("organizer", Value(organiser.ident, Span(match.start(), end), "event-organised-back", 0.5))
        _part_of_program(found, event, _PART_OF.match(found.text, stop), match.start())
    for match in _HELD_BACK.finditer(found.text):
        _held_back(found, orgs, match)
    for start, end, event in mentions(found, EVENT_TYPES):  # "Festival X merupakan bagian dari Program Y"
        _part_of_program(found, event, _PART_OF.match(found.text, end), start)
    for match in _PART_BACK.finditer(found.text):
        event = referent(found, match["noun"].lower(), match.start())
        if event is not None and not NEGATION.search(found.text, max(0, match.start() - 40), match.start()):
            _part_of_program(found, event, match, match.start())


_Named = dict[int, tuple[int, Item]]  # where each organisation's mention starts: where it ends, and which


def _organisers_from(found: Proposals, orgs: _Named, at: int) -> tuple[list[tuple[Item, int]], int]:
    """The organisations named from `at` on, joined by "dan", "bersama", commas ("A bersama
    startup lokal B"), each with where its name ends; and where the last ends."""
    organisers, stop = [], at
    while at in orgs:
        stop, organiser = orgs[at]
        organisers.append((organiser, stop))
        joiner = _NEXT_ORGANISER.match(found.text[stop:stop + 60])
        at = stop + joiner.end() if joiner else -1
    return organisers, stop


# Between the doer and the verb: nothing that negates or defers it ("juga", "pun", "kemudian" only).
_RIGHT_BEFORE = re.compile(r",? (?:juga |pun |kemudian |lalu )?")


def _held_back(found: Proposals, orgs: _Named, match: re.Match[str]) -> None:
    """"A menggelar bootcamp sehari itu bersama B": the event told before, organised by A (named
    right before the verb) and by those after "bersama"; nothing when the clause negates it."""
    event = referent(found, match["noun"].lower(), match.start())
    doer = next(((start, item) for start, (end, item) in orgs.items()
                 if _RIGHT_BEFORE.fullmatch(found.text, end, match.start())), None)
    if event is None or doer is None:
        return
    for organiser, end in [(doer[1], match.end()), *_organisers_from(found, orgs, match.end())[0]]:
        event.add("organizer", Value(organiser.ident, Span(doer[0], end), "event-held-back", 0.5))


def _part_of_program(found: Proposals, event: Item, part: re.Match[str] | None, start: int) -> None:
    """The event is part of the program the words start with ("Program X" or "X", maybe followed
    by its owner's name), when it is one."""
    if part is None:
        return
    named = (part["program"], part["program"].removeprefix("Program "))  # "Batik Mendunia Pemprov Jateng": X
    program = next((p for written in named for size in range(len(written.split(" ")), 0, -1)
                    if (p := found.find_name(" ".join(written.split(" ")[:size])))
                    and p.type in ("Program", "Initiative")), None)
    if program is not None:
        event.add("part_of_program", Value(program.ident, Span(start, part.end()), "event-part-of-program", 0.5))


def _holder_named(found: Proposals, post: Item, end: int) -> tuple[Item, int] | None:
    """The person holding `post` whose name follows it after a comma, and where that name ends."""
    for start, stop, person in mentions(found, frozenset({"Person"})):
        if start in (end + 1, end + 2) and any(v.value == post.ident for v in person.fields.get("holds", [])):
            return person, stop
    return None


def _kind(name: str) -> str:
    """A training by its words; a business meeting ("Temu Bisnis X", "Gathering Y") is for networking."""
    if _TRAINING.search(name):
        return "TrainingEvent"
    return "NetworkingEvent" if re.match(r"(?:Temu|Gathering|Networking|Business Matching)\b", name) else "Event"


def described(found: Proposals) -> None:
    """Events told by their act or occasion, then the venues and dates later sentences give."""
    sentences = ArticleText(found.text).sentences
    for match in _OPENS.finditer(found.text):
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        if sentence is not None and not _in_title(found, match.start()):
            _opening(found, match, sentence)
    for match in _OCCASION.finditer(found.text):
        _occasion(found, match)
    for pattern in (_HOLDS, _HOLDS_NAMED):
        for match in pattern.finditer(found.text):
            _held(found, match, sentences)
    told_by_attendance(found)
    named_after_the_crowd(found)
    called_off(found)
    organised_back(found)
    for match in _HELD.finditer(found.text):
        event = referent(found, match["noun"].lower(), match.start())
        place = place_named(found, match["where"])
        if event is not None and place is not None and "venue" not in event.fields:
            event.add("venue", Value(place.ident, Span(match.start(), match.start("where") + len(place.label)),
                                     "event-held-at", 0.5))
            dated(found, event, match.start("where") + len(place.label), match.start())


def _in_title(found: Proposals, offset: int) -> bool:
    return any(v.span is not None and v.span.start <= offset < v.span.end for v in found.article.values())


_HALL_NAME = re.compile(r"(?:Balai|Gedung|Aula|Graha|Pendopo) [A-Z]")


def hall_hosting(found: Proposals, written: str) -> Item | None:
    """"… Lomba X di Balai Y": a hall the name rules took for a government office ("Balai" names
    both) is, where an event is held, a Facility within the region written after it; not one
    anyone holds a post in."""
    words = written.split(",")[0].split(" ")
    for size in range(len(words), 1, -1):
        item = found.find_name(" ".join(words[:size]))
        if item is None or item.type != "GovernmentOffice" or not _HALL_NAME.match(item.label):
            continue
        if any(post.type == "Post" and (post.label.endswith(" " + item.label) or any(
                v.value == item.ident for v in post.fields.get("post_in", []))) for post in found.items.values()):
            return None  # "Kepala Balai X, Y,": an office with a head
        item.type, item.note = "Facility", "A hall named where an event was held."
        venue_within(found, item)
        return item
    return None


def place_named(found: Proposals, written: str) -> Item | None:
    """The proposed place whose name starts the words ("Pos Bloc Medan, …", "Bandung")."""
    named = place_written(found, written)
    return named[0] if named else None


def place_written(found: Proposals, written: str) -> tuple[Item, str] | None:
    """The proposed place whose name starts the words, and that name as written ("Kota Manado")."""
    words = written.split(" ")
    for size in range(len(words), 0, -1):
        item = found.find_name(" ".join(words[:size]))
        if item is not None and (item.type in _PLACE_TYPES or item.type == "Organization"):
            return item, " ".join(words[:size])
    return None


def _opening(found: Proposals, match: re.Match[str], sentence: Span) -> None:
    """"<actor> meresmikan <name> di <place>": an event labelled with the act's own words (not
    the place: "… di <place>" is another name of it), organised by the sentence's first actor,
    at the place, on the date that follows."""
    before = _CLAUSE_CUT.split(found.text[sentence.start:match.start()])[-1]
    if NEGATION.search(before) or UNDONE.search(before):
        return  # "tidak jadi meresmikan", "akan meresmikan": not an act that happened
    named = place_written(found, match["where"])
    if named is None or named[0].type == "Organization" or (match["verb"] == "meluncurkan" and _a_program(
            found, match.start("object"))):
        return  # a program's launch is told by kg.ingest.launches
    place, end = named[0], match.start("where") + len(named[1])
    actors = [item for start, _, item in mentions(found, ORG_TYPES | {"Person"})
              if sentence.start <= start < match.start() and item.type != "MediaOutlet"]
    if _EVENT_NAME.search(match["object"]):  # "membuka Pameran Kopi Nusantara": the event is what was opened
        name = match["object"]
        event = found.add(Item(slug(name), _kind(name), name, Span(match.start("object"), end), "event-opened", 0.5))
        role = "takes_part_in"  # who opens an exhibition need not be who organised it
    else:
        label = re.sub(r" \([^)]*\)", "", found.text[match.start():match.end("object")])  # the act, not its place
        event = found.add(Item(slug(label), "Event", label[0].upper() + label[1:], Span(match.start(), end),
                               "event-act", 0.5))
        whole = re.sub(r" \([^)]*\)", "", found.text[match.start():end])
        if not match["with"]:  # "Meresmikan X di Pos Bloc Medan": as news often names it
            event.alias(whole[0].upper() + whole[1:], Span(match.start(), end))
        role = "organizer"
    event.add("venue", Value(place.ident))
    if actors and role == "organizer":
        event.add("organizer", Value(actors[0].ident, Span(sentence.start, match.end("verb")), "event-act-subject",
                                     0.5))
    elif actors:
        actors[0].add("takes_part_in", Value(event.ident, Span(sentence.start, end), "opened-event", 0.4))
    dated(found, event, end, match.start())
    if role == "organizer":
        _opened(found, match, place, event)


def _a_program(found: Proposals, at: int) -> bool:
    """A proposed program's or initiative's name starts at this offset."""
    return any(found.text.startswith(name, at) and not re.match(r" [A-Z][a-z]", found.text[at + len(name):])
               for item in found.items.values() if item.type in ("Program", "Initiative")
               for name in (item.label, *item.aliases))


def _opened(found: Proposals, match: re.Match[str], place: Item, event: Item) -> None:
    """What was opened is a facility at the place: the one already proposed, or (not for a
    launch, which is as often a program or an app) a new one named by the act."""
    name = match["object"]
    opened = found.find_name(name)
    if (opened is None and match["verb"] != "meluncurkan" and match["kind"] in (None, "gedung", "kantor", "fasilitas")
            and found.find_name(name.split(" ")[0]) is None):
        opened = found.add(Item(slug(f"{name} {place.ident}"), "Facility", name,
                                Span(match.start("object"), match.end("object")), "opened-facility", 0.4))
    if opened is not None and opened.type in ("Facility", "CoworkingSpace") and "within" not in opened.fields:
        opened.add("within", Value(place.ident, Span(match.start("object"), event.span.end), "opened-at", 0.5))


def dated(found: Proposals, event: Item, end: int, start: int) -> int | None:
    """The news date written right after the place (past a venue's further names), checked
    against its weekday; its evidence runs from the event's words (`start`) to the date, so
    the date is the event's, not only a remark's made at it. Returns where the date ends."""
    line_end = found.text.find("\n", end)
    window = found.text[end:(line_end if line_end >= 0 else len(found.text))][:120]
    days = _first_date(found, window)
    if days is None:
        return None
    at = window.find(days[0].text)
    if not re.fullmatch(r"(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)*)*(?:,| pada)? ?", window[:at]):
        return None
    evidence = Span(start, end + at + len(days[0].text))
    evidence = Span(_past_other_years(found.text, evidence, end + at), evidence.end)
    event.add("date", Value(days[0].date, evidence, "event-date", 0.5))
    if days[1] is not None:  # "Senin-Selasa (30/11-1/12)": the last day too
        event.add("end_date", Value(days[1].date, evidence, "event-date", 0.5))
    return evidence.end


_A_YEAR = re.compile(r"(?<![\w/.,-])(?:19|20)\d{2}(?![\w/-])")


def _past_other_years(text: str, evidence: Span, date: int) -> int:
    """Where a date's evidence starts: at the event's words, or past a year they hold ("Lomba X
    2026 di …, Selasa (1/12)"), which would read as the date the evidence gives when the date
    (from `date` to the evidence's end) is written without its year."""
    years = list(_A_YEAR.finditer(text, evidence.start, date))
    if not years or find_date_mentions(text[date:evidence.end]):
        return evidence.start  # no year before it, or the date writes its own
    after = years[-1].end()
    return after + len(text[after:date]) - len(text[after:date].lstrip(" ,"))


def _first_date(found: Proposals, window: str) -> tuple[NewsDate, NewsDate | None] | None:
    """The first day the words give, and the last when they give two ("Senin-Selasa (30/11-1/12)"),
    each weekday checked; a date without its year takes the publication's ("Selasa (1/12)")."""
    both = find_news_range(window, found.published)
    if both is not None:
        return both
    try:
        date: NewsDate | None = find_news_date(window)
    except DateError:
        return None
    if date is None and found.published is not None:
        date = find_yearless_date(window, found.published)
    return (date, None) if date is not None and date.weekday_matches else None


def _occasion(found: Proposals, match: re.Match[str]) -> None:
    """"dalam kuliah umum di Universitas X (UMSU)": an event at a venue; an organisation the
    text names only as where things happen is that place."""
    venue = place_named(found, match["where"])
    if venue is None:
        return
    if venue.type == "Organization":
        if not _only_a_venue(found, venue):
            return
        venue.type, venue.note = "Place", "Named in the text only as where something happened."
    end = match.start("where") + len(venue.label)
    label = found.text[match.start("event"):end]
    event = found.add(Item(slug(label), _kind(match["event"]), label[0].upper() + label[1:],
                           Span(match.start(), match.end()), "event-occasion", 0.5))
    event.add("venue", Value(venue.ident))


def _held(found: Proposals, match: re.Match[str], sentences: list[Span]) -> None:
    """"<organisation> menggelar pelatihan pemasaran digital": an event in the text's words,
    organised by the organisation named just before the verb; none when the clause negates it."""
    sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
    if sentence is None:
        return
    before = _CLAUSE_CUT.split(found.text[sentence.start:match.start()])[-1]
    organisers = [(start, end, item) for start, end, item in mentions(found, ORG_TYPES - {"MediaOutlet"})
                  if sentence.start <= start and end <= match.start()]
    label = match["event"]
    if re.search(r" (?:ini|itu|tersebut)$", label):
        return  # "menggelar pelatihan itu": the one told before (organised_back), no new one
    planned = _PLANNED.search(before)
    if not organisers or NEGATION.search(before) or (UNDONE.search(before) and planned is None) or \
            re.fullmatch(_OCCASION_WORDS, label):
        return  # not done (and not planned either), or a bare "pelatihan" that names nothing in particular
    if _finished_together(found.text, organisers, match.start()):
        return  # "A dan B telah merampungkan pelatihan …": their collaboration, told by the collaboration rules
    event = found.add(Item(slug(label), _kind(label), label[0].upper() + label[1:],
                           Span(match.start("event"), match.end()), "event-held", 0.5))
    for organiser in _holders(found, organisers, match.start()):
        event.add("organizer", Value(organiser.ident, Span(sentence.start, match.end()), "event-held-by", 0.5))
    if planned is not None:  # "Diskominfo X akan menggelar temu niaga serupa": planned, not done
        at = match.start() - len(before) + planned.start()
        event.add("status", Value("planned", Span(at, at + len(planned.group())), "status-cue", 0.6))
    where = re.match(r" di (?P<where>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})", found.text[match.end():match.end() + 80])
    named = place_written(found, where["where"]) if where else None
    if named is not None and named[0].type != "Organization":
        end = match.end() + where.start("where") + len(named[1])  # type: ignore[union-attr]
        event.add("venue", Value(named[0].ident, Span(match.start("event"), end), "event-held-at", 0.5))
        dated(found, event, end, match.start("event"))


_FINISHED = re.compile(r" (?:(?:telah|sudah|berhasil) )?")


def _finished_together(text: str, organisers: list[tuple[int, int, Item]], verb: int) -> bool:
    """"A dan B telah merampungkan pelatihan …": two named together finished it (a collaboration)."""
    return (len(organisers) > 1 and text[organisers[-2][1]:organisers[-1][0]] == " dan "
            and _FINISHED.fullmatch(text, organisers[-1][1], verb) is not None
            and text.startswith(("menuntaskan", "merampungkan"), verb))


_PLANNED = re.compile(r"(?<![\w-])(?:akan|bakal|berencana|dijadwalkan|rencananya|merencanakan)(?![\w-])")


def _holders(found: Proposals, organisers: list[tuple[int, int, Item]], verb: int) -> list[Item]:
    """Who holds what the verb tells: the organisation right before it and those joined to it,
    not a channel ("A melalui B bersama C menggelar …": A and C)."""
    if found.text[organisers[-1][1]:verb].strip():
        return [organisers[-1][2]]  # words between: only the last one named, as before
    return [item for _, _, item in holders(found.text, organisers)]


def _only_a_venue(found: Proposals, item: Item) -> bool:
    """Every mention of the organisation follows "di" (where, never who)."""
    at = [start for start, _, one in mentions(found, frozenset({item.type})) if one is item]
    return bool(at) and all(found.text[max(0, s - 3):s] == "di " for s in at)


STEMS = {"peresmian": "resmi", "peluncuran": "luncur", "pelatihan": "latih", "pembukaan": "buka",
         "seminar": "seminar", "workshop": "workshop"}


def referent(found: Proposals, noun: str | None, offset: int) -> Item | None:
    """The event a later phrase refers to: the last one before it whose words share the noun's
    stem ("peresmian tersebut" → "Meresmikan …"), else the last one before it; with no noun
    ("yang hadir"), the article's first event (its lead's)."""
    before = sorted((i for i in found.items.values() if i.type in EVENT_TYPES and i.span.start < offset),
                    key=lambda i: i.span.start)
    if not before:
        return None
    if noun is None:
        return before[0]
    stem = STEMS.get(noun, noun if noun not in ("acara", "kegiatan") else None)
    same = [i for i in before if stem and stem in i.label.lower()]
    return (same or before)[-1]


# "Ia membuka pelatihan itu"; "Kepala Dinas X itu membuka pelatihan yang diikuti …": the person the post
# points back to.
_LED = re.compile(rf"(?<![\w-])(?P<who>{_NAME}|Ia|Dia|(?P<post>(?:{HEAD}) [^.,\n\"“”]{{0,160}}? (?:itu|tersebut))),?"
                  r" (?:memimpin|membuka|menghadiri) (?:langsung )?(?P<noun>peresmian|peluncuran|pelatihan|acara|"
                  r"kegiatan|pembukaan)(?: (?:ini|itu|tersebut)| yang (?:diikuti|dihadiri))")
_WITH = re.compile(r"(?<![\w-])(?:didampingi|dihadiri(?: oleh)?|turut hadir(?: dalam acara (?:ini|itu|tersebut))?)"
                   r",? (?P<list>[^.\n]+)")
_CAME = re.compile(r"(?<![\w-])(?:(?:hadir|turut hadir|ikut hadir|menjadi narasumber|menjadi pembicara|tampil) "
                   r"(?:dalam|pada|di)|mengikuti) (?P<noun>acara|kegiatan|pelatihan|peresmian|pameran|seminar|workshop)"
                   r" (?:itu|ini|tersebut)")
# "Komang Ayu (24) mengikuti DTS 2022", "Budi hadir dalam Festival Kopi …": taking part in a named event or program.
_JOINED = re.compile(r"(?<![\w-])(?:mengikuti|menghadiri|(?:hadir|menjadi (?:narasumber|pembicara|peserta)) "
                     r"(?:dalam|pada|di)) (?:acara |program |kegiatan )?(?=[A-Z])")
# "Salah satu startup yang hadir, Y", "Salah satu peserta, Suparmi (52), …": one who took part.
_PRESENT = re.compile(r"(?<![\w-])(?:yang (?:hadir|ikut hadir|turut hadir)|[Ss]alah (?:satu|seorang) peserta"
                      r"(?: (?:acara|kegiatan) (?:ini|itu|tersebut))?), (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})")

# "… yang mengikuti Temu Bisnis X. … Salah satunya Yuliana (38), perajin tenun …": one of those who came
# to the event told last.
_ONE_OF_THEM = re.compile(r"(?<![\w-])[Ss]alah (?:satunya|seorang di antaranya|satu di antaranya) "
                          r"(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})(?= \(\d{2}\))")


def attendance(found: Proposals) -> None:
    """Who took part in an event: the one who led it, those who accompanied them or attended,
    an organisation "yang hadir" (among those present). Run once people and events are known."""
    people = mentions(found, ORG_TYPES | {"Person"})
    for match in _LED.finditer(found.text):
        event = referent(found, match["noun"], match.start())
        named = [item for _, end, item in people if item.type == "Person" and
                 (end == match.end("who") if match["who"] not in ("Ia", "Dia") else end <= match.start())]
        who = named[-1:] if match["who"] in ("Ia", "Dia") else named
        if match["post"]:
            who = [item for item in [holder(found, match.start())] if item is not None]
        if event is not None and who:
            who[0].add("takes_part_in", Value(event.ident, Span(match.start(), match.end()), "led-event", 0.5))
    for match in _WITH.finditer(found.text):
        event = referent(found, "acara", match.start())
        if event is None or NEGATION.search(match["list"]):
            continue
        span = Span(match.start(), match.end())
        for start, _, item in people:
            if match.start("list") <= start < match.end("list") and item.type == "Person":
                item.add("takes_part_in", Value(event.ident, span, "attended-event", 0.4))
    for match in _CAME.finditer(found.text):  # "Ketua X, Siti Rahmawati, hadir dalam kegiatan itu"
        line = found.text.rfind("\n", 0, match.start()) + 1
        sentence = max(line, found.text.rfind(". ", 0, match.start()) + 2)
        named = [item for start, _, item in people if sentence <= start < match.start() and item.type == "Person"]
        event = referent(found, match["noun"], match.start())
        if named and event is not None and not NEGATION.search(found.text[sentence:match.start()]):
            named[-1].add("takes_part_in", Value(event.ident, Span(sentence, match.end()), "came-to-event", 0.4))
    _joined(found, people)
    for match in [*_PRESENT.finditer(found.text), *_ONE_OF_THEM.finditer(found.text)]:
        item = found.find_name(match["name"])
        event = referent(found, None if match.re is _PRESENT else "kegiatan", match.start())
        if item is not None and event is not None and item.type in ORG_TYPES | {"Person"}:
            item.add("takes_part_in", Value(event.ident, Span(match.start(), match.end()), "present-at-event", 0.4))


def _joined(found: Proposals, people: list[tuple[int, int, Item]]) -> None:
    """An actor named right before "mengikuti", "menghadiri", "hadir dalam", "menjadi narasumber
    di" takes part in the event or program named right after; not when the words between negate
    it or say it is still to come ("tidak mengikuti", "akan menghadiri")."""
    named = {start: (end, item) for start, end, item in mentions(found, EVENT_TYPES | {"Program", "Initiative"})}
    for match in _JOINED.finditer(found.text):
        end, event = named.get(match.end(), (0, None))
        actors = [(s, e, i) for s, e, i in people if e <= match.start() and i.type != "MediaOutlet"]
        if event is None or not actors:
            continue
        start, stop, actor = actors[-1]
        between = found.text[stop:match.start()]
        if re.fullmatch(r"(?: \(\d{1,3}\))?,? (?:[a-z]+ ){0,2}", between) and not (
                NEGATION.search(between) or UNDONE.search(between)):
            actor.add("takes_part_in", Value(event.ident, Span(start, end), "joined-event", 0.4))
