"""Graphs computed from a published generation and added to it afterwards: `kg stats` puts its
measures (graph/analytics) into the store it measured, so that `kg query` and `kg serve` see them.

A generation is otherwise never changed after it is published; an annex is the one exception,
made so that no reader sees half of it. It is written under the build lock (no build switches
`current` meanwhile, no second annex interleaves); the graph's file is written first, then the
store takes the graph, as a named graph and into the merged default graph, in one SPARQL update
(Oxigraph applies an update whole or not at all), and last the manifest names it, replaced in one
rename. A reader that opened the store before sees it without the graph, one that opens it after
sees all of it. The manifest marks the entry as an annex: the next build treats the graph as one
it no longer has and drops it from its store (measures of the previous graph are not carried
over to a new one), and `kg push` and `kg diff` see it like any other graph.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox

from kg.build.assemble import GRAPHS, MANIFEST, unit_graph
from kg.build.generations import current, locked
from kg.build.store import STORE_DIR, without_graph
from kg.errors import KgError, NotBuiltError
from kg.rdfio import write_atomic

ANNEX = "annex"  # the manifest key that marks a graph added after the build, naming the command


class GenerationChanged(KgError):
    """The output folder was rebuilt while something was computed from its previous generation."""


def built_manifest(generation: Path) -> bytes:
    """The generation's manifest as its build wrote it, without annexed graphs: what a graph
    computed from the generation was computed from (the same bytes however often it is annexed)."""
    try:
        manifest = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotBuiltError(f"unreadable {generation / MANIFEST}: {exc}", "run `kg build` again") from exc
    return _dump({graph: entry for graph, entry in manifest.items() if ANNEX not in entry})


def annex_graph(out_dir: Path, generation: Path, graph: str, name: str, nquads: bytes, command: str) -> Path:
    """Add `graph` (N-Quads of that one graph) to `generation`, which must still be the current one
    of `out_dir`, replacing an earlier annex of the same graph; return the graph's file."""
    with locked(out_dir):
        if current(out_dir) != generation:
            raise GenerationChanged(f"{out_dir} was rebuilt while `{command}` measured {generation.name}",
                                    f"run `{command}` again")
        manifest = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
        if any(unit_graph(unit) == graph and ANNEX not in entry for unit, entry in manifest.items()):  # or its shard
            raise KgError(f"the build already has a graph {graph}", "rename the article or source that makes it")
        lines = _canonical(nquads, graph)
        data = "".join(lines).encode()
        path = generation / GRAPHS / f"{name}.nq"
        write_atomic(path, data)
        _replace_in_store(generation / STORE_DIR, graph, lines)
        digest = hashlib.sha256(graph.encode() + b"\n" + data).hexdigest()
        manifest[graph] = {"digest": digest, "file": name, ANNEX: command}
        write_atomic(generation / MANIFEST, _dump(manifest))
    return path


def _canonical(nquads: bytes, graph: str) -> list[str]:
    """The quads as Oxigraph writes them, sorted, each once; all in `graph`, else refused."""
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    if any(not isinstance(q.graph_name, ox.NamedNode) or q.graph_name.value != graph for q in quads):
        raise ValueError(f"an annex holds quads of {graph} only")
    return sorted({ox.serialize([q], format=ox.RdfFormat.N_QUADS).decode() for q in quads})


def _replace_in_store(store_dir: Path, graph: str, lines: list[str]) -> None:
    """In one update: the earlier annex's triples leave the merged default graph (those no other
    graph states), the named graph is replaced, and its triples join the merge."""
    triples = "".join(without_graph(line) for line in lines)
    update = (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
              f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
              f"DROP SILENT GRAPH <{graph}> ;\n"
              f"INSERT DATA {{ GRAPH <{graph}> {{\n{triples}}} }} ;\n"
              f"INSERT DATA {{\n{triples}}}")
    store = ox.Store(str(store_dir))
    store.update(update)
    store.flush()


def _dump(manifest: dict) -> bytes:
    """A manifest in the form `assemble` writes it."""
    return (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
