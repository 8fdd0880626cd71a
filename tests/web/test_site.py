"""`kg site`: a static site that works from any file host (or from disk), identical on every run."""

from __future__ import annotations

import filecmp
import re
import shutil
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.build.compile import build_to
from kg.cli import main
from kg.project import open_project
from kg.web.site import SiteError, build_site
from tests.conftest import ROOT
from tests.web.test_security import ESCAPED, HOSTILE, hostile_copy

LAZADA = "https://w3id.org/ekodigi/id/lazada"


def kg_site(built: Path, out: Path, project: Path = ROOT):
    return CliRunner().invoke(main, ["site", "--project", str(project), "--built", str(built), "--out", str(out)])


@pytest.fixture(scope="module")
def site(built_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = kg_site(built_out, out)
    assert result.exit_code == 0, result.output
    assert re.search(r"wrote .*: \d+ entity pages", result.output)
    return out


def test_a_rerun_gives_the_same_bytes_and_replaces_the_site(site: Path, built_out: Path, tmp_path: Path) -> None:
    before = tmp_path / "before"
    shutil.copytree(site, before)
    stray = site / "id" / "removed-entity.html"
    stray.write_text("old", encoding="utf-8")
    assert kg_site(built_out, site).exit_code == 0
    assert not stray.exists()
    paths = sorted(p.relative_to(site) for p in site.rglob("*"))
    assert paths == sorted(p.relative_to(before) for p in before.rglob("*"))
    files = [str(p) for p in paths if (site / p).is_file()]
    match, mismatch, errors = filecmp.cmpfiles(site, before, files, shallow=False)
    assert not mismatch and not errors and len(match) == len(files)


def test_what_the_site_holds(site: Path, built_out: Path) -> None:
    for name in ("index.html", "network.html", "graph.trig", "graph.ttl", "graph.jsonld", "void.ttl",
                 "static/style.css", "id/lazada.html", "id/lazada.ttl", "id/lazada.jsonld"):
        assert (site / name).is_file(), name
    assert (site / ".well-known" / "void").read_bytes() == (built_out / "void.ttl").read_bytes()
    assert (site / "graph.trig").read_bytes() == (built_out / "graph.trig").read_bytes()
    lazada = (site / "id" / "lazada.html").read_text(encoding="utf-8")
    assert "<h1>Lazada</h1>" in lazada and "<blockquote>" in lazada and '<svg class="network"' in lazada
    assert 'href="kolaborasi-jatim-lazada.html"' in lazada and 'href="../static/style.css"' in lazada
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="id/lazada.html">Lazada</a>' in index


def test_entity_data_files(site: Path) -> None:
    company = ox.Triple(ox.NamedNode(LAZADA), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                        ox.NamedNode("https://w3id.org/ekodigi/def#Company"))
    assert company in [q.triple for q in ox.parse(path=str(site / "id" / "lazada.ttl"), format=ox.RdfFormat.TURTLE)]
    assert len(Graph().parse(site / "id" / "lazada.jsonld", format="json-ld")) > 0


def test_every_link_leads_somewhere(site: Path) -> None:
    """Local links resolve to files of the site; the rest are http(s) links out."""
    for page in sorted(site.rglob("*.html")):
        for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            target = urllib.parse.urlsplit(href)
            if target.scheme:
                assert target.scheme in {"http", "https"}, (page, href)
                continue
            assert (page.parent / urllib.parse.unquote(target.path)).resolve().exists(), (page, href)


def test_the_network_page_is_offline(site: Path) -> None:
    page = (site / "network.html").read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?:', page)


def test_an_unrelated_folder_is_never_replaced(built_out: Path, tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SiteError, match="not empty"):
        build_site(open_project(ROOT), built_out, tmp_path, "t")
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"
    result = kg_site(built_out, tmp_path)
    assert result.exit_code == 1 and "not empty" in result.stderr


def test_a_hostile_label_is_escaped_on_every_page(tmp_path: Path) -> None:
    root = hostile_copy(tmp_path / "project")
    build_to(open_project(root), root / "output")
    assert kg_site(root / "output", tmp_path / "site", root).exit_code == 0
    pages = sorted((tmp_path / "site").rglob("*.html"))
    escaped = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert HOSTILE not in text, page
        escaped += text.count(ESCAPED)
    assert escaped >= 5
    assert f"<h1>{ESCAPED}</h1>" in (tmp_path / "site" / "id" / "surabaya.html").read_text(encoding="utf-8")
