"""Every named query on every candidate store, side by side in one run: medians and ratios.

Candidates, each in its own worker process (so one store's memory and garbage collector
cannot slow another's timings):

- rdflib:      rdflib's Memory store and SPARQL engine (Dataset, default graph = union)
- oxrdflib:    rdflib's API over the Oxigraph store (oxrdflib, `ox-nquads` parser)
- ox-memory:   pyoxigraph, in memory
- ox-disk:     pyoxigraph, the on-disk store `kg build` writes (named graphs plus their merge as
               the default graph), opened read-only as `kg query` opens it
- kg:          `kg.query.execute` on that same on-disk store: kg's own code path

Every candidate runs the same query text (the named query with its default parameters
joined as VALUES, exactly what kg runs) and turns every row into a tuple. A query slower
than --cap seconds is stopped and reported as "> cap".

    python -m benchmarks.query_bench --sizes 10000 100000 1000000 --out benchmarks/results/queries.md
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from benchmarks.generate import generate
from kg.query import bind, execute, inline_values, load_library

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/ekodigi/id/"
CANDIDATES = ("rdflib", "oxrdflib", "ox-memory", "ox-disk", "kg")


def _loader(candidate: str, data: Path, workdir: Path) -> Callable[[str], Any]:
    """Load the data into the candidate store; return a function that runs one query fully."""
    if candidate in {"rdflib", "oxrdflib"}:
        import rdflib

        dataset = (rdflib.Dataset(default_union=True) if candidate == "rdflib"
                   else rdflib.Dataset(store="Oxigraph", default_union=True))
        dataset.parse(str(data), format="nquads" if candidate == "rdflib" else "ox-nquads")
        gc.freeze()  # the loaded graph is permanent: keep the collector from rescanning it

        def run_rdflib(text: str) -> int:
            result = dataset.query(text)
            if result.type == "ASK":
                return int(bool(result.askAnswer))
            return len([tuple(row) for row in result])
        return run_rdflib

    import pyoxigraph as ox

    if candidate == "ox-memory":
        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    else:
        path = workdir / "store"
        if not path.exists():  # as `kg build` writes it: the named graphs, and their merge as default graph
            writer = ox.Store(str(path))
            writer.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
            triples = {q.triple for q in ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS)}
            writer.bulk_load(input=ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b"",
                             format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            writer.optimize()
            del writer
        store = ox.Store.read_only(str(path))

    if candidate == "kg":
        library = load_library(ROOT / "queries")

        def run_kg(name: str) -> int:
            query = library[name]
            result = execute(store, query.text, bind(query, {}, BASE))
            return len(result.rows) or len(result.triples) or int(bool(result.boolean))
        return run_kg

    def run_raw(text: str) -> int:
        answer = store.query(text, use_default_graph_as_union=candidate == "ox-memory")
        if isinstance(answer, ox.QueryBoolean):
            return int(bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return len(list(answer))
        variables = answer.variables
        return len([tuple(solution[v] for v in variables) for solution in answer])
    return run_raw


def _worker(connection: Connection, candidate: str, data: str, workdir: str) -> None:
    started = time.perf_counter()
    run = _loader(candidate, Path(data), Path(workdir))
    connection.send(("loaded", time.perf_counter() - started))
    while True:
        message = connection.recv()
        if message is None:
            return
        argument, repeats = message
        times, rows = [], 0
        try:
            for _ in range(repeats):
                started = time.perf_counter()
                rows = run(argument)
                times.append(time.perf_counter() - started)
                if times[-1] > 5:  # slow enough that one measurement says it all
                    break
        except Exception as exc:  # an engine that cannot run a query is a result, not a crash
            connection.send(("error", f"{type(exc).__name__}: {exc}"[:200], -1))
            continue
        connection.send(("done", times, rows))


class Worker:
    """One candidate store in a child process; restarted when a query runs past the cap."""

    def __init__(self, candidate: str, data: Path, workdir: Path) -> None:
        self.candidate, self.data, self.workdir = candidate, data, workdir
        self.load_seconds = self._start()

    def _start(self) -> float:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, self.candidate, str(self.data),
                                                             str(self.workdir)), daemon=True)
        self.process.start()
        _, seconds = self.connection.recv()
        return seconds

    def run(self, argument: str, repeats: int, cap: float) -> tuple[list[float] | None, int]:
        self.connection.send((argument, repeats))
        if not self.connection.poll(cap + 5 * repeats):  # the worker stops repeating after a 5 s run
            self.process.kill()
            self.process.join()
            self._start()
            return None, -1
        kind, times, rows = self.connection.recv()
        if kind == "error":
            print(f"{self.candidate}: {times}", file=sys.stderr)
            return None, -2
        if times[0] > cap:
            return None, rows
        return times, rows

    def close(self) -> None:
        self.connection.send(None)
        self.process.join(timeout=10)


def open_seconds(workdir: Path, repeats: int = 5) -> float:
    """Median time to open the persisted store read-only (what every `kg query` pays)."""
    import pyoxigraph as ox
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        store = ox.Store.read_only(str(workdir / "store"))
        times.append(time.perf_counter() - started)
        del store
    return statistics.median(times)


def bench(size: int, repeats: int, cap: float, candidates: tuple[str, ...], only: tuple[str, ...] = ()) -> str:
    data = ROOT / "benchmarks" / "data" / f"{size}.nq"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        data.write_bytes(generate(size))
    quads = sum(1 for _ in data.open("rb"))
    library = {n: q for n, q in load_library(ROOT / "queries").items() if not only or n in only}
    texts = {name: inline_values(q.text, bind(q, {}, BASE)) if q.params else q.text for name, q in library.items()}
    results: dict[str, dict[str, tuple[list[float] | None, int]]] = {}
    loads: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for candidate in candidates:
            worker = Worker(candidate, data, workdir)
            loads[candidate] = worker.load_seconds
            results[candidate] = {}
            for name in library:
                argument = name if candidate == "kg" else texts[name]
                results[candidate][name] = worker.run(argument, repeats, cap)
                print(f"{size} {candidate} {name} {results[candidate][name]}", file=sys.stderr, flush=True)
            worker.close()
        opened = open_seconds(workdir) if "ox-disk" in candidates else None
    return _report(size, quads, library, candidates, results, loads, opened, cap)


def _fmt(seconds: float | None, cap: float, rows: int = 0) -> str:
    if rows == -2:
        return "error"
    if seconds is None:
        return f"> {cap:g} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _report(size: int, quads: int, library: dict, candidates: tuple[str, ...], results: dict, loads: dict,
            opened: float | None, cap: float) -> str:
    lines = [f"### {quads:,} quads ({size:,} requested)", "",
             "| query | rows | " + " | ".join(candidates) + " | rdflib ÷ kg | kg ÷ ox-disk |",
             "|---|---:|" + "---:|" * (len(candidates) + 2)]
    for name in library:
        medians = {c: (statistics.median(results[c][name][0]) if results[c][name][0] else None) for c in candidates}
        rows = {results[c][name][1] for c in candidates if results[c][name][1] >= 0}
        cells = [_fmt(medians[c], cap, results[c][name][1]) for c in candidates]
        kg = medians.get("kg")
        slow = medians.get("rdflib")
        speedup = (f"{slow / kg:,.0f}x" if slow and kg else f"> {cap / kg:,.0f}x" if kg and "rdflib" in candidates
                   else "-")
        overhead = f"{kg / medians['ox-disk']:.2f}" if kg and medians.get("ox-disk") else "-"
        lines.append(f"| {name} | {'/'.join(str(r) for r in sorted(rows))} | " + " | ".join(cells)
                     + f" | {speedup} | {overhead} |")
    lines += ["", "Loading: " + ", ".join(f"{c} {loads[c]:.2f} s" for c in candidates)
              + (f"; opening the persisted store read-only: {opened * 1000:.1f} ms (median of 5)" if opened else ""),
              ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--cap", type=float, default=60, help="seconds after which a query is stopped")
    parser.add_argument("--candidates", nargs="+", default=list(CANDIDATES), choices=CANDIDATES)
    parser.add_argument("--queries", nargs="+", default=[], metavar="NAME", help="only these named queries")
    parser.add_argument("--out", type=Path, help="write the Markdown report here too")
    args = parser.parse_args()
    report = "\n".join(bench(size, args.repeats, args.cap, tuple(args.candidates), tuple(args.queries))
                       for size in args.sizes)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
