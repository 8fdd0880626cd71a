"""`kg serve` over HTTP: every route and content type, against a real server process.

Answers are re-read by independent parsers (pyoxigraph for results and RDF, rdflib for the
JSON-LD) and compared with the embedded store's answers."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from benchmarks.load_serve import run_load
from kg.build.store import open_store, store_path
from kg.project import Project
from kg.query.engine import execute
from kg.query.library import bind, load_library
from kg.query.render import render
from kg.web.protocol import negotiate
from tests.conftest import ROOT
from tests.servers import fetch, kg_serve

LIBRARY = load_library(ROOT / "queries")
LAZADA = "https://w3id.org/ekodigi/id/lazada"
COMPANIES = [LAZADA, LAZADA + "-indonesia"]  # Lazada and Lazada Indonesia (Ozora is a Startup)
SELECT = "SELECT ?s WHERE { ?s a <https://w3id.org/ekodigi/def#Company> } ORDER BY ?s"
COMPANY = "?s a <https://w3id.org/ekodigi/def#Company>"
CONSTRUCT = f"CONSTRUCT {{ {COMPANY} }} WHERE {{ {COMPANY} }}"


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[str]:
    with kg_serve(ROOT, built_out) as running:
        yield running.root


def get(root: str, path: str, accept: str | None = None, **params: str):
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    return fetch(root + path + query, headers={"Accept": accept} if accept else {})


def company_rows(body: bytes, fmt: ox.QueryResultsFormat) -> list[str]:
    if fmt == ox.QueryResultsFormat.CSV:  # lossy by design: pyoxigraph does not read it back
        return [row["s"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    return [row["s"].value for row in ox.parse_query_results(body, format=fmt)]


# -- the SPARQL protocol ----------------------------------------------------------------------

@pytest.mark.parametrize(("accept", "media", "fmt"), [
    (None, "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", "text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("text/plain;q=0.2, text/csv;q=0.9, application/sparql-results+xml;q=0.5", "text/csv",
     ox.QueryResultsFormat.CSV),
])
def test_select_by_get_in_every_results_format(server: str, accept: str | None, media: str,
                                                fmt: ox.QueryResultsFormat) -> None:
    reply = get(server, "sparql", accept, query=SELECT)
    assert reply.status == 200 and reply.headers["content-type"].startswith(media)
    assert reply.headers["vary"] == "Accept"
    assert company_rows(reply.body, fmt) == COMPANIES


def test_post_form_encoded_and_direct(server: str) -> None:
    form = fetch(server + "sparql", urllib.parse.urlencode({"query": SELECT}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    direct = fetch(server + "sparql", SELECT.encode(), {"Content-Type": "application/sparql-query; charset=utf-8",
                                                        "Accept": "text/csv"})
    assert form.status == direct.status == 200 and form.body == direct.body
    assert company_rows(form.body, ox.QueryResultsFormat.CSV) == COMPANIES


def test_ask(server: str) -> None:
    reply = get(server, "sparql", query=f"ASK {{ <{LAZADA}> a ?type }}")
    assert json.loads(reply.body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    (None, "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/trig", "application/trig", ox.RdfFormat.TRIG),
])
def test_construct_in_every_rdf_format(server: str, accept: str | None, media: str, fmt: ox.RdfFormat) -> None:
    reply = get(server, "sparql", accept, query=CONSTRUCT)
    assert reply.status == 200 and reply.headers["content-type"].startswith(media)
    assert sorted(str(q.subject.value) for q in ox.parse(reply.body, format=fmt)) == COMPANIES


def test_construct_as_json_ld(server: str) -> None:
    reply = get(server, "sparql", "application/ld+json", query=CONSTRUCT)
    assert reply.headers["content-type"] == "application/ld+json"
    assert sorted(str(s) for s in Graph().parse(data=reply.body, format="json-ld").subjects()) == COMPANIES


def test_format_parameter_overrides_accept(server: str) -> None:
    reply = get(server, "sparql", "application/sparql-results+json", query=SELECT, format="tsv")
    assert reply.headers["content-type"].startswith("text/tab-separated-values")


def test_unacceptable_format_is_406(server: str) -> None:
    reply = get(server, "sparql", "image/png", query=SELECT)
    assert reply.status == 406 and "application/sparql-results+json" in reply.text


def test_a_browser_asking_for_a_query_is_sent_to_the_query_page(server: str) -> None:
    reply = get(server, "sparql", "text/html,application/xhtml+xml,*/*;q=0.8", query=SELECT)
    assert reply.status == 303
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(reply.headers["location"]).query) == {"query": [SELECT]}


@pytest.mark.parametrize(("query", "fragment"), [
    ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error"),
    ("", "SPARQL syntax error"),
])
def test_syntax_errors_are_400_with_the_parsers_message(server: str, query: str, fragment: str) -> None:
    reply = get(server, "sparql", query=query)
    assert reply.status == 400 and fragment in reply.text and reply.headers["content-type"].startswith("text/plain")


def test_protocol_mistakes(server: str) -> None:
    assert get(server, "sparql").status == 400
    two = fetch(server + "sparql?" + urllib.parse.urlencode([("query", SELECT), ("query", SELECT)]))
    assert two.status == 400 and "exactly one" in two.text
    assert fetch(server + "sparql", b"x", {"Content-Type": "text/plain"}).status == 415
    assert get(server, "sparql", query=SELECT, **{"default-graph-uri": LAZADA}).status == 400
    assert fetch(server + "sparql", method="PUT").status == 405


# -- named queries ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_named_query_answers_as_the_embedded_store(name: str, server: str, project: Project,
                                                         built_out: Path) -> None:
    query = LIBRARY[name]
    local = execute(open_store(store_path(project, built_out)), query.text, bind(query, {}, project.base))
    fmt = "nt" if local.form == "graph" else "csv"
    reply = get(server, f"queries/{name}", format=fmt)
    assert reply.status == 200, reply.text
    expected = render(local, fmt, project.base)
    assert sorted(reply.body.splitlines()) == sorted(expected.splitlines())


def test_named_query_parameters_from_the_url(server: str) -> None:
    reply = get(server, "queries/collaborations-of", "text/csv", entity="ozora")
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert {row["collaboration"] for row in rows} == {"https://w3id.org/ekodigi/id/kolaborasi-dinas-kukm-ozora"}


def test_named_query_mistakes(server: str) -> None:
    assert get(server, "queries/nope").status == 404
    bad = get(server, "queries/collaborations-of", entity="Not An Id")
    assert bad.status == 400 and "parameter 'entity'" in bad.text
    unknown = get(server, "queries/collaborations-of", colour="red")
    assert unknown.status == 400 and "no parameter 'colour'" in unknown.text


# -- Linked Data -----------------------------------------------------------------------------

def test_entity_page_for_people(server: str) -> None:
    reply = get(server, "id/lazada", "text/html")
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/html")
    assert reply.headers["vary"] == "Accept"
    page = reply.text
    assert "<h1>Lazada</h1>" in page and "kg:Company" in page
    assert 'href="/id/kolaborasi-jatim-lazada"' in page      # a fact, linked
    assert 'class="status status-planned" href="/def/planned"' in page  # its status, linked to the term
    assert "Andromeda" in page or "Lazada" in page
    assert "<blockquote>" in page                             # an evidence sentence
    assert 'id="network-data"' in page                        # the small network (drawn by vis-network)
    assert 'href="/id/lazada.ttl"' in page and 'href="/id/lazada.jsonld"' in page


@pytest.mark.parametrize(("accept", "path", "fmt"), [
    ("text/turtle", "id/lazada", ox.RdfFormat.TURTLE),
    ("application/n-triples", "id/lazada", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "id/lazada", ox.RdfFormat.RDF_XML),
    (None, "id/lazada.ttl", ox.RdfFormat.TURTLE),
    (None, "id/lazada.nt", ox.RdfFormat.N_TRIPLES),
])
def test_entity_data_for_machines(server: str, accept: str | None, path: str, fmt: ox.RdfFormat) -> None:
    reply = get(server, path, accept)
    assert reply.status == 200
    triples = [q.triple for q in ox.parse(reply.body, format=fmt)]
    lazada = ox.NamedNode(LAZADA)
    assert ox.Triple(lazada, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode("https://w3id.org/ekodigi/def#Company")) in triples
    assert all(lazada in (t.subject, t.object) for t in triples)


def test_entity_as_json_ld(server: str) -> None:
    for reply in (get(server, "id/lazada", "application/ld+json"), get(server, "id/lazada.jsonld")):
        assert reply.headers["content-type"] == "application/ld+json"
        assert (None, None, None) in Graph().parse(data=reply.body, format="json-ld")


def test_default_is_html_and_unknown_resources_are_404(server: str) -> None:
    assert get(server, "id/lazada", "*/*").headers["content-type"].startswith("text/html")
    assert get(server, "id/no-such-entity").status == 404
    assert get(server, "id/no-such-entity", "text/turtle").status == 404
    assert get(server, "id/lazada", "image/png").status == 406


def test_article_pages(server: str) -> None:
    reply = get(server, "id/article/tribunjatim-2022-08-09-jatim-lazada")
    assert reply.status == 200 and "Kolaborasi Jadi Kunci" in reply.text


# -- the rest ----------------------------------------------------------------------------------

def test_dataset_description(server: str, built_out: Path) -> None:
    """The built VoID, plus where this server answers SPARQL (the build cannot know that)."""
    turtle = get(server, ".well-known/void")
    assert turtle.status == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert turtle.body.startswith((built_out / "void.ttl").read_bytes())
    served = Graph().parse(data=turtle.body, format="turtle")
    endpoints = list(served.objects(URIRef("https://w3id.org/ekodigi/id/dataset"), VOID.sparqlEndpoint))
    assert [str(e) for e in endpoints] == [server + "sparql"]
    assert get(server, "sparql", "application/sparql-results+json", query="ASK {}").status == 200
    jsonld = get(server, ".well-known/void", "application/ld+json")
    assert {str(t) for t in Graph().parse(data=jsonld.body, format="json-ld")} == {str(t) for t in served}


def test_query_page(server: str) -> None:
    reply = get(server, "query", "text/html")
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/html")
    page = reply.text
    assert '<script src="/static/query.js" defer></script>' in page
    assert all(f'<option value="{name}">' in page for name in LIBRARY)
    assert "script-src 'self'" in reply.headers["content-security-policy"]
    assert "access-control-allow-origin" not in reply.headers


def test_static_assets_and_graph_files(server: str, built_out: Path) -> None:
    assert get(server, "static/query.js").headers["content-type"].startswith("text/javascript")
    assert get(server, "static/style.css").headers["content-type"].startswith("text/css")
    trig = get(server, "data/graph.trig")
    assert trig.status == 200 and trig.body == (built_out / "graph.trig").read_bytes()
    assert get(server, "data/build.json").status == 404
    assert get(server, "static/nope.js").status == 404


def test_the_load_test_runs_clean(server: str) -> None:
    """benchmarks/load_serve.py against this server, briefly: every request answered, none failed."""
    result = run_load(server, sorted(LIBRARY), clients=2, seconds=1)
    assert result.latencies and not result.errors


def test_negotiation_rules() -> None:
    offers = [("text/html", "html"), ("text/turtle", "turtle")]
    assert negotiate(None, offers) == "html"
    assert negotiate("text/turtle", offers) == "turtle"
    assert negotiate("text/*;q=0.5, text/turtle", offers) == "turtle"
    assert negotiate("text/html;q=0, text/*", offers) == "turtle"
    assert negotiate("application/json", offers) is None
    assert negotiate("text/html;q=bogus, text/turtle;q=0.1", offers) == "turtle"


def test_a_port_in_use_is_one_line_before_serving(built_out: Path) -> None:
    """The port is bound before anything says "serving": a taken one is an error with a hint."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", "--project", str(ROOT), "--out", str(built_out),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "serving" not in done.stderr
    assert done.stderr.strip() == (f"error: port {port} on 127.0.0.1 is already in use (hint: another server is "
                                   "listening there: stop it, or choose another port with --port)")
