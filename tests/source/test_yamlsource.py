"""The YAML reader keeps line numbers, refuses duplicate keys and never crashes on dates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import SourceError
from kg.source.limits import MAX_FILE_BYTES, hidden_character, shown
from kg.source.yamlsource import line_of, load_yaml, loader_class, parse_yaml
from tests.conftest import ROOT, article_yaml


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


# --- the limits (#13), on both the C loader and the pure-Python one ---------------------------

LOADERS = [pytest.param(loader_class(yaml.SafeLoader), id="python")]
if yaml.__with_libyaml__:
    LOADERS.append(pytest.param(loader_class(yaml.CSafeLoader), id="libyaml"))


def lines_of(data: Any) -> Any:
    """The data with the line of every mapping key and list item beside it, to compare loaders."""
    if isinstance(data, dict):
        return {key: (line_of(data, key), lines_of(value)) for key, value in data.items()}
    if isinstance(data, list):
        return [(line_of(data, index), lines_of(item)) for index, item in enumerate(data)]
    return data


def test_both_loaders_read_the_first_article_alike() -> None:
    text = article_yaml(ROOT).read_text(encoding="utf-8")
    loaded = [lines_of(parse_yaml(text, Path("a.yaml"), param.values[0])) for param in LOADERS]
    assert all(data == loaded[0] for data in loaded)
    line, jawa_timur = loaded[0]["entities"][1][1]
    assert line == 38 and jawa_timur["id"] == (38, "jawa-timur") and jawa_timur["label_en"] == (41, "East Java")


def laughs(levels: int, width: int = 10) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("text", "message"), [
    (laughs(9), r"a\.yaml:5: with its aliases expanded, this holds more than 100000 values"),
    ("a: " + "[" * 500 + "]" * 500, r"a\.yaml(:1)?: (malformed YAML: )?(nested more than 20|exceeded maximum nesting)"),
    ("a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(25)), r"a\.yaml:21: nested more than 20 levels deep"),
    ("? [a, b]\n: 1\n", r"a\.yaml:1: a key must be a name"),
    ("? {a: 1}\n: 1\n", r"a\.yaml:1: a key must be a name"),
    ('"a\\nb": 1\n', r"a\.yaml:1: a key must be a name"),
    ('"a\\u202eb": 1\n', r"a\.yaml:1: a key must be a name"),
    ("a: &a {x: 1}\nb:\n  <<: *a\n", r"a\.yaml:3: merge keys \(<<\) are not supported"),
    ('a: "\\ud800"\n', r"a\.yaml:1: (U\+D800 is not a character of text|malformed YAML: found invalid Unicode)"),
    ('a: "\\0"\n', r"a\.yaml:1: U\+0000 is not a character of text"),
    ("a: \x1b\n", r"a\.yaml:1: U\+001B is not allowed in a YAML file"),
    ("a: !!binary aGk=\n", r"a\.yaml:1: malformed YAML: could not determine a constructor"),
    ("a: !!timestamp 2022-02-30\n", r"a\.yaml:1: malformed YAML: could not determine a constructor"),
    ("a: !!set {x}\n", r"a\.yaml:1: malformed YAML: could not determine a constructor"),
    ("a: !!python/name:os.system\n", r"a\.yaml:1: malformed YAML: could not determine a constructor"),
    ("a: " + "7" * 5000 + "\n", r"a\.yaml:1: cannot read '777[.7]*' as int$"),
    ("a: &a [*a]\n", r"a\.yaml:1: malformed YAML: found unconstructable recursive node"),
])
def test_hostile_yaml_is_a_source_error(loader: type, text: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, Path("a.yaml"), loader)
    assert re.match(message, str(caught.value)), str(caught.value)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize("loader", LOADERS)
def test_aliases_may_repeat_values_within_the_limit(loader: type) -> None:
    data = parse_yaml(laughs(4) + "x: {value: &v lazada, evidence: *v}\n", Path("a.yaml"), loader)
    assert len(data["l3"]) == 10 and data["l3"][0][0][0][0] == "lol" and data["x"]["evidence"] == "lazada"


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\n" + "#" * MAX_FILE_BYTES)
    with pytest.raises(SourceError, match=r"x\.yaml: cannot read the file|x\.yaml: the file 'x\.yaml' is larger than"):
        load_yaml(path)


@pytest.mark.parametrize(("value", "limit"), [("x" * 10**6, 70), (list(range(10**6)), 70),
                                              ({str(i): [[[[i]]]] for i in range(10**5)}, 70), (True, 70)])
def test_values_are_quoted_short(value: object, limit: int) -> None:
    assert len(shown(value)) <= limit


@pytest.mark.parametrize(("text", "found"), [("Indonesia", None), ("Jawa\u00a0Timur", None),
                                             ("Indonesia\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
                                             ("a\u200bb", "U+200B ZERO WIDTH SPACE"), ("a\tb", "U+0009"),
                                             ("a\u2028b", "U+2028 LINE SEPARATOR"), ("\ue000", "U+E000")])
def test_hidden_characters(text: str, found: str | None) -> None:
    assert hidden_character(text) == found
