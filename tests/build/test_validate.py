"""SHACL validation: the built graph conforms; broken graphs do not; exit codes 0 / 1 / 2."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.build.compile import BuildResult
from kg.build.validate import validate
from kg.cli import main
from kg.namespaces import KG, NIF, OA
from kg.project import Project


def copy_dataset(built: BuildResult) -> Dataset:
    dataset = Dataset()
    for quad in built.dataset.quads((None, None, None, None)):
        dataset.add(quad)
    return dataset


def tamper(built: BuildResult, cls: URIRef, predicate: URIRef, change) -> Dataset:
    """A copy of the dataset with one value of the first `cls` node's `predicate` changed (first
    by IRI: rdflib's own order follows the hash seed, so each run would tamper another node)."""
    dataset = copy_dataset(built)
    node = min(s for s, _, _, _ in dataset.quads((None, RDF.type, cls, None)))
    _, _, old, graph = next(dataset.quads((node, predicate, None, None)))
    dataset.remove((node, predicate, old, graph))
    dataset.add((node, predicate, change(old), graph))
    return dataset


def test_the_built_graph_conforms(built: BuildResult, project: Project) -> None:
    report = validate(built.dataset, project.shapes_file)
    assert report.conforms, [str(v) for v in report.violations]
    assert report.violations == []


def test_moved_offsets_are_caught(built: BuildResult, project: Project) -> None:
    dataset = tamper(built, OA.TextPositionSelector, OA.start,
                     lambda start: Literal(int(start) + 1, datatype=XSD.nonNegativeInteger))
    report = validate(dataset, project.shapes_file)
    assert not report.conforms
    assert any("not in the article text at its offsets" in v.message for v in report.violations)


def test_edited_sentence_is_caught(built: BuildResult, project: Project) -> None:
    dataset = tamper(built, NIF.Sentence, NIF.anchorOf, lambda anchor: Literal(str(anchor) + "!"))
    assert any("sentence differs" in v.message for v in validate(dataset, project.shapes_file).violations)


def test_collaboration_without_status_and_a_quote_without_speaker(built: BuildResult, project: Project) -> None:
    dataset = copy_dataset(built)
    collaboration = URIRef(project.base + "kolaborasi-jatim-lazada")
    quote = URIRef(project.base + "haikal-akar-digital")
    for s, p in ((collaboration, KG.status), (quote, KG.speaker)):
        for quad in list(dataset.quads((s, p, None, None))):
            dataset.remove(quad)
    report = validate(dataset, project.shapes_file, project.base)
    assert not report.conforms
    messages = {(v.focus.removeprefix("id:"), v.message) for v in report.violations}
    assert ("kolaborasi-jatim-lazada", "a collaboration has exactly one status from the code list (its preferred one: "
            "none when no article gives one, or when the latest sources disagree: see the conflicts query)") in messages
    speaker = "what was said has exactly one speaker, a person, an organisation or a group"
    assert ("haikal-akar-digital", speaker) in messages


def test_cli_exit_codes(project: Project, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    missing = runner.invoke(main, ["validate", "--project", str(project.root), "--out", str(out)])
    assert missing.exit_code == 2
    assert "no built graph" in missing.stderr and "run `kg build` first" in missing.stderr
    assert runner.invoke(main, ["build", "--project", str(project.root), "--out", str(out)]).exit_code == 0
    good = runner.invoke(main, ["validate", "--project", str(project.root), "--out", str(out)])
    assert good.exit_code == 0, good.output
    assert re.match(r"conforms: \d+ triples checked", good.stdout)
    graph = out / "graphs" / "corpus" / "000.nq"  # where the preferred status is stated (one shard: one article)
    status = "<https://w3id.org/ekodigi/def#status> <https://w3id.org/ekodigi/def#"
    graph.write_text(graph.read_text(encoding="utf-8").replace(status + "planned>", status + "maybe>", 1),
                     encoding="utf-8")
    bad = runner.invoke(main, ["validate", "--project", str(project.root), "--out", str(out)])
    assert bad.exit_code == 1
    assert "Violation: id:kolaborasi-" in bad.stdout and "kg:status" in bad.stdout
    graph.write_text("this is not N-Quads", encoding="utf-8")
    broken = runner.invoke(main, ["validate", "--project", str(project.root), "--out", str(out)])
    assert broken.exit_code == 2


@pytest.fixture
def broken_shapes(project_copy: Path) -> Path:
    (project_copy / "ontology" / "shapes.ttl").write_text("@prefix sh: <oops", encoding="utf-8")
    return project_copy


def test_unreadable_shapes_cannot_run(broken_shapes: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--project", str(broken_shapes), "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["validate", "--project", str(broken_shapes), "--out", str(out)])
    assert result.exit_code == 2
    assert "shapes.ttl does not parse" in result.stderr
    shutil.rmtree(out)
