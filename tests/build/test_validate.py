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
from kg.namespaces import KG, NIF, OA, SCHEMA
from kg.project import Project
from tests.conftest import ARTICLE_ID


def copy_dataset(built: BuildResult) -> Dataset:
    dataset = Dataset()
    for quad in built.dataset.quads((None, None, None, None)):
        dataset.add(quad)
    return dataset


def tamper(built: BuildResult, cls: URIRef, predicate: URIRef, change, quoting: URIRef | None = None) -> Dataset:
    """A copy of the dataset with one value of the first `cls` node's `predicate` changed (first
    by IRI: rdflib's own order follows the hash seed, so each run would tamper another node);
    with `quoting`, the first of the selectors on a text of that class (an article, the source note)."""
    dataset = copy_dataset(built)
    nodes = [s for s, _, _, _ in dataset.quads((None, RDF.type, cls, None))]
    node = min(n for n in nodes if quoting is None or quoting in _quoted_kinds(dataset, n))
    _, _, old, graph = next(dataset.quads((node, predicate, None, None)))
    dataset.remove((node, predicate, old, graph))
    dataset.add((node, predicate, change(old), graph))
    return dataset


def _quoted_kinds(dataset: Dataset, selector: URIRef) -> set[URIRef]:
    """The classes of the texts a selector's targets quote."""
    sources = {o for t, _, _, _ in dataset.quads((None, OA.hasSelector, selector, None))
               for _, _, o, _ in dataset.quads((t, OA.hasSource, None, None))}
    return {o for source in sources for _, _, o, _ in dataset.quads((source, RDF.type, None, None))}


def one_further(start: Literal) -> Literal:
    return Literal(int(start) + 1, datatype=XSD.nonNegativeInteger)


def test_the_built_graph_conforms(built: BuildResult, project: Project) -> None:
    report = validate(built.dataset, project.shapes_file)
    assert report.conforms, [str(v) for v in report.violations]
    assert report.violations == []


@pytest.mark.parametrize("quoting", [SCHEMA.NewsArticle, KG.SourceNote], ids=["article-text", "source-note"])
def test_moved_offsets_are_caught(built: BuildResult, project: Project, quoting: URIRef) -> None:
    """A moved offset is reported on the text it quotes: the article's, or the source note's (the
    publication date's evidence), whose text the graph holds for this check."""
    dataset = tamper(built, OA.TextPositionSelector, OA.start, one_further, quoting)
    report = validate(dataset, project.shapes_file, project.base)
    assert not report.conforms
    iris = project.iris
    text = iris.source_note(ARTICLE_ID) if quoting == KG.SourceNote else iris.article(ARTICLE_ID)
    assert [v.focus for v in report.violations
            if v.message == "a quoted piece of evidence is not in the text it quotes at its offsets"] == [str(text)]


def test_evidence_on_a_text_the_graph_lacks_is_caught(built: BuildResult, project: Project) -> None:
    """Without the source note's text its offsets could not be checked: that is a violation too."""
    dataset = copy_dataset(built)
    note = project.iris.source_note(ARTICLE_ID)
    for quad in list(dataset.quads((note, NIF.isString, None, None))):
        dataset.remove(quad)
    report = validate(dataset, project.shapes_file, project.base)
    assert not report.conforms
    assert {v.message for v in report.violations} == {"the text a piece of evidence quotes is in the graph"}
    targets = {str(t) for t, _, _, _ in dataset.quads((None, OA.hasSource, note, None))}
    assert targets and {v.focus for v in report.violations} == targets


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


def test_cli_names_a_moved_offset_in_the_source_note(project: Project, tmp_path: Path) -> None:
    """`kg validate` on a built folder, its cached results first: a source note's offset moved
    in the article's graph file is reported on the note, with the words it no longer finds."""
    runner = CliRunner()
    out = tmp_path / "out"
    args = ["--project", str(project.root), "--out", str(out)]
    assert runner.invoke(main, ["build", *args]).exit_code == 0
    assert runner.invoke(main, ["validate", *args]).exit_code == 0
    graph = out / "graphs" / f"{ARTICLE_ID}.nq"
    start = re.compile(r'(/source-note/evidence/\d+-\d+#position> <http://www.w3.org/ns/oa#start> ")(\d+)"')
    text, moved = start.subn(lambda m: f'{m[1]}{int(m[2]) + 1}"', graph.read_text(encoding="utf-8"), count=1)
    assert moved == 1
    graph.write_text(text, encoding="utf-8")
    bad = runner.invoke(main, ["validate", *args])
    assert bad.exit_code == 1, bad.output
    assert (f"Violation: {project.iris.source_note(ARTICLE_ID)}: a quoted piece of evidence is not in the text "
            "it quotes at its offsets (value: Published: Tuesday 9 August 2022.)") in bad.stdout.splitlines()


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
