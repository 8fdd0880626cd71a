"""The explorer in a real browser (Debian's chromium, headless, driven by Playwright): search,
facets, downloads, the entity page with its evidence and drawn neighbourhood, the network view
with a focus, the 404 page's suggestions; nothing is fetched from another host, and hostile
names stay text on every new view. Screenshots go to the test artifacts (docs/explorer-*.png
are taken from them)."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from kg.build.compile import build_to
from kg.project import open_project
from tests.conftest import ROOT
from tests.network.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture
from tests.servers import kg_serve
from tests.web.test_security import HOSTILE, hostile_copy
from tests.web.test_serve_browser import Visit


@pytest.fixture(scope="module")
def server(built_out: Path) -> Iterator[str]:
    with kg_serve(ROOT, built_out) as running:
        yield running.root


def test_search_from_the_home_page(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server)
    assert page.locator("ol.articles li").count() == 1
    page.screenshot(path=str(ARTIFACTS / "explorer-home.png"), full_page=True)
    page.fill("form.search input[name=q]", "jatím")  # an accent the names do not have
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    first = page.locator("ol.hits li").first
    assert first.locator("a").text_content() == "Jawa Timur"
    assert first.locator(".type").text_content() == "Province" and "1 article" in first.text_content()
    page.screenshot(path=str(ARTIFACTS / "explorer-search.png"), full_page=True)
    first.locator("a").click()
    page.wait_for_url(server + "id/jawa-timur")
    assert page.text_content("h1") == "Jawa Timur"
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_facets_filter_and_downloads_keep_the_filters(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "browse/collaborations")
    assert page.locator("#listing tbody tr").count() == 4
    page.locator("[data-facet=status] a", has_text="planned").click()
    page.wait_for_url("**status=*")
    assert page.locator("#listing tbody tr").count() == 2
    assert page.locator("#listing .status-planned").count() == 2
    page.screenshot(path=str(ARTIFACTS / "explorer-browse.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a.download", has_text="CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert {row["status"] for row in rows} == {"planned"} and len(rows) == 2
    json_link = page.get_attribute("a.download:has-text('JSON')", "href") or ""
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(json_link).query)["status"] == [
        "https://w3id.org/ekodigi/def#planned"]
    page.goto(server + json_link.lstrip("/"))
    assert json.loads(page.locator("body").inner_text())["total"] == 2
    page.go_back()
    page.locator("[data-facet=status] a.clear").click()  # the filter removed: all four again
    page.wait_for_function("document.querySelectorAll('#listing tbody tr').length === 4")
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_entity_page_with_evidence_and_neighbourhood(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "id/andromeda-qomariah")
    assert page.text_content("h1") == "Andromeda Qomariah"  # the label, not the alias "Andromeda"
    page.goto(server + "id/lazada")
    page.wait_for_selector("#network[data-ready=true] canvas")
    assert page.text_content("p.mentioned") == "Mentioned in 1 article"
    marked = page.locator("details.relation mark").all_text_contents()
    mission = "sesuai dengan misi Lazada untuk mempercepat kemajuan di Indonesia melalui perdagangan dan teknologi"
    assert mission in marked  # the quoted words highlighted in their sentence
    assert page.locator("ol.timeline li").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "explorer-entity.png"), full_page=True)
    page.goto(server + "id/article/tribunjatim-2022-08-09-jatim-lazada")
    assert page.title().startswith("Kolaborasi Jadi Kunci")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 19_000 / 2, height  # relations with many values start collapsed
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_the_network_view_with_a_focus(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server + "network")
    page.wait_for_selector("#network[data-ready=true] canvas")
    clusters = int(page.get_attribute("#network", "data-nodes") or 0)
    page.fill("input[name=focus]", "lazada")
    page.select_option("select[name=depth]", "1")
    page.click(".network-form button")
    page.wait_for_url("**focus=lazada*")
    page.wait_for_selector("#network[data-ready=true] canvas")
    assert page.text_content("h1") == "Around Lazada"
    near = int(page.get_attribute("#network", "data-nodes") or 0)
    page.check("input[name=kind][value=collaboration]")
    page.click(".network-form button")
    page.wait_for_selector("#network[data-ready=true] canvas")
    only = int(page.get_attribute("#network", "data-nodes") or 0)
    assert clusters > 10 and near > only == 3  # Lazada and its two collaborations
    page.screenshot(path=str(ARTIFACTS / "explorer-network.png"), full_page=True)
    assert not visit.foreign() and not visit.dialogs
    page.close()


def overlap(page: Page, one: str, other: str) -> float:
    """How far two places' circles on the map overlap on the screen, in pixels (< 0: apart)."""
    boxes = [page.locator(f"a.spot[data-place={name}] circle").bounding_box() for name in (one, other)]
    (a, b) = [(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, box["width"] / 2) for box in boxes if box]
    return a[2] + b[2] - ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def test_the_map_draws_the_regencies_and_lists_a_place(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    page.goto(server)
    page.click("p.to-map a")
    page.wait_for_url(server + "map")
    spots = page.locator("svg.map a.spot")
    drawn = {spots.nth(i).get_attribute("data-place"): spots.nth(i).get_attribute("data-count")
             for i in range(spots.count())}
    assert drawn == {"sidoarjo": "2", "surabaya": "1", "jember": "1", "pamekasan": "1"}
    assert page.locator("svg.map path.land").bounding_box()["width"] > 1000  # type: ignore[index]
    assert "Bojonegoro" in page.text_content("#summary")  # no point: named, not drawn
    page.screenshot(path=str(ARTIFACTS / "explorer-map.png"), full_page=True)
    page.locator("a.spot[data-place=jember] circle").click()
    page.wait_for_url("**/map?place=jember*")
    assert page.locator("ul.spot-entries a").all_text_contents() == ["Bakorwil Jember"]
    page.goto(server + "map")
    before = overlap(page, "sidoarjo", "surabaya")
    page.click("a.zoom")
    page.wait_for_url("**zoom=places*")
    assert overlap(page, "sidoarjo", "surabaya") < 0 < before  # the neighbours drawn apart
    page.focus("a.spot[data-place=sidoarjo]")  # the keyboard opens a place too
    page.keyboard.press("Enter")
    page.wait_for_url("**/map?zoom=places&place=sidoarjo*")
    assert page.text_content("#place h2 a") == "Sidoarjo"
    assert page.locator("ul.spot-entries a").all_text_contents() == [
        "Gathering and Networking East Java Start Up", "Rangkaian pelatihan untuk UMKM di Jatim"]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "explorer-map-place.png"), full_page=True)
    page.click("a.browse-place")
    page.wait_for_url("**/browse/events?place=*")
    assert page.locator("#listing tbody tr").count() == 2
    page.goto(server + "map")
    page.check("input[name=kind][value=organisation]")
    page.click(".map-form button")
    page.wait_for_url("**kind=organisation*")
    assert page.locator("svg.map a.spot").count() == 2  # the Bakorwil of Jember and of Pamekasan
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_an_unknown_entity_suggests_names(browser: Browser, server: str) -> None:  # noqa: F811
    visit = Visit(browser, server)
    page = visit.page
    response = page.goto(server + "id/lazadaa")
    assert response is not None and response.status == 404
    page.locator("ol.hits a", has_text="Lazada").first.click()
    page.wait_for_url(server + "id/lazada")
    assert not visit.foreign() and not visit.dialogs
    page.close()


def test_hostile_names_stay_text_in_the_explorer(browser: Browser,  # noqa: F811
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    root = hostile_copy(tmp_path_factory.mktemp("hostile-explorer"))
    build_to(open_project(root), root / "output")
    with kg_serve(root, root / "output") as running:
        visit = Visit(browser, running.root)
        page = visit.page
        for path, where in [("search?q=img", "ol.hits"), ("browse/places", "#listing"),
                            ("network?focus=surabaya", "h1"), ("id/surabaya", "h1"),
                            ("map?place=surabaya", "#place h2"),
                            ("map?zoom=places", "svg.map a.spot[data-place=surabaya] text")]:
            page.goto(running.root + path)
            assert HOSTILE in page.text_content(where), path
            if path.startswith(("network", "id/")):
                page.wait_for_selector("#network[data-ready=true] canvas")
            assert page.locator("main img").count() == 0, path
        page.close()
    assert not visit.dialogs and not visit.foreign()
    assert not [url for url in visit.requests if url.rstrip("/").endswith("/x")]
