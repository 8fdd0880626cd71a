"""Running a query on any SPARQL 1.1 Protocol endpoint, parameters joined as VALUES like locally."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from kg.query.model import EndpointError, QueryTimeout, Result, decode
from kg.query.syntax import check_read_only, inline_values, query_form


def execute_remote(endpoint: str, text: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
                   timeout: float | None = None, headers: dict[str, str] | None = None,
                   default_graphs: list[str] | None = None) -> Result:
    """Run a query on a SPARQL 1.1 Protocol endpoint (form-encoded POST), parameters as VALUES.

    `default_graphs` (the protocol's default-graph-uri) scopes the query to those graphs, for
    stores whose default graph holds more than ours (Virtuoso's holds its system triples).
    """
    check_read_only(text)
    if bindings:
        text = inline_values(text, bindings)
    form = query_form(text)
    accept = ("application/n-triples" if form == "graph" else "application/sparql-results+json")
    fields = [("query", text)] + [("default-graph-uri", graph) for graph in default_graphs or []]
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode(fields).encode(), method="POST",
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(f"{endpoint} answered {exc.code} {exc.reason}: {' '.join(detail)[:300]}") from exc
    except TimeoutError as exc:
        raise QueryTimeout(f"{endpoint} did not answer within {timeout:g} s",
                           "narrow the query or allow more --timeout") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise QueryTimeout(f"{endpoint} did not answer within {timeout:g} s",
                               "narrow the query or allow more --timeout") from exc
        raise EndpointError(f"cannot reach {endpoint}: {reason}", "check the URL and that the server runs") from exc
    try:
        return decode(form, payload)
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(f"{endpoint} did not answer with SPARQL results: {exc}") from exc
