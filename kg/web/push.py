"""`kg push`: upload the built graph's named graphs to a triple store with the SPARQL 1.1
Graph Store HTTP Protocol, and their merge as its default graph, so that the named queries
answer there as on the local store; pushing again leaves the store as it was.

A graph is sent whole as N-Triples straight from its file in the generation (no store read,
nothing serialised; `kg.web.graphstore` splits it into bounded requests), and the merge as the
lines of every graph file one after another (a triple two graphs state is sent twice: the store
keeps it once, and the duplicates cost less than computing the merge would).

Only what changed is sent: the output folder remembers, per endpoint, the manifest digest and
the file hash of each graph last pushed there (pushed/<hash of the URL>.json, beside
generations/), and keeps the very files pushed (hard links in pushed/<hash of the URL>/). A push
sends the graphs whose digest in the build's manifest differs (unless their file is byte for
byte the one pushed), and DELETEs the graphs it pushed before that the build no longer has.
With a SPARQL Update endpoint (`update`), what changed goes as its changes: the merged default
graph gets DELETE DATA of the triples that left it and INSERT DATA of those that joined it
(`kg.web.merge`), and a graph whose changes are smaller than half of it gets its own; without
one, or when the changes are too large or the previous versions unknown, graphs and merge go
whole. `force` (`kg push --all`) sends everything whole. With a query endpoint, the graphs the
store actually holds are listed first, so a store emptied or replaced at the same URL gets its
missing graphs (and a whole merge) again.

With a query endpoint, `prune` then deletes the graphs under the project's base IRI that the
build no longer has (an article taken out of data/), so the store says what the build says;
graphs outside the base IRI are never touched.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.build.assemble import MANIFEST, by_graph, sorted_lines, unit_graph
from kg.build.store import open_store
from kg.errors import NotBuiltError
from kg.query.remote import execute_remote
from kg.rdfio import write_atomic
from kg.web.graphfiles import Files, differences, line_count, triple_lines
from kg.web.graphstore import Credentials, chunks, put_graph, request_graph, update_data
from kg.web.merge import merge_change

PUSHED = "pushed"
DEFAULT_GRAPH = "default graph"
CHANGES_LIMIT = 500_000  # changed lines held in memory at most; beyond, graphs and merge go whole


@dataclass(frozen=True)
class Pushed:
    """One graph sent: whole (`triples` it holds) or as its changes (`triples` added, `removed`)."""

    graph: str
    triples: int
    removed: int | None = None


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


@dataclass
class Incremental:
    """What a push did: graphs sent (whole or as changes), graphs deleted, graphs left as they
    were, and the merged default graph (None: not pushed)."""

    sent: list[Pushed]
    deleted: list[str]
    unchanged: int
    merged: Pushed | None = None


@dataclass
class _Memory:
    """What was last pushed to one endpoint: each graph's [manifest digest, file hash], whether
    the store's default graph is their merge, and the files pushed (kept by hard links)."""

    file: Path
    endpoint: str
    graphs: dict[str, list[str]] = field(default_factory=dict)
    merged: bool = False

    @classmethod
    def of(cls, out_dir: Path, endpoint: str) -> _Memory:
        memory = cls(out_dir / PUSHED / f"{hashlib.sha256(endpoint.encode()).hexdigest()[:16]}.json", endpoint)
        try:
            state = json.loads(memory.file.read_bytes())
        except (OSError, ValueError):
            return memory
        if isinstance(state, dict) and state.get("endpoint") == endpoint and isinstance(state.get("graphs"), dict):
            memory.graphs = {g: v for g, v in state["graphs"].items() if isinstance(v, list) and len(v) == 2}
            memory.merged = state.get("merged") is True
        return memory

    @property
    def kept(self) -> Path:
        return self.file.with_suffix("")

    def version(self, graph: str) -> Path | None:
        """The file of `graph` as last pushed, if kept."""
        path = self.kept / f"{self.graphs[graph][1]}.nq" if graph in self.graphs else None
        return path if path is not None and path.is_file() else None

    def remember(self, graph: str, digest: str, content: str, path: Files) -> None:
        self.graphs[graph] = [digest, content]
        kept = self.kept / f"{content}.nq"
        if not kept.exists():
            self.kept.mkdir(parents=True, exist_ok=True)
            if isinstance(path, list):  # a graph in shards: kept as the one sorted file they make
                partial = kept.with_suffix(".part")
                with partial.open("wb") as out:
                    out.writelines(sorted_lines(path))
                os.replace(partial, kept)
                return
            try:
                os.link(path, kept)
            except OSError:  # a file system without hard links
                shutil.copyfile(path, kept)

    def save(self) -> None:
        """Write the state, and let go of the kept files no graph refers to any more."""
        state = {"endpoint": self.endpoint, "graphs": self.graphs, "merged": self.merged}
        write_atomic(self.file, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode())
        wanted = {f"{content}.nq" for _, content in self.graphs.values()}
        for path in self.kept.glob("*.nq") if self.kept.is_dir() else ():
            if path.name not in wanted:
                path.unlink()


def push_changes(out_dir: Path, store_dir: Path, endpoint: str, credentials: Credentials | None = None,
                 timeout: float = 300, force: bool = False, query_endpoint: str | None = None,
                 progress: Callable[[Pushed], None] | None = None, default_graph: bool = True,
                 update_endpoint: str | None = None) -> Incremental:
    """Send the graphs that changed since the last push to `endpoint` (all with `force`), DELETE
    those pushed before that the build no longer has, bring the store's default graph to their
    merge (unless not `default_graph`), and remember what the store now holds; what succeeded
    is remembered even when a later request is refused."""
    credentials = credentials or Credentials()
    manifest = _manifest(store_dir)
    memory = _Memory.of(out_dir, endpoint)
    known = {} if force else dict(memory.graphs)
    merged = memory.merged and not force
    if query_endpoint is not None and known:
        held = _listed(query_endpoint, known, timeout)
        merged = merged and held == known.keys()
        known = {g: d for g, d in known.items() if g in held}
    send = _changed(manifest, known, memory.graphs)
    gone = sorted(set(memory.graphs) - set(manifest))
    changes = _changes(memory, manifest, [*send, *gone]) if update_endpoint and not force else None
    done = Incremental([], [], len(manifest) - len(send))
    memory.merged = False  # until the store's default graph is the new merge
    try:
        for graph in gone:
            request_graph(endpoint, graph, "DELETE", credentials, timeout, missing_ok=True)
            del memory.graphs[graph]
            done.deleted.append(graph)
        for graph, content in send.items():
            digest, path = manifest[graph]
            change = changes.get(graph) if changes is not None and graph in known else None
            if update_endpoint and change and len(change[0]) + len(change[1]) < line_count(path) / 2:
                pushed = _patch(update_endpoint, graph, *change, credentials, timeout)
            else:
                pushed = Pushed(graph, put_graph(endpoint, graph, chunks(triple_lines(path, graph)),
                                                 credentials, timeout))
            memory.remember(graph, digest, content, path)
            done.sent.append(pushed)
            if progress:
                progress(pushed)
        if default_graph:
            done.merged = _push_merge(store_dir, endpoint, manifest, changes if merged else None, credentials,
                                      timeout, update_endpoint)
            memory.merged = True
    finally:
        memory.save()
    return done


def _push_merge(store_dir: Path, endpoint: str, manifest: dict[str, tuple[str, Files]],
                changes: dict[str, tuple[list[bytes], list[bytes]]] | None, credentials: Credentials,
                timeout: float, update_endpoint: str | None) -> Pushed:
    """Bring the store's default graph to the merge of the graphs: by its changes when the store
    holds the previous merge and the changes are known, else whole (each graph's lines in turn)."""
    if changes is not None and update_endpoint:
        removed = {graph: change[0] for graph, change in changes.items()}
        added = {graph: change[1] for graph, change in changes.items()}
        leaving, joining = merge_change(open_store(store_dir), removed, added)
        return _patch(update_endpoint, None, leaving, joining, credentials, timeout)
    lines = (line for graph, (_, path) in sorted(manifest.items()) for line in triple_lines(path, graph))
    # First an empty PUT, which empties the default graph: a store that has none (Virtuoso) refuses
    # it at once and says why, where it would cut a large body off half-sent without a word.
    bodies = itertools.chain([b""], chunks(lines))
    return Pushed(DEFAULT_GRAPH, put_graph(endpoint, None, bodies, credentials, timeout))


def _patch(update_endpoint: str, graph: str | None, removed: list[bytes], added: list[bytes],
           credentials: Credentials, timeout: float) -> Pushed:
    """A graph (None: the default graph) brought up to date by its changes: deletions first."""
    update_data(update_endpoint, "DELETE DATA", graph, removed, credentials, timeout)
    update_data(update_endpoint, "INSERT DATA", graph, added, credentials, timeout)
    return Pushed(graph or DEFAULT_GRAPH, len(added), len(removed))


def _manifest(store_dir: Path) -> dict[str, tuple[str, Files]]:
    """Graph IRI -> (digest, file) in the manifest of the very generation whose store is read; a
    graph written in shards has their files, and a digest of theirs."""
    generation = store_dir.resolve().parent
    try:
        manifest = json.loads((generation / MANIFEST).read_bytes())
        graphs = by_graph(generation, manifest)
        digests: dict[str, list[str]] = {}
        for unit in sorted(manifest):
            digests.setdefault(unit_graph(unit), []).append(manifest[unit]["digest"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise NotBuiltError(f"no readable {MANIFEST} in {generation}", "run `kg build` again") from exc
    return {graph: (found[0], graphs[graph][0]) if len(found) == 1 else
            (hashlib.sha256("\n".join(found).encode()).hexdigest(), graphs[graph])
            for graph, found in digests.items()}


def _changes(memory: _Memory, manifest: dict[str, tuple[str, Files]],
             names: list[str]) -> dict[str, tuple[list[bytes], list[bytes]]] | None:
    """Each graph's lines removed and added since the version last pushed (a graph never pushed:
    all its lines added; one deleted: all removed); None when a version pushed is not kept or
    the changes pass CHANGES_LIMIT lines."""
    found: dict[str, tuple[list[bytes], list[bytes]]] = {}
    budget = CHANGES_LIMIT
    for graph in names:
        old = memory.version(graph)
        if graph in memory.graphs and old is None:
            return None
        change = differences(old, manifest[graph][1] if graph in manifest else None, graph, budget)
        if change is None:
            return None
        budget -= len(change[0]) + len(change[1])
        found[graph] = change
    return found


def _changed(manifest: dict[str, tuple[str, Files]], known: dict[str, list[str]],
             state: dict[str, list[str]]) -> dict[str, str]:
    """The graphs to send, each with the hash of its file: those whose manifest digest differs from
    the one pushed, unless the file's bytes are still those pushed (a graph made from other parts
    but stating the same triples), which are only remembered under their new digest."""
    send = {}
    for graph, (digest, path) in sorted(manifest.items()):
        pushed = known.get(graph)
        if pushed and pushed[0] == digest:
            continue
        content = _content(path)
        if pushed and pushed[1] == content:
            state[graph] = [digest, content]
        else:
            send[graph] = content
    return send


def _listed(query_endpoint: str, names: dict[str, list[str]], timeout: float) -> set[str]:
    """Which of `names` the store holds, asked through its SPARQL endpoint."""
    listing = execute_remote(query_endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=timeout)
    return {row[0].value for row in listing.rows if isinstance(row[0], ox.NamedNode)} & names.keys()


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


def _content(path: Files) -> str:
    """The hash of a graph's bytes: of its file, or of the one sorted file its shards make."""
    if not isinstance(path, list):
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    digest = hashlib.sha256()
    for line in sorted_lines(path):
        digest.update(line)
    return digest.hexdigest()
