"""The rdflib graphs pySHACL reads in `kg validate`: the same triples and prefixes as a default
rdflib Graph, in a store made for lookups, with each SPARQL constraint parsed once.

pySHACL spends most of a run in triple lookups and, for each focus node of a shape with a
`sh:sparql` constraint, in parsing the same query text again. rdflib's default `Memory` store
checks every matching triple's context on each lookup, which a graph of one context never
needs; `LookupStore` keeps three indexes and answers from them. `ShaclGraph.query` prepares a
query string once (for the same prefixes) and evaluates the prepared query, which is what
rdflib does with the string each time. With the constraint parameters answered from a set and
the ontology's entailments made once (kg/build/shacl.py), `kg validate` from scratch takes about
0.19 s of CPU an article instead of 0.34 s (benchmarks/validate_speed.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from rdflib import RDF, Graph
from rdflib.paths import Path
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import Node

_NONE: tuple = ()
_PREPARED_MAX = 64  # distinct (query, prefixes) pairs kept; the shapes have a handful
_PREPARED: dict[tuple, Any] = {}  # (query text, prefixes) -> the query translated


class LookupStore(SimpleMemory):
    """Triples of one graph in subject, predicate and object indexes, insertion-ordered like
    rdflib's Memory store, with its prefix bindings (inherited from SimpleMemory, which shares
    Memory's). Every triple is in the one graph the store holds (`graph`, set by ShaclGraph):
    pySHACL reads one graph, and looks a blank node up by the graph it is in to describe it."""

    context_aware = True  # pySHACL wraps every data graph in an rdflib Dataset, which asks for both
    graph_aware = True

    def __init__(self) -> None:
        super().__init__()
        self._spo: dict[Any, dict[Any, dict[Any, None]]] = {}
        self._pos: dict[Any, dict[Any, dict[Any, None]]] = {}
        self._osp: dict[Any, dict[Any, dict[Any, None]]] = {}
        self._size = 0
        self.graph: tuple[Graph, ...] = _NONE  # the graph the store holds, once it has one
        self.mirror: Any = None  # the same triples in Oxigraph, for SPARQL constraints (kg/build/shacl_sparql.py)

    def add(self, triple: tuple, context: Any = None, quoted: bool = False) -> None:
        s, p, o = triple
        objects = self._spo.setdefault(s, {}).setdefault(p, {})
        if o in objects:
            return
        objects[o] = None
        self._pos.setdefault(p, {}).setdefault(o, {})[s] = None
        self._osp.setdefault(o, {}).setdefault(s, {})[p] = None
        self._size += 1

    def remove(self, triple: tuple, context: Any = None) -> None:
        for (s, p, o), _ in list(self.triples(triple)):
            del self._spo[s][p][o], self._pos[p][o][s], self._osp[o][s][p]
            self._size -= 1

    def add_graph(self, graph: Graph) -> None:
        """Nothing to record: the store holds one graph."""

    def contexts(self, triple: tuple | None = None) -> Iterator[Any]:
        return iter(self.graph)

    def __len__(self, context: Any = None) -> int:
        return self._size

    def triples(self, pattern: tuple, context: Any = None) -> Iterator[tuple[tuple, Iterator[Any]]]:
        """The triples matching (s, p, o), None matching anything; each in the store's graph."""
        return ((triple, iter(self.graph)) for triple in self.match(*pattern))

    def match(self, s: Any, p: Any, o: Any) -> Iterator[tuple]:
        """The triples matching (s, p, o), None matching anything."""
        if s is not None:
            by_predicate = self._spo.get(s, {})
            if p is not None:
                objects = by_predicate.get(p, {})
                if o is not None:
                    return iter(((s, p, o),) if o in objects else _NONE)
                return ((s, p, x) for x in list(objects))
            if o is not None:
                return ((s, x, o) for x in list(self._osp.get(o, {}).get(s, {})))
            return ((s, x, y) for x, objects in list(by_predicate.items()) for y in list(objects))
        if p is not None:
            by_object = self._pos.get(p, {})
            if o is not None:
                return ((x, p, o) for x in list(by_object.get(o, {})))
            return ((y, p, x) for x, subjects in list(by_object.items()) for y in list(subjects))
        if o is not None:
            return ((x, y, o) for x, predicates in list(self._osp.get(o, {}).items()) for y in list(predicates))
        return ((x, y, z) for x, by_predicate in list(self._spo.items())
                for y, objects in list(by_predicate.items()) for z in list(objects))


class ShaclGraph(Graph):
    """A Graph over a LookupStore whose SPARQL query strings are prepared once per process.

    `not_targets` are left out of `subjects(rdf:type, C)`: pySHACL finds the focus nodes of a
    shape's sh:targetClass with that call and uses it for nothing else, so those nodes are not
    checked themselves, while their types still count where a value must have a class
    (sh:class reads `objects(node, rdf:type)`)."""

    def __init__(self, not_targets: AbstractSet[Node] = frozenset()) -> None:
        super().__init__(store=LookupStore())
        self.store.graph = (self,)
        self.not_targets = not_targets
        self.discarded: AbstractSet[Node] = frozenset()  # of a shapes graph: kg/build/shacl_nested.py

    # Graph's lookups, straight from the store's indexes when the predicate is not a path (the
    # store yields each triple once, so `unique` changes nothing when the other two are given).
    def triples(self, triple: tuple) -> Iterator[tuple]:
        if isinstance(triple[1], Path):
            return super().triples(triple)
        return self.store.match(*triple)

    def objects(self, subject: Any = None, predicate: Any = None, unique: bool = False) -> Iterator[Any]:
        if isinstance(predicate, Path) or isinstance(subject, list) or (unique and None in (subject, predicate)):
            return super().objects(subject, predicate, unique)
        return (o for _, _, o in self.store.match(subject, predicate, None))

    def predicate_objects(self, subject: Any = None, unique: bool = False) -> Iterator[tuple[Any, Any]]:
        if unique and subject is None:
            return super().predicate_objects(subject, unique)
        return ((p, o) for _, p, o in self.store.match(subject, None, None))

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Iterator[Any]:
        if isinstance(predicate, Path) or isinstance(object, list) or (unique and None in (predicate, object)):
            found = super().subjects(predicate, object, unique)
        else:
            found = (s for s, _, _ in self.store.match(None, predicate, object))
        if predicate != RDF.type or not self.not_targets:
            return found
        return (node for node in found if node not in self.not_targets)

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql", initNs: Any = None,
              initBindings: Any = None, use_store_provided: bool = True, **kwargs: Any) -> Any:
        """Graph.query, with a query string translated once for the same prefixes (rdflib
        resolves it with the graph's own when none are given, so they are part of the key)."""
        if isinstance(query_object, str) and processor == "sparql" and not kwargs:
            initNs = initNs or dict(self.namespaces())
            key = (query_object, tuple(sorted(initNs.items())))
            prepared = _PREPARED.get(key)
            if prepared is None:
                if len(_PREPARED) >= _PREPARED_MAX:
                    _PREPARED.clear()
                prepared = _PREPARED[key] = prepareQuery(query_object, initNs=initNs)
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def shacl_graph(triples: Iterable[tuple], not_targets: AbstractSet[Node] = frozenset()) -> ShaclGraph:
    """A ShaclGraph of rdflib triples (rdflib's default prefixes, as Graph() has)."""
    graph = ShaclGraph(not_targets)
    add = graph.store.add
    for triple in triples:
        add(triple, graph)
    return graph
