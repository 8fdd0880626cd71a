"""Rules for target groups: the people a program, training or facility is for, as news writes
them ("pelatihan bagi pelaku UMKM", "dapat dimanfaatkan oleh pelaku UKM maupun start up",
"Sasaran DTS … mulai dari pelaku UMKM, ASN, hingga masyarakat umum"), each with the places
named in it ("UMKM di Jatim", "pelaku UMKM dari Gowa dan Maros") and the program, event or
facility it is the target of."""

from __future__ import annotations

import re

from kg.ingest.events import CAME_TO, COMPETED, referent
from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.relations import COLLABORATE
from kg.source.text import ArticleText, Span

# Head words of a group of people or businesses (common Indonesian news vocabulary).
_HEADS = (r"pelaku|para|anggota|pedagang|penjual|mama-mama|ibu-ibu|kaum ibu|"
          r"masyarakat|warga|pelajar|mahasiswa|siswa|santri|petani|nelayan|"
          r"perajin|pengrajin|UMKM|UKM|IKM|startup|start up|perusahaan rintisan|talenta|angkatan kerja|"
          r"pencari kerja|pemuda|generasi muda|anak muda|kaum muda|perempuan|ibu rumah tangga|"
          r"aparatur sipil negara|ASN|guru|penyandang disabilitas|difabel|pengusaha|wirausaha\w*|pekerja|"
          r"buruh|karyawan|pegawai|lansia|peternak|pembudidaya|penenun|penjahit|ojek daring|pengemudi|pemilik|"
          r"pematung|pembatik|pengolah|kelompok|pendamping|fasilitator|kader|relawan")
# A cue verb that names whom something serves; the group follows it.
_VERB_CUE = (r"dimanfaatkan oleh|diikuti oleh|diikuti|dihadiri oleh|dihadiri|menyasar|menyasar kepada|"
             r"ditujukan (?:untuk|bagi|kepada)|"
             r"diperuntukkan (?:untuk|bagi|kepada)|dikhususkan (?:untuk|bagi)|"
             r"untuk membantu|"
             r"khusus (?:untuk|bagi)|(?:di|ter)buka (?:untuk|bagi)|mempersiapkan|melatih|membina|memberdayakan|"
             r"mendampingi|melibatkan")
# "untuk/bagi/kepada" name a target only after a word for what is given, held or done together.
_GIVEN = re.compile(r"(?<![\w-])(?:pelatihan|program|beasiswa|kelas|pembinaan|pendampingan|bantuan|workshop|"
                    r"lokakarya|sosialisasi|literasi|fasilitas|bimbingan|kursus|bazar|pameran|seminar|"
                    r"webinar|inkubasi|akselerasi|ruang|layanan|uji ?coba|kerja ?sama|kolaborasi|kemitraan|kredit|"
                    r"pinjaman|pembiayaan|modal|permodalan)(?![\w-])",
                    re.IGNORECASE)
_COUNT = r"(?:(?:\d[\d.]*|ratusan|ribuan|puluhan|sekitar \d[\d.]*) )?"
_CUED = re.compile(rf"(?<![\w-])(?P<cue>{_VERB_CUE}|untuk|bagi|kepada) {_COUNT}(?P<head>(?:{_HEADS})(?:nya)?)(?![\w-])")
# "Targetnya 200 peserta dari Parepare, Barru, dan Pinrang": whom the event or program told last is for.
# "menargetkan 5.000 pelaku usaha bergabung": a target figure, no group.
_AIMED = re.compile(rf"(?<![\w-])(?:[Tt]argetnya|[Ss]asarannya|[Dd]itargetkan|[Mm]enargetkan(?! \d)|[Dd]isasar) "
                    rf"(?:sebanyak )?{_COUNT}(?P<head>peserta|(?:{_HEADS})(?:nya)?)(?![\w-])")
# "Sasaran program ini adalah pelaku ekonomi kreatif …": whom the program named, or told last, is for.
_IS_AIMED = re.compile(rf"(?<![\w-])[Ss]asaran(?:nya| (?P<noun>program|kegiatan|pelatihan|kerja sama|kolaborasi)"
                       rf"(?P<program> [A-Z][\w-]*"
                       rf"(?: [A-Z][\w-]*){{0,3}}| (?:ini|itu|tersebut))?) (?:adalah|ialah|yakni|yaitu|merupakan) "
                       rf"{_COUNT}(?P<head>(?:{_HEADS})(?:nya)?)(?![\w-])")
_NOT = re.compile(r"(?<![\w-])(?:tidak|tak|bukan|belum)(?: (?:lagi|pernah))? $")  # not "tidak hanya"
# "Program itu menyasar …": a program the sentence points back to.
_THAT_PROGRAM = re.compile(r"(?<![\w-])[Pp]rogram (?:ini|itu|tersebut)(?![\w-])")
_LIST = re.compile(r"(?<![\w-])(?:[Ss]asaran(?:nya)?|[Pp]eserta(?:nya)?|menyasar)"
                   r"[^.\n]{0,80}? mulai dari (?P<list>[^.\n]+?)(?=[.\n])")
# Words that end a group's: "2.500 pelaku usaha masuk lokapasar" (what they are to do), "Ratusan petani
# berkumpul di …" (what they did).
_STOP = frozenset({"yang", "untuk", "agar", "supaya", "dalam", "dengan", "pada", "sejak", "ke", "sebagai", "demi",
                   "serta", "dan", "melalui", "oleh", "akan", "telah", "sudah", "bisa", "dapat", "itu", "ini",
                   "tersebut", "hingga", "sampai", "di", "dari", "juga", "pun", "lebih",
                   "masuk", "naik", "mampu", "punya", "berkumpul", "hadir", "datang", "terus", "tetap", "kini",
                   "masih", "perlu", "harus", "belum", "tidak", "sangat", "kian", "makin", "semakin"})
_WHERE = re.compile(r"(?: yang (?:berdomisili|berbasis|berada|tinggal) di| di| dari| asal)"
                    r" (?P<places>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}(?:(?:,? dan |, )[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})*)")
_PLACE_TYPES = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place"})
_SERVED = frozenset({"Program", "Initiative", "Facility", "CoworkingSpace", "Event", "TrainingEvent",
                     "NetworkingEvent"})
_MAX_WORDS = 7
_EVENTS = frozenset({"Event", "TrainingEvent", "NetworkingEvent"})
_CAME_CUES = ("diikuti", "dihadiri")  # those who came: they take part, and where they came from is the event's
# A group told in this many words or more is named by them alone; the places it comes from are its location.
_NAMED_ALONE = 5
# Events told in plain words or without their name: where their words are is where they are named.
_TOLD = frozenset({"program-cohort", "cohort-after-program", "event-held"})
_NOT_VERBS = frozenset({"digital", "diri", "dini", "menengah", "milenial", "teratas", "terbesar", "terkecil"})


def target_groups(found: Proposals) -> None:
    """Groups after a cue, and the groups a "Sasaran X … mulai dari A, B, hingga C" lists."""
    sentences = ArticleText(found.text).sentences
    others = frozenset(item.type for item in found.items.values()) - {"TargetGroup"}
    named = [m for m in mentions(found, others) if m[2].type in _SERVED]  # the groups never serve each other
    told = [(i.span.start, i.span.end, i) for i in found.items.values()  # "angkatan kedua program itu": no name
            if i.rule in _TOLD and not any(m[0] == i.span.start for m in named)]
    named = sorted(named + told, key=lambda m: (m[0], m[1]))
    for match in _CUED.finditer(found.text):
        if match["cue"] in ("untuk", "bagi", "kepada") and not _given_before(found.text, match.start()):
            continue
        if _NOT.search(found.text, max(0, match.start() - 20), match.start()):
            continue  # "tidak ditujukan bagi …": the text says it is not for them
        came = match["cue"].startswith(_CAME_CUES)
        end = (_list_end if came else _group_end)(found, match.start("head"))
        label = Span(match.start("head"), end)
        rule = "group-participants" if came else "group-cue"
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        if _counted_somewhere(found, match, end, [m for m in named if sentence and sentence.start <= m[0]]):
            continue
        aimed = match["cue"].startswith(_AIMING) or (
            match["cue"] == "untuk" and _PROGRAM_OF.search(found.text, max(0, match.start() - 80), match.start()))
        listed = False  # a list of groups under way: "A, B, dan C"
        while (group := _group(found, (label := _first_of_two(found.text, label) if aimed else label),
                               Span(match.start(), label.end), rule, 0.5)) is not None:
            if sentence is not None:
                _served_by(found, group, label, match, sentence.start,
                           [m for m in named if sentence.start <= m[0] < sentence.end])
            end = max(end, label.end)
            more = _NEXT_GROUP.match(found.text, end) or (  # "menyasar A, B, dan C": each is a group
                _AND_GROUP.match(found.text, label.end) if label.end < end else None) or (
                _LAST_OF_LIST.match(found.text, end) if listed else None)  # "…, dan kelompok tani": the last
            if more is None or came:  # "diikuti A, B, dan C": those who came stay one group
                break
            listed = more.group().startswith(", ")
            label = Span(more.end(), _group_end(found, more.end()))
            end = label.end
    for match in _LIST.finditer(found.text):
        _listed(found, match)
    for match in _AIMED.finditer(found.text):
        _aimed(found, match, named)
    for match in _IS_AIMED.finditer(found.text):
        _is_aimed(found, match)
    for match in _CAME.finditer(found.text):
        _came(found, match)
    for match in ACHIEVED.finditer(found.text):
        _achieved(found, match)


# "Sebanyak 1.800 pedagang pasar tradisional di Karawang kini bisa menerima QRIS. Capaian itu buah pelatihan
# yang digelar …": a counted group, the ones a result told first is for (the work that bore it follows).
ACHIEVED = re.compile(rf"(?<![\w-])(?:[Ss]ebanyak )?(?P<count>\d[\d.]*) (?P<head>(?:{_HEADS}))(?![\w-])"
                      r"[^.\n]{0,160}?\. (?:Capaian|Pencapaian|Keberhasilan|Hasil) (?:itu|ini|tersebut) "
                      r"(?:merupakan |adalah )?(?:buah|hasil)(?![\w-])")


def _achieved(found: Proposals, match: re.Match[str]) -> None:
    """The counted group whose result the next sentence credits to a work, with its size."""
    end = _group_end(found, match.start("head"))
    group = _group(found, Span(match.start("head"), end), Span(match.start(), end), "group-achieved", 0.5)
    if group is not None:
        group.add("size", Value(int(match["count"].replace(".", "")), Span(match.start(), end), "group-achieved", 0.5))


# "menyasar petani kopi dan perempuan pengrajin": whom a program aims at, two groups each with its own
# words; "nelayan dan pembudidaya ikan skala kecil" (the first a bare head, the words after maybe both's) one.
_AIMING = ("menyasar", "ditujukan", "diperuntukkan", "dikhususkan")
_AND_GROUP = re.compile(rf" dan (?=(?:{_HEADS})(?![\w-]))")
_PAIR = re.compile(rf"(?:{_HEADS})(?: [a-z][\w-]*)+(?= dan (?:{_HEADS})(?![\w-]) ?)")


# "X, program Pemerintah Y untuk pelaku usaha mikro dan santri dayah": whom a program of Y aims at.
_NAME_WORD = r"(?:[A-Z][\w-]*|\([A-Z][A-Za-z]+\))"
_PROGRAM_OF = re.compile(rf"(?<![\w-])program {_NAME_WORD}(?: {_NAME_WORD})* $")


def _first_of_two(text: str, label: Span) -> Span:
    """The first of two groups joined by "dan", when it has words of its own ("petani kopi"), else the whole."""
    pair = _PAIR.match(text, label.start, label.end)
    return Span(label.start, pair.end()) if pair is not None and " dan " not in pair.group() else label


_NEXT_GROUP = re.compile(rf", (?:dan |serta )?(?=(?:{_HEADS})(?![\w-]))")
# "untuk pelaku UMKM, penenun, dan kelompok tani": the last of a list of groups needs no head word of its own.
_LAST_OF_LIST = re.compile(r",? (?:dan|serta) (?!lain|sebagainya|seterusnya)(?=[a-z][\w-]* [a-z])")


# "Enam puluh", "Seratus dua puluh", "Tiga ratus lima": a count in words (the build checks a size against the
# digits of its evidence, so these give the group, not its size).
_UNIT = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_TERM = rf"(?:{_UNIT} (?:puluh|ratus|ribu|belas)|se(?:puluh|ratus|ribu|belas))"
NUMBER_WORDS = rf"(?i:{_TERM}(?: {_TERM})*(?: {_UNIT})?)"


# "Sebanyak 240 petani muda dari A, B dan C mengikuti Bootcamp X", "Ratusan pelaku UMKM memadati
# Pelatihan Y": a group counted in a sentence takes part in the event named right after its verb.
_CAME = re.compile(rf"(?<![\w-])(?:[Ss]ebanyak )?(?P<count>\d[\d.]*|[Rr]atusan|[Pp]uluhan|[Rr]ibuan|{NUMBER_WORDS}) "
                   rf"(?P<head>(?:{_HEADS}))(?![\w-])[^.\n]{{0,160}}? (?:turut |ikut )?"
                   rf"(?P<verb>mengikuti|memadati|menghadiri|meramaikan|memeriahkan|berkumpul di|{COMPETED}) (?=[A-Z])")


def _came(found: Proposals, match: re.Match[str]) -> None:
    """The counted group, its size when a number gives it, taking part in the event named there
    (or named at the end, after the hall they filled: "memadati Gedung X, …, dalam Festival Y")."""
    last = CAME_TO.match(found.text, match.start("verb"))
    at = last.start("name") if last else match.end()
    named = next(((stop, item) for start, stop, item in mentions(found, _EVENTS) if start in (match.end(), at)), None)
    if named is None:
        return
    event, end = named[1], _list_end(found, match.start("head"))
    evidence = Span(match.start(), named[0])
    group = _group(found, Span(match.start("head"), end), evidence, "group-came", 0.5)
    if group is None:
        return
    group.add("takes_part_in", Value(event.ident, evidence, "group-came", 0.5))
    if match["count"][0].isdigit():
        group.add("size", Value(int(match["count"].replace(".", "")), evidence, "group-came", 0.5))


_COUNTED = re.compile(r"\d[\d.]* ")


def _counted_somewhere(found: Proposals, cue: re.Match[str], end: int, named: list[tuple[int, int, Item]]) -> bool:
    """"kelas … bagi 75 pedagang di Kota X": a count of those served and where, no group of its own;
    the place is where the activity named before it in the sentence runs (its location)."""
    if cue["cue"] not in ("untuk", "bagi", "kepada") or not _COUNTED.match(found.text, cue.end("cue") + 1):
        return False
    where = _WHERE.search(found.text, cue.start("head"), end) or _WHERE.match(found.text, end)
    places = _places(found, where)[0] if where is not None and where.group().startswith(" di ") else []
    if not places:
        return False
    before = [item for start, stop, item in named if stop <= cue.start()]
    if before:
        before[-1].add("location", Value(places[0].ident, Span(before[-1].span.start, end), "counted-at", 0.4))
    return True


def _list_end(found: Proposals, start: int) -> int:
    """Where the words of those who came end, over a list of kinds of people ("180 pemilik warung
    kopi, perajin bordir, dan penjual kuliner khas dari A, B, dan C"): they are one group."""
    end = _group_end(found, start)
    while (more := _NEXT_GROUP.match(found.text, end)) is not None:
        end = _group_end(found, more.end())
    return end


def _is_aimed(found: Proposals, match: re.Match[str]) -> None:
    """"Sasaran program X adalah …" (X's group); "Sasaran program ini adalah …", "Sasarannya
    adalah …": the program named last before it."""
    written = (match["program"] or "").strip()
    program = found.find_name(written) if written[:1].isupper() else _last_program(found, match.start())
    if match["noun"] in ("kerja sama", "kolaborasi"):  # a collaboration's, given when collaborations are told
        program = None
    end = _group_end(found, match.start("head"))
    group = _group(found, Span(match.start("head"), end), Span(match.start(), end), "group-aimed", 0.5)
    if group is not None and program is not None and program.type in ("Program", "Initiative"):
        program.add("target_groups", Value(group.ident, Span(match.start(), end), "group-aimed", 0.5))


def _last_program(found: Proposals, offset: int) -> Item | None:
    """The program or initiative named last before the offset."""
    named = [item for start, _, item in mentions(found, frozenset({"Program", "Initiative"})) if start < offset]
    return named[-1] if named else None


def _aimed(found: Proposals, match: re.Match[str], named: list[tuple[int, int, Item]]) -> None:
    """"Targetnya 200 peserta dari A dan B": a group (with its places) that the program or
    event named last before it in the paragraph is for."""
    line = found.text.rfind("\n", 0, match.start()) + 1
    before = [item for start, _, item in named if line <= start < match.start()]
    end = _group_end(found, match.start("head"))
    group = _group(found, Span(match.start("head"), end), Span(match.start(), end), "group-aimed", 0.5)
    if group is not None and before:
        before[-1].add("target_groups", Value(group.ident, Span(before[-1].span.start, end), "group-aimed", 0.5))


def _pointed_at(found: Proposals, sentence: int, cue: int) -> Item | None:
    """With nothing named before the cue in its sentence: the program "program itu" points back to."""
    return _last_program(found, sentence) if _THAT_PROGRAM.search(found.text, sentence, cue) else None


# "Bootcamp yang diikuti …", "Kelas itu diikuti …", "… menyebut bootcamp yang diikuti …": the event told before.
_EVENT_OPENS = re.compile(r"(?<![\w-])(?P<noun>[Bb]ootcamp|[Kk]elas|[Pp]elatihan|[Ff]estival|[Pp]ameran|[Ww]orkshop|"
                          r"[Ll]okakarya|[Ss]eminar|[Aa]cara|[Kk]egiatan|[Pp]eluncuran|[Pp]eresmian)"
                          r"(?: (?:ini|itu|tersebut))?(?: yang)? $")


def _event_pointed(found: Proposals, sentence: int, cue: int) -> Item | None:
    """The event its kind's word, right before the cue, points back to."""
    opens = _EVENT_OPENS.search(found.text, sentence, cue)
    return referent(found, opens["noun"].lower(), sentence) if opens is not None else None


def _counted_at(found: Proposals, cue: int) -> Item | None:
    """The event whose participants the words at the cue count ("Peluncuran itu diikuti …",
    "…, yang diikuti 90 pedagang dari …"): the one they give the regions of."""
    return next((item for item in found.items.values() for value in item.fields.get("participants_from", [])
                 if value.span is not None and value.span.start <= cue < value.span.end), None)


def _given_before(text: str, at: int) -> bool:
    """A word for something given (pelatihan, program…) in the 90 characters before, same sentence."""
    window = text[max(0, at - 90):at]
    window = re.split(r"[.!?\n]", window)[-1]
    given = list(_GIVEN.finditer(window))
    return bool(given) and _HOPED.search(window, given[-1].end()) is None


# "Kerja sama … ini diharapkan membuka pasar baru bagi UMKM": a hope for them, not whom it is for.
_HOPED = re.compile(r"(?<![\w-])(?:diharapkan|diharap|berharap|harapannya|semoga|diyakini)(?![\w-])")


def _group_end(found: Proposals, start: int) -> int:
    """Where a group's words end: at punctuation, a connecting word, a verb, after a word in
    -nya, or after the places of "di X" / "yang berdomisili di X dan Y"."""
    text = found.text
    position, words, limit = start, 0, _MAX_WORDS
    for word in re.finditer(r"\(?[\w-]+\)?", text[start:start + 300]):
        token, at = word.group(), start + word.start()
        if at < position:
            continue
        listed = _SIZES.match(text, position)  # "usaha mikro, kecil, dan menengah": one word of the group
        if listed is not None:
            position, words = listed.end(), words + 1
            continue
        if (words and text[position:at] != " ") or words >= limit:
            break
        if _JOINS.match(text, at):  # "… (UMKM) serta pengurus BUMDes", "mahasiswa sebagai pendamping desa"
            position, words, limit = at + len(token), words + 1, words + 1 + _MAX_WORDS
            continue
        if token == "di" and re.match(r"di [a-z]", text[at:at + 4]) and not _verb(text[at + 3:].split(" ")[0]):
            position, words = at + 2, words + 1  # "pelaku usaha di desa": a kind of place, no place's name
            continue
        if token in ("di", "yang", "dari", "asal"):  # "pelaku UMKM dari Gowa dan Maros": the places are its own
            where = _WHERE.match(text, position)
            places, end = _places(found, where) if where else ([], 0)
            return end if places else position
        if token.lower() in _STOP or _verb(token):
            break
        position, words = at + len(token), words + 1
        if token.endswith("nya") and len(token) > 5:
            break
    return position


# Words that keep a group going: the sizes of businesses listed ("mikro, kecil, dan menengah"),
# a second group joined by "serta" or "dan" ("nelayan dan pembudidaya ikan skala kecil": one group, told
# whole) and a role given by "sebagai".
_SIZES = re.compile(r",? (?:mikro|kecil)(?:,? (?:dan )?(?:mikro|kecil|menengah))+(?![\w-])")
_JOINS = re.compile(rf"(?:(?:serta|dan) (?=(?:{_HEADS}|pengurus|pengelola)(?![\w-]))|"
                    r"sebagai (?=(?:pendamping|fasilitator|mentor|relawan|"
                    r"duta|agen|kader|penggerak|instruktur|pelatih)(?![\w-])))")


def _verb(token: str) -> bool:
    """A word shaped like a verb (me-, di-, ter- and four letters or more) ends a group's words."""
    lower = token.lower()
    return lower not in _NOT_VERBS and re.match(r"(?:me|di|ter)[a-z]{4,}$|ber(?:jualan|dagang|transaksi|promosi)$",
                                                 lower) is not None


def _places(found: Proposals, where: re.Match[str]) -> tuple[list[Item], int]:
    """The proposed places "di Surabaya dan Sidoarjo" names (in order), and where they end."""
    out, end, offset = [], where.start("places"), where.start("places")
    for part in re.split(r"(,? dan |, )", where["places"]):
        if part in (", ", " dan ", ", dan "):
            offset += len(part)
            continue
        words = part.split(" ")
        item = None
        for size in range(len(words), 0, -1):
            item = found.find_name(" ".join(words[:size]))
            if item is not None and item.type in _PLACE_TYPES:
                end = offset + len(" ".join(words[:size]))
                break
        if item is None or item.type not in _PLACE_TYPES:
            break
        out.append(item)
        if end < offset + len(part):
            break
        offset += len(part)
    return out, end


def _group(found: Proposals, label_span: Span, evidence: Span, rule: str, confidence: float) -> Item | None:
    written = found.span_text(label_span).strip()
    where = _WHERE.search(written)
    own = written[:where.start()] if where is not None and where.group().startswith(" dari ") else written
    label = own if len(own.split()) >= _NAMED_ALONE else written  # "pelaku usaha … (BUMDes)" from A and B
    if not label or len(label.split()) > 2 * _MAX_WORDS + 2 or label.lower() in ("para", "anggota", "pelaku"):
        return None
    ident = slug(label)
    known = found.items.get(ident)
    if (known is not None and known.type != "TargetGroup") or any(
            start == label_span.start for start, _, _ in mentions(found, ORG_TYPES)):
        return None  # "kelompok tani Harapan Jaya": an organisation by its name, no group of people
    group = found.add(Item(ident, "TargetGroup", label, evidence, rule, confidence))
    if label != written:
        group.alias(written, label_span)
    inside = [item for start, end, item in mentions(found, _PLACE_TYPES)  # "pedagang Pasar Hamadi"
              if label_span.start <= start and end <= label_span.end]
    for place in _places(found, where)[0] if where else inside:
        group.add("location", Value(place.ident))
    return group


def _listed(found: Proposals, match: re.Match[str]) -> None:
    """"Sasaran DTS cukup luas, mulai dari A, B, C, hingga D": each listed group is a target of X."""
    parts = re.split(r", (?:hingga |sampai |dan )?| (?:hingga|sampai) ", match["list"])
    owners = [item for start, _, item in mentions(found, _SERVED) if match.start() <= start < match.start("list")]
    owner = owners[0] if owners else None
    start = match.start("list")
    for part in parts:
        at = found.text.find(part, start, match.end())
        start = at + len(part)
        if not part or len(part.split()) > _MAX_WORDS or (not part[0].islower() and not part.split()[0].isupper()):
            continue
        group = _group(found, Span(at, at + len(part)), Span(match.start(), match.end()), "group-list", 0.6)
        if group is not None and owner is not None and owner.type in _SERVED:
            owner.add("target_groups", Value(group.ident))


def _served_by(found: Proposals, group: Item, label: Span, cue: re.Match[str], sentence: int,
               named: list[tuple[int, int, Item]]) -> None:
    """What the group is the target of: the program its members belong to ("anggota program
    X": they also take part in X), else the event whose words hold the cue, else the program,
    event or facility named last before the cue in the sentence, unless a collaboration word
    comes first (the collaboration takes the group). After "diikuti oleh" the group takes part.
    `named`: the programs, events and facilities named in the cue's sentence, which starts at `sentence`."""
    inside = [item for start, end, item in named if label.start <= start and end <= label.end]
    if group.label.startswith("anggota") and inside:
        inside[0].add("target_groups", Value(group.ident))
        if inside[0].type in ("Program", "Initiative"):
            group.add("takes_part_in", Value(inside[0].ident))
        return
    holding = [item for item in found.items.values()
               if item.type in _SERVED and item.span.start <= cue.start() < item.span.end]
    came = cue["cue"].startswith(_CAME_CUES)
    before = [item for start, end, item in named if end <= cue.start()]
    if came and any(item.type in _EVENTS for item in before):  # "X, di <hall>, …, diikuti …": X, not the hall
        before = [item for item in before if item.type in _EVENTS]
    counted = _counted_at(found, cue.start()) if came else None
    target = counted or (holding[0] if holding else before[-1] if before else _pointed_at(found, sentence, cue.start()))
    if target is None and came:
        target = _event_pointed(found, sentence, cue.start())
    if target is None:
        return
    if came:
        if target.type in ("Event", "TrainingEvent", "NetworkingEvent", "Program"):
            group.add("takes_part_in", Value(target.ident))
        for place in group.fields.get("location", []) if target.type != "Program" else []:
            target.add("participants_from", Value(place.value))  # "diikuti oleh … dari/di A dan B"
    elif holding or not COLLABORATE.search(found.text, sentence, cue.start()):
        target.add("target_groups", Value(group.ident))

