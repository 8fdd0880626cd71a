"""The corpus graph: what the articles say together, which no single article can say.

- Mentions: each article `schema:mentions` the entities it declares or refers to, and each
  entity has a `kg:mentionCount`.
- Support: each direct fact stated by articles (all but rdf:type, which the mentions count) is a
  `kg:Fact` node with its subject, predicate and object and a `kg:supportCount`: how many
  articles state it. Which ones: the statements with the same subject, predicate and object.
- Preferred values: a ranked field (a status) keeps one statement per article; the direct triple
  is stated here for the best-ranked one, as Wikidata's truthy view: an editor's `preferred`
  rank (data/ranks.yaml) wins, else the latest-dated source (its `as_of`, or the article's
  publication date) among those not `deprecated`. Sources of the same latest date that disagree
  are a `kg:Conflict`, with no direct triple and a warning: never silently resolved.

The graph is a part like any other, cached under what it takes from each article (its claims,
the entities it mentions, its file) and the ranks file, so a build where no article changed,
or only the words around its facts, reuses it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg import __version__
from kg.build.parts import Claims, Part, PartCache
from kg.build.values import BuildWarning
from kg.errors import Location, SourceError
from kg.namespaces import KG, SCHEMA, Iris
from kg.project import Project
from kg.source.ranks import Rank, read_ranks
from kg.source.schema import FIELDS, Kind

RANKED = {str(spec.predicate): spec for spec in FIELDS.values() if spec.ranked}
UNCOUNTED = {str(RDF.type)}
RANK_TERMS = {"preferred": KG.PreferredRank, "normal": KG.NormalRank, "deprecated": KG.DeprecatedRank}


@dataclass(frozen=True)
class Candidate:
    """One article's statement of a ranked field."""

    statement: str
    subject: str
    predicate: str
    obj: str
    date: str
    article: str
    source: str


def corpus_part(project: Project, cache: PartCache, parts: list[Part]) -> Part:
    """The corpus graph's part, from the cache when no article and no rank changed."""
    articles = [part for part in parts if part.article is not None]
    ranks_bytes = project.ranks_file.read_bytes() if project.ranks_file.exists() else b""
    digest = hashlib.sha256(f"kg {__version__} corpus\n{project.base}\n".encode() + ranks_bytes)
    for part in articles:  # what the graph takes from each: its claims, the entities it mentions, its file
        mentioned = sorted({d.ident for d in part.declared} | set(part.refs))
        digest.update(f"{part.source} {part.article} {part.claims} {' '.join(mentioned)}\n".encode())
    key = digest.hexdigest()
    part = cache.get(key)
    if part is not None:
        return part
    lines, warnings = corpus_lines(project, cache, articles)
    part = Part(key, "corpus", None, [], {}, None,
                [(w.location.line, w.location.field, w.message, _relative(w.location.file, project.root))
                 for w in warnings])
    # The lines are already canonical N-Quads (terms as pyoxigraph writes them), so they need no
    # parse: sorted once each, as every graph block is.
    cache.put(part, {str(project.iris.corpus_graph): sorted(set(lines))} if lines else {})
    return part


def corpus_lines(project: Project, cache: PartCache, articles: list[Part]) -> tuple[list[str], list[BuildWarning]]:
    """The corpus graph as N-Quads lines (unsorted, without their line ends), and its warnings."""
    iris, graph = project.iris, f"<{project.iris.corpus_graph}>"
    claims = {part.article: cache.claims(part) for part in articles if part.article is not None}
    lines = list(_mentions(iris, articles, graph))
    lines += _support(iris, claims, graph)
    candidates = _candidates(claims, {part.article: part.source for part in articles if part.article})
    ranks = _checked_ranks(read_ranks(project.ranks_file), candidates, iris)
    warnings: list[BuildWarning] = []
    for _, found in sorted(candidates.items()):
        lines += _preferred(iris, found, ranks, graph, warnings, project.root)
    return lines, warnings


def _mentions(iris: Iris, articles: list[Part], graph: str) -> Iterable[str]:
    counts: Counter[str] = Counter()
    mentions, mention_count = f"<{SCHEMA.mentions}>", f"<{KG.mentionCount}>"  # once: an rdflib lookup costs
    for part in articles:
        assert part.article is not None
        article = f"<{iris.article(part.article)}>"
        for ident in sorted({d.ident for d in part.declared} | set(part.refs)):
            counts[ident] += 1
            yield f"{article} {mentions} <{iris.base}{ident}> {graph} ."
    for ident, n in counts.items():
        yield f"<{iris.base}{ident}> {mention_count} {_count(n)} {graph} ."


def _support(iris: Iris, claims: dict[str, Claims], graph: str) -> list[str]:
    facts: Counter[tuple[str, str, str]] = Counter()
    for article_claims in claims.values():
        stated = {(s, p, o) for _, s, p, o, _ in article_claims.statements if p[1:-1] not in UNCOUNTED}
        facts.update(stated)
    fact_type = f"<{RDF.type}> <{KG.Fact}>"
    subject, predicate, obj, count = (f"<{term}>" for term in (RDF.subject, RDF.predicate, RDF.object,
                                                                KG.supportCount))
    prefix = f"{iris.base}fact/"
    lines = []
    for (s, p, o), n in facts.items():
        fact = f"<{prefix}{hashlib.sha1(f'{s} {p} {o}'.encode()).hexdigest()[:20]}>"  # iris.fact, without rdflib
        lines += [f"{fact} {fact_type} {graph} .", f"{fact} {subject} {s} {graph} .",
                  f"{fact} {predicate} {p} {graph} .", f"{fact} {obj} {o} {graph} .",
                  f"{fact} {count} {_count(n)} {graph} ."]
    return lines


def _candidates(claims: dict[str, Claims], sources: dict[str, str]) -> dict[tuple[str, str], list[Candidate]]:
    found: dict[tuple[str, str], list[Candidate]] = {}
    for article, article_claims in sorted(claims.items()):
        for statement, s, p, o, as_of in article_claims.statements:
            if p[1:-1] in RANKED:
                date = _lexical(as_of) or article_claims.published
                found.setdefault((s, p), []).append(Candidate(statement, s, p, o, date, article, sources[article]))
    return found


def _checked_ranks(ranks: list[Rank], candidates: dict[tuple[str, str], list[Candidate]],
                   iris: Iris) -> dict[str, Rank]:
    """The ranks by the statement they name; a rank naming no statement is an error."""
    by_statement = {}
    for rank in ranks:
        spec = FIELDS[rank.field]
        key = (f"<{iris.entity(rank.about)}>", f"<{spec.predicate}>")
        value = f"<{KG[rank.value]}>" if spec.kind is Kind.STATUS else rank.value
        match = [c for c in candidates.get(key, []) if c.article == rank.article and c.obj == value]
        if not match:
            stated = sorted({_local(c.obj) for c in candidates.get(key, []) if c.article == rank.article})
            raise SourceError(rank.where.at("value"),
                              f"article {rank.article!r} states no {rank.field} {rank.value!r} for {rank.about!r}",
                              f"it states: {', '.join(stated)}" if stated else
                              f"rank a {rank.field} that an article states for {rank.about!r}")
        for candidate in match:
            by_statement[candidate.statement] = rank
    return by_statement


def _preferred(iris: Iris, found: list[Candidate], ranks: dict[str, Rank], graph: str,
               warnings: list[BuildWarning], root: Path) -> list[str]:
    """The rank of each statement, the direct triple of the best, or the conflict."""
    lines = []
    for candidate in found:
        rank = ranks.get(candidate.statement)
        lines.append(f"{candidate.statement} <{KG.rank}> <{RANK_TERMS[rank.rank if rank else 'normal']}> {graph} .")
        if rank and rank.reason:
            lines.append(f"{candidate.statement} <{KG.rankReason}> {_text(rank.reason)} {graph} .")
    best = _best(found, ranks)
    values = {c.obj for c in best}
    if len(values) == 1:
        first = best[0]
        lines.append(f"{first.subject} {first.predicate} {first.obj} {graph} .")
        lines += [f"{c.statement} <{RDF.type}> <{KG.BestRank}> {graph} ." for c in best]
    elif len(values) > 1:
        lines += _conflict(iris, best, graph)
        first = best[0]
        said = "; ".join(f"{_local(c.obj)} in {c.source}" for c in best)
        warnings.append(BuildWarning(Location(root / first.source), (
            f"{_local(first.subject)}'s {_local(first.predicate)} conflicts on {first.date}: {said}; "
            "no value is preferred until data/ranks.yaml ranks one")))
    return lines


def _best(found: list[Candidate], ranks: dict[str, Rank]) -> list[Candidate]:
    """The editor's preferred statement, else the latest-dated ones not deprecated."""
    preferred = [c for c in found if (r := ranks.get(c.statement)) and r.rank == "preferred"]
    if preferred:
        return preferred
    live = [c for c in found if not ((r := ranks.get(c.statement)) and r.rank == "deprecated")]
    if not live:
        return []
    latest = max(c.date for c in live)
    return [c for c in live if c.date == latest]


def _conflict(iris: Iris, best: list[Candidate], graph: str) -> list[str]:
    first = best[0]
    node = f"<{iris.conflict(f'{first.subject} {first.predicate} {first.date}')}>"
    lines = [f"{node} <{RDF.type}> <{KG.Conflict}> {graph} .",
             f"{node} <{KG.about}> {first.subject} {graph} .",
             f"{node} <{KG.onProperty}> {first.predicate} {graph} ."]
    if first.date:
        lines.append(f'{node} <{SCHEMA.date}> "{first.date}"^^<{XSD.date}> {graph} .')
    lines += [f"{node} <{KG.conflictingStatement}> {c.statement} {graph} ." for c in best]
    return lines


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _count(n: int) -> str:
    return f'"{n}"^^{_COUNT_TYPE}'


_COUNT_TYPE = f"<{XSD.nonNegativeInteger}>"


def _text(value: str) -> str:
    return str(ox.Literal(value, language="en"))


def _lexical(term: str) -> str:
    """The lexical form of an N-Triples literal ("2022-08-09"^^<…> -> 2022-08-09); "" for none."""
    return term[1:term.index('"', 1)] if term.startswith('"') else ""


def _local(term: str) -> str:
    """`planned` for <…#planned>, `lazada` for <…/lazada>: for messages."""
    return term.strip("<>").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
