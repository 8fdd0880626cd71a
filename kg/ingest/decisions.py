"""The review log, data/review/decisions.jsonl: one JSON object a line per decision a person made
on a draft's item (draft, path, entity, rule, confidence, decision, kind, label, edited_to), appended
by the review page and read by `kg eval --rules` (each rule's precision) and by the page itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def decisions_log(project_root: Path) -> Path:
    return project_root / "data" / "review" / "decisions.jsonl"


def append_decision(log: Path, record: dict[str, Any]) -> None:
    """One line appended in one write, so that two writers never interleave within a line."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_decisions(log: Path) -> Iterator[dict[str, Any]]:
    """The logged decisions in order; a line that is not a JSON object (a torn write) is passed over."""
    if not log.is_file():
        return
    with log.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record
