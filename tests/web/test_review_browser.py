"""`kg review` in a real browser (Debian's chromium, headless, driven by Playwright): keys and
buttons accept, edit and reject a draft's items and the YAML on disk changes with them; a refused
edit says why beside its item; Finish moves the draft; a page of another origin cannot write."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from kg.source.yamlsource import parse_yaml
from tests.ingest.drafting import DRAFT_ID, draft_project
from tests.ingest.reviewing import Running, kg_review
from tests.network.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture
from tests.web.test_security import HOSTILE


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return draft_project(tmp_path)


@pytest.fixture
def server(root: Path) -> Iterator[Running]:
    with kg_review(root, DRAFT_ID) as running:
        yield running


class Tab:
    """A tab on the review page that lets only the review server answer, and records every dialog
    (a script alert would be one)."""

    def __init__(self, browser: Browser, server: Running) -> None:  # noqa: F811 - the fixture's value
        self.server = server
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.server.root) or url.startswith(self.other):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self) -> Page:
        self.page.goto(self.server.root)  # the home page opens the draft kg review was given
        self.page.wait_for_selector(".review[data-ready]")
        return self.page

    def item(self, kind: str, label: str) -> str:
        return f'li.item[data-kind="{kind}"][data-label="{label}"]'

    def decide(self, act: Callable[[], object]) -> None:
        """Act, and wait for the reload that follows a decision."""
        with self.page.expect_navigation():
            act()
        self.page.wait_for_selector(".review[data-ready]")


@contextmanager
def _foreign_site(server: Running) -> Iterator[str]:
    """A page of another origin on the loopback address (a real server: Chromium lets no page of a
    public address reach the loopback one) whose script tries to reject an item of the draft."""
    body = json.dumps({"path": "entities[0]", "label": "Bali", "decision": "rejected"})
    page = f"""<!DOCTYPE html><title>evil</title><script>
    fetch({json.dumps(server.root + f"api/draft/{DRAFT_ID}/decide")}, {{method: "POST",
      headers: {{"Content-Type": "text/plain"}}, body: {json.dumps(body)}}})
      .finally(() => {{ document.title = "sent"; }});
    </script>""".encode()

    class Evil(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Evil)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def _yaml(root: Path) -> dict:
    path = root / "data" / "drafts" / f"{DRAFT_ID}.yaml"
    return parse_yaml(path.read_text(encoding="utf-8"), path)


def _entity(root: Path, ident: str) -> dict | None:
    return next((e for e in _yaml(root)["entities"] if e["id"] == ident), None)


def _log(root: Path) -> list[dict]:
    log = root / "data" / "review" / "decisions.jsonl"
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def test_keys_and_buttons_accept_edit_and_reject(browser: Browser, root: Path, server: Running) -> None:  # noqa: F811
    tab = Tab(browser, server)
    page = tab.open()
    page.keyboard.press("j")
    first = page.locator("li.item").first
    assert "current" in first.get_attribute("class") and page.locator("#text mark.current").count() >= 1
    assert page.evaluate("document.activeElement.closest('li.item').dataset.path") == "article.publisher"
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.closest('li.item').dataset.path") == "article.publisher"
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    page.keyboard.press("Escape")
    page.locator(tab.item("Province", "Bali") + " button.pick").focus()
    page.screenshot(path=str(ARTIFACTS / "review.png"))  # docs/review.png is a copy of it

    tab.decide(lambda: page.keyboard.press("a"))  # accept Bali with the keyboard
    assert "accepted: entities[0] Bali" in page.text_content("#notice")
    assert "accepted" in page.get_attribute(tab.item("Province", "Bali"), "class")
    assert page.evaluate("document.activeElement.closest('li.item').dataset.label") == "Bali"
    assert _log(root)[-1]["decision"] == "accepted" and _entity(root, "bali") is not None

    tab.decide(lambda: page.click(tab.item("aliases", "Pulau Dewata") + " button[data-act=rejected]"))  # a button
    bali = _entity(root, "bali")
    assert bali is not None and "aliases" not in bali
    assert page.locator(tab.item("aliases", "Pulau Dewata")).count() == 0

    page.locator(tab.item("Person", "I Putu Suryada Santhi") + " button.pick").focus()
    tab.decide(lambda: page.keyboard.press("r"))
    assert "also removed what referred to it: entities[38].speaker" in page.text_content("#notice")
    assert _entity(root, "i-putu-suryada-santhi") is None

    page.locator(tab.item("Dinas", "Dinas Komunikasi, Informatika, Persandian dan Statistik (Kominfosanti) "
                                   "Kabupaten Buleleng") + " button.pick").focus()
    page.keyboard.press("e")
    assert page.locator("#edit-dialog").is_visible()
    page.select_option("#edit-form select[name=type]", "GovernmentOffice")
    page.fill("#edit-form input[name=label]", "Dinas Komunikasi, Informatika, Persandian dan Statistik")
    tab.decide(lambda: page.click("#edit-form button[value=save]"))
    dinas = _entity(root, "dinas-kominfosanti-buleleng")
    assert dinas is not None and dinas["type"] == "GovernmentOffice"
    assert _log(root)[-1]["edited_to"] == {"type": "GovernmentOffice",
                                           "label": "Dinas Komunikasi, Informatika, Persandian dan Statistik"}
    assert not tab.dialogs and not tab.foreign
    page.close()


def test_a_refused_edit_says_why_beside_its_item(browser: Browser, root: Path, server: Running) -> None:  # noqa: F811
    tab = Tab(browser, server)
    page = tab.open()
    before = (root / "data" / "drafts" / f"{DRAFT_ID}.yaml").read_bytes()
    bali = tab.item("Province", "Bali")
    page.click(bali + " button[data-act=edit]")
    page.fill("#edit-form input[name=label]", "Balinese")
    page.click("#edit-form button[value=save]")
    page.wait_for_selector(bali + " .problem:not([hidden])")
    assert "'Balinese' is not in its evidence" in page.text_content(bali + " .problem")
    assert (root / "data" / "drafts" / f"{DRAFT_ID}.yaml").read_bytes() == before and not _log(root)
    page.close()


def test_link_to_an_entity_found_by_search(browser: Browser, root: Path, server: Running) -> None:  # noqa: F811
    tab = Tab(browser, server)
    page = tab.open()
    page.click(tab.item("Ministry", "Kementerian Komunikasi dan Informatika") + " button[data-act=edit]")
    page.fill("#edit-form input[name=id]", "komdi")
    page.wait_for_selector("#known option", state="attached")
    assert page.locator("#known option").first.get_attribute("value") == "komdigi"
    page.fill("#edit-form input[name=id]", "komdigi")
    tab.decide(lambda: page.click("#edit-form button[value=save]"))
    assert _entity(root, "kemenkominfo") is None and _entity(root, "komdigi") is not None
    page.close()


def test_finish_moves_the_draft(browser: Browser, root: Path, server: Running) -> None:  # noqa: F811
    tab = Tab(browser, server)
    page = tab.open()
    page.check("#finish input[name=strip]")
    page.click("#finish button")
    page.wait_for_selector("#notice:not(:empty)")
    assert f"data/articles/{DRAFT_ID}.yaml" in page.text_content("#notice")
    article = root / "data" / "articles" / f"{DRAFT_ID}.yaml"
    assert article.is_file() and "confidence:" not in article.read_text(encoding="utf-8")
    assert not (root / "data" / "drafts" / f"{DRAFT_ID}.yaml").exists()
    assert page.locator(".review button:enabled").count() == 0
    page.close()


def test_a_page_of_another_origin_cannot_write(browser: Browser, root: Path, server: Running) -> None:  # noqa: F811
    """No routing here: Chromium counts a routed page as public, and a public page may not even
    send to the loopback address; this page's request reaches the server, which refuses it."""
    before = (root / "data" / "drafts" / f"{DRAFT_ID}.yaml").read_bytes()
    console: list[str] = []
    with _foreign_site(server) as other:
        page = browser.new_page()
        page.on("console", lambda message: console.append(message.text))
        page.goto(other)
        page.wait_for_function("document.title === 'sent'")  # the foreign page has no CSP of ours
        page.close()
    assert any("No 'Access-Control-Allow-Origin' header" in line for line in console)  # the server answered
    assert (root / "data" / "drafts" / f"{DRAFT_ID}.yaml").read_bytes() == before and not _log(root)


def test_hostile_markup_in_a_draft_stays_text(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    root = draft_project(tmp_path, hostile=HOSTILE)
    with kg_review(root, DRAFT_ID) as running:
        tab = Tab(browser, running)
        page = tab.open()
        assert HOSTILE in page.text_content("#text")
        assert page.locator(f'li.item[data-label="{HOSTILE}"]').count() >= 1
        assert page.locator("main img").count() == 0
        page.keyboard.press("j")
        page.close()
    assert not tab.dialogs and not tab.foreign
