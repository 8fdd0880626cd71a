"""Parameter values checked against the graph before a query runs: a typo (`entity=lazda`,
`type=kg:Compnay`) is an IRI no triple holds, and a query over it answers nothing with exit 0,
which reads as "there is nothing" rather than "you mistyped". An IRI the graph never mentions
is an error with the nearest ids, classes or properties the graph does hold. Likewise a query
over a graph another command adds (`kg stats`' measures) says so when the store lacks it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import suggest
from kg.namespaces import curie
from kg.query.library import NamedQuery
from kg.query.model import QueryError

_KNOWN_TERMS = """SELECT DISTINCT ?term WHERE {
  { ?x a ?term } UNION { ?term a ?kind . FILTER (?kind IN (<http://www.w3.org/2002/07/owl#Class>,
    <http://www.w3.org/2002/07/owl#ObjectProperty>, <http://www.w3.org/2002/07/owl#DatatypeProperty>,
    <http://www.w3.org/2004/02/skos/core#Concept>)) }
}"""


def check_params(store_path: Path, bindings: dict[str, ox.NamedNode | ox.Literal], base: str) -> None:
    """Raise a QueryError naming the parameter whose IRI the built graph never mentions."""
    iris = {name: term for name, term in bindings.items() if isinstance(term, ox.NamedNode)}
    if not iris:
        return
    store = ox.Store.read_only(str(store_path))
    for name, term in sorted(iris.items()):
        if not _mentioned(store, term):
            raise QueryError(f"parameter {name!r}: {curie(term.value, base)} is in no triple of the graph",
                             _nearest(store, term.value, base))


def check_needs(store_path: Path, query: NamedQuery, base: str) -> None:
    """Raise a QueryError when a graph the query reads is not in the store: its rows would be
    none, and none would look like an answer."""
    store = ox.Store.read_only(str(store_path))
    for graph, maker in query.needs:
        if not store.contains_named_graph(ox.NamedNode(base + graph)):
            raise QueryError(f"{query.name} reads {graph}, which the store does not hold", f"run {maker} first")


def _mentioned(store: ox.Store, term: ox.NamedNode) -> bool:
    return any(True for _ in store.quads_for_pattern(term, None, None)) or \
        any(True for _ in store.quads_for_pattern(None, None, term)) or \
        any(True for _ in store.quads_for_pattern(None, term, None))


def _nearest(store: ox.Store, iri: str, base: str) -> str:
    """The graph's entity ids (for an IRI under the base) or its classes and properties."""
    if iri.startswith(base):
        ids = {quad.subject.value[len(base):] for quad in store.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None)
            if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(base)}
        return suggest(iri[len(base):], {i for i in ids if "/" not in i}, "entity ids")
    terms = {curie(row[0].value, base) for row in store.query(_KNOWN_TERMS) if isinstance(row[0], ox.NamedNode)}
    return suggest(curie(iri, base), terms, "classes and properties")
