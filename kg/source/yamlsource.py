"""YAML reading that remembers where each value came from, so errors can name a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg.errors import Location, SourceError
from kg.source.limits import (
    MAX_DEPTH,
    MAX_KEY_CHARS,
    MAX_VALUES,
    clip,
    first_non_text,
    hidden_character,
    read_bounded,
    shown,
)


class Mapping(dict):
    """A YAML mapping with the line of the mapping and of each key's value."""

    line: int
    lines: dict[str, int]


class Sequence(list):
    """A YAML sequence with the line of each item."""

    line: int
    lines: list[int]


# Tags a data file may use: text, numbers, booleans, null, mappings and lists. Binary, sets,
# ordered maps, pairs and timestamps are refused, like any unknown tag, with a marked error.
_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq"))
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _LoaderMixin:
    """What both the C and the pure-Python loader add to PyYAML's safe loader: lines on every
    mapping and list, duplicate keys refused, dates left as text, and the limits.

    Dates stay strings so that an impossible date ("2022-02-30") becomes our own error with
    a line number instead of a crash inside PyYAML. Aliases (*name) may repeat a value (the
    articles repeat evidence that way), but the values of a file counted with every alias
    expanded stay under MAX_VALUES: a 1 KB "billion laughs" expands to 10^9. Merge keys (<<)
    are refused: they copy mappings while parsing, before any count.
    """

    constructed_objects: dict

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.depth = 0
        self.expanded: dict[yaml.Node, int] = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self._construct_scalar(node, deep)
        if self.depth >= MAX_DEPTH:
            raise _marked(node, f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            data = super().construct_object(node, deep)  # type: ignore[misc]
        finally:
            self.depth -= 1
        self._count(node)
        return data

    def _count(self, node: yaml.CollectionNode) -> None:
        """Record how many values the node holds with aliases expanded (its children are built)."""
        if node in self.expanded:
            return
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        size = 1 + sum(self.expanded.get(child, 1) for child in children)
        if size > MAX_VALUES:
            raise _marked(node, f"with its aliases expanded, this holds more than {MAX_VALUES} values")
        self.expanded[node] = size

    def _construct_scalar(self, node: yaml.ScalarNode, deep: bool) -> Any:
        hidden = first_non_text(node.value)  # an escape in double quotes can write any code point
        if hidden is not None:
            raise _marked(node, f"{hidden[1]} is not a character of text (a control character or a lone surrogate)")
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as exc:  # int() of 5000 digits, and the like
            raise _marked(node, f"cannot read {shown(node.value)} as {node.tag.rsplit(':', 1)[-1]}") from exc

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _marked(key_node, "merge keys (<<) are not supported; write the keys out")
        super().flatten_mapping(node)  # type: ignore[misc]


class _Refused(yaml.constructor.ConstructorError):
    """Well-formed YAML that this format refuses (too deep, too large, a complex key)."""


def _marked(node: yaml.Node, problem: str) -> _Refused:
    return _Refused(problem=problem, problem_mark=node.start_mark)


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        if (not isinstance(key_node, yaml.ScalarNode) or len(key_node.value) > MAX_KEY_CHARS
                or hidden_character(key_node.value)):  # keys are printed as field names in errors
            raise _marked(key_node, f"a key must be a name of at most {MAX_KEY_CHARS} characters "
                          "without control or bidi characters")
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                problem=f"duplicate key {shown(key)} (first on line {result.lines[key]})",
                problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [item.start_mark.line + 1 for item in node.value]
    return result


def loader_class(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """Our loader on a PyYAML base: the C one where libyaml is built in (6 ms instead of 49 ms
    for the first article's YAML), else the pure-Python one; both keep lines alike."""
    loader = type(f"Kg{base.__name__}", (_LoaderMixin, base), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.yaml_constructors = {tag: make for tag, make in base.yaml_constructors.items() if tag in _TAGS}
    loader.yaml_constructors[yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG] = _construct_mapping
    loader.yaml_constructors[yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG] = _construct_sequence
    loader.yaml_constructors[None] = base.yaml_constructors[None]  # any other tag: a marked error
    return loader


_LOADER = loader_class(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; malformed YAML becomes a SourceError naming the line."""
    return parse_yaml(read_bounded(path, Location(path), "the file"), path)


def parse_yaml(text: str, path: Path, loader: type[yaml.SafeLoader] = _LOADER) -> Any:
    """Parse YAML text read from `path` (which errors name)."""
    hidden = first_non_text(text)
    if hidden is not None:
        raise SourceError(Location(path, hidden[0]), f"{hidden[1]} is not allowed in a YAML file",
                          "remove the control character, or write it as an escape in double quotes")
    try:
        return yaml.load(text, Loader=loader)
    except _Refused as exc:
        raise SourceError(Location(path, exc.problem_mark.line + 1), str(exc.problem)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = clip(exc.problem or exc.context or "malformed YAML", 200)
        raise SourceError(
            Location(path, line), f"malformed YAML: {problem}",
            "check indentation and quote values that contain ': ' or start with a quote mark",
        ) from exc
    except yaml.YAMLError as exc:
        raise SourceError(Location(path), f"malformed YAML: {clip(str(exc), 200)}") from exc
    except RecursionError as exc:  # the pure-Python parser nests its calls as deep as the brackets
        raise SourceError(Location(path), f"malformed YAML: nested more than {MAX_DEPTH} levels deep") from exc


def line_of(container: Any, key: str | int, default: int | None = None) -> int | None:
    """The line of a key in a Mapping or an index in a Sequence, when known."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key, getattr(container, "line", default))
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return getattr(container, "line", default)
