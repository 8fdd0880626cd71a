"""The shapes' SPARQL constraints answered by Oxigraph instead of rdflib's SPARQL engine.

Each article graph has two `sh:sparql` constraints on its text (every sentence and every quoted
piece of evidence is the text at its offsets); rdflib evaluates them in Python, joining and
cutting the article's text once per row: a third of `kg validate`'s time on an article graph
once property shapes are checked all at once (kg/build/shacl_batched.py). Oxigraph answers the
same query, on the same triples, in about a millisecond after a 6 ms load. The query is the
text pySHACL made (its prefixes added, `$PATH` replaced), `$this` given as a substitution
(SEP-0007, which is SHACL's pre-binding), and the solutions handed back to pySHACL as the rdflib
result it reads, so it makes the same results from them. A query Oxigraph cannot take (a
variable pySHACL pre-binds other than `$this`, a `$this` not projected) goes to rdflib as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib.query import Result
from rdflib.term import Variable

from kg.rdfio import oxigraph_terms, rdflib_terms


class OxigraphMirror:
    """The triples of one pySHACL data graph in an Oxigraph store, made on the first query;
    `quads` are more of them, already quads (the ontology's, made once for every graph)."""

    def __init__(self, triples: Sequence[ox.Triple], quads: Sequence[ox.Quad] = ()) -> None:
        self._triples, self._quads = triples, quads
        self._store: ox.Store | None = None

    def select(self, query: str, this: Any) -> Result | None:
        """The solutions of a SELECT query with `$this` substituted, as an rdflib Result; None
        when Oxigraph refuses the query (rdflib answers it then)."""
        if self._store is None:
            self._store = ox.Store()
            self._store.extend([ox.Quad(t.subject, t.predicate, t.object) for t in self._triples])
            self._store.extend(self._quads)
        try:
            solutions = self._store.query(query, substitutions={ox.Variable("this"): oxigraph_terms()(this)})
        except (SyntaxError, RuntimeError, ValueError, TypeError):
            return None
        if not isinstance(solutions, ox.QuerySolutions):
            return None
        term = rdflib_terms()
        names = [v.value for v in solutions.variables]
        result = Result("SELECT")
        result.vars = [Variable(name) for name in names]
        result.bindings = [{Variable(name): term(value) for name, value in zip(names, row, strict=True)
                            if value is not None} for row in solutions]
        return result


class _Answered:
    """What pySHACL's query step reads from its data graph, with the answer already made."""

    def __init__(self, result: Result) -> None:
        self._result = result

    def query(self, *args: Any, **kwargs: Any) -> Result:
        return self._result


def answer_sparql_with_oxigraph() -> None:
    """Have pySHACL's SPARQL-based constraints ask a data graph's Oxigraph mirror (the `mirror`
    of its store, set by kg/build/shacl.py) when it has one; other graphs are queried as pySHACL
    does. Idempotent."""
    from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint

    validate = SPARQLBasedConstraint._validate_sparql_query
    if getattr(validate, "_kg_oxigraph", False):
        return

    def _validate_sparql_query(self: Any, query: str, init_binds: dict, target_graph: Any) -> list:
        mirror = getattr(getattr(target_graph, "store", None), "mirror", None)
        if mirror is not None and set(init_binds) == {"this"}:
            answered = mirror.select(query, init_binds["this"])
            if answered is not None:
                return validate(self, query, init_binds, _Answered(answered))
        return validate(self, query, init_binds, target_graph)

    _validate_sparql_query._kg_oxigraph = True  # type: ignore[attr-defined]
    SPARQLBasedConstraint._validate_sparql_query = _validate_sparql_query  # type: ignore[method-assign]
