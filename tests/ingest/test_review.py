"""Reviewing a draft in the library: its items, each decision applied to the YAML on disk (checked
by the build, written atomically, logged), and Finish moving the draft among the articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.build.compile import build
from kg.build.drafts import DraftChecker
from kg.errors import SourceError
from kg.ingest.decisions import read_decisions
from kg.ingest.finish import finish
from kg.ingest.review import Draft, Item, ReviewError, decide, known_entities, open_draft, reviewed
from kg.project import open_project
from kg.source.text import Span
from kg.source.yamlsource import parse_yaml
from kg.web.review import segments
from tests.ingest.drafting import DRAFT_ID, draft_project

SURYADA = "i-putu-suryada-santhi"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return draft_project(tmp_path)


@pytest.fixture
def checker(root: Path) -> DraftChecker:
    return DraftChecker(open_project(root))


def _draft(root: Path) -> Draft:
    return open_draft(root, DRAFT_ID)


def _item(draft: Draft, entity: str, field: str = "") -> Item:
    return next(i for i in draft.items if i.entity == entity and i.field == field)


def _tree(draft: Draft) -> dict:
    return parse_yaml(draft.yaml_path.read_text(encoding="utf-8"), draft.yaml_path)


def _entity(tree: dict, ident: str) -> dict | None:
    return next((e for e in tree["entities"] if e["id"] == ident), None)


def test_the_items_are_the_entities_and_the_proposed_values_with_their_evidence(root: Path) -> None:
    draft = _draft(root)
    person = _item(draft, SURYADA)
    assert (person.kind, person.label, person.rule, person.confidence) == ("Person", "I Putu Suryada Santhi",
                                                                            "person-shape", 0.7)
    assert _item(draft, SURYADA, "holds").label == "kepala-bidang-pkp-kominfosanti-buleleng"
    assert [i.path for i in draft.items[:2]] == ["article.publisher", "article.dateline"]
    assert draft.text[draft.items[1].spans[0].start:draft.items[1].spans[0].end] == "SINGARAJA, DENBUKITNEWS.COM -"
    collaboration = next(i for i in draft.items if i.kind == "Collaboration")
    assert collaboration.status == "planned"
    assert all(i.spans for i in draft.items)


def test_accepting_keeps_the_yaml_and_logs_the_decision(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    before = draft.yaml_path.read_bytes()
    decide(draft, _item(draft, SURYADA).path, "accepted", checker.check, label="I Putu Suryada Santhi")
    assert draft.yaml_path.read_bytes() == before
    [record] = read_decisions(root / "data" / "review" / "decisions.jsonl")
    assert record == {"draft": DRAFT_ID, "path": "entities[17]", "entity": SURYADA, "rule": "person-shape",
                      "confidence": 0.7, "decision": "accepted", "kind": "Person", "label": "I Putu Suryada Santhi"}
    assert reviewed(_draft(root)) == {"entities[17]": "accepted"}


def test_rejecting_an_entity_removes_it_and_what_referred_to_it(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    outcome = decide(draft, _item(draft, SURYADA).path, "rejected", checker.check)
    assert outcome.removed == ["entities[38].speaker", "entities[39].speaker", "entities[40].speaker",
                               "entities[41].speaker"]
    tree = _tree(draft)
    assert _entity(tree, SURYADA) is None
    assert SURYADA not in draft.yaml_path.read_text(encoding="utf-8")
    text = draft.yaml_path.read_text(encoding="utf-8")
    assert text.startswith("# DenBukitNews.com, 24 September 2022") and "# --- Government ---" in text
    checker.check(draft.yaml_path, text)  # the build still takes it


def test_rejecting_a_value_removes_only_it(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    decide(draft, _item(draft, "bali", "aliases").path, "rejected", checker.check)
    bali = _entity(_tree(draft), "bali")
    assert bali is not None and "aliases" not in bali and bali["label"] == "Bali"


def test_an_edit_the_build_refuses_writes_nothing(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    before = draft.yaml_path.read_bytes()
    with pytest.raises(SourceError, match="'Balinese' is not in its evidence"):
        decide(draft, "entities[0]", "edited", checker.check, {"label": "Balinese"})
    assert draft.yaml_path.read_bytes() == before
    assert not (root / "data" / "review" / "decisions.jsonl").exists()


def test_editing_type_and_label(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    new = {"type": "GovernmentOffice", "label": "Dinas Komunikasi, Informatika, Persandian dan Statistik"}
    decide(draft, _item(draft, "dinas-kominfosanti-buleleng").path, "edited", checker.check, new)
    dinas = _entity(_tree(draft), "dinas-kominfosanti-buleleng")
    assert dinas is not None and {"type": dinas["type"], "label": dinas["label"]} == new
    [record] = read_decisions(draft.log_path)
    assert (record["kind"], record["edited_to"]) == ("Dinas", new)
    assert reviewed(_draft(root)) == {"entities[12]": "edited"}


def test_linking_an_entity_to_one_the_project_has(root: Path, checker: DraftChecker) -> None:
    """The draft's Kemenkominfo is the project's komdigi (an id of another article): its id and
    type become the known ones, and every reference in the draft follows."""
    project = open_project(root)
    known = {k.ident: k.type for k in known_entities(project.places_file, project.article_files)}
    assert known["komdigi"] == "Ministry"
    draft = _draft(root)
    decide(draft, _item(draft, "kemenkominfo").path, "edited", checker.check, {"id": "komdigi"}, known)
    text = draft.yaml_path.read_text(encoding="utf-8")
    assert "kemenkominfo" not in text.replace("kemenkominfo-", "").replace("-kemenkominfo", "")
    assert "participants: [komdigi, pemkab-buleleng]" in text
    with pytest.raises(ReviewError, match="no entity 'nowhere' in the project"):
        decide(_draft(root), _item(_draft(root), "bali").path, "edited", checker.check, {"id": "nowhere"}, known)


def test_editing_a_status_value_is_checked_against_its_cue(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    status = next(i for i in draft.items if i.field == "status" and i.label == "planned")
    with pytest.raises(ReviewError, match="unknown status 'done'"):
        decide(draft, status.path, "edited", checker.check, {"value": "done"})
    outcome = decide(draft, status.path, "edited", checker.check, {"value": "ongoing"})
    assert outcome.record["edited_to"] == {"value": "ongoing"}
    assert "status: {value: ongoing, evidence: \"Program itu akan dijalankan melalui\"" in \
        draft.yaml_path.read_text(encoding="utf-8")


def test_a_stale_page_is_refused(root: Path, checker: DraftChecker) -> None:
    stale = _draft(root)
    decide(_draft(root), "entities[0]", "rejected", checker.check)
    with pytest.raises(ReviewError, match="the draft has changed"):
        decide(_draft(root), "entities[0]", "accepted", checker.check, label="Bali")
    with pytest.raises(ReviewError, match="changed since it was read"):
        decide(stale, "entities[1]", "rejected", checker.check)


def test_decisions_follow_their_items_when_an_entity_before_them_goes(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    decide(draft, _item(draft, "buleleng").path, "accepted", checker.check)
    decide(_draft(root), "entities[0]", "rejected", checker.check)
    assert reviewed(_draft(root)) == {"entities[0]": "accepted"}  # Buleleng, one place up


def test_a_failed_write_keeps_the_old_file(root: Path, checker: DraftChecker, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _draft(root)
    before = draft.yaml_path.read_bytes()

    def broken(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("kg.rdfio.os.replace", broken)
    with pytest.raises(OSError):
        decide(draft, "entities[0]", "rejected", checker.check)
    assert draft.yaml_path.read_bytes() == before
    assert sorted(p.name for p in draft.yaml_path.parent.iterdir()) == ["SOURCE.md", f"{DRAFT_ID}.txt",
                                                                        f"{DRAFT_ID}.yaml"]
    assert not draft.log_path.exists()


def test_finish_moves_the_draft_and_the_project_builds(root: Path, checker: DraftChecker) -> None:
    target = finish(_draft(root), checker.check)
    assert target == root / "data" / "articles" / f"{DRAFT_ID}.yaml"
    assert (root / "data" / "articles" / f"{DRAFT_ID}.txt").is_file()
    assert "rule: person-shape" in target.read_text(encoding="utf-8")
    assert [p.name for p in (root / "data" / "drafts").iterdir()] == ["SOURCE.md"]
    assert DRAFT_ID in build(open_project(root)).articles


def test_finish_can_strip_the_draft_keys(root: Path, checker: DraftChecker) -> None:
    target = finish(_draft(root), checker.check, strip=True)
    text = target.read_text(encoding="utf-8")
    assert "rule:" not in text and "confidence:" not in text and text.startswith("# DenBukitNews.com")


def test_finish_never_overwrites_an_article(root: Path, checker: DraftChecker) -> None:
    existing = root / "data" / "articles" / f"{DRAFT_ID}.txt"
    existing.write_text("an article already here\n", encoding="utf-8")
    draft = _draft(root)
    with pytest.raises(ReviewError, match="already exists: a reviewed article is never overwritten"):
        finish(draft, checker.check, strip=True)
    assert existing.read_text(encoding="utf-8") == "an article already here\n"
    assert draft.yaml_path.read_text(encoding="utf-8") == draft.yaml_text
    assert not (root / "data" / "articles" / f"{DRAFT_ID}.yaml").exists()


def test_unknown_items_and_decisions_are_refused(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    with pytest.raises(ReviewError, match="no proposed item"):
        decide(draft, "entities[999]", "accepted", checker.check)
    with pytest.raises(ReviewError, match="unknown decision"):
        decide(draft, "entities[0]", "maybe", checker.check)
    with pytest.raises(ReviewError, match="cannot edit 'evidence'"):
        decide(draft, "entities[0]", "edited", checker.check, {"evidence": "Bali"})
    with pytest.raises(ReviewError, match="one line of text"):
        decide(draft, "entities[0]", "edited", checker.check, {"label": "Ba\nli"})
    with pytest.raises(ReviewError, match="not a draft id"):
        open_draft(root, "../articles/x")
    assert not draft.log_path.exists()


def test_the_log_is_one_json_object_a_line(root: Path, checker: DraftChecker) -> None:
    draft = _draft(root)
    decide(draft, "entities[0]", "accepted", checker.check)
    with draft.log_path.open("a", encoding="utf-8") as log:
        log.write('{"torn": \n')
    decide(_draft(root), "entities[1]", "accepted", checker.check)
    lines = draft.log_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[2])["path"] == "entities[1]"
    assert [r["path"] for r in read_decisions(draft.log_path)] == ["entities[0]", "entities[1]"]


@given(st.text(alphabet="ab \n", min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_segments_cover_the_text_once_with_the_items_over_each_run(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [Span(start % len(text), min(len(text), start % len(text) + 1 + width)) for start, width in raw]
    items = [Item(f"entities[{n}]", f"e{n}", "Place", "x", None, None, (span,)) for n, span in enumerate(spans)]
    runs = segments(text, items, ["place"] * len(items))
    assert "".join(run.text for run in runs) == text
    offset = 0
    for run in runs:
        over = {n for n, item in enumerate(items) for span in item.spans
                if span.start <= offset and offset + len(run.text) <= span.end}
        assert set(run.items) == over and (run.group == "place") == bool(over)
        offset += len(run.text)


def test_rejecting_an_article_value(root: Path, checker: DraftChecker) -> None:
    """A dateline is a proposed value of the article block like any other."""
    draft = _draft(root)
    decide(draft, "article.dateline", "rejected", checker.check, label="singaraja")
    assert "dateline" not in _tree(draft)["article"]
    assert reviewed(_draft(root)) == {}  # the item is gone, and so is its mark
