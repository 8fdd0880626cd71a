"""Exports other tools read: GraphML and GEXF round-trip through networkx with their attributes,
Cytoscape.js JSON and CSV hold the same, pictures are valid PNG and SVG."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.network.export import export
from kg.network.projection import project as to_network
from tests.conftest import ROOT
from tests.crafted import BASE, HOSTILE, SENTENCE, crafted_graph


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return to_network(crafted_graph(), BASE)


@pytest.mark.parametrize("form, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_read_back_with_attributes(network: nx.MultiDiGraph, tmp_path: Path, form: str, read) -> None:
    (path,) = export(network, form, tmp_path / f"network.{form}")
    back = read(path)
    assert set(back) == set(network) and back.number_of_edges() == network.number_of_edges()
    assert back.nodes["id:hostile"]["label"] == HOSTILE
    assert back.nodes["id:dinas"]["label_en"] == "Cooperatives Office"
    assert back.nodes["id:rencana"]["type"] == "Collaboration" and back.nodes["id:rencana"]["status"] == "planned"
    edges = {(u, v, d["relation"]): d for u, v, d in back.edges(data=True)}
    planned = edges[("id:rencana", "id:lazada", "kg:participant")]
    assert planned["status"] == "planned" and SENTENCE in planned["evidence"] and "Berita uji" in planned["evidence"]


def test_cytoscape_json(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    (path,) = export(network, "cytoscape", tmp_path / "network.json")
    elements = json.loads(path.read_text(encoding="utf-8"))["elements"]
    assert {n["data"]["id"] for n in elements["nodes"]} == set(network)
    assert {(e["data"]["source"], e["data"]["target"], e["data"]["relation"]) for e in elements["edges"]} == {
        (u, v, k) for u, v, k in network.edges(keys=True)}


def test_csv_tables(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    nodes_file, edges_file = export(network, "csv", tmp_path / "tables")
    nodes = list(csv.DictReader(nodes_file.open(encoding="utf-8")))
    edges = list(csv.DictReader(edges_file.open(encoding="utf-8")))
    assert [row["id"] for row in nodes] == sorted(network)
    assert next(row for row in nodes if row["id"] == "id:andi")["posts"] == "Kepala Dinas"
    assert len(edges) == network.number_of_edges() and {row["status"] for row in edges} == {"", "planned", "completed"}


def test_pictures_are_valid_and_stable(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    (png,) = export(network, "png", tmp_path / "network.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    (svg,) = export(network, "svg", tmp_path / "network.svg")
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    first = svg.read_bytes()
    export(network, "svg", svg)
    assert svg.read_bytes() == first


def test_unknown_format(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(KgError, match="unknown export format 'pdf'"):
        export(network, "pdf", tmp_path / "x.pdf")


def test_cli_exports_the_real_graph(built_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "network.graphml"
    result = CliRunner().invoke(main, ["export", "--project", str(ROOT), "--built", str(built_out),
                                       "--format", "graphml", "--out", str(out), "--focus", "lazada"])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert "id:lazada" in back and back.nodes["id:lazada"]["type"] == "Company"


def test_picture_labels_are_never_clipped_at_the_edge(network: nx.MultiDiGraph) -> None:
    """Every label lies whole inside what the saved picture takes in (the figure's tight box)."""
    from matplotlib import pyplot as plt

    from kg.network.export import drawing

    fig = drawing(network)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        box = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
        labels = [text for text in fig.axes[0].texts if text.get_text()]
        assert labels
        for text in labels:
            extent = text.get_window_extent(renderer)
            assert not text.get_clip_on(), text.get_text()
            assert box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 and extent.y1 <= box.y1
    finally:
        plt.close(fig)
