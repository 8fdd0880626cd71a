"""The explorer: the pages a person starts from without SPARQL. A home page (what is in here),
search over names, browse lists with facets and downloads, entity pages with the article count,
a timeline and links out, local pages for the ontology's terms, and a 404 that suggests names.

Everything but the entity and term pages is answered from the generation's catalogue
(kg/web/catalogue.py) in memory; rendered pages are kept per generation in a bounded cache, so
an unchanged build answers a page it has rendered before without rendering it again.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict

import anyio.to_thread
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kg.build.store import open_store, store_path
from kg.namespaces import KG, curie
from kg.network.page import VIS_DIR
from kg.query.engine import execute
from kg.web.catalogue import (
    ACTOR_KINDS,
    FACETS,
    KINDS,
    SORTS,
    Catalogue,
    CatalogueCache,
    Entry,
    Filters,
    browse,
    build_catalogue,
)
from kg.web.clients import Handler
from kg.web.mapview import MAP_KINDS, atlas, outline_path
from kg.web.netview import MAX_NODES, Drawing, ego, entity_href, members, overview
from kg.web.pages import _ENV, View, entity_page, paged_view
from kg.web.protocol import HTML, HttpError, negotiate
from kg.web.routes import Handlers

PAGE_SIZE = 50
FACTS_PER_PAGE = 100
CACHED_PAGES = 512
CACHED_BYTES = 1024 * 1024  # a larger page is rendered each time rather than kept
SEARCH_LIMIT = 50
MAX_QUERY = 200  # characters of a search, or of a facet value
_KIND_OF_LIST = {plural: kind for kind, plural in KINDS.items()}
_IDENTIFIERS = {"skos:exactMatch", "skos:closeMatch", "owl:sameAs", "schema:sameAs"}
_TIMELINE_KINDS = ("event", "collaboration")
NEIGHBOURS_DRAWN = 40
TIMELINE_SHOWN = 60
# the vis-network build `kg viz` inlines (shipped with pyvis), served to the explorer's pages
VENDORED = {"vis-network.min.js": "text/javascript", "vis-network.css": "text/css"}


def catalogue_cache(handlers: Handlers) -> CatalogueCache:
    """The catalogue of the build the server shows, read from its store in this process."""
    project, out_dir = handlers.project, handlers.out_dir
    references = (str(project.iris.regions_graph), str(project.iris.ns["graph/links/"]))

    def build() -> Catalogue:
        store = open_store(store_path(project, out_dir, check_fresh=False))
        return build_catalogue(lambda text: execute(store, text), project.base, lambda g: g.startswith(references))
    return CatalogueCache(out_dir, build)


class Explorer:
    """The explorer's handlers over the server's handlers (for the worker pool and the links)."""

    def __init__(self, handlers: Handlers, cache: CatalogueCache) -> None:
        self.h, self.cache = handlers, cache
        self._pages: OrderedDict[tuple[str, str], tuple[bytes, str]] = OrderedDict()
        self._vendored = {name: (VIS_DIR / name).read_bytes() for name in VENDORED}

    def routes(self, errors: Callable[[Handler], Handler], fair: Callable[[Handler], Handler]) -> list[Route]:
        """The explorer's routes; `/` answers the query page when it is given a query to show."""
        return [
            Route("/", errors(self.home)),
            Route("/query", self.h.home),
            Route("/search", errors(self.cached(self.search))),
            Route("/browse/{kind}", errors(self.cached(self.browse))),
            Route("/id/", errors(self.cached(self.index))),
            Route("/id/{rest:path}", errors(fair(self.entity))),
            Route("/def/{name}", errors(fair(self.cached(self.term)))),
            Route("/network", errors(self.cached(self.network))),
            Route("/map", errors(self.cached(self.map))),
            *(Route(f"/static/{name}", self.vendored) for name in VENDORED),
        ]

    async def catalogue(self) -> Catalogue:
        return await anyio.to_thread.run_sync(self.cache.get)

    def cached(self, handler: Handler) -> Handler:
        """The handler, its answers kept per generation and URL (GET and 200 only, bounded)."""
        async def answer(request: Request) -> Response:
            key = (self.cache.generation(), str(request.url.path) + "?" + str(request.url.query))
            if key in self._pages:
                self._pages.move_to_end(key)
                body, media = self._pages[key]
                return Response(body, media_type=media)
            response = await handler(request)
            if response.status_code == 200 and len(response.body) <= CACHED_BYTES:
                self._pages[key] = (bytes(response.body), response.media_type or "text/html")
                while len(self._pages) > CACHED_PAGES:
                    self._pages.popitem(last=False)
            return response
        return answer

    def _render(self, template: str, **values: object) -> Response:
        body = _ENV.get_template(template).render(root="/", home="/", kinds=KINDS, **values)
        return Response(body, media_type="text/html")

    # -- home, search, browse ------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        """The home page; with a query or a named query to show (the links the query page shares,
        and where /sparql sends a browser), the query page, which is also at /query."""
        if "query" in request.query_params or "name" in request.query_params:
            return await self.h.home(request)
        return await self.cached(self._home)(request)

    async def _home(self, request: Request) -> Response:
        cat = await self.catalogue()
        articles = sorted(cat.of_kind("article"), key=lambda e: (e.date, e.iri), reverse=True)[:20]
        actors = sorted((e for e in cat.entries if e.kind in ACTOR_KINDS and e.degree),
                        key=lambda e: (-e.degree, -e.count, e.label))[:15]
        return self._render("home.html.j2", counts=cat.counts(), articles=articles, actors=actors,
                            outlet=cat.label, total=len(cat.of_kind("article")), link=self._link)

    async def search(self, request: Request) -> Response:
        """Names that start with the words asked (HTML, or JSON with ?format=json)."""
        text = request.query_params.get("q", "")[:MAX_QUERY]
        hits = (await self.catalogue()).search(text, SEARCH_LIMIT)
        if _wants(request, "json"):
            return _json({"query": text, "results": [
                {"iri": h.entry.iri, "label": h.entry.label, "type": h.entry.type, "kind": h.entry.kind,
                 "matched": h.matched, "articles": h.entry.count, "page": self._link(h.entry)} for h in hits]})
        return self._render("search.html.j2", query=text, hits=hits, link=self._link)

    async def browse(self, request: Request) -> Response:
        """A list of one kind of entity with its facets, a page of it, or all of it as CSV or JSON."""
        kind = _KIND_OF_LIST.get(request.path_params["kind"])
        if kind is None:
            raise HttpError(404, f"no list named {request.path_params['kind']!r}", "the lists are " + ", ".join(
                KINDS.values()))
        filters = _filters(request)
        cat = await self.catalogue()
        download = next((f for f in ("csv", "json") if _wants(request, f)), None)
        listing = browse(cat, kind, filters, None if download else PAGE_SIZE)
        if download == "json":
            return _json({"kind": KINDS[kind], "total": listing.total, "filters": asdict(filters),
                          "results": [self._row(cat, e) for e in listing.entries]})
        if download == "csv":
            return Response(_csv([self._row(cat, e) for e in listing.entries]), media_type="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{KINDS[kind]}.csv"'})
        facets = {name: [(value, _facet_label(cat, name, value), count) for value, count in values[:30]]
                  for name, values in listing.facets.items()}
        return self._render("browse.html.j2", kind=kind, plural=KINDS[kind], listing=listing, filters=filters,
                            facets=facets, sorts=SORTS, link=self._link, label=cat.label,
                            places=lambda e: ", ".join(sorted(cat.label(p) for p in e.places)),
                            url=lambda **change: _browse_url(KINDS[kind], filters, **change))

    def _row(self, cat: Catalogue, entry: Entry) -> dict[str, object]:
        """One entry as a download row: the same fields in CSV and JSON."""
        return {"iri": entry.iri, "label": entry.label, "type": entry.type, "articles": entry.count,
                "connections": entry.degree, "date": entry.date,
                "places": "; ".join(sorted(cat.label(p) for p in entry.places)),
                "status": "; ".join(sorted(s.rsplit("#", 1)[-1] for s in entry.statuses)),
                "aliases": "; ".join(entry.aliases)}

    async def index(self, request: Request) -> Response:
        """/id/: what lives under it, by kind."""
        cat = await self.catalogue()
        return self._render("index_id.html.j2", counts=cat.counts())

    async def vendored(self, request: Request) -> Response:
        name = request.url.path.rsplit("/", 1)[-1]
        return Response(self._vendored[name], media_type=VENDORED[name],
                        headers={"Cache-Control": "public, max-age=86400"})

    async def network(self, request: Request) -> Response:
        """/network: the neighbourhood of a focus (depth, kinds), the members of one type, or the
        overview of one cluster per type."""
        cat = await self.catalogue()
        params = request.query_params
        focus, type_name = params.get("focus", "")[:MAX_QUERY], params.get("type", "")[:MAX_QUERY]
        depth = int(params["depth"]) if params.get("depth", "").isdigit() else 2
        chosen = frozenset(k for k in params.getlist("kind") if k in KINDS)
        message, heading, drawing = "", "The network", Drawing()
        if focus:
            found = cat.by_iri.get(self.h.project.base + focus) or next(
                (hit.entry for hit in cat.search(focus, 1)), None)
            if found is None:
                message = f"no entity is named {focus!r}"
            else:
                heading, drawing = f"Around {found.label}", ego(cat, found.iri, depth, chosen)
        elif type_name:
            heading, drawing = f"{type_name}: the best connected", members(cat, type_name)
        else:
            drawing = overview(cat)
        return self._render("network_view.html.j2", heading=heading, focus=focus, type=type_name,
                            depth=max(1, min(depth, 3)), chosen=chosen, drawing=drawing, message=message,
                            limit=MAX_NODES)

    async def map(self, request: Request) -> Response:
        """/map: the places of the chosen kinds of entity as circles on Indonesia; with a place
        chosen (a circle followed), its entities listed."""
        cat = await self.catalogue()
        params = request.query_params
        chosen = frozenset(k for k in params.getlist("kind") if k in MAP_KINDS)
        zoom = params.get("zoom") == "places"
        drawn = atlas(cat, chosen, zoom)
        asked = params.get("place", "")[:MAX_QUERY]
        spot = next((s for s in drawn.spots if s.place.local == asked), None)
        def here(place: str = "", zoomed: bool = zoom) -> str:
            query = [("kind", k) for k in MAP_KINDS if k in chosen] + [("zoom", "places")] * zoomed
            query += [("place", place)] if place else []
            return "/map" + ("?" + urllib.parse.urlencode(query) if query else "") + ("#place" if place else "")
        browse_links = [(KINDS[k], _browse_url(KINDS[k], Filters(), place=spot.place.iri))
                        for k in MAP_KINDS if spot and any(e.kind == k for e in spot.entries)]
        return self._render("map.html.j2", atlas=drawn, spot=spot, asked=asked, chosen=chosen, map_kinds=MAP_KINDS,
                            here=here, link=self._link, outline=outline_path(), zoom=zoom, browse_links=browse_links)

    def _link(self, entry: Entry) -> str:
        return entity_href(entry)

    # -- entity and term pages -----------------------------------------------------------------

    async def entity(self, request: Request) -> Response:
        """An entity's page with the explorer's additions; other formats as the server answers
        them; a 404 page that suggests names when the graph does not know the IRI."""
        rest = request.path_params["rest"]
        wants_html = not rest.endswith((".ttl", ".jsonld", ".nt")) and negotiate(
            request.headers.get("accept"), [HTML]) == "html"
        if not wants_html:
            return await self.h.resource(request)
        return await self.cached(self._entity_page)(request)

    async def _entity_page(self, request: Request) -> Response:
        rest = request.path_params["rest"]
        iri = self.h.project.base + rest
        try:
            ox.NamedNode(iri)
        except ValueError:
            return await self._not_found(rest)
        cat = await self.catalogue()
        page = _page_number(request)
        view, total = await anyio.to_thread.run_sync(paged_view, self.h.run_ours, iri, self.h.project.base,
                                                     page, self._per_page(), self.h.settings.max_rows)
        if view is None:
            return await self._not_found(rest)
        here = "/id/" + urllib.parse.quote(rest, safe="/-._~")
        alternates = {"text/turtle": here + ".ttl", "application/ld+json": here + ".jsonld"}
        body = entity_page(view, self.h.links, "/", "/", alternates, self._extra(cat, view, here, page, total))
        return Response(body, media_type="text/html", headers={"Vary": "Accept"})

    def _extra(self, cat: Catalogue, view: View, here: str, page: int, total: int) -> dict[str, object]:
        """The article count, links out, timeline, neighbourhood and pager of an entity page."""
        entry = cat.by_iri.get(view.iri)
        identifiers = sorted({(_short_iri(f.iri), f.iri) for f in view.facts
                              if f.predicate in _IDENTIFIERS and f.iri and not f.iri.startswith(self.h.project.base)})
        linked = [cat.by_iri[other] for other in cat.links.get(view.iri, ())]
        timeline = sorted({(_when(other), other.type, other.label, self._link(other))
                           for other in linked if other.kind in _TIMELINE_KINDS})
        if entry is not None and entry.kind in _TIMELINE_KINDS:
            timeline = sorted({*timeline, (_when(entry), entry.type, entry.label + " (this)", None)})
        timeline = timeline[-TIMELINE_SHOWN:]  # the latest, on a hub
        extra: dict[str, object] = {"articles": entry.count if entry else None, "identifiers": identifiers,
                                    "timeline": timeline}
        if entry is not None:
            extra["network"] = ego(cat, entry.iri, 1, limit=NEIGHBOURS_DRAWN).as_json()
            extra["network_href"] = "/network?" + urllib.parse.urlencode({"focus": entry.local, "depth": 2})
        size = self._per_page()
        if total > size:
            pages = -(-total // size)
            extra["pager"] = {"first": min((page - 1) * size + 1, total),
                              "last": min(page * size, total), "total": total,
                              "previous": f"{here}?page={min(page, pages + 1) - 1}" if page > 1 else None,
                              "next": f"{here}?page={page + 1}" if page < pages else None}
        return extra

    def _per_page(self) -> int:
        """Facts on a page: FACTS_PER_PAGE, fewer when a query may give fewer rows (--max-rows)."""
        return min(FACTS_PER_PAGE, self.h.settings.max_rows)

    async def _not_found(self, rest: str) -> Response:
        """A page that says the graph knows no such entity, with the names that start as the asked
        one does (its id shortened until some do, down to three letters)."""
        cat = await self.catalogue()
        words = rest.rsplit("/", 1)[-1].replace("-", " ")[:MAX_QUERY]
        hits = next((found for cut in range(len(words), 2, -1) if (found := cat.search(words[:cut], 10))), [])
        response = self._render("notfound.html.j2", asked=rest, hits=hits, link=self._link)
        response.status_code = 404
        return response

    async def term(self, request: Request) -> Response:
        """A page for one of the ontology's terms (class, property, status): its labels, comments
        and definition, from the ontology in the store."""
        name = request.path_params["name"]
        iri = str(KG) + name
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            raise HttpError(404, f"no term {name!r} in the ontology") from None
        result = await self.h.run(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} LIMIT 500")
        if not result.rows:
            raise HttpError(404, f"no term {name!r} in the ontology", "the ontology is at /id/… as ontology/kg.ttl")
        facts = sorted({(curie(p.value), o.value, getattr(o, "language", None) or "",
                         self.h.links.href(o.value) if isinstance(o, ox.NamedNode) else None)
                        for p, o in result.rows})
        names = {(p, lang): v for p, v, lang, _ in facts if p in ("rdfs:label", "skos:prefLabel")}
        title = next((names[key] for key in sorted(names, key=lambda k: (k[1] != "en", k))), name)
        status = iri if any(p == "skos:inScheme" for p, *_ in facts) else ""
        return self._render("term.html.j2", name=name, iri=iri, title=title, facts=facts,
                            statuses_href=_browse_url("collaborations", Filters(), status=status) if status else None)


def _when(entry: Entry) -> str:
    """An entry's own date, or else when the first article reported it (said so: a report's
    date is not the date of what it reports)."""
    if entry.date:
        return entry.date
    return f"reported {entry.reported}" if entry.reported else ""


def _short_iri(iri: str) -> str:
    parts = urllib.parse.urlsplit(iri)
    return f"{parts.hostname}: {parts.path.rstrip('/').rsplit('/', 1)[-1] or parts.path}"


def _wants(request: Request, fmt: str) -> bool:
    return request.query_params.get("format") == fmt


def _page_number(request: Request) -> int:
    text = request.query_params.get("page", "1")
    return max(1, min(int(text), 1_000_000)) if text.isdigit() else 1


def _filters(request: Request) -> Filters:
    params = request.query_params
    values = {name: params.get(name, "")[:MAX_QUERY] for name in FACETS}
    sort = params.get("sort", "label")
    return Filters(**values, sort=sort if sort in SORTS else "label", page=_page_number(request))


def _browse_url(plural: str, filters: Filters, **change: object) -> str:
    """The URL of a browse list with some filters changed (a change to anything but the page
    goes back to the first page)."""
    values = {**asdict(filters), "page": 1, **change}
    defaults = {"sort": "label", "page": 1}
    query = {k: v for k, v in values.items() if v and defaults.get(k) != v}
    return f"/browse/{plural}" + ("?" + urllib.parse.urlencode(query) if query else "")


def _facet_label(cat: Catalogue, name: str, value: str) -> str:
    if name == "status":
        return value.rsplit("#", 1)[-1]
    return value if name == "year" else cat.label(value)


def _json(data: object) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=1) + "\n", media_type="application/json")


def _csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    fields = ["iri", "label", "type", "articles", "connections", "date", "places", "status", "aliases"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def explorer_routes(handlers: Handlers, errors: Callable[[Handler], Handler],
                    fair: Callable[[Handler], Handler]) -> list[Route]:
    """The explorer's routes over the server's handlers, to put before the server's own. The
    catalogue starts being read at once, so the first visitor does not wait for all of it."""
    cache = catalogue_cache(handlers)
    threading.Thread(target=cache.warm, name="catalogue", daemon=True).start()
    return Explorer(handlers, cache).routes(errors, fair)

