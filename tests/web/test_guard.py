"""`kg serve` and `kg query -e` against queries that hide SERVICE, nest deeply or take long to
read, with a real listener on 127.0.0.1 that must never be reached."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hidden_service import Listener, hidden_services, listening
from tests.servers import Reply, fetch, kg_serve

DEEP = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
# 65,000 bytes each, inside the 64 KiB request limit: the old lexer was quadratic on the first
# (94 s), rdflib's parser takes seconds on the second (the worker's time limit stops it)
HOSTILE = {"escaped quotes": "SELECT * WHERE { ?s ?p " + '"\\' * 32_480,
           "long expression": "SELECT * WHERE { ?s ?p ?o FILTER(" + "?o + " * 12_990 + "1) }"}


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


@pytest.fixture(scope="module")
def server(built_out: Path, listener: Listener) -> Iterator[str]:
    with kg_serve(ROOT, built_out, "--workers", "2", "--timeout", "2") as running:
        yield running.root


def post(root: str, query: str, timeout: float = 30) -> Reply:
    return fetch(root + "sparql", query.encode(), {"Content-Type": "application/sparql-query"}, timeout=timeout)


def kg_query(built_out: Path, query: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", "query", "-e", query, "--project", str(ROOT),
                           "--out", str(built_out)], capture_output=True, text=True, timeout=60)


def test_the_server_refuses_every_hidden_service_cleanly(server: str, listener: Listener) -> None:
    """Refused (403), unreadable (400), or, where rdflib's parser backtracks for seconds on a few
    hundred bytes, stopped at the time limit while still being checked (503): never run."""
    for query in hidden_services(listener.url, 60, seed=7):
        reply = post(server, query)
        assert reply.status in (400, 403) or (reply.status == 503 and "stopped after" in reply.text), (
            query, reply.status, reply.text)
    assert listener.connections == 0


def test_kg_query_refuses_every_hidden_service_cleanly(built_out: Path, listener: Listener) -> None:
    for query in hidden_services(listener.url, 6, seed=8):
        result = kg_query(built_out, query)
        assert result.returncode == 2, (query, result.stderr)
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert listener.connections == 0


def test_deep_nesting_is_a_clear_400(server: str) -> None:
    reply = post(server, DEEP)
    assert reply.status == 400 and "nests brackets more than 64 deep" in reply.text


def test_deep_nesting_is_a_clear_error_from_kg_query(built_out: Path) -> None:
    result = kg_query(built_out, DEEP)
    assert result.returncode == 2
    assert result.stderr.startswith("error: the query nests brackets") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_query_does_not_hold_up_other_clients(server: str, hostile: str) -> None:
    assert len(hostile.encode()) <= 65_000
    replies: list[Reply] = []
    sender = threading.Thread(target=lambda: replies.append(post(server, hostile)))
    sender.start()
    time.sleep(0.3)  # the hostile query is being read, checked or run
    for path, data in [("static/style.css", None), ("sparql", b"ASK { ?s ?p ?o }")]:
        started = time.monotonic()
        other = {"Content-Type": "application/sparql-query", "X-Forwarded-For": "198.51.100.9"}  # another client
        reply = fetch(server + path, data, other, timeout=5)
        assert reply.status == 200 and time.monotonic() - started < 1.0, (path, reply.status)
    sender.join()
    assert replies[0].status in (400, 503), replies[0].text
