"""Reading the data files into checked shapes: an article (its metadata, text and entities) or
the curated gazetteer, and the registry of every entity id with its type across all files.

Only the shape is checked here (mappings, lists, ids, types, the text file); what each field
means is checked when the build turns it into triples.
"""

from __future__ import annotations

import os
from collections import abc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from kg.errors import Location, SourceError, suggest
from kg.namespaces import ID_PATTERN, RESERVED_IDS
from kg.source.limits import first_non_text, read_bounded, shown
from kg.source.schema import TYPES, TypeSpec
from kg.source.text import ArticleText
from kg.source.yamlsource import Mapping, Sequence, line_of, load_yaml, parse_yaml

Registry = dict[str, TypeSpec]  # every entity id with its type


@dataclass
class Source:
    """One data file, read but not yet turned into triples."""

    path: Path
    entities: list[Mapping]
    article: Mapping | None = None
    text: ArticleText | None = None

    @property
    def curated(self) -> bool:
        return self.article is None


def read_places(path: Path) -> Source:
    """The curated gazetteer: a `places:` list of entities without evidence."""
    data = load_yaml(path)
    places = require(data, Mapping, Location(path, 1), "a mapping with a `places:` list")
    only_keys(places, {"places"}, Location(path))
    items = require(places.get("places"), Sequence, Location(path, line_of(places, "places"), "places"),
                    "a list of places")
    return Source(path, [require(item, Mapping, Location(path, line_of(items, i), f"places[{i}]"),
                                 "a mapping") for i, item in enumerate(items)])


def read_article(path: Path, yaml_text: str | None = None) -> Source:
    """An article's YAML with its text file, whose id must be the file's name; `yaml_text`, when
    given, is read in place of the file's content (a draft checked before it is written)."""
    check_in_folder(path)
    parsed = load_yaml(path) if yaml_text is None else parse_yaml(yaml_text, path)
    data = require(parsed, Mapping, Location(path, 1), "a mapping with `article:` and `entities:`")
    only_keys(data, {"article", "entities"}, Location(path))
    where = Location(path)
    article = require(data.get("article"), Mapping, where.at("article", line_of(data, "article")),
                      "the article's metadata")
    _check_article_id(article, path, where)
    text = _read_text(article, path, where)
    entities = require(data.get("entities"), Sequence, where.at("entities", line_of(data, "entities")),
                       "a list of entities")
    checked = [require(item, Mapping, where.at(f"entities[{i}]", line_of(entities, i)), "a mapping")
               for i, item in enumerate(entities)]
    return Source(path, checked, article, ArticleText(text))


def _check_article_id(article: Mapping, path: Path, where: Location) -> None:
    ident = article.get("id")
    id_where = where.at("article.id", line_of(article, "id"))
    if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident):
        raise SourceError(id_where, f"{shown(ident)} is not a valid id",
                          "use lower-case letters, digits and single hyphens")
    if ident != path.stem:
        raise SourceError(id_where, f"the article id {shown(ident)} differs from the file name",
                          f"rename the file to {ident}.yaml or set id: {path.stem}")


def check_in_folder(path: Path) -> None:
    """Refuse an article file that is a link to somewhere outside its folder (a file that is no
    link is in its folder: a build checks 10,000, so the common case costs one lstat)."""
    if os.path.islink(path) and not _inside(path, path.parent):
        raise SourceError(Location(path), "a link to a file outside the articles folder",
                          "store the article's YAML in data/articles/ itself")


def _read_text(article: Mapping, path: Path, where: Location) -> str:
    text_name = article.get("text")
    text_where = where.at("article.text", line_of(article, "text"))
    if not isinstance(text_name, str):
        raise SourceError(text_where, "missing the name of the article's text file",
                          f"add text: {path.stem}.txt")
    return read_text_file(text_name, path, text_where)


def read_text_file(text_name: str, path: Path, text_where: Location) -> str:
    """An article's text: a file beside its YAML `path` (never a path out of the articles folder,
    whether by name, by `..` or by a symbolic link), bounded in size, UTF-8, no control characters."""
    text_path = path.parent / text_name
    if Path(text_name).name != text_name or not _inside(text_path, path.parent):
        raise SourceError(text_where, f"{shown(text_name)} is not a file in the article's folder",
                          f"store the text beside the YAML and write text: {path.stem}.txt")
    text = read_bounded(text_path, text_where, "the article text")
    hidden = first_non_text(text)
    if hidden is not None:
        raise SourceError(text_where, f"the article text has {hidden[1]}, a control character, on line {hidden[0]}",
                          "store the article as plain text")
    return text


SOURCE_NOTE = "SOURCE.md"


def read_source_note(yaml_path: Path, where: Location) -> str:
    """The source note beside an article (SOURCE.md): where the articles come from and when they
    were published, for facts about an article that its text does not give."""
    if not (yaml_path.parent / SOURCE_NOTE).is_file():
        raise SourceError(where, f"there is no {SOURCE_NOTE} beside the article to quote",
                          f"write {SOURCE_NOTE} in the articles folder, or quote the article's text")
    return read_text_file(SOURCE_NOTE, yaml_path, where)


def _inside(path: Path, folder: Path) -> bool:
    """True when the path, symbolic links followed, names a file directly in the folder (a file
    that is no link and whose parent is the folder is there: no need to resolve every path)."""
    if path.parent == folder and not path.is_symlink():
        return True
    return path.resolve().parent == folder.resolve()


class Declaration(NamedTuple):
    """One entity a file declares: its id and type, and where (kept so a cached file can say it).
    A tuple: a build reads every cached file's declarations, 470,000 at 10,000 articles, and a
    frozen dataclass took four times as long to make."""

    ident: str
    type_name: str
    line: int | None
    index: int
    type_line: int | None


DeclarationRow = Declaration | list  # or the plain list of the same five fields a cached part keeps


def declarations(source: Source) -> list[Declaration]:
    """The entities one file declares, each id valid and once per file, each type known."""
    found: list[Declaration] = []
    seen_here: dict[str, int | None] = {}
    for index, item in enumerate(source.entities):
        where = Location(source.path, item.line, f"entities[{index}]")
        ident = _entity_id(item, where, seen_here)
        found.append(Declaration(ident, _entity_type(item, where).name, item.line, index, line_of(item, "type")))
    return found


def registry(declared: abc.Sequence[tuple[Path, Iterable[DeclarationRow]]]) -> Registry:
    """Every entity id with its type; an id may recur across files only with the same type."""
    result: Registry = {}
    for path, items in declared:
        for ident, type_name, line, index, type_line in items:
            spec = TYPES[type_name]
            known = result.setdefault(ident, spec)
            if known is not spec:
                where = Location(path, line, f"entities[{index}]").at("type", type_line)
                raise SourceError(where, f"{ident!r} is a {spec.name} here but a {known.name} in "
                                         f"{_first(declared, ident, known)}",
                                  "one id names one entity: make the types agree or use another id")
    return result


def _first(declared: abc.Sequence[tuple[Path, Iterable[DeclarationRow]]], ident: str, spec: TypeSpec) -> Location:
    """Where an id is first declared with a type (looked for only to say so: hubs recur in
    thousands of files, and a place for each would cost the build that finds no conflict)."""
    return next(Location(path, line, f"entities[{index}]") for path, items in declared
                for other, type_name, line, index, _ in items if other == ident and TYPES[type_name] is spec)


def _entity_id(item: Mapping, where: Location, seen_here: dict[str, int | None]) -> str:
    ident = item.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident) or ident in RESERVED_IDS:
        raise SourceError(where.at("id", line_of(item, "id")), f"{shown(ident)} is not a valid id",
                          "use lower-case letters, digits and single hyphens (not 'article' or 'graph')")
    if ident in seen_here:
        raise SourceError(where.at("id", line_of(item, "id")), f"duplicate id {ident!r}",
                          f"it is already used on line {seen_here[ident]}; give each entity its own id")
    seen_here[ident] = line_of(item, "id")
    return ident


def _entity_type(item: Mapping, where: Location) -> TypeSpec:
    type_name = item.get("type")
    spec = TYPES.get(type_name) if isinstance(type_name, str) else None
    if spec is None:
        raise SourceError(where.at("type", line_of(item, "type")), f"unknown type {shown(type_name)}",
                          suggest(str(type_name), TYPES, "types"))
    return spec


def require(value: Any, kind: type, where: Location, what: str) -> Any:
    """The value when it has the expected shape, else an error naming what was found."""
    if not isinstance(value, kind):
        raise SourceError(where, f"expected {what}, got {type(value).__name__ if value is not None else 'nothing'}")
    return value


def only_keys(mapping: dict, allowed: set[str], where: Location) -> None:
    """Refuse keys outside `allowed`, suggesting the nearest."""
    for key in mapping:
        if key not in allowed:
            raise SourceError(where.at(str(key), line_of(mapping, key)), f"unknown key {shown(key)}",
                              suggest(str(key), allowed, "keys"))


def check_draft_keys(mapping: dict, where: Location) -> None:
    """A draft's `rule` is a rule's name and its `confidence` a number from 0 to 1."""
    rule, confidence = mapping.get("rule"), mapping.get("confidence")
    if "rule" in mapping and (not isinstance(rule, str) or not ID_PATTERN.fullmatch(rule)):
        raise SourceError(where.at("rule", line_of(mapping, "rule")), f"{shown(rule)} is not a rule name",
                          "write the extractor's rule name: lower-case letters, digits and hyphens")
    if "confidence" in mapping and (type(confidence) not in (int, float) or not 0 <= confidence <= 1):
        raise SourceError(where.at("confidence", line_of(mapping, "confidence")),
                          f"confidence must be a number from 0 to 1, not {shown(confidence)}",
                          "write e.g. confidence: 0.8, or drop it once reviewed")
