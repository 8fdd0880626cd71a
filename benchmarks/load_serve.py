"""A bounded load test of `kg serve` on loopback: N concurrent clients run the named queries
(round robin, default parameters, JSON or N-Triples results) for M seconds; reports throughput,
p50/p99 latency, errors, and the resident memory of the server and its query workers sampled
every second (stable memory: the last sample close to the first after warm-up).

    python -m benchmarks.load_serve --clients 8 --seconds 60 --out benchmarks/results/load.md
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.compile import build_to
from kg.build.store import STORE_DIR, open_store
from kg.project import open_project
from kg.query.library import load_library
from tests.servers import kg_serve

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


def run_load(root: str, names: list[str], clients: int, seconds: float, server_pid: int | None = None) -> LoadResult:
    """Run the clients against a server at `root` (http://host:port/)."""
    where = urllib.parse.urlsplit(root)
    paths = [f"/queries/{name}" for name in names]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    project = open_project(ROOT)
    names = sorted(load_library(ROOT / "queries"))
    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "out"
        build_to(project, built)
        triples = len(open_store(built / STORE_DIR))
        with kg_serve(ROOT, built, "--workers", str(args.workers)) as server:
            run_load(server.root, names, args.clients, 3)  # warm-up: workers' caches, connections
            result = run_load(server.root, names, args.clients, args.seconds, server.pid)
    command = "python -m benchmarks.load_serve " + " ".join(sys.argv[1:])
    text = report(result, command, args.workers, len(names), triples)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
