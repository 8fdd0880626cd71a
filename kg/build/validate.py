"""SHACL validation of the built graph (pySHACL), returned as a report object, not printed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.build.assemble import GRAPHS
from kg.errors import KgError, NotBuiltError
from kg.namespaces import ONTOLOGY_IRI, SH, curie


class ValidationUnavailable(KgError):
    """The shapes or the graph could not be read, so nothing was validated (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words a person can act on."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class Report:
    """The outcome of validation: whether the graph conforms, and each violation."""

    conforms: bool
    violations: list[Violation]
    triples: int


def load_built(out_dir: Path) -> Dataset:
    """The dataset written by `kg build` to out_dir: its graphs, one N-Quads file each."""
    files = sorted((out_dir / GRAPHS).glob("*.nq"))
    if not files:
        raise NotBuiltError(f"no built graph in {out_dir}", "run `kg build` first")
    dataset = Dataset()
    try:
        for path in files:
            dataset.parse(path, format="nquads")
    except Exception as exc:  # rdflib raises several unrelated types for bad N-Quads
        raise ValidationUnavailable(f"{out_dir / GRAPHS} does not parse: {exc}", "run `kg build` again") from exc
    return dataset


def validate(dataset: Dataset, shapes_file: Path, base: str | None = None) -> Report:
    """Validate the data graphs against the shapes, with RDFS inference over the ontology graph."""
    shapes = Graph()
    try:
        shapes.parse(shapes_file, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise ValidationUnavailable(f"{shapes_file} does not parse: {exc}") from exc
    ontology, data = Graph(), Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        (ontology if _name(g) == ONTOLOGY_IRI else data).add((s, p, o))
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", abort_on_first=False,
        allow_warnings=True,
    )
    violations = sorted(
        (_violation(results, node, base) for node in results.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.focus, v.path or "", v.message, v.value or ""),
    )
    return Report(bool(conforms), violations, len(data))


def _name(graph: object) -> URIRef | None:
    return getattr(graph, "identifier", graph)  # type: ignore[return-value]


def _violation(results: Graph, node: object, base: str | None) -> Violation:
    def short(term: object) -> str | None:
        if term is None:
            return None
        return curie(term, base) if isinstance(term, URIRef) else str(term)

    severity = results.value(node, SH.resultSeverity)
    return Violation(
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        focus=short(results.value(node, SH.focusNode)) or "?",
        path=short(results.value(node, SH.resultPath)),
        value=short(results.value(node, SH.value)),
        message=str(results.value(node, SH.resultMessage) or "does not conform"),
    )
