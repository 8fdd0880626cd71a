"""The benchmark's synthetic graphs: deterministic, shaped like the real graph, and every
named query runs on them (so the benchmark measures real work, not empty answers)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from benchmarks.generate import POOLS, generate, sample_entities
from kg.query.engine import execute
from kg.query.library import bind, load_library
from tests.conftest import ROOT

LIBRARY = load_library(ROOT / "queries")
# The synthetic graphs have the shape of the article graphs; they hold no region dataset or
# linksets, so the queries that join those only have to run on them.
# Nor the corpus graph (preferred statuses, ranks, counts, conflicts) the history, current and
# conflicts queries read: they too only have to run on them.
JOINS_OTHER_DATASETS = {"by-region", "external-identifiers", "unlinked-places", "history", "current", "conflicts"}


@pytest.fixture(scope="module")
def synthetic() -> bytes:
    return generate(20_000)


def test_same_seed_same_bytes(synthetic: bytes) -> None:
    assert generate(20_000) == synthetic
    assert generate(20_000, seed=8) != synthetic


def test_size_and_shape(synthetic: bytes) -> None:
    quads = list(ox.parse(synthetic, format=ox.RdfFormat.N_QUADS))
    assert 20_000 <= len(quads) < 24_000
    types = {q.object.value.rsplit("#", 1)[-1] for q in quads
             if q.predicate.value.endswith("#type")}
    assert {"Statement", "Annotation", "TextQuoteSelector", "TextPositionSelector", "Collaboration",
            "Sentence", "Dinas"} <= types
    graphs = {q.graph_name.value for q in quads}
    assert len([g for g in graphs if "/graph/syn-" in g]) > 5


@pytest.fixture(scope="module")
def store(synthetic: bytes) -> ox.Store:
    loaded = ox.Store()
    loaded.bulk_load(input=synthetic, format=ox.RdfFormat.N_QUADS)
    return loaded


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_named_queries_find_rows(name: str, store: ox.Store) -> None:
    query = LIBRARY[name]
    result = execute(store, query.text, bind(query, {}, "https://w3id.org/ekodigi/id/"))
    # a query over what another command adds (most-central: kg stats' measures) has nothing to read here
    assert result.rows or result.triples or result.boolean is not None or name in JOINS_OTHER_DATASETS \
        or query.needs


def test_sampled_entities_are_in_the_graph_and_cover_every_pool(synthetic: bytes) -> None:
    """The benchmark's entity sample names real subjects, a few from every pool, the same each run."""
    sample = sample_entities(20_000, 30)
    assert sample == sample_entities(20_000, 30) and len(set(sample)) == len(sample) == 30
    subjects = {q.subject.value for q in ox.parse(synthetic, format=ox.RdfFormat.N_QUADS)}
    assert {"https://w3id.org/ekodigi/id/" + e for e in sample} <= subjects
    pools = {pool for e in sample for pool, spec in POOLS.items() if e == spec[2] or e.rsplit("-", 1)[0] == pool}
    assert pools == set(POOLS)


def test_query_bench_stops_at_once_when_a_candidate_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from benchmarks import query_bench

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "oxrdflib" else real(name))
    with pytest.raises(SystemExit, match="oxrdflib needs the package oxrdflib"):
        query_bench.require(("kg", "oxrdflib"))
    query_bench.require(("kg", "ox-disk"))
