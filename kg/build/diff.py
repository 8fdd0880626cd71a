"""What changed between two generations of a build (`kg diff`, and the line `kg build` prints).

The manifests name each graph's file with a digest of what it was made from, so graphs whose
digest is the same on both sides are never opened; only the files of graphs added, removed or
changed are read, line by line (each is sorted, so one merge pass finds what left and what
came), and only their differing lines are parsed. Every graph file is treated alike: a status
or a type is found wherever it is (article graphs, the curated graph, derived graphs).

The JSON form (`to_json`, kept as changes.json in each generation) has these keys:

- `from`, `to`: the generations compared (folder names, e.g. g000012);
- `articles`: `added`, `changed`, `removed`: article ids (graphs holding a schema:NewsArticle);
- `graphs`: graph IRI -> `file` (its name in graphs/), `change` (added, changed, removed),
  `added` and `removed` (how many triples came into or left that graph);
- `facts`: `added`, `removed`: triples added to and removed from any graph, in all;
- `entities`: `added` and `removed`: entity IRIs that gained or lost every rdf:type across
  the whole build; `changed`: entity IRI -> `added`, `removed` (triples with it as subject);
- `statuses`: one entry per subject and graph whose kg:status values differ: `subject`,
  `graph`, `old`, `new` (sorted IRIs; an empty list where there was or is none);
- `statuses_changed`: how many subjects had a status replaced by another (old and new both set).
- `listed`: only there, and false, when a build found more changed than it lists (over 256 MB of
  changed graph files, as when the corpus graph is first written in shards): then only which
  `graphs` changed is known, and `kg diff` lists every line on demand.

The RDF form (`to_nquads`) is one named graph: a kg:Changeset with a W3C-note "changeset"
(cs:ChangeSet) per graph that changed, whose cs:addition and cs:removal are rdf:Statements.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from kg.build.annex import ANNEX
from kg.build.assemble import GRAPHS, MANIFEST, unit_graph
from kg.build.generations import GENERATIONS, current, previous
from kg.build.store import STAMP_FILE, STORE_DIR, graph_lines, line_changes, merge_sorted, small_pair
from kg.errors import KgError, suggest
from kg.namespaces import ID_PATTERN, curie

CHANGES_JSON = "changes.json"
CHANGES_NQ = "changes.nq"
RECORD_BYTES = 256 << 20  # a build lists the changed lines only when the changed files hold less
_CS = "http://purl.org/vocab/changeset/schema#"
_KG = "https://w3id.org/ekodigi/def#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE = f"<{_RDF}type>"
_STATUS = f"<{_KG}status>"
_NEWS = "<https://schema.org/NewsArticle>"
_HINT = "give an output folder of `kg build` (with generations/current) or one of its generations/gNNNNNN folders"


class NotABuildError(KgError):
    """A folder given to `kg diff` holds no complete build."""

    exit_code = 2


@dataclass(frozen=True)
class Generation:
    """One built generation: its folder, its name, its graphs (IRI -> digest and file) and base IRI."""

    folder: Path
    name: str
    manifest: dict[str, dict[str, str]]
    base: str


def open_generation(path: Path, name: str | None = None) -> Generation:
    """The generation in `path` (a generation folder, or an output folder's current one)."""
    folder = path
    if (path / GENERATIONS).is_dir():
        found = current(path)
        if found is None:
            raise NotABuildError(f"{path} is not a kg build: it has no generations/current", _HINT)
        folder = found
    for needed in (MANIFEST, GRAPHS, STAMP_FILE, STORE_DIR):
        if not (folder / needed).exists():
            raise NotABuildError(f"{path} is not a kg build: {needed} is missing", _HINT)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        base = json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))["base"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotABuildError(f"{path} is not a kg build: unreadable {MANIFEST} or {STAMP_FILE} ({exc})",
                             _HINT) from None
    built = {graph: entry for graph, entry in manifest.items() if ANNEX not in entry}  # not measures added since
    return Generation(folder, name or folder.name, built, base)


def latest_two(out_dir: Path) -> tuple[Generation, Generation]:
    """The previous and the current generation of an output folder."""
    new = open_generation(out_dir)
    old = previous(out_dir)
    if old is None:
        raise NotABuildError(f"{out_dir} holds only one generation ({new.name}): nothing to compare with",
                             "build again after a change, or give two build folders")
    return open_generation(old), new


@dataclass
class Diff:
    """The changes from one generation to another; lines are N-Quads lines without their newline."""

    old: str
    new: str
    base: str
    known: dict[str, str]  # graph IRI -> file name, for every graph of either generation
    kinds: dict[str, str]  # graph IRI -> added, changed, removed
    articles: set[str] = field(default_factory=set)  # graph IRIs that hold an article (on either side)
    added: dict[str, list[str]] = field(default_factory=dict)  # graph IRI -> lines
    removed: dict[str, list[str]] = field(default_factory=dict)
    statuses: dict[tuple[str, str], tuple[list[str], list[str]]] = field(default_factory=dict)
    new_entities: list[str] = field(default_factory=list)
    gone_entities: list[str] = field(default_factory=list)
    listed: bool = True  # False: too much changed to list line by line (only which graphs changed)

    def facts(self) -> tuple[int, int]:
        return sum(map(len, self.added.values())), sum(map(len, self.removed.values()))

    def article_ids(self, kind: str) -> list[str]:
        return sorted(self.known[g] for g in self.articles if self.kinds.get(g) == kind)

    def statuses_changed(self) -> int:
        return len({subject for (subject, _), (old, new) in self.statuses.items() if old and new})

    def by_entity(self) -> dict[str, tuple[int, int]]:
        """Triples added and removed per entity-shaped subject (an IRI minted for an entity)."""
        plus, minus = Counter[str](), Counter[str]()
        for lines, counter in ((self.added, plus), (self.removed, minus)):
            for changed in lines.values():
                counter.update(s for s in map(_subject, changed) if self.is_entity(s))
        return {s: (plus[s], minus[s]) for s in sorted(plus.keys() | minus.keys())}

    def is_entity(self, iri: str) -> bool:
        return iri.startswith(self.base) and ID_PATTERN.fullmatch(iri[len(self.base):]) is not None

    def summary(self) -> str:
        """The one line `kg build` prints."""
        if not self.kinds:
            return "nothing changed"
        if not self.listed:
            return (f"{_count(len(self.kinds), 'graph')} changed, too many lines to list "
                    "(`kg diff --out OUT` lists them on demand)")
        plus, minus = self.facts()
        return (f"{_count(len(self.article_ids('added')), 'article')} added, {len(self.article_ids('changed'))} "
                f"changed, {len(self.article_ids('removed'))} removed; +{plus} -{minus} facts; "
                f"{_count(self.statuses_changed(), 'status', 'statuses')} changed; "
                f"{_count(len(self.new_entities), 'new entity', 'new entities')}, "
                f"{len(self.gone_entities)} gone")

    def restricted(self, article: str | None = None, entity: str | None = None) -> Diff:
        """Only what concerns one article's graph and/or one entity (as subject)."""
        diff = self
        if article is not None:
            graph = self._graph_of(article)
            keep = {g: v for g, v in self.kinds.items() if g == graph}
            diff = replace(diff, kinds=keep, articles=diff.articles & {graph},
                           added=_only(diff.added, keep), removed=_only(diff.removed, keep),
                           statuses={k: v for k, v in diff.statuses.items() if k[1] == graph})
        if entity is not None:
            iri = entity if "://" in entity else self.base + entity
            added, removed = _about(diff.added, iri), _about(diff.removed, iri)
            diff = replace(diff, added=added, removed=removed,
                           kinds={g: k for g, k in diff.kinds.items() if g in added or g in removed},
                           statuses={k: v for k, v in diff.statuses.items() if k[0] == iri},
                           new_entities=[e for e in diff.new_entities if e == iri],
                           gone_entities=[e for e in diff.gone_entities if e == iri])
        return diff

    def _graph_of(self, article: str) -> str:
        """The graph IRI of an article id (or a graph's file name or IRI) in either generation."""
        for graph, name in self.known.items():
            if article in (graph, name):
                return graph
        raise KgError(f"no article or graph {article!r} in {self.old} or {self.new}",
                      suggest(article, self.known.values(), "graphs"))


def _count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else plural or word + 's'}"


def _subject(line: str) -> str:
    """The subject IRI (or blank node) of an N-Quads line: its first term holds no space."""
    term = line[:line.index(" ")]
    return term[1:-1] if term.startswith("<") else term


def _only(lines: dict[str, list[str]], graphs: dict[str, str]) -> dict[str, list[str]]:
    return {g: v for g, v in lines.items() if g in graphs}


def _about(lines: dict[str, list[str]], iri: str) -> dict[str, list[str]]:
    prefix = f"<{iri}> "
    found = {g: [line for line in v if line.startswith(prefix)] for g, v in lines.items()}
    return {g: v for g, v in found.items() if v}


def diff(old: Generation, new: Generation, limit: int | None = None) -> Diff:
    """Compare two generations, reading only the files (graphs, or shards of one) whose digests
    differ; when those files hold more than `limit` bytes, only say which graphs changed."""
    entries = [*old.manifest.items(), *new.manifest.items()]
    known = {unit_graph(unit): entry["file"].split("/")[0] for unit, entry in entries}
    before, after = {unit_graph(u) for u in old.manifest}, {unit_graph(u) for u in new.manifest}
    units = [unit for unit in sorted(old.manifest.keys() | new.manifest.keys())
             if old.manifest.get(unit, {}).get("digest") != new.manifest.get(unit, {}).get("digest")]
    kinds = {}
    for graph in sorted({unit_graph(unit) for unit in units}):
        kinds[graph] = "added" if graph not in before else "removed" if graph not in after else "changed"
    result = Diff(old.name, new.name, new.base, known, kinds)
    paths = [path for unit in units for path in (_graph_file(old, unit), _graph_file(new, unit)) if path is not None]
    if limit is not None and sum(path.stat().st_size for path in paths) > limit:
        result.listed = False
        return result
    for unit in units:
        _compare_graph(result, unit_graph(unit), _graph_file(old, unit), _graph_file(new, unit))
    for lines in [*result.added.values(), *result.removed.values()]:
        lines.sort()  # a sharded graph's changes came shard by shard
    for graph in [g for g, kind in kinds.items() if kind == "changed"]:
        if graph not in result.added and graph not in result.removed:
            del kinds[graph]  # made from other parts, but the same triples
    _entities(result, old, new)
    return result


def _graph_file(generation: Generation, graph: str) -> Path | None:
    entry = generation.manifest.get(graph)
    return generation.folder / GRAPHS / f"{entry['file']}.nq" if entry else None


def _compare_graph(result: Diff, graph: str, old: Path | None, new: Path | None) -> None:
    """One graph's lines that left and came, its statuses before and after, whether it is an article."""
    if small_pair(old, new):
        before, after = _sorted_lines(old), _sorted_lines(new)
        added, removed = line_changes(before, after)
        statuses = {"-": _statuses(before), "+": _statuses(after)}
        if any(_is_article(line) for lines in (before, after) for line in lines if _NEWS in line):
            result.articles.add(graph)
    else:
        added, removed, statuses = [], [], {"-": {}, "+": {}}
        for sign, line in merge_sorted(_lines(old), _lines(new)):
            if sign == "+":
                added.append(line)
            elif sign == "-":
                removed.append(line)
            for side in {"=": "-+", "-": "-", "+": "+"}[sign]:
                _add_status(statuses[side], line)
            if _is_article(line):
                result.articles.add(graph)
    if added:
        result.added.setdefault(graph, []).extend(added)
    if removed:
        result.removed.setdefault(graph, []).extend(removed)
    for subject in sorted(statuses["-"].keys() | statuses["+"].keys()):
        was, now = statuses["-"].get(subject, set()), statuses["+"].get(subject, set())
        if was != now:
            result.statuses[(subject, graph)] = (sorted(was), sorted(now))


def _sorted_lines(path: Path | None) -> list[str]:
    """A graph file's lines, checked to be in the sorted order the build writes them in (a sorted
    list sorts again in one pass)."""
    lines = graph_lines(path)
    if lines != sorted(lines):
        raise NotABuildError(f"{path} is not a graph file of kg build: its lines are not sorted", _HINT)
    return lines


def _statuses(lines: list[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in lines:
        if _STATUS in line:
            _add_status(found, line)
    return found


def _add_status(found: dict[str, set[str]], line: str) -> None:
    terms = line.split(" ", 3)
    if terms[1] == _STATUS:
        found.setdefault(_subject(line), set()).add(terms[2][1:-1])


def _is_article(line: str) -> bool:
    terms = line.split(" ", 3)
    return terms[1] == _TYPE and terms[2] == _NEWS


def _lines(path: Path | None) -> Iterator[str]:
    """A graph file's lines, checked to be in the sorted order the build writes them in."""
    if path is None:
        return
    last = ""
    with path.open(encoding="utf-8") as stream:
        for raw in stream:
            line = raw.rstrip("\n")
            if line < last:
                raise NotABuildError(f"{path} is not a graph file of kg build: its lines are not sorted", _HINT)
            last = line
            yield line


def _entities(result: Diff, old: Generation, new: Generation) -> None:
    """Entities whose every rdf:type came or left: a type line changed, and the other side's store
    (which holds every graph) has no type for that IRI at all."""
    for lines, other, found in ((result.added, old, result.new_entities), (result.removed, new, result.gone_entities)):
        candidates = {_subject(line) for graph_lines in lines.values() for line in graph_lines
                      if line.split(" ", 2)[1] == _TYPE}
        candidates = {c for c in candidates if result.is_entity(c)}
        if not candidates:
            continue
        store, kind = ox.Store.read_only(str(other.folder / STORE_DIR)), ox.NamedNode(_TYPE[1:-1])
        found.extend(sorted(c for c in candidates
                            if next(store.quads_for_pattern(ox.NamedNode(c), kind, None, None), None) is None))


def to_json(result: Diff) -> bytes:
    """The stable JSON form (keys in the module docstring)."""
    graphs = {g: {"file": result.known[g], "change": result.kinds[g], "added": len(result.added.get(g, [])),
                  "removed": len(result.removed.get(g, []))} for g in sorted(result.kinds)}
    plus, minus = result.facts()
    data = {
        "from": result.old, "to": result.new,
        "articles": {kind: result.article_ids(kind) for kind in ("added", "changed", "removed")},
        "graphs": graphs,
        "facts": {"added": plus, "removed": minus},
        "entities": {"added": result.new_entities, "removed": result.gone_entities,
                     "changed": {s: {"added": a, "removed": r} for s, (a, r) in result.by_entity().items()}},
        "statuses": [{"subject": s, "graph": g, "old": old, "new": new}
                     for (s, g), (old, new) in sorted(result.statuses.items())],
        "statuses_changed": result.statuses_changed(),
    }
    if not result.listed:
        data["listed"] = False  # the counts above are not known: too much changed to list
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


def to_text(result: Diff, listed: int = 10, facts: bool = False) -> str:
    """For people: the summary line, then articles, other graphs, statuses, entities; with
    `facts`, every triple added (+) or removed (-)."""
    short = functools.partial(curie, base=result.base)
    lines = [f"from {result.old} to {result.new}: {result.summary()}"]
    for graph in sorted(result.kinds, key=lambda g: (g not in result.articles, result.known[g])):
        mark = {"added": "+", "removed": "-", "changed": "~"}[result.kinds[graph]]
        what = "article" if graph in result.articles else "graph"
        lines.append(f"  {mark} {what} {result.known[graph]}: +{len(result.added.get(graph, []))} "
                     f"-{len(result.removed.get(graph, []))}")
    for (subject, graph), (old, new) in sorted(result.statuses.items()):
        if result.kinds[graph] != "changed":
            continue  # an article added or removed: its statuses came or went with it
        lines.append(f"  status of {short(subject)}: {', '.join(map(short, old)) or '(none)'} → "
                     f"{', '.join(map(short, new)) or '(none)'} in {result.known[graph]}")
    for title, entities in (("new entities", result.new_entities), ("entities gone", result.gone_entities)):
        if entities:
            more = f" … ({len(entities) - listed} more)" if len(entities) > listed else ""
            lines.append(f"  {title}: {', '.join(map(short, entities[:listed]))}{more}")
    busiest = sorted(result.by_entity().items(), key=lambda item: (-sum(item[1]), item[0]))[:listed]
    if busiest:
        lines.append("  entities most changed: " + ", ".join(f"{short(s)} +{a} -{r}" for s, (a, r) in busiest))
    if facts:
        for sign, found in (("+", result.added), ("-", result.removed)):
            lines.extend(f"{sign} {_readable(line, short)}  [{result.known[g]}]"
                         for g, graph_lines in sorted(found.items()) for line in graph_lines)
    return "\n".join(lines) + "\n"


def _readable(line: str, short: Callable[[str], str]) -> str:
    """An N-Quads line as a triple with prefixed names where they fit, without its graph."""
    def name(match: re.Match[str]) -> str:
        prefixed = short(match.group(1))
        return match.group(0) if prefixed == match.group(1) else prefixed
    return re.sub(r"<([^<>]*)>", name, line[:line.rindex(" <")])


def to_nquads(result: Diff) -> bytes:
    """The changeset as one named graph of N-Quads."""
    root = f"{result.base}changes/{result.new}"
    graph = ox.NamedNode(f"{result.base}graph/changes/{result.new}")
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal | ox.BlankNode) -> None:
        quads.append(ox.Quad(s, ox.NamedNode(p), o, graph))

    node = ox.NamedNode(root)
    add(node, _RDF + "type", ox.NamedNode(_KG + "Changeset"))
    add(node, _KG + "fromGeneration", ox.Literal(result.old))
    add(node, _KG + "toGeneration", ox.Literal(result.new))
    for prop, entities in ((_KG + "newEntity", result.new_entities), (_KG + "goneEntity", result.gone_entities)):
        for entity in entities:
            add(node, prop, ox.NamedNode(entity))
    for target in sorted(result.kinds):
        change = ox.NamedNode(f"{root}/{result.known[target]}")
        add(node, "http://purl.org/dc/terms/hasPart", change)
        add(change, _RDF + "type", ox.NamedNode(_CS + "ChangeSet"))
        add(change, _CS + "subjectOfChange", ox.NamedNode(target))
        add(change, _CS + "changeReason", ox.Literal(f"graph {result.kinds[target]}", language="en"))
        for kind, found in (("addition", result.added), ("removal", result.removed)):
            for number, triple in enumerate(_triples(found.get(target, [])), start=1):
                statement = ox.NamedNode(f"{change.value}/{kind}/{number}")
                add(change, _CS + kind, statement)
                add(statement, _RDF + "type", ox.NamedNode(_RDF + "Statement"))
                add(statement, _RDF + "subject", triple.subject)
                add(statement, _RDF + "predicate", triple.predicate)
                add(statement, _RDF + "object", triple.object)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def _triples(lines: list[str]) -> list[ox.Triple]:
    if not lines:
        return []
    return [quad.triple for quad in ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_QUADS)]


def record(out_dir: Path, folder: Path, name: str) -> Diff | None:
    """Compare the generation being built in `folder` (to be published as `name`) with the current
    one of `out_dir`, and keep the changes beside it (changes.json, changes.nq); None for a first
    build, or when the current generation is of a layout without a manifest."""
    shown = current(out_dir)
    if shown is None:
        return None
    try:
        old = open_generation(shown)
    except NotABuildError:
        return None
    result = diff(old, open_generation(folder, name), RECORD_BYTES)
    (folder / CHANGES_JSON).write_bytes(to_json(result))
    (folder / CHANGES_NQ).write_bytes(to_nquads(result))
    return result
