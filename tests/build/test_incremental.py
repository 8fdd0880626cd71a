"""An incremental build gives exactly what a full build gives, step after step, and the store's
merged default graph keeps a fact as long as one article still states it."""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build.compile import build_to
from kg.cli import main
from kg.errors import KgError
from kg.project import open_project
from tests.conftest import ARTICLE_ID, article_yaml

COPY = f"{ARTICLE_ID}-copy"
LAZADA_LABEL = ox.Triple(ox.NamedNode("https://w3id.org/ekodigi/id/lazada"),
                         ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                         ox.Literal("Lazada", language="id"))


def _articles(project: Path) -> Path:
    return project / "data" / "articles"


def add_copy(project: Path) -> None:
    """A second article stating the same facts about the same entities (as two reports would)."""
    yaml_text = article_yaml(project).read_text(encoding="utf-8").replace(ARTICLE_ID, COPY)
    shutil.copy(_articles(project) / f"{ARTICLE_ID}.txt", _articles(project) / f"{COPY}.txt")
    (_articles(project) / f"{COPY}.yaml").write_text(yaml_text, encoding="utf-8")


def edit_copy(project: Path) -> None:
    path = _articles(project) / f"{COPY}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("label: Lazada\n", "label: Lazada\n    label_en: Lazada\n", 1), encoding="utf-8")


def rename_in_copy(project: Path) -> None:
    """An editor renames an entity id in one article: a new entity there, the old one stays in the other."""
    path = _articles(project) / f"{COPY}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ozora", "ozora-startup"), encoding="utf-8")


def remove_copy(project: Path) -> None:
    for suffix in (".yaml", ".txt"):
        (_articles(project) / f"{COPY}{suffix}").unlink()


def remove_original(project: Path) -> None:
    for suffix in (".yaml", ".txt"):
        (_articles(project) / f"{ARTICLE_ID}{suffix}").unlink()


def _store(out: Path) -> list[str]:
    return sorted(str(q) for q in ox.Store.read_only(str(out / "store")))


def _assert_same(incremental: Path, full: Path) -> None:
    """The same files byte for byte (but the store's own files, and the changes since a previous
    generation, which only one of them has), and the same quads in the store."""
    a, b = (folder / "generations" / "current" for folder in (incremental, full))
    comparison = filecmp.dircmp(a, b, ignore=["store", "changes.json", "changes.nq"])
    assert comparison.left_only == comparison.right_only == [] and comparison.diff_files == []
    assert _files(a / "graphs") == _files(b / "graphs")  # the corpus graph's shards are in a folder of their own
    assert _store(incremental) == _store(full)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _default_graph_has(out: Path, triple: ox.Triple) -> bool:
    store = ox.Store.read_only(str(out / "store"))
    return any(True for _ in store.quads_for_pattern(triple.subject, triple.predicate, triple.object,
                                                       ox.DefaultGraph()))


SEQUENCES: dict[str, list[Callable[[Path], None]]] = {
    "add-change-remove": [add_copy, edit_copy, remove_copy],
    "rename-then-remove-both": [add_copy, rename_in_copy, remove_original, remove_copy],
}


@pytest.mark.parametrize("steps", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_incremental_and_full_builds_agree_after_every_step(project_copy: Path, tmp_path: Path,
                                                            steps: list[Callable[[Path], None]]) -> None:
    incremental = tmp_path / "incremental"
    build_to(open_project(project_copy), incremental)
    for number, step in enumerate(steps):
        step(project_copy)
        project = open_project(project_copy)
        report, _ = build_to(project, incremental)
        assert report.compiled <= 2, "only what changed is compiled again"
        full = tmp_path / f"full-{number}"
        build_to(project, full, full=True)
        _assert_same(incremental, full)


def _change_a_status(project: Path) -> None:
    """One article's claims change: a collaboration's status, as a correction would."""
    for path in sorted(_articles(project).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if 'value: "completed"' in text:
            path.write_text(text.replace('value: "completed"', 'value: "ongoing"', 1), encoding="utf-8")
            return
    raise AssertionError("the generated corpus states no completed collaboration")


def test_graphs_in_shards_agree_with_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twelve generated articles: the corpus graph in four shards and the curated graph in eight,
    each step (add, add new entities, change a claim, change a text, remove both) updating the
    shards it touches, with the bytes of a full build."""
    from benchmarks.build_bench import add_copy as add_generated
    from benchmarks.build_bench import add_new, change_text, remove_new
    from benchmarks.build_bench import remove_copy as remove_generated
    from benchmarks.corpus import write_project
    from kg.build import assemble

    monkeypatch.setattr(assemble, "curated_shards", lambda articles: 8)
    root, out = tmp_path / "p", tmp_path / "out"
    write_project(root, 12, seed=3)
    build_to(open_project(root), out)
    assert len(list((out / "graphs" / "corpus").glob("*.nq"))) == 4
    assert len(list((out / "graphs" / "curated").glob("*.nq"))) == 8
    steps = [add_generated, add_new, _change_a_status, change_text, remove_generated, remove_new]
    for number, step in enumerate(steps):
        step(root)
        project = open_project(root)
        report, _ = build_to(project, out)
        assert report.compiled <= 1
        assert report.changed < len(list((out / "graphs").rglob("*.nq"))) // 2  # the shards it touches
        build_to(project, tmp_path / f"full-{number}", full=True)
        _assert_same(out, tmp_path / f"full-{number}")


def test_a_fact_stated_by_two_articles_survives_removing_one(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    add_copy(project_copy)
    build_to(open_project(project_copy), out)
    remove_copy(project_copy)
    build_to(open_project(project_copy), out)
    assert _default_graph_has(out, LAZADA_LABEL), "the original still says it"
    remove_original(project_copy)
    report, _ = build_to(open_project(project_copy), out)
    assert report.articles == [] and report.removed == 2  # its graph, and the corpus graph with no article left
    assert not _default_graph_has(out, LAZADA_LABEL), "no article says it any more"


def test_a_build_with_nothing_changed_compiles_and_writes_nothing(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_to(open_project(project_copy), out)
    report, _ = build_to(open_project(project_copy), out)
    assert (report.compiled, report.changed, report.removed) == (0, 0, 0)
    previous = sorted((out / "generations").glob("g*"))[0]
    for name in ("graphs/curated/000.nq", f"graphs/{ARTICLE_ID}.nq"):
        assert (out / "generations" / "current" / name).stat().st_ino == (previous / name).stat().st_ino


def test_changing_only_the_text_recompiles_its_article(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_to(open_project(project_copy), out)
    text = _articles(project_copy) / f"{ARTICLE_ID}.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report, _ = build_to(open_project(project_copy), out)
    assert report.compiled == 1 and report.changed >= 1


def test_parallel_compiles_give_the_same_bytes_and_the_same_first_error(project_copy: Path, tmp_path: Path) -> None:
    add_copy(project_copy)
    one, two = tmp_path / "one", tmp_path / "two"
    build_to(open_project(project_copy), one, jobs=1)
    build_to(open_project(project_copy), two, jobs=2)
    _assert_same(one, two)
    for ident, wrong in ((ARTICLE_ID, "pemprov-jatm"), (COPY, "lazadda")):
        path = _articles(project_copy) / f"{ident}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("operated_by: lazada\n", f"operated_by: {wrong}\n", 1), encoding="utf-8")
    errors = []
    for jobs in (1, 2):
        with pytest.raises(KgError) as caught:
            build_to(open_project(project_copy), tmp_path / f"bad-{jobs}", full=True, jobs=jobs)
        errors.append(str(caught.value))
    first = sorted(_articles(project_copy).glob("*.yaml"))[0]  # the copy: "-copy" sorts before ".yaml"
    assert errors[0] == errors[1] and first.name in errors[0] and "'lazadda'" in errors[0]


def test_without_whole_corpus_files_the_graphs_and_the_store_are_all(project_copy: Path, tmp_path: Path) -> None:
    """formats: [] (kg build --formats none): no dump to rewrite when one article changes."""
    out, full = tmp_path / "out", tmp_path / "full"
    build_to(open_project(project_copy), out, formats=[])
    add_copy(project_copy)
    build_to(open_project(project_copy), out, formats=[])
    build_to(open_project(project_copy), full, formats=[], full=True)
    _assert_same(out, full)
    current = out / "generations" / "current"
    assert not list(current.glob("graph.*")) and (current / "graphs" / f"{COPY}.nq").is_file()


def test_a_build_with_nothing_changed_publishes_nothing_and_says_the_same(project_copy: Path, tmp_path: Path) -> None:
    """Every input as the shown generation's stamp records it: that generation stays, its report is repeated."""
    out = tmp_path / "out"
    first, summary = build_to(open_project(project_copy), out)
    again, same = build_to(open_project(project_copy), out)
    assert again.generation == first.generation and [p.name for p in (out / "generations").glob("g*")] == ["g000001"]
    assert (again.articles, again.sources, same) == (first.articles, first.sources, summary)
    assert list(map(str, again.warnings)) == list(map(str, first.warnings))
    assert again.changes is not None and again.changes.summary() == "nothing changed"


@pytest.mark.parametrize("change", ["touch", "formats"])
def test_a_touched_input_or_other_formats_build_a_new_generation(project_copy: Path, tmp_path: Path,
                                                                 change: str) -> None:
    out = tmp_path / "out"
    build_to(open_project(project_copy), out, formats=["nq"])
    formats = ["nq", "nt"] if change == "formats" else ["nq"]
    if change == "touch":
        text = _articles(project_copy) / f"{ARTICLE_ID}.txt"
        os.utime(text, ns=(text.stat().st_atime_ns, text.stat().st_mtime_ns + 10**9))
    report, _ = build_to(open_project(project_copy), out, formats=formats)
    assert report.generation.name == "g000002" and report.compiled == 0
    assert (out / "graph.nt").is_file() == (change == "formats")


def test_kg_dump_gives_the_bytes_the_build_writes(project_copy: Path, tmp_path: Path) -> None:
    """A corpus built without whole-corpus files dumps them on demand, the same as a build asked for them."""
    with_files, without = tmp_path / "with", tmp_path / "without"
    add_copy(project_copy)
    build_to(open_project(project_copy), with_files, formats=["nq", "ttl"])
    build_to(open_project(project_copy), without, formats=[])
    for fmt in ("nq", "ttl"):
        target = tmp_path / f"dumped.{fmt}"
        result = CliRunner().invoke(main, ["dump", fmt, "--out", str(without), "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert target.read_bytes() == (with_files / f"graph.{fmt}").read_bytes()
    assert not list((without / "generations" / "current").glob("graph.*"))
