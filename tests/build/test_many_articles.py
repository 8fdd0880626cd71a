"""Many articles, one ecosystem: shared entities, support counts, statuses over time with ranks.

Crafted articles share lazada, pemprov-jatim and one collaboration whose status changes:
planned in January, ongoing in March, and (in a third article of the same March date) completed.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden" / "many-articles"
KG = "https://w3id.org/ekodigi/def#"
ID = "https://example.org/id/"

ARTICLES = {
    "uji-2023-01-10-rencana": ("2023-01-10", "Selasa (10/1/2023)",
                              "Pemprov Jatim dan Lazada akan bekerja sama dalam pelatihan digital.",
                              "planned", "akan bekerja sama"),
    "uji-2023-03-05-berjalan": ("2023-03-05", "Minggu (5/3/2023)",
                                "Kerja sama pelatihan digital Pemprov Jatim dan Lazada sedang berjalan.",
                                "ongoing", "sedang berjalan"),
    "uji-2023-03-05-selesai": ("2023-03-05", "Minggu (5/3/2023)",
                               "Kerja sama pelatihan digital Pemprov Jatim dan Lazada telah selesai.",
                               "completed", "telah selesai"),
}


def write_article(root: Path, ident: str) -> None:
    published, dateline, sentence, status, cue = ARTICLES[ident]
    text = f"SURABAYA, {dateline} - {sentence}\n"
    (root / "data" / "articles" / f"{ident}.txt").write_text(text, encoding="utf-8")
    (root / "data" / "articles" / f"{ident}.yaml").write_text(f"""\
article:
  id: {ident}
  text: {ident}.txt
  language: id
  published: {published}
entities:
  - id: pemprov-jatim
    type: ProvincialGovernment
    label: Pemprov Jatim
    evidence: "Pemprov Jatim"
  - id: lazada
    type: Company
    label: Lazada
    evidence: "Lazada"
  - id: kolaborasi-pelatihan
    type: Collaboration
    label: Kerja sama pelatihan digital Pemprov Jatim dan Lazada
    participants: [pemprov-jatim, lazada]
    status: {{value: {status}, evidence: "{cue}"}}
    evidence: "{sentence}"
""", encoding="utf-8")


def make_project(root: Path, articles: list[str]) -> Path:
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(ROOT / "queries", root / "queries")
    (root / "data" / "articles").mkdir(parents=True)
    (root / "data" / "dataset.yaml").write_text(f"base: {ID}\ntitle: uji\n", encoding="utf-8")
    for ident in articles:
        write_article(root, ident)
    return root


def build(root: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(root / "out"), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def store(root: Path) -> ox.Store:
    return ox.Store.read_only(str(root / "out" / "store"))


def one(store_: ox.Store, query: str) -> list[str]:
    prefixes = f"PREFIX kg: <{KG}> PREFIX id: <{ID}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    return sorted(str(row[0].value) for row in store_.query(prefixes + query))


def status(root: Path) -> list[str]:
    return one(store(root), "SELECT ?s WHERE { id:kolaborasi-pelatihan kg:status ?s }")


def support(root: Path) -> list[str]:
    return one(store(root), "SELECT ?n WHERE { ?f rdf:subject id:kolaborasi-pelatihan ; "
                            "rdf:predicate kg:participant ; rdf:object id:lazada ; kg:supportCount ?n }")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", ["uji-2023-01-10-rencana", "uji-2023-03-05-berjalan"])


def test_a_shared_entity_is_one_node_that_knows_its_articles(corpus: Path) -> None:
    build(corpus)
    s = store(corpus)
    assert one(s, "SELECT ?n WHERE { id:lazada kg:mentionCount ?n }") == ["2"]
    assert len(one(s, "SELECT ?a WHERE { ?a <https://schema.org/mentions> id:lazada }")) == 2
    assert one(s, "SELECT (COUNT(*) AS ?n) WHERE { id:lazada a kg:Company }") == ["1"]


def test_the_latest_dated_status_is_preferred_and_the_history_keeps_both(corpus: Path) -> None:
    build(corpus)
    assert status(corpus) == [KG + "ongoing"]
    rows = query_rows(corpus, "history", "entity=kolaborasi-pelatihan")
    statuses = [(r["date"], r["value"], r["preferred"]) for r in rows if r["predicate"] == KG + "status"]
    assert statuses == [("2023-01-10", KG + "planned", "false"), ("2023-03-05", KG + "ongoing", "true")]


def test_support_counts_follow_articles_added_and_removed(corpus: Path) -> None:
    build(corpus)
    assert support(corpus) == ["2"]
    (corpus / "data/articles/uji-2023-03-05-berjalan.yaml").unlink()
    build(corpus)
    assert support(corpus) == ["1"] and status(corpus) == [KG + "planned"]
    (corpus / "data/articles/uji-2023-01-10-rencana.yaml").unlink()
    build(corpus)
    assert support(corpus) == [] and status(corpus) == []
    write_article(corpus, "uji-2023-03-05-berjalan")
    build(corpus)
    assert support(corpus) == ["1"] and status(corpus) == [KG + "ongoing"]


def test_incremental_and_full_builds_agree(corpus: Path, tmp_path: Path) -> None:
    build(corpus)
    write_article(corpus, "uji-2023-03-05-selesai")
    (corpus / "data/articles/uji-2023-01-10-rencana.yaml").unlink()
    build(corpus)
    build(corpus, "--full", "--out", str(tmp_path / "full"))
    incremental, full = files(corpus / "out" / "graphs"), files(tmp_path / "full" / "graphs")
    assert sorted(incremental) == sorted(full)
    for name, data in incremental.items():
        assert data == full[name], name


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the corpus graph's shards are in a folder of their own) by its path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_an_editors_rank_overrides_the_latest_source(corpus: Path) -> None:
    (corpus / "data" / "ranks.yaml").write_text("""\
ranks:
  - about: kolaborasi-pelatihan
    field: status
    article: uji-2023-01-10-rencana
    value: planned
    rank: preferred
    reason: the March article reports the training plan, not a start
""", encoding="utf-8")
    build(corpus)
    assert status(corpus) == [KG + "planned"]
    ranks = one(store(corpus), "SELECT ?r WHERE { ?st rdf:subject id:kolaborasi-pelatihan ; "
                               "rdf:predicate kg:status ; kg:rank ?r }")
    assert ranks == [KG + "NormalRank", KG + "PreferredRank"]


def test_a_deprecated_statement_gives_way_to_the_earlier_one(corpus: Path) -> None:
    (corpus / "data" / "ranks.yaml").write_text("""\
ranks:
  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-03-05-berjalan, value: ongoing,
     rank: deprecated, reason: retracted by the outlet}
""", encoding="utf-8")
    build(corpus)
    assert status(corpus) == [KG + "planned"]


def test_sources_of_one_date_that_disagree_are_a_conflict_never_resolved(corpus: Path) -> None:
    write_article(corpus, "uji-2023-03-05-selesai")
    output = build(corpus)
    assert ("kolaborasi-pelatihan's status conflicts on 2023-03-05: ongoing in "
            "data/articles/uji-2023-03-05-berjalan.yaml; completed in") in output
    assert "no value is preferred until data/ranks.yaml ranks one" in output
    assert status(corpus) == []
    rows = query_rows(corpus, "conflicts")
    assert sorted(r["value"] for r in rows) == [KG + "completed", KG + "ongoing"]
    assert {r["date"] for r in rows} == {"2023-03-05"}


@pytest.mark.parametrize("name, params, articles", [
    ("history", ["entity=kolaborasi-pelatihan"], 3), ("current", [], 2), ("conflicts", [], 3)])
def test_golden_results_on_the_crafted_corpus(tmp_path: Path, name: str, params: list[str], articles: int) -> None:
    """history and conflicts of all three articles; current of the first two (the third conflicts)."""
    root = make_project(tmp_path / "p", list(ARTICLES)[:articles])
    build(root)
    args = [arg for param in params for arg in ("--param", param)]
    result = CliRunner().invoke(main, ["query", name, "--project", str(root), "--out", str(root / "out"),
                                       "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.csv"
    if not golden.exists():  # pragma: no cover - writes a new golden file, then fails until reviewed
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.output, encoding="utf-8")
        pytest.fail(f"wrote {golden}: review it and run again")
    assert result.output == golden.read_text(encoding="utf-8")


BAD_RANKS = [
    ("  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-01-10-rencana, value: ongoing, "
     "rank: preferred}\n",
     r"ranks.yaml:2: ranks\[0\]\.value: article 'uji-2023-01-10-rencana' states no status 'ongoing' for "
     r"'kolaborasi-pelatihan' \(hint: it states: planned\)"),
    ("  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-01-10-rencana, value: planned, "
     "rank: preferred}\n"
     "  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-03-05-berjalan, value: ongoing, "
     "rank: preferred}\n",
     r"ranks.yaml:3: ranks\[1\]\.rank: a second preferred status for 'kolaborasi-pelatihan'"),
    ("  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-01-10-rencana, value: planned, "
     "rank: deprecated}\n",
     r"ranks.yaml:2: ranks\[0\]\.rank: a deprecated statement needs a reason"),
    ("  - {about: kolaborasi-pelatihan, field: label, article: uji-2023-01-10-rencana, value: x, rank: preferred}\n",
     r"ranks.yaml:2: ranks\[0\]\.field: 'label' is not a ranked field"),
    ("  - {about: kolaborasi-pelatihan, field: status, article: uji-2023-01-10-rencana, value: planned, "
     "rank: best}\n",
     r"ranks.yaml:2: ranks\[0\]\.rank: unknown rank 'best'"),
]


@pytest.mark.parametrize("entries, message", BAD_RANKS)
def test_bad_ranks_are_one_clear_error_and_nothing_is_overwritten(corpus: Path, entries: str, message: str) -> None:
    build(corpus)
    before = files(corpus / "out" / "graphs" / "corpus")
    (corpus / "data" / "ranks.yaml").write_text("ranks:\n" + entries, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(corpus), "--out", str(corpus / "out")])
    assert result.exit_code != 0
    assert re.search(message, result.output), result.output
    assert files(corpus / "out" / "graphs" / "corpus") == before


def test_an_id_given_another_type_names_both_files(corpus: Path) -> None:
    path = corpus / "data/articles/uji-2023-03-05-berjalan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: Company", "type: Startup"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(corpus), "--out", str(corpus / "out")])
    assert result.exit_code != 0
    assert "'lazada' is a Startup here but a Company in" in result.output
    assert "uji-2023-01-10-rencana.yaml" in result.output and "uji-2023-03-05-berjalan.yaml" in result.output


def query_rows(root: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = [arg for param in params for arg in ("--param", param)]
    result = CliRunner().invoke(main, ["query", name, "--project", str(root), "--out", str(root / "out"),
                                       "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))
