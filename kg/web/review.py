"""`kg review`: a local page to review the drafts of `kg ingest`, the one web tool that writes.

The article text with every proposed item's evidence highlighted by kind, the items grouped by
kind beside it with their rule and confidence, and for each: accept, edit or reject, written back
to the draft's YAML through the ingest stage (kg/ingest/review.py) after the build's own checks.

Because it writes, it listens on the loopback address only and trusts no one else: a request
whose Host is not that address is refused, a write must come from the page itself (its Origin,
and a random token made for this run, written into the page: another site cannot read it, so it
cannot forge a write), and bodies are small JSON.
"""

from __future__ import annotations

import hmac
import itertools
import json
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.build.drafts import DraftChecker
from kg.errors import KgError
from kg.ingest.finish import finish
from kg.ingest.review import Item, Known, ReviewError, decide, draft_ids, known_entities, open_draft, reviewed
from kg.project import Project
from kg.source.schema import STATUSES, TYPES
from kg.web.routes import STATIC
from kg.web.serve import SECURITY_HEADERS

MAX_BODY = 16 * 1024  # a decision is a path, a label and a few short fields
MAX_SEARCH = 100  # characters of a search for an entity to link to
SEARCH_RESULTS = 20
ASSETS = ("style.css", "review.css", "review.js")
# The side list's groups, in order, and the categories of the format (kg/source/schema.py) in each.
GROUPS = {"article": "Artikel · article", "organisation": "Organisasi · organisations",
          "people": "Orang & jabatan · people & posts", "place": "Tempat · places", "event": "Acara · events",
          "program": "Program · programs", "group": "Kelompok sasaran · target groups", "utterance": "Kutipan · quotes",
          "collaboration": "Kolaborasi · collaborations", "study": "Studi · studies"}
_GROUP_OF = {"person": "people", "post": "people", "finding": "study"}
_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                   keep_trailing_newline=True)


def group_of(kind: str | None) -> str:
    """The side-list group of an entity type (article values have none)."""
    spec = TYPES.get(kind or "")
    if spec is None:
        return "article"
    return _GROUP_OF.get(spec.category, spec.category)


@dataclass
class Segment:
    """A run of the text and the items whose evidence covers it (their indexes in the draft)."""

    text: str
    items: list[int] = field(default_factory=list)
    group: str = ""


def segments(text: str, items: list[Item], groups: list[str]) -> list[Segment]:
    """The text cut where any item's evidence starts or ends, each run with the items over it; a
    run's colour is that of the narrowest item over it (the most specific). One sweep over the
    cuts, so a long draft costs the number of its spans, not their product with the cuts."""
    starts: dict[int, list[tuple[int, int]]] = {}
    ends: dict[int, list[tuple[int, int]]] = {}
    for index, item in enumerate(items):
        for span in (s for s in item.spans if s.start < s.end):
            starts.setdefault(span.start, []).append((span.end - span.start, index))
            ends.setdefault(span.end, []).append((span.end - span.start, index))
    bounds = sorted({0, len(text), *starts, *ends})
    active: dict[tuple[int, int], int] = {}  # (width, item) -> how many of its spans are open here
    runs: list[Segment] = []
    for start, end in itertools.pairwise(bounds):
        for key in ends.get(start, []):
            active[key] -= 1
            if not active[key]:
                del active[key]
        for key in starts.get(start, []):
            active[key] = active.get(key, 0) + 1
        over = [index for _, index in sorted(active)]
        runs.append(Segment(text[start:end], list(dict.fromkeys(over)), groups[over[0]] if over else ""))
    return runs


@dataclass
class Review:
    """The review server's state: the project, the build's checks, the token, what may be linked."""

    project: Project
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    checker: DraftChecker = field(init=False)
    known: list[Known] = field(init=False)

    def __post_init__(self) -> None:
        self.checker = DraftChecker(self.project)
        self.refresh()

    def refresh(self) -> None:
        """Read again what the articles declare (after a draft joined them)."""
        self.known = known_entities(self.project.places_file, self.project.article_files)
        self.checker.forget()

    @property
    def origins(self) -> set[str]:
        return {f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}"}

    def page(self, ident: str) -> str:
        """The review page of one draft."""
        draft = open_draft(self.project.root, ident)
        try:
            problems = [str(w) for w in self.checker.check(draft.yaml_path, draft.yaml_text)]
            refused = None
        except KgError as exc:
            problems, refused = [], str(exc)
        entity_group = {item.entity: group_of(item.kind) for item in draft.items if item.field == ""}
        groups = [entity_group.get(item.entity, "article") for item in draft.items]
        by_group: dict[str, list[tuple[int, Item]]] = {name: [] for name in GROUPS}
        for index, item in enumerate(draft.items):
            by_group[groups[index]].append((index, item))
        return _ENV.get_template("review.html.j2").render(
            root="/", home="/", draft=draft, token=self.token, groups=GROUPS, by_group=by_group,
            segments=segments(draft.text, draft.items, groups), decisions=reviewed(draft),
            types=sorted(TYPES), statuses=STATUSES, warnings=problems, refused=refused)

    def search(self, words: str, draft: str | None = None) -> list[dict[str, str]]:
        """Entities of the draft (a value may name one) and of the project whose id, label or other
        names contain the words, those starting with them first."""
        words = words.strip().lower()
        if not words:
            return []
        own = [Known(str(i.entity), i.kind, i.label, ()) for i in open_draft(self.project.root, draft).items
               if i.field == "" and i.entity] if draft else []
        hits = []
        for known in {k.ident: k for k in [*self.known, *own]}.values():
            names = [known.ident, known.label.lower(), *(n.lower() for n in known.names)]
            if any(words in name for name in names):
                hits.append((not any(name.startswith(words) for name in names), known.ident, known))
        hits.sort(key=lambda hit: hit[:2])
        return [{"id": k.ident, "type": k.type, "label": k.label} for _, _, k in hits[:SEARCH_RESULTS]]

    def decide(self, ident: str, body: dict[str, Any]) -> dict[str, Any]:
        draft = open_draft(self.project.root, ident)
        edit = body.get("edit")
        if edit is not None and not isinstance(edit, dict):
            raise ReviewError("the edit must be a mapping of fields to new values")
        outcome = decide(draft, _text(body, "path"), _text(body, "decision"), self.checker.check, edit,
                         {k.ident: k.type for k in self.known}, _text(body, "label"))
        return {"ok": True, "record": outcome.record, "removed": outcome.removed, "warnings": outcome.warnings}

    def finish(self, ident: str, body: dict[str, Any]) -> dict[str, Any]:
        target = finish(open_draft(self.project.root, ident), self.checker.check, strip=body.get("strip") is True)
        self.refresh()
        return {"ok": True, "article": target.relative_to(self.project.root).as_posix()}


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise ReviewError(f"the request has no {key}")
    return value


class _LocalOnly:
    """Refuses any request not addressed to the loopback address this server listens on (a DNS
    rebinding page cannot reach it), and adds the pages' content security policy."""

    def __init__(self, app: ASGIApp, review: Review) -> None:
        self.app = app
        self.hosts = {origin.removeprefix("http://") for origin in review.origins}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        if host not in self.hosts:
            response: ASGIApp = Response("refused: this review server answers only on its loopback address\n",
                                         status_code=403, media_type="text/plain")
            await response(scope, receive, send)
            return

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)
        await self.app(scope, receive, sending)


Handler = Callable[[Request], Awaitable[Response]]


def create_review_app(review: Review, first: str | None = None) -> Starlette:
    """The review app; `first` is the draft the home page opens."""
    assets = {name: (STATIC / name).read_bytes() for name in ASSETS}

    async def home(request: Request) -> Response:
        if first is not None:
            return RedirectResponse(f"/draft/{first}", status_code=303)
        page = _ENV.get_template("review-list.html.j2").render(root="/", home="/",
                                                               drafts=draft_ids(review.project.root))
        return HTMLResponse(page)

    async def page(request: Request) -> Response:
        try:
            html = await anyio.to_thread.run_sync(review.page, request.path_params["ident"])
        except KgError as exc:
            return Response(f"{exc}\n", status_code=404, media_type="text/plain")
        return HTMLResponse(html)

    async def search(request: Request) -> Response:
        words, draft = request.query_params.get("q", "")[:MAX_SEARCH], request.query_params.get("draft")
        try:
            found = await anyio.to_thread.run_sync(review.search, words, draft)
        except KgError as exc:
            return _refusal(404, str(exc))
        return JSONResponse(found)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return Response("not found\n", status_code=404, media_type="text/plain")
        return Response(assets[name], media_type="text/css" if name.endswith(".css") else "text/javascript")

    return Starlette(routes=[
        Route("/", home), Route("/draft/{ident}", page), Route("/api/known", search),
        Route("/static/{name}", static),
        Route("/api/draft/{ident}/decide", _writes(review, review.decide), methods=["POST"]),
        Route("/api/draft/{ident}/finish", _writes(review, review.finish), methods=["POST"]),
    ], middleware=[Middleware(_LocalOnly, review=review)])


def _writes(review: Review, action: Callable[[str, dict[str, Any]], dict[str, Any]]) -> Handler:
    """A write: only from the page itself (same Origin, this run's token), a small JSON body;
    the project's errors answer 422 with their message (409 when the page is out of date)."""
    async def handler(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin not in review.origins:
            return _refusal(403, "refused: a write must come from the review page itself (Origin)")
        if not hmac.compare_digest(request.headers.get("x-review-token", ""), review.token):
            return _refusal(403, "refused: the page's token is missing or wrong (reload the page)")
        if not request.headers.get("content-type", "").startswith("application/json"):
            return _refusal(415, "send the decision as application/json")
        body = await _bounded_body(request)
        if body is None:
            return _refusal(413, f"refused: a request body is at most {MAX_BODY} bytes")
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError
        except ValueError:
            return _refusal(400, "the body is not a JSON object")
        try:
            answer = await anyio.to_thread.run_sync(action, request.path_params["ident"], data)
        except KgError as exc:
            status = 409 if "reload the page" in (exc.hint or "") else 422
            return _refusal(status, str(exc))
        return JSONResponse(answer)
    return handler


async def _bounded_body(request: Request) -> bytes | None:
    """The body, or None as soon as it grows past MAX_BODY (whatever Content-Length claims)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _refusal(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status)


def run_review(project: Project, port: int, first: str | None, open_browser: bool) -> None:
    """Serve the review page on 127.0.0.1:`port` until interrupted; open it in a browser if asked."""
    import threading
    import webbrowser

    import uvicorn

    review = Review(project, port)
    url = f"http://127.0.0.1:{port}/" + (f"draft/{first}" if first else "")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    uvicorn.run(create_review_app(review, first), host="127.0.0.1", port=port, log_level="warning",
                server_header=False, timeout_graceful_shutdown=5)
