"""Region identifiers from the vendored public sources: made again byte for byte, unique, one
Kemendagri code per region, the known traps avoided, and the disagreements reported."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.build.compile import BuildResult
from kg.cli import main
from kg.errors import SourceError
from kg.link.identifiers import (
    IDENTIFIERS_FILE,
    REPORT_FILE,
    Made,
    Regions,
    _key,
    make_identifiers,
    read_identifiers,
)
from kg.link.regions import Region, load_regions
from kg.namespaces import GEO, KG
from kg.project import Project
from tests.conftest import ROOT

LINKS = ROOT / "data" / "links"
JATIM = [r for r in load_regions() if r.parent == "35"]


@pytest.fixture(scope="module")
def made() -> Made:
    return make_identifiers(LINKS / "sources")


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str], str]:
    return {(i.code, i.scheme): i.value for i in read_identifiers(LINKS / IDENTIFIERS_FILE)}


def report() -> list[dict[str, str]]:
    with (LINKS / REPORT_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_committed_files_are_what_the_sources_give() -> None:
    """`kg identifiers --check` passes: nothing in regions-identifiers.csv was typed by hand."""
    result = CliRunner().invoke(main, ["identifiers", "--check", "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "disagreements" in result.output


def test_making_twice_gives_the_same_rows(made: Made) -> None:
    again = make_identifiers(LINKS / "sources")
    assert again.identifiers == made.identifiers and again.disagreements == made.disagreements


def test_every_qid_names_one_region_and_every_region_has_one_kemendagri_code(
        committed: dict[tuple[str, str], str], built: BuildResult, project: Project) -> None:
    qids = Counter(value for (_, scheme), value in committed.items() if scheme == "wikidata")
    assert qids and max(qids.values()) == 1
    geonames = Counter(value for (_, scheme), value in committed.items() if scheme == "geonames")
    assert max(geonames.values()) == 1
    graph = built.dataset.graph(project.iris.regions_graph)
    codes = Counter()
    for region in load_regions():
        own = list(graph.objects(project.iris.region(region.code), KG.regionCode))
        assert own == [Literal(region.code)]
        codes[region.code] += 1
    assert len(codes) == 552 and max(codes.values()) == 1


def test_every_regency_and_city_of_jawa_timur_has_a_qid_a_geonames_area_and_a_bps_code(
        committed: dict[tuple[str, str], str]) -> None:
    assert len(JATIM) == 38
    for region in JATIM:
        for scheme in ("wikidata", "geonames", "bps"):
            assert (region.code, scheme) in committed, (region.name, scheme)
    assert committed[("35", "iso3166-2")] == "ID-JI" and committed[("35", "wikidata")] == "Q3586"
    assert committed[("35.78", "wikidata")] != "Q8652"  # Miami, paired with Surabaya in random files online


def test_a_regency_and_its_city_get_their_own_adm2_areas_not_the_seat_towns(made: Made) -> None:
    """Wikidata gives Kabupaten and Kota Malang the same GeoNames id (the city, a populated place);
    the linked ids are GeoNames' two ADM2 areas, and the report says so."""
    rows = {(i.code, i.scheme): i for i in made.identifiers}
    regency, city = rows[("35.07", "geonames")], rows[("35.73", "geonames")]
    assert regency.value != city.value and regency.feature == city.feature == "A.ADM2"
    flagged = [d for d in report() if d["code"] == "35.07" and d["scheme"] == "geonames"]
    assert flagged and flagged[0]["first"] == "wikidata: 1636722"


def test_provinces_the_export_predates_stay_without_a_qid(committed: dict[tuple[str, str], str]) -> None:
    for code in ("93", "94", "95", "96"):  # Papua Selatan, Tengah, Pegunungan, Barat Daya (2022)
        assert (code, "wikidata") not in committed
        assert any(d["code"] == code and d["scheme"] == "wikidata" for d in report())
    assert committed[("91", "wikidata")] == "Q5095"


def test_a_point_two_regions_share_is_left_out_and_reported(made: Made) -> None:
    shared = [d for d in made.disagreements if d.scheme == "point" and "another region" in d.second]
    assert {"35.07", "35.73"} <= {d.code for d in shared}  # Kabupaten and Kota Malang: both the city's point
    kept = {i.code for i in made.identifiers if i.scheme == "point"}
    assert not kept & {d.code for d in shared}


def test_every_disagreement_says_what_was_kept(made: Made) -> None:
    assert made.disagreements
    assert all(d.outcome.startswith(("kept", "left out")) for d in made.disagreements)


def test_the_build_states_codes_and_points_with_their_sources(union: Dataset, project: Project) -> None:
    surabaya = project.iris.region("35.78")
    assert (surabaya, SKOS.notation, Literal("3578", datatype=KG.BPSCode)) in union
    assert any(union.triples((surabaya, GEO.lat, None)))
    lat = next(union.objects(surabaya, GEO.lat))
    assert lat.datatype == XSD.decimal and -8.0 < float(lat) < -7.0
    assert (surabaya, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q11462")) in union
    records = list(union.subjects(KG.linkSubject, surabaya))
    methods = [str(m) for r in records for m in union.objects(r, KG.linkMethod)]
    assert any("CC-BY-4.0" in m for m in methods) and any("CC0-1.0" in m for m in methods)


def test_a_damaged_identifiers_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / IDENTIFIERS_FILE
    shutil.copy(LINKS / IDENTIFIERS_FILE, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",wikidata,Q", ",wikidata,X", 1) if ",wikidata,Q" in lines[3] else lines[3].replace(
        ",geonames,", ",geonames,x", 1).replace(",bps,", ",bps,x", 1).replace(",iso3166-2,", ",iso3166-2,x", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_identifiers(path)
    assert caught.value.location.line == 4


REGENCIES = [r for r in load_regions() if r.kind != "province"]


@given(st.sampled_from(REGENCIES), st.sampled_from(["{}", "{} Regency", "KAB. {}", "Kab {}", "KABUPATEN {}"]),
       st.booleans())
def test_a_region_is_found_however_a_source_writes_its_name(region: Region, form: str, upper: bool) -> None:
    """BPS writes KAB. X, GeoNames Kabupaten X or X Regency, the Wikidata export X: all find the
    same region, by its code when the code agrees and by name and kind when it does not."""
    regions = Regions(load_regions())
    bare = region.name.split(" ", 1)[1].removeprefix("Administrasi ")
    written = (form if region.kind == "regency" else form.replace("KAB.", "KOTA").replace("Kab", "Kota")
               .replace("KABUPATEN", "KOTA").replace("Regency", "City")).format(bare)
    written = written.upper() if upper else written
    found, how = regions.match(region.code.replace(".", ""), written, region.kind)
    assert found == region and how == "Kemendagri code, name and kind agree"
    if (_key(written), region.kind) in regions.by_name:  # a wrong code falls back on a unique name
        assert regions.match("99.99", written, region.kind)[0] == region
