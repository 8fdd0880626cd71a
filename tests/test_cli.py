"""The CLI: every command documented with an example, in its help and in the README."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from kg import __version__
from kg.build.diagram import embed, mermaid
from kg.cli import main
from kg.source.schema import FIELDS, TYPES
from tests.conftest import ROOT

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"kg {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_version() -> None:
    assert CliRunner().invoke(main, ["--version"]).output.strip() == f"kg, version {__version__}"


def test_build_prints_the_summary(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "entities by class:" in result.stdout
    assert "kg:Collaboration" in result.stdout and "facts by relation" in result.stdout
    assert result.stderr == ""  # the first article raises no warnings
    headline = next(line for line in result.stdout.splitlines() if re.match(r"\d+ triples, ", line))
    assert headline in (ROOT / "README.md").read_text(encoding="utf-8"), f"the README's quick start: {headline}"


def test_base_iri_is_configurable(tmp_path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--out", str(out),
                                       "--base", "https://data.example.go.id/kg/"])
    assert result.exit_code == 0, result.output
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix id: <https://data.example.go.id/kg/> ." in ttl
    assert "w3id.org/ekodigi/id/" not in ttl


def test_bad_base_iri() -> None:
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--base", "not an iri"])
    assert result.exit_code == 1
    assert "base IRI 'not an iri' must be an http(s) IRI" in result.stderr
    assert result.stderr.startswith("error: --base: "), "the value came from the command line, not dataset.yaml"


def test_readme_diagram_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert embed(readme, mermaid(ROOT / "ontology" / "kg.ttl")) == readme, "run: kg diagram --embed README.md"


@pytest.mark.parametrize("name", sorted(TYPES) + sorted(FIELDS))
def test_every_type_and_field_is_documented(name: str) -> None:
    assert f"`{name}`" in (ROOT / "README.md").read_text(encoding="utf-8")
