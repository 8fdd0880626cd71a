"""`kg serve`: the graph on the web. A SPARQL 1.1 Protocol endpoint, a query page for people,
Linked Data pages for every IRI under the base, and the dataset description.

Starlette (on uvicorn) was chosen over Flask because it is a small, typed ASGI toolkit whose
test client drives the real app in-process, and its async request handling lets many slow
clients wait cheaply while the queries themselves run in a bounded pool of worker processes
(kg/query/workers.py) that enforces the time limit.

Safe by default: nothing changes the store (updates are refused and the store is opened
read-only); SERVICE, LOAD and FROM a graph we do not hold are refused unless allow-listed,
since they would let a caller make the server fetch internal URLs, and the query workers have
no network to fetch them with (kg/query/sandbox.py); time, result size and
request size are capped and a refusal always says so; every page is escaped; no CORS unless
configured.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.build.store import store_path
from kg.errors import KgError
from kg.project import Project
from kg.query.library import load_library
from kg.query.model import QueryError, QueryTimeout, ResultTooLarge
from kg.query.workers import PoolBusy, WorkerPool
from kg.web.pages import query_page, served_links
from kg.web.protocol import HttpError, Refused
from kg.web.routes import STATIC, Handlers
from kg.web.settings import Settings

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


Handler = Callable[[Request], Awaitable[Response]]


def _answers_errors(handler: Handler) -> Handler:
    """Turn the project's errors into HTTP statuses with the message (and hint) as plain text."""
    @functools.wraps(handler)
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except KgError as exc:
            status = (exc.status if isinstance(exc, HttpError) else 403 if isinstance(exc, Refused)
                      else 422 if isinstance(exc, ResultTooLarge) else 400 if isinstance(exc, QueryError)
                      else 503 if isinstance(exc, QueryTimeout | PoolBusy) else 500)
            return PlainTextResponse(str(exc) + "\n", status_code=status)
    return wrapper


class _SecurityHeaders:
    """Adds the content security policy and friends to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)
        await self.app(scope, receive, sending if scope["type"] == "http" else send)


def create_app(project: Project, out_dir: Path, settings: Settings | None = None) -> Starlette:
    """The web app over the built graph in out_dir."""
    settings = settings or Settings()
    path = store_path(project, out_dir)
    library = load_library(project.root / "queries")
    handlers = Handlers(project, out_dir, settings, library, served_links(project.base),
                        query_page(library, settings.title, project.base).encode("utf-8"),
                        {p.name: p.read_bytes() for p in sorted(STATIC.iterdir()) if p.is_file()})

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        handlers.pool = await anyio.to_thread.run_sync(
            WorkerPool, path, settings.workers, settings.timeout, settings.max_rows, settings.allow)
        try:
            yield
        finally:
            pool, handlers.pool = handlers.pool, None
            pool.close()

    middleware = [Middleware(_SecurityHeaders)]
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"]))
    h = handlers
    return Starlette(routes=[
        Route("/", h.home),
        Route("/sparql", _answers_errors(h.sparql), methods=["GET", "POST"], name="sparql"),
        Route("/queries/{name}", _answers_errors(h.named)),
        Route("/id/{rest:path}", _answers_errors(h.resource)),
        Route("/.well-known/void", _answers_errors(h.void)),
        Route("/static/{name}", _answers_errors(h.static)),
        Route("/data/{name}", _answers_errors(h.data)),
    ], middleware=middleware, lifespan=lifespan)


def serve(project: Project, out_dir: Path, host: str, port: int, settings: Settings) -> None:
    """Run the server until interrupted."""
    uvicorn.run(create_app(project, out_dir, settings), host=host, port=port, log_level="warning",
                server_header=False, timeout_graceful_shutdown=5)
