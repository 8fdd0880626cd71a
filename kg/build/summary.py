"""What a built dataset holds: entities by class, facts by relation, provenance counts, and the
figures the VoID description needs, gathered in one pass over the quads, graph by graph."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import orjson
import pyoxigraph as ox

from kg.namespaces import ID_PATTERN, NIF, OA, ONTOLOGY_IRI, curie
from kg.source.schema import FIELDS, TYPES

_ENTITY_CLASSES = frozenset(str(spec.cls) for spec in TYPES.values())
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
_EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"
_PREFERRED = frozenset(str(spec.predicate) for spec in FIELDS.values() if spec.ranked)  # stated in graph/corpus
_COUNTED = frozenset(f"<{iri}>" for iri in (_TYPE, _EXACT_MATCH, *_PREFERRED))  # what moves a count outside articles
Counts = dict[str, int]  # plain dicts, not Counters: a build reads 100,000 of them from census.json
_KINDS = {_STATEMENT: "statements", str(OA.Annotation): "spans", str(NIF.Sentence): "sentences"}


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


@dataclass
class Census:
    """Counts of some graphs, gathered while their quads stream past once; censuses of separate
    graphs merge, and a merged census counts in how many graphs each member was found, so that a
    graph's census can be taken out again: a build adds and removes only what changed.
    Memory grows with the entities, not the quads."""

    by_graph: dict[str, int] = field(default_factory=dict)
    typed: dict[str, Counts] = field(default_factory=dict)
    named: Counts = field(default_factory=dict)  # typed IRIs minted under the base (VoID entities)
    relations: dict[str, Counts] = field(default_factory=dict)  # entity-shaped subject -> predicates
    kinds: Counts = field(default_factory=dict)
    linked: Counts = field(default_factory=dict)

    @classmethod
    def of(cls, graph: str, quads: Iterable[ox.Quad], base: str, article: bool) -> Census:
        """The census of one graph (an article's own graph counts facts and provenance)."""
        census = cls(by_graph={graph: 0})
        counter = _Counter(census, base, article, graph == str(ONTOLOGY_IRI), graph == base + "graph/corpus")
        for quad in quads:
            counter.add(quad)
        return census

    @classmethod
    def of_lines(cls, graph: str, lines: list[str], base: str, article: bool) -> Census:
        """The census of one graph from its N-Quads lines. Of a graph other than an article's, only
        the lines that can move a count are parsed (types, links, preferred values): the corpus
        graph holds millions of support counts at 10,000 articles, and none of them is counted."""
        counted = lines if article else [line for line in lines if line.split(" ", 2)[1] in _COUNTED]
        data = "".join(line + "\n" for line in counted).encode()
        census = cls.of(graph, ox.parse(data, format=ox.RdfFormat.N_QUADS), base, article)
        census.by_graph[graph] = len(lines)
        return census

    def merge(self, other: Census, sign: int = 1) -> None:
        """Add another graph's census, or with sign -1 take out one added before."""
        for graph, size in other.by_graph.items():
            total = self.by_graph.get(graph, 0) + sign * size
            if sign < 0 and not total:
                self.by_graph.pop(graph, None)
            else:
                self.by_graph[graph] = total
        for mine, theirs in ((self.typed, other.typed), (self.relations, other.relations)):
            for key, counts in theirs.items():
                _add(mine.setdefault(key, {}), counts, sign)
                if not mine[key]:
                    del mine[key]
        for counter, counts in ((self.named, other.named), (self.kinds, other.kinds), (self.linked, other.linked)):
            _add(counter, counts, sign)

    def to_json(self, counts: bool = False) -> bytes:
        """One graph's census (members listed), or with `counts` a merged one (members counted).
        Written by orjson, keys sorted: the merged census of 10,000 articles is 30 MB, read and
        written by every build that changes anything: json 1.5 s, orjson 0.6 s (benchmarks/census_json.py)."""
        def members(counter: Counts) -> object:
            return counter if counts else sorted(counter)
        data = {"by_graph": self.by_graph, "typed": {c: members(m) for c, m in self.typed.items()},
                "named": members(self.named), "relations": self.relations, "kinds": self.kinds,
                "linked": members(self.linked)}
        return orjson.dumps({**data, "counted": True} if counts else data, option=orjson.OPT_SORT_KEYS)

    @classmethod
    def from_json(cls, data: bytes) -> Census:
        raw = orjson.loads(data)  # plain dicts, as read: at 10,000 articles 100,000 subjects' counts
        return cls(raw["by_graph"], {c: _counts(m) for c, m in raw["typed"].items()}, _counts(raw["named"]),
                   raw["relations"], raw["kinds"], _counts(raw["linked"]))

    @staticmethod
    def counted(data: bytes) -> bool:
        """Whether a census file counts its members (written by this kg), so that graphs can be taken out."""
        return b'"counted":true' in data or b'"counted": true' in data  # orjson's, or an older kg's json

    def summary(self, articles: int) -> Summary:
        entities = set().union(*self.typed.values()) if self.typed else set()
        facts: Counter[str] = Counter()
        for subject, counts in self.relations.items():
            if subject in entities:
                facts.update(counts)
        return Summary(
            triples=sum(self.by_graph.values()),
            triples_by_graph=dict(sorted(self.by_graph.items())),
            articles=articles,
            entities=len(entities),
            entities_by_class=dict(sorted((_curie(c), len(s)) for c, s in self.typed.items())),
            facts_by_relation=dict(sorted(facts.items())),
            statements=self.kinds.get("statements", 0),
            evidence_spans=self.kinds.get("spans", 0),
            sentences=self.kinds.get("sentences", 0),
        )


@dataclass
class _Counter:
    """Adds one graph's quads to its census."""

    census: Census
    base: str
    article: bool
    ontology: bool
    corpus: bool  # the corpus graph: its preferred values (a status) are facts too
    seen: dict[str, bool] = field(default_factory=dict)  # subject -> whether an entity: a graph names few, often

    def add(self, quad: ox.Quad) -> None:
        census, graph = self.census, next(iter(self.census.by_graph))
        census.by_graph[graph] += 1
        s, p, o = quad.subject.value, quad.predicate.value, quad.object
        if p == _TYPE:
            self._type(s, o.value)
        elif p == _EXACT_MATCH and self._is_entity(s):
            census.linked[s] = 1
        if (self.article or (self.corpus and p in _PREFERRED)) and self._is_entity(s):
            _bump(census.relations.setdefault(s, {}), _curie(p))

    def _type(self, subject: str, cls: str) -> None:
        if cls in _ENTITY_CLASSES and not self.ontology:
            self.census.typed.setdefault(cls, {})[subject] = 1
        if self._is_entity(subject):
            self.census.named[subject] = 1
        if self.article and cls in _KINDS:
            _bump(self.census.kinds, _KINDS[cls])

    def _is_entity(self, iri: str) -> bool:
        known = self.seen.get(iri)
        if known is None:
            local = iri[len(self.base):]
            known = self.seen[iri] = iri.startswith(self.base) and ID_PATTERN.fullmatch(local) is not None
        return known


def _add(counter: Counts, counts: Counts, sign: int) -> None:
    """counter += sign * counts, without the members that reach zero (as a merge from scratch gives)."""
    for key, n in counts.items():
        total = counter.get(key, 0) + sign * n
        if total:
            counter[key] = total
        else:
            del counter[key]


def _bump(counter: Counts, key: str) -> None:
    counter[key] = counter.get(key, 0) + 1


def _counts(members: Counts | list[str]) -> Counts:
    """A merged census counts its members; one graph's lists them (each found once)."""
    return members if isinstance(members, dict) else dict.fromkeys(members, 1)


@functools.cache
def _curie(iri: str) -> str:
    return curie(iri)
