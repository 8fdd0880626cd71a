"""Finishing a review: the reviewed draft (its YAML and text) moves into data/articles/, checked by
the build first and never over an existing article; the drafts' `rule` and `confidence` keys stay
unless the reviewer asks to strip them (the build ignores them; the decisions log keeps them).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from kg.ingest.review import Check, Draft, ReviewError, yaml_round_trip
from kg.rdfio import write_atomic
from kg.source.schema import DRAFT_KEYS


def finish(draft: Draft, check: Check, strip: bool = False) -> Path:
    """Move the reviewed draft (YAML and text) into data/articles/, after the build's checks; never
    over an existing article. `strip` drops every `rule` and `confidence` first (the build ignores
    them, and the log keeps them, so by default they stay)."""
    articles = draft.project_root / "data" / "articles"
    yaml = yaml_round_trip()
    tree = yaml.load(draft.yaml_text)
    text_name = str(tree["article"]["text"])
    targets = [articles / text_name, articles / draft.yaml_path.name]
    existing = [t for t in targets if t.exists()]
    if existing:
        raise ReviewError(f"{existing[0]} already exists: a reviewed article is never overwritten",
                          "give the draft another id (rename both files and article.id), or remove the article first")
    if strip:
        _strip(tree)
        out = io.StringIO()
        yaml.dump(tree, out)
        check(draft.yaml_path, out.getvalue())
        write_atomic(draft.yaml_path, out.getvalue().encode("utf-8"))
    else:
        check(draft.yaml_path, draft.yaml_text)
    articles.mkdir(parents=True, exist_ok=True)
    sources = [draft.yaml_path.parent / text_name, draft.yaml_path]
    moved: list[Path] = []
    try:
        for source, target in zip(sources, targets, strict=True):
            os.link(source, target)  # fails if the target appeared meanwhile: never replaces it
            moved.append(target)
    except OSError as exc:
        for target in moved:
            target.unlink()
        raise ReviewError(f"cannot move the draft into {articles}: {exc.strerror}") from exc
    for source in sources:
        source.unlink()
    return targets[1]


def _strip(node: Any) -> None:
    """Drop the draft keys at every depth."""
    if isinstance(node, dict):
        for key in DRAFT_KEYS:
            node.pop(key, None)
        for value in node.values():
            _strip(value)
    elif isinstance(node, list):
        for value in node:
            _strip(value)
