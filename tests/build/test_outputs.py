"""The written outputs: byte-identical across runs, isomorphic across formats, readable by a
second, independent RDF implementation (pyoxigraph)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.build.compile import BuildResult, build_to
from kg.build.serialize import FORMATS, union
from kg.project import Project
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def out(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of its own: other tests add files (analytics) to the shared one."""
    folder = tmp_path_factory.mktemp("build") / "out"
    build_to(project, folder)
    return folder


def test_every_format_and_the_summary_are_written(out: Path) -> None:
    expected = [f"graph.{s}" for s in FORMATS] + ["summary.json", "void.ttl", "build.json", "store", "graphs"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*expected, "generations"])
    assert all((out / name).exists() for name in expected)
    assert not list(out.glob(".*")), "no temporary files or folders left behind"


def test_repeat_builds_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Separate processes with different hash seeds, so set and dict order cannot leak out."""
    folders = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", "--project", str(ROOT), "--out", str(folder)],
                       check=True, env=env, capture_output=True)
        folders.append(folder)
    # Every file meant for people and other tools; the query store is a database, not an export.
    first, second = ({p.name: p.read_bytes() for p in f.iterdir() if p.is_file()} for f in folders)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between runs"


def _named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize("suffix", ["trig", "nq", "jsonld"])
def test_quad_formats_round_trip_graph_by_graph(out: Path, built: BuildResult, suffix: str) -> None:
    fmt = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[suffix]
    reread = Dataset()
    reread.parse(out / f"graph.{suffix}", format=fmt)
    expected, found = _named_graphs(built.dataset), _named_graphs(reread)
    assert expected.keys() == found.keys()
    for name, graph in expected.items():
        assert isomorphic(graph, found[name]), f"graph {name} changed in {suffix}"


@pytest.mark.parametrize("suffix", ["ttl", "nt"])
def test_triple_formats_round_trip_as_the_union(out: Path, built: BuildResult, suffix: str) -> None:
    reread = Graph().parse(out / f"graph.{suffix}", format={"ttl": "turtle", "nt": "nt"}[suffix])
    assert isomorphic(union(built.dataset), reread)


def test_outputs_have_no_blank_nodes(out: Path) -> None:
    assert "_:" not in (out / "graph.nt").read_text(encoding="utf-8")


def test_jsonld_context_is_inline(out: Path) -> None:
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    assert all(isinstance(v, str) and v.startswith("http") for v in document["@context"].values())


@pytest.mark.parametrize(("suffix", "fmt"), [
    ("trig", pyoxigraph.RdfFormat.TRIG), ("nq", pyoxigraph.RdfFormat.N_QUADS),
    ("ttl", pyoxigraph.RdfFormat.TURTLE), ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    ("jsonld", pyoxigraph.RdfFormat.JSON_LD),
])
def test_pyoxigraph_reads_every_output(out: Path, built: BuildResult, suffix: str, fmt) -> None:
    quads = list(pyoxigraph.parse(path=str(out / f"graph.{suffix}"), format=fmt))
    if suffix in {"ttl", "nt"}:
        assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(union(built.dataset))
    else:
        graphs = {str(q.graph_name.value) for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}
        assert graphs == set(_named_graphs(built.dataset))
        assert len(set(quads)) == sum(len(g) for g in _named_graphs(built.dataset).values())


def test_summary_counts_match_the_graph(out: Path, built: BuildResult) -> None:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["triples"] == sum(len(g) for g in built.dataset.graphs())
    assert summary["articles"] == 1
    statements = sum(1 for _ in built.dataset.quads((None, RDF.type, RDF.Statement, None)))
    assert summary["statements"] == statements
    assert summary["entities_by_class"]["kg:Bakorwil"] == 5
    assert summary["entities_by_class"]["schema:Person"] == 4
    assert summary["facts_by_relation"]["kg:status"] == 4
