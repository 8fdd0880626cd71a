"""kg's persisted store (named graphs plus their merge as the default graph) against the same
quads queried as a union of named graphs, on one synthetic graph, every named query.

    python -m benchmarks.merged_store --triples 1000000 --cap 60
"""

from __future__ import annotations

import argparse
import functools
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from benchmarks.generate import generate
from kg.errors import QueryTimeout
from kg.query.engine import execute_with_timeout
from kg.query.library import bind, load_library

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/ekodigi/id/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--cap", type=float, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = ROOT / "benchmarks" / "data" / f"{args.triples}.nq"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        data.write_bytes(generate(args.triples))
    quads = list(ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))
    merged = ox.serialize(sorted({q.triple for q in quads}, key=str), format=ox.RdfFormat.N_TRIPLES) or b""
    library = load_library(ROOT / "queries")
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for kind in ("union", "merged"):
            path = Path(tmp) / kind
            store = ox.Store(str(path))
            store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
            if kind == "merged":
                store.bulk_load(input=merged, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            store.optimize()
            del store
            stores[kind] = path
        print(f"{len(quads):,} quads, {len(merged.splitlines()):,} distinct triples\n")
        print("| query | union of named graphs | kg: merged default graph | ratio |\n|---|---:|---:|---:|")
        for name, query in library.items():
            bindings = bind(query, {}, BASE)
            cells = []
            for kind in ("union", "merged"):
                run = functools.partial(execute_with_timeout, stores[kind], query.text, bindings, args.cap)
                cells.append(capped_median(run, args.repeats))
            print(comparison_row(name, cells, args.cap), flush=True)


def capped_median(run: Callable[[], object], repeats: int) -> float | None:
    """The median time of `repeats` runs, or None when one ran past the cap (QueryTimeout)."""
    times = []
    try:
        for _ in range(repeats):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
    except QueryTimeout:
        return None
    return statistics.median(times)


def comparison_row(name: str, cells: list[float | None], cap: float) -> str:
    """A Markdown row: the two medians (None: past the cap) and how many times slower the first is."""
    shown = [f"{c * 1000:.0f} ms" if c is not None and c < 1 else f"{c:.1f} s" if c else f"> {cap:g} s"
             for c in cells]
    ratio = (f"{cells[0] / cells[1]:.1f}x" if cells[0] and cells[1]
             else f"> {cap / cells[1]:.0f}x" if cells[1] else "-")
    return f"| {name} | {shown[0]} | {shown[1]} | {ratio} |"


if __name__ == "__main__":
    main()
