"""Graph analytics: what `kg stats` and `kg path` compute, and the RDF they write back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.cli import main
from kg.errors import KgError
from kg.namespaces import KG
from kg.network.analytics import ANALYTICS_FILE, PATHS_FILE, paths, stats
from kg.network.projection import project as to_network
from tests.conftest import ROOT
from tests.crafted import BASE, SENTENCE, crafted_graph


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return to_network(crafted_graph(), BASE)


def test_counts_centrality_components_communities(network: nx.MultiDiGraph) -> None:
    result = stats(network)
    assert result.by_type["Collaboration"] == 2 and result.nodes == 8 and result.edges == 7
    assert result.degree["id:dinas"] == 3  # both collaborations and the post
    assert max(result.betweenness, key=result.betweenness.get) == "id:dinas"
    assert result.betweenness_method.startswith("exact")
    assert [len(c) for c in result.components] == [8]
    assert sorted(n for c in result.communities for n in c) == sorted(network)
    assert stats(network) == result  # seeded: the same every time


def test_betweenness_is_sampled_above_the_limit(network: nx.MultiDiGraph) -> None:
    result = stats(network, exact_limit=5, k=3)
    assert "sample of 3 source nodes" in result.betweenness_method and "8 nodes is above 5" in result.betweenness_method


def test_shortest_chains_carry_their_evidence(network: nx.MultiDiGraph) -> None:
    (chain,) = paths(network, "id:lazada", "id:dinas")
    assert [(h.source, h.relation, h.target) for h in chain] == [
        ("id:rencana", "kg:participant", "id:lazada"), ("id:rencana", "kg:participant", "id:dinas")]
    assert chain[0].evidence[0].sentence == SENTENCE
    assert len(paths(network, "id:lazada", "id:hostile")[0]) == 4


def test_no_chain_between_components() -> None:
    network = nx.MultiDiGraph()
    network.add_nodes_from(["a", "b"])
    with pytest.raises(KgError, match="no chain of relations links a and b"):
        paths(network, "a", "b")


def test_stats_writes_queryable_rdf_with_provenance(built_copy: Path) -> None:
    args = ["stats", "--project", str(ROOT), "--out", str(built_copy), "--top", "3"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "betweenness centrality, exact (Brandes)" in result.output and "communities:" in result.output
    first = (built_copy / ANALYTICS_FILE).read_bytes()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (built_copy / ANALYTICS_FILE).read_bytes() == first  # no wall-clock time unless asked
    dataset = Dataset()
    dataset.parse(built_copy / ANALYTICS_FILE, format="trig")
    graph = dataset.graph(URIRef("https://w3id.org/ekodigi/id/graph/analytics"))
    lazada = URIRef("https://w3id.org/ekodigi/id/lazada")
    assert graph.value(lazada, KG.degree).toPython() >= 5
    activity = graph.value(graph.identifier, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in graph
    assert str(graph.value(activity, PROV.used)).startswith("urn:sha256:")
    rows = list(dataset.query("""PREFIX kg: <https://w3id.org/ekodigi/def#>
        SELECT ?e ?b WHERE { GRAPH ?g { ?e kg:betweenness ?b } } ORDER BY DESC(?b) LIMIT 1"""))
    assert rows[0][1].toPython() == max(b.toPython() for b in graph.objects(None, KG.betweenness)) > 0
    timed = CliRunner().invoke(main, [*args, "--computed-at", "2026-01-01T00:00:00Z"])
    assert timed.exit_code == 0
    dataset = Dataset()
    dataset.parse(built_copy / ANALYTICS_FILE, format="trig")
    ((_, _, ended, _),) = dataset.quads((None, PROV.endedAtTime, None, None))
    assert ended.datatype == XSD.dateTime and ended.toPython() == datetime(2026, 1, 1, tzinfo=UTC)
    bad = CliRunner().invoke(main, [*args, "--computed-at", "yesterday"])
    assert bad.exit_code == 1 and "--computed-at 'yesterday' is not an xsd:dateTime" in bad.stderr


def test_path_command(built_out: Path) -> None:
    result = CliRunner().invoke(main, ["path", "lazada", "dinas-kukm-jatim", "--project", str(ROOT),
                                       "--out", str(built_out)])
    assert result.exit_code == 0, result.output
    assert "chain 1 of" in result.output and "evidence: " in result.output
    missing = CliRunner().invoke(main, ["path", "lazada", "nobody", "--project", str(ROOT), "--out", str(built_out)])
    assert missing.exit_code == 1 and "no single entity 'nobody'" in missing.stderr


def test_path_is_written_back_as_rdf(built_out: Path) -> None:
    args = ["path", "lazada", "ozora", "--project", str(ROOT), "--out", str(built_out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    chains_printed = result.output.count("chain ")
    first = (built_out / PATHS_FILE).read_bytes()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (built_out / PATHS_FILE).read_bytes() == first  # deterministic without --computed-at
    paths, graph = Dataset(), Dataset(default_union=True)
    paths.parse(built_out / PATHS_FILE, format="trig")
    graph.parse(built_out / "graph.trig", format="trig")
    prefixes = "PREFIX kg: <https://w3id.org/ekodigi/def#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    chains = list(paths.query(prefixes + "SELECT ?c WHERE { GRAPH ?g { ?c a kg:Chain ; kg:chainFrom "
                              "<https://w3id.org/ekodigi/id/lazada> ; kg:chainTo <https://w3id.org/ekodigi/id/ozora> ;"
                              " prov:wasGeneratedBy ?run } }", initNs={"prov": PROV}))
    assert len(chains) == chains_printed
    steps = list(paths.query(prefixes + "SELECT ?s ?p ?o ?i WHERE { GRAPH ?g { ?c kg:step ?step . ?step "
                             "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:stepIndex ?i } }"))
    assert steps and all((s, p, o) in graph for s, p, o, _ in steps)  # each step is a stated fact


def test_stats_and_path_need_no_whole_graph_dump(tmp_path: Path) -> None:
    """A corpus built with `--formats none` (no graph.trig) still gets its measures and chains,
    their provenance naming the generation's manifest."""
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--project", str(ROOT), "--out", str(out), "--formats", "none"]).exit_code == 0
    assert not (out / "graph.trig").exists()
    stats_run = runner.invoke(main, ["stats", "--project", str(ROOT), "--out", str(out)])
    assert stats_run.exit_code == 0, stats_run.output
    path_run = runner.invoke(main, ["path", "lazada", "pemprov-jatim", "--project", str(ROOT), "--out", str(out)])
    assert path_run.exit_code == 0, path_run.output
    assert "manifest.json" in (out / ANALYTICS_FILE).read_text(encoding="utf-8")


BASE_IRI = "https://w3id.org/ekodigi/id/"


def _kg(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--project", str(ROOT)])
    return result.exit_code, result.output  # stdout and stderr as a terminal shows them


def test_stats_are_queryable_until_the_next_build(built_copy: Path) -> None:
    """As a user drives it: kg stats, then kg query most-central ranks from the store; a second
    kg stats replaces the measures (the store holds them once); a build with nothing to do keeps
    them, a build that publishes a new generation drops them."""
    out, manifest_file = str(built_copy), built_copy / "generations" / "current" / "manifest.json"
    ranked = ("query", "most-central", "--param", "type=kg:Company", "-f", "csv", "--out", out)
    not_measured = (2, "error: most-central reads graph/analytics, which the store does not hold "
                       "(hint: run `kg stats` first)\n")
    assert _kg(*ranked) == not_measured  # no rows would read as "nothing is central"
    code, output = _kg("stats", "--out", out, "--type", "Company", "--top", "2")
    assert code == 0, output
    assert "stored the measures in the query store of g000001 (graph/analytics)" in output
    code, rows = _kg(*ranked)
    assert code == 0 and rows.splitlines()[1].startswith(f"{BASE_IRI}lazada,Lazada,{KG.Company},0.15")
    assert [row.split(",")[0].removeprefix(BASE_IRI) for row in rows.splitlines()[1:]] == [
        "lazada", "ozora", "lazada-indonesia"]  # ties on betweenness: by degree
    count = ("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
             "-f", "csv", "--out", out)
    manifest = manifest_file.read_bytes()
    before = _kg(*count)
    assert _kg("stats", "--out", out)[0] == 0
    assert _kg(*count) == before and manifest_file.read_bytes() == manifest
    code, output = _kg("build", "--out", out)
    assert code == 0 and "since g000001: nothing changed" in output
    assert _kg(*ranked)[0] == 0, "nothing changed, nothing published: the measures still describe the graph"
    code, output = _kg("build", "--full", "--out", out)  # a new generation
    assert code == 0 and "now shows g000002" in output, output
    assert "nothing changed" in output  # measures are not facts: the report of changes leaves them out
    assert _kg(*ranked) == not_measured
    assert b'"annex"' not in manifest_file.read_bytes()
