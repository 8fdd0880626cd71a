"""Running a query on the persisted store, in this process or in a child killed at a time limit.

Results are pyoxigraph terms in a small `Result` object; turning them into text is
kg/query/render.py's job.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query.model import QueryError, QueryTimeout, Result, decode, encode, to_result
from kg.query.syntax import check_read_only, inline_values, syntax_error


def execute(store: ox.Store, text: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
            max_rows: int | None = None) -> Result:
    """Run a query on a store, all named graphs together as the default graph: the merge that
    `kg build` stores as the default graph, or else (a store loaded otherwise) their union.

    Parameters are joined as a VALUES block, exactly as on a remote endpoint, so a query means
    the same everywhere (pyoxigraph's own substitution needs the variable in the projection).
    With `max_rows`, a larger result raises ResultTooLarge after reading one row more (kg serve).
    """
    merged = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
    try:  # Oxigraph's query parser rejects updates itself; the check below only names the cause
        answer = store.query(inline_values(text, bindings) if bindings else text,
                             use_default_graph_as_union=not merged)
    except (SyntaxError, QueryError) as exc:
        check_read_only(text)
        if isinstance(exc, QueryError):
            raise
        raise syntax_error(exc) from exc
    return to_result(answer, max_rows)


def execute_with_timeout(path: Path, text: str, bindings: dict[str, ox.NamedNode | ox.Literal],
                         seconds: float) -> Result:
    """Run a query in a child process that is killed when the time is up.

    A running Oxigraph query cannot be interrupted from Python, so the limit is enforced by
    the operating system; the answer comes back in the W3C JSON or N-Triples formats.
    """
    check_read_only(text)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_in_child, args=(sender, str(path), text, bindings), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise QueryTimeout(f"the query was stopped after {seconds:g} s",
                               "narrow it (a LIMIT, a more specific pattern) or allow more --timeout")
        status, form, payload = receiver.recv()
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if status == "syntax":
        raise QueryError(payload)
    if status == "error":
        raise KgError(payload)
    return decode(form, payload)


def _run_in_child(sender, path: str, text: str, bindings: dict) -> None:  # pragma: no cover - runs in a fork
    try:
        result = execute(ox.Store.read_only(path), text, bindings)
        sender.send(("ok", result.form, encode(result)))
    except QueryError as exc:
        sender.send(("syntax", "", str(exc)))
    except Exception as exc:  # reported to the parent, which raises it as a project error
        sender.send(("error", "", f"{type(exc).__name__}: {exc}"))
