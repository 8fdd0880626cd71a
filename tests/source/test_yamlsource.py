"""The YAML reader keeps line numbers, refuses duplicate keys and never crashes on dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import SourceError
from kg.source.yamlsource import line_of, load_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_of_keys_and_items(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, "a: 1\nlist:\n  - x\n  - {value: y}\nb: 2\n"))
    assert line_of(data, "a") == 1 and line_of(data, "b") == 5
    assert line_of(data["list"], 0) == 3 and line_of(data["list"], 1) == 4
    assert data["list"][1].line == 4


def test_dates_stay_text(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, "good: 2022-08-09\nbad: 2022-02-30\n"))
    assert data == {"good": "2022-08-09", "bad": "2022-02-30"}


def test_duplicate_key_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"x.yaml:3: malformed YAML: duplicate key 'a' \(first on line 1\)"):
        load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(SourceError, match="not UTF-8"):
        load_yaml(path)


@given(st.text(max_size=60))
def test_any_text_loads_or_gives_a_source_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("y") / "x.yaml"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        load_yaml(path)
    except SourceError as exc:
        assert str(exc).startswith(str(path)) or "x.yaml" in str(exc)
