"""A synthetic ecosystem network shaped like `kg.network.projection.project`'s output, for the benchmarks."""

from __future__ import annotations

import random

import networkx as nx

from kg.network.projection import Evidence, Fact

CATEGORIES = [("organisation", "Company", 30), ("person", "Person", 15), ("post", "Post", 10),
              ("place", "City", 15), ("program", "Program", 10), ("event", "Event", 8),
              ("collaboration", "Collaboration", 12)]
STATUSES = ["planned", "ongoing", "completed", "aspired", "cancelled"]


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """n entities, about 2n relations with preferential attachment, each fact with a sentence."""
    rng = random.Random(seed)
    shape = nx.powerlaw_cluster_graph(n, 2, 0.1, seed=seed)
    kinds = rng.choices(CATEGORIES, weights=[w for *_, w in CATEGORIES], k=n)
    network = nx.MultiDiGraph()
    for i, (category, type_, _) in enumerate(kinds):
        sentence = f"Kalimat {i} tentang entitas {i} dalam artikel {i % 97}."
        ev = Evidence(f"https://example.org/article/{i % 97}", f"Artikel {i % 97}", sentence, f"entitas {i}")
        network.add_node(f"id:e{i:05d}", iri=f"https://example.org/id/e{i:05d}", type=type_, category=category,
                         status=rng.choice(STATUSES) if category == "collaboration" else "",
                         label=f"Entitas {i}", label_en="", aliases=[], posts=[],
                         facts=[Fact("schema:description", f"deskripsi {i}", (ev,))])
    for u, v in sorted(shape.edges()):
        a, b = f"id:e{u:05d}", f"id:e{v:05d}"
        status = network.nodes[a]["status"] or network.nodes[b]["status"]
        ev = Evidence("https://example.org/article/0", "Artikel 0", f"Kalimat tentang {u} dan {v}.", f"{u} dan {v}")
        network.add_edge(a, b, key="kg:participant", relation="kg:participant", status=status, evidence=(ev,))
    return network
