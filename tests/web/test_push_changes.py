"""The parts of `kg push` that decide what to send, checked against their definitions on small
random cases: the bodies a graph is cut into, the difference of two versions of a graph file,
and the change of the merged default graph (what the local store's update does, kg/build/store.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.web.graphfiles import differences, line_count, triple_lines
from kg.web.graphstore import chunks
from kg.web.merge import merge_change

GRAPHS = [f"http://example.org/graph/{name}" for name in ("a", "b", "c")]
# a few triples, some with literals that need escaping
TRIPLES = [ox.Triple(ox.NamedNode(f"http://example.org/s{i % 3}"), ox.NamedNode(f"http://example.org/p{i % 2}"),
                     ox.Literal(f"o{i} \"kutipan\"\n\u00e9") if i % 2 else ox.NamedNode(f"http://example.org/o{i}"))
           for i in range(8)]
versions = st.dictionaries(st.sampled_from(GRAPHS), st.frozensets(st.sampled_from(TRIPLES)))


def _line(triple: ox.Triple) -> bytes:
    return ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES)


def _write(folder: Path, name: str, graph: str, triples: frozenset[ox.Triple]) -> Path:
    """A graph file as the build writes it: N-Quads, sorted, each line once."""
    path = folder / f"{name}.nq"
    lines = sorted(ox.serialize([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))],
                                format=ox.RdfFormat.N_QUADS).decode() for t in triples)
    path.write_bytes("".join(lines).encode())
    return path


@given(st.lists(st.binary(min_size=1, max_size=30).map(lambda b: b.replace(b"\n", b"") + b"\n"), max_size=40),
       st.integers(min_value=1, max_value=80))
def test_bodies_hold_every_line_once_in_order_within_the_limit(lines: list[bytes], limit: int) -> None:
    bodies = list(chunks(lines, limit))
    assert b"".join(bodies) == b"".join(lines)
    assert all(len(body) <= limit or body.count(b"\n") == 1 for body in bodies)
    assert bodies and all(bodies[1:])  # an empty graph is one empty body, which empties it


@settings(max_examples=60, deadline=None)
@given(st.frozensets(st.sampled_from(TRIPLES)), st.frozensets(st.sampled_from(TRIPLES)))
def test_the_difference_of_two_versions_is_the_set_difference(tmp_path_factory, old: frozenset[ox.Triple],
                                                              new: frozenset[ox.Triple]) -> None:
    folder = tmp_path_factory.mktemp("versions")
    graph = GRAPHS[0]
    before, after = _write(folder, "old", graph, old), _write(folder, "new", graph, new)
    removed, added = differences(before, after, graph, 100)  # type: ignore[misc]
    assert sorted(removed) == sorted(_line(t) for t in old - new)
    assert sorted(added) == sorted(_line(t) for t in new - old)
    assert differences(None, after, graph, 100) == ([], sorted(_line(t) for t in new))
    assert line_count(after) == len(new) and list(triple_lines(after, graph)) == sorted(_line(t) for t in new)
    if len(old ^ new) > 1:
        assert differences(before, after, graph, 1) is None


@settings(max_examples=60, deadline=None)
@given(st.frozensets(st.sampled_from(TRIPLES)), st.frozensets(st.sampled_from(TRIPLES)), st.integers(1, 4))
def test_a_graph_in_shards_reads_as_its_one_sorted_file(tmp_path_factory, old: frozenset[ox.Triple],
                                                       new: frozenset[ox.Triple], shards: int) -> None:
    """The corpus graph is written in shards: a push reads their files as the one file they make."""
    folder = tmp_path_factory.mktemp("shards")
    graph = GRAPHS[0]
    ordered = sorted(new, key=_line)
    parts = [_write(folder, f"shard{i}", graph, frozenset(ordered[i::shards])) for i in range(shards)]
    before, whole = _write(folder, "old", graph, old), _write(folder, "whole", graph, new)
    assert differences(before, parts, graph, 100) == differences(before, whole, graph, 100)
    assert line_count(parts) == line_count(whole)
    assert list(triple_lines(parts, graph)) == list(triple_lines(whole, graph))


def _merge(graphs: dict[str, frozenset[ox.Triple]]) -> set[ox.Triple]:
    return set().union(*graphs.values())


@settings(max_examples=100, deadline=None)
@given(versions, versions)
def test_the_merge_changes_by_what_left_and_joined_it(old: dict[str, frozenset[ox.Triple]],
                                                      new: dict[str, frozenset[ox.Triple]]) -> None:
    """The store holds the new build (its default graph the merge); some graphs changed, were
    added or removed: the lines leaving and joining turn the old merge into the new one."""
    store = ox.Store()
    for graph, triples in new.items():
        store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in triples)
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in _merge(new))
    changed = [g for g in GRAPHS if old.get(g, frozenset()) != new.get(g, frozenset())]
    removed = {g: [_line(t) for t in old.get(g, frozenset()) - new.get(g, frozenset())] for g in changed}
    added = {g: [_line(t) for t in new.get(g, frozenset()) - old.get(g, frozenset())] for g in changed}
    leaving, joining = merge_change(store, removed, added)
    assert sorted(leaving) == sorted(_line(t) for t in _merge(old) - _merge(new))
    assert sorted(joining) == sorted(_line(t) for t in _merge(new) - _merge(old))
