"""Finds a project's parts by convention: ontology/, data/, queries/ under one folder."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import KgError, Location, SourceError
from kg.namespaces import DEFAULT_BASE, Iris
from kg.source.limits import clip, hidden_character, shown
from kg.source.yamlsource import Mapping, line_of, load_yaml

DEFAULT_OUT = "output"
# The whole-corpus files kg build writes besides a file per graph; graph.nq (the graphs one
# after another) by default, the others when asked (data/dataset.yaml `formats:` or --formats).
OUTPUT_FORMATS = ("trig", "nq", "ttl", "nt", "jsonld")


@dataclass(frozen=True)
class Project:
    """A kg project folder and its dataset settings."""

    root: Path
    base: str = DEFAULT_BASE
    title: str = ""
    title_en: str = ""
    license: str = ""
    publisher: str = ""
    formats: tuple[str, ...] = ("nq",)

    @property
    def ontology_file(self) -> Path:
        return self.root / "ontology" / "kg.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @functools.cached_property
    def places_file(self) -> Path:
        return self.root / "data" / "places.yaml"  # asked once a source: 10,000 times a build

    @property
    def ranks_file(self) -> Path:
        """Editors' ranks on statements (data/ranks.yaml), overriding the latest-source rule."""
        return self.root / "data" / "ranks.yaml"

    @property
    def article_files(self) -> list[Path]:
        return sorted((self.root / "data" / "articles").glob("*.yaml"))

    @property
    def default_out(self) -> Path:
        return self.root / DEFAULT_OUT

    @property
    def iris(self) -> Iris:
        return Iris(self.base)


def open_project(root: Path, base: str | None = None) -> Project:
    """Read a project folder; `base` overrides the base IRI of data/dataset.yaml."""
    root = root.resolve()
    for part in ("ontology/kg.ttl", "data"):
        if not (root / part).exists():
            raise KgError(
                f"{root} is not a kg project: {part} is missing",
                "run kg in the project folder or pass --project DIR",
            )
    settings_file = root / "data" / "dataset.yaml"
    settings = load_yaml(settings_file) if settings_file.exists() else Mapping()
    if not isinstance(settings, dict):
        raise SourceError(Location(settings_file, 1), "expected a mapping of settings")
    allowed = {"base", "title", "title_en", "license", "publisher", "formats"}
    values: dict[str, object] = {}
    for key, value in settings.items():
        where = Location(settings_file, line_of(settings, key), str(key))
        if key not in allowed:
            raise SourceError(where, "unknown setting", f"use one of {', '.join(sorted(allowed))}")
        if key == "formats":
            values["formats"] = check_formats(value, where)
        elif not isinstance(value, str) or hidden_character(value):
            raise SourceError(where, f"{shown(value)} is not a line of plain text", "write the setting as text")
        else:
            values[key] = value
    project = Project(root, **values)  # type: ignore[arg-type]
    if base is not None:
        project = replace(project, base=base)
    try:
        project.iris  # noqa: B018 - validates the base IRI early
    except ValueError as exc:
        where = (Location(Path("--base")) if base is not None  # blame where the value came from
                 else Location(settings_file, line_of(settings, "base"), "base"))
        raise SourceError(where, clip(str(exc), 200)) from exc
    return project


def check_formats(value: object, where: Location) -> tuple[str, ...]:
    """A list of output formats, each one kg build writes; none (`[]`, or `none` on the command
    line) leaves the per-graph files alone, which keeps one-article builds of a big corpus quick."""
    items = value if isinstance(value, list) else [value]
    if items == ["none"]:
        return ()
    wrong = [item for item in items if item not in OUTPUT_FORMATS]
    if wrong:
        raise SourceError(where, f"unknown output format(s) {shown(wrong or items)}",
                          f"use some of {', '.join(OUTPUT_FORMATS)}")
    return tuple(dict.fromkeys(items))
