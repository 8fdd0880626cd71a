"""The explorer's index of one generation of the built graph: every entity and article with its
names, type, article count and facets, read from the store once and then searched, filtered and
counted in memory, so the home page, search and browse lists cost no query per request.

It is built from the store by a handful of SPARQL queries (one pass each) and kept for as long
as the generation is current: a new `kg build` makes a new generation, and the next request
builds the new index (`CatalogueCache`).
"""

from __future__ import annotations

import bisect
import contextlib
import heapq
import itertools
import os
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query.model import Result
from kg.source.schema import FIELDS, TYPES, Kind

Runner = Callable[[str], Result]

# The lists people browse, by the schema's category of an entity's type (articles apart).
KINDS = {"organisation": "organisations", "program": "programs", "event": "events", "person": "people",
         "place": "places", "collaboration": "collaborations", "article": "articles"}
ACTOR_KINDS = ("organisation", "person")
# Kinds kept for search, entity pages and the network but not listed on their own.
OTHER_KINDS = ("study", "post")
# The places the place facet offers: regions (an ambiguous name stays one value of its own).
REGION_TYPES = frozenset({"Province", "Regency", "City", "AmbiguousPlace"})
_BY_CLASS = {str(spec.cls): spec for spec in TYPES.values()}
_ORDER = {str(spec.cls): index for index, spec in enumerate(TYPES.values())}

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/ekodigi/def#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
"""
# Each query names the classes or predicates it wants (VALUES), so Oxigraph reads those index
# ranges, not every triple of the corpus (the statements and annotations outnumber the entities).
_CLASSES = " ".join(sorted({f"<{spec.cls}>" for spec in TYPES.values()} | {"schema:NewsArticle"}))
_GRAPHS = "SELECT ?g WHERE { GRAPH ?g { } }"
# An entity is typed in every article graph that describes it: the store drops the repeats (and
# the reference graphs, filtered out in place of FILTER), so one row comes back per entity and class.
_TYPED = _PREFIXES + f"SELECT DISTINCT ?e ?cls WHERE {{ VALUES ?cls {{ {_CLASSES} }} GRAPH ?g {{ ?e a ?cls }} FILTER }}"
_NAMES = _PREFIXES + """SELECT ?e ?p ?name WHERE { VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?name }"""
# Where the articles of an entity are counted: the one place to switch to kg:mentionCount once the
# corpus graph carries it (issue #14).
_ARTICLES = _PREFIXES + """SELECT ?e ?a WHERE { ?a schema:mentions ?e }"""  # from the corpus graph
_ARTICLE_DATA = _PREFIXES + """SELECT ?a ?headline ?date ?publisher WHERE { ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:publisher ?publisher } }"""
_STATUS = _PREFIXES + "SELECT ?e ?status WHERE { ?e kg:status ?status }"
# The places an entity is tied to, and every region that place lies within.
_PLACES = _PREFIXES + """SELECT DISTINCT ?e ?place WHERE {
  VALUES ?p { kg:jurisdiction schema:location kg:venue kg:hostedAt kg:within kg:participantsFrom }
  ?e ?p ?direct . ?direct kg:within* ?place }"""
# The point of a place: the WGS84 latitude and longitude of the region record it is the same as
# (the linkset graph regions-point gives them to the Kemendagri regencies, cities and provinces).
_POINTS = _PREFIXES + """SELECT ?place ?lat ?long WHERE { ?place skos:exactMatch ?region .
  ?region geo:lat ?lat ; geo:long ?long }"""
# Relations stated both ways (org:holds and org:heldBy): one edge is drawn, the first.
_INVERSES = frozenset({"http://www.w3.org/ns/org#heldBy", "http://www.w3.org/ns/org#hasPost",
                       "http://www.w3.org/ns/org#hasSubOrganization"})
_DATES = _PREFIXES + "SELECT ?e ?date WHERE { ?e schema:startDate ?date }"
# The relations between entities: the predicates of the format's reference fields.
_REFERENCES = " ".join(sorted({f"<{f.predicate}>" for f in FIELDS.values() if f.kind is Kind.REF}
                              | {f"<{f.inverse}>" for f in FIELDS.values() if f.inverse is not None}))
_LINKS = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_REFERENCES} }} ?s ?p ?o }}"


@dataclass
class Entry:
    """One entity or article as the explorer lists it."""

    iri: str
    local: str  # the part of the IRI after the base
    kind: str  # a key of KINDS
    type: str  # the schema's type name (Company, Province…), "Article" for articles
    label: str = ""
    aliases: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    date: str = ""  # an article's publication date, an event's start
    reported: str = ""  # the publication date of the first article that mentions it
    outlet: str = ""  # an article's publisher (IRI)
    degree: int = 0  # how many other entries it is directly linked to
    folded: str = ""  # the label as search compares it (set by the catalogue)

    @property
    def count(self) -> int:
        """In how many articles it is mentioned (an article: 1, itself)."""
        return 1 if self.kind == "article" else len(self.articles)


@dataclass(frozen=True)
class Hit:
    """A search result: the entry, and how well the query matched (lower is better)."""

    entry: Entry
    rank: int
    matched: str


_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """A name as search compares it: accents and case dropped, punctuation as spaces (an ASCII
    name, most of them, has no accents to drop)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(text.casefold()))


def acronym(text: str) -> str:
    """The initials of a name of several words ("Millenial Job Center" → "mjc")."""
    return _initials(fold(text).split())


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words) if len(words) > 2 else ""


class Catalogue:
    """The entries of one generation, the relations between them (subject, predicate, object),
    and a sorted index of their names for prefix search."""

    def __init__(self, entries: Iterable[Entry], edges: Iterable[tuple[str, str, str]] = (),
                 points: dict[str, tuple[float, float]] | None = None) -> None:
        self.entries = list(entries)
        for entry in self.entries:
            entry.folded = fold(entry.label)
        self.entries.sort(key=lambda e: (e.kind, e.folded, e.iri))
        self.by_iri = {entry.iri: entry for entry in self.entries}
        self.edges = sorted((s, p, o) for s, p, o in edges if s in self.by_iri and o in self.by_iri)
        self.links: dict[str, set[str]] = {}
        self.edges_from: dict[str, list[tuple[str, str, str]]] = {}  # in the order of `edges`
        # (latitude, longitude) of the places that have one
        self.points = {iri: point for iri, point in (points or {}).items() if iri in self.by_iri}
        for s, p, o in self.edges:
            self.edges_from.setdefault(s, []).append((s, p, o))
            self.links.setdefault(s, set()).add(o)
            self.links.setdefault(o, set()).add(s)
        keys: list[tuple[str, int, int, str]] = []
        for number, entry in enumerate(self.entries):
            for name, rank in [(entry.label, 0), *((alias, 1) for alias in entry.aliases)]:
                words = (entry.folded if rank == 0 else fold(name)).split()
                keys += [(" ".join(words[i:]), number, rank + (2 if i else 0), name) for i in range(len(words))]
                if initials := _initials(words):
                    keys.append((initials, number, rank + 4, name))
        self._keys = sorted(keys)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Entries whose label, alias or a word of them starts with the query (accents and case
        ignored), or whose initials it is: exact names first, then labels before aliases, names
        before later words and initials, then the most mentioned."""
        folded = fold(query)
        if not folded:
            return []
        best: dict[int, tuple[int, str]] = {}
        start = bisect.bisect_left(self._keys, (folded,))
        for key, number, rank, name in itertools.islice(self._keys, start, None):
            if not key.startswith(folded):
                break
            score = rank * 2 + (0 if key == folded else 1)
            if number not in best or score < best[number][0]:
                best[number] = (score, name)
        hits = (Hit(self.entries[n], score, name) for n, (score, name) in best.items())
        return heapq.nsmallest(limit, hits, key=lambda h: (h.rank, -h.entry.count, h.entry.folded, h.entry.iri))

    def of_kind(self, kind: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.kind == kind]

    def label(self, iri: str) -> str:
        entry = self.by_iri.get(iri)
        return entry.label if entry else iri.rsplit("/", 1)[-1]

    def counts(self) -> dict[str, Counter[str]]:
        """How many entries of each type, by kind."""
        counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
        for entry in self.entries:
            if entry.kind in counts:
                counts[entry.kind][entry.type] += 1
        return counts


def build_catalogue(run: Runner, base: str, reference_graphs: Callable[[str], bool]) -> Catalogue:
    """Read every entity and article of the graph behind `run` into a catalogue. Types stated
    only in reference graphs (the region dataset, the linksets) do not make an entry: the explorer
    is about what the articles describe."""
    others = ", ".join(f"<{g}>" for g, in _rows(run(_GRAPHS)) if reference_graphs(g))
    classes: dict[str, set[str]] = {}
    for e, cls in _rows(run(_TYPED.replace("FILTER", f"FILTER (?g NOT IN ({others}))" if others else ""))):
        if e.startswith(base):
            classes.setdefault(e, set()).add(cls)
    entries: dict[str, Entry] = {}
    for e, found in classes.items():
        if "https://schema.org/NewsArticle" in found:
            entries[e] = Entry(e, e[len(base):], "article", "Article")
            continue
        known = [cls for cls in found if cls in _BY_CLASS]
        spec = _BY_CLASS[max(known, key=_ORDER.__getitem__)] if known else None
        if spec is not None and (spec.category in KINDS or spec.category in OTHER_KINDS):
            entries[e] = Entry(e, e[len(base):], spec.category, spec.name)
    _add_names(entries, run(_NAMES))
    edges = _add_facts(entries, run, base)
    sources = {a for entry in entries.values() for a in entry.articles}
    return Catalogue((entry for entry in entries.values() if entry.kind != "article" or entry.iri in sources), edges,
                     points_of(run(_POINTS)))


def _rows(result: Result) -> Iterable[list[str]]:
    for row in result.rows:
        yield [term.value if term is not None else "" for term in row]


def points_of(result: Result) -> dict[str, tuple[float, float]]:
    """Each place's point; a place the same as two regions with points keeps the first (in order
    of the numbers, so the choice does not depend on the store's order); a malformed or
    impossible one is no point."""
    found: dict[str, list[tuple[float, float]]] = {}
    for place, lat, long in _rows(result):
        with contextlib.suppress(ValueError):
            point = (float(lat), float(long))
            if -90 <= point[0] <= 90 and -180 <= point[1] <= 180:  # NaN too is out
                found.setdefault(place, []).append(point)
    return {place: min(points) for place, points in found.items()}


def _add_names(entries: dict[str, Entry], result: Result) -> None:
    """Label: the Indonesian (or untagged) rdfs:label, never an alias; aliases: the other names."""
    labels: dict[str, dict[str, str]] = {}
    for e, predicate, name in result.rows:
        entry = entries.get(e.value)
        if entry is None or not isinstance(name, ox.Literal):
            continue
        if predicate.value.endswith("#label"):
            labels.setdefault(entry.iri, {}).setdefault(name.language or "", name.value)
        elif name.value not in entry.aliases:
            entry.aliases.append(name.value)
    for iri, by_language in labels.items():
        entry = entries[iri]
        entry.label = by_language.get("id") or by_language.get("") or min(by_language.values())
        entry.aliases = sorted({*entry.aliases, *by_language.values()} - {entry.label})


def _add_facts(entries: dict[str, Entry], run: Runner, base: str) -> list[tuple[str, str, str]]:
    """Articles, statuses, places, years, dates, outlets and degrees of the entries; the
    relations between entities (not articles) returned."""
    dates: dict[str, str] = {}
    for a, headline, date, publisher in _rows(run(_ARTICLE_DATA)):
        if a in entries:
            entry = entries[a]
            entry.label, entry.date, entry.outlet = headline or entry.label, date, publisher
            entry.years.add(date[:4]) if date else None
            dates[a] = date
    for e, a in _rows(run(_ARTICLES)):
        if e in entries and a in entries:
            entry = entries[e]
            entry.articles.add(a)
            if dates.get(a):
                entry.years.add(dates[a][:4])
                entry.reported = min(filter(None, (entry.reported, dates[a])))
    for e, status in _rows(run(_STATUS)):
        if e in entries:
            entries[e].statuses.add(status)
    for e, place in _rows(run(_PLACES)):
        if e in entries and place in entries and e != place:
            entries[e].places.add(place)
    for e, date in _rows(run(_DATES)):
        if e in entries:
            entries[e].date = min(filter(None, (entries[e].date, date)))
    neighbours: dict[str, set[str]] = {}
    edges = []
    for s, p, o in _rows(run(_LINKS)):
        if s in entries and o in entries and s != o and "article" not in (entries[s].kind, entries[o].kind):
            if p not in _INVERSES:
                edges.append((s, p, o))
            neighbours.setdefault(s, set()).add(o)
            neighbours.setdefault(o, set()).add(s)
    for iri, linked in neighbours.items():
        entries[iri].degree = len(linked)
    for entry in entries.values():
        entry.label = entry.label or entry.local
    return edges


class CatalogueCache:
    """The catalogue of the generation the output folder currently shows, built on first use and
    again after each build (a generation is the folder `store` resolves to)."""

    def __init__(self, out_dir: Path, build: Callable[[], Catalogue]) -> None:
        self.out_dir, self._build = out_dir, build
        self._lock = threading.Lock()
        self._current: tuple[str, Catalogue] | None = None

    def generation(self) -> str:
        return os.path.realpath(self.out_dir / "store")

    def warm(self) -> None:
        """Read the catalogue ahead of the first request; a failure is left for that request to
        report (it raises the same error, as a page)."""
        with contextlib.suppress(KgError, OSError):
            self.get()

    def get(self) -> Catalogue:
        """The current generation's catalogue (call from a worker thread: the first build reads
        the whole store)."""
        generation = self.generation()
        with self._lock:
            if self._current is None or self._current[0] != generation:
                self._current = (generation, self._build())
            return self._current[1]


SORTS = {"label": "name", "articles": "most articles", "degree": "most connected", "date": "newest"}
FACETS = ("place", "status", "year", "article")


@dataclass(frozen=True)
class Filters:
    """What a browse list shows: facet values (IRIs, a year), an order and a page."""

    place: str = ""
    status: str = ""
    year: str = ""
    article: str = ""
    sort: str = "label"
    page: int = 1

    def keeps(self, entry: Entry, ignore: str = "") -> bool:
        """Whether the entry passes every filter but `ignore` (a facet counts its own values
        among the entries the other filters keep)."""
        tests = {"place": (self.place, entry.places), "status": (self.status, entry.statuses),
                 "year": (self.year, entry.years), "article": (self.article, entry.articles)}
        return all(not wanted or wanted in values for name, (wanted, values) in tests.items() if name != ignore)


@dataclass
class Listing:
    """One page of a browse list, the number of entries that passed, and each facet's counts."""

    entries: list[Entry]
    total: int
    pages: int
    facets: dict[str, list[tuple[str, int]]]


def _sort_key(sort: str) -> Callable[[Entry], tuple]:
    if sort == "articles":
        return lambda e: (-e.count, e.folded, e.iri)
    if sort == "degree":
        return lambda e: (-e.degree, e.folded, e.iri)
    if sort == "date":
        return lambda e: (-int(e.date.replace("-", "")[:8] or 0), e.folded, e.iri)
    return lambda e: (e.folded, e.iri)


def browse(catalogue: Catalogue, kind: str, filters: Filters, size: int | None = 50) -> Listing:
    """The entries of a kind that pass the filters, in the chosen order, one page of `size`
    (None: all of them, for a download); the facets' values with their counts, largest first."""
    entries = catalogue.of_kind(kind)
    kept = sorted((e for e in entries if filters.keeps(e)), key=_sort_key(filters.sort))
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        counted: Counter[str] = Counter()
        for entry in entries:
            if filters.keeps(entry, ignore=name):
                counted.update(getattr(entry, {"place": "places", "status": "statuses", "year": "years",
                                               "article": "articles"}[name]))
        if name == "place":
            counted = Counter({iri: n for iri, n in counted.items()
                               if iri in catalogue.by_iri and catalogue.by_iri[iri].type in REGION_TYPES})
        facets[name] = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    if size is None:
        return Listing(kept, len(kept), 1, facets)
    pages = max(1, -(-len(kept) // size))
    start = (min(filters.page, pages) - 1) * size
    return Listing(kept[start:start + size], len(kept), pages, facets)
