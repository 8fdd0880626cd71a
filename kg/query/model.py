"""What a query gives back, and how it fails: the result object, its encoding between
processes (and from endpoints) in the W3C formats, and the query errors."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KgError

Answer = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples  # what Oxigraph gives back


class QueryError(KgError):
    """A query that cannot run: bad syntax, an update, a bad parameter (exit code 2)."""

    exit_code = 2


class ResultTooLarge(QueryError):
    """The result has more rows (or triples) than the caller accepts; it is refused, never cut."""


@dataclass
class Result:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def encode(result: Result) -> bytes:
    """A result in the W3C JSON results format, or N-Triples for a graph."""
    if result.form == "graph":
        return ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES) or b""
    if result.form == "ask":
        return b'{"head":{},"boolean":%s}' % (b"true" if result.boolean else b"false")
    def term(t: object) -> dict[str, str]:
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        assert isinstance(t, ox.Literal)
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out

    bindings = [{v: term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}).encode()


def too_many_rows(max_rows: int) -> ResultTooLarge:
    return ResultTooLarge(f"the result has more than {max_rows} rows",
                          "add a LIMIT (and OFFSET to page through it), or narrow the query")


def too_many_bytes(max_bytes: int) -> ResultTooLarge:
    return ResultTooLarge(f"the result is larger than {max_bytes:,} bytes",
                          "add a LIMIT, or select fewer or shorter values")


def decode(form: str, payload: bytes) -> Result:
    """The inverse of encode, also used for what endpoints send."""
    if form == "graph":
        return Result("graph", triples=[q.triple for q in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)])
    return to_result(ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON))


def to_result(answer: Answer, max_rows: int | None = None) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    items = list(itertools.islice(answer, max_rows + 1)) if max_rows is not None else list(answer)
    if max_rows is not None and len(items) > max_rows:
        raise too_many_rows(max_rows)
    if isinstance(answer, ox.QueryTriples):
        return Result("graph", triples=items)
    variables = [v.value for v in answer.variables]
    return Result("select", variables, [tuple(solution) for solution in items])  # in the order of the variables
