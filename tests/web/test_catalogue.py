"""The explorer's catalogue: names folded for search, the prefix index and its ranking, facets
that count among what the other filters keep, and the catalogue read from the real build."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.build.store import open_store
from kg.project import Project
from kg.query.engine import execute
from kg.web.catalogue import Catalogue, Entry, Filters, acronym, browse, build_catalogue, fold

BASE = "https://example.org/id/"


def entry(local: str, label: str, kind: str = "organisation", **values: object) -> Entry:
    return Entry(BASE + local, local, kind, values.pop("type", "Company"), label, **values)  # type: ignore[arg-type]


def sample() -> Catalogue:
    return Catalogue([
        entry("lazada", "Lazada", aliases=["Lazada Indonesia"], articles={"a1", "a2"}, degree=4),
        entry("dinas", "Dinas Koperasi dan UKM Jawa Timur", aliases=["Dinas KUKM Jatim"], articles={"a1"}),
        entry("jatim", "Jawa Timur", "place", type="Province", aliases=["Jatim"], articles={"a1", "a2", "a3"}),
        entry("mjc", "Millenial Job Center", "program", type="Program", aliases=["MJC"], articles={"a2"}),
        entry("sidoarjo", "Sidoarjo", "place", type="Regency", articles={"a2"}),
        entry("hotel", "Hotel Luminor", "place", type="Hotel", places={BASE + "sidoarjo"}, articles={"a2"}),
        entry("cafe", "Kafé Kopi Ñusantara", articles={"a3"}),
        entry("k1", "Kolaborasi A", "collaboration", type="Collaboration", statuses={"planned"},
              places={BASE + "jatim"}, years={"2022"}, articles={"a1"}),
        entry("k2", "Kolaborasi B", "collaboration", type="Collaboration", statuses={"completed"},
              places={BASE + "jatim", BASE + "sidoarjo"}, years={"2023"}, articles={"a2"}),
        entry("k3", "Kolaborasi C", "collaboration", type="Collaboration", statuses={"planned"},
              places={BASE + "sidoarjo", BASE + "hotel"}, years={"2023"}, articles={"a3"}),
    ])


def labels(hits: list) -> list[str]:
    return [hit.entry.label for hit in hits]


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("Kafé  Kopi-Ñusantara!") == "kafe kopi nusantara"
    assert acronym("Millenial Job Center") == "mjc" and acronym("Lazada Indonesia") == ""


def test_search_is_accent_and_case_insensitive_and_matches_prefixes() -> None:
    cat = sample()
    assert labels(cat.search("KAFE")) == ["Kafé Kopi Ñusantara"]
    assert labels(cat.search("nusan")) == ["Kafé Kopi Ñusantara"]  # a later word's prefix
    assert labels(cat.search("laz")) == ["Lazada"]
    assert cat.search("   ") == [] and cat.search("zzz") == []


def test_search_finds_aliases_and_acronyms_and_ranks_exact_names_first() -> None:
    cat = sample()
    hits = cat.search("jatim")
    assert labels(hits) == ["Jawa Timur", "Dinas Koperasi dan UKM Jawa Timur"]  # the alias itself, then a word
    assert hits[0].matched == "Jatim"
    assert labels(cat.search("mjc")) == ["Millenial Job Center"]
    assert labels(cat.search("dkdujt")) == ["Dinas Koperasi dan UKM Jawa Timur"]  # initials of the label


@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30),
       st.integers(min_value=1, max_value=30))
def test_every_label_is_found_by_any_prefix_of_it(label: str, cut: int) -> None:
    cat = Catalogue([entry("x", label), entry("y", "Lazada")])
    query = fold(label)[:cut].strip()
    if query:
        assert "x" in [hit.entry.local for hit in cat.search(query, 5)]


def test_facets_count_among_what_the_other_filters_keep() -> None:
    cat = sample()
    listing = browse(cat, "collaboration", Filters(status="planned"))
    assert labels_of(listing.entries) == ["Kolaborasi A", "Kolaborasi C"]
    assert dict(listing.facets["status"]) == {"planned": 2, "completed": 1}  # its own filter ignored
    assert dict(listing.facets["place"]) == {BASE + "jatim": 1, BASE + "sidoarjo": 1}  # regions only: no hotel
    assert labels_of(browse(cat, "collaboration", Filters(place=BASE + "hotel")).entries) == ["Kolaborasi C"]
    assert dict(listing.facets["year"]) == {"2022": 1, "2023": 1}
    both = browse(cat, "collaboration", Filters(status="planned", year="2023"))
    assert labels_of(both.entries) == ["Kolaborasi C"] and both.total == 1


def test_browse_sorts_and_pages() -> None:
    cat = sample()
    by_articles = browse(cat, "organisation", Filters(sort="articles"))
    assert labels_of(by_articles.entries)[0] == "Lazada"
    first = browse(cat, "collaboration", Filters(page=1), size=2)
    last = browse(cat, "collaboration", Filters(page=9), size=2)  # past the end: the last page
    assert (first.pages, labels_of(first.entries), labels_of(last.entries)) == (
        2, ["Kolaborasi A", "Kolaborasi B"], ["Kolaborasi C"])
    assert browse(cat, "collaboration", Filters(), size=None).total == 3


def labels_of(entries: list[Entry]) -> list[str]:
    return [e.label for e in entries]


def test_the_catalogue_of_the_real_build(project: Project, built_out: Path) -> None:
    store = open_store(built_out / "store")
    refs = (str(project.iris.regions_graph), str(project.iris.ns["graph/links/"]))
    cat = build_catalogue(lambda text: execute(store, text), project.base, lambda g: g.startswith(refs))
    andromeda = cat.by_iri[project.base + "andromeda-qomariah"]
    assert (andromeda.label, andromeda.aliases, andromeda.kind) == ("Andromeda Qomariah", ["Andromeda"], "person")
    lazada = cat.by_iri[project.base + "lazada"]
    assert (lazada.type, lazada.count) == ("Company", 1) and lazada.degree >= 3
    articles = cat.of_kind("article")
    assert [a.local for a in articles] == ["article/tribunjatim-2022-08-09-jatim-lazada"]  # not the "read also" one
    assert articles[0].date == "2022-08-09" and articles[0].outlet == project.base + "tribunjatim"
    assert labels(cat.search("ejsc")) == ["East Java Super Corridor"]
    planned = {e.local for e in cat.of_kind("collaboration") if "https://w3id.org/ekodigi/def#planned" in e.statuses}
    assert "kolaborasi-jatim-lazada" in planned
    assert not any(e.iri.startswith(project.base + "wilayah") for e in cat.entries)  # no reference regions
    sidoarjo = project.base + "sidoarjo"
    assert sidoarjo in cat.by_iri[project.base + "pelatihan-umkm-lazada-sidoarjo-2022-08-09"].places
