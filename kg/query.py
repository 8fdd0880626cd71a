"""Named SPARQL queries: the library in queries/, safe parameter binding, and running a query
on the persisted store, on a remote SPARQL 1.1 endpoint, or under a time limit.

Results are pyoxigraph terms in a small `Result` object; turning them into text is
kg/results.py's job.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import json
import multiprocessing
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import KgError, Location, SourceError
from kg.namespaces import PREFIXES
from kg.project import Project
from kg.store import open_store, store_path

KINDS = ("entity", "iri", "string", "integer", "date")
_HEADER = re.compile(r"#\s*(title|description|param):\s?(.*)")
_PARAM = re.compile(r"(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>\w+)\)\s*"
                    r'(?:=\s*(?:"(?P<quoted>[^"]*)"|(?P<default>\S+?))\s*)?:\s+(?P<doc>.+)')
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+)")


class QueryError(KgError):
    """A query that cannot run: bad syntax, an update, a bad parameter (exit code 2)."""

    exit_code = 2


class QueryTimeout(KgError):
    """The query ran longer than its time limit and was stopped."""


class EndpointError(KgError):
    """A remote endpoint could not be reached or did not answer with SPARQL results."""


class ResultTooLarge(QueryError):
    """The result has more rows (or triples) than the caller accepts; it is refused, never cut."""


@dataclass(frozen=True)
class Param:
    """A query parameter: bound to the variable of the same name as an RDF term."""

    name: str
    kind: str
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query from the library (or a file), with the header that documents it."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None


@dataclass
class Result:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


# -- the library ----------------------------------------------------------------------------

def parse_query(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the header comments of a query; the rest is the query itself."""
    where = Location(path or Path(name))
    title, description, params = "", [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match is None:
            if description and line.startswith("#  "):
                description.append(line[1:].strip())
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, Location(where.file, number, "param")))
    return NamedQuery(name, title or name, " ".join(description), tuple(params), text, path)


def _parse_param(text: str, where: Location) -> Param:
    match = _PARAM.fullmatch(text)
    if match is None:
        raise SourceError(where, f"cannot read the parameter {text!r}",
                          "write: # param: NAME (KIND) = DEFAULT: what it means")
    if match["kind"] not in KINDS:
        raise SourceError(where, f"unknown parameter kind {match['kind']!r}", f"use one of {', '.join(KINDS)}")
    default = match["quoted"] if match["quoted"] is not None else match["default"]
    return Param(match["name"], match["kind"], default, match["doc"].strip())


def load_library(directory: Path) -> dict[str, NamedQuery]:
    """Every .rq file in the folder, by name."""
    return {path.stem: parse_query(path.read_text(encoding="utf-8"), path.stem, path)
            for path in sorted(directory.glob("*.rq"))}


def find_query(library: dict[str, NamedQuery], name_or_file: str) -> NamedQuery:
    """A library query by name, or a query read from a .rq file."""
    if name_or_file in library:
        return library[name_or_file]
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.is_file():
        try:
            return parse_query(path.read_text(encoding="utf-8"), path.stem, path)
        except OSError as exc:
            raise QueryError(f"cannot read {path}: {exc.strerror}") from exc
    close = difflib.get_close_matches(name_or_file, list(library), n=3, cutoff=0.5)
    hint = ("did you mean " + " or ".join(repr(c) for c in close) + "?") if close else "`kg queries` lists them"
    raise QueryError(f"no query named {name_or_file!r}", hint)


# -- parameters -----------------------------------------------------------------------------

def bind(query: NamedQuery, values: dict[str, str], base: str) -> dict[str, ox.NamedNode | ox.Literal]:
    """The query's parameters as RDF terms: given values, else defaults; errors name the parameter."""
    known = {p.name: p for p in query.params}
    for name in values:
        if name not in known:
            hint = f"its parameters: {', '.join(known)}" if known else "it takes no parameters"
            raise QueryError(f"{query.name} has no parameter {name!r}", hint)
    bound = {}
    for param in query.params:
        raw = values.get(param.name, param.default)
        if raw is None:
            raise QueryError(f"{query.name} needs the parameter {param.name!r} ({param.kind}): {param.description}",
                             f"add --param {param.name}=VALUE")
        bound[param.name] = to_term(param, raw.strip(), base)
    return bound


def to_term(param: Param, raw: str, base: str) -> ox.NamedNode | ox.Literal:
    """One parameter value as the RDF term its kind says; ill-typed values name the parameter."""
    def fail(expected: str) -> QueryError:
        return QueryError(f"parameter {param.name!r} must be {expected}, not {raw!r}")

    if param.kind == "entity":
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", raw):
            raise fail("an entity id such as lazada")
        return ox.NamedNode(base + raw)
    if param.kind == "iri":
        prefix, _, local = raw.partition(":")
        if prefix in PREFIXES and not local.startswith("//"):
            raw = str(PREFIXES[prefix]) + local
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+|urn:[^\s<>\"{}|\\^`]+", raw):
            raise fail("an IRI (http://…) or a prefixed name such as kg:planned")
        return ox.NamedNode(raw)
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise fail("a whole number")
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if param.kind == "date":
        try:
            dt.date.fromisoformat(raw)
        except ValueError:
            raise fail("a date written YYYY-MM-DD") from None
        return ox.Literal(raw, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    return ox.Literal(raw)


# -- running --------------------------------------------------------------------------------

def check_read_only(text: str) -> None:
    """Refuse SPARQL Update before it reaches any store."""
    if _UPDATE.match(_strip_comments(text)):
        raise QueryError("SPARQL Update is not allowed: kg query only reads the graph",
                         "to change the graph, edit data/ and run `kg build`")


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
        raise _syntax_error(exc) from exc
    return _result(answer, max_rows)


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
    form = _query_form(text)
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


def construct(project: Project, out_dir: Path, name_or_file: str, params: dict[str, str]) -> rdflib.Graph:
    """Run a named CONSTRUCT (or DESCRIBE) query on the built graph and return it as an rdflib Graph."""
    query = find_query(load_library(project.root / "queries"), name_or_file)
    result = execute(open_store(store_path(project, out_dir)), query.text, bind(query, params, project.base))
    if result.form != "graph":
        raise QueryError(f"{query.name} is not a CONSTRUCT or DESCRIBE query", "pick a query that returns a graph")
    return rdflib.Graph().parse(data=encode(result).decode("utf-8"), format="nt")


# -- encoding between processes and from endpoints --------------------------------------------

def encode(result: Result) -> bytes:
    """A result in the W3C JSON results format, or N-Triples for a graph."""
    if result.form == "graph":
        return ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES) or b""
    if result.form == "ask":
        return b'{"head":{},"boolean":%s}' % (b"true" if result.boolean else b"false")
    def term(t: object) -> dict[str, str]:
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        assert isinstance(t, ox.Literal)
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out

    bindings = [{v: term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}).encode()


def decode(form: str, payload: bytes) -> Result:
    """The inverse of encode, also used for what endpoints send."""
    if form == "graph":
        return Result("graph", triples=[q.triple for q in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)])
    return _result(ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON))


def _result(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, max_rows: int | None = None) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    items = list(itertools.islice(answer, max_rows + 1)) if max_rows is not None else list(answer)
    if max_rows is not None and len(items) > max_rows:
        raise ResultTooLarge(f"the result has more than {max_rows} rows",
                             "add a LIMIT (and OFFSET to page through it), or narrow the query")
    if isinstance(answer, ox.QueryTriples):
        return Result("graph", triples=items)
    variables = [v.value for v in answer.variables]
    return Result("select", variables, [tuple(solution[v] for v in variables) for solution in items])


# -- text helpers ---------------------------------------------------------------------------

def _syntax_error(exc: SyntaxError) -> QueryError:
    message = str(exc)
    match = _POSITION.search(message)
    where = f" (line {match.group(1)}, column {match.group(2)})" if match else ""
    return QueryError(f"SPARQL syntax error{where}: {message}", "check the query near that position")


_TOKENS = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}]|\b(?:SELECT|ASK|CONSTRUCT|DESCRIBE|WHERE)\b',
                     re.IGNORECASE)


def _syntax(text: str) -> list[re.Match[str]]:
    """Braces and query-form keywords, skipping strings, IRIs and comments."""
    return [m for m in _TOKENS.finditer(text) if m.group(0)[0] in "{}" or m.group(0)[0].isalpha()]


def _strip_comments(text: str) -> str:
    parts, last = [], 0
    for match in _TOKENS.finditer(text):
        if match.group(0).startswith("#"):
            parts += [text[last:match.start()], " "]
            last = match.end()
    return "".join(parts) + text[last:]


def _query_form(text: str) -> str:
    for match in _syntax(text):
        word = match.group(0).upper()
        if word in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
            return {"SELECT": "select", "ASK": "ask"}.get(word, "graph")
    raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def inline_values(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with `VALUES (?a ?b) { (term term) }` opening its WHERE clause.

    The values are RDF terms written in N-Triples syntax by pyoxigraph (quotes and
    backslashes escaped), so no user text ever becomes query syntax.
    """
    variables = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    where = _where_opening(text)
    return text[:where] + f" VALUES ({variables}) {{ ({terms}) }} " + text[where:]


@functools.lru_cache(maxsize=256)
def _where_opening(text: str) -> int:
    """Where the WHERE clause's opening brace ends (cached: kg serve runs the same queries often)."""
    tokens = [m for m in _syntax(text) if m.group(0).upper() not in {"SELECT", "ASK", "DESCRIBE"}]
    words = [m.group(0).upper() for m in tokens]
    skip_template = bool(words) and words[0] == "CONSTRUCT"
    if skip_template and len(words) > 1 and words[1] == "WHERE":
        raise QueryError("the CONSTRUCT WHERE short form cannot take parameters on an endpoint",
                         "write the template out: CONSTRUCT { … } WHERE { … }")
    depth = 0
    for match in tokens:
        token = match.group(0)
        if token == "{":
            if depth == 0 and not skip_template:
                return match.end()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                skip_template = False
    raise QueryError("cannot find the WHERE clause to bind the parameters in")
