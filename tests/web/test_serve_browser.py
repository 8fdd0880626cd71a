"""`kg serve` in a real browser (Debian's chromium, headless, driven by Playwright): pick a named
query, run it, see the table, share it; follow links between entity pages; hostile markup in
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
    cells = page.locator("#result-table tbody td").all_text_contents()
    assert "https://w3id.org/ekodigi/id/kolaborasi-dinas-kukm-ozora" in cells
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
    assert "https://w3id.org/ekodigi/id/kolaborasi-dinas-kukm-ozora" in page.locator(
        "#result-table tbody td").all_text_contents()

    page.locator("#result-table a", has_text="kolaborasi-dinas-kukm-ozora").first.click()
    page.wait_for_selector("h1")
    assert page.url == server + "id/kolaborasi-dinas-kukm-ozora"
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_a_query_of_your_own_and_its_error(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "query")
    page.fill("#query", "SELECT * WHERE { ?s ?p }")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "SPARQL syntax error" in page.text_content("#error")
    page.fill("#query", "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3")
    page.click("#run")
    page.wait_for_selector("#results pre")
    assert page.text_content("#status").startswith("3 triples")
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
        page.goto(running.root + "?" + urllib.parse.urlencode({"name": "search", "text": "onerror"}))
        page.wait_for_selector("#result-table tbody tr")
        assert HOSTILE in page.locator("#result-table tbody td").all_text_contents()
        page.goto(running.root + "id/surabaya")
        assert page.text_content("h1") == HOSTILE
        assert page.locator("main img").count() == 0
        page.close()
    assert not visit.dialogs and not visit.foreign()
    assert not [url for url in visit.requests if url.rstrip("/").endswith("/x")]  # no <img src=x> was loaded
