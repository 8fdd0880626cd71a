"""A pool of worker processes that run the web server's queries, each holding the store open
read-only.

Oxigraph cannot interrupt a running query, and a thread cannot be killed, so a query that
outlives its time limit is stopped by killing its worker (a fresh one takes its place). The
pool's size also bounds how many queries run at once, whatever the number of clients. Workers
are started as fresh interpreters (`python -m kg.query.workers`), not forked: the server is
multi-threaded, and forking a threaded process can deadlock the child; unlike multiprocessing's
spawn, this never re-imports the caller's main module.
"""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query.engine import crashed, execute, report, reported
from kg.query.guard import check_query
from kg.query.model import QueryTimeout, Result, decode, encode
from kg.query.sandbox import NetworkNotCut, cut_off_network


class PoolBusy(KgError):
    """Every worker stayed busy for as long as a query may run."""


class _Worker:
    """One child process and the parent's end of its pipe."""

    def __init__(self, store: Path, max_rows: int, allow: tuple[str, ...]) -> None:
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kg.query.workers", str(theirs.fileno()), str(store), str(max_rows), *allow],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        self.conn = Connection(ours.detach())
        try:  # wait until the store is open, so start-up never counts against a query's time
            ready = self.conn.recv()
        except EOFError:
            ready = "the worker process exited"
        if ready != "ready":
            self.stop()
            raise KgError(f"cannot start a query worker: {ready}")

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.conn.close()


class WorkerPool:
    """Runs queries in `size` worker processes with a time limit and a result-size cap; each
    query is checked there (kg/query/guard.py), SERVICE and FROM reaching only `allow`."""

    def __init__(self, store: Path, size: int, timeout: float, max_rows: int, allow: tuple[str, ...] = ()) -> None:
        self.store, self.timeout, self.max_rows, self.allow = store, timeout, max_rows, allow
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.store, self.max_rows, self.allow)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def run(self, text: str, check: bool = True) -> Result:
        """The result of a query, or the error that says why not. The worker `check`s it first
        (kg/query/guard.py); only a query the server wrote itself may skip that."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy(f"every query worker stayed busy for {self.timeout:g} s", "try again later") from None
        try:
            worker.conn.send((text, check))
            if not worker.conn.poll(self.timeout):
                raise QueryTimeout(f"the query was stopped after {self.timeout:g} s",
                                   "narrow it (a LIMIT, a more specific pattern)")
            status, form, payload = worker.conn.recv()
        except EOFError:
            self._replace(worker)
            raise crashed(worker.process.returncode) from None
        except BaseException:
            self._replace(worker)
            raise
        self._idle.put(worker)
        if status == "ok":
            return decode(form, payload)
        raise reported(status, payload)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        self._add()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def _serve(conn: Connection, path: str, max_rows: int, allow: tuple[str, ...]) -> None:  # pragma: no cover
    """Answer queries from the pipe until the parent closes it, checking each one first."""
    if not allow:  # an allow-list means remote endpoints were asked for: they need the network
        try:
            cut_off_network()
        except NetworkNotCut as exc:
            print(f"warning: {exc}; SERVICE is refused by the query check alone", file=sys.stderr)
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(f"cannot open the store {path}: {exc}")
        return
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    conn.send("ready")
    while True:
        try:
            text, check = conn.recv()
        except EOFError:
            return
        try:
            if check:
                check_query(text, graphs, allow)
            result = execute(store, text, max_rows=max_rows)
            conn.send(("ok", result.form, encode(result)))
        except Exception as exc:  # reported to the parent, which raises it as a project error
            status, payload = report(exc)
            conn.send((status, "", payload))


if __name__ == "__main__":  # pragma: no cover - the worker's entry point
    _serve(Connection(int(sys.argv[1])), sys.argv[2], int(sys.argv[3]), tuple(sys.argv[4:]))
