"""The VoID/DCAT description written by `kg build`: it parses, and its counts, sources and
linksets match the built graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, SKOS, VOID

from kg.build.compile import BuildResult, build_to
from kg.build.describe import DESCRIPTION_FILE
from kg.link.regions import package_page
from kg.namespaces import GEO
from kg.project import Project
from tests.conftest import ARTICLE_ID


@pytest.fixture(scope="module")
def description(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("described") / "out"
    build_to(project, out)
    return Graph().parse(out / DESCRIPTION_FILE, format="turtle")


def count(graph: Graph, node: URIRef) -> int:
    return int(graph.value(node, VOID.triples))


def test_it_describes_the_dataset(description: Graph, project: Project) -> None:
    node = project.iris.dataset
    assert {VOID.Dataset, DCAT.Dataset} <= set(description.objects(node, RDF.type))
    assert description.value(node, DCTERMS.license) == URIRef(project.license)
    assert description.value(node, DCTERMS.publisher) == Literal(project.publisher)
    assert {Literal(project.title, lang="id"), Literal(project.title_en, lang="en")} == set(
        description.objects(node, DCTERMS.title))
    assert description.value(node, DCTERMS.description) is not None
    sources = set(description.objects(node, DCTERMS.source))
    assert sources == {project.iris.article(ARTICLE_ID), package_page()}
    assert project.iris.entity("jawa-timur") in set(description.objects(node, VOID.exampleResource))
    assert len(set(description.objects(node, DCAT.distribution))) == 5


def test_its_counts_match_the_graph(description: Graph, built: BuildResult, project: Project) -> None:
    sizes = {g.identifier: len(g) for g in built.dataset.graphs() if len(g)}
    assert count(description, project.iris.dataset) == sum(sizes.values())
    subsets = set(description.objects(project.iris.dataset, VOID.subset))
    for name, size in sizes.items():
        assert name in subsets and count(description, name) == size


def test_its_linksets_match_their_links(description: Graph, built: BuildResult, project: Project) -> None:
    linksets = set(description.subjects(RDF.type, VOID.Linkset))
    regions = ("regions-bps", "regions-geonames", "regions-iso3166-2", "regions-point", "regions-wikidata")
    assert linksets == {project.iris.linkset(name) for name in ("regions", "identifiers-wikidata",
                                                                "identifiers-geonames", *regions)}
    # The region identifiers state codes (skos:notation) and points (geo:lat_long) beside links.
    predicates = {"regions-bps": SKOS.notation, "regions-iso3166-2": SKOS.notation, "regions-point": GEO.lat_long}
    for linkset in linksets:
        name = str(linkset).rsplit("/", 1)[-1]
        links = built.dataset.graph(project.iris.linkset_graph(name))
        predicate = predicates.get(name, SKOS.exactMatch)
        assert count(description, linkset) == len(list(links.subject_objects(predicate))) > 0
        assert description.value(linkset, VOID.subjectsTarget) == project.iris.dataset
        assert description.value(linkset, VOID.linkPredicate) == predicate
    regions = project.iris.linkset("regions")
    assert description.value(regions, VOID.objectsTarget) == project.iris.regions_graph
    assert count(description, regions) == 10


def test_it_is_byte_stable(project: Project, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    build_to(project, first)
    build_to(project, second)
    assert (first / DESCRIPTION_FILE).read_bytes() == (second / DESCRIPTION_FILE).read_bytes()
