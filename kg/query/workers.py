"""A pool of worker processes that run the web server's queries, each holding the store open
read-only, each within limits of time, memory and result size.

Oxigraph cannot interrupt a running query, and a thread cannot be killed, so a query that
outlives its time limit is stopped by killing its worker (a fresh one takes its place). Memory
is capped by the operating system: each worker limits its own address space (RLIMIT_AS) once
the store is open, so a query that would grow past it fails inside that worker (a Python
MemoryError is reported; Oxigraph, written in Rust, aborts the process), and the worker is
replaced. A result is refused when its rows or its bytes (as sent to the client, written by
the worker in the format the client chose) are over the caps, before it reaches the server's
own memory. Each query is checked in its worker before it runs (kg/query/guard.py: the parse
is bounded by the same time limit), and a worker has no network (kg/query/sandbox.py) unless
SERVICE was allow-listed. A worker the engine crashed (a segfault on a pathological query) is
replaced too.

The pool's size also bounds how many queries run at once, whatever the number of clients.
Workers are started as fresh interpreters (`python -m kg.query.workers`), not forked: the
server is multi-threaded, and forking a threaded process can deadlock the child; unlike
multiprocessing's spawn, this never re-imports the caller's main module.
"""

from __future__ import annotations

import json
import math
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError, QueryTimeout
from kg.namespaces import DEFAULT_BASE
from kg.query.engine import answer_of, crashed, execute, report, reported
from kg.query.guard import check_query
from kg.query.model import Result, decode, encode, too_many_bytes
from kg.query.prefixes import predeclared
from kg.query.render import Written, write
from kg.query.sandbox import NetworkNotCut, cut_off_network

MIB = 1024 * 1024
# glibc reserves 64 MiB of address space for each thread's malloc arena; two arenas keep a
# worker's address space near what it really uses (about 175 MiB at rest instead of 370 to 570),
# so the memory limit means what it says. When Rust aborts, the log gets one line, not a backtrace.
WORKER_ENV = {"MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}


class PoolBusy(KgError):
    """Every worker stayed busy for as long as a query may run."""

    def __init__(self, message: str, hint: str, retry_after: int) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


class QueryOutOfMemory(KgError):
    """The query needed more memory than a worker may use, and its worker was replaced."""


class WorkerDied(KgError):
    """A worker stopped while running a query, for a reason other than its memory limit."""


@dataclass(frozen=True)
class Limits:
    """What one query may use: seconds, rows (or triples), bytes of result, MiB of address space."""

    timeout: float
    max_rows: int
    max_bytes: int
    max_memory: int


class _Worker:
    """One child process and the parent's end of its pipe."""

    def __init__(self, store: Path, limits: Limits, base: str, allow: tuple[str, ...]) -> None:
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kg.query.workers", str(theirs.fileno()), str(store),
                 json.dumps(asdict(limits)), base, *allow],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env={**os.environ, **WORKER_ENV})
        self.conn = Connection(ours.detach())
        try:  # wait until the store is open, so start-up never counts against a query's time
            ready = self.conn.recv()
        except EOFError:
            ready = "the worker process exited"
        if ready != "ready":
            self.stop()
            raise KgError(f"cannot start a query worker: {ready}")

    def stop(self) -> int:
        """Kill the process (if it still runs) and say how it ended (negative: by that signal)."""
        self.process.kill()
        code = self.process.wait()
        self.conn.close()
        return code


class WorkerPool:
    """Runs queries in `size` worker processes within `limits`; each query is checked there,
    SERVICE and FROM reaching only `allow`; the prefixes predeclared for the graph's `base`
    (kg/query/prefixes.py) need no declaration."""

    def __init__(self, store: Path, size: int, limits: Limits, allow: tuple[str, ...] = (),
                 base: str = DEFAULT_BASE) -> None:
        self.store, self.limits, self.base, self.allow = store, limits, base, allow
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.store, self.limits, self.base, self.allow)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def run(self, text: str, check: bool = True) -> Result:
        """The result of a query, or the error that says why not. The worker `check`s it first
        (kg/query/guard.py); only a query the server wrote itself may skip that."""
        form, payload = self._ask(text, check, None)
        return decode(form, payload)

    def write(self, text: str, check: bool, chosen: dict[str, str | None]) -> Written:
        """The answer to a query as the worker wrote it, in the format `chosen` for its form
        (kg/query/render.py's `write`): the bytes go to the client as they come."""
        return self._ask(text, check, chosen)[1]

    def _ask(self, text: str, check: bool, chosen: dict[str, str | None] | None) -> tuple[str, Any]:
        """(form, payload) of one query run by an idle worker, within the time limit."""
        timeout = self.limits.timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise PoolBusy(f"every query worker stayed busy for {timeout:g} s", "try again later",
                           math.ceil(timeout)) from None
        try:
            worker.conn.send((text, check, chosen))
            if not worker.conn.poll(timeout):
                raise QueryTimeout(f"the query was stopped after {timeout:g} s",
                                   "narrow it (a LIMIT, a more specific pattern)")
            status, form, payload = worker.conn.recv()
        except EOFError:  # the worker died mid-query
            raise _death(self._replace(worker), self.limits.max_memory) from None
        except BaseException:
            self._replace(worker)
            raise
        if status == "memory":  # a worker that ran out of memory is not trusted to be whole
            self._replace(worker)
        else:
            self._idle.put(worker)
        if status == "ok":
            return form, payload
        if status == "memory":
            raise QueryOutOfMemory(*payload)
        raise reported(status, payload)

    def _replace(self, worker: _Worker) -> int:
        """Put a fresh worker in the place of this one; how the old one ended (see _Worker.stop)."""
        with self._lock:
            self._all.discard(worker)
        code = worker.stop()
        self._add()
        return code

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def _death(code: int, max_memory: int) -> KgError:
    """The error for a worker that exited mid-query: an abort is Rust failing to allocate
    (Oxigraph), a kill the kernel's out-of-memory killer; either way the query asked too much."""
    if code in (-signal.SIGABRT, -signal.SIGKILL):
        return QueryOutOfMemory(_out_of_memory(max_memory), _SMALLER)
    if code == -signal.SIGSEGV:
        return crashed(code)
    return WorkerDied(f"the query's worker stopped unexpectedly (exit status {code})", "try again later")


def _out_of_memory(max_memory: int) -> str:
    return f"the query was stopped: it needed more than the {max_memory} MiB of memory a query may use"


_SMALLER = "narrow it: build shorter strings, join fewer patterns, add a LIMIT"


def _memory_answer(max_memory: int) -> tuple[str, str, object]:
    return "memory", "", (_out_of_memory(max_memory), _SMALLER)


def _limit_memory(max_memory: int) -> str | None:
    """Cap this process's address space, or say why that cannot be done."""
    with open("/proc/self/statm") as statm:  # the first field: the address space now, in pages
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    if in_use >= max_memory * MIB:
        return f"the memory limit of {max_memory} MiB is below what a worker uses at rest ({in_use // MIB} MiB)"
    resource.setrlimit(resource.RLIMIT_AS, (max_memory * MIB, max_memory * MIB))
    return None


def _answer(store: ox.Store, request: tuple[str, bool, dict[str, str | None] | None], graphs: frozenset[str],
            allow: tuple[str, ...], limits: Limits, base: str) -> tuple[str, str, object]:
    """What the worker sends back for one query: the encoded result (or, when the request chose
    its formats, the written answer), or an error's status and words."""
    text, check, chosen = request
    prefixes = predeclared(base)
    try:
        if check:
            check_query(text, graphs, allow, prefixes)
        if chosen is None:
            result = execute(store, text, max_rows=limits.max_rows, prefixes=prefixes)
            form, payload = result.form, encode(result)
            if len(payload) > limits.max_bytes:
                raise too_many_bytes(limits.max_bytes)
        else:
            form, payload = "", write(answer_of(store, text, prefixes), chosen, base, limits.max_rows, limits.max_bytes)
    except MemoryError:
        return _memory_answer(limits.max_memory)
    except Exception as exc:  # reported to the parent, which raises it as a project error
        status, words = report(exc)
        return status, "", words
    return "ok", form, payload


def _serve(conn: Connection, path: str, limits: Limits, base: str, allow: tuple[str, ...]) -> None:  # pragma: no cover
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
    refused = _limit_memory(limits.max_memory)
    conn.send(refused or "ready")
    while not refused:
        try:
            request = conn.recv()
        except EOFError:
            return
        answer = _answer(store, request, graphs, allow, limits, base)
        try:
            conn.send(answer)
        except MemoryError:  # pickling copies the payload; nothing is written before that
            conn.send(_memory_answer(limits.max_memory))


if __name__ == "__main__":  # pragma: no cover - the worker's entry point
    _serve(Connection(int(sys.argv[1])), sys.argv[2], Limits(**json.loads(sys.argv[3])), sys.argv[4],
           tuple(sys.argv[5:]))
