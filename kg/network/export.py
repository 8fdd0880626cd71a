"""The network in the formats other tools read: GraphML and GEXF (Gephi, yEd, Cytoscape),
Cytoscape.js JSON, CSV nodes and edges (spreadsheets), and PNG or SVG pictures (reports).

A small registry: each format is one writer from the network to bytes per output file, so a
new format is one function and one line. Every attribute is flattened to text (lists joined
with "; ", evidence with " | ") because GraphML and GEXF hold only scalars.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import KgError
from kg.network.defaults import EXPORT_FORMATS, EXPORT_SUFFIXES
from kg.network.layout import STYLES, positions
from kg.network.projection import UNREALISED, evidence_text
from kg.rdfio import write_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure

NODE_FIELDS = ("id", "label", "label_en", "aliases", "type", "category", "status", "posts", "iri", "evidence")
EDGE_FIELDS = ("id", "source", "target", "relation", "status", "support", "evidence")


def flat(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only text attributes, edges keyed e0, e1, … in the network's (sorted) order."""
    out = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        support = sorted({ev for fact in data["facts"] for ev in fact.evidence})
        out.add_node(node, label=data["label"], label_en=data["label_en"], aliases="; ".join(data["aliases"]),
                     type=data["type"], category=data["category"], status=data["status"],
                     posts="; ".join(data["posts"]), iri=data["iri"], evidence=evidence_text(support))
    for index, (u, v, data) in enumerate(network.edges(data=True)):
        out.add_edge(u, v, key=f"e{index}", relation=data["relation"], status=data["status"],
                     support=data.get("support", 0), evidence=evidence_text(data["evidence"]))
    return out


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    return "\n".join(nx.generate_graphml(graph)).encode("utf-8") + b"\n"


def _gexf(graph: nx.MultiDiGraph) -> bytes:
    # GEXF edge ids come from an `id` attribute; the node label is GEXF's own `label` attribute.
    copy = nx.MultiDiGraph()
    copy.add_nodes_from(graph.nodes(data=True))
    copy.add_edges_from((u, v, k, dict(d, id=k)) for u, v, k, d in graph.edges(keys=True, data=True))
    return "\n".join(nx.generate_gexf(copy, prettyprint=True)).encode("utf-8") + b"\n"


def _cytoscape(graph: nx.MultiDiGraph) -> bytes:
    elements = {
        "nodes": [{"data": {"id": n, **d}} for n, d in graph.nodes(data=True)],
        "edges": [{"data": {"id": k, "source": u, "target": v, **d}}
                  for u, v, k, d in graph.edges(keys=True, data=True)],
    }
    return (json.dumps({"elements": elements}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv(rows: list[dict[str, str]], fields: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _tables(graph: nx.MultiDiGraph) -> dict[str, bytes]:
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"id": k, "source": u, "target": v, **d} for u, v, k, d in graph.edges(keys=True, data=True)]
    return {"nodes.csv": _csv(nodes, NODE_FIELDS), "edges.csv": _csv(edges, EDGE_FIELDS)}


def _picture(graph: nx.MultiDiGraph, form: str) -> bytes:
    """A static drawing with matplotlib (Agg, no display, no network), at the page's positions."""
    from matplotlib import pyplot as plt

    fig = drawing(graph)
    buffer = io.BytesIO()
    metadata = {"Date": None} if form == "svg" else {}
    # "tight" takes in every artist: labels drawn unclipped past the axes stay whole in the picture
    fig.savefig(buffer, format=form, dpi=100, bbox_inches="tight", metadata=metadata)
    plt.close(fig)
    return buffer.getvalue()


def drawing(graph: nx.MultiDiGraph) -> Figure:
    """The figure of a static picture; labels are never clipped at the edge of the plot."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D

    matplotlib.rcParams["svg.hashsalt"] = "kg"  # stable element ids: same graph, same SVG bytes
    pos = positions(graph)
    size = min(40.0, 8.0 + len(graph) ** 0.5)
    fig, ax = plt.subplots(figsize=(size, size * 0.75))
    ax.set_axis_off()
    simple = nx.DiGraph(graph)
    for dashed in (False, True):
        edges = [(u, v) for u, v, d in graph.edges(data=True) if (d["status"] in UNREALISED) == dashed]
        nx.draw_networkx_edges(simple, pos, edgelist=edges, ax=ax, edge_color="#999999", arrowsize=8,
                               style="dashed" if dashed else "solid", width=0.8)
    categories = [c for c in STYLES if any(d["category"] == c for _, d in graph.nodes(data=True))]
    for category in categories:
        members = [n for n, d in graph.nodes(data=True) if d["category"] == category]
        nx.draw_networkx_nodes(graph, pos, nodelist=members, ax=ax, node_color=STYLES[category][0], node_size=120)
    if len(graph) <= 300:
        labels = {n: d["label"] for n, d in graph.nodes(data=True)}
        nx.draw_networkx_labels(graph, pos, labels, ax=ax, font_size=7, clip_on=False)
    handles = [Line2D([], [], marker="o", linestyle="", color=STYLES[c][0], label=c) for c in categories]
    handles += [Line2D([], [], color="#999999", label="completed, ongoing"),
                Line2D([], [], color="#999999", linestyle="dashed", label="planned, aspired")]
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    return fig


# format → (what it is for, writer returning {file name or "" for --out itself: bytes})
_WRITERS: dict[str, Callable[[nx.MultiDiGraph], dict[str, bytes]]] = {
    "graphml": lambda g: {"": _graphml(g)},
    "gexf": lambda g: {"": _gexf(g)},
    "cytoscape": lambda g: {"": _cytoscape(g)},
    "csv": _tables,
    "png": lambda g: {"": _picture(g, "png")},
    "svg": lambda g: {"": _picture(g, "svg")},
}
FORMATS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], dict[str, bytes]]]] = {
    name: (what, _WRITERS[name]) for name, what in EXPORT_FORMATS.items()}


def check_out(form: str, out: Path) -> None:
    """Refuse an --out that does not fit the format, before anything is computed or written."""
    suffix = EXPORT_SUFFIXES.get(form)
    if suffix is None:  # csv: a folder of two files
        if out.suffix or out.is_file():
            raise KgError(f"--out {out}: csv writes nodes.csv and edges.csv into a folder, not one file",
                          f"give a folder, e.g. --out {out.with_suffix('')}")
        return
    if out.suffix.lower() != suffix:
        raise KgError(f"--out {out}: {form} is written to a {suffix} file",
                      f"name it {out.with_suffix(suffix).name}, or choose the format that fits {out.suffix or 'it'}")
    if out.is_dir():
        raise KgError(f"--out {out} is a folder", f"give a file name ending in {suffix}")


def export(network: nx.MultiDiGraph, form: str, out: Path) -> list[Path]:
    """Write the network in one format; `out` is a file, or a folder for csv. Returns what was written."""
    if form not in FORMATS:
        raise KgError(f"unknown export format {form!r}", f"use one of {', '.join(FORMATS)}")
    check_out(form, out)
    rendered = FORMATS[form][1](flat(network))
    written = [out / name if name else out for name in rendered]
    for path, data in zip(written, rendered.values(), strict=True):
        write_atomic(path, data)
    return written
