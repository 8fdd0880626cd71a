"""Running a query on any SPARQL 1.1 Protocol endpoint, parameters joined as VALUES like locally.

An endpoint is someone else's server: the talk with it goes through `kg.exchange`, bounded in
time and size, and every failure is one line that names the server.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.exchange import exchange, line
from kg.query.formats import ENDPOINT_TIMEOUT, MAX_RESPONSE
from kg.query.model import Result, decode
from kg.query.syntax import check_read_only, inline_values, query_form

# What each form of query asks for, and the media types its answer may come in.
_MEDIA = {"graph": ("application/n-triples", {"application/n-triples", "text/plain"}),
          "select": ("application/sparql-results+json", {"application/sparql-results+json", "application/json"})}


def execute_remote(endpoint: str, text: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
                   timeout: float = ENDPOINT_TIMEOUT, headers: dict[str, str] | None = None,
                   default_graphs: list[str] | None = None, max_bytes: int = MAX_RESPONSE) -> Result:
    """Run a query on a SPARQL 1.1 Protocol endpoint (form-encoded POST), parameters as VALUES.

    The whole exchange ends within `timeout` seconds and an answer over `max_bytes` is refused.
    `default_graphs` (the protocol's default-graph-uri) scopes the query to those graphs, for
    stores whose default graph holds more than ours (Virtuoso's holds its system triples).
    """
    check_read_only(text)
    if bindings:
        text = inline_values(text, bindings)
    form = query_form(text)
    asked, accepted = _MEDIA["graph" if form == "graph" else "select"]
    fields = [("query", text)] + [("default-graph-uri", graph) for graph in default_graphs or []]
    answer = exchange(endpoint, urllib.parse.urlencode(fields).encode(), "POST",
                      {"Accept": asked, "Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
                      timeout, max_bytes)
    if answer.location:
        raise EndpointError(f"{endpoint} answered {answer.status} {answer.reason}, to {answer.location}",
                            "give the URL it points to as --endpoint")
    if not 200 <= answer.status < 300:
        detail = answer.detail()
        raise EndpointError(f"{endpoint} answered {answer.status} {answer.reason}" + (f": {detail}" if detail else ""))
    if answer.media_type and answer.media_type not in accepted:
        raise EndpointError(f"{endpoint} answered with {answer.media_type}, not {asked}",
                            "check that the URL is the store's SPARQL query endpoint")
    try:
        return decode(form, answer.body)
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(f"{endpoint} did not answer with SPARQL results: {line(exc)}",
                            "check that the URL is the store's SPARQL query endpoint") from exc
