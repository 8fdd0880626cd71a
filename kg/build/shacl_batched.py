"""A node shape's property shapes checked for all its focus nodes in one call.

pySHACL evaluates `sh:property` by validating the property shape once per focus node; each
call finds the shape's parameters again, builds each of its constraint components again and
copies the evaluation path. On an article graph (1,000 focus nodes, 60 property shapes) those
calls were a third of the run. A property shape's results for several focus nodes are the
union of its results for each, and it fails if any fails, so one call with every focus node
gives the same answer and the same results, in another order (the report sorts them). When two
focus nodes share a value node (a property shape under a property shape) one call would check
it once where pySHACL checks it twice and reports twice, so such calls go as pySHACL makes them.
"""

from __future__ import annotations

from typing import Any


def batch_property_shapes() -> None:
    """Have pySHACL validate a property shape once for all focus nodes when its shapes graph
    says so (`batched`, set by kg/build/shacl.py); other shapes graphs are checked as pySHACL
    does. Idempotent."""
    from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent

    evaluate = PropertyConstraintComponent._evaluate_property_shape
    if getattr(evaluate, "_kg_batched", False):
        return

    def _evaluate_property_shape(self: Any, executor: Any, prop_shape: Any, target_graph: Any,
                                 focus_value_nodes: dict, potentially_recursive: Any, _evaluation_path: list) -> Any:
        values = [v for nodes in focus_value_nodes.values() for v in nodes]
        shape = self.shape.get_other_shape(prop_shape) if getattr(self.shape.sg.graph, "batched", False) else None
        if shape is None or not shape.is_property_shape or len(values) < 2 or len(set(values)) < len(values) \
                or (potentially_recursive and shape in potentially_recursive):
            return evaluate(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                            _evaluation_path)
        conforms, reports = shape.validate(executor, target_graph, focus=values, _evaluation_path=_evaluation_path[:])
        return not conforms, reports

    _evaluate_property_shape._kg_batched = True  # type: ignore[attr-defined]
    PropertyConstraintComponent._evaluate_property_shape = _evaluate_property_shape  # type: ignore[method-assign]
