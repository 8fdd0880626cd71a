"""Sources to graph: the ontology, the curated gazetteer and each article's YAML become an RDF
dataset with a named graph per article, every article fact backed by a statement whose
evidence is a Web Annotation on the exact words of the article.

`build_to` is `kg build`: sources compiled one by one and cached (kg/build/corpus.py), a new
generation written from them (kg/build/assemble.py) and published atomically
(kg/build/generations.py). `build` gives the same dataset in memory, for small projects.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import RDF, VOID

from kg import __version__
from kg.build.assemble import write_generation
from kg.build.corpus import Compiled, Progress, compile_corpus
from kg.build.describe import DESCRIPTION_FILE, describe, turtle
from kg.build.diff import CHANGES_JSON, CHANGES_NQ, Diff, record
from kg.build.gc_policy import few_collections
from kg.build.generations import GENERATIONS, current, locked, new_generation, next_name, publish
from kg.build.parts import PartCache
from kg.build.store import STAMP_FILE, input_files, write_stamp
from kg.build.summary import Summary
from kg.build.values import BuildWarning
from kg.errors import Location
from kg.link.regions import package_version
from kg.project import Project
from kg.rdfio import to_rdflib

__all__ = ["BuildReport", "BuildResult", "BuildWarning", "build", "build_to", "compile_dataset"]
CACHE = "cache"
REPORT_FILE = "report.json"  # what the build said, so that a build with nothing changed says it again


@dataclass
class BuildResult:
    """The built dataset and what the build noticed on the way."""

    dataset: Dataset
    articles: list[str]
    warnings: list[BuildWarning] = field(default_factory=list)


@dataclass(frozen=True)
class BuildReport:
    """What `kg build` did: the articles, warnings, and how much it had to redo."""

    articles: list[str]
    warnings: list[BuildWarning]
    sources: int
    compiled: int
    changed: int
    removed: int
    generation: Path
    changes: Diff | None  # against the generation shown before; None for the first build


def build(project: Project) -> BuildResult:
    """Compile ontology/ and data/ into a dataset in memory; raise SourceError on the first bad input."""
    with tempfile.TemporaryDirectory() as folder:
        cache = PartCache(Path(folder))
        compiled = compile_corpus(project, cache)
        dataset = Dataset()
        for part in compiled.all_parts():
            data = cache.quads_file(part.key).read_bytes()
            if data:
                dataset.parse(data=data.decode("utf-8"), format="nquads")
    return BuildResult(dataset, compiled.articles, compiled.warnings)


def compile_dataset(project: Project) -> tuple[Dataset, list[str]]:
    """The compiled dataset and its article ids, for stages that reconcile it (`kg link`)."""
    result = build(project)
    return result.dataset, result.articles


def build_to(project: Project, out_dir: Path, formats: list[str] | None = None, full: bool = False,
             progress: Progress | None = None, jobs: int | None = None) -> tuple[BuildReport, Summary]:
    """`kg build`: compile what changed, write a new generation of out_dir, publish it atomically.

    Everything is compiled and checked first, so bad input never touches the published outputs;
    a failure while writing leaves the previous generation as it was. `full` compiles every
    source and writes every graph again, ignoring the cache and the previous generation. `jobs`
    processes compile at once (default: one per processor).
    """
    formats = formats if formats is not None else project.formats
    with locked(out_dir), few_collections():
        previous = None if full else current(out_dir)
        # Before reading: an edit during the build makes the result stale.
        inputs = input_files(project, previous)
        if previous is not None and (kept := _unchanged(project, previous, inputs, formats)) is not None:
            return kept
        cache = PartCache(out_dir / GENERATIONS / CACHE)
        cache.folder.mkdir(exist_ok=True)
        if full:
            cache.prune(set())
        compiled = compile_corpus(project, cache, progress, jobs or os.cpu_count() or 1, inputs)
        with new_generation(out_dir) as folder:
            written = write_generation(project, compiled, cache, folder, previous, formats, progress)
            summary = written.census.summary(len(compiled.articles))
            description = describe(written.census, _linksets(cache, compiled), project, compiled.articles, formats)
            (folder / "summary.json").write_bytes(summary.to_json())
            (folder / DESCRIPTION_FILE).write_bytes(turtle(description, project.base))
            write_stamp(project, folder, inputs)
            _write_report(project, folder, compiled, formats)
            changes = record(out_dir, folder, next_name(out_dir))
            kept = [CHANGES_JSON, CHANGES_NQ] if changes is not None else []
            names = sorted([*written.names, *kept, "summary.json", DESCRIPTION_FILE, STAMP_FILE])
            generation = publish(out_dir, folder, names)
        cache.prune({part.key for part in compiled.all_parts()})
        cache.keep_catalogue(compiled.all_parts(), compiled.declared)
    report = BuildReport(compiled.articles, compiled.warnings, len(compiled.parts), compiled.compiled,
                         written.changed, written.removed, generation, changes)
    return report, summary


def _write_report(project: Project, folder: Path, compiled: Compiled, formats: list[str]) -> None:
    """report.json: the articles, the sources, the warnings, the formats and the region release of
    a generation, all a build that finds nothing changed needs to say what this one said."""
    warnings = [[_relative(w.location.file, project.root), w.location.line, w.location.field, w.message]
                for w in compiled.warnings]
    said = {"articles": compiled.articles, "formats": list(formats), "regions": package_version(),
            "sources": len(compiled.parts), "warnings": warnings}
    (folder / REPORT_FILE).write_bytes((json.dumps(said, indent=1, sort_keys=True) + "\n").encode())


def _unchanged(project: Project, shown: Path, inputs: dict[str, list], formats: list[str]
               ) -> tuple[BuildReport, Summary] | None:
    """The shown generation's report and summary when every input is the one it was built from
    (the same size, time and hash of every file, as its stamp records), with the same kg, base,
    formats and region release: then a build has nothing to do, and publishes nothing. None
    when anything differs (or the generation predates report.json)."""
    try:
        stamp = json.loads((shown / STAMP_FILE).read_bytes())
        said = json.loads((shown / REPORT_FILE).read_bytes())
        summary = Summary(**json.loads((shown / "summary.json").read_bytes()))
    except (OSError, ValueError, TypeError):
        return None
    if not (stamp.get("base") == project.base and stamp.get("kg") == __version__ and stamp.get("files") == inputs
            and said.get("formats") == list(formats) and said.get("regions") == package_version()):
        return None
    warnings = [BuildWarning(Location(project.root / file, line, field), message)
                for file, line, field, message in said["warnings"]]
    nothing = Diff(shown.name, shown.name, project.base, {}, {})
    return BuildReport(said["articles"], warnings, said["sources"], 0, 0, 0, shown, nothing), summary


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _linksets(cache: PartCache, compiled: Compiled) -> Graph:
    """The linksets' own descriptions (not their links), for void.ttl: read with pyoxigraph, as
    the identifier linksets hold tens of thousands of links that rdflib would parse slowly."""
    import pyoxigraph as ox

    linkset_type = ox.NamedNode(str(VOID.Linkset))
    kind = ox.NamedNode(str(RDF.type))
    quads = [quad for part in compiled.shared if part.source.startswith("linkset ")
             for quad in ox.parse(path=str(cache.quads_file(part.key)), format=ox.RdfFormat.N_QUADS)]
    described = {quad.subject for quad in quads if quad.predicate == kind and quad.object == linkset_type}
    return to_rdflib(quad.triple for quad in quads if quad.subject in described)
