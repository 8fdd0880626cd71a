"""Reviewing a draft: its proposed items, and a person's decision on one of them applied to the
YAML and logged (kg/ingest/finish.py then moves the reviewed draft among the articles).

The YAML is edited round-trip with ruamel.yaml, so the comments, quotes, anchors and layout of
the draft survive a decision (PyYAML would rewrite the whole file). Every change is checked by
the build's own checks (the caller's `check`) before it is written, atomically: a file the build
refuses is never written. Decisions are appended to data/review/decisions.jsonl, one JSON object
a line (kg/ingest/decisions.py), from which each rule's precision can be measured.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from kg.errors import KgError, Location, SourceError
from kg.ingest.decisions import append_decision, decisions_log, read_decisions
from kg.namespaces import ID_PATTERN
from kg.rdfio import write_atomic
from kg.source.files import read_text_file
from kg.source.limits import hidden_character, read_bounded, shown
from kg.source.schema import ENTITY_KEYS, FIELDS, STATUSES, TYPES, Kind
from kg.source.text import ArticleText, QuoteNotFound, Span
from kg.source.yamlsource import parse_yaml

DECISIONS = ("accepted", "edited", "rejected")
MAX_EDIT_CHARS = 500  # a label or value typed on the review page
# The build's checks on a draft: (the YAML's path, its new text) -> the build's warnings; raises
# SourceError when the build would refuse the text.
Check = Callable[[Path, str], list[Any]]
_PATH = re.compile(r"(article|entities\[(\d+)\])(?:\.([a-z_]+)(?:\[(\d+)\])?)?")


class ReviewError(KgError):
    """A decision that cannot be applied (an unknown item, a bad edit, a page out of date); what the
    build refuses is its own SourceError."""


@dataclass(frozen=True)
class Item:
    """One proposed item: an entity, or a value written as a mapping (with its own evidence)."""

    path: str  # "entities[3]", "entities[3].holds[0]", "article.dateline"
    entity: str | None  # the id of the entity it is or belongs to (None: the article block)
    kind: str  # the entity's type, or the value's field
    label: str
    rule: str | None
    confidence: float | None
    spans: tuple[Span, ...]
    status: str | None = None  # a collaboration's status

    @property
    def field(self) -> str:
        """The value's field ("" for an entity)."""
        return field_of(self.path)


@dataclass
class Draft:
    """A draft as it is on disk: its YAML, text and proposed items."""

    yaml_path: Path
    yaml_text: str
    text: str
    items: list[Item] = field(default_factory=list)

    @property
    def ident(self) -> str:
        return self.yaml_path.stem

    @property
    def project_root(self) -> Path:
        return self.yaml_path.parent.parent.parent

    @property
    def log_path(self) -> Path:
        return decisions_log(self.project_root)


def field_of(path: str) -> str:
    """The field an item's path names ("" for a whole entity): entities[3].holds[0] -> holds."""
    match = _PATH.fullmatch(path)
    return (match.group(3) or "") if match else ""


def yaml_round_trip() -> YAML:
    """Round-trip YAML laid out as the project writes it (2-space mappings, lists indented)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def drafts_folder(project_root: Path) -> Path:
    return project_root / "data" / "drafts"


def draft_ids(project_root: Path) -> list[str]:
    """The drafts waiting for review."""
    return sorted(p.stem for p in drafts_folder(project_root).glob("*.yaml") if ID_PATTERN.fullmatch(p.stem))


def open_draft(project_root: Path, ident: str) -> Draft:
    """Read a draft and find its items; the YAML is read with the project's own reader first,
    so its limits (size, depth, aliases) hold before ruamel.yaml sees it."""
    if not ID_PATTERN.fullmatch(ident):
        raise ReviewError(f"{shown(ident)} is not a draft id", "use the name of a file in data/drafts/ without .yaml")
    path = drafts_folder(project_root) / f"{ident}.yaml"
    if not path.is_file():
        raise ReviewError(f"no draft {ident!r} in {drafts_folder(project_root)}",
                          "kg ingest ARTICLE.txt writes one; kg review lists those there are")
    yaml_text = read_bounded(path, Location(path), "the draft")
    parse_yaml(yaml_text, path)
    tree = yaml_round_trip().load(yaml_text)
    article = tree.get("article") if isinstance(tree, dict) else None
    text_name = article.get("text") if isinstance(article, dict) else None
    if not isinstance(text_name, str):
        raise SourceError(Location(path, field="article.text"), "the draft names no text file",
                          f"add text: {ident}.txt to its article block")
    text = read_text_file(text_name, path, Location(path, field="article.text"))
    return Draft(path, yaml_text, text, list(_items(tree, ArticleText(text))))


def _items(tree: Any, text: ArticleText) -> Iterator[Item]:
    """The article block's proposed values, then each entity followed by its proposed values."""
    article = tree.get("article") or {}
    yield from _values(article, "article", None, text, article.get("evidence"))
    for index, entity in enumerate(tree.get("entities") or []):
        if not isinstance(entity, dict):
            continue
        path, ident = f"entities[{index}]", str(entity.get("id"))
        yield Item(path, ident, str(entity.get("type")), str(entity.get("label", ident)), _rule(entity),
                   _confidence(entity), _spans(text, entity.get("evidence")), _status(entity))
        yield from _values(entity, path, ident, text, entity.get("evidence"))


def _values(mapping: dict, path: str, ident: str | None, text: ArticleText, evidence: Any) -> Iterator[Item]:
    for key, raw in mapping.items():
        if key in ENTITY_KEYS or key == "related":
            continue
        many = isinstance(raw, list)
        for number, value in enumerate(raw if many else [raw]):
            if isinstance(value, dict) and "value" in value and "rule" in value:
                where = f"{path}.{key}[{number}]" if many else f"{path}.{key}"
                yield Item(where, ident, str(key), str(value["value"]), _rule(value), _confidence(value),
                           _spans(text, value.get("evidence", evidence)))


def _rule(mapping: dict) -> str | None:
    rule = mapping.get("rule")
    return rule if isinstance(rule, str) else None


def _confidence(mapping: dict) -> float | None:
    value = mapping.get("confidence")
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _status(entity: dict) -> str | None:
    status = entity.get("status")
    status = status.get("value") if isinstance(status, dict) else status
    return status if isinstance(status, str) else None


def _spans(text: ArticleText, evidence: Any) -> tuple[Span, ...]:
    """Where the evidence lies in the text (quotes not found there are left out: the check says so)."""
    found = []
    for quote in evidence if isinstance(evidence, list) else [evidence]:
        occurrence = quote.get("occurrence") if isinstance(quote, dict) else None
        quote = quote.get("quote") if isinstance(quote, dict) else quote
        if isinstance(quote, str) and (occurrence is None or type(occurrence) is int):
            try:
                found.append(text.find(quote, occurrence))
            except QuoteNotFound:
                continue
    return tuple(found)


@dataclass
class Outcome:
    """What a decision did: the record logged, what else it removed, the build's warnings."""

    record: dict[str, Any]
    removed: list[str]
    warnings: list[str]


def decide(draft: Draft, path: str, decision: str, check: Check, edit: dict[str, Any] | None = None,
           known: dict[str, str] | None = None, label: str | None = None) -> Outcome:
    """Apply a decision on the item at `path`: accepted keeps it, edited changes it (type, label,
    id of an existing entity to link to, status, or a value), rejected removes it and whatever
    referred to it (listed in the outcome). The new YAML is checked, written atomically, and the
    decision appended to the log; on any refusal nothing is written. `known`: id -> type of the
    entities other sources declare (a link's target); `label`: the item's label as the reviewer saw
    it, refused if the item at `path` has another one now (the page is out of date)."""
    item = next((i for i in draft.items if i.path == path), None)
    if item is None or (label is not None and item.label != label):
        raise ReviewError(f"no proposed item {shown(label or path)} at {shown(path)} in draft {draft.ident!r} "
                          "(the draft has changed)", "reload the page")
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {shown(decision)}", f"use one of {', '.join(DECISIONS)}")
    yaml = yaml_round_trip()
    tree = yaml.load(draft.yaml_text)
    removed: list[str] = []
    edited: dict[str, Any] = {}
    if decision == "rejected":
        removed = _reject(tree, path)
    elif decision == "edited":
        edited = _edit(tree, item, edit or {}, known or {})
    out = io.StringIO()
    yaml.dump(tree, out)
    new_text = out.getvalue()
    warnings = [str(w) for w in check(draft.yaml_path, new_text)]
    if new_text != draft.yaml_text:
        if read_bounded(draft.yaml_path, Location(draft.yaml_path), "the draft") != draft.yaml_text:
            raise ReviewError(f"{draft.yaml_path} changed since it was read", "reload the page and decide again")
        write_atomic(draft.yaml_path, new_text.encode("utf-8"))
    record = {"draft": draft.ident, "path": path, "entity": item.entity, "rule": item.rule,
              "confidence": item.confidence, "decision": decision, "kind": item.kind, "label": item.label}
    if decision == "edited":
        record["edited_to"] = edited
    append_decision(draft.log_path, record)
    return Outcome(record, removed, warnings)


def _locate(tree: Any, path: str) -> tuple[dict, str | None, int | None]:
    """The mapping the path points into, the field (None: the whole entity) and the list index."""
    match = _PATH.fullmatch(path)
    if match is None:
        raise ReviewError(f"{shown(path)} is not an item's path")
    block, entity_index, key, number = match.groups()
    owner = tree["article"] if block == "article" else tree["entities"][int(entity_index)]
    return owner, key, int(number) if number is not None else None


def _reject(tree: Any, path: str) -> list[str]:
    """Remove the item; for an entity, also every reference to it (their paths are returned)."""
    owner, key, number = _locate(tree, path)
    if key is None:
        ident = owner["id"]
        removed = _drop_references(tree, ident)
        tree["entities"].remove(owner)
        return removed
    _drop_value(owner, key, number)
    return []


def _drop_value(owner: dict, key: str, number: int | None) -> None:
    if number is None:
        del owner[key]
        return
    del owner[key][number]
    if not owner[key]:
        del owner[key]


def _references(tree: Any, ident: str) -> list[tuple[str, dict, str, int | None]]:
    """Every value of a reference field that names `ident`: its path, mapping, field and list index."""
    found = []
    blocks = [("article", tree.get("article") or {})]
    blocks += [(f"entities[{i}]", e) for i, e in enumerate(tree.get("entities") or []) if e.get("id") != ident]
    for where, owner in blocks:
        for key in [k for k in owner if k in FIELDS and FIELDS[k].kind is Kind.REF]:
            many = isinstance(owner[key], list)
            for n, value in enumerate(owner[key] if many else [owner[key]]):
                if (value.get("value") if isinstance(value, dict) else value) == ident:
                    found.append((f"{where}.{key}[{n}]" if many else f"{where}.{key}", owner, key, n if many else None))
    return found


def _drop_references(tree: Any, ident: str) -> list[str]:
    """Remove the references to `ident` (the last first, so list indexes hold); their paths."""
    found = _references(tree, ident)
    for _, owner, key, number in reversed(found):
        _drop_value(owner, key, number)
    return [where for where, *_ in found]


def _edit(tree: Any, item: Item, edit: dict[str, Any], known: dict[str, str]) -> dict[str, Any]:
    """Apply an edit and return what was changed to (the log's `edited_to`)."""
    owner, key, number = _locate(tree, item.path)
    allowed = {"value"} if key is not None else {"type", "label", "id", "status"}
    wrong = sorted(set(edit) - allowed)
    if wrong or not edit:
        raise ReviewError(f"cannot edit {', '.join(map(shown, wrong)) or 'nothing'} of {item.path}",
                          f"edit one of {', '.join(sorted(allowed))}")
    changes = {name: _plain(name, value) for name, value in edit.items()}
    if key is not None:
        _set_value(owner, key, number, changes["value"])
        return changes
    if "id" in changes and changes["id"] != owner["id"]:
        _link(tree, owner, changes["id"], known)
        changes.setdefault("type", known.get(changes["id"], owner["type"]))
    if "type" in changes:
        if changes["type"] not in TYPES:
            raise ReviewError(f"unknown type {shown(changes['type'])}", f"use one of {', '.join(sorted(TYPES))}")
        owner["type"] = changes["type"]
    if "label" in changes:
        owner["label"] = changes["label"]
    if "status" in changes:
        if changes["status"] not in STATUSES:
            raise ReviewError(f"unknown status {shown(changes['status'])}", f"use one of {', '.join(STATUSES)}")
        if isinstance(owner.get("status"), dict):
            owner["status"]["value"] = changes["status"]
        else:
            owner["status"] = changes["status"]
    return changes


def _plain(name: str, value: Any) -> str:
    """A value typed on the page: one line of text, bounded; an id is an id."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_EDIT_CHARS or hidden_character(value):
        raise ReviewError(f"the new {name} must be one line of text of at most {MAX_EDIT_CHARS} characters")
    if name == "id" and not ID_PATTERN.fullmatch(value):
        raise ReviewError(f"{shown(value)} is not an id", "use lower-case letters, digits and single hyphens")
    return value.strip()


def _set_value(owner: dict, key: str, number: int | None, value: str) -> None:
    target = owner[key][number] if number is not None else owner[key]
    if key == "status" and value not in STATUSES:
        raise ReviewError(f"unknown status {shown(value)}", f"use one of {', '.join(STATUSES)}")
    target["value"] = value


def _link(tree: Any, owner: dict, new: str, known: dict[str, str]) -> None:
    """The entity is one the project already has: take its id, and point every reference at it."""
    if any(e is not owner and e.get("id") == new for e in tree["entities"]):
        raise ReviewError(f"{new!r} is already an entity of this draft",
                          "reject this item instead, or edit the other one")
    if new not in known:
        raise ReviewError(f"no entity {new!r} in the project", "pick one from the search list")
    for _, block, key, number in _references(tree, owner["id"]):
        value = block[key][number] if number is not None else block[key]
        if isinstance(value, dict):
            value["value"] = new
        elif number is not None:
            block[key][number] = new
        else:
            block[key] = new
    owner["id"] = new


def reviewed(draft: Draft) -> dict[str, str]:
    """The last decision logged on each of the draft's items, by item path. A decision is matched
    by the entity, field and label it was made on (or edited to), not by position alone, since
    rejecting an entity moves those after it."""
    keys = {(item.entity, item.field, item.label): item.path for item in draft.items}
    found: dict[str, str] = {}
    for record in read_decisions(draft.log_path):
        if record.get("draft") != draft.ident:
            continue
        field_name = field_of(str(record.get("path")))
        edited = record.get("edited_to") if isinstance(record.get("edited_to"), dict) else {}
        entity = edited.get("id", record.get("entity"))
        label = edited.get("label", edited.get("value", record.get("label")))
        path = keys.get((entity, field_name, label))
        if path is not None and record.get("decision") in DECISIONS:
            found[path] = str(record["decision"])
    return found


@dataclass(frozen=True)
class Known:
    """An entity the project's sources already declare: what a draft's item may be linked to."""

    ident: str
    type: str
    label: str
    names: tuple[str, ...]


def known_entities(places_file: Path, article_files: list[Path]) -> list[Known]:
    """The entities of the gazetteer and the articles (what the built graph holds), first
    declaration of each id kept, with their labels, aliases and `known_as` names."""
    found: dict[str, Known] = {}
    sources = [(places_file, "places")] if places_file.exists() else []
    for path, key in [*sources, *((p, "entities") for p in article_files)]:
        data = parse_yaml(read_bounded(path, Location(path), "the file"), path)
        for entity in (data.get(key) or []) if isinstance(data, dict) else []:
            ident = entity.get("id") if isinstance(entity, dict) else None
            if isinstance(ident, str) and ident not in found:
                names = [v.get("value") if isinstance(v, dict) else v
                         for k in ("aliases", "known_as") for v in entity.get(k) or []]
                found[ident] = Known(ident, str(entity.get("type")), str(entity.get("label", ident)),
                                     tuple(str(n) for n in names if isinstance(n, str)))
    return sorted(found.values(), key=lambda k: k.ident)
