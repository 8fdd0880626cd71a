"""Measures of the entity network as data: counts by type, degree and betweenness centrality,
components, communities, and the shortest chains of relations between two actors.

Exact betweenness is cubic-ish (about 30 minutes at 15,000 entities), so above EXACT_LIMIT
nodes it is estimated from a seeded sample of K sources, and the result says which was done.
The measures are also written back as RDF, in their own named graph with PROV-O provenance
that records the input (by digest) and the method, not the wall-clock time, so the same build
gives the same bytes: into the query store of the generation measured (`build.annex`), where
`kg query` finds them, and as analytics.trig beside it, for other tools.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg import __version__
from kg.build.annex import annex_graph, built_manifest
from kg.build.assemble import MANIFEST
from kg.build.generations import current
from kg.build.serialize import render
from kg.errors import KgError, NotBuiltError, suggest
from kg.namespaces import KG, PREFIXES, Iris
from kg.network.defaults import EXACT_LIMIT, SAMPLE_K, SEED
from kg.network.projection import Evidence
from kg.rdfio import write_atomic
from kg.source.schema import TYPES

ANALYTICS_FILE = "analytics.trig"
PATHS_FILE = "paths.trig"


@dataclass(frozen=True)
class Stats:
    """What `kg stats` reports; lists are sorted so the output is stable."""

    nodes: int
    edges: int
    by_type: dict[str, int]
    degree: dict[str, int]
    betweenness: dict[str, float]
    betweenness_method: str
    components: list[list[str]]
    communities: list[list[str]]
    community_method: str


@dataclass(frozen=True)
class Hop:
    """One relation on a path, in the direction the graph states it, with its evidence."""

    source: str
    relation: str
    target: str
    evidence: tuple[Evidence, ...]


def _simple(network: nx.MultiDiGraph) -> nx.Graph:
    """Who is linked to whom, ignoring direction and how many relations link them."""
    graph = nx.Graph()
    graph.add_nodes_from(network)
    graph.add_edges_from((u, v) for u, v in network.edges() if u != v)
    return graph


def stats(network: nx.MultiDiGraph, seed: int = SEED, exact_limit: int = EXACT_LIMIT, k: int = SAMPLE_K) -> Stats:
    """Measure the network; betweenness is exact up to `exact_limit` nodes, sampled above."""
    graph = _simple(network)
    n = graph.number_of_nodes()
    if n <= exact_limit:
        betweenness = nx.betweenness_centrality(graph)
        method = f"exact (Brandes), {n} nodes"
    else:
        betweenness = nx.betweenness_centrality(graph, k=min(k, n), seed=seed)
        method = f"estimated from a sample of {min(k, n)} source nodes (seed {seed}): {n} nodes is above {exact_limit}"
    communities = nx.community.louvain_communities(graph, seed=seed)
    return Stats(
        nodes=n,
        edges=network.number_of_edges(),
        by_type=dict(sorted(Counter(t for _, t in network.nodes(data="type")).items())),
        degree=dict(graph.degree()),
        betweenness={node: round(value, 6) for node, value in betweenness.items()},
        betweenness_method=method,
        components=_ordered(nx.connected_components(graph)),
        communities=_ordered(communities),
        community_method=f"Louvain modularity (seed {seed})",
    )


def _ordered(groups: object) -> list[list[str]]:
    """Largest group first, members sorted, ties broken by first member."""
    return sorted((sorted(group) for group in groups), key=lambda group: (-len(group), group))  # type: ignore[union-attr]


def ranked(values: dict[str, float] | dict[str, int], top: int,
           among: set[str] | None = None) -> list[tuple[str, float]]:
    """The `top` highest values (of the nodes `among`, if given), ties by node id."""
    chosen = values.items() if among is None else ((n, v) for n, v in values.items() if n in among)
    return sorted(chosen, key=lambda item: (-item[1], item[0]))[:top]


def of_kinds(network: nx.MultiDiGraph, kinds: tuple[str, ...]) -> set[str]:
    """The nodes of these types (`Company`) or categories (`organisation`, `place` …)."""
    known = {str(t) for _, t in network.nodes(data="type")} | {str(c) for _, c in network.nodes(data="category")}
    known |= set(TYPES) | {spec.category for spec in TYPES.values()}
    for kind in kinds:
        if kind not in known:
            raise KgError(f"no type or category {kind!r}", suggest(kind, known, "types and categories"))
    return {node for node, data in network.nodes(data=True)
            if data.get("type") in kinds or data.get("category") in kinds}


def paths(network: nx.MultiDiGraph, source: str, target: str, limit: int = 5) -> list[list[Hop]]:
    """Up to `limit` shortest chains of relations between two nodes, each hop with its evidence."""
    if source == target:
        raise KgError(f"{source} and {target} are the same entity", "name two different entities")
    graph = _simple(network)
    try:
        chains = nx.all_shortest_paths(graph, source, target)
        found = [chain for _, chain in zip(range(limit), sorted(chains), strict=False)]
    except nx.NetworkXNoPath:
        found = []
    if not found:
        raise KgError(f"no chain of relations links {source} and {target}",
                      "they are in different components; see `kg stats`")
    return [[_hop(network, u, v) for u, v in itertools.pairwise(chain)] for chain in found]


def _hop(network: nx.MultiDiGraph, u: str, v: str) -> Hop:
    """The first relation (by name) between two neighbours, stated either way round."""
    stated = sorted([(d["relation"], u, v, d["evidence"]) for d in network.get_edge_data(u, v, default={}).values()]
                    + [(d["relation"], v, u, d["evidence"]) for d in network.get_edge_data(v, u, default={}).values()])
    relation, source, target, evidence = stated[0]
    return Hop(source, relation, target, evidence)


def to_rdf(result: Stats, network: nx.MultiDiGraph, iris: Iris, generation: Path,
           computed_at: str | None = None) -> Dataset:
    """The measures as a named graph `<base>graph/analytics`, with the activity that made them."""
    dataset = Dataset()
    graph = dataset.graph(iris.analytics_graph)
    _provenance(graph, iris.ns["analytics/run"], generation,
                f"kg {__version__} stats: betweenness centrality {result.betweenness_method}; "
                f"communities {result.community_method}", computed_at)
    community = {node: i for i, group in enumerate(result.communities) for node in group}
    component = {node: i for i, group in enumerate(result.components) for node in group}
    for node, data in network.nodes(data=True):
        iri = URIRef(data["iri"])
        graph.add((iri, KG.degree, Literal(result.degree[node])))
        graph.add((iri, KG.betweenness, Literal(result.betweenness[node], datatype=XSD.double)))
        graph.add((iri, KG.community, Literal(community[node])))
        graph.add((iri, KG.component, Literal(component[node])))
    return dataset


def _provenance(graph: Graph, activity: URIRef, generation: Path, method: str, computed_at: str | None) -> None:
    """The named graph was made by an activity that used the built graph, by a method. The graph is
    named by the hash of its generation's manifest as the build wrote it, which names every graph
    file by its digest (present whatever formats were written; measures added since left out)."""
    used = URIRef("urn:sha256:" + hashlib.sha256(built_manifest(generation)).hexdigest())
    graph.add((graph.identifier, RDF.type, PROV.Entity))
    graph.add((graph.identifier, PROV.wasGeneratedBy, activity))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, PROV.used, used))
    graph.add((used, DCTERMS.title, Literal(MANIFEST)))
    graph.add((activity, DCTERMS.description, Literal(method, lang="en")))
    if computed_at:
        try:
            when = datetime.fromisoformat(computed_at)
        except ValueError as exc:
            raise KgError(f"--computed-at {computed_at!r} is not an xsd:dateTime",
                          "write it like 2026-01-31T12:00:00Z") from exc
        graph.add((activity, PROV.endedAtTime, Literal(when)))


def paths_to_rdf(chains: list[list[Hop]], network: nx.MultiDiGraph, source: str, target: str, iris: Iris,
                 generation: Path, computed_at: str | None = None) -> Dataset:
    """The chains as a named graph `<base>graph/paths`: each a kg:Chain of ordered steps, each step
    the relation as an rdf:Statement (join it to the article statements for its evidence)."""
    dataset = Dataset()
    graph = dataset.graph(iris.ns["graph/paths"])
    ends = [URIRef(network.nodes[node]["iri"]) for node in (source, target)]
    names = "--".join(iris.local_id(end) or "x" for end in ends)
    _provenance(graph, iris.ns[f"paths/{names}/run"], generation,
                f"kg {__version__} path: shortest chains of relations (networkx all_shortest_paths, "
                f"relations taken in either direction)", computed_at)
    for number, chain in enumerate(chains, start=1):
        node = iris.ns[f"paths/{names}/{number}"]
        graph.add((node, RDF.type, KG.Chain))
        graph.add((node, KG.chainFrom, ends[0]))
        graph.add((node, KG.chainTo, ends[1]))
        graph.add((node, PROV.wasGeneratedBy, iris.ns[f"paths/{names}/run"]))
        for index, hop in enumerate(chain, start=1):
            step = iris.ns[f"paths/{names}/{number}/step/{index}"]
            graph.add((node, KG.step, step))
            graph.add((step, RDF.type, RDF.Statement))
            graph.add((step, KG.stepIndex, Literal(index)))
            graph.add((step, RDF.subject, URIRef(network.nodes[hop.source]["iri"])))
            graph.add((step, RDF.predicate, _expand(hop.relation)))
            graph.add((step, RDF.object, URIRef(network.nodes[hop.target]["iri"])))
    return dataset


def _expand(name: str) -> URIRef:
    prefix, _, local = name.partition(":")
    return URIRef(str(PREFIXES[prefix]) + local) if prefix in PREFIXES else URIRef(name)


def measured(out_dir: Path) -> Path:
    """The generation the output folder shows: take it before reading the network, so that the
    measures go to the generation they were computed from (or are refused if it was replaced)."""
    generation = current(out_dir)
    if generation is None:
        raise NotBuiltError(f"no built graph in {out_dir}", "run `kg build` first")
    return generation


def write_rdf(result: Stats, network: nx.MultiDiGraph, iris: Iris, out_dir: Path, generation: Path,
              computed_at: str | None = None) -> tuple[Path, Path]:
    """Put the measures into the query store of `generation` (graph/analytics, replacing earlier
    ones) and write them as TriG beside it; return both files."""
    dataset = to_rdf(result, network, iris, generation, computed_at)
    graph = str(iris.analytics_graph)
    annexed = annex_graph(out_dir, generation, graph, "analytics", render(dataset, "nq"), "kg stats")
    path = out_dir / ANALYTICS_FILE
    write_atomic(path, render(dataset, "trig", iris.base))
    return annexed, path


def write_paths(chains: list[list[Hop]], network: nx.MultiDiGraph, source: str, target: str, iris: Iris,
                out_dir: Path, computed_at: str | None = None) -> Path:
    """Write the chains as TriG beside the built graph (the last `kg path` asked)."""
    dataset = paths_to_rdf(chains, network, source, target, iris, measured(out_dir), computed_at)
    path = out_dir / PATHS_FILE
    write_atomic(path, render(dataset, "trig", iris.base))
    return path
