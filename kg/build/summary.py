"""What a built dataset holds: entities by class, facts by relation, provenance counts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.namespaces import NIF, OA, ONTOLOGY_IRI, curie
from kg.source.schema import TYPES

_ENTITY_CLASSES = frozenset(spec.cls for spec in TYPES.values())


@dataclass(frozen=True)
class Summary:
    """Counts that describe a build; `to_json` is byte-stable for the same dataset."""

    triples: int
    triples_by_graph: dict[str, int]
    articles: int
    entities: int
    entities_by_class: dict[str, int]
    facts_by_relation: dict[str, int]
    statements: int
    evidence_spans: int
    sentences: int

    def to_json(self) -> bytes:
        return (json.dumps(asdict(self), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def summarize(dataset: Dataset, article_graphs: list[URIRef]) -> Summary:
    """Count the dataset; facts are the direct triples about entities in the article graphs."""
    by_graph: Counter[str] = Counter()
    typed: dict[URIRef, set[URIRef]] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        by_graph[str(name)] += 1
        if p == RDF.type and o in _ENTITY_CLASSES and name != ONTOLOGY_IRI:
            typed.setdefault(o, set()).add(s)
    entities = set().union(*typed.values()) if typed else set()
    relations: Counter[str] = Counter()
    statements = spans = sentences = 0
    for name in article_graphs:
        graph = dataset.graph(name)
        for s, p, _ in graph:
            if s in entities:
                relations[curie(p)] += 1
        statements += sum(1 for _ in graph.subjects(RDF.type, RDF.Statement))
        spans += sum(1 for _ in graph.subjects(RDF.type, OA.Annotation))
        sentences += sum(1 for _ in graph.subjects(RDF.type, NIF.Sentence))
    return Summary(
        triples=sum(by_graph.values()),
        triples_by_graph=dict(sorted(by_graph.items())),
        articles=len(article_graphs),
        entities=len(entities),
        entities_by_class={curie(c): len(s) for c, s in sorted(typed.items(), key=lambda kv: curie(kv[0]))},
        facts_by_relation=dict(sorted(relations.items())),
        statements=statements,
        evidence_spans=spans,
        sentences=sentences,
    )
