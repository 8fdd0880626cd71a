"""Query results as text: an aligned table or Markdown for people, the W3C SPARQL results
formats (CSV, TSV, JSON, XML) for programs, and RDF formats for graph results.

The server's answers are written by Oxigraph itself, straight from the query's answer
(`write`): no row becomes a Python object on the way. Every text ends with a newline.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import PREFIXES, curie
from kg.query import formats
from kg.query.model import Answer, Result, encode, to_result, too_many_bytes, too_many_rows

TABULAR = set(formats.TABULAR)
W3C = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
       "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
RDF = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
       "xml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG}
FORMATS = formats.FORMATS
# The fewest bytes one row takes in each results format (`{}`, `<result/>`, a line end): a
# result no longer than max_rows times this cannot hold more than max_rows rows.
_ROW_BYTES = {"json": 2, "xml": 9, "csv": 2, "tsv": 1}


class FormatError(ValueError):
    """A format that does not fit the result (a table of triples, Turtle of a SELECT)."""


def render(result: Result, fmt: str, base: str, max_width: int | None = None) -> bytes:
    """The result in the named format, as bytes ready to write."""
    if result.form == "graph":
        if fmt not in RDF:
            raise FormatError(f"a graph result is written as one of {', '.join(sorted(RDF))}, not {fmt!r}")
        triples = sorted(result.triples, key=str)  # the same graph always gives the same bytes
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()} | {"id": base}
        return _ended(ox.serialize(triples, format=RDF[fmt], prefixes=prefixes) or b"")
    if fmt not in TABULAR:
        raise FormatError(f"a {result.form.upper()} result is written as one of {', '.join(sorted(TABULAR))}")
    if fmt in W3C:
        solutions = ox.parse_query_results(encode(result), format=ox.QueryResultsFormat.JSON)
        return _ended(solutions.serialize(format=W3C[fmt]) or b"")
    header, rows = _cells(result, base)
    if max_width:
        rows = [[_clip(cell, max_width) for cell in row] for row in rows]
    text = _markdown(header, rows) if fmt == "markdown" else _table(header, rows)
    return text.encode("utf-8")


@dataclass(frozen=True)
class Written:
    """An answer as the server sends it: its form, the format chosen for that form (None when
    the client accepts none that fits), and the bytes."""

    form: str
    fmt: str | None
    body: bytes


def write(answer: Answer, chosen: dict[str, str | None], base: str, max_rows: int, max_bytes: int) -> Written:
    """The answer in the format `chosen` for its form ("select", "ask", "graph"), refused
    (ResultTooLarge) past `max_rows` rows or triples or `max_bytes` bytes. Solutions and
    booleans are written by Oxigraph, stopped as soon as they pass `max_bytes`; a graph is
    sorted first, as `render` does, so it always gives the same bytes."""
    form = ("ask" if isinstance(answer, ox.QueryBoolean) else "graph" if isinstance(answer, ox.QueryTriples)
            else "select")
    fmt = chosen.get(form)
    if fmt is None:
        return Written(form, None, b"")
    if form == "graph":
        body = render(to_result(answer, max_rows), fmt, base)
        if len(body) > max_bytes:
            raise too_many_bytes(max_bytes)
        return Written(form, fmt, body)
    capped = _Capped(max_bytes)
    answer.serialize(capped, format=W3C[fmt])
    body = capped.ended()
    if form == "select" and len(body) > max_rows * _ROW_BYTES[fmt] and _rows(body, fmt, max_rows + 1) > max_rows:
        raise too_many_rows(max_rows)
    return Written(form, fmt, body)


class _Capped:
    """A binary file in memory that refuses to grow past a size (Oxigraph writes into it)."""

    def __init__(self, most: int) -> None:
        self.most, self.data = most, bytearray()

    def write(self, chunk: bytes) -> int:
        if len(self.data) + len(chunk) > self.most:
            raise too_many_bytes(self.most)
        self.data += chunk
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the bytes are all in memory."""

    def ended(self) -> bytes:
        if self.data and not self.data.endswith(b"\n"):
            self.write(b"\n")
        return bytes(self.data)


def _rows(body: bytes, fmt: str, most: int) -> int:
    """How many rows a written result holds, counting no further than `most`."""
    if fmt == "csv":
        rows = itertools.islice(csv.reader(io.StringIO(body.decode("utf-8"), newline="")), 1, None)
    else:
        rows = ox.parse_query_results(body, format=W3C[fmt])
    return sum(1 for _ in itertools.islice(rows, most))


def _ended(body: bytes) -> bytes:
    """Text that ends with a line end (Oxigraph ends JSON and XML without one)."""
    return body if not body or body.endswith(b"\n") else body + b"\n"


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
