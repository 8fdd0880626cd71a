"""What a new user hit in their first hour with the network commands, driven as they would."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.network.projection import load
from kg.project import Project
from tests.conftest import ROOT, article_yaml


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output + (result.stderr or "")


def test_a_mistyped_focus_suggests_the_nearest_id(built_out: Path, tmp_path: Path) -> None:
    code, output = _run("viz", "--project", str(ROOT), "--built", str(built_out), "--focus", "lazda",
                        "--out", str(tmp_path / "n.html"))
    assert code == 1 and "did you mean 'lazada'" in output
    assert not (tmp_path / "n.html").exists()


def test_a_focus_by_name_resolves_without_warnings(built_out: Path, tmp_path: Path) -> None:
    code, output = _run("viz", "--project", str(ROOT), "--built", str(built_out), "--focus", "Pemprov Jatim",
                        "--depth", "1", "--out", str(tmp_path / "n.html"))
    assert code == 0, output
    assert "does not look like a valid URI" not in output and "warning" not in output.lower()


def test_a_path_from_an_entity_to_itself_says_so(built_out: Path) -> None:
    code, output = _run("path", "lazada", "lazada", "--project", str(ROOT), "--out", str(built_out))
    assert code == 1 and "the same entity" in output


def test_export_refuses_an_out_that_does_not_fit_the_format(built_out: Path, tmp_path: Path) -> None:
    base = ("export", "--project", str(ROOT), "--built", str(built_out))
    code, output = _run(*base, "--format", "csv", "--out", str(tmp_path / "network.csv"))
    assert code == 1 and "into a folder" in output and "--out" in output
    code, output = _run(*base, "--format", "png", "--out", str(tmp_path / "network.svg"))
    assert code == 1 and "network.png" in output
    assert list(tmp_path.iterdir()) == []
    code, output = _run(*base, "--format", "svg", "--out", str(tmp_path / "network.svg"))
    assert code == 0 and (tmp_path / "network.svg").read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_readers_refuse_a_stale_build_like_kg_query(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("build", "--project", str(project_copy), "--out", str(out))[0] == 0
    yaml_file = article_yaml(project_copy)
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    for args in (("viz", "--built", str(out), "--out", str(tmp_path / "n.html")),
                 ("stats", "--out", str(out)), ("validate", "--out", str(out)),
                 ("query", "articles", "--out", str(out))):
        code, output = _run(*args, "--project", str(project_copy))
        assert code == 2 and "run `kg build`" in output, (args, output)


def test_stats_ranks_one_kind_of_entity(built_copy: Path) -> None:
    code, output = _run("stats", "--project", str(ROOT), "--out", str(built_copy), "--top", "3",
                        "--type", "organisation")
    assert code == 0, output
    ranking = output.split("degree (distinct neighbours), top 3:\n", 1)[1].split("\n\n", 1)[0]
    assert "id:pemprov-jatim" in ranking and "id:jawa-timur" not in ranking and "Quote" not in ranking
    code, output = _run("stats", "--project", str(ROOT), "--out", str(built_copy), "--type", "Compnay")
    assert code == 1 and "did you mean 'Company'" in output


def test_relations_are_named_as_people_read_them(project: Project, built_out: Path) -> None:
    network = load(project, built_out)
    labels = {d["relation"]: d["relation_label"] for _, _, d in network.edges(data=True)}
    assert labels["kg:operatedBy"] == "operated by"
    assert all(label and "#" not in label for label in labels.values())
