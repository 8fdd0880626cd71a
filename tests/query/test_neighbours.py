"""The named query `neighbours` against a walk written in Python, on random small graphs.

The query is shaped for Oxigraph's join order (a hop starts from a node every row has bound,
a fresh blank node where the walk stops: queries/neighbours.rq), which is far from how its
description reads; this says it still answers what the description says, for every number of
hops, including none and more than three.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.query.engine import execute
from kg.query.library import bind, load_library
from tests.conftest import ROOT

QUERY = load_library(ROOT / "queries")["neighbours"]
BASE = "https://example.org/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
TYPE, LABEL = ox.NamedNode(RDF + "type"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
CLASS = ox.NamedNode("http://www.w3.org/2002/07/owl#Class")
NOT_WALKED = {TYPE, ox.NamedNode(RDF + "subject"), ox.NamedNode(RDF + "object")}
NODES = [ox.NamedNode(f"{BASE}n{i}") for i in range(7)]
WALKED = [ox.NamedNode(BASE + "p"), ox.NamedNode(BASE + "q")]
LINKS = [*NOT_WALKED, *WALKED]

NAMES = [(ox.Literal("a", language="id"),), (ox.Literal("b", language="id"),), (ox.Literal("a", language="en"),),
         (ox.Literal("a", language="id"), ox.Literal("A", language="id")), (ox.Literal("a"),), ()]
nodes = st.sampled_from(NODES)
labels = st.sampled_from([name for names in NAMES for name in names])
links = st.tuples(nodes, st.sampled_from(WALKED), nodes) | st.tuples(nodes, st.sampled_from(LINKS), nodes | labels)


@st.composite
def graphs(draw: st.DrawFn) -> tuple[set[tuple], ox.NamedNode]:
    """A chain of links through some of the nodes (either way round), a few other links, and
    each node labelled or not (in one or two languages), some of them classes: so that some
    nodes are two or three hops away and no nearer, through nodes that may not be walked. The
    start is often the chain's first node."""
    chain = draw(st.permutations(NODES))[:draw(st.integers(0, len(NODES)))]
    graph = {(a, draw(st.sampled_from(WALKED)), b) if draw(st.booleans()) else (b, draw(st.sampled_from(WALKED)), a)
             for a, b in itertools.pairwise(chain)}
    graph |= set(draw(st.lists(links, max_size=6)))
    for node in NODES:
        graph |= {(node, LABEL, label) for label in draw(st.sampled_from(NAMES))}
        if draw(st.integers(0, 3)) == 0:
            graph.add((node, TYPE, CLASS))
    return graph, chain[0] if chain and draw(st.booleans()) else draw(nodes)

def walked(graph: set[tuple], entity: ox.NamedNode, hops: int) -> set[tuple]:
    """The description, read plainly: the fewest hops (at most three) by any relation but
    rdf:type, rdf:subject and rdf:object, either way, through labelled nodes that are not
    classes; each neighbour with an Indonesian label, once per such label."""
    around = defaultdict(set)
    for s, p, o in graph:
        if p not in NOT_WALKED:
            around[s].add(o)
            around[o].add(s)
    classes = {s for s, p, o in graph if p == TYPE and o == CLASS}
    named = {s for s, p, _ in graph if p == LABEL} - classes
    distance: dict = {}
    reached = {entity}
    for hop in range(1, min(hops, 3) + 1):
        starts = reached if hop == 1 else reached & named
        reached = set().union(*(around[node] for node in starts))
        for node in reached:
            distance.setdefault(node, hop)
    return {(node, label, hop) for node, hop in distance.items() if node != entity and node not in classes
            for s, p, label in graph if s == node and p == LABEL and label.language == "id"}


@settings(max_examples=1500, deadline=None)
@given(graphs(), st.integers(min_value=-1, max_value=4))
def test_neighbours_answers_what_it_describes(drawn: tuple[set[tuple], ox.NamedNode], hops: int) -> None:
    graph, entity = drawn
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in graph)
    result = execute(store, QUERY.text, bind(QUERY, {"entity": entity.value[len(BASE):], "hops": str(hops)}, BASE))
    found = {(node, label, int(hop.value)) for node, label, hop in result.rows}
    assert len(found) == len(result.rows)
    assert found == walked(graph, entity, hops)
