"""The graphs pySHACL reads in `kg validate` (kg/build/shacl_graph.py): the same answers as
rdflib's default Graph, so the same SHACL results as plain pySHACL; and a node whose types are
only lent to a graph is not checked itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.build.compile import BuildResult
from kg.build.shacl import Checker, Result, entailed, results_of
from kg.build.shacl_graph import ShaclGraph, shacl_graph
from kg.namespaces import KG, ONTOLOGY_IRI
from kg.project import Project
from kg.rdfio import to_rdflib
from tests.build.test_validate import copy_dataset, one_further, tamper

EX = "http://example.org/"
NODES = [URIRef(EX + name) for name in "abcd"] + [BNode("b1")]
PREDICATES = [URIRef(EX + "p"), URIRef(EX + "q"), RDF.type]
VALUES = [*NODES, Literal("x"), Literal("x", lang="id"), Literal("1", datatype=XSD.integer)]
TRIPLES = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(VALUES)),
                   max_size=30)
PATTERNS = st.tuples(st.none() | st.sampled_from(NODES), st.none() | st.sampled_from(PREDICATES),
                     st.none() | st.sampled_from(VALUES))


def both(triples: list[tuple]) -> tuple[Graph, Graph]:
    theirs = Graph()
    for triple in triples:
        theirs.add(triple)
    return shacl_graph(triples), theirs


@settings(max_examples=200, deadline=None)
@given(TRIPLES, PATTERNS)
def test_lookups_answer_as_rdflib_does(triples: list[tuple], pattern: tuple) -> None:
    ours, theirs = both(triples)
    for _ in range(2):  # and again after a removal
        s, p, o = pattern
        assert len(ours) == len(theirs)
        assert Counter(ours.triples(pattern)) == Counter(theirs.triples(pattern))
        for unique in (False, True):
            assert Counter(ours.objects(s, p, unique)) == Counter(theirs.objects(s, p, unique))
            assert Counter(ours.subjects(p, o, unique)) == Counter(theirs.subjects(p, o, unique))
            assert Counter(ours.predicate_objects(s, unique)) == Counter(theirs.predicate_objects(s, unique))
        sequence, inverse = PREDICATES[0] / PREDICATES[1], ~PREDICATES[0]
        for path in (sequence, inverse):
            assert Counter(ours.triples((s, path, o))) == Counter(theirs.triples((s, path, o)))
        if triples:
            ours.remove(triples[0])
            theirs.remove(triples[0])


def test_queries_and_prefixes_as_rdflib_does() -> None:
    triples = [(NODES[0], PREDICATES[0], NODES[1]), (NODES[1], PREDICATES[0], NODES[2]), (NODES[2], RDF.type, NODES[3])]
    ours, theirs = both(triples)
    assert sorted(ours.namespaces()) == sorted(theirs.namespaces())
    query = "PREFIX ex: <http://example.org/> SELECT ?x ?y WHERE { $this ex:p ?x . OPTIONAL { ?x ex:p ?y } }"
    for start in NODES[:3]:  # the prepared query, answering for each binding
        assert sorted(ours.query(query, initBindings={"this": start})) == \
            sorted(theirs.query(query, initBindings={"this": start}))


def test_a_node_not_a_target_keeps_its_types() -> None:
    cls = NODES[3]
    graph = shacl_graph([(NODES[0], RDF.type, cls), (NODES[1], RDF.type, cls)], not_targets={NODES[0]})
    assert list(graph.subjects(RDF.type, cls)) == [NODES[1]]
    assert list(graph.objects(NODES[0], RDF.type)) == [cls]
    assert len(list(graph.triples((None, RDF.type, cls)))) == 2


def quads(dataset: object) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """The data triples and the ontology triples of an rdflib dataset, as pyoxigraph triples."""
    parsed = ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    data, ontology = [], []
    for quad in parsed:
        (ontology if quad.graph_name == ox.NamedNode(str(ONTOLOGY_IRI)) else data).append(quad.triple)
    return data, ontology


def reference(shapes_file: Path, triples: list[ox.Triple], ontology: list[ox.Triple]) -> list[Result]:
    """Plain pySHACL over rdflib's default Graphs: what Checker.check did before ShaclGraph."""
    shapes = Graph().parse(shapes_file, format="turtle")
    data = to_rdflib(entailed([*triples, *ontology], ontology))
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, abort_on_first=False, allow_warnings=True)
    return results_of(report)


def ordered(results: list[Result]) -> list[list[str]]:
    return sorted([str(field) for field in result.to_list()] for result in results)


@pytest.mark.parametrize("case", ["moved-offset", "no-status-no-speaker", "count-as-text"])
def test_checker_finds_what_plain_pyshacl_finds(built: BuildResult, project: Project, case: str) -> None:
    """Violations of a SPARQL constraint, of sh:or and counts, of a datatype: the same results."""
    from kg.namespaces import OA

    if case == "moved-offset":
        dataset = tamper(built, OA.TextPositionSelector, OA.start, one_further)
    elif case == "count-as-text":
        dataset = tamper(built, OA.TextPositionSelector, OA.end, lambda end: Literal(str(end)))
    else:
        dataset = copy_dataset(built)
        for s, p in ((URIRef(project.base + "kolaborasi-jatim-lazada"), KG.status),
                     (URIRef(project.base + "haikal-akar-digital"), KG.speaker)):
            for quad in list(dataset.quads((s, p, None, None))):
                dataset.remove(quad)
    triples, ontology = quads(dataset)
    ours = Checker.load(project.shapes_file, ontology).check(triples)
    assert ours
    assert ordered(ours) == ordered(reference(project.shapes_file, triples, ontology))


def test_a_node_only_lent_is_not_checked(built: BuildResult, project: Project) -> None:
    """Its results are another graph's to give; the same node described here is checked."""
    triples, ontology = quads(copy_dataset(built))
    node = ox.NamedNode(project.base + "lent-only")
    lent = [ox.Triple(node, ox.NamedNode(str(RDF.type)), ox.NamedNode("http://www.w3.org/ns/org#Organization"))]
    checker = Checker.load(project.shapes_file, ontology)
    plain = reference(project.shapes_file, triples + lent, ontology)
    assert any(r.focus == node.value for r in plain)  # an organisation with no label
    assert ordered(checker.check(triples, lent)) == ordered([r for r in plain if r.focus != node.value])
    assert ordered(checker.check(triples + lent, lent)) == ordered(plain)


SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Direct a sh:NodeShape ; sh:targetClass ex:A ;
    sh:property [ sh:path ex:direct ; sh:class ex:B ] ;
    sh:property [ sh:path ex:counted ; sh:minCount 1 ; sh:maxCount 2 ] ;
    sh:property [ sh:path ex:either ; sh:or ( [ sh:class ex:B ] [ sh:datatype ex:D ] ) ] ;
    sh:property [ sh:path ex:nested ; sh:node ex:Typed ] ;
    sh:property [ sh:path ex:some ; sh:qualifiedValueShape [ sh:class ex:B ] ; sh:qualifiedMinCount 1 ] ;
    sh:property [ sh:path ( ex:first ex:second ) ; sh:class ex:B ] ;
    sh:property [ sh:path [ sh:inversePath ex:back ] ; sh:class ex:B ] ;
    sh:or ( [ sh:path ex:inOr ; sh:class ex:B ] [ sh:path ex:plainInOr ; sh:minCount 1 ] ) .
ex:Typed a sh:NodeShape ; sh:class ex:B .
ex:Targets a sh:NodeShape ; sh:targetObjectsOf ex:pointsAt ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
ONTOLOGY = """\
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:subDirect rdfs:subPropertyOf ex:direct .
ex:ranged rdfs:range ex:A .
ex:subRanged rdfs:subPropertyOf ex:ranged .
"""


def test_only_the_values_whose_classes_a_shape_reads_are_lent() -> None:
    """A value's classes matter where a shape puts sh:class on its path (directly, in sh:or,
    through sh:node or sh:qualifiedValueShape, in a sequence or inverse path), where
    sh:targetObjectsOf makes it a target, or where rdfs:range gives it a class; through
    sub-properties too. Nowhere else (a count, a plain path in an sh:or)."""
    shapes = Graph().parse(data=SHAPES, format="turtle")
    ontology = list(ox.parse(ONTOLOGY.encode(), format=ox.RdfFormat.TURTLE))
    checker = Checker(shapes, ontology)
    read = {"direct", "either", "nested", "some", "first", "second", "back", "inOr", "pointsAt", "subDirect",
            "ranged", "subRanged"}
    unread = {"counted", "plainInOr", "name", "unknown"}
    assert {name for name in read | unread if checker.lends(EX + name)} == read


def test_a_value_typed_in_another_graph_is_lent_its_types(tmp_path: Path) -> None:
    """The types of a value a shape reads are lent from the graph describing it. The build's
    files edited: a quote's speaker typed a person only in the curated graph conforms, also
    when only the quote is checked again; typed a place there, it is a violation. Graph by
    graph as in one run over the whole graph."""
    from kg.build.compile import build_to
    from kg.build.validate import load_built, validate, validate_built
    from kg.project import open_project
    from tests.conftest import ROOT

    project, out = open_project(ROOT), tmp_path / "out"
    build_to(project, out)
    files = sorted((out / "graphs").rglob("*.nq"))
    quote, speaker = next(line.split()[::2][:2] for f in files for line in f.read_text(encoding="utf-8").splitlines()
                          if line.split()[1] == f"<{KG.speaker}>")
    typed = f"{speaker} <{RDF.type}> "
    curated = next(f for f in files if f.parent.name == "curated" or f.stem == "curated")

    def edit(file: Path, keep: Callable[[str], bool], add: str = "") -> None:
        lines = [line for line in file.read_text(encoding="utf-8").splitlines() if keep(line)]
        lines += [f"{add} {lines[0].split()[-2]} ."] if add else []
        file.unlink()  # a hard link into the build's cache: write a new file
        file.write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")

    def check(violation: bool) -> None:
        report = validate_built(project, out)
        assert any(v.path == "kg:speaker" for v in report.violations) == violation
        assert [str(v) for v in report.violations] == \
            [str(v) for v in validate(load_built(out), project.shapes_file, project.base).violations]

    for f in files:
        edit(f, lambda line: not line.startswith(typed), f"{typed}<https://schema.org/Person>" if f == curated else "")
    check(False)
    stating = next(f for f in files if f"{quote} <{KG.speaker}>" in f.read_text(encoding="utf-8"))
    edit(stating, lambda line: True, f'{quote} <{RDFS.comment}> "dicek lagi"')
    check(False)
    edit(curated, lambda line: not line.startswith(typed), f"{typed}<https://schema.org/Place>")
    check(True)


NESTED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Top a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property ex:TopProperty ;
    sh:or ( ex:Branch [ sh:path ex:q ; sh:minCount 1 ] ) ;
    sh:property [ sh:path ex:r ; sh:node ex:Inner ; sh:qualifiedValueShape ex:Counted ; sh:qualifiedMinCount 1 ] .
ex:TopProperty sh:path ex:p ; sh:not ex:Negated .
ex:Branch sh:property ex:BranchProperty .
ex:BranchProperty sh:path ex:s ; sh:minCount 1 .
ex:Inner sh:property [ sh:path ex:t ; sh:minCount 1 ] .
ex:Counted sh:class ex:D .
ex:Negated sh:class ex:E .
ex:AlsoTargeted a sh:NodeShape ; sh:targetNode ex:a ; sh:property ex:Shared .
ex:Shared sh:path ex:u ; sh:minCount 1 .
ex:Top2 a sh:NodeShape ; sh:targetClass ex:F ; sh:and ( ex:AlsoTargeted ex:Shared ) .
"""


def test_the_shapes_whose_results_are_dropped_are_those_only_nested() -> None:
    from kg.build.shacl_nested import discarded_shapes

    shapes = Graph().parse(data=NESTED_SHAPES, format="turtle")
    found = discarded_shapes(shapes)
    names = {str(node).removeprefix(EX) for node in found if isinstance(node, URIRef)}
    assert names == {"Branch", "BranchProperty", "Inner", "Counted", "Negated"}
    assert len(found - {URIRef(EX + n) for n in names}) == 2  # the blank branch and Inner's property
    assert not {URIRef(EX + n) for n in ("Top", "TopProperty", "AlsoTargeted", "Shared", "Top2")} & found


def test_results_pyshacl_would_drop_are_not_made(built: BuildResult, project: Project,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A conforming article graph: plain pySHACL describes every failed sh:or branch (and drops
    it), the Checker describes none, and both find nothing."""
    from pyshacl.constraints.constraint_component import ConstraintComponent

    made: list[object] = []
    describe = ConstraintComponent.make_v_result_description

    def counted(self: object, *args: object, **kwargs: object) -> object:
        made.append(self)
        return describe(self, *args, **kwargs)

    monkeypatch.setattr(ConstraintComponent, "make_v_result_description", counted)
    triples, ontology = quads(copy_dataset(built))
    assert reference(project.shapes_file, triples, ontology) == [] and made
    made.clear()
    assert Checker.load(project.shapes_file, ontology).check(triples) == [] and not made


ENGINE_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:prefixes sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .
ex:Spans a sh:NodeShape ; sh:targetSubjectsOf ex:p ;
    sh:sparql [ sh:prefixes ex:prefixes ; sh:message "a value that is not its text" ;
        sh:select '''SELECT $this ?value WHERE { $this ex:p ?value . OPTIONAL { $this ex:q ?t }
            FILTER (!BOUND(?t) || isLiteral(?value) && isLiteral(?t) && STR(?value) != STR(?t)) }''' ] ;
    sh:sparql [ sh:prefixes ex:prefixes ; sh:message "Oxigraph refuses it: $this is not projected" ;
        sh:select "SELECT ?value WHERE { $this ex:q ?value . FILTER (isLiteral(?value) && LANG(?value) = 'id') }" ] .
ex:Counts a sh:NodeShape ; sh:targetSubjectsOf ex:q ;
    sh:property [ sh:path ex:q ; sh:maxCount 1 ; sh:class ex:d ] ;
    sh:property [ sh:path ex:p ; sh:property [ sh:path ex:q ; sh:minCount 1 ] ] ;
    sh:property [ sh:path ex:p ; sh:or ( [ sh:nodeKind sh:Literal ] [ sh:class ex:c ] ) ] .
"""


@settings(max_examples=60, deadline=None)
@given(TRIPLES)
def test_faster_engines_find_what_plain_pyshacl_finds(triples: list[tuple]) -> None:
    """SPARQL constraints answered by Oxigraph (or by rdflib where Oxigraph refuses the query),
    property shapes checked for all focus nodes at once (or one by one where two focus nodes
    share a value): the results plain pySHACL gives, on any small graph. (The queries keep to
    expressions SPARQL defines for every value: see the test below for one it does not.)"""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    data = list(ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    ours = Checker(ShaclGraph().parse(data=ENGINE_SHAPES, format="turtle"), []).check(data)
    _, report, _ = pyshacl.validate(to_rdflib(data), shacl_graph=Graph().parse(data=ENGINE_SHAPES, format="turtle"),
                                    abort_on_first=False, allow_warnings=True)
    assert ordered(ours) == ordered(results_of(report))


def test_a_sparql_error_is_no_solution_as_the_standard_says() -> None:
    """STR of a blank node is an error in SPARQL 1.1, so the FILTER fails and there is no
    result; rdflib's engine answers with the node's id instead. The shapes' own queries apply
    STR and SUBSTR only to values other shapes require to be strings and integers."""
    shapes = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ;
    sh:sparql [ sh:select '''SELECT $this ?value WHERE {
        $this <http://example.org/p> ?value FILTER (STR(?value) != "") }''' ] .
"""
    data = [ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), value)
            for value in (ox.BlankNode("b1"), ox.Literal("x"))]
    ours = Checker(ShaclGraph().parse(data=shapes, format="turtle"), []).check(data)
    _, report, _ = pyshacl.validate(to_rdflib(data), shacl_graph=Graph().parse(data=shapes, format="turtle"),
                                    abort_on_first=False, allow_warnings=True)
    assert [r.value for r in ours] == ["x"]
    assert sorted(r.value for r in results_of(report)) == ["b1", "x"]


def test_texts_are_checked_by_oxigraph_and_shapes_for_all_nodes_at_once(built: BuildResult, project: Project,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """On the seed article with a moved offset: the same results as plain pySHACL, with rdflib's
    SPARQL engine never asked and each top-level property shape validated for many nodes at once."""
    from pyshacl.shape import Shape

    from kg.namespaces import OA

    triples, ontology = quads(tamper(built, OA.TextPositionSelector, OA.start, one_further))
    expected = ordered(reference(project.shapes_file, triples, ontology))
    checker = Checker.load(project.shapes_file, ontology)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("rdflib's SPARQL engine was asked")

    focus_sizes: list[int] = []
    validate = Shape.validate

    def counted(self: Shape, executor: object, graph: object, focus: object = None, **kwargs: object) -> object:
        focus_sizes.append(len(focus) if isinstance(focus, list) else 1)
        return validate(self, executor, graph, focus, **kwargs)

    monkeypatch.setattr(Graph, "query", refuse)
    monkeypatch.setattr(Shape, "validate", counted)
    ours = ordered(checker.check(triples))
    assert ours == expected and any("offsets" in row[-1] for row in ours)
    assert max(focus_sizes) > 100
