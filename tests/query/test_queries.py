"""Named queries: one parametrized golden test over the whole library, and `kg query` itself
(formats re-read by independent parsers, parameters, bad input, time limits)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result as RdflibResult

from kg.build.store import open_store, store_path
from kg.cli import main
from kg.errors import SourceError
from kg.project import Project
from kg.query.engine import execute
from kg.query.library import NamedQuery, Param, bind, find_query, load_library, parse_query
from kg.query.model import QueryError
from kg.query.render import display
from kg.query.syntax import inline_values
from tests.conftest import ROOT, copy_built

LIBRARY = load_library(ROOT / "queries")
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def out(built_out: Path) -> Path:
    return built_out


@pytest.fixture(scope="module")
def store(project: Project, out: Path) -> ox.Store:
    return open_store(store_path(project, out))


MEASURED = {"most-central"}  # queries of what `kg stats` adds to the store


@pytest.fixture(scope="module")
def measured(project: Project, out: Path, tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The store of a copy of the build, with `kg stats`' measures added."""
    copy = copy_built(out, tmp_path_factory.mktemp("measured") / "out")
    result = CliRunner().invoke(main, ["stats", "--project", str(ROOT), "--out", str(copy)])
    assert result.exit_code == 0, result.output
    return open_store(store_path(project, copy))


def kg_query(out: Path, *args: str, project: Path = ROOT):
    return CliRunner().invoke(main, ["query", "--project", str(project), "--out", str(out), *args])


def as_rows(result, base: str) -> list[list[str]]:
    return [[display(term, base) for term in row] for row in result.rows]


# -- the library ----------------------------------------------------------------------------

def test_the_library_has_at_least_twelve_documented_queries() -> None:
    assert len(LIBRARY) >= 12
    for query in LIBRARY.values():
        assert query.title != query.name and query.description, f"{query.name} needs a title and a description"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_named_query_golden(name: str, project: Project, request: pytest.FixtureRequest) -> None:
    """Each query's default answer on the first article, as written by hand in tests/query/golden/."""
    store = request.getfixturevalue("measured" if name in MEASURED else "store")
    query = LIBRARY[name]
    result = execute(store, query.text, bind(query, {}, project.base))
    if result.form == "graph":
        expected = Graph().parse(GOLDEN / f"{name}.ttl", format="turtle")
        found = Graph()
        for t in result.triples:
            found.parse(data=f"{t} .", format="nt")
        assert isomorphic(expected, found), found.serialize(format="turtle")
        return
    with (GOLDEN / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        header, *expected = list(csv.reader(handle))
    assert header == result.variables
    found = as_rows(result, project.base)
    assert same_rows(found, expected, ordered="ORDER BY" in query.text), "\n".join(map(str, found))


def same_rows(found: list[list[str]], expected: list[list[str]], ordered: bool) -> bool:
    """Rows equal to the expected ones; a "*" in an expected cell (a count or offset) matches anything."""
    def fits(row: list[str], want: list[str]) -> bool:
        return len(row) == len(want) and all(w in ("*", g) for g, w in zip(row, want, strict=True))
    if ordered:
        return len(found) == len(expected) and all(fits(r, w) for r, w in zip(found, expected, strict=True))
    remaining = list(found)
    for want in expected:
        match = next((row for row in remaining if fits(row, want)), None)
        if match is None:
            return False
        remaining.remove(match)
    return not remaining


def test_every_named_query_has_a_golden_file() -> None:
    goldens = {p.stem for p in GOLDEN.iterdir()}
    assert set(LIBRARY) <= goldens


def test_hierarchies_answer(store: ox.Store, project: Project) -> None:
    """Organisations include agencies, companies and startups; Jawa Timur holds its regencies."""
    query = LIBRARY["actors-by-type"]
    organisations = {row[0] for row in as_rows(execute(store, query.text, bind(query, {}, project.base)),
                                               project.base)}
    assert {"id:dinas-kukm-jatim", "id:lazada", "id:ozora", "id:bakorwil-malang"} <= organisations
    companies = execute(store, query.text, bind(query, {"type": "kg:Company"}, project.base))
    assert {row[0] for row in as_rows(companies, project.base)} == {"id:lazada", "id:lazada-indonesia", "id:ozora"}


# -- the command ------------------------------------------------------------------------------

def test_kg_queries_lists_titles_and_parameters() -> None:
    result = CliRunner().invoke(main, ["queries", "--project", str(ROOT)])
    assert result.exit_code == 0
    assert "collaborations-of: Collaborations of one actor" in result.output
    assert "--param entity=<entity> = lazada" in result.output


def test_table_is_aligned_and_counts_rows(out: Path) -> None:
    result = kg_query(out, "collaborations-by-status", "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["status", "label", "collaborations"]
    assert lines[2].split() == ["kg:planned", "planned", "2"]
    assert lines[-1] == "(3 rows)"


def test_csv_and_tsv_read_back(out: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(kg_query(out, "people-and-posts", "-f", "csv").output)))
    assert {r["name"] for r in rows} == {"Andromeda Qomariah", "Haikal Bekti Anggoro", "Fikri Firmansyah"}
    assert rows[0]["person"].startswith("https://w3id.org/ekodigi/id/")
    tsv = kg_query(out, "people-and-posts", "-f", "tsv").output.splitlines()
    assert tsv[0].split("\t")[0] == "?person" and "<https://w3id.org/ekodigi/id/andromeda-qomariah>" in tsv[1]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_w3c_results_formats_read_back_with_rdflib(out: Path, fmt: str) -> None:
    text = kg_query(out, "programs-per-operator", "-f", fmt).output
    parsed = RdflibResult.parse(io.StringIO(text), format=fmt)
    counts = {str(row["operator"]).rsplit("/", 1)[-1]: int(row["programs"]) for row in parsed}
    assert counts == {"pemprov-jatim": 3, "lazada": 1}


def test_ask_and_markdown(out: Path) -> None:
    result = kg_query(out, "-e", "PREFIX kg: <https://w3id.org/ekodigi/def#> ASK { ?c kg:status kg:cancelled }",
                      "-f", "json")
    assert json.loads(result.output) == {"head": {}, "boolean": False}
    markdown = kg_query(out, "programs-per-operator", "-f", "markdown").output.splitlines()
    assert markdown[0] == "| operator | label | programs |" and markdown[1] == "| --- | --- | --- |"


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "xml"])
def test_construct_results_as_rdf(out: Path, fmt: str) -> None:
    result = kg_query(out, "collaboration-network", "-f", fmt)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.output, format={"turtle": "turtle", "nt": "nt", "jsonld": "json-ld",
                                                      "xml": "xml"}[fmt])
    expected = Graph().parse(GOLDEN / "collaboration-network.ttl", format="turtle")
    assert isomorphic(graph, expected)


def test_query_from_file_with_parameters(out: Path, tmp_path: Path) -> None:
    file = tmp_path / "who.rq"
    file.write_text("# title: Who\n# param: who (entity) = lazada: an actor\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                    "SELECT ?label WHERE { ?who rdfs:label ?label }\n", encoding="utf-8")
    assert kg_query(out, str(file), "-f", "csv").output.splitlines() == ["label", "Lazada"]
    assert kg_query(out, str(file), "-f", "csv", "--param", "who=ozora").output.splitlines() == ["label", "Ozora"]


# -- bad input --------------------------------------------------------------------------------

def test_syntax_error_names_line_and_column(out: Path) -> None:
    result = kg_query(out, "-e", "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert result.exit_code == 2
    # the position where the checker's parse (kg/query/guard.py) stops: the incomplete triple
    assert "SPARQL syntax error (line 2, column 3)" in result.stderr


def test_unknown_query_suggests_the_closest(out: Path) -> None:
    result = kg_query(out, "colaborations")
    assert result.exit_code == 2
    assert "no query named 'colaborations'" in result.stderr and "did you mean 'collaborations'" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--param", "entity=Lazada Indonesia"], "parameter 'entity' must be an entity id such as lazada"),
    (["--param", "who=lazada"], "collaborations-of has no parameter 'who'"),
    (["--param", "entity"], "--param 'entity': write NAME=VALUE"),
])
def test_bad_parameters_name_the_parameter(out: Path, args: list[str], message: str) -> None:
    result = kg_query(out, "collaborations-of", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_required_parameter() -> None:
    query = parse_query("# param: place (entity): where\nSELECT * WHERE { ?place ?p ?o }", "x")
    with pytest.raises(QueryError, match=r"x needs the parameter 'place' \(entity\): where"):
        bind(query, {}, "https://w3id.org/ekodigi/id/")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX kg: <https://w3id.org/ekodigi/def#>\n# a comment\nDELETE WHERE { ?s kg:status ?o }",
    "DROP ALL",
    "LOAD <file:///etc/passwd>",
])
def test_updates_are_refused_and_the_graph_is_unchanged(out: Path, update: str, store: ox.Store) -> None:
    before = len(list(store.quads_for_pattern(None, None, None, None)))
    result = kg_query(out, "-e", update)
    assert result.exit_code == 2
    assert "SPARQL Update is not allowed" in result.stderr
    assert len(list(store.quads_for_pattern(None, None, None, None))) == before


def test_missing_and_stale_store(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = kg_query(out, "collaborations", project=project_copy)
    assert missing.exit_code == 2 and "run `kg build` first" in missing.stderr
    assert CliRunner().invoke(main, ["build", "--project", str(project_copy), "--out", str(out)]).exit_code == 0
    assert kg_query(out, "collaborations", project=project_copy).exit_code == 0
    places = project_copy / "data" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    stale = kg_query(out, "collaborations", project=project_copy)
    assert stale.exit_code == 2
    assert "is older than ontology/ or data/" in stale.stderr and "run `kg build`" in stale.stderr


def test_timeout_stops_a_runaway_query(out: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = kg_query(out, "-e", runaway, "--timeout", "0.5")
    assert result.exit_code == 1
    assert "the query was stopped after 0.5 s" in result.stderr


def test_timeout_still_answers_quick_queries(out: Path) -> None:
    result = kg_query(out, "collaborations-by-status", "--timeout", "30", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].endswith(",planned,2")


# -- binding is safe --------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_parameter_is_one_literal(text: str) -> None:
    """No value can change the query: it comes back exactly, as one literal."""
    query = NamedQuery("echo", "Echo", "", (Param("text", "string", None, "anything"),),
                       "SELECT ?text WHERE { }")
    result = execute(ox.Store(), query.text, bind(query, {"text": text}, "https://w3id.org/ekodigi/id/"))
    assert [row[0].value for row in result.rows] == [text.strip()]


def test_values_open_the_where_clause_not_a_construct_template() -> None:
    term = {"x": ox.NamedNode("urn:x")}
    assert inline_values("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", term) == \
        "CONSTRUCT { ?x ?p ?o } WHERE { VALUES (?x) { (<urn:x>) }  ?x ?p ?o }"
    assert inline_values('SELECT * # { not here\nWHERE { ?x <urn:p> "{" }', term).startswith(
        'SELECT * # { not here\nWHERE { VALUES (?x)')
    with pytest.raises(QueryError, match="CONSTRUCT WHERE short form"):
        inline_values("CONSTRUCT WHERE { ?x ?p ?o }", term)


def test_find_query_reads_files_and_names() -> None:
    assert find_query(LIBRARY, "events").title == "Events by date and venue"
    with pytest.raises(QueryError, match="cannot read"):
        find_query(LIBRARY, "missing.rq")


@pytest.mark.parametrize("param, message, hint", [
    ("entity=lazda", "parameter 'entity': id:lazda is in no triple of the graph", "did you mean 'lazada'"),
    ("type=kg:Compnay", "parameter 'type': kg:Compnay is in no triple of the graph", "did you mean 'kg:Company'"),
])
def test_a_mistyped_parameter_is_an_error_with_the_nearest_names(out: Path, param: str, message: str,
                                                                 hint: str) -> None:
    """A typo would answer nothing with exit 0 and read as "there is nothing"."""
    name = "collaborations-of" if param.startswith("entity") else "actors-by-type"
    result = kg_query(out, name, "--param", param)
    assert result.exit_code == 2 and message in result.output and hint in result.output, result.output
    assert kg_query(out, name).exit_code == 0


def test_a_needs_line_names_a_graph_and_who_writes_it() -> None:
    query = parse_query("# needs: graph/analytics: `kg stats`\nSELECT * WHERE { ?s ?p ?o }", "x")
    assert query.needs == (("graph/analytics", "`kg stats`"),)
    with pytest.raises(SourceError, match=r"x:1: needs: cannot read what the query needs: 'analytics'"):
        parse_query("# needs: analytics\nSELECT * WHERE { ?s ?p ?o }", "x")
