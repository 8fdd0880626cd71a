"""Every article fact is backed by a statement whose evidence resolves to its exact span."""

from __future__ import annotations

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.build.compile import BuildResult
from kg.namespaces import KG, NIF, OA, ORG, PROV
from kg.project import Project
from tests.build.test_article_facts import HEADER
from tests.conftest import ARTICLE_ID


def _article_graph(built: BuildResult, project: Project):
    return built.dataset.graph(project.iris.article_graph(ARTICLE_ID))


def test_every_direct_fact_about_an_entity_has_a_statement(built: BuildResult, project: Project) -> None:
    graph = _article_graph(built, project)
    statements = {(graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
                  for st in graph.subjects(RDF.type, RDF.Statement)}
    machinery = {RDF.Statement, OA.Annotation, OA.SpecificResource, OA.TextQuoteSelector,
                 OA.TextPositionSelector, NIF.Sentence}
    provenance_nodes = {s for cls in machinery | {KG.SourceNote} for s in graph.subjects(RDF.type, cls)}
    article = project.iris.article(ARTICLE_ID)
    unbacked = [
        (s, p, o) for s, p, o in graph
        if s not in provenance_nodes and (s, p, o) not in statements
        and not (s == article and p in {RDF.type, NIF.isString, URIRef("http://purl.org/dc/terms/identifier")})
    ]
    assert unbacked == []
    assert len(statements) > 150


def _evidence(graph, s: URIRef, p: URIRef, o: URIRef) -> set[str]:
    """The exact words quoted as evidence for the statement of one triple."""
    rows = graph.query(HEADER + """
        SELECT ?exact WHERE {
            ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence/oa:hasTarget/oa:hasSelector ?q .
            ?q oa:exact ?exact .
        }""", initBindings={"s": s, "p": p, "o": o})
    return {str(row[0]) for row in rows}


def test_inverse_triples_have_the_evidence_of_their_fact(built: BuildResult, project: Project) -> None:
    """`holds` and its inverse `org:heldBy` are two statements with the same words as evidence."""
    graph = _article_graph(built, project)
    person, post = URIRef(project.base + "andromeda-qomariah"), URIRef(project.base + "kepala-dinas-kukm-jatim")
    forward = _evidence(graph, person, ORG.holds, post)
    assert forward and forward == _evidence(graph, post, ORG.heldBy, person)
    office, province = URIRef(project.base + "dinas-kukm-jatim"), URIRef(project.base + "pemprov-jatim")
    assert _evidence(graph, province, ORG.hasSubOrganization, office) == _evidence(
        graph, office, ORG.subOrganizationOf, province) != set()


def test_the_publication_date_is_quoted_from_the_source_note(built: BuildResult, project: Project) -> None:
    graph = _article_graph(built, project)
    note_text = (project.root / "data" / "articles" / "SOURCE.md").read_text(encoding="utf-8")
    rows = list(graph.query(HEADER + """
        SELECT ?exact ?start ?end WHERE {
            ?st rdf:predicate schema:datePublished ; rdf:object "2022-08-09"^^xsd:date ;
                kg:evidence/oa:hasTarget ?target .
            ?note a kg:SourceNote .
            ?target oa:hasSource ?note ; oa:hasSelector ?q , ?p .
            ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
        }"""))
    assert [(str(e), note_text[int(a):int(b)]) for e, a, b in rows] == [
        ("Published: Tuesday 9 August 2022.", "Published: Tuesday 9 August 2022.")]


def test_every_evidence_span_is_the_text_at_its_offsets(built: BuildResult, project: Project) -> None:
    graph = _article_graph(built, project)
    article = project.iris.article(ARTICLE_ID)
    text = str(graph.value(article, NIF.isString))
    targets = list(graph.subjects(OA.hasSource, article))
    assert targets
    for target in targets:
        selectors = list(graph.objects(target, OA.hasSelector))
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        start, end = int(graph.value(position, OA.start)), int(graph.value(position, OA.end))
        assert text[start:end] == str(graph.value(quote, OA.exact))
        assert text[:start].endswith(str(graph.value(quote, OA.prefix)))
        assert text[end:].startswith(str(graph.value(quote, OA.suffix)))
        for sentence in graph.objects(target, KG.inSentence):
            begin, finish = int(graph.value(sentence, NIF.beginIndex)), int(graph.value(sentence, NIF.endIndex))
            assert begin < end and start < finish  # the sentence overlaps the span
            assert text[begin:finish] == str(graph.value(sentence, NIF.anchorOf))


def test_statements_point_to_their_article(built: BuildResult, project: Project) -> None:
    graph = _article_graph(built, project)
    article = project.iris.article(ARTICLE_ID)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        assert graph.value(statement, PROV.wasDerivedFrom) == article


def test_sparql_answers_which_article_and_which_sentence(union: Dataset) -> None:
    """For a fact (Andromeda heads the Dinas), the article and the sentence it came from."""
    rows = list(union.query(HEADER + """
        SELECT ?article ?headline ?n ?sentence ?start ?end WHERE {
            ?st rdf:subject <https://w3id.org/ekodigi/id/andromeda-qomariah> ; rdf:predicate org:holds ;
                kg:evidence/oa:hasTarget ?target .
            ?target oa:hasSource ?article ; kg:inSentence ?s ; oa:hasSelector ?pos .
            ?pos oa:start ?start ; oa:end ?end .
            ?article schema:headline ?headline .
            ?s kg:sentenceIndex ?n ; nif:anchorOf ?sentence .
        }"""))
    assert len(rows) == 1
    article, headline, n, sentence, start, end = rows[0]
    assert str(article).endswith("/article/" + ARTICLE_ID)
    assert str(headline).startswith("Kolaborasi Jadi Kunci")
    assert str(sentence).startswith("Kepala Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Provinsi Jawa Timur, "
                                    "Andromeda Qomariah mengatakan")
    assert int(n) == 9 and int(start) < int(end)


def test_each_article_has_its_own_named_graph(built: BuildResult, project: Project) -> None:
    names = {str(g.identifier) for g in built.dataset.graphs() if len(g)}
    linksets = ("regions", "identifiers-wikidata", "identifiers-geonames", "regions-bps", "regions-geonames",
                "regions-iso3166-2", "regions-point", "regions-wikidata")
    reference = {project.iris.regions_graph, *(project.iris.linkset_graph(name) for name in linksets)}
    assert names == {str(project.iris.article_graph(ARTICLE_ID)), str(project.iris.curated_graph),
                     str(project.iris.corpus_graph), "https://w3id.org/ekodigi/def", *map(str, reference)}
