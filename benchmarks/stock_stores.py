"""A stock Oxigraph server (no --union-default-graph) after `kg push`, every named query asked
two ways: over the merged default graph `kg push` puts there, and over the union of the named
graphs named one by one with the protocol's default-graph-uri (what a client must send when
the store has no default graph). Also times the push itself.

    python -m benchmarks.stock_stores --triples 100000 --cap 60 --repeats 3
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from benchmarks.generate import generate
from benchmarks.merged_store import capped_median, comparison_row
from kg.build.store import STORE_DIR, load_store, open_store
from kg.query.library import bind, load_library
from kg.query.remote import execute_remote
from kg.web.graphstore import Credentials, put_graph
from kg.web.push import graph_names, graphs
from tests.query.test_endpoint import free_port, oxigraph_binary

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/ekodigi/id/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--cap", type=float, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    library = load_library(ROOT / "queries")
    with tempfile.TemporaryDirectory() as tmp:
        local, dump = Path(tmp) / "local", Path(tmp) / "dump.nq"
        local.mkdir()
        dump.write_bytes(generate(args.triples))
        load_store(local, [dump])
        store = local / STORE_DIR
        port = free_port()
        server = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(Path(tmp) / "server"),
                                   "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        root = f"http://127.0.0.1:{port}"
        try:
            _wait(root)
            started = time.perf_counter()
            sent = [_put(root + "/store", name, triples) for name, triples in graphs(store)]
            named = time.perf_counter() - started
            started = time.perf_counter()
            merged = _put(root + "/store", None, [q.triple for q in open_store(store).quads_for_pattern(
                None, None, None, ox.DefaultGraph())])
            merge = time.perf_counter() - started
            print(f"push: {len(sent):,} named graphs, {sum(sent):,} quads in {named:.1f} s; "
                  f"their merge, {merged:,} triples, in {merge:.1f} s\n")
            _table(library, root + "/query", graph_names(store), args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _put(endpoint: str, name: str | None, triples: list[ox.Triple]) -> int:
    """One graph of the local store (None: its default graph) PUT as N-Triples; its size."""
    return put_graph(endpoint, name, [ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)], Credentials(), 300)


def _wait(root: str) -> None:
    for _ in range(300):
        try:
            execute_remote(root + "/query", "ASK {}", timeout=2)
            return
        except Exception:  # not up yet: any failure to answer
            time.sleep(0.1)
    raise SystemExit("the Oxigraph server did not start")


def _table(library: dict, query_url: str, graphs: list[str], args: argparse.Namespace) -> None:
    print("| query | named graphs by default-graph-uri | kg push: merged default graph | ratio |\n|---|---:|---:|---:|")
    for name, query in library.items():
        bindings = bind(query, {}, BASE)
        cells = []
        for scope in (graphs, None):
            run = functools.partial(execute_remote, query_url, query.text, bindings, args.cap, default_graphs=scope,
                                    max_bytes=1 << 30)
            cells.append(capped_median(run, args.repeats))
        print(comparison_row(name, cells, args.cap), flush=True)


if __name__ == "__main__":
    main()
