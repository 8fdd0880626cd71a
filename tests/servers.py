"""Starting `kg serve` for the tests and benchmarks: a real server process on a free loopback
port, stopped afterwards, and a small HTTP client that returns errors instead of raising."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.query.test_endpoint import free_port


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None, timeout: float = 30) -> Reply:
    """One request, redirects not followed, any status returned."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=timeout) as response:
            return Reply(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read())


@dataclass(frozen=True)
class Server:
    """A running `kg serve`: its root URL (ending in /) and process id."""

    root: str
    pid: int


@contextmanager
def kg_serve(project: Path, out: Path, *options: str, code: Path | None = None) -> Iterator[Server]:
    """`kg serve` on a free port, stopped afterwards; `code`: a checkout of kg to run instead of
    this one (a benchmark's "before")."""
    port = free_port()
    where = {"env": {**os.environ, "PYTHONPATH": str(code)}, "cwd": code} if code else {}  # cwd: `-m` looks there
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--project", str(project), "--out", str(out),
                               "--port", str(port), *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              **where)  # type: ignore[call-overload]
    root = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError(f"kg serve stopped: {server.stderr.read().decode() if server.stderr else ''}")
            try:
                if fetch(root + "static/style.css", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("kg serve did not start within 30 s")
        yield Server(root, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def oxigraph_server(folder: Path, *options: str) -> Iterator[str]:
    """A stock Oxigraph server (PyPI `oxigraph`) on a free loopback port, storing in `folder`,
    stopped afterwards; gives its root URL (…/store is the Graph Store, …/query the endpoint)."""
    from tests.query.test_endpoint import oxigraph_binary

    port = free_port()
    server = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                               *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if server.poll() is not None:
                raise RuntimeError(f"oxigraph serve stopped with exit code {server.returncode}")
            try:
                if fetch(root + "/query?query=ASK%7B%7D", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("oxigraph serve did not start within 60 s")
        yield root
    finally:
        server.terminate()
        server.wait(timeout=10)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = {dir}
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
MaxClientConnections = 5
ServerThreads = 5
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def isql(sql_port: int, password: str, statement: str) -> str:
    """Run one SQL statement; isql-vt exits 0 even on errors, so its output is checked instead."""
    done = subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", password, f"exec={statement}"],
                          capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise RuntimeError(f"isql-vt {statement!r} failed: {output}")
    return output


@contextmanager
def virtuoso_server(folder: Path, buffers: int = 10_000) -> Iterator[tuple[str, str]]:
    """A throwaway OpenLink Virtuoso 7 (Debian `virtuoso-opensource-7-bin`) on free loopback ports,
    its database in `folder` (its own virtuoso.ini, a fresh dba password), stopped afterwards;
    gives its root URL and the dba password. `buffers` is its page cache in 8 KiB pages (the
    stock virtuoso.ini suggests 170,000 for 2 GB of memory)."""
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql=sql_port, http=http_port, buffers=buffers,
                                       dirty=buffers * 3 // 4), encoding="utf-8")
    server = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                log = folder / "virtuoso.log"
                raise RuntimeError(f"virtuoso-t stopped: {log.read_text()[-2000:] if log.exists() else ''}")
            try:
                if fetch(root + "/sparql?query=ASK%7B%7D", timeout=2).status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("virtuoso-t did not answer within 120 s")
            time.sleep(0.3)
        password = secrets.token_urlsafe(16)
        isql(sql_port, "dba", f"USER_SET_PASSWORD('dba', '{password}');")
        if "1 Rows" not in isql(sql_port, password, "SELECT 1;"):
            raise RuntimeError("virtuoso-t did not take its new dba password")
        yield root, password
    finally:
        server.terminate()
        server.wait(timeout=60)
