"""kg ingest and kg eval through the command line: drafts of the gold texts build as they are,
bad input is one clear line, and eval's figures on fixtures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "examples" / "dev-corpus" / "data" / "articles"
SEED = ROOT / "data" / "articles" / "tribunjatim-2022-08-09-jatim-lazada"
GOLD = [SEED, *sorted(p.with_suffix("") for p in DEV.glob("*.yaml"))]


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """A project with the real ontology and gazetteer and no articles."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    (root / "data" / "articles").mkdir(parents=True)
    for name in ("dataset.yaml", "places.yaml"):
        shutil.copyfile(ROOT / "data" / name, root / "data" / name)
    return root


def kg(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_drafts_of_the_gold_texts_build_once_moved_into_articles(empty_project: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for gold in GOLD:
        shutil.copyfile(gold.with_suffix(".txt"), inbox / gold.with_suffix(".txt").name)
    result = kg("ingest", inbox, "--project", empty_project, "--published", "2022-08-09")
    assert result.exit_code == 0, result.output
    drafts = empty_project / "data" / "drafts"
    assert len(list(drafts.glob("*.yaml"))) == 4
    for path in drafts.iterdir():
        shutil.move(path, empty_project / "data" / "articles" / path.name)
    built = kg("build", "--project", empty_project, "--out", tmp_path / "out", "--quiet")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "graph.nq").stat().st_size > 10_000


def test_draft_records_rule_and_confidence_and_is_byte_identical_on_a_second_run(empty_project: Path) -> None:
    text = SEED.with_suffix(".txt")
    assert kg("ingest", text, "--project", empty_project, "--published", "2022-08-09").exit_code == 0
    draft = empty_project / "data" / "drafts" / f"{SEED.name}.yaml"
    first = draft.read_bytes()
    assert b"rule: post-comma-name" in first and b"confidence: " in first
    assert (empty_project / "data" / "drafts" / f"{SEED.name}.txt").read_bytes() == text.read_bytes()
    assert kg("ingest", text, "--project", empty_project, "--published", "2022-08-09", "--force").exit_code == 0
    assert draft.read_bytes() == first


def test_existing_draft_is_refused_without_force_and_a_reviewed_article_never_overwritten(
        empty_project: Path, tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("JAKARTA, CONTOH.COM - Pemkot Medan hadir Selasa (9/8/22).\n", encoding="utf-8")
    assert kg("ingest", text, "--project", empty_project).exit_code == 0
    again = kg("ingest", text, "--project", empty_project)
    assert again.exit_code == 1 and "the draft already exists" in again.output and "--force" in again.output
    (empty_project / "data" / "articles" / "a.yaml").write_text("reviewed\n", encoding="utf-8")
    refused = kg("ingest", text, "--project", empty_project, "--force")
    assert refused.exit_code == 1 and "never overwritten" in refused.output
    assert (empty_project / "data" / "articles" / "a.yaml").read_text(encoding="utf-8") == "reviewed\n"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the article is empty"),
    (b"   \n\n", "the article is empty"),
    (b"Berita\nKata caf\xe9 di sini", "not UTF-8 text (line 2, byte 15)"),
    (b"x" * (10 * 1024 * 1024), "larger than 2048 KB"),
    (b"Kata kata.\n" * 10_000, "more than 100,000"),
])
def test_bad_input_is_one_clear_line(empty_project: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = kg("ingest", path, "--project", empty_project)
    assert result.exit_code == 1
    assert message in result.output and result.output.count("\n") == 1
    assert not (empty_project / "data" / "drafts" / "bad.yaml").exists()


def test_no_date_is_a_warning_and_the_draft_has_no_publication_date(empty_project: Path, tmp_path: Path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text("Berita tanpa tanggal apa pun.\n", encoding="utf-8")
    result = kg("ingest", path, "--project", empty_project)
    assert result.exit_code == 0, result.output
    assert "warning: nodate.txt: no publication date" in result.output
    assert "published:" not in (empty_project / "data" / "drafts" / "nodate.yaml").read_text(encoding="utf-8")


def test_html_is_stripped_with_a_warning_and_missing_dateline_warned(empty_project: Path, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>Pemkot Medan membuka kelas, Selasa (9/8/22).</p></body></html>", encoding="utf-8")
    result = kg("ingest", path, "--project", empty_project)
    assert result.exit_code == 0, result.output
    assert "looks like HTML; tags were stripped" in result.output
    assert "no dateline" in result.output
    assert "<p>" not in (empty_project / "data" / "drafts" / "page.txt").read_text(encoding="utf-8")


def test_eval_of_gold_against_itself_is_perfect() -> None:
    result = kg("eval", DEV.parent / "articles", DEV.parent / "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["macro"]
    assert figures["entity_f1"] == 1.0 and figures["relation_f1"] == 1.0 and figures["status_accuracy"] == 1.0


def _seed_draft(folder: Path, more: str) -> Path:
    """A draft of the seed article in `folder` (its text beside it): Lazada, and `more` entities."""
    shutil.copyfile(SEED.with_suffix(".txt"), folder / f"{SEED.name}.txt")
    draft = folder / f"{SEED.name}.yaml"
    draft.write_text(
        f"article: {{id: {SEED.name}, text: {SEED.name}.txt, language: id, published: 2022-08-09}}\n"
        "entities:\n"
        "  - {id: lz, type: Company, label: Lazada, evidence: keterbukaan Lazada, rule: partner-cue}\n" + more,
        encoding="utf-8")
    return draft


def test_eval_lists_misses_and_false_proposals(tmp_path: Path) -> None:
    gold, draft = SEED.with_suffix(".yaml"), _seed_draft(
        tmp_path,
        "  - {id: hb, type: Person, label: Haikal, evidence: tutup Haikal, rule: person-age}\n"
        "  - {id: zz, type: Startup, label: Zeta, evidence: start up Ozora, rule: startup-cue}\n"
        "  - {id: k, type: Collaboration, label: x, participants: [lz], status: planned,\n"
        "     evidence: 'kedepannya, Lazada berharap bisa berkolaborasi'}\n")
    result = kg("eval", draft, gold)
    assert result.exit_code == 0, result.output
    assert "false entity: zz (Startup) Zeta" in result.output
    assert "missed entity: ozora (Startup) Ozora" in result.output
    assert "status 0/1" in result.output
    assert "missed relation: kolaborasi-lazada-pihak-lain participants lazada" not in result.output
    data = json.loads(kg("eval", draft, gold, "-f", "json").output)["articles"][0]
    assert data["entities"]["matched"] == 3 and data["entities"]["proposed"] == 4
    assert data["rules"]["startup-cue"] == [0, 1]


def test_eval_rules_reads_review_decisions(tmp_path: Path) -> None:
    decisions = tmp_path / "data" / "review" / "decisions.jsonl"
    decisions.parent.mkdir(parents=True)
    rows = [{"draft": "a", "path": "entities[0]", "rule": "partner-cue", "confidence": 0.5, "decision": d,
             "kind": "Company", "label": "X"} for d in ("accepted", "rejected", "rejected")]
    decisions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = kg("eval", "--rules", "--project", tmp_path)
    assert result.exit_code == 0, result.output
    assert "partner-cue: review 1/3 accepted, 0 edited, 2 rejected" in result.output


def test_rejections_lower_a_rules_confidence_in_the_next_draft(empty_project: Path, tmp_path: Path) -> None:
    decisions = empty_project / "data" / "review" / "decisions.jsonl"
    decisions.parent.mkdir(parents=True)
    decisions.write_text("".join(json.dumps({"rule": "startup-cue", "decision": "rejected"}) + "\n"
                                 for _ in range(3)), encoding="utf-8")
    text = tmp_path / "s.txt"
    text.write_text("JAKARTA, CONTOH.COM - Kami bertemu start up Ozora, Selasa (9/8/22).\n", encoding="utf-8")
    assert kg("ingest", text, "--project", empty_project).exit_code == 0
    draft = (empty_project / "data" / "drafts" / "s.yaml").read_text(encoding="utf-8")
    assert "rule: startup-cue\n  confidence: 0.0" in draft


def test_an_item_the_build_refuses_is_dropped_and_said(empty_project: Path) -> None:
    from kg.errors import KgError
    from kg.ingest.draft import checked, make_draft, propose, read_cues
    from kg.project import open_project

    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    draft = make_draft("d", text, propose(text, {}, read_cues(ROOT / "ontology" / "kg.ttl")), None, None, {})
    first = draft.document["entities"][0]["id"]
    calls: list[int] = []

    def check(root: Path) -> list[str]:  # refuses the first entity once, as a worker-compiled build would say it
        calls.append(1)
        if len(calls) == 1:
            raise KgError(f"{root}/data/articles/d.yaml:12: entities[0]: duplicate of something")
        return []

    result = checked(draft, open_project(empty_project), check)
    assert all(e["id"] != first for e in result.document["entities"])
    assert "dropped entities[0]: duplicate of something" in result.warnings


def test_source_url_becomes_the_articles_url_and_a_folder_takes_no_id(empty_project: Path, tmp_path: Path) -> None:
    text = tmp_path / "s.txt"
    text.write_text("JAKARTA, CONTOH.COM - Pemkot Medan hadir, Selasa (9/8/22).\n", encoding="utf-8")
    bad = kg("ingest", text, "--project", empty_project, "--source", "https://contoh.com/a\nb")
    assert bad.exit_code == 2 and "--source" in bad.output and "http(s) address" in bad.output
    result = kg("ingest", text, "--project", empty_project, "--source", "https://contoh.com/a")
    assert result.exit_code == 0, result.output
    draft = (empty_project / "data" / "drafts" / "s.yaml").read_text(encoding="utf-8")
    assert "url: https://contoh.com/a\n" in draft
    refused = kg("ingest", tmp_path, "--project", empty_project, "--id", "x")
    assert refused.exit_code == 2 and "--id names one draft" in refused.output


def test_a_draft_does_not_make_the_built_graph_stale(empty_project: Path, tmp_path: Path) -> None:
    """Drafts and the review log are not build inputs: `kg query` keeps answering while a draft
    waits for review."""
    shutil.copytree(ROOT / "queries", empty_project / "queries")
    out = tmp_path / "out"
    assert kg("build", "--project", empty_project, "--out", out).exit_code == 0
    text = tmp_path / "medan.txt"
    shutil.copyfile(GOLD[1].with_suffix(".txt"), text)
    drafted = kg("ingest", text, "--project", empty_project, "--out", out, "--published", "2025-11-08")
    assert drafted.exit_code == 0, drafted.output
    assert (empty_project / "data" / "drafts" / "medan.yaml").is_file()
    answered = kg("query", "articles", "--project", empty_project, "--out", out)
    assert answered.exit_code == 0, answered.output


def test_status_accuracy_with_no_matched_collaboration_is_not_measured(tmp_path: Path) -> None:
    """A draft that matches no collaboration says nothing about statuses: n/a, not a perfect 1.0,
    and the macro average leaves that article out."""
    gold, draft = SEED.with_suffix(".yaml"), _seed_draft(tmp_path, "")
    result = kg("eval", draft, gold)
    assert result.exit_code == 0, result.output
    assert "status 0/0" in result.output and "status_accuracy n/a" in result.output
    data = json.loads(kg("eval", draft, gold, "-f", "json").output)
    assert data["articles"][0]["status_accuracy"] is None and data["macro"]["status_accuracy"] is None


def test_drafts_of_cohorts_surveys_and_trials_build_with_nothing_dropped(empty_project: Path, tmp_path: Path) -> None:
    from tests.ingest import test_news_cohorts_told_alone as cohorts
    from tests.ingest import test_news_collaborations_by_acts as acts
    from tests.ingest import test_news_speakers_by_verbs as speakers
    from tests.ingest import test_news_surveys as surveys

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = {"makassar": cohorts.MAKASSAR, "ambon": cohorts.AMBON, "parepare": cohorts.PAREPARE,
             "kendari": speakers.KENDARI, "pontianak": surveys.PONTIANAK, "jayapura": acts.JAYAPURA}
    for name, text in texts.items():
        (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
    result = kg("ingest", inbox, "--project", empty_project, "--published", "2025-03-11")
    assert result.exit_code == 0, result.output
    assert "dropped" not in result.output  # every cohort, group, study and trial builds as drafted
    draft = (empty_project / "data" / "drafts" / "makassar.yaml").read_text(encoding="utf-8")
    assert "id: juragan-digital-gelombang-pertama" in draft and "label: Gelombang pertama" in draft


def test_eval_reads_a_gold_text_with_blank_lines_as_its_draft_stores_it(tmp_path: Path) -> None:
    """A gold article written with a blank line between paragraphs is the same article as its
    draft, whose text keeps none: eval compares them, and every gold span is found."""
    gold_dir, draft_dir = tmp_path / "gold", tmp_path / "drafts"
    gold_dir.mkdir()
    draft_dir.mkdir()
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    (gold_dir / f"{SEED.name}.txt").write_text(text.replace("\n", "\n\n"), encoding="utf-8")
    shutil.copyfile(SEED.with_suffix(".yaml"), gold_dir / f"{SEED.name}.yaml")
    shutil.copyfile(SEED.with_suffix(".txt"), draft_dir / f"{SEED.name}.txt")
    shutil.copyfile(SEED.with_suffix(".yaml"), draft_dir / f"{SEED.name}.yaml")
    result = kg("eval", draft_dir, gold_dir, "-f", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["macro"]
    assert figures["entity_f1"] == 1.0 and figures["relation_f1"] == 1.0
