"""`kg ingest DIR/`: every .txt of a folder drafted in name order, one failure never stopping
the others; what each file gave is reported through a callback (a progress bar or plain lines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.ingest.draft import Check, ingest_file, read_cues
from kg.ingest.gazetteer import known_names
from kg.project import Project


@dataclass
class Outcome:
    """What ingesting one file gave: the draft written, or the error that stopped it."""

    source: Path
    draft: Path | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


Report = Callable[[Outcome, int, int], None]


def ingest_paths(paths: list[Path], project: Project, check: Check, graph_file: Path | None,
                 report: Report | None = None, published: dt.date | None = None, ident: str | None = None,
                 source: str | None = None, force: bool = False) -> list[Outcome]:
    """Draft each file; the gazetteer and cue words are read once for the whole batch."""
    known = known_names(project, graph_file)
    cues = read_cues(project.ontology_file)
    outcomes = []
    for done, path in enumerate(paths, start=1):
        outcome = Outcome(path)
        try:
            target, draft = ingest_file(path, project, check, known, cues, ident, published, source, force)
            outcome.draft, outcome.warnings = target, draft.warnings
        except KgError as exc:
            if len(paths) == 1:
                raise
            outcome.error = str(exc)
        outcomes.append(outcome)
        if report is not None:
            report(outcome, done, len(paths))
    return outcomes


def texts_in(folder: Path) -> list[Path]:
    """The .txt files of a folder, in name order."""
    found = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not found:
        raise KgError(f"{folder}: no .txt files to ingest", "put one article per .txt file in the folder")
    return found
