"""`kg push`: upload the built graph's named graphs to a triple store with the SPARQL 1.1
Graph Store HTTP Protocol, one PUT per graph, so pushing again replaces each graph and the
store ends up the same however often it is pushed.

Only what changed is sent: the output folder remembers, per endpoint, the manifest digest and
the file hash of each graph last pushed there (pushed/<hash of the URL>.json, beside
generations/); a push sends the graphs whose digest in the build's manifest differs (unless
their file is byte for byte the one pushed), and DELETEs the graphs it pushed before that the
build no longer has. `force` (`kg push --all`) sends every graph. With a query
endpoint, the graphs the store actually holds are listed first, so a store emptied or replaced
at the same URL gets its missing graphs again.

With a query endpoint, `prune` then deletes the graphs under the project's base IRI that the
build no longer has (an article taken out of data/), so the store says what the build says;
graphs outside the base IRI are never touched.

Stores protect writes differently: Oxigraph on loopback takes none, Virtuoso's
/sparql-graph-crud-auth wants HTTP Digest, hosted stores often a bearer token. The client
answers a Basic or Digest challenge with the user and password it is given, or sends the token.
"""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.assemble import GRAPHS, MANIFEST
from kg.build.store import open_store
from kg.errors import KgError, NotBuiltError
from kg.exchange import exchange
from kg.query.remote import execute_remote
from kg.rdfio import write_atomic

PUSHED = "pushed"


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


def graphs(store_dir: Path, names: Iterable[str] | None = None) -> Iterator[tuple[str, list[ox.Triple]]]:
    """The store's named graphs (or those of `names`) by name, one at a time."""
    store = open_store(store_dir)
    for name in _names(store) if names is None else names:
        yield name, [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]


def _names(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def push(store_dir: Path, endpoint: str, credentials: Credentials, timeout: float,
         progress: Callable[[Pushed], None] | None = None, names: Iterable[str] | None = None) -> Iterator[Pushed]:
    """PUT the store's graphs (or those of `names`) one by one to the Graph Store endpoint, each
    yielded once the store has taken it; stops at the first refusal."""
    for name, triples in graphs(store_dir, names):
        # Full IRIs, no prefixes: Virtuoso 7 keeps the backslash of escaped local names (id:a\/b).
        request_graph(endpoint, name, "PUT", credentials, timeout, ox.serialize(triples, format=ox.RdfFormat.TURTLE))
        if progress:
            progress(Pushed(name, len(triples)))
        yield Pushed(name, len(triples))


@dataclass
class Incremental:
    """What an incremental push did: graphs sent, graphs deleted, graphs left as they were."""

    sent: list[Pushed]
    deleted: list[str]
    unchanged: int


def push_changes(out_dir: Path, store_dir: Path, endpoint: str, credentials: Credentials | None = None,
                 timeout: float = 300, force: bool = False, query_endpoint: str | None = None,
                 progress: Callable[[Pushed], None] | None = None) -> Incremental:
    """Send the graphs that changed since the last push to `endpoint` (all with `force`), DELETE
    those pushed before that the build no longer has, and remember what the store now holds;
    what succeeded is remembered even when a later graph is refused."""
    generation = store_dir.resolve().parent  # the manifest of the very generation whose store is read
    try:
        manifest = {g: (e["digest"], generation / GRAPHS / f"{e['file']}.nq")
                    for g, e in json.loads((generation / MANIFEST).read_bytes()).items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotBuiltError(f"no readable {MANIFEST} in {generation}", "run `kg build` again") from exc
    state_file = out_dir / PUSHED / f"{hashlib.sha256(endpoint.encode()).hexdigest()[:16]}.json"
    state = _remembered(state_file, endpoint)
    known = {} if force else dict(state)
    if query_endpoint is not None and known:
        held = _listed(query_endpoint, known, timeout)
        known = {g: d for g, d in known.items() if g in held}
    send = _changed(manifest, known, state)
    done = Incremental([], [], len(manifest) - len(send))
    try:
        for graph in sorted(set(state) - set(manifest)):
            request_graph(endpoint, graph, "DELETE", credentials or Credentials(), timeout, missing_ok=True)
            del state[graph]
            done.deleted.append(graph)
        for pushed in push(store_dir, endpoint, credentials or Credentials(), timeout, progress, send):
            state[pushed.graph] = [manifest[pushed.graph][0], send[pushed.graph]]
            done.sent.append(pushed)
    finally:
        write_atomic(state_file, (json.dumps({"endpoint": endpoint, "graphs": state}, indent=1, sort_keys=True)
                                  + "\n").encode())
    return done


def _changed(manifest: dict[str, tuple[str, Path]], known: dict[str, list[str]],
             state: dict[str, list[str]]) -> dict[str, str]:
    """The graphs to send, each with the hash of its file: those whose manifest digest differs from
    the one pushed, unless the file's bytes are still those pushed (a graph made from other parts
    but stating the same triples), which are only remembered under their new digest."""
    send = {}
    for graph, (digest, path) in sorted(manifest.items()):
        pushed = known.get(graph)
        if pushed and pushed[0] == digest:
            continue
        with path.open("rb") as stream:
            content = hashlib.file_digest(stream, "sha256").hexdigest()
        if pushed and pushed[1] == content:
            state[graph] = [digest, content]
        else:
            send[graph] = content
    return send


def _remembered(state_file: Path, endpoint: str) -> dict[str, list[str]]:
    """Graph IRI -> [manifest digest, file hash] of what was last pushed to `endpoint`; nothing if
    never (or unreadable)."""
    try:
        state = json.loads(state_file.read_bytes())
    except (OSError, ValueError):
        return {}
    graphs = state.get("graphs") if isinstance(state, dict) and state.get("endpoint") == endpoint else None
    if not isinstance(graphs, dict):
        return {}
    return {g: v for g, v in graphs.items() if isinstance(v, list) and len(v) == 2}


def _listed(query_endpoint: str, names: dict[str, list[str]], timeout: float) -> set[str]:
    """Which of `names` the store holds, asked through its SPARQL endpoint."""
    listing = execute_remote(query_endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=timeout)
    return {row[0].value for row in listing.rows if isinstance(row[0], ox.NamedNode)} & names.keys()


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
                  turtle: bytes | None = None, missing_ok: bool = False) -> None:
    """One Graph Store request about one graph (PUT with a Turtle body, or DELETE), within `timeout` s;
    `name` None is the store's default graph; with `missing_ok`, a 404 (the graph is not there) is fine too.

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
    if not 200 <= answer.status < 300 and not (missing_ok and answer.status == 404):
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
