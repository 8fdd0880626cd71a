"""The network page: offline, deterministic, escaped, and showing what the graph says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.network.page import page
from kg.network.projection import UnknownEntity, ego, load
from kg.network.projection import project as to_network
from kg.project import Project
from tests.conftest import ROOT
from tests.crafted import BASE, HOSTILE, SENTENCE, crafted_graph


def page_data(html: str) -> dict:
    """The JSON the page draws from."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def crafted_page() -> str:
    return page(to_network(crafted_graph(), BASE), "crafted")


def test_page_loads_nothing_from_elsewhere(crafted_page: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", crafted_page, re.I)
    assert all("src=" not in tag and "href=" not in tag for tag in tags)
    assert "cdn.jsdelivr.net" not in crafted_page and "cdnjs.cloudflare.com" not in crafted_page  # pyvis's CDNs
    assert "default-src 'none'" in crafted_page  # and the page forbids any request anyway


def test_data_cannot_close_its_script_element(crafted_page: str) -> None:
    assert HOSTILE not in crafted_page and "</script><script>alert(2)" not in crafted_page
    names = {node["label"] for node in page_data(crafted_page)["nodes"]}
    assert HOSTILE in names  # the label survives intact as data


def test_same_network_same_bytes(crafted_page: str) -> None:
    assert page(to_network(crafted_graph(), BASE), "crafted") == crafted_page


def test_planned_collaborations_are_dashed(crafted_page: str) -> None:
    edges = page_data(crafted_page)["edges"]
    dashed = {(e["from"], e["to"]) for e in edges if e.get("dashes")}
    assert dashed == {("id:rencana", "id:dinas"), ("id:rencana", "id:lazada")}
    assert {e["status"] for e in edges if not e.get("dashes")} == {"", "completed"}


def test_details_carry_labels_posts_status_and_evidence(crafted_page: str) -> None:
    data = page_data(crafted_page)
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["id:dinas"]["details"]["label_en"] == "Cooperatives Office"
    assert nodes["id:andi"]["details"]["posts"] == ["Kepala Dinas"]
    facts = nodes["id:lazada"]["details"]["facts"]
    _relation, other, status, ((sentence, article, quote),) = next(f for f in facts if f[0] == "kg:participant")
    assert (other, status, quote) == ("← Rencana pelatihan", "planned", "akan berkolaborasi")
    assert data["sentences"][sentence] == SENTENCE and data["articles"][article] == "Berita uji"


def test_nodes_have_fixed_positions_and_physics_is_off(crafted_page: str) -> None:
    data = page_data(crafted_page)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(node["x"], int) and isinstance(node["y"], int) for node in data["nodes"])


def test_provenance_is_hidden_unless_asked() -> None:
    graph = crafted_graph()
    assert {d["category"] for _, d in to_network(graph, BASE).nodes(data=True)} >= {"organisation", "collaboration"}
    assert "provenance" not in {d["category"] for _, d in to_network(graph, BASE).nodes(data=True)}
    shown = to_network(graph, BASE, provenance=True)
    hidden = {d["type"] for _, d in shown.nodes(data=True) if d["category"] == "provenance"}
    assert hidden == {"NewsArticle", "Sentence"}
    assert shown.has_edge("id:rencana", "sentence:0")


def test_ego_network() -> None:
    network = to_network(crafted_graph(), BASE)
    assert sorted(ego(network, "lazada", 1)) == ["id:lazada", "id:rencana"]
    assert sorted(ego(network, "Lazada", 2)) == ["id:dinas", "id:lazada", "id:rencana"]
    with pytest.raises(UnknownEntity, match="no single entity 'nobody'"):
        ego(network, "nobody", 1)


def test_query_view_draws_only_what_the_query_returns(project: Project, built_out: Path) -> None:
    network = load(project, built_out, query="collaboration-network")
    categories = {d["category"] for _, d in network.nodes(data=True)}
    assert "collaboration" in categories and "place" not in categories and "person" not in categories
    assert {d["relation"] for _, _, d in network.edges(data=True)} <= {"kg:participant", "kg:actingThrough"}


def test_real_graph_page_and_cli(project: Project, built_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    args = ["viz", "--project", str(ROOT), "--built", str(built_out), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    first = out.read_bytes()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert out.read_bytes() == first
    nodes = page_data(first.decode("utf-8"))["nodes"]
    assert len(nodes) == len(load(project, built_out)) > 40
    focused = CliRunner().invoke(main, [*args, "--focus", "nobody"])
    assert focused.exit_code == 1 and "no single entity 'nobody'" in focused.stderr

