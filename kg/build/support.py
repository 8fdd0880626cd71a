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

The graph is written in shards (kg/build/tallies.py): each shard's tallies are kept, and a build
takes out and adds only the contributions of the articles whose claims, mentions or file changed,
so adding one article to ten thousand renders the few shards it touches; a change to the words
around an article's facts touches none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg import __version__
from kg.build.parts import Claims, Part, PartCache
from kg.build.tallies import Contribution, Sharding, Tallies, Tally, TallyIndex, shard_count
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


def corpus_parts(project: Project, cache: PartCache, parts: list[Part]) -> list[Part]:
    """The corpus graph's parts, one per shard: the previous build's tallies updated by the
    articles whose claims, mentions or file changed, or (when there are none to start from, or
    the ranks or the number of shards changed) counted again from every article."""
    articles = [part for part in parts if part.article is not None]
    ranks_bytes = project.ranks_file.read_bytes() if project.ranks_file.exists() else b""
    sharding = Sharding(shard_count(len(articles)))
    index = TallyIndex(_index_key(project, ranks_bytes, sharding.shards),
                       {part.article: [part.key, part.source, part.claims] for part in articles if part.article})
    kept = TallyIndex.read(cache.folder)
    shards = [cache.get(key) for key in kept.parts] if kept is not None and kept.key == index.key else []
    delta = _delta(cache, kept, index) if kept is not None and shards and None not in shards else None
    if delta is not None:
        tallies, touched = _updated(project, cache, shards, sharding, *delta)
    else:
        tallies = Tallies(sharding, {i: Tally() for i in range(sharding.shards)})
        for part in articles:
            tallies.apply(_contribution(project.iris, part, cache.claims(part)), 1)
        touched = set(tallies.loaded)
    found = _shard_parts(project, cache, tallies, touched, ranks_bytes, shards)
    index.parts = [part.key for part in found]
    index.write(cache.folder)
    return found


def _index_key(project: Project, ranks_bytes: bytes, shards: int) -> str:
    digest = hashlib.sha256(f"kg {__version__} corpus\n{project.base}\n{shards}\n".encode() + ranks_bytes)
    return digest.hexdigest()


def _delta(cache: PartCache, kept: TallyIndex, index: TallyIndex) -> tuple[list[Part], list[Part]] | None:
    """The article parts whose contribution to take out and those to add (an article whose part
    changed but not its file, claims or mentions is neither); None when a part that contributed
    before is no longer in the cache (then everything is counted again)."""
    gone, came = [], []
    for article in sorted(kept.articles.keys() | index.articles.keys()):
        before, now = kept.articles.get(article), index.articles.get(article)
        if before is not None and now is not None and before[0] == now[0]:
            if before[1:] != now[1:]:
                return None  # compiled again under the same key (an entity it refers to changed type): recount
            continue
        old = cache.get(before[0]) if before is not None else None
        new = cache.get(now[0]) if now is not None else None
        if (before is not None and old is None) or (now is not None and new is None):
            return None  # an article's part is found only with its claims (PartCache.get)
        if old is not None and new is not None and before[1:] == now[1:] and _mentions(old) == _mentions(new):
            continue
        gone += [old] if old is not None else []
        came += [new] if new is not None else []
    return gone, came


def _mentions(part: Part) -> set[str]:
    return {d[0] for d in part.declared} | set(part.refs)


def _updated(project: Project, cache: PartCache, kept: list[Part | None], sharding: Sharding, gone: list[Part],
             came: list[Part]) -> tuple[Tallies, set[int]]:
    """The kept tallies of the shards the changed articles (and the ranks) touch, brought up to date."""
    iris = project.iris
    old = [_contribution(iris, part, cache.claims(part)) for part in gone]
    new = [_contribution(iris, part, cache.claims(part)) for part in came]
    touched = {sharding(key) for item in [*old, *new] for key in item.terms()}
    touched |= {sharding(f"<{iris.entity(rank.about)}>") for rank in read_ranks(project.ranks_file)}
    tallies = Tallies(sharding, {i: Tally.from_json(cache.state_file(kept[i].key).read_bytes())  # type: ignore[union-attr]
                                 for i in sorted(touched)})
    for item in old:
        tallies.apply(item, -1)
    for item in new:
        tallies.apply(item, 1)
    return tallies, touched


def _contribution(iris: Iris, part: Part, claims: Claims) -> Contribution:
    """What an article gives the corpus graph: its mentions, its counted facts, its ranked statements."""
    assert part.article is not None
    mentioned = [f"<{iris.base}{ident}>" for ident in sorted(_mentions(part))]
    facts = {(s, p, o) for _, s, p, o, _ in claims.statements if p[1:-1] not in UNCOUNTED}
    candidates = [[statement, s, p, o, _lexical(as_of) or claims.published, part.article, part.source]
                  for statement, s, p, o, as_of in claims.statements if p[1:-1] in RANKED]
    return Contribution(f"<{iris.article(part.article)}>", mentioned, facts, candidates)


def _shard_parts(project: Project, cache: PartCache, tallies: Tallies, touched: set[int], ranks_bytes: bytes,
                 kept: list[Part | None]) -> list[Part]:
    """Every shard's part: those touched rendered from their tallies (or found in the cache, when
    their tallies came out as some build had them), the others as the previous build left them."""
    iris, graph = project.iris, f"<{project.iris.corpus_graph}>"
    groups = {key: [Candidate(*row) for row in rows] for tally in tallies.loaded.values()
              for key, rows in tally.groups.items()}
    ranks = _checked_ranks(read_ranks(project.ranks_file), groups, iris)
    found = []
    for shard in range(tallies.sharding.shards):
        if shard not in touched:
            found.append(kept[shard])  # type: ignore[arg-type]  # present: checked before the update
            continue
        tally = tallies.loaded[shard]
        state = tally.to_json()
        key = hashlib.sha256(f"kg {__version__} corpus shard\n{project.base}\n".encode() + ranks_bytes + state)
        part = cache.get(key.hexdigest())
        if part is None:
            warnings: list[BuildWarning] = []
            lines = shard_lines(iris, tally, ranks, graph, warnings, project.root)
            part = Part(key.hexdigest(), "corpus", None, [], {}, None,
                        [(w.location.line, w.location.field, w.message, _relative(w.location.file, project.root))
                         for w in warnings], shard=f"{shard:03x}")
            cache.put(part, {str(iris.corpus_graph): lines} if lines else {}, state=state)
        found.append(part)
    return found


def shard_lines(iris: Iris, tally: Tally, ranks: dict[str, Rank], graph: str, warnings: list[BuildWarning],
                root: Path) -> list[str]:
    """A shard of the corpus graph as sorted N-Quads lines (without their line ends): canonical
    terms as pyoxigraph writes them, so they need no parse."""
    mentions, mention_count = f"<{SCHEMA.mentions}>", f"<{KG.mentionCount}>"  # once: an rdflib lookup costs
    lines = [f"{article} {mentions} {term} {graph} ." for article, terms in tally.mentions.items() for term in terms]
    lines += [f"{term} {mention_count} {_count(n)} {graph} ." for term, n in tally.counts.items()]
    lines += _support(iris, tally.facts, graph)
    for key in sorted(tally.groups):
        found = sorted((Candidate(*row) for row in tally.groups[key]), key=lambda c: (c.article, c.statement))
        lines += _preferred(iris, found, ranks, graph, warnings, root)
    return sorted(set(lines))


def _support(iris: Iris, facts: dict[str, int], graph: str) -> list[str]:
    fact_type = f"<{RDF.type}> <{KG.Fact}>"
    subject, predicate, obj, count = (f"<{term}>" for term in (RDF.subject, RDF.predicate, RDF.object,
                                                                KG.supportCount))
    prefix = f"{iris.base}fact/"
    lines = []
    for key, n in facts.items():
        s, p, o = key.split("\t")
        fact = f"<{prefix}{hashlib.sha1(f'{s} {p} {o}'.encode()).hexdigest()[:20]}>"  # iris.fact, without rdflib
        lines += [f"{fact} {fact_type} {graph} .", f"{fact} {subject} {s} {graph} .",
                  f"{fact} {predicate} {p} {graph} .", f"{fact} {obj} {o} {graph} .",
                  f"{fact} {count} {_count(n)} {graph} ."]
    return lines


def _checked_ranks(ranks: list[Rank], candidates: dict[str, list[Candidate]],
                   iris: Iris) -> dict[str, Rank]:
    """The ranks by the statement they name; a rank naming no statement is an error."""
    by_statement = {}
    for rank in ranks:
        spec = FIELDS[rank.field]
        key = f"<{iris.entity(rank.about)}>\t<{spec.predicate}>"
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
