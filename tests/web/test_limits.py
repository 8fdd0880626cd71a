"""`kg serve` under hostile load, against a real server: a query cannot take more memory or
return more bytes than allowed, one client cannot occupy every worker, and the server names
itself from its configuration, never from the Host header.

Two clients are told apart the way the server does: by address. The tests connect from
127.0.0.1 and from 127.0.0.2 (the whole of 127/8 is loopback), and through a trusted proxy
by X-Forwarded-For."""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from kg.cli import main
from kg.errors import KgError
from kg.project import open_project
from kg.query import workers
from kg.web.serve import serve
from kg.web.settings import Settings, public_root
from tests.conftest import ROOT
from tests.query.test_endpoint import free_port
from tests.servers import Reply, Server, kg_serve

MEMORY_MIB = 400
TIMEOUT = 3
LIMITS = ("--timeout", str(TIMEOUT), "--max-memory", str(MEMORY_MIB), "--max-result", "262144",
          "--workers", "2", "--per-client", "1", "--client-wait", "0.5")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DATASET = URIRef("https://w3id.org/ekodigi/id/dataset")


def doubling(times: int, project: str = "?s{n}") -> str:
    """A query that doubles the shortest article text `times` times (141 characters become 141 * 2**times)."""
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(times))
    return (f"SELECT {project.format(n=times)} WHERE {{ "
            "{ SELECT ?s0 WHERE { ?x <https://schema.org/text> ?s0 } ORDER BY STRLEN(?s0) LIMIT 1 } "
            f"{binds} }}")


def ask(root: str, path: str, source: str | None = None, headers: dict[str, str] | None = None,
        method: str = "GET", body: bytes | None = None, timeout: float = 60) -> Reply:
    """One request from a chosen loopback address (or through a proxy, by the headers)."""
    parts = urllib.parse.urlsplit(root)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    try:
        connection.request(method, "/" + path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def sparql_path(query: str) -> str:
    return "sparql?" + urllib.parse.urlencode({"query": query})


def workers_of(server: Server) -> dict[int, dict[str, int]]:
    """The server's query workers (its child processes) and their memory figures, in KiB."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == server.pid:
                status = (stat.parent / "status").read_text().splitlines()
                memory = {line.split(":")[0]: int(line.split()[1])
                          for line in status if line.startswith(("VmHWM", "VmSize", "VmPeak"))}
                if memory:  # not a worker that has ended (a zombie has no memory)
                    found[int(stat.parent.name)] = memory
        except (OSError, IndexError, ValueError):  # a process that ended while being read
            continue
    return found


class Background(threading.Thread):
    """A request running while the test does something else."""

    def __init__(self, root: str, path: str, **options: Any) -> None:
        super().__init__(daemon=True)
        self.root, self.path, self.options = root, path, options
        self.reply: Reply | None = None
        self.finished = 0.0

    def run(self) -> None:
        self.reply = ask(self.root, self.path, **self.options)
        self.finished = time.monotonic()

    def result(self) -> Reply:
        self.join(timeout=60)
        assert self.reply is not None, "the request did not finish within 60 s"
        return self.reply


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[Server]:
    with kg_serve(ROOT, built_out, *LIMITS) as running:
        yield running


# -- memory ------------------------------------------------------------------------------------

def test_a_memory_hungry_query_is_stopped_while_others_are_served(server: Server) -> None:
    """Doubling a text 24 times would need gigabytes: the worker stops at its cap, says so,
    and is replaced, while a second client's query is answered meanwhile."""
    before = workers_of(server)
    hog = Background(server.root, sparql_path(doubling(24, "(STRLEN(?s{n}) AS ?n)")), source="127.0.0.2")
    hog.start()
    peak = 0
    time.sleep(0.3)
    other = ask(server.root, sparql_path("ASK { ?s ?p ?o }"))
    answered = time.monotonic()
    while hog.is_alive():
        peak = max([peak, *(w["VmHWM"] for w in workers_of(server).values())])
        time.sleep(0.02)
    reply = hog.result()
    assert other.status == 200 and other.body.endswith(b"true}\n")
    assert answered < hog.finished
    assert reply.status == 503
    assert f"needed more than the {MEMORY_MIB} MiB of memory a query may use" in reply.text
    assert peak <= MEMORY_MIB * 1024
    after = workers_of(server)
    assert len(after) == 2 and len(set(after) - set(before)) == 1  # one worker replaced, one kept
    assert all(w["VmPeak"] <= MEMORY_MIB * 1024 for w in after.values())
    both = [Background(server.root, sparql_path("ASK { ?s ?p ?o }"), source=f"127.0.0.{i}") for i in (3, 4)]
    for request in both:
        request.start()
    assert [request.result().status for request in both] == [200, 200]


def test_a_limit_below_a_worker_at_rest_is_an_error_before_listening(built_out: Path) -> None:
    """The workers start before the server listens, so this is the CLI's one-line error."""
    with pytest.raises(KgError, match="the memory limit of 64 MiB is below what a worker uses at rest"):
        serve(open_project(ROOT), built_out, Settings(max_memory=64, port=free_port()))


# -- result size -------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    doubling(12),   # one literal of 577,536 characters
    doubling(17),   # over 16 MiB: Oxigraph cannot even read it back (was a 500 MemoryError)
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5000",  # many small rows
    "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5000",
], ids=["long-literal", "literal-over-16MiB", "many-rows", "many-triples"])
def test_a_result_over_the_byte_cap_is_refused(server: Server, query: str) -> None:
    """The cap is on the bytes as sent: the triples are asked for as N-Triples (their Turtle,
    with prefixes, is smaller)."""
    reply = ask(server.root, sparql_path(query) + ("&format=nt" if query.startswith("CONSTRUCT") else ""))
    assert reply.status == 422 and "the result is larger than 262,144 bytes" in reply.text
    assert "add a LIMIT" in reply.text


def test_a_result_under_the_byte_cap_is_served(server: Server) -> None:
    reply = ask(server.root, sparql_path(doubling(8, "(STRLEN(?s{n}) AS ?n)")),
                headers={"Accept": "text/csv"})
    assert reply.status == 200 and reply.text.split() == ["n", str(141 * 2**8)]


# -- fair sharing ------------------------------------------------------------------------------

def test_one_client_cannot_take_every_worker(server: Server) -> None:
    """Its second slow query waits half a second for its turn, then 429 with Retry-After; a
    second client is served by the worker the first could not take."""
    first = Background(server.root, sparql_path(SLOW), source="127.0.0.2")
    first.start()
    time.sleep(0.3)
    second = ask(server.root, sparql_path(SLOW), source="127.0.0.2")
    other = ask(server.root, sparql_path("ASK { ?s ?p ?o }"))
    assert second.status == 429 and second.headers["retry-after"] == str(TIMEOUT)
    assert "already has 1 query running" in second.text
    assert other.status == 200 and first.is_alive()
    assert first.result().status == 503  # stopped at the time limit, as before


def test_clients_behind_a_trusted_proxy_are_told_apart(server: Server) -> None:
    """From 127.0.0.1 (trusted by default), X-Forwarded-For names the client."""
    first = Background(server.root, sparql_path(SLOW), headers={"X-Forwarded-For": "203.0.113.7"})
    first.start()
    time.sleep(0.3)
    again = ask(server.root, sparql_path("ASK {}"), headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.7"})
    other = ask(server.root, sparql_path("ASK {}"), headers={"X-Forwarded-For": "203.0.113.8"})
    assert again.status == 429 and other.status == 200
    assert first.result().status == 503


def test_an_untrusted_peer_cannot_claim_to_be_many_clients(built_out: Path) -> None:
    with kg_serve(ROOT, built_out, *LIMITS, "--trusted-proxy", "192.0.2.1") as running:
        first = Background(running.root, sparql_path(SLOW), headers={"X-Forwarded-For": "203.0.113.7"})
        first.start()
        time.sleep(0.3)
        forged = ask(running.root, sparql_path("ASK {}"), headers={"X-Forwarded-For": "203.0.113.8"})
        assert forged.status == 429
        assert first.result().status == 503


def test_a_client_waits_briefly_for_its_turn_rather_than_being_refused(server: Server) -> None:
    """Quick queries in a row from one client overlap a little and all succeed."""
    requests = [Background(server.root, sparql_path("ASK { ?s ?p ?o }"), source="127.0.0.5") for _ in range(4)]
    for request in requests:
        request.start()
    assert [request.result().status for request in requests] == [200] * 4


# -- Host and self-references ------------------------------------------------------------------

def endpoints(reply: Reply) -> list[str]:
    return [str(e) for e in Graph().parse(data=reply.body, format="turtle").objects(DATASET, VOID.sparqlEndpoint)]


def test_a_forged_host_does_not_name_the_endpoint(server: Server) -> None:
    reply = ask(server.root, ".well-known/void", headers={"Host": "evil.example"})
    assert reply.status == 200 and endpoints(reply) == [server.root + "sparql"]


def test_the_public_url_names_the_endpoint_and_other_hosts_are_refused(built_out: Path) -> None:
    with kg_serve(ROOT, built_out, "--public-url", "https://kg.example.org") as running:
        public = ask(running.root, ".well-known/void", headers={"Host": "kg.example.org"})
        direct = ask(running.root, ".well-known/void")  # the listening address: a local proxy, a health check
        forged = ask(running.root, ".well-known/void", headers={"Host": "evil.example"})
        forged_query = ask(running.root, sparql_path("ASK {}"), headers={"Host": "evil.example:8000"})
    assert endpoints(public) == endpoints(direct) == ["https://kg.example.org/sparql"]
    assert forged.status == forged_query.status == 400 and b"evil" not in forged.body


@pytest.mark.parametrize("url", ["kg.example.org", "ftp://kg.example.org/", "https:///x",
                                 "https://kg.example.org/ekodigi/", "https://kg.example.org/?a=b",
                                 "https://user@kg.example.org/"])
def test_a_bad_public_url_is_refused_at_start(url: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--project", str(ROOT), "--public-url", url])
    assert result.exit_code == 1 and result.output.startswith("error: the public URL")


def test_a_public_url_is_kept_as_its_root() -> None:
    assert public_root("https://kg.example.org") == "https://kg.example.org/"
    assert public_root("http://kg.example.org:8080/") == "http://kg.example.org:8080/"


def test_a_python_memory_error_in_a_worker_is_the_memory_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's own allocations (reading rows, encoding them) fail with MemoryError under the cap;
    that is the memory refusal (503), not an unexpected error (500)."""
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(workers, "execute", exhausted)
    status, _, payload = workers._answer(None, ("ASK {}", False, None), frozenset(), (),  # type: ignore[arg-type]
                                         workers.Limits(1, 10, 1024, 300), "https://example.org/id/")
    assert status == "memory" and "needed more than the 300 MiB" in str(payload)
