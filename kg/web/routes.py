"""The server's request handlers, one per route, over one built graph and its worker pool."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import anyio.to_thread
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from kg.query.guard import check_depth
from kg.query.library import NamedQuery, bind
from kg.query.model import Result
from kg.query.render import render
from kg.query.syntax import inline_values
from kg.query.workers import WorkerPool
from kg.web.pages import Links, entity_page, resource_graph, resource_view
from kg.web.protocol import (
    GRAPH_TYPES,
    HTML,
    MEDIA,
    SELECT_TYPES,
    HttpError,
    chosen_format,
    form_of,
    negotiate,
)

if TYPE_CHECKING:
    from kg.project import Project
    from kg.web.settings import Settings

STATIC = Path(__file__).parent / "static"
DATA_FILES = {"graph.trig": "application/trig", "graph.nq": "application/n-quads", "graph.ttl": "text/turtle",
              "graph.nt": "application/n-triples", "graph.jsonld": "application/ld+json",
              "void.ttl": "text/turtle", "summary.json": "application/json"}
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "nt"}
VOID_SPARQL_ENDPOINT = "http://rdfs.org/ns/void#sparqlEndpoint"


@dataclass
class Handlers:
    """What every route needs: the project, the built folder, the limits, and the worker pool
    (set while the app runs, by its lifespan)."""

    project: Project
    out_dir: Path
    settings: Settings
    library: dict[str, NamedQuery]
    links: Links
    front: bytes
    assets: dict[str, bytes] = field(default_factory=dict)
    pool: WorkerPool | None = None

    def workers(self) -> WorkerPool:
        if self.pool is None:
            raise HttpError(503, "the server is starting or stopping")
        return self.pool

    async def run(self, text: str, check: bool = False) -> Result:
        """Run a query in a worker; `check` it there first (kg/query/guard.py) unless we wrote it."""
        return await anyio.to_thread.run_sync(self.workers().run, text, check)

    def run_ours(self, text: str) -> Result:
        """Run a query the server wrote (the caller is a worker thread, not the event loop)."""
        return self.workers().run(text, False)

    async def answer(self, request: Request, text: str, fmt: str | None, page: Callable[[], str],
                     check: bool) -> Response:
        """Run a query and answer in the negotiated format (people asking for HTML go to `page()`).
        A client's query (`check`) is parsed and decided in the worker; here, in the event loop,
        only its nesting is counted, in one linear pass."""
        if check:
            check_depth(text)
        accept = request.headers.get("accept")
        if fmt is None and request.method == "GET" and negotiate(accept, [*SELECT_TYPES, *GRAPH_TYPES, HTML]) == "html":
            return RedirectResponse(page(), status_code=303)
        offers = {"select": SELECT_TYPES, "ask": SELECT_TYPES, "graph": GRAPH_TYPES}
        chosen = {form: (fmt if fmt in MEDIA[form] else None) if fmt else negotiate(accept, types)
                  for form, types in offers.items()}
        written = await anyio.to_thread.run_sync(self.workers().write, text, check, chosen)
        if written.fmt is None:
            choices = ", ".join(sorted({m for m, _ in offers[written.form]}))
            raise HttpError(406, f"a {written.form} result is available as {choices}")
        return Response(written.body, media_type=MEDIA[written.form][written.fmt], headers={"Vary": "Accept"})

    async def sparql(self, request: Request) -> Response:
        fields = await form_of(request, self.settings.max_request)
        queries = fields.get("query", [])
        if len(queries) != 1:
            raise HttpError(400, "give exactly one query parameter", "or open / for the query page")
        def page() -> str:
            return "/query?" + urllib.parse.urlencode({"query": queries[0]})
        return await self.answer(request, queries[0], chosen_format(fields), page, check=True)

    async def named(self, request: Request) -> Response:
        chosen = self.library.get(request.path_params["name"])
        if chosen is None:
            raise HttpError(404, f"no query named {request.path_params['name']!r}", "the query page lists them")
        fields = await form_of(request, self.settings.max_request)
        values = {key: vals[-1] for key, vals in fields.items() if key != "format"}
        bindings = bind(chosen, values, self.project.base)
        text = inline_values(chosen.text, bindings) if bindings else chosen.text
        def page() -> str:
            return "/query?" + urllib.parse.urlencode({"name": chosen.name, **values})
        return await self.answer(request, text, chosen_format(fields), page, check=False)

    async def resource(self, request: Request) -> Response:
        """A Linked Data page for an IRI under the base: HTML for people, RDF by suffix or Accept."""
        rest = request.path_params["rest"]
        suffix = next((s for s in SUFFIXES if rest.endswith(s)), None)
        if suffix:
            rest, fmt = rest[: -len(suffix)], SUFFIXES[suffix]
        else:
            fmt = negotiate(request.headers.get("accept"), [HTML, *GRAPH_TYPES[:4]])
        if fmt is None:
            raise HttpError(406, "a resource is available as text/html, " + ", ".join(m for m, _ in GRAPH_TYPES[:4]))
        iri = self.project.base + rest
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HttpError(404, f"{iri!r} is not an IRI") from None
        if fmt == "html":
            return await self._resource_page(iri, rest)
        result = await self.run(resource_graph(iri))
        if not result.triples:
            raise HttpError(404, f"the graph says nothing about <{iri}>")
        return Response(render(result, fmt, self.project.base), media_type=MEDIA["graph"][fmt],
                        headers={"Vary": "Accept"})

    async def _resource_page(self, iri: str, rest: str) -> Response:
        view = await anyio.to_thread.run_sync(resource_view, self.run_ours, iri, self.project.base,
                                              self.settings.max_rows)
        if view is None:
            raise HttpError(404, f"the graph says nothing about <{iri}>")
        here = "/id/" + urllib.parse.quote(rest, safe="/-._~")
        alternates = {"text/turtle": here + ".ttl", "application/ld+json": here + ".jsonld"}
        return Response(entity_page(view, self.links, "/", "/", alternates), media_type="text/html",
                        headers={"Vary": "Accept"})

    async def void(self, request: Request) -> Response:
        """The dataset description, naming this server's own /sparql as its endpoint (at the
        configured URL: a Host header is the caller's to forge)."""
        source = self.out_dir / "void.ttl"
        if not source.is_file():
            raise HttpError(404, "no dataset description in the built graph", "run `kg build`")
        fmt = negotiate(request.headers.get("accept"), GRAPH_TYPES[:4])
        if fmt is None:
            raise HttpError(406, "the description is available as " + ", ".join(m for m, _ in GRAPH_TYPES[:4]))
        endpoint = ox.Triple(ox.NamedNode(str(self.project.iris.dataset)), ox.NamedNode(VOID_SPARQL_ENDPOINT),
                             ox.NamedNode(self.settings.root + "sparql"))
        data = source.read_bytes() + f"\n{endpoint} .\n".encode()
        if fmt != "turtle":
            quads = ox.parse(data, format=ox.RdfFormat.TURTLE)
            triples = sorted((q.triple for q in quads), key=str)
            data = ox.serialize(triples, format={"nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                                                 "xml": ox.RdfFormat.RDF_XML}[fmt]) or b""
        return Response(data, media_type=MEDIA["graph"][fmt], headers={"Vary": "Accept"})

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in self.assets:
            raise HttpError(404, f"no file {name!r}")
        kind = {".css": "text/css", ".js": "text/javascript"}.get(Path(name).suffix, "text/plain; charset=utf-8")
        return Response(self.assets[name], media_type=kind)

    async def data(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in DATA_FILES or not (self.out_dir / name).is_file():
            raise HttpError(404, f"no file {name!r}", "the graph files are " + ", ".join(DATA_FILES))
        return FileResponse(self.out_dir / name, media_type=DATA_FILES[name])

    async def home(self, request: Request) -> Response:
        return Response(self.front, media_type="text/html")
