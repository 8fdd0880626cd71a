"""Rules for names: organisations by their Indonesian shapes (Pemprov/Pemkab/Pemkot X, Dinas …,
Badan …, Kementerian …, PT …, start up …) with the acronym defined in parentheses, units named
with their parent ("Fakultas … Universitas X") and teams ("tim survei X"), places through the
region dataset (a bare kecamatan, a lake or beach named by its kind), and the entities the
graph already has, by label and alias."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.ingest.model import Item, Proposals, Value, mentions, slug
from kg.ingest.places import (
    PROVINCE_SHORT,
    TYPE_OF_KIND,
    bare,
    district_regions,
    districts,
    place_pattern,
    regions_named,
    resolve,
)
from kg.link.regions import Region
from kg.source.text import Span

WORD = r"(?:[A-Z][\w'\u2019.&-]*|\d{4})"  # a word of a name: capitalised, or a year
# "Komdigi", "SKPD", "idEA", a unit's with its university's: "FISIP Unmul"; a short form with its
# region: "Diskop UKM NTB", "Diskominfo Gowa" (a Dinas's "Dis…", a Badan's "Bap…"/"Bak…", a
# ministry's "Kemen…" may end with a region's name).
_ACR = (r"(?:[A-Z][A-Za-z]{1,15}|[a-z]{1,3}[A-Z][A-Za-z]{1,12})"
        r"(?:(?: [A-Z][A-Za-z]{1,7}){0,2} [A-Z]{2,6}(?=\))|(?<=Dis|Bap|Bak)[a-z]{2,12} [A-Z][a-z]{2,12}(?=\))"
        r"|(?<=Kemen)[a-z]{2,12} [A-Z][a-z]{2,12}(?=\))|(?<=[A-Z]{3}) [A-Z][a-z]{2,8}(?=\)))?")
ACRONYM = rf"\((?P<acr>{_ACR})\)"
_RUN = rf"{WORD}(?:(?: dan | & | |(?<=Pengabdian) (?:kepada|pada) ){WORD}|,? \({_ACR}\)(?= [A-Z]|[,.]|\s|$))*"
_HEADS = {
    "Kementerian": "Ministry", "Dinas": "Dinas", "Badan": "GovernmentBody", "Balai": "GovernmentOffice",
    "Direktorat Jenderal": "GovernmentOffice", "Direktorat": "GovernmentOffice", "Lembaga": "GovernmentBody",
    "Bakorwil": "Bakorwil", "Otoritas": "GovernmentBody", "PT": "Company", "CV": "Company", "Perum": "Company",
    "Perumda": "Company", "Bank": "Company", "Sekolah Tinggi": "Organization",
    "Komunitas": "Organization", "Asosiasi": "Organization", "Yayasan": "Organization",
    "Universitas": "Organization", "Institut": "Organization", "Politeknik": "Organization",
    "Koperasi": "Organization", "Forum": "Organization", "Himpunan": "Organization", "Ikatan": "Organization",
    "Perkumpulan": "Organization", "Paguyuban": "Organization", "Persatuan": "Organization",
    "Kelompok": "Organization", "Gapoktan": "Organization",  # "Kelompok Tani X", "Kelompok Usaha Bersama (KUB) X"
    "Fakultas": "Organization", "Laboratorium": "Organization", "Lab": "Organization", "Jurusan": "Organization",
    "Program Studi": "Organization", "Pusat Studi": "Organization", "Lembaga Penelitian": "Organization",
    "Pusat Kajian": "Organization", "Pusat Penelitian": "Organization", "Bidang": "GovernmentOffice", "Tim": "Team",
}
# A unit named with the organisation it belongs to: "Fakultas Ekonomi dan Bisnis (FEB) Universitas
# Cenderawasih", "Lab Data Politeknik Negeri Ambon", "Bidang Ekonomi Kreatif Dinas Pariwisata Kota Ambon".
_UNIT_HEADS = frozenset({"Fakultas", "Laboratorium", "Lab", "Jurusan", "Program Studi", "Pusat Studi", "Pusat Kajian",
                         "Pusat Penelitian", "Bidang", "Lembaga Penelitian"})
# A research centre is a unit, even in a post's title ("Kepala Pusat Studi Ekonomi Digital FEB UNS").
_CENTRES = frozenset({"Pusat Studi", "Pusat Kajian", "Pusat Penelitian"})
_SUB_UNIT = re.compile(rf"(?:{'|'.join(sorted(_UNIT_HEADS))}) .*? (?P<parent>(?:Universitas|Institut|Politeknik|"
                       r"Sekolah Tinggi|Dinas|Badan|Kementerian|PT|Bank|Balai) [A-Z])")
# Words a name needs with its head: "Bank" alone names no bank; "Tim MJC" is left to the rule for
# the team of an organisation named elsewhere; a group is named by what it does and its own name.
_FEWEST_WORDS = {"Bank": 2, "Tim": 3, "Kelompok": 3}  # "Kelompok UMKM" names no one group
_CENTRAL_BANK = "Bank Indonesia"
# Names whose head says less than their start: a bank by name, not a company; a village's enterprise, no office.
_KIND_BY_START = {_CENTRAL_BANK: "GovernmentBody", "Badan Usaha Milik Desa": "Company"}
_TITLED = re.compile(r" (?:Prof|Dr|Drs|Dra|Ir|drg)\.(?= |$)")
_POST_BEFORE = re.compile(r"(?<![\w-])(?:Kepala|Ketua|Kabid|Koordinator|Sekretaris|Dekan|Direktur|Manajer) $")
_HEAD = re.compile(rf"(?<![\w-])(?P<head>{'|'.join(sorted(_HEADS, key=len, reverse=True))}) (?P<rest>{_RUN})")
# "Pemerintah Kota (Pemko) Lhokseumawe": Pemko is Aceh's and Sumatra's Pemkot; "Pemerintah Aceh" (no level
# word): a province's government, as Aceh's official name is written.
_GOVERNMENT = re.compile(
    r"(?<![\w-])(?P<head>[Pp]emerintah (?P<level>Provinsi|Kabupaten|Kota)(?: \((?P<acr>Pem(?:prov|kab|kot|ko))\))?"
    r"|(?P<short>Pemprov|Pemkab|Pemkot|Pemko)|(?P<bare>[Pp]emerintah)) (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})")
# "Startup lokal PT X" opening a sentence: capitalised, only before a legal form (a headline capitalises all).
_STARTUP = re.compile(r"(?<![\w-])(?:start ?up|perusahaan rintisan|Start ?up(?=(?: lokal| digital)? (?:PT|CV) ))"
                      r"(?P<local> lokal| digital| asal [A-Z]\w+)?"
                      r" (?P<name>[A-Z]\w*(?: [A-Z]\w*){0,2})")
_PARTNER = re.compile(r"(?<![\w-])(?:dengan|bersama|gandeng|menggandeng|digelar|dari|oleh|keterbukaan|misi|Gandeng|"
                      r"menggaet|merangkul|menunjuk)"
                      r" (?P<name>[A-Z][a-z]+[A-Z]\w*(?: Shop)?|[A-Z][a-z]{2,}(?: Indonesia| Shop)?)(?![\w-])")
_NOT_PARTNERS = frozenset({"Gerakan", "Program", "Pemerintah", "Kami", "Hub", "Indonesia", "Selasa", "Senin", "Rabu",
                           "Kamis", "Jumat", "Sabtu", "Minggu"})
_KEMEN = re.compile(r"(?<![\w-])Kemen(?!terian)[A-Z]?[a-z]{2,}[A-Za-z]*(?![\w-])")  # Kemenkeu, Kemendag, KemenKopUKM
_LOCAL = re.compile(r"(?<![\w-])(?P<kind>Kecamatan|Distrik|Desa|Kelurahan|Dusun)"  # Distrik: Papua's kecamatan
                    r" (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})")
_LISTED = re.compile(rf"(?<![\w-])(?P<head>{'|'.join(_HEADS)})"
                     r" \((?P<list>[A-Z][\w-]*(?:, [A-Z][\w-]*)*,? dan [A-Z][\w-]*)\)")
_LEGAL_FORMS = frozenset({"Persero", "Tbk"})  # "PT Telkom Indonesia (Persero) Tbk": a legal form, not an acronym
_LEVEL_KIND = {"Provinsi": "province", "Pemprov": "province", "Kabupaten": "regency", "Pemkab": "regency",
               "Kota": "city", "Pemkot": "city", "Pemko": "city"}
_LEVEL_SHORT = {"province": "Pemprov", "regency": "Pemkab", "city": "Pemkot"}
_LEVEL_WORD = {"province": "Provinsi ", "regency": "Kabupaten ", "city": "Kota "}


_NAMED_AFTER_KIND = re.compile(r"(?<![\w-])(?:Sungai|Danau|Selat|Teluk|Gunung|Jalan|Jl\.|Gedung|Rumah|Hotel|"
                               r"Universitas) $")
# "Kecamatan Siak Hulu": a district's name that starts with a region's ("Siak") is the district's alone.
_LOCAL_KIND_BEFORE = re.compile(r"(?<![\w-])(?:Kecamatan|Distrik|Desa|Kelurahan|Kampung|Nagari|Gampong) $")


def places(found: Proposals) -> None:
    """Every region name in the text: the region, or an AmbiguousPlace naming its candidates;
    districts and villages by their kind word ("Desa Pegayaman, Kecamatan Sukasada")."""
    for match in place_pattern().finditer(found.text):
        if _NAMED_AFTER_KIND.search(found.text, max(0, match.start() - 14), match.start()):
            continue  # "Sungai Kapuas", "Jalan Sulawesi": a word of a river's or a street's name, no region
        if _LOCAL_KIND_BEFORE.search(found.text, max(0, match.start() - 11), match.start()) and \
                re.match(r" [A-Z][a-z]", found.text[match.end():match.end() + 3]):
            continue  # "Kecamatan Siak Hulu": not the regency Siak
        if _country_in_a_name(found.text, match):
            continue  # "Bank Indonesia", "Pos Indonesia": a word of a name, not the country
        region = place_item(found, match.group(), Span(match.start(), match.end()))
        if region is not None and region.type in ("Regency", "City"):
            _district_before(found, region, Span(match.start(), match.end()))
    inner: tuple[Item, int] | None = None  # the last local place, where its name ends, when a comma follows
    for match in _LOCAL.finditer(found.text):
        if re.search(r"(?:[Pp]rogram|[Gg]erakan|\b(?!(?:Di|Ke|Dari|Pada|Kepala|Kantor|Balai|Pemerintah|Warga|"
                     r"Perangkat|Sekretaris)\b)[A-Z][\w-]*) $", found.text[max(0, match.start() - 30):match.start()]):
            continue  # "program Desa Digital Mandiri", "Inkubator Desa Digital": part of another name
        ident, label = slug(match["name"]), match["name"]
        if ident in found.items and found.items[ident].type != "Place":  # "Kecamatan Merauke": not the regency
            ident, label = slug(match.group()), match.group()
        item = found.add(Item(ident, "Place", label, Span(match.start(), match.end()),
                              "local-place", 0.7, note=f"A {match['kind'].lower()} named in the text."))
        item.alias(match.group(), Span(match.start(), match.end()))
        if inner is not None and found.text[inner[1]:match.start()] == ", ":
            inner[0].add("within", Value(item.ident))
        inner = (found.items[item.ident], match.end()) if found.text[match.end():match.end() + 2] == ", " else None
        region = _written_after(found, match.end()) if inner is not None else None
        if region is not None and region[0].type in ("Regency", "City"):  # "Kecamatan Tamalate, Makassar"
            item.add("within", Value(region[0].ident, Span(match.start(), region[1]), "local-place-within", 0.6))


_AT_DISTRICT = re.compile(r"(?<![\w-])(?:di|ke|dari|kawasan|wilayah|sekitar) "
                          r"(?P<name>[A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*){0,2})(?![\w-])(?! [A-Z])")


_NOT_DISTRICTS = frozenset({"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                            "Oktober", "November", "Desember", "Kota", "Barat", "Timur", "Utara", "Selatan", "Tengah"})


def bare_districts(found: Proposals) -> None:
    """"di Sentani": a name after a preposition of place that is no region and is the name of
    one kecamatan in all the region data is that district, when the text names its regency or
    province (or a name its regency may be: "Jayapura"); within the regency when the text
    names it (a region the text does not write is never added)."""
    for match in _AT_DISTRICT.finditer(found.text):
        name = match["name"]
        if name in _NOT_DISTRICTS or resolve(name) is not None or found.find_name(name) is not None or any(
                i.span.start <= match.start("name") < i.span.end for i in found.items.values()) or \
                _in_title(found, match.start()):
            continue
        regions = district_regions().get(name, ())
        notes = [i.note or "" for i in found.items.values() if i.type in _PLACE_KINDS]
        province = regions[0].code.split(".")[0] if len(regions) == 1 else ""
        if not province or not any(f"({regions[0].code})" in n or f"region {regions[0].code} " in n
                                   or f"region {province} (" in n for n in notes):
            continue  # not one district, or far from the regions the article is about
        region = regions[0]
        item = found.add(Item(slug(name), "Place", name, Span(match.start("name"), match.end("name")),
                              "district-name", 0.5, note=f"Kecamatan {name} of {region.name} in the region data."))
        within = next((i for i in found.items.values() if i.type in ("Regency", "City")
                       and f"Kemendagri region {region.code} " in (i.note or "")), None)
        if within is not None:
            item.add("within", Value(within.ident))


_NATURAL = ("Sungai", "Danau", "Pantai", "Pulau", "Kampung", "Teluk", "Gunung", "Bukit", "Tanjung", "Lembah")
_LANDMARK = re.compile(rf"(?<![\w-])(?:{'|'.join(_NATURAL)}) [A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*){{0,2}}(?![\w-])")
_WHERE_AFTER = re.compile(r"(?:,| di| yang (?:berada|terletak) di) (?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})")


def landmarks(found: Proposals) -> None:
    """"Danau Sentani", "Pantai Holtekamp", "Kampung Yoboi": a place named by its kind, not part
    of another name; within the region or district written right after it ("Danau Sentani,
    Kabupaten Jayapura", "Pantai Lasiana di Kota Kupang"). An island only with its region
    ("Pulau Seribu Masjid", a byname, is left to the reviewer)."""
    for match in _LANDMARK.finditer(found.text):
        name, known = match.group(), found.find_name(match.group())
        if resolve(name) is not None or _in_title(found, match.start()) or (known is None and any(
                i.span.start <= match.start() < i.span.end for i in found.items.values())) or (
                known is not None and (known.type != "Place" or "within" in known.fields)):
            continue  # a region's name, a word of another name, or a place another rule placed already
        within = _written_after(found, match.end())
        if known is None and within is None and name.startswith("Pulau "):
            continue
        item = known or found.add(Item(slug(name), "Place", name, Span(match.start(), match.end()), "landmark", 0.6,
                                       note="A place named by its kind (lake, beach, island, kampung …)."))
        if within is not None:
            item.add("within", Value(within[0].ident, Span(match.start(), within[1]), "landmark-within", 0.5))


def _written_after(found: Proposals, end: int) -> tuple[Item, int] | None:
    """The region or district written right after a place's name (", Kabupaten Jayapura", " di
    Kota Kupang"), and where its name ends."""
    after = _WHERE_AFTER.match(found.text, end)
    words = after["place"].split(" ") if after else []
    for size in range(len(words), 0, -1):
        place = found.find_name(" ".join(words[:size]))
        if after is not None and place is not None and place.type in _PLACE_KINDS - {"AmbiguousPlace"}:
            return place, after.start("place") + len(" ".join(words[:size]))
    return None


# Indonesia's main islands: "di luar Pulau Jawa" names an island, no region ("Pulau Dewata", a
# byname, is left to the reviewer).
_ISLAND = re.compile(r"(?<![\w-])Pulau (?:Jawa|Sumatera|Sumatra|Kalimantan|Sulawesi|Papua|Madura|Lombok|Sumbawa|Flores|"
                     r"Timor|Bangka|Belitung|Halmahera|Seram|Buton|Nias|Batam|Bintan|Sumba)(?![\w-])")


def islands(found: Proposals) -> None:
    """Islands named with "Pulau": places of their own (an island is no province)."""
    for match in _ISLAND.finditer(found.text):
        found.add(Item(slug(match.group()), "Place", match.group(), Span(match.start(), match.end()), "island", 0.7,
                       note="An island named in the text."))


_LANDMARKS = frozenset({"Pasar", "Hotel", "Gedung", "Stasiun", "Bandara", "Pelabuhan", "Terminal", "Mal", "Mall",
                        "Plaza", "Taman", "Alun-alun", "Kantor", "Masjid", "Kampus", "Rumah", "Jalan", "Jl",
                        *_NATURAL})
_RUN_BEFORE = re.compile(r"(?:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}), $")


def _district_before(found: Proposals, region: Item, written: Span) -> None:
    """"Cakung, Jakarta Timur": a name written just before a regency or city that is one of its
    kecamatan (in the region data) is that district, within the region."""
    start = written.start
    run = _RUN_BEFORE.search(found.text, max(0, start - 60), start)
    code = re.search(r"Kemendagri region ([\d.]+)", region.note or "")
    if run is None or code is None:
        return
    words = run.group()[:-2].split(" ")
    if words[0] in _LANDMARKS:
        return  # "Pasar Tanah Abang, Jakarta Pusat": a landmark named after the district, not the district
    for size in (3, 2, 1):
        name = " ".join(words[-size:])
        known = found.items.get(slug(name))
        if len(words) >= size and name in districts(code.group(1)) and (known is None or known.type == "Place"):
            at = run.start() + len(" ".join(words[:-size])) + (1 if len(words) > size else 0)
            item = found.add(Item(slug(name), "Place", name, Span(at, written.end), "district-of-region",
                                  0.6, note=f"Kecamatan {name} ({districts(code.group(1))[name]}) in the region data."))
            item.add("within", Value(region.ident))
            return


def place_item(found: Proposals, name: str, span: Span) -> Item | None:
    """The place a written region name means (added to the proposals), if it is one."""
    meaning = resolve(name)
    if meaning is None:
        return None
    if meaning.ambiguous:
        codes = ", ".join(f"{r.name} ({r.code})" for r in meaning.candidates)
        item = Item(slug(name), "AmbiguousPlace", name, span, "region-ambiguous", 0.6,
                    note=f"Candidates in the Kemendagri region data: {codes}.")
        return found.add(item)
    region = meaning.candidates[0]
    if region.kind == "province":
        ident, label = slug(region.name), region.name if region.name in name else name
    else:
        short = bare(region) if bare(region) in name else re.sub(r"^(?:Kabupaten|Kab\.|Kota) ", "", name)
        same = resolve(short)  # "Tebingtinggi", written closed up, keeps the text's spelling
        if not meaning.explicit or (same is not None and same.candidates == (region,)):
            ident, label = slug(short), short
        else:  # "Kota Yogyakarta": the bare name means another region (the province)
            ident, label = slug(name), name
    rule = "region-explicit" if meaning.explicit else "region-name"
    ident = _known_region(found, TYPE_OF_KIND[region.kind], (region.name, name)) or ident
    item = found.add(Item(ident, TYPE_OF_KIND[region.kind], label, span, rule,
                          0.8 if meaning.explicit else 0.7, note=f"Kemendagri region {region.code} ({region.name})."))
    item.alias(name, span)
    return item


def _known_region(found: Proposals, type_name: str, names: tuple[str, ...]) -> str | None:
    """The id the graph already gives this region ("kota-kendari", known as "Kota Kendari" and
    "Kendari"), so that it is not proposed twice under two ids."""
    return next((i.ident for i in found.items.values() if i.rule == "known-entity" and i.type == type_name
                 and any(n == i.label or n in i.aliases for n in names)), None)


def organisations(found: Proposals, cores: dict[str, str]) -> None:
    """Organisations by shape; `cores` maps a name's core (head + acronym) to its entity id."""
    for match in _GOVERNMENT.finditer(found.text):
        _government(found, match)
    _short_governments(found)
    position, units, parent_end = 0, [], -1
    while (match := _HEAD.search(found.text, position)) is not None:
        name = _trim(found.text[match.start():_extend(found.text, match.end())])
        if match.start() < parent_end:  # "Universitas Sebelas Maret" of "… (FEB UNS)": the unit's short form
            name = found.text[match.start():parent_end]
        # "Lembaga Penelitian dan Pengabdian …": a unit's head the shape read as a shorter one ("Lembaga")
        head = next((h for h in _UNIT_HEADS if len(h) > len(match["head"]) and name.startswith(f"{h} ")), match["head"])
        position = max(match.start() + len(name), match.start() + len(head) + 1)  # "Bank X dan PT Y": Y too
        unit = _SUB_UNIT.match(name) if head in _UNIT_HEADS else None
        is_unit = unit is not None
        if unit is not None:  # the unit, then its parent on its own
            both = re.search(r" \([A-Za-z]+ [A-Za-z]+\)$", name)  # "(FEB UNS)": the unit's and its parent's
            parent_end = match.start() + both.start() if both else -1
            position, name = match.start() + unit.start("parent"), re.sub(r" \([A-Za-z]+\)$", "", name)
        elif head in _CENTRES and (parent_at := _known_parent(found, name)) is not None:
            is_unit, position = True, match.start() + parent_at  # "… FEB UNS": a parent named before, by its short form
        elif head in _UNIT_HEADS:
            position = match.start() + len(head) + 1  # no parent named: no unit, but other names inside
        if name == head or re.match(_HALL, name) or _hall_at(found.text, match.start(), name) or \
                len(name.split()) < _FEWEST_WORDS.get(head, 2) or \
                re.match(r"Forum (?:Group|Diskusi|Discussion)\b", name):  # "Forum Group Discussion": a meeting
            continue
        if head in _UNIT_HEADS and (not is_unit or (head not in _CENTRES and _POST_BEFORE.search(found.text, 0,
                                                                                                   match.start()))):
            continue  # "Kepala Bidang Aplikasi Informatika Diskominfo …": words of a post, not a unit
        if _in_title(found, match.start()) and found.text.count(name) == 1:
            continue  # a headline's Title Case runs into its verbs ("Kementerian Koperasi Gandeng Bank …")
        span = Span(match.start(), match.start() + len(name))
        kind = next((k for start, k in _KIND_BY_START.items() if name.startswith(start)), _HEADS[head])
        _named_org(found, name, kind, span, cores, "org-shape")
        if is_unit:
            units.append((name, span, position))
    _part_of_parents(found, units)
    _offices_written_short(found)
    _one_office_two_names(found)
    _short_in_parentheses(found)
    _teams_of(found)
    orgs = {start: item for start, _, item in mentions(found, frozenset({"Company"}))}
    for match in _STARTUP.finditer(found.text):
        if match.start("name") in orgs:  # "startup lokal PT Kapuas Teknologi Nusantara": the company is one
            orgs[match.start("name")].type = "Startup"
            continue
        if match["local"]:
            continue
        span = Span(match.start("name"), match.end("name"))
        item = found.add(Item(slug(match["name"]), "Startup", match["name"], span, "startup-cue", 0.7))
        item.span = Span(match.start(), match.end())
    for match in _LISTED.finditer(found.text):
        _listed(found, match)
    _acronym_mentions(found, cores)
    longer = {n for i in found.items.values() for n in (i.label, *i.aliases) if n.startswith("Kemen")}
    for match in _KEMEN.finditer(found.text):
        if any(found.text.startswith(n, match.start()) and len(n) > len(match.group()) for n in longer):
            continue  # "Kemenkop" of "Kemenkop UKM": a word of a longer short form
        if found.find_name(match.group()) is None and not _in_title(found, match.start()):
            found.add(Item(slug(match.group()), "Ministry", match.group(), Span(match.start(), match.end()),
                           "ministry-short", 0.6))


_SHORT_WORDS = re.compile(r" \((?P<short>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\)")


def _short_in_parentheses(found: Proposals) -> None:
    """"PT Noken Data Nusantara (Noken Data)": words of the name in parentheses are the short name
    the text uses for it."""
    for _, end, item in mentions(found, frozenset({"Company", "Startup", "Organization"})):
        match = _SHORT_WORDS.match(found.text, end)
        if match is not None and set(match["short"].split()) <= set(item.label.split()[1:]):
            item.alias(match["short"], Span(match.start("short"), match.end("short")))


# "Balai Kota", "Balai Desa Kuta": a building, no office (the venue rule proposes it).
_HALL = r"Balai (?:Kota|Desa|Adat|Warga|Pertemuan|Banjar|Kampung|Rakyat|Sidang|Kelurahan)\b"
_HALL_THEN_REGION = re.compile(r", (?:Kota|Kabupaten|Kab\.) [A-Z]")


def _hall_at(text: str, start: int, name: str) -> bool:
    """"di Balai Meusapat, Kota Banda Aceh": a Balai where something happens, its city written after
    it, is a hall (the venue rule proposes it), not an office; so is "di Balai Latihan Kerja Kota X",
    a training centre people come to."""
    return name.startswith("Balai ") and text[max(0, start - 3):start] == "di " and (
        _HALL_THEN_REGION.match(text, start + len(name)) is not None or name.startswith("Balai Latihan Kerja "))


_PLACE_KINDS = frozenset({"AmbiguousPlace", "City", "Regency", "Province", "Place"})
_REGION_KINDS = frozenset({"AmbiguousPlace", "City", "Regency", "Province"})
_LEVEL_POST = re.compile(r"(?:Wakil )?(?:Bupati|Wali ?[Kk]ota) ")  # "Bupati Kediri": the regency
_ORG_TYPES = frozenset(_HEADS.values()) | {"Ministry", "Startup", "RegionalGovernment", "ProvincialGovernment"}


# Companies, whose names may hold a region's without being there ("Komunitas Jakpreneur Cakung" is in
# Cakung; a government office serves the region its name ends with).
_NAMED_BY_PLACES = frozenset({"Company", "Startup"})
_UNIVERSITIES = ("Universitas", "Institut", "Politeknik", "Sekolah Tinggi")  # named after a region, not a mention


def untangle(found: Proposals) -> None:
    """Names the earlier rules took too far, once the people are known: a region's name written
    only inside people's names ("Bima" of "Bima Laga") is no place, nor one written only inside
    the names of governments and their heads, which say which region it is ("Kediri" of "Pemkot
    Kediri", "Bupati Kediri"; the province "Gorontalo" of "Pemkot Gorontalo"), nor inside the names
    of companies ("PT Batanghari Data") or universities ("Universitas Bangka Belitung"); an organisation's
    name that runs into a person's ("Dinas … Provinsi Bali I Wayan Sudana") ends before it."""
    people = [i for i in found.items.values() if i.type == "Person"]
    spans = [(m.start(), m.end()) for person in people for name in (person.label, *person.aliases)
             for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", found.text)]
    governed = [(s, e) for s, e, _ in mentions(found, frozenset({"RegionalGovernment"}))] + [
        (i.span.start, i.span.end) for i in found.items.values() if i.type == "Post" and _LEVEL_POST.match(i.label)]
    spans += [(s, e) for s, e, i in mentions(found, _NAMED_BY_PLACES | {"Organization"})  # "PT Batanghari Data"
              if i.type in _NAMED_BY_PLACES or i.label.startswith(_UNIVERSITIES)]  # "Universitas Bangka Belitung"
    used = {str(v.value) for i in found.items.values() for values in i.fields.values() for v in values}
    for item in [i for i in found.items.values() if i.type in _PLACE_KINDS and i.ident not in used]:
        written = [m for name in {item.label, *item.aliases}
                   for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", found.text)]
        inside = spans + governed if item.type in _REGION_KINDS else spans
        if written and all(any(s <= m.start() and m.end() <= e for s, e in inside) for m in written):
            del found.items[item.ident]
    for item in [i for i in found.items.values() if i.rule == "org-shape"]:
        person = next((p for p in people if item.label.endswith(" " + p.label)), None)
        if person is not None:
            del found.items[item.ident]
            item.label = item.label[:-len(person.label) - 1]
            item.ident, item.span = slug(item.label), Span(item.span.start, item.span.start + len(item.label))
            named = found.find_name(item.label)  # "Asosiasi … Go Digital (AUSGD)", named in full before
            if named is None or named.type not in _ORG_TYPES:
                found.add(item)


def _known_parent(found: Proposals, name: str) -> int | None:
    """Where, in a unit's name, the name of an organisation proposed before it begins."""
    ends = [len(name) - len(n) for i in found.items.values() if i.type in _ORG_TYPES
            for n in (i.label, *i.aliases) if name.endswith(" " + n)]
    return min(ends) if ends else None


def _part_of_parents(found: Proposals, units: list[tuple[str, Span, int]]) -> None:
    """A unit named with its parent is part of it; the unit's acronym with the parent's short
    name ("FEB Uncen") is the unit's alias where the text writes it."""
    for name, span, parent_at in units:
        unit = found.find_name(name) or found.find_name(re.sub(r" \([A-Za-z]+(?: [A-Za-z]+)?\)", "", name))
        written = sorted(((len(n), i) for i in found.items.values() if i.type in _ORG_TYPES and i is not unit
                          for n in (i.label, *i.aliases) if found.text.startswith(n, parent_at)), key=lambda p: p[0])
        if unit is None or not written:
            continue
        parent = written[-1][1]
        unit.add("part_of", Value(parent.ident, span, "unit-named-with-parent", 0.6))
        own = re.search(r"\((?P<acr>[A-Za-z]{2,12})\)", found.text[span.start:parent_at])
        shorts = [f"{own['acr']} {short}" for short in parent.aliases] if own is not None else []
        for short in shorts:
            at = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", found.text)
            if at is not None:
                unit.alias(short, Span(at.start(), at.end()))


_TEAM_OF = re.compile(r"(?<![\w-])[Tt]im (?:(?:[a-z]+|Survei|Peneliti|Riset|Ahli|Pakar|Kerja|Pendamping|Teknis) ){1,2}"
                      r"(?P<of>[A-Z][\w-]*(?: [A-Z][\w-]*){0,5})")


def _teams_of(found: Proposals) -> None:
    """"Tim survei FEB Uncen", "tim peneliti Universitas Pattimura": the team of the organisation
    named after it (the longest proposed name its words start with)."""
    for match in _TEAM_OF.finditer(found.text):
        words = match["of"].split(" ")
        for size in range(len(words), 0, -1):
            owner = found.find_name(" ".join(words[:size]))
            if owner is not None:
                break
        if owner is None or owner.type not in _ORG_TYPES:
            continue
        end = match.start("of") + len(" ".join(words[:size]))
        label = found.text[match.start():end]
        team = found.add(Item(slug(label), "Team", label[0].upper() + label[1:], Span(match.start(), end),
                              "team-of-organisation", 0.6))
        team.add("team_of", Value(owner.ident, Span(match.start(), end), "team-of-organisation", 0.6))


def _in_title(found: Proposals, offset: int) -> bool:
    """True inside the headline, the subheadline or a "Baca juga" headline, where every word is
    capitalised."""
    return any(value.span is not None and value.span.start <= offset < value.span.end
               for key, value in found.article.items() if key in ("headline", "subheadline")) or any(
        span.start <= offset < span.end for _, span in found.related)


def _listed(found: Proposals, match: re.Match[str]) -> None:
    """"lima Bakorwil (Malang, Jember, … dan Madiun)": one office per place listed, located there."""
    names = re.split(r",? dan |, ", match["list"])
    places_found = [found.find_name(n) for n in names]
    if not all(p is not None and p.type in ("Province", "Regency", "City", "AmbiguousPlace") for p in places_found):
        return
    span = Span(match.start(), match.end())
    for name, place in zip(names, places_found, strict=True):
        item = found.add(Item(slug(f"{match['head']} {name}"), _HEADS[match["head"]], f"{match['head']} {name}", span,
                              "listed-offices", 0.6))
        item.add("location", Value(place.ident))  # type: ignore[union-attr]


_COURTING = re.compile(r"(?:menggandeng|bermitra dengan|bekerja ?sama dengan|berkolaborasi dengan|menggaet|merangkul|"
                       r"didukung oleh|menunjuk) $", re.IGNORECASE)


def partners(found: Proposals, taken: set[str]) -> None:
    """Companies named after a partnering cue ("dengan TikTok", "digelar Lazada"): low confidence;
    named more than once, written in CamelCase, or courted ("menggandeng Gojek")."""
    for match in _PARTNER.finditer(found.text):
        name = match["name"]
        if found.text[match.end():match.end() + 2].strip()[:1].isupper() or name in _NOT_PARTNERS:
            continue
        if name in taken or resolve(name) or found.find_name(name) or name.split()[0] in taken or \
                name in district_regions():  # "dari Martapura": a kecamatan's name, no company's
            continue
        owner = _short_of(found, name)
        if owner is not None:  # "Telkom" of "PT Telkom Indonesia (Persero) Tbk"
            owner.alias(name, Span(match.start("name"), match.end("name")))
            continue
        count = len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", found.text))
        camel = re.search(r"[a-z][A-Z]", name) is not None
        courted = _COURTING.search(found.text[max(0, match.start() - 25):match.start("name")]) is not None
        if count >= 2 or camel or courted:
            found.add(Item(slug(name), "Company" if " Shop" not in name else "Organization", name,
                           Span(match.start("name"), match.end()), "partner-cue", 0.5))  # not "Gandeng TikTok"


def _short_of(found: Proposals, name: str) -> Item | None:
    """The one company or bank whose name, after PT/CV/Bank, starts with this short name."""
    owners = [item for item in found.items.values() if item.type == "Company"
              and re.match(rf"(?:PT|CV|Perum|Perumda|Bank) {re.escape(name)}(?![\w-])", item.label)]
    return owners[0] if len(owners) == 1 else None


_SEGMENT = re.compile(rf", (?:dan )?{_RUN}")


def _extend(text: str, end: int) -> int:
    """A name listing its parts ("Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim") runs
    on over commas when the list closes with "dan"; otherwise it ends at the comma."""
    position = end
    for _ in range(6):
        segment = _SEGMENT.match(text, position)
        if segment is None:
            return end
        position = segment.end()
        if " dan " in segment.group() or segment.group().startswith(", dan "):
            return position
    return end


_NEXT_NAME = re.compile(rf"\.\s|,? (?:dan|serta|&) (?=(?:{'|'.join(_HEADS)}|Pemprov|Pemkab|Pemkot|Pemerintah) [A-Z])")


# "Dinas Koperasi Kota Jayapura dan Noken Data menandatangani …": a region's name ends an office's; "dan"
# after it joins the next party.
_REGION_THEN = re.compile(r"(?<![\w-])(?P<region>(?:Kota|Kabupaten|Provinsi) [A-Z][\w-]*(?: [A-Z][\w-]*){0,2}),? "
                          r"(?:dan|serta) [A-Z]")


def _trim(name: str) -> str:
    """A name ends before a trailing connector, at a sentence's end, and before "dan" that joins
    the next organisation ("Bank Jatim dan PT Pos Indonesia")."""
    titled = _TITLED.search(name)  # "Rektor Universitas Mulawarman Prof. Dr. Abdunnur": a person's titles start
    name = name[:titled.start()] if titled else name
    cut = _NEXT_NAME.search(name)
    name = name[:cut.start()] if cut else name
    region = next((m for m in _REGION_THEN.finditer(name) if resolve(m["region"]) is not None), None)
    name = name[:region.end("region")] if region else name
    words = name.split(" ")
    while words and words[-1] in ("dan", "&"):
        words.pop()
    return " ".join(words).rstrip(".,")


def _government(found: Proposals, match: re.Match[str]) -> None:
    """Pemerintah Provinsi (Pemprov) DKI Jakarta / Pemkab Buleleng: the government of a region."""
    kind = _LEVEL_KIND[match["level"] or match["short"] or "Provinsi"]
    found_region = _governed(match["place"], kind, bare_word=match["bare"] is not None)
    if found_region is None:
        return
    region, place_name = found_region
    end = match.start("place") + len(place_name)
    span = Span(match.start(), end)
    written = found.text[span.start:span.end]
    full = match["level"] is not None
    label = re.sub(r" \(Pem\w+\)", "", written) if full else written
    label = label[0].upper() + label[1:]
    item = Item(f"{_LEVEL_SHORT[kind].lower()}-{slug(bare(region))}",
                "ProvincialGovernment" if kind == "province" else "RegionalGovernment",
                label, span, "government-shape", 0.8 if full else 0.7)
    item = found.add(item)
    if full and item.label != label and label not in item.aliases:
        item.alias(label, span)
    if match["acr"]:
        item.alias(f"{match['acr']} {place_name}", span)
    meaning = resolve(place_name)
    if meaning is not None and meaning.candidates == (region,):
        place = place_item(found, place_name, Span(match.start("place"), end))
    else:  # "Pemkot Jayapura" (a Kota and a Kabupaten), "Pemkot Gorontalo" (a province too): the level says which
        place = _by_level(found, region, place_name, Span(match.start("place"), end))
    if place is not None:
        item.add("jurisdiction", Value(place.ident))


def _governed(written: str, kind: str, bare_word: bool) -> tuple[Region, str] | None:
    """The region of `kind` the words after a government's head name, and its name as written (the
    longest that is one). After a bare "Pemerintah" the longest region name must be a province's:
    "Pemerintah Aceh Besar" is no government of Aceh."""
    words = written.split(" ")
    for size in range(len(words), 0, -1):
        place_name = " ".join(words[:size])
        named = (*regions_named(place_name), *([] if bare_word else regions_named(_LEVEL_WORD[kind] + place_name)))
        region = next((r for r in named if r.kind == kind), None)
        if region is not None or (bare_word and named):
            return (region, place_name) if region is not None else None
    return None


def _offices_written_short(found: Proposals) -> None:
    """"Dinas Perdagangan (Disdag) Sumatera Selatan …, yang dijalankan Dinas Perdagangan bagi …": an office
    written again without its region is the one office of the text whose name is that and a region (a
    national body, "Bank Indonesia", is no short form of its regional office's name)."""
    for short in [i for i in found.items.values() if i.type == "Dinas" and i.rule == "org-shape"]:
        longer = [i for i in found.items.values() if i is not short and i.type == short.type and any(
            n.startswith(short.label + " ") and resolve(_REGION_WORD.sub("", n[len(short.label) + 1:])) is not None
            for n in (i.label, *i.aliases))]
        if len(longer) == 1 and not short.fields:
            for name, span in ((short.label, short.span), *short.aliases.items()):
                longer[0].alias(name, span)
            del found.items[short.ident]


_REGION_WORD = re.compile(r"^(?:Provinsi|Kabupaten|Kota) ")
# Words an office's name spells out or shortens: "UKM" is "Usaha Kecil dan Menengah".
_SPELLED = {"ukm": "usaha kecil menengah", "umkm": "usaha mikro kecil menengah", "kominfo": "komunikasi informatika"}
_FILLERS = frozenset({"dan", "provinsi", "&"})


def _office_key(name: str) -> str:
    """An office's name with its short forms spelled out and its joining words, commas and
    bracketed short form left out: "Dinas Koperasi, Usaha Kecil dan Menengah (Diskop UKM) Sulawesi
    Tengah" and "Dinas Koperasi dan UKM Sulteng" have one key."""
    words = []
    for word in re.findall(r"[\w-]+", re.sub(r"\([^)]*\)", " ", name)):
        word = PROVINCE_SHORT.get(word, word).lower()
        words += [] if word in _FILLERS else _SPELLED.get(word, word).split()
    return " ".join(words)


def _one_office_two_names(found: Proposals) -> None:
    """One office written in two ways (its short forms spelled out, or not) is one entity: a name
    nothing was said of yet is an alias of the other (the one named first when neither has a say)."""
    named: dict[str, list[Item]] = {}
    for office in sorted((i for i in found.items.values() if i.type == "Dinas"), key=lambda i: i.span.start):
        named.setdefault(_office_key(office.label), []).append(office)
    for same in named.values():
        keeper = next((o for o in same if o.fields), same[0])
        for office in (o for o in same if o is not keeper and not o.fields):
            for name, span in ((office.label, office.span), *office.aliases.items()):
                keeper.alias(name, span)
            del found.items[office.ident]


def _short_governments(found: Proposals) -> None:
    """"Pemerintah Kota (Pemkot) Kendari …, kolaborasi Pemkot dengan …": "Pemkot" alone is the one
    government of that level the article names."""
    for short in (*_LEVEL_SHORT.values(), "Pemko"):
        named = [i for i in found.items.values() if i.rule == "government-shape"
                 and any(n.startswith(short + " ") for n in (i.label, *i.aliases))]
        alone = re.search(rf"(?<![\w(-]){short}(?![\w)-])(?! [A-Z(])", found.text)
        if len(named) == 1 and alone is not None:
            named[0].alias(short, Span(alone.start(), alone.end()))


def _by_level(found: Proposals, region: Region, name: str, span: Span) -> Item:
    """The region a government's level picks out of a name both a Kota and a Kabupaten bear
    ("Pemkot Kediri": Kota Kediri): the one the text writes with its kind, else a place with
    the name as written (its evidence has no "Kota")."""
    explicit = found.find_name(_LEVEL_WORD[region.kind] + name)
    if explicit is not None:
        return explicit
    return found.add(Item(slug(_LEVEL_WORD[region.kind] + name), TYPE_OF_KIND[region.kind], name, span,
                          "region-by-level", 0.7,
                          note=f"Kemendagri region {region.code} ({region.name}): the government's level says which."))


def _initials(words: str) -> str:
    """"Kelompok Usaha Bersama" -> "KUB": the capitals its words open with."""
    return "".join(word[0] for word in words.split() if word[:1].isupper())


def _named_org(found: Proposals, name: str, kind: str, span: Span, cores: dict[str, str], rule: str) -> None:
    acronym = next((m for m in re.finditer(ACRONYM, name) if m["acr"] not in _LEGAL_FORMS), None)
    head = name.split(" ")[0]
    if acronym and _region_after(found, name, acronym, kind, span, cores):
        return
    if acronym:
        core = f"{head} {acronym['acr']}".lower()
        at_end = name.endswith(acronym.group())
        label = name[:acronym.start()].rstrip(" ,") if at_end else name
        ident = cores.get(core) or (cores.get(label.lower()) if at_end else None) or \
            slug(f"{head} {acronym['acr']}" if not at_end else acronym["acr"])  # "Bank Indonesia", then "… (BI)"
        cores[core] = ident
        cores[acronym["acr"].lower()] = ident
        cores.setdefault(label.lower(), ident)  # the long form written again without its acronym
        unit = not at_end and _SUB_UNIT.match(name) is not None  # "Fakultas Ekonomi dan Bisnis (FEB) Universitas X"
        kind_short = not at_end and _initials(name[:acronym.start()]) == acronym["acr"]  # "Kelompok Usaha Bersama
        if unit or kind_short:  # (KUB) Emping Sari": named without its short form, which is its alias
            label = f"{name[:acronym.start()].rstrip()} {name[acronym.end():].lstrip()}"
        item = found.add(Item(ident, kind, label, span, "acronym-defined", 0.8))
        if at_end or unit:
            item.alias(acronym["acr"], span)
        if unit or kind_short:
            item.alias(name, span)
        if kind_short:  # "KUB Emping Sari", where the text writes it so
            short = f"{acronym['acr']} {name[acronym.end():].lstrip()}"
            at = found.text.find(short, span.end)
            item.alias(short, Span(at, at + len(short)) if at >= 0 else span)
        if at_end:
            _jurisdiction_named(found, item, acronym["acr"], span)
        return
    core = " ".join(name.split(" ")[:2]).lower()
    ident = cores.get(name.lower()) or cores.get(core) or slug(name)
    item = found.add(Item(ident, kind, name, span, rule, 0.7))
    cores.setdefault(name.lower(), item.ident)


_REGION_LAST = re.compile(r"(?:Provinsi|Kabupaten|Kota) [A-Z][\w-]*(?: [A-Z][\w-]*){0,2}$")


def _jurisdiction_named(found: Proposals, item: Item, short: str, span: Span) -> None:
    """"Dinas Kelautan dan Perikanan Provinsi Maluku Utara (DKP Malut)": an office whose name ends
    with a region, its short form naming that region too, serves it (its jurisdiction)."""
    region = _REGION_LAST.search(item.label)
    if item.type not in ("Dinas", "GovernmentOffice") or region is None or " " not in short:
        return
    meaning, also = resolve(region.group()), resolve(short.split(" ", 1)[1])
    if meaning is None or also is None or meaning.candidates[0] not in also.candidates:
        return
    at = span.start + region.start()
    place = place_item(found, region.group(), Span(at, at + len(region.group())))
    if place is not None:
        item.add("jurisdiction", Value(place.ident, span, "acronym-defined", 0.6))


def _region_after(found: Proposals, name: str, acronym: re.Match[str], kind: str, span: Span,
                  cores: dict[str, str]) -> bool:
    """"Dinas Komunikasi dan Informatika (Diskominfo) Kalbar": the short form sits inside the
    name, before the region the office serves. The label is the name without it, the short form
    with the region ("Diskominfo Kalbar") its alias, the region its jurisdiction."""
    rest = name[acronym.end():].strip()
    if kind not in ("Dinas", "GovernmentBody", "GovernmentOffice") or not rest or resolve(rest) is None or \
            acronym["acr"][0] != name[0]:  # "(UKM)" of "Usaha Kecil dan Menengah": a part's short form
        return False
    label = f"{name[:acronym.start()].rstrip(' ,')} {rest}"
    short = f"{acronym['acr']} {rest}"
    before = found.find_name(label)  # "Kepala Dinas Perdagangan Kota X …" first, "(Disdag)" later: one office
    ident = cores.get(short.lower()) or (before.ident if before is not None and before.type == kind else None) or \
        slug(f"{acronym['acr']} {rest.removeprefix('Provinsi ')}")
    for key in (short, label, f"{name.split(' ')[0]} {acronym['acr']}", acronym["acr"]):
        cores.setdefault(key.lower(), ident)
    item = found.add(Item(ident, kind, label, span, "acronym-inside-name", 0.8))
    item.alias(short, span)
    alone = re.search(rf"(?<![\w(-]){re.escape(acronym['acr'])}(?![\w)-])(?! {re.escape(rest)})", found.text)
    head = Span(span.start, span.start + acronym.end())
    parent = _national_parent(found, name[:acronym.start()].rstrip(" ,"), acronym["acr"], head) \
        if _NATIONAL.match(name) else None
    if parent is not None:
        item.add("part_of", Value(parent.ident, span, "acronym-inside-name", 0.6))
    elif alone is not None:  # "berkolaborasi dengan Distanbun": the short form on its own
        item.alias(alone.group(), Span(alone.start(), alone.end()))
    at = span.start + acronym.end() + 1
    place = place_item(found, rest, Span(at, at + len(rest)))
    if place is None:
        return True
    item.add("jurisdiction", Value(place.ident, span, "acronym-inside-name", 0.6))
    bare_name = re.sub(r"^(?:Kabupaten|Kota|Provinsi) ", "", rest)
    written = re.search(rf"(?<![\w-]){re.escape(acronym['acr'])} {re.escape(bare_name)}(?![\w-])", found.text)
    if written is not None:  # "(Diskominfo) Kota Makassar", later "Diskominfo Makassar"
        item.alias(written.group(), Span(written.start(), written.end()))
    return True


# National bodies with offices in the provinces: "Otoritas Jasa Keuangan (OJK) Provinsi Aceh" is the OJK's
# office there (a Dinas or a "Badan … Daerah" is the region's own).
_NATIONAL = re.compile(r"(?:Otoritas|Badan Pusat Statistik|Badan Pengawas Obat|Lembaga Penjamin Simpanan|"
                       r"(?:Badan|Lembaga)(?: [A-Z]\w*)+ Nasional)(?![\w-])")


def _national_parent(found: Proposals, label: str, acronym: str, span: Span) -> Item:
    """The national body an office's name opens with ("Otoritas Jasa Keuangan (OJK)"): its short
    form, on its own in the text, names the body, not the office."""
    parent = found.add(Item(slug(acronym), "GovernmentBody", label, span, "national-parent", 0.6))
    parent.alias(acronym, span)
    return parent


def _acronym_mentions(found: Proposals, cores: dict[str, str]) -> None:
    """A defined acronym used on its own later ("Komdigi", "MJC") is an alias of its entity."""
    for key, ident in sorted(cores.items()):
        if " " in key or ident not in found.items:
            continue
        item = found.items[ident]
        whole = re.findall(r"^\S+ (\w)[^(]*\(([A-Za-z]+)\)", item.label)  # it stands for the whole name
        written = [*item.aliases, item.label,  # "Distanbun", "Brida": the acronym starts with the head too
                   *(acr for first, acr in whole if acr[0] in (first, item.label[0]))]
        acronym = next((a for a in written if a.lower() == key), None)
        if acronym is None:
            continue
        for match in re.finditer(rf"(?<![\w(-]){re.escape(acronym)}(?![\w)-])", found.text):
            item.alias(acronym, Span(match.start(), match.end()))
            break


def known_entities(found: Proposals, gazetteer: dict[str, tuple[str, str]]) -> None:
    """Entities the built graph already has, found by label or alias: their ids are reused. Not
    from a web address ("KabarIndonesia.com", "x.com/indonesia") nor from the lines above the
    dateline other than the headlines (a section, an outlet's line): there the text speaks of nothing."""
    if not gazetteer:
        return
    names = sorted(gazetteer, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w./@-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-]|\.[A-Za-z])")
    titles = [v.span for k, v in found.article.items() if k in ("headline", "subheadline") and v.span is not None]
    for match in _limited(pattern.finditer(found.text)):
        if match.start() < found.body_start() and not any(t.start <= match.start() < t.end for t in titles):
            continue
        ident, type_name = gazetteer[match.group()]
        if type_name == "Country" and _country_in_a_name(found.text, match):
            continue
        found.add(Item(ident, type_name, match.group(), Span(match.start(), match.end()), "known-entity", 0.9))


def _country_in_a_name(text: str, match: re.Match[str]) -> bool:
    """"Indonesia" after a capitalised word ("Bank Indonesia", "PT Pos Indonesia") is a word of that name."""
    return match.group() == "Indonesia" and re.search(r"(?<![\w-])[A-Z][\w-]* $", text[max(0, match.start() - 30):
                                                                                       match.start()]) is not None


def _limited(matches: Iterator[re.Match[str]], limit: int = 5000) -> Iterator[re.Match[str]]:
    for count, match in enumerate(matches):
        if count >= limit:
            return
        yield match


# "PT Warung Saku Nusantara, perusahaan rintisan asal Kota X yang lebih dikenal dengan nama Warungsaku",
# "…, atau lebih dikenal sebagai Y", "… alias Y": the name the organisation goes by, no second one.
_KNOWN_AS = re.compile(r"(?:,? yang|,? atau)? (?:lebih |juga |biasa )?dikenal (?:dengan nama |dengan sebutan |sebagai )"
                       r"(?P<a>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})(?=[,.;)]|\s*$| yang )"
                       r"| alias (?P<b>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})(?![\w'-]| [A-Z])", re.MULTILINE)
_OWNERS = frozenset({"Company", "Startup", "Organization"})


def better_known(found: Proposals) -> None:
    """The name an organisation is better known by is its alias: the organisation named last
    before the words in their sentence (a company, startup or organisation; places between are its own)."""
    for match in _KNOWN_AS.finditer(found.text):
        name, at = match["a"] or match["b"], match.start("a") if match["a"] else match.start("b")
        sentence = max(found.text.rfind(". ", 0, match.start()), found.text.rfind("\n", 0, match.start()))
        named = [m for m in mentions(found) if sentence < m[0] and m[1] <= match.start()]
        owners = [m for m in named if m[2].type not in _PLACE_KINDS]  # "asal Kota X yang …": a place is no owner
        if not owners or owners[-1][2].type not in _OWNERS or resolve(name) is not None:
            continue
        if re.search(r"[A-Z]", _blanked(found.text, owners[-1][1], match.start(), named)):
            continue  # "PT X mengundang Ahmad Fauzi, yang dikenal …": a name no rule proposed is nearer
        owner, other = owners[-1][2], found.find_name(name)
        if other is not None and other is not owner:
            continue  # already something else: left to the reviewer
        owner.alias(name, Span(at, at + len(name)))


def _blanked(text: str, start: int, end: int, named: list[tuple[int, int, Item]]) -> str:
    """The text between `start` and `end` with the names proposed in it blanked out."""
    out = text[start:end]
    for at, stop, _ in named:
        if start <= at and stop <= end:
            out = out[:at - start] + " " * (stop - at) + out[stop - start:]
    return out
