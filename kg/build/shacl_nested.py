"""Results pySHACL makes only to throw away, not made.

A shape inside `sh:or`, `sh:and`, `sh:xone`, `sh:not`, `sh:node` or `sh:qualifiedValueShape` is
checked for whether a value conforms to it; the component around it keeps that answer and makes
its own result, and pySHACL drops the nested shape's results (it only logs them when debugging).
Making each one (a message from the shape's terms, a description, result triples) was a seventh
of `kg validate` from scratch at 10,000 articles, where every article graph has an evidence target
that fails one branch of an `sh:or`. For a nested shape no target reaches, pySHACL is handed an
empty stand-in instead, carrying the one thing pySHACL reads back from such a result (its severity, by which a
shape decides whether it fails when warnings are allowed), so every answer, and every result that
reaches the report, is the same.
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import SH

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target)
_NESTED = (SH.node, SH.qualifiedValueShape, SH["not"])
_LISTS = (SH["or"], SH["and"], SH.xone)
_STAND_IN = BNode()  # the node of every stand-in result


def discarded_shapes(shapes: Graph) -> frozenset[Any]:
    """The shapes whose results are always dropped: those nested in another shape's logical or
    shape-based constraint, with the property shapes under them, except any that a target reaches
    (a targeted shape, or one of its property shapes, however deep)."""
    targeted = {s for p in _TARGETS for s in shapes.subjects(p, None)}
    targeted |= {s for c in (RDFS.Class, OWL.Class) for s in shapes.subjects(RDF.type, c)
                 if (s, RDF.type, SH.NodeShape) in shapes or (s, SH.property, None) in shapes}
    nested = {o for p in _NESTED for o in shapes.objects(None, p)}
    nested |= {m for p in _LISTS for head in shapes.objects(None, p) for m in shapes.items(head)}
    return frozenset(_with_properties(shapes, nested) - _with_properties(shapes, targeted))


def _with_properties(shapes: Graph, start: set[Any]) -> set[Any]:
    """The shapes and every property shape under them (sh:property, at any depth)."""
    found, todo = set(start), list(start)
    while todo:
        for inner in shapes.objects(todo.pop(), SH.property):
            if inner not in found:
                found.add(inner)
                todo.append(inner)
    return found


def skip_discarded_results() -> None:
    """Have pySHACL's constraint components hand back the stand-in for a shape in the `discarded`
    set of its shapes graph (a graph without one is checked as pySHACL does). Idempotent."""
    from pyshacl.constraints.constraint_component import ConstraintComponent

    make = ConstraintComponent.make_v_result
    if getattr(make, "_kg_skips", False):
        return

    def make_v_result(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self.shape.node in getattr(self.shape.sg.graph, "discarded", ()):
            # (text, node, triples), with the one triple pySHACL reads back: the severity, by which
            # a shape with allow_warnings decides whether its results make it fail
            return "", _STAND_IN, [(_STAND_IN, SH.resultSeverity, self.shape.severity)]
        return make(self, *args, **kwargs)

    make_v_result._kg_skips = True  # type: ignore[attr-defined]
    ConstraintComponent.make_v_result = make_v_result  # type: ignore[method-assign]
