"""The interactive network page: one self-contained, offline HTML file. The only module that
knows pyvis.

pyvis holds the node and edge lists (filled directly: its `add_node`/`from_nx` are quadratic)
and renders them through our own template, because its templates link Bootstrap and
vis-network from CDNs in every mode and switch tooltips to innerHTML when a title mentions
"href". Our template inlines the vis-network build that pyvis ships, embeds all data as
escaped JSON, and builds every piece of text in the page with textContent.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from kg.network.layout import STYLES, positions
from kg.network.projection import UNREALISED, Evidence

ASSETS = Path(__file__).parent / "assets"
TEMPLATE = "network.html.j2"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

CANCELLED_COLOUR = "#bbbbbb"


def page(network: nx.MultiDiGraph, title: str) -> str:
    """The HTML of the page for this network: same network, same bytes."""
    where = positions(network)
    tables = _Tables()
    net = Network(height="100%", width="100%", directed=True)
    net.nodes = [_node(node, data, where[node], tables) for node, data in network.nodes(data=True)]
    net.edges = [_edge(i, u, v, data, tables) for i, (u, v, data) in enumerate(network.edges(data=True))]
    for node in net.nodes:
        node["details"]["facts"] += _relation_facts(network, node["id"], tables)
    net.options = _options(len(net.nodes))
    categories = sorted({n["category"] for n in net.nodes}, key=list(STYLES).index)
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=True, keep_trailing_newline=True)
    env.globals.update(
        title=title,
        vis_js=_asset(VIS_DIR / "vis-network.min.js", "</script"),
        vis_css=_asset(VIS_DIR / "vis-network.css", "</style"),
        page_js=_asset(ASSETS / "network.js", "</script"),
        page_css=_asset(ASSETS / "network.css", "</style"),
        legend=[{"category": c, "colour": STYLES[c][0], "shape": STYLES[c][1]} for c in categories],
        relations=sorted({e["relation"] for e in net.edges}),
        sentences=tables.sentences, articles=tables.articles,
    )
    net.templateEnv, net.path = env, TEMPLATE
    return net.generate_html(name="network.html")


class _Tables:
    """Sentences and articles stored once in the page; evidence refers to them by index."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.articles: list[str] = []
        self._index: dict[tuple[str, str], int] = {}

    def ref(self, ev: Evidence) -> list[object]:
        return [self._add(self.sentences, "s", ev.sentence), self._add(self.articles, "a", ev.headline or ev.article),
                ev.quote]

    def _add(self, table: list[str], kind: str, text: str) -> int:
        key = (kind, text)
        if key not in self._index:
            self._index[key] = len(table)
            table.append(text)
        return self._index[key]


def _node(node: str, data: dict, xy: tuple[int, int], tables: _Tables) -> dict:
    colour, shape = STYLES[data["category"]]
    facts = [[fact.relation, fact.value, "", [tables.ref(ev) for ev in fact.evidence]] for fact in data["facts"]]
    return {
        "id": node, "label": data["label"], "x": xy[0], "y": xy[1], "shape": shape, "color": colour,
        "category": data["category"],
        "details": {"type": data["type"], "label_en": data["label_en"], "aliases": data["aliases"],
                    "status": data["status"], "posts": data["posts"], "iri": data["iri"], "facts": facts},
    }


def _edge(index: int, source: str, target: str, data: dict, tables: _Tables) -> dict:
    edge = {"id": f"e{index}", "from": source, "to": target, "label": data.get("relation_label", data["relation"]),
            "relation": data["relation"], "status": data["status"],
            "evidence": [tables.ref(ev) for ev in data["evidence"]]}
    if data.get("support", 0) > 1:  # stated by several articles: drawn thicker, as kg:supportCount says
        edge["width"] = 1 + min(data["support"], 8)
    if data["status"] in UNREALISED:
        edge["dashes"] = True
    elif data["status"] == "cancelled":
        edge.update(dashes=[2, 6], color=CANCELLED_COLOUR)
    return edge


def _relation_facts(network: nx.MultiDiGraph, node: str, tables: _Tables) -> list[list[object]]:
    """The node's edges as facts: relation, the other end (→ outgoing, ← incoming), status, evidence."""
    facts = []
    for arrow, edges in (("→", network.out_edges(node, data=True)), ("←", network.in_edges(node, data=True))):
        for u, v, data in edges:
            other = network.nodes[v if arrow == "→" else u]["label"]
            relation = data.get("relation_label", data["relation"])
            facts.append([relation, f"{arrow} {other}", data["status"],
                          [tables.ref(ev) for ev in data["evidence"]]])
    return facts


def _options(count: int) -> dict:
    """vis-network options: positions are precomputed, so no physics and no layout pass."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "hideEdgesOnDrag": count > 1000, "hideEdgesOnZoom": count > 1000,
                        "tooltipDelay": 200},
        "nodes": {"size": 12, "font": {"size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"size": 10, "align": "middle"}, "color": {"color": "#888888", "inherit": False}},
    }


def network_assets() -> dict[str, bytes]:
    """The vis-network build this page inlines, as files for a server to send (the query page's
    network view draws with the same build, offline)."""
    return {name: (VIS_DIR / name).read_bytes() for name in ("vis-network.min.js", "vis-network.css")}


def _asset(path: Path, closing_tag: str) -> Markup:
    """A script or stylesheet to inline; it must not be able to close its own element."""
    text = path.read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise ValueError(f"{path} contains {closing_tag}> and cannot be inlined")
    return Markup(text)
