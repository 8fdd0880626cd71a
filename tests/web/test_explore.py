"""The explorer over HTTP against a real `kg serve`: home, search (HTML and JSON), browse lists
with facets and their downloads, the /id/ index, entity and term pages, the 404 with suggestions,
and pages of an unchanged build answered from the cache."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import fetch, kg_serve

HTML = {"Accept": "text/html"}
PLANNED = "https://w3id.org/ekodigi/def#planned"


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[str]:
    with kg_serve(ROOT, built_out) as running:
        yield running.root


def test_home_says_what_is_in_here(server: str) -> None:
    page = fetch(server, headers=HTML)
    assert page.status == 200
    assert '<a href="/browse/organisations"><strong>12</strong> organisations</a>' in page.text
    assert "Kolaborasi Jadi Kunci Dorong Pemberdayaan" in page.text and "TribunJatim.com" in page.text
    actors = page.text.split("Most connected actors")[1]
    assert actors.index("Pemerintah Provinsi Jawa Timur") < actors.index("Lazada")
    assert 'action="/search"' in page.text


def test_the_query_page_stays_reachable(server: str) -> None:
    for path in ("query", "?" + urllib.parse.urlencode({"name": "collaborations-of", "entity": "ozora"})):
        assert 'id="query-form"' in fetch(server + path).text


def test_search_json_names_types_and_articles(server: str) -> None:
    reply = fetch(server + "search?q=EJSC&format=json")
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/json")
    assert reply.body.endswith(b"\n")
    results = json.loads(reply.body)["results"]
    assert results[0] == {"iri": "https://w3id.org/ekodigi/id/east-java-super-corridor",
                          "label": "East Java Super Corridor", "type": "Program", "kind": "program",
                          "matched": "EJSC", "articles": 1, "page": "/id/east-java-super-corridor"}
    html = fetch(server + "search?q=jatim", headers=HTML).text
    assert html.index(">Jawa Timur</a>") < html.index(">Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim</a>")
    assert "also “Jatim”" in html


def test_browse_filters_and_downloads_agree(server: str) -> None:
    query = urllib.parse.urlencode({"status": PLANNED})
    page = fetch(server + "browse/collaborations?" + query, headers=HTML).text
    assert "<strong>planned</strong>" in page and ">Kolaborasi Pemprov Jatim dan Lazada" in page
    assert "Kolaborasi Dinas KUKM Jatim dan Ozora" not in page.split('id="listing"')[1]
    data = json.loads(fetch(server + "browse/collaborations?" + query + "&format=json").body)
    rows = list(csv.DictReader(io.StringIO(fetch(server + "browse/collaborations?" + query + "&format=csv").text)))
    assert data["total"] == len(rows) == 2
    assert [r["iri"] for r in rows] == [r["iri"] for r in data["results"]]
    assert {r["status"] for r in rows} == {"planned"}
    assert fetch(server + "browse/nothing").status == 404


def test_browse_by_place_and_sort(server: str) -> None:
    query = urllib.parse.urlencode({"place": "https://w3id.org/ekodigi/id/sidoarjo", "sort": "degree",
                                    "format": "json"})
    data = json.loads(fetch(server + "browse/events?" + query).body)
    assert [r["label"] for r in data["results"]] == [  # the most connected first
        "Gathering and Networking East Java Start Up", "Rangkaian pelatihan untuk UMKM di Jatim"]


def test_the_id_index_and_term_pages(server: str) -> None:
    index = fetch(server + "id/", headers=HTML)
    assert index.status == 200 and 'href="/browse/people"' in index.text
    lazada = fetch(server + "id/kolaborasi-jatim-lazada", headers=HTML).text
    assert 'href="/def/planned"' in lazada and 'href="/def/Collaboration"' in lazada  # local term pages
    assert "w3id.org/ekodigi/def#planned\"" not in lazada
    term = fetch(server + "def/planned", headers=HTML)
    assert term.status == 200 and "<h1>planned</h1>" in term.text and "direncanakan" in term.text.lower()
    assert fetch(server + "def/NoSuchTerm").status == 404


def test_entity_pages_headline_the_label_and_count_articles(server: str) -> None:
    person = fetch(server + "id/andromeda-qomariah", headers=HTML).text
    assert "<h1>Andromeda Qomariah</h1>" in person and "Mentioned in 1 article" in person
    article = fetch(server + "id/article/tribunjatim-2022-08-09-jatim-lazada", headers=HTML).text
    assert "<title>Kolaborasi Jadi Kunci Dorong Pemberdayaan" in article
    lazada = fetch(server + "id/lazada", headers=HTML).text
    assert "<mark>" in lazada and "<h2>Timeline</h2>" in lazada
    assert fetch(server + "id/lazada.ttl").headers["content-type"].startswith("text/turtle")


def test_an_unknown_entity_gets_a_404_page_with_suggestions(server: str) -> None:
    reply = fetch(server + "id/lazadaa", headers=HTML)
    assert reply.status == 404 and "text/html" in reply.headers["content-type"]
    assert "Did you mean" in reply.text and 'href="/id/lazada"' in reply.text
    hostile = fetch(server + "id/" + urllib.parse.quote("<script>alert(1)</script>"), headers=HTML)
    assert hostile.status == 404 and "<script>alert" not in hostile.text


def test_pages_of_an_unchanged_build_are_the_same_bytes(server: str) -> None:
    for path in ("", "search?q=laz", "browse/places?sort=articles", "def/Company"):
        first, second = fetch(server + path, headers=HTML), fetch(server + path, headers=HTML)
        assert first.status == 200 and first.body == second.body


def test_a_hub_pages_its_facts(server: str) -> None:
    path = "id/article/tribunjatim-2022-08-09-jatim-lazada"
    first = fetch(server + path, headers=HTML).text
    pager = first.split('<p class="pager">')[1].split("</p>")[0]
    assert pager.startswith("Relations 1\u2013100 of ") and f'href="/{path}?page=2"' in pager
    second = fetch(server + path + "?page=2", headers=HTML).text
    assert "Relations 101\u2013" in second and 'rel="prev"' in second
    assert "<h1>Kolaborasi Jadi Kunci" in second  # names and types on every page
    rows = [page.count("<tr class=") for page in (first, second)]
    assert rows[0] >= 100 and rows[1] >= 1
