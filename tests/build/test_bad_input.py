"""Bad input: one clear error naming file, line and field, a non-zero exit, outputs untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import ARTICLE_ID, article_yaml


def run_build(root: Path, out: Path):
    return CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(out)])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the output folder (the query store included), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file and return the 1-based line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


YAML = f"data/articles/{ARTICLE_ID}.yaml"

CASES = [
    pytest.param(
        "  text: tribunjatim-2022-08-09-jatim-lazada.txt\n",
        "  text: tribunjatim-2022-08-09-jatim-lazada.txt\n  url: tribunjatim.com/berita\n",
        r"article\.url: 'tribunjatim\.com/berita' is not an http\(s\) address \(hint: write the address", id="url"),
    pytest.param(
        "  - id: ozora\n", "  - id: ozora\n    confidence: 1.5\n",
        r"entities\[\d+\]\.confidence: confidence must be a number from 0 to 1, not 1\.5", id="draft-confidence"),
    pytest.param(
        "holds: {value: kepala-dinas-kukm-jatim, as_of: 2022-08-09}",
        "holds: {value: kepala-dinas-kukm-jatim, as_of: 2022-08-09, rule: Post Holder}",
        r"entities\[\d+\]\.holds\.rule: 'Post Holder' is not a rule name", id="draft-rule"),
    pytest.param(
        "    operated_by: pemprov-jatim\n    description:", "    operated_by: pemprov-jatm\n    description:",
        r"entities\[\d+\]\.operated_by: unknown entity 'pemprov-jatm' \(hint: did you mean 'pemprov-jatim'",
        id="unknown-reference"),
    pytest.param(
        "  - id: ozora\n", "  - id: lazada\n",
        r"entities\[\d+\]\.id: duplicate id 'lazada' \(hint: it is already used on line \d+",
        id="duplicate-id"),
    pytest.param(
        "    type: Startup\n", "    type: Startp\n",
        r"entities\[\d+\]\.type: unknown type 'Startp' \(hint: did you mean 'Startup'",
        id="unknown-type"),
    pytest.param(
        "    speaker: haikal-bekti-anggoro\n    verb: tutup", "    speaker: studi-lazada-2021\n    verb: tutup",
        r"entities\[\d+\]\.speaker: speaker must point to a group or organisation or person, "
        r"but 'studi-lazada-2021' is a Study",
        id="wrong-type-of-reference"),
    pytest.param(
        "holds: {value: kepala-dinas-kukm-jatim, as_of: 2022-08-09}",
        "holds: {value: kepala-dinas-kukm-jatim, as_of: 2022-08-32}",
        r"entities\[\d+\]\.holds\.as_of: '2022-08-32' is not a real date", id="impossible-date"),
    pytest.param(
        "    said_on: {value: 2022-08-09,", "    said_on: {value: 9 Agustus 2022,",
        r"entities\[\d+\]\.said_on: '9 Agustus 2022' is not a date in YYYY-MM-DD, YYYY-MM or YYYY form "
        r"\(hint: write YYYY-MM-DD",
        id="invalid-date"),
    pytest.param(
        "    said_on: {value: 2022-08-09,", "    said_on: {value: 2022-08-10,",
        r"entities\[\d+\]\.said_on: 2022-08-10 differs from the evidence, which says 'Selasa \(9/8/22\)'",
        id="date-contradicts-article"),
    pytest.param(
        'evidence: "kami berkolaborasi dengan start up Ozora"', 'evidence: "kami bekerja sama dengan start up Ozora"',
        r"entities\[\d+\]\.evidence: 'kami bekerja sama dengan start up Ozora' is not in the article text "
        r"\(hint: closest passage: 'kami berkolaborasi dengan start up Ozora'",
        id="quote-not-in-article"),
    pytest.param(
        "    text: selain program MJC,", "    text: selain program MJ,",
        r"entities\[\d+\]\.text: 'selain program MJ, .*' is not, word for word, in its evidence",
        id="quote-text-not-in-evidence"),
    pytest.param(
        "    label: Haikal Bekti Anggoro\n", "    label: Haikal Bakti Anggoro\n",
        r"entities\[\d+\]\.label: the name 'Haikal Bakti Anggoro' is not in its evidence",
        id="misspelt-name"),
    pytest.param(
        "    status: {value: completed,", "    status: {value: done,",
        r"entities\[\d+\]\.status: unknown status 'done' \(hint: use one of planned, ongoing, completed",
        id="unknown-status"),
    pytest.param(
        "    participant_count: 28\n", "    participant_count: 29\n",
        r"entities\[\d+\]\.participant_count: the number 29 is not in its evidence", id="count-not-in-text"),
    pytest.param(
        "    venue: hotel-luminor-sidoarjo\n", "    venue: hotel-luminor-sidoarjo\n    venu: x\n",
        r"entities\[\d+\]\.venu: unknown field 'venu' for TrainingEvent \(hint: did you mean 'venue'",
        id="unknown-field"),
    pytest.param(
        "  - id: ozora\n    type: Startup\n", "  - id: ozora\n     type: Startup\n",
        r"malformed YAML", id="malformed-yaml"),
    pytest.param(
        "    label: Ozora\n", "    label: Ozora\n    label: Ozora\n",
        r"malformed YAML: duplicate key 'label'", id="duplicate-key"),
    # partial dates and intervals
    pytest.param(
        "    said_on: {value: 2022-08-09,", "    said_on: {value: 2022-13,",
        r"entities\[\d+\]\.said_on: '2022-13' is not a real month", id="partial-date-month-13"),
    pytest.param(
        "    said_on: {value: 2022-08-09,", "    said_on: {value: 2022-09,",
        r"entities\[\d+\]\.said_on: 2022-09 differs from the evidence, which says 'Selasa \(9/8/22\)' \(2022-08-09\)",
        id="partial-date-contradicts-article"),
    pytest.param(
        "    participant_count: 28\n",
        '    participant_count: 28\n'
        '    date: {value: 2021-05-01, evidence: {quote: "Studi Lazada di sepanjang 2021", occurrence: 2}}\n',
        r"entities\[\d+\]\.date: 2021-05-01 differs from the evidence, which says '2021' \(2021\) "
        r"\(hint: make the value match the article, no more precise than it is\)", id="date-more-precise-than-text"),
    pytest.param(
        "    participant_count: 28\n",
        '    participant_count: 28\n    date: {value: "2022", evidence: "Selasa (9/8/22)"}\n'
        '    end_date: {value: "2021", evidence: {quote: "Studi Lazada di sepanjang 2021", occurrence: 2}}\n',
        r"entities\[\d+\]\.end_date: the end date 2021 is before the start date 2022", id="end-before-start"),
    # target groups, taking part, parts of programs, places of words
    pytest.param(
        "    target_groups: pelaku-ukm-dan-start-up\n", "    target_groups: ozora\n",
        r"entities\[\d+\]\.target_groups: target_groups must point to a group, but 'ozora' is a Startup",
        id="target-group-not-a-group"),
    pytest.param(
        "    takes_part_in: gathering-networking-east-java-start-up\n", "    takes_part_in: surabaya\n",
        r"entities\[\d+\]\.takes_part_in: takes_part_in must point to a event or program, but 'surabaya' is a City",
        id="takes-part-in-a-place"),
    pytest.param(
        "    size: 28\n", "    size: 29\n",
        r"entities\[\d+\]\.size: the number 29 is not in its evidence", id="group-size-not-in-text"),
    pytest.param(
        "    operated_by: lazada\n    purpose:", "    operated_by: lazada\n    edition_of: lazada\n    purpose:",
        r"entities\[\d+\]\.edition_of: edition_of must point to a program, but 'lazada' is a Company",
        id="edition-of-a-company"),
    pytest.param(
        "    jurisdiction: jawa-timur\n", "    jurisdiction: [jawa-timur, pemprov-jatim]\n",
        r"entities\[\d+\]\.jurisdiction: jurisdiction must point to a place, but 'pemprov-jatim' is a "
        r"ProvincialGovernment", id="jurisdiction-not-a-place"),
    pytest.param(
        "    verb: tutup\n", "    verb: tutup\n    said_in: pelatihan-umkm-lazada-sidoarjo-2022-08-09\n",
        r"entities\[\d+\]\.said_in: said_in must point to a place, but 'pelatihan-umkm-lazada-sidoarjo-2022-08-09' "
        r"is a TrainingEvent", id="said-in-an-event"),
    # the source note
    pytest.param(
        'source_note: "Published: Tuesday 9 August 2022."', 'source_note: "Published: Tuesday 10 August 2022."',
        r"article\.published\.source_note: 'Published: Tuesday 10 August 2022\.' is not in the article text",
        id="source-note-quote-missing"),
    pytest.param(
        'source_note: "Published: Tuesday 9 August 2022."',
        'source_note: "Published: Tuesday 9 August 2022."\n    evidence: "Selasa (9/8/22)"',
        r"article\.published\.source_note: source_note needs the note's words, and is instead of evidence",
        id="source-note-beside-evidence"),
    pytest.param(
        "    label: Ozora\n", '    label: Ozora\n    description: {value: start up, source_note: "Published"}\n',
        r"entities\[\d+\]\.description\.source_note: source_note is only for the article block",
        id="source-note-on-an-entity"),
    pytest.param(
        "    value: 2022-08-09\n    source_note:", "    value: 2022-08-10\n    source_note:",
        r"article\.published: 2022-08-10 differs from the evidence, which says '9 August 2022' \(2022-08-09\)",
        id="source-note-date-differs"),
    pytest.param(
        'evidence: "Penulis: Fikri Firmansyah"}', 'evidence: "Fikri Firmansyah"}',
        r"article\.author\.evidence: 'Fikri Firmansyah' occurs 2 times \(article lines 4, 5\) "
        r"\(hint: quote more of the surrounding words, or add .occurrence: N.\)", id="ambiguous-quote"),
]


@pytest.mark.parametrize(("old", "new", "message"), CASES)
def test_bad_input_is_rejected_and_outputs_are_kept(project_copy: Path, tmp_path: Path, good_outputs: Path,
                                                    old: str, new: str, message: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(good_outputs, out)
    before = snapshot(out)
    line = edit(article_yaml(project_copy), old, new)
    result = run_build(project_copy, out)
    assert result.exit_code == 1
    error = result.stderr.strip()
    assert error.count("\n") == 0, "one line, no traceback"
    assert error.startswith(f"error: {YAML}:") or error.startswith(f"error: {article_yaml(project_copy)}:")
    assert re.search(message, error), error
    reported = int(re.search(r"\.yaml:(\d+)", error).group(1))
    assert abs(reported - line) <= 12, f"line {reported} is far from the edit on line {line}"
    assert snapshot(out) == before


def test_error_names_the_exact_line(project_copy: Path, tmp_path: Path) -> None:
    line = edit(article_yaml(project_copy), "    team_of: millenial-job-center\n", "    team_of: mjc\n")
    result = run_build(project_copy, tmp_path / "out")
    assert f".yaml:{line}: entities[" in result.stderr
    assert ".team_of: unknown entity 'mjc'" in result.stderr


def test_changed_article_text_is_caught(project_copy: Path, tmp_path: Path) -> None:
    text = project_copy / "data" / "articles" / f"{ARTICLE_ID}.txt"
    edit(text, "Hotel Luminor Sidoarjo", "Hotel Luminor  Sidoarjo")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "is not in the article text" in result.stderr


def test_type_conflict_between_files(project_copy: Path, tmp_path: Path) -> None:
    places = project_copy / "data" / "places.yaml"
    edit(places, "  - id: surabaya\n    type: City\n", "  - id: surabaya\n    type: Regency\n")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "'surabaya' is a City here but a Regency in data/places.yaml" in result.stderr.replace(
        str(project_copy) + "/", "")


def test_weekday_that_does_not_match_the_date_is_a_warning(project_copy: Path, tmp_path: Path) -> None:
    text = project_copy / "data" / "articles" / f"{ARTICLE_ID}.txt"
    edit(text, "Selasa (9/8/22)", "Rabu (9/8/22)")
    yaml_file = article_yaml(project_copy)
    content = yaml_file.read_text(encoding="utf-8").replace("Selasa (9/8/22)", "Rabu (9/8/22)")
    yaml_file.write_text(content, encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr
    assert "'Rabu (9/8/22)': Rabu does not fall on 2022-08-09" in result.stderr


def test_a_remarks_date_given_to_the_event_is_a_warning(project_copy: Path, tmp_path: Path) -> None:
    """"kata Andromeda ... pada acara rangkaian pelatihan ..., Selasa (9/8/22)" dates the remark."""
    edit(article_yaml(project_copy), "    venue: hotel-luminor-sidoarjo\n",
         '    venue: hotel-luminor-sidoarjo\n    date: {value: 2022-08-09, evidence: "Selasa (9/8/22)"}\n')
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert re.search(r"warning: .*\.yaml:\d+: entities\[\d+\]\.date: the event's date rests only on the words "
                     r"that date a remark made at it", result.stderr), result.stderr


def test_missing_text_file(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data" / "articles" / f"{ARTICLE_ID}.txt").unlink()
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "article.text: cannot read the article text" in result.stderr


def test_a_source_note_quoted_but_missing(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data" / "articles" / "SOURCE.md").unlink()
    result = run_build(project_copy, tmp_path / "out")
    assert result.exit_code == 1
    assert "article.published.source_note: there is no SOURCE.md beside the article to quote" in result.stderr


def test_not_a_project(tmp_path: Path) -> None:
    result = run_build(tmp_path, tmp_path / "out")
    assert result.exit_code == 1
    assert "is not a kg project" in result.stderr
