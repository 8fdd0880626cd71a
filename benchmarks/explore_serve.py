"""The explorer's pages under load: N keep-alive clients on loopback ask one page (or a rotation
of pages) of `kg serve` for M seconds; per route, throughput and p50/p99 latency, plus the first
request after start (the catalogue read from the store). The busiest entity is the one mentioned
in the most articles.

    python -m benchmarks.explore_serve --project /tmp/c1k --out /tmp/c1k/out --clients 8 --seconds 10

Pages of an unchanged build are cached by the server: home and browse measure the cache, search
rotates over many prefixes (each the first time, then cached), the entity page is rendered the
first time (its facts come from the query workers; those first renders are timed apart).
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from benchmarks.load_serve import LoadResult
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
    times = []
    for entry in busiest:
        started = time.perf_counter()
        page = root + "id/" + entry["iri"].rsplit("/", 1)[-1]
        request = urllib.request.Request(page, headers={"Accept": "text/html"})
        with urllib.request.urlopen(request, timeout=120) as reply:
            reply.read()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="the built output folder")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with kg_serve(args.project, args.out, "--workers", str(args.workers)) as server:
        started = time.perf_counter()
        with urllib.request.urlopen(server.root, timeout=300) as reply:
            reply.read()
        first = time.perf_counter() - started
        lines = [f"First page after start (reads the catalogue): {first * 1000:.0f} ms", "",
                 f"{args.clients} clients, {args.seconds:g} s per route, `--workers {args.workers}`", "",
                 "| route | requests | errors | throughput | p50 | p99 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        renders = sorted(first_renders(server.root))
        lines[2:2] = [f"First render of the 10 busiest organisations' pages, one client: median "
                      f"{renders[len(renders) // 2]:.0f} ms, max {renders[-1]:.0f} ms (later requests come from the "
                      "page cache)", ""]
        for name, paths in routes(server.root).items():
            load(server.root, paths, args.clients, 1)  # warm-up
            result = load(server.root, paths, args.clients, args.seconds)
            lines.append(f"| {name} | {result.requests} | {len(result.errors)} | "
                         f"{len(result.latencies) / result.seconds:.0f} req/s | {result.percentile(50):.1f} ms | "
                         f"{result.percentile(99):.1f} ms |")
            if result.errors:
                lines.append(f"<!-- first error: {result.errors[0]} -->")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
