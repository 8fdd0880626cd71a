"""Linksets on disk: the links `kg link` made and the curated external identifiers, as VoID
Linksets whose every link carries its method, score and date. `kg build` loads them into
one named graph each; `kg link` reads the previous file to keep unchanged links' dates.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID, XSD
from rdflib.term import Node

from kg.errors import KgError, Location, SourceError
from kg.namespaces import ID_PATTERN, KG, SCHEMA, WEB_ADDRESS, Iris
from kg.project import Project
from kg.rdfio import bind
from kg.source.dates import DateError, parse_iso
from kg.source.limits import clip, read_bounded, shown
from kg.source.yamlsource import Mapping, Sequence, line_of, load_yaml

LINKSET_SUFFIX = ".ttl"
IDENTIFIERS = "identifiers"
RELATIONS = {"exactMatch": SKOS.exactMatch, "closeMatch": SKOS.closeMatch}
# Curated identifier schemes: YAML key -> how an identifier becomes an IRI, and the dataset it belongs to.
SCHEMES = {
    "wikidata": ("http://www.wikidata.org/entity/{}", r"Q[1-9]\d*", URIRef("https://www.wikidata.org/")),
    "geonames": ("https://sws.geonames.org/{}/", r"[1-9]\d*", URIRef("https://www.geonames.org/")),
}
# Curated facts about an organisation, each checked against a source like an identifier: YAML key ->
# the property it states. A website is an http(s) address; a parent is an entity id of data/ or a QID.
FACTS = {"website": SCHEMA.url, "legal_name": SCHEMA.legalName, "parent": SCHEMA.parentOrganization}


@dataclass(frozen=True)
class LinkRecord:
    """One line of a linkset: a link (one object and a relation) or an ambiguity (several
    candidates, no relation), with how, how sure and when."""

    subject: URIRef
    objects: tuple[URIRef, ...]
    relation: URIRef | None
    method: str
    score: float
    date: str
    key: str
    note: str | None = None
    value: Literal | None = None  # a code or point the record states, in place of an object IRI

    @property
    def identity(self) -> tuple[object, ...]:
        """What makes two records the same link, whatever their dates."""
        return self.subject, tuple(sorted(self.objects)), self.relation, self.method, round(self.score, 3), self.value


@dataclass(frozen=True)
class Linkset:
    """The links from this dataset to one other dataset."""

    name: str
    title: str
    target: URIRef
    records: tuple[LinkRecord, ...]


def links_dir(project: Project) -> Path:
    return project.root / "data" / "links"


def linkset_graph(linkset: Linkset, iris: Iris) -> Graph:
    """The linkset as RDF: the link triples themselves, and beside each a kg:Link (or
    kg:AmbiguousMatch) record grouped by void:inDataset under one void:Linkset."""
    graph = bind(Graph(), iris.base)
    node = iris.linkset(linkset.name)
    relations = sorted({r.relation for r in linkset.records if r.relation is not None})
    links = [r for r in linkset.records if r.relation is not None]
    for p, o in ((RDF.type, VOID.Linkset), (DCTERMS.title, Literal(linkset.title, lang="en")),
                 (VOID.subjectsTarget, iris.dataset), (VOID.objectsTarget, linkset.target),
                 (VOID.triples, Literal(len(links), datatype=XSD.integer))):
        graph.add((node, p, o))
    for relation in relations:
        graph.add((node, VOID.linkPredicate, relation))
    for record in linkset.records:
        entry = URIRef(f"{node}/{record.key}")
        graph.add((entry, RDF.type, KG.Link if record.relation is not None else KG.AmbiguousMatch))
        graph.add((entry, KG.linkSubject, record.subject))
        for obj in record.objects:
            graph.add((entry, KG.linkObject if record.relation is not None else KG.candidate, obj))
        if record.value is not None:
            graph.add((entry, KG.linkValue, record.value))
        if record.relation is not None:
            graph.add((entry, KG.linkRelation, record.relation))
            graph.add((record.subject, record.relation, record.objects[0] if record.value is None else record.value))
        graph.add((entry, KG.linkMethod, Literal(record.method)))
        graph.add((entry, KG.linkScore, Literal(f"{record.score:.3f}", datatype=XSD.decimal)))
        graph.add((entry, DCTERMS.date, Literal(record.date, datatype=XSD.date)))
        graph.add((entry, VOID.inDataset, node))
        if record.note:
            graph.add((entry, SKOS.editorialNote, Literal(record.note, lang="en")))
    return graph


def read_records(graph: Graph) -> list[LinkRecord]:
    """The link and ambiguity records of a linkset graph (to keep their dates on re-runs)."""
    records = []
    for cls, objects in ((KG.Link, KG.linkObject), (KG.AmbiguousMatch, KG.candidate)):
        for entry in sorted(graph.subjects(RDF.type, cls)):
            relation = graph.value(entry, KG.linkRelation)
            records.append(LinkRecord(
                subject=graph.value(entry, KG.linkSubject), objects=tuple(sorted(graph.objects(entry, objects))),
                relation=relation if isinstance(relation, URIRef) else None,
                method=str(graph.value(entry, KG.linkMethod)), score=float(graph.value(entry, KG.linkScore)),
                date=str(graph.value(entry, DCTERMS.date)), key=str(entry).rsplit("/", 1)[-1]))
    return records


def read_linkset_file(path: Path, iris: Iris) -> Graph:
    """A linkset file, its IRIs moved to this project's base if it was made under another, and
    checked to hold only what a linkset holds (see check_linkset)."""
    where = Location(path)
    text, graph = read_bounded(path, where, "the linkset"), Graph()
    try:
        with _quiet("rdflib.term"):  # an ill-typed literal is our error below, not a logged traceback
            graph.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise SourceError(where, f"the linkset does not parse: {clip(str(exc), 200)}",
                          "restore it from version control or run `kg link` again") from exc
    made_under = dict(graph.namespaces()).get("id")
    if made_under is not None and str(made_under) != iris.base:
        old = str(made_under)
        rebased = bind(Graph(), iris.base)
        for triple in graph:
            rebased.add(tuple(URIRef(iris.base + t[len(old):]) if isinstance(t, URIRef) and t.startswith(old)
                              else t for t in triple))
        graph = rebased
    check_linkset(graph, path.stem, iris, where)
    return graph


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's logger below ERROR for the duration."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _iri(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(("http://", "https://"))


def _text(term: Node) -> bool:
    return isinstance(term, Literal) and term.datatype is None


def _typed(datatype: URIRef) -> Callable[[Node], bool]:
    return lambda term: isinstance(term, Literal) and term.datatype == datatype and not term.ill_typed


def _one_of(*terms: URIRef) -> Callable[[Node], bool]:
    return lambda term: term in terms


# What `linkset_graph` writes, predicate by predicate: about the linkset itself, and about each record.
_ABOUT_LINKSET: dict[URIRef, Callable[[Node], bool]] = {
    RDF.type: _one_of(VOID.Linkset), DCTERMS.title: _text, VOID.subjectsTarget: _iri,
    VOID.objectsTarget: _iri, VOID.triples: _typed(XSD.integer), VOID.linkPredicate: _one_of(*RELATIONS.values()),
}
_ABOUT_RECORD: dict[URIRef, Callable[[Node], bool]] = {
    RDF.type: _one_of(KG.Link, KG.AmbiguousMatch), KG.linkSubject: _iri, KG.linkObject: _iri, KG.candidate: _iri,
    KG.linkRelation: _one_of(*RELATIONS.values()), KG.linkMethod: _text, KG.linkScore: _typed(XSD.decimal),
    DCTERMS.date: _typed(XSD.date), SKOS.editorialNote: _text,
}


def check_linkset(graph: Graph, name: str, iris: Iris, where: Location) -> None:
    """Refuse any triple that `kg link` does not write: a linkset holds its VoID description,
    one kg:Link or kg:AmbiguousMatch record per entity, and skos:exactMatch or closeMatch links
    from entities of this dataset to http(s) IRIs, each link beside its record."""
    node = iris.linkset(name)
    about_record = {**_ABOUT_RECORD, VOID.inDataset: _one_of(node)}
    recorded = {(graph.value(entry, KG.linkSubject), graph.value(entry, KG.linkRelation),
                 graph.value(entry, KG.linkObject)) for entry in graph.subjects(RDF.type, KG.Link)}
    links = [(s, p, o) for s, p, o in graph if isinstance(s, URIRef) and iris.local_id(s) is not None]
    by_text = {triple: " ".join(term.n3() for term in triple) for triple in graph}  # rdflib terms may not compare
    for s, p, o in [*sorted(set(graph) - set(links), key=by_text.get), *sorted(links, key=by_text.get)]:
        if s == node:
            fits = _ABOUT_LINKSET.get(p, _nothing)(o)
        elif isinstance(s, URIRef) and s.startswith(f"{node}/") and ID_PATTERN.fullmatch(s[len(node) + 1:]):
            fits = about_record.get(p, _nothing)(o)
        else:
            fits = (s, p, o) in recorded
        if not fits:
            raise SourceError(where, f"{clip(s.n3(), 80)} {clip(p.n3(), 80)} {clip(o.n3(), 80)} is not "
                              "something a linkset holds",
                              "a linkset holds skos:exactMatch/closeMatch links from entities of data/, each "
                              "beside its kg:Link record, and its VoID description; run `kg link` again")


def _nothing(term: Node) -> bool:
    return False


def load_linksets(project: Project, known: set[str]) -> dict[str, Graph]:
    """Every linkset of the project by name: data/links/*.ttl and the curated identifiers
    (whose entities must be among the `known` ids)."""
    folder = links_dir(project)
    graphs = {path.stem: read_linkset_file(path, project.iris) for path in sorted(folder.glob(f"*{LINKSET_SUFFIX}"))}
    for name, graph in graphs.items():
        for subject in sorted(set(graph.objects(None, KG.linkSubject))):
            if project.iris.local_id(subject) not in known:
                raise SourceError(Location(folder / f"{name}{LINKSET_SUFFIX}"),
                                  f"links {subject}, which is not an entity of data/",
                                  f"run `kg link` again to refresh the {name} linkset")
    identifiers = folder / f"{IDENTIFIERS}.yaml"
    if identifiers.exists():
        for linkset in curated_identifiers(identifiers, project.iris, known):
            graphs[linkset.name] = linkset_graph(linkset, project.iris)
    return graphs


def curated_identifiers(path: Path, iris: Iris, known: set[str]) -> list[Linkset]:
    """data/links/identifiers.yaml: external identifiers an editor verified, each with its source.

    One linkset per scheme (Wikidata, GeoNames), every link a skos:exactMatch with score 1
    and the method naming the source, dated by the editor's `checked:` date; and one per fact
    about an organisation (its official website, legal name, parent organisation), recorded
    the same way.
    """
    data = load_yaml(path)
    where = Location(path, 1)
    if not isinstance(data, Mapping) or not isinstance(data.get("identifiers"), Sequence):
        raise SourceError(where, "expected a mapping with an `identifiers:` list")
    items = data["identifiers"]
    by_scheme: dict[str, list[LinkRecord]] = {scheme: [] for scheme in [*SCHEMES, *FACTS]}
    for index, item in enumerate(items):
        item_where = Location(path, line_of(items, index), f"identifiers[{index}]")
        if not isinstance(item, Mapping):
            raise SourceError(item_where, "expected a mapping")
        allowed = {"entity", "source", "checked", "note", *SCHEMES, *FACTS}
        for key in item:
            if key not in allowed:
                raise SourceError(item_where.at(str(key), line_of(item, key)), f"unknown key {shown(key)}",
                                  f"use {', '.join(sorted(allowed))}")
        entity = _required(item, "entity", item_where)
        if entity not in known:
            raise SourceError(item_where.at("entity", line_of(item, "entity")), f"unknown entity {shown(entity)}",
                              "use the id of an entity in data/")
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            raise SourceError(item_where.at("note", line_of(item, "note")), "a note is text", "write note: …")
        source = _required(item, "source", item_where)
        checked = _date(_required(item, "checked", item_where), item_where.at("checked", line_of(item, "checked")))
        for scheme, (template, pattern, _) in SCHEMES.items():
            if scheme not in item:
                continue
            value = str(item[scheme])
            if not re.fullmatch(pattern, value):
                raise SourceError(item_where.at(scheme, line_of(item, scheme)), f"{shown(value)} is not a {scheme} id",
                                  f"it must match {pattern}")
            by_scheme[scheme].append(LinkRecord(
                iris.entity(entity), (URIRef(template.format(value)),), SKOS.exactMatch,
                f"editor, checked against: {source}", 1.0, checked, entity, note))
        for fact in FACTS:
            if fact in item:
                value = _fact(fact, item[fact], iris, known, item_where.at(fact, line_of(item, fact)))
                by_scheme[fact].append(LinkRecord(
                    iris.entity(entity), () if isinstance(value, Literal) else (value,), FACTS[fact],
                    f"editor, checked against: {source}", 1.0, checked, entity, note,
                    value if isinstance(value, Literal) else None))
    return [Linkset(f"{IDENTIFIERS}-{scheme.replace('_', '-')}", f"{scheme.replace('_', ' ')} checked by an editor",
                    SCHEMES[scheme][2] if scheme in SCHEMES else iris.dataset, tuple(records))
            for scheme, records in by_scheme.items() if records]


def _fact(fact: str, raw: object, iris: Iris, known: set[str], where: Location) -> URIRef | Literal:
    """A fact's value as the graph states it: a website's IRI, a legal name, a parent's IRI."""
    value = str(raw).strip() if isinstance(raw, str | int) else ""
    if fact == "website" and WEB_ADDRESS.fullmatch(value):
        return URIRef(value)
    if fact == "legal_name" and value:
        return Literal(value)
    if fact == "parent" and value in known:
        return iris.entity(value)
    if fact == "parent" and re.fullmatch(SCHEMES["wikidata"][1], value):
        return URIRef(SCHEMES["wikidata"][0].format(value))
    hints = {"website": "write the full address, https://…", "legal_name": "write the name as registered",
             "parent": "give the id of an entity in data/ or a Wikidata QID (Q…)"}
    raise SourceError(where, f"{shown(value) if value else 'nothing'} is not a {fact.replace('_', ' ')}", hints[fact])


def _required(item: Mapping, key: str, where: Location) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourceError(where.at(key, line_of(item, key)), f"missing {key}", f"add {key}: …")
    return value


def _date(raw: object, where: Location) -> str:
    try:
        return parse_iso(str(raw)).isoformat()
    except DateError as exc:
        raise SourceError(where, str(exc), "write the date as YYYY-MM-DD") from exc


def iso_date(raw: str) -> str:
    """A link date given on the command line, checked: links are dated explicitly, never by the clock."""
    try:
        return parse_iso(raw).isoformat()
    except DateError as exc:
        raise KgError(f"--date {raw!r}: {exc}", "write the date as YYYY-MM-DD") from exc

