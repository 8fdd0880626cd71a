"""The gazetteer of the next ingest is the built graph (labels, aliases, known_as) and the
curated places: accepted entities come back with their ids."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.draft import propose, read_cues
from kg.ingest.gazetteer import known_names
from kg.project import Project


def test_names_of_the_built_graph_and_places_with_their_ids(project: Project, built_out: Path) -> None:
    known = known_names(project, built_out / "graph.nq")
    assert known["Pemprov Jatim"] == ("pemprov-jatim", "ProvincialGovernment")  # a known_as
    assert known["Lazada Indonesia"] == ("lazada-indonesia", "Company")  # its own entity: the article names both
    assert known["Kabupaten Sidoarjo"] == ("sidoarjo", "Regency")  # data/places.yaml


def test_a_new_text_reuses_the_graph_ids(project: Project, built_out: Path) -> None:
    known = known_names(project, built_out / "graph.nq")
    text = "SURABAYA, CONTOH.COM - Pemprov Jatim akan bekerja sama dengan Lazada Indonesia.\n"
    found = propose(text, known, read_cues(project.ontology_file))
    (collaboration,) = [i for i in found.items.values() if i.type == "Collaboration"]
    assert [v.value for v in collaboration.fields["participants"]] == ["pemprov-jatim", "lazada-indonesia"]
    assert collaboration.fields["status"][0].value == "planned"
