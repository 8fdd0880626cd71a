"""The catalogue of cached parts and the declarations it keeps: a build reads them instead of
every part's file and every declaration, and must then give what a build from scratch gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build.compile import build_to
from kg.build.parts import CATALOGUE, Part, PartCache
from kg.errors import SourceError
from kg.project import open_project
from tests.build.test_incremental import COPY, _articles, _assert_same, add_copy, remove_copy, rename_in_copy
from tests.conftest import ARTICLE_ID


def _cache(out: Path) -> PartCache:
    return PartCache(out / "generations" / "cache")


def test_kept_declarations_agree_with_a_count_from_scratch(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_to(open_project(project_copy), out)
    for number, step in enumerate([add_copy, rename_in_copy, remove_copy]):
        step(project_copy)
        build_to(open_project(project_copy), out)
        full = tmp_path / f"full-{number}"
        build_to(open_project(project_copy), full, full=True)
        kept, counted = _cache(out).listed()[1], _cache(full).listed()[1]
        assert kept == counted and kept is not None
        _assert_same(out, full)
    assert "ozora-startup" not in kept, "the copy that declared it is gone"


def test_a_type_one_new_article_contradicts_is_named_as_a_build_from_scratch_names_it(
        project_copy: Path, tmp_path: Path) -> None:
    build_to(open_project(project_copy), tmp_path / "out")
    add_copy(project_copy)
    copy = _articles(project_copy) / f"{COPY}.yaml"
    text = copy.read_text(encoding="utf-8")
    assert "  - id: lazada\n    type: Company\n" in text
    copy.write_text(text.replace("  - id: lazada\n    type: Company\n", "  - id: lazada\n    type: Startup\n"),
                    encoding="utf-8")
    with pytest.raises(SourceError) as incremental:
        build_to(open_project(project_copy), tmp_path / "out")
    with pytest.raises(SourceError) as scratch:
        build_to(open_project(project_copy), tmp_path / "full", full=True)
    assert str(incremental.value) == str(scratch.value)
    assert "lazada" in str(incremental.value) and "Company" in str(incremental.value)


def test_a_part_compiled_again_under_its_key_is_listed_no_more(tmp_path: Path) -> None:
    """A source compiled again under the same key (an entity it refers to changed type) must not
    be read from the catalogue as it was, even if the build that compiled it then failed."""
    cache = PartCache(tmp_path)
    before = Part("k", "data/places.yaml", None, [], {"lazada": "Company"}, None, [])
    cache.put(before, {"g": ["<s> <p> <o> <g> ."]})
    cache.keep_catalogue([before], {})
    assert PartCache(tmp_path).get("k") == before
    after = Part("k", "data/places.yaml", None, [], {"lazada": "Startup"}, None, [])
    reader = PartCache(tmp_path)
    reader.get("k")  # the catalogue read, as a build reads it before compiling
    reader.put(after, {"g": ["<s> <p> <o> <g> ."]})
    assert not (tmp_path / CATALOGUE).exists()
    assert PartCache(tmp_path).get("k").refs == {"lazada": "Startup"}


@pytest.mark.parametrize("damage", [b"{not json", b"[]", b'{"parts": {"k": 1}}', b""])
def test_a_damaged_catalogue_is_passed_over(project_copy: Path, tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "out"
    build_to(open_project(project_copy), out)
    (out / "generations" / "cache" / CATALOGUE).write_bytes(damage)
    add_copy(project_copy)
    build_to(open_project(project_copy), out)
    build_to(open_project(project_copy), tmp_path / "full", full=True)
    _assert_same(out, tmp_path / "full")


def test_a_text_only_change_or_a_copy_leaves_the_curated_file_as_it_was(project_copy: Path, tmp_path: Path) -> None:
    """A file is made of distinct blocks: the article compiled again with the same curated quads
    (its text changed), or a copy stating the same ones, does not write the curated graph again."""
    out = tmp_path / "out"
    build_to(open_project(project_copy), out)
    text = _articles(project_copy) / f"{ARTICLE_ID}.txt"

    def curated() -> int:
        return (out / "generations" / "current" / "graphs" / "curated" / "000.nq").stat().st_ino

    first = curated()
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report, _ = build_to(open_project(project_copy), out)
    assert report.compiled == 1 and curated() == first
    add_copy(project_copy)
    build_to(open_project(project_copy), out)
    assert curated() == first
    build_to(open_project(project_copy), tmp_path / "full", full=True)
    _assert_same(out, tmp_path / "full")
