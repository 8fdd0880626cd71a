"""Rules for what actors do together: collaborations told by a collaboration word or by the act
("menggaet", "didukung oleh", "menunjuk X sebagai pelaksana", "A bersama B menggelar …"), with
their status from the cue words of the same clause, or from the headline when the body gives
none (negated or hypothetical clauses give nothing), the office a party acts through ("A,
melalui Dinas X, …", "… yang dijalankan oleh Dinas X": never a party) and what they gave rise to
("Kerja sama itu melahirkan Festival X"); programs and facilities named with an acronym or
after "program", with their operator, venues ("di Hotel …") and events."""

from __future__ import annotations

import bisect
import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES, is_title, opens_with_title
from kg.ingest.pointers import POINTER, POSSESSIVE, pointed, possessed
from kg.ingest.statuses import ACT_CUES, GIVEN_UP, POINTS_BACK, clause_status, started
from kg.source.dates import DateError, find_date_mentions, find_news_date
from kg.source.text import ArticleText, Span

# "menunjuk PT X sebagai pelaksana": appointing a party to carry out work for the appointer.
_APPOINTS = r" [^.;\n]{3,80}? sebagai (?:pelaksana|mitra|operator|penyelenggara|pengelola|vendor|penyedia)(?![\w-])"
# "A dan B sudah rampung memasang …", "… akan membangun …": an act two subjects do together, its cue before it.
_JOINT_ACT = (r"(?:(?:telah|sudah|berhasil|akan|sedang|tengah|segera|juga)(?: rampung| selesai)? |rampung )?"
              r"(?:menuntaskan|merampungkan|menyelesaikan|memasang|membangun|menyediakan|meluncurkan|"
              r"menghadirkan|mengembangkan|menyalurkan|memperluas)")
COLLABORATE = re.compile(r"(?<![\w-])(?:ber)?(?:kolaborasi|sinergi|kerja ?sama|mitra)\w*|bekerja ?sama|"
                         r"(?<![\w-])(?:meng|di)?gandeng(?![\w-])|(?<![\w-])Gandeng(?![\w-])|kemitraan|"
                         r"(?<![\w-])(?:MoU|nota kesepahaman|memorandum of understanding|menandatangani|"
                         r"penandatanganan|menggaet|merangkul|didukung(?: penuh)?(?: oleh)?|"
                         r"mendapat(?:kan)? dukungan(?: dari)?)(?![\w-])|"
                         # "menunjuk PT X sebagai pelaksana", "A bersama B menggelar …": told by the act
                         rf"(?<![\w-])(?:menunjuk|ditunjuk)(?={_APPOINTS})|(?<![\w-])bersama(?= [A-Z][^.;\n]{{0,80}}? "
                         r"(?:menggelar|menyelenggarakan|mengadakan|meluncurkan|meresmikan|melatih|membuka|menjalankan|"
                         r"mendampingi|menyalurkan|melaksanakan|menuntaskan|merampungkan|"
                         # "rencana kelas bersama Pemkab X urung digelar": a joint plan given up
                         r"urung|batal|dibatalkan|diurungkan)(?![\w-]))|"
                         # "rencana A dan B membangun X gagal terwujud": a joint plan given up
                         rf"(?<![\w-])rencana(?= [A-Z][^.;\n]{{0,80}}? dan [A-Z][^.;\n]{{0,160}}?(?<![\w-]){GIVEN_UP})|"
                         # "A dan B telah merampungkan pelatihan …", "A dan B sudah rampung memasang 40 titik
                         # internet": what two organisations did together, the act its object
                         rf"(?<=[\w)]) dan(?= (?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*){{0,5}} {_JOINT_ACT}(?![\w-]))|"
                         # "Kemenkop siap mendampingi koperasi X": an offer of support, a plan at most
                         r"(?<![\w-])siap (?:mendampingi|mendukung)(?![\w-])", re.IGNORECASE)
_OFFER = re.compile(r"siap (?:mendampingi|mendukung)", re.IGNORECASE)
_PLAN_OF = re.compile(r"(?<![\w-])rencana(?![\w-])", re.IGNORECASE)
_GOVERNMENT_ACTORS = frozenset({"Ministry", "GovernmentBody", "GovernmentOffice", "Dinas", "ProvincialGovernment",
                                "RegionalGovernment"})
NEGATION = re.compile(r"(?<![\w-])(?:tidak|tak|belum|bukan|menolak|enggan|jika|kalau|bila|seandainya|apabila|"
                      r"andaikan|andai|"  # a denied rumour reports a cooperation only to deny it
                      r"(?:mem|di)bantah|bantahan|(?:menampik|ditampik)|(?:meny|dis)angkal|(?:menepis|ditepis)|"
                      r"(?:menyanggah|disanggah|sanggahan)|"
                      r"meluruskan (?:kabar|isu|informasi|berita|rumor|anggapan))(?![\w-])", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|[\"\u201d](?=[ ,])|, (?:tapi|namun|sedangkan|sementara|padahal)\b|(?<=[a-z])\. ")
PARTNER_TYPES = (ORG_TYPES - {"MediaOutlet"}) | {"Program", "Initiative", "Team"}
_ACRONYM_RUN = re.compile(r"(?P<name>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|and|of|&)){1,6}) \((?P<acr>[A-Z][A-Za-z]{1,9})\)")
_PROGRAM_WORDS = re.compile(r"Program|Scholarship|Center|Centre|Corridor|Academy|Akademi|Gerakan|Movement|Beasiswa")
_FACILITY_WORDS = re.compile(r"Hub|Space|Incubator|Inkubator|Lab|Park|Plaza")
_TRAINING_HEAD = re.compile(r"(?:Training|Workshop|Bootcamp|Webinar|Seminar|Pelatihan)(?![\w-])")
_EVENT_WORDS = re.compile(rf"Discussion|Forum|Festival|Expo|Summit|Conference|Konferensi|Gathering|Networking|"
                          rf"^{_TRAINING_HEAD.pattern}")
# "Training of Trainers (ToT) Pendamping Digital 2026": the event's name goes on past its acronym.
_NAME_GOES_ON = re.compile(r" (?:[A-Z][\w-]*|\d{4})(?![\w-])")
_PROGRAM = re.compile(r"(?<![\w-])(?:program|Program) (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})")
_GERAKAN = re.compile(r"(?<![\w-])Gerakan (?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,3}")
# "program X milik Pemerintah Provinsi (Pemprov) Riau": the short form inside the name is passed over.
_FROM = re.compile(r" (?:dari|milik|besutan|garapan) (?P<org>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|\([A-Z][A-Za-z]{1,12}\)))"
                   r"{0,4})")
# "Dinas X menggelar program Z", "Pemprov X melalui Dinas Y meluncurkan program Z": who runs it.
_RUNS = re.compile(r"(?: \([A-Z][\w ]{1,20}\))? (?:menggelar|meluncurkan|menjalankan|menyelenggarakan|menginisiasi|"
                   r"menggulirkan|menghadirkan|mengadakan|melaksanakan)(?: kembali)? ")
# After "di", a house or hall is a venue too: "di Rumah Radakng, Pontianak", "di Balai Desa Kuta".
_VENUE = re.compile(r"(?<![\w-])(?:di )?(?P<venue>(?P<kind>Hotel|Gedung|Balai Kota|Pos Bloc|Aula|Pendopo|Auditorium|"
                    r"Kantor Pos|Graha|Wisma|Pasar|Bandara|Stasiun|Pelabuhan|Alun-alun|Lapangan|Pantai|Anjungan|"
                    r"Rumah Jabatan|Mal|Wantilan|(?<=di )(?:Rumah(?: Adat)?|Balai (?:Desa|Adat|Warga|Pertemuan|Banjar|"
                    r"Kampung|Rakyat|Sidang|Kelurahan|Latihan Kerja)|Balai(?= [A-Z][\w-]*(?: [A-Z][\w-]*){0,3}, "
                    r"(?:Kota|Kabupaten|Kab\.) [A-Z])))"
                    r" (?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,5})")
# A headline capitalises every word: a venue's name stops at a verb or a common word written there
# ("Pasar Klewer Gunakan Aplikasi Kasir"); "Pasar Digital", "Pasar Pintar …" name no market.
_NOT_NAME_WORDS = frozenset({
    "Ikuti", "Gunakan", "Gelar", "Siap", "Dorong", "Raih", "Hadirkan", "Luncurkan", "Buka", "Jadi", "Jadikan",
    "Terima", "Tingkatkan", "Perluas", "Sambut", "Gandeng", "Latih", "Manfaatkan", "Pakai", "Kembangkan", "Catat",
    "Targetkan", "Ajak", "Bidik", "Resmikan", "Kini", "Mulai", "Makin", "Semakin", "Lewat", "Melalui", "Untuk",
    "Bagi", "Dengan", "Dan", "Di", "Ke", "Dari", "Yang", "Pedagang", "Ratusan", "Ribuan", "Puluhan"})
_COMMON_MARKETS = frozenset({"Digital", "Tradisional", "Daring", "Online", "Modern", "Murah", "Pintar", "Kaget",
                             "Rakyat", "Tani", "Kreatif", "UMKM"})
# Buildings people gather in: facilities; a hotel is a hotel; a market, port or beach a place.
_HALLS = re.compile(r"Gedung|Balai|Aula|Pendopo|Auditorium|Graha|Wisma|Rumah|Wantilan")
_AT_PLACE = re.compile(r"(?<![\w-])di (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})")
_TEAM = re.compile(r"(?<![\w-])Tim (?P<of>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")
_HOLDS_EVENT = re.compile(r"(?<![\w-])(?:mengadakan|menggelar|menyelenggarakan) (?P<name>[A-Z][\w-]*"
                          r"(?: (?:[A-Z][\w-]*|and|of|&|dan|\d{4}(?![\w-]))){1,8})")
_EVENT = re.compile(r"(?<![\w-])(?:acara )?(?P<event>(?i:rangkaian|pelatihan|peresmian|seminar|workshop|lokakarya|"
                    r"webinar|bazar|festival|pameran|kuliah umum|sosialisasi)(?: [a-zA-Z]+){0,8}?)"
                    r" (?:yang )?(?:digelar|diselenggarakan|diadakan|dilaksanakan) (?:oleh )?(?P<org>[A-Z][\w-]*)")


def _collaboration_word(text: str, clause: Span) -> re.Match[str] | None:
    """The clause's collaboration word; not the joint act of a plan ("rencana A dan B membangun …"),
    which is a collaboration only when the text gives it up (`_plan_given_up_after`)."""
    word = COLLABORATE.search(text, clause.start, clause.end)
    if word is not None and word.group() == " dan" and _PLAN_OF.search(text, clause.start, word.start()):
        return None
    return word


def collaborations(found: Proposals, cues: dict[str, list[str]]) -> None:
    """One collaboration per clause with a collaboration word and at least two actors (or one
    actor hoping for it); its status only from a cue word of the same clause. A headline's
    collaboration that the body tells between the same parties is not told twice."""
    posts = [item.span for item in found.items.values() if item.type == "Post"]
    actors = [(s, e, i) for s, e, i in mentions(found, PARTNER_TYPES)  # not the organisation in a post's title
              if not any(p.start <= s and e <= p.end and i.type != "Team" for p in posts)]
    starts = [start for start, _, _ in actors]
    seen: set[tuple[str, ...]] = set()
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    clauses = _clauses(found.text)
    in_title = [any(t.start <= c.start < t.end for t in titles) for c in clauses]
    told: set[frozenset[str]] = set()  # the body's collaborations first: a headline repeats its lead
    told_last: list[str] = []  # the parties of the collaboration told last
    for titled, clause in sorted(zip(in_title, clauses, strict=True), key=lambda pair: (pair[0], pair[1].start)):
        word = _collaboration_word(found.text, clause) or _we_with(found.text, clause) \
            or _plan_given_up_after(found.text, clause)
        if word is not None and re.match(r" (?:ini|itu|tersebut)\b", found.text[word.end():word.end() + 9]):
            _result_told_after(found, clause)  # "kolaborasi ini" refers back to one already told
        back = _pointing_back(found.text, clause)
        if back is not None:  # "Rencana itu batal …": the status of the one before
            _status_told_after(found, back, cues)
        if word is None or re.match(r" (?:ini|itu|tersebut)\b", found.text[word.end():word.end() + 9]):
            continue
        words = found.text[clause.start:clause.end]
        status = clause_status(words, cues, title=titled)
        if (status is None or status[0] != "cancelled") and NEGATION.search(words):
            continue  # "tidak ada daerah lain…", "belum", "tidak akan": the text negates it
        first, last = bisect.bisect_left(starts, clause.start), bisect.bisect_left(starts, clause.end)
        inside = [(s, e, i) for s, e, i in actors[first:last] if e <= clause.end]
        parties, through = _parties(found.text, inside, word.start(), word.end())
        _pointed_party(found, parties, inside, word, clause)
        _possessed_party(found, parties, word, clause)
        _owner_of_word(found, parties, actors, word, clause)
        _government_pointed(found, parties, inside, word, clause)
        we = _we(found.text, clause.start, word.start())
        if not any(e <= word.start() for _, e, _ in inside) and (we or len(parties) == 1):
            speaker_org = _speaker_organisation(found, word.start(), quoted=not we)
            if speaker_org is not None and speaker_org not in parties:
                parties.insert(0, speaker_org)
        both = (told_last or _two_before(found, actors, clause)) if _BOTH.search(words) else []
        if both and set(parties) <= set(both):  # "PKS ditandatangani kedua pihak": those before
            parties = both
        else:
            both = []
        if len(parties) < (1 if status and status[0] == "aspired" else 2) or (
                word.group() == " dan" and any(found.items[p].type not in ORG_TYPES for p in parties)):
            continue  # a joint act ("A dan B memasang …") makes a collaboration of organisations only
        told_last = parties
        offer = _OFFER.fullmatch(word.group()) is not None
        if offer and found.items[parties[0]].type not in _GOVERNMENT_ACTORS:
            continue  # only a government's offer of support is told as a planned collaboration
        if _organisers_only(found, parties, word, titled):
            continue  # "Pelatihan itu digelar A dengan menggandeng B": who held an event, no collaboration
        if status and status[0] == "cancelled" and _plan_called_off(found, parties, status, clause):
            continue  # "A menjajaki kerja sama dengan B. Namun, rencana kerja samanya … dibatalkan": one, cancelled
        key = (*sorted(parties), status[0] if status else "")
        if key in seen or (titled and any(_told_again(found, parties, body) for body in told)):
            continue
        seen.add(key)
        told.add(frozenset(parties))
        item = _collaboration(found, parties, through, status, clause, offer)
        if both and "resulted_in" not in item.fields:
            _joint_event(found, item, parties, clause)
        if _FRUIT_OF.search(found.text, clause.start, word.start()):
            _result_told_before(found, item, clause)


def _result_told_before(found: Proposals, item: Item, clause: Span) -> None:
    """"Sebanyak 1.800 pedagang … di Karawang kini bisa …. Capaian itu buah pelatihan yang digelar A bersama
    B": the group counted in the sentence before is whom the collaboration served, its region where."""
    before = [s for s in ArticleText(found.text).sentences if s.end <= clause.start]
    if not before:
        return
    sentence = before[-1]
    for group in found.items.values():
        if group.rule == "group-achieved" and sentence.start <= group.span.start < sentence.end:
            item.add("target_groups", Value(group.ident))
    place = _place_in(found, Span(sentence.start, sentence.end))
    if place is not None and "location" not in item.fields:
        item.add("location", place)


def _told_again(found: Proposals, parties: list[str], body: frozenset[str]) -> bool:
    """A headline's parties are the body's collaboration's, each the same actor or one named
    inside the other's names ("Diskop X Akan Gandeng BI": the body's "KPw BI Riau")."""
    return len(parties) == len(body) and all(any(_one_actor(found.items[a], found.items[b]) for b in body)
                                             for a in parties)


def _one_actor(first: Item, second: Item) -> bool:
    """The same actor, one named inside the other's names, or one an office of the other ("Pemprov
    Sulteng Gandeng PT X" over the body's "Dinas Koperasi … Sulawesi Tengah", part of it)."""
    if first is second or any(v.value == other.ident for one, other in ((first, second), (second, first))
                              for v in one.fields.get("part_of", [])):
        return True
    names = [(first.label, *first.aliases), (second.label, *second.aliases)]
    return any(re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long)
               for one, other in (names, names[::-1]) for short in one for long in other)


_POINTED_PARTY = re.compile(rf" (?P<with>dengan |bersama )?{POINTER}")


# "Perusahaan rintisan itu bekerja sama …", "Pada 2024, startup itu telah menuntaskan uji coba X bersama …".
_POINTED_SUBJECT = re.compile(rf"(?:^|(?<=[.\n] )|(?<=\n))(?:(?:Pada|Sejak|Kini|Saat ini|Tahun lalu)[^,.\n]{{0,20}}, )?"
                              rf"{POINTER}[^.\n]{{0,80}}$", re.IGNORECASE)


def _pointed_party(found: Proposals, parties: list[str], inside: list[tuple[int, int, Item]],
                   word: re.Match[str], clause: Span) -> None:
    """"Kemitraan perusahaan rintisan itu dengan Dinas X", "Perusahaan rintisan itu bekerja sama dengan
    Dinas X" (no actor named before the word), "Dinas X menjalin kemitraan dengan startup tersebut" (one
    before it): the party the words point back to."""
    before = any(e <= word.start() for _, e, _ in inside)
    pointer = _POINTED_PARTY.match(found.text, word.end())
    if pointer is not None and before != bool(pointer["with"]):
        return  # "Dinas X … kemitraan perusahaan itu": no shape of these
    if pointer is None and not before:
        pointer = _POINTED_SUBJECT.search(found.text, clause.start, word.start())
    if pointer is None:
        return
    party = pointed(found, pointer["noun"], word.start())
    if party is not None and party.ident not in parties:
        parties.insert(len(parties) if before else 0, party.ident)


_POSSESSED_PARTY = re.compile(rf"(?<![\w-]){POSSESSIVE}")


def _possessed_party(found: Proposals, parties: list[str], word: re.Match[str], clause: Span) -> None:
    """"Ketua Asosiasi X, Rusmini, menaruh harapan agar asosiasinya bisa menggandeng PT Y": the
    organisation of the speaker's post, named just before, is the first party."""
    owned = list(_POSSESSED_PARTY.finditer(found.text, clause.start, word.start()))
    party = possessed(found, owned[-1]["noun"], owned[-1].start()) if owned else None
    if party is not None and party.ident not in parties:
        parties.insert(0, party.ident)


def _owner_of_word(found: Proposals, parties: list[str], actors: list[tuple[int, int, Item]],
                   word: re.Match[str], clause: Span) -> None:
    """"Pemkab X sempat menjajaki kerja sama dengan PT Y. Namun, rencana kerja samanya dengan PT Y
    dibatalkan": with no actor before it, the "-nya" of the word is the subject of its sentence, or
    of the sentence before: the organisation named first there."""
    owned = word.group().endswith("nya") or found.text.startswith("nya ", word.end())  # "kemitraannya"
    if not owned or any(clause.start <= s and e <= word.start() for s, e, _ in actors):
        return
    sentences = [s for s in ArticleText(found.text).sentences if s.start <= word.start()]
    for sentence in reversed(sentences[-2:]):
        first = [i for s, e, i in actors if sentence.start <= s and e <= min(sentence.end, word.start())]
        if first:
            if first[0].type in ORG_TYPES and first[0].ident not in parties:
                parties.insert(0, first[0].ident)
            return


_GOVERNMENT_WORD = re.compile(r"(?<![\w-])(?P<level>pemkab|pemkot|pemko|pemprov)(?![\w-])")
_GOVERNMENTS = frozenset({"RegionalGovernment", "ProvincialGovernment"})


def _government_pointed(found: Proposals, parties: list[str], inside: list[tuple[int, int, Item]],
                        word: re.Match[str], clause: Span) -> None:
    """"Bupati Donggala … berharap suatu saat pemkab bisa bermitra dengan PT Y": "pemkab" in small
    letters, before the word with no actor named there, is the one government of that level the
    text names."""
    said = _GOVERNMENT_WORD.search(found.text, clause.start, word.start())
    if said is None or any(e <= word.start() for _, e, _ in inside):
        return
    level = "pemkot" if said["level"] == "pemko" else said["level"]
    named = [i for i in found.items.values() if i.type in _GOVERNMENTS
             and any(n.lower().startswith(level + " ") for n in (i.label, *i.aliases))]
    if len(named) == 1 and named[0].ident not in parties:
        parties.insert(0, named[0].ident)


# "kami sedang menjalankan uji coba gudang bersama dengan Koperasi X": what the speaker's side does with
# another, told by the work itself.
_WITH = re.compile(r"(?<![\w-])bersama(?: dengan)?(?= [A-Z])")
_WE_DO = re.compile(r"(?<![\w-])kami (?:[a-z]+ ){1,8}$")
# "startup itu telah menuntaskan uji coba katalog digital bersama Dinas X": the work done, then with whom.
_DONE_WITH = re.compile(r"(?<![\w-])(?:menuntaskan|merampungkan|menyelesaikan|menggelar|menyelenggarakan|"
                        r"mengadakan|melaksanakan|menjalankan)(?: [a-z][\w-]*){1,6} $")


# "Capaian itu buah pelatihan yang digelar Dinas X bersama KPwBI Y …": a result told first, then the work
# that bore it, held by two.
_FRUIT_OF = re.compile(r"(?<![\w-])(?:buah|hasil)(?: dari)? [a-z][\w-]*(?: [a-z][\w-]*){0,3} yang (?:telah )?"
                       r"(?:digelar|diselenggarakan|dilaksanakan|diadakan|dihelat|dijalankan) (?:oleh )?"
                       r"[A-Z][^,.;\n]{0,100} $")


def _we_with(text: str, clause: Span) -> re.Match[str] | None:
    """"… kami sedang menjalankan uji coba gudang bersama dengan Koperasi X": "bersama" after what
    "kami" do; "A telah menuntaskan uji coba X bersama B": after the work A did; "buah pelatihan yang
    digelar A bersama B": after the work that bore a result."""
    match = _WITH.search(text, clause.start, clause.end)
    if match is None:
        return None
    before = max(clause.start, match.start() - 160)
    return match if _WE_DO.search(text, clause.start, match.start()) or _DONE_WITH.search(
        text, max(clause.start, match.start() - 80), match.start()) or _FRUIT_OF.search(
        text, before, match.start()) else None


_REGIONS = frozenset({"Province", "Regency", "City"})
_EVENTS = frozenset({"Event", "TrainingEvent", "NetworkingEvent"})
_GOVERNMENTS = frozenset({"ProvincialGovernment", "RegionalGovernment"})


def headline_status(found: Proposals, cues: dict[str, list[str]]) -> None:
    """"Jatim & Lazada Siap Bersinergi": a headline with a collaboration word and a status cue
    in the same part (cut at commas) gives that status to the body's first collaboration of
    the actors it names ("Jatim": the government of that region) that has no status of its own."""
    headline = found.article.get("headline")
    if headline is None or headline.span is None:
        return
    span = headline.span
    named = [(s, e, i) for s, e, i in mentions(found, PARTNER_TYPES | _REGIONS) if span.start <= s and e <= span.end]
    part_start = span.start
    for part_end in [*(m.start() for m in re.finditer(", ", found.text[span.start:span.end])), span.end - span.start]:
        part = Span(part_start, span.start + part_end)
        part_start = part.end + 2
        words = found.text[part.start:part.end]
        word, status = COLLABORATE.search(words), clause_status(words, cues, title=True)
        if word is None or status is None or (status[0] != "cancelled" and NEGATION.search(
                found.text[span.start:span.end])):  # "Jika Disetujui DPRD, … Akan Kerja Sama"
            continue
        actors = [(s, e, i) for s, e, i in named if part.start <= s < part.end]
        told = _told_without_status(found, [i for _, _, i in actors])
        if len(actors) < 2 or told is None:
            continue
        start = min(actors[0][0], part.start + word.start(), part.start + status[1])
        end = max(actors[-1][1], part.start + word.end(), part.start + status[2])
        told.add("status", Value(status[0], Span(start, end), "headline-status", 0.5))
        return


def _told_without_status(found: Proposals, actors: list[Item]) -> Item | None:
    """The body's first collaboration with no status whose participants are these actors (a
    region standing for its government or an office of it)."""
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    for item in sorted(found.items.values(), key=lambda i: i.span.start):
        if item.type != "Collaboration" or "status" in item.fields or any(
                t.start <= item.span.start < t.end for t in titles):
            continue
        parties = [found.items[str(v.value)] for v in item.fields["participants"] if str(v.value) in found.items]
        if all(any(_stands_for(found, actor, party) for party in parties) for actor in actors):
            return item
    return None


def _stands_for(found: Proposals, actor: Item, party: Item) -> bool:
    """The same actor, or a region named for its government ("Jatim" for the Pemprov) or for an
    office of that government (the Dinas that the body says collaborates)."""
    if actor is party or actor.type not in _REGIONS:
        return actor is party
    governments = [party, *(found.items[str(v.value)] for v in party.fields.get("part_of", [])
                            if str(v.value) in found.items)]
    return any(g.type in _GOVERNMENTS and any(v.value == actor.ident for v in g.fields.get("jurisdiction", []))
               for g in governments)


def _parties(text: str, inside: list[tuple[int, int, Item]], start: int, end: int) -> tuple[list[str], list[str]]:
    """The parties and who acts for them. Before the collaboration word: the actor named last
    (with those joined to it by "dan" or "&"); after it, the first actor named and those joined
    to it (not one after "dari": an owner, not a party); with no actor after it, the clause's first actor (its
    subject). "A melalui B", "A, lewat B,", "A menunjuk B … melalui C", "… yang dijalankan oleh C": A
    takes part, acting through B or C."""
    before, through = _without_channels(text, [m for m in inside if m[1] <= start])
    after = [m for m in inside if m[0] >= end and (  # "dukungan dari X": the word's own "dari"
        m[0] == end + 1 or not text[max(0, m[0] - 5):m[0]].endswith("dari "))]
    chosen = []
    if before:
        chosen.append(before[-1])
        for previous in reversed(before[:-1]):
            if text[previous[1]:chosen[-1][0]] not in (" dan ", " & ", ", "):
                break
            chosen.append(previous)
        chosen.reverse()
        if not after and before[0] not in chosen:
            chosen.insert(0, before[0])
    for index, one in enumerate(after):  # "antara A dan B", "dengan A, B, dan C": all that are joined
        joiner = text[after[index - 1][1]:one[0]] if index else ""
        if index and joiner not in (" dan ", ", ", ", dan ", " serta ", " & ") and not (
                joiner == " dengan " and index == 1 and not before and after[0][0] - end <= len(" antara ")) and not (
                _DESCRIBED_PARTNER.fullmatch(joiner) and index == 1 and not before):
            break  # "kerja sama (antara) Pemkot X dengan PT Y": the second after "dengan"
        chosen.append(one)
    if not before or before[0] in chosen:  # "A menunjuk B sebagai pengelola … melalui C": A acts through C
        through += [m[2].ident for m in after if m not in chosen and m[2].type in ORG_TYPES
                    and _CHANNEL_AFTER.search(text, max(0, m[0] - 40), m[0])]
    parties = [item.ident for _, _, item in chosen if item.ident not in through]
    return list(dict.fromkeys(parties)), list(dict.fromkeys(through))


_BOTH = re.compile(r"(?<![\w-])[Kk]edua (?:belah )?pihak(?![\w-])")
# "kerja sama A dengan perusahaan angkutan daring asal Jakarta, PT B,": the partner told by what it is, then
# named; with no comma too ("dengan penyedia mesin kasir PT B").
_DESCRIBED_PARTNER = re.compile(r" dengan (?:[a-z][\w-]* ){1,5}"
                                r"(?:(?:asal|dari|di) [A-Z][\w-]*(?: [A-Z][\w-]*){0,2}, )?")
# "A melalui B", "A, lewat B,", "Melalui B, A …": B is how A acts, not a party.
_CHANNEL = re.compile(r"\)?,? (?:melalui|lewat|via) ")  # "Pemerintah Provinsi X (Pemprov X) melalui"
_CHANNEL_FIRST = re.compile(r"(?<![\w-])(?:Melalui|Lewat) $")
# After the parties: "… melalui Dinas X", "… yang dijalankan oleh Dinas X".
_CHANNEL_AFTER = re.compile(r"(?<![\w-])(?:melalui|lewat|via|(?:yang )?(?:dijalankan|dilaksanakan|dikelola|ditangani)"
                            r"(?: oleh)?) $")


def _without_channels(text: str, named: list[tuple[int, int, Item]]) -> tuple[list[tuple[int, int, Item]], list[str]]:
    """The actors named before a collaboration word, without those an actor acts through
    (an organisation, never a medium: "melalui aplikasi X" names no channel), and those."""
    kept: list[tuple[int, int, Item]] = []
    through: list[str] = []
    for one in named:
        channel = one[2].type in ORG_TYPES and (
            (kept and _CHANNEL.fullmatch(text, kept[-1][1], one[0])) or
            (_CHANNEL_FIRST.search(text, max(0, one[0] - 8), one[0]) and one is named[0] and len(named) > 1))
        if channel:
            through.append(one[2].ident)
        else:
            kept.append(one)
    return kept, through


def _we(text: str, start: int, end: int) -> bool:
    """"kami", "pihak kami", "pihaknya": the speaker's side."""
    return re.search(r"(?<![\w-])(?:[Kk]ami|[Pp]ihaknya)(?![\w-])", text[start:end]) is not None


def _speaker_organisation(found: Proposals, offset: int, quoted: bool = False) -> str | None:
    """Who "kami" or "pihaknya" is inside a quote: the organisation of the speaker's post. With
    `quoted`, the clause names one partner and no one before it ("Rina mengungkapkan, rencana
    kemitraan dengan PT X …"): its other party is the speaker's, told in an indirect quote."""
    kinds = ("IndirectQuote",) if quoted else ("Quote", "IndirectQuote")  # the words' own quote marks first
    for item in sorted(found.items.values(), key=lambda i: i.type != "Quote"):
        if item.type in kinds and item.span.start <= offset < item.span.end:
            speaker = found.items.get(str(item.fields["speaker"][0].value))
            for held in (speaker.fields.get("holds", []) if speaker else []):
                post = found.items.get(str(held.value))
                if post is not None and post.fields.get("post_in"):
                    return str(post.fields["post_in"][0].value)
    return None


_JOINED_PAIR = re.compile(r" (?:bersama|dan|dengan|serta) ")


def _two_before(found: Proposals, actors: list[tuple[int, int, Item]], clause: Span) -> list[str]:
    """"Pelatihan itu digelar oleh A bersama B. Kerja sama kedua pihak …": the two parties named
    together in the sentence before (or the one before it, when a sentence about the event comes
    between): the nearest that names exactly two, joined."""
    sentences = [s for s in ArticleText(found.text).sentences if s.end <= clause.start]
    for before in reversed(sentences[-2:]):
        named = [(s, e, i) for s, e, i in actors if before.start <= s and e <= before.end]
        if len({i.ident for _, _, i in named}) != 2 or len(named) != 2:
            continue
        (_, end, first), (start, _, second) = named
        if _JOINED_PAIR.fullmatch(found.text, end, start):
            return [first.ident, second.ident]
    return []


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


def _collaboration(found: Proposals, parties: list[str], through: list[str], status: tuple[str, int, int] | None,
                   clause: Span, offer: bool = False) -> Item:
    """A collaboration of the parties in the clause; an offer of support ("siap mendampingi")
    is proposed less surely, as is its status."""
    names = [found.items[p].label for p in parties]
    label = "Kolaborasi " + " dan ".join(names)
    ident = slug("kolaborasi " + " ".join(parties))[:70].rstrip("-")
    while ident in found.items:
        ident += "-2" if not ident[-1].isdigit() else ""
        ident = ident if ident not in found.items else ident[:-1] + str(int(ident[-1]) + 1)
    item = Item(ident, "Collaboration", label, clause, "support-offered" if offer else "collaboration-clause",
                0.4 if offer else 0.6 if status else 0.3)
    for party in parties:
        item.add("participants", Value(party))
    for agent in through:
        item.add("acting_through", Value(agent))
    _outcome_and_place(found, item, parties, clause)
    for group in _groups_in(found, clause):
        item.add("target_groups", Value(group.ident))
    if status:
        name, start, end = status
        cue = found.text[clause.start + start:clause.start + end].lower()
        item.add("status", Value(name, Span(clause.start + start, clause.start + end), "status-cue",
                                 0.4 if offer else 0.5 if cue in ACT_CUES else 0.7))
        if name == "ongoing":
            _since(found, item, clause)
    return found.add(item)


def _since(found: Proposals, item: Item, clause: Span) -> None:
    """"Kerja sama A dan B sudah berjalan sejak Mei 2025": under way, begun in May 2025."""
    since = started(found.text[clause.start:clause.end])
    mentions = find_date_mentions(since.group()) if since is not None else []
    if mentions:
        start = clause.start + since.start()
        item.add("date", Value(mentions[-1].date.isoformat(), Span(start, clause.start + since.end()),
                               "collaboration-since", 0.5))


def _joint_event(found: Proposals, item: Item, parties: list[str], clause: Span) -> None:
    """"Pelatihan itu digelar oleh A bersama B. Kerja sama kedua pihak …": the one event told
    before, held by exactly those two and not called off, is what their collaboration resulted in."""
    events = [e for e in found.items.values() if e.type in _EVENTS and e.span.start < clause.start
              and {str(v.value) for v in e.fields.get("organizer", [])} == set(parties)
              and all(v.value in ("completed", "ongoing") for v in e.fields.get("status", []))]
    if len(events) == 1:
        item.add("resulted_in", Value(events[0].ident, None, "collaboration-joint-event", 0.4))


# "Kerja sama itu melahirkan Festival X", "Dari kolaborasi tersebut lahir …": what it gave rise to.
_BORN = re.compile(r"(?<![\w-])(?:melahirkan|menghasilkan|berbuah|lahir(?:lah)?)(?: (?:sebuah|kegiatan|acara))? "
                   r"(?P<name>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|dan|&)){0,6})")
_EVENT_HEAD_WORDS = (r"(?:Festival|Pameran|Bazar|Expo|Pekan|Lomba|Kompetisi|Forum|Gathering|Temu|Pelatihan|"
                     r"Workshop|Seminar|Konferensi|Summit)(?![\w-])")
_EVENT_HEADS = re.compile(_EVENT_HEAD_WORDS)


def _born(found: Proposals, clause: Span) -> Item | None:
    """The event the clause says was born of a collaboration ("melahirkan Festival …")."""
    born = _BORN.search(found.text, clause.start, clause.end)
    if born is None or NEGATION.search(found.text, clause.start, born.end()):
        return None
    return _event_called(found, born["name"], born.start("name"))


_RESULT_OF = re.compile(r"(?<![\w-])hasil (?:dari )?(?:kerja ?sama|kolaborasi|kemitraan|sinergi)(?![\w-])",
                        re.IGNORECASE)
_NAMED_EVENT = re.compile(rf"(?<![\w-])(?P<name>{_EVENT_HEAD_WORDS}(?: (?:[A-Z][\w-]*|dan|&)){{1,6}})")


def _result_named(found: Proposals, clause: Span) -> Item | None:
    """"Festival X digelar sebagai hasil kolaborasi …": the event named last before "hasil"."""
    result = _RESULT_OF.search(found.text, clause.start, clause.end)
    named = list(_NAMED_EVENT.finditer(found.text, clause.start, result.start())) if result else []
    return _event_called(found, named[-1]["name"], named[-1].start()) if named else None


def _event_called(found: Proposals, name: str, start: int) -> Item | None:
    """The event proposed under the name written at `start`, or a new one named there by an
    event's head word ("Festival …")."""
    name = re.sub(r"(?: dan| &)+$", "", name)
    named = next((item for at, _, item in mentions(found, _EVENTS) if at == start), None)
    if named is None and _EVENT_HEADS.match(name):
        kind = "TrainingEvent" if re.match(r"Pelatihan|Workshop", name) else "Event"
        named = found.add(Item(slug(name), kind, name, Span(start, start + len(name)), "collaboration-born", 0.5))
    return named


def _result_told_after(found: Proposals, clause: Span) -> None:
    """"Kerja sama itu melahirkan Festival X": the collaboration told last before the clause
    resulted in the event; "Kolaborasi ini menyasar …": the groups named there are its targets."""
    told = [i for i in found.items.values() if i.type == "Collaboration" and i.span.start < clause.start]
    if not told or NEGATION.search(found.text, clause.start, clause.end):
        return
    last = max(told, key=lambda i: i.span.start)
    event = _born(found, clause) or _result_named(found, clause)
    if event is not None:
        last.add("resulted_in", Value(event.ident, Span(clause.start, clause.end), "collaboration-result", 0.5))
    for group in _groups_in(found, clause):
        last.add("target_groups", Value(group.ident, Span(clause.start, clause.end), "collaboration-group", 0.5))
    serves = POINTS_BACK.match(found.text, clause.start) and _SERVES.search(found.text, clause.start, clause.end)
    place = _place_in(found, Span(serves.end(), clause.end)) if serves and "location" not in last.fields else None
    if place is not None:  # "Kerja sama itu … bagi 75 pedagang di Kota X sudah rampung"; not where its
        last.add("location", place)  # fruits were tried out ("Lewat kerja sama itu, … di lahan di Agam")
    for start, _, office in mentions(found, ORG_TYPES):  # "Kerja sama itu dijalankan melalui Dinas X"
        if clause.start <= start < clause.end and _CHANNEL_AFTER.search(found.text, max(0, start - 40), start) \
                and not any(v.value == office.ident for v in last.fields.get("participants", [])):
            last.add("acting_through", Value(office.ident, Span(clause.start, clause.end), "collaboration-channel",
                                             0.5))


_THEN = re.compile(r", (?:(?:dan|lalu|sehingga|hingga|akhirnya)(?: akhirnya)? )?")


def _pointing_back(text: str, clause: Span) -> Span | None:
    """The words of a clause that open by pointing back to a collaboration: the clause, or its part
    after a comma ("Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal",
    "Pada Agustus lalu, rencana tersebut resmi dibatalkan")."""
    if POINTS_BACK.match(text, clause.start):
        return clause
    for then in _THEN.finditer(text, clause.start, clause.end):
        if POINTS_BACK.match(text, then.end()):
            return Span(then.end(), clause.end)
    return None


_PLAN_OF_TWO = re.compile(r"(?<![\w-])rencana(?= [A-Z][^.;\n]{0,80}? dan [A-Z])")


def _plan_given_up_after(text: str, clause: Span) -> re.Match[str] | None:
    """"Adapun rencana A dan B membangun X. Pembahasannya dihentikan, dan kerja sama itu dinyatakan
    batal": a joint plan that the next sentence, pointing back to it, says was given up (its status
    is given then, by the clause pointing back)."""
    plan = _PLAN_OF_TWO.search(text, clause.start, clause.end)
    if plan is None or not re.fullmatch(r"\. [A-Z]", text[clause.end - 1:clause.end + 2]):
        return None  # not the end of a sentence followed by another
    stop = min(i for i in (text.find(". ", clause.end + 1), text.find("\n", clause.end), len(text)) if i >= 0)
    back = _pointing_back(text, Span(clause.end + 1, stop))
    given_up = back is not None and re.search(rf"(?<![\w-]){GIVEN_UP}", text[back.start:back.end])
    return plan if given_up else None


def _status_told_after(found: Proposals, clause: Span, cues: dict[str, list[str]]) -> None:
    """"… mundur dari rencana kemitraan dengan PT X. Rencana itu batal karena …", "Kerja sama itu kini
    tengah memasuki tahun kedua", "…, namun rencana itu urung": the status a clause pointing back gives
    the collaboration told last (in its sentence or the one before), when it had none, or had a plan
    that fell through."""
    words = found.text[clause.start:clause.end]
    status = clause_status(words, cues)
    if status is None or (status[0] != "cancelled" and NEGATION.search(words)):
        return
    sentences = [s for s in ArticleText(found.text).sentences if s.start < clause.start]
    start = sentences[-2].start if len(sentences) > 1 else 0  # this sentence or the one before
    told = [i for i in found.items.values() if i.type == "Collaboration" and start <= i.span.start < clause.start]
    if not told:
        return
    _give_status(found, max(told, key=lambda i: i.span.start), status, clause)


def _organisers_only(found: Proposals, parties: list[str], word: re.Match[str], titled: bool) -> bool:
    """"Pelatihan itu digelar Dinas X dengan menggandeng PT Y", "Penyelenggara kegiatan ini ialah A
    bersama B": the words tell who organised an event, not a collaboration; nor does a headline
    "A Gandeng B Gelar Pelatihan …" over an event the body says both organised (or an office of A)."""
    headline = titled and word.group().lower().endswith("gandeng")
    for event in (i for i in found.items.values() if i.type in _EVENTS):
        values = event.fields.get("organizer", [])
        organisers = [found.items[str(v.value)] for v in values if str(v.value) in found.items]
        told_here = headline or any(v.span is not None and v.span.start <= word.start() < v.span.end
                                    and v.rule == "event-organised-back" for v in values)
        if told_here and organisers and all(any(_one_actor(found.items[p], o) for o in organisers) for p in parties):
            return True
    return False


def _plan_called_off(found: Proposals, parties: list[str], status: tuple[str, int, int], clause: Span) -> bool:
    """A cancellation of the parties of a plan told in this sentence or the one before: the plan's
    status, not a second collaboration."""
    sentences = [s for s in ArticleText(found.text).sentences if s.start < clause.start]
    start = sentences[-2].start if len(sentences) > 1 else 0
    plans = [i for i in found.items.values() if i.type == "Collaboration" and start <= i.span.start < clause.start
             and {str(v.value) for v in i.fields["participants"]} == set(parties)
             and all(v.value == "planned" for v in i.fields.get("status", []))]
    if plans:
        _give_status(found, plans[-1], status, clause)
    return bool(plans)


def _give_status(found: Proposals, last: Item, status: tuple[str, int, int], clause: Span) -> None:
    """The status a later clause gives a collaboration told before, when it had none, or had a plan
    that fell through."""
    had = last.fields.get("status", [])
    if had and not (had[0].value == "planned" and status[0] == "cancelled"):
        return
    span = Span(clause.start + status[1], clause.start + status[2])
    last.fields["status"] = [Value(status[0], span, "status-told-after", 0.6)]
    last.confidence = max(last.confidence, 0.5)
    if status[0] == "ongoing" and "date" not in last.fields:
        _since(found, last, clause)  # "Kerja sama itu berjalan sejak Mei 2025"


def _groups_in(found: Proposals, clause: Span) -> list[Item]:
    """The target groups a cue names inside the clause ("… untuk memberikan pelatihan kepada X")."""
    return [group for group in found.items.values() if group.type == "TargetGroup"
            and group.rule in ("group-cue", "group-aimed") and clause.start <= group.span.start < clause.end]


_TOLD_EVENTS = frozenset({"event-held", "program-launch"})


def _outcome_and_place(found: Proposals, item: Item, parties: list[str], clause: Span) -> None:
    """A named event the parties hold in the same clause ("… berkolaborasi dengan Ozora
    mengadakan Gathering …") is what the collaboration resulted in, and they organise it; a
    region after "di" in the clause is where it happens (low confidence)."""
    held = _HOLDS_EVENT.search(found.text, clause.start, clause.end)
    event = found.find_name(held["name"]) if held else _born(found, clause) or _result_named(found, clause)
    if event is None:  # "A bersama B menggelar pameran …": an event told in plain words, held by one of them
        event = next((e for e in found.items.values() if e.type in _EVENTS and e.rule in _TOLD_EVENTS
                      and clause.start <= e.span.start < clause.end
                      and {str(v.value) for v in e.fields.get("organizer", [])} & set(parties)), None)
    if event is not None and event.type in _EVENTS and all(  # not one still to come or called off
            v.value in ("completed", "ongoing") for v in event.fields.get("status", [])):
        item.add("resulted_in", Value(event.ident))
        for party in parties:
            event.add("organizer", Value(party))
    place = _place_in(found, clause)
    if place is not None:
        item.add("location", place)


_LOCAL_PLACES = frozenset({"local-place", "district-name"})
# Whom the work is for, or what it is for: a region written after it is where the work takes place.
_SERVES = re.compile(r"(?<![\w-])(?:bagi|kepada|untuk)(?![\w-])")


def _place_in(found: Proposals, clause: Span) -> Value | None:
    """The region or kecamatan after "di" in the clause ("… bagi 25 perajin di Kecamatan X", "…
    untuk membangun gudang bersama di Kecamatan Y"), not where someone lives; a venue is no region."""
    for match in _AT_PLACE.finditer(found.text, clause.start, clause.end):
        before = found.text[max(0, match.start() - 14):match.start()]
        if re.search(r"(?:berdomisili|berbasis|berasal|tinggal) $", before):
            continue  # "start up yang berdomisili di Surabaya": where they live, not where it happens
        place = found.find_name(match["place"])
        if place is not None and (place.type in ("Province", "Regency", "City") or (
                place.type == "Place" and place.rule in _LOCAL_PLACES)):
            return Value(place.ident, Span(match.start(), match.end()), "collaboration-place", 0.4)
    return None


def programs(found: Proposals) -> None:
    """Programs, initiatives, facilities and named events: an acronym-defined name that is no
    organisation or place, "program X", "Gerakan X"; "X dari Lazada" gives the operator."""
    for match in _ACRONYM_RUN.finditer(found.text):
        name, acronym = match["name"], match["acr"]
        first, _, rest = name.partition(" ")
        if first in ("Program", "Gerakan", "Aplikasi", "Platform") and rest[:1] == acronym[0] and " " in rest:
            name = rest  # "Program Digital Talent Scholarship (DTS)": the program's name is the rest
        elif name[0] != acronym[0] and opens_with_title(name):
            name = _after_title(name, acronym)  # "Direktur Eksekutif Flores Data Institute (FDI)": its post's
        if (name[0] != acronym[0] or name.startswith("Pemerintah") or found.find_name(name) or is_title(name)
                or found.find_name(acronym) or inside_named(found, match.start())
                or inside_named(found, match.start("acr"))):  # "Perwakilan Bank Indonesia (BI) Maluku Utara"
            continue
        kind, confidence = _program_kind(name, found.text[match.end():match.end() + 60])
        if _TRAINING_HEAD.match(name) and _NAME_GOES_ON.match(found.text, match.end()):
            continue  # the events' rules name it whole, from its head word
        span = Span(match.start() + len(match["name"]) - len(name), match.end())
        item = found.add(Item(slug(name), kind, name, span, "acronym-program", confidence))
        item.alias(acronym, span)
        _operator(found, item, match.end())
    owners = {start for start, _, _ in mentions(found, ORG_TYPES)}
    for pattern, kind in ((_PROGRAM, "Program"), (_GERAKAN, "Initiative")):
        for match in pattern.finditer(found.text):
            group = "name" if "name" in pattern.groupindex else 0
            name, at = match[group], match.start(group)
            owner = min((start for start in owners if at < start < at + len(name)), default=None)
            name = name[:owner - at].rstrip() if owner is not None else name  # "program X Pemprov Y": X, Y's
            if found.find_name(name) or len(name) < 3 or at in owners or inside_named(found, at):
                continue  # "program Pemerintah Provinsi (Pemprov) X", "program Pemprov X": whose it is, no name
            item = found.add(Item(slug(name), kind, name, Span(match.start(), at + len(name)), "program-cue", 0.6))
            _operator(found, item, match.end())
            _runner(found, item, match.start())
    _appositive_operators(found)


# "Pasar Pintar Bengawan, program Pemerintah Kota (Pemkot) Surakarta, …": a program and whose it is.
_PROGRAM_OF = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4}), (?:sebuah |salah satu )?program "
                         r"(?:milik |dari |besutan |garapan )?(?=[A-Z])")


# "…, program Pemprov X yang dijalankan Dinas Y": the office that runs the government's program.
_RUN_AFTER = re.compile(r" yang (?:juga )?(?:dijalankan|dikelola|dilaksanakan|dioperasikan) (?:oleh )?")


def _appositive_operators(found: Proposals) -> None:
    """"X, program Y,": X (a program, or a name nothing else claims) is operated by Y, and by the
    office Y's program is said to be run by ("program Y yang dijalankan Dinas Z": Y and Z)."""
    orgs = {start: item for start, _, item in mentions(found, ORG_TYPES - {"MediaOutlet"})}
    for match in _PROGRAM_OF.finditer(found.text):
        org = orgs.get(match.end())
        if org is None:
            continue
        item = found.find_name(match["name"]) or found.find_name(match["name"].removeprefix("Program "))
        if item is None and not inside_named(found, match.start()):
            item = found.add(Item(slug(match["name"]), "Program", match["name"], Span(match.start(), match.end()),
                                  "program-apposition", 0.5))
        if item is not None and item.type == "Program" and "operated_by" not in item.fields:
            end = _mention_end(found, match.end(), org)
            run = _RUN_AFTER.match(found.text, end)
            item.add("operated_by", Value(org.ident, Span(match.start(), end), "program-apposition", 0.5))
            if run is not None and run.end() in orgs:  # "…, program Pemprov X yang dijalankan Dinas Y": Y runs it too
                office = orgs[run.end()]
                span = Span(match.start(), _mention_end(found, run.end(), office))
                item.add("operated_by", Value(office.ident, span, "program-apposition", 0.5))


def _mention_end(found: Proposals, start: int, item: Item) -> int:
    return next(e for s, e, i in mentions(found, ORG_TYPES) if s == start and i is item)


_FACILITY_NAME = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3} (?:Hub|Space|Lab|Labs|Incubator|"
                            r"Inkubator|Innovation Center|Creative Center))(?![\w-])")
_DEFINED_FACILITY = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4}(?: space| hub)?),? yang "
                               r"(?:merupakan|adalah) (?:sebuah |salah satu )?(?P<kind>(?i:co-?working space|"
                               r"ruang kerja bersama|inkubator|hub|pusat inovasi|ruang kreatif))(?![\w-])")


def facilities(found: Proposals) -> None:
    """Facilities by their name's last word ("Pontianak Creative Hub") or by what the text says
    they are ("KUKM Jatim space yang merupakan co-working space" → a coworking space)."""
    for match in _DEFINED_FACILITY.finditer(found.text):
        name = match["name"]
        if inside_named(found, match.start()) or found.find_name(name) is not None:
            continue
        kind = "CoworkingSpace" if re.match(r"co-?working|ruang kerja", match["kind"], re.I) else "Facility"
        found.add(Item(slug(name), kind, name, Span(match.start(), match.end()), "facility-defined", 0.6))
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    for match in _FACILITY_NAME.finditer(found.text):
        name = match["name"]
        if any(t.start <= match.start() < t.end for t in titles) and found.text.count(name) == 1:
            continue  # a headline's Title Case runs its verb into the name ("Resmikan … Hub")
        if found.find_name(name) is None and not inside_named(found, match.start()):
            found.add(Item(slug(name), "Facility", name, Span(match.start(), match.end()), "facility-name", 0.5))


def inside_named(found: Proposals, offset: int) -> bool:
    """True when the offset lies inside a name already proposed (a Dinas's listed parts)."""
    return any(item.span.start <= offset < item.span.end and item.type in ORG_TYPES for item in found.items.values())


# "Flores Data Institute (FDI)", "X Center (XC), lembaga riset …": an organisation, by its name's last word
# or by what the text says it is.
_ORGANISATION_NAME = re.compile(r"(?:Institute|Foundation|Society|Association)$")
_ORGANISATION_AFTER = re.compile(r", (?:sebuah |salah satu )?(?:lembaga|organisasi|yayasan|perusahaan|pusat "
                                 r"(?:riset|kajian|studi|penelitian))(?![\w-])")


def _after_title(name: str, acronym: str) -> str:
    """The words from the first that opens the acronym on, when two or more are left."""
    words = name.split(" ")
    return next((" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i][0] == acronym[0]), name)


def _program_kind(name: str, after: str) -> tuple[str, float]:
    """What an acronym-defined name is, by its words and by the apposition written after it."""
    if _ORGANISATION_NAME.search(name) or _ORGANISATION_AFTER.match(after):
        return "Organization", 0.6
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
    written = re.sub(r" \([^()]+\)", "", match["org"])
    org = found.find_name(written) or found.find_name(written.split()[0])
    if org is not None and org.type in ORG_TYPES:
        item.add("operated_by", Value(org.ident, Span(item.span.start, match.end()), "program-from", 0.6))


def _runner(found: Proposals, item: Item, start: int) -> None:
    """"Dinas X menggelar program Z": the organisation right before the verb runs Z; after
    "A melalui B" it is A, the one acting through B."""
    line = found.text.rfind("\n", 0, start) + 1
    sentence = max(line, found.text.rfind(". ", 0, start) + 2)
    orgs = [m for m in mentions(found, ORG_TYPES - {"MediaOutlet"}) if sentence <= m[0] and m[1] <= start]
    if not orgs or not _RUNS.fullmatch(found.text, orgs[-1][1], start):
        return
    for runner in holders(found.text, orgs):
        item.add("operated_by", Value(runner[2].ident, Span(runner[0], item.span.end), "program-run-by", 0.5))


def holders(text: str, named: list[tuple[int, int, Item]]) -> list[tuple[int, int, Item]]:
    """Who does what the verb after the last of `named` tells: that one and those joined to it
    ("A bersama C", "A dan C"); in "A melalui B bersama C" B is the channel A acts through, no
    doer."""
    chain = [named[-1]]
    for previous in reversed(named[:-1]):
        joint = text[previous[1]:chain[-1][0]]
        if joint not in (" bersama ", " dan ", ", ", " melalui "):
            break
        if joint == " melalui ":
            chain.pop()  # the one after "melalui" is the channel
        chain.append(previous)
    return sorted(chain, key=lambda m: m[0])


def teams(found: Proposals) -> None:
    """"Tim MJC": the team of a program or organisation already named."""
    for match in _TEAM.finditer(found.text):
        owner = found.find_name(match["of"])
        if owner is None or owner.type not in PARTNER_TYPES:
            continue
        item = found.add(Item(slug(match.group()), "Team", match.group(), Span(match.start(), match.end()),
                              "team-of", 0.6))
        item.add("team_of", Value(owner.ident))


def venues_and_events(found: Proposals) -> None:
    """Venues and landmarks with their kind (Hotel …), within the region their name ends with;
    events held by an organiser, and named events someone holds ("mengadakan Gathering …")."""
    venues: list[Item] = []
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    titles += [span for _, span in found.related]  # "Baca Juga: Harga Cabai di Pasar X Turun …": a headline too
    for match in _VENUE.finditer(found.text):
        name = _venue_name(found, match, titles)
        known = found.find_name(name) if name is not None else None
        if name is None or (known is not None and known.type in ORG_TYPES):
            continue  # "lokapasar Pasar Kapuas": another name of the company that makes it, no market
        kind = "Hotel" if match["kind"] == "Hotel" else "Facility" if _HALLS.match(match["kind"]) else "Place"
        longer = next((v for v in venues if v.label.startswith(name + " ")), None)
        if longer is not None:  # "Pasar Gede" after "Pasar Gede Hardjonagoro": the same market, written short
            longer.alias(name, Span(match.start("venue"), match.start("venue") + len(name)))
            continue
        end = match.start("venue") + len(name)
        venues.append(found.add(Item(slug(name), kind, name, Span(match.start(), end), "venue-di", 0.7)))
    for item in venues:  # every venue known first: one may lie within the next ("Pos Bloc Medan, Kantor Pos …")
        venue_within(found, item)
    for match in _EVENT.finditer(found.text):
        _event(found, match)
    for match in _HOLDS_EVENT.finditer(found.text):
        name, before = match["name"], found.text[max(0, match.start() - 20):match.start()].split("\n")[-1]
        if NEGATION.search(before.split(", ")[-1]):
            continue  # "tidak menggelar Bazar X tahun ini": no event the text says was not held
        if found.find_name(name) is None and not name.startswith("Program "):  # a program is held, not an event
            kind = ("NetworkingEvent" if re.search(r"Networking|Gathering|Temu", name)
                    else "TrainingEvent" if re.search(r"Pelatihan|Workshop|Training|Bootcamp|Kelas", name) else "Event")
            found.add(Item(slug(name), kind, name, Span(match.start(), match.end()), "event-named", 0.6))


def _venue_name(found: Proposals, match: re.Match[str], titles: list[Span]) -> str | None:
    """The venue's name up to the first verb or common word; none for a market named by a common
    word or inside a company's name, nor for a name only a headline writes (its capitals say nothing there)."""
    kind_size = len(match["kind"].split(" "))
    words = match["venue"].split(" ")
    size = next((i for i, word in enumerate(words) if i >= kind_size and word in _NOT_NAME_WORDS), len(words))
    if size <= kind_size or (match["kind"] == "Pasar" and words[kind_size] in _COMMON_MARKETS) or \
            re.search(r"(?<![\w-])(?:PT|CV)\.? $", found.text[max(0, match.start("venue") - 4):match.start("venue")]):
        return None  # "PT Pasar Kilat Nusantara": a company's name, no market
    name = " ".join(words[:size])
    if any(t.start <= match.start("venue") < t.end for t in titles):
        body = max(t.end for t in titles)
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", found.text[body:]):
            return None
    return name


def venue_within(found: Proposals, item: Item) -> None:
    """"Hotel Luminor Sidoarjo" lies within Sidoarjo when that is a region of the text; "Pasar
    Tanah Abang, Jakarta Pusat" and "Aula X di Kota Ternate" within the region written after the
    comma or "di", "Pos Bloc Medan, Kantor Pos Besar Medan" within the venue written after it."""
    after = r"(?:,| di) (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})"
    for written in re.finditer(rf"(?<![\w-]){re.escape(item.label)}{after}", found.text):  # any mention may say it
        words = written["place"].split(" ")
        for size in range(len(words), 0, -1):
            region = found.find_name(" ".join(words[:size]))
            if region is not None and region is not item and (region.type in ("Province", "Regency", "City") or (
                    region.rule == "venue-di" and size > 1)):
                end = written.start("place") + len(" ".join(words[:size]))
                item.add("within", Value(region.ident, Span(written.start(), end), "venue-within", 0.5))
                return
    words = item.label.split(" ")
    for size in (2, 1):
        place = found.find_name(" ".join(words[-size:])) if len(words) > size else None
        if place is not None and place.type in ("Province", "Regency", "City", "AmbiguousPlace", "Place"):
            item.add("within", Value(place.ident))
            return


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
    item = found.add(Item(slug(label), kind, label, Span(match.start("event"), match.end()), "event-digelar", 0.5))
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
