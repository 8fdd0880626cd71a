"""One SHACL run over a small piece of the built graph, with the RDFS entailments the shapes rely
on computed here rather than by pySHACL's own reasoner.

`kg validate` checks the corpus graph by graph (kg/build/validate.py); each run here sees one
graph, the ontology and the types of the nodes it points to. pySHACL's `inference="rdfs"` spends
most of a run in owlrl's pure-Python closure (1.3 s for one article); the entailments a shape can
see (a node's classes through rdfs:subClassOf, rdfs:domain and rdfs:range, and the values of
super-properties) are a pass over the triples with the ontology's schema closed once. pySHACL
reads the data and the shapes as ShaclGraphs (kg/build/shacl_graph.py), made for its lookups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build.shacl_batched import batch_property_shapes
from kg.build.shacl_graph import ShaclGraph, shacl_graph
from kg.build.shacl_nested import discarded_shapes, skip_discarded_results
from kg.build.shacl_sparql import OxigraphMirror, answer_sparql_with_oxigraph
from kg.namespaces import SH
from kg.rdfio import rdflib_triples

_TYPE = ox.NamedNode(str(RDF.type))
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


@dataclass(frozen=True)
class Result:
    """One SHACL result, terms kept whole (IRIs as IRIs) so the report can shorten them later."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    value_is_iri: bool
    message: str

    def to_list(self) -> list:
        return [self.severity, self.focus, self.path, self.value, self.value_is_iri, self.message]


class Checker:
    """The shapes and the ontology, read once and used for many runs: the shapes as a
    ShaclGraph, the ontology's schema closed and its own entailments made once (what RDFS
    entails from a triple depends on that triple and the schema only, so a graph's entailments
    are its own plus the ontology's)."""

    def __init__(self, shapes: Graph, ontology: list[ox.Triple]) -> None:
        _set_parameters()
        skip_discarded_results()
        batch_property_shapes()
        answer_sparql_with_oxigraph()
        shapes.discarded = discarded_shapes(shapes)  # type: ignore[attr-defined]
        shapes.batched = True  # type: ignore[attr-defined]
        self.shapes = shapes
        self.ontology = ontology
        self._schema = _Schema(ontology)
        entailed = self._schema.entail(ontology)
        self._entailed_ontology = list(rdflib_triples(entailed))
        self._ontology_quads = [ox.Quad(t.subject, t.predicate, t.object) for t in entailed]
        self._read = class_read(shapes)
        self._lends: dict[str, bool] = {}

    @classmethod
    def load(cls, shapes_file: Path, ontology: list[ox.Triple]) -> Checker:
        shapes = ShaclGraph()
        shapes.parse(shapes_file, format="turtle")
        return cls(shapes, ontology)

    def check(self, triples: Sequence[ox.Triple], lent: Sequence[ox.Triple] = ()) -> list[Result]:
        """The results of the shapes over `triples`, `lent` (the types of the nodes they point
        to, from other graphs), the ontology and their RDFS entailments. A node only `lent`
        describes is no target: what the shapes say of it belongs to the graph describing it."""
        entailed = self._schema.entail([*triples, *lent])
        data = shacl_graph(chain(rdflib_triples(entailed), self._entailed_ontology),
                           {URIRef(n) for n in {t.subject.value for t in lent} - {t.subject.value for t in triples}})
        data.store.mirror = OxigraphMirror(entailed, self._ontology_quads)  # type: ignore[attr-defined]
        _, results, _ = pyshacl.validate(data, shacl_graph=self.shapes, abort_on_first=False, allow_warnings=True)
        return results_of(results)

    def lends(self, predicate: str) -> bool:
        """Whether the classes of a `predicate` value described in another graph can change a
        result: a shape reads them (`class_read`), or the ontology gives such values a class
        (rdfs:range), for the predicate or one of its super-properties. Only those values are
        lent their types: a value whose classes nothing reads (a fact's rdf:subject) would be
        one more target whose results belong to the graph describing it."""
        found = self._lends.get(predicate)
        if found is None:
            supers = self._schema.supers(ox.NamedNode(predicate))
            found = self._lends[predicate] = any(p.value in self._read or self._schema.ranges(p) for p in supers)
        return found


_NESTED = (SH.node, SH.qualifiedValueShape, SH["not"])
_LISTS = (SH["or"], SH["and"], SH.xone)


def class_read(shapes: Graph) -> frozenset[str]:
    """The predicates whose values' classes the shapes read: those on the path of a property
    shape with sh:class (itself, or in a shape it nests through sh:node, sh:or, sh:and, sh:xone,
    sh:not or sh:qualifiedValueShape), and those whose values sh:targetObjectsOf makes targets."""
    read = {str(p) for p in shapes.objects(None, SH.targetObjectsOf)}
    for shape, path in shapes.subject_objects(SH.path):
        if _reads_class(shapes, shape, set()):
            read.update(str(p) for p in _path_predicates(shapes, path))
    return frozenset(read)


def _reads_class(shapes: Graph, shape: object, seen: set) -> bool:
    if shape in seen:
        return False
    seen.add(shape)
    if (shape, SH["class"], None) in shapes:
        return True
    nested = [o for p in _NESTED for o in shapes.objects(shape, p)]
    nested += [member for p in _LISTS for head in shapes.objects(shape, p) for member in shapes.items(head)]
    return any(_reads_class(shapes, node, seen) for node in nested)


def _path_predicates(shapes: Graph, path: object) -> list[object]:
    """Every IRI in a SHACL path: a predicate, or the members of a sequence, inverse,
    alternative or repeated path (all of them: a value may be reached through any)."""
    if isinstance(path, URIRef):
        return [path]
    if (path, RDF.first, None) in shapes:  # a sequence
        inner = list(shapes.items(path))
    else:  # [ sh:inversePath p ], [ sh:alternativePath (...) ], [ sh:zeroOrMorePath p ] ...
        inner = [o for _, o in shapes.predicate_objects(path)]
    return [p for node in inner for p in _path_predicates(shapes, node)]


class _Parameters(list):
    """pySHACL's list of constraint parameters answering `in` from a set. Each time a shape is
    evaluated (once per focus node for a property shape) pySHACL asks it of each of the shape's
    predicates, and a list compares them one by one in Python: a tenth of a run."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _set_parameters() -> None:
    """Give pySHACL the parameters as _Parameters (it keeps them in `pyshacl.shape.CONSTRAINT_PARAMS`,
    filled on first use; the same members, so every run behaves the same)."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    if not isinstance(getattr(shape, "CONSTRAINT_PARAMS", (None,))[0], _Parameters):
        shape.CONSTRAINT_PARAMS = (_Parameters(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def entailed(triples: list[ox.Triple], ontology: list[ox.Triple]) -> list[ox.Triple]:
    """The triples with what RDFS entails from them that a shape can see (see `_Schema.entail`)."""
    return _Schema(ontology).entail(triples)


class _Schema:
    """rdfs:subClassOf, rdfs:subPropertyOf, rdfs:domain and rdfs:range of an ontology, closed."""

    def __init__(self, ontology: list[ox.Triple]) -> None:
        edges: dict[str, dict[ox.NamedNode, set[ox.NamedNode]]] = {}
        for t in ontology:
            name = t.predicate.value.removeprefix(_RDFS)
            if name in ("subClassOf", "subPropertyOf", "domain", "range") and isinstance(t.object, ox.NamedNode):
                edges.setdefault(name, {}).setdefault(t.subject, set()).add(t.object)
        self._edges = edges
        self._closures: dict[tuple[str, ox.NamedNode], set[ox.NamedNode]] = {}

    def entail(self, triples: Sequence[ox.Triple]) -> list[ox.Triple]:
        """The triples with the values of each property's super-properties (RDFS rule 7), the
        classes its domain and range give (rules 2, 3), and every super-class of a class a node
        has (rule 9). The schema is closed first, so one pass over the data reaches the fixpoint."""
        found = dict.fromkeys(triples)
        for t in triples:
            for prop in self.supers(t.predicate):
                found.setdefault(ox.Triple(t.subject, prop, t.object))
                for cls in self.domains(prop):
                    found.setdefault(ox.Triple(t.subject, _TYPE, cls))
                if not isinstance(t.object, ox.Literal):
                    for cls in self.ranges(prop):
                        found.setdefault(ox.Triple(t.object, _TYPE, cls))
        for t in list(found):
            if t.predicate == _TYPE and isinstance(t.object, ox.NamedNode):
                for cls in self.classes(t.object):
                    found.setdefault(ox.Triple(t.subject, _TYPE, cls))
        return list(found)

    def _closed(self, relation: str, start: ox.NamedNode) -> set[ox.NamedNode]:
        seen = self._closures.get((relation, start))
        if seen is None:
            seen, todo = {start}, [start]
            while todo:
                for nxt in self._edges.get(relation, {}).get(todo.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            self._closures[relation, start] = seen
        return seen

    def supers(self, prop: ox.NamedNode) -> set[ox.NamedNode]:
        return self._closed("subPropertyOf", prop)

    def classes(self, cls: ox.NamedNode) -> set[ox.NamedNode]:
        return self._closed("subClassOf", cls)

    def domains(self, prop: ox.NamedNode) -> set[ox.NamedNode]:
        return self._edges.get("domain", {}).get(prop, set())

    def ranges(self, prop: ox.NamedNode) -> set[ox.NamedNode]:
        return self._edges.get("range", {}).get(prop, set())


def results_of(report: Graph) -> list[Result]:
    """The results of a pySHACL report graph."""
    return [_result(report, node) for node in report.subjects(RDF.type, SH.ValidationResult)]


def _result(results: Graph, node: object) -> Result:
    severity = results.value(node, SH.resultSeverity)
    path, value = results.value(node, SH.resultPath), results.value(node, SH.value)
    return Result(
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        focus=str(results.value(node, SH.focusNode)),
        path=None if path is None else str(path),
        value=None if value is None else str(value),
        value_is_iri=isinstance(value, URIRef),
        message=str(results.value(node, SH.resultMessage) or "does not conform"),
    )
