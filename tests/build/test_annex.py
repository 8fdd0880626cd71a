"""Graphs added to a published generation (`kg stats`' measures): never half seen, never into a
generation other than the one measured, never while a build holds the folder."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build.annex import GenerationChanged, annex_graph, built_manifest
from kg.build.generations import current, locked
from kg.cli import main
from kg.errors import KgError
from tests.conftest import ROOT

GRAPH = "https://w3id.org/ekodigi/id/graph/analytics"
DEGREE = "<https://w3id.org/ekodigi/def#degree>"
MEASURES = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e {DEGREE} ?d }}"


def _count(store: ox.Store, query: str = MEASURES) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def _stats(out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["stats", "--project", str(ROOT), "--out", str(out)])
    return result.exit_code, result.stderr


def test_a_reader_sees_all_or_nothing_of_the_measures(built_copy: Path) -> None:
    """A store opened before kg stats answers as it was; one opened after sees every measure,
    in the named graph and in the merged default graph alike."""
    before = ox.Store.read_only(str(built_copy / "store"))
    assert _stats(built_copy)[0] == 0
    assert _count(before) == 0
    after = ox.Store.read_only(str(built_copy / "store"))
    in_graph = _count(after, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?e {DEGREE} ?d }} }}")
    assert _count(after) == in_graph > 10


def test_stats_stop_at_once_while_a_build_holds_the_folder(built_copy: Path) -> None:
    manifest = (current(built_copy) / "manifest.json").read_bytes()
    with locked(built_copy):
        code, output = _stats(built_copy)
    assert code == 2 and output.startswith("error: another kg build") and output.count("\n") == 1
    assert (current(built_copy) / "manifest.json").read_bytes() == manifest
    assert _count(ox.Store.read_only(str(built_copy / "store"))) == 0


def test_measures_go_only_to_the_generation_measured(built_copy: Path) -> None:
    """A build published while kg stats measured: the measures are refused, not put into the new graph."""
    measured = current(built_copy)
    rebuild = ["build", "--full", "--project", str(ROOT), "--out", str(built_copy)]  # --full: a new generation
    assert CliRunner().invoke(main, rebuild).exit_code == 0
    with pytest.raises(GenerationChanged, match="was rebuilt while `kg stats` measured g000001"):
        annex_graph(built_copy, measured, GRAPH, "analytics", f"<urn:a> <urn:b> <urn:c> <{GRAPH}> .\n".encode(),
                    "kg stats")
    assert not (measured / "graphs" / "analytics.nq").exists()


def test_an_annex_never_replaces_a_built_graph(built_copy: Path) -> None:
    generation = current(built_copy)
    built = "https://w3id.org/ekodigi/id/graph/curated"
    with pytest.raises(KgError, match="the build already has a graph"):
        annex_graph(built_copy, generation, built, "curated", f"<urn:a> <urn:b> <urn:c> <{built}> .\n".encode(),
                    "kg stats")


def test_the_measured_manifest_is_the_one_the_build_wrote(built_copy: Path) -> None:
    """What the measures' provenance names stays the same however often kg stats runs."""
    generation = current(built_copy)
    written = (generation / "manifest.json").read_bytes()
    assert built_manifest(generation) == written
    assert _stats(built_copy)[0] == 0
    assert (generation / "manifest.json").read_bytes() != written and built_manifest(generation) == written
