"""Running a query on the persisted store, in this process or in a child killed at a time limit.

Results are pyoxigraph terms in a small `Result` object; turning them into text is
kg/query/render.py's job.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from pathlib import Path

import pyoxigraph as ox

from kg.build.store import open_store
from kg.errors import KgError, QueryTimeout
from kg.query.guard import Refused, check_depth, check_query
from kg.query.model import Answer, QueryError, Result, ResultTooLarge, decode, encode, to_result
from kg.query.prefixes import unknown_prefix
from kg.query.sandbox import NetworkNotCut, cut_off_network
from kg.query.syntax import check_read_only, inline_values, syntax_error


def execute(store: ox.Store, text: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
            max_rows: int | None = None, prefixes: dict[str, str] | None = None) -> Result:
    """Run a query on a store, all named graphs together as the default graph: the merge that
    `kg build` stores as the default graph, or else (a store loaded otherwise) their union.

    Parameters are joined as a VALUES block, exactly as on a remote endpoint, so a query means
    the same everywhere (pyoxigraph's own substitution needs the variable in the projection).
    With `max_rows`, a larger result raises ResultTooLarge after reading one row more (kg serve).
    `prefixes` may be used undeclared (kg/query/prefixes.py).
    """
    try:
        query = inline_values(text, bindings) if bindings else text
    except QueryError:
        check_read_only(text)  # an update has no WHERE clause to bind in: say that it is one
        raise
    return to_result(answer_of(store, query, prefixes), max_rows)


def answer_of(store: ox.Store, text: str, prefixes: dict[str, str] | None = None) -> Answer:
    """Oxigraph's answer to a query (an iterator, or a boolean), all graphs as the default graph;
    a syntax error says where, and names an unknown prefix."""
    merged = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
    try:  # Oxigraph's query parser rejects updates itself; the check below only names the cause
        return store.query(text, prefixes=prefixes, use_default_graph_as_union=not merged)
    except SyntaxError as exc:
        check_read_only(text)
        unknown = unknown_prefix(text, prefixes or {}) if "Prefix not found" in str(exc) else None
        raise (unknown or syntax_error(exc)) from exc


def execute_with_timeout(path: Path, text: str, bindings: dict[str, ox.NamedNode | ox.Literal],
                         seconds: float | None, check: bool = True,
                         prefixes: dict[str, str] | None = None) -> Result:
    """Run a query in a child process: cut off the network, killed when the time is up (None: no
    limit), reported if the engine crashes, and first checked (kg/query/guard.py) unless `check`
    is False (the project's own queries: parsing them would only cost time); `prefixes` may be
    used undeclared, by the check and the engine alike.

    A running Oxigraph query cannot be interrupted from Python, so the limit is enforced by
    the operating system; the answer comes back in the W3C JSON or N-Triples formats.
    """
    if check:
        check_depth(text)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_in_child, args=(sender, str(path), text, bindings, check, prefixes),
                            daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise QueryTimeout(f"the query was stopped after {seconds:g} s",
                               "narrow it (a LIMIT, a more specific pattern) or allow more --timeout")
        status, form, payload = receiver.recv()
    except EOFError:
        child.join()
        raise crashed(child.exitcode) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if status != "ok":
        raise reported(status, payload)
    return decode(form, payload)


def crashed(code: int | None) -> QueryError:
    """The error for a query process that died instead of answering (Oxigraph can segfault)."""
    how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
    return QueryError(f"the query engine crashed ({how}) on this query",
                      "it may be too deeply nested or too large: simplify it")


def reported(status: str, payload: tuple[str, str | None]) -> KgError:
    """The project's error for one a query process reported as (status, (message, hint))."""
    kinds: dict[str, type[KgError]] = {"refused": Refused, "too-large": ResultTooLarge, "query": QueryError}
    return kinds.get(status, KgError)(*payload)


def report(exc: Exception) -> tuple[str, tuple[str, str | None]]:
    """(status, (message, hint)) for an error to send back to the parent process."""
    if isinstance(exc, KgError):
        status = ("refused" if isinstance(exc, Refused) else "too-large" if isinstance(exc, ResultTooLarge)
                  else "query" if isinstance(exc, QueryError) else "error")
        return status, (exc.message, exc.hint)
    return "error", (f"{type(exc).__name__}: {exc}", None)


def _run_in_child(sender, path: str, text: str, bindings: dict, check: bool,  # pragma: no cover - a fork
                  prefixes: dict[str, str] | None) -> None:
    with contextlib.suppress(NetworkNotCut):  # the check refuses SERVICE; the cut is a second wall
        cut_off_network()
    try:
        if check:
            check_query(text, None, prefixes=prefixes)
        result = execute(open_store(Path(path)), text, bindings, prefixes=prefixes)
        sender.send(("ok", result.form, encode(result)))
    except Exception as exc:  # reported to the parent, which raises it as a project error
        status, payload = report(exc)
        sender.send((status, "", payload))
