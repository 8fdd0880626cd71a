"""`kg serve` in a real browser (Debian's chromium, headless, driven by Playwright): pick a named
query, run it, see the table, share it; the editor's prefixes, completion and error positions;
the network and timeline views; downloads; follow links between entity pages; hostile markup in
the data never runs; nothing is fetched from another host."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from kg.build.compile import build_to
from kg.project import open_project
from tests.conftest import ROOT
from tests.network.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture
from tests.servers import kg_serve
from tests.web.test_security import HOSTILE, hostile_copy


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[str]:
    with kg_serve(ROOT, built_out) as running:
        yield running.root


class Visit:
    """A browser tab that records every request and dialog, and lets only the server answer."""

    def __init__(self, browser: Browser, root: str) -> None:  # noqa: F811 - the fixture's value
        self.root = root
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def _route(self, route: Route) -> None:
        self.requests.append(route.request.url)
        if route.request.url.startswith(self.root):
            route.continue_()
        else:
            route.abort()

    def foreign(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.root)]


def write_query(page: Page, text: str) -> None:
    """Replace the editor's text (CodeMirror keeps it; the text area underneath is hidden)."""
    page.wait_for_selector(".CodeMirror")
    page.evaluate("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", text)


def test_pick_a_named_query_run_it_and_share_it(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "query")
    page.select_option("#example", "collaborations-of")
    assert page.input_value("#params input[name=entity]") == "lazada"
    page.fill("#params input[name=entity]", "ozora")
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    headers = page.locator("#result-table th").all_text_contents()
    assert headers == ["collaboration", "status", "partner", "partnerLabel"]
    page.wait_for_selector("#results[data-labelled]", state="attached")
    cells = page.locator("#result-table tbody td").all_text_contents()
    assert any(c.endswith("id:kolaborasi-dinas-kukm-ozora") for c in cells)  # the IRI, as a prefixed name
    partner = "#result-table a[href='/id/dinas-kukm-jatim']"  # a link to the entity page, with its label beside
    assert page.text_content(partner) == "id:dinas-kukm-jatim"
    assert page.text_content("#result-table tbody td:nth-child(3) .label").startswith("Dinas Koperasi, Usaha Kecil")
    assert page.text_content("#result-table tbody td:nth-child(2) .label").strip() == "completed"  # the ontology's
    assert page.text_content("#status").startswith("1 row in")
    page.screenshot(path=str(ARTIFACTS / "serve-query-page.png"), full_page=True)

    share = page.get_attribute("#share", "href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(share).query) == {"name": ["collaborations-of"],
                                                                        "entity": ["ozora"]}
    downloads = page.locator("#downloads a").evaluate_all("links => links.map(a => a.textContent)")
    assert downloads == ["csv", "tsv", "json", "xml"]

    page.goto(urllib.parse.urljoin(server, share))  # the shared link runs the query again
    page.wait_for_selector("#result-table tbody tr")
    assert page.input_value("#params input[name=entity]") == "ozora"
    assert any(c.endswith("id:kolaborasi-dinas-kukm-ozora") for c in page.locator(
        "#result-table tbody td").all_text_contents())

    page.locator("#result-table a", has_text="kolaborasi-dinas-kukm-ozora").first.click()
    page.wait_for_selector("h1")
    assert page.url == server + "id/kolaborasi-dinas-kukm-ozora"
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_a_query_of_your_own_and_its_error(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "query")
    write_query(page, "SELECT * WHERE { ?s ?p }")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "SPARQL syntax error" in page.text_content("#error")
    write_query(page, "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3")
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    assert page.text_content("#status").startswith("3 triples")
    assert page.locator("#result-table th").all_text_contents() == ["subject", "predicate", "object"]
    page.close()


def test_the_editor_knows_the_prefixes_completes_terms_and_points_at_errors(
        browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "query")
    assert "kg:" in page.text_content("#prefixes summary") and "schema:" in page.text_content("#prefixes summary")
    write_query(page, "SELECT ?startup WHERE { ?startup a kg:Startup }")  # no PREFIX: predeclared
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    assert page.text_content("#result-table a[href='/id/ozora']") == "id:ozora"

    write_query(page, "SELECT ?x WHERE {\n  ?x a kgg:Startup }")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "unknown prefix 'kgg:' (known: dcat, dcterms, geo, id, kg," in page.text_content("#error")

    write_query(page, "SELECT ?s WHERE {\n  ?s ?p }")
    page.click("#run")
    page.wait_for_selector("#error-position")
    assert page.text_content("#error-position").startswith("line 2, column ")
    assert page.locator(".CodeMirror .error-line").count() == 1
    assert page.locator(".CodeMirror .cm-keyword").count() >= 2  # highlighted: SELECT, WHERE

    write_query(page, "SELECT ?s WHERE { ?s a ")
    page.click(".CodeMirror-line >> nth=0")
    page.keyboard.press("End")
    page.keyboard.type("kg:Sta")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hints")
    assert any(h.startswith("kg:Startup") for h in page.locator(".CodeMirror-hint").all_text_contents())
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()").endswith("kg:Startup")
    page.screenshot(path=str(ARTIFACTS / "serve-query-editor.png"), full_page=True)
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_network_and_timeline_views(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "query?name=collaboration-network")  # a CONSTRUCT: drawn as a network
    page.wait_for_selector("#result-table tbody tr")
    assert page.is_disabled("#views [data-view=timeline]")
    page.click("#views [data-view=network]")
    page.wait_for_selector("#network-canvas canvas")
    assert page.is_hidden("#results") and page.is_visible("#network-canvas")

    page.goto(server + "query?name=events")  # a date column: a timeline; entity columns: a network
    page.wait_for_selector("#results[data-labelled]", state="attached")
    page.click("#views [data-view=timeline]")
    page.wait_for_selector("#timeline-list li time")
    dates = page.locator("#timeline-list time").all_text_contents()
    assert dates == sorted(dates) and "2022-08-09" in dates
    assert page.locator("#timeline-list a[href^='/id/']").count() >= 1
    page.click("#views [data-view=network]")
    page.wait_for_selector("#network-canvas canvas")
    page.click("#views [data-view=table]")
    assert page.is_visible("#result-table")
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_every_download_link_answers_in_its_format(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    results = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/sparql-results+json",
               "xml": "application/sparql-results+xml"}
    for name, media in [("events", results),
                        ("collaboration-network", {"turtle": "text/turtle", "nt": "application/n-triples",
                                                   "jsonld": "application/ld+json", "xml": "application/rdf+xml",
                                                   "trig": "application/trig"})]:
        page.goto(server + "query?name=" + name)
        page.wait_for_selector("#downloads a")
        links = page.locator("#downloads a").evaluate_all("links => links.map(a => [a.dataset.format, a.href])")
        assert [fmt for fmt, _ in links] == list(media)
        for fmt, url in links:
            reply = page.request.get(url)
            assert reply.status == 200 and reply.headers["content-type"].startswith(media[fmt])
            assert reply.body().endswith(b"\n")
    page.close()


def test_entity_pages_link_to_each_other(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "id/lazada")
    assert page.text_content("h1") == "Lazada"
    page.wait_for_selector("#network[data-ready=true] canvas")  # the neighbourhood, drawn by vis-network
    assert int(page.get_attribute("#network", "data-nodes") or 0) > 3
    assert page.locator("table.facts blockquote").count() > 0
    page.screenshot(path=str(ARTIFACTS / "serve-entity-page.png"), full_page=True)
    page.locator("table.facts a[href='/id/kolaborasi-jatim-lazada']").first.click()
    page.wait_for_url(server + "id/kolaborasi-jatim-lazada")
    assert page.locator("details.relation a[href='/def/planned']").count() > 0  # its status, a local term page
    page.locator("details.relation a[href^='/id/']").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(server + "id/")
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_hostile_markup_stays_text(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> None:  # noqa: F811
    root = hostile_copy(tmp_path_factory.mktemp("hostile-browser"))
    build_to(open_project(root), root / "output")
    with kg_serve(root, root / "output") as running:
        visit = Visit(browser, running.root)
        page = visit.page
        page.goto(running.root + "query?" + urllib.parse.urlencode({"name": "search", "text": "onerror"}))
        page.wait_for_selector("#result-table tbody tr")
        assert f"{HOSTILE} @id" in page.locator("#result-table tbody td").all_text_contents()  # with its language
        query = 'SELECT ?place ?date WHERE { BIND(id:surabaya AS ?place) BIND("2022-01-01"^^xsd:date AS ?date) }'
        page.goto(running.root + "query?" + urllib.parse.urlencode({"query": query}))
        page.wait_for_selector("#results[data-labelled]", state="attached")
        assert page.text_content("#result-table .label").strip() == HOSTILE  # the label beside the IRI: text
        page.click("#views [data-view=timeline]")
        assert HOSTILE in page.text_content("#timeline-list")
        page.click("#views [data-view=network]")
        page.wait_for_selector("#network-canvas canvas")  # labels drawn on a canvas
        page.locator("#network-canvas canvas").click()
        assert page.locator("main img").count() == 0
        page.goto(running.root + "id/surabaya")
        assert page.text_content("h1") == HOSTILE
        assert page.locator("main img").count() == 0
        page.close()
    assert not visit.dialogs and not visit.foreign()
    assert not [url for url in visit.requests if url.rstrip("/").endswith("/x")]  # no <img src=x> was loaded
