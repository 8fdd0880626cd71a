"""`kg site`: the graph as a static web site that any file host can publish without a server:
a page per entity (the same page `kg serve` answers, with its Turtle and JSON-LD beside it),
the interactive network page, the graph files and the dataset description.

Every link is relative, so the site also works opened from disk. The same build gives the same
bytes, so a publish shows only what changed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.build.store import open_store, store_path
from kg.errors import KgError
from kg.network.page import page as network_page
from kg.network.projection import load as load_network
from kg.project import Project
from kg.query.engine import execute
from kg.query.model import Result
from kg.query.render import render
from kg.web.pages import Links, entity_page, index_page, is_entity_id, resource_graph, resource_view
from kg.web.routes import DATA_FILES, STATIC

MARKER = ".kg-site"  # marks a folder as ours, so only a previous site is ever replaced
_ENTITIES = """
SELECT DISTINCT ?entity WHERE { ?entity a [] ; <http://www.w3.org/2000/01/rdf-schema#label> [] }
"""


class SiteError(KgError):
    """The site cannot be written where asked."""


def build_site(project: Project, built: Path, site: Path, title: str) -> int:
    """Write the site into `site` (replacing a previous site there); returns the number of entity pages."""
    if site.exists() and any(site.iterdir()) and not (site / MARKER).exists():
        raise SiteError(f"{site} is not empty and holds no site written by kg",
                        "choose a new or empty folder: kg site replaces the folder's content")
    store = open_store(store_path(project, built))
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=site.parent, prefix=f".{site.name}-"))
    try:
        count = _write(project, built, store, staging, title)
        if site.exists():
            shutil.rmtree(site)
        staging.rename(site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _write(project: Project, built: Path, store: ox.Store, out: Path, title: str) -> int:
    base = project.base

    def run(text: str) -> Result:
        return execute(store, text)

    ids = sorted(rest for row in run(_ENTITIES).rows
                 if isinstance(row[0], ox.NamedNode) and row[0].value.startswith(base)
                 and is_entity_id(rest := row[0].value[len(base):]))
    pages = set(ids)
    links = Links(base, lambda rest: f"{rest}.html" if rest in pages else None)
    (out / "id").mkdir()
    entities = []
    for ident in ids:
        iri = base + ident
        view = resource_view(run, iri, base)
        assert view is not None  # the entity has a type and a label
        alternates = {"text/turtle": f"{ident}.ttl", "application/ld+json": f"{ident}.jsonld"}
        _save(out / "id" / f"{ident}.html", entity_page(view, links, "../", "../index.html", alternates))
        data = run(resource_graph(iri))
        (out / "id" / f"{ident}.ttl").write_bytes(render(data, "turtle", base))
        (out / "id" / f"{ident}.jsonld").write_bytes(render(data, "jsonld", base))
        entities.append((f"id/{ident}.html", view.title, view.types[0].value if view.types else ""))
    _save(out / "network.html", network_page(load_network(project, built), title))
    files = sorted(name for name in DATA_FILES if (built / name).is_file())
    for name in files:
        shutil.copyfile(built / name, out / name)
    if (built / "void.ttl").is_file():
        (out / ".well-known").mkdir()
        shutil.copyfile(built / "void.ttl", out / ".well-known" / "void")
    (out / "static").mkdir()
    shutil.copyfile(STATIC / "style.css", out / "static" / "style.css")
    _save(out / "index.html", index_page(title, sorted(entities, key=lambda e: (e[1].casefold(), e[0])), files))
    (out / MARKER).write_text("written by kg site; the folder is replaced on each run\n", encoding="utf-8")
    for path in sorted(out.rglob("*")):  # a site is for everyone to read (mkdtemp makes 0700)
        path.chmod(0o755 if path.is_dir() else 0o644)
    out.chmod(0o755)
    return len(ids)


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
