"""Answers written by Oxigraph in the worker (kg/query/render.py `write`): byte for byte what the
previous path (rows to Python objects, JSON, parsed back, written) gave, for every named query
in every format; the row and byte caps hold while writing; every text ends with a newline."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.store import STORE_DIR, open_store
from kg.namespaces import DEFAULT_BASE
from kg.query.engine import answer_of, execute
from kg.query.library import bind, load_library
from kg.query.model import ResultTooLarge, decode, encode
from kg.query.render import W3C, render, write
from kg.query.syntax import inline_values
from tests.conftest import ROOT

LIBRARY = load_library(ROOT / "queries")
FORMS = {"select": ("csv", "tsv", "json", "xml"), "graph": ("turtle", "nt", "jsonld", "xml", "trig")}


@pytest.fixture(scope="module")
def store(built_out: Path) -> ox.Store:
    return open_store(built_out / STORE_DIR)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_named_query_in_every_format_as_before(store: ox.Store, name: str) -> None:
    text = inline_values(LIBRARY[name].text, bind(LIBRARY[name], {}, DEFAULT_BASE)) if LIBRARY[name].params \
        else LIBRARY[name].text  # default parameters, joined as the server joins them
    result = execute(store, text)
    for fmt in FORMS["graph" if result.form == "graph" else "select"]:
        written = write(answer_of(store, text), {result.form: fmt}, DEFAULT_BASE, 10_000, 2**24)
        previous = render(decode(result.form, encode(result)), fmt, DEFAULT_BASE)  # the old path: via JSON
        assert (written.form, written.fmt) == (result.form, fmt)
        assert written.body == previous and written.body.endswith(b"\n")


def test_a_form_the_client_takes_no_format_for_is_not_written(store: ox.Store) -> None:
    written = write(answer_of(store, "CONSTRUCT WHERE { ?s a ?c } LIMIT 1"), {"select": "json"}, DEFAULT_BASE, 10, 100)
    assert (written.form, written.fmt, written.body) == ("graph", None, b"")


@pytest.mark.parametrize("fmt", sorted(W3C))
def test_the_row_cap_counts_rows_exactly_in_every_format(store: ox.Store, fmt: str) -> None:
    """Rows of multi-line literals (CSV quotes them, TSV escapes them) count as one row each."""
    text = 'SELECT ?n ?text WHERE { VALUES ?n { 1 2 3 4 5 } BIND(CONCAT("a\\nb, \\"c\\"\\t", STR(?n)) AS ?text) }'
    assert write(answer_of(store, text), {"select": fmt}, DEFAULT_BASE, 5, 10_000).fmt == fmt
    with pytest.raises(ResultTooLarge, match="more than 4 rows"):
        write(answer_of(store, text), {"select": fmt}, DEFAULT_BASE, 4, 10_000)


def test_the_byte_cap_stops_the_writing(store: ox.Store) -> None:
    text = "SELECT * WHERE { ?s ?p ?o } LIMIT 2000"
    with pytest.raises(ResultTooLarge, match="larger than 10,000 bytes"):
        write(answer_of(store, text), {"select": "json"}, DEFAULT_BASE, 10_000, 10_000)
    with pytest.raises(ResultTooLarge, match="larger than 10,000 bytes"):
        write(answer_of(store, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2000"), {"graph": "nt"}, DEFAULT_BASE,
              10_000, 10_000)


def test_ask_is_written_by_oxigraph_with_a_newline(store: ox.Store) -> None:
    assert write(answer_of(store, "ASK { ?s ?p ?o }"), {"ask": "json"}, DEFAULT_BASE, 1, 100).body == \
        b'{"head":{},"boolean":true}\n'
    for fmt in ("csv", "tsv", "xml"):
        assert write(answer_of(store, "ASK { ?s ?p ?o }"), {"ask": fmt}, DEFAULT_BASE, 1, 1000).body.endswith(b"\n")
