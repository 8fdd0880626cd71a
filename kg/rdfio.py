"""Low-level writing helpers every stage shares: atomic file writes and the project's prefixes.

They live below the pipeline so that the link stage, the store and the exports can write files
and bind prefixes without reaching up into the build.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kg.namespaces import PREFIXES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.term import Node

G = TypeVar("G", bound="Graph")


def bind(graph: G, base: str | None = None) -> G:
    """Bind the project's prefixes, and `id:` to the base IRI of its entities."""
    from rdflib import Namespace

    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if base:
        graph.bind("id", Namespace(base), override=True, replace=True)
    return graph


def to_rdflib(triples: Iterable[ox.Triple]) -> Graph:
    """pyoxigraph triples as an rdflib Graph, terms as `rdflib_triples` makes them."""
    from rdflib import Graph

    graph = Graph()
    graph.addN((*triple, graph) for triple in rdflib_triples(triples))
    return graph


def rdflib_triples(triples: Iterable[ox.Triple]) -> Iterator[tuple]:
    """pyoxigraph triples as rdflib term triples, terms as `rdflib_terms` makes them."""
    term = rdflib_terms()
    return ((term(t.subject), term(t.predicate), term(t.object)) for t in triples)


def rdflib_terms() -> Callable[[object], Node]:
    """A converter of pyoxigraph terms to rdflib terms as an rdflib N-Quads parse gives them (a
    plain string literal has no datatype), each IRI and blank node made once."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    string = "http://www.w3.org/2001/XMLSchema#string"
    made: dict[object, URIRef | BNode] = {}

    def term(value: object) -> Node:
        if isinstance(value, ox.Literal):
            if value.language:
                return Literal(value.value, lang=value.language)
            datatype = value.datatype
            return Literal(value.value, datatype=None if datatype.value == string else term(datatype))
        node = made.get(value)
        if node is None:
            node = made[value] = URIRef(value.value) if isinstance(value, ox.NamedNode) else BNode(value.value)
        return node

    return term


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o666 & ~umask())  # mkstemp makes files private; outputs are for sharing
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def oxigraph_terms() -> Callable[[object], ox.NamedNode | ox.BlankNode | ox.Literal]:
    """A converter of rdflib terms to pyoxigraph terms, the reverse of `rdflib_terms`, each IRI
    and blank node made once (a build turns a few hundred IRIs into thousands of quads)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    made: dict[object, ox.NamedNode | ox.BlankNode] = {}

    def term(value: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(value, Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            return ox.Literal(str(value), datatype=term(value.datatype) if value.datatype else None)
        node = made.get(value)
        if node is None:
            node = made[value] = ox.BlankNode(str(value)) if isinstance(value, BNode) else ox.NamedNode(str(value))
        return node

    return term
