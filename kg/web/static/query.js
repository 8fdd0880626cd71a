// The query page: a SPARQL editor (CodeMirror, vendored) that knows the predeclared prefixes and
// the ontology's terms, the named queries with their parameters, results as a table (labels
// beside IRIs), a network or a timeline, downloads in every format, and a shareable URL.
// Every piece of text from the graph is written with textContent (or drawn on a canvas), never
// as markup.
"use strict";

const library = JSON.parse(document.getElementById("library").textContent);
const editorData = JSON.parse(document.getElementById("editor-data").textContent);
const byName = new Map(library.map((q) => [q.name, q]));
const form = document.getElementById("query-form");
const select = document.getElementById("example");
const textarea = document.getElementById("query");
const paramsBox = document.getElementById("params");
const results = document.getElementById("results");
const errorBox = document.getElementById("error");
const statusLine = document.getElementById("status");
const views = document.getElementById("views");
const networkBox = document.getElementById("network-view");
const timelineBox = document.getElementById("timeline-view");
const base = results.dataset.base || "";
const prefixes = Object.entries(editorData.prefixes).sort((a, b) => b[1].length - a[1].length);
const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "VALUES", "BIND",
  "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET", "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "COUNT", "SAMPLE",
  "GROUP_CONCAT", "LANG", "STR", "REGEX", "CONTAINS", "LCASE", "NOT EXISTS"];
const DATE_TYPES = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((t) => "http://www.w3.org/2001/XMLSchema#" + t));
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const MAX_LABELS = 300;
const termLabels = new Map(editorData.terms.filter((t) => t.label).map((t) => [t.name, t.label])); // the ontology's
let current = null; // the last answer: { kind: "select" | "graph" | "ask", vars, rows }
let labels = new Map();
let marked = null;

function element(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function curie(iri) {
  for (const [prefix, namespace] of prefixes) {
    if (iri.startsWith(namespace) && /^[\w.-]*$/.test(iri.slice(namespace.length))) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

function href(iri) {
  if (base && iri.startsWith(base)) return "/id/" + iri.slice(base.length);
  return /^https?:/.test(iri) ? iri : null;
}

// -- the editor ---------------------------------------------------------------------------------

function complete(cm) {
  const cursor = cm.getCursor();
  const before = cm.getLine(cursor.line).slice(0, cursor.ch);
  const named = /([A-Za-z][\w-]*)?:([\w.-]*)$/.exec(before);
  let list;
  let start;
  if (named) {
    const typed = named[0];
    start = cursor.ch - typed.length;
    list = editorData.terms.filter((t) => t.name.startsWith(typed))
      .map((t) => ({ text: t.name, displayText: `${t.name}  ${t.kind}${t.label ? ": " + t.label : ""}` }));
  } else {
    const word = (/[A-Za-z_]*$/.exec(before) || [""])[0];
    start = cursor.ch - word.length;
    const lower = word.toLowerCase();
    list = Object.keys(editorData.prefixes).filter((p) => p.startsWith(lower))
      .map((p) => ({ text: p + ":", displayText: `${p}:  ${editorData.prefixes[p]}` }))
      .concat(KEYWORDS.filter((k) => k.toLowerCase().startsWith(lower) && word).map((k) => ({ text: k })));
  }
  return { list, from: CodeMirror.Pos(cursor.line, start), to: cursor };
}

function makeEditor() {
  if (typeof CodeMirror === "undefined") { // the plain text area still works
    return { getValue: () => textarea.value, setValue: (v) => { textarea.value = v; }, mark() {}, clear() {} };
  }
  const cm = CodeMirror.fromTextArea(textarea, {
    mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, viewportMargin: Infinity,
    extraKeys: { "Ctrl-Space": "autocomplete", "Ctrl-Enter": () => run(), "Cmd-Enter": () => run() },
    hintOptions: { hint: complete, completeSingle: false },
  });
  cm.on("inputRead", (editor, change) => {
    if (change.text.join("").endsWith(":")) editor.showHint();
  });
  document.body.classList.add("has-editor");
  return {
    cm,
    getValue: () => cm.getValue(),
    setValue: (v) => cm.setValue(v),
    mark(line, column) {
      const at = CodeMirror.Pos(line - 1, Math.max(column - 1, 0));
      cm.addLineClass(at.line, "background", "error-line");
      marked = at.line;
      cm.setCursor(at);
    },
    clear() {
      if (marked !== null) cm.removeLineClass(marked, "background", "error-line");
      marked = null;
    },
  };
}

const editor = makeEditor();

// -- named queries and the request --------------------------------------------------------------

function choose(name, values) {
  const query = byName.get(name);
  select.value = query ? name : "";
  paramsBox.replaceChildren();
  document.getElementById("description").textContent = query ? query.description : "";
  if (!query) return;
  editor.setValue(query.text);
  for (const param of query.params) {
    const label = element("label", `${param.name} (${param.kind}) `, { title: param.description });
    const input = element("input", undefined, { name: param.name, "data-param": "" });
    input.value = values && values.has(param.name) ? values.get(param.name) : param.default;
    label.append(input);
    paramsBox.append(label);
  }
}

function request() {
  const query = byName.get(select.value);
  const search = new URLSearchParams();
  if (query && editor.getValue() === query.text) {
    for (const input of paramsBox.querySelectorAll("input[data-param]")) search.set(input.name, input.value);
    const bound = search.toString();
    search.set("name", query.name);
    return { url: `/queries/${encodeURIComponent(query.name)}?${bound}`, share: `/query?${search}` };
  }
  search.set("query", editor.getValue());
  return { url: `/sparql?${search}`, share: `/query?${search}` };
}

// -- results ------------------------------------------------------------------------------------

function cell(term) {
  const td = element("td");
  if (!term) return td;
  if (term.type === "uri") {
    const target = href(term.value);
    const name = element("span", "", { class: "label" });
    name.dataset.iri = term.value;
    td.append(name, target ? element("a", curie(term.value), { href: target, class: "iri" })
      : element("span", curie(term.value), { class: "iri" }));
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) td.append(element("span", ` @${term["xml:lang"]}`, { class: "lang" }));
  }
  return td;
}

function table(vars, rows) {
  const head = element("tr");
  for (const name of vars) head.append(element("th", name));
  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr");
    for (const name of vars) tr.append(cell(row[name]));
    body.append(tr);
  }
  const thead = element("thead");
  thead.append(head);
  const out = element("table", undefined, { id: "result-table" });
  out.append(thead, body);
  return out;
}

function ntTerm(text) {
  if (text.startsWith("<")) return { type: "uri", value: text.slice(1, -1) };
  if (text.startsWith("_:")) return { type: "bnode", value: text.slice(2) };
  const match = /^"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?$/.exec(text);
  if (!match) return { type: "literal", value: text };
  const value = JSON.parse(`"${match[1].replace(/\\U([0-9A-Fa-f]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))}"`);
  const term = { type: "literal", value };
  if (match[2]) term["xml:lang"] = match[2];
  if (match[3]) term.datatype = match[3];
  return term;
}

function triples(text) {
  const rows = [];
  for (const line of text.split("\n")) {
    const match = /^(<[^>]*>|_:\S+) (<[^>]*>) (.*) \.$/.exec(line.trim());
    if (match) rows.push({ subject: ntTerm(match[1]), predicate: ntTerm(match[2]), object: ntTerm(match[3]) });
  }
  return rows;
}

async function fillLabels() {
  const iris = [...new Set([...results.querySelectorAll("span.label[data-iri]")].map((s) => s.dataset.iri))]
    .filter((iri) => !labels.has(iri) && /^[^<>"{}|^`\\\s]+$/.test(iri)).slice(0, MAX_LABELS);
  if (iris.length) {
    const values = iris.map((iri) => `<${iri}>`).join(" ");
    const query = `SELECT ?s ?label WHERE { VALUES ?s { ${values} } ?s rdfs:label ?label }`;
    const response = await fetch("/sparql", { method: "POST", body: new URLSearchParams({ query }),
      headers: { Accept: "application/sparql-results+json" } });
    if (response.ok) {
      const rank = (lang) => ({ id: 0, "": 1, en: 2 }[lang || ""] ?? 3);
      const best = new Map();
      for (const row of (await response.json()).results.bindings) {
        const seen = best.get(row.s.value);
        const lang = row.label["xml:lang"] || "";
        if (!seen || rank(lang) < rank(seen.lang)) best.set(row.s.value, { lang, value: row.label.value });
      }
      for (const iri of iris) labels.set(iri, best.has(iri) ? best.get(iri).value : (termLabels.get(curie(iri)) || ""));
    }
  }
  for (const span of results.querySelectorAll("span.label[data-iri]")) {
    const label = labels.get(span.dataset.iri);
    if (label) span.textContent = label + " ";
  }
}

// -- views --------------------------------------------------------------------------------------

function entityColumns() {
  if (!current || current.kind !== "select") return [];
  return current.vars.filter((v) => current.rows.some((r) => r[v] && r[v].type === "uri"));
}

function dateColumns() {
  if (!current || current.kind !== "select") return [];
  return current.vars.filter((v) => current.rows.some((r) => r[v] && DATE_TYPES.has(r[v].datatype)));
}

function nodeLabel(iri) {
  return labels.get(iri) || curie(iri);
}

function networkData() {
  const nodes = new Map();
  const edges = [];
  const add = (iri) => { if (!nodes.has(iri)) nodes.set(iri, { id: iri, label: nodeLabel(iri) }); };
  if (current.kind === "graph") {
    for (const t of current.rows) {
      if (t.object.type === "uri" && t.subject.type === "uri") {
        add(t.subject.value); add(t.object.value);
        edges.push({ from: t.subject.value, to: t.object.value, label: curie(t.predicate.value) });
      } else if (t.predicate.value === RDFS_LABEL && t.subject.type === "uri") {
        add(t.subject.value);
        nodes.get(t.subject.value).label = t.object.value;
      }
    }
  } else {
    const columns = entityColumns();
    for (const row of current.rows) {
      const here = columns.filter((v) => row[v] && row[v].type === "uri");
      here.forEach((v) => add(row[v].value));
      for (let i = 1; i < here.length; i++) {
        edges.push({ from: row[here[i - 1]].value, to: row[here[i]].value, label: here[i] });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

function drawNetwork() {
  networkBox.replaceChildren();
  const { nodes, edges } = networkData();
  if (!nodes.length) {
    networkBox.append(element("p", "No entity-valued column to draw."));
    return;
  }
  const canvas = element("div", undefined, { id: "network-canvas" });
  const chosen = element("p", "Click a node to open its page.", { id: "network-chosen" });
  networkBox.append(canvas, chosen);
  if (typeof vis === "undefined") return;
  const network = new vis.Network(canvas, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, {
    nodes: { shape: "dot", size: 10, font: { size: 13 } },
    edges: { arrows: "to", font: { size: 10, align: "middle" }, color: { color: "#9ab" } },
    physics: { stabilization: { iterations: 150 } },
  });
  network.on("selectNode", (event) => {
    const iri = event.nodes[0];
    const target = href(iri);
    chosen.replaceChildren(target ? element("a", nodeLabel(iri), { href: target }) : element("span", nodeLabel(iri)));
  });
  networkBox.network = network;
}

function drawTimeline() {
  timelineBox.replaceChildren();
  const [column] = dateColumns();
  if (!column) {
    timelineBox.append(element("p", "No date column to place on a timeline."));
    return;
  }
  const others = current.vars.filter((v) => v !== column);
  const items = current.rows.filter((r) => r[column]).map((r) => ({ date: r[column].value, row: r }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const list = element("ol", undefined, { class: "timeline", id: "timeline-list" });
  let year = null;
  for (const item of items) {
    if (item.date.slice(0, 4) !== year) {
      year = item.date.slice(0, 4);
      list.append(element("li", year, { class: "year" }));
    }
    const li = element("li");
    li.append(element("time", item.date, { datetime: item.date }), " ");
    for (const v of others) {
      const term = item.row[v];
      if (!term) continue;
      if (term.type === "uri") {
        const target = href(term.value);
        li.append(target ? element("a", nodeLabel(term.value), { href: target }) : element("span", nodeLabel(term.value)), " ");
      } else {
        li.append(element("span", term.value), " ");
      }
    }
    list.append(li);
  }
  timelineBox.append(element("p", `${items.length} rows by ${column}`), list);
}

function show(view) {
  for (const button of views.querySelectorAll("button")) button.classList.toggle("active", button.dataset.view === view);
  results.hidden = view !== "table";
  networkBox.hidden = view !== "network";
  timelineBox.hidden = view !== "timeline";
  if (view === "network") drawNetwork();
  if (view === "timeline") drawTimeline();
}

function offerViews() {
  views.hidden = !current || current.kind === "ask";
  views.querySelector('[data-view="network"]').disabled = !(current && (current.kind === "graph" || entityColumns().length));
  views.querySelector('[data-view="timeline"]').disabled = !dateColumns().length;
}

// -- running ------------------------------------------------------------------------------------

function showError(text) {
  errorBox.replaceChildren(element("span", text));
  const at = /\(line (\d+), column (\d+)\)/.exec(text);
  if (at) {
    editor.mark(Number(at[1]), Number(at[2]));
    errorBox.prepend(element("strong", `line ${at[1]}, column ${at[2]}: `, { id: "error-position" }));
  }
  errorBox.hidden = false;
}

function downloads(url, graph) {
  const box = document.getElementById("downloads");
  box.replaceChildren();
  for (const fmt of graph ? ["turtle", "nt", "jsonld", "xml", "trig"] : ["csv", "tsv", "json", "xml"]) {
    box.append(element("a", fmt, { href: `${url}&format=${fmt}`, download: "", "data-format": fmt }), " ");
  }
  document.getElementById("links").hidden = false;
}

async function run(event) {
  if (event) event.preventDefault();
  const { url, share } = request();
  history.replaceState(null, "", share);
  document.getElementById("share").href = share;
  errorBox.hidden = true;
  editor.clear();
  results.replaceChildren();
  delete results.dataset.labelled;
  current = null;
  show("table");
  offerViews();
  statusLine.textContent = "running…";
  const started = performance.now();
  const response = await fetch(url, { headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" } });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    statusLine.textContent = `failed (${response.status})`;
    showError(await response.text());
    return;
  }
  const graph = (response.headers.get("Content-Type") || "").startsWith("application/n-triples");
  downloads(url, graph);
  if (graph) {
    const rows = triples(await response.text());
    current = { kind: "graph", vars: ["subject", "predicate", "object"], rows };
    results.append(table(current.vars, rows));
    statusLine.textContent = `${rows.length} triples in ${seconds} s`;
  } else {
    const data = await response.json();
    if ("boolean" in data) {
      current = { kind: "ask" };
      results.append(element("p", String(data.boolean), { id: "result-boolean" }));
      statusLine.textContent = `answered in ${seconds} s`;
      offerViews();
      return;
    }
    current = { kind: "select", vars: data.head.vars, rows: data.results.bindings };
    results.append(table(current.vars, current.rows));
    const count = current.rows.length;
    statusLine.textContent = `${count} ${count === 1 ? "row" : "rows"} in ${seconds} s`;
  }
  offerViews();
  await fillLabels();
  results.dataset.labelled = "true";
}

select.addEventListener("change", () => choose(select.value));
form.addEventListener("submit", run);
views.addEventListener("click", (event) => {
  const view = event.target.dataset && event.target.dataset.view;
  if (view && !event.target.disabled) show(view);
});

const start = new URLSearchParams(location.search);
if (start.has("name")) {
  choose(start.get("name"), start);
  run();
} else if (start.has("query")) {
  editor.setValue(start.get("query"));
  run();
}
