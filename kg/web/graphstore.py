"""Talking to a triple store that takes writes: SPARQL 1.1 Graph Store HTTP Protocol requests
about one graph (PUT, POST, DELETE) and SPARQL 1.1 Update requests, each bounded in time like
every exchange with another server (`kg.exchange.exchange`).

Bodies are N-Triples, the format every store parses fastest (no prefixes to resolve; measured
in benchmarks/README.md), and a graph larger than `CHUNK` bytes goes in several requests: a
PUT of the first chunk (which replaces the graph), then POSTs of the rest (which add to it).
That is sound only because the build mints no blank nodes (tests/build/test_outputs.py): a
blank node's label would name different nodes in two requests.

Stores protect writes differently: Oxigraph on loopback takes none, Virtuoso's
/sparql-graph-crud-auth and /sparql-auth want HTTP Digest, hosted stores often a bearer token.
The client answers a Basic or Digest challenge with the user and password it is given, or sends
the token.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.errors import KgError
from kg.exchange import exchange

N_TRIPLES = "application/n-triples"
CHUNK = 16 * 2**20  # bytes of N-Triples per Graph Store request
UPDATE_CHUNK = 4 * 2**20  # bytes of triples per SPARQL Update request


class PushError(KgError):
    """The store refused a graph or could not be reached."""


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: a user and password (Basic or Digest, as the store asks) or a token."""

    user: str | None = None
    password: str | None = None
    token: str | None = None


def chunks(lines: Iterable[bytes], limit: int = CHUNK) -> Iterator[bytes]:
    """Whole lines joined into bodies of about `limit` bytes (a longer line is a body of its own)."""
    batch: list[bytes] = []
    size, given = 0, False
    for line in lines:
        if batch and size + len(line) > limit:
            yield b"".join(batch)
            batch, size, given = [], 0, True
        batch.append(line)
        size += len(line)
    if batch or not given:
        yield b"".join(batch)  # an empty graph is one empty body: its PUT empties it on the store


def put_graph(endpoint: str, name: str | None, bodies: Iterable[bytes], credentials: Credentials,
              timeout: float) -> int:
    """Replace graph `name` (None: the default graph) with the N-Triples of `bodies`: a PUT of the
    first, POSTs of the others, each request within `timeout` s; returns the lines sent."""
    lines = 0
    for number, body in enumerate(bodies):
        request_graph(endpoint, name, "POST" if number else "PUT", credentials, timeout, body, N_TRIPLES)
        lines += body.count(b"\n")
    return lines


def update(endpoint: str, text: str, credentials: Credentials, timeout: float) -> None:
    """Run one SPARQL Update on the store's update endpoint, within `timeout` s."""
    body = text.encode()
    headers = {"Content-Type": "application/sparql-update"}
    headers.update(_authorization(endpoint, "POST", body, credentials, timeout))
    answer = exchange(endpoint, body, "POST", headers, timeout, handlers=_authentication(endpoint, credentials))
    if not 200 <= answer.status < 300:
        raise PushError(f"{endpoint} refused an update: {answer.status} {answer.reason} {answer.detail()}".rstrip(),
                        _hint(answer.status, "check that --update is the store's SPARQL Update endpoint "
                                             "(Oxigraph: …/update; Virtuoso: …/sparql-auth)"))


def update_data(endpoint: str, operation: str, graph: str | None, triples: Iterable[bytes],
                credentials: Credentials, timeout: float) -> int:
    """`INSERT DATA` or `DELETE DATA` (`operation`) of N-Triples lines into graph `graph` (None:
    the default graph), in requests of about UPDATE_CHUNK bytes; returns how many were sent.
    Both are idempotent, so a batch sent twice after a failure does no harm."""
    sent = 0
    for body in chunks(triples, UPDATE_CHUNK):
        if not body:
            break
        text = body.decode()
        if graph is not None:
            text = f"GRAPH <{graph}> {{\n{text}}}"
        update(endpoint, f"{operation} {{\n{text}}}", credentials, timeout)
        sent += body.count(b"\n")
    return sent


def request_graph(endpoint: str, name: str | None, method: str, credentials: Credentials, timeout: float,
                  body: bytes | None = None, media: str = N_TRIPLES, missing_ok: bool = False) -> None:
    """One Graph Store request about one graph (PUT or POST with a body of type `media`, or
    DELETE), within `timeout` s; `name` None is the store's default graph; with `missing_ok`, a
    404 (the graph is not there) is fine too.

    The store's answer is not needed beyond its status: only its first few KiB are read.
    """
    headers = {"Content-Type": f"{media}; charset=utf-8"} if body is not None else {}
    which = urllib.parse.urlencode({"graph": name}) if name is not None else "default"
    target = endpoint + ("&" if "?" in endpoint else "?") + which
    if body:
        headers.update(_authorization(target, method, body, credentials, timeout))
    elif credentials.token:
        headers["Authorization"] = f"Bearer {credentials.token}"
    answer = exchange(target, body, method, headers, timeout, handlers=_authentication(endpoint, credentials))
    if not 200 <= answer.status < 300 and not (missing_ok and answer.status == 404):
        hint = _hint(answer.status, "a store whose queries see all its graphs without one (Virtuoso) takes "
                                    "--no-default-graph" if name is None else
                                    "check that the URL is the store's Graph Store endpoint")
        what = name if name is not None else "the default graph"
        raise PushError(f"{endpoint} refused {what}: {answer.status} {answer.reason} {answer.detail()}".rstrip(),
                        hint)


def _hint(status: int, otherwise: str) -> str:
    if status in (401, 403):
        return "give --user (password in KG_PUSH_PASSWORD) or a token in KG_PUSH_TOKEN"
    return otherwise


def _authorization(target: str, method: str, body: bytes, credentials: Credentials,
                   timeout: float) -> dict[str, str]:
    """The Authorization header for a request with a body: the token, or the answer to the
    challenge a bodiless probe (a GET of the same URL) draws: a store that wants Digest
    (Virtuoso) answers a large PUT's first, unauthenticated attempt with 401 and closes the
    connection while the body is still being sent, so the usual answer-the-401-and-retry never
    gets its chance."""
    if credentials.token:
        return {"Authorization": f"Bearer {credentials.token}"}
    if credentials.user is None:
        return {}
    probe = urllib.request.Request(target, method="GET")
    try:
        with urllib.request.build_opener(_NoRedirect).open(probe, timeout=timeout):
            return {}  # no challenge: the store does not ask for this request
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
    except (urllib.error.URLError, OSError):
        return {}  # the real request says what is wrong
    scheme, _, rest = challenge.partition(" ")
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, target, credentials.user, credentials.password or "")
    if scheme.lower() == "digest":
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
        request = urllib.request.Request(target, data=body, method=method)
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(request, fields)
        return {"Authorization": f"Digest {answer}"} if answer else {}
    if scheme.lower() == "basic":
        token = base64.b64encode(f"{credentials.user}:{credentials.password or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}
    return {}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _authentication(endpoint: str, credentials: Credentials) -> tuple[urllib.request.BaseHandler, ...]:
    """What answers the store's Basic or Digest challenge, when there is a user."""
    if credentials.user is None:
        return ()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, credentials.user, credentials.password or "")
    return urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
