"""What the last `kg validate` knew of a whole generation, kept between runs in SQLite and
brought up to date by the units that came and left, so that a run after one changed article
costs what changed: every described node's classes and the units that describe it, the units
that point to each node, each unit's size and results, and the nodes several units describe
with their merged results.

At 10,000 articles these are 11,000 units, 720,000 nodes, 1.1 M descriptions and 1.6 M
pointers; reading every unit's cached entry and gathering the classes again took 3.5 s of the
8.3 s a run took after one changed article. The index is a cache: unreadable, or made for
other shapes, ontology or kg version, it is made again from the units' cached entries.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson

from kg.build.validation_units import Entry

INDEX = "index.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unit (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS node (id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS described (node INTEGER NOT NULL, unit INTEGER NOT NULL, digest TEXT NOT NULL,
    classes TEXT NOT NULL, PRIMARY KEY (node, unit)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS described_by_unit ON described (unit);
CREATE TABLE IF NOT EXISTS points (node INTEGER NOT NULL, unit INTEGER NOT NULL,
    PRIMARY KEY (node, unit)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS points_by_unit ON points (unit);
CREATE TABLE IF NOT EXISTS result (unit INTEGER NOT NULL, focus TEXT NOT NULL, own INTEGER NOT NULL,
    fields BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS result_by_unit ON result (unit);
CREATE TABLE IF NOT EXISTS shared (node INTEGER PRIMARY KEY, key TEXT NOT NULL, context TEXT NOT NULL,
    duplicates INTEGER NOT NULL, results BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS shared_points (neighbor INTEGER NOT NULL, node INTEGER NOT NULL,
    PRIMARY KEY (neighbor, node)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS shared_points_by_node ON shared_points (node);
"""


@dataclass
class SharedRecord:
    """A node several units describe, as last checked on its merged description."""

    key: str  # digest of the shapes, the ontology and what each unit says of it
    context: str  # digest of its neighbours' types it was checked with
    neighbors: list[str]
    duplicates: int  # triples the units state more than once
    results: list[list]


class ValidationIndex:
    """The index in `<cache>/index.sqlite`; every change is made inside `transaction()`."""

    def __init__(self, folder: Path, common: str) -> None:
        path = folder / INDEX
        try:
            self.db = self._open(path, common)
        except sqlite3.DatabaseError:  # damaged: it is only a cache
            path.unlink(missing_ok=True)
            self.db = self._open(path, common)

    @staticmethod
    def _open(path: Path, common: str) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=600, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(_SCHEMA)
        stored = db.execute("SELECT value FROM meta WHERE name = 'common'").fetchone()
        if stored is None or stored[0] != common:  # other shapes, ontology or kg: nothing of it holds
            with _transaction(db):
                for table in ("unit", "node", "described", "points", "result", "shared", "shared_points"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('common', ?)", (common,))
        return db

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with _transaction(self.db):
            yield

    def units(self) -> dict[str, int]:
        """Each unit's key and id."""
        return dict(self.db.execute("SELECT key, id FROM unit"))

    def descriptions_of(self, units: Iterable[int]) -> Counter[tuple[str, str]]:
        """The nodes the given units describe, each with the digest of what a unit says of it."""
        return Counter(self._joined("SELECT n.iri, d.digest FROM described d JOIN node n ON n.id = d.node "
                                    "WHERE d.unit IN (SELECT value FROM wanted)", units))

    def remove(self, units: list[int]) -> None:
        for table in ("described", "points", "result"):
            self.db.executemany(f"DELETE FROM {table} WHERE unit = ?", ((u,) for u in units))
        self.db.executemany("DELETE FROM unit WHERE id = ?", ((u,) for u in units))

    def add(self, key: str, entry: Entry) -> None:
        """A unit that came, with what its entry says it describes and points to."""
        unit = self.db.execute("INSERT INTO unit (key, size) VALUES (?, ?)", (key, entry.size)).lastrowid
        ids = self._ids([*entry.types, *entry.neighbors])
        self.db.executemany("INSERT INTO described VALUES (?, ?, ?, ?)",
                            ((ids[node], unit, entry.described.get(node, ""), " ".join(classes))
                             for node, classes in entry.types.items()))
        self.db.executemany("INSERT OR IGNORE INTO points VALUES (?, ?)", ((ids[n], unit) for n in entry.neighbors))

    def set_results(self, key: str, results: list[list]) -> None:
        """A unit's results (Result.to_list() + whether the unit describes the focus)."""
        (unit,) = self.db.execute("SELECT id FROM unit WHERE key = ?", (key,)).fetchone()
        self.db.execute("DELETE FROM result WHERE unit = ?", (unit,))
        self.db.executemany("INSERT INTO result VALUES (?, ?, ?, ?)",
                            ((unit, r[1], int(r[-1]), orjson.dumps(r[:-1])) for r in results))

    def classes(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """The classes the units state of each node that has some."""
        found: dict[str, set[str]] = {}
        for iri, classes in self._joined("SELECT n.iri, d.classes FROM node n JOIN described d ON d.node = n.id "
                                         "WHERE n.iri IN (SELECT value FROM wanted)", nodes):
            if classes:
                found.setdefault(iri, set()).update(classes.split(" "))
        return found

    def pointing_to(self, nodes: Iterable[str]) -> set[str]:
        """The keys of the units that point to any of the nodes."""
        return {key for (key,) in self._joined(
            "SELECT DISTINCT u.key FROM node n JOIN points p ON p.node = n.id JOIN unit u ON u.id = p.unit "
            "WHERE n.iri IN (SELECT value FROM wanted)", nodes)}

    def holders(self, nodes: Iterable[str]) -> dict[str, dict[str, str]]:
        """The units that describe each node: unit key -> digest of what it says of it."""
        found: dict[str, dict[str, str]] = {}
        for iri, key, digest in self._joined(
                "SELECT n.iri, u.key, d.digest FROM node n JOIN described d ON d.node = n.id "
                "JOIN unit u ON u.id = d.unit WHERE n.iri IN (SELECT value FROM wanted)", nodes):
            found.setdefault(iri, {})[key] = digest
        return found

    def shared_pointing_to(self, nodes: Iterable[str]) -> set[str]:
        """The shared nodes whose merged description points to any of the nodes."""
        return {iri for (iri,) in self._joined(
            "SELECT DISTINCT m.iri FROM node n JOIN shared_points s ON s.neighbor = n.id JOIN node m ON m.id = s.node "
            "WHERE n.iri IN (SELECT value FROM wanted)", nodes)}

    def shared(self, nodes: Iterable[str]) -> dict[str, SharedRecord]:
        records = {iri: SharedRecord(key, context, [], duplicates, orjson.loads(results))
                   for iri, key, context, duplicates, results in self._joined(
                       "SELECT n.iri, s.key, s.context, s.duplicates, s.results FROM node n "
                       "JOIN shared s ON s.node = n.id WHERE n.iri IN (SELECT value FROM wanted)", nodes)}
        for iri, neighbor in self._joined(
                "SELECT n.iri, m.iri FROM node n JOIN shared_points s ON s.node = n.id "
                "JOIN node m ON m.id = s.neighbor WHERE n.iri IN (SELECT value FROM wanted)", records):
            records[iri].neighbors.append(neighbor)
        for record in records.values():
            record.neighbors.sort()
        return records

    def drop_shared(self, nodes: Iterable[str]) -> None:
        ids = list(self._ids(list(nodes)).values())
        self.db.executemany("DELETE FROM shared WHERE node = ?", ((i,) for i in ids))
        self.db.executemany("DELETE FROM shared_points WHERE node = ?", ((i,) for i in ids))

    def put_shared(self, records: dict[str, SharedRecord]) -> None:
        self.drop_shared(records)
        ids = self._ids([*records, *(n for record in records.values() for n in record.neighbors)])
        self.db.executemany("INSERT INTO shared VALUES (?, ?, ?, ?, ?)",
                            ((ids[iri], r.key, r.context, r.duplicates, orjson.dumps(r.results))
                             for iri, r in records.items()))
        self.db.executemany("INSERT OR IGNORE INTO shared_points VALUES (?, ?)",
                            ((ids[n], ids[iri]) for iri, r in records.items() for n in r.neighbors))

    def results(self) -> list[list]:
        """Every unit's results about the nodes only it describes, each result about a node no
        unit describes once, then the shared nodes' results."""
        own = self.db.execute("SELECT fields FROM result WHERE own = 1 AND focus NOT IN "
                              "(SELECT n.iri FROM shared s JOIN node n ON n.id = s.node)")
        lent = self.db.execute("SELECT DISTINCT fields FROM result WHERE own = 0")
        merged = self.db.execute("SELECT results FROM shared")
        return [*(orjson.loads(f) for (f,) in own), *(orjson.loads(f) for (f,) in lent),
                *(r for (results,) in merged for r in orjson.loads(results))]

    def size(self) -> int:
        """The triples of the units, each stated once."""
        (units,) = self.db.execute("SELECT COALESCE(SUM(size), 0) FROM unit").fetchone()
        (twice,) = self.db.execute("SELECT COALESCE(SUM(duplicates), 0) FROM shared").fetchone()
        return units - twice

    def _ids(self, iris: list[str]) -> dict[str, int]:
        self.db.executemany("INSERT OR IGNORE INTO node (iri) VALUES (?)", ((iri,) for iri in iris))
        return dict(self._joined("SELECT iri, id FROM node WHERE iri IN (SELECT value FROM wanted)", iris))

    def _joined(self, query: str, values: Iterable[object]) -> list[tuple]:
        """The rows of `query`, which reads the values from the temporary table `wanted`: a
        list of 700,000 IRIs is more than an IN (...) takes."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (value PRIMARY KEY) WITHOUT ROWID")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((v,) for v in values))
        return self.db.execute(query).fetchall()


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
