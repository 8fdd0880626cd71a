"""`kg serve`: the graph on the web. A SPARQL 1.1 Protocol endpoint, a query page for people,
Linked Data pages for every IRI under the base, and the dataset description.

Starlette (on uvicorn) was chosen over Flask because it is a small, typed ASGI toolkit whose
test client drives the real app in-process, and its async request handling lets many slow
clients wait cheaply while the queries themselves run in a bounded pool of worker processes
(kg/query/workers.py) that enforces the time limit.

Safe by default: nothing changes the store (updates are refused and the store is opened
read-only); SERVICE, LOAD and FROM a graph we do not hold are refused unless allow-listed,
since they would let a caller make the server fetch internal URLs, and the query workers have
no network to fetch them with (kg/query/sandbox.py); time, result size and request size are
capped and a refusal always says so; each query worker's memory and each result's bytes are
capped too; one client runs only its share of queries at once (429 with Retry-After beyond it);
self-references use the configured public URL, never the Host header, and with a public URL set
other hosts are refused; every page is escaped; no CORS unless
configured.
"""

from __future__ import annotations

import errno
import functools
import math
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.build.store import store_path
from kg.errors import KgError, QueryTimeout
from kg.network.page import network_assets
from kg.project import Project
from kg.query.library import load_library
from kg.query.model import QueryError, ResultTooLarge
from kg.query.prefixes import predeclared
from kg.query.workers import Limits, PoolBusy, QueryOutOfMemory, WorkerDied, WorkerPool
from kg.web.clients import ClientSlots, Handler, TooManyQueries
from kg.web.editor import vocabulary
from kg.web.explore import explorer_routes
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
# the status of each kind of error, the first that matches (ResultTooLarge is a QueryError)
STATUSES: list[tuple[type[KgError], int]] = [
    (Refused, 403), (ResultTooLarge, 422), (QueryError, 400),
    (QueryTimeout, 503), (QueryOutOfMemory, 503), (PoolBusy, 503), (WorkerDied, 503)]


def _answers_errors(handler: Handler) -> Handler:
    """Turn the project's errors into HTTP statuses with the message (and hint) as plain text;
    a refusal for being busy says when to come back (Retry-After)."""
    @functools.wraps(handler)
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except KgError as exc:
            status = exc.status if isinstance(exc, HttpError) else next(
                (code for kind, code in STATUSES if isinstance(exc, kind)), 500)
            retry = exc.retry_after if isinstance(exc, TooManyQueries | PoolBusy) else None
            return PlainTextResponse(str(exc) + "\n", status_code=status,
                                     headers={"Retry-After": str(retry)} if retry else None)
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


def _pool(project: Project, out_dir: Path, settings: Settings) -> WorkerPool:
    limits = Limits(settings.timeout, settings.max_rows, settings.max_bytes, settings.max_memory)
    return WorkerPool(store_path(project, out_dir), settings.workers, limits, settings.allow, project.base)


def create_app(project: Project, out_dir: Path, settings: Settings | None = None,
               pool: WorkerPool | None = None) -> Starlette:
    """The web app over the built graph in out_dir, querying with `pool` (which the caller
    closes), or else with a pool of its own while it runs."""
    settings = settings or Settings()
    store_path(project, out_dir)  # refuses a missing or stale build before anything starts
    library = load_library(project.root / "queries")
    page = query_page(library, settings.title, project.base, predeclared(project.base),
                      vocabulary(project.ontology_file))
    handlers = Handlers(project, out_dir, settings, library, served_links(project.base), page.encode("utf-8"),
                        {p.name: p.read_bytes() for p in sorted(STATIC.iterdir()) if p.is_file()} | network_assets())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        handlers.pool = pool or await anyio.to_thread.run_sync(_pool, project, out_dir, settings)
        try:
            yield
        finally:
            own, handlers.pool = handlers.pool, None
            if own is not None and own is not pool:
                own.close()

    middleware = [Middleware(_SecurityHeaders)]
    if settings.allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts))
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"]))
    h, fair = handlers, ClientSlots(settings.per_client, settings.client_wait, math.ceil(settings.timeout)).guard
    return Starlette(routes=[
        *explorer_routes(h, _answers_errors, fair),  # before "/" and "/id/…", which it extends
        Route("/", h.home),
        Route("/query", h.home),
        Route("/sparql", _answers_errors(fair(h.sparql)), methods=["GET", "POST"]),
        Route("/queries/{name}", _answers_errors(fair(h.named))),
        Route("/id/{rest:path}", _answers_errors(fair(h.resource))),
        Route("/.well-known/void", _answers_errors(h.void)),
        Route("/static/{name}", _answers_errors(h.static)),
        Route("/data/{name}", _answers_errors(h.data)),
    ], middleware=middleware, lifespan=lifespan)


def listen(settings: Settings) -> socket.socket:
    """The server's socket, bound before anything else starts, so a port in use is one clear
    error (and nothing claims to be serving)."""
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a server just stopped does not block it
    try:
        sock.bind((settings.host, settings.port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise KgError(f"port {settings.port} on {settings.host} is already in use",
                          "another server is listening there: stop it, or choose another port with --port") from None
        raise KgError(f"cannot listen on {settings.host} port {settings.port}: {exc.strerror or exc}",
                      "check --host and --port") from None
    return sock


def serve(project: Project, out_dir: Path, settings: Settings, sock: socket.socket | None = None) -> None:
    """Run the server until interrupted, on `sock` (from `listen`) or a socket of its own. The
    workers start first, so a failure (a memory limit below a worker's own size) is one error
    line, not a failed startup in uvicorn's log. Client addresses come from X-Forwarded-For only
    when the request comes from a trusted proxy."""
    sock = sock or listen(settings)
    try:
        pool = _pool(project, out_dir, settings)
        try:
            config = uvicorn.Config(create_app(project, out_dir, settings, pool), log_level="warning",
                                    server_header=False, timeout_graceful_shutdown=5,
                                    proxy_headers=bool(settings.trusted_proxies),
                                    forwarded_allow_ips=list(settings.trusted_proxies))
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            pool.close()
    finally:
        sock.close()
