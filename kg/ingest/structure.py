"""Rules that link what the other rules found: a regional office to the government of the
region its name ends with, a post to the organisation its name contains, a ministry's short
name ("Kominfo" of "Kemenkominfo"), a program to the organisation that says it has it."""

from __future__ import annotations

import re

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.people import ORG_TYPES
from kg.ingest.places import resolve
from kg.source.text import ArticleText, Span

_REGIONAL = frozenset({"Dinas", "Bakorwil", "GovernmentOffice", "GovernmentBody"})
_GOVERNMENTS = frozenset({"ProvincialGovernment", "RegionalGovernment"})
_RUN_BY = re.compile(r"(?P<program>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) (?:yang )?(?:juga |pun )?(?:dijalankan|dikelola|"
                     r"diselenggarakan|digagas|dilaksanakan|dioperasikan) (?:oleh )?(?P<org>[A-Z])")
_BESIDES = re.compile(r"(?<![\w-])Selain (?P<org>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5}),")
# "DTS merupakan program beasiswa pelatihan talenta digital dari Kemenkominfo"
_IS_PROGRAM_OF = re.compile(r"(?P<program>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})(?: \((?P<acr>[A-Z][A-Za-z]{1,12})\))? "
                            r"(?:merupakan|adalah) (?:sebuah |salah satu )?(?:program|inisiatif|gerakan)"
                            r"(?: [a-z][\w-]*){0,5} (?:dari|milik|besutan|garapan|yang digagas|yang dijalankan) "
                            r"(?:oleh )?(?P<org>[A-Z])")
_HEAD_OF_REGION = re.compile(r"(?:Wakil )?(?:Bupati|Wali ?[Kk]ota|Gubernur)(?= )|Sekretaris Daerah(?= )")
_HAS = re.compile(r"(?<![\w-])(?:memiliki|mempunyai|menjalankan|meluncurkan|mengelola|menggagas)(?![\w-])")


def link(found: Proposals) -> None:
    """Run the linking rules, in order."""
    based_in(found)
    from_places(found)
    ministry_short_names(found)
    regional_offices(found)
    provincial_offices(found)
    national_arms(found)
    posts(found)
    program_owners(found)
    passive_operators(found)
    listed_hosts(found)
    units(found)
    editions(found)
    named_after_places(found)


# "Flores Data Institute (FDI), lembaga riset independen yang berkantor di Kupang": after its short form
# and what it is, too; "PT X yang bermarkas di Y" with no comma, "PT X berkantor pusat di Kota Y" as its verb.
_BASED = re.compile(r"(?: \([A-Z][A-Za-z]{1,9}\))?(?:, (?:(?:sebuah |salah satu )?(?:lembaga|organisasi|yayasan|"
                    r"perusahaan|komunitas|pusat|startup|start-up|koperasi|kelompok|platform)(?: [a-z]+){0,4} )?"
                    r"| (?=yang )| (?=(?:berbasis|berkantor|bermarkas) ))(?:yang )?"
                    r"(?:berbasis|berkantor|bermarkas|berkedudukan|berlokasi|berdomisili)(?: pusat)? di "
                    r"(?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})")


def based_in(found: Proposals) -> None:
    """"Ladang Data, berbasis di Lubuk Pakam": an organisation is located where the clause
    right after its name (and what it is: "lembaga riset yang berkantor di Kupang") says it is based."""
    for start, end, org in mentions(found, ORG_TYPES - {"MediaOutlet"}):
        match = _BASED.match(found.text, end)
        words = match["place"].split(" ") if match else []
        for size in range(len(words), 0, -1):
            place = found.find_name(" ".join(words[:size]))
            if match is not None and place is not None and place.type in _PLACE_TYPES:
                span = Span(start, match.start("place") + len(" ".join(words[:size])))
                org.add("location", Value(place.ident, span, "based-in", 0.6))
                break


_PLACE_WORDS = r"(?P<place>(?:Desa |Kelurahan |Kecamatan |Kabupaten |Kota )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})"
# "startup asal Mataram, Rinjani Tech": any word before "asal"; before "dari" only who people are.
_WHO_FROM = (r"(?i:perajin|pengrajin|petani|nelayan|pengusaha|pedagang|peternak|UMKM|usaha|startup|mahasiswa|warga|"
             r"seniman|desainer|penenun)(?: [a-z]+){0,2} dari")  # "perajin tenun dari …"
_FROM_BEFORE = re.compile(rf"(?<![\w-])(?:[A-Za-z][\w-]* asal|{_WHO_FROM}) {_PLACE_WORDS}, $")
_FROM_AFTER = re.compile(rf"(?: \(\d{{2}}\))?, (?:sebuah |salah satu )?(?:(?:[a-z][\w-]* ){{0,3}}asal|{_WHO_FROM})"
                         rf" {_PLACE_WORDS}")

# Organisations of one village or town, written with where they are: "BUMDes Tunas Makmur di Magelang".
_LOCAL = re.compile(r"(?:Badan Usaha Milik Desa|BUMDes|Koperasi|Kelompok|Gapoktan|Pokdarwis|Karang Taruna) ")
_LOCAL_AT = re.compile(rf" (?:di|asal) {_PLACE_WORDS}")  # "KUB Emping Sari asal Kuningan"


def from_places(found: Proposals) -> None:
    """"startup asal Mataram, Rinjani Tech," / "perajin dari Desa Sukarara, Nurul Aini," /
    "Rinjani Tech, startup asal Mataram": the organisation or person comes from the place,
    resolved as places are (an ambiguous name stays ambiguous); "KUB Emping Sari asal Lebak" too."""
    named = mentions(found, ORG_TYPES - {"MediaOutlet"}) + mentions(found, frozenset({"Person"}))
    for start, end, item in named:  # apart: "Kornelia, ketua kelompok tenun X asal Sumba": X's origin, not hers
        if found.text[start:end].endswith(", " + item.label):  # the apposition's own span: its name
            start = end - len(item.label)
        before = _FROM_BEFORE.search(found.text[max(0, start - 80):start])
        after = _FROM_AFTER.match(found.text, end)
        if after is None and _LOCAL.match(item.label):  # "BUMDes Tunas Makmur di Magelang": a village's own
            after = _LOCAL_AT.match(found.text, end)
        for match, offset in ((before, max(0, start - 80)), (after, 0)):
            place = _leading_place(found, match["place"]) if match else None
            if match is None or place is None:
                continue
            at = offset + match.start("place")
            span = Span(min(start, offset + match.start()), max(end, at + len(place[1])))
            item.add("location", Value(place[0].ident, span, "comes-from", 0.5))


def _leading_place(found: Proposals, written: str) -> tuple[Item, str] | None:
    """The proposed place the words start with (the longest name that is one), and its words."""
    words = written.split(" ")
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        place = found.find_name(name)
        if place is not None and place.type in _PLACE_TYPES:
            return place, name
    return None


def ministry_short_names(found: Proposals) -> None:
    """"Kemenkominfo" is also written "Kominfo": the acronym without its "Kemen" prefix."""
    for item in list(found.items.values()):
        if item.type != "Ministry":
            continue
        for name in [item.label, *item.aliases]:
            if name.startswith("Kemen") and len(name) > 7 and " " not in name:
                short = name[5].upper() + name[6:]
                match = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", found.text)
                if match:
                    item.alias(short, Span(match.start(), match.end()))


def _region_government(found: Proposals, name: str, level: str = "") -> Item | None:
    """The proposed government whose jurisdiction is the region a name ends with; `level`
    ("Kabupaten ", "Kota ") says which region an ambiguous name is ("Bupati Kupang")."""
    words = name.split(" ")
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        meaning = resolve(tail) if len(words) > size else None
        by_level = found.items.get(slug(level + tail)) if level and meaning is not None else None
        if by_level is not None:  # "Bupati Kupang": its id, whether written "Kabupaten Kupang" or "Pemkab Kupang"
            place: Item | None = by_level
        else:
            place = found.find_name(tail) if meaning is not None and not meaning.ambiguous else None
        if place is None:
            continue
        for item in found.items.values():
            if item.type in _GOVERNMENTS and any(v.value == place.ident for v in item.fields.get("jurisdiction", [])):
                return item
    return None


def regional_offices(found: Proposals) -> None:
    """A Dinas (or Bakorwil, regional office) whose name ends with a region is part of that
    region's government, when the article names the government too. A Dinas part of a
    government has no jurisdiction of its own: the government has it."""
    for item in list(found.items.values()):
        if item.type in _REGIONAL and "part_of" not in item.fields:
            for name in [item.label, *item.aliases]:
                government = _region_government(found, name)
                if government is not None:
                    item.add("part_of", Value(government.ident, None, "regional-office", 0.6))
                    break
    for item in found.items.values():
        parents = [found.items.get(str(v.value)) for v in item.fields.get("part_of", [])]
        if item.type == "Dinas" and any(p is not None and p.type in _GOVERNMENTS for p in parents):
            item.fields.pop("jurisdiction", None)  # the government it is part of has the jurisdiction


def provincial_offices(found: Proposals) -> None:
    """A Bakorwil is a province's own coordinating office: part of the provincial government
    when the article names exactly one."""
    provinces = [i for i in found.items.values() if i.type == "ProvincialGovernment"]
    if len(provinces) != 1:
        return
    for item in found.items.values():
        if item.type == "Bakorwil" and "part_of" not in item.fields:
            item.add("part_of", Value(provinces[0].ident, None, "provincial-office", 0.5))


def national_arms(found: Proposals) -> None:
    """"SVP … Lazada Indonesia": a company's Indonesian arm named in a post is a company of its
    own (the text does not say how the two relate, so nothing links them)."""
    companies = {name: item for item in found.items.values() if item.type == "Company"
                 for name in (item.label, *item.aliases) if not name.endswith(" Indonesia")}
    for post in [i for i in found.items.values() if i.type == "Post"]:
        for name in sorted(companies, key=len, reverse=True):
            match = re.search(rf"(?<![\w-]){re.escape(name)} Indonesia(?![\w-])", post.label)
            if match:
                at = found.text.find(post.label, post.span.start) + match.start()
                found.add(Item(slug(match.group()), "Company", match.group(), Span(at, at + len(match.group())),
                               "national-arm", 0.6))
                break


def posts(found: Proposals) -> None:
    """A post whose name holds an organisation's name or acronym is a post in it; "Menteri X"
    in "Kementerian X"; a regent, mayor or governor of a region is a post in that region's
    government."""
    organisations = [i for i in found.items.values() if i.type in ORG_TYPES and i.type != "MediaOutlet"]
    for post in found.items.values():
        if post.type != "Post" or "post_in" in post.fields:
            continue
        best: tuple[int, Item] | None = None
        # "Kepala Dinas Komunikasi dan Informatika (Diskominfo) Jambi" names "Dinas Komunikasi dan Informatika Jambi"
        words = "\n".join((post.label, re.sub(r" [(][A-Z][A-Za-z]{1,9}[)]", "", post.label)))
        for org in organisations:
            for name in [org.label, *org.aliases, *_acronym_tails(org.label)]:
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", words) and (
                        best is None or len(name) > best[0]):
                    best = (len(name), org)
        minister = re.match(r"(?:Wakil )?Menteri (?P<of>.+)$", post.label)
        ministry = found.find_name(f"Kementerian {minister['of']}") if minister else None
        if best is not None:
            post.add("post_in", Value(best[1].ident, None, "post-names-org", 0.6))
        elif ministry is not None and ministry.type == "Ministry":  # "Menteri X" of "Kementerian X"
            post.add("post_in", Value(ministry.ident, None, "minister-of-ministry", 0.6))
        elif head := _HEAD_OF_REGION.match(post.label):
            level = "Kabupaten " if "Bupati" in head.group() else "Kota " if "ota" in head.group() else ""
            government = _region_government(found, post.label, level)
            if government is not None:  # "Bupati Banyuwangi": the regency's own government
                post.add("post_in", Value(government.ident, None, "post-heads-region", 0.6))


def _acronym_tails(label: str) -> list[str]:
    """"Balai … (BPSDMP) Kominfo Yogyakarta" is also written "BPSDMP Kominfo Yogyakarta"."""
    match = re.search(r"\((?P<acr>[A-Z][A-Za-z]{1,15})\) (?P<tail>\S.*)$", label)
    return [f"{match['acr']} {match['tail']}"] if match else []


_UNIT_OF = re.compile(r", (?:unit|satuan kerja|bagian|anak usaha|anak perusahaan|lembaga di bawah|badan di bawah)"
                      r" (?P<of>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")
_OVER = re.compile(r"(?<![\w-])(?P<who>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5}|lembaganya|dinasnya|pihaknya|instansinya)"
                   r" membawahi [^.\n]{0,40}?(?:yakni|yaitu|meliputi|:) (?P<list>[^.\n]+)")
_REGION_TYPES = frozenset({"Province", "Regency", "City"})


def units(found: Proposals) -> None:
    """"BPSDMP Kominfo Yogyakarta, unit Kemenkominfo …": part of the organisation named after
    "unit"; "lembaganya membawahi tiga provinsi, yakni A, B, dan C": its jurisdiction."""
    organisations = [i for i in found.items.values() if i.type in ORG_TYPES and i.type != "MediaOutlet"]
    for match in _UNIT_OF.finditer(found.text):
        unit = _ending_at(found, organisations, found.text[max(0, match.start() - 200):match.start()])
        owner = found.find_name(match["of"]) or found.find_name(match["of"].split()[0])
        if unit is not None and owner is not None and owner is not unit and owner.type in ORG_TYPES:
            unit.add("part_of", Value(owner.ident, Span(match.start() + 2, match.end()), "unit-of", 0.5))
    for match in _OVER.finditer(found.text):
        who = _speaker_org(found, match.start()) if match["who"][0].islower() else found.find_name(match["who"])
        if who is None or who.type not in ORG_TYPES:
            continue
        for name in re.split(r",? dan |, ", match["list"].strip()):
            place = found.find_name(re.sub(r" \([A-Z]+\)$", "", name.strip()))  # "Daerah Istimewa Yogyakarta (DIY)"
            if place is not None and place.type in _REGION_TYPES:
                who.add("jurisdiction", Value(place.ident, Span(match.start(), match.end()), "jurisdiction-over", 0.5))


def _ending_at(found: Proposals, organisations: list[Item], text: str) -> Item | None:
    """The organisation whose name ends the text (the longest name that does)."""
    ending = [(len(name), org) for org in organisations
              for name in [org.label, *org.aliases, *_acronym_tails(org.label)] if text.endswith(name)]
    return max(ending, key=lambda pair: pair[0])[1] if ending else None


def _speaker_org(found: Proposals, offset: int) -> Item | None:
    """"lembaganya" in a sentence that names a person with a post: the post's organisation."""
    line_start = found.text.rfind("\n", 0, offset) + 1
    people = [i for s, e, i in mentions(found, frozenset({"Person"})) if line_start <= s < offset]
    for person in reversed(people):
        for held in person.fields.get("holds", []):
            post = found.items.get(str(held.value))
            if post is not None and post.fields.get("post_in"):
                return found.items.get(str(post.fields["post_in"][0].value))
    return None


def program_owners(found: Proposals) -> None:
    """"Pemerintah Provinsi Jawa Timur … memiliki banyak program …, salah satunya adalah X":
    the organisation before the verb operates the programs named after it in the sentence."""
    programs = [i for i in found.items.values() if i.type in ("Program", "Initiative", "CoworkingSpace", "Facility")]
    if not programs:
        return
    organisations = [i for i in found.items.values() if i.type in ORG_TYPES and i.type != "MediaOutlet"]
    for sentence in ArticleText(found.text).sentences:
        verb = _HAS.search(sentence.text)
        if verb is None:
            continue
        owner = _last_named(found, organisations, sentence.text[:verb.start()])
        if owner is None:
            continue
        for program in programs:
            names = [program.label, *program.aliases]
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", sentence.text[verb.end():]) for n in names) \
                    and "operated_by" not in program.fields:
                program.add("operated_by", Value(owner.ident, Span(sentence.start, sentence.end), "program-owner", 0.5))


def passive_operators(found: Proposals) -> None:
    """"pembinaan Jakpreneur juga dijalankan Dinas PPAPP": the organisation after a passive
    verb runs the program named just before it, and so does the one "Selain X," names; "DTS
    merupakan program … dari Kemenkominfo": the organisation after "dari" runs it."""
    starts = {start: item for start, _, item in mentions(found, ORG_TYPES)}
    for match in _RUN_BY.finditer(found.text):
        program = found.find_name(match["program"])
        operator = starts.get(match.start("org"))
        if program is None or operator is None:
            continue
        if program.type in ("Program", "Initiative", "Facility", "CoworkingSpace"):
            program.add("operated_by", Value(operator.ident, Span(match.start(), match.end()), "program-run-by", 0.5))
            sentence = max(found.text.rfind(". ", 0, match.start()), found.text.rfind("\n", 0, match.start())) + 1
            besides = _BESIDES.search(found.text, sentence, match.start()) if " juga " in match.group() else None
            other = starts.get(besides.start("org")) if besides is not None else None
            if besides is not None and other is not None and other is not operator:  # "Selain Dinas PPKUKM, …"
                program.add("operated_by", Value(other.ident, Span(besides.start(), match.end()),
                                                 "program-run-by-besides", 0.5))
    for match in _IS_PROGRAM_OF.finditer(found.text):
        program = found.find_name(match["program"]) or (found.find_name(match["acr"]) if match["acr"] else None)
        owner = starts.get(match.start("org"))
        if program is not None and owner is not None and program.type in ("Program", "Initiative"):
            program.add("operated_by", Value(owner.ident, Span(match.start(), match.end()), "program-of", 0.5))


def _last_named(found: Proposals, organisations: list[Item], text: str) -> Item | None:
    best: tuple[int, Item] | None = None
    for org in organisations:
        for name in [org.label, *org.aliases, *(found.span_text(s) for s in org.aliases.values())]:
            at = text.lower().rfind(name.lower())
            if at >= 0 and (best is None or at > best[0]):
                best = (at, org)
    return best[1] if best else None


_HOSTED = re.compile(r"^\)? (?:yang )?(?:ada |berada |tersebar |hadir |dibuka )?di (?:[a-z]+ )?$")
_PROGRAMS = frozenset({"Program", "Initiative", "Facility", "CoworkingSpace"})


def listed_hosts(found: Proposals) -> None:
    """"EJSC yang ada di lima Bakorwil (Malang, … dan Madiun)": the program named just before
    offices listed by place is hosted at each of them."""
    listed: dict[int, list[Item]] = {}
    for item in found.items.values():
        if item.rule == "listed-offices":
            listed.setdefault(item.span.start, []).append(item)
    if not listed:
        return
    named = mentions(found, _PROGRAMS)
    for start, offices in listed.items():
        before = [(end, item) for _, end, item in named if end <= start]
        if before and _HOSTED.search(found.text[before[-1][0]:start]):
            for office in offices:
                before[-1][1].add("hosted_at", Value(office.ident))


_PLACE_TYPES = frozenset({"Province", "Regency", "City", "AmbiguousPlace", "Place"})


def editions(found: Proposals) -> None:
    """"DTS 2022": a program's name with a year is that year's edition of it; "… di Buleleng"
    right after says where the edition is held."""
    for program in [i for i in found.items.values() if i.type == "Program"]:
        for name in sorted({program.label, *program.aliases}, key=len, reverse=True):
            pattern = rf"(?<![\w-]){re.escape(name)} (?P<year>(?:19|20)\d\d)(?![\w/-])"
            for match in re.finditer(pattern, found.text):
                written = match.group()
                ident = f"{program.ident}-{match['year']}"
                if found.find_name(written) not in (None, found.items.get(ident)):
                    continue
                edition = found.add(Item(ident, "Program", written, Span(match.start(), match.end()),
                                         "program-edition", 0.6))
                edition.add("edition_of", Value(program.ident))
                _held_at(found, edition, match.end())


def _held_at(found: Proposals, edition: Item, end: int) -> None:
    """"Pelaksanaan DTS 2022 di Buleleng"; not inside a longer title ("FGD … untuk Perencanaan
    DTS 2023 di Kota Yogyakarta": the place is the event's)."""
    if re.search(r"(?<=\w )[A-Z][\w-]* $", found.text[max(0, edition.span.start - 40):edition.span.start]):
        return
    where = re.match(r" di (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})", found.text[end:end + 60])
    place = found.find_name(where["place"]) if where else None
    if place is not None and place.type in _PLACE_TYPES:
        edition.add("hosted_at", Value(place.ident, Span(edition.span.start, end + where.end()),  # type: ignore[union-attr]
                                       "edition-place", 0.5))


def named_after_places(found: Proposals) -> None:
    """"Komunitas Jakpreneur Cakung, Jakarta Timur": an organisation whose name ends with a
    district is located there, and in the region written after the comma."""
    places = {i.label: i for i in found.items.values() if i.type == "Place" and i.rule == "district-of-region"}
    if not places:
        return
    for org in [i for i in found.items.values() if i.type in ("Organization", "Startup", "Company")]:
        for name, place in places.items():
            if org.label.endswith(" " + name):
                org.add("location", Value(place.ident))
                for within in place.fields.get("within", []):
                    if re.search(rf"{re.escape(org.label)}, ", found.text):
                        org.add("location", Value(within.value))
