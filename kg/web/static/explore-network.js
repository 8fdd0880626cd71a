// The explorer's network views, drawn with the vis-network build that `kg viz` uses (served from
// this server, nothing fetched elsewhere). The data is inert JSON in the page; every label goes to
// the canvas or to textContent, never into markup. A click follows the node's link: an entity's
// page, or a type's cluster opened into its members.
"use strict";

(function () {
  const box = document.getElementById("network");
  const island = document.getElementById("network-data");
  if (!box || !island || typeof vis === "undefined") return;
  const data = JSON.parse(island.textContent);
  const colours = { organisation: "#2f6f8f", person: "#d9822b", program: "#4f8f3a", event: "#8e5ba8",
                    place: "#7a8588", collaboration: "#b5473a" };
  const short = (text) => (text.length > 32 ? text.slice(0, 31) + "…" : text);
  const tip = (node) => {
    const element = document.createElement("div");
    element.textContent = `${node.label} · ${node.type}`;
    return element;
  };
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const nodes = new vis.DataSet(data.nodes.map((node) => ({
    id: node.id, label: short(node.label), title: tip(node), value: node.value || 1,
    shape: node.cluster ? "hexagon" : node.focus ? "star" : "dot",
    color: colours[node.group] || "#555", font: { size: node.focus ? 16 : 12 },
  })));
  const edges = new vis.DataSet(data.edges.map((edge, index) => ({
    id: index, from: edge.from, to: edge.to, value: edge.value || 1, arrows: edge.value ? "" : "to",
    color: { color: "#9ab" }, title: (() => { const t = document.createElement("div"); t.textContent = edge.label; return t; })(),
  })));
  const network = new vis.Network(box, { nodes, edges }, {
    layout: { randomSeed: 7, improvedLayout: data.nodes.length < 150 },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250, fit: true } },
    nodes: { scaling: { min: 8, max: 30, label: { enabled: false } } },
    edges: { smooth: false, scaling: { min: 1, max: 6 } },
    interaction: { hover: true, tooltipDelay: 120 },
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    box.dataset.ready = "true";
  });
  network.on("click", (params) => {
    const node = params.nodes.length ? byId.get(params.nodes[0]) : null;
    if (node && node.href && !node.focus) window.location.assign(node.href);
  });
  box.dataset.nodes = String(data.nodes.length);
}());
