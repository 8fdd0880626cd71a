"""How the merged default graph changes when some named graphs change: the triples that leave
it and those that join it, so that a store holding the previous merge is brought up to date
without being sent the whole merge again.

The rule is the local store's (kg/build/store.py `update_store`): the merge holds each triple
that at least one named graph states. A triple a graph stopped stating leaves the merge only
when no graph of the new build states it; a triple a graph started stating joins it only when
no graph stated it before: neither the changed graphs' previous versions nor any graph that
did not change (which states now what it stated then).
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

Lines = list[bytes]  # N-Triples lines, each ending in " .\n"


def merge_change(store: ox.Store, removed: Mapping[str, Lines], added: Mapping[str, Lines]) -> tuple[Lines, Lines]:
    """The triples leaving and joining the merge, as N-Triples lines, given for each changed graph
    the lines its previous version had and the new one lacks (`removed`) and those it gained
    (`added`); `store` is the new build's store, whose default graph is the new merge."""
    gone = {line for lines in removed.values() for line in lines}
    gained: dict[bytes, set[str]] = {}
    for graph, lines in added.items():
        for line in lines:
            gained.setdefault(line, set()).add(graph)
    candidates = sorted(gone | gained.keys())
    leaving: Lines = []
    joining: Lines = []
    parsed = ox.parse(b"".join(candidates), format=ox.RdfFormat.N_TRIPLES)
    for line, quad in zip(candidates, parsed, strict=True):
        stating = {q.graph_name.value for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object)
                   if isinstance(q.graph_name, ox.NamedNode)}
        before = line in gone or any(graph not in gained.get(line, ()) for graph in stating)
        if before and not stating:
            leaving.append(line)
        elif stating and not before:
            joining.append(line)
    return leaving, joining
