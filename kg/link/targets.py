"""What `kg link` reconciles against, each read into plain records.

A small registry, in the manner of rdflib's plugins: `regions` (the Kemendagri dataset that
ships with the graph), `rdf:FILE` (any RDF file), `csv:FILE` and `sparql:URL`. Every reader
either returns all its records or raises TargetError; nothing is written before that.
"""

from __future__ import annotations

import csv
import json
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.util import guess_format

from kg.errors import EndpointError, KgError, QueryTimeout
from kg.exchange import exchange
from kg.link.regions import RegionCodeError, load_regions, normalise_code, package_page
from kg.namespaces import KG, SCHEMA, Iris

KIND_OF_CLASS = {KG.Province: "province", KG.Regency: "regency", KG.City: "city", SCHEMA.Country: "country"}
_KIND_WORDS = {
    "province": "province", "provinsi": "province", "regency": "regency", "kabupaten": "regency",
    "kab": "regency", "city": "city", "kota": "city", "district": "district", "kecamatan": "district",
    "distrik": "district", "country": "country", "negara": "country",
}
CSV_COLUMNS = ("id", "label")
CSV_OPTIONAL = ("aliases", "kind", "parent", "code")
TIMEOUT = 10  # seconds for the whole exchange with a sparql: target
MAX_ANSWER = 64 * 2**20  # bytes of its answer; a reconciliation target is a list of names, not a dump
# Asks an RDF file or endpoint for labelled things with what the reconciler can use of them.
DEFAULT_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/ekodigi/def#>
SELECT ?item ?label ?kind ?parent ?code WHERE {
  ?item rdfs:label|skos:prefLabel|skos:altLabel|schema:name ?label .
  OPTIONAL { ?item a ?kind }
  OPTIONAL { ?item kg:within|schema:containedInPlace ?up . ?up rdfs:label|skos:prefLabel|schema:name ?parent }
  OPTIONAL { ?item kg:regionCode ?code }
}
"""


class TargetError(KgError):
    """A link target cannot be used: unreadable or malformed, missing columns, an endpoint
    that is down or answers garbage. Raised before anything is written."""


@dataclass(frozen=True)
class Record:
    """One thing of the target: its IRI, names, kind, and the province it lies in (if known)."""

    iri: URIRef
    label: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    province: str | None = None
    code: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Target:
    """A dataset to link to: the linkset's name, a title, its records, and the dataset's IRI
    (None for a local file, which the linkset then describes under its own IRI)."""

    name: str
    title: str
    iri: URIRef | None
    records: tuple[Record, ...]


def open_target(spec: str, iris: Iris, query: str | None = None) -> Target:
    """The target a `kg link` argument names: `regions`, `rdf:FILE`, `csv:FILE` or `sparql:URL`."""
    scheme, _, rest = spec.partition(":")
    if spec == "regions":
        return _regions(iris)
    reader = READERS.get(scheme)
    if reader is None or not rest:
        raise TargetError(f"unknown link target {spec!r}",
                          "use regions, rdf:FILE, csv:FILE or sparql:URL")
    return reader(rest, query)


def _regions(iris: Iris) -> Target:
    regions = load_regions()
    names = {region.code: region.name for region in regions}
    records = tuple(Record(iris.region(r.code), r.name, (), r.kind, names.get(r.parent or ""), r.code)
                    for r in regions)
    return Target("regions", f"Kemendagri regions ({package_page()})", iris.regions_graph, records)


def _rdf(path_text: str, query: str | None) -> Target:
    path = Path(path_text)
    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except OSError as exc:
        raise TargetError(f"cannot read {path}: {exc.strerror or exc}", "check the path") from exc
    except Exception as exc:  # rdflib raises several unrelated types for malformed RDF
        raise TargetError(f"{path} is not readable RDF: {' '.join(str(exc).split())}",
                          "give a Turtle, N-Triples, RDF/XML or JSON-LD file (the suffix names the format)") from exc
    try:
        rows = [{str(k): v for k, v in row.asdict().items()} for row in graph.query(query or DEFAULT_QUERY)]
    except Exception as exc:  # rdflib raises pyparsing's and its own errors for a bad query
        raise TargetError(f"the query for {path} does not run: {' '.join(str(exc).split())}",
                          "give a SELECT with ?item and ?label (optionally ?kind ?parent ?code)") from exc
    return Target(_stem(path), f"RDF file {path.name}", None, _from_rows(rows, str(path)))


def _csv(path_text: str, _query: str | None) -> Target:
    path = Path(path_text)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: spreadsheets write a BOM
            reader = csv.DictReader(handle)
            rows = list(reader)
            header = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TargetError(f"cannot read {path}: {exc}", "give a UTF-8 CSV file with a header row") from exc
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        raise TargetError(f"{path}:1: missing column(s) {', '.join(missing)}",
                          f"the header needs {', '.join(CSV_COLUMNS)} and may add {', '.join(CSV_OPTIONAL)}")
    by_code = {_code_key(row["code"]): row for row in rows if (row.get("code") or "").strip()}
    by_label = {row["label"].strip(): row for row in rows}
    records = []
    for line, row in enumerate(rows, start=2):
        where = f"{path}:{line}"
        iri = (row.get("id") or "").strip()
        if not iri.startswith(("http://", "https://")):
            raise TargetError(f"{where}: id {iri!r} is not an http(s) IRI", "give each row the IRI it is known by")
        code = _code(row.get("code"), f"{where}: code")
        province = _province(row, by_code, by_label)
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        records.append(Record(URIRef(iri), row["label"].strip(), aliases, _kind(row.get("kind")), province, code))
    return Target(_stem(path), f"CSV file {path.name}", None, tuple(records))


Row = dict[str, str]


def _province(row: Row, by_code: dict[str, Row], by_label: dict[str, Row]) -> str | None:
    """The province a CSV row lies in, following `parent` (a code or a label) up the file."""
    seen: set[int] = set()
    while (parent := (row.get("parent") or "").strip()) and id(row) not in seen:
        seen.add(id(row))
        up = by_code.get(_code_key(parent)) or by_label.get(parent)
        if up is None:  # a parent outside the file: a regency's or city's parent is its province
            return parent if _kind(row.get("kind")) in {"regency", "city"} else None
        if _kind(up.get("kind")) == "province":
            return up["label"].strip()
        row = up
    return None


def _sparql(url: str, query: str | None) -> Target:
    """An endpoint's answer, read through the bounded exchange: within TIMEOUT seconds, at most MAX_ANSWER bytes."""
    if not url.startswith(("http://", "https://")):
        raise TargetError(f"{url!r} is not an http(s) URL", "write sparql:https://host/path")
    asked = url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"query": query or DEFAULT_QUERY})
    try:
        answer = exchange(asked, None, "GET", {"Accept": "application/sparql-results+json"}, TIMEOUT, MAX_ANSWER)
    except (EndpointError, QueryTimeout) as exc:
        raise TargetError(exc.message.replace(asked, f"the SPARQL endpoint {url}", 1),
                          "existing links are untouched; check that the endpoint is up, "
                          "or ask for fewer rows with --query") from exc
    if not 200 <= answer.status < 300:
        raise TargetError(f"the SPARQL endpoint {url} answered HTTP {answer.status}", "check the URL and the query")
    try:
        bindings = json.loads(answer.body)["results"]["bindings"]
        rows = [{name: _term(value) for name, value in binding.items()} for binding in bindings]
    except (ValueError, KeyError, TypeError) as exc:
        raise TargetError(f"the SPARQL endpoint {url} did not answer with SPARQL JSON results",
                          "check that the URL is a SPARQL endpoint") from exc
    return Target("sparql", f"SPARQL endpoint {url}", URIRef(url), _from_rows(rows, url))


def _term(value: dict[str, str]) -> URIRef | str:
    return URIRef(value["value"]) if value["type"] == "uri" else value["value"]


def _from_rows(rows: Iterable[dict[str, object]], where: str) -> tuple[Record, ...]:
    """Records from query rows (item, label; optional kind, parent, code), one per item."""
    items: dict[URIRef, dict[str, set[str]]] = {}
    for row in rows:
        item, label = row.get("item"), row.get("label")
        if not isinstance(item, URIRef) or label is None:
            raise TargetError(f"{where}: a result has no ?item IRI or no ?label",
                              "the query must select ?item and ?label (and may add ?kind ?parent ?code)")
        slots = items.setdefault(item, {"label": set(), "kind": set(), "parent": set(), "code": set()})
        slots["label"].add(str(label))
        kind = row.get("kind")
        if kind is not None:
            found = KIND_OF_CLASS.get(kind) if isinstance(kind, URIRef) else _kind(str(kind))
            slots["kind"].update([found] if found else [])
        for name in ("parent", "code"):
            if row.get(name) is not None:
                slots[name].add(str(row[name]))
    records = []
    for item, slots in sorted(items.items()):
        labels = sorted(slots["label"])
        kinds, parents, codes = (sorted(slots[name]) for name in ("kind", "parent", "code"))
        kind = kinds[0] if len(kinds) == 1 else None
        # Only a regency's or city's parent is surely its province; deeper levels stay unknown.
        province = parents[0] if len(parents) == 1 and kind in {"regency", "city"} else None
        records.append(Record(item, labels[0], tuple(labels[1:]), kind, province,
                              _code(codes[0], f"{where}: code of {item}") if codes else None))
    return tuple(records)


def _kind(word: str | None) -> str | None:
    return _KIND_WORDS.get((word or "").strip().lower()) if word else None


def _code(raw: str | None, where: str) -> str | None:
    if not raw or not raw.strip():
        return None
    try:
        return normalise_code(raw)
    except RegionCodeError as exc:
        raise TargetError(f"{where}: {exc.message}", exc.hint) from exc


def _code_key(text: str) -> str:
    """A code in its dotted form when it is one (3515 and 35.15 meet), else the text itself."""
    try:
        return normalise_code(text)
    except RegionCodeError:
        return text.strip()


def _stem(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "target"


READERS: dict[str, Callable[[str, str | None], Target]] = {"rdf": _rdf, "csv": _csv, "sparql": _sparql}
