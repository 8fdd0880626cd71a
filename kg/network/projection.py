"""The built RDF graph projected onto a network of entities: what the page, the exports and the
analytics all draw from.

Entities (anything typed with a class of `kg.source.schema.TYPES`) become nodes; a triple between two
entities becomes an edge named by its relation. The provenance machinery (statements,
annotations, selectors, sentences, the article text) is not drawn: it is folded into each
node's and edge's `evidence`, so a reader still sees the sentence and the article behind a
fact. Nodes and edges are inserted in sorted order, so every consumer is deterministic.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.build.store import open_store, store_path
from kg.errors import KgError
from kg.namespaces import KG, NIF, OA, ORG, PROV, SCHEMA, curie
from kg.project import Project
from kg.query.engine import execute
from kg.query.library import bind, find_query, load_library
from kg.query.model import QueryError, encode
from kg.rdfio import bind as bind_prefixes
from kg.rdfio import to_rdflib
from kg.source.schema import TYPES, TypeSpec

# Triples that only mirror another triple (the builder asserts both directions).
_INVERSES = frozenset({ORG.heldBy, ORG.hasPost, ORG.hasSubOrganization})
# Shown as a node's names, not as facts.
_NAMES = frozenset({RDFS.label, SKOS.altLabel, RDF.type})
_TYPE_ORDER = {spec.cls: index for index, spec in enumerate(TYPES.values())}
# What the article's annotations say that no node, edge or evidence shows: offsets, the quote's
# surroundings, the article text, and links back the projection walks the other way round. Left
# in the store, they are a third of the graph.
_UNREAD = frozenset(ox.NamedNode(str(p)) for p in (
    OA.start, OA.end, OA.prefix, OA.suffix, OA.motivatedBy, OA.hasBody, PROV.wasDerivedFrom,
    NIF.beginIndex, NIF.endIndex, NIF.referenceContext, NIF.isString))
# Statuses whose collaborations have not happened (drawn dashed).
UNREALISED = frozenset({"planned", "aspired"})
PROVENANCE_CATEGORY = "provenance"


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact came from: the quoted words, their sentence and the article."""

    article: str
    headline: str
    sentence: str
    quote: str

    def __str__(self) -> str:
        return f"{self.sentence} [{self.headline or self.article}]"


@dataclass(frozen=True, order=True)
class Fact:
    """A literal fact about an entity (its purpose, a date, a quote's text), with its evidence."""

    relation: str
    value: str
    evidence: tuple[Evidence, ...]


class UnknownEntity(KgError):
    """A command named an entity that is not in the graph."""


def load(source: Project, out_dir: Path, focus: str | None = None, depth: int = 2, query: str | None = None,
         params: dict[str, str] | None = None, provenance: bool = False) -> nx.MultiDiGraph:
    """The network of one view of the built graph in out_dir: all of it, the result of a named
    CONSTRUCT query (or .rq file), and/or the neighbourhood of `focus` within `depth` hops.

    The reference datasets (the 552 regions, the linksets) are left out: the picture and the
    measures are about the ecosystem the articles describe, not Indonesia's map.
    """
    graph = _ecosystem(source, open_store(store_path(source, out_dir)))  # refuses a missing or stale build
    selection = construct(source, out_dir, query, params or {}) if query else None
    network = project(graph, source.base, provenance, selection)
    return ego(network, focus, depth, source.base) if focus else network


def _ecosystem(source: Project, store: ox.Store) -> Graph:
    """The named graphs of the query store merged, but those of the reference datasets: read
    with Oxigraph's pattern index, not by parsing every graph file again. Graphs are read in the
    order of their files, as before: where articles disagree (two statuses for one collaboration,
    which `kg validate` reports), the page shows the one it showed before."""
    names = sorted(store.named_graphs(), key=lambda name: name.value)
    reference = source.iris.reference_graphs([URIRef(name.value) for name in names]) | {source.iris.analytics_graph}
    triples = (quad.triple for name in names if URIRef(name.value) not in reference
               for quad in store.quads_for_pattern(None, None, None, name) if quad.predicate not in _UNREAD)
    return bind_prefixes(to_rdflib(triples), source.base)


def project(graph: Graph, base: str | None = None, provenance: bool = False,
            selection: Graph | None = None) -> nx.MultiDiGraph:
    """The entity network of a (merged) graph.

    With `selection` (say, a CONSTRUCT query's result), only the entities it mentions and the
    relations it holds are drawn, described and evidenced from the whole graph.

    Node ids are prefixed names (`id:lazada`); node attributes: label, label_en, aliases,
    type, category, iri, status (collaborations), posts, facts; edge key and `relation`: the
    predicate's prefixed name, plus `status` (of the collaboration at either end) and
    `evidence`. With `provenance`, the articles and their sentences are nodes too, linked
    from the entities they support.
    """
    evidence = _evidence_index(graph)
    types = _entity_types(graph)
    if selection is not None:
        mentioned = set(selection.subjects()) | set(selection.objects())
        types = {iri: spec for iri, spec in types.items() if iri in mentioned}
    if not types:
        raise KgError("the graph holds no entities to draw", "run `kg build` first, or check the query")
    name = {iri: curie(iri, base) for iri in types}
    status = {iri: _status(graph, iri) for iri in types if types[iri].name == "Collaboration"}
    network = nx.MultiDiGraph()
    for iri in sorted(types, key=name.__getitem__):
        spec = types[iri]
        network.add_node(name[iri], iri=str(iri), type=spec.name, category=spec.category,
                         status=status.get(iri, ""), **_names(graph, iri),
                         posts=sorted(_label(graph, post) for post in graph.objects(iri, ORG.holds)),
                         facts=_facts(graph, iri, evidence))
    edges, names = [], {}
    for s, p, o in graph if selection is None else selection:
        if s in types and o in types and p not in _INVERSES and p not in _NAMES:
            edge_status = status.get(s) or status.get(o) or ""
            edges.append((name[s], name[o], curie(p, base), edge_status, evidence.get((s, p, o), ())))
            names.setdefault(curie(p, base), _relation_name(graph, p))
    for source, target, relation, edge_status, support in sorted(edges):
        network.add_edge(source, target, key=relation, relation=relation, relation_label=names[relation],
                         status=edge_status, evidence=support, support=len({ev.article for ev in support}))
    if provenance:
        _add_provenance(network)
    return network


def ego(network: nx.MultiDiGraph, focus: str, depth: int, base: str | None = None) -> nx.MultiDiGraph:
    """The entities within `depth` hops of `focus` (in either direction), and the edges among them."""
    center = resolve(network, focus, base)
    reach = nx.single_source_shortest_path_length(network.to_undirected(as_view=True), center, cutoff=depth)
    # Built in the network's own order: a networkx subgraph view of less than half the graph
    # walks the set of kept nodes, whose order changes from one process to the next.
    part = nx.MultiDiGraph(**network.graph)
    part.add_nodes_from((node, data) for node, data in network.nodes(data=True) if node in reach)
    part.add_edges_from((u, v, key, data) for u, v, key, data in network.edges(keys=True, data=True)
                        if u in reach and v in reach)
    return part


def resolve(network: nx.MultiDiGraph, name: str, base: str | None = None) -> str:
    """The node a user means by an id (`lazada`), a prefixed name, an IRI or an exact label or alias."""
    candidates = [name, f"id:{name}"]
    if ":" in name and not any(ch.isspace() or ch in '<>"{}|^`\\' for ch in name):
        candidates.append(curie(URIRef(name), base))  # only what can be an IRI, so rdflib never warns
    for candidate in candidates:
        if candidate in network:
            return candidate
    wanted = name.casefold()
    by_name = sorted(n for n, data in network.nodes(data=True) if wanted in _node_names(data))
    if len(by_name) == 1:
        return by_name[0]
    hint = f"it names {', '.join(by_name)}; use an id" if by_name else _nearest(network, name)
    raise UnknownEntity(f"no single entity {name!r} in the graph", hint)


def _node_names(data: dict) -> set[str]:
    names = [data.get("label", ""), data.get("label_en", ""), *data.get("aliases", [])]
    return {str(n).casefold() for n in names if n}


def _nearest(network: nx.MultiDiGraph, name: str) -> str:
    """The ids whose id, label or alias is closest to what the user typed."""
    by_key: dict[str, str] = {}
    for node, data in network.nodes(data=True):
        for key in (str(node).removeprefix("id:").casefold(), *_node_names(data)):
            by_key.setdefault(key, str(node).removeprefix("id:"))
    close = difflib.get_close_matches(name.casefold(), list(by_key), n=6, cutoff=0.6)
    ids = list(dict.fromkeys(by_key[key] for key in close))[:3]
    if ids:
        return "did you mean " + " or ".join(repr(i) for i in ids) + "?"
    return "`kg query search --param text=...` finds entities by name"


def _entity_types(graph: Graph) -> dict[URIRef, TypeSpec]:
    """Each entity and its most specific type (the latest in the schema's table)."""
    by_class = {spec.cls: spec for spec in TYPES.values()}
    found: dict[URIRef, TypeSpec] = {}
    for s, cls in graph.subject_objects(RDF.type):
        spec = by_class.get(cls)
        if isinstance(s, URIRef) and spec and (s not in found or _TYPE_ORDER[cls] > _TYPE_ORDER[found[s].cls]):
            found[s] = spec
    return found


def _names(graph: Graph, iri: URIRef) -> dict[str, str | list[str]]:
    labels = {getattr(label, "language", None): str(label) for label in graph.objects(iri, RDFS.label)}
    fallback = str(iri).rstrip("/").rsplit("/", 1)[-1]
    return {
        "label": labels.get("id") or labels.get(None) or next(iter(sorted(labels.values())), fallback),
        "label_en": labels.get("en", ""),
        "aliases": sorted({str(alias) for alias in graph.objects(iri, SKOS.altLabel)}),
    }


def _relation_name(graph: Graph, predicate: URIRef) -> str:
    """How people read a relation: the ontology's English label ("operated by"), else its prefixed name."""
    labels = {getattr(label, "language", None): str(label) for label in graph.objects(predicate, RDFS.label)}
    return labels.get("en") or labels.get(None) or curie(predicate)


def _label(graph: Graph, iri: object) -> str:
    return str(_names(graph, iri)["label"]) if isinstance(iri, URIRef) else str(iri)


def _status(graph: Graph, collaboration: URIRef) -> str:
    value = graph.value(collaboration, KG.status)
    return str(value).rsplit("#", 1)[-1] if value is not None else ""


def _facts(graph: Graph, iri: URIRef, evidence: dict[tuple, tuple[Evidence, ...]]) -> list[Fact]:
    facts = {Fact(curie(p), str(o), evidence.get((iri, p, o), ()))
             for p, o in graph.predicate_objects(iri)
             if isinstance(o, Literal) and p not in _NAMES}
    return sorted(facts)


def _evidence_index(graph: Graph) -> dict[tuple, tuple[Evidence, ...]]:
    """(subject, predicate, object) → the evidence of its statements, walking
    statement → kg:evidence → oa:hasTarget → kg:inSentence / oa:hasSource."""
    headlines = {article: str(graph.value(article, SCHEMA.headline) or graph.value(article, DCTERMS.identifier) or "")
                 for article in graph.subjects(RDF.type, SCHEMA.NewsArticle)}
    index: dict[tuple, set[Evidence]] = defaultdict(set)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = tuple(graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        for annotation in graph.objects(statement, KG.evidence):
            for target in graph.objects(annotation, OA.hasTarget):
                article = graph.value(target, OA.hasSource)
                quote = next((graph.value(sel, OA.exact) for sel in graph.objects(target, OA.hasSelector)
                              if graph.value(sel, OA.exact) is not None), "")
                sentences = sorted(graph.objects(target, KG.inSentence),
                                   key=lambda s: int(graph.value(s, KG.sentenceIndex) or 0))
                text = " ".join(str(graph.value(s, NIF.anchorOf) or "") for s in sentences)
                index[triple].add(Evidence(str(article or ""), headlines.get(article, ""), text, str(quote)))
    return {key: tuple(sorted(value)) for key, value in index.items()}


def _add_provenance(network: nx.MultiDiGraph) -> None:
    """Articles and sentences as nodes, each entity linked to the sentences that support it."""
    support: set[tuple[str, Evidence]] = set()
    for node, data in network.nodes(data=True):
        support.update((node, ev) for fact in data["facts"] for ev in fact.evidence)
    for source, _, data in network.edges(data=True):
        support.update((source, ev) for ev in data["evidence"])
    sentences: dict[str, Evidence] = {}
    for _, ev in sorted(support):  # one evidence per sentence, the same one in every run
        sentences.setdefault(ev.sentence, ev)
    for article, headline in sorted({(ev.article, ev.headline) for ev in sentences.values()}):
        network.add_node(article, iri=article, type="NewsArticle", category=PROVENANCE_CATEGORY,
                         label=headline or article, label_en="", aliases=[], status="", posts=[], facts=[])
    for index, text in enumerate(sorted(sentences)):
        ev = sentences[text]
        node = f"sentence:{index}"
        network.add_node(node, iri="", type="Sentence", category=PROVENANCE_CATEGORY, label=_short(text),
                         label_en="", aliases=[], status="", posts=[], facts=[Fact("nif:anchorOf", text, ())])
        network.add_edge(node, ev.article, key="nif:referenceContext", relation="nif:referenceContext",
                         status="", evidence=())
        for entity in sorted({entity for entity, e in support if e.sentence == text}):
            network.add_edge(entity, node, key="kg:inSentence", relation="kg:inSentence", status="", evidence=(ev,))


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def evidence_text(evidence: Iterable[Evidence]) -> str:
    """Evidence as one line of text, for formats that hold only strings."""
    return " | ".join(str(ev) for ev in evidence)


def construct(project: Project, out_dir: Path, name_or_file: str, params: dict[str, str]) -> Graph:
    """Run a named CONSTRUCT (or DESCRIBE) query on the built graph and return it as an rdflib Graph."""
    query = find_query(load_library(project.root / "queries"), name_or_file)
    result = execute(open_store(store_path(project, out_dir)), query.text, bind(query, params, project.base))
    if result.form != "graph":
        raise QueryError(f"{query.name} is not a CONSTRUCT or DESCRIBE query", "pick a query that returns a graph")
    return Graph().parse(data=encode(result).decode("utf-8"), format="nt")
