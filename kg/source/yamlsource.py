"""YAML reading that remembers where each value came from, so errors can name a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg.errors import Location, SourceError


class Mapping(dict):
    """A YAML mapping with the line of the mapping and of each key's value."""

    line: int
    lines: dict[str, int]


class Sequence(list):
    """A YAML sequence with the line of each item."""

    line: int
    lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps lines, rejects duplicate keys and leaves dates as text.

    Dates stay strings so that an impossible date ("2022-02-30") becomes our own error with
    a line number instead of a crash inside PyYAML.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key {key!r} (first on line {result.lines[key]})",
                problem_mark=key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [item.start_mark.line + 1 for item in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; malformed YAML becomes a SourceError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(Location(path), f"cannot read file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(Location(path), "not UTF-8 text", "save the file as UTF-8") from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise SourceError(
            Location(path, line), f"malformed YAML: {problem}",
            "check indentation and quote values that contain ': ' or start with a quote mark",
        ) from exc
    except yaml.YAMLError as exc:
        raise SourceError(Location(path), f"malformed YAML: {exc}") from exc


def line_of(container: Any, key: str | int, default: int | None = None) -> int | None:
    """The line of a key in a Mapping or an index in a Sequence, when known."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key, getattr(container, "line", default))
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return getattr(container, "line", default)
