"""Editors' ranks (data/ranks.yaml): which article's statement of a ranked field (a status) holds.

By default the latest-dated source wins; an editor overrides that by ranking one statement
`preferred`, or sets one aside as `deprecated` with a reason, as Wikidata's ranks do. Each rank
names the statement by its entity, field, article and value. This module checks the file's
shape; whether the named statement exists is checked by the build, which knows the articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import Location, SourceError, suggest
from kg.namespaces import ID_PATTERN
from kg.source.files import only_keys
from kg.source.limits import shown
from kg.source.schema import FIELDS
from kg.source.yamlsource import Mapping, Sequence, line_of, load_yaml

RANKS = ("preferred", "normal", "deprecated")
_KEYS = {"about", "field", "article", "value", "rank", "reason"}


@dataclass(frozen=True)
class Rank:
    """One editor's rank on the statement `article` makes of `about`'s `field` = `value`."""

    about: str
    field: str
    article: str
    value: str
    rank: str
    reason: str
    where: Location


def read_ranks(path: Path) -> list[Rank]:
    """The ranks of the file (none when it does not exist), each well formed, at most one
    preferred statement per entity and field."""
    if not path.exists():
        return []
    data = load_yaml(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("ranks"), Sequence):
        raise SourceError(Location(path, 1), "expected a mapping with a `ranks:` list",
                          "write ranks: [] or a list of {about, field, article, value, rank, reason}")
    items = data["ranks"]
    ranks = [_rank(item, Location(path, line_of(items, index), f"ranks[{index}]"))
             for index, item in enumerate(items)]
    _one_preferred(ranks)
    return ranks


def _rank(item: object, where: Location) -> Rank:
    if not isinstance(item, Mapping):
        raise SourceError(where, f"expected a mapping, not {shown(item)}", "write {about: …, field: status, …}")
    only_keys(item, _KEYS, where)
    for key in ("about", "field", "article", "value", "rank"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise SourceError(where.at(key, line_of(item, key)), f"{key} is missing or not text",
                              f"write {key}: …")
    for key in ("about", "article"):
        if not ID_PATTERN.fullmatch(item[key]):
            raise SourceError(where.at(key, line_of(item, key)), f"{shown(item[key])} is not an id",
                              "use the id as the article or entity file writes it")
    ranked = sorted(name for name, spec in FIELDS.items() if spec.ranked)
    if item["field"] not in ranked:
        raise SourceError(where.at("field", line_of(item, "field")), f"{shown(item['field'])} is not a ranked field",
                          suggest(item["field"], ranked, "ranked fields"))
    if item["rank"] not in RANKS:
        raise SourceError(where.at("rank", line_of(item, "rank")), f"unknown rank {shown(item['rank'])}",
                          "use preferred, normal or deprecated")
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise SourceError(where.at("reason", line_of(item, "reason")), "the reason must be text")
    if item["rank"] == "deprecated" and not (reason or "").strip():
        raise SourceError(where.at("rank", line_of(item, "rank")), "a deprecated statement needs a reason",
                          "add reason: why this source's value no longer holds")
    return Rank(item["about"], item["field"], item["article"], item["value"], item["rank"],
                (reason or "").strip(), where)


def _one_preferred(ranks: list[Rank]) -> None:
    first: dict[tuple[str, str], Rank] = {}
    for rank in ranks:
        if rank.rank != "preferred":
            continue
        other = first.setdefault((rank.about, rank.field), rank)
        if other is not rank:
            raise SourceError(rank.where.at("rank"), f"a second preferred {rank.field} for {rank.about!r}",
                              f"{other.where} already prefers {other.value!r} from {other.article}; keep one")
