"""The library of named queries in queries/: their headers, and binding parameters as RDF terms."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Location, SourceError
from kg.namespaces import PREFIXES
from kg.query.model import QueryError

KINDS = ("entity", "iri", "string", "integer", "date")
_HEADER = re.compile(r"#\s*(title|description|param|needs):\s?(.*)")
_NEEDS = re.compile(r"(?P<graph>graph/[\w/-]+):\s+(?P<maker>.+)")
_PARAM = re.compile(r"(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>\w+)\)\s*"
                    r'(?:=\s*(?:"(?P<quoted>[^"]*)"|(?P<default>\S+?))\s*)?:\s+(?P<doc>.+)')


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
    needs: tuple[tuple[str, str], ...] = ()  # graphs (under the base) the query reads, and what makes each


def parse_query(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the header comments of a query; the rest is the query itself."""
    where = Location(path or Path(name))
    title, description, params, needs = "", [], [], []
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
        elif key == "needs":
            needs.append(_parse_needs(value, Location(where.file, number, "needs")))
        else:
            params.append(_parse_param(value, Location(where.file, number, "param")))
    return NamedQuery(name, title or name, " ".join(description), tuple(params), text, path, tuple(needs))


def _parse_needs(text: str, where: Location) -> tuple[str, str]:
    match = _NEEDS.fullmatch(text)
    if match is None:
        raise SourceError(where, f"cannot read what the query needs: {text!r}",
                          "write: # needs: graph/NAME: the command that writes it")
    return match["graph"], match["maker"].strip()


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
    try:
        return _term(param.kind, raw, base)
    except ValueError:  # a check below, pyoxigraph, or UnicodeEncodeError for lone surrogates
        shown = repr(raw) if len(raw) <= 80 else repr(raw[:80]) + "…"
        raise QueryError(f"parameter {param.name!r} must be {_EXPECTED[param.kind]}, not {shown}") from None


_EXPECTED = {"entity": "an entity id such as lazada", "iri": "an IRI (http://…) or a prefixed name such as kg:planned",
             "integer": "a whole number of 64 bits", "date": "a date written YYYY-MM-DD", "string": "Unicode text"}
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _term(kind: str, raw: str, base: str) -> ox.NamedNode | ox.Literal:
    """The term, or ValueError. Only values the store reads as what they say pass: an IRI
    pyoxigraph accepts, an integer within its 64 bits, a date written YYYY-MM-DD, text without
    the lone surrogates that undecodable bytes on a command line become."""
    if kind == "entity":
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", raw):
            raise ValueError(raw)
        return ox.NamedNode(base + raw)
    if kind == "iri":
        prefix, _, local = raw.partition(":")
        if prefix in PREFIXES and not local.startswith("//"):
            raw = str(PREFIXES[prefix]) + local
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+|urn:[^\s<>\"{}|\\^`]+", raw):
            raise ValueError(raw)
        return ox.NamedNode(raw)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?[0-9]{1,19}", raw) or not -(2**63) <= int(raw) < 2**63:
            raise ValueError(raw)
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode(_XSD + "integer"))
    if kind == "date":
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise ValueError(raw)
        dt.date.fromisoformat(raw)
        return ox.Literal(raw, datatype=ox.NamedNode(_XSD + "date"))
    return ox.Literal(raw)
