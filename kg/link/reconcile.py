"""The reconciler behind `kg link`: the graph's places against a target's records.

Names are compared after normalising case, accents, punctuation, the Kabupaten / Kab. /
Kota / Provinsi prefixes (which also state the kind) and regional abbreviations (Jatim);
a candidate whose kind or province contradicts the place is dropped. Only a single exact
candidate whose kind is confirmed becomes a link (skos:exactMatch): a wrong link is worse
than none. Several exact candidates (Kota or Kabupaten Malang?) are recorded as an
ambiguity; the rest goes to the review file. A decision in data/links/decisions.yaml
overrides the reconciler for its entity.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import KgError, Location, SourceError
from kg.link.linksets import (
    LINKSET_SUFFIX,
    RELATIONS,
    LinkRecord,
    Linkset,
    iso_date,
    links_dir,
    linkset_graph,
    read_linkset_file,
    read_records,
)
from kg.link.regions import RegionCodeError, normalise_code
from kg.link.targets import KIND_OF_CLASS, Record, Target, open_target
from kg.namespaces import ID_PATTERN, KG, SCHEMA, Iris
from kg.project import Project
from kg.rdfio import write_atomic
from kg.source.yamlsource import Mapping, Sequence, line_of, load_yaml

LINK_AT = 0.9  # a single exact candidate links only at this score: name, kind and province agree
NEAR_MISS_AT = 0.75  # a non-exact name this close is shown for review (Pemalang for Malang), never linked
KIND_UNKNOWN = 0.8  # the place's or the record's kind is not stated
PROVINCE_UNKNOWN = 0.9  # the place's or the record's province is not known
METHOD = "kg link: normalised name, kind and province"
DECIDED = "editor's decision in data/links/decisions.yaml"
REVIEW_COLUMNS = ("entity", "label", "status", "candidate", "candidate_label", "code", "score")
DECISIONS_FILE = "decisions.yaml"
STATUSES = ("linked", "ambiguous", "unconfirmed", "near-miss", "unmatched", "rejected")

# Prefixes that name a kind of region, longest first; "Kab." and "Kab" normalise alike.
_PREFIXES = (
    ("kabupaten administrasi", "regency"), ("kota administrasi", "city"), ("kota adm", "city"),
    ("provinsi", "province"), ("propinsi", "province"), ("prov", "province"), ("kabupaten", "regency"),
    ("kab", "regency"), ("kota", "city"), ("kecamatan", "district"), ("kec", "district"), ("distrik", "district"),
)
# Regional abbreviations of the news (see the glossary): a whole word expands to the full name.
ABBREVIATIONS = {
    "jatim": "jawa timur", "jateng": "jawa tengah", "jabar": "jawa barat", "dki": "daerah khusus ibukota",
    "diy": "daerah istimewa yogyakarta", "sumut": "sumatera utara", "sumbar": "sumatera barat",
    "sumsel": "sumatera selatan", "kalbar": "kalimantan barat", "kalteng": "kalimantan tengah",
    "kalsel": "kalimantan selatan", "kaltim": "kalimantan timur", "kaltara": "kalimantan utara",
    "sulut": "sulawesi utara", "sulteng": "sulawesi tengah", "sulsel": "sulawesi selatan",
    "sultra": "sulawesi tenggara", "sulbar": "sulawesi barat", "ntb": "nusa tenggara barat",
    "ntt": "nusa tenggara timur", "babel": "kepulauan bangka belitung", "kepri": "kepulauan riau",
}
_LINKABLE = frozenset({*KIND_OF_CLASS, KG.AmbiguousPlace, SCHEMA.Place})


class LinkError(KgError):
    """`kg link` cannot run as asked (a bad linkset name, a decision naming no record)."""


@dataclass(frozen=True)
class Name:
    """A name reduced to what identifies it, and the kind its prefix states (if any)."""

    key: str
    kind: str | None = None


def normalise(text: str) -> Name:
    """"Kab. Malang" -> Name("malang", "regency"); "JATIM" -> Name("jawa timur")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.sub(r"[^0-9a-z]+", " ", folded.casefold()).split()
    kind = None
    for prefix, prefix_kind in _PREFIXES:
        head = prefix.split()
        if words[:len(head)] == head and len(words) > len(head):
            words, kind = words[len(head):], prefix_kind
            break
    return Name(" ".join(ABBREVIATIONS.get(word, word) for word in words), kind)


@dataclass(frozen=True)
class Place:
    """A place of the graph as the reconciler sees it."""

    iri: URIRef
    ident: str
    label: str
    names: tuple[str, ...]
    kind: str | None
    province: str | None


@dataclass(frozen=True)
class Candidate:
    """A record that may be the place, and how sure: 1 = name, kind and province all agree."""

    record: Record
    score: float
    exact: bool


@dataclass(frozen=True)
class Outcome:
    """What the reconciler (or an editor) concluded for one place."""

    place: Place
    status: str  # one of STATUSES
    candidates: tuple[Candidate, ...]
    relation: URIRef | None = None
    method: str = METHOD
    date: str | None = None  # an editor's decision carries its own date
    note: str | None = None


def score(place: Place, record: Record) -> Candidate | None:
    """How well the record fits the place, or None when its kind or province contradicts it."""
    mine = [normalise(name) for name in place.names]
    theirs = [normalise(name) for name in record.names]
    my_kind = place.kind or _stated_kind(mine)
    their_kind = record.kind or _stated_kind(theirs)
    if my_kind and their_kind and my_kind != their_kind:
        return None
    their_province = normalise(record.province).key if record.province else None
    if place.province and their_province and place.province != their_province:
        return None
    exact = any(a.key == b.key for a in mine for b in theirs)
    name = 1.0 if exact else max(SequenceMatcher(None, a.key, b.key).ratio() for a in mine for b in theirs)
    kind = 1.0 if my_kind and their_kind else KIND_UNKNOWN
    # A province's context is the country, which every record of a national dataset shares.
    province = 1.0 if (place.province and their_province) or my_kind == their_kind == "province" \
        else PROVINCE_UNKNOWN
    return Candidate(record, round(name * kind * province, 3), exact)


def _stated_kind(names: list[Name]) -> str | None:
    kinds = {name.kind for name in names if name.kind}
    return kinds.pop() if len(kinds) == 1 else None


def decide(place: Place, records: tuple[Record, ...]) -> Outcome:
    """Link only a single exact candidate at LINK_AT; record everything else for review."""
    scored = [c for c in (score(place, record) for record in records) if c is not None]
    scored.sort(key=lambda c: (-c.score, str(c.record.iri)))
    exact = tuple(c for c in scored if c.exact)
    if len(exact) > 1:
        return Outcome(place, "ambiguous", exact)
    if len(exact) == 1:
        linked = exact[0].score >= LINK_AT
        return Outcome(place, "linked" if linked else "unconfirmed", exact,
                       RELATIONS["exactMatch"] if linked else None)
    near = tuple(c for c in scored if c.score >= NEAR_MISS_AT)
    return Outcome(place, "near-miss" if near else "unmatched", near)


def places(dataset: Dataset, own: list[URIRef], iris: Iris) -> list[Place]:
    """The places of the named graphs `own` (curated and articles; not regions or linksets)."""
    graph = Graph()
    for name in own:
        graph += dataset.graph(name)
    found = []
    for iri in sorted({s for s, cls in graph.subject_objects(RDF.type) if cls in _LINKABLE}):
        ident = iris.local_id(iri)
        labels = sorted(str(o) for o in graph.objects(iri, RDFS.label) if getattr(o, "language", None) == "id")
        if ident is None or not labels:
            continue
        names = (labels[0], *sorted({str(o) for o in graph.objects(iri, SKOS.altLabel)} - {labels[0]}))
        kinds = {KIND_OF_CLASS[c] for c in graph.objects(iri, RDF.type) if c in KIND_OF_CLASS}
        found.append(Place(iri, ident, labels[0], names, kinds.pop() if len(kinds) == 1 else None,
                           _province(graph, iri)))
    return found


def _province(graph: Graph, iri: URIRef) -> str | None:
    """The normalised name of the province a place lies in, following kg:within."""
    for up in graph.transitive_objects(iri, KG.within):
        if up != iri and (up, RDF.type, KG.Province) in graph:
            label = next((str(o) for o in graph.objects(up, RDFS.label) if getattr(o, "language", None) == "id"), None)
            return normalise(label).key if label else None
    return None


@dataclass(frozen=True)
class LinkReport:
    """What one `kg link` run did: the outcomes and the files it wrote."""

    outcomes: tuple[Outcome, ...]
    linkset_file: Path
    review_file: Path

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def link(project: Project, compiled: Callable[[], tuple[Dataset, list[str]]], spec: str, date: str,
         name: str | None = None, query: str | None = None) -> LinkReport:
    """`kg link`: reconcile the graph's places against a target and write its linkset and
    review file. Everything is read and checked first; on any error nothing is written.

    `compiled` compiles the project (the build stage, handed down by the caller so that this
    stage, which the build reads, never imports it) into its dataset and article ids.
    """
    date = iso_date(date)
    target = open_target(spec, project.iris, query)
    name = name or target.name
    if not ID_PATTERN.fullmatch(name):
        raise LinkError(f"{name!r} is not a linkset name", "use lower-case letters, digits and hyphens")
    folder = links_dir(project)
    linkset_file, review_file = folder / f"{name}{LINKSET_SUFFIX}", folder / f"{name}.review.csv"
    previous = read_records(read_linkset_file(linkset_file, project.iris)) if linkset_file.exists() else []
    decisions = read_decisions(folder / DECISIONS_FILE, name, target)
    dataset, articles = compiled()
    own = [project.iris.curated_graph, *(project.iris.article_graph(a) for a in articles)]
    found = places(dataset, own, project.iris)
    unknown = sorted(set(decisions) - {place.ident for place in found})
    if unknown:
        raise LinkError(f"{folder / DECISIONS_FILE}: decision(s) for {', '.join(unknown)}, which are not places "
                        "of the graph", "fix the entity id or remove the decision")
    outcomes = tuple(replace(decisions[place.ident], place=place) if place.ident in decisions
                     else decide(place, target.records) for place in found)
    records = _dated(outcomes, previous, date)
    dataset_iri = target.iri or URIRef(f"{project.iris.linkset(name)}/target")
    graph = linkset_graph(Linkset(name, target.title, dataset_iri, records), project.iris)
    turtle = graph.serialize(format="turtle").encode("utf-8")
    write_atomic(linkset_file, turtle)
    write_atomic(review_file, review_csv(outcomes))
    return LinkReport(outcomes, linkset_file, review_file)


def _dated(outcomes: tuple[Outcome, ...], previous: list[LinkRecord], date: str) -> tuple[LinkRecord, ...]:
    """Link and ambiguity records; one unchanged since the last run keeps its date (idempotent)."""
    earlier = {record.identity: record.date for record in previous}
    records = []
    for outcome in outcomes:
        if outcome.status not in {"linked", "ambiguous"}:
            continue
        objects = tuple(c.record.iri for c in outcome.candidates)
        best = max((c.score for c in outcome.candidates), default=1.0)
        record = LinkRecord(outcome.place.iri, objects if outcome.relation is None else objects[:1], outcome.relation,
                            outcome.method, best, outcome.date or date, outcome.place.ident, outcome.note)
        if outcome.date is None:
            record = replace(record, date=earlier.get(record.identity, date))
        records.append(record)
    return tuple(records)


def read_decisions(path: Path, linkset: str, target: Target) -> dict[str, Outcome]:
    """Editors' decisions for this linkset, each turned into the outcome it imposes."""
    if not path.exists():
        return {}
    data = load_yaml(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("decisions"), Sequence):
        raise SourceError(Location(path, 1), "expected a mapping with a `decisions:` list")
    items = data["decisions"]
    by_iri = {str(record.iri): record for record in target.records}
    by_code = {record.code: record for record in target.records if record.code}
    decided: dict[str, Outcome] = {}
    for index, item in enumerate(items):
        where = Location(path, line_of(items, index), f"decisions[{index}]")
        if not isinstance(item, Mapping):
            raise SourceError(where, "expected a mapping")
        for key in item:
            if key not in {"linkset", "entity", "link", "relation", "date", "note"}:
                raise SourceError(where.at(str(key), line_of(item, key)), f"unknown key {key!r}",
                                  "use linkset, entity, link, relation, date, note")
        if item.get("linkset") != linkset:
            continue
        entity, chosen = str(item.get("entity", "")), str(item.get("link", ""))
        field = where.at("link", line_of(item, "link"))
        if not ID_PATTERN.fullmatch(entity) or not chosen:
            raise SourceError(where, "a decision needs entity: <id> and link: <code, IRI or none>")
        date = _decision_date(item, where)
        place = Place(URIRef(""), entity, entity, (), None, None)  # the graph's place replaces it in link()
        if chosen == "none":
            decided[entity] = Outcome(place, "rejected", (), None, DECIDED, date, item.get("note"))
            continue
        record = by_iri.get(chosen) or by_code.get(_code_or_none(chosen))
        if record is None:
            raise SourceError(field, f"{chosen!r} is not a record of the {linkset} target",
                              "give a region code (35.07) or the record's full IRI, or none")
        relation = RELATIONS.get(str(item.get("relation", "exactMatch")))
        if relation is None:
            raise SourceError(where.at("relation", line_of(item, "relation")), "unknown relation",
                              "use exactMatch or closeMatch")
        decided[entity] = Outcome(place, "linked", (Candidate(record, 1.0, True),), relation, DECIDED, date,
                                  item.get("note"))
    return decided


def _decision_date(item: Mapping, where: Location) -> str:
    try:
        return iso_date(str(item.get("date", "")))
    except KgError as exc:
        raise SourceError(where.at("date", line_of(item, "date")), "a decision needs its date (YYYY-MM-DD)",
                          exc.hint) from exc


def _code_or_none(text: str) -> str | None:
    try:
        return normalise_code(text)
    except RegionCodeError:
        return None


def review_csv(outcomes: tuple[Outcome, ...]) -> bytes:
    """Every place not linked, one row per candidate, for an editor to decide in decisions.yaml."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for outcome in sorted(outcomes, key=lambda o: o.place.ident):
        if outcome.status == "linked":
            continue
        place = outcome.place
        if not outcome.candidates:
            writer.writerow((place.ident, place.label, outcome.status, "", "", "", ""))
        for c in outcome.candidates:
            writer.writerow((place.ident, place.label, outcome.status, str(c.record.iri), c.record.label,
                             c.record.code or "", f"{c.score:.3f}"))
    return buffer.getvalue().encode("utf-8")
