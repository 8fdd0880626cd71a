"""Shared fixtures: the real project built once, and throw-away copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.build.compile import BuildResult, build, build_to
from kg.project import Project, open_project

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_ID = "tribunjatim-2022-08-09-jatim-lazada"


@pytest.fixture(scope="session")
def project() -> Project:
    return open_project(ROOT)


@pytest.fixture(scope="session")
def built(project: Project) -> BuildResult:
    return build(project)


@pytest.fixture(scope="session")
def union(built: BuildResult) -> Dataset:
    """The built dataset queried as one graph (all named graphs together)."""
    dataset = Dataset(default_union=True)
    for quad in built.dataset.quads((None, None, None, None)):
        dataset.add(quad)
    return dataset


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's ontology, data and queries, safe to edit."""
    for part in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def article_yaml(root: Path) -> Path:
    return root / "data" / "articles" / f"{ARTICLE_ID}.yaml"


@pytest.fixture(scope="session")
def built_out(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once into a folder, as `kg build` leaves it."""
    out = tmp_path_factory.mktemp("built")
    build_to(project, out)
    return out


@pytest.fixture
def built_copy(built_out: Path, tmp_path: Path) -> Path:
    """A copy of `built_out` that a test may change (`kg stats` adds its measures to the store)."""
    return copy_built(built_out, tmp_path / "out")


def copy_built(out: Path, to: Path) -> Path:
    """An output folder copied with its links (they are relative, so they point into the copy)."""
    shutil.copytree(out, to, symlinks=True)
    return to
