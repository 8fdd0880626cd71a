"""Pages for people: an entity's page (labels, types, facts with their status and evidence
sentences, links out, a small drawing of its neighbours) and the query page, rendered by
Jinja2 with autoescaping, so no label in the graph can become markup.

The data comes from SPARQL on any query runner (the server's worker pool, or the store
directly for the static site), so pages look the same served or published, and stay cheap
however large the graph grows.
"""

from __future__ import annotations

import math
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader

from kg.namespaces import ID_PATTERN, KG, Iris, curie
from kg.query.library import NamedQuery
from kg.query.model import Result

TEMPLATES = Path(__file__).parent / "templates"
Runner = Callable[[str], Result]
NEIGHBOURS_DRAWN = 24
EVIDENCE_SHOWN = 5
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)

_RESOURCE = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/ekodigi/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
SELECT ?direction ?predicate ?value ?valueLabel ?status ?sentence ?article ?headline ?exact WHERE {
  { VALUES ?direction { "out" } ?this ?predicate ?value . EVIDENCE(?this, ?value) }
  UNION
  { VALUES ?direction { "in" } ?value ?predicate ?this . FILTER (?predicate NOT IN (rdf:subject, rdf:object))
    EVIDENCE(?value, ?this) }
  OPTIONAL { ?value rdfs:label ?valueLabel }
  OPTIONAL { ?value kg:status ?status }
}
"""
# The resource's own names, types and headline, on every page of it.
_OWN = """SELECT ?predicate ?value WHERE { VALUES ?predicate { <http://www.w3.org/2000/01/rdf-schema#label>
  <http://www.w3.org/2004/02/skos/core#altLabel> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
  <https://schema.org/headline> } ?this ?predicate ?value }"""
# Its relations to other terms, counted by relation (the store counts without reading a value):
# the others out, and all in but the reifications pointing at it.
_RELATIONS = """SELECT ?direction ?predicate (COUNT(*) AS ?n) WHERE {
  { VALUES ?direction { "out" } ?this ?predicate ?value .
    FILTER (?predicate NOT IN (<http://www.w3.org/2000/01/rdf-schema#label>, <http://www.w3.org/2004/02/skos/core#altLabel>,
                               <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, <https://schema.org/headline>)) }
  UNION
  { VALUES ?direction { "in" } ?value ?predicate ?this .
    FILTER (?predicate NOT IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>,
                               <http://www.w3.org/1999/02/22-rdf-syntax-ns#object>)) }
} GROUP BY ?direction ?predicate"""
# The evidence of the statement about (subject, ?predicate, object), written out in each branch
# with the resource's IRI in place: Oxigraph then looks statements up by index instead of
# joining every statement in the graph (5x faster on the first article, more on larger graphs).
_EVIDENCE = """OPTIONAL { ?st rdf:subject SUBJECT ; rdf:predicate ?predicate ; rdf:object OBJECT ;
                  kg:evidence/oa:hasTarget ?t . ?t kg:inSentence/nif:anchorOf ?sentence .
                  OPTIONAL { ?t oa:hasSelector/oa:exact ?exact }
                  OPTIONAL { ?t oa:hasSource ?article . OPTIONAL { ?article schema:headline ?headline } } }"""
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_HEADLINE = "https://schema.org/headline"
_NAMES = {_LABEL, "http://www.w3.org/2004/02/skos/core#altLabel"}
_LANGUAGE_RANK = {"id": 0, "": 1}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_STATUS = "https://w3id.org/ekodigi/def#status"


class Links:
    """Where a link to an IRI goes: a page of ours, the IRI itself (links out), or nowhere.

    Only http(s) IRIs ever become links, so an IRI such as `javascript:…` in the data stays text.
    """

    def __init__(self, base: str, local: Callable[[str], str | None],
                 terms: Callable[[str], str | None] | None = None) -> None:
        self.base, self._local, self._terms = base, local, terms

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.base):
            return self._local(iri[len(self.base):])
        if self._terms is not None and iri.startswith(str(KG)):
            return self._terms(iri[len(str(KG)):])
        return iri if urllib.parse.urlsplit(iri).scheme in {"http", "https"} else None

    def term(self, name: str) -> str | None:
        """Where a prefixed name of ours (`kg:planned`) links to; other names link nowhere."""
        return self.href(str(KG) + name[3:]) if name.startswith("kg:") else None


def served_links(base: str) -> Links:
    """Links as `kg serve` answers them: every IRI under the base at /id/…, the ontology's terms
    at /def/… (pages of the server's own, not the w3id redirect)."""
    return Links(base, lambda rest: "/id/" + urllib.parse.quote(rest, safe="/#-._~"),
                 lambda name: "/def/" + urllib.parse.quote(name, safe="-._~"))


@dataclass(frozen=True, order=True)
class Evidence:
    """The sentence that supports a fact, and its article."""

    sentence: str
    headline: str
    article: str
    quote: str = ""

    def parts(self) -> tuple[str, str, str]:
        """The sentence around the quoted words (before, the words, after), to highlight them."""
        at = self.sentence.find(self.quote) if self.quote else -1
        if at < 0:
            return self.sentence, "", ""
        return self.sentence[:at], self.quote, self.sentence[at + len(self.quote):]


@dataclass
class Fact:
    """One relation of the resource, in or out, with its evidence."""

    direction: str
    predicate: str
    value: str
    label: str
    iri: str | None
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    more: int = 0  # articles that state it whose evidence is not shown


@dataclass
class View:
    """What an entity page shows."""

    iri: str
    title: str
    labels: list[tuple[str, str]]
    types: list[Fact]
    facts: list[Fact]
    neighbours: list[Fact]
    clipped: int | None = None

    def groups(self) -> list[tuple[str, str, list[Fact]]]:
        """The facts grouped by relation and direction, in order: (direction, predicate, facts)."""
        grouped: dict[tuple[str, str], list[Fact]] = {}
        for fact in self.facts:
            grouped.setdefault((fact.direction, fact.predicate), []).append(fact)
        return [(direction, predicate, facts) for (direction, predicate), facts in grouped.items()]


def resource_view(run: Runner, iri: str, base: str, limit: int | None = None) -> View | None:
    """The page data of one resource, or None when the graph says nothing about it.

    With `limit`, at most that many rows of facts are read, and the page says it shows only
    the first ones (a hub of a large graph still gets a page, and the reader knows it is partial).
    """
    result = run(_resource_query(ox.NamedNode(iri)) + (f"LIMIT {limit}" if limit else ""))
    if not result.rows:
        return None
    return _view(result.rows, iri, base, limit if limit and len(result.rows) >= limit else None)


def paged_view(run: Runner, iri: str, base: str, page: int, size: int,
               limit: int | None = None) -> tuple[View | None, int]:
    """One page of a resource's facts (its names and types on every page) and how many facts it
    has. The store counts the facts of each relation, hands over only the page's slice of them,
    a few statements of each (EVIDENCE_SHOWN) with their evidence, and how many articles state
    each (the corpus graph's kg:supportCount), so a hub's page costs the same at any corpus size.
    With `limit`, each query reads at most that many rows, and the page says so when one is cut."""
    node = ox.NamedNode(iri)
    full: list[bool] = []  # of each query that may give many rows: whether it gave all it may

    def capped(text: str) -> Result:
        if not limit:
            return run(text)
        result = run(f"{text} LIMIT {limit}")
        full.append(len(result.rows) >= limit)
        return result
    own = capped(_OWN.replace("?this", str(node))).rows
    groups = sorted(((d.value, p, int(n.value)) for d, p, n in run(_RELATIONS.replace("?this", str(node))).rows
                     if d is not None and isinstance(p, ox.NamedNode) and n is not None),
                    key=lambda g: (g[0] != "out", curie(g[1].value, base), g[1].value))
    total = sum(n for _, _, n in groups)
    if not own and not total:
        return None, 0
    chosen = _slice(run, node, groups, (page - 1) * size, size)
    support = _support(run, node, chosen, Iris(base))
    statements = _statements(capped, node, chosen, support)
    evidence = _evidence_of(capped, [st for found in statements.values() for st in found])
    described = _labels_and_statuses(capped, [v for _, _, v in chosen if isinstance(v, ox.NamedNode)])
    rows = [(ox.Literal("out"), p, v, None, None, None, None, None, None) for p, v in own]
    more = {}
    for key in chosen:
        supports = [e for st in statements.get(key, []) for e in evidence.get(st, [])]
        shown = {article.value for _, article, _, _ in supports if article is not None}
        more[(key[0], curie(key[1].value, base), _text(key[2], base))] = support.get(key, 0) - len(shown)
        for label, status in described.get(str(key[2]), [(None, None)]):
            rows += [(ox.Literal(key[0]), key[1], key[2], label, status, *found) for found in supports or [(None,) * 4]]
    view = _view(rows, iri, base, limit if any(full) else None)
    for fact in view.facts:
        fact.more = max(0, more.get((fact.direction, fact.predicate, fact.value), 0))
    return view, total


Key = tuple[str, ox.NamedNode, ox.NamedNode | ox.Literal]  # a fact of the page: direction, predicate, value


def _slice(run: Runner, node: ox.NamedNode, groups: list[tuple[str, ox.NamedNode, int]], start: int,
           size: int) -> list[Key]:
    """The facts from `start` to `start + size` in the order of the relations, each relation's
    part of them read with LIMIT and OFFSET in the store's own order of its values."""
    branches, at = [], 0
    for number, (direction, predicate, n) in enumerate(groups):
        first, last = max(start, at), min(start + size, at + n)
        if first < last:
            pattern = f"{node} {predicate} ?value" if direction == "out" else f"?value {predicate} {node}"
            branches.append(f"{{ {{ SELECT ?value WHERE {{ {pattern} }} LIMIT {last - first} OFFSET {first - at} }} "
                            f"BIND({number} AS ?relation) }}")
        at += n
    if not branches:
        return []
    rows = run(f"SELECT ?relation ?value WHERE {{ {' UNION '.join(branches)} }}").rows
    return [(groups[int(r.value)][0], groups[int(r.value)][1], v) for r, v in rows
            if r is not None and v is not None and not isinstance(v, ox.BlankNode)]  # VALUES cannot name one


def _statements(run: Runner, node: ox.NamedNode, chosen: list[Key], support: dict[Key, int]) -> dict[Key, list[str]]:
    """At most EVIDENCE_SHOWN statements (reifications) of each fact that has any, in one query:
    those of a fact few articles state all at once (a VALUES table), those of a fact many state
    by a subquery each with a LIMIT, so a fact every article of a hub states costs no more than
    one (and the query stays small: planning a subquery costs more than reading five rows). A
    fact with no support count has no statement: the build counts every fact an article states."""
    few: dict[str, list[str]] = {"out": [], "in": []}
    branches = []
    for number, key in enumerate(chosen):
        direction, predicate, value = key
        if support.get(key, 0) <= EVIDENCE_SHOWN:
            few[direction] += [f"({number} {value} {predicate})"] if support.get(key) else []
            continue
        # the value's side first: Oxigraph joins in the written order, and the node may be a hub
        branches.append(f"{{ {{ SELECT ?st WHERE {{ ?st {_ENDS[direction].format(value=value, node=node)} ; "
                        f"rdf:predicate {predicate} ; a rdf:Statement }} LIMIT {EVIDENCE_SHOWN} }} "
                        f"BIND({number} AS ?fact) }}")
    branches += [f"{{ VALUES (?fact ?value ?predicate) {{ {' '.join(rows)} }} "
                 f"?st {_ENDS[direction].format(value='?value', node=node)} ; rdf:predicate ?predicate ; "
                 f"a rdf:Statement }}" for direction, rows in few.items() if rows]
    if not branches:
        return {}
    found: dict[Key, list[str]] = {}
    text = f"PREFIX rdf: <{_RDF}>\nSELECT ?fact ?st WHERE {{ {' UNION '.join(branches)} }}"
    for number, st in sorted(run(text).rows, key=lambda row: (int(row[0].value), row[1].value)):
        found.setdefault(chosen[int(number.value)], []).append(st.value)
    return {key: statements[:EVIDENCE_SHOWN] for key, statements in found.items()}


_ENDS = {"out": "rdf:object {value} ; rdf:subject {node}", "in": "rdf:subject {value} ; rdf:object {node}"}


def _support(run: Runner, node: ox.NamedNode, chosen: list[Key], iris: Iris) -> dict[Key, int]:
    """How many articles state each fact: the kg:supportCount of its kg:Fact node, whose IRI the
    build mints from the triple (kg/build/support.py), so it is looked up, not searched for."""
    facts = {}
    for key in chosen:
        direction, predicate, value = key
        triple = f"{node} {predicate} {value}" if direction == "out" else f"{value} {predicate} {node}"
        facts[f"<{iris.fact(triple)}>"] = key
    if not facts:
        return {}
    text = f"SELECT ?fact ?n WHERE {{ VALUES ?fact {{ {' '.join(facts)} }} ?fact <{KG.supportCount}> ?n }}"
    return {facts[str(fact)]: int(n.value) for fact, n in run(text).rows if fact is not None and n is not None}


def _evidence_of(run: Runner, statements: list[str]) -> dict[str, list[tuple]]:
    """The sentence, article, headline and quoted words of each statement's evidence."""
    if not statements:
        return {}
    values = " ".join(f"<{st}>" for st in statements)
    text = _RESOURCE.split("SELECT")[0] + f"""SELECT ?st ?sentence ?article ?headline ?exact WHERE {{
  VALUES ?st {{ {values} }} ?st kg:evidence/oa:hasTarget ?t . ?t kg:inSentence/nif:anchorOf ?sentence .
  OPTIONAL {{ ?t oa:hasSelector/oa:exact ?exact }}
  OPTIONAL {{ ?t oa:hasSource ?article . OPTIONAL {{ ?article schema:headline ?headline }} }} }}"""
    found: dict[str, list[tuple]] = {}
    for st, *rest in run(text).rows:
        found.setdefault(st.value, []).append(tuple(rest))
    return found


def _labels_and_statuses(run: Runner, values: list[ox.NamedNode]) -> dict[str, list[tuple]]:
    """The labels and statuses of the resources a page links to, each pair of them."""
    if not values:
        return {}
    text = _RESOURCE.split("SELECT")[0] + f"""SELECT ?value ?valueLabel ?status WHERE {{
  VALUES ?value {{ {" ".join(sorted({str(v) for v in values}))} }}
  OPTIONAL {{ ?value rdfs:label ?valueLabel }} OPTIONAL {{ ?value kg:status ?status }} }}"""
    found: dict[str, list[tuple]] = {}
    for value, label, status in run(text).rows:
        found.setdefault(str(value), []).append((label, status))
    return found


def _resource_query(node: ox.NamedNode, pairs: dict[str, str] | None = None) -> str:
    """The query of a resource's facts with their evidence: all of them, or the (predicate
    value) pairs given for each direction."""
    text = _RESOURCE
    for direction, subject, obj in (("out", "?this", "?value"), ("in", "?value", "?this")):
        evidence = _EVIDENCE.replace("SUBJECT", subject).replace("OBJECT", obj)
        if pairs is not None:
            evidence = f"VALUES (?predicate ?value) {{ {pairs[direction]} }} " + evidence
        text = text.replace(f"EVIDENCE({subject}, {obj})", evidence)
    return text.replace("?this", str(node))


def _view(rows: Iterable[Sequence[ox.Term | None]], iri: str, base: str, clipped: int | None) -> View:
    """The page data from the rows of the resource query (or rows of the same shape)."""
    facts: dict[tuple[str, str, str], Fact] = {}
    candidates: dict[tuple[str, str, str], set[tuple[int, str]]] = {}
    labels: set[tuple[str, str]] = set()
    titles: dict[str, str] = {}
    for direction, predicate, value, value_label, status, sentence, article, headline, exact in rows:
        assert isinstance(predicate, ox.NamedNode) and value is not None
        if direction is not None and direction.value == "out" and predicate.value in _NAMES:
            assert isinstance(value, ox.Literal)
            labels.add((value.value, value.language or ""))
            if predicate.value == _LABEL:
                titles.setdefault(value.language or "", value.value)
            continue
        if direction is not None and direction.value == "out" and predicate.value == _HEADLINE:
            titles.setdefault("headline", value.value)
        key = (direction.value if direction else "", predicate.value, str(value))
        fact = facts.get(key)
        if fact is None:
            is_iri = isinstance(value, ox.NamedNode)
            fact = facts[key] = Fact(key[0], curie(predicate.value, base), _text(value, base), "",
                                     value.value if is_iri else None, curie(status.value, base) if status else "")
        if value_label is not None:
            candidates.setdefault(key, set()).add((_LANGUAGE_RANK.get(value_label.language or "", 2),
                                                   value_label.value))
        if sentence is not None:
            found = Evidence(sentence.value, headline.value if headline else "", article.value if article else "",
                             exact.value if exact else "")
            if found not in fact.evidence:
                fact.evidence.append(found)
    for key, labels_of_value in candidates.items():
        facts[key].label = min(labels_of_value)[1]  # Indonesian first, then untagged, then any
    ordered = sorted(facts.values(), key=lambda f: (f.direction != "out", f.predicate, f.label or f.value, f.value))
    for fact in ordered:
        fact.evidence.sort()
    types = [f for f in ordered if f.direction == "out" and f.predicate == curie(_TYPE)]
    rest = [f for f in ordered if not (f.direction == "out" and f.predicate == curie(_TYPE))]
    names = sorted(labels, key=lambda pair: (pair[1] != "id", pair[1] != "", pair))
    neighbours = sorted({f.iri: f for f in rest if f.iri and f.label and f.iri.startswith(base)
                         and f.predicate != curie(_STATUS)}.values(), key=lambda f: (f.label, f.iri or ""))
    title = next((titles[key] for key in ("id", "", "en", "headline") if key in titles),
                 names[0][0] if names else curie(iri, base))  # the label, never an alias
    return View(iri, title, names, types, rest, neighbours, clipped)


def resource_graph(iri: str) -> str:
    """The CONSTRUCT that gives a resource's data for machines: every triple in or out of it."""
    node = ox.NamedNode(iri)
    return f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal, base: str) -> str:
    if isinstance(term, ox.NamedNode):
        return curie(term.value, base)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def entity_page(view: View, links: Links, root: str, home: str, data_links: dict[str, str],
                extra: dict[str, object] | None = None) -> str:
    """The HTML page of a resource; `root` leads to the site's root (assets), `home` to its front
    page, `data_links` to its Turtle and JSON-LD versions by media type; `extra`, what the
    server's explorer adds (articles count, timeline, identifiers, pages of facts)."""
    return _ENV.get_template("entity.html.j2").render(
        view=view, href=links.href, term=links.term, root=root, home=home, data_links=data_links,
        drawing=_drawing(view, links), extra=extra or {})


def query_page(library: dict[str, NamedQuery], title: str, base: str, prefixes: dict[str, str],
               terms: list[dict[str, str]]) -> str:
    """The query page: the editor (knowing the predeclared `prefixes` and the ontology's `terms`),
    the named queries with their parameters, results in several views, downloads."""
    examples = [{"name": q.name, "title": q.title, "description": q.description, "text": q.text,
                 "params": [{"name": p.name, "kind": p.kind, "default": p.default or "",
                             "description": p.description} for p in q.params]}
                for q in library.values()]
    editor = {"prefixes": prefixes, "terms": terms}
    return _ENV.get_template("query.html.j2").render(examples=examples, editor=editor, title=title, base=base,
                                                     root="/", home="/")


def index_page(title: str, entities: list[tuple[str, str, str]], files: list[str]) -> str:
    """The static site's front page: the entities (href, label, type), the graph files."""
    return _ENV.get_template("index.html.j2").render(title=title, entities=entities, files=files,
                                                     root="", home="index.html")


@dataclass(frozen=True)
class _Node:
    x: float
    y: float
    label: str
    href: str | None
    relation: str


def _drawing(view: View, links: Links) -> dict[str, object]:
    """A small SVG of the resource and its named neighbours on a circle, positions fixed by
    their order, so the same graph always gives the same picture."""
    drawn = view.neighbours[:NEIGHBOURS_DRAWN]
    size, radius = 420, 160
    nodes = []
    for index, fact in enumerate(drawn):
        angle = 2 * math.pi * index / max(len(drawn), 1) - math.pi / 2
        nodes.append(_Node(round(size / 2 + radius * math.cos(angle), 1), round(size / 2 + radius * math.sin(angle), 1),
                           _short(fact.label), links.href(fact.iri or ""), fact.predicate))
    return {"size": size, "centre": size / 2, "label": _short(view.title), "nodes": nodes,
            "more": len(view.neighbours) - len(drawn)}


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def is_entity_id(rest: str) -> bool:
    """Whether the part of an IRI after the base is an entity id (a page of the static site)."""
    return ID_PATTERN.fullmatch(rest) is not None
