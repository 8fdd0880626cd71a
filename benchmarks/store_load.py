"""Loading the query store from a generation's graph files, side by side:
- `now`, as `kg build` does: the loader reads a pipe that a thread fills, on every CPU but the
  one left to that thread (Oxigraph sizes its parallel batches by the CPUs it may use);
- `every-cpu`: the same pipe, the loader on every CPU;
- `stream`, as sessions 14-16 did: the loader reads a Python file object (views of the chunks,
  each file's graph taken off in one pass), on every CPU;
- `before`, as before that: the rest of a chunk copied at every read, the graph taken off line
  by line;
- `one-cpu`: `now` with the whole process held to one CPU.

    python -m benchmarks.store_load --project DIR [--repeats 3] [--ways now every-cpu stream before one-cpu]

DIR: a built project (`python -m benchmarks.corpus`, then `kg build --formats none`). Each
round loads a new store in a temporary folder once each way, alternating which goes first, in
a child process each (so peak memory is the load's own); prints the medians of wall and CPU
seconds and peak MB, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.validate_bench import run

_LOAD = """
import json, os, sys
from pathlib import Path
import kg.build.store as store
files = [Path(p) for p in json.loads(sys.argv[2])]
if sys.argv[1] == "one-cpu":
    every = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(every)})
if sys.argv[1] == "every-cpu":  # the loader sized for every CPU, the feeding thread among them
    import contextlib
    store._leaving_a_cpu = contextlib.nullcontext
if sys.argv[1] in ("stream", "before"):
    import io
    class Stream(io.RawIOBase):  # the loader's input as a Python file: a call into Python per read
        def __init__(self, chunks):
            super().__init__()
            self._chunks = chunks
            self._rest = memoryview(b"") if sys.argv[1] == "stream" else b""
        def readable(self):
            return True
        def readinto(self, buffer):
            if not self._rest:
                chunk = next(self._chunks, b"")
                self._rest = memoryview(chunk) if sys.argv[1] == "stream" else chunk
            size = min(len(buffer), len(self._rest))
            buffer[:size] = self._rest[:size]
            self._rest = self._rest[size:]
            return size
    def piped(st, chunks, rdf_format, to_graph=None):
        options = {"to_graph": to_graph} if to_graph is not None else {}
        st.bulk_load(Stream(chunks), format=rdf_format, lenient=True, **options)
    store._load_piped = piped
if sys.argv[1] == "before":
    import itertools
    def triples(files):
        for path in files:
            with path.open(encoding="utf-8") as stream:
                while lines := list(itertools.islice(stream, 50_000)):
                    yield "".join(store.without_graph(line) for line in lines).encode()
    store._triple_chunks = triples
store.load_store(Path(sys.argv[3]), files)
"""
WAYS = ("now", "every-cpu", "stream", "before", "one-cpu")


def _graph_files(project: Path) -> list[str]:
    generation = project / "output" / "generations" / "current"
    manifest = json.loads((generation / "manifest.json").read_text(encoding="utf-8"))
    return [str((generation / "graphs" / f"{manifest[unit]['file']}.nq").resolve()) for unit in sorted(manifest)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--ways", nargs="+", choices=WAYS, default=["now", "stream"])
    args = parser.parse_args(argv)
    files = json.dumps(_graph_files(args.project))
    figures: dict[str, list[tuple[float, float, float]]] = {way: [] for way in args.ways}
    for round_ in range(args.repeats):
        for way in args.ways if round_ % 2 == 0 else reversed(args.ways):
            with tempfile.TemporaryDirectory() as folder:
                figures[way].append(run([sys.executable, "-c", _LOAD, way, files, folder], Path.cwd()))
    medians = {way: [statistics.median(f[i] for f in runs) for i in range(3)] for way, runs in figures.items()}
    print(f"{len(json.loads(files))} graph files, {args.repeats} rounds, medians")
    for way, (wall, cpu, peak) in medians.items():
        print(f"{way:7} wall {wall:8.2f} s  cpu {cpu:8.2f} s  peak {peak:7.0f} MB")
    first = medians[args.ways[0]]
    for way in args.ways[1:]:
        other = medians[way]
        print(f"{args.ways[0]}/{way}: wall {first[0] / other[0]:.3f}, cpu {first[1] / other[1]:.3f}, "
              f"peak {first[2] / other[2]:.3f}")


if __name__ == "__main__":
    main()
