"""`kg serve`: the graph on the web. A SPARQL 1.1 Protocol endpoint, a query page for people,
Linked Data pages for every IRI under the base, and the dataset description.

Starlette (on uvicorn) was chosen over Flask because it is a small, typed ASGI toolkit whose
test client drives the real app in-process, and its async request handling lets many slow
clients wait cheaply while the queries themselves run in a bounded pool of worker processes
(kg/workers.py) that enforces the time limit.

Safe by default: nothing changes the store (updates are refused and the store is opened
read-only); SERVICE, LOAD and FROM a graph we do not hold are refused unless allow-listed,
since they would let a caller make the server fetch internal URLs; time, result size and
request size are capped and a refusal always says so; every page is escaped; no CORS unless
configured.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.errors import KgError
from kg.pages import entity_page, query_page, resource_graph, resource_view, served_links
from kg.project import Project
from kg.query import (
    QueryError,
    QueryTimeout,
    Result,
    ResultTooLarge,
    bind,
    check_read_only,
    inline_values,
    load_library,
)
from kg.results import render
from kg.store import store_path
from kg.workers import PoolBusy, WorkerPool

STATIC = Path(__file__).parent / "static"
DATA_FILES = {"graph.trig": "application/trig", "graph.nq": "application/n-quads", "graph.ttl": "text/turtle",
              "graph.nt": "application/n-triples", "graph.jsonld": "application/ld+json",
              "void.ttl": "text/turtle", "summary.json": "application/json"}
SELECT_TYPES = [("application/sparql-results+json", "json"), ("application/json", "json"),
                ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                ("text/csv", "csv"), ("text/tab-separated-values", "tsv")]
GRAPH_TYPES = [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "jsonld"),
               ("application/rdf+xml", "xml"), ("application/trig", "trig")]
MEDIA = {"select": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"},
         "graph": {"turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples",
                   "jsonld": "application/ld+json", "xml": "application/rdf+xml", "trig": "application/trig"}}
MEDIA["ask"] = MEDIA["select"]
HTML = ("text/html", "html")
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "nt"}
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
_LEXICAL = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
                      r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_REMOTE = re.compile(r"(?<![\w?$:])(SERVICE|FROM|LOAD)\b(?:\s+(?:SILENT|NAMED)\b)?\s*(<[^<>\s]*>)?", re.IGNORECASE)


VOID_SPARQL_ENDPOINT = "http://rdfs.org/ns/void#sparqlEndpoint"


@dataclass(frozen=True)
class Settings:
    """The server's limits and allowances; the defaults are the safe ones."""

    timeout: float = 10.0
    max_rows: int = 10_000
    max_request: int = 64 * 1024
    workers: int = 2
    allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    title: str = "Ekosistem digital Indonesia: SPARQL"


class Refused(KgError):
    """A request the server will not run: an update, or a fetch of something outside the graph."""


class HttpError(KgError):
    """A request that fails at the HTTP level, with its status."""

    def __init__(self, status: int, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status = status


def check_query(text: str, graphs: frozenset[str], allow: tuple[str, ...]) -> None:
    """Refuse updates, and SERVICE, LOAD and FROM of anything but our own graphs or the allow-list."""
    try:
        check_read_only(text)
    except QueryError as exc:
        raise Refused("SPARQL Update is not allowed: this endpoint only reads the graph") from exc
    code = _LEXICAL.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), text)
    for match in _REMOTE.finditer(code):
        keyword, iri = match.group(1).upper(), (match.group(2) or "")[1:-1]
        allowed = iri and (iri.startswith(allow) if allow else False)
        if keyword == "FROM" and iri in graphs:
            continue
        if not allowed:
            what = f"{keyword} <{iri}>" if iri else keyword
            raise Refused(f"{what} is not allowed: this endpoint only queries its own graphs",
                          "the server's --allow option lists the IRIs it may reach")


def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> str | None:
    """The offered format the Accept header prefers (ties go to the earlier offer), or None."""
    ranges = []
    for part in (accept or "*/*").split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    best, best_q = None, 0.0
    for media, fmt in offers:
        kind = media.split("/")[0]
        scores = [(3 if r == media else 2 if r == f"{kind}/*" else 1, q)
                  for r, q in ranges if r in (media, f"{kind}/*", "*/*")]
        q = max(scores)[1] if scores else 0.0
        if q > best_q:
            best, best_q = fmt, q
    return best


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
    graphs = frozenset(g.value for g in ox.Store.read_only(str(path)).named_graphs() if isinstance(g, ox.NamedNode))
    library = load_library(project.root / "queries")
    base, links = project.base, served_links(project.base)
    front = query_page(library, settings.title, base).encode("utf-8")
    assets = {p.name: p.read_bytes() for p in sorted(STATIC.iterdir()) if p.is_file()}
    state: dict[str, WorkerPool] = {}

    def pool() -> WorkerPool:
        if "pool" not in state:
            raise HttpError(503, "the server is starting or stopping")
        return state["pool"]

    async def run(text: str) -> Result:
        return await anyio.to_thread.run_sync(pool().run, text)

    async def answer(request: Request, text: str, fmt: str | None, page: str) -> Response:
        check_query(text, graphs, settings.allow)
        if fmt is None and request.method == "GET" and negotiate(
                request.headers.get("accept"), [*SELECT_TYPES, *GRAPH_TYPES, HTML]) == "html":
            return RedirectResponse(page, status_code=303)
        result = await run(text)
        offers = GRAPH_TYPES if result.form == "graph" else SELECT_TYPES
        fmt = fmt or negotiate(request.headers.get("accept"), offers)
        if fmt not in MEDIA[result.form]:
            choices = ", ".join(sorted({m for m, _ in offers}))
            raise HttpError(406, f"a {result.form} result is available as {choices}")
        return Response(render(result, fmt, base), media_type=MEDIA[result.form][fmt], headers={"Vary": "Accept"})

    async def form_of(request: Request) -> dict[str, list[str]]:
        """The parameters of a protocol request, from the URL and a form-encoded or direct body."""
        if len(request.url.query) > settings.max_request:
            raise HttpError(414, f"the URL is longer than {settings.max_request} bytes", "POST the query instead")
        fields = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
        if request.method == "POST":
            body = await _body(request, settings.max_request)
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                raise Refused("SPARQL Update is not allowed: this endpoint only reads the graph")
            if kind == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(_text(body), keep_blank_values=True).items():
                    fields.setdefault(key, []).extend(values)
            elif kind == "application/sparql-query":
                fields.setdefault("query", []).append(_text(body))
            else:
                raise HttpError(415, f"cannot read a {kind or 'typeless'} body",
                                "send application/x-www-form-urlencoded or application/sparql-query")
        if "update" in fields:
            raise Refused("SPARQL Update is not allowed: this endpoint only reads the graph")
        if "default-graph-uri" in fields or "named-graph-uri" in fields:
            raise HttpError(400, "this endpoint always queries all its graphs together",
                            "name graphs in the query with FROM or GRAPH instead")
        return fields

    @_answers_errors
    async def sparql(request: Request) -> Response:
        fields = await form_of(request)
        queries = fields.get("query", [])
        if len(queries) != 1:
            raise HttpError(400, "give exactly one query parameter", "or open / for the query page")
        return await answer(request, queries[0], _format(fields), "/?" + urllib.parse.urlencode({"query": queries[0]}))

    @_answers_errors
    async def named(request: Request) -> Response:
        chosen = library.get(request.path_params["name"])
        if chosen is None:
            raise HttpError(404, f"no query named {request.path_params['name']!r}", "the query page lists them")
        fields = await form_of(request)
        values = {key: vals[-1] for key, vals in fields.items() if key != "format"}
        bindings = bind(chosen, values, base)
        text = inline_values(chosen.text, bindings) if bindings else chosen.text
        page = "/?" + urllib.parse.urlencode({"name": chosen.name, **values})
        return await answer(request, text, _format(fields), page)

    @_answers_errors
    async def resource(request: Request) -> Response:
        rest = request.path_params["rest"]
        suffix = next((s for s in SUFFIXES if rest.endswith(s)), None)
        if suffix:
            rest, fmt = rest[: -len(suffix)], SUFFIXES[suffix]
        else:
            fmt = negotiate(request.headers.get("accept"), [HTML, *GRAPH_TYPES[:4]])
        if fmt is None:
            raise HttpError(406, "a resource is available as text/html, " + ", ".join(m for m, _ in GRAPH_TYPES[:4]))
        iri = base + rest
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HttpError(404, f"{iri!r} is not an IRI") from None
        headers = {"Vary": "Accept"}
        if fmt == "html":
            view = await anyio.to_thread.run_sync(resource_view, pool().run, iri, base, settings.max_rows)
            if view is None:
                raise HttpError(404, f"the graph says nothing about <{iri}>")
            here = "/id/" + urllib.parse.quote(rest, safe="/-._~")
            alternates = {"text/turtle": here + ".ttl", "application/ld+json": here + ".jsonld"}
            return Response(entity_page(view, links, "/", "/", alternates), media_type="text/html", headers=headers)
        result = await run(resource_graph(iri))
        if not result.triples:
            raise HttpError(404, f"the graph says nothing about <{iri}>")
        return Response(render(result, fmt, base), media_type=MEDIA["graph"][fmt], headers=headers)

    @_answers_errors
    async def void(request: Request) -> Response:
        source = out_dir / "void.ttl"
        if not source.is_file():
            raise HttpError(404, "no dataset description in the built graph", "run `kg build`")
        fmt = negotiate(request.headers.get("accept"), GRAPH_TYPES[:4])
        if fmt is None:
            raise HttpError(406, "the description is available as " + ", ".join(m for m, _ in GRAPH_TYPES[:4]))
        # The built description cannot know where it will be served; this server can say.
        endpoint = ox.Triple(ox.NamedNode(str(project.iris.dataset)), ox.NamedNode(VOID_SPARQL_ENDPOINT),
                             ox.NamedNode(str(request.url_for("sparql"))))
        data = source.read_bytes() + f"\n{endpoint} .\n".encode()
        if fmt != "turtle":
            quads = ox.parse(data, format=ox.RdfFormat.TURTLE)
            triples = sorted((q.triple for q in quads), key=str)
            data = ox.serialize(triples, format={"nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                                                 "xml": ox.RdfFormat.RDF_XML}[fmt]) or b""
        return Response(data, media_type=MEDIA["graph"][fmt], headers={"Vary": "Accept"})

    @_answers_errors
    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            raise HttpError(404, f"no file {name!r}")
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(assets[name], media_type=kind)

    @_answers_errors
    async def data(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in DATA_FILES or not (out_dir / name).is_file():
            raise HttpError(404, f"no file {name!r}", "the graph files are " + ", ".join(DATA_FILES))
        return FileResponse(out_dir / name, media_type=DATA_FILES[name])

    async def home(request: Request) -> Response:
        return Response(front, media_type="text/html")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await anyio.to_thread.run_sync(
            WorkerPool, path, settings.workers, settings.timeout, settings.max_rows)
        try:
            yield
        finally:
            state.pop("pool").close()

    middleware = [Middleware(_SecurityHeaders)]
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"]))
    return Starlette(routes=[
        Route("/", home),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries/{name}", named),
        Route("/id/{rest:path}", resource),
        Route("/.well-known/void", void),
        Route("/static/{name}", static),
        Route("/data/{name}", data),
    ], middleware=middleware, lifespan=lifespan)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it is larger than the limit."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HttpError(413, f"the request is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"the request is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"the request is not UTF-8: {exc}") from exc


def _format(fields: dict[str, list[str]]) -> str | None:
    chosen = fields.get("format")
    return chosen[-1] if chosen else None


def serve(project: Project, out_dir: Path, host: str, port: int, settings: Settings) -> None:
    """Run the server until interrupted."""
    uvicorn.run(create_app(project, out_dir, settings), host=host, port=port, log_level="warning",
                server_header=False, timeout_graceful_shutdown=5)
