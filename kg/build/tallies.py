"""The running tallies behind the corpus graph, in shards, so that adding or removing one article
updates the few shards its claims touch instead of recounting ten thousand articles.

Every tally is filed under a key term (an entity, a fact's subject, an article) and every key
falls in one shard by a stable hash, so the lines a shard renders are exactly the corpus graph's
lines about its keys: a shard's tallies and lines are the same whichever order articles came in,
and a full build and an incremental one give the same bytes. The number of shards grows with the
corpus (a power of two, one for a single article) so that a small project keeps one file.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.rdfio import write_atomic

SHARDS_MAX = 1024
Fact = tuple[str, str, str]


def shard_count(articles: int) -> int:
    """The number of shards for a corpus of `articles`: the largest power of two not above half
    of it, at most SHARDS_MAX (one shard holds about 3,000 lines at 10,000 articles)."""
    count = 1
    while count * 2 <= min(SHARDS_MAX, articles // 2):
        count *= 2
    return count


class Sharding:
    """Which shard each key term falls in (a term's shard is asked for millions of times)."""

    def __init__(self, shards: int) -> None:
        self.shards = shards
        self._known: dict[str, int] = {}

    def __call__(self, term: str) -> int:
        found = self._known.get(term)
        if found is None:
            found = self._known[term] = zlib.crc32(term.encode()) % self.shards
        return found


@dataclass(frozen=True)
class Contribution:
    """What one article gives the corpus graph, terms in N-Triples form."""

    article: str  # the article's IRI term
    mentioned: list[str]  # the entities it declares or refers to
    facts: set[Fact]  # the direct facts it states that are counted
    candidates: list[list[str]]  # its ranked statements: [statement, s, p, o, date, article id, source]

    def terms(self) -> Iterable[str]:
        """The key terms of everything it gives (the shards it touches)."""
        yield self.article
        yield from self.mentioned
        yield from (s for s, _, _ in self.facts)
        yield from (row[1] for row in self.candidates)


@dataclass
class Tally:
    """One shard's tallies: mentions by article, mention counts, fact support counts, and the
    statements of each ranked field (`subject<TAB>predicate` -> rows sorted by article)."""

    mentions: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    groups: dict[str, list[list[str]]] = field(default_factory=dict)

    def to_json(self) -> bytes:
        data = {"mentions": self.mentions, "counts": self.counts, "facts": self.facts,
                "groups": {key: sorted(rows, key=_row_order) for key, rows in self.groups.items()}}
        return json.dumps(data, sort_keys=True, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Tally:
        raw = json.loads(data)
        return cls(raw["mentions"], raw["counts"], raw["facts"], raw["groups"])


def _row_order(row: list[str]) -> tuple[str, str]:
    return row[5], row[0]  # by article, then statement: the order the articles' claims list them in


class Tallies:
    """The shards' tallies that are loaded (all of them in a full build, the touched ones in an
    incremental one), changed by adding or taking out one article's contribution."""

    def __init__(self, sharding: Sharding, loaded: dict[int, Tally]) -> None:
        self.sharding, self.loaded = sharding, loaded

    def apply(self, item: Contribution, sign: int) -> None:
        """Add (sign 1) or take out (sign -1) an article's contribution."""
        shard = self.sharding
        terms = sorted(set(item.mentioned))
        mentions = self.loaded[shard(item.article)].mentions
        if sign > 0 and terms:
            mentions[item.article] = terms
        elif sign < 0:
            mentions.pop(item.article, None)
        for term in terms:
            _count(self.loaded[shard(term)].counts, term, sign)
        for s, p, o in item.facts:
            _count(self.loaded[shard(s)].facts, f"{s}\t{p}\t{o}", sign)
        for row in item.candidates:
            groups = self.loaded[shard(row[1])].groups
            key = f"{row[1]}\t{row[2]}"
            if sign > 0:
                groups.setdefault(key, []).append(list(row))
            elif key in groups:
                groups[key] = [kept for kept in groups[key] if kept != list(row)]
                if not groups[key]:
                    del groups[key]


def _count(counts: dict[str, int], key: str, sign: int) -> None:
    total = counts.get(key, 0) + sign
    if total > 0:
        counts[key] = total
    else:
        counts.pop(key, None)


@dataclass
class TallyIndex:
    """What the last corpus graph was counted from (kept in the cache as `corpus.tallies`): its key
    (kg, base IRI, ranks, number of shards), each article's part key, source and claims digest,
    and each shard's part, whose state file holds the shard's tallies."""

    key: str
    articles: dict[str, list[str]]
    parts: list[str] = field(default_factory=list)

    FILE = "corpus.tallies"

    @classmethod
    def read(cls, folder: Path) -> TallyIndex | None:
        try:
            raw = json.loads((folder / cls.FILE).read_bytes())
            return cls(str(raw["key"]), dict(raw["articles"]), list(raw["parts"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none yet, or unreadable: count from every article

    def write(self, folder: Path) -> None:
        data = {"key": self.key, "articles": self.articles, "parts": self.parts}
        write_atomic(folder / self.FILE, json.dumps(data, sort_keys=True).encode())
