"""Layout engines compared on the synthetic network: python-igraph (C) against networkx.

Run: .venv/bin/python -m benchmarks.viz_layout [--sizes 500 5000 20000] [--repeat 3]
networkx spring_layout is only run up to 2,000 nodes (it is O(n²) per iteration past 500), and
spectral_layout up to 5,000 (at 20,000 it had not finished after 15 minutes).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import igraph
import networkx as nx

from benchmarks.viz_synthetic import synthetic


def engines(graph: nx.Graph) -> dict[str, Callable[[], object]]:
    index = {node: i for i, node in enumerate(graph)}
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()])
    return {
        "igraph Fruchterman-Reingold": lambda: ig.layout_fruchterman_reingold(niter=500),
        "igraph DrL": ig.layout_drl,
        "igraph LGL": ig.layout_lgl,
        "networkx spectral": lambda: nx.spectral_layout(graph),
        "networkx spring": lambda: nx.spring_layout(graph, seed=1),
    }


LIMITS = {"networkx spring": 2000, "networkx spectral": 5000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| nodes | engine | median |")
    print("|---:|---|---:|")
    for n in args.sizes:
        graph = nx.Graph(synthetic(n).to_undirected())
        for name, run in engines(graph).items():
            if n > LIMITS.get(name, n):
                continue
            times = []
            for _ in range(args.repeat):
                random.seed(1)
                start = time.perf_counter()
                run()
                times.append(time.perf_counter() - start)
            print(f"| {n:,} | {name} | {statistics.median(times):.2f} s |", flush=True)


if __name__ == "__main__":
    main()
