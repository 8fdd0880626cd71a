"""The dataset's description in VoID and DCAT, generated at build time from the census of the
built quads and the linkset graphs, so its counts, sources and linksets cannot drift from the graph.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from kg.build.serialize import GRAPH_BASENAME
from kg.build.summary import Census
from kg.link.regions import package_page
from kg.namespaces import ONTOLOGY_IRI, ORG, PREFIXES, SCHEMA
from kg.project import Project
from kg.rdfio import bind

DESCRIPTION_FILE = "void.ttl"
MEDIA_TYPES = {"trig": "application/trig", "nq": "application/n-quads", "ttl": "text/turtle",
               "nt": "application/n-triples", "jsonld": "application/ld+json"}
EXAMPLES = 3  # linked places shown as example resources


def describe(census: Census, linksets: Graph, project: Project, articles: list[str], formats: list[str]) -> Graph:
    """VoID + DCAT: title, description, licence, publisher, sources, counts (quads, per named
    graph as a void:subset), linksets with their link counts, example resources, distributions."""
    iris = project.iris
    graph = bind(Graph(), iris.base)
    node = iris.dataset
    sizes = {name: size for name, size in census.by_graph.items() if size}
    for cls in (VOID.Dataset, DCAT.Dataset):
        graph.add((node, RDF.type, cls))
    for p, o in (
        (DCTERMS.title, Literal(project.title, lang="id") if project.title else None),
        (DCTERMS.title, Literal(project.title_en, lang="en") if project.title_en else None),
        (DCTERMS.description, Literal(
            "News articles about Indonesia's digital economy as a knowledge graph, every fact with the words "
            "of its article, joined to the Kemendagri region codes and to external identifiers.", lang="en")),
        (DCTERMS.license, URIRef(project.license) if project.license else None),
        (DCTERMS.publisher, Literal(project.publisher) if project.publisher else None),
        (VOID.uriSpace, Literal(iris.base)),
        (VOID.triples, _integer(sum(sizes.values()))),
        (VOID.entities, _integer(len(census.named))),
        (VOID.vocabulary, ONTOLOGY_IRI), (VOID.vocabulary, URIRef(str(SCHEMA))), (VOID.vocabulary, URIRef(str(ORG))),
        (DCTERMS.source, package_page()),
    ):
        if o is not None:
            graph.add((node, p, o))
    for ident in articles:
        graph.add((node, DCTERMS.source, iris.article(ident)))
    for name, size in sorted(sizes.items()):
        subset = URIRef(name)
        graph.add((node, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, _integer(size)))
    for linkset in sorted(set(linksets.subjects(RDF.type, VOID.Linkset))):
        _copy_linkset(linksets, graph, linkset, node)
    linked = sorted(URIRef(s) for s in census.linked)[:EXAMPLES]
    for example in [iris.article(ident) for ident in articles] + linked:
        graph.add((node, VOID.exampleResource, example))
    for suffix in formats:
        distribution = URIRef(f"{node}/{GRAPH_BASENAME}.{suffix}")
        graph.add((node, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.mediaType, Literal(MEDIA_TYPES[suffix])))
        graph.add((distribution, DCTERMS.title, Literal(f"{GRAPH_BASENAME}.{suffix}")))
    return graph


def _copy_linkset(merged: Graph, graph: Graph, linkset: URIRef, node: URIRef) -> None:
    """A linkset as a subset of the dataset, with its own description and link count."""
    graph.add((node, VOID.subset, linkset))
    for p in (RDF.type, DCTERMS.title, VOID.subjectsTarget, VOID.objectsTarget, VOID.linkPredicate, VOID.triples):
        for o in merged.objects(linkset, p):
            graph.add((linkset, p, o))


def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)




def turtle(graph: Graph, base: str) -> bytes:
    """The description as Turtle, triples sorted, written by pyoxigraph: rdflib's pretty Turtle
    writer took 0.5 s for the 1,000-article description, most of a no-change build."""
    import pyoxigraph as ox

    lines = sorted(set(graph.serialize(format="nt").splitlines()) - {""})
    triples = ox.parse(("\n".join(lines) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, "id": base}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
