"""`kg push`: upload the built graph's named graphs to a triple store with the SPARQL 1.1
Graph Store HTTP Protocol, one PUT per graph, so pushing again replaces each graph and the
store ends up the same however often it is pushed.

Stores protect writes differently: Oxigraph on loopback takes none, Virtuoso's
/sparql-graph-crud-auth wants HTTP Digest, hosted stores often a bearer token. The client
answers a Basic or Digest challenge with the user and password it is given, or sends the token.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import open_store


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


def graphs(store_dir: Path) -> Iterator[tuple[str, list[ox.Triple]]]:
    """The store's named graphs by name, one at a time (its default graph is only their merge)."""
    store = open_store(store_dir)
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    for name in names:
        yield name, [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]


def push(store_dir: Path, endpoint: str, credentials: Credentials | None = None,
         timeout: float = 300, progress: Callable[[Pushed], None] | None = None) -> list[Pushed]:
    """PUT every graph of the store to the Graph Store endpoint; stops at the first refusal."""
    credentials = credentials or Credentials()
    opener = _opener(endpoint, credentials)
    sent = []
    for name, triples in graphs(store_dir):
        # Full IRIs, no prefixes: Virtuoso 7 keeps the backslash of escaped local names (id:a\/b).
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE) or b""
        target = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": name})
        request = urllib.request.Request(target, data=body, method="PUT",
                                         headers={"Content-Type": "text/turtle; charset=utf-8"})
        if credentials.token:
            request.add_header("Authorization", f"Bearer {credentials.token}")
        _send(opener, request, name, endpoint, timeout)
        sent.append(Pushed(name, len(triples)))
        if progress:
            progress(sent[-1])
    return sent


def _opener(endpoint: str, credentials: Credentials) -> urllib.request.OpenerDirector:
    if credentials.user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, credentials.user, credentials.password or "")
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                       urllib.request.HTTPDigestAuthHandler(passwords))


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request, what: str, endpoint: str,
          timeout: float) -> None:
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        hint = ("give --user (password in KG_PUSH_PASSWORD) or a token in KG_PUSH_TOKEN"
                if exc.code in (401, 403) else "check that the URL is the store's Graph Store endpoint")
        raise PushError(f"{endpoint} refused {what}: {exc.code} {exc.reason} {detail}".rstrip(), hint) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}",
                        "check the URL and that the store runs") from exc
