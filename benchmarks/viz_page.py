"""Page generation time (`kg viz` minus loading RDF): layout, then HTML, at 500 / 5,000 / 20,000 nodes.

Run: .venv/bin/python -m benchmarks.viz_page [--sizes 500 5000 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.viz_synthetic import synthetic
from kg.network.layout import positions
from kg.network.page import page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| nodes | edges | layout (igraph FR) | whole page, layout included | page size |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        network = synthetic(n)
        layout, whole = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            positions(network)
            layout.append(time.perf_counter() - start)
            start = time.perf_counter()
            html = page(network, "benchmark")
            whole.append(time.perf_counter() - start)
        print(f"| {n:,} | {network.number_of_edges():,} | {statistics.median(layout):.2f} s "
              f"| {statistics.median(whole):.2f} s | {len(html.encode()) / 1e6:.1f} MB |", flush=True)


if __name__ == "__main__":
    main()
