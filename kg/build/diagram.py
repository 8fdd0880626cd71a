"""A Mermaid class diagram of the ontology, generated so the README's picture stays true."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import KgError
from kg.namespaces import KG, curie


def mermaid(ontology_file: Path) -> str:
    """Classes with their superclasses, and object properties drawn from domain to range."""
    graph = Graph().parse(ontology_file, format="turtle")
    own = sorted(c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG)))
    lines = ["classDiagram", "    direction LR"]
    nodes: set[URIRef] = set()
    edges: list[str] = []
    for cls in own:
        for parent in sorted(graph.objects(cls, RDFS.subClassOf)):
            nodes.update((cls, parent))
            edges.append(f"    {_id(parent)} <|-- {_id(cls)}")
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty)):
        domain, range_ = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
        if isinstance(domain, URIRef) and isinstance(range_, URIRef):
            nodes.update((domain, range_))
            edges.append(f"    {_id(domain)} --> {_id(range_)} : {curie(prop)}")
    lines += [f'    class {_id(n)}["{curie(n)}"]' for n in sorted(nodes)]
    return "\n".join(lines + edges) + "\n"


def _id(term: URIRef) -> str:
    return curie(term).replace(":", "_").replace("-", "_")


START, END = "<!-- diagram:start -->", "<!-- diagram:end -->"


def embed(document: str, diagram: str) -> str:
    """The document with the Mermaid block between its diagram markers replaced."""
    if START not in document or END not in document:
        raise KgError(f"no {START} … {END} markers in the document", "add them where the diagram belongs")
    head, rest = document.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n```mermaid\n{diagram}```\n{END}{tail}"
