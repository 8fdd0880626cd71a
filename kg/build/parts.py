"""One source compiled on its own into a part: its quads as sorted N-Quads, cached under a key
made of everything it depends on, so that a build recompiles only what changed.

A part's key covers kg's version, the base IRI, the ontology, and the source file's own
bytes. What it depends on beyond its own file is recorded beside it and checked on reuse:
the article text it names (by hash) and the type of every entity it refers to that another
file declares. Quads are grouped by graph (an article writes its own graph and the editors'
additions to the curated graph), each group sorted, so that a graph is read as one block.

The curated graph gathers from every article (16 MB at 10,000), so it is written in shards
(kg/build/assemble.py) and a part's block of it is kept cut by subject into BUCKETS buckets,
each sorted, with where each lies: a shard reads its buckets of each part and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg import __version__
from kg.build.emit import Emitter
from kg.build.statements import Triple
from kg.build.values import BuildWarning
from kg.errors import Location
from kg.namespaces import KG, SCHEMA, Iris
from kg.rdfio import oxigraph_terms, write_atomic
from kg.source.files import Declaration, DeclarationRow, Registry, Source


@dataclass
class Part:
    """A compiled source: what it declares and needs, what the build said, and its quads' graphs."""

    key: str
    source: str
    article: str | None
    declared: list[DeclarationRow]  # plain lists once cached: 470,000 of them at 10,000 articles
    refs: dict[str, str]
    text: tuple[str, str] | None
    warnings: list[tuple]  # (line, field, message[, file when not the part's own source])
    graphs: dict[str, list] = field(default_factory=dict)  # graph IRI -> [byte offset, length, digest] in the file
    digest: str = ""  # of the quads: what the part says, whatever it was made from
    claims: str = ""  # of an article's claims: what the corpus graph takes from it (a text-only change keeps it)
    shard: str = ""  # which shard of its graph the part is (the corpus graph's are written one file each)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Part:
        raw = orjson.loads(data)
        if raw["declared"] and isinstance(raw["declared"][0], dict):  # made before declarations were lists
            raw["declared"] = [list(Declaration(**item)) for item in raw["declared"]]
        return cls.from_raw(raw)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Part:
        """The part from its JSON object, sharing its lists (a build reads every cached part)."""
        text = raw["text"]
        return cls(**{**raw, "text": tuple(text) if text else None, "warnings": [tuple(w) for w in raw["warnings"]]})

    def build_warnings(self, root: Path) -> list[BuildWarning]:
        return [BuildWarning(Location(root / (elsewhere[0] if elsewhere else self.source), line, name), message)
                for line, name, message, *elsewhere in self.warnings]


@dataclass
class Claims:
    """What one article states, for the corpus graph: its date, and each statement as
    [statement, subject, predicate, object, as_of or ""], terms in N-Triples form."""

    published: str
    statements: list[list[str]]

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Claims:
        return cls(**orjson.loads(data))

    @classmethod
    def of(cls, quads: list[ox.Quad], article: str) -> Claims:
        """The statements among an article's quads (rdf:subject, rdf:predicate, rdf:object, kg:asOf)."""
        found: dict[str, dict[str, str]] = {}
        published = ""
        for quad in quads:
            role = _ROLES.get(quad.predicate.value)
            if role is not None:
                found.setdefault(str(quad.subject), {})[role] = str(quad.object)
            elif quad.predicate.value == _PUBLISHED and quad.subject.value == article:
                published = quad.object.value
        rows = [[st, roles["s"], roles["p"], roles["o"], roles.get("as_of", "")] for st, roles in found.items()
                if {"s", "p", "o"} <= roles.keys()]
        return cls(published, sorted(rows))


_ROLES = {str(RDF.subject): "s", str(RDF.predicate): "p", str(RDF.object): "o", str(KG.asOf): "as_of"}
_PUBLISHED = str(SCHEMA.datePublished)


Declared = dict[str, list]  # entity id -> [its type's name, how many sources declare it]
BUCKETS = 1024  # the buckets a part's block of the curated graph is cut into, by subject
LAYOUT = "parts 2"  # in every part's key: parts of an older layout (blocks not cut in buckets) are made again
CATALOGUE = "parts.catalogue"  # not *.json: prune reads those as parts


class PartCache:
    """Compiled parts on disk: `<key>.nq` (the quads) and `<key>.json` (the part), and one
    catalogue of the parts the last build used: a build reads it once instead of a file a part."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._listed: dict[str, Any] | None = None
        self._declared: Declared | None = None

    def _catalogue(self) -> dict[str, Any]:
        if self._listed is None:
            try:
                kept = orjson.loads((self.folder / CATALOGUE).read_bytes())
            except (OSError, orjson.JSONDecodeError):
                kept = {}
            fits = isinstance(kept, dict) and isinstance(kept.get("parts"), dict)
            self._listed = kept["parts"] if fits else {}
            self._declared = kept.get("declared") if fits and isinstance(kept.get("declared"), dict) else None
        return self._listed

    def listed(self) -> tuple[dict[str, Any], Declared | None]:
        """The parts the last published build used (as stored, or as parts), and what they declare."""
        return self._catalogue(), self._declared

    def keep_catalogue(self, parts: list[Part], declared: Declared) -> None:
        """List these parts (those a published generation uses) and what they declare, for the next build."""
        self._listed, self._declared = {part.key: part for part in parts}, declared
        write_atomic(self.folder / CATALOGUE, orjson.dumps({"parts": self._listed, "declared": declared}))

    def get(self, key: str) -> Part | None:
        listed = self._catalogue().get(key)
        if isinstance(listed, Part):
            return listed
        if listed is not None:
            try:
                return Part.from_raw(listed)
            except (TypeError, KeyError, ValueError):
                pass  # not a part: read its own file
        try:
            part = Part.from_json((self.folder / f"{key}.json").read_bytes())
        except (OSError, ValueError, TypeError, KeyError):
            return None  # absent or unreadable: compile again
        if part.article is not None and not self.claims_file(key).is_file():
            return None  # made before articles kept their claims
        if part.shard and not self.state_file(key).is_file():
            return None  # a corpus shard is only of use with its tallies
        if not all(isinstance(span, list) for span in part.graphs.values()):
            return None
        if part.article is not None and not part.claims:  # made before parts named their claims' digest
            part.claims = hashlib.sha256(self.claims_file(key).read_bytes()).hexdigest()
            write_atomic(self.folder / f"{key}.json", part.to_json())
        return part

    def quads_file(self, key: str) -> Path:
        return self.folder / f"{key}.nq"

    def claims_file(self, key: str) -> Path:
        return self.folder / f"{key}.claims"

    def state_file(self, key: str) -> Path:
        return self.folder / f"{key}.state"

    def claims(self, part: Part) -> Claims:
        """An article part's statements, as the corpus graph counts and ranks them."""
        return Claims.from_json(self.claims_file(part.key).read_bytes())

    def put(self, part: Part, blocks: dict[str, list[str]], claims: Claims | None = None,
            state: bytes | None = None, bucketed: str = "") -> None:
        """The quads (and an article's claims, or a corpus shard's tallies) first, then the part that
        names them (a part is only found once complete), with where each graph's block lies in the
        file, so one graph is read without the rest; the `bucketed` graph's block in buckets."""
        ranges: list[list[int]] = []
        if bucketed in blocks:
            blocks = {**blocks, bucketed: _in_buckets(blocks[bucketed], ranges)}
        chunks = {graph: ("\n".join(lines) + "\n").encode() if lines else b"" for graph, lines in blocks.items()}
        offset = 0
        for graph, chunk in chunks.items():
            part.graphs[graph] = [offset, len(chunk), hashlib.sha256(chunk).hexdigest(),
                                  *([ranges] if graph == bucketed else [])]
            offset += len(chunk)
        data = b"".join(chunks.values())
        part.digest = hashlib.sha256(data).hexdigest()
        write_atomic(self.quads_file(part.key), data)
        if claims is not None:
            said = claims.to_json()
            part.claims = hashlib.sha256(said).hexdigest()
            write_atomic(self.claims_file(part.key), said)
        if state is not None:
            write_atomic(self.state_file(part.key), state)
        write_atomic(self.folder / f"{part.key}.json", part.to_json())
        if self._catalogue().pop(part.key, None) is not None:  # listed as it was before: list it no more
            (self.folder / CATALOGUE).unlink(missing_ok=True)
            self._declared = None

    def block(self, part: Part, graph: str) -> list[str]:
        """One graph's quads in the part, as sorted N-Quads lines."""
        offset, length = part.graphs[graph][:2]
        with self.quads_file(part.key).open("rb") as stream:
            stream.seek(offset)
            return stream.read(length).decode("utf-8").splitlines()

    def shard_block(self, part: Part, graph: str, shard: int, shards: int) -> list[str]:
        """The lines of a bucketed graph's block whose buckets fall in `shard` of `shards`, sorted."""
        offset, _, _, ranges = part.graphs[graph]
        lines: list[str] = []
        with self.quads_file(part.key).open("rb") as stream:
            for number, start, length in ranges:
                if shard_of(number, shards) == shard:
                    stream.seek(offset + start)
                    lines += stream.read(length).decode("utf-8").splitlines()
        return sorted(lines)

    def index(self, key: str) -> list[str] | None:
        """The part keys an index records (parts made together from one set of inputs), if any."""
        try:
            keys = json.loads((self.folder / f"{key}.index").read_bytes())
        except (OSError, ValueError):
            return None
        return keys if isinstance(keys, list) and all(isinstance(k, str) for k in keys) else None

    def put_index(self, key: str, keys: list[str]) -> None:
        write_atomic(self.folder / f"{key}.index", json.dumps(keys).encode())

    def prune(self, keep: set[str]) -> None:
        """Forget parts no generation kept refers to, and indexes of parts forgotten."""
        listed = self._catalogue()
        if not listed.keys() <= keep:
            (self.folder / CATALOGUE).unlink(missing_ok=True)
            self._listed, self._declared = {key: part for key, part in listed.items() if key in keep}, None
        names = [name.split(".", 1) for name in os.listdir(self.folder) if "." in name[1:]]  # 33,000 at 10,000 articles
        for stem, suffix in names:
            if suffix == "json" and stem and stem not in keep:
                for path in (self.quads_file(stem), self.claims_file(stem), self.state_file(stem)):
                    path.unlink(missing_ok=True)
                (self.folder / f"{stem}.json").unlink(missing_ok=True)
            elif suffix == "index" and stem and not set(self.index(stem) or [""]) <= keep:
                (self.folder / f"{stem}.index").unlink(missing_ok=True)


def _bucket(line: str) -> int:
    """A line's bucket, by its subject: a subject's lines stay in one bucket, so in one shard."""
    return zlib.crc32(line.split(" ", 1)[0].encode()) % BUCKETS


def shard_of(number: int, shards: int) -> int:
    """The shard a bucket falls in: shards (a power of two up to BUCKETS) take runs of buckets."""
    return number * shards // BUCKETS


def buckets_of(span: list) -> list[int]:
    """The buckets a part's block of the bucketed graph holds lines in."""
    return [number for number, _, _ in span[3]]


def _in_buckets(lines: list[str], ranges: list[list[int]]) -> list[str]:
    """The lines ordered by bucket, each bucket sorted; `ranges` gets [bucket, offset, length]
    of each bucket within the block, in bytes."""
    ordered = sorted((_bucket(line), line) for line in lines)
    offset = 0
    for number, line in ordered:
        size = len(line.encode()) + 1
        if ranges and ranges[-1][0] == number:
            ranges[-1][2] += size
        else:
            ranges.append([number, offset, size])
        offset += size
    return [line for _, line in ordered]


def source_key(shared: str, relative: str, data: bytes) -> str:
    """The cache key of a source file: its bytes and everything shared it is compiled with."""
    digest = hashlib.sha256(f"kg {__version__} {LAYOUT}\n{shared}\n{relative}\n".encode())
    digest.update(data)
    return digest.hexdigest()


def compile_part(iris: Iris, registry: Registry, source: Source, cues: dict[str, list[str]],
                 key: str, relative: str, declared: list[DeclarationRow], text_hash: Callable[[str], str]
                 ) -> tuple[Part, dict[str, list[str]], Claims | None]:
    """Compile one source into its quads by graph, and the part that describes them (with the
    hash of the article's text file by its name: `text_hash`)."""
    sink = _Collector()
    warnings: list[BuildWarning] = []
    Emitter(iris, sink, registry, source, cues, warnings).emit()
    quads = sink.quads()
    claims = None
    if source.article is not None:
        claims = Claims.of(quads, str(iris.article(source.article["id"])))
    blocks = _blocks(quads)
    own = {d[0] for d in declared}
    refs = {ident: registry[ident].name for ident in sorted(_mentioned(quads, iris.base) - own)
            if ident in registry}
    text = None
    if source.article is not None and source.text is not None:
        text = (str(source.article["text"]), text_hash(str(source.article["text"])))
    part = Part(key, relative, source.article["id"] if source.article is not None else None,
                [list(d) for d in declared], refs, text,
                [(w.location.line, w.location.field, w.message) for w in warnings])
    return part, blocks, claims


class _Collector:
    """Collects what an Emitter adds, graph by graph, and turns it into pyoxigraph quads: an
    rdflib Dataset would index every triple only for the build to read them all back out."""

    def __init__(self) -> None:
        self.graphs: dict[URIRef, set[Triple]] = {}

    def graph(self, name: URIRef) -> set[Triple]:
        return self.graphs.setdefault(name, set())  # a set's add is all a TripleSink needs

    def quads(self) -> list[ox.Quad]:
        term = oxigraph_terms()
        return [ox.Quad(term(s), term(p), term(o), term(g)) for g, triples in self.graphs.items()
                for s, p, o in triples]


def graph_blocks(dataset: Dataset) -> dict[str, list[str]]:
    """The dataset's quads as canonical N-Quads lines (pyoxigraph's), sorted within each graph."""
    return _blocks(_quads(dataset))


def _quads(dataset: Dataset) -> list[ox.Quad]:
    return list(ox.parse(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS))


def _blocks(quads: list[ox.Quad]) -> dict[str, list[str]]:
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode()
    by_graph: dict[str, set[str]] = {}
    for quad, line in zip(quads, text.splitlines(), strict=True):
        by_graph.setdefault(quad.graph_name.value, set()).add(line)
    return {graph: sorted(by_graph[graph]) for graph in sorted(by_graph)}


def _mentioned(quads: list[ox.Quad], base: str) -> set[str]:
    """The entity ids the quads name as subject or object."""
    return {ident for quad in quads for term in (quad.subject, quad.object)
            if isinstance(term, ox.NamedNode) and (ident := _entity_id(term.value, base))}


def _entity_id(iri: str, base: str) -> str | None:
    """`lazada` for <base>lazada; None for articles, graphs, statements and anything else."""
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    return rest if rest and "/" not in rest and "#" not in rest else None
