"""Starting `kg serve` for the tests and benchmarks: a real server process on a free loopback
port, stopped afterwards, and a small HTTP client that returns errors instead of raising."""

from __future__ import annotations

import os
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
