"""What the next ingest already knows: the names of the built graph's entities (labels,
aliases, known_as) and of the curated gazetteer data/places.yaml, each with its id and type,
and each rule's precision as reviewers judged it (data/review/decisions.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.errors import Location, SourceError
from kg.namespaces import Iris
from kg.project import Project
from kg.source.files import read_places
from kg.source.schema import TYPES

DECISIONS = Path("data") / "review" / "decisions.jsonl"
MIN_DECISIONS = 3  # a rule's precision lowers its confidence once reviewers judged this many items
_NAME = re.compile(r'^<(?P<s>[^>]+)> <http://www\.w3\.org/(?:2000/01/rdf-schema#label|2004/02/skos/core#altLabel)> '
                   r'"(?P<o>(?:[^"\\]|\\.)*)"@id ')
_TYPE = re.compile(r"^<(?P<s>[^>]+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> <(?P<o>[^>]+)> ")
_CLASSES = {str(spec.cls): spec.name for spec in TYPES.values()}
_GENERIC = frozenset({"Organization", "Place", "Event"})


def known_names(project: Project, graph_file: Path | None) -> dict[str, tuple[str, str]]:
    """Name -> (id, type) from the curated places and the built graph (when there is one);
    a name two entities share is left out: it stays for the rules to judge."""
    pairs: dict[str, set[tuple[str, str]]] = {}
    if project.places_file.exists():
        for item in read_places(project.places_file).entities:
            for name in [item.get("label"), *(item.get("known_as") or [])]:
                if isinstance(name, str):
                    pairs.setdefault(name, set()).add((str(item["id"]), str(item["type"])))
    if graph_file is not None and graph_file.is_file():
        _graph_names(graph_file, Iris(project.base).base, pairs)
    return {name: next(iter(found)) for name, found in sorted(pairs.items())
            if len(found) == 1 and len(name) > 2}


def _graph_names(path: Path, base: str, pairs: dict[str, set[tuple[str, str]]]) -> None:
    labels: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith(f"<{base}"):
                continue
            if (match := _NAME.match(line)) is not None:
                labels.setdefault(match["s"][len(base):], set()).add(json.loads(f'"{match["o"]}"'))
            elif (match := _TYPE.match(line)) is not None and match["o"] in _CLASSES:
                name = _CLASSES[match["o"]]
                ident = match["s"][len(base):]
                if ident not in types or types[ident] in _GENERIC:
                    types[ident] = name
    for ident, names in labels.items():  # the region graph's own nodes are resolved by kg.ingest.places
        if ident in types and "/" not in ident and not ident.startswith("wilayah-"):
            for name in names:
                pairs.setdefault(name, set()).add((ident, types[ident]))


def rule_precision(path: Path) -> dict[str, dict[str, int]]:
    """Each rule's count of accepted, edited and rejected review decisions."""
    counts: dict[str, dict[str, int]] = {}
    if not path.is_file():
        return counts
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            rule, decision = str(record["rule"]), str(record["decision"])
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(Location(path, number), "not a review decision (a JSON object with rule and decision)",
                              "one JSON object per line, as the review page writes them") from exc
        if decision in ("accepted", "edited", "rejected"):
            rule_counts = counts.setdefault(rule, {"accepted": 0, "edited": 0, "rejected": 0})
            rule_counts[decision] += 1
    return counts


def precision(counts: dict[str, int]) -> float | None:
    """Accepted (edited counts as half right) over all decisions; None when too few."""
    total = sum(counts.values())
    if total < MIN_DECISIONS:
        return None
    return (counts["accepted"] + 0.5 * counts["edited"]) / total
