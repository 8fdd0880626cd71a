"""The `kg` command: parses arguments, calls the library, prints results. Nothing else."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.build import build_to
from kg.diagram import embed, mermaid
from kg.errors import KgError
from kg.project import Project, open_project
from kg.serialize import write_atomic
from kg.summary import Summary
from kg.validate import load_built, validate

project_option = click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="Project folder holding ontology/ and data/.")
out_option = click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: PROJECT/output].")


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the project's own errors into one line on stderr and their exit code."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


@click.group()
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """A knowledge graph of Indonesia's digital-economy ecosystem, built from news."""


@main.command()
@project_option
@out_option
@click.option("--base", help="Base IRI for entities, articles and graphs [default: from data/dataset.yaml].")
@_reports_errors
def build(project_dir: Path, out: Path | None, base: str | None) -> None:
    """Compile ontology/ and data/ into the graph and write it in every format.

    Writes graph.trig (named graphs), graph.nq, graph.ttl, graph.nt, graph.jsonld and
    summary.json into the output folder, then prints the summary. On bad input it names the
    file, line and field, and leaves the previous outputs untouched.

    Example: kg build --out output
    """
    project = open_project(project_dir, base)
    out_dir = out or project.default_out
    result, summary = build_to(project, out_dir)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(_format_summary(summary))
    click.echo(f"wrote {out_dir}/graph.{{trig,nq,ttl,nt,jsonld}} and summary.json")


@main.command(name="validate")
@project_option
@out_option
@_reports_errors
def validate_command(project_dir: Path, out: Path | None) -> None:
    """Check the built graph against ontology/shapes.ttl with SHACL.

    Exit codes: 0 the graph conforms, 1 it does not (each violation is listed),
    2 validation could not run (no built graph, unreadable shapes).

    Example: kg validate --out output
    """
    project: Project = open_project(project_dir)
    report = validate(load_built(out or project.default_out), project.shapes_file, project.base)
    for violation in report.violations:
        click.echo(str(violation))
    if report.conforms:
        click.echo(f"conforms: {report.triples} triples checked against {project.shapes_file.name}")
        return
    click.echo(f"does not conform: {len(report.violations)} violation(s)", err=True)
    sys.exit(1)


@main.command()
@project_option
@click.option("--embed", "document", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Replace the diagram between the <!-- diagram:start/end --> markers of this file.")
@_reports_errors
def diagram(project_dir: Path, document: Path | None) -> None:
    """Print a Mermaid class diagram of the ontology (the README's data-model picture).

    Example: kg diagram --embed README.md
    """
    text = mermaid(open_project(project_dir).ontology_file)
    if document is None:
        click.echo(text, nl=False)
        return
    write_atomic(document, embed(document.read_text(encoding="utf-8"), text).encode("utf-8"))
    click.echo(f"updated the diagram in {document}")


def _format_summary(summary: Summary) -> str:
    lines = [
        f"{summary.triples} triples, {summary.articles} article(s), {summary.entities} entities, "
        f"{summary.statements} statements with evidence in {summary.evidence_spans} quoted spans "
        f"of {summary.sentences} sentences",
        "",
        "entities by class:",
        *_table(summary.entities_by_class),
        "",
        "facts by relation (article graphs):",
        *_table(summary.facts_by_relation),
    ]
    return "\n".join(lines)


def _table(counts: dict[str, int]) -> list[str]:
    width = max((len(name) for name in counts), default=0)
    return [f"  {name:<{width}}  {count:>5}" for name, count in counts.items()]
