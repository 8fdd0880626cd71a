"""Hierarchies: materialised RDFS inference at build time (owlrl) against query-time property
paths (rdfs:subClassOf*, kg:within+), on the same synthetic graphs, in one run.

For each size it measures the time owlrl takes to materialise the RDFS closure and how many
triples that adds, then the median time of "every organisation" and "every place in Jawa
Timur" asked both ways on pyoxigraph: with property paths over the plain graph, and with a
plain pattern over the materialised graph (which for kg:within needs the OWL-RL closure;
RDFS alone does not know transitivity).

    python -m benchmarks.inference_bench --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import statistics
import time

import owlrl
import pyoxigraph as ox
import rdflib

from benchmarks.generate import generate

PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://w3id.org/ekodigi/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
PATHS = {
    "organisations": "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* org:Organization }",
    "places in Jawa Timur": "SELECT DISTINCT ?x WHERE { ?x kg:within+ <https://w3id.org/ekodigi/id/jawa-timur> }",
}
MATERIALISED = {
    "organisations": "SELECT DISTINCT ?x WHERE { ?x a org:Organization }",
    "places in Jawa Timur": "SELECT DISTINCT ?x WHERE { ?x kg:within <https://w3id.org/ekodigi/id/jawa-timur> }",
}


def median_seconds(store: ox.Store, query: str, repeats: int = 5) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        rows = len(list(store.query(PREFIXES + query, use_default_graph_as_union=True)))
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def bench(size: int) -> list[str]:
    nquads = generate(size)
    graph = rdflib.Graph()
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        graph.add((rdflib.URIRef(quad.subject.value), rdflib.URIRef(quad.predicate.value),
                   rdflib.URIRef(quad.object.value) if isinstance(quad.object, ox.NamedNode)
                   else rdflib.Literal(quad.object.value, lang=quad.object.language,
                                       datatype=None if quad.object.language
                                       else rdflib.URIRef(quad.object.datatype.value))))
    before = len(graph)
    lines = []
    for name, semantics in (("RDFS", owlrl.RDFS_Semantics), ("OWL-RL", owlrl.OWLRL_Semantics)):
        closed = rdflib.Graph()
        closed += graph
        started = time.perf_counter()
        owlrl.DeductiveClosure(semantics).expand(closed)
        seconds = time.perf_counter() - started
        lines.append(f"| {size:,} | owlrl {name} closure | {seconds:.1f} s | +{len(closed) - before:,} triples "
                     f"({len(closed) / before:.1f}x the graph) |")
        if name == "OWL-RL":
            # owlrl also derives "generalised" triples with literal subjects, which are not RDF.
            for triple in [t for t in closed if isinstance(t[0], rdflib.Literal)]:
                closed.remove(triple)
            materialised = ox.Store()
            materialised.bulk_load(input=closed.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    plain = ox.Store()
    plain.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
    for question in PATHS:
        path_time, path_rows = median_seconds(plain, PATHS[question])
        flat_time, flat_rows = median_seconds(materialised, MATERIALISED[question])
        lines.append(f"| {size:,} | {question} | path {path_time * 1000:.1f} ms ({path_rows} rows) | "
                     f"materialised {flat_time * 1000:.1f} ms ({flat_rows} rows) |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print("| triples | measure | time | result |\n|---:|---|---|---|")
    for size in args.sizes:
        print("\n".join(bench(size)), flush=True)


if __name__ == "__main__":
    main()
