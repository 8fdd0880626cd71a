// The page's behaviour: details, search, filters and legend. Every piece of text from the data
// is placed with textContent or as a property, never parsed as HTML.
"use strict";
(function () {
  const KG = JSON.parse(document.getElementById("kg-data").textContent);
  const nodes = new vis.DataSet(KG.nodes);
  const edges = new vis.DataSet(KG.edges);
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, KG.options);
  const hiddenCategories = new Set();
  const hiddenRelations = new Set();
  window.kgNetwork = network;
  // The first view fits the nodes' positions; labels reach past them, so step back until every
  // label's box is inside the canvas (no animation: vis-network counts frames, not time).
  network.once("afterDrawing", () => {
    const ids = nodes.getIds();
    for (let step = 0; step < 8 && !allInside(ids); step++) {
      network.moveTo({ scale: network.getScale() * 0.9, animation: false });
    }
  });
  function allInside(ids) {
    const width = container.clientWidth, height = container.clientHeight;
    return ids.every((id) => {
      const box = network.getBoundingBox(id);
      const a = network.canvasToDOM({ x: box.left, y: box.top }), b = network.canvasToDOM({ x: box.right, y: box.bottom });
      return a.x >= 0 && a.y >= 0 && b.x <= width && b.y <= height;
    });
  }

  function el(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function evidenceList(refs) {
    const list = document.createDocumentFragment();
    for (const [sentence, article, quote] of refs) {
      const block = el("blockquote", null, "evidence");
      const text = KG.sentences[sentence];
      const at = quote ? text.indexOf(quote) : -1;
      if (at >= 0) {
        block.append(text.slice(0, at), el("mark", quote), text.slice(at + quote.length));
      } else {
        block.textContent = text;
      }
      list.append(block, el("div", "source: " + KG.articles[article], "source"));
    }
    return list;
  }

  function fact(relation, value, status, refs) {
    const dd = el("dd");
    dd.append(el("span", relation + " "), el("span", value));
    if (status) dd.append(" ", el("span", status, "status"));
    dd.append(evidenceList(refs));
    return dd;
  }

  function showNode(id) {
    const node = nodes.get(id);
    const d = node.details;
    const panel = document.getElementById("details");
    panel.replaceChildren(el("h2", node.label));
    if (d.label_en) panel.append(el("p", d.label_en + " (en)", "sub"));
    const list = el("dl");
    const add = (term, value) => { if (value) list.append(el("dt", term), el("dd", value)); };
    add("type", d.type + (d.status ? " · " + d.status : ""));
    add("also called", d.aliases.join("; "));
    add("posts", d.posts.join("; "));
    add("id", node.id);
    if (d.facts.length) {
      list.append(el("dt", "facts"));
      for (const [relation, value, status, refs] of d.facts) list.append(fact(relation, value, status, refs));
    }
    panel.append(list);
  }

  function showEdge(id) {
    const edge = edges.get(id);
    const panel = document.getElementById("details");
    panel.replaceChildren(el("h2", edge.relation));
    const list = el("dl");
    list.append(el("dt", "from"), el("dd", nodes.get(edge.from).label),
                el("dt", "to"), el("dd", nodes.get(edge.to).label));
    if (edge.status) list.append(el("dt", "status"), el("dd", edge.status));
    list.append(el("dt", "evidence"), fact("", "", "", edge.evidence));
    panel.append(list);
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  const tooltip = document.getElementById("tooltip");
  network.on("hoverNode", (params) => {
    const node = nodes.get(params.node);
    tooltip.textContent = node.label + " — " + node.details.type;
    tooltip.style.left = params.event.clientX + 12 + "px";
    tooltip.style.top = params.event.clientY + 12 + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", () => { tooltip.hidden = true; });

  // Search over labels, ids and aliases: an exact name first, then a name that starts with the
  // words, then one that contains them; among equals, actors before places, programs, events,
  // collaborations and quotes, then the shorter label.
  const names = document.getElementById("entity-names");
  for (const node of KG.nodes) names.append(new Option(node.label));
  const KIND_ORDER = ["organisation", "person", "program", "place", "event", "collaboration", "post", "study",
                      "finding", "utterance"];
  function rank(node, q) {
    const known = [node.label, node.id, node.id.replace(/^id:/, ""), node.details.label_en,
                   ...(node.details.aliases || [])].filter(Boolean).map((s) => s.toLowerCase());
    const match = known.includes(q) ? 0 : known.some((s) => s.startsWith(q)) ? 1 : known.some((s) => s.includes(q)) ? 2 : -1;
    if (match < 0) return null;
    const kind = KIND_ORDER.indexOf(node.category);
    return [match, kind < 0 ? KIND_ORDER.length : kind, node.label.length];
  }
  function before(a, b) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  }
  function find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    let best = null, bestRank = null;
    for (const node of KG.nodes) {
      if (hiddenCategories.has(node.category)) continue;
      const r = rank(node, q);
      if (r && (!bestRank || before(r, bestRank))) { best = node; bestRank = r; }
    }
    return best;
  }
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const message = document.getElementById("search-message");
    const node = find(document.getElementById("search").value);
    message.textContent = node ? "" : "not found";
    if (!node) return;
    network.selectNodes([node.id]);
    network.focus(node.id, { scale: 1.5, animation: false });
    showNode(node.id);
  });

  // Legend and filters: one checkbox per entity category (drawn in its shape and colour) and per relation.
  const SHAPES = {
    triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13", diamond: "7,0 14,7 7,14 0,7",
    hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7", square: "1,1 13,1 13,13 1,13",
    star: "7,0 8.8,4.6 14,5 10,8.4 11.2,13.6 7,10.8 2.8,13.6 4,8.4 0,5 5.2,4.6",
  };
  function shapeIcon(shape, colour) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("class", "swatch");
    const mark = SHAPES[shape] ? document.createElementNS(ns, "polygon") : document.createElementNS(ns, "circle");
    if (SHAPES[shape]) mark.setAttribute("points", SHAPES[shape]);
    else { mark.setAttribute("cx", "7"); mark.setAttribute("cy", "7"); mark.setAttribute("r", "6"); }
    mark.setAttribute("fill", colour);
    svg.append(mark);
    return svg;
  }
  function checkbox(label, onChange, swatch) {
    const item = el("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", () => onChange(box.checked));
    const text = el("label");
    text.append(box);
    if (swatch) text.append(swatch);
    text.append(label);
    item.append(text);
    return item;
  }
  function applyFilters() {
    nodes.update(KG.nodes.map((n) => ({ id: n.id, hidden: hiddenCategories.has(n.category) })));
    edges.update(KG.edges.map((e) => ({ id: e.id, hidden: hiddenRelations.has(e.relation) })));
    updateCounts();
  }
  function toggle(set, key) {
    return (checked) => { if (checked) set.delete(key); else set.add(key); applyFilters(); };
  }
  const legend = document.getElementById("legend");
  for (const entry of KG.legend) {
    const count = KG.nodes.filter((n) => n.category === entry.category).length;
    const swatch = shapeIcon(entry.shape, entry.colour);
    const item = checkbox(entry.category + " (" + count + ")", toggle(hiddenCategories, entry.category), swatch);
    item.dataset.category = entry.category;
    legend.append(item);
  }
  const relations = document.getElementById("relations");
  for (const relation of KG.relations) {
    const item = checkbox(relation, toggle(hiddenRelations, relation));
    item.dataset.relation = relation;
    relations.append(item);
  }

  function updateCounts() {
    const shown = KG.nodes.length - KG.nodes.filter((n) => hiddenCategories.has(n.category)).length;
    document.getElementById("counts").textContent = shown + " of " + KG.nodes.length + " entities";
  }
  updateCounts();

  network.once("afterDrawing", () => {
    document.body.dataset.drawn = String(performance.now());
  });
})();
