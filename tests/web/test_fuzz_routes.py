"""Fuzzing `kg serve` over HTTP: any route, method, query string, header and body gets a clean
answer (a 2xx, 3xx or 4xx, or a 503 that says which limit was hit), never a 500 or a hang.

Hypothesis draws the requests (derandomized: the same examples every run) and sends them to a
real server; SPARQL is drawn from its own tokens, so many queries parse and reach the workers."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.servers import Reply, kg_serve
from tests.web.test_limits import ask

ROUTES = ["", "sparql", "queries/collaborations-of", "queries/actors-by-type", "queries/nope", "id/lazada",
          "id/lazada.ttl", "id/lazada.jsonld", "id/article/tribunjatim-2022-08-09-jatim-lazada", "id/",
          ".well-known/void", "static/style.css", "static/", "data/graph.nt", "data/store", "favicon.ico"]
TOKENS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "*", "{", "}", "(", ")", ".", ";", ",", "?s", "?p",
          "?o", "<https://w3id.org/ekodigi/id/lazada>", "<urn:x>", '"lazada"', "'x'@id", "1", "LIMIT", "OFFSET",
          "FILTER", "REGEX", "CONCAT", "STRLEN", "BIND", "AS", "OPTIONAL", "UNION", "MINUS", "GRAPH", "VALUES",
          "SERVICE", "FROM", "NAMED", "INSERT", "DATA", "LOAD", "COUNT", "GROUP BY", "ORDER BY", "PREFIX",
          "a", "\\u0053ERVICE", "#", "\n", "\"\"\"", "^^", "BASE", "<", ">"]
ACCEPTS = ["*/*", "text/html", "text/turtle", "application/sparql-results+json", "text/csv",
           "application/ld+json;q=0.5, text/*", "image/png", "text/html;q=bogus", ""]
CONTENT_TYPES = ["application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update",
                 "text/plain", "multipart/form-data; boundary=x", "", "application/json"]
# header values: printable Latin-1, as HTTP allows
VALUES = st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=60)

FORMS = ["SELECT *", "SELECT ?s", "SELECT DISTINCT ?o", "SELECT (COUNT(*) AS ?n)", "ASK", "DESCRIBE ?s",
         "CONSTRUCT { ?s ?p ?o }", "SELECT (SAMPLE(?o) AS ?x)"]
PATTERNS = ["?s ?p ?o", "?s a ?t", "?s <https://schema.org/name> ?o", "<https://w3id.org/ekodigi/id/lazada> ?p ?o",
            "GRAPH ?g { ?s ?p ?o }", "?s ?p ?o OPTIONAL { ?o ?q ?r }", "{ ?s ?p ?o } UNION { ?o ?p ?s }"]
EXTRAS = ['FILTER(REGEX(STR(?o), "{}"))', 'FILTER(CONTAINS(STR(?s), "{}"))', 'BIND(CONCAT(STR(?o), "{}") AS ?x)',
          'FILTER(LANG(?o) = "{}")', "VALUES ?s {{ <https://w3id.org/ekodigi/id/{}> }}", 'BIND(STRLEN("{}") AS ?x)',
          "{}"]
TAILS = ["LIMIT 5", "ORDER BY ?s LIMIT 3", "OFFSET 2 LIMIT 1", ""]


def _fill(form: str, pattern: str, extra: str, text: str, tail: str) -> str:
    return f"{form} WHERE {{ {pattern} . {extra.format(text)} }} {tail}"


# queries from a template (most parse, and run), twice as often as from loose tokens (most do not)
template = st.builds(_fill, st.sampled_from(FORMS), st.sampled_from(PATTERNS), st.sampled_from(EXTRAS),
                     st.text(max_size=20), st.sampled_from(TAILS))
sparql = st.one_of(template, template, st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join))
field = st.one_of(st.sampled_from(["query", "format", "entity", "type", "update", "default-graph-uri", "name"]),
                  st.text(max_size=10))
other_fields = st.lists(st.tuples(field, st.one_of(sparql, st.text(max_size=40), st.sampled_from(
    ["json", "csv", "turtle", "xml", "nope", "lazada", "https://w3id.org/ekodigi/id/lazada"]))), max_size=3)
# most requests carry one query, so that most reach the SPARQL parser and the workers
query_string = st.builds(lambda query, others: query + others,
                         sparql.map(lambda text: [("query", text)]) | st.just([]),
                         other_fields)
# the query routes and the methods they take, more often than the rest
route = st.sampled_from(["sparql"] * 8 + ["queries/collaborations-of"] * 2 + ROUTES)
path = route | st.builds(lambda start, tail: start + urllib.parse.quote(tail, safe="/%"), route, st.text(max_size=20))
method = st.sampled_from(["GET"] * 5 + ["POST"] * 5 + ["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"])
headers = st.fixed_dictionaries({}, optional={"Accept": st.one_of(st.sampled_from(ACCEPTS), VALUES),
                                              "Content-Type": st.one_of(st.sampled_from(CONTENT_TYPES), VALUES),
                                              "X-Forwarded-For": VALUES, "Origin": VALUES, "Host": VALUES,
                                              "Accept-Encoding": VALUES})
body = st.one_of(st.none(), sparql.map(str.encode), st.binary(max_size=300),
                 query_string.map(lambda pairs: urllib.parse.urlencode(pairs).encode()))


FUZZ = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[str]:
    with kg_serve(ROOT, built_out, "--timeout", "3", "--max-request", "4096") as running:
        yield running.root


def assert_clean(reply: Reply) -> None:
    event(f"status {reply.status}")  # what was reached: pytest --hypothesis-show-statistics
    assert reply.status < 500 or (reply.status == 503 and b"stopped after 3 s" in reply.body), (
        reply.status, reply.body[:300])
    assert b"Traceback" not in reply.body


@FUZZ
@given(verb=method, where=path, pairs=query_string, sent=headers, content=body)
def test_any_request_gets_a_clean_answer(server: str, verb: str, where: str, pairs: list[tuple[str, str]],
                                         sent: dict[str, str], content: bytes | None) -> None:
    target = where + ("?" + urllib.parse.urlencode(pairs) if pairs else "")
    assert_clean(ask(server, target, headers=sent, method=verb, body=content, timeout=20))


WAYS = [("sparql", "query", "url"), ("sparql", "query", "form"), ("sparql", "query", "direct"),
        ("queries/collaborations-of", "entity", "url"), ("queries/actors-by-type", "type", "url")]


@FUZZ
@given(way=st.sampled_from(WAYS), text=sparql, accept=st.sampled_from(ACCEPTS),
       pairs=st.one_of(st.just([]), st.just([]), other_fields))
def test_any_query_gets_a_clean_answer(server: str, way: tuple[str, str, str], text: str,
                                       pairs: list[tuple[str, str]], accept: str) -> None:
    """Well-formed protocol requests carrying a drawn query (or a named query's parameter), each
    way they are sent, sometimes with other fields."""
    where, name, how = way
    fields = urllib.parse.urlencode([(name, text), *pairs])
    headers = {"Accept": accept}
    if how == "url":
        reply = ask(server, f"{where}?{fields}", headers=headers, timeout=20)
    elif how == "form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        reply = ask(server, where, headers=headers, method="POST", body=fields.encode(), timeout=20)
    else:
        headers["Content-Type"] = "application/sparql-query"
        reply = ask(server, where, headers=headers, method="POST", body=text.encode(), timeout=20)
    assert_clean(reply)
