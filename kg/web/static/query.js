// The query page: named queries as examples, results as a table, download and share links.
// Every piece of text from the graph is written with textContent, never as markup.
"use strict";

const library = JSON.parse(document.getElementById("library").textContent);
const byName = new Map(library.map((q) => [q.name, q]));
const form = document.getElementById("query-form");
const select = document.getElementById("example");
const editor = document.getElementById("query");
const paramsBox = document.getElementById("params");
const results = document.getElementById("results");
const errorBox = document.getElementById("error");
const statusLine = document.getElementById("status");
const base = results.dataset.base || "";

function element(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function choose(name, values) {
  const query = byName.get(name);
  select.value = query ? name : "";
  paramsBox.replaceChildren();
  document.getElementById("description").textContent = query ? query.description : "";
  if (!query) return;
  editor.value = query.text;
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
  if (query && editor.value === query.text) {
    for (const input of paramsBox.querySelectorAll("input[data-param]")) search.set(input.name, input.value);
    const bound = search.toString();
    search.set("name", query.name);
    return { url: `/queries/${encodeURIComponent(query.name)}?${bound}`, share: `/?${search}` };
  }
  search.set("query", editor.value);
  return { url: `/sparql?${search}`, share: `/?${search}` };
}

function cell(term) {
  const td = element("td");
  if (!term) return td;
  if (term.type === "uri" && /^https?:/.test(term.value)) {
    const href = base && term.value.startsWith(base) ? "/id/" + term.value.slice(base.length) : term.value;
    td.append(element("a", term.value, { href }));
  } else {
    td.textContent = term.value;
  }
  return td;
}

function table(data) {
  const vars = data.head.vars;
  const head = element("tr");
  for (const name of vars) head.append(element("th", name));
  const body = element("tbody");
  for (const row of data.results.bindings) {
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

async function run(event) {
  if (event) event.preventDefault();
  const { url, share } = request();
  history.replaceState(null, "", share);
  document.getElementById("share").href = share;
  errorBox.hidden = true;
  results.replaceChildren();
  statusLine.textContent = "running…";
  const started = performance.now();
  const response = await fetch(url, { headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" } });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    statusLine.textContent = `failed (${response.status})`;
    errorBox.textContent = await response.text();
    errorBox.hidden = false;
    return;
  }
  const graph = (response.headers.get("Content-Type") || "").startsWith("application/n-triples");
  const downloads = document.getElementById("downloads");
  downloads.replaceChildren();
  for (const fmt of graph ? ["turtle", "nt", "jsonld"] : ["csv", "tsv", "json", "xml"]) {
    downloads.append(element("a", fmt, { href: `${url}&format=${fmt}`, download: "" }), " ");
  }
  document.getElementById("links").hidden = false;
  if (graph) {
    const text = await response.text();
    results.append(element("pre", text));
    statusLine.textContent = `${text.split("\n").filter(Boolean).length} triples in ${seconds} s`;
    return;
  }
  const data = await response.json();
  if ("boolean" in data) {
    results.append(element("p", String(data.boolean), { id: "result-boolean" }));
    statusLine.textContent = `answered in ${seconds} s`;
    return;
  }
  results.append(table(data));
  const count = data.results.bindings.length;
  statusLine.textContent = `${count} ${count === 1 ? "row" : "rows"} in ${seconds} s`;
}

select.addEventListener("change", () => choose(select.value));
form.addEventListener("submit", run);

const start = new URLSearchParams(location.search);
if (start.has("name")) {
  choose(start.get("name"), start);
  run();
} else if (start.has("query")) {
  editor.value = start.get("query");
  run();
}
