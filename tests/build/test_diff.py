"""`kg diff` and the changes each build keeps: exact counts on crafted builds (an article added,
changed, removed, a status changed, entities renamed), the JSON golden, the RDF changeset under
SPARQL, only changed graphs read, and a folder that is not a build refused."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.build.compile import build_to
from kg.build.diff import CHANGES_JSON, CHANGES_NQ, Diff, diff, latest_two, open_generation, to_json
from kg.build.store import merge_sorted
from kg.cli import main
from kg.project import open_project
from tests.build.test_bad_input import snapshot
from tests.build.test_incremental import COPY, add_copy, remove_copy
from tests.conftest import ARTICLE_ID, article_yaml

GOLDEN = Path(__file__).parent / "golden"
ID = "https://w3id.org/ekodigi/id/"
KG = "https://w3id.org/ekodigi/def#"
STATUS = 'status: {value: planned, evidence: "Jatim & Lazada Siap Bersinergi"}'


def _build(project: Path, out: Path, full: bool = False) -> Diff | None:
    report, _ = build_to(open_project(project), out, full=full)
    return report.changes


def _last(out: Path) -> Diff:
    return diff(*latest_two(out))


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def change_status(project: Path) -> None:
    """The article now says the Jatim-Lazada collaboration is under way."""
    path = article_yaml(project)
    text = path.read_text(encoding="utf-8")
    assert STATUS in text
    path.write_text(text.replace(STATUS, STATUS.replace("planned", "ongoing")), encoding="utf-8")


@pytest.fixture
def out(project_copy: Path, tmp_path: Path) -> Path:
    """An output folder with one generation of the project copy."""
    folder = tmp_path / "out"
    assert _build(project_copy, folder) is None, "a first build has nothing to compare with"
    return folder


def test_an_added_article_is_all_added(project_copy: Path, out: Path) -> None:
    add_copy(project_copy)
    changes = _build(project_copy, out)
    assert changes is not None and to_json(changes) == to_json(_last(out))
    data = json.loads(to_json(changes))
    assert data["articles"] == {"added": [COPY], "changed": [], "removed": []}
    graph = f"{ID}graph/{COPY}"
    assert data["graphs"][graph] == {"file": COPY, "change": "added", "removed": 0,
                                     "added": _lines(out / "graphs" / f"{COPY}.nq")}
    assert set(data["graphs"]) == {graph, f"{ID}graph/corpus"}, "and the counts of support and mentions"
    assert data["facts"] == {kind: sum(g[kind] for g in data["graphs"].values()) for kind in ("added", "removed")}
    assert data["entities"]["added"] == data["entities"]["removed"] == [], "the copy names the same entities"
    assert data["statuses_changed"] == 0
    plus, minus = data["facts"]["added"], data["facts"]["removed"]
    assert changes.summary().startswith(f"1 article added, 0 changed, 0 removed; +{plus} -{minus} facts; ")


def test_too_much_changed_is_named_by_graph_not_listed(project_copy: Path, out: Path) -> None:
    """Past the limit a build records which graphs changed, without reading their lines."""
    add_copy(project_copy)
    build_to(open_project(project_copy), out)
    old, new = latest_two(out)
    result = diff(old, new, limit=1)
    assert not result.listed and not result.added and f"{ARTICLE_ID}-copy" in " ".join(result.kinds)
    assert "too many lines to list" in result.summary()
    assert json.loads(to_json(result))["listed"] is False
    assert "listed" not in json.loads(to_json(diff(old, new)))


def test_a_removed_article_is_all_removed(project_copy: Path, out: Path) -> None:
    add_copy(project_copy)
    _build(project_copy, out)
    removed = _lines(out / "graphs" / f"{COPY}.nq")
    remove_copy(project_copy)
    data = json.loads(to_json(_build(project_copy, out) or pytest.fail("no changes recorded")))
    assert data["articles"] == {"added": [], "changed": [], "removed": [COPY]}
    assert data["graphs"][f"{ID}graph/{COPY}"] == {"file": COPY, "change": "removed", "added": 0, "removed": removed}
    assert set(data["graphs"]) == {f"{ID}graph/{COPY}", f"{ID}graph/corpus"}


def test_a_changed_status_is_exact_and_matches_the_golden_json(project_copy: Path, out: Path) -> None:
    change_status(project_copy)
    changes = _build(project_copy, out)
    assert changes is not None
    assert (out / CHANGES_JSON).read_bytes() == to_json(changes)
    assert to_json(changes) == (GOLDEN / "diff-status.json").read_bytes()
    graph = f"{ID}graph/corpus"  # the preferred status: the article graphs hold it as a statement only
    assert changes.statuses == {(f"{ID}kolaborasi-jatim-lazada", graph): ([f"{KG}planned"], [f"{KG}ongoing"])}
    assert changes.statuses_changed() == 1 and changes.article_ids("changed") == [ARTICLE_ID]
    assert "status of id:kolaborasi-jatim-lazada: kg:planned → kg:ongoing" in _cli("diff", "--out", str(out))


def test_renamed_entities_are_new_and_the_old_ones_gone(project_copy: Path, out: Path) -> None:
    path = article_yaml(project_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("ozora", "ozora-startup"), encoding="utf-8")
    changes = _build(project_copy, out)
    assert changes is not None
    assert f"{ID}ozora-startup" in changes.new_entities and f"{ID}ozora" in changes.gone_entities
    assert all("ozora-startup" in iri for iri in changes.new_entities)
    assert all("ozora" in iri and "ozora-startup" not in iri for iri in changes.gone_entities)
    assert len(changes.new_entities) == len(changes.gone_entities) == 3  # ozora and the two ids built on it


def test_an_entity_named_in_another_article_is_not_gone(project_copy: Path, out: Path) -> None:
    add_copy(project_copy)
    _build(project_copy, out)
    copy = project_copy / "data" / "articles" / f"{COPY}.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("ozora", "ozora-startup"), encoding="utf-8")
    changes = _build(project_copy, out)
    assert changes is not None and changes.gone_entities == [], "the original article still types ozora"
    assert f"{ID}ozora-startup" in changes.new_entities and changes.article_ids("changed") == [COPY]


def test_the_changeset_parses_and_sparql_finds_the_status_change(project_copy: Path, out: Path) -> None:
    change_status(project_copy)
    _build(project_copy, out)
    store = ox.Store()
    store.load(path=str(out / CHANGES_NQ), format=ox.RdfFormat.N_QUADS)
    rows = store.query("""
        PREFIX cs: <http://purl.org/vocab/changeset/schema#>
        PREFIX kg: <https://w3id.org/ekodigi/def#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?from ?graph ?subject ?old ?new WHERE { GRAPH ?g {
          ?set a kg:Changeset ; kg:fromGeneration ?from ; <http://purl.org/dc/terms/hasPart> ?change .
          ?change cs:subjectOfChange ?graph ;
                  cs:removal [ rdf:subject ?subject ; rdf:predicate kg:status ; rdf:object ?old ] ;
                  cs:addition [ rdf:subject ?subject ; rdf:predicate kg:status ; rdf:object ?new ] } }""")
    found = [tuple(term.value for term in row) for row in rows]  # type: ignore[union-attr]
    assert found == [("g000001", f"{ID}graph/corpus", f"{ID}kolaborasi-jatim-lazada", f"{KG}planned",
                      f"{KG}ongoing")]
    assert _cli("diff", "--out", str(out), "--format", "nq").encode() == (out / CHANGES_NQ).read_bytes()


def test_incremental_and_full_builds_record_the_same_changes(project_copy: Path, out: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(out, twin, symlinks=True)
    change_status(project_copy)
    add_copy(project_copy)
    _build(project_copy, out)
    _build(project_copy, twin, full=True)
    for name in (CHANGES_JSON, CHANGES_NQ):
        assert (out / name).read_bytes() == (twin / name).read_bytes()


def test_graphs_with_the_same_digest_are_never_read(project_copy: Path, out: Path) -> None:
    change_status(project_copy)
    _build(project_copy, out)
    old, new = latest_two(out)
    unchanged = [g for g in new.manifest if old.manifest.get(g) == new.manifest[g]]
    assert len(unchanged) >= 4
    for generation in (old, new):
        for graph in unchanged:
            (generation.folder / "graphs" / f"{generation.manifest[graph]['file']}.nq").unlink()
    assert to_json(diff(old, new)) == (out / CHANGES_JSON).read_bytes()


def test_restricted_to_an_entity_lists_its_triples(project_copy: Path, out: Path) -> None:
    change_status(project_copy)
    _build(project_copy, out)
    text = _cli("diff", "--out", str(out), "--entity", "kolaborasi-jatim-lazada")
    assert "+ id:kolaborasi-jatim-lazada kg:status kg:ongoing  [corpus]" in text
    assert "- id:kolaborasi-jatim-lazada kg:status kg:planned  [corpus]" in text
    assert "nothing changed" in _cli("diff", "--out", str(out), "--entity", "lazada")
    assert "+1 -1 facts" in _cli("diff", "--out", str(out), "--article", "corpus", "--entity",
                                 "kolaborasi-jatim-lazada")
    assert "+7 -7 facts" in _cli("diff", "--out", str(out), "--article", ARTICLE_ID)


def test_two_generation_folders_compare_either_way(project_copy: Path, out: Path) -> None:
    add_copy(project_copy)
    _build(project_copy, out)
    old, new = sorted((out / "generations").glob("g*"))
    forward = json.loads(_cli("diff", str(old), str(out), "--format", "json"))
    backward = json.loads(_cli("diff", str(new), str(old), "--format", "json"))
    assert forward["articles"]["added"] == backward["articles"]["removed"] == [COPY]
    assert forward["facts"] == {"added": backward["facts"]["removed"], "removed": backward["facts"]["added"]}


def test_build_prints_one_line_of_changes_and_nothing_when_quiet(project_copy: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a relative --out, as people type it
    first = _cli("build", "--project", str(project_copy), "--out", "out")
    assert "first build here: nothing to compare with" in first
    change_status(project_copy)
    second = _cli("build", "--project", str(project_copy), "--out", "out")
    assert ("since g000001: 0 articles added, 1 changed, 0 removed; +15 -15 facts; 1 status changed; "
            "0 new entities, 0 gone") in second.splitlines()
    assert "status of id:kolaborasi-jatim-lazada" in _cli("diff", "--out", "out"), "the previous generation is kept"
    again = _cli("build", "--project", str(project_copy), "--out", "out")
    assert "since g000002: nothing changed" in again.splitlines()
    add_copy(project_copy)
    assert _cli("build", "--project", str(project_copy), "--out", "out", "--quiet") == ""


@pytest.mark.parametrize("make", ["empty", "file", "half"])
def test_a_folder_that_is_not_a_build_is_refused(out: Path, tmp_path: Path, make: str) -> None:
    bad = tmp_path / "bad"
    if make == "file":
        bad.write_text("not a build", encoding="utf-8")
    else:
        bad.mkdir()
    if make == "half":  # a generation copied without its manifest
        for name in ("graphs", "store", "build.json"):
            os.symlink(out / name, bad / name)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(bad), str(out)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.rstrip("\n")], "one line"
    assert result.stderr.startswith(f"error: {bad} is not a kg build: manifest.json is missing")
    assert snapshot(tmp_path) == before, "nothing written"


def test_one_generation_has_nothing_to_compare_with(out: Path) -> None:
    result = CliRunner().invoke(main, ["diff", "--out", str(out)])
    assert result.exit_code == 2
    assert "holds only one generation (g000001): nothing to compare with" in result.stderr


def test_an_unknown_article_is_an_error_with_suggestions(project_copy: Path, out: Path) -> None:
    change_status(project_copy)
    _build(project_copy, out)
    result = CliRunner().invoke(main, ["diff", "--out", str(out), "--article", ARTICLE_ID[:-1]])
    assert result.exit_code == 1 and f"did you mean '{ARTICLE_ID}'" in result.stderr
    assert open_generation(out).name == "g000002"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@given(st.sets(st.text(max_size=6)), st.sets(st.text(max_size=6)))
def test_the_merge_of_two_sorted_files_finds_exactly_what_left_and_came(old: set[str], new: set[str]) -> None:
    merged = list(merge_sorted(iter(sorted(old)), iter(sorted(new))))
    assert {line for sign, line in merged if sign == "-"} == old - new
    assert {line for sign, line in merged if sign == "+"} == new - old
    assert {line for sign, line in merged if sign == "="} == old & new
    assert len(merged) == len(old | new)
