"""Predeclared prefixes (kg/query/prefixes.py): one set for `kg query -e`, /sparql and the guard;
a query's own PREFIX wins; an unknown prefix is one line naming it and the known ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.build.store import STORE_DIR, open_store
from kg.cli import main
from kg.namespaces import DEFAULT_BASE
from kg.query.engine import execute
from kg.query.guard import Refused, check_query
from kg.query.model import QueryError
from kg.query.prefixes import predeclared, prologue, unknown_prefix
from tests.conftest import ROOT

PREFIXES = predeclared(DEFAULT_BASE)
STARTUPS = "SELECT ?startup WHERE { ?startup a kg:Startup }"


def test_the_set_holds_the_project_and_the_vocabularies_it_reuses() -> None:
    assert PREFIXES["id"] == DEFAULT_BASE and PREFIXES["kg"] == "https://w3id.org/ekodigi/def#"
    assert {"schema", "org", "skos", "prov", "rdf", "rdfs", "xsd", "dcterms", "oa"} <= set(PREFIXES)
    assert prologue({"kg": "https://w3id.org/ekodigi/def#"}) == "PREFIX kg: <https://w3id.org/ekodigi/def#>\n"


def test_a_query_uses_them_undeclared_and_its_own_prefix_wins(built_out: Path) -> None:
    store = open_store(built_out / STORE_DIR)
    rows = execute(store, STARTUPS, prefixes=PREFIXES).rows
    assert (f"{DEFAULT_BASE}ozora",) in [(row[0].value,) for row in rows]
    own = execute(store, "PREFIX kg: <http://example.org/> ASK { ?s a kg:Startup }", prefixes=PREFIXES)
    assert own.boolean is False


def test_kg_query_e_with_a_predeclared_and_an_unknown_prefix(built_out: Path) -> None:
    options = ["--project", str(ROOT), "--out", str(built_out), "--format", "csv"]
    found = CliRunner().invoke(main, ["query", "-e", STARTUPS, *options])
    assert found.exit_code == 0 and f"{DEFAULT_BASE}ozora" in found.output
    typo = CliRunner().invoke(main, ["query", "-e", "SELECT ?x WHERE { ?x a kgg:Startup }", *options])
    assert typo.exit_code == 2
    lines = typo.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: unknown prefix 'kgg:' (known: dcat, dcterms, geo, id, kg, ")
    assert "\\u{" not in typo.output  # not Oxigraph's list of the Unicode ranges a name may hold


def test_the_guard_resolves_names_as_the_engine_does() -> None:
    with pytest.raises(Refused, match=re.escape("SERVICE <https://w3id.org/ekodigi/def#remote> is not allowed")):
        check_query("SELECT * WHERE { SERVICE kg:remote { ?s ?p ?o } }", frozenset(), prefixes=PREFIXES)
    held = frozenset({f"{DEFAULT_BASE}held"})
    check_query("SELECT * FROM id:held WHERE { ?s ?p ?o }", held, prefixes=PREFIXES)  # a graph we hold
    with pytest.raises(Refused, match=re.escape("FROM <https://example.org/held> is not allowed")):  # its own id: wins
        check_query("PREFIX id: <https://example.org/> SELECT * FROM id:held WHERE { ?s ?p ?o }", held,
                    prefixes=PREFIXES)


def test_a_verdict_is_remembered_and_still_refuses() -> None:
    service = "SELECT * WHERE { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }"
    for _ in range(2):  # the second time from memory: the same refusal, raised anew
        with pytest.raises(Refused, match=re.escape("SERVICE <http://169.254.169.254/>")):
            check_query(service, frozenset(), prefixes=PREFIXES)


@pytest.mark.parametrize(("text", "unknown"), [
    ("SELECT ?x WHERE { ?x a kgg:Startup }", "kgg"),
    ("SELECT ?x WHERE { ?x a :Startup }", ""),
    ('SELECT ?x WHERE { ?x rdfs:label "ex: not a name" ; <http://x.org/a:b> ?y # ex: a comment\n}', None),
    ("PREFIX ex: <http://example.org/> SELECT ?x WHERE { ?x a ex:Thing }", None),
    ("SELECT ?x WHERE { ?x a ex:a.b ; foo:bar ?y }", "ex"),
    ("SELECT * WHERE { ?x ?y ?z } ORDER BY ?x", None),
])
def test_unknown_prefixes_are_found_outside_strings_iris_and_comments(text: str, unknown: str | None) -> None:
    error = unknown_prefix(text, PREFIXES)
    assert (error.message.split("'")[1] if error else None) == (None if unknown is None else unknown + ":")


@given(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True).filter(lambda p: p not in PREFIXES))
def test_any_undeclared_prefix_is_named(prefix: str) -> None:
    error = unknown_prefix(f"SELECT ?x WHERE {{ ?x a {prefix}:Thing }}", PREFIXES)
    assert isinstance(error, QueryError) and error.message.startswith(f"unknown prefix '{prefix}:' (known: ")
