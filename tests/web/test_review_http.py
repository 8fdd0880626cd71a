"""`kg review` over HTTP: the one tool that writes trusts only its own page on the loopback
address; every refused write leaves the draft and the log as they were; hostile labels stay text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.ingest.drafting import DRAFT_ID, draft_project
from tests.ingest.reviewing import Running, kg_review
from tests.servers import fetch
from tests.web.test_security import ESCAPED, HOSTILE

DECIDE = f"api/draft/{DRAFT_ID}/decide"
ACCEPT = {"path": "entities[0]", "label": "Bali", "decision": "accepted"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return draft_project(tmp_path_factory.mktemp("review-http"))


@pytest.fixture(scope="module")
def server(root: Path) -> Iterator[Running]:
    with kg_review(root, DRAFT_ID) as running:
        yield running


def _unchanged(root: Path, before: bytes) -> bool:
    draft = root / "data" / "drafts" / f"{DRAFT_ID}.yaml"
    return draft.read_bytes() == before and not (root / "data" / "review" / "decisions.jsonl").exists()


@pytest.mark.parametrize(("change", "status", "words"), [
    ({"origin": "http://evil.example"}, 403, "must come from the review page itself"),
    ({"origin": "null"}, 403, "must come from the review page itself"),
    ({"token": ""}, 403, "token is missing or wrong"),
    ({"token": "guessed"}, 403, "token is missing or wrong"),
    ({"host": "evil.example"}, 403, "only on its loopback address"),
    ({"host": "127.0.0.1.nip.io"}, 403, "only on its loopback address"),
    ({"raw": b"{" + b" " * 20_000 + b"}"}, 413, "at most 16384 bytes"),
    ({"raw": b"[1, 2]"}, 400, "not a JSON object"),
], ids=["foreign-origin", "null-origin", "no-token", "wrong-token", "rebound-host", "lookalike-host", "huge",
        "not-an-object"])
def test_a_write_from_anywhere_but_the_page_is_refused(root: Path, server: Running, change: dict, status: int,
                                                       words: str) -> None:
    draft = root / "data" / "drafts" / f"{DRAFT_ID}.yaml"
    before = draft.read_bytes()
    reply = server.post(DECIDE, ACCEPT, **change)
    assert reply.status == status and words in reply.text
    assert _unchanged(root, before)


def test_reading_pages_needs_the_loopback_host_too(server: Running) -> None:
    assert fetch(server.root + f"draft/{DRAFT_ID}", headers={"Host": "evil.example"}).status == 403
    page = fetch(server.root + f"draft/{DRAFT_ID}")
    assert page.status == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert fetch(server.root + "draft/no-such-draft").status == 404
    assert fetch(server.root + "api/known?q=" + "x" * 5000).status == 200


def test_the_search_finds_the_project_s_entities_and_the_draft_s_own(server: Running) -> None:
    project_only = json.loads(fetch(server.root + "api/known?q=kominfo").text)
    with_draft = json.loads(fetch(server.root + f"api/known?q=kominfo&draft={DRAFT_ID}").text)
    assert "dinas-kominfosanti-buleleng" not in {hit["id"] for hit in project_only}
    assert {"id": "dinas-kominfosanti-buleleng", "type": "Dinas",
            "label": "Dinas Komunikasi, Informatika, Persandian dan Statistik (Kominfosanti) Kabupaten Buleleng"} \
        in with_draft
    assert fetch(server.root + "api/known?q=x&draft=..%2Fsecret").status == 404


def test_the_page_is_the_one_way_to_write(root: Path, server: Running) -> None:
    reply = server.post(DECIDE, ACCEPT)
    assert reply.status == 200 and '"decision":"accepted"' in reply.text
    stale = server.post(DECIDE, {**ACCEPT, "label": "Not Bali"})
    assert stale.status == 409 and "reload the page" in stale.text


def test_without_a_draft_the_home_page_lists_them(root: Path) -> None:
    with kg_review(root, None) as running:
        home = fetch(running.root)
    assert home.status == 200 and f'<a href="/draft/{DRAFT_ID}">{DRAFT_ID}</a>' in home.text


def test_a_draft_too_large_is_refused_not_read(tmp_path: Path) -> None:
    root = draft_project(tmp_path)
    huge = root / "data" / "drafts" / "huge.yaml"
    huge.write_text("article: {id: huge, text: huge.txt}\n# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    with kg_review(root, DRAFT_ID) as running:
        reply = fetch(running.root + "draft/huge")
    assert reply.status == 404 and "huge.yaml" in reply.text and "larger than" in reply.text


def test_hostile_labels_stay_text(tmp_path: Path) -> None:
    root = draft_project(tmp_path, hostile=HOSTILE)
    with kg_review(root, DRAFT_ID) as running:
        page = fetch(running.root + f"draft/{DRAFT_ID}").text
        found = fetch(running.root + "api/known?q=onerror")
    assert HOSTILE not in page and "onerror=alert(1)>" not in page
    assert page.count(ESCAPED) >= 10  # in the text, the labels and the data attributes
    assert found.headers["content-type"] == "application/json"


def test_a_missing_draft_is_one_line_before_serving(root: Path) -> None:
    result = CliRunner().invoke(main, ["review", "no-such-draft", "--project", str(root), "--no-browser"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "no draft 'no-such-draft'" in result.output
