"""The house rules of the layout: imports flow one way down the pipeline, each stage says its
job, and the command line starts without loading the heavy libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

KG = ROOT / "kg"
# Each stage's place in the pipeline: a module may import its own stage and those ranked lower, never
# higher. `ingest` (drafts from raw text, #12) has its place ready: beside source and link, below the build.
RANK = {"errors": 0, "namespaces": 0, "source": 1, "project": 2, "rdfio": 2, "exchange": 2, "link": 3, "ingest": 3.5,
        "build": 4, "query": 5, "network": 6, "web": 7, "cli": 8, "__main__": 8, "__init__": 0}
HEAVY = ("networkx", "pyshacl", "starlette", "igraph", "matplotlib", "pyvis", "uvicorn", "jinja2")


def _stage(module: str) -> str:
    """kg.build.store -> build; kg.errors -> errors."""
    return module.split(".")[1] if module.count(".") >= 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every kg module a file imports, at any depth of the file (lazy imports included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "kg" else [node.module]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "kg"]
    return found


def _module(path: Path) -> str:
    return ".".join(("kg", *path.relative_to(KG).with_suffix("").parts))


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_never_climb_up_the_pipeline(path: Path) -> None:
    here = _stage(_module(path))
    for line, imported in _imports(path):
        there = _stage(imported)
        if there == "__version__":
            continue
        assert RANK[there] <= RANK[here], f"{path.relative_to(ROOT)}:{line} ({here}) imports {imported} ({there})"


@pytest.mark.parametrize("package", sorted(p.parent for p in KG.glob("*/__init__.py")), ids=lambda p: p.name)
def test_each_stage_states_its_job_and_face(package: Path) -> None:
    init = package / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree) or ""
    assert "Face:" in doc and len(doc.splitlines()) >= 3, f"{init}: say the stage's job and what others may import"
    assert package.name in RANK, f"{package.name} has no place in the pipeline order of this test"


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.split()


def test_the_command_line_loads_no_heavy_library() -> None:
    assert _loaded_after("import kg.cli") == []


def test_a_query_loads_no_heavy_library(built_out: Path) -> None:
    args = ["query", "search", "--project", str(ROOT), "--out", str(built_out)]
    code = ("from click.testing import CliRunner\nfrom kg.cli import main\n"
            f"r = CliRunner().invoke(main, {args!r})\nassert r.exit_code == 0, r.output")
    assert _loaded_after(code) == []


def test_version_answers() -> None:
    out = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("kg, version ")
