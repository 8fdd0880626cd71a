"""The synthetic corpus generator (benchmarks/corpus.py): same arguments give the same bytes,
what it writes is a complete project that `kg build` accepts without a warning and `kg
validate` passes, entities recur like real news, and collaborations change status over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Dataset

from benchmarks.corpus import main as generate
from benchmarks.corpus import write_project
from kg.build.compile import build
from kg.build.validate import validate
from kg.cli import main
from kg.namespaces import KG
from kg.project import open_project
from tests.conftest import ROOT

HUBS = ("lazada", "pemprov-jatim", "kemenkominfo", "ozora", "tribunjatim")
# Every kind of paragraph the generator writes, so the build below meets every kind of check.
KINDS = {"Study", "Finding", "NetworkingEvent", "TrainingEvent", "CoworkingSpace", "Ministry", "Team", "Initiative",
         "Hotel", "Quote", "IndirectQuote", "Post"}
NEXT = {"planned": {"ongoing", "completed", "cancelled"}, "ongoing": {"completed", "cancelled"}}


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def articles(root: Path) -> list[dict]:
    """Every article's YAML, parsed with libyaml when PyYAML has it (ten times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            for path in sorted((root / "data" / "articles").glob("*.yaml"))]


def statuses(parsed: list[dict]) -> dict[str, list[tuple[str, str]]]:
    """Each collaboration's (publication date, status) in every article that reports it, by date."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for data in parsed:
        for entity in data["entities"]:
            if entity["type"] == "Collaboration":
                found[entity["id"]].append((str(data["article"]["published"]["value"]), entity["status"]["value"]))
    return {ident: sorted(seen) for ident, seen in found.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "c200"
    write_project(out, 200, seed=7)
    return out


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> list[dict]:
    return articles(corpus)


def test_same_arguments_same_bytes(corpus: Path, tmp_path: Path) -> None:
    generate(["--articles", "200", "--seed", "7", "--out", str(tmp_path / "again")])
    assert tree(tmp_path / "again") == tree(corpus)
    write_project(tmp_path / "other", 200, seed=8)
    assert tree(tmp_path / "other") != tree(corpus)


def test_a_complete_self_contained_project(corpus: Path, parsed: list[dict]) -> None:
    for name in ("kg.ttl", "shapes.ttl"):
        assert (corpus / "ontology" / name).read_bytes() == (ROOT / "ontology" / name).read_bytes()
    assert tree(corpus / "queries") == tree(ROOT / "queries")
    assert (corpus / "data" / "places.yaml").read_text(encoding="utf-8").startswith(
        (ROOT / "data" / "places.yaml").read_text(encoding="utf-8").rstrip("\n"))
    texts = sorted(p.stem for p in (corpus / "data" / "articles").glob("*.txt"))
    assert texts == sorted(p.stem for p in (corpus / "data" / "articles").glob("*.yaml"))
    assert len(texts) == 200
    dates = [str(data["article"]["published"]["value"]) for data in parsed]
    assert min(dates) >= "2021-01-01" and max(dates) <= "2025-12-31"


def test_refuses_a_folder_that_holds_something_else(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="not empty"):
        write_project(tmp_path, 1)
    write_project(tmp_path, 1, force=True)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_hubs_recur_and_the_tail_is_long(parsed: list[dict]) -> None:
    mentions: Counter[str] = Counter()
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    for data in parsed:
        for entity in data["entities"]:
            mentions[entity["id"]] += 1
            types[entity["id"]].add(entity["type"])
            labels[entity["id"]].add(entity["label"])
    for hub in HUBS:
        assert mentions[hub] >= 20, (hub, mentions[hub])  # in at least a tenth of the articles
    assert sum(1 for count in mentions.values() if count == 1) > len(mentions) / 2
    assert all(len(kinds) == 1 for kinds in types.values())  # one id, one type, everywhere
    assert all(len(names) == 1 for names in labels.values())  # and one label (sh:uniqueLang)


def test_collaborations_change_status_in_later_articles(parsed: list[dict]) -> None:
    changed = {ident: seen for ident, seen in statuses(parsed).items() if len({s for _, s in seen}) > 1}
    assert len(changed) >= 5
    for ident, seen in changed.items():
        assert len({day for day, _ in seen}) == len(seen), ident  # each report on a later day
        for (_, before), (_, after) in pairwise(seen):
            assert after in NEXT[before], (ident, seen)


def test_without_status_changes_a_recurring_collaboration_keeps_its_status(tmp_path: Path) -> None:
    write_project(tmp_path, 200, seed=7, status_changes=False)
    seen = statuses(articles(tmp_path))
    assert sum(1 for reports in seen.values() if len(reports) > 1) >= 5
    assert all(len({s for _, s in reports}) == 1 for reports in seen.values())


def test_a_small_corpus_builds_without_warnings_and_conforms(tmp_path: Path) -> None:
    write_project(tmp_path, 3, seed=5, status_changes=False)
    parsed = articles(tmp_path)
    assert {entity["type"] for data in parsed for entity in data["entities"]} >= KINDS
    assert any(len(reports) > 1 and reports[0][1] != "aspired" for reports in statuses(parsed).values())
    out = tmp_path / "output"
    built = CliRunner().invoke(main, ["build", "--project", str(tmp_path), "--out", str(out)])
    assert built.exit_code == 0, built.output
    assert built.stderr == ""  # no warnings: every weekday, cue word and quote is right
    assert "3 article(s)" in built.stdout
    checked = CliRunner().invoke(main, ["validate", "--project", str(tmp_path), "--out", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("conforms:")


def test_a_status_change_keeps_its_history_and_the_latest_status_conforms(tmp_path: Path) -> None:
    """A collaboration whose status changed between articles keeps one dated statement per
    article; the merged graph states only the latest, so the corpus conforms."""
    write_project(tmp_path, 3, seed=5)
    history = {ident: seen for ident, seen in statuses(articles(tmp_path)).items() if len({s for _, s in seen}) > 1}
    assert history
    project = open_project(tmp_path)
    result = build(project)
    assert result.warnings == []
    report = validate(result.dataset, project.shapes_file, project.base)
    assert report.conforms, [v.message for v in report.violations]
    union = Dataset(default_union=True)
    for quad in result.dataset.quads((None, None, None, None)):
        union.add(quad)
    for ident, seen in history.items():
        preferred = {str(o).rsplit("#", 1)[-1] for o in union.objects(project.iris.entity(ident), KG.status)}
        assert preferred == {seen[-1][1]}, ident
