"""How the network is drawn, shared by the page and the pictures: one colour and shape per
entity category, and node positions computed before the page is written, so the browser draws
at once with physics off instead of simulating for seconds (past a few thousand nodes, minutes).

python-igraph's Fruchterman-Reingold (C, grid-accelerated above 1,000 nodes) won the
measurements in benchmarks/README.md; it runs on a private seeded generator, so the same
network always gets the same positions.
"""

from __future__ import annotations

import math
import random

import networkx as nx

from kg.network.projection import PROVENANCE_CATEGORY

SEED = 20220809
# category → (colour, vis shape); shapes with the label below keep every node the same size.
STYLES: dict[str, tuple[str, str]] = {
    "organisation": ("#1f77b4", "dot"),
    "person": ("#d62728", "star"),
    "post": ("#ff7f0e", "square"),
    "place": ("#2ca02c", "triangle"),
    "program": ("#9467bd", "hexagon"),
    "event": ("#8c564b", "diamond"),
    "collaboration": ("#17becf", "diamond"),
    "study": ("#e377c2", "triangleDown"),
    "finding": ("#7f7f7f", "square"),
    "utterance": ("#bcbd22", "triangleDown"),
    "group": ("#aec7e8", "dot"),
    PROVENANCE_CATEGORY: ("#b0b0b0", "dot"),
}
SPACING = 160.0  # pixels per node on average, along each axis of a square drawing


def positions(network: nx.Graph, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Integer x, y per node, centred on the origin; deterministic for the same network."""
    import igraph  # imported here: a second of start-up that only drawing needs

    nodes = list(network)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in network.edges() if u != v})
    graph = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = graph.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    return _scaled(nodes, coords)


def _scaled(nodes: list[str], coords: list[list[float]]) -> dict[str, tuple[int, int]]:
    """Fit the layout into a square whose side grows with the square root of the node count."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    side = SPACING * math.sqrt(len(nodes))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) / span * side), round((y - cy) / span * side))
            for node, (x, y) in zip(nodes, coords, strict=True)}
