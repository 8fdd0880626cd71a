"""A bounded load test of `kg serve` on loopback: N concurrent clients run the named queries
(round robin, default parameters, JSON or N-Triples results) for M seconds; reports throughput,
p50/p99 latency, errors, and the resident memory of the server and its query workers sampled
every second (stable memory: the last sample close to the first after warm-up).

    python -m benchmarks.load_serve --clients 8 --seconds 60 --out benchmarks/results/load.md

With --versus-oxigraph, side by side instead: the same query text (a named query's, --query)
sent to `kg serve`'s /sparql and to the Oxigraph server (`oxigraph serve-read-only` on the same
store), the same clients each, one server at a time; reports both and the ratio.

    python -m benchmarks.load_serve --versus-oxigraph --clients 8 --seconds 10 --rounds 5 \\
        --out benchmarks/results/sparql.md
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.compile import build_to
from kg.build.store import STORE_DIR, open_store
from kg.project import open_project
from kg.query.library import load_library
from tests.query.test_endpoint import free_port, oxigraph_binary
from tests.servers import fetch, kg_serve

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class LoadResult:
    """What the clients saw, and the server's memory over the run."""

    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    memory_mb: list[float] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else float("nan")


def _client(host: str, port: int, paths: list[str], offset: int, deadline: float, result: LoadResult,
            lock: threading.Lock) -> None:
    """One keep-alive connection sending the named queries in turn until the deadline."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    i = offset
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        try:
            # Each simulated client is its own client to kg serve (which shares itself per client):
            # from loopback, a trusted proxy's X-Forwarded-For names it, as behind nginx.
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json, "
                                                               "application/n-triples;q=0.9",
                                                     "X-Forwarded-For": f"198.51.100.{offset + 1}"})
            response = connection.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - started
            with lock:
                if response.status == 200 and body:
                    result.latencies.append(elapsed)
                else:
                    result.errors.append(f"{path}: {response.status} {body[:200]!r}")
        except (OSError, http.client.HTTPException) as exc:
            with lock:
                result.errors.append(f"{path}: {exc}")
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.close()


def resident_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the query workers), in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        stack += [int(child) for child in children]
    return total / 1024


def run_load(root: str, names: list[str], clients: int, seconds: float, server_pid: int | None = None,
             paths: list[str] | None = None) -> LoadResult:
    """Run the clients against a server at `root` (http://host:port/): the named queries, or `paths`."""
    where = urllib.parse.urlsplit(root)
    paths = paths or [f"/queries/{name}" for name in names]
    result = LoadResult(clients, seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=_client, args=(where.hostname, where.port, paths, n, deadline, result, lock))
               for n in range(clients)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        if server_pid:
            result.memory_mb.append(resident_mb(server_pid))
        time.sleep(1)
    for thread in threads:
        thread.join()
    return result


def report(result: LoadResult, command: str, workers: int, queries: int, triples: int) -> str:
    """The figures as Markdown, with the command that produced them."""
    memory = result.memory_mb or [float("nan")]
    lines = [
        "# Load test of `kg serve`",
        "",
        f"Command: `{command}`",
        "",
        f"{result.clients} concurrent keep-alive clients on loopback, each running the {queries} "
        f"named queries in turn (default parameters) for {result.seconds:g} s against `kg serve --workers {workers}` "
        f"on the project's graph ({triples:,} triples).",
        "",
        "| requests | errors | throughput | p50 latency | p99 latency | server + workers memory (first / last / max) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {result.requests} | {len(result.errors)} | {len(result.latencies) / result.seconds:.1f} req/s "
        f"| {result.percentile(50):.1f} ms | {result.percentile(99):.1f} ms "
        f"| {memory[0]:.0f} / {memory[-1]:.0f} / {max(memory):.0f} MB |",
        "",
    ]
    if result.errors:
        lines += ["First errors:", "", *[f"- {e}" for e in result.errors[:5]], ""]
    return "\n".join(lines)


@contextmanager
def oxigraph_server(store: Path) -> Iterator[str]:
    """`oxigraph serve-read-only` on the store, on a free loopback port: its root URL."""
    port = free_port()
    server = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                if fetch(root + "query?query=ASK%7B%7D", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("oxigraph did not start within 30 s")
        yield root
    finally:
        server.terminate()
        server.wait(timeout=10)


def versus_oxigraph(project: Path, built: Path, text: str, clients: int, seconds: float, workers: int,
                    rounds: int) -> dict[str, list[LoadResult]]:
    """The same query on kg serve's /sparql and on the Oxigraph server, both running, loaded in
    turn for `rounds` rounds (so a busy moment of the machine falls on both)."""
    query = urllib.parse.urlencode({"query": text})
    results: dict[str, list[LoadResult]] = {"kg serve /sparql": [], "oxigraph serve-read-only /query": []}
    with kg_serve(project, built, "--workers", str(workers)) as server, oxigraph_server(built / STORE_DIR) as root:
        targets = list(zip(results.values(), [(server.root, f"/sparql?{query}"), (root, f"/query?{query}")],
                           strict=True))
        for _, (where, path) in targets:
            run_load(where, [], clients, 3, paths=[path])  # warm-up
        for _ in range(rounds):
            for runs, (where, path) in targets:
                runs.append(run_load(where, [], clients, seconds, paths=[path]))
    return results


def versus_report(results: dict[str, list[LoadResult]], command: str, name: str, workers: int,
                  triples: int) -> str:
    """Both servers' medians over the rounds, and their ratios, as Markdown."""
    def rate(result: LoadResult) -> float:
        return len(result.latencies) / result.seconds

    medians = {label: (statistics.median(rate(r) for r in runs), statistics.median(r.percentile(50) for r in runs),
                       statistics.median(r.percentile(99) for r in runs), sum(len(r.errors) for r in runs))
               for label, runs in results.items()}
    first = next(iter(results.values()))[0]
    lines = ["# `kg serve` /sparql beside the Oxigraph server", "", f"Command: `{command}`", "",
             f"{first.clients} concurrent keep-alive clients on loopback, each sending the text of the named query "
             f"`{name}` (JSON results), {len(next(iter(results.values())))} rounds of {first.seconds:g} s "
             f"on each server in turn: `kg serve --workers {workers}` and `oxigraph serve-read-only` on the same "
             f"store ({triples:,} triples). Medians over the rounds.", "",
             "| server | throughput (each round) | median throughput | median p50 | median p99 | errors |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for label, runs in results.items():
        each = ", ".join(f"{rate(r):.0f}" for r in runs)
        throughput, p50, p99, errors = medians[label]
        lines.append(f"| {label} | {each} | {throughput:.1f} req/s | {p50:.2f} ms | {p99:.2f} ms | {errors} |")
    ours, theirs = medians.values()
    lines += ["", f"Throughput ratio (kg serve / Oxigraph): **{ours[0] / theirs[0]:.2f}x**; "
              f"p50 ratio: {ours[1] / theirs[1]:.2f}x.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--versus-oxigraph", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --seconds on each server (--versus-oxigraph)")
    parser.add_argument("--query", default="collaborations", help="the named query whose text --versus-oxigraph sends")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project whose graph is served")
    parser.add_argument("--built", type=Path, help="its output folder, already built and only read (default: "
                                                   "build the project into a temporary folder)")
    args = parser.parse_args()
    project = open_project(args.project)
    library = load_library(args.project / "queries")
    names = sorted(library)
    command = "python -m benchmarks.load_serve " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory() as folder:
        built = args.built or Path(folder) / "out"
        if args.built is None:
            build_to(project, built)
        triples = len(open_store(built / STORE_DIR))
        if args.versus_oxigraph:
            both = versus_oxigraph(args.project, built, library[args.query].text, args.clients, args.seconds,
                                   args.workers, args.rounds)
            _emit(versus_report(both, command, args.query, args.workers, triples), args.out)
            return
        with kg_serve(args.project, built, "--workers", str(args.workers)) as server:
            run_load(server.root, names, args.clients, 3)  # warm-up: workers' caches, connections
            result = run_load(server.root, names, args.clients, args.seconds, server.pid)
    _emit(report(result, command, args.workers, len(names), triples), args.out)


def _emit(text: str, out: Path | None) -> None:
    print(text)
    if out:
        out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
