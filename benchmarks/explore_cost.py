"""What the explorer's two corpus-sized reads cost, in process and in CPU time (so a machine
busy with other work changes the figures less than wall time): the catalogue read (every entity's
names, counts and facets, once per build) and the first page of facts of the busiest
organisations' entity pages, with the rows the store handed over. Run on several built corpora
to see how each grows, and with --before on an older checkout of kg beside this one.

    python -m benchmarks.explore_cost --projects /tmp/c300 /tmp/c1k --before /tmp/kg-before

Each (checkout, corpus) pair runs in a child process of its own, the catalogue read 3 times
(best kept), each page 3 times (best kept), the median over the 5 busiest pages reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BUSIEST = """SELECT ?e (COUNT(?a) AS ?n) WHERE { ?a <https://schema.org/mentions> ?e . ?e a ?class .
  VALUES ?class { <http://www.w3.org/ns/org#Organization> <https://w3id.org/ekodigi/def#Company>
                  <https://w3id.org/ekodigi/def#MediaOutlet> <https://w3id.org/ekodigi/def#ProvincialGovernment> } }
GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 5"""


def measure(root: Path) -> dict[str, float]:
    """The figures of one corpus with the kg this process imports (run in the child)."""
    from kg.build.store import open_store, store_path
    from kg.project import open_project
    from kg.query.engine import execute
    from kg.web.catalogue import build_catalogue
    from kg.web.pages import paged_view

    project = open_project(root)
    store = open_store(store_path(project, root / "output", check_fresh=False))
    references = (str(project.iris.regions_graph), str(project.iris.ns["graph/links/"]))
    catalogue = []
    for _ in range(3):
        started = time.process_time()
        entries = len(build_catalogue(lambda text: execute(store, text), project.base,
                                      lambda g: g.startswith(references)).entries)
        catalogue.append(time.process_time() - started)
    pages, rows = [], []
    read = [0]

    def run(text: str) -> object:
        result = execute(store, text)
        read[0] += len(result.rows)
        return result
    for (iri, _) in execute(store, BUSIEST).rows:
        best = []
        for _ in range(3):
            read[0] = 0
            started = time.process_time()
            paged_view(run, iri.value, project.base, 1, 100, 10_000)
            best.append(time.process_time() - started)
        pages.append(min(best) * 1000)
        rows.append(read[0])
    return {"entries": entries, "catalogue_s": min(catalogue), "page_ms": statistics.median(pages),
            "page_max_ms": max(pages), "rows": statistics.median(rows)}


def run_child(code: Path, root: Path) -> dict[str, float]:
    """`measure` in a child process importing the kg of `code`."""
    out = subprocess.run([sys.executable, __file__, "--child", str(root)], check=True, capture_output=True,
                         text=True, cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=Path, nargs="+", help="built corpora (their output/ folders are read)")
    parser.add_argument("--before", type=Path, help="a checkout of an older kg, measured beside this one")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    codes = {"after": Path(__file__).resolve().parent.parent}
    if args.before:
        codes = {"before": args.before.resolve(), **codes}
    lines = ["| corpus | code | entries | catalogue read (CPU) | busiest pages' first page of facts "
             "(CPU, median / max) | rows read a page (median) |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for root in args.projects:
        for name, code in codes.items():
            got = run_child(code, root.resolve())
            lines.append(f"| {root.name} | {name} | {got['entries']:,.0f} | {got['catalogue_s']:.2f} s | "
                         f"{got['page_ms']:.0f} / {got['page_max_ms']:.0f} ms | {got['rows']:,.0f} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
