"""The built graph cut into units SHACL can check one at a time, and their cached reports.

A unit is one named graph of a generation (an article's, the curated graph, the regions, a
linkset). What a unit says about its own nodes (an article's statements, spans, sentences, and
the entities only it describes) is checked with the unit alone plus the types of the nodes it
points to, taken from the other units. A node described by several units (a hub such as lazada,
a collaboration two articles report) is checked once on its merged description (see
kg/build/validate.py), since counts such as sh:maxCount only hold across the whole corpus.

A unit's entry is cached under a key made of what its report depends on: the graph's digest in
the generation's manifest and its file's size and time (an edited file is checked again), the
shapes, the ontology and kg's version; and, inside the entry, a digest of the types it was given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pyoxigraph as ox

from kg import __version__
from kg.build.shacl import Result
from kg.rdfio import write_atomic

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class Unit:
    """One graph of a generation, and where its cache entry lives."""

    graph: str
    path: Path
    key: str


@dataclass
class Entry:
    """What validation knows of a unit: its size, the classes of the nodes it describes, the
    nodes it points to, and (once checked with a given set of their types) its results."""

    size: int
    types: dict[str, list[str]]  # every node it describes but its article's own, with the classes it states
    neighbors: list[str]  # the IRIs it points to that another unit may describe
    described: dict[str, str] = field(default_factory=dict)  # each of those nodes -> digest of its description here
    context: str | None = None  # digest of the neighbours' types the results were made with
    results: list[list] = field(default_factory=list)  # Result.to_list() + [whether the unit describes the focus]

    def to_json(self) -> bytes:
        return orjson.dumps(self, option=orjson.OPT_SORT_KEYS)  # json.dumps(asdict(...)) took 60 times longer


def unit_key(shared: str, graph: str, digest: str, path: Path) -> str:
    """The cache key of a graph's unit; `shared` covers the shapes, the ontology and kg's version."""
    info = path.stat()
    return hashlib.sha256(f"{shared}\n{graph}\n{digest}\n{info.st_size}\n{info.st_mtime_ns}".encode()).hexdigest()


def shared_key(shapes: bytes, ontology_digest: str) -> str:
    return hashlib.sha256(f"kg {__version__}\n{ontology_digest}\n".encode() + shapes).hexdigest()


class EntryCache:
    """Entries on disk: `<key>.json`, and `<key>.nt`: the unit's descriptions of the nodes it
    shares with others, read only when one of them must be checked again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Entry | None:
        try:
            raw = orjson.loads((self.folder / f"{key}.json").read_bytes())  # 11,000 entries at 10,000 articles
            return Entry(**raw) if "described" in raw else None  # an entry of an older layout: read again
        except (OSError, ValueError, TypeError):
            return None  # absent or unreadable: read the unit again

    def put(self, key: str, entry: Entry) -> None:
        write_atomic(self.folder / f"{key}.json", entry.to_json())

    def put_descriptions(self, key: str, lines: list[str]) -> None:
        write_atomic(self.folder / f"{key}.nt", "".join(lines).encode())

    def descriptions(self, key: str, nodes: set[str]) -> list[str]:
        """The unit's N-Triples lines whose subject is one of `nodes`."""
        with (self.folder / f"{key}.nt").open(encoding="utf-8") as lines:
            return [line for line in lines if line[1:line.index(">")] in nodes]

    def prune(self, keep: set[str]) -> None:
        """Forget the entries of graphs no longer in the generation validated."""
        for path in self.folder.iterdir():
            if path.suffix in (".json", ".nt") and path.stem not in keep:
                path.unlink(missing_ok=True)


def read_unit(path: Path) -> list[ox.Triple]:
    """The triples of a graph's N-Quads file."""
    return [quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)]


def survey(triples: list[ox.Triple], article: str, lends: Callable[[str], bool]) -> tuple[Entry, list[str]]:
    """A unit's entry before checking, and the N-Triples lines describing its shareable nodes:
    every subject but the article's own nodes (`article` and the IRIs under `article/`). Its
    neighbours are the values of the predicates whose values' classes the shapes may read
    (`lends`, Checker.lends)."""
    inside = article + "/"
    types: dict[str, list[str]] = {}
    objects: set[str] = set()
    lines = []
    for t in triples:
        if t.predicate.value != RDF_TYPE and isinstance(t.object, ox.NamedNode) \
                and not _own(t.object.value, article, inside) and lends(t.predicate.value):
            objects.add(t.object.value)
        if isinstance(t.subject, ox.NamedNode) and not _own(t.subject.value, article, inside):
            classes = types.setdefault(t.subject.value, [])
            if t.predicate.value == RDF_TYPE:
                classes.append(t.object.value)
            lines.append(f"{t} .\n")
    lines.sort()
    by_node: dict[str, list[str]] = {}
    for line in lines:
        by_node.setdefault(line[1:line.index(">")], []).append(line)
    entry = Entry(len(triples), {node: sorted(set(c)) for node, c in sorted(types.items())}, sorted(objects),
                  {node: digest(node_lines) for node, node_lines in sorted(by_node.items())})
    return entry, lines


def _own(iri: str, article: str, inside: str) -> bool:
    return iri == article or iri.startswith(inside)


def context(neighbors: list[str], types: dict[str, set[str]]) -> list[str]:
    """The type triples of the neighbours other units describe, as sorted N-Triples lines."""
    return sorted(f"<{node}> <{RDF_TYPE}> <{cls}> .\n" for node in neighbors for cls in types.get(node, ()))


def digest(lines: list[str]) -> str:
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def parse_lines(lines: list[str]) -> list[ox.Triple]:
    return list(ox.parse("".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES))


def kept(results: list[Result], described: set[str], given: set[str]) -> list[list]:
    """A unit's results about its own nodes (flagged) and about nodes nobody describes, typed
    only by what RDFS entails; not those about nodes whose types were only lent to it."""
    return [[*r.to_list(), r.focus in described] for r in results if r.focus in described or r.focus not in given]
