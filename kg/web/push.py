"""`kg push`: upload the built graph's named graphs to a triple store with the SPARQL 1.1
Graph Store HTTP Protocol, one PUT per graph, so pushing again replaces each graph and the
store ends up the same however often it is pushed.

With a query endpoint, `prune` then deletes the graphs under the project's base IRI that the
build no longer has (an article taken out of data/), so the store says what the build says;
graphs outside the base IRI are never touched.

Stores protect writes differently: Oxigraph on loopback takes none, Virtuoso's
/sparql-graph-crud-auth wants HTTP Digest, hosted stores often a bearer token. The client
answers a Basic or Digest challenge with the user and password it is given, or sends the token.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.store import open_store
from kg.errors import KgError
from kg.query.remote import exchange, execute_remote


class PushError(KgError):
    """The store refused a graph or could not be reached."""


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: a user and password (Basic or Digest, as the store asks) or a token."""

    user: str | None = None
    password: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its name and how many triples it holds."""

    graph: str
    triples: int


def graph_names(store_dir: Path) -> list[str]:
    """The store's named graphs, sorted (its default graph is only their merge)."""
    return _names(open_store(store_dir))


def graphs(store_dir: Path) -> Iterator[tuple[str, list[ox.Triple]]]:
    """The store's named graphs by name, one at a time."""
    store = open_store(store_dir)
    for name in _names(store):
        yield name, [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]


def _names(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def push(store_dir: Path, endpoint: str, credentials: Credentials | None = None,
         timeout: float = 300, progress: Callable[[Pushed], None] | None = None) -> list[Pushed]:
    """PUT every graph of the store to the Graph Store endpoint; stops at the first refusal."""
    credentials = credentials or Credentials()
    sent = []
    for name, triples in graphs(store_dir):
        # Full IRIs, no prefixes: Virtuoso 7 keeps the backslash of escaped local names (id:a\/b).
        request_graph(endpoint, name, "PUT", credentials, timeout, ox.serialize(triples, format=ox.RdfFormat.TURTLE))
        sent.append(Pushed(name, len(triples)))
        if progress:
            progress(sent[-1])
    return sent


def push_default_graph(store_dir: Path, endpoint: str, credentials: Credentials | None = None,
                       timeout: float = 300) -> Pushed:
    """PUT the local store's default graph, the merge of its named graphs, as the store's default
    graph, so that the named queries (which read the default graph) answer on a stock store as
    on the local one: a stock Oxigraph's default graph is otherwise empty. The merge, not the
    union of the named graphs, as the local store has it: each fact once, however many
    articles state it (benchmarks/README.md measures why)."""
    store = open_store(store_dir)
    triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    request_graph(endpoint, None, "PUT", credentials or Credentials(), timeout,
                  ox.serialize(triples, format=ox.RdfFormat.TURTLE))
    return Pushed("default graph", len(triples))


def prune(store_dir: Path, endpoint: str, query_endpoint: str, base: str, credentials: Credentials | None = None,
          timeout: float = 300, progress: Callable[[str], None] | None = None) -> list[str]:
    """DELETE the store's graphs under `base` that the build does not have; returns their names.

    The store's graphs are listed through its SPARQL endpoint (the Graph Store protocol has no
    listing); run after `push`, so a push that failed half-way deletes nothing.
    """
    keep = set(graph_names(store_dir))
    listing = execute_remote(query_endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                             "FILTER (STRSTARTS(STR(?g), STR(?base))) }",
                             {"base": ox.NamedNode(base)}, timeout)
    stale = sorted({row[0].value for row in listing.rows if isinstance(row[0], ox.NamedNode)} - keep)
    for name in stale:
        request_graph(endpoint, name, "DELETE", credentials or Credentials(), timeout)
        if progress:
            progress(name)
    return stale


def request_graph(endpoint: str, name: str | None, method: str, credentials: Credentials, timeout: float,
                  turtle: bytes | None = None) -> None:
    """One Graph Store request about one graph (PUT with a Turtle body, or DELETE), within `timeout` s;
    `name` None is the store's default graph.

    The store's answer is not needed beyond its status: only its first few KiB are read.
    """
    headers = {"Content-Type": "text/turtle; charset=utf-8"} if turtle is not None else {}
    if credentials.token:
        headers["Authorization"] = f"Bearer {credentials.token}"
    which = urllib.parse.urlencode({"graph": name}) if name is not None else "default"
    target = endpoint + ("&" if "?" in endpoint else "?") + which
    if credentials.user is not None and turtle:
        headers.update(_answer_challenge(target, method, turtle, credentials, timeout))
    answer = exchange(target, turtle, method, headers, timeout, handlers=_authentication(endpoint, credentials))
    if not 200 <= answer.status < 300:
        hint = ("give --user (password in KG_PUSH_PASSWORD) or a token in KG_PUSH_TOKEN"
                if answer.status in (401, 403) else
                "a store whose queries see all its graphs without one (Virtuoso) takes --no-default-graph"
                if name is None else "check that the URL is the store's Graph Store endpoint")
        what = name if name is not None else "the default graph"
        raise PushError(f"{endpoint} refused {what}: {answer.status} {answer.reason} {answer.detail()}".rstrip(),
                        hint)


def _answer_challenge(target: str, method: str, body: bytes, credentials: Credentials,
                      timeout: float) -> dict[str, str]:
    """The Authorization header for a request with a body, from the challenge a bodiless probe
    (a GET of the same URL) draws: a store that wants Digest (Virtuoso) answers a large PUT's
    first, unauthenticated attempt with 401 and closes the connection while the body is still
    being sent, so the usual answer-the-401-and-retry never gets its chance."""
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
