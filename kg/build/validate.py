"""SHACL validation of the built graph, returned as a report object, not printed.

`validate_built` is `kg validate`: the corpus is checked graph by graph (kg/build/validation_units.py),
each graph's results cached until it, the shapes or the types it points to change, and the nodes
several graphs describe are checked once more on their merged description, where counts across
articles (two statuses for one collaboration, two labels in one language) show. The report is
the one a single pySHACL run over the whole merged graph gives (`validate`, kept as the
reference the tests compare with), at a cost that grows with what changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pyoxigraph as ox
import pyshacl
from rdflib import Dataset, Graph

from kg.build.assemble import GRAPHS, MANIFEST, unit_graph
from kg.build.gc_policy import few_collections
from kg.build.generations import GENERATIONS, current
from kg.build.shacl import Checker, Result, results_of
from kg.build.shacl_graph import ShaclGraph
from kg.build.validation_index import SharedRecord, ValidationIndex
from kg.build.validation_units import (
    RDF_TYPE,
    Entry,
    EntryCache,
    Unit,
    context,
    digest,
    kept,
    parse_lines,
    read_unit,
    shared_key,
    survey,
    unit_key,
)
from kg.errors import KgError, NotBuiltError
from kg.namespaces import ONTOLOGY_IRI, curie
from kg.project import Project
from kg.source.limits import clip

CACHE = "cache/validation"
SHARED = "shared.json"


class ValidationUnavailable(KgError):
    """The shapes or the graph could not be read, so nothing was validated (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words a person can act on."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class Report:
    """The outcome of validation: whether the graph conforms, each violation, and how many graphs
    and shared nodes had to be checked again (the rest came from the cache)."""

    conforms: bool
    violations: list[Violation]
    triples: int
    graphs_checked: int = 0
    shared_checked: int = 0


def load_built(out_dir: Path) -> Dataset:
    """The dataset written by `kg build` to out_dir: its graphs, one N-Quads file each."""
    files = sorted((out_dir / GRAPHS).rglob("*.nq"))
    if not files:
        raise NotBuiltError(f"no built graph in {out_dir}", "run `kg build` first")
    dataset = Dataset()
    try:
        for path in files:
            dataset.parse(path, format="nquads")
    except Exception as exc:  # rdflib raises several unrelated types for bad N-Quads
        raise ValidationUnavailable(f"{out_dir / GRAPHS} does not parse: {exc}", "run `kg build` again") from exc
    return dataset


def validate(dataset: Dataset, shapes_file: Path, base: str | None = None) -> Report:
    """Validate the data graphs against the shapes in one pySHACL run, with RDFS inference over
    the ontology graph: the reference the per-graph validation of `validate_built` reproduces."""
    shapes = _shapes(shapes_file)
    ontology, data = Graph(), Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        (ontology if getattr(g, "identifier", g) == ONTOLOGY_IRI else data).add((s, p, o))
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs",
                                     abort_on_first=False, allow_warnings=True)
    return _report(results_of(results), len(data), base)


def _shapes(shapes_file: Path, shapes: Graph | None = None) -> Graph:
    """The shapes file parsed into `shapes` (a new Graph by default)."""
    shapes = Graph() if shapes is None else shapes
    try:
        shapes.parse(shapes_file, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise ValidationUnavailable(f"{shapes_file} does not parse: {clip(' '.join(str(exc).split()), 300)}") from exc
    return shapes


def _report(results: list[Result], triples: int, base: str | None, checked: tuple[int, int] = (0, 0)) -> Report:
    violations = sorted((_violation(r, base) for r in results),
                        key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    conforms = not any(r.severity == "Violation" for r in results)
    return Report(conforms, violations, triples, *checked)


def _violation(result: Result, base: str | None) -> Violation:
    value = result.value
    return Violation(result.severity, curie(result.focus, base), curie(result.path, base) if result.path else None,
                     curie(value, base) if value is not None and result.value_is_iri else value, result.message)


def validate_built(project: Project, out_dir: Path, jobs: int = 1) -> Report:
    """`kg validate`: the published generation in out_dir checked graph by graph, reusing every
    cached result whose graph, shapes, ontology and neighbours' types are unchanged."""
    with few_collections():
        return _validate_built(project, out_dir, jobs)


def _validate_built(project: Project, out_dir: Path, jobs: int) -> Report:
    generation = current(out_dir)
    if generation is None:
        raise NotBuiltError(f"no built graph in {out_dir}", "run `kg build` first")
    manifest = _manifest(generation)
    ontology = _read(generation / GRAPHS / f"{manifest[str(ONTOLOGY_IRI)]['file']}.nq")
    checker = Checker(_shapes(project.shapes_file, ShaclGraph()), ontology)
    cache = EntryCache(out_dir / GENERATIONS / CACHE)
    cache.folder.mkdir(parents=True, exist_ok=True)
    common = shared_key(project.shapes_file.read_bytes(), manifest[str(ONTOLOGY_IRI)]["digest"])
    units = []
    for name, item in sorted(manifest.items()):  # a graph, or a shard of the corpus graph
        if name != str(ONTOLOGY_IRI):
            path = generation / GRAPHS / f"{item['file']}.nq"
            units.append(Unit(unit_graph(name), path, unit_key(common, name, item["digest"], path)))
    index = ValidationIndex(cache.folder, common)
    try:
        with index.transaction():
            work = _Work(index, cache, checker, _article_iri(project), jobs)
            checked = (work.units(units), work.shared(common))
            results, size = [Result(*fields) for fields in index.results()], index.size()
    finally:
        index.close()
    cache.prune({unit.key for unit in units})
    return _report(results, size, project.base, checked)


class _Work:
    """One run's update of the index: the units that came and left, the units and shared nodes
    whose neighbours' classes changed, each checked again only if what it was checked with changed."""

    def __init__(self, index: ValidationIndex, cache: EntryCache, checker: Checker, article: Callable[[str], str],
                 jobs: int) -> None:
        self.index, self.cache, self.checker, self.article, self.jobs = index, cache, checker, article, jobs
        self.touched: set[str] = set()  # the nodes whose descriptions changed
        self.retyped: set[str] = set()  # those whose classes changed
        self.fresh = False  # the index held nothing: a first run, or a cache of an older layout
        self._types: dict[str, set[str]] = {}
        self._looked: set[str] = set()

    def units(self, units: list[Unit]) -> int:
        """Bring the units up to date; how many were checked again."""
        known = self.index.units()
        self.fresh = not known
        keys = {unit.key for unit in units}
        left = [unit for key, unit in known.items() if key not in keys]
        came = [unit for unit in units if unit.key not in known]
        entries = self._entries(came)
        self.touched = _redescribed(self.index.descriptions_of(left), entries.values())
        before = self.index.classes(self.touched)
        self.index.remove(left)
        for unit in came:
            self.index.add(unit.key, entries[unit.key])
        after = self.types(self.touched)
        self.retyped = {node for node in self.touched if before.get(node, set()) != after.get(node, set())}
        again = {unit.key for unit in came} | self.index.pointing_to(self.retyped)
        todo = []
        for unit in units:
            if unit.key in again:
                entry = entries.get(unit.key) or self._entry(unit)
                lent = context(entry.neighbors, self.types(entry.neighbors))
                if entry.context == digest(lent):
                    self.index.set_results(unit.key, entry.results)
                else:
                    todo.append((unit, lent, entry))
        checked = _map(lambda job: _check(job[0], job[1], self.checker, self.cache, job[2]), todo, self.jobs)
        for (unit, _, _), entry in zip(todo, checked, strict=True):
            self.index.set_results(unit.key, _checked(entry).results)
        return len(todo)

    def shared(self, common: str) -> int:
        """Bring the nodes several units describe up to date; how many were checked again."""
        candidates = self.touched | self.index.shared_pointing_to(self.retyped)
        holders = self.index.holders(candidates)
        self.index.drop_shared([node for node in candidates if len(holders.get(node, {})) < 2])
        shared = {node: held for node, held in holders.items() if len(held) > 1}
        records = _legacy_shared(self.cache) if self.fresh else self.index.shared(shared)
        dirty, kept = {}, {}
        for node in sorted(shared):
            key = hashlib.sha256("\n".join([common, node, *sorted(shared[node].values())]).encode()).hexdigest()
            record = records.get(node)
            if record is None or record.key != key \
                    or record.context != digest(context(record.neighbors, self.types(record.neighbors))):
                dirty[node] = key
            else:
                kept[node] = record
        if self.fresh:
            self.index.put_shared(kept)
        if dirty:
            self.index.put_shared(_recheck(dirty, shared, self.types, self.cache, self.checker))
        return len(dirty)

    def types(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """The classes of nodes (of these and any looked up before)."""
        if missing := [node for node in nodes if node not in self._looked]:
            self._types.update(self.index.classes(missing))
            self._looked.update(missing)
        return self._types

    def _entries(self, came: list[Unit]) -> dict[str, Entry]:
        entries = {unit.key: self.cache.get(unit.key) for unit in came}
        missing = [unit for unit in came if entries[unit.key] is None]
        for unit, entry in zip(missing, _map(self._survey, missing, self.jobs), strict=True):
            entries[unit.key] = _checked(entry)
        return {key: entry for key, entry in entries.items() if entry is not None}

    def _entry(self, unit: Unit) -> Entry:
        return self.cache.get(unit.key) or _checked(self._survey(unit))

    def _survey(self, unit: Unit) -> Entry | KgError:
        return _survey(unit, self.cache, self.article(unit.graph), self.checker.lends)


def _redescribed(gone: Counter[tuple[str, str]], came: Iterable[Entry]) -> set[str]:
    """The nodes whose descriptions changed: what the units that left said of them (node,
    digest) differs from what the units that came say. A shard written again with a few
    changed lines leaves its other nodes as they were: their classes, holders and merged
    descriptions need no second look."""
    now = Counter((node, entry.described.get(node, "")) for entry in came for node in entry.types)
    return {node for node, _ in (gone - now) + (now - gone)}


def _manifest(generation: Path) -> dict[str, dict[str, str]]:
    try:
        manifest = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationUnavailable(f"unreadable {generation / MANIFEST}: {exc}", "run `kg build` again") from exc
    if str(ONTOLOGY_IRI) not in manifest:
        raise ValidationUnavailable(f"{generation / MANIFEST} names no ontology graph", "run `kg build` again")
    return manifest


def _read(path: Path) -> list[Any]:
    try:
        return read_unit(path)
    except (OSError, SyntaxError) as exc:
        raise ValidationUnavailable(f"{path} does not parse: {clip(' '.join(str(exc).split()), 300)}",
                                    "run `kg build` again") from exc


def _article_iri(project: Project) -> Callable[[str], str]:
    """The IRI of the article whose own nodes a graph holds (<base>article/x for <base>graph/x)."""
    graphs = project.base + "graph/"
    return lambda graph: project.base + "article/" + graph.removeprefix(graphs)


def _survey(unit: Unit, cache: EntryCache, article: str, lends: Callable[[str], bool]) -> Entry | KgError:
    try:
        entry, lines = survey(_read(unit.path), article, lends)
    except KgError as exc:
        return exc
    cache.put_descriptions(unit.key, lines)
    cache.put(unit.key, entry)
    return entry


def _check(unit: Unit, lent: list[str], checker: Checker, cache: EntryCache, entry: Entry) -> Entry | KgError:
    """Check one unit with the types lent by the others; its entry with the results, saved."""
    try:
        triples = _read(unit.path)
    except KgError as exc:
        return exc
    given = parse_lines(lent)
    described = {t.subject.value for t in triples}
    results = kept(checker.check(triples, given), described, {t.subject.value for t in given})
    checked = Entry(entry.size, entry.types, entry.neighbors, entry.described, digest(lent), results)
    cache.put(unit.key, checked)
    return checked


def _checked(entry: Entry | KgError) -> Entry:
    if isinstance(entry, KgError):
        raise entry
    return entry


def _recheck(dirty: dict[str, str], holders: dict[str, dict[str, str]],
             types: Callable[[Iterable[str]], dict[str, set[str]]], cache: EntryCache,
             checker: Checker) -> dict[str, SharedRecord]:
    """One SHACL run over the merged descriptions of the `dirty` nodes (node -> key)."""
    wanted: dict[str, set[str]] = {}
    for node in dirty:
        for key in holders[node]:
            wanted.setdefault(key, set()).add(node)
    lines: dict[str, set[str]] = {node: set() for node in dirty}
    stated = dict.fromkeys(dirty, 0)
    for key, nodes in sorted(wanted.items()):
        for line in cache.descriptions(key, nodes):
            node = line[1:line.index(">")]
            lines[node].add(line)
            stated[node] += 1
    triples = parse_lines(sorted(set().union(*lines.values())))
    neighbors: dict[str, set[str]] = {node: set() for node in dirty}
    for t in triples:
        if t.predicate.value != RDF_TYPE and isinstance(t.object, ox.NamedNode) and checker.lends(t.predicate.value):
            neighbors[t.subject.value].add(t.object.value)
    every = sorted(set().union(*neighbors.values()))
    known = types(every)
    found: dict[str, list[list]] = {node: [] for node in dirty}
    for result in checker.check(triples, parse_lines(context(every, known))):
        if result.focus in found:
            found[result.focus].append(result.to_list())
    return {node: SharedRecord(key, digest(context(sorted(neighbors[node]), known)), sorted(neighbors[node]),
                               stated[node] - len(lines[node]), found[node]) for node, key in dirty.items()}


def _legacy_shared(cache: EntryCache) -> dict[str, SharedRecord]:
    """The shared nodes' records of a cache made before the index (`shared.json`), so that the
    first run after an upgrade does not check them all again."""
    try:
        old = orjson.loads((cache.folder / SHARED).read_bytes())
        return {node: SharedRecord(r["key"], r["context"], r["neighbors"], r["duplicates"], r["results"])
                for node, r in old.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


_WORK: dict[str, tuple[Callable[[Any], Any], Sequence[Any]]] = {}  # what a forked process inherits


def _map(func: Callable[[Any], Any], items: Sequence[Any], jobs: int) -> list[Any]:
    """func over items, in `jobs` forked processes when there is more than one item."""
    if jobs <= 1 or len(items) < 2:
        return [func(item) for item in items]
    _WORK["work"] = (func, items)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
            return pool.map(_call, range(len(items)), chunksize=max(1, len(items) // (jobs * 8)))
    finally:
        _WORK.clear()


def _call(index: int) -> Any:  # pragma: no cover - runs in a forked worker
    func, items = _WORK["work"]
    return func(items[index])
