"""Reading just enough of a query's text: refusing updates, finding its form, and opening its
WHERE clause to join parameters as VALUES (never pasting user text into the query)."""

from __future__ import annotations

import functools
import re

import pyoxigraph as ox

from kg.query.model import QueryError

_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+)")


def check_read_only(text: str) -> None:
    """Refuse SPARQL Update before it reaches any store."""
    if _UPDATE.match(_strip_comments(text)):
        raise QueryError("SPARQL Update is not allowed: kg query only reads the graph",
                         "to change the graph, edit data/ and run `kg build`")


def syntax_error(exc: SyntaxError) -> QueryError:
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


def query_form(text: str) -> str:
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
