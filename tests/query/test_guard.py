"""The two walls that keep queries from reaching other services, and the nesting limit.

The first wall (kg/query/guard.py) is checked against the engine's own reading: Oxigraph runs
each generated query, unconfined, against a real listener on 127.0.0.1, and every query that
made it connect must be one the guard refuses. The second wall (kg/query/sandbox.py) is checked
by running SERVICE in a process that has been cut off: the listener receives nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import faulthandler
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query import engine, sandbox
from kg.query.guard import MAX_DEPTH, Refused, check_depth, check_query
from kg.query.library import load_library
from kg.query.model import QueryError
from kg.query.sandbox import NetworkNotCut, cut_off_network
from kg.query.workers import Limits, WorkerPool
from tests.conftest import ROOT
from tests.hidden_service import DATA, Listener, hidden_services, listening

LIMITS = Limits(timeout=10, max_rows=100, max_bytes=1 << 20, max_memory=1024)

GENERATED = 100


@pytest.fixture
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


def _engine_contacts(store: ox.Store, query: str, listener: Listener) -> bool:
    """Whether Oxigraph, left to itself, connects to the listener for this query."""
    before = listener.connections
    try:
        answer = store.query(query)
        if not isinstance(answer, ox.QueryBoolean):
            list(answer)
    except (SyntaxError, OSError, RuntimeError):
        pass
    return listener.connections > before


def test_every_query_the_engine_would_send_out_is_refused(listener: Listener) -> None:
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.N_TRIPLES)
    contacted = 0
    for query in hidden_services(listener.url, GENERATED, seed=13):
        if _engine_contacts(store, query, listener):
            contacted += 1
            with pytest.raises(QueryError):
                check_query(query, frozenset())
    assert contacted >= GENERATED // 3, "the generator must make queries the engine really runs"


@pytest.mark.parametrize(("query", "error"), [
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", Refused),
    ("SELECT * WHERE { VALUES ?e { <http://127.0.0.1:9/> } SERVICE ?e { ?s ?p ?o } }", Refused),
    ("BASE <http://127.0.0.1:9/> SELECT * WHERE { service silent <x> { ?s ?p ?o } }", Refused),
    ("LOAD <http://127.0.0.1:9/data.ttl>", Refused),
    ("SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }", Refused),
    # the bypass of the old lexer: rdflib cannot read `\\#` there either, so it is refused unread
    ("PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { ?s ex:a\\#b ?o . SERVICE ex:x { ?s ?p ?o } }", QueryError),
    # rdflib read these two as one long string and as a comment, Oxigraph as SERVICE
    ('SELECT * { BIND("\\u0022" AS ?x) SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } BIND("\\u0022" AS ?y) }', QueryError),
    ("SELECT * { # a comment that a carriage return ends\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n}", Refused),
    ("SELECT * { BIND('\\u0022abcd' AS ?x) }", QueryError),  # rdflib would raise ValueError: no code point
])
def test_the_guard_refuses(query: str, error: type[QueryError]) -> None:
    with pytest.raises(error):
        check_query(query, frozenset())


def test_the_named_queries_and_our_own_graphs_pass() -> None:
    for named in load_library(ROOT / "queries").values():
        check_query(named.text, frozenset())
    check_query("ASK FROM <urn:g> WHERE { ?s ?p ?o }", frozenset({"urn:g"}))
    check_query('SELECT ?s WHERE { ?s <urn:SERVICE> "SERVICE <http://x/>" } # SERVICE <http://z/>\n', frozenset())


def test_what_the_guard_cannot_read_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match=r"SPARQL syntax error \(line 1, column \d+\)"):
        check_query("SELECT * WHERE { ?s ?p", frozenset())
    with pytest.raises(QueryError, match="syntax error"):
        check_query("", frozenset())


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "SELECT * WHERE { FILTER(" + "(" * 70 + "1" + ")" * 70 + ") }",
    # closers the engine reads inside strings, comments and escapes do not lower the count
    "SELECT * WHERE " + '{ ?s ?p "}" ' * 70,
    "SELECT * WHERE " + "{ # }\n" * 70,
    "PREFIX n: <urn:n:> SELECT * WHERE { ?s ?p n:a\\#b " + "{" * 70,
])
def test_deep_nesting_is_refused_before_anything_parses_it(query: str) -> None:
    with pytest.raises(QueryError, match=f"more than {MAX_DEPTH} deep"):
        check_depth(query)


def test_nesting_up_to_the_limit_is_read() -> None:
    query = "SELECT * WHERE " + "{" * (MAX_DEPTH - 2) + " FILTER((1)) " + "}" * (MAX_DEPTH - 2)
    check_query(query, frozenset())


def _service_from_a_cut_off_process(url: str, cut: bool) -> None:  # runs in a fork
    if cut:
        cut_off_network()
    with contextlib.suppress(OSError):  # refused by the listener, or unreachable
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))


@pytest.mark.parametrize("cut", [True, False])
def test_a_cut_off_process_reaches_nothing(listener: Listener, cut: bool) -> None:
    """The second wall alone, the guard bypassed: SERVICE from a cut-off process connects nowhere
    (and the same process without the cut does connect, so the listener works)."""
    child = multiprocessing.get_context("fork").Process(target=_service_from_a_cut_off_process,
                                                       args=(listener.url, cut))
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert listener.connections == (0 if cut else 1)


def _cut_as_nobody(url: str) -> None:  # runs in a fork: no CAP_SYS_ADMIN, so a user namespace is needed
    os.setgid(65534)
    os.setuid(65534)
    _service_from_a_cut_off_process(url, cut=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="becoming another user needs root")
def test_an_ordinary_user_is_cut_off_too(listener: Listener) -> None:
    child = multiprocessing.get_context("fork").Process(target=_cut_as_nobody, args=(listener.url,))
    child.start()
    child.join(30)
    assert child.exitcode == 0 and listener.connections == 0


def test_where_unshare_is_forbidden_the_caller_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    class Forbidding:
        def unshare(self, flags: int) -> int:
            ctypes.set_errno(errno.EPERM)
            return -1

    monkeypatch.setattr(sandbox.ctypes, "CDLL", lambda *args, **kwargs: Forbidding())
    with pytest.raises(NetworkNotCut, match="unshare: Operation not permitted"):
        cut_off_network()


def test_the_query_workers_live_in_their_own_network(built_out: Path) -> None:
    pool = WorkerPool(built_out / "store", 1, LIMITS)
    try:
        worker = next(iter(pool._all))
        assert os.readlink(f"/proc/{worker.process.pid}/ns/net") != os.readlink("/proc/self/ns/net")
    finally:
        pool.close()


def test_an_allow_list_keeps_the_workers_network(built_out: Path) -> None:
    """--allow asks for remote endpoints: the workers keep the network (and the check the prefixes)."""
    pool = WorkerPool(built_out / "store", 1, LIMITS, allow=("https://query.wikidata.org/",))
    try:
        worker = next(iter(pool._all))
        assert os.readlink(f"/proc/{worker.process.pid}/ns/net") == os.readlink("/proc/self/ns/net")
    finally:
        pool.close()


def test_a_worker_that_dies_is_a_clear_error(built_out: Path) -> None:
    pool = WorkerPool(built_out / "store", 1, LIMITS)
    try:
        worker = next(iter(pool._all))
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        killer = multiprocessing.get_context("fork").Process(
            target=_kill_later, args=(worker.process.pid, signal.SIGSEGV))
        killer.start()
        with pytest.raises(QueryError, match=r"the query engine crashed \(signal SIGSEGV\)"):
            pool.run(slow)
        killer.join()
        assert pool.run("ASK { }").boolean is True
    finally:
        pool.close()


def _kill_later(pid: int, sig: int) -> None:  # runs in a fork
    time.sleep(0.5)
    os.kill(pid, sig)


def _segfault(*args: object) -> None:  # runs in a fork, as the engine crashing would
    faulthandler.disable()  # pytest's handler would print the child's stack
    os.kill(os.getpid(), signal.SIGSEGV)


def test_a_crash_in_the_query_child_is_a_clear_error(built_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_run_in_child", _segfault)
    with pytest.raises(QueryError, match=r"the query engine crashed \(signal SIGSEGV\)"):
        engine.execute_with_timeout(built_out / "store", "ASK {}", {}, None)
