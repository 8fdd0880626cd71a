"""Every named query on every candidate store, side by side in one run: medians and ratios.

Candidates, each in its own worker process (so one store's memory and garbage collector
cannot slow another's timings):

- rdflib:      rdflib's Memory store and SPARQL engine (Dataset, default graph = union)
- oxrdflib:    rdflib's API over the Oxigraph store (oxrdflib, `ox-nquads` parser)
- ox-memory:   pyoxigraph, in memory
- ox-disk:     pyoxigraph, the on-disk store `kg build` writes (named graphs plus their merge as
               the default graph), opened read-only as `kg query` opens it
- kg:          `kg.query.engine.execute` on that same on-disk store: kg's own code path

Every candidate runs the same query text (the named query with its default parameters
joined as VALUES, exactly what kg runs) and turns every row into a tuple. A query slower
than --cap seconds is stopped and reported as "> cap". The in-memory candidates run each
query in a fork of their loaded worker, so stopping one does not cost a reload (five
minutes for rdflib at a million quads); the on-disk ones are restarted (opening is cheap).

The default parameters name the busiest entity of each pool, the worst case. A second
table runs the `entity` query for --sample entities drawn evenly from every pool (typical
and busy alike) and gives the median, 90th percentile and maximum per candidate.

    python -m benchmarks.query_bench --sizes 10000 100000 1000000 --out benchmarks/results/queries.md
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import multiprocessing
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from benchmarks.generate import generate, sample_entities
from kg.query.engine import execute
from kg.query.library import bind, load_library
from kg.query.syntax import inline_values

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/ekodigi/id/"
CANDIDATES = ("rdflib", "oxrdflib", "ox-memory", "ox-disk", "kg")
IN_MEMORY = {"rdflib", "oxrdflib", "ox-memory"}  # no open files: safe to fork after loading


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

        def run_kg(argument: tuple[str, dict[str, str]]) -> int:
            name, values = argument
            query = library[name]
            result = execute(store, query.text, bind(query, values, BASE))
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


def _measure(run: Callable[[Any], int], argument: Any, repeats: int) -> tuple:
    times, rows = [], 0
    try:
        for _ in range(repeats):
            started = time.perf_counter()
            rows = run(argument)
            times.append(time.perf_counter() - started)
            if times[-1] > 5:  # slow enough that one measurement says it all
                break
    except Exception as exc:  # an engine that cannot run a query is a result, not a crash
        return ("error", f"{type(exc).__name__}: {exc}"[:200], -1)
    return ("done", times, rows)


def _worker(connection: Connection, candidate: str, data: str, workdir: str) -> None:
    started = time.perf_counter()
    run = _loader(candidate, Path(data), Path(workdir))
    if candidate in IN_MEMORY:  # parse one query first, so each fork inherits the parser's warm caches
        run("SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } FILTER (?s != ?o) } LIMIT 1")
    connection.send(("loaded", time.perf_counter() - started))
    while True:
        message = connection.recv()
        if message is None:
            return
        argument, repeats = message
        child = candidate in IN_MEMORY and os.fork()  # a fork measures; the parent keeps the loaded store
        if child:
            os.waitpid(child, 0)
            continue
        connection.send(("pid", os.getpid()))
        connection.send(_measure(run, argument, repeats))
        if candidate in IN_MEMORY:
            os._exit(0)


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
        while not self.connection.poll(1):  # a worker that dies while loading must not leave us waiting
            if not self.process.is_alive():
                raise SystemExit(f"query_bench: the {self.candidate} candidate died while loading "
                                 f"(exit code {self.process.exitcode}); its error is above")
        _, seconds = self.connection.recv()
        return seconds

    def run(self, argument: Any, repeats: int, cap: float) -> tuple[list[float] | None, int]:
        self.connection.send((argument, repeats))
        _, pid = self.connection.recv()
        if not self.connection.poll(cap + 5 * repeats):  # the worker stops repeating after a 5 s run
            if self.candidate in IN_MEMORY:  # only the fork running the query
                os.kill(pid, signal.SIGKILL)
            else:
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


def require(candidates: tuple[str, ...]) -> None:
    """Stop at once, naming the package, when a candidate's library is not installed."""
    needs = {"oxrdflib": "oxrdflib", "rdflib": "rdflib"}
    missing = [f"{c} needs the package {needs[c]}" for c in candidates
               if c in needs and importlib.util.find_spec(needs[c]) is None]
    if missing:
        raise SystemExit("query_bench: " + "; ".join(missing) + " (pip install it, or leave the candidate out "
                         "with --candidates)")


def bench(size: int, repeats: int, cap: float, candidates: tuple[str, ...], only: tuple[str, ...] = (),
          sample: int = 30) -> str:
    require(candidates)
    data = ROOT / "benchmarks" / "data" / f"{size}.nq"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        data.write_bytes(generate(size))
    quads = sum(1 for _ in data.open("rb"))
    library = load_library(ROOT / "queries")
    names = [name for name in library if not only or name in only]
    entities = sample_entities(size, sample) if sample else []
    entity = library["entity"]

    def text(name: str, values: dict[str, str]) -> str:
        query = library[name]
        return inline_values(query.text, bind(query, values, BASE)) if query.params else query.text

    results: dict[str, dict[str, tuple[list[float] | None, int]]] = {}
    sampled: dict[str, list[tuple[list[float] | None, int]]] = {}
    loads: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for candidate in candidates:
            worker = Worker(candidate, data, workdir)
            loads[candidate] = worker.load_seconds
            results[candidate] = {}
            for name in names:
                argument = (name, {}) if candidate == "kg" else text(name, {})
                results[candidate][name] = worker.run(argument, repeats, cap)
                print(f"{size} {candidate} {name} {results[candidate][name]}", file=sys.stderr, flush=True)
            sampled[candidate] = [worker.run(("entity", {"entity": e}) if candidate == "kg"
                                             else text("entity", {"entity": e}), 3, cap) for e in entities]
            worker.close()
        opened = open_seconds(workdir) if "ox-disk" in candidates else None
    report = _report(size, quads, names, candidates, results, loads, opened, cap)
    if entities:
        report += _sample_report(entity.params[0].default, entities, candidates, sampled, cap)
    return report


def _fmt(seconds: float | None, cap: float, rows: int = 0) -> str:
    if rows == -2:
        return "error"
    if seconds is None:
        return f"> {cap:g} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratios(medians: dict[str, float | None], candidates: tuple[str, ...], cap: float) -> str:
    """The `rdflib ÷ kg` and `kg ÷ ox-disk` cells of one row."""
    kg, slow = medians.get("kg"), medians.get("rdflib")
    speedup = (f"{slow / kg:,.0f}x" if slow and kg else f"> {cap / kg:,.0f}x" if kg and "rdflib" in candidates
               else "-")
    overhead = f"{kg / medians['ox-disk']:.2f}" if kg and medians.get("ox-disk") else "-"
    return f" | {speedup} | {overhead} |"


def _header(first: str, candidates: tuple[str, ...]) -> list[str]:
    return [f"| {first} | rows | " + " | ".join(candidates) + " | rdflib ÷ kg | kg ÷ ox-disk |",
            "|---|---:|" + "---:|" * (len(candidates) + 2)]


def _report(size: int, quads: int, names: list[str], candidates: tuple[str, ...], results: dict, loads: dict,
            opened: float | None, cap: float) -> str:
    lines = [f"### {quads:,} quads ({size:,} requested)", "", *_header("query", candidates)]
    for name in names:
        medians = {c: (statistics.median(results[c][name][0]) if results[c][name][0] else None) for c in candidates}
        rows = {results[c][name][1] for c in candidates if results[c][name][1] >= 0}
        cells = [_fmt(medians[c], cap, results[c][name][1]) for c in candidates]
        lines.append(f"| {name} | {'/'.join(str(r) for r in sorted(rows))} | " + " | ".join(cells)
                     + _ratios(medians, candidates, cap))
    lines += ["", "Loading: " + ", ".join(f"{c} {loads[c]:.2f} s" for c in candidates)
              + (f"; opening the persisted store read-only: {opened * 1000:.1f} ms (median of 5)" if opened else ""),
              ""]
    return "\n".join(lines)


def _sample_report(default: str, entities: list[str], candidates: tuple[str, ...], sampled: dict,
                   cap: float) -> str:
    """The entity query over the sampled entities: median, 90th percentile and slowest per candidate.

    A run stopped at the cap counts as the cap (so the figure is a lower bound for that candidate)."""
    per_entity = {c: [statistics.median(t) if t else cap for t, _ in sampled[c]] for c in candidates}
    rows = sorted(r for _, r in sampled[candidates[-1]] if r >= 0)
    lines = [f"`entity` for {len(entities)} entities drawn evenly from every pool (the table above asks about "
             f"`{default}`, the busiest startup); rows per entity: median {statistics.median(rows):g}, "
             f"most {max(rows)}. Each entity's time is the median of 3 runs.", "",
             *_header("entity query", candidates)]
    for label, pick in (("median entity", statistics.median),
                        ("90th percentile", lambda xs: statistics.quantiles(xs, n=10)[-1]),
                        ("slowest entity", max)):
        picked = {c: pick(per_entity[c]) for c in candidates}
        medians = {c: picked[c] if picked[c] < cap else None for c in candidates}
        cells = [_fmt(medians[c], cap) for c in candidates]
        lines.append(f"| {label} | | " + " | ".join(cells) + _ratios(medians, candidates, cap))
    return "\n".join([*lines, "", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--cap", type=float, default=60, help="seconds after which a query is stopped")
    parser.add_argument("--candidates", nargs="+", default=list(CANDIDATES), choices=CANDIDATES)
    parser.add_argument("--queries", nargs="+", default=[], metavar="NAME", help="only these named queries")
    parser.add_argument("--sample", type=int, default=30, help="entities for the entity-query table (0: none)")
    parser.add_argument("--out", type=Path, help="write the Markdown report here too")
    args = parser.parse_args()
    report = "\n".join(bench(size, args.repeats, args.cap, tuple(args.candidates), tuple(args.queries), args.sample)
                       for size in args.sizes)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
