"""The SPARQL 1.1 Protocol as the server reads it: content negotiation, and the request's query
and parameters (bounded in size). Whether a client's query may run is kg/query/guard.py's call:
a linear count of its nesting in the event loop, its parse in the worker that runs it.
"""

from __future__ import annotations

import urllib.parse

from starlette.requests import Request

from kg.errors import KgError
from kg.query.guard import Refused

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
_UPDATE_REFUSED = "SPARQL Update is not allowed: this endpoint only reads the graph"


class HttpError(KgError):
    """A request that fails at the HTTP level, with its status."""

    def __init__(self, status: int, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status = status


def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> str | None:
    """The offered format the Accept header prefers (ties go to the earlier offer), or None."""
    ranges = [_media_range(part) for part in (accept or "*/*").split(",")]
    best, best_q = None, 0.0
    for media, fmt in offers:
        kind = media.split("/")[0]
        scores = [(3 if r == media else 2 if r == f"{kind}/*" else 1, q)
                  for r, q in ranges if r in (media, f"{kind}/*", "*/*")]
        q = max(scores)[1] if scores else 0.0
        if q > best_q:
            best, best_q = fmt, q
    return best


def _media_range(part: str) -> tuple[str, float]:
    media, *params = (piece.strip() for piece in part.split(";"))
    q = 1.0
    for param in params:
        key, _, value = param.partition("=")
        if key.strip() == "q":
            try:
                q = float(value)
            except ValueError:
                q = 0.0
    return media.lower(), q


async def form_of(request: Request, limit: int) -> dict[str, list[str]]:
    """The parameters of a protocol request, from the URL and a form-encoded or direct body."""
    if len(request.url.query) > limit:
        raise HttpError(414, f"the URL is longer than {limit} bytes", "POST the query instead")
    fields = urllib.parse.parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        _add_body_fields(fields, request.headers.get("content-type", ""), await _body(request, limit))
    if "update" in fields:
        raise Refused(_UPDATE_REFUSED)
    if "default-graph-uri" in fields or "named-graph-uri" in fields:
        raise HttpError(400, "this endpoint always queries all its graphs together",
                        "name graphs in the query with FROM or GRAPH instead")
    return fields


def _add_body_fields(fields: dict[str, list[str]], content_type: str, body: bytes) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        raise Refused(_UPDATE_REFUSED)
    if kind == "application/x-www-form-urlencoded":
        for key, values in urllib.parse.parse_qs(_text(body), keep_blank_values=True).items():
            fields.setdefault(key, []).extend(values)
    elif kind == "application/sparql-query":
        fields.setdefault("query", []).append(_text(body))
    else:
        raise HttpError(415, f"cannot read a {kind or 'typeless'} body",
                        "send application/x-www-form-urlencoded or application/sparql-query")


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


def chosen_format(fields: dict[str, list[str]]) -> str | None:
    """The `format` parameter, if the request gives one (the last wins)."""
    chosen = fields.get("format")
    return chosen[-1] if chosen else None
