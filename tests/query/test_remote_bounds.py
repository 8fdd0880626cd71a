"""`kg query --endpoint` against misbehaving servers started here on 127.0.0.1: one deadline for
the whole exchange, a size limit applied while the answer streams in (error pages too), and one
line naming the server for every way it can go wrong. `kg push` goes through the same client."""

from __future__ import annotations

import contextlib
import queue
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import EndpointError, QueryTimeout
from kg.exchange import PREFIX
from kg.query.remote import execute_remote
from kg.web.graphstore import Credentials, PushError, request_graph
from tests.conftest import ROOT

RESULTS = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"ok"}}]}}'
DRIP_BYTES = 30  # a trickling server gives up after this many seconds, so a client without a deadline waits that long


def _head(status: str = "200 OK", media: str = "application/sparql-results+json", length: int | None = None,
          more: str = "") -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else ""
    return f"HTTP/1.1 {status}\r\nContent-Type: {media}\r\n{size}{more}Connection: close\r\n\r\n".encode()


def _drip(sock: socket.socket, data: bytes) -> None:
    for byte in data[:DRIP_BYTES]:
        sock.sendall(bytes([byte]))
        time.sleep(1)


SENT: queue.Queue[int] = queue.Queue()  # what each endless answer sent


def _endless(sock: socket.socket, status: str, more: str = "") -> None:
    """2 GiB, or as much as the client takes before it hangs up; how much that was goes into SENT."""
    sent = 0
    try:
        sock.sendall(_head(status, more=more))
        chunk = b" " * 2**16
        while sent < 2**31:
            sock.sendall(chunk)
            sent += len(chunk)
    finally:
        SENT.put(sent)


BEHAVIOURS: dict[str, Callable[[socket.socket], None]] = {
    "/results": lambda sock: sock.sendall(_head(length=len(RESULTS)) + RESULTS),
    "/drip-body": lambda sock: (sock.sendall(_head(length=len(RESULTS) * 10)), _drip(sock, RESULTS * 10)),
    "/drip-head": lambda sock: _drip(sock, _head(length=len(RESULTS)) + RESULTS),
    "/endless": lambda sock: _endless(sock, "200 OK"),
    "/endless-error": lambda sock: _endless(sock, "500 Internal Server Error"),
    "/endless-redirect": lambda sock: _endless(sock, "302 Found", "Location: /results\r\n"),
    "/declared-huge": lambda sock: sock.sendall(_head(length=10**12) + RESULTS),
    "/html": lambda sock: sock.sendall(_head(media="text/html", length=20) + b"<html>a page</html>\n"),
    "/not-results": lambda sock: sock.sendall(_head(length=20) + b"<html>a page</html>\n"),
    "/cut": lambda sock: sock.sendall(_head(length=len(RESULTS) * 2) + RESULTS),
    "/no-http": lambda sock: sock.sendall(b"HELLO THERE\r\n\r\n"),
    "/silent-close": lambda sock: None,
}


class Hostile(socketserver.BaseRequestHandler):
    """Reads one request, then answers as the path says."""

    def handle(self) -> None:
        self.request.settimeout(40)
        reader = self.request.makefile("rb")
        words = reader.readline().split(b" ")
        target = words[1].decode("ascii", "replace").split("?")[0] if len(words) == 3 else ""  # else a TLS hello
        length = 0
        while target and (line := reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        reader.read(length)
        with contextlib.suppress(OSError):  # the client hung up, as it should
            BEHAVIOURS.get(target, BEHAVIOURS["/silent-close"])(self.request)


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def never_accepts() -> Iterator[str]:
    """A port whose accept queue is full: a connection attempt waits and never completes."""
    with socket.socket() as server, socket.socket() as filler:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        filler.connect(server.getsockname())
        yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql"


def timed(call: Callable[[], object]) -> tuple[BaseException, float]:
    start = time.monotonic()
    with pytest.raises((EndpointError, QueryTimeout, PushError)) as caught:
        call()
    return caught.value, time.monotonic() - start


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["query", "--project", str(ROOT), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize("path", ["/drip-body", "/drip-head"])
def test_a_trickling_server_is_given_up_on_at_the_deadline(hostile: str, path: str) -> None:
    """One byte a second keeps every single read alive: only a total deadline ends it."""
    error, seconds = timed(lambda: execute_remote(hostile + path, "ASK {}", timeout=2))
    assert isinstance(error, QueryTimeout) and "did not answer within 2 s" in str(error)
    assert seconds < DRIP_BYTES / 3  # 2 s and the margin of a busy machine, far from the drip's 30 s


def test_a_server_that_never_accepts_is_given_up_on(never_accepts: str) -> None:
    error, seconds = timed(lambda: execute_remote(never_accepts, "ASK {}", timeout=1))
    assert isinstance(error, QueryTimeout) and seconds < 10


def test_the_command_line_has_a_deadline_by_default(never_accepts: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.cli.ENDPOINT_TIMEOUT", 1.0)
    code, stderr = cli("-e", "ASK {}", "--endpoint", never_accepts)
    assert code == 1
    assert stderr == f"error: {never_accepts} did not answer within 1 s (hint: allow more time with --timeout)\n"


def taken() -> int:
    """How much the last endless answer sent before the client hung up: the kernel's socket
    buffers (a few MiB on loopback) beyond what the client read."""
    return SENT.get(timeout=30)


def test_an_endless_answer_is_refused_at_the_limit(hostile: str) -> None:
    error, _ = timed(lambda: execute_remote(hostile + "/endless", "ASK {}", timeout=30, max_bytes=2**20))
    assert isinstance(error, EndpointError) and "answered with more than 1 MiB; refused" in str(error)
    assert taken() < 32 * 2**20


def test_a_declared_size_over_the_limit_is_refused_before_reading(hostile: str) -> None:
    error, _ = timed(lambda: execute_remote(hostile + "/declared-huge", "ASK {}", timeout=30))
    assert "answered with more than 256 MiB; refused" in str(error)


def test_an_endless_error_page_is_read_only_for_its_message(hostile: str) -> None:
    error, _ = timed(lambda: execute_remote(hostile + "/endless-error", "ASK {}", timeout=30))
    message = str(error)
    assert message.startswith(f"{hostile}/endless-error answered 500 Internal Server Error") and len(message) < 400
    assert taken() < 32 * 2**20


def test_a_redirect_is_said_not_followed(hostile: str) -> None:
    """urllib would read the redirect's endless body whole, then send the query on as a GET without it."""
    error, _ = timed(lambda: execute_remote(hostile + "/endless-redirect", "ASK {}", timeout=30))
    assert str(error).startswith(f"{hostile}/endless-redirect answered 302 Found, to /results (hint: ")
    assert taken() < 32 * 2**20


@pytest.mark.parametrize(("path", "said"), [
    ("/html", "answered with text/html, not application/sparql-results+json"),
    ("/not-results", "did not answer with SPARQL results: "),
    ("/cut", f"broke off the exchange: {len(RESULTS)} bytes of the {2 * len(RESULTS)} it announced"),
    ("/no-http", "broke off the exchange: "),
    ("/silent-close", "broke off the exchange: Remote end closed connection without response"),
])
def test_a_wrong_answer_is_one_line_on_the_command_line(hostile: str, path: str, said: str) -> None:
    code, stderr = cli("-e", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", hostile + path, "--timeout", "10")
    assert code == 1 and stderr.startswith(f"error: {hostile}{path} ") and said in stderr
    assert stderr.count("\n") == 1


@pytest.mark.parametrize(("url", "said"), [
    ("file:///etc/passwd", "'file:///etc/passwd' is not an http(s) URL"),
    ("http://127.0.0.1:notaport/sparql", "is not an http(s) URL"),
    ("http://127.0.0.1/a path", "is not an http(s) URL"),
    ("http://a..b/sparql", "is not an http(s) URL"),
    (f"http://{'a' * 64}.example/sparql", "is not an http(s) URL"),
])
def test_urls_that_cannot_be_used_are_one_line(url: str, said: str) -> None:
    code, stderr = cli("-e", "ASK {}", "--endpoint", url, "--timeout", "10")
    assert code == 1 and said in stderr and stderr.count("\n") == 1


def test_a_name_that_does_not_resolve_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lookup fails here, without asking a name server (the tests talk to 127.0.0.1 only)."""
    def unknown(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    code, stderr = cli("-e", "ASK {}", "--endpoint", "http://no-such-host.example/sparql", "--timeout", "10")
    assert code == 1 and stderr.startswith(
        "error: cannot reach http://no-such-host.example/sparql: [Errno -2] Name or service not known (hint: ")


def test_a_failed_tls_handshake_is_one_line() -> None:
    """https:// to a server that answers the TLS hello in plain HTTP."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)

        def answer_in_plain_http() -> None:
            connection, _ = server.accept()
            with connection:
                connection.sendall(_head("400 Bad Request", length=0))

        threading.Thread(target=answer_in_plain_http, daemon=True).start()
        url = f"https://127.0.0.1:{server.getsockname()[1]}/sparql"
        code, stderr = cli("-e", "ASK {}", "--endpoint", url, "--timeout", "10")
    assert code == 1 and stderr.startswith(f"error: cannot reach {url}: [SSL") and stderr.count("\n") == 1


def test_the_size_limit_is_configurable(hostile: str) -> None:
    query = ("-e", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", hostile + "/results", "-f", "csv")
    result = CliRunner().invoke(main, ["query", "--project", str(ROOT), *query, "--max-response", str(len(RESULTS))])
    assert result.exit_code == 0 and result.stdout == "x\nok\n"
    code, stderr = cli(*query, "--max-response", str(len(RESULTS) - 1))
    assert code == 1 and f"answered with more than {len(RESULTS) - 1} bytes; refused" in stderr


@pytest.mark.parametrize(("options", "said"), [
    (["--max-response", "1000"], "--max-response limits what an --endpoint sends; give --endpoint too"),
    (["--timeout", "nan"], "'nan' is not between 0 and a year of seconds"),
    (["--timeout", "0"], "'0' is not between 0 and a year of seconds"),
])
def test_limits_that_make_no_sense_are_usage_errors(options: list[str], said: str) -> None:
    code, stderr = cli("search", *options)
    assert code == 2 and said in stderr


def test_push_reads_a_store_answer_within_the_same_bounds(hostile: str, tmp_path: Path) -> None:
    error, _ = timed(lambda: request_graph(hostile + "/endless-error", "http://example.org/g", "DELETE",
                                           Credentials(), 30))
    assert isinstance(error, PushError) and "refused http://example.org/g: 500" in str(error)
    assert len(str(error)) < PREFIX and taken() < 32 * 2**20
    error, seconds = timed(lambda: request_graph(hostile + "/drip-head", "http://example.org/g", "DELETE",
                                                 Credentials(), 2))
    assert isinstance(error, QueryTimeout) and seconds < DRIP_BYTES / 3
