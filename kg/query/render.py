"""Query results as text: an aligned table or Markdown for people, the W3C SPARQL results
formats (CSV, TSV, JSON, XML) for programs, and RDF formats for graph results.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.namespaces import PREFIXES, curie
from kg.query import formats
from kg.query.model import Result, encode

TABULAR = set(formats.TABULAR)
W3C = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
       "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
RDF = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
       "xml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG}
FORMATS = formats.FORMATS


class FormatError(ValueError):
    """A format that does not fit the result (a table of triples, Turtle of a SELECT)."""


def render(result: Result, fmt: str, base: str, max_width: int | None = None) -> bytes:
    """The result in the named format, as bytes ready to write."""
    if result.form == "graph":
        if fmt not in RDF:
            raise FormatError(f"a graph result is written as one of {', '.join(sorted(RDF))}, not {fmt!r}")
        triples = sorted(result.triples, key=str)  # the same graph always gives the same bytes
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()} | {"id": base}
        return ox.serialize(triples, format=RDF[fmt], prefixes=prefixes) or b""
    if fmt not in TABULAR:
        raise FormatError(f"a {result.form.upper()} result is written as one of {', '.join(sorted(TABULAR))}")
    if fmt in W3C:
        solutions = ox.parse_query_results(encode(result), format=ox.QueryResultsFormat.JSON)
        return solutions.serialize(format=W3C[fmt]) or b""
    header, rows = _cells(result, base)
    if max_width:
        rows = [[_clip(cell, max_width) for cell in row] for row in rows]
    text = _markdown(header, rows) if fmt == "markdown" else _table(header, rows)
    return text.encode("utf-8")


def display(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, base: str) -> str:
    """A term as people read it: prefixed names for IRIs, plain text for literals."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return curie(term.value, base)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value.replace("\n", " ")


def _cells(result: Result, base: str) -> tuple[list[str], list[list[str]]]:
    if result.form == "ask":
        return ["result"], [["true" if result.boolean else "false"]]
    return list(result.variables), [[display(t, base) for t in row] for row in result.rows]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
    body = [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]
    return "\n".join(body) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    return "\n".join([line(header), "|" + "|".join(" --- " for _ in header) + "|"] + [line(r) for r in rows]) + "\n"
