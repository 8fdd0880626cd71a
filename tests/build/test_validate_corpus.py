"""`kg validate` graph by graph: the same report as one pySHACL run over the whole merged graph,
results reused from the cache for graphs that did not change, and violations that only show
across articles still caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from benchmarks.corpus import write_project
from kg.build import assemble
from kg.build.compile import build_to
from kg.build.validate import Report, load_built, validate, validate_built
from kg.project import Project, open_project
from tests.conftest import ROOT


def whole(project: Project, out: Path) -> Report:
    """The reference: one pySHACL run over every graph the build wrote, merged."""
    return validate(load_built(out), project.shapes_file, project.base)


def units(out: Path) -> int:
    """How many units a run from nothing checks: every graph file (or shard) but the ontology."""
    return len(list((out / "graphs").rglob("*.nq"))) - 1


def same(report: Report, reference: Report) -> None:
    assert [str(v) for v in report.violations] == [str(v) for v in reference.violations]
    assert (report.conforms, report.triples) == (reference.conforms, reference.triples)


@pytest.mark.parametrize("folder", [ROOT, ROOT / "examples" / "dev-corpus", ROOT / "examples" / "heldout",
                                    ROOT / "examples" / "heldout2", ROOT / "examples" / "heldout3",
                                    ROOT / "examples" / "heldout4", ROOT / "examples" / "heldout5",
                                    ROOT / "examples" / "heldout6", ROOT / "examples" / "heldout7",
                                    ROOT / "examples" / "heldout8", ROOT / "examples" / "heldout9",
                                    ROOT / "examples" / "heldout10", ROOT / "examples" / "heldout11",
                                    ROOT / "examples" / "heldout12", ROOT / "examples" / "heldout13",
                                    ROOT / "examples" / "heldout14", ROOT / "examples" / "heldout15",
                                    ROOT / "examples" / "heldout16", ROOT / "examples" / "heldout17",
                                    ROOT / "examples" / "heldout18", ROOT / "examples" / "heldout19",
                                    ROOT / "examples" / "heldout20"],
                         ids=["seed", "dev-corpus", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                              "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                              "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
                              "heldout18", "heldout19", "heldout20"])
def test_reports_match_the_whole_graph_run(folder: Path, tmp_path: Path) -> None:
    project, out = open_project(folder), tmp_path / "out"
    build_to(project, out)
    report = validate_built(project, out)
    same(report, whole(project, out))
    assert report.conforms and report.graphs_checked > 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six generated articles whose recurring collaborations change status between articles."""
    folder = tmp_path_factory.mktemp("corpus")
    write_project(folder, 6, seed=5)
    return folder


def test_cross_article_violations_are_caught(tmp_path: Path) -> None:
    """Two articles that give lazada different Indonesian labels each hold one: only the merged
    graph breaks the one-label shape (sh:maxCount 1), and graph by graph finds it too."""
    from tests.build.test_many_articles import make_project

    root = make_project(tmp_path / "p", ["uji-2023-01-10-rencana"])
    text = "SURABAYA, Minggu (5/3/2023) - Lazada Indonesia menggelar pelatihan digital.\n"
    (root / "data" / "articles" / "uji-2023-03-05-lain.txt").write_text(text, encoding="utf-8")
    (root / "data" / "articles" / "uji-2023-03-05-lain.yaml").write_text("""\
article:
  id: uji-2023-03-05-lain
  text: uji-2023-03-05-lain.txt
  language: id
  published: 2023-03-05
entities:
  - id: lazada
    type: Company
    label: Lazada Indonesia
    evidence: "Lazada Indonesia"
""", encoding="utf-8")
    project, out = open_project(root), tmp_path / "out"
    build_to(project, out)
    report = validate_built(project, out, jobs=2)
    same(report, whole(project, out))
    assert report.shared_checked > 0
    labels = [v for v in report.violations if v.focus == "id:lazada" and v.path == "rdfs:label"]
    assert labels
    holders = [p for p in (out / "graphs").glob("*.nq") if "/id/lazada> <http://www.w3.org/2000/01/rdf-schema#label>"
               in p.read_text(encoding="utf-8")]
    assert len(holders) == 2  # the violation exists in no single graph


def test_unchanged_graphs_come_from_the_cache_and_a_changed_one_is_checked_again(corpus: Path, tmp_path: Path) -> None:
    shutil.copytree(corpus, tmp_path / "project")
    project, out = open_project(tmp_path / "project"), tmp_path / "out"
    build_to(project, out)
    first = validate_built(project, out)
    assert first.graphs_checked == units(out)
    again = validate_built(project, out)
    assert (again.graphs_checked, again.shared_checked) == (0, 0)
    same(again, first)
    text = sorted((project.root / "data" / "articles").glob("*.txt"))[0]
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_to(project, out)
    changed = validate_built(project, out)
    assert 1 <= changed.graphs_checked <= 2  # the article's graph, and the curated graph it adds to
    same(changed, whole(project, out))


def test_a_new_shapes_file_checks_everything_again(corpus: Path, tmp_path: Path) -> None:
    shutil.copytree(corpus, tmp_path / "project")
    project, out = open_project(tmp_path / "project"), tmp_path / "out"
    build_to(project, out)
    validate_built(project, out)
    shapes = project.shapes_file
    shapes.write_text(shapes.read_text(encoding="utf-8").replace(
        'sh:path kg:status ; sh:minCount 1 ; sh:maxCount 1 ;', 'sh:path kg:status ; sh:minCount 1 ;'), encoding="utf-8")
    report = validate_built(project, out)
    assert report.graphs_checked == units(out)
    assert not any(v.path == "kg:status" for v in report.violations)
    same(report, whole(project, out))


def _fresh(project: Project, out: Path) -> Report:
    """The report from nothing cached: the validation cache moved aside and put back."""
    cache = out / "generations" / "cache" / "validation"
    aside = out.parent / "validation-aside"
    cache.rename(aside)
    try:
        return validate_built(project, out)
    finally:
        shutil.rmtree(cache)
        aside.rename(cache)


@pytest.fixture(params=["one", "several"])
def curated_shards(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """The curated graph in one file, or in 8 shards (as at scale, where it is 16 MB in 256)."""
    shards = 1 if request.param == "one" else 8
    monkeypatch.setattr(assemble, "curated_shards", lambda articles: shards)
    return shards


def test_the_kept_index_gives_the_report_made_from_nothing_after_each_edit(corpus: Path, tmp_path: Path,
                                                                          curated_shards: int) -> None:
    """Add a copy, add an article of new entities, remove one, change a text, remove the other,
    remove an article whose collaborations recur: after each, the index brought up to date by the
    units that came and left reports what a run from an empty cache reports."""
    from benchmarks.build_bench import add_copy, add_new, change_text, remove_copy, remove_new

    shutil.copytree(corpus, tmp_path / "project")
    project, out = open_project(tmp_path / "project"), tmp_path / "out"
    build_to(project, out)
    validate_built(project, out)
    first = sorted((project.root / "data" / "articles").glob("*.yaml"))[1]
    steps = [add_copy, add_new, remove_copy, change_text, remove_new,
             lambda root: [first.unlink(), first.with_suffix(".txt").unlink()]]
    for step in steps:
        step(project.root)
        build_to(project, out)
        kept = validate_built(project, out)
        same(kept, _fresh(project, out))
        assert kept.graphs_checked < units(out)
        assert 1 <= len(list((out / "graphs" / "curated").glob("*.nq"))) <= curated_shards
    same(kept, whole(project, out))


def test_an_article_of_new_entities_checks_the_curated_shards_they_fall_in(corpus: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The curated graph in shards: a new article's entities re-check the shards they fall in
    (and the corpus graph's shards that count its facts), not every shard."""
    from benchmarks.build_bench import add_new

    monkeypatch.setattr(assemble, "curated_shards", lambda articles: 64)
    shutil.copytree(corpus, tmp_path / "project")
    project, out = open_project(tmp_path / "project"), tmp_path / "out"
    build_to(project, out)
    validate_built(project, out)
    before = {**_digests(out, "curated"), **_digests(out, "corpus")}
    add_new(project.root)
    build_to(project, out)
    report = validate_built(project, out)
    same(report, whole(project, out))
    after = _digests(out, "curated")
    changed = {name for name, digest in after.items() if before.get(name) != digest}
    assert 1 < len(changed) < len(after) // 2  # a few shards written again, most kept
    corpus_changed = {n for n, d in _digests(out, "corpus").items() if before.get(n) != d}
    assert report.graphs_checked <= len(changed) + 1 + len(corpus_changed)  # and the new article's graph


def _digests(out: Path, graph: str) -> dict[str, str]:
    """The manifest digest of each shard of a sharded graph in the current generation."""
    manifest = json.loads((out / "generations" / "current" / "manifest.json").read_text(encoding="utf-8"))
    return {unit: entry["digest"] for unit, entry in manifest.items() if entry["file"].startswith(f"{graph}/")}
