"""`kg query --endpoint`: the same named queries give the same answers from a real Oxigraph
server (PyPI `oxigraph`, started here on 127.0.0.1) as from the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import EndpointError, QueryTimeout
from kg.query.library import load_library
from kg.query.remote import execute_remote
from tests.conftest import ROOT, copy_built

LIBRARY = load_library(ROOT / "queries")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(found).exists(), "the oxigraph server (PyPI package `oxigraph`) must be installed"
    return found


@pytest.fixture(scope="module")
def built(built_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the build with `kg stats`' measures, so that most-central has them too."""
    copy = copy_built(built_out, tmp_path_factory.mktemp("measured") / "out")
    result = CliRunner().invoke(main, ["stats", "--project", str(ROOT), "--out", str(copy)])
    assert result.exit_code == 0, result.output
    return copy


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server on a free loopback port, loaded with the built graph, stopped afterwards."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    server = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                               "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"oxigraph did not start: {server.stderr.read().decode() if server.stderr else ''}")
        for dump in (built / "graph.nq", built / "generations" / "current" / "graphs" / "analytics.nq"):
            load = urllib.request.Request(base + "/store", data=dump.read_bytes(), method="POST",
                                          headers={"Content-Type": "application/n-quads"})
            urllib.request.urlopen(load, timeout=30).close()
        yield base + "/query"
    finally:
        server.terminate()
        server.wait(timeout=10)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["query", "--project", str(ROOT), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_named_query_same_on_the_endpoint(name: str, built: Path, endpoint: str) -> None:
    graph = "CONSTRUCT" in LIBRARY[name].text
    fmt = "nt" if graph else "csv"
    local = run(name, "--out", str(built), "-f", fmt)
    remote = run(name, "--endpoint", endpoint, "-f", fmt)
    if graph:
        assert isomorphic(Graph().parse(data=local, format="nt"), Graph().parse(data=remote, format="nt"))
    elif "ORDER BY" in LIBRARY[name].text:
        assert remote == local
    else:
        assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_parameters_travel_to_the_endpoint(built: Path, endpoint: str) -> None:
    local = run("collaborations-of", "--param", "entity=ozora", "--out", str(built), "-f", "csv")
    remote = run("collaborations-of", "--param", "entity=ozora", "--endpoint", endpoint, "-f", "csv")
    assert remote == local and "kolaborasi-dinas-kukm-ozora" in remote


def test_endpoint_errors_are_clear(endpoint: str) -> None:
    with pytest.raises(EndpointError, match="answered 400"):
        execute_remote(endpoint, "SELECT * WHERE { ?s ?p }")
    with pytest.raises(EndpointError, match=r"cannot reach http://127\.0\.0\.1:"):
        execute_remote(f"http://127.0.0.1:{free_port()}/query", "ASK {}", timeout=2)
    result = CliRunner().invoke(main, ["query", "-e", "ASK {}", "--endpoint", endpoint.replace("/query", "/nope")])
    assert result.exit_code == 1 and "answered 404" in result.stderr


def test_a_slow_endpoint_times_out() -> None:
    """A server that accepts the request and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/sparql"
        with pytest.raises(QueryTimeout, match=r"did not answer within 0\.5 s"):
            execute_remote(url, "ASK {}", timeout=0.5)


def test_an_endpoint_answering_garbage(tmp_path: Path) -> None:
    import http.server
    import threading

    class Garbage(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b"<html>not results</html>")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Garbage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(EndpointError, match="did not answer with SPARQL results"):
            execute_remote(f"http://127.0.0.1:{server.server_port}/sparql", "SELECT * WHERE { ?s ?p ?o }")
    finally:
        server.shutdown()
