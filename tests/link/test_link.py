"""The reconciler: normalisation, scoring on small crafted cases (near misses, a kecamatan
named like its regency, Kota or Kabupaten), review output, decisions, idempotence, round
trips, every place of the first article, and bad targets that leave existing links alone."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS, XSD

from kg.build.compile import BuildResult, build, compile_dataset
from kg.build.validate import validate
from kg.cli import main
from kg.errors import Location, SourceError
from kg.link.linksets import LinkRecord, Linkset, check_linkset, linkset_graph, read_records
from kg.link.reconcile import ABBREVIATIONS, DECIDED, Name, Place, decide, link, normalise, review_csv
from kg.link.targets import Record
from kg.namespaces import KG
from kg.project import Project, open_project
from tests.build.test_validate import copy_dataset
from tests.conftest import ROOT
from tests.query.test_remote_bounds import DRIP_BYTES, hostile, taken  # noqa: F401 - the hostile server fixture

DATE = "2026-11-28"


def region(code: str) -> str:
    return f"https://w3id.org/ekodigi/id/wilayah-{code.replace('.', '')}"


# --- normalisation -------------------------------------------------------------------------

PREFIXES = {"Kabupaten": "regency", "Kab.": "regency", "kab": "regency", "KOTA": "city", "Kota": "city",
            "Provinsi": "province", "Prov.": "province", "Kecamatan": "district", "Kec.": "district"}
_RESERVED = set(ABBREVIATIONS) | {"kabupaten", "kab", "kota", "provinsi", "prov", "propinsi", "kecamatan", "kec",
                                   "distrik", "administrasi", "adm"}
words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(lambda w: w not in _RESERVED),
                 min_size=1, max_size=3)


@given(words, st.sampled_from(sorted(PREFIXES)), st.sampled_from([" ", "  ", ". ", " - "]))
def test_prefixes_state_the_kind_and_drop_out(name: list[str], prefix: str, gap: str) -> None:
    plain = " ".join(name)
    assert normalise(f"{prefix}{gap}{plain}") == Name(plain, PREFIXES[prefix])
    assert normalise(plain) == Name(plain, None)


@given(words, st.sampled_from([str.upper, str.title, str.lower, str.swapcase]),
       st.sampled_from([",", ".", "!", "'", "(", ")", "  "]))
def test_case_and_punctuation_do_not_matter(name: list[str], case, mark: str) -> None:
    text = " ".join(name)
    assume(text.strip())
    assert normalise(case(text) + mark).key == normalise(mark + text).key == text


@given(st.sampled_from(sorted(ABBREVIATIONS)), st.sampled_from(["", "Provinsi ", "Prov. "]))
def test_regional_abbreviations_expand(short: str, prefix: str) -> None:
    assert normalise(prefix + short.upper()).key == normalise(ABBREVIATIONS[short]).key


def test_accents_and_examples() -> None:
    assert normalise("Kab. Malang") == Name("malang", "regency")
    assert normalise("KOTA MALANG") == Name("malang", "city")
    assert normalise("Jatim") == Name("jawa timur")
    assert normalise("Provinsi Jawa Timur") == Name("jawa timur", "province")
    assert normalise("Kotabaru") == Name("kotabaru", None)  # a name that starts like a prefix is not one
    assert normalise("Bandung Barát").key == "bandung barat"


# --- scoring on crafted cases --------------------------------------------------------------

def place(label: str, kind: str | None, province: str | None = "jawa timur", *aliases: str) -> Place:
    ident = normalise(label).key.replace(" ", "-")
    return Place(URIRef(f"https://example.org/{ident}"), ident, label, (label, *aliases), kind, province)


def rec(iri: str, label: str, kind: str | None, province: str | None, code: str | None = None) -> Record:
    return Record(URIRef(f"https://example.org/ref/{iri}"), label, (), kind, province, code)


REFS = (
    rec("3507", "Kabupaten Malang", "regency", "Jawa Timur", "35.07"),
    rec("3573", "Kota Malang", "city", "Jawa Timur", "35.73"),
    rec("3327", "Kabupaten Pemalang", "regency", "Jawa Tengah", "33.27"),
    rec("3515", "Kabupaten Sidoarjo", "regency", "Jawa Timur", "35.15"),
    rec("351508", "Sidoarjo", "district", None, "35.15.08"),  # the kecamatan of the same name
    rec("35", "Jawa Timur", "province", None, "35"),
)


def test_a_confirmed_unique_match_links() -> None:
    outcome = decide(place("Kabupaten Malang", "regency"), REFS)
    assert outcome.status == "linked" and outcome.relation == SKOS.exactMatch
    assert [c.record.code for c in outcome.candidates] == ["35.07"] and outcome.candidates[0].score == 1.0


def test_kota_or_kabupaten_malang_stays_ambiguous() -> None:
    outcome = decide(place("Malang", None), REFS)
    assert outcome.status == "ambiguous" and outcome.relation is None
    assert sorted(c.record.code for c in outcome.candidates) == ["35.07", "35.73"]


def test_pemalang_is_never_malang() -> None:
    for kind in ("regency", None):
        outcome = decide(place("Malang", kind, None), REFS)
        assert "33.27" not in {c.record.code for c in outcome.candidates if c.exact}
    near = decide(place("Malang", "regency", "jawa tengah"), REFS)  # no Malang in Jawa Tengah
    assert near.status == "near-miss" and near.relation is None
    assert [c.record.code for c in near.candidates] == ["33.27"] and near.candidates[0].score < 0.9


def test_a_kecamatan_named_like_its_regency() -> None:
    regency = decide(place("Sidoarjo", "regency"), REFS)
    assert regency.status == "linked" and regency.candidates[0].record.code == "35.15"
    unknown = decide(place("Sidoarjo", None, None), REFS)  # a place of unstated kind: never guessed
    assert unknown.status == "ambiguous"
    assert sorted(c.record.code for c in unknown.candidates) == ["35.15", "35.15.08"]


def test_kind_or_province_contradictions_drop_a_candidate() -> None:
    assert decide(place("Kota Malang", "city"), REFS).candidates[0].record.code == "35.73"
    assert decide(place("Sidoarjo", "regency", "jawa barat"), REFS).status in {"near-miss", "unmatched"}


def test_an_unconfirmed_kind_is_only_reviewed() -> None:
    outcome = decide(place("Pemalang", None, None), REFS)
    assert outcome.status == "unconfirmed" and outcome.relation is None


def test_a_province_by_its_abbreviation() -> None:
    outcome = decide(place("Jatim", "province", None), REFS)
    assert outcome.status == "linked" and outcome.candidates[0].record.code == "35"


def test_the_review_file_lists_every_candidate() -> None:
    outcomes = tuple(decide(p, REFS) for p in (place("Malang", None), place("Kabupaten Malang", "regency"),
                                                place("Atlantis", "regency")))
    table = list(csv.DictReader(io.StringIO(review_csv(outcomes).decode())))
    assert [(r["entity"], r["status"], r["code"]) for r in table] == [
        ("atlantis", "unmatched", ""), ("malang", "ambiguous", "35.07"), ("malang", "ambiguous", "35.73")]


# --- the first article ---------------------------------------------------------------------

EXPECTED = {  # written from the article and the Kemendagri list, not from the output
    "jawa-timur": "35", "surabaya": "35.78", "sidoarjo": "35.15", "jember": "35.09", "pamekasan": "35.28",
    "bojonegoro": "35.22", "kota-malang": "35.73", "kabupaten-malang": "35.07", "kota-madiun": "35.77",
    "kabupaten-madiun": "35.19",
}


def test_every_place_of_the_first_article_resolves(built: BuildResult, project: Project) -> None:
    graph = built.dataset.graph(project.iris.linkset_graph("regions"))
    links = {project.iris.local_id(s): project.iris.local_id(o) for s, o in graph.subject_objects(SKOS.exactMatch)}
    assert links == {ident: "wilayah-" + code.replace(".", "") for ident, code in EXPECTED.items()}
    ambiguous = {r.subject: {project.iris.local_id(o) for o in r.objects}
                 for r in read_records(graph) if r.relation is None}
    assert ambiguous == {project.iris.entity("malang"): {"wilayah-3507", "wilayah-3573"},
                         project.iris.entity("madiun"): {"wilayah-3519", "wilayah-3577"}}
    review = (ROOT / "data" / "links" / "regions.review.csv").read_text(encoding="utf-8")
    assert "malang,Malang,ambiguous" in review and "madiun,Madiun,ambiguous" in review


def test_the_committed_links_are_what_the_reconciler_makes(project_copy: Path) -> None:
    """Re-running, even on a later day, changes nothing: unchanged links keep their dates."""
    before = {p.name: p.read_bytes() for p in (project_copy / "data" / "links").iterdir() if p.is_file()}
    project = open_project(project_copy)
    link(project, lambda: compile_dataset(project), "regions", "2030-01-01")
    after = {p.name: p.read_bytes() for p in (project_copy / "data" / "links").iterdir() if p.is_file()}
    assert after == before


def test_links_round_trip_through_the_build(built: BuildResult, project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--out", str(out),
                                       "--base", "https://data.example.go.id/kg/"])
    assert result.exit_code == 0, result.output
    reread = Graph().parse(out / "graph.ttl")
    moved = URIRef("https://data.example.go.id/kg/sidoarjo"), URIRef("https://data.example.go.id/kg/wilayah-3515")
    assert (moved[0], SKOS.exactMatch, moved[1]) in reread
    original = built.dataset.graph(project.iris.linkset_graph("regions"))
    assert (project.iris.entity("sidoarjo"), SKOS.exactMatch, project.iris.region("35.15")) in original


def test_curated_identifiers(built: BuildResult, project: Project) -> None:
    graph = built.dataset.graph(project.iris.linkset_graph("identifiers-wikidata"))
    assert (project.iris.entity("jawa-timur"), SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q3586")) in graph
    assert all("checked against: " in r.method and r.score == 1.0 for r in read_records(graph))


# --- decisions -----------------------------------------------------------------------------

def write_decisions(root: Path, text: str) -> None:
    (root / "data" / "links" / "decisions.yaml").write_text(text, encoding="utf-8")


def test_a_decision_overrides_the_reconciler(project_copy: Path) -> None:
    write_decisions(project_copy, f"""decisions:
  - linkset: regions
    entity: malang
    link: "3573"
    relation: closeMatch
    date: 2026-12-01
    note: a later article names Kota Malang
  - linkset: regions
    entity: sidoarjo
    link: none
    date: 2026-12-01
  - linkset: elsewhere
    entity: sidoarjo
    link: "35.07"
    date: {DATE}
""")
    project = open_project(project_copy)
    report = link(project, lambda: compile_dataset(project), "regions", DATE)
    records = {r.subject.rsplit("/", 1)[-1]: r for r in read_records(Graph().parse(report.linkset_file))}
    assert records["malang"].relation == SKOS.closeMatch and records["malang"].method == DECIDED
    assert records["malang"].objects == (URIRef(region("35.73")),) and records["malang"].date == "2026-12-01"
    assert "sidoarjo" not in records
    assert "sidoarjo,Sidoarjo,rejected" in report.review_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("decisions:\n  - linkset: regions\n    entity: malang\n    link: '99.99'\n    date: 2026-12-01\n",
     "decisions.yaml:4: decisions[0].link: '99.99' is not a record of the regions target"),
    ("decisions:\n  - linkset: regions\n    entity: malang\n    link: '35.73'\n",
     "decisions[0].date: a decision needs its date"),
    ("decisions:\n  - linkset: regions\n    entity: atlantis\n    link: '35.73'\n    date: 2026-12-01\n",
     "decision(s) for atlantis, which are not places"),
    ("decisions:\n  - linkset: regions\n    entity: malang\n    link: '35.73'\n    date: 2026-12-01\n"
     "    relation: sameAs\n", "unknown relation"),
])
def test_bad_decisions(project_copy: Path, text: str, message: str) -> None:
    write_decisions(project_copy, text)
    before = (project_copy / "data" / "links" / "regions.ttl").read_bytes()
    result = CliRunner().invoke(main, ["link", "regions", "--date", DATE, "--project", str(project_copy)])
    assert result.exit_code == 1 and message in result.stderr
    assert (project_copy / "data" / "links" / "regions.ttl").read_bytes() == before


# --- other targets -------------------------------------------------------------------------

def run_link(root: Path, target: str, *extra: str):
    return CliRunner().invoke(main, ["link", target, "--date", DATE, "--project", str(root), *extra])


def test_a_csv_target(project_copy: Path, tmp_path: Path) -> None:
    table = tmp_path / "bps-wilayah.csv"
    table.write_text("\ufeffid,label,kind,parent,code\n"  # with the BOM spreadsheets write
                     "https://example.org/35,Provinsi Jawa Timur,provinsi,,35\n"
                     "https://example.org/3515,Kab. Sidoarjo,kabupaten,35,35.15\n"
                     "https://example.org/351508,Sidoarjo,kecamatan,3515,351508\n"
                     "https://example.org/3578,KOTA SURABAYA,kota,35,3578\n", encoding="utf-8")
    result = run_link(project_copy, f"csv:{table}")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(project_copy / "data" / "links" / "bps-wilayah.ttl")
    links = {(str(s).rsplit("/", 1)[-1], str(o)) for s, o in graph.subject_objects(SKOS.exactMatch)}
    assert links == {("jawa-timur", "https://example.org/35"), ("sidoarjo", "https://example.org/3515"),
                     ("surabaya", "https://example.org/3578")}
    copy = open_project(project_copy)
    assert len(build(copy).dataset.graph(copy.iris.linkset_graph("bps-wilayah"))), "kg build loads the new linkset"


def test_an_rdf_target(project_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "places.ttl"
    data.write_text("""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix kg: <https://w3id.org/ekodigi/def#> .
<https://example.org/jatim> a kg:Province ; rdfs:label "Jawa Timur"@id .
<https://example.org/jember> a kg:Regency ; rdfs:label "Kabupaten Jember"@id ; kg:within <https://example.org/jatim> .
""", encoding="utf-8")
    result = run_link(project_copy, f"rdf:{data}", "--name", "example")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(project_copy / "data" / "links" / "example.ttl")
    jember = URIRef("https://w3id.org/ekodigi/id/jember")
    assert (jember, SKOS.exactMatch, URIRef("https://example.org/jember")) in graph


@pytest.fixture
def endpoint() -> Iterator[dict]:
    """A SPARQL endpoint on 127.0.0.1 whose answer each test sets: JSON results or garbage."""
    state: dict = {"status": 200, "body": b""}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state["path"] = self.path
            self.send_response(state["status"])
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(state["body"])

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    yield state
    server.shutdown()
    server.server_close()


def sparql_json(*rows: tuple[str, str, str]) -> bytes:
    bindings = [{"item": {"type": "uri", "value": item}, "label": {"type": "literal", "value": label},
                 "kind": {"type": "literal", "value": kind}} for item, label, kind in rows]
    return json.dumps({"head": {"vars": ["item", "label", "kind"]}, "results": {"bindings": bindings}}).encode()


def test_a_sparql_endpoint(project_copy: Path, endpoint: dict) -> None:
    endpoint["body"] = sparql_json(("https://example.org/q1", "Kabupaten Pamekasan", "kabupaten"),
                                   ("https://example.org/q2", "Kota Madiun", "kota"))
    result = run_link(project_copy, f"sparql:{endpoint['url']}", "--name", "wd")
    assert result.exit_code == 0, result.output
    assert "query=" in endpoint["path"]
    graph = Graph().parse(project_copy / "data" / "links" / "wd.ttl")
    assert {str(s).rsplit("/", 1)[-1] for s in graph.subjects(SKOS.exactMatch)} == {"pamekasan", "kota-madiun"}


BAD_ANSWERS = [(200, b"<html>not json</html>", "did not answer with SPARQL JSON results"),
               (200, b'{"results": {"bindings": [{"label": {"type": "literal", "value": "x"}}]}}',
                "a result has no ?item IRI"),
               (500, b"oops", "answered HTTP 500")]


@pytest.mark.parametrize(("status", "body", "message"), BAD_ANSWERS)
def test_an_endpoint_answering_garbage(project_copy: Path, endpoint: dict, status: int, body: bytes,
                                       message: str) -> None:
    endpoint.update(status=status, body=body)
    before = (project_copy / "data" / "links" / "regions.ttl").read_bytes()
    result = run_link(project_copy, f"sparql:{endpoint['url']}", "--name", "regions")
    assert result.exit_code == 1 and message in result.stderr
    assert (project_copy / "data" / "links" / "regions.ttl").read_bytes() == before


def test_an_endpoint_that_is_down(project_copy: Path) -> None:
    with HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as closed:
        port = closed.server_address[1]  # bound, then closed: nothing listens there
    result = run_link(project_copy, f"sparql:http://127.0.0.1:{port}/sparql")
    assert result.exit_code == 1 and "cannot reach the SPARQL endpoint" in result.stderr
    assert not (project_copy / "data" / "links" / "sparql.ttl").exists()


@pytest.mark.parametrize(("path", "message"), [
    ("/endless", "answered with more than 1 MiB; refused"),
    ("/declared-huge", "answered with more than 1 MiB; refused"),
    ("/drip-body", "did not answer within 2 s"),
    ("/drip-head", "did not answer within 2 s"),
])
def test_a_hostile_endpoint_is_refused_on_one_line(project_copy: Path, hostile: str,  # noqa: F811 - the fixture's value
                                                    monkeypatch: pytest.MonkeyPatch, path: str, message: str) -> None:
    """Too large an answer is refused as it streams in; a trickling one is given up on at the deadline."""
    monkeypatch.setattr("kg.link.targets.TIMEOUT", 2)
    monkeypatch.setattr("kg.link.targets.MAX_ANSWER", 2**20)
    before = (project_copy / "data" / "links" / "regions.ttl").read_bytes()
    start = time.monotonic()
    result = run_link(project_copy, f"sparql:{hostile}{path}", "--name", "regions")
    assert time.monotonic() - start < DRIP_BYTES / 3  # not the drip's 30 s
    assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: the SPARQL endpoint {hostile}{path} ") and message in result.stderr
    assert "query=" not in result.stderr  # the URL as the user gave it, not with the query appended
    if path == "/endless":
        assert taken() < 32 * 2**20
    assert (project_copy / "data" / "links" / "regions.ttl").read_bytes() == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.csv", None, "cannot read"),
    ("nolabel.csv", "id,name\nhttps://example.org/1,Sidoarjo\n", "nolabel.csv:1: missing column(s) label"),
    ("badcode.csv", "id,label,code\nhttps://example.org/1,Sidoarjo,35.1\n",
     "badcode.csv:2: code: '35.1' is not a Kemendagri region code"),
    ("notiri.csv", "id,label\n3515,Sidoarjo\n", "notiri.csv:2: id '3515' is not an http(s) IRI"),
    ("broken.ttl", "<a> <b> .", "is not readable RDF"),
    ("missing.ttl", None, "cannot read"),
])
def test_bad_target_files(project_copy: Path, tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    scheme = "csv" if name.endswith(".csv") else "rdf"
    before = {p.name: p.read_bytes() for p in (project_copy / "data" / "links").iterdir() if p.is_file()}
    result = run_link(project_copy, f"{scheme}:{path}", "--name", "regions")
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "hint:" in result.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "data" / "links").iterdir() if p.is_file()} == before


def test_a_malformed_linkset_is_reported(project_copy: Path) -> None:
    (project_copy / "data" / "links" / "regions.ttl").write_text("@prefix id: <oops", encoding="utf-8")
    result = run_link(project_copy, "regions")
    assert result.exit_code == 1 and "regions.ttl: the linkset does not parse" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere:x"], "unknown link target 'nowhere:x'"),
    (["regions", "--name", "Bad Name"], "'Bad Name' is not a linkset name"),
])
def test_bad_arguments(project_copy: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["link", *args, "--date", DATE, "--project", str(project_copy)])
    assert result.exit_code == 1 and message in result.stderr


def test_the_date_is_required_and_checked(project_copy: Path) -> None:
    assert CliRunner().invoke(main, ["link", "regions", "--project", str(project_copy)]).exit_code == 2
    result = CliRunner().invoke(main, ["link", "regions", "--date", "2026-02-30", "--project", str(project_copy)])
    assert result.exit_code == 1 and "--date '2026-02-30'" in result.stderr


def test_the_shapes_check_links(built: BuildResult, project: Project) -> None:
    dataset = copy_dataset(built)
    entry = URIRef(f"{project.iris.linkset('regions')}/sidoarjo")
    graph = dataset.graph(project.iris.linkset_graph("regions"))
    graph.set((entry, KG.linkRelation, OWL.sameAs))
    graph.set((entry, KG.linkScore, Literal("1.5", datatype=XSD.decimal)))
    report = validate(dataset, project.shapes_file, project.base)
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    # owl:sameAs is no link relation: the record then points to no IRI the way a link must (sh:or)
    assert {("https://w3id.org/ekodigi/id/linkset/regions/sidoarjo", "kg:linkRelation"),
            ("https://w3id.org/ekodigi/id/linkset/regions/sidoarjo", None)} & found
    assert ("https://w3id.org/ekodigi/id/linkset/regions/sidoarjo", "kg:linkScore") in found


def test_linkset_records_round_trip(project: Project) -> None:
    iris = project.iris
    records = (
        LinkRecord(iris.entity("sidoarjo"), (iris.region("35.15"),), SKOS.exactMatch, "m", 0.9, DATE, "sidoarjo"),
        LinkRecord(iris.entity("malang"), (iris.region("35.07"), iris.region("35.73")), None, "m", 0.8, DATE, "malang"),
    )
    graph = linkset_graph(Linkset("t", "a test", URIRef("https://example.org/"), records), iris)
    reread = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert sorted(read_records(reread), key=lambda r: r.key) == sorted(records, key=lambda r: r.key)
    assert (iris.entity("sidoarjo"), SKOS.exactMatch, iris.region("35.15")) in reread
    assert not list(reread.subject_objects(SKOS.exactMatch))[1:], "an ambiguity makes no link"


def test_a_query_that_does_not_parse(project_copy: Path, tmp_path: Path) -> None:
    data, query = tmp_path / "places.ttl", tmp_path / "bad.rq"
    data.write_text("<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n", encoding="utf-8")
    query.write_text("SELECT ?item WHERE {", encoding="utf-8")
    result = run_link(project_copy, f"rdf:{data}", "--query", str(query))
    assert result.exit_code == 1 and "does not run" in result.stderr


@pytest.mark.parametrize(("path", "old", "new", "message"), [
    ("identifiers.yaml", "wikidata: Q3586", "wikidata: 3586", "identifiers[1].wikidata: '3586' is not a wikidata id"),
    ("identifiers.yaml", "entity: jawa-timur", "entity: jawa-tengah", "unknown entity 'jawa-tengah'"),
    ("identifiers.yaml", "checked: 2026-11-28\n    note", "checked: 2026-11-31\n    note", "identifiers[1].checked"),
    ("regions.ttl", "id:surabaya", "id:atlantis", "regions.ttl: links https://w3id.org/ekodigi/id/atlantis"),
])
def test_bad_link_data_stops_the_build(project_copy: Path, tmp_path: Path, path: str, old: str, new: str,
                                       message: str) -> None:
    file = project_copy / "data" / "links" / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(project_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and message in result.stderr, result.stderr


def test_what_kg_link_writes_passes_the_linkset_check(project: Project) -> None:
    """check_linkset accepts every kind of record linkset_graph writes, as Turtle read back."""
    iris = project.iris
    records = (
        LinkRecord(iris.entity("sidoarjo"), (iris.region("35.15"),), SKOS.exactMatch, "m", 0.9, DATE, "sidoarjo"),
        LinkRecord(iris.entity("jember"), (URIRef("https://www.wikidata.org/entity/Q1"),), SKOS.closeMatch,
                   "editor", 1.0, DATE, "jember", note="the regency"),
        LinkRecord(iris.entity("malang"), (iris.region("35.07"), iris.region("35.73")), None, "m", 0.8, DATE, "malang"),
    )
    graph = linkset_graph(Linkset("t", "a test", URIRef("https://example.org/"), records), iris)
    reread = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    check_linkset(reread, "t", iris, Location(Path("t.ttl")))
    with pytest.raises(SourceError, match="is not something a linkset holds"):
        check_linkset(reread, "other-name", iris, Location(Path("t.ttl")))


# --- organisations' facts, checked by an editor ---------------------------------------------

ORGANISATION_FACTS = """
  - entity: pemprov-jatim
    website: https://example.org/jatim
    legal_name: Pemerintah Provinsi Contoh
    source: a test page, https://example.org/about (not a real source)
    checked: 2026-12-01
  - entity: lazada
    parent: Q1
    source: a test file, example/repo data/orgs.csv at 0000000 (not a real source)
    checked: 2026-12-01
  - entity: dinas-kukm-jatim
    parent: pemprov-jatim
    source: the test's own data
    checked: 2026-12-01
"""


def _with_facts(root: Path, extra: str = ORGANISATION_FACTS) -> None:
    path = root / "data" / "links" / "identifiers.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")


def test_organisation_facts_reach_the_graph_with_their_source(project_copy: Path, tmp_path: Path) -> None:
    """As an editor drives it: facts added to identifiers.yaml, kg build, kg validate, and
    kg query external-identifiers lists them with their source and date; an organisation tied
    to no place (Lazada) is listed for any region, one with a jurisdiction only for its own."""
    _with_facts(project_copy)
    out = str(tmp_path / "out")
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--project", str(project_copy), "--out", out])
    assert built.exit_code == 0, built.output
    assert runner.invoke(main, ["validate", "--project", str(project_copy), "--out", out]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, [
        "query", "external-identifiers", "--project", str(project_copy), "--out", out, "-f", "csv"]).stdout)))
    facts = {(r["entity"].rsplit("/", 1)[-1], r["relation"], r["target"]): r for r in rows
             if r["relation"].startswith("https://schema.org/")}
    website = facts[("pemprov-jatim", "https://schema.org/url", "https://example.org/jatim")]
    assert website["method"] == "editor, checked against: a test page, https://example.org/about (not a real source)"
    assert website["date"] == "2026-12-01" and website["linkset"].endswith("/identifiers-website")
    assert ("pemprov-jatim", "https://schema.org/legalName", "Pemerintah Provinsi Contoh") in facts
    assert ("lazada", "https://schema.org/parentOrganization", "http://www.wikidata.org/entity/Q1") in facts
    parent = ("dinas-kukm-jatim", "https://schema.org/parentOrganization", "https://w3id.org/ekodigi/id/pemprov-jatim")
    assert parent in facts
    elsewhere = runner.invoke(main, ["query", "external-identifiers", "--project", str(project_copy), "--out", out,
                                     "-f", "csv", "--param", "within=sidoarjo"])
    listed = {row.split(",")[0].rsplit("/", 1)[-1] for row in elsewhere.stdout.splitlines()[1:]}
    assert "lazada" in listed and "pemprov-jatim" not in listed


@pytest.mark.parametrize(("fact", "message"), [
    ("website: jatimprov.go.id", "identifiers[2].website: 'jatimprov.go.id' is not a website"),
    ("legal_name: ''", "identifiers[2].legal_name: nothing is not a legal name"),
    ("parent: pemprov-jateng", "identifiers[2].parent: 'pemprov-jateng' is not a parent"),
])
def test_a_fact_that_cannot_be_one_stops_the_build(project_copy: Path, tmp_path: Path, fact: str,
                                                   message: str) -> None:
    _with_facts(project_copy, f"  - entity: pemprov-jatim\n    {fact}\n    source: s\n    checked: 2026-12-01\n")
    result = CliRunner().invoke(main, ["build", "--project", str(project_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1, result.stderr
