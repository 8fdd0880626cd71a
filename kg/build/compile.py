"""Sources to graph: the ontology, the curated gazetteer and each article's YAML become one
RDF dataset with a named graph per article, every article fact backed by a statement whose
evidence is a Web Annotation on the exact words of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from kg.build.describe import DESCRIPTION_FILE, describe
from kg.build.emit import Emitter
from kg.build.generations import locked, new_generation, publish
from kg.build.serialize import render_all, write_outputs
from kg.build.store import STAMP_FILE, STORE_DIR, persist
from kg.build.summary import Summary, summarize
from kg.build.values import BuildWarning
from kg.errors import Location, SourceError
from kg.link.linksets import load_linksets
from kg.link.regions import regions_graph
from kg.namespaces import KG, ONTOLOGY_IRI
from kg.project import Project
from kg.source.files import declare, read_article, read_places

__all__ = ["BuildResult", "BuildWarning", "build", "build_to", "compile_dataset"]


@dataclass
class BuildResult:
    """The built dataset and what the build noticed on the way."""

    dataset: Dataset
    articles: list[str]
    warnings: list[BuildWarning] = field(default_factory=list)


def build(project: Project) -> BuildResult:
    """Compile ontology/ and data/ into a dataset; raise SourceError on the first bad input."""
    ontology = _load_ontology(project.ontology_file)
    sources = [read_places(project.places_file)] if project.places_file.exists() else []
    sources += [read_article(path) for path in project.article_files]
    registry = declare(sources)
    dataset = Dataset()
    dataset.graph(ONTOLOGY_IRI).__iadd__(ontology)
    cues = {str(s).rsplit("#", 1)[-1]: [str(o).lower() for o in ontology.objects(s, KG.cue)]
            for s in ontology.subjects(KG.cue, None)}
    result = BuildResult(dataset, [])
    for source in sources:
        Emitter(project.iris, dataset, registry, source, cues, result.warnings).emit()
        if source.article is not None:
            result.articles.append(source.article["id"])
    # Reference data beside the articles: the region dataset and the linksets into it and others.
    dataset.graph(project.iris.regions_graph).__iadd__(regions_graph(project.iris))
    for name, graph in load_linksets(project, set(registry)).items():
        dataset.graph(project.iris.linkset_graph(name)).__iadd__(graph)
    return result


def compile_dataset(project: Project) -> tuple[Dataset, list[str]]:
    """The compiled dataset and its article ids, for stages that reconcile it (`kg link`)."""
    result = build(project)
    return result.dataset, result.articles


def build_to(project: Project, out_dir: Path) -> tuple[BuildResult, Summary]:
    """`kg build`: compile, then write every serialisation, the summary and the query store as a
    new generation of out_dir, published in one atomic step (kg/build/generations.py).

    Everything is compiled and checked first, so bad input never touches out_dir; a failure
    while writing leaves the previous generation as it was.
    """
    with locked(out_dir):
        result = build(project)
        graphs = [project.iris.article_graph(ident) for ident in result.articles]
        summary = summarize(result.dataset, graphs)
        rendered = render_all(result.dataset, project.base)
        description = describe(result.dataset, project, result.articles).serialize(format="turtle").encode("utf-8")
        extra = {"summary.json": summary.to_json(), DESCRIPTION_FILE: description}
        with new_generation(out_dir) as folder:
            written = write_outputs(rendered, folder, extra)
            persist(project, rendered["nq"], rendered["nt"], folder)
            publish(out_dir, folder, sorted([*(p.name for p in written), STORE_DIR, STAMP_FILE]))
    return result, summary


def _load_ontology(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise SourceError(Location(path), f"the ontology does not parse: {exc}") from exc
    return graph
