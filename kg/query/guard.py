"""Whether a query may run: decided on a real SPARQL parse, never on a regular expression.

A hand-written lexer reads SPARQL differently from Oxigraph wherever the grammar is subtle
(escapes in prefixed names, strings, comments), and a query it misreads can make the engine
call other services (SERVICE). So the decision here rests on rdflib's SPARQL 1.1 parser: the
query must parse, as a query (an update is refused), and the parse tree is searched for every
SERVICE and dataset clause. Whatever the parser cannot read is refused, so the two readings can
only differ by refusing more. The network wall behind this one is kg/query/sandbox.py.

The parser is pure Python and can take seconds on a hostile 64 KiB query, so `check_query`
runs where a time limit can kill it (the server's worker processes, `kg query`'s child),
never in the server's event loop; there only `check_depth` runs, which is linear. Even an
ordinary query takes it some 30 ms, sixty times what Oxigraph needs to answer it, so each
process remembers its last verdicts: a query sent again (a dashboard, a shared link) is
decided by looking it up. The verdict depends on nothing but the text and the arguments.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator

from kg.query.model import QueryError

MAX_DEPTH = 64
# Verdicts remembered per process: at most this many query texts (of at most 64 KiB each, as
# the server takes them, so at most 16 MiB).
VERDICTS = 256
# rdflib's grammar recurses a few dozen frames for each bracket (and each triple of a block);
# Python's default limit of 1000 stops it near 30 brackets, this one well past MAX_DEPTH.
_PARSER_RECURSION = 20_000
UPDATE_REFUSED = "SPARQL Update is not allowed: kg only reads the graph"
_INTERESTING = re.compile(r"""[{}()\[\]"'#<\\]""")
_STRING_REST = {'"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
                "'''": re.compile(r"(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL),
                '"': re.compile(r'(?:[^"\\\n\r]|\\.)*"'), "'": re.compile(r"(?:[^'\\\n\r]|\\.)*'")}
_IRI_REST = re.compile(r'[^<>"{}|^`\\\x00-\x20]*>')
_LINE_END = re.compile(r"[\n\r]")
_LONE_CR = re.compile(r"\r(?!\n)")
_CODEPOINT = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)  # rdflib's expandUnicodeEscapes
_STRUCTURAL = frozenset("\"'<>\\#{}()[]|^`")


class Refused(QueryError):
    """A query that will not run here: an update, or a fetch of something outside the graph."""


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    """Refuse brackets nested deeper than `limit` (deep nesting crashes the engine's parser).

    One pass over the text, skipping strings, IRIs and comments as SPARQL's tokens do, and a
    backslash with the character it escapes (`ex:a\\#b` holds no comment). An unterminated
    string ends the scan: the query cannot parse, and the parse refuses it.
    """
    depth, at = 0, 0
    while (found := _INTERESTING.search(text, at)) is not None:
        char, at = found.group(0), found.end()
        if char in "{([":
            depth += 1
            if depth > limit:
                raise QueryError(f"the query nests brackets more than {limit} deep",
                                 "flatten it: fewer nested groups, parentheses or blank nodes")
        elif char in "})]":
            depth = max(depth - 1, 0)
        elif char == "\\":
            at += 1
        elif char == "#":
            end = _LINE_END.search(text, at)
            at = end.end() if end else len(text)
        elif char == "<":
            iri = _IRI_REST.match(text, at)
            at = iri.end() if iri else at
        else:
            quote = char * 3 if text.startswith(char * 3, found.start()) else char
            rest = _STRING_REST[quote].match(text, found.start() + len(quote))
            if rest is None:
                return
            at = rest.end()


def check_query(text: str, graphs: frozenset[str] | None, allow: tuple[str, ...] = (),
                prefixes: dict[str, str] | None = None) -> None:
    """Refuse updates, unreadable queries, SERVICE, and FROM (NAMED) of graphs we do not hold.

    `graphs` are the graphs FROM may name (None: any, as `kg query` on one's own store);
    `allow` lists IRI prefixes that SERVICE and FROM may reach anyway; `prefixes` are those the
    engine is given as predeclared (kg/query/prefixes.py), so names resolve here as they do there.
    """
    refusal = _verdict(text, graphs, allow, tuple(sorted((prefixes or {}).items())))
    if refusal is not None:
        raise type(refusal)(refusal.message, refusal.hint)


@functools.lru_cache(maxsize=VERDICTS)
def _verdict(text: str, graphs: frozenset[str] | None, allow: tuple[str, ...],
             prefixes: tuple[tuple[str, str], ...]) -> QueryError | None:
    """check_query's refusal of a query (None: it may run), remembered."""
    try:
        _check(text, graphs, allow, dict(prefixes))
    except QueryError as exc:
        return exc
    return None


def _check(text: str, graphs: frozenset[str] | None, allow: tuple[str, ...], prefixes: dict[str, str]) -> None:
    check_depth(text)
    # A comment ends at a carriage return for Oxigraph, only at a line feed for rdflib
    readable = _LONE_CR.sub("\n", text)
    _check_escapes(readable)
    for keyword, iri in _remote_references(_parse(readable), prefixes):
        if iri and (iri.startswith(allow) if allow else False):
            continue
        if keyword.startswith("FROM") and (graphs is None or iri in graphs):
            continue
        what = f"{keyword} <{iri}>" if iri else f"{keyword} with a variable" if iri is None else keyword
        raise Refused(f"{what} is not allowed: only the graph's own data is queried here",
                      "kg serve --allow lists IRIs that SERVICE and FROM may reach; "
                      "kg query --endpoint URL asks another endpoint")


def _parse(text: str) -> object:
    """rdflib's parse tree of the query; an update is refused, anything unreadable is an error."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _PARSER_RECURSION))
    try:
        try:
            return parseQuery(text)
        except ParseBaseException as exc:
            failure = exc
        try:
            update = dict.get(parseUpdate(text), "request")
        except ParseBaseException:
            update = None
    except RecursionError:
        raise QueryError("the query is too deeply nested or chained to be checked",
                         "split long blocks of triples, flatten nested groups") from None
    except Exception as exc:  # a parse action that fails (a bad literal, say): unreadable all the same
        raise QueryError(f"the query cannot be read: {exc}") from None
    finally:
        sys.setrecursionlimit(limit)
    if update:
        raise Refused(UPDATE_REFUSED, "to change the graph, edit data/ and run `kg build`")
    raise QueryError(f"SPARQL syntax error (line {failure.lineno}, column {failure.col}): {failure.msg}, "
                     f"found {failure.found or 'the end'}", "check the query near that position")


def _check_escapes(text: str) -> None:
    """Refuse \\u escapes of characters that shape tokens (quotes, brackets, `#`, spaces...).

    rdflib expands every \\u escape before parsing, as the SPARQL grammar says; Oxigraph only
    inside strings and IRIs. So `"\\u0022"` is a string holding a quote for Oxigraph but opens
    a long string for rdflib, which then reads past a SERVICE that Oxigraph runs. An escape of
    any other character cannot move a token boundary, so the two readings keep the same shape.
    The pattern is rdflib's own, so this sees exactly the escapes it expands.
    """
    for match in _CODEPOINT.finditer(text):
        code = int(match.group(1), 16)
        if code > sys.maxunicode or chr(code) in _STRUCTURAL or code <= 0x20:
            raise QueryError(f"the escape {match.group(0)} is not allowed here",
                             "write the character itself (a string may use \\\" and \\' for quotes)")


def _remote_references(tree: object, predeclared: dict[str, str]) -> Iterator[tuple[str, str | None]]:
    """(keyword, IRI) for each SERVICE, FROM and FROM NAMED in the tree; the IRI is "" when a
    prefixed name cannot be resolved, None for a variable. Walked without recursion."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    prefixes = dict(predeclared)
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "PrefixDecl":
                prefixes[str(_field(node, "prefix"))] = str(_field(node, "iri"))
            elif node.name == "ServiceGraphPattern":
                yield "SERVICE", _iri(node["term"], prefixes)
            elif node.name == "DatasetClause":
                named = "named" in node
                yield "FROM NAMED" if named else "FROM", _iri(_field(node, "named" if named else "default"), prefixes)
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(reversed(list(node)))


def _iri(term: object, prefixes: dict[str, str]) -> str | None:
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, CompValue) and term.name == "pname":
        prefix = str(_field(term, "prefix"))
        return prefixes[prefix] + str(_field(term, "localname")) if prefix in prefixes else ""
    return None


def _field(node: dict, key: str) -> object:
    """A field of a parse-tree node, "" when absent (rdflib's CompValue.get returns the key itself)."""
    return dict.get(node, key) or ""
