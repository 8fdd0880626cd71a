"""Writing one generation from compiled parts: a file per named graph, the whole-corpus formats
asked for, the census behind the summary and the VoID description, and the query store.

Each graph's file is named in the generation's manifest with a digest of the parts it was made
from (the corpus graph and the curated graph are written in shards, `graphs/corpus/<shard>.nq`,
`graphs/curated/<shard>.nq`, each its own entry, keyed `IRI SHARD`: one article changes the few
shards its facts and entities fall in; each file's census is kept in the cache under its
digest); a file whose digest has not changed since the previous generation is hard-linked from
it, not written again, and the store is the previous one (copied by hard links) with only the
lines that left or came in the changed graphs removed or added. `--full` ignores the previous
generation: both paths give the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import json
import os
import resource
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.censuses import GraphCensuses, distinct, unit_digest
from kg.build.corpus import Compiled, Progress
from kg.build.parts import Part, PartCache, buckets_of, shard_of
from kg.build.serialize import GRAPH_BASENAME, jsonld_from_nquads
from kg.build.store import STORE_DIR, load_store, update_store, without_graph
from kg.build.summary import Census
from kg.build.tallies import shard_count
from kg.namespaces import ONTOLOGY_IRI, PREFIXES
from kg.project import Project

GRAPHS = "graphs"
MANIFEST = "manifest.json"
CENSUS = "census.json"


@dataclass(frozen=True)
class Written:
    """What a generation holds, for the summary, the description and the next build."""

    census: Census
    names: list[str]
    changed: int
    removed: int


def write_generation(project: Project, compiled: Compiled, cache: PartCache, folder: Path, previous: Path | None,
                     formats: list[str], progress: Progress | None = None) -> Written:
    """Write the graphs, the formats and the store of one generation into `folder`."""
    base = project.base
    articles = {str(project.iris.article_graph(a)) for a in compiled.articles}
    curated = (str(project.iris.curated_graph), curated_shards(len(compiled.articles)))
    sources = _contributions(compiled.all_parts(), curated)
    old = _manifest(previous)
    manifest, changed = {}, {}
    censuses = GraphCensuses(cache.folder, base)
    (folder / GRAPHS).mkdir()
    made = {folder / GRAPHS}
    for number, unit in enumerate(sorted(sources), start=1):
        iri = unit_graph(unit)
        digest = unit_digest(unit, iri, sources[unit])
        name = _file_name(unit, base)
        if (parent := (folder / GRAPHS / name).parent) not in made:
            parent.mkdir(exist_ok=True)
            made.add(parent)
        entry = old.get(unit)
        if previous is not None and entry and entry["digest"] == digest:
            os.link(previous / GRAPHS / (entry["file"] + ".nq"), folder / GRAPHS / (name + ".nq"))
        else:
            lines = _lines(cache, unit, sources[unit], curated)
            (folder / GRAPHS / (name + ".nq")).write_bytes(("\n".join(lines) + "\n").encode() if lines else b"")
            if iri not in articles or not censuses.has(digest):  # an article's was counted as it compiled
                censuses.write(digest, iri, lines, iri in articles)
            changed[unit] = folder / GRAPHS / (name + ".nq")
        manifest[unit] = {"digest": digest, "file": name}
        if progress:
            progress("writing graphs", number, len(sources))
    removed = [unit for unit in old if unit not in manifest]
    census = _census(censuses, folder, previous, manifest, old, list(changed), removed, articles)
    censuses.prune({entry["digest"] for entry in [*manifest.values(), *old.values()]})
    if progress:
        progress("loading the store", 0, 1)
    same = previous is not None and not changed and not removed
    names = _reuse_formats(previous, folder, formats) if same and previous is not None else None
    graph_files = [folder / GRAPHS / (manifest[unit]["file"] + ".nq") for unit in sorted(manifest)]
    files = {unit: (_graph_file(previous, old.get(unit)), changed.get(unit)) for unit in [*removed, *changed]}
    if previous is not None and (previous / STORE_DIR).is_dir() and _small(files, graph_files):
        update_store(previous / STORE_DIR, folder, files, {unit_graph(u) for u in old},
                     {unit_graph(u) for u in manifest})
    else:
        load_store(folder, graph_files)
    if names is None:
        names = _write_formats(folder, _write_dump(folder, by_graph(folder, manifest)), formats, base, progress) \
            if formats else []
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return Written(census, [GRAPHS, *names, STORE_DIR], len(changed), len(removed))


RELOAD_BYTES = 16 << 20  # changes larger than this, and than a tenth of all graphs, load a new store


def _small(files: dict[str, tuple[Path | None, Path | None]], graph_files: list[Path]) -> bool:
    """Whether the changed files are few enough to update the previous store line by line rather
    than load a new one: a change of layout (the corpus graph's shards, at 10,000 articles 3.4 M
    lines removed and added) took over 20 GB of memory in Oxigraph's updates, where its bulk
    loader streams."""
    size = sum(path.stat().st_size for pair in files.values() for path in pair if path is not None)
    return size <= RELOAD_BYTES or size * 10 <= sum(path.stat().st_size for path in graph_files)


def _census(censuses: GraphCensuses, folder: Path, previous: Path | None, manifest: dict[str, dict[str, str]],
            old: dict[str, dict[str, str]], changed: list[str], removed: list[str], articles: set[str]) -> Census:
    """The merged census of every graph, kept in the generation (census.json): the previous
    generation's with the censuses of the graphs that left or changed taken out and those of the
    graphs written put in, else (a first or full build) merged from every graph's."""
    start = previous / CENSUS if previous is not None and old else None
    data = start.read_bytes() if start is not None and start.is_file() else b""
    if data and Census.counted(data):
        census = Census.from_json(data)
        for unit in [*removed, *changed]:
            if unit in old:
                census.merge(_graph_census(censuses, previous, old[unit], unit, articles), -1)
        written = changed
    else:
        census, written = Census(), sorted(manifest)
    for unit in written:
        census.merge(_graph_census(censuses, folder, manifest[unit], unit, articles))
    (folder / CENSUS).write_bytes(census.to_json(counts=True))
    return census


def _graph_census(censuses: GraphCensuses, generation: Path, entry: dict[str, str], unit: str,
                  articles: set[str]) -> Census:
    iri = unit_graph(unit)
    return censuses.read(entry["digest"], iri, generation / GRAPHS / f"{entry['file']}.nq", iri in articles)


def curated_shards(articles: int) -> int:
    """How many shards the curated graph is written in: a quarter of the corpus graph's (at
    10,000 articles 256 shards of about 64 KB), one for a few articles."""
    return max(1, shard_count(articles) // 4)


def _contributions(parts: list[Part], curated: tuple[str, int]) -> dict[str, list[Part]]:
    """The parts that hold quads of each file: each shard of the corpus graph is a part of its
    own; each shard of the curated graph gathers from the parts with lines in its buckets."""
    graph_iri, shards = curated
    found: dict[str, list[Part]] = {}
    for part in parts:
        for graph, span in part.graphs.items():
            if graph == graph_iri:
                for shard in sorted({shard_of(number, shards) for number in buckets_of(span)}):
                    found.setdefault(f"{graph} {shard:03x}", []).append(part)
            else:
                found.setdefault(f"{graph} {part.shard}" if part.shard else graph, []).append(part)
    return found


def unit_graph(unit: str) -> str:
    """The graph IRI of a manifest entry: its key, or the part of `IRI SHARD` before the space."""
    return unit.split(" ", 1)[0]


def by_graph(generation: Path, manifest: dict[str, dict[str, str]]) -> dict[str, list[Path]]:
    """Each graph's files in a generation, in graph IRI order (a sharded graph's in shard order)."""
    found: dict[str, list[Path]] = {}
    for unit in sorted(manifest):
        found.setdefault(unit_graph(unit), []).append(generation / GRAPHS / (manifest[unit]["file"] + ".nq"))
    return found


def _manifest(previous: Path | None) -> dict[str, dict[str, str]]:
    if previous is None:
        return {}
    try:
        return json.loads((previous / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a generation of an older layout: write everything


def _graph_file(generation: Path, entry: dict[str, str] | None) -> Path | None:
    return generation / GRAPHS / (entry["file"] + ".nq") if entry else None


def _file_name(unit: str, base: str) -> str:
    """`tribunjatim-2022-…` for <base>graph/tribunjatim-2022-…; `links--regions` for a linkset graph;
    `corpus/0a3` for shard 0a3 of <base>graph/corpus."""
    iri, _, shard = unit.partition(" ")
    if shard:
        return f"{_file_name(iri, base)}/{shard}"
    if iri == str(ONTOLOGY_IRI):
        return "ontology"
    prefix = base + "graph/"
    if iri.startswith(prefix) and iri[len(prefix):].replace("/", "").replace("-", "").isalnum():
        return iri[len(prefix):].replace("/", "--")
    return "graph-" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def _lines(cache: PartCache, unit: str, parts: list[Part], curated: tuple[str, int]) -> list[str]:
    """One file's quads, sorted and each once, from every part that holds some."""
    graph, _, shard = unit.partition(" ")
    if graph == curated[0]:
        blocks = [cache.shard_block(part, graph, int(shard, 16), curated[1]) for part in parts]
    else:
        blocks = [cache.block(part, graph) for part in parts]
    return distinct(blocks[0] if len(blocks) == 1 else list(heapq.merge(*blocks)))


def _reuse_formats(previous: Path, folder: Path, formats: list[str]) -> list[str] | None:
    """When no graph changed, the previous generation's whole-corpus files, hard-linked; None if
    it lacks one of them (the formats asked for changed)."""
    names = [f"{GRAPH_BASENAME}.{suffix}" for suffix in formats]
    if not all((previous / name).is_file() for name in names):
        return None
    for name in names:
        os.link(previous / name, folder / name)
    return names


def _write_dump(folder: Path, graphs: dict[str, list[Path]]) -> Path:
    """graph.nq: the graphs one after the other, in graph IRI order, each sorted (a sharded graph's
    files merged line by line)."""
    dump = folder / f"{GRAPH_BASENAME}.nq"
    with dump.open("wb") as out:
        for files in graphs.values():
            if len(files) == 1:
                with files[0].open("rb") as source:
                    shutil.copyfileobj(source, out, 1 << 20)
            else:
                out.writelines(sorted_lines(files))
    return dump


def sorted_lines(files: list[Path]) -> Iterator[bytes]:
    """The lines of several sorted files (the shards of one graph) as one sorted stream."""
    _allow_open(len(files))
    with contextlib.ExitStack() as stack:
        yield from heapq.merge(*(stack.enter_context(path.open("rb")) for path in files))


def _allow_open(count: int) -> None:
    """Raise the limit of open files to hold `count` shards at once, as far as the system allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = count + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard),
                                                    hard))


def dump_generation(generation: Path, suffix: str, target: Path, base: str) -> None:
    """`kg dump`: one whole-corpus file of a built generation, made on demand from its graph files,
    byte for byte what `kg build --formats SUFFIX` writes, so that a build need not rewrite a file
    of the whole corpus each time one article changes. Made beside `target`, then renamed over it."""
    graphs = by_graph(generation, _manifest(generation))
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.") as scratch:
        folder = Path(scratch)
        made = _write_formats(folder, _write_dump(folder, graphs), [suffix], base, None)
        os.replace(folder / made[0], target)


def _write_formats(folder: Path, dump: Path, formats: list[str], base: str, progress: Progress | None) -> list[str]:
    """The whole-corpus formats asked for, from the dump (which is removed if not asked for)."""
    prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, "id": base}
    written = []
    for suffix in formats:
        if progress:
            progress(f"writing graph.{suffix}", 0, 1)
        target = folder / f"{GRAPH_BASENAME}.{suffix}"
        if suffix == "trig":
            ox.serialize(ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS), output=str(target),
                         format=ox.RdfFormat.TRIG, prefixes=prefixes)
        elif suffix in ("nt", "ttl"):
            _write_merged(dump, target, suffix, prefixes)
        elif suffix == "jsonld":
            target.write_bytes(jsonld_from_nquads(dump, base))
        written.append(target.name)
    if "nq" not in formats:
        dump.unlink()
    return written


def _write_merged(dump: Path, target: Path, suffix: str, prefixes: dict[str, str]) -> None:
    """All graphs merged, each triple once, sorted: N-Triples, or Turtle in that order."""
    with dump.open(encoding="utf-8") as lines:
        triples = sorted({without_graph(line) for line in lines})
    data = "".join(triples).encode()
    if suffix == "nt":
        target.write_bytes(data)
        return
    ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), output=str(target), format=ox.RdfFormat.TURTLE,
                 prefixes=prefixes)
