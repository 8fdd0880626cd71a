"""The whole-corpus formats and rdflib's part in them: what each file holds, the union of
graphs, and the writers still done with rdflib (JSON-LD with an inline context; the small
TriG files of kg stats and kg path). The corpus dumps themselves are written by pyoxigraph
(kg/build/assemble.py), byte-identical across runs.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.namespaces import PREFIXES
from kg.rdfio import bind

GRAPH_BASENAME = "graph"
# Output file suffix -> what it holds.
FORMATS: dict[str, str] = {
    "trig": "TriG, with one named graph per article",
    "nq": "N-Quads, sorted",
    "ttl": "Turtle, all graphs merged",
    "nt": "N-Triples, all graphs merged, sorted",
    "jsonld": "JSON-LD with named graphs and an inline context",
}


def union(dataset: Dataset, base: str | None = None, without: frozenset[URIRef] = frozenset()) -> Graph:
    """All named graphs (but those `without`) merged into one graph, with the project's prefixes bound."""
    graph = bind(Graph(), base)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if getattr(g, "identifier", g) not in without:
            graph.add((s, p, o))
    return graph


def context(base: str | None = None) -> dict[str, str]:
    """The JSON-LD context: the project's prefixes, nothing fetched from the network."""
    terms = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}
    if base:
        terms["id"] = base
    return terms


def render(dataset: Dataset, suffix: str, base: str | None = None) -> bytes:
    """One serialisation of the dataset as bytes."""
    renderers: dict[str, Callable[[], str]] = {
        "trig": lambda: _trig(dataset, base),
        "nq": lambda: _sorted_lines(dataset.serialize(format="nquads")),
        "ttl": lambda: union(dataset, base).serialize(format="turtle"),
        "nt": lambda: _sorted_lines(union(dataset).serialize(format="nt")),
        "jsonld": lambda: _jsonld(dataset, base),
    }
    return renderers[suffix]().encode("utf-8")


def _trig(dataset: Dataset, base: str | None) -> str:
    """TriG with the named graphs in IRI order (rdflib's own order varies between runs)."""
    serializer = TrigSerializer(bind(dataset, base))
    serializer.contexts.sort(key=lambda graph: str(graph.identifier))
    buffer = io.BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _sorted_lines(text: str) -> str:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def _jsonld(dataset: Dataset, base: str | None) -> str:
    """Compacted with the inline context, then sorted so the same graph gives the same bytes."""
    raw = json.loads(bind(dataset, base).serialize(format="json-ld", context=context(base), auto_compact=True))
    return json.dumps(_sort_jsonld(raw), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sort_jsonld(node: object) -> object:
    if isinstance(node, dict):
        return {key: _sort_jsonld(value) for key, value in node.items()}
    if isinstance(node, list):
        items = [_sort_jsonld(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def jsonld_from_nquads(path: Path, base: str | None = None) -> bytes:
    """graph.jsonld from the N-Quads dump (rdflib holds it all: ask for it on small corpora)."""
    dataset = Dataset()
    dataset.parse(path, format="nquads")
    return _jsonld(dataset, base).encode("utf-8")
