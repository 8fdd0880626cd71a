"""The explorer's pages under load: N keep-alive clients on loopback ask one page (or a rotation
of pages) of `kg serve` for M seconds; per route, throughput and p50/p99 latency, plus the first
request after start (the catalogue read from the store). The busiest entity is the one mentioned
in the most articles.

    python -m benchmarks.explore_serve --project /tmp/c1k --out /tmp/c1k/out --clients 8 --seconds 10 --rounds 3
    python -m benchmarks.explore_serve --project /tmp/c1k --out /tmp/c1k/out --versus /tmp/kg-before

Pages of an unchanged build are cached by the server: home and browse measure the cache, search
rotates over many prefixes (each the first time, then cached), the entity page is rendered the
first time (its facts come from the query workers; those first renders are timed apart).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from benchmarks.load_serve import LoadResult, resident_mb
from tests.servers import kg_serve

PREFIXES = ["ja", "jaw", "la", "laz", "din", "pem", "ko", "kol", "su", "sur", "pro", "mjc", "ejsc", "ta", "tal",
            "ga", "ak", "ba", "bak", "ma", "mal", "si", "sid", "oz", "st", "star", "ge", "ger", "de", "di"]


def _client(root: str, paths: list[str], offset: int, deadline: float, result: LoadResult,
            lock: threading.Lock) -> None:
    where = urllib.parse.urlsplit(root)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    i = offset
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept": "text/html",
                                                     "X-Forwarded-For": f"198.51.100.{offset + 1}"})
            response = connection.getresponse()
            body = response.read()
            with lock:
                if response.status == 200 and body:
                    result.latencies.append(time.perf_counter() - started)
                else:
                    result.errors.append(f"{path}: {response.status} {body[:200]!r}")
        except (OSError, http.client.HTTPException) as exc:
            with lock:
                result.errors.append(f"{path}: {exc}")
            connection.close()
            connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    connection.close()


def load(root: str, paths: list[str], clients: int, seconds: float) -> LoadResult:
    result, lock = LoadResult(clients, seconds), threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=_client, args=(root, paths, n, deadline, result, lock)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def routes(root: str) -> dict[str, list[str]]:
    """The pages measured, the busiest entity found through the explorer's own JSON."""
    with urllib.request.urlopen(root + "browse/organisations?sort=articles&format=json", timeout=120) as reply:
        busiest = json.loads(reply.read())["results"][0]
    local = busiest["iri"].rsplit("/", 1)[-1]
    return {"home `/`": ["/"], "search `/search?q=…` (30 prefixes)": [f"/search?q={p}" for p in PREFIXES],
            "browse `/browse/organisations?sort=degree`": ["/browse/organisations?sort=degree"],
            f"entity `/id/{local}` ({busiest['articles']} articles)": [f"/id/{local}"],
            f"network `/network?focus={local}&depth=1`": [f"/network?focus={local}&depth=1"]}


def first_renders(root: str, count: int = 10) -> list[float]:
    """Milliseconds of the first request (not yet cached) of the pages of the busiest entities,
    one at a time."""
    with urllib.request.urlopen(root + "browse/organisations?sort=articles&format=json", timeout=120) as reply:
        busiest = json.loads(reply.read())["results"][:count]
    return first_times(root, ["/id/" + entry["iri"].rsplit("/", 1)[-1] for entry in busiest])


def first_times(root: str, paths: list[str]) -> list[float]:
    """Milliseconds of the first request of each page (none cached yet), one at a time."""
    times = []
    for path in paths:
        started = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(root + path.lstrip("/"), headers={"Accept": "text/html"}),
                                    timeout=120) as reply:
            reply.read()
        times.append((time.perf_counter() - started) * 1000)
    return times


class PeakMemory:
    """The largest resident memory of the server and its query workers, sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._done = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            self.peak = max(self.peak, resident_mb(self.pid))

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(project: Path, out: Path, clients: int, seconds: float, workers: int, rounds: int) -> list[str]:
    """Start the server, time its first pages, load each route for `rounds` rounds: the report."""
    launched = time.perf_counter()
    with kg_serve(project, out, "--workers", str(workers)) as server:
        memory = PeakMemory(server.pid)
        answering = time.perf_counter() - launched
        with urllib.request.urlopen(server.root, timeout=600) as reply:
            reply.read()
        first = time.perf_counter() - launched
        searches = first_times(server.root, [f"/search?q={p}" for p in PREFIXES])
        renders = sorted(first_renders(server.root))
        lines = [f"From launch: the server answers after {answering:.1f} s, its first home page (which waits for "
                 f"the catalogue) after {first:.1f} s", "",
                 f"First render of each of the 30 searches, one client: median {_median(searches):.1f} ms, "
                 f"max {max(searches):.1f} ms", "",
                 f"First render of the 10 busiest organisations' pages, one client: median "
                 f"{_median(renders):.0f} ms, max {renders[-1]:.0f} ms (later requests come from the page cache)", "",
                 f"{clients} clients, {seconds:g} s per route and round, {rounds} round(s), `--workers {workers}`; "
                 "medians over the rounds", "",
                 "| route | requests | errors | throughput (each round) | p50 | p99 |",
                 "| --- | ---: | ---: | --- | ---: | ---: |"]
        for name, paths in routes(server.root).items():
            load(server.root, paths, clients, 1)  # warm-up
            runs = [load(server.root, paths, clients, seconds) for _ in range(rounds)]
            rates = [len(r.latencies) / r.seconds for r in runs]
            lines.append(f"| {name} | {sum(r.requests for r in runs)} | {sum(len(r.errors) for r in runs)} | "
                         f"{_median(rates):.0f} req/s ({', '.join(f'{x:.0f}' for x in rates)}) | "
                         f"{_median([r.percentile(50) for r in runs]):.1f} ms | "
                         f"{_median([r.percentile(99) for r in runs]):.1f} ms |")
            errors = [e for r in runs for e in r.errors]
            if errors:
                lines.append(f"<!-- first error: {errors[0]} -->")
        lines[1:1] = ["", f"Peak resident memory of the server and its query workers: {memory.stop():.0f} MB"]
    return lines


def versus(project: Path, out: Path, before: Path, workers: int, count: int) -> list[str]:
    """The first renders side by side: this checkout's `kg serve` and `before`'s on the same
    build, each started and its home page timed in turn, then the pages of the `count` busiest
    organisations asked of one and the other alternately (so a busy moment falls on both)."""
    starts: dict[str, float] = {}
    times: dict[str, list[float]] = {"before": [], "after": []}
    with contextlib.ExitStack() as stack:
        roots = {}
        for name, code in (("before", before), ("after", None)):
            launched = time.perf_counter()
            roots[name] = stack.enter_context(kg_serve(project, out, "--workers", str(workers), code=code)).root
            with urllib.request.urlopen(roots[name], timeout=600) as reply:
                reply.read()
            starts[name] = time.perf_counter() - launched
        with urllib.request.urlopen(roots["after"] + "browse/organisations?sort=articles&format=json",
                                    timeout=120) as reply:
            busiest = ["/id/" + e["iri"].rsplit("/", 1)[-1] for e in json.loads(reply.read())["results"][:count]]
        for path in busiest:
            for name, root in roots.items():
                times[name] += first_times(root, [path])
    b, a = (_median(times["before"]), _median(times["after"]))
    return ["| | before | after | ratio (before / after) |", "| --- | ---: | ---: | ---: |",
            f"| launch to first home page (the catalogue read) | {starts['before']:.1f} s | {starts['after']:.1f} s | "
            f"{starts['before'] / starts['after']:.2f}x |",
            f"| first render of the {count} busiest organisations' pages, median | {b:.0f} ms | {a:.0f} ms | "
            f"{b / a:.2f}x |",
            f"| the same, max | {max(times['before']):.0f} ms | {max(times['after']):.0f} ms | |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="the built output folder")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="rounds of --seconds on each route")
    parser.add_argument("--versus", type=Path, help="a checkout of an older kg: time first renders side by side")
    parser.add_argument("--pages", type=int, default=20, help="busiest pages rendered side by side (--versus)")
    args = parser.parse_args()
    project, out = args.project.resolve(), args.out.resolve()
    if args.versus:
        print("\n".join(versus(project, out, args.versus.resolve(), args.workers, args.pages)))
        return
    print("\n".join(measure(project, out, args.clients, args.seconds, args.workers, args.rounds)))


if __name__ == "__main__":
    main()
