"""Drafts for the tests: made by hand for the review tests (a dev-corpus article put in data/drafts/
of a copy of the dev corpus, with a `rule` and a `confidence` on every entity and on every value
written as a mapping, as `kg ingest` writes them: the contract of issue #12), and drafted by
`kg ingest` from crafted paragraphs, then built as articles."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import ROOT

DEV = ROOT / "examples" / "dev-corpus"
DRAFT_ID = "denbukitnews-2022-09-24-kominfo-dts-buleleng"


def draft_project(root: Path, draft_id: str = DRAFT_ID, hostile: str | None = None) -> Path:
    """A copy of the dev corpus with `draft_id` moved from its articles into data/drafts/ as a draft.
    `hostile` replaces the word "Buleleng" everywhere in the draft (a label that is markup)."""
    shutil.copytree(DEV / "ontology", root / "ontology")
    (root / "data" / "articles").mkdir(parents=True)
    for name in ("places.yaml", "dataset.yaml"):
        shutil.copy(DEV / "data" / name, root / "data" / name)
    drafts = root / "data" / "drafts"
    drafts.mkdir()
    for path in sorted((DEV / "data" / "articles").iterdir()):
        if path.suffix in {".yaml", ".txt"}:
            shutil.copy(path, (drafts if path.stem == draft_id else root / "data" / "articles") / path.name)
    for folder in (drafts, root / "data" / "articles"):  # the articles quote it for their publication dates
        shutil.copy(DEV / "data" / "articles" / "SOURCE.md", folder / "SOURCE.md")
    yaml_path = drafts / f"{draft_id}.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    if hostile:
        text = text.replace("Buleleng", hostile)
        txt = drafts / f"{draft_id}.txt"
        txt.write_text(txt.read_text(encoding="utf-8").replace("Buleleng", hostile), encoding="utf-8")
    yaml_path.write_text(with_rules(text), encoding="utf-8")
    return root


def with_rules(yaml_text: str) -> str:
    """The article YAML with rule and confidence keys on each entity and each mapping value."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    tree = yaml.load(yaml_text)
    for name in ("dateline", "publisher"):
        _mark(tree["article"][name], f"article-{name}", 0.9)
    for entity in tree["entities"]:
        _mark(entity, f"{entity['type'].lower()}-shape", 0.7)
        for key, value in entity.items():
            for one in value if isinstance(value, list) else [value]:
                if isinstance(one, dict) and "value" in one:
                    _mark(one, f"{key.replace('_', '-')}-cue", 0.5)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _mark(mapping: dict, rule: str, confidence: float) -> None:
    mapping["rule"] = rule
    mapping["confidence"] = confidence


def ingest_and_build(tmp_path: Path, texts: dict[str, str], published: str) -> list[Path]:
    """The texts (file name -> text) through `kg ingest` into a project with no articles (the
    build's checks run on each draft before it is written): nothing dropped by them; then the
    drafts moved among the articles and built. Returns the drafts' YAML files."""
    from click.testing import CliRunner

    from kg.cli import main

    project, inbox = tmp_path / "project", tmp_path / "inbox"
    shutil.copytree(ROOT / "ontology", project / "ontology")
    (project / "data" / "articles").mkdir(parents=True)
    for name in ("dataset.yaml", "places.yaml"):
        shutil.copyfile(ROOT / "data" / name, project / "data" / name)
    inbox.mkdir()
    for name, text in texts.items():
        (inbox / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(inbox), "--project", str(project), "--published", published])
    assert result.exit_code == 0, result.output
    assert "dropped" not in result.output  # every value held up against its evidence
    drafts = sorted((project / "data" / "drafts").glob("*.yaml"))
    for path in (project / "data" / "drafts").iterdir():
        shutil.move(path, project / "data" / "articles" / path.name)
    built = runner.invoke(main, ["build", "--project", str(project), "--out", str(tmp_path / "out"), "--quiet"])
    assert built.exit_code == 0, built.output
    return drafts
