"""An entity page's facts read a page at a time from the store: every fact on exactly one page
whatever the page size, five statements a fact with their sentences, and how many more articles
state it (the corpus graph's kg:supportCount)."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.namespaces import Iris
from kg.query.engine import execute
from kg.web.pages import EVIDENCE_SHOWN, paged_view

BASE = "https://example.org/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG = "https://w3id.org/ekodigi/def#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
MENTIONS = ox.NamedNode("https://schema.org/mentions")
OPERATED = ox.NamedNode(KG + "operatedBy")
HUB = ox.NamedNode(BASE + "hub")
PROGRAM = ox.NamedNode(BASE + "program")


def node(local: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + local)


def hub_store(articles: int, programs: int, stating: int) -> ox.Store:
    """A hub mentioned by `articles` articles, operating `programs` programs; `stating` of the
    articles state that the first program is operated by it (a statement each, with a sentence)."""
    store, graph = ox.Store(), ox.DefaultGraph()
    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        store.add(ox.Quad(s, p, o, graph))
    add(HUB, LABEL, ox.Literal("Hub", language="id"))
    for n in range(articles):
        add(node(f"article/a{n:03}"), MENTIONS, HUB)
    for n in range(programs):
        add(node(f"program{n:03}" if n else "program"), OPERATED, HUB)
    for n in range(stating):
        article, statement = node(f"article/a{n:03}"), node(f"article/a{n:03}/statement/s")
        target, sentence = node(f"article/a{n:03}/evidence/0-9#target"), node(f"article/a{n:03}/sentence")
        for p, o in ((RDF + "type", ox.NamedNode(RDF + "Statement")), (RDF + "subject", PROGRAM),
                     (RDF + "predicate", OPERATED), (RDF + "object", HUB), (KG + "evidence", node(f"ev{n}"))):
            add(statement, ox.NamedNode(p), o)
        add(node(f"ev{n}"), ox.NamedNode("http://www.w3.org/ns/oa#hasTarget"), target)
        add(target, ox.NamedNode(KG + "inSentence"), sentence)
        add(target, ox.NamedNode("http://www.w3.org/ns/oa#hasSource"), article)
        add(sentence, ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"),
            ox.Literal(f"Sentence {n} says the hub runs the program."))
    fact = ox.NamedNode(str(Iris(BASE).fact(f"{PROGRAM} {OPERATED} {HUB}")))
    add(fact, ox.NamedNode(KG + "supportCount"), ox.Literal(str(stating), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")))
    return store


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=25))
def test_every_fact_is_on_exactly_one_page(articles: int, programs: int, size: int) -> None:
    store = hub_store(articles, programs, 0)
    run = lambda text: execute(store, text)  # noqa: E731
    seen: list[tuple[str, str, str]] = []
    total = articles + programs
    for page in range(1, -(-total // size) + 1):
        view, counted = paged_view(run, HUB.value, BASE, page, size)
        assert view is not None and counted == total
        assert view.title == "Hub"  # its names on every page
        seen += [(f.direction, f.predicate, f.value) for f in view.facts]
    assert len(seen) == len(set(seen)) == total


def test_a_fact_many_articles_state_shows_five_sentences_and_counts_the_rest() -> None:
    store = hub_store(12, 1, 12)
    view, _ = paged_view(lambda text: execute(store, text), HUB.value, BASE, 1, 100)
    assert view is not None
    [operated] = [f for f in view.facts if f.predicate == "kg:operatedBy"]
    assert len(operated.evidence) == EVIDENCE_SHOWN
    assert all(e.sentence.endswith("says the hub runs the program.") and e.article for e in operated.evidence)
    assert operated.more == 12 - EVIDENCE_SHOWN


def test_an_unknown_iri_has_no_page() -> None:
    store = hub_store(1, 1, 0)
    assert paged_view(lambda text: execute(store, text), BASE + "nobody", BASE, 1, 10) == (None, 0)


def test_a_page_whose_query_reaches_the_row_cap_says_it_is_partial() -> None:
    store = hub_store(3, 1, 12)
    run = lambda text: execute(store, text)  # noqa: E731
    cut, _ = paged_view(run, HUB.value, BASE, 1, 4, limit=4)
    whole, _ = paged_view(run, HUB.value, BASE, 1, 4, limit=100)
    assert cut is not None and cut.clipped == 4
    assert whole is not None and whole.clipped is None
