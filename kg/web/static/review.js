// The review page of kg review: keyboard and buttons send a decision on one item to the local
// server, which writes the draft; the page then reloads to show the draft as it now is.
"use strict";
(() => {
  const token = document.querySelector('meta[name="review-token"]').content;
  const review = document.querySelector(".review");
  const draft = review.dataset.draft;
  const items = Array.from(document.querySelectorAll("li.item"));
  const notice = document.getElementById("notice");
  const editDialog = document.getElementById("edit-dialog");
  const editForm = document.getElementById("edit-form");
  const help = document.getElementById("help");
  let current = -1;

  function marksOf(li) {
    return Array.from(document.querySelectorAll("#text mark")).filter(
      (mark) => mark.dataset.items.split(" ").includes(li.dataset.index));
  }

  function focusItem(n) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, n));
    document.querySelectorAll("#text mark.current").forEach((mark) => mark.classList.remove("current"));
    document.querySelectorAll("li.item.current").forEach((li) => li.classList.remove("current"));
    const li = items[current];
    li.classList.add("current");
    li.querySelector("button.pick").focus();
    const marks = marksOf(li);
    marks.forEach((mark) => mark.classList.add("current"));
    if (marks.length) marks[0].scrollIntoView({block: "nearest"});
  }

  async function post(what, body) {
    const response = await fetch(`/api/draft/${encodeURIComponent(draft)}/${what}`, {
      method: "POST", headers: {"Content-Type": "application/json", "X-Review-Token": token},
      body: JSON.stringify(body)});
    try {
      return await response.json();
    } catch (err) {
      return {ok: false, error: `the server answered ${response.status}`};
    }
  }

  async function decide(li, decision, edit) {
    const problem = li.querySelector(".problem");
    problem.hidden = true;
    const answer = await post("decide", {path: li.dataset.path, label: li.dataset.label, decision, edit});
    if (!answer.ok) {
      problem.textContent = answer.error;
      problem.hidden = false;
      return;
    }
    let message = `${decision}: ${li.dataset.path} ${li.dataset.label}`;
    if (answer.removed.length) message += ` · also removed what referred to it: ${answer.removed.join(", ")}`;
    if (answer.warnings.length) message += ` · build warnings: ${answer.warnings.join("; ")}`;
    sessionStorage.setItem("kg-review", JSON.stringify({draft, index: Number(li.dataset.index), message}));
    location.reload();
  }

  function openEdit(li) {
    const form = editForm.elements;
    const isValue = li.dataset.field !== "";
    const hasStatus = li.dataset.kind === "Collaboration" || li.dataset.field === "status";
    editForm.querySelectorAll(".for-entity").forEach((p) => { p.hidden = isValue; });
    editForm.querySelectorAll(".for-value").forEach((p) => { p.hidden = !isValue || li.dataset.field === "status"; });
    editForm.querySelectorAll(".for-status").forEach((p) => { p.hidden = !hasStatus; });
    form.type.value = li.dataset.kind;
    form.label.value = li.dataset.label;
    form.id.value = "";
    form.value.value = li.dataset.label;
    form.status.value = li.dataset.field === "status" ? li.dataset.label : (li.dataset.status || "planned");
    editDialog.dataset.position = items.indexOf(li);
    editDialog.returnValue = "";
    editDialog.showModal();
    (isValue ? (li.dataset.field === "status" ? form.status : form.value) : form.label).focus();
  }

  function changes(li) {
    const form = editForm.elements;
    const edit = {};
    if (li.dataset.field === "status") {
      if (form.status.value !== li.dataset.label) edit.value = form.status.value;
    } else if (li.dataset.field) {
      if (form.value.value !== li.dataset.label) edit.value = form.value.value;
    } else {
      if (form.type.value !== li.dataset.kind) edit.type = form.type.value;
      if (form.label.value !== li.dataset.label) edit.label = form.label.value;
      if (form.id.value) edit.id = form.id.value;
      if (li.dataset.kind === "Collaboration" && form.status.value !== li.dataset.status) edit.status = form.status.value;
    }
    return edit;
  }

  editDialog.addEventListener("close", () => {
    const li = items[Number(editDialog.dataset.position)];
    if (editDialog.returnValue !== "save") {
      li.querySelector("button.pick").focus();
      return;
    }
    const edit = changes(li);
    if (Object.keys(edit).length) decide(li, "edited", edit);
    else notice.textContent = "nothing changed";
  });

  let searching = null;
  for (const name of ["id", "value"]) {
    editForm.elements[name].addEventListener("input", (event) => {
      clearTimeout(searching);
      searching = setTimeout(() => search(event.target.value), 150);
    });
  }

  async function search(words) {
    const response = await fetch(`/api/known?q=${encodeURIComponent(words)}&draft=${encodeURIComponent(draft)}`);
    const found = response.ok ? await response.json() : [];
    const list = document.getElementById("known");
    list.replaceChildren(...found.map((known) => {
      const option = document.createElement("option");
      option.value = known.id;
      option.textContent = `${known.label} (${known.type})`;
      return option;
    }));
  }

  function act(li, what) {
    if (what === "edit") openEdit(li);
    else decide(li, what);
  }

  items.forEach((li, n) => {
    li.querySelector("button.pick").addEventListener("click", () => focusItem(n));
    li.querySelector("button.pick").addEventListener("focus", () => { if (current !== n) focusItem(n); });
    li.querySelectorAll(".actions button").forEach((button) => {
      button.addEventListener("click", () => { current = n; act(li, button.dataset.act); });
    });
  });

  document.querySelectorAll("#text mark").forEach((mark) => {
    mark.addEventListener("click", () => {
      const first = items.findIndex((li) => li.dataset.index === mark.dataset.items.split(" ")[0]);
      if (first >= 0) focusItem(first);
    });
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector("dialog[open]")) return;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName)) return;
    const keys = {
      j: () => focusItem(current + 1),
      k: () => focusItem(current - 1),
      a: () => current >= 0 && act(items[current], "accepted"),
      r: () => current >= 0 && act(items[current], "rejected"),
      e: () => current >= 0 && act(items[current], "edit"),
      "?": () => help.showModal(),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  document.getElementById("finish").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await post("finish", {strip: event.target.elements.strip.checked});
    if (!answer.ok) {
      notice.textContent = answer.error;
      notice.classList.add("error");
      return;
    }
    notice.classList.remove("error");
    notice.textContent = `finished: the article is now ${answer.article}`;
    document.querySelectorAll(".review button").forEach((button) => { button.disabled = true; });
  });

  const stored = JSON.parse(sessionStorage.getItem("kg-review") || "null");
  sessionStorage.removeItem("kg-review");
  if (stored && stored.draft === draft) {
    notice.textContent = stored.message;
    const same = items.findIndex((li) => Number(li.dataset.index) === stored.index);  // or, if it went, the next
    focusItem(same >= 0 ? same : items.length - 1);
  }
  review.dataset.ready = "true";
})();
