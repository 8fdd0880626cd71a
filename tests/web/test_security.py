"""`kg serve` is safe by default: read-only, no fetching of other URLs, limits that say so,
no path traversal, every page escaped, loopback only, no CORS unless configured.

The server runs on a copy of the project where the name "Surabaya" (a label, an alias, words
of the article and so evidence sentences) is replaced by hostile markup."""

from __future__ import annotations

import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build.compile import build_to
from kg.project import open_project
from kg.query.guard import Refused, check_query
from tests.conftest import ROOT
from tests.servers import fetch, kg_serve

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
LIMITS = ("--timeout", "1", "--max-rows", "50", "--max-request", "4096", "--workers", "1")
# the home and query pages, Surabaya's page, pages that link to it, the article whose sentences
# name it, and the explorer's views that list it
HOSTILE_PAGES = ["", "query", "id/surabaya", "id/jawa-timur", "id/gathering-networking-east-java-start-up",
                 "id/article/tribunjatim-2022-08-09-jatim-lazada", "search?q=img+src", "browse/places",
                 "browse/places?place=https%3A%2F%2Fw3id.org%2Fekodigi%2Fid%2Fsurabaya", "browse/events", "id/",
                 "map", "map?zoom=places&place=surabaya"]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def hostile_copy(root: Path) -> Path:
    """The project with "Surabaya" spelled as an HTML tag in the places, the article and its text."""
    for part in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / part, root / part)
    for path in [root / "data" / "places.yaml", *(root / "data" / "articles").iterdir()]:
        if path.suffix in {".yaml", ".txt"}:
            path.write_text(path.read_text(encoding="utf-8").replace("Surabaya", HOSTILE), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = hostile_copy(tmp_path_factory.mktemp("hostile"))
    build_to(open_project(root), root / "output")
    return root, root / "output"


@pytest.fixture(scope="module")
def server(hostile: tuple[Path, Path]) -> Iterator[str]:
    with kg_serve(*hostile, *LIMITS) as running:
        yield running.root


def sparql(root: str, query: str, **extra: str):
    return fetch(root + "sparql?" + urllib.parse.urlencode({"query": query, **extra}))


# -- read-only, no fetching ----------------------------------------------------------------------

@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <file:///etc/passwd>",
    "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>",
])
def test_updates_are_refused_in_every_way(server: str, update: str) -> None:
    replies = [
        sparql(server, update),
        fetch(server + "sparql", urllib.parse.urlencode({"update": update}).encode(),
              {"Content-Type": "application/x-www-form-urlencoded"}),
        fetch(server + "sparql", update.encode(), {"Content-Type": "application/sparql-update"}),
        fetch(server + "sparql", update.encode(), {"Content-Type": "application/sparql-query"}),
    ]
    for reply in replies:
        assert reply.status == 403 and "only reads the graph" in reply.text
    assert sparql(server, "ASK { <urn:a> <urn:b> <urn:c> }").body.endswith(b"false}\n")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://localhost/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x <urn:p> ?svc . SERVICE ?svc { ?s ?p ?o } }",
    "select * where { service <http://[::1]:80/> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_service_and_remote_from_are_refused(server: str, query: str) -> None:
    reply = sparql(server, query)
    assert reply.status == 403 and "is not allowed" in reply.text


def test_escaped_keywords_do_not_slip_through(server: str) -> None:
    """SPARQL's \\u escapes are not keywords to Oxigraph (which would run a SERVICE for real)."""
    reply = sparql(server, "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert reply.status in (400, 403)


def test_keywords_inside_strings_iris_and_comments_are_not_mistaken(server: str) -> None:
    query = ('SELECT ?s WHERE { ?s <urn:SERVICE> "SERVICE <http://x/> FROM <http://y/>" } # SERVICE <http://z/>\n'
             "LIMIT 1")
    assert sparql(server, query).status == 200


def test_from_our_own_graphs_is_allowed(server: str) -> None:
    graph = "https://w3id.org/ekodigi/id/graph/tribunjatim-2022-08-09-jatim-lazada"
    reply = sparql(server, f"ASK FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    assert reply.status == 200 and reply.body.endswith(b"true}\n")


def test_the_allow_list_opens_a_prefix_and_only_it() -> None:
    graphs = frozenset({"https://example.org/graph/a"})
    allow = ("https://query.wikidata.org/",)
    check_query("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", graphs, allow)
    check_query("SELECT * FROM <https://example.org/graph/a> WHERE { ?s ?p ?o }", graphs, ())
    with pytest.raises(Refused):
        check_query("SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }", graphs, allow)
    with pytest.raises(Refused):
        check_query("SELECT * FROM <https://example.org/graph/b> WHERE { ?s ?p ?o }", graphs, allow)


# -- limits that say so ------------------------------------------------------------------------------

def test_a_runaway_query_is_stopped_and_reported_and_the_server_recovers(server: str) -> None:
    reply = sparql(server, SLOW)
    assert reply.status == 503 and "stopped after 1 s" in reply.text
    assert sparql(server, "ASK { ?s ?p ?o }").status == 200


def test_a_result_over_the_cap_is_refused_not_cut(server: str) -> None:
    reply = sparql(server, "SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 422 and "more than 50 rows" in reply.text
    graph = sparql(server, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert graph.status == 422
    assert sparql(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 50").status == 200


def test_oversized_requests_are_refused(server: str) -> None:
    padding = "#" + "x" * 5000 + "\nASK {}"
    body = fetch(server + "sparql", padding.encode(), {"Content-Type": "application/sparql-query"})
    assert body.status == 413 and "larger than 4096 bytes" in body.text
    form = fetch(server + "sparql", urllib.parse.urlencode({"query": padding}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status == 413
    assert sparql(server, padding).status == 414


# -- paths, pages, network -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "static/../serve.py", "static/%2e%2e/serve.py", "static/..%2fserve.py", "data/../build.json",
    "data/%2e%2e%2fbuild.json", "data/store", "static/", "id/../../etc/passwd", "..%2f..%2fetc%2fpasswd",
])
def test_no_path_traversal(server: str, path: str) -> None:
    reply = fetch(server + path)
    assert reply.status == 404 and b"def " not in reply.body and b"root:" not in reply.body


def test_a_hostile_label_is_escaped_on_every_page(server: str) -> None:
    seen = 0
    for path in HOSTILE_PAGES:
        reply = fetch(server + path, headers={"Accept": "text/html"})
        assert reply.status == 200, path
        assert HOSTILE not in reply.text and "onerror=alert(1)>" not in reply.text
        seen += reply.text.count(ESCAPED)
    assert seen >= 3
    surabaya = fetch(server + "id/surabaya", headers={"Accept": "text/html"}).text
    assert f"<h1>{ESCAPED}</h1>" in surabaya and "<blockquote>" in surabaya


def test_a_page_over_the_cap_says_it_is_partial(server: str) -> None:
    article = fetch(server + "id/article/tribunjatim-2022-08-09-jatim-lazada", headers={"Accept": "text/html"})
    assert article.status == 200 and "Only the first 50 rows of facts are shown" in article.text


def test_the_query_page_embeds_the_library_as_inert_json(server: str) -> None:
    page = fetch(server + "query").text
    start = page.index('<script type="application/json" id="library">')
    assert "</script>" not in page[start + 50: page.index("</script>", start)]
    assert "<" not in page[start + 50: page.index("</script>", start)]


def test_security_headers_and_no_cors_by_default(server: str) -> None:
    reply = fetch(server + "sparql?query=ASK%7B%7D", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in reply.headers
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in reply.headers["content-security-policy"]


def test_cors_when_configured(hostile: tuple[Path, Path]) -> None:
    with kg_serve(*hostile, "--cors-origin", "https://friend.example") as running:
        root = running.root
        friend = fetch(root + "sparql?query=ASK%7B%7D", headers={"Origin": "https://friend.example"})
        other = fetch(root + "sparql?query=ASK%7B%7D", headers={"Origin": "https://evil.example"})
    assert friend.headers["access-control-allow-origin"] == "https://friend.example"
    assert "access-control-allow-origin" not in other.headers


def test_it_listens_on_loopback_only(server: str) -> None:
    assert urllib.parse.urlsplit(server).hostname == "127.0.0.1"
    from kg.cli import serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"
