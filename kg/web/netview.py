"""The explorer's network views as vis-network data: the neighbourhood of an entity (on its page
and at /network?focus=…), and for the whole graph an overview of one cluster per type that opens,
on click, into its best-connected members. Read from the catalogue's relations, so a view costs
no query; every view is capped at MAX_NODES so a corpus never sends 150,000 nodes at once.
"""

from __future__ import annotations

import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

from kg.namespaces import curie
from kg.web.catalogue import Catalogue, Entry

MAX_NODES = 300
MAX_DEPTH = 3


@dataclass
class Drawing:
    """Nodes and edges for vis-network (ids are IRIs or type names), and how many were left out."""

    nodes: list[dict[str, object]] = field(default_factory=list)
    edges: list[dict[str, object]] = field(default_factory=list)
    left_out: int = 0

    def as_json(self) -> dict[str, object]:
        return {"nodes": self.nodes, "edges": self.edges, "leftOut": self.left_out}


def entity_href(entry: Entry) -> str:
    return "/id/" + urllib.parse.quote(entry.local, safe="/-._~")


def _node(entry: Entry, focus: bool = False) -> dict[str, object]:
    return {"id": entry.iri, "label": entry.label, "group": entry.kind, "type": entry.type,
            "href": entity_href(entry), "value": entry.degree, "focus": focus}


def _edges_among(cat: Catalogue, chosen: set[str]) -> list[dict[str, object]]:
    """The relations among the chosen, in the catalogue's order: looked up from each of them, so
    a drawing costs its own edges, not the corpus's."""
    return [{"from": s, "to": o, "label": curie(p)} for node in sorted(chosen)
            for s, p, o in cat.edges_from.get(node, ()) if o in chosen]


def ego(cat: Catalogue, focus: str, depth: int, kinds: frozenset[str] = frozenset(),
        limit: int = MAX_NODES) -> Drawing:
    """The entities within `depth` hops of `focus` (of the chosen kinds, if any; the focus
    always), nearest first and then the best connected, at most `limit`."""
    depth = max(1, min(depth, MAX_DEPTH))
    reached, frontier = {focus: 0}, [focus]
    for hop in range(1, depth + 1):
        frontier = sorted({n for node in frontier for n in cat.links.get(node, ()) if n not in reached})
        reached.update((node, hop) for node in frontier)
    kept = [iri for iri in reached if iri == focus or not kinds or cat.by_iri[iri].kind in kinds]
    kept.sort(key=lambda iri: (reached[iri], -cat.by_iri[iri].degree, iri))
    chosen = set(kept[:limit])
    return Drawing([_node(cat.by_iri[iri], iri == focus) for iri in kept[:limit]], _edges_among(cat, chosen),
                   max(0, len(kept) - limit))


def members(cat: Catalogue, type_name: str, limit: int = MAX_NODES) -> Drawing:
    """The best-connected entities of one type and the relations among them."""
    of_type = sorted((e for e in cat.entries if e.type == type_name and e.kind != "article"),
                     key=lambda e: (-e.degree, e.label, e.iri))
    chosen = of_type[:limit]
    return Drawing([_node(e) for e in chosen], _edges_among(cat, {e.iri for e in chosen}),
                   max(0, len(of_type) - limit))


def overview(cat: Catalogue) -> Drawing:
    """One cluster per type, sized by its members, linked by how many relations join two types;
    a cluster opens into its members (`members`)."""
    sizes = Counter(e.type for e in cat.entries if e.kind != "article")
    kinds = {e.type: e.kind for e in cat.entries}
    between: Counter[tuple[str, str]] = Counter()
    for s, _, o in cat.edges:
        pair = tuple(sorted((cat.by_iri[s].type, cat.by_iri[o].type)))
        between[pair] += 1  # type: ignore[index]
    nodes = [{"id": name, "label": f"{name} ({count})", "group": kinds[name], "type": name, "value": count,
              "href": "/network?" + urllib.parse.urlencode({"type": name}), "cluster": True}
             for name, count in sorted(sizes.items())]
    edges = [{"from": a, "to": b, "label": str(n), "value": n} for (a, b), n in sorted(between.items()) if a != b]
    return Drawing(nodes, edges)
