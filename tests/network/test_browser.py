"""The page in a real browser (Debian's chromium, headless, driven by Playwright): it draws
every node without a single request to another host, clicks and search show the evidence,
filters hide what they should, and hostile markup in the data stays text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from kg.network.page import page as render_page
from kg.network.projection import load
from kg.network.projection import project as to_network
from kg.project import Project
from kg.rdfio import write_atomic
from tests.conftest import ROOT
from tests.crafted import BASE, HOSTILE, SENTENCE, crafted_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():  # CI installs it (.ci/run); a missing browser is a failure, not a skip
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Loaded:
    """A page opened in the browser, with every request it tried and every dialog it raised."""

    def __init__(self, browser: Browser, html: str, path: Path) -> None:
        write_atomic(path, html.encode("utf-8"))
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-drawn]", state="attached", timeout=30_000)

    def _route(self, route: Route) -> None:
        self.requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    def drawn(self) -> int:
        """How many nodes the network is drawing (hidden ones excluded)."""
        return self.page.evaluate("kgNetwork.body.nodeIndices.length")

    def click_node(self, node: str) -> None:
        point = self.page.evaluate(
            """id => { const p = kgNetwork.canvasToDOM(kgNetwork.getPosition(id));
                       const box = document.getElementById('network').getBoundingClientRect();
                       return [box.left + p.x, box.top + p.y]; }""", node)
        self.page.mouse.click(*point)

    def details(self) -> str:
        return self.page.inner_text("#details")


@pytest.fixture(scope="module")
def crafted(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    html = render_page(to_network(crafted_graph(), BASE), "crafted")
    loaded = Loaded(browser, html, tmp_path_factory.mktemp("page") / "crafted.html")
    yield loaded
    loaded.page.close()


def test_draws_every_node_without_other_requests(crafted: Loaded) -> None:
    assert crafted.drawn() == 8
    assert [url for url in crafted.requests if not url.startswith("file://")] == []
    assert len(crafted.requests) == 1  # the page itself, nothing else


def test_click_shows_the_evidence_sentence(crafted: Loaded) -> None:
    crafted.page.evaluate("kgNetwork.fit()")
    crafted.click_node("id:lazada")
    details = crafted.details()
    assert details.startswith("Lazada") and SENTENCE in details and "Berita uji" in details and "planned" in details


def test_search_focuses_an_entity(crafted: Loaded) -> None:
    crafted.page.fill("#search", "cooperatives office")
    crafted.page.press("#search", "Enter")
    assert crafted.page.evaluate("kgNetwork.getSelectedNodes()") == ["id:dinas"]
    centre, node = crafted.page.evaluate("[kgNetwork.getViewPosition(), kgNetwork.getPosition('id:dinas')]")
    assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1
    assert crafted.details().startswith("Dinas KUKM")


def test_type_filter_hides_that_type(crafted: Loaded) -> None:
    box = crafted.page.locator('#legend li[data-category="collaboration"] input')
    box.uncheck()
    hidden = crafted.page.evaluate("kgNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert sorted(hidden) == ["id:rencana", "id:selesai"]
    assert crafted.drawn() == 6
    box.check()
    assert crafted.drawn() == 8


def test_hostile_label_is_text_and_runs_nothing(crafted: Loaded) -> None:
    crafted.page.evaluate("kgNetwork.fit()")
    crafted.click_node("id:hostile")
    assert crafted.page.inner_text("#details h2") == HOSTILE
    assert "</script><script>alert(2)</script>" in crafted.details()
    assert crafted.page.evaluate("document.querySelectorAll('img').length") == 0
    assert crafted.dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    crafted.page.screenshot(path=str(ARTIFACTS / "network-crafted.png"))


def test_real_graph_draws_every_entity(browser: Browser, project: Project, built_out: Path,
                                       tmp_path: Path) -> None:
    network = load(project, built_out)
    loaded = Loaded(browser, render_page(network, "kg"), tmp_path / "network.html")
    try:
        assert loaded.drawn() == network.number_of_nodes()
        assert [url for url in loaded.requests if not url.startswith("file://")] == []
        loaded.page.fill("#search", "Lazada")
        loaded.page.press("#search", "Enter")
        assert "Lazada" in loaded.details()
        ARTIFACTS.mkdir(exist_ok=True)
        loaded.page.screenshot(path=str(ARTIFACTS / "network.png"))
    finally:
        loaded.page.close()


def test_search_prefers_the_actor_to_a_quote_that_names_it(browser: Browser, project: Project, built_out: Path,
                                                            tmp_path: Path) -> None:
    network = load(project, built_out)
    loaded = Loaded(browser, render_page(network, "kg"), tmp_path / "network.html")
    try:
        for query, heading in (("pemprov", "Pemerintah Provinsi Jawa Timur"), ("MJC", "Millenial Job Center"),
                               ("lazada indo", "Lazada Indonesia")):
            loaded.page.fill("#search", query)
            loaded.page.press("#search", "Enter")
            assert loaded.details().splitlines()[0] == heading, (query, loaded.details()[:80])
    finally:
        loaded.page.close()


def test_no_label_is_clipped_on_first_load(browser: Browser, project: Project, built_out: Path, tmp_path: Path) -> None:
    network = load(project, built_out, focus="lazada", depth=3)
    loaded = Loaded(browser, render_page(network, "kg"), tmp_path / "network.html")
    try:
        loaded.page.wait_for_timeout(500)
        outside = loaded.page.evaluate("""() => {
            const n = window.kgNetwork, box = document.getElementById("network");
            return n.body.data.nodes.getIds().filter((id) => {
                const b = n.getBoundingBox(id);
                const a = n.canvasToDOM({x: b.left, y: b.top}), c = n.canvasToDOM({x: b.right, y: b.bottom});
                return a.x < 0 || a.y < 0 || c.x > box.clientWidth || c.y > box.clientHeight;
            });
        }""")
        assert outside == []
    finally:
        loaded.page.close()
